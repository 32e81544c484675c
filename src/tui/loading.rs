//! The explorer while the catalog's texts load behind its first frame
//! (`catalog::load_partial`): what works at once, what waits for the
//! texts, the texts put in place as they arrive (shard by shard, into the
//! app's own catalog: see `catalog::fill_texts`), and the hand-over when
//! they are all in.
//!
//! Moving through the roles, skills and levels works at once (the lists
//! need only names and necessities; a skill whose texts are not in says
//! so in the detail pane), and so do the search box (its results wait for
//! the index, as they do while it is built) and the help. Anything else
//! (the gap view, the profile, comparing roles) waits: it is kept, with
//! every input after it so that the order holds, and applied the moment
//! the whole catalog is in. Should the load fail (a file broken meanwhile),
//! the banner says why, the explorer goes on with what it has, and what
//! needs the missing texts does nothing, saying so, until the watcher
//! brings a valid catalog.

use std::sync::Arc;

use super::action::{Action, Effect};
use super::app::App;
use super::keys::Command;
use super::screens::Screen;
use crate::catalog::Fill;

/// What the explorer knows while the texts load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loading {
    /// For each skill, by position in the catalog, whether its texts are
    /// in.
    pub with_texts: Vec<bool>,
    /// Input that needs the texts, and all input after it, in order.
    pub waiting: Vec<Action>,
}

impl App {
    /// Starts on a catalog whose texts are in only for the skills at
    /// `with_texts`; the whole catalog comes as a
    /// [`Action::CatalogReloaded`]. The search box counts no skill indexed
    /// until then: its index needs the texts.
    pub fn start_loading(&mut self, with_texts: Vec<usize>) {
        let mut with = vec![false; self.catalog.skills.len()];
        for i in with_texts {
            if let Some(w) = with.get_mut(i) {
                *w = true;
            }
        }
        self.indexing = Some((0, self.catalog.skills.len()));
        self.loading = Some(Loading {
            with_texts: with,
            waiting: Vec::new(),
        });
    }

    /// Starts on the catalog a partial load (`catalog::load_partial`)
    /// loaded (this app's catalog, selection made), from the parts of that
    /// load: the positions of the skills whose texts are in, and what the
    /// rest are filled in from. The selected skill is read whole from its
    /// file when it still holds what its skeleton came from, so the first
    /// frame shows what the whole catalog would, and the rest load (see
    /// [`App::start_loading`]).
    pub fn start_from_skeletons(&mut self, mut with_texts: Vec<usize>, fill: &Fill) {
        if let Some((i, _)) = self.selected_skill()
            && !with_texts.contains(&i)
            && let Some(skill) = fill.whole_skill(&self.catalog, i)
            && let Some(catalog) = Arc::get_mut(&mut self.catalog)
        {
            catalog.skills[i] = skill;
            with_texts.push(i);
        }
        self.start_loading(with_texts);
    }

    /// Whether the texts of the skill at `index` (in the catalog) are in.
    pub fn has_texts(&self, index: usize) -> bool {
        let with_texts = match (&self.loading, &self.texts_failed) {
            (Some(loading), _) => &loading.with_texts,
            (None, Some(with_texts)) => with_texts,
            (None, None) => return true,
        };
        with_texts.get(index).copied().unwrap_or(false)
    }

    /// Skills with their texts, loaded behind the first frame: each goes
    /// in place of its skeleton, shown in the explorer's language. The
    /// catalog is changed in place: while loading, nothing else holds it
    /// (the search worker starts once every text is in), so no copy is
    /// made.
    pub(crate) fn texts_in(&mut self, skills: Vec<(usize, crate::catalog::Skill)>) {
        let Some(loading) = self.loading.as_mut() else {
            return;
        };
        let lang = self.lang.code();
        // Something holding the catalog now would make the first shard
        // copy all of it (once: the copy is then this app's alone), and
        // the copy is the second catalog this fill exists to avoid.
        let alone = Arc::get_mut(&mut self.catalog).is_some();
        debug_assert!(alone, "the catalog is shared while its texts load");
        let catalog = Arc::make_mut(&mut self.catalog);
        for (i, mut skill) in skills {
            if let (Some(place), Some(with)) =
                (catalog.skills.get_mut(i), loading.with_texts.get_mut(i))
            {
                skill.localize(lang);
                *place = skill;
                *with = true;
            }
        }
    }

    /// Every skill's texts are in: as when the whole catalog is swapped in,
    /// a query typed meanwhile is asked again (of the index now built) and
    /// the input kept meanwhile is applied, in order.
    pub(crate) fn texts_loaded(&mut self, effects: &mut Vec<Effect>) {
        if self.loading.is_none() {
            return;
        }
        if self.screen == Screen::Search {
            effects.push(self.query_changed());
        }
        self.loaded(effects);
    }

    /// The texts could not all be loaded (the whole load behind them
    /// failed: the banner says why): the explorer stops loading and goes
    /// on with the catalog as it is. What works without the texts goes on
    /// working, and a query typed meanwhile is asked of the index built on
    /// this catalog. The input kept for the texts is dropped, and input
    /// that needs them does nothing, each time saying so, until the
    /// watcher brings a valid catalog: the gap view, the profile and the
    /// comparison drawn from skills without texts would show other items
    /// and counts than the catalog has (in a promotion meeting, wrong ones).
    pub(crate) fn load_failed(&mut self, effects: &mut Vec<Effect>) {
        let Some(loading) = self.loading.take() else {
            return;
        };
        self.texts_failed = Some(loading.with_texts);
        if self.screen == Screen::Search {
            effects.push(self.query_changed());
        }
        if !loading.waiting.is_empty() {
            self.status = Some(self.t().status_texts_failed.to_string());
        }
    }

    /// Whether input waits for the texts: later input then waits as it is
    /// (see [`Action::Held`]).
    pub fn holding(&self) -> bool {
        self.loading.as_ref().is_some_and(|l| !l.waiting.is_empty())
    }

    /// While loading, keeps input that needs the texts (and any input
    /// after it) for [`App::loaded`] and says so; after their load failed,
    /// drops such input and says so (see [`App::load_failed`]); gives back
    /// what may be applied now.
    pub(crate) fn hold(&mut self, action: Action) -> Option<Action> {
        let screen = self.screen;
        let prompt = self.prompt.is_some();
        let input = matches!(
            action,
            Action::Run(_)
                | Action::LevelJump(_)
                | Action::Click(..)
                | Action::ScrollUp(..)
                | Action::ScrollDown(..)
                | Action::Type(_)
                | Action::Paste(_)
                | Action::Held(_)
        );
        let Some(loading) = self.loading.as_mut() else {
            if self.texts_failed.is_none() || !input || prompt || works_now(screen, &action) {
                return Some(action);
            }
            self.status = Some(self.t().status_texts_failed.to_string());
            return None;
        };
        if !input || (loading.waiting.is_empty() && !prompt && works_now(screen, &action)) {
            return Some(action);
        }
        loading.waiting.push(action);
        self.status = Some(self.t().status_waiting_for_texts.to_string());
        None
    }

    /// The whole catalog is in (it was just swapped in): the input kept
    /// meanwhile is applied, in order.
    pub(crate) fn loaded(&mut self, effects: &mut Vec<Effect>) {
        if let Some(loading) = self.loading.take() {
            for action in loading.waiting {
                effects.extend(self.update(action));
            }
        }
    }
}

/// Whether input `action` on `screen` needs no texts.
fn works_now(screen: Screen, action: &Action) -> bool {
    match screen {
        Screen::Search | Screen::Help => true,
        Screen::Browse => match action {
            Action::Run(c) => matches!(
                c,
                Command::Up
                    | Command::Down
                    | Command::PageUp
                    | Command::PageDown
                    | Command::Home
                    | Command::End
                    | Command::FocusNext
                    | Command::FocusPrev
                    | Command::LevelPrev
                    | Command::LevelNext
                    | Command::Help
                    | Command::Quit
                    | Command::Suspend
                    | Command::Union
                    | Command::Search
            ),
            Action::LevelJump(_)
            | Action::Click(..)
            | Action::ScrollUp(..)
            | Action::ScrollDown(..) => true,
            _ => false,
        },
        Screen::Profile | Screen::Gap | Screen::Compare => false,
    }
}
