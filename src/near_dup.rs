//! Near-duplicate messages: the same template sent with small edits, which
//! recipients who compare notes will spot.
//!
//! Each message's own words (subject and prose; not headers, quotes or
//! signatures) become word 3-gram shingles, sketched by one-permutation
//! MinHash into [`BINS`] 16-bit values (256 bytes a message). Similarity is the share of equal bins, an
//! estimate of the Jaccard similarity of the shingle sets. Candidates come
//! from LSH buckets ([`BANDS`] bands of [`ROWS`] bins) and each is checked
//! only against its bucket's first member, so grouping stays linear in the
//! number of messages.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::message::Message;

/// Sketch size.
pub const BINS: usize = 128;
/// LSH bands and rows per band (`BANDS * ROWS == BINS`).
pub const BANDS: usize = 32;
pub const ROWS: usize = 4;
/// Messages this similar are reported together.
pub const THRESHOLD: f64 = 0.8;
/// Messages with fewer shingles are too short to compare.
const MIN_SHINGLES: usize = 5;
const EMPTY: u16 = u16::MAX;

/// A message's MinHash sketch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch([u16; BINS]);

/// Messages that are one template with small edits.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Group {
    /// Indices of the messages (as given to [`groups`]), ascending.
    pub members: Vec<usize>,
    /// The lowest estimated similarity of a member to the first.
    pub similarity: f64,
}

/// 64-bit mixing (splitmix64 finaliser).
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a over a word, lowercased (ASCII words byte by byte).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            let mut buf = [0u8; 4];
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    }
    h
}

/// Push the hash of every word (run of letters and digits) of `text`.
fn hash_words(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (word_char, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word_hash(&text[s..i]));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(word_hash(&text[s..]));
    }
}

/// Hashes band keys, which are already well mixed: no SipHash needed.
#[derive(Default)]
struct BandHasher(u64);

impl std::hash::Hasher for BandHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8)) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = mix(self.0 ^ n);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

impl Sketch {
    /// The sketch of a message's own words, if it has enough of them.
    #[must_use]
    pub fn of(message: &Message) -> Option<Sketch> {
        let text = message.prose();
        let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
        for section in message.sections().iter().filter(|s| s.kind.is_writers()) {
            hash_words(section.span.of(text), &mut words);
        }
        Self::of_words(&words)
    }

    /// The sketch of a sequence of word hashes.
    #[must_use]
    pub fn of_words(words: &[u64]) -> Option<Sketch> {
        if words.len() < MIN_SHINGLES + 2 {
            return None;
        }
        let mut bins = [EMPTY; BINS];
        for w in words.windows(3) {
            let h = mix(w[0].rotate_left(42) ^ w[1].rotate_left(21) ^ w[2]);
            #[allow(clippy::cast_possible_truncation)]
            let (bin, value) = ((h % BINS as u64) as usize, ((h >> 48) as u16).min(EMPTY - 1));
            bins[bin] = bins[bin].min(value);
        }
        // Densify: an empty bin borrows the next filled bin's value, mixed
        // with the distance, so equal sets still agree bin for bin.
        let filled: Vec<usize> = (0..BINS).filter(|&i| bins[i] != EMPTY).collect();
        if filled.is_empty() {
            return None;
        }
        let mut out = bins;
        for i in 0..BINS {
            if bins[i] == EMPTY {
                let (distance, from) = (1..=BINS).map(|d| (d, (i + d) % BINS)).find(|&(_, j)| bins[j] != EMPTY)?;
                #[allow(clippy::cast_possible_truncation)]
                let value = (mix(u64::from(bins[from]) ^ (distance as u64) << 40) as u16).min(EMPTY - 1);
                out[i] = value;
            }
        }
        Some(Sketch(out))
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    #[must_use]
    pub fn similarity(&self, other: &Sketch) -> f64 {
        let equal = self.0.iter().zip(other.0.iter()).filter(|(a, b)| a == b).count();
        #[allow(clippy::cast_precision_loss)]
        let share = equal as f64 / BINS as f64;
        share
    }

    fn band(&self, band: usize) -> u64 {
        let mut h = band as u64;
        for &v in &self.0[band * ROWS..(band + 1) * ROWS] {
            h = mix(h ^ u64::from(v));
        }
        h
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (low, high) = (a.min(b), a.max(b));
            self.0[high] = low;
        }
    }
}

/// Groups of near-duplicates among `sketches` (indexed by position), each
/// with two or more members, ordered by their first member.
#[must_use]
pub fn groups(sketches: &[Option<Sketch>]) -> Vec<Group> {
    let mut sets = UnionFind((0..sketches.len()).collect());
    let mut buckets: HashMap<(usize, u64), usize, BuildHasherDefault<BandHasher>> =
        HashMap::with_capacity_and_hasher(sketches.len() * BANDS, BuildHasherDefault::default());
    for (i, sketch) in sketches.iter().enumerate() {
        let Some(sketch) = sketch else { continue };
        for band in 0..BANDS {
            match buckets.entry((band, sketch.band(band))) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(slot) => {
                    let first = *slot.get();
                    if sets.find(first) == sets.find(i) {
                        continue;
                    }
                    if let Some(other) = &sketches[first]
                        && sketch.similarity(other) >= THRESHOLD
                    {
                        sets.union(first, i);
                    }
                }
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); sketches.len()];
    for i in 0..sketches.len() {
        let root = sets.find(i);
        members[root].push(i);
    }
    members
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(|members| {
            let first = sketches[members[0]].as_ref();
            let similarity = members[1..]
                .iter()
                .filter_map(|&m| Some(first?.similarity(sketches[m].as_ref()?)))
                .fold(1.0f64, f64::min);
            Group { members, similarity }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sketch(text: &str) -> Option<Sketch> {
        Sketch::of(&Message::plain(text))
    }

    #[test]
    fn small_edits_group_and_others_do_not() {
        let base = "Hi Sam,\n\nI saw your talk on pricing at SaaStr and loved the part about annual plans. We help finance teams close their books faster with automated reconciliation. Would you be open to a short call next week to see whether it fits?\n\nBest,\nAna";
        let edited = base.replace("Sam", "Priya");
        let other = "Hello Jo,\n\nThanks so much for the introduction to Dana last week; the conversation about hiring was exactly what I needed and I have already changed how we interview engineers.\n\nCheers,\nLi";
        let sketches = vec![sketch(base), sketch(other), sketch(&edited), sketch("Too short to compare.")];
        assert!(sketches[3].is_none());
        let found = groups(&sketches);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].members, [0, 2]);
        assert!(found[0].similarity >= THRESHOLD);
    }

    #[test]
    fn identical_texts_are_fully_similar() {
        let text = "We help finance teams close their books faster with automated reconciliation for every entity.";
        let (a, b) = (sketch(text).expect("long enough"), sketch(text).expect("long enough"));
        assert!((a.similarity(&b) - 1.0).abs() < f64::EPSILON);
    }
}
