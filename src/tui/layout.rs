//! Where each pane goes for a given terminal size.
//!
//! A pure function of the size, shared by rendering and by mouse handling,
//! so a click always lands on what was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

/// Smallest terminal the full layout fits in; below it a one-line message
/// says so.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_is_none() {
        assert!(areas(Rect::new(0, 0, 39, 40), 2).is_none());
        assert!(areas(Rect::new(0, 0, 120, 11), 2).is_none());
        assert!(areas(Rect::new(0, 0, 0, 0), 2).is_none());
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
}
