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
    fn lone_carriage_return_is_removed() {
        let c = clean("a\rb", false);
        assert_eq!(c.text, "ab");
        assert_eq!(c.removed, 1);
    }
}
