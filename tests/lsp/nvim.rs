//! End to end in a real editor: headless Neovim starts `tact lsp`, opens a
//! draft, receives diagnostics, applies the preferred quick fix and writes
//! the file (`nvim/init.lua` drives it). Skipped loudly when `nvim` is not
//! installed, except under CI (`CI=true`), where that is a failure.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::DRAFT;

const LIMIT: Duration = Duration::from_secs(90);

#[test]
fn neovim_applies_a_quick_fix() {
    if Command::new("nvim").arg("--version").stdout(Stdio::null()).status().is_err() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "nvim is not installed; CI must install it (apt-get install -y neovim)"
        );
        // Straight to standard error: the harness captures `eprintln!` and
        // shows it only when a test fails.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"\n*** SKIP neovim_applies_a_quick_fix: `nvim` is not installed (apt-get install -y neovim) ***\n",
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = dir.path().join("zoe.txt");
    std::fs::write(&draft, DRAFT).expect("write draft");
    let log = dir.path().join("nvim.log");
    let init = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lsp/nvim/init.lua");

    // `timeout` bounds the editor even if this process dies; the loop below bounds it too.
    let has_timeout = Command::new("timeout").arg("--version").stdout(Stdio::null()).status().is_ok();
    let mut command = if has_timeout {
        let mut c = Command::new("timeout");
        c.args(["-k", "5", &LIMIT.as_secs().to_string(), "nvim"]);
        c
    } else {
        Command::new("nvim")
    };
    let mut child = command
        .args(["--headless", "--clean", "-u", "NONE", "-c"])
        .arg(format!("luafile {init}"))
        .env("TACT_BIN", env!("CARGO_BIN_EXE_tact"))
        .env("TACT_DRAFT", &draft)
        .env("TACT_LOG", &log)
        .env("TACT_PACK", crate::support::pack())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + LIMIT + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for nvim") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("nvim did not finish; log:\n{}", std::fs::read_to_string(&log).unwrap_or_default());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(status.success() && log.contains("DONE"), "nvim failed ({status}); log:\n{log}");

    // Diagnostics landed on the right bytes: "as I mentioned" is 42 bytes into
    // line 5 (after "José" and "🙌"), whatever encoding was negotiated.
    assert!(log.contains("DIAG reproach 4:42"), "{log}");
    assert!(log.contains("DIAG placeholder 6:57"), "{log}");
    assert!(log.contains("APPLIED Replace “as I mentioned” with “as I said”"), "{log}");
    let written = std::fs::read_to_string(&draft).expect("read draft");
    assert_eq!(written, DRAFT.replace("as I mentioned", "as I said"));
}
