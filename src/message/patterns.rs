//! The message model's patterns that the build turns into DFAs
//! (`build/patterns.rs`), as text: a run reads their DFAs in place instead of
//! compiling them ([`crate::pattern::prebuilt::model`]). Plain regex syntax,
//! Unicode-aware and case-sensitive unless a pattern says otherwise.
//!
//! One DFA may search for several patterns at once ([`PLACEHOLDER`]): the
//! first in the list that matches at the leftmost position wins, as in an
//! alternation, and the match says which it was.
//!
//! The model's other patterns compile at run time: a greeting that is a
//! name alone (letters of any script make its DFA over a megabyte; it is
//! tried only on a first line that opens with no greeting word), and those
//! that need capture groups or do not determinize (front matter, Markdown).

/// A well-known header line: `Subject:`, `To:`, `From:`...
pub const HEADER: &str = r"(?i)^(?:subject|to|from|cc|bcc|date|reply-to|sent)[ \t]*:[ \t]*";

/// Any `Name: value` header line.
pub const ANY_HEADER: &str = r"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]";

/// A greeting line that opens with a greeting word: "Hi Sam,", "Good
/// morning Dr. Okafor!", "Hello".
pub const GREETING_WORD: &str = r"(?x)^[\x20\t]*
          (?i:hi|hiya|hello|hey|heya|dear|greetings|howdy|yo|good\ (?:morning|afternoon|evening|day)|ahoy)
          (?:[\x20\t]+(?:(?i:dr|mr|mrs|ms|mx|prof|rev)\.[\x20\t]*)?[^\s,!:.;?—–][^,!:.;?\n—–]*?)?
          [\x20\t]*(?:[,!:—–]|\ -|$|\.\s*$)";

/// A greeting line that is one to three capitalized names and a comma:
/// "Sam,", "Dr Okafor-Smith,". Compiled at run time.
pub const GREETING_NAME: &str = r"^[\x20\t]*\p{Lu}[\p{L}'’.-]*(?:[\x20\t]+\p{Lu}[\p{L}'’.-]*){0,2}[\x20\t]*,[\x20\t]*$";

/// A closing line: "Best,", "Thanks again!", "Talk soon".
pub const CLOSING: &str = r"(?ix)^[\x20\t]*(?:
          (?:best|warm|kind|warmest|kindest|many)?[\x20\t]*(?:regards|wishes|thanks|thanks\ again|thank\ you|thank\ you\ again)
        | best | all\ the\ best | cheers | sincerely | yours(?:\ truly|\ sincerely)? | sincerely\ yours
        | warmly | with\ gratitude | gratefully | respectfully | talk\ soon | speak\ soon | take\ care
        | thanks(?:\ so\ much|\ a\ lot|\ in\ advance)? | thank\ you(?:\ so\ much|\ in\ advance)? | many\ thanks | much\ appreciated
        | looking\ forward | onwards | ciao | best\ wishes | be\ well | thx | ty
        )[\x20\t]*[,.!—–-]?[\x20\t]*$";

/// The line that introduces quoted material: "On Mon, Sam wrote:".
pub const QUOTE_INTRO: &str = r"(?ix)^[\x20\t]*(?:
          on\ .+?\ (?:wrote|a\ écrit|schrieb|escribió)[\x20\t]*:[\x20\t]*$
        | -{2,}[\x20\t]*(?:original\ message|forwarded\ message)[\x20\t]*-{2,}
        | begin\ forwarded\ message[\x20\t]*:
        | _{5,}[\x20\t]*$
        )";

/// The start of a P.S.
pub const PS: &str = r"^[ \t]*(?:P\.? ?S\.?|p\.s\.)(?:[ \t]*[:.,-])?[ \t]+";

/// A mail app's line at the end: "Sent from my iPhone".
pub const SENT_FROM: &str = r"(?i)^[ \t]*sent from my [a-z]+|^[ \t]*get outlook for";

/// A link in prose.
pub const LINK: &str = r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()\[\]]+";

/// Template placeholders, one pattern per syntax, in the order of
/// [`crate::message::placeholder::Syntax`]'s variants. Unbounded repeats
/// with a length check after matching: bounded repeats of Unicode classes
/// make very large automata.
pub const PLACEHOLDER: &[&str] = &[
    r"\{\{[^{}\n]+\}\}",
    r"\{%[^%\n]+%\}",
    r"\{![A-Za-z_][A-Za-z0-9_.]*\}",
    r"\$\{[A-Za-z_][A-Za-z0-9_.]*\}",
    r"\*\|[A-Za-z0-9_:-]+\|\*",
    r"%[A-Za-z_][A-Za-z0-9_.]+%",
    r"\{[^{}|\n]+(?:\|[^{}|\n]*)+\}",
    r"\{[A-Za-z_][A-Za-z0-9_.]*\}",
    r"\[(?:[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3}|[a-z]+(?:_[a-z]+)+|(?:(?:your|their|first|last|full|company|contact|job|recipient|prospect)\x20)?(?:name|first\x20name|company|company\x20name|title|job\x20title|role|city|date|link|url|position|industry|product|school|team))\]",
];

/// Placeholders that are instructions or blanks left in a template, in the
/// order of the last variants of [`crate::message::placeholder::Syntax`]: a
/// set of their own, as in one automaton with the others they would
/// multiply its size.
pub const FILL_IN: &[&str] = &[
    r"\[\[[A-Za-z0-9_\x20'.-]+\]\]|\[\x20+[A-Za-z][A-Za-z0-9_\x20'.-]*\x20\]|[\[(](?i:insert|fill\x20in|enter|type|add\x20your)\x20[A-Za-z0-9_\x20'’.,&/-]+[\])]",
    r"<(?:[A-Z][A-Za-z]*(?:\x20[A-Z]?[A-Za-z]+){0,3}|[a-z]+(?:_[a-z]+)+)>",
    r"_{3,}",
];

/// Every set of patterns above that one DFA searches for, for the build.
pub const ALL: &[&[&str]] = &[
    &[HEADER],
    &[ANY_HEADER],
    &[GREETING_WORD],
    &[CLOSING],
    &[QUOTE_INTRO],
    &[PS],
    &[SENT_FROM],
    &[LINK],
    PLACEHOLDER,
    FILL_IN,
];
