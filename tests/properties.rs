//! Properties that hold for any input: linting never panics, every span
//! lies inside the text on character boundaries, fixing is idempotent, and
//! a rule set compiled for one draft finds what one compiled for a batch
//! finds.

use std::sync::{Arc, LazyLock};

use proptest::prelude::*;
use tact::diagnostic::Applicability;
use tact::fix::fix_text;
use tact::message::{Message, TextFormat};
use tact::rule::builtin;
use tact::{Linter, RuleSet, Selection, Workload};

static LINTER: LazyLock<Linter> = LazyLock::new(|| linter(Workload::Batch));
static DRAFT_LINTER: LazyLock<Linter> = LazyLock::new(|| linter(Workload::Draft));

fn linter(workload: Workload) -> Linter {
    let rules = Arc::new(RuleSet::compile_for(builtin::sources(), workload).expect("built-in pack"));
    Linter::new(rules, &Selection { extend_select: all_rules(), ..Selection::default() }).expect("linter")
}

fn all_rules() -> Vec<String> {
    RuleSet::builtin().expect("built-in pack").rules().iter().map(|r| r.id.clone()).collect()
}

/// Text that looks like outreach: real phrases, placeholders, quotes,
/// odd whitespace and non-ASCII, shuffled together.
fn outreach() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Subject: Quick question\n",
        "To: Sam Lee <sam@acme.com>\n",
        "\n",
        "Hi {{first_name}},\n",
        "Dear Dr. Okafor,\n",
        "Hey Zoë —",
        "Per my last email, ",
        "could you introduce me to Dana? ",
        "No worries if not. ",
        "I’d love to pick your brain over a 15-minute call on Tuesday. ",
        "We help B2B teams 10x their pipeline!!! ",
        "Thanks in advance,\n",
        "Best,\nAna\n+1 555 0100\n",
        "> On Tue, Mar 3 Sam wrote:\n> ASAP please\n",
        "P.S. Congrats on the launch 🎉\n",
        "{Hi|Hello} ",
        "%FIRSTNAME% ",
        "[Company] ",
        "e.g. ",
        "https://example.com/a?b=c ",
        "JUST CHECKING IN ",
        "\u{301}",
        "\r\n",
        "\t",
        "—",
        "",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(str::to_owned), "\\PC{0,12}"], 0..24).prop_map(|v| v.concat())
}

fn check_spans(text: &str) {
    for format in [TextFormat::Plain, TextFormat::Markdown] {
        let message = Message::new(text.to_owned(), format);
        for s in message.sections().iter().map(|s| s.span).chain(message.sentences().iter().map(|s| s.span)) {
            assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?}");
        }
        let report = LINTER.lint(&message, None);
        for d in &report.diagnostics {
            let spans = std::iter::once(d.span)
                .chain(d.labels.iter().map(|l| l.span))
                .chain(d.rewrites.iter().flat_map(|r| r.edits.iter().map(|e| e.span)));
            for s in spans {
                assert!(s.start <= s.end && s.end <= text.len(), "{} {s:?} outside {}", d.rule, text.len());
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                    "{} {s:?} splits a char",
                    d.rule
                );
            }
        }
        assert!(report.score.value <= 100);
    }
}

/// The same diagnostics, in the same order, whatever the workload.
fn check_workloads_agree(text: &str) {
    for format in [TextFormat::Plain, TextFormat::Markdown] {
        let message = Message::new(text.to_owned(), format);
        let batch = LINTER.lint(&message, None).diagnostics;
        let draft = DRAFT_LINTER.lint(&message, None).diagnostics;
        assert_eq!(draft, batch, "on {text:?}");
    }
}

#[test]
fn workloads_agree_on_every_fixture() {
    let mut checked = 0;
    for entry in walkdir::WalkDir::new("fixtures").sort_by_file_name() {
        let entry = entry.expect("fixtures are readable");
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "txt" || e == "md") {
            check_workloads_agree(&std::fs::read_to_string(entry.path()).expect("fixtures are UTF-8"));
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} fixtures found");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_stay_inside_the_text(text in outreach()) {
        check_spans(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        check_spans(&text);
    }

    #[test]
    fn workloads_agree(text in outreach()) {
        check_workloads_agree(&text);
    }

    #[test]
    fn fixing_is_idempotent(text in outreach()) {
        for threshold in [Applicability::Safe, Applicability::Unsafe] {
            let once = fix_text(&LINTER, &text, TextFormat::Plain, None, threshold, &|_| true);
            prop_assert!(once.converged, "fixes did not converge on {text:?}");
            let twice = fix_text(&LINTER, &once.text, TextFormat::Plain, None, threshold, &|_| true);
            prop_assert_eq!(&twice.text, &once.text);
            prop_assert_eq!(twice.applied, 0);
        }
    }
}
