//! Reading a Markdown-ish expectation text as an intro and behaviours.
//!
//! Published ladders write a cell as bullet lines (`- ` or `* `), with an
//! indented line under a bullet continuing it and an indented line starting
//! with `e.g.` giving an example of it. Catalog format 1.1 reads such a
//! text as behaviours, so existing ladders need no rewrite; a text with no
//! bullet line stays one expectation.

use super::types::Behaviour;

/// An expectation text split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bullets {
    /// The lines before the first bullet, joined with line breaks.
    pub intro: String,
    pub behaviours: Vec<Behaviour>,
}

/// Leading spaces of a line (tabs are already spaces after cleaning).
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The text after a bullet marker, when `line` (without its indent) is one.
fn bullet(rest: &str) -> Option<&str> {
    ["- ", "* "]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .or(if rest == "-" || rest == "*" {
            Some("")
        } else {
            None
        })
}

/// The example after an `e.g.` marker (`e.g. …`, `e.g.: …`, `E.g., …`).
fn example(rest: &str) -> Option<&str> {
    let lower = rest.get(..4)?;
    if !lower.eq_ignore_ascii_case("e.g.") {
        return None;
    }
    Some(rest[4..].trim_start_matches([':', ',']).trim())
}

fn join(into: &mut String, more: &str) {
    let more = more.trim();
    if more.is_empty() {
        return;
    }
    if !into.is_empty() {
        into.push(' ');
    }
    into.push_str(more);
}

/// Splits `text` into an intro and behaviours; `None` when no line is a
/// bullet, so the text stays one expectation.
///
/// Bullets are the lines at the indent of the first bullet line (or less)
/// that start with `- ` or `* `. A line indented deeper continues the
/// behaviour above (joined with a space), or, when it starts with `e.g.`,
/// is an example of it; a deeper line under an example continues the
/// example. An unindented line after the first bullet continues the last
/// behaviour too (Markdown's lazy continuation). Blank lines are skipped.
/// A behaviour may come out empty (a lone `-`): the caller reports it.
pub(crate) fn split(text: &str) -> Option<Bullets> {
    let first = text.lines().find_map(|l| {
        let rest = l.trim_start_matches(' ');
        bullet(rest).map(|_| indent(l))
    })?;
    let mut intro: Vec<&str> = Vec::new();
    let mut behaviours: Vec<Behaviour> = Vec::new();
    // Whether the last deeper line was an example, so that the next deeper
    // line continues the example rather than the behaviour.
    let mut in_example = false;
    for line in text.lines() {
        let rest = line.trim_start_matches(' ');
        if rest.trim().is_empty() {
            continue;
        }
        let at = indent(line);
        if at <= first
            && let Some(b) = bullet(rest)
        {
            behaviours.push(Behaviour {
                text: b.trim().to_string(),
                examples: Vec::new(),
            });
            in_example = false;
            continue;
        }
        let Some(last) = behaviours.last_mut() else {
            intro.push(line.trim_end());
            continue;
        };
        if at > first
            && let Some(e) = example(rest)
        {
            last.examples.push(e.to_string());
            in_example = true;
        } else if in_example && at > first {
            if let Some(e) = last.examples.last_mut() {
                join(e, rest);
            }
        } else {
            join(&mut last.text, rest);
            in_example = false;
        }
    }
    Some(Bullets {
        intro: intro.join("\n").trim().to_string(),
        behaviours,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(b: &Bullets) -> Vec<(&str, Vec<&str>)> {
        b.behaviours
            .iter()
            .map(|b| {
                (
                    b.text.as_str(),
                    b.examples.iter().map(String::as_str).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn plain_text_is_not_split() {
        assert_eq!(split("Writes tests.\nReviews code."), None);
        assert_eq!(split("Uses a - b in prose"), None);
    }

    #[test]
    fn bullets_continuations_and_examples() {
        let b = split(
            "Delivers:\n- Proactively gives feedback upwards\n  and sideways\n  e.g. Told the lead the plan was late\n    by two weeks\n  e.g.: Ran a retro\n* Transparent about mistakes\n\nlazy line",
        )
        .unwrap();
        assert_eq!(b.intro, "Delivers:");
        assert_eq!(
            texts(&b),
            [
                (
                    "Proactively gives feedback upwards and sideways",
                    vec![
                        "Told the lead the plan was late by two weeks",
                        "Ran a retro"
                    ]
                ),
                ("Transparent about mistakes lazy line", vec![]),
            ]
        );
    }

    #[test]
    fn a_uniformly_indented_list_and_an_empty_bullet() {
        let b = split("  - a\n  -\n    E.g. x").unwrap();
        assert_eq!(b.intro, "");
        assert_eq!(texts(&b), [("a", vec![]), ("", vec!["x"])]);
    }
}
