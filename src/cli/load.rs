//! Loading the catalog for a subcommand: from a path or the embedded one,
//! through the cache when allowed, its problems reported on stderr.

use std::io::Write;
use std::path::Path;

use super::output::print_diagnostics;
use super::{CliError, Settings};
use crate::catalog::{self, LoadError, Loaded};

/// Where the catalog comes from: a path (from `--catalog`, `RUNGS_CATALOG`
/// or the config), or the embedded default.
pub fn load(path: Option<&Path>) -> Result<Loaded, LoadError> {
    match path {
        Some(p) => catalog::load_path(p),
        None => catalog::load_embedded(),
    }
}

/// Like [`load`], but an unchanged catalog on disk comes from the cache of
/// parsed catalogs (see `catalog::load_path_cached`), which makes large
/// catalogs open faster, unless `cache` is off (`RUNGS_NO_CACHE`).
fn load_cached(path: Option<&Path>, cache: bool) -> Result<Loaded, LoadError> {
    let dir = catalog::default_cache_dir().filter(|_| cache);
    match (path, dir) {
        (Some(p), Some(dir)) => catalog::load_path_cached(p, &dir),
        _ => load(path),
    }
}

/// The settings' catalog (through the cache when `cached`), or its problems
/// printed to `err` and the error for an invalid catalog. Load warnings are
/// not printed (`rungs check` does).
pub fn catalog_or_report(
    settings: &Settings,
    cached: bool,
    err: &mut dyn Write,
) -> Result<Loaded, CliError> {
    let path = settings.catalog.as_deref();
    let loaded = if cached {
        load_cached(path, settings.cache)
    } else {
        load(path)
    };
    loaded.or_else(|e| {
        print_diagnostics(err, &e.diagnostics)?;
        let n = e.error_count();
        Err(CliError::invalid(format!(
            "catalog is not valid ({n} error{}); run `rungs check` for details",
            if n == 1 { "" } else { "s" }
        )))
    })
}
