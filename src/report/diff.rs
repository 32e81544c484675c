//! `rungs diff`: what changed between two catalogs, as a JSON shape
//! ([`DiffReport`], documented in `docs/json.md`) and its text and Markdown
//! renderings, with the review files a change affects.
//!
//! Text shows a word diff git's way (`[-removed-]{+added+}`), Markdown as
//! ~~removed~~ **added**; JSON gives both texts and the word runs. A text of
//! several lines (behaviours) is shown line by line instead: `+` added, `-`
//! removed, `~` reworded with its word diff; JSON has both.

use std::io::{self, Write};

use serde::Serialize;

use super::markdown::{escape_cell, escape_html};
use super::{Ref, SCHEMA};
use crate::catalog::{Catalog, Named, Necessity};
use crate::diff::{CatalogDiff, NamedChanges};
use crate::gap::{DiffKind, LinePair, word_diff};
use crate::i18n::{Strings, fill};
use crate::review::Review;

/// An id whose name changed: text and Markdown show `old` and `new` in
/// the reader's language; JSON holds the names as written, the same in
/// every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renamed<'a> {
    pub id: &'a str,
    #[serde(skip)]
    pub old: &'a str,
    #[serde(skip)]
    pub new: &'a str,
    #[serde(rename = "old")]
    pub old_written: &'a str,
    #[serde(rename = "new")]
    pub new_written: &'a str,
}

/// Added, removed and renamed items of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes<'a> {
    pub added: Vec<Ref<'a>>,
    pub removed: Vec<Ref<'a>>,
    pub renamed: Vec<Renamed<'a>>,
}

impl<'a> Changes<'a> {
    fn of(c: &NamedChanges, old: &'a [Named], new: &'a [Named]) -> Self {
        Changes {
            added: c.added.iter().map(|&i| Ref::from(&new[i])).collect(),
            removed: c.removed.iter().map(|&i| Ref::from(&old[i])).collect(),
            renamed: c
                .renamed
                .iter()
                .map(|&(o, n)| Renamed {
                    id: &new[n].id,
                    old: &old[o].name,
                    new: &new[n].name,
                    old_written: old[o].written_name(),
                    new_written: new[n].written_name(),
                })
                .collect(),
        }
    }

    fn of_skills(c: &NamedChanges, old: &'a Catalog, new: &'a Catalog) -> Self {
        let r = |s: &'a crate::catalog::Skill| Ref::skill(s);
        Changes {
            added: c.added.iter().map(|&i| r(&new.skills[i])).collect(),
            removed: c.removed.iter().map(|&i| r(&old.skills[i])).collect(),
            renamed: c
                .renamed
                .iter()
                .map(|&(o, n)| Renamed {
                    id: &new.skills[n].id,
                    old: &old.skills[o].name,
                    new: &new.skills[n].name,
                    old_written: old.skills[o].written_name(),
                    new_written: new.skills[n].written_name(),
                })
                .collect(),
        }
    }

    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.renamed.is_empty()
    }
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair<T> {
    pub old: T,
    pub new: T,
}

/// A skill kept under its id whose domain, summary, tags or date changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditedSkill<'a> {
    pub id: &'a str,
    /// In the reader's language; JSON has the name as written.
    #[serde(skip)]
    pub name: &'a str,
    #[serde(rename = "name")]
    pub written: &'a str,
    /// Domain ids, when the skill moved.
    pub domain: Option<Pair<&'a str>>,
    /// Which of `summary`, `tags`, `updated` changed.
    pub fields: Vec<&'static str>,
}

/// A run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    /// `same`, `added` or `removed`.
    pub kind: &'static str,
    pub text: String,
}

/// One line of a text of several lines (a behaviour, or a line of the
/// text before them), compared with its counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineChange<'a> {
    /// `same`, `reworded`, `added` or `removed`.
    pub change: &'static str,
    /// `null` for an added line.
    pub old: Option<&'a str>,
    /// `null` for a removed line.
    pub new: Option<&'a str>,
    /// The word diff of a reworded line; else empty.
    pub words: Vec<Words>,
}

impl<'a> LineChange<'a> {
    fn of(p: LinePair<'a>) -> Self {
        let (change, old, new) = match p {
            LinePair::Same(t) => ("same", Some(t), Some(t)),
            LinePair::Changed(o, n) => ("reworded", Some(o), Some(n)),
            LinePair::Removed(o) => ("removed", Some(o), None),
            LinePair::Added(n) => ("added", None, Some(n)),
        };
        LineChange {
            change,
            old,
            new,
            words: match p {
                LinePair::Changed(o, n) => words(o, n),
                _ => Vec::new(),
            },
        }
    }
}

/// A text before and after, with its word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextChange<'a> {
    /// `null` when nothing was expected.
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
    /// The word diff of the whole texts.
    pub words: Vec<Words>,
    /// Line by line, when either text is several lines or has behaviours
    /// (in the new text's order, removed lines after the line they
    /// followed); else empty.
    pub lines: Vec<LineChange<'a>>,
}

/// One changed cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellReport<'a> {
    pub skill: Ref<'a>,
    pub role: Ref<'a>,
    pub level: Ref<'a>,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// `required`/`optional`/`null` before and after, when it changed.
    pub necessity: Option<Pair<Option<&'static str>>>,
    /// When the text changed.
    pub text: Option<TextChange<'a>>,
}

/// A review file that assessed texts this change rewrites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffectedReview {
    /// As found under `--reviews DIR`.
    pub path: String,
    pub role: String,
    pub from: String,
    pub to: String,
    /// Ids of the assessed skills whose target text changed or went away.
    pub skills: Vec<String>,
}

/// What `--reviews DIR` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reviews {
    /// Review files read.
    pub read: usize,
    /// `.toml` files under the folder that are not reviews, skipped.
    pub skipped: Vec<String>,
    pub affected: Vec<AffectedReview>,
}

/// The JSON of `rungs diff`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffReport<'a> {
    pub schema: u32,
    /// The arguments as given.
    pub old: &'a str,
    pub new: &'a str,
    /// Anything differs (the exit status is 1 then).
    pub changed: bool,
    pub title: Option<Pair<&'a str>>,
    pub levels: Changes<'a>,
    pub roles: Changes<'a>,
    pub domains: Changes<'a>,
    pub skills: Changes<'a>,
    pub edited: Vec<EditedSkill<'a>>,
    pub cells: Vec<CellReport<'a>>,
    /// Only with `--reviews`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviews: Option<Reviews>,
}

fn words(old: &str, new: &str) -> Vec<Words> {
    word_diff(old, new)
        .into_iter()
        .map(|(k, text)| Words {
            kind: match k {
                DiffKind::Same => "same",
                DiffKind::Added => "added",
                DiffKind::Removed => "removed",
            },
            text,
        })
        .collect()
}

/// Builds the report of `diff`; `old_arg` and `new_arg` name the two sides.
pub fn build<'a>(diff: &'a CatalogDiff<'a>, old_arg: &'a str, new_arg: &'a str) -> DiffReport<'a> {
    let (old, new) = (diff.old, diff.new);
    let cells = diff
        .cells
        .iter()
        .map(|c| {
            let (s, r, l) = c.new;
            let skill = &new.skills[s];
            CellReport {
                skill: Ref::skill(skill),
                role: Ref::from(&new.roles[r]),
                level: Ref::from(&new.levels[l]),
                change: c.kind.as_str(),
                necessity: c.necessity_change().map(|(o, n)| Pair {
                    old: o.map(|x| x.as_str()),
                    new: n.map(|x| x.as_str()),
                }),
                text: c.text_change().map(|(o, n)| TextChange {
                    old: c.before.as_ref().map(|_| o),
                    new: c.after.as_ref().map(|_| n),
                    words: words(o, n),
                    lines: c.line_changes().into_iter().map(LineChange::of).collect(),
                }),
            }
        })
        .collect();
    let title = diff.title.then(|| Pair {
        old: old.display_title(),
        new: new.display_title(),
    });
    DiffReport {
        schema: SCHEMA,
        old: old_arg,
        new: new_arg,
        changed: !diff.is_empty(),
        title,
        levels: Changes::of(&diff.levels, &old.levels, &new.levels),
        roles: Changes::of(&diff.roles, &old.roles, &new.roles),
        domains: Changes::of(&diff.domains, &old.domains, &new.domains),
        skills: Changes::of_skills(&diff.skills, old, new),
        edited: diff
            .edited
            .iter()
            .map(|e| {
                let (o, n) = (&old.skills[e.old], &new.skills[e.new]);
                EditedSkill {
                    id: &n.id,
                    name: &n.name,
                    written: n.written_name(),
                    domain: e.moved.then(|| Pair {
                        old: old.domain_of(o).id.as_str(),
                        new: new.domain_of(n).id.as_str(),
                    }),
                    fields: e.fields.clone(),
                }
            })
            .collect(),
        cells,
        reviews: None,
    }
}

/// The text a role is expected to meet for a skill at a level, by ids.
fn cell_text<'c>(c: &'c Catalog, skill: &str, role: &str, level: &str) -> Option<&'c str> {
    let s = c.skill_index(skill)?;
    let r = c.role_index(role)?;
    let l = c.level_index(level)?;
    c.skills[s].cell(r, l).map(|cell| &*cell.text)
}

/// Which of `reviews` (path and review) assessed a target text that differs
/// between `old` and `new` (changed, or gone): those would show "changed
/// since assessed". `skipped` lists files that are not reviews.
pub fn affected_reviews(
    old: &Catalog,
    new: &Catalog,
    reviews: &[(String, Review)],
    skipped: Vec<String>,
) -> Reviews {
    let affected = reviews
        .iter()
        .filter_map(|(path, review)| {
            let skills: Vec<String> = review
                .items
                .iter()
                .filter(|(_, a)| !a.is_empty() || !a.expectation.is_empty())
                .filter(|(id, _)| {
                    cell_text(old, id, &review.role, &review.to)
                        != cell_text(new, id, &review.role, &review.to)
                })
                .map(|(id, _)| id.clone())
                .collect();
            (!skills.is_empty()).then(|| AffectedReview {
                path: path.clone(),
                role: review.role.clone(),
                from: review.from.clone(),
                to: review.to.clone(),
                skills,
            })
        })
        .collect();
    Reviews {
        read: reviews.len(),
        skipped,
        affected,
    }
}

/// A necessity change in the interface language (`-` for no expectation).
fn necessity_change(t: &Strings, p: &Pair<Option<&str>>) -> String {
    let word = |n: Option<&str>| match n {
        Some(n) if n == Necessity::Required.as_str() => t.necessity_required,
        Some(_) => t.necessity_optional,
        None => "-",
    };
    fill(
        t.diff_necessity,
        &[("old", word(p.old)), ("new", word(p.new))],
    )
}

/// `a → b` of necessity words, for the Markdown table (no label).
fn necessity_arrow(t: &Strings, p: &Pair<Option<&str>>) -> String {
    let word = |n: Option<&str>| match n {
        Some(n) if n == Necessity::Required.as_str() => t.necessity_required,
        Some(_) => t.necessity_optional,
        None => "-",
    };
    format!("{} → {}", word(p.old), word(p.new))
}

/// The word of a cell's change (`added`, `removed`, `changed`).
fn change_word(t: &Strings, change: &str) -> &'static str {
    match change {
        "added" => t.diff_change_added,
        "removed" => t.diff_change_removed,
        _ => t.diff_change_changed,
    }
}

/// What changed about an edited skill: its domain (ids as `quote` wraps
/// them) and the fields, in the interface language.
fn edited_what(t: &Strings, e: &EditedSkill<'_>, quote: fn(&str) -> String) -> String {
    let mut what: Vec<String> = Vec::new();
    if let Some(d) = &e.domain {
        what.push(fill(
            t.diff_moved,
            &[("old", &quote(d.old)), ("new", &quote(d.new))],
        ));
    }
    what.extend(e.fields.iter().map(|f| {
        let field = match *f {
            "summary" => t.diff_field_summary,
            "tags" => t.diff_field_tags,
            _ => t.diff_field_updated,
        };
        fill(t.diff_field_changed, &[("field", field)])
    }));
    what.join("; ")
}

fn text_words(w: &[Words]) -> String {
    w.iter()
        .map(|w| match w.kind {
            "added" => format!("{{+{}+}}", w.text),
            "removed" => format!("[-{}-]", w.text),
            _ => w.text.clone(),
        })
        .collect()
}

/// The lines that changed, one per line after `text:`; `text: lines
/// reordered` when none did; the word diff for a one-line text.
fn write_text_change(t: &Strings, out: &mut dyn Write, c: &TextChange<'_>) -> io::Result<()> {
    if c.lines.is_empty() {
        let shown = text_words(&c.words).replace('\n', "\n          ");
        return writeln!(out, "    {}", fill(t.diff_text_line, &[("diff", &shown)]));
    }
    if c.lines.iter().all(|l| l.change == "same") {
        let line = fill(t.diff_text_line, &[("diff", t.diff_lines_reordered)]);
        return writeln!(out, "    {line}");
    }
    writeln!(out, "    {}", t.diff_text)?;
    for l in &c.lines {
        match (l.change, l.old, l.new) {
            ("reworded", _, _) => writeln!(out, "      ~ {}", text_words(&l.words))?,
            ("added", _, Some(n)) => writeln!(out, "      + {n}")?,
            ("removed", Some(o), _) => writeln!(out, "      - {o}")?,
            _ => {}
        }
    }
    Ok(())
}

fn write_changes_text(out: &mut dyn Write, heading: &str, c: &Changes<'_>) -> io::Result<()> {
    if c.is_empty() {
        return Ok(());
    }
    writeln!(out, "{heading}")?;
    for r in &c.added {
        writeln!(out, "  + {} ({})", r.id, r.name)?;
    }
    for r in &c.removed {
        writeln!(out, "  - {} ({})", r.id, r.name)?;
    }
    for r in &c.renamed {
        writeln!(out, "  ~ {}: {} → {}", r.id, r.old, r.new)?;
    }
    Ok(())
}

fn write_reviews_text(t: &Strings, out: &mut dyn Write, r: &Reviews) -> io::Result<()> {
    let (affected, read) = (r.affected.len().to_string(), r.read.to_string());
    writeln!(
        out,
        "{}",
        fill(t.diff_reviews, &[("affected", &affected), ("read", &read)])
    )?;
    for a in &r.affected {
        writeln!(
            out,
            "  {} ({}, {} → {}): {}",
            a.path,
            a.role,
            a.from,
            a.to,
            a.skills.join(", ")
        )?;
    }
    for s in &r.skipped {
        writeln!(out, "  {}", fill(t.diff_skipped, &[("path", s)]))?;
    }
    Ok(())
}

/// Plain text: one section per kind of change, `+` added, `-` removed, `~`
/// renamed; each changed cell with its necessity and word diff (or its
/// changed lines); labels in the language of `t`.
pub fn write_text(t: &Strings, r: &DiffReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    if !r.changed {
        writeln!(
            out,
            "{}",
            fill(t.diff_no_changes, &[("old", r.old), ("new", r.new)])
        )?;
    }
    if let Some(title) = &r.title {
        writeln!(
            out,
            "{}",
            fill(t.diff_title, &[("old", title.old), ("new", title.new)])
        )?;
    }
    write_changes_text(out, t.site_levels, &r.levels)?;
    write_changes_text(out, t.site_roles, &r.roles)?;
    write_changes_text(out, t.diff_domains, &r.domains)?;
    write_changes_text(out, t.site_skills, &r.skills)?;
    if !r.edited.is_empty() {
        writeln!(out, "{}", t.diff_edited)?;
        for e in &r.edited {
            writeln!(
                out,
                "  ~ {}: {}",
                e.id,
                edited_what(t, e, |s| s.to_string())
            )?;
        }
    }
    if !r.cells.is_empty() {
        writeln!(out, "{}", t.diff_expectations)?;
        for c in &r.cells {
            let line = fill(
                t.diff_cell,
                &[
                    ("skill", c.skill.id),
                    ("role", c.role.name),
                    ("level", c.level.name),
                    ("change", change_word(t, c.change)),
                ],
            );
            writeln!(out, "  {line}")?;
            if let Some(n) = &c.necessity {
                writeln!(out, "    {}", necessity_change(t, n))?;
            }
            if let Some(text) = &c.text {
                write_text_change(t, out, text)?;
            }
        }
    }
    if let Some(reviews) = &r.reviews {
        write_reviews_text(t, out, reviews)?;
    }
    Ok(())
}

/// Catalog text inside a Markdown table cell, raw HTML disarmed.
fn md(text: &str) -> String {
    escape_cell(&escape_html(text))
}

/// An id or argument as Markdown code.
fn code(text: &str) -> String {
    format!("`{text}`")
}

fn md_words(w: &[Words]) -> String {
    w.iter()
        .map(|w| {
            let t = md(&w.text);
            match w.kind {
                "added" => format!("**{}**", t.trim()),
                "removed" => format!("~~{}~~", t.trim()),
                _ => t,
            }
        })
        .collect()
}

/// A text change inside a table cell: the word diff, or the changed lines
/// joined with `<br>` (`+ **added**`, `− ~~removed~~`, `~` reworded).
fn md_text(t: &Strings, c: &TextChange<'_>) -> String {
    if c.lines.is_empty() {
        return md_words(&c.words);
    }
    let lines: Vec<String> = c
        .lines
        .iter()
        .filter_map(|l| match (l.change, l.old, l.new) {
            ("reworded", _, _) => Some(format!("~ {}", md_words(&l.words))),
            ("added", _, Some(n)) => Some(format!("+ **{}**", md(n))),
            ("removed", Some(o), _) => Some(format!("− ~~{}~~", md(o))),
            _ => None,
        })
        .collect();
    if lines.is_empty() {
        t.diff_lines_reordered.to_string()
    } else {
        lines.join("<br>")
    }
}

fn write_changes_md(
    t: &Strings,
    out: &mut dyn Write,
    heading: &str,
    c: &Changes<'_>,
) -> io::Result<()> {
    if c.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### {heading}\n")?;
    for r in &c.added {
        let item = fill(
            t.diff_md_added,
            &[("name", &md(r.name)), ("id", &code(r.id))],
        );
        writeln!(out, "- {item}")?;
    }
    for r in &c.removed {
        let item = fill(
            t.diff_md_removed,
            &[("name", &md(r.name)), ("id", &code(r.id))],
        );
        writeln!(out, "- {item}")?;
    }
    for r in &c.renamed {
        let item = fill(
            t.diff_md_renamed,
            &[
                ("id", &code(r.id)),
                ("old", &md(r.old)),
                ("new", &md(r.new)),
            ],
        );
        writeln!(out, "- {item}")?;
    }
    Ok(())
}

/// Markdown for a pull request comment: a heading, a list per kind of
/// change, a table of changed cells, and the affected reviews; labels in
/// the language of `t`.
pub fn write_markdown(t: &Strings, r: &DiffReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "## {}",
        fill(
            t.diff_md_heading,
            &[("old", &code(r.old)), ("new", &code(r.new))]
        )
    )?;
    if !r.changed {
        writeln!(out, "\n{}", t.diff_md_no_changes)?;
    }
    if let Some(title) = &r.title {
        let line = fill(
            t.diff_md_title,
            &[("old", &md(title.old)), ("new", &md(title.new))],
        );
        writeln!(out, "\n{line}")?;
    }
    write_changes_md(t, out, t.site_levels, &r.levels)?;
    write_changes_md(t, out, t.site_roles, &r.roles)?;
    write_changes_md(t, out, t.diff_domains, &r.domains)?;
    write_changes_md(t, out, t.site_skills, &r.skills)?;
    if !r.edited.is_empty() {
        writeln!(out, "\n### {}\n", t.diff_edited)?;
        for e in &r.edited {
            writeln!(
                out,
                "- {} ({}): {}",
                md(e.name),
                code(e.id),
                edited_what(t, e, code)
            )?;
        }
    }
    if !r.cells.is_empty() {
        writeln!(out, "\n### {}\n", t.diff_expectations)?;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            t.diff_col_skill,
            t.col_role,
            t.col_level,
            t.diff_col_change,
            t.col_necessity,
            t.diff_col_text
        )?;
        writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
        for c in &r.cells {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                md(c.skill.name),
                md(c.role.name),
                md(c.level.name),
                change_word(t, c.change),
                c.necessity
                    .as_ref()
                    .map(|n| necessity_arrow(t, n))
                    .unwrap_or_default(),
                c.text.as_ref().map(|x| md_text(t, x)).unwrap_or_default()
            )?;
        }
    }
    if let Some(reviews) = &r.reviews {
        let (affected, read) = (reviews.affected.len().to_string(), reviews.read.to_string());
        writeln!(
            out,
            "\n### {}\n\n{}\n",
            t.diff_md_reviews_heading,
            fill(
                t.diff_md_reviews,
                &[("affected", &affected), ("read", &read)]
            )
        )?;
        for a in &reviews.affected {
            let skills: Vec<String> = a.skills.iter().map(|s| code(s)).collect();
            writeln!(
                out,
                "- {} ({}, {} → {}): {}",
                code(&a.path),
                a.role,
                a.from,
                a.to,
                skills.join(", ")
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Date, load_str};
    use crate::i18n::EN;
    use crate::review::Assessment;

    const OLD: &str = r#"
levels = [{ id = "a", name = "A" }, { id = "b", name = "B" }]
roles = [{ id = "r", name = "R" }]
domains = [{ id = "d", name = "D" }]
[[skills]]
id = "s"
name = "S"
domain = "d"
expectations.r = { a = "Writes <b>tests</b>.", b = "Reviews | tests." }
"#;

    fn catalogs() -> (Catalog, Catalog) {
        let new = OLD
            .replace("Writes <b>tests</b>.", "Writes fast <b>tests</b>.")
            .replace(
                "{ id = \"b\", name = \"B\" }",
                "{ id = \"b\", name = \"Bee\" }",
            );
        (
            load_str("o.toml", OLD).unwrap().catalog,
            load_str("n.toml", &new).unwrap().catalog,
        )
    }

    #[test]
    fn text_and_markdown_show_the_word_diff() {
        let (old, new) = catalogs();
        let d = CatalogDiff::new(&old, &new);
        let r = build(&d, "old", "new");
        let mut text = Vec::new();
        write_text(&EN, &r, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert_eq!(
            text,
            "Levels\n  ~ b: B → Bee\nExpectations\n  s · R · A: changed\n    text: Writes {+fast+} <b>tests</b>.\n"
        );
        let mut md_out = Vec::new();
        write_markdown(&EN, &r, &mut md_out).unwrap();
        let md_out = String::from_utf8(md_out).unwrap();
        assert!(
            md_out.contains("| S | R | A | changed |  | Writes **fast** \\<b>tests\\</b>. |"),
            "{md_out}"
        );
        assert!(md_out.contains("- Renamed: `b`: B → Bee"), "{md_out}");
    }

    #[test]
    fn no_changes_says_so() {
        let (old, _) = catalogs();
        let d = CatalogDiff::new(&old, &old);
        let r = build(&d, "x", "x");
        assert!(!r.changed);
        let mut text = Vec::new();
        write_text(&EN, &r, &mut text).unwrap();
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "No changes between x and x.\n"
        );
    }

    #[test]
    fn reviews_of_a_changed_text_are_affected() {
        let (old, new) = catalogs();
        let date = Date {
            year: 2026,
            month: 1,
            day: 1,
        };
        let mut hit = Review::new("r", "a", "a", "c", date);
        hit.items.insert(
            "s".into(),
            Assessment {
                expectation: "Writes <b>tests</b>.".into(),
                ..Assessment::default()
            },
        );
        // Targets level b, whose text did not change.
        let mut miss = Review::new("r", "a", "b", "c", date);
        miss.items.insert(
            "s".into(),
            Assessment {
                note: "fine".into(),
                ..Assessment::default()
            },
        );
        let reviews = vec![
            ("hit.toml".to_string(), hit),
            ("miss.toml".to_string(), miss),
        ];
        let r = affected_reviews(&old, &new, &reviews, vec!["other.toml".into()]);
        assert_eq!(r.read, 2);
        assert_eq!(r.affected.len(), 1);
        assert_eq!(r.affected[0].path, "hit.toml");
        assert_eq!(r.affected[0].skills, ["s"]);
        assert_eq!(r.skipped, ["other.toml"]);
    }
}
