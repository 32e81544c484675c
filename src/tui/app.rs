//! The explorer's state and every change to it: `App::update(Action)`.
//!
//! No I/O and no drawing happen here. Geometry that a change depends on (how
//! many rows a pane shows, where a click landed) comes from the same pure
//! layout functions the renderer uses, so state and screen always agree.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::gap_view::{GapView, ReviewState};
use super::layout::{self, Areas};
use super::theme::Theme;
use super::ui;
use crate::catalog::{Catalog, Date, Skill};
use crate::search::{Field, Hit, Results, Scope};

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Roles,
    Skills,
    Detail,
}

/// What is drawn over the main screen, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    /// The full skill profile: all levels × all roles.
    Profile,
    /// The search box and its results.
    Search,
    /// The promotion gap and its assessment.
    Gap,
}

/// A query for the search worker; its results come back tagged with the
/// same generation, and any other generation is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
    pub scope: Scope,
}

/// State of the search box.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchState {
    pub query: String,
    pub scope: Scope,
    /// Bumped on every change of query or scope.
    pub generation: u64,
    /// Results for the current generation; `None` while they are computed.
    pub results: Option<Results>,
    /// Selected result.
    pub cursor: usize,
    /// First visible result.
    pub offset: usize,
    /// Role, level, skill and focus before the search opened, restored by
    /// `Esc`.
    pub saved: (usize, usize, usize, usize),
}

/// A row of the skills pane: a domain heading, or a skill given by its
/// position in the role's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillRow {
    Heading(usize),
    Skill(usize),
}

/// State of the full skill profile view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProfileState {
    /// Selected row: `level * roles + role`.
    pub row: usize,
    /// First visible row.
    pub offset: usize,
    /// The selected row's whole text is shown in a popup.
    pub expanded: bool,
}

/// Everything the explorer shows, and where the user is in it.
#[derive(Debug, Clone)]
pub struct App {
    pub catalog: Arc<Catalog>,
    pub theme: Theme,
    pub role: usize,
    pub level: usize,
    /// Selected skill, as a position in the role's profile.
    pub skill: usize,
    pub focus: Focus,
    pub overlay: Overlay,
    /// Rows of the skills pane for the current role.
    pub rows: Vec<SkillRow>,
    pub roles_offset: usize,
    pub skills_offset: usize,
    pub detail_scroll: usize,
    pub help_scroll: usize,
    pub profile: ProfileState,
    pub search: SearchState,
    /// A query waiting to be handed to the search worker.
    pub outbox: Option<SearchRequest>,
    /// The gap view, while open.
    pub gap: Option<GapView>,
    /// The review assessed in the gap view.
    pub review: Option<ReviewState>,
    /// Set when the review changed and must be saved by the event loop.
    pub save_requested: bool,
    /// Set when the review must be exported as Markdown by the event loop.
    pub export_requested: bool,
    /// Bumped on every change of the review or the note editor, so such
    /// changes count as visible.
    pub review_version: u64,
    /// A message for the status line, until the next key.
    pub status: Option<String>,
    /// Today's date, given at start (the app itself reads no clock).
    pub today: Date,
    /// The overlay the help covers, to return to when it closes.
    pub help_return: Overlay,
    /// The language of the interface.
    pub lang: crate::i18n::Lang,
    /// Which key runs which action.
    pub bindings: super::bindings::Bindings,
    /// The first problem of catalog files that changed on disk and are not
    /// valid, and how many problems there are; shown until they are fixed.
    pub reload_error: Option<(String, usize)>,
    /// The terminal's size, as last reported.
    pub size: Rect,
    pub should_quit: bool,
}

impl App {
    pub fn new(catalog: impl Into<Arc<Catalog>>) -> Self {
        let mut app = App {
            catalog: catalog.into(),
            theme: Theme::default(),
            role: 0,
            level: 0,
            skill: 0,
            focus: Focus::Skills,
            overlay: Overlay::None,
            rows: Vec::new(),
            roles_offset: 0,
            skills_offset: 0,
            detail_scroll: 0,
            help_scroll: 0,
            profile: ProfileState::default(),
            search: SearchState::default(),
            outbox: None,
            gap: None,
            review: None,
            save_requested: false,
            export_requested: false,
            review_version: 0,
            status: None,
            today: Date {
                year: 1970,
                month: 1,
                day: 1,
            },
            help_return: Overlay::None,
            lang: crate::i18n::Lang::En,
            bindings: super::bindings::Bindings::default(),
            reload_error: None,
            size: Rect::default(),
            should_quit: false,
        };
        app.rebuild_rows();
        app
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

    fn rebuild_rows(&mut self) {
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

    /// Applies one action. Returns true when anything visible changed, so
    /// the caller redraws only then.
    pub fn update(&mut self, action: Action) -> bool {
        let before = self.snapshot();
        let had_status = self.status.is_some();
        if !matches!(
            action,
            Action::Notify(_) | Action::SearchResults(..) | Action::Resize(..)
        ) {
            self.status = None;
        }
        if self.overlay == Overlay::Gap && self.gap_action(&action) {
            return true;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => {
                if self.overlay == Overlay::Help {
                    self.overlay = self.help_return;
                } else {
                    self.help_return = self.overlay;
                    self.overlay = Overlay::Help;
                }
                self.help_scroll = 0;
            }
            Action::GapToggle => match self.overlay {
                Overlay::None | Overlay::Profile => self.open_gap(),
                _ => {}
            },
            Action::Notify(message) => self.status = Some(message),
            Action::CatalogReloaded(new) => {
                self.replace_catalog(new.0);
                return true;
            }
            Action::CatalogInvalid { first, count } => {
                self.reload_error = Some((first, count));
                return true;
            }
            Action::TargetPrev
            | Action::TargetNext
            | Action::SetMark(_)
            | Action::CycleMark
            | Action::NoteEdit
            | Action::NoteInput(_)
            | Action::NotePaste(_)
            | Action::NoteBackspace
            | Action::Export => {}
            Action::Back => match self.overlay {
                Overlay::Search => self.close_search(false),
                Overlay::Gap => {}
                Overlay::Help => self.overlay = self.help_return,
                Overlay::Profile if self.profile.expanded => self.profile.expanded = false,
                Overlay::Profile => self.overlay = Overlay::None,
                Overlay::None => {}
            },
            Action::FocusNext if self.overlay == Overlay::None => {
                self.focus = match self.focus {
                    Focus::Roles => Focus::Skills,
                    Focus::Skills => Focus::Detail,
                    Focus::Detail => Focus::Roles,
                }
            }
            Action::FocusPrev if self.overlay == Overlay::None => {
                self.focus = match self.focus {
                    Focus::Roles => Focus::Detail,
                    Focus::Skills => Focus::Roles,
                    Focus::Detail => Focus::Skills,
                }
            }
            Action::FocusNext | Action::FocusPrev => {}
            Action::LevelPrev => self.change_level(self.level.checked_sub(1)),
            Action::LevelNext => self.change_level(Some(self.level.saturating_add(1))),
            Action::LevelJump(l) => {
                if l < self.catalog.levels.len() {
                    self.change_level(Some(l));
                }
            }
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-self.page()),
            Action::PageDown => self.step(self.page()),
            Action::Home => self.step(isize::MIN / 2),
            Action::End => self.step(isize::MAX / 2),
            Action::Open => self.open(),
            Action::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.keep_visible();
                // A wider pane holds more of the detail: pull the scroll back
                // within it. (Only here and when scrolling; rendering clamps
                // too, so other changes need not build the pane to know.)
                self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
            }
            Action::Click(x, y) => self.click(x, y),
            Action::ScrollUp(x, y) => self.wheel(x, y, -1),
            Action::ScrollDown(x, y) => self.wheel(x, y, 1),
            Action::SearchOpen => self.open_search(),
            Action::SearchInput(c) => {
                if !c.is_control() {
                    self.search.query.push(c);
                    self.query_changed();
                }
            }
            Action::SearchPaste(text) => {
                // One line, no control characters: a paste cannot smuggle
                // escape sequences or newlines into the box.
                let clean = crate::catalog::clean(&text, true).text;
                if !clean.is_empty() {
                    self.search.query.push_str(&clean);
                    self.query_changed();
                }
            }
            Action::SearchBackspace => {
                if self.search.query.pop().is_some() {
                    self.query_changed();
                }
            }
            Action::SearchDeleteWord => {
                let q = self.search.query.trim_end();
                let cut = q.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                if cut != self.search.query.len() {
                    self.search.query.truncate(cut);
                    self.query_changed();
                }
            }
            Action::SearchClear => {
                if !self.search.query.is_empty() {
                    self.search.query.clear();
                    self.query_changed();
                }
            }
            Action::SearchScope => {
                self.search.scope = match self.search.scope {
                    Scope::AllRoles => Scope::Role(self.search.saved.0),
                    Scope::Role(_) => Scope::AllRoles,
                };
                self.query_changed();
            }
            Action::SearchResults(generation, results) => {
                // Results of an older query are never shown for a newer one.
                if self.overlay == Overlay::Search && generation == self.search.generation {
                    self.search.results = Some(results);
                    self.search.cursor = 0;
                    self.search.offset = 0;
                    self.keep_search_visible();
                    self.preview_hit();
                    return true;
                }
                return false;
            }
        }
        self.snapshot() != before || had_status != self.status.is_some()
    }

    /// Swaps in a new catalog, keeping the role, level, skill, target
    /// level and scroll where their ids still exist; review marks (kept by
    /// skill id) stay.
    pub fn replace_catalog(&mut self, catalog: Arc<Catalog>) {
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
        self.catalog = catalog;
        self.reload_error = None;
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
        self.detail_scroll = if pos.is_some() { scroll } else { 0 };
        self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
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
        if self.overlay == Overlay::Search {
            self.query_changed();
        }
        self.keep_visible();
    }

    fn open_search(&mut self) {
        if self.overlay == Overlay::Search {
            return;
        }
        self.overlay = Overlay::Search;
        self.search.saved = (self.role, self.level, self.skill, self.focus as usize);
        if let Scope::Role(_) = self.search.scope {
            self.search.scope = Scope::Role(self.role);
        }
        // Reopening shows the last query again, selected for editing.
        self.query_changed();
    }

    /// A new query or scope: forget the old results and ask for new ones.
    fn query_changed(&mut self) {
        self.search.generation += 1;
        self.search.results = None;
        self.search.cursor = 0;
        self.search.offset = 0;
        self.outbox = Some(SearchRequest {
            generation: self.search.generation,
            query: self.search.query.clone(),
            scope: self.search.scope,
        });
    }

    /// The selected search result, if any.
    pub fn search_hit(&self) -> Option<&Hit> {
        self.search.results.as_ref()?.hits.get(self.search.cursor)
    }

    /// Shows the selected result on the main screen: its skill and, for a
    /// text match, the role and level whose text matched.
    fn preview_hit(&mut self) {
        let Some((index, field)) = self.search_hit().map(|h| (h.skill, h.field)) else {
            return;
        };
        let Some(skill) = self.catalog.skills.get(index) else {
            return;
        };
        let role = match field {
            Field::Text { role, .. } => role,
            _ if skill.in_role(self.role) => self.role,
            _ => (0..self.catalog.roles.len())
                .find(|&r| skill.in_role(r))
                .unwrap_or(self.role),
        };
        self.set_role(role);
        if let Field::Text { level, .. } = field {
            self.set_level(level);
        }
        self.select_skill_index(index);
    }

    fn close_search(&mut self, accept: bool) {
        self.overlay = Overlay::None;
        self.outbox = None;
        if accept {
            self.preview_hit();
            self.focus = Focus::Skills;
        } else {
            let (role, level, skill, focus) = self.search.saved;
            self.set_role(role);
            self.set_level(level);
            self.set_skill(skill);
            self.focus = match focus {
                0 => Focus::Roles,
                2 => Focus::Detail,
                _ => Focus::Skills,
            };
        }
    }

    /// The parts of the state that show on screen (the catalog aside, which
    /// actions do not change).
    fn snapshot(&self) -> [usize; 21] {
        [
            self.role,
            self.level,
            self.skill,
            self.focus as usize,
            self.overlay as usize,
            self.roles_offset,
            self.skills_offset,
            self.detail_scroll,
            self.help_scroll,
            self.profile.row,
            self.profile.offset,
            usize::from(self.profile.expanded),
            usize::from(self.size.width) << 16 | usize::from(self.size.height),
            usize::from(self.should_quit),
            self.search.cursor,
            self.search.offset,
            usize::try_from(self.search.generation).unwrap_or(usize::MAX),
            usize::try_from(self.review_version).unwrap_or(usize::MAX),
            self.gap.as_ref().map_or(usize::MAX, |g| g.cursor),
            self.gap.as_ref().map_or(usize::MAX, |g| g.offset),
            self.gap.as_ref().map_or(usize::MAX, |g| g.gap.to),
        ]
    }

    fn change_level(&mut self, level: Option<usize>) {
        let Some(level) = level else { return };
        if level >= self.catalog.levels.len() {
            return;
        }
        self.set_level(level);
        if self.overlay == Overlay::Profile {
            let roles = self.catalog.roles.len().max(1);
            self.profile.row = level * roles + self.profile.row % roles;
            self.profile.expanded = false;
            self.keep_profile_visible();
        }
    }

    /// Rows a page moves in the focused pane.
    fn page(&self) -> isize {
        let height = match (self.overlay, self.areas()) {
            (Overlay::Profile, Some(a)) => ui::profile::table_area(a.main).height,
            (Overlay::Search, Some(_)) => ui::search::visible_results(self.size)
                .try_into()
                .unwrap_or(1u16)
                .saturating_add(1),
            (_, Some(a)) => match self.focus {
                Focus::Roles => layout::inner(a.roles).height,
                Focus::Skills => layout::inner(a.skills).height,
                Focus::Detail => layout::inner(a.detail).height,
            },
            (_, None) => 1,
        };
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the cursor (or scroll) of whatever has the keys by `delta`.
    fn step(&mut self, delta: isize) {
        match self.overlay {
            Overlay::Gap => self.gap_step(delta),
            Overlay::Search => {
                let n = self.search.results.as_ref().map_or(0, |r| r.hits.len());
                if n == 0 {
                    return;
                }
                self.search.cursor = offset(self.search.cursor, delta, n - 1);
                self.keep_search_visible();
                self.preview_hit();
            }
            Overlay::Help => {
                let max = ui::help::lines(self).len();
                self.help_scroll = offset(self.help_scroll, delta, max.saturating_sub(1));
            }
            Overlay::Profile => {
                if self.profile.expanded {
                    return;
                }
                let rows = self.profile_rows();
                self.profile.row = offset(self.profile.row, delta, rows.saturating_sub(1));
                let roles = self.catalog.roles.len().max(1);
                self.set_level(self.profile.row / roles);
                self.keep_profile_visible();
            }
            Overlay::None => match self.focus {
                Focus::Roles => {
                    let last = self.catalog.roles.len().saturating_sub(1);
                    self.set_role(offset(self.role, delta, last));
                }
                Focus::Skills => {
                    let last = self.catalog.profile(self.role).len().saturating_sub(1);
                    self.set_skill(offset(self.skill, delta, last));
                }
                Focus::Detail => {
                    self.detail_scroll =
                        offset(self.detail_scroll, delta, self.max_detail_scroll());
                }
            },
        }
    }

    fn max_detail_scroll(&self) -> usize {
        let Some(a) = self.areas() else { return 0 };
        let inner = layout::inner(a.detail);
        let lines = ui::detail::content(self, usize::from(inner.width)).len();
        lines.saturating_sub(usize::from(inner.height))
    }

    pub fn profile_rows(&self) -> usize {
        self.catalog.levels.len() * self.catalog.roles.len()
    }

    fn open(&mut self) {
        match self.overlay {
            Overlay::Help | Overlay::Gap => {}
            Overlay::Search => self.close_search(true),
            Overlay::Profile => self.profile.expanded = !self.profile.expanded,
            Overlay::None => match self.focus {
                Focus::Roles => self.focus = Focus::Skills,
                Focus::Skills | Focus::Detail => self.open_profile(),
            },
        }
    }

    fn open_profile(&mut self) {
        if self.selected_skill().is_none() {
            return;
        }
        self.overlay = Overlay::Profile;
        self.profile = ProfileState {
            row: self.level * self.catalog.roles.len() + self.role,
            offset: 0,
            expanded: false,
        };
        self.keep_profile_visible();
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some(a) = self.areas() else { return };
        match self.overlay {
            Overlay::Gap => {
                let list = ui::gap::list_area(self.size);
                if let Some(g) = self.gap.as_mut().filter(|_| layout::contains(list, x, y)) {
                    let index = g.offset + usize::from(y - list.y);
                    if index < g.gap.items.len() {
                        g.cursor = index;
                    }
                }
            }
            Overlay::Search => {
                let list = ui::search::list_area(self.size);
                if layout::contains(list, x, y) {
                    let index = self.search.offset + usize::from(y - list.y) / 2;
                    let n = self.search.results.as_ref().map_or(0, |r| r.hits.len());
                    if index < n {
                        if index == self.search.cursor {
                            self.close_search(true);
                        } else {
                            self.search.cursor = index;
                            self.preview_hit();
                        }
                    }
                } else if !layout::contains(ui::search::popup(self.size), x, y) {
                    self.close_search(false);
                }
            }
            Overlay::Help => self.overlay = Overlay::None,
            Overlay::Profile => {
                if self.profile.expanded {
                    self.profile.expanded = false;
                    return;
                }
                let table = ui::profile::table_area(a.main);
                if layout::contains(table, x, y) {
                    let row = self.profile.offset + usize::from(y - table.y);
                    if row < self.profile_rows() {
                        if row == self.profile.row {
                            self.profile.expanded = true;
                        } else {
                            self.profile.row = row;
                            let roles = self.catalog.roles.len().max(1);
                            self.set_level(row / roles);
                        }
                    }
                }
            }
            Overlay::None => {
                if layout::contains(a.slider, x, y) {
                    let segments = ui::level_slider::segments(self, layout::inner(a.slider).width);
                    let inner = layout::inner(a.slider);
                    let dx = x.saturating_sub(inner.x);
                    if let Some(s) = segments.iter().find(|s| dx >= s.x && dx < s.x + s.width) {
                        match (s.level, s.step) {
                            (Some(level), _) => self.set_level(level),
                            (None, step) if step < 0 => {
                                self.change_level(self.level.checked_sub(1));
                            }
                            (None, step) if step > 0 => self.change_level(Some(self.level + 1)),
                            _ => {} // a separator
                        }
                    }
                } else if layout::contains(a.roles, x, y) {
                    self.focus = Focus::Roles;
                    let inner = layout::inner(a.roles);
                    if layout::contains(inner, x, y) {
                        let role = self.roles_offset + usize::from(y - inner.y);
                        if role < self.catalog.roles.len() {
                            self.set_role(role);
                        }
                    }
                } else if layout::contains(a.skills, x, y) {
                    self.focus = Focus::Skills;
                    let inner = layout::inner(a.skills);
                    if layout::contains(inner, x, y) {
                        let row = self.skills_offset + usize::from(y - inner.y);
                        if let Some(SkillRow::Skill(pos)) = self.rows.get(row) {
                            self.set_skill(*pos);
                        }
                    }
                } else if layout::contains(a.detail, x, y) {
                    self.focus = Focus::Detail;
                }
            }
        }
    }

    fn wheel(&mut self, x: u16, y: u16, delta: isize) {
        let Some(a) = self.areas() else { return };
        match self.overlay {
            Overlay::Help | Overlay::Profile | Overlay::Search | Overlay::Gap => self.step(delta),
            Overlay::None => {
                if layout::contains(a.roles, x, y) {
                    let last = self.catalog.roles.len().saturating_sub(1);
                    self.set_role(offset(self.role, delta, last));
                } else if layout::contains(a.skills, x, y) {
                    let last = self.catalog.profile(self.role).len().saturating_sub(1);
                    self.set_skill(offset(self.skill, delta, last));
                } else if layout::contains(a.detail, x, y) {
                    self.detail_scroll =
                        offset(self.detail_scroll, delta * 3, self.max_detail_scroll());
                } else if layout::contains(a.slider, x, y) {
                    self.change_level(if delta < 0 {
                        self.level.checked_sub(1)
                    } else {
                        Some(self.level + 1)
                    });
                }
            }
        }
    }

    /// Keeps the selected role and skill inside their panes' visible rows,
    /// and the detail scroll within its content.
    fn keep_visible(&mut self) {
        let Some(a) = self.areas() else { return };
        let height = usize::from(layout::inner(a.roles).height).max(1);
        self.roles_offset = visible_offset(
            self.roles_offset,
            self.role,
            height,
            self.catalog.roles.len(),
        );
        let height = usize::from(layout::inner(a.skills).height).max(1);
        let row = self.cursor_row();
        // Show the domain heading above the first skill of a group.
        let want = if row > 0 && matches!(self.rows.get(row - 1), Some(SkillRow::Heading(_))) {
            row - 1
        } else {
            row
        };
        let mut off = visible_offset(self.skills_offset, row, height, self.rows.len());
        if want < off {
            off = want;
        }
        self.skills_offset = off;
        if self.overlay == Overlay::Profile {
            self.keep_profile_visible();
        }
        if self.overlay == Overlay::Search {
            self.keep_search_visible();
        }
    }

    fn keep_search_visible(&mut self) {
        let height = ui::search::visible_results(self.size).max(1);
        let n = self.search.results.as_ref().map_or(0, |r| r.hits.len());
        self.search.offset = visible_offset(self.search.offset, self.search.cursor, height, n);
        // Make what the visible results show (snippets beyond the first
        // ones are made on demand), once per move rather than every frame.
        let (offset, query) = (
            self.search.offset,
            crate::search::query_words(&self.search.query),
        );
        if let Some(results) = self.search.results.as_mut() {
            for hit in results.hits.iter_mut().skip(offset).take(height) {
                crate::search::fill_shown(&self.catalog, hit, &query);
            }
        }
    }

    fn keep_profile_visible(&mut self) {
        let Some(a) = self.areas() else { return };
        let height = usize::from(ui::profile::table_area(a.main).height).max(1);
        self.profile.offset = visible_offset(
            self.profile.offset,
            self.profile.row,
            height,
            self.profile_rows(),
        );
    }
}

/// `pos + delta`, clamped to `0..=max`.
pub(super) fn offset(pos: usize, delta: isize, max: usize) -> usize {
    pos.saturating_add_signed(delta).min(max)
}

/// The first visible row so that `cursor` is on screen in a pane of
/// `height` rows over `len` rows, moving the view as little as possible.
pub(super) fn visible_offset(offset: usize, cursor: usize, height: usize, len: usize) -> usize {
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
    use crate::catalog::load_embedded;

    fn app() -> App {
        let mut app = App::new(load_embedded().unwrap().catalog);
        app.update(Action::Resize(120, 40));
        app
    }

    #[test]
    fn offset_clamps() {
        assert_eq!(offset(0, -1, 5), 0);
        assert_eq!(offset(4, 3, 5), 5);
        assert_eq!(offset(2, isize::MIN / 2, 5), 0);
        assert_eq!(visible_offset(0, 10, 5, 20), 6);
        assert_eq!(visible_offset(6, 2, 5, 20), 2);
        assert_eq!(visible_offset(15, 19, 5, 20), 15);
    }

    #[test]
    fn levels_move_and_clamp() {
        let mut a = app();
        assert!(!a.update(Action::LevelPrev), "already at the lowest level");
        assert!(a.update(Action::LevelNext));
        assert_eq!(a.level, 1);
        a.update(Action::LevelJump(4));
        assert_eq!(a.level, 4);
        assert!(!a.update(Action::LevelNext));
        assert!(!a.update(Action::LevelJump(8)), "no ninth level");
        assert_eq!(a.level, 4);
    }

    #[test]
    fn focus_cycles_both_ways() {
        let mut a = app();
        assert_eq!(a.focus, Focus::Skills);
        a.update(Action::FocusNext);
        assert_eq!(a.focus, Focus::Detail);
        a.update(Action::FocusNext);
        assert_eq!(a.focus, Focus::Roles);
        a.update(Action::FocusPrev);
        assert_eq!(a.focus, Focus::Detail);
    }

    #[test]
    fn role_change_keeps_the_skill_when_it_can() {
        let mut a = app();
        let dl = a.catalog.skill_index("deep-learning").unwrap();
        assert!(a.select_skill_index(dl));
        a.update(Action::FocusPrev); // roles
        a.update(Action::Down);
        assert_eq!(a.role, 1);
        assert_eq!(a.selected_skill().map(|(i, _)| i), Some(dl));
    }

    #[test]
    fn skills_cursor_moves_and_scrolls() {
        let mut a = app();
        a.update(Action::Resize(60, 14));
        let n = a.catalog.profile(0).len();
        a.update(Action::End);
        assert_eq!(a.skill, n - 1);
        let height = usize::from(layout::inner(a.areas().unwrap().skills).height);
        let row = a.cursor_row();
        assert!(row >= a.skills_offset && row < a.skills_offset + height);
        a.update(Action::Home);
        assert_eq!(
            (a.skill, a.skills_offset),
            (0, 0),
            "heading above the first skill shows"
        );
    }

    #[test]
    fn profile_opens_and_rows_follow_levels() {
        let mut a = app();
        a.update(Action::LevelJump(2));
        a.update(Action::Open);
        assert_eq!(a.overlay, Overlay::Profile);
        assert_eq!(a.profile.row, 2 * 2);
        a.update(Action::Down);
        assert_eq!((a.profile.row, a.level), (5, 2));
        a.update(Action::Down);
        assert_eq!(a.level, 3, "moving rows moves the level");
        a.update(Action::Open);
        assert!(a.profile.expanded);
        a.update(Action::Back);
        assert!(!a.profile.expanded);
        a.update(Action::Back);
        assert_eq!(a.overlay, Overlay::None);
    }

    #[test]
    fn help_toggles_and_quit_quits() {
        let mut a = app();
        a.update(Action::ToggleHelp);
        assert_eq!(a.overlay, Overlay::Help);
        a.update(Action::ToggleHelp);
        assert_eq!(a.overlay, Overlay::None);
        a.update(Action::Quit);
        assert!(a.should_quit);
    }

    #[test]
    fn clicks_select_roles_skills_and_levels() {
        let mut a = app();
        let areas = a.areas().unwrap();
        let inner = layout::inner(areas.roles);
        a.update(Action::Click(inner.x + 1, inner.y + 1));
        assert_eq!((a.role, a.focus), (1, Focus::Roles));
        let inner = layout::inner(areas.skills);
        a.update(Action::Click(inner.x + 2, inner.y + 2));
        assert_eq!(a.focus, Focus::Skills);
        assert_eq!(a.rows.get(2), Some(&SkillRow::Skill(a.skill)));
        let segs = ui::level_slider::segments(&a, layout::inner(areas.slider).width);
        let last = segs.iter().rev().find(|s| s.level.is_some()).unwrap();
        a.update(Action::Click(
            layout::inner(areas.slider).x + last.x,
            areas.slider.y + 1,
        ));
        assert_eq!(a.level, a.catalog.levels.len() - 1);
    }

    #[test]
    fn tiny_terminals_do_not_break_updates() {
        let mut a = app();
        a.update(Action::Resize(0, 0));
        for action in [
            Action::Down,
            Action::PageDown,
            Action::End,
            Action::Click(0, 0),
            Action::ScrollDown(0, 0),
            Action::Open,
        ] {
            a.update(action);
        }
        a.update(Action::Resize(120, 40));
        assert!(a.selected_skill().is_some());
    }
}
