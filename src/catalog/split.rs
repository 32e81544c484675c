//! Splitting a one-file catalog at its `[[skills]]` tables, so that each
//! skill is parsed on its own and the parsed form of the whole document is
//! never held at once.
//!
//! The `toml` crate's parsed document costs kilobytes per table (tokens,
//! events and the spanned tree of the whole file at once): a file of
//! 100,000 tiny skills took 445 MB that way (issue 16). The split is found
//! with `toml_parser`'s lexer, which streams tokens without storing them,
//! so strings and comments that look like headers are never mistaken for
//! them. Anything the split does not understand (an escaped quoted key in a
//! header, say) makes it give up, and the loader parses the whole document
//! as before; so does any TOML error, so every syntax message stays the one
//! the whole document gives.

use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// A one-file catalog cut into its root and its skill tables.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Split {
    /// The file's text without its skill tables: the root's own keys and
    /// tables, its pieces joined by line breaks.
    pub root: String,
    /// Where each piece of `root` starts: `(offset in root, offset in the
    /// file)`, in order; the first is always `(0, 0)`.
    pub root_pieces: Vec<(usize, usize)>,
    /// Each `[[skills]]` table with its sub-tables (`[skills.expectations.…]`),
    /// in file order, as byte ranges of the file.
    pub skills: Vec<Range<usize>>,
}

/// What a table header opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// `[[skills]]`: a new skill.
    Skill,
    /// `[skills.…]` or `[[skills.…]]`: part of the skill before it.
    SkillPart,
    /// Anything else: part of the root.
    Root,
}

/// Cuts `text` at its `[[skills]]` tables; `None` when it has none, or when
/// its headers are not plain enough to cut with certainty (the caller then
/// parses the whole document).
pub(crate) fn split(text: &str) -> Option<Split> {
    let headers = headers(text)?;
    let mut skills: Vec<Range<usize>> = Vec::new();
    let mut open: Option<usize> = None;
    let mut root_ranges: Vec<Range<usize>> = Vec::new();
    let mut root_from = Some(0);
    for (at, kind) in headers {
        match (kind, open) {
            (Header::SkillPart, Some(_)) => {}
            (Header::Skill, _) => {
                if let Some(start) = open.take() {
                    skills.push(start..at);
                }
                if let Some(from) = root_from.take() {
                    root_ranges.push(from..at);
                }
                open = Some(at);
            }
            // A root table, or a skill part with no skill before it (which
            // leaves a `skills` key in the root: the caller then parses the
            // whole document and TOML reports what is wrong).
            (Header::Root | Header::SkillPart, _) => {
                if let Some(start) = open.take() {
                    skills.push(start..at);
                }
                if root_from.is_none() {
                    root_from = Some(at);
                }
            }
        }
    }
    if let Some(start) = open {
        skills.push(start..text.len());
    }
    if let Some(from) = root_from {
        root_ranges.push(from..text.len());
    }
    if skills.is_empty() {
        return None;
    }
    let mut root = String::with_capacity(root_ranges.iter().map(|r| r.len() + 1).sum());
    let mut root_pieces = Vec::with_capacity(root_ranges.len());
    for (i, r) in root_ranges.into_iter().enumerate() {
        if i > 0 {
            // Each piece ends where a header began, at the start of a line;
            // the break keeps the next piece's header at the start of one.
            root.push('\n');
        }
        root_pieces.push((root.len(), r.start));
        root.push_str(&text[r]);
    }
    Some(Split {
        root,
        root_pieces,
        skills,
    })
}

/// Every table header of `text` at the top level, with its byte offset.
fn headers(text: &str) -> Option<Vec<(usize, Header)>> {
    let mut tokens = Source::new(text).lex().peekable();
    let mut out = Vec::new();
    // Nesting of arrays and inline tables in values: a `[` inside one
    // (even at the start of a line) opens an array, not a table.
    let mut depth = 0usize;
    let mut line_start = true;
    while let Some(token) = tokens.next() {
        let span = token.span();
        match token.kind() {
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::Newline => {
                if depth == 0 {
                    line_start = true;
                }
                continue;
            }
            TokenKind::Eof => break,
            TokenKind::LeftSquareBracket if depth == 0 && line_start => {
                let array = tokens.next_if(|t| {
                    t.kind() == TokenKind::LeftSquareBracket && t.span().start() == span.end()
                });
                let (first, parts) = header_key(text, &mut tokens)?;
                if array.is_some() {
                    let close = tokens.next()?;
                    if close.kind() != TokenKind::RightSquareBracket {
                        return None;
                    }
                }
                let kind = match (first == "skills", array.is_some(), parts) {
                    (true, true, 1) => Header::Skill,
                    (true, _, 2..) => Header::SkillPart,
                    _ => Header::Root,
                };
                out.push((span.start(), kind));
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        line_start = false;
    }
    Some(out)
}

/// Reads a header's dotted key up to its closing `]`: its first part and
/// how many parts it has. `None` for anything but plain keys (bare, or
/// quoted without escapes).
fn header_key<'t>(
    text: &'t str,
    tokens: &mut std::iter::Peekable<toml_parser::lexer::Lexer<'_>>,
) -> Option<(&'t str, usize)> {
    let mut first = None;
    let mut parts = 0usize;
    loop {
        let mut t = tokens.next()?;
        while t.kind() == TokenKind::Whitespace {
            t = tokens.next()?;
        }
        let raw = text.get(t.span().start()..t.span().end())?;
        let part = match t.kind() {
            TokenKind::Atom => raw,
            TokenKind::BasicString | TokenKind::LiteralString => {
                let inner = raw.get(1..raw.len().checked_sub(1)?)?;
                if inner.contains('\\') || raw.len() < 2 {
                    return None;
                }
                inner
            }
            _ => return None,
        };
        first.get_or_insert(part);
        parts += 1;
        let mut t = tokens.next()?;
        while t.kind() == TokenKind::Whitespace {
            t = tokens.next()?;
        }
        match t.kind() {
            TokenKind::Dot => continue,
            TokenKind::RightSquareBracket => return Some((first?, parts)),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_and_their_parts_are_cut_out_and_the_root_kept() {
        let text = "title = \"t\"\n[[levels]]\nid = \"a\"\n\
                    [[skills]]\nid = \"s\"\n[skills.expectations.r]\na = \"x\"\n\
                    [[domains]]\nid = \"d\"\n\
                    [[skills]] # two\nid = \"u\"\n";
        let s = split(text).unwrap();
        let cut: Vec<&str> = s.skills.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            cut,
            [
                "[[skills]]\nid = \"s\"\n[skills.expectations.r]\na = \"x\"\n",
                "[[skills]] # two\nid = \"u\"\n"
            ]
        );
        assert_eq!(
            s.root,
            "title = \"t\"\n[[levels]]\nid = \"a\"\n\n[[domains]]\nid = \"d\"\n"
        );
        assert_eq!(
            s.root_pieces,
            [(0, 0), (33, text.find("[[domains]]").unwrap())]
        );
    }

    #[test]
    fn brackets_in_strings_arrays_and_comments_are_not_headers() {
        let text = "x = \"\"\"\n[[skills]]\n\"\"\"\ny = [\n  [1],\n]\n# [[skills]]\n\
                    [[skills]]\nid = 's'\ntags = [\n[\"a\"],\n]\n";
        let s = split(text).unwrap();
        assert_eq!(s.skills.len(), 1);
        assert_eq!(
            &text[s.skills[0].clone()],
            "[[skills]]\nid = 's'\ntags = [\n[\"a\"],\n]\n"
        );
    }

    #[test]
    fn a_file_that_opens_with_a_skill_keeps_an_empty_first_root_piece() {
        let text = "[[skills]]\nid = \"s\"\n[[levels]]\nid = \"a\"\n";
        let s = split(text).unwrap();
        assert_eq!(s.root_pieces, [(0, 0), (1, 20)]);
        assert_eq!(s.root, "\n[[levels]]\nid = \"a\"\n");
    }

    #[test]
    fn quoted_and_spaced_header_keys_are_read() {
        let text = "[[ \"skills\" ]]\nid = \"s\"\n[ skills . 'expectations' . r ]\na = \"x\"\n";
        let s = split(text).unwrap();
        assert_eq!(s.skills.len(), 1);
        assert_eq!(s.skills[0], 0..text.len());
    }

    #[test]
    fn what_is_not_plain_is_left_to_the_whole_parse() {
        assert_eq!(split("title = \"t\"\n[[levels]]\n"), None, "no skills");
        assert_eq!(split("[[\"sk\\u0069lls\"]]\nid = \"s\"\n"), None, "escape");
        assert_eq!(split("[[skills]\nid = \"s\"\n"), None, "broken header");
    }
}
