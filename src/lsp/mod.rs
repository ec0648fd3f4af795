//! `tact lsp`: a language server that checks drafts before they are sent.
//!
//! A synchronous [`lsp_server`] loop (no async runtime): [`serve`] answers
//! `initialize`, then handles one message at a time until `shutdown` and
//! `exit`. It reuses the library exactly as `tact check` does: the same
//! [`Resolver`](crate::config::Resolver) config discovery, the same
//! [`Linter`](crate::lint::Linter) and the same fix loop. `lsp_types` is
//! named only below this module.
//!
//! | file | owns |
//! |---|---|
//! | `transport.rs` | stdio framing that survives malformed messages |
//! | `server.rs` | state, dispatch, lint-when-idle, publishing |
//! | `documents.rs` | open drafts, their versions and last lint |
//! | `convert.rs` | byte spans ↔ UTF-8/UTF-16 positions, URIs |
//! | `diagnostics.rs` | a report as LSP diagnostics, fixes in `data` |
//! | `code_actions.rs` | quick fixes, fix all, ignore a rule |
//! | `hover.rs` | the rule's reasoning, an example, the score |
//! | `settings.rs` | editor settings, config discovery and reloads |
//! | `ignore.rs` | adding a rule to `ignore:` in `.tact.yml` as text |

mod code_actions;
mod convert;
mod diagnostics;
mod documents;
mod hover;
mod ignore;
mod server;
mod settings;
mod transport;

use std::panic::{AssertUnwindSafe, catch_unwind};

pub use lsp_server::Connection;
use lsp_server::{ErrorCode, Message, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, ExecuteCommandOptions, HoverProviderCapability,
    InitializeParams, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
};

use crate::error::Error;
use convert::{Encoding, uri_to_path};
use server::{ClientCaps, Server};
use settings::{ClientSettings, Workspace};

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// `shutdown`, then `exit`.
    Clean,
    /// `exit` without `shutdown`, or the client went away: the protocol
    /// asks for exit code 1.
    WithoutShutdown,
}

/// Serve over standard input and output until the client exits.
///
/// # Errors
/// When the connection breaks during the handshake or shutdown.
pub fn run_stdio() -> Result<Ended, Error> {
    let (connection, writer) = transport::stdio().map_err(|e| Error::io("<stdio>", e))?;
    let result = serve(&connection);
    drop(connection);
    writer.join();
    result
}

/// Serve one client over `connection` (stdio, or [`Connection::memory`] in
/// tests) until it sends `shutdown` and `exit`, or disconnects.
///
/// # Errors
/// When the handshake or shutdown breaks the protocol.
pub fn serve(connection: &Connection) -> Result<Ended, Error> {
    let mut server = initialize(connection)?;
    server.start();
    for message in &connection.receiver {
        match message {
            Message::Request(req) => {
                if connection.handle_shutdown(&req).map_err(protocol)? {
                    return Ok(Ended::Clean);
                }
                let id = req.id.clone();
                if catch_unwind(AssertUnwindSafe(|| server.handle_request(req))).is_err() {
                    let message = "tact hit an internal error; please report it".to_owned();
                    server.send(Response::new_err(id, ErrorCode::InternalError as i32, message));
                }
            }
            Message::Notification(n) if n.method == "exit" => return Ok(Ended::WithoutShutdown),
            Message::Notification(n) => {
                let _ = catch_unwind(AssertUnwindSafe(|| server.handle_notification(n)));
            }
            Message::Response(r) => server.handle_response(r),
        }
        if connection.receiver.is_empty() {
            let _ = catch_unwind(AssertUnwindSafe(|| server.flush()));
        }
    }
    Ok(Ended::WithoutShutdown)
}

/// Answer `initialize`: negotiate the position encoding, read settings and
/// workspace folders, and wait for `initialized`.
fn initialize(connection: &Connection) -> Result<Server, Error> {
    let (id, params) = loop {
        let (id, value) = connection.initialize_start().map_err(protocol)?;
        match serde_json::from_value::<InitializeParams>(value) {
            Ok(params) => break (id, params),
            Err(e) => {
                let message = format!("invalid initialize params: {e}");
                let _ = connection.sender.send(Response::new_err(id, ErrorCode::InvalidParams as i32, message).into());
            }
        }
    };
    let encoding =
        Encoding::negotiate(params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
    let caps = ClientCaps::from(&params.capabilities);
    #[allow(deprecated)] // `root_uri` is what older clients send.
    let roots: Vec<_> = match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders.iter().filter_map(|f| uri_to_path(&f.uri)).collect(),
        _ => params.root_uri.as_ref().and_then(uri_to_path).into_iter().collect(),
    };
    let (client, problem) = match params.initialization_options.as_ref().and_then(ClientSettings::from_value) {
        Some(Ok(client)) => (client, None),
        Some(Err(problem)) => (ClientSettings::default(), Some(problem)),
        None => (ClientSettings::default(), None),
    };
    let mut workspace = Workspace::new(roots, client);
    if workspace.problem.is_none() {
        workspace.problem = problem;
    }
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": { "name": "tact", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result).map_err(protocol)?;
    Ok(Server::new(connection.sender.clone(), encoding, caps, workspace))
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            ..TextDocumentSyncOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(code_actions::FIX_ALL_KIND.to_owned()),
            ]),
            ..CodeActionOptions::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![code_actions::IGNORE_RULE.to_owned()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

fn protocol(err: lsp_server::ProtocolError) -> Error {
    Error::Usage(format!("language server protocol error: {err}"))
}

/// An error as one line per problem, with file, line and column.
fn describe(err: &Error) -> String {
    let at = |f: &crate::error::FileError| format!("{}:{}:{}: {}", f.path(), f.line, f.column, f.message);
    match err {
        Error::File(f) => at(f),
        Error::Rules(load) => load.errors.iter().map(at).collect::<Vec<_>>().join("\n"),
        other => other.to_string(),
    }
}
