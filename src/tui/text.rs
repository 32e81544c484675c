//! Measuring, wrapping and truncating text by display width, for every
//! pane: the one place the TUI touches `textwrap` and `unicode-truncate`.
//!
//! Terminal cells are counted with unicode-width over grapheme clusters, so
//! CJK (two cells), emoji and combining marks line up. Wrapping breaks at
//! spaces, and between wide characters, since CJK text has no spaces.

use std::borrow::Cow;

use textwrap::core::Word;
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};
use unicode_segmentation::UnicodeSegmentation;
use unicode_truncate::{Alignment, UnicodeTruncateStr};
use unicode_width::UnicodeWidthStr;

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Cuts `s` to at most `max` cells, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    truncate_with(s, max, "…")
}

/// Cuts `s` to at most `max` cells, ending with `ellipsis` (`…`, or `...`
/// in ASCII) when something was cut; with less room than the ellipsis,
/// as much of it as fits.
pub fn truncate_with(s: &str, max: usize, ellipsis: &str) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mark = width(ellipsis);
    if max <= mark {
        let (cut, _) = ellipsis.unicode_truncate(max);
        return cut.to_string();
    }
    let (kept, _) = s.unicode_truncate(max - mark);
    format!("{kept}{ellipsis}")
}

/// The end of `s` that fits in `max` cells (where typing happens).
///
/// Walks back from the end and stops once `max` cells are full, so drawing
/// a long query costs what is shown, not the whole query: measuring all of
/// it on every key made pasting into the search box quadratic.
pub fn tail(s: &str, max: usize) -> &str {
    let mut used = 0;
    let mut start = s.len();
    for (i, g) in s.grapheme_indices(true).rev() {
        let w = UnicodeWidthStr::width(g);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    &s[start..]
}

/// Pads `s` with spaces to exactly `w` cells (truncating when longer).
pub fn pad(s: &str, w: usize) -> String {
    pad_with(s, w, "…")
}

/// [`pad`], cutting with `ellipsis`.
pub fn pad_with(s: &str, w: usize, ellipsis: &str) -> String {
    let cut = truncate_with(s, w, ellipsis);
    let padded: Cow<'_, str> = cut.unicode_pad(w, Alignment::Left, true);
    padded.into_owned()
}

/// Splits a line into words for textwrap: a word ends at a space (which it
/// keeps) and around every wide character, since CJK text breaks between
/// characters.
fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    let mut prev_wide = false;
    for (i, g) in line.grapheme_indices(true) {
        let space = g.chars().all(char::is_whitespace);
        let wide = g.width() >= 2;
        // A new word starts after spaces, and before and after a wide
        // character.
        let breaks = i > start && !space && (in_space || wide || prev_wide);
        if breaks {
            out.push(Word::from(&line[start..i]));
            start = i;
        }
        in_space = space;
        prev_wide = wide && !space;
    }
    if start < line.len() {
        out.push(Word::from(&line[start..]));
    }
    Box::new(out.into_iter())
}

/// Wraps `text` to lines of at most `max` cells. Explicit newlines are kept;
/// spaces at a break are dropped; a word longer than a line is split.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let options = Options::new(max.max(1))
        .word_separator(WordSeparator::Custom(words))
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(true)
        // Fill each line before the next, as readers of a pane expect.
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    text.split('\n')
        .flat_map(|para| {
            // Spaces at the start of a paragraph are dropped like those at
            // a break.
            let lines = textwrap::wrap(para.trim_start(), &options);
            if lines.is_empty() {
                vec![String::new()]
            } else {
                lines
                    .into_iter()
                    .map(|l| l.trim_end().to_string())
                    .collect()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_end_that_fits_as_before() {
        for s in [
            "",
            "abc",
            "hello world",
            "初级工程师 senior",
            "e\u{301}te\u{301} 🚀🚀 x",
            "a\u{200B}b",
        ] {
            for max in 0..12 {
                assert_eq!(tail(s, max), s.unicode_truncate_start(max).0, "{s:?} {max}");
            }
        }
    }

    #[test]
    fn widths_count_cells() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("初级"), 4);
        assert_eq!(width("e\u{301}"), 1, "combining accent");
        assert_eq!(width("🚀"), 2);
    }

    #[test]
    fn truncates_by_width_with_ellipsis() {
        assert_eq!(truncate("hello world", 5), "hell…");
        assert_eq!(truncate("初级工程师", 5), "初级…");
        assert_eq!(truncate_with("hello world", 5, "..."), "he...");
        assert_eq!(truncate_with("hello world", 2, "..."), "..");
        assert_eq!(truncate_with("初级工程师", 6, "..."), "初...");
        assert_eq!(width(&pad_with("hello world", 4, "...")), 4);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(width(&pad("初级工程师", 5)), 5);
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let lines = wrap("the quick brown fox jumps", 10);
        assert_eq!(lines, ["the quick", "brown fox", "jumps"]);
        assert!(lines.iter().all(|l| width(l) <= 10));
    }

    #[test]
    fn wraps_cjk_between_characters() {
        let lines = wrap("选择当前级别并对比期望", 6);
        assert_eq!(lines, ["选择当", "前级别", "并对比", "期望"]);
        let mixed = wrap("use 初级 level", 7);
        assert!(mixed.iter().all(|l| width(l) <= 7), "{mixed:?}");
        assert_eq!(mixed.concat().replace(' ', ""), "use初级level");
    }

    #[test]
    fn keeps_the_end_in_view() {
        assert_eq!(tail("hello world", 5), "world");
        assert_eq!(tail("初级工程师", 5), "程师");
        assert_eq!(pad("初级", 5), "初级 ");
    }

    #[test]
    fn splits_overlong_words_and_keeps_newlines() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(wrap("", 5), [""]);
    }
}
