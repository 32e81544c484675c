//! `rungs check`: validate a catalog and print a summary, or every problem.

use std::io::Write;
use std::path::Path;

use super::CliError;
use super::load::load;
use super::output::print_diagnostics;
use crate::catalog::Catalog;

/// The summary line `rungs check` prints for a valid catalog.
pub fn summary_line(c: &Catalog) -> String {
    let n = c.counts();
    format!(
        "ok: {} roles, {} levels, {} domains, {} skills, {} expectations ({} required, {} optional)",
        n.roles, n.levels, n.domains, n.skills, n.expectations, n.required, n.optional
    )
}

/// Validates the catalog at `path` (the embedded one when `None`; through
/// the cache of parsed files when `cache`, which keeps every file's
/// diagnostics): prints the summary and any warnings to `out`, or every
/// problem to `err` and fails with exit code 1.
pub fn run(
    path: Option<&Path>,
    cache: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    match load(path, cache) {
        Ok(loaded) => {
            writeln!(out, "{}", summary_line(&loaded.catalog))?;
            print_diagnostics(out, &loaded.warnings)?;
            Ok(())
        }
        Err(e) => {
            print_diagnostics(err, &e.diagnostics)?;
            let errors = e.error_count();
            let warnings = e.diagnostics.len() - errors;
            Err(CliError::invalid(format!(
                "catalog is not valid: {errors} error{}, {warnings} warning{}",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            )))
        }
    }
}
