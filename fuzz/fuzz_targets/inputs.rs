//! Any bytes read as every input format (text, Markdown, email, mbox, HTML,
//! CSV, JSON lines), and each message read linted: no panic, and every
//! message's text is valid to lint.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tact::input::{InputFormat, ReadOptions, read_with};
use tact::{Linter, Message};

static LINTER: LazyLock<Linter> = LazyLock::new(|| Linter::builtin().expect("built-in pack"));

fuzz_target!(|data: &[u8]| {
    for format in InputFormat::ALL {
        let Ok(parsed) = read_with("fuzz", data.to_vec(), format, &ReadOptions::default()) else { continue };
        for document in parsed.documents {
            let _ = LINTER.lint(&Message::new(document.text, document.format), None);
        }
    }
});
