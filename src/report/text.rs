//! The promotion report as plain terminal text, in the chosen language.

use super::model::{Report, build};
use unicode_width::UnicodeWidthStr;

use super::wording::{
    behaviour_change_lines, change_label, counts_line, expectations, mark_label, meta_parts,
    necessity_word, nothing_changes, one_line, safe,
};
use crate::catalog::{Catalog, Date};
use crate::gap::Gap;
use crate::i18n::{Lang, Strings, fill};
use crate::review::Review;

/// The report as plain terminal text, without colours, with its labels in
/// `lang` (catalog texts are written as they are).
pub fn text_in(
    lang: Lang,
    catalog: &Catalog,
    gap: &Gap,
    review: Option<&Review>,
    today: Date,
) -> String {
    render_text(lang.strings(), &build(catalog, gap, review, today))
}

/// The report as plain text in `lang`.
pub fn text_of(lang: Lang, report: &Report<'_>) -> String {
    render_text(lang.strings(), report)
}

/// Writes `text` with `indent` before every line.
fn push_indented(out: &mut String, indent: &str, text: &str) {
    for line in text.split('\n') {
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
}

/// Each assessed behaviour of `item` on one line: `- text — manager ✓ ·
/// agreed ~ (changed since assessed) — note`, as the Markdown has them.
fn behaviour_mark_lines(t: &Strings, item: &super::model::Item<'_>) -> Vec<String> {
    item.assessed_behaviours()
        .map(|b| {
            let marks: Vec<String> = b
                .all_marks
                .iter()
                .map(|(w, m)| format!("{} {}", one_line(t.assessor(w)), t.mark(Some(*m))))
                .collect();
            let mut line = format!("- {} — {}", one_line(b.text), marks.join(" · "));
            if b.changed {
                line.push_str(&format!(" ({})", t.report_behaviour_changed));
            }
            if let Some(note) = b.note {
                line.push_str(&format!(" — {}", one_line(note)));
            }
            line
        })
        .collect()
}

/// The plain-text report, with the words of `t` (the Markdown's table).
fn render_text(t: &Strings, r: &Report<'_>) -> String {
    let mut out = fill(
        t.report_title,
        &[
            ("role", &one_line(r.role.name)),
            ("from", &one_line(r.from.name)),
            ("to", &one_line(r.to.name)),
        ],
    );
    out.push('\n');
    out.push_str(&format!(
        "{} {} · {} {}\n",
        t.report_catalog,
        one_line(r.catalog),
        t.report_date,
        r.date
    ));
    if r.reviewed {
        let meta: Vec<String> = meta_parts(t, r)
            .into_iter()
            .map(|(label, value)| format!("{label} {value}"))
            .collect();
        if !meta.is_empty() {
            out.push_str(&meta.join(" · "));
            out.push('\n');
        }
    }
    out.push_str(&format!("{} {}\n", t.report_ladder, r.ladder));
    let (head, rest) = counts_line(t, r);
    out.push_str(&format!("{head} · {rest}\n"));
    if r.reviewed {
        out.push_str(&fill(t.report_counted, &[("who", t.assessor(r.counted))]));
        out.push('\n');
    }
    if r.items.is_empty() {
        out.push('\n');
        out.push_str(&nothing_changes(t, r));
        out.push('\n');
    }
    for (n, item) in r.items.iter().enumerate() {
        out.push('\n');
        out.push_str(&format!(
            "{}. {} ({})\n   {} · {}\n",
            n + 1,
            one_line(item.skill.name),
            item.skill.id,
            one_line(item.domain.name),
            change_label(t, item, &one_line(r.to.name))
        ));
        for (level, necessity, text) in expectations(r, item) {
            match (necessity, text) {
                (Some(nec), Some(text)) => {
                    let head = fill(
                        t.report_text_expectation,
                        &[
                            ("level", &one_line(level)),
                            ("necessity", necessity_word(t, nec)),
                        ],
                    );
                    out.push_str(&format!("   {head}\n"));
                    push_indented(&mut out, "     ", text);
                }
                _ => {
                    let line = fill(
                        t.report_text_nothing_expected,
                        &[("level", &one_line(level))],
                    );
                    out.push_str(&format!("   {line}\n"));
                }
            }
        }
        let changes = behaviour_change_lines(t, item);
        if !changes.is_empty() {
            out.push_str(&format!("   {}\n", t.report_behaviours));
            for line in changes {
                out.push_str(&format!("     {line}\n"));
            }
        }
        if r.reviewed {
            out.push_str(&format!(
                "   {} {}\n",
                t.report_mark,
                mark_label(t, item.mark)
            ));
            if item.all_marks.iter().any(|(w, _)| *w != r.counted) {
                let marks: Vec<String> = item
                    .all_marks
                    .iter()
                    .map(|(w, m)| format!("{} {}", one_line(t.assessor(w)), t.mark(Some(*m))))
                    .collect();
                out.push_str(&format!("   {} {}\n", t.report_marks_by, marks.join(" · ")));
            }
            let assessed = behaviour_mark_lines(t, item);
            if !assessed.is_empty() {
                out.push_str(&format!("   {}\n", t.report_behaviour_marks));
                for line in assessed {
                    out.push_str(&format!("     {line}\n"));
                }
            }
            if let Some(note) = item.note {
                let note = safe(note);
                let mut lines = note.split('\n');
                out.push_str(&format!(
                    "   {} {}\n",
                    t.report_note,
                    lines.next().unwrap_or_default()
                ));
                // Later lines line up under the first, whatever the label's width.
                let indent = " ".repeat(3 + t.report_note.width() + 1);
                for line in lines {
                    out.push_str(&format!("{indent}{line}\n"));
                }
            }
        }
        if item.stale {
            out.push_str(&format!("   {}\n", t.report_stale));
            push_indented(
                &mut out,
                "     ",
                &safe(item.assessed_text.unwrap_or_default()),
            );
        }
    }
    if !r.others.is_empty() {
        out.push('\n');
        out.push_str(t.report_text_also_assessed);
        out.push('\n');
        for o in &r.others {
            let mut line = format!(
                "  {} ({}): {}",
                one_line(o.skill_name.unwrap_or(o.skill_id)),
                one_line(o.skill_id),
                t.mark(o.mark)
            );
            if !o.note.trim().is_empty() {
                line.push_str(&format!(" — {}", one_line(o.note)));
            }
            if o.skill_name.is_none() {
                line.push_str(t.report_not_in_catalog);
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
