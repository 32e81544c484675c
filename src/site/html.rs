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

/// Whether an ASCII byte needs [`esc`]'s attention: the five specials and
/// the control characters other than line break and tab.
const fn ascii_special(b: u8) -> bool {
    matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0..=8 | 0x0B..=0x1F | 0x7F)
}

/// [`ascii_special`] as a table, one entry per byte (non-ASCII bytes are
/// looked at by [`esc_into`] separately).
const ASCII_SPECIAL: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_special(b as u8);
        b += 1;
    }
    table
};

/// [`esc`], appending to `out`: the text is scanned byte by byte and runs
/// of plain text are copied whole; only the start of a multi-byte
/// character is decoded, to check it against [`is_forbidden`].
fn esc_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut plain = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (replacement, len) = if b < 0x80 {
            if !ASCII_SPECIAL[usize::from(b)] {
                i += 1;
                continue;
            }
            let r = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => "\u{FFFD}",
            };
            (r, 1)
        } else {
            // A character's first byte (continuation bytes are skipped
            // with it): decode it and keep it unless it is forbidden.
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !is_forbidden(c) {
                i += c.len_utf8();
                continue;
            }
            ("\u{FFFD}", c.len_utf8())
        };
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        i += len;
        plain = i;
    }
    out.push_str(&text[plain..]);
}

/// A catalog name inside an interface sentence: escaped and isolated.
fn name(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 11);
    s.push_str("<bdi>");
    esc_into(&mut s, text);
    s.push_str("</bdi>");
    s
}

/// A link to another page, its catalog name escaped.
fn a(out: &mut String, link: &Link<'_>) {
    out.push_str("<a href=\"");
    out.push_str(&link.href);
    out.push_str("\">");
    esc_into(out, link.label);
    out.push_str("</a>");
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
fn cell_body(s: &mut String, cell: &Cell) {
    if let Some(p) = cell.proficiency() {
        s.push_str("<p class=\"prof\">");
        esc_into(s, p);
        s.push_str("</p>");
    }
    let intro = cell.intro();
    if !intro.trim().is_empty() {
        s.push_str("<div class=\"text\">");
        esc_into(s, intro);
        s.push_str("</div>");
    }
    if !cell.behaviours().is_empty() {
        s.push_str("<ul class=\"behaviours\">");
        for b in cell.behaviours() {
            s.push_str("<li>");
            esc_into(s, &b.text);
            examples(s, &b.examples);
            s.push_str("</li>");
        }
        s.push_str("</ul>");
    }
    examples(s, cell.examples());
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

/// The HTML renderer. What is the same on many pages (the head up to the
/// title, the site's title, the footer, the necessity labels, the skill
/// table's head) is written once here and copied onto each page.
pub(super) struct Html {
    t: &'static Strings,
    /// Every page's start, up to the opening of its `<title>`.
    head: String,
    /// What follows the title, per depth of the page below the root (0–2):
    /// the stylesheet link and the breadcrumb's first link.
    after_title: [String; 3],
    /// The page's end: main closed, the footer, the document closed.
    end: String,
    /// `● required` and `○ optional` as spans.
    required: String,
    optional: String,
    /// The head of a skill page's table, up to `<tbody>`.
    cells_head: String,
}

impl Html {
    pub(super) fn new(catalog: &Catalog, lang: Lang) -> Self {
        let t = lang.strings();
        let site_title = esc(catalog.display_title());
        let head = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"color-scheme\" content=\"light dark\">\n<title>",
            lang.code()
        );
        let after_title = [0, 1, 2].map(|depth| {
            let root = "../".repeat(depth);
            format!(
                "</title>\n<link rel=\"stylesheet\" href=\"{root}style.css\">\n</head>\n<body>\n\
                 <header><nav aria-label=\"breadcrumb\"><a href=\"{root}index.html\">{site_title}</a>"
            )
        });
        let end = format!(
            "</main>\n<footer>{}</footer>\n</body>\n</html>\n",
            fill_html(t.site_generated, &[("title", &site_title)])
        );
        let cells_head = format!(
            "<table class=\"cells\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            esc(t.col_role),
            esc(t.col_necessity),
            esc(t.col_description)
        );
        Html {
            t,
            head,
            after_title,
            end,
            required: necessity(t, Necessity::Required),
            optional: necessity(t, Necessity::Optional),
            cells_head,
        }
    }

    fn necessity(&self, n: Necessity) -> &str {
        match n {
            Necessity::Required => &self.required,
            Necessity::Optional => &self.optional,
        }
    }

    /// A page's start: head, the title (`title`'s parts escaped and joined
    /// by ` · `), breadcrumb navigation (`crumbs`' labels escaped), and
    /// `<main>` opened. The page's body follows, then [`Html::end`].
    fn open(&self, out: &mut String, depth: usize, title: &[&str], crumbs: &[(&str, &str)]) {
        out.push_str(&self.head);
        for (i, part) in title.iter().enumerate() {
            if i > 0 {
                out.push_str(" · ");
            }
            esc_into(out, part);
        }
        out.push_str(&self.after_title[depth]);
        for (href, label) in crumbs {
            out.push_str(" <span aria-hidden=\"true\">›</span> <a href=\"");
            out.push_str(href);
            out.push_str("\">");
            esc_into(out, label);
            out.push_str("</a>");
        }
        out.push_str("</nav></header>\n<main>\n");
    }

    fn job_item<'p>(&self, b: &mut String, item: &JobItem<'p>, next: &mut NextLabels<'p>) {
        b.push_str("<article class=\"skill\" id=\"");
        b.push_str(&item.anchor);
        b.push_str("\">\n<h4>");
        a(b, &item.skill);
        b.push(' ');
        b.push_str(self.necessity(item.cell.necessity));
        b.push_str("</h4>\n");
        cell_body(b, item.cell);
        b.push('\n');
        if let Some(step) = &item.next {
            let labels = next.of(self.t, step.level);
            b.push_str("<div class=\"next\"><p class=\"label\">");
            b.push_str(&labels.to_reach);
            b.push_str("</p>");
            if let Some(note) = step.note(self.t) {
                b.push_str("<p>");
                b.push_str(labels.note(note));
                b.push_str("</p>");
            }
            if let Some(cell) = step.cell() {
                cell_body(b, cell);
            }
            b.push_str("</div>\n");
        }
        b.push_str("</article>\n");
    }
}

/// The sentences about the next level on a role × level page ("To reach
/// Lead", "The same at Lead." …): the same for every skill of the page, so
/// filled once per page rather than once per skill.
#[derive(Default)]
struct NextLabels<'a> {
    level: Option<&'a str>,
    to_reach: String,
    /// Each note template with its sentence filled in.
    notes: Vec<(&'static str, String)>,
}

impl<'a> NextLabels<'a> {
    /// The labels for `level`, filled the first time it is asked for.
    fn of(&mut self, t: &Strings, level: &'a str) -> &mut Self {
        if self.level != Some(level) {
            let name = name(level);
            *self = NextLabels {
                level: Some(level),
                to_reach: fill_html(t.to_reach, &[("level", &name)]),
                notes: [t.site_same_at, t.nothing_expected_at, t.becomes_required_at]
                    .into_iter()
                    .map(|note| (note, fill_html(note, &[("level", &name)])))
                    .collect(),
            };
        }
        self
    }

    /// `note` (one of the templates [`super::NextStep::note`] gives) filled
    /// with the level.
    fn note(&mut self, note: &'static str) -> &str {
        let at = match self.notes.iter().position(|(n, _)| *n == note) {
            Some(at) => at,
            None => {
                // Not one of the three: fill it here (the name is kept
                // in `to_reach`'s level).
                let name = name(self.level.unwrap_or_default());
                self.notes
                    .push((note, fill_html(note, &[("level", &name)])));
                self.notes.len() - 1
            }
        };
        &self.notes[at].1
    }
}

impl Render for Html {
    const EXT: &'static str = "html";

    fn assets(&self) -> Vec<SiteFile> {
        vec![SiteFile {
            path: PathBuf::from("style.css"),
            contents: STYLE.to_string(),
        }]
    }

    fn index(&self, b: &mut String, p: &IndexPage<'_>) {
        let t = self.t;
        self.open(b, 0, &[p.title], &[]);
        b.push_str("<h1>");
        esc_into(b, p.title);
        b.push_str("</h1>\n<section>\n<h2>");
        esc_into(b, t.site_levels);
        b.push_str("</h2>\n<ol class=\"levels\">\n");
        for level in p.levels {
            b.push_str("<li><strong>");
            esc_into(b, &level.name);
            b.push_str("</strong>");
            if let Some(summary) = &level.summary {
                b.push_str(" — ");
                esc_into(b, summary);
            }
            b.push_str("</li>\n");
        }
        b.push_str("</ol>\n</section>\n<section>\n<h2>");
        esc_into(b, t.site_roles);
        b.push_str("</h2>\n");
        for entry in &p.roles {
            let _ = write!(
                b,
                "<article class=\"role\">\n<h3><a href=\"{}\">{}</a></h3>\n<p class=\"meta\">{}</p>\n",
                entry.href,
                esc(&entry.role.name),
                fill_html(t.site_skill_count, &[("n", &entry.skills.to_string())])
            );
            if let Some(summary) = &entry.role.summary {
                b.push_str("<p>");
                esc_into(b, summary);
                b.push_str("</p>\n");
            }
            b.push_str("<p>");
            esc_into(b, t.site_job_descriptions);
            b.push(' ');
            for (l, link) in entry.levels.iter().enumerate() {
                if l > 0 {
                    b.push_str(" · ");
                }
                a(b, link);
            }
            b.push_str("</p>\n</article>\n");
        }
        b.push_str("</section>\n<section>\n<h2>");
        esc_into(b, t.site_domains);
        b.push_str("</h2>\n");
        for entry in &p.domains {
            b.push_str("<h3>");
            esc_into(b, &entry.domain.name);
            b.push_str("</h3>\n");
            if let Some(summary) = &entry.domain.summary {
                b.push_str("<p>");
                esc_into(b, summary);
                b.push_str("</p>\n");
            }
            b.push_str("<ul class=\"skills\">\n");
            for link in &entry.skills {
                b.push_str("<li>");
                a(b, link);
                b.push_str("</li>\n");
            }
            b.push_str("</ul>\n");
        }
        b.push_str("</section>\n");
        b.push_str(&self.end);
    }

    fn skill(&self, b: &mut String, p: &SkillPage<'_>) {
        let t = self.t;
        let (skill, c) = (p.skill, &p.counts);
        self.open(b, 1, &[&skill.name, p.site_title], &[]);
        b.push_str("<h1>");
        esc_into(b, &skill.name);
        b.push_str("</h1>\n<p class=\"meta\">");
        esc_into(b, &p.domain.name);
        if let Some(date) = skill.updated {
            b.push_str(" · ");
            b.push_str(&fill_html(t.updated, &[("date", &date.to_string())]));
        }
        b.push_str("</p>\n<p class=\"meta\">");
        esc_into(b, &t.skill_counts_text(c));
        b.push_str("</p>\n");
        if let Some(summary) = &skill.summary {
            b.push_str("<p class=\"summary\">");
            esc_into(b, summary);
            b.push_str("</p>\n");
        }
        if !skill.tags.is_empty() {
            b.push_str("<p class=\"tags\">");
            esc_into(b, t.site_tags);
            b.push_str(": ");
            for tag in &skill.tags {
                b.push_str("<span class=\"tag\">");
                esc_into(b, tag);
                b.push_str("</span> ");
            }
            b.push_str("</p>\n");
        }
        for level in &p.levels {
            b.push_str("<section id=\"");
            b.push_str(&level.anchor);
            b.push_str("\">\n<h2>");
            esc_into(b, &level.level.name);
            b.push_str("</h2>\n");
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
                b.push_str(&self.cells_head);
                for (role, cell) in &level.rows {
                    b.push_str("<tr><th scope=\"row\">");
                    a(b, role);
                    b.push_str("</th><td>");
                    b.push_str(self.necessity(cell.necessity));
                    b.push_str("</td><td>");
                    cell_body(b, cell);
                    b.push_str("</td></tr>\n");
                }
                b.push_str("</tbody>\n</table>\n");
            }
            b.push_str("</section>\n");
        }
        b.push_str(&self.end);
    }

    fn role(&self, b: &mut String, p: &RolePage<'_>) {
        let t = self.t;
        let r = p.role;
        self.open(b, 1, &[&r.name, p.site_title], &[(&p.href, &r.name)]);
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
            b.push_str("<th scope=\"col\">");
            a(b, level);
            b.push_str("</th>");
        }
        b.push_str("</tr></thead>\n<tbody>\n");
        // The two cells a skill can have, but for their link.
        let [required, optional] = [t.necessity_required, t.necessity_optional].map(|word| {
            let word = esc(word);
            format!("\" title=\"{word}\" aria-label=\"{word}\">")
        });
        for group in &p.groups {
            let _ = writeln!(
                b,
                "<tr class=\"domain\"><th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>",
                p.levels.len() + 1,
                esc(&group.domain.name)
            );
            for row in &group.rows {
                b.push_str("<tr><th scope=\"row\">");
                a(b, &row.skill);
                b.push_str("</th>");
                for cell in &row.cells {
                    match cell {
                        Some((n, href)) => {
                            b.push_str("<td><a href=\"");
                            b.push_str(href);
                            b.push_str(match n {
                                Necessity::Required => &required,
                                Necessity::Optional => &optional,
                            });
                            b.push_str(mark(*n));
                            b.push_str("</a></td>");
                        }
                        None => b.push_str("<td></td>"),
                    }
                }
                b.push_str("</tr>\n");
            }
        }
        b.push_str("</tbody>\n</table>\n</div>\n");
        b.push_str(&self.end);
    }

    fn job(&self, b: &mut String, p: &JobPage<'_>) {
        let t = self.t;
        let (r, lv) = (p.role, p.level);
        self.open(
            b,
            2,
            &[&r.name, &lv.name, p.site_title],
            &[(&p.role_href, &r.name), (&p.href, &lv.name)],
        );
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
        let mut next = NextLabels::default();
        for section in &p.sections {
            let heading = match section.necessity {
                Necessity::Required => t.site_required,
                Necessity::Optional => t.site_optional,
            };
            b.push_str("<section>\n<h2>");
            esc_into(b, heading);
            b.push_str("</h2>\n");
            for (domain, items) in &section.groups {
                b.push_str("<h3>");
                esc_into(b, &domain.name);
                b.push_str("</h3>\n");
                for item in items {
                    self.job_item(b, item, &mut next);
                }
            }
            b.push_str("</section>\n");
        }
        b.push_str(&self.end);
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
