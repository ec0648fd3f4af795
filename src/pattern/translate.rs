//! What a rule author's pattern means: `\b`, `\B`, `\w` and `\d` are ASCII,
//! inside and outside brackets, and ASCII letters match their other case
//! only; everything else keeps its Unicode meaning.
//!
//! Unicode word boundaries force the regex engine off its fast path on
//! non-ASCII text, and Unicode `\w` and Unicode case folding of every letter
//! (`k` also matching the Kelvin sign) multiply compile time. Patterns that
//! want letters of any script say `\p{L}`.

use regex_syntax::ast::{
    self, AssertionKind, Ast, ClassAscii, ClassAsciiKind, ClassBracketed, ClassPerl, ClassPerlKind, ClassSet,
    ClassSetItem, Concat, Flag, Flags, FlagsItem, FlagsItemKind, Group, GroupKind, Span,
};
use regex_syntax::hir::{self, Hir, translate::TranslatorBuilder};

/// Parse `pattern` and rewrite its Perl classes and word boundaries to ASCII.
///
/// # Errors
/// When `pattern` is not valid regex syntax.
pub fn translate(pattern: &str) -> Result<Ast, ast::Error> {
    let mut ast = ast::parse::Parser::new().parse(pattern)?;
    rewrite(&mut ast);
    Ok(ast)
}

/// The regex engine's form of `ast`, translated from `source`:
/// case-insensitive unless the pattern says otherwise.
///
/// # Errors
/// When the pattern names something that does not exist (an unknown
/// Unicode class).
pub fn hir(source: &str, ast: &Ast) -> Result<Hir, hir::Error> {
    TranslatorBuilder::new().case_insensitive(true).build().translate(source, ast)
}

/// Whether a match depends on where the searched text starts or ends
/// (`^`, `$`, `\A`, `\z`).
#[must_use]
pub fn anchored(ast: &Ast) -> bool {
    match ast {
        Ast::Assertion(a) => {
            matches!(
                a.kind,
                AssertionKind::StartLine | AssertionKind::EndLine | AssertionKind::StartText | AssertionKind::EndText
            )
        }
        Ast::Repetition(r) => anchored(&r.ast),
        Ast::Group(g) => anchored(&g.ast),
        Ast::Alternation(a) => a.asts.iter().any(anchored),
        Ast::Concat(c) => c.asts.iter().any(anchored),
        _ => false,
    }
}

/// `ast` as pattern text.
#[must_use]
pub fn print(ast: &Ast) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = ast::print::Printer::new().print(ast, &mut out);
    out
}

fn rewrite(ast: &mut Ast) {
    match ast {
        Ast::ClassPerl(perl) => {
            if let Some(ascii) = ascii_class(perl) {
                let span = perl.span;
                let negated = ascii.negated;
                let ascii = ClassAscii { negated: false, ..ascii };
                *ast = Ast::class_bracketed(ClassBracketed {
                    span,
                    negated,
                    kind: ClassSet::Item(ClassSetItem::Ascii(ascii)),
                });
            }
        }
        Ast::Assertion(assertion)
            if matches!(assertion.kind, AssertionKind::WordBoundary | AssertionKind::NotWordBoundary) =>
        {
            let span = assertion.span;
            let inner = std::mem::replace(ast, Ast::empty(span));
            *ast = not_unicode(vec![inner]);
        }
        Ast::ClassBracketed(class) => rewrite_set(&mut class.kind),
        Ast::Repetition(repetition) => rewrite(&mut repetition.ast),
        Ast::Group(group) => rewrite(&mut group.ast),
        Ast::Alternation(alternation) => alternation.asts.iter_mut().for_each(rewrite),
        Ast::Concat(concat) => {
            concat.asts.iter_mut().filter(|a| !is_ascii_literal(a)).for_each(rewrite);
            let asts = std::mem::take(&mut concat.asts);
            concat.asts = ascii_runs(asts);
        }
        Ast::Literal(literal) if literal.c.is_ascii() => {
            let span = literal.span;
            let inner = std::mem::replace(ast, Ast::empty(span));
            *ast = not_unicode(vec![inner]);
        }
        _ => {}
    }
}

/// `asts` with every run of ASCII literals grouped under `(?-u:…)`, so that
/// case-insensitive matching folds them as ASCII.
fn ascii_runs(asts: Vec<Ast>) -> Vec<Ast> {
    let mut out = Vec::with_capacity(asts.len());
    let mut run = Vec::new();
    for ast in asts {
        if is_ascii_literal(&ast) {
            run.push(ast);
            continue;
        }
        if !run.is_empty() {
            out.push(not_unicode(std::mem::take(&mut run)));
        }
        out.push(ast);
    }
    if !run.is_empty() {
        out.push(not_unicode(run));
    }
    out
}

fn is_ascii_literal(ast: &Ast) -> bool {
    matches!(ast, Ast::Literal(l) if l.c.is_ascii())
}

/// `asts` (one or more nodes) in a `(?-u:…)` group.
fn not_unicode(mut asts: Vec<Ast>) -> Ast {
    let span = Span::new(asts[0].span().start, asts[asts.len() - 1].span().end);
    let inner = if asts.len() == 1 { asts.remove(0) } else { Ast::concat(Concat { span, asts }) };
    Ast::group(Group { span, kind: GroupKind::NonCapturing(flags_not_unicode(span)), ast: Box::new(inner) })
}

fn flags_not_unicode(span: Span) -> Flags {
    Flags {
        span,
        items: vec![
            FlagsItem { span, kind: FlagsItemKind::Negation },
            FlagsItem { span, kind: FlagsItemKind::Flag(Flag::Unicode) },
        ],
    }
}

fn rewrite_set(set: &mut ClassSet) {
    match set {
        ClassSet::Item(item) => rewrite_item(item),
        ClassSet::BinaryOp(op) => {
            rewrite_set(&mut op.lhs);
            rewrite_set(&mut op.rhs);
        }
    }
}

fn rewrite_item(item: &mut ClassSetItem) {
    match item {
        ClassSetItem::Perl(perl) => {
            if let Some(ascii) = ascii_class(perl) {
                *item = ClassSetItem::Ascii(ascii);
            }
        }
        ClassSetItem::Bracketed(class) => rewrite_set(&mut class.kind),
        ClassSetItem::Union(union) => union.items.iter_mut().for_each(rewrite_item),
        _ => {}
    }
}

/// `\w` / `\d` (or their negations) as ASCII classes; `\s` stays Unicode,
/// so a non-breaking space counts as a space.
fn ascii_class(perl: &ClassPerl) -> Option<ClassAscii> {
    let kind = match perl.kind {
        ClassPerlKind::Word => ClassAsciiKind::Word,
        ClassPerlKind::Digit => ClassAsciiKind::Digit,
        ClassPerlKind::Space => return None,
    };
    Some(ClassAscii { span: perl.span, kind, negated: perl.negated })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(pattern: &str) -> String {
        print(&translate(pattern).expect("valid"))
    }

    #[test]
    fn classes_and_boundaries_become_ascii() {
        assert_eq!(printed(r"\bask\b"), r"(?-u:\b)(?-u:ask)(?-u:\b)");
        assert_eq!(printed(r"\w+\d\W"), r"[[:word:]]+[[:digit:]][^[:word:]]");
        assert_eq!(printed(r"[\w.+-]+@"), r"[[:word:].+-]+(?-u:@)");
        assert_eq!(printed(r"[^\]\W]"), r"[^\][:^word:]]");
        assert_eq!(printed(r"\s\p{L}"), r"\s\p{L}");
    }

    #[test]
    fn ascii_letters_fold_as_ascii() {
        assert_eq!(printed(r"(?:a|an) café"), r"(?:(?-u:a)|(?-u:an))(?-u: caf)é");
    }

    #[test]
    fn syntax_errors_are_reported() {
        assert!(translate("(unclosed").is_err());
    }
}
