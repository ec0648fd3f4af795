//! What a rule set is compiled for: one draft, or many messages.
//!
//! Compiling the pack is most of a one-draft run, and scanning is most of a
//! batch run, so the two want different structures. Results never depend on
//! the choice: tests lint every fixture both ways and compare.

/// The job a [`crate::RuleSet`] is compiled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Workload {
    /// A draft or two (`tact check draft.txt`): build what is cheap to
    /// build. Phrases are looked up word by word instead of through an
    /// automaton; patterns run without a lazy DFA.
    Draft,
    /// Many messages (folders, exports, the language server's many edits):
    /// build what is fast to run.
    #[default]
    Batch,
}

impl Workload {
    /// The largest input, in bytes, that [`Workload::Draft`] suits: past
    /// it, searching without a lazy DFA costs more than building one.
    pub const DRAFT_LIMIT: u64 = 32 * 1024;
}
