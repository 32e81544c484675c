//! The review details form, centred over the gap view: a label and a value
//! per field, the field with the cursor marked by the pointer and a bold
//! label (so it shows without colour) and drawn by the editor; under the
//! fields, what the focused field takes and why the last save could not
//! happen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{gutter, pane};
use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::Overlay;
use crate::tui::screens::meta::Field;
use crate::tui::text;

/// Rows the summary takes at most (its editor scrolls beyond).
const SUMMARY_ROWS: u16 = 8;

/// Draws the form centred over `main`.
pub fn render(app: &App, main: Rect, buf: &mut Buffer) {
    let Some(Overlay::Meta(form)) = &app.overlay else {
        return;
    };
    let t = app.t();
    // At most 80 columns; the whole view's width when that is about all
    // there is, so no sliver of the view shows beside the form.
    let width = main.width.min(80);
    // Fields, the summary's rows, a blank line, the hint, up to two lines
    // of error.
    let summary_rows = main
        .height
        .saturating_sub(2 + 4 + 1 + 1 + 2 + 2)
        .clamp(2, SUMMARY_ROWS);
    let height = 2 + 4 + summary_rows + 1 + 1 + 2;
    let popup = layout::centered(main, width, height);
    Clear.render(popup, buf);
    let mut title = t.meta_title.to_string();
    if form.read_only
        && let Some(day) = app.review.as_ref().and_then(|r| r.review.closed)
    {
        title = fill(t.meta_title_closed, &[("date", &day.to_string())]);
    }
    let inner_width = usize::from(popup.width.saturating_sub(2));
    pane(
        app,
        Line::from(app.symbols.truncate(&title, inner_width)),
        true,
    )
    .render(popup, buf);
    let inner = layout::inner(popup);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let labels = Field::ALL.map(|f| f.label(t));
    let label_width = labels.iter().map(|l| text::width(l)).max().unwrap_or(0);
    // Pointer, label, two spaces.
    let value_x = 2 + label_width + 2;
    let value_width = inner
        .width
        .saturating_sub(u16::try_from(value_x).unwrap_or(u16::MAX));
    let x = inner
        .x
        .saturating_add(u16::try_from(value_x).unwrap_or(u16::MAX));
    let mut y = inner.y;
    for (i, field) in Field::ALL.iter().enumerate() {
        let focused = i == form.focus;
        let rows = if *field == Field::Summary {
            summary_rows
        } else {
            1
        };
        let label_style = if focused { app.theme.key } else { Style::new() };
        Line::from(vec![
            Span::styled(gutter(app, focused), app.theme.key),
            Span::styled(app.symbols.pad(labels[i], label_width), label_style),
        ])
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
        let area = Rect::new(x, y, value_width, rows).intersection(inner);
        let editor = &form.fields[i];
        if focused && !form.read_only {
            editor.render(area, buf);
        } else {
            // Not being typed: the text as it is, wrapped in the summary.
            let value = editor.text();
            let lines: Vec<String> = if rows > 1 {
                value
                    .split('\n')
                    .flat_map(|l| text::wrap(l, usize::from(value_width).max(1)))
                    .collect()
            } else {
                vec![
                    app.symbols
                        .truncate(&value.replace('\n', " "), usize::from(value_width)),
                ]
            };
            for (j, l) in lines.iter().take(usize::from(rows)).enumerate() {
                let ly = y.saturating_add(u16::try_from(j).unwrap_or(u16::MAX));
                buf.set_stringn(x, ly, l, usize::from(value_width), Style::new());
            }
        }
        y = y.saturating_add(rows);
    }
    y = y.saturating_add(1);
    let w = usize::from(inner.width);
    if !form.read_only {
        let hint = app.bindings.fill(form.field().hint(t));
        Line::from(Span::styled(app.symbols.truncate(&hint, w), app.theme.dim))
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    y = y.saturating_add(1);
    if let Some(error) = &form.error {
        let style = app.theme.warning.add_modifier(Modifier::BOLD);
        for (j, l) in text::wrap(error, w).iter().take(2).enumerate() {
            let ly = y.saturating_add(u16::try_from(j).unwrap_or(u16::MAX));
            if ly < inner.bottom() {
                Line::from(Span::styled(l.clone(), style))
                    .render(Rect::new(inner.x, ly, inner.width, 1), buf);
            }
        }
    }
}
