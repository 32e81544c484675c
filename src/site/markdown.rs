//! The site as Markdown, for wikis: the same pages as the HTML site, as
//! `.md` files linking to each other. Catalog text is escaped with the
//! report's Markdown helpers, so it renders as written and cannot open
//! HTML, headings or tables of its own.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::{
    JobItem, SiteFile, job, level_anchor, mark, role_level_path, role_path, skill_anchor,
    skill_path, skills_by_domain,
};
use crate::catalog::{Catalog, Cell, Necessity, Skill};
use crate::i18n::{Lang, Strings, fill};
use crate::report::{escape_cell, escape_html, escape_line, escape_text};

const EXT: &str = "md";

/// A catalog text inside a table cell.
fn cell(text: &str) -> String {
    escape_cell(&escape_html(text))
}

/// A single-line catalog text (a name) in running text or a heading.
fn inline(text: &str) -> String {
    escape_line(text)
}

fn necessity(t: &Strings, n: Necessity) -> String {
    let word = match n {
        Necessity::Required => t.necessity_required,
        Necessity::Optional => t.necessity_optional,
    };
    format!("{} {word}", mark(n))
}

/// An expectation as Markdown blocks: proficiency, text (the intro when
/// it has behaviours), behaviours as a list with their examples, and the
/// cell's own examples.
fn body(c: &Cell) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = &c.proficiency {
        parts.push(format!("*{}*", escape_line(p)));
    }
    let intro = c.intro();
    if !intro.trim().is_empty() {
        parts.push(escape_text(intro));
    }
    let mut list = String::new();
    for b in &c.behaviours {
        let _ = writeln!(list, "- {}", escape_line(&b.text));
        for e in &b.examples {
            let _ = writeln!(list, "  - e.g. {}", escape_line(e));
        }
    }
    for e in &c.examples {
        let _ = writeln!(list, "- e.g. {}", escape_line(e));
    }
    if !list.is_empty() {
        parts.push(list.trim_end().to_string());
    }
    parts.join("\n\n")
}

/// An expectation inside a table cell: the same, on one line.
fn table_body(c: &Cell) -> String {
    let mut s = String::new();
    if let Some(p) = &c.proficiency {
        let _ = write!(s, "*{}* ", cell(p));
    }
    s.push_str(&cell(c.intro()));
    for b in &c.behaviours {
        let _ = write!(s, "<br>• {}", cell(&b.text));
        for e in &b.examples {
            let _ = write!(s, "<br>  e.g. {}", cell(e));
        }
    }
    for e in &c.examples {
        let _ = write!(s, "<br>e.g. {}", cell(e));
    }
    s
}

/// The navigation line at the top of a page.
fn crumbs(t: &Strings, root: &str, rest: &[(String, String)]) -> String {
    let mut s = format!("[{}]({root}index.{EXT})", inline(t.site_home));
    for (href, label) in rest {
        let _ = write!(s, " › [{label}]({href})");
    }
    s.push_str("\n\n");
    s
}

fn footer(catalog: &Catalog, t: &Strings) -> String {
    format!(
        "\n---\n\n{}\n",
        fill(
            t.site_generated,
            &[("title", &inline(catalog.display_title()))]
        )
    )
}

pub(super) fn site(catalog: &Catalog, lang: Lang) -> Vec<SiteFile> {
    let t = lang.strings();
    let mut files = vec![SiteFile {
        path: PathBuf::from("index.md"),
        contents: index(catalog, t),
    }];
    for skill in &catalog.skills {
        files.push(SiteFile {
            path: PathBuf::from(skill_path(&skill.id, EXT)),
            contents: skill_page(catalog, t, skill),
        });
    }
    for (r, role) in catalog.roles.iter().enumerate() {
        files.push(SiteFile {
            path: PathBuf::from(role_path(&role.id, EXT)),
            contents: role_page(catalog, t, r),
        });
        for (l, level) in catalog.levels.iter().enumerate() {
            files.push(SiteFile {
                path: PathBuf::from(role_level_path(&role.id, &level.id, EXT)),
                contents: role_level_page(catalog, t, r, l),
            });
        }
    }
    files
}

fn index(catalog: &Catalog, t: &Strings) -> String {
    let mut b = format!(
        "# {}\n\n## {}\n\n",
        inline(catalog.display_title()),
        t.site_levels
    );
    for (i, level) in catalog.levels.iter().enumerate() {
        let _ = write!(b, "{}\\. **{}**", i + 1, inline(&level.name));
        if let Some(summary) = &level.summary {
            let _ = write!(b, " — {}", inline(summary));
        }
        b.push_str("  \n");
    }
    let _ = write!(b, "\n## {}\n", t.site_roles);
    for (r, role) in catalog.roles.iter().enumerate() {
        let n = catalog.profile(r).len().to_string();
        let _ = write!(
            b,
            "\n### [{}]({})\n\n{}\n\n",
            inline(&role.name),
            role_path(&role.id, EXT),
            fill(t.site_skill_count, &[("n", &n)])
        );
        if let Some(summary) = &role.summary {
            let _ = write!(b, "{}\n\n", escape_text(summary));
        }
        let links: Vec<String> = catalog
            .levels
            .iter()
            .map(|l| {
                format!(
                    "[{}]({})",
                    inline(&l.name),
                    role_level_path(&role.id, &l.id, EXT)
                )
            })
            .collect();
        let _ = writeln!(b, "{} {}", t.site_job_descriptions, links.join(" · "));
    }
    let _ = write!(b, "\n## {}\n", t.site_domains);
    for (d, skills) in skills_by_domain(catalog).iter().enumerate() {
        if skills.is_empty() {
            continue;
        }
        let _ = write!(b, "\n### {}\n\n", inline(&catalog.domains[d].name));
        for &i in skills {
            let s = &catalog.skills[i];
            let _ = writeln!(b, "- [{}]({})", inline(&s.name), skill_path(&s.id, EXT));
        }
    }
    b.push_str(&footer(catalog, t));
    b
}

fn skill_page(catalog: &Catalog, t: &Strings, skill: &Skill) -> String {
    let c = catalog.skill_counts(skill);
    let mut b = crumbs(t, "../", &[]);
    let _ = write!(
        b,
        "# {}\n\n{}",
        inline(&skill.name),
        inline(&catalog.domain_of(skill).name)
    );
    if let Some(date) = skill.updated {
        let _ = write!(b, " · {}", fill(t.updated, &[("date", &date.to_string())]));
    }
    let _ = write!(
        b,
        "  \n{}\n\n",
        fill(
            t.skill_counts,
            &[
                ("roles", &c.roles.to_string()),
                ("levels", &c.levels.to_string()),
                ("required", &c.required.to_string()),
                ("optional", &c.optional.to_string()),
            ]
        )
    );
    if let Some(summary) = &skill.summary {
        let _ = write!(b, "{}\n\n", escape_text(summary));
    }
    if !skill.tags.is_empty() {
        let tags: Vec<String> = skill.tags.iter().map(|g| inline(g)).collect();
        let _ = write!(b, "{}: {}\n\n", t.site_tags, tags.join(", "));
    }
    for (l, level) in catalog.levels.iter().enumerate() {
        let _ = write!(
            b,
            "<a id=\"{}\"></a>\n\n## {}\n\n",
            level_anchor(&level.id),
            inline(&level.name)
        );
        let rows: Vec<(usize, &Cell)> = (0..catalog.roles.len())
            .filter_map(|r| skill.cell(r, l).map(|c| (r, c)))
            .collect();
        if rows.is_empty() {
            let _ = write!(
                b,
                "{}\n\n",
                fill(t.nothing_expected_at, &[("level", &inline(&level.name))])
            );
            continue;
        }
        let _ = writeln!(
            b,
            "| {} | {} | {} |\n| --- | --- | --- |",
            t.col_role, t.col_necessity, t.col_description
        );
        for (r, c) in rows {
            let role = &catalog.roles[r];
            let _ = writeln!(
                b,
                "| [{}](../{}#{}) | {} | {} |",
                cell(&role.name),
                role_level_path(&role.id, &level.id, EXT),
                skill_anchor(&skill.id),
                necessity(t, c.necessity),
                table_body(c)
            );
        }
        b.push('\n');
    }
    b.push_str(&footer(catalog, t));
    b
}

fn role_page(catalog: &Catalog, t: &Strings, role: usize) -> String {
    let r = &catalog.roles[role];
    let mut b = crumbs(t, "../", &[]);
    let _ = write!(
        b,
        "# {}\n\n",
        fill(t.site_matrix_title, &[("role", &inline(&r.name))])
    );
    if let Some(summary) = &r.summary {
        let _ = write!(b, "{}\n\n", escape_text(summary));
    }
    let _ = write!(b, "{}\n\n|  |", t.site_matrix_legend);
    for level in &catalog.levels {
        let _ = write!(b, " [{}]({}/{}.{EXT}) |", cell(&level.name), r.id, level.id);
    }
    b.push_str("\n| --- |");
    for _ in &catalog.levels {
        b.push_str(" :-: |");
    }
    b.push('\n');
    let mut domain = None;
    for &i in catalog.profile(role) {
        let skill = &catalog.skills[i];
        if domain != Some(skill.domain) {
            domain = Some(skill.domain);
            let _ = write!(b, "| **{}** |", cell(&catalog.domain_of(skill).name));
            for _ in &catalog.levels {
                b.push_str("  |");
            }
            b.push('\n');
        }
        let _ = write!(
            b,
            "| [{}](../{}) |",
            cell(&skill.name),
            skill_path(&skill.id, EXT)
        );
        for (l, level) in catalog.levels.iter().enumerate() {
            match skill.cell(role, l) {
                Some(c) => {
                    let _ = write!(
                        b,
                        " [{}]({}/{}.{EXT}#{}) |",
                        mark(c.necessity),
                        r.id,
                        level.id,
                        skill_anchor(&skill.id)
                    );
                }
                None => b.push_str("  |"),
            }
        }
        b.push('\n');
    }
    b.push_str(&footer(catalog, t));
    b
}

fn role_level_page(catalog: &Catalog, t: &Strings, role: usize, level: usize) -> String {
    let r = &catalog.roles[role];
    let lv = &catalog.levels[level];
    let mut b = crumbs(
        t,
        "../../",
        &[(format!("../{}.{EXT}", r.id), inline(&r.name))],
    );
    let _ = write!(
        b,
        "# {}\n\n",
        fill(
            t.role_at_level,
            &[("role", &inline(&r.name)), ("level", &inline(&lv.name))]
        )
    );
    if let Some(summary) = &lv.summary {
        let _ = write!(b, "{}\n\n", escape_text(summary));
    }
    let (required, optional) = catalog.role_level_counts(role, level);
    let _ = write!(
        b,
        "{} {}\n\n",
        fill(
            t.site_job_intro,
            &[("role", &inline(&r.name)), ("level", &inline(&lv.name))]
        ),
        fill(
            t.site_level_counts,
            &[
                ("required", &required.to_string()),
                ("optional", &optional.to_string())
            ]
        )
    );
    let [req, opt] = job(catalog, role, level);
    if req.is_empty() && opt.is_empty() {
        let _ = write!(
            b,
            "{}\n\n",
            fill(t.nothing_expected_at, &[("level", &inline(&lv.name))])
        );
    }
    for (heading, groups) in [(t.site_required, &req), (t.site_optional, &opt)] {
        if groups.is_empty() {
            continue;
        }
        let _ = write!(b, "## {heading}\n\n");
        for (d, items) in groups {
            let _ = write!(b, "### {}\n\n", inline(&catalog.domains[*d].name));
            for item in items {
                job_item(&mut b, catalog, t, item);
            }
        }
    }
    b.push_str(&footer(catalog, t));
    b
}

fn job_item(b: &mut String, catalog: &Catalog, t: &Strings, item: &JobItem<'_>) {
    let skill = &catalog.skills[item.skill];
    let _ = write!(
        b,
        "<a id=\"{}\"></a>\n\n#### [{}](../../{}) · {}\n\n{}\n\n",
        skill_anchor(&skill.id),
        inline(&skill.name),
        skill_path(&skill.id, EXT),
        necessity(t, item.cell.necessity),
        body(item.cell)
    );
    if let Some(next) = &item.next {
        let next_name = inline(&catalog.levels[next.level].name);
        let _ = write!(b, "**{}**\n\n", fill(t.to_reach, &[("level", &next_name)]));
        match next.cell {
            _ if next.same_as(item.cell) => {
                let _ = write!(b, "{}\n\n", fill(t.site_same_at, &[("level", &next_name)]));
            }
            None => {
                let _ = write!(
                    b,
                    "{}\n\n",
                    fill(t.nothing_expected_at, &[("level", &next_name)])
                );
            }
            Some(c) => {
                if c.necessity == Necessity::Required && item.cell.necessity == Necessity::Optional
                {
                    let _ = write!(
                        b,
                        "{}\n\n",
                        fill(t.becomes_required_at, &[("level", &next_name)])
                    );
                }
                let quoted: Vec<String> = body(c).lines().map(|l| format!("> {l}")).collect();
                let _ = write!(b, "{}\n\n", quoted.join("\n"));
            }
        }
    }
}
