//! What goes into `App::update` (an [`Action`]: everything the user can ask
//! for, independent of the key or gesture, and what the workers report) and
//! what comes out ([`Effect`]s, which the event loop performs).

use std::sync::Arc;

use super::keys::Command;
use crate::catalog::Catalog;
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

/// The catalog is gone from disk: its folder (or a one-file catalog's
/// file) was removed or moved away. The last loaded catalog stays on
/// screen, under a banner, until the catalog is back and loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gone {
    /// The catalog's path as given, cleaned for the terminal.
    pub path: String,
    /// A folder catalog (`false`: a one-file catalog).
    pub folder: bool,
}

/// One request to [`super::app::App::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A command, as a key bound to it (or a click) asks.
    Run(Command),
    /// Jump to the level at this 0-based position (the digit keys).
    LevelJump(usize),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A left click at a column and row.
    Click(u16, u16),
    ScrollUp(u16, u16),
    ScrollDown(u16, u16),
    /// A character typed into the search box or a note.
    Type(char),
    /// Text pasted into the search box or a note.
    Paste(String),
    /// What `$VISUAL`/`$EDITOR` left in the note (or why it failed; the
    /// text is kept then).
    ExternalEdited(Result<String, String>),
    /// Results computed for the query of this generation.
    SearchResults(u64, Results),
    /// How far the search index is: `(done, total)` skills while it is
    /// built, `None` once it is ready.
    Indexing(Option<(usize, usize)>),
    /// The event loop saved the review; `Some` says why it could not.
    SaveFinished(Option<String>),
    /// The catalog files changed and loaded: swap the catalog in.
    CatalogReloaded(NewCatalog),
    /// Skills with their texts, loaded behind a first frame drawn from the
    /// cache's skeletons: each goes in place of the skill at its position
    /// (see `loading`).
    TextsIn(Vec<(usize, crate::catalog::Skill)>),
    /// Every skill's texts are in: the loading ends as when the whole
    /// catalog is swapped in.
    TextsLoaded,
    /// The texts could not be filled in and the whole load that followed
    /// failed (a file got an error meanwhile): show the problem as for
    /// [`Action::CatalogInvalid`], and go on with the catalog as it is.
    LoadFailed {
        first: String,
        count: usize,
    },
    /// The catalog files changed but are not valid: keep the old catalog,
    /// show the first problem and how many there are.
    CatalogInvalid {
        first: String,
        count: usize,
    },
    /// The catalog is gone from disk; the last loaded one stays shown.
    CatalogGone(Gone),
    /// An input event that came while earlier input waits for the
    /// catalog's texts: mapped to its action when its turn comes, in the
    /// mode the earlier input leads to (see `loading`).
    Held(crossterm::event::Event),
}

/// A query for the search worker; its results come back tagged with the
/// same generation, and any other generation is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
    pub scope: Scope,
    /// Every matching cell, not each skill's best match.
    pub all_cells: bool,
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
    /// Its file cannot be written: save the review in rungs' own folder
    /// instead, and go on saving there.
    SaveReviewElsewhere,
    /// Write the gap and its review in this format, beside the review
    /// file (the writer `rungs gap --format` uses).
    Export(crate::report::Format),
    /// Give the terminal back and stop until resumed (`Ctrl-Z`, SIGTSTP).
    Suspend,
    /// End the session.
    Quit,
    /// Write the review to a new file at this path, which becomes its
    /// file (a quit that waited for it goes ahead).
    WriteReview { path: String },
    /// Edit this note in `$VISUAL`/`$EDITOR`; the result comes back as
    /// [`Action::ExternalEdited`].
    ExternalEditor(String),
    /// Remember the interface state (the diff mode) in the state file.
    SaveUiState,
    /// Forget the unsaved marks of an earlier session for this gap.
    DropUnsaved,
}
