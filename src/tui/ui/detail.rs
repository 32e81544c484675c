//! The detail pane: the selected skill's profile as the source page shows
//! it: facts and counts, the expectation at the current level, what the next
//! level asks, how the skill grows, and the other roles for comparison.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{cell_body, marker, necessity_line, necessity_style, pane, rule, wrapped};
use crate::catalog::{Cell, Necessity};
use crate::i18n::fill;
use crate::tui::app::{App, Focus};
use crate::tui::layout;
use crate::tui::screens::Screen;

fn cell_lines(
    app: &App,
    out: &mut Vec<Line<'static>>,
    cell: Option<&Cell>,
    width: usize,
    absent: String,
) {
    out.push(necessity_line(app, cell));
    match cell {
        Some(c) => cell_body(app, out, c, width),
        None => wrapped(out, &absent, width, app.theme.dim),
    }
}

/// Every line of the pane for a given inner width; the pane shows a window
/// of them, from `app.detail_scroll`.
fn content(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let width = width.max(1);
    let t = app.t();
    let Some((index, skill)) = app.selected_skill() else {
        out.push(Line::from(Span::styled(t.detail_no_skill, app.theme.dim)));
        return out;
    };
    let c = &app.catalog;
    let role = c.roles.get(app.role).map_or("", |r| r.name.as_str());
    let level_name = |l: usize| c.levels.get(l).map_or("", |l| l.name.as_str());
    let level = level_name(app.level);

    wrapped(&mut out, &skill.name, width, app.theme.title);
    let mut facts = c.domain_of(skill).name.clone();
    if let Some(d) = skill.updated {
        facts.push_str(&format!(" {} ", app.symbols.dot));
        facts.push_str(&fill(t.updated, &[("date", &d.to_string())]));
    }
    wrapped(&mut out, &facts, width, app.theme.dim);
    if !app.has_texts(index) {
        // Its summary, tags and expectations come with the whole catalog.
        out.push(Line::default());
        let says = if app.loading.is_some() {
            t.detail_loading_texts
        } else {
            t.detail_texts_failed
        };
        wrapped(&mut out, says, width, app.theme.dim);
        return out;
    }
    if let Some(s) = &skill.summary {
        wrapped(&mut out, s, width, Style::new());
    }
    if !skill.tags.is_empty() {
        let tags = skill
            .tags
            .iter()
            .map(|t| format!("#{t}"))
            .collect::<Vec<_>>()
            .join(" ");
        wrapped(&mut out, &tags, width, app.theme.key);
    }
    let n = c.skill_counts(skill);
    out.push(Line::default());
    wrapped(&mut out, &t.skill_counts_text(&n), width, Style::new());

    out.push(Line::default());
    let role_level = [("role", role), ("level", level)];
    out.push(rule(app, &fill(t.role_at_level, &role_level), width));
    let current = skill.cell(app.role, app.level);
    // On a cumulative skill a level lists only what it adds: the line above
    // it says that the levels below still hold, and `b` shows them too.
    super::expectation(
        app,
        &mut out,
        skill,
        (app.role, app.level),
        width,
        &fill(t.nothing_expected_of, &role_level),
        true,
    );

    out.push(Line::default());
    match c.levels.get(app.level + 1) {
        Some(next) => {
            let next_name = next.name.as_str();
            out.push(rule(app, &fill(t.to_reach, &[("level", next_name)]), width));
            let target = skill.cell(app.role, app.level + 1);
            if current.is_none() && target.is_some() {
                out.push(Line::from(Span::styled(
                    fill(
                        t.new_at_not_before,
                        &[("next", next_name), ("level", level)],
                    ),
                    app.theme.warning,
                )));
            } else if current.map(|c| c.necessity) != Some(Necessity::Required)
                && target.map(|c| c.necessity) == Some(Necessity::Required)
            {
                out.push(Line::from(Span::styled(
                    fill(t.becomes_required_at, &[("level", next_name)]),
                    app.theme.warning,
                )));
            }
            cell_lines(
                app,
                &mut out,
                target,
                width,
                fill(
                    t.nothing_expected_of,
                    &[("role", role), ("level", next_name)],
                ),
            );
        }
        None => {
            out.push(rule(app, t.top_level, width));
            wrapped(
                &mut out,
                &fill(t.top_level_no_next, &[("level", level)]),
                width,
                app.theme.dim,
            );
        }
    }

    out.push(Line::default());
    out.push(rule(app, &fill(t.how_it_grows, &[("role", role)]), width));
    // Each level's whole expectation, wrapped under its name: on a
    // cumulative skill only what the level adds (that is how it grows).
    // The current level is marked by the pointer and its style.
    for (l, lvl) in c.levels.iter().enumerate() {
        let cell = skill.cell(app.role, l);
        let n = cell.map(|c| c.necessity);
        let current = l == app.level;
        let style = if current {
            app.theme.selection_unfocused
        } else {
            Style::new()
        };
        let mut head = vec![
            Span::raw(super::gutter(app, current)),
            Span::styled(marker(app, n), necessity_style(app, n)),
            Span::raw(" "),
            Span::styled(lvl.name.clone(), app.theme.heading),
        ];
        if let Some(p) = cell.and_then(|c| c.proficiency()) {
            head.push(Span::raw(format!(" {} {p}", app.symbols.dot)));
        }
        if cell.is_none() {
            head.push(Span::styled(
                format!(" {}", app.symbols.none),
                app.theme.dim,
            ));
        }
        out.push(Line::from(head).style(style));
        if let Some(cell) = cell {
            let mut body = Vec::new();
            cell_body(app, &mut body, cell, width.saturating_sub(4).max(1));
            for mut line in body {
                line.spans.insert(0, Span::raw("    "));
                out.push(line);
            }
        }
    }

    if c.roles.len() > 1 {
        out.push(Line::default());
        out.push(rule(
            app,
            &fill(t.other_roles_at, &[("level", level)]),
            width,
        ));
        for (r, other) in c.roles.iter().enumerate() {
            if r == app.role {
                continue;
            }
            out.push(Line::from(Span::styled(
                other.name.clone(),
                app.theme.title,
            )));
            super::expectation(
                app,
                &mut out,
                skill,
                (r, app.level),
                width,
                &fill(t.nothing_expected_at, &[("level", level)]),
                true,
            );
        }
    }
    out
}

/// Draws the pane; returns how many lines its content has and how many
/// rows show them, which only drawing knows.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> (usize, usize) {
    let focused = app.focus == Focus::Detail && app.screen == Screen::Browse;
    let inner = layout::inner(area);
    let lines = content(app, usize::from(inner.width));
    let height = usize::from(inner.height);
    let max = lines.len().saturating_sub(height);
    let scroll = app.detail_scroll.min(max);
    let mut title = vec![Span::raw(app.t().detail_title)];
    if max > 0 {
        title.push(Span::styled(
            format!(
                "{}{}{}/{} ",
                scroll + 1,
                app.symbols.range,
                scroll + height.min(lines.len()),
                lines.len()
            ),
            app.theme.dim,
        ));
    }
    pane(app, Line::from(title), focused).render(area, buf);
    let total = lines.len();
    for (i, line) in lines.into_iter().skip(scroll).take(height).enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    (total, height)
}
