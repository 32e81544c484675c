//! The explorer's state and the one entry point that changes it:
//! `App::update(Action) -> Vec<Effect>`.
//!
//! No I/O and no drawing happen here: effects go back to the event loop,
//! geometry comes from `layout`, and what only drawing can measure comes
//! back as the last frame's [`FrameReport`]. Each screen's own state and
//! updates live in `screens/`.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::{Action, Effect};
use super::keys::Command;
use super::keys::{Bindings, Mode};
use super::layout::{self, Areas, FrameReport};
use super::screens::gap::{Change, DiffMode, GapView, ReviewState};
use super::screens::profile::ProfileState;
use super::screens::prompt::Question;
use super::screens::search::SearchState;
use super::screens::{Overlay, Screen};
use super::symbols::Symbols;
use super::theme::Theme;
use crate::catalog::{Catalog, Date, Skill};

/// Which pane of the main screen receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Roles,
    Skills,
    Detail,
}

/// A row of the skills pane: a domain heading, or a skill given by its
/// position in the role's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillRow {
    Heading(usize),
    Skill(usize),
}

/// Everything the explorer shows, and where the user is in it.
#[derive(Debug, Clone)]
pub struct App {
    pub catalog: Arc<Catalog>,
    pub theme: Theme,
    /// The screen that has the keys.
    pub screen: Screen,
    /// The screen the help covers, to return to when it closes.
    pub help_return: Screen,
    pub role: usize,
    pub level: usize,
    /// Selected skill, as a position in the role's profile.
    pub skill: usize,
    pub focus: Focus,
    /// Rows of the skills pane for the current role.
    pub rows: Vec<SkillRow>,
    pub roles_offset: usize,
    pub skills_offset: usize,
    pub detail_scroll: usize,
    pub help_scroll: usize,
    pub profile: ProfileState,
    pub compare: crate::tui::screens::compare::CompareState,
    pub search: SearchState,
    /// The gap view, while open.
    pub gap: Option<GapView>,
    /// A popup over the gap view (review details, summary, export format)
    /// that has the keys while open.
    pub overlay: Option<Overlay>,
    /// The review assessed in the gap view.
    pub review: Option<ReviewState>,
    /// True when marks or notes changed since they were last written to a
    /// review file: quitting asks first.
    pub unwritten: bool,
    /// Changes to the review, newest last, for `z`; and undone ones for `Z`.
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    /// How the gap view shows changes; remembered in the state file.
    pub diff_mode: DiffMode,
    /// Marks and flags, as Unicode or ASCII (`--ascii`).
    pub symbols: Symbols,
    /// A message for the status line, until the next key.
    pub status: Option<String>,
    /// Today's date, given at start (the app itself reads no clock).
    pub today: Date,
    /// The language of the interface.
    pub lang: crate::i18n::Lang,
    /// Which key runs which action.
    pub bindings: Bindings,
    /// The first problem of catalog files that changed on disk and are not
    /// valid, and how many problems there are; shown until they are fixed.
    pub reload_error: Option<(String, usize)>,
    /// Set while the catalog is gone from disk; cleared when it is back
    /// (loaded, or found invalid).
    pub catalog_gone: Option<crate::tui::action::Gone>,
    /// The terminal's size, as last reported.
    pub size: Rect,
    /// What the last draw measured.
    pub frame: FrameReport,
    /// A question that holds the keys until answered.
    pub prompt: Option<Question>,
    /// Why the last save of the review failed; `None` once saved.
    pub unsaved: Option<String>,
    /// Quit once the save asked for from the quit question succeeds.
    pub quit_after_save: bool,
    /// `--as NAME`: whose marks the gap view's mark keys set; `None` sets
    /// the agreed mark.
    pub assessor: Option<String>,
    /// What changed at the review's last session, as it was when opened:
    /// the status line says so and the list shows `✗→~` (issue 12).
    pub since: Option<crate::review::SinceLast>,
    /// Cumulative skills show everything expected up to a level, not only
    /// what the level adds (`b`).
    pub union: bool,
    /// While the search index is built: how many skills of how many are
    /// indexed (the search box says so); `None` once it is ready.
    pub indexing: Option<(usize, usize)>,
    /// While the catalog's texts load behind the first frame: whose texts
    /// are in, and the input that waits for the rest (see `loading`).
    pub loading: Option<super::loading::Loading>,
    /// After the load behind the first frame failed: for each skill, by
    /// position, whether its texts had come in (those that had not say so
    /// until a valid catalog is loaded).
    pub texts_failed: Option<Vec<bool>>,
}

impl App {
    /// Sets the interface language, and shows the catalog's names in it
    /// (see `Catalog::localize`).
    pub fn set_lang(&mut self, lang: crate::i18n::Lang) {
        self.lang = lang;
        Arc::make_mut(&mut self.catalog).localize(lang.code());
    }

    /// The interface texts in the current language and symbols (ASCII
    /// with `--ascii`).
    pub fn t(&self) -> &'static crate::i18n::Strings {
        self.symbols.strings(self.lang)
    }

    /// Draws with `symbols` from now on: marks, borders, texts and key
    /// names alike (`Up` for `↑` in ASCII).
    pub fn set_symbols(&mut self, symbols: Symbols) {
        self.symbols = symbols;
        self.bindings.ascii = symbols.is_ascii();
    }

    pub fn new(catalog: impl Into<Arc<Catalog>>) -> Self {
        let mut app = App {
            catalog: catalog.into(),
            theme: Theme::default(),
            screen: Screen::Browse,
            help_return: Screen::Browse,
            role: 0,
            level: 0,
            skill: 0,
            focus: Focus::Skills,
            rows: Vec::new(),
            roles_offset: 0,
            skills_offset: 0,
            detail_scroll: 0,
            help_scroll: 0,
            profile: ProfileState::default(),
            compare: Default::default(),
            search: SearchState::default(),
            gap: None,
            overlay: None,
            review: None,
            unwritten: false,
            undo: Vec::new(),
            redo: Vec::new(),
            diff_mode: DiffMode::default(),
            symbols: Symbols::default(),
            status: None,
            today: Date {
                year: 1970,
                month: 1,
                day: 1,
            },
            lang: crate::i18n::Lang::En,
            bindings: Bindings::default(),
            reload_error: None,
            catalog_gone: None,
            size: Rect::default(),
            frame: FrameReport::default(),
            prompt: None,
            unsaved: None,
            quit_after_save: false,
            assessor: None,
            since: None,
            union: false,
            indexing: None,
            loading: None,
            texts_failed: None,
        };
        app.rebuild_rows();
        app
    }

    /// Applies one action and returns what the event loop must do for it.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        if !matches!(
            action,
            Action::SearchResults(..)
                | Action::Indexing(..)
                | Action::Resize(..)
                | Action::SaveFinished(..)
                | Action::CatalogGone(..)
                | Action::CatalogInvalid { .. }
                | Action::LoadFailed { .. }
                | Action::TextsIn(..)
        ) {
            // A message stays until the next key or click.
            self.status = None;
        }
        let Some(action) = self.hold(action) else {
            return effects;
        };
        match action {
            Action::SaveFinished(failed) => self.save_finished(failed, &mut effects),
            Action::Run(Command::Suspend) => effects.push(Effect::Suspend),
            Action::Run(Command::Quit) if self.prompt.is_none() => self.quit_or_ask(&mut effects),
            Action::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.keep_visible();
            }
            Action::CatalogReloaded(new) => {
                self.replace_catalog(new.0, &mut effects);
                self.loaded(&mut effects);
            }
            Action::TextsIn(skills) => self.texts_in(skills),
            Action::TextsLoaded => self.texts_loaded(&mut effects),
            Action::LoadFailed { first, count } => {
                self.catalog_invalid(first, count);
                self.load_failed(&mut effects);
            }
            Action::CatalogInvalid { first, count } => self.catalog_invalid(first, count),
            Action::CatalogGone(gone) => self.catalog_gone = Some(gone),
            Action::SearchResults(generation, results) => {
                self.search_results(generation, results);
            }
            Action::Indexing(progress) => self.indexing = progress,
            Action::ExternalEdited(result) => self.external_edit_done(result, &mut effects),
            Action::Held(event) => {
                if let Some(action) = super::keys::map(self, &event) {
                    effects.extend(self.update(action));
                }
            }
            action if self.prompt.is_some() => self.update_prompt(action, &mut effects),
            Action::Run(Command::Help) => self.toggle_help(),
            Action::Run(Command::Union) => self.toggle_union(),
            // Too small a terminal shows no panes to point at.
            Action::Click(..) | Action::ScrollUp(..) | Action::ScrollDown(..)
                if self.areas().is_none() => {}
            action => match self.screen {
                Screen::Browse => self.update_browse(action, &mut effects),
                Screen::Profile => self.update_profile(action, &mut effects),
                Screen::Search => self.update_search(action, &mut effects),
                Screen::Gap if self.overlay.is_some() => self.update_overlay(action, &mut effects),
                Screen::Gap => self.update_gap(action, &mut effects),
                Screen::Compare => self.update_compare(action),
                Screen::Help => self.update_help(action),
            },
        }
        effects
    }

    /// Cumulative skills: everything up to a level, or only its additions;
    /// the status line says which, and names the key that goes back.
    fn toggle_union(&mut self) {
        self.union = !self.union;
        let t = self.t();
        let template = if self.union {
            t.status_union_on
        } else {
            t.status_union_off
        };
        self.status = Some(self.bindings.fill(template));
    }

    /// What keys mean now: the one place that decides it, for `keys::map`
    /// and the hints alike.
    pub fn mode(&self) -> Mode {
        match &self.prompt {
            Some(Question::SavePath { .. }) => return Mode::PathPrompt,
            Some(_) => return Mode::Prompt,
            None => {}
        }
        match self.screen {
            Screen::Browse | Screen::Profile | Screen::Compare => Mode::Browse,
            Screen::Search => Mode::SearchBox,
            Screen::Gap if self.overlay.is_some() => self.overlay_mode(),
            Screen::Gap if self.gap.as_ref().is_some_and(|g| g.note.is_some()) => Mode::NoteEditor,
            Screen::Gap if self.gap.as_ref().is_some_and(|g| g.filtering) => Mode::Filter,
            Screen::Gap => Mode::Gap,
            Screen::Help => Mode::Help,
        }
    }

    /// Shows a message on the status line until the next key: what the
    /// event loop has to say about an effect it performed.
    pub fn notify(&mut self, message: String) {
        self.status = Some(message);
    }

    /// Takes what the last draw measured, and pulls scrolling back within
    /// it (a wider pane holds more of the detail).
    pub fn observe(&mut self, report: FrameReport) {
        self.frame = report;
        self.detail_scroll = self.detail_scroll.min(report.max_detail_scroll());
        self.help_scroll = self.help_scroll.min(report.help_lines.saturating_sub(1));
        if let Some(g) = self.gap.as_mut() {
            let max = report.gap_text_lines.saturating_sub(report.gap_text_height);
            g.text_scroll = g.text_scroll.min(max);
        }
    }

    /// The skill under the cursor, with its position in the catalog.
    pub fn selected_skill(&self) -> Option<(usize, &Skill)> {
        let index = *self.catalog.profile(self.role).get(self.skill)?;
        Some((index, self.catalog.skills.get(index)?))
    }

    /// Selects a skill by its position in the catalog, when it is in the
    /// current role's profile.
    pub fn select_skill_index(&mut self, index: usize) -> bool {
        match self
            .catalog
            .profile(self.role)
            .iter()
            .position(|&i| i == index)
        {
            Some(pos) => {
                self.set_skill(pos);
                true
            }
            None => false,
        }
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.size, self.catalog.roles.len())
    }

    pub(crate) fn rebuild_rows(&mut self) {
        self.rows.clear();
        let mut domain = None;
        for (pos, &i) in self.catalog.profile(self.role).iter().enumerate() {
            let d = self.catalog.skills[i].domain;
            if domain != Some(d) {
                self.rows.push(SkillRow::Heading(d));
                domain = Some(d);
            }
            self.rows.push(SkillRow::Skill(pos));
        }
    }

    /// Row of the skills pane that holds the cursor.
    pub fn cursor_row(&self) -> usize {
        self.rows
            .iter()
            .position(|r| *r == SkillRow::Skill(self.skill))
            .unwrap_or(0)
    }

    pub fn set_role(&mut self, role: usize) {
        let role = role.min(self.catalog.roles.len().saturating_sub(1));
        if role == self.role && !self.rows.is_empty() {
            return;
        }
        let keep = self.selected_skill().map(|(i, _)| i);
        self.role = role;
        self.rebuild_rows();
        self.skill = 0;
        self.skills_offset = 0;
        if let Some(i) = keep {
            self.select_skill_index(i);
        }
        self.detail_scroll = 0;
        self.keep_visible();
    }

    pub fn set_level(&mut self, level: usize) {
        let level = level.min(self.catalog.levels.len().saturating_sub(1));
        if level != self.level {
            self.level = level;
            self.detail_scroll = 0;
        }
    }

    pub fn set_skill(&mut self, pos: usize) {
        let pos = pos.min(self.catalog.profile(self.role).len().saturating_sub(1));
        if pos != self.skill {
            self.skill = pos;
            self.detail_scroll = 0;
        }
        self.keep_visible();
    }

    /// Moves to another level, when there is one; the profile's row
    /// follows.
    pub(crate) fn change_level(&mut self, level: Option<usize>) {
        let Some(level) = level else { return };
        if level >= self.catalog.levels.len() {
            return;
        }
        self.set_level(level);
        if self.screen == Screen::Profile {
            self.profile_follow_level(level);
        }
    }

    /// The catalog files are invalid (a reload, or the load behind the
    /// first frame, failed): the banner says so, in place of a "gone" one.
    fn catalog_invalid(&mut self, first: String, count: usize) {
        self.catalog_gone = None;
        self.reload_error = Some((first, count));
    }

    /// Swaps in a new catalog, keeping the role, level, skill, target
    /// level and scroll where their ids still exist; review marks (kept by
    /// skill id) stay.
    fn replace_catalog(&mut self, catalog: Arc<Catalog>, effects: &mut Vec<Effect>) {
        let old = Arc::clone(&self.catalog);
        let role = old.roles.get(self.role).map(|r| r.id.clone());
        let level = old.levels.get(self.level).map(|l| l.id.clone());
        let skill = self.selected_skill().map(|(_, s)| s.id.clone());
        let target = self
            .gap
            .as_ref()
            .and_then(|g| old.levels.get(g.gap.to))
            .map(|l| l.id.clone());
        let (scroll, skills_offset) = (self.detail_scroll, self.skills_offset);
        let compared = self
            .compare
            .other
            .and_then(|r| old.roles.get(r))
            .map(|r| r.id.clone());
        self.catalog = catalog;
        self.reload_error = None;
        self.texts_failed = None;
        self.catalog_gone = None;
        let c = Arc::clone(&self.catalog);
        self.role = role
            .and_then(|id| c.role_index(&id))
            .unwrap_or(0)
            .min(c.roles.len().saturating_sub(1));
        self.level = level
            .and_then(|id| c.level_index(&id))
            .unwrap_or(self.level)
            .min(c.levels.len().saturating_sub(1));
        self.rebuild_rows();
        let pos = skill
            .and_then(|id| c.skill_index(&id))
            .and_then(|i| c.profile(self.role).iter().position(|&p| p == i));
        self.skill = pos.unwrap_or(self.skill.min(c.profile(self.role).len().saturating_sub(1)));
        self.skills_offset = skills_offset;
        // The next frame's report pulls the scroll back within the new text.
        self.detail_scroll = if pos.is_some() { scroll } else { 0 };
        // The role compared with, by id: gone (or the selected one now)
        // goes back to choosing.
        self.compare.other = compared
            .and_then(|id| c.role_index(&id))
            .filter(|&r| r != self.role);
        self.compare.cursor = 0;
        self.profile.row = self.profile.row.min(self.profile_rows().saturating_sub(1));
        self.profile.expanded = false;
        if self.gap.is_some() {
            let to = target
                .and_then(|id| c.level_index(&id))
                .unwrap_or(self.level + 1);
            self.rebuild_gap(to);
        }
        // Results point into the old catalog: drop them, and ask again when
        // the search box is open (the index is rebuilt for the new one).
        self.search.results = None;
        self.search.cursor = 0;
        if self.screen == Screen::Search {
            effects.push(self.query_changed());
        }
        self.keep_visible();
    }

    /// Keeps the selected role and skill inside their panes' visible rows,
    /// and the open screen's cursor inside its list.
    pub(crate) fn keep_visible(&mut self) {
        self.keep_panes_visible();
        match self.screen {
            Screen::Profile => self.keep_profile_visible(),
            Screen::Search => self.keep_search_visible(),
            Screen::Browse | Screen::Gap | Screen::Help | Screen::Compare => {}
        }
    }
}

/// The app over the embedded catalog in a 120×40 terminal, for unit tests.
#[cfg(test)]
pub(crate) fn test_app() -> App {
    let catalog = crate::catalog::load_embedded().map(|l| l.catalog);
    let mut app = App::new(catalog.unwrap_or_default());
    app.update(Action::Resize(120, 40));
    app
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        test_app()
    }

    #[test]
    fn levels_move_and_clamp() {
        let mut a = app();
        a.update(Action::Run(Command::LevelPrev));
        assert_eq!(a.level, 0, "already at the lowest level");
        a.update(Action::Run(Command::LevelNext));
        assert_eq!(a.level, 1);
        a.update(Action::LevelJump(4));
        assert_eq!(a.level, 4);
        a.update(Action::Run(Command::LevelNext));
        assert_eq!(a.level, 4);
        a.update(Action::LevelJump(8));
        assert_eq!(a.level, 4, "no ninth level");
    }

    #[test]
    fn help_toggles_and_quit_quits() {
        let mut a = app();
        a.update(Action::Run(Command::Help));
        assert_eq!(a.screen, Screen::Help);
        a.update(Action::Run(Command::Help));
        assert_eq!(a.screen, Screen::Browse);
        assert_eq!(a.update(Action::Run(Command::Quit)), vec![Effect::Quit]);
    }

    #[test]
    fn a_message_stays_until_the_next_key() {
        let mut a = app();
        a.notify("saved".into());
        a.update(Action::Resize(100, 30));
        assert_eq!(a.status.as_deref(), Some("saved"));
        a.update(Action::Run(Command::Down));
        assert_eq!(a.status, None);
    }

    #[test]
    fn the_frame_report_bounds_scrolling() {
        let mut a = app();
        a.focus = Focus::Detail;
        a.observe(FrameReport {
            detail_lines: 30,
            detail_height: 10,
            help_lines: 5,
            ..FrameReport::default()
        });
        a.update(Action::Run(Command::End));
        assert_eq!(a.detail_scroll, 20);
        a.observe(FrameReport {
            detail_lines: 15,
            detail_height: 10,
            help_lines: 5,
            ..FrameReport::default()
        });
        assert_eq!(a.detail_scroll, 5, "a wider pane: pulled back");
    }

    #[test]
    fn tiny_terminals_do_not_break_updates() {
        let mut a = app();
        a.update(Action::Resize(0, 0));
        for action in [
            Action::Run(Command::Down),
            Action::Run(Command::PageDown),
            Action::Run(Command::End),
            Action::Click(0, 0),
            Action::ScrollDown(0, 0),
            Action::Run(Command::Open),
        ] {
            a.update(action);
        }
        a.update(Action::Resize(120, 40));
        assert!(a.selected_skill().is_some());
    }
}
