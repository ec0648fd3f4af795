//! Which rules answer which labelled problem.
//!
//! A labelled set marks the problems a reviewer saw in each message with
//! *flags* (`../fixtures` and `tests/corpus/README.md` list them). A rule is
//! right when it fires on a message flagged with one of its problems. A flag
//! spelled as a rule id always means that rule, so a team's own labels can
//! name rules directly.

/// The built-in rules that detect each labelled problem.
pub const FLAG_RULES: &[(&str, &[&str])] = &[
    ("ask-before-offer", &["asks-before-offering", "cold-ask"]),
    ("no-escape-clause", &["no-escape-clause"]),
    ("vague-request", &["vague-request", "missing-ask"]),
    ("pick-your-brain", &["vague-request"]),
    ("passive-aggressive", &["passive-aggressive", "repeated-chasing", "reproaches-silence"]),
    ("me-focused", &["me-focused"]),
    ("pitch-after-connect", &["pitch-in-connection-note"]),
    ("fake-help-then-pitch", &["help-then-pitch"]),
    ("over-asking", &["over-asking"]),
    ("unfilled-placeholder", &["unfilled-placeholder", "broken-merge-field"]),
    ("no-gratitude", &["no-thanks"]),
    ("contact-list-request", &["network-harvest"]),
    ("overfamiliarity", &["overfamiliar"]),
    ("demands-reciprocity", &["demands-reciprocity"]),
    ("shares-contact-without-permission", &["shares-contact-details", "introduces-without-asking"]),
    ("wall-of-text", &["wall-of-text"]),
    ("no-call-duration", &["meeting-without-duration"]),
    ("generic", &["nothing-specific"]),
];

/// The flags `rule` answers: those the table gives it, and its own id.
#[must_use]
pub fn flags_of(rule: &str) -> Vec<&str> {
    let mut flags: Vec<&str> =
        FLAG_RULES.iter().filter(|(_, rules)| rules.contains(&rule)).map(|(flag, _)| *flag).collect();
    if !flags.contains(&rule) {
        flags.push(rule);
    }
    flags
}

/// Whether `flag` is one the table knows.
#[must_use]
pub fn is_known(flag: &str) -> bool {
    FLAG_RULES.iter().any(|(f, _)| *f == flag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_answers_its_flags_and_its_own_id() {
        assert_eq!(flags_of("vague-request"), ["vague-request", "pick-your-brain"]);
        assert_eq!(flags_of("no-thanks"), ["no-gratitude", "no-thanks"]);
        assert_eq!(flags_of("my-rule"), ["my-rule"]);
    }

    #[test]
    fn every_rule_named_is_built_in() {
        let rules = crate::RuleSet::builtin().expect("built-in pack");
        for (flag, names) in FLAG_RULES {
            for name in *names {
                assert!(rules.rule(name).is_some(), "{flag} names unknown rule {name}");
            }
        }
    }
}
