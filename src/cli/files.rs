//! Expanding the paths given on the command line into inputs: files as
//! given, folders walked in sorted order, hidden and build folders skipped.

use std::path::{Path, PathBuf};

use tact::input::InputFormat;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File { path: PathBuf, format: InputFormat },
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
pub fn expand(paths: &[PathBuf], forced: Option<InputFormat>) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) => problems.push(Problem { path: path.display().to_string(), message: describe(&err) }),
            Ok(meta) if meta.is_dir() => walk(path, forced, &mut inputs, &mut problems),
            Ok(_) => {
                let format = forced.or_else(|| InputFormat::from_path(path)).unwrap_or(InputFormat::Text);
                inputs.push(Input::File { path: path.clone(), format });
            }
        }
    }
    (inputs, problems)
}

fn walk(dir: &Path, forced: Option<InputFormat>, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
    let walker = walkdir::WalkDir::new(dir).sort_by_file_name().follow_links(true).into_iter().filter_entry(|e| {
        if e.depth() == 0 || !e.file_type().is_dir() {
            return true;
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
                    inputs.push(Input::File { path: path.to_owned(), format });
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

/// A plain description of an I/O error.
pub fn describe(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "is a folder".to_owned(),
        _ => err.to_string(),
    }
}
