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
use crate::tui::text;

/// A clickable piece of the slider, in columns from the slider's inner left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub x: u16,
    pub width: u16,
    pub label: String,
    /// The level this piece selects; `None` for separators and arrows.
    pub level: Option<usize>,
    /// For arrows: -1 previous, +1 next; 0 otherwise.
    pub step: i8,
    pub current: bool,
}

const SEPARATOR: &str = " ── ";

/// Lays the slider out in `width` columns: all levels by name when they
/// fit, otherwise `‹ [3/5 Senior] ›`.
pub fn segments(app: &App, width: u16) -> Vec<Segment> {
    let levels = &app.catalog.levels;
    let labels: Vec<String> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == app.level {
                format!("[{}]", l.name)
            } else {
                l.name.clone()
            }
        })
        .collect();
    let full: usize = labels.iter().map(|l| text::width(l)).sum::<usize>()
        + text::width(SEPARATOR) * levels.len().saturating_sub(1);
    let mut out = Vec::new();
    let mut x: u16 = 0;
    let mut push = |label: String, level: Option<usize>, step: i8, current: bool| {
        let w = u16::try_from(text::width(&label)).unwrap_or(u16::MAX);
        out.push(Segment {
            x,
            width: w,
            label,
            level,
            step,
            current,
        });
        x = x.saturating_add(w);
    };
    if full <= usize::from(width) {
        for (i, label) in labels.into_iter().enumerate() {
            if i > 0 {
                push(SEPARATOR.to_string(), None, 0, false);
            }
            push(label, Some(i), 0, i == app.level);
        }
    } else {
        let name = levels.get(app.level).map_or("", |l| l.name.as_str());
        let middle = format!("[{}/{} {}]", app.level + 1, levels.len(), name);
        let room = usize::from(width).saturating_sub(4);
        push("‹ ".to_string(), None, -1, false);
        push(text::truncate(&middle, room), Some(app.level), 0, true);
        push(" ›".to_string(), None, 1, false);
    }
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let block = pane(app, Line::from(app.lang.strings().slider_title), false);
    block.render(area, buf);
    let inner = layout::inner(area);
    let segments = segments(app, inner.width);
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
            format!("   {}", text::truncate(&summary, room - 3)),
            app.theme.dim,
        ));
    }
    Line::from(spans).render(inner, buf);
}
