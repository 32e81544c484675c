//! Measuring, wrapping and truncating text by display width.
//!
//! Terminal cells are counted with unicode-width over grapheme clusters, so
//! CJK (two cells), emoji and combining marks line up. Wrapping breaks at
//! spaces, and between wide characters, since CJK text has no spaces.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Width of one grapheme cluster, measured as ratatui's buffer measures it
/// so that what we lay out is what it draws.
fn grapheme_width(g: &str) -> usize {
    g.width()
}

/// Cuts `s` to at most `max` cells, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Pads `s` with spaces to exactly `w` cells (truncating when longer).
pub fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let used = width(&t);
    format!("{t}{}", " ".repeat(w.saturating_sub(used)))
}

/// A piece of a line: a word (several graphemes), a single wide grapheme, or
/// a run of spaces.
struct Token<'a> {
    text: &'a str,
    width: usize,
    space: bool,
}

fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    let mut start = 0;
    let mut cur_width = 0;
    let mut cur_space: Option<bool> = None;
    for (i, g) in line.grapheme_indices(true) {
        let w = grapheme_width(g);
        let space = g.chars().all(char::is_whitespace);
        let wide = w >= 2;
        let joins = cur_space == Some(space) && !wide && !ends_wide(&line[start..i]);
        if !joins && i > start {
            out.push(Token {
                text: &line[start..i],
                width: cur_width,
                space: cur_space.unwrap_or(false),
            });
            start = i;
            cur_width = 0;
        }
        cur_space = Some(space);
        cur_width += w;
    }
    if start < line.len() {
        out.push(Token {
            text: &line[start..],
            width: cur_width,
            space: cur_space.unwrap_or(false),
        });
    }
    out
}

fn ends_wide(s: &str) -> bool {
    s.graphemes(true)
        .next_back()
        .is_some_and(|g| grapheme_width(g) >= 2)
}

/// Wraps `text` to lines of at most `max` cells. Explicit newlines are kept;
/// spaces at a break are dropped; a word longer than a line is split.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for tok in tokens(para) {
            if tok.space {
                if used > 0 && used + tok.width <= max {
                    line.push_str(tok.text);
                    used += tok.width;
                } else if used > 0 {
                    // A break here: the space is dropped.
                    lines.push(std::mem::take(&mut line).trim_end().to_string());
                    used = 0;
                }
                continue;
            }
            if used + tok.width > max && used > 0 {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                used = 0;
            }
            if tok.width > max {
                for g in tok.text.graphemes(true) {
                    let w = grapheme_width(g);
                    if used + w > max && used > 0 {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    line.push_str(g);
                    used += w;
                }
            } else {
                line.push_str(tok.text);
                used += tok.width;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn splits_overlong_words_and_keeps_newlines() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(wrap("", 5), [""]);
    }
}
