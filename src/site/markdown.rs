//! The site as Markdown, for wikis: the same pages as the HTML site, as
//! `.md` files linking to each other. Catalog text is escaped with the
//! report's Markdown helpers, so it renders as written and cannot open
//! HTML, headings or tables of its own.

use std::fmt::Write as _;

use super::{
    IndexPage, JobItem, JobPage, Render, RolePage, SiteFile, SkillPage, level_counts_text, mark,
};
use crate::catalog::{Catalog, Cell, Necessity};
use crate::i18n::{Lang, Strings, fill};
use crate::report::{escape_cell, escape_html, escape_line, escape_text};

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
    if let Some(p) = c.proficiency() {
        parts.push(format!("*{}*", escape_line(p)));
    }
    let intro = c.intro();
    if !intro.trim().is_empty() {
        parts.push(escape_text(intro));
    }
    let mut list = String::new();
    for b in c.behaviours() {
        let _ = writeln!(list, "- {}", escape_line(&b.text));
        for e in &b.examples {
            let _ = writeln!(list, "  - e.g. {}", escape_line(e));
        }
    }
    for e in c.examples() {
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
    if let Some(p) = c.proficiency() {
        let _ = write!(s, "*{}* ", cell(p));
    }
    s.push_str(&cell(c.intro()));
    for b in c.behaviours() {
        let _ = write!(s, "<br>• {}", cell(&b.text));
        for e in &b.examples {
            let _ = write!(s, "<br>  e.g. {}", cell(e));
        }
    }
    for e in c.examples() {
        let _ = write!(s, "<br>e.g. {}", cell(e));
    }
    s
}

/// The Markdown renderer: the interface language and the catalog's title
/// (in every page's footer).
pub(super) struct Markdown {
    t: &'static Strings,
    footer: String,
}

impl Markdown {
    pub(super) fn new(catalog: &Catalog, lang: Lang) -> Self {
        let t = lang.strings();
        Markdown {
            t,
            footer: format!(
                "\n---\n\n{}\n",
                fill(
                    t.site_generated,
                    &[("title", &inline(catalog.display_title()))]
                )
            ),
        }
    }

    /// The navigation line at the top of a page.
    fn crumbs(&self, root: &str, rest: &[(&str, String)]) -> String {
        let mut s = format!("[{}]({root}index.{})", inline(self.t.site_home), Self::EXT);
        for (href, label) in rest {
            let _ = write!(s, " › [{label}]({href})");
        }
        s.push_str("\n\n");
        s
    }

    fn job_item(&self, b: &mut String, item: &JobItem<'_>) {
        let t = self.t;
        let _ = write!(
            b,
            "<a id=\"{}\"></a>\n\n#### [{}]({}) · {}\n\n{}\n\n",
            item.anchor,
            inline(item.skill.label),
            item.skill.href,
            necessity(t, item.cell.necessity),
            body(item.cell)
        );
        if let Some(next) = &item.next {
            let next_name = inline(next.level);
            let _ = write!(b, "**{}**\n\n", fill(t.to_reach, &[("level", &next_name)]));
            if let Some(note) = next.note(t) {
                let _ = write!(b, "{}\n\n", fill(note, &[("level", &next_name)]));
            }
            if let Some(cell) = next.cell() {
                let quoted: Vec<String> = body(cell).lines().map(|l| format!("> {l}")).collect();
                let _ = write!(b, "{}\n\n", quoted.join("\n"));
            }
        }
    }
}

impl Render for Markdown {
    const EXT: &'static str = "md";

    fn assets(&self) -> Vec<SiteFile> {
        Vec::new()
    }

    fn index(&self, p: &IndexPage<'_>) -> String {
        let t = self.t;
        let mut b = format!("# {}\n\n## {}\n\n", inline(p.title), t.site_levels);
        for (i, level) in p.levels.iter().enumerate() {
            let _ = write!(b, "{}\\. **{}**", i + 1, inline(&level.name));
            if let Some(summary) = &level.summary {
                let _ = write!(b, " — {}", inline(summary));
            }
            b.push_str("  \n");
        }
        let _ = write!(b, "\n## {}\n", t.site_roles);
        for entry in &p.roles {
            let _ = write!(
                b,
                "\n### [{}]({})\n\n{}\n\n",
                inline(&entry.role.name),
                entry.href,
                fill(t.site_skill_count, &[("n", &entry.skills.to_string())])
            );
            if let Some(summary) = &entry.role.summary {
                let _ = write!(b, "{}\n\n", escape_text(summary));
            }
            let links: Vec<String> = entry
                .levels
                .iter()
                .map(|l| format!("[{}]({})", inline(l.label), l.href))
                .collect();
            let _ = writeln!(b, "{} {}", t.site_job_descriptions, links.join(" · "));
        }
        let _ = write!(b, "\n## {}\n", t.site_domains);
        for entry in &p.domains {
            let _ = write!(b, "\n### {}\n\n", inline(&entry.domain.name));
            for link in &entry.skills {
                let _ = writeln!(b, "- [{}]({})", inline(link.label), link.href);
            }
        }
        b.push_str(&self.footer);
        b
    }

    fn skill(&self, p: &SkillPage<'_>) -> String {
        let t = self.t;
        let (skill, c) = (p.skill, &p.counts);
        let mut b = self.crumbs("../", &[]);
        let _ = write!(b, "# {}\n\n{}", inline(&skill.name), inline(&p.domain.name));
        if let Some(date) = skill.updated {
            let _ = write!(b, " · {}", fill(t.updated, &[("date", &date.to_string())]));
        }
        let _ = write!(b, "  \n{}\n\n", t.skill_counts_text(c));
        if let Some(summary) = &skill.summary {
            let _ = write!(b, "{}\n\n", escape_text(summary));
        }
        if !skill.tags.is_empty() {
            let tags: Vec<String> = skill.tags.iter().map(|g| inline(g)).collect();
            let _ = write!(b, "{}: {}\n\n", t.site_tags, tags.join(", "));
        }
        for level in &p.levels {
            let _ = write!(
                b,
                "<a id=\"{}\"></a>\n\n## {}\n\n",
                level.anchor,
                inline(&level.level.name)
            );
            if level.rows.is_empty() {
                let _ = write!(
                    b,
                    "{}\n\n",
                    fill(
                        t.nothing_expected_at,
                        &[("level", &inline(&level.level.name))]
                    )
                );
                continue;
            }
            let _ = writeln!(
                b,
                "| {} | {} | {} |\n| --- | --- | --- |",
                t.col_role, t.col_necessity, t.col_description
            );
            for (role, c) in &level.rows {
                let _ = writeln!(
                    b,
                    "| [{}]({}) | {} | {} |",
                    cell(role.label),
                    role.href,
                    necessity(t, c.necessity),
                    table_body(c)
                );
            }
            b.push('\n');
        }
        b.push_str(&self.footer);
        b
    }

    fn role(&self, p: &RolePage<'_>) -> String {
        let t = self.t;
        let r = p.role;
        let mut b = self.crumbs("../", &[]);
        let _ = write!(
            b,
            "# {}\n\n",
            fill(t.site_matrix_title, &[("role", &inline(&r.name))])
        );
        if let Some(summary) = &r.summary {
            let _ = write!(b, "{}\n\n", escape_text(summary));
        }
        let _ = write!(b, "{}\n\n|  |", t.site_matrix_legend);
        for level in &p.levels {
            let _ = write!(b, " [{}]({}) |", cell(level.label), level.href);
        }
        b.push_str("\n| --- |");
        for _ in &p.levels {
            b.push_str(" :-: |");
        }
        b.push('\n');
        for group in &p.groups {
            let _ = write!(b, "| **{}** |", cell(&group.domain.name));
            for _ in &p.levels {
                b.push_str("  |");
            }
            b.push('\n');
            for row in &group.rows {
                let _ = write!(b, "| [{}]({}) |", cell(row.skill.label), row.skill.href);
                for c in &row.cells {
                    match c {
                        Some((n, href)) => {
                            let _ = write!(b, " [{}]({href}) |", mark(*n));
                        }
                        None => b.push_str("  |"),
                    }
                }
                b.push('\n');
            }
        }
        b.push_str(&self.footer);
        b
    }

    fn job(&self, p: &JobPage<'_>) -> String {
        let t = self.t;
        let (r, lv) = (p.role, p.level);
        let mut b = self.crumbs("../../", &[(&p.role_href, inline(&r.name))]);
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
        let _ = write!(
            b,
            "{} {}\n\n",
            fill(
                t.site_job_intro,
                &[("role", &inline(&r.name)), ("level", &inline(&lv.name))]
            ),
            level_counts_text(t, p.counts)
        );
        if p.sections.is_empty() {
            let _ = write!(
                b,
                "{}\n\n",
                fill(t.nothing_expected_at, &[("level", &inline(&lv.name))])
            );
        }
        for section in &p.sections {
            let heading = match section.necessity {
                Necessity::Required => t.site_required,
                Necessity::Optional => t.site_optional,
            };
            let _ = write!(b, "## {heading}\n\n");
            for (domain, items) in &section.groups {
                let _ = write!(b, "### {}\n\n", inline(&domain.name));
                for item in items {
                    self.job_item(&mut b, item);
                }
            }
        }
        b.push_str(&self.footer);
        b
    }
}
