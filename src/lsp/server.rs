//! The server's state and the dispatch of each message to its handler.
//!
//! Edits only mark a document stale; [`Server::flush`] lints stale
//! documents once the incoming queue is empty, so a burst of keystrokes
//! costs one lint. A request about a stale document lints it first.

use std::collections::BTreeMap;

use crossbeam_channel::Sender;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    ClientCapabilities, ConfigurationItem, ConfigurationParams, DiagnosticSeverity, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, FileSystemWatcher, GlobPattern, MessageType, PublishDiagnosticsParams, Registration,
    RegistrationParams, ShowMessageParams, Uri,
};
use serde::de::DeserializeOwned;

use super::convert::Encoding;
use super::diagnostics::{self, Render};
use super::documents::{Checked, Document, Documents, Linted, format_for};
use super::settings::{ClientSettings, Workspace};
use super::{code_actions, hover};

/// Drafts larger than this are not linted (an outreach message is a few KB).
pub(crate) const MAX_BYTES: usize = 1024 * 1024;

/// What the client said it can do, as far as tact cares.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ClientCaps {
    pub document_changes: bool,
    pub watch_files: bool,
    pub pull_configuration: bool,
}

impl ClientCaps {
    pub(crate) fn from(caps: &ClientCapabilities) -> Self {
        let workspace = caps.workspace.as_ref();
        Self {
            document_changes: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            pull_configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
        }
    }
}

/// A request tact sent to the client, awaiting its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Configuration,
    Other,
}

/// Everything the server knows between messages.
pub(crate) struct Server {
    sender: Sender<Message>,
    pub encoding: Encoding,
    pub caps: ClientCaps,
    pub docs: Documents,
    pub workspace: Workspace,
    next_id: i32,
    pending: BTreeMap<RequestId, Pending>,
    /// The last problem shown in a pop-up, so it is not repeated per keystroke.
    shown: Option<String>,
}

impl Server {
    pub(crate) fn new(sender: Sender<Message>, encoding: Encoding, caps: ClientCaps, workspace: Workspace) -> Self {
        Self {
            sender,
            encoding,
            caps,
            docs: Documents::default(),
            workspace,
            next_id: 0,
            pending: BTreeMap::new(),
            shown: None,
        }
    }

    /// Work to do once the client is initialized: watch config files and
    /// pull settings.
    pub(crate) fn start(&mut self) {
        if let Some(problem) = self.workspace.problem.clone() {
            self.show(MessageType::WARNING, problem);
        }
        if self.caps.watch_files {
            let watchers = ["**/.tact.yml", "**/*.{yml,yaml}"]
                .into_iter()
                .map(|glob| FileSystemWatcher { glob_pattern: GlobPattern::String(glob.to_owned()), kind: None })
                .collect();
            let options = DidChangeWatchedFilesRegistrationOptions { watchers };
            let registration = Registration {
                id: "tact-watch-config".to_owned(),
                method: "workspace/didChangeWatchedFiles".to_owned(),
                register_options: serde_json::to_value(options).ok(),
            };
            self.request(
                "client/registerCapability",
                RegistrationParams { registrations: vec![registration] },
                Pending::Other,
            );
        }
        self.pull_configuration();
    }

    fn pull_configuration(&mut self) {
        if self.caps.pull_configuration {
            let item = ConfigurationItem { scope_uri: None, section: Some("tact".to_owned()) };
            self.request("workspace/configuration", ConfigurationParams { items: vec![item] }, Pending::Configuration);
        }
    }

    pub(crate) fn send(&self, message: impl Into<Message>) {
        // A closed channel means the client is gone; the loop ends on its own.
        let _ = self.sender.send(message.into());
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_owned(), params));
    }

    fn request(&mut self, method: &str, params: impl serde::Serialize, pending: Pending) {
        self.next_id += 1;
        let id = RequestId::from(format!("tact-{}", self.next_id));
        self.pending.insert(id.clone(), pending);
        self.send(Request::new(id, method.to_owned(), params));
    }

    pub(crate) fn show(&mut self, typ: MessageType, message: String) {
        if self.shown.as_ref() != Some(&message) {
            self.shown = Some(message.clone());
            self.notify("window/showMessage", ShowMessageParams { typ, message });
        }
    }

    pub(crate) fn handle_request(&mut self, req: Request) {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/codeAction" => params(req).map(|p| code_actions::code_actions(self, p)).and_then(to_json),
            "textDocument/hover" => params(req).map(|p| hover::hover(self, p)).and_then(to_json),
            "workspace/executeCommand" => params(req).and_then(|p| code_actions::execute(self, p)),
            method => Err((ErrorCode::MethodNotFound, format!("tact does not handle `{method}`"))),
        };
        self.send(match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        });
    }

    pub(crate) fn handle_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Some(p) = note_params::<DidOpenTextDocumentParams>(self, n) {
                    let item = p.text_document;
                    if let Some(format) = format_for(&item.language_id, &item.uri) {
                        self.docs.open(Document::new(item.uri, item.version, item.text, format));
                    }
                }
            }
            "textDocument/didChange" => {
                if let Some(p) = note_params::<DidChangeTextDocumentParams>(self, n) {
                    let encoding = self.encoding;
                    if let Some(doc) = self.docs.get_mut(&p.text_document.uri)
                        && let Err(message) = doc.apply(p.text_document.version, p.content_changes, encoding)
                    {
                        let message = format!("tact: {}: {message}", p.text_document.uri.as_str());
                        self.notify(
                            "window/logMessage",
                            lsp_types::LogMessageParams { typ: MessageType::WARNING, message },
                        );
                    }
                }
            }
            "textDocument/didClose" => {
                if let Some(p) = note_params::<DidCloseTextDocumentParams>(self, n)
                    && self.docs.close(&p.text_document.uri).is_some()
                {
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            "workspace/didChangeConfiguration" => {
                if let Some(p) = note_params::<DidChangeConfigurationParams>(self, n) {
                    match ClientSettings::from_value(&p.settings) {
                        Some(Ok(settings)) => self.set_client_settings(settings),
                        Some(Err(problem)) => self.show(MessageType::WARNING, problem),
                        None => self.pull_configuration(),
                    }
                }
            }
            // Which file changed does not matter: settings are re-resolved lazily.
            "workspace/didChangeWatchedFiles" => self.workspace.reload(),
            _ => {}
        }
    }

    pub(crate) fn handle_response(&mut self, response: Response) {
        let Some(pending) = self.pending.remove(&response.id) else { return };
        if pending != Pending::Configuration {
            return;
        }
        // One item was asked for; its value is the `tact` section.
        let value = response.response_result.ok().and_then(|v| v.get(0).cloned()).unwrap_or_default();
        match ClientSettings::from_value(&value) {
            Some(Ok(settings)) => self.set_client_settings(settings),
            Some(Err(problem)) => self.show(MessageType::WARNING, problem),
            None => {}
        }
    }

    fn set_client_settings(&mut self, settings: ClientSettings) {
        if settings != self.workspace.client {
            self.workspace.set_client(settings);
            if let Some(problem) = self.workspace.problem.clone() {
                self.show(MessageType::WARNING, problem);
            }
        }
    }

    /// Lint and publish every document whose lint is missing or stale.
    pub(crate) fn flush(&mut self) {
        self.workspace.refresh();
        for uri in self.docs.stale(self.workspace.generation) {
            self.lint(&uri);
        }
    }

    /// The document at `uri`, linted for the current settings.
    pub(crate) fn linted(&mut self, uri: &Uri) -> Option<&Document> {
        self.workspace.refresh();
        let generation = self.workspace.generation;
        if self.docs.get(uri)?.current(generation).is_none() {
            self.lint(uri);
        }
        self.docs.get(uri)
    }

    fn lint(&mut self, uri: &Uri) {
        let generation = self.workspace.generation;
        let Some(doc) = self.docs.get(uri) else { return };
        let dir = doc.dir().map(std::path::Path::to_path_buf);
        let outcome = if doc.text.len() > MAX_BYTES {
            Err(format!(
                "tact: this buffer is {} KB; drafts over {} KB are not checked",
                doc.text.len() / 1024,
                MAX_BYTES / 1024
            ))
        } else {
            match self.workspace.settings_for(dir.as_deref()) {
                Ok(settings) => Ok(settings),
                Err(err) => Err(format!("tact could not load its settings: {}", super::describe(&err))),
            }
        };
        let Some(doc) = self.docs.get_mut(uri) else { return };
        let outcome = outcome.map(|settings| Checked { report: diagnostics::lint(doc, &settings), settings });
        let render = Render { encoding: self.encoding, docs_url: self.workspace.client.docs_url.as_deref() };
        let too_large = doc.text.len() > MAX_BYTES;
        let published = match &outcome {
            Ok(checked) => diagnostics::to_lsp(doc, &checked.report, checked.settings.linter.rules(), render),
            Err(problem) if too_large => {
                vec![diagnostics::notice("too-large", DiagnosticSeverity::INFORMATION, problem)]
            }
            Err(problem) => vec![diagnostics::notice("config", DiagnosticSeverity::ERROR, problem)],
        };
        doc.linted = Some(Linted { generation, outcome });
        let (uri, version) = (doc.uri.clone(), doc.version);
        self.publish(uri, published, Some(version));
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams { uri, diagnostics, version });
    }
}

/// An error response: its code and message.
pub(crate) type Failure = (ErrorCode, String);

fn params<P: DeserializeOwned>(req: Request) -> Result<P, Failure> {
    serde_json::from_value(req.params)
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params for {}: {e}", req.method)))
}

fn to_json(value: impl serde::Serialize) -> Result<serde_json::Value, Failure> {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

/// A notification's params, or `None` after logging why they are unusable.
fn note_params<P: DeserializeOwned>(server: &Server, n: Notification) -> Option<P> {
    match serde_json::from_value(n.params) {
        Ok(p) => Some(p),
        Err(e) => {
            let message = format!("tact: ignored `{}` with invalid params: {e}", n.method);
            server.notify("window/logMessage", lsp_types::LogMessageParams { typ: MessageType::WARNING, message });
            None
        }
    }
}
