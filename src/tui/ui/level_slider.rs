//! The level slider: every level in order, the current one in brackets and
//! reverse video, so it stands out without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::pane;
use crate::tui::app::App;
use crate::tui::layout;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let title = app.bindings.fill(app.t().slider_title);
    let block = pane(app, Line::from(title), false);
    block.render(area, buf);
    let inner = layout::inner(area);
    let segments =
        layout::slider_segments(&app.catalog.levels, app.level, inner.width, &app.symbols);
    let used: u16 = segments.iter().map(|s| s.width).sum();
    let mut spans: Vec<Span> = segments
        .into_iter()
        .map(|s| {
            let style = if s.current {
                app.theme.current_level
            } else if s.level.is_some() {
                Style::new()
            } else {
                app.theme.dim
            };
            Span::styled(s.label, style)
        })
        .collect();
    // The current level's summary, when there is room for some of it.
    let room = usize::from(inner.width.saturating_sub(used));
    if let Some(summary) = app
        .catalog
        .levels
        .get(app.level)
        .and_then(|l| l.summary.as_deref())
        && room > 12
    {
        let summary = summary.replace('\n', " ");
        spans.push(Span::styled(
            format!("   {}", app.symbols.truncate(&summary, room - 3)),
            app.theme.dim,
        ));
    }
    Line::from(spans).render(inner, buf);
}
