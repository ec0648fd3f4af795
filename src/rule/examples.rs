//! Running the examples in rule and lexicon files. Every built-in file is a
//! test (`tests/rules.rs`); `tact rules test DIR` runs a user pack's, and
//! names the optional parts ([`missing`]) a user rule would gain from.

use std::sync::Arc;

use super::{Rule, RuleSet};
use crate::diagnostic::Applicability;
use crate::fix::fix_text;
use crate::lint::{Linter, Selection};
use crate::message::{KindSource, Message, TextFormat};

/// One example that did not behave as its file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Rule id or `intent:<name>`.
    pub subject: String,
    pub problem: String,
}

/// Check every example of rule `id`.
///
/// # Panics
/// When `id` names no rule in `rules`.
#[must_use]
pub fn check_rule(rules: &Arc<RuleSet>, id: &str) -> Vec<Failure> {
    let rule = rules.rule(id).unwrap_or_else(|| panic!("no rule `{id}`"));
    let selection = Selection { select: Some(vec![id.to_owned()]), ..Selection::default() };
    let Ok(linter) = Linter::new(Arc::clone(rules), &selection) else {
        return vec![Failure { subject: id.to_owned(), problem: "could not select the rule".to_owned() }];
    };
    let mut failures = Vec::new();
    let mut fail = |problem: String| failures.push(Failure { subject: id.to_owned(), problem });
    let fires = |text: &str, kind: Option<crate::message::Kind>| {
        let kind = kind.map(|k| (k, KindSource::Option));
        let report = linter.lint(&Message::plain(text), kind);
        report.diagnostics.iter().filter(|d| d.rule == id).count()
    };
    for example in &rule.examples.fire {
        if fires(example.text(), example.kind()) == 0 {
            fail(format!("should fire but does not:\n    {}", example.text()));
        }
    }
    for example in &rule.examples.pass {
        if fires(example.text(), example.kind()) > 0 {
            let report = linter.lint(&Message::plain(example.text()), example.kind().map(|k| (k, KindSource::Option)));
            let what: Vec<&str> = report.diagnostics.iter().map(|d| d.span.of(example.text())).collect();
            fail(format!("should pass but fires on {what:?}:\n    {}", example.text()));
        }
    }
    for example in &rule.examples.fix {
        let kind = example.kind.map(|k| (k, KindSource::Option));
        let fixed = fix_text(&linter, &example.before, TextFormat::Plain, kind, Applicability::Unsafe, &|_| true);
        if fixed.text != example.after {
            fail(format!("fix gives\n    {}\n  expected\n    {}", fixed.text, example.after));
        } else if !fixed.converged {
            fail(format!("fixes do not converge on\n    {}", example.before));
        }
    }
    failures
}

/// The optional parts of a rule file that `rule` lacks: what `tact explain`
/// and editors show (`summary`, `why`, `help`, `rewrites`) and the examples
/// that test it. A user rule may leave them out (`tact rules test`
/// recommends them); the built-in pack's tests require them all.
#[must_use]
pub fn missing(rule: &Rule) -> Vec<&'static str> {
    let mut out = Vec::new();
    let empty = |text: &str| text.trim().is_empty();
    for (name, absent) in [
        ("summary", empty(&rule.summary)),
        ("why", empty(&rule.why)),
        ("help", empty(&rule.help)),
        ("rewrites", rule.rewrites.is_empty()),
        ("examples.fire", rule.examples.fire.is_empty()),
        ("examples.pass", rule.examples.pass.is_empty()),
        ("examples.fix", rule.fixable().is_some() && rule.examples.fix.is_empty()),
    ] {
        if absent {
            out.push(name);
        }
    }
    out
}

/// Check every example of intent `name`.
///
/// # Panics
/// When `name` names no intent in `rules`.
#[must_use]
pub fn check_intent(rules: &RuleSet, name: &str) -> Vec<Failure> {
    let set = rules.intents().lookup(name).unwrap_or_else(|| panic!("no intent `{name}`"));
    let intent = rules.intents().all().iter().find(|i| i.name == name).unwrap_or_else(|| panic!("no intent `{name}`"));
    let tagged = |text: &str| {
        let message = Message::plain(text);
        let scan = rules.scan(&message);
        rules.intents().tag(&message, &scan.hits, &scan.open).iter().any(|s| s.intersects(set))
    };
    let mut failures = Vec::new();
    for text in &intent.examples_match {
        if !tagged(text) {
            failures.push(Failure {
                subject: format!("intent:{name}"),
                problem: format!("should carry the intent but does not:\n    {text}"),
            });
        }
    }
    for text in &intent.examples_no_match {
        if tagged(text) {
            failures.push(Failure {
                subject: format!("intent:{name}"),
                problem: format!("should not carry the intent but does:\n    {text}"),
            });
        }
    }
    failures
}

/// Check every rule and intent in `rules`.
#[must_use]
pub fn check_all(rules: &Arc<RuleSet>) -> Vec<Failure> {
    let mut failures: Vec<Failure> = rules.intents().all().iter().flat_map(|i| check_intent(rules, &i.name)).collect();
    failures.extend(rules.rules().iter().flat_map(|r| check_rule(rules, &r.id)));
    failures
}
