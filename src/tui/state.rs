//! The state file: what rungs remembers between runs that is not the
//! user's config, under `$XDG_STATE_HOME/rungs/` (else
//! `~/.local/state/rungs/`): the gap view's diff mode (`state.toml`), and
//! the marks and notes of a review that is in no file yet
//! (`unsaved-<role>-<from>-<to>.toml`, `0600`, written after every change
//! so a dropped connection loses nothing; the next start on the same gap
//! offers to restore it). Only the event loop calls in here.

use std::io;
use std::path::{Path, PathBuf};

use super::screens::gap::DiffMode;
use crate::review::{RealFs, Review, write_atomic};

/// The state folder: `$XDG_STATE_HOME/rungs`, else
/// `$HOME/.local/state/rungs`; `None` when neither is set.
pub fn dir() -> Option<PathBuf> {
    let set = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    set("XDG_STATE_HOME")
        .or_else(|| set("HOME").map(|h| h.join(".local").join("state")))
        .map(|d| d.join("rungs"))
}

fn ensure(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// The diff mode remembered in `state.toml`; the default when there is
/// none or it cannot be read.
pub fn load_diff_mode(dir: &Path) -> DiffMode {
    std::fs::read_to_string(dir.join("state.toml"))
        .ok()
        .and_then(|t| t.parse::<toml::Table>().ok())
        .and_then(|t| t.get("diff")?.as_str().and_then(DiffMode::parse))
        .unwrap_or_default()
}

pub fn save_diff_mode(dir: &Path, mode: DiffMode) -> io::Result<()> {
    ensure(dir)?;
    let text = format!(
        "# rungs remembers this between runs; safe to delete.\ndiff = \"{}\"\n",
        mode.name()
    );
    write_atomic(&RealFs, &dir.join("state.toml"), text.as_bytes())
}

/// Keeps only characters that are safe in a file name.
fn part(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Where the unsaved marks of a gap are kept.
pub fn unsaved_path(dir: &Path, role: &str, from: &str, to: &str) -> PathBuf {
    dir.join(format!(
        "unsaved-{}-{}-{}.toml",
        part(role),
        part(from),
        part(to)
    ))
}

/// Writes a review that is in no file yet (`0600`, atomically).
pub fn save_unsaved(dir: &Path, review: &Review) -> io::Result<()> {
    ensure(dir)?;
    let path = unsaved_path(dir, &review.role, &review.from, &review.to);
    write_atomic(&RealFs, &path, review.to_toml().as_bytes())
}

/// The unsaved marks of a gap from an earlier session, if any.
pub fn load_unsaved(dir: &Path, role: &str, from: &str, to: &str) -> Option<Review> {
    let path = unsaved_path(dir, role, from, to);
    let text = std::fs::read_to_string(&path).ok()?;
    Review::parse(&path.display().to_string(), &text)
        .ok()
        .filter(|r| !r.items.is_empty() || !r.meta.is_empty())
}

/// Forgets the unsaved marks of a gap (they were written to a review file,
/// or the user declined them).
pub fn drop_unsaved(dir: &Path, role: &str, from: &str, to: &str) {
    let _ = std::fs::remove_file(unsaved_path(dir, role, from, to));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Assessment, Mark};

    #[test]
    fn unsaved_marks_round_trip_privately() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("rungs");
        let date = crate::catalog::Date {
            year: 2026,
            month: 11,
            day: 30,
        };
        let mut r = Review::new("data-scientist", "senior", "lead", "t", date);
        r.items.insert(
            "sql".into(),
            Assessment {
                mark: Some(Mark::Partly),
                note: "one\ntwo".into(),
                expectation: "x".into(),
                ..Assessment::default()
            },
        );
        save_unsaved(&state, &r).unwrap();
        let back = load_unsaved(&state, "data-scientist", "senior", "lead").unwrap();
        assert_eq!(back.items, r.items);
        assert!(load_unsaved(&state, "data-scientist", "senior", "head").is_none());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let path = unsaved_path(&state, "data-scientist", "senior", "lead");
            let mode = std::fs::metadata(path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // The review's details alone are kept too.
        let mut details = Review::new("data-scientist", "senior", "lead", "t", date);
        details.meta.candidate = "Alex Kim".into();
        save_unsaved(&state, &details).unwrap();
        let back = load_unsaved(&state, "data-scientist", "senior", "lead").unwrap();
        assert_eq!(back.meta.candidate, "Alex Kim");
        drop_unsaved(&state, "data-scientist", "senior", "lead");
        assert!(load_unsaved(&state, "data-scientist", "senior", "lead").is_none());
        assert_eq!(load_diff_mode(&state), DiffMode::Inline);
        save_diff_mode(&state, DiffMode::SideBySide).unwrap();
        assert_eq!(load_diff_mode(&state), DiffMode::SideBySide);
        assert_eq!(part("../x y"), "___x_y");
    }
}
