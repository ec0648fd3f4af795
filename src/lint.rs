//! Linting one message: tag it, measure it, run every active rule, score it.
//!
//! A [`Linter`] is built once per run from a compiled [`RuleSet`] and the
//! resolved [`Selection`]; `lint` is then a pure function of a message.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::analysis::{Ask, AskType, Reader};
use crate::check::unused_exception::Unused;
use crate::check::{Check, Ctx, Figures, Finding};
use crate::diagnostic::{Diagnostic, Level};
use crate::error::Error;
use crate::intent::IntentSet;
use crate::message::{Confidence, Exception, Kind, KindSource, Message, SectionKind};
use crate::phrases::Scan;
use crate::rule::{Rule, RuleSet};
use crate::score::{self, Evidence, Score};

/// Which rules run and at what level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only these rules or categories (all enabled rules when `None`).
    pub select: Option<Vec<String>>,
    /// Rules or categories to add, including ones off by default.
    pub extend_select: Vec<String>,
    /// Rules or categories to skip.
    pub ignore: Vec<String>,
    /// Level overrides by rule id or category.
    pub levels: BTreeMap<String, Level>,
    /// Pre-send mode: rules with a `pre-send` level use it.
    pub pre_send: bool,
}

/// The rule set and selection of one run.
#[derive(Debug, Clone)]
pub struct Linter {
    rules: Arc<RuleSet>,
    /// Indices into `rules.rules()` of the active rules, with their levels.
    active: Vec<(usize, Level)>,
    reader: Reader,
}

/// What linting one message produced.
#[derive(Debug, Clone)]
pub struct Report {
    pub kind: Kind,
    pub kind_source: KindSource,
    /// How sure tact is of the kind: certain when it was set, otherwise
    /// how clear the signs it was inferred from are.
    pub kind_confidence: Confidence,
    pub diagnostics: Vec<Diagnostic>,
    pub figures: Figures,
    /// How many sentences carry each intent, by intent name.
    pub intents: BTreeMap<String, usize>,
    /// The asks of the reader, in text order.
    pub asks: Vec<Ask>,
    pub score: Score,
}

impl Linter {
    /// A linter running the rules `selection` picks.
    ///
    /// # Errors
    /// When the selection names a rule or category that does not exist.
    pub fn new(rules: Arc<RuleSet>, selection: &Selection) -> Result<Self, Error> {
        let known = |name: &str| rules.rule(name).is_some() || rules.categories().contains(&name);
        let named = selection
            .select
            .iter()
            .flatten()
            .chain(&selection.extend_select)
            .chain(&selection.ignore)
            .chain(selection.levels.keys());
        for name in named {
            if !known(name) {
                return Err(Error::Usage(unknown_rule_message(&rules, name)));
            }
        }
        let matches =
            |names: &[String], rule: &crate::rule::Rule| names.iter().any(|n| *n == rule.id || *n == rule.category);
        let mut active = Vec::new();
        for (i, rule) in rules.rules().iter().enumerate() {
            let chosen = match &selection.select {
                Some(select) => matches(select, rule),
                None => rule.enabled,
            } || matches(&selection.extend_select, rule);
            if !chosen || matches(&selection.ignore, rule) {
                continue;
            }
            let mut level = rule.level;
            if selection.pre_send
                && let Some(pre_send) = rule.pre_send
            {
                level = pre_send;
            }
            if let Some(&l) = selection.levels.get(&rule.category) {
                level = l;
            }
            if let Some(&l) = selection.levels.get(&rule.id) {
                level = l;
            }
            active.push((i, level));
        }
        let reader = Reader::new(rules.intents());
        Ok(Self { rules, active, reader })
    }

    /// A linter running every enabled built-in rule.
    ///
    /// # Errors
    /// Never in a released build: the built-in pack is tested.
    pub fn builtin() -> Result<Self, Error> {
        let rules = Arc::new(RuleSet::builtin()?);
        Self::new(rules, &Selection::default())
    }

    #[must_use]
    pub fn rules(&self) -> &Arc<RuleSet> {
        &self.rules
    }

    /// Lint one message. `kind` overrides the kind tact would infer.
    #[must_use]
    pub fn lint(&self, message: &Message, kind: Option<(Kind, KindSource)>) -> Report {
        let rules = &self.rules;
        let Scan { hits, open } = rules.scan(message);
        rules.patterns().compile_open(&open);
        let mut intents = rules.intents().tag(message, &hits, &open);
        let asks = self.reader.read(message, &mut intents);
        let figures = Figures::measure(message);
        let (kind, kind_source, kind_confidence) = kind
            .or_else(|| message.front_matter().and_then(|fm| fm.kind).map(|k| (k, KindSource::FrontMatter)))
            .map_or_else(
                || infer_kind(message, rules, &intents, &asks, &figures),
                |(k, s)| (k, s, Confidence::Certain),
            );
        let exceptions = message.exceptions();
        // Which exceptions suppressed something.
        let mut used = vec![false; exceptions.len()];
        // The `unused-exception` rule, run last.
        let mut unused_rule = None;

        let ctx_for = |rule: &Rule| Ctx {
            message,
            hits: &hits,
            open: &open,
            intents: &intents,
            asks: &asks,
            kind,
            figures: &figures,
            scope: rule.scope,
        };
        let mut diagnostics = Vec::new();
        let mut findings: Vec<Finding> = Vec::new();
        for &(i, level) in &self.active {
            let rule = &rules.rules()[i];
            if !rule.applies_to(kind) {
                continue;
            }
            if matches!(rule.check, Check::UnusedException(_)) {
                unused_rule = Some((rule, level));
                continue;
            }
            let ctx = ctx_for(rule);
            findings.clear();
            rule.check.run(&ctx, &mut findings);
            if findings.is_empty() || !except(exceptions, rule, &mut used) {
                diagnostics.extend(findings.drain(..).map(|f| rule.diagnose(&ctx, f, level)));
            }
        }
        if let Some((rule, level)) = unused_rule {
            let ctx = ctx_for(rule);
            let found = self.unused_exceptions(exceptions, &used, rule);
            if found.is_empty() || !except(exceptions, rule, &mut used) {
                diagnostics.extend(found.into_iter().map(|f| rule.diagnose(&ctx, f, level)));
            }
        }
        for note in message.notes() {
            diagnostics.push(Diagnostic {
                rule: "input".to_owned(),
                level: Level::Warning,
                message: note.message.clone(),
                span: note.span,
                label: None,
                labels: Vec::new(),
                help: None,
                rewrites: Vec::new(),
            });
        }
        diagnostics.sort_by(|a, b| {
            a.span.start.cmp(&b.span.start).then_with(|| a.rule.cmp(&b.rule)).then_with(|| a.span.end.cmp(&b.span.end))
        });

        let all = rules.intents().all();
        let mut per_intent = vec![0; all.len()];
        for set in &intents {
            set.indices().filter(|&i| i < all.len()).for_each(|i| per_intent[i] += 1);
        }
        let intent_counts: BTreeMap<String, usize> =
            all.iter().zip(per_intent).filter(|&(_, n)| n > 0).map(|(intent, n)| (intent.name.clone(), n)).collect();
        let evidence = evidence(message, &diagnostics, &intent_counts, &asks, &figures);
        let score = score(&diagnostics, unused_rule.map(|(rule, _)| rule.id.as_str()), &evidence);
        Report { kind, kind_source, kind_confidence, diagnostics, figures, intents: intent_counts, asks, score }
    }
}

/// Words a sentence needs to count towards a message's substance.
const SUBSTANTIAL: usize = 6;

/// What the message does well, for the score.
fn evidence(
    message: &Message,
    diagnostics: &[Diagnostic],
    intents: &BTreeMap<String, usize>,
    asks: &[Ask],
    figures: &Figures,
) -> Evidence {
    let tones: Vec<f64> = asks.iter().map(|a| f64::from(a.tone.score)).collect();
    #[allow(clippy::cast_precision_loss)]
    let tone = (!tones.is_empty()).then(|| tones.iter().sum::<f64>() / tones.len() as f64);
    let sentences = message.sentences();
    Evidence {
        sentences: figures.detail.sentence_words.iter().filter(|&&n| n >= SUBSTANTIAL).count(),
        specific: !diagnostics.iter().any(|d| d.rule == score::GENERIC_RULE),
        thanks: intents.contains_key("gratitude"),
        easy_out: intents.contains_key("escape"),
        time_named: asks.iter().any(|a| a.cost.time_named),
        tone,
        asks: asks.iter().filter_map(|a| sentences.get(a.sentence).map(|s| s.span)).collect(),
    }
}

/// The message's score. Findings of `unused` (`unused-exception`) cost
/// nothing: they are about the template file, not how the message reads.
fn score(diagnostics: &[Diagnostic], unused: Option<&str>, evidence: &Evidence) -> Score {
    match unused {
        Some(id) if diagnostics.iter().any(|d| d.rule == id) => {
            let scored: Vec<Diagnostic> = diagnostics.iter().filter(|d| d.rule != id).cloned().collect();
            Score::compute(&scored, evidence)
        }
        _ => Score::compute(diagnostics, evidence),
    }
}

/// Whether an exception names `rule` (or its category); marks those that do
/// as used.
fn except(exceptions: &[Exception], rule: &Rule, used: &mut [bool]) -> bool {
    let mut excepted = false;
    for (e, used) in exceptions.iter().zip(used.iter_mut()) {
        if e.name == rule.id || e.name == rule.category {
            *used = true;
            excepted = true;
        }
    }
    excepted
}

impl Linter {
    /// Findings of `unused-exception` (the rule `rule`) for the exceptions
    /// that suppressed nothing. An exception naming a rule that did not run
    /// (not selected here) is left alone: whether it would suppress something
    /// cannot be told. Nor is one naming `rule` itself reported by it.
    fn unused_exceptions(&self, exceptions: &[Exception], used: &[bool], rule: &Rule) -> Vec<Finding> {
        let rules = self.rules.rules();
        let mut found = Vec::new();
        for (e, _) in exceptions.iter().zip(used).filter(|(_, used)| !**used) {
            if e.name == rule.id || e.name == rule.category {
                continue;
            }
            let named: Vec<usize> =
                (0..rules.len()).filter(|&i| rules[i].id == e.name || rules[i].category == e.name).collect();
            let why = if named.is_empty() {
                Unused::Unknown
            } else if named.iter().all(|i| self.active.iter().any(|(a, _)| a == i)) {
                Unused::FoundNothing
            } else {
                continue;
            };
            let mut finding = Finding::at(e.span);
            finding.value = Some(e.name.clone());
            finding.limit = Some(why.reason().to_owned());
            found.push(finding);
        }
        found
    }
}

fn unknown_rule_message(rules: &RuleSet, name: &str) -> String {
    let mut candidates: Vec<&str> = rules.rules().iter().map(|r| r.id.as_str()).chain(rules.categories()).collect();
    candidates.sort_by_key(|c| edit_distance(c, name));
    let close: Vec<&str> = candidates.into_iter().take(3).collect();
    format!("unknown rule or category `{name}` (did you mean {}? `tact rules list` shows them all)", close.join(", "))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Guess the kind of a message from its shape and intents. Users who know
/// better say so with `--kind`, front matter or `kinds:` in `.tact.yml`; the
/// JSON output says which reason applied.
fn infer_kind(
    message: &Message,
    rules: &RuleSet,
    intents: &[IntentSet],
    asks: &[Ask],
    figures: &Figures,
) -> (Kind, KindSource, Confidence) {
    let set = |name: &str| rules.intents().lookup(name).unwrap_or(IntentSet::EMPTY);
    let body: Vec<IntentSet> = message
        .sentences()
        .iter()
        .zip(intents)
        .filter(|(s, _)| matches!(s.section, SectionKind::Body | SectionKind::Ps))
        .map(|(_, i)| *i)
        .collect();
    let any = |name: &str| body.iter().any(|i| i.intersects(set(name)));
    let early = |name: &str, n: usize| body.iter().take(n).any(|i| i.intersects(set(name)));
    let subject = message.subject().map(|s| s.of(message.text()).trim().to_ascii_lowercase());
    let is_email = subject.is_some() || message.header("To").is_some() || message.header("From").is_some();
    let quoted = message.section(SectionKind::Quoted).is_some();
    let inferred = |kind, why: &str, confidence| (kind, KindSource::Inferred(why.to_owned()), confidence);
    let asked = |t: AskType| asks.iter().any(|a| a.kind == t);

    if subject.as_deref().is_some_and(|s| s.starts_with("re:") || s.starts_with("fwd:")) || quoted {
        return inferred(Kind::FollowUp, "it replies to an earlier message", Confidence::High);
    }
    if early("follow-up", 3) {
        return inferred(Kind::FollowUp, "it follows up on an earlier message", Confidence::Medium);
    }
    if early("gratitude", 2) && asks.is_empty() {
        return inferred(Kind::ThankYou, "it opens with thanks and asks for nothing", Confidence::High);
    }
    if asked(AskType::Intro) {
        return inferred(Kind::IntroRequest, "it asks for an introduction", Confidence::High);
    }
    // A stranger introduces themselves; a favour goes to someone who knows the writer.
    let stranger = early("self-intro", 3) || any("pitch") || any("offer");
    if !is_email && figures.characters <= 300 {
        let confidence =
            if asked(AskType::Connection) || asks.is_empty() { Confidence::High } else { Confidence::Medium };
        return inferred(
            Kind::LinkedinNote,
            "short enough for a connection note, with no subject or headers",
            confidence,
        );
    }
    // A call proposed in an email with a subject is how a cold email ends;
    // a review, advice or an introduction is a favour.
    if !stranger && asks.iter().any(|a| a.kind.is_favour() && (a.kind != AskType::Meeting || !is_email)) {
        return inferred(Kind::FavourAsk, "it asks a favour of someone who knows the writer", Confidence::Medium);
    }
    if is_email {
        return inferred(Kind::ColdEmail, "an email with a subject or headers", Confidence::Medium);
    }
    inferred(Kind::ColdEmail, "a message to someone new, longer than a connection note", Confidence::Low)
}
