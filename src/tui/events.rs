//! Where the event loop's events come from: background threads that read
//! terminal input, run searches and watch the catalog files, all posting
//! to the one channel the loop waits on.
//!
//! Searching off the UI thread keeps typing responsive on any catalog size:
//! a keystroke is drawn at once and its results follow. A search that a
//! newer query has made pointless is abandoned midway.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event};

use super::action::SearchRequest;
use crate::catalog::Catalog;
use crate::search::{Index, Results};

pub use super::watcher::{Watch, Watcher, spawn_watch, spawn_watcher};

/// Something the event loop must handle.
#[derive(Debug)]
pub enum AppEvent {
    Terminal(Event),
    /// Reading terminal events failed; the loop ends with this error.
    TerminalError(std::io::Error),
    Search(u64, Results),
    /// How far the search index is (see [`super::action::Action::Indexing`]).
    Indexing(Option<(usize, usize)>),
    /// The watched catalog changed and was loaded again.
    Reloaded(Box<Result<crate::catalog::Loaded, crate::catalog::LoadError>>),
    /// The whole catalog, loaded behind a first frame drawn from its
    /// skeleton when its texts could not be filled in (see
    /// [`spawn_whole_load`]).
    Loaded(Box<Result<crate::catalog::Loaded, crate::catalog::LoadError>>),
    /// Skills with their texts, by position, loaded behind a first frame
    /// drawn from the skeletons (see [`spawn_whole_load`]).
    Texts(Vec<(usize, crate::catalog::Skill)>),
    /// Every skill's texts have been sent as [`AppEvent::Texts`].
    TextsDone,
    /// The watched catalog is gone from disk (see [`super::watcher`]).
    CatalogGone(super::action::Gone),
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

/// The whole catalog to load behind the first frame, when that frame was
/// drawn from the cache's skeletons (`catalog::load_partial`).
pub struct WholeLoad {
    pub catalog: std::path::PathBuf,
    /// The cache folder.
    pub cache: std::path::PathBuf,
    pub options: crate::catalog::LoadOptions,
    /// What the partial load saw, to fill its catalog's texts in.
    pub fill: crate::catalog::Fill,
}

/// Loads the texts of the skeleton catalog on a thread of its own, one
/// cache shard at a time, each sent as [`AppEvent::Texts`] to be put in
/// place in the app's catalog (no second catalog is built beside it), then
/// [`AppEvent::TextsDone`] (see `catalog::fill_texts`). When the files are
/// no longer what the skeletons were made from, the whole catalog is
/// loaded instead and sent as [`AppEvent::Loaded`]. Either way the cache is
/// written where it changed: join the thread before exiting, so that no
/// cache write is cut short.
pub fn spawn_whole_load(load: WholeLoad, tx: Sender<AppEvent>) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let WholeLoad {
            catalog,
            cache,
            options,
            fill,
        } = load;
        // The explorer has ended (its receiver is gone): stop between
        // shards, so that quitting at once does not wait for the rest.
        let ended = AtomicBool::new(false);
        let filled = crate::catalog::fill_texts(&catalog, &cache, &options, &fill, |skills| {
            let sent = tx.send(AppEvent::Texts(skills)).is_ok();
            if !sent {
                ended.store(true, Ordering::Relaxed);
            }
            sent
        });
        drop(fill);
        let done = if filled {
            AppEvent::TextsDone
        } else if ended.load(Ordering::Relaxed) {
            return;
        } else {
            let loaded = crate::catalog::load_path_cached_deferred(&catalog, &cache, &options);
            AppEvent::Loaded(Box::new(loaded))
        };
        let _ = tx.send(done);
    })
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

    /// A worker with no catalog yet, while the texts load: requests are
    /// dropped (the worker started for the whole catalog is asked again).
    pub fn idle() -> Self {
        let (requests, _) = mpsc::channel::<SearchRequest>();
        SearchWorker {
            requests,
            latest: Arc::new(AtomicU64::new(0)),
        }
    }

    pub fn request(&self, request: SearchRequest) {
        self.latest.store(request.generation, Ordering::SeqCst);
        // A closed channel means the worker is gone; searching just stops.
        let _ = self.requests.send(request);
    }
}

/// Builds the search index, telling the loop how far it is every tenth of
/// a second (queries typed meanwhile wait for it; the search box shows the
/// count), and that it is ready. `None` when the build failed.
fn build_index(catalog: &Catalog, events: &Sender<AppEvent>) -> Option<Index> {
    let total = catalog.skills.len();
    let done = AtomicUsize::new(0);
    let _ = events.send(AppEvent::Indexing(Some((0, total))));
    let waiting = thread::current();
    let index = thread::scope(|scope| {
        let building = scope.spawn(|| {
            let index = Index::new_counting(catalog, &done);
            // Wake the loop below at once: results must not wait for its
            // next tick.
            waiting.unpark();
            index
        });
        let mut told = 0;
        while !building.is_finished() {
            thread::park_timeout(Duration::from_millis(100));
            let now = done.load(Ordering::Relaxed).min(total);
            if now != told && !building.is_finished() {
                told = now;
                let _ = events.send(AppEvent::Indexing(Some((now, total))));
            }
        }
        building.join().ok()
    });
    let _ = events.send(AppEvent::Indexing(None));
    index
}

fn run(
    catalog: &Catalog,
    rx: &Receiver<SearchRequest>,
    latest: &AtomicU64,
    events: &Sender<AppEvent>,
) {
    let Some(index) = build_index(catalog, events) else {
        return;
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Scope;

    /// The worker says the index is being built, counts no further than
    /// the catalog, says when it is ready, and only then answers a query
    /// sent while it was building.
    #[test]
    fn the_search_worker_tells_how_far_the_index_is_then_answers() {
        let catalog = Arc::new(crate::catalog::load_embedded().unwrap().catalog);
        let total = catalog.skills.len();
        let (tx, rx) = mpsc::channel();
        let worker = SearchWorker::spawn(Arc::clone(&catalog), tx);
        worker.request(SearchRequest {
            generation: 1,
            query: "pipeline".into(),
            scope: Scope::AllRoles,
            all_cells: false,
        });
        let mut progress = Vec::new();
        let results = loop {
            match rx.recv_timeout(Duration::from_secs(60)).unwrap() {
                AppEvent::Indexing(p) => progress.push(p),
                AppEvent::Search(generation, results) => break (generation, results),
                other => panic!("unexpected {other:?}"),
            }
        };
        assert_eq!(progress.first(), Some(&Some((0, total))), "{progress:?}");
        assert_eq!(progress.last(), Some(&None), "ready before the results");
        assert!(
            progress
                .iter()
                .flatten()
                .all(|&(done, of)| done <= of && of == total),
            "{progress:?}"
        );
        assert_eq!(results.0, 1);
        assert!(!results.1.hits.is_empty());
    }
}
