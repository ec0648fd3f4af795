//! Paragraphs and sentences of the writer's prose.
//!
//! Sentences come from Unicode sentence boundaries (UAX #29, via
//! unicode-segmentation), with two corrections for email prose: a line break
//! inside a hard-wrapped paragraph does not end a sentence, and titles such
//! as "Dr." or "Mr." do not end one either. Boundaries come from
//! `sentence_bounds`, a fast table-driven copy of the same state
//! machine, falling back to unicode-segmentation for other scripts.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// Abbreviations that never end a sentence: they stand before a name.
const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "prof", "rev", "st", "gen", "capt", "sr", "jr", "vs", "no", "approx", "dept", "ca",
];
/// Abbreviations that end a sentence only when a capital letter follows and
/// the abbreviation is not itself mid-sentence: "e.g." and "i.e." never do.
const NEVER_FINAL: &[&str] = &["e.g", "i.e", "a.m", "p.m", "etc", "cf", "incl", "esp"];

/// Paragraph spans in `span` of `text`: runs of non-blank lines.
#[must_use]
pub fn paragraphs(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let mut at = span.start;
    for line in span.of(text).split_inclusive('\n') {
        let line_span = Span::new(at, at + line.len());
        at += line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(trim(text, Span::new(s, line_span.start)));
            }
        } else if start.is_none() {
            start = Some(line_span.start);
        }
    }
    if let Some(s) = start {
        out.push(trim(text, Span::new(s, span.end)));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Sentence spans inside the paragraph `para` of `text`, trimmed of space.
#[must_use]
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let slice = para.of(text);
    // Soft-wrapped lines: a newline after a line that does not end a sentence
    // or a list item, followed by a line that does not start a list item,
    // reads as a space. Replacing it by a space keeps every offset.
    let joined = join_soft_wraps(slice);
    let starts = super::sentence_bounds::starts(&joined)
        .unwrap_or_else(|| joined.split_sentence_bound_indices().map(|(i, _)| i).collect());
    let mut raw: Vec<Span> = starts
        .iter()
        .enumerate()
        .map(|(k, &i)| Span::new(para.start + i, para.start + starts.get(k + 1).copied().unwrap_or(joined.len())))
        .collect();
    merge_abbreviations(text, &mut raw);
    raw.into_iter().map(|s| trim(text, s)).filter(|s| !s.is_empty()).collect()
}

fn join_soft_wraps(slice: &str) -> std::borrow::Cow<'_, str> {
    if !slice.contains('\n') {
        return std::borrow::Cow::Borrowed(slice);
    }
    let bytes = slice.as_bytes();
    let mut out = slice.to_owned().into_bytes();
    let mut line_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'\n' {
            continue;
        }
        let line = slice[line_start..i].trim_end();
        let next = slice[i + 1..].trim_start_matches([' ', '\t']);
        let ends_sentence =
            line.ends_with(['.', '!', '?', ':', ';', '…', ')', '"', '”']) || line.is_empty() || ends_with_link(line);
        let list_next = starts_list_item(next);
        let list_this = starts_list_item(slice[line_start..i].trim_start());
        let next_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
        let long = line.chars().count() > 30;
        // A short line runs on too when the next one carries on in lowercase.
        if !list_next && !list_this && (((!ends_sentence || next_lower) && long) || (!ends_sentence && next_lower)) {
            out[i] = b' ';
        }
        line_start = i + 1;
    }
    // Only ASCII newlines were replaced by ASCII spaces, so this is valid UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).expect("newline-to-space keeps UTF-8"))
}

/// Whether the line's last word is a link: a line break after a link ends
/// the sentence (lists of links have no full stops).
fn ends_with_link(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or(line).to_ascii_lowercase();
    last.starts_with("http://") || last.starts_with("https://") || last.starts_with("www.")
}

fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

fn merge_abbreviations(text: &str, spans: &mut Vec<Span>) {
    let mut i = 0;
    while i + 1 < spans.len() {
        let current = spans[i].of(text).trim_end();
        let next = spans[i + 1].of(text).trim_start();
        if ends_with_abbreviation(current, next) {
            spans[i] = spans[i].cover(spans[i + 1]);
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

fn ends_with_abbreviation(sentence: &str, next: &str) -> bool {
    let Some(before_dot) = sentence.strip_suffix('.') else { return false };
    let word_start = before_dot
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| i + before_dot[i..].chars().next().map_or(1, char::len_utf8));
    let word = before_dot[word_start..].to_ascii_lowercase();
    if word.is_empty() {
        return false;
    }
    if TITLES.contains(&word.as_str()) {
        return next.chars().next().is_some_and(|c| c.is_uppercase());
    }
    let next_starts_lower = next.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    NEVER_FINAL.contains(&word.as_str()) && next_starts_lower
        || (word.len() == 1 && word.chars().all(char::is_alphabetic) && next_starts_lower)
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    Span::new(span.start + lead, span.start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let whole = Span::new(0, text.len());
        paragraphs(text, whole).into_iter().flat_map(|p| sentences(text, p)).map(|s| s.of(text)).collect()
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            split("I met Dr. Okafor at the summit. She was great."),
            ["I met Dr. Okafor at the summit.", "She was great."]
        );
    }

    #[test]
    fn eg_does_not_end_sentences() {
        assert_eq!(
            split("Small asks, e.g. a 10-minute call, work. Thanks!"),
            ["Small asks, e.g. a 10-minute call, work.", "Thanks!"]
        );
    }

    #[test]
    fn soft_wraps_join_and_paragraphs_split() {
        let text = "I read your piece on hiring and it changed how\nwe run interviews. Thank you.\n\nCould we talk?";
        assert_eq!(
            split(text),
            ["I read your piece on hiring and it changed how\nwe run interviews.", "Thank you.", "Could we talk?"]
        );
    }

    #[test]
    fn list_items_stay_apart() {
        assert_eq!(
            split("Two ideas:\n- faster onboarding\n- fewer steps"),
            ["Two ideas:", "- faster onboarding", "- fewer steps"]
        );
    }
}
