//! A cache of parsed catalogs, so an unchanged catalog opens without
//! parsing its TOML again.
//!
//! The cache is keyed by every source file's path, size and modification
//! time, and by the rungs version: any edit, added or removed file, or a new
//! rungs reads the files again. Only valid catalogs are cached. The cache is
//! a convenience: any problem with it (missing, unreadable, corrupt, not
//! writable) falls back to reading the catalog.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::diagnostic::Diagnostic;
use super::load::{LoadError, Loaded, load_listed, load_path};
use super::source::catalog_files;
use super::types::{Catalog, Named, Skill};
use crate::fsutil::{RealFs, write_atomic_with};

/// One source file as the key sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    path: String,
    len: u64,
    modified_ns: u128,
}

/// What is stored, as read back.
#[derive(Deserialize)]
struct Snapshot {
    version: String,
    key: Vec<Stamp>,
    title: Option<String>,
    levels: Vec<Named>,
    roles: Vec<Named>,
    domains: Vec<Named>,
    skills: Vec<Skill>,
    warnings: Vec<Diagnostic>,
}

/// What is stored, as written: the same layout as [`Snapshot`], borrowing
/// the catalog instead of copying it, so writing the cache does not double
/// the memory a large catalog takes.
#[derive(Serialize)]
struct SnapshotRef<'a> {
    version: &'a str,
    key: &'a [Stamp],
    title: &'a Option<String>,
    levels: &'a [Named],
    roles: &'a [Named],
    domains: &'a [Named],
    skills: &'a [Skill],
    warnings: &'a [Diagnostic],
}

/// The stamps of every file a catalog is read from, or `None` when one
/// cannot be read (then the cache is not used).
fn stamps(files: &[PathBuf]) -> Option<Vec<Stamp>> {
    files
        .iter()
        .map(|p| {
            let meta = fs::metadata(p).ok()?;
            let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
            Some(Stamp {
                path: p.display().to_string(),
                len: meta.len(),
                modified_ns: modified.as_nanos(),
            })
        })
        .collect()
}

fn cache_file(dir: &Path, catalog: &Path) -> PathBuf {
    let canonical = fs::canonicalize(catalog).unwrap_or_else(|_| catalog.to_path_buf());
    let mut h = DefaultHasher::new();
    canonical.hash(&mut h);
    dir.join(format!("{:016x}.bin", h.finish()))
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard()
}

/// Loads the catalog at `path`, from the cache in `dir` when it is there
/// and up to date, else from its files (and then caches it).
pub fn load_path_cached(path: &Path, dir: &Path) -> Result<Loaded, LoadError> {
    let Some(files) = catalog_files(path) else {
        return load_path(path);
    };
    let Some(key) = stamps(&files) else {
        return load_path(path);
    };
    let file = cache_file(dir, path);
    if let Some(loaded) = read(&file, &key, &files) {
        return Ok(loaded);
    }
    let loaded = load_listed(path, &files)?;
    // The files may have changed while they were read: only a key taken
    // after the load, equal to the one before, is safe to store.
    if stamps(&loaded.files).as_ref() == Some(&key) {
        write(&file, key, &loaded);
    }
    Ok(loaded)
}

fn read(file: &Path, key: &[Stamp], files: &[PathBuf]) -> Option<Loaded> {
    let bytes = fs::read(file).ok()?;
    let (snap, _): (Snapshot, usize) = bincode::serde::decode_from_slice(&bytes, config()).ok()?;
    if snap.version != env!("CARGO_PKG_VERSION") || snap.key != key {
        return None;
    }
    Some(Loaded {
        catalog: Catalog::new(
            snap.title,
            snap.levels,
            snap.roles,
            snap.domains,
            snap.skills,
        ),
        warnings: snap.warnings,
        files: files.to_vec(),
    })
}

fn write(file: &Path, key: Vec<Stamp>, loaded: &Loaded) {
    let c = &loaded.catalog;
    let snap = SnapshotRef {
        version: env!("CARGO_PKG_VERSION"),
        key: &key,
        title: &c.title,
        levels: &c.levels,
        roles: &c.roles,
        domains: &c.domains,
        skills: &c.skills,
        warnings: &loaded.warnings,
    };
    let Some(dir) = file.parent() else { return };
    let _ = fs::create_dir_all(dir);
    // Streamed to a temporary file in the same folder, then renamed over
    // the old cache: a reader never sees half a file. Failing to write is
    // not an error: the catalog is read from its files next time.
    let _ = write_atomic_with(&RealFs, file, &mut |w| {
        bincode::serde::encode_into_std_write(&snap, &mut &mut *w, config())
            .map(drop)
            .map_err(std::io::Error::other)
    });
}

/// Where catalogs are cached: the platform's cache folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.cache_dir().join("rungs").join("catalogs"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_catalog_equals_a_loaded_one_and_edits_invalidate_it() {
        let dir = tempfile::tempdir().unwrap();
        let cat = dir.path().join("cat");
        let cache = dir.path().join("cache");
        for (path, bytes) in crate::catalog::embedded_files() {
            let path = cat.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        let first = load_path_cached(&cat, &cache).unwrap();
        assert_eq!(fs::read_dir(&cache).unwrap().count(), 1, "cached");
        let second = load_path_cached(&cat, &cache).unwrap();
        assert_eq!(second.catalog.skills, first.catalog.skills);
        assert_eq!(second.catalog.levels, first.catalog.levels);
        assert_eq!(second.catalog.profile(0), first.catalog.profile(0));
        assert_eq!(second.warnings, first.warnings);

        // An edit of the same size still changes the modification time.
        let f = cat.join("skills/machine-learning/deep-learning.toml");
        let text = fs::read_to_string(&f)
            .unwrap()
            .replace("Deep Learning", "Deep Learnin!");
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&f, text).unwrap();
        let third = load_path_cached(&cat, &cache).unwrap();
        let i = third.catalog.skill_index("deep-learning").unwrap();
        assert_eq!(third.catalog.skills[i].name, "Deep Learnin!");

        // A removed file, and a corrupt cache, are noticed too.
        fs::remove_file(cat.join("skills/data-engineering/sql.toml")).unwrap();
        assert!(
            load_path_cached(&cat, &cache)
                .unwrap()
                .catalog
                .skill_index("sql")
                .is_none()
        );
        for e in fs::read_dir(&cache).unwrap().flatten() {
            fs::write(e.path(), b"garbage").unwrap();
        }
        assert!(
            load_path_cached(&cat, &cache)
                .unwrap()
                .catalog
                .skill_index("deep-learning")
                .is_some()
        );
    }

    #[test]
    fn invalid_catalogs_are_not_cached() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("c.toml");
        fs::write(&f, "title = 3\n").unwrap();
        let cache = dir.path().join("cache");
        assert!(load_path_cached(&f, &cache).is_err());
        assert!(!cache.exists() || fs::read_dir(&cache).unwrap().count() == 0);
    }
}
