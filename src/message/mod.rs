//! The message model: one outreach message, its original text, and the
//! structure tact finds in it.
//!
//! A [`Message`] keeps the text exactly as read. Everything else (sections,
//! paragraphs, sentences, placeholders) is a [`Span`] into that text, so
//! diagnostics, fixes and editor positions all agree. Checks read
//! [`Message::prose`], the same text with placeholders and Markdown code
//! masked out at equal length.

pub mod exceptions;
pub mod front_matter;
pub mod kind;
mod markdown;
pub mod patterns;
pub mod placeholder;
pub mod section;
pub mod sentence;
mod sentence_bounds;
pub mod words;

pub use exceptions::Exception;
pub use front_matter::FrontMatter;
pub use kind::{Confidence, Kind, KindSource};
pub use placeholder::Placeholder;
pub use section::{Section, SectionKind};

use std::sync::OnceLock;

use crate::span::Span;

/// How the text of a message is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextFormat {
    Plain,
    Markdown,
}

/// One sentence of the writer's prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub section: SectionKind,
    /// Index into [`Message::paragraphs`].
    pub paragraph: usize,
}

/// A problem with the input itself, found while building the message
/// (unreadable front matter, replaced bytes). Reported as a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputNote {
    pub span: Span,
    pub message: String,
}

/// One outreach message and the structure found in it.
#[derive(Debug, Clone)]
pub struct Message {
    text: String,
    prose: Option<String>,
    sections: Vec<Section>,
    paragraphs: Vec<Span>,
    sentences: Vec<Sentence>,
    /// Split on first use: not every caller needs words.
    words: OnceLock<Vec<Span>>,
    placeholders: Vec<Placeholder>,
    front_matter: Option<FrontMatter>,
    /// Rules the template excepts itself from (front matter, comments).
    exceptions: Vec<Exception>,
    notes: Vec<InputNote>,
}

impl Message {
    /// Build a message from plain text.
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Self {
        Self::new(text.into(), TextFormat::Plain)
    }

    /// Build a message from its text.
    #[must_use]
    pub fn new(text: String, format: TextFormat) -> Self {
        let mut notes = Vec::new();
        let front_matter = match front_matter::parse(&text) {
            Some(Ok(fm)) => Some(fm),
            Some(Err((span, message))) => {
                notes.push(InputNote { span, message });
                None
            }
            None => None,
        };
        let mut exceptions = front_matter.as_ref().map_or_else(Vec::new, |fm| fm.exceptions.clone());
        if format == TextFormat::Markdown {
            let (found, bad) = exceptions::in_comments(&text, markdown::comments(&text));
            exceptions.extend(found);
            notes.extend(bad.into_iter().map(|(span, message)| InputNote { span, message }));
        }
        let sections = section::split(&text, front_matter.as_ref().map(|fm| fm.span));
        let placeholders: Vec<Placeholder> = sections
            .iter()
            .filter(|s| s.kind.is_writers())
            .flat_map(|s| {
                placeholder::find(s.span.of(&text))
                    .into_iter()
                    .map(move |p| Placeholder { span: p.span.shift(s.span.start), ..p })
            })
            .collect();
        let mut prose = (!placeholders.is_empty()).then(|| placeholder::mask(&text, &placeholders));
        if format == TextFormat::Markdown {
            let base = prose.as_deref().unwrap_or(&text);
            if let Some(masked) = markdown::mask(base) {
                prose = Some(masked);
            }
        }
        let view = prose.as_deref().unwrap_or(&text);
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        for section in sections.iter().filter(|s| s.kind.is_prose()) {
            for para in sentence::paragraphs(view, section.span) {
                let paragraph = paragraphs.len();
                paragraphs.push(para);
                sentences.extend(sentence::sentences(view, para).into_iter().map(|span| Sentence {
                    span,
                    section: section.kind,
                    paragraph,
                }));
            }
        }
        Self {
            text,
            prose,
            sections,
            paragraphs,
            sentences,
            words: OnceLock::new(),
            placeholders,
            front_matter,
            exceptions,
            notes,
        }
    }

    /// The original text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text checks read: the original with placeholders replaced by
    /// name-like words and Markdown code blanked, byte for byte the same length.
    #[must_use]
    pub fn prose(&self) -> &str {
        self.prose.as_deref().unwrap_or(&self.text)
    }

    #[must_use]
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Paragraphs of the writer's prose sections.
    #[must_use]
    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    /// Sentences of the writer's prose sections, in order.
    #[must_use]
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Words (UAX #29) of the writer's sections, in order: spans into
    /// [`Message::prose`].
    #[must_use]
    pub fn words(&self) -> &[Span] {
        self.words.get_or_init(|| {
            let prose = self.prose();
            self.sections.iter().filter(|s| s.kind.is_writers()).flat_map(|s| words::split(prose, s.span)).collect()
        })
    }

    /// The words of [`Message::words`] that start inside `span`. A word
    /// running past its end is kept whole: a full stop can join letters
    /// across a sentence end ("team.שלום").
    #[must_use]
    pub fn words_in(&self, span: Span) -> &[Span] {
        let words = self.words();
        let from = words.partition_point(|w| w.start < span.start);
        let to = from + words[from..].partition_point(|w| w.start < span.end);
        &words[from..to]
    }

    #[must_use]
    pub fn placeholders(&self) -> &[Placeholder] {
        &self.placeholders
    }

    #[must_use]
    pub fn front_matter(&self) -> Option<&FrontMatter> {
        self.front_matter.as_ref()
    }

    /// The rules and categories the template excepts itself from, in the
    /// order written.
    #[must_use]
    pub fn exceptions(&self) -> &[Exception] {
        &self.exceptions
    }

    /// Add an exception found outside the text (HTML comments, which
    /// extraction removes).
    pub fn add_exception(&mut self, exception: Exception) {
        self.exceptions.push(exception);
    }

    #[must_use]
    pub fn notes(&self) -> &[InputNote] {
        &self.notes
    }

    /// Add a note about the input (used by input formats).
    pub fn add_note(&mut self, span: Span, message: impl Into<String>) {
        self.notes.push(InputNote { span, message: message.into() });
    }

    /// The section holding byte `offset`.
    #[must_use]
    pub fn section_at(&self, offset: usize) -> Option<SectionKind> {
        let i = self.sections.partition_point(|s| s.span.end <= offset);
        self.sections.get(i).filter(|s| s.span.start <= offset).map(|s| s.kind)
    }

    /// The first section of `kind`.
    #[must_use]
    pub fn section(&self, kind: SectionKind) -> Option<Span> {
        self.sections.iter().find(|s| s.kind == kind).map(|s| s.span)
    }

    /// The subject line's value, if the message has one.
    #[must_use]
    pub fn subject(&self) -> Option<Span> {
        self.section(SectionKind::Subject)
    }

    /// The value of header `name` (`To`, `From`...), if present.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.sections.iter().filter(|s| s.kind == SectionKind::Header).find_map(|s| {
            s.span.of(&self.text).lines().find_map(|line| {
                let (key, value) = line.split_once(':')?;
                key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
            })
        })
    }

    /// The index of the sentence holding byte `offset`, if any.
    #[must_use]
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences.get(i).filter(|s| s.span.start <= offset).map(|_| i)
    }
}
