//! The full skill profile screen: all levels × all roles of the selected
//! skill as one table; rows are selectable, and `Enter` shows a row's
//! whole text.

use super::{Screen, offset, visible_offset};
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::keys::Command;
use crate::tui::layout::{self, Target};

/// State of the full skill profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProfileState {
    /// Selected row: `level * roles + role`.
    pub row: usize,
    /// First visible row.
    pub offset: usize,
    /// The selected row's whole text is shown in a popup.
    pub expanded: bool,
}

impl App {
    pub fn profile_rows(&self) -> usize {
        self.catalog.levels.len() * self.catalog.roles.len()
    }

    pub(crate) fn open_profile(&mut self) {
        if self.selected_skill().is_none() {
            return;
        }
        self.screen = Screen::Profile;
        self.profile = ProfileState {
            row: self.level * self.catalog.roles.len() + self.role,
            offset: 0,
            expanded: false,
        };
        self.keep_profile_visible();
    }

    pub(crate) fn update_profile(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::Run(Command::Back) if self.profile.expanded => self.profile.expanded = false,
            Action::Run(Command::Back) => self.screen = Screen::Browse,
            Action::Run(Command::Open) => self.profile.expanded = !self.profile.expanded,
            Action::Run(Command::Gap) => self.open_gap(),
            Action::Run(Command::Search) => self.open_search(effects),
            Action::Run(Command::LevelPrev) => self.change_level(self.level.checked_sub(1)),
            Action::Run(Command::LevelNext) => {
                self.change_level(Some(self.level.saturating_add(1)))
            }
            Action::LevelJump(l) => self.change_level(Some(l)),
            Action::Run(Command::Up) | Action::ScrollUp(..) => self.profile_step(-1),
            Action::Run(Command::Down) | Action::ScrollDown(..) => self.profile_step(1),
            Action::Run(Command::PageUp) => self.profile_step(-self.profile_page()),
            Action::Run(Command::PageDown) => self.profile_step(self.profile_page()),
            Action::Run(Command::Home) => self.profile_step(isize::MIN / 2),
            Action::Run(Command::End) => self.profile_step(isize::MAX / 2),
            Action::Click(x, y) => self.profile_click(x, y),
            _ => {}
        }
    }

    /// The row moves to `level`, in the same role; a shown text closes.
    pub(crate) fn profile_follow_level(&mut self, level: usize) {
        let roles = self.catalog.roles.len().max(1);
        self.profile.row = level * roles + self.profile.row % roles;
        self.profile.expanded = false;
        self.keep_profile_visible();
    }

    fn profile_page(&self) -> isize {
        let height = self
            .areas()
            .map_or(1, |a| layout::profile_table(a.main).height);
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn profile_step(&mut self, delta: isize) {
        if self.profile.expanded {
            return;
        }
        let rows = self.profile_rows();
        self.profile.row = offset(self.profile.row, delta, rows.saturating_sub(1));
        let roles = self.catalog.roles.len().max(1);
        self.set_level(self.profile.row / roles);
        self.keep_profile_visible();
    }

    fn profile_click(&mut self, x: u16, y: u16) {
        if self.profile.expanded {
            self.profile.expanded = false;
            return;
        }
        let roles = self.catalog.roles.len();
        if let Some(Target::ProfileRow(r)) =
            layout::hit_test(self.size, roles, Screen::Profile, x, y)
        {
            let row = self.profile.offset + r;
            if row < self.profile_rows() {
                if row == self.profile.row {
                    self.profile.expanded = true;
                } else {
                    self.profile.row = row;
                    self.set_level(row / roles.max(1));
                }
            }
        }
    }

    pub(crate) fn keep_profile_visible(&mut self) {
        let Some(a) = self.areas() else { return };
        let height = usize::from(layout::profile_table(a.main).height).max(1);
        self.profile.offset = visible_offset(
            self.profile.offset,
            self.profile.row,
            height,
            self.profile_rows(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::Action;
    use crate::tui::app::test_app;
    use crate::tui::keys::Command;
    use crate::tui::screens::Screen;

    #[test]
    fn profile_opens_and_rows_follow_levels() {
        let mut a = test_app();
        a.update(Action::LevelJump(2));
        a.update(Action::Run(Command::Open));
        assert_eq!(a.screen, Screen::Profile);
        assert_eq!(a.profile.row, 2 * 2);
        a.update(Action::Run(Command::Down));
        assert_eq!((a.profile.row, a.level), (5, 2));
        a.update(Action::Run(Command::Down));
        assert_eq!(a.level, 3, "moving rows moves the level");
        a.update(Action::Run(Command::Open));
        assert!(a.profile.expanded);
        a.update(Action::Run(Command::Back));
        assert!(!a.profile.expanded);
        a.update(Action::Run(Command::Back));
        assert_eq!(a.screen, Screen::Browse);
    }
}
