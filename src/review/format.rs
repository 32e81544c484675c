//! The review file format: a [`Review`] as readable TOML, and back, with
//! problems located by line and column.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Assessment, Mark, Review};
use crate::catalog::{Date, Diagnostic, Severity, SourceFile};

impl Review {
    /// The review as TOML, stable and readable.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::from(
            "# A rungs promotion review. rungs saves it after every change;\n\
             # it is plain TOML and safe to read or edit by hand.\n",
        );
        out.push_str(&format!("role = {}\n", q(&self.role)));
        out.push_str(&format!("from = {}\n", q(&self.from)));
        out.push_str(&format!("to = {}\n", q(&self.to)));
        out.push_str(&format!("catalog = {}\n", q(&self.catalog)));
        out.push_str(&format!("date = {}\n", self.date));
        for (skill, a) in &self.items {
            if a.is_empty() {
                continue;
            }
            out.push_str(&format!("\n[[items]]\nskill = {}\n", q(skill)));
            if let Some(m) = a.mark {
                out.push_str(&format!("mark = {}\n", q(m.as_str())));
            }
            if a.note.contains('\n') {
                // Line breaks are kept, as a multi-line string a person can
                // read and edit.
                out.push_str(&format!("note = {}\n", multi_line(&a.note)));
            } else if !a.note.is_empty() {
                out.push_str(&format!("note = {}\n", q(&a.note)));
            }
            out.push_str(&format!("expectation = {}\n", q(&a.expectation)));
        }
        out
    }

    /// Parses a review, reporting the first problem with its line.
    pub fn parse(path: &str, text: &str) -> Result<Review, Diagnostic> {
        let file = SourceFile::new(path, text.to_string());
        let raw: RawReview = toml::from_str(text).map_err(|e| {
            let span = file.error_span(e.span(), e.message());
            let message = crate::catalog::clean(e.message().trim(), true).text;
            file.diagnostic(
                Severity::Error,
                span,
                format!("invalid review file: {message}"),
            )
        })?;
        let date = Date {
            year: raw.date.year,
            month: raw.date.month,
            day: raw.date.day,
        };
        let mut items = BTreeMap::new();
        for item in raw.items {
            let mark = match &item.mark {
                None => None,
                Some(m) => Some(Mark::parse(m.get_ref()).ok_or_else(|| {
                    // The parser's span points at this very value, not at an
                    // earlier note that happens to quote the same word.
                    file.diagnostic(
                        Severity::Error,
                        m.span(),
                        format!(
                            "invalid review file: unknown mark `{}`; valid marks: met, partly, not-yet",
                            crate::catalog::clean(m.get_ref(), true).text
                        ),
                    )
                })?),
            };
            // Text from a file is cleaned like catalog text: nothing read
            // here may drive the terminal when shown.
            let clean = |s: &str, one_line| crate::catalog::clean(s, one_line).text;
            items.insert(
                clean(&item.skill, true),
                Assessment {
                    mark,
                    // Notes keep their line breaks.
                    note: clean(&item.note, false),
                    expectation: clean(&item.expectation, false),
                },
            );
        }
        let clean = |s: &str| crate::catalog::clean(s, true).text;
        Ok(Review {
            role: clean(&raw.role),
            from: clean(&raw.from),
            to: clean(&raw.to),
            catalog: clean(&raw.catalog),
            date,
            items,
        })
    }
}

/// A TOML multi-line basic string: `"""` and a line break, the text with
/// backslashes, quotes and control characters other than line breaks
/// escaped, then `"""`.
fn multi_line(text: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    role: String,
    from: String,
    to: String,
    #[serde(default)]
    catalog: String,
    date: toml::value::Date,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    skill: String,
    /// Spanned, so that an unknown mark is reported where it is written.
    #[serde(default)]
    mark: Option<toml::Spanned<String>>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    expectation: String,
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn notes_keep_their_lines_as_multi_line_strings() {
        let mut r = sample();
        let note = "Wrote the model-card template (PR #412).\n- adopted by \"three\" teams\n\\ done\n\n\"\"\"";
        r.items.get_mut("sql").unwrap().note = note.into();
        let text = r.to_toml();
        assert!(
            text.contains("note = \"\"\"\nWrote the model-card"),
            "{text}"
        );
        let back = Review::parse("r.toml", &text).unwrap();
        assert_eq!(back.items["sql"].note, note);
    }

    #[test]
    fn round_trip() {
        let r = sample();
        let text = r.to_toml();
        assert!(text.contains("mark = \"met\""));
        let back = Review::parse("r.toml", &text).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.items["deep-learning"].mark, Some(Mark::Met));
        assert_eq!(back.items["sql"].mark, None);
    }

    #[test]
    fn invalid_review_names_the_line() {
        let d = Review::parse("r.toml", "role = \"x\"\nfrom = 3\n").unwrap_err();
        assert_eq!((d.path.as_str(), d.line), ("r.toml", 2), "{d}");
        let d = Review::parse(
            "r.toml",
            "role = \"a\"\nfrom = \"b\"\nto = \"c\"\ndate = 2026-01-01\n[[items]]\nskill = \"s\"\nmark = \"done\"\n",
        )
        .unwrap_err();
        assert_eq!(d.line, 7, "{d}");
        assert!(d.message.contains("valid marks"));
    }

    #[test]
    fn an_unknown_mark_is_located_where_it_is_written_not_where_it_is_quoted() {
        let text = "role = \"a\"\nfrom = \"b\"\nto = \"c\"\ndate = 2026-01-01\n\
                    [[items]]\nskill = \"s\"\nnote = 'we said \"done\" too early'\n\
                    [[items]]\nskill = \"t\"\nmark = \"done\"\n";
        let d = Review::parse("r.toml", text).unwrap_err();
        assert_eq!((d.line, d.col), (10, 8), "{d}");
        assert!(d.message.contains("unknown mark `done`"), "{d}");
        let snippet = d.snippet.expect("the line is shown");
        assert_eq!(snippet.text, "mark = \"done\"");
        assert_eq!((snippet.caret_offset, snippet.caret_width), (7, 6));
    }
}
