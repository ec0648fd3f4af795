//! Reading a message the way its reader will: which clauses ask something
//! of the reader (recognised by their grammar, [`asks`]), what each ask is
//! for, what it costs the reader, and how it will land.
//!
//! The reading runs after the intent tagger and before the checks. Each ask
//! gets:
//!
//! - a **type**: from the intents of its sentence (the `meeting`,
//!   `intro-request`, `favour`, `advice`, `connection`, `pitch` and
//!   `opportunity` lexicons), else a question, else another request;
//! - a **cost**: whether a time is named near it, and whether it takes real
//!   time or effort (a meeting, an introduction, a review, advice) or little
//!   (a question, a connection, a reply, a sales or job call to action);
//! - a **tone**: politeness strategies people recognise, for (thanks,
//!   "please" in mid-sentence, hedges, "could/would you", apology,
//!   deference, a greeting, asking indirectly) and against (a direct "why
//!   did you", starting with "you", "seriously" or "obviously", a bare
//!   imperative, urgency, obligation).
//!
//! Rules read the result as intents on the ask's sentence ([`COMPUTED`]),
//! so the rule format needs nothing new; reports show the asks themselves.

pub mod asks;
pub mod grammar;

use asks::{Form, Word};
use grammar::{self as g, contains, is};

use crate::intent::{IntentSet, Intents};
use crate::message::{Message, SectionKind};
use crate::span::Span;

/// What an ask is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AskType {
    /// A call, meeting or coffee.
    Meeting,
    /// An introduction or a referral.
    Intro,
    /// Work on something: a review, a reference, a signature, a favour.
    Review,
    /// Advice, feedback, thoughts.
    Advice,
    /// A job or sales call to action (a demo, a role).
    Sales,
    /// A connection request.
    Connection,
    /// A reply or an interest check ("let me know", "interested?").
    Reply,
    /// A question put to the reader.
    Question,
    /// Any other request.
    Other,
}

impl AskType {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            AskType::Meeting => "meeting",
            AskType::Intro => "intro",
            AskType::Review => "review",
            AskType::Advice => "advice",
            AskType::Sales => "sales",
            AskType::Connection => "connection",
            AskType::Reply => "reply",
            AskType::Question => "question",
            AskType::Other => "other",
        }
    }

    /// Whether the ask takes real time or effort from the reader.
    #[must_use]
    pub fn is_favour(self) -> bool {
        matches!(self, AskType::Meeting | AskType::Intro | AskType::Review | AskType::Advice)
    }
}

/// What an ask costs the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Cost {
    /// A duration is named in the ask's sentence or the two around it.
    pub time_named: bool,
    /// `real` for meetings, introductions, reviews and advice; `small` otherwise.
    pub effort: Effort,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effort {
    Small,
    Real,
}

/// How an ask will land: the politeness strategies for and against it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Tone {
    /// Strategies for minus strategies against.
    pub score: i32,
    #[serde(rename = "for")]
    pub softeners: Vec<&'static str>,
    #[serde(rename = "against")]
    pub hardeners: Vec<&'static str>,
}

impl Tone {
    /// More against it than for it: the ask reads as a demand.
    #[must_use]
    pub fn is_demand(&self) -> bool {
        self.score < 0
    }
}

/// One ask of the reader.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ask {
    /// The clause that asks (reports give it as a place of their own).
    #[serde(skip)]
    pub span: Span,
    /// Index into [`Message::sentences`].
    #[serde(skip)]
    pub sentence: usize,
    pub form: Form,
    #[serde(rename = "type")]
    pub kind: AskType,
    pub cost: Cost,
    pub tone: Tone,
}

/// Intents the reading sets on the sentences holding asks, with what each
/// means. `ask` is also a lexicon; the reading adds to it.
pub const COMPUTED: &[(&str, &str)] = &[
    ("ask", "A request of the reader, by phrase or by grammar."),
    ("ask-meeting", "An ask for a call, meeting or coffee."),
    ("ask-intro", "An ask for an introduction or referral."),
    ("ask-review", "An ask for work: a review, reference, signature or other favour."),
    ("ask-advice", "An ask for advice, feedback or thoughts."),
    ("ask-sales", "A sales or job call to action."),
    ("ask-connection", "A connection request."),
    ("ask-reply", "An ask for a reply or an interest check."),
    ("ask-question", "A question put to the reader."),
    ("ask-favour", "An ask of real time or effort: a meeting, introduction, review or advice."),
    ("ask-untimed-favour", "An ask of real time or effort with no duration named near it."),
    ("demand", "An ask whose tone reads as a demand: more pressure than politeness."),
];

/// The intents a reading uses, looked up once per rule set.
struct Lookup {
    ask: IntentSet,
    by_type: [(AskType, IntentSet); 7],
    duration: IntentSet,
    gratitude: IntentSet,
    computed: Vec<(AskType, IntentSet)>,
    favour: IntentSet,
    untimed: IntentSet,
    demand: IntentSet,
}

impl Lookup {
    fn new(intents: &Intents) -> Self {
        let get = |name: &str| intents.lookup(name).unwrap_or(IntentSet::EMPTY);
        Self {
            ask: get("ask"),
            by_type: [
                (AskType::Intro, get("intro-request")),
                (AskType::Meeting, get("meeting")),
                (AskType::Review, get("favour")),
                (AskType::Advice, get("advice")),
                (AskType::Sales, get("pitch").with(get("opportunity"))),
                (AskType::Connection, get("connection")),
                (AskType::Reply, get("interest-check")),
            ],
            duration: get("duration"),
            gratitude: get("gratitude"),
            computed: [
                AskType::Meeting,
                AskType::Intro,
                AskType::Review,
                AskType::Advice,
                AskType::Sales,
                AskType::Connection,
                AskType::Reply,
                AskType::Question,
            ]
            .into_iter()
            .map(|t| (t, get(&format!("ask-{}", t.name()))))
            .collect(),
            favour: get("ask-favour"),
            untimed: get("ask-untimed-favour"),
            demand: get("demand"),
        }
    }
}

/// Read the asks of `message` and add the [`COMPUTED`] intents to the
/// sentences holding them (`sets`, one per sentence, from the tagger).
pub fn read(message: &Message, intents: &Intents, sets: &mut [IntentSet]) -> Vec<Ask> {
    let look = Lookup::new(intents);
    let text = message.prose();
    let sentences = message.sentences();
    let greeted = message.sections().iter().any(|s| s.kind == SectionKind::Greeting);
    let thanked = sets.iter().any(|s| s.intersects(look.gratitude));
    let mut out = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        if !matches!(sentence.section, SectionKind::Body | SectionKind::Ps) {
            continue;
        }
        let words = asks::words(text, message.words_in(sentence.span));
        let mut found = asks::in_sentence(text, sentence.span, &words);
        if found.is_empty() && sets[i].intersects(look.ask) {
            found.push(asks::Found { span: sentence.span, form: Form::Phrase, please_first: false, please: false });
        }
        for f in found {
            let clause: Vec<&Word> = words.iter().filter(|w| f.span.contains(w.span)).collect();
            let kind = ask_type(sets[i], &look, f.form, &clause);
            let time_named = sets[i].intersects(look.duration);
            let tone = tone(text, &f, &clause, &words, greeted, thanked);
            out.push(Ask {
                span: f.span,
                sentence: i,
                form: f.form,
                kind,
                cost: Cost { time_named, effort: if kind.is_favour() { Effort::Real } else { Effort::Small } },
                tone,
            });
        }
    }
    // A duration in a neighbouring sentence without an ask of its own
    // belongs to this ask ("Would you have time for a call? 15 minutes at most.").
    let asked: Vec<usize> = out.iter().map(|a| a.sentence).collect();
    for ask in &mut out {
        let i = ask.sentence;
        let lone = |j: usize| !asked.contains(&j) && sets.get(j).is_some_and(|s| s.intersects(look.duration));
        ask.cost.time_named |= lone(i + 1) || lone(i + 2) || (i > 0 && lone(i - 1));
    }
    for ask in &out {
        let set = &mut sets[ask.sentence];
        *set = set.with(look.ask);
        if let Some((_, bit)) = look.computed.iter().find(|(t, _)| *t == ask.kind) {
            *set = set.with(*bit);
        }
        if ask.kind.is_favour() {
            *set = set.with(look.favour);
            if !ask.cost.time_named {
                *set = set.with(look.untimed);
            }
        }
        if ask.tone.is_demand() {
            *set = set.with(look.demand);
        }
    }
    out
}

fn ask_type(set: IntentSet, look: &Lookup, form: Form, clause: &[&Word]) -> AskType {
    if let Some((t, _)) = look.by_type.iter().find(|(_, bits)| set.intersects(*bits)) {
        return *t;
    }
    // Work for the writer, named by the ask's verb.
    let verbs = clause.iter().take(8).filter(|w| is(&w.lower, g::WORK_VERBS)).count();
    if verbs > 0 && form != Form::Question {
        return AskType::Review;
    }
    if form == Form::Question { AskType::Question } else { AskType::Other }
}

fn tone(text: &str, f: &asks::Found, clause: &[&Word], sentence: &[Word], greeted: bool, thanked: bool) -> Tone {
    let all: Vec<&str> = sentence.iter().map(|w| w.lower.as_str()).collect();
    let own: Vec<&str> = clause.iter().map(|w| w.lower.as_str()).collect();
    let mut softeners = Vec::new();
    let mut hardeners = Vec::new();
    if f.please && !f.please_first {
        softeners.push("please");
    }
    if matches!(f.form, Form::Modal | Form::Possibility)
        && own.iter().take(4).any(|w| is(w, &["could", "would", "might"]))
    {
        softeners.push("could/would");
    }
    if f.form == Form::Wish {
        softeners.push("indirect");
    }
    if all.iter().any(|w| is(w, g::HEDGES)) {
        softeners.push("hedge");
    }
    if thanked || all.iter().any(|w| is(w, g::GRATITUDE)) {
        softeners.push("thanks");
    }
    if all.iter().any(|w| is(w, g::APOLOGIES)) {
        softeners.push("apology");
    }
    if g::DEFERENCE.iter().any(|d| contains(&all, d)) {
        softeners.push("deference");
    }
    if greeted || all.first().is_some_and(|w| is(w, &["hi", "hello", "hey", "dear"])) {
        softeners.push("greeting");
    }
    let first = own.iter().copied().find(|w| !is(w, g::MARKERS)).unwrap_or_default();
    let second = own.iter().skip_while(|w| is(w, g::MARKERS)).nth(1).copied().unwrap_or_default();
    let at_you = own.iter().skip_while(|w| is(w, g::MARKERS)).take(4).any(|w| *w == "you" || *w == "your");
    if is(first, g::WH) && (is(second, g::NEGATIVE_AUX) || (first == "why" && at_you)) {
        hardeners.push("direct why");
    }
    if first == "you" || first == "your" {
        hardeners.push("starts with you");
    }
    if all.iter().any(|w| is(w, g::FACTUALITY)) {
        hardeners.push("insistence");
    }
    if f.form == Form::Imperative && !f.please && !thanked && !all.iter().any(|w| is(w, g::GRATITUDE)) {
        hardeners.push("bare imperative");
    }
    if all.iter().any(|w| is(w, g::URGENCY)) {
        hardeners.push("urgency");
    }
    if g::OBLIGATION.iter().any(|o| contains(&all, o)) {
        hardeners.push("obligation");
    }
    let end = clause.last().map_or(f.span.end, |w| w.span.end);
    let tail = &text[end..text.floor_char_boundary((end + 4).min(text.len()))];
    if tail.contains("?!") || tail.contains("!!") {
        hardeners.push("exclamation");
    }
    let score = i32::try_from(softeners.len()).unwrap_or(0) - i32::try_from(hardeners.len()).unwrap_or(0);
    Tone { score, softeners, hardeners }
}

#[cfg(test)]
mod tests {
    use crate::lint::Linter;
    use crate::message::Message;

    use super::AskType;

    fn asks(text: &str) -> Vec<super::Ask> {
        let linter = Linter::builtin().expect("built-in pack");
        linter.lint(&Message::plain(text), None).asks
    }

    #[test]
    fn types_come_from_the_sentence() {
        let a = asks("Hi Sam,\n\nCould you introduce me to Dana? Would you be open to a 15-minute call next week?\n");
        let types: Vec<AskType> = a.iter().map(|a| a.kind).collect();
        assert_eq!(types, [AskType::Intro, AskType::Meeting]);
        assert!(a[1].cost.time_named);
        assert!(!a[0].cost.time_named);
        assert!(a.iter().all(|a| a.kind.is_favour()));
    }

    #[test]
    fn a_question_is_an_ask_of_small_effort() {
        let a = asks("What does the Y axis show in the second chart?");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kind, AskType::Question);
        assert!(!a[0].kind.is_favour());
    }

    #[test]
    fn tone_for_and_against() {
        let polite = asks("Hi Ana,\n\nCould you perhaps take a look at this one too? Thanks!\n");
        assert!(polite[0].tone.score >= 3, "{:?}", polite[0].tone);
        let blunt = asks("Why would you delete that?");
        assert!(blunt[0].tone.is_demand(), "{:?}", blunt[0].tone);
        let demand = asks("Send me the file ASAP.");
        assert_eq!(demand[0].tone.hardeners, ["bare imperative", "urgency"]);
    }
}
