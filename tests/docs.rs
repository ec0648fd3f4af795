//! Generated documentation stays current: `docs/rules.md` is rendered from
//! the rule files. Regenerate with `TACT_BLESS=1 cargo test --test docs`.

use std::path::Path;

use tact::RuleSet;
use tact::rule::explain::reference;

#[test]
fn rules_reference_is_current() {
    let rules = RuleSet::builtin().expect("built-in pack");
    let generated = reference(&rules);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("TACT_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/rules.md");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "docs/rules.md is stale: run `TACT_BLESS=1 cargo test --test docs`");
}
