//! YAML front matter of a template: `kind`, per-template exceptions
//! (`ignore:`, or `tact: { ignore: }`) and the `recipient`, between `---`
//! fences at the top of a file.

use std::sync::LazyLock;

use regex::Regex;

use super::exceptions::Exception;
use super::kind::Kind;
use crate::rule::locate::{Step, locate};
use crate::span::Span;

/// What tact reads from front matter. Other keys belong to other tools and
/// are left alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub span: Span,
    pub kind: Option<Kind>,
    /// Every rule or category excepted, from `ignore:` and `tact: { ignore: }`.
    pub ignore: Vec<String>,
    /// The same names, with where each is written.
    pub exceptions: Vec<Exception>,
    pub recipient: Option<String>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct Raw {
    kind: Option<String>,
    ignore: Vec<String>,
    recipient: Option<String>,
    tact: Option<TactKey>,
}

/// The `tact:` key: tact's own, so read strictly.
#[derive(serde::Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct TactKey {
    ignore: Vec<String>,
}

static FENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A\u{feff}?---[ \t]*\r?\n(?s:(.*?))\r?\n---[ \t]*(?:\r?\n|\z)").expect("valid fence regex")
});

/// The front matter at the top of `text`, if any. A fenced block that is not
/// a YAML mapping, or names an unknown kind, gives an error message instead.
#[must_use]
pub fn parse(text: &str) -> Option<Result<FrontMatter, (Span, String)>> {
    // Most messages have none: skip compiling the pattern for them.
    if !text.strip_prefix('\u{feff}').unwrap_or(text).starts_with("---") {
        return None;
    }
    let caps = FENCE.captures(text)?;
    let whole = caps.get(0)?;
    let body = caps.get(1)?;
    let span = Span::new(whole.start(), whole.end());
    let raw: Raw = match serde_yaml::from_str::<serde_yaml::Value>(body.as_str()) {
        Ok(serde_yaml::Value::Mapping(map)) => match serde_yaml::from_value(serde_yaml::Value::Mapping(map)) {
            Ok(raw) => raw,
            Err(err) => return Some(Err((span, format!("front matter: {err}")))),
        },
        // A `---` rule at the top of a plain message is not front matter.
        Ok(_) => return None,
        Err(err) => return Some(Err((span, format!("front matter is not valid YAML: {err}")))),
    };
    let kind = match raw.kind.as_deref().map(str::parse::<Kind>) {
        Some(Ok(kind)) => Some(kind),
        Some(Err(err)) => return Some(Err((span, format!("front matter: {err}")))),
        None => None,
    };
    // Where each name is written: the YAML path's span inside the fences.
    let at = |path: &[Step]| locate(body.as_str(), path).shift(body.start());
    let mut exceptions: Vec<Exception> = raw
        .ignore
        .iter()
        .enumerate()
        .map(|(i, name)| Exception { name: name.clone(), span: at(&[Step::Key("ignore".into()), Step::Index(i)]) })
        .collect();
    let tact = raw.tact.unwrap_or_default();
    exceptions.extend(tact.ignore.iter().enumerate().map(|(i, name)| Exception {
        name: name.clone(),
        span: at(&[Step::Key("tact".into()), Step::Key("ignore".into()), Step::Index(i)]),
    }));
    let ignore = exceptions.iter().map(|e| e.name.clone()).collect();
    Some(Ok(FrontMatter { span, kind, ignore, exceptions, recipient: raw.recipient }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fenced_at_the_top_only() {
        let fm = parse("---\nkind: follow-up\nignore: [no-thanks]\n---\nHi Sam,").expect("found").expect("valid");
        assert_eq!(
            (fm.kind, fm.ignore, fm.span),
            (Some(Kind::FollowUp), vec!["no-thanks".to_owned()], Span::new(0, 44))
        );
        let with_bom = parse("\u{feff}---\r\nkind: linkedin-note\r\n---\r\nHi").expect("found").expect("valid");
        assert_eq!(with_bom.kind, Some(Kind::LinkedinNote));
        assert!(parse("Hi Sam,\n---\nkind: follow-up\n---\n").is_none());
        assert!(parse(" ---\nkind: follow-up\n---\n").is_none());
        assert!(parse("---\njust a line\n---\nHi").is_none(), "a rule, not a mapping");
        assert!(matches!(parse("---\nkind: fax\n---\n"), Some(Err(_))));
    }

    #[test]
    fn exceptions_from_both_keys_with_their_places() {
        let text = "---\nignore: [no-thanks, tone]\ntact:\n  ignore:\n    - shouting\n---\nHi";
        let fm = parse(text).expect("found").expect("valid");
        let found: Vec<(&str, &str)> = fm.exceptions.iter().map(|e| (e.name.as_str(), e.span.of(text))).collect();
        assert_eq!(found, [("no-thanks", "no-thanks"), ("tone", "tone"), ("shouting", "shouting")]);
        assert_eq!(fm.ignore, ["no-thanks", "tone", "shouting"]);
        let flow = "---\ntact: { ignore: [pressure] }\n---\nHi";
        let fm = parse(flow).expect("found").expect("valid");
        assert_eq!(fm.exceptions[0].span.of(flow), "pressure");
        assert!(matches!(parse("---\ntact: { ignroe: [pressure] }\n---\nHi"), Some(Err(_))), "tact: is strict");
    }
}
