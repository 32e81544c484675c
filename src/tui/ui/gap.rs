//! The promotion gap view: what changes from the current level to the
//! target, item by item, with the diff (off, inline, side by side) and the
//! assessment pinned at the bottom of the item's pane; and the presenter
//! layout, one item at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{cell_body, marker, necessity_line, necessity_style, pane, rule, wrapped};
use crate::catalog::{Cell, Necessity};
use crate::gap::{
    BehaviourChange, Change, DiffKind, GapItem, LinePair, pair_text_lines, word_diff,
};
use crate::i18n::fill;
use crate::review::Mark;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::gap::DiffMode;
use crate::tui::text;

/// The mark as a symbol that reads without colour: `✓ ~ ✗`, `–` for none.
pub fn mark_symbol(app: &App, mark: Option<Mark>) -> &'static str {
    app.symbols.mark(mark)
}

/// The list's mark columns when more than one assessor marks the review:
/// every assessor with a mark (and the current one), `agreed` last; each
/// with its heading (the name's first letter, or two when two names
/// share it). Empty when the agreed marks are all there is.
pub fn mark_columns(app: &App) -> Vec<(String, String)> {
    let who = app.who();
    let mut names: Vec<String> = app
        .review
        .as_ref()
        .map(|r| r.review.assessors_with_marks())
        .unwrap_or_default();
    if who != crate::review::AGREED && !names.contains(&who) {
        names.push(who);
    }
    if names.is_empty() {
        return Vec::new();
    }
    names.push(crate::review::AGREED.to_string());
    let t = app.t();
    let initial = |w: &str, n: usize| -> String {
        let label = t.assessor(w);
        let mut out: String = label.chars().take(n).collect();
        if let Some(first) = out.chars().next() {
            let upper: String = first.to_uppercase().collect();
            out = format!("{upper}{}", &out[first.len_utf8()..]);
        }
        out
    };
    let unique = |n: usize| {
        let heads: Vec<String> = names.iter().map(|w| initial(w, n)).collect();
        let mut sorted = heads.clone();
        sorted.sort();
        sorted.dedup();
        (sorted.len() == heads.len()).then_some(heads)
    };
    let heads = unique(1)
        .or_else(|| unique(2))
        .unwrap_or_else(|| names.iter().map(|w| initial(w, 3)).collect());
    names.into_iter().zip(heads).collect()
}

/// The width of one mark column: its widest heading, at least a symbol.
pub(super) fn column_width(columns: &[(String, String)]) -> usize {
    columns
        .iter()
        .map(|(_, h)| text::width(h))
        .max()
        .unwrap_or(1)
        .max(1)
}

fn level_name(app: &App, l: usize) -> &str {
    app.catalog.levels.get(l).map_or("", |l| l.name.as_str())
}

/// Counts of the required items by mark, and of all items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HeaderCounts {
    pub met: usize,
    pub partly: usize,
    pub not_yet: usize,
    pub unassessed: usize,
    pub required: usize,
    pub assessed: usize,
    pub total: usize,
}

/// What the header counts: required items first (the question in the
/// room), then all.
pub fn header_counts(app: &App) -> HeaderCounts {
    let mut c = HeaderCounts::default();
    let Some(g) = &app.gap else { return c };
    let counted = app.counted();
    for item in &g.gap.items {
        let mark = app.assessment(item.skill).and_then(|a| a.mark_of(&counted));
        c.total += 1;
        if mark.is_some() {
            c.assessed += 1;
        }
        if item.to.as_ref().map(|t| t.necessity) == Some(Necessity::Required) {
            c.required += 1;
            match mark {
                Some(Mark::Met) => c.met += 1,
                Some(Mark::Partly) => c.partly += 1,
                Some(Mark::NotYet) => c.not_yet += 1,
                None => c.unassessed += 1,
            }
        }
    }
    c
}

/// The progress: `agreed marks · required ✓4 ~2 ✗1 –3 of 10 · all 14/26`.
pub fn progress(app: &App) -> String {
    let c = header_counts(app);
    let s = &app.symbols;
    let t = app.t();
    let counts = format!(
        "{}{} {}{} {}{} {}{}",
        s.met, c.met, s.partly, c.partly, s.not_yet, c.not_yet, s.unassessed, c.unassessed
    );
    fill(
        t.gap_counts,
        &[
            ("counts", &counts),
            ("required", &c.required.to_string()),
            ("assessed", &c.assessed.to_string()),
            ("total", &c.total.to_string()),
        ],
    )
}

/// The header for `width` cells: the progress always; whose marks, the
/// levels and the role as room allows (the role goes first).
pub fn header_fitted(app: &App, width: usize) -> String {
    let Some(g) = &app.gap else {
        return String::new();
    };
    let t = app.t();
    let role = app
        .catalog
        .roles
        .get(g.gap.role)
        .map_or("", |r| r.name.as_str());
    let levels = format!(
        "{} {} {}",
        level_name(app, g.gap.from),
        app.symbols.arrow,
        level_name(app, g.gap.to)
    );
    let progress = progress(app);
    let (who, counted) = (app.who(), app.counted());
    let whose = if counted == crate::review::AGREED {
        t.gap_whose.to_string()
    } else {
        fill(t.gap_whose_of, &[("who", t.assessor(&counted))])
    };
    let counts = format!("{whose}: {progress}");
    // The current assessor, when the counts are not already theirs.
    let whose = if who == counted {
        counts.clone()
    } else {
        let by = fill(t.gap_as, &[("who", t.assessor(&who))]);
        format!("{by} {} {counts}", app.symbols.dot)
    };
    let candidates = [
        format!("{role} {dot} {levels} {dot} {whose}", dot = app.symbols.dot),
        format!("{levels} {} {whose}", app.symbols.dot),
        whose.clone(),
        counts,
        progress.clone(),
    ];
    candidates
        .iter()
        .find(|c| text::width(c) <= width)
        .cloned()
        .unwrap_or_else(|| app.symbols.truncate(&progress, width))
}

/// The header at any width (the longest form).
pub fn header(app: &App) -> String {
    header_fitted(app, usize::MAX)
}

/// The legend: every symbol the list uses, as words; a shorter one (marks
/// only) when the long one does not fit; `None` when neither does.
pub fn legend(app: &App, width: usize) -> Option<String> {
    let t = app.t();
    let s = &app.symbols;
    let marks = format!(
        "{} {}  {} {}  {} {}  {} {}",
        s.met,
        t.mark_met,
        s.partly,
        t.mark_partly,
        s.not_yet,
        t.mark_not_yet,
        s.unassessed,
        t.mark_none
    );
    let full = format!(
        "{marks}    {} {}  {} {}  {} {}  {} {}",
        s.new,
        t.gap_legend_new,
        s.becomes_required,
        t.gap_legend_becomes_required,
        s.note,
        t.gap_legend_note,
        s.required,
        t.necessity_required
    );
    let columns = mark_columns(app);
    if columns.is_empty() {
        return [full, marks].into_iter().find(|l| text::width(l) <= width);
    }
    // The columns' headings over the list's mark columns (after the
    // two-cell gutter), then whose they are.
    let cw = column_width(&columns);
    let heads: String = columns
        .iter()
        .map(|(_, h)| app.symbols.pad(h, cw))
        .collect();
    let names: Vec<&str> = columns.iter().map(|(w, _)| t.assessor(w)).collect();
    let key = format!(
        "  {heads} {}",
        names.join(&format!(" {} ", app.symbols.dot))
    );
    [
        format!("{key}    {marks}"),
        key.clone(),
        app.symbols.truncate(&key, width),
    ]
    .into_iter()
    .find(|l| text::width(l) <= width)
}

fn change_label(app: &App, item: &GapItem, to: usize) -> String {
    let t = app.t();
    let level = [("level", level_name(app, to))];
    match item.change {
        Change::New => fill(t.change_new_at, &level),
        Change::BecomesRequired => t.change_becomes_required.to_string(),
        Change::Dropped => fill(t.change_not_expected_at, &level),
        Change::Changed => String::new(),
    }
}

/// Draws the gap view into `main`; returns how many lines the selected
/// item's texts take and how many rows they have, for scrolling.
pub fn render(app: &App, main: Rect, buf: &mut Buffer) -> (usize, usize) {
    let Some(g) = &app.gap else { return (0, 0) };
    let t = app.t();
    Clear.render(main, buf);
    let width = usize::from(main.width.saturating_sub(2));
    let frame = text::width(&fill(t.gap_title, &[("header", "")]));
    let header = header_fitted(app, width.saturating_sub(frame));
    let title = fill(t.gap_title, &[("header", &header)]);
    pane(app, Line::from(app.symbols.truncate(&title, width)), true).render(main, buf);
    let inner = layout::inner(main);
    render_info(app, inner, buf);
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
            app.symbols.truncate(&msg, width),
            width,
            app.theme.dim,
        );
        return (0, 0);
    }
    if g.presenter {
        let body = Rect {
            x: inner.x.saturating_add(2),
            y: inner.y.saturating_add(layout::GAP_HEADER_LINES),
            width: inner.width.saturating_sub(4),
            height: inner.height.saturating_sub(layout::GAP_HEADER_LINES),
        };
        return render_item(app, body, buf, true);
    }
    render_list(app, list, buf);
    let detail = Rect {
        x: detail.x.saturating_add(1),
        width: detail.width.saturating_sub(1),
        ..detail
    };
    render_item(app, detail, buf, false)
}

/// The two lines above the list: the review file (or the filter being
/// typed), and the legend.
fn render_info(app: &App, inner: Rect, buf: &mut Buffer) {
    let Some(g) = &app.gap else { return };
    let t = app.t();
    let width = usize::from(inner.width);
    if inner.height == 0 {
        return;
    }
    if let Some(filter) = &g.filter {
        let label = t.gap_filter;
        let used = u16::try_from(text::width(label)).unwrap_or(0);
        buf.set_stringn(inner.x, inner.y, label, width, app.theme.key);
        let count = if g.shown.is_empty() {
            app.bindings.fill(t.gap_filter_none)
        } else {
            fill(
                &app.bindings.fill(t.gap_filter_count),
                &[
                    ("shown", &g.shown.len().to_string()),
                    ("total", &g.gap.items.len().to_string()),
                ],
            )
        };
        let count_width = u16::try_from(text::width(&count)).unwrap_or(0);
        let room = inner
            .width
            .saturating_sub(used)
            .saturating_sub(count_width + 2)
            .max(8);
        let area = Rect::new(inner.x + used, inner.y, room.min(inner.width - used), 1);
        if g.filtering {
            filter.render(area, buf);
        } else {
            buf.set_stringn(
                area.x,
                area.y,
                filter.text(),
                usize::from(area.width),
                app.theme.title,
            );
        }
        let x = area.x.saturating_add(area.width).saturating_add(2);
        if x < inner.right() {
            buf.set_stringn(
                x,
                inner.y,
                &count,
                usize::from(inner.right() - x),
                app.theme.dim,
            );
        }
    } else {
        let info = match &app.review {
            Some(r) if r.file.is_some() => fill(
                &app.bindings.fill(t.gap_info_file),
                &[("file", r.file.as_deref().unwrap_or(""))],
            ),
            _ => app.bindings.fill(t.gap_info_session),
        };
        buf.set_stringn(
            inner.x,
            inner.y,
            app.symbols.truncate(&info, width),
            width,
            app.theme.dim,
        );
    }
    if inner.height > 1
        && let Some(l) = legend(app, width)
    {
        buf.set_stringn(inner.x, inner.y + 1, l, width, app.theme.dim);
    }
}

/// The list's flags for an item: change, note, stale.
fn flags(app: &App, item: &GapItem) -> String {
    let t = app.t();
    let s = &app.symbols;
    let mut flag = match item.change {
        Change::New => s.new.to_string(),
        Change::BecomesRequired => s.becomes_required.to_string(),
        Change::Dropped => t.gap_flag_gone.to_string(),
        Change::Changed => String::new(),
    };
    // The counted mark's change at the last session: `✗→~`.
    if let (Some(since), Some(skill)) = (&app.since, app.catalog.skills.get(item.skill)) {
        let counted = app.counted();
        let now = app.assessment(item.skill).and_then(|a| a.mark_of(&counted));
        if let Some(was) = since.mark_before(&skill.id, &counted)
            && was != now
        {
            if !flag.is_empty() {
                flag.push(' ');
            }
            flag.push_str(&format!(
                "{}{}{}",
                mark_symbol(app, was),
                s.arrow,
                mark_symbol(app, now)
            ));
        }
    }
    if app
        .assessment(item.skill)
        .is_some_and(|a| !a.note.trim().is_empty())
    {
        if !flag.is_empty() {
            flag.push(' ');
        }
        flag.push_str(s.note);
    }
    if app.is_stale(item) {
        if !flag.is_empty() {
            flag.push(' ');
        }
        flag.push_str(s.stale);
    }
    flag
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(g) = &app.gap else { return };
    let width = usize::from(area.width.saturating_sub(1));
    let counted = app.counted();
    let columns = mark_columns(app);
    let cw = column_width(&columns);
    let rows = g.rows();
    for (row, &(i, behaviour)) in rows
        .iter()
        .enumerate()
        .skip(g.offset)
        .take(usize::from(area.height))
    {
        let Some(item) = g.gap.items.get(i) else {
            continue;
        };
        let y = area.y + u16::try_from(row - g.offset).unwrap_or(0);
        if let Some(j) = behaviour {
            let row = Rect::new(area.x, y, area.width.saturating_sub(1), 1);
            super::behaviours::render_row(app, row, buf, item, j, &columns);
            continue;
        }
        let Some(skill) = app.catalog.skills.get(item.skill) else {
            continue;
        };
        let selected = i == g.cursor && g.selected_behaviour().is_none();
        let a = app.assessment(item.skill);
        // One mark, whose the header counts; or every assessor's, in columns.
        let marks = if columns.is_empty() {
            mark_symbol(app, a.and_then(|a| a.mark_of(&counted))).to_string()
        } else {
            columns
                .iter()
                .map(|(w, _)| {
                    app.symbols
                        .pad(mark_symbol(app, a.and_then(|a| a.mark_of(w))), cw)
                })
                .collect()
        };
        let n = item.to.as_ref().map(|c| c.necessity);
        let flag = flags(app, item);
        let fixed = 2 + text::width(&marks) + 1 + 2 + text::width(&flag) + 1;
        let name = app.symbols.pad(&skill.name, width.saturating_sub(fixed));
        let style = if selected {
            app.theme.selection
        } else {
            Style::new()
        };
        Line::from(vec![
            Span::raw(super::gutter(app, selected)),
            Span::styled(marks, app.theme.key),
            Span::raw(" "),
            Span::styled(marker(app, n), necessity_style(app, n)),
            Span::raw(" "),
            Span::raw(name),
            Span::raw(" "),
            Span::styled(flag, app.theme.warning),
        ])
        .style(style)
        .render(Rect::new(area.x, y, area.width.saturating_sub(1), 1), buf);
    }
}

/// Runs of a word diff.
type Chunks = Vec<(DiffKind, String)>;

/// A word diff as wrapped lines, in the given styles.
fn word_lines(
    chunks: &[(DiffKind, String)],
    width: usize,
    same: Style,
    added: Style,
    removed: Style,
    prefix: Option<(&str, Style)>,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    if let Some((p, style)) = prefix {
        used = text::width(p);
        line.push(Span::styled(p.to_string(), style));
    }
    let indent = used;
    for (kind, chunk) in chunks {
        let style = match kind {
            DiffKind::Same => same,
            DiffKind::Added => added,
            DiffKind::Removed => removed,
        };
        for word in chunk.split_inclusive(char::is_whitespace) {
            let w = text::width(word.trim_end());
            if used + w > width && used > indent {
                lines.push(finish(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(indent)));
                used = indent;
            }
            let shown = if used == indent {
                word.trim_start()
            } else {
                word
            };
            used += text::width(shown);
            line.push(Span::styled(shown.to_string(), style));
        }
    }
    if line.len() > usize::from(indent > 0) {
        lines.push(finish(line));
    }
    lines
}

/// Per-behaviour changes, one behaviour a line (wrapped): `+` added (bold
/// and underlined, with the level that adds it), `−` removed (struck),
/// `~` reworded (a word diff), `=` kept (dim). The signs make it read
/// without colour.
fn behaviour_lines(app: &App, item: &GapItem, width: usize) -> Vec<Line<'static>> {
    let t = app.t();
    let mut out = Vec::new();
    // The sign, then the text wrapped under itself (a hanging indent), so
    // each behaviour reads as one bullet.
    let inner = width.saturating_sub(2).max(1);
    let mut signed = |sign: &str, lines: Vec<Line<'static>>| {
        for (i, mut line) in lines.into_iter().enumerate() {
            let lead = if i == 0 {
                format!("{sign} ")
            } else {
                "  ".into()
            };
            line.spans.insert(0, Span::raw(lead));
            out.push(line);
        }
    };
    let plain = |s: &str, style: Style| {
        let mut lines = Vec::new();
        wrapped(&mut lines, s, inner, style);
        lines
    };
    for change in &item.behaviours {
        match change {
            BehaviourChange::Added { text, level } => {
                let at = fill(t.change_new_at, &[("level", level_name(app, *level))]);
                signed("+", plain(&format!("{text} ({at})"), app.theme.diff_added));
            }
            BehaviourChange::Removed { text } => {
                signed(app.symbols.minus, plain(text, app.theme.diff_removed));
            }
            BehaviourChange::Reworded { from, to } => {
                signed("~", inline_diff(app, from, to, inner));
            }
            BehaviourChange::Kept { text } => {
                signed("=", plain(text, app.theme.dim));
            }
        }
    }
    out
}

/// A wrapped line without the space that ended its last word, so it is
/// never wider than the column it was wrapped to.
fn finish(mut spans: Vec<Span<'static>>) -> Line<'static> {
    if let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end().to_string();
        last.content = trimmed.into();
    }
    Line::from(spans)
}

/// The inline diff: lines paired by similarity first, a word diff inside
/// each pair; unpaired lines whole, removed (struck, normal intensity) or
/// added (bold, underlined), so two sentences never interleave.
pub fn inline_diff(app: &App, old: &str, new: &str, width: usize) -> Vec<Line<'static>> {
    let (added, removed) = (app.theme.diff_added, app.theme.diff_removed);
    let mut out = Vec::new();
    for pair in pair_text_lines(old, new) {
        let chunks = match pair {
            LinePair::Same(l) => vec![(DiffKind::Same, l.to_string())],
            LinePair::Changed(a, b) => word_diff(a, b),
            LinePair::Removed(l) => vec![(DiffKind::Removed, l.to_string())],
            LinePair::Added(l) => vec![(DiffKind::Added, l.to_string())],
        };
        out.extend(word_lines(
            &chunks,
            width,
            Style::new(),
            added,
            removed,
            None,
        ));
    }
    out
}

/// Side by side: now | target, each pair of lines on the same rows.
pub fn side_by_side(
    app: &App,
    old: &str,
    new: &str,
    width: usize,
    titles: (&str, &str),
) -> Vec<Line<'static>> {
    let (added, removed) = (app.theme.diff_added, app.theme.diff_removed);
    let col = width.saturating_sub(3) / 2;
    let sep = format!(" {} ", app.symbols.bar);
    let mut out = vec![Line::from(vec![
        Span::styled(
            app.symbols.pad(&app.symbols.truncate(titles.0, col), col),
            app.theme.heading,
        ),
        Span::styled(sep.clone(), app.theme.dim),
        Span::styled(app.symbols.truncate(titles.1, col), app.theme.heading),
    ])];
    for pair in pair_text_lines(old, new) {
        let (left, right): (Chunks, Chunks) = match pair {
            LinePair::Same(l) => (
                vec![(DiffKind::Same, l.to_string())],
                vec![(DiffKind::Same, l.to_string())],
            ),
            LinePair::Changed(a, b) => {
                let d = word_diff(a, b);
                (
                    d.iter()
                        .filter(|(k, _)| *k != DiffKind::Added)
                        .cloned()
                        .collect(),
                    d.iter()
                        .filter(|(k, _)| *k != DiffKind::Removed)
                        .cloned()
                        .collect(),
                )
            }
            LinePair::Removed(l) => (vec![(DiffKind::Removed, l.to_string())], Vec::new()),
            LinePair::Added(l) => (Vec::new(), vec![(DiffKind::Added, l.to_string())]),
        };
        let l = word_lines(&left, col, Style::new(), added, removed, None);
        let r = word_lines(&right, col, Style::new(), added, removed, None);
        for i in 0..l.len().max(r.len()) {
            let mut spans = Vec::new();
            let left_line = l.get(i).cloned().unwrap_or_default();
            let used = left_line.width();
            spans.extend(left_line.spans);
            spans.push(Span::raw(" ".repeat(col.saturating_sub(used))));
            spans.push(Span::styled(sep.clone(), app.theme.dim));
            if let Some(right) = r.get(i) {
                spans.extend(right.spans.clone());
            }
            out.push(Line::from(spans));
        }
    }
    out
}

/// The intro of a cell with behaviours, or nothing for a cell without:
/// its whole text is one behaviour in the per-behaviour pairing already.
fn intro_of(cell: &Cell) -> &str {
    if cell.behaviours().is_empty() {
        ""
    } else {
        cell.intro()
    }
}

/// A cell's text as the views show it (intro, behaviours as `- ` lines
/// with their examples), for the line diffs.
fn shown_text(app: &App, cell: &Cell) -> String {
    crate::report::cell_lines(app.t(), cell).join("\n")
}

/// The texts of an item (above its assessment), as the diff mode asks.
fn item_texts(app: &App, item: &GapItem, width: usize, spacious: bool) -> Vec<Line<'static>> {
    let Some(g) = &app.gap else {
        return Vec::new();
    };
    let Some(skill) = app.catalog.skills.get(item.skill) else {
        return Vec::new();
    };
    let t = app.t();
    let mut out: Vec<Line<'static>> = Vec::new();
    wrapped(&mut out, &skill.name, width, app.theme.title);
    let mut facts = app.catalog.domain_of(skill).name.clone();
    let label = change_label(app, item, g.gap.to);
    if !label.is_empty() {
        facts.push_str(&format!(" {} {label}", app.symbols.dot));
    }
    wrapped(&mut out, &facts, width, app.theme.dim);

    let cell_block = |out: &mut Vec<Line<'static>>, title: String, cell: Option<&Cell>| {
        out.push(Line::default());
        out.push(rule(app, &title, width));
        match cell {
            Some(c) => {
                out.push(necessity_line(app, Some(c)));
                if spacious {
                    out.push(Line::default());
                }
                cell_body(app, out, c, width);
            }
            None => wrapped(out, t.gap_nothing_expected, width, app.theme.dim),
        }
    };
    let now_title = fill(t.gap_now, &[("level", level_name(app, g.gap.from))]);
    let target_title = fill(t.gap_target, &[("level", level_name(app, g.gap.to))]);
    let both = match (&item.from, &item.to) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    let mode = if both.is_some() {
        app.diff_mode
    } else {
        DiffMode::Off
    };
    if mode == DiffMode::Off {
        cell_block(&mut out, now_title.clone(), item.from.as_ref());
    }
    for (l, cell) in &item.path {
        cell_block(
            &mut out,
            fill(t.gap_on_the_way, &[("level", level_name(app, *l))]),
            cell.as_ref(),
        );
    }
    match (mode, both) {
        (DiffMode::Inline, Some((a, b))) => {
            out.push(Line::default());
            let title = format!(
                "{} {} {}",
                level_name(app, g.gap.from),
                app.symbols.arrow,
                level_name(app, g.gap.to)
            );
            out.push(rule(
                app,
                &format!("{} {} {title}", t.gap_what_changes, app.symbols.dot),
                width,
            ));
            out.push(necessity_line(app, Some(b)));
            if item.behaviours.is_empty() {
                // A cumulative skill drops nothing: only what each level adds.
                if !item.cumulative {
                    out.extend(inline_diff(
                        app,
                        &shown_text(app, a),
                        &shown_text(app, b),
                        width,
                    ));
                }
            } else {
                // Bullet lists: the per-behaviour pairing says what the
                // line diff would, so only one of them is shown; an intro
                // above the bullets still gets its line diff.
                let (from, to) = (intro_of(a), intro_of(b));
                if !item.cumulative && (!from.is_empty() || !to.is_empty()) {
                    out.extend(inline_diff(app, from, to, width));
                    out.push(Line::default());
                }
                out.extend(behaviour_lines(app, item, width));
            }
        }
        (DiffMode::SideBySide, Some((a, b))) => {
            out.push(Line::default());
            out.push(rule(app, t.gap_what_changes, width));
            out.push(necessity_line(app, Some(b)));
            out.extend(side_by_side(
                app,
                &shown_text(app, a),
                &shown_text(app, b),
                width,
                (&now_title, &target_title),
            ));
        }
        _ => {
            cell_block(&mut out, target_title, item.to.as_ref());
            if !item.behaviours.is_empty() {
                out.push(Line::default());
                out.push(rule(app, t.gap_what_changes, width));
                out.extend(behaviour_lines(app, item, width));
            }
        }
    }
    if item.cumulative && item.from.is_some() {
        // What the from level already expects stays expected: one line
        // says so, and with the union on (`b`) it is listed, each
        // behaviour naming the level that added it.
        let from = level_name(app, g.gap.from);
        if app.union {
            let first = (0..=g.gap.from)
                .find(|&l| skill.cell(g.gap.role, l).is_some())
                .unwrap_or(0);
            out.push(Line::default());
            wrapped(
                &mut out,
                &app.bindings.fill(&fill(
                    t.union_gap,
                    &[("level", from), ("first", level_name(app, first))],
                )),
                width,
                app.theme.dim,
            );
            super::inherited_lines(app, &mut out, skill, g.gap.role, g.gap.from + 1, width);
        } else {
            let line = format!(
                "{} {} {}",
                fill(t.includes_below, &[("level", from)]),
                app.symbols.dot,
                app.bindings.fill(t.union_show)
            );
            wrapped(&mut out, &line, width, app.theme.dim);
        }
    }
    out
}

/// The assessment block, pinned at the bottom of the item's pane: the
/// mark, the note (its first lines, all of it in the presenter layout; the
/// editor while editing) and the note's keys.
fn render_assessment(app: &App, area: Rect, buf: &mut Buffer, item: &GapItem, full: bool) {
    let Some(g) = &app.gap else { return };
    if super::behaviours::render_assessment(app, area, buf, item) {
        return;
    }
    let t = app.t();
    let width = usize::from(area.width).max(1);
    let a = app.assessment(item.skill);
    let who = app.who();
    let mark = a.and_then(|a| a.mark_of(&who));
    let mut spans = vec![
        Span::styled(mark_symbol(app, mark), app.theme.key),
        Span::raw(" "),
        Span::styled(t.mark(mark), app.theme.key),
    ];
    // Every assessor's mark side by side once there is more than the agreed
    // one: `self ✓ · manager ~ · agreed –`, the current assessor's (whose
    // mark is the one before) in reverse.
    if let Some(a) = a.filter(|a| !a.marks.is_empty()) {
        push_marks_side_by_side(app, &mut spans, &a.marks, &|w| a.mark_of(w), &who);
    }
    let mut top: Vec<Line<'static>> = vec![rule(app, t.gap_assessment, width), Line::from(spans)];
    if app.is_stale(item) {
        wrapped(&mut top, t.gap_stale, width, app.theme.warning);
    }
    let mut y = area.y;
    let bottom = area.bottom();
    for line in top {
        if y >= bottom {
            return;
        }
        line.render(Rect::new(area.x, y, area.width, 1), buf);
        y += 1;
    }
    if let Some(editor) = &g.note {
        // The editor takes the rows left but one, for its keys.
        let rows = bottom.saturating_sub(y).saturating_sub(1).max(1);
        let label = t.gap_note;
        let lw = u16::try_from(text::width(label)).unwrap_or(0);
        buf.set_stringn(area.x, y, label, width, app.theme.key);
        let edit = Rect::new(
            area.x + lw.min(area.width),
            y,
            area.width.saturating_sub(lw),
            rows.min(bottom.saturating_sub(y)),
        );
        editor.render(edit, buf);
        let keys_y = edit.bottom();
        if keys_y < bottom {
            buf.set_stringn(
                area.x,
                keys_y,
                app.symbols
                    .truncate(&app.bindings.fill(t.gap_note_editing_keys), width),
                width,
                app.theme.dim,
            );
        }
        return;
    }
    let mut rest: Vec<Line<'static>> = Vec::new();
    match a.filter(|a| !a.note.trim().is_empty()) {
        Some(a) => {
            let lines: Vec<&str> = a.note.lines().collect();
            for (i, l) in lines.iter().enumerate() {
                let shown = if i == 0 {
                    format!("{}{l}", t.gap_note)
                } else {
                    format!("{}{l}", " ".repeat(text::width(t.gap_note)))
                };
                wrapped(&mut rest, &shown, width, Style::new());
            }
        }
        None => rest.push(Line::from(Span::styled(
            app.bindings.fill(t.gap_note_hint),
            app.theme.dim,
        ))),
    }
    let room = usize::from(bottom.saturating_sub(y));
    let cut = rest.len() > room && !full;
    for (i, line) in rest.into_iter().take(room).enumerate() {
        let last = i + 1 == room;
        let line = if cut && last {
            Line::from(Span::styled(app.symbols.ellipsis, app.theme.dim))
        } else {
            line
        };
        line.render(Rect::new(area.x, y, area.width, 1), buf);
        y += 1;
    }
}

/// Rows the assessment block takes: the rule, the mark, the stale warning,
/// and the note's first lines (3, or the editor's lines up to half the
/// pane, or the whole note in the presenter layout).
fn assessment_height(app: &App, item: &GapItem, width: u16, height: u16, full: bool) -> u16 {
    let Some(g) = &app.gap else { return 0 };
    if let Some(rows) = super::behaviours::assessment_height(app, item, width, height) {
        return rows;
    }
    let t = app.t();
    let w = usize::from(width).max(1);
    let stale = if app.is_stale(item) {
        u16::try_from(text::wrap(t.gap_stale, w).len()).unwrap_or(1)
    } else {
        0
    };
    let note_rows = if let Some(editor) = &g.note {
        let lw = u16::try_from(text::width(t.gap_note)).unwrap_or(0);
        editor
            .height(width.saturating_sub(lw))
            .clamp(3, (height / 2).max(3))
            + 1
    } else {
        let a = app.assessment(item.skill);
        let lines: usize = a.filter(|a| !a.note.trim().is_empty()).map_or(1, |a| {
            a.note
                .lines()
                .map(|l| text::wrap(&format!("{}{l}", t.gap_note), w).len().max(1))
                .sum()
        });
        let cap = if full { usize::from(height / 2) } else { 3 };
        u16::try_from(lines.min(cap.max(1))).unwrap_or(3)
    };
    (2 + stale + note_rows).min(height)
}

/// The selected item in `area`: its texts, scrolled, above the pinned
/// assessment. Returns the texts' length and the rows they have.
fn render_item(app: &App, area: Rect, buf: &mut Buffer, presenter: bool) -> (usize, usize) {
    let Some(g) = &app.gap else { return (0, 0) };
    let Some(item) = g.gap.items.get(g.cursor) else {
        return (0, 0);
    };
    let t = app.t();
    let width = usize::from(area.width).max(1);
    let footer = u16::from(presenter);
    let assess = assessment_height(
        app,
        item,
        area.width,
        area.height.saturating_sub(footer),
        presenter,
    );
    // A blank row between the texts and the assessment.
    let texts_height = area
        .height
        .saturating_sub(assess)
        .saturating_sub(footer)
        .saturating_sub(1);
    let texts = item_texts(app, item, width, presenter);
    let total = texts.len();
    let rows = usize::from(texts_height);
    let scroll = g.text_scroll.min(total.saturating_sub(rows));
    let more = total > rows;
    // The last row says there is more, when there is.
    let shown_rows = if more { rows.saturating_sub(1) } else { rows };
    for (i, line) in texts.into_iter().skip(scroll).take(shown_rows).enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
    if more && rows > 0 {
        let y = area.y + u16::try_from(rows - 1).unwrap_or(0);
        let s = &app.symbols;
        let arrows = match (scroll > 0, scroll + shown_rows < total) {
            (true, true) => format!("{}{} ", s.more_up, s.more_down),
            (true, false) => format!("{} ", s.more_up),
            _ => format!("{} ", s.more_down),
        };
        let hint = format!("{arrows}{}", app.bindings.fill(t.gap_more));
        buf.set_stringn(
            area.x,
            y,
            app.symbols.truncate(&hint, width),
            width,
            app.theme.dim,
        );
    }
    let block = Rect {
        y: area.y + texts_height + 1,
        height: assess,
        ..area
    };
    if texts_height < area.height {
        render_assessment(app, block, buf, item, presenter);
    }
    if presenter && area.height > 0 {
        let pos = g.shown.iter().position(|&i| i == g.cursor).unwrap_or(0) + 1;
        let line = fill(
            &app.bindings.fill(t.gap_presenter_position),
            &[
                ("n", &pos.to_string()),
                ("total", &g.shown.len().to_string()),
            ],
        );
        buf.set_stringn(
            area.x,
            area.bottom() - 1,
            app.symbols.truncate(&line, width),
            width,
            app.theme.dim,
        );
    }
    (total, rows)
}

/// Appends every assessor's mark side by side (`self ✓ · manager ~ ·
/// agreed –`), the current assessor's in reverse: those who marked, the
/// current assessor, then agreed. One line for an item and a behaviour.
pub(super) fn push_marks_side_by_side(
    app: &App,
    spans: &mut Vec<Span<'static>>,
    marks: &[(String, crate::review::Mark)],
    mark_of: &dyn Fn(&str) -> Option<crate::review::Mark>,
    who: &str,
) {
    let t = app.t();
    let mut names: Vec<&str> = marks.iter().map(|(w, _)| w.as_str()).collect();
    if !names.contains(&who) && who != crate::review::AGREED {
        names.push(who);
    }
    names.push(crate::review::AGREED);
    spans.push(Span::raw("  "));
    for (i, w) in names.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(format!(" {} ", app.symbols.dot)));
        }
        let shown = format!("{} {}", t.assessor(w), mark_symbol(app, mark_of(w)));
        spans.push(if *w == who {
            Span::styled(shown, app.theme.selection)
        } else {
            Span::raw(shown)
        });
    }
}
