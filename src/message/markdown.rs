//! Masking Markdown syntax that is not prose: code, link targets, comments.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

static NOT_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?ms)^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[ \t]*$",
        r"|`[^`\n]+`",
        r"|<!--.*?-->",
        r"|\]\([^)\s]*(?:\s+[^)]*)?\)",
        r"|<https?://[^>\s]+>",
    ))
    .expect("valid markdown regex")
});

/// The HTML comments of `text` that are not inside code.
pub(crate) fn comments(text: &str) -> Vec<Span> {
    if !text.contains("<!--") {
        return Vec::new();
    }
    NOT_PROSE
        .find_iter(text)
        .filter(|m| m.as_str().starts_with("<!--"))
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

/// `text` with code, link targets and comments blanked by spaces (line
/// breaks kept), or `None` when there is nothing to mask.
pub(crate) fn mask(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    for m in NOT_PROSE.find_iter(text) {
        let buf = out.get_or_insert_with(|| text.to_owned());
        let start = if m.as_str().starts_with("](") { m.start() + 1 } else { m.start() };
        let blank: String = text[start..m.end()]
            .chars()
            .flat_map(|c| {
                let fill = if c == '\n' { '\n' } else { ' ' };
                std::iter::repeat_n(fill, c.len_utf8())
            })
            .collect();
        buf.replace_range(start..m.end(), &blank);
    }
    out
}
