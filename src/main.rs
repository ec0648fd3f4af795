//! The `tact` command: parse arguments, run, map the outcome to an exit code
//! (0 clean, 1 findings, 2 usage, config or I/O error).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
