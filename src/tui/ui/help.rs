//! The help overlay: every key, grouped by where it works.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::pane;
use crate::i18n::Strings;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::text;

/// The key table in the interface's language: section headings (key `""`)
/// and (keys, what they do). Key names are the same in every language,
/// except those that are words.
pub fn keys(t: &Strings) -> Vec<(&'static str, &'static str)> {
    vec![
        ("", t.help_section_everywhere),
        ("← → / h l", t.help_level),
        ("1 … 9", t.help_jump),
        ("Tab / Shift-Tab", t.help_focus),
        ("/", t.help_search),
        ("g", t.help_gap),
        ("?", t.help_help),
        ("q / Ctrl-C", t.help_quit),
        ("", t.help_section_panes),
        ("↑ ↓ / k j", t.help_move),
        ("PgUp PgDn", t.help_page),
        ("Home End / G", t.help_first_last),
        ("Enter", t.help_enter),
        ("", t.help_section_profile),
        ("↑ ↓", t.help_profile_row),
        ("Enter", t.help_profile_enter),
        ("Esc", t.help_profile_esc),
        ("", t.help_section_search),
        (t.help_key_type, t.help_type),
        ("Enter", t.help_search_enter),
        ("Tab", t.help_search_tab),
        ("Ctrl-U / Ctrl-W", t.help_search_clear),
        ("Esc", t.help_search_esc),
        ("", t.help_section_gap),
        ("m p n", t.help_gap_mark),
        ("Space / u", t.help_gap_cycle),
        (t.help_key_note, t.help_gap_note),
        ("[ ]", t.help_gap_target),
        ("← →", t.help_gap_from),
        ("x", t.help_gap_export),
        ("Esc / g", t.help_gap_back),
        ("", t.help_section_mouse),
        (t.help_key_click, t.help_click),
        (t.help_key_wheel, t.help_wheel),
        ("", t.help_section_marks),
        ("●  ○  ·", t.help_marks_legend),
    ]
}

/// The help text as lines, for drawing and for scrolling limits.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let keys: Vec<(String, &str)> = keys(app.lang.strings())
        .into_iter()
        .map(|(k, w)| (app.bindings.label(k).into_owned(), w))
        .collect();
    // Display width, so a key column holding Chinese words stays aligned.
    let key_width = keys.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let mut out = Vec::new();
    for (i, (key, what)) in keys.into_iter().enumerate() {
        if key.is_empty() {
            if i > 0 {
                out.push(Line::default());
            }
            out.push(Line::from(Span::styled(what, app.theme.heading)));
        } else {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(text::pad(&key, key_width), app.theme.key),
                Span::raw("  "),
                Span::raw(what),
            ]));
        }
    }
    out
}

/// Draws the help over `area`; returns how many lines it has.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> usize {
    let lines = lines(app);
    let total = lines.len();
    let width = lines.iter().map(Line::width).max().unwrap_or(0) + 4;
    let height = lines.len() + 2;
    let popup = layout::centered(
        area,
        u16::try_from(width).unwrap_or(u16::MAX),
        u16::try_from(height).unwrap_or(u16::MAX),
    );
    Clear.render(popup, buf);
    pane(app, Line::from(app.lang.strings().help_title), true).render(popup, buf);
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
    total
}
