//! The non-interactive subcommands: `check`, `init`, and catalog selection.
//!
//! Each command writes to the writers it is given and returns an exit code,
//! so tests can run it without a process.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::catalog::{self, Diagnostic, LoadError, Loaded};
use crate::review::{Review, ReviewFile};

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

/// Like [`load`], but an unchanged catalog on disk comes from the cache of
/// parsed catalogs (see `catalog::load_path_cached`), which makes large
/// catalogs open faster. `RUNGS_NO_CACHE` (set to anything) turns it off.
pub fn load_cached(path: Option<&Path>) -> Result<Loaded, LoadError> {
    let dir = catalog::default_cache_dir().filter(|_| std::env::var_os("RUNGS_NO_CACHE").is_none());
    match (path, dir) {
        (Some(p), Some(dir)) => catalog::load_path_cached(p, &dir),
        _ => load(path),
    }
}

/// Loads the catalog, or prints its problems to `err` and gives the exit
/// code for an invalid catalog.
pub fn load_or_report(
    path: Option<&Path>,
    err: &mut dyn Write,
) -> std::io::Result<Result<Loaded, u8>> {
    report(load(path), err)
}

/// [`load_cached`], or its problems printed to `err` and the exit code.
pub fn load_cached_or_report(
    path: Option<&Path>,
    err: &mut dyn Write,
) -> std::io::Result<Result<Loaded, u8>> {
    report(load_cached(path), err)
}

fn report(
    loaded: Result<Loaded, LoadError>,
    err: &mut dyn Write,
) -> std::io::Result<Result<Loaded, u8>> {
    match loaded {
        Ok(l) => Ok(Ok(l)),
        Err(e) => {
            print_diagnostics(err, &e.diagnostics)?;
            let n = e.error_count();
            writeln!(
                err,
                "error: catalog is not valid ({n} error{}); run `rungs check` for details",
                if n == 1 { "" } else { "s" }
            )?;
            Ok(Err(EXIT_INVALID))
        }
    }
}

/// Writes `value` as pretty JSON and a newline. A write error keeps its
/// kind (`From<serde_json::Error> for io::Error`), so a closed pipe still
/// reads as `BrokenPipe`.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)
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
    /// Start in the gap view, to this level.
    pub to: Option<String>,
    /// Start in the gap view assessing this review file.
    pub review: Option<PathBuf>,
}

/// Why the explorer could not start: a message and an exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartError {
    pub code: u8,
    pub message: String,
}

impl StartError {
    fn usage(message: impl Into<String>) -> Self {
        StartError {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }
    fn invalid(message: impl Into<String>) -> Self {
        StartError {
            code: EXIT_INVALID,
            message: message.into(),
        }
    }
}

impl From<catalog::NotFound> for StartError {
    fn from(e: catalog::NotFound) -> Self {
        StartError::usage(format!("error: {e}"))
    }
}

/// Builds the explorer, in the gap view when `--to` or `--review` asks for
/// it. Returns the open review file to save into, if any.
pub fn start(
    catalog: catalog::Catalog,
    start: &StartAt,
    today: catalog::Date,
) -> Result<(crate::tui::app::App, Option<ReviewFile>), StartError> {
    let Some(path) = &start.review else {
        let mut app = explorer_app(catalog, start)?;
        app.today = today;
        if let Some(to) = &start.to {
            let to = app.catalog.find_level(to)?;
            if to <= app.level {
                return Err(StartError::usage(format!(
                    "error: --to must be above the level ({}); use --level to choose where to start",
                    app.catalog.levels[app.level].name
                )));
            }
            app.start_gap(to, None);
        }
        return Ok((app, None));
    };
    let title = catalog.display_title().to_string();
    let wanted_role = start
        .role
        .as_deref()
        .map(|r| catalog.find_role(r))
        .transpose()?;
    let wanted_from = start
        .level
        .as_deref()
        .map(|l| catalog.find_level(l))
        .transpose()?;
    let wanted_to = start
        .to
        .as_deref()
        .map(|l| catalog.find_level(l))
        .transpose()?;
    let mut missing = false;
    let file = ReviewFile::open_or_new(path, || {
        missing = true;
        Review::new("", "", "", &title, today)
    })
    .map_err(|e| StartError::invalid(format!("{e}")))?;
    let mut file = file;
    let (role, from, to) = if missing {
        let (Some(role), Some(from)) = (wanted_role, wanted_from) else {
            return Err(StartError::usage(format!(
                "error: {} does not exist yet; give --role and --level (and optionally --to) to start a new review there",
                path.display()
            )));
        };
        let to = wanted_to.unwrap_or(from + 1);
        if to <= from || to >= catalog.levels.len() {
            return Err(StartError::usage(format!(
                "error: the target level must be above {}; valid targets: {}",
                catalog.levels[from].name,
                catalog.levels[from + 1..]
                    .iter()
                    .map(|l| l.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        file.review.role = catalog.roles[role].id.clone();
        file.review.from = catalog.levels[from].id.clone();
        file.review.to = catalog.levels[to].id.clone();
        (role, from, to)
    } else {
        let r = &file.review;
        let find = |what: &str, id: &str, found: Option<usize>| {
            found.ok_or_else(|| {
                StartError::invalid(format!(
                    "error: {}: the review's {what} `{id}` is not in this catalog",
                    path.display()
                ))
            })
        };
        // Ids or names, as `rungs gap --review` reads them.
        let role = find("role", &r.role, catalog.find_role(&r.role).ok())?;
        let from = find("from level", &r.from, catalog.find_level(&r.from).ok())?;
        let to = find("target level", &r.to, catalog.find_level(&r.to).ok())?;
        for (flag, wanted, actual, names) in [
            ("--role", wanted_role, role, &catalog.roles),
            ("--level", wanted_from, from, &catalog.levels),
            ("--to", wanted_to, to, &catalog.levels),
        ] {
            if let Some(w) = wanted.filter(|w| *w != actual) {
                return Err(StartError::usage(format!(
                    "error: {flag} {} does not match the review in {}, which is for {}; leave {flag} out to use the review's",
                    names[w].id,
                    path.display(),
                    names[actual].id
                )));
            }
        }
        if to <= from {
            return Err(StartError::invalid(format!(
                "error: {}: the review's target level `{}` is not above its from level `{}`",
                path.display(),
                r.to,
                r.from
            )));
        }
        (role, from, to)
    };
    let mut app = crate::tui::app::App::new(catalog);
    app.today = today;
    app.set_role(role);
    app.set_level(from);
    let state = crate::tui::gap_view::ReviewState {
        review: file.review.clone(),
        file: Some(path.display().to_string()),
        locked: true,
    };
    app.start_gap(to, Some(state));
    Ok((app, Some(file)))
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
