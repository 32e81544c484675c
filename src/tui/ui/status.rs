//! The status line: the keys that matter for what has focus now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::{App, Focus, Overlay};
use crate::tui::text;

/// Key hints for the current mode and focus, as (key, what) pairs.
pub fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    match (app.overlay, app.focus) {
        (Overlay::Search, _) => vec![
            ("↑↓", "choose"),
            ("Enter", "go"),
            ("Tab", "scope"),
            ("Ctrl-U", "clear"),
            ("Esc", "back"),
        ],
        (Overlay::Help, _) => vec![("↑↓", "scroll"), ("Esc/?", "close"), ("q", "quit")],
        (Overlay::Profile, _) if app.profile.expanded => {
            vec![("Esc/Enter", "close text"), ("q", "quit")]
        }
        (Overlay::Profile, _) => vec![
            ("↑↓", "row"),
            ("←→", "level"),
            ("Enter", "whole text"),
            ("Esc", "back"),
            ("q", "quit"),
        ],
        (Overlay::None, Focus::Roles) => vec![
            ("↑↓", "role"),
            ("←→", "level"),
            ("Enter", "skills"),
            ("Tab", "focus"),
            ("?", "help"),
            ("q", "quit"),
        ],
        (Overlay::None, Focus::Skills) => vec![
            ("↑↓", "skill"),
            ("←→", "level"),
            ("Enter", "profile"),
            ("/", "search"),
            ("Tab", "focus"),
            ("?", "help"),
            ("q", "quit"),
        ],
        (Overlay::None, Focus::Detail) => vec![
            ("↑↓", "scroll"),
            ("PgUp/PgDn", "page"),
            ("←→", "level"),
            ("Enter", "profile"),
            ("Tab", "focus"),
            ("?", "help"),
            ("q", "quit"),
        ],
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    let mut used = 0;
    let width = usize::from(area.width);
    for (key, what) in hints(app) {
        let piece = text::width(key) + text::width(what) + 3;
        if used + piece > width {
            break;
        }
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, app.theme.key));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(what, app.theme.dim));
        spans.push(Span::raw(" "));
        used += piece;
    }
    Line::from(spans).render(area, buf);
}
