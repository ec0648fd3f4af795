//! `--report FILE.html`: one self-contained page (inline CSS, JS and SVG, no
//! network) with a score histogram, findings per rule as a bar chart,
//! near-duplicate templates, and a sortable table of messages linking to
//! each message's findings with the flagged words highlighted.
//!
//! The charts are drawn here as SVG; the table and the message details are
//! built by the page's script from JSON embedded in the page, inserting all
//! message text with `textContent` (never as markup). Text drawn here is
//! escaped, and the embedded JSON escapes `<`, `>` and `&` so no message can
//! close the script element. Once the script has run, `<body>` carries
//! `data-ready="1"` (the browser test waits for it).

use std::fmt::Write as _;

use super::summary::Summary;

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

fn esc(s: &str) -> String {
    html_escape::encode_text(s).into_owned()
}

fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s).into_owned()
}

/// JSON safe to embed in a `<script>` element.
fn embedded_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// The whole page.
#[must_use]
pub fn render(summary: &Summary, title: &str) -> String {
    let mut page = String::with_capacity(16 * 1024 + summary.entries.iter().map(|e| e.text.len() * 2).sum::<usize>());
    let data = serde_json::json!({
        "messages": summary.entries,
        "rules": summary.rules.iter().map(|r| serde_json::json!({"rule": r.rule, "summary": r.summary})).collect::<Vec<_>>(),
    });
    let stats = format!(
        "{} messages from {} files · median {} · mean {} · {} input error{}",
        summary.messages,
        summary.files,
        summary.median.map_or_else(|| "-".to_owned(), |m| m.to_string()),
        summary.mean.map_or_else(|| "-".to_owned(), |m| format!("{m:.1}")),
        summary.input_errors,
        if summary.input_errors == 1 { "" } else { "s" },
    );
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"tact {version}\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n\
         <body data-ready=\"0\">\n<header>\n<h1>{title}</h1>\n<p class=\"stats\">{stats}</p>\n</header>\n<main>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = esc(title),
        stats = esc(&stats),
    );
    page.push_str("<section id=\"scores\">\n<h2>Scores</h2>\n");
    page.push_str(&histogram(summary));
    page.push_str("</section>\n<section id=\"rules\">\n<h2>Findings per rule</h2>\n");
    page.push_str(&rule_chart(summary));
    page.push_str("</section>\n");
    if !summary.duplicates.is_empty() {
        page.push_str("<section id=\"duplicates\">\n<h2>Near-duplicate templates</h2>\n<p>Recipients who compare notes will notice these are one template with small edits.</p>\n<ul>\n");
        for group in &summary.duplicates {
            let names: Vec<String> = group.messages.iter().map(|n| format!("<code>{}</code>", esc(n))).collect();
            let _ = writeln!(
                page,
                "<li class=\"duplicate-group\">{} messages, ≥ {:.0}% alike: {}</li>",
                group.messages.len(),
                group.similarity * 100.0,
                names.join(", ")
            );
        }
        page.push_str("</ul>\n</section>\n");
    }
    page.push_str(
        "<section id=\"messages\">\n<h2>Messages</h2>\n<p class=\"hint\">Lowest scores first: start at the top. Click a column to sort.</p>\n\
         <input id=\"filter\" type=\"search\" placeholder=\"Filter by name, kind or rule\" aria-label=\"Filter messages\">\n\
         <table id=\"message-table\">\n<thead><tr>\
         <th data-key=\"score\" aria-sort=\"ascending\">Score</th><th data-key=\"grade\">Grade</th>\
         <th data-key=\"name\">Message</th><th data-key=\"kind\">Kind</th><th data-key=\"findings\">Findings</th>\
         <th data-key=\"rules\">Rules</th></tr></thead>\n<tbody></tbody>\n</table>\n\
         <noscript><p>This table and the message details need JavaScript.</p></noscript>\n</section>\n\
         <section id=\"details\">\n<h2>Findings by message</h2>\n</section>\n</main>\n",
    );
    let _ = write!(
        page,
        "<script type=\"application/json\" id=\"tact-data\">{}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        embedded_json(&data)
    );
    page
}

/// The CSS class of a score bucket starting at `low`, by the score's grade.
fn grade_class(low: usize) -> &'static str {
    match crate::score::grade(u32::try_from(low).unwrap_or(u32::MAX)) {
        'A' => "grade-a",
        'B' => "grade-b",
        'C' => "grade-c",
        'D' => "grade-d",
        _ => "grade-f",
    }
}

/// Messages per ten points, as SVG bars.
fn histogram(summary: &Summary) -> String {
    let (width, height, top, bottom) = (660usize, 220usize, 20usize, 40usize);
    let bars = summary.histogram.len().max(1);
    let slot = (width - 20) / bars;
    let most = summary.histogram.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = format!(
        "<svg id=\"histogram\" class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Messages per score range\">\n"
    );
    for (i, &n) in summary.histogram.iter().enumerate() {
        let low = i * 10;
        let label = if low == 100 { "100".to_owned() } else { format!("{low}-{}", low + 9) };
        let h = (height - top - bottom) * n / most;
        let x = 10 + i * slot;
        let y = height - bottom - h;
        let _ = writeln!(
            svg,
            "<g class=\"bar {class}\" data-range=\"{label}\" data-count=\"{n}\"><title>{label}: {n} message{s}</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"2\"></rect>\
             <text class=\"count\" x=\"{cx}\" y=\"{ty}\">{n}</text><text class=\"axis\" x=\"{cx}\" y=\"{ly}\">{label}</text></g>",
            class = grade_class(low),
            s = if n == 1 { "" } else { "s" },
            w = slot - 6,
            cx = x + (slot - 6) / 2,
            ty = y.saturating_sub(4).max(12),
            ly = height - bottom + 18,
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Findings per rule, as horizontal SVG bars (the 30 most frequent).
fn rule_chart(summary: &Summary) -> String {
    if summary.rules.is_empty() {
        return "<p class=\"empty\">No findings.</p>\n".to_owned();
    }
    let shown = &summary.rules[..summary.rules.len().min(30)];
    let (label_width, bar_width, row) = (260usize, 360usize, 24usize);
    let height = shown.len() * row + 10;
    let most = shown.iter().map(|r| r.findings).max().unwrap_or(1).max(1);
    let mut svg = format!(
        "<svg id=\"rule-chart\" class=\"chart\" viewBox=\"0 0 {} {height}\" role=\"img\" aria-label=\"Findings per rule\">\n",
        label_width + bar_width + 80
    );
    for (i, r) in shown.iter().enumerate() {
        let y = 5 + i * row;
        let w = (bar_width * r.findings).div_ceil(most).max(2);
        let level = r.level.map_or("info", crate::diagnostic::Level::name);
        let _ = writeln!(
            svg,
            "<g class=\"bar level-{level}\" data-rule=\"{rule_attr}\" data-count=\"{n}\"><title>{rule}: {summary}</title>\
             <text class=\"label\" x=\"{lx}\" y=\"{ty}\">{rule}</text>\
             <rect x=\"{label_width}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"2\"></rect>\
             <text class=\"count\" x=\"{cx}\" y=\"{ty}\">{n}</text></g>",
            rule_attr = attr(&r.rule),
            rule = esc(&r.rule),
            summary = esc(&r.summary),
            n = r.findings,
            lx = label_width - 8,
            ty = y + row / 2 + 4,
            h = row - 6,
            cx = label_width + w + 6,
        );
    }
    svg.push_str("</svg>\n");
    if summary.rules.len() > shown.len() {
        svg.push_str(&format!("<p class=\"hint\">and {} more rules</p>\n", summary.rules.len() - shown.len()));
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_the_script() {
        let value = serde_json::json!({ "text": "</script><script>alert(1)</script> & more" });
        let out = embedded_json(&value);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
        assert_eq!(back, value);
    }
}
