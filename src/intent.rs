//! The sentence tagger: which intents (ask, offer, gratitude, escape...) each
//! sentence of the writer's prose carries.
//!
//! Intents are defined by YAML lexicons (`rules/intents/*.yml`): phrases and
//! patterns that signal the intent, and `unless` phrases that veto it in the
//! same sentence ("would you like me to..." is an offer, not an ask). Rules
//! then speak about intents instead of words.

use std::fmt;
use std::sync::Arc;

use crate::message::Message;
use crate::pattern::Pattern;
use crate::phrases::{Hits, ListId, Open};
use crate::span::Span;

/// A set of intents, one bit per intent known to the [`Intents`] table.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct IntentSet(u64);

impl IntentSet {
    pub const EMPTY: IntentSet = IntentSet(0);

    #[must_use]
    pub fn single(index: usize) -> Self {
        IntentSet(1 << index)
    }

    #[must_use]
    pub fn with(self, other: IntentSet) -> Self {
        IntentSet(self.0 | other.0)
    }

    #[must_use]
    pub fn intersects(self, other: IntentSet) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether every intent of `other` is in this set.
    #[must_use]
    pub fn contains(self, other: IntentSet) -> bool {
        self.0 & other.0 == other.0
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Indices of the intents in the set, ascending.
    pub fn indices(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let i = bits.trailing_zeros() as usize;
            bits &= bits.checked_sub(1)?;
            Some(i)
        })
    }
}

impl fmt::Debug for IntentSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.indices()).finish()
    }
}

/// The most intents a rule set may define.
pub const MAX_INTENTS: usize = 64;

/// One compiled intent.
#[derive(Debug)]
pub struct Intent {
    pub name: String,
    pub description: String,
    pub phrases: ListId,
    pub patterns: Vec<Arc<Pattern>>,
    pub unless: ListId,
    pub examples_match: Vec<String>,
    pub examples_no_match: Vec<String>,
    /// Where the lexicon came from (a file path or `builtin:...`).
    pub source: String,
}

/// Every intent known to a rule set, in a fixed order.
#[derive(Debug, Default)]
pub struct Intents {
    intents: Vec<Intent>,
}

impl Intents {
    #[must_use]
    pub fn new(mut intents: Vec<Intent>) -> Self {
        intents.sort_by(|a, b| a.name.cmp(&b.name));
        Self { intents }
    }

    #[must_use]
    pub fn all(&self) -> &[Intent] {
        &self.intents
    }

    /// The set holding the intent called `name`.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Option<IntentSet> {
        self.intents.iter().position(|i| i.name == name).map(IntentSet::single)
    }

    /// Names of every intent, for error messages.
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        self.intents.iter().map(|i| i.name.as_str()).collect()
    }

    /// Tag each sentence of `message` (in order) with its intents.
    #[must_use]
    pub fn tag(&self, message: &Message, hits: &Hits, open: &Open) -> Vec<IntentSet> {
        let text = message.prose();
        let sentences = message.sentences();
        let mut sets = vec![IntentSet::EMPTY; sentences.len()];
        let mut vetoed = vec![IntentSet::EMPTY; sentences.len()];
        let mark = |sets: &mut [IntentSet], span: Span, bit: IntentSet| {
            if let Some(i) = message.sentence_at(span.start) {
                sets[i] = sets[i].with(bit);
            }
        };
        for (index, intent) in self.intents.iter().enumerate() {
            let bit = IntentSet::single(index);
            for span in hits.of(intent.phrases) {
                mark(&mut sets, span, bit);
            }
            for span in hits.of(intent.unless) {
                mark(&mut vetoed, span, bit);
            }
            for pattern in intent.patterns.iter().filter(|p| p.may_match(open)) {
                // A pattern that matches nowhere in the text matches in no
                // sentence: one search instead of one per sentence. Patterns
                // with `^`, `$`, `\A` or `\z` are the exception: their match
                // depends on where a sentence starts or ends. Others (with
                // ASCII `\b`) match inside a sentence only if they match in
                // the whole text: sentences never start or end inside a word.
                let re = pattern.regex();
                if !pattern.anchored() && !re.is_match(text) {
                    continue;
                }
                for sentence in sentences {
                    if re.is_match(sentence.span.of(text)) {
                        mark(&mut sets, sentence.span, bit);
                    }
                }
            }
        }
        for (set, veto) in sets.iter_mut().zip(vetoed) {
            set.0 &= !veto.0;
        }
        sets
    }
}
