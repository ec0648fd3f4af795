//! The command-line shell: dispatch subcommands to library calls, print,
//! and turn the outcome into an exit code. Nothing here decides what a
//! message means; that is the library's job.

mod args;
mod check;
mod completions;
mod eval;
mod explain;
mod files;
mod init;
mod man;
mod output;
mod progress;
mod rules;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, ColorArg, Command, RulesCommand};

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above the fail level.
    Clean,
    /// Findings at or above the fail level (or failing rule examples).
    Findings,
    /// Not everything could be checked: an input could not be read, or
    /// there was nothing to check.
    Incomplete,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    let color = match &cli.command {
        Command::Check(a) => a.color,
        _ => ColorArg::Auto,
    };
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::Incomplete) => ExitCode::from(2),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report_error(&err, use_color(color, &io::stderr()));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<Outcome, tact::Error> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Rules(RulesCommand::List(args)) => rules::list(&args),
        Command::Rules(RulesCommand::Test(args)) => rules::test(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man => man::run(),
        Command::Lsp(_) => tact::lsp::run_stdio().map(|ended| match ended {
            tact::lsp::Ended::Clean => Outcome::Clean,
            // The protocol's exit code for an exit without shutdown is 1.
            tact::lsp::Ended::WithoutShutdown => Outcome::Findings,
        }),
    }
}

fn is_broken_pipe(err: &tact::Error) -> bool {
    matches!(err, tact::Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
}

/// Whether to colour output going to `stream`.
pub fn use_color(choice: ColorArg, stream: &impl IsTerminal) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn report_error(err: &tact::Error, color: bool) {
    let rendered = tact::error::render(err, color, 100);
    let _ = io::stderr().lock().write_all(rendered.as_bytes());
}

/// Map a write error on standard output to a tact error.
pub fn stdout_error(err: io::Error) -> tact::Error {
    tact::Error::io("<stdout>", err)
}
