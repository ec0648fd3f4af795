//! Rule authors' regular expressions: parsed when a rule loads, compiled the
//! first time a message could match them.
//!
//! Loading a [`Pattern`] parses and translates it ([`translate`]: ASCII `\b`,
//! `\w`, `\d`; case-insensitive unless the pattern says otherwise) and reads
//! the literals every match must contain ([`gate`]). Linting a message scans
//! it once for all those literals; a pattern whose literals are missing is
//! skipped, and is compiled only when some message opens its gate. A
//! one-draft run so compiles a handful of patterns instead of the whole
//! pack, and a batch run skips most patterns on most messages.
//!
//! The built-in pack's patterns skip both steps ([`prebuilt`]): the build
//! read their gates and serialized their DFAs.

pub mod gate;
pub mod prebuilt;
pub mod translate;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use regex_automata::dfa::{self, dense};
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::ast::Ast;

use crate::phrases::{GateId, Open, PhraseIndexBuilder};
use crate::workload::Workload;
use prebuilt::{DfaRegex, Prebuilt};

/// Why a pattern does not compile: the regex engine's explanation.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct PatternError(String);

/// A pattern parsed and translated, not yet registered with a rule set.
#[derive(Debug, Clone)]
pub struct Parsed {
    source: String,
    form: Form,
}

/// What is known of a pattern before it compiles.
#[derive(Debug, Clone)]
enum Form {
    /// A pattern of the built-in pack, prepared at build time.
    Prebuilt(&'static Prebuilt),
    /// Any other, parsed at load: its syntax tree, gates and anchoring.
    Read { ast: Ast, gates: Vec<gate::LiteralSet>, anchored: bool },
}

impl Parsed {
    /// Parse `source` (cheap: no automaton is built; nothing at all for a
    /// pattern of the built-in pack).
    ///
    /// # Errors
    /// When `source` is not valid regex syntax.
    pub fn new(source: &str) -> Result<Self, PatternError> {
        Self::read(source.to_owned()).map_err(|(_, e)| e)
    }

    /// [`Parsed::new`], keeping `source` for the error.
    fn read(source: String) -> Result<Self, (String, PatternError)> {
        let form = match prebuilt::find(&source) {
            Some(prebuilt) => Form::Prebuilt(prebuilt),
            None => match parse(&source) {
                Ok(ast) => Form::Read { gates: gate::required(&ast), anchored: translate::anchored(&ast), ast },
                Err(e) => return Err((source, e)),
            },
        };
        Ok(Self { source, form })
    }
}

/// The `patterns:` list of a rule or lexicon file, parsed as the file is
/// read (files are read in parallel); errors wait for the rule's compile
/// step, which knows where in the file they are.
#[derive(Clone, Default)]
pub struct PatternList {
    items: Vec<Result<Parsed, (String, PatternError)>>,
}

impl PatternList {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The parsed patterns, or the index, text and error of the first that
    /// failed.
    ///
    /// # Errors
    /// The first pattern that is not valid regex syntax.
    pub fn into_parsed(self) -> Result<Vec<Parsed>, (usize, String, PatternError)> {
        self.items.into_iter().enumerate().map(|(i, p)| p.map_err(|(source, e)| (i, source, e))).collect()
    }
}

impl fmt::Debug for PatternList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = |p: &Result<Parsed, (String, PatternError)>| match p {
            Ok(p) => p.source.clone(),
            Err((source, _)) => source.clone(),
        };
        f.debug_list().entries(self.items.iter().map(source)).finish()
    }
}

impl<'de> serde::Deserialize<'de> for PatternList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let sources = Vec::<String>::deserialize(deserializer)?;
        Ok(Self { items: sources.into_iter().map(Parsed::read).collect() })
    }
}

/// Collects every pattern of a rule set.
#[derive(Debug, Default)]
pub struct PatternsBuilder {
    all: Vec<Arc<Pattern>>,
    by_source: HashMap<String, Arc<Pattern>>,
    workload: Workload,
}

impl PatternsBuilder {
    /// Patterns that will compile for `workload`: with a lazy DFA for a
    /// batch; without one for a draft, where building it (and its reverse
    /// automaton) costs more than it saves on a few kilobytes of text.
    #[must_use]
    pub fn new(workload: Workload) -> Self {
        Self { workload, ..Self::default() }
    }

    /// Register `parsed`, and its gates with `phrases` (which scans for them).
    /// A pattern already registered, by another rule or lexicon, is shared:
    /// it compiles once.
    pub fn add(&mut self, parsed: Parsed, phrases: &mut PhraseIndexBuilder) -> Arc<Pattern> {
        if let Some(pattern) = self.by_source.get(&parsed.source) {
            return Arc::clone(pattern);
        }
        let gate = match &parsed.form {
            Form::Prebuilt(prebuilt) => prebuilt.gates.iter().map(|set| phrases.gate(set)).collect(),
            Form::Read { gates, .. } => gates.iter().map(|set| phrases.gate(set)).collect(),
        };
        let pattern = Arc::new(Pattern {
            source: parsed.source,
            form: parsed.form,
            gate,
            lazy_dfa: self.workload == Workload::Batch,
            regex: OnceLock::new(),
        });
        self.all.push(Arc::clone(&pattern));
        self.by_source.insert(pattern.source.clone(), Arc::clone(&pattern));
        pattern
    }

    #[must_use]
    pub fn build(self) -> Patterns {
        Patterns { all: self.all }
    }
}

/// Every pattern of a rule set.
#[derive(Debug, Default)]
pub struct Patterns {
    all: Vec<Arc<Pattern>>,
}

impl Patterns {
    /// Compile, in parallel, the patterns `open` lets through that are not
    /// compiled yet. A first message would otherwise compile them one by
    /// one as rules reach them.
    pub fn compile_open(&self, open: &Open) {
        let pending: Vec<&Arc<Pattern>> =
            self.all.iter().filter(|p| p.regex.get().is_none() && p.may_match(open)).collect();
        pending.par_iter().for_each(|p| {
            let _ = p.regex();
        });
    }
}

/// One rule author's regex.
#[derive(Debug)]
pub struct Pattern {
    source: String,
    form: Form,
    gate: Vec<GateId>,
    lazy_dfa: bool,
    regex: OnceLock<Matcher>,
}

impl Pattern {
    /// Compile now rather than on first use, to report errors at load time.
    ///
    /// # Errors
    /// When the regex engine refuses the pattern (an unknown Unicode class,
    /// a pattern too large).
    pub fn compile(&self) -> Result<(), PatternError> {
        if self.regex.get().is_none() {
            let regex = self.build()?;
            let _ = self.regex.set(regex);
        }
        Ok(())
    }

    /// The pattern as its author wrote it.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether a match depends on where the searched text starts or ends
    /// (`^`, `$`, `\A`, `\z`).
    #[must_use]
    pub fn anchored(&self) -> bool {
        match &self.form {
            Form::Prebuilt(prebuilt) => prebuilt.anchored,
            Form::Read { anchored, .. } => *anchored,
        }
    }

    /// Whether a text whose literals are `open` could hold a match.
    #[must_use]
    pub fn may_match(&self, open: &Open) -> bool {
        self.gate.iter().all(|&id| open.has(id))
    }

    /// The compiled regex, built on first use.
    ///
    /// # Panics
    /// When the pattern does not compile and [`Pattern::compile`] was not
    /// called at load time. User rules are compiled at load; the built-in
    /// pack is compiled by its tests.
    pub fn regex(&self) -> &Matcher {
        self.regex.get_or_init(|| self.build().expect("built-in patterns compile (tested)"))
    }

    /// The build's DFAs when there are some; the regex engine's automata
    /// otherwise: case-insensitive by default; no full DFA (the lazy DFA is
    /// as fast on message-sized texts, and building a full one costs more
    /// than a one-draft run has); no literal prefilter (the gate has checked
    /// the literals already).
    fn build(&self) -> Result<Matcher, PatternError> {
        let ast = match &self.form {
            Form::Prebuilt(prebuilt) => match prebuilt.regex() {
                Some(regex) => return Ok(Matcher::Dfa(Box::new(regex))),
                None => Cow::Owned(parse(&self.source)?),
            },
            Form::Read { ast, .. } => Cow::Borrowed(ast),
        };
        let hir = translate::hir(&self.source, &ast).map_err(|e| PatternError(first_line(&e.to_string())))?;
        meta::Builder::new()
            .configure(
                meta::Config::new()
                    .dfa(false)
                    .hybrid(self.lazy_dfa)
                    .auto_prefilter(false)
                    .which_captures(WhichCaptures::Implicit)
                    .nfa_size_limit(Some(1 << 22)),
            )
            .build_from_hir(&hir)
            .map(Matcher::Meta)
            .map_err(|e| build_error(&e))
    }
}

/// A compiled pattern: DFAs from the build, or the regex engine's own. Both
/// find the same leftmost-first matches (tested on every pattern of the
/// pack).
#[derive(Debug)]
pub enum Matcher {
    /// Boxed: a pair of DFAs is 1.5 KB of tables' headers.
    Dfa(Box<DfaRegex>),
    Meta(Regex),
}

impl Matcher {
    /// Whether `text` holds a match.
    #[must_use]
    pub fn is_match(&self, text: &str) -> bool {
        match self {
            Self::Dfa(regex) => regex.is_match(text),
            Self::Meta(regex) => regex.is_match(text),
        }
    }

    /// The first match in `text`.
    #[must_use]
    pub fn find(&self, text: &str) -> Option<regex_automata::Match> {
        match self {
            Self::Dfa(regex) => regex.find(text),
            Self::Meta(regex) => regex.find(text),
        }
    }

    /// The matches in `text`, in order, not overlapping.
    #[must_use]
    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> Matches<'r, 'h> {
        match self {
            Self::Dfa(regex) => Matches::Dfa(regex.find_iter(text)),
            Self::Meta(regex) => Matches::Meta(regex.find_iter(text)),
        }
    }
}

/// The iterator of [`Matcher::find_iter`].
pub enum Matches<'r, 'h> {
    Dfa(dfa::regex::FindMatches<'r, 'h, dense::DFA<&'static [u32]>>),
    Meta(meta::FindMatches<'r, 'h>),
}

impl Iterator for Matches<'_, '_> {
    type Item = regex_automata::Match;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Dfa(matches) => matches.next(),
            Self::Meta(matches) => matches.next(),
        }
    }
}

/// `source` parsed and translated.
fn parse(source: &str) -> Result<Ast, PatternError> {
    translate::translate(source).map_err(|e| PatternError(first_line(&e.to_string())))
}

/// Why the regex engine refused a pattern, in one line.
fn build_error(err: &meta::BuildError) -> PatternError {
    if let Some(limit) = err.size_limit() {
        return PatternError(format!(
            "regex too big: it compiles to more than {} MiB; split it into smaller patterns, or list words under \
             `phrases`",
            limit >> 20
        ));
    }
    let mut message = err.to_string();
    let mut cause = std::error::Error::source(err);
    while let Some(inner) = cause {
        message = format!("{message}: {}", first_line(&inner.to_string()));
        cause = inner.source();
    }
    PatternError(message)
}

/// The line of a regex error that says what is wrong (the others draw the
/// pattern with a caret).
fn first_line(text: &str) -> String {
    let line = text.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(text).trim();
    line.strip_prefix("error: ").unwrap_or(line).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrases::PhraseIndex;
    use crate::span::Span;

    fn pattern(source: &str) -> (Arc<Pattern>, Patterns, PhraseIndex) {
        let mut builder = PatternsBuilder::default();
        let mut phrases = PhraseIndexBuilder::default();
        let pattern = builder.add(Parsed::new(source).expect("valid"), &mut phrases);
        (pattern, builder.build(), phrases.build(Workload::Batch))
    }

    #[test]
    fn case_insensitive_ascii_boundaries() {
        let (re, ..) = pattern(r"\bask\b");
        assert!(re.regex().is_match("Can I ASK you"));
        assert!(!re.regex().is_match("basket"));
        let (re, ..) = pattern(r"(?-i)Re:");
        assert!(!re.regex().is_match("re:"));
        // ASCII letters fold as ASCII (as the gates do); others by Unicode.
        let (re, ..) = pattern(r"\bask\b|café");
        assert!(!re.regex().is_match("as\u{212A}"));
        assert!(re.regex().is_match("CAFÉ"));
    }

    #[test]
    fn gate_closes_on_texts_without_the_literals() {
        let (re, patterns, phrases) = pattern(r"\bour (?:[\w-]+ ){0,2}(?:tool|app)\b");
        let scan = |text: &str| phrases.scan(text, &[Span::new(0, text.len())]).open;
        let closed = scan("our new thing");
        assert!(!re.may_match(&closed));
        patterns.compile_open(&closed);
        assert!(re.regex.get().is_none(), "a closed gate compiles nothing");
        let open = scan("Our new TOOL");
        assert!(re.may_match(&open));
        patterns.compile_open(&open);
        assert!(re.regex.get().is_some());
    }

    #[test]
    fn identical_patterns_are_shared() {
        let mut builder = PatternsBuilder::default();
        let mut phrases = PhraseIndexBuilder::default();
        let first = builder.add(Parsed::new(r"\bask\b").expect("valid"), &mut phrases);
        let again = builder.add(Parsed::new(r"\bask\b").expect("valid"), &mut phrases);
        let other = builder.add(Parsed::new(r"(?-i)\bask\b").expect("valid"), &mut phrases);
        assert!(Arc::ptr_eq(&first, &again));
        assert!(!Arc::ptr_eq(&first, &other));
        assert_eq!(builder.build().all.len(), 2);
    }

    #[test]
    fn errors() {
        assert!(Parsed::new("(unclosed").is_err());
        let (re, ..) = pattern(r"\p{NotAClass}x");
        assert!(re.compile().is_err());
    }

    /// The regex engine's automata for a prebuilt pattern, compiled the way
    /// a pattern outside the pack would be.
    fn engine_for(prebuilt: &Prebuilt) -> Matcher {
        let ast = parse(prebuilt.source).expect("the pack parses");
        assert_eq!(translate::anchored(&ast), prebuilt.anchored, "{}", prebuilt.source);
        let required = gate::required(&ast);
        let gates: Vec<Vec<&str>> = required.iter().map(|set| set.iter().map(String::as_str).collect()).collect();
        assert_eq!(gates, prebuilt.gates, "{}", prebuilt.source);
        let form = Form::Read { ast, gates: Vec::new(), anchored: prebuilt.anchored };
        let pattern = Pattern {
            source: prebuilt.source.to_owned(),
            form,
            gate: Vec::new(),
            lazy_dfa: true,
            regex: OnceLock::new(),
        };
        let matcher = pattern.build().expect("the pack compiles");
        assert!(matches!(matcher, Matcher::Meta(_)));
        matcher
    }

    /// A pattern with its build's DFAs and the regex engine's automata.
    type Both = (&'static Prebuilt, Matcher, Matcher);

    fn with_dfas() -> Vec<Both> {
        prebuilt::PREBUILT.iter().filter_map(|p| Some((p, Matcher::Dfa(Box::new(p.regex()?)), engine_for(p)))).collect()
    }

    fn spans(matcher: &Matcher, text: &str) -> Vec<std::ops::Range<usize>> {
        matcher.find_iter(text).map(|m| m.range()).collect()
    }

    #[test]
    fn prebuilt_dfas_find_what_the_engine_finds_in_every_fixture() {
        let texts = crate::fixtures::texts();
        assert!(texts.len() > 200, "{} fixtures", texts.len());
        let all = with_dfas();
        assert!(all.len() > 80, "{} patterns with DFAs", all.len());
        let mut matched = 0;
        for (prebuilt, dfa, engine) in &all {
            for text in &texts {
                let expected = spans(engine, text);
                assert_eq!(spans(dfa, text), expected, "{} on {text:?}", prebuilt.source);
                assert_eq!(dfa.is_match(text), !expected.is_empty(), "{}", prebuilt.source);
                matched += expected.len();
            }
        }
        assert!(matched > 1000, "only {matched} matches: the comparison proves little");
    }

    #[test]
    fn the_models_dfas_find_what_the_engine_finds_in_every_fixture() {
        let texts = crate::fixtures::texts();
        let mut matched = 0;
        let found = |matcher: &Matcher, text: &str| -> Vec<(usize, std::ops::Range<usize>)> {
            matcher.find_iter(text).map(|m| (m.pattern().as_usize(), m.range())).collect()
        };
        for sources in crate::message::patterns::ALL {
            let dfa = prebuilt::model(sources);
            assert!(matches!(dfa, Matcher::Dfa(_)), "{sources:?}");
            let engine = Matcher::Meta(Regex::new_many(sources).expect("compiles"));
            // Section patterns are tried line by line, the link and
            // placeholder patterns on whole texts.
            for text in &texts {
                for piece in text.lines().chain([text.as_str()]) {
                    let expected = found(&engine, piece);
                    assert_eq!(found(&dfa, piece), expected, "{sources:?} on {piece:?}");
                    assert_eq!(dfa.find(piece).map(|m| m.range()), expected.first().map(|(_, r)| r.clone()));
                    matched += expected.len();
                }
            }
        }
        assert!(matched > 500, "only {matched} matches: the comparison proves little");
    }

    /// Words of the pack's patterns, punctuation, line breaks and letters
    /// outside ASCII: random texts that come close to matching.
    fn vocabulary() -> Vec<String> {
        let mut words: Vec<String> = prebuilt::PREBUILT
            .iter()
            .flat_map(|p| p.source.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1))
            .map(str::to_owned)
            .collect();
        words.sort();
        words.dedup();
        let others = [
            " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", ",", "?", "!", ";", ":", "'", "’", "-", "—", "(",
            ")", "[", "]", "{{", "}}", "@", "%", "30", "4", "2pm", "I", "We", "You", "Hi", "Re:", "\u{a0}", "\u{2028}",
            "é", "Ö", "ß", "日本", "🙂", "\u{301}", "K", "\u{212a}",
        ];
        words.extend(others.iter().map(|s| (*s).to_owned()));
        words
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn prebuilt_dfas_find_what_the_engine_finds_in_random_text(
            picks in proptest::collection::vec((0usize..10_000, proptest::bool::ANY), 0..60)
        ) {
            static ALL: std::sync::LazyLock<(Vec<Both>, Vec<String>)> =
                std::sync::LazyLock::new(|| (with_dfas(), vocabulary()));
            let (all, words) = &*ALL;
            let mut text = String::new();
            for (i, upper) in picks {
                let word = &words[i % words.len()];
                if upper { text.push_str(&word.to_uppercase()) } else { text.push_str(word) }
                if i % 3 == 0 {
                    text.push(' ');
                }
            }
            for (prebuilt, dfa, engine) in all {
                proptest::prop_assert_eq!(spans(dfa, &text), spans(engine, &text), "{} on {:?}", prebuilt.source, text);
            }
        }
    }

    #[test]
    fn anchors() {
        assert!(pattern(r"^\s*hi").0.anchored());
        assert!(!pattern(r"[^.?!]+").0.anchored());
    }
}
