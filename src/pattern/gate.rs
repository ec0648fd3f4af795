//! Gates: literals that every match of a pattern must contain.
//!
//! `\bour (?:[\w-]+ ){0,2}(?:platform|tool)\b` cannot match a message that
//! contains neither "platform" nor "tool" (nor "our "). [`required`] reads
//! such sets off a pattern's syntax tree; each set becomes a gate of the
//! phrase index ([`crate::phrases`]), whose one scan per message says which
//! gates are open. A pattern with a closed gate is neither compiled nor run
//! on that message.
//!
//! Gates compare ASCII letters case-insensitively, as patterns do
//! ([`super::translate`]); letters outside ASCII are never gate literals.

use regex_syntax::ast::{Ast, Concat, RepetitionKind, RepetitionRange};

/// Alternatives of which at least one appears in every match.
pub type LiteralSet = Vec<String>;

/// The most alternatives a useful set holds.
const MAX_SET: usize = 64;
/// The most sets one pattern is gated on.
const MAX_SETS: usize = 3;

/// Sets of literals that every match of `ast` contains, one of each set;
/// empty when nothing is required. Literals are lowercase.
#[must_use]
pub fn required(ast: &Ast) -> Vec<LiteralSet> {
    let mut sets = all_required(ast);
    sets.retain(|set| set.iter().all(|literal| !common(literal)));
    sets.sort_by_key(|set| std::cmp::Reverse(strength(set)));
    sets.truncate(MAX_SETS);
    sets
}

/// Whether `literal` is in nearly every message ("a", "we", "to"): a set
/// holding one opens nearly every gate and only slows the scan down.
fn common(literal: &str) -> bool {
    literal.len() < 3 && literal.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ')
}

/// How selective a set is: its shortest literal, then how few it has.
fn strength(set: &LiteralSet) -> (usize, std::cmp::Reverse<usize>) {
    (set.iter().map(String::len).min().unwrap_or(0), std::cmp::Reverse(set.len()))
}

fn all_required(ast: &Ast) -> Vec<LiteralSet> {
    match ast {
        Ast::Literal(literal) => gateable(literal.c).map(|c| vec![vec![c.to_string()]]).unwrap_or_default(),
        Ast::Concat(concat) => concat_required(concat),
        Ast::Group(group) => all_required(&group.ast),
        Ast::Repetition(repetition) => {
            let min = match repetition.op.kind {
                RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => 0,
                RepetitionKind::OneOrMore => 1,
                RepetitionKind::Range(
                    RepetitionRange::Exactly(n) | RepetitionRange::AtLeast(n) | RepetitionRange::Bounded(n, _),
                ) => n,
            };
            if min > 0 { all_required(&repetition.ast) } else { Vec::new() }
        }
        Ast::Alternation(alternation) => {
            let mut union = Vec::new();
            for branch in &alternation.asts {
                let Some(best) = all_required(branch).into_iter().max_by_key(strength) else { return Vec::new() };
                union.extend(best);
            }
            union.sort();
            union.dedup();
            if union.len() > MAX_SET { Vec::new() } else { vec![union] }
        }
        _ => Vec::new(),
    }
}

/// Runs of literal characters are required words; so is whatever each
/// other part requires.
fn concat_required(concat: &Concat) -> Vec<LiteralSet> {
    let mut sets = Vec::new();
    let mut run = String::new();
    for ast in &concat.asts {
        if let Ast::Literal(literal) = ast
            && let Some(c) = gateable(literal.c)
        {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            sets.push(vec![std::mem::take(&mut run)]);
        }
        sets.extend(all_required(ast));
    }
    if !run.is_empty() {
        sets.push(vec![run]);
    }
    sets
}

/// `c` lowercased, when a lowercased text shows it whenever the pattern
/// matches it: ASCII, or a character without case. Tabs and line breaks are
/// left out (the scan does not need them and phrase folding rewrites them).
fn gateable(c: char) -> Option<char> {
    if matches!(c, '\n' | '\r' | '\t') || (!c.is_ascii() && (c.is_lowercase() || c.is_uppercase())) {
        return None;
    }
    Some(c.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(pattern: &str) -> Vec<LiteralSet> {
        required(&regex_syntax::ast::parse::Parser::new().parse(pattern).expect("valid"))
    }

    #[test]
    fn literal_runs_and_alternations() {
        assert_eq!(
            sets(r"\bour (?:[\w-]+ ){0,2}(?:tool|app)\b"),
            [vec!["our ".to_owned()], vec!["app".into(), "tool".into()]]
        );
        assert_eq!(sets(r"(?:needs?|Needed)\b"), [vec!["need".to_owned(), "needed".into()]]);
        assert_eq!(sets(r"\d+\s?%"), [vec!["%".to_owned()]]);
    }

    #[test]
    fn nothing_required() {
        assert!(sets(r"[!?]{2,}").is_empty());
        assert!(sets(r"(?:call|)").is_empty());
        assert!(sets(r"(?:x)?y*").is_empty());
        // A letter with case outside ASCII is not compared by the scan.
        assert!(sets(r"É").is_empty());
        assert_eq!(sets(r"caf[eé] ’s"), [vec![" ’s".to_owned()], vec!["caf".into()]]);
    }
}
