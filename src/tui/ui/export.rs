//! The export format picker: a small popup listing the formats, each with
//! the letter that chooses it, and the path the chosen one is written to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{gutter, pane};
use crate::report::Format;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::Overlay;
use crate::tui::screens::export::letter;
use crate::tui::text;

/// A format as the picker names it.
pub fn label(app: &App, format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Text => app.t().format_text,
        Format::Html => "HTML",
        Format::Csv => "CSV",
        Format::Json => "JSON",
    }
}

/// Where an export in `format` goes: beside the review file, or in the
/// current folder (the event loop picks a free name if a file it did not
/// write is there).
pub fn path(app: &App, format: Format) -> String {
    let Some(g) = &app.gap else {
        return String::new();
    };
    let file = app.review.as_ref().and_then(|r| r.file.as_deref());
    crate::report::export_path_as(file.map(std::path::Path::new), &app.catalog, &g.gap, format)
        .display()
        .to_string()
}

/// Draws the picker centred over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(Overlay::Export(picker)) = &app.overlay else {
        return;
    };
    let t = app.t();
    let chosen = picker.format();
    let target = crate::i18n::fill(t.export_to, &[("path", &path(app, chosen))]);
    let names = Format::ALL.map(|f| label(app, f));
    let name_width = names.iter().map(|n| text::width(n)).max().unwrap_or(0);
    let rows: Vec<String> = Format::ALL
        .iter()
        .zip(names)
        .map(|(f, n)| {
            format!(
                "{}  {}  .{}",
                letter(*f),
                app.symbols.pad(n, name_width),
                f.extension()
            )
        })
        .collect();
    let title = t.export_title;
    let content = rows
        .iter()
        .map(|r| text::width(r) + 2)
        .chain([text::width(&target), text::width(title)])
        .max()
        .unwrap_or(0);
    let width = u16::try_from(content + 4)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let height = u16::try_from(rows.len() + 4).unwrap_or(u16::MAX);
    let popup = layout::centered(area, width, height);
    Clear.render(popup, buf);
    pane(app, Line::from(title), true).render(popup, buf);
    let inner = layout::inner(popup);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let w = usize::from(inner.width);
    for (i, row) in rows.iter().enumerate() {
        let y = inner.y.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        if y >= inner.bottom() {
            return;
        }
        let selected = i == picker.selected;
        let style = if selected {
            app.theme.selection
        } else {
            ratatui::style::Style::new()
        };
        Line::from(vec![
            Span::styled(gutter(app, selected), app.theme.key),
            Span::styled(app.symbols.truncate(row, w.saturating_sub(2)), style),
        ])
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    let y = inner
        .y
        .saturating_add(u16::try_from(rows.len() + 1).unwrap_or(u16::MAX));
    if y < inner.bottom() {
        Line::from(Span::styled(
            app.symbols.truncate(&target, w),
            app.theme.dim,
        ))
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
