//! `recipient-name`: the greeting names someone other than the recipient
//! named elsewhere (the `To:` header or the template's front matter).

use super::{Ctx, Finding};
use crate::message::SectionKind;
use crate::span::Span;

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {}

#[derive(Debug)]
pub struct RecipientName;

pub fn compile(_spec: Spec) -> RecipientName {
    RecipientName
}

/// Words of a greeting that are not a name.
const NOT_NAMES: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "heya",
    "hiya",
    "dear",
    "greetings",
    "howdy",
    "yo",
    "good",
    "morning",
    "afternoon",
    "evening",
    "day",
    "there",
    "all",
    "team",
    "everyone",
    "folks",
    "dr",
    "mr",
    "mrs",
    "ms",
    "mx",
    "prof",
    "sir",
    "madam",
    "friend",
    "again",
    "ahoy",
    "rev",
];

impl RecipientName {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let Some(recipient) = recipient_names(ctx) else { return };
        let Some(greeting) = ctx.message.section(SectionKind::Greeting) else { return };
        let text = ctx.original();
        let Some((span, name)) = greeting_name(text, greeting) else { return };
        if ctx.message.placeholders().iter().any(|p| p.span.overlaps(span)) {
            return;
        }
        let name_lower = name.to_lowercase();
        if !recipient.contains(&name_lower) {
            let mut finding = Finding::at(span);
            finding.value = Some(recipient.join(" "));
            out.push(finding);
        }
    }
}

/// Lowercased name words of the recipient, from front matter or `To:`.
fn recipient_names(ctx: &Ctx<'_>) -> Option<Vec<String>> {
    let raw = ctx
        .message
        .front_matter()
        .and_then(|fm| fm.recipient.clone())
        .or_else(|| ctx.message.header("To").map(str::to_owned))?;
    // "Sam Lee <sam@acme.com>", "\"Lee, Sam\" <sam@...>", or a bare address.
    let display = raw.split('<').next().unwrap_or("").trim().trim_matches('"');
    let source = if display.is_empty() || display.contains('@') {
        raw.trim_matches(['<', '>', ' ']).split('@').next().unwrap_or("").replace(['.', '_', '-'], " ")
    } else {
        display.replace(',', " ")
    };
    let names: Vec<String> = source
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() > 1)
        .collect();
    (!names.is_empty()).then_some(names)
}

/// The first name-like word of the greeting.
fn greeting_name(text: &str, greeting: Span) -> Option<(Span, &str)> {
    let slice = greeting.of(text);
    for word in slice.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-')) {
        let start = word.as_ptr() as usize - slice.as_ptr() as usize;
        if word.is_empty() || NOT_NAMES.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            return Some((Span::new(greeting.start + start, greeting.start + start + word.len()), word));
        }
    }
    None
}
