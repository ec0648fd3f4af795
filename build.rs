//! Embeds the built-in rule pack: writes `OUT_DIR/builtin_rules.rs`, a
//! sorted list of `(relative path, include_str!(file), JSON)` for every YAML
//! file under `rules/`, and `OUT_DIR/rule_tests.rs`, one `#[test]` per rule
//! file. The JSON is the file parsed here and written compactly to
//! `OUT_DIR/builtin_json/`, so a run reads it with serde_json instead of
//! parsing YAML; it is `None` when the file does not parse, and the run then
//! reports the error from the YAML.

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
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path.strip_prefix(&rules).expect("below rules/").to_string_lossy().replace('\\', "/");
        let json = match to_json(path) {
            Some(json) => {
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
}

/// The YAML file as compact JSON, when it parses and JSON holds the same
/// tree (not so for YAML tags, non-string keys or infinite numbers).
fn to_json(path: &Path) -> Option<String> {
    let text = fs::read_to_string(path).ok()?;
    let value: serde_yaml::Value = serde_yaml::from_str(&text).ok()?;
    let json = serde_json::to_string(&value).ok()?;
    (serde_json::from_str::<serde_yaml::Value>(&json).ok()? == value).then_some(json)
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
