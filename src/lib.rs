//! rungs: explore skill matrices (career ladders) in the terminal.
//!
//! The library holds everything, argument parsing included, so that tests
//! and benchmarks drive the same code as the binary (`src/main.rs` only
//! calls [`cli::parse`] and [`cli::run`]).
//!
//! # Module map
//!
//! | Module | Owns |
//! |---|---|
//! | [`cli`] | the command line: clap arguments, settings merged once (flags ▸ environment ▸ config), one file per subcommand (`check`, `init`, `config`, `list`, `show`, `search`, `gap`, `diff`, `export`, `compare`, `explore`), [`cli::CliError`] and exit codes, the review resolver `gap --review` and the TUI's `--review` share |
//! | [`tui`] | the terminal explorer: `app` (state, selection, mode, `update → effects`), `screens/` (one file per screen: state and update), `ui/` (drawing, one file per pane; only the event loop calls it), `layout` (every rectangle, `hit_test`, the frame report), `keys` (commands, default bindings, key names, the event map, labels), `events` (input, search worker, the whole catalog loaded behind a first frame drawn from the cache's skeletons), `loading` (what works while the texts load, and the hand-over), `watcher` (the catalog on disk: reloads, replaced folders, symlinks, gone), `text`, `theme`, the event loop |
//! | [`report`] | printable formats: the promotion report (model = JSON shape, Markdown, text, export paths), skill profiles (`show`), search results (`search`), listings (`list`), catalog changes (`diff`), role comparisons (`compare`, also the explorer's `c` screen), the local date |
//! | [`search`] | fuzzy search over a catalog, ranked |
//! | [`site`] | the ladder as a static site (`export --format html\|markdown`): pages, escaping, the stylesheet |
//! | [`review`] | promotion reviews: marks and notes, their TOML file, atomic saving, tallying against a gap |
//! | [`gap`] | what changes for a role between two levels |
//! | [`diff`] | what changed between two versions of a catalog, matched by id |
//! | [`catalog`] | the catalog model, reading files (source, limits), assembling (load), lint warnings, diagnostics, the cache, lookups by id or name; pure Rust, no terminal |
//! | [`i18n`] | the UI text of each language (`en.rs`, `zh.rs`) and placeholder filling |
//! | [`sheet`] | the spreadsheet round trip: a catalog as CSV (long form) and a CSV (long or wide form) into a directory catalog's files |
//! | [`config`] | the config file: default catalog, role, level, language, theme, colours, the `[keys]` table as written (checked by the `KeyCheck` its caller passes: `tui::keys::check_config`) |
//! | [`fsutil`] | atomic file writes |
//!
//! # Which way imports go
//!
//! ```text
//! cli → tui → {report, search, review, gap, diff, site, sheet} → catalog
//! ```
//!
//! `i18n`, `config` and `fsutil` sit beside them and may be used by any
//! layer. Nothing imports from a layer to its left: the library never
//! imports [`cli`], and the engines and formats never import [`tui`].

pub mod catalog;
pub mod cli;
pub mod config;
pub mod diff;
pub mod fsutil;
pub mod gap;
pub mod i18n;
pub mod report;
pub mod review;
pub mod search;
pub mod sheet;
pub mod site;
pub mod tui;
