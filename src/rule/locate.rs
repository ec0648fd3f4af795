//! Finding a key or list item in YAML text by its path, so that a semantic
//! error (an invalid regex, an unknown intent) points at the right line.
//!
//! Syntax and shape errors already carry a position from the YAML parser;
//! this covers errors found after parsing. It reads block-style YAML by
//! indentation, which is how rule files are written; when a path cannot be
//! followed it returns the closest enclosing key.

use crate::span::Span;

/// One step of a path: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl From<&str> for Step {
    fn from(key: &str) -> Self {
        Step::Key(key.to_owned())
    }
}

impl From<usize> for Step {
    fn from(index: usize) -> Self {
        Step::Index(index)
    }
}

#[derive(Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    fn is_content(&self) -> bool {
        let t = self.text.trim();
        !t.is_empty() && !t.starts_with('#')
    }
}

/// The span of the node at `path` in `text`, or of the deepest step found.
#[must_use]
pub fn locate(text: &str, path: &[Step]) -> Span {
    let mut lines = Vec::new();
    let mut at = 0;
    for piece in text.split_inclusive('\n') {
        lines.push(Line { start: at, text: piece.trim_end_matches(['\n', '\r']) });
        at += piece.len();
    }
    // The region is a range of lines whose content is indented deeper than
    // `parent_indent`; `inline` is the value text when it sits on the key's line.
    let mut region = 0..lines.len();
    let mut parent_indent: Option<usize> = None;
    let mut found = Span::new(0, 0);
    let mut inline: Option<(usize, &str)> = None;
    for step in path {
        match step {
            Step::Key(key) if inline.is_some_and(|(_, v)| v.starts_with('{')) => {
                let Some((start, value)) = inline else { return found };
                let Some((offset, rest)) = flow_key(value, key) else { return found };
                found = Span::new(start + offset, start + offset + key.len());
                let after = &rest[key.len()..];
                let after = after.trim_start_matches([':', ' ']);
                inline = Some((start + (after.as_ptr() as usize - value.as_ptr() as usize), after));
            }
            Step::Key(key) => {
                let Some(i) = region.clone().find(|&i| {
                    let l = lines[i];
                    l.is_content()
                        && parent_indent.is_none_or(|p| l.indent() > p)
                        && key_of(l.text.trim_start().trim_start_matches("- ")) == Some(key.as_str())
                }) else {
                    return found;
                };
                let l = lines[i];
                let key_start = l.start + l.text.find(key.as_str()).unwrap_or(0);
                found = Span::new(key_start, key_start + key.len());
                let indent = l.indent();
                let end = (i + 1..region.end)
                    .find(|&j| lines[j].is_content() && lines[j].indent() <= indent)
                    .unwrap_or(region.end);
                let after_colon = l.text.find(':').map_or(l.text.len(), |c| c + 1);
                let value = l.text[after_colon..].trim();
                inline = (!value.is_empty())
                    .then(|| (l.start + l.text.len() - l.text[after_colon..].trim_start().len(), value));
                region = i + 1..end;
                parent_indent = Some(indent);
            }
            Step::Index(n) => {
                if let Some((start, value)) = inline.filter(|(_, v)| v.starts_with('[')) {
                    if let Some(item) = flow_item(value, *n) {
                        let offset = start + (item.as_ptr() as usize - value.as_ptr() as usize);
                        found = Span::new(offset, offset + item.len());
                    }
                    return found;
                }
                let items: Vec<usize> = region
                    .clone()
                    .filter(|&i| lines[i].is_content() && lines[i].text.trim_start().starts_with('-'))
                    .collect();
                let item_indent = items.first().map(|&i| lines[i].indent());
                let items: Vec<usize> = items.into_iter().filter(|&i| Some(lines[i].indent()) == item_indent).collect();
                let Some(&i) = items.get(*n) else { return found };
                let l = lines[i];
                let content = l.text.trim_start().trim_start_matches('-').trim_start();
                let start = l.start + l.text.len() - content.len();
                found = Span::new(start, start + content.trim_end().len());
                let indent = l.indent();
                let end = (i + 1..region.end)
                    .find(|&j| lines[j].is_content() && lines[j].indent() <= indent)
                    .unwrap_or(region.end);
                region = i..end;
                parent_indent = Some(indent);
                inline = Some((start, content.trim_end()));
            }
        }
    }
    found
}

fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    let key = key.trim().trim_matches(['"', '\'']);
    (!key.is_empty() && !key.contains(' ')).then_some(key)
}

/// The offset of key `key` inside a flow mapping `{ a: 1, key: [..] }`, and
/// the text from there on.
fn flow_key<'a>(value: &'a str, key: &str) -> Option<(usize, &'a str)> {
    let mut from = 0;
    while let Some(i) = value[from..].find(key) {
        let at = from + i;
        let before = value[..at].trim_end();
        let after = value[at + key.len()..].trim_start();
        if (before.ends_with('{') || before.ends_with(',')) && after.starts_with(':') {
            return Some((at, &value[at..]));
        }
        from = at + key.len();
    }
    None
}

/// The `n`th item of a flow sequence `[a, "b, c", d]`, as written.
fn flow_item(value: &str, n: usize) -> Option<&str> {
    let inner = value.strip_prefix('[')?;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = 0;
    let mut index = 0;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') if depth > 0 => depth -= 1,
            (None, ',' | ']') if depth == 0 => {
                if index == n {
                    return Some(inner[start..i].trim());
                }
                index += 1;
                start = i + 1;
                if c == ']' {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "level: warning\ncheck:\n  existence:\n    patterns:\n      - 'ok'\n      - '(bad'\n    phrases: [a, \"b, c\", d]\n";

    fn at(path: &[Step]) -> &'static str {
        locate(YAML, path).of(YAML)
    }

    #[test]
    fn block_and_flow_items() {
        assert_eq!(at(&["check".into(), "existence".into(), "patterns".into(), 1.into()]), "'(bad'");
        assert_eq!(at(&["check".into(), "existence".into(), "phrases".into(), 1.into()]), "\"b, c\"");
        assert_eq!(at(&["check".into(), "missing".into()]), "check");
        let flow = "check:\n  conditional:\n    if: { intents: [ask, asks] }\n";
        let path = ["check".into(), "conditional".into(), "if".into(), "intents".into(), 1.into()];
        assert_eq!(locate(flow, &path).of(flow), "asks");
    }
}
