//! UAX #29 sentence boundaries, fast, for the text outreach messages are
//! made of: ASCII, Latin letters and common typographic punctuation.
//!
//! This is unicode-segmentation's own sentence-break state machine (same
//! states, same rules, same look-ahead for SB8) driven by a small category
//! table instead of the full Unicode table, so it gives the same boundaries
//! for every text it accepts. A text holding any character outside the table
//! is refused (`None`) and the caller falls back to unicode-segmentation.
//! A property test checks both agree on random text from the table's
//! characters.

/// Sentence-break categories (UAX #29 table 4) of the characters we know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Format,
    Other,
}

/// The category of `c`, if the table knows it.
fn category(c: char) -> Option<Cat> {
    Some(match c {
        '\r' => Cat::Cr,
        '\n' => Cat::Lf,
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Cat::Sp,
        'a'..='z' => Cat::Lower,
        'A'..='Z' => Cat::Upper,
        '0'..='9' => Cat::Numeric,
        '.' => Cat::ATerm,
        '!' | '?' => Cat::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' | '‘' | '’' | '“' | '”' => Cat::Close,
        ',' | '-' | ':' | ';' | '–' | '—' => Cat::SContinue,
        '\u{ad}' => Cat::Format,
        '#' | '$' | '%' | '&' | '*' | '+' | '/' | '<' | '=' | '>' | '@' | '\\' | '^' | '_' | '`' | '|' | '~' => {
            Cat::Other
        }
        '×' | '÷' | '€' | '£' | '•' | '…' | '©' | '°' | '·' => Cat::Other,
        'À'..='ɏ' | 'Ḁ'..='ỿ' if c.is_lowercase() => Cat::Lower,
        'À'..='ɏ' | 'Ḁ'..='ỿ' if c.is_uppercase() => Cat::Upper,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Eot,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts seen, as in unicode-segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State([Part; 4]);

impl State {
    fn next(self, cat: Cat) -> State {
        let p = self.0;
        match (p[3], cat) {
            (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => self,
            _ => State([
                p[1],
                p[2],
                p[3],
                match cat {
                    Cat::Cr => Part::Cr,
                    Cat::Lf => Part::Lf,
                    Cat::ATerm => Part::ATerm,
                    Cat::Upper | Cat::Lower => Part::UpperLower,
                    Cat::Close => Part::ClosePlus,
                    Cat::Sp => Part::SpPlus,
                    Cat::STerm => Part::STerm,
                    _ => Part::Other,
                },
            ]),
        }
    }

    fn last(self, part: Part) -> bool {
        self.0[3] == part
    }
}

/// SB8's look-ahead from `at`; `None` for a character the table lacks.
fn sb8(state: State, text: &str, at: usize) -> Option<bool> {
    let p = state.0;
    let mut idx = if p[3] == Part::SpPlus { 2 } else { 3 };
    if p[idx] == Part::ClosePlus {
        idx -= 1;
    }
    if p[idx] == Part::ATerm {
        for (_, cat) in categories(text, at) {
            match cat? {
                Cat::Lower => return Some(true),
                Cat::Upper | Cat::Cr | Cat::Lf | Cat::STerm | Cat::ATerm => return Some(false),
                _ => {}
            }
        }
    }
    Some(false)
}

fn sb8a(state: State) -> bool {
    let p = state.0;
    let mut idx = if p[3] == Part::SpPlus { 2 } else { 3 };
    if p[idx] == Part::ClosePlus {
        idx -= 1;
    }
    p[idx] == Part::STerm || p[idx] == Part::ATerm
}

fn sb9(state: State) -> bool {
    let p = state.0;
    let idx = if p[3] == Part::ClosePlus { 2 } else { 3 };
    p[idx] == Part::STerm || p[idx] == Part::ATerm
}

fn sb11(state: State) -> bool {
    let p = state.0;
    let mut idx = if matches!(p[3], Part::Cr | Part::Lf) { 2 } else { 3 };
    if p[idx] == Part::SpPlus {
        idx -= 1;
    }
    if p[idx] == Part::ClosePlus {
        idx -= 1;
    }
    p[idx] == Part::STerm || p[idx] == Part::ATerm
}

/// Categories of ASCII characters, `None` for the few the table leaves out.
const ASCII: [Option<Cat>; 128] = {
    let mut table = [None; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_category(b as u8);
        b += 1;
    }
    table
};

const fn ascii_category(b: u8) -> Option<Cat> {
    Some(match b {
        b'\r' => Cat::Cr,
        b'\n' => Cat::Lf,
        b'\t' | 0x0b | 0x0c | b' ' => Cat::Sp,
        b'a'..=b'z' => Cat::Lower,
        b'A'..=b'Z' => Cat::Upper,
        b'0'..=b'9' => Cat::Numeric,
        b'.' => Cat::ATerm,
        b'!' | b'?' => Cat::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Cat::Close,
        b',' | b'-' | b':' | b';' => Cat::SContinue,
        b'#' | b'$' | b'%' | b'&' | b'*' | b'+' | b'/' | b'<' | b'=' | b'>' | b'@' | b'\\' | b'^' | b'_' | b'`'
        | b'|' | b'~' => Cat::Other,
        _ => return None,
    })
}

/// The categories of the characters of `text` from byte `at`, with offsets.
fn categories(text: &str, at: usize) -> impl Iterator<Item = (usize, Option<Cat>)> + '_ {
    text[at..].char_indices().map(move |(i, c)| {
        let cat = if c.is_ascii() { ASCII[c as usize] } else { category(c) };
        (at + i, cat)
    })
}

/// The byte offsets where sentences start in `text` (the first is 0), the
/// same as `split_sentence_bound_indices`, or `None` when `text` holds a
/// character the table does not know.
#[must_use]
pub fn starts(text: &str) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    let mut state = State([Part::Sot; 4]);
    for (position, cat) in categories(text, 0) {
        let cat = cat?;
        let before = state;
        state = state.next(cat);
        let boundary = match cat {
            _ if before.last(Part::Sot) => true,
            Cat::Lf if before.last(Part::Cr) => false,
            _ if before.last(Part::Cr) || before.last(Part::Lf) => true,
            Cat::Format => {
                state = before;
                false
            }
            // Most characters follow a letter, a space or other: no rule
            // below can apply (each needs a terminator behind).
            _ if matches!(before.0[3], Part::UpperLower | Part::Other) => false,
            Cat::Numeric if before.last(Part::ATerm) => false,
            Cat::Upper if before.0[2] == Part::UpperLower && before.0[3] == Part::ATerm => false,
            _ if sb8(before, text, position)? => false,
            Cat::SContinue | Cat::STerm | Cat::ATerm if sb8a(before) => false,
            Cat::Close | Cat::Sp | Cat::Cr | Cat::Lf if sb9(before) => false,
            Cat::Sp | Cat::Cr | Cat::Lf if sb8a(before) => false,
            _ => sb11(before),
        };
        if boundary {
            out.push(position);
        }
    }
    let _ = Part::Eot;
    Some(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    use super::starts;

    fn reference(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices().map(|(i, _)| i).collect()
    }

    /// Characters the table knows, weighted towards the ones that matter,
    /// and a few it does not (`ǅ`, `ƻ`, `µ`...), which must be refused.
    const ALPHABET: &[char] = &[
        'a', 'b', 'e', 'z', 'A', 'D', 'Z', '0', '7', '.', '.', '.', '!', '?', ' ', ' ', ' ', '\n', '\r', '\t', '"',
        '\'', '(', ')', '’', '“', '”', '«', ',', '-', ':', ';', '—', '–', '…', '\u{ad}', '\u{a0}', 'é', 'É', 'ß', 'ø',
        'Ł', 'ł', 'ő', 'ả', 'Ọ', '€', '•', '×', '#', '&', '/', '»', '‘', '£', '©', '°', '·', '{', '}', '[', ']', '$',
        '%', '*', '+', '<', '=', '>', '@', '\\', '^', '_', '`', '|', '~', '\u{b}', '\u{c}', 'À', 'ÿ', 'ĸ', 'ŉ', 'ſ',
        'ı', 'İ', 'ƀ', 'Ɓ', 'ǅ', 'ƻ', 'ɏ', 'Ḁ', 'ỿ', '÷', 'µ', 'ª', '¿', '¡',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn agrees_with_unicode_segmentation(indices in proptest::collection::vec(0..ALPHABET.len(), 0..40)) {
            let text: String = indices.into_iter().map(|i| ALPHABET[i]).collect();
            if let Some(fast) = starts(&text) {
                prop_assert_eq!(fast, reference(&text), "text: {:?}", text);
            }
        }
    }

    #[test]
    fn agrees_on_prose() {
        for text in [
            "Hi Zoë, I loved your talk. Could we talk? Thanks!",
            "I met Dr. Okafor at the summit. She was great.",
            "Small asks, e.g. a 10-minute call, work. Thanks!",
            "He said “no.” Then he left… and came back (twice).  Really?! Yes.",
            "Version 2.5 is out. see the notes.\n\nNew paragraph\r\nhere.",
        ] {
            assert_eq!(starts(text), Some(reference(text)), "{text:?}");
        }
        assert_eq!(starts("日本語です。"), None);
    }
}
