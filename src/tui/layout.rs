//! Every rectangle of the screen for a given terminal size: panes, popups,
//! list areas and slider segments, and `hit_test` to find what a click or a
//! wheel turn landed on.
//!
//! Pure functions of the size (and of the few counts that shape the
//! screen), shared by drawing and by the app's updates, so a click always
//! lands on what was drawn there. What only drawing can measure (how long
//! the detail pane or the help is at this width) comes back from each draw
//! as a [`FrameReport`].

use ratatui::layout::{Constraint, Layout, Rect};

use super::screens::Screen;
use super::symbols::Symbols;
use super::text;
use crate::catalog::Named;

/// Smallest terminal the full layout fits in; below it a one-line message
/// says so.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Lines each search result takes: what and where, then the matched text.
pub const RESULT_LINES: u16 = 2;

/// Lines above the table inside the profile box: facts, a hint, a blank
/// line and the column headings.
pub const PROFILE_HEADER_LINES: u16 = 4;

/// Lines above the list inside the gap box.
pub const GAP_HEADER_LINES: u16 = 2;

/// What the last draw measured, for the app to clamp scrolling against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FrameReport {
    /// Lines of the detail pane's content at its drawn width.
    pub detail_lines: usize,
    /// Rows of the detail pane that show content.
    pub detail_height: usize,
    /// Lines of the help text.
    pub help_lines: usize,
    /// Lines of the role comparison, and the rows that show them.
    pub compare_lines: usize,
    pub compare_height: usize,
    /// Lines of the gap item's texts (above its pinned assessment) at
    /// their drawn width, and the rows they have.
    pub gap_text_lines: usize,
    pub gap_text_height: usize,
    /// Rows of the summary picture's domains, and the rows that show them.
    pub summary_lines: usize,
    pub summary_height: usize,
}

impl FrameReport {
    /// How far the detail pane can scroll.
    pub fn max_detail_scroll(&self) -> usize {
        self.detail_lines.saturating_sub(self.detail_height)
    }
}

/// The areas of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub slider: Rect,
    pub roles: Rect,
    pub skills: Rect,
    pub detail: Rect,
    pub status: Rect,
    /// Everything between the header and the status line, for full views.
    pub main: Rect,
}

/// Lays out the screen, or `None` when `area` is below the minimum size.
pub fn areas(area: Rect, roles: usize) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [header, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [slider, body] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(main);
    let left_width = (area.width.saturating_mul(2) / 5).clamp(22, 44);
    let [left, detail] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
    // The roles pane shows every role when it can, but never takes more than
    // a third of the column from the skills.
    let wanted = u16::try_from(roles).unwrap_or(u16::MAX).saturating_add(2);
    let roles_height = wanted.clamp(3, (left.height / 3).max(3));
    let [roles_area, skills] =
        Layout::vertical([Constraint::Length(roles_height), Constraint::Fill(1)]).areas(left);
    Some(Areas {
        header,
        slider,
        roles: roles_area,
        skills,
        detail,
        status,
        main,
    })
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// A centred rectangle of at most `width` × `height`, always inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x.saturating_add((area.width - width) / 2),
        y: area.y.saturating_add((area.height - height) / 2),
        width,
        height,
    }
}

/// True when the point is inside the rectangle.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x.saturating_add(r.width) && y >= r.y && y < r.y.saturating_add(r.height)
}

/// The search popup: wide, from the second line down to three quarters of
/// the screen.
pub fn search_popup(size: Rect) -> Rect {
    let width = size.width.saturating_sub(4).min(110);
    let height = (size.height.saturating_mul(3) / 4)
        .max(8)
        .min(size.height.saturating_sub(1));
    Rect {
        x: size.x + size.width.saturating_sub(width) / 2,
        y: size
            .y
            .saturating_add(1)
            .min(size.y + size.height.saturating_sub(height)),
        width,
        height,
    }
}

/// Where the search results are listed: inside the popup, below the input
/// line and a hint.
pub fn search_list(size: Rect) -> Rect {
    let inner = inner(search_popup(size));
    Rect {
        y: inner.y.saturating_add(2),
        height: inner.height.saturating_sub(2),
        ..inner
    }
}

/// How many search results fit on screen at once.
pub fn visible_results(size: Rect) -> usize {
    usize::from(search_list(size).height / RESULT_LINES)
}

/// Where the profile's table rows are drawn inside the main area.
pub fn profile_table(main: Rect) -> Rect {
    let inner = inner(main);
    Rect {
        y: inner.y.saturating_add(PROFILE_HEADER_LINES),
        height: inner.height.saturating_sub(PROFILE_HEADER_LINES),
        ..inner
    }
}

/// The gap view's item list and the selected item's detail, inside the
/// main area.
pub fn gap_split(main: Rect) -> (Rect, Rect) {
    let inner = inner(main);
    let body = Rect {
        y: inner.y.saturating_add(GAP_HEADER_LINES),
        height: inner.height.saturating_sub(GAP_HEADER_LINES),
        ..inner
    };
    let list_width = (body.width.saturating_mul(2) / 5).clamp(20, 48);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(body);
    (list, detail)
}

/// Where the gap's item rows are drawn, for a terminal size.
pub fn gap_list(size: Rect) -> Rect {
    areas(size, 0).map_or(Rect::default(), |a| gap_split(a.main).0)
}

/// A clickable piece of the level slider, in columns from the slider's
/// inner left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub x: u16,
    pub width: u16,
    pub label: String,
    /// The level this piece selects; `None` for separators and arrows.
    pub level: Option<usize>,
    /// For arrows: -1 previous, +1 next; 0 otherwise.
    pub step: i8,
    pub current: bool,
}

/// Lays the level slider out in `width` columns: all levels by name when
/// they fit, otherwise `‹ [3/5 Senior] ›` (in `symbols`: `< ... >` in
/// ASCII).
pub fn slider_segments(
    levels: &[Named],
    current: usize,
    width: u16,
    symbols: &Symbols,
) -> Vec<Segment> {
    let separator = format!(" {0}{0} ", symbols.rule);
    let labels: Vec<String> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == current {
                format!("[{}]", l.name)
            } else {
                l.name.clone()
            }
        })
        .collect();
    let full: usize = labels.iter().map(|l| text::width(l)).sum::<usize>()
        + text::width(&separator) * levels.len().saturating_sub(1);
    let mut out = Vec::new();
    let mut x: u16 = 0;
    let mut push = |label: String, level: Option<usize>, step: i8, is_current: bool| {
        let w = u16::try_from(text::width(&label)).unwrap_or(u16::MAX);
        out.push(Segment {
            x,
            width: w,
            label,
            level,
            step,
            current: is_current,
        });
        x = x.saturating_add(w);
    };
    if full <= usize::from(width) {
        for (i, label) in labels.into_iter().enumerate() {
            if i > 0 {
                push(separator.clone(), None, 0, false);
            }
            push(label, Some(i), 0, i == current);
        }
    } else {
        let name = levels.get(current).map_or("", |l| l.name.as_str());
        let middle = format!("[{}/{} {}]", current + 1, levels.len(), name);
        let room = usize::from(width).saturating_sub(4);
        push(format!("{} ", symbols.prev), None, -1, false);
        push(symbols.truncate(&middle, room), Some(current), 0, true);
        push(format!(" {}", symbols.next), None, 1, false);
    }
    out
}

/// What a point on the screen is over, for the screen on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The level slider, at this column from its inner left.
    Slider {
        column: u16,
    },
    /// The roles pane; `row` is the visible row when inside its border.
    Roles {
        row: Option<usize>,
    },
    /// The skills pane; `row` is the visible row when inside its border.
    Skills {
        row: Option<usize>,
    },
    Detail,
    /// A visible row of the profile table.
    ProfileRow(usize),
    /// A visible line of the search results.
    SearchLine(usize),
    /// Inside the search popup, not on a result.
    SearchBox,
    /// A visible row of the gap's item list.
    GapRow(usize),
    /// The gap item's pane.
    GapDetail,
    /// Anywhere else.
    Elsewhere,
}

/// What is at column `x`, row `y` of a terminal of `size` showing `screen`;
/// `None` when the terminal is too small for the layout.
pub fn hit_test(size: Rect, roles: usize, screen: Screen, x: u16, y: u16) -> Option<Target> {
    let a = areas(size, roles)?;
    let row = |r: Rect| usize::from(y.saturating_sub(r.y));
    let target = match screen {
        Screen::Help | Screen::Compare => Target::Elsewhere,
        Screen::Gap => {
            let list = gap_list(size);
            if contains(list, x, y) {
                Target::GapRow(row(list))
            } else if contains(gap_split(a.main).1, x, y) {
                Target::GapDetail
            } else {
                Target::Elsewhere
            }
        }
        Screen::Search => {
            let list = search_list(size);
            if contains(list, x, y) {
                Target::SearchLine(row(list))
            } else if contains(search_popup(size), x, y) {
                Target::SearchBox
            } else {
                Target::Elsewhere
            }
        }
        Screen::Profile => {
            let table = profile_table(a.main);
            if contains(table, x, y) {
                Target::ProfileRow(row(table))
            } else {
                Target::Elsewhere
            }
        }
        Screen::Browse => {
            let inside = |r: Rect| {
                let i = inner(r);
                contains(i, x, y).then(|| row(i))
            };
            if contains(a.slider, x, y) {
                Target::Slider {
                    column: x.saturating_sub(inner(a.slider).x),
                }
            } else if contains(a.roles, x, y) {
                Target::Roles {
                    row: inside(a.roles),
                }
            } else if contains(a.skills, x, y) {
                Target::Skills {
                    row: inside(a.skills),
                }
            } else if contains(a.detail, x, y) {
                Target::Detail
            } else {
                Target::Elsewhere
            }
        }
    };
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_is_none() {
        assert!(areas(Rect::new(0, 0, 39, 40), 2).is_none());
        assert!(areas(Rect::new(0, 0, 120, 11), 2).is_none());
        assert!(areas(Rect::new(0, 0, 0, 0), 2).is_none());
        assert!(hit_test(Rect::new(0, 0, 10, 10), 2, Screen::Browse, 1, 1).is_none());
    }

    #[test]
    fn panes_tile_the_screen() {
        let a = areas(Rect::new(0, 0, 120, 40), 2).unwrap();
        assert_eq!(a.roles.height, 4, "two roles and a border");
        assert_eq!(a.roles.width + a.detail.width, 120);
        assert_eq!(a.skills.y, a.roles.y + a.roles.height);
        assert_eq!(a.status.y, 39);
        let many = areas(Rect::new(0, 0, 120, 40), 500).unwrap();
        assert!(many.skills.height >= many.roles.height);
    }

    #[test]
    fn centered_is_clamped() {
        let area = Rect::new(5, 5, 10, 4);
        let c = centered(area, 50, 50);
        assert_eq!(c, area);
        assert!(contains(c, 5, 5) && !contains(c, 15, 5));
    }

    #[test]
    fn hits_land_on_what_is_drawn_there() {
        let size = Rect::new(0, 0, 120, 40);
        let a = areas(size, 2).unwrap();
        let roles = inner(a.roles);
        assert_eq!(
            hit_test(size, 2, Screen::Browse, roles.x, roles.y + 1),
            Some(Target::Roles { row: Some(1) })
        );
        assert_eq!(
            hit_test(size, 2, Screen::Browse, a.skills.x, a.skills.y),
            Some(Target::Skills { row: None }),
            "the border is the pane but no row"
        );
        let list = search_list(size);
        assert_eq!(
            hit_test(size, 2, Screen::Search, list.x, list.y + 3),
            Some(Target::SearchLine(3))
        );
        assert_eq!(
            hit_test(size, 2, Screen::Search, 0, 39),
            Some(Target::Elsewhere)
        );
        let table = profile_table(a.main);
        assert_eq!(
            hit_test(size, 2, Screen::Profile, table.x, table.y),
            Some(Target::ProfileRow(0))
        );
    }

    #[test]
    fn popups_stay_inside_tiny_screens() {
        for (w, h) in [(0, 0), (1, 1), (5, 3), (40, 12), (300, 100)] {
            let size = Rect::new(0, 0, w, h);
            let p = search_popup(size);
            assert!(p.right() <= size.right() && p.bottom() <= size.bottom());
        }
    }
}
