//! `rungs import csv FILE --out DIR`: a spreadsheet made into a directory
//! catalog (see [`crate::sheet`]), checked like `rungs check` before
//! anything is written.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::CliError;
use super::check::summary_line;
use super::output::print_diagnostics;
use crate::catalog::{self, Catalog};
use crate::sheet::{self, Source};

/// What `rungs import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// A CSV file: the long form `rungs export --format csv` writes, or a
    /// wide sheet `skill, domain, <level>, <level>, …`
    Csv,
}

/// What to import and where.
pub struct Request<'a> {
    pub file: &'a Path,
    pub out_dir: &'a Path,
    pub role: Option<&'a str>,
    pub force: bool,
}

/// Imports `req.file` against `base` (levels, roles, domains and skills
/// matched by id or name), checks the result and writes it to
/// `req.out_dir`, printing `rungs check`'s summary and warnings to `out`.
/// Problems go to `err`, and then nothing is written.
pub fn run(
    base: &Catalog,
    _kind: Kind,
    req: &Request<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let shown = req.file.display().to_string();
    let bytes = std::fs::read(req.file)
        .map_err(|e| CliError::invalid(format!("cannot read {shown}: {e}")))?;
    let imported = sheet::import(
        &Source {
            path: &shown,
            bytes: &bytes,
        },
        base,
        req.role,
    )
    .or_else(|e| {
        print_diagnostics(err, &e.diagnostics)?;
        let n = e.diagnostics.len();
        Err(CliError::invalid(format!(
            "{shown}: {n} problem{}; nothing was written",
            if n == 1 { "" } else { "s" }
        )))
    })?;
    // The same checks as `rungs check`, on the catalog as one file, before
    // anything is written.
    let target = req.out_dir.join("catalog.toml");
    let loaded =
        catalog::load_str(&target.display().to_string(), &imported.one_file).or_else(|e| {
            print_diagnostics(err, &e.diagnostics)?;
            Err(CliError::invalid(format!(
                "the imported catalog is not valid ({} errors); nothing was written",
                e.error_count()
            )))
        })?;
    let dir = req.out_dir;
    let non_empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if non_empty && !req.force {
        return Err(CliError::usage(format!(
            "{} exists and is not empty; use --force to write into it",
            dir.display()
        )));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::usage(format!(
            "{} is not a folder",
            dir.display()
        )));
    }
    for (rel, text) in &imported.files {
        let path = dir.join(rel);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                crate::fsutil::write_atomic(&crate::fsutil::RealFs, &path, text.as_bytes())
            })
            .map_err(|e| CliError::invalid(format!("cannot write {}: {e}", path.display())))?;
    }
    writeln!(out, "{}", summary_line(&loaded.catalog))?;
    print_diagnostics(out, &loaded.warnings)?;
    writeln!(
        out,
        "wrote {} files to {}",
        imported.files.len(),
        dir.display()
    )?;
    Ok(())
}
