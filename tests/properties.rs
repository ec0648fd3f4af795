//! Properties that hold for any input: linting never panics, every span
//! lies inside the text on character boundaries, and fixing is idempotent.

use std::sync::{Arc, LazyLock};

use proptest::prelude::*;
use tact::diagnostic::Applicability;
use tact::fix::fix_text;
use tact::message::{Message, TextFormat};
use tact::{Linter, RuleSet, Selection};

static LINTER: LazyLock<Linter> = LazyLock::new(|| {
    let rules = Arc::new(RuleSet::builtin().expect("built-in pack"));
    Linter::new(rules, &Selection { extend_select: all_rules(), ..Selection::default() }).expect("linter")
});

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
