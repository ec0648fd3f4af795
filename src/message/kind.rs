//! Message kinds (channel profiles): what sort of message a text is, and how
//! tact decided.

use std::fmt;
use std::str::FromStr;

/// The kind of outreach message. Rules may apply to some kinds only, and
/// length limits differ by channel.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    ColdEmail,
    LinkedinNote,
    Inmail,
    FollowUp,
    FavourAsk,
    IntroRequest,
    ThankYou,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::ColdEmail,
        Kind::LinkedinNote,
        Kind::Inmail,
        Kind::FollowUp,
        Kind::FavourAsk,
        Kind::IntroRequest,
        Kind::ThankYou,
    ];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Kind::ColdEmail => "cold-email",
            Kind::LinkedinNote => "linkedin-note",
            Kind::Inmail => "inmail",
            Kind::FollowUp => "follow-up",
            Kind::FavourAsk => "favour-ask",
            Kind::IntroRequest => "intro-request",
            Kind::ThankYou => "thank-you",
        }
    }

    /// Names of every kind, for error messages.
    #[must_use]
    pub fn names() -> String {
        Kind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        let s = match s.as_str() {
            "favor-ask" => "favour-ask",
            "email" => "cold-email",
            "connection-note" | "linkedin" => "linkedin-note",
            "thanks" => "thank-you",
            "intro" => "intro-request",
            other => other,
        };
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| format!("unknown message kind `{s}` (expected one of: {})", Kind::names()))
    }
}

/// How sure tact is of a message's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Few signs: a guess from length and headers.
    Low,
    /// One clear sign (an introduction asked for, a follow-up phrase).
    Medium,
    /// Unmistakable (a reply's `Re:` subject, a quoted message).
    High,
    /// Set by an option, the config, front matter or the input format.
    Certain,
}

impl Confidence {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
            Confidence::Certain => "certain",
        }
    }
}

/// Where a message's kind came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "from", content = "detail", rename_all = "kebab-case")]
pub enum KindSource {
    /// `--kind` on the command line or the editor's setting.
    Option,
    /// A `kinds:` glob or `kind:` in `.tact.yml`.
    Config(String),
    /// `kind:` in the template's front matter.
    FrontMatter,
    /// The input format says so (a LinkedIn invitation export).
    Input(String),
    /// Guessed from the text; the reason says what gave it away.
    Inferred(String),
}

impl fmt::Display for KindSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KindSource::Option => f.write_str("set by option"),
            KindSource::Config(glob) => write!(f, "set by config ({glob})"),
            KindSource::FrontMatter => f.write_str("set by front matter"),
            KindSource::Input(why) => write!(f, "set by input ({why})"),
            KindSource::Inferred(why) => write!(f, "inferred: {why}"),
        }
    }
}
