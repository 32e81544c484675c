//! The export format picker (`x` in the gap view): Markdown first, then
//! text, HTML, CSV and JSON. `↑`/`↓` or a format's first letter choose,
//! `Enter` exports ([`Effect::Export`], written by the same writer as
//! `rungs gap --format`), `Esc` cancels.

use super::Overlay;
use crate::report::Format;
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::keys::Command;

/// The picker's state: which format is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FormatPicker {
    /// A position in [`Format::ALL`].
    pub selected: usize,
}

impl FormatPicker {
    pub fn format(self) -> Format {
        Format::ALL.get(self.selected).copied().unwrap_or_default()
    }
}

/// The key that chooses a format: the first letter of its name
/// (`m`, `t`, `h`, `c`, `j`).
pub fn letter(format: Format) -> char {
    format.name().chars().next().unwrap_or(' ')
}

impl App {
    /// `x`: asks which format, when there is a gap to export.
    pub(crate) fn open_export(&mut self) {
        match &self.gap {
            Some(g) if g.gap.to > g.gap.from => {
                self.overlay = Some(Overlay::Export(FormatPicker::default()));
            }
            // The from level moved up to the highest: no gap to export.
            Some(_) => {
                if let Err(top) = crate::gap::level_above(&self.catalog, self.level) {
                    self.status = Some(crate::i18n::fill(
                        self.t().status_top_level,
                        &[("level", &top.level)],
                    ));
                }
            }
            None => {}
        }
    }

    pub(crate) fn update_export(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let Some(Overlay::Export(picker)) = self.overlay.as_mut() else {
            return;
        };
        let last = Format::ALL.len() - 1;
        match action {
            Action::Run(Command::ResultPrev) => picker.selected = picker.selected.saturating_sub(1),
            Action::Run(Command::ResultNext) => picker.selected = (picker.selected + 1).min(last),
            Action::Type(c) => {
                let c = c.to_ascii_lowercase();
                if let Some(i) = Format::ALL.iter().position(|f| letter(*f) == c) {
                    picker.selected = i;
                }
            }
            Action::Run(Command::Accept) => {
                let format = picker.format();
                self.overlay = None;
                effects.push(Effect::Export(format));
            }
            Action::Run(Command::Cancel | Command::Back) => self.overlay = None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_distinct() {
        let letters: std::collections::HashSet<char> =
            Format::ALL.iter().map(|f| letter(*f)).collect();
        assert_eq!(letters.len(), Format::ALL.len());
        assert_eq!(FormatPicker::default().format(), Format::Markdown);
    }
}
