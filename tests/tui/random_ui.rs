//! Random sessions of the explorer: key presses (through the keymap),
//! pastes, mouse clicks and wheel turns, resizes down to 0×0, search results
//! computed synchronously for every query the app asks for (sometimes late,
//! so stale generations arrive too), and catalog reloads, driven through
//! `App::update` on the default catalog, a generated ~300-skill catalog and
//! the smallest fixture, drawing after every step into a `TestBackend`.
//!
//! After every step: no panic, the selected role and level exist, a skill is
//! selected whenever the role's profile has one, and the search, gap and
//! profile cursors are inside their lists. Quitting keys are dropped; every
//! session ends with Ctrl-C, which must quit from wherever the session is.
//!
//! The generator is a seeded xorshift, so a failure is reproducible: it is
//! reported with its seed and a shrunk list of the events that cause it.
//! `RUNGS_UI_SESSIONS=2000 cargo test --release --test tui random_ui` runs longer.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rungs::catalog::{Catalog, load_embedded, load_path, load_str};
use rungs::search::Index;
use rungs::tui::action::{Action, Effect, NewCatalog};
use rungs::tui::app::App;
use rungs::tui::keys;
use rungs::tui::keys::Command;
use rungs::tui::screens::Screen;

// -------------------------------------------------------------- catalogs

/// A tiny deterministic generator (xorshift64).
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "data",
    "model",
    "pipeline",
    "review",
    "deploy",
    "estimates",
    "mentors",
    "SQL",
    "Kubernetes",
    "torch.compile",
    "DDP/FSDP",
    "初级",
    "数据管道",
    "モデル",
    "🚀",
    "naïve",
    "Ünïcödé",
    "a-very-long-unbroken-word-that-will-not-fit-in-any-narrow-column-at-all",
];

/// A one-file catalog with `skills` skills over 7 roles × 8 levels and 12
/// domains, with wide characters, long names and texts, required and
/// optional cells, skills in one role only, and a role nobody has (its
/// profile is empty: a warning, not an error).
fn generated_catalog(skills: usize) -> Catalog {
    let mut rng = Rng::new(2026);
    let mut text = String::from("title = \"Generated 🚀 matrix — 生成的技能矩阵\"\n");
    for l in 0..8 {
        text.push_str(&format!(
            "[[levels]]\nid = \"l{l}\"\nname = \"Level {l} {}\"\n",
            WORDS[l % WORDS.len()]
        ));
    }
    for r in 0..7 {
        let name = if r == 3 {
            "A role with a very long name that never fits in the roles pane".to_string()
        } else {
            format!("Role {r} {}", WORDS[(r * 5) % WORDS.len()])
        };
        text.push_str(&format!("[[roles]]\nid = \"r{r}\"\nname = \"{name}\"\n"));
    }
    for d in 0..12 {
        text.push_str(&format!(
            "[[domains]]\nid = \"d{d}\"\nname = \"Domain {d} {}\"\n",
            WORDS[(d * 3) % WORDS.len()]
        ));
    }
    for s in 0..skills {
        let words: Vec<&str> = (0..1 + rng.below(4)).map(|_| *rng.pick(WORDS)).collect();
        text.push_str(&format!(
            "\n[[skills]]\nid = \"s{s}\"\nname = \"{} {s}\"\ndomain = \"d{}\"\ntags = [\"{}\", \"t{}\"]\n",
            words.join(" "),
            rng.below(12),
            rng.pick(WORDS),
            s % 17
        ));
        // Role 6 has no skills at all; some skills are in one role only.
        let roles = if s % 5 == 0 { 1 } else { 6 };
        for r in 0..roles {
            text.push_str(&format!("[skills.expectations.r{r}]\n"));
            let from = rng.below(4);
            for l in from..8 {
                let body: Vec<&str> = (0..3 + rng.below(40)).map(|_| *rng.pick(WORDS)).collect();
                let necessity = if rng.chance(50) {
                    "required"
                } else {
                    "optional"
                };
                text.push_str(&format!(
                    "l{l} = {{ text = \"{} (r{r} l{l})\", necessity = \"{necessity}\" }}\n",
                    body.join(" ")
                ));
            }
        }
    }
    load_str("generated.toml", &text)
        .unwrap_or_else(|e| panic!("{:#?}", &e.diagnostics[..3.min(e.diagnostics.len())]))
        .catalog
}

fn minimal_catalog() -> Catalog {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.toml");
    load_path(&path).unwrap().catalog
}

// ---------------------------------------------------------------- events

/// One step of a session.
#[derive(Debug, Clone)]
enum Step {
    /// A terminal event, through the keymap.
    Event(Event),
    /// Hand the oldest withheld search request's results to the app.
    DeliverLate,
    /// The catalog files changed: swap in catalog `n` of the session's.
    Reload(usize),
    /// The catalog files changed and are broken.
    ReloadInvalid,
    /// The catalog folder is gone from disk.
    Gone,
}

const PASTES: &[&str] = &[
    "data",
    "\u{1b}[31mred\u{1b}[0m",
    "\u{1b}]0;title\u{7}",
    "\u{9b}2J",
    "\u{202e}evil",
    "line one\nline two\r\n",
    "tab\there",
    "初级 数据管道",
    "🚀🚀🚀 emoji 👩‍👩‍👧",
    "",
    " ",
    "\0\u{7f}",
    "a-very-long-unbroken-paste-a-very-long-unbroken-paste-a-very-long-unbroken-paste",
];

fn key(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind,
        state: KeyEventState::NONE,
    })
}

/// Terminal sizes: the degenerate ones, the usual one, and mostly small
/// and medium ones (where layouts squeeze, and drawing is cheap enough in a
/// debug build to draw after every step).
fn random_size(rng: &mut Rng) -> (u16, u16) {
    match rng.below(12) {
        0 => (0, 0),
        1 => (1, 1),
        2 => (120, 40),
        3 => (rng.below(3) as u16, rng.below(80) as u16),
        4 => (rng.below(300) as u16, rng.below(3) as u16),
        5 => (rng.below(230) as u16, rng.below(75) as u16),
        _ => (10 + rng.below(80) as u16, 3 + rng.below(25) as u16),
    }
}

fn random_step(rng: &mut Rng, catalogs: usize) -> Step {
    const SPECIAL: &[KeyCode] = &[
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::F(1),
    ];
    const CHARS: &str =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /?[]-_.,;:'\"\\é初🚀";
    let chars: Vec<char> = CHARS.chars().collect();
    match rng.below(100) {
        0..=39 => {
            // Letters, digits and symbols: these drive search and notes.
            let modifiers = match rng.below(12) {
                0 => KeyModifiers::CONTROL,
                1 => KeyModifiers::ALT,
                2 => KeyModifiers::SHIFT,
                _ => KeyModifiers::NONE,
            };
            let kind = match rng.below(10) {
                0 => KeyEventKind::Repeat,
                1 => KeyEventKind::Release,
                _ => KeyEventKind::Press,
            };
            Step::Event(key(KeyCode::Char(*rng.pick(&chars)), modifiers, kind))
        }
        40..=69 => {
            // Keys that open, close and move; the ones that open views are
            // frequent, so every view is visited often.
            let code = match rng.below(6) {
                0 => KeyCode::Char(*rng.pick(&[
                    '/', 'g', '?', 'c', 'e', ' ', '[', ']', 'm', 'p', 'n', 'u', 'x', 's',
                ])),
                _ => *rng.pick(SPECIAL),
            };
            let modifiers = if rng.chance(10) {
                KeyModifiers::CONTROL
            } else if code == KeyCode::BackTab {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            let kind = if rng.chance(15) {
                KeyEventKind::Repeat
            } else {
                KeyEventKind::Press
            };
            Step::Event(key(code, modifiers, kind))
        }
        70..=74 => Step::Event(Event::Paste((*rng.pick(PASTES)).to_string())),
        75..=86 => {
            let kind = match rng.below(6) {
                0..=2 => MouseEventKind::Down(MouseButton::Left),
                3 => MouseEventKind::ScrollUp,
                4 => MouseEventKind::ScrollDown,
                _ => *rng.pick(&[
                    MouseEventKind::Moved,
                    MouseEventKind::Up(MouseButton::Left),
                    MouseEventKind::Down(MouseButton::Right),
                    MouseEventKind::Drag(MouseButton::Left),
                ]),
            };
            let (column, row) = if rng.chance(5) {
                (u16::MAX, u16::MAX)
            } else {
                (rng.below(230) as u16, rng.below(75) as u16)
            };
            Step::Event(Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            }))
        }
        87..=92 => {
            let (w, h) = random_size(rng);
            Step::Event(Event::Resize(w, h))
        }
        93..=94 => Step::Event(if rng.chance(50) {
            Event::FocusLost
        } else {
            Event::FocusGained
        }),
        95..=97 => Step::DeliverLate,
        98 => Step::Reload(rng.below(catalogs)),
        _ if rng.chance(50) => Step::Gone,
        _ => Step::ReloadInvalid,
    }
}

// --------------------------------------------------------------- session

/// The catalogs a session may switch between, each with its search index.
struct World {
    catalogs: Vec<Arc<Catalog>>,
    indexes: Vec<Index>,
}

impl World {
    fn new(catalogs: Vec<Catalog>) -> Self {
        let catalogs: Vec<Arc<Catalog>> = catalogs.into_iter().map(Arc::new).collect();
        let indexes = catalogs.iter().map(|c| Index::new(c)).collect();
        World { catalogs, indexes }
    }

    fn index_of(&self, catalog: &Arc<Catalog>) -> &Index {
        let i = self
            .catalogs
            .iter()
            .position(|c| Arc::ptr_eq(c, catalog))
            .expect("the app's catalog is one of the session's");
        &self.indexes[i]
    }
}

/// What broke, at which step.
#[derive(Debug)]
struct Failure {
    step: usize,
    what: String,
}

fn check(app: &App) -> Result<(), String> {
    let c = &app.catalog;
    if app.role >= c.roles.len() {
        return Err(format!("role {} of {}", app.role, c.roles.len()));
    }
    if app.level >= c.levels.len() {
        return Err(format!("level {} of {}", app.level, c.levels.len()));
    }
    if !c.profile(app.role).is_empty() && app.selected_skill().is_none() {
        return Err(format!(
            "no skill selected: skill {} of a profile of {}",
            app.skill,
            c.profile(app.role).len()
        ));
    }
    if let Some(results) = &app.search.results
        && !results.hits.is_empty()
        && app.search.cursor >= results.hits.len()
    {
        return Err(format!(
            "search cursor {} of {} results",
            app.search.cursor,
            results.hits.len()
        ));
    }
    // Results are kept while the search box is closed (and dropped when it
    // opens again); while it is open they must be the catalog's own.
    if let Some(results) = &app.search.results
        && app.screen == Screen::Search
        && results.hits.iter().any(|h| h.skill >= c.skills.len())
    {
        return Err("a search result names a skill the catalog does not have".into());
    }
    if let Some(g) = &app.gap
        && !g.gap.items.is_empty()
        && g.cursor >= g.gap.items.len()
    {
        return Err(format!(
            "gap cursor {} of {} items",
            g.cursor,
            g.gap.items.len()
        ));
    }
    if app.screen == Screen::Profile && app.profile.row >= app.profile_rows().max(1) {
        return Err(format!(
            "profile row {} of {}",
            app.profile.row,
            app.profile_rows()
        ));
    }
    Ok(())
}

/// Runs `steps` on a fresh app over `world.catalogs[0]`, drawing after each
/// step; stops at the first panic or broken invariant. `visits` counts the
/// steps taken in each overlay.
fn run(
    world: &World,
    steps: &[Step],
    lang_zh: bool,
    visits: &mut [usize; 6],
) -> Result<App, Failure> {
    let mut app = App::new(Arc::clone(&world.catalogs[0]));
    if lang_zh {
        app.lang = rungs::i18n::Lang::Zh;
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    app.update(Action::Resize(120, 40));
    let mut late = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let fail = |what: String| Failure { step: i, what };
        let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<(), String> {
            visits[app.screen as usize] += 1;
            let effects = match step {
                Step::Event(event) => {
                    if let Event::Resize(w, h) = event {
                        terminal.backend_mut().resize(*w, *h);
                    }
                    match keys::map(&app, event) {
                        // Quitting would end the session.
                        Some(Action::Run(Command::Quit)) => return Ok(()),
                        Some(action) => app.update(action),
                        None => Vec::new(),
                    }
                }
                Step::DeliverLate => {
                    if !late.is_empty() {
                        let (catalog, generation, results) = late.remove(0);
                        // Results computed for another catalog never reach
                        // the app in the real loop (the worker is rebuilt).
                        if Arc::ptr_eq(&catalog, &app.catalog) {
                            app.update(Action::SearchResults(generation, results));
                        }
                    }
                    Vec::new()
                }
                Step::Reload(n) => {
                    let n = n % world.catalogs.len();
                    app.update(Action::CatalogReloaded(NewCatalog(Arc::clone(
                        &world.catalogs[n],
                    ))))
                }
                Step::ReloadInvalid => app.update(Action::CatalogInvalid {
                    first: "catalog.toml:3:1: error: \u{1b}[31mbroken".into(),
                    count: 2,
                }),
                Step::Gone => app.update(Action::CatalogGone(rungs::tui::action::Gone {
                    path: format!("/tmp/目录/{}catalog", "deep/".repeat(i % 40)),
                    folder: i % 2 == 0,
                })),
            };
            // What the event loop does with the effects: the newest search
            // is run, an export is told about.
            if effects.contains(&Effect::Quit) {
                return Err("the app quit without a quit key".into());
            }
            let request = effects.iter().rev().find_map(|e| match e {
                Effect::Search(r) => Some(r.clone()),
                _ => None,
            });
            if let Some(request) = request {
                let catalog = Arc::clone(&app.catalog);
                let results = world
                    .index_of(&catalog)
                    .search(&catalog, &request.query, request.scope, None, &|| false)
                    .expect("a search that is never cancelled returns results");
                // Most results arrive at once; some are held back and
                // arrive after later events, as from a slow worker.
                if (request.generation + i as u64).is_multiple_of(7) {
                    late.push((catalog, request.generation, results));
                } else {
                    app.update(Action::SearchResults(request.generation, results));
                }
            }
            if effects.iter().any(|e| matches!(e, Effect::Export(_))) {
                app.notify("Exported \u{1b}[2J to x.md".into());
            }
            let mut report = Default::default();
            terminal
                .draw(|f| report = rungs::tui::ui::render(&app, f.area(), f.buffer_mut()))
                .map_err(|e| e.to_string())?;
            app.observe(report);
            check(&app)
        }));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(what)) => return Err(fail(what)),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
                    .unwrap_or_default();
                return Err(fail(format!("panic: {what}")));
            }
        }
    }
    Ok(app)
}

/// The shortest list of steps (found greedily) that still fails.
fn shrink(world: &World, mut steps: Vec<Step>, zh: bool) -> (Vec<Step>, Failure) {
    let mut failure = run(world, &steps, zh, &mut [0; 6]).err().unwrap();
    steps.truncate(failure.step + 1);
    let mut chunk = steps.len() / 2;
    while chunk >= 1 {
        let mut at = 0;
        while at < steps.len() {
            let mut fewer = steps.clone();
            fewer.drain(at..(at + chunk).min(steps.len()));
            if let Err(f) = run(world, &fewer, zh, &mut [0; 6]) {
                fewer.truncate(f.step + 1);
                steps = fewer;
                failure = f;
            } else {
                at += chunk;
            }
        }
        chunk /= 2;
    }
    (steps, failure)
}

/// Runs `count` sessions of `length` steps (`RUNGS_UI_SESSIONS` overrides
/// the count); on a failure, shrinks it and panics with the steps.
fn sessions(name: &str, world: &World, count: usize, length: usize, seed: u64) {
    // Read as every RUNGS_ variable is: set but empty counts as unset.
    let count = rungs::cli::env_var("RUNGS_UI_SESSIONS")
        .and_then(|v| v.to_str()?.parse().ok())
        .unwrap_or(count);
    let mut visits = [0usize; 6];
    for session in 0..count {
        let seed = seed ^ (session as u64).wrapping_mul(0x2545_F491_4F6C_DD1D);
        let mut rng = Rng::new(seed);
        let zh = rng.chance(25);
        // Sessions start at a random size (the app starts at 120×40).
        let (w, h) = random_size(&mut rng);
        let steps: Vec<Step> = std::iter::once(Step::Event(Event::Resize(w, h)))
            .chain((1..length).map(|_| random_step(&mut rng, world.catalogs.len())))
            .collect();
        match run(world, &steps, zh, &mut visits) {
            Ok(mut app) => {
                // Ctrl-C quits from wherever the session ended.
                let ctrl_c = key(
                    KeyCode::Char('c'),
                    KeyModifiers::CONTROL,
                    KeyEventKind::Press,
                );
                let action = keys::map(&app, &ctrl_c);
                assert_eq!(
                    action,
                    Some(Action::Run(Command::Quit)),
                    "{name} session {session}"
                );
                // With marks in no file it asks first (issue 11); `n`
                // quits without saving. A question left open keeps the
                // keys until Esc.
                use rungs::tui::screens::prompt::Question as Prompt;
                let mut effects = app.update(Action::Run(Command::Quit));
                if app.prompt.is_some() && app.prompt != Some(Prompt::Quit) {
                    app.update(Action::Run(Command::Cancel));
                    effects = app.update(Action::Run(Command::Quit));
                }
                if app.prompt == Some(Prompt::Quit) {
                    effects = app.update(Action::Run(Command::AnswerNo));
                }
                assert!(
                    effects.contains(&Effect::Quit),
                    "{name} session {session}: {effects:?}"
                );
            }
            Err(_) => {
                // Panics are caught and reported with their steps: keep the
                // default hook's messages out of the way while shrinking.
                let previous = std::panic::take_hook();
                std::panic::set_hook(Box::new(|_| {}));
                let (steps, failure) = shrink(world, steps, zh);
                std::panic::set_hook(previous);
                panic!(
                    "{name}: session {session} (seed {seed:#x}, lang {}) fails at step {}: {}\n\
                     shrunk to {} steps:\n{steps:#?}",
                    if zh { "zh" } else { "en" },
                    failure.step,
                    failure.what,
                    steps.len()
                );
            }
        }
    }
    // The walk reaches every view, so the invariants were checked there.
    let [none, help, profile, search, gap, compare] = visits;
    assert!(
        [none, help, profile, search, gap, compare]
            .iter()
            .all(|&v| v > 0),
        "{name}: steps per view (none, help, profile, search, gap, compare): {visits:?}"
    );
}

#[test]
fn random_sessions_on_the_default_catalog() {
    let world = World::new(vec![
        load_embedded().unwrap().catalog,
        generated_catalog(300),
        minimal_catalog(),
    ]);
    sessions("default catalog", &world, 100, 100, 0xDEFA_0017);
}

#[test]
fn random_sessions_on_a_generated_catalog() {
    let world = World::new(vec![
        generated_catalog(300),
        load_embedded().unwrap().catalog,
        minimal_catalog(),
    ]);
    sessions("generated catalog", &world, 80, 100, 0x6E4E_7A7E);
}

#[test]
fn random_sessions_on_the_smallest_catalog() {
    let world = World::new(vec![minimal_catalog(), load_embedded().unwrap().catalog]);
    sessions("minimal catalog", &world, 20, 100, 0x5A11);
}
