//! `sarif`: one SARIF 2.1.0 log for code-scanning tools. Each rule that
//! fired is described from its own file (summary, why, help); each finding
//! is a result at its file position, with the record (CSV row, mbox
//! message) as a logical location and the message's score as a property.
//! Input errors are tool execution notifications.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{Checked, InputError};
use crate::diagnostic::{Applicability, Level};
use crate::line_index::LineIndex;
use crate::rule::RuleSet;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Results gathered until the log is written.
#[derive(Debug, Default)]
pub struct Builder {
    results: Vec<(String, Value)>,
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// A file path as a relative URI reference.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}

impl Builder {
    /// Add the findings of one message.
    pub fn message(&mut self, checked: &Checked) {
        let text = checked.message.text();
        let index = LineIndex::new(text);
        for d in &checked.report.diagnostics {
            let start = checked.file_position(&index, d.span.start);
            let mut region = json!({ "startLine": start.line, "startColumn": start.column });
            if checked.record.is_none() {
                let end = checked.file_position(&index, d.span.end);
                region["endLine"] = json!(end.line);
                region["endColumn"] = json!(end.column);
                region["snippet"] = json!({ "text": d.span.of(text) });
            }
            let mut location = json!({
                "physicalLocation": { "artifactLocation": { "uri": uri(&checked.path) }, "region": region }
            });
            if let Some(record) = &checked.record {
                location["logicalLocations"] = json!([{ "name": record.to_string(), "kind": "element" }]);
            }
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.level),
                "message": { "text": d.message },
                "locations": [location],
                "properties": { "score": checked.report.score.value, "kind": checked.report.kind.name() },
            });
            let fixes: Vec<Value> = d
                .rewrites
                .iter()
                .filter(|r| r.applicability != Applicability::DisplayOnly && checked.origin.is_none())
                .map(|r| {
                    let replacements: Vec<Value> = r
                        .edits
                        .iter()
                        .map(|e| {
                            json!({
                                "deletedRegion": { "charOffset": text[..e.span.start].chars().count(),
                                                   "charLength": e.span.of(text).chars().count() },
                                "insertedContent": { "text": e.replacement },
                            })
                        })
                        .collect();
                    json!({
                        "description": { "text": r.title },
                        "artifactChanges": [{ "artifactLocation": { "uri": uri(&checked.path) }, "replacements": replacements }],
                    })
                })
                .collect();
            if !fixes.is_empty() {
                result["fixes"] = Value::Array(fixes);
            }
            self.results.push((d.rule.clone(), result));
        }
    }

    /// The whole log.
    #[must_use]
    pub fn finish(self, rules: &RuleSet, errors: &[InputError]) -> Value {
        let used: BTreeSet<String> = self.results.iter().map(|(id, _)| id.clone()).collect();
        let ids: Vec<String> = used.into_iter().collect();
        let descriptors: Vec<Value> = ids.iter().map(|id| descriptor(rules, id)).collect();
        let results: Vec<Value> = self
            .results
            .into_iter()
            .map(|(id, mut result)| {
                if let Ok(i) = ids.binary_search(&id) {
                    result["ruleIndex"] = json!(i);
                }
                result
            })
            .collect();
        let notifications: Vec<Value> = errors
            .iter()
            .map(|e| {
                let mut n = json!({
                    "level": "error",
                    "message": { "text": e.message },
                    "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&e.path) } } }],
                });
                if let Some(record) = &e.record {
                    n["locations"][0]["logicalLocations"] = json!([{ "name": record.to_string(), "kind": "element" }]);
                }
                n
            })
            .collect();
        json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "tact",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                }},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [{
                    "executionSuccessful": true,
                    "toolExecutionNotifications": notifications,
                }],
            }],
        })
    }
}

/// A rule's `reportingDescriptor`, from its file; `input` for input notes.
fn descriptor(rules: &RuleSet, id: &str) -> Value {
    let Some(rule) = rules.rule(id) else {
        return json!({
            "id": id,
            "shortDescription": { "text": "A problem with the input itself (encoding, format, a skipped part)." },
            "help": { "text": "Check the file: tact read it, but not all of it as written." },
            "defaultConfiguration": { "level": "warning" },
        });
    };
    let why = rule.why.split_whitespace().collect::<Vec<_>>().join(" ");
    let help = rule.help.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut markdown = format!("{why}\n\n**What to do.** {help}");
    for r in &rule.rewrites {
        markdown.push_str(&format!("\n\n- ✗ {}\n- ✓ {}", r.before.trim(), r.after.trim()));
    }
    json!({
        "id": rule.id,
        "name": rule.id.split('/').next_back().unwrap_or(&rule.id),
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": why },
        "help": { "text": format!("{why}\n\nWhat to do: {help}"), "markdown": markdown },
        "defaultConfiguration": { "level": level(rule.level), "enabled": rule.enabled },
        "properties": { "category": rule.category, "tags": [rule.category] },
    })
}
