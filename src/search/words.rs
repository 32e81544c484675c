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

/// Bonus for a query word that is a whole word of the matched string, the
/// same bonus a whole word of a text gets, so exactness weighs alike in
/// names, tags, domains and texts.
pub(super) const EXACT_WORD: i64 = 8;

pub(super) fn exact_bonus(folded: &str, qwords: &[String], buf: &mut String) -> i64 {
    let hit = any_word(folded, buf, |w| qwords.iter().any(|q| q == w));
    if hit { EXACT_WORD } else { 0 }
}

/// Lowercases character by character, keeping one char for one char.
pub(super) fn fold(s: &str) -> String {
    s.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// The words of a query as text matching uses them.
pub fn query_words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// Whether the text word `w` matches the query word `q` (both lowercase),
/// with a score and whether the match is strong. One or two letters match
/// only a whole word (a prefix that short would match nearly every text);
/// longer ones match a prefix (strong), or fuzzily within the word when it
/// starts with the same letter and the letters lie close together
/// ("estmates" finds "estimates"), so a few letters cannot match everything.
/// Used both to find matching texts and to mark the words in a snippet, so
/// what is highlighted is what matched.
pub(super) fn word_match(matcher: &SkimMatcherV2, w: &str, q: &str) -> Option<(i64, bool)> {
    let qlen = q.chars().count();
    if w.starts_with(q) && (qlen >= 3 || w == q) {
        let score = matcher.fuzzy_match(w, q).unwrap_or(1);
        return Some((score + if w == q { EXACT_WORD } else { 0 }, true));
    }
    if qlen < 3 || !q.chars().next().is_some_and(|c| w.starts_with(c)) {
        return None;
    }
    let (score, idx) = matcher.fuzzy_indices(w, q)?;
    let span = idx.last().map_or(0, |l| l + 1) - idx.first().copied().unwrap_or(0);
    (span <= qlen + 2).then_some((score / 2, false))
}

#[cfg(test)]
mod tests {
    use super::*;

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
