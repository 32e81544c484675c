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
use crate::report::{escape_cell_into, escape_line, escape_line_into, escape_text_into};

/// A catalog text inside a table cell.
fn cell(out: &mut String, text: &str) {
    escape_cell_into(out, text, true);
}

/// A single-line catalog text (a name) in running text or a heading.
fn inline(text: &str) -> String {
    escape_line(text)
}

/// A single-line catalog text, appended to `out`.
fn inline_into(out: &mut String, text: &str) {
    escape_line_into(out, text);
}

/// A paragraph of catalog text, then a blank line.
fn paragraph(out: &mut String, text: &str) {
    escape_text_into(out, text);
    out.push_str("\n\n");
}

fn necessity(t: &Strings, n: Necessity) -> String {
    let word = match n {
        Necessity::Required => t.necessity_required,
        Necessity::Optional => t.necessity_optional,
    };
    format!("{} {word}", mark(n))
}

/// An expectation as Markdown blocks, separated by blank lines:
/// proficiency, text (the intro when it has behaviours), behaviours as a
/// list with their examples, and the cell's own examples.
fn body(out: &mut String, c: &Cell) {
    let start = out.len();
    // A blank line before every block but the first.
    let separate = |out: &mut String| {
        if out.len() > start {
            out.push_str("\n\n");
        }
    };
    if let Some(p) = c.proficiency() {
        out.push('*');
        escape_line_into(out, p);
        out.push('*');
    }
    let intro = c.intro();
    if !intro.trim().is_empty() {
        separate(out);
        escape_text_into(out, intro);
    }
    if !c.behaviours().is_empty() || !c.examples().is_empty() {
        separate(out);
        let list = out.len();
        for b in c.behaviours() {
            out.push_str("- ");
            escape_line_into(out, &b.text);
            out.push('\n');
            for e in &b.examples {
                out.push_str("  - e.g. ");
                escape_line_into(out, e);
                out.push('\n');
            }
        }
        for e in c.examples() {
            out.push_str("- e.g. ");
            escape_line_into(out, e);
            out.push('\n');
        }
        // The list ends without trailing white space.
        let kept = out[list..].trim_end().len();
        out.truncate(list + kept);
    }
}

/// An expectation inside a table cell: the same, on one line.
fn table_body(s: &mut String, c: &Cell) {
    if let Some(p) = c.proficiency() {
        s.push('*');
        cell(s, p);
        s.push_str("* ");
    }
    cell(s, c.intro());
    for b in c.behaviours() {
        s.push_str("<br>• ");
        cell(s, &b.text);
        for e in &b.examples {
            s.push_str("<br>  e.g. ");
            cell(s, e);
        }
    }
    for e in c.examples() {
        s.push_str("<br>e.g. ");
        cell(s, e);
    }
}

/// The Markdown renderer: the interface language and what every page
/// repeats (the footer with the catalog's title, the necessity labels).
pub(super) struct Markdown {
    t: &'static Strings,
    footer: String,
    required: String,
    optional: String,
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
            required: necessity(t, Necessity::Required),
            optional: necessity(t, Necessity::Optional),
        }
    }

    fn necessity(&self, n: Necessity) -> &str {
        match n {
            Necessity::Required => &self.required,
            Necessity::Optional => &self.optional,
        }
    }

    /// The navigation line at the top of a page (`rest`'s labels are
    /// already escaped).
    fn crumbs(&self, out: &mut String, root: &str, rest: &[(&str, String)]) {
        let _ = write!(
            out,
            "[{}]({root}index.{})",
            inline(self.t.site_home),
            Self::EXT
        );
        for (href, label) in rest {
            let _ = write!(out, " › [{label}]({href})");
        }
        out.push_str("\n\n");
    }

    /// `scratch` holds the next level's text while it is quoted.
    fn job_item(&self, b: &mut String, item: &JobItem<'_>, scratch: &mut String) {
        let t = self.t;
        b.push_str("<a id=\"");
        b.push_str(&item.anchor);
        b.push_str("\"></a>\n\n#### [");
        inline_into(b, item.skill.label);
        b.push_str("](");
        b.push_str(&item.skill.href);
        b.push_str(") · ");
        b.push_str(self.necessity(item.cell.necessity));
        b.push_str("\n\n");
        body(b, item.cell);
        b.push_str("\n\n");
        if let Some(next) = &item.next {
            let next_name = inline(next.level);
            let _ = write!(b, "**{}**\n\n", fill(t.to_reach, &[("level", &next_name)]));
            if let Some(note) = next.note(t) {
                let _ = write!(b, "{}\n\n", fill(note, &[("level", &next_name)]));
            }
            if let Some(cell) = next.cell() {
                scratch.clear();
                body(scratch, cell);
                for (i, line) in scratch.lines().enumerate() {
                    if i > 0 {
                        b.push('\n');
                    }
                    b.push_str("> ");
                    b.push_str(line);
                }
                b.push_str("\n\n");
            }
        }
    }
}

impl Render for Markdown {
    const EXT: &'static str = "md";

    fn assets(&self) -> Vec<SiteFile> {
        Vec::new()
    }

    fn index(&self, b: &mut String, p: &IndexPage<'_>) {
        let t = self.t;
        let _ = write!(b, "# {}\n\n## {}\n\n", inline(p.title), t.site_levels);
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
                paragraph(b, summary);
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
                b.push_str("- [");
                inline_into(b, link.label);
                b.push_str("](");
                b.push_str(&link.href);
                b.push_str(")\n");
            }
        }
        b.push_str(&self.footer);
    }

    fn skill(&self, b: &mut String, p: &SkillPage<'_>) {
        let t = self.t;
        let (skill, c) = (p.skill, &p.counts);
        self.crumbs(b, "../", &[]);
        b.push_str("# ");
        inline_into(b, &skill.name);
        b.push_str("\n\n");
        inline_into(b, &p.domain.name);
        if let Some(date) = skill.updated {
            let _ = write!(b, " · {}", fill(t.updated, &[("date", &date.to_string())]));
        }
        let _ = write!(b, "  \n{}\n\n", t.skill_counts_text(c));
        if let Some(summary) = &skill.summary {
            paragraph(b, summary);
        }
        if !skill.tags.is_empty() {
            b.push_str(t.site_tags);
            b.push_str(": ");
            for (i, tag) in skill.tags.iter().enumerate() {
                if i > 0 {
                    b.push_str(", ");
                }
                inline_into(b, tag);
            }
            b.push_str("\n\n");
        }
        for level in &p.levels {
            b.push_str("<a id=\"");
            b.push_str(&level.anchor);
            b.push_str("\"></a>\n\n## ");
            inline_into(b, &level.level.name);
            b.push_str("\n\n");
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
                b.push_str("| [");
                cell(b, role.label);
                b.push_str("](");
                b.push_str(&role.href);
                b.push_str(") | ");
                b.push_str(self.necessity(c.necessity));
                b.push_str(" | ");
                table_body(b, c);
                b.push_str(" |\n");
            }
            b.push('\n');
        }
        b.push_str(&self.footer);
    }

    fn role(&self, b: &mut String, p: &RolePage<'_>) {
        let t = self.t;
        let r = p.role;
        self.crumbs(b, "../", &[]);
        let _ = write!(
            b,
            "# {}\n\n",
            fill(t.site_matrix_title, &[("role", &inline(&r.name))])
        );
        if let Some(summary) = &r.summary {
            paragraph(b, summary);
        }
        let _ = write!(b, "{}\n\n|  |", t.site_matrix_legend);
        for level in &p.levels {
            b.push_str(" [");
            cell(b, level.label);
            let _ = write!(b, "]({}) |", level.href);
        }
        b.push_str("\n| --- |");
        for _ in &p.levels {
            b.push_str(" :-: |");
        }
        b.push('\n');
        for group in &p.groups {
            b.push_str("| **");
            cell(b, &group.domain.name);
            b.push_str("** |");
            for _ in &p.levels {
                b.push_str("  |");
            }
            b.push('\n');
            for row in &group.rows {
                b.push_str("| [");
                cell(b, row.skill.label);
                b.push_str("](");
                b.push_str(&row.skill.href);
                b.push_str(") |");
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
    }

    fn job(&self, b: &mut String, p: &JobPage<'_>) {
        let t = self.t;
        let (r, lv) = (p.role, p.level);
        self.crumbs(b, "../../", &[(&p.role_href, inline(&r.name))]);
        let _ = write!(
            b,
            "# {}\n\n",
            fill(
                t.role_at_level,
                &[("role", &inline(&r.name)), ("level", &inline(&lv.name))]
            )
        );
        if let Some(summary) = &lv.summary {
            paragraph(b, summary);
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
        let mut scratch = String::new();
        for section in &p.sections {
            let heading = match section.necessity {
                Necessity::Required => t.site_required,
                Necessity::Optional => t.site_optional,
            };
            let _ = write!(b, "## {heading}\n\n");
            for (domain, items) in &section.groups {
                b.push_str("### ");
                inline_into(b, &domain.name);
                b.push_str("\n\n");
                for item in items {
                    self.job_item(b, item, &mut scratch);
                }
            }
        }
        b.push_str(&self.footer);
    }
}
