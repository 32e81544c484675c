//! `rungs list roles|levels|domains|skills`: ids and names for scripts.
//! The listing and its text are [`crate::report::listing`]'s.

use std::io::Write;

use clap::ValueEnum;

use super::CliError;
use super::output::write_json;
use crate::catalog::Catalog;
use crate::report::listing::{self, Kind, listing};

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    Roles,
    Levels,
    Domains,
    Skills,
}

impl From<What> for Kind {
    fn from(w: What) -> Self {
        match w {
            What::Roles => Kind::Roles,
            What::Levels => Kind::Levels,
            What::Domains => Kind::Domains,
            What::Skills => Kind::Skills,
        }
    }
}

/// How `rungs list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// One item a line, fields separated by tabs
    #[default]
    Text,
    /// Pretty-printed JSON (see docs/json.md)
    Json,
}

/// Lists `what`. `--role` and `--level` only make sense for skills, and
/// `--level` only with `--role`: anything else is a usage error rather than
/// a silently ignored flag.
pub fn run(
    catalog: &Catalog,
    what: What,
    role: Option<&str>,
    level: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if what != What::Skills && (role.is_some() || level.is_some()) {
        return Err(CliError::usage(
            "--role and --level apply to `rungs list skills` only",
        ));
    }
    if role.is_none() && level.is_some() {
        return Err(CliError::usage(
            "--level needs --role: it gives the necessity of that role's skills at the level",
        ));
    }
    let role = role.map(|r| catalog.find_role(r)).transpose()?;
    let level = level.map(|l| catalog.find_level(l)).transpose()?;
    let list = listing(catalog, what.into(), role, level);
    match format {
        Format::Text => listing::write_text(&list, out)?,
        Format::Json => write_json(out, &list)?,
    }
    Ok(())
}
