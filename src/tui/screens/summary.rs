//! The summary picture (`s` in the gap view): one stacked bar per domain,
//! required items apart from optional ones, of the marks the gap view's
//! header counts. Drawn by `ui/summary.rs`; this file only scrolls and
//! closes it (`Esc` or `s`).

use super::{Overlay, offset};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keys::Command;

/// The summary's state: how far its domain rows are scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SummaryView {
    pub scroll: usize,
}

impl App {
    /// `s`: opens the summary of the gap's review.
    pub(crate) fn open_summary(&mut self) {
        if self.gap.is_some() {
            self.overlay = Some(Overlay::Summary(SummaryView::default()));
        }
    }

    pub(crate) fn update_summary(&mut self, action: Action) {
        let max = self
            .frame
            .summary_lines
            .saturating_sub(self.frame.summary_height);
        let page = isize::try_from(self.frame.summary_height.max(1)).unwrap_or(1);
        let Some(Overlay::Summary(view)) = self.overlay.as_mut() else {
            return;
        };
        let delta = match action {
            Action::Run(Command::Back | Command::Cancel | Command::Summary) => {
                self.overlay = None;
                return;
            }
            Action::Run(Command::Up) | Action::ScrollUp(..) => -1,
            Action::Run(Command::Down) | Action::ScrollDown(..) => 1,
            Action::Run(Command::PageUp) => -page,
            Action::Run(Command::PageDown) => page,
            Action::Run(Command::Home) => isize::MIN / 2,
            Action::Run(Command::End) => isize::MAX / 2,
            _ => return,
        };
        view.scroll = offset(view.scroll, delta, max);
    }
}
