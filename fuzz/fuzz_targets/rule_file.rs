//! Any bytes as a user rule file, beside the built-in intent lexicons: no
//! panic, and a broken file is an error at a line and column of it.
#![no_main]

use std::borrow::Cow;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tact::rule::{RuleSet, Source, builtin};

static LEXICONS: LazyLock<Vec<Source>> =
    LazyLock::new(|| builtin::sources().into_iter().filter(|s| s.relative.starts_with("intents/")).collect());

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = LEXICONS.clone();
    sources.push(Source {
        path: "fuzz.yml".into(),
        relative: "tone/fuzz.yml".into(),
        text: Cow::Owned(text.to_owned()),
        json: None,
    });
    if let Err(err) = RuleSet::compile(sources) {
        for e in &err.errors {
            assert!(e.line >= 1 && e.line <= text.split('\n').count() && e.column >= 1, "{e}");
        }
        let _ = tact::error::render(&err.into(), false, 100);
    }
});
