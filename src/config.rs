//! `.tact.yml`: finding it, reading it strictly, and layering command-line
//! options over it.
//!
//! The file is found by walking up from each checked file's folder. Options
//! given on the command line (or by the editor) win over the file; the file
//! wins over the built-in defaults. With no file, the embedded rules run as
//! they are.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobMatcher};

use crate::diagnostic::Level;
use crate::error::{Error, FileError};
use crate::lint::{Linter, Selection};
use crate::message::{Kind, KindSource};
use crate::rule::locate::{Step, locate};
use crate::rule::{RuleSet, Source, builtin, dir_sources};
use crate::workload::Workload;

/// The config file's name.
pub const FILE_NAME: &str = ".tact.yml";

/// Every setting, as written in `.tact.yml` or given as options. All
/// optional: unset means "not said here".
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Only these rules or categories run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<String>>,
    /// Rules or categories to add, including ones off by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extend_select: Option<Vec<String>>,
    /// Rules or categories to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<String>>,
    /// Level overrides by rule id or category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<BTreeMap<String, Level>>,
    /// Extra rule folders (relative to the config file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<PathBuf>>,
    /// The kind of every message (unless a template says otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// Kinds by glob, matched against paths relative to the config file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds: Option<BTreeMap<String, Kind>>,
    /// Pre-send mode: unfilled placeholders and empty subjects are errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_send: Option<bool>,
    /// The lowest level that makes `tact check` exit 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_level: Option<Level>,
}

impl Options {
    /// `self` with every setting `over` makes replacing this one's.
    #[must_use]
    pub fn combine(self, over: Options) -> Options {
        Options {
            select: over.select.or(self.select),
            extend_select: over.extend_select.or(self.extend_select),
            ignore: match (self.ignore, over.ignore) {
                (Some(mut a), Some(b)) => {
                    a.extend(b);
                    Some(a)
                }
                (a, b) => b.or(a),
            },
            levels: match (self.levels, over.levels) {
                (Some(mut a), Some(b)) => {
                    a.extend(b);
                    Some(a)
                }
                (a, b) => b.or(a),
            },
            rules: match (self.rules, over.rules) {
                (Some(mut a), Some(b)) => {
                    a.extend(b);
                    Some(a)
                }
                (a, b) => b.or(a),
            },
            kind: over.kind.or(self.kind),
            kinds: over.kinds.or(self.kinds),
            pre_send: over.pre_send.or(self.pre_send),
            fail_level: over.fail_level.or(self.fail_level),
        }
    }
}

/// A config file as read: its options and where it is.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub text: String,
    pub options: Options,
}

impl ConfigFile {
    /// Read and validate the config at `path`.
    ///
    /// # Errors
    /// When it cannot be read or is not a valid config.
    pub fn read(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path.display().to_string(), e))?;
        Self::parse(path, text)
    }

    /// Validate config `text` found at `path`.
    ///
    /// # Errors
    /// When it is not a valid config, pointing at the line and column.
    pub fn parse(path: &Path, text: String) -> Result<Self, Error> {
        let options = if text.trim().is_empty() {
            Options::default()
        } else {
            serde_yaml::from_str::<Options>(&text)
                .map_err(|err| crate::error::yaml::file_error(&path.display().to_string(), &text, &err, "config"))?
        };
        Ok(Self { path: path.to_owned(), text, options })
    }

    /// An error at `path` in this file.
    #[must_use]
    pub fn error_at(&self, path: &[Step], message: String) -> Error {
        let span = locate(&self.text, path);
        FileError::new(&self.path.display().to_string(), &self.text, span, message, "here").into()
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}

/// The nearest `.tact.yml` at or above `dir`.
#[must_use]
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// Everything needed to lint files under one config.
#[derive(Debug)]
pub struct Settings {
    pub linter: Linter,
    pub fail_level: Level,
    kind: Option<Kind>,
    kind_from_option: bool,
    kinds: Vec<(GlobMatcher, Kind, String)>,
    root: PathBuf,
}

impl Settings {
    /// The kind to lint the file at `path` as, if settings decide it.
    #[must_use]
    pub fn kind_for(&self, path: Option<&Path>) -> Option<(Kind, KindSource)> {
        if self.kind_from_option {
            return self.kind.map(|k| (k, KindSource::Option));
        }
        if let Some(path) = path {
            let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
            let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
            if let Some((_, kind, glob)) = self.kinds.iter().find(|(m, _, _)| m.is_match(relative)) {
                return Some((*kind, KindSource::Config(glob.clone())));
            }
        }
        self.kind.map(|k| (k, KindSource::Config("kind".to_owned())))
    }
}

/// Builds [`Settings`] per config file, once each, from options layered
/// over whatever `.tact.yml` applies.
#[derive(Debug)]
pub struct Resolver {
    /// Options from the command line or editor.
    overrides: Options,
    /// `--config FILE` given: use it for every path.
    explicit: Option<PathBuf>,
    /// `--isolated`: ignore config files.
    isolated: bool,
    /// Where relative paths in `overrides.rules` are resolved.
    cwd: PathBuf,
    /// What rule sets are compiled for.
    workload: Workload,
    cache: Mutex<BTreeMap<Option<PathBuf>, Arc<Settings>>>,
    builtin: Mutex<Option<Vec<Source>>>,
}

impl Resolver {
    #[must_use]
    pub fn new(overrides: Options, explicit: Option<PathBuf>, isolated: bool) -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Self {
            overrides,
            explicit,
            isolated,
            cwd,
            workload: Workload::default(),
            cache: Mutex::new(BTreeMap::new()),
            builtin: Mutex::new(None),
        }
    }

    /// Compile rule sets for `workload` (a batch unless told).
    #[must_use]
    pub fn for_workload(mut self, workload: Workload) -> Self {
        self.workload = workload;
        self
    }

    /// The settings for a file in `dir` (or for standard input in the
    /// current folder).
    ///
    /// # Errors
    /// A broken config or rule folder.
    pub fn for_dir(&self, dir: &Path) -> Result<Arc<Settings>, Error> {
        let config = if self.isolated {
            None
        } else if let Some(explicit) = &self.explicit {
            Some(explicit.clone())
        } else {
            discover(dir)
        };
        let mut cache = self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(settings) = cache.get(&config) {
            return Ok(Arc::clone(settings));
        }
        let settings = Arc::new(self.build(config.as_deref())?);
        cache.insert(config, Arc::clone(&settings));
        Ok(settings)
    }

    fn builtin_sources(&self) -> Vec<Source> {
        let mut cached = self.builtin.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cached.get_or_insert_with(builtin::sources).clone()
    }

    fn build(&self, config: Option<&Path>) -> Result<Settings, Error> {
        let file = config.map(ConfigFile::read).transpose()?;
        let file_options = file.as_ref().map(|f| f.options.clone()).unwrap_or_default();
        let root = file.as_ref().map_or_else(
            || self.cwd.clone(),
            |f| std::fs::canonicalize(f.dir()).unwrap_or_else(|_| f.dir().to_owned()),
        );

        let mut sources = self.builtin_sources();
        for dir in file_options.rules.iter().flatten() {
            let full = file.as_ref().map_or_else(|| dir.clone(), |f| f.dir().join(dir));
            sources.extend(dir_sources(&full).map_err(|e| match (&file, e) {
                (Some(f), Error::Usage(message)) => f.error_at(&["rules".into()], message),
                (_, e) => e,
            })?);
        }
        for dir in self.overrides.rules.iter().flatten() {
            sources.extend(dir_sources(dir)?);
        }
        let rules = Arc::new(RuleSet::compile_for(sources, self.workload)?);

        // Names in the config file must exist: point at the offending entry.
        if let Some(f) = &file {
            validate_names(f, &rules)?;
        }
        let options = file_options.combine(self.overrides.clone());
        let selection = Selection {
            select: options.select.clone(),
            extend_select: options.extend_select.clone().unwrap_or_default(),
            ignore: options.ignore.clone().unwrap_or_default(),
            levels: options.levels.clone().unwrap_or_default(),
            pre_send: options.pre_send.unwrap_or(false),
        };
        let linter = Linter::new(rules, &selection)?;
        let mut kinds = Vec::new();
        for (glob, kind) in options.kinds.iter().flatten() {
            let matcher = Glob::new(glob)
                .map_err(|e| match &file {
                    Some(f) => f.error_at(&["kinds".into(), Step::Key(glob.clone())], format!("invalid glob: {e}")),
                    None => Error::Usage(format!("invalid glob `{glob}`: {e}")),
                })?
                .compile_matcher();
            kinds.push((matcher, *kind, glob.clone()));
        }
        Ok(Settings {
            linter,
            fail_level: options.fail_level.unwrap_or(Level::Warning),
            kind: options.kind,
            kind_from_option: self.overrides.kind.is_some(),
            kinds,
            root,
        })
    }
}

fn validate_names(file: &ConfigFile, rules: &RuleSet) -> Result<(), Error> {
    let known = |name: &str| rules.rule(name).is_some() || rules.categories().contains(&name);
    let o = &file.options;
    let lists: [(&str, Option<&Vec<String>>); 3] =
        [("select", o.select.as_ref()), ("extend-select", o.extend_select.as_ref()), ("ignore", o.ignore.as_ref())];
    for (key, list) in lists {
        for (i, name) in list.into_iter().flatten().enumerate() {
            if !known(name) {
                return Err(file.error_at(
                    &[key.into(), i.into()],
                    format!("unknown rule or category `{name}` (`tact rules list` shows them all)"),
                ));
            }
        }
    }
    for name in o.levels.iter().flat_map(BTreeMap::keys) {
        if !known(name) {
            return Err(file
                .error_at(&["levels".into(), Step::Key(name.clone())], format!("unknown rule or category `{name}`")));
        }
    }
    Ok(())
}
