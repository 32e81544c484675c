//! Words: how texts and queries break into lowercase words, and whether one
//! text word matches one query word (by prefix, or fuzzily within the word).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Lowercase words of a text, with their character ranges. A token such as
/// `torch.compile` or `DDP/FSDP` yields itself and its alphanumeric parts,
/// so both `torch.comp` and `fsdp` find it.
pub fn words(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        // Trim punctuation around the token: "(DDP/FSDP)," -> "DDP/FSDP".
        let (mut s, mut e) = (start, i);
        while s < e && !chars[s].is_alphanumeric() {
            s += 1;
        }
        while e > s && !chars[e - 1].is_alphanumeric() {
            e -= 1;
        }
        if s == e {
            continue;
        }
        let token: String = chars[s..e].iter().collect::<String>().to_lowercase();
        let mut parts = 0;
        let mut p = s;
        while p < e {
            if !chars[p].is_alphanumeric() {
                p += 1;
                continue;
            }
            let ps = p;
            while p < e && chars[p].is_alphanumeric() {
                p += 1;
            }
            parts += 1;
            if ps != s || p != e {
                out.push((
                    chars[ps..p].iter().collect::<String>().to_lowercase(),
                    ps..p,
                ));
            }
        }
        if parts > 0 {
            out.push((token, s..e));
        }
    }
    out
}

/// Calls `f` with each lowercase word of `text` — the same words, without
/// their places, as [`words`] — until `f` returns true; says whether it
/// did. Reuses `buf`, so known words cost no allocation.
pub(super) fn any_word(text: &str, buf: &mut String, mut f: impl FnMut(&str) -> bool) -> bool {
    if text.is_ascii() {
        // Lowercase the whole text once and hand out slices of it: no
        // copy per word.
        buf.clear();
        buf.push_str(text);
        buf.make_ascii_lowercase();
        return ascii_words(buf, f);
    }
    let mut emit = |piece: &str, buf: &mut String| -> bool {
        buf.clear();
        if piece.is_ascii() {
            buf.push_str(piece);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(piece.chars().flat_map(char::to_lowercase));
        }
        f(buf)
    };
    for token in text.split(char::is_whitespace) {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        let mut parts = token
            .split(|c: char| !c.is_alphanumeric())
            .filter(|p| !p.is_empty());
        let first = parts.next();
        if let Some(second) = parts.next() {
            // A compound such as `torch.compile`: its parts, then itself.
            for part in [first.unwrap_or(""), second].into_iter().chain(parts) {
                if emit(part, buf) {
                    return true;
                }
            }
        }
        if emit(token, buf) {
            return true;
        }
    }
    false
}

/// [`CLASS`] of ASCII whitespace (as `char::is_whitespace` has it).
pub(super) const SPACE: u8 = 1;
/// [`CLASS`] of ASCII letters and digits.
pub(super) const ALNUM: u8 = 2;
/// [`CLASS`] of any other byte: punctuation, or part of a non-ASCII char.
pub(super) const OTHER: u8 = 0;
/// Each byte's class for the byte scans: [`SPACE`], [`ALNUM`] or [`OTHER`].
pub(super) static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// [`any_word`] for a string already [`fold`]ed: an ASCII one is already
/// lowercase, so its words are found in place, with no copy.
pub(super) fn folded_words(folded: &str, buf: &mut String, f: impl FnMut(&str) -> bool) -> bool {
    if folded.is_ascii() {
        ascii_words(folded, f)
    } else {
        any_word(folded, buf, f)
    }
}

/// [`any_word`] for an ASCII text already lowercased: the same words in
/// the same order, as slices of `lower`, found byte by byte.
pub(super) fn ascii_words(lower: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    ascii_word_ranges(lower.as_bytes(), |s, e| {
        f(lower.get(s..e).unwrap_or_default())
    })
}

/// The words of an ASCII text, as [`ascii_words`] finds them, given as
/// byte ranges `s..e` of `b` (case does not matter here), until `f`
/// returns true; says whether it did.
pub(super) fn ascii_word_ranges(b: &[u8], mut f: impl FnMut(usize, usize) -> bool) -> bool {
    // One pass, a table look-up a byte: a token (between spaces) is its
    // runs of letters and digits with punctuation around and between them.
    // One run is the token's only word; with several, each run is a word,
    // then the token from the first run's start to the last one's end.
    let class = |i: usize| b.get(i).map_or(SPACE, |&c| CLASS[usize::from(c)]);
    let n = b.len();
    let mut i = 0;
    while i < n {
        // Punctuation and spaces before the token's first run.
        while i < n && class(i) != ALNUM {
            i += 1;
        }
        if i >= n {
            break;
        }
        let first = i;
        while class(i) == ALNUM {
            i += 1;
        }
        let first_end = i;
        let mut end = i;
        let mut runs = 1;
        loop {
            // Punctuation after a run; a space (or the end) ends the token.
            while class(i) == OTHER {
                i += 1;
            }
            if class(i) != ALNUM {
                break;
            }
            let s = i;
            while class(i) == ALNUM {
                i += 1;
            }
            if runs == 1 && f(first, first_end) {
                return true;
            }
            runs += 1;
            if f(s, i) {
                return true;
            }
            end = i;
        }
        if f(first, end) {
            return true;
        }
    }
    false
}

/// Bonus for a query word that is a whole word of the matched string, the
/// same bonus a whole word of a text gets, so exactness weighs alike in
/// names, tags, domains and texts.
pub(super) const EXACT_WORD: i64 = 8;

pub(super) fn exact_bonus(folded: &str, qwords: &[QueryWord], buf: &mut String) -> i64 {
    let hit = folded_words(folded, buf, |w| qwords.iter().any(|q| q.text == w));
    if hit { EXACT_WORD } else { 0 }
}

/// Whether the skim matcher can match `pattern` in `choice` at all: the
/// pattern's chars in order, ASCII case ignored unless the pattern has an
/// ASCII capital (the matcher's smart case). The matcher makes the same
/// check first, but only after copying both strings' chars and allocating;
/// this allocates nothing, and most strings fail it.
pub(super) fn may_match(choice: &str, pattern: &str) -> bool {
    let case_sensitive = pattern.bytes().any(|b| b.is_ascii_uppercase());
    if pattern.is_ascii() {
        // The same, a byte for a char: a byte of a non-ASCII char equals
        // no ASCII byte, as the char equals no ASCII char.
        let p = pattern.as_bytes();
        let mut k = 0;
        for &c in choice.as_bytes() {
            let Some(&want) = p.get(k) else {
                return true;
            };
            if c == want || (!case_sensitive && c.eq_ignore_ascii_case(&want)) {
                k += 1;
            }
        }
        return k == p.len();
    }
    let mut want = pattern.chars().peekable();
    for c in choice.chars() {
        let Some(&p) = want.peek() else {
            return true;
        };
        if char_equal(c, p, case_sensitive) {
            want.next();
        }
    }
    want.peek().is_none()
}

/// The matcher's comparison of two chars.
fn char_equal(a: char, b: char, case_sensitive: bool) -> bool {
    if case_sensitive {
        a == b
    } else {
        a.eq_ignore_ascii_case(&b)
    }
}

/// Whether `pattern`'s chars lie in order within `span` consecutive chars
/// of `choice` (compared as [`may_match`] does): a match whose first and
/// last matched chars are further apart is never kept, so the matcher need
/// not be asked. For each place the first char matches, the earliest end
/// is found greedily.
fn may_match_within(choice: &str, pattern: &str, span: usize) -> bool {
    if !(choice.is_ascii() && pattern.is_ascii()) {
        return may_match(choice, pattern);
    }
    ascii_within(choice.as_bytes(), pattern.as_bytes(), span)
}

/// [`may_match_within`] for an ASCII `c`hoice and `p`attern.
fn ascii_within(c: &[u8], p: &[u8], span: usize) -> bool {
    if p.iter().any(u8::is_ascii_uppercase) {
        within(c, p, span, |a, b| a == b)
    } else {
        within(c, p, span, eq_lower)
    }
}

/// Whether the byte `a` is `b` (a lowercase ASCII letter or any other
/// byte) or its capital: `a.eq_ignore_ascii_case(&b)` for a `b` with no
/// ASCII capital, without a branch.
#[inline]
fn eq_lower(a: u8, b: u8) -> bool {
    // `a | 0x20` is `b` for `b` and its capital only, when `b` is a letter.
    (a | (u8::from(b.is_ascii_lowercase()) << 5)) == b
}

/// [`ascii_within`] with its comparison: for each place the pattern's
/// first byte matches, whether the rest follows greedily within `span`
/// bytes of it.
#[inline]
fn within(c: &[u8], p: &[u8], span: usize, eq: impl Fn(u8, u8) -> bool) -> bool {
    let Some((&first, rest)) = p.split_first() else {
        return true;
    };
    if rest.is_empty() {
        return span > 0 && c.iter().any(|&b| eq(b, first));
    }
    for start in 0..c.len() {
        if !eq(c[start], first) {
            continue;
        }
        // The greedy match ends as early as any match from `start` can.
        let end = (start + span).clamp(start + 1, c.len());
        let mut k = 0;
        for &b in &c[start + 1..end] {
            if eq(b, rest[k]) {
                k += 1;
                if k == rest.len() {
                    return true;
                }
            }
        }
        if end == c.len() {
            // Not even the whole rest of `c` holds the pattern's rest: no
            // later start does.
            return false;
        }
    }
    false
}

/// The ASCII letters (either case) and digits of `s`, one bit each: a
/// string can hold another's chars in order only if it holds all its bits.
pub(super) fn letters(s: &str) -> u64 {
    s.bytes().fold(0, |m, b| m | LETTER_BITS[usize::from(b)])
}

/// Each byte's bit in [`letters`]: one of 36 for an ASCII letter (either
/// case) or digit, 0 for any other byte. Non-zero exactly where [`CLASS`]
/// is [`ALNUM`], so a scan can find a word's end and gather its letters in
/// one look-up a byte.
pub(super) static LETTER_BITS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let c = (b as u8).to_ascii_lowercase();
        t[b] = if c.is_ascii_lowercase() {
            1 << (c - b'a')
        } else if c.is_ascii_digit() {
            1 << (26 + c - b'0')
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Lowercases character by character, keeping one char for one char.
pub(super) fn fold(s: &str) -> String {
    if s.is_ascii() {
        // The same, a byte for a char, in one copy.
        return s.to_ascii_lowercase();
    }
    s.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// The words of a query as text matching uses them.
pub fn query_words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// How a word matched a query word. The order is the ranking order: a
/// word that starts with the query word (or is it) beats one that only
/// shares its stem, which beats letters found close together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// The query word's letters, in order, close together in the word.
    Fuzzy,
    /// The same English stem (`mentoring`, `mentors`, `mentored`).
    Stem,
    /// The word starts with the query word, or is it.
    Prefix,
}

/// English stems, as `rust-stemmers` (Snowball's English, "Porter2")
/// computes them. Only words of ASCII letters are stemmed: other scripts
/// (Chinese is matched by characters) and identifiers with digits are left
/// as they are.
pub(super) fn stem(word: &str) -> Option<String> {
    use std::sync::OnceLock;
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let stemmer =
        STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    Some(stemmer.stem(word).into_owned())
}

/// A query word, with what matching it needs.
#[derive(Debug, Clone)]
pub(super) struct QueryWord {
    /// Lowercase.
    pub text: String,
    chars: usize,
    /// The English stem, and the part of it every word with that stem
    /// starts with (a final `i`, as in `happi` for `happy`, dropped), when
    /// that part has three letters or more.
    stem: Option<(String, String)>,
}

impl QueryWord {
    pub fn new(text: &str) -> Self {
        let stem = stem(text).and_then(|s| {
            let base = s.strip_suffix('i').unwrap_or(&s).to_string();
            (base.len() >= 3).then_some((s, base))
        });
        QueryWord {
            chars: text.chars().count(),
            text: text.to_string(),
            stem,
        }
    }

    /// Every word this query word can match starts with this: the whole
    /// query word when it is shorter than three letters (only whole words
    /// match then), else its first letter.
    pub fn range_prefix(&self) -> &str {
        if self.chars < 3 {
            &self.text
        } else {
            let first = self.text.chars().next().map_or(0, char::len_utf8);
            &self.text[..first]
        }
    }

    /// The ASCII letters and digits a word must hold to match this one
    /// by prefix ([`letters`] of the word), and by stem (of the stem's
    /// base), if it has one.
    pub fn letters(&self) -> (u64, Option<u64>) {
        (
            letters(&self.text),
            self.stem.as_ref().map(|(_, base)| letters(base)),
        )
    }

    /// The [`letters`] every word that [`word_match`] matches to this one
    /// holds: a prefix match holds the query word's letters, a stem match
    /// its stem base's, a fuzzy match every letter of the query word in
    /// order. A scan turns away, from these bits alone, most words that
    /// start with the right letter.
    pub fn needs(&self) -> u64 {
        let (text, base) = self.letters();
        base.map_or(text, |b| text & b)
    }

    /// Whether the word has an English stem to match by.
    pub fn has_stem(&self) -> bool {
        self.stem.is_some()
    }

    /// Whether `w` (lowercase) has this word's stem.
    pub fn stem_matches(&self, w: &str) -> bool {
        self.stem.as_ref().is_some_and(|(s, base)| {
            w.starts_with(base.as_str()) && stem(w).as_deref() == Some(s.as_str())
        })
    }

    /// Whether [`word_match`] may match the ASCII word `w` (any case) to
    /// this word: false only when it cannot, so that a scan need not
    /// lowercase `w`, look it up or ask the matcher. Checks, ignoring ASCII
    /// case, what every kind of match needs: the query word as a prefix
    /// (whole, for one or two letters), the stem's base as a prefix, or the
    /// query's letters in order within the span a fuzzy match allows.
    pub fn may_match_ascii(&self, w: &[u8]) -> bool {
        // The query word is lowercase: no ASCII capital in it.
        let q = self.text.as_bytes();
        let starts = |p: &[u8]| {
            w.get(..p.len())
                .is_some_and(|head| head.iter().zip(p).all(|(&a, &b)| eq_lower(a, b)))
        };
        if self.chars < 3 {
            return w.len() == q.len() && starts(q);
        }
        if starts(q)
            || self
                .stem
                .as_ref()
                .is_some_and(|(_, base)| starts(base.as_bytes()))
        {
            return true;
        }
        // A fuzzy match: an ASCII word holds no other letters. It starts
        // with the query word's first letter and holds its second after
        // that: most words are turned away by these before the search for
        // every letter within the span.
        q.is_ascii()
            && w.first()
                .zip(q.first())
                .is_some_and(|(&a, &b)| eq_lower(a, b))
            && q.get(1).is_none_or(|&second| {
                w.get(1..)
                    .is_some_and(|rest| rest.iter().any(|&a| eq_lower(a, second)))
            })
            && within(w, q, self.chars + 2, eq_lower)
    }

    /// Whether matching a word costs enough to be worth remembering: one
    /// or two letters only compare whole words.
    pub fn is_costly(&self) -> bool {
        self.chars >= 3
    }

    /// Whether every word that matches `longer` (this word with letters
    /// added) also matches this one, so that results can be narrowed.
    pub fn covers(&self, longer: &QueryWord) -> bool {
        self.chars >= 3
            && longer.text.starts_with(&self.text)
            && longer
                .stem
                .as_ref()
                .is_none_or(|(_, base)| base.starts_with(&self.text))
    }
}

/// The words of a query, ready for matching.
pub(super) fn query(qwords: &[String]) -> Vec<QueryWord> {
    qwords.iter().map(|q| QueryWord::new(q)).collect()
}

/// Whether the text word `w` (lowercase) matches the query word `q`, with
/// a score and how. One or two letters match only a whole word (a prefix
/// that short would match nearly every text); longer ones match a prefix,
/// a word of the same English stem, or fuzzily within the word when it
/// starts with the same letter and the letters lie close together
/// ("estmates" finds "estimates"), so a few letters cannot match
/// everything. Every word that matches starts with [`QueryWord::range_prefix`].
/// Used to find matching texts, to scan texts without an index and to mark
/// the words in a snippet, so what is highlighted is what matched.
pub(super) fn word_match(
    matcher: &SkimMatcherV2,
    w: &str,
    q: &QueryWord,
) -> Option<(i64, Strength)> {
    let qt = q.text.as_str();
    if w.starts_with(qt) && (q.chars >= 3 || w == qt) {
        let score = matcher.fuzzy_match(w, qt).unwrap_or(1);
        return Some((
            score + if w == qt { EXACT_WORD } else { 0 },
            Strength::Prefix,
        ));
    }
    if q.chars < 3 || !qt.chars().next().is_some_and(|c| w.starts_with(c)) {
        return None;
    }
    if let Some((_, base)) = &q.stem
        && q.stem_matches(w)
    {
        let score = matcher.fuzzy_match(w, base).unwrap_or(1);
        return Some((score, Strength::Stem));
    }
    if !may_match_within(w, qt, q.chars + 2) {
        return None;
    }
    let (score, idx) = matcher.fuzzy_indices(w, qt)?;
    let span = idx.last().map_or(0, |l| l + 1) - idx.first().copied().unwrap_or(0);
    (span <= q.chars + 2).then_some((score / 2, Strength::Fuzzy))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(w: &str, q: &str) -> Option<Strength> {
        word_match(&SkimMatcherV2::default(), w, &QueryWord::new(q)).map(|(_, s)| s)
    }

    #[test]
    fn word_forms_find_each_other_through_their_stem() {
        for q in ["mentoring", "mentors", "mentored", "mentor"] {
            for w in ["mentoring", "mentors", "mentored", "mentor"] {
                assert!(matches(w, q).is_some(), "{q} finds {w}");
            }
        }
        assert_eq!(matches("mentors", "mentoring"), Some(Strength::Stem));
        assert_eq!(matches("mentoring", "mentor"), Some(Strength::Prefix));
        assert_eq!(matches("studies", "study"), Some(Strength::Stem));
        // Stemming is English only: other scripts match by characters.
        assert_eq!(
            matches("工程师", "工程"),
            None,
            "two characters: whole words only"
        );
        assert_eq!(matches("初级工程师", "初级工"), Some(Strength::Prefix));
        assert_eq!(matches("mentorship", "mentoring"), None);
    }

    #[test]
    fn a_longer_query_word_is_covered_only_when_its_matches_are_a_subset() {
        let q = |s: &str| QueryWord::new(s);
        assert!(q("ment").covers(&q("mentor")));
        // `mentoring` matches `mentors` by stem, which `mentori` does not.
        assert!(!q("mentori").covers(&q("mentoring")));
        assert!(q("mentor").covers(&q("mentoring")));
        // Two letters match whole words only.
        assert!(!q("me").covers(&q("men")));
    }

    #[test]
    fn the_prefilters_never_turn_away_what_the_matcher_keeps() {
        let m = SkimMatcherV2::default();
        let c = crate::catalog::load_embedded().unwrap().catalog;
        let mut all = std::collections::BTreeSet::new();
        for skill in &c.skills {
            all.insert(skill.name.clone());
            for (_, _, cell) in skill.expectations() {
                all.extend(words(&cell.text).into_iter().map(|(w, _)| w));
            }
        }
        let mut kept = 0;
        for q in [
            "d", "da", "dat", "Data", "estmates", "pplne", "mntr", "工程", "x y",
        ] {
            for w in &all {
                let skim = m.fuzzy_indices(w, q);
                assert_eq!(may_match(w, q), skim.is_some(), "{w} {q}");
                let span = q.chars().count() + 2;
                if let Some((_, idx)) = skim {
                    let within = idx.last().map_or(0, |l| l + 1) - idx[0] <= span;
                    assert!(!within || may_match_within(w, q, span), "{w} {q}");
                    kept += usize::from(within);
                }
            }
        }
        assert!(kept > 50, "{kept}");
    }

    #[test]
    fn the_ascii_prefilter_never_turns_away_a_match() {
        let m = SkimMatcherV2::default();
        let c = crate::catalog::load_embedded().unwrap().catalog;
        let mut all = std::collections::BTreeSet::new();
        for skill in &c.skills {
            for (_, _, cell) in skill.expectations() {
                for token in cell.text.split_whitespace() {
                    for piece in token.split(|c: char| !c.is_alphanumeric()) {
                        all.insert(piece.to_string());
                        all.insert(piece.to_uppercase());
                    }
                    all.insert(
                        token
                            .trim_matches(|c: char| !c.is_alphanumeric())
                            .to_string(),
                    );
                }
            }
        }
        all.retain(|w| w.is_ascii() && !w.is_empty());
        let mut kept = 0;
        for q in [
            "d",
            "da",
            "dat",
            "data",
            "estmates",
            "pplne",
            "mntr",
            "mentoring",
            "studies",
            "torch.comp",
            "x",
        ] {
            let qw = QueryWord::new(q);
            for w in &all {
                let lower = w.to_ascii_lowercase();
                if word_match(&m, &lower, &qw).is_some() {
                    assert!(qw.may_match_ascii(w.as_bytes()), "{w} {q}");
                    assert_eq!(letters(w) & qw.needs(), qw.needs(), "{w} {q}");
                    kept += 1;
                }
            }
        }
        assert!(kept > 40, "{kept}");
    }

    #[test]
    fn a_bytes_letter_bit_is_its_letter_or_digit_and_marks_the_alnum_class() {
        for b in 0..=255u8 {
            let want = match b.to_ascii_lowercase() {
                c @ b'a'..=b'z' => 1u64 << (c - b'a'),
                c @ b'0'..=b'9' => 1u64 << (26 + c - b'0'),
                _ => 0,
            };
            assert_eq!(LETTER_BITS[usize::from(b)], want, "{b}");
            assert_eq!(want != 0, CLASS[usize::from(b)] == ALNUM, "{b}");
        }
        assert_eq!(letters("Dat 9"), letters("dta9"));
        // A stem match needs only its base's letters: `studies` has no `y`.
        let qw = QueryWord::new("study");
        assert_eq!(qw.needs(), letters("stud"));
    }

    proptest::proptest! {
        /// The byte scan of an ASCII text gives the words a char-by-char
        /// split gives, in the same order.
        #[test]
        fn the_byte_scan_gives_the_char_split_words_in_order(
            text in "[abAB09 .,/()\t\n\x0b-]{0,40}",
        ) {
            let slow: Vec<String> = words(&text).into_iter().map(|(w, _)| w).collect();
            let mut fast = Vec::new();
            any_word(&text, &mut String::new(), |w| {
                fast.push(w.to_string());
                false
            });
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    /// [`ascii_within`] as it was before it stopped at the span: each
    /// start's greedy match to the end of the choice.
    fn within_to_the_end(c: &[u8], p: &[u8], span: usize) -> bool {
        let case_sensitive = p.iter().any(u8::is_ascii_uppercase);
        let eq = |a: u8, b: u8| {
            if case_sensitive {
                a == b
            } else {
                a.eq_ignore_ascii_case(&b)
            }
        };
        let Some((&first, rest)) = p.split_first() else {
            return true;
        };
        for start in 0..c.len() {
            if !eq(c[start], first) {
                continue;
            }
            let (mut k, mut end) = (0, start);
            for (j, &b) in c.iter().enumerate().skip(start + 1) {
                if k == rest.len() {
                    break;
                }
                if eq(b, rest[k]) {
                    k += 1;
                    end = j;
                }
            }
            if k < rest.len() {
                return false;
            }
            if end + 1 - start <= span {
                return true;
            }
        }
        false
    }

    proptest::proptest! {
        /// Folding an ASCII string in one copy gives what folding char by
        /// char gives, and any string keeps its char count.
        #[test]
        fn folding_is_char_by_char(s in "[a-zA-Z0-9 .İßK\u{301}数🙂]{0,20}") {
            let by_char: String = s
                .chars()
                .map(|c| c.to_lowercase().next().unwrap_or(c))
                .collect();
            proptest::prop_assert_eq!(fold(&s), by_char);
            proptest::prop_assert_eq!(fold(&s).chars().count(), s.chars().count());
            let ascii: String = s.chars().filter(char::is_ascii).collect();
            proptest::prop_assert_eq!(fold(&ascii), ascii.to_lowercase());
        }

        /// Stopping each start's match at the span changes no answer, in
        /// either case mode.
        #[test]
        fn the_span_bounded_match_is_the_greedy_one(
            c in "[abcAB1.]{0,24}",
            p in "[abcAB1.]{0,5}",
            span in 0usize..9,
        ) {
            proptest::prop_assert_eq!(
                ascii_within(c.as_bytes(), p.as_bytes(), span),
                within_to_the_end(c.as_bytes(), p.as_bytes(), span)
            );
        }

        /// The ASCII prefilter keeps every word [`word_match`] matches, for
        /// query words with capitals folded, digits, stems and non-ASCII
        /// letters (`İ`, `ß`, CJK, combining marks, emoji), which no ASCII
        /// word matches.
        #[test]
        fn the_ascii_prefilter_keeps_every_match(
            w in "[dDaAtTsSeE1 ]{1,12}",
            q in proptest::sample::select(vec![
                "d", "da", "dat", "data", "dates", "dated", "deta", "1d", "d1", "aaa",
                "ste", "studies", "i\u{307}d", "ßa", "d\u{301}at", "数据", "d🙂t",
            ]),
        ) {
            let w = w.trim();
            proptest::prop_assume!(!w.is_empty() && !w.contains(' '));
            let qw = QueryWord::new(q);
            let lower = w.to_ascii_lowercase();
            if word_match(&SkimMatcherV2::default(), &lower, &qw).is_some() {
                proptest::prop_assert!(qw.may_match_ascii(w.as_bytes()), "{} {}", w, q);
            }
        }
    }

    #[test]
    fn words_split_tokens_and_parts() {
        let w: Vec<String> = words("Uses torch.compile (DDP/FSDP), fast.")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        for want in [
            "uses",
            "torch",
            "compile",
            "torch.compile",
            "ddp",
            "fsdp",
            "ddp/fsdp",
            "fast",
        ] {
            assert!(w.contains(&want.to_string()), "{want} in {w:?}");
        }
    }

    #[test]
    fn the_fast_word_visitor_finds_the_same_words() {
        let texts = [
            "Uses torch.compile (DDP/FSDP), fast.",
            "  ÜBER naïve -- x.y.z 初级工程师 end.",
            "a/b/c, (q), ...,   trailing-",
            "",
        ];
        for t in texts {
            let mut slow: Vec<String> = words(t).into_iter().map(|(w, _)| w).collect();
            let mut fast = Vec::new();
            any_word(t, &mut String::new(), |w| {
                fast.push(w.to_string());
                false
            });
            slow.sort();
            fast.sort();
            assert_eq!(fast, slow, "{t}");
        }
    }
}
