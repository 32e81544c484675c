//! Problems found in a catalog, and how they are shown: `PATH:LINE:COL:
//! error: MESSAGE`, then the source line with a caret under the spot.

use std::fmt;

use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

use unicode_width::UnicodeWidthChar;

/// How bad a problem is: errors make a catalog invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, located in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
    pub message: String,
    /// The offending source line, already made safe to print, and where the
    /// caret goes in it (display columns), when there is a source to show.
    pub snippet: Option<Snippet>,
}

/// The excerpt printed under a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    /// Display columns before the caret.
    pub caret_offset: usize,
    /// Display width of the underlined part (at least 1).
    pub caret_width: usize,
}

impl Diagnostic {
    /// A problem that has no position in a file (a missing path, say); it
    /// points at 1:1 so that editors and scripts can still parse it.
    pub fn at_file(severity: Severity, path: impl AsRef<str>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            path: path.as_ref().to_string(),
            line: 1,
            col: 1,
            message: message.into(),
            snippet: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line alone: `PATH:LINE:COL: error: MESSAGE`.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            self.path,
            self.line,
            self.col,
            self.severity.as_str(),
            self.message
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        if let Some(snippet) = &self.snippet {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            write!(
                f,
                "\n{pad} |\n{number} | {}\n{pad} | {}{}",
                snippet.text,
                " ".repeat(snippet.caret_offset),
                "^".repeat(snippet.caret_width.max(1))
            )?;
        }
        Ok(())
    }
}

/// The text of one catalog file, with what is needed to turn byte offsets
/// into lines, columns and snippets.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Shared with the origins of what the file defines.
    pub path: Arc<str>,
    pub text: String,
    line_starts: Vec<usize>,
}

/// Longest stretch of a source line shown in a snippet, in characters, so a
/// minified or binary file cannot flood the terminal.
const SNIPPET_CHARS: usize = 100;

impl SourceFile {
    pub fn new(path: impl Into<Arc<str>>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Where a TOML parser error belongs: its own span, or, for the
    /// recursion limit on deeply nested dotted keys, which the parser
    /// reports without a place, the start of the line that nests deepest
    /// (most `.`, `[` and `{`) instead of `1:1`.
    pub fn error_span(&self, span: Option<Range<usize>>, message: &str) -> Range<usize> {
        if let Some(span) = span {
            return span;
        }
        if !message.contains("recursion") {
            return 0..0;
        }
        let nesting = |line: &str| {
            line.bytes()
                .filter(|b| matches!(b, b'.' | b'[' | b'{'))
                .count()
        };
        let mut best = (0, 0);
        for (i, &start) in self.line_starts.iter().enumerate() {
            let end = self
                .line_starts
                .get(i + 1)
                .copied()
                .unwrap_or(self.text.len());
            let n = nesting(&self.text[start..end]);
            if n > best.0 {
                best = (n, start);
            }
        }
        best.1..best.1
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        (line, col)
    }

    /// A diagnostic pointing at a byte range of this file.
    pub fn diagnostic(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, col) = self.line_col(span.start);
        Diagnostic {
            severity,
            path: self.path.to_string(),
            line,
            col,
            message: message.into(),
            snippet: Some(self.snippet(span)),
        }
    }

    fn snippet(&self, span: Range<usize>) -> Snippet {
        let start = floor_char_boundary(&self.text, span.start.min(self.text.len()));
        let (line, _) = self.line_col(start);
        let line_start = self.line_starts[line - 1];
        let line_end = self.text[line_start..]
            .find('\n')
            .map_or(self.text.len(), |i| line_start + i);
        let end = floor_char_boundary(&self.text, span.end.clamp(start, line_end));
        let before: Vec<char> = self.text[line_start..start].chars().collect();
        // Keep the caret on screen: show at most SNIPPET_CHARS, with the spot
        // in view even on a very long line.
        let skip = before.len().saturating_sub(SNIPPET_CHARS / 2);
        let mut text = String::new();
        let mut caret_offset = 0;
        if skip > 0 {
            text.push('…');
            caret_offset += 1;
        }
        for &c in &before[skip..] {
            let shown = visible(c);
            caret_offset += shown.width().unwrap_or(1);
            text.push(shown);
        }
        let mut caret_width = 0;
        let shown_before = before.len() - skip;
        for (shown_chars, (b, c)) in (shown_before..).zip(self.text[start..line_end].char_indices())
        {
            if shown_chars >= SNIPPET_CHARS {
                text.push('…');
                break;
            }
            let shown = visible(c);
            if start + b < end {
                caret_width += shown.width().unwrap_or(1);
            }
            text.push(shown);
        }
        Snippet {
            text: text.trim_end_matches('\r').to_string(),
            caret_offset,
            caret_width: caret_width.max(1),
        }
    }
}

/// A character as it may be printed: control characters, which could drive
/// the terminal, become a visible replacement; tabs become one space so the
/// caret stays aligned.
fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        c if super::clean::is_line_separator(c) => ' ',
        c if super::clean::is_forbidden(c) => '\u{FFFD}',
        c => c,
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("x.toml", "a = 1\nname = \"初级\" x\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        let x = f.text.find(" x").unwrap() + 1;
        assert_eq!(f.line_col(x), (2, 13));
    }

    #[test]
    fn renders_like_a_compiler() {
        let f = SourceFile::new("c.toml", "id = \"a\"\ndomian = \"x\"\n".into());
        let d = f.diagnostic(Severity::Error, 9..15, "unknown key `domian`");
        assert_eq!(
            d.to_string(),
            "c.toml:2:1: error: unknown key `domian`\n  |\n2 | domian = \"x\"\n  | ^^^^^^"
        );
    }

    #[test]
    fn caret_accounts_for_wide_characters_and_hides_escapes() {
        let f = SourceFile::new("c.toml", "名前 = \"\u{1b}[31m\" bad".into());
        let at = f.text.find("bad").unwrap();
        let d = f.diagnostic(Severity::Error, at..at + 3, "m");
        let s = d.snippet.unwrap();
        assert!(!s.text.contains('\u{1b}'));
        // 名前 is two wide characters: 4 columns, then ` = "` and 5 more.
        assert_eq!(s.caret_offset, 4 + 4 + 5 + 2);
        assert_eq!(s.caret_width, 3);
    }

    #[test]
    fn long_lines_are_cut_around_the_spot() {
        let text = format!("x = \"{}\" oops", "a".repeat(10_000));
        let f = SourceFile::new("c.toml", text);
        let at = f.text.find("oops").unwrap();
        let d = f.diagnostic(Severity::Error, at..at + 4, "m");
        let s = d.snippet.unwrap();
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 2);
        assert!(s.text.contains("oops"));
    }
}
