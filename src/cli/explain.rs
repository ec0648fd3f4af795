//! `tact explain RULE`: a rule's reasoning, examples and better ways to
//! write it, from the rule file itself.

use std::io::{self, Write};
use std::sync::Arc;

use tact::rule::RuleSet;
use tact::rule::explain;

use super::args::{ExplainArgs, TextOrJson};
use super::rules::load;
use super::{Outcome, stdout_error};

pub fn run(args: &ExplainArgs) -> Result<Outcome, tact::Error> {
    let rules: Arc<RuleSet> = load(&args.rule_dirs)?;
    let Some(rule) = rules.rule(&args.rule) else {
        let mut ids: Vec<&str> = rules.rules().iter().map(|r| r.id.as_str()).collect();
        ids.sort_by_key(|id| strsim(id, &args.rule));
        return Err(tact::Error::Usage(format!(
            "no rule `{}`; did you mean {}? (`tact rules list` shows them all)",
            args.rule,
            ids.iter().take(3).map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
        )));
    };
    let mut out = io::stdout().lock();
    let text = match args.format {
        TextOrJson::Text => explain::text(rule),
        TextOrJson::Json => serde_json::to_string_pretty(&explain::json(rule)).unwrap_or_default() + "\n",
    };
    out.write_all(text.as_bytes()).map_err(stdout_error)?;
    Ok(Outcome::Clean)
}

/// How far apart two ids are (shared-prefix-aware distance, small is close).
fn strsim(a: &str, b: &str) -> usize {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let contains = usize::from(!a.contains(b) && !b.contains(a));
    a.len().abs_diff(b.len()) + 10 * contains + 10usize.saturating_sub(common)
}
