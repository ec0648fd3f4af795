//! The built-in pack's patterns as the build prepared them
//! (`build/patterns.rs`): gates and anchoring already read off the syntax
//! tree, and for most, forward and reverse DFAs serialized in the binary.
//! The DFAs are dense: they take more room than sparse ones, but search
//! faster, and read in constant time.
//!
//! The message model's own patterns ([`crate::message::patterns`]) are
//! here too, in [`MODEL`]: plain regex syntax, not a rule's.
//!
//! A pattern found here is not parsed when its rule loads, and its DFAs
//! are read (a header check, no copy, no compiling) the first time a
//! message opens its gate. Any rule that writes the same pattern text, a
//! user's too, gets the same: the text alone decides what it means.

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

/// A set of the message model's patterns, prepared at build time: one
/// pair of DFAs searches for all of them.
#[derive(Debug)]
pub struct Model {
    pub sources: &'static [&'static str],
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
    /// bytes fail the header check (a build for another target gone wrong),
    /// and the pattern then compiles as any other.
    #[must_use]
    pub fn regex(&self) -> Option<DfaRegex> {
        dfa_regex(self.automata?)
    }
}

/// A set of the message model's patterns ([`crate::message::patterns`]),
/// from the build's DFAs when it has them, compiled otherwise. A match's
/// pattern is its index in `sources`.
///
/// # Panics
/// When a pattern of the model does not compile (tested).
#[must_use]
pub fn model(sources: &[&'static str]) -> Matcher {
    let prebuilt = MODEL.iter().find(|m| m.sources == sources).and_then(|m| dfa_regex(m.automata?));
    match prebuilt {
        Some(regex) => Matcher::Dfa(Box::new(regex)),
        None => Matcher::Meta(meta::Regex::new_many(sources).expect("the model's patterns compile (tested)")),
    }
}

fn dfa_regex((forward, reverse): (&'static [u8], &'static [u8])) -> Option<DfaRegex> {
    Some(Regex::builder().build_from_dfas(deserialize(forward)?, deserialize(reverse)?))
}

/// A DFA from the bytes the build serialized, without checking every
/// transition again: `DFA::from_bytes` spends about three instructions a
/// byte doing that, a third of a one-draft run. The header (format version,
/// endianness, alignment, sizes) is still checked, and a table that fails
/// it gives `None`, as with the full check.
#[allow(unsafe_code)] // the only unsafe code in the crate
fn deserialize(bytes: &'static [u8]) -> Option<DFA<&'static [u32]>> {
    // SAFETY: `bytes` is one of the tables the build script wrote with
    // `DFA::to_bytes_*_endian` for this target (`build/patterns.rs`), and
    // `include_bytes!` put it in the binary's read-only data, unchanged.
    // The build script and this crate use the same regex-automata (one
    // version in Cargo.lock), and the header check refuses a table of
    // another serialization format or endianness. Every table passes the
    // full `DFA::from_bytes` check in the tests
    // (`every_table_passes_the_full_check`).
    let (dfa, _) = unsafe { DFA::from_bytes_unchecked(bytes) }.ok()?;
    Some(dfa)
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
        for sources in crate::message::patterns::ALL {
            assert!(matches!(model(sources), Matcher::Dfa(_)), "{sources:?}");
        }
    }

    #[test]
    fn every_table_passes_the_full_check() {
        let tables = PREBUILT.iter().filter_map(|p| p.automata).chain(MODEL.iter().filter_map(|m| m.automata));
        let mut checked = 0;
        for (forward, reverse) in tables {
            for bytes in [forward, reverse] {
                let (dfa, read) = DFA::from_bytes(bytes).expect("a valid DFA");
                assert_eq!(read, bytes.len(), "the whole table is one DFA");
                let unchecked = deserialize(bytes).expect("the header checks out");
                assert_eq!(dfa.memory_usage(), unchecked.memory_usage());
                checked += 1;
            }
        }
        assert!(checked > 180, "only {checked} tables");
    }

    #[test]
    fn found_by_source() {
        let first = &PREBUILT[0];
        assert!(std::ptr::eq(find(first.source).expect("found"), first));
        assert!(find("no such pattern (?x)").is_none());
    }
}
