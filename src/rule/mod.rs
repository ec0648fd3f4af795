//! Rules: loading YAML rule files, compiling them once, and turning what a
//! check finds into diagnostics.
//!
//! A rule is one file; its id is the file name, its category the folder.
//! The built-in pack (`rules/` in the repository) is embedded in the binary;
//! user folders add rules, and a user rule with a built-in id replaces it
//! (two user rules with one id are an error).

pub mod builtin;
pub mod examples;
pub mod explain;
mod load;
pub mod locate;
pub mod spec;

pub use load::{Source, dir_sources};
pub use spec::{Example, FixAction, FixSpec, RewriteExample};

use crate::check::{Check, Ctx, Finding, Scope};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Label, Level, Rewrite};
use crate::error::LoadError;
use crate::intent::Intents;
use crate::message::{Kind, Message};
use crate::pattern::Patterns;
use crate::phrases::{PhraseIndex, Scan};
use crate::span::Span;
use crate::workload::Workload;

/// One compiled rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub category: String,
    pub level: Level,
    pub enabled: bool,
    pub kinds: Vec<Kind>,
    pub skip_kinds: Vec<Kind>,
    pub scope: Scope,
    pub summary: String,
    pub message: String,
    pub label: Option<String>,
    pub why: String,
    pub help: String,
    pub check: Check,
    pub fix: Option<FixSpec>,
    pub rewrites: Vec<RewriteExample>,
    pub examples: spec::ExamplesSpec,
    pub pre_send: Option<Level>,
    /// The file the rule came from (`builtin:` for the embedded pack).
    pub source: String,
}

impl Rule {
    /// Whether the rule applies to messages of `kind`.
    #[must_use]
    pub fn applies_to(&self, kind: Kind) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind)) && !self.skip_kinds.contains(&kind)
    }

    /// Whether `--fix` could ever change something for this rule.
    #[must_use]
    pub fn fixable(&self) -> Option<Applicability> {
        match &self.check {
            Check::Substitution(s) => Some(s.applicability()),
            Check::Repetition(_) => Some(Applicability::Safe),
            _ => self.fix.as_ref().map(|f| f.applicability),
        }
    }

    /// Turn a finding into a diagnostic at `level`.
    #[must_use]
    pub fn diagnose(&self, ctx: &Ctx<'_>, finding: Finding, level: Level) -> Diagnostic {
        let original = ctx.original();
        let matched = finding.span.of(original).to_owned();
        let fill = |template: &str| {
            // Most texts have no `{…}` to fill: skip the five searches.
            if !template.contains('{') {
                return template.to_owned();
            }
            let mut out = template.replace("{match}", matched.trim());
            if let Some(value) = &finding.value {
                out = out.replace("{value}", value);
            }
            if let Some(limit) = &finding.limit {
                out = out.replace("{limit}", limit);
            }
            if let Some(replacement) = &finding.replacement {
                out = out.replace("{replacement}", replacement);
            }
            out.replace("{kind}", ctx.kind.name())
        };
        let mut rewrites = Vec::new();
        if let Some(edits) = &finding.edits {
            let applicability = self.fixable().unwrap_or(Applicability::DisplayOnly);
            let title = match finding.replacement.as_deref() {
                Some("") => format!("Remove “{}”", matched.trim()),
                Some(with) => format!("Replace “{}” with “{with}”", matched.trim()),
                None => "Remove the repetition".to_owned(),
            };
            rewrites.push(Rewrite { title, applicability, edits: edits.clone() });
        } else if let Some(fix) = &self.fix {
            rewrites.push(self.rule_rewrite(ctx, fix, finding.span, &fill));
        }
        let mut primary_label = self.label.as_deref().map(&fill);
        let mut labels = Vec::new();
        for label in finding.labels {
            if label.span == finding.span && primary_label.is_none() {
                primary_label = Some(label.text);
            } else if label.span != finding.span {
                labels.push(Label { span: label.span, text: fill(&label.text) });
            }
        }
        Diagnostic {
            rule: self.id.clone(),
            level,
            message: fill(&self.message),
            span: finding.span,
            label: primary_label,
            labels,
            help: (!self.help.trim().is_empty()).then(|| fill(&self.help)),
            rewrites,
        }
    }

    fn rule_rewrite(&self, ctx: &Ctx<'_>, fix: &FixSpec, span: Span, fill: &dyn Fn(&str) -> String) -> Rewrite {
        let text = fill(&fix.text);
        let sentence = ctx.sentence_around(span);
        let edit = match fix.action {
            FixAction::Replace => Edit::replace(span, text),
            FixAction::Delete => {
                let after = &ctx.original()[span.end..];
                let end = if after.starts_with(' ') { span.end + 1 } else { span.end };
                Edit::delete(Span::new(span.start, end))
            }
            FixAction::AppendToSentence => Edit::insert(sentence.end, text),
            FixAction::ReplaceSentence if text.is_empty() => {
                // Deleting a sentence takes the spaces after it, or the whole
                // line when the sentence was all of it.
                let original = ctx.original();
                let rest = &original[sentence.end..];
                let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                let line_start = original[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
                let alone = original[line_start..sentence.start].trim().is_empty() && rest[spaces..].starts_with('\n');
                let end = sentence.end + spaces + usize::from(alone);
                let start = if alone { line_start } else { sentence.start };
                Edit::delete(Span::new(start, end))
            }
            FixAction::ReplaceSentence => Edit::replace(sentence, text),
        };
        Rewrite { title: fill(&fix.title), applicability: fix.applicability, edits: vec![edit] }
    }
}

/// Every rule and intent of a run, compiled once.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
    intents: Intents,
    phrases: PhraseIndex,
    patterns: Patterns,
}

impl RuleSet {
    /// Compile rule and lexicon sources. Later sources replace earlier ones
    /// with the same rule id; lexicons of the same intent are merged.
    ///
    /// # Errors
    /// Every broken file, together.
    pub fn compile(sources: Vec<Source>) -> Result<Self, LoadError> {
        load::compile(sources, Workload::Batch)
    }

    /// [`RuleSet::compile`] for `workload`: what is cheap to build for one
    /// draft, what is fast to run for many messages. Results are the same.
    ///
    /// # Errors
    /// Every broken file, together.
    pub fn compile_for(sources: Vec<Source>, workload: Workload) -> Result<Self, LoadError> {
        load::compile(sources, workload)
    }

    /// The built-in pack alone.
    ///
    /// # Errors
    /// Never in a released build: the built-in pack is tested.
    pub fn builtin() -> Result<Self, LoadError> {
        Self::compile(builtin::sources())
    }

    /// Rules sorted by id.
    #[must_use]
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    #[must_use]
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.binary_search_by(|r| r.id.as_str().cmp(id)).ok().map(|i| &self.rules[i])
    }

    #[must_use]
    pub fn intents(&self) -> &Intents {
        &self.intents
    }

    /// Scan `message` once for every phrase and gate.
    #[must_use]
    pub fn scan(&self, message: &Message) -> Scan {
        let regions: Vec<Span> = message.sections().iter().filter(|s| s.kind.is_writers()).map(|s| s.span).collect();
        self.phrases.scan(message.prose(), &regions)
    }

    /// Every pattern of every rule and intent.
    #[must_use]
    pub fn patterns(&self) -> &Patterns {
        &self.patterns
    }

    /// The categories of the loaded rules, sorted.
    #[must_use]
    pub fn categories(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.rules.iter().map(|r| r.category.as_str()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
