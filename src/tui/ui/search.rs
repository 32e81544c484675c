//! The search box: the query, its scope and count, and the ranked results
//! with the matched characters highlighted.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::pane;
use crate::i18n::fill;
use crate::search::{Field, Hit, Scope};
use crate::tui::app::App;
use crate::tui::layout::{self, RESULT_LINES};
use crate::tui::symbols::Symbols;
use crate::tui::text;

/// Spans of `s` with the characters at `indices` (char indices, as
/// fuzzy-matcher reports them) highlighted, cut to `max` cells.
fn highlighted(
    symbols: &Symbols,
    s: &str,
    indices: &[usize],
    max: usize,
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    // In ASCII, the snippet's `…` becomes `...`: the indices move with it.
    let (s, indices) = if symbols.is_ascii() && !s.is_ascii() {
        let mut out = String::with_capacity(s.len() + 4);
        let mut moved = Vec::with_capacity(indices.len());
        let mut at = 0;
        for (i, c) in s.chars().enumerate() {
            let shown = crate::i18n::ascii_symbol(c);
            let n = shown.map_or(1, |a| a.chars().count());
            if indices.binary_search(&i).is_ok() {
                moved.extend(at..at + n);
            }
            match shown {
                Some(a) => out.push_str(a),
                None => out.push(c),
            }
            at += n;
        }
        (Cow::Owned(out), Cow::Owned(moved))
    } else {
        (Cow::Borrowed(s), Cow::Borrowed(indices))
    };
    let cut = symbols.truncate(&s, max);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in cut.chars().enumerate() {
        let m = indices.binary_search(&i).is_ok();
        if m != run_marked && !run.is_empty() {
            let style = if run_marked { mark } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = m;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { mark } else { base }));
    }
    spans
}

fn where_label(app: &App, hit: &Hit) -> String {
    let c = &app.catalog;
    let t = app.t();
    match hit.field {
        Field::Name => t.search_in_name.to_string(),
        Field::Tag(_) => t.search_in_tag.to_string(),
        Field::Domain => t.search_in_domain.to_string(),
        Field::Text { role, level } => format!(
            "{} {} {}",
            c.roles.get(role).map_or("", |r| r.name.as_str()),
            app.symbols.dot,
            c.levels.get(level).map_or("", |l| l.name.as_str())
        ),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let popup = layout::search_popup(area);
    if popup.width < 10 || popup.height < 5 {
        return;
    }
    Clear.render(popup, buf);
    let st = &app.search;
    let t = app.t();
    let count = match &st.results {
        Some(r) if r.all_cells => fill(t.search_cells, &[("n", &r.hits.len().to_string())]),
        Some(r) if r.hits.len() == 1 => fill(t.search_result_one, &[("n", "1")]),
        Some(r) => fill(t.search_results, &[("n", &r.hits.len().to_string())]),
        // Queries wait for the index: say how far it is.
        None => match app.indexing {
            Some((done, total)) => fill(
                t.search_indexing,
                &[("done", &done.to_string()), ("total", &total.to_string())],
            ),
            None => t.search_searching.to_string(),
        },
    };
    let scope = match st.scope {
        Scope::AllRoles => t.search_all_roles.to_string(),
        Scope::Role(r) => app
            .catalog
            .roles
            .get(r)
            .map_or(String::new(), |r| r.name.clone()),
    };
    let title = fill(
        &app.bindings.fill(t.search_title),
        &[("scope", &scope), ("count", &count)],
    );
    pane(
        app,
        Line::from(
            app.symbols
                .truncate(&title, usize::from(popup.width.saturating_sub(2))),
        ),
        true,
    )
    .render(popup, buf);
    let inner = layout::inner(popup);
    let width = usize::from(inner.width);
    // The input line keeps its end (where typing happens) in view.
    let prompt = "/ ";
    let pw = u16::try_from(text::width(prompt)).unwrap_or(2);
    buf.set_stringn(inner.x, inner.y, prompt, width, app.theme.key);
    st.input.render(
        Rect::new(
            inner.x + pw.min(inner.width),
            inner.y,
            inner.width.saturating_sub(pw),
            1,
        ),
        buf,
    );
    if inner.height > 1 {
        let hint = app.bindings.fill(if st.query.is_empty() {
            t.search_hint_empty
        } else {
            t.search_hint
        });
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            app.symbols.truncate(&hint, width),
            width,
            app.theme.dim,
        );
    }
    let list = layout::search_list(area);
    let Some(results) = &st.results else {
        return;
    };
    if results.hits.is_empty() && !st.query.trim().is_empty() {
        buf.set_stringn(
            list.x,
            list.y,
            app.symbols.truncate(t.search_no_match, width),
            width,
            app.theme.dim,
        );
        return;
    }
    let mark = app.theme.key.add_modifier(Modifier::UNDERLINED);
    for (i, hit) in results
        .hits
        .iter()
        .enumerate()
        .skip(st.offset)
        .take(layout::visible_results(area))
    {
        let Some(skill) = app.catalog.skills.get(hit.skill) else {
            continue;
        };
        // The app fills in what each visible hit shows when the list moves;
        // drawing only reads it.
        let selected = i == st.cursor;
        let y = list.y + u16::try_from(i - st.offset).unwrap_or(0) * RESULT_LINES;
        let row_style = if selected {
            app.theme.selection
        } else {
            Style::new()
        };
        let gutter = super::gutter(app, selected);
        let label = where_label(app, hit);
        let right = format!(
            "  {} {} {label}",
            app.catalog.domain_of(skill).name,
            app.symbols.dot
        );
        let name_room = width.saturating_sub(2 + text::width(&right).min(width / 2));
        let mut first: Vec<Span<'static>> = vec![Span::raw(gutter)];
        if hit.field == Field::Name {
            first.extend(highlighted(
                &app.symbols,
                &skill.name,
                &hit.indices,
                name_room,
                app.theme.title,
                mark,
            ));
        } else {
            first.push(Span::styled(
                app.symbols.truncate(&skill.name, name_room),
                app.theme.title,
            ));
        }
        let used: usize = first.iter().map(|s| s.width()).sum();
        first.push(Span::styled(
            app.symbols.truncate(&right, width.saturating_sub(used)),
            app.theme.dim,
        ));
        Line::from(first)
            .style(row_style)
            .render(Rect::new(list.x, y, list.width, 1), buf);
        if y + 1 >= list.y + list.height {
            continue;
        }
        let second: Vec<Span<'static>> = match hit.field {
            Field::Name => vec![Span::styled(
                app.symbols.truncate(
                    skill.summary.as_deref().unwrap_or(""),
                    width.saturating_sub(4),
                ),
                app.theme.dim,
            )],
            Field::Tag(_) => {
                let mut v = vec![Span::styled("#", app.theme.dim)];
                v.extend(highlighted(
                    &app.symbols,
                    &hit.shown,
                    &hit.indices,
                    width.saturating_sub(5),
                    Style::new(),
                    mark,
                ));
                v
            }
            Field::Domain | Field::Text { .. } => highlighted(
                &app.symbols,
                &hit.shown,
                &hit.indices,
                width.saturating_sub(4),
                Style::new(),
                mark,
            ),
        };
        let mut line = vec![Span::raw("    ")];
        line.extend(second);
        Line::from(line).render(Rect::new(list.x, y + 1, list.width, 1), buf);
    }
}
