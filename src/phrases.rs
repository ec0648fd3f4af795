//! One pass over a message for every phrase of every rule and intent.
//!
//! Rules and intent lexicons register their phrase lists with a
//! [`PhraseIndexBuilder`], which hands back a [`ListId`]. All phrases compile
//! into a single Aho-Corasick automaton (ASCII case-insensitive), so linting
//! scans the text once, whatever the number of rules. A phrase matches whole
//! words only, and a straight apostrophe in a phrase also matches a curly one.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::span::Span;

/// Names one registered phrase list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ListId(u32);

/// Collects phrase lists before compiling them together.
#[derive(Debug, Default)]
pub struct PhraseIndexBuilder {
    patterns: Vec<String>,
    owners: Vec<Vec<ListId>>,
    seen: HashMap<String, usize>,
    lists: u32,
}

impl PhraseIndexBuilder {
    /// Register a phrase list and get its id. Phrases are matched
    /// case-insensitively as whole words.
    pub fn list<S: AsRef<str>>(&mut self, phrases: &[S]) -> ListId {
        let id = ListId(self.lists);
        self.lists += 1;
        for phrase in phrases {
            for variant in variants(&normalize(phrase.as_ref())) {
                if variant.is_empty() {
                    continue;
                }
                let index = *self.seen.entry(variant.clone()).or_insert_with(|| {
                    self.patterns.push(variant);
                    self.owners.push(Vec::new());
                    self.patterns.len() - 1
                });
                if !self.owners[index].contains(&id) {
                    self.owners[index].push(id);
                }
            }
        }
        id
    }

    /// Compile every registered list into one automaton.
    ///
    /// # Panics
    /// Never for phrase input: Aho-Corasick only refuses automata larger than
    /// memory allows, which phrase lists cannot reach.
    #[must_use]
    pub fn build(self) -> PhraseIndex {
        let automaton = (!self.patterns.is_empty()).then(|| {
            // Patterns are lowercase and the scan lowercases ASCII in the
            // text, the same as `ascii_case_insensitive` but with half the
            // transitions to build (building dominates a one-draft run).
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .match_kind(MatchKind::Standard)
                .build(&self.patterns)
                .expect("phrase automaton fits in memory")
        });
        let edges = self.patterns.iter().map(|p| (p.starts_with(is_word_char), p.ends_with(is_word_char))).collect();
        PhraseIndex { automaton, owners: self.owners, edges }
    }
}

/// All phrase lists compiled into one automaton.
#[derive(Debug)]
pub struct PhraseIndex {
    automaton: Option<AhoCorasick>,
    owners: Vec<Vec<ListId>>,
    /// Whether each pattern starts / ends with a word character (and so
    /// needs a word boundary there).
    edges: Vec<(bool, bool)>,
}

/// The phrase matches found in one text, grouped by list.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    hits: Vec<(ListId, Span)>,
}

impl Hits {
    /// Matches of one list, in text order.
    pub fn of(&self, list: ListId) -> impl Iterator<Item = Span> + '_ {
        let start = self.hits.partition_point(|(l, _)| *l < list);
        self.hits[start..].iter().take_while(move |(l, _)| *l == list).map(|(_, s)| *s)
    }

    /// Whether any match of `list` lies inside `within`.
    #[must_use]
    pub fn any_in(&self, list: ListId, within: Span) -> bool {
        self.of(list).any(|s| within.contains(s))
    }
}

impl PhraseIndex {
    /// Scan `regions` of `text` (each a span) once, returning every match.
    /// Line breaks and tabs inside a region match a phrase's spaces.
    #[must_use]
    pub fn scan(&self, text: &str, regions: &[Span]) -> Hits {
        let Some(automaton) = &self.automaton else { return Hits::default() };
        let mut hits = Vec::new();
        for &region in regions {
            let slice = region.of(text);
            let flat = fold(slice);
            for m in automaton.find_overlapping_iter(flat.as_slice()) {
                let pattern = m.pattern().as_usize();
                let (start, end) = (m.start(), m.end());
                let (need_start, need_end) = self.edges[pattern];
                if need_start && slice[..start].chars().next_back().is_some_and(is_word_char) {
                    continue;
                }
                if need_end && slice[end..].chars().next().is_some_and(is_word_char) {
                    continue;
                }
                let span = Span::new(region.start + start, region.start + end);
                hits.extend(self.owners[pattern].iter().map(|&list| (list, span)));
            }
        }
        hits.sort_unstable();
        hits.dedup();
        Hits { hits }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `slice` with line breaks and tabs as spaces and ASCII letters
/// lowercased: byte for byte the same length, so offsets carry over.
fn fold(slice: &str) -> Vec<u8> {
    flatten_whitespace(slice).bytes().map(|b| b.to_ascii_lowercase()).collect()
}

fn normalize(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A phrase with `'` also written `’`, and `’` also written `'`.
fn variants(phrase: &str) -> Vec<String> {
    if !phrase.contains(['\'', '’']) {
        return vec![phrase.to_owned()];
    }
    vec![phrase.replace('’', "'"), phrase.replace('\'', "’")]
}

fn flatten_whitespace(slice: &str) -> std::borrow::Cow<'_, str> {
    if slice.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
        std::borrow::Cow::Owned(slice.replace(['\n', '\r', '\t'], " "))
    } else {
        std::borrow::Cow::Borrowed(slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_any_case_both_apostrophes() {
        let mut builder = PhraseIndexBuilder::default();
        let a = builder.list(&["pick your brain", "just"]);
        let b = builder.list(&["I'm reaching out"]);
        let index = builder.build();
        let text = "Justin: I’m reaching out to pick your\nbrain, JUST once.";
        let hits = index.scan(text, &[Span::new(0, text.len())]);
        let got: Vec<&str> = hits.of(a).map(|s| s.of(text)).collect();
        assert_eq!(got, ["pick your\nbrain", "JUST"]);
        assert_eq!(hits.of(b).count(), 1);
    }
}
