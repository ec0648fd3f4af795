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

/// Words of a greeting that are not a name: greeting words, titles, roles.
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
    "friend",
    "friends",
    "again",
    "ahoy",
    "dr",
    "doctor",
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "prof",
    "professor",
    "rev",
    "reverend",
    "sir",
    "madam",
    "mister",
    "hiring",
    "manager",
    "recruiter",
    "editor",
    "committee",
    "colleagues",
    "colleague",
    "sirs",
    "whom",
    "to",
    "it",
    "may",
    "concern",
    "hr",
    "ceo",
    "founder",
    "founders",
    "director",
    "lead",
    "admissions",
    "officer",
    "coach",
    "captain",
    "chef",
    "judge",
    "senator",
    "councillor",
    "councilor",
    "father",
    "sister",
    "brother",
    "rabbi",
    "imam",
    "pastor",
];

impl RecipientName {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let Some(recipients) = recipient_names(ctx) else { return };
        let Some(greeting) = ctx.message.section(SectionKind::Greeting) else { return };
        let text = ctx.original();
        let Some((span, name)) = greeting_name(text, greeting) else { return };
        if ctx.message.placeholders().iter().any(|p| p.span.overlaps(span)) {
            return;
        }
        let name = fold(name);
        // "Jean-Luc" greets "Jean-Luc Picard"; "Sam" greets "Samantha"; "Liz" for "Elizabeth" stays a finding.
        let matches = |r: &String| *r == name || r.starts_with(&name) || name.starts_with(r.as_str());
        if !recipients.iter().flatten().any(matches) {
            let mut finding = Finding::at(span);
            finding.value = Some(recipients.iter().map(|r| r.join(" ")).collect::<Vec<_>>().join(" or "));
            out.push(finding);
        }
    }
}

/// The recipients' name words (folded), from front matter or `To:`. A
/// recipient known only by an address that does not spell a name is
/// skipped: "jpike@" says nothing reliable about a first name.
fn recipient_names(ctx: &Ctx<'_>) -> Option<Vec<Vec<String>>> {
    let raw = ctx
        .message
        .front_matter()
        .and_then(|fm| fm.recipient.clone())
        .or_else(|| ctx.message.header("To").map(str::to_owned))?;
    let mut all = Vec::new();
    for one in split_recipients(&raw) {
        let display = one.split('<').next().unwrap_or("").trim().trim_matches(['"', '\'']);
        let source = if display.is_empty() || display.contains('@') {
            let local = one.trim_matches(['<', '>', ' ']).split('@').next().unwrap_or("");
            // Only "first.last" or "first_last" addresses spell a name.
            if !local.contains(['.', '_']) {
                continue;
            }
            local.replace(['.', '_'], " ")
        } else if let Some((last, first)) = display.split_once(',') {
            format!("{first} {last}")
        } else {
            display.to_owned()
        };
        let names: Vec<String> = source
            .split_whitespace()
            .map(fold)
            .filter(|w| w.chars().count() > 1 && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
            .filter(|w| !NOT_NAMES.contains(&w.as_str()))
            .collect();
        if !names.is_empty() {
            all.push(names);
        }
    }
    (!all.is_empty()).then_some(all)
}

/// Split a `To:` value on commas that separate addresses, not on the comma
/// inside a quoted "Lee, Sam" display name.
fn split_recipients(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in raw.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' | ';' if !quoted && raw[start..i].contains(['@', '<']) => {
                out.push(raw[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(raw[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Lowercase, with common Latin accents removed ("Siobhán" → "siobhan").
fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ç' | 'ć' | 'č' => 'c',
            'ñ' | 'ń' => 'n',
            'ś' | 'š' | 'ß' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ý' | 'ÿ' => 'y',
            '’' => '\'',
            other => other,
        })
        .collect()
}

/// The first name-like word of the greeting.
fn greeting_name(text: &str, greeting: Span) -> Option<(Span, &str)> {
    let slice = greeting.of(text);
    for word in slice.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-')) {
        let start = word.as_ptr() as usize - slice.as_ptr() as usize;
        if word.is_empty() || NOT_NAMES.contains(&fold(word).as_str()) {
            continue;
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            return Some((Span::new(greeting.start + start, greeting.start + start + word.len()), word));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_splits() {
        assert_eq!(fold("Siobhán"), "siobhan");
        assert_eq!(
            split_recipients("\"Lee, Sam\" <sam@a.com>, Dana Ko <dana@b.com>"),
            ["\"Lee, Sam\" <sam@a.com>", "Dana Ko <dana@b.com>"]
        );
    }
}
