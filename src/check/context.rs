//! What a check sees of one message while it runs.

use std::borrow::Cow;
use std::sync::Arc;

use super::Figures;
use crate::analysis::Ask;
use crate::intent::IntentSet;
use crate::message::{Kind, Message, SectionKind, words};
use crate::pattern::Pattern;
use crate::phrases::{Hits, Open};
use crate::span::Span;

/// The sections a rule reads: a set of [`SectionKind`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope(u16);

impl Scope {
    /// Greeting, body, closing and P.S.: the writer's prose.
    pub const PROSE: Scope = Scope(
        1 << SectionKind::Greeting as u16
            | 1 << SectionKind::Body as u16
            | 1 << SectionKind::Closing as u16
            | 1 << SectionKind::Ps as u16,
    );

    #[must_use]
    pub fn of(kinds: &[SectionKind]) -> Self {
        Scope(kinds.iter().fold(0, |acc, &k| acc | 1 << k as u16))
    }

    #[must_use]
    pub fn has(self, kind: SectionKind) -> bool {
        self.0 & (1 << kind as u16) != 0
    }

    /// Section names in the scope.
    #[must_use]
    pub fn names(self) -> Vec<&'static str> {
        SectionKind::ALL.iter().filter(|&&k| self.has(k)).map(|k| k.name()).collect()
    }
}

/// One message, tagged and measured, as checks see it.
pub struct Ctx<'a> {
    pub message: &'a Message,
    pub hits: &'a Hits,
    /// The pattern gates this message opens.
    pub open: &'a Open,
    /// Intents of each sentence of `message.sentences()`.
    pub intents: &'a [IntentSet],
    /// The asks the reading found, in text order.
    pub asks: &'a [Ask],
    pub kind: Kind,
    pub figures: &'a Figures,
    pub scope: Scope,
}

impl Ctx<'_> {
    /// The text checks read (placeholders masked).
    #[must_use]
    pub fn text(&self) -> &str {
        self.message.prose()
    }

    /// The original text (for messages quoting the writer's words).
    #[must_use]
    pub fn original(&self) -> &str {
        self.message.text()
    }

    /// Whether `span` starts in a section the rule reads.
    #[must_use]
    pub fn in_scope(&self, span: Span) -> bool {
        self.message.section_at(span.start).is_some_and(|k| self.scope.has(k))
    }

    /// The spans of the sections in scope, in order.
    pub fn regions(&self) -> impl Iterator<Item = Span> + '_ {
        self.message.sections().iter().filter(|s| self.scope.has(s.kind)).map(|s| s.span)
    }

    /// The words of `region`, one of [`Ctx::regions`]: the message's shared
    /// words for a writer's section, split here for any other.
    #[must_use]
    pub fn words_in(&self, region: Span) -> Cow<'_, [Span]> {
        if self.message.section_at(region.start).is_some_and(SectionKind::is_writers) {
            Cow::Borrowed(self.message.words_in(region))
        } else {
            Cow::Owned(words::split(self.text(), region).collect())
        }
    }

    /// Indices of the sentences in scope.
    pub fn sentences(&self) -> impl Iterator<Item = usize> + '_ {
        self.message.sentences().iter().enumerate().filter(|(_, s)| self.scope.has(s.section)).map(|(i, _)| i)
    }

    /// The span of sentence `i`.
    #[must_use]
    pub fn sentence(&self, i: usize) -> Span {
        self.message.sentences()[i].span
    }

    /// The sentence holding `span`, or `span` itself outside any sentence.
    #[must_use]
    pub fn sentence_around(&self, span: Span) -> Span {
        self.message.sentence_at(span.start).map_or(span, |i| self.sentence(i))
    }

    /// Matches of `patterns` in the sections in scope, in order.
    #[must_use]
    pub fn regex_matches(&self, patterns: &[Arc<Pattern>]) -> Vec<Span> {
        let text = self.text();
        let mut out = Vec::new();
        for pattern in patterns.iter().filter(|p| p.may_match(self.open)) {
            for region in self.regions() {
                let slice = region.of(text);
                for m in pattern.regex().find_iter(slice) {
                    // Report the words matched, not the whitespace around them.
                    let matched = &slice[m.range()];
                    let lead = matched.len() - matched.trim_start().len();
                    let body = matched.trim().len();
                    if body > 0 {
                        let start = region.start + m.start() + lead;
                        out.push(Span::new(start, start + body));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
