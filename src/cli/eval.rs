//! `tact eval PATH`: lint a labelled set and print how well tact's
//! judgement matches the labels; exit 1 when a `--min` floor is not met.

use std::io::{self, Write};

use tact::config::{Options, Resolver};
use tact::eval::{self, EvalOptions, labelled};

use super::args::{EvalArgs, TextOrJson};
use super::{Outcome, stdout_error};

pub fn run(args: &EvalArgs) -> Result<Outcome, tact::Error> {
    let set = labelled::read(&args.path)?;
    if set.examples.is_empty() {
        return Err(tact::Error::Usage(format!("{}: no labelled messages in it", set.name)));
    }
    let overrides =
        Options { rules: (!args.rule_dirs.is_empty()).then(|| args.rule_dirs.clone()), ..Options::default() };
    let settings = Resolver::new(overrides, args.config.clone(), args.config.is_none()).for_dir(&args.path)?;
    let options = EvalOptions { split: args.split, labelled_kinds: args.labelled_kinds, worst: args.worst };
    let evaluation = eval::evaluate(&settings.linter, &set, options);
    if evaluation.messages.total == 0 {
        return Err(tact::Error::Usage(format!("{}: no messages on the `{}` side of the split", set.name, args.split)));
    }
    let mut out = io::stdout().lock();
    let text = match args.format {
        TextOrJson::Text => tact::report::eval::human(&evaluation),
        TextOrJson::Json => serde_json::to_string_pretty(&evaluation).unwrap_or_default() + "\n",
    };
    out.write_all(text.as_bytes()).map_err(stdout_error)?;
    let shortfalls: Vec<String> = args.floors.iter().filter_map(|f| f.shortfall(&evaluation)).collect();
    if shortfalls.is_empty() {
        return Ok(Outcome::Clean);
    }
    let mut err = io::stderr().lock();
    for s in &shortfalls {
        writeln!(err, "tact eval: {s}").map_err(|e| tact::Error::io("<stderr>", e))?;
    }
    Ok(Outcome::Findings)
}
