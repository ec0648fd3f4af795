//! HTML: reduce markup to the text a reader sees, keeping a map back to the
//! file so diagnostics still point at the right line and column.
//!
//! Tags go; `script`, `style`, `head`, `template`, `svg` and comments go with
//! their content; block tags become line breaks (`<li>` a `- ` item);
//! `<blockquote>` content becomes `> ` lines, so quoted replies are treated as
//! they are in drafts; entities are decoded; runs of white space collapse.
//! This is not a full HTML parser: it never fails, and what it cannot
//! understand it keeps as text. A `<!-- tact: ignore RULE -->` comment is
//! read as the template's exception before it goes (see
//! `message/exceptions.rs`), placed where the comment was in the text.

use std::sync::Arc;

use super::{Document, Origin, Skip, SourceMap, decode, looks_binary};
use crate::message::exceptions;
use crate::span::Span;

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &["script", "style", "head", "template", "svg", "noscript", "title", "iframe", "object"];
/// Elements that end a paragraph.
const PARAGRAPH: &[&str] =
    &["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr", "pre", "blockquote", "dl", "figure"];
/// Elements that end a line.
const LINE: &[&str] = &[
    "br", "div", "tr", "section", "article", "header", "footer", "main", "nav", "aside", "dt", "dd", "address",
    "center", "form", "fieldset",
];

pub(super) fn read(path: &str, bytes: Vec<u8>) -> Result<Document, Skip> {
    if looks_binary(&bytes) {
        return Err(Skip::Binary);
    }
    let (source, note) = decode(bytes);
    let (text, runs) = reduce(&source);
    let (mut exceptions, bad) = exceptions::in_comments(&source, exceptions::html_comments(&source));
    // The comment is not in the text: each name points where it was.
    let at = |file_offset: usize| {
        runs.iter().find(|&&(_, file_start, _)| file_start >= file_offset).map_or(text.len(), |&(t, _, _)| t)
    };
    for exception in &mut exceptions {
        exception.span = Span::empty(at(exception.span.end));
    }
    let map = SourceMap::new(source, runs);
    let mut document = Document::decoded(path, None, text, Some(Origin::Extracted(Arc::new(map))));
    document.notes.extend(note);
    document.notes.extend(bad.into_iter().map(|(_, message)| message));
    document.exceptions = exceptions;
    Ok(document)
}

/// Reduce HTML to text. Returns the text and its runs: `(text offset, file
/// offset, copied)` (see [`SourceMap`]).
#[must_use]
pub fn reduce(html: &str) -> (String, Vec<(usize, usize, bool)>) {
    let mut out = Out::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut pre = 0usize;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i + 4..].find("-->").map_or(bytes.len(), |n| i + 4 + n + 3);
                continue;
            }
            if let Some(tag) = Tag::parse(html, i) {
                let name = tag.name.as_str();
                if !tag.closing && DROPPED.contains(&name) && !tag.self_closing {
                    i = skip_element(html, tag.end, name);
                    continue;
                }
                match name {
                    "blockquote" => {
                        out.paragraph();
                        out.quote = if tag.closing { out.quote.saturating_sub(1) } else { out.quote + 1 };
                    }
                    "li" if !tag.closing => {
                        out.line();
                        out.bullet = true;
                    }
                    "pre" => {
                        out.paragraph();
                        pre = if tag.closing { pre.saturating_sub(1) } else { pre + 1 };
                    }
                    "td" | "th" if !tag.closing => out.space = true,
                    _ if PARAGRAPH.contains(&name) => out.paragraph(),
                    _ if LINE.contains(&name) => out.line(),
                    _ => {}
                }
                out.at = tag.end;
                i = tag.end;
                continue;
            }
        }
        if bytes[i] == b'&'
            && let Some((decoded, end)) = entity(html, i)
        {
            out.text(&decoded, i, false, pre > 0);
            i = end;
            continue;
        }
        // A run of plain text up to the next tag or entity.
        let end = html[i..].find(['<', '&']).map_or(bytes.len(), |n| i + n).max(i + 1);
        let end = html.ceil_char_boundary(end);
        out.text(&html[i..end], i, true, pre > 0);
        i = end;
    }
    (out.text, out.runs)
}

/// Where the element `name` opened before `from` ends (after its closing tag).
fn skip_element(html: &str, from: usize, name: &str) -> usize {
    let lower = html[from..].to_ascii_lowercase();
    let close = format!("</{name}");
    lower.find(&close).map_or(html.len(), |n| html[from + n..].find('>').map_or(html.len(), |m| from + n + m + 1))
}

/// An HTML entity at `at`, decoded, and where it ends.
fn entity(html: &str, at: usize) -> Option<(String, usize)> {
    let rest = &html[at..];
    let semi = rest.as_bytes().iter().take(34).position(|&b| b == b';')?;
    let raw = &rest[..=semi];
    if !raw[1..semi].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') || semi < 2 {
        return None;
    }
    let decoded = html_escape::decode_html_entities(raw);
    (decoded != raw).then(|| (decoded.replace('\u{a0}', " "), at + semi + 1))
}

/// A tag's name and extent.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    end: usize,
}

impl Tag {
    fn parse(html: &str, at: usize) -> Option<Tag> {
        let rest = &html[at + 1..];
        let closing = rest.starts_with('/');
        let body = if closing { &rest[1..] } else { rest };
        let first = body.chars().next()?;
        if !(first.is_ascii_alphabetic() || (!closing && first == '!')) {
            return None;
        }
        let name_len = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '!' || c == '-')).unwrap_or(body.len());
        let name = body[..name_len].to_ascii_lowercase();
        // Find the closing `>`, skipping quoted attribute values.
        let mut quote = None;
        for (offset, c) in body[name_len..].char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '>') => {
                    let inner = &body[name_len..name_len + offset];
                    let end = at + 1 + usize::from(closing) + name_len + offset + 1;
                    return Some(Tag { name, closing, self_closing: inner.trim_end().ends_with('/'), end });
                }
                (None, _) => {}
            }
        }
        None
    }
}

/// The text being built and its runs.
#[derive(Default)]
struct Out {
    text: String,
    runs: Vec<(usize, usize, bool)>,
    /// Newlines owed before the next text (1 or 2).
    newlines: usize,
    /// A space owed before the next text.
    space: bool,
    /// Blockquote depth.
    quote: usize,
    /// Blockquote depth of the last line written.
    last_quote: usize,
    /// A `- ` owed before the next text.
    bullet: bool,
    /// The file offset of the last tag, for synthetic runs.
    at: usize,
}

impl Out {
    fn line(&mut self) {
        self.newlines = self.newlines.max(1);
    }

    fn paragraph(&mut self) {
        self.newlines = 2;
    }

    fn synthetic(&mut self, s: &str, file_at: usize) {
        if !s.is_empty() {
            self.runs.push((self.text.len(), file_at, false));
            self.text.push_str(s);
        }
    }

    fn text(&mut self, s: &str, file_at: usize, copied: bool, pre: bool) {
        if pre {
            self.flush(file_at);
            self.runs.push((self.text.len(), file_at, copied));
            self.text.push_str(s);
            return;
        }
        let mut offset = 0;
        for piece in s.split_inclusive(char::is_whitespace) {
            let word = piece.trim_end_matches(char::is_whitespace);
            if !word.is_empty() {
                self.flush(file_at + offset);
                if copied {
                    self.runs.push((self.text.len(), file_at + offset, true));
                    self.text.push_str(word);
                } else {
                    self.synthetic(word, file_at);
                }
            }
            if word.len() < piece.len() {
                self.space = true;
            }
            offset += piece.len();
        }
    }

    /// Write owed line breaks, quote marks, bullets and spaces.
    fn flush(&mut self, file_at: usize) {
        let at_start = self.text.is_empty();
        if self.newlines > 0 && !at_start {
            // Blank lines between a quote and the text around it carry the
            // shallower depth; the new line carries the current one.
            let blank = ">".repeat(self.quote.min(self.last_quote));
            let mut owed = String::new();
            for _ in 1..self.newlines {
                owed.push('\n');
                owed.push_str(&blank);
            }
            owed.push('\n');
            owed.push_str(&"> ".repeat(self.quote));
            let at = self.at;
            self.synthetic(&owed, at);
        } else if at_start && self.quote > 0 {
            self.synthetic(&"> ".repeat(self.quote), file_at);
        } else if self.space && !at_start && !self.text.ends_with([' ', '\n']) {
            self.synthetic(" ", file_at);
        }
        if self.bullet {
            self.synthetic("- ", file_at);
        }
        self.newlines = 0;
        self.last_quote = self.quote;
        self.space = false;
        self.bullet = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduces_markup() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\n<p>Hi   Sam,</p><p>I loved your talk &amp; slides.<br>Could we talk?</p>\n<script>var x = '<p>';</script><ul><li>One</li><li>Two</li></ul><blockquote><p>On Tue you wrote:</p><p>per my last email</p></blockquote></body></html>";
        let (text, runs) = reduce(html);
        assert_eq!(
            text,
            "Hi Sam,\n\nI loved your talk & slides.\nCould we talk?\n\n- One\n- Two\n\n> On Tue you wrote:\n>\n> per my last email"
        );
        let map = SourceMap::new(html.to_owned(), runs);
        let talk = text.find("talk").expect("talk");
        assert_eq!(&html[map.file_offset(talk)..map.file_offset(talk) + 4], "talk");
    }

    #[test]
    fn never_fails_on_junk() {
        for junk in ["<", "<<>>", "a < b & c", "&#xZZ;", "<p", "<!-- open", "<script>", "é<b>é</b>&eacute;"] {
            let (text, runs) = reduce(junk);
            let map = SourceMap::new(junk.to_owned(), runs);
            for i in 0..=text.len() {
                assert!(map.file_offset(i) <= junk.len());
            }
        }
        assert_eq!(reduce("a < b &amp; c").0, "a < b & c");
        assert_eq!(reduce("é<b>é</b>&eacute;").0, "ééé");
    }
}
