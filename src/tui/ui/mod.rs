//! Drawing: one file per pane, each a pure function of `&App`.
//!
//! Only the event loop calls in here. What drawing alone can measure comes
//! back as a [`FrameReport`] for the app to clamp scrolling against.

pub mod behaviours;
pub mod compare;
pub mod detail;
pub mod export;
pub mod gap;
pub mod help;
pub mod level_slider;
pub mod meta;
pub mod profile;
pub mod roles;
pub mod search;
pub mod skills;
pub mod status;
pub mod summary;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::app::App;
use super::layout::{self, FrameReport, MIN_HEIGHT, MIN_WIDTH};
use super::screens::Screen;
use super::text;
use crate::catalog::{Cell, Necessity};
use crate::i18n::fill;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self, area, buf);
    }
}

/// Draws the whole screen for `app` into `area`, and reports what only
/// drawing can measure.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> FrameReport {
    let mut report = FrameReport::default();
    let Some(areas) = layout::areas(area, app.catalog.roles.len()) else {
        too_small(app, area, buf);
        return report;
    };
    header(app, areas.header, buf);
    level_slider::render(app, areas.slider, buf);
    roles::render(app, areas.roles, buf);
    skills::render(app, areas.skills, buf);
    (report.detail_lines, report.detail_height) = detail::render(app, areas.detail, buf);
    status::render(app, areas.status, buf);
    match app.screen {
        Screen::Browse => {}
        Screen::Profile => profile::render(app, areas.main, buf),
        Screen::Help => report.help_lines = help::render(app, area, buf),
        Screen::Search => search::render(app, area, buf),
        Screen::Gap => {
            (report.gap_text_lines, report.gap_text_height) = gap::render(app, areas.main, buf);
            overlay(app, areas.main, buf, &mut report);
        }
        Screen::Compare => {
            (report.compare_lines, report.compare_height) = compare::render(app, areas.main, buf)
        }
    }
    report
}

/// Draws the popup open over the gap view, if any.
fn overlay(app: &App, main: Rect, buf: &mut Buffer, report: &mut FrameReport) {
    use super::screens::Overlay;
    match &app.overlay {
        Some(Overlay::Summary(_)) => {
            (report.summary_lines, report.summary_height) = summary::render(app, main, buf);
        }
        Some(Overlay::Export(_)) => export::render(app, main, buf),
        Some(Overlay::Meta(_)) => meta::render(app, main, buf),
        None => {}
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let t = app.t();
    let (w, h) = (area.width, area.height);
    let times = app.symbols.text("×");
    let need = format!("{MIN_WIDTH}{times}{MIN_HEIGHT}");
    let now = format!("{w}{times}{h}");
    let args = [("need", need.as_str()), ("now", now.as_str())];
    // The longest wording that fits, centred.
    let candidates = [
        fill(t.too_small_long, &args),
        fill(t.too_small_medium, &args),
        fill(t.too_small_short, &args),
        fill(t.too_small_tiny, &args),
    ];
    let width = usize::from(w);
    let message = candidates
        .iter()
        .find(|m| text::width(m) <= width)
        .map_or_else(|| app.symbols.truncate(&candidates[3], width), Clone::clone);
    let used = u16::try_from(text::width(&message)).unwrap_or(w);
    let x = area.x + (w - used.min(w)) / 2;
    let y = area.y + (h - 1) / 2;
    buf.set_string(x, y, message, Style::new());
}

/// A warning across the header row, cut to fit.
fn banner(app: &App, message: &str, area: Rect, buf: &mut Buffer) {
    let line = app.symbols.truncate(message, usize::from(area.width));
    Line::from(Span::styled(
        line,
        app.theme
            .warning
            .add_modifier(ratatui::style::Modifier::REVERSED),
    ))
    .render(area, buf);
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
    // While the catalog is gone from disk, or changed catalog files are
    // invalid, the header becomes a banner saying so; the last loaded
    // catalog stays on screen.
    if let Some(gone) = &app.catalog_gone {
        let t = app.t();
        let template = if gone.folder {
            t.banner_catalog_gone
        } else {
            t.banner_catalog_file_gone
        };
        // A long path gives way, from its start, to what the banner says.
        let rest = text::width(&fill(template, &[("path", "")]));
        let room = usize::from(area.width).saturating_sub(rest);
        let path = if text::width(&gone.path) <= room {
            gone.path.clone()
        } else {
            let cut = app.symbols.ellipsis;
            let tail = text::tail(&gone.path, room.saturating_sub(text::width(cut)));
            format!("{cut}{tail}")
        };
        banner(app, &fill(template, &[("path", &path)]), area, buf);
        return;
    }
    if let Some((first, count)) = &app.reload_error {
        let t = app.t();
        let template = if *count == 1 {
            t.banner_reload_failed_one
        } else {
            t.banner_reload_failed
        };
        let message =
            crate::i18n::fill(template, &[("count", &count.to_string()), ("first", first)]);
        banner(app, &message, area, buf);
        return;
    }
    let t = app.t();
    let hint = app.bindings.fill(t.header_hint);
    let hint = hint.as_str();
    let hint_width = u16::try_from(text::width(hint)).unwrap_or(0);
    let title_width = usize::from(area.width.saturating_sub(hint_width));
    let title = app.symbols.truncate(
        &fill(t.header_title, &[("title", app.catalog.display_title())]),
        title_width,
    );
    Line::from(Span::styled(title, app.theme.title)).render(area, buf);
    if area.width > hint_width {
        let x = area.x + area.width - hint_width;
        buf.set_string(x, area.y, hint, app.theme.key);
    }
}

/// A pane border: thick and highlighted when the pane has focus, so focus
/// shows without colour.
pub fn pane<'a>(app: &App, title: Line<'a>, focused: bool) -> Block<'a> {
    let (style, border) = if focused {
        (app.theme.border_focused, app.symbols.thick_border)
    } else {
        (app.theme.border, app.symbols.border)
    };
    Block::bordered()
        .border_set(border)
        .border_style(style)
        .title(title)
}

/// The mark for a necessity at a level: `●` required, `○` optional, `·`
/// nothing expected (ASCII with `--ascii`).
pub fn marker(app: &App, n: Option<Necessity>) -> &'static str {
    app.symbols.necessity(n)
}

/// The selected row's gutter: `▶ ` (`> ` in ASCII), or blank.
pub fn gutter(app: &App, selected: bool) -> String {
    if selected {
        format!("{} ", app.symbols.pointer)
    } else {
        "  ".to_string()
    }
}

/// A cell's necessity line: the marker, the word and, when the cell names
/// one, its proficiency beside it.
pub fn necessity_line(app: &App, cell: Option<&Cell>) -> Line<'static> {
    let n = cell.map(|c| c.necessity);
    let mut spans = vec![
        Span::styled(marker(app, n), necessity_style(app, n)),
        Span::raw(" "),
        Span::styled(app.t().necessity(n), necessity_style(app, n)),
    ];
    if let Some(p) = cell.and_then(|c| c.proficiency.as_deref()) {
        spans.push(Span::raw(format!(" {} ", app.symbols.dot)));
        spans.push(Span::styled(p.to_string(), app.theme.key));
    }
    Line::from(spans)
}

/// A cell's text as wrapped lines: the intro, then each behaviour as a
/// `- ` line with its examples under it, then the cell's own examples.
/// Examples are dim but start with `e.g.`, so they read without colour.
pub fn cell_body(app: &App, out: &mut Vec<Line<'static>>, cell: &Cell, width: usize) {
    let prefix = app.t().example_prefix;
    for line in crate::report::cell_lines(app.t(), cell) {
        let style = if line.trim_start().starts_with(prefix) {
            app.theme.dim
        } else {
            Style::new()
        };
        wrapped(out, &line, width, style);
    }
}

pub fn necessity_style(app: &App, n: Option<Necessity>) -> Style {
    match n {
        Some(Necessity::Required) => app.theme.required,
        Some(Necessity::Optional) => app.theme.optional,
        None => app.theme.absent,
    }
}

/// Appends `s` wrapped to `width` cells, each line in `style`.
pub fn wrapped(out: &mut Vec<Line<'static>>, s: &str, width: usize, style: Style) {
    for l in text::wrap(s, width) {
        out.push(Line::from(Span::styled(l, style)));
    }
}

/// A section heading across the full width: `── Title ─────`.
pub fn rule<'a>(app: &App, title: &str, width: usize) -> Line<'a> {
    let title = app.symbols.truncate(title, width.saturating_sub(4));
    let used = text::width(&title) + 4;
    Line::from(vec![
        Span::styled(format!("{0}{0} ", app.symbols.rule), app.theme.dim),
        Span::styled(title, app.theme.heading),
        Span::styled(
            format!(" {}", app.symbols.rule.repeat(width.saturating_sub(used))),
            app.theme.dim,
        ),
    ])
}
