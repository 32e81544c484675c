//! The terminal UI: terminal lifecycle and the event loop.
//!
//! Events flow one way: crossterm event → `keys::map` → `Action` →
//! `App::update` → `Effect`s, which the loop performs → draw `&App`, which
//! reports what it measured. The loop blocks on the next event, so an idle
//! app uses no CPU, and it redraws after every event it handled.
//!
//! Imports go one way too: nothing outside `ui/` and this loop imports
//! `ui`; state (`app`, `screens/`) learns geometry from `layout` and the
//! rest from the last [`layout::FrameReport`].

pub mod action;
pub mod app;
pub mod editor;
pub mod events;
pub mod keys;
pub mod layout;
pub mod loading;
pub mod screens;
pub mod state;
pub mod symbols;
pub mod text;
pub mod theme;
pub mod ui;
pub mod watcher;

use std::io::{self, stdout};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use action::{Action, Effect};
use app::App;

use crate::i18n::fill;
use crate::review::{RealFs, ReviewFile, Saved};

/// Undoes everything the TUI set up: mouse capture, bracketed paste, raw
/// mode, alternate screen, hidden cursor. Safe to call more than once.
fn restore() {
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Takes the terminal again after a suspend (or any stop): raw mode, the
/// alternate screen, mouse capture, bracketed paste, hidden cursor, and a
/// full redraw. Harmless when they are already on.
fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    terminal.hide_cursor()?;
    // Clear the screen and forget what it showed (both buffers empty), so
    // the next draw writes every cell. `Terminal::clear` would ask the
    // terminal for the cursor position, which not every terminal answers.
    execute!(
        stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}

/// Gives the terminal back and stops the process (SIGSTOP cannot be
/// caught, so this works while SIGTSTP is handled); returns once resumed,
/// with the terminal taken again.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    resume(terminal)
}

/// What the loop does with a signal from outside: terminate after
/// restoring the terminal (exit status 128+n, as the shell reports a
/// signal), suspend, or take the terminal back after a stop.
fn on_signal(sig: i32, terminal: &mut DefaultTerminal) -> io::Result<()> {
    #[cfg(unix)]
    let (stop, cont) = (signal_hook::consts::SIGTSTP, signal_hook::consts::SIGCONT);
    #[cfg(not(unix))]
    let (stop, cont) = (-1, -2);
    if sig == stop {
        suspend(terminal)
    } else if sig == cont {
        resume(terminal)
    } else {
        restore();
        std::process::exit(128 + sig);
    }
}

/// Restores the terminal when dropped: on normal exit and on error.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Enters TUI mode again after another program had the terminal.
fn reenter(terminal: &mut DefaultTerminal) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    terminal.clear()
}

/// Edits `text` in `$VISUAL` (else `$EDITOR`, else `vi`): the TUI is
/// suspended, the input thread paused, and both restored after, whatever
/// the editor did. The text comes back, or why it could not.
fn edit_externally(
    terminal: &mut DefaultTerminal,
    input: &events::InputPause,
    text: &str,
) -> io::Result<Result<String, String>> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty())
        .map_or_else(|| "vi".into(), |v| v.to_string_lossy().into_owned());
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let path = std::env::temp_dir().join(format!("rungs-note-{}-{n}.md", std::process::id()));
    // Created 0600: notes are HR data.
    if let Err(e) = crate::review::write_atomic(&RealFs, &path, text.as_bytes()) {
        return Ok(Err(format!("{}: {e}", path.display())));
    }
    input.pause();
    restore();
    // Through the shell, so `EDITOR="code --wait"` works.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status();
    let back = reenter(terminal);
    input.resume();
    back?;
    let result = match status {
        Ok(s) if s.success() => {
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        }
        Ok(s) => Err(format!("{editor}: {s}")),
        Err(e) => Err(format!("{editor}: {e}")),
    };
    let _ = std::fs::remove_file(&path);
    Ok(result)
}

/// Installs a panic hook that restores the terminal before the panic
/// message is printed, so the message is readable and the shell usable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Runs the explorer until the user quits. With a review file, the gap
/// view's marks and notes are saved to it after every change; with
/// `watch`, the catalog there is reloaded when its files change. Returns
/// what to tell the user once the terminal is restored (where the review
/// went when it had to be saved elsewhere).
///
/// With `whole`, the app's catalog is a partial one (see
/// [`App::start_loading`]): the whole catalog is loaded behind the first
/// frame and swapped in when it is ready.
pub fn run_with_review(
    app: App,
    review: Option<ReviewFile>,
    watch: Option<events::Watch>,
    whole: Option<events::WholeLoad>,
) -> io::Result<Option<String>> {
    let mut loader = None;
    let result = session(|terminal| event_loop(terminal, app, review, watch, whole, &mut loader));
    // Once the terminal is back: a whole load still running may be
    // writing the cache.
    if let Some(loader) = loader {
        let _ = loader.join();
    }
    result
}

/// Runs `f` with the terminal in TUI mode (raw mode, alternate screen,
/// mouse capture, bracketed paste), and restores it afterwards whether `f`
/// returns, fails or panics.
pub fn session<R>(f: impl FnOnce(&mut DefaultTerminal) -> io::Result<R>) -> io::Result<R> {
    install_panic_hook();
    let _guard = Guard;
    let mut terminal = ratatui::try_init()?;
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    f(&mut terminal)
}

/// Saves the app's review to its file: `Ok` with what is worth saying (a
/// conflict copy), or `Err` with why it failed.
fn save_review(
    app: &App,
    file: &mut ReviewFile,
    fs: &dyn crate::review::Fs,
) -> Result<Option<String>, String> {
    let Some(review) = app.review.as_ref() else {
        return Ok(None);
    };
    file.review = review.review.clone();
    let t = app.t();
    match file.save(fs) {
        Ok(Saved::Written(_)) => Ok(None),
        Ok(Saved::Conflict { theirs, ours, .. }) => Ok(Some(fill(
            t.status_save_conflict,
            &[
                ("theirs", &theirs.display().to_string()),
                ("ours", &ours.display().to_string()),
            ],
        ))),
        Err(e) => {
            let shown = file.path.display().to_string();
            // Without its folder there is no previous version to speak of.
            match file.path.parent().filter(|d| !d.as_os_str().is_empty()) {
                Some(dir) if !dir.is_dir() => Err(fill(
                    t.status_save_failed_no_folder,
                    &[("file", &shown), ("folder", &dir.display().to_string())],
                )),
                _ => Err(fill(
                    t.status_save_failed,
                    &[("file", &shown), ("error", &e.to_string())],
                )),
            }
        }
    }
}

/// Where a review goes when its own file cannot be written: rungs' data
/// folder (`…/rungs/unsaved`), else the temporary folder.
fn elsewhere_dir() -> std::path::PathBuf {
    directories::BaseDirs::new()
        .map(|d| d.data_local_dir().join("rungs").join("unsaved"))
        .unwrap_or_else(std::env::temp_dir)
}

/// Saves the app's review in [`elsewhere_dir`] under a free name; saving
/// continues there. `Ok` says where.
fn save_elsewhere(
    app: &App,
    file: &mut ReviewFile,
    fs: &dyn crate::review::Fs,
) -> Result<Option<String>, String> {
    let Some(review) = app.review.as_ref() else {
        return Ok(None);
    };
    file.review = review.review.clone();
    let t = app.t();
    let before = file.path.display().to_string();
    let dir = elsewhere_dir();
    match file.save_elsewhere(&dir, fs) {
        Ok(path) => Ok(Some(fill(
            t.status_saved_elsewhere,
            &[("file", &before), ("path", &path.display().to_string())],
        ))),
        Err(e) => Err(fill(
            t.status_save_failed,
            &[
                ("file", &dir.display().to_string()),
                ("error", &e.to_string()),
            ],
        )),
    }
}

/// Writes the gap in `format` beside the review file (or in the current
/// folder) and says where: the same writer as `rungs gap --format`, with
/// every item (the TUI has no `--all` to ask for them), counting the
/// marks the gap view's header counts.
///
/// An existing file that this session did not write (`written`) is kept:
/// the export goes to the first free `NAME-2.md`, … and the message says
/// so. The export gets the review file's permissions (a new one without a
/// review file is private).
fn export(
    app: &App,
    file: Option<&ReviewFile>,
    written: &mut Vec<std::path::PathBuf>,
    format: crate::report::Format,
) -> String {
    let t = app.t();
    let Some(g) = &app.gap else {
        return t.status_nothing_to_export.to_string();
    };
    let review = app.review.as_ref().map(|r| &r.review);
    let who = app.who();
    let built = crate::report::build_as(&app.catalog, &g.gap, review, app.today, &who);
    let wanted =
        crate::report::export_path_as(file.map(|f| f.path.as_path()), &app.catalog, &g.gap, format);
    let markdown = match format.render(app.lang, &built, true) {
        Ok(text) => text,
        Err(e) => {
            return fill(
                t.status_export_failed,
                &[
                    ("path", &wanted.display().to_string()),
                    ("error", &e.to_string()),
                ],
            );
        }
    };
    let path = crate::fsutil::free_path(&wanted, |p| {
        !written.iter().any(|w| w == p) && std::fs::symlink_metadata(p).is_ok()
    });
    let like = file.map_or(path.as_path(), |f| f.path.as_path());
    match crate::fsutil::write_atomic_like(&RealFs, &path, markdown.as_bytes(), like) {
        Ok(()) if path != wanted => {
            written.push(path.clone());
            fill(
                t.status_exported_kept,
                &[
                    ("path", &path.display().to_string()),
                    ("existing", &wanted.display().to_string()),
                ],
            )
        }
        Ok(()) => {
            written.push(path.clone());
            fill(t.status_exported, &[("path", &path.display().to_string())])
        }
        Err(e) => fill(
            t.status_export_failed,
            &[
                ("path", &path.display().to_string()),
                ("error", &e.to_string()),
            ],
        ),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    mut review: Option<ReviewFile>,
    watch: Option<events::Watch>,
    whole: Option<events::WholeLoad>,
    loader: &mut Option<std::thread::JoinHandle<()>>,
) -> io::Result<Option<String>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let input = events::spawn_input(tx.clone());
    #[cfg(unix)]
    events::spawn_signals(tx.clone())?;
    let state = state::dir();
    if let Some(dir) = &state {
        app.diff_mode = state::load_diff_mode(dir);
    }
    let mut offered = std::collections::HashSet::new();
    offer_restore(&mut app, state.as_deref(), &mut offered);
    // Exports written in this session: written again in place.
    let mut exported = Vec::new();
    // What to say once the terminal is back (where a review was saved
    // when its own file could not be written).
    let mut farewell: Option<String> = None;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    // The first frame is drawn before the search worker starts building
    // its index, which would otherwise take both cores away from it.
    terminal.draw(|frame| {
        let report = ui::render(&app, frame.area(), frame.buffer_mut());
        app.observe(report);
    })?;
    // A partial catalog: the whole one loads now, and its search index is
    // built once it is in.
    let mut searcher = match whole.filter(|_| app.loading.is_some()) {
        Some(whole) => {
            *loader = Some(events::spawn_whole_load(whole, tx.clone()));
            events::SearchWorker::idle()
        }
        None => events::SearchWorker::spawn(std::sync::Arc::clone(&app.catalog), tx.clone()),
    };
    // Watching starts after the first frame too: a folder catalog's watch
    // walks the whole tree (a stat of every file), which at 10,000 skills
    // costs as much as reading the cache. Keep the watcher alive for the
    // whole session. If watching fails the app still works; the user is
    // told once.
    let _watcher = match watch.as_ref().map(|w| events::spawn_watch(w, tx.clone())) {
        Some(Err(e)) => {
            let t = app.t();
            app.notify(fill(t.status_watch_failed, &[("error", &e.to_string())]));
            None
        }
        Some(Ok(w)) => Some(w),
        None => None,
    };
    if let Some(file) = review.as_ref() {
        events::spawn_review_watch(file.path.clone(), tx.clone());
    }
    loop {
        terminal.draw(|frame| {
            let report = ui::render(&app, frame.area(), frame.buffer_mut());
            app.observe(report);
        })?;
        // Blocks until something happens: no busy loop, no idle CPU. Events
        // that mean nothing (mouse motion, key releases) wait for the next.
        let action = loop {
            let Ok(message) = rx.recv() else {
                return Ok(farewell);
            };
            // A signal acts at once, then the screen is drawn again.
            if let events::AppEvent::Signal(sig) = message {
                on_signal(sig, terminal)?;
                break None;
            }
            if let events::AppEvent::ReviewChanged = message {
                // Another terminal saved: take in its marks and notes
                // (merged per item and field with ours), then redraw.
                if let (Some(file), Some(state)) = (review.as_mut(), app.review.as_mut()) {
                    file.review = state.review.clone();
                    if file.refresh().unwrap_or(false) {
                        state.review = file.review.clone();
                        let size = terminal.size()?;
                        break Some(Action::Resize(size.width, size.height));
                    }
                }
                continue;
            }
            if let Some(action) = to_action(&app, terminal, message, &mut searcher, &tx)? {
                break Some(action);
            }
        };
        let Some(action) = action else {
            continue;
        };
        let effects = app.update(action);
        let mut session = Session {
            review: &mut review,
            searcher: &mut searcher,
            input: &input,
            exported: &mut exported,
            farewell: &mut farewell,
        };
        if perform(terminal, &mut app, &mut session, effects)? {
            return Ok(farewell);
        }
        offer_restore(&mut app, state.as_deref(), &mut offered);
    }
}

/// What the event loop keeps for a session that effects act on.
struct Session<'a> {
    review: &'a mut Option<ReviewFile>,
    searcher: &'a mut events::SearchWorker,
    input: &'a events::InputPause,
    /// Exports written in this session: written again in place.
    exported: &'a mut Vec<std::path::PathBuf>,
    /// What to say once the terminal is back (where a review was saved
    /// when its own file could not be written).
    farewell: &'a mut Option<String>,
}

/// Performs what an update asked for, in order; effects can ask for more
/// (a save that lets a waiting quit go ahead). True when the session ends.
fn perform(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    s: &mut Session<'_>,
    effects: Vec<Effect>,
) -> io::Result<bool> {
    let state = state::dir();
    let t = app.t();
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Search(request) => s.searcher.request(request),
            Effect::SaveReview | Effect::SaveReviewElsewhere => {
                let Some(file) = s.review.as_mut() else {
                    // In no file yet: kept in the state file, so a dropped
                    // connection loses nothing.
                    if let (Some(dir), Some(r)) = (&state, app.review.as_ref())
                        && (!r.review.items.is_empty() || !r.review.meta.is_empty())
                        && let Err(e) = state::save_unsaved(dir, &r.review)
                    {
                        app.notify(fill(t.status_state_failed, &[("error", &e.to_string())]));
                    }
                    queue.extend(app.update(Action::SaveFinished(None)));
                    continue;
                };
                if let Some(who) = &app.assessor {
                    // `A` may have changed who is marking: notes' history
                    // entries name them.
                    file.assessor.clone_from(who);
                }
                let saved = if effect == Effect::SaveReviewElsewhere {
                    save_elsewhere(app, file, &RealFs)
                } else {
                    save_review(app, file, &RealFs)
                };
                if let Some(state) = app.review.as_mut() {
                    // After a conflict, saving continues into our copy.
                    state.file = Some(file.path.display().to_string());
                    // What was saved: merged with another terminal's
                    // marks, with the history entries of this save.
                    state.review = file.review.clone();
                }
                let (message, failed) = match saved {
                    Ok(message) => (message, None),
                    Err(message) => (Some(message.clone()), Some(message)),
                };
                if effect == Effect::SaveReviewElsewhere && failed.is_none() {
                    s.farewell.clone_from(&message);
                }
                queue.extend(app.update(Action::SaveFinished(failed)));
                if let Some(message) = message {
                    app.notify(message);
                }
            }
            Effect::Suspend => suspend(terminal)?,
            Effect::WriteReview { path } => match write_new_review(app, &path) {
                Ok(file) => {
                    if let (Some(dir), Some(r)) = (&state, app.review.as_ref()) {
                        state::drop_unsaved(dir, &r.review.role, &r.review.from, &r.review.to);
                    }
                    app.review_written(&path);
                    *s.review = Some(file);
                    queue.extend(app.update(Action::SaveFinished(None)));
                    app.notify(fill(t.status_written, &[("path", &path)]));
                }
                Err(message) => app.write_failed(message),
            },
            Effect::ExternalEditor(text) => {
                let result = edit_externally(terminal, s.input, &text)?;
                queue.extend(app.update(Action::ExternalEdited(result)));
            }
            Effect::SaveUiState => {
                if let Some(dir) = &state
                    && let Err(e) = state::save_diff_mode(dir, app.diff_mode)
                {
                    app.notify(fill(t.status_state_failed, &[("error", &e.to_string())]));
                }
            }
            Effect::DropUnsaved => {
                if let (Some(dir), Some(r)) = (&state, app.review.as_ref()) {
                    state::drop_unsaved(dir, &r.review.role, &r.review.from, &r.review.to);
                }
            }
            Effect::Export(format) => {
                let message = export(app, s.review.as_ref(), s.exported, format);
                app.notify(message);
            }
            Effect::Quit => return Ok(true),
        }
    }
    Ok(false)
}

/// Writes the review to a new file at `path` (`w`); refuses a path that
/// exists, so no other file is overwritten.
fn write_new_review(app: &App, path: &str) -> Result<ReviewFile, String> {
    let t = app.t();
    let p = std::path::Path::new(path);
    if p.exists() {
        return Err(fill(t.status_path_exists, &[("path", path)]));
    }
    let Some(r) = app.review.as_ref() else {
        return Err(t.status_nothing_to_export.to_string());
    };
    let failed = |e: String| fill(t.status_save_failed, &[("file", path), ("error", &e)]);
    let mut file =
        ReviewFile::open_or_new(p, || r.review.clone()).map_err(|e| failed(e.to_string()))?;
    file.review = r.review.clone();
    match file.save(&RealFs) {
        Ok(Saved::Written(_)) => Ok(file),
        Ok(Saved::Conflict { ours, .. }) => Err(failed(format!("{}", ours.display()))),
        Err(e) => Err(failed(e.to_string())),
    }
}

/// Offers the unsaved marks of an earlier session, once per gap, when the
/// review of that gap is in no file and still empty.
fn offer_restore(
    app: &mut App,
    state: Option<&std::path::Path>,
    offered: &mut std::collections::HashSet<(String, String, String)>,
) {
    let Some(dir) = state else { return };
    let Some(r) = app
        .review
        .as_ref()
        .filter(|r| r.file.is_none() && app.gap.is_some())
    else {
        return;
    };
    let key = (
        r.review.role.clone(),
        r.review.from.clone(),
        r.review.to.clone(),
    );
    if r.review.items.is_empty()
        && r.review.meta.is_empty()
        && !offered.contains(&key)
        && let Some(found) = state::load_unsaved(dir, &key.0, &key.1, &key.2)
    {
        app.offer_restore(found);
    }
    offered.insert(key);
}

/// The action an event asks for, if any.
fn to_action(
    app: &App,
    terminal: &mut DefaultTerminal,
    message: events::AppEvent,
    searcher: &mut events::SearchWorker,
    tx: &std::sync::mpsc::Sender<events::AppEvent>,
) -> io::Result<Option<Action>> {
    Ok(match message {
        events::AppEvent::Terminal(event) => {
            if let crossterm::event::Event::Resize(..) = event {
                // The terminal's buffers must match the new size, and the
                // whole screen is drawn again.
                terminal.autoresize()?;
            }
            keys::map(app, &event)
        }
        events::AppEvent::TerminalError(e) => return Err(e),
        // Handled by the loop before it asks for an action.
        events::AppEvent::Signal(_) => None,
        events::AppEvent::ReviewChanged => None,
        events::AppEvent::Search(generation, results) => {
            Some(Action::SearchResults(generation, results))
        }
        events::AppEvent::Indexing(progress) => Some(Action::Indexing(progress)),
        events::AppEvent::CatalogGone(gone) => Some(Action::CatalogGone(gone)),
        // A reload since has taken its place, and is newer.
        events::AppEvent::Loaded(_) | events::AppEvent::Texts(_) | events::AppEvent::TextsDone
            if app.loading.is_none() =>
        {
            None
        }
        events::AppEvent::Texts(skills) => Some(Action::TextsIn(skills)),
        events::AppEvent::TextsDone => {
            // Every text is in (each `Texts` before this was applied): the
            // index is built on the catalog as it now is.
            *searcher =
                events::SearchWorker::spawn(std::sync::Arc::clone(&app.catalog), tx.clone());
            Some(Action::TextsLoaded)
        }
        events::AppEvent::Loaded(loaded) if loaded.is_err() => {
            let (first, count) = (*loaded).as_ref().err().map(problems).unwrap_or_default();
            // The texts will not come: the index is built on the catalog
            // as it is (the watcher brings a valid one later).
            *searcher =
                events::SearchWorker::spawn(std::sync::Arc::clone(&app.catalog), tx.clone());
            Some(Action::LoadFailed { first, count })
        }
        events::AppEvent::Reloaded(loaded) | events::AppEvent::Loaded(loaded) => match *loaded {
            Ok(mut loaded) => {
                // A reloaded catalog comes as written: show its names in
                // the reader's language, like the first one.
                loaded.catalog.localize(app.lang.code());
                let catalog = std::sync::Arc::new(loaded.catalog);
                // A new index for the new catalog; the old worker ends when
                // its channel closes.
                *searcher =
                    events::SearchWorker::spawn(std::sync::Arc::clone(&catalog), tx.clone());
                Some(Action::CatalogReloaded(action::NewCatalog(catalog)))
            }
            Err(e) => {
                let (first, count) = problems(&e);
                Some(Action::CatalogInvalid { first, count })
            }
        },
    })
}

/// The first error of a failed load (`file:line:col: message`) and how
/// many errors there are.
fn problems(e: &crate::catalog::LoadError) -> (String, usize) {
    let first = e.diagnostics.iter().find(|d| d.is_error());
    let first = first.map_or_else(String::new, |d| {
        format!("{}:{}:{}: {}", d.path, d.line, d.col, d.message)
    });
    (first, e.error_count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Format;
    use crate::review::{Fs, Review};
    use crate::tui::keys::Command;
    use std::path::Path;

    /// A file system that refuses every write, like a read-only folder.
    struct ReadOnly;

    impl Fs for ReadOnly {
        fn write_new(&self, _: &Path, _: &[u8]) -> io::Result<()> {
            Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "read-only file system",
            ))
        }
        fn rename(&self, _: &Path, _: &Path) -> io::Result<()> {
            Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "read-only file system",
            ))
        }
        fn remove(&self, _: &Path) -> io::Result<()> {
            Ok(())
        }
        fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
            std::fs::read(path)
        }
    }

    #[test]
    fn a_failed_save_is_told_and_the_next_one_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        let (mut app, mut file) = gap_app(&path);
        app.update(Action::Run(Command::MarkMet));
        assert!(
            save_review(&app, &mut file, &RealFs) == Ok(None),
            "saved quietly"
        );
        let saved = std::fs::read_to_string(&path).unwrap();

        app.update(Action::Run(Command::MarkNotYet));
        let message = save_review(&app, &mut file, &ReadOnly).expect_err("the user is told");
        assert!(
            message.contains("Could not save") && message.contains("read-only"),
            "{message}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            saved,
            "the previous review is intact"
        );

        assert!(
            save_review(&app, &mut file, &RealFs) == Ok(None),
            "the fault cleared: saved"
        );
        assert!(std::fs::read_to_string(&path).unwrap().contains("not-yet"));
    }

    /// An app in the gap view assessing the review in `path`.
    fn gap_app(path: &Path) -> (App, ReviewFile) {
        let catalog = crate::catalog::load_embedded().unwrap().catalog;
        let today = crate::catalog::Date {
            year: 2026,
            month: 11,
            day: 29,
        };
        let file = ReviewFile::open_or_new(path, || {
            Review::new("data-scientist", "senior", "lead", "t", today)
        })
        .unwrap();
        let mut app = App::new(catalog);
        app.update(Action::Resize(120, 40));
        app.update(Action::LevelJump(2));
        app.start_gap(
            3,
            Some(crate::tui::screens::gap::ReviewState {
                review: file.review.clone(),
                file: Some(path.display().to_string()),
                locked: true,
            }),
        );
        (app, file)
    }

    #[test]
    fn a_missing_folder_is_named_and_no_previous_version_is_claimed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone/r.toml");
        let (mut app, mut file) = gap_app(&path);
        app.update(Action::Run(Command::MarkMet));
        let message = save_review(&app, &mut file, &RealFs).unwrap_err();
        assert_eq!(
            message,
            format!(
                "Could not save {}: its folder {} does not exist. The next change retries; quitting asks first.",
                path.display(),
                dir.path().join("gone").display()
            )
        );
        // Saved elsewhere instead: the marks are kept, saving goes on there.
        let elsewhere = dir.path().join("elsewhere");
        let saved = file.save_elsewhere(&elsewhere, &RealFs).unwrap();
        assert_eq!(saved, elsewhere.join("r.toml"));
        assert!(std::fs::read_to_string(&saved).unwrap().contains("met"));
        assert_eq!(file.path, saved);
        // A second time, a file there is not replaced.
        let again = file.save_elsewhere(&elsewhere, &RealFs).unwrap();
        assert_eq!(again, elsewhere.join("r-2.toml"));
    }

    /// `x` then a format: the file beside the review in that format, written
    /// by the writer `rungs gap --format` uses, with the review's mode.
    #[cfg(unix)]
    #[test]
    fn export_writes_every_format_beside_the_review_with_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        let (mut app, mut file) = gap_app(&path);
        app.update(Action::Run(Command::MarkMet));
        save_review(&app, &mut file, &RealFs).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        for format in Format::ALL {
            let mut written = Vec::new();
            let message = export(&app, Some(&file), &mut written, format);
            let out = dir.path().join(format!("r.{}", format.extension()));
            assert_eq!(message, format!("Exported the review to {}", out.display()));
            let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640, "{format:?}: the review file's permissions");
            let g = app.gap.as_ref().unwrap();
            let who = app.who();
            let review = app.review.as_ref().map(|r| &r.review);
            let built = crate::report::build_as(&app.catalog, &g.gap, review, app.today, &who);
            let text = std::fs::read_to_string(&out).unwrap();
            assert_eq!(text, format.render(app.lang, &built, true).unwrap());
            match format {
                Format::Json => {
                    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                    assert_eq!(v["counts"]["met"], 1);
                }
                Format::Csv => assert!(text.starts_with("skill_id,"), "{text}"),
                Format::Html => assert!(text.contains("<svg"), "the bars"),
                Format::Markdown | Format::Text => assert!(text.contains("Deep Learning")),
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn export_keeps_a_file_it_did_not_write_and_takes_the_reviews_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        let (mut app, mut file) = gap_app(&path);
        app.update(Action::Run(Command::MarkMet));
        save_review(&app, &mut file, &RealFs).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let existing = dir.path().join("r.md");
        std::fs::write(&existing, "someone's notes\n").unwrap();

        let mut written = Vec::new();
        let message = export(&app, Some(&file), &mut written, Format::Markdown);
        let free = dir.path().join("r-2.md");
        assert_eq!(
            message,
            format!(
                "Exported the review to {} ({} already exists and was kept)",
                free.display(),
                existing.display()
            )
        );
        assert_eq!(
            std::fs::read_to_string(&existing).unwrap(),
            "someone's notes\n"
        );
        assert!(
            std::fs::read_to_string(&free)
                .unwrap()
                .contains("Deep Learning")
        );
        let mode = std::fs::metadata(&free).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "the review file's permissions");

        // Exporting again in the same session rewrites the same file.
        app.update(Action::Run(Command::MarkNotYet));
        export(&app, Some(&file), &mut written, Format::Markdown);
        assert!(!dir.path().join("r-3.md").exists());
        assert_eq!(
            std::fs::read_to_string(&existing).unwrap(),
            "someone's notes\n"
        );
    }
}
