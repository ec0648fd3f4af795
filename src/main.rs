//! The `tact` command: parse arguments, run, map the outcome to an exit code
//! (0 clean, 1 findings, 2 usage, config or I/O error).

mod cli;

/// mimalloc instead of the system allocator: compiling the rule pack's
/// automata allocates in many small pieces, and glibc's malloc took a
/// quarter of a one-draft run's instructions (`docs/performance.md`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
