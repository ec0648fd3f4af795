//! One pass over a message for every phrase of every rule and intent, and
//! for every literal that gates a pattern.
//!
//! Rules and intent lexicons register their phrase lists with a
//! [`PhraseIndexBuilder`], which hands back a [`ListId`]; patterns register
//! the literal sets their matches need ([`crate::pattern::gate`]) and get a
//! [`GateId`]. A phrase matches whole words inside the writer's own
//! sections, case-insensitively (ASCII), and a straight apostrophe in a
//! phrase also matches a curly one; a gate literal opens its set wherever
//! it appears in the prose.
//!
//! For a batch ([`Workload::Batch`]) everything compiles into one
//! Aho-Corasick automaton, so a message is scanned once whatever the number
//! of rules. For one draft, building that automaton would cost more than
//! the rest of the run: a phrase that starts with a letter or digit can
//! only match where a word starts, so such phrases are filed in a table
//! under their first two words and looked up word by word (most only when
//! the text is scanned, and only if the text has their first words:
//! `Deferred`), and gate literals (which match anywhere, inside a word too)
//! and phrases starting with punctuation are filed under their first two
//! bytes and tried where the text has them (`Anywhere`). Both find the
//! same matches.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::span::Span;
use crate::workload::Workload;

/// Names one registered phrase list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ListId(u32);

/// Names one registered gate: a set of literals of which every match of
/// a pattern contains one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateId(u32);

/// What one literal stands for.
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
    seen: FxHashMap<String, usize>,
    /// Phrases as their lists give them, filed when the index is built.
    phrases: Vec<(Box<str>, ListId)>,
    lists: u32,
    gates: u32,
}

impl PhraseIndexBuilder {
    /// Register a phrase list and get its id. Phrases are matched
    /// case-insensitively as whole words. (Owned strings are kept as they
    /// are, not copied.)
    pub fn list<S: Into<Box<str>>>(&mut self, phrases: impl IntoIterator<Item = S>) -> ListId {
        let id = ListId(self.lists);
        self.lists += 1;
        self.phrases.extend(phrases.into_iter().map(|phrase| (phrase.into(), id)));
        id
    }

    /// File `phrase` of list `id`, in its forms the scan looks for.
    fn register(&mut self, phrase: &str, id: ListId) {
        for_each_form(phrase, |form| self.file(form, id));
    }

    fn file(&mut self, phrase: &str, id: ListId) {
        let lists = &mut self.entry(phrase).lists;
        if !lists.contains(&id) {
            lists.push(id);
        }
    }

    /// Register a gate: `literals` are lowercase, with no tabs or line
    /// breaks. The gate is open on a text holding any of them.
    pub fn gate(&mut self, literals: &[impl AsRef<str>]) -> GateId {
        let id = GateId(self.gates);
        self.gates += 1;
        for literal in literals {
            let gates = &mut self.entry(literal.as_ref()).gates;
            if !gates.contains(&id) {
                gates.push(id);
            }
        }
        id
    }

    fn entry(&mut self, literal: &str) -> &mut Entry {
        let index = match self.seen.get(literal) {
            Some(&index) => index,
            None => {
                self.literals.push(literal.to_owned());
                self.entries.push(Entry::default());
                self.seen.insert(literal.to_owned(), self.literals.len() - 1);
                self.literals.len() - 1
            }
        };
        &mut self.entries[index]
    }

    /// Compile every registered list and gate for `workload`.
    ///
    /// # Panics
    /// Never for phrase input: Aho-Corasick only refuses automata larger than
    /// memory allows, which phrase lists cannot reach.
    #[must_use]
    pub fn build(mut self, workload: Workload) -> PhraseIndex {
        let mut deferred = Vec::new();
        for (phrase, id) in std::mem::take(&mut self.phrases) {
            if workload == Workload::Draft && Deferred::takes(&phrase) {
                deferred.push((phrase, id));
            } else {
                self.register(&phrase, id);
            }
        }
        let mut words = Words { filed: workload == Workload::Draft, ..Words::default() };
        let mut anywhere = Vec::new();
        for (index, (literal, entry)) in self.literals.iter().zip(&self.entries).enumerate() {
            let index = index as u32;
            let filed = words.filed && !entry.lists.is_empty() && words.file(literal, index);
            if !entry.gates.is_empty() || (!entry.lists.is_empty() && !filed) {
                anywhere.push(index);
            }
        }
        let anywhere = Anywhere::new(&self.literals, anywhere, workload);
        let edges = self.literals.iter().map(|p| (p.starts_with(is_word_char), p.ends_with(is_word_char))).collect();
        PhraseIndex {
            anywhere,
            words,
            literals: self.literals,
            entries: self.entries,
            edges,
            gates: self.gates as usize,
            deferred: Deferred(deferred),
        }
    }
}

/// The literals found anywhere in a text, inside words too: gate literals,
/// and phrases that are not filed under words.
#[derive(Debug)]
enum Anywhere {
    /// For a batch: one automaton, whatever the number of literals.
    /// Pattern `i` is literal `ids[i]`.
    Automaton { automaton: AhoCorasick, ids: Vec<u32> },
    /// For one draft: literals filed by their first two bytes (or their one
    /// byte) and tried where the text has those bytes. Building the
    /// automaton for 500 literals would cost more than scanning a draft of
    /// a few kilobytes this way.
    Table { starts: Box<[bool; 256]>, one: FxHashMap<u8, Vec<u32>>, two: FxHashMap<[u8; 2], Vec<u32>> },
}

impl Anywhere {
    /// # Panics
    /// Never for phrase input: Aho-Corasick only refuses automata larger
    /// than memory allows, which phrase lists cannot reach.
    fn new(literals: &[String], ids: Vec<u32>, workload: Workload) -> Self {
        if workload == Workload::Batch {
            // Literals are lowercase and the scan lowercases ASCII in the
            // text: the same as `ascii_case_insensitive`, with half the
            // transitions to build.
            let automaton = AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .match_kind(MatchKind::Standard)
                .build(ids.iter().map(|&id| &literals[id as usize]))
                .expect("phrase automaton fits in memory");
            return Self::Automaton { automaton, ids };
        }
        let mut starts = Box::new([false; 256]);
        let mut one: FxHashMap<u8, Vec<u32>> = FxHashMap::default();
        let mut two: FxHashMap<[u8; 2], Vec<u32>> = FxHashMap::default();
        for id in ids {
            match *literals[id as usize].as_bytes() {
                [] => {} // never registered: gates and phrases are not empty
                [first] => {
                    starts[usize::from(first)] = true;
                    one.entry(first).or_default().push(id);
                }
                [first, second, ..] => {
                    starts[usize::from(first)] = true;
                    two.entry([first, second]).or_default().push(id);
                }
            }
        }
        Self::Table { starts, one, two }
    }

    /// Call `f` with the literal, start and end of every match in `flat`,
    /// overlapping ones included.
    fn for_each(&self, literals: &[String], flat: &[u8], mut f: impl FnMut(usize, usize, usize)) {
        match self {
            Self::Automaton { automaton, ids } => {
                for m in automaton.find_overlapping_iter(flat) {
                    f(ids[m.pattern().as_usize()] as usize, m.start(), m.end());
                }
            }
            Self::Table { starts, one, two } => {
                for (at, &byte) in flat.iter().enumerate() {
                    if !starts[usize::from(byte)] {
                        continue;
                    }
                    let alone = one.get(&byte).into_iter().flatten();
                    let pair = flat.get(at + 1).and_then(|&next| two.get(&[byte, next])).into_iter().flatten();
                    for &id in alone.chain(pair) {
                        let literal = literals[id as usize].as_bytes();
                        if flat[at..].starts_with(literal) {
                            f(id as usize, at, at + literal.len());
                        }
                    }
                }
            }
        }
    }
}

/// The phrases a draft's index files only once it sees the text: those
/// in ASCII that start with a letter or digit, nearly all of them. Filing
/// 2,400 phrases costs a third of a one-draft run; checking which can start
/// at a word of the one text checked, and filing those, costs a quarter of
/// that. (`--fix` scans the rewritten text again: it is checked again.)
#[derive(Debug, Default)]
struct Deferred(Vec<(Box<str>, ListId)>);

impl Deferred {
    /// Whether `phrase` can wait for the text: once normalized, it is
    /// filed under its words and found only where a word starts.
    fn takes(phrase: &str) -> bool {
        phrase.is_ascii() && phrase.trim_start().starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
    }

    /// An index of the phrases that can start at a word of `regions`: a
    /// phrase of one word where the text has that word, a longer one where
    /// it has its first two words (and what separates them).
    fn index_for(&self, text: &str, flat: &[u8], regions: &[Span]) -> Option<PhraseIndex> {
        if self.0.is_empty() {
            return None;
        }
        let mut one = FxHashSet::default();
        let mut two = FxHashSet::default();
        for region in regions {
            let mut runs = word_runs(text, *region).peekable();
            while let Some((start, end)) = runs.next() {
                one.insert(&flat[start..end]);
                if let Some(&(_, next)) = runs.peek() {
                    two.insert(&flat[start..next]);
                }
            }
        }
        let mut builder = PhraseIndexBuilder::default();
        for (phrase, id) in self.0.iter().filter(|(phrase, _)| Self::first_word_in(phrase, &one)) {
            for_each_form(phrase, |form| {
                let present = match first_words(form) {
                    Some((first, None)) => one.contains(&form.as_bytes()[..first]),
                    Some((_, Some(second))) => two.contains(&form.as_bytes()[..second]),
                    None => unreachable!("a deferred phrase starts with a word character"),
                };
                if present {
                    builder.file(form, *id);
                }
            });
        }
        Some(builder.build(Workload::Draft))
    }

    /// Whether `words` (a text's words, folded) has the first word of
    /// `phrase`, a deferred one: every form of the phrase starts with it,
    /// so without it none can be found, and the phrase need not even be
    /// normalized. Most of the pack's phrases are settled here.
    fn first_word_in(phrase: &str, words: &FxHashSet<&[u8]>) -> bool {
        let phrase = phrase.trim_start();
        let end = word_end(phrase, 0);
        let mut folded = [0; 32];
        let Some(first) = folded.get_mut(..end) else { return true }; // a long word: the full check decides
        first.iter_mut().zip(phrase.as_bytes()).for_each(|(to, from)| *to = from.to_ascii_lowercase());
        words.contains(&*first)
    }
}

/// `phrase` normalized, then as written and, when it has an apostrophe,
/// with straight and curly apostrophes swapped (each matches the other).
fn for_each_form(phrase: &str, mut f: impl FnMut(&str)) {
    let phrase = normalize(phrase);
    if phrase.is_empty() {
        return;
    }
    if phrase.contains(['\'', '’']) {
        f(&phrase.replace('’', "'"));
        f(&phrase.replace('\'', "’"));
    } else {
        f(&phrase);
    }
}

/// Phrases that start with a word character, filed by how they start
/// (for [`Workload::Draft`]; empty for a batch).
#[derive(Debug, Default)]
struct Words {
    /// Whether phrases starting with a word character are filed here
    /// rather than in the automaton.
    filed: bool,
    /// By first word: the phrases of that one word (maybe with trailing
    /// punctuation: "thoughts?"), and whether longer ones start with it.
    first: FxHashMap<Box<[u8]>, First>,
    /// By first two words and what separates them ("i'm", "as i").
    two: FxHashMap<Box<[u8]>, Vec<u32>>,
}

/// The phrases filed under one first word.
#[derive(Debug, Default)]
struct First {
    /// Phrases of that word alone (with any trailing punctuation).
    alone: Vec<u32>,
    /// Whether some phrase goes on to a second word.
    longer: bool,
}

impl Words {
    /// File `literal`; false when it does not start with a word character.
    fn file(&mut self, literal: &str, index: u32) -> bool {
        let bytes = literal.as_bytes();
        match first_words(literal) {
            Some((first, None)) => self.first.entry(bytes[..first].into()).or_default().alone.push(index),
            Some((first, Some(second))) => {
                self.first.entry(bytes[..first].into()).or_default().longer = true;
                self.two.entry(bytes[..second].into()).or_default().push(index);
            }
            None => return false,
        }
        true
    }

    /// The phrases that may start at a word running over `flat[start..end]`,
    /// followed by a word that ends at `next` (if any).
    fn candidates<'a>(
        &'a self,
        flat: &[u8],
        start: usize,
        end: usize,
        next: Option<usize>,
    ) -> impl Iterator<Item = u32> + 'a {
        let first = self.first.get(&flat[start..end]);
        let two = match (first, next) {
            (Some(first), Some(next)) if first.longer => self.two.get(&flat[start..next]),
            _ => None,
        };
        first.into_iter().flat_map(|f| f.alone.iter().copied()).chain(two.into_iter().flatten().copied())
    }
}

/// All phrase lists and gates, ready to scan a message.
#[derive(Debug)]
pub struct PhraseIndex {
    anywhere: Anywhere,
    words: Words,
    literals: Vec<String>,
    entries: Vec<Entry>,
    /// Whether each literal starts / ends with a word character (and so,
    /// as a phrase, needs a word boundary there).
    edges: Vec<(bool, bool)>,
    gates: usize,
    deferred: Deferred,
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
        let mut hits = Vec::new();
        let flat = fold(text);
        self.anywhere.for_each(&self.literals, &flat, |literal, start, end| {
            let entry = &self.entries[literal];
            entry.gates.iter().for_each(|&id| open.insert(id));
            if entry.lists.is_empty() || (self.words.filed && self.edges[literal].0) {
                return; // a gate only, or a phrase looked up by its words
            }
            let span = Span::new(start, end);
            if let Some(region) = regions.iter().find(|r| r.contains(span)) {
                self.hit(text, *region, literal, span, &mut hits);
            }
        });
        if self.words.filed {
            self.scan_words(text, &flat, regions, &mut hits);
            if let Some(index) = self.deferred.index_for(text, &flat, regions) {
                index.scan_words(text, &flat, regions, &mut hits);
            }
        }
        hits.sort_unstable();
        hits.dedup();
        Scan { hits: Hits { hits }, open }
    }

    /// The phrases filed under words ([`Words`]) found in `regions`.
    fn scan_words(&self, text: &str, flat: &[u8], regions: &[Span], hits: &mut Vec<(ListId, Span)>) {
        for region in regions {
            let mut runs = word_runs(text, *region).peekable();
            while let Some((start, end)) = runs.next() {
                let next = runs.peek().map(|&(_, next)| next);
                for literal in self.words.candidates(flat, start, end, next) {
                    let literal = literal as usize;
                    let bytes = self.literals[literal].as_bytes();
                    if flat[start..region.end].starts_with(bytes) {
                        self.hit(text, *region, literal, Span::new(start, start + bytes.len()), hits);
                    }
                }
            }
        }
    }

    /// Record `literal` found at `span` inside `region` if it is a whole
    /// phrase there: no word character runs on past either of its ends.
    fn hit(&self, text: &str, region: Span, literal: usize, span: Span, hits: &mut Vec<(ListId, Span)>) {
        let (need_start, need_end) = self.edges[literal];
        if need_start && text[region.start..span.start].chars().next_back().is_some_and(is_word_char) {
            return;
        }
        if need_end && text[span.end..region.end].chars().next().is_some_and(is_word_char) {
            return;
        }
        hits.extend(self.entries[literal].lists.iter().map(|&list| (list, span)));
    }
}

/// Where the first word of `literal` ends, and the second if it has one:
/// the keys it is filed under. `None` when it does not start with a word.
fn first_words(literal: &str) -> Option<(usize, Option<usize>)> {
    let first = word_end(literal, 0);
    if first == 0 {
        return None;
    }
    let mut at = first;
    while at < literal.len() {
        let (word, len) = char_at(literal, at);
        if word {
            return Some((first, Some(word_end(literal, at))));
        }
        at += len;
    }
    Some((first, None))
}

/// Where the run of word characters starting at byte `at` of `text` ends
/// (`at` itself when none starts there).
fn word_end(text: &str, mut at: usize) -> usize {
    while at < text.len() {
        let (word, len) = char_at(text, at);
        if !word {
            break;
        }
        at += len;
    }
    at
}

/// Where each run of word characters inside `region` starts and ends.
fn word_runs(text: &str, region: Span) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = region.start;
    std::iter::from_fn(move || {
        let start = loop {
            if at >= region.end {
                return None;
            }
            let (word, len) = char_at(text, at);
            if word {
                break at;
            }
            at += len;
        };
        while at < region.end {
            let (word, len) = char_at(text, at);
            if !word {
                break;
            }
            at += len;
        }
        Some((start, at))
    })
}

/// Whether the character at byte `at` is a word character, and its length.
#[inline(always)] // a call costs more than the ASCII test, and words are mostly ASCII
fn char_at(text: &str, at: usize) -> (bool, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        return (byte.is_ascii_alphanumeric() || byte == b'_', 1);
    }
    text[at..].chars().next().map_or((false, 1), |c| (is_word_char(c), c.len_utf8()))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `slice` with line breaks and tabs as spaces and ASCII letters
/// lowercased: byte for byte the same length, so offsets carry over.
fn fold(slice: &str) -> Vec<u8> {
    flatten_whitespace(slice).bytes().map(|b| b.to_ascii_lowercase()).collect()
}

/// `phrase` lowercased, its words one space apart.
fn normalize(phrase: &str) -> Cow<'_, str> {
    let lowercase = if phrase.is_ascii() {
        phrase.bytes().all(|b| b == b' ' || !(char::from(b).is_whitespace() || b.is_ascii_uppercase()))
    } else {
        phrase.chars().all(|c| c == ' ' || !(c.is_whitespace() || (c.is_alphabetic() && !c.is_lowercase())))
    };
    let bytes = phrase.as_bytes();
    let tidy = lowercase
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.windows(2).any(|pair| pair == b"  ");
    if tidy {
        Cow::Borrowed(phrase)
    } else {
        Cow::Owned(phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
    }
}

fn flatten_whitespace(slice: &str) -> Cow<'_, str> {
    if slice.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
        Cow::Owned(slice.replace(['\n', '\r', '\t'], " "))
    } else {
        Cow::Borrowed(slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: [Workload; 2] = [Workload::Batch, Workload::Draft];

    proptest::proptest! {
        #[test]
        fn normalize_takes_a_shortcut_only_when_nothing_changes(phrase in "[ a-zA-Z\t\n\u{b}\u{c}\u{a0}éÉ'’]{0,12}") {
            let slow = phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            proptest::prop_assert_eq!(normalize(&phrase), slow);
        }
    }

    #[test]
    fn whole_words_any_case_both_apostrophes() {
        for workload in BOTH {
            let mut builder = PhraseIndexBuilder::default();
            let a = builder.list(["pick your brain", "just", "thoughts?"]);
            let b = builder.list(["I'm reaching out", "as i said"]);
            let index = builder.build(workload);
            let text = "Justin: I’m reaching out to pick your\nbrain, JUST once. As I said: thoughts?";
            let hits = index.scan(text, &[Span::new(0, text.len())]).hits;
            let got: Vec<&str> = hits.of(a).map(|s| s.of(text)).collect();
            assert_eq!(got, ["pick your\nbrain", "JUST", "thoughts?"], "{workload:?}");
            assert_eq!(hits.of(b).count(), 2, "{workload:?}");
        }
    }

    #[test]
    fn phrases_in_regions_gates_anywhere() {
        for workload in BOTH {
            let mut builder = PhraseIndexBuilder::default();
            let list = builder.list(["tool"]);
            let tool = builder.gate(&["tool".to_owned(), "app".into()]);
            let our = builder.gate(&["our ".to_owned()]);
            let index = builder.build(workload);
            let text = "Try our\ntoolkit.\n> Our TOOL";
            let scan = index.scan(text, &[Span::new(0, 16)]);
            assert!(scan.open.has(tool) && scan.open.has(our), "gates open on any literal, anywhere");
            assert_eq!(scan.hits.of(list).count(), 0, "not a whole word in the region, outside it otherwise");
            let scan = index.scan("nothing here", &[Span::new(0, 12)]);
            assert!(!scan.open.has(tool) && !scan.open.has(our));
        }
    }

    #[test]
    fn overlapping_and_one_byte_literals() {
        for workload in BOTH {
            let mut builder = PhraseIndexBuilder::default();
            let gates = ["?", "ab", "abc", "bc", "c?", "zz"].map(|literal| builder.gate(&[literal]));
            let list = builder.list(["?"]);
            let index = builder.build(workload);
            let text = "xABc? then ?";
            let scan = index.scan(text, &[Span::new(0, text.len())]);
            let open: Vec<bool> = gates.iter().map(|&gate| scan.open.has(gate)).collect();
            assert_eq!(open, [true, true, true, true, true, false], "{workload:?}");
            let found: Vec<Span> = scan.hits.of(list).collect();
            assert_eq!(found, [Span::new(4, 5), Span::new(11, 12)], "{workload:?}");
        }
    }

    #[test]
    fn region_edges_are_word_edges() {
        for workload in BOTH {
            let mut builder = PhraseIndexBuilder::default();
            let list = builder.list(["kit", "/month", "café"]);
            let index = builder.build(workload);
            let text = "toolkit $5/month CAFÉ café";
            let found = |regions: &[Span]| -> Vec<&str> {
                index.scan(text, regions).hits.of(list).map(|s| s.of(text)).collect()
            };
            assert_eq!(found(&[Span::new(0, text.len())]), ["/month", "café"], "{workload:?}");
            assert_eq!(found(&[Span::new(4, 7), Span::new(10, 16)]), ["kit", "/month"], "{workload:?}");
        }
    }
}
