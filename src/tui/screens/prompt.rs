//! Questions that hold the keys until they are answered: one mechanism for
//! every "are you sure?". Today it asks when quitting while the review is
//! not saved; other questions (the meeting's quit question) are more
//! [`Question`]s with their own choices.
//!
//! A question is a mode of its own ([`Mode::Prompt`](crate::tui::keys::Mode)):
//! its answers are commands with keys from the bindings, so the status
//! line shows them like any other hint. `quit` (and `Ctrl-C`) always
//! answers "quit anyway"; `back` (`Esc`) always answers "stay".

use crate::i18n::Strings;
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::keys::Command;

/// What is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Quit was asked while the last save of the review failed: the marks
    /// since then are only in memory.
    UnsavedQuit {
        /// Why the last save failed.
        error: String,
    },
}

impl Question {
    /// The question as the status line starts it.
    pub fn title(&self, t: &Strings) -> String {
        match self {
            Question::UnsavedQuit { .. } => t.prompt_unsaved.to_string(),
        }
    }

    /// The commands that answer it, in the order shown, and what each does.
    pub fn choices(&self, t: &Strings) -> Vec<(&'static [Command], &'static str)> {
        match self {
            Question::UnsavedQuit { .. } => vec![
                (&[Command::Retry], t.hint_retry),
                (&[Command::SaveElsewhere], t.hint_save_elsewhere),
                (&[Command::Quit], t.hint_quit_anyway),
                (&[Command::Back], t.hint_stay),
            ],
        }
    }
}

impl App {
    /// Quit, or ask first when quitting would lose something.
    pub(crate) fn quit_or_ask(&mut self, effects: &mut Vec<Effect>) {
        match &self.unsaved {
            Some(error) => {
                self.prompt = Some(Question::UnsavedQuit {
                    error: error.clone(),
                });
            }
            None => effects.push(Effect::Quit),
        }
    }

    /// The keys while a question is open: its answers, nothing else.
    pub(crate) fn update_prompt(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let Some(question) = &self.prompt else {
            return;
        };
        match (question, action) {
            (_, Action::Run(Command::Quit)) => effects.push(Effect::Quit),
            (_, Action::Run(Command::Back)) => self.prompt = None,
            (Question::UnsavedQuit { .. }, Action::Run(Command::Retry)) => {
                self.prompt = None;
                self.quit_after_save = true;
                effects.push(Effect::SaveReview);
            }
            (Question::UnsavedQuit { .. }, Action::Run(Command::SaveElsewhere)) => {
                self.prompt = None;
                self.quit_after_save = true;
                effects.push(Effect::SaveReviewElsewhere);
            }
            _ => {}
        }
    }

    /// The event loop saved the review (`failed`: why it could not). A quit
    /// that waited for the save goes ahead, or asks again.
    pub(crate) fn save_finished(&mut self, failed: Option<String>, effects: &mut Vec<Effect>) {
        self.unsaved = failed;
        if std::mem::take(&mut self.quit_after_save) {
            self.quit_or_ask(effects);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    fn app() -> App {
        let mut a = App::new(load_embedded().unwrap().catalog);
        a.update(Action::Resize(120, 40));
        a
    }

    fn failed(a: &mut App) {
        a.update(Action::SaveFinished(Some("read-only file system".into())));
    }

    #[test]
    fn quitting_after_a_failed_save_asks_first() {
        let mut a = app();
        assert_eq!(a.update(Action::Run(Command::Quit)), [Effect::Quit]);

        let mut a = app();
        failed(&mut a);
        assert_eq!(a.update(Action::Run(Command::Quit)), []);
        assert!(matches!(a.prompt, Some(Question::UnsavedQuit { .. })));
        assert_eq!(a.mode(), crate::tui::keys::Mode::Prompt);
        // Other keys do nothing while it asks.
        assert_eq!(a.update(Action::Run(Command::Search)), []);
        assert!(a.prompt.is_some());
        // Esc stays.
        assert_eq!(a.update(Action::Run(Command::Back)), []);
        assert!(a.prompt.is_none());
        // Quit again: asked again; quit anyway quits.
        a.update(Action::Run(Command::Quit));
        assert_eq!(a.update(Action::Run(Command::Quit)), [Effect::Quit]);
    }

    #[test]
    fn retry_and_save_elsewhere_quit_once_saved_or_ask_again() {
        let mut a = app();
        failed(&mut a);
        a.update(Action::Run(Command::Quit));
        assert_eq!(a.update(Action::Run(Command::Retry)), [Effect::SaveReview]);
        assert!(a.prompt.is_none());
        // Still failing: asked again, with the new reason.
        assert_eq!(a.update(Action::SaveFinished(Some("disk full".into()))), []);
        assert_eq!(
            a.prompt,
            Some(Question::UnsavedQuit {
                error: "disk full".into()
            })
        );
        assert_eq!(
            a.update(Action::Run(Command::SaveElsewhere)),
            [Effect::SaveReviewElsewhere]
        );
        assert_eq!(a.update(Action::SaveFinished(None)), [Effect::Quit]);

        // A save that succeeds later clears the question entirely.
        let mut a = app();
        failed(&mut a);
        a.update(Action::SaveFinished(None));
        assert_eq!(a.update(Action::Run(Command::Quit)), [Effect::Quit]);
    }
}
