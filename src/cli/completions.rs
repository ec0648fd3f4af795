//! `tact completions SHELL`: a completion script for bash, zsh, fish,
//! PowerShell or elvish, generated from the same clap definitions as
//! `--help` (clap_complete), so it never falls behind the flags.

use std::io::{self, Write};

use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs};
use super::{Outcome, stdout_error};

pub fn run(args: &CompletionsArgs) -> Result<Outcome, tact::Error> {
    // Generated into memory first: clap_complete panics on a failed write,
    // and a closed pipe should end the run quietly instead.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "tact", &mut script);
    io::stdout().lock().write_all(&script).map_err(stdout_error)?;
    Ok(Outcome::Clean)
}
