//! `tact check`: read inputs, lint them in parallel, fix if asked, print in
//! input order; summarise and write an HTML report on request.
//!
//! Files are read in parallel a chunk at a time, and every message they hold
//! (a draft, a CSV row, an mbox message) is linted in parallel a chunk at a
//! time, then printed on this thread in input order, so memory is bounded by
//! the chunk, not the run. A file or record that cannot be read becomes an
//! input error for it and the run goes on. JSON lines on standard input are
//! a streaming filter: one result line per input line (an error object for a
//! blank or invalid one, a skip object for one `--from` leaves out), written
//! as it is read. A long run over files shows a progress line on a terminal
//! (`progress.rs`), cleared around each write.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use tact::Workload;
use tact::atomic::{NewFile, Written, replace_if_unchanged};
use tact::config::{Resolver, Settings};
use tact::diagnostic::{Applicability, Level};
use tact::fix::fix_text;
use tact::input::{self, Document, InputFormat, JsonLine, ReadOptions, Skip};
use tact::message::{Kind, KindSource, Message};
use tact::report::{Audit, Checked, Format, HumanOptions, InputError, Renderer, SummaryOptions, Totals, html};

use super::args::ColorArg;
use super::args::{CheckArgs, FormatArg};
use super::files::{Filter, Input, expand, without_output};
use super::output::{self, Sink};
use super::progress::Progress;
use super::{Outcome, use_color};

/// Files read per parallel batch.
const FILES_PER_CHUNK: usize = 256;
/// Messages linted per parallel batch: bounds memory on huge runs.
const MESSAGES_PER_CHUNK: usize = 1024;

/// Why a JSON line `--from` leaves out is not checked (its `skipped` line).
const NOT_FROM: &str = "not sent by the --from sender";

/// One message to lint, with what linting it needs.
struct Work {
    document: Document,
    settings: Arc<Settings>,
    /// The file, when there is one (not for standard input).
    path: Option<PathBuf>,
    /// The kind settings give the file, looked up once per file.
    kind: Option<(Kind, KindSource)>,
    /// The file's bytes, kept only when fixes may be written back.
    original: Option<Arc<Vec<u8>>>,
}

/// What reading an input produced, in order.
enum Item {
    Check(Box<Work>),
    Error(InputError),
    /// A line for stderr: a skipped file, a remark about a file.
    Note(String),
    /// A binary file met while walking a folder: counted, not checked.
    Binary(String),
}

/// What linting one message produced.
struct Done {
    checked: Checked,
    side: Side,
    fail_level: Level,
}

/// What fixing a message produced besides the message.
#[derive(Default)]
struct Side {
    /// Lines for stderr: fixes applied or not written.
    notes: Vec<String>,
    errors: Vec<InputError>,
    diff: Option<String>,
    /// Standard input fixed with `--fix`: the fixed text is the whole output.
    fixed_stdin: Option<String>,
    /// Findings `--fix` would fix in a file it cannot write back (decoded
    /// text: csv, mbox, eml, html, jsonl, UTF-16).
    unfixed: usize,
}

enum Output {
    Done(Box<Done>),
    Error(InputError),
    Note(String),
    Binary(String),
}

/// The state of one run: where output goes and what was seen.
struct Run<'a> {
    args: &'a CheckArgs,
    resolver: &'a Resolver,
    read_options: ReadOptions,
    renderer: Renderer<'a>,
    out: io::BufWriter<Sink>,
    /// How write errors name the output: `<stdout>` or the `--output` file.
    out_name: String,
    totals: Totals,
    errors: Vec<InputError>,
    failing: bool,
    /// Standard input was fixed and printed: no report follows.
    filtered: bool,
    audit: Option<Audit>,
    /// Standard input, when it was read before the rules compiled.
    piped: Option<Vec<u8>>,
    /// Binary files met while walking folders, skipped.
    binary: Vec<String>,
    /// Findings `--fix` could not fix (decoded text), and in how many files.
    unfixed: (usize, Vec<String>),
    /// The progress line on standard error, for long runs.
    progress: Progress,
}

pub fn run(args: &CheckArgs) -> Result<Outcome, tact::Error> {
    let started = Instant::now();
    let batch = &args.batch;
    if batch.summary && !matches!(args.format, FormatArg::Human | FormatArg::Concise | FormatArg::Json) {
        return Err(tact::Error::Usage(
            "--summary prints for a terminal or as JSON: use --format human or json".into(),
        ));
    }
    let filter = Filter::new(&batch.include, &batch.exclude)?;
    let (inputs, problems) = expand(&args.paths, args.input_format, &filter);
    let inputs = without_output(inputs, args.output.as_deref())?;
    // One message piped in is read before the rules compile, so that a
    // draft is checked as a draft. (Not from a terminal: a broken config
    // should not wait for someone to finish typing.)
    let piped = match inputs.as_slice() {
        [Input::Stdin] if !stdin_format(args).has_records() && !io::stdin().is_terminal() => {
            Some(read_stdin(batch.max_file_size)?)
        }
        _ => None,
    };
    let workload = workload(&inputs, piped.as_ref().map(Vec::len));
    let resolver = Resolver::new(args.options(), args.config.clone(), args.isolated).for_workload(workload);
    // Fail early on a broken config or rule folder in the current folder.
    let cwd_settings = resolver.for_dir(Path::new("."))?;
    if args.fix && inputs.contains(&Input::Stdin) && inputs.len() > 1 {
        return Err(tact::Error::Usage("--fix cannot mix standard input with files".to_owned()));
    }

    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    // A report written to a file has colour only when asked for.
    let color =
        if args.output.is_some() { args.color == ColorArg::Always } else { use_color(args.color, &io::stdout()) };
    let human = HumanOptions { color, width: 100, quiet: args.quiet };
    let audit = (batch.summary || batch.report.is_some())
        .then(|| Audit::new(SummaryOptions { keep_messages: batch.report.is_some(), ..SummaryOptions::default() }));
    let mut run = Run {
        args,
        resolver: &resolver,
        read_options: batch.read_options(),
        renderer: Renderer::new(format, cwd_settings.linter.rules(), human),
        out: io::BufWriter::new(Sink::open(args.output.as_deref())?),
        out_name: args.output.as_ref().map_or_else(|| "<stdout>".to_owned(), |p| p.display().to_string()),
        totals: Totals::default(),
        errors: Vec::new(),
        failing: false,
        filtered: false,
        audit,
        piped,
        binary: Vec::new(),
        unfixed: (0, Vec::new()),
        progress: Progress::new(shows_progress(args, &inputs), inputs.len()),
    };
    for p in problems {
        run.error(InputError::new(p.path, p.message))?;
    }
    let mut files: Vec<&Input> = Vec::new();
    for input in &inputs {
        match input {
            Input::Stdin => {
                run.files(&files)?;
                files.clear();
                run.stdin()?;
            }
            Input::File { .. } => {
                files.push(input);
                if files.len() == FILES_PER_CHUNK {
                    run.files(&files)?;
                    files.clear();
                }
            }
        }
    }
    run.files(&files)?;
    let outcome = run.finish(started);
    // The process exits next: freeing every compiled rule and pattern one by
    // one would cost a one-draft run a tenth of its time.
    std::mem::forget(cwd_settings);
    std::mem::forget(resolver);
    outcome
}

/// Whether the run may show a progress line: files to read (standard input
/// streams), a report for people, not `--quiet`, and a terminal to show it
/// on. (It appears only if the run lasts; see `progress.rs`.)
fn shows_progress(args: &CheckArgs, inputs: &[Input]) -> bool {
    !args.quiet
        && matches!(args.format, FormatArg::Human | FormatArg::Concise)
        && !inputs.is_empty()
        && !inputs.contains(&Input::Stdin)
        && io::stderr().is_terminal()
}

/// A draft when the run checks one small message, from one file or piped
/// in (`piped`: its length, read already); a batch otherwise.
fn workload(inputs: &[Input], piped: Option<usize>) -> Workload {
    let small = |len: u64| len <= Workload::DRAFT_LIMIT;
    match inputs {
        [Input::File { path, format, .. }]
            if !format.has_records() && std::fs::metadata(path).is_ok_and(|m| small(m.len())) =>
        {
            Workload::Draft
        }
        [Input::Stdin] if piped.is_some_and(|len| small(len as u64)) => Workload::Draft,
        _ => Workload::Batch,
    }
}

/// The format of standard input: `--input-format`, or the one the
/// `--stdin-filename` names, or plain text.
fn stdin_format(args: &CheckArgs) -> InputFormat {
    let named = args.stdin_filename.as_deref().and_then(InputFormat::from_path);
    args.input_format.or(named).unwrap_or(InputFormat::Text)
}

/// Standard input, whole, up to one byte over `limit` (so that an input
/// over it can be told from one that fits).
fn read_stdin(limit: u64) -> Result<Vec<u8>, tact::Error> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| tact::Error::io("<stdin>", e))?;
    Ok(bytes)
}

impl Run<'_> {
    /// Read `files` in parallel, then lint what they hold.
    fn files(&mut self, files: &[&Input]) -> Result<(), tact::Error> {
        if files.is_empty() {
            return Ok(());
        }
        let (args, resolver, options) = (self.args, self.resolver, &self.read_options);
        let read: Vec<Result<Vec<Item>, tact::Error>> =
            files.par_iter().map(|input| read_file(input, args, resolver, options)).collect();
        let mut items = Vec::new();
        for r in read {
            items.extend(r?);
        }
        self.items(items)?;
        self.progress.advance(files.len(), 0);
        Ok(())
    }

    /// Lint the messages among `items` in parallel, a chunk at a time, and
    /// write everything in order.
    fn items(&mut self, mut items: Vec<Item>) -> Result<(), tact::Error> {
        let args = self.args;
        while !items.is_empty() {
            let chunk: Vec<Item> = items.drain(..items.len().min(MESSAGES_PER_CHUNK)).collect();
            let outputs: Vec<Output> = chunk
                .into_par_iter()
                .map(|item| match item {
                    Item::Check(work) => Output::Done(Box::new(lint_work(*work, args))),
                    Item::Error(e) => Output::Error(e),
                    Item::Note(n) => Output::Note(n),
                    Item::Binary(b) => Output::Binary(b),
                })
                .collect();
            let messages = outputs.iter().filter(|o| matches!(o, Output::Done(_))).count();
            let progress = self.progress.clone();
            progress.suspend(|| {
                for output in outputs {
                    self.emit(output)?;
                }
                self.out.flush().map_err(output::error(&self.out_name))
            })?;
            self.progress.advance(0, messages);
        }
        Ok(())
    }

    fn emit(&mut self, output: Output) -> Result<(), tact::Error> {
        match output {
            Output::Note(note) => eprintln_safe(&note),
            Output::Binary(path) => self.binary.push(path),
            Output::Error(e) => self.error(e)?,
            Output::Done(done) => {
                let Done { checked, side: Side { notes, errors, diff, fixed_stdin, unfixed }, fail_level } = *done;
                if unfixed > 0 {
                    self.unfixed.0 += unfixed;
                    if self.unfixed.1.last() != Some(&checked.path) {
                        self.unfixed.1.push(checked.path.clone());
                    }
                }
                for note in &notes {
                    eprintln_safe(note);
                }
                if let Some(diff) = &diff {
                    self.out.write_all(diff.as_bytes()).map_err(output::error(&self.out_name))?;
                    self.failing = true;
                }
                if let Some(fixed) = &fixed_stdin {
                    // `--fix` on standard input prints the fixed text, as a filter would.
                    self.out.write_all(fixed.as_bytes()).map_err(output::error(&self.out_name))?;
                    self.filtered = true;
                    self.failing |= checked.report.diagnostics.iter().any(|d| d.level >= fail_level);
                    self.errors.extend(errors);
                    return Ok(());
                }
                if self.args.diff {
                    // `--diff` shows what would change, nothing else.
                    self.errors.extend(errors);
                    return Ok(());
                }
                self.totals.add(&checked);
                let report = &checked.report;
                let batch = &self.args.batch;
                if let Some(floor) = batch.fail_under {
                    self.failing |= report.score.value < floor;
                }
                if batch.fail_under.is_none() || self.args.fail_level.is_some() {
                    self.failing |= report.diagnostics.iter().any(|d| d.level >= fail_level);
                }
                if let Some(audit) = &mut self.audit {
                    audit.add(&checked, self.renderer.rules());
                }
                if !batch.summary {
                    self.renderer.message(&mut self.out, &checked).map_err(output::error(&self.out_name))?;
                }
                for e in errors {
                    self.error(e)?;
                }
            }
        }
        Ok(())
    }

    fn error(&mut self, error: InputError) -> Result<(), tact::Error> {
        if !self.args.batch.summary {
            self.renderer.error(&mut self.out, &error).map_err(output::error(&self.out_name))?;
        }
        self.errors.push(error);
        Ok(())
    }

    /// Standard input: JSON lines stream through one line at a time; any
    /// other format is read whole.
    fn stdin(&mut self) -> Result<(), tact::Error> {
        let args = self.args;
        let name = args.stdin_filename.clone();
        let format = stdin_format(args);
        let shown = name.as_ref().map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string());
        let dir = name.as_deref().and_then(Path::parent).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let settings = self.resolver.for_dir(&dir)?;
        let limit = args.batch.max_file_size;
        if format == InputFormat::Jsonl {
            let stdin = io::stdin();
            let mut reader = stdin.lock();
            let mut line = Vec::new();
            for number in 1.. {
                line.clear();
                let read = (&mut reader)
                    .take(limit.saturating_add(1))
                    .read_until(b'\n', &mut line)
                    .map_err(|e| tact::Error::io("<stdin>", e))?;
                if read == 0 {
                    break;
                }
                if line.len() as u64 > limit {
                    // Skip the rest of an overlong line.
                    let mut rest = Vec::new();
                    if !line.ends_with(b"\n") {
                        reader.read_until(b'\n', &mut rest).map_err(|e| tact::Error::io("<stdin>", e))?;
                    }
                    let mut e =
                        InputError::new(&shown, format!("line over the --max-file-size limit of {}", size(limit)));
                    e.record = Some(input::Record::new(format!("line {number}"), None));
                    self.error(e)?;
                    continue;
                }
                let text = String::from_utf8_lossy(&line);
                match input::parse_jsonl_line(&shown, number, &text, &self.read_options) {
                    Ok(JsonLine::Message(document)) => {
                        let work = Work {
                            document: *document,
                            settings: Arc::clone(&settings),
                            path: None,
                            kind: settings.kind_for(None),
                            original: None,
                        };
                        self.emit(Output::Done(Box::new(lint_work(work, args))))?;
                    }
                    // Every line gets an answer, so that output line N is input line N.
                    Ok(JsonLine::Blank) => {
                        let mut e = InputError::new(&shown, "blank line: expected a JSON object");
                        e.record = Some(input::Record::new(format!("line {number}"), None));
                        self.error(e)?;
                    }
                    Ok(JsonLine::NotFrom(record)) => {
                        self.renderer
                            .skipped(&mut self.out, &shown, &record, NOT_FROM)
                            .map_err(output::error(&self.out_name))?;
                    }
                    Err(problem) => {
                        let mut e = InputError::new(&shown, problem.message);
                        e.record = problem.record;
                        self.error(e)?;
                    }
                }
                self.out.flush().map_err(output::error(&self.out_name))?;
            }
            return Ok(());
        }
        let bytes = match self.piped.take() {
            Some(bytes) => bytes,
            None => read_stdin(limit)?,
        };
        if bytes.len() as u64 > limit {
            return self.error(InputError::new(shown, over_limit(limit)));
        }
        let items = parse(&shown, None, true, bytes, format, args, &settings, &self.read_options);
        self.items(items)
    }

    /// The outcome of the run: every input checked or not, findings or not.
    fn outcome(&self) -> Outcome {
        if !self.errors.is_empty() || self.totals.messages == 0 && !self.filtered && !self.args.diff {
            Outcome::Incomplete
        } else if self.failing {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }

    /// Warnings for stderr about what was not checked or not fixed.
    fn warn_unchecked(&self) {
        if let (n @ 1.., files) = (self.unfixed.0, &self.unfixed.1) {
            eprintln_safe(&format!(
                "note: {n} fixable finding{} in {} not fixed: fixes are not applied inside csv, mbox, eml, \
                 html or jsonl files (or UTF-16 text); edit the source the messages came from",
                if n == 1 { "" } else { "s" },
                match files.as_slice() {
                    [one] => one.clone(),
                    many => format!("{} files", many.len()),
                }
            ));
        }
        if let [first, rest @ ..] = self.binary.as_slice() {
            let others = match rest.len() {
                0 => String::new(),
                1 => " and 1 other".to_owned(),
                n => format!(" and {n} others"),
            };
            eprintln_safe(&format!(
                "warning: skipped {} binary file{} ({first}{others}); tact checks text",
                self.binary.len(),
                if self.binary.len() == 1 { "" } else { "s" }
            ));
        }
        if self.totals.messages == 0 && !self.filtered && !self.args.diff {
            let why = if self.errors.is_empty() {
                "no input held a message (empty files, binary files, or none matched)"
            } else {
                "no input could be read"
            };
            eprintln_safe(&format!("warning: nothing was checked: {why}"));
        }
    }

    /// Flush the report and, written to a file, put it in place.
    fn commit(&mut self) -> Result<(), tact::Error> {
        self.out.flush().map_err(output::error(&self.out_name))?;
        self.out.get_mut().commit().map_err(output::error(&self.out_name))
    }

    fn finish(mut self, started: Instant) -> Result<Outcome, tact::Error> {
        self.progress.finish();
        self.totals.input_errors = self.errors.len();
        if self.args.diff || self.filtered {
            self.commit()?;
            for e in &self.errors {
                eprintln_safe(&format!("error: {}: {}", e.name(), e.message));
            }
            self.warn_unchecked();
            return Ok(self.outcome());
        }
        let batch = &self.args.batch;
        let binary = self.binary.len();
        let summary = self.audit.take().map(|audit| audit.finish(&self.errors, started.elapsed())).map(|mut s| {
            s.binary_skipped = binary;
            s
        });
        match &summary {
            Some(summary) if batch.summary => {
                if self.args.format == FormatArg::Json {
                    serde_json::to_writer_pretty(&mut self.out, summary)
                        .map_err(|e| output::error(&self.out_name)(e.into()))?;
                    writeln!(self.out).map_err(output::error(&self.out_name))?;
                } else {
                    summary.write_text(&mut self.out, &self.errors).map_err(output::error(&self.out_name))?;
                }
            }
            _ => self
                .renderer
                .finish(&mut self.out, &self.totals, &self.errors)
                .map_err(output::error(&self.out_name))?,
        }
        self.commit()?;
        if let (Some(summary), Some(path)) = (&summary, &batch.report) {
            let page = html::render(summary, "tact report");
            let shown = path.display().to_string();
            let mut file = NewFile::create(path).map_err(|e| tact::Error::io(&shown, e))?;
            file.write_all(page.as_bytes()).and_then(|()| file.commit()).map_err(|e| tact::Error::io(&shown, e))?;
            eprintln_safe(&format!("wrote {}", path.display()));
        }
        self.warn_unchecked();
        Ok(self.outcome())
    }
}

fn eprintln_safe(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{}G", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{}M", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{}K", b >> 10),
        b => format!("{b} bytes"),
    }
}

fn over_limit(limit: u64) -> String {
    format!("larger than the --max-file-size limit of {}; skipped (raise the limit to check it)", size(limit))
}

/// Read one file into items: its messages, its problems, remarks about it.
fn read_file(
    input: &Input,
    args: &CheckArgs,
    resolver: &Resolver,
    options: &ReadOptions,
) -> Result<Vec<Item>, tact::Error> {
    let Input::File { path, format, named } = input else { return Ok(Vec::new()) };
    let shown = path.display().to_string();
    let limit = args.batch.max_file_size;
    let bytes = match read_limited(path, limit) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(vec![Item::Error(InputError::new(shown, over_limit(limit)))]),
        Err(err) => return Ok(vec![Item::Error(InputError::new(shown, super::files::describe(&err)))]),
    };
    let dir = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let settings = resolver.for_dir(&dir)?;
    Ok(parse(&shown, Some(path), *named, bytes, *format, args, &settings, options))
}

/// The file's bytes, or `None` when it is larger than `limit`.
fn read_limited(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > limit {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Parse an input's bytes into items; `named` when the input was named on
/// the command line (a binary file named is an error, one met in a folder
/// is counted).
#[allow(clippy::too_many_arguments)]
fn parse(
    shown: &str,
    path: Option<&Path>,
    named: bool,
    bytes: Vec<u8>,
    format: InputFormat,
    args: &CheckArgs,
    settings: &Arc<Settings>,
    options: &ReadOptions,
) -> Vec<Item> {
    if bytes.is_empty() {
        return vec![Item::Note(format!("{shown}: empty; nothing to check"))];
    }
    let original = (args.fix || args.diff).then(|| Arc::new(bytes.clone()));
    let parsed = match input::read_with(shown, bytes, format, options) {
        Ok(parsed) => parsed,
        Err(Skip::Binary) if named => {
            return vec![Item::Error(InputError::new(
                shown,
                "binary file: tact checks text (UTF-8 or UTF-16 with a BOM)",
            ))];
        }
        Err(Skip::Binary) => return vec![Item::Binary(shown.to_owned())],
        Err(Skip::Broken(message)) => return vec![Item::Error(InputError::new(shown, message))],
    };
    let mut items: Vec<Item> = parsed.notes.into_iter().map(|n| Item::Note(format!("{shown}: {n}"))).collect();
    let kind = settings.kind_for(path);
    items.extend(parsed.documents.into_iter().map(|document| {
        Item::Check(Box::new(Work {
            document,
            settings: Arc::clone(settings),
            path: path.map(Path::to_path_buf),
            kind: kind.clone(),
            original: original.clone(),
        }))
    }));
    items.extend(parsed.problems.into_iter().map(|p| {
        let mut e = InputError::new(shown, p.message);
        e.record = p.record;
        Item::Error(e)
    }));
    items
}

fn lint_work(work: Work, args: &CheckArgs) -> Done {
    let Work { document, settings, path, kind, original } = work;
    let mut side = Side::default();
    let fixing = args.fix || args.diff;
    let checked = match original {
        Some(original) if fixing && document.fixable && document.record.is_none() => {
            fix_document(document, args, &settings, path.as_deref(), kind, &original, &mut side)
        }
        _ => {
            let in_file = args.fix && !args.diff && path.is_some();
            let (checked, unfixed) = lint_document(document, &settings, kind, threshold(args));
            if in_file {
                side.unfixed = unfixed;
            }
            checked
        }
    };
    Done { checked, side, fail_level: settings.fail_level }
}

/// The least applicability `--fix` applies.
fn threshold(args: &CheckArgs) -> Applicability {
    if args.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe }
}

/// Lint one document; `kind` is what settings say for its file. Also
/// returns how many findings had a rewrite `--fix` would apply at
/// `threshold` but cannot, the text not being the file's own bytes.
fn lint_document(
    document: Document,
    settings: &Arc<Settings>,
    kind: Option<(Kind, KindSource)>,
    threshold: Applicability,
) -> (Checked, usize) {
    let mut message = Message::new(document.text, document.format);
    for note in document.notes {
        message.add_note(tact::Span::empty(0), note);
    }
    for exception in document.exceptions {
        message.add_exception(exception);
    }
    let kind = kind.or(document.kind);
    let mut report = settings.linter.lint(&message, kind);
    let mut unfixed = 0;
    if !document.fixable {
        unfixed = report.diagnostics.iter().filter(|d| d.rewrites.iter().any(|r| r.applicability >= threshold)).count();
        // Decoded text (CSV cells, emails, HTML, replaced bytes) cannot be
        // written back: rewrites are suggestions only.
        for rewrite in report.diagnostics.iter_mut().flat_map(|d| d.rewrites.iter_mut()) {
            rewrite.applicability = Applicability::DisplayOnly;
        }
    }
    let mut checked = Checked::new(document.path, document.record, message, report);
    checked.origin = document.origin;
    (checked, unfixed)
}

fn fix_document(
    document: Document,
    args: &CheckArgs,
    settings: &Arc<Settings>,
    path: Option<&Path>,
    kind: Option<(Kind, KindSource)>,
    original: &[u8],
    result: &mut Side,
) -> Checked {
    let threshold = threshold(args);
    let fix_kind = kind.clone().or_else(|| document.kind.clone());
    let fixed = fix_text(&settings.linter, &document.text, document.format, fix_kind, threshold, &|_| true);
    if !fixed.converged {
        result.notes.push(format!(
            "{}: fixes did not settle after {} rounds; please report this",
            document.path,
            tact::fix::MAX_ROUNDS
        ));
    }
    let mut written = false;
    if path.is_none() && args.fix && !args.diff {
        result.fixed_stdin = Some(fixed.text.clone());
    } else if fixed.text != document.text {
        if args.diff {
            result.diff = Some(unified_diff(&document.path, &document.text, &fixed.text));
        } else if let Some(path) = path {
            // A UTF-8 byte order mark was stripped on reading: put it back.
            let bom = if original.starts_with(input::UTF8_BOM) { input::UTF8_BOM } else { &[] };
            let bytes = [bom, fixed.text.as_bytes()].concat();
            match replace_if_unchanged(path, original, &bytes) {
                Ok(Written::Done) => {
                    written = true;
                    result.notes.push(format!(
                        "{}: applied {} fix{}",
                        document.path,
                        fixed.applied,
                        if fixed.applied == 1 { "" } else { "es" }
                    ));
                }
                Ok(Written::ChangedMeanwhile) => {
                    result.notes.push(format!("{}: changed while tact was checking it; not written", document.path));
                }
                Ok(Written::ReadOnly) => result.errors.push(InputError::new(
                    document.path.clone(),
                    "read-only file: fixes not written (make it writable)",
                )),
                Err(err) => {
                    result.errors.push(InputError::new(document.path.clone(), format!("could not write fixes: {err}")))
                }
            }
        }
    }
    // Report what is left (after writing), or what is there (with --diff,
    // or when nothing was written).
    let text = if written || (path.is_none() && !args.diff) { fixed.text } else { document.text };
    lint_document(Document { text, ..document }, settings, kind, threshold).0
}

fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after).unified_diff().context_radius(2).header(path, path).to_string()
}
