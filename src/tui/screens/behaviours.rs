//! Per-behaviour marks in the gap view: `Tab` expands the selected item to
//! its behaviours and collapses it again; while a behaviour row is
//! selected, the mark keys, `a` and the note act on that behaviour, and the
//! item's mark rolls up from its behaviours (see `review::behaviours`).
//!
//! The list's rows are the shown items, each followed by the behaviours of
//! an expanded one; the cursor is an item and, on a behaviour row, that
//! behaviour's position.

use crate::gap::GapItem;
use crate::review::{AGREED, Mark, assessed_behaviours};
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::editor::Editor;
use crate::tui::keys::Command;

use super::gap::GapView;

/// One row of the gap list: an item (a position in `gap.items`) and, for a
/// behaviour row, the behaviour's position among the item's behaviours.
pub type Row = (usize, Option<usize>);

impl GapView {
    /// The list's rows: each shown item, then the behaviours of an
    /// expanded one.
    pub fn rows(&self) -> Vec<Row> {
        let mut out = Vec::with_capacity(self.shown.len());
        for &i in &self.shown {
            out.push((i, None));
            if self.expanded.contains(&i)
                && let Some(item) = self.gap.items.get(i)
            {
                out.extend((0..assessed_behaviours(item).len()).map(|j| (i, Some(j))));
            }
        }
        out
    }

    /// The selected behaviour's position in the selected item, on a
    /// behaviour row of an expanded item.
    pub fn selected_behaviour(&self) -> Option<usize> {
        self.behaviour
            .filter(|&(i, _)| i == self.cursor && self.expanded.contains(&i))
            .map(|(_, j)| j)
    }

    /// The cursor's row in [`GapView::rows`].
    pub fn cursor_row(&self, rows: &[Row]) -> usize {
        let at = (self.cursor, self.selected_behaviour());
        rows.iter()
            .position(|&r| r == at)
            .or_else(|| rows.iter().position(|&(i, _)| i == self.cursor))
            .unwrap_or(0)
    }

    /// Moves the cursor to `row`.
    pub fn select_row(&mut self, row: Row) {
        if row.0 != self.cursor {
            self.text_scroll = 0;
        }
        self.cursor = row.0;
        self.behaviour = row.1.map(|j| (row.0, j));
    }
}

impl App {
    /// The behaviours of the selected item, as the review assesses them.
    pub fn selected_behaviours(&self) -> Vec<String> {
        self.gap_item()
            .map(|i| {
                assessed_behaviours(i)
                    .into_iter()
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The selected behaviour row: its position and the item's behaviours.
    pub fn selected_behaviour(&self) -> Option<(usize, Vec<String>)> {
        let j = self.gap.as_ref()?.selected_behaviour()?;
        let all = self.selected_behaviours();
        (j < all.len()).then_some((j, all))
    }

    /// The keys per-behaviour marking takes over; `true` when `action` was
    /// handled here. `Tab` expands and collapses; on a behaviour row the
    /// mark keys, `a` and the note act on the behaviour; `u` on an item
    /// whose mark was set by hand returns it to the roll-up.
    pub(crate) fn update_behaviours(&mut self, action: &Action, effects: &mut Vec<Effect>) -> bool {
        let Action::Run(command) = action else {
            return false;
        };
        if *command == Command::Behaviours {
            self.toggle_behaviours();
            return true;
        }
        if let Some((j, all)) = self.selected_behaviour() {
            let who = self.who();
            let mark = match command {
                Command::MarkMet => Some(Some(Mark::Met)),
                Command::MarkPartly => Some(Some(Mark::Partly)),
                Command::MarkNotYet => Some(Some(Mark::NotYet)),
                Command::MarkClear => Some(None),
                Command::MarkCycle => Some(Mark::cycle(self.behaviour_mark(j, &all, &who))),
                Command::Agree => {
                    if who == AGREED {
                        return false;
                    }
                    match self.behaviour_mark(j, &all, &who) {
                        Some(m) => {
                            self.mark_behaviour(effects, j, &all, AGREED, Some(m));
                            return true;
                        }
                        None => return false,
                    }
                }
                Command::EditNote | Command::Open => {
                    let note = self.behaviour_note(j, &all);
                    if let Some(g) = self.gap.as_mut() {
                        g.note = Some(Editor::note(&note));
                    }
                    return true;
                }
                // `E` on a behaviour row edits the behaviour's note in
                // `$EDITOR`, as `e` does in the pane (it used to open the
                // item's note).
                Command::OpenEditor => {
                    effects.push(Effect::ExternalEditor(self.behaviour_note(j, &all)));
                    return true;
                }
                _ => None,
            };
            if let Some(mark) = mark {
                self.mark_behaviour(effects, j, &all, &who, mark);
                return true;
            }
            return false;
        }
        if *command == Command::MarkClear {
            let all = self.selected_behaviours();
            let who = self.who();
            let current: Vec<&str> = all.iter().map(String::as_str).collect();
            let by_hand = self
                .gap_item()
                .and_then(|i| self.assessment(i.skill))
                .is_some_and(|a| a.set_by_hand(&current, &who));
            if by_hand {
                self.assess(effects, |a| {
                    a.clear_item_mark(&current, &who);
                });
                self.status = Some(self.t().status_rolled_up_again.to_string());
                return true;
            }
        }
        false
    }

    /// `who`'s mark of behaviour `j` of the selected item.
    fn behaviour_mark(&self, j: usize, all: &[String], who: &str) -> Option<Mark> {
        let current: Vec<&str> = all.iter().map(String::as_str).collect();
        self.gap_item()
            .and_then(|i| self.assessment(i.skill))
            .and_then(|a| a.behaviour_states(&current)[j].stored)
            .and_then(|b| b.mark_of(who))
    }

    /// Sets `who`'s mark of behaviour `j` (the item's mark rolls up) and
    /// says so on the status line.
    fn mark_behaviour(
        &mut self,
        effects: &mut Vec<Effect>,
        j: usize,
        all: &[String],
        who: &str,
        mark: Option<Mark>,
    ) {
        let current: Vec<&str> = all.iter().map(String::as_str).collect();
        let was = self.behaviour_mark(j, all, who);
        let before = self.undo.len();
        self.assess(effects, |a| a.set_behaviour_mark(&current, j, who, mark));
        if self.undo.len() == before {
            return;
        }
        let t = self.t();
        let item = self
            .gap_item()
            .and_then(|i| self.assessment(i.skill))
            .and_then(|a| a.mark_of(who));
        let whose = if who == AGREED && self.who() == AGREED {
            String::new()
        } else {
            format!("{} ", t.assessor(who))
        };
        let template = self.bindings.fill(t.status_behaviour_marked);
        self.status = Some(crate::i18n::fill(
            &template,
            &[
                ("n", &(j + 1).to_string()),
                (
                    "change",
                    &format!(
                        "{whose}{} {} {}",
                        t.mark(was),
                        self.symbols.arrow,
                        t.mark(mark)
                    ),
                ),
                ("item", t.mark(item)),
            ],
        ));
    }

    /// The stored note of behaviour `j` of the selected item (empty when
    /// it has none).
    fn behaviour_note(&self, j: usize, all: &[String]) -> String {
        self.gap_item()
            .and_then(|i| self.assessment(i.skill))
            .and_then(|a| {
                let current: Vec<&str> = all.iter().map(String::as_str).collect();
                a.behaviour_states(&current)
                    .get(j)
                    .and_then(|s| s.stored)
                    .map(|b| b.note.clone())
            })
            .unwrap_or_default()
    }

    /// Saves the note editor into the selected behaviour's note; `false`
    /// when no behaviour row is selected (the item's note is saved).
    pub(crate) fn save_behaviour_note(&mut self, effects: &mut Vec<Effect>) -> bool {
        if self.selected_behaviour().is_none() {
            return false;
        }
        let Some(note) = self.gap.as_mut().and_then(|g| g.note.take()) else {
            return true;
        };
        self.set_behaviour_note(effects, &note.text())
    }

    /// Sets the selected behaviour's note to `text` (tidied), with a status
    /// line saying so; `false` when no behaviour row is selected. The note
    /// editor and `$EDITOR` (`E`, `Ctrl-G`) both save through here.
    pub(crate) fn set_behaviour_note(&mut self, effects: &mut Vec<Effect>, text: &str) -> bool {
        let Some((j, all)) = self.selected_behaviour() else {
            return false;
        };
        let text = super::gap::tidy_note(text);
        let current: Vec<&str> = all.iter().map(String::as_str).collect();
        let before = self.undo.len();
        self.assess(effects, |a| a.set_behaviour_note(&current, j, &text));
        if self.undo.len() != before {
            let t = self.t();
            let what = if text.is_empty() {
                t.status_note_removed
            } else {
                t.status_note_changed
            };
            let heading = crate::i18n::fill(
                t.gap_behaviour,
                &[
                    ("n", &(j + 1).to_string()),
                    ("total", &all.len().to_string()),
                ],
            );
            self.status = Some(format!("{heading}: {what}"));
        }
        true
    }

    /// `Tab`: expands the selected item to its behaviours, or collapses it
    /// (the cursor goes back to the item).
    fn toggle_behaviours(&mut self) {
        let none = self
            .gap_item()
            .is_none_or(|i: &GapItem| assessed_behaviours(i).is_empty());
        if none {
            self.status = Some(self.t().status_no_behaviours.to_string());
            return;
        }
        let n = self.selected_behaviours().len();
        if let Some(g) = self.gap.as_mut() {
            if let Some(k) = g.expanded.iter().position(|&i| i == g.cursor) {
                g.expanded.remove(k);
                g.behaviour = None;
            } else {
                g.expanded.push(g.cursor);
                let t = self.t();
                self.status = Some(crate::i18n::fill(
                    &self.bindings.fill(t.status_behaviours_expanded),
                    &[("n", &n.to_string())],
                ));
            }
        }
        self.keep_gap_visible();
    }
}
