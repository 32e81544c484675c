//! The parsed-catalog cache: each skill file's parsed result kept between
//! runs, so an unchanged file is not parsed again and an edit re-parses
//! only the files that changed.
//!
//! A directory catalog's cache is a folder of *shards* (`0.bin` … `63.bin`;
//! one for small catalogs), each holding the entries of the skill files
//! whose path hashes to it. An entry holds the file's path, size,
//! modification time and content hash, and its parsed skill and
//! diagnostics, so `rungs check` still reports every problem of every file.
//! A shard's header names the cache format, the rungs version and the ids of
//! the catalog's levels, roles and domains (what a skill file is checked
//! against); a shard whose header differs is not used.
//!
//! A file is taken from the cache without reading it when its size and
//! modification time are those recorded and that time lies well before the
//! moment it was last read (`RACY`), so that an edit within the file
//! system's timestamp granularity cannot go unnoticed; otherwise it is read
//! and its content hash decides. The catalog root is always parsed (it is
//! one small file), and warnings and duplicate ids are always checked over
//! the whole catalog.
//!
//! Beside each shard, its *skeleton* (`0.skel` …): the same entries with
//! each skill cut to its id, names, domain and cells' necessities, a tenth
//! of the bytes. The explorer draws its first frame from the skeletons
//! ([`load_partial`]) and fills the texts into that catalog behind it,
//! one shard's whole entries at a time ([`fill_texts`]); every write of a
//! shard writes its skeleton too.
//!
//! Names and hashes use XXH3 (64 bits), a fixed, documented algorithm, so a
//! cache made by one build is found by the next. Each shard ends with the
//! XXH3 of its bytes: a truncated, corrupt or foreign shard is ignored and
//! written again. Nothing in the cache is trusted that the checks above do
//! not confirm, and any problem with the cache (missing, unreadable, not
//! writable) falls back to reading the files.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::diagnostic::Diagnostic;
use super::load::{FileResult, LoadError, Loaded, dir_files, load_dir, load_path_with, skill_file};
use super::parse::{Schema, SkillDef};
use super::source::{LoadOptions, RawFile};
use super::types::{Catalog, Cell, Localized, MODEL_VERSION, Origin, Skill};
use crate::fsutil::{RealFs, write_atomic};

/// Raised whenever the layout below changes. 4: each shard has its
/// skeleton beside it (`N.skel`, see [`load_partial`]).
const FORMAT: u32 = 4;
const MAGIC: [u8; 8] = *b"rungsCC\0";
/// The magic of a shard's skeleton file.
const SKEL_MAGIC: [u8; 8] = *b"rungsSK\0";
/// Most shards a catalog's cache is split into.
const MAX_SHARDS: usize = 64;
/// Skill files per shard that make a catalog use more than one shard.
const FILES_PER_SHARD: usize = 256;
/// A file modified less than this before it was read may have been
/// modified again within the same timestamp tick: its content is compared.
/// Two seconds covers the coarsest common file systems (FAT).
const RACY_NS: u128 = 2_000_000_000;

/// What a shard says about itself.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    magic: [u8; 8],
    format: u32,
    /// [`MODEL_VERSION`]: the layout of the parsed skills stored.
    model: u32,
    version: String,
    shards: u32,
    shard: u32,
    /// [`fingerprint`] of the ids the entries were checked against.
    schema: u64,
}

impl Header {
    fn current(shards: usize, shard: usize, schema: u64) -> Self {
        Header {
            magic: MAGIC,
            format: FORMAT,
            model: MODEL_VERSION,
            version: env!("CARGO_PKG_VERSION").to_string(),
            shards: u32::try_from(shards).unwrap_or(u32::MAX),
            shard: u32::try_from(shard).unwrap_or(u32::MAX),
            schema,
        }
    }

    /// Whether this is shard `s` of a file of kind `magic` written by this
    /// build (format, model and version), whatever its layout.
    fn of_this_build(&self, magic: [u8; 8], s: usize) -> bool {
        self.magic == magic
            && self.format == FORMAT
            && self.model == MODEL_VERSION
            && self.version == env!("CARGO_PKG_VERSION")
            && (self.shard as usize) == s
    }
}

/// One skill file as the cache knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified_ns: u128,
}

/// When a file was last read, and what it held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Seen {
    stamp: Stamp,
    hash: u64,
    /// When it was read (before the read began), for [`RACY_NS`].
    checked_ns: u128,
}

impl Seen {
    /// Whether a file whose stamp is `now` still holds what was seen,
    /// by its stamp alone: the same stamp, taken well before the file was
    /// read (a later edit within the same timestamp tick could hide).
    fn trusted(&self, now: Stamp) -> bool {
        self.stamp == now && self.stamp.modified_ns.saturating_add(RACY_NS) < self.checked_ns
    }

    /// Whether the file, read again (`len` bytes hashing to `hash`), holds
    /// what was seen.
    fn same_content(&self, len: u64, hash: u64) -> bool {
        self.stamp.len == len && self.hash == hash
    }
}

/// One skill file's cached result, as read back (and as written when the
/// write is left to a thread of its own, see [`load_path_cached_deferred`]).
#[derive(Serialize, Deserialize)]
struct Entry {
    path: String,
    seen: Seen,
    skill: Option<Skill>,
    diags: Vec<Diagnostic>,
}

impl Entry {
    fn as_ref(&self) -> EntryRef<'_> {
        EntryRef {
            path: &self.path,
            seen: self.seen,
            skill: self.skill.as_ref(),
            diags: &self.diags,
        }
    }
}

/// The same, as written: borrowing the catalog's skill.
#[derive(Clone, Copy, Serialize)]
struct EntryRef<'a> {
    path: &'a str,
    seen: Seen,
    skill: Option<&'a Skill>,
    diags: &'a [Diagnostic],
}

/// What became of one skill file in this load, for writing the cache.
struct Record {
    seen: Seen,
    skill_id: Option<String>,
    diags: Vec<Diagnostic>,
    /// The entry was taken as it was stored: nothing to write for it.
    unchanged: bool,
}

fn now_ns() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified_ns: modified.as_nanos(),
    })
}

/// A fixed hash of the ids skill files are checked against.
fn fingerprint(schema: &Schema) -> u64 {
    let mut bytes = Vec::new();
    for list in [&schema.levels, &schema.roles, &schema.domains] {
        for id in list {
            bytes.extend_from_slice(id.as_bytes());
            bytes.push(0);
        }
        bytes.push(1);
    }
    xxh3_64(&bytes)
}

fn shard_count(files: usize) -> usize {
    (files / FILES_PER_SHARD)
        .next_power_of_two()
        .clamp(1, MAX_SHARDS)
}

fn shard_of(path: &str, shards: usize) -> usize {
    // The modulo is below `shards`, which fits in usize.
    usize::try_from(xxh3_64(path.as_bytes()) % shards as u64).unwrap_or(0)
}

/// The cache folder of the catalog at `path`: named by the hash of its
/// canonical path and of the path as given (which is how file names appear
/// in messages and origins, so it is part of what is cached).
fn cache_folder(dir: &Path, catalog: &Path) -> PathBuf {
    let canonical = fs::canonicalize(catalog).unwrap_or_else(|_| catalog.to_path_buf());
    let key = format!("{}\0{}", canonical.display(), catalog.display());
    dir.join(format!("{:016x}", xxh3_64(key.as_bytes())))
}

fn shard_path(folder: &Path, shard: usize) -> PathBuf {
    folder.join(format!("{shard}.bin"))
}

/// The skeleton of shard `shard`: see [`skeleton`].
fn skel_path(folder: &Path, shard: usize) -> PathBuf {
    folder.join(format!("{shard}.skel"))
}

/// Which file of a shard: its whole entries or their skeletons.
#[derive(Clone, Copy)]
enum Kind {
    Whole,
    Skeleton,
}

impl Kind {
    fn path(self, folder: &Path, shard: usize) -> PathBuf {
        match self {
            Kind::Whole => shard_path(folder, shard),
            Kind::Skeleton => skel_path(folder, shard),
        }
    }

    fn magic(self) -> [u8; 8] {
        match self {
            Kind::Whole => MAGIC,
            Kind::Skeleton => SKEL_MAGIC,
        }
    }
}

/// What lists, lookups and a first frame need of a skill, and none of its
/// texts: its id, names (and their translations), domain, date, and each
/// cell's necessity. A shard's skeleton file holds its entries with their
/// skills cut to this: a tenth of the bytes, read before the first frame
/// while the whole entries are read behind it (see [`load_partial`]).
fn skeleton(skill: &Skill) -> Skill {
    Skill {
        id: skill.id.clone(),
        name: skill.written_name().to_string(),
        domain: skill.domain,
        summary: None,
        tags: Vec::new(),
        updated: skill.updated,
        cumulative: skill.cumulative,
        i18n: Localized::new(skill.i18n.names().to_vec(), Vec::new()),
        cells: skill
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| Cell::plain(c.necessity, String::new())))
            .collect(),
        cells_at: Box::default(),
        levels: skill.levels,
        // Where it was written matters only to messages, which a partial
        // load gives none of: an empty path, one allocation less per skill.
        origin: Origin::default(),
    }
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard()
}

/// Reads one shard: the number of shards of its layout, its schema
/// fingerprint and its entries, when its bytes are whole and its header is
/// `want` (format, version, shard layout), else `None`.
fn read_shard(file: &Path, want: impl Fn(&Header) -> bool) -> Option<(usize, u64, Vec<Entry>)> {
    // Only a regular file, opened without blocking: a FIFO in place of a
    // shard must not hang every start.
    let bytes = crate::fsutil::read_regular(file, u64::MAX).ok()?;
    let body_len = bytes.len().checked_sub(8)?;
    let (body, trailer) = bytes.split_at(body_len);
    if xxh3_64(body).to_le_bytes() != trailer {
        return None;
    }
    let (header, used): (Header, usize) = bincode::serde::decode_from_slice(body, config()).ok()?;
    if !want(&header) {
        return None;
    }
    let rest = body.get(used..)?;
    let (entries, used): (Vec<Entry>, usize) =
        bincode::serde::decode_from_slice(rest, config()).ok()?;
    (used == rest.len()).then_some((header.shards as usize, header.schema, entries))
}

/// Every shard of this build in `folder`, by number (`None` where there is
/// none, or it is not whole): read before the catalog's files are counted,
/// so that reading them overlaps walking the catalog; the caller keeps
/// those of the layout the count gives.
fn read_shards(folder: &Path, kind: Kind) -> Vec<Option<(usize, u64, Vec<Entry>)>> {
    (0..MAX_SHARDS)
        .into_par_iter()
        .map(|s| {
            read_shard(&kind.path(folder, s), |h| {
                h.of_this_build(kind.magic(), s)
                    && (h.shards as usize) > s
                    && (h.shards as usize) <= MAX_SHARDS
            })
        })
        .collect()
}

/// Writes shard `s` and its skeleton (see [`skeleton`]).
fn write_shard_and_skeleton(folder: &Path, header: &Header, s: usize, entries: &[EntryRef<'_>]) {
    write_shard(&shard_path(folder, s), header, entries);
    let skeletons: Vec<Skill> = entries
        .iter()
        .filter_map(|e| e.skill.map(skeleton))
        .collect();
    let mut skeletons = skeletons.iter();
    let skel: Vec<EntryRef<'_>> = entries
        .iter()
        .map(|e| EntryRef {
            skill: e.skill.and_then(|_| skeletons.next()),
            ..*e
        })
        .collect();
    let header = Header {
        magic: SKEL_MAGIC,
        version: header.version.clone(),
        ..*header
    };
    write_shard(&skel_path(folder, s), &header, &skel);
}

/// Writes one shard atomically; failing to write is not an error (the files
/// are read next time).
fn write_shard<E: Serialize>(file: &Path, header: &Header, entries: &[E]) {
    let mut bytes = match bincode::serde::encode_to_vec(header, config()) {
        Ok(b) => b,
        Err(_) => return,
    };
    if bincode::serde::encode_into_std_write(entries, &mut bytes, config()).is_err() {
        return;
    }
    let hash = xxh3_64(&bytes);
    bytes.extend_from_slice(&hash.to_le_bytes());
    let _ = write_atomic(&RealFs, file, &bytes);
}

/// One shard's schema fingerprint and entries, each taken once.
type StoredShard = (u64, Mutex<Vec<Option<Entry>>>);

/// The entries of the shards read, each taken once by the file it is for,
/// with the schema fingerprint of its shard. Kept where they were decoded
/// rather than moved into a slot per file, so a load holds one copy of
/// each entry and no array of slots as large as the catalog's skills.
struct Stored {
    shards: Vec<Option<StoredShard>>,
    /// For each skill file, where its entry is: shard and position.
    at: Vec<Option<(u32, u32)>>,
}

impl Stored {
    /// Takes skill file `i`'s entry, if the cache has one.
    fn take(&self, i: usize) -> Option<(u64, Entry)> {
        let (s, k) = (*self.at.get(i)?)?;
        let (schema, entries) = self.shards.get(s as usize)?.as_ref()?;
        let entry = entries.lock().ok()?.get_mut(k as usize)?.take()?;
        Some((*schema, entry))
    }
}

fn take<T>(m: &Mutex<Option<T>>) -> Option<T> {
    m.lock().ok().and_then(|mut g| g.take())
}

fn put<T>(m: &Mutex<Option<T>>, value: T) {
    if let Ok(mut g) = m.lock() {
        *g = Some(value);
    }
}

/// Loads the catalog at `path`, reusing from the cache in `dir` the parsed
/// result of every skill file that has not changed, and updating the cache.
/// A one-file catalog is read as [`load_path`] reads it.
pub fn load_path_cached(path: &Path, dir: &Path) -> Result<Loaded, LoadError> {
    load_path_cached_with(path, dir, &LoadOptions::default())
}

/// [`load_path_cached`] as `options` say.
pub fn load_path_cached_with(
    path: &Path,
    dir: &Path,
    options: &LoadOptions,
) -> Result<Loaded, LoadError> {
    load_cached(path, dir, options, false)
}

/// [`load_path_cached_with`], for a start that has better things to do than
/// wait for the cache to be written: when few entries changed (an edit or
/// two), their shards are written by a thread of its own while the caller
/// goes on. [`wait_for_writes`] waits for it (a process should before it
/// exits, or the write is lost and its temporary file left behind); every
/// cached load waits for it first, so one process never has two writers.
/// Two processes writing the same shard each write it whole (a new file
/// renamed over the old), and whichever lands last is checked like any
/// other on the next load.
pub fn load_path_cached_deferred(
    path: &Path,
    dir: &Path,
    options: &LoadOptions,
) -> Result<Loaded, LoadError> {
    load_cached(path, dir, options, true)
}

/// Cache writes left to a thread by [`load_path_cached_deferred`].
static PENDING: Mutex<Vec<std::thread::JoinHandle<()>>> = Mutex::new(Vec::new());

/// Most entries whose shards are written on a thread of their own; more
/// (a first load, a changed root) are written before the load returns,
/// as copying them for the thread would cost more than it saves.
const DEFER_MAX_ENTRIES: usize = 2048;

/// Waits until every cache write left to a thread is done.
pub fn wait_for_writes() {
    // The lock is held while joining: a caller that finds the list empty
    // must know no write is still running, even one another thread took
    // out of the list to join (a write thread never takes this lock).
    if let Ok(mut pending) = PENDING.lock() {
        for handle in pending.drain(..) {
            let _ = handle.join();
        }
    }
}

fn load_cached(
    path: &Path,
    dir: &Path,
    options: &LoadOptions,
    defer: bool,
) -> Result<Loaded, LoadError> {
    if !fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return load_path_with(path, options);
    }
    wait_for_writes();
    let folder = cache_folder(dir, path);
    // The shards are read and decoded while the catalog folder is walked.
    let (files, read) = rayon::join(
        || dir_files(path, options),
        || read_shards(&folder, Kind::Whole),
    );
    let files = files?;
    let shards = shard_count(files.skills.len());
    let names = names_of(&files.skills);
    let (stored, stored_per_shard) = stored_of(read, shards, &names);
    let records: Vec<Mutex<Option<Record>>> = names.iter().map(|_| Mutex::new(None)).collect();

    let schema_fp = OnceLock::new();
    let per_file = |i: usize, raw: RawFile, schema: &Schema| -> FileResult {
        let fp = *schema_fp.get_or_init(|| fingerprint(schema));
        let (Some(path), Some(record)) = (files.skills.get(i), records.get(i)) else {
            return skill_file(raw, schema);
        };
        reuse_or_parse(path, stored.take(i), record, fp, raw, schema)
    };
    let root = files.root.clone();
    let skill_paths = files.skills.clone();
    let loaded = load_dir(
        super::load::DirFiles {
            root,
            skills: skill_paths,
            diags: files.diags.clone(),
        },
        Some(&per_file),
        true,
    )?;

    if let Some(&fp) = schema_fp.get() {
        let records: Vec<Option<Record>> = records.iter().map(take).collect();
        store(
            &folder,
            shards,
            fp,
            &names,
            &records,
            &stored_per_shard,
            &loaded,
            defer,
        );
    }
    Ok(loaded)
}

/// Each skill file's path as the cache keys it: borrowed from the path
/// (10,000 strings fewer to allocate at 10,000 skills), and written out
/// only for a path that is not UTF-8.
fn names_of(paths: &[PathBuf]) -> Vec<Cow<'_, str>> {
    paths.iter().map(|p| p.to_string_lossy()).collect()
}

/// The entries of the shards `read` of a layout of `shards`, found by the
/// skill files `names` they are for; and how many entries each shard held
/// (`None` for one not read, or of another layout).
fn stored_of(
    read: Vec<Option<(usize, u64, Vec<Entry>)>>,
    shards: usize,
    names: &[Cow<'_, str>],
) -> (Stored, Vec<Option<usize>>) {
    // Every stored entry goes to its file's slot, with its shard's schema;
    // shards of another layout are of no use.
    let read: Vec<Option<(u64, Vec<Entry>)>> = read
        .into_iter()
        .take(shards)
        .map(|r| r.and_then(|(n, fp, entries)| (n == shards).then_some((fp, entries))))
        .collect();
    let at: HashMap<&str, usize, foldhash::fast::RandomState> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_ref(), i))
        .collect();
    let mut stored = Stored {
        shards: Vec::with_capacity(shards),
        at: vec![None; names.len()],
    };
    let mut stored_per_shard = vec![None; shards];
    for (s, shard) in read.into_iter().enumerate() {
        let Some((schema, entries)) = shard else {
            stored.shards.push(None);
            continue;
        };
        stored_per_shard[s] = Some(entries.len());
        for (k, e) in entries.iter().enumerate() {
            if let Some(&i) = at.get(e.path.as_str())
                && let Some(place) = stored.at.get_mut(i)
            {
                let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
                *place = Some((n(s), n(k)));
            }
        }
        // `Option<Entry>` has the size of `Entry`: collected in place.
        let entries = entries.into_iter().map(Some).collect();
        stored.shards.push(Some((schema, Mutex::new(entries))));
    }
    (stored, stored_per_shard)
}

/// A directory catalog loaded for the explorer's first frame, from the
/// shards' skeletons (see [`load_partial`]): every skill with its id,
/// names, domain and cells' necessities, but the texts only of the skills
/// whose files were parsed in this load.
pub struct Partial {
    /// The catalog, the cells of most of its skills without their texts.
    pub catalog: Catalog,
    /// Positions of the skills whose texts are in (files that changed and
    /// were parsed, and skills written in the root), in order.
    pub with_texts: Vec<usize>,
    /// What [`fill_texts`] needs to load the rest into this catalog.
    pub fill: Fill,
}

/// What a partial load saw, for loading the texts into its catalog behind
/// the first frame ([`fill_texts`]): the skill files, and the content each
/// skill came from, so that the texts are taken only from the same bytes.
pub struct Fill {
    /// The skill files the walk found, in order.
    files: Vec<PathBuf>,
    /// For each of `files`, what it gave: `None` for no skill.
    gave: Vec<Option<Gave>>,
    /// The length and content hash of the catalog root.
    root: (u64, u64),
    /// The ids the skill files were checked against.
    schema: Schema,
}

/// The skill one file gave the partial catalog.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Gave {
    /// Its position in the catalog.
    at: u32,
    /// The length and content hash of the file's bytes it came from.
    len: u64,
    hash: u64,
}

impl Fill {
    /// The skill at position `i` of `catalog` (the partial load's,
    /// localized or not) with all its texts, read and parsed from its file
    /// (one file: well under a millisecond); `None` when the file no longer
    /// holds the very bytes its skeleton came from (same length and content
    /// hash) or they are not a valid skill of that id: a skill read from
    /// other bytes could disagree with the skeleton's profile order, level
    /// counts and ids, so the skeleton is shown until [`fill_texts`] (or
    /// the whole load it falls back to) brings what the files now hold.
    pub fn whole_skill(&self, catalog: &Catalog, i: usize) -> Option<Skill> {
        let at = u32::try_from(i).ok()?;
        let (k, gave) = self
            .gave
            .iter()
            .enumerate()
            .find_map(|(k, g)| g.filter(|g| g.at == at).map(|g| (k, g)))?;
        let raw = RawFile::later(self.files.get(k)?.clone(), super::source::Budget::new()).read();
        let bytes = raw.bytes()?;
        if (bytes.len() as u64, xxh3_64(bytes)) != (gave.len, gave.hash) {
            return None;
        }
        let (def, diags) = skill_file(raw, &self.schema);
        if diags.iter().any(Diagnostic::is_error) {
            return None;
        }
        let skill = def?.skill;
        (skill.id == catalog.skills.get(i)?.id).then_some(skill)
    }
}

/// The length and XXH3 of the catalog root at `path`, read as a regular
/// file; `None` when it cannot be read.
fn root_content(path: &Path) -> Option<(u64, u64)> {
    let bytes = crate::fsutil::read_regular(path, u64::MAX).ok()?;
    Some((bytes.len() as u64, xxh3_64(&bytes)))
}

/// Fewest skill files that are not covered by the skeletons, above which
/// [`load_partial`] gives up; it also gives up above a 32nd of the files.
const PARTIAL_MAX_PARSED: usize = 64;

/// Loads the catalog folder at `path` for a first frame, from the
/// skeletons of the cache in `dir` (see [`skeleton`]): a tenth of the
/// bytes of the whole entries, so the first frame waits for neither the
/// reading nor the decoding of 20 MB of texts at 10,000 skills. Each file
/// is checked as [`load_path_cached`] checks it (its stamp, else its
/// content hash), and one that changed is parsed whole. Nothing is
/// written: the whole load that follows ([`load_path_cached_deferred`])
/// updates the cache.
///
/// `None` when that would not be quicker or not be right, and the caller
/// loads the whole catalog instead: a catalog of fewer than `min_files`
/// skill files, no usable skeletons (a first run; another rungs version),
/// many files changed, a changed root, or any error (the whole load
/// reports it). Skeleton files that are there but unusable are removed,
/// so that the whole load writes them again.
pub fn load_partial(
    path: &Path,
    dir: &Path,
    options: &LoadOptions,
    min_files: usize,
) -> Option<Partial> {
    if !fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return None;
    }
    wait_for_writes();
    let folder = cache_folder(dir, path);
    let (files, read) = rayon::join(
        || dir_files(path, options),
        || read_shards(&folder, Kind::Skeleton),
    );
    let files = files.ok()?;
    if files.skills.len() < min_files {
        return None;
    }
    let shards = shard_count(files.skills.len());
    for (s, shard) in read.iter().enumerate().take(shards) {
        if shard.as_ref().is_none_or(|(n, _, _)| *n != shards) {
            let _ = fs::remove_file(skel_path(&folder, s));
        }
    }
    let names = names_of(&files.skills);
    let (stored, _) = stored_of(read, shards, &names);
    drop(names);
    let covered = stored.at.iter().filter(|a| a.is_some()).count();
    let cap = PARTIAL_MAX_PARSED.max(files.skills.len() / 32);
    if files.skills.len() - covered > cap {
        return None;
    }

    // What each file gave: nothing, its skeleton, or its whole skill.
    const NONE: u8 = 0;
    const SKELETON: u8 = 1;
    const WHOLE: u8 = 2;
    let gave: Vec<AtomicU8> = files.skills.iter().map(|_| AtomicU8::new(NONE)).collect();
    // The length and hash of the bytes each file's skill came from, for
    // the texts loaded behind (see [`fill_texts`]).
    let content: Vec<OnceLock<(u64, u64)>> = files.skills.iter().map(|_| OnceLock::new()).collect();
    let parsed = AtomicUsize::new(0);
    let gave_up = AtomicBool::new(false);
    let schema_fp = OnceLock::new();
    let per_file = |i: usize, raw: RawFile, schema: &Schema| -> FileResult {
        if gave_up.load(Ordering::Relaxed) {
            return (None, Vec::new());
        }
        let fp = *schema_fp.get_or_init(|| fingerprint(schema));
        let (Some(path), Some(gave), Some(content)) =
            (files.skills.get(i), gave.get(i), content.get(i))
        else {
            return (None, Vec::new());
        };
        let prior = stored.take(i).filter(|(s, _)| *s == fp).map(|(_, e)| e);
        let raw = match prior {
            Some(entry) => match changed(path, &entry.seen, raw) {
                None => {
                    if entry.skill.is_some() {
                        gave.store(SKELETON, Ordering::Relaxed);
                    }
                    let _ = content.set((entry.seen.stamp.len, entry.seen.hash));
                    return reused(Some(entry));
                }
                Some(raw) => raw,
            },
            None => raw,
        };
        if parsed.fetch_add(1, Ordering::Relaxed) >= cap {
            gave_up.store(true, Ordering::Relaxed);
            return (None, Vec::new());
        }
        let raw = raw.read();
        if let Some(bytes) = raw.bytes() {
            let _ = content.set((bytes.len() as u64, xxh3_64(bytes)));
        }
        let result = skill_file(raw, schema);
        if result.0.is_some() {
            gave.store(WHOLE, Ordering::Relaxed);
        }
        result
    };
    // The root as it was before and after it was parsed: the texts loaded
    // behind are taken only while it is still the same.
    let root = root_content(&files.root)?;
    let loaded = load_dir(
        super::load::DirFiles {
            root: files.root.clone(),
            skills: files.skills.clone(),
            diags: files.diags.clone(),
        },
        Some(&per_file),
        false,
    )
    .ok()?;
    if gave_up.load(Ordering::Relaxed) || root_content(&files.root)? != root {
        return None;
    }
    let catalog = loaded.catalog;
    let from_files = gave
        .iter()
        .filter(|g| g.load(Ordering::Relaxed) != NONE)
        .count();
    // Skills written in the root come first, whole.
    let in_root = catalog.skills.len().checked_sub(from_files)?;
    let mut with_texts: Vec<usize> = (0..in_root).collect();
    let mut at = in_root;
    let mut gaves = Vec::with_capacity(gave.len());
    for (g, content) in gave.iter().zip(&content) {
        match g.load(Ordering::Relaxed) {
            NONE => {
                gaves.push(None);
                continue;
            }
            WHOLE => with_texts.push(at),
            _ => {}
        }
        let (len, hash) = *content.get()?;
        gaves.push(Some(Gave {
            at: u32::try_from(at).ok()?,
            len,
            hash,
        }));
        at += 1;
    }
    let ids = |v: &[super::types::Named]| v.iter().map(|n| n.id.clone()).collect();
    let schema = Schema::new(
        ids(&catalog.levels),
        ids(&catalog.roles),
        ids(&catalog.domains),
    );
    Some(Partial {
        catalog,
        with_texts,
        fill: Fill {
            files: files.skills,
            gave: gaves,
            root,
            schema,
        },
    })
}

/// Loads behind the explorer's first frame the texts of the catalog that
/// [`load_partial`] loaded, one shard at a time, so that no second catalog
/// is built beside the first: each shard's whole entries are decoded, each
/// of its files checked as the whole load checks it (and parsed when it
/// changed, the shard then written again with its skeleton), and its
/// skills handed to `send` with their positions in the partial catalog,
/// then the shard's data freed.
///
/// A skill is sent only when it comes from the very bytes its skeleton
/// came from (same length and content hash) and the root and the list of
/// skill files are those the partial load saw, so that the partial catalog
/// with every sent skill in place is the catalog a fresh load gives.
/// `false` as soon as that does not hold (a file changed, was added or
/// removed meanwhile, or has errors; some shards may have been sent): the
/// caller then loads the whole catalog instead. `false` too when `send`
/// says to stop (the explorer has ended): no shard is started after that,
/// and none is left half written.
pub fn fill_texts(
    path: &Path,
    dir: &Path,
    options: &LoadOptions,
    fill: &Fill,
    send: impl Fn(Vec<(usize, Skill)>) -> bool + Sync,
) -> bool {
    wait_for_writes();
    let Ok(files) = dir_files(path, options) else {
        return false;
    };
    if files.skills != fill.files
        || fill.gave.len() != fill.files.len()
        || root_content(&files.root) != Some(fill.root)
    {
        return false;
    }
    drop(files);
    let folder = cache_folder(dir, path);
    let shards = shard_count(fill.files.len());
    let fp = fingerprint(&fill.schema);
    let names = names_of(&fill.files);
    // Each shard's files, in file order; and where each file is by name.
    let mut of_shard: Vec<Vec<u32>> = vec![Vec::new(); shards];
    for (i, name) in names.iter().enumerate() {
        if let (Some(list), Ok(i)) = (of_shard.get_mut(shard_of(name, shards)), u32::try_from(i)) {
            list.push(i);
        }
    }
    let at: HashMap<&str, u32, foldhash::fast::RandomState> = names
        .iter()
        .zip(0u32..)
        .map(|(n, i)| (n.as_ref(), i))
        .collect();
    let budget = super::source::Budget::new();
    let wrote = AtomicBool::new(false);
    // Shards are filled on the pool's threads, whose allocator arenas
    // hold the skeletons' freed space: the texts take its place there.
    let one_shard = |(s, list): (usize, &Vec<u32>)| -> Result<(), ()> {
        let read = read_shard(&shard_path(&folder, s), |h| {
            h.of_this_build(MAGIC, s) && (h.shards as usize) == shards && h.schema == fp
        });
        let stored = read.as_ref().map(|(_, _, entries)| entries.len());
        // This shard's stored entries, by the position of their file in
        // `list`.
        let mut prior: Vec<Option<Entry>> = list.iter().map(|_| None).collect();
        for entry in read.map(|(_, _, entries)| entries).unwrap_or_default() {
            let k = at
                .get(entry.path.as_str())
                .and_then(|i| list.binary_search(i).ok());
            if let Some(slot) = k.and_then(|k| prior.get_mut(k)) {
                *slot = Some(entry);
            }
        }
        let mut unchanged = 0;
        let mut changed = false;
        let mut results = Vec::with_capacity(list.len());
        for (&i, prior) in list.iter().zip(prior) {
            let i = i as usize;
            let (Some(file), Some(name), Some(gave)) =
                (fill.files.get(i), names.get(i), fill.gave.get(i))
            else {
                return Err(());
            };
            let record = Mutex::new(None);
            let raw = RawFile::later(file.clone(), budget.clone());
            let (def, diags) =
                reuse_or_parse(file, prior.map(|e| (fp, e)), &record, fp, raw, &fill.schema);
            let Some(record) = take(&record) else {
                return Err(());
            };
            let content = Some((record.seen.stamp.len, record.seen.hash));
            if diags.iter().any(Diagnostic::is_error)
                || def.is_some() != gave.is_some()
                || gave.is_some_and(|g| content != Some((g.len, g.hash)))
            {
                return Err(());
            }
            if record.unchanged {
                unchanged += 1;
            } else {
                changed = true;
            }
            results.push((name, record, def.map(|d| d.skill), gave.map(|g| g.at)));
        }
        if shard_stale(stored, unchanged, changed, !skel_path(&folder, s).is_file()) {
            let entries: Vec<EntryRef<'_>> = results
                .iter()
                .map(|(name, record, skill, _)| EntryRef {
                    path: name,
                    seen: record.seen,
                    skill: skill.as_ref(),
                    diags: &record.diags,
                })
                .collect();
            let _ = fs::create_dir_all(&folder);
            write_shard_and_skeleton(&folder, &Header::current(shards, s, fp), s, &entries);
            wrote.store(true, Ordering::Relaxed);
        }
        let skills: Vec<(usize, Skill)> = results
            .into_iter()
            .filter_map(|(_, _, skill, at)| Some((at? as usize, skill?)))
            .collect();
        if skills.is_empty() || send(skills) {
            Ok(())
        } else {
            Err(())
        }
    };
    if of_shard
        .par_iter()
        .enumerate()
        .try_for_each(one_shard)
        .is_err()
    {
        return false;
    }
    if wrote.load(Ordering::Relaxed) {
        remove_other_layouts(&folder, shards);
    }
    true
}

/// Whether a shard stored with `stored` entries (`None`: not there whole)
/// must be written again, when `unchanged` of its files were taken
/// unchanged from it: anything in it `changed` (or could not be cached),
/// an entry is left over (a file removed since), or its skeleton is
/// missing (`no_skeleton`: removed as unusable, or never written).
fn shard_stale(stored: Option<usize>, unchanged: usize, changed: bool, no_skeleton: bool) -> bool {
    changed || no_skeleton || stored != Some(unchanged)
}

/// The file at `path` to parse, when it no longer holds what `seen` says
/// (read, when it was read to tell); `None` when it still does: by its
/// stamp when that is old enough to trust, else by its content hash.
fn changed(path: &Path, seen: &Seen, raw: RawFile) -> Option<RawFile> {
    let Some(now) = stamp(path) else {
        return Some(raw);
    };
    if seen.trusted(now) {
        return None;
    }
    let raw = raw.read();
    match raw.bytes() {
        Some(b) if seen.same_content(b.len() as u64, xxh3_64(b)) => None,
        _ => Some(raw),
    }
}

/// One skill file: its cached result when still valid, else read and parsed.
fn reuse_or_parse(
    path: &Path,
    prior: Option<(u64, Entry)>,
    record: &Mutex<Option<Record>>,
    fp: u64,
    raw: RawFile,
    schema: &Schema,
) -> FileResult {
    let prior = prior.filter(|(schema_fp, _)| *schema_fp == fp);
    let Some(now_stamp) = stamp(path) else {
        // Not a regular file, or no usable time: read it as without a cache
        // (which reports what is wrong with it), and cache nothing.
        return skill_file(raw, schema);
    };
    if let Some((_, entry)) = prior.as_ref().filter(|(_, e)| e.seen.trusted(now_stamp)) {
        let taken = Record {
            seen: entry.seen,
            skill_id: entry.skill.as_ref().map(|s| s.id.clone()),
            diags: entry.diags.clone(),
            unchanged: true,
        };
        put(record, taken);
        return reused(prior.map(|(_, e)| e));
    }
    let checked_ns = now_ns();
    let raw = raw.read();
    let Some(hash) = raw.bytes().map(xxh3_64) else {
        return skill_file(raw, schema);
    };
    let len = raw.bytes().map_or(0, |b| b.len() as u64);
    let seen = Seen {
        // The size read, which is what the hash covers; a file that grew
        // after its stamp was taken gets a new stamp next time.
        stamp: Stamp {
            len,
            modified_ns: now_stamp.modified_ns,
        },
        hash,
        checked_ns,
    };
    if let Some((_, entry)) = prior.filter(|(_, e)| e.seen.same_content(len, hash)) {
        put(
            record,
            Record {
                seen,
                skill_id: entry.skill.as_ref().map(|s| s.id.clone()),
                diags: entry.diags.clone(),
                unchanged: false,
            },
        );
        return reused(Some(entry));
    }
    let result = skill_file(raw, schema);
    put(
        record,
        Record {
            seen,
            skill_id: result.0.as_ref().map(|d| d.skill.id.clone()),
            diags: result.1.clone(),
            unchanged: false,
        },
    );
    result
}

/// A cached entry as the loader's result for its file.
fn reused(entry: Option<Entry>) -> FileResult {
    let Some(entry) = entry else {
        return (None, Vec::new());
    };
    (entry.skill.map(|skill| SkillDef { skill }), entry.diags)
}

/// Writes the shards that changed: a shard is kept as it is when it was
/// read whole and every one of its files was taken from it unchanged. With
/// `defer`, a few changed entries are written by a thread of their own.
#[allow(clippy::too_many_arguments)]
fn store(
    folder: &Path,
    shards: usize,
    fp: u64,
    names: &[Cow<'_, str>],
    records: &[Option<Record>],
    stored_per_shard: &[Option<usize>],
    loaded: &Loaded,
    defer: bool,
) {
    // A shard whose skeleton is missing (removed as unusable by
    // `load_partial`, or never written) is written again with it.
    let no_skeleton: Vec<bool> = (0..shards)
        .map(|s| !skel_path(folder, s).is_file())
        .collect();
    // Every file taken unchanged from a whole shard of this layout, and
    // no entry left over (a removed file): nothing to write, and no need
    // to sort the entries into their shards to find that out.
    let stored_total: usize = stored_per_shard.iter().map(|n| n.unwrap_or(0)).sum();
    if !no_skeleton.contains(&true)
        && stored_per_shard.iter().all(Option::is_some)
        && stored_total == names.len()
        && records.iter().all(|r| {
            r.as_ref()
                .is_some_and(|r| r.unchanged && r.skill_id.is_some())
        })
    {
        return;
    }
    let catalog = &loaded.catalog;
    let mut per_shard: Vec<Vec<EntryRef<'_>>> = (0..shards).map(|_| Vec::new()).collect();
    let mut changed = vec![false; shards];
    let mut unchanged = vec![0usize; shards];
    for (name, record) in names.iter().zip(records) {
        let s = shard_of(name, shards);
        let Some(r) = record else {
            changed[s] = true; // not cacheable this time
            continue;
        };
        let skill = match &r.skill_id {
            Some(id) => match catalog.skill_index(id) {
                Some(k) => Some(&catalog.skills[k]),
                None => {
                    changed[s] = true;
                    continue;
                }
            },
            None => None,
        };
        if r.unchanged {
            unchanged[s] += 1;
        } else {
            changed[s] = true;
        }
        per_shard[s].push(EntryRef {
            path: name,
            seen: r.seen,
            skill,
            diags: &r.diags,
        });
    }
    let dirty: Vec<bool> = (0..shards)
        .map(|s| {
            shard_stale(
                stored_per_shard[s],
                unchanged[s],
                changed[s],
                no_skeleton[s],
            )
        })
        .collect();
    if !dirty.iter().any(|&d| d) {
        return;
    }
    let _ = fs::create_dir_all(folder);
    let changed: usize = (0..shards)
        .filter(|&s| dirty[s])
        .map(|s| per_shard[s].len())
        .sum();
    if defer && changed <= DEFER_MAX_ENTRIES {
        let writes: Vec<(usize, Header, Vec<Entry>)> = (0..shards)
            .filter(|&s| dirty[s])
            .map(|s| {
                let entries = per_shard[s]
                    .iter()
                    .map(|e| Entry {
                        path: e.path.to_string(),
                        seen: e.seen,
                        skill: e.skill.cloned(),
                        diags: e.diags.to_vec(),
                    })
                    .collect();
                (s, Header::current(shards, s, fp), entries)
            })
            .collect();
        let folder = folder.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("rungs-cache-write".into())
            .spawn(move || {
                for (s, header, entries) in &writes {
                    let refs: Vec<EntryRef<'_>> = entries.iter().map(Entry::as_ref).collect();
                    write_shard_and_skeleton(&folder, header, *s, &refs);
                }
                remove_other_layouts(&folder, shards);
            });
        if let (Ok(handle), Ok(mut pending)) = (spawned, PENDING.lock()) {
            pending.push(handle);
        }
        return;
    }
    (0..shards).into_par_iter().for_each(|s| {
        if dirty[s] {
            write_shard_and_skeleton(folder, &Header::current(shards, s, fp), s, &per_shard[s]);
        }
    });
    remove_other_layouts(folder, shards);
}

/// Removes the shards of a larger layout, of no use any more.
fn remove_other_layouts(folder: &Path, shards: usize) {
    for s in shards..MAX_SHARDS {
        for p in [shard_path(folder, s), skel_path(folder, s)] {
            // Most are not there: the error says so, and is of no interest.
            let _ = fs::remove_file(p);
        }
    }
}

/// Where catalogs are cached: the platform's cache folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.cache_dir().join("rungs").join("catalogs"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{embedded_files, load_path};

    /// Writes the embedded catalog as a directory catalog under `dir`.
    fn write_catalog(dir: &Path) -> PathBuf {
        let cat = dir.join("cat");
        for (rel, bytes) in embedded_files() {
            let p = cat.join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, bytes).unwrap();
        }
        cat
    }

    /// The cached load equals a fresh load in everything a caller sees.
    fn assert_same(cached: &Loaded, fresh: &Loaded) {
        assert_same_catalog(&cached.catalog, &fresh.catalog);
        assert_eq!(cached.warnings, fresh.warnings);
        assert_eq!(cached.files, fresh.files);
    }

    /// Two catalogs are the same in everything a caller sees.
    fn assert_same_catalog(a: &Catalog, b: &Catalog) {
        assert_eq!(a.title, b.title);
        assert_eq!(a.levels, b.levels);
        assert_eq!(a.roles, b.roles);
        assert_eq!(a.domains, b.domains);
        assert_eq!(a.skills, b.skills);
        for r in 0..b.roles.len() {
            assert_eq!(a.profile(r), b.profile(r));
        }
        for s in &b.skills {
            assert_eq!(a.skill_index(&s.id), b.skill_index(&s.id));
        }
    }

    fn check(cat: &Path, cache: &Path) -> Loaded {
        let cached = load_path_cached(cat, cache).unwrap();
        assert_same(&cached, &load_path(cat).unwrap());
        cached
    }

    fn shards_of(cache: &Path) -> Vec<PathBuf> {
        let mut v = Vec::new();
        for folder in fs::read_dir(cache).unwrap().flatten() {
            for f in fs::read_dir(folder.path()).unwrap().flatten() {
                if f.path().extension().is_some_and(|e| e == "bin") {
                    v.push(f.path());
                }
            }
        }
        v
    }

    /// The test catalog in a new folder, its files' times set in the past
    /// (see [`age`]), loaded once so that its cache is filled: the folder
    /// (kept alive by the guard), the catalog and the cache.
    fn aged_and_cached() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let cat = write_catalog(dir.path());
        age(&cat);
        let cache = dir.path().join("cache");
        check(&cat, &cache);
        (dir, cat, cache)
    }

    /// The name the loaded catalog gives the skill `deep-learning`.
    fn deep_learning_name(l: &Loaded) -> &str {
        let i = l.catalog.skill_index("deep-learning").unwrap();
        &l.catalog.skills[i].name
    }

    /// Renames the skill "Deep Learning" of the test catalog to `name`, of
    /// the same length, so that the file's size does not change.
    fn rename_deep_learning(cat: &Path, name: &str) {
        let f = cat.join("skills/machine-learning/deep-learning.toml");
        let text = fs::read_to_string(&f)
            .unwrap()
            .replace("Deep Learning", name);
        fs::write(&f, text).unwrap();
    }

    /// Undoes [`rename_deep_learning`] to `name`.
    fn rename_deep_learning_back(cat: &Path, name: &str) {
        let f = cat.join("skills/machine-learning/deep-learning.toml");
        let text = fs::read_to_string(&f)
            .unwrap()
            .replace(name, "Deep Learning");
        fs::write(&f, text).unwrap();
    }

    /// Makes every file's stamp older than the racy window, as if the
    /// catalog had been written long ago, so the cache trusts stamps.
    fn age(cat: &Path) {
        let old = SystemTime::now() - std::time::Duration::from_secs(3600);
        let mut stack = vec![cat.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(d).unwrap().flatten() {
                if e.path().is_dir() {
                    stack.push(e.path());
                } else {
                    set_mtime(&e.path(), old);
                }
            }
        }
    }

    /// Sets a file's modification time without touching its content.
    fn set_mtime(path: &Path, time: SystemTime) {
        let f = fs::File::options().write(true).open(path).unwrap();
        f.set_modified(time).unwrap();
    }

    #[test]
    fn every_change_gives_what_a_fresh_load_gives() {
        let (_dir, cat, cache) = aged_and_cached();
        assert_eq!(shards_of(&cache).len(), 1, "a small catalog has one shard");
        // Unchanged: the same catalog again, from the cache.
        check(&cat, &cache);

        // An edit of one file, keeping its size.
        rename_deep_learning(&cat, "Deep Learnin!");
        let edited = check(&cat, &cache);
        assert_eq!(deep_learning_name(&edited), "Deep Learnin!");

        // A rename moves the skill's origin.
        let from = cat.join("skills/data-engineering/sql.toml");
        let to = cat.join("skills/data-engineering/sql-renamed.toml");
        fs::rename(&from, &to).unwrap();
        let renamed = check(&cat, &cache);
        let i = renamed.catalog.skill_index("sql").unwrap();
        assert!(
            renamed.catalog.skills[i]
                .origin
                .path
                .ends_with("sql-renamed.toml")
        );

        // A delete.
        fs::remove_file(&to).unwrap();
        assert!(check(&cat, &cache).catalog.skill_index("sql").is_none());

        // A touch without change.
        set_mtime(
            &cat.join("skills/machine-learning/deep-learning.toml"),
            SystemTime::now(),
        );
        check(&cat, &cache);
        check(&cat, &cache);
    }

    #[test]
    fn a_write_left_to_a_thread_lands_whole_and_is_believed_next_time() {
        let (_dir, cat, cache) = aged_and_cached();
        let shard = shards_of(&cache).pop().unwrap();
        let before = fs::read(&shard).unwrap();

        rename_deep_learning(&cat, "Deep Learnin#");
        let deferred = load_path_cached_deferred(&cat, &cache, &LoadOptions::default()).unwrap();
        assert_same(&deferred, &load_path(&cat).unwrap());
        wait_for_writes();
        let after = fs::read(&shard).unwrap();
        assert_ne!(after, before, "the edited file's entry was written");
        let folder = shard.parent().unwrap();
        let names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.ends_with(".tmp")),
            "no temporary file left: {names:?}"
        );
        // The shard written on the thread is whole, holds the edit, and
        // the next load gives what a fresh load gives.
        let (_, _, entries) = read_shard(&shard, |_| true).expect("a whole shard");
        assert!(
            entries
                .iter()
                .any(|e| e.skill.as_ref().is_some_and(|s| s.name == "Deep Learnin#"))
        );
        let again = check(&cat, &cache);
        assert_eq!(deep_learning_name(&again), "Deep Learnin#");
    }

    /// The partial load of the catalog at `cat` gives what a fresh load
    /// gives, each skill cut to its skeleton unless its texts are said to
    /// be in, and every skill whole on demand.
    fn check_partial(cat: &Path, cache: &Path) -> Partial {
        let p = load_partial(cat, cache, &LoadOptions::default(), 0).expect("a partial load");
        let fresh = load_path(cat).unwrap().catalog;
        let a = &p.catalog;
        assert_eq!(a.title, fresh.title);
        assert_eq!(a.levels, fresh.levels);
        assert_eq!(a.roles, fresh.roles);
        assert_eq!(a.domains, fresh.domains);
        assert_eq!(a.skills.len(), fresh.skills.len());
        for (i, (s, f)) in a.skills.iter().zip(&fresh.skills).enumerate() {
            if p.with_texts.contains(&i) {
                assert_eq!(s, f);
            } else {
                assert_eq!(s, &skeleton(f));
                assert!(f.expectations().all(|(_, _, c)| !c.text.is_empty()));
            }
            assert_eq!(p.fill.whole_skill(a, i).as_ref(), Some(f), "{}", f.id);
        }
        for r in 0..fresh.roles.len() {
            assert_eq!(a.profile(r), fresh.profile(r));
        }
        for s in &fresh.skills {
            assert_eq!(a.skill_index(&s.id), fresh.skill_index(&s.id));
        }
        p
    }

    #[test]
    fn the_partial_load_gives_a_fresh_loads_skeletons_through_every_change() {
        let (_dir, cat, cache) = aged_and_cached();
        let p = check_partial(&cat, &cache);
        assert!(
            p.with_texts.is_empty(),
            "nothing parsed: {:?}",
            p.with_texts
        );
        assert!(
            load_partial(&cat, &cache, &LoadOptions::default(), 1000).is_none(),
            "a small catalog is loaded whole"
        );

        // An edit: that skill is parsed, and whole.
        rename_deep_learning(&cat, "Deep Learnin!");
        let p = check_partial(&cat, &cache);
        let i = p.catalog.skill_index("deep-learning").unwrap();
        assert_eq!(p.with_texts, vec![i]);
        assert_eq!(p.catalog.skills[i].name, "Deep Learnin!");
        check(&cat, &cache);
        assert!(
            check_partial(&cat, &cache).with_texts.is_empty(),
            "written back"
        );

        // A rename, a delete, a touch without change.
        let from = cat.join("skills/data-engineering/sql.toml");
        let to = cat.join("skills/data-engineering/sql-renamed.toml");
        fs::rename(&from, &to).unwrap();
        let p = check_partial(&cat, &cache);
        assert_eq!(p.with_texts, vec![p.catalog.skill_index("sql").unwrap()]);
        check(&cat, &cache);
        fs::remove_file(&to).unwrap();
        assert!(
            check_partial(&cat, &cache)
                .catalog
                .skill_index("sql")
                .is_none()
        );
        check(&cat, &cache);
        set_mtime(
            &cat.join("skills/machine-learning/deep-learning.toml"),
            SystemTime::now(),
        );
        check_partial(&cat, &cache);
        check(&cat, &cache);
        check_partial(&cat, &cache);
    }

    #[test]
    fn a_skill_is_made_whole_only_from_the_bytes_its_skeleton_came_from() {
        let (_dir, cat, cache) = aged_and_cached();
        let p = load_partial(&cat, &cache, &LoadOptions::default(), 0).unwrap();
        let i = p.catalog.skill_index("deep-learning").unwrap();
        let whole = p.fill.whole_skill(&p.catalog, i).expect("unchanged: whole");
        assert_eq!(whole.name, "Deep Learning");
        assert!(whole.expectations().any(|(_, _, c)| !c.text.is_empty()));
        // The file changes after the partial load (same id, still valid):
        // its new texts do not go into the skeleton's catalog, whose
        // order and counts come from the old bytes.
        rename_deep_learning(&cat, "Deep Learnin?");
        assert_eq!(p.fill.whole_skill(&p.catalog, i), None);
        // Back to the very bytes: whole again.
        rename_deep_learning_back(&cat, "Deep Learnin?");
        assert_eq!(p.fill.whole_skill(&p.catalog, i), Some(whole));
    }

    /// The catalog `p` loaded, its texts filled in as the explorer fills
    /// them (each skill sent put in its place, each sent once): `None`
    /// when the fill asked for the whole load instead.
    fn filled(p: Partial, cat: &Path, cache: &Path) -> Option<Catalog> {
        let Partial {
            mut catalog, fill, ..
        } = p;
        let sent = Mutex::new(vec![false; catalog.skills.len()]);
        let into = Mutex::new(&mut catalog);
        let ok = fill_texts(cat, cache, &LoadOptions::default(), &fill, |skills| {
            let (mut sent, mut catalog) = (sent.lock().unwrap(), into.lock().unwrap());
            for (i, skill) in skills {
                assert!(!std::mem::replace(&mut sent[i], true), "{i} sent twice");
                assert_eq!(catalog.skills[i].id, skill.id, "in its place");
                catalog.skills[i] = skill;
            }
            true
        });
        let sent = sent.into_inner().unwrap();
        if ok {
            let from_files = fill.gave.iter().flatten().count();
            assert_eq!(sent.iter().filter(|&&s| s).count(), from_files);
        }
        ok.then_some(catalog)
    }

    /// The catalog filled in is the one a fresh load gives.
    fn check_filled(cat: &Path, cache: &Path) {
        let p = check_partial(cat, cache);
        let c = filled(p, cat, cache).expect("filled in");
        let fresh = load_path(cat).unwrap().catalog;
        assert_same_catalog(&c, &fresh);
    }

    /// Filling the texts into the partial catalog gives what a fresh load
    /// gives, from the cache and after an edit (whose shard it writes
    /// back); and when a file changes between the partial load and the
    /// fill (an edit, a new file, a removed one, the root), it asks for
    /// the whole load instead, which then gives the fresh catalog.
    #[test]
    fn filling_the_texts_in_gives_a_fresh_loads_catalog_or_asks_for_the_whole_load() {
        let (_dir, cat, cache) = aged_and_cached();
        check_filled(&cat, &cache);
        // Told to stop (the explorer ended): no shard after that one.
        let p = check_partial(&cat, &cache);
        let batches = AtomicUsize::new(0);
        let stop = |_| {
            batches.fetch_add(1, Ordering::Relaxed);
            false
        };
        assert!(!fill_texts(
            &cat,
            &cache,
            &LoadOptions::default(),
            &p.fill,
            stop
        ));
        assert_eq!(batches.load(Ordering::Relaxed), 1);

        // Edited before the start: parsed by the partial load, filled in
        // from its file, and its shard written back with its skeleton.
        let f = cat.join("skills/machine-learning/deep-learning.toml");
        let text = fs::read_to_string(&f).unwrap();
        let first_text = text.find("junior = \"").unwrap() + 10;
        let mut edited = text.clone();
        edited.insert_str(first_text, "Edited: ");
        fs::write(&f, &edited).unwrap();
        check_filled(&cat, &cache);
        assert!(
            check_partial(&cat, &cache).with_texts.is_empty(),
            "written back"
        );
        check(&cat, &cache);

        // Changed between the partial load and the fill.
        let changes: [(&str, &dyn Fn()); 5] = [
            ("a text", &|| {
                fs::write(&f, edited.replace("Edited: ", "Edited! ")).unwrap()
            }),
            ("a name", &|| rename_deep_learning(&cat, "Deep Learnin?")),
            ("a new file", &|| {
                let text = edited.replace("id = \"deep-learning\"", "id = \"deep-learning-2\"");
                fs::write(f.with_file_name("deep-learning-2.toml"), text).unwrap();
            }),
            ("a removed file", &|| {
                fs::remove_file(f.with_file_name("deep-learning-2.toml")).unwrap();
            }),
            ("the root", &|| {
                let root = cat.join("catalog.toml");
                let text = fs::read_to_string(&root).unwrap();
                fs::write(&root, format!("{text}\n# edited\n")).unwrap();
            }),
        ];
        for (what, change) in changes {
            let p = check_partial(&cat, &cache);
            change();
            assert!(filled(p, &cat, &cache).is_none(), "{what}");
            check(&cat, &cache);
            check_filled(&cat, &cache);
        }

        // A shard gone (its skeleton kept): its files are parsed, and the
        // shard written again.
        let shard = shards_of(&cache).pop().unwrap();
        let p = check_partial(&cat, &cache);
        fs::remove_file(&shard).unwrap();
        let c = filled(p, &cat, &cache).expect("filled in");
        assert_same_catalog(&c, &load_path(&cat).unwrap().catalog);
        assert!(shard.is_file(), "written again");
        check_filled(&cat, &cache);
    }

    /// An unusable skeleton is removed by the partial load (which parses
    /// its files instead), and the next whole load writes it again.
    #[test]
    fn a_truncated_or_foreign_skeleton_is_removed_and_written_again() {
        let (_dir, cat, cache) = aged_and_cached();
        let shard = shards_of(&cache).pop().unwrap();
        let skel = shard.with_extension("skel");
        let good = fs::read(&skel).unwrap();
        assert!(
            good.len() * 4 < fs::read(&shard).unwrap().len(),
            "a skeleton is a fraction of its shard"
        );
        let mut foreign = good.clone();
        // The version string in the header: a whole file of another version.
        let at = foreign
            .windows(env!("CARGO_PKG_VERSION").len())
            .position(|w| w == env!("CARGO_PKG_VERSION").as_bytes())
            .unwrap();
        foreign[at] ^= 0x01;
        let n = foreign.len() - 8;
        let hash = xxh3_64(&foreign[..n]).to_le_bytes();
        foreign[n..].copy_from_slice(&hash);
        for bad in [
            good[..good.len() / 2].to_vec(),
            foreign,
            b"garbage".to_vec(),
        ] {
            fs::write(&skel, &bad).unwrap();
            let p = check_partial(&cat, &cache);
            assert_eq!(p.with_texts.len(), p.catalog.skills.len(), "all parsed");
            assert!(!skel.exists(), "removed");
            check(&cat, &cache);
            assert_eq!(fs::read(&skel).unwrap(), good, "written again");
            assert!(check_partial(&cat, &cache).with_texts.is_empty());
        }
    }

    /// Shards are read before the files are counted: when the count moves
    /// the catalog to another layout, the shards of the old one are not
    /// used, and those past the new layout are removed.
    #[test]
    fn a_new_shard_layout_ignores_and_removes_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let cat = write_catalog(dir.path());
        let src =
            fs::read_to_string(cat.join("skills/machine-learning/deep-learning.toml")).unwrap();
        let many = cat.join("skills/many");
        fs::create_dir_all(&many).unwrap();
        // Enough files for two shards (more than FILES_PER_SHARD × 2).
        for i in 0..(FILES_PER_SHARD * 2 + 10) {
            let text = src
                .replace("id = \"deep-learning\"", &format!("id = \"copy-{i}\""))
                .replace("name = \"Deep Learning\"", &format!("name = \"Copy {i}\""));
            fs::write(many.join(format!("copy-{i}.toml")), text).unwrap();
        }
        age(&cat);
        let cache = dir.path().join("cache");
        check(&cat, &cache);
        assert_eq!(shards_of(&cache).len(), 2);
        check(&cat, &cache);
        // Down to one shard's worth of files.
        for i in FILES_PER_SHARD / 2..(FILES_PER_SHARD * 2 + 10) {
            fs::remove_file(many.join(format!("copy-{i}.toml"))).unwrap();
        }
        let l = check(&cat, &cache);
        assert!(l.catalog.skill_index("copy-0").is_some());
        assert!(l.catalog.skill_index("copy-300").is_none());
        assert_eq!(shards_of(&cache).len(), 1, "the second shard is removed");
        check(&cat, &cache);
    }

    #[test]
    fn an_edit_within_the_timestamp_tick_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let cat = write_catalog(dir.path());
        let cache = dir.path().join("cache");
        let f = cat.join("skills/machine-learning/deep-learning.toml");
        let stamp_before = fs::metadata(&f).unwrap().modified().unwrap();
        check(&cat, &cache);
        // Same size, and the old modification time put back: only the
        // content hash can tell (the file was read within RACY_NS of its
        // modification, so it is compared).
        rename_deep_learning(&cat, "Deep Learnin?");
        set_mtime(&f, stamp_before);
        let l = check(&cat, &cache);
        assert_eq!(deep_learning_name(&l), "Deep Learnin?");
    }

    #[test]
    fn truncated_corrupt_and_foreign_caches_are_ignored_and_rewritten() {
        let (_dir, cat, cache) = aged_and_cached();
        let shard = shards_of(&cache).pop().unwrap();
        let good = fs::read(&shard).unwrap();

        // Truncated.
        fs::write(&shard, &good[..good.len() / 2]).unwrap();
        check(&cat, &cache);
        assert_eq!(fs::read(&shard).unwrap().len(), good.len(), "rewritten");

        // A flipped byte in the middle of the entries.
        let mut bad = good.clone();
        let mid = bad.len() / 2;
        bad[mid] ^= 0x20;
        fs::write(&shard, &bad).unwrap();
        check(&cat, &cache);
        assert_ne!(fs::read(&shard).unwrap(), bad, "rewritten");

        // From another rungs version, whole and well-formed, but with a
        // skill renamed: it must not be believed.
        let (_, _, mut entries) = read_shard(&shard, |_| true).unwrap();
        for e in &mut entries {
            if let Some(s) = &mut e.skill {
                s.name = "From another version".into();
            }
        }
        let refs: Vec<EntryRef<'_>> = entries
            .iter()
            .map(|e| EntryRef {
                path: &e.path,
                seen: e.seen,
                skill: e.skill.as_ref(),
                diags: &e.diags,
            })
            .collect();
        let (header, _): (Header, usize) =
            bincode::serde::decode_from_slice(&good[..good.len() - 8], config()).unwrap();
        let foreign = Header {
            version: "0.0.0-other".into(),
            ..header
        };
        write_shard(&shard, &foreign, &refs);
        let l = check(&cat, &cache);
        assert!(
            l.catalog
                .skills
                .iter()
                .all(|s| s.name != "From another version")
        );
        // And the same data under this version's header is believed, which
        // shows the header is what refused it.
        let mine = Header {
            version: env!("CARGO_PKG_VERSION").into(),
            ..foreign
        };
        write_shard(&shard, &mine, &refs);
        let l = load_path_cached(&cat, &cache).unwrap();
        assert!(
            l.catalog
                .skills
                .iter()
                .all(|s| s.name == "From another version")
        );

        // Garbage.
        fs::write(&shard, b"garbage").unwrap();
        check(&cat, &cache);
    }

    #[test]
    fn diagnostics_of_cached_files_are_reported_again() {
        let dir = tempfile::tempdir().unwrap();
        let cat = write_catalog(dir.path());
        let cache = dir.path().join("cache");
        // A control character in a name is cleaned, with a warning that
        // belongs to the file's entry.
        let f = cat.join("skills/machine-learning/deep-learning.toml");
        let text = fs::read_to_string(&f)
            .unwrap()
            .replace("name = \"Deep Learning\"", "name = \"Deep\\u0007Learning\"");
        fs::write(&f, text).unwrap();
        age(&cat);
        let first = check(&cat, &cache);
        assert!(
            first
                .warnings
                .iter()
                .any(|d| d.path.ends_with("deep-learning.toml")),
            "{:?}",
            first.warnings
        );
        check(&cat, &cache);

        // An error in another file: the catalog is invalid, and the cached
        // files' problems are reported with it, exactly as without a cache.
        let g = cat.join("skills/data-engineering/sql.toml");
        let text = fs::read_to_string(&g)
            .unwrap()
            .replace("domain = ", "domian = ");
        fs::write(&g, text).unwrap();
        let fresh = load_path(&cat).unwrap_err();
        let cached = load_path_cached(&cat, &cache).unwrap_err();
        assert_eq!(cached.diagnostics, fresh.diagnostics);
        assert!(
            cached
                .diagnostics
                .iter()
                .any(|d| d.path.ends_with("deep-learning.toml"))
        );
    }

    #[test]
    fn a_changed_root_rechecks_every_file() {
        let (_dir, cat, cache) = aged_and_cached();
        // Removing a role changes the ids skill files are checked against:
        // their cached results no longer hold.
        let root = cat.join("catalog.toml");
        let text = fs::read_to_string(&root).unwrap();
        let at = text.rfind("[[roles]]").unwrap();
        let end = text[at..]
            .find("[[domains]]")
            .map_or(text.len(), |e| at + e);
        let mut cut = text.clone();
        cut.replace_range(at..end, "");
        fs::write(&root, cut).unwrap();
        let fresh = load_path(&cat);
        let cached = load_path_cached(&cat, &cache);
        match (fresh, cached) {
            (Ok(f), Ok(c)) => assert_same(&c, &f),
            (Err(f), Err(c)) => assert_eq!(c.diagnostics, f.diagnostics),
            (f, c) => panic!("fresh {:?} vs cached {:?}", f.is_ok(), c.is_ok()),
        }
    }

    #[test]
    fn invalid_catalogs_are_loaded_as_without_a_cache() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("c.toml");
        fs::write(&f, "title = 3\n").unwrap();
        let cache = dir.path().join("cache");
        assert!(load_path_cached(&f, &cache).is_err());
        assert!(!cache.exists());
    }
}
