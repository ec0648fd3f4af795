//! LinkedIn's data export, recognised by its headers: `messages.csv`
//! (conversations, InMail) and `Invitations.csv` (connection requests, whose
//! notes are checked as `linkedin-note`). Columns are matched by name, so
//! exports with extra or reordered columns still read.

use super::csv::{Layout, column};
use crate::message::{Kind, KindSource};

/// The layout of a LinkedIn export with these headers, if it is one.
pub(super) fn detect(headers: &[String]) -> Option<Layout> {
    let has = |name: &str| column(headers, name);
    if let (Some(_), Some(content), Some(from)) = (has("conversation id"), has("content"), has("from")) {
        let senders = [Some(from), has("sender profile url")].into_iter().flatten().collect();
        return Some(Layout {
            body: content,
            subject: has("subject"),
            senders,
            kind: None,
            kind_with_subject: Some(Kind::Inmail),
            subject_when_empty: false,
            html: true,
            export: Some("LinkedIn messages"),
        });
    }
    if let (Some(message), Some(_), Some(_)) = (has("message"), has("direction"), has("sent at")) {
        let senders =
            [has("from"), has("inviterprofileurl"), has("inviter profile url")].into_iter().flatten().collect();
        return Some(Layout {
            body: message,
            subject: None,
            senders,
            kind: Some((Kind::LinkedinNote, KindSource::Input("LinkedIn invitation".to_owned()))),
            kind_with_subject: None,
            subject_when_empty: false,
            html: true,
            export: Some("LinkedIn invitations"),
        });
    }
    None
}
