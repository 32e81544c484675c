//! Reading catalog sources: the limits, walking a catalog folder (hidden
//! files, symlinks, depth), reading and decoding bytes, and the embedded
//! default catalog.
//!
//! Nothing here parses TOML; [`super::load`] assembles the model from what
//! this module reads.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use include_dir::{Dir, include_dir};

use super::diagnostic::{Diagnostic, Severity, SourceFile};

/// The default catalog, compiled into the binary.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/catalog");

/// How embedded files are named in messages.
pub const EMBEDDED_PREFIX: &str = "<embedded>";

/// Largest catalog file read; larger ones are refused with an error.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Most files a directory catalog may hold.
pub const MAX_FILES: usize = 100_000;
/// Most expectation cells a catalog may hold, counting every role × level
/// slot of every skill, written or not. Each skill keeps a full grid, so a
/// small file with thousands of roles and levels would otherwise need
/// gigabytes.
pub const MAX_CELLS: usize = 10_000_000;
/// Most bytes a catalog may hold, all its files together. Files are read
/// in parallel; the first one that takes the total past this is reported
/// and no more are read.
pub const MAX_TOTAL_BYTES: u64 = 512 * 1024 * 1024;
/// Most skills a catalog may hold, root `[[skills]]` and skill files
/// together (catalogs of this size are benchmarked).
pub const MAX_SKILLS: usize = 100_000;
/// How a catalog folder is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Follow symbolic links that lead outside the catalog folder. Off by
    /// default: a link to a file elsewhere (a secrets file, say) would have
    /// its lines printed in error snippets, and a link to `/` would walk the
    /// whole file system. `--follow-external-links` turns it on.
    pub follow_external_links: bool,
}

/// Deepest folder nesting followed below a catalog root.
const MAX_DEPTH: usize = 64;

/// The bytes every file of one catalog load has read so far, against
/// [`MAX_TOTAL_BYTES`]. Shared by the threads that read skill files.
#[derive(Debug, Default)]
pub(super) struct Budget {
    bytes: AtomicU64,
    over: AtomicBool,
}

impl Budget {
    pub(super) fn new() -> Arc<Budget> {
        Arc::new(Budget::default())
    }

    /// Counts a file of `len` bytes. `Err(Some(message))` for the file that
    /// takes the total past the limit, `Err(None)` for every file after it
    /// (one error is enough; those are not read at all).
    fn take(&self, len: u64) -> Result<(), Option<String>> {
        if self.over.load(Ordering::Relaxed) {
            return Err(None);
        }
        let total = self
            .bytes
            .fetch_add(len, Ordering::Relaxed)
            .saturating_add(len);
        if total <= MAX_TOTAL_BYTES {
            return Ok(());
        }
        if self.over.swap(true, Ordering::Relaxed) {
            return Err(None);
        }
        Err(Some(format!(
            "the catalog's files hold more than {} MiB together ({total} bytes with this file; \
             at most {MAX_TOTAL_BYTES} bytes); the rest is not read; split it into several catalogs",
            MAX_TOTAL_BYTES / (1024 * 1024)
        )))
    }
}

/// One file of a catalog before decoding: where it is and its bytes.
/// `Err(None)` is a file not read because the catalog was already too large
/// (that was reported once, on the file that made it so).
pub(super) struct RawFile {
    display: String,
    bytes: Result<Vec<u8>, Option<Diagnostic>>,
    /// A skill file not read yet: it is read on the thread that parses it,
    /// so reading and parsing overlap across cores.
    later: Option<(PathBuf, Arc<Budget>)>,
}

impl RawFile {
    /// A file whose bytes are already in memory, named `display` in
    /// messages.
    pub(super) fn in_memory(display: String, bytes: Vec<u8>) -> Self {
        RawFile {
            display,
            bytes: Ok(bytes),
            later: None,
        }
    }

    /// The bytes read, when they were read without error.
    pub(super) fn bytes(&self) -> Option<&[u8]> {
        self.bytes.as_deref().ok()
    }

    /// The file with its bytes read (counted against its load's budget),
    /// when it was made by [`RawFile::later`]; else itself.
    pub(super) fn read(self) -> RawFile {
        match &self.later {
            Some((path, budget)) => read_raw(path, budget),
            None => self,
        }
    }

    /// A file read only when [`decode`] is called, on the thread that
    /// parses it.
    pub(super) fn later(path: PathBuf, budget: Arc<Budget>) -> Self {
        RawFile {
            display: String::new(),
            bytes: Ok(Vec::new()),
            later: Some((path, budget)),
        }
    }
}

/// Every file of the embedded catalog, with its path relative to the root.
pub fn embedded_files() -> Vec<(PathBuf, &'static [u8])> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for file in dir.files() {
        out.push((file.path().to_path_buf(), file.contents()));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

pub(super) fn is_catalog_file(path: &Path) -> bool {
    let hidden = path
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !hidden && path.extension().is_some_and(|e| e == "toml")
}

/// A path as it appears in messages: a file name may hold control
/// characters too, and must not drive the terminal either.
pub(super) fn shown(path: &Path) -> String {
    super::clean::clean(&path.display().to_string(), true).text
}

pub(super) fn describe_io(e: &std::io::Error, what: &str) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => format!("{what} not found: no such file or directory"),
        std::io::ErrorKind::PermissionDenied => format!("cannot read {what}: permission denied"),
        _ => format!("cannot read {what}: {e}"),
    }
}

/// The error for a symbolic link that leaves the catalog folder, or `None`
/// when `link` (whose target is `target`, already resolved) stays inside
/// `root` (resolved too) or such links are followed.
pub(super) fn external_link(
    link: &Path,
    target: &Path,
    root: Option<&Path>,
    options: &LoadOptions,
) -> Option<Diagnostic> {
    let root = root?;
    if options.follow_external_links || target.starts_with(root) {
        return None;
    }
    Some(Diagnostic::at_file(
        Severity::Error,
        shown(link),
        format!(
            "symbolic link to {}, outside the catalog folder: not read \
             (a link must stay inside the catalog; pass --follow-external-links to follow it anyway)",
            shown(target)
        ),
    ))
}

/// Every skill file below `root`, in sorted path order. Folders and files
/// whose names start with `.` are skipped; a folder reached twice (through a
/// symlink) is read once, so links cannot loop. A symlink that leads
/// outside `root` is an error unless `options` say to follow it.
pub(super) fn gather(
    root: &Path,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut visited = HashSet::new();
    let canonical_root = fs::canonicalize(root).ok();
    if let Some(canonical) = &canonical_root {
        visited.insert(canonical.clone());
    }
    // Each folder with its canonical path: a real folder inside a known
    // canonical folder is that path joined with its name, so only links
    // need the file system to resolve them (canonicalizing every folder
    // read each component's link).
    let mut stack = vec![(root.to_path_buf(), canonical_root.clone(), 0usize)];
    while let Some((dir, canonical_dir, depth)) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                diags.push(Diagnostic::at_file(
                    Severity::Error,
                    shown(&dir),
                    describe_io(&e, "folder"),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // The entry's own type needs no system call; only a symlink
            // needs metadata(), which follows it: a link to a folder is a
            // folder.
            let mut resolved = None;
            let is_dir = match entry.file_type() {
                Ok(t) if t.is_symlink() => {
                    let (Ok(meta), Ok(target)) = (fs::metadata(&path), fs::canonicalize(&path))
                    else {
                        continue; // a dangling link is not part of the catalog
                    };
                    if !meta.is_dir() && !is_skill_name(&path, depth) {
                        continue;
                    }
                    if let Some(d) =
                        external_link(&path, &target, canonical_root.as_deref(), options)
                    {
                        diags.push(d);
                        continue;
                    }
                    resolved = Some(target);
                    meta.is_dir()
                }
                Ok(t) => t.is_dir(),
                Err(_) => continue,
            };
            if is_dir {
                let canonical = match (resolved, &canonical_dir) {
                    (Some(target), _) => target,
                    (None, Some(parent)) => parent.join(&name),
                    (None, None) => match fs::canonicalize(&path) {
                        Ok(c) => c,
                        Err(_) => continue,
                    },
                };
                if depth + 1 > MAX_DEPTH {
                    diags.push(Diagnostic::at_file(
                        Severity::Warning,
                        shown(&path),
                        format!("folder nested deeper than {MAX_DEPTH} levels is not read"),
                    ));
                } else if visited.insert(canonical.clone()) {
                    stack.push((path, Some(canonical), depth + 1));
                }
            } else if is_skill_name(&path, depth) {
                out.push(path);
                if out.len() > MAX_FILES {
                    diags.push(Diagnostic::at_file(
                        Severity::Error,
                        shown(root),
                        format!("catalog has more than {MAX_FILES} skill files; split it into several catalogs"),
                    ));
                    return Vec::new();
                }
            }
        }
    }
    sort_as_paths(&mut out);
    out
}

/// Sorts paths into the order `Path::cmp` gives, by comparing bytes.
///
/// `Path::cmp` splits both paths into components at every comparison,
/// which cost about a quarter of a cache-hit load at 10,000 files. For the
/// paths `gather` makes (one root joined with plain names: no `.`, `..` or
/// empty components) comparing bytes with each separator read as the
/// lowest byte gives the same order: equal names step past their
/// separators together, and a name that is a prefix of another sorts first
/// either way.
fn sort_as_paths(paths: &mut [PathBuf]) {
    fn rank(byte: u8) -> u8 {
        if std::path::is_separator(char::from(byte)) {
            0
        } else {
            byte
        }
    }
    paths.sort_unstable_by(|a, b| {
        let (a, b) = (
            a.as_os_str().as_encoded_bytes(),
            b.as_os_str().as_encoded_bytes(),
        );
        // Only the first differing byte decides; finding it is a word-wide
        // comparison over the long shared prefix (the root, the folder).
        let at = first_difference(a, b);
        match (a.get(at), b.get(at)) {
            (Some(&x), Some(&y)) => rank(x).cmp(&rank(y)),
            _ => a.len().cmp(&b.len()),
        }
    });
}

/// The index of the first byte where `a` and `b` differ, or the shorter
/// length when one is a prefix of the other.
fn first_difference(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut at = 0;
    for (x, y) in a[..n].chunks_exact(8).zip(b[..n].chunks_exact(8)) {
        let (Ok(x), Ok(y)) = (<[u8; 8]>::try_from(x), <[u8; 8]>::try_from(y)) else {
            break;
        };
        let diff = u64::from_le_bytes(x) ^ u64::from_le_bytes(y);
        if diff != 0 {
            return at + (diff.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + a[at..n]
        .iter()
        .zip(&b[at..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// True when a file at `path`, `depth` folders below the root, is read as a
/// skill file: a `.toml` file other than the root's `catalog.toml`.
fn is_skill_name(path: &Path, depth: usize) -> bool {
    path.extension().is_some_and(|e| e == "toml")
        && !(depth == 0 && path.file_name().is_some_and(|n| n == "catalog.toml"))
}

/// Reads one catalog file, counting it against the load's `budget`.
///
/// The file is opened without blocking and must be a regular file (a FIFO
/// named `*.toml` would otherwise hang the load); the check is an `fstat`
/// on the open file, which also gives the size, so it costs no extra
/// system call.
pub(super) fn read_raw(path: &Path, budget: &Budget) -> RawFile {
    let display = shown(path);
    let bytes = (|| {
        let (file, len) =
            crate::fsutil::open_regular(path).map_err(|e| Some(describe_io(&e, "file")))?;
        if len > MAX_FILE_BYTES {
            return Err(Some(too_big(len)));
        }
        budget.take(len)?;
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        // Read one byte past the limit so a file that grows while read is
        // still caught.
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Some(describe_io(&e, "file")))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Some(too_big(bytes.len() as u64)));
        }
        Ok(bytes)
    })();
    RawFile {
        bytes: bytes
            .map_err(|m| m.map(|m| Diagnostic::at_file(Severity::Error, display.clone(), m))),
        display,
        later: None,
    }
}

fn too_big(len: u64) -> String {
    format!(
        "file is {len} bytes; catalog files may be at most {} MiB ({MAX_FILE_BYTES} bytes); split it into a directory catalog",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Decodes a file as UTF-8, or says where the first invalid byte is.
/// `Err(None)`: not read, the catalog was already too large.
pub(super) fn decode(raw: RawFile) -> Result<SourceFile, Option<Diagnostic>> {
    let raw = raw.read();
    let bytes = raw.bytes?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{FEFF}') {
                text.drain(..3);
            }
            Ok(SourceFile::new(raw.display, text))
        }
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(Some(Diagnostic {
                line,
                col,
                ..Diagnostic::at_file(
                    Severity::Error,
                    raw.display,
                    format!(
                        "file is not valid UTF-8 (byte 0x{:02X} at offset {valid}); save it as UTF-8 text",
                        bytes[valid]
                    ),
                )
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        // Characters around the separator's byte value ('-', '.', '0'), case,
        // and a multi-byte letter, so prefixes and near-ties are common.
        proptest::string::string_regex("[-._0aAbé]{1,4}")
            .expect("valid regex")
            .prop_filter("a plain name", |n| n != "." && n != "..")
    }

    proptest! {
        #[test]
        fn byte_order_is_path_order(
            root in prop::sample::select(vec!["cat", "/tmp/cat", "./cat", "a/b-c"]),
            names in prop::collection::vec(prop::collection::vec(name(), 1..4), 0..40),
        ) {
            let mut paths: Vec<PathBuf> = names
                .iter()
                .map(|parts| parts.iter().fold(PathBuf::from(root), |p, n| p.join(n)))
                .collect();
            paths.sort();
            paths.dedup();
            let mut by_bytes = paths.clone();
            by_bytes.reverse();
            sort_as_paths(&mut by_bytes);
            prop_assert_eq!(by_bytes, paths);
        }
    }

    proptest! {
        #[test]
        fn first_difference_finds_the_first_differing_byte(
            a in prop::collection::vec(0u8..4, 0..40),
            b in prop::collection::vec(0u8..4, 0..40),
        ) {
            let slow = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            prop_assert_eq!(first_difference(&a, &b), slow);
        }
    }

    #[test]
    fn a_name_sorts_before_its_longer_siblings_and_their_folders() {
        let mut paths: Vec<PathBuf> = ["c/a-b.toml", "c/a/z.toml", "c/a.toml", "c/a0.toml"]
            .iter()
            .map(PathBuf::from)
            .collect();
        sort_as_paths(&mut paths);
        let shown: Vec<_> = paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        assert_eq!(shown, ["c/a/z.toml", "c/a-b.toml", "c/a.toml", "c/a0.toml"]);
    }
}
