//! Helpers shared by the three test binaries (tests/cli, tests/tui,
//! tests/catalog): running the `rungs` binary, and driving and drawing an
//! `App` with key presses. Each binary includes this file with
//! `#[path = "../support/mod.rs"] mod support;`.
// Each binary uses only some of these helpers; the rest would be dead code
// in that binary.
#![allow(dead_code)]

use assert_cmd::Command;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rungs::catalog::{Catalog, Date, load_embedded};
use rungs::tui::action::{Action, Effect};
use rungs::tui::app::App;
use rungs::tui::keys;
use rungs::tui::screens::Screen;
use rungs::tui::theme::Theme;
use std::sync::{Arc, OnceLock};

/// The `rungs` binary, run from the crate root (so `tests/fixtures/...`
/// paths work) with `RUNGS_CATALOG` removed (so the embedded catalog is the
/// default whatever the environment says) and without `LANG` / `LC_ALL` (so
/// text and Markdown are in English whatever the locale), and with
/// `XDG_CACHE_HOME` in the target's scratch folder.
pub fn rungs() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("rungs");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("RUNGS_CATALOG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        // The parsed-catalog cache goes to the build's scratch folder, not
        // the user's ~/.cache/rungs (the cache itself is tested in
        // src/catalog/cache.rs, with folders of its own).
        .env(
            "XDG_CACHE_HOME",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("xdg-cache"),
        );
    cmd
}

/// Stdout of a run that must exit 0 with nothing on stderr.
pub fn stdout_of(args: &[&str]) -> String {
    let out = rungs().args(args).assert().code(0).stderr("");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Stdout of a successful run parsed as one JSON document ending in a newline.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let out = stdout_of(args);
    assert!(out.ends_with("}\n"), "{out}");
    serde_json::from_str(&out).unwrap()
}

/// A key press event.
pub fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// Hands an event to the app as the event loop does: through the keymap
/// and `App::update`, then a draw whose frame report the app keeps.
/// Returns the effects the loop would perform.
pub fn event(app: &mut App, event: &Event) -> Vec<Effect> {
    let effects = keys::map(app, event).map_or_else(Vec::new, |a| app.update(a));
    redraw(app);
    effects
}

/// Draws the app as the event loop does after each event, and gives it what
/// the frame measured.
pub fn redraw(app: &mut App) {
    if app.size.area() == 0 {
        return;
    }
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    let mut report = Default::default();
    terminal
        .draw(|f| report = rungs::tui::ui::render(app, f.area(), f.buffer_mut()))
        .unwrap();
    app.observe(report);
}

/// Presses one key (no modifiers) through the keymap and `App::update`.
pub fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    event(app, &press(code, KeyModifiers::NONE))
}

/// Types every character of `s` as a key press; returns the effects they
/// asked for.
pub fn keys(app: &mut App, s: &str) -> Vec<Effect> {
    s.chars().flat_map(|c| key(app, KeyCode::Char(c))).collect()
}

/// Feeds keys written like `"j j l Enter Esc C-c"` to the app; returns the
/// effects they asked for.
pub fn key_names(app: &mut App, seq: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for k in seq.split_whitespace() {
        let (code, mods) = match k {
            "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
            "Up" => (KeyCode::Up, KeyModifiers::NONE),
            "Down" => (KeyCode::Down, KeyModifiers::NONE),
            "Left" => (KeyCode::Left, KeyModifiers::NONE),
            "Right" => (KeyCode::Right, KeyModifiers::NONE),
            "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
            "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
            "Home" => (KeyCode::Home, KeyModifiers::NONE),
            "End" => (KeyCode::End, KeyModifiers::NONE),
            "C-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
            c if c.chars().count() == 1 => {
                (KeyCode::Char(c.chars().next().unwrap()), KeyModifiers::NONE)
            }
            other => panic!("unknown key {other}"),
        };
        effects.extend(event(app, &press(code, mods)));
    }
    effects
}

/// Draws the app on a test terminal of the app's size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal
}

/// The drawn screen as text, one quoted line per row (the snapshot format).
pub fn screen(app: &App) -> String {
    render(app).backend().to_string()
}

/// A whole output for `insta::assert_snapshot!`, checked to end in exactly
/// one newline: insta ignores trailing whitespace, and the exact comparisons
/// these snapshots replaced did not.
pub fn whole(bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert_eq!(&text[text.trim_end().len()..], "\n", "{text:?}");
    text
}

/// The embedded default catalog, parsed once per test binary and shared:
/// parsing it in a debug build costs far more than the tests that use it.
pub fn default_catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    Arc::clone(CATALOG.get_or_init(|| Arc::new(load_embedded().unwrap().catalog)))
}

/// The day the screen tests live on (snapshots show dates).
pub fn test_day() -> Date {
    Date {
        year: 2026,
        month: 11,
        day: 30,
    }
}

/// The explorer on the default catalog at `w`×`h`, in the mono theme (so
/// snapshots show the modifiers that mark a selection), on [`test_day`].
pub fn explorer(w: u16, h: u16) -> App {
    let mut app = App::new(default_catalog());
    app.theme = Theme::mono();
    app.today = test_day();
    app.update(Action::Resize(w, h));
    app
}

/// The default catalog in the gap view of Data Scientist, Senior → Lead
/// (see [`explorer`]).
pub fn gap_app(w: u16, h: u16) -> App {
    let mut app = explorer(w, h);
    keys(&mut app, "3g");
    assert_eq!(app.screen, Screen::Gap);
    app
}
