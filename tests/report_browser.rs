//! The HTML report in a real headless browser: Chromium loads the page from
//! disk (no network), runs its script, and the DOM it dumps must hold the
//! table rows, the charts and the highlighted words. Without Chromium the
//! test fails under CI (`CI=true`) and prints a loud SKIP elsewhere.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RULES: &str = "no-escape-clause,passive-aggressive,unfilled-placeholder";

fn chromium() -> Option<String> {
    let candidates = [std::env::var("CHROMIUM").ok(), Some("chromium".into()), Some("chromium-browser".into())];
    candidates.into_iter().flatten().find(|name| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// Run Chromium with `args` on `page`, giving up after a minute.
fn dump(browser: &str, profile: &Path, args: &[&str], page: &Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("chromium status").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("chromium output");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Say loudly that the test did not run. Written to the process's standard
/// error directly: the test harness captures `eprintln!`, and shows it only
/// when a test fails.
fn skip(why: &str) {
    use std::io::Write;
    let _ = write!(std::io::stderr(), "\n\n*** SKIP report_renders_in_chromium: {why} ***\n\n");
}

#[test]
fn report_renders_in_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "chromium is required under CI (apt-get install -y chromium)"
        );
        skip("chromium not found (apt-get install -y chromium)");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.html");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/batch");
    let output = Command::new(env!("CARGO_BIN_EXE_tact"))
        .current_dir(&fixtures)
        .args(["check", "--isolated", "--quiet", "--select", RULES, "--format", "json", "--report"])
        .arg(&report)
        .arg(".")
        .output()
        .expect("tact runs");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let messages = doc["messages"].as_array().map_or(0, Vec::len);
    assert!(messages > 10, "the fixtures hold many messages");

    let dom = dump(&browser, &dir.path().join("profile"), &["--dump-dom"], &report);
    assert!(dom.contains("data-ready=\"1\""), "the report's script ran:\n{}", &dom[..dom.len().min(2000)]);
    assert!(dom.contains(&format!("data-rows=\"{messages}\"")), "one table row per message");
    assert_eq!(dom.matches("class=\"message-row\"").count(), messages);
    assert_eq!(dom.matches("<article class=\"message\"").count(), messages);
    assert!(dom.matches("<mark class=\"level-warning\"").count() >= 10, "flagged words are highlighted");
    assert!(dom.contains("id=\"histogram\"") && dom.matches("<g class=\"bar grade-").count() == 11);
    assert!(dom.contains("data-rule=\"no-escape-clause\""));
    assert!(dom.contains("aria-sort=\"ascending\""), "sorted by score, lowest first");
    // The lowest score comes first in the table.
    let first_row = dom.split("class=\"message-row\"").nth(1).unwrap_or("");
    let lowest = doc["messages"].as_array().into_iter().flatten().filter_map(|m| m["score"]["value"].as_u64()).min();
    let lowest = format!("<td class=\"score\">{}<", lowest.expect("scores"));
    assert!(first_row.contains(&lowest), "{lowest} in {}", &first_row[..first_row.len().min(400)]);

    let shot = dir.path().join("report.png");
    let shot_arg = format!("--screenshot={}", shot.display());
    dump(&browser, &dir.path().join("profile"), &[&shot_arg, "--window-size=1200,1600"], &report);
    let size = std::fs::metadata(&shot).map_or(0, |m| m.len());
    assert!(size > 10_000, "a screenshot with something on it ({size} bytes)");
}
