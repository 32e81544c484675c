//! The promotion gap view: what changes from the current level to the
//! target, item by item, with a word diff and the assessment.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{cell_body, marker, necessity_line, necessity_style, pane, rule, wrapped};
use crate::gap::{BehaviourChange, Change, DiffKind, GapItem, word_diff};
use crate::i18n::fill;
use crate::review::Mark;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::text;

/// The mark as a symbol that reads without colour.
pub fn mark_symbol(mark: Option<Mark>) -> &'static str {
    match mark {
        Some(Mark::Met) => "[✓]",
        Some(Mark::Partly) => "[~]",
        Some(Mark::NotYet) => "[✗]",
        None => "[ ]",
    }
}

fn level_name(app: &App, l: usize) -> &str {
    app.catalog.levels.get(l).map_or("", |l| l.name.as_str())
}

/// The header line: `Role · From → To · N changes · R required · assessed A/N`.
pub fn header(app: &App) -> String {
    let Some(g) = &app.gap else {
        return String::new();
    };
    let role = app
        .catalog
        .roles
        .get(g.gap.role)
        .map_or("", |r| r.name.as_str());
    let n = app.gap_counts();
    let mut s = fill(
        app.lang.strings().gap_header,
        &[
            ("role", role),
            ("from", level_name(app, g.gap.from)),
            ("to", level_name(app, g.gap.to)),
            ("changes", &n.changes.to_string()),
            ("required", &n.required.to_string()),
            ("assessed", &n.assessed.to_string()),
        ],
    );
    if n.assessed > 0 {
        s.push_str(&format!(" · ✓{} ~{} ✗{}", n.met, n.partly, n.not_yet));
    }
    s
}

fn change_label(app: &App, item: &GapItem, to: usize) -> String {
    let t = app.lang.strings();
    let level = [("level", level_name(app, to))];
    match item.change {
        Change::New => fill(t.change_new_at, &level),
        Change::BecomesRequired => t.change_becomes_required.to_string(),
        Change::Dropped => fill(t.change_not_expected_at, &level),
        Change::Changed => String::new(),
    }
}

pub fn render(app: &App, main: Rect, buf: &mut Buffer) {
    let Some(g) = &app.gap else { return };
    let t = app.lang.strings();
    Clear.render(main, buf);
    let width = usize::from(main.width.saturating_sub(2));
    let title = fill(t.gap_title, &[("header", &header(app))]);
    pane(app, Line::from(text::truncate(&title, width)), true).render(main, buf);
    let inner = layout::inner(main);
    let info = match &app.review {
        Some(r) if r.file.is_some() => fill(
            &app.bindings.fill(t.gap_info_file),
            &[("file", r.file.as_deref().unwrap_or(""))],
        ),
        _ => app.bindings.fill(t.gap_info_session),
    };
    if inner.height > 0 {
        buf.set_stringn(
            inner.x,
            inner.y,
            text::truncate(&info, width),
            width,
            app.theme.dim,
        );
    }
    let (list, detail) = layout::gap_split(main);
    if g.gap.items.is_empty() {
        let msg = if g.gap.to == g.gap.from {
            t.gap_top_level.to_string()
        } else {
            fill(
                t.gap_nothing_changes,
                &[
                    ("from", level_name(app, g.gap.from)),
                    ("to", level_name(app, g.gap.to)),
                ],
            )
        };
        buf.set_stringn(
            list.x,
            list.y,
            text::truncate(&msg, width),
            width,
            app.theme.dim,
        );
        return;
    }
    render_list(app, list, buf);
    render_detail(app, detail, buf);
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(g) = &app.gap else { return };
    let t = app.lang.strings();
    let width = usize::from(area.width.saturating_sub(1));
    for (i, item) in g
        .gap
        .items
        .iter()
        .enumerate()
        .skip(g.offset)
        .take(usize::from(area.height))
    {
        let Some(skill) = app.catalog.skills.get(item.skill) else {
            continue;
        };
        let selected = i == g.cursor;
        let mark = app.assessment(item.skill).and_then(|a| a.mark);
        let n = item.to.as_ref().map(|c| c.necessity);
        let mut flag = match item.change {
            Change::New => t.gap_flag_new.to_string(),
            Change::BecomesRequired => "→●".to_string(),
            Change::Dropped => t.gap_flag_gone.to_string(),
            Change::Changed => String::new(),
        };
        if app.is_stale(item) {
            flag.push_str(" ⚠");
        }
        let fixed = 2 + 4 + 2 + text::width(&flag) + 1;
        let name = text::pad(&skill.name, width.saturating_sub(fixed));
        let style = if selected {
            app.theme.selection
        } else {
            Style::new()
        };
        let y = area.y + u16::try_from(i - g.offset).unwrap_or(0);
        Line::from(vec![
            Span::raw(if selected { "▶ " } else { "  " }),
            Span::styled(mark_symbol(mark), app.theme.key),
            Span::raw(" "),
            Span::styled(marker(n), necessity_style(app, n)),
            Span::raw(" "),
            Span::raw(name),
            Span::raw(" "),
            Span::styled(flag, app.theme.warning),
        ])
        .style(style)
        .render(Rect::new(area.x, y, area.width.saturating_sub(1), 1), buf);
    }
}

/// Word diff as wrapped lines: added words bold and underlined, removed
/// words struck through and dim, so the change reads without colour.
fn diff_lines(app: &App, old: &str, new: &str, width: usize) -> Vec<Line<'static>> {
    let added = app.theme.diff_added;
    let removed = app.theme.diff_removed;
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (kind, chunk) in word_diff(old, new) {
        let style = match kind {
            DiffKind::Same => Style::new(),
            DiffKind::Added => added,
            DiffKind::Removed => removed,
        };
        for word in chunk.split_inclusive(char::is_whitespace) {
            let w = text::width(word.trim_end());
            if used + w > width && used > 0 {
                lines.push(Line::from(std::mem::take(&mut line)));
                used = 0;
            }
            let shown = if used == 0 { word.trim_start() } else { word };
            used += text::width(shown);
            line.push(Span::styled(shown.to_string(), style));
        }
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// Per-behaviour changes, one behaviour a line (wrapped): `+` added (bold
/// and underlined, with the level that adds it), `−` removed (struck),
/// `~` reworded (a word diff), `=` kept (dim). The signs make it read
/// without colour.
fn behaviour_lines(app: &App, item: &GapItem, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.strings();
    let mut out = Vec::new();
    for change in &item.behaviours {
        match change {
            BehaviourChange::Added { text, level } => {
                let at = fill(t.change_new_at, &[("level", level_name(app, *level))]);
                wrapped(
                    &mut out,
                    &format!("+ {text} ({at})"),
                    width,
                    app.theme.diff_added,
                );
            }
            BehaviourChange::Removed { text } => {
                wrapped(
                    &mut out,
                    &format!("− {text}"),
                    width,
                    app.theme.diff_removed,
                );
            }
            BehaviourChange::Reworded { from, to } => {
                let mut lines = diff_lines(app, from, to, width.saturating_sub(2));
                if let Some(first) = lines.first_mut() {
                    first.spans.insert(0, Span::raw("~ "));
                }
                out.extend(lines);
            }
            BehaviourChange::Kept { text } => {
                wrapped(&mut out, &format!("= {text}"), width, app.theme.dim);
            }
        }
    }
    out
}

fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(g) = &app.gap else { return };
    let Some(item) = g.gap.items.get(g.cursor) else {
        return;
    };
    let Some(skill) = app.catalog.skills.get(item.skill) else {
        return;
    };
    let area = Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(1),
        ..area
    };
    let width = usize::from(area.width).max(1);
    let t = app.lang.strings();
    let mut out: Vec<Line<'static>> = Vec::new();
    wrapped(&mut out, &skill.name, width, app.theme.title);
    let mut facts = app.catalog.domain_of(skill).name.clone();
    let label = change_label(app, item, g.gap.to);
    if !label.is_empty() {
        facts.push_str(&format!(" · {label}"));
    }
    wrapped(&mut out, &facts, width, app.theme.dim);

    let cell_block =
        |out: &mut Vec<Line<'static>>, title: String, cell: Option<&crate::catalog::Cell>| {
            out.push(Line::default());
            out.push(rule(app, &title, width));
            match cell {
                Some(c) => {
                    out.push(necessity_line(app, Some(c)));
                    cell_body(app, out, c, width);
                }
                None => wrapped(out, t.gap_nothing_expected, width, app.theme.dim),
            }
        };
    cell_block(
        &mut out,
        fill(t.gap_now, &[("level", level_name(app, g.gap.from))]),
        item.from.as_ref(),
    );
    for (l, cell) in &item.path {
        cell_block(
            &mut out,
            fill(t.gap_on_the_way, &[("level", level_name(app, *l))]),
            cell.as_ref(),
        );
    }
    cell_block(
        &mut out,
        fill(t.gap_target, &[("level", level_name(app, g.gap.to))]),
        item.to.as_ref(),
    );
    if item.cumulative && item.from.is_some() {
        wrapped(
            &mut out,
            &fill(t.includes_below, &[("level", level_name(app, g.gap.from))]),
            width,
            app.theme.dim,
        );
    }
    if !item.behaviours.is_empty() {
        out.push(Line::default());
        out.push(rule(app, t.gap_what_changes, width));
        out.extend(behaviour_lines(app, item, width));
    } else if let (Some(a), Some(b)) = (&item.from, &item.to) {
        out.push(Line::default());
        out.push(rule(app, t.gap_what_changes, width));
        out.extend(diff_lines(app, &a.text, &b.text, width));
    }

    out.push(Line::default());
    out.push(rule(app, t.gap_assessment, width));
    let a = app.assessment(item.skill);
    let mark = a.and_then(|a| a.mark);
    out.push(Line::from(vec![
        Span::styled(mark_symbol(mark), app.theme.key),
        Span::raw(" "),
        Span::raw(t.mark(mark)),
    ]));
    if let Some(note) = &g.note {
        out.push(Line::from(vec![
            Span::styled(t.gap_note, app.theme.key),
            Span::raw(note.clone()),
            Span::styled("▏", app.theme.key),
        ]));
        out.push(Line::from(Span::styled(
            app.bindings.fill(t.gap_note_keys),
            app.theme.dim,
        )));
    } else if let Some(a) = a.filter(|a| !a.note.is_empty()) {
        wrapped(
            &mut out,
            &format!("{}{}", t.gap_note, a.note),
            width,
            Style::new(),
        );
    } else {
        out.push(Line::from(Span::styled(
            app.bindings.fill(t.gap_note_hint),
            app.theme.dim,
        )));
    }
    if app.is_stale(item) {
        wrapped(&mut out, t.gap_stale, width, app.theme.warning);
    }
    // Keep the assessment in view: when the text is long, the top gives way.
    let height = usize::from(area.height);
    let skip = if g.note.is_some() {
        out.len().saturating_sub(height)
    } else {
        0
    };
    for (i, line) in out.into_iter().skip(skip).take(height).enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}
