//! Any text linted with every built-in rule: no panic, every span inside
//! the text on character boundaries, every rewrite inside the text.
#![no_main]

use std::sync::{Arc, LazyLock};

use libfuzzer_sys::fuzz_target;
use tact::{Linter, Message, RuleSet, Selection};

static LINTER: LazyLock<Linter> = LazyLock::new(|| {
    let rules = Arc::new(RuleSet::builtin().expect("built-in pack"));
    let every: Vec<String> = rules.rules().iter().map(|r| r.id.clone()).collect();
    Linter::new(rules, &Selection { extend_select: every, ..Selection::default() }).expect("linter")
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = LINTER.lint(&Message::plain(text.as_ref()), None);
    for d in &report.diagnostics {
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        for edit in d.rewrites.iter().flat_map(|r| &r.edits) {
            assert!(edit.span.end <= text.len(), "rewrite outside the text");
        }
    }
});
