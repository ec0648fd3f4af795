//! The `.tact.yml` schema: the committed `schema/tact.schema.json` is what
//! the config types generate (regenerate with `TACT_BLESS=1 cargo test
//! --test schema`), every example config in the repository passes it, tact
//! and the schema agree on configs that are wrong, and `tact init` names it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("schema/tact.schema.json")).expect("the committed schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid draft-07 schema")
}

/// A config's YAML as JSON; an empty file (or one of comments) is `{}`, as
/// tact reads it.
fn as_json(yaml: &str) -> serde_json::Value {
    match serde_yaml::from_str::<serde_json::Value>(yaml).expect("YAML") {
        serde_json::Value::Null => serde_json::json!({}),
        value => value,
    }
}

/// The schema's complaints about `yaml`, one line each.
fn complaints(validator: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let value = as_json(yaml);
    validator.iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

/// Whether tact itself accepts `yaml` as a config: `tact check --config`.
fn tact_accepts(yaml: &str) -> bool {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config.yml");
    std::fs::write(&config, yaml).expect("write config");
    std::fs::write(dir.path().join("draft.txt"), "Hi Sam, thanks for the talk on Tuesday.").expect("write draft");
    std::fs::create_dir(dir.path().join("tact-rules")).expect("rules folder");
    let out = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "draft.txt", "--config", "config.yml"])
        .current_dir(dir.path())
        .output()
        .expect("tact runs");
    out.status.code() != Some(2)
}

/// The starter with every commented-out setting turned on.
fn starter_uncommented(starter: &str) -> String {
    starter
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("# ")?;
            let setting = rest.starts_with(|c: char| c.is_ascii_lowercase())
                && rest.split_once(':').is_some_and(|(key, _)| key.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            let nested = rest.starts_with("  ");
            (setting || nested).then(|| format!("{rest}\n"))
        })
        .filter(|line| !line.starts_with("yaml-language-server"))
        .collect()
}

/// The ```yaml blocks of a Markdown file.
fn yaml_blocks(markdown: &str) -> Vec<String> {
    markdown.split("```yaml\n").skip(1).filter_map(|rest| rest.split_once("```").map(|(b, _)| b.to_owned())).collect()
}

/// Every `.tact.yml` and `*.tact.yml` in the repository (not `target/`).
fn config_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("list").flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "target" && name != ".git" {
                config_files(&path, found);
            }
        } else if name == ".tact.yml" || name.ends_with(".tact.yml") {
            found.push(path);
        }
    }
}

#[test]
fn committed_schema_is_current() {
    let generated = tact::schema::config_schema_text();
    let path = repo().join("schema/tact.schema.json");
    if std::env::var_os("TACT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir schema/");
        std::fs::write(&path, &generated).expect("write schema/tact.schema.json");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "schema/tact.schema.json is stale: run `TACT_BLESS=1 cargo test --test schema`");
}

#[test]
fn example_configs_pass_the_schema() {
    let validator = validator();
    let mut examples: Vec<(String, String)> = Vec::new();
    let starter = std::fs::read_to_string(repo().join("src/cli/starter.tact.yml")).expect("starter");
    examples.push(("the starter as written".into(), starter.clone()));
    let uncommented = starter_uncommented(&starter);
    assert!(uncommented.lines().count() >= 10, "the starter's settings: {uncommented}");
    examples.push(("the starter with every setting on".into(), uncommented));
    for (i, block) in
        yaml_blocks(&std::fs::read_to_string(repo().join("docs/config.md")).expect("docs")).into_iter().enumerate()
    {
        examples.push((format!("docs/config.md, YAML block {}", i + 1), block));
    }
    let mut files = Vec::new();
    config_files(&repo(), &mut files);
    assert!(!files.is_empty(), "the repository has example configs");
    for file in files {
        examples.push((file.display().to_string(), std::fs::read_to_string(&file).expect("read")));
    }
    for (name, yaml) in &examples {
        let problems = complaints(&validator, yaml);
        assert!(problems.is_empty(), "{name} does not pass the schema:\n{}\n---\n{yaml}", problems.join("\n"));
    }
    // The docs' full example is one tact accepts too (rule folder aside).
    let full = &examples.iter().find(|(n, _)| n.contains("docs/config.md")).expect("a docs example").1;
    assert!(tact_accepts(full), "tact refuses the docs' example:\n{full}");
}

#[test]
fn tact_and_the_schema_refuse_the_same_mistakes() {
    let validator = validator();
    for yaml in [
        "ignores: [stock-opener]\n",
        "levels:\n  me-focused: loud\n",
        "kind: cold-mail\n",
        "fail-level: 3\n",
        "pre-send: maybe\n",
        "select: stock-opener\n",
        "kinds:\n  \"*.md\": postcard\n",
    ] {
        assert!(!complaints(&validator, yaml).is_empty(), "the schema accepts:\n{yaml}");
        assert!(!tact_accepts(yaml), "tact accepts:\n{yaml}");
    }
    for yaml in
        ["", "select: [respect]\nfail-level: error\n", "kinds:\n  \"notes/**\": linkedin-note\n", "pre-send: true\n"]
    {
        assert_eq!(complaints(&validator, yaml), Vec::<String>::new(), "the schema refuses:\n{yaml}");
        assert!(tact_accepts(yaml), "tact refuses:\n{yaml}");
    }
}

#[test]
fn tact_init_names_the_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_tact")).arg("init").current_dir(dir.path()).output().expect("tact runs");
    assert!(out.status.success());
    let written = std::fs::read_to_string(dir.path().join(".tact.yml")).expect("written");
    let first = written.lines().next().unwrap_or_default();
    assert_eq!(first, format!("# yaml-language-server: $schema={}", tact::schema::URL));
    // The published address is the committed file's, in this repository.
    let repository = env!("CARGO_PKG_REPOSITORY").replace("https://github.com/", "https://raw.githubusercontent.com/");
    assert_eq!(tact::schema::URL, format!("{repository}/main/schema/tact.schema.json"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("schema/tact.schema.json")).expect("schema"))
            .expect("JSON");
    assert_eq!(schema["$id"], tact::schema::URL);
}
