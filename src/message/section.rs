//! Splitting a message into sections: headers, greeting, body, closing,
//! signature, P.S. and quoted material.
//!
//! The split works line by line on the original text, so every section is a
//! byte span into it. Only the writer's own words (subject, greeting, body,
//! closing, P.S.) are linted as prose; headers, signatures, quoted replies and
//! front matter are kept so that rules and reports can still point at them.

use std::sync::LazyLock;

use regex_automata::meta::{self, Regex};

use super::patterns;
use crate::pattern::{Matcher, prebuilt};
use crate::span::Span;

/// What part of a message a span belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// YAML front matter of a template (`---` fenced).
    FrontMatter,
    /// A header line other than the subject (`To:`, `From:`, `Cc:`...).
    Header,
    /// The subject line's value.
    Subject,
    /// "Hi Sam," and the like.
    Greeting,
    /// The writer's message.
    Body,
    /// "Best," / "Thanks," and the like, just before the signature.
    Closing,
    /// Name, title, contact details; `-- ` blocks; "Sent from my phone".
    Signature,
    /// A postscript.
    Ps,
    /// Quoted or forwarded material: `>` lines, "On ... wrote:" and below.
    Quoted,
}

impl SectionKind {
    pub const ALL: [SectionKind; 9] = [
        SectionKind::FrontMatter,
        SectionKind::Header,
        SectionKind::Subject,
        SectionKind::Greeting,
        SectionKind::Body,
        SectionKind::Closing,
        SectionKind::Signature,
        SectionKind::Ps,
        SectionKind::Quoted,
    ];

    /// The name used in rule scopes and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::FrontMatter => "front-matter",
            SectionKind::Header => "header",
            SectionKind::Subject => "subject",
            SectionKind::Greeting => "greeting",
            SectionKind::Body => "body",
            SectionKind::Closing => "closing",
            SectionKind::Signature => "signature",
            SectionKind::Ps => "ps",
            SectionKind::Quoted => "quoted",
        }
    }

    /// Whether the section holds the writer's own prose (sentences are found
    /// and intents tagged only there).
    #[must_use]
    pub fn is_prose(self) -> bool {
        matches!(self, SectionKind::Greeting | SectionKind::Body | SectionKind::Closing | SectionKind::Ps)
    }

    /// Whether the section is the writer's own words (prose or subject).
    #[must_use]
    pub fn is_writers(self) -> bool {
        self.is_prose() || self == SectionKind::Subject
    }
}

/// One section of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    pub kind: SectionKind,
    pub span: Span,
}

static HEADER: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(&[patterns::HEADER]));
static ANY_HEADER: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(&[patterns::ANY_HEADER]));
static CLOSING: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(&[patterns::CLOSING]));
static QUOTE_INTRO: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(&[patterns::QUOTE_INTRO]));
static PS: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(&[patterns::PS]));
static SENT_FROM: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(&[patterns::SENT_FROM]));
static GREETING_WORD: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(&[patterns::GREETING_WORD]));
/// Tried on a line or two, so compiled without the lazy DFA and the reverse
/// automaton it needs, which halves its compile time.
static GREETING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    meta::Builder::new()
        .configure(meta::Config::new().hybrid(false))
        .build(patterns::GREETING_NAME)
        .expect("valid greeting regex")
});
/// The longest greeting, in characters ("Good morning Dr. Okafor-Smith,").
const MAX_GREETING: usize = 60;

/// The greeting `line` opens with: one that starts with a greeting word,
/// or else one that is names alone. (Both are anchored at the start of the
/// line, so this is what the two as one alternation would find.)
fn find_greeting(line: &str) -> Option<regex_automata::Match> {
    GREETING_WORD.find(line).or_else(|| GREETING_NAME.find(line))
}

/// A line of the text: its span without the line break.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    /// Span including the trailing line break, if any.
    full: Span,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let full = Span::new(start, start + piece.len());
        let trimmed = piece.trim_end_matches(['\n', '\r']);
        out.push(Line { span: Span::new(start, start + trimmed.len()), full });
        start += piece.len();
    }
    out
}

fn is_blank(text: &str, line: Line) -> bool {
    line.span.of(text).trim().is_empty()
}

/// Split `text` into sections. `front_matter` is the span of YAML front
/// matter already recognised at the top, if any.
#[must_use]
pub fn split(text: &str, front_matter: Option<Span>) -> Vec<Section> {
    let lines = lines(text);
    let mut kinds: Vec<Option<SectionKind>> = vec![None; lines.len()];
    let mut subject_value: Option<Span> = None;

    // Front matter.
    let mut i = 0;
    if let Some(fm) = front_matter {
        while i < lines.len() && lines[i].full.end <= fm.end {
            kinds[i] = Some(SectionKind::FrontMatter);
            i += 1;
        }
    }
    while i < lines.len() && is_blank(text, lines[i]) {
        i += 1;
    }

    // Header block at the top: it starts with a well-known header (Subject,
    // To, From...) and runs through any `Name: value` lines and folded
    // continuation lines up to the first blank line.
    if lines.get(i).is_some_and(|l| HEADER.is_match(l.span.of(text))) {
        while i < lines.len() {
            let line_text = lines[i].span.of(text);
            if let Some(m) = HEADER.find(line_text) {
                // Only the first subject line is the subject; a repeat is a header.
                let name = line_text[m.range()].split([' ', '\t', ':']).next().unwrap_or_default();
                let is_subject = name.eq_ignore_ascii_case("subject") && subject_value.is_none();
                kinds[i] = Some(if is_subject { SectionKind::Subject } else { SectionKind::Header });
                if is_subject {
                    let value_start = lines[i].span.start + m.end();
                    subject_value = Some(Span::new(value_start, lines[i].span.end));
                }
            } else if ANY_HEADER.is_match(line_text)
                || (line_text.starts_with([' ', '\t']) && !line_text.trim().is_empty())
            {
                kinds[i] = Some(SectionKind::Header);
            } else {
                break;
            }
            i += 1;
        }
    }
    let body_start = i;

    // Quoted material: `>` lines anywhere below the headers, and everything
    // after a quote introduction ("On ... wrote:", forwarded blocks).
    let mut end = lines.len();
    for j in body_start..lines.len() {
        let line_text = lines[j].span.of(text);
        if QUOTE_INTRO.is_match(line_text) || is_outlook_header_block(text, &lines, j) {
            for k in kinds.iter_mut().take(lines.len()).skip(j) {
                *k = Some(SectionKind::Quoted);
            }
            end = j;
            break;
        }
        if line_text.trim_start().starts_with('>') {
            kinds[j] = Some(SectionKind::Quoted);
        }
    }

    // Signature: after a `-- ` delimiter or "Sent from my phone".
    let mut sig_start = None;
    for (j, line) in lines.iter().enumerate().take(end).skip(body_start) {
        let line_text = line.span.of(text);
        if line_text == "-- " || line_text == "--" || SENT_FROM.is_match(line_text) {
            sig_start = Some(j);
            break;
        }
    }

    // Closing: the last short closing line before the signature (or end),
    // followed only by short signature-like lines.
    let search_end = sig_start.unwrap_or(end);
    let mut closing = None;
    for j in (body_start..search_end).rev() {
        if kinds[j].is_some() {
            continue;
        }
        let line_text = lines[j].span.of(text);
        if CLOSING.is_match(line_text) {
            let tail = (j + 1..search_end).filter(|&k| kinds[k].is_none() && !is_blank(text, lines[k]));
            let tail: Vec<usize> = tail.collect();
            let looks_like_signature = tail.len() <= 7
                && tail.iter().all(|&k| {
                    let t = lines[k].span.of(text);
                    t.chars().count() <= 80 && !PS.is_match(t)
                });
            if looks_like_signature {
                closing = Some(j);
            }
            break;
        }
        // Stop looking once we pass a long prose line: closings sit at the end.
        if !is_blank(text, lines[j]) && lines[j].span.len() > 100 && !PS.is_match(line_text) {
            break;
        }
    }

    // P.S. paragraphs after the body.
    let mut ps_lines = Vec::new();
    let ps_end = sig_start.unwrap_or(end);
    for j in body_start..ps_end {
        if kinds[j].is_none() && PS.is_match(lines[j].span.of(text)) {
            let mut k = j;
            while k < ps_end && kinds[k].is_none() && Some(k) != closing && !is_blank(text, lines[k]) {
                ps_lines.push(k);
                k += 1;
            }
        }
    }
    for &k in &ps_lines {
        kinds[k] = Some(SectionKind::Ps);
    }

    if let Some(c) = closing {
        kinds[c] = Some(SectionKind::Closing);
        for k in kinds.iter_mut().take(search_end).skip(c + 1) {
            if k.is_none() {
                *k = Some(SectionKind::Signature);
            }
        }
    }
    if let Some(s) = sig_start {
        for k in kinds.iter_mut().take(end).skip(s) {
            if k.is_none() {
                *k = Some(SectionKind::Signature);
            }
        }
    }

    // Greeting: the opening words of the first non-blank body line.
    let mut greeting: Option<Span> = None;
    if let Some(first) = (body_start..end).find(|&j| kinds[j].is_none() && !is_blank(text, lines[j])) {
        let line = lines[first];
        let line_text = line.span.of(text);
        if let Some(m) = find_greeting(line_text).filter(|m| line_text[m.range()].chars().count() <= MAX_GREETING) {
            let raw = &line_text[..m.end()];
            let trimmed_len = raw.trim_end().len();
            let lead = raw.len() - raw.trim_start().len();
            greeting = Some(Span::new(line.span.start + lead, line.span.start + trimmed_len));
        }
    }

    // Assemble: merge runs of equal kinds into sections; unassigned lines are body.
    let mut sections: Vec<Section> = Vec::new();
    let mut push = |kind: SectionKind, span: Span| {
        if span.is_empty() {
            return;
        }
        if let Some(last) = sections.last_mut()
            && last.kind == kind
            && last.span.end == span.start
        {
            last.span.end = span.end;
            return;
        }
        sections.push(Section { kind, span });
    };
    for (j, line) in lines.iter().enumerate() {
        let kind = kinds[j].unwrap_or(SectionKind::Body);
        match kind {
            // An empty subject is no subject: the line stays a header.
            SectionKind::Subject if subject_value.is_none_or(|v| v.of(text).trim().is_empty()) => {
                push(SectionKind::Header, line.full);
            }
            SectionKind::Subject => {
                let value = subject_value.unwrap_or(line.span);
                push(SectionKind::Header, Span::new(line.full.start, value.start));
                push(SectionKind::Subject, value);
                push(SectionKind::Header, Span::new(value.end, line.full.end));
            }
            SectionKind::Body => match greeting {
                Some(g) if line.span.contains(g) => {
                    push(SectionKind::Body, Span::new(line.full.start, g.start));
                    push(SectionKind::Greeting, g);
                    push(SectionKind::Body, Span::new(g.end, line.full.end));
                }
                _ => push(SectionKind::Body, line.full),
            },
            kind => push(kind, line.full),
        }
    }
    // A subject header split leaves header pieces around; fold trailing
    // whitespace-only body pieces into nothing special: they are harmless.
    sections
}

/// Outlook puts a `From:` / `Sent:` / `To:` block before the quoted message.
fn is_outlook_header_block(text: &str, lines: &[Line], j: usize) -> bool {
    let first = lines[j].span.of(text);
    if !first.starts_with("From:") {
        return false;
    }
    lines.iter().skip(j + 1).take(3).any(|l| {
        let t = l.span.of(text);
        t.starts_with("Sent:") || t.starts_with("Date:")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_of(text: &str) -> Vec<(SectionKind, &str)> {
        split(text, None)
            .into_iter()
            .filter(|s| !s.span.of(text).trim().is_empty())
            .map(|s| (s.kind, s.span.of(text).trim()))
            .collect()
    }

    /// The greeting as one pattern, as it was before it was split in two.
    const GREETING_AS_ONE: &str = r"(?x)^[\x20\t]*
        (?:
          (?i:hi|hiya|hello|hey|heya|dear|greetings|howdy|yo|good\ (?:morning|afternoon|evening|day)|ahoy)
          (?:[\x20\t]+(?:(?i:dr|mr|mrs|ms|mx|prof|rev)\.[\x20\t]*)?[^\s,!:.;?—–][^,!:.;?\n—–]*?)?
          [\x20\t]*(?:[,!:—–]|\ -|$|\.\s*$)
        |
          \p{Lu}[\p{L}'’.-]*(?:[\x20\t]+\p{Lu}[\p{L}'’.-]*){0,2}[\x20\t]*,[\x20\t]*$
        )";

    #[test]
    fn the_split_greeting_finds_what_one_pattern_finds() {
        let one = Regex::new(GREETING_AS_ONE).expect("valid");
        let mut lines: Vec<String> =
            crate::fixtures::texts().iter().flat_map(|text| text.lines().map(str::to_owned)).collect();
        lines.extend(
            [
                "Hi",
                "  Sam,",
                "Dr Ana Lee,",
                "Hey there!",
                "Hello Sam. ",
                "Good morning Dr. Okafor-Smith,",
                "Ümit,",
                "hi",
            ]
            .map(str::to_owned),
        );
        let mut found = 0;
        for line in &lines {
            let expected = one.find(line.as_str()).map(|m| m.range());
            assert_eq!(find_greeting(line).map(|m| m.range()), expected, "{line:?}");
            found += usize::from(expected.is_some());
        }
        assert!(found > 200, "only {found} greetings: the comparison proves little");
    }

    #[test]
    fn email_sections() {
        let text = "Subject: Your talk on pricing\nTo: Sam Lee <sam@acme.com>\n\nHi Sam,\n\nLoved the talk.\n\nBest,\nAna\nCEO, Foo\n\nOn Tue, Mar 3, 2026 at 9:12 AM Sam <s@a.com> wrote:\n> per my last email\n";
        let got = kinds_of(text);
        assert!(got.contains(&(SectionKind::Subject, "Your talk on pricing")));
        assert!(got.contains(&(SectionKind::Greeting, "Hi Sam,")));
        assert!(got.contains(&(SectionKind::Body, "Loved the talk.")));
        assert!(got.contains(&(SectionKind::Closing, "Best,")));
        assert!(got.contains(&(SectionKind::Signature, "Ana\nCEO, Foo")));
        assert_eq!(got.last().map(|s| s.0), Some(SectionKind::Quoted));
    }

    #[test]
    fn greeting_inline_with_body() {
        let text = "Hi Priya, I loved your post on onboarding.";
        let got = kinds_of(text);
        assert_eq!(got[0], (SectionKind::Greeting, "Hi Priya,"));
        assert_eq!(got[1], (SectionKind::Body, "I loved your post on onboarding."));
    }

    #[test]
    fn ps_and_signature_delimiter() {
        let text = "Hello,\nCould we talk?\nP.S. Congrats on the launch.\n-- \nAna Ruiz\n+1 555 0100\n";
        let got = kinds_of(text);
        assert!(got.contains(&(SectionKind::Ps, "P.S. Congrats on the launch.")));
        assert!(got.contains(&(SectionKind::Signature, "-- \nAna Ruiz\n+1 555 0100")));
    }

    #[test]
    fn a_second_subject_line_is_a_header() {
        let text = "Subject: One\nSubject: Two\n\nHi Sam,\nThanks.";
        let got = kinds_of(text);
        assert_eq!(got.iter().filter(|s| s.0 == SectionKind::Subject).count(), 1);
        assert!(got.contains(&(SectionKind::Subject, "One")));
    }

    #[test]
    fn sections_tile_the_text() {
        let text = "Subject: x\n\nDear Dr. Okafor,\nBody here.\n\nThanks,\nJo\n> quoted\n";
        let sections = split(text, None);
        let mut at = 0;
        for s in &sections {
            assert_eq!(s.span.start, at, "{sections:?}");
            at = s.span.end;
        }
        assert_eq!(at, text.len());
    }
}
