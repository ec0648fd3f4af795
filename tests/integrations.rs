//! The repository integrations from the outside: the pre-commit hooks in
//! `.pre-commit-hooks.yaml`, run by `pre-commit try-repo` in a scratch git
//! repository, and the GitHub Action in `action.yml`, whose steps run here
//! as a runner would run them (inputs and outputs through the same
//! environment variables and files; `uses:` steps are checked, not run).
//!
//! `pre-commit` is required under CI (`CI=true`; `.ci/run` installs it);
//! elsewhere its tests print a loud SKIP without it. The two tests that
//! build tact in release mode, as the `tact` hook and the action's install
//! step do for users, run under CI or with `TACT_TEST_INSTALL=1`; their
//! builds go to `target/integrations/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Say loudly that a test did not run: written to the process's standard
/// error directly, since the harness captures `eprintln!`.
fn skip(test: &str, why: &str) {
    use std::io::Write;
    let _ = write!(std::io::stderr(), "\n\n*** SKIP {test}: {why} ***\n\n");
}

/// Whether the slow tests that build tact in release mode run.
fn installs(test: &str) -> bool {
    if under_ci() || std::env::var_os("TACT_TEST_INSTALL").is_some() {
        return true;
    }
    skip(test, "builds tact in release mode; set TACT_TEST_INSTALL=1 (CI always runs it)");
    false
}

/// Where the release builds of these tests go.
fn install_target() -> PathBuf {
    repo().join("target/integrations")
}

/// PATH with the folder of the tact under test first.
fn path_with_tact() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_tact")).parent().expect("bin folder").to_owned();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![bin];
    dirs.extend(std::env::split_paths(&path));
    std::env::join_paths(dirs).expect("PATH").to_string_lossy().into_owned()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---- pre-commit ------------------------------------------------------------

/// How to run pre-commit here: the `pre-commit` command, or the module of
/// the Python that has it.
fn pre_commit_command() -> Option<Vec<&'static str>> {
    [&["pre-commit"][..], &["python3", "-m", "pre_commit"]].into_iter().map(<[&str]>::to_vec).find(|cmd| {
        Command::new(cmd[0])
            .args(&cmd[1..])
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

fn pre_commit(test: &str) -> Option<Vec<&'static str>> {
    let found = pre_commit_command();
    if found.is_none() {
        assert!(!under_ci(), "pre-commit is required under CI (pip install pre-commit)");
        skip(test, "pre-commit not found (pip install pre-commit)");
    }
    found
}

/// A scratch git repository with a bad and a good template staged, and a
/// config that runs the tone rules only.
fn scratch_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(".tact.yml"), "select: [tone]\n").expect("write config");
    std::fs::create_dir(dir.path().join("templates")).expect("mkdir");
    std::fs::write(
        dir.path().join("templates/bad.md"),
        "Hi Sam,\n\nPer my last email, could you send the deck?\n\nAna\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("templates/good.md"),
        "Hi Sam,\n\nThank you for the intro to Priya on Tuesday; we meet next week.\n\nAna\n",
    )
    .expect("write");
    for args in [&["init", "-q"][..], &["add", "."]] {
        let out = Command::new("git").args(args).current_dir(dir.path()).output().expect("git runs");
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    }
    dir
}

/// `pre-commit try-repo REPO HOOK --files FILE` in `scratch`.
fn try_repo(pre_commit: &[&str], scratch: &Path, hook: &str, file: &str) -> Output {
    let home = scratch.join(".pre-commit-home");
    Command::new(pre_commit[0])
        .args(&pre_commit[1..])
        .args(["try-repo", repo().to_str().expect("path"), hook, "--files", file])
        .current_dir(scratch)
        .env("PRE_COMMIT_HOME", &home)
        .env("PATH", path_with_tact())
        .env("CARGO_TARGET_DIR", install_target())
        .env("NO_COLOR", "1")
        .output()
        .expect("pre-commit runs")
}

/// The hook fails on the bad template, showing the finding, and passes the good one.
fn hook_judges(pre_commit: &[&str], hook: &str, name: &str) {
    let scratch = scratch_repo();
    let bad = try_repo(pre_commit, scratch.path(), hook, "templates/bad.md");
    let shown = text(&bad.stdout);
    assert_eq!(bad.status.code(), Some(1), "{shown}\n{}", text(&bad.stderr));
    assert!(shown.contains(&format!("{name}.")) && shown.contains("Failed"), "{shown}");
    assert!(shown.contains("passive-aggressive"), "the finding is shown: {shown}");
    let good = try_repo(pre_commit, scratch.path(), hook, "templates/good.md");
    let shown = text(&good.stdout);
    assert_eq!(good.status.code(), Some(0), "{shown}\n{}", text(&good.stderr));
    assert!(shown.contains("Passed"), "{shown}");
}

#[test]
fn pre_commit_hook_with_the_installed_tact() {
    if let Some(pre_commit) = pre_commit("pre_commit_hook_with_the_installed_tact") {
        hook_judges(&pre_commit, "tact-system", "tact (installed)");
    }
}

#[test]
fn pre_commit_hook_building_tact_with_cargo() {
    let test = "pre_commit_hook_building_tact_with_cargo";
    if let Some(pre_commit) = pre_commit(test).filter(|_| installs(test)) {
        hook_judges(&pre_commit, "tact", "tact");
    }
}

// ---- GitHub Action ---------------------------------------------------------

/// What a runner knows while running the action's steps.
struct Runner {
    workspace: PathBuf,
    temp: PathBuf,
    inputs: BTreeMap<String, String>,
    outputs: BTreeMap<String, String>,
    /// Folders steps added to `$GITHUB_PATH`.
    path: Vec<String>,
}

impl Runner {
    /// The value of one expression inside `${{ }}`.
    fn value(&self, expr: &str) -> String {
        let expr = expr.trim();
        if let Some(name) = expr.strip_prefix("inputs.") {
            return self.inputs.get(name).cloned().unwrap_or_default();
        }
        if let Some(name) = expr.strip_prefix("steps.check.outputs.") {
            return self.outputs.get(name).cloned().unwrap_or_default();
        }
        if let Some(lit) = expr.strip_prefix('\'').and_then(|e| e.strip_suffix('\'')) {
            return lit.to_owned();
        }
        match expr {
            "runner.temp" => self.temp.display().to_string(),
            "runner.os" => "Linux".into(),
            "runner.arch" => "X64".into(),
            "github.action_path" => repo().display().to_string(),
            "github.action_ref" => "test".into(),
            other => panic!("action.yml uses an expression this test does not know: {other}"),
        }
    }

    /// `s` with every `${{ … }}` replaced by its value.
    fn expand(&self, s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("closed expression") + start;
            out.push_str(&self.value(&rest[start + 3..end]));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// An `if:` condition: `&&` of `always()`, `X == 'v'` and `X != 'v'`.
    fn condition(&self, cond: &str) -> bool {
        let cond = cond.trim().trim_start_matches("${{").trim_end_matches("}}");
        cond.split("&&").all(|term| {
            let term = term.trim();
            if term == "always()" {
                return true;
            }
            if let Some((a, b)) = term.split_once("!=") {
                return self.value(a) != self.value(b);
            }
            if let Some((a, b)) = term.split_once("==") {
                return self.value(a) == self.value(b);
            }
            panic!("action.yml has a condition this test does not know: {term}")
        })
    }

    /// Run a `run:` step as the runner does (`bash -e`), with its `env:`.
    fn run(&mut self, step: &serde_yaml::Value) -> Output {
        let script = step["run"].as_str().expect("a script");
        let output_file = self.temp.join("github_output");
        let path_file = self.temp.join("github_path");
        std::fs::write(&output_file, "").expect("GITHUB_OUTPUT");
        std::fs::write(&path_file, "").expect("GITHUB_PATH");
        let mut path = self.path.clone();
        path.push(std::env::var("PATH").unwrap_or_default());
        let mut command = Command::new("bash");
        command
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &self.expand(script)])
            .current_dir(&self.workspace)
            .env("GITHUB_OUTPUT", &output_file)
            .env("GITHUB_PATH", &path_file)
            .env("PATH", path.join(":"))
            .env("CARGO_TARGET_DIR", install_target())
            .env_remove("NO_COLOR");
        if let Some(env) = step["env"].as_mapping() {
            for (key, value) in env {
                command.env(key.as_str().expect("name"), self.expand(value.as_str().unwrap_or_default()));
            }
        }
        let out = command.output().expect("bash runs");
        for line in std::fs::read_to_string(&output_file).expect("read").lines() {
            let (key, value) = line.split_once('=').expect("key=value");
            self.outputs.insert(key.to_owned(), value.to_owned());
        }
        self.path.extend(std::fs::read_to_string(&path_file).expect("read").lines().map(str::to_owned));
        out
    }
}

/// What running the action did.
struct ActionRun {
    /// Each step's name and whether it ran.
    steps: Vec<(String, bool)>,
    check: Output,
    /// The exit code of the step that failed the job, if one did.
    failed: Option<i32>,
    outputs: BTreeMap<String, String>,
    sarif_uploaded: Option<PathBuf>,
}

/// Run `action.yml` in `workspace` with `inputs`; `fake_install` puts the
/// tact under test where the cache would have restored one.
fn run_action(workspace: &Path, inputs: &[(&str, &str)], fake_install: bool) -> ActionRun {
    let action: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(repo().join("action.yml")).expect("action.yml")).expect("YAML");
    assert_eq!(action["runs"]["using"], "composite");
    let temp = tempfile::tempdir().expect("runner temp");
    let mut runner = Runner {
        workspace: workspace.to_owned(),
        temp: temp.path().to_owned(),
        inputs: BTreeMap::new(),
        outputs: BTreeMap::new(),
        path: Vec::new(),
    };
    for (name, input) in action["inputs"].as_mapping().expect("inputs") {
        let name = name.as_str().expect("name").to_owned();
        let default = input["default"].as_str().unwrap_or_default().to_owned();
        let given = inputs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned());
        runner.inputs.insert(name, given.unwrap_or(default));
    }
    if fake_install {
        let bin = temp.path().join("tact-install/bin");
        std::fs::create_dir_all(&bin).expect("mkdir");
        std::fs::copy(env!("CARGO_BIN_EXE_tact"), bin.join("tact")).expect("copy tact");
    }
    let mut run = ActionRun {
        steps: Vec::new(),
        check: empty_output(),
        failed: None,
        outputs: BTreeMap::new(),
        sarif_uploaded: None,
    };
    for step in action["runs"]["steps"].as_sequence().expect("steps") {
        let name = step["name"].as_str().expect("every step is named").to_owned();
        let runs = step["if"].as_str().is_none_or(|cond| runner.condition(cond));
        run.steps.push((name.clone(), runs));
        if !runs {
            continue;
        }
        if let Some(uses) = step["uses"].as_str() {
            if uses.starts_with("github/codeql-action/upload-sarif@") {
                let file = runner.expand(step["with"]["sarif_file"].as_str().expect("sarif_file"));
                run.sarif_uploaded = Some(workspace.join(file));
            } else {
                assert!(uses.starts_with("actions/cache@"), "an unexpected action: {uses}");
            }
            continue;
        }
        let out = runner.run(step);
        if name == "Check" {
            run.check = out.clone();
        }
        if !out.status.success() {
            run.failed = out.status.code();
            assert!(name == "Fail on findings", "step `{name}` failed: {}\n{}", text(&out.stdout), text(&out.stderr));
            break;
        }
    }
    run.outputs = runner.outputs;
    run
}

fn empty_output() -> Output {
    Command::new("true").output().expect("true runs")
}

/// A workspace like a pull request's: templates, one of them bad.
fn workspace(bad: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("templates")).expect("mkdir");
    std::fs::write(
        dir.path().join("templates/intro.md"),
        "Hi Sam,\n\nThank you for the intro to Priya on Tuesday.\n\nAna\n",
    )
    .expect("write");
    if bad {
        std::fs::write(
            dir.path().join("templates/chase.md"),
            "Hi Sam,\n\nPer my last email, could you send the deck?\n",
        )
        .expect("write");
    }
    dir
}

#[test]
fn github_action_annotates_uploads_sarif_and_fails_on_findings() {
    let dir = workspace(true);
    let run = run_action(dir.path(), &[("paths", "templates"), ("args", "--isolated --select tone")], true);
    let annotations = text(&run.check.stdout);
    assert!(
        annotations.contains("::warning file=templates/chase.md,line=3,col=1")
            && annotations.contains("passive-aggressive"),
        "workflow annotations: {annotations}"
    );
    assert_eq!(run.outputs.get("exit-code").map(String::as_str), Some("1"));
    let sarif = run.sarif_uploaded.expect("the SARIF log is uploaded");
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).expect("written")).expect("JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r["ruleId"] == "passive-aggressive"), "{log}");
    assert_eq!(run.failed, Some(1), "the job fails on findings: {:?}", run.steps);
}

#[test]
fn github_action_passes_clean_templates_and_can_skip_sarif() {
    let dir = workspace(false);
    let run = run_action(
        dir.path(),
        &[("paths", "templates"), ("args", "--isolated --select tone"), ("upload-sarif", "false")],
        true,
    );
    assert_eq!(run.outputs.get("exit-code").map(String::as_str), Some("0"), "{}", text(&run.check.stdout));
    assert_eq!(run.failed, None);
    assert!(run.sarif_uploaded.is_none());
    assert!(dir.path().join("tact.sarif").is_file(), "the log is still written");
    let skipped: Vec<&str> = run.steps.iter().filter(|(_, ran)| !ran).map(|(n, _)| n.as_str()).collect();
    assert_eq!(skipped, ["Upload SARIF", "Fail on findings"]);
}

#[test]
fn github_action_installs_tact_from_its_own_source() {
    if !installs("github_action_installs_tact_from_its_own_source") {
        return;
    }
    let dir = workspace(true);
    let run = run_action(dir.path(), &[("paths", "templates"), ("args", "--isolated")], false);
    assert_eq!(run.outputs.get("exit-code").map(String::as_str), Some("1"), "{}", text(&run.check.stderr));
    assert!(text(&run.check.stdout).contains("::warning file=templates/chase.md"));
}
