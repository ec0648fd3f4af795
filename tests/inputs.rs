//! Every input reader takes any bytes without panicking, and what it reads
//! can be linted and located: random bytes, and random text built from the
//! pieces each format is made of (quotes, separators, tags, entities,
//! headers, `From ` lines, JSON).

use proptest::prelude::*;

use tact::input::{InputFormat, ReadOptions, read_with};
use tact::line_index::LineIndex;
use tact::{Linter, Message};

const PIECES: &[&str] = &[
    "\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\u{feff}",
    "<p>",
    "</p>",
    "<br>",
    "<blockquote>",
    "</blockquote>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "&#8212;",
    "&#xZZ;",
    "&",
    "<",
    ">",
    "From a@b Mon\n",
    ">From x\n",
    "Subject: Hi\n",
    "To: Sam <s@x.io>\n",
    "Content-Type: text/html\n",
    "Content-Transfer-Encoding: base64\n",
    "\n\n",
    "{\"id\": 1, \"body\": \"hi\"}",
    "{\"body\": 3}",
    "[",
    "]",
    "{",
    "}",
    "body",
    "message",
    "CONTENT",
    "CONVERSATION ID",
    "Direction",
    "Sent At",
    "Hi Zoë, could you help?",
    "é",
    "\u{0}",
    "--",
    "=\n",
    "=C3=A9",
];

fn pieces() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0..PIECES.len(), 0..40)
        .prop_map(|picks| picks.into_iter().flat_map(|i| PIECES[i].as_bytes().to_vec()).collect())
}

fn check_all(bytes: &[u8], linter: &Linter) {
    let options = ReadOptions { from: None, ..ReadOptions::default() };
    for format in InputFormat::ALL {
        let Ok(parsed) = read_with("fuzz", bytes.to_vec(), format, &options) else { continue };
        for document in parsed.documents {
            if let Some(origin) = &document.origin {
                for offset in [0, document.text.len() / 2, document.text.len()] {
                    let at = origin.locate(offset);
                    assert!(at.line >= 1 && at.column >= 1);
                }
            }
            let message = Message::new(document.text.clone(), document.format);
            let report = linter.lint(&message, document.kind.clone());
            let index = LineIndex::new(message.text());
            for d in &report.diagnostics {
                assert!(d.span.end <= message.text().len() && message.text().is_char_boundary(d.span.start));
                let _ = index.line_col(message.text(), d.span.start, tact::line_index::ColumnUnit::Char);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check_all(&bytes, &LINTER);
    }

    #[test]
    fn format_shaped_text_never_panics(bytes in pieces()) {
        check_all(&bytes, &LINTER);
    }
}

static LINTER: std::sync::LazyLock<Linter> = std::sync::LazyLock::new(|| Linter::builtin().expect("built-in pack"));
