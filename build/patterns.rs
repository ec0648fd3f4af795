//! The built-in pack's patterns, prepared here so that a run does not have
//! to: each one's gates and anchoring (read off its syntax tree by the same
//! code a run uses, `src/pattern/translate.rs` and `gate.rs`), and, when
//! they fit, its forward and reverse DFAs, minimized and serialized. The
//! message model's own patterns (`src/message/patterns.rs`) get DFAs too,
//! one pair for each set of patterns searched for together.
//! A run reads a pattern's DFAs in place the first time it needs them,
//! instead of parsing and compiling the pattern (`src/pattern/prebuilt.rs`).
//!
//! A pattern whose DFAs pass [`DFA_LIMIT`] while they are built (counted
//! repeats of broad classes, such as `[^.?!\n]{0,60}`, grow exponentially
//! when determinized) or [`MAX_BYTES`] once minimized keeps its gates and
//! compiles at run time, as user patterns do.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use regex_automata::MatchKind;
use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_syntax::hir::Hir;

use crate::{gate, translate};

/// The most memory one DFA may take while it is built (dense, before it is
/// minimized). The long-sentence pattern (`[^.?!\n]{30,}` twice), which
/// every message opens, needs between 8 and 16 MB; the seven patterns that
/// pass it take seconds more to fail at a higher limit.
const DFA_LIMIT: usize = 16 << 20;

/// The most bytes a pattern's two DFAs (or a set's) may take in the binary.
/// A run reads them without copying or checking them, so size costs only
/// binary: the largest, the long-sentence pattern, is 2.1 MB; the model's
/// placeholder set 1.5 MB; letters of any script (`\p{L}`) about 1 MB.
const MAX_BYTES: usize = 3 << 20;

/// A forward and a reverse DFA, serialized.
type Automata = (Vec<u8>, Vec<u8>);

/// A pack pattern ready for the generated table.
struct Prepared {
    source: String,
    anchored: bool,
    gates: Vec<Vec<String>>,
    automata: Option<Automata>,
}

/// Prepare the pack's `sources` and the model's patterns, and write
/// `OUT_DIR/prebuilt_patterns.rs` and the DFAs it includes.
pub fn write(mut sources: Vec<String>, model: &[&[&str]], out: &Path, big_endian: bool) {
    sources.sort();
    sources.dedup();
    let pack: Vec<_> = sources.par_iter().map(|source| prepare(source, big_endian)).collect();
    let model_automata: Vec<_> = model
        .par_iter()
        .map(|sources| {
            let parse =
                |source: &&str| regex_automata::util::syntax::parse(source).expect("the model's patterns parse");
            automata(&sources.iter().map(parse).collect::<Vec<_>>(), big_endian)
        })
        .collect();

    let mut dfas = Dfas { dir: out.join("prebuilt_patterns"), statics: String::new(), count: 0 };
    fs::create_dir_all(&dfas.dir).expect("create prebuilt_patterns/");
    let mut table =
        String::from("/// The built-in pack's patterns, sorted by source.\npub static PREBUILT: &[Prebuilt] = &[\n");
    for p in pack.iter().flatten() {
        let gates: Vec<String> = p.gates.iter().map(|set| format!("&{set:?}")).collect();
        let automata = dfas.add(p.automata.as_ref());
        writeln!(
            table,
            "    Prebuilt {{ source: {:?}, anchored: {}, gates: &[{}], automata: {automata} }},",
            p.source,
            p.anchored,
            gates.join(", "),
        )
        .expect("write to string");
    }
    table.push_str("];\n\n/// The message model's patterns.\npub static MODEL: &[Model] = &[\n");
    for (sources, automata) in model.iter().zip(&model_automata) {
        let automata = dfas.add(automata.as_ref());
        writeln!(table, "    Model {{ sources: &{sources:?}, automata: {automata} }},").expect("write to string");
    }
    table.push_str("];\n\n");
    table.push_str(&dfas.statics);
    fs::write(out.join("prebuilt_patterns.rs"), table).expect("write prebuilt_patterns.rs");
}

/// The DFA files written so far, and the aligned statics that include them.
struct Dfas {
    dir: PathBuf,
    statics: String,
    count: usize,
}

impl Dfas {
    /// Write `automata` and return the table's expression for them.
    fn add(&mut self, automata: Option<&Automata>) -> String {
        let Some((forward, reverse)) = automata else { return "None".to_owned() };
        let i = self.count;
        self.count += 1;
        for (direction, bytes) in [("FORWARD", forward), ("REVERSE", reverse)] {
            let path = self.dir.join(format!("{i}.{}", direction.to_lowercase()));
            fs::write(&path, bytes).expect("write a DFA");
            writeln!(
                self.statics,
                "static DFA_{i}_{direction}: &Aligned<[u8]> = &Aligned {{ align: [], bytes: *include_bytes!({:?}) }};",
                path.display().to_string()
            )
            .expect("write to string");
        }
        format!("Some((&DFA_{i}_FORWARD.bytes, &DFA_{i}_REVERSE.bytes))")
    }
}

/// Gates, anchoring and DFAs of `source`; `None` when it does not parse
/// (the run then reports the error where the rule says it).
fn prepare(source: &str, big_endian: bool) -> Option<Prepared> {
    let ast = translate::translate(source).ok()?;
    let hir = translate::hir(source, &ast).ok()?;
    Some(Prepared {
        source: source.to_owned(),
        anchored: translate::anchored(&ast),
        gates: gate::required(&ast),
        automata: automata(&[hir], big_endian),
    })
}

/// The forward DFA (leftmost-first, unanchored searches only) and the
/// reverse one (anchored, all matches) that together find the same spans
/// as the regex engine: the pair `regex_automata::dfa::regex::Regex`
/// builds from patterns. `None` when they do not fit.
fn automata(hirs: &[Hir], big_endian: bool) -> Option<Automata> {
    let nfa = |reverse: bool| {
        thompson::Compiler::new()
            .configure(thompson::Config::new().reverse(reverse).which_captures(WhichCaptures::None))
            .build_many_from_hir(hirs)
            .ok()
    };
    let limits =
        dense::Config::new().minimize(true).dfa_size_limit(Some(DFA_LIMIT)).determinize_size_limit(Some(DFA_LIMIT));
    let forward = dense::Builder::new()
        .configure(limits.clone().start_kind(StartKind::Unanchored).match_kind(MatchKind::LeftmostFirst))
        .build_from_nfa(&nfa(false)?)
        .ok()?;
    let reverse = dense::Builder::new()
        .configure(
            limits
                .prefilter(None)
                .specialize_start_states(false)
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::All),
        )
        .build_from_nfa(&nfa(true)?)
        .ok()?;
    let bytes = |dfa: dense::DFA<Vec<u32>>| {
        // The vector starts with padding that aligns it in memory; the
        // generated code aligns the bytes itself.
        let (mut bytes, padding) = if big_endian { dfa.to_bytes_big_endian() } else { dfa.to_bytes_little_endian() };
        bytes.drain(..padding);
        bytes
    };
    let automata = (bytes(forward), bytes(reverse));
    (automata.0.len() + automata.1.len() <= MAX_BYTES).then_some(automata)
}
