//! The explorer's screens: each file holds one screen's state and how it
//! changes (`impl App` blocks called from [`App::update`]); drawing lives
//! in `tui/ui/`, one file per pane.
//!
//! [`App::update`]: super::app::App::update

pub mod behaviours;
pub mod browse;
pub mod compare;
pub mod export;
pub mod gap;
pub mod help;
pub mod meta;
pub mod profile;
pub mod prompt;
pub mod search;
pub mod summary;

/// A popup over the gap view that holds the keys while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The review details form (`i`).
    Meta(Box<meta::MetaForm>),
    /// The summary picture (`s`).
    Summary(summary::SummaryView),
    /// Which format to export in (`x`).
    Export(export::FormatPicker),
}

/// The screen that has the keys. Help is drawn over the screen it was
/// opened from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The main screen: roles, skills and the detail pane.
    Browse,
    /// The full skill profile: all levels × all roles.
    Profile,
    /// The search box and its results.
    Search,
    /// The promotion gap and its assessment.
    Gap,
    /// The selected role beside another one.
    Compare,
    Help,
}

impl crate::tui::app::App {
    /// What keys mean while an overlay is open.
    pub(crate) fn overlay_mode(&self) -> crate::tui::keys::Mode {
        use crate::tui::keys::Mode;
        match &self.overlay {
            Some(Overlay::Meta(_)) => Mode::MetaForm,
            Some(Overlay::Summary(_)) => Mode::Summary,
            Some(Overlay::Export(_)) => Mode::Picker,
            None => Mode::Gap,
        }
    }

    /// Routes an action to the open overlay.
    pub(crate) fn update_overlay(
        &mut self,
        action: crate::tui::action::Action,
        effects: &mut Vec<crate::tui::action::Effect>,
    ) {
        match &self.overlay {
            Some(Overlay::Meta(_)) => self.update_meta(action, effects),
            Some(Overlay::Summary(_)) => self.update_summary(action),
            Some(Overlay::Export(_)) => self.update_export(action, effects),
            None => {}
        }
    }
}

/// `pos + delta`, clamped to `0..=max`.
pub(crate) fn offset(pos: usize, delta: isize, max: usize) -> usize {
    pos.saturating_add_signed(delta).min(max)
}

/// The first visible row so that `cursor` is on screen in a pane of
/// `height` rows over `len` rows, moving the view as little as possible.
pub(crate) fn visible_offset(offset: usize, cursor: usize, height: usize, len: usize) -> usize {
    let mut off = offset;
    if cursor < off {
        off = cursor;
    } else if cursor >= off + height {
        off = cursor + 1 - height;
    }
    // Do not leave empty rows at the bottom when the list could fill them.
    off.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_clamps() {
        assert_eq!(offset(0, -1, 5), 0);
        assert_eq!(offset(4, 3, 5), 5);
        assert_eq!(offset(2, isize::MIN / 2, 5), 0);
        assert_eq!(visible_offset(0, 10, 5, 20), 6);
        assert_eq!(visible_offset(6, 2, 5, 20), 2);
        assert_eq!(visible_offset(15, 19, 5, 20), 15);
    }
}
