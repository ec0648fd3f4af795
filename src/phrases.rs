//! One pass over a message for every phrase of every rule and intent, and
//! for every literal that gates a pattern.
//!
//! Rules and intent lexicons register their phrase lists with a
//! [`PhraseIndexBuilder`], which hands back a [`ListId`]; patterns register
//! the literal sets their matches need ([`crate::pattern::gate`]) and get a
//! [`GateId`]. Everything compiles into a single Aho-Corasick automaton
//! (ASCII case-insensitive), so linting scans the text once, whatever the
//! number of rules. A phrase matches whole words inside the writer's own
//! sections, and a straight apostrophe in a phrase also matches a curly
//! one; a gate literal opens its set wherever it appears in the prose.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::span::Span;

/// Names one registered phrase list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ListId(u32);

/// Names one registered gate: a set of literals of which every match of
/// a pattern contains one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateId(u32);

/// What one literal of the automaton stands for.
#[derive(Debug, Default)]
struct Entry {
    /// Phrase lists holding it (matched as whole words).
    lists: Vec<ListId>,
    /// Gates it opens (matched anywhere).
    gates: Vec<GateId>,
}

/// Collects phrase lists and gates before compiling them together.
#[derive(Debug, Default)]
pub struct PhraseIndexBuilder {
    literals: Vec<String>,
    entries: Vec<Entry>,
    seen: HashMap<String, usize>,
    lists: u32,
    gates: u32,
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
                let lists = &mut self.entry(variant).lists;
                if !lists.contains(&id) {
                    lists.push(id);
                }
            }
        }
        id
    }

    /// Register a gate: `literals` are lowercase, with no tabs or line
    /// breaks. The gate is open on a text holding any of them.
    pub fn gate(&mut self, literals: &[String]) -> GateId {
        let id = GateId(self.gates);
        self.gates += 1;
        for literal in literals {
            let gates = &mut self.entry(literal.clone()).gates;
            if !gates.contains(&id) {
                gates.push(id);
            }
        }
        id
    }

    fn entry(&mut self, literal: String) -> &mut Entry {
        let index = *self.seen.entry(literal.clone()).or_insert_with(|| {
            self.literals.push(literal);
            self.entries.push(Entry::default());
            self.literals.len() - 1
        });
        &mut self.entries[index]
    }

    /// Compile every registered list and gate into one automaton.
    ///
    /// # Panics
    /// Never for phrase input: Aho-Corasick only refuses automata larger than
    /// memory allows, which phrase lists cannot reach.
    #[must_use]
    pub fn build(self) -> PhraseIndex {
        let automaton = (!self.literals.is_empty()).then(|| {
            // Literals are lowercase and the scan lowercases ASCII in the
            // text, the same as `ascii_case_insensitive` but with half the
            // transitions to build (building dominates a one-draft run).
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .match_kind(MatchKind::Standard)
                .build(&self.literals)
                .expect("phrase automaton fits in memory")
        });
        let edges = self.literals.iter().map(|p| (p.starts_with(is_word_char), p.ends_with(is_word_char))).collect();
        PhraseIndex { automaton, entries: self.entries, edges, gates: self.gates as usize }
    }
}

/// All phrase lists and gates compiled into one automaton.
#[derive(Debug)]
pub struct PhraseIndex {
    automaton: Option<AhoCorasick>,
    entries: Vec<Entry>,
    /// Whether each literal starts / ends with a word character (and so,
    /// as a phrase, needs a word boundary there).
    edges: Vec<(bool, bool)>,
    gates: usize,
}

/// What one scan of a message found.
#[derive(Debug, Default, Clone)]
pub struct Scan {
    pub hits: Hits,
    pub open: Open,
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

/// The gates open on one text.
#[derive(Debug, Clone, Default)]
pub struct Open {
    bits: Vec<u64>,
}

impl Open {
    #[must_use]
    pub fn has(&self, id: GateId) -> bool {
        self.bits.get(id.0 as usize / 64).is_some_and(|word| word & (1 << (id.0 % 64)) != 0)
    }

    fn insert(&mut self, id: GateId) {
        self.bits[id.0 as usize / 64] |= 1 << (id.0 % 64);
    }
}

impl PhraseIndex {
    /// Scan `text` once: phrase matches inside `regions` (sorted spans, the
    /// writer's sections), and the gates open anywhere in it. Line breaks
    /// and tabs match a phrase's spaces.
    #[must_use]
    pub fn scan(&self, text: &str, regions: &[Span]) -> Scan {
        let mut open = Open { bits: vec![0; self.gates.div_ceil(64)] };
        let Some(automaton) = &self.automaton else { return Scan { hits: Hits::default(), open } };
        let mut hits = Vec::new();
        let flat = fold(text);
        for m in automaton.find_overlapping_iter(flat.as_slice()) {
            let literal = m.pattern().as_usize();
            let entry = &self.entries[literal];
            entry.gates.iter().for_each(|&id| open.insert(id));
            if entry.lists.is_empty() {
                continue;
            }
            let span = Span::new(m.start(), m.end());
            let Some(region) = regions.iter().find(|r| r.contains(span)) else { continue };
            let (need_start, need_end) = self.edges[literal];
            if need_start && text[region.start..span.start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            if need_end && text[span.end..region.end].chars().next().is_some_and(is_word_char) {
                continue;
            }
            hits.extend(entry.lists.iter().map(|&list| (list, span)));
        }
        hits.sort_unstable();
        hits.dedup();
        Scan { hits: Hits { hits }, open }
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
        let hits = index.scan(text, &[Span::new(0, text.len())]).hits;
        let got: Vec<&str> = hits.of(a).map(|s| s.of(text)).collect();
        assert_eq!(got, ["pick your\nbrain", "JUST"]);
        assert_eq!(hits.of(b).count(), 1);
    }

    #[test]
    fn phrases_in_regions_gates_anywhere() {
        let mut builder = PhraseIndexBuilder::default();
        let list = builder.list(&["tool"]);
        let tool = builder.gate(&["tool".to_owned(), "app".into()]);
        let our = builder.gate(&["our ".to_owned()]);
        let index = builder.build();
        let text = "Try our\ntoolkit.\n> Our TOOL";
        let scan = index.scan(text, &[Span::new(0, 16)]);
        assert!(scan.open.has(tool) && scan.open.has(our), "gates open on any literal, anywhere");
        assert_eq!(scan.hits.of(list).count(), 0, "not a whole word in the region, outside it otherwise");
        let scan = index.scan("nothing here", &[Span::new(0, 12)]);
        assert!(!scan.open.has(tool) && !scan.open.has(our));
    }
}
