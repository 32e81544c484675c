//! The non-interactive subcommands: `check`, `init`, and catalog selection.
//!
//! Each command writes to the writers it is given and returns an exit code,
//! so tests can run it without a process.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::catalog::{self, Diagnostic, LoadError, Loaded};

/// Exit code for a valid run.
pub const EXIT_OK: u8 = 0;
/// Exit code for an invalid catalog (or no result).
pub const EXIT_INVALID: u8 = 1;
/// Exit code for a usage error.
pub const EXIT_USAGE: u8 = 2;

/// Where the catalog comes from: a path given on the command line (or in
/// `RUNGS_CATALOG`), or the embedded default.
pub fn load(path: Option<&Path>) -> Result<Loaded, LoadError> {
    match path {
        Some(p) => catalog::load_path(p),
        None => catalog::load_embedded(),
    }
}

/// Prints diagnostics, one block each, separated by blank lines.
pub fn print_diagnostics(out: &mut dyn Write, diags: &[Diagnostic]) -> std::io::Result<()> {
    for (i, d) in diags.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{d}")?;
    }
    Ok(())
}

/// The summary line `rungs check` prints for a valid catalog.
pub fn summary_line(c: &catalog::Catalog) -> String {
    let n = c.counts();
    format!(
        "ok: {} roles, {} levels, {} domains, {} skills, {} expectations ({} required, {} optional)",
        n.roles, n.levels, n.domains, n.skills, n.expectations, n.required, n.optional
    )
}

/// `rungs check`: validate, print the summary or the problems.
pub fn check(path: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    match load(path) {
        Ok(loaded) => {
            writeln!(out, "{}", summary_line(&loaded.catalog))?;
            print_diagnostics(out, &loaded.warnings)?;
            Ok(EXIT_OK)
        }
        Err(e) => {
            print_diagnostics(err, &e.diagnostics)?;
            let errors = e.error_count();
            let warnings = e.diagnostics.len() - errors;
            writeln!(
                err,
                "error: catalog is not valid: {errors} error{}, {warnings} warning{}",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            )?;
            Ok(EXIT_INVALID)
        }
    }
}

/// `rungs init DIR`: write the default catalog as editable files.
pub fn init(
    dir: &Path,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let files = catalog::embedded_files();
    let targets: Vec<(PathBuf, &[u8])> = files.iter().map(|(p, b)| (dir.join(p), *b)).collect();
    if !force {
        let existing: Vec<&PathBuf> = targets
            .iter()
            .map(|(p, _)| p)
            .filter(|p| p.exists())
            .collect();
        if let Some(first) = existing.first() {
            writeln!(
                err,
                "error: {} already exists ({} of the {} files would be overwritten); use --force to overwrite",
                first.display(),
                existing.len(),
                targets.len()
            )?;
            return Ok(EXIT_INVALID);
        }
    }
    for (path, bytes) in &targets {
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(path, bytes));
        if let Err(e) = written {
            writeln!(err, "error: cannot write {}: {e}", path.display())?;
            return Ok(EXIT_INVALID);
        }
    }
    writeln!(
        out,
        "wrote {} files to {}\nnext: edit them, then run `rungs check --catalog {}`",
        targets.len(),
        dir.display(),
        dir.display()
    )?;
    Ok(EXIT_OK)
}

/// The first selection asked for on the command line.
#[derive(Debug, Clone, Default)]
pub struct StartAt {
    pub role: Option<String>,
    pub level: Option<String>,
    pub skill: Option<String>,
}

/// Builds the explorer's starting state, or says which value is unknown.
pub fn explorer_app(
    catalog: catalog::Catalog,
    start: &StartAt,
) -> Result<crate::tui::app::App, catalog::NotFound> {
    let role = start
        .role
        .as_deref()
        .map(|r| catalog.find_role(r))
        .transpose()?;
    let level = start
        .level
        .as_deref()
        .map(|l| catalog.find_level(l))
        .transpose()?;
    let skill = start
        .skill
        .as_deref()
        .map(|s| catalog.find_skill(s))
        .transpose()?;
    let mut app = crate::tui::app::App::new(catalog);
    app.theme = crate::tui::theme::Theme::from_env();
    if let Some(skill) = skill {
        // Without a role, start in the first role whose profile has the skill.
        let role = role.or_else(|| {
            (0..app.catalog.roles.len()).find(|&r| app.catalog.skills[skill].in_role(r))
        });
        if let Some(r) = role {
            app.set_role(r);
        }
        app.select_skill_index(skill);
    } else if let Some(r) = role {
        app.set_role(r);
    }
    if let Some(l) = level {
        app.set_level(l);
    }
    Ok(app)
}
