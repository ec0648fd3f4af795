//! `capitalization`: words in capitals for emphasis (shouting), acronyms
//! excepted.

use super::{Ctx, Finding};
use crate::span::Span;

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// A capitalised word this long or longer is shouting on its own.
    #[serde(default = "default_min_letters")]
    pub min_letters: usize,
    /// Two or more capitalised words in a row of at least this length are shouting.
    #[serde(default = "default_run_letters")]
    pub run_letters: usize,
    /// Acronyms and names that are written in capitals.
    #[serde(default)]
    pub allow: Vec<String>,
}

fn default_min_letters() -> usize {
    5
}

fn default_run_letters() -> usize {
    3
}

#[derive(Debug)]
pub struct Capitalization {
    min_letters: usize,
    run_letters: usize,
    allow: Vec<String>,
}

pub fn compile(spec: Spec) -> Capitalization {
    Capitalization {
        min_letters: spec.min_letters,
        run_letters: spec.run_letters,
        allow: spec.allow.iter().map(|a| a.to_uppercase()).collect(),
    }
}

impl Capitalization {
    /// Capitals only: at least two uppercase letters and no lowercase ones.
    /// Letters of scripts without case (Hebrew, Arabic, CJK...) are neither,
    /// so words in those scripts never count as shouting.
    fn is_caps(&self, word: &str) -> bool {
        capitals(word) >= 2 && !word.chars().any(char::is_lowercase) && !self.allow.iter().any(|a| a == word)
    }

    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let text = ctx.text();
        for region in ctx.regions() {
            let words = ctx.words_in(region);
            let mut i = 0;
            while i < words.len() {
                if !self.is_caps(words[i].of(text)) {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j + 1 < words.len()
                    && self.is_caps(words[j + 1].of(text))
                    && gap_is_space(text, words[j], words[j + 1])
                {
                    j += 1;
                }
                let letters = |w: Span| capitals(w.of(text));
                let run = &words[i..=j];
                let shouting = if run.len() >= 2 {
                    run.iter().filter(|&&w| letters(w) >= self.run_letters).count() >= 2
                } else {
                    letters(run[0]) >= self.min_letters
                };
                if shouting {
                    out.push(Finding::at(run[0].cover(run[run.len() - 1])));
                }
                i = j + 1;
            }
        }
    }
}

fn gap_is_space(text: &str, a: Span, b: Span) -> bool {
    text[a.end..b.start].chars().all(|c| c == ' ' || c == ',' || c == '!')
}

/// How many uppercase letters `word` holds.
fn capitals(word: &str) -> usize {
    word.chars().filter(|c| c.is_uppercase()).count()
}
