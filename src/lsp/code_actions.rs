//! Code actions and the command behind "ignore RULE in this project".
//!
//! - Each rewrite in a diagnostic's `data` becomes a quick fix; safe ones
//!   are preferred. Rewrites made for an older version are not offered.
//! - "Fix all safe problems in this message" runs the same fixed-point loop
//!   as `tact check --fix` and offers the result as one minimal edit, both
//!   as `source.fixAll.tact` and as a quick fix.
//! - "Ignore RULE in this project" runs `tact.ignoreRule`, which adds the
//!   rule to `ignore:` in `.tact.yml` (see [`super::ignore`]).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use lsp_server::ErrorCode;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Command, DocumentChanges, ExecuteCommandParams,
    MessageType, NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Uri,
    WorkspaceEdit,
};

use super::convert::{Encoding, uri_to_path};
use super::diagnostics::FixData;
use super::documents::Document;
use super::ignore::{self, Added};
use super::server::{ClientCaps, Failure, Server};
use crate::config::FILE_NAME;
use crate::diagnostic::Applicability;
use crate::fix::fix_text;
use crate::span::Span;

/// The command that adds a rule to `ignore:` in `.tact.yml`.
pub(crate) const IGNORE_RULE: &str = "tact.ignoreRule";
/// The kind of the fix-all action.
pub(crate) const FIX_ALL_KIND: &str = "source.fixAll.tact";
/// `CodeActionKind::QUICKFIX` as a constant string.
const QUICKFIX: &str = "quickfix";

/// The actions for `params`' range and diagnostics.
pub(crate) fn code_actions(server: &mut Server, params: CodeActionParams) -> Vec<CodeActionOrCommand> {
    let (caps, encoding) = (server.caps, server.encoding);
    let generation = server.workspace.generation;
    let uri = params.text_document.uri;
    let Some(doc) = server.linted(&uri) else { return Vec::new() };
    let only = params.context.only.as_deref();
    let wanted = |kind: &str| {
        only.is_none_or(|only| only.iter().any(|o| kind == o.as_str() || kind.starts_with(&format!("{}.", o.as_str()))))
    };
    let ours: Vec<&lsp_types::Diagnostic> =
        params.context.diagnostics.iter().filter(|d| d.source.as_deref() == Some("tact")).collect();
    let mut actions = Vec::new();

    if wanted(QUICKFIX) {
        for d in &ours {
            let Some(data) = d.data.clone().and_then(|v| serde_json::from_value::<FixData>(v).ok()) else { continue };
            if data.version != doc.version {
                continue;
            }
            for fix in data.fixes {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![(*d).clone()]),
                    edit: Some(edit(caps, &uri, doc.version, fix.edits)),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..CodeAction::default()
                }));
            }
        }
    }

    // As a source action whenever something is fixable; among the quick
    // fixes only when it does more than the one fix already listed.
    let mut kinds = Vec::new();
    let safe = safe_fixes(doc, generation);
    if wanted(FIX_ALL_KIND) && safe >= 1 {
        kinds.push(FIX_ALL_KIND);
    }
    if wanted(QUICKFIX) && !ours.is_empty() && safe >= 2 {
        kinds.push(QUICKFIX);
    }
    if let Some(edits) = kinds.first().and_then(|_| fix_all_edits(doc, generation, encoding)) {
        for kind in kinds {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Fix all safe problems in this message".to_owned(),
                kind: Some(CodeActionKind::from(kind.to_owned())),
                edit: Some(edit(caps, &uri, doc.version, edits.clone())),
                ..CodeAction::default()
            }));
        }
    }

    if wanted(QUICKFIX) {
        let rules = doc.checked(generation).map(|c| c.settings.linter.rules());
        let ids: BTreeSet<&str> = ours
            .iter()
            .filter_map(|d| match &d.code {
                Some(NumberOrString::String(id)) => Some(id.as_str()),
                _ => None,
            })
            .filter(|id| rules.is_some_and(|r| r.rule(id).is_some()))
            .collect();
        for id in ids {
            let title = format!("Ignore `{id}` in this project ({FILE_NAME})");
            let arguments = vec![serde_json::json!({ "rule": id, "uri": uri.as_str() })];
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                command: Some(Command { title, command: IGNORE_RULE.to_owned(), arguments: Some(arguments) }),
                ..CodeAction::default()
            }));
        }
    }
    actions
}

/// Edits taking the document to its text after every safe fix, or `None`
/// when nothing has a safe fix.
fn fix_all_edits(doc: &Document, generation: u64, encoding: Encoding) -> Option<Vec<TextEdit>> {
    let checked = doc.checked(generation)?;
    let kind = checked.settings.kind_for(doc.path.as_deref());
    let fixed = fix_text(&checked.settings.linter, &doc.text, doc.format, kind, Applicability::Safe, &|_| true);
    if fixed.text == doc.text {
        return None;
    }
    let conv = doc.converter(encoding);
    let edits = word_changes(&doc.text, &fixed.text)
        .into_iter()
        .map(|(span, new_text)| TextEdit { range: conv.range(span), new_text: new_text.to_owned() })
        .collect();
    Some(edits)
}

/// How many findings of the current lint have a safe fix.
fn safe_fixes(doc: &Document, generation: u64) -> usize {
    doc.checked(generation)
        .map_or(0, |c| c.report.diagnostics.iter().filter(|d| d.fix(Applicability::Safe).is_some()).count())
}

/// The changed stretches between `old` and `new`, word by word, so an
/// editor keeps the cursor and marks outside them.
fn word_changes<'n>(old: &str, new: &'n str) -> Vec<(Span, &'n str)> {
    let diff = similar::TextDiff::configure().timeout(std::time::Duration::from_millis(50)).diff_words(old, new);
    let offsets = |slices: &[&str]| -> Vec<usize> {
        std::iter::once(0)
            .chain(slices.iter().scan(0, |at, s| {
                *at += s.len();
                Some(*at)
            }))
            .collect()
    };
    let (old_at, new_at) = (offsets(diff.old_slices()), offsets(diff.new_slices()));
    let mut out: Vec<(Span, std::ops::Range<usize>)> = Vec::new();
    for op in diff.ops() {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        let (span, range) = (Span::new(old_at[o.start], old_at[o.end]), new_at[n.start]..new_at[n.end]);
        match out.last_mut() {
            Some((last, r)) if last.end == span.start && r.end == range.start => {
                *last = last.cover(span);
                r.end = range.end;
            }
            _ => out.push((span, range)),
        }
    }
    out.into_iter().map(|(span, range)| (span, &new[range])).collect()
}

fn edit(caps: ClientCaps, uri: &Uri, version: i32, edits: Vec<TextEdit>) -> WorkspaceEdit {
    if caps.document_changes {
        let text_document = OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version: Some(version) };
        let edits = edits.into_iter().map(OneOf::Left).collect();
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit { text_document, edits }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }
    }
}

/// The arguments of `tact.ignoreRule`.
#[derive(Debug, serde::Deserialize)]
struct IgnoreArgs {
    rule: String,
    uri: Option<Uri>,
}

/// `workspace/executeCommand`.
pub(crate) fn execute(server: &mut Server, params: ExecuteCommandParams) -> Result<serde_json::Value, Failure> {
    if params.command != IGNORE_RULE {
        return Err((ErrorCode::InvalidParams, format!("unknown command `{}`", params.command)));
    }
    let args: IgnoreArgs = params
        .arguments
        .first()
        .cloned()
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or_else(|| (ErrorCode::InvalidParams, format!("{IGNORE_RULE} takes {{ rule, uri }}")))?;
    let path = config_to_edit(server, args.uri.as_ref());
    match ignore::add_to_file(&path, &args.rule) {
        Ok(added) => {
            let message = match added {
                Added::AlreadyIgnored => format!("`{}` is already ignored in {}", args.rule, path.display()),
                Added::Written | Added::Created => format!("Ignoring `{}` in {}", args.rule, path.display()),
            };
            server.workspace.reload();
            server.show(MessageType::INFO, message);
            Ok(serde_json::Value::Null)
        }
        Err(problem) => {
            server.show(MessageType::ERROR, problem.clone());
            Err((ErrorCode::RequestFailed, problem))
        }
    }
}

/// The config a document's ignore goes to: the one that applies to it, or
/// a new one at its workspace root (or its folder).
fn config_to_edit(server: &Server, uri: Option<&Uri>) -> PathBuf {
    let path = uri.and_then(uri_to_path);
    let dir = path.as_deref().and_then(std::path::Path::parent).map(std::path::Path::to_path_buf);
    let workspace = &server.workspace;
    if let Some(existing) = dir.as_deref().and_then(|d| workspace.config_path(d)) {
        return existing;
    }
    let folder = match (&path, &dir) {
        (Some(p), Some(d)) => workspace.root_of(p).map_or_else(|| d.clone(), std::path::Path::to_path_buf),
        _ => workspace.root(),
    };
    folder.join(FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_changes_touch_only_changed_words() {
        let old = "Hi Zoë 👋, as I mentioned, the café is booked. Per my last email, thanks.";
        let new = "Hi Zoë 👋, as I said, the café is booked. In my earlier note, thanks.";
        let changes = word_changes(old, new);
        let shown: Vec<(&str, &str)> = changes.iter().map(|(span, with)| (&old[span.range()], *with)).collect();
        assert_eq!(shown, [("mentioned,", "said,"), ("Per", "In"), ("last", "earlier"), ("email,", "note,")]);
        let mut rebuilt = old.to_owned();
        for (span, with) in changes.iter().rev() {
            rebuilt.replace_range(span.range(), with);
        }
        assert_eq!(rebuilt, new);
    }
}
