//! File-system helpers: atomic writes (a temporary file in the same folder,
//! flushed to disk, then renamed over the target, so a crash, a kill or a
//! full disk never leaves a half-written file), reading only regular files
//! (a FIFO or a device given as a file must not hang or fill memory),
//! advisory locks beside a file, and following a symlinked path to the file
//! it names.
//!
//! The file operations of an atomic write go through the [`Fs`] trait so
//! that tests can inject failures. Imports nothing from the rest of the
//! crate: the catalog reader and cache, review saving and report export all
//! use it.

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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

    /// Gives the new file `tmp` the permissions of `target` (and its owner
    /// where permitted) before it replaces `target`; nothing when `target`
    /// does not exist, so a new file keeps the private mode it was created
    /// with. The default does nothing (for in-memory test file systems).
    fn match_permissions(&self, tmp: &Path, target: &Path) -> io::Result<()> {
        let _ = (tmp, target);
        Ok(())
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
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        // New files are private (0600): review notes are HR data. A file
        // that replaces an existing one gets that file's mode instead, in
        // `match_permissions`.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, NEW_FILE_MODE);
        let f = options.open(path)?;
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
        read_regular(path, u64::MAX)
    }

    fn match_permissions(&self, tmp: &Path, target: &Path) -> io::Result<()> {
        let meta = match fs::metadata(target) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        fs::set_permissions(tmp, meta.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Only root may give a file away; anyone may keep their own
            // group when they belong to it. A refusal leaves the new file
            // ours, with the old mode, which is all we can do.
            let _ = std::os::unix::fs::chown(tmp, Some(meta.uid()), Some(meta.gid()));
        }
        Ok(())
    }
}

/// The mode new files are created with: readable and writable by their
/// owner only.
pub const NEW_FILE_MODE: u32 = 0o600;

/// Writes `contents` to `path` atomically; see [`write_atomic_with`].
pub fn write_atomic(fs: &dyn Fs, path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(fs, path, &mut |w| w.write_all(contents))
}

/// Writes what `fill` writes to `path` atomically: a new temporary file in
/// the same folder, flushed, then renamed over `path`. On any failure the
/// temporary file is removed and `path` is untouched. The file keeps the
/// mode (and owner) `path` had; a new file is private ([`NEW_FILE_MODE`]).
pub fn write_atomic_with(
    fs: &dyn Fs,
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_from(fs, path, path, fill)
}

/// Writes `contents` to `path` atomically with the permissions of `like`
/// (when it exists): an export gets the review file's permissions.
pub fn write_atomic_like(fs: &dyn Fs, path: &Path, contents: &[u8], like: &Path) -> io::Result<()> {
    write_atomic_from(fs, path, like, &mut |w| w.write_all(contents))
}

fn write_atomic_from(
    fs: &dyn Fs,
    path: &Path,
    permissions_of: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = temp_path(path);
    let result = fs
        .write_new_with(&tmp, fill)
        .and_then(|()| fs.match_permissions(&tmp, permissions_of))
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

/// The name of the temporary file of one atomic write: `.NAME.PID-N.tmp`.
/// Returns the PID when `entry` is one for `name`.
fn temp_owner(entry: &str, name: &str) -> Option<u32> {
    let rest = entry
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?;
    let (pid, n) = rest.strip_suffix(".tmp")?.split_once('-')?;
    n.parse::<usize>().ok()?;
    pid.parse().ok()
}

/// Removes temporary files of earlier atomic writes to `path` that were
/// never renamed (their writer was killed), and returns how many.
///
/// Called while holding `path`'s [`FileLock`]: every writer that takes the
/// lock renames or removes its own temporary file before releasing it, so
/// one still there belongs to a writer that died. Where `/proc` tells, a
/// file of a process that is still running is kept anyway.
pub fn remove_stale_temps(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let me = std::process::id();
    let proc_fs = Path::new("/proc/self").exists();
    let mut removed = 0;
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let Some(pid) = temp_owner(&entry_name.to_string_lossy(), &name) else {
            continue;
        };
        let alive = pid == me || (proc_fs && Path::new("/proc").join(pid.to_string()).exists());
        if !alive && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Opens `path` for reading only if it is a regular file.
///
/// The file is opened without blocking (a FIFO would otherwise wait for a
/// writer forever), then the open file is checked with `fstat`: checking
/// the path first and opening it after could be raced. Returns the file and
/// its size.
pub fn open_regular(path: &Path) -> io::Result<(fs::File, u64)> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {}, not a regular file", kind_of(&meta.file_type())),
        ));
    }
    Ok((file, meta.len()))
}

/// What a file that is not a regular file is, for messages.
fn kind_of(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Reads a regular file of at most `limit` bytes (see [`open_regular`]).
/// A larger file is refused with [`io::ErrorKind::FileTooLarge`] before it
/// is read, and a file that grows past the limit while read is caught too.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let (file, len) = open_regular(path)?;
    let too_big = |len: u64| {
        io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("file is {len} bytes; at most {limit} bytes are read"),
        )
    };
    if len > limit {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The file a path names, following symlinks of its last component (a
/// chain of them, relative or absolute); the path itself when it is not a
/// link or does not exist. A save writes through to the result, so a
/// symlinked file stays a symlink and its target gets the new contents.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// An advisory lock on a file, held until dropped. Other rungs processes
/// taking the same lock wait; programs that take no lock are not stopped.
///
/// Dropping it removes the `.NAME.lock` file while the lock is still held,
/// so no empty file stays beside the review. That is safe because every
/// taker checks, once it holds the lock, that the path still names the file
/// it locked (see [`lock_beside`]): a waiter that was left holding a removed
/// file starts again on a new one instead of writing beside the new holder.
#[derive(Debug)]
pub struct FileLock {
    file: fs::File,
    /// The file that holds the lock: `.NAME.lock`, or the file itself.
    pub path: PathBuf,
    /// True for the `.NAME.lock` file (removed on drop); false when the
    /// lock is on the guarded file itself, which stays.
    remove: bool,
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Only while we still hold it and the path is still our file: never
        // another process's lock file.
        if self.remove && same_file(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// True when `path` names the open `file` (same device and inode).
#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Without inode numbers the lock file is never removed (it stays, empty,
/// as before), so whether it is still ours never matters.
#[cfg(not(unix))]
fn same_file(_file: &fs::File, path: &Path) -> bool {
    path.exists()
}

/// How long [`lock_beside`] waits for another process before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// The lock file that guards `path`: `.NAME.lock` in the same folder.
pub fn lock_path(path: &Path) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new(""));
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    dir.join(format!(".{name}.lock"))
}

/// Takes the exclusive lock that guards `path` (see [`lock_path`]), waiting
/// up to [`LOCK_WAIT`] for another holder. The lock file is removed again
/// when the lock is dropped (see [`FileLock`]).
///
/// Where the lock file cannot be created (a read-only folder), the lock is
/// taken on `path` itself when it exists. `Ok(None)` when neither can be
/// opened: then no write could succeed there either, and the write's own
/// error is the one to report.
pub fn lock_beside(path: &Path) -> io::Result<Option<FileLock>> {
    let lock = lock_path(path);
    let start = Instant::now();
    loop {
        let opened = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock)
            .map(|f| (f, lock.clone(), cfg!(unix)))
            .or_else(|_| fs::File::open(path).map(|f| (f, path.to_path_buf(), false)));
        let Ok((file, held, remove)) = opened else {
            return Ok(None);
        };
        loop {
            match file.try_lock() {
                // The holder before us may have removed the file we opened
                // (and another process made a new one): then ours guards
                // nothing; open the path again.
                Ok(()) if remove && !same_file(&file, &held) => break,
                Ok(()) => {
                    return Ok(Some(FileLock {
                        file,
                        path: held,
                        remove,
                    }));
                }
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        format!(
                            "{} is held by another process saving the same file for more than {} s; try again",
                            held.display(),
                            LOCK_WAIT.as_secs()
                        ),
                    ));
                }
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
        }
        if start.elapsed() >= LOCK_WAIT {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                format!(
                    "{} kept being replaced for more than {} s; try again",
                    lock.display(),
                    LOCK_WAIT.as_secs()
                ),
            ));
        }
    }
}

/// `path` when `taken` says it is free, else the first free one of
/// `NAME-2.EXT`, `NAME-3.EXT`, …: an export or a conflict copy never
/// replaces a file it did not write.
pub fn free_path(path: &Path, taken: impl Fn(&Path) -> bool) -> PathBuf {
    if !taken(path) {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map_or_else(|| "export".into(), |s| s.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|p| !taken(p))
        .unwrap_or_else(|| path.to_path_buf())
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

    #[test]
    fn free_path_counts_up_past_taken_names() {
        let taken = ["a/x.md", "a/x-2.md"];
        let is_taken = |p: &Path| taken.iter().any(|t| Path::new(t) == p);
        assert_eq!(
            free_path(Path::new("a/y.md"), is_taken),
            PathBuf::from("a/y.md")
        );
        assert_eq!(
            free_path(Path::new("a/x.md"), is_taken),
            PathBuf::from("a/x-3.md")
        );
        assert_eq!(
            free_path(Path::new("a/README"), |p| p == Path::new("a/README")),
            PathBuf::from("a/README-2")
        );
    }

    /// The `.NAME.lock` file is there while the lock is held and gone once
    /// it is dropped, also when an old empty one was lying there before.
    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_removed_when_its_holder_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("r.toml");
        let lock = lock_path(&review);
        for stale in [false, true] {
            if stale {
                fs::write(&lock, b"").unwrap();
            }
            let held = lock_beside(&review).unwrap().unwrap();
            assert_eq!(held.path, lock);
            assert!(lock.exists());
            drop(held);
            assert!(names(dir.path()).is_empty(), "stale: {stale}");
        }
    }

    /// A holder never removes a lock file that is no longer its own: when
    /// its file was replaced and another process locked the new one, that
    /// one stays until its own holder lets go.
    #[cfg(unix)]
    #[test]
    fn a_holder_never_removes_another_processs_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("r.toml");
        let lock = lock_path(&review);
        let first = lock_beside(&review).unwrap().unwrap();
        fs::remove_file(&lock).unwrap();
        let second = lock_beside(&review).unwrap().unwrap();
        drop(first);
        assert!(lock.exists(), "the second holder's file stays");
        drop(second);
        assert!(!lock.exists());
    }

    /// Writers that queue for the lock while each holder removes its file
    /// on the way out never hold it at the same time: a waiter left
    /// holding a removed file starts again on the new one.
    #[cfg(unix)]
    #[test]
    fn waiters_never_hold_the_lock_together_while_files_come_and_go() {
        use std::sync::Arc;
        let dir = tempfile::tempdir().unwrap();
        let review = Arc::new(dir.path().join("r.toml"));
        let inside = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (review, inside) = (Arc::clone(&review), Arc::clone(&inside));
                std::thread::spawn(move || {
                    for _ in 0..50 {
                        let held = lock_beside(&review).unwrap().unwrap();
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two holders");
                        std::thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                        drop(held);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert!(names(dir.path()).is_empty(), "no lock file left");
    }
}
