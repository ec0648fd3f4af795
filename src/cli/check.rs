//! `tact check`: read inputs, lint them in parallel, fix if asked, print in
//! input order.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use tact::atomic::{Written, replace_if_unchanged};
use tact::config::{Resolver, Settings};
use tact::diagnostic::{Applicability, Level};
use tact::fix::fix_text;
use tact::input::{self, Document, InputFormat, Skip};
use tact::message::Message;
use tact::report::{Checked, Format, HumanOptions, InputError, Renderer, Totals};

use super::args::{CheckArgs, FormatArg};
use super::files::{Input, expand};
use super::{Outcome, stdout_error, use_color};

/// Files linted per parallel batch: bounds memory on huge runs.
const CHUNK: usize = 512;

/// What one input produced.
struct FileResult {
    checked: Vec<Checked>,
    /// Lines for stderr: skipped files, fixes not written.
    notes: Vec<String>,
    errors: Vec<InputError>,
    diff: Option<String>,
    /// Standard input fixed with `--fix`: the fixed text is the whole output.
    fixed_stdin: Option<String>,
    fail_level: Level,
}

impl FileResult {
    fn new(fail_level: Level) -> Self {
        Self { checked: vec![], notes: vec![], errors: vec![], diff: None, fixed_stdin: None, fail_level }
    }
}

pub fn run(args: &CheckArgs) -> Result<Outcome, tact::Error> {
    let resolver = Resolver::new(args.options(), args.config.clone(), args.isolated);
    // Fail early on a broken config or rule folder in the current folder.
    let cwd_settings = resolver.for_dir(Path::new("."))?;
    let (inputs, problems) = expand(&args.paths, args.input_format);
    if args.fix && inputs.contains(&Input::Stdin) && inputs.len() > 1 {
        return Err(tact::Error::Usage("--fix cannot mix standard input with files".to_owned()));
    }

    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
    };
    let human = HumanOptions { color: use_color(args.color, &io::stdout()), width: 100, quiet: args.quiet };
    let mut renderer = Renderer::new(format, cwd_settings.linter.rules(), human);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut totals = Totals::default();
    let mut errors: Vec<InputError> =
        problems.into_iter().map(|p| InputError { path: p.path, message: p.message }).collect();
    let mut failing = false;
    let mut filtered = false;

    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<Result<FileResult, tact::Error>> =
            chunk.par_iter().map(|input| check_input(input, args, &resolver)).collect();
        for result in results {
            let result = result?;
            for note in &result.notes {
                eprintln_safe(note);
            }
            if let Some(diff) = &result.diff {
                out.write_all(diff.as_bytes()).map_err(stdout_error)?;
                failing = true;
            }
            if let Some(fixed) = &result.fixed_stdin {
                // `--fix` on standard input prints the fixed text, as a filter would.
                out.write_all(fixed.as_bytes()).map_err(stdout_error)?;
                filtered = true;
                for checked in &result.checked {
                    failing |= checked.report.diagnostics.iter().any(|d| d.level >= result.fail_level);
                }
                continue;
            }
            if args.diff {
                // `--diff` shows what would change, nothing else.
                errors.extend(result.errors);
                continue;
            }
            for checked in &result.checked {
                totals.add(checked);
                failing |= checked.report.diagnostics.iter().any(|d| d.level >= result.fail_level);
                renderer.message(&mut out, checked).map_err(stdout_error)?;
            }
            errors.extend(result.errors);
        }
        out.flush().map_err(stdout_error)?;
    }
    totals.input_errors = errors.len();
    if args.diff || filtered {
        for e in &errors {
            eprintln_safe(&format!("error: {}: {}", e.path, e.message));
        }
        return Ok(if failing || !errors.is_empty() { Outcome::Findings } else { Outcome::Clean });
    }
    renderer.finish(&mut out, &totals, &errors).map_err(stdout_error)?;
    out.flush().map_err(stdout_error)?;
    Ok(if failing || !errors.is_empty() { Outcome::Findings } else { Outcome::Clean })
}

fn eprintln_safe(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

fn check_input(input: &Input, args: &CheckArgs, resolver: &Resolver) -> Result<FileResult, tact::Error> {
    let (path, shown, bytes, format) = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map_err(|e| tact::Error::io("<stdin>", e))?;
            let name = args.stdin_filename.clone();
            let format = args
                .input_format
                .or_else(|| name.as_deref().and_then(InputFormat::from_path))
                .unwrap_or(InputFormat::Text);
            let shown = name.as_ref().map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string());
            (name, shown, bytes, format)
        }
        Input::File { path, format } => {
            let shown = path.display().to_string();
            match std::fs::read(path) {
                Ok(bytes) => (Some(path.clone()), shown, bytes, *format),
                Err(err) => {
                    let error = InputError { path: shown, message: super::files::describe(&err) };
                    let mut result = FileResult::new(Level::Warning);
                    result.errors.push(error);
                    return Ok(result);
                }
            }
        }
    };
    let dir = path.as_deref().and_then(Path::parent).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let settings = resolver.for_dir(&dir)?;
    let mut result = FileResult::new(settings.fail_level);
    if bytes.is_empty() {
        result.notes.push(format!("{shown}: empty; nothing to check"));
        return Ok(result);
    }
    let documents = match input::read(&shown, bytes.clone(), format) {
        Ok(documents) => documents,
        Err(Skip::Binary) => {
            result.notes.push(format!("{shown}: binary file; skipped"));
            return Ok(result);
        }
        Err(Skip::Broken(message)) => {
            result.errors.push(InputError { path: shown, message });
            return Ok(result);
        }
    };
    let fixing = args.fix || args.diff;
    for document in documents {
        let checked = if fixing && document.fixable && document.record.is_none() {
            fix_document(document, args, &settings, path.as_deref(), &bytes, &mut result)
        } else {
            lint_document(document, &settings, path.as_deref())
        };
        result.checked.push(checked);
    }
    Ok(result)
}

fn lint_document(document: Document, settings: &Arc<Settings>, path: Option<&Path>) -> Checked {
    let mut message = Message::new(document.text, document.format);
    for note in document.notes {
        message.add_note(tact::Span::empty(0), note);
    }
    let kind = settings.kind_for(path).or(document.kind);
    let report = settings.linter.lint(&message, kind);
    Checked { path: document.path, record: document.record, message, report }
}

fn fix_document(
    document: Document,
    args: &CheckArgs,
    settings: &Arc<Settings>,
    path: Option<&Path>,
    original: &[u8],
    result: &mut FileResult,
) -> Checked {
    let threshold = if args.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
    let kind = settings.kind_for(path).or_else(|| document.kind.clone());
    let fixed = fix_text(&settings.linter, &document.text, document.format, kind, threshold, &|_| true);
    if !fixed.converged {
        result.notes.push(format!(
            "{}: fixes did not settle after {} rounds; please report this",
            document.path,
            tact::fix::MAX_ROUNDS
        ));
    }
    if path.is_none() && args.fix && !args.diff {
        result.fixed_stdin = Some(fixed.text.clone());
    } else if fixed.text != document.text {
        if args.diff {
            result.diff = Some(unified_diff(&document.path, &document.text, &fixed.text));
        } else if let Some(path) = path {
            match replace_if_unchanged(path, original, fixed.text.as_bytes()) {
                Ok(Written::Done) => result.notes.push(format!(
                    "{}: applied {} fix{}",
                    document.path,
                    fixed.applied,
                    if fixed.applied == 1 { "" } else { "es" }
                )),
                Ok(Written::ChangedMeanwhile) => {
                    result.notes.push(format!("{}: changed while tact was checking it; not written", document.path))
                }
                Err(err) => result
                    .errors
                    .push(InputError { path: document.path.clone(), message: format!("could not write fixes: {err}") }),
            }
        }
    }
    // Report what is left (after writing), or what is there (with --diff).
    let text = if args.diff { document.text } else { fixed.text };
    lint_document(Document { text, ..document }, settings, path)
}

fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after).unified_diff().context_radius(2).header(path, path).to_string()
}
