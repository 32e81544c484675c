//! The promotion gap screen: the gap for the selected role from the
//! current level to a target, its assessment, and the note editor.
//!
//! Marks and notes live in a [`Review`] held by the app; every change asks
//! the event loop to save it ([`Effect::SaveReview`]), so the app itself
//! does no I/O.

use super::{Screen, offset, visible_offset};
use crate::catalog::Date;
use crate::gap::{Gap, GapItem};
use crate::review::{Assessment, Mark, Review};
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::keys::Command;
use crate::tui::layout::{self, Target};

/// What the gap view shows and where its cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapView {
    pub gap: Gap,
    pub cursor: usize,
    pub offset: usize,
    /// The note being edited, when editing.
    pub note: Option<String>,
}

/// The review being assessed in the gap view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewState {
    pub review: Review,
    /// The review file, when one is open; without it marks are kept in
    /// memory only.
    pub file: Option<String>,
    /// With a file open, the role and levels are the review's own.
    pub locked: bool,
}

/// Assessment counts over the items of a gap.
pub use crate::review::Counts as GapCounts;

impl App {
    /// The review for the current gap, created on first use.
    fn ensure_review(&mut self, today: Date) {
        let (role, from, to) = self.gap_ids();
        match &mut self.review {
            Some(r) if r.locked => {}
            Some(r) => {
                r.review.role = role;
                r.review.from = from;
                r.review.to = to;
            }
            None => {
                let title = self.catalog.display_title().to_string();
                self.review = Some(ReviewState {
                    review: Review::new(&role, &from, &to, &title, today),
                    file: None,
                    locked: false,
                });
            }
        }
    }

    fn gap_ids(&self) -> (String, String, String) {
        let c = &self.catalog;
        let id = |v: &[crate::catalog::Named], i: usize| {
            v.get(i).map_or(String::new(), |n| n.id.clone())
        };
        let (from, to) = self
            .gap
            .as_ref()
            .map_or((self.level, self.level + 1), |g| (g.gap.from, g.gap.to));
        (
            id(&c.roles, self.role),
            id(&c.levels, from),
            id(&c.levels, to),
        )
    }

    /// Starts in the gap view from the current role and level to `to`,
    /// assessing `review` (saved by the caller when `file` is set).
    pub fn start_gap(&mut self, to: usize, review: Option<ReviewState>) {
        if let Some(r) = review {
            self.review = Some(r);
        }
        self.screen = Screen::Gap;
        self.rebuild_gap(to);
        let today = self.today;
        self.ensure_review(today);
    }

    /// Opens the gap view from the current level to the next, or to the
    /// review's levels when a review file is open.
    pub(crate) fn open_gap(&mut self) {
        let target = match &self.review {
            Some(r) if r.locked => {
                let c = &self.catalog;
                let role = c.find_role(&r.review.role).ok();
                let from = c.find_level(&r.review.from).ok();
                let to = c.find_level(&r.review.to).ok();
                if let (Some(role), Some(from), Some(to)) = (role, from, to) {
                    self.set_role(role);
                    self.set_level(from);
                    to
                } else {
                    self.level + 1
                }
            }
            _ => self.level + 1,
        };
        // No gap from the highest level (none at all in a one-level
        // catalog): refused as `rungs gap` refuses it, so there is nothing
        // to assess or export.
        if let Err(top) = crate::gap::level_above(&self.catalog, self.level) {
            self.status = Some(crate::i18n::fill(
                self.lang.strings().status_top_level,
                &[("level", &top.level)],
            ));
            return;
        }
        self.screen = Screen::Gap;
        self.rebuild_gap(target);
        let today = self.today;
        self.ensure_review(today);
    }

    /// Recomputes the gap for the current role and level, keeping the
    /// cursor on the same skill when it is still there.
    pub(crate) fn rebuild_gap(&mut self, to: usize) {
        let keep = self.gap_item().map(|i| i.skill);
        let last = self.catalog.levels.len().saturating_sub(1);
        let to = to.clamp((self.level + 1).min(last), last);
        let gap = Gap::new(&self.catalog, self.role, self.level, to);
        let cursor = keep
            .and_then(|s| gap.items.iter().position(|i| i.skill == s))
            .unwrap_or(0);
        self.gap = Some(GapView {
            gap,
            cursor,
            offset: 0,
            note: None,
        });
        let today = self.today;
        if self.review.is_some() {
            self.ensure_review(today);
        }
        self.keep_gap_visible();
    }

    /// The selected gap item.
    pub fn gap_item(&self) -> Option<&GapItem> {
        let g = self.gap.as_ref()?;
        g.gap.items.get(g.cursor)
    }

    /// The assessment of a skill in the open review, if any.
    pub fn assessment(&self, skill: usize) -> Option<&Assessment> {
        let id = &self.catalog.skills.get(skill)?.id;
        self.review.as_ref()?.review.items.get(id)
    }

    /// True when an assessment was made against a target text that the
    /// catalog has changed since.
    pub fn is_stale(&self, item: &GapItem) -> bool {
        self.assessment(item.skill)
            .is_some_and(|a| a.is_stale(item))
    }

    pub fn gap_counts(&self) -> GapCounts {
        let Some(g) = &self.gap else {
            return GapCounts::default();
        };
        let review = self.review.as_ref().map(|r| &r.review);
        Review::tally(review, &self.catalog, &g.gap).counts
    }

    /// Changes the selected item's assessment and asks for a save.
    fn assess(&mut self, effects: &mut Vec<Effect>, change: impl FnOnce(&mut Assessment)) {
        let Some(item) = self.gap_item().cloned() else {
            return;
        };
        let Some(id) = self.catalog.skills.get(item.skill).map(|s| s.id.clone()) else {
            return;
        };
        let today = self.today;
        self.ensure_review(today);
        let Some(r) = self.review.as_mut() else {
            return;
        };
        let entry = r.review.items.entry(id.clone()).or_default();
        let before = entry.clone();
        change(entry);
        // The text assessed against, to notice later catalog edits.
        entry.expectation = item.to.as_ref().map_or(String::new(), |c| c.text.clone());
        if *entry != before {
            if entry.is_empty() {
                r.review.items.remove(&id);
            }
            effects.push(Effect::SaveReview);
        }
    }

    pub(crate) fn update_gap(&mut self, action: Action, effects: &mut Vec<Effect>) {
        if self.gap.as_ref().is_some_and(|g| g.note.is_some()) {
            self.update_note(action, effects);
            return;
        }
        let locked = self.review.as_ref().is_some_and(|r| r.locked);
        match action {
            Action::Run(Command::Back | Command::Gap) => {
                self.screen = Screen::Browse;
                self.gap = None;
            }
            Action::Run(
                Command::LevelPrev | Command::LevelNext | Command::TargetPrev | Command::TargetNext,
            )
            | Action::LevelJump(_)
                if locked =>
            {
                let file = self
                    .review
                    .as_ref()
                    .and_then(|r| r.file.clone())
                    .unwrap_or_default();
                self.status = Some(crate::i18n::fill(
                    self.lang.strings().status_review_levels,
                    &[("file", &file)],
                ));
            }
            Action::Run(Command::LevelPrev | Command::LevelNext) | Action::LevelJump(_) => {
                let last = self.catalog.levels.len().saturating_sub(1);
                let from = match action {
                    Action::Run(Command::LevelPrev) => self.level.saturating_sub(1),
                    Action::Run(Command::LevelNext) => (self.level + 1).min(last.saturating_sub(1)),
                    Action::LevelJump(l) => l.min(last.saturating_sub(1)),
                    _ => self.level,
                };
                let to = self
                    .gap
                    .as_ref()
                    .map_or(from + 1, |g| g.gap.to.max(from + 1));
                self.set_level(from);
                self.rebuild_gap(to);
            }
            Action::Run(Command::TargetPrev | Command::TargetNext) => {
                let to = self.gap.as_ref().map_or(self.level + 1, |g| g.gap.to);
                let to = if action == Action::Run(Command::TargetPrev) {
                    to.saturating_sub(1).max(self.level + 1)
                } else {
                    to + 1
                };
                self.rebuild_gap(to);
            }
            Action::Run(Command::MarkMet) => self.assess(effects, |a| a.mark = Some(Mark::Met)),
            Action::Run(Command::MarkPartly) => {
                self.assess(effects, |a| a.mark = Some(Mark::Partly));
            }
            Action::Run(Command::MarkNotYet) => {
                self.assess(effects, |a| a.mark = Some(Mark::NotYet));
            }
            Action::Run(Command::MarkClear) => self.assess(effects, |a| a.mark = None),
            Action::Run(Command::MarkCycle) => {
                self.assess(effects, |a| a.mark = Mark::cycle(a.mark))
            }
            Action::Run(Command::EditNote | Command::Open) => {
                if let Some(item) = self.gap_item() {
                    let note = self
                        .assessment(item.skill)
                        .map_or(String::new(), |a| a.note.clone());
                    if let Some(g) = self.gap.as_mut() {
                        g.note = Some(note);
                    }
                }
            }
            Action::Run(Command::Export) => match &self.gap {
                Some(g) if g.gap.to > g.gap.from => effects.push(Effect::Export),
                // The from level moved up to the highest: no gap to export.
                Some(_) => {
                    if let Err(top) = crate::gap::level_above(&self.catalog, self.level) {
                        self.status = Some(crate::i18n::fill(
                            self.lang.strings().status_top_level,
                            &[("level", &top.level)],
                        ));
                    }
                }
                None => {}
            },
            other => self.gap_move(other),
        }
    }

    /// While a note is edited, keys go to it; the list still follows the
    /// mouse.
    fn update_note(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let Some(note) = self.gap.as_mut().and_then(|g| g.note.as_mut()) else {
            return;
        };
        match action {
            Action::Type(c) => {
                if !c.is_control() {
                    note.push(c);
                }
            }
            Action::Paste(t) => note.push_str(&crate::catalog::clean(&t, true).text),
            Action::Run(Command::DeleteChar) => {
                note.pop();
            }
            // Typing takes `accept` and `cancel`; `open` and `back` mean the
            // same to callers that are not keys.
            Action::Run(Command::Accept | Command::Open) => {
                let text = note.trim().to_string();
                if let Some(g) = self.gap.as_mut() {
                    g.note = None;
                }
                self.assess(effects, |a| a.note = text);
            }
            Action::Run(Command::Cancel | Command::Back) => {
                if let Some(g) = self.gap.as_mut() {
                    g.note = None;
                }
            }
            other => self.gap_move(other),
        }
    }

    /// Moving through the items, by key, wheel or click.
    fn gap_move(&mut self, action: Action) {
        match action {
            Action::Run(Command::Up) | Action::ScrollUp(..) => self.gap_step(-1),
            Action::Run(Command::Down) | Action::ScrollDown(..) => self.gap_step(1),
            Action::Run(Command::PageUp) => self.gap_step(-self.gap_page()),
            Action::Run(Command::PageDown) => self.gap_step(self.gap_page()),
            Action::Run(Command::Home) => self.gap_step(isize::MIN / 2),
            Action::Run(Command::End) => self.gap_step(isize::MAX / 2),
            Action::Click(x, y) => {
                let roles = self.catalog.roles.len();
                if let Some(Target::GapRow(row)) =
                    layout::hit_test(self.size, roles, Screen::Gap, x, y)
                    && let Some(g) = self.gap.as_mut()
                {
                    let index = g.offset + row;
                    if index < g.gap.items.len() {
                        g.cursor = index;
                    }
                }
            }
            _ => {}
        }
    }

    fn gap_page(&self) -> isize {
        isize::try_from(layout::gap_list(self.size).height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    pub(crate) fn gap_step(&mut self, delta: isize) {
        if let Some(g) = self.gap.as_mut() {
            g.cursor = offset(g.cursor, delta, g.gap.items.len().saturating_sub(1));
        }
        self.keep_gap_visible();
    }

    pub(crate) fn keep_gap_visible(&mut self) {
        let height = usize::from(layout::gap_list(self.size).height).max(1);
        if let Some(g) = self.gap.as_mut() {
            g.offset = visible_offset(g.offset, g.cursor, height, g.gap.items.len());
        }
    }
}
