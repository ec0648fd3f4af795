//! Reading rule and lexicon files and compiling them into a [`RuleSet`].
//! Every error points at its file, line and column; all are collected.
//! Built-in files come with a JSON form, read with serde_json; YAML is
//! parsed only for user files and to report errors.
//! Files are parsed (their patterns too) in parallel; results and errors keep
//! file order. User patterns compile here; built-in ones on first use (most
//! from the build's DFAs).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::spec::{LexiconFile, RuleFile};
use super::{Rule, RuleSet, locate};
use crate::check::{Check, CompileCtx, Scope, SpecError};
use crate::error::{Error, FileError, LoadError};
use crate::intent::{Intent, Intents, MAX_INTENTS};
use crate::pattern::PatternsBuilder;
use crate::phrases::PhraseIndexBuilder;
use crate::span::Span;
use crate::workload::Workload;

/// The text of one rule or lexicon file.
#[derive(Debug, Clone)]
pub struct Source {
    /// Shown in errors: a path, or `builtin:<relative path>`.
    pub path: String,
    /// The path below the rule folder, with `/` separators.
    pub relative: String,
    /// The file's text: borrowed from the binary for built-in files.
    pub text: Cow<'static, str>,
    /// The same data as JSON, made at build time (built-in files only).
    pub json: Option<&'static str>,
}

impl Source {
    fn stem(&self) -> &str {
        let name = self.relative.rsplit('/').next().unwrap_or(&self.relative);
        name.strip_suffix(".yml").or_else(|| name.strip_suffix(".yaml")).unwrap_or(name)
    }

    fn folder(&self) -> Option<&str> {
        self.relative.rsplit_once('/').map(|(dir, _)| dir.rsplit('/').next().unwrap_or(dir))
    }

    /// The id of the rule the file defines (its name), or `None` for an
    /// intent lexicon.
    #[must_use]
    pub fn rule_id(&self) -> Option<&str> {
        (!self.is_lexicon()).then(|| self.stem())
    }

    /// Whether the file is part of the embedded pack (tested, so its
    /// patterns compile on first use instead of at load).
    fn is_builtin(&self) -> bool {
        self.path.starts_with("builtin:")
    }

    fn is_lexicon(&self) -> bool {
        self.folder() == Some("intents")
    }

    fn error(&self, span: Span, message: impl Into<String>, label: impl Into<String>) -> FileError {
        FileError::new(&self.path, &self.text, span, message, label)
    }
}

/// Read every `.yml` / `.yaml` file below `dir`, sorted by path.
///
/// # Errors
/// When the folder or a file in it cannot be read.
pub fn dir_sources(dir: &Path) -> Result<Vec<Source>, Error> {
    if !dir.is_dir() {
        return Err(Error::Usage(format!("rule folder `{}` does not exist or is not a folder", dir.display())));
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().follow_links(true) {
        let entry = entry.map_err(|e| Error::io(dir.display().to_string(), e.into()))?;
        let path = entry.path();
        let is_yaml = path.extension().is_some_and(|e| e == "yml" || e == "yaml");
        if !entry.file_type().is_file() || !is_yaml {
            continue;
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path.display().to_string(), e))?;
        let relative = path.strip_prefix(dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
        out.push(Source { path: path.display().to_string(), relative, text: Cow::Owned(text), json: None });
    }
    Ok(out)
}

/// Parse a file from its JSON form when it has one; else, or should that
/// fail, from the YAML text, whose errors carry a position.
fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, FileError> {
    if let Some(Ok(file)) = source.json.map(serde_json::from_str) {
        return Ok(file);
    }
    serde_yaml::from_str(&source.text).map_err(|err| yaml_error(source, &err))
}

/// A serde_yaml error as a [`FileError`] at its position.
fn yaml_error(source: &Source, err: &serde_yaml::Error) -> FileError {
    let blank = source.text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if blank && !source.is_lexicon() {
        return source.error(Span::new(0, 0), "empty rule file: a rule needs `level`, `message` and `check`", "here");
    }
    crate::error::yaml::file_error(&source.path, &source.text, err, "rule file")
}

fn spec_error(source: &Source, prefix: &[locate::Step], err: SpecError) -> FileError {
    let mut path = prefix.to_vec();
    path.extend(err.path);
    let span = locate::locate(&source.text, &path);
    let e = source.error(span, format!("invalid rule `{}`: {}", source.stem(), err.message), "here");
    match err.help {
        Some(help) => e.with_help(help),
        None => e,
    }
}

pub(super) fn compile(sources: Vec<Source>, workload: Workload) -> Result<RuleSet, LoadError> {
    let mut errors = Vec::new();
    let mut phrases = PhraseIndexBuilder::default();
    let mut patterns_builder = PatternsBuilder::new(workload);

    // Lexicons first: rules refer to their intents. Files are read (and
    // their patterns parsed) in parallel, in file order.
    let mut lexicons: BTreeMap<String, Vec<(Source, LexiconFile)>> = BTreeMap::new();
    let (lexicon_sources, rule_sources): (Vec<Source>, Vec<Source>) = sources.into_iter().partition(Source::is_lexicon);
    let parsed: Vec<(Source, Result<LexiconFile, FileError>)> = lexicon_sources
        .into_par_iter()
        .map(|source| {
            let file = parse::<LexiconFile>(&source);
            (source, file)
        })
        .collect();
    for (source, file) in parsed {
        match file {
            Ok(file) => lexicons.entry(source.stem().to_owned()).or_default().push((source, file)),
            Err(err) => errors.push(err),
        }
    }
    let mut intents = Vec::new();
    for (name, files) in lexicons {
        if intents.len() == MAX_INTENTS {
            let (source, _) = &files[0];
            errors.push(source.error(
                Span::new(0, 0),
                format!("too many intents: at most {MAX_INTENTS}"),
                "this one is past the limit",
            ));
            continue;
        }
        let mut all_phrases = Vec::new();
        let mut all_unless = Vec::new();
        let mut patterns = Vec::new();
        let mut description = String::new();
        let mut examples_match = Vec::new();
        let mut examples_no_match = Vec::new();
        let mut sources = Vec::new();
        for (source, file) in files {
            let eager = !source.is_builtin();
            match crate::check::register_patterns("patterns", file.patterns, &mut patterns_builder, &mut phrases, eager)
            {
                Ok(compiled) => patterns.extend(compiled),
                Err(err) => errors.push(spec_error(&source, &[], err)),
            }
            all_phrases.extend(file.phrases);
            all_unless.extend(file.unless);
            if description.is_empty() {
                description = file.description;
            }
            examples_match.extend(file.examples.matches);
            examples_no_match.extend(file.examples.no_match);
            sources.push(source.path);
        }
        intents.push(Intent {
            name,
            description,
            phrases: phrases.list(all_phrases),
            patterns,
            unless: phrases.list(all_unless),
            examples_match,
            examples_no_match,
            source: sources.join(", "),
        });
    }
    // What the reading of asks sets: intents no lexicon needs to define.
    for (name, description) in crate::analysis::COMPUTED {
        if !intents.iter().any(|i: &Intent| i.name == *name) {
            intents.push(Intent {
                name: (*name).to_owned(),
                description: (*description).to_owned(),
                phrases: phrases.list(Vec::<String>::new()),
                patterns: Vec::new(),
                unless: phrases.list(Vec::<String>::new()),
                examples_match: Vec::new(),
                examples_no_match: Vec::new(),
                source: "builtin:reading".to_owned(),
            });
        }
    }
    let intents = Intents::new(intents);

    let by_id = by_id(rule_sources, &mut errors);
    let parsed: Vec<(String, Source, Result<RuleFile, FileError>)> = by_id
        .into_iter()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(id, source)| {
            let file = parse(&source);
            (id, source, file)
        })
        .collect();
    let mut rules = Vec::new();
    for (id, source, file) in parsed {
        let mut ctx = CompileCtx {
            intents: &intents,
            phrases: &mut phrases,
            patterns: &mut patterns_builder,
            eager: !source.is_builtin(),
        };
        match file.and_then(|file| compile_rule(&id, &source, file, &mut ctx)) {
            Ok(rule) => rules.push(rule),
            Err(err) => errors.push(err),
        }
    }
    if !errors.is_empty() {
        return Err(LoadError { errors });
    }
    Ok(RuleSet { rules, intents, phrases: phrases.build(workload), patterns: patterns_builder.build() })
}

/// Rule sources by id. A user rule replaces the built-in rule of the same
/// id; two user files with one id (in two folders, or `.yml` and `.yaml`)
/// are an error naming both. The same file met twice (a folder given twice)
/// counts once.
fn by_id(sources: Vec<Source>, errors: &mut Vec<FileError>) -> BTreeMap<String, Source> {
    let mut by_id: BTreeMap<String, Source> = BTreeMap::new();
    for source in sources {
        let Some(first) = by_id.get(source.stem()) else {
            by_id.insert(source.stem().to_owned(), source);
            continue;
        };
        if first.is_builtin() {
            by_id.insert(source.stem().to_owned(), source);
        } else if !same_file(&first.path, &source.path) {
            let message =
                format!("rule `{}` is defined twice: in {} and in {} (here)", source.stem(), first.path, source.path);
            errors.push(
                source
                    .error(Span::new(0, 0), message, "the second definition")
                    .with_help("rule ids are file names: rename one of the two files"),
            );
        }
    }
    by_id
}

/// Whether two paths name one file.
fn same_file(a: &str, b: &str) -> bool {
    a == b || std::fs::canonicalize(a).is_ok_and(|a| std::fs::canonicalize(b).is_ok_and(|b| a == b))
}

fn compile_rule(id: &str, source: &Source, file: RuleFile, ctx: &mut CompileCtx<'_>) -> Result<Rule, FileError> {
    if !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(source.error(
            Span::new(0, 0),
            format!("rule id `{id}` (the file name) must be kebab-case: a-z, 0-9 and -"),
            "in this file",
        ));
    }
    let check = Check::compile(file.check, ctx).map_err(|err| spec_error(source, &["check".into()], err))?;
    if check.has_own_fix() && file.fix.is_some() {
        let span = locate::locate(&source.text, &["fix".into()]);
        return Err(source.error(span, "a substitution brings its own rewrites; remove `fix`", "not allowed here"));
    }
    let category = file.category.or_else(|| source.folder().map(str::to_owned)).unwrap_or_else(|| "custom".to_owned());
    let scope = if file.scope.is_empty() { Scope::PROSE } else { Scope::of(&file.scope) };
    Ok(Rule {
        id: id.to_owned(),
        category,
        level: file.level,
        enabled: file.enabled,
        kinds: file.kinds,
        skip_kinds: file.skip_kinds,
        scope,
        summary: file.summary,
        message: file.message,
        label: file.label,
        why: file.why,
        help: file.help,
        check,
        fix: file.fix,
        rewrites: file.rewrites,
        examples: file.examples,
        pre_send: file.pre_send,
        source: source.path.clone(),
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use super::*;

    /// The file read from JSON and from YAML, both as `Debug` text.
    fn both<T: DeserializeOwned + Debug>(source: &Source) -> (String, String) {
        let json = source.json.unwrap_or_else(|| panic!("{}: no JSON form", source.path));
        let from_json: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("{}: JSON: {e}", source.path));
        let from_yaml: T = serde_yaml::from_str(&source.text).unwrap_or_else(|e| panic!("{}: YAML: {e}", source.path));
        (format!("{from_json:#?}"), format!("{from_yaml:#?}"))
    }

    #[test]
    fn builtin_json_reads_as_the_yaml_does() {
        for source in crate::rule::builtin::sources() {
            let (json, yaml) =
                if source.is_lexicon() { both::<LexiconFile>(&source) } else { both::<RuleFile>(&source) };
            assert_eq!(json, yaml, "{}", source.path);
        }
    }
}
