//! What a hit shows: the matched name, tag or domain, or a one-line window
//! of the matched text with the matched words' characters to highlight.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::words::{fold, query, word_match, words};
use super::{Field, Hit};
use crate::catalog::Catalog;

/// Results whose display text is made during the search.
pub const SHOWN_UP_FRONT: usize = 200;

/// Characters of context kept on each side of a text match.
const SNIPPET_CONTEXT: usize = 40;

/// Sets what a hit shows: the matched string, or a snippet of the text
/// around the matched words with their characters to highlight.
pub fn fill_shown(catalog: &Catalog, hit: &mut Hit, qwords: &[String]) {
    if !hit.shown.is_empty() {
        return;
    }
    let Some(skill) = catalog.skills.get(hit.skill) else {
        return;
    };
    let short = match hit.field {
        Field::Name => skill.name.clone(),
        Field::Tag(t) => skill.tags.get(t).cloned().unwrap_or_default(),
        Field::Domain => catalog.domain_of(skill).name.clone(),
        Field::Text { role, level } => {
            let Some(cell) = skill.cell(role, level) else {
                return;
            };
            let (shown, indices) = snippet(&cell.text, qwords);
            hit.shown = shown;
            hit.indices = indices;
            return;
        }
    };
    hit.indices = short_indices(&short, qwords);
    hit.shown = short;
}

/// What to highlight in a matched name, tag or domain: the letters the
/// skim matcher found (case ignored), or, for a match by stems only, the
/// words that matched.
fn short_indices(shown: &str, qwords: &[String]) -> Vec<usize> {
    let matcher = SkimMatcherV2::default();
    if let Some((_, idx)) = matcher.fuzzy_indices(&fold(shown), &qwords.join(" ")) {
        return idx;
    }
    let qwords = query(qwords);
    words(shown)
        .into_iter()
        .filter(|(w, _)| {
            qwords
                .iter()
                .any(|q| w.starts_with(q.text.as_str()) || q.stem_matches(w))
        })
        .flat_map(|(_, range)| range)
        .collect::<std::collections::BTreeSet<usize>>()
        .into_iter()
        .collect()
}

/// True when every query word matches a word of `text`.
pub fn matches_all(text: &str, qwords: &[String]) -> bool {
    let matcher = SkimMatcherV2::default();
    let qwords = query(qwords);
    let found: Vec<String> = words(text).into_iter().map(|(w, _)| w).collect();
    !qwords.is_empty()
        && qwords
            .iter()
            .all(|q| found.iter().any(|w| word_match(&matcher, w, q).is_some()))
}

/// A window of `text` around its first matched word, on one line, with the
/// character indices of every matched word inside the window.
pub fn snippet(text: &str, qwords: &[String]) -> (String, Vec<usize>) {
    let matcher = SkimMatcherV2::default();
    let qwords = query(qwords);
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let mut marked: Vec<std::ops::Range<usize>> = Vec::new();
    for (w, range) in words(text) {
        let hit = qwords.iter().any(|q| word_match(&matcher, &w, q).is_some());
        if hit
            && !marked
                .iter()
                .any(|m| m.start <= range.start && range.end <= m.end)
        {
            marked.retain(|m| !(range.start <= m.start && m.end <= range.end));
            marked.push(range);
        }
    }
    marked.sort_by_key(|r| r.start);
    let first = marked.first().map_or(0, |r| r.start);
    let mut start = first.saturating_sub(SNIPPET_CONTEXT);
    // Start at a word boundary.
    while start > 0 && start < first && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    let mut end = (first + SNIPPET_CONTEXT * 2).min(chars.len());
    while end < chars.len() && end > first && !chars[end].is_whitespace() {
        end -= 1;
    }
    if end <= first {
        end = (first + SNIPPET_CONTEXT * 2).min(chars.len());
    }
    let mut shown = String::new();
    let mut offset = 0;
    if start > 0 {
        shown.push('…');
        offset = 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let indices = marked
        .iter()
        .flat_map(|r| r.clone())
        .filter(|&i| i >= start && i < end)
        .map(|i| i - start + offset)
        .collect();
    (shown, indices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_matched_words() {
        let (s, idx) = snippet("Builds models. Estimates effort well.", &["estimat".into()]);
        let hl: String = idx.iter().map(|&i| s.chars().nth(i).unwrap()).collect();
        assert_eq!(hl, "Estimates");
    }
}
