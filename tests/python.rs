//! The Python package (`python/`) from the outside: build its wheel with
//! maturin, install it in a fresh virtual environment, and run its pytest
//! suite, which checks that `tact.check` and `tact.check_many` give the
//! CLI's results on every text fixture. Needs `python3` with `maturin` and
//! `pytest` (`.ci/run` installs them): without them the test fails under CI
//! (`CI=true`) and prints a loud SKIP elsewhere.

use std::path::Path;
use std::process::Command;

fn python() -> Option<&'static str> {
    ["python3", "python"]
        .into_iter()
        .find(|p| Command::new(p).args(["-c", "import maturin, pytest"]).output().is_ok_and(|o| o.status.success()))
}

/// Say loudly that the test did not run, past the harness's capture.
fn skip(why: &str) {
    use std::io::Write;
    let _ = write!(std::io::stderr(), "\n\n*** SKIP python_package_matches_the_cli: {why} ***\n\n");
}

fn run(cmd: &mut Command, what: &str) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn python_package_matches_the_cli() {
    let Some(python) = python() else {
        let why = "python3 with maturin and pytest not found (pip install maturin pytest)";
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{why}");
        skip(why);
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python");
    let wheels = work.join("wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    run(
        Command::new(python)
            .args(["-m", "maturin", "build", "--release", "--locked", "--quiet", "-m"])
            .arg(root.join("python/Cargo.toml"))
            .arg("-o")
            .arg(&wheels)
            .env("CARGO_TARGET_DIR", work.join("target")),
        "maturin build",
    );
    let wheel = std::fs::read_dir(&wheels)
        .expect("wheels folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .expect("a wheel was built");
    let venv = work.join("venv");
    let _ = std::fs::remove_dir_all(&venv);
    // Fresh, but seeing pytest where it is installed.
    run(Command::new(python).args(["-m", "venv", "--system-site-packages"]).arg(&venv), "python -m venv");
    let venv_python = venv.join("bin/python");
    run(
        Command::new(&venv_python)
            .args(["-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall"])
            .arg(&wheel),
        "pip install the wheel",
    );
    run(
        Command::new(&venv_python)
            .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
            .arg(root.join("python/tests"))
            .current_dir(&work)
            .env("TACT_BIN", env!("CARGO_BIN_EXE_tact")),
        "pytest python/tests",
    );
}
