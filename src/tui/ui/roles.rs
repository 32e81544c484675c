//! The roles pane: every role with the number of skills in its profile.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::pane;
use crate::tui::app::{App, Focus};
use crate::tui::layout;
use crate::tui::screens::Screen;
use crate::tui::text;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Roles && app.screen == Screen::Browse;
    pane(app, Line::from(app.t().roles_title), focused).render(area, buf);
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    for (row, role) in app
        .catalog
        .roles
        .iter()
        .enumerate()
        .skip(app.roles_offset)
        .take(usize::from(inner.height))
    {
        let selected = row == app.role;
        let count = app.catalog.profile(row).len().to_string();
        let gutter = super::gutter(app, selected);
        let name_width = width.saturating_sub(text::width(&count) + 3);
        let name = app.symbols.pad(&role.name, name_width);
        let style = match (selected, focused) {
            (true, true) => app.theme.selection,
            (true, false) => app.theme.selection_unfocused,
            _ => ratatui::style::Style::new(),
        };
        let y = inner.y + u16::try_from(row - app.roles_offset).unwrap_or(0);
        let line = Line::from(vec![
            Span::raw(gutter),
            Span::raw(name),
            Span::raw(" "),
            Span::styled(count, app.theme.dim),
        ])
        .style(style);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
