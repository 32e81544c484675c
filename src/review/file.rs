//! Review files: opening one (or starting a new review), and saving it
//! atomically without overwriting someone else's changes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::Review;
use crate::catalog::{Diagnostic, Severity};
use crate::fsutil::{Fs, write_atomic};

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
    /// Written to the review file.
    Written(PathBuf),
    /// The review file had been changed by someone else: it was left alone
    /// and our version was written to this copy, where saving continues.
    Conflict { theirs: PathBuf, ours: PathBuf },
}

/// An open review file: the review, where it lives, and what the file held
/// when we last read or wrote it (to notice changes by others).
#[derive(Debug, Clone)]
pub struct ReviewFile {
    pub path: PathBuf,
    pub review: Review,
    /// The bytes on disk as we last saw them; `None` before the first save
    /// of a new file.
    known: Option<Vec<u8>>,
}

impl ReviewFile {
    /// Opens `path`, or starts a new review there when it does not exist
    /// (nothing is written until the first change).
    pub fn open_or_new(path: &Path, new: impl FnOnce() -> Review) -> Result<Self, ReviewError> {
        match fs::read(path) {
            Ok(bytes) => {
                let display = path.display().to_string();
                let text = String::from_utf8(bytes.clone()).map_err(|_| {
                    ReviewError::Invalid(Box::new(Diagnostic::at_file(
                        Severity::Error,
                        display.clone(),
                        "invalid review file: not UTF-8 text",
                    )))
                })?;
                let review = Review::parse(&display, &text)
                    .map_err(|d| ReviewError::Invalid(Box::new(d)))?;
                Ok(ReviewFile {
                    path: path.to_path_buf(),
                    review,
                    known: Some(bytes),
                })
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(ReviewFile {
                path: path.to_path_buf(),
                review: new(),
                known: None,
            }),
            Err(e) => Err(ReviewError::Io {
                path: path.display().to_string(),
                source: e,
            }),
        }
    }

    /// Saves the review. Never overwrites a file someone else changed since
    /// we read it; never leaves a partial file.
    pub fn save(&mut self, fs: &dyn Fs) -> io::Result<Saved> {
        let contents = self.review.to_toml().into_bytes();
        let on_disk = match fs.read(&self.path) {
            Ok(b) => Some(b),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if on_disk.is_some() && on_disk != self.known {
            let theirs = self.path.clone();
            let ours = conflict_path(&self.path, |p| fs.read(p).is_ok());
            write_atomic(fs, &ours, &contents)?;
            self.path = ours.clone();
            self.known = Some(contents);
            return Ok(Saved::Conflict { theirs, ours });
        }
        write_atomic(fs, &self.path, &contents)?;
        self.known = Some(contents);
        Ok(Saved::Written(self.path.clone()))
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
    use super::super::sample;
    use super::*;
    use crate::fsutil::RealFs;
    use std::cell::Cell as StdCell;

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
            let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
            assert_eq!(leftovers.len(), 1, "no temporary file left behind");
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
        let Saved::Conflict { theirs, ours } = saved else {
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
