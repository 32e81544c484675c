//! The promotion gap screen: the gap for the selected role from the
//! current level to a target, its assessment, and the note editor.
//!
//! Marks and notes live in a [`Review`] held by the app; every change asks
//! the event loop to save it ([`Effect::SaveReview`]), so the app itself
//! does no I/O. Every change is also kept for undo (`z`) and redo (`Z`),
//! and says what it did on the status line. A note is edited in an
//! [`Editor`] and saved when the editor closes, not per keystroke.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Screen, offset, visible_offset};
use crate::catalog::Date;
use crate::gap::{Gap, GapItem};
use crate::review::{Assessment, Mark, Review};
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::editor::{Edit, Editor};
use crate::tui::keys::Command;
use crate::tui::layout::{self, Target};
use crate::tui::screens::prompt::Question;

/// What the gap view shows and where its cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapView {
    pub gap: Gap,
    /// The selected item, as a position in `gap.items`.
    pub cursor: usize,
    /// The first visible row of the list, as a position in `shown`.
    pub offset: usize,
    /// The note being edited, when editing.
    pub note: Option<Editor>,
    /// The filter by skill name, while it is typed or kept.
    pub filter: Option<Editor>,
    /// True while the filter has the keys.
    pub filtering: bool,
    /// The items the list shows (all of them without a filter), as
    /// positions in `gap.items`.
    pub shown: Vec<usize>,
    /// How far the selected item's texts are scrolled (`Shift-↑/↓`, the
    /// wheel over them); the assessment below them never moves.
    pub text_scroll: usize,
    /// One item at a time, full width, for a shared screen.
    pub presenter: bool,
    /// Items expanded to their behaviours (`Tab`), as positions in
    /// `gap.items`.
    pub expanded: Vec<usize>,
    /// On a behaviour row: the item and the behaviour's position in it
    /// (ignored once the cursor is on another item).
    pub behaviour: Option<(usize, usize)>,
}

/// How the gap view shows what changes between the two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiffMode {
    /// The two texts only.
    Off,
    /// One text: lines paired by similarity, words diffed within a pair.
    #[default]
    Inline,
    /// Now | target, aligned by line.
    SideBySide,
}

impl DiffMode {
    /// The next mode for `d`.
    pub fn next(self) -> DiffMode {
        match self {
            DiffMode::Off => DiffMode::Inline,
            DiffMode::Inline => DiffMode::SideBySide,
            DiffMode::SideBySide => DiffMode::Off,
        }
    }

    /// The name the state file uses.
    pub fn name(self) -> &'static str {
        match self {
            DiffMode::Off => "off",
            DiffMode::Inline => "inline",
            DiffMode::SideBySide => "side-by-side",
        }
    }

    pub fn parse(s: &str) -> Option<DiffMode> {
        [DiffMode::Off, DiffMode::Inline, DiffMode::SideBySide]
            .into_iter()
            .find(|m| m.name() == s)
    }
}

/// One change to the review, for undo and redo: a skill's assessment
/// before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub skill: String,
    pub before: Option<Assessment>,
    pub after: Option<Assessment>,
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
                self.t().status_top_level,
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
        let shown = (0..gap.items.len()).collect();
        self.gap = Some(GapView {
            gap,
            cursor,
            offset: 0,
            note: None,
            filter: None,
            filtering: false,
            shown,
            text_scroll: 0,
            presenter: false,
            expanded: Vec::new(),
            behaviour: None,
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
        Review::tally_by(review, &self.catalog, &g.gap, &self.counted()).counts
    }

    /// Whose marks the mark keys set: what the command line chose (`--as`,
    /// the config, else the manager); an app made without it sets the
    /// agreed mark.
    pub fn who(&self) -> String {
        self.assessor
            .clone()
            .unwrap_or_else(|| crate::review::AGREED.to_string())
    }

    /// Whose marks the header counts and the list shows: `agreed` once any
    /// item is agreed, the current assessor before that.
    pub fn counted(&self) -> String {
        let who = self.who();
        self.review
            .as_ref()
            .map_or(who.clone(), |r| r.review.counted(&who).to_string())
    }

    /// Changes the selected item's assessment and asks for a save.
    pub(super) fn assess(
        &mut self,
        effects: &mut Vec<Effect>,
        change: impl FnOnce(&mut Assessment),
    ) {
        let Some(item) = self.gap_item().cloned() else {
            return;
        };
        let Some(id) = self.catalog.skills.get(item.skill).map(|s| s.id.clone()) else {
            return;
        };
        let today = self.today;
        self.ensure_review(today);
        if let Some(day) = self.review.as_ref().and_then(|r| r.review.closed) {
            // A closed review is read-only until `rungs review reopen`.
            let t = self.t();
            self.notify(crate::i18n::fill(
                t.status_review_closed,
                &[("date", &day.to_string())],
            ));
            return;
        }
        let Some(r) = self.review.as_mut() else {
            return;
        };
        let was = r.review.items.get(&id).cloned();
        let entry = r.review.items.entry(id.clone()).or_default();
        let before = entry.clone();
        change(entry);
        // The text assessed against, to notice later catalog edits.
        entry.expectation = item
            .to
            .as_ref()
            .map_or(String::new(), |c| c.text.to_string());
        if *entry != before {
            let now = (!entry.is_empty()).then(|| entry.clone());
            if entry.is_empty() {
                r.review.items.remove(&id);
            }
            let change = Change {
                skill: id,
                before: was.filter(|a| !a.is_empty()),
                after: now,
            };
            self.status = Some(self.describe(&change, self.t().status_changed));
            self.undo.push(change);
            self.redo.clear();
            self.unwritten = true;
            effects.push(Effect::SaveReview);
        }
    }

    /// Applies `change` to the skill's assessment as it is now: only the
    /// marks and the note that the change touched move, so undoing in one
    /// terminal never takes back what another terminal saved meanwhile on
    /// the same item (another assessor's mark, merged in since).
    fn apply_change(&mut self, change: &Change) {
        let Some(r) = self.review.as_mut() else {
            return;
        };
        let empty = Assessment::default();
        let from = change.before.as_ref().unwrap_or(&empty);
        let to = change.after.as_ref().unwrap_or(&empty);
        let mut now = r.review.items.remove(&change.skill).unwrap_or_default();
        now.apply_diff(from, to);
        if now.expectation.is_empty() {
            now.expectation.clone_from(&to.expectation);
        }
        if !now.is_empty() {
            r.review.items.insert(change.skill.clone(), now);
        }
    }

    /// Undoes the last change (`undo` true) or redoes the last undone one,
    /// saved like any change.
    fn undo_redo(&mut self, undo: bool, effects: &mut Vec<Effect>) {
        let t = self.t();
        let popped = if undo {
            self.undo.pop()
        } else {
            self.redo.pop()
        };
        let Some(change) = popped else {
            self.status = Some(
                if undo {
                    t.status_nothing_to_undo
                } else {
                    t.status_nothing_to_redo
                }
                .to_string(),
            );
            return;
        };
        let shown = if undo {
            Change {
                skill: change.skill.clone(),
                before: change.after.clone(),
                after: change.before.clone(),
            }
        } else {
            change.clone()
        };
        self.apply_change(&shown);
        self.status = Some(self.describe(
            &shown,
            if undo {
                t.status_undone
            } else {
                t.status_redone
            },
        ));
        if undo {
            self.redo.push(change);
        } else {
            self.undo.push(change);
        }
        // Show the item that changed.
        if let Some(index) = self.catalog.skill_index(&shown.skill)
            && let Some(g) = self.gap.as_mut()
            && let Some(pos) = g.gap.items.iter().position(|i| i.skill == index)
        {
            g.cursor = pos;
            if !g.shown.contains(&pos) {
                g.filter = None;
                g.filtering = false;
                g.shown = (0..g.gap.items.len()).collect();
            }
        }
        self.keep_gap_visible();
        self.unwritten = true;
        effects.push(Effect::SaveReview);
    }

    /// `Data Quality: partly → not yet · z undoes`, from a template with
    /// `{skill}` and `{change}`.
    fn describe(&self, change: &Change, template: &str) -> String {
        let t = self.t();
        let name = self
            .catalog
            .skill_index(&change.skill)
            .and_then(|i| self.catalog.skills.get(i))
            .map_or(change.skill.as_str(), |s| s.name.as_str());
        let mark_of = |a: &Option<Assessment>, who: &str| a.as_ref().and_then(|a| a.mark_of(who));
        let note = |a: &Option<Assessment>| a.as_ref().map_or("", |a| a.note.as_str()).to_string();
        // Whose mark changed: the agreed one, else the first assessor's.
        let mut whose: Vec<String> = vec![crate::review::AGREED.to_string()];
        for a in [&change.before, &change.after].into_iter().flatten() {
            whose.extend(a.marks.iter().map(|(w, _)| w.clone()));
        }
        let changed = whose
            .iter()
            .find(|w| mark_of(&change.before, w) != mark_of(&change.after, w));
        let what = if let Some(w) = changed {
            let marks = format!(
                "{} {} {}",
                t.mark(mark_of(&change.before, w)),
                self.symbols.arrow,
                t.mark(mark_of(&change.after, w))
            );
            if *w == crate::review::AGREED && self.who() == crate::review::AGREED {
                marks
            } else {
                format!("{} {marks}", t.assessor(w))
            }
        } else if note(&change.after).is_empty() {
            t.status_note_removed.to_string()
        } else if note(&change.before).is_empty() {
            t.status_note_added.to_string()
        } else {
            t.status_note_changed.to_string()
        };
        crate::i18n::fill(
            &self.bindings.fill(template),
            &[("skill", name), ("change", &what)],
        )
    }

    /// The next required item without the current assessor's mark after
    /// the cursor, wrapping round; says so when there is none.
    fn next_unassessed(&mut self) {
        let who = self.who();
        let found = self.next_item(|app, item| {
            let required = item
                .to
                .as_ref()
                .is_some_and(|c| c.necessity == crate::catalog::Necessity::Required);
            required
                && app
                    .assessment(item.skill)
                    .and_then(|a| a.mark_of(&who))
                    .is_none()
        });
        match found {
            Some(i) => self.go_to_item(i),
            None => self.status = Some(self.t().status_all_required_assessed.to_string()),
        }
    }

    /// The next item after the cursor, wrapping round, for which `pick`
    /// holds.
    fn next_item(&self, pick: impl Fn(&App, &crate::gap::GapItem) -> bool) -> Option<usize> {
        let g = self.gap.as_ref()?;
        let n = g.gap.items.len();
        (1..=n)
            .map(|d| (g.cursor + d) % n.max(1))
            .find(|&i| pick(self, &g.gap.items[i]))
    }

    /// Selects item `i`, showing every item again when the filter hides it.
    fn go_to_item(&mut self, i: usize) {
        if let Some(g) = self.gap.as_mut() {
            g.cursor = i;
            g.text_scroll = 0;
            if !g.shown.contains(&i) {
                g.filter = None;
                g.filtering = false;
                g.shown = (0..g.gap.items.len()).collect();
            }
        }
        self.keep_gap_visible();
    }

    /// `D`: the next item where the assessors' marks differ (the agreed
    /// mark included), wrapping round; says so when there is none.
    fn next_disagreement(&mut self) {
        let found = self.next_item(|app, item| {
            app.assessment(item.skill)
                .is_some_and(crate::review::Assessment::disagrees)
        });
        match found {
            Some(i) => self.go_to_item(i),
            None => self.status = Some(self.t().status_no_disagreement.to_string()),
        }
    }

    /// The names `A` cycles through: `self`, `manager`, every other
    /// assessor named in the review, then `agreed`; the current assessor is
    /// always among them.
    pub fn assessor_names(&self) -> Vec<String> {
        let mut names: Vec<String> = vec!["self".into(), crate::review::DEFAULT_ASSESSOR.into()];
        let mut add = |n: &str| {
            if !n.is_empty() && n != crate::review::AGREED && !names.iter().any(|x| x == n) {
                names.push(n.to_string());
            }
        };
        if let Some(r) = &self.review {
            for who in r.review.assessors_with_marks() {
                add(&who);
            }
        }
        add(&self.who());
        names.push(crate::review::AGREED.into());
        names
    }

    /// On opening a review: what changed on the last day with history,
    /// kept for the list's `✗→~` and said on the status line.
    pub fn show_since_last(&mut self) {
        let counted = self.counted();
        self.since = self
            .review
            .as_ref()
            .and_then(|r| r.review.since_last(&counted));
        if let Some(s) = &self.since {
            self.status = Some(crate::i18n::fill(
                self.t().status_since,
                &[
                    ("date", &s.day),
                    ("changed", &s.changed.to_string()),
                    ("met", &s.newly_met.to_string()),
                ],
            ));
        }
    }

    /// `A`: the next assessor becomes the current one (shown in the header
    /// and the status line).
    fn cycle_assessor(&mut self) {
        let names = self.assessor_names();
        let who = self.who();
        let at = names.iter().position(|n| *n == who).unwrap_or(0);
        let next = names[(at + 1) % names.len()].clone();
        let t = self.t();
        self.status = Some(crate::i18n::fill(
            &self.bindings.fill(t.status_assessor),
            &[("who", t.assessor(&next))],
        ));
        self.assessor = Some(next);
    }

    /// `a`: the current assessor's mark on the selected item becomes the
    /// agreed mark (a change like any other: saved, undone with `z`).
    fn agree(&mut self, effects: &mut Vec<Effect>) {
        let who = self.who();
        let t = self.t();
        if who == crate::review::AGREED {
            self.status = Some(self.bindings.fill(t.status_agree_already));
            return;
        }
        let mark = self
            .gap_item()
            .and_then(|item| self.assessment(item.skill))
            .and_then(|a| a.mark_of(&who));
        let Some(mark) = mark else {
            self.status = Some(crate::i18n::fill(
                t.status_agree_nothing,
                &[("who", t.assessor(&who))],
            ));
            return;
        };
        self.assess(effects, |a| a.set_mark(crate::review::AGREED, Some(mark)));
    }

    /// Applies the filter's text to the list: skills whose name matches it
    /// (fuzzy, as the search box), in the gap's order.
    fn apply_filter(&mut self) {
        let catalog = std::sync::Arc::clone(&self.catalog);
        let Some(g) = self.gap.as_mut() else { return };
        let query = g.filter.as_ref().map(Editor::text).unwrap_or_default();
        let query = query.trim();
        g.shown = if query.is_empty() {
            (0..g.gap.items.len()).collect()
        } else {
            let matcher = SkimMatcherV2::default().smart_case();
            g.gap
                .items
                .iter()
                .enumerate()
                .filter(|(_, item)| {
                    catalog
                        .skills
                        .get(item.skill)
                        .is_some_and(|s| matcher.fuzzy_match(&s.name, query).is_some())
                })
                .map(|(i, _)| i)
                .collect()
        };
        if !g.shown.contains(&g.cursor)
            && let Some(&first) = g.shown.first()
        {
            g.cursor = first;
            g.text_scroll = 0;
        }
        g.offset = 0;
        self.keep_gap_visible();
    }

    pub(crate) fn update_gap(&mut self, action: Action, effects: &mut Vec<Effect>) {
        if self.gap.as_ref().is_some_and(|g| g.note.is_some()) {
            self.update_note(action, effects);
            return;
        }
        if self.gap.as_ref().is_some_and(|g| g.filtering) {
            self.update_filter(action);
            return;
        }
        if self.update_behaviours(&action, effects) {
            return;
        }
        let locked = self.review.as_ref().is_some_and(|r| r.locked);
        let presenter = self.gap.as_ref().is_some_and(|g| g.presenter);
        let filtered = self.gap.as_ref().is_some_and(|g| g.filter.is_some());
        match action {
            // Esc leaves the presenter layout first, then the filter.
            Action::Run(Command::Back | Command::Presenter) if presenter => {
                if let Some(g) = self.gap.as_mut() {
                    g.presenter = false;
                }
                self.keep_gap_visible();
            }
            Action::Run(Command::Presenter) => {
                if let Some(g) = self.gap.as_mut() {
                    g.presenter = true;
                    g.text_scroll = 0;
                }
            }
            Action::Run(Command::Back) if filtered => {
                if let Some(g) = self.gap.as_mut() {
                    g.filter = None;
                }
                self.apply_filter();
            }
            Action::Run(Command::Back | Command::Gap) => {
                self.screen = Screen::Browse;
                self.gap = None;
            }
            Action::Run(Command::Filter) => {
                if let Some(g) = self.gap.as_mut() {
                    let text = g.filter.as_ref().map(Editor::text).unwrap_or_default();
                    g.filter = Some(Editor::line(&text));
                    g.filtering = true;
                }
            }
            Action::Run(Command::DiffMode) => {
                self.diff_mode = self.diff_mode.next();
                let t = self.t();
                let name = match self.diff_mode {
                    DiffMode::Off => t.diff_off,
                    DiffMode::Inline => t.diff_inline,
                    DiffMode::SideBySide => t.diff_side_by_side,
                };
                let template = self.bindings.fill(t.status_diff_mode);
                self.status = Some(crate::i18n::fill(&template, &[("mode", name)]));
                effects.push(Effect::SaveUiState);
            }
            Action::Run(Command::Undo) => self.undo_redo(true, effects),
            Action::Run(Command::Redo) => self.undo_redo(false, effects),
            Action::Run(Command::NextUnassessed) => self.next_unassessed(),
            Action::Run(Command::CycleAssessor) => self.cycle_assessor(),
            Action::Run(Command::Agree) => self.agree(effects),
            Action::Run(Command::NextDisagreement) => self.next_disagreement(),
            Action::Run(Command::WriteReview) => {
                let path = self.default_review_path();
                self.prompt = Some(Question::SavePath {
                    input: Box::new(Editor::line(&path)),
                    then_quit: false,
                });
            }
            Action::Run(Command::OpenEditor) => {
                if let Some(item) = self.gap_item() {
                    let note = self
                        .assessment(item.skill)
                        .map_or(String::new(), |a| a.note.clone());
                    effects.push(Effect::ExternalEditor(note));
                }
            }
            Action::Run(Command::ScrollTextUp) => self.scroll_texts(-1),
            Action::Run(Command::ScrollTextDown) => self.scroll_texts(1),
            Action::ScrollUp(x, y) if self.over_texts(x, y) => self.scroll_texts(-3),
            Action::ScrollDown(x, y) if self.over_texts(x, y) => self.scroll_texts(3),
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
                    self.t().status_review_levels,
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
            Action::Run(Command::MarkMet) => {
                let who = self.who();
                self.assess(effects, |a| a.set_mark(&who, Some(Mark::Met)));
            }
            Action::Run(Command::MarkPartly) => {
                let who = self.who();
                self.assess(effects, |a| a.set_mark(&who, Some(Mark::Partly)));
            }
            Action::Run(Command::MarkNotYet) => {
                let who = self.who();
                self.assess(effects, |a| a.set_mark(&who, Some(Mark::NotYet)));
            }
            Action::Run(Command::MarkClear) => {
                let who = self.who();
                self.assess(effects, |a| a.set_mark(&who, None));
            }
            Action::Run(Command::MarkCycle) => {
                let who = self.who();
                self.assess(effects, |a| a.set_mark(&who, Mark::cycle(a.mark_of(&who))));
            }
            Action::Run(Command::EditNote | Command::Open) => {
                if let Some(item) = self.gap_item() {
                    let note = self
                        .assessment(item.skill)
                        .map_or(String::new(), |a| a.note.clone());
                    if let Some(g) = self.gap.as_mut() {
                        g.note = Some(Editor::note(&note));
                    }
                }
            }
            Action::Run(Command::Export) => self.open_export(),
            Action::Run(Command::Summary) => self.open_summary(),
            Action::Run(Command::ReviewDetails) => self.open_meta(),
            other => self.gap_move(other),
        }
    }

    /// While a note is edited, keys go to it; the list still follows the
    /// mouse. `Enter` saves the note, `Esc` leaves it (asking first when
    /// it changed).
    fn update_note(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let Some(note) = self.gap.as_mut().and_then(|g| g.note.as_mut()) else {
            return;
        };
        if let Some(edit) = edit_of(&action) {
            note.apply(edit);
            return;
        }
        match action {
            Action::Type(c) => {
                note.type_char(c);
            }
            Action::Paste(t) => {
                note.paste(&t);
            }
            // Typing takes `accept` and `cancel`; `open` and `back` mean the
            // same to callers that are not keys.
            Action::Run(Command::Accept | Command::Open) => self.save_note(effects),
            Action::Run(Command::Cancel | Command::Back) => {
                if note.is_changed() {
                    self.prompt = Some(Question::DiscardNote);
                } else if let Some(g) = self.gap.as_mut() {
                    g.note = None;
                }
            }
            Action::Run(Command::NoteInEditor) => {
                effects.push(Effect::ExternalEditor(note.text()));
            }
            other => self.gap_move(other),
        }
    }

    /// Closes the note editor, saving what it holds.
    pub(crate) fn save_note(&mut self, effects: &mut Vec<Effect>) {
        if self.save_behaviour_note(effects) {
            return;
        }
        let Some(note) = self.gap.as_mut().and_then(|g| g.note.take()) else {
            return;
        };
        let text = tidy_note(&note.text());
        self.assess(effects, |a| a.note = text);
    }

    /// The note an external editor returned: it replaces the selected
    /// item's note (or the one being edited) and is saved. When the editor
    /// failed, the text is kept in the note editor and the status line
    /// says why.
    pub(crate) fn external_edit_done(
        &mut self,
        result: Result<String, String>,
        effects: &mut Vec<Effect>,
    ) {
        match result {
            Ok(text) => {
                if let Some(g) = self.gap.as_mut() {
                    g.note = None;
                }
                let text = crate::tui::editor::normalise(&text, false);
                // On a behaviour row the note was the behaviour's.
                if self.set_behaviour_note(effects, &text) {
                    return;
                }
                let text = tidy_note(&text);
                self.assess(effects, |a| a.note = text);
            }
            Err(error) => {
                self.status = Some(crate::i18n::fill(
                    self.t().status_editor_failed,
                    &[("error", &error)],
                ));
            }
        }
    }

    /// Typing the filter: the list narrows as it is typed; `Enter` keeps
    /// it, `Esc` clears it.
    fn update_filter(&mut self, action: Action) {
        let Some(filter) = self.gap.as_mut().and_then(|g| g.filter.as_mut()) else {
            return;
        };
        let changed = match action {
            Action::Type(c) => filter.type_char(c),
            Action::Paste(t) => filter.paste(&t),
            Action::Run(Command::Accept) => {
                if let Some(g) = self.gap.as_mut() {
                    g.filtering = false;
                    if g.filter.as_ref().is_some_and(Editor::is_empty) {
                        g.filter = None;
                    }
                }
                false
            }
            Action::Run(Command::Cancel | Command::Back) => {
                if let Some(g) = self.gap.as_mut() {
                    g.filtering = false;
                    g.filter = None;
                }
                true
            }
            ref other => match edit_of(other) {
                Some(edit) => filter.apply(edit),
                None => {
                    self.gap_move(action);
                    false
                }
            },
        };
        if changed {
            self.apply_filter();
        }
    }

    /// `review-<role>-<from>-<to>-<date>.toml`, in the current folder.
    pub fn default_review_path(&self) -> String {
        let (role, from, to) = self.gap_ids();
        format!("review-{role}-{from}-{to}-{}.toml", self.today)
    }

    fn scroll_texts(&mut self, delta: isize) {
        let max = self
            .frame
            .gap_text_lines
            .saturating_sub(self.frame.gap_text_height);
        if let Some(g) = self.gap.as_mut() {
            g.text_scroll = offset(g.text_scroll, delta, max);
        }
    }

    /// True when a point is over the selected item's texts (the wheel
    /// scrolls them there, and the list elsewhere).
    fn over_texts(&self, x: u16, y: u16) -> bool {
        let presenter = self.gap.as_ref().is_some_and(|g| g.presenter);
        presenter
            || matches!(
                layout::hit_test(self.size, self.catalog.roles.len(), Screen::Gap, x, y),
                Some(Target::GapDetail)
            )
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
                    && let Some(&row) = g.rows().get(g.offset + row)
                {
                    g.select_row(row);
                }
            }
            _ => {}
        }
    }

    fn gap_page(&self) -> isize {
        isize::try_from(layout::gap_list(self.size).height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the cursor by `delta` rows of the list as shown (filtered).
    pub(crate) fn gap_step(&mut self, delta: isize) {
        // Rows: the shown items and the behaviours of expanded ones.
        if let Some(g) = self.gap.as_mut() {
            let rows = g.rows();
            if !rows.is_empty() {
                let pos = offset(g.cursor_row(&rows), delta, rows.len().saturating_sub(1));
                g.select_row(rows[pos]);
            }
        }
        self.keep_gap_visible();
    }

    pub(crate) fn keep_gap_visible(&mut self) {
        let height = usize::from(layout::gap_list(self.size).height).max(1);
        if let Some(g) = self.gap.as_mut() {
            let rows = g.rows();
            let pos = g.cursor_row(&rows);
            g.offset = visible_offset(g.offset, pos, height, rows.len());
        }
    }
}

/// The editing step a text-entry command asks for.
pub(crate) fn edit_of(action: &Action) -> Option<Edit> {
    let Action::Run(command) = action else {
        return None;
    };
    Some(match command {
        Command::CursorLeft => Edit::Left,
        Command::CursorRight => Edit::Right,
        Command::WordLeft => Edit::WordLeft,
        Command::WordRight => Edit::WordRight,
        Command::LineStart => Edit::LineStart,
        Command::LineEnd => Edit::LineEnd,
        Command::LineUp => Edit::Up,
        Command::LineDown => Edit::Down,
        Command::DeleteChar => Edit::DeleteBack,
        Command::DeleteNext => Edit::DeleteForward,
        Command::DeleteWord => Edit::DeleteWord,
        Command::DeleteToLineStart => Edit::DeleteToLineStart,
        Command::DeleteToLineEnd => Edit::DeleteToLineEnd,
        Command::NewLine => Edit::NewLine,
        _ => return None,
    })
}

/// A note as saved: trailing spaces of each line and blank lines at either
/// end removed, line breaks kept.
pub fn tidy_note(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    lines[start..end].join("\n").trim_start().to_string()
}
