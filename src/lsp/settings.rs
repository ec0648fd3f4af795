//! Editor settings and config discovery.
//!
//! Settings arrive as `initializationOptions`, in `didChangeConfiguration`
//! or from a `workspace/configuration` pull, either bare or under a `tact`
//! key. They become a [`config::Options`] layered over `.tact.yml` by the
//! same [`Resolver`] `tact check` uses, so the editor and the CLI agree.
//! A config file's modification time is recorded when it is read; a change
//! (or a watched-file event) rebuilds the resolver.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::config::{self, Options, Resolver, Settings};
use crate::diagnostic::Level;
use crate::error::Error;
use crate::message::Kind;

/// What an editor can set. Unknown keys are ignored; values of the wrong
/// shape are reported and skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct ClientSettings {
    /// The kind every draft is linted as (`cold-email`, `linkedin-note`...).
    pub kind: Option<String>,
    pub select: Option<Vec<String>>,
    pub extend_select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    /// Level overrides by rule id or category.
    pub levels: Option<BTreeMap<String, String>>,
    /// Extra rule folders, relative to the workspace root.
    pub rules: Option<Vec<PathBuf>>,
    /// Pre-send mode: unfilled placeholders and empty subjects are errors.
    pub pre_send: Option<bool>,
    /// Use this config file instead of discovering `.tact.yml`.
    pub config: Option<PathBuf>,
    /// Ignore every config file.
    pub isolated: Option<bool>,
    /// A link to each rule's documentation; `{rule}` is replaced by its id.
    pub docs_url: Option<String>,
}

impl ClientSettings {
    /// Read settings from `value` (bare or under `tact`). `None` means the
    /// value holds no tact settings at all; an error says what is wrong.
    pub(crate) fn from_value(value: &serde_json::Value) -> Option<Result<Self, String>> {
        let value = value.get("tact").unwrap_or(value);
        let serde_json::Value::Object(map) = value else { return None };
        if map.is_empty() {
            return None;
        }
        Some(serde_json::from_value(value.clone()).map_err(|e| format!("invalid tact settings: {e}")))
    }

    /// The options these settings give, paths made absolute against `root`.
    pub(crate) fn options(&self, root: &Path) -> Result<Options, String> {
        let kind = self.kind.as_deref().map(str::parse::<Kind>).transpose()?;
        let levels = match &self.levels {
            None => None,
            Some(map) => Some(
                map.iter()
                    .map(|(rule, level)| Ok((rule.clone(), level.parse::<Level>()?)))
                    .collect::<Result<BTreeMap<_, _>, String>>()?,
            ),
        };
        Ok(Options {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            levels,
            rules: self.rules.as_ref().map(|dirs| dirs.iter().map(|d| root.join(d)).collect()),
            kind,
            kinds: None,
            pre_send: self.pre_send,
            fail_level: None,
        })
    }
}

/// A config file's identity when it was read: changed stamp, stale settings.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The workspace's settings: roots, editor settings and the resolver.
#[derive(Debug)]
pub(crate) struct Workspace {
    pub roots: Vec<PathBuf>,
    pub client: ClientSettings,
    resolver: Resolver,
    /// Config files read by the current resolver, with their stamps.
    seen: BTreeMap<PathBuf, Stamp>,
    /// Bumped whenever settings change: lints from older generations are stale.
    pub generation: u64,
    /// A problem with the editor's settings, shown until fixed.
    pub problem: Option<String>,
}

impl Workspace {
    pub(crate) fn new(roots: Vec<PathBuf>, client: ClientSettings) -> Self {
        let (resolver, problem) = build(&roots, &client);
        Self { roots, client, resolver, seen: BTreeMap::new(), generation: 1, problem }
    }

    /// Replace the editor's settings.
    pub(crate) fn set_client(&mut self, client: ClientSettings) {
        self.client = client;
        self.reload();
    }

    /// Forget every resolved config (after a config or rule file changed).
    pub(crate) fn reload(&mut self) {
        let (resolver, problem) = build(&self.roots, &self.client);
        self.resolver = resolver;
        self.problem = problem;
        self.seen.clear();
        self.generation += 1;
    }

    /// Reload if a config file read earlier has changed on disk. Returns
    /// whether it did.
    pub(crate) fn refresh(&mut self) -> bool {
        let changed = self.seen.iter().any(|(path, old)| stamp(path) != *old);
        if changed {
            self.reload();
        }
        changed
    }

    /// The settings for a document in `dir` (or with no file: the root).
    pub(crate) fn settings_for(&mut self, dir: Option<&Path>) -> Result<Arc<Settings>, Error> {
        let dir = dir.map(Path::to_path_buf).or_else(|| self.roots.first().cloned()).unwrap_or_else(|| ".".into());
        if let Some(path) = self.config_path(&dir) {
            self.seen.entry(path.clone()).or_insert_with(|| stamp(&path));
        }
        self.resolver.for_dir(&dir)
    }

    /// The config file that applies in `dir`, if any.
    pub(crate) fn config_path(&self, dir: &Path) -> Option<PathBuf> {
        if self.client.isolated == Some(true) {
            return None;
        }
        match &self.client.config {
            Some(explicit) => Some(self.root().join(explicit)),
            None => config::discover(dir),
        }
    }

    /// The first workspace root, or the server's folder.
    pub(crate) fn root(&self) -> PathBuf {
        self.roots.first().cloned().unwrap_or_else(|| std::env::current_dir().unwrap_or_else(|_| ".".into()))
    }

    /// The workspace root holding `path`, if any.
    pub(crate) fn root_of(&self, path: &Path) -> Option<&Path> {
        self.roots.iter().filter(|r| path.starts_with(r)).max_by_key(|r| r.components().count()).map(PathBuf::as_path)
    }
}

fn build(roots: &[PathBuf], client: &ClientSettings) -> (Resolver, Option<String>) {
    let root = roots.first().cloned().unwrap_or_else(|| std::env::current_dir().unwrap_or_else(|_| ".".into()));
    let (options, problem) = match client.options(&root) {
        Ok(options) => (options, None),
        Err(problem) => (Options::default(), Some(format!("tact settings ignored: {problem}"))),
    };
    let explicit = client.config.as_ref().map(|c| root.join(c));
    (Resolver::new(options, explicit, client.isolated == Some(true)), problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_bare_or_nested() {
        let nested = serde_json::json!({ "tact": { "preSend": true, "kind": "follow-up" } });
        let bare = serde_json::json!({ "preSend": true, "kind": "follow-up" });
        let a = ClientSettings::from_value(&nested).expect("some").expect("valid");
        let b = ClientSettings::from_value(&bare).expect("some").expect("valid");
        assert_eq!(a, b);
        assert_eq!(a.pre_send, Some(true));
        assert!(ClientSettings::from_value(&serde_json::Value::Null).is_none());
        assert!(ClientSettings::from_value(&serde_json::json!({ "preSend": "yes" })).expect("some").is_err());
    }

    #[test]
    fn options_resolve_paths_and_names() {
        let client = ClientSettings {
            kind: Some("linkedin".into()),
            levels: Some([("passive-aggressive".to_owned(), "error".to_owned())].into()),
            rules: Some(vec!["team-rules".into()]),
            ..ClientSettings::default()
        };
        let options = client.options(Path::new("/work/space")).expect("valid");
        assert_eq!(options.kind, Some(Kind::LinkedinNote));
        assert_eq!(options.rules, Some(vec![PathBuf::from("/work/space/team-rules")]));
        assert_eq!(options.levels.and_then(|l| l.get("passive-aggressive").copied()), Some(Level::Error));
        let bad = ClientSettings { kind: Some("novel".into()), ..ClientSettings::default() };
        assert!(bad.options(Path::new("/")).is_err());
    }
}
