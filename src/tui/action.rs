//! What goes into `App::update` (an [`Action`]: everything the user can ask
//! for, independent of the key or gesture, and what the workers report) and
//! what comes out ([`Effect`]s, which the event loop performs).

use std::sync::Arc;

use crate::catalog::Catalog;
use crate::review::Mark;
use crate::search::{Results, Scope};

/// A freshly loaded catalog. Compared by identity: two loads are never the
/// same update.
#[derive(Debug, Clone)]
pub struct NewCatalog(pub Arc<Catalog>);

impl PartialEq for NewCatalog {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for NewCatalog {}

/// One request to [`super::app::App::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Leave the current overlay or view (`Esc`).
    Back,
    FocusNext,
    FocusPrev,
    LevelPrev,
    LevelNext,
    /// Jump to the level at this 0-based position.
    LevelJump(usize),
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Open what is selected (`Enter`).
    Open,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A left click at a column and row.
    Click(u16, u16),
    ScrollUp(u16, u16),
    ScrollDown(u16, u16),
    /// Open the search box (`/`).
    SearchOpen,
    /// A character typed into the search box.
    SearchInput(char),
    /// Text pasted into the search box.
    SearchPaste(String),
    SearchBackspace,
    /// Delete the last word of the query (`Ctrl-W`).
    SearchDeleteWord,
    /// Clear the query (`Ctrl-U`).
    SearchClear,
    /// Toggle between all roles and the selected role (`Tab`).
    SearchScope,
    /// Results computed for the query of this generation.
    SearchResults(u64, Results),
    /// Open or close the promotion gap view (`g`).
    GapToggle,
    /// Move the gap's target level down / up (`[` / `]`).
    TargetPrev,
    TargetNext,
    /// Set (or clear, with `None`) the selected gap item's mark.
    SetMark(Option<Mark>),
    /// Cycle the selected gap item's mark (`Space`).
    CycleMark,
    /// Start editing the selected gap item's note (`e`).
    NoteEdit,
    NoteInput(char),
    NotePaste(String),
    NoteBackspace,
    /// Write the review as Markdown (`x`).
    Export,
    /// The catalog files changed and loaded: swap the catalog in.
    CatalogReloaded(NewCatalog),
    /// The catalog files changed but are not valid: keep the old catalog,
    /// show the first problem and how many there are.
    CatalogInvalid {
        first: String,
        count: usize,
    },
}

/// A query for the search worker; its results come back tagged with the
/// same generation, and any other generation is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
    pub scope: Scope,
}

/// Something `App::update` asks the event loop to do: the app itself does
/// no I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Run this search in the background; results come back as
    /// [`Action::SearchResults`].
    Search(SearchRequest),
    /// The review changed: write it to its file, if one is open.
    SaveReview,
    /// Write the gap and its review as Markdown.
    Export,
    /// End the session.
    Quit,
}
