//! Finding asks by their grammar: a sentence is split into clauses (at
//! semicolons, dashes, and at "and", "but", "then" or a comma that opens a
//! new request), and each clause is read for the forms people ask in:
//!
//! - a modal question to the reader ("could you", "would you be open");
//! - a question about possibility or availability ("would it be possible",
//!   "do you have time", "any chance");
//! - a wish, hope or need with the reader as agent ("I was hoping you
//!   could", "I'd love to chat", "I need you to", "reaching out to see if");
//! - an imperative, also after "please", "and" or "then" ("let me know",
//!   "...and pass my CV along");
//! - a suggestion for both ("let's", "how about", "shall we");
//! - any other question put to the reader.
//!
//! Offers in the same shapes ("would you like me to", "let me know if I
//! can help") are not asks.

use std::borrow::Cow;

use super::grammar::{self as g, contains, is, starts_with};
use crate::span::Span;

/// How a clause asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// "Could you...", "Would you be open to..."
    Modal,
    /// "Would it be possible...", "Do you have time..."
    Possibility,
    /// "I'd love to...", "I was hoping you could...", "I need you to..."
    Wish,
    /// "Send me...", "Please review..."
    Imperative,
    /// "Let's...", "How about..."
    Suggestion,
    /// Any other question to the reader.
    Question,
    /// Only the `ask` lexicon's phrases say so.
    Phrase,
}

/// One word of a sentence: its span and its lowercase form.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub span: Span,
    pub lower: Cow<'a, str>,
    /// Whether the word starts with a capital letter.
    pub capital: bool,
}

/// The words of `span` in `text`, lowercased, with curly apostrophes made
/// straight.
#[must_use]
pub fn words<'a>(text: &'a str, spans: &[Span]) -> Vec<Word<'a>> {
    spans
        .iter()
        .map(|&span| {
            let raw = span.of(text);
            // Most words are already lowercase ASCII: borrow them.
            let plain = raw.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-' || b.is_ascii_digit());
            let lower = if plain {
                Cow::Borrowed(raw)
            } else {
                Cow::Owned(raw.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'"))
            };
            Word { span, lower, capital: raw.chars().next().is_some_and(char::is_uppercase) }
        })
        .collect()
}

/// An ask found in one clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub form: Form,
    /// "please" opens the clause (a softener only in mid-sentence).
    pub please_first: bool,
    /// "please" anywhere in the clause.
    pub please: bool,
}

/// The asks in one sentence, given its words and its text (`sentence` is a
/// span of `text`).
#[must_use]
pub fn in_sentence(text: &str, sentence: Span, words: &[Word]) -> Vec<Found> {
    let question =
        sentence.of(text).trim_end().trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']).ends_with('?');
    let lows: Vec<&str> = words.iter().map(|w| w.lower.as_ref()).collect();
    let clauses = clauses(text, words, &lows);
    let last = clauses.len().saturating_sub(1);
    let mut out = Vec::new();
    for (k, range) in clauses.iter().enumerate() {
        let clause = &words[range.0..range.1];
        if let Some(found) = read_clause(text, clause, &lows[range.0..range.1], question && k == last) {
            out.push(found);
        }
    }
    out
}

/// Clause boundaries as word ranges.
fn clauses(text: &str, words: &[Word], lows: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..words.len() {
        let gap = &text[words[i - 1].span.end..words[i].span.start];
        let next = &lows[i..(i + 4).min(lows.len())];
        // "also" right after the one asked or the modal is an adverb of the
        // same ask ("could you also send..."), not a second clause.
        let adverb =
            words[i].lower == "also" && is(lows[i - 1], &["you", "we", "could", "would", "can", "will", "might"]);
        let coordinated = !adverb
            && is(&words[i].lower, &["and", "but", "then", "so", "or", "also"])
            && opens_request_after_marker(&next[1..]);
        if gap == " " {
            // Most gaps: no punctuation to split on.
            if coordinated {
                out.push((start, i));
                start = i;
            }
            continue;
        }
        let opens_request = opens_request(next);
        let hard = gap.contains([';', ':', '\u{2014}', '\u{2013}']) || gap.contains(" - ") || gap.contains('?');
        // A list of requests: "could you X, look over Y, and send Z".
        let comma = gap.contains(',') && (opens_request || opens_request_after_marker(next));
        if hard || coordinated || comma {
            out.push((start, i));
            start = i;
        }
    }
    if start < words.len() {
        out.push((start, words.len()));
    }
    out
}

fn opens_request(w: &[&str]) -> bool {
    let first = w.first().copied().unwrap_or_default();
    (is(first, g::MODALS) && w.get(1).is_some_and(|&s| s == "you" || s == "we"))
        || first == "please"
        || first == "let's"
        || first == "kindly"
}

fn opens_request_after_marker(w: &[&str]) -> bool {
    // A hedge between the marker and the request ("and maybe send me...").
    let w = match w.first() {
        Some(&h) if is(h, &["maybe", "perhaps", "possibly", "just", "also"]) => &w[1..],
        _ => w,
    };
    let first = w.first().copied().unwrap_or_default();
    let look = first == "look" && w.get(1).is_some_and(|s| is(s, &["over", "at", "through", "into"]));
    opens_request(w)
        || look
        || (g::is_one_of(first, g::IMPERATIVES) && !first.is_empty() && !is(first, &["like", "see", "look", "keep"]))
        || (is(first, g::FIRST_PERSON)
            && w.get(1).is_some_and(|s| g::is_one_of(s, g::WISHES) || is(s, &["would", "was", "am"])))
}

fn read_clause(text: &str, clause: &[Word], all: &[&str], question: bool) -> Option<Found> {
    let span = Span::new(clause.first()?.span.start, clause.last()?.span.end);
    let please = all.contains(&"please") || all.contains(&"kindly");
    // Skip openers that do not change what the clause does, and a name
    // addressed ("Sam, could you...").
    let mut skip = 0;
    let mut please_first = false;
    while skip < clause.len() {
        let w = all[skip];
        let gap_after = clause.get(skip + 1).map_or("", |n| &text[clause[skip].span.end..n.span.start]);
        if w == "please" || w == "kindly" {
            please_first = true;
        } else if !(g::is_one_of(w, g::MARKERS)
            || (skip == 0 && clause[skip].capital && gap_after.contains(',') && !g::is_one_of(w, g::IMPERATIVES)))
        {
            break;
        }
        skip += 1;
    }
    let w = &all[skip..];
    // An offer to the reader is not an ask, whatever its form (checked
    // last: most clauses have no form at all).
    let found =
        |form| (!g::OFFERS.iter().any(|o| contains(all, o))).then_some(Found { span, form, please_first, please });
    if w.is_empty() {
        return None;
    }
    if g::SUGGESTIONS.iter().any(|s| starts_with(w, s)) {
        return found(Form::Suggestion);
    }
    let first = w[0];
    let second = w.get(1).copied().unwrap_or_default();
    if is(first, g::MODALS) && (second == "you" || (question && (second == "we" || second == "i"))) {
        return found(Form::Modal);
    }
    let head = &w[..w.len().min(8)];
    if head.iter().any(|s| is(s, g::POSSIBILITY_OPENERS)) && g::POSSIBILITY.iter().any(|p| contains(head, p)) {
        return found(Form::Possibility);
    }
    if let Some(form) = wish(w) {
        return found(form);
    }
    if embedded_question(w) {
        return found(Form::Wish);
    }
    // "You need to...", "you must...": a command with the reader as subject.
    if first == "you" && (is(second, &["must", "should"]) || (is(second, &["need", "have"]) && w.get(2) == Some(&"to")))
    {
        return found(Form::Imperative);
    }
    if imperative(w) {
        return found(Form::Imperative);
    }
    if question && !is_tag(text, clause) && !is_small_talk(text, &clause[clause.len() - w.len()..], w) {
        return found(Form::Question);
    }
    None
}

/// "How have you been?", "How was your summer, Amelia?": asking after the
/// reader as a greeting does, not for anything.
fn is_small_talk(text: &str, clause: &[Word], w: &[&str]) -> bool {
    const OPENERS: &[&str] = &["how", "how's", "how've", "hows"];
    const WORDS: &[&str] = &[
        "are",
        "been",
        "day",
        "doing",
        "everything",
        "family",
        "going",
        "has",
        "have",
        "holiday",
        "holidays",
        "is",
        "it",
        "keeping",
        "life",
        "summer",
        "the",
        "things",
        "trip",
        "was",
        "week",
        "weekend",
        "were",
        "you",
        "your",
    ];
    if !w.first().is_some_and(|f| is(f, OPENERS)) {
        return false;
    }
    // A name addressed at the end ("..., Amelia") is not part of the question.
    let named = (1..clause.len())
        .find(|&i| text[clause[i - 1].span.end..clause[i].span.start].contains(',') && clause[i].capital)
        .unwrap_or(clause.len());
    let rest = &w[1..named.min(w.len())];
    rest.len() <= 5 && rest.iter().all(|s| is(s, WORDS))
}

/// "..., right?", "no?": a statement asking for agreement, not an ask.
fn is_tag(text: &str, clause: &[Word]) -> bool {
    const TAGS: &[&str] = &["right", "no", "yes", "ok", "okay", "correct", "huh", "eh"];
    match clause {
        [only] => is(&only.lower, TAGS),
        [.., before, last] => is(&last.lower, TAGS) && text[before.span.end..last.span.start].contains(','),
        [] => true,
    }
}

/// A wish, hope or need with the writer as subject and the reader as agent.
/// "...to see if you would like to", "wondering whether you could": a
/// question to the reader embedded in a statement.
fn embedded_question(w: &[&str]) -> bool {
    const ASKING: &[&str] =
        &["see", "know", "ask", "asking", "check", "wonder", "wondering", "curious", "find", "learn"];
    const MODAL: &[&str] = &["would", "could", "might", "can", "'d", "are", "have", "had", "were", "will", "may"];
    if !w.contains(&"you") {
        return false;
    }
    // "...by hoping you would help me", "hope that you could": a wish put to the reader.
    let hope = (0..w.len().min(20)).any(|i| {
        let j = if w.get(i + 1) == Some(&"that") { i + 2 } else { i + 1 };
        is(w[i], &["hope", "hoping", "hoped"])
            && w.get(j) == Some(&"you")
            && w.get(j + 1).is_some_and(|s| is(s, &["would", "could", "can", "will", "might", "'d"]))
    });
    hope || (0..w.len().min(16)).any(|i| {
        let j = if w.get(i + 1) == Some(&"out") { i + 2 } else { i + 1 };
        is(w[i], ASKING)
            && w.get(j).is_some_and(|s| is(s, &["if", "whether"]))
            && w.get(j + 1) == Some(&"you")
            && w.get(j + 2).is_some_and(|s| is(s, MODAL))
    })
}

fn wish(w: &[&str]) -> Option<Form> {
    // The subject may be left out: "Wanted to ask...", "Hoping you could...".
    let implied = is(w[0], &["wanted", "hoping", "wondering", "looking", "reaching", "curious", "seeking"]);
    let subject = if implied { None } else { Some(w.iter().take(3).position(|s| is(s, g::FIRST_PERSON))?) };
    let rest = subject.map_or(w, |i| &w[i + 1..]);
    let verb = rest.iter().take(5).position(|s| g::is_one_of(s, g::WISHES))?;
    let before = &rest[..verb];
    let v = rest[verb];
    let next: Vec<&str> = rest[verb + 1..].iter().take(4).copied().collect();
    let n = |i: usize| next.get(i).copied().unwrap_or_default();
    let conditional = before.iter().any(|s| is(s, &["would", "'d", "should"]))
        || subject.is_some_and(|i| is(w[i], &["i'd", "we'd", "id"]));
    let asks = match v {
        "need" | "needed" => n(0) == "you" || is(n(0), &["your", "a", "an", "some", "help", "someone", "advice"]),
        "appreciate" | "grateful" => is(n(0), &["it", "if", "your", "any", "you", "for", "a", "some"]),
        "wonder" | "wondering" | "wondered" => is(n(0), &["if", "whether"]),
        "hope" | "hoping" | "hoped" => {
            (is(n(0), &["you", "we"]) && is(n(1), &["could", "can", "might", "would", "will", "'ll", "may"]))
                || (n(0) == "to" && is(n(1), g::REQUEST_VERBS))
                || (n(0) == "for" && v == "hoping")
                || (n(0) == "that" && n(1) == "you" && is(n(2), &["could", "can", "might", "would", "will"]))
        }
        "looking" => n(0) == "for" || (n(0) == "to" && is(n(1), g::REQUEST_VERBS)),
        "reaching" => {
            n(0) == "out"
                && n(1) == "to"
                && is(n(2), &["see", "ask", "request", "inquire", "enquire", "find", "invite", "check"])
        }
        "request" | "requesting" | "seek" | "seeking" => true,
        "want" | "wanted" => {
            n(0) == "you"
                || (n(0) == "to"
                    && is(
                        n(1),
                        &[
                            "ask", "see", "know", "request", "invite", "schedule", "check", "find", "get", "connect",
                            "chat", "meet", "hear", "learn", "pick",
                        ],
                    ))
        }
        "love" | "like" => {
            conditional
                && ((n(0) == "to" && is(n(1), g::REQUEST_VERBS) && !is(n(1), g::OFFER_VERBS))
                    || is(n(0), &["your", "you", "a", "an", "some", "it", "any", "for", "the"]))
        }
        "curious" => n(0) == "to" && is(n(1), &["hear", "know", "learn", "get"]),
        "invite" | "inviting" => is(n(0), &["you", "your"]),
        "ask" | "asking" => is(n(0), &["you", "for", "if", "whether", "a", "about"]),
        _ => false,
    };
    asks.then_some(Form::Wish)
}

/// An imperative addressed to the reader.
fn imperative(w: &[&str]) -> bool {
    let first = w[0];
    if !g::is_one_of(first, g::IMPERATIVES) {
        return false;
    }
    let second = w.get(1).copied().unwrap_or_default();
    if g::NOT_IMPERATIVE_AFTER.iter().any(|(verb, after)| *verb == first && after.contains(&second)) {
        // "let me know" asks; "let me introduce myself" does not.
        return first == "let" && second == "me" && w.get(2).is_some_and(|s| *s == "know");
    }
    // "Please find attached", "see attached": handing over, not asking.
    if is(first, &["find", "see"]) && w.iter().take(3).any(|s| is(s, &["attached", "enclosed", "below", "above"])) {
        return false;
    }
    // A verb that is also a noun or adjective at a sentence start
    // ("Support for X is...", "Like you, I..."): needs an object or
    // particle after it to read as a command.
    if is(
        first,
        &[
            "like", "support", "order", "test", "post", "link", "star", "note", "update", "answer", "call", "email",
            "text", "check", "book", "help", "watch", "vote", "use", "fix", "reply", "comment", "rate",
        ],
    ) {
        return is(
            second,
            &[
                "me", "us", "my", "our", "the", "this", "that", "it", "them", "him", "her", "a", "an", "out", "on",
                "back", "in", "up", "to", "with", "for", "your", "these", "those", "here",
            ],
        );
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Message;

    fn forms(text: &str) -> Vec<(String, Form)> {
        let m = Message::plain(text);
        let prose = m.prose();
        let mut out = Vec::new();
        for s in m.sentences() {
            let ws = words(prose, m.words_in(s.span));
            for f in in_sentence(prose, s.span, &ws) {
                out.push((f.span.of(prose).to_owned(), f.form));
            }
        }
        out
    }

    fn asks(text: &str) -> Vec<Form> {
        forms(text).into_iter().map(|(_, f)| f).collect()
    }

    #[test]
    fn modal_questions_and_possibility() {
        assert_eq!(asks("Could you take a look at this one too?"), [Form::Modal]);
        assert_eq!(asks("Would it be possible to meet on Friday?"), [Form::Possibility]);
        assert_eq!(asks("Do you have 15 minutes next week?"), [Form::Possibility]);
        assert_eq!(asks("Any chance you could share the slides."), [Form::Possibility]);
    }

    #[test]
    fn wishes_hopes_and_needs() {
        assert_eq!(asks("I was hoping you could vouch for me."), [Form::Wish]);
        assert_eq!(asks("I'd love to pick your brain sometime."), [Form::Wish]);
        assert_eq!(asks("I need you to sign the form."), [Form::Wish]);
        assert_eq!(asks("I wonder if you'd be open to a short call."), [Form::Wish]);
        assert_eq!(asks("I'm reaching out to see if your team is hiring."), [Form::Wish]);
        assert_eq!(asks("I would be grateful for your feedback."), [Form::Wish]);
        assert_eq!(asks("I'm looking for advice on pricing."), [Form::Wish]);
        assert_eq!(asks("Wanted to ask about the role."), [Form::Wish]);
        assert_eq!(asks("Hoping you could share the slides."), [Form::Wish]);
        assert_eq!(asks("I am writing to you in the hope that you could help me."), [Form::Wish]);
        assert_eq!(asks("I would love to have the chance to work with you."), [Form::Wish]);
        assert_eq!(asks("Wanted to check in to see if you would like to look over the data."), [Form::Wish]);
        assert_eq!(asks("I'm writing to find out whether you might have room for an intern."), [Form::Wish]);
    }

    #[test]
    fn imperatives_also_inside_coordination() {
        assert_eq!(asks("Please review the draft."), [Form::Imperative]);
        assert_eq!(
            forms("I attached my resume and please pass it along to your recruiter."),
            [("and please pass it along to your recruiter".to_owned(), Form::Imperative)]
        );
        assert_eq!(asks("Read my deck, then send me your thoughts."), [Form::Imperative, Form::Imperative]);
        assert_eq!(asks("Let me know what you think."), [Form::Imperative]);
        assert_eq!(asks("Kindly send the report."), [Form::Imperative]);
    }

    #[test]
    fn suggestions_and_questions() {
        assert_eq!(asks("Let's grab coffee next week."), [Form::Suggestion]);
        assert_eq!(asks("How about Tuesday at 3?"), [Form::Suggestion]);
        assert_eq!(asks("Why would you delete that?"), [Form::Question]);
        assert_eq!(asks("Really?"), [Form::Question]);
        assert_eq!(asks("How have you been, Amelia?"), []);
        assert_eq!(asks("How was your summer?"), []);
        assert_eq!(asks("How would you approach the migration?"), [Form::Question]);
        assert_eq!(asks("How is hiring going on your team?"), [Form::Question]);
    }

    #[test]
    fn wrapped_lines_read_as_one_sentence() {
        assert_eq!(asks("Hi Sam,\n\nWould you be open to a\nshort call next week?"), [Form::Modal]);
    }

    #[test]
    fn the_long_lists_are_sorted_for_binary_search() {
        for list in [g::IMPERATIVES, g::WORK_VERBS, g::MARKERS, g::WISHES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn possibility_openers_cover_every_phrase() {
        assert!(g::POSSIBILITY.iter().all(|p| g::POSSIBILITY_OPENERS.contains(&p[0])));
    }

    #[test]
    fn not_asks() {
        for text in [
            "I hope you're well.",
            "Would you like me to send the notes?",
            "Let me know if you have any questions.",
            "Let me introduce myself.",
            "I'd love to share what we learned.",
            "Please find attached the agenda.",
            "Thanks for the talk yesterday.",
            "Looking forward to the launch.",
            "Feel free to ignore this.",
            "Like you, I started in support.",
            "We shipped it last week, right?",
            "Hope this helps.",
            "Have a great weekend.",
        ] {
            assert!(asks(text).is_empty(), "{text}: {:?}", forms(text));
        }
    }
}
