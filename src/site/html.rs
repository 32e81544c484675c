//! The site as HTML: one page per file, one stylesheet, no JavaScript.
//!
//! Every text taken from the catalog goes through [`esc`], which escapes
//! the five HTML specials and replaces control and bidirectional-override
//! characters, so a catalog cannot inject markup or reorder what a reader
//! sees. Names are also wrapped in `<bdi>` where they sit inside interface
//! sentences, so right-to-left names do not reorder the words around them.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::{
    IndexPage, JobItem, JobPage, Link, Render, RolePage, SiteFile, SkillPage, level_counts_text,
    mark,
};
use crate::catalog::{Catalog, Cell, Necessity, is_forbidden};
use crate::i18n::{Lang, Strings, fill};

const STYLE: &str = include_str!("style.css");

/// Escapes text for HTML content and attribute values (quoted with `"`):
/// `& < > " '` become entities; control, bidirectional-override and other
/// forbidden characters (see [`is_forbidden`]) become U+FFFD, except line
/// breaks and tabs, which the stylesheet shows as such.
pub(crate) fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + text.len() / 8);
    esc_into(&mut s, text);
    s
}

/// [`esc`], appending to `out`: runs of plain text are copied whole, so
/// the large pages of a big catalog are not built a character at a time.
fn esc_into(out: &mut String, text: &str) {
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\n' | '\t' => continue,
            c if is_forbidden(c) => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        plain = i + c.len_utf8();
    }
    out.push_str(&text[plain..]);
}

/// A catalog name inside an interface sentence: escaped and isolated.
fn name(text: &str) -> String {
    format!("<bdi>{}</bdi>", esc(text))
}

/// A link to another page, its catalog name escaped.
fn a(link: &Link<'_>) -> String {
    format!("<a href=\"{}\">{}</a>", link.href, esc(link.label))
}

/// `fill` with catalog values already escaped (the template is ours).
fn fill_html(template: &str, args: &[(&str, &str)]) -> String {
    fill(&esc(template), args)
}

/// A necessity as mark and word, e.g. `● required`, in a span whose class
/// the stylesheet may colour (the mark and word carry the meaning).
fn necessity(t: &Strings, n: Necessity) -> String {
    let (class, word) = match n {
        Necessity::Required => ("req", t.necessity_required),
        Necessity::Optional => ("opt", t.necessity_optional),
    };
    format!(
        "<span class=\"nec {class}\"><span aria-hidden=\"true\">{}</span> {}</span>",
        mark(n),
        esc(word)
    )
}

/// The body of an expectation cell: its proficiency, its text (the intro
/// when it has behaviours), its behaviours with their examples, and the
/// cell's own examples.
fn cell_body(cell: &Cell) -> String {
    let mut s = String::with_capacity(cell.text.len() + 64);
    if let Some(p) = cell.proficiency() {
        s.push_str("<p class=\"prof\">");
        esc_into(&mut s, p);
        s.push_str("</p>");
    }
    let intro = cell.intro();
    if !intro.trim().is_empty() {
        s.push_str("<div class=\"text\">");
        esc_into(&mut s, intro);
        s.push_str("</div>");
    }
    if !cell.behaviours().is_empty() {
        s.push_str("<ul class=\"behaviours\">");
        for b in cell.behaviours() {
            s.push_str("<li>");
            esc_into(&mut s, &b.text);
            examples(&mut s, &b.examples);
            s.push_str("</li>");
        }
        s.push_str("</ul>");
    }
    examples(&mut s, cell.examples());
    s
}

/// Examples of evidence, as a list marked "e.g." (legible without colour).
fn examples(s: &mut String, examples: &[String]) {
    if examples.is_empty() {
        return;
    }
    s.push_str("<ul class=\"examples\">");
    for e in examples {
        s.push_str("<li><span class=\"eg\">e.g.</span> ");
        esc_into(s, e);
        s.push_str("</li>");
    }
    s.push_str("</ul>");
}

/// The HTML renderer: the catalog's title and the interface language go on
/// every page.
pub(super) struct Html<'a> {
    site_title: &'a str,
    lang: Lang,
    t: &'static Strings,
}

impl<'a> Html<'a> {
    pub(super) fn new(catalog: &'a Catalog, lang: Lang) -> Self {
        Html {
            site_title: catalog.display_title(),
            lang,
            t: lang.strings(),
        }
    }

    /// A whole page: head, breadcrumb navigation, `body`, footer. `title`
    /// and the crumbs' labels are already escaped.
    fn page(&self, depth: usize, title: &str, crumbs: &[(&str, String)], body: &str) -> String {
        let root = "../".repeat(depth);
        let site_title = esc(self.site_title);
        let mut s = String::with_capacity(body.len() + 1024);
        let _ = write!(
            s,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"color-scheme\" content=\"light dark\">\n\
             <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{root}style.css\">\n</head>\n<body>\n\
             <header><nav aria-label=\"breadcrumb\"><a href=\"{root}index.html\">{site_title}</a>",
            self.lang.code()
        );
        for (href, label) in crumbs {
            let _ = write!(
                s,
                " <span aria-hidden=\"true\">›</span> <a href=\"{href}\">{label}</a>"
            );
        }
        let _ = write!(
            s,
            "</nav></header>\n<main>\n{body}</main>\n<footer>{}</footer>\n</body>\n</html>\n",
            fill_html(self.t.site_generated, &[("title", &site_title)])
        );
        s
    }

    fn job_item(&self, b: &mut String, item: &JobItem<'_>) {
        let t = self.t;
        let _ = writeln!(
            b,
            "<article class=\"skill\" id=\"{}\">\n<h4>{} {}</h4>\n{}",
            item.anchor,
            a(&item.skill),
            necessity(t, item.cell.necessity),
            cell_body(item.cell)
        );
        if let Some(next) = &item.next {
            let next_name = name(next.level);
            let _ = write!(
                b,
                "<div class=\"next\"><p class=\"label\">{}</p>",
                fill_html(t.to_reach, &[("level", &next_name)])
            );
            if let Some(note) = next.note(t) {
                let _ = write!(b, "<p>{}</p>", fill_html(note, &[("level", &next_name)]));
            }
            if let Some(cell) = next.cell() {
                b.push_str(&cell_body(cell));
            }
            b.push_str("</div>\n");
        }
        b.push_str("</article>\n");
    }
}

impl Render for Html<'_> {
    const EXT: &'static str = "html";

    fn assets(&self) -> Vec<SiteFile> {
        vec![SiteFile {
            path: PathBuf::from("style.css"),
            contents: STYLE.to_string(),
        }]
    }

    fn index(&self, p: &IndexPage<'_>) -> String {
        let t = self.t;
        let mut b = String::new();
        let _ = writeln!(b, "<h1>{}</h1>", esc(p.title));
        let _ = writeln!(
            b,
            "<section>\n<h2>{}</h2>\n<ol class=\"levels\">",
            esc(t.site_levels)
        );
        for level in p.levels {
            let _ = write!(b, "<li><strong>{}</strong>", esc(&level.name));
            if let Some(summary) = &level.summary {
                let _ = write!(b, " — {}", esc(summary));
            }
            b.push_str("</li>\n");
        }
        b.push_str("</ol>\n</section>\n");
        let _ = writeln!(b, "<section>\n<h2>{}</h2>", esc(t.site_roles));
        for entry in &p.roles {
            let _ = write!(
                b,
                "<article class=\"role\">\n<h3><a href=\"{}\">{}</a></h3>\n<p class=\"meta\">{}</p>\n",
                entry.href,
                esc(&entry.role.name),
                fill_html(t.site_skill_count, &[("n", &entry.skills.to_string())])
            );
            if let Some(summary) = &entry.role.summary {
                let _ = writeln!(b, "<p>{}</p>", esc(summary));
            }
            let _ = write!(b, "<p>{} ", esc(t.site_job_descriptions));
            for (l, link) in entry.levels.iter().enumerate() {
                if l > 0 {
                    b.push_str(" · ");
                }
                b.push_str(&a(link));
            }
            b.push_str("</p>\n</article>\n");
        }
        b.push_str("</section>\n");
        let _ = writeln!(b, "<section>\n<h2>{}</h2>", esc(t.site_domains));
        for entry in &p.domains {
            let _ = writeln!(b, "<h3>{}</h3>", esc(&entry.domain.name));
            if let Some(summary) = &entry.domain.summary {
                let _ = writeln!(b, "<p>{}</p>", esc(summary));
            }
            b.push_str("<ul class=\"skills\">\n");
            for link in &entry.skills {
                let _ = writeln!(b, "<li>{}</li>", a(link));
            }
            b.push_str("</ul>\n");
        }
        b.push_str("</section>\n");
        self.page(0, &esc(p.title), &[], &b)
    }

    fn skill(&self, p: &SkillPage<'_>) -> String {
        let t = self.t;
        let (skill, c) = (p.skill, &p.counts);
        let mut b = String::new();
        let _ = writeln!(b, "<h1>{}</h1>", esc(&skill.name));
        let _ = write!(b, "<p class=\"meta\">{}", esc(&p.domain.name));
        if let Some(date) = skill.updated {
            let _ = write!(
                b,
                " · {}",
                fill_html(t.updated, &[("date", &date.to_string())])
            );
        }
        b.push_str("</p>\n");
        let _ = writeln!(b, "<p class=\"meta\">{}</p>", esc(&t.skill_counts_text(c)));
        if let Some(summary) = &skill.summary {
            let _ = writeln!(b, "<p class=\"summary\">{}</p>", esc(summary));
        }
        if !skill.tags.is_empty() {
            let _ = write!(b, "<p class=\"tags\">{}: ", esc(t.site_tags));
            for tag in &skill.tags {
                let _ = write!(b, "<span class=\"tag\">{}</span> ", esc(tag));
            }
            b.push_str("</p>\n");
        }
        for level in &p.levels {
            let _ = writeln!(
                b,
                "<section id=\"{}\">\n<h2>{}</h2>",
                level.anchor,
                esc(&level.level.name)
            );
            if level.rows.is_empty() {
                let _ = writeln!(
                    b,
                    "<p class=\"none\">{}</p>",
                    fill_html(
                        t.nothing_expected_at,
                        &[("level", &name(&level.level.name))]
                    )
                );
            } else {
                let _ = writeln!(
                    b,
                    "<table class=\"cells\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                    esc(t.col_role),
                    esc(t.col_necessity),
                    esc(t.col_description)
                );
                for (role, cell) in &level.rows {
                    let _ = writeln!(
                        b,
                        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                        a(role),
                        necessity(t, cell.necessity),
                        cell_body(cell)
                    );
                }
                b.push_str("</tbody>\n</table>\n");
            }
            b.push_str("</section>\n");
        }
        self.page(
            1,
            &format!("{} · {}", esc(&skill.name), esc(p.site_title)),
            &[],
            &b,
        )
    }

    fn role(&self, p: &RolePage<'_>) -> String {
        let t = self.t;
        let r = p.role;
        let mut b = String::new();
        let title = fill_html(t.site_matrix_title, &[("role", &name(&r.name))]);
        let _ = writeln!(b, "<h1>{title}</h1>");
        if let Some(summary) = &r.summary {
            let _ = writeln!(b, "<p>{}</p>", esc(summary));
        }
        let _ = writeln!(b, "<p class=\"meta\">{}</p>", esc(t.site_matrix_legend));
        b.push_str(
            "<div class=\"scroll\">\n<table class=\"matrix\">\n<thead><tr><th scope=\"col\"></th>",
        );
        for level in &p.levels {
            let _ = write!(b, "<th scope=\"col\">{}</th>", a(level));
        }
        b.push_str("</tr></thead>\n<tbody>\n");
        for group in &p.groups {
            let _ = writeln!(
                b,
                "<tr class=\"domain\"><th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>",
                p.levels.len() + 1,
                esc(&group.domain.name)
            );
            for row in &group.rows {
                let _ = write!(b, "<tr><th scope=\"row\">{}</th>", a(&row.skill));
                for cell in &row.cells {
                    match cell {
                        Some((n, href)) => {
                            let word = esc(match n {
                                Necessity::Required => t.necessity_required,
                                Necessity::Optional => t.necessity_optional,
                            });
                            let _ = write!(
                                b,
                                "<td><a href=\"{href}\" title=\"{word}\" aria-label=\"{word}\">{}</a></td>",
                                mark(*n)
                            );
                        }
                        None => b.push_str("<td></td>"),
                    }
                }
                b.push_str("</tr>\n");
            }
        }
        b.push_str("</tbody>\n</table>\n</div>\n");
        self.page(
            1,
            &format!("{} · {}", esc(&r.name), esc(p.site_title)),
            &[(&p.href, esc(&r.name))],
            &b,
        )
    }

    fn job(&self, p: &JobPage<'_>) -> String {
        let t = self.t;
        let (r, lv) = (p.role, p.level);
        let mut b = String::new();
        let heading = fill_html(
            t.role_at_level,
            &[("role", &name(&r.name)), ("level", &name(&lv.name))],
        );
        let _ = writeln!(b, "<h1>{heading}</h1>");
        if let Some(summary) = &lv.summary {
            let _ = writeln!(b, "<p>{}</p>", esc(summary));
        }
        let _ = writeln!(
            b,
            "<p class=\"meta\">{} · {}</p>",
            fill_html(
                t.site_job_intro,
                &[("role", &name(&r.name)), ("level", &name(&lv.name))]
            ),
            esc(&level_counts_text(t, p.counts))
        );
        // Other levels of the same role.
        b.push_str("<p class=\"levels-nav\">");
        for (l, (label, href)) in p.nav.iter().enumerate() {
            if l > 0 {
                b.push_str(" · ");
            }
            match href {
                None => {
                    let _ = write!(b, "<strong aria-current=\"page\">{}</strong>", esc(label));
                }
                Some(href) => {
                    let _ = write!(b, "<a href=\"{href}\">{}</a>", esc(label));
                }
            }
        }
        b.push_str("</p>\n");
        if p.sections.is_empty() {
            let _ = writeln!(
                b,
                "<p class=\"none\">{}</p>",
                fill_html(t.nothing_expected_at, &[("level", &name(&lv.name))])
            );
        }
        for section in &p.sections {
            let heading = match section.necessity {
                Necessity::Required => t.site_required,
                Necessity::Optional => t.site_optional,
            };
            let _ = writeln!(b, "<section>\n<h2>{}</h2>", esc(heading));
            for (domain, items) in &section.groups {
                let _ = writeln!(b, "<h3>{}</h3>", esc(&domain.name));
                for item in items {
                    self.job_item(&mut b, item);
                }
            }
            b.push_str("</section>\n");
        }
        self.page(
            2,
            &format!(
                "{} · {} · {}",
                esc(&r.name),
                esc(&lv.name),
                esc(p.site_title)
            ),
            &[(&p.role_href, esc(&r.name)), (&p.href, esc(&lv.name))],
            &b,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup_and_no_bidi_controls() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\u{202E}b\u{2066}c"), "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(esc("two\nlines"), "two\nlines");
    }
}
