//! Loading the catalog for a subcommand: from a path or the embedded one,
//! through the cache when allowed, its problems reported on stderr.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::output::print_diagnostics;
use super::{CliError, Settings};
use crate::catalog::{self, LoadError, LoadOptions, Loaded};

/// Where the catalog comes from: a path (from `--catalog`, `RUNGS_CATALOG`
/// or the config), or the embedded default. A directory catalog goes
/// through the cache of parsed files (see `catalog::load_path_cached`:
/// only changed files are parsed again) unless `cache` is off
/// (`RUNGS_NO_CACHE`); every command loads this way, and the result is the
/// same either way, diagnostics included.
/// `options` say how a folder is read (`--follow-external-links`).
pub fn load(path: Option<&Path>, cache: bool, options: &LoadOptions) -> Result<Loaded, LoadError> {
    load_as(path, cache, options, false)
}

/// [`load`]; with `defer`, a few changed cache entries are written while
/// the caller goes on (see `catalog::load_path_cached_deferred`).
fn load_as(
    path: Option<&Path>,
    cache: bool,
    options: &LoadOptions,
    defer: bool,
) -> Result<Loaded, LoadError> {
    let dir = catalog::default_cache_dir().filter(|_| cache);
    match (path, dir) {
        (Some(p), Some(dir)) if defer => catalog::load_path_cached_deferred(p, &dir, options),
        (Some(p), Some(dir)) => catalog::load_path_cached_with(p, &dir, options),
        (Some(p), None) => catalog::load_path_with(p, options),
        (None, _) => catalog::load_embedded(),
    }
}

/// Leaves a one-shot command's catalog to the operating system: the
/// process ends right after the command, and freeing the catalog's ≈ 20
/// allocations per cell one by one would cost, on one core, ≈ 40–45 M
/// instructions at 10,000 skills (a third of what a search costs on two).
/// Only for commands run once from `main`: `check` and `search`.
pub fn leave_to_exit(loaded: Loaded) {
    std::mem::forget(loaded);
}

/// The settings' catalog, its names in the settings' language, or its
/// problems printed to `err` and the error for an invalid catalog. Load
/// warnings are not printed (`rungs check` does).
pub fn catalog_or_report(settings: &Settings, err: &mut dyn Write) -> Result<Loaded, CliError> {
    catalog_or_report_as(settings, err, false)
}

/// [`catalog_or_report`] for the explorer's start: the cache's few changed
/// entries are written while the first frame is drawn. The caller waits
/// for that write before it exits (`catalog::wait_for_cache_writes`).
pub fn catalog_for_start(settings: &Settings, err: &mut dyn Write) -> Result<Loaded, CliError> {
    catalog_or_report_as(settings, err, true)
}

/// Skill files from which the explorer draws its first frame from the
/// cache's skeletons and loads the texts behind it: below, the whole load
/// takes a few milliseconds and a second load behind would only add work.
const PARTIAL_MIN_FILES: usize = 2000;

/// The settings' folder catalog loaded for the explorer's first frame,
/// from the cache's skeletons (see `catalog::load_partial`), its names in
/// the settings' language, with the cache folder; `None` when the whole
/// catalog is to be loaded first (no folder, no cache, a small catalog, a
/// first run, an error).
pub fn partial_for_start(settings: &Settings) -> Option<(catalog::Partial, PathBuf)> {
    let path = settings.catalog.as_deref()?;
    let dir = catalog::default_cache_dir().filter(|_| settings.cache)?;
    let mut partial = catalog::load_partial(path, &dir, &settings.load, PARTIAL_MIN_FILES)?;
    partial.catalog.localize(settings.lang.code());
    Some((partial, dir))
}

fn catalog_or_report_as(
    settings: &Settings,
    err: &mut dyn Write,
    defer: bool,
) -> Result<Loaded, CliError> {
    let mut loaded = load_as(
        settings.catalog.as_deref(),
        settings.cache,
        &settings.load,
        defer,
    )
    .or_else(|e| {
        print_diagnostics(err, &e.diagnostics)?;
        let n = e.error_count();
        Err(CliError::invalid(format!(
            "catalog is not valid ({n} error{}); run `rungs check` for details",
            if n == 1 { "" } else { "s" }
        )))
    })?;
    loaded.catalog.localize(settings.lang.code());
    Ok(loaded)
}
