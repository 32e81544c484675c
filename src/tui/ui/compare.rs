//! The comparison screen: first the list of roles to compare the selected
//! one with, then both roles side by side at the current level, skills only
//! one of them has first (the model is `report::compare`'s, shared with
//! `rungs compare`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{marker, necessity_style, pane};
use crate::catalog::Necessity;
use crate::i18n::fill;
use crate::report::compare::{Side, compare, necessity_word};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::text;

/// Draws the screen into `main`; gives the number of lines of the
/// comparison and how many rows show them, for scrolling.
pub fn render(app: &App, main: Rect, buf: &mut Buffer) -> (usize, usize) {
    let t = app.t();
    let c = &app.catalog;
    Clear.render(main, buf);
    let role = &c.roles[app.role.min(c.roles.len().saturating_sub(1))];
    let inner = layout::inner(main);
    let width = usize::from(inner.width);
    let Some(other) = app.compare.other else {
        let title = fill(t.compare_pick_title, &[("role", &role.name)]);
        let title = app
            .symbols
            .truncate(&title, usize::from(main.width.saturating_sub(2)));
        pane(app, Line::from(title), true).render(main, buf);
        let candidates = app.compare_candidates();
        if candidates.is_empty() {
            Line::from(Span::styled(
                app.symbols.truncate(t.compare_no_other, width),
                app.theme.dim,
            ))
            .render(inner, buf);
        }
        let height = usize::from(inner.height);
        let first = app.compare.cursor.saturating_sub(height.saturating_sub(1));
        for (row, (i, &r)) in candidates
            .iter()
            .enumerate()
            .skip(first)
            .take(height)
            .enumerate()
        {
            let selected = i == app.compare.cursor;
            let (mark, style) = if selected {
                (app.symbols.text("▸ ").into_owned(), app.theme.selection)
            } else {
                ("  ".to_string(), Style::new())
            };
            let line = app.symbols.pad(
                &app.symbols
                    .truncate(&format!("{mark}{}", c.roles[r].name), width),
                width,
            );
            let y = inner
                .y
                .saturating_add(u16::try_from(row).unwrap_or(u16::MAX));
            Line::from(Span::styled(line, style)).render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
        }
        return (0, 0);
    };
    let level = app.level.min(c.levels.len().saturating_sub(1));
    let cmp = compare(c, &[app.role, other], level);
    let title = fill(
        t.compare_title,
        &[
            (
                "roles",
                &format!("{} {} {}", role.name, app.symbols.dot, c.roles[other].name),
            ),
            ("level", &c.levels[level].name),
        ],
    );
    let title = app
        .symbols
        .truncate(&title, usize::from(main.width.saturating_sub(2)));
    pane(app, Line::from(title), true).render(main, buf);
    // Two columns with a rule between them.
    let col = width.saturating_sub(3) / 2;
    let heading = app.theme.heading.add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut shared = None;
    for row in &cmp.skills {
        if shared != Some(row.shared) {
            shared = Some(row.shared);
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            let words = if row.shared {
                t.compare_shared
            } else {
                t.compare_not_shared
            };
            lines.push(Line::from(Span::styled(
                app.symbols.truncate(words, width),
                heading,
            )));
        }
        let name = app.symbols.truncate(
            &format!("{} {} {}", row.skill.name, app.symbols.dot, row.domain.name),
            width,
        );
        lines.push(Line::from(Span::styled(
            name,
            Style::new().add_modifier(Modifier::BOLD),
        )));
        let left = side_lines(app, &row.roles[0], col);
        let right = side_lines(app, &row.roles[1], col);
        for i in 0..left.len().max(right.len()) {
            let mut spans = Vec::new();
            push_cell(app, &mut spans, left.get(i), col);
            spans.push(Span::styled(
                format!(" {} ", app.symbols.bar),
                app.theme.border,
            ));
            push_cell(app, &mut spans, right.get(i), col);
            lines.push(Line::from(spans));
        }
    }
    if cmp.skills.is_empty() {
        lines.push(Line::from(Span::styled(
            app.symbols.truncate(
                &fill(t.nothing_expected_at, &[("level", &c.levels[level].name)]),
                width,
            ),
            app.theme.dim,
        )));
    }
    // The role names stay on top; the rest scrolls.
    let header = Line::from(vec![
        Span::styled(
            app.symbols.pad(&app.symbols.truncate(&role.name, col), col),
            heading,
        ),
        Span::styled(format!(" {} ", app.symbols.bar), app.theme.border),
        Span::styled(app.symbols.truncate(&c.roles[other].name, col), heading),
    ]);
    header.render(Rect { height: 1, ..inner }, buf);
    let body = Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let height = usize::from(body.height);
    let start = app.compare.scroll.min(lines.len().saturating_sub(height));
    for (i, line) in lines.iter().skip(start).take(height).enumerate() {
        let y = body.y.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        line.clone().render(
            Rect {
                y,
                height: 1,
                ..body
            },
            buf,
        );
    }
    (lines.len(), height)
}

/// One role's cell as lines: the necessity (mark and word), then the text
/// wrapped to `width`.
fn side_lines(app: &App, side: &Side<'_>, width: usize) -> Vec<(String, Style)> {
    let t = app.t();
    let n = match side.necessity {
        Some("required") => Some(Necessity::Required),
        Some(_) => Some(Necessity::Optional),
        None => None,
    };
    let mut out = vec![(
        format!("{} {}", marker(app, n), necessity_word(t, side)),
        necessity_style(app, n),
    )];
    if let Some(text) = side.text {
        out.extend(
            text::wrap(text, width)
                .into_iter()
                .map(|l| (l, Style::new())),
        );
    }
    out
}

fn push_cell(
    app: &App,
    spans: &mut Vec<Span<'static>>,
    cell: Option<&(String, Style)>,
    width: usize,
) {
    match cell {
        Some((s, style)) => spans.push(Span::styled(app.symbols.pad(s, width), *style)),
        None => spans.push(Span::raw(" ".repeat(width))),
    }
}
