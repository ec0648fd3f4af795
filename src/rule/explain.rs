//! A rule explained from its own file: the text of `tact explain`, the JSON
//! of `tact rules list --format json`, and each section of `docs/rules.md`.

use super::Rule;
use super::spec::Example;

/// `tact explain RULE` as text.
#[must_use]
pub fn text(rule: &Rule) -> String {
    let mut out = String::new();
    let fix = match rule.fixable() {
        Some(crate::Applicability::Safe) => ", fixable with --fix",
        Some(crate::Applicability::Unsafe) => ", fixable with --unsafe-fixes",
        _ => "",
    };
    out.push_str(&format!("{} ({}, {}{fix})\n", rule.id, rule.category, rule.level));
    if !rule.summary.is_empty() {
        out.push_str(&format!("{}\n", rule.summary));
    }
    if !rule.kinds.is_empty() {
        out.push_str(&format!("Applies to: {}\n", join(&rule.kinds)));
    }
    if !rule.skip_kinds.is_empty() {
        out.push_str(&format!("Not for: {}\n", join(&rule.skip_kinds)));
    }
    if !rule.enabled {
        out.push_str("Off by default: turn it on with `extend-select`.\n");
    }
    if !rule.why.trim().is_empty() {
        out.push_str(&format!("\nWhy it matters\n{}\n", indent(rule.why.trim())));
    }
    if !rule.help.trim().is_empty() {
        out.push_str(&format!("\nWhat to do\n{}\n", indent(rule.help.trim())));
    }
    if !rule.rewrites.is_empty() {
        out.push_str("\nA better way to write it\n");
        for r in &rule.rewrites {
            out.push_str(&format!("  ✗ {}\n  ✓ {}\n\n", r.before.trim(), r.after.trim()));
        }
    }
    if !rule.examples.fire.is_empty() {
        out.push_str("\nFires on\n");
        rule.examples.fire.iter().for_each(|e| out.push_str(&example(e)));
    }
    if !rule.examples.pass.is_empty() {
        out.push_str("\nStays quiet on\n");
        rule.examples.pass.iter().for_each(|e| out.push_str(&example(e)));
    }
    out
}

/// The same, in Markdown, for `docs/rules.md`.
#[must_use]
pub fn markdown(rule: &Rule) -> String {
    let mut out = String::new();
    out.push_str(&format!("### `{}`\n\n", rule.id));
    let fix = match rule.fixable() {
        Some(crate::Applicability::Safe) => "safe fix (`--fix`)",
        Some(crate::Applicability::Unsafe) => "unsafe fix (`--unsafe-fixes`)",
        _ => "no automatic fix",
    };
    out.push_str(&format!(
        "**{}** · {} · {}{}\n\n",
        rule.level,
        rule.category,
        fix,
        if rule.enabled { "" } else { " · off by default" }
    ));
    out.push_str(&format!("{}\n\n", rule.summary));
    if !rule.kinds.is_empty() {
        out.push_str(&format!("Applies to: {}.\n\n", join(&rule.kinds)));
    }
    if !rule.skip_kinds.is_empty() {
        out.push_str(&format!("Not for: {}.\n\n", join(&rule.skip_kinds)));
    }
    out.push_str(&format!("**Why.** {}\n\n", rule.why.trim().replace('\n', " ")));
    out.push_str(&format!("**What to do.** {}\n\n", rule.help.trim().replace('\n', " ")));
    for r in &rule.rewrites {
        out.push_str(&format!("- ✗ {}\n- ✓ {}\n\n", r.before.trim(), r.after.trim()));
    }
    out.push_str("<details><summary>Examples</summary>\n\nFires on:\n\n");
    for e in &rule.examples.fire {
        out.push_str(&format!("```text\n{}\n```\n\n", e.text().trim()));
    }
    out.push_str("Stays quiet on:\n\n");
    for e in &rule.examples.pass {
        out.push_str(&format!("```text\n{}\n```\n\n", e.text().trim()));
    }
    out.push_str("</details>\n\n");
    out
}

/// The rule as JSON (for `tact explain --format json` and `rules list`).
#[must_use]
pub fn json(rule: &Rule) -> serde_json::Value {
    serde_json::json!({
        "id": rule.id,
        "category": rule.category,
        "level": rule.level,
        "enabled": rule.enabled,
        "kinds": rule.kinds,
        "skip_kinds": rule.skip_kinds,
        "scope": rule.scope.names(),
        "check": rule.check.kind_name(),
        "fix": rule.fixable(),
        "summary": rule.summary,
        "why": rule.why.trim(),
        "help": rule.help.trim(),
        "rewrites": rule.rewrites,
        "examples": { "fire": rule.examples.fire, "pass": rule.examples.pass },
        "source": rule.source,
    })
}

fn example(e: &Example) -> String {
    let kind = e.kind().map(|k| format!(" [{k}]")).unwrap_or_default();
    format!("  ·{kind} {}\n", e.text().trim().replace('\n', "\n    "))
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
}

fn join(kinds: &[crate::message::Kind]) -> String {
    kinds.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
}

/// The whole of `docs/rules.md`: every rule, grouped by category.
#[must_use]
pub fn reference(rules: &super::RuleSet) -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from rules/ by tests/docs.rs: run `TACT_BLESS=1 cargo test --test docs` after editing a rule. -->\n\n",
    );
    out.push_str(&format!(
        "{} rules in {} categories. `tact explain RULE` shows the same text in a terminal.\n\n",
        rules.rules().len(),
        rules.categories().len()
    ));
    out.push_str("| rule | category | level | fix | flags |\n|---|---|---|---|---|\n");
    for category in rules.categories() {
        for rule in rules.rules().iter().filter(|r| r.category == category) {
            let fix = match rule.fixable() {
                Some(crate::Applicability::Safe) => "safe",
                Some(crate::Applicability::Unsafe) => "unsafe",
                _ => "",
            };
            let off = if rule.enabled { "" } else { " (off by default)" };
            out.push_str(&format!(
                "| [`{0}`](#{0}) | {1} | {2} | {fix} | {3}{off} |\n",
                rule.id, rule.category, rule.level, rule.summary
            ));
        }
    }
    for category in rules.categories() {
        out.push_str(&format!("\n## {category}\n\n"));
        for rule in rules.rules().iter().filter(|r| r.category == category) {
            out.push_str(&markdown(rule));
        }
    }
    out
}
