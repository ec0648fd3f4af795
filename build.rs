//! Embeds the built-in rule pack: writes `OUT_DIR/builtin_rules.rs`, a
//! sorted list of `(relative path, include_str!(file))` for every YAML file
//! under `rules/`, and `OUT_DIR/rule_tests.rs`, one `#[test]` per rule file.

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

    let mut list = String::from("/// (path below rules/, file text)\npub static BUILTIN: &[(&str, &str)] = &[\n");
    let mut tests = String::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path.strip_prefix(&rules).expect("below rules/").to_string_lossy().replace('\\', "/");
        writeln!(list, "    ({relative:?}, include_str!({:?})),", path.display().to_string()).expect("write to string");
        let stem = relative.rsplit('/').next().unwrap_or(&relative);
        let stem = stem.trim_end_matches(".yml").trim_end_matches(".yaml");
        let kind = if relative.starts_with("intents/") { "intent" } else { "rule" };
        let name = format!("{kind}_{}", stem.replace('-', "_"));
        writeln!(tests, "#[test]\nfn {name}() {{\n    check_{kind}({stem:?});\n}}\n").expect("write to string");
    }
    list.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("builtin_rules.rs"), list).expect("write builtin_rules.rs");
    fs::write(out.join("rule_tests.rs"), tests).expect("write rule_tests.rs");
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
