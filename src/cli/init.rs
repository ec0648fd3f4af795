//! `tact init`: write a commented starter `.tact.yml`.

use std::io::{self, Write};
use std::path::Path;

use tact::config::FILE_NAME;

use super::args::InitArgs;
use super::{Outcome, stdout_error};

const STARTER: &str = include_str!("starter.tact.yml");

pub fn run(args: &InitArgs) -> Result<Outcome, tact::Error> {
    let path = Path::new(FILE_NAME);
    if path.exists() && !args.force {
        return Err(tact::Error::Usage(format!("{FILE_NAME} already exists here; use --force to overwrite it")));
    }
    std::fs::write(path, STARTER).map_err(|e| tact::Error::io(FILE_NAME, e))?;
    writeln!(
        io::stdout().lock(),
        "Wrote {FILE_NAME}. Every setting in it is commented out: tact runs its defaults until you change one."
    )
    .map_err(stdout_error)?;
    Ok(Outcome::Clean)
}
