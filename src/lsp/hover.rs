//! Hover on a flagged span or an ask: what the rule found, why it matters,
//! a better way to write it (a rewrite's `after`), how tact reads the ask
//! (its type, cost and tone), and the message's score so far.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::server::Server;

/// The hover for `params`, if the position is inside a finding.
pub(crate) fn hover(server: &mut Server, params: HoverParams) -> Option<Hover> {
    let encoding = server.encoding;
    let generation = server.workspace.generation;
    let at = params.text_document_position_params;
    let doc = server.linted(&at.text_document.uri)?;
    let checked = doc.checked(generation)?;
    let conv = doc.converter(encoding);
    let offset = conv.offset(at.position);
    let here: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && (offset < d.span.end || (d.span.is_empty() && offset == d.span.start)))
        .collect();
    let asks: Vec<_> = checked.report.asks.iter().filter(|a| a.span.start <= offset && offset < a.span.end).collect();
    let range = here.first().map(|d| d.span).or_else(|| asks.first().map(|a| a.span))?;
    let rules = checked.settings.linter.rules();
    let mut out = String::new();
    for a in &asks {
        let effort = if a.kind.is_favour() { "a favour of real time or effort" } else { "a small ask" };
        let time = if a.cost.time_named {
            ", time named"
        } else if a.kind.is_favour() {
            ", no time named"
        } else {
            ""
        };
        let mut tone = format!("tone {:+}", a.tone.score);
        if !a.tone.softeners.is_empty() {
            tone.push_str(&format!(", for: {}", a.tone.softeners.join(", ")));
        }
        if !a.tone.hardeners.is_empty() {
            tone.push_str(&format!(", against: {}", a.tone.hardeners.join(", ")));
        }
        out.push_str(&format!("**Ask** · {} · {effort}{time} · {tone}\n\n---\n\n", a.kind.name()));
    }
    for d in &here {
        out.push_str(&format!("**{}** · {} · `{}`\n\n", d.message, d.level, d.rule));
        if let Some(rule) = rules.rule(&d.rule) {
            out.push_str(&format!("{}\n\n", one_line(&rule.why)));
            if let Some(example) = rule.rewrites.first() {
                out.push_str(&format!("Better: “{}”\n\n", one_line(&example.after)));
            }
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("*{}*\n\n", one_line(help)));
        }
        out.push_str("---\n\n");
    }
    let score = &checked.report.score;
    out.push_str(&format!("Score so far: **{}/100** ({}) for this {}", score.value, score.grade, checked.report.kind));
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: out }),
        range: Some(conv.range(range)),
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
