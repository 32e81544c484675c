//! The comparison screen (`c`): the selected role beside a second one,
//! chosen from a list, at the current level, as `rungs compare` prints it:
//! skills only one role has first. The table scrolls; `←`/`→` change the
//! level.

use super::{Screen, offset};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keys::Command;
use crate::tui::layout;

/// State of the comparison screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompareState {
    /// The role compared with the selected one; `None` while choosing it.
    pub other: Option<usize>,
    /// The highlighted entry of the list of other roles.
    pub cursor: usize,
    /// First line of the comparison shown.
    pub scroll: usize,
}

impl App {
    /// The roles the selected one can be compared with, in catalog order.
    pub fn compare_candidates(&self) -> Vec<usize> {
        (0..self.catalog.roles.len())
            .filter(|&r| r != self.role)
            .collect()
    }

    pub(crate) fn open_compare(&mut self) {
        self.screen = Screen::Compare;
        self.compare = CompareState::default();
    }

    pub(crate) fn update_compare(&mut self, action: Action) {
        let candidates = self.compare_candidates();
        if self.compare.other.is_none() {
            let last = candidates.len().saturating_sub(1);
            match action {
                Action::Run(Command::Back) => self.screen = Screen::Browse,
                Action::Run(Command::Up) | Action::ScrollUp(..) => {
                    self.compare.cursor = offset(self.compare.cursor, -1, last)
                }
                Action::Run(Command::Down) | Action::ScrollDown(..) => {
                    self.compare.cursor = offset(self.compare.cursor, 1, last)
                }
                Action::Run(Command::Home) => self.compare.cursor = 0,
                Action::Run(Command::End) => self.compare.cursor = last,
                Action::Run(Command::Open) => {
                    if let Some(&r) = candidates.get(self.compare.cursor) {
                        self.compare.other = Some(r);
                        self.compare.scroll = 0;
                    }
                }
                _ => {}
            }
            return;
        }
        let page = self.areas().map_or(1, |a| {
            isize::try_from(layout::inner(a.main).height.saturating_sub(2).max(1)).unwrap_or(1)
        });
        let max = self
            .frame
            .compare_lines
            .saturating_sub(self.frame.compare_height);
        let scroll = |s: usize, d: isize| offset(s, d, max);
        match action {
            // Back to the list, to choose another role.
            Action::Run(Command::Back) => self.compare.other = None,
            Action::Run(Command::Up) | Action::ScrollUp(..) => {
                self.compare.scroll = scroll(self.compare.scroll, -1)
            }
            Action::Run(Command::Down) | Action::ScrollDown(..) => {
                self.compare.scroll = scroll(self.compare.scroll, 1)
            }
            Action::Run(Command::PageUp) => {
                self.compare.scroll = scroll(self.compare.scroll, -page)
            }
            Action::Run(Command::PageDown) => {
                self.compare.scroll = scroll(self.compare.scroll, page)
            }
            Action::Run(Command::Home) => self.compare.scroll = 0,
            Action::Run(Command::End) => self.compare.scroll = max,
            Action::Run(Command::LevelPrev) => {
                self.change_level(self.level.checked_sub(1));
                self.compare.scroll = 0;
            }
            Action::Run(Command::LevelNext) => {
                self.change_level(Some(self.level.saturating_add(1)));
                self.compare.scroll = 0;
            }
            Action::LevelJump(l) => {
                self.change_level(Some(l));
                self.compare.scroll = 0;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::Action;
    use crate::tui::app::test_app;
    use crate::tui::keys::Command;
    use crate::tui::screens::Screen;

    #[test]
    fn choose_a_role_then_compare_then_back() {
        let mut a = test_app();
        a.update(Action::Run(Command::Compare));
        assert_eq!(a.screen, Screen::Compare);
        assert_eq!(a.compare.other, None);
        assert_eq!(a.compare_candidates().len(), a.catalog.roles.len() - 1);
        a.update(Action::Run(Command::Open));
        let other = a.compare.other.unwrap();
        assert_ne!(other, a.role);
        a.update(Action::Run(Command::LevelNext));
        assert_eq!(a.level, 1);
        a.update(Action::Run(Command::Back));
        assert_eq!((a.screen, a.compare.other), (Screen::Compare, None));
        a.update(Action::Run(Command::Back));
        assert_eq!(a.screen, Screen::Browse);
    }
}
