//! Rule and config files mutated at random: loading one never panics, and
//! a broken one is an error that points at a line of the file, says so in
//! the words of the person who wrote it (no Rust type names) and prints in
//! bounded space. Longer runs: the `rule_file` and `config` targets under
//! `fuzz/` (see `docs/testing.md`).

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use proptest::prelude::*;
use tact::config::ConfigFile;
use tact::error::{Error, FileError, render};
use tact::rule::{RuleSet, Source, builtin};

/// Valid files to start from: rules of several check kinds, a lexicon, a config.
const RULES: &[&str] = &[
    "level: warning\nmessage: “{match}” says nothing\ncheck:\n  existence:\n    phrases: [synergy, move the needle]\n",
    "level: info\nsummary: s\nmessage: m\nwhy: w\nhelp: h\nscope: [body]\nkinds: [cold-email]\ncheck:\n  conditional:\n    if: { intents: [ask] }\n    then: { intents: [escape] }\nrewrites:\n  - before: a\n    after: b\nexamples: { fire: [Could you call me?], pass: [Thanks.] }\n",
    "level: error\nmessage: m\ncheck:\n  substitution:\n    swap:\n      - { phrase: per my last email, with: '' }\n    applicability: safe\nexamples:\n  fix:\n    - before: Per my last email, hi.\n      after: hi.\n",
    "level: warning\nmessage: '{value} words'\ncheck:\n  metric:\n    metric: words\n    max: 120\n    max-by-kind: { linkedin-note: 40 }\n",
    "level: warning\nmessage: m\ncheck:\n  existence:\n    patterns:\n      - '\\bcircle (?:back|the wagons)\\b'\n      - '(?-i)ASAP'\nfix:\n  action: delete\n  applicability: unsafe\n  title: Remove it\n",
];
const LEXICON: &str =
    "description: Buzzwords.\nphrases: [synergy]\npatterns: ['\\bleverage\\w*']\nexamples:\n  match: [Real synergy.]\n";
const CONFIG: &str = "select: [respect, clarity]\nignore: [vague-subject]\nlevels: { passive-aggressive: error }\n\
                      kinds: { 'linkedin/**': linkedin-note }\npre-send: true\nfail-level: info\nrules: [my-rules]\n";

/// What a mutation inserts: YAML's own punctuation, and values of the wrong kind.
const PIECES: &[&str] = &[
    ":",
    ": ",
    "- ",
    "  ",
    "\t",
    "\n",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    "\"",
    "#",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "~",
    "null",
    "-1",
    "1e999",
    "18446744073709551616",
    "0x1F",
    "true",
    "(",
    ")",
    "\\",
    "|\n",
    ">-\n",
    "? ",
    "---\n",
    "...\n",
    "ü",
    "\u{0}",
    "\u{feff}",
    "level",
    "check",
    "existence",
    "phrases",
    "patterns",
    "intents",
    "kinds",
    "examples",
    "fire",
    "pass",
    "select",
    "rules",
    "levels",
    "\\p{Nope}",
    "(?<",
    "{9999}",
];

/// The built-in intent lexicons, so that rules can name intents.
static LEXICONS: LazyLock<Vec<Source>> =
    LazyLock::new(|| builtin::sources().into_iter().filter(|s| s.relative.starts_with("intents/")).collect());

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, piece: &'static str },
    DuplicateLine(usize),
    DropLine(usize),
    Indent(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..8usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), prop::sample::select(PIECES)).prop_map(|(at, piece)| Mutation::Insert { at, piece }),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::DropLine),
        any::<usize>().prop_map(Mutation::Indent),
    ]
}

/// `text` with `mutations` applied, in order; positions wrap around.
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_owned();
    for m in mutations {
        let boundary = |at: usize, text: &str| text.floor_char_boundary(at % (text.len() + 1));
        let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let line = |i: usize| i % lines.len();
        match m {
            Mutation::Delete { at, len } => {
                let start = boundary(*at, &text);
                let end = text.floor_char_boundary((start + len).min(text.len()));
                text.replace_range(start..end, "");
            }
            Mutation::Insert { at, piece } => text.insert_str(boundary(*at, &text), piece),
            Mutation::DuplicateLine(i) => {
                let i = line(*i);
                lines.insert(i, lines[i].clone());
                text = lines.join("\n");
            }
            Mutation::DropLine(i) => {
                lines.remove(line(*i));
                text = lines.join("\n");
            }
            Mutation::Indent(i) => {
                let i = line(*i);
                lines[i].insert_str(0, "  ");
                text = lines.join("\n");
            }
        }
    }
    text
}

/// The error points at a line and column of `text`, in plain words, and
/// renders in bounded space.
fn check_error(error: &FileError, text: &str) {
    let lines = text.split('\n').count();
    assert!((1..=lines).contains(&error.line), "line {} of a {lines}-line file: {}", error.line, error.message);
    assert!(error.column >= 1, "column {}", error.column);
    for word in ["struct ", "enum ", "variant", "usize", "u32", "u64", "f64", "Option<", "Vec<", "field `"] {
        assert!(!error.message.contains(word), "`{word}` in: {}", error.message);
    }
}

fn check_rendered(err: &Error, budget: usize) {
    let shown = render(err, false, 100);
    assert!(shown.len() <= budget, "{} bytes of error:\n{shown}", shown.len());
}

fn load_rule(text: &str) {
    let mut sources = LEXICONS.clone();
    sources.push(Source {
        path: "my-rules/tone/x.yml".into(),
        relative: "tone/x.yml".into(),
        text: Cow::Owned(text.to_owned()),
        json: None,
    });
    if let Err(err) = RuleSet::compile(sources) {
        assert!(!err.errors.is_empty());
        for e in &err.errors {
            check_error(e, text);
        }
        // Each error shows a few lines of the file, none longer than 160 bytes.
        check_rendered(&Error::Rules(err), 8_000 + text.len());
    }
}

fn load_lexicon(text: &str) {
    let mut sources = LEXICONS.clone();
    sources.push(Source {
        path: "my-rules/intents/buzz.yml".into(),
        relative: "intents/buzz.yml".into(),
        text: Cow::Owned(text.to_owned()),
        json: None,
    });
    if let Err(err) = RuleSet::compile(sources) {
        err.errors.iter().for_each(|e| check_error(e, text));
    }
}

fn load_config(text: &str) {
    match ConfigFile::parse(Path::new(".tact.yml"), text.to_owned()) {
        Ok(_) => {}
        Err(Error::File(e)) => {
            check_error(&e, text);
            check_rendered(&Error::File(e), 8_000 + text.len());
        }
        Err(other) => panic!("a config error that points nowhere: {other}"),
    }
}

#[test]
fn the_seeds_load() {
    for rule in RULES {
        let mut sources = LEXICONS.clone();
        sources.push(Source {
            path: "x.yml".into(),
            relative: "tone/x.yml".into(),
            text: Cow::Borrowed(rule),
            json: None,
        });
        if let Err(err) = RuleSet::compile(sources) {
            panic!("{}", render(&Error::Rules(err), false, 100));
        }
    }
    assert!(ConfigFile::parse(Path::new(".tact.yml"), CONFIG.to_owned()).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_mutated_rule_file_never_panics_and_points_at_a_line(
        seed in prop::sample::select(RULES),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        load_rule(&mutate(seed, &mutations));
    }

    #[test]
    fn a_mutated_lexicon_never_panics_and_points_at_a_line(mutations in prop::collection::vec(mutation(), 1..6)) {
        load_lexicon(&mutate(LEXICON, &mutations));
    }

    #[test]
    fn a_mutated_config_never_panics_and_points_at_a_line(mutations in prop::collection::vec(mutation(), 1..6)) {
        load_config(&mutate(CONFIG, &mutations));
    }

    #[test]
    fn any_text_as_a_rule_or_config_never_panics(text in "\\PC{0,200}") {
        load_rule(&text);
        load_config(&text);
    }
}
