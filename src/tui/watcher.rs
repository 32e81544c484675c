//! The catalog watcher: a thread that reloads the catalog after its files
//! change, follows it when its folder is replaced or it is reached through
//! a symlink, and says when it is gone. It only sends events; what they
//! mean for the screen is `App::update`'s business.
//!
//! Watching the folder alone is not enough. An inotify watch belongs to a
//! folder, not to its path: when the folder is moved away, the watch goes
//! with it, and when it is removed, the watch dies. A catalog folder that
//! is replaced (moved away and copied back, removed and made again, built
//! elsewhere and renamed into place) would be reloaded once and then never
//! again. So the thread also looks, a few times a second, at which folder
//! the catalog's path leads to (after following symlinks); when that
//! changes, it watches the new one and reloads.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::action::Gone;
use super::events::AppEvent;

/// How long the files must stay quiet before a reload: editors save by
/// writing a temporary file and renaming it, in several events.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// How often the thread checks where the catalog's path leads: a
/// `realpath` and two `stat`s, so twice a second costs nothing measurable,
/// and a replaced folder is followed within half a second.
const POLL: Duration = Duration::from_millis(500);

/// A catalog on disk to watch, and the cache of parsed files to reload it
/// through (`None`: read every file again).
#[derive(Debug, Clone)]
pub struct Watch {
    pub catalog: PathBuf,
    pub cache: Option<PathBuf>,
    /// How the catalog is read again (as at start-up).
    pub options: crate::catalog::LoadOptions,
}

/// Keeps the watcher thread running; dropping it stops the thread.
#[derive(Debug)]
pub struct Watcher {
    stop: Sender<Message>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // A closed channel means the thread has ended already.
        let _ = self.stop.send(Message::Stop);
    }
}

/// What the watcher thread waits for.
enum Message {
    /// A file-system event from the current (or an abandoned) watch.
    Fs(notify::Result<notify::Event>),
    Stop,
}

/// Which folder a path leads to. A folder removed and made again, or
/// replaced by a copy, is another folder at the same path.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Identity {
    dev: u64,
    ino: u64,
    /// The birth time where the file system keeps one: inode numbers are
    /// reused at once on some file systems.
    born: Option<std::time::SystemTime>,
}

impl Identity {
    fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Identity {
            dev,
            ino,
            born: meta.created().ok(),
        }
    }
}

/// Where the catalog is on disk now, symlinks followed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    /// The folder to watch: the catalog folder, or a one-file catalog's
    /// folder (editors replace a file when they save it, so the file
    /// itself cannot be watched).
    dir: PathBuf,
    /// A one-file catalog's name in `dir` (the target's name when the
    /// catalog is a symlink).
    file: Option<OsString>,
    id: Identity,
}

impl Place {
    /// Follows `catalog` to the folder to watch; `None` when it is gone.
    fn locate(catalog: &Path) -> Option<Place> {
        let real = std::fs::canonicalize(catalog).ok()?;
        let meta = std::fs::metadata(&real).ok()?;
        if meta.is_dir() {
            return Some(Place {
                id: Identity::of(&meta),
                dir: real,
                file: None,
            });
        }
        let dir = real.parent()?.to_path_buf();
        let id = Identity::of(&std::fs::metadata(&dir).ok()?);
        Some(Place {
            file: real.file_name().map(OsString::from),
            dir,
            id,
        })
    }

    /// Starts a watch on this place that posts to `tx`: a folder catalog
    /// recursively, a one-file catalog's folder alone.
    fn watch(&self, tx: &Sender<Message>) -> notify::Result<notify::RecommendedWatcher> {
        use notify::{RecursiveMode, Watcher};
        let tx = tx.clone();
        let mut watcher = notify::recommended_watcher(move |e| {
            // The thread may have ended; nothing is left to tell.
            let _ = tx.send(Message::Fs(e));
        })?;
        let mode = if self.file.is_some() {
            RecursiveMode::NonRecursive
        } else {
            RecursiveMode::Recursive
        };
        watcher.watch(&self.dir, mode)?;
        Ok(watcher)
    }

    /// True for events that can change the catalog: a `.toml` file or a
    /// folder below a folder catalog, the file of a one-file catalog, or
    /// the watched folder itself.
    fn concerns(&self, event: &notify::Event) -> bool {
        changes_content(&event.kind)
            && event.paths.iter().any(|p| {
                p == &self.dir
                    || match &self.file {
                        Some(name) => p.file_name() == Some(name.as_os_str()),
                        None => relevant(p),
                    }
            })
    }

    /// True when `event` says the watched folder itself was removed or
    /// moved: its watch is dead or follows it elsewhere.
    fn lost_by(&self, event: &notify::Event) -> bool {
        use notify::EventKind;
        use notify::event::ModifyKind;
        matches!(
            event.kind,
            EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
        ) && event.paths.iter().any(|p| p == &self.dir)
    }
}

/// True for changes that can affect a catalog: `.toml` files and folders
/// that are not hidden (editor swap and backup files are ignored).
fn relevant(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden && (path.extension().is_some_and(|e| e == "toml") || path.extension().is_none())
}

/// True for events that can change what a catalog holds: files created,
/// written, renamed or removed — not opened, read or closed.
fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{MetadataKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(m)) => {
            !matches!(m, MetadataKind::AccessTime | MetadataKind::Any)
        }
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Watches the catalog at `path` and reloads it, debounced, after every
/// relevant change (see [`spawn_watch`]). Keep the returned handle alive.
pub fn spawn_watcher(path: &Path, events: Sender<AppEvent>) -> notify::Result<Watcher> {
    spawn_watch(
        &Watch {
            catalog: path.to_path_buf(),
            cache: None,
            options: crate::catalog::LoadOptions::default(),
        },
        events,
    )
}

/// Watches the catalog `watch` names (a folder recursively; a file through
/// its folder, since editors replace files) and posts
/// [`AppEvent::Reloaded`] after every relevant change, reloading through
/// the cache of parsed files when there is one. When the catalog's folder
/// is replaced, or a symlink to it re-pointed, the new one is watched and
/// loaded; while it is gone, [`AppEvent::CatalogGone`] says so, and when
/// it comes back it is loaded again. Keep the returned handle alive.
pub fn spawn_watch(watch: &Watch, events: Sender<AppEvent>) -> notify::Result<Watcher> {
    let place = Place::locate(&watch.catalog)
        .ok_or_else(|| notify::Error::path_not_found().add_path(watch.catalog.clone()))?;
    let (tx, rx) = mpsc::channel();
    let current = place.watch(&tx)?;
    let thread = WatchThread {
        gone: Gone {
            path: crate::catalog::clean(&watch.catalog.display().to_string(), true).text,
            folder: place.file.is_none(),
        },
        watch: watch.clone(),
        events,
        tx: tx.clone(),
        place: Some(place),
        current: Some(current),
    };
    thread::spawn(move || thread.run(&rx));
    Ok(Watcher { stop: tx })
}

/// The watcher thread's state.
struct WatchThread {
    watch: Watch,
    events: Sender<AppEvent>,
    /// Where new watches post.
    tx: Sender<Message>,
    /// Where the catalog was last found; `None` while it is gone.
    place: Option<Place>,
    /// The watch on `place`; dropping it ends it.
    current: Option<notify::RecommendedWatcher>,
    /// What to say when the catalog is gone (`folder` follows what it was).
    gone: Gone,
}

/// Whether the thread goes on: `Break` once nobody listens any more.
type Go = std::ops::ControlFlow<()>;

impl WatchThread {
    fn run(mut self, rx: &mpsc::Receiver<Message>) {
        let mut next_look = Instant::now() + POLL;
        loop {
            let wait = next_look.saturating_duration_since(Instant::now());
            let go = match rx.recv_timeout(wait) {
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => {
                    next_look = Instant::now() + POLL;
                    self.look(rx, false, false)
                }
                Ok(Message::Fs(Ok(event))) => {
                    let Some(place) = &self.place else { continue };
                    if !place.concerns(&event) {
                        continue;
                    }
                    let mut lost = place.lost_by(&event);
                    // Wait until the burst of events is over.
                    loop {
                        match rx.recv_timeout(DEBOUNCE) {
                            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                            Ok(Message::Fs(Ok(event))) => lost |= place.lost_by(&event),
                            Ok(Message::Fs(Err(_))) => {}
                            Err(RecvTimeoutError::Timeout) => break,
                        }
                    }
                    self.look(rx, true, lost)
                }
                // Errors of the watch itself (a queue overflow, a watch
                // that could not be added below a new folder): the next
                // look or change sorts it out.
                Ok(Message::Fs(Err(_))) => continue,
            };
            if go.is_break() {
                return;
            }
        }
    }

    /// Looks where the catalog's path leads now. Gone: says so once.
    /// Elsewhere than before (replaced, re-pointed, back again): watches
    /// the new place and reloads. The same place: reloads when `changed`
    /// says its files changed, watching it afresh first when `lost` says
    /// its watch died (removed and made again between two looks: the path
    /// can even lead to the same inode again).
    fn look(&mut self, rx: &mpsc::Receiver<Message>, changed: bool, lost: bool) -> Go {
        match Place::locate(&self.watch.catalog) {
            None => {
                self.current = None;
                if self.place.take().is_some() {
                    return self.send(AppEvent::CatalogGone(self.gone.clone()));
                }
                Go::Continue(())
            }
            Some(place) if self.place.as_ref() == Some(&place) => {
                if lost {
                    self.rewatch(rx)
                } else {
                    if self.current.is_none() {
                        // The last try to watch it failed: try again.
                        self.current = place.watch(&self.tx).ok();
                    }
                    if changed {
                        self.reload()
                    } else {
                        Go::Continue(())
                    }
                }
            }
            Some(place) => {
                self.place = Some(place);
                self.rewatch(rx)
            }
        }
    }

    /// Watches `place` afresh, waits until it is quiet (a folder being
    /// copied back arrives file by file), and reloads.
    fn rewatch(&mut self, rx: &mpsc::Receiver<Message>) -> Go {
        // The old watch ends first: its folder may be elsewhere now.
        self.current = None;
        let Some(place) = &self.place else {
            return Go::Continue(());
        };
        self.gone.folder = place.file.is_none();
        // Gone again already, or out of inotify watches: the next look
        // tries again (and sees it gone, if it is).
        self.current = place.watch(&self.tx).ok();
        loop {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return Go::Break(()),
                Ok(Message::Fs(_)) => {}
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        self.reload()
    }

    fn reload(&self) -> Go {
        let catalog = &self.watch.catalog;
        let loaded = match &self.watch.cache {
            Some(dir) => crate::catalog::load_path_cached_with(catalog, dir, &self.watch.options),
            None => crate::catalog::load_path_with(catalog, &self.watch.options),
        };
        self.send(AppEvent::Reloaded(Box::new(loaded)))
    }

    fn send(&self, event: AppEvent) -> Go {
        match self.events.send(event) {
            Ok(()) => Go::Continue(()),
            // The event loop has ended.
            Err(_) => Go::Break(()),
        }
    }
}
