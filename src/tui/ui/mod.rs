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
use crate::catalog::{Cell, Necessity, Skill};
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
    Line::from(Span::styled(line, app.theme.alert())).render(area, buf);
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
        // After the texts behind the first frame failed, what is shown is
        // the skeletons, not a last valid catalog.
        let template = match (app.texts_failed.is_some(), *count == 1) {
            (true, true) => t.banner_texts_failed_one,
            (true, false) => t.banner_texts_failed,
            (false, true) => t.banner_reload_failed_one,
            (false, false) => t.banner_reload_failed,
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
    if let Some(p) = cell.and_then(|c| c.proficiency()) {
        spans.push(Span::raw(format!(" {} ", app.symbols.dot)));
        spans.push(Span::styled(p.to_string(), app.theme.key));
    }
    Line::from(spans)
}

/// A cell's text as wrapped lines: the intro, then each behaviour as a
/// `• ` bullet wrapped under itself (a hanging indent) with its examples
/// under it, then the cell's own examples. Examples are dim but start with
/// `e.g.`, so they read without colour.
pub fn cell_body(app: &App, out: &mut Vec<Line<'static>>, cell: &Cell, width: usize) {
    if cell.behaviours().is_empty() {
        wrapped(out, &cell.text, width, Style::new());
    } else {
        let intro = cell.intro();
        if !intro.is_empty() {
            wrapped(out, intro, width, Style::new());
        }
        for b in cell.behaviours() {
            behaviour(app, out, (&b.text, &b.examples), None, width);
        }
    }
    for e in cell.examples() {
        example(app, out, "", e, width);
    }
}

/// One behaviour as a bullet, with `tag` (the level that added it) after
/// its text, and its examples indented under it.
fn behaviour(
    app: &App,
    out: &mut Vec<Line<'static>>,
    (text, examples): (&str, &[String]),
    tag: Option<&str>,
    width: usize,
) {
    let lead = format!("{} ", app.symbols.bullet);
    let text = match tag {
        Some(tag) => format!("{text}{tag}"),
        None => text.to_string(),
    };
    hanging(out, &lead, &text, width, Style::new());
    for e in examples {
        example(app, out, "  ", e, width);
    }
}

/// An example of evidence, `e.g. …`, dim, wrapped under itself after
/// `indent`.
fn example(app: &App, out: &mut Vec<Line<'static>>, indent: &str, e: &str, width: usize) {
    let lead = format!("{indent}{} ", app.t().example_prefix);
    hanging(out, &lead, e, width, app.theme.dim);
}

/// `text` wrapped after `lead`: the lead on the first line, as many spaces
/// on the others, so a bullet's text hangs under itself.
pub fn hanging(out: &mut Vec<Line<'static>>, lead: &str, text: &str, width: usize, style: Style) {
    let lead_width = text::width(lead);
    let inner = width.saturating_sub(lead_width).max(1);
    for (i, l) in text::wrap(text, inner).into_iter().enumerate() {
        let lead = if i == 0 {
            lead.to_string()
        } else {
            " ".repeat(lead_width)
        };
        out.push(Line::from(vec![
            Span::styled(lead, style),
            Span::styled(l, style),
        ]));
    }
}

/// True when `skill` is cumulative and `role` has an expectation below
/// `level`: what the level shows is then only what it adds.
pub fn inherits(app: &App, skill: &Skill, role: usize, level: usize) -> bool {
    app.catalog.is_cumulative(skill) && (0..level).any(|l| skill.cell(role, l).is_some())
}

/// The expectation of `role` at `level` as the detail pane and the profile
/// show it: the necessity line (when `necessity`) and the cell. On a cumulative skill, first a
/// dim line saying the levels below still hold (and which key shows them),
/// and with the union on (`b`), everything each level below added, each
/// behaviour naming its level, before what this level adds.
pub fn expectation(
    app: &App,
    out: &mut Vec<Line<'static>>,
    skill: &Skill,
    (role, level): (usize, usize),
    width: usize,
    absent: &str,
    necessity: bool,
) {
    let cell = skill.cell(role, level);
    let inherited = inherits(app, skill, role, level);
    if inherited {
        wrapped(
            out,
            &union_state(app, skill, role, level),
            width,
            app.theme.dim,
        );
    }
    if necessity {
        out.push(necessity_line(app, cell));
    }
    if inherited && app.union {
        inherited_lines(app, out, skill, role, level, width);
    }
    match cell {
        Some(c) => cell_body(app, out, c, width),
        None if inherited && app.union => {}
        None => wrapped(out, absent, width, app.theme.dim),
    }
}

/// The line above a cumulative skill's expectation at `level`: "includes
/// everything from Level 3 · b shows it all", or with the union on, "all
/// that Level 4 expects, from Junior up · b shows only what Level 4 adds".
pub fn union_state(app: &App, skill: &Skill, role: usize, level: usize) -> String {
    let t = app.t();
    let name = |l: usize| app.catalog.levels.get(l).map_or("", |l| l.name.as_str());
    if app.union {
        let first = (0..level)
            .find(|&l| skill.cell(role, l).is_some())
            .unwrap_or(0);
        app.bindings.fill(&fill(
            t.union_all,
            &[("level", name(level)), ("first", name(first))],
        ))
    } else {
        let below = level.saturating_sub(1);
        format!(
            "{} {} {}",
            fill(t.includes_below, &[("level", name(below))]),
            app.symbols.dot,
            app.bindings.fill(t.union_show)
        )
    }
}

/// What each level below `level` added to a cumulative skill, oldest
/// first: its behaviours (or its whole text, for a cell without), each
/// followed by the level that added it, so it reads without colour.
pub fn inherited_lines(
    app: &App,
    out: &mut Vec<Line<'static>>,
    skill: &Skill,
    role: usize,
    level: usize,
    width: usize,
) {
    let t = app.t();
    for l in 0..level {
        let Some(cell) = skill.cell(role, l) else {
            continue;
        };
        let name = app.catalog.levels.get(l).map_or("", |l| l.name.as_str());
        let tag = fill(t.union_from, &[("level", name)]);
        if cell.behaviours().is_empty() {
            let whole = cell.text.replace('\n', " ");
            behaviour(app, out, (&whole, &[]), Some(&tag), width);
        } else {
            for b in cell.behaviours() {
                behaviour(app, out, (&b.text, &b.examples), Some(&tag), width);
            }
        }
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
