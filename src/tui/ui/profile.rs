//! The full skill profile: all levels × all roles as one table, like the
//! source page; rows are selectable and `Enter` shows a row's whole text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{marker, necessity_style, pane};
use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::text;

struct Columns {
    level: usize,
    role: usize,
    necessity: usize,
    text: usize,
}

/// Column widths in terminal cells: wide enough for the headings and the
/// necessity words of the interface's language, which may be two cells a
/// glyph.
fn columns(app: &App, width: usize) -> Columns {
    let c = &app.catalog;
    let t = app.t();
    // The widest name (or the heading), up to a cap.
    let widest = |names: &[crate::catalog::Named], heading: &str, cap: usize| {
        names
            .iter()
            .map(|n| text::width(&n.name))
            .chain([text::width(heading)])
            .max()
            .unwrap_or(0)
            .min(cap)
    };
    let level = widest(&c.levels, t.col_level, 16);
    let role = widest(&c.roles, t.col_role, 24);
    // A row shows `● word`; the heading must fit too.
    let word = [t.necessity_required, t.necessity_optional, app.symbols.none]
        .into_iter()
        .map(text::width)
        .max()
        .unwrap_or(0);
    let necessity = (word + 2).max(text::width(t.col_necessity));
    let fixed = |level: usize, role: usize| 2 + level + 1 + role + 1 + necessity + 1;
    // On a narrow screen the names give way so the text keeps some room.
    let (level, role) = if width < fixed(level, role) + 10 {
        (level.min(8), role.min(10))
    } else {
        (level, role)
    };
    Columns {
        level,
        role,
        necessity,
        text: width.saturating_sub(fixed(level, role)),
    }
}

pub fn render(app: &App, main: Rect, buf: &mut Buffer) {
    let Some((_, skill)) = app.selected_skill() else {
        return;
    };
    let c = &app.catalog;
    let t = app.t();
    Clear.render(main, buf);
    let title = app.symbols.truncate(
        &fill(t.profile_title, &[("skill", &skill.name)]),
        usize::from(main.width.saturating_sub(2)),
    );
    pane(app, Line::from(title), true).render(main, buf);
    let inner = layout::inner(main);
    let width = usize::from(inner.width);
    let n = c.skill_counts(skill);
    let mut facts = c.domain_of(skill).name.clone();
    if let Some(d) = skill.updated {
        facts.push_str(&format!(" {} ", app.symbols.dot));
        facts.push_str(&fill(t.updated, &[("date", &d.to_string())]));
    }
    facts.push_str(&format!(" {} ", app.symbols.dot));
    facts.push_str(&fill(
        t.profile_counts,
        &[
            ("roles", &n.roles.to_string()),
            ("levels", &n.levels.to_string()),
            ("required", &n.required.to_string()),
            ("optional", &n.optional.to_string()),
        ],
    ));
    let first = c.levels.first().map_or("", |l| l.name.as_str());
    let last = c.levels.last().map_or("", |l| l.name.as_str());
    let hint = fill(
        &app.bindings.fill(t.profile_hint),
        &[("first", first), ("last", last)],
    );
    let header_rows = [
        Line::from(Span::styled(
            app.symbols.truncate(&facts, width),
            Style::new(),
        )),
        Line::from(Span::styled(
            app.symbols.truncate(&hint, width),
            app.theme.dim,
        )),
        Line::default(),
    ];
    for (i, line) in header_rows.into_iter().enumerate() {
        if i < usize::from(inner.height) {
            let y = inner.y + u16::try_from(i).unwrap_or(0);
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
    let cols = columns(app, width);
    if inner.height > 3 {
        let heading = format!(
            "  {} {} {} {}",
            app.symbols.pad(t.col_level, cols.level),
            app.symbols.pad(t.col_role, cols.role),
            app.symbols.pad(t.col_necessity, cols.necessity),
            t.col_description
        );
        buf.set_stringn(
            inner.x,
            inner.y + 3,
            app.symbols.truncate(&heading, width),
            width,
            app.theme.heading,
        );
    }

    let table = layout::profile_table(main);
    let roles = c.roles.len().max(1);
    for (i, row) in (app.profile.offset..app.profile_rows())
        .take(usize::from(table.height))
        .enumerate()
    {
        let (level, role) = (row / roles, row % roles);
        let cell = skill.cell(role, level);
        let n = cell.map(|c| c.necessity);
        let selected = row == app.profile.row;
        let level_label = if role == 0 || i == 0 {
            c.levels.get(level).map_or("", |l| l.name.as_str())
        } else {
            ""
        };
        let role_name = c.roles.get(role).map_or("", |r| r.name.as_str());
        let word = match n {
            Some(_) => t.necessity(n),
            None => app.symbols.none,
        };
        let body = cell.map_or(String::new(), |c| c.text.replace('\n', " "));
        let style = if selected {
            app.theme.selection
        } else {
            Style::new()
        };
        let line = Line::from(vec![
            Span::raw(super::gutter(app, selected)),
            Span::styled(app.symbols.pad(level_label, cols.level), app.theme.heading),
            Span::raw(" "),
            Span::raw(app.symbols.pad(role_name, cols.role)),
            Span::raw(" "),
            Span::styled(marker(app, n), necessity_style(app, n)),
            Span::raw(" "),
            Span::styled(
                app.symbols.pad(word, cols.necessity - 2),
                necessity_style(app, n),
            ),
            Span::raw(" "),
            Span::raw(app.symbols.truncate(&body, cols.text)),
        ])
        .style(style);
        let y = table.y + u16::try_from(i).unwrap_or(0);
        line.render(Rect::new(table.x, y, table.width, 1), buf);
    }

    preview(app, table, buf);
    if app.profile.expanded {
        expanded(app, main, buf);
    }
}

/// Below the rows, when there is room, the selected row's whole text, so
/// the table reads like the source page without opening anything.
fn preview(app: &App, table: Rect, buf: &mut Buffer) {
    let rows = u16::try_from(app.profile_rows().saturating_sub(app.profile.offset))
        .unwrap_or(u16::MAX)
        .min(table.height);
    let free = table.height.saturating_sub(rows);
    if free < 4 {
        return;
    }
    let Some((_, skill)) = app.selected_skill() else {
        return;
    };
    let c = &app.catalog;
    let t = app.t();
    let roles = c.roles.len().max(1);
    let (level, role) = (app.profile.row / roles, app.profile.row % roles);
    let cell = skill.cell(role, level);
    let width = usize::from(table.width.saturating_sub(2)).max(1);
    let heading = format!(
        "{} {dot} {} {dot} {}",
        c.levels.get(level).map_or("", |l| l.name.as_str()),
        c.roles.get(role).map_or("", |r| r.name.as_str()),
        t.necessity(cell.map(|c| c.necessity)),
        dot = app.symbols.dot,
    );
    let mut y = table.y + rows + 1;
    let bottom = table.y + table.height;
    super::rule(app, &heading, usize::from(table.width))
        .render(Rect::new(table.x, y, table.width, 1), buf);
    y += 1;
    let mut lines = Vec::new();
    super::expectation(
        app,
        &mut lines,
        skill,
        (role, level),
        width,
        t.nothing_expected_here,
        false,
    );
    for line in lines {
        if y >= bottom {
            break;
        }
        line.render(
            Rect::new(table.x + 2, y, table.width.saturating_sub(2), 1),
            buf,
        );
        y += 1;
    }
}

/// The popup with the selected row's whole text.
fn expanded(app: &App, main: Rect, buf: &mut Buffer) {
    let Some((_, skill)) = app.selected_skill() else {
        return;
    };
    let c = &app.catalog;
    let t = app.t();
    let roles = c.roles.len().max(1);
    let (level, role) = (app.profile.row / roles, app.profile.row % roles);
    let cell = skill.cell(role, level);
    let width = main.width.saturating_sub(6).min(76);
    let body_width = usize::from(width.saturating_sub(2)).max(1);
    let mut lines = Vec::new();
    super::expectation(
        app,
        &mut lines,
        skill,
        (role, level),
        body_width,
        t.nothing_expected_here,
        false,
    );
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = layout::centered(main, width, height);
    Clear.render(area, buf);
    let title = format!(
        " {} {dot} {} {dot} {} ",
        c.levels.get(level).map_or("", |l| l.name.as_str()),
        c.roles.get(role).map_or("", |r| r.name.as_str()),
        t.necessity(cell.map(|c| c.necessity)),
        dot = app.symbols.dot,
    );
    pane(
        app,
        Line::from(app.symbols.truncate(&title, body_width)),
        true,
    )
    .render(area, buf);
    let inner = layout::inner(area);
    for (i, l) in lines
        .into_iter()
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        l.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
