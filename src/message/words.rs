//! Words of the writer's sections: UAX #29 word boundaries (via
//! unicode-segmentation), split once per message and shared by the figures
//! and the checks that count or compare words.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// The words of `span` in `text`, in order.
pub fn split(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    span.of(text).unicode_word_indices().map(move |(i, w)| Span::new(span.start + i, span.start + i + w.len()))
}

#[cfg(test)]
mod tests {
    use crate::message::Message;

    #[test]
    fn words_of_the_writers_sections_only() {
        let m = Message::plain("Subject: Quick ask\n\nHi Sam,\n\nThanks again.\n\nBest,\nAna Lee\n");
        let words: Vec<&str> = m.words().iter().map(|w| w.of(m.prose())).collect();
        assert_eq!(words, ["Quick", "ask", "Hi", "Sam", "Thanks", "again", "Best"]);
    }

    #[test]
    fn a_word_across_a_sentence_end_belongs_to_the_sentence_it_starts_in() {
        // A full stop between letters joins them into one word, but before a
        // caseless letter it also ends a sentence.
        let m = Message::plain("We met the team.שלום there.");
        let words = |s: &crate::message::Sentence| -> Vec<&str> {
            m.words_in(s.span).iter().map(|w| w.of(m.prose())).collect()
        };
        let sentences: Vec<Vec<&str>> = m.sentences().iter().map(words).collect();
        assert_eq!(sentences, [vec!["We", "met", "the", "team.שלום"], vec!["there"]]);
    }
}
