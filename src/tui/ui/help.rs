//! The help overlay: every key, grouped by where it works.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::pane;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::text;

/// The key table: section headings (key `""`) and (keys, what they do).
pub const KEYS: &[(&str, &str)] = &[
    ("", "Everywhere"),
    ("← → / h l", "previous / next level"),
    ("1 … 9", "jump to level N"),
    ("Tab / Shift-Tab", "focus next / previous pane"),
    ("/", "search skills, tags, domains and texts"),
    ("g", "promotion gap: what changes to the next level"),
    ("?", "show or hide this help"),
    ("q / Ctrl-C", "quit"),
    ("", "Roles, skills and detail panes"),
    ("↑ ↓ / k j", "move (or scroll the detail)"),
    ("PgUp PgDn", "move by a page (also Ctrl-U / Ctrl-D)"),
    ("Home End / G", "first / last"),
    ("Enter", "roles: go to skills; skills: full skill profile"),
    ("", "Full skill profile"),
    ("↑ ↓", "select a row (level × role)"),
    ("Enter", "show the row's whole text"),
    ("Esc", "close the text, then the profile"),
    ("", "Search box"),
    ("type / paste", "filter live; ↑ ↓ or Ctrl-N Ctrl-P choose"),
    ("Enter", "go to the result (its role and level too)"),
    ("Tab", "all roles / the selected role"),
    ("Ctrl-U / Ctrl-W", "clear the query / delete a word"),
    ("Esc", "close and go back to where you were"),
    ("", "Promotion gap"),
    ("m p n", "mark met / partly / not yet"),
    ("Space / u", "cycle the mark / clear it"),
    ("e or Enter", "edit the note (Enter saves, Esc cancels)"),
    ("[ ]", "target level down / up"),
    ("← →", "from level down / up"),
    ("x", "export the review as Markdown"),
    ("Esc / g", "back to the explorer"),
    ("", "Mouse"),
    ("click", "select a role, skill, level or row"),
    ("wheel", "scroll the pane under the pointer"),
    ("", "Marks"),
    ("●  ○  ·", "required · optional · nothing expected"),
];

/// The help text as lines, for drawing and for scrolling limits.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let key_width = KEYS.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let mut out = Vec::new();
    for (i, (key, what)) in KEYS.iter().enumerate() {
        if key.is_empty() {
            if i > 0 {
                out.push(Line::default());
            }
            out.push(Line::from(Span::styled(*what, app.theme.heading)));
        } else {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(text::pad(key, key_width), app.theme.key),
                Span::raw("  "),
                Span::raw(*what),
            ]));
        }
    }
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = lines(app);
    let width = lines.iter().map(Line::width).max().unwrap_or(0) + 4;
    let height = lines.len() + 2;
    let popup = layout::centered(
        area,
        u16::try_from(width).unwrap_or(u16::MAX),
        u16::try_from(height).unwrap_or(u16::MAX),
    );
    Clear.render(popup, buf);
    pane(app, Line::from(" Help · Esc or ? closes "), true).render(popup, buf);
    let inner = layout::inner(popup);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(1),
        ..inner
    };
    for (i, line) in lines
        .into_iter()
        .skip(app.help_scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        line.style(Style::new())
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
