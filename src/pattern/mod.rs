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

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;
use regex_syntax::ast::{AssertionKind, Ast};

use gate::{GateBuilder, Gates};
pub use gate::{GateId, Open};

/// Why a pattern does not compile: the regex engine's explanation.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct PatternError(String);

/// A pattern parsed and translated, not yet registered with a gate builder.
#[derive(Debug)]
pub struct Parsed {
    source: String,
    translated: String,
    required: Vec<gate::LiteralSet>,
    anchored: bool,
}

impl Parsed {
    /// Parse `source` (cheap: no automaton is built).
    ///
    /// # Errors
    /// When `source` is not valid regex syntax.
    pub fn new(source: &str) -> Result<Self, PatternError> {
        let ast = translate::translate(source).map_err(|e| PatternError(e.to_string()))?;
        Ok(Self {
            source: source.to_owned(),
            translated: translate::print(&ast),
            required: gate::required(&ast),
            anchored: anchored(&ast),
        })
    }
}

/// Collects every pattern of a rule set and the literals gating them.
#[derive(Debug, Default)]
pub struct PatternsBuilder {
    gates: GateBuilder,
    all: Vec<Arc<Pattern>>,
}

impl PatternsBuilder {
    /// Register `parsed` and its gate.
    pub fn add(&mut self, parsed: Parsed) -> Arc<Pattern> {
        let gate = parsed.required.iter().map(|set| self.gates.set(set)).collect();
        let pattern = Arc::new(Pattern {
            source: parsed.source,
            translated: parsed.translated,
            gate,
            anchored: parsed.anchored,
            regex: OnceLock::new(),
        });
        self.all.push(Arc::clone(&pattern));
        pattern
    }

    #[must_use]
    pub fn build(self) -> Patterns {
        Patterns { gates: self.gates.build(), all: self.all }
    }
}

/// Every pattern of a rule set, with the automaton for their gates.
#[derive(Debug, Default)]
pub struct Patterns {
    gates: Gates,
    all: Vec<Arc<Pattern>>,
}

impl Patterns {
    /// Which gates `text` opens.
    #[must_use]
    pub fn scan(&self, text: &str) -> Open {
        self.gates.scan(text)
    }

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
    translated: String,
    gate: Vec<GateId>,
    anchored: bool,
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
            let regex = build(&self.translated)?;
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
        self.regex.get_or_init(|| build(&self.translated).expect("built-in patterns compile (tested)"))
    }
}

/// Compile a translated pattern. Case-insensitive by default; no full DFA
/// (the lazy DFA is as fast on message-sized texts, and building a full one
/// costs more than a one-draft run has); no literal prefilter (the gate has
/// checked the literals already).
fn build(translated: &str) -> Result<Regex, PatternError> {
    meta::Builder::new()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(
            meta::Config::new()
                .dfa(false)
                .auto_prefilter(false)
                .which_captures(WhichCaptures::Implicit)
                .nfa_size_limit(Some(1 << 22)),
        )
        .build(translated)
        .map_err(|e| PatternError(e.to_string()))
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

    fn pattern(source: &str) -> (Arc<Pattern>, Patterns) {
        let mut builder = PatternsBuilder::default();
        let pattern = builder.add(Parsed::new(source).expect("valid"));
        (pattern, builder.build())
    }

    #[test]
    fn case_insensitive_ascii_boundaries() {
        let (re, _) = pattern(r"\bask\b");
        assert!(re.regex().is_match("Can I ASK you"));
        assert!(!re.regex().is_match("basket"));
        let (re, _) = pattern(r"(?-i)Re:");
        assert!(!re.regex().is_match("re:"));
    }

    #[test]
    fn gate_closes_on_texts_without_the_literals() {
        let (re, patterns) = pattern(r"\bour (?:[\w-]+ ){0,2}(?:tool|app)\b");
        let closed = patterns.scan("our new thing");
        assert!(!re.may_match(&closed));
        patterns.compile_open(&closed);
        assert!(re.regex.get().is_none(), "a closed gate compiles nothing");
        let open = patterns.scan("Our new TOOL");
        assert!(re.may_match(&open));
        patterns.compile_open(&open);
        assert!(re.regex.get().is_some());
    }

    #[test]
    fn errors() {
        assert!(Parsed::new("(unclosed").is_err());
        let (re, _) = pattern(r"\p{NotAClass}x");
        assert!(re.compile().is_err());
    }

    #[test]
    fn anchors() {
        assert!(pattern(r"^\s*hi").0.anchored());
        assert!(!pattern(r"[^.?!]+").0.anchored());
    }
}
