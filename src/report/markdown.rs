//! The promotion report as Markdown meeting minutes, in the chosen language.

use super::model::{Report, build};
use super::wording::{
    assessor_columns, behaviour_change_lines, change_label, counts_line, evidence, expectations,
    left_out, mark_label, meta_parts, necessity_word, nothing_changes, one_line, safe,
};
use crate::catalog::{Catalog, Date};
use crate::gap::Gap;
use crate::i18n::{Lang, Strings, fill};
use crate::review::{Mark, Review};

/// The report as Markdown meeting minutes, with headings and labels in
/// `lang` (catalog texts are written as they are).
pub fn markdown_in(
    lang: Lang,
    catalog: &Catalog,
    gap: &Gap,
    review: Option<&Review>,
    today: Date,
) -> String {
    // Every item: the TUI's export has no `--all` to ask for them.
    render_markdown(lang.strings(), &build(catalog, gap, review, today), true)
}

/// The report as Markdown in `lang`; with a review, unassessed optional
/// items are left out unless `all`.
pub fn markdown_of(lang: Lang, report: &Report<'_>, all: bool) -> String {
    render_markdown(lang.strings(), report, all)
}

/// A mark for a table cell: its word, or `–` for none.
fn cell_mark(t: &Strings, m: Option<Mark>) -> &'static str {
    match m {
        Some(m) => t.mark(Some(m)),
        None => "–",
    }
}

/// Makes text safe inside a Markdown table cell: `|` becomes `\|` (with a
/// backslash right before it doubled, so it cannot undo the escape) and line
/// breaks become `<br>`. Other Markdown in the text is kept and renders.
pub fn escape_cell(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape_cell_into(&mut s, text, false);
    s
}

/// [`escape_cell`], appending to `out`; with `html`, also [`escape_html`]
/// in the same pass (what a catalog text in a table cell needs). Runs of
/// plain text are copied whole: only `|`, `\`, a line break and (with
/// `html`) `<` are looked at, and all are ASCII.
pub(crate) fn escape_cell_into(out: &mut String, text: &str, html: bool) {
    let bytes = text.as_bytes();
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let replacement = match b {
            b'\\' if bytes.get(i + 1) == Some(&b'|') => "\\\\",
            b'|' => "\\|",
            b'\n' => "<br>",
            b'<' if html && opens_html(bytes, i) => "\\<",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
}

/// True when the `<` at `i` opens a tag, a closing tag, a comment or a
/// processing instruction (`<a`, `</`, `<!`, `<?`).
fn opens_html(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i + 1)
        .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?'))
}

/// Characters that start a block (heading, quote, list, code fence, table,
/// thematic break, setext underline, HTML, link definition) at the start of
/// a line.
const BLOCK_STARTERS: &[char] = &[
    '#', '>', '-', '+', '*', '=', '_', '`', '~', '|', '[', '<', ':',
];

/// Escapes the inline HTML opener `<tag`, `</`, `<!` and `<?`, so catalog
/// text cannot open a comment or a tag that swallows what follows.
pub(crate) fn escape_html(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape_html_into(&mut s, text);
    s
}

/// [`escape_html`], appending to `out`, copying the text between openers
/// whole.
pub(crate) fn escape_html_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut plain = 0;
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == b'<') {
        if opens_html(bytes, i) {
            out.push_str(&text[plain..i]);
            out.push('\\');
            plain = i;
        }
    }
    out.push_str(&text[plain..]);
}

/// One line of catalog text made safe to start a Markdown line: leading
/// spaces are dropped (no indented code), a block marker gets a backslash,
/// and `1.` / `1)` becomes `1\.` / `1\)` (no ordered list). The text reads
/// the same once rendered.
pub fn escape_line(line: &str) -> String {
    let mut s = String::with_capacity(line.len() + 1);
    escape_line_into(&mut s, line);
    s
}

/// [`escape_line`], appending to `out`.
pub(crate) fn escape_line_into(out: &mut String, line: &str) {
    let line = line.trim_start();
    let bytes = line.as_bytes();
    // An HTML opener at the start gets its backslash from escape_html,
    // which then starts the line: no block marker is left to escape.
    if line.starts_with('<') && opens_html(bytes, 0) {
        escape_html_into(out, line);
        return;
    }
    if line.starts_with(BLOCK_STARTERS) {
        out.push('\\');
        escape_html_into(out, line);
        return;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) {
        out.push_str(&line[..digits]);
        out.push('\\');
        escape_html_into(out, &line[digits..]);
    } else {
        escape_html_into(out, line);
    }
}

/// Catalog text (possibly several lines) for a Markdown paragraph: every
/// line escaped, blank lines kept as paragraph breaks.
pub fn escape_text(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape_text_into(&mut s, text);
    s
}

/// [`escape_text`], appending to `out`: runs of blank lines become one,
/// and blank lines at the end are dropped (one at the start is kept).
pub(crate) fn escape_text_into(out: &mut String, text: &str) {
    // Lines written so far, and whether a blank line waits to be written
    // (only once a line with text follows it).
    let mut written = 0usize;
    let mut blank = false;
    for line in text.lines() {
        if line.trim_start().is_empty() {
            blank = true;
            continue;
        }
        if blank {
            if written > 0 {
                out.push('\n');
            }
            written += 1;
            blank = false;
        }
        if written > 0 {
            out.push('\n');
        }
        escape_line_into(out, line);
        written += 1;
    }
}

/// A note as Markdown blocks: lines written as bullets (`- `, `* `, `• `)
/// stay a bullet list, every other line is a paragraph of its own, so the
/// note reads in the packet as it was typed.
fn note_blocks(note: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in note.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let bullet = ["- ", "* ", "• "].iter().find_map(|b| line.strip_prefix(b));
        match bullet {
            Some(rest) => {
                if !in_list {
                    out.push('\n');
                }
                out.push_str(&format!("- {}\n", escape_line(rest)));
                in_list = true;
            }
            None => {
                out.push_str(&format!("\n{}\n", escape_line(line)));
                in_list = false;
            }
        }
    }
    out
}

/// A name or title on one line, inside a heading or after a label.
fn escape_inline(text: &str) -> String {
    escape_html(&one_line(text))
}

/// Text for the end of a heading: a trailing `#` run, which Markdown would
/// drop as a closing sequence, is escaped.
fn escape_heading(text: &str) -> String {
    let s = escape_inline(text);
    let body = s.trim_end_matches('#');
    if body.len() < s.len() {
        format!("{body}\\{}", &s[body.len()..])
    } else {
        s
    }
}

fn render_markdown(t: &Strings, r: &Report<'_>, all: bool) -> String {
    let mut out = String::new();
    // The target level ends the title in both languages' templates.
    let title = fill(
        t.report_title,
        &[
            ("role", &escape_inline(r.role.name)),
            ("from", &escape_inline(r.from.name)),
            ("to", &escape_heading(r.to.name)),
        ],
    );
    out.push_str(&format!("# {title}\n"));
    para(
        &mut out,
        &format!(
            "**{}** {} · **{}** {}",
            t.report_catalog,
            escape_inline(r.catalog),
            t.report_date,
            r.date
        ),
    );
    if r.reviewed {
        let meta: Vec<String> = meta_parts(t, r)
            .into_iter()
            .map(|(label, value)| format!("**{label}** {}", escape_inline(&value)))
            .collect();
        if !meta.is_empty() {
            para(&mut out, &meta.join(" · "));
        }
    }
    para(&mut out, &format!("**{}** `{}`", t.report_ladder, r.ladder));
    let (head, rest) = counts_line(t, r);
    para(&mut out, &format!("**{head}** · {rest}"));
    if r.reviewed {
        para(
            &mut out,
            &format!(
                "_{}_",
                fill(t.report_counted, &[("who", t.assessor(r.counted))])
            ),
        );
        if let Some(m) = r.meta.as_ref().filter(|m| !m.summary.trim().is_empty()) {
            out.push_str(&note_blocks(&safe(m.summary)));
        }
        summary_table(&mut out, t, r, all);
    }
    if r.items.is_empty() {
        para(&mut out, &escape_text(&nothing_changes(t, r)));
    }
    if r.reviewed && !r.items.is_empty() {
        para(&mut out, &format!("## {}", t.report_details));
    }
    let shown = r.items.iter().filter(|i| !left_out(r, i, all));
    for (n, item) in shown.enumerate() {
        para(
            &mut out,
            &format!("## {}. {}", n + 1, escape_heading(item.skill.name)),
        );
        para(
            &mut out,
            &format!(
                "{} · **{}**",
                escape_inline(item.domain.name),
                escape_inline(&change_label(t, item, r.to.name))
            ),
        );
        for (level, necessity, text) in expectations(r, item) {
            let body = match (necessity, text) {
                (Some(nec), Some(text)) => fill(
                    t.report_expectation,
                    &[
                        ("necessity", necessity_word(t, nec)),
                        ("text", &escape_text(text)),
                    ],
                ),
                _ => t.report_nothing_expected.into(),
            };
            para(&mut out, &format!("**{}** {body}", escape_inline(level)));
        }
        let changes = behaviour_change_lines(t, item);
        if !changes.is_empty() {
            let list: Vec<String> = changes
                .iter()
                .map(|l| format!("- {}", escape_text(l)))
                .collect();
            para(
                &mut out,
                &format!("**{}**\n\n{}", t.report_behaviours, list.join("\n")),
            );
        }
        if r.reviewed {
            para(
                &mut out,
                &format!("**{}** {}", t.report_mark, mark_label(t, item.mark)),
            );
            if item.all_marks.iter().any(|(w, _)| *w != r.counted) {
                let marks: Vec<String> = item
                    .all_marks
                    .iter()
                    .map(|(w, m)| format!("{} {}", escape_inline(t.assessor(w)), t.mark(Some(*m))))
                    .collect();
                para(
                    &mut out,
                    &format!("**{}** {}", t.report_marks_by, marks.join(" · ")),
                );
            }
            let assessed: Vec<String> = item
                .assessed_behaviours()
                .map(|b| {
                    let marks: Vec<String> = b
                        .all_marks
                        .iter()
                        .map(|(w, m)| {
                            format!("{} {}", escape_inline(t.assessor(w)), t.mark(Some(*m)))
                        })
                        .collect();
                    let mut line = format!("- {} — {}", escape_text(b.text), marks.join(" · "));
                    if b.changed {
                        line.push_str(&format!(" ({})", t.report_behaviour_changed));
                    }
                    if let Some(note) = b.note {
                        line.push_str(&format!(
                            " — {}",
                            escape_inline(&safe(note).replace('\n', " "))
                        ));
                    }
                    line
                })
                .collect();
            if !assessed.is_empty() {
                para(
                    &mut out,
                    &format!(
                        "**{}**\n\n{}",
                        t.report_behaviour_marks,
                        assessed.join("\n")
                    ),
                );
            }
            if let Some(note) = item.note {
                if note.trim().contains('\n') {
                    // Several lines: paragraphs and bullets, as typed.
                    para(&mut out, &format!("**{}**", t.report_note));
                    out.push_str(&note_blocks(&safe(note)));
                } else {
                    para(
                        &mut out,
                        &format!("**{}** {}", t.report_note, escape_text(&safe(note))),
                    );
                }
            }
        }
        if item.stale {
            para(&mut out, t.report_stale);
            let quoted: Vec<String> = escape_text(&safe(item.assessed_text.unwrap_or_default()))
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        ">".into()
                    } else {
                        format!("> {l}")
                    }
                })
                .collect();
            para(&mut out, &quoted.join("\n"));
        }
    }
    if !r.others.is_empty() {
        para(&mut out, &format!("## {}", t.report_also_assessed));
        out.push('\n');
        for o in &r.others {
            let mut line = format!(
                "- **{}** (`{}`): {}",
                escape_inline(o.skill_name.unwrap_or(o.skill_id)),
                one_line(o.skill_id).replace('`', "'"),
                t.mark(o.mark)
            );
            if !o.note.trim().is_empty() {
                line.push_str(&format!(" — {}", escape_inline(o.note)));
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

/// The one-screen summary table and the "Required, not yet met" section.
fn summary_table(out: &mut String, t: &Strings, r: &Report<'_>, all: bool) {
    let cols = assessor_columns(r);
    para(out, &format!("## {}", t.report_summary));
    out.push('\n');
    let mut head = format!("| {} | {} |", t.report_col_skill, t.report_col_required);
    for c in &cols {
        head.push_str(&format!(
            " {} |",
            escape_cell(&escape_inline(t.assessor(c)))
        ));
    }
    head.push_str(&format!(" {} |\n", t.report_col_evidence));
    out.push_str(&head);
    out.push_str(&"|---".repeat(cols.len() + 3));
    out.push_str("|\n");
    for item in r.items.iter().filter(|i| !left_out(r, i, all)) {
        let mut row = format!(
            "| {} | {} |",
            escape_cell(&escape_inline(item.skill.name)),
            if item.required {
                t.report_yes
            } else {
                t.report_no
            }
        );
        for c in &cols {
            let m = item.all_marks.iter().find(|(w, _)| w == c).map(|(_, m)| *m);
            row.push_str(&format!(" {} |", cell_mark(t, m)));
        }
        row.push_str(&format!(
            " {} |\n",
            escape_cell(&escape_html(&evidence(item.note, 80)))
        ));
        out.push_str(&row);
    }
    let hidden = r.items.iter().filter(|i| left_out(r, i, all)).count();
    if hidden > 0 {
        para(
            out,
            &format!(
                "_{}_",
                fill(t.report_left_out, &[("n", &hidden.to_string())])
            ),
        );
    }
    para(out, &format!("## {}", t.report_required_not_met));
    let missing: Vec<String> = r
        .items
        .iter()
        .filter(|i| i.required && i.counted_mark != Some(Mark::Met))
        .map(|i| {
            format!(
                "- **{}** — {}",
                escape_inline(i.skill.name),
                mark_label(t, i.mark)
            )
        })
        .collect();
    if missing.is_empty() {
        para(out, t.report_all_required_met);
    } else {
        out.push('\n');
        out.push_str(&missing.join("\n"));
        out.push('\n');
    }
}

/// Appends a paragraph: a blank line, then `s`.
fn para(out: &mut String, s: &str) {
    out.push('\n');
    out.push_str(s);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_paragraphs_and_bullets() {
        let md = note_blocks(
            "Wrote the template.\n- adopted by three teams\n* reviewed monthly\nNot yet: # owner",
        );
        assert_eq!(
            md,
            "\nWrote the template.\n\n- adopted by three teams\n- reviewed monthly\n\nNot yet: # owner\n"
        );
    }

    #[test]
    fn escape_cell_cases() {
        assert_eq!(escape_cell("a|b"), "a\\|b");
        assert_eq!(escape_cell("a\nb"), "a<br>b");
        assert_eq!(escape_cell("a\\|b"), "a\\\\\\|b");
        assert_eq!(escape_cell("C:\\dir"), "C:\\dir");
        assert_eq!(escape_cell(""), "");
    }

    /// The escapes as they were written a character at a time, to check
    /// the versions that copy runs against.
    mod by_char {
        pub fn escape_cell(text: &str) -> String {
            let mut s = String::new();
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\\' if chars.peek() == Some(&'|') => s.push_str("\\\\"),
                    '|' => s.push_str("\\|"),
                    '\n' => s.push_str("<br>"),
                    c => s.push(c),
                }
            }
            s
        }

        pub fn escape_html(text: &str) -> String {
            let mut s = String::new();
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '<'
                    && chars
                        .peek()
                        .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
                {
                    s.push('\\');
                }
                s.push(c);
            }
            s
        }

        pub fn escape_line(line: &str) -> String {
            let line = escape_html(line.trim_start());
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            if line.starts_with(super::BLOCK_STARTERS) {
                format!("\\{line}")
            } else if (1..=9).contains(&digits)
                && matches!(line[digits..].chars().next(), Some('.' | ')'))
            {
                format!("{}\\{}", &line[..digits], &line[digits..])
            } else {
                line
            }
        }

        pub fn escape_text(text: &str) -> String {
            let mut lines: Vec<String> = Vec::new();
            for line in text.lines() {
                let escaped = escape_line(line);
                if escaped.is_empty() && lines.last().is_some_and(String::is_empty) {
                    continue;
                }
                lines.push(escaped);
            }
            while lines.last().is_some_and(String::is_empty) {
                lines.pop();
            }
            lines.join("\n")
        }
    }

    proptest::proptest! {
        /// Copying runs gives what escaping a character at a time gave,
        /// on texts made of the characters the escapes look at.
        #[test]
        fn escaping_in_runs_matches_escaping_by_character(
            text in "([<>|\\\\\n\r#*1. \t!/?a-cé中-]|\u{202E}){0,40}",
            appended_to in "(x|<){0,2}",
        ) {
            proptest::prop_assert_eq!(escape_cell(&text), by_char::escape_cell(&text));
            proptest::prop_assert_eq!(escape_html(&text), by_char::escape_html(&text));
            proptest::prop_assert_eq!(escape_line(&text), by_char::escape_line(&text));
            proptest::prop_assert_eq!(escape_text(&text), by_char::escape_text(&text));
            let mut both = appended_to.clone();
            escape_cell_into(&mut both, &text, true);
            proptest::prop_assert_eq!(
                both,
                format!("{appended_to}{}", by_char::escape_cell(&by_char::escape_html(&text)))
            );
        }
    }

    #[test]
    fn markdown_escapes_block_markers() {
        assert_eq!(escape_line("# Title"), "\\# Title");
        assert_eq!(escape_line("   > quote"), "\\> quote");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("---"), "\\---");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("```rust"), "\\```rust");
        assert_eq!(escape_line("| a | b |"), "\\| a | b |");
        assert_eq!(escape_line("12. twelve"), "12\\. twelve");
        assert_eq!(escape_line("3) three"), "3\\) three");
        assert_eq!(escape_line("2026 plans"), "2026 plans");
        assert_eq!(escape_line("[x]: http://e"), "\\[x]: http://e");
        assert_eq!(escape_line("a <!-- b"), "a \\<!-- b");
        assert_eq!(escape_line("<div>"), "\\<div>");
        assert_eq!(escape_line("x < y and C#"), "x < y and C#");
        assert_eq!(escape_line("Uses `a | b` well"), "Uses `a | b` well");
        assert_eq!(escape_text("one\n\n\n# two\n"), "one\n\n\\# two");
        assert_eq!(escape_heading("Level ##"), "Level \\##");
        assert_eq!(escape_heading("C#"), "C\\#");
        assert_eq!(escape_heading("Plain"), "Plain");
    }
}
