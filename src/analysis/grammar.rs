//! The closed-class words ask recognition reads: modals, pronouns,
//! discourse markers, the verbs that open an imperative, the verbs of
//! wishing and needing, and the markers of politeness for and against.
//!
//! These are grammar, not taste: what a message asks *for* (a meeting, an
//! introduction, a review...) comes from the YAML lexicons in
//! `rules/intents/`, which users extend.

/// Modal and auxiliary verbs that open a question to the reader ("could
/// you", "do you", "are you").
pub const MODALS: &[&str] = &["could", "would", "can", "will", "might", "may", "shall", "should"];
pub const AUXILIARIES: &[&str] =
    &["do", "does", "did", "are", "is", "was", "were", "have", "has", "had", "could", "would", "can", "will", "might"];

/// Words that may open a clause without changing what it does.
pub const MARKERS: &[&str] = &[
    "additionally",
    "also",
    "and",
    "anyway",
    "ask",
    "btw",
    "but",
    "dear",
    "finally",
    "first",
    "hello",
    "hey",
    "hi",
    "just",
    "lastly",
    "maybe",
    "now",
    "oh",
    "ok",
    "okay",
    "or",
    "otherwise",
    "p.s",
    "perhaps",
    "ps",
    "question",
    "quick",
    "second",
    "secondly",
    "so",
    "then",
    "third",
    "well",
];

/// Verbs that open an imperative addressed to the reader.
pub const IMPERATIVES: &[&str] = &[
    "accept",
    "add",
    "advise",
    "allow",
    "answer",
    "apply",
    "approve",
    "arrange",
    "book",
    "buy",
    "call",
    "check",
    "choose",
    "cite",
    "clarify",
    "click",
    "come",
    "comment",
    "complete",
    "confirm",
    "connect",
    "consider",
    "contact",
    "describe",
    "do",
    "donate",
    "download",
    "drop",
    "e-mail",
    "edit",
    "elaborate",
    "email",
    "endorse",
    "explain",
    "fill",
    "find",
    "fix",
    "follow",
    "forward",
    "get",
    "give",
    "grab",
    "help",
    "hop",
    "imagine",
    "include",
    "inform",
    "intro",
    "introduce",
    "join",
    "jump",
    "keep",
    "kindly",
    "leave",
    "let",
    "like",
    "link",
    "listen",
    "look",
    "make",
    "meet",
    "mention",
    "note",
    "order",
    "pass",
    "permit",
    "pick",
    "picture",
    "ping",
    "point",
    "post",
    "proofread",
    "provide",
    "publish",
    "put",
    "rate",
    "reach",
    "read",
    "recommend",
    "refer",
    "register",
    "remove",
    "reply",
    "respond",
    "return",
    "retweet",
    "review",
    "schedule",
    "see",
    "send",
    "set",
    "share",
    "show",
    "sign",
    "sit",
    "skim",
    "sponsor",
    "spread",
    "star",
    "stop",
    "submit",
    "subscribe",
    "suggest",
    "support",
    "take",
    "tell",
    "test",
    "text",
    "try",
    "update",
    "use",
    "visit",
    "vote",
    "vouch",
    "watch",
    "write",
];

/// Opening words of a clause that look imperative but do not ask: wishes
/// with the subject left out ("Hope you're well"), courtesies, thanks.
pub const NOT_IMPERATIVE_AFTER: &[(&str, &[&str])] = &[
    ("let", &["me"]),
    ("see", &["below", "attached", "you"]),
    ("take", &["care"]),
    ("have", &["a", "fun", "great", "nice", "good", "lovely"]),
    ("look", &["forward"]),
    ("keep", &["up"]),
    ("allow", &["me", "us"]),
    ("permit", &["me", "us"]),
];

/// Verbs of wishing, hoping and needing: with the writer as subject and the
/// reader as agent ("I was hoping you could"), they ask.
pub const WISHES: &[&str] = &[
    "appreciate",
    "ask",
    "asking",
    "curious",
    "eager",
    "grateful",
    "hope",
    "hoped",
    "hoping",
    "interested",
    "invite",
    "inviting",
    "keen",
    "like",
    "looking",
    "love",
    "need",
    "needed",
    "reaching",
    "request",
    "requesting",
    "seek",
    "seeking",
    "want",
    "wanted",
    "wonder",
    "wondered",
    "wondering",
];

/// Verbs that, after "I'd love to" or "I'd like to", make a request of the
/// reader's time or help rather than an offer.
pub const REQUEST_VERBS: &[&str] = &[
    "ask",
    "have",
    "chat",
    "talk",
    "speak",
    "meet",
    "connect",
    "hear",
    "learn",
    "get",
    "pick",
    "schedule",
    "set",
    "book",
    "grab",
    "invite",
    "discuss",
    "know",
    "see",
    "request",
    "interview",
    "feature",
    "collaborate",
    "partner",
    "work",
    "hop",
    "jump",
    "catch",
    "have",
    "find",
    "borrow",
    "run",
    "bounce",
    "understand",
    "explore",
    "visit",
    "shadow",
    "join",
    "receive",
    "hire",
    "recruit",
    "touch",
    "tap",
    "follow",
];

/// Verbs that, after "I'd love to", offer or inform rather than ask.
pub const OFFER_VERBS: &[&str] = &[
    "share",
    "introduce",
    "tell",
    "show",
    "offer",
    "send",
    "help",
    "give",
    "support",
    "let",
    "thank",
    "congratulate",
    "say",
    "buy",
    "treat",
    "return",
    "contribute",
    "donate",
    "provide",
    "update",
    "mention",
];

/// First-person subjects, with their contractions.
pub const FIRST_PERSON: &[&str] =
    &["i", "i'd", "i'm", "i've", "i'll", "we", "we'd", "we're", "we've", "we'll", "id", "im", "ive"];

/// Openers of a suggestion for both to do something.
pub const SUGGESTIONS: &[&[&str]] = &[
    &["let's"],
    &["lets"],
    &["let", "us"],
    &["shall", "we"],
    &["how", "about"],
    &["what", "about"],
    &["why", "don't", "we"],
    &["why", "not"],
    &["maybe", "we", "could"],
    &["maybe", "we", "can"],
    &["perhaps", "we", "could"],
    &["perhaps", "we", "can"],
];

/// Phrases (as word sequences) that ask whether something is possible or
/// the reader is available.
pub const POSSIBILITY: &[&[&str]] = &[
    &["would", "it", "be", "possible"],
    &["is", "it", "possible"],
    &["is", "there", "any", "chance"],
    &["is", "there", "a", "chance"],
    &["is", "there", "any", "way"],
    &["any", "chance"],
    &["do", "you", "have"],
    &["are", "you", "open"],
    &["are", "you", "available"],
    &["are", "you", "free"],
    &["are", "you", "interested"],
    &["are", "you", "willing"],
    &["are", "you", "able"],
    &["would", "you", "mind"],
    &["do", "you", "mind"],
    &["do", "you", "know"],
];

/// The first words of [`POSSIBILITY`]'s phrases, to skip it quickly.
pub const POSSIBILITY_OPENERS: &[&str] = &["would", "is", "any", "do", "are"];

/// Phrases that make the clause an offer to the reader, not an ask.
pub const OFFERS: &[&[&str]] = &[
    &["like", "me", "to"],
    &["want", "me", "to"],
    &["shall", "i"],
    &["should", "i", "send"],
    &["can", "i", "help"],
    &["may", "i", "help"],
    &["if", "i", "can", "help"],
    &["if", "there's", "anything"],
    &["if", "there", "is", "anything"],
    &["if", "you", "have", "any", "questions"],
    &["if", "you", "need", "anything"],
    &["feel", "free"],
    &["happy", "to", "help"],
    &["glad", "to", "help"],
];

/// Politeness for: hedges and counterfactual distance.
pub const HEDGES: &[&str] = &[
    "perhaps",
    "maybe",
    "possibly",
    "might",
    "may",
    "wondering",
    "wonder",
    "wondered",
    "chance",
    "possible",
    "if",
    "kindly",
    "hopefully",
    "somehow",
    "bit",
    "briefly",
    "mind",
];
pub const APOLOGIES: &[&str] = &["sorry", "apologize", "apologise", "apologies", "forgive", "pardon", "excuse"];
pub const GRATITUDE: &[&str] = &["thanks", "thank", "appreciate", "appreciated", "grateful", "cheers"];
pub const DEFERENCE: &[&[&str]] = &[
    &["you're", "busy"],
    &["you", "are", "busy"],
    &["your", "time"],
    &["your", "expertise"],
    &["your", "experience"],
    &["your", "work"],
    &["great", "question"],
    &["good", "question"],
    &["interesting"],
    &["nice"],
    &["great"],
];

/// Politeness against: factual insistence and pressure.
pub const FACTUALITY: &[&str] =
    &["seriously", "really", "obviously", "clearly", "actually", "simply", "definitely", "supposed", "literally"];
pub const URGENCY: &[&str] = &["asap", "immediately", "urgent", "urgently", "now", "today", "quickly", "eod"];
pub const OBLIGATION: &[&[&str]] = &[
    &["need", "you", "to"],
    &["you", "need", "to"],
    &["you", "must"],
    &["you", "have", "to"],
    &["you", "should"],
    &["you", "shouldn't"],
    &["make", "sure"],
    &["i", "expect"],
    &["i", "demand"],
];
pub const WH: &[&str] = &["why", "what", "how", "who", "where", "when", "which"];
pub const NEGATIVE_AUX: &[&str] =
    &["don't", "didn't", "doesn't", "can't", "won't", "haven't", "isn't", "aren't", "wasn't", "wouldn't", "couldn't"];

/// Verbs of work done for the writer: an ask built on one takes real effort
/// ("would you read our grant summary", "could you review the deck").
pub const WORK_VERBS: &[&str] = &[
    "advise",
    "answer",
    "assess",
    "build",
    "check",
    "coach",
    "collect",
    "comment",
    "compile",
    "complete",
    "cover",
    "create",
    "critique",
    "donate",
    "draft",
    "edit",
    "endorse",
    "evaluate",
    "export",
    "feature",
    "fill",
    "flag",
    "forward",
    "fund",
    "gather",
    "guide",
    "help",
    "hire",
    "host",
    "interview",
    "intro",
    "introduce",
    "invest",
    "judge",
    "lend",
    "look",
    "mentor",
    "pass",
    "prepare",
    "present",
    "promote",
    "proofread",
    "publish",
    "rate",
    "read",
    "recommend",
    "refer",
    "retweet",
    "review",
    "share",
    "sign",
    "skim",
    "speak",
    "sponsor",
    "star",
    "support",
    "survey",
    "teach",
    "test",
    "train",
    "translate",
    "try",
    "vote",
    "vouch",
    "write",
];

/// Whether `word` is a form of one of `verbs`: the verb itself or with
/// -s, -ed, -ing (also with a final e dropped or a consonant doubled).
#[must_use]
pub fn is_verb_form(word: &str, verbs: &[&str]) -> bool {
    if is_one_of(word, verbs) {
        return true;
    }
    let stems = |suffix: &str| -> Vec<String> {
        let Some(stem) = word.strip_suffix(suffix) else { return Vec::new() };
        let mut out = vec![stem.to_owned(), format!("{stem}e")];
        // A doubled final consonant ("stopped"): letters, so one byte each.
        let b = stem.as_bytes();
        if b.len() > 2 && b[b.len() - 1].is_ascii_alphabetic() && b[b.len() - 1] == b[b.len() - 2] {
            out.push(stem[..stem.len() - 1].to_owned());
        }
        out
    };
    ["ing", "ed", "s"].iter().flat_map(|s| stems(s)).any(|stem| is_one_of(&stem, verbs))
}

/// Whether `words` starts with `phrase`.
#[must_use]
pub fn starts_with(words: &[&str], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && words.iter().zip(phrase).all(|(w, p)| w == p)
}

/// Whether `phrase` occurs anywhere in `words`.
#[must_use]
pub fn contains(words: &[&str], phrase: &[&str]) -> bool {
    let Some(first) = phrase.first() else { return true };
    (0..words.len()).any(|i| words[i] == *first && starts_with(&words[i..], phrase))
}

/// Whether `word` is one of `sorted`, a list in byte order (the long
/// lists above; a test keeps them sorted).
#[must_use]
pub fn is_one_of(word: &str, sorted: &[&str]) -> bool {
    sorted.binary_search(&word).is_ok()
}

/// Whether `word` is one of `list`.
#[must_use]
pub fn is(word: &str, list: &[&str]) -> bool {
    list.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_find_their_stems() {
        assert!(is_verb_form("stopped", &["stop"]));
        assert!(is_verb_form("writing", &["write"]));
        assert!(is_verb_form("signs", &["sign"]));
        assert!(!is_verb_form("morning", &["sign"]));
    }

    #[test]
    fn verb_forms_of_words_ending_in_multibyte_letters() {
        // U+1F7D is three bytes, the last two equal: not a doubled consonant.
        assert!(!is_verb_form("\u{1f7d}ing", &["stop"]));
        assert!(!is_verb_form("\u{1f7d}\u{1f7d}ed", &["stop"]));
    }
}
