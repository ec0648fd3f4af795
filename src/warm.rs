//! Warming up: ready the message model's patterns (sections, placeholders,
//! links) on another thread while rules load.
//!
//! Every pattern is readied once, on first use: the placeholder, Markdown
//! and front-matter patterns compile, the others deserialize the build's
//! DFAs.
//! A one-draft run needs all of them at once, so the CLI calls [`up`] on a
//! spare thread at start, while the rule pack loads on the other core.
//! Results do not change; a thread reaching a pattern still being readied
//! waits for it.

use crate::figures::Figures;
use crate::message::{Message, TextFormat};

/// A message that touches every lazily compiled pattern of the model.
const SAMPLE: &str = "Subject: Hello {first_name}\nTo: Sam <sam@example.com>\n\nHi Sam,\n\nSee https://example.com for [Company]. Thanks!\n\nP.S. More soon.\n\nBest,\nAna\n-- \nAna\n\nOn Mon, Sam wrote:\n> Hi\n";

/// Compile the model's patterns now.
pub fn up() {
    let message = Message::new(SAMPLE.to_owned(), TextFormat::Markdown);
    let _ = Figures::measure(&message);
}
