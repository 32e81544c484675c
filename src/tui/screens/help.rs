//! The help screen: opened over any screen, scrolled within the length the
//! last draw reported, closed back to where it was opened.

use super::{Screen, offset};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keys::Command;

impl App {
    /// Opens the help over the current screen, or closes it.
    pub(crate) fn toggle_help(&mut self) {
        if self.screen == Screen::Help {
            self.screen = self.help_return;
        } else {
            self.help_return = self.screen;
            self.screen = Screen::Help;
        }
        self.help_scroll = 0;
    }

    pub(crate) fn update_help(&mut self, action: Action) {
        match action {
            Action::Run(Command::Back) => self.screen = self.help_return,
            // A click anywhere closes the help, back to the main screen.
            Action::Click(..) => self.screen = Screen::Browse,
            Action::Run(Command::Up) | Action::ScrollUp(..) => self.help_step(-1),
            Action::Run(Command::Down) | Action::ScrollDown(..) => self.help_step(1),
            Action::Run(Command::PageUp) => self.help_step(-self.help_page()),
            Action::Run(Command::PageDown) => self.help_step(self.help_page()),
            Action::Run(Command::Home) => self.help_step(isize::MIN / 2),
            Action::Run(Command::End) => self.help_step(isize::MAX / 2),
            _ => {}
        }
    }

    fn help_step(&mut self, delta: isize) {
        let max = self.frame.help_lines.saturating_sub(1);
        self.help_scroll = offset(self.help_scroll, delta, max);
    }

    /// A page of help: as the old page size, the focused pane's height.
    fn help_page(&self) -> isize {
        self.pane_page()
    }
}
