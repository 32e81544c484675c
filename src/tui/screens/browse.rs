//! The main screen: roles, skills and the detail pane, the level slider,
//! focus, scrolling, and what clicks and the wheel do there.

use super::{Screen, offset, visible_offset};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Focus, SkillRow};
use crate::tui::keys::Command;
use crate::tui::layout::{self, Target};

impl App {
    pub(crate) fn update_browse(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::Run(Command::Gap) => self.open_gap(),
            Action::Run(Command::Compare) => self.open_compare(),
            Action::Run(Command::Search) => self.open_search(effects),
            Action::Run(Command::FocusNext) => {
                self.focus = match self.focus {
                    Focus::Roles => Focus::Skills,
                    Focus::Skills => Focus::Detail,
                    Focus::Detail => Focus::Roles,
                }
            }
            Action::Run(Command::FocusPrev) => {
                self.focus = match self.focus {
                    Focus::Roles => Focus::Detail,
                    Focus::Skills => Focus::Roles,
                    Focus::Detail => Focus::Skills,
                }
            }
            Action::Run(Command::LevelPrev) => self.change_level(self.level.checked_sub(1)),
            Action::Run(Command::LevelNext) => {
                self.change_level(Some(self.level.saturating_add(1)))
            }
            Action::LevelJump(l) => self.change_level(Some(l)),
            Action::Run(Command::Up) => self.browse_step(-1),
            Action::Run(Command::Down) => self.browse_step(1),
            Action::Run(Command::PageUp) => self.browse_step(-self.pane_page()),
            Action::Run(Command::PageDown) => self.browse_step(self.pane_page()),
            Action::Run(Command::Home) => self.browse_step(isize::MIN / 2),
            Action::Run(Command::End) => self.browse_step(isize::MAX / 2),
            Action::Run(Command::Open) => match self.focus {
                Focus::Roles => self.focus = Focus::Skills,
                Focus::Skills | Focus::Detail => self.open_profile(),
            },
            Action::Click(x, y) => self.browse_click(x, y),
            Action::ScrollUp(x, y) => self.browse_wheel(x, y, -1),
            Action::ScrollDown(x, y) => self.browse_wheel(x, y, 1),
            _ => {}
        }
    }

    /// Rows a page moves in the focused pane.
    pub(crate) fn pane_page(&self) -> isize {
        let height = self.areas().map_or(1, |a| match self.focus {
            Focus::Roles => layout::inner(a.roles).height,
            Focus::Skills => layout::inner(a.skills).height,
            Focus::Detail => layout::inner(a.detail).height,
        });
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the cursor (or scroll) of the focused pane by `delta`.
    fn browse_step(&mut self, delta: isize) {
        match self.focus {
            Focus::Roles => self.step_role(delta),
            Focus::Skills => self.step_skill(delta),
            Focus::Detail => self.scroll_detail(delta),
        }
    }

    fn step_role(&mut self, delta: isize) {
        let last = self.catalog.roles.len().saturating_sub(1);
        self.set_role(offset(self.role, delta, last));
    }

    fn step_skill(&mut self, delta: isize) {
        let last = self.catalog.profile(self.role).len().saturating_sub(1);
        self.set_skill(offset(self.skill, delta, last));
    }

    /// Scrolls the detail pane within the length the last draw reported.
    fn scroll_detail(&mut self, delta: isize) {
        self.detail_scroll = offset(self.detail_scroll, delta, self.frame.max_detail_scroll());
    }

    fn browse_click(&mut self, x: u16, y: u16) {
        let roles = self.catalog.roles.len();
        match layout::hit_test(self.size, roles, Screen::Browse, x, y) {
            Some(Target::Slider { column }) => self.click_slider(column),
            Some(Target::Roles { row }) => {
                self.focus = Focus::Roles;
                if let Some(role) = row.map(|r| self.roles_offset + r)
                    && role < roles
                {
                    self.set_role(role);
                }
            }
            Some(Target::Skills { row }) => {
                self.focus = Focus::Skills;
                if let Some(SkillRow::Skill(pos)) =
                    row.and_then(|r| self.rows.get(self.skills_offset + r))
                {
                    self.set_skill(*pos);
                }
            }
            Some(Target::Detail) => self.focus = Focus::Detail,
            _ => {}
        }
    }

    fn click_slider(&mut self, column: u16) {
        let Some(a) = self.areas() else { return };
        let segments = layout::slider_segments(
            &self.catalog.levels,
            self.level,
            layout::inner(a.slider).width,
            &self.symbols,
        );
        let Some(s) = segments
            .iter()
            .find(|s| column >= s.x && column < s.x + s.width)
        else {
            return;
        };
        match (s.level, s.step) {
            (Some(level), _) => self.set_level(level),
            (None, step) if step < 0 => self.change_level(self.level.checked_sub(1)),
            (None, step) if step > 0 => self.change_level(Some(self.level + 1)),
            _ => {} // a separator
        }
    }

    fn browse_wheel(&mut self, x: u16, y: u16, delta: isize) {
        let roles = self.catalog.roles.len();
        match layout::hit_test(self.size, roles, Screen::Browse, x, y) {
            Some(Target::Roles { .. }) => self.step_role(delta),
            Some(Target::Skills { .. }) => self.step_skill(delta),
            Some(Target::Detail) => self.scroll_detail(delta * 3),
            Some(Target::Slider { .. }) => self.change_level(if delta < 0 {
                self.level.checked_sub(1)
            } else {
                Some(self.level + 1)
            }),
            _ => {}
        }
    }

    /// Keeps the selected role and skill inside their panes' visible rows.
    pub(crate) fn keep_panes_visible(&mut self) {
        let Some(a) = self.areas() else { return };
        let height = usize::from(layout::inner(a.roles).height).max(1);
        self.roles_offset = visible_offset(
            self.roles_offset,
            self.role,
            height,
            self.catalog.roles.len(),
        );
        let height = usize::from(layout::inner(a.skills).height).max(1);
        let row = self.cursor_row();
        // Show the domain heading above the first skill of a group.
        let want = if row > 0 && matches!(self.rows.get(row - 1), Some(SkillRow::Heading(_))) {
            row - 1
        } else {
            row
        };
        let mut off = visible_offset(self.skills_offset, row, height, self.rows.len());
        if want < off {
            off = want;
        }
        self.skills_offset = off;
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::Action;
    use crate::tui::app::{Focus, SkillRow, test_app as app};
    use crate::tui::keys::Command;
    use crate::tui::layout;

    #[test]
    fn focus_cycles_both_ways() {
        let mut a = app();
        assert_eq!(a.focus, Focus::Skills);
        a.update(Action::Run(Command::FocusNext));
        assert_eq!(a.focus, Focus::Detail);
        a.update(Action::Run(Command::FocusNext));
        assert_eq!(a.focus, Focus::Roles);
        a.update(Action::Run(Command::FocusPrev));
        assert_eq!(a.focus, Focus::Detail);
    }

    #[test]
    fn role_change_keeps_the_skill_when_it_can() {
        let mut a = app();
        let dl = a.catalog.skill_index("deep-learning").unwrap();
        assert!(a.select_skill_index(dl));
        a.update(Action::Run(Command::FocusPrev)); // roles
        a.update(Action::Run(Command::Down));
        assert_eq!(a.role, 1);
        assert_eq!(a.selected_skill().map(|(i, _)| i), Some(dl));
    }

    #[test]
    fn skills_cursor_moves_and_scrolls() {
        let mut a = app();
        a.update(Action::Resize(60, 14));
        let n = a.catalog.profile(0).len();
        a.update(Action::Run(Command::End));
        assert_eq!(a.skill, n - 1);
        let height = usize::from(layout::inner(a.areas().unwrap().skills).height);
        let row = a.cursor_row();
        assert!(row >= a.skills_offset && row < a.skills_offset + height);
        a.update(Action::Run(Command::Home));
        assert_eq!(
            (a.skill, a.skills_offset),
            (0, 0),
            "heading above the first skill shows"
        );
    }

    #[test]
    fn clicks_select_roles_skills_and_levels() {
        let mut a = app();
        let areas = a.areas().unwrap();
        let inner = layout::inner(areas.roles);
        a.update(Action::Click(inner.x + 1, inner.y + 1));
        assert_eq!((a.role, a.focus), (1, Focus::Roles));
        let inner = layout::inner(areas.skills);
        a.update(Action::Click(inner.x + 2, inner.y + 2));
        assert_eq!(a.focus, Focus::Skills);
        assert_eq!(a.rows.get(2), Some(&SkillRow::Skill(a.skill)));
        let segs = layout::slider_segments(
            &a.catalog.levels,
            a.level,
            layout::inner(areas.slider).width,
            &a.symbols,
        );
        let last = segs.iter().rev().find(|s| s.level.is_some()).unwrap();
        a.update(Action::Click(
            layout::inner(areas.slider).x + last.x,
            areas.slider.y + 1,
        ));
        assert_eq!(a.level, a.catalog.levels.len() - 1);
    }
}
