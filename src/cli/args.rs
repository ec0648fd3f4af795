//! Command-line syntax (clap). No I/O and no defaults resolved here: see
//! `config::Options` for how flags layer over `.tact.yml`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use tact::config::Options;
use tact::diagnostic::Level;
use tact::eval::Floor;
use tact::eval::split::SplitChoice;
use tact::input::{InputFormat, ReadOptions};
use tact::message::Kind;

/// tact: lint outreach messages before they cost you the relationship.
#[derive(Debug, Parser)]
#[command(name = "tact", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts, templates and exports; print findings, scores and rewrites.
    Check(Box<CheckArgs>),
    /// Explain a rule: why it matters, examples, better ways to write it.
    Explain(ExplainArgs),
    /// List or test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Measure tact's judgement on labelled messages: AUC, rule precision and recall.
    Eval(EvalArgs),
    /// Write a commented starter `.tact.yml` in the current folder.
    Init(InitArgs),
    /// Run the language server (for editors) over standard input and output.
    Lsp(LspArgs),
    /// Print a completion script for a shell: bash, zsh, fish, powershell or elvish.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `tact man > tact.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads standard input.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    /// Apply safe rewrites to the files in place.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, also apply unsafe rewrites (they change meaning or tone).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Show the rewrites --fix would make as a diff, without writing.
    #[arg(long)]
    pub diff: bool,

    /// Lint every message as this kind instead of inferring it.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// Read inputs as this format whatever their extension.
    #[arg(long, value_parser = parse_input_format)]
    pub input_format: Option<InputFormat>,
    /// Pre-send mode: unfilled placeholders and empty subjects are errors.
    #[arg(long)]
    pub pre_send: bool,

    /// Run only these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,
    /// Also run these rules or categories, including ones off by default.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Option<Vec<String>>,
    /// Skip these rules or categories.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Option<Vec<String>>,
    /// Add a folder of rules (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,

    /// Use this config file instead of looking for `.tact.yml`.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every config file.
    #[arg(long)]
    pub isolated: bool,

    /// Exit 1 when a finding is at this level or above.
    #[arg(long, value_enum)]
    pub fail_level: Option<LevelArg>,
    /// The name standard input is checked as (for config, kind globs and format).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Print findings only: no scores, no totals, no progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Write the report to this file instead of standard output (replaced
    /// whole when the run ends; notes and errors still go to standard error).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    #[command(flatten)]
    pub batch: BatchArgs,
}

/// Batch audits: which files, how to read records, what to report.
#[derive(Debug, Args)]
#[command(next_help_heading = "Batch audits")]
pub struct BatchArgs {
    /// Print a summary instead of each finding: scores, lowest scores first,
    /// findings per rule, near-duplicate templates (JSON with --format json).
    #[arg(long)]
    pub summary: bool,
    /// Also write a self-contained HTML report to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Exit 1 when any message scores below this (0-100).
    #[arg(long, value_name = "SCORE", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub fail_under: Option<u32>,
    /// In folders, check only files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// In folders, skip files and folders matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// CSV: the column holding the subject (name or 1-based number).
    #[arg(long, value_name = "COLUMN")]
    pub subject_col: Option<String>,
    /// CSV: the column holding the body (name or 1-based number).
    #[arg(long, value_name = "COLUMN")]
    pub body_col: Option<String>,
    /// Check only messages sent by this name, address or profile URL
    /// (CSV, LinkedIn exports, mbox, JSON lines).
    #[arg(long, value_name = "NAME|URL")]
    pub from: Option<String>,
    /// Refuse files larger than this (e.g. 500K, 64M, 1G).
    #[arg(long, value_name = "SIZE", default_value = "100M", value_parser = parse_size)]
    pub max_file_size: u64,
}

impl BatchArgs {
    /// How to read record formats.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions { subject_col: self.subject_col.clone(), body_col: self.body_col.clone(), from: self.from.clone() }
    }
}

impl CheckArgs {
    /// The options these flags set, to layer over `.tact.yml`.
    pub fn options(&self) -> Options {
        Options {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            levels: None,
            rules: (!self.rule_dirs.is_empty()).then(|| self.rule_dirs.clone()),
            kind: self.kind,
            kinds: None,
            pre_send: self.pre_send.then_some(true),
            fail_level: self.fail_level.map(LevelArg::level),
        }
    }
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id (`tact rules list` shows them).
    pub rule: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Add a folder of rules (to explain user rules).
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the rules: id, level, category, whether --fix can fix it.
    List(ListArgs),
    /// Run the examples in a folder of rules as tests.
    Test(TestArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Add a folder of rules.
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// The folder of rules to test.
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A labelled set: a corpus `.yml` file or folder, a CSV, TSV or JSON-lines
    /// file with text and label columns, or the politeness CSV.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Which side of the fixed split to read: all, dev (tune on it) or test.
    #[arg(long, default_value = "all", value_parser = parse_split)]
    pub split: SplitChoice,
    /// Lint each message as the kind its label gives instead of inferring it.
    #[arg(long)]
    pub labelled_kinds: bool,
    /// How many of the worst-ranked good and bad messages to list.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub worst: usize,
    /// Exit 1 unless FIGURE is at least VALUE (repeatable): auc, auc-real,
    /// auc-without-templates, precision, recall, asks, kinds, pairs.
    #[arg(long = "min", value_name = "FIGURE=VALUE", value_parser = parse_floor)]
    pub floors: Vec<Floor>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Add a folder of rules (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,
    /// Apply this config's rule selection and levels (by default no
    /// `.tact.yml` is read, so the figures are the pack's own).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Overwrite an existing `.tact.yml`.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the default and only transport;
    /// accepted because many editor clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Concise,
    Json,
    Jsonl,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    Info,
    Warning,
    Error,
}

impl LevelArg {
    pub fn level(self) -> Level {
        match self {
            LevelArg::Info => Level::Info,
            LevelArg::Warning => Level::Warning,
            LevelArg::Error => Level::Error,
        }
    }
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
}

fn parse_split(s: &str) -> Result<SplitChoice, String> {
    s.parse()
}

fn parse_floor(s: &str) -> Result<Floor, String> {
    s.parse()
}

fn parse_input_format(s: &str) -> Result<InputFormat, String> {
    s.parse()
}

/// `500K`, `64M`, `1G` (powers of 1024) or plain bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix("IB").or_else(|| t.strip_suffix('B')).unwrap_or(&t);
    let (digits, unit) = match t.char_indices().last() {
        Some((i, 'K')) => (&t[..i], 1u64 << 10),
        Some((i, 'M')) => (&t[..i], 1 << 20),
        Some((i, 'G')) => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .ok_or_else(|| format!("invalid size `{s}` (expected a number of bytes, or with K, M or G)"))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("100M"), Ok(100 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("512"), Ok(512));
        assert_eq!(parse_size("2KiB"), Ok(2048));
        assert!(parse_size("lots").is_err());
    }
}
