//! Expanding the paths given on the command line into inputs: files as
//! given, folders walked in sorted order, hidden and build folders skipped,
//! `--include` / `--exclude` globs applied to what the walk finds.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use tact::input::InputFormat;

/// `--include` and `--exclude`, compiled.
#[derive(Debug, Default)]
pub struct Filter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Filter {
    /// Compile the globs.
    ///
    /// # Errors
    /// A usage error naming the glob that does not parse.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Self, tact::Error> {
        fn set(globs: &[String], flag: &str) -> Result<Option<GlobSet>, tact::Error> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut builder = GlobSetBuilder::new();
            for glob in globs {
                builder.add(Glob::new(glob).map_err(|e| tact::Error::Usage(format!("{flag} `{glob}`: {e}")))?);
            }
            builder.build().map(Some).map_err(|e| tact::Error::Usage(format!("{flag}: {e}")))
        }
        Ok(Self { include: set(include, "--include")?, exclude: set(exclude, "--exclude")? })
    }

    /// Whether `relative` (a path below a walked folder) or its name matches `set`.
    fn matches(set: &GlobSet, relative: &Path) -> bool {
        set.is_match(relative) || relative.file_name().is_some_and(|name| set.is_match(name))
    }

    fn excluded(&self, relative: &Path) -> bool {
        self.exclude.as_ref().is_some_and(|set| Self::matches(set, relative))
    }

    fn included(&self, relative: &Path) -> bool {
        self.include.as_ref().is_none_or(|set| Self::matches(set, relative))
    }
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    /// A file; `named` when given on the command line rather than found
    /// in a folder.
    File {
        path: PathBuf,
        format: InputFormat,
        named: bool,
    },
}

/// A path that could not be expanded.
#[derive(Debug, Clone)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

const SKIPPED_DIRS: &[&str] = &["target", "node_modules", "__pycache__", "venv"];

/// Expand `paths` into inputs, in order. Files given by name are read even
/// with an unknown extension (as plain text); files found in folders only
/// when their extension is one tact reads.
pub fn expand(paths: &[PathBuf], forced: Option<InputFormat>, filter: &Filter) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) => problems.push(Problem { path: path.display().to_string(), message: describe(&err) }),
            Ok(meta) if meta.is_dir() => walk(path, forced, filter, &mut inputs, &mut problems),
            Ok(_) => {
                let format = forced.or_else(|| InputFormat::from_path(path)).unwrap_or(InputFormat::Text);
                inputs.push(Input::File { path: path.clone(), format, named: true });
            }
        }
    }
    (inputs, problems)
}

fn walk(
    dir: &Path,
    forced: Option<InputFormat>,
    filter: &Filter,
    inputs: &mut Vec<Input>,
    problems: &mut Vec<Problem>,
) {
    let walker = walkdir::WalkDir::new(dir).sort_by_file_name().follow_links(true).into_iter().filter_entry(|e| {
        if e.depth() == 0 {
            return true;
        }
        let relative = e.path().strip_prefix(dir).unwrap_or(e.path());
        if filter.excluded(relative) {
            return false;
        }
        if !e.file_type().is_dir() {
            return filter.included(relative);
        }
        let name = e.file_name().to_string_lossy();
        !name.starts_with('.') && !SKIPPED_DIRS.contains(&name.as_ref())
    });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let path = entry.path();
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if let (false, Some(format)) = (hidden, forced.or_else(|| InputFormat::from_path(path))) {
                    inputs.push(Input::File { path: path.to_owned(), format, named: false });
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                let message = if err.loop_ancestor().is_some() {
                    "symbolic link loop; skipped".to_owned()
                } else {
                    err.io_error().map_or_else(|| err.to_string(), describe)
                };
                problems.push(Problem { path, message });
            }
        }
    }
}

/// `inputs` without the `--output` file: one found in a folder is left out
/// (it is the last run's report), one named on the command line is an error.
///
/// # Errors
/// A usage error when a named input is the output file.
pub fn without_output(inputs: Vec<Input>, output: Option<&Path>) -> Result<Vec<Input>, tact::Error> {
    let Some(output) = output.and_then(|p| std::fs::canonicalize(p).ok()) else { return Ok(inputs) };
    let mut kept = Vec::with_capacity(inputs.len());
    for input in inputs {
        if let Input::File { path, named, .. } = &input
            && std::fs::canonicalize(path).is_ok_and(|p| p == output)
        {
            if *named {
                return Err(tact::Error::Usage(format!(
                    "--output {} is also an input: the report would replace it",
                    path.display()
                )));
            }
            continue;
        }
        kept.push(input);
    }
    Ok(kept)
}

/// A plain description of an I/O error.
pub fn describe(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "is a folder".to_owned(),
        _ => err.to_string(),
    }
}
