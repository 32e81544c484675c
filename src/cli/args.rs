//! The command line as clap sees it: flags, subcommands, help texts.
//!
//! Library types carry no clap derives; the value enums here map onto them
//! ([`LangArg`] → [`Lang`], [`ThemeArg`] → [`ThemeName`], each subcommand's
//! `Format`).

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use super::settings::{CATALOG_VAR, env_var};
use super::{check, compare, diff, export, gap, import, list, search, show};
use crate::config::ThemeName;
use crate::i18n::Lang;

/// Explore skill matrices (career ladders) in the terminal.
#[derive(Debug, Parser)]
#[command(name = "rungs", version, about, long_about = None)]
pub struct Cli {
    /// Catalog to load: a .toml file or a directory with catalog.toml
    /// [default: the embedded catalog]
    #[arg(long, global = true, env = CATALOG_VAR, value_name = "PATH")]
    pub catalog: Option<PathBuf>,

    /// Role to start with (id or name)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    /// Level to start at (id, name or 1-based number)
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,

    /// Skill to start on (id or name)
    #[arg(long, value_name = "SKILL")]
    pub skill: Option<String>,

    /// Start in the promotion gap view, from --level to this level
    #[arg(long, value_name = "LEVEL")]
    pub to: Option<String>,

    /// Whose marks the gap view's mark keys set (self, manager, any name);
    /// default: the config's `assessor`, else manager
    #[arg(long = "as", value_name = "NAME")]
    pub assessor: Option<String>,

    /// Assess a promotion review saved in FILE (created if missing; with
    /// --role and --level, and optionally --to)
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,

    /// Config file [default: see `rungs config --path`]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Colour theme
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,

    /// Interface language [default: from the config, else LANG / LC_ALL]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Follow symbolic links in a catalog folder that lead outside it
    /// (refused by default: their contents could reach error messages)
    #[arg(long, global = true)]
    pub follow_external_links: bool,

    /// Do not reload the catalog when its files change
    #[arg(long)]
    pub no_watch: bool,

    /// Draw every symbol in ASCII (for terminals that draw ambiguous-width
    /// characters wide); also `symbols = "ascii"` in the config
    #[arg(long)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show where the config file is looked for, or a commented default
    Config {
        /// Print the path of the config file
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print a commented config with every setting at its default
        #[arg(long)]
        default: bool,
    },
    /// Validate a catalog and print a summary, or every problem found
    Check {
        /// Output format
        #[arg(long, value_enum, default_value_t = check::Format::Text)]
        format: check::Format,
        /// Exit with status 1 when there are warnings
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Make a directory catalog from a spreadsheet (CSV, long or wide
    /// form), checked like `rungs check` before anything is written
    Import {
        /// What the file is
        #[arg(value_enum)]
        kind: import::Kind,
        /// The file to read
        file: PathBuf,
        /// Folder to write the catalog into (created if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The role of every row of a wide sheet without a `role` column
        /// (id or name; a new role when the catalog has none by that name)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Write into DIR even when it is not empty
        #[arg(long)]
        force: bool,
    },
    /// Write the default catalog into DIR as editable files
    Init {
        /// Folder to write into (created if missing)
        dir: PathBuf,
        /// Overwrite files that already exist
        #[arg(long)]
        force: bool,
    },
    /// List the ids and names of roles, levels, domains or skills, in
    /// catalog order
    List {
        /// What to list
        #[arg(value_enum)]
        what: list::What,
        /// Skills: only this role's profile (id or name, any case)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Skills with --role: the necessity at this level (id, name or number)
        #[arg(long, value_name = "LEVEL")]
        level: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = list::Format::Text)]
        format: list::Format,
    },
    /// Compare roles at one level, side by side: every skill in any of their
    /// profiles at that level, skills not every role has first
    Compare {
        /// The level (id, name or 1-based number)
        #[arg(long, value_name = "LEVEL")]
        level: Option<String>,
        /// The roles (ids or names, any case), at least two
        #[arg(required = true, num_args = 2.., value_name = "ROLE")]
        roles: Vec<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = compare::Format::Text)]
        format: compare::Format,
    },
    /// Show what changed between two versions of a catalog (exit status 0:
    /// none, 1: changes, 2: usage error, 3: invalid catalog or failed git)
    Diff {
        /// The old version: a catalog path, or REV:PATH read through git
        /// (e.g. main:ladder) when it is not an existing path
        old: String,
        /// The new version: a catalog path, or REV:PATH
        new: String,
        /// A folder of review files (searched recursively): list those that
        /// assessed a text that changed
        #[arg(long, value_name = "DIR")]
        reviews: Option<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = diff::Format::Text)]
        format: diff::Format,
    },
    /// Export the whole ladder: a static site (html, markdown) for the web
    /// or a wiki, or one CSV row per cell for spreadsheets (csv)
    Export {
        /// What to write
        #[arg(long, value_enum)]
        format: export::Format,
        /// Where to write it: a folder for html and markdown; a file for csv
        /// (standard output when left out)
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Print one skill's profile (every level, every role) without the TUI
    Show {
        /// Skill to show (id or name, any case)
        skill: String,
        /// Only this role's expectations (id or name, any case)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = show::Format::Text)]
        format: show::Format,
    },
    /// Search skill names, tags, domains and expectation texts, best first
    Search {
        /// What to look for (several words are joined with spaces)
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Only this role's skills and expectations (id or name, any case)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Print at most N results (0 = all)
        #[arg(long, value_name = "N", default_value_t = search::DEFAULT_LIMIT)]
        limit: usize,
        /// List every matching expectation (each role and level), not only
        /// each skill's best match
        #[arg(long)]
        all_cells: bool,
        /// Output format
        #[arg(long, value_enum, default_value_t = search::Format::Text)]
        format: search::Format,
    },
    /// Print what changes for a role from one level to a higher one, with a
    /// review's marks and notes when given (Markdown, JSON or text)
    Gap {
        /// Role (id or name, any case); defaults to the review's
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Level to start from (id, name or 1-based number); defaults to the review's
        #[arg(long, value_name = "LEVEL")]
        from: Option<String>,
        /// Target level [default: the review's, else the level after --from]
        #[arg(long, value_name = "LEVEL")]
        to: Option<String>,
        /// A review file (TOML, see docs/reviews.md) whose marks and notes to include
        #[arg(long, value_name = "FILE")]
        review: Option<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = gap::Format::Markdown)]
        format: gap::Format,
        /// Markdown and HTML with a review: also the optional items nobody assessed
        #[arg(long)]
        all: bool,
        /// List the items whose history has changes on or after DATE (YYYY-MM-DD), old → new
        #[arg(long, value_name = "DATE", value_parser = gap::parse_date, requires = "review")]
        since: Option<crate::catalog::Date>,
        /// The current assessor, whose marks count until any item is agreed
        /// (default: the config's `assessor`, else manager)
        #[arg(long = "as", value_name = "NAME")]
        assessor: Option<String>,
    },
    /// Close a review (recording the SHA-256 of every assessed expectation
    /// text; a closed review opens read-only) or reopen it
    Review {
        #[command(subcommand)]
        action: ReviewAction,
    },
}

/// `rungs review close|reopen FILE`.
#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Close FILE: the date, and a hash of every expectation text it assessed
    Close {
        file: PathBuf,
        /// Who closes it, for the history
        #[arg(long = "as", value_name = "NAME")]
        assessor: Option<String>,
    },
    /// Reopen a closed FILE, with a history entry
    Reopen {
        file: PathBuf,
        /// Who reopens it, for the history
        #[arg(long = "as", value_name = "NAME")]
        assessor: Option<String>,
    },
}

/// `--theme`: a built-in theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Reads on dark and light terminals alike.
    Default,
    Dark,
    Light,
    Mono,
}

impl From<ThemeArg> for ThemeName {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Default => ThemeName::Default,
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::Mono => ThemeName::Mono,
        }
    }
}

/// `--lang`: a language rungs speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }
    }
}

/// Parses the command line; on a usage error (or `--help`, `--version`)
/// clap prints and exits, as `Parser::parse` does.
pub fn parse() -> Cli {
    let mut cmd = Cli::command();
    // clap reads RUNGS_CATALOG itself (and names it in --help). Set but
    // empty, it counts as unset, like every RUNGS_ variable.
    if std::env::var_os(CATALOG_VAR).is_some() && env_var(CATALOG_VAR).is_none() {
        cmd = cmd.mut_arg("catalog", |a| a.env(None));
    }
    let matches = cmd.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_enums_map_onto_every_library_value() {
        assert_eq!(ThemeName::from(ThemeArg::Default), ThemeName::Default);
        assert_eq!(ThemeName::from(ThemeArg::Mono), ThemeName::Mono);
        for t in ThemeArg::value_variants() {
            let name = t.to_possible_value().map(|v| v.get_name().to_string());
            assert_eq!(
                ThemeName::parse(&name.unwrap_or_default()),
                Some((*t).into())
            );
        }
        for l in LangArg::value_variants() {
            let name = l.to_possible_value().map(|v| v.get_name().to_string());
            assert_eq!(Lang::parse(&name.unwrap_or_default()), Some((*l).into()));
        }
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
