//! The catalog model: types, TOML loading, validation and diagnostics.
//!
//! `source` reads files (limits, folder walking, bytes), `parse` checks one
//! TOML table at a time, `load` assembles the whole catalog from them,
//! `lint` adds warnings, `cache` keeps parsed catalogs between runs, `split`
//! cuts a one-file catalog into its skills so each is parsed on its own.
//!
//! Pure Rust: nothing here knows about terminals. Text is cleaned once, here,
//! so every other module may print catalog text as it is.

mod bullets;
mod cache;
mod clean;
mod diagnostic;
mod lint;
mod load;
mod parse;
mod select;
mod source;
mod split;
mod types;

pub(crate) use bullets::split as split_bullets;
pub use cache::{
    Fill, Partial, default_dir as default_cache_dir, fill_texts, load_partial, load_path_cached,
    load_path_cached_deferred, load_path_cached_with, wait_for_writes as wait_for_cache_writes,
};
pub use clean::{clean, is_forbidden};
pub use diagnostic::{Diagnostic, Severity, Snippet, SourceFile};
pub use load::{LoadError, Loaded, load_embedded, load_files, load_path, load_path_with, load_str};
pub(crate) use parse::{closest, is_valid_id};
pub use select::NotFound;
pub use source::{
    EMBEDDED_PREFIX, LoadOptions, MAX_CELLS, MAX_FILE_BYTES, MAX_FILES, MAX_SKILLS,
    MAX_TOTAL_BYTES, embedded_files,
};
pub use types::{
    Behaviour, Catalog, CatalogCounts, Cell, Date, Domain, Level, Localized, Named, Necessity,
    Origin, Role, Skill, SkillCounts,
};
