//! Every built-in rule and intent file is a test: its examples must behave
//! as the file says. The list of tests is generated from `rules/` at build
//! time, one `#[test]` per file.

use std::sync::{Arc, LazyLock};

use tact::rule::RuleSet;
use tact::rule::examples;

static RULES: LazyLock<Arc<RuleSet>> = LazyLock::new(|| Arc::new(RuleSet::builtin().expect("the built-in pack loads")));

fn check_rule(id: &str) {
    let failures = examples::check_rule(&RULES, id);
    assert!(failures.is_empty(), "{}", failures.iter().map(|f| f.problem.clone()).collect::<Vec<_>>().join("\n"));
}

fn check_intent(name: &str) {
    let failures = examples::check_intent(&RULES, name);
    assert!(failures.is_empty(), "{}", failures.iter().map(|f| f.problem.clone()).collect::<Vec<_>>().join("\n"));
}

include!(concat!(env!("OUT_DIR"), "/rule_tests.rs"));

#[test]
fn every_rule_explains_itself() {
    for rule in RULES.rules() {
        let missing = examples::missing(rule);
        assert!(missing.is_empty(), "{}: a built-in rule needs {}", rule.id, missing.join(", "));
        assert!(
            rule.why.split_whitespace().count() >= 25,
            "{}: `why` should give the reasoning in a few sentences",
            rule.id
        );
        assert!(!rule.rewrites.is_empty(), "{}: needs at least one before/after rewrite", rule.id);
        assert!(
            rule.examples.fire.len() >= 3 && rule.examples.pass.len() >= 3,
            "{}: needs at least 3 `fire` and 3 `pass` examples",
            rule.id
        );
    }
}

/// Built-in patterns compile on first use; loading the pack as a user
/// folder compiles every one of them now.
#[test]
fn every_builtin_pattern_compiles() {
    let as_user_files = tact::rule::builtin::sources()
        .into_iter()
        .map(|s| tact::rule::Source { path: s.path.replace("builtin:", ""), ..s })
        .collect();
    if let Err(err) = RuleSet::compile(as_user_files) {
        panic!("{}", tact::error::render(&err.into(), false, 100));
    }
}
