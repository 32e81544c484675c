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
        (Overlay::Gap, _) if app.gap.as_ref().is_some_and(|g| g.note.is_some()) => {
            vec![("Enter", "save note"), ("Esc", "cancel")]
        }
        (Overlay::Gap, _) => vec![
            ("↑↓", "item"),
            ("m/p/n", "met/partly/not yet"),
            ("Space", "cycle"),
            ("u", "clear"),
            ("e", "note"),
            ("[ ]", "target"),
            ("←→", "from"),
            ("x", "export"),
            ("Esc", "back"),
        ],
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
            ("g", "gap"),
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
    if let Some(message) = &app.status {
        let line = text::truncate(&format!(" {message}"), usize::from(area.width));
        Line::from(Span::styled(line, app.theme.warning)).render(area, buf);
        return;
    }
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
