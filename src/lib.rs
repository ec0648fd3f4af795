//! tact: a linter for outreach messages.
//!
//! The pipeline, one module each:
//!
//! ```text
//! text ─► message (sections, sentences, placeholders) ─► phrases + intent (one scan, tagging)
//!      ─► check (rule kinds) ─► diagnostic (+ fix) ─► score ─► report (human, json, ...)
//! ```
//!
//! [`rule`] loads and compiles YAML rules; [`lint::Linter`] runs them over a
//! [`message::Message`]; [`config`] finds and reads `.tact.yml`; [`input`]
//! turns files into messages; [`report`] renders results. The `tact` binary
//! and the language server ([`lsp`]) are thin shells over these calls.

pub mod analysis;
pub mod atomic;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod eval;
pub mod figures;
pub mod fix;
#[cfg(test)]
mod fixtures;
pub mod input;
pub mod intent;
pub mod line_index;
pub mod lint;
pub mod lsp;
pub mod message;
pub mod near_dup;
pub mod pattern;
pub mod phrases;
pub mod report;
pub mod rule;
pub mod schema;
pub mod score;
pub mod span;
pub mod workload;

pub use diagnostic::{Applicability, Diagnostic, Edit, Level, Rewrite};
pub use error::Error;
pub use lint::{Linter, Report, Selection};
pub use message::{Kind, Message};
pub use rule::RuleSet;
pub use span::Span;
pub use workload::Workload;
