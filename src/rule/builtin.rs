//! The built-in rule pack, embedded at compile time from `rules/`.

use super::Source;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// Every embedded rule and lexicon file, sorted by path.
#[must_use]
pub fn sources() -> Vec<Source> {
    BUILTIN
        .iter()
        .map(|(relative, text)| Source {
            path: format!("builtin:rules/{relative}"),
            relative: (*relative).to_owned(),
            text: (*text).to_owned(),
        })
        .collect()
}
