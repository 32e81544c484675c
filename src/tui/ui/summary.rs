//! The summary picture over the gap view: per domain, one stacked bar of
//! the required items and one of the optional ones (met, partly, not yet,
//! not assessed), drawn in the mark symbols so they read without colour
//! (`✓✓✓~~✗––`, `vvv~~x--` with `--ascii`), each with its counts.
//!
//! The bars count the marks the gap view's header counts, through the
//! same model as the HTML export's SVG bars ([`crate::report::domain_bars`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use super::pane;
use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::Overlay;
use crate::tui::text;

/// One horizontal stacked bar: a run of cells per slot (met, partly, not
/// yet, not assessed), each cell the slot's symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackedBar {
    /// Items per slot.
    pub counts: [usize; 4],
    /// Cells per item when the bar fits its area that way; otherwise the
    /// cells are shared out in proportion.
    pub scale: usize,
    pub symbols: [&'static str; 4],
    pub styles: [Style; 4],
}

impl Widget for &StackedBar {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let mut x = area.x;
        for (slot, n) in cells(self.counts, self.scale, usize::from(area.width))
            .into_iter()
            .enumerate()
        {
            for _ in 0..n {
                buf.set_string(x, area.y, self.symbols[slot], self.styles[slot]);
                x = x.saturating_add(1);
            }
        }
    }
}

/// How many cells each slot of a bar gets in `width` cells: `scale` per
/// item when that fits, else shares of `width` by largest remainder, where
/// every slot with items keeps at least one cell while there is room.
pub fn cells(counts: [usize; 4], scale: usize, width: usize) -> [usize; 4] {
    let total: usize = counts.iter().sum();
    if total == 0 || width == 0 {
        return [0; 4];
    }
    if total.saturating_mul(scale.max(1)) <= width {
        return counts.map(|n| n * scale.max(1));
    }
    let mut out = counts.map(|n| n * width / total);
    let mut used: usize = out.iter().sum();
    // Slots with items but no cell get one first, taken from the largest.
    for slot in 0..4 {
        if counts[slot] > 0 && out[slot] == 0 {
            if used < width {
                out[slot] = 1;
                used += 1;
            } else if let Some(big) = (0..4).filter(|&s| out[s] > 1).max_by_key(|&s| out[s]) {
                out[big] -= 1;
                out[slot] = 1;
            }
        }
    }
    // The rest by largest remainder.
    let mut order: Vec<usize> = (0..4).filter(|&s| counts[s] > 0).collect();
    order.sort_by_key(|&s| std::cmp::Reverse(counts[s] * width % total));
    for slot in order.into_iter().cycle().take(width.saturating_sub(used)) {
        out[slot] += 1;
    }
    out
}

/// A row of the picture: a name and its two bars.
struct Row {
    name: String,
    required: [usize; 4],
    optional: [usize; 4],
}

/// The counts beside a bar: `✓3 ~2 ✗1 –2`, each count padded to `digits`.
fn counts_text(app: &App, c: [usize; 4], digits: usize) -> String {
    let s = &app.symbols;
    [s.met, s.partly, s.not_yet, s.unassessed]
        .iter()
        .zip(c)
        .map(|(sym, n)| format!("{sym}{n:<digits$}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The bar's styles: the symbols carry the meaning, colour only helps.
fn styles(app: &App) -> [Style; 4] {
    let fg = |s: Style| Style {
        fg: s.fg,
        ..Style::new()
    };
    [
        fg(app.theme.diff_added).add_modifier(Modifier::BOLD),
        fg(app.theme.warning),
        fg(app.theme.diff_removed),
        app.theme.dim,
    ]
}

/// The popup's title: `Summary: Alex Kim · Data Scientist · Senior → Lead`.
fn title(app: &App, width: usize) -> String {
    let t = app.t();
    let Some(g) = &app.gap else {
        return String::new();
    };
    fn name(v: &[crate::catalog::Named], i: usize) -> &str {
        v.get(i).map_or("", |n| n.name.as_str())
    }
    let mut parts = Vec::new();
    if let Some(r) = &app.review
        && !r.review.meta.candidate.is_empty()
    {
        parts.push(r.review.meta.candidate.clone());
    }
    parts.push(name(&app.catalog.roles, g.gap.role).to_string());
    parts.push(format!(
        "{} {} {}",
        name(&app.catalog.levels, g.gap.from),
        app.symbols.arrow,
        name(&app.catalog.levels, g.gap.to)
    ));
    app.symbols.truncate(
        &fill(
            t.summary_title,
            &[("what", &parts.join(&format!(" {} ", app.symbols.dot)))],
        ),
        width,
    )
}

/// Where the columns of the picture go, for an inside `width` cells wide.
struct Columns {
    name: usize,
    /// Cells per item, and the width of a bar's column.
    scale: usize,
    bar: usize,
    digits: usize,
    /// Where the required and the optional bars start.
    required: usize,
    optional: usize,
    /// The width the picture takes.
    used: usize,
}

impl Columns {
    /// One scale for the domains' bars (at most three cells per item);
    /// names take up to two fifths of the width, at least 10 cells.
    fn new(app: &App, rows: &[Row], total: &Row, width: usize) -> Columns {
        let t = app.t();
        let sum = |c: [usize; 4]| c.iter().sum::<usize>();
        let most = sum(total.required).max(sum(total.optional)).max(1);
        let digits = most.to_string().len();
        let counts = text::width(&counts_text(app, [0; 4], digits));
        let names = rows
            .iter()
            .chain(std::iter::once(total))
            .map(|r| text::width(&r.name))
            .max()
            .unwrap_or(0);
        // Names are what people read first: up to two fifths of the width.
        let name = names.min((width * 2 / 5).max(10));
        // name ␣␣ bar ␣ counts ␣␣␣ bar ␣ counts
        let fixed = name + 2 + 1 + counts + 3 + 1 + counts;
        let room = width.saturating_sub(fixed) / 2;
        // The domains' bars share one scale; the total's is squeezed into
        // the same column when it does not fit at that scale.
        let widest = rows
            .iter()
            .map(|r| sum(r.required).max(sum(r.optional)))
            .max()
            .unwrap_or(0)
            .max(1);
        let scale = (room / widest).clamp(1, 3);
        let bar = (widest * scale).max(most.min(room)).min(room).max(1);
        let heading = text::width(t.necessity_required).max(text::width(t.necessity_optional));
        let col = (bar + 1 + counts).max(heading);
        let required = name + 2;
        let optional = required + col + 3;
        Columns {
            name,
            scale,
            bar,
            digits,
            required,
            optional,
            used: optional + col,
        }
    }
}

/// Draws the summary centred over `main`; returns how many domain rows
/// there are and how many show, for scrolling.
pub fn render(app: &App, main: Rect, buf: &mut Buffer) -> (usize, usize) {
    let (Some(g), Some(Overlay::Summary(view))) = (&app.gap, &app.overlay) else {
        return (0, 0);
    };
    let t = app.t();
    let who = app.who();
    let report = crate::report::build_as(
        &app.catalog,
        &g.gap,
        app.review.as_ref().map(|r| &r.review),
        app.today,
        &who,
    );
    let bars = crate::report::domain_bars(&report);
    let minus = |a: [usize; 4], b: [usize; 4]| std::array::from_fn(|i| a[i].saturating_sub(b[i]));
    let rows: Vec<Row> = bars
        .iter()
        .map(|b| Row {
            name: b.domain.to_string(),
            required: b.required,
            optional: minus(b.all, b.required),
        })
        .collect();
    let add = |f: fn(&Row) -> [usize; 4]| {
        rows.iter()
            .fold([0; 4], |acc, r| std::array::from_fn(|i| acc[i] + f(r)[i]))
    };
    let total = Row {
        name: t.summary_all.to_string(),
        required: add(|r| r.required),
        optional: add(|r| r.optional),
    };

    // Whose marks, and the legend.
    let c = report.counts;
    let whose = fill(t.report_counted, &[("who", t.assessor(report.counted))]);
    let progress = fill(
        t.summary_progress,
        &[
            ("assessed", &c.assessed.to_string()),
            ("total", &c.changes.to_string()),
        ],
    );
    let heading = format!("{whose} {} {progress}", app.symbols.dot);
    let s = &app.symbols;
    let legend = format!(
        "{} {}  {} {}  {} {}  {} {}  {} {}",
        s.met,
        t.mark_met,
        s.partly,
        t.mark_partly,
        s.not_yet,
        t.mark_not_yet,
        s.unassessed,
        t.mark_none,
        s.absent,
        t.summary_no_items
    );

    // The popup: as wide as the picture needs, as tall as its rows, inside
    // `main`; the domain rows scroll when they do not fit.
    let room = usize::from(main.width.saturating_sub(4));
    let cols = Columns::new(app, &rows, &total, room);
    let title = title(app, room);
    let wanted = [
        cols.used,
        text::width(&heading),
        text::width(&legend),
        text::width(&title),
    ]
    .into_iter()
    .max()
    .unwrap_or(0)
    .min(room);
    // Heading, legend, blank, column headings, rows, rule, total.
    let lines = 4 + rows.len() + 2;
    let mut width = u16::try_from(wanted + 4).unwrap_or(u16::MAX);
    if main.width.saturating_sub(width) <= 2 {
        // Nearly as wide as the view: as wide, so no sliver of its border
        // shows beside the popup's.
        width = main.width;
    }
    let popup = layout::centered(main, width, u16::try_from(lines + 2).unwrap_or(u16::MAX));
    Clear.render(popup, buf);
    pane(app, Line::from(title), true).render(popup, buf);
    let inner = layout::inner(popup);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let w = usize::from(inner.width);
    if inner.height == 0 || w == 0 {
        return (0, 0);
    }
    let bottom = inner.bottom();
    let at = |x: usize| inner.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
    let put = |buf: &mut Buffer, x: usize, y: u16, s: &str, style: Style| {
        if x < w && y < bottom {
            buf.set_stringn(at(x), y, s, w - x, style);
        }
    };
    let mut y = inner.y;
    put(
        buf,
        0,
        y,
        &app.symbols.truncate(&heading, w),
        app.theme.title,
    );
    y = y.saturating_add(1);
    put(buf, 0, y, &app.symbols.truncate(&legend, w), app.theme.dim);
    y = y.saturating_add(2);
    put(
        buf,
        cols.required,
        y,
        t.necessity_required,
        app.theme.heading,
    );
    put(
        buf,
        cols.optional,
        y,
        t.necessity_optional,
        app.theme.heading,
    );
    y = y.saturating_add(1);

    // Domain rows scroll between the column headings and the total.
    let height = usize::from(bottom.saturating_sub(y)).saturating_sub(2);
    let scroll = view.scroll.min(rows.len().saturating_sub(height));
    let draw_row = |buf: &mut Buffer, r: &Row, y: u16, style: Style| {
        let name = app
            .symbols
            .pad(&app.symbols.truncate(&r.name, cols.name), cols.name);
        put(buf, 0, y, &name, style);
        for (x, c) in [(cols.required, r.required), (cols.optional, r.optional)] {
            if c.iter().sum::<usize>() == 0 {
                put(buf, x, y, s.absent, app.theme.dim);
                continue;
            }
            let bar = StackedBar {
                counts: c,
                scale: cols.scale,
                symbols: [s.met, s.partly, s.not_yet, s.unassessed],
                styles: styles(app),
            };
            let area = Rect::new(at(x), y, u16::try_from(cols.bar).unwrap_or(0), 1)
                .intersection(Rect::new(inner.x, y, inner.width, 1));
            bar.render(area, buf);
            let counts = counts_text(app, c, cols.digits);
            put(buf, x + cols.bar + 1, y, &counts, Style::new());
        }
    };
    let shown = rows.len().min(height);
    for (i, r) in rows.iter().skip(scroll).take(height).enumerate() {
        draw_row(
            buf,
            r,
            y.saturating_add(u16::try_from(i).unwrap_or(u16::MAX)),
            Style::new(),
        );
    }
    y = y.saturating_add(u16::try_from(shown).unwrap_or(0));
    let rule = app.symbols.rule.repeat(cols.used.min(w));
    put(buf, 0, y, &rule, app.theme.dim);
    y = y.saturating_add(1);
    draw_row(buf, &total, y, app.theme.title);
    (rows.len(), height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_scale_or_share_out() {
        assert_eq!(cells([3, 2, 1, 2], 2, 40), [6, 4, 2, 4]);
        assert_eq!(cells([0, 0, 0, 0], 2, 40), [0; 4]);
        // Too many items: shares of the width, every slot with items shown.
        let c = cells([20, 1, 0, 9], 1, 10);
        assert_eq!(c.iter().sum::<usize>(), 10);
        assert!(c[1] >= 1 && c[3] >= 1 && c[2] == 0, "{c:?}");
        assert_eq!(cells([1, 1, 1, 1], 1, 2).iter().sum::<usize>(), 2);
    }

    #[test]
    fn the_bar_draws_its_symbols_in_order() {
        let bar = StackedBar {
            counts: [3, 2, 1, 2],
            scale: 1,
            symbols: ["M", "P", "N", "."],
            styles: [Style::new(); 4],
        };
        let area = Rect::new(0, 0, 10, 1);
        let mut buf = Buffer::empty(area);
        bar.render(area, &mut buf);
        let drawn: String = (0..10).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(drawn, "MMMPPN..  ");
    }
}
