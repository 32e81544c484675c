//! The search screen: the query and its scope, the results the search
//! worker sends back, and previewing the selected result on the main
//! screen.

use super::{Screen, offset, visible_offset};
use crate::search::{Field, Hit, Results, Scope};
use crate::tui::action::{Action, Effect, SearchRequest};
use crate::tui::app::{App, Focus};
use crate::tui::keys::Command;
use crate::tui::layout::{self, RESULT_LINES, Target};

/// State of the search box.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchState {
    /// The query as typed (the input's text).
    pub query: String,
    /// The input line: the same editor as notes, on one line.
    pub input: crate::tui::editor::Editor,
    pub scope: Scope,
    /// Every matching cell is listed (`Ctrl-T`), not each skill's best
    /// match.
    pub all_cells: bool,
    /// Bumped on every change of query, scope or listing.
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

/// Longest search query, in characters. Each key searches again and draws
/// the box, at a cost that grows with the query: a 100 KB paste typed key
/// by key (a terminal without bracketed paste) would otherwise take
/// minutes. No skill text needs a longer query.
pub const MAX_QUERY_CHARS: usize = 1_000;

impl App {
    pub(crate) fn open_search(&mut self, effects: &mut Vec<Effect>) {
        if self.screen == Screen::Search {
            return;
        }
        self.screen = Screen::Search;
        self.search.saved = (self.role, self.level, self.skill, self.focus as usize);
        if let Scope::Role(_) = self.search.scope {
            self.search.scope = Scope::Role(self.role);
        }
        // Reopening shows the last query again, selected for editing.
        effects.push(self.query_changed());
    }

    pub(crate) fn update_search(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            // Typing takes `accept`, `cancel` and the `result_*` commands;
            // `open`, `back` and plain movement mean the same to callers that
            // are not keys.
            Action::Run(Command::Cancel | Command::Back) => self.close_search(false),
            Action::Run(Command::Accept | Command::Open) => self.close_search(true),
            Action::Run(Command::LevelPrev) => self.change_level(self.level.checked_sub(1)),
            Action::Run(Command::LevelNext) => {
                self.change_level(Some(self.level.saturating_add(1)))
            }
            Action::LevelJump(l) => self.change_level(Some(l)),
            Action::Run(Command::ResultPrev | Command::Up) | Action::ScrollUp(..) => {
                self.search_step(-1);
            }
            Action::Run(Command::ResultNext | Command::Down) | Action::ScrollDown(..) => {
                self.search_step(1);
            }
            Action::Run(Command::ResultPageUp | Command::PageUp) => {
                self.search_step(-self.search_page());
            }
            Action::Run(Command::ResultPageDown | Command::PageDown) => {
                self.search_step(self.search_page());
            }
            Action::Run(Command::Home) => self.search_step(isize::MIN / 2),
            Action::Run(Command::End) => self.search_step(isize::MAX / 2),
            Action::Click(x, y) => self.search_click(x, y),
            Action::Type(c) if !c.is_control() => {
                if self.query_room() > 0 {
                    self.search.input.type_char(c);
                    effects.push(self.query_changed());
                } else {
                    self.query_full();
                }
            }
            Action::Paste(text) => {
                // One line, no control characters: a paste cannot smuggle
                // escape sequences or newlines into the box.
                let clean = crate::catalog::clean(&text, true).text;
                let room = self.query_room();
                let mut chars = clean.chars();
                let kept: String = chars.by_ref().take(room).collect();
                if chars.next().is_some() {
                    self.query_full();
                }
                if !kept.is_empty() && self.search.input.paste(&kept) {
                    effects.push(self.query_changed());
                }
            }
            Action::Run(Command::ClearQuery) if !self.search.query.is_empty() => {
                self.search.input = crate::tui::editor::Editor::line("");
                effects.push(self.query_changed());
            }
            ref other if super::gap::edit_of(other).is_some() => {
                if let Some(edit) = super::gap::edit_of(other)
                    && self.search.input.apply(edit)
                {
                    effects.push(self.query_changed());
                }
            }
            Action::Run(Command::SearchScope) => {
                self.search.scope = match self.search.scope {
                    Scope::AllRoles => Scope::Role(self.search.saved.0),
                    Scope::Role(_) => Scope::AllRoles,
                };
                effects.push(self.query_changed());
            }
            Action::Run(Command::SearchCells) => {
                self.search.all_cells = !self.search.all_cells;
                effects.push(self.query_changed());
            }
            _ => {}
        }
    }

    /// Results from the worker: shown only when they answer the current
    /// query, never an older one.
    pub(crate) fn search_results(&mut self, generation: u64, results: Results) {
        if self.screen == Screen::Search && generation == self.search.generation {
            self.search.results = Some(results);
            self.search.cursor = 0;
            self.search.offset = 0;
            self.keep_search_visible();
            self.preview_hit();
        }
    }

    /// A new query or scope: forget the old results and ask for new ones.
    /// How many more characters the query may take (see
    /// [`MAX_QUERY_CHARS`]).
    fn query_room(&self) -> usize {
        MAX_QUERY_CHARS.saturating_sub(self.search.query.chars().count())
    }

    /// Says that the query is full and what was typed or pasted was cut.
    fn query_full(&mut self) {
        self.status = Some(crate::i18n::fill(
            self.t().status_query_full,
            &[("max", &MAX_QUERY_CHARS.to_string())],
        ));
    }

    pub(crate) fn query_changed(&mut self) -> Effect {
        self.search.query = self.search.input.text();
        self.search.generation += 1;
        self.search.results = None;
        self.search.cursor = 0;
        self.search.offset = 0;
        Effect::Search(SearchRequest {
            generation: self.search.generation,
            query: self.search.query.clone(),
            scope: self.search.scope,
            all_cells: self.search.all_cells,
        })
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
        self.screen = Screen::Browse;
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

    fn search_page(&self) -> isize {
        if self.areas().is_none() {
            return 1;
        }
        let height = u16::try_from(layout::visible_results(self.size))
            .unwrap_or(1)
            .saturating_add(1);
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn search_step(&mut self, delta: isize) {
        let n = self.search.results.as_ref().map_or(0, |r| r.hits.len());
        if n == 0 {
            return;
        }
        self.search.cursor = offset(self.search.cursor, delta, n - 1);
        self.keep_search_visible();
        self.preview_hit();
    }

    fn search_click(&mut self, x: u16, y: u16) {
        let roles = self.catalog.roles.len();
        match layout::hit_test(self.size, roles, Screen::Search, x, y) {
            Some(Target::SearchLine(line)) => {
                let index = self.search.offset + line / usize::from(RESULT_LINES);
                let n = self.search.results.as_ref().map_or(0, |r| r.hits.len());
                if index < n {
                    if index == self.search.cursor {
                        self.close_search(true);
                    } else {
                        self.search.cursor = index;
                        self.preview_hit();
                    }
                }
            }
            Some(Target::Elsewhere) => self.close_search(false),
            _ => {}
        }
    }

    pub(crate) fn keep_search_visible(&mut self) {
        let height = layout::visible_results(self.size).max(1);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    fn searching() -> App {
        let mut a = App::new(load_embedded().unwrap().catalog);
        a.update(Action::Resize(120, 40));
        a.update(Action::Run(Command::Search));
        a
    }

    #[test]
    fn a_query_is_capped_with_a_message_typed_or_pasted() {
        let mut a = searching();
        let mut searches = 0;
        for _ in 0..MAX_QUERY_CHARS + 500 {
            searches += a.update(Action::Type('x')).len();
        }
        assert_eq!(a.search.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(
            searches, MAX_QUERY_CHARS,
            "keys past the cap search nothing"
        );
        assert_eq!(
            a.status.as_deref(),
            Some("A search query holds at most 1000 characters; the rest was not added.")
        );

        let mut a = searching();
        let effects = a.update(Action::Paste("初".repeat(100_000)));
        assert_eq!(effects.len(), 1);
        assert_eq!(a.search.query, "初".repeat(MAX_QUERY_CHARS));
        assert!(a.status.is_some());
        // Room left is filled, then the rest refused.
        let mut a = searching();
        a.update(Action::Paste("y".repeat(MAX_QUERY_CHARS - 2)));
        assert!(a.status.is_none());
        a.update(Action::Paste("abcd".into()));
        assert!(
            a.search.query.ends_with("yab"),
            "{}",
            &a.search.query[990..]
        );
        assert!(a.status.is_some());
    }
}
