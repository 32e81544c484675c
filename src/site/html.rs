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
    JobItem, SiteFile, job, level_anchor, mark, role_level_path, role_path, skill_anchor,
    skill_path, skills_by_domain,
};
use crate::catalog::{Catalog, Cell, Necessity, Skill, is_forbidden};
use crate::i18n::{Lang, Strings, fill};

const EXT: &str = "html";
const STYLE: &str = include_str!("style.css");

/// Escapes text for HTML content and attribute values (quoted with `"`):
/// `& < > " '` become entities; control, bidirectional-override and other
/// forbidden characters (see [`is_forbidden`]) become U+FFFD, except line
/// breaks and tabs, which the stylesheet shows as such.
pub(crate) fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            '\n' | '\t' => s.push(c),
            c if is_forbidden(c) => s.push('\u{FFFD}'),
            c => s.push(c),
        }
    }
    s
}

/// A catalog name inside an interface sentence: escaped and isolated.
fn name(text: &str) -> String {
    format!("<bdi>{}</bdi>", esc(text))
}

/// `fill` with catalog values already escaped (the template is ours).
fn fill_html(template: &str, args: &[(&str, &str)]) -> String {
    fill(&esc(template), args)
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// `../` once per folder a page is below the root.
fn up(depth: usize) -> String {
    "../".repeat(depth)
}

/// A whole page: head, breadcrumb navigation, `body`, footer.
fn page(
    catalog: &Catalog,
    lang: Lang,
    depth: usize,
    title: &str,
    crumbs: &[(String, String)],
    body: &str,
) -> String {
    let t = lang.strings();
    let root = up(depth);
    let site_title = esc(catalog.display_title());
    let mut s = String::with_capacity(body.len() + 1024);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{root}style.css\">\n</head>\n<body>\n\
         <header><nav aria-label=\"breadcrumb\"><a href=\"{root}index.html\">{site_title}</a>",
        lang_code(lang)
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
        fill_html(t.site_generated, &[("title", &site_title)])
    );
    s
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
    let mut s = String::new();
    if let Some(p) = &cell.proficiency {
        let _ = write!(s, "<p class=\"prof\">{}</p>", esc(p));
    }
    let intro = cell.intro();
    if !intro.trim().is_empty() {
        let _ = write!(s, "<div class=\"text\">{}</div>", esc(intro));
    }
    if !cell.behaviours.is_empty() {
        s.push_str("<ul class=\"behaviours\">");
        for b in &cell.behaviours {
            let _ = write!(s, "<li>{}", esc(&b.text));
            examples(&mut s, &b.examples);
            s.push_str("</li>");
        }
        s.push_str("</ul>");
    }
    examples(&mut s, &cell.examples);
    s
}

/// Examples of evidence, as a list marked "e.g." (legible without colour).
fn examples(s: &mut String, examples: &[String]) {
    if examples.is_empty() {
        return;
    }
    s.push_str("<ul class=\"examples\">");
    for e in examples {
        let _ = write!(s, "<li><span class=\"eg\">e.g.</span> {}</li>", esc(e));
    }
    s.push_str("</ul>");
}

pub(super) fn site(catalog: &Catalog, lang: Lang) -> Vec<SiteFile> {
    let mut files = vec![
        SiteFile {
            path: PathBuf::from("style.css"),
            contents: STYLE.to_string(),
        },
        SiteFile {
            path: PathBuf::from("index.html"),
            contents: index(catalog, lang),
        },
    ];
    for skill in &catalog.skills {
        files.push(SiteFile {
            path: PathBuf::from(skill_path(&skill.id, EXT)),
            contents: skill_page(catalog, lang, skill),
        });
    }
    for (r, role) in catalog.roles.iter().enumerate() {
        files.push(SiteFile {
            path: PathBuf::from(role_path(&role.id, EXT)),
            contents: role_page(catalog, lang, r),
        });
        for (l, level) in catalog.levels.iter().enumerate() {
            files.push(SiteFile {
                path: PathBuf::from(role_level_path(&role.id, &level.id, EXT)),
                contents: role_level_page(catalog, lang, r, l),
            });
        }
    }
    files
}

fn index(catalog: &Catalog, lang: Lang) -> String {
    let t = lang.strings();
    let mut b = String::new();
    let _ = writeln!(b, "<h1>{}</h1>", esc(catalog.display_title()));
    let _ = writeln!(
        b,
        "<section>\n<h2>{}</h2>\n<ol class=\"levels\">",
        esc(t.site_levels)
    );
    for level in &catalog.levels {
        let _ = write!(b, "<li><strong>{}</strong>", esc(&level.name));
        if let Some(summary) = &level.summary {
            let _ = write!(b, " — {}", esc(summary));
        }
        b.push_str("</li>\n");
    }
    b.push_str("</ol>\n</section>\n");
    let _ = writeln!(b, "<section>\n<h2>{}</h2>", esc(t.site_roles));
    for (r, role) in catalog.roles.iter().enumerate() {
        let n = catalog.profile(r).len().to_string();
        let _ = write!(
            b,
            "<article class=\"role\">\n<h3><a href=\"{}\">{}</a></h3>\n<p class=\"meta\">{}</p>\n",
            role_path(&role.id, EXT),
            esc(&role.name),
            fill_html(t.site_skill_count, &[("n", &n)])
        );
        if let Some(summary) = &role.summary {
            let _ = writeln!(b, "<p>{}</p>", esc(summary));
        }
        let _ = write!(b, "<p>{} ", esc(t.site_job_descriptions));
        for (l, level) in catalog.levels.iter().enumerate() {
            if l > 0 {
                b.push_str(" · ");
            }
            let _ = write!(
                b,
                "<a href=\"{}\">{}</a>",
                role_level_path(&role.id, &level.id, EXT),
                esc(&level.name)
            );
        }
        b.push_str("</p>\n</article>\n");
    }
    b.push_str("</section>\n");
    let _ = writeln!(b, "<section>\n<h2>{}</h2>", esc(t.site_domains));
    for (d, skills) in skills_by_domain(catalog).iter().enumerate() {
        if skills.is_empty() {
            continue;
        }
        let domain = &catalog.domains[d];
        let _ = writeln!(b, "<h3>{}</h3>", esc(&domain.name));
        if let Some(summary) = &domain.summary {
            let _ = writeln!(b, "<p>{}</p>", esc(summary));
        }
        b.push_str("<ul class=\"skills\">\n");
        for &i in skills {
            let s = &catalog.skills[i];
            let _ = writeln!(
                b,
                "<li><a href=\"{}\">{}</a></li>",
                skill_path(&s.id, EXT),
                esc(&s.name)
            );
        }
        b.push_str("</ul>\n");
    }
    b.push_str("</section>\n");
    page(catalog, lang, 0, &esc(catalog.display_title()), &[], &b)
}

fn skill_page(catalog: &Catalog, lang: Lang, skill: &Skill) -> String {
    let t = lang.strings();
    let c = catalog.skill_counts(skill);
    let domain = catalog.domain_of(skill);
    let mut b = String::new();
    let _ = writeln!(b, "<h1>{}</h1>", esc(&skill.name));
    let _ = write!(b, "<p class=\"meta\">{}", esc(&domain.name));
    if let Some(date) = skill.updated {
        let _ = write!(
            b,
            " · {}",
            fill_html(t.updated, &[("date", &date.to_string())])
        );
    }
    b.push_str("</p>\n");
    let _ = writeln!(
        b,
        "<p class=\"meta\">{}</p>",
        fill_html(
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
        let _ = writeln!(b, "<p class=\"summary\">{}</p>", esc(summary));
    }
    if !skill.tags.is_empty() {
        let _ = write!(b, "<p class=\"tags\">{}: ", esc(t.site_tags));
        for tag in &skill.tags {
            let _ = write!(b, "<span class=\"tag\">{}</span> ", esc(tag));
        }
        b.push_str("</p>\n");
    }
    for (l, level) in catalog.levels.iter().enumerate() {
        let _ = writeln!(
            b,
            "<section id=\"{}\">\n<h2>{}</h2>",
            level_anchor(&level.id),
            esc(&level.name)
        );
        let rows: Vec<(usize, &Cell)> = (0..catalog.roles.len())
            .filter_map(|r| skill.cell(r, l).map(|cell| (r, cell)))
            .collect();
        if rows.is_empty() {
            let _ = writeln!(
                b,
                "<p class=\"none\">{}</p>",
                fill_html(t.nothing_expected_at, &[("level", &name(&level.name))])
            );
        } else {
            let _ = writeln!(
                b,
                "<table class=\"cells\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                esc(t.col_role),
                esc(t.col_necessity),
                esc(t.col_description)
            );
            for (r, cell) in rows {
                let role = &catalog.roles[r];
                let _ = writeln!(
                    b,
                    "<tr><th scope=\"row\"><a href=\"../{}#{}\">{}</a></th><td>{}</td><td>{}</td></tr>",
                    role_level_path(&role.id, &level.id, EXT),
                    skill_anchor(&skill.id),
                    esc(&role.name),
                    necessity(t, cell.necessity),
                    cell_body(cell)
                );
            }
            b.push_str("</tbody>\n</table>\n");
        }
        b.push_str("</section>\n");
    }
    page(
        catalog,
        lang,
        1,
        &format!("{} · {}", esc(&skill.name), esc(catalog.display_title())),
        &[],
        &b,
    )
}

fn role_page(catalog: &Catalog, lang: Lang, role: usize) -> String {
    let t = lang.strings();
    let r = &catalog.roles[role];
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
    for level in &catalog.levels {
        let _ = write!(
            b,
            "<th scope=\"col\"><a href=\"{}/{}.{EXT}\">{}</a></th>",
            r.id,
            level.id,
            esc(&level.name)
        );
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    let profile = catalog.profile(role);
    let mut domain = None;
    for &i in profile {
        let skill = &catalog.skills[i];
        if domain != Some(skill.domain) {
            domain = Some(skill.domain);
            let _ = writeln!(
                b,
                "<tr class=\"domain\"><th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>",
                catalog.levels.len() + 1,
                esc(&catalog.domain_of(skill).name)
            );
        }
        let _ = write!(
            b,
            "<tr><th scope=\"row\"><a href=\"../{}\">{}</a></th>",
            skill_path(&skill.id, EXT),
            esc(&skill.name)
        );
        for (l, level) in catalog.levels.iter().enumerate() {
            match skill.cell(role, l) {
                Some(cell) => {
                    let word = match cell.necessity {
                        Necessity::Required => t.necessity_required,
                        Necessity::Optional => t.necessity_optional,
                    };
                    let _ = write!(
                        b,
                        "<td><a href=\"{}/{}.{EXT}#{}\" title=\"{}\" aria-label=\"{}\">{}</a></td>",
                        r.id,
                        level.id,
                        skill_anchor(&skill.id),
                        esc(word),
                        esc(word),
                        mark(cell.necessity)
                    );
                }
                None => b.push_str("<td></td>"),
            }
        }
        b.push_str("</tr>\n");
    }
    b.push_str("</tbody>\n</table>\n</div>\n");
    page(
        catalog,
        lang,
        1,
        &format!("{} · {}", esc(&r.name), esc(catalog.display_title())),
        &[(format!("{}.{EXT}", r.id), esc(&r.name))],
        &b,
    )
}

fn role_level_page(catalog: &Catalog, lang: Lang, role: usize, level: usize) -> String {
    let t = lang.strings();
    let r = &catalog.roles[role];
    let lv = &catalog.levels[level];
    let mut b = String::new();
    let heading = fill_html(
        t.role_at_level,
        &[("role", &name(&r.name)), ("level", &name(&lv.name))],
    );
    let _ = writeln!(b, "<h1>{heading}</h1>");
    if let Some(summary) = &lv.summary {
        let _ = writeln!(b, "<p>{}</p>", esc(summary));
    }
    let (required, optional) = catalog.role_level_counts(role, level);
    let _ = writeln!(
        b,
        "<p class=\"meta\">{} · {}</p>",
        fill_html(
            t.site_job_intro,
            &[("role", &name(&r.name)), ("level", &name(&lv.name))]
        ),
        fill_html(
            t.site_level_counts,
            &[
                ("required", &required.to_string()),
                ("optional", &optional.to_string())
            ]
        )
    );
    // Other levels of the same role.
    b.push_str("<p class=\"levels-nav\">");
    for (l, other) in catalog.levels.iter().enumerate() {
        if l > 0 {
            b.push_str(" · ");
        }
        if l == level {
            let _ = write!(
                b,
                "<strong aria-current=\"page\">{}</strong>",
                esc(&other.name)
            );
        } else {
            let _ = write!(b, "<a href=\"{}.{EXT}\">{}</a>", other.id, esc(&other.name));
        }
    }
    b.push_str("</p>\n");
    let [req, opt] = job(catalog, role, level);
    if req.is_empty() && opt.is_empty() {
        let _ = writeln!(
            b,
            "<p class=\"none\">{}</p>",
            fill_html(t.nothing_expected_at, &[("level", &name(&lv.name))])
        );
    }
    for (heading, groups) in [(t.site_required, &req), (t.site_optional, &opt)] {
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(b, "<section>\n<h2>{}</h2>", esc(heading));
        for (d, items) in groups {
            let _ = writeln!(b, "<h3>{}</h3>", esc(&catalog.domains[*d].name));
            for item in items {
                job_item(&mut b, catalog, t, item);
            }
        }
        b.push_str("</section>\n");
    }
    page(
        catalog,
        lang,
        2,
        &format!(
            "{} · {} · {}",
            esc(&r.name),
            esc(&lv.name),
            esc(catalog.display_title())
        ),
        &[
            (format!("../{}.{EXT}", r.id), esc(&r.name)),
            (format!("{}.{EXT}", lv.id), esc(&lv.name)),
        ],
        &b,
    )
}

fn job_item(b: &mut String, catalog: &Catalog, t: &Strings, item: &JobItem<'_>) {
    let skill = &catalog.skills[item.skill];
    let _ = writeln!(
        b,
        "<article class=\"skill\" id=\"{}\">\n<h4><a href=\"../../{}\">{}</a> {}</h4>\n{}",
        skill_anchor(&skill.id),
        skill_path(&skill.id, EXT),
        esc(&skill.name),
        necessity(t, item.cell.necessity),
        cell_body(item.cell)
    );
    match &item.next {
        None => {}
        Some(next) => {
            let next_name = &catalog.levels[next.level].name;
            let _ = write!(
                b,
                "<div class=\"next\"><p class=\"label\">{}</p>",
                fill_html(t.to_reach, &[("level", &name(next_name))])
            );
            match next.cell {
                _ if next.same_as(item.cell) => {
                    let _ = write!(
                        b,
                        "<p>{}</p>",
                        fill_html(t.site_same_at, &[("level", &name(next_name))])
                    );
                }
                None => {
                    let _ = write!(
                        b,
                        "<p>{}</p>",
                        fill_html(t.nothing_expected_at, &[("level", &name(next_name))])
                    );
                }
                Some(cell) => {
                    if cell.necessity == Necessity::Required
                        && item.cell.necessity == Necessity::Optional
                    {
                        let _ = write!(
                            b,
                            "<p>{}</p>",
                            fill_html(t.becomes_required_at, &[("level", &name(next_name))])
                        );
                    }
                    b.push_str(&cell_body(cell));
                }
            }
            b.push_str("</div>\n");
        }
    }
    b.push_str("</article>\n");
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
