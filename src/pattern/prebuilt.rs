//! The built-in pack's patterns as the build prepared them
//! (`build/patterns.rs`): gates and anchoring already read off the syntax
//! tree, and for most, forward and reverse DFAs serialized in the binary.
//! The DFAs are dense: they take more room than sparse ones, but check
//! three times faster as they deserialize, and search faster.
//!
//! The message model's own patterns ([`crate::message::patterns`]) are
//! here too, in [`MODEL`]: plain regex syntax, not a rule's.
//!
//! A pattern found here is not parsed when its rule loads, and its DFAs
//! are deserialized (a check of every state, no compiling) the first time
//! a message opens its gate. Any rule that writes the same pattern text,
//! a user's too, gets the same: the text alone decides what it means.

use regex_automata::dfa::{dense::DFA, regex::Regex};
use regex_automata::meta;

use super::Matcher;

/// A pattern's DFAs, ready to search.
pub type DfaRegex = Regex<DFA<&'static [u32]>>;

/// Bytes aligned for a dense DFA's `u32` transitions.
#[repr(C)]
pub struct Aligned<B: ?Sized> {
    align: [u32; 0],
    bytes: B,
}

/// One pattern of the pack, prepared at build time.
#[derive(Debug)]
pub struct Prebuilt {
    /// The pattern as its rule writes it.
    pub source: &'static str,
    /// Whether a match depends on where the searched text starts or ends.
    pub anchored: bool,
    /// The literal sets every match contains one of ([`super::gate`]).
    pub gates: &'static [&'static [&'static str]],
    /// The serialized dense DFAs, forward and reverse; `None` for the few
    /// patterns whose DFAs would be too large.
    pub automata: Option<(&'static [u8], &'static [u8])>,
}

/// One of the message model's patterns, prepared at build time.
#[derive(Debug)]
pub struct Model {
    pub source: &'static str,
    pub automata: Option<(&'static [u8], &'static [u8])>,
}

include!(concat!(env!("OUT_DIR"), "/prebuilt_patterns.rs"));

/// The prepared form of `source`, if the pack has that pattern.
#[must_use]
pub fn find(source: &str) -> Option<&'static Prebuilt> {
    PREBUILT.binary_search_by(|p| p.source.cmp(source)).ok().map(|i| &PREBUILT[i])
}

impl Prebuilt {
    /// The pattern's DFAs as a regex; `None` when it has none, or when the
    /// bytes do not deserialize (a build for another target gone wrong),
    /// and the pattern then compiles as any other.
    #[must_use]
    pub fn regex(&self) -> Option<DfaRegex> {
        dfa_regex(self.automata?)
    }
}

/// One of the message model's patterns ([`crate::message::patterns`]),
/// from the build's DFAs when it has them, compiled otherwise.
///
/// # Panics
/// When a pattern of the model does not compile (tested).
#[must_use]
pub fn model(source: &'static str) -> Matcher {
    let prebuilt = MODEL.iter().find(|m| m.source == source).and_then(|m| dfa_regex(m.automata?));
    match prebuilt {
        Some(regex) => Matcher::Dfa(Box::new(regex)),
        None => Matcher::Meta(meta::Regex::new(source).expect("the model's patterns compile (tested)")),
    }
}

fn dfa_regex((forward, reverse): (&'static [u8], &'static [u8])) -> Option<DfaRegex> {
    let forward = DFA::from_bytes(forward).ok()?.0;
    let reverse = DFA::from_bytes(reverse).ok()?.0;
    Some(Regex::builder().build_from_dfas(forward, reverse))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_most_patterns_have_automata() {
        assert!(PREBUILT.windows(2).all(|w| w[0].source < w[1].source));
        let with = PREBUILT.iter().filter(|p| p.automata.is_some()).count();
        assert!(PREBUILT.len() > 90, "{} patterns", PREBUILT.len());
        assert!(with * 10 >= PREBUILT.len() * 8, "{with} of {} have DFAs", PREBUILT.len());
        assert!(PREBUILT.iter().all(|p| p.automata.is_none() || p.regex().is_some()));
    }

    #[test]
    fn the_model_has_automata_for_every_pattern() {
        assert_eq!(MODEL.len(), crate::message::patterns::ALL.len());
        for source in crate::message::patterns::ALL {
            assert!(matches!(model(source), Matcher::Dfa(_)), "{source}");
        }
    }

    #[test]
    fn found_by_source() {
        let first = &PREBUILT[0];
        assert!(std::ptr::eq(find(first.source).expect("found"), first));
        assert!(find("no such pattern (?x)").is_none());
    }
}
