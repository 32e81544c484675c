//! Per-behaviour rows of the gap list (under an item expanded with `Tab`)
//! and the assessment pane of a selected behaviour: its text, every
//! assessor's mark, "changed since assessed", and its note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::gap::{column_width, mark_symbol, push_marks_side_by_side};
use super::{rule, wrapped};
use crate::gap::GapItem;
use crate::i18n::fill;
use crate::review::{BehaviourMarks, assessed_behaviours};
use crate::tui::app::App;
use crate::tui::text;

/// Behaviour `j` of `item` as stored, and whether it was reworded since.
fn state<'a>(app: &'a App, item: &GapItem, j: usize) -> (Option<&'a BehaviourMarks>, bool) {
    let current = assessed_behaviours(item);
    app.assessment(item.skill)
        .and_then(|a| a.behaviour_states(&current).get(j).copied())
        .map_or((None, false), |s| (s.stored, s.changed))
}

/// One behaviour row: its marks in the item's columns, a bullet and its
/// text, `⚠` when reworded since assessed and the note symbol.
pub fn render_row(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    item: &GapItem,
    j: usize,
    columns: &[(String, String)],
) {
    let Some(g) = &app.gap else { return };
    let current = assessed_behaviours(item);
    let Some(text) = current.get(j) else { return };
    let selected = g.selected_behaviour() == Some(j)
        && g.gap
            .items
            .get(g.cursor)
            .is_some_and(|c| std::ptr::eq(c, item));
    let (stored, changed) = state(app, item, j);
    let marks = if columns.is_empty() {
        mark_symbol(app, stored.and_then(|b| b.mark_of(&app.counted()))).to_string()
    } else {
        let cw = column_width(columns);
        columns
            .iter()
            .map(|(w, _)| text::pad(mark_symbol(app, stored.and_then(|b| b.mark_of(w))), cw))
            .collect()
    };
    let s = &app.symbols;
    let mut flag = String::new();
    if stored.is_some_and(|b| !b.note.trim().is_empty()) {
        flag.push_str(s.note);
    }
    if changed {
        if !flag.is_empty() {
            flag.push(' ');
        }
        flag.push_str(s.stale);
    }
    let width = usize::from(area.width);
    let bullet = if s.is_ascii() { "- " } else { "• " };
    let fixed = 2 + text::width(&marks) + 3 + text::width(bullet) + text::width(&flag) + 1;
    let shown = app.symbols.pad(
        &app.symbols.truncate(text, width.saturating_sub(fixed)),
        width.saturating_sub(fixed),
    );
    let style = if selected {
        app.theme.selection
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::raw(super::gutter(app, selected)),
        Span::styled(marks, app.theme.key),
        Span::raw("   "),
        Span::styled(bullet, app.theme.dim),
        Span::raw(shown),
        Span::raw(" "),
        Span::styled(flag, app.theme.warning),
    ])
    .style(style)
    .render(area, buf);
}

/// The selected behaviour's assessment lines above its note: the heading,
/// the text, every assessor's mark, "changed since assessed".
fn top_lines(app: &App, item: &GapItem, j: usize, width: usize) -> Vec<Line<'static>> {
    let t = app.t();
    let current = assessed_behaviours(item);
    let (stored, changed) = state(app, item, j);
    let heading = fill(
        t.gap_behaviour,
        &[
            ("n", &(j + 1).to_string()),
            ("total", &current.len().to_string()),
        ],
    );
    let mut out = vec![rule(app, &heading, width)];
    wrapped(
        &mut out,
        current.get(j).copied().unwrap_or(""),
        width,
        Style::new(),
    );
    let who = app.who();
    let mark = stored.and_then(|b| b.mark_of(&who));
    let mut spans = vec![
        Span::styled(mark_symbol(app, mark), app.theme.key),
        Span::raw(" "),
        Span::styled(t.mark(mark), app.theme.key),
    ];
    if let Some(b) = stored.filter(|b| !b.marks.is_empty()) {
        push_marks_side_by_side(app, &mut spans, &b.marks, &|w| b.mark_of(w), &who);
    }
    out.push(Line::from(spans));
    if changed {
        wrapped(&mut out, t.gap_behaviour_changed, width, app.theme.warning);
    }
    out
}

/// Rows the selected behaviour's assessment takes; `None` on an item row.
pub fn assessment_height(app: &App, item: &GapItem, width: u16, height: u16) -> Option<u16> {
    let g = app.gap.as_ref()?;
    let j = g.selected_behaviour()?;
    let t = app.t();
    let w = usize::from(width).max(1);
    let top = top_lines(app, item, j, w).len();
    let note = if let Some(editor) = &g.note {
        let lw = u16::try_from(text::width(t.gap_note)).unwrap_or(0);
        usize::from(
            editor
                .height(width.saturating_sub(lw))
                .clamp(3, (height / 2).max(3)),
        ) + 1
    } else {
        state(app, item, j)
            .0
            .filter(|b| !b.note.trim().is_empty())
            .map_or(1, |b| b.note.lines().count().clamp(1, 3))
    };
    Some(u16::try_from(top + note).unwrap_or(height).min(height))
}

/// The selected behaviour's assessment in `area`; `false` on an item row
/// (the item's own is drawn).
pub fn render_assessment(app: &App, area: Rect, buf: &mut Buffer, item: &GapItem) -> bool {
    let Some(g) = &app.gap else { return false };
    let Some(j) = g.selected_behaviour() else {
        return false;
    };
    let t = app.t();
    let width = usize::from(area.width).max(1);
    let mut y = area.y;
    let bottom = area.bottom();
    for line in top_lines(app, item, j, width) {
        if y >= bottom {
            return true;
        }
        line.render(Rect::new(area.x, y, area.width, 1), buf);
        y += 1;
    }
    if y >= bottom {
        return true;
    }
    if let Some(editor) = &g.note {
        let rows = bottom.saturating_sub(y).saturating_sub(1).max(1);
        let lw = u16::try_from(text::width(t.gap_note)).unwrap_or(0);
        buf.set_stringn(area.x, y, t.gap_note, width, app.theme.key);
        let edit = Rect::new(
            area.x + lw.min(area.width),
            y,
            area.width.saturating_sub(lw),
            rows.min(bottom.saturating_sub(y)),
        );
        editor.render(edit, buf);
        if edit.bottom() < bottom {
            buf.set_stringn(
                area.x,
                edit.bottom(),
                app.symbols
                    .truncate(&app.bindings.fill(t.gap_note_editing_keys), width),
                width,
                app.theme.dim,
            );
        }
        return true;
    }
    let mut rest: Vec<Line<'static>> = Vec::new();
    match state(app, item, j).0.filter(|b| !b.note.trim().is_empty()) {
        Some(b) => {
            for (i, l) in b.note.lines().enumerate() {
                let label = if i == 0 {
                    t.gap_note.to_string()
                } else {
                    " ".repeat(text::width(t.gap_note))
                };
                wrapped(&mut rest, &format!("{label}{l}"), width, Style::new());
            }
        }
        None => rest.push(Line::from(Span::styled(
            app.bindings.fill(t.gap_note_hint),
            app.theme.dim,
        ))),
    }
    for line in rest.into_iter().take(usize::from(bottom.saturating_sub(y))) {
        line.render(Rect::new(area.x, y, area.width, 1), buf);
        y += 1;
    }
    true
}
