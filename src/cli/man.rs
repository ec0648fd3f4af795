//! `tact man`: the manual page, tact(1), generated from the same clap
//! definitions as `--help` (clap_mangen): the top-level synopsis, then one
//! section per subcommand with its options, then exit status, files and
//! environment. One page rather than one per subcommand, so that
//! `tact man > tact.1` is the whole install.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_mangen::Man;

use super::args::Cli;
use super::{Outcome, stdout_error};

pub fn run() -> Result<Outcome, tact::Error> {
    io::stdout().lock().write_all(&render()).map_err(stdout_error)?;
    Ok(Outcome::Clean)
}

/// The page, in roff.
#[must_use]
pub fn render() -> Vec<u8> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let man = Man::new(cmd.clone()).manual("User Commands");
    let mut page = Vec::new();
    // Writing into memory cannot fail.
    let _ = man.render_title(&mut page);
    let _ = man.render_name_section(&mut page);
    let _ = man.render_synopsis_section(&mut page);
    let _ = man.render_description_section(&mut page);
    let _ = man.render_options_section(&mut page);
    for sub in cmd.get_subcommands() {
        command_sections(sub, &mut page);
    }
    page.extend_from_slice(TAIL.as_bytes());
    let _ = man.render_version_section(&mut page);
    page
}

/// A `.SH` section for `cmd` (or for each of its subcommands, when it only
/// groups them): what it does, its synopsis and its options.
fn command_sections(cmd: &clap::Command, page: &mut Vec<u8>) {
    if cmd.get_name() == "help" || cmd.is_hide_set() {
        return;
    }
    if cmd.has_subcommands() {
        for sub in cmd.get_subcommands() {
            command_sections(sub, page);
        }
        return;
    }
    let name = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name()).to_uppercase();
    let _ = writeln!(page, ".SH \"{name}\"");
    let man = Man::new(cmd.clone());
    let mut body = Vec::new();
    let _ = man.render_description_section(&mut body);
    let _ = man.render_synopsis_section(&mut body);
    let _ = man.render_options_section(&mut body);
    // The subcommand's own sections become subsections of its section.
    let body = String::from_utf8_lossy(&body);
    for line in body.lines() {
        match line {
            ".SH DESCRIPTION" => {}
            ".SH SYNOPSIS" => page.extend_from_slice(b".PP\n"),
            _ => match line.strip_prefix(".SH ") {
                Some(heading) => {
                    let _ = writeln!(page, ".SS {heading}");
                }
                None => {
                    let _ = writeln!(page, "{line}");
                }
            },
        }
    }
}

/// Sections that are not about one subcommand.
const TAIL: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Every input was checked and nothing is at or above the fail level (default: warning).
.TP
\fB1\fR
Every input was checked and there are findings at or above the fail level, or a message scores below \fB\-\-fail\-under\fR.
.TP
\fB2\fR
Not everything was checked: a usage error, a broken config or rule file, a missing or unreadable path, a record that could not be read, or nothing to check at all.
.SH FILES
.TP
\fI.tact.yml\fR
Configuration, found by walking up from each checked file's folder; \fBtact init\fR writes a commented one.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, \fB\-\-color auto\fR prints no colour.
.SH "SEE ALSO"
The README and docs/ in tact's repository: rules, configuration, editors, JSON output.
"#;
