//! Questions that hold the keys until they are answered: one mechanism for
//! every "are you sure?" and the one way quitting asks first.
//!
//! `q` and `Ctrl-C` quit at once only when nothing would be lost
//! ([`App::quit_or_ask`]): marks or notes that are in no file ask "save
//! this review? y save · n quit without saving · Esc stay"
//! ([`Question::Quit`], issue 11); a failed save asks "not saved: r retry ·
//! w save elsewhere · q quit anyway · Esc stay" ([`Question::UnsavedQuit`],
//! issue 16). The same mechanism asks before a changed note is discarded,
//! offers unsaved marks of an earlier session back, and takes the path `w`
//! writes to.
//!
//! A question is a mode of its own ([`Mode::Prompt`](crate::tui::keys::Mode),
//! [`Mode::PathPrompt`](crate::tui::keys::Mode) while a path is typed): its
//! answers are commands with keys from the bindings, so the status line
//! shows them like any other hint. At a quit question `quit` (and `Ctrl-C`)
//! answers "quit anyway"; `back` (`Esc`) always answers "stay".

use crate::i18n::{Strings, fill};
use crate::review::Review;
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::editor::Editor;
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
    /// Quit was asked with marks or notes that are in no file.
    Quit,
    /// `Esc` on a changed note: discard the changes?
    DiscardNote,
    /// `Esc` on changed review details: discard the changes?
    DiscardMeta,
    /// Marks and notes of an earlier session for this gap, from the state
    /// file: restore them?
    Restore(Box<Review>),
    /// Where to write the review (`w`, or `y` at the quit question without a
    /// review file); quit after a successful write when `then_quit`.
    SavePath { input: Box<Editor>, then_quit: bool },
}

impl Question {
    /// The question as the status line starts it.
    pub fn title(&self, t: &Strings) -> String {
        match self {
            Question::UnsavedQuit { .. } => t.prompt_unsaved.to_string(),
            Question::Quit => t.prompt_quit.to_string(),
            Question::DiscardNote => t.prompt_discard.to_string(),
            Question::DiscardMeta => t.prompt_discard_meta.to_string(),
            Question::Restore(r) => fill(
                if r.items.len() == 1 {
                    t.prompt_restore_one
                } else {
                    t.prompt_restore
                },
                &[
                    ("count", &r.items.len().to_string()),
                    ("date", &r.date.to_string()),
                ],
            ),
            Question::SavePath { .. } => t.prompt_save_path.to_string(),
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
            Question::Quit => vec![
                (&[Command::AnswerYes], t.hint_save),
                (&[Command::AnswerNo], t.hint_quit_without_saving),
                (&[Command::Back], t.hint_stay),
            ],
            Question::DiscardNote | Question::DiscardMeta => vec![
                (&[Command::AnswerYes], t.hint_discard),
                (&[Command::AnswerNo], t.hint_keep_editing),
            ],
            Question::Restore(_) => vec![
                (&[Command::AnswerYes], t.hint_restore),
                (&[Command::AnswerNo], t.hint_discard),
                (&[Command::Back], t.hint_later),
            ],
            Question::SavePath { .. } => vec![
                (&[Command::Accept], t.hint_write),
                (&[Command::Cancel], t.hint_cancel),
            ],
        }
    }

    /// True for the questions quitting asks, where `quit` answers "quit
    /// anyway".
    fn is_quit(&self) -> bool {
        matches!(self, Question::Quit | Question::UnsavedQuit { .. })
    }
}

impl App {
    /// Quit, or ask first when quitting would lose something. A note being
    /// edited is kept first.
    pub(crate) fn quit_or_ask(&mut self, effects: &mut Vec<Effect>) {
        // Review details being edited are kept first, like a note.
        self.keep_meta(effects);
        self.overlay = None;
        if self
            .gap
            .as_ref()
            .and_then(|g| g.note.as_ref())
            .is_some_and(Editor::is_changed)
        {
            self.save_note(effects);
        } else if let Some(g) = self.gap.as_mut() {
            g.note = None;
        }
        match &self.unsaved {
            Some(error) => {
                self.prompt = Some(Question::UnsavedQuit {
                    error: error.clone(),
                });
            }
            None if self.needs_saving() => self.prompt = Some(Question::Quit),
            None => effects.push(Effect::Quit),
        }
    }

    /// True when marks or notes were changed since they were last written
    /// to a review file (or were never written to one).
    pub fn needs_saving(&self) -> bool {
        self.unwritten
            && self.review.as_ref().is_some_and(|r| {
                r.file.is_some() || !r.review.items.is_empty() || !r.review.meta.is_empty()
            })
    }

    /// The event loop wrote the review to `path`: it is the review's file
    /// from now on, and nothing is unwritten.
    pub fn review_written(&mut self, path: &str) {
        if let Some(r) = self.review.as_mut() {
            r.file = Some(path.to_string());
            r.locked = true;
        }
        self.unwritten = false;
    }

    /// Writing the review to a new file failed: say why; a quit that
    /// waited for it does not happen.
    pub fn write_failed(&mut self, message: String) {
        self.quit_after_save = false;
        self.status = Some(message);
    }

    /// The event loop found marks and notes of an earlier session for this
    /// gap; asks whether to restore them.
    pub fn offer_restore(&mut self, review: Review) {
        if self.prompt.is_none() {
            self.prompt = Some(Question::Restore(Box::new(review)));
        }
    }

    /// The keys while a question is open: its answers, nothing else.
    pub(crate) fn update_prompt(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let Some(question) = self.prompt.take() else {
            return;
        };
        let t = self.t();
        match (question, action) {
            (q, Action::Run(Command::Quit)) if q.is_quit() => effects.push(Effect::Quit),
            (
                Question::SavePath {
                    mut input,
                    then_quit,
                },
                action,
            ) => match action {
                Action::Run(Command::Accept) => {
                    let path = input.text().trim().to_string();
                    if path.is_empty() {
                        self.prompt = Some(Question::SavePath { input, then_quit });
                    } else {
                        self.quit_after_save = then_quit;
                        effects.push(Effect::WriteReview { path });
                    }
                }
                Action::Run(Command::Cancel | Command::Back) => {}
                Action::Type(c) => {
                    input.type_char(c);
                    self.prompt = Some(Question::SavePath { input, then_quit });
                }
                Action::Paste(text) => {
                    input.paste(&text);
                    self.prompt = Some(Question::SavePath { input, then_quit });
                }
                other => {
                    if let Some(edit) = super::gap::edit_of(&other) {
                        input.apply(edit);
                    }
                    self.prompt = Some(Question::SavePath { input, then_quit });
                }
            },
            (Question::UnsavedQuit { .. }, Action::Run(Command::Retry)) => {
                self.quit_after_save = true;
                effects.push(Effect::SaveReview);
            }
            (Question::UnsavedQuit { .. }, Action::Run(Command::SaveElsewhere)) => {
                self.quit_after_save = true;
                effects.push(Effect::SaveReviewElsewhere);
            }
            (Question::Quit, Action::Run(Command::AnswerYes)) => {
                if self.review.as_ref().is_some_and(|r| r.file.is_some()) {
                    // Quits when the save succeeds, asks again when not.
                    self.quit_after_save = true;
                    effects.push(Effect::SaveReview);
                } else {
                    self.prompt = Some(Question::SavePath {
                        input: Box::new(Editor::line(&self.default_review_path())),
                        then_quit: true,
                    });
                }
            }
            (Question::Quit, Action::Run(Command::AnswerNo)) => effects.push(Effect::Quit),
            (Question::DiscardNote, Action::Run(Command::AnswerYes)) => {
                if let Some(g) = self.gap.as_mut() {
                    g.note = None;
                }
            }
            (
                Question::DiscardNote,
                Action::Run(Command::AnswerNo | Command::Back | Command::Cancel),
            ) => {}
            (Question::DiscardMeta, Action::Run(Command::AnswerYes)) => self.overlay = None,
            (
                Question::DiscardMeta,
                Action::Run(Command::AnswerNo | Command::Back | Command::Cancel),
            ) => {}
            (Question::Restore(review), Action::Run(Command::AnswerYes)) => {
                let count = review.items.len();
                if let Some(r) = self.review.as_mut() {
                    r.review.items = review.items;
                    r.review.meta = review.meta;
                }
                self.unwritten = true;
                let template = if count == 1 {
                    t.status_restored_one
                } else {
                    t.status_restored
                };
                self.status = Some(fill(template, &[("count", &count.to_string())]));
                self.status = self.status.take().map(|s| self.bindings.fill(&s));
                effects.push(Effect::SaveReview);
            }
            (Question::Restore(_), Action::Run(Command::AnswerNo)) => {
                effects.push(Effect::DropUnsaved);
            }
            (_, Action::Run(Command::Back | Command::Cancel)) => {}
            // Anything else leaves the question open.
            (question, _) => self.prompt = Some(question),
        }
    }

    /// The event loop saved the review (`failed`: why it could not). A quit
    /// that waited for the save goes ahead, or asks again.
    pub(crate) fn save_finished(&mut self, failed: Option<String>, effects: &mut Vec<Effect>) {
        if failed.is_none() && self.review.as_ref().is_some_and(|r| r.file.is_some()) {
            self.unwritten = false;
        }
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

    /// Restoring one item says "1 unsaved item", not "1 … marks"; more
    /// than one keeps the plural (Chinese has one form for both).
    #[test]
    fn the_restore_question_and_its_status_say_one_item_in_the_singular() {
        for (n, question, status) in [
            (1, "Restore 1 unsaved item of ", "Restored 1 unsaved item "),
            (
                2,
                "Restore 2 unsaved marks and notes of ",
                "Restored 2 unsaved items ",
            ),
        ] {
            let mut a = app();
            a.update(Action::LevelJump(2));
            a.update(Action::Run(Command::Gap));
            let mut earlier = a.review.as_ref().unwrap().review.clone();
            for id in ["sql", "statistics"].into_iter().take(n) {
                let mark = crate::review::Assessment {
                    mark: Some(crate::review::Mark::Met),
                    ..Default::default()
                };
                earlier.items.insert(id.to_string(), mark);
            }
            a.offer_restore(earlier);
            let title = a.prompt.as_ref().unwrap().title(a.t());
            assert!(title.starts_with(question), "{title}");
            a.update(Action::Run(Command::AnswerYes));
            let said = a.status.clone().unwrap_or_default();
            assert!(said.starts_with(status), "{said}");
        }
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

    #[test]
    fn the_meeting_quit_question_saves_into_the_file_then_quits() {
        let mut a = app();
        a.update(Action::LevelJump(2));
        a.update(Action::Run(Command::Gap));
        if let Some(r) = a.review.as_mut() {
            r.file = Some("r.toml".into());
        }
        a.update(Action::Run(Command::MarkMet));
        a.unwritten = true;
        assert_eq!(a.update(Action::Run(Command::Quit)), []);
        assert_eq!(a.prompt, Some(Question::Quit));
        assert_eq!(
            a.update(Action::Run(Command::AnswerYes)),
            [Effect::SaveReview]
        );
        // The save failed: the failed-save question, not a silent quit.
        assert_eq!(a.update(Action::SaveFinished(Some("disk full".into()))), []);
        assert!(matches!(a.prompt, Some(Question::UnsavedQuit { .. })));
        assert_eq!(a.update(Action::Run(Command::Retry)), [Effect::SaveReview]);
        assert_eq!(a.update(Action::SaveFinished(None)), [Effect::Quit]);
    }
}
