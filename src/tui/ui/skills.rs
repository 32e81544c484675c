//! The skills pane: the selected role's profile, grouped under domain
//! headings, each skill marked by its necessity at the current level.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{marker, necessity_style, pane};
use crate::i18n::fill;
use crate::tui::app::{App, Focus, SkillRow};
use crate::tui::layout;
use crate::tui::screens::Screen;
use crate::tui::text;

/// The pane title: role, level, and how many skills are required and
/// optional there.
/// The longest form that fits in `width` columns is used.
pub fn title(app: &App, width: usize) -> String {
    let role = app
        .catalog
        .roles
        .get(app.role)
        .map_or("", |r| r.name.as_str());
    let level = app
        .catalog
        .levels
        .get(app.level)
        .map_or("", |l| l.name.as_str());
    let t = app.t();
    let (required, optional) = app.catalog.role_level_counts(app.role, app.level);
    let (required, optional) = (required.to_string(), optional.to_string());
    let filled = |template: &str, role: &str| {
        fill(
            template,
            &[
                ("role", role),
                ("level", level),
                ("required", &required),
                ("optional", &optional),
            ],
        )
    };
    let long = filled(t.skills_title_long, role);
    if text::width(&long) <= width {
        return long;
    }
    let short = filled(t.skills_title_short, role);
    if text::width(&short) <= width {
        return short;
    }
    // Keep the counts and the level; let the role name give way.
    let bare = filled(t.skills_title_short, "");
    let room = width.saturating_sub(text::width(&bare));
    filled(t.skills_title_short, &app.symbols.truncate(role, room))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Skills && app.screen == Screen::Browse;
    let room = usize::from(area.width.saturating_sub(2));
    let title = app.symbols.truncate(&title(app, room), room);
    pane(app, Line::from(title), focused).render(area, buf);
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    if app.rows.is_empty() {
        let msg = app.symbols.truncate(app.t().skills_empty, width);
        buf.set_string(inner.x, inner.y, msg, app.theme.dim);
        return;
    }
    let profile = app.catalog.profile(app.role);
    for (i, row) in app
        .rows
        .iter()
        .enumerate()
        .skip(app.skills_offset)
        .take(usize::from(inner.height))
    {
        let y = inner.y + u16::try_from(i - app.skills_offset).unwrap_or(0);
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        match *row {
            SkillRow::Heading(d) => {
                let name = app.catalog.domains.get(d).map_or("", |d| d.name.as_str());
                Line::from(Span::styled(
                    app.symbols.truncate(name, width),
                    app.theme.heading,
                ))
                .render(line_area, buf);
            }
            SkillRow::Skill(pos) => {
                let Some(skill) = profile.get(pos).and_then(|&s| app.catalog.skills.get(s)) else {
                    continue;
                };
                let necessity = skill.cell(app.role, app.level).map(|c| c.necessity);
                let selected = pos == app.skill;
                let gutter = super::gutter(app, selected);
                let name = app.symbols.pad(&skill.name, width.saturating_sub(4));
                let style = match (selected, focused) {
                    (true, true) => app.theme.selection,
                    (true, false) => app.theme.selection_unfocused,
                    _ => Style::new(),
                };
                Line::from(vec![
                    Span::raw(gutter),
                    Span::styled(marker(app, necessity), necessity_style(app, necessity)),
                    Span::raw(" "),
                    Span::raw(name),
                ])
                .style(style)
                .render(line_area, buf);
            }
        }
    }
}
