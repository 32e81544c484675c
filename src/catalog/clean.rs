//! Text cleaning at load: no byte from a catalog may drive the terminal.
//!
//! Control characters (C0 except newline, DEL, C1) and bidirectional
//! formatting characters are removed and tabs become spaces, once, when the
//! catalog is read; everything downstream can then print text as it is.

/// True for characters that are never kept in catalog text.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What cleaning changed in one string, for the warning that names it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub removed: usize,
    pub tabs: usize,
    pub newlines: usize,
}

impl Cleaned {
    /// True when the text was changed in a way the author should hear about.
    pub fn changed(&self) -> bool {
        self.removed + self.tabs + self.newlines > 0
    }

    /// A human description such as "removed 2 control characters".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.removed > 0 {
            parts.push(format!(
                "removed {} control or bidirectional-override character{}",
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
            c if is_forbidden(c) => out.removed += 1,
            c => out.text.push(c),
        }
    }
    out
}

/// True when `s` may hold something `clean` changes. Looks at bytes:
/// ASCII controls, DEL, tab, and the lead bytes of C1 controls (`C2 80`…`C2
/// 9F`) and of bidirectional formatting characters (`E2 80 AA`…`AE`, `E2 81
/// A6`…`A9`).
fn needs_cleaning(b: &[u8], single_line: bool) -> bool {
    // A quick pass that the compiler vectorises: most text has none of the
    // bytes that could start something to clean.
    if !b
        .iter()
        .any(|&c| c < 0x20 || c == 0x7F || c == 0xC2 || c == 0xE2)
    {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' if !single_line => {}
            0x00..=0x1F | 0x7F => return true,
            0xC2 if b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)) => return true,
            0xE2 if b.get(i + 1) == Some(&0x80)
                && b.get(i + 2).is_some_and(|n| (0xAA..=0xAE).contains(n)) =>
            {
                return true;
            }
            0xE2 if b.get(i + 1) == Some(&0x81)
                && b.get(i + 2).is_some_and(|n| (0xA6..=0xA9).contains(n)) =>
            {
                return true;
            }
            _ => {}
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
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            for single in [false, true] {
                let slow_changes = is_forbidden(c) || c == '\t' || (single && c == '\n');
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
    fn lone_carriage_return_is_removed() {
        let c = clean("a\rb", false);
        assert_eq!(c.text, "ab");
        assert_eq!(c.removed, 1);
    }
}
