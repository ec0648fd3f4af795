//! "Ignore RULE in this project": add a rule to `ignore:` in `.tact.yml`.
//!
//! The file is edited as text, never re-serialized, so the writer's comments
//! and layout survive: an existing flow list (`ignore: [a, b]`) or block list
//! (`- a` lines) gets one more entry; a missing key is added after a
//! commented-out `# ignore:` example or at the end. The result is parsed
//! before it is written, and written atomically (only if the file did not
//! change meanwhile). A missing file is created.

use std::io::Write;
use std::path::Path;

use crate::atomic::{Written, replace_if_unchanged};
use crate::config::ConfigFile;

/// What [`add_to_file`] did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Added {
    Written,
    Created,
    AlreadyIgnored,
}

/// Add `rule` to `ignore:` in the config at `path`, creating it if missing.
pub(crate) fn add_to_file(path: &Path, rule: &str) -> Result<Added, String> {
    let shown = path.display();
    let old = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{shown}: {e}")),
    };
    let Some(old) = old else {
        let text = format!("# tact configuration (see `tact init` for every setting).\nignore: [{}]\n", scalar(rule));
        create_new(path, &text).map_err(|e| format!("{shown}: {e}"))?;
        return Ok(Added::Created);
    };
    let text = String::from_utf8(old.clone()).map_err(|_| format!("{shown} is not UTF-8; not changed"))?;
    let Some(new) = add_ignore(&text, rule) else { return Ok(Added::AlreadyIgnored) };
    let parsed = ConfigFile::parse(path, new.clone()).map_err(|e| format!("{shown}: could not add `{rule}`: {e}"))?;
    if !parsed.options.ignore.is_some_and(|list| list.iter().any(|r| r == rule)) {
        return Err(format!("{shown}: could not add `{rule}` to `ignore:` safely; please add it by hand"));
    }
    match replace_if_unchanged(path, &old, new.as_bytes()).map_err(|e| format!("{shown}: {e}"))? {
        Written::Done => Ok(Added::Written),
        Written::ChangedMeanwhile => Err(format!("{shown} changed while tact was editing it; try again")),
        Written::ReadOnly => Err(format!("{shown} is read-only; add `{rule}` to `ignore:` by hand")),
    }
}

/// Create `path` with `text` atomically; fails if it appeared meanwhile.
fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new().prefix(".tact-fix-").suffix(".tmp").tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// `text` with `rule` added to its top-level `ignore:` list, or `None` when
/// it is already there.
pub(crate) fn add_ignore(text: &str, rule: &str) -> Option<String> {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let key = lines.iter().position(|l| top_level_key(l) == Some("ignore"));
    let Some(key) = key else {
        // After a commented-out example (`# ignore: [...]`), else at the end.
        let at = lines
            .iter()
            .position(|l| l.trim_start_matches('#').trim_start().starts_with("ignore:") && l.starts_with('#'))
            .map_or(lines.len(), |i| i + 1);
        return Some(insert_line(&lines, at, &format!("ignore: [{}]", scalar(rule)), nl));
    };
    let line = lines[key];
    let (content, comment) = split_comment(line.trim_end_matches(['\n', '\r']));
    let value = content.split_once(':').map_or("", |(_, v)| v).trim();
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let items: Vec<&str> = inner.split(',').map(|s| s.trim().trim_matches(['"', '\''])).collect();
        if items.contains(&rule) {
            return None;
        }
        let close = content.rfind(']')?;
        let sep = if inner.trim().is_empty() { "" } else { ", " };
        let head = content[..close].trim_end();
        let mut new_line = format!("{head}{sep}{}{}", scalar(rule), &content[close..]);
        new_line.push_str(comment);
        let ending = &line[line.trim_end_matches(['\n', '\r']).len()..];
        new_line.push_str(ending);
        return Some(replace_line(&lines, key, &new_line));
    }
    if matches!(value, "" | "~" | "null") {
        // A block list below, or nothing (null).
        let mut last_item = None;
        let mut indent = None;
        for (i, l) in lines.iter().enumerate().skip(key + 1) {
            let trimmed = l.trim_start();
            if trimmed.trim().is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(item) = trimmed.strip_prefix("- ").or_else(|| (trimmed.trim_end() == "-").then_some("")) {
                let this_indent = &l[..l.len() - trimmed.len()];
                indent.get_or_insert(this_indent);
                if split_comment(item.trim_end()).0.trim().trim_matches(['"', '\'']) == rule {
                    return None;
                }
                last_item = Some(i);
            } else {
                break;
            }
        }
        if let (Some(last), Some(indent)) = (last_item, indent) {
            return Some(insert_line(&lines, last + 1, &format!("{indent}- {}", scalar(rule)), nl));
        }
        let ending = &line[line.trim_end_matches(['\n', '\r']).len()..];
        let new_line = format!("ignore: [{}]{}{ending}", scalar(rule), comment);
        return Some(replace_line(&lines, key, &new_line));
    }
    // Some other shape (a multi-line flow list, an anchor): unchanged, which
    // the caller's check reports instead of guessing.
    Some(text.to_owned())
}

/// The key of a top-level `key: value` line, if it is one.
fn top_level_key(line: &str) -> Option<&str> {
    if line.starts_with(|c: char| c.is_whitespace() || c == '#' || c == '-') {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    Some(key.trim().trim_matches(['"', '\'']))
}

/// Split `line` into content and a trailing ` # comment` (quotes respected).
fn split_comment(line: &str) -> (&str, &str) {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev.is_whitespace() => {
                let start = line[..i].trim_end().len();
                return (&line[..start], &line[start..]);
            }
            _ => {}
        }
        prev = c;
    }
    (line, "")
}

/// A rule id as a YAML scalar: plain when safe, double-quoted otherwise.
fn scalar(rule: &str) -> String {
    let plain = !rule.is_empty()
        && rule.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
        && !rule.starts_with(['-', '.']);
    if plain { rule.to_owned() } else { serde_json::to_string(rule).unwrap_or_else(|_| format!("\"{rule}\"")) }
}

fn insert_line(lines: &[&str], at: usize, new: &str, nl: &str) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == at {
            out.push_str(new);
            out.push_str(nl);
        }
        out.push_str(line);
    }
    if at >= lines.len() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(nl);
        }
        out.push_str(new);
        out.push_str(nl);
    }
    out
}

fn replace_line(lines: &[&str], at: usize, new: &str) -> String {
    lines.iter().enumerate().map(|(i, l)| if i == at { new } else { l }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_to_a_flow_list_keeping_comments() {
        let text = "# team config\nignore: [stock-opener]  # noisy\nkind: cold-email\n";
        assert_eq!(
            add_ignore(text, "passive-aggressive").as_deref(),
            Some("# team config\nignore: [stock-opener, passive-aggressive]  # noisy\nkind: cold-email\n")
        );
        assert_eq!(add_ignore("ignore: []\n", "a").as_deref(), Some("ignore: [a]\n"));
        assert_eq!(add_ignore(text, "stock-opener"), None);
    }

    #[test]
    fn appends_to_a_block_list() {
        let text = "ignore:\n  # why: too strict\n  - stock-opener # old\n\nkind: follow-up\n";
        assert_eq!(
            add_ignore(text, "no-escape-clause").as_deref(),
            Some("ignore:\n  # why: too strict\n  - stock-opener # old\n  - no-escape-clause\n\nkind: follow-up\n")
        );
        assert_eq!(add_ignore("ignore:\n- a\n", "b").as_deref(), Some("ignore:\n- a\n- b\n"));
        assert_eq!(add_ignore("ignore:\n  - a\n", "a"), None);
        assert_eq!(
            add_ignore("ignore:   # none yet\nkind: inmail\n", "b").as_deref(),
            Some("ignore: [b]   # none yet\nkind: inmail\n")
        );
    }

    #[test]
    fn adds_the_key_after_a_commented_example_or_at_the_end() {
        let starter = "# Skip these rules or categories.\n# ignore: [stock-opener]\n\n# pre-send: false\n";
        assert_eq!(
            add_ignore(starter, "a").as_deref(),
            Some("# Skip these rules or categories.\n# ignore: [stock-opener]\nignore: [a]\n\n# pre-send: false\n")
        );
        assert_eq!(add_ignore("kind: inmail", "a").as_deref(), Some("kind: inmail\nignore: [a]\n"));
        assert_eq!(add_ignore("", "a").as_deref(), Some("ignore: [a]\n"));
        assert_eq!(add_ignore("kind: inmail\r\n", "a").as_deref(), Some("kind: inmail\r\nignore: [a]\r\n"));
    }

    #[test]
    fn writes_atomically_and_creates_missing_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(".tact.yml");
        assert_eq!(add_to_file(&path, "passive-aggressive"), Ok(Added::Created));
        assert_eq!(add_to_file(&path, "passive-aggressive"), Ok(Added::AlreadyIgnored));
        assert_eq!(add_to_file(&path, "no-escape-clause"), Ok(Added::Written));
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.ends_with("ignore: [passive-aggressive, no-escape-clause]\n"), "{text}");
        std::fs::write(&path, "ignore: {broken\n").expect("write");
        assert!(add_to_file(&path, "x").is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "ignore: {broken\n");
    }
}
