//! `tact rules list` and `tact rules test DIR` (examples run as tests,
//! missing optional parts recommended).

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use tact::rule::examples::{check_all, missing};
use tact::rule::{RuleSet, builtin, dir_sources};

use super::args::{ListArgs, TestArgs, TextOrJson};
use super::{Outcome, stdout_error};

/// The built-in rules plus `dirs`.
pub fn load(dirs: &[PathBuf]) -> Result<Arc<RuleSet>, tact::Error> {
    let mut sources = builtin::sources();
    for dir in dirs {
        sources.extend(dir_sources(dir)?);
    }
    Ok(Arc::new(RuleSet::compile(sources)?))
}

pub fn list(args: &ListArgs) -> Result<Outcome, tact::Error> {
    let rules = load(&args.rule_dirs)?;
    let mut out = io::stdout().lock();
    match args.format {
        TextOrJson::Json => {
            let list: Vec<_> = rules.rules().iter().map(tact::rule::explain::json).collect();
            let text = serde_json::to_string_pretty(&list).unwrap_or_default();
            writeln!(out, "{text}").map_err(stdout_error)?;
        }
        TextOrJson::Text => {
            let width = rules.rules().iter().map(|r| r.id.len()).max().unwrap_or(10);
            for rule in rules.rules() {
                let fix = match rule.fixable() {
                    Some(tact::Applicability::Safe) => "fix",
                    Some(tact::Applicability::Unsafe) => "fix*",
                    _ => "",
                };
                let off = if rule.enabled { "" } else { " (off by default)" };
                writeln!(
                    out,
                    "{:width$}  {:7}  {:12}  {:4}  {}{off}",
                    rule.id,
                    rule.level.name(),
                    rule.category,
                    fix,
                    if rule.summary.is_empty() { &rule.message } else { &rule.summary }
                )
                .map_err(stdout_error)?;
            }
            writeln!(
                out,
                "\n{} rules. fix: `--fix` applies it; fix*: `--unsafe-fixes` applies it.",
                rules.rules().len()
            )
            .map_err(stdout_error)?;
        }
    }
    Ok(Outcome::Clean)
}

pub fn test(args: &TestArgs) -> Result<Outcome, tact::Error> {
    let own = dir_sources(&args.dir)?;
    if own.is_empty() {
        return Err(tact::Error::Usage(format!("no .yml rule files in `{}`", args.dir.display())));
    }
    let mut sources = builtin::sources();
    sources.extend(own.iter().cloned());
    let rules = Arc::new(RuleSet::compile(sources)?);
    let own_paths: Vec<&str> = own.iter().map(|s| s.path.as_str()).collect();
    let mine = |source: &str| own_paths.iter().any(|p| source.contains(p));
    let failures: Vec<_> = check_all(&rules)
        .into_iter()
        .filter(|f| {
            let subject = f.subject.strip_prefix("intent:");
            match subject {
                Some(name) => rules.intents().all().iter().any(|i| i.name == name && mine(&i.source)),
                None => rules.rule(&f.subject).is_some_and(|r| mine(&r.source)),
            }
        })
        .collect();
    let tested = rules.rules().iter().filter(|r| mine(&r.source)).count()
        + rules.intents().all().iter().filter(|i| mine(&i.source)).count();
    let mut out = io::stdout().lock();
    for failure in &failures {
        writeln!(out, "FAIL {}: {}", failure.subject, failure.problem).map_err(stdout_error)?;
    }
    // Recommendations, not failures: a rule needs only level, message and check.
    let builtin_ids: Vec<String> = builtin::sources().iter().filter_map(|s| s.rule_id().map(str::to_owned)).collect();
    let mut without_examples = 0;
    for rule in rules.rules().iter().filter(|r| mine(&r.source)) {
        if builtin_ids.contains(&rule.id) {
            writeln!(out, "note: {} replaces the built-in rule `{}`", rule.source, rule.id).map_err(stdout_error)?;
        }
        let missing = missing(rule);
        if !missing.is_empty() {
            writeln!(
                out,
                "hint: {}: add {}; `tact explain` and editors show them, and this command runs the examples",
                rule.source,
                and_list(&missing)
            )
            .map_err(stdout_error)?;
        }
        without_examples += usize::from(rule.examples.fire.is_empty() && rule.examples.pass.is_empty());
    }
    let failed_files: std::collections::BTreeSet<&str> = failures.iter().map(|f| f.subject.as_str()).collect();
    let untested = match without_examples {
        0 => String::new(),
        1 => " (1 rule has no examples)".to_owned(),
        n => format!(" ({n} rules have no examples)"),
    };
    writeln!(out, "{} passed, {} failed{untested}", tested - failed_files.len(), failed_files.len())
        .map_err(stdout_error)?;
    Ok(if failures.is_empty() { Outcome::Clean } else { Outcome::Findings })
}

/// `a`, `a and b`, `a, b and c`, each in backticks.
fn and_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}
