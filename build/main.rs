//! Embeds the built-in rule pack: writes `OUT_DIR/builtin_rules.rs`, a
//! sorted list of `(relative path, include_str!(file), JSON)` for every YAML
//! file under `rules/`, and `OUT_DIR/rule_tests.rs`, one `#[test]` per rule
//! file. The JSON is the file parsed here and written compactly to
//! `OUT_DIR/builtin_json/`, so a run reads it with serde_json instead of
//! parsing YAML; it is `None` when the file does not parse, and the run then
//! reports the error from the YAML.
//!
//! It also prepares the pack's patterns and the message model's
//! (`patterns.rs`): their gates, and their DFAs serialized, in
//! `OUT_DIR/prebuilt_patterns.rs`.

// A build script speaks to cargo on standard output.
#![allow(clippy::print_stdout)]

// The pattern code a run uses, so that gates and automata made here are
// the ones the run would make (these files depend on regex-syntax alone),
// and the model's pattern texts.
#[allow(dead_code)]
#[path = "../src/pattern/gate.rs"]
mod gate;
#[allow(dead_code)]
#[path = "../src/message/patterns.rs"]
mod model_patterns;
mod patterns;
#[allow(dead_code)]
#[path = "../src/pattern/translate.rs"]
mod translate;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();

    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut list = String::from(
        "/// (path below rules/, file text, the file as JSON)\npub static BUILTIN: &[(&str, &str, Option<&str>)] = &[\n",
    );
    let mut tests = String::new();
    let mut sources = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path.strip_prefix(&rules).expect("below rules/").to_string_lossy().replace('\\', "/");
        let json = match to_json(path) {
            Some((json, value)) => {
                pattern_sources(&value, &mut sources);
                let json_path = out.join("builtin_json").join(&relative).with_extension("json");
                fs::create_dir_all(json_path.parent().expect("a file has a folder")).expect("create builtin_json/");
                fs::write(&json_path, json).expect("write builtin JSON");
                format!("Some(include_str!({:?}))", json_path.display().to_string())
            }
            None => "None".to_owned(),
        };
        writeln!(list, "    ({relative:?}, include_str!({:?}), {json}),", path.display().to_string())
            .expect("write to string");
        let stem = relative.rsplit('/').next().unwrap_or(&relative);
        let stem = stem.trim_end_matches(".yml").trim_end_matches(".yaml");
        let kind = if relative.starts_with("intents/") { "intent" } else { "rule" };
        let name = format!("{kind}_{}", stem.replace('-', "_"));
        writeln!(tests, "#[test]\nfn {name}() {{\n    check_{kind}({stem:?});\n}}\n").expect("write to string");
    }
    list.push_str("];\n");
    fs::write(out.join("builtin_rules.rs"), list).expect("write builtin_rules.rs");
    fs::write(out.join("rule_tests.rs"), tests).expect("write rule_tests.rs");
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    patterns::write(sources, model_patterns::ALL, &out, big_endian);
}

/// Every string in a `patterns:` list of `value`, a rule or lexicon file.
fn pattern_sources(value: &serde_yaml::Value, out: &mut Vec<String>) {
    match value {
        serde_yaml::Value::Mapping(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    (Some("patterns"), serde_yaml::Value::Sequence(list)) => {
                        out.extend(list.iter().filter_map(|p| p.as_str().map(str::to_owned)));
                    }
                    _ => pattern_sources(item, out),
                }
            }
        }
        serde_yaml::Value::Sequence(list) => list.iter().for_each(|item| pattern_sources(item, out)),
        _ => {}
    }
}

/// The YAML file as compact JSON, when it parses and JSON holds the same
/// tree (not so for YAML tags, non-string keys or infinite numbers), with
/// the tree.
fn to_json(path: &Path) -> Option<(String, serde_yaml::Value)> {
    let text = fs::read_to_string(path).ok()?;
    let value: serde_yaml::Value = serde_yaml::from_str(&text).ok()?;
    let json = serde_json::to_string(&value).ok()?;
    (serde_json::from_str::<serde_yaml::Value>(&json).ok()? == value).then_some((json, value))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            out.push(path);
        }
    }
}
