//! `unused-exception`: an exception a template makes for itself (`ignore:`
//! in front matter, `<!-- tact: ignore RULE -->`) that suppresses nothing,
//! as ruff reports an unused `noqa`. Only the linter knows what every other
//! rule found, so it finds these (`lint.rs`); the check holds no settings
//! and finds nothing on its own.

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {}

#[derive(Debug)]
pub struct UnusedException;

/// Why an exception suppresses nothing, for the finding's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unused {
    /// No rule or category has this name.
    Unknown,
    /// The rules it names ran and found nothing (or do not apply to the
    /// message's kind).
    FoundNothing,
}

impl Unused {
    #[must_use]
    pub fn reason(self) -> &'static str {
        match self {
            Unused::Unknown => "no rule or category has this name",
            Unused::FoundNothing => "it found nothing to suppress here",
        }
    }
}
