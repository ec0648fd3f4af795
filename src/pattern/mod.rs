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

pub mod gate;
pub mod translate;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::ast::{AssertionKind, Ast};
use regex_syntax::hir::translate::TranslatorBuilder;

use crate::phrases::{GateId, Open, PhraseIndexBuilder};
use crate::workload::Workload;

/// Why a pattern does not compile: the regex engine's explanation.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct PatternError(String);

/// A pattern parsed and translated, not yet registered with a rule set.
#[derive(Debug, Clone)]
pub struct Parsed {
    source: String,
    ast: Ast,
    required: Vec<gate::LiteralSet>,
    anchored: bool,
}

impl Parsed {
    /// Parse `source` (cheap: no automaton is built).
    ///
    /// # Errors
    /// When `source` is not valid regex syntax.
    pub fn new(source: &str) -> Result<Self, PatternError> {
        let ast = translate::translate(source).map_err(|e| PatternError(first_line(&e.to_string())))?;
        Ok(Self { source: source.to_owned(), required: gate::required(&ast), anchored: anchored(&ast), ast })
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
        Ok(Self { items: sources.into_iter().map(|s| Parsed::new(&s).map_err(|e| (s, e))).collect() })
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
        let gate = parsed.required.iter().map(|set| phrases.gate(set)).collect();
        let pattern = Arc::new(Pattern {
            source: parsed.source,
            ast: parsed.ast,
            gate,
            anchored: parsed.anchored,
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
    ast: Ast,
    gate: Vec<GateId>,
    anchored: bool,
    lazy_dfa: bool,
    regex: OnceLock<Regex>,
}

impl Pattern {
    /// Compile now rather than on first use, to report errors at load time.
    ///
    /// # Errors
    /// When the regex engine refuses the pattern (an unknown Unicode class,
    /// a pattern too large).
    pub fn compile(&self) -> Result<(), PatternError> {
        if self.regex.get().is_none() {
            let regex = build(&self.source, &self.ast, self.lazy_dfa)?;
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
        self.anchored
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
    pub fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| build(&self.source, &self.ast, self.lazy_dfa).expect("built-in patterns compile (tested)"))
    }
}

/// Compile a translated pattern. Case-insensitive by default; no full DFA
/// (the lazy DFA is as fast on message-sized texts, and building a full one
/// costs more than a one-draft run has); no literal prefilter (the gate has
/// checked the literals already).
fn build(source: &str, ast: &Ast, lazy_dfa: bool) -> Result<Regex, PatternError> {
    let hir = TranslatorBuilder::new()
        .case_insensitive(true)
        .build()
        .translate(source, ast)
        .map_err(|e| PatternError(first_line(&e.to_string())))?;
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .dfa(false)
                .hybrid(lazy_dfa)
                .auto_prefilter(false)
                .which_captures(WhichCaptures::Implicit)
                .nfa_size_limit(Some(1 << 22)),
        )
        .build_from_hir(&hir)
        .map_err(|e| PatternError(first_line(&e.to_string())))
}

/// The line of a regex error that says what is wrong (the others draw the
/// pattern with a caret).
fn first_line(text: &str) -> String {
    text.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(text).trim().to_owned()
}

fn anchored(ast: &Ast) -> bool {
    match ast {
        Ast::Assertion(a) => {
            matches!(
                a.kind,
                AssertionKind::StartLine | AssertionKind::EndLine | AssertionKind::StartText | AssertionKind::EndText
            )
        }
        Ast::Repetition(r) => anchored(&r.ast),
        Ast::Group(g) => anchored(&g.ast),
        Ast::Alternation(a) => a.asts.iter().any(anchored),
        Ast::Concat(c) => c.asts.iter().any(anchored),
        _ => false,
    }
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

    #[test]
    fn anchors() {
        assert!(pattern(r"^\s*hi").0.anchored());
        assert!(!pattern(r"[^.?!]+").0.anchored());
    }
}
