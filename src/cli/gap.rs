//! `rungs gap`: what changes for a role from one level to a higher one,
//! with a review's marks and notes when given.
//!
//! The role and levels come from the flags, from a review file, or both
//! (read by [`super::review`], the rules the TUI's `--review` shares). The
//! report itself is built and rendered by [`crate::report`], which the
//! TUI's export shares.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::CliError;
use super::output::write_json;
use super::review::{self, FlagNames, Wanted};
use crate::catalog::{Catalog, Date, clean};
use crate::gap::Gap;
use crate::i18n::Lang;
use crate::report;

/// How `rungs gap` prints the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Markdown meeting minutes: one section per skill
    #[default]
    Markdown,
    /// Pretty-printed JSON (see docs/json.md)
    Json,
    /// Plain text for the terminal
    Text,
}

/// What was asked for on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'a> {
    /// Role: id, name (any case).
    pub role: Option<&'a str>,
    /// From level: id, name (any case) or 1-based number.
    pub from: Option<&'a str>,
    /// Target level; the one after `from` when not given.
    pub to: Option<&'a str>,
    /// A review file whose marks and notes go into the report.
    pub review: Option<&'a Path>,
    pub format: Format,
}

/// The flags of `rungs gap` that can repeat a review's values.
const FLAGS: FlagNames = FlagNames {
    role: "--role",
    from: "--from",
    to: "--to",
};

/// `id (Name, n)` for each of `levels`, as `find_level` lists them.
fn level_list(catalog: &Catalog, levels: impl Iterator<Item = usize>) -> String {
    levels
        .filter_map(|l| {
            catalog
                .levels
                .get(l)
                .map(|n| format!("{} ({}, {})", n.id, n.name, l + 1))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Role, from and target from the flags alone: role and from are
/// required, the target defaults to the level after from.
fn from_flags(catalog: &Catalog, wanted: Wanted) -> Result<(usize, usize, usize), CliError> {
    let Some(role) = wanted.role else {
        return Err(CliError::usage(format!(
            "--role is required (or --review FILE); valid roles: {}",
            catalog
                .roles
                .iter()
                .map(|n| format!("{} ({})", n.id, n.name))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    let Some(from) = wanted.from else {
        return Err(CliError::usage(format!(
            "--from is required (or --review FILE); valid levels: {}",
            level_list(catalog, 0..catalog.levels.len())
        )));
    };
    let level_id = |l: usize| catalog.levels.get(l).map_or("", |n| n.id.as_str());
    let above = from + 1..catalog.levels.len();
    // The explorer refuses a gap from the top level with the same message.
    let next = crate::gap::level_above(catalog, from).map_err(CliError::usage)?;
    match wanted.to {
        Some(to) if to > from => Ok((role, from, to)),
        None => Ok((role, from, next)),
        Some(to) => Err(CliError::usage(format!(
            "--to {} must be above --from {}; valid levels for --to: {}",
            level_id(to),
            level_id(from),
            level_list(catalog, above)
        ))),
    }
}

/// Prints the report to `out` (Markdown and text in `lang`), with `today`
/// as the date of a report without a review. Unknown or inconsistent flags
/// are usage errors; a missing or invalid review file exits with 1. A
/// review written for another catalog is a warning on `err`.
pub fn run(
    catalog: &Catalog,
    req: &Request<'_>,
    today: Date,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let wanted = Wanted::find(catalog, req.role, req.from, req.to)?;
    let review = match req.review {
        Some(path) => match review::open(path)? {
            Some(file) => Some((path, file.review)),
            None => {
                return Err(CliError::invalid(format!(
                    "no such review file: {}",
                    path.display()
                )));
            }
        },
        None => None,
    };
    let (role, from, to) = match &review {
        Some((path, r)) => review::resolve(catalog, r, path, wanted, FLAGS)?,
        None => from_flags(catalog, wanted)?,
    };
    if let Some((path, r)) = &review {
        // The file may have been edited by hand: keep its values from
        // driving the terminal.
        let title = clean(&r.catalog, true).text;
        if !title.is_empty() && title != catalog.display_title() {
            writeln!(
                err,
                "warning: {} was written for the catalog `{title}`; this one is `{}`",
                path.display(),
                catalog.display_title()
            )?;
        }
    }
    let review = review.map(|(_, r)| r);
    let gap = Gap::new(catalog, role, from, to);
    match req.format {
        Format::Markdown => {
            let md = report::markdown_in(lang, catalog, &gap, review.as_ref(), today);
            out.write_all(md.as_bytes())?;
        }
        Format::Text => {
            let text = report::text_in(lang, catalog, &gap, review.as_ref(), today);
            out.write_all(text.as_bytes())?;
        }
        Format::Json => write_json(out, &report::build(catalog, &gap, review.as_ref(), today))?,
    }
    Ok(())
}
