//! `rungs compare --level L ROLE ROLE…`: roles side by side at one level.
//! The comparison and its renderings are [`crate::report::compare`]'s.

use std::io::Write;

use clap::ValueEnum;

use super::CliError;
use super::output::write_json;
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::report::compare::{compare, write_markdown, write_text};

/// How `rungs compare` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Plain text for the terminal
    #[default]
    Text,
    /// A Markdown table, a column per role
    Markdown,
    /// Pretty-printed JSON (see docs/json.md)
    Json,
}

/// Compares `roles` (ids or names, at least two, each once) at `level`.
/// A missing level, an unknown or repeated role is a usage error.
pub fn run(
    catalog: &Catalog,
    level: Option<&str>,
    roles: &[String],
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let Some(level) = level else {
        return Err(CliError::usage(
            "--level is required: the level to compare the roles at",
        ));
    };
    let level = catalog.find_level(level)?;
    let mut found: Vec<usize> = Vec::new();
    for r in roles {
        let i = catalog.find_role(r)?;
        if found.contains(&i) {
            return Err(CliError::usage(format!(
                "role `{}` is given twice; compare different roles",
                catalog.roles[i].id
            )));
        }
        found.push(i);
    }
    let c = compare(catalog, &found, level);
    match format {
        Format::Text => write_text(lang.strings(), &c, out)?,
        Format::Markdown => write_markdown(lang.strings(), &c, out)?,
        Format::Json => write_json(out, &c)?,
    }
    Ok(())
}
