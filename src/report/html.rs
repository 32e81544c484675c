//! The promotion report as one self-contained HTML file for a promotion
//! packet: inline CSS with a print style (so "Print to PDF" gives a clean
//! packet), an inline SVG picture of the review (one stacked bar per
//! domain), no scripts, and every catalog and review text escaped.

use super::model::{DomainBar, Report, domain_bars};
use super::wording::{
    assessor_columns, change_label, counts_line, evidence, expectations, left_out, mark_label,
    meta_parts, necessity_word, nothing_changes, one_line, safe,
};
use crate::i18n::{Lang, Strings, fill};
use crate::review::Mark;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c => s.push(c),
        }
    }
    s
}

/// A multi-line text as paragraphs and lists: `- `, `* `, `• ` lines become
/// list items, other lines keep their breaks.
fn block(text: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    let mut para: Vec<String> = Vec::new();
    let flush = |out: &mut String, para: &mut Vec<String>| {
        if !para.is_empty() {
            out.push_str(&format!("<p>{}</p>", para.join("<br>")));
            para.clear();
        }
    };
    for line in text.lines() {
        let trimmed = line.trim_start();
        let item = ["- ", "* ", "• "]
            .iter()
            .find_map(|b| trimmed.strip_prefix(b));
        match item {
            Some(rest) => {
                flush(&mut out, &mut para);
                if !in_list {
                    out.push_str("<ul>");
                    in_list = true;
                }
                out.push_str(&format!("<li>{}</li>", escape(rest)));
            }
            None => {
                if in_list {
                    out.push_str("</ul>");
                    in_list = false;
                }
                if trimmed.is_empty() {
                    flush(&mut out, &mut para);
                } else {
                    para.push(escape(line));
                }
            }
        }
    }
    if in_list {
        out.push_str("</ul>");
    }
    flush(&mut out, &mut para);
    out
}

const CSS: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}\
h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin-bottom:.2rem}\
.meta{color:#333}.meta b{font-weight:600}table{border-collapse:collapse;width:100%;margin:.5rem 0}\
th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left;vertical-align:top}th{background:#f0f0f0}\
.mark-met{background:#d9f2dc}.mark-partly{background:#fff1c7}.mark-not-yet{background:#f9d6d5}\
.item{break-inside:avoid;margin-bottom:1rem}.stale{color:#8a4b00}.muted{color:#555}\
blockquote{margin:.3rem 0;padding-left:.8rem;border-left:3px solid #ccc}code{font-size:.9em}\
svg text{font:12px system-ui,sans-serif}\
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr,.item,svg{break-inside:avoid}a{color:inherit}}";

fn mark_class(m: Option<Mark>) -> &'static str {
    match m {
        Some(Mark::Met) => "mark-met",
        Some(Mark::Partly) => "mark-partly",
        Some(Mark::NotYet) => "mark-not-yet",
        None => "mark-none",
    }
}

/// The report as one HTML file in `lang`; with a review, unassessed
/// optional items are left out unless `all`.
pub fn html_of(lang: Lang, r: &Report<'_>, all: bool) -> String {
    let t = lang.strings();
    let lang_attr = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    let title = fill(
        t.report_title,
        &[
            ("role", &one_line(r.role.name)),
            ("from", &one_line(r.from.name)),
            ("to", &one_line(r.to.name)),
        ],
    );
    let mut o = String::new();
    o.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_attr}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(&title)
    ));
    o.push_str(&format!("<h1>{}</h1>\n", escape(&title)));
    let mut meta: Vec<String> = if r.reviewed {
        meta_parts(t, r)
            .into_iter()
            .map(|(l, v)| format!("<b>{}</b> {}", escape(l), escape(&v)))
            .collect()
    } else {
        Vec::new()
    };
    meta.push(format!(
        "<b>{}</b> {}",
        escape(t.report_catalog),
        escape(&one_line(r.catalog))
    ));
    meta.push(format!(
        "<b>{}</b> {}",
        escape(t.report_date),
        escape(&r.date)
    ));
    meta.push(format!(
        "<b>{}</b> <code>{}</code>",
        escape(t.report_ladder),
        escape(&r.ladder)
    ));
    o.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
    let (head, rest) = counts_line(t, r);
    o.push_str(&format!(
        "<p><b>{}</b> · {}</p>\n",
        escape(&head),
        escape(&rest)
    ));
    if r.reviewed {
        o.push_str(&format!(
            "<p class=\"muted\"><i>{}</i></p>\n",
            escape(&fill(t.report_counted, &[("who", t.assessor(r.counted))]))
        ));
        if let Some(m) = r.meta.as_ref().filter(|m| !m.summary.trim().is_empty()) {
            o.push_str(&block(&safe(m.summary)));
            o.push('\n');
        }
        summary(&mut o, t, r, all);
    }
    if r.items.is_empty() {
        o.push_str(&format!("<p>{}</p>\n", escape(&nothing_changes(t, r))));
    } else {
        o.push_str(&format!("<h2>{}</h2>\n", escape(t.report_details)));
    }
    let shown = r.items.iter().filter(|i| !left_out(r, i, all));
    for (n, item) in shown.enumerate() {
        o.push_str("<section class=\"item\">\n");
        o.push_str(&format!(
            "<h3>{}. {}</h3>\n<p class=\"muted\">{} · <b>{}</b></p>\n",
            n + 1,
            escape(&one_line(item.skill.name)),
            escape(&one_line(item.domain.name)),
            escape(&change_label(t, item, &one_line(r.to.name)))
        ));
        for (level, necessity, text) in expectations(r, item) {
            match (necessity, text) {
                (Some(nec), Some(text)) => o.push_str(&format!(
                    "<p><b>{}</b> ({})</p>{}\n",
                    escape(&one_line(level)),
                    escape(necessity_word(t, nec)),
                    block(text)
                )),
                _ => o.push_str(&format!(
                    "<p><b>{}</b> {}</p>\n",
                    escape(&one_line(level)),
                    escape(t.report_nothing_expected)
                )),
            }
        }
        if r.reviewed {
            let mut marks = format!(
                "<p><b>{}</b> <span class=\"{}\">{}</span>",
                escape(t.report_mark),
                mark_class(item.counted_mark),
                escape(mark_label(t, item.mark))
            );
            if item.all_marks.iter().any(|(w, _)| *w != r.counted) {
                let all: Vec<String> = item
                    .all_marks
                    .iter()
                    .map(|(w, m)| format!("{} {}", escape(t.assessor(w)), escape(t.mark(Some(*m)))))
                    .collect();
                marks.push_str(&format!(
                    " · <b>{}</b> {}",
                    escape(t.report_marks_by),
                    all.join(" · ")
                ));
            }
            marks.push_str("</p>\n");
            o.push_str(&marks);
            behaviour_marks(&mut o, t, item);
            if let Some(note) = item.note {
                o.push_str(&format!(
                    "<div class=\"note\"><b>{}</b>{}</div>\n",
                    escape(t.report_note),
                    block(&safe(note))
                ));
            }
        }
        if item.stale {
            o.push_str(&format!(
                "<p class=\"stale\">{}</p><blockquote>{}</blockquote>\n",
                escape(t.report_stale),
                block(&safe(item.assessed_text.unwrap_or_default()))
            ));
        }
        o.push_str("</section>\n");
    }
    if !r.others.is_empty() {
        o.push_str(&format!(
            "<h2>{}</h2>\n<ul>\n",
            escape(t.report_also_assessed)
        ));
        for x in &r.others {
            let mut line = format!(
                "<li><b>{}</b> (<code>{}</code>): {}",
                escape(&one_line(x.skill_name.unwrap_or(x.skill_id))),
                escape(&one_line(x.skill_id)),
                escape(t.mark(x.mark))
            );
            if !x.note.trim().is_empty() {
                line.push_str(&format!(" — {}", escape(&one_line(x.note))));
            }
            if x.skill_name.is_none() {
                line.push_str(&escape(t.report_not_in_catalog));
            }
            line.push_str("</li>\n");
            o.push_str(&line);
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}

/// An item's assessed behaviours, as the Markdown lists them: a list with
/// each behaviour's text, every assessor's mark, "changed since assessed"
/// and its note (escaped: catalog and review text are never markup).
fn behaviour_marks(o: &mut String, t: &Strings, item: &super::model::Item<'_>) {
    let assessed: Vec<String> = item
        .assessed_behaviours()
        .map(|b| {
            let marks: Vec<String> = b
                .all_marks
                .iter()
                .map(|(w, m)| {
                    format!(
                        "<span class=\"{}\">{} {}</span>",
                        mark_class(Some(*m)),
                        escape(t.assessor(w)),
                        escape(t.mark(Some(*m)))
                    )
                })
                .collect();
            let mut li = format!(
                "<li><span class=\"behaviour\">{}</span> — {}",
                escape(&one_line(b.text)),
                marks.join(" · ")
            );
            if b.changed {
                li.push_str(&format!(
                    " <i class=\"stale\">({})</i>",
                    escape(t.report_behaviour_changed)
                ));
            }
            if let Some(note) = b.note {
                li.push_str(&format!(
                    "<div class=\"behaviour-note\">{}</div>",
                    block(&safe(note))
                ));
            }
            li.push_str("</li>");
            li
        })
        .collect();
    if !assessed.is_empty() {
        o.push_str(&format!(
            "<p><b>{}</b></p>\n<ul class=\"behaviours\">\n{}\n</ul>\n",
            escape(t.report_behaviour_marks),
            assessed.join("\n")
        ));
    }
}

/// The summary table, the picture by domain and "Required, not yet met".
fn summary(o: &mut String, t: &Strings, r: &Report<'_>, all: bool) {
    let cols = assessor_columns(r);
    o.push_str(&format!(
        "<h2>{}</h2>\n<table>\n<thead><tr>",
        escape(t.report_summary)
    ));
    o.push_str(&format!(
        "<th>{}</th><th>{}</th>",
        escape(t.report_col_skill),
        escape(t.report_col_required)
    ));
    for c in &cols {
        o.push_str(&format!("<th>{}</th>", escape(t.assessor(c))));
    }
    o.push_str(&format!(
        "<th>{}</th></tr></thead>\n<tbody>\n",
        escape(t.report_col_evidence)
    ));
    for item in r.items.iter().filter(|i| !left_out(r, i, all)) {
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td>",
            escape(&one_line(item.skill.name)),
            escape(if item.required {
                t.report_yes
            } else {
                t.report_no
            })
        ));
        for c in &cols {
            let m = item.all_marks.iter().find(|(w, _)| w == c).map(|(_, m)| *m);
            let word = m.map_or("–", |m| t.mark(Some(m)));
            o.push_str(&format!(
                "<td class=\"{}\">{}</td>",
                mark_class(m),
                escape(word)
            ));
        }
        o.push_str(&format!(
            "<td>{}</td></tr>\n",
            escape(&evidence(item.note, 100))
        ));
    }
    o.push_str("</tbody>\n</table>\n");
    let hidden = r.items.iter().filter(|i| left_out(r, i, all)).count();
    if hidden > 0 {
        o.push_str(&format!(
            "<p class=\"muted\"><i>{}</i></p>\n",
            escape(&fill(t.report_left_out, &[("n", &hidden.to_string())]))
        ));
    }
    o.push_str(&format!("<h2>{}</h2>\n", escape(t.report_by_domain)));
    o.push_str(&svg_bars(t, &domain_bars(r)));
    o.push_str(&format!("<h2>{}</h2>\n", escape(t.report_required_not_met)));
    let missing: Vec<String> = r
        .items
        .iter()
        .filter(|i| i.required && i.counted_mark != Some(Mark::Met))
        .map(|i| {
            format!(
                "<li><b>{}</b> — {}</li>",
                escape(&one_line(i.skill.name)),
                escape(mark_label(t, i.mark))
            )
        })
        .collect();
    if missing.is_empty() {
        o.push_str(&format!("<p>{}</p>\n", escape(t.report_all_required_met)));
    } else {
        o.push_str(&format!("<ul>\n{}\n</ul>\n", missing.join("\n")));
    }
}

/// Fills and patterns of met, partly, not yet and not assessed: the
/// patterns keep the picture legible in black and white.
const SEGMENTS: [(&str, &str); 4] = [
    ("#3a9d4a", "url(#p-met)"),
    ("#e0b43a", "url(#p-partly)"),
    ("#d0534f", "url(#p-not-yet)"),
    ("#d8d8d8", "url(#p-none)"),
];

/// One horizontal stacked bar per domain (all items, and the required ones
/// below it), with counts in the segments and a legend.
fn svg_bars(t: &Strings, bars: &[DomainBar<'_>]) -> String {
    const LABEL: f64 = 210.0;
    const WIDTH: f64 = 420.0;
    const ROW: f64 = 44.0;
    let most = bars
        .iter()
        .map(|b| b.all.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let height = 30.0 + ROW * bars.len() as f64;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" role=\"img\">\n\
         <defs>\
         <pattern id=\"p-met\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{c0}\"/></pattern>\
         <pattern id=\"p-partly\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{c1}\"/><path d=\"M0 6L6 0\" stroke=\"#000\" stroke-opacity=\".35\"/></pattern>\
         <pattern id=\"p-not-yet\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{c2}\"/><path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#000\" stroke-opacity=\".35\"/></pattern>\
         <pattern id=\"p-none\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{c3}\"/><circle cx=\"3\" cy=\"3\" r=\"1\" fill=\"#000\" fill-opacity=\".3\"/></pattern>\
         </defs>\n",
        w = LABEL + WIDTH + 20.0,
        c0 = SEGMENTS[0].0,
        c1 = SEGMENTS[1].0,
        c2 = SEGMENTS[2].0,
        c3 = SEGMENTS[3].0,
    );
    // Legend.
    let words = [
        t.mark(Some(Mark::Met)),
        t.mark(Some(Mark::Partly)),
        t.mark(Some(Mark::NotYet)),
        t.mark(None),
    ];
    let mut x = LABEL;
    for (i, w) in words.iter().enumerate() {
        s.push_str(&format!(
            "<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#333\"/><text x=\"{}\" y=\"16\">{}</text>\n",
            SEGMENTS[i].1,
            x + 18.0,
            escape(w)
        ));
        x += 24.0 + 8.0 * w.chars().count() as f64;
    }
    for (row, b) in bars.iter().enumerate() {
        let y = 28.0 + ROW * row as f64;
        s.push_str(&format!(
            "<text x=\"0\" y=\"{}\">{}</text>\n",
            y + 14.0,
            escape(&one_line(b.domain))
        ));
        let required: usize = b.required.iter().sum();
        if required > 0 {
            s.push_str(&format!(
                "<text x=\"0\" y=\"{}\" fill=\"#555\">{} {required}</text>\n",
                y + 32.0,
                escape(t.report_required_only)
            ));
        }
        for (counts, dy, h) in [(&b.all, 0.0, 18.0), (&b.required, 21.0, 12.0)] {
            let mut x = LABEL;
            for (i, n) in counts.iter().enumerate() {
                if *n == 0 {
                    continue;
                }
                let w = WIDTH * *n as f64 / most;
                s.push_str(&format!(
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{h}\" fill=\"{}\" stroke=\"#fff\"><title>{} {n}</title></rect>\n",
                    y + dy,
                    SEGMENTS[i].1,
                    escape(words[i])
                ));
                if h > 15.0 && w >= 14.0 {
                    s.push_str(&format!(
                        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{n}</text>\n",
                        x + w / 2.0,
                        y + dy + 13.0
                    ));
                }
                x += w;
            }
        }
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Date, load_embedded};
    use crate::gap::Gap;
    use crate::report::build;
    use crate::review::{Assessment, Review};
    use scraper::{Html, Selector};

    #[test]
    fn a_hostile_note_stays_text_and_the_file_has_no_script() {
        let c = load_embedded().unwrap().catalog;
        let ds = c.role_index("data-scientist").unwrap();
        let senior = c.level_index("senior").unwrap();
        let gap = Gap::new(&c, ds, senior, senior + 1);
        let first = c.skills[gap.items[0].skill].id.clone();
        let mut r = Review::new(
            "data-scientist",
            "senior",
            "lead",
            c.display_title(),
            Date {
                year: 2026,
                month: 11,
                day: 30,
            },
        );
        r.meta.candidate = "Alex <b>Kim</b>".into();
        let hostile = "<script>alert(1)</script></td></tr></table><img src=x onerror=alert(2)>";
        r.items.insert(
            first.clone(),
            Assessment {
                note: format!("{hostile}\n- first bullet\n- second & last"),
                marks: vec![("self".into(), Mark::Met)],
                mark: Some(Mark::Partly),
                ..Assessment::default()
            },
        );
        let report = build(
            &c,
            &gap,
            Some(&r),
            Date {
                year: 2026,
                month: 11,
                day: 30,
            },
        );
        let html = html_of(Lang::En, &report, false);
        let doc = Html::parse_document(&html);
        let sel = |s: &str| Selector::parse(s).unwrap();
        assert_eq!(doc.select(&sel("script")).count(), 0, "no script element");
        assert_eq!(doc.select(&sel("img")).count(), 0, "no injected element");
        assert_eq!(
            doc.select(&sel("table")).count(),
            1,
            "the summary table is not closed early"
        );
        let cells: Vec<String> = doc
            .select(&sel("table td"))
            .map(|td| td.text().collect::<String>())
            .collect();
        assert!(
            cells
                .iter()
                .any(|c| c.starts_with("<script>alert(1)</script></td>")),
            "{cells:?}"
        );
        let note = doc.select(&sel("div.note")).next().unwrap();
        let text: String = note.text().collect();
        assert!(text.contains(hostile), "{text}");
        let bullets: Vec<String> = note
            .select(&sel("li"))
            .map(|l| l.text().collect())
            .collect();
        assert_eq!(bullets, ["first bullet", "second & last"]);
        let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
        assert_eq!(h1, "Promotion review: Data Scientist · Senior → Lead");
        assert!(html.contains("Alex &lt;b&gt;Kim&lt;/b&gt;"));
        assert!(
            doc.select(&sel("svg rect")).count() > 4,
            "the picture is drawn"
        );
        assert!(html.contains("@media print"));
        // Only the assessed and the required items are detailed.
        let details = doc.select(&sel("section.item")).count();
        assert_eq!(
            details,
            gap.required_count() + usize::from(!gap.items[0].required())
        );
        let all = Html::parse_document(&html_of(Lang::En, &report, true));
        assert_eq!(all.select(&sel("section.item")).count(), gap.items.len());
    }
}
