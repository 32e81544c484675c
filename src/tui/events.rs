//! Where the event loop's events come from: background threads that read
//! terminal input, run searches and watch the catalog files, all posting
//! to the one channel the loop waits on.
//!
//! Searching off the UI thread keeps typing responsive on any catalog size:
//! a keystroke is drawn at once and its results follow. A search that a
//! newer query has made pointless is abandoned midway.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crossterm::event::{self, Event};

use super::action::SearchRequest;
use crate::catalog::Catalog;
use crate::search::{Index, Results};

/// Something the event loop must handle.
#[derive(Debug)]
pub enum AppEvent {
    Terminal(Event),
    /// Reading terminal events failed; the loop ends with this error.
    TerminalError(std::io::Error),
    Search(u64, Results),
    /// The watched catalog changed and was loaded again.
    Reloaded(Box<Result<crate::catalog::Loaded, crate::catalog::LoadError>>),
    /// A signal sent from outside (see [`spawn_signals`]).
    Signal(i32),
    /// The review file changed on disk (another terminal saved it).
    ReviewChanged,
}

/// Forwards the signals the explorer handles to the loop: SIGTERM, SIGHUP,
/// SIGQUIT and SIGINT (restore the terminal, exit 128+n), SIGTSTP (suspend)
/// and SIGCONT (take the terminal back and redraw). Once the loop has ended
/// a signal gets its default action, as if rungs had never handled it.
#[cfg(unix)]
pub fn spawn_signals(tx: Sender<AppEvent>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(AppEvent::Signal(sig)).is_err() {
                let _ = signal_hook::low_level::emulate_default_handler(sig);
            }
        }
    });
    Ok(())
}

/// How often the review file is looked at for another writer's save.
pub const REVIEW_POLL: std::time::Duration = std::time::Duration::from_millis(400);

/// Watches the review file at `path`: sends [`AppEvent::ReviewChanged`]
/// when its size or modification time changes, so a second terminal on the
/// same review shows the merged state within a second. Ends when the loop
/// is gone.
pub fn spawn_review_watch(path: std::path::PathBuf, tx: std::sync::mpsc::Sender<AppEvent>) {
    std::thread::spawn(move || {
        let stamp = |p: &std::path::Path| {
            std::fs::metadata(p)
                .ok()
                .map(|m| (m.len(), m.modified().ok()))
        };
        let mut last = stamp(&path);
        loop {
            std::thread::sleep(REVIEW_POLL);
            let now = stamp(&path);
            if now != last {
                last = now;
                if tx.send(AppEvent::ReviewChanged).is_err() {
                    return;
                }
            }
        }
    });
}

/// How long the files must stay quiet before a reload: editors save by
/// writing a temporary file and renaming it, in several events.
const DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(200);

/// True for changes that can affect a catalog: `.toml` files and folders
/// that are not hidden (editor swap and backup files are ignored).
fn relevant(path: &std::path::Path) -> bool {
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

/// A catalog on disk to watch, and the cache of parsed files to reload it
/// through (`None`: read every file again).
#[derive(Debug, Clone)]
pub struct Watch {
    pub catalog: std::path::PathBuf,
    pub cache: Option<std::path::PathBuf>,
    /// How the catalog is read again (as at start-up).
    pub options: crate::catalog::LoadOptions,
}

/// Watches the catalog at `path` (a file: its folder, since editors replace
/// files; a directory: recursively) and reloads it, debounced, after every
/// relevant change. Returns the watcher, which must be kept alive.
pub fn spawn_watcher(
    path: &std::path::Path,
    events: Sender<AppEvent>,
) -> notify::Result<notify::RecommendedWatcher> {
    spawn_watch(
        &Watch {
            catalog: path.to_path_buf(),
            cache: None,
            options: crate::catalog::LoadOptions::default(),
        },
        events,
    )
}

/// [`spawn_watcher`], reloading through the cache of parsed files when
/// `watch` names one, so a reload parses only the files that changed.
pub fn spawn_watch(
    watch: &Watch,
    events: Sender<AppEvent>,
) -> notify::Result<notify::RecommendedWatcher> {
    let path = watch.catalog.as_path();
    let cache = watch.cache.clone();
    let options = watch.options;
    use notify::{RecursiveMode, Watcher};
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(raw_tx)?;
    let is_dir = path.is_dir();
    let (target, mode) = if is_dir {
        (path.to_path_buf(), RecursiveMode::Recursive)
    } else {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        (parent.to_path_buf(), RecursiveMode::NonRecursive)
    };
    watcher.watch(&target, mode)?;
    let catalog = path.to_path_buf();
    let file_name = if is_dir {
        None
    } else {
        path.file_name().map(|n| n.to_os_string())
    };
    thread::spawn(move || {
        let matters = |e: &notify::Result<notify::Event>| match e {
            // Only changes count. Reading the files (which a reload itself
            // does) raises access events; reacting to those would reload
            // forever.
            Ok(ev) if !changes_content(&ev.kind) => false,
            Ok(ev) => ev.paths.iter().any(|p| match &file_name {
                Some(name) => p.file_name() == Some(name.as_os_str()),
                None => relevant(p),
            }),
            Err(_) => false,
        };
        while let Ok(first) = raw_rx.recv() {
            if !matters(&first) {
                continue;
            }
            // Wait until the burst of events is over.
            while let Ok(_more) = raw_rx.recv_timeout(DEBOUNCE) {}
            let loaded = match &cache {
                Some(dir) => crate::catalog::load_path_cached_with(&catalog, dir, &options),
                None => crate::catalog::load_path_with(&catalog, &options),
            };
            if events.send(AppEvent::Reloaded(Box::new(loaded))).is_err() {
                return;
            }
        }
    });
    Ok(watcher)
}

/// The input thread's pause switch: while the terminal is handed to
/// another program (`$EDITOR`), the thread must not read its keys.
#[derive(Debug, Clone, Default)]
pub struct InputPause {
    pause: Arc<std::sync::atomic::AtomicBool>,
    paused: Arc<std::sync::atomic::AtomicBool>,
}

impl InputPause {
    /// Stops reading terminal input; returns once the thread has stopped
    /// (at most one poll interval later).
    pub fn pause(&self) {
        self.pause.store(true, Ordering::SeqCst);
        let start = std::time::Instant::now();
        while !self.paused.load(Ordering::SeqCst) && start.elapsed() < 4 * INPUT_POLL {
            thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    pub fn resume(&self) {
        self.pause.store(false, Ordering::SeqCst);
    }
}

/// How long the input thread waits for an event before it looks whether
/// it must pause: a few wake-ups a second, no measurable CPU.
const INPUT_POLL: std::time::Duration = std::time::Duration::from_millis(200);

/// Starts the thread that forwards terminal events; the handle pauses it.
pub fn spawn_input(tx: Sender<AppEvent>) -> InputPause {
    let control = InputPause::default();
    let c = control.clone();
    thread::spawn(move || {
        loop {
            if c.pause.load(Ordering::SeqCst) {
                c.paused.store(true, Ordering::SeqCst);
                thread::sleep(std::time::Duration::from_millis(10));
                continue;
            }
            c.paused.store(false, Ordering::SeqCst);
            let message = match event::poll(INPUT_POLL) {
                Ok(false) => continue,
                Ok(true) => match event::read() {
                    Ok(e) => AppEvent::Terminal(e),
                    Err(e) => AppEvent::TerminalError(e),
                },
                Err(e) => AppEvent::TerminalError(e),
            };
            let failed = matches!(message, AppEvent::TerminalError(_));
            if tx.send(message).is_err() || failed {
                return;
            }
        }
    });
    control
}

/// The search thread's handle: send requests, newest wins.
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    latest: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the search thread over `catalog`; the index is built there,
    /// so start-up does not wait for it.
    pub fn spawn(catalog: Arc<Catalog>, events: Sender<AppEvent>) -> Self {
        let (requests, rx) = mpsc::channel::<SearchRequest>();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&latest);
        thread::spawn(move || run(&catalog, &rx, &seen, &events));
        SearchWorker { requests, latest }
    }

    pub fn request(&self, request: SearchRequest) {
        self.latest.store(request.generation, Ordering::SeqCst);
        // A closed channel means the worker is gone; searching just stops.
        let _ = self.requests.send(request);
    }
}

fn run(
    catalog: &Catalog,
    rx: &Receiver<SearchRequest>,
    latest: &AtomicU64,
    events: &Sender<AppEvent>,
) {
    let index = Index::new(catalog);
    // The last finished search, to narrow from when the query only grew.
    let mut last: Option<(String, crate::search::Scope, HashSet<usize>)> = None;
    while let Ok(mut request) = rx.recv() {
        // Only the newest waiting request matters.
        while let Ok(newer) = rx.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let cancelled = || latest.load(Ordering::SeqCst) != generation;
        let candidates = last.as_ref().and_then(|(q, scope, skills)| {
            let grew = crate::search::narrows(q, &request.query) && *scope == request.scope;
            grew.then_some(skills)
        });
        let found = if request.all_cells {
            index.search_cells(catalog, &request.query, request.scope, &cancelled)
        } else {
            index.search(
                catalog,
                &request.query,
                request.scope,
                candidates,
                &cancelled,
            )
        };
        let Some(results) = found else {
            continue;
        };
        let skills = results.hits.iter().map(|h| h.skill).collect();
        // Only each skill's best match narrows: every cell of a skill
        // is not every way it can match.
        last = (!request.all_cells).then(|| (request.query.clone(), request.scope, skills));
        if events.send(AppEvent::Search(generation, results)).is_err() {
            return;
        }
    }
}
