//! The status line: the keys that matter for what has focus now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::{App, Focus};
use crate::tui::screens::Screen;
use crate::tui::text;

/// Key hints for the current mode and focus, as (key, what) pairs.
pub fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    let t = app.lang.strings();
    match (app.screen, app.focus) {
        (Screen::Gap, _) if app.gap.as_ref().is_some_and(|g| g.note.is_some()) => {
            vec![("Enter", t.hint_save_note), ("Esc", t.hint_cancel)]
        }
        (Screen::Gap, _) => vec![
            ("↑↓", t.hint_item),
            ("m/p/n", t.hint_marks),
            ("Space", t.hint_cycle),
            ("u", t.hint_clear),
            ("e", t.hint_note),
            ("[ ]", t.hint_target),
            ("←→", t.hint_from),
            ("x", t.hint_export),
            ("Esc", t.hint_back),
        ],
        (Screen::Search, _) => vec![
            ("↑↓", t.hint_choose),
            ("Enter", t.hint_go),
            ("Tab", t.hint_scope),
            ("Ctrl-U", t.hint_clear),
            ("Esc", t.hint_back),
        ],
        (Screen::Help, _) => vec![
            ("↑↓", t.hint_scroll),
            ("Esc/?", t.hint_close),
            ("q", t.hint_quit),
        ],
        (Screen::Profile, _) if app.profile.expanded => {
            vec![("Esc/Enter", t.hint_close_text), ("q", t.hint_quit)]
        }
        (Screen::Profile, _) => vec![
            ("↑↓", t.hint_row),
            ("←→", t.hint_level),
            ("Enter", t.hint_whole_text),
            ("Esc", t.hint_back),
            ("q", t.hint_quit),
        ],
        (Screen::Browse, Focus::Roles) => vec![
            ("↑↓", t.hint_role),
            ("←→", t.hint_level),
            ("Enter", t.hint_skills),
            ("Tab", t.hint_focus),
            ("?", t.hint_help),
            ("q", t.hint_quit),
        ],
        (Screen::Browse, Focus::Skills) => vec![
            ("↑↓", t.hint_skill),
            ("←→", t.hint_level),
            ("Enter", t.hint_profile),
            ("/", t.hint_search),
            ("g", t.hint_gap),
            ("Tab", t.hint_focus),
            ("?", t.hint_help),
            ("q", t.hint_quit),
        ],
        (Screen::Browse, Focus::Detail) => vec![
            ("↑↓", t.hint_scroll),
            ("PgUp/PgDn", t.hint_page),
            ("←→", t.hint_level),
            ("Enter", t.hint_profile),
            ("Tab", t.hint_focus),
            ("?", t.hint_help),
            ("q", t.hint_quit),
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
        let key = app.bindings.label(key).into_owned();
        let piece = text::width(&key) + text::width(what) + 3;
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
