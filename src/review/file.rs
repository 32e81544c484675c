//! Review files: opening one (or starting a new review), and saving it
//! atomically without overwriting someone else's changes.
//!
//! A save holds an advisory lock (`.NAME.lock` beside the file) from the
//! check for changes by others until the rename, so two rungs processes
//! saving the same review cannot both pass the check and lose one's marks.
//! A symlinked review path is written through to its target; the file keeps
//! its mode and owner, and a new review file is created `0600`.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use toml_edit::DocumentMut;

use super::format::{Parsed, parse_full, render};
use super::merge::{merge, record};
use super::{DEFAULT_ASSESSOR, Review, now_stamp};
use crate::catalog::{Diagnostic, Severity};
use crate::fsutil::{
    Fs, lock_beside, read_regular, remove_stale_temps, resolve_links, write_atomic,
};

/// Largest review file read, like the catalog's file limit: a review of
/// every skill of a 100,000-skill catalog with long notes stays far below
/// it, and a huge or endless file is refused before it fills memory.
pub const MAX_REVIEW_BYTES: u64 = 64 * 1024 * 1024;

/// Why a review could not be opened or saved.
#[derive(Debug, Error)]
pub enum ReviewError {
    #[error("{0}")]
    Invalid(Box<Diagnostic>),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written to the review file (merged with what another writer saved
    /// there since we read it, when they changed other fields).
    Written(PathBuf),
    /// The review file had been changed by someone else in the same fields
    /// (`items` names the items): it was left alone and our version was
    /// written to this copy, where saving continues.
    Conflict {
        theirs: PathBuf,
        ours: PathBuf,
        items: Vec<String>,
    },
}

/// An open review file: the review, where it lives, and what the file held
/// when we last read or wrote it (to notice and merge changes by others).
#[derive(Debug, Clone)]
pub struct ReviewFile {
    pub path: PathBuf,
    pub review: Review,
    /// Whose changes this is: notes' history entries name them.
    pub assessor: String,
    /// Keys rungs does not know, found when the file was read (kept in the
    /// file; the caller shows them once).
    pub warnings: Vec<String>,
    /// The bytes on disk as we last saw them; `None` before the first save
    /// of a new file.
    known: Option<Vec<u8>>,
    /// The review as in `known`: the base of a merge and of history.
    base: Review,
    /// The document of `known`, written back into so comments survive.
    doc: Option<DocumentMut>,
    /// True while the file on disk is version 1.
    v1: bool,
}

/// A review file's bytes as text and parsed.
fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Parsed, ReviewError> {
    let display = path.display().to_string();
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ReviewError::Invalid(Box::new(Diagnostic::at_file(
            Severity::Error,
            display.clone(),
            "invalid review file: not UTF-8 text",
        )))
    })?;
    parse_full(&display, text).map_err(|d| ReviewError::Invalid(Box::new(d)))
}

impl ReviewFile {
    /// Opens `path`, or starts a new review there when it does not exist
    /// (nothing is written until the first change). Reading never changes
    /// the file.
    pub fn open_or_new(path: &Path, new: impl FnOnce() -> Review) -> Result<Self, ReviewError> {
        match read_regular(path, MAX_REVIEW_BYTES) {
            Ok(bytes) => {
                let parsed = parse_bytes(path, &bytes)?;
                Ok(ReviewFile {
                    path: path.to_path_buf(),
                    review: parsed.review.clone(),
                    assessor: DEFAULT_ASSESSOR.to_string(),
                    warnings: parsed.warnings,
                    known: Some(bytes),
                    base: parsed.review,
                    doc: Some(parsed.doc),
                    v1: parsed.v1,
                })
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let review = new();
                Ok(ReviewFile {
                    path: path.to_path_buf(),
                    review: review.clone(),
                    assessor: DEFAULT_ASSESSOR.to_string(),
                    warnings: Vec::new(),
                    known: None,
                    base: review,
                    doc: None,
                    v1: false,
                })
            }
            Err(e) if e.kind() == io::ErrorKind::FileTooLarge => Err(ReviewError::Io {
                path: path.display().to_string(),
                source: io::Error::new(
                    e.kind(),
                    format!(
                        "{e}; review files may be at most {} MiB",
                        MAX_REVIEW_BYTES / (1024 * 1024)
                    ),
                ),
            }),
            Err(e) => Err(ReviewError::Io {
                path: path.display().to_string(),
                source: e,
            }),
        }
    }

    /// True when the review has changes not yet saved.
    pub fn is_changed(&self) -> bool {
        self.review != self.base || self.known.is_none()
    }

    /// True while the file on disk is version 1 (it becomes version 2 at
    /// the first saved change).
    pub fn is_v1(&self) -> bool {
        self.v1
    }

    /// Reads the file again when another writer changed it, merging their
    /// changes into ours per item and per field (ours stay unsaved).
    /// `Ok(true)` when something came in; a conflict leaves ours as they
    /// are for the next save to put in a conflict copy.
    pub fn refresh(&mut self) -> io::Result<bool> {
        let target = resolve_links(&self.path)?;
        let bytes = match read_regular(&target, MAX_REVIEW_BYTES) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        if Some(&bytes) == self.known.as_ref() {
            return Ok(false);
        }
        let Ok(theirs) = parse_bytes(&self.path, &bytes) else {
            return Ok(false);
        };
        let Ok(merged) = merge(&self.base, &self.review, &theirs.review) else {
            return Ok(false);
        };
        self.review = merged;
        self.base = theirs.review;
        self.doc = Some(theirs.doc);
        self.v1 = theirs.v1;
        self.known = Some(bytes);
        Ok(true)
    }

    /// Saves the review: one history entry per changed mark or note, merged
    /// per item and per field with what another writer saved since we read
    /// the file. Never overwrites a field someone else changed since we
    /// read it (that goes to a conflict copy); never leaves a partial file.
    /// A version-1 file is kept as `NAME.v1.bak` the first time it is
    /// rewritten as version 2.
    ///
    /// The check for changes, the merge and the rename happen under the
    /// review's lock (see [`lock_beside`]); a symlinked path is written
    /// through to its target.
    pub fn save(&mut self, fs: &dyn Fs) -> io::Result<Saved> {
        self.save_at(fs, &now_stamp())
    }

    /// [`ReviewFile::save`] with the history entries stamped `at`.
    pub fn save_at(&mut self, fs: &dyn Fs, at: &str) -> io::Result<Saved> {
        let mut ours = self.review.clone();
        record(&self.base, &mut ours, &self.assessor, at);
        let target = resolve_links(&self.path)?;
        let _lock = lock_beside(&target)?;
        remove_stale_temps(&target);
        let on_disk = match fs.read(&target) {
            Ok(b) => Some(b),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let (merged, doc, v1) = match &on_disk {
            Some(bytes) if Some(bytes) != self.known.as_ref() => {
                let theirs = parse_bytes(&self.path, bytes).ok();
                let merged = theirs
                    .as_ref()
                    .ok_or_else(|| {
                        vec![String::from(
                            "the whole file (it does not read as a review)",
                        )]
                    })
                    .and_then(|t| merge(&self.base, &ours, &t.review));
                match (merged, theirs) {
                    (Ok(m), Some(t)) => (m, Some(t.doc), t.v1),
                    (merged, _) => {
                        let items = merged.err().unwrap_or_default();
                        let contents = render(self.doc.as_ref(), &ours).into_bytes();
                        let theirs = self.path.clone();
                        let copy = conflict_path(&self.path, |p| fs.read(p).is_ok());
                        write_atomic(fs, &copy, &contents)?;
                        self.path = copy.clone();
                        self.known = Some(contents);
                        self.review = ours.clone();
                        self.base = ours;
                        self.v1 = false;
                        return Ok(Saved::Conflict {
                            theirs,
                            ours: copy,
                            items,
                        });
                    }
                }
            }
            _ => (ours, self.doc.clone(), self.v1),
        };
        if v1 && let Some(bytes) = &on_disk {
            let mut name = target.file_name().unwrap_or_default().to_os_string();
            name.push(".v1.bak");
            let bak = target.with_file_name(name);
            if fs.read(&bak).is_err() {
                write_atomic(fs, &bak, bytes)?;
            }
        }
        let contents = render(doc.as_ref(), &merged).into_bytes();
        write_atomic(fs, &target, &contents)?;
        let parsed = parse_bytes(&self.path, &contents).ok();
        self.doc = parsed.map(|p| p.doc).or(doc);
        self.known = Some(contents);
        self.review = merged.clone();
        self.base = merged;
        self.v1 = false;
        Ok(Saved::Written(self.path.clone()))
    }
}

impl ReviewFile {
    /// Saves the review into `dir` (created if needed) under this file's
    /// name, or the first free `NAME-2.toml`, …, when its own file cannot be
    /// written; saving continues there. Returns the new path.
    pub fn save_elsewhere(&mut self, dir: &Path, fs: &dyn Fs) -> io::Result<PathBuf> {
        std::fs::create_dir_all(dir)?;
        let name = self
            .path
            .file_name()
            .map_or_else(|| "review.toml".into(), |n| n.to_os_string());
        let path = crate::fsutil::free_path(&dir.join(name), |p| p.exists());
        self.path = path.clone();
        self.known = None;
        self.save(fs)?;
        Ok(path)
    }
}

/// `name.conflict.toml`, or `name.conflict-2.toml`, … the first that does
/// not exist.
fn conflict_path(path: &Path, exists: impl Fn(&Path) -> bool) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "review".into(), |s| s.to_string_lossy().into_owned());
    let dir = path.parent().unwrap_or(Path::new(""));
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            dir.join(format!("{stem}.conflict{suffix}.toml"))
        })
        .find(|p| !exists(p))
        .unwrap_or_else(|| dir.join(format!("{stem}.conflict.toml")))
}

#[cfg(test)]
mod tests {
    use super::super::{Mark, sample};
    use super::*;
    use crate::fsutil::RealFs;
    use std::cell::Cell as StdCell;
    use std::fs;

    /// A file system whose writes fail after `budget` bytes, like a full
    /// disk, or whose rename fails.
    struct Faulty {
        fail_write: bool,
        fail_rename: bool,
        renames: StdCell<usize>,
    }

    impl Fs for Faulty {
        fn write_new(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
            if self.fail_write {
                // Half the bytes reach the disk, then it is full.
                fs::write(path, &contents[..contents.len() / 2])?;
                return Err(io::Error::other("disk full"));
            }
            RealFs.write_new(path, contents)
        }
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            self.renames.set(self.renames.get() + 1);
            if self.fail_rename {
                return Err(io::Error::other("rename failed"));
            }
            RealFs.rename(from, to)
        }
        fn remove(&self, path: &Path) -> io::Result<()> {
            RealFs.remove(path)
        }
        fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
            RealFs.read(path)
        }
    }

    #[test]
    fn failed_writes_leave_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.toml");
        let mut file = ReviewFile::open_or_new(&path, sample).unwrap();
        assert!(matches!(file.save(&RealFs).unwrap(), Saved::Written(_)));
        let before = fs::read(&path).unwrap();
        file.review.items.clear();
        for faulty in [
            Faulty {
                fail_write: true,
                fail_rename: false,
                renames: StdCell::new(0),
            },
            Faulty {
                fail_write: false,
                fail_rename: true,
                renames: StdCell::new(0),
            },
        ] {
            assert!(file.save(&faulty).is_err());
            assert_eq!(fs::read(&path).unwrap(), before, "old review survives");
            // The lock file goes with the lock (see `fsutil::FileLock`).
            let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
            assert_eq!(
                leftovers.len(),
                1,
                "no temporary file and no lock file left behind"
            );
        }
        // Once the fault clears, the next save succeeds.
        file.save(&RealFs).unwrap();
        assert_ne!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_file_changed_by_someone_else_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.toml");
        let mut file = ReviewFile::open_or_new(&path, sample).unwrap();
        file.save(&RealFs).unwrap();
        fs::write(&path, "# edited elsewhere\n").unwrap();
        file.review.items.clear();
        let saved = file.save(&RealFs).unwrap();
        let Saved::Conflict { theirs, ours, .. } = saved else {
            panic!("expected a conflict")
        };
        assert_eq!(fs::read_to_string(&theirs).unwrap(), "# edited elsewhere\n");
        assert!(ours.to_string_lossy().ends_with("review.conflict.toml"));
        assert!(
            fs::read_to_string(&ours)
                .unwrap()
                .contains("role = \"data-scientist\"")
        );
        // Saving goes on into our copy, without a new conflict.
        assert!(matches!(file.save(&RealFs).unwrap(), Saved::Written(p) if p == ours));
    }

    const V1: &str = "# Alex, spring round\nrole = \"data-scientist\"\nfrom = \"senior\"\nto = \"lead\"\n\
                      catalog = \"Matrix\"\ndate = 2026-03-04\n\n[[items]]\nskill = \"sql\"\nmark = \"met\"\n\
                      note = \"style guide\"\n\n[[items]]\nskill = \"ml\"\nmark = \"partly\"\n";

    #[test]
    fn a_v1_file_is_not_modified_by_reading_and_is_backed_up_at_the_first_saved_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        fs::write(&path, V1).unwrap();
        let file = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        assert!(file.is_v1() && !file.is_changed());
        assert_eq!(
            file.review.items["sql"].mark,
            Some(Mark::Met),
            "mark → agreed"
        );
        assert_eq!(file.review.items["ml"].mark, Some(Mark::Partly));
        drop(file);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            V1,
            "reading changes nothing"
        );
        let names = |d: &Path| {
            let mut n: Vec<String> = fs::read_dir(d)
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            n.sort();
            n
        };
        assert_eq!(names(dir.path()), ["r.toml"]);

        let mut file = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        file.review
            .items
            .get_mut("ml")
            .unwrap()
            .set_mark("self", Some(Mark::Met));
        file.save_at(&RealFs, "2026-03-05T09:00:00+01:00").unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("r.toml.v1.bak")).unwrap(),
            V1
        );
        let v2 = fs::read_to_string(&path).unwrap();
        assert!(
            v2.starts_with("# Alex, spring round\nversion = 2\n"),
            "{v2}"
        );
        assert!(
            v2.contains("marks = { self = \"met\", agreed = \"partly\" }"),
            "{v2}"
        );
        assert!(v2.contains("[[items.history]]\nat = 2026-03-05T09:00:00+01:00\nby = \"self\"\nmark = \"met\"\nwas = \"none\"\n"), "{v2}");
        // The next save keeps the first backup.
        file.review.items.get_mut("sql").unwrap().note = "v2 note".into();
        file.save(&RealFs).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("r.toml.v1.bak")).unwrap(),
            V1
        );
        let again = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        assert!(!again.is_v1());
        assert_eq!(again.review, file.review);
    }

    #[test]
    fn two_terminals_marking_different_fields_merge_without_a_conflict_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        fs::write(&path, V1).unwrap();
        let mut me = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        me.assessor = "self".into();
        let mut boss = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        let mark = |f: &mut ReviewFile, skill: &str, who: &str, m: Mark| {
            f.review
                .items
                .entry(skill.into())
                .or_default()
                .set_mark(who, Some(m));
        };
        mark(&mut me, "sql", "self", Mark::Met);
        mark(&mut me, "new-skill", "self", Mark::NotYet);
        assert!(matches!(me.save(&RealFs).unwrap(), Saved::Written(_)));
        mark(&mut boss, "sql", "manager", Mark::Partly);
        boss.review.items.get_mut("ml").unwrap().note = "from the manager".into();
        assert!(matches!(boss.save(&RealFs).unwrap(), Saved::Written(_)));
        let on_disk = ReviewFile::open_or_new(&path, || unreachable!())
            .unwrap()
            .review;
        assert_eq!(on_disk, boss.review, "the saver sees the merged review");
        let sql = &on_disk.items["sql"];
        assert_eq!(sql.mark_of("self"), Some(Mark::Met));
        assert_eq!(sql.mark_of("manager"), Some(Mark::Partly));
        assert_eq!(sql.history.len(), 2, "one entry per side");
        assert_eq!(
            on_disk.items["new-skill"].mark_of("self"),
            Some(Mark::NotYet)
        );
        assert_eq!(on_disk.items["ml"].note, "from the manager");
        // The other terminal picks the merged state up without saving.
        assert!(me.refresh().unwrap());
        assert_eq!(me.review, on_disk);
        assert!(!me.refresh().unwrap(), "nothing new the second time");
        let files = fs::read_dir(dir.path()).unwrap().flatten().count();
        assert_eq!(
            files, 2,
            "review and v1 backup; no lock file, no conflict copy"
        );
    }

    #[test]
    fn the_same_field_changed_in_two_terminals_goes_to_a_conflict_copy_naming_the_item() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        fs::write(&path, V1).unwrap();
        let mut a = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        let mut b = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        a.review.items.get_mut("ml").unwrap().mark = Some(Mark::Met);
        a.save(&RealFs).unwrap();
        b.review.items.get_mut("ml").unwrap().mark = Some(Mark::NotYet);
        b.review.items.get_mut("sql").unwrap().note = "b".into();
        let Saved::Conflict { items, ours, .. } = b.save(&RealFs).unwrap() else {
            panic!("expected a conflict")
        };
        assert_eq!(items, ["ml"]);
        assert!(ours.ends_with("r.conflict.toml"));
        let theirs = ReviewFile::open_or_new(&path, || unreachable!())
            .unwrap()
            .review;
        assert_eq!(theirs.items["ml"].mark, Some(Mark::Met), "left alone");
    }

    #[test]
    fn closing_records_hashes_and_reopening_adds_an_event() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        let mut file = ReviewFile::open_or_new(&path, sample).unwrap();
        file.save(&RealFs).unwrap();
        let day = file.review.date;
        file.review
            .close(day, "2026-11-29T18:00:00+00:00", "manager");
        file.save(&RealFs).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("closed = 2026-11-29"), "{text}");
        let hash = super::super::sha256_hex("Defines DL framework strategy.");
        assert_eq!(hash.len(), 64);
        assert!(text.contains(&format!("sha256 = \"{hash}\"")), "{text}");
        file.review.reopen("2026-11-30T09:00:00+00:00", "manager");
        file.save(&RealFs).unwrap();
        let back = ReviewFile::open_or_new(&path, || unreachable!())
            .unwrap()
            .review;
        assert_eq!(back.closed, None);
        assert_eq!(
            back.history
                .iter()
                .map(|e| e.event.as_str())
                .collect::<Vec<_>>(),
            ["closed", "reopened"]
        );
        assert!(back.items.values().all(|a| a.sha256.is_empty()));
    }

    #[test]
    fn reopening_restores_marks_and_notes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        let mut file = ReviewFile::open_or_new(&path, sample).unwrap();
        file.save(&RealFs).unwrap();
        let again = ReviewFile::open_or_new(&path, || panic!("exists")).unwrap();
        assert_eq!(again.review, sample());
    }
}

/// Tests of what a save keeps: marks of two processes, the file's mode and
/// owner, a symlink, and what opening refuses (FIFOs, devices, huge files).
#[cfg(test)]
#[cfg(unix)]
mod safety_tests {
    use super::super::{Assessment, Mark, sample};
    use super::*;
    use crate::fsutil::RealFs;
    use std::collections::BTreeSet;
    use std::fs;
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    const RACE_ROUNDS: u64 = 150;
    const RACE_MARKS: usize = 1;
    const RACE_GAP_MS: u64 = 10;

    fn now_ms() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64
    }

    /// One writer of the race: in each round, at the same moment as the
    /// other writer, starts a new review file and saves after each of its
    /// marks.
    fn race_child(dir: &Path, who: &str, start_ms: u64) {
        for round in 0..RACE_ROUNDS {
            let at = start_ms + round * RACE_GAP_MS;
            // Spin, not sleep: both writers must leave the wait within
            // microseconds of each other for the race to be a real one.
            while now_ms() < at {
                std::hint::spin_loop();
            }
            let path = dir.join(format!("round-{round}")).join("review.toml");
            let mut file = ReviewFile::open_or_new(&path, || {
                let mut r = sample();
                r.items.clear();
                r
            })
            .unwrap();
            for i in 0..RACE_MARKS {
                file.review.items.insert(
                    format!("{who}-{i}"),
                    Assessment {
                        mark: Some(Mark::Met),
                        ..Assessment::default()
                    },
                );
                file.save(&RealFs).unwrap();
            }
        }
    }

    /// Two real processes (this test binary, run again as a writer) save
    /// new review files at the same moment, round after round: every mark
    /// of both must end up in the review or in a conflict copy beside it.
    #[test]
    fn two_processes_saving_at_once_never_lose_a_mark() {
        if let Ok(spec) = std::env::var("RUNGS_RACE_CHILD") {
            // This process is one of the two writers.
            let mut parts = spec.splitn(3, '|');
            let (who, start, dir) = (
                parts.next().unwrap(),
                parts.next().unwrap().parse().unwrap(),
                parts.next().unwrap(),
            );
            race_child(Path::new(dir), who, start);
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        for round in 0..RACE_ROUNDS {
            fs::create_dir(dir.path().join(format!("round-{round}"))).unwrap();
        }
        let exe = std::env::current_exe().unwrap();
        let start = now_ms() + 1_000;
        let children: Vec<_> = ["a", "b"]
            .iter()
            .map(|who| {
                Command::new(&exe)
                    .args([
                        "--exact",
                        "review::file::safety_tests::two_processes_saving_at_once_never_lose_a_mark",
                        "--test-threads=1",
                        "--quiet",
                    ])
                    .env(
                        "RUNGS_RACE_CHILD",
                        format!("{who}|{start}|{}", dir.path().display()),
                    )
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "a writer failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let mut lost = Vec::new();
        for round in 0..RACE_ROUNDS {
            let round_dir = dir.path().join(format!("round-{round}"));
            let mut marks = BTreeSet::new();
            for e in fs::read_dir(&round_dir).unwrap().flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                let text = fs::read_to_string(e.path()).unwrap();
                let review = Review::parse(&name, &text).unwrap();
                marks.extend(review.items.into_keys());
            }
            for who in ["a", "b"] {
                for i in 0..RACE_MARKS {
                    let mark = format!("{who}-{i}");
                    if !marks.contains(&mark) {
                        lost.push(format!("round {round}: {mark}"));
                    }
                }
            }
        }
        assert!(lost.is_empty(), "marks lost: {lost:?}");
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn saving_keeps_the_files_mode_and_new_reviews_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.toml");
        let mut file = ReviewFile::open_or_new(&new, sample).unwrap();
        file.save(&RealFs).unwrap();
        assert_eq!(mode(&new), 0o600, "a new review is private");

        for kept in [0o600, 0o640, 0o664] {
            let path = dir.path().join(format!("r{kept:o}.toml"));
            fs::write(&path, sample().to_toml()).unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(kept)).unwrap();
            let mut file = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
            file.review.items.clear();
            file.save(&RealFs).unwrap();
            assert!(fs::read_to_string(&path).unwrap().contains("role ="));
            assert_eq!(mode(&path), kept, "mode {kept:o} kept");
            file.save(&RealFs).unwrap();
            assert_eq!(mode(&path), kept, "and kept again");
        }
    }

    #[test]
    fn a_symlinked_review_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real/review.toml");
        fs::write(&target, sample().to_toml()).unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("real/review.toml", &link).unwrap();
        // A link to a link: both stay links.
        let link2 = dir.path().join("link2.toml");
        std::os::unix::fs::symlink(&link, &link2).unwrap();

        let mut file = ReviewFile::open_or_new(&link2, || unreachable!()).unwrap();
        file.review.items.remove("sql");
        assert_eq!(file.save(&RealFs).unwrap(), Saved::Written(link2.clone()));
        for l in [&link, &link2] {
            assert!(fs::symlink_metadata(l).unwrap().file_type().is_symlink());
        }
        let on_disk = Review::parse("t", &fs::read_to_string(&target).unwrap()).unwrap();
        // The item stays only for its history entry (the note removed).
        assert!(
            on_disk.items.get("sql").is_none_or(|a| a.is_empty()),
            "the target has the new marks"
        );
        assert!(on_disk.items.contains_key("deep-learning"));
        // No stray file beside the link, and the lock is beside the target.
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["link.toml", "link2.toml", "real"]);
        // Nothing beside the target either: the lock file went with the lock.
        let beside: Vec<_> = fs::read_dir(dir.path().join("real"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(beside, ["review.toml"]);
        // While a save holds it, the lock is beside the target.
        assert_eq!(
            crate::fsutil::lock_path(&resolve_links(&link2).unwrap()),
            dir.path().join("real/.review.toml.lock")
        );
    }

    /// Runs `f` on another thread and fails the test if it does not return
    /// within a few seconds (a FIFO would block it forever).
    fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(f());
        });
        rx.recv_timeout(Duration::from_secs(5))
            .expect("opening did not return: it hangs")
    }

    #[test]
    fn a_fifo_or_a_device_as_review_file_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("review.toml");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available: FIFO case skipped");
        } else {
            let f = fifo.clone();
            let err = within_seconds(move || ReviewFile::open_or_new(&f, sample).map(|_| ()))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("named pipe (FIFO), not a regular file"),
                "{err}"
            );
        }
        let err =
            within_seconds(|| ReviewFile::open_or_new(Path::new("/dev/zero"), sample).map(|_| ()))
                .unwrap_err()
                .to_string();
        assert_eq!(
            err,
            "/dev/zero: it is a character device, not a regular file"
        );
    }

    #[test]
    fn a_review_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.toml");
        // Sparse: no disk space or time is spent on it.
        fs::File::create(&path)
            .unwrap()
            .set_len(MAX_REVIEW_BYTES + 1)
            .unwrap();
        let err = ReviewFile::open_or_new(&path, sample)
            .unwrap_err()
            .to_string();
        assert!(
            err.ends_with(&format!(
                "huge.toml: file is {} bytes; at most {MAX_REVIEW_BYTES} bytes are read; review files may be at most 64 MiB",
                MAX_REVIEW_BYTES + 1
            )),
            "{err}"
        );
    }

    #[test]
    fn temporary_files_of_killed_writers_are_removed_on_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        // No process has this id (above Linux's largest pid, 2^22).
        let dead = dir.path().join(".r.toml.4294960-3.tmp");
        let mine = dir
            .path()
            .join(format!(".r.toml.{}-999.tmp", std::process::id()));
        let other_file = dir.path().join(".other.toml.4294960-0.tmp");
        for f in [&dead, &mine, &other_file] {
            fs::write(f, "half a review").unwrap();
        }
        let mut file = ReviewFile::open_or_new(&path, sample).unwrap();
        file.save(&RealFs).unwrap();
        assert!(!dead.exists(), "a dead writer's temporary file is removed");
        assert!(mine.exists(), "a running writer's is kept");
        assert!(other_file.exists(), "another file's is not touched");
    }
}

/// Any sequence of marks, notes, undos, saves, reloads, closing and
/// reopening leaves a file that loads to the same review.
#[cfg(test)]
mod properties {
    use super::super::{Mark, sample};
    use super::*;
    use crate::fsutil::RealFs;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Mark(usize, usize, Option<Mark>),
        Note(usize, String),
        Undo,
        Save,
        Reload,
        Close,
        Reopen,
    }

    const SKILLS: [&str; 3] = ["sql", "deep-learning", "ml-ops"];
    const WHO: [&str; 3] = ["self", "manager", "agreed"];

    fn op() -> impl Strategy<Value = Op> {
        let mark = prop_oneof![
            Just(None),
            Just(Some(Mark::Met)),
            Just(Some(Mark::Partly)),
            Just(Some(Mark::NotYet))
        ];
        prop_oneof![
            (0..3usize, 0..3usize, mark).prop_map(|(s, w, m)| Op::Mark(s, w, m)),
            (0..3usize, "[a-z \"#\\n]{0,12}").prop_map(|(s, n)| Op::Note(s, n)),
            Just(Op::Undo),
            Just(Op::Save),
            Just(Op::Reload),
            Just(Op::Close),
            Just(Op::Reopen),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn saved_files_load_to_the_same_review(ops in proptest::collection::vec(op(), 1..14)) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("r.toml");
            let mut file = ReviewFile::open_or_new(&path, sample).unwrap();
            let mut undo: Vec<Review> = Vec::new();
            for (n, op) in ops.into_iter().enumerate() {
                let at = format!("2026-12-01T10:{:02}:00+08:00", n % 60);
                match op {
                    Op::Mark(s, w, m) => {
                        undo.push(file.review.clone());
                        file.review.items.entry(SKILLS[s].into()).or_default().set_mark(WHO[w], m);
                    }
                    Op::Note(s, text) => {
                        undo.push(file.review.clone());
                        file.review.items.entry(SKILLS[s].into()).or_default().note = text;
                    }
                    Op::Undo => {
                        if let Some(r) = undo.pop() {
                            file.review = r;
                        }
                    }
                    Op::Save => {
                        prop_assert!(matches!(file.save_at(&RealFs, &at).unwrap(), Saved::Written(_)));
                        let back = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
                        prop_assert_eq!(&back.review, &file.review);
                    }
                    Op::Reload => {
                        if path.exists() {
                            file.save_at(&RealFs, &at).unwrap();
                            file = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
                            undo.clear();
                        }
                    }
                    Op::Close => {
                        if file.review.closed.is_none() {
                            file.review.close(file.review.date, &at, "manager");
                        }
                    }
                    Op::Reopen => {
                        if file.review.closed.is_some() {
                            file.review.reopen(&at, "manager");
                        }
                    }
                }
            }
            file.save_at(&RealFs, "2026-12-02T00:00:00+08:00").unwrap();
            let back = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
            prop_assert_eq!(&back.review, &file.review);
            prop_assert_eq!(render(back.doc.as_ref(), &back.review), std::fs::read_to_string(&path).unwrap());
        }
    }
}
