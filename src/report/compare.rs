//! Comparing roles at one level (`rungs compare`, and the explorer's `c`
//! screen): every skill in any of the roles' profiles with an expectation
//! at that level, side by side, skills that not every role has first. The
//! JSON shape is [`Comparison`]; text and Markdown renderings follow.

use std::io::{self, Write};

use serde::Serialize;

use super::{Ref, SCHEMA, escape_cell, escape_html};
use crate::catalog::{Catalog, Necessity};
use crate::i18n::{Strings, fill};

/// One role's expectation in a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side<'a> {
    pub role: Ref<'a>,
    /// `"required"`, `"optional"`, or `null` when not expected.
    pub necessity: Option<&'static str>,
    /// `null` when not expected.
    pub text: Option<&'a str>,
}

/// One skill, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row<'a> {
    pub skill: Ref<'a>,
    pub domain: Ref<'a>,
    /// Every compared role expects something at the level.
    pub shared: bool,
    /// One per compared role, in the order given.
    pub roles: Vec<Side<'a>>,
}

/// The JSON of `rungs compare`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison<'a> {
    pub schema: u32,
    pub level: Ref<'a>,
    pub roles: Vec<Ref<'a>>,
    /// Rows of skills not every role has first, then the shared ones; each
    /// group by domain (catalog order), then name.
    pub skills: Vec<Row<'a>>,
}

/// Compares `roles` (positions) at `level`.
pub fn compare<'a>(catalog: &'a Catalog, roles: &[usize], level: usize) -> Comparison<'a> {
    let mut rows: Vec<Row<'a>> = Vec::new();
    for i in super::listing::skills_in_order(catalog) {
        let skill = &catalog.skills[i];
        let cells: Vec<_> = roles.iter().map(|&r| skill.cell(r, level)).collect();
        if cells.iter().all(Option::is_none) {
            continue;
        }
        rows.push(Row {
            skill: Ref::skill(skill),
            domain: Ref::from(catalog.domain_of(skill)),
            shared: cells.iter().all(Option::is_some),
            roles: roles
                .iter()
                .zip(&cells)
                .map(|(&r, c)| Side {
                    role: Ref::from(&catalog.roles[r]),
                    necessity: c.map(|c| c.necessity.as_str()),
                    text: c.map(|c| &*c.text),
                })
                .collect(),
        });
    }
    // Stable: keeps the domain and name order within each group.
    rows.sort_by_key(|r| r.shared);
    Comparison {
        schema: SCHEMA,
        level: Ref::from(&catalog.levels[level]),
        roles: roles
            .iter()
            .map(|&r| Ref::from(&catalog.roles[r]))
            .collect(),
        skills: rows,
    }
}

/// The word of a side's necessity, in the interface language.
pub fn necessity_word(t: &Strings, side: &Side<'_>) -> &'static str {
    match side.necessity {
        Some(n) if n == Necessity::Required.as_str() => t.necessity_required,
        Some(_) => t.necessity_optional,
        None => t.necessity_none,
    }
}

/// Plain text: a heading, then per skill its name, id and domain, and per
/// role the necessity and the text (indented).
pub fn write_text(t: &Strings, c: &Comparison<'_>, out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<&str> = c.roles.iter().map(|r| r.name).collect();
    writeln!(
        out,
        "{}",
        fill(
            t.compare_heading,
            &[("roles", &names.join(" · ")), ("level", c.level.name)]
        )
    )?;
    let mut shared = None;
    for row in &c.skills {
        if shared != Some(row.shared) {
            shared = Some(row.shared);
            let heading = if row.shared {
                t.compare_shared
            } else {
                t.compare_not_shared
            };
            writeln!(out, "\n{heading}")?;
        }
        writeln!(
            out,
            "  {} ({}) · {}",
            row.skill.name, row.skill.id, row.domain.name
        )?;
        for side in &row.roles {
            let line = fill(
                t.compare_side,
                &[
                    ("role", side.role.name),
                    ("necessity", necessity_word(t, side)),
                ],
            );
            writeln!(out, "    {line}")?;
            if let Some(text) = side.text {
                for line in text.lines() {
                    writeln!(out, "      {line}")?;
                }
            }
        }
    }
    if c.skills.is_empty() {
        writeln!(
            out,
            "\n{}",
            fill(t.nothing_expected_at, &[("level", c.level.name)])
        )?;
    }
    Ok(())
}

/// Markdown: a heading and one table, a column per role.
pub fn write_markdown(t: &Strings, c: &Comparison<'_>, out: &mut dyn Write) -> io::Result<()> {
    let cell = |s: &str| escape_cell(&escape_html(s));
    let names: Vec<String> = c.roles.iter().map(|r| cell(r.name)).collect();
    writeln!(
        out,
        "## {}\n",
        fill(
            t.compare_heading,
            &[
                ("roles", &names.join(" · ")),
                ("level", &cell(c.level.name))
            ]
        )
    )?;
    writeln!(out, "| {} | {} |", t.site_skills, names.join(" | "))?;
    writeln!(out, "| --- |{}", " --- |".repeat(c.roles.len()))?;
    for row in &c.skills {
        let mut line = format!("| **{}** ({})", cell(row.skill.name), cell(row.domain.name));
        if !row.shared {
            line.push_str(&format!(" · {}", t.compare_not_shared));
        }
        line.push_str(" |");
        for side in &row.roles {
            match side.text {
                Some(text) => line.push_str(&format!(
                    " *{}*<br>{} |",
                    necessity_word(t, side),
                    cell(text)
                )),
                None => line.push_str(&format!(" {} |", necessity_word(t, side))),
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;
    use crate::i18n::EN;

    #[test]
    fn skills_only_one_role_has_come_first() {
        let c = load_embedded().unwrap().catalog;
        let ds = c.role_index("data-scientist").unwrap();
        let llm = c.role_index("llm-engineer").unwrap();
        let lead = c.level_index("lead").unwrap();
        let cmp = compare(&c, &[ds, llm], lead);
        let first_shared = cmp.skills.iter().position(|r| r.shared).unwrap();
        assert!(first_shared > 0, "some skills belong to one role only");
        assert!(cmp.skills[first_shared..].iter().all(|r| r.shared));
        assert!(
            cmp.skills[..first_shared]
                .iter()
                .all(|r| !r.shared && r.roles.iter().any(|s| s.text.is_none()))
        );
        // Every skill of either profile with a cell at the level is there.
        let expected = c
            .skills
            .iter()
            .filter(|s| s.cell(ds, lead).is_some() || s.cell(llm, lead).is_some())
            .count();
        assert_eq!(cmp.skills.len(), expected);
        let mut text = Vec::new();
        write_text(&EN, &cmp, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(
            text.starts_with("Data Scientist · LLM Engineer at Lead\n"),
            "{text}"
        );
        assert!(text.contains("not expected"), "{text}");
    }
}
