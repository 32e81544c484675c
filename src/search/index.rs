//! The search index of one catalog, and running a query against it: short
//! fields (names, tags, domains) scored by the skim matcher, texts matched
//! word by word, through the index's vocabulary when it was built
//! ([`Index::new`]) or by scanning the texts when it was not
//! ([`Index::for_one_query`], what `rungs search` uses: one query does not
//! pay for an index).
//!
//! Ranking is one number: [`rank_score`] folds how a hit matched (prefix,
//! stem, scattered letters), where (name, tag, domain, text) and the
//! matcher's score into `score`, so results are in `score` order, highest
//! first, ties by name.

use std::collections::HashMap;
use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::snippet::{SHOWN_UP_FRONT, fill_shown};
use super::words::{
    self, QueryWord, Strength, any_word, exact_bonus, fold, folded_words, letters, may_match,
    query_words, word_match,
};
use super::{Field, Hit, Results, Scope};
use crate::catalog::Catalog;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
/// How a word matched a query word, if it did.
type WordMatch = Option<(i64, Strength)>;

/// The score of a hit: how it matched, then where, then the matcher's
/// score (clamped to 0–999), as one number. A prefix match anywhere beats
/// a stem-only match, which beats scattered letters; among equals a name
/// beats a tag beats a domain beats a text.
pub(super) fn rank_score(strength: Strength, field: Field, raw: i64) -> i64 {
    let tier = strength as i64 * 4 + (3 - i64::from(field.rank()));
    tier * 1000 + raw.clamp(0, 999)
}

/// The distinct lowercase words of all texts, sorted, each with the cells
/// whose text contains it: one string and three flat arrays, so the index
/// is a handful of allocations however large the catalog.
///
/// A word's cells are ascending and kept as the differences between
/// neighbours (the first as itself), seven bits a byte with the high bit
/// saying "more" (LEB128): most differences are small, so a cell costs one
/// or two bytes instead of four.
#[derive(Default)]
struct Vocabulary {
    /// Every word, concatenated in sorted order.
    text: String,
    /// Where word `i` starts in `text`; one more entry than words.
    text_at: Vec<u32>,
    /// Every word's cells, encoded as above, concatenated.
    cells: Vec<u8>,
    /// Where word `i`'s cells start in `cells`; one more entry than words.
    cells_at: Vec<u32>,
}

/// A part's cell lists while the vocabulary is built: every word's list in
/// one pool of bytes, as a chain of slices (Lucene's byte slices), so a
/// word costs no allocation of its own. A word's first slice is small
/// (most words are in a cell or two), each next one larger; the last byte
/// of a slice is a non-zero marker saying its level (the slice is zeroed
/// when made, so a writer that meets a non-zero byte has reached the end).
/// When a slice is full, its last four bytes become the address of the
/// next slice and the three bytes they held move to the start of it.
///
/// The pool is made of blocks of [`POOL_BLOCK`] bytes, never grown or
/// moved: an array grown by doubling leaves each old copy behind as a free
/// hole that stays resident, and blocks fit in the holes the load left.
/// A slice never crosses a block.
#[derive(Default)]
struct Pool {
    blocks: Vec<Box<[u8; POOL_BLOCK]>>,
    /// Bytes used in the last block.
    used: usize,
}

/// Bytes in a block of a [`Pool`] (a power of two).
const POOL_BLOCK: usize = 1 << 12;
/// Slice sizes by level (marker and address included).
const SLICE: [usize; 10] = [5, 14, 20, 30, 40, 40, 80, 80, 120, 200];
/// The level of the slice after a slice of each level.
const NEXT_LEVEL: [u8; 10] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 9];
/// What a slice's marker holds besides its level: never zero.
const MARKER: u8 = 16;

/// A position in a [`Pool`].
fn pool_at(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Cells a skill has in the index: one per role and level (at least one,
/// so that a catalog without roles or levels still divides). The build's
/// per-cell query state and each search's must agree on it, or the state
/// made up front is thrown away at the first query.
fn cells_per_skill(roles: usize, levels: usize) -> usize {
    (roles * levels).max(1)
}

impl Pool {
    /// The byte at `a`.
    fn get(&self, a: usize) -> u8 {
        self.blocks[a / POOL_BLOCK][a % POOL_BLOCK]
    }

    fn set(&mut self, a: usize, byte: u8) {
        self.blocks[a / POOL_BLOCK][a % POOL_BLOCK] = byte;
    }

    /// Makes a zeroed slice of `level`, marked, and gives its start.
    fn slice(&mut self, level: u8) -> usize {
        let size = SLICE[usize::from(level)];
        if self.blocks.is_empty() || self.used + size > POOL_BLOCK {
            self.blocks.push(Box::new([0u8; POOL_BLOCK]));
            self.used = 0;
        }
        let start = (self.blocks.len() - 1) * POOL_BLOCK + self.used;
        self.used += size;
        self.set(start + size - 1, MARKER | level);
        start
    }

    /// Writes `byte` at `*pos`, moving to a new slice when the slice there
    /// is full, and advances `*pos`.
    fn push(&mut self, pos: &mut u32, byte: u8) {
        let mut p = *pos as usize;
        let marker = self.get(p);
        if marker != 0 {
            let next = self.slice(NEXT_LEVEL[usize::from(marker & (MARKER - 1))]);
            for (i, b) in pool_at(next).to_le_bytes().into_iter().enumerate() {
                let from = p - 3 + i;
                if i < 3 {
                    self.set(next + i, self.get(from));
                }
                self.set(from, b);
            }
            p = next + 3;
        }
        self.set(p, byte);
        *pos = pool_at(p + 1);
    }

    /// Writes `n` in LEB128 ([`leb128`]) at `*pos`.
    #[inline(always)]
    fn encode(&mut self, pos: &mut u32, n: u32) {
        // Nearly always one byte, and the slice has room: the byte there is
        // still zero (the marker is not).
        let p = *pos as usize;
        if n < 0x80
            && let Some(block) = self.blocks.get_mut(p / POOL_BLOCK)
            && block[p % POOL_BLOCK] == 0
        {
            block[p % POOL_BLOCK] = n as u8;
            *pos = pool_at(p + 1);
            return;
        }
        self.encode_slowly(pos, n);
    }

    /// [`Pool::encode`] byte by byte.
    #[inline(never)]
    fn encode_slowly(&mut self, pos: &mut u32, n: u32) {
        let (bytes, len) = leb128(n);
        for &b in &bytes[..len] {
            self.push(pos, b);
        }
    }

    /// The bytes of the list that starts at `head` and ends before `end`,
    /// slice by slice.
    fn chunks(&self, head: u32, end: u32) -> Chunks<'_> {
        Chunks {
            pool: self,
            at: Some(head as usize),
            level: 0,
            end: end as usize,
        }
    }

    /// The bytes from `a` to `b`, which are in one block.
    fn bytes(&self, a: usize, b: usize) -> &[u8] {
        self.blocks
            .get(a / POOL_BLOCK)
            .and_then(|block| block.get(a % POOL_BLOCK..a % POOL_BLOCK + (b - a)))
            .unwrap_or_default()
    }
}

/// The slices of one list in a [`Pool`].
struct Chunks<'a> {
    pool: &'a Pool,
    /// Where the next slice starts; `None` after the last.
    at: Option<usize>,
    level: u8,
    end: usize,
}

impl<'a> Iterator for Chunks<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let s = self.at?;
        let size = SLICE[usize::from(self.level)];
        // The list ends in its last slice, and only there.
        if (s..s + size).contains(&self.end) {
            self.at = None;
            return Some(self.pool.bytes(s, self.end));
        }
        let address: [u8; 4] = self.pool.bytes(s + size - 4, s + size).try_into().ok()?;
        self.at = Some(u32::from_le_bytes(address) as usize);
        self.level = NEXT_LEVEL[usize::from(self.level)];
        Some(self.pool.bytes(s, s + size - 4))
    }
}

/// Words in blocks of [`WORD_BLOCK`], never grown or moved (as the
/// [`Pool`]'s bytes, for the same reason).
#[derive(Default)]
struct Words {
    blocks: Vec<Box<[Word; WORD_BLOCK]>>,
    len: usize,
}

/// Words in a block of [`Words`]: 4 KiB.
const WORD_BLOCK: usize = 128;

impl Words {
    fn len(&self) -> usize {
        self.len
    }

    fn push(&mut self, word: Word) {
        if self.len.is_multiple_of(WORD_BLOCK) {
            self.blocks.push(Box::new([Word::default(); WORD_BLOCK]));
        }
        if let Some(b) = self.blocks.get_mut(self.len / WORD_BLOCK) {
            b[self.len % WORD_BLOCK] = word;
            self.len += 1;
        }
    }

    /// Word `i` (one of those pushed).
    #[inline(always)]
    fn get(&self, i: usize) -> Option<&Word> {
        Some(&self.blocks.get(i / WORD_BLOCK)?[i % WORD_BLOCK])
    }

    #[inline(always)]
    fn get_mut(&mut self, i: usize) -> Option<&mut Word> {
        Some(&mut self.blocks.get_mut(i / WORD_BLOCK)?[i % WORD_BLOCK])
    }
}

/// One word of a part while the vocabulary is built.
#[derive(Clone, Copy, Default)]
struct Word {
    key: Short,
    /// Its place in the part's long words, [`Sorted::SHORT`] when it has 16
    /// bytes or fewer.
    long: u32,
    /// The last cell added.
    last: u32,
    /// Where its list starts in the pool.
    head: u32,
    /// Where its next byte goes.
    pos: u32,
}

/// A word of up to 16 bytes while the vocabulary is built: its bytes,
/// zero-padded, as a big-endian number in two halves. A word never ends
/// with a zero byte (it ends with a letter or digit), so two words never
/// share a key, and keys order as the words do (byte order, a prefix
/// first): looking one up compares two numbers, not two strings behind two
/// pointers.
type Short = (u64, u64);

/// The [`Short`] key of the word `b[s..e]`, when it has 16 bytes or fewer.
/// `b` holds at least 16 bytes from `s` (the text is padded), so the key is
/// read in one piece and the bytes past the word masked off.
fn short_key(b: &[u8], s: usize, e: usize) -> Option<Short> {
    let len = e.checked_sub(s).filter(|l| (1..=16).contains(l))?;
    let bytes: [u8; 16] = b.get(s..s + 16)?.try_into().ok()?;
    let v = u128::from_be_bytes(bytes) & (u128::MAX << (8 * (16 - len)));
    Some(((v >> 64) as u64, v as u64))
}

/// The [`Short`] key of a word's first 16 bytes (of the whole word when it
/// has 16 bytes or fewer).
fn head_key(w: &[u8]) -> Short {
    let mut padded = [0u8; 32];
    let head = w.get(..16).unwrap_or(w);
    padded[..head.len()].copy_from_slice(head);
    short_key(&padded, 0, head.len()).unwrap_or_default()
}

/// The [`Short`] key of a word of 16 bytes or fewer.
fn short_key_of(w: &str) -> Option<Short> {
    (w.len() <= 16).then(|| head_key(w.as_bytes()))
}

/// The word a [`Short`] key holds.
#[cfg(test)]
fn short_word(key: Short, out: &mut String) {
    let (bytes, len) = short_bytes(key);
    // The bytes were a whole word's: valid UTF-8.
    out.push_str(std::str::from_utf8(&bytes[..len]).unwrap_or_default());
}

/// The bytes of the word a [`Short`] key holds, and how many (its first 16
/// when it is longer).
fn short_bytes(key: Short) -> ([u8; 16], usize) {
    let v = (u128::from(key.0) << 64) | u128::from(key.1);
    let bytes = v.to_be_bytes();
    let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    (bytes, len)
}

/// The words and cells of a run of skills.
#[derive(Default)]
struct Part {
    /// Words of 16 bytes or fewer (nearly all), as their numbers, hashed by
    /// their keys (kept in `words`: the table holds four bytes a word).
    short: hashbrown::HashTable<u32>,
    hasher: foldhash::fast::RandomState,
    /// Longer words, to their number.
    long: FastMap<Box<str>, u32>,
    words: Words,
    pool: Pool,
}

impl Part {
    /// Adds `cell` to a word's list (`short` its key when it has one, else
    /// `w` gives it), making the word when it is new. Cells come in
    /// ascending order; the same cell again (a word twice in one text)
    /// is added once.
    fn add<'w>(&mut self, short: Option<Short>, w: impl FnOnce() -> &'w str, cell: u32) {
        let next = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        let (key, id) = match short {
            Some(key) => {
                let hash = self.hasher.hash_one(key);
                let words = &self.words;
                let id = match self.short.find(hash, |&i| {
                    words.get(i as usize).is_some_and(|w| w.key == key)
                }) {
                    Some(&id) => id,
                    None => {
                        let hasher = &self.hasher;
                        self.short.insert_unique(hash, next, |&i| {
                            words.get(i as usize).map_or(0, |w| hasher.hash_one(w.key))
                        });
                        next
                    }
                };
                (key, id)
            }
            // Most words are known: look up before making a key.
            None => {
                let w = w();
                let id = match self.long.get(w) {
                    Some(&id) => id,
                    None => {
                        self.long.insert(w.into(), next);
                        next
                    }
                };
                (head_key(w.as_bytes()), id)
            }
        };
        if id == next {
            let head = pool_at(self.pool.slice(0));
            let mut pos = head;
            self.pool.encode(&mut pos, cell);
            self.words.push(Word {
                key,
                long: Sorted::SHORT,
                last: cell,
                head,
                pos,
            });
        } else if let Some(word) = self.words.get_mut(id as usize)
            && word.last != cell
        {
            let delta = cell.saturating_sub(word.last);
            word.last = cell;
            self.pool.encode(&mut word.pos, delta);
        }
    }

    /// Adds the number of skills done to `done` as it goes.
    fn build(catalog: &Catalog, skills: std::ops::Range<usize>, done: &AtomicUsize) -> Self {
        let roles = catalog.roles.len();
        let levels = catalog.levels.len();
        let mut part = Part::default();
        let mut buf = Vec::new();
        let mut word = String::new();
        for s in skills {
            if s % 64 == 63 {
                done.fetch_add(64, Ordering::Relaxed);
            }
            let Some(skill) = catalog.skills.get(s) else {
                continue;
            };
            for (r, l, cell) in skill.expectations() {
                let id = u32::try_from((s * roles + r) * levels + l).unwrap_or(u32::MAX);
                // Examples of evidence are found too: their words count as
                // words of their cell.
                for text in cell_texts(cell) {
                    if text.is_ascii() {
                        // Lowercased once, padded so that every word's key
                        // is read in one piece.
                        buf.clear();
                        buf.extend_from_slice(text.as_bytes());
                        buf.make_ascii_lowercase();
                        buf.extend_from_slice(&[0; 16]);
                        let lower = &buf[..text.len()];
                        words::ascii_word_ranges(lower, |s, e| {
                            part.add(
                                short_key(&buf, s, e),
                                || std::str::from_utf8(&lower[s..e]).unwrap_or_default(),
                                id,
                            );
                            false
                        });
                    } else {
                        any_word(text, &mut word, |w| {
                            part.add(short_key_of(w), || w, id);
                            false
                        });
                    }
                }
            }
        }
        part
    }

    /// The part's words in order (on the part's own thread; the table is
    /// freed first, the words sorted where they are).
    fn sorted(self) -> Sorted {
        let Part {
            short,
            long,
            mut words,
            pool,
            ..
        } = self;
        drop(short);
        let mut long_words = Vec::with_capacity(long.len());
        for (w, id) in long {
            if let Some(word) = words.get_mut(id as usize) {
                word.long = u32::try_from(long_words.len()).unwrap_or(Sorted::SHORT);
            }
            long_words.push(w);
        }
        let tail = |long: u32| -> &[u8] {
            long_words
                .get(long as usize)
                .and_then(|w| w.as_bytes().get(16..))
                .unwrap_or_default()
        };
        // The words stay where they are: their numbers are sorted, with
        // their keys beside them while they are (a key read through the
        // number at each comparison costs more than the copy).
        let mut keyed: Vec<(Short, u32)> = Vec::with_capacity(words.len());
        keyed.extend(
            (0..words.len())
                .filter_map(|i| words.get(i))
                .enumerate()
                .map(|(i, w)| (w.key, pool_at(i))),
        );
        let long_of = |i: u32| words.get(i as usize).map_or(Sorted::SHORT, |w| w.long);
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| tail(long_of(a.1)).cmp(tail(long_of(b.1))))
        });
        let order = keyed.iter().map(|&(_, i)| i).collect();
        drop(keyed);
        Sorted {
            order,
            words,
            long: long_words,
            pool,
        }
    }
}

/// A part's words in order, each with its key, its place in `long` when it
/// has more than 16 bytes, and its cells (in LEB128, [`leb128`], each
/// as the difference from the one before, the first as itself) in the part's pool.
struct Sorted {
    /// The words' numbers in the words' order.
    order: Vec<u32>,
    words: Words,
    long: Vec<Box<str>>,
    pool: Pool,
}

impl Sorted {
    /// In [`Word::long`]: the word has 16 bytes or fewer.
    const SHORT: u32 = u32::MAX;

    /// The `i`th word in order.
    fn word(&self, i: usize) -> Option<&Word> {
        self.words.get(*self.order.get(i)? as usize)
    }

    /// The bytes of a long word past its first 16 (none for a short one).
    fn tail(&self, long: u32) -> &[u8] {
        self.long
            .get(long as usize)
            .and_then(|w| w.as_bytes().get(16..))
            .unwrap_or_default()
    }

    /// The order of word `a` of `self` and word `b` of `other` (a word
    /// past the end comes last): by key, then (long words sharing their
    /// first 16 bytes, or a 16-byte word and the longer ones it starts) by
    /// the rest.
    fn order_with(&self, a: usize, other: &Sorted, b: usize) -> std::cmp::Ordering {
        match (self.word(a), other.word(b)) {
            (Some(x), Some(y)) => x
                .key
                .cmp(&y.key)
                .then_with(|| self.tail(x.long).cmp(other.tail(y.long))),
            (x, y) => x.is_none().cmp(&y.is_none()),
        }
    }

    /// Word `w`'s cells, slice by slice.
    fn cells(&self, w: usize) -> Chunks<'_> {
        let (head, pos) = self.word(w).map_or((0, 0), |x| (x.head, x.pos));
        self.pool.chunks(head, pos)
    }

    /// How many bytes word `w`'s text has.
    fn text_len(&self, w: usize) -> usize {
        match self.word(w) {
            Some(x) if x.long != Self::SHORT => {
                self.long.get(x.long as usize).map_or(0, |l| l.len())
            }
            Some(x) => short_bytes(x.key).1,
            None => 0,
        }
    }
}

/// Writes a word's `cells` of one part (all after `last`, the last cell
/// written for the word, if any) to `out` at `*at`, and sets `last` to
/// `their_last`: the first is stored as itself, so it is decoded and stored
/// again as a difference from `last`; the rest are copied as they are.
fn append_cells<'a>(
    out: &mut [u8],
    at: &mut usize,
    last: &mut Option<u32>,
    cells: impl Iterator<Item = &'a [u8]>,
    their_last: u32,
) {
    let mut put = |bytes: &[u8]| {
        out[*at..*at + bytes.len()].copy_from_slice(bytes);
        *at += bytes.len();
    };
    // The first cell (its bytes may span slices), then the rest as it is.
    let (mut first, mut shift, mut read) = (0u32, 0u32, false);
    for chunk in cells {
        let mut rest = chunk;
        while !read {
            let Some((&b, r)) = rest.split_first() else {
                break;
            };
            rest = r;
            first |= u32::from(b & 0x7f).wrapping_shl(shift);
            shift += 7;
            if b < 0x80 {
                read = true;
                let (again, len) = leb128(last.map_or(first, |l| first.saturating_sub(l)));
                put(&again[..len]);
            }
        }
        if read {
            put(rest);
        }
    }
    if read {
        *last = Some(their_last);
    }
}

/// `n` in LEB128: seven bits a byte, lowest first, the high bit set on
/// every byte but the last. Gives the bytes and how many.
fn leb128(mut n: u32) -> ([u8; 5], usize) {
    let mut bytes = [0u8; 5];
    let mut len = 0;
    while n >= 0x80 {
        bytes[len] = (n as u8 & 0x7f) | 0x80;
        n >>= 7;
        len += 1;
    }
    bytes[len] = n as u8;
    (bytes, len + 1)
}

/// The cells of one word, decoded as they are read.
struct Cells<'a> {
    bytes: &'a [u8],
    cell: u32,
}

impl Iterator for Cells<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut delta = 0u32;
        let mut shift = 0u32;
        loop {
            let (&b, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            delta |= u32::from(b & 0x7f).wrapping_shl(shift);
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        self.cell = self.cell.wrapping_add(delta);
        Some(self.cell)
    }
}

impl Vocabulary {
    fn len(&self) -> usize {
        self.text_at.len().saturating_sub(1)
    }

    fn word(&self, i: usize) -> &str {
        &self.text[self.text_at[i] as usize..self.text_at[i + 1] as usize]
    }

    fn cells(&self, i: usize) -> Cells<'_> {
        Cells {
            bytes: &self.cells[self.cells_at[i] as usize..self.cells_at[i + 1] as usize],
            cell: 0,
        }
    }

    /// The words that start with `prefix`.
    fn range(&self, prefix: &str) -> std::ops::Range<usize> {
        let n = self.len();
        let lo = partition(0..n, |i| self.word(i) < prefix);
        let hi = partition(lo..n, |i| self.word(i).starts_with(prefix));
        lo..hi
    }

    /// Builds the vocabulary of `catalog`'s texts: one part per core, each
    /// over a run of consecutive skills, its words numbered through a hash
    /// table of four bytes a word (the keys are in the words) and every
    /// word's cells in one pooled array; each part's words are sorted on
    /// the part's own thread, then the parts are merged in pieces of the
    /// word order, one per core, straight into the final arrays (sized
    /// first from the parts' words), a word's later cells appended to its
    /// earlier ones. Nothing is copied twice, so the build's memory above
    /// the final arrays is the parts' words and pools. (An earlier parallel
    /// build into many small chunks merged afterwards was slower than one
    /// pass: its merge compared and copied every word of every chunk. With
    /// one part per core, the merge only touches each part's words once.)
    fn build(catalog: &Catalog, done: &AtomicUsize) -> Self {
        let parts = if catalog.skills.len() >= 2048 {
            rayon::current_num_threads().clamp(1, 8)
        } else {
            1
        };
        Self::build_in(catalog, parts, done)
    }

    /// [`Vocabulary::build`] in `parts` parts.
    fn build_in(catalog: &Catalog, parts: usize, done: &AtomicUsize) -> Self {
        let n = catalog.skills.len();
        let parts = parts.max(1);
        let built: Vec<Sorted> = (0..parts)
            .into_par_iter()
            .map(|i| Part::build(catalog, i * n / parts..(i + 1) * n / parts, done).sorted())
            .collect();
        // Merged in pieces of the word order, one per core: each piece
        // starts at a word of the first part (the parts' lists start with
        // the cell itself, so pieces do not depend on each other).
        let pieces = if parts > 1 { parts * 2 } else { 1 };
        let first = built.first().map_or(0, |p| p.order.len());
        let bounds: Vec<Vec<usize>> = (0..=pieces)
            .map(|k| {
                let w = k * first / pieces;
                built
                    .iter()
                    .map(|p| match k {
                        0 => 0,
                        _ if k == pieces => p.order.len(),
                        _ => partition(0..p.order.len(), |i| p.order_with(i, &built[0], w).is_lt()),
                    })
                    .collect()
            })
            .collect();
        // What each piece can need at most: the words of every part in it,
        // their texts and cells (a word in two parts is one word, and a
        // later part's first cell is stored again as a difference, which
        // is no longer).
        let most: Vec<(usize, usize, usize)> = (0..pieces)
            .map(|k| {
                let (mut words, mut text, mut cells) = (0, 0, 0);
                for (p, part) in built.iter().enumerate() {
                    for w in bounds[k][p]..bounds[k + 1][p] {
                        words += 1;
                        text += part.text_len(w);
                        cells += part.cells(w).map(<[u8]>::len).sum::<usize>();
                    }
                }
                (words, text, cells)
            })
            .collect();
        let mut text = vec![0u8; most.iter().map(|m| m.1).sum()];
        let mut text_at = vec![0u32; most.iter().map(|m| m.0).sum::<usize>() + 1];
        let mut cells = vec![0u8; most.iter().map(|m| m.2).sum()];
        let mut cells_at = vec![0u32; text_at.len()];
        // Each piece writes into its own stretch of each array.
        let mut stretches = Vec::with_capacity(pieces);
        {
            let (mut t, mut ta, mut c, mut ca) = (
                &mut text[..],
                &mut text_at[..],
                &mut cells[..],
                &mut cells_at[..],
            );
            for &(words, text_len, cells_len) in &most {
                let (t0, t1) = std::mem::take(&mut t).split_at_mut(text_len);
                let (ta0, ta1) = std::mem::take(&mut ta).split_at_mut(words);
                let (c0, c1) = std::mem::take(&mut c).split_at_mut(cells_len);
                let (ca0, ca1) = std::mem::take(&mut ca).split_at_mut(words);
                stretches.push(Piece {
                    text: t0,
                    text_at: ta0,
                    cells: c0,
                    cells_at: ca0,
                });
                (t, ta, c, ca) = (t1, ta1, c1, ca1);
            }
        }
        let used: Vec<(usize, usize, usize)> = stretches
            .into_par_iter()
            .enumerate()
            .map(|(k, piece)| merge(&built, &bounds[k], &bounds[k + 1], piece))
            .collect();
        drop(built);
        // The pieces' stretches closed up, in order, each piece's offsets
        // made the whole array's.
        let at = pool_at;
        let (mut w_out, mut t_out, mut c_out) = (0, 0, 0);
        let (mut w_in, mut t_in, mut c_in) = (0, 0, 0);
        for (&(words, text_len, cells_len), most) in used.iter().zip(&most) {
            for i in 0..words {
                text_at[w_out + i] = text_at[w_in + i].saturating_add(at(t_out));
                cells_at[w_out + i] = cells_at[w_in + i].saturating_add(at(c_out));
            }
            text.copy_within(t_in..t_in + text_len, t_out);
            cells.copy_within(c_in..c_in + cells_len, c_out);
            (w_out, t_out, c_out) = (w_out + words, t_out + text_len, c_out + cells_len);
            (w_in, t_in, c_in) = (w_in + most.0, t_in + most.1, c_in + most.2);
        }
        text_at.truncate(w_out);
        text_at.push(at(t_out));
        cells_at.truncate(w_out);
        cells_at.push(at(c_out));
        text.truncate(t_out);
        cells.truncate(c_out);
        for v in [&mut text_at, &mut cells_at] {
            v.shrink_to_fit();
        }
        text.shrink_to_fit();
        cells.shrink_to_fit();
        Vocabulary {
            // Whole words' bytes, each valid UTF-8.
            text: String::from_utf8(text).unwrap_or_default(),
            text_at,
            cells,
            cells_at,
        }
    }
}

/// One piece's stretches of the vocabulary's arrays while they are filled.
struct Piece<'a> {
    text: &'a mut [u8],
    text_at: &'a mut [u32],
    cells: &'a mut [u8],
    cells_at: &'a mut [u32],
}

/// Merges the parts' sorted words from `from[p]` to `to[p]` in each part
/// `p` into `out`: at each step the least word of those the parts are at,
/// its cells taken from each part that has it, in the parts' order (which
/// is the cells' order). Offsets start at 0 in each stretch. Gives how
/// many words, text bytes and cell bytes it wrote.
fn merge(built: &[Sorted], from: &[usize], to: &[usize], out: Piece<'_>) -> (usize, usize, usize) {
    let at = pool_at;
    let (mut words, mut text, mut cells) = (0, 0, 0);
    let mut at_word = from.to_vec();
    loop {
        let mut least: Option<usize> = None;
        for (p, &w) in at_word.iter().enumerate() {
            if w >= to[p] {
                continue;
            }
            least = match least {
                Some(l) if built[l].order_with(at_word[l], &built[p], w).is_le() => Some(l),
                _ => Some(p),
            };
        }
        let Some(l) = least else {
            break;
        };
        let lw = at_word[l];
        let Some(word) = built[l].word(lw) else {
            break;
        };
        out.text_at[words] = at(text);
        out.cells_at[words] = at(cells);
        words += 1;
        let short = short_bytes(word.key);
        let bytes = match built[l].long.get(word.long as usize) {
            Some(w) => w.as_bytes(),
            None => &short.0[..short.1],
        };
        out.text[text..text + bytes.len()].copy_from_slice(bytes);
        text += bytes.len();
        let mut last = None;
        for p in l..built.len() {
            let w = at_word[p];
            if w >= to[p] || (p != l && built[l].order_with(lw, &built[p], w).is_ne()) {
                continue;
            }
            let part = &built[p];
            append_cells(
                out.cells,
                &mut cells,
                &mut last,
                part.cells(w),
                part.word(w).map_or(0, |x| x.last),
            );
            at_word[p] += 1;
        }
    }
    (words, text, cells)
}

/// The first position in `range` where `before` turns false (it must be
/// true, then false).
fn partition(range: std::ops::Range<usize>, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (range.start, range.end);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The texts of a cell that search reads: its text (which holds the
/// behaviours), then its examples and its behaviours' examples.
fn cell_texts(cell: &crate::catalog::Cell) -> impl Iterator<Item = &str> + '_ {
    std::iter::once(&*cell.text).chain(
        cell.examples()
            .iter()
            .chain(cell.behaviours().iter().flat_map(|b| b.examples.iter()))
            .map(String::as_str),
    )
}

/// A skill's or domain's other names (as written, and in other languages)
/// than the one shown, folded.
fn other_names<'a>(shown: &str, all: impl Iterator<Item = &'a str>) -> Vec<String> {
    all.filter(|n| *n != shown).map(fold).collect()
}

/// The skills in name order (ties by the skill's place), from the folded
/// names. Each name's first 16 bytes as a number (see [`head_key`]: when
/// two differ, they order as the names do) sort most of them; only a run
/// of equal heads whose names differ is sorted by name.
fn name_order(names: &[String]) -> Vec<u32> {
    let mut order: Vec<(Short, u32)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (head_key(n.as_bytes()), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    order.sort_unstable();
    let name = |i: u32| names.get(i as usize).map_or("", String::as_str);
    let mut a = 0;
    while a < order.len() {
        let head = order[a].0;
        let b = a + order[a..].iter().take_while(|o| o.0 == head).count();
        let run = &mut order[a..b];
        // Equal names (a catalog may reuse one) are already in the skills'
        // order.
        if run.iter().any(|o| name(o.1) != name(run[0].1)) {
            run.sort_unstable_by(|x, y| name(x.1).cmp(name(y.1)).then(x.1.cmp(&y.1)));
        }
        a = b;
    }
    order.into_iter().map(|(_, i)| i).collect()
}

/// Moves `values` into `order` (a permutation of their places, as
/// [`name_order`] gives): afterwards `values[r]` holds what
/// `values[order[r]]` held. In place, a cycle at a time, with one bit a
/// place to mark those done: a large catalog's names are not held twice
/// while its index is built.
fn put_in_order<T: Default>(values: &mut [T], order: &[u32]) {
    let n = values.len();
    if order.len() != n {
        return;
    }
    let mut done = vec![0u64; n.div_ceil(64)];
    // Steps taken: `n` for a permutation; the bound keeps anything else
    // from looping.
    let mut steps = 0;
    for start in 0..n {
        if done[start / 64] & 1 << (start % 64) != 0 {
            continue;
        }
        let first = std::mem::take(&mut values[start]);
        let mut r = start;
        loop {
            done[r / 64] |= 1 << (r % 64);
            steps += 1;
            let from = order[r] as usize;
            if from == start || from >= n || steps > n {
                values[r] = first;
                break;
            }
            values[r] = std::mem::take(&mut values[from]);
            r = from;
        }
    }
}

/// Each skill's place in name order, from [`name_order`]: for breaking
/// ties between results without comparing strings.
fn name_ranks(order: &[u32]) -> Vec<u32> {
    let mut rank = vec![0u32; order.len()];
    for (r, &i) in order.iter().enumerate() {
        if let Some(slot) = rank.get_mut(i as usize) {
            *slot = u32::try_from(r).unwrap_or(u32::MAX);
        }
    }
    rank
}

/// Names a thread of the names' pass takes at a time.
const NAME_CHUNK: usize = 1024;

/// The search index of one catalog.
pub struct Index {
    /// Other names of the few skills that have any (as written, and in
    /// other languages), folded: search matches every name.
    other_names: Vec<(u32, String)>,
    /// Each domain's other names, folded.
    other_domains: Vec<Vec<String>>,
    /// The skills in name order ([`name_order`]): names are matched in
    /// this order, where a name that several skills share comes up once
    /// in a row; results are ranked by it on equal scores.
    name_order: Vec<u32>,
    /// Each skill's place in `name_order` ([`name_ranks`]), made once
    /// with the index: every query's ranking reads it.
    name_rank: Vec<u32>,
    /// The names, tags and domains with each character lowercased (one
    /// char for one char, so match indices stay valid for the original);
    /// the names in name order.
    names_folded: Vec<String>,
    tags_folded: Vec<String>,
    domains_folded: Vec<String>,
    /// [`letters`] of each folded name, in name order.
    name_letters: Vec<u64>,
    /// Distinct tags (as written) and the skills that carry each, with the
    /// tag's position in that skill's list.
    tags: Vec<(String, Vec<(u32, u32)>)>,
    /// Skills of each domain.
    domain_skills: Vec<Vec<u32>>,
    /// The texts' words; `None` when texts are scanned instead.
    vocabulary: Option<Vocabulary>,
    skills: usize,
    roles: usize,
    levels: usize,
    /// Profile membership: `in_role[skill * roles + role]`.
    in_role: Vec<bool>,
    /// How many results get what they show during the search (the rest
    /// when shown, [`fill_shown`]): the TUI's first screens, none for one
    /// query whose caller shows only its first few.
    shown_up_front: usize,
    /// State reused from query to query: one query per keystroke must not
    /// allocate and zero a slot for every cell of the catalog.
    scratch: Mutex<Scratch>,
}

/// Per-query state and which parts of it the last query touched.
#[derive(Default)]
struct Scratch {
    slots: Vec<Slot>,
    touched: Vec<u32>,
    best: Vec<Option<(i64, Field)>>,
    best_touched: Vec<u32>,
}

impl Scratch {
    /// Clean state for `cells` cells and `skills` skills: only what the
    /// previous query touched is reset.
    fn reset(&mut self, cells: usize, skills: usize) {
        if self.slots.len() == cells {
            for &c in &self.touched {
                self.slots[c as usize] = Slot::default();
            }
        } else {
            self.slots = vec![Slot::default(); cells];
        }
        self.touched.clear();
        if self.best.len() == skills {
            for &s in &self.best_touched {
                self.best[s as usize] = None;
            }
        } else {
            self.best = vec![None; skills];
        }
        self.best_touched.clear();
    }

    /// Keeps `(score, field)` as the skill's best match if it beats the
    /// one it has: a higher score, or an equal one in an earlier field
    /// (the first tag, the first role and level), so the choice does not
    /// depend on the order matches are found in.
    fn offer(&mut self, skill: usize, score: i64, field: Field) {
        let Some(best) = self.best.get_mut(skill) else {
            return;
        };
        match best {
            Some((old, old_field))
                if (*old, std::cmp::Reverse(*old_field)) >= (score, std::cmp::Reverse(field)) => {}
            Some(b) => *b = (score, field),
            None => {
                *best = Some((score, field));
                self.best_touched
                    .push(u32::try_from(skill).unwrap_or(u32::MAX));
            }
        }
    }
}

/// Per-cell state of the text matching of one query.
#[derive(Clone, Copy)]
struct Slot {
    /// How many query words (from the first) this cell's text has matched.
    matched: u16,
    /// Scores are small (a word's matcher score, summed over the query's
    /// words): 32 bits keep a slot at 16 bytes, one per cell.
    score: i32,
    strength: Strength,
    /// Best match of the current word.
    word_score: i32,
    word_strength: Strength,
}

impl Default for Slot {
    fn default() -> Self {
        Slot {
            matched: 0,
            score: 0,
            strength: Strength::Prefix,
            word_score: 0,
            word_strength: Strength::Fuzzy,
        }
    }
}

/// A query, prepared once.
struct Prepared<'q> {
    trimmed: &'q str,
    words: Vec<QueryWord>,
    /// Smart case: a query without capitals ignores case.
    fold_case: bool,
    matcher: SkimMatcherV2,
    /// [`letters`] of the whole query, and of each word (and its stem's
    /// base): what a name must hold to match at all.
    letters: u64,
    word_letters: Vec<(u64, Option<u64>)>,
    /// [`QueryWord::needs`] of each word: what a text word must hold.
    needs: Vec<u64>,
    /// Each word's first byte when it is an ASCII letter or digit: every
    /// word of an ASCII text that matches it starts with that byte (either
    /// case).
    firsts: Vec<Option<u8>>,
    /// Some word starts with a char that is not ASCII (Chinese, say): no
    /// word of an ASCII text matches it, nor does the query.
    foreign: bool,
}

impl<'q> Prepared<'q> {
    fn new(trimmed: &'q str) -> Self {
        let words = super::words::query(&query_words(trimmed));
        Prepared {
            trimmed,
            fold_case: !trimmed.chars().any(char::is_uppercase),
            matcher: SkimMatcherV2::default().smart_case(),
            letters: letters(trimmed),
            word_letters: words.iter().map(QueryWord::letters).collect(),
            needs: words.iter().map(QueryWord::needs).collect(),
            firsts: words
                .iter()
                .map(|qw| {
                    let first = qw.range_prefix().as_bytes().first().copied();
                    first.filter(u8::is_ascii_alphanumeric)
                })
                .collect(),
            foreign: words
                .iter()
                .any(|qw| qw.range_prefix().bytes().next().is_some_and(|b| b >= 0x80)),
            words,
        }
    }

    /// Whether a name holding the letters `has` may match: the skim
    /// matcher needs every letter of the query, and a match by words needs
    /// every query word's letters or its stem base's. False only when
    /// [`short_match`] would find nothing, so most names are turned away
    /// without being read.
    fn may_match_letters(&self, has: u64) -> bool {
        let holds = |need: u64| has & need == need;
        holds(self.letters)
            || self
                .word_letters
                .iter()
                .all(|&(text, base)| holds(text) || base.is_some_and(holds))
    }
}

impl Index {
    /// The full index: short fields and the texts' vocabulary, for many
    /// queries (the TUI builds it once on its search thread).
    pub fn new(catalog: &Catalog) -> Self {
        Self::new_counting(catalog, &AtomicUsize::new(0))
    }

    /// [`Index::new`], counting in `done` the skills whose texts are in
    /// (roughly: in steps of 64), for the search box to say how far it is.
    pub fn new_counting(catalog: &Catalog, done: &AtomicUsize) -> Self {
        // The short fields and the vocabulary do not depend on each other:
        // a core that finishes its part of the vocabulary early makes them.
        let (mut index, (vocabulary, scratch)) = rayon::join(
            || Self::for_one_query(catalog),
            || {
                let vocabulary = Vocabulary::build(catalog, done);
                // The queries' per-cell state, made here rather than at the
                // first query: on this thread it fits where the build's
                // parts were just freed; made by the searching thread it
                // would be new memory on top of them.
                let mut scratch = Scratch::default();
                let skills = catalog.skills.len();
                let cells = skills * cells_per_skill(catalog.roles.len(), catalog.levels.len());
                scratch.reset(cells, skills);
                (vocabulary, scratch)
            },
        );
        index.vocabulary = Some(vocabulary);
        index.scratch = Mutex::new(scratch);
        index.shown_up_front = SHOWN_UP_FRONT;
        index
    }

    /// What one query needs and no more: the short fields only. Texts are
    /// scanned at query time, which for a single query costs less than
    /// building their vocabulary. Gives the same results as [`Index::new`],
    /// except that no result gets what it shows: the caller fills those it
    /// shows ([`fill_shown`]).
    pub fn for_one_query(catalog: &Catalog) -> Self {
        let roles = catalog.roles.len();
        let levels = catalog.levels.len();
        // The names on one core, the rest on the other: a one-shot search
        // waits for all of it before it starts.
        let ((names_folded, name_letters, name_order), (tags, domain_skills, in_role, others)) =
            rayon::join(
                || {
                    let mut folded: Vec<String> =
                        catalog.skills.iter().map(|s| fold(&s.name)).collect();
                    let order = name_order(&folded);
                    put_in_order(&mut folded, &order);
                    let letters = folded.iter().map(|n| letters(n)).collect();
                    (folded, letters, order)
                },
                || {
                    let mut tag_ids: FastMap<&str, usize> = FastMap::default();
                    let mut tags: Vec<(String, Vec<(u32, u32)>)> = Vec::new();
                    let mut domain_skills = vec![Vec::new(); catalog.domains.len()];
                    let mut in_role = vec![false; catalog.skills.len() * roles];
                    let mut other = Vec::new();
                    for (s, skill) in catalog.skills.iter().enumerate() {
                        let sid = u32::try_from(s).unwrap_or(u32::MAX);
                        for (t, tag) in skill.tags.iter().enumerate() {
                            let id = *tag_ids.entry(tag.as_str()).or_insert_with(|| {
                                tags.push((tag.clone(), Vec::new()));
                                tags.len() - 1
                            });
                            tags[id].1.push((sid, u32::try_from(t).unwrap_or(0)));
                        }
                        if let Some(d) = domain_skills.get_mut(skill.domain) {
                            d.push(sid);
                        }
                        for r in 0..roles {
                            in_role[s * roles + r] = skill.in_role(r);
                        }
                        other.extend(
                            other_names(&skill.name, skill.all_names())
                                .into_iter()
                                .map(|n| (sid, n)),
                        );
                    }
                    (tags, domain_skills, in_role, other)
                },
            );
        Index {
            other_names: others,
            other_domains: catalog
                .domains
                .iter()
                .map(|d| other_names(&d.name, d.all_names()))
                .collect(),
            name_letters,
            names_folded,
            name_rank: name_ranks(&name_order),
            name_order,
            tags_folded: tags.iter().map(|(t, _)| fold(t)).collect(),
            domains_folded: catalog.domains.iter().map(|d| fold(&d.name)).collect(),
            tags,
            domain_skills,
            vocabulary: None,
            shown_up_front: 0,
            skills: catalog.skills.len(),
            roles,
            levels,
            in_role,
            scratch: Mutex::new(Scratch::default()),
        }
    }

    /// Number of distinct words in the text index (0 when texts are
    /// scanned).
    pub fn vocabulary(&self) -> usize {
        self.vocabulary.as_ref().map_or(0, Vocabulary::len)
    }

    fn skill_in_scope(&self, skill: usize, scope: Scope) -> bool {
        match scope {
            Scope::AllRoles => true,
            Scope::Role(r) => self
                .in_role
                .get(skill * self.roles + r)
                .copied()
                .unwrap_or(false),
        }
    }

    /// Runs a query. `cancelled` is polled now and then; when it returns
    /// true the search stops and returns `None` (a newer query is waiting).
    /// `candidates`, when given, limits the search to those skills: the
    /// results of a shorter query this one extends (see [`narrows`]).
    ///
    /// A skill appears once, with its best match; results are ordered by
    /// `score` ([`rank_score`]), highest first, then by name.
    pub fn search(
        &self,
        catalog: &Catalog,
        query: &str,
        scope: Scope,
        candidates: Option<&HashSet<usize>>,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Results> {
        self.run(catalog, query, scope, candidates, false, cancelled)
    }

    /// Like [`Index::search`], but lists every expectation whose text
    /// matches, one result per cell (role × level), not each skill's best
    /// match; names, tags and domains are not cells and are not listed.
    pub fn search_cells(
        &self,
        catalog: &Catalog,
        query: &str,
        scope: Scope,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Results> {
        self.run(catalog, query, scope, None, true, cancelled)
    }

    fn run(
        &self,
        catalog: &Catalog,
        query: &str,
        scope: Scope,
        candidates: Option<&HashSet<usize>>,
        all_cells: bool,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Results> {
        let trimmed = query.trim();
        if trimmed.is_empty() {
            return Some(Results {
                query: query.to_string(),
                scope,
                all_cells,
                hits: Vec::new(),
            });
        }
        let q = Prepared::new(trimmed);
        let wanted =
            |s: usize| candidates.is_none_or(|c| c.contains(&s)) && self.skill_in_scope(s, scope);
        let per_skill = cells_per_skill(self.roles, self.levels);

        // Another thread searching the same index at once gets fresh state
        // rather than waiting.
        let mut own = Scratch::default();
        let mut guard = self.scratch.try_lock().ok();
        let scratch = guard.as_deref_mut().unwrap_or(&mut own);
        // A slot per cell serves the vocabulary's cell lists only: a scan
        // keeps what it finds in its own list.
        let cells = if self.vocabulary.is_some() {
            self.skills * per_skill
        } else {
            0
        };
        scratch.reset(cells, self.skills);

        if !all_cells {
            self.short_fields(catalog, &q, &wanted, scratch, cancelled)?;
        }
        if cancelled() {
            return None;
        }
        // Text matches, as (cell, score).
        let texts: Vec<(u32, i64)> = match &self.vocabulary {
            Some(v) => self.indexed_texts(v, &q, scope, &wanted, scratch, cancelled)?,
            None => self.scanned_texts(catalog, &q, scope, &wanted, cancelled)?,
        };
        Some(
            self.finish(catalog, query, scope, all_cells, scratch, texts, 0)
                .0,
        )
    }

    /// Gives the results of a query from what it found: each skill's best
    /// match (from `scratch`, with the `texts` offered to it), or every
    /// text match with `all_cells`, ranked, with how many there are; only
    /// the first `top` (all for 0), of which the first few get what they
    /// show.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        catalog: &Catalog,
        query: &str,
        scope: Scope,
        all_cells: bool,
        scratch: &mut Scratch,
        texts: Vec<(u32, i64)>,
        top: usize,
    ) -> (Results, usize) {
        let per_skill = cells_per_skill(self.roles, self.levels);
        let levels = self.levels.max(1);
        let field_of = |c: usize| Field::Text {
            role: (c % per_skill) / levels,
            level: c % levels,
        };
        let mut ranked: Vec<(i64, usize, Field)> = if all_cells {
            texts
                .into_iter()
                .map(|(cell, score)| (score, cell as usize / per_skill, field_of(cell as usize)))
                .collect()
        } else {
            for (cell, score) in texts {
                scratch.offer(cell as usize / per_skill, score, field_of(cell as usize));
            }
            scratch
                .best_touched
                .iter()
                .filter_map(|&s| scratch.best[s as usize].map(|(score, f)| (score, s as usize, f)))
                .collect()
        };
        let total = ranked.len();
        self.rank(&mut ranked, top);
        let mut hits: Vec<Hit> = ranked
            .into_iter()
            .map(|(score, skill, field)| Hit {
                skill,
                field,
                score,
                shown: String::new(),
                indices: Vec::new(),
            })
            .collect();
        // Snippets cost a scan of the text: make them for the first results
        // only; the rest are made when shown (`fill_shown`).
        let qwords = query_words(query.trim());
        for hit in hits.iter_mut().take(self.shown_up_front) {
            fill_shown(catalog, hit, &qwords);
        }
        let results = Results {
            query: query.to_string(),
            scope,
            all_cells,
            hits,
        };
        (results, total)
    }

    /// Sorts results into rank order: score, highest first, then name,
    /// then field. Each result's place is packed into one number (every
    /// score fits in 32 bits, see [`rank_score`]; so do the field's
    /// positions in any catalog of sane size, checked), which sorts much
    /// faster than comparing the three in turn.
    fn rank(&self, ranked: &mut Vec<(i64, usize, Field)>, top: usize) {
        const SMALL: usize = 1 << 15;
        let name_rank = &self.name_rank;
        let code = |f: Field| -> u128 {
            let (kind, a, b) = match f {
                Field::Name => (0, 0, 0),
                Field::Tag(t) => (1, t, 0),
                Field::Domain => (2, 0, 0),
                Field::Text { role, level } => (3, role, level),
            };
            (kind << 30 | a << 15 | b) as u128
        };
        let fits = ranked.iter().all(|&(score, s, f)| {
            let (a, b) = match f {
                Field::Tag(t) => (t, 0),
                Field::Text { role, level } => (role, level),
                _ => (0, 0),
            };
            u32::try_from(score).is_ok() && a < SMALL && b < SMALL && s < name_rank.len()
        });
        if !fits {
            ranked.sort_unstable_by_key(|&(score, s, f)| {
                (std::cmp::Reverse(score), name_rank.get(s).copied(), f)
            });
            if top > 0 {
                ranked.truncate(top);
            }
            return;
        }
        // Each key with the place in `ranked` of the result it stands for.
        let mut keyed: Vec<(u128, u32)> = ranked
            .iter()
            .enumerate()
            .map(|(i, &(score, s, f))| {
                let score = u32::MAX - u32::try_from(score).unwrap_or(0);
                let key = u128::from(score) << 64 | u128::from(name_rank[s]) << 32 | code(f);
                (key, u32::try_from(i).unwrap_or(u32::MAX))
            })
            .collect();
        // Keys are distinct (a skill has one name rank, a cell one field):
        // the first `top` are found without sorting the rest.
        if top > 0 && top < keyed.len() {
            keyed.select_nth_unstable_by_key(top - 1, |k| k.0);
            keyed.truncate(top);
        }
        if keyed.len() > 20_000 {
            keyed.par_sort_unstable_by_key(|k| k.0);
        } else {
            keyed.sort_unstable_by_key(|k| k.0);
        }
        let sorted: Vec<(i64, usize, Field)> = keyed
            .into_iter()
            .filter_map(|(_, i)| ranked.get(i as usize).copied())
            .collect();
        *ranked = sorted;
    }

    /// The skills in scope whose name matches, with the score, in name
    /// order. In that order a name that several skills share (a catalog
    /// may reuse one) comes up in a row, and is matched once.
    fn names_matching(
        &self,
        catalog: &Catalog,
        q: &Prepared<'_>,
        wanted: &(dyn Fn(usize) -> bool + Sync),
    ) -> Vec<(u32, i64)> {
        let names: Vec<Vec<(u32, i64)>> = self
            .name_order
            .par_chunks(NAME_CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = String::new();
                let mut found = Vec::new();
                // The name last matched, and its score.
                let mut last: Option<(&str, Option<i64>)> = None;
                for (i, &s) in chunk.iter().enumerate() {
                    let r = c * NAME_CHUNK + i;
                    if !wanted(s as usize) || !q.may_match_letters(self.name_letters[r]) {
                        continue;
                    }
                    let name = catalog
                        .skills
                        .get(s as usize)
                        .map_or("", |k| k.name.as_str());
                    let score = match last {
                        Some((before, score)) if before == name => score,
                        _ => {
                            let score = short_match(q, name, &self.names_folded[r], &mut buf)
                                .map(|(raw, st)| rank_score(st, Field::Name, raw));
                            last = Some((name, score));
                            score
                        }
                    };
                    if let Some(score) = score {
                        found.push((s, score));
                    }
                }
                found
            })
            .collect();
        names.concat()
    }

    /// Names, tags and domains: each skill's best is offered to `scratch`.
    fn short_fields(
        &self,
        catalog: &Catalog,
        q: &Prepared<'_>,
        wanted: &(dyn Fn(usize) -> bool + Sync),
        scratch: &mut Scratch,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<()> {
        let mut buf = String::new();
        // The names, in parallel: the largest part of a short query's work.
        let names = self.names_matching(catalog, q, wanted);
        if cancelled() {
            return None;
        }
        for (s, score) in names {
            scratch.offer(s as usize, score, Field::Name);
        }
        // Another name of the skill: a name match, shown with the current
        // name.
        for (s, folded) in &self.other_names {
            if wanted(*s as usize)
                && let Some((raw, st)) = short_match(q, folded, folded, &mut buf)
            {
                scratch.offer(*s as usize, rank_score(st, Field::Name, raw), Field::Name);
            }
        }
        for (t, (tag, holders)) in self.tags.iter().enumerate() {
            if let Some((raw, st)) = short_match(q, tag, &self.tags_folded[t], &mut buf) {
                for &(s, i) in holders {
                    if wanted(s as usize) {
                        let field = Field::Tag(i as usize);
                        scratch.offer(s as usize, rank_score(st, field, raw), field);
                    }
                }
            }
        }
        for (d, domain) in catalog.domains.iter().enumerate() {
            let other = || {
                self.other_domains
                    .get(d)
                    .into_iter()
                    .flatten()
                    .find_map(|n| short_match(q, n, n, &mut String::new()))
            };
            if let Some((raw, st)) =
                short_match(q, &domain.name, &self.domains_folded[d], &mut buf).or_else(other)
            {
                let score = rank_score(st, Field::Domain, raw);
                for &s in self.domain_skills.get(d).map_or(&[][..], Vec::as_slice) {
                    if wanted(s as usize) {
                        scratch.offer(s as usize, score, Field::Domain);
                    }
                }
            }
        }
        Some(())
    }

    /// Texts through the vocabulary: every query word must match a word of
    /// the same text. One slot per cell, touched ones listed, so a query
    /// costs what its matching words' cell lists cost.
    fn indexed_texts(
        &self,
        v: &Vocabulary,
        q: &Prepared<'_>,
        scope: Scope,
        wanted: &dyn Fn(usize) -> bool,
        scratch: &mut Scratch,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<(u32, i64)>> {
        let per_skill = cells_per_skill(self.roles, self.levels);
        let levels = self.levels.max(1);
        let Scratch { slots, touched, .. } = scratch;
        for (n, qw) in q.words.iter().enumerate() {
            let n = u16::try_from(n).unwrap_or(u16::MAX);
            let matching: Vec<(usize, i32, Strength)> = v
                .range(qw.range_prefix())
                .filter_map(|i| {
                    word_match(&q.matcher, v.word(i), qw).map(|(s, st)| {
                        let s = i32::try_from(s).unwrap_or(if s < 0 { i32::MIN } else { i32::MAX });
                        (i, s, st)
                    })
                })
                .collect();
            for (w, score, strength) in matching {
                for cell in v.cells(w) {
                    let c = cell as usize;
                    let Some(slot) = slots.get_mut(c) else {
                        continue;
                    };
                    if n == 0 {
                        if slot.matched == 0 {
                            if matches!(scope, Scope::Role(r) if r != (c % per_skill) / levels)
                                || !wanted(c / per_skill)
                            {
                                continue;
                            }
                            touched.push(cell);
                        }
                    } else if slot.matched < n {
                        continue; // missed an earlier word
                    }
                    if slot.matched == n {
                        slot.matched = n + 1;
                        slot.word_score = score;
                        slot.word_strength = strength;
                    } else if (strength, score) > (slot.word_strength, slot.word_score) {
                        slot.word_score = score;
                        slot.word_strength = strength;
                    }
                }
            }
            // Fold this word's best into the running totals.
            for &cell in touched.iter() {
                let slot = &mut slots[cell as usize];
                if slot.matched == n + 1 {
                    slot.score = slot.score.saturating_add(slot.word_score);
                    slot.strength = slot.strength.min(slot.word_strength);
                }
            }
            if cancelled() {
                return None;
            }
        }
        let full = u16::try_from(q.words.len()).unwrap_or(u16::MAX);
        let text = Field::Text { role: 0, level: 0 };
        Some(
            touched
                .iter()
                .filter_map(|&cell| {
                    let slot = &slots[cell as usize];
                    (slot.matched == full)
                        .then(|| (cell, rank_score(slot.strength, text, i64::from(slot.score))))
                })
                .collect(),
        )
    }

    /// Texts without a vocabulary: see [`scan_texts`].
    fn scanned_texts(
        &self,
        catalog: &Catalog,
        q: &Prepared<'_>,
        scope: Scope,
        wanted: &(dyn Fn(usize) -> bool + Sync),
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<(u32, i64)>> {
        let found = scan_texts(catalog, q, scope, wanted);
        if cancelled() {
            return None;
        }
        Some(found)
    }

    /// One query without an index of any kind, for a caller that asks one
    /// (`rungs search`): [`Index::for_one_query`] and its search, with the
    /// same results, made on every core at once: the short fields (the
    /// names, their order, tags and domains) are made and matched while
    /// the texts are scanned. Gives the first `top` results (all for 0)
    /// and how many there are; none gets what it shows: the caller fills
    /// those it shows ([`fill_shown`]).
    pub fn one_query(
        catalog: &Catalog,
        query: &str,
        scope: Scope,
        all_cells: bool,
        top: usize,
    ) -> (Results, usize) {
        let trimmed = query.trim();
        if trimmed.is_empty() {
            let results = Results {
                query: query.to_string(),
                scope,
                all_cells,
                hits: Vec::new(),
            };
            return (results, 0);
        }
        let q = Prepared::new(trimmed);
        // What `skill_in_scope` says, from the catalog itself: the index
        // that would say it is being made meanwhile.
        let wanted = |s: usize| match scope {
            Scope::AllRoles => true,
            Scope::Role(r) => catalog.skills.get(s).is_some_and(|k| k.in_role(r)),
        };
        let ((index, mut scratch), texts) = rayon::join(
            || {
                let index = Self::for_one_query(catalog);
                let mut scratch = Scratch::default();
                scratch.reset(0, index.skills);
                if !all_cells {
                    let _ = index.short_fields(catalog, &q, &wanted, &mut scratch, &|| false);
                }
                (index, scratch)
            },
            || scan_texts(catalog, &q, scope, &wanted),
        );
        index.finish(catalog, query, scope, all_cells, &mut scratch, texts, top)
    }
}

/// Texts without a vocabulary: every text in scope is read once, on
/// rayon's threads, and matched word by word against the query with the
/// same rule ([`word_match`]) the vocabulary uses. Gives each matching
/// cell with its score.
fn scan_texts(
    catalog: &Catalog,
    q: &Prepared<'_>,
    scope: Scope,
    wanted: &(dyn Fn(usize) -> bool + Sync),
) -> Vec<(u32, i64)> {
    let per_skill = cells_per_skill(catalog.roles.len(), catalog.levels.len());
    let levels = catalog.levels.len().max(1);
    let text = Field::Text { role: 0, level: 0 };
    // Each run of skills a thread takes keeps one matcher and one list of
    // what it finds.
    let found: Vec<Vec<(u32, i64)>> = catalog
        .skills
        .par_iter()
        .enumerate()
        .with_min_len(64)
        .filter(|&(s, _)| wanted(s))
        .fold(
            || (TextMatcher::default(), Vec::new()),
            |(mut m, mut out), (s, skill)| {
                for (r, l, cell) in skill.expectations() {
                    if matches!(scope, Scope::Role(role) if role != r) {
                        continue;
                    }
                    // With examples, the same words the vocabulary holds.
                    let joined;
                    let cell_text = if cell.examples().is_empty()
                        && cell.behaviours().iter().all(|b| b.examples.is_empty())
                    {
                        &cell.text
                    } else {
                        joined = cell_texts(cell).collect::<Vec<_>>().join("\n");
                        joined.as_str()
                    };
                    if let Some((raw, st)) = m.text(q, cell_text) {
                        let id = u32::try_from(s * per_skill + r * levels + l).unwrap_or(u32::MAX);
                        out.push((id, rank_score(st, text, raw)));
                    }
                }
                (m, out)
            },
        )
        .map(|(_, out)| out)
        .collect();
    found.concat()
}

/// Matches a short field (name, tag, domain): the raw score and how. The
/// skim matcher must find the query's letters in order, and the match is
/// [`Strength::Prefix`] when every query word starts a word of the field,
/// [`Strength::Stem`] when every query word starts or shares the stem of
/// one; a field where only stems match (`Mentors` for `mentoring`) is found
/// too.
fn short_match(
    q: &Prepared<'_>,
    orig: &str,
    folded: &str,
    buf: &mut String,
) -> Option<(i64, Strength)> {
    let field = if q.fold_case { folded } else { orig };
    let skim = if may_match(field, q.trimmed) {
        q.matcher.fuzzy_match(field, q.trimmed)
    } else {
        None
    };
    let prefix = |buf: &mut String| {
        q.words
            .iter()
            .all(|qw| folded_words(folded, buf, |w| w.starts_with(qw.text.as_str())))
    };
    let stems = |buf: &mut String| {
        q.words.iter().any(QueryWord::has_stem)
            && q.words.iter().all(|qw| {
                folded_words(folded, buf, |w| {
                    w.starts_with(qw.text.as_str()) || qw.stem_matches(w)
                })
            })
    };
    let strength = match skim {
        Some(_) if prefix(buf) => Strength::Prefix,
        Some(_) if stems(buf) => Strength::Stem,
        Some(_) => Strength::Fuzzy,
        None if stems(buf) => Strength::Stem,
        None => return None,
    };
    Some((
        skim.unwrap_or(0) + exact_bonus(folded, &q.words, buf),
        strength,
    ))
}

/// Matches whole texts against a query without a vocabulary; one per
/// thread, remembering how each distinct word matched.
#[derive(Default)]
struct TextMatcher {
    buf: String,
    /// Per query word: the words seen and how they matched.
    seen: Vec<FastMap<Box<str>, WordMatch>>,
    best: Vec<Option<(Strength, i64)>>,
}

impl TextMatcher {
    /// The text's raw score and strength when every query word matches one
    /// of its words: per query word its best word, as the vocabulary
    /// search keeps it, summed.
    fn text(&mut self, q: &Prepared<'_>, text: &str) -> Option<(i64, Strength)> {
        let n = q.words.len();
        if self.seen.len() != n {
            self.seen = (0..n).map(|_| FastMap::default()).collect();
        }
        self.best.clear();
        self.best.resize(n, None);
        let TextMatcher { buf, seen, best } = self;
        // A query word that starts with an ASCII letter or digit is looked
        // for, in an ASCII text, only in the words that start with that
        // byte; any other query word, or any word of a text that turns out
        // not to be ASCII, through every word of the text.
        if q.foreign && text.is_ascii() {
            return None;
        }
        let mut ascii = true;
        for (i, qw) in q.words.iter().enumerate() {
            let Some(b) = q.firsts[i] else {
                continue;
            };
            ascii = ascii_words_from(text.as_bytes(), b, q.needs[i], |s, e| {
                // Most words are turned away here, without a copy or a
                // look-up.
                if qw.may_match_ascii(&text.as_bytes()[s..e]) {
                    buf.clear();
                    // A word's ends are next to ASCII bytes: char
                    // boundaries, found without checking it is UTF-8.
                    buf.push_str(text.get(s..e).unwrap_or_default());
                    buf.make_ascii_lowercase();
                    consider(q, i, buf, seen, best);
                }
            });
            if !ascii {
                best[i] = None;
                break;
            }
            // This query word matches no word here: nor does the text.
            best[i]?;
        }
        let slow = |i: usize| !ascii || q.firsts[i].is_none();
        if (0..q.words.len()).any(slow) {
            any_word(text, buf, |w| {
                for i in 0..q.words.len() {
                    if slow(i) {
                        consider(q, i, w, seen, best);
                    }
                }
                false
            });
        }
        let mut raw = 0;
        let mut strength = Strength::Prefix;
        for b in self.best.iter() {
            let (st, score) = (*b)?;
            raw += score;
            strength = strength.min(st);
        }
        Some((raw, strength))
    }
}

/// Counts word `w` of a text for query word `i`: keeps it as that query
/// word's best when it matches better than the best so far.
fn consider(
    q: &Prepared<'_>,
    i: usize,
    w: &str,
    seen: &mut [FastMap<Box<str>, WordMatch>],
    best: &mut [Option<(Strength, i64)>],
) {
    let qw = &q.words[i];
    // Every match starts with the range prefix: most words are turned away
    // here, without a look-up.
    if !w.starts_with(qw.range_prefix()) {
        return;
    }
    let m = if !qw.is_costly() {
        word_match(&q.matcher, w, qw)
    } else if let Some(m) = seen[i].get(w) {
        *m
    } else {
        let m = word_match(&q.matcher, w, qw);
        seen[i].insert(w.into(), m);
        m
    };
    if let Some((score, st)) = m
        && best[i].is_none_or(|b| (st, score) > b)
    {
        best[i] = Some((st, score));
    }
}

/// Calls `f` with the byte range of every word of the ASCII `text` that
/// [`any_word`] would give, that starts at a byte equal to `first` or its
/// capital and that holds every letter of `need` (its [`letters`] bits; 0
/// for every word), so `text[s..e]` is, once lowercased, what [`any_word`]
/// gives. Finds those places [`BLOCK`] bytes at a time instead of
/// splitting every word: most words of a text start with another letter,
/// and most of those that do not lack a letter of `need`.
///
/// Returns false when `text` is not ASCII after all, found in the same
/// pass (so a caller need not make another to check first); `f` may then
/// have been called for some words, which the caller discards.
fn ascii_words_from(text: &[u8], first: u8, need: u64, mut f: impl FnMut(usize, usize)) -> bool {
    use super::words::{ALNUM, CLASS, LETTER_BITS, SPACE};
    let class = |i: usize| CLASS[usize::from(text[i])];
    let bits = |i: usize| LETTER_BITS[usize::from(text[i])];
    let n = text.len();
    // `p` starts a word (the byte before it is no letter or digit).
    let mut at = |p: usize| {
        // The run of letters and digits from `p`, and its letters, in one
        // look-up a byte (a letter's or digit's bit is never 0).
        let mut e = p;
        let mut has = 0;
        while e < n && bits(e) != 0 {
            has |= bits(e);
            e += 1;
        }
        // Every run of letters and digits is a word (a part of a token, or
        // the token itself).
        if has & need == need {
            f(p, e);
        }
        // A token such as `torch.compile` is a word too, when this run
        // opens it (only punctuation between the space and `p`) and more
        // letters or digits follow before the next space. Most runs end at
        // a space or at the end: no token goes on past them.
        if e == n || class(e) == SPACE {
            return;
        }
        let mut t = e;
        let mut end = e;
        while t < n && class(t) != SPACE {
            if class(t) == ALNUM {
                end = t + 1;
                has |= bits(t);
            }
            t += 1;
        }
        if end == e {
            return; // only punctuation after the run
        }
        let mut b = p;
        while b > 0 {
            match class(b - 1) {
                SPACE => break,
                ALNUM => return, // the token opened before `p`
                _ => b -= 1,
            }
        }
        if has & need == need {
            f(p, end);
        }
    };
    let fold = if first.is_ascii_alphabetic() { 0x20 } else { 0 };
    let lower = first.to_ascii_lowercase();
    // Whether `b` is `first` (either case, for a letter), exactly, for an
    // ASCII `b`: `b | 0x20` is a lowercase letter only for that letter of
    // either case.
    let is_first = |b: u8| (b | fold) == lower;
    if n > 0 && is_first(text[0]) {
        at(0);
    }
    // Blocks of BLOCK bytes from 1, each seen with the byte before it (see
    // `block_starts`; the crate forbids `unsafe`, hence no explicit SIMD).
    let mut high = [0u8; BLOCK];
    // The last bytes (fewer than a block) are copied here, with spaces
    // after them: a space starts nothing and is ASCII.
    let mut padded = [b' '; BLOCK + 1];
    let mut i = 1;
    while i < n {
        let w = match text.get(i - 1..i + BLOCK).map(<&[u8; BLOCK + 1]>::try_from) {
            Some(Ok(w)) => w,
            _ => {
                let rest = text.get(i - 1..).unwrap_or_default();
                padded[..rest.len()].copy_from_slice(rest);
                &padded
            }
        };
        let start = block_starts(w, fold, lower, &mut high);
        if start.iter().fold(0, |a, &s| a | s) != 0 {
            for (h, eight) in start.chunks_exact(8).enumerate() {
                let mut bytes = [0u8; 8];
                bytes.copy_from_slice(eight);
                let mut x = u64::from_le_bytes(bytes);
                while x != 0 {
                    let p = i + h * 8 + (x.trailing_zeros() / 8) as usize;
                    // The block asked only that the byte before is no
                    // lowercase letter: a capital or a digit there (rare
                    // before the letter) is turned away here.
                    if class(p - 1) != ALNUM {
                        at(p);
                    }
                    x &= x - 1;
                }
            }
        }
        i += BLOCK;
    }
    high.iter().fold(0, |a, &h| a | h) < 0x80 && text.first().is_none_or(u8::is_ascii)
}

/// Bytes [`ascii_words_from`] looks at in one step.
const BLOCK: usize = 32;

/// For the bytes `w[1..]` of a text and the byte before each, `w[..32]`:
/// 1 where a byte is `lower` (or, with `fold` 0x20 for a letter, its
/// capital) after one that is no lowercase letter, else 0: every place a
/// word may start, and a few more (after a capital or a digit) that the
/// caller turns away. ORs each byte into `high`, to tell later whether the
/// text was ASCII. Byte by byte without branches, on arrays passed in (so
/// nothing aliases them): the compiler makes the loop a few vector
/// instructions per 16 bytes, half as many as for the whole test of a
/// letter or digit.
#[inline]
fn block_starts(w: &[u8; BLOCK + 1], fold: u8, lower: u8, high: &mut [u8; BLOCK]) -> [u8; BLOCK] {
    let mut start = [0u8; BLOCK];
    for k in 0..BLOCK {
        let b = w[k + 1];
        high[k] |= b;
        start[k] = u8::from(((b | fold) == lower) & (w[k].wrapping_sub(b'a') >= 26));
    }
    start
}

/// Whether the results of `previous` may be narrowed to answer `query`:
/// `query` extends it, and every skill that `query` matches also matches
/// `previous` (a longer word finds fewer words, unless it brings in words
/// through its stem that the shorter one did not reach).
pub fn narrows(previous: &str, query: &str) -> bool {
    let (p, q) = (previous.trim(), query.trim());
    if !q.starts_with(p) || p.chars().count() < 3 {
        return false;
    }
    let pw = super::words::query(&query_words(p));
    let qw = super::words::query(&query_words(q));
    pw.iter()
        .enumerate()
        .all(|(i, a)| qw.get(i).is_some_and(|b| a.text == b.text || a.covers(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    fn run(catalog: &Catalog, q: &str) -> Results {
        Index::new(catalog)
            .search(catalog, q, Scope::AllRoles, None, &|| false)
            .unwrap()
    }

    #[test]
    fn name_match_ranks_first_and_highlights_char_indices() {
        let c = load_embedded().unwrap().catalog;
        let r = run(&c, "deep learn");
        let top = &r.hits[0];
        assert_eq!(c.skills[top.skill].id, "deep-learning");
        assert_eq!(top.field, Field::Name);
        assert_eq!(top.shown, "Deep Learning");
        assert_eq!(top.indices[..4], [0, 1, 2, 3]);
    }

    #[test]
    fn texts_match_by_word_prefix() {
        let c = load_embedded().unwrap().catalog;
        let r = run(&c, "torch.comp");
        let dl = c.skill_index("deep-learning").unwrap();
        let hit = r
            .hits
            .iter()
            .find(|h| h.skill == dl)
            .expect("deep learning found");
        assert!(matches!(hit.field, Field::Text { .. }));
        assert!(hit.shown.contains("torch.compile"), "{}", hit.shown);
        let hl: String = hit
            .indices
            .iter()
            .map(|&i| hit.shown.chars().nth(i).unwrap())
            .collect();
        assert_eq!(hl, "torch.compile");
    }

    #[test]
    fn three_letters_do_not_match_everything() {
        let c = load_embedded().unwrap().catalog;
        let r = run(&c, "xqz");
        assert!(r.hits.is_empty());
        let r = run(&c, "est");
        assert!(
            r.hits.len() < c.skills.len(),
            "{} of {}",
            r.hits.len(),
            c.skills.len()
        );
    }

    #[test]
    fn a_skill_appears_once() {
        let c = load_embedded().unwrap().catalog;
        let r = run(&c, "pytorch");
        let mut seen = HashSet::new();
        assert!(r.hits.iter().all(|h| seen.insert(h.skill)));
    }

    #[test]
    fn scope_limits_to_one_role() {
        let c = load_embedded().unwrap().catalog;
        let idx = Index::new(&c);
        let ds = c.role_index("data-scientist").unwrap();
        let r = idx
            .search(&c, "dbt", Scope::Role(ds), None, &|| false)
            .unwrap();
        for h in &r.hits {
            if let Field::Text { role, .. } = h.field {
                assert_eq!(role, ds);
            }
            assert!(c.skills[h.skill].in_role(ds));
        }
    }

    #[test]
    fn cancelled_search_returns_none() {
        let c = load_embedded().unwrap().catalog;
        assert!(
            Index::new(&c)
                .search(&c, "a", Scope::AllRoles, None, &|| true)
                .is_none()
        );
    }

    /// The queries the equivalence tests run: short and long, several
    /// words, stems, capitals, punctuation, Chinese, no match.
    const QUERIES: [&str; 16] = [
        "d",
        "da",
        "dat",
        "data",
        "pipeline",
        "mentoring",
        "mentored",
        "torch.comp",
        "deep learn",
        "Data",
        "sql dbt",
        "estmates",
        "ddp/fsdp",
        "工程",
        "初级",
        "xqzxqz",
    ];

    #[test]
    fn scanning_texts_gives_what_the_index_gives() {
        let c = load_embedded().unwrap().catalog;
        let full = Index::new(&c);
        let light = Index::for_one_query(&c);
        assert_eq!(light.vocabulary(), 0);
        for q in QUERIES {
            for scope in [Scope::AllRoles, Scope::Role(1)] {
                // What each result shows is made up front by the index
                // only: the same once made for every result.
                let filled = |mut r: Results| {
                    for hit in &mut r.hits {
                        fill_shown(&c, hit, &query_words(q.trim()));
                    }
                    r
                };
                let a = full.search(&c, q, scope, None, &|| false).unwrap();
                let b = light.search(&c, q, scope, None, &|| false).unwrap();
                assert!(b.hits.iter().all(|h| h.shown.is_empty()), "{q}");
                assert_eq!(filled(a), filled(b), "{q} {scope:?}");
                let a = full.search_cells(&c, q, scope, &|| false).unwrap();
                let b = light.search_cells(&c, q, scope, &|| false).unwrap();
                assert_eq!(filled(a), filled(b), "cells: {q} {scope:?}");
            }
        }
    }

    #[test]
    fn one_query_gives_the_first_results_of_the_index_and_their_count() {
        let c = load_embedded().unwrap().catalog;
        let full = Index::new(&c);
        let mut many = 0;
        for q in QUERIES.iter().chain(&["", "  "]) {
            for scope in [Scope::AllRoles, Scope::Role(1)] {
                for all_cells in [false, true] {
                    let mut want = if all_cells {
                        full.search_cells(&c, q, scope, &|| false).unwrap()
                    } else {
                        full.search(&c, q, scope, None, &|| false).unwrap()
                    };
                    for hit in &mut want.hits {
                        (hit.shown, hit.indices) = (String::new(), Vec::new());
                    }
                    let count = want.hits.len();
                    many = many.max(count);
                    for top in [0, 1, 3, 20, count, count + 1] {
                        let (got, total) = Index::one_query(&c, q, scope, all_cells, top);
                        let mut want = want.clone();
                        if top > 0 {
                            want.hits.truncate(top);
                        }
                        assert_eq!(total, count, "{q} {scope:?} {all_cells} {top}");
                        assert_eq!(got, want, "{q} {scope:?} {all_cells} {top}");
                    }
                }
            }
        }
        assert!(many > 20, "{many}");
    }

    #[test]
    fn the_letters_prefilter_never_turns_away_a_name_that_matches() {
        let c = load_embedded().unwrap().catalog;
        let mut names: Vec<String> = c.skills.iter().map(|s| s.name.clone()).collect();
        names.extend(c.domains.iter().map(|d| d.name.clone()));
        names.extend(["Kelvin \u{212a}", "Ünïcode Naïve", "C++ & C#", "SQL2"].map(String::from));
        let mut kept = 0;
        for q in QUERIES
            .iter()
            .chain(&["Mentoring", "sql2", "c#", "k", "K", "naive", "studies"])
        {
            let q = Prepared::new(q);
            for name in &names {
                let folded = fold(name);
                if short_match(&q, name, &folded, &mut String::new()).is_some() {
                    assert!(
                        q.may_match_letters(letters(&folded)),
                        "{name} {}",
                        q.trimmed
                    );
                    kept += 1;
                }
            }
        }
        assert!(kept > 30, "{kept}");
    }

    #[test]
    fn a_name_several_skills_share_matches_each_as_it_would_alone() {
        let mut c = load_embedded().unwrap().catalog;
        // Shared names, some differing only in case (a query with a
        // capital matches them apart), interleaved in name order.
        let pool = [
            "Data Pipelines",
            "data pipelines",
            "Data Pipelines",
            "Data Platform",
            "DATA pipelines",
            "Feature Flags",
            "datapipelines",
        ];
        for (i, skill) in c.skills.iter_mut().enumerate() {
            skill.name = pool[(i * 5 + i / 3) % pool.len()].to_string();
        }
        let index = Index::for_one_query(&c);
        let mut found = 0;
        for query in [
            "dat",
            "Dat",
            "DATA",
            "pipe",
            "data pipelines",
            "Data P",
            "ff",
            "flag",
        ] {
            let q = Prepared::new(query);
            for even in [false, true] {
                let wanted = |s: usize| !even || s.is_multiple_of(2);
                let mut got = index.names_matching(&c, &q, &wanted);
                got.sort_unstable();
                let want: Vec<(u32, i64)> = (0..c.skills.len())
                    .filter(|&s| wanted(s))
                    .filter_map(|s| {
                        let name = &c.skills[s].name;
                        short_match(&q, name, &fold(name), &mut String::new())
                            .map(|(raw, st)| (s as u32, rank_score(st, Field::Name, raw)))
                    })
                    .collect();
                assert_eq!(got, want, "{query} {even}");
                found += want.len();
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn scores_never_increase_down_the_list() {
        let c = load_embedded().unwrap().catalog;
        let index = Index::new(&c);
        for q in QUERIES {
            let r = index
                .search(&c, q, Scope::AllRoles, None, &|| false)
                .unwrap();
            assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score), "{q}");
            let r = index
                .search_cells(&c, q, Scope::AllRoles, &|| false)
                .unwrap();
            assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score), "{q}");
        }
    }

    #[test]
    fn mentoring_mentors_and_mentored_find_the_same_skills() {
        let c = load_embedded().unwrap().catalog;
        let index = Index::new(&c);
        let skills = |q: &str| -> Vec<usize> {
            let mut v: Vec<usize> = index
                .search(&c, q, Scope::AllRoles, None, &|| false)
                .unwrap()
                .hits
                .iter()
                .map(|h| h.skill)
                .collect();
            v.sort_unstable();
            v
        };
        let mentor = skills("mentor");
        assert!(mentor.len() >= 3, "{mentor:?}");
        for q in ["mentoring", "mentors", "mentored"] {
            assert_eq!(skills(q), mentor, "{q}");
        }
    }

    #[test]
    fn a_prefix_match_ranks_above_a_stem_only_match() {
        let c = load_embedded().unwrap().catalog;
        let index = Index::new(&c);
        let cells = index
            .search_cells(&c, "mentoring", Scope::AllRoles, &|| false)
            .unwrap();
        let text = |h: &Hit| {
            let Field::Text { role, level } = h.field else {
                panic!("{h:?}")
            };
            c.skills[h.skill]
                .cell(role, level)
                .unwrap()
                .text
                .to_lowercase()
        };
        let first_stem_only = cells
            .hits
            .iter()
            .position(|h| !text(h).contains("mentoring"))
            .expect("some cell says mentor or mentors only");
        assert!(first_stem_only > 0);
        assert!(
            cells.hits[first_stem_only..]
                .iter()
                .all(|h| !text(h).contains("mentoring")),
            "every cell with the word itself comes first"
        );
    }

    #[test]
    fn every_matching_cell_is_listed() {
        let c = load_embedded().unwrap().catalog;
        let index = Index::new(&c);
        let best = index
            .search(&c, "incident", Scope::AllRoles, None, &|| false)
            .unwrap();
        let cells = index
            .search_cells(&c, "incident", Scope::AllRoles, &|| false)
            .unwrap();
        assert!(cells.all_cells && !best.all_cells);
        let expected = c
            .skills
            .iter()
            .flat_map(|s| s.expectations())
            .filter(|(_, _, cell)| cell.text.to_lowercase().contains("incident"))
            .count();
        assert_eq!(cells.hits.len(), expected);
        assert!(
            cells.hits.len()
                > best
                    .hits
                    .iter()
                    .filter(|h| matches!(h.field, Field::Text { .. }))
                    .count()
        );
        let mut seen = HashSet::new();
        assert!(cells.hits.iter().all(|h| seen.insert((h.skill, h.field))));
    }

    #[test]
    fn the_ascii_scan_finds_the_words_any_word_finds() {
        let texts = [
            "Uses torch.compile (DDP/FSDP), fast. d d. D-day",
            "a/b/c, (q), ...,   trailing- x.y.z\tdata-driven\x0bdatasets",
            "((dbt)) ..dbt.. dbt_core dbt2 2dbt d",
            "",
        ];
        for t in texts {
            for first in [b'd', b't', b'a', b'2', b'x', b'q'] {
                let mut slow = Vec::new();
                any_word(t, &mut String::new(), |w| {
                    if w.as_bytes()[0] == first {
                        slow.push(w.to_string());
                    }
                    false
                });
                let mut fast = Vec::new();
                ascii_words_from(t.as_bytes(), first, 0, |s, e| {
                    fast.push(t[s..e].to_ascii_lowercase())
                });
                slow.sort();
                fast.sort();
                assert_eq!(fast, slow, "{t:?} {}", char::from(first));
            }
        }
    }

    proptest::proptest! {
        /// The eight-bytes-at-a-time scan finds the words [`any_word`]
        /// finds that start with the letter, at any place and in any case.
        #[test]
        fn the_ascii_scan_finds_what_any_word_finds_everywhere(
            text in "[dDaAx1 .(/,\t-]{0,40}",
            first in proptest::sample::select(vec![b'd', b'a', b'1', b'x']),
        ) {
            let mut slow = Vec::new();
            any_word(&text, &mut String::new(), |w| {
                if w.as_bytes()[0] == first {
                    slow.push(w.to_string());
                }
                false
            });
            let mut fast = Vec::new();
            ascii_words_from(text.as_bytes(), first, 0, |s, e| {
                fast.push(text[s..e].to_ascii_lowercase())
            });
            slow.sort();
            fast.sort();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    /// Text pieces for the scan's property tests: ASCII words, capitals,
    /// punctuation that joins tokens, every ASCII space, and non-ASCII
    /// text (`İ`, `ß`, CJK, combining marks, emoji, a no-break space).
    const SCAN_PIECES: [&str; 24] = [
        "data",
        "Dat",
        "DAT",
        "d",
        "D",
        "date-driven",
        "torch.compile",
        "(DDP/FSDP)",
        "dbt2",
        "2dbt",
        "x",
        " ",
        "  ",
        "\t",
        "\n",
        "\x0b",
        ".",
        "İd",
        "straße",
        "数据",
        "d\u{301}at",
        "🙂dat",
        "\u{a0}",
        "da\u{301}ta",
    ];

    fn text_of(pieces: &[usize]) -> String {
        pieces
            .iter()
            .map(|&i| SCAN_PIECES[i % SCAN_PIECES.len()])
            .collect()
    }

    proptest::proptest! {
        /// The block scan, over texts long enough to cross several blocks:
        /// in an ASCII text, the words [`any_word`] gives that start with
        /// the byte; any other text is told apart.
        #[test]
        fn the_block_scan_finds_what_any_word_finds_in_long_texts(
            pieces in proptest::collection::vec(0usize..64, 0..60),
            first in proptest::sample::select(vec![b'd', b'D', b'a', b'2', b'x', b't']),
        ) {
            let text = text_of(&pieces);
            let mut fast = Vec::new();
            let ascii = ascii_words_from(text.as_bytes(), first, 0, |s, e| {
                fast.push(text[s..e].to_ascii_lowercase())
            });
            proptest::prop_assert_eq!(ascii, text.is_ascii());
            if ascii {
                let mut slow = Vec::new();
                any_word(&text, &mut String::new(), |w| {
                    if w.as_bytes()[0] == first.to_ascii_lowercase() {
                        slow.push(w.to_string());
                    }
                    false
                });
                slow.sort();
                fast.sort();
                proptest::prop_assert_eq!(fast, slow);
            }
        }

        /// With the letters a word must hold, the block scan gives the
        /// words it gives without them that hold those letters.
        #[test]
        fn the_block_scan_keeps_the_words_that_hold_the_letters(
            pieces in proptest::collection::vec(0usize..64, 0..60),
            query in proptest::sample::select(vec!["d", "dat", "data", "dbt2", "2d", "ta", "xq", "tdd"]),
        ) {
            let text = text_of(&pieces);
            let need = letters(query);
            let first = query.as_bytes()[0];
            let mut all = Vec::new();
            let ascii = ascii_words_from(text.as_bytes(), first, 0, |s, e| all.push((s, e)));
            let mut kept = Vec::new();
            let same = ascii_words_from(text.as_bytes(), first, need, |s, e| kept.push((s, e)));
            proptest::prop_assert_eq!(ascii, same);
            if ascii {
                all.retain(|&(s, e)| letters(&text[s..e]) & need == need);
                proptest::prop_assert_eq!(kept, all);
            }
        }

        /// A text's match, scanned, is what matching every one of its
        /// words ([`any_word`]) against every query word gives, whatever
        /// the text and query hold; one matcher serves all the texts, as
        /// on a thread of the scan.
        #[test]
        fn scanning_a_text_matches_it_word_by_word(
            texts in proptest::collection::vec(proptest::collection::vec(0usize..64, 0..40), 1..6),
            query in proptest::sample::select(vec![
                "d", "dat", "data", "Dat", "dbt2", "torch.comp", "date driven", "dat x",
                "straße", "strasse", "i\u{307}d", "数据", "dat 数据", "🙂", "d\u{301}at", "xq",
            ]),
        ) {
            let q = Prepared::new(query);
            let mut m = TextMatcher::default();
            for pieces in &texts {
                let text = text_of(pieces);
                let n = q.words.len();
                let mut seen: Vec<FastMap<Box<str>, WordMatch>> =
                    (0..n).map(|_| FastMap::default()).collect();
                let mut best = vec![None; n];
                any_word(&text, &mut String::new(), |w| {
                    for i in 0..n {
                        consider(&q, i, w, &mut seen, &mut best);
                    }
                    false
                });
                let want = best.iter().try_fold((0, Strength::Prefix), |(raw, st), b| {
                    b.map(|(s, score)| (raw + score, st.min(s)))
                });
                proptest::prop_assert_eq!(m.text(&q, &text), want, "{:?}", text);
            }
        }
    }

    proptest::proptest! {
        /// Names ranked by their 16-byte heads, then by name within a run
        /// of equal heads, are ranked by name, ties by place: names
        /// repeated, sharing their first 16 bytes or ending in NUL, and
        /// not ASCII.
        #[test]
        fn names_rank_by_name_then_place(
            picks in proptest::collection::vec(0usize..12, 0..40),
        ) {
            let pool = [
                "data governance", "data governance and lineage", "data governance and",
                "data governance\0", "data", "a", "", "straße", "数据治理", "data governance",
                "data governance and lineagf", "i\u{307}d",
            ];
            let names: Vec<String> = picks.iter().map(|&i| pool[i].to_string()).collect();
            let mut order: Vec<usize> = (0..names.len()).collect();
            order.sort_by(|&a, &b| names[a].cmp(&names[b]).then(a.cmp(&b)));
            let mut want = vec![0u32; names.len()];
            for (r, &i) in order.iter().enumerate() {
                want[i] = r as u32;
            }
            proptest::prop_assert_eq!(name_ranks(&name_order(&names)), want);
        }
    }

    proptest::proptest! {
        /// Put in name order in place, the names are where the order
        /// says.
        #[test]
        fn values_put_in_order_are_where_the_order_says(
            keys in proptest::collection::vec(0u8..8, 0..200),
        ) {
            let names: Vec<String> = keys.iter().map(|k| format!("n{k}")).collect();
            let order = name_order(&names);
            let want: Vec<String> = order.iter().map(|&i| names[i as usize].clone()).collect();
            let mut got = names.clone();
            put_in_order(&mut got, &order);
            proptest::prop_assert_eq!(got, want);
            // The worst order for following cycles naively: the last
            // first, the rest in place.
            let n = names.len() as u32;
            let rotated: Vec<u32> = (0..n).map(|r| if r == 0 { n - 1 } else { r - 1 }).collect();
            let want: Vec<String> = rotated.iter().map(|&i| names[i as usize].clone()).collect();
            let mut got = names.clone();
            put_in_order(&mut got, &rotated);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn cell_lists_survive_their_encoding() {
        let cells = [
            0u32,
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            2_000_000,
            9_999_999,
            u32::MAX,
        ];
        // Two words' lists written in turn, so their slices interleave in
        // the pool; the second list long enough to chain many slices.
        let mut part = Part::default();
        let key = short_key_of("word");
        let other = short_key_of("other");
        for (i, &c) in cells.iter().enumerate() {
            part.add(key, || "word", c);
            part.add(other, || "other", u32::try_from(i).unwrap() * 3);
        }
        for i in cells.len()..1000 {
            part.add(other, || "other", u32::try_from(i).unwrap() * 3);
        }
        let sorted = part.sorted();
        let list = |w: usize| -> (Vec<u32>, usize) {
            let bytes: Vec<u8> = sorted.cells(w).flatten().copied().collect();
            let cells = Cells {
                bytes: &bytes,
                cell: 0,
            }
            .collect();
            (cells, bytes.len())
        };
        // "other" sorts first.
        let (got, len) = list(1);
        let mut want = cells.to_vec();
        want.dedup();
        assert_eq!(got, want);
        assert_eq!(sorted.word(1).unwrap().last, u32::MAX);
        // Deltas 0, 1, 126, 1, 172, 16083, 1, 1983616, 7999999, 4284967296.
        assert_eq!(len, 1 + 1 + 1 + 1 + 2 + 2 + 1 + 3 + 4 + 5);
        let (got, len) = list(0);
        assert_eq!(got, (0..1000).map(|i| i * 3).collect::<Vec<u32>>());
        assert_eq!(len, 1 + 999);
    }

    #[test]
    fn a_vocabulary_built_in_parts_is_the_one_built_in_one() {
        let c = load_embedded().unwrap().catalog;
        let one = Vocabulary::build_in(&c, 1, &AtomicUsize::new(0));
        for parts in [2, 3, 7] {
            let v = Vocabulary::build_in(&c, parts, &AtomicUsize::new(0));
            assert_eq!(v.text, one.text, "{parts}");
            assert_eq!(v.text_at, one.text_at, "{parts}");
            assert_eq!(v.cells, one.cells, "{parts}");
            assert_eq!(v.cells_at, one.cells_at, "{parts}");
        }
    }

    /// Pieces the vocabulary tests make texts from: words of 16 bytes and
    /// around (sharing their first 16), capitals, non-ASCII letters that
    /// change length when lowercased, CJK, emoji, combining marks,
    /// punctuation and a NUL inside a token.
    const PIECES: [&str; 30] = [
        "data",
        "Data",
        "DATA",
        "pipeline",
        "abcdefghijklmnop",
        "abcdefghijklmnopq",
        "abcdefghijklmnopqr",
        "abcdefghijklmnopé",
        "abcdefghijklmnoé",
        "observability-driven-development",
        "naïve",
        "ÜBER",
        "初级工程师",
        "工程",
        "🦀",
        "e\u{301}",
        "İstanbul",
        "ǅ",
        "ß",
        "Σίσυφος",
        "٣٤",
        "torch.compile",
        "(ddp/fsdp),",
        "...",
        "-",
        "a\0b",
        "x.y.z",
        "v2",
        "orders_v812",
        "\u{a0}",
    ];

    /// Each word of `catalog`'s texts with the cells whose texts have it,
    /// found the simplest way: [`words`](super::super::words), a char at a
    /// time, into a sorted map.
    fn reference_vocabulary(
        catalog: &Catalog,
    ) -> std::collections::BTreeMap<String, std::collections::BTreeSet<u32>> {
        let (roles, levels) = (catalog.roles.len(), catalog.levels.len());
        let mut want = std::collections::BTreeMap::<String, std::collections::BTreeSet<u32>>::new();
        for (s, skill) in catalog.skills.iter().enumerate() {
            for (r, l, cell) in skill.expectations() {
                let id = u32::try_from((s * roles + r) * levels + l).unwrap();
                for text in cell_texts(cell) {
                    for (w, _) in crate::search::words(text) {
                        want.entry(w).or_default().insert(id);
                    }
                }
            }
        }
        want
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// The vocabulary, built in one part or several, holds exactly the
        /// words a char-by-char split finds, in byte order, each with
        /// exactly the cells whose texts have it: the byte scan, the
        /// 16-byte keys, their order and the merge of parts change nothing.
        #[test]
        fn the_vocabulary_holds_what_a_char_split_finds(
            texts in proptest::collection::vec(
                proptest::collection::vec((0..PIECES.len(), 0..5usize), 0..10),
                1..12,
            ),
        ) {
            let mut c = load_embedded().unwrap().catalog;
            let seps = [" ", "\t", "\n", "", "\u{3000}"];
            for (i, pieces) in texts.iter().enumerate() {
                let text: String = pieces
                    .iter()
                    .map(|&(p, s)| format!("{}{}", PIECES[p], seps[s]))
                    .collect();
                // Spread over the skills, so that parts share words.
                let s = i * c.skills.len() / texts.len();
                let skill = &mut c.skills[s];
                let slot = skill.cells.iter().position(Option::is_some).unwrap();
                skill.cells[slot] = Some(crate::catalog::Cell::plain(
                    crate::catalog::Necessity::Optional,
                    text,
                ));
            }
            let want = reference_vocabulary(&c);
            for parts in [1, 2, 5] {
                let v = Vocabulary::build_in(&c, parts, &AtomicUsize::new(0));
                let got: Vec<(&str, std::collections::BTreeSet<u32>)> =
                    (0..v.len()).map(|i| (v.word(i), v.cells(i).collect())).collect();
                let want: Vec<(&str, std::collections::BTreeSet<u32>)> =
                    want.iter().map(|(w, c)| (w.as_str(), c.clone())).collect();
                proptest::prop_assert_eq!(got, want, "{} parts", parts);
            }
        }
    }

    #[test]
    fn short_keys_order_as_words_and_give_them_back() {
        let words = [
            "a",
            "a\0b",
            "ab",
            "abcdefghijklmnop",
            "b",
            "é",
            "初级",
            "🦀",
        ];
        for a in words {
            let key = short_key_of(a).unwrap();
            let mut back = String::new();
            short_word(key, &mut back);
            assert_eq!(back, a);
            for b in words {
                assert_eq!(
                    head_key(a.as_bytes()).cmp(&head_key(b.as_bytes())),
                    a.cmp(b),
                    "{a:?} {b:?}"
                );
            }
        }
        assert_eq!(short_key_of("abcdefghijklmnopq"), None);
    }

    #[test]
    fn the_vocabulary_lists_each_cell_whose_text_has_the_word() {
        let c = load_embedded().unwrap().catalog;
        let v = Vocabulary::build(&c, &AtomicUsize::new(0));
        let (roles, levels) = (c.roles.len(), c.levels.len());
        let mut buf = String::new();
        let mut checked = 0;
        for i in (0..v.len()).step_by(7) {
            let word = v.word(i);
            let got: Vec<u32> = v.cells(i).collect();
            let mut want = Vec::new();
            for (s, skill) in c.skills.iter().enumerate() {
                for (r, l, cell) in skill.expectations() {
                    if cell_texts(cell).any(|t| any_word(t, &mut buf, |w| w == word)) {
                        want.push(u32::try_from((s * roles + r) * levels + l).unwrap());
                    }
                }
            }
            assert_eq!(got, want, "{word}");
            checked += 1;
        }
        assert!(checked > 100);
    }

    #[test]
    fn narrowing_is_refused_when_a_stem_reaches_further() {
        assert!(narrows("pip", "pipeline"));
        assert!(narrows("dat", "data q"));
        assert!(!narrows("mentori", "mentoring"));
        assert!(!narrows("da", "dat"));
        assert!(
            !narrows("a b", "a bc"),
            "one letter matches whole words only"
        );
        assert!(!narrows("pipe", "pip"));
    }
}
