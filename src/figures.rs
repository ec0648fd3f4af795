//! Measured figures of a message: length, sentence and paragraph length,
//! reading ease, you/I balance, questions, links, exclamation marks.
//!
//! Measured once per message over the writer's prose; `metric` checks, the
//! score and the JSON summary all read the same numbers.

use std::sync::LazyLock;

use crate::message::{Message, SectionKind, patterns};
use crate::pattern::{Matcher, prebuilt};
use crate::span::Span;

/// The figures of one message. Serialised in the JSON summary.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Figures {
    pub words: usize,
    pub characters: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub longest_sentence_words: usize,
    pub longest_paragraph_words: usize,
    /// Flesch reading ease (higher is easier; 60-70 is plain English).
    pub reading_ease: Option<f64>,
    /// Second-person words: you, your, yours...
    pub you_words: usize,
    /// First-person words: I, me, my, we, our...
    pub i_words: usize,
    /// `you / (you + I)`, from 0 (all about the writer) to 1 (all about the reader).
    pub you_i_balance: Option<f64>,
    pub questions: usize,
    pub links: usize,
    pub exclamations: usize,
    pub placeholders: usize,
    #[serde(skip)]
    pub detail: Detail,
}

/// Where the figures were measured, for pointing at them.
#[derive(Debug, Clone, Default)]
pub struct Detail {
    /// Words in each sentence (parallel to `Message::sentences`).
    pub sentence_words: Vec<usize>,
    /// First-person words in each sentence.
    pub sentence_i_words: Vec<usize>,
    /// Words in each paragraph (parallel to `Message::paragraphs`).
    pub paragraph_words: Vec<usize>,
    pub links: Vec<Span>,
    pub exclamations: Vec<Span>,
    /// Indices of sentences that ask a question.
    pub questions: Vec<usize>,
    /// The extent of the writer's prose (first to last prose byte).
    pub prose: Span,
}

impl Detail {
    /// The start of word `n` (zero-based) of those [`Figures::words`]
    /// counts. Found again when asked rather than kept for every word: a
    /// large file has millions.
    #[must_use]
    pub fn word_start(&self, message: &Message, n: usize) -> Option<usize> {
        counted_words(message, &self.links).nth(n).map(|(_, word)| word.start)
    }
}

/// The words the figures count, with the index of their sentence: every
/// word of the prose sentences, a link (`links`, sorted) counting as one.
fn counted_words<'m>(message: &'m Message, links: &'m [Span]) -> impl Iterator<Item = (usize, Span)> + 'm {
    message.sentences().iter().enumerate().flat_map(move |(i, sentence)| {
        message.words_in(sentence.span).iter().filter_map(move |&word| {
            let link = links.partition_point(|l| l.end <= word.start);
            let inside_link = links.get(link).is_some_and(|l| l.start < word.start);
            (!inside_link).then_some((i, word))
        })
    })
}

static LINK: LazyLock<Matcher> = LazyLock::new(|| prebuilt::model(&[patterns::LINK]));

/// (Each starts with i, m, o, u, w or y: see `is_any`.)
const YOU: &[&str] =
    &["you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd", "ya", "u"];
const I: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "we're",
    "we've",
    "we'll",
    "we'd",
];

impl Figures {
    /// Measure `message`.
    #[must_use]
    pub fn measure(message: &Message) -> Self {
        let text = message.prose();
        let sentences = message.sentences();
        let mut f = Figures::default();
        let mut syllables = 0usize;
        let mut d = Detail {
            sentence_words: vec![0; sentences.len()],
            sentence_i_words: vec![0; sentences.len()],
            paragraph_words: vec![0; message.paragraphs().len()],
            ..Detail::default()
        };
        let original = message.text();
        let prose_sections: Vec<Span> =
            message.sections().iter().filter(|s| s.kind.is_prose()).map(|s| s.span).collect();
        for section in &prose_sections {
            let slice = section.of(original);
            d.links
                .extend(LINK.find_iter(slice).map(|m| Span::new(section.start + m.start(), section.start + m.end())));
        }
        for (i, word) in counted_words(message, &d.links) {
            let word = word.of(text);
            f.words += 1;
            d.sentence_words[i] += 1;
            syllables += syllable_count(word);
            if is_any(word, YOU) {
                f.you_words += 1;
            } else if is_any(word, I) {
                f.i_words += 1;
                d.sentence_i_words[i] += 1;
            }
        }
        for (i, sentence) in sentences.iter().enumerate() {
            d.paragraph_words[sentence.paragraph] += d.sentence_words[i];
            if sentence.span.of(text).contains('?') {
                d.questions.push(i);
            }
        }
        f.sentences =
            sentences.iter().filter(|s| s.section == SectionKind::Body || s.section == SectionKind::Ps).count();
        f.paragraphs = d.paragraph_words.iter().filter(|&&w| w > 0).count();
        f.longest_sentence_words = d.sentence_words.iter().copied().max().unwrap_or(0);
        f.longest_paragraph_words = d.paragraph_words.iter().copied().max().unwrap_or(0);
        if f.words >= 1 && f.sentences >= 1 {
            #[allow(clippy::cast_precision_loss)]
            let ease =
                206.835 - 1.015 * (f.words as f64 / f.sentences as f64) - 84.6 * (syllables as f64 / f.words as f64);
            f.reading_ease = Some((ease * 10.0).round() / 10.0);
        }
        if f.you_words + f.i_words > 0 {
            #[allow(clippy::cast_precision_loss)]
            let balance = f.you_words as f64 / (f.you_words + f.i_words) as f64;
            f.you_i_balance = Some((balance * 100.0).round() / 100.0);
        }

        if let (Some(first), Some(last)) = (prose_sections.first(), prose_sections.last()) {
            let extent = Span::new(first.start, last.end);
            let slice = extent.of(original);
            let lead = slice.len() - slice.trim_start().len();
            d.prose = Span::new(extent.start + lead, extent.start + lead + slice.trim().len());
            f.characters = d.prose.of(original).chars().count();
        }
        for section in message.sections().iter().filter(|s| s.kind.is_writers()) {
            let slice = section.span.of(text);
            d.exclamations.extend(
                slice.match_indices('!').map(|(i, _)| Span::new(section.span.start + i, section.span.start + i + 1)),
            );
        }
        f.links = d.links.len();
        f.exclamations = d.exclamations.len();
        f.questions = d.questions.len();
        f.placeholders = message.placeholders().len();
        f.detail = d;
        f
    }
}

#[inline(always)] // the call would cost more than the first-letter test
fn is_any(word: &str, list: &[&str]) -> bool {
    // Every listed word starts with one of these letters: reject the rest
    // without comparing (this runs for every word of every message).
    if word.len() > 10
        || !matches!(word.as_bytes().first().map(u8::to_ascii_lowercase), Some(b'i' | b'm' | b'o' | b'u' | b'w' | b'y'))
    {
        return false;
    }
    if word.contains('’') {
        let straight = word.replace('’', "'");
        return list.iter().any(|w| w.eq_ignore_ascii_case(&straight));
    }
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod is_any_tests {
    #[test]
    fn listed_words_start_with_the_letters_is_any_checks() {
        for word in super::YOU.iter().chain(super::I) {
            assert!(super::is_any(word, &[word]), "{word}: update the first-letter check in is_any");
        }
    }
}

/// The ASCII letters of a word, lowercased, without allocating for words
/// of up to 24 bytes (syllables are counted for every word of every message).
struct Letters {
    short: [char; 24],
    len: usize,
    long: Vec<char>,
}

impl Letters {
    fn of(word: &str) -> Self {
        let letters = word.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase());
        let mut out = Letters { short: ['\0'; 24], len: 0, long: Vec::new() };
        if word.len() <= out.short.len() {
            for c in letters {
                out.short[out.len] = c;
                out.len += 1;
            }
        } else {
            out.long = letters.collect();
        }
        out
    }
}

impl std::ops::Deref for Letters {
    type Target = [char];

    fn deref(&self) -> &[char] {
        if self.long.is_empty() { &self.short[..self.len] } else { &self.long }
    }
}

impl<'a> IntoIterator for &'a Letters {
    type Item = &'a char;
    type IntoIter = std::slice::Iter<'a, char>;

    fn into_iter(self) -> Self::IntoIter {
        (**self).iter()
    }
}

/// Syllables in an English word, estimated from vowel groups.
fn syllable_count(word: &str) -> usize {
    let lower = Letters::of(word);
    if lower.is_empty() {
        return 1;
    }
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous = false;
    for &c in &lower {
        let vowel = is_vowel(c);
        if vowel && !previous {
            count += 1;
        }
        previous = vowel;
    }
    let n = lower.len();
    // A silent final e ("make"), but not after a consonant + l ("table").
    let silent_e = n > 2 && lower[n - 1] == 'e' && !is_vowel(lower[n - 2]);
    let le_syllable = n > 2 && lower[n - 2] == 'l' && !is_vowel(lower[n - 3]);
    if silent_e && !le_syllable {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let m = Message::plain(
            "Hi Sam,\n\nI loved your talk! I’m building a tool. Could you share the slides? https://x.io/a\n\nBest,\nAna\n",
        );
        let f = Figures::measure(&m);
        assert_eq!((f.you_words, f.i_words), (2, 2));
        assert_eq!(f.questions, 1);
        assert_eq!(f.links, 1);
        assert_eq!(f.exclamations, 1);
        assert_eq!(f.you_i_balance, Some(0.5));
    }

    #[test]
    fn a_link_is_one_word() {
        let m = Message::plain("Notes: https://example.com/a/b-c?d=e and more.");
        assert_eq!(Figures::measure(&m).words, 4);
    }

    #[test]
    fn syllables() {
        assert_eq!(syllable_count("table"), 2);
        assert_eq!(syllable_count("make"), 1);
        assert_eq!(syllable_count("introduction"), 4);
    }
}
