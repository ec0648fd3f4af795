//! YAML errors in the words of the person who wrote the file: serde speaks
//! of fields, variants, structs and `u32`s; a rule or config author wrote
//! keys, values and numbers.

use serde_yaml::Error as YamlError;

use super::FileError;
use crate::span::Span;

/// A serde_yaml error in `text` (the file at `path`) as a [`FileError`] at
/// its position; `what` names the file ("rule file", "config").
#[must_use]
pub fn file_error(path: &str, text: &str, err: &YamlError, what: &str) -> FileError {
    let at = err.location().map_or(0, |l| l.index()).min(text.len());
    FileError::new(path, text, word_at(text, at), format!("invalid {what}: {}", plain(&err.to_string())), "here")
}

/// The word (or single char) starting at `at`, so the label has width.
fn word_at(text: &str, at: usize) -> Span {
    let at = text.floor_char_boundary(at);
    let len = text[at..].find(|c: char| c.is_whitespace() || c == ':' || c == ',').unwrap_or(text.len() - at);
    Span::new(at, at + len.max(text[at..].chars().next().map_or(0, char::len_utf8)))
}

/// What serde says, said plainly, without the position (the label shows it).
#[must_use]
pub fn plain(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    let mut out = message
        .replace(
            "invalid type: unit variant, expected newtype variant",
            "expected a kind of check with its settings below it (`existence:`, then `phrases: [...]`), not a lone word",
        )
        .replace("expected a YAML tag starting with '!'", "expected a single value, not a list or mapping")
        .replace("invalid type: unit value", "invalid type: an empty value")
        .replace("check: unknown variant", "check: unknown kind of check")
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing key")
        .replace("duplicate field", "duplicate key")
        .replace("unknown variant", "unknown value");
    out = replace_named(&out, "expected struct ", |name| match name {
        "RuleFile" => "expected a rule: keys such as `level`, `message` and `check`",
        "LexiconFile" => "expected an intent lexicon: keys such as `description` and `phrases`",
        "Options" => "expected settings: keys such as `select`, `ignore` and `rules`",
        _ => "expected a mapping of keys",
    });
    out = replace_named(&out, "data did not match any variant of untagged enum ", |name| match name {
        "Example" => "expected an example: a text, or `text:` with `kind:`",
        _ => "this value has none of the forms this key takes",
    });
    out = replace_named(&out, "expected enum ", |_| "expected a single value");
    out = replace_named(&out, "expected ", |name| match name {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "expected a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "expected a whole number",
        "f32" | "f64" => "expected a number",
        _ => "",
    });
    out
}

/// `text` with `prefix` followed by a Rust name replaced by what `words`
/// says for that name (an empty answer keeps the text as it was).
fn replace_named(text: &str, prefix: &str, words: impl Fn(&str) -> &'static str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let after = &rest[i + prefix.len()..];
        let len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        let replacement = words(&after[..len]);
        out.push_str(&rest[..i]);
        if len == 0 || replacement.is_empty() {
            out.push_str(&rest[i..i + prefix.len()]);
            rest = after;
        } else {
            out.push_str(replacement);
            rest = &after[len..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_names_become_plain_words() {
        assert_eq!(
            plain("invalid type: string \"hello\", expected struct RuleFile at line 1 column 1"),
            "invalid type: string \"hello\", expected a rule: keys such as `level`, `message` and `check`"
        );
        assert_eq!(
            plain("invalid type: sequence, expected struct Options"),
            "invalid type: sequence, expected settings: keys such as `select`, `ignore` and `rules`"
        );
        assert_eq!(
            plain("examples.fire[0]: data did not match any variant of untagged enum Example"),
            "examples.fire[0]: expected an example: a text, or `text:` with `kind:`"
        );
        assert_eq!(
            plain("max: invalid value: integer `-1`, expected usize"),
            "max: invalid value: integer `-1`, expected a whole number, 0 or more"
        );
        assert_eq!(
            plain("unknown field `sumary`, expected one of `level`"),
            "unknown key `sumary`, expected one of `level`"
        );
        assert_eq!(
            plain("invalid type: string \"x\", expected a sequence"),
            "invalid type: string \"x\", expected a sequence"
        );
    }
}
