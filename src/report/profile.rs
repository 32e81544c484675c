//! One skill's profile (`rungs show`): its JSON shape, and its text and
//! Markdown renderings in the chosen language.
//!
//! The profile is built once as a [`Profile`] (which is also the JSON shape,
//! documented in `docs/json.md`) and then written by [`write_text`] or
//! [`write_markdown`]. Write errors (such as a closed pipe) are returned,
//! never panicked on.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Ref, SCHEMA, cell_lines, escape_cell};
use crate::catalog::{Behaviour, Catalog, Cell};
use crate::i18n::{Strings, fill};

/// The skill's counts over all roles (see [`Catalog::skill_counts`]).
pub type Counts = crate::catalog::SkillCounts;

/// What one role is expected to do with the skill at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expectation<'a> {
    pub role: Ref<'a>,
    /// `"required"`, `"optional"`, or `None` (JSON `null`) when not expected.
    pub necessity: Option<&'static str>,
    /// `None` (JSON `null`) when not expected. With behaviours: the intro,
    /// then one `- ` line per behaviour.
    pub text: Option<&'a str>,
    /// Each behaviour with the examples written under it (`[]` when none).
    pub behaviours: &'a [Behaviour],
    /// The cell's own examples of evidence.
    pub examples: &'a [String],
    /// The cell's proficiency, such as `"Foundational"`.
    pub proficiency: Option<&'a str>,
    /// The cell, for the text renderings.
    #[serde(skip)]
    pub cell: Option<&'a Cell>,
}

/// One level of the skill, with a row per role shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelRows<'a> {
    pub id: &'a str,
    /// The level's name in the reader's language.
    #[serde(skip)]
    pub name: &'a str,
    /// The name as written (JSON is the same in every language).
    #[serde(rename = "name")]
    pub written_name: &'a str,
    pub expectations: Vec<Expectation<'a>>,
}

/// A skill's profile: what `rungs show` prints, and the JSON it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile<'a> {
    pub schema: u32,
    pub id: &'a str,
    /// The skill's name in the reader's language.
    #[serde(skip)]
    pub name: &'a str,
    /// The name as written (JSON is the same in every language).
    #[serde(rename = "name")]
    pub written_name: &'a str,
    pub domain: Ref<'a>,
    /// `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// The summary in the reader's language.
    #[serde(skip)]
    pub summary: Option<&'a str>,
    /// The summary as written.
    #[serde(rename = "summary")]
    pub written_summary: Option<&'a str>,
    pub tags: &'a [String],
    /// Whether each level adds to the ones below (the skill's own
    /// `cumulative`, else the catalog's).
    pub cumulative: bool,
    /// The role the rows are limited to (`--role`), or `None` for all roles.
    pub role: Option<Ref<'a>>,
    pub counts: Counts,
    pub levels: Vec<LevelRows<'a>>,
}

/// Builds the profile of the skill at position `skill`, with rows for every
/// role or only for `role`. Every level is listed, in catalog order.
pub fn profile(catalog: &Catalog, skill: usize, role: Option<usize>) -> Option<Profile<'_>> {
    let s = catalog.skills.get(skill)?;
    let roles: Vec<usize> = match role {
        Some(r) if r < catalog.roles.len() => vec![r],
        Some(_) => return None,
        None => (0..catalog.roles.len()).collect(),
    };
    let c = catalog.skill_counts(s);
    let levels = catalog
        .levels
        .iter()
        .enumerate()
        .map(|(l, level)| LevelRows {
            id: &level.id,
            name: &level.name,
            written_name: level.written_name(),
            expectations: roles
                .iter()
                .map(|&r| {
                    let cell = s.cell(r, l);
                    Expectation {
                        role: Ref::from(&catalog.roles[r]),
                        necessity: cell.map(|c| c.necessity.as_str()),
                        text: cell.map(|c| &*c.text),
                        behaviours: cell.map_or(&[], |c| c.behaviours()),
                        examples: cell.map_or(&[], |c| c.examples()),
                        proficiency: cell.and_then(|c| c.proficiency()),
                        cell,
                    }
                })
                .collect(),
        })
        .collect();
    Some(Profile {
        schema: SCHEMA,
        id: &s.id,
        name: &s.name,
        written_name: s.written_name(),
        domain: Ref::from(catalog.domain_of(s)),
        updated: s.updated.map(|d| d.to_string()),
        summary: s.summary.as_deref(),
        written_summary: s.i18n.written_summary(s.summary.as_deref()),
        tags: &s.tags,
        cumulative: catalog.is_cumulative(s),
        role: role.map(|r| Ref::from(&catalog.roles[r])),
        counts: c,
        levels,
    })
}

/// "2 roles, 5 levels, 0 required, 10 optional", marked as covering all
/// roles when the rows are limited to one.
fn counts_phrase(t: &Strings, p: &Profile<'_>) -> String {
    let c = p.counts;
    let plural = |n: usize, one: &str, many: &str| {
        fill(if n == 1 { one } else { many }, &[("n", &n.to_string())])
    };
    let mut s = fill(
        t.profile_counts_text,
        &[
            (
                "roles",
                &plural(c.roles, t.profile_roles_one, t.profile_roles_many),
            ),
            (
                "levels",
                &plural(c.levels, t.profile_levels_one, t.profile_levels_many),
            ),
            ("required", &c.required.to_string()),
            ("optional", &c.optional.to_string()),
        ],
    );
    if p.role.is_some() {
        s.push_str(t.profile_all_roles);
    }
    s
}

/// A row's necessity in the table's words, with the proficiency beside it.
fn necessity_word(t: &Strings, e: &Expectation<'_>) -> String {
    let word = match e.necessity {
        Some("required") => t.necessity_required,
        Some("optional") => t.necessity_optional,
        Some(other) => other,
        None => t.necessity_none,
    };
    match e.proficiency {
        Some(p) => format!("{word} · {p}"),
        None => word.to_string(),
    }
}

/// Writes `text` after `indent`; lines after the first (from line breaks in
/// the catalog) get the same indent, so the structure stays readable.
fn write_indented(out: &mut dyn Write, indent: &str, text: &str) -> io::Result<()> {
    for line in text.split('\n') {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

/// Columns the text format's labels take ("Domain:   "), at least one
/// space more than the widest label of the language.
const LABEL_WIDTH: usize = 10;

/// `label` padded with spaces to the label column.
fn label(text: &str) -> String {
    let pad = LABEL_WIDTH.saturating_sub(text.width()).max(1);
    format!("{text}{}", " ".repeat(pad))
}

/// Writes the profile as plain text, with labels from `t`.
pub fn write_text(t: &Strings, p: &Profile<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})", p.name, p.id)?;
    let domain = label(t.profile_label_domain);
    writeln!(out, "{domain}{} ({})", p.domain.name, p.domain.id)?;
    if let Some(updated) = &p.updated {
        writeln!(out, "{}{updated}", label(t.profile_label_updated))?;
    }
    if let Some(summary) = p.summary {
        let head = label(t.profile_label_summary);
        let indent = " ".repeat(head.width());
        let mut lines = summary.split('\n');
        writeln!(out, "{head}{}", lines.next().unwrap_or_default())?;
        for line in lines {
            writeln!(out, "{indent}{line}")?;
        }
    }
    if !p.tags.is_empty() {
        writeln!(out, "{}{}", label(t.profile_label_tags), p.tags.join(", "))?;
    }
    let counts = counts_phrase(t, p);
    writeln!(out, "{}{counts}", label(t.profile_label_counts))?;
    if p.cumulative {
        let head = label(t.profile_label_cumulative);
        writeln!(out, "{head}{}", t.profile_cumulative_yes)?;
    }
    if let Some(role) = &p.role {
        let head = label(t.profile_label_role);
        writeln!(out, "{head}{} ({})", role.name, role.id)?;
    }
    for level in &p.levels {
        writeln!(out)?;
        writeln!(out, "{}", level.name)?;
        for e in &level.expectations {
            writeln!(out, "  {}: {}", e.role.name, necessity_word(t, e))?;
            if let Some(cell) = e.cell {
                write_indented(out, "    ", &cell_lines(t, cell).join("\n"))?;
            }
        }
    }
    Ok(())
}

/// Keeps a value on one line (for headings and the facts line).
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// Writes the profile as a Markdown section with one table per level, with
/// labels and column headings from `t`.
pub fn write_markdown(t: &Strings, p: &Profile<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {}", one_line(p.name))?;
    writeln!(out)?;
    let mut facts = vec![
        format!("**{}** `{}`", t.profile_label_id, p.id),
        format!("**{}** {}", t.profile_label_domain, one_line(p.domain.name)),
    ];
    if let Some(updated) = &p.updated {
        facts.push(format!("**{}** {updated}", t.profile_label_updated));
    }
    if !p.tags.is_empty() {
        let tags: Vec<String> = p.tags.iter().map(|t| format!("`{t}`")).collect();
        facts.push(format!("**{}** {}", t.profile_label_tags, tags.join(", ")));
    }
    facts.push(format!(
        "**{}** {}",
        t.profile_label_counts,
        counts_phrase(t, p)
    ));
    if p.cumulative {
        facts.push(format!(
            "**{}** {}",
            t.profile_label_cumulative, t.profile_cumulative_yes
        ));
    }
    if let Some(role) = &p.role {
        facts.push(format!(
            "**{}** {}",
            t.profile_label_role,
            one_line(role.name)
        ));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    if let Some(summary) = p.summary {
        writeln!(out)?;
        writeln!(out, "{summary}")?;
    }
    for level in &p.levels {
        writeln!(out)?;
        writeln!(out, "### {}", one_line(level.name))?;
        writeln!(out)?;
        writeln!(
            out,
            "| {} | {} | {} |",
            escape_cell(t.col_role),
            escape_cell(t.col_necessity),
            escape_cell(t.col_expectation)
        )?;
        writeln!(out, "| --- | --- | --- |")?;
        for e in &level.expectations {
            writeln!(
                out,
                "| {} | {} | {} |",
                escape_cell(e.role.name),
                necessity_word(t, e),
                escape_cell(
                    &e.cell
                        .map(|c| cell_lines(t, c).join("\n"))
                        .unwrap_or_default()
                )
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;
    use crate::i18n::{EN, ZH};

    fn embedded() -> Catalog {
        load_embedded().unwrap().catalog
    }

    fn rendered(
        write: fn(&Strings, &Profile<'_>, &mut dyn Write) -> io::Result<()>,
        t: &Strings,
        p: &Profile<'_>,
    ) -> String {
        let mut out = Vec::new();
        write(t, p, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn deep_learning_counts_and_rows() {
        let c = embedded();
        let i = c.find_skill("deep-learning").unwrap();
        let p = profile(&c, i, None).unwrap();
        assert_eq!(
            p.counts,
            Counts {
                roles: 2,
                levels: 5,
                required: 0,
                optional: 10
            }
        );
        assert_eq!(p.levels.len(), 5);
        let rows: Vec<&Expectation> = p.levels.iter().flat_map(|l| &l.expectations).collect();
        assert_eq!(rows.len(), 10);
        assert!(rows.iter().all(|e| e.necessity == Some("optional")));
        assert!(rows.iter().all(|e| e.text.is_some_and(|t| !t.is_empty())));
        assert_eq!(p.domain, Ref::new("ml-ai", "Machine Learning & AI"));
        assert_eq!(p.updated.as_deref(), Some("2026-02-22"));
        assert_eq!(p.tags, ["pytorch", "tensorflow", "neural-networks", "gpu"]);
    }

    #[test]
    fn json_uses_null_for_missing_values() {
        let c = embedded();
        // Find a skill some role does not have at some level.
        let (skill, role, level) = c
            .skills
            .iter()
            .enumerate()
            .find_map(|(i, s)| {
                (0..c.roles.len())
                    .flat_map(|r| (0..c.levels.len()).map(move |l| (r, l)))
                    .find(|&(r, l)| s.cell(r, l).is_none())
                    .map(|(r, l)| (i, r, l))
            })
            .expect("the embedded catalog has a gap somewhere");
        let p = profile(&c, skill, None).unwrap();
        let v = serde_json::to_value(&p).unwrap();
        let row = &v["levels"][level]["expectations"][role];
        assert!(row["necessity"].is_null(), "{row}");
        assert!(row["text"].is_null(), "{row}");
    }

    #[test]
    fn chinese_text_and_markdown_take_their_words_from_the_table() {
        let c = embedded();
        let i = c.find_skill("deep-learning").unwrap();
        let r = c.find_role("llm-engineer").unwrap();
        let p = profile(&c, i, Some(r)).unwrap();
        let text = rendered(write_text, &ZH, &p);
        assert!(
            text.starts_with("Deep Learning (deep-learning)\n领域：    Machine"),
            "{text}"
        );
        assert!(
            text.contains("\n统计：    2 个角色，5 个级别，必要 0，可选 10（所有角色）\n"),
            "{text}"
        );
        assert!(text.contains("\n  LLM Engineer: 可选\n"), "{text}");
        let md = rendered(write_markdown, &ZH, &p);
        assert!(
            md.contains("**标识：** `deep-learning` · **领域：** "),
            "{md}"
        );
        assert!(md.contains("| 角色 | 必要性 | 期望 |\n"), "{md}");
        for english in ["Domain:", "Counts:", ": optional", "| Necessity", " roles,"] {
            assert!(
                !text.contains(english) && !md.contains(english),
                "{english}"
            );
        }
        // English keeps today's words.
        let text = rendered(write_text, &EN, &p);
        assert!(
            text.contains("\nCounts:   2 roles, 5 levels, 0 required, 10 optional (all roles)\n"),
            "{text}"
        );
    }
}
