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
    "and",
    "but",
    "so",
    "then",
    "also",
    "just",
    "or",
    "oh",
    "ps",
    "p.s",
    "btw",
    "anyway",
    "finally",
    "lastly",
    "first",
    "second",
    "third",
    "secondly",
    "additionally",
    "otherwise",
    "now",
    "ok",
    "okay",
    "well",
    "hi",
    "hey",
    "hello",
    "dear",
    "maybe",
    "perhaps",
    "quick",
    "question",
    "ask",
];

/// Verbs that open an imperative addressed to the reader.
pub const IMPERATIVES: &[&str] = &[
    "let",
    "send",
    "tell",
    "share",
    "forward",
    "pass",
    "introduce",
    "intro",
    "connect",
    "call",
    "email",
    "e-mail",
    "reply",
    "respond",
    "review",
    "check",
    "look",
    "take",
    "give",
    "join",
    "sign",
    "schedule",
    "book",
    "fill",
    "complete",
    "click",
    "visit",
    "read",
    "confirm",
    "consider",
    "keep",
    "advise",
    "help",
    "provide",
    "grab",
    "meet",
    "ping",
    "drop",
    "reach",
    "text",
    "write",
    "get",
    "put",
    "pick",
    "choose",
    "find",
    "try",
    "vote",
    "star",
    "follow",
    "subscribe",
    "download",
    "register",
    "apply",
    "submit",
    "approve",
    "accept",
    "add",
    "remove",
    "fix",
    "update",
    "explain",
    "clarify",
    "answer",
    "recommend",
    "refer",
    "suggest",
    "point",
    "show",
    "come",
    "stop",
    "note",
    "kindly",
    "make",
    "do",
    "sit",
    "hop",
    "jump",
    "set",
    "use",
    "buy",
    "order",
    "watch",
    "listen",
    "mention",
    "spread",
    "retweet",
    "like",
    "comment",
    "rate",
    "leave",
    "return",
    "vouch",
    "endorse",
    "edit",
    "proofread",
    "skim",
    "test",
    "sponsor",
    "donate",
    "support",
    "contact",
    "arrange",
    "allow",
    "permit",
    "inform",
    "describe",
    "elaborate",
    "provide",
    "post",
    "publish",
    "include",
    "link",
    "cite",
    "give",
    "see",
    "imagine",
    "picture",
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
    "love",
    "like",
    "hope",
    "hoping",
    "hoped",
    "wonder",
    "wondering",
    "wondered",
    "need",
    "needed",
    "appreciate",
    "grateful",
    "request",
    "requesting",
    "looking",
    "reaching",
    "want",
    "wanted",
    "seeking",
    "seek",
    "ask",
    "asking",
    "curious",
    "keen",
    "eager",
    "interested",
    "invite",
    "inviting",
];

/// Verbs that, after "I'd love to" or "I'd like to", make a request of the
/// reader's time or help rather than an offer.
pub const REQUEST_VERBS: &[&str] = &[
    "ask",
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
    "read",
    "review",
    "proofread",
    "edit",
    "skim",
    "look",
    "check",
    "test",
    "try",
    "fill",
    "sign",
    "write",
    "vouch",
    "endorse",
    "recommend",
    "refer",
    "forward",
    "pass",
    "introduce",
    "intro",
    "flag",
    "critique",
    "sponsor",
    "donate",
    "fund",
    "judge",
    "mentor",
    "advise",
    "translate",
    "evaluate",
    "assess",
    "comment",
    "rate",
    "mentor",
    "host",
    "present",
    "speak",
    "interview",
    "feature",
    "cover",
    "publish",
    "promote",
    "share",
    "retweet",
    "vote",
    "star",
];

/// Whether `words` starts with `phrase`.
#[must_use]
pub fn starts_with(words: &[&str], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && words.iter().zip(phrase).all(|(w, p)| w == p)
}

/// Whether `phrase` occurs anywhere in `words`.
#[must_use]
pub fn contains(words: &[&str], phrase: &[&str]) -> bool {
    (0..words.len()).any(|i| starts_with(&words[i..], phrase))
}

/// Whether `word` is one of `list`.
#[must_use]
pub fn is(word: &str, list: &[&str]) -> bool {
    list.contains(&word)
}
