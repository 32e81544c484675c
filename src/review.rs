//! Assessment files: a promotion review's marks and notes, loaded and saved
//! atomically.
//!
//! A review is TOML a person can read: the role, the from and target levels,
//! the catalog's title, the date, and per assessed skill its mark, note and
//! the target expectation as it read when assessed. Saving writes a
//! temporary file in the same folder, flushes it to disk and renames it over
//! the old one, so a crash, a kill or a full disk never leaves a half-written
//! review. A file changed by someone else since it was read is never
//! overwritten: our version goes to a conflict copy beside it.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::catalog::{Date, Diagnostic, Severity, SourceFile};
pub use crate::fsutil::{Fs, RealFs, write_atomic};

/// How far a skill's target expectation is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Met,
    Partly,
    NotYet,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Met, Mark::Partly, Mark::NotYet];

    /// The word used in review files, JSON and Markdown.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Met => "met",
            Mark::Partly => "partly",
            Mark::NotYet => "not-yet",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Met => "met",
            Mark::Partly => "partly",
            Mark::NotYet => "not yet",
        }
    }

    /// The mark written `s` in a review file.
    pub fn parse(s: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The next mark for `Space`: none → met → partly → not yet → none.
    pub fn cycle(mark: Option<Mark>) -> Option<Mark> {
        match mark {
            None => Some(Mark::Met),
            Some(Mark::Met) => Some(Mark::Partly),
            Some(Mark::Partly) => Some(Mark::NotYet),
            Some(Mark::NotYet) => None,
        }
    }
}

/// The assessment of one skill.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assessment {
    pub mark: Option<Mark>,
    pub note: String,
    /// The target level's expectation text when it was assessed, to notice
    /// later changes to the catalog.
    pub expectation: String,
}

impl Assessment {
    pub fn is_empty(&self) -> bool {
        self.mark.is_none() && self.note.trim().is_empty()
    }
}

/// A promotion review: one role, from one level to a target level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub role: String,
    pub from: String,
    pub to: String,
    pub catalog: String,
    pub date: Date,
    /// Assessments by skill id.
    pub items: BTreeMap<String, Assessment>,
}

impl Review {
    pub fn new(role: &str, from: &str, to: &str, catalog: &str, date: Date) -> Self {
        Review {
            role: role.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            catalog: catalog.to_string(),
            date,
            items: BTreeMap::new(),
        }
    }

    /// The review as TOML, stable and readable.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::from(
            "# A rungs promotion review. rungs saves it after every change;\n\
             # it is plain TOML and safe to read or edit by hand.\n",
        );
        out.push_str(&format!("role = {}\n", q(&self.role)));
        out.push_str(&format!("from = {}\n", q(&self.from)));
        out.push_str(&format!("to = {}\n", q(&self.to)));
        out.push_str(&format!("catalog = {}\n", q(&self.catalog)));
        out.push_str(&format!("date = {}\n", self.date));
        for (skill, a) in &self.items {
            if a.is_empty() {
                continue;
            }
            out.push_str(&format!("\n[[items]]\nskill = {}\n", q(skill)));
            if let Some(m) = a.mark {
                out.push_str(&format!("mark = {}\n", q(m.as_str())));
            }
            if !a.note.is_empty() {
                out.push_str(&format!("note = {}\n", q(&a.note)));
            }
            out.push_str(&format!("expectation = {}\n", q(&a.expectation)));
        }
        out
    }

    /// Parses a review, reporting the first problem with its line.
    pub fn parse(path: &str, text: &str) -> Result<Review, Diagnostic> {
        let file = SourceFile::new(path, text.to_string());
        let raw: RawReview = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let message = crate::catalog::clean(e.message().trim(), true).text;
            file.diagnostic(
                Severity::Error,
                span,
                format!("invalid review file: {message}"),
            )
        })?;
        let date = Date {
            year: raw.date.year,
            month: raw.date.month,
            day: raw.date.day,
        };
        let mut items = BTreeMap::new();
        for item in raw.items {
            let mark = match item.mark.as_deref() {
                None => None,
                Some(m) => Some(Mark::parse(m).ok_or_else(|| {
                    let at = text.find(&format!("\"{m}\"")).unwrap_or(0);
                    file.diagnostic(
                        Severity::Error,
                        at..at + m.len() + 2,
                        format!(
                            "invalid review file: unknown mark `{}`; valid marks: met, partly, not-yet",
                            crate::catalog::clean(m, true).text
                        ),
                    )
                })?),
            };
            // Text from a file is cleaned like catalog text: nothing read
            // here may drive the terminal when shown.
            let clean = |s: &str, one_line| crate::catalog::clean(s, one_line).text;
            items.insert(
                clean(&item.skill, true),
                Assessment {
                    mark,
                    note: clean(&item.note, true),
                    expectation: clean(&item.expectation, false),
                },
            );
        }
        let clean = |s: &str| crate::catalog::clean(s, true).text;
        Ok(Review {
            role: clean(&raw.role),
            from: clean(&raw.from),
            to: clean(&raw.to),
            catalog: clean(&raw.catalog),
            date,
            items,
        })
    }

    /// How many items carry each mark: (met, partly, not yet).
    pub fn mark_counts(&self) -> (usize, usize, usize) {
        let count = |m: Mark| self.items.values().filter(|a| a.mark == Some(m)).count();
        (count(Mark::Met), count(Mark::Partly), count(Mark::NotYet))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    role: String,
    from: String,
    to: String,
    #[serde(default)]
    catalog: String,
    date: toml::value::Date,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    skill: String,
    #[serde(default)]
    mark: Option<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    expectation: String,
}

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
    use super::*;
    use std::cell::Cell as StdCell;

    fn sample() -> Review {
        let mut r = Review::new(
            "data-scientist",
            "senior",
            "lead",
            "Matrix",
            Date {
                year: 2026,
                month: 11,
                day: 29,
            },
        );
        r.items.insert(
            "deep-learning".into(),
            Assessment {
                mark: Some(Mark::Met),
                note: "led the \"DDP\" migration, Q3".into(),
                expectation: "Defines DL framework strategy.".into(),
            },
        );
        r.items.insert(
            "sql".into(),
            Assessment {
                mark: None,
                note: "to discuss".into(),
                expectation: "Sets SQL standards.".into(),
            },
        );
        r
    }

    #[test]
    fn round_trip() {
        let r = sample();
        let text = r.to_toml();
        assert!(text.contains("mark = \"met\""));
        let back = Review::parse("r.toml", &text).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.mark_counts(), (1, 0, 0));
    }

    #[test]
    fn invalid_review_names_the_line() {
        let d = Review::parse("r.toml", "role = \"x\"\nfrom = 3\n").unwrap_err();
        assert_eq!((d.path.as_str(), d.line), ("r.toml", 2), "{d}");
        let d = Review::parse(
            "r.toml",
            "role = \"a\"\nfrom = \"b\"\nto = \"c\"\ndate = 2026-01-01\n[[items]]\nskill = \"s\"\nmark = \"done\"\n",
        )
        .unwrap_err();
        assert_eq!(d.line, 7, "{d}");
        assert!(d.message.contains("valid marks"));
    }

    #[test]
    fn cycle_goes_round() {
        let mut m = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            m = Mark::cycle(m);
            seen.push(m);
        }
        assert_eq!(
            seen,
            [
                Some(Mark::Met),
                Some(Mark::Partly),
                Some(Mark::NotYet),
                None
            ]
        );
    }

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
