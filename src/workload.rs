//! What a rule set is compiled for: one draft, or many messages.
//!
//! Compiling the pack is most of a one-draft run, and scanning is most of a
//! batch run, so the two want different structures. Results never depend on
//! the choice: tests lint every fixture both ways and compare.

/// The job a [`crate::RuleSet`] is compiled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Workload {
    /// One draft (`tact check draft.txt`, or one message piped in): build
    /// what is cheap to build. Phrases are looked up word by word and gate
    /// literals by their first bytes instead of through an automaton, and
    /// most phrases are filed only for the words the text has; patterns the
    /// build has no DFAs for compile without a lazy DFA.
    Draft,
    /// Many messages (folders, exports, the language server's many edits):
    /// build what is fast to run.
    #[default]
    Batch,
}

impl Workload {
    /// The largest file, in bytes, `tact check` treats as one draft: many
    /// times a long email, small enough that searching it without a lazy
    /// DFA stays quick.
    pub const DRAFT_LIMIT: u64 = 32 * 1024;
}
