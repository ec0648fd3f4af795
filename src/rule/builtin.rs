//! The built-in rule pack, embedded at compile time from `rules/`, each
//! file with its JSON form made by the build script (`build/main.rs`).

use std::borrow::Cow;

use super::Source;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// Every embedded rule and lexicon file, sorted by path.
#[must_use]
pub fn sources() -> Vec<Source> {
    BUILTIN
        .iter()
        .map(|(relative, text, json)| Source {
            path: format!("builtin:rules/{relative}"),
            relative: (*relative).to_owned(),
            text: Cow::Borrowed(text),
            json: *json,
        })
        .collect()
}
