//! Atomic file writes: a temporary file in the same folder, flushed to disk,
//! then renamed over the target, so a crash, a kill or a full disk never
//! leaves a half-written file.
//!
//! The file operations go through the [`Fs`] trait so that tests can inject
//! failures. Imports nothing from the rest of the crate: the catalog cache,
//! review saving and report export all use it.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The file operations an atomic write needs, so tests can inject failures.
pub trait Fs {
    /// Creates `path`, which must not exist, with `contents`, flushed to disk.
    fn write_new(&self, path: &Path, contents: &[u8]) -> io::Result<()>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn remove(&self, path: &Path) -> io::Result<()>;
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;

    /// Creates `path`, which must not exist, with what `fill` writes,
    /// flushed to disk.
    ///
    /// By default the bytes are gathered in memory and passed to
    /// [`Fs::write_new`]; [`RealFs`] streams them to the file instead, so
    /// a large cache is never held twice.
    fn write_new_with(
        &self,
        path: &Path,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut buf = Vec::new();
        fill(&mut buf)?;
        self.write_new(path, &buf)
    }
}

/// The real file system: writes are flushed to disk before the rename.
pub struct RealFs;

impl Fs for RealFs {
    fn write_new(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
        self.write_new_with(path, &mut |w| w.write_all(contents))
    }

    fn write_new_with(
        &self,
        path: &Path,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        let mut w = BufWriter::new(f);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)?;
        // Make the rename itself durable where the platform allows it.
        #[cfg(unix)]
        if let Some(dir) = to.parent() {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            if let Ok(d) = fs::File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        fs::read(path)
    }
}

/// Writes `contents` to `path` atomically; see [`write_atomic_with`].
pub fn write_atomic(fs: &dyn Fs, path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(fs, path, &mut |w| w.write_all(contents))
}

/// Writes what `fill` writes to `path` atomically: a new temporary file in
/// the same folder, flushed, then renamed over `path`. On any failure the
/// temporary file is removed and `path` is untouched.
pub fn write_atomic_with(
    fs: &dyn Fs,
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = temp_path(path);
    let result = fs
        .write_new_with(&tmp, fill)
        .and_then(|()| fs.rename(&tmp, path));
    if result.is_err() {
        let _ = fs.remove(&tmp);
    }
    result
}

/// A hidden name beside `path`, unique to this process and this call, so
/// two writers (two processes, or two threads of one) never share one
/// temporary file.
fn temp_path(path: &Path) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = path.parent().unwrap_or(Path::new(""));
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry of `dir`, by name.
    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_replace_the_file_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&RealFs, &path, b"first").unwrap();
        write_atomic_with(&RealFs, &path, &mut |w| {
            w.write_all(b"sec")?;
            w.write_all(b"ond")
        })
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(names(dir.path()), ["out.txt"]);
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&RealFs, &path, b"kept").unwrap();
        let err = write_atomic_with(&RealFs, &path, &mut |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("encoder failed"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "encoder failed");
        assert_eq!(fs::read(&path).unwrap(), b"kept");
        assert_eq!(names(dir.path()), ["out.txt"]);
    }

    /// A file system that records what it was asked to create, and keeps
    /// everything in memory through the default `write_new_with`.
    struct Recording(std::cell::RefCell<Vec<(PathBuf, Vec<u8>)>>);

    impl Fs for Recording {
        fn write_new(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
            self.0
                .borrow_mut()
                .push((path.to_path_buf(), contents.to_vec()));
            Ok(())
        }
        fn rename(&self, _: &Path, _: &Path) -> io::Result<()> {
            Ok(())
        }
        fn remove(&self, _: &Path) -> io::Result<()> {
            Ok(())
        }
        fn read(&self, _: &Path) -> io::Result<Vec<u8>> {
            Err(io::ErrorKind::NotFound.into())
        }
    }

    #[test]
    fn temporary_files_are_hidden_beside_the_target_and_never_reused() {
        let fs = Recording(Default::default());
        let path = Path::new("some/dir/review.toml");
        write_atomic_with(&fs, path, &mut |w| w.write_all(b"a")).unwrap();
        write_atomic(&fs, path, b"b").unwrap();
        let made = fs.0.into_inner();
        assert_eq!(made.len(), 2);
        for (tmp, _) in &made {
            assert_eq!(tmp.parent(), Some(Path::new("some/dir")));
            let name = tmp.file_name().unwrap().to_string_lossy();
            assert!(name.starts_with(".review.toml."), "{name}");
        }
        assert_ne!(made[0].0, made[1].0);
        assert_eq!((&made[0].1[..], &made[1].1[..]), (&b"a"[..], &b"b"[..]));
    }
}
