//! `rungs check`: validate a catalog and print a summary, or every problem,
//! as text for people, JSON for scripts, or GitHub workflow commands for
//! pull requests.

use std::io::{self, Write};
use std::path::Path;

use clap::ValueEnum;
use serde::Serialize;

use super::load::load;
use super::output::{print_diagnostics, write_json};
use super::{CliError, EXIT_INVALID};
use crate::catalog::{Catalog, CatalogCounts, Diagnostic, LoadOptions};
use crate::report::SCHEMA;

/// How `rungs check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// The summary and warnings on stdout, errors on stderr
    #[default]
    Text,
    /// One JSON object on stdout, whatever the exit status (see docs/json.md)
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`) on stdout
    Github,
}

/// The summary line `rungs check` prints for a valid catalog.
pub fn summary_line(c: &Catalog) -> String {
    let n = c.counts();
    let mut line = format!(
        "ok: {} roles, {} levels, {} domains, {} skills, {} expectations ({} required, {} optional)",
        n.roles, n.levels, n.domains, n.skills, n.expectations, n.required, n.optional
    );
    // Only catalogs that use behaviours say so: a v1 catalog's line stays
    // as it was.
    if n.behaviours > 0 {
        line.push_str(&format!(", {} behaviours", n.behaviours));
    }
    line
}

/// The line for an invalid catalog: `catalog is not valid: N errors, M warnings`.
fn invalid_line(errors: usize, warnings: usize) -> String {
    format!(
        "catalog is not valid: {errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    )
}

/// The line for warnings under `--deny-warnings`.
fn denied_line(warnings: usize) -> String {
    format!(
        "{warnings} warning{} and --deny-warnings",
        if warnings == 1 { "" } else { "s" }
    )
}

/// What `rungs check` found, whatever the format.
struct Outcome {
    /// The counts of a valid catalog; `None` when it is invalid.
    counts: Option<CatalogCounts>,
    /// The summary line of a valid catalog.
    summary: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    fn of(path: Option<&Path>, cache: bool, options: &LoadOptions) -> Self {
        match load(path, cache, options) {
            Ok(mut loaded) => {
                let outcome = Outcome {
                    counts: Some(loaded.catalog.counts()),
                    summary: Some(summary_line(&loaded.catalog)),
                    diagnostics: std::mem::take(&mut loaded.warnings),
                };
                // `check` runs once, from `main`, as `search` does: both
                // leave their catalog to the exit, so that they compare.
                super::load::leave_to_exit(loaded);
                outcome
            }
            Err(e) => Outcome {
                counts: None,
                summary: None,
                diagnostics: e.diagnostics,
            },
        }
    }

    fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// One diagnostic in the JSON.
#[derive(Debug, Serialize)]
struct JsonDiagnostic<'a> {
    /// `"error"` or `"warning"`.
    severity: &'static str,
    path: &'a str,
    line: usize,
    col: usize,
    message: &'a str,
}

/// The catalog's totals in the JSON.
#[derive(Debug, Serialize)]
struct JsonCounts {
    roles: usize,
    levels: usize,
    domains: usize,
    skills: usize,
    expectations: usize,
    required: usize,
    optional: usize,
}

#[derive(Debug, Serialize)]
struct JsonSummary {
    /// The catalog loads (it may still have warnings).
    valid: bool,
    errors: usize,
    warnings: usize,
    /// Totals of a valid catalog, `null` for an invalid one.
    catalog: Option<JsonCounts>,
}

/// The JSON of `rungs check --format json`.
#[derive(Debug, Serialize)]
struct JsonCheck<'a> {
    schema: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: JsonSummary,
}

/// Escapes the message of a workflow command (`%`, CR and LF), as the
/// GitHub Actions runner reads it.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property of a workflow command (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::error file=…,line=…,col=…::message` (or `::warning`).
pub fn workflow_command(d: &Diagnostic) -> String {
    format!(
        "::{} file={},line={},col={}::{}",
        d.severity.as_str(),
        escape_property(&d.path),
        d.line,
        d.col,
        escape_data(&d.message)
    )
}

/// Validates the catalog at `path` (the embedded one when `None`; through
/// the cache of parsed files when `cache`, which keeps every file's
/// diagnostics) and prints what it found in `format`. An invalid catalog fails with exit code
/// 1, and so do warnings with `deny_warnings`. Text prints the summary and
/// warnings to `out` and errors to `err`; JSON and GitHub print everything
/// to `out`, whatever the exit status.
pub fn run(
    path: Option<&Path>,
    cache: bool,
    options: &LoadOptions,
    format: Format,
    deny_warnings: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let outcome = Outcome::of(path, cache, options);
    let (errors, warnings) = (outcome.errors(), outcome.warnings());
    let failure = if errors > 0 {
        Some(invalid_line(errors, warnings))
    } else if deny_warnings && warnings > 0 {
        Some(denied_line(warnings))
    } else {
        None
    };
    match format {
        Format::Text => {
            write_text(&outcome, out, err)?;
            if let Some(line) = failure {
                return Err(CliError::invalid(line));
            }
        }
        Format::Json => {
            write_json(out, &json(&outcome))?;
            if failure.is_some() {
                return Err(CliError::raw(EXIT_INVALID, ""));
            }
        }
        Format::Github => {
            for d in &outcome.diagnostics {
                writeln!(out, "{}", workflow_command(d))?;
            }
            match (&failure, &outcome.summary) {
                (Some(line), _) => writeln!(out, "error: {line}")?,
                (None, Some(summary)) => writeln!(out, "{summary}")?,
                (None, None) => {}
            }
            if failure.is_some() {
                return Err(CliError::raw(EXIT_INVALID, ""));
            }
        }
    }
    Ok(())
}

fn write_text(outcome: &Outcome, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    match &outcome.summary {
        Some(summary) => {
            writeln!(out, "{summary}")?;
            print_diagnostics(out, &outcome.diagnostics)
        }
        None => print_diagnostics(err, &outcome.diagnostics),
    }
}

fn json(outcome: &Outcome) -> JsonCheck<'_> {
    JsonCheck {
        schema: SCHEMA,
        diagnostics: outcome
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                severity: d.severity.as_str(),
                path: &d.path,
                line: d.line,
                col: d.col,
                message: &d.message,
            })
            .collect(),
        summary: JsonSummary {
            valid: outcome.counts.is_some(),
            errors: outcome.errors(),
            warnings: outcome.warnings(),
            catalog: outcome.counts.map(|n| JsonCounts {
                roles: n.roles,
                levels: n.levels,
                domains: n.domains,
                skills: n.skills,
                expectations: n.expectations,
                required: n.required,
                optional: n.optional,
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Severity;

    #[test]
    fn workflow_commands_escape_what_the_runner_would_read() {
        let d = Diagnostic {
            line: 3,
            col: 7,
            ..Diagnostic::at_file(Severity::Warning, "a,b:c.toml", "50% done\nnext")
        };
        assert_eq!(
            workflow_command(&d),
            "::warning file=a%2Cb%3Ac.toml,line=3,col=7::50%25 done%0Anext"
        );
    }
}
