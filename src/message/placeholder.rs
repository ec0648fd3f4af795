//! Template placeholders: `{{first_name}}`, `%FIRSTNAME%`, spintax and friends.
//!
//! A placeholder is a token of its own. Prose checks read it as a name (the
//! message's masked text replaces it with letters of the same length), and
//! the `placeholder` check reports any left unfilled before sending.

use std::sync::LazyLock;

use super::patterns;
use crate::pattern::Matcher;
use crate::pattern::prebuilt;
use crate::span::Span;

/// The template syntax a placeholder is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Syntax {
    /// `{{first_name}}`, `{{ contact.name | default: "there" }}` (Mustache, Handlebars, Liquid output).
    DoubleBrace,
    /// `{% if company %}` (Liquid, Jinja tags).
    Tag,
    /// `{!Contact.FirstName}` (Salesforce).
    Salesforce,
    /// `${name}` (shell-style, JavaScript template literals).
    Dollar,
    /// `*|FNAME|*` (Mailchimp).
    Mailchimp,
    /// `%FIRSTNAME%`.
    Percent,
    /// `{Hi|Hello|Hey}` (spintax).
    Spintax,
    /// `{first_name}`.
    SingleBrace,
    /// `[First Name]`, `[company_name]`.
    Bracket,
    /// An instruction left in: `[Insert Company's Name]`, `(fill in role)`,
    /// `[ name ]`, `[[name]]`.
    Instruction,
    /// `<First Name>`, `<Company>`, `<first_name>`.
    Angle,
    /// A blank to fill in: `___`.
    Blank,
}

/// One placeholder found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Placeholder {
    pub span: Span,
    pub syntax: Syntax,
}

const SYNTAXES: [Syntax; 12] = [
    Syntax::DoubleBrace,
    Syntax::Tag,
    Syntax::Salesforce,
    Syntax::Dollar,
    Syntax::Mailchimp,
    Syntax::Percent,
    Syntax::Spintax,
    Syntax::SingleBrace,
    Syntax::Bracket,
    Syntax::Instruction,
    Syntax::Angle,
    Syntax::Blank,
];

const _: () =
    assert!(SYNTAXES.len() == patterns::PLACEHOLDER.len() + patterns::FILL_IN.len(), "one pattern per syntax");

/// The longest placeholder, in bytes.
const MAX_LEN: usize = 120;

/// Every syntax's pattern in one DFA: a match's pattern is its syntax.
static PLACEHOLDER: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(patterns::PLACEHOLDER));
static FILL_IN: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(patterns::FILL_IN));

/// Every placeholder in `text`, in order.
#[must_use]
pub fn find(text: &str) -> Vec<Placeholder> {
    if !text.as_bytes().iter().any(|b| matches!(b, b'{' | b'%' | b'[' | b'*' | b'$' | b'(' | b'<' | b'_')) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let first = PLACEHOLDER.find_iter(text).map(|m| (m, 0));
    let fill_in = FILL_IN.find_iter(text).map(|m| (m, patterns::PLACEHOLDER.len()));
    for (m, offset) in first.chain(fill_in) {
        let syntax = SYNTAXES[offset + m.pattern().as_usize()];
        let after = &text[m.end()..];
        let before = &text[..m.start()];
        // Real placeholders are short; a long brace run is prose or code.
        if m.len() > MAX_LEN {
            continue;
        }
        let keep = match syntax {
            // `[Read my post](https://...)` is a Markdown link, `[x]` a task box.
            Syntax::Bracket => !after.starts_with(['(', '[', ':']) && !before.ends_with(']'),
            // `50%off%` is not a placeholder; `%FIRSTNAME%` is.
            Syntax::Percent => !before.ends_with(|c: char| c.is_ascii_digit()),
            // A line of underscores is a Markdown rule, not a blank.
            Syntax::Blank => {
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                let line_end = after.find('\n').unwrap_or(after.len());
                !(text[line_start..m.start()].trim().is_empty() && after[..line_end].trim().is_empty())
            }
            _ => true,
        };
        if keep {
            out.push(Placeholder { span: m.range().into(), syntax });
        }
    }
    // The two sets may both match at one place ("[[Name]]"): keep the first.
    out.sort_by_key(|p| (p.span.start, p.span.end));
    out.dedup_by(|next, kept| next.span.start < kept.span.end);
    out
}

/// `text` with every placeholder replaced by a capitalised name-like word of
/// the same byte length ("Xxxxx"), so prose checks read it as a name.
#[must_use]
pub fn mask(text: &str, placeholders: &[Placeholder]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for p in placeholders {
        for (i, b) in bytes[p.span.range()].iter_mut().enumerate() {
            *b = if i == 0 { b'X' } else { b'x' };
        }
    }
    // Placeholder spans start and end on ASCII delimiters, so every replaced
    // byte run was whole characters and the result is valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text).iter().map(|p| p.span.of(text)).collect()
    }

    #[test]
    fn every_syntax() {
        let text = "{Hi|Hello} {{first_name}}, {first_name} [First Name] %FIRSTNAME% *|FNAME|* {!Contact.FirstName} ${name} {% if x %}";
        assert_eq!(
            found(text),
            [
                "{Hi|Hello}",
                "{{first_name}}",
                "{first_name}",
                "[First Name]",
                "%FIRSTNAME%",
                "*|FNAME|*",
                "{!Contact.FirstName}",
                "${name}",
                "{% if x %}"
            ]
        );
    }

    #[test]
    fn instructions_angles_and_blanks() {
        let text = "Hi [ name ], I saw [Insert Company's Name] and [[company]] (fill in role) <First Name> <company_name> on ____.";
        assert_eq!(
            found(text),
            [
                "[ name ]",
                "[Insert Company's Name]",
                "[[company]]",
                "(fill in role)",
                "<First Name>",
                "<company_name>",
                "____"
            ]
        );
        assert!(found("a <b>bold</b> claim (in fact) [ ] done\n\n___\n").is_empty());
    }

    #[test]
    fn not_placeholders() {
        assert!(found("See [my post](https://x.y) and [1], 50% off 20%, [x] done, [sic]").is_empty());
        assert_eq!(found("Hi [first name], I saw [company name]'s news"), ["[first name]", "[company name]"]);
    }

    #[test]
    fn mask_keeps_length() {
        let text = "Hi {{first_name}}, José";
        let masked = mask(text, &find(text));
        assert_eq!(masked, "Hi Xxxxxxxxxxxxxx, José");
    }
}
