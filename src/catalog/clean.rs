//! Text cleaning at load: no byte from a catalog may drive the terminal.
//!
//! Control characters (C0 except newline, DEL, C1), bidirectional
//! formatting characters and characters terminals draw inconsistently
//! (soft hyphen, Hangul filler, noncharacters, interlinear annotation
//! marks) are removed, Unicode line and paragraph separators become line
//! breaks and tabs become spaces, once, when the catalog is read;
//! everything downstream can then print text as it is.

/// True for characters that are never kept in catalog text.
///
/// Besides controls and bidirectional overrides: the soft hyphen U+00AD and
/// the Hangul filler U+3164, which terminals and tmux disagree on the width
/// of (a border then moves into the text), the noncharacters U+FDD0–U+FDEF,
/// U+FFFE and U+FFFF, and the interlinear annotation marks U+FFF9–U+FFFB.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{AD}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{3164}'
        | '\u{FDD0}'..='\u{FDEF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{FFFE}' | '\u{FFFF}')
}

/// True for the Unicode line and paragraph separators (U+2028, U+2029),
/// common in text pasted from word processors: they become line breaks.
pub fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// What cleaning changed in one string, for the warning that names it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub removed: usize,
    pub tabs: usize,
    pub newlines: usize,
    /// Unicode line or paragraph separators turned into line breaks (in a
    /// one-line field they count as `newlines` and become spaces).
    pub separators: usize,
}

impl Cleaned {
    /// True when the text was changed in a way the author should hear about.
    pub fn changed(&self) -> bool {
        self.removed + self.tabs + self.newlines + self.separators > 0
    }

    /// A human description such as "removed 2 control characters".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.removed > 0 {
            parts.push(format!(
                "removed {} control, bidirectional-override or invisible character{}",
                self.removed,
                plural(self.removed)
            ));
        }
        if self.tabs > 0 {
            parts.push(format!(
                "replaced {} tab{} with spaces",
                self.tabs,
                plural(self.tabs)
            ));
        }
        if self.separators > 0 {
            parts.push(format!(
                "replaced {} Unicode line separator{} with line breaks",
                self.separators,
                plural(self.separators)
            ));
        }
        if self.newlines > 0 {
            parts.push(format!(
                "joined {} line break{} (this field is one line)",
                self.newlines,
                plural(self.newlines)
            ));
        }
        parts.join(", ")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Cleans `s`. When `single_line` is set (names, ids, tags), line breaks
/// become spaces too. A `\r` directly before `\n` is a Windows line ending
/// and is dropped silently.
pub fn clean(s: &str, single_line: bool) -> Cleaned {
    // Almost all text needs nothing: find that out with a byte scan and copy
    // it whole, instead of rebuilding it character by character.
    if !needs_cleaning(s.as_bytes(), single_line) {
        return Cleaned {
            text: s.to_string(),
            ..Cleaned::default()
        };
    }
    let mut out = Cleaned {
        text: String::with_capacity(s.len()),
        ..Cleaned::default()
    };
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\t' => {
                out.tabs += 1;
                out.text.push(' ');
            }
            '\n' if single_line => {
                out.newlines += 1;
                out.text.push(' ');
            }
            '\n' => out.text.push('\n'),
            c if is_line_separator(c) && single_line => {
                out.newlines += 1;
                out.text.push(' ');
            }
            c if is_line_separator(c) => {
                out.separators += 1;
                out.text.push('\n');
            }
            c if is_forbidden(c) => out.removed += 1,
            c => out.text.push(c),
        }
    }
    out
}

/// True when `s` may hold something `clean` changes. Looks at bytes:
/// ASCII controls, DEL, tab, and the UTF-8 encodings of C1 controls and the
/// soft hyphen (`C2 80`…`C2 9F`, `C2 AD`), bidirectional formatting
/// characters and line separators (`E2 80 A8`…`AE`, `E2 81 A6`…`A9`), the
/// Hangul filler (`E3 85 A4`), the noncharacters and annotation marks
/// (`EF B7 90`…`AF`, `EF BF B9`…`BB`, `EF BF BE`…`BF`).
fn needs_cleaning(b: &[u8], single_line: bool) -> bool {
    // A quick pass that the compiler vectorises: most text has none of the
    // bytes that could start something to clean.
    if !b
        .iter()
        .any(|&c| c < 0x20 || c == 0x7F || c == 0xC2 || (0xE2..=0xE3).contains(&c) || c == 0xEF)
    {
        return false;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() {
        let hit = match b[i] {
            b'\n' => single_line,
            0x00..=0x1F | 0x7F => true,
            0xC2 => matches!(at(i + 1), 0x80..=0x9F | 0xAD),
            0xE2 => match at(i + 1) {
                0x80 => matches!(at(i + 2), 0xA8..=0xAE),
                0x81 => matches!(at(i + 2), 0xA6..=0xA9),
                _ => false,
            },
            0xE3 => at(i + 1) == 0x85 && at(i + 2) == 0xA4,
            0xEF => match at(i + 1) {
                0xB7 => matches!(at(i + 2), 0x90..=0xAF),
                0xBF => matches!(at(i + 2), 0xB9..=0xBB | 0xBE..=0xBF),
                _ => false,
            },
            _ => false,
        };
        if hit {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escapes_and_bidi_keeps_unicode() {
        let c = clean("a\u{1b}[31mb\u{7f}\u{9b}c\u{202e}d 初级 🚀", false);
        assert_eq!(c.text, "a[31mbcd 初级 🚀");
        assert_eq!(c.removed, 4);
        assert!(c.changed());
        assert!(c.describe().contains("removed 4"));
    }

    #[test]
    fn tabs_and_newlines() {
        let c = clean("a\tb\r\nc", false);
        assert_eq!(c.text, "a b\nc");
        assert_eq!((c.tabs, c.removed), (1, 0));
        let c = clean("a\nb", true);
        assert_eq!(c.text, "a b");
        assert_eq!(c.newlines, 1);
        assert!(!clean("plain", true).changed());
    }

    #[test]
    fn the_fast_path_agrees_with_the_slow_one() {
        // Every forbidden character, tabs and newlines must be noticed.
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            for single in [false, true] {
                let slow_changes =
                    is_forbidden(c) || is_line_separator(c) || c == '\t' || (single && c == '\n');
                assert_eq!(
                    needs_cleaning(s.as_bytes(), single),
                    slow_changes,
                    "{:?}",
                    c
                );
            }
        }
        assert!(!needs_cleaning("初级 🚀 naïve".as_bytes(), true));
    }

    #[test]
    fn characters_that_break_terminal_layouts_are_removed_and_separators_break_lines() {
        for c in [
            '\u{AD}', '\u{3164}', '\u{FDD0}', '\u{FDEF}', '\u{FFF9}', '\u{FFFA}', '\u{FFFB}',
        ] {
            let cleaned = clean(&format!("soft{c}ware"), false);
            assert_eq!(cleaned.text, "software", "{c:?}");
            assert_eq!(cleaned.removed, 1, "{c:?}");
            assert!(cleaned.describe().starts_with("removed 1 control"), "{c:?}");
        }
        let c = clean("one\u{2028}two\u{2029}three", false);
        assert_eq!(c.text, "one\ntwo\nthree");
        assert_eq!(c.separators, 2);
        assert_eq!(
            c.describe(),
            "replaced 2 Unicode line separators with line breaks"
        );
        let c = clean("one\u{2028}two", true);
        assert_eq!(c.text, "one two");
        assert_eq!(c.newlines, 1);
        // Neighbours that are ordinary text stay.
        for keep in [
            "\u{AC}", "\u{AE}", "\u{3163}", "\u{3165}", "\u{FDCF}", "\u{FDF0}", "\u{FFFC}",
            "\u{2027}",
        ] {
            assert!(!clean(keep, false).changed(), "{keep:?}");
        }
    }

    #[test]
    fn lone_carriage_return_is_removed() {
        let c = clean("a\rb", false);
        assert_eq!(c.text, "ab");
        assert_eq!(c.removed, 1);
    }
}
