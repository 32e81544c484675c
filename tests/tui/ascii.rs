//! `--ascii` (issue 11, point 3): every screen drawn at 80×24 with the
//! ASCII symbols holds ASCII only — marks, borders, separators, ellipses,
//! arrows and the names of keys (`Up`, not `↑`) — with snapshots of a few.

use crossterm::event::KeyCode;
use rungs::tui::action::{Action, Effect};
use rungs::tui::app::App;
use rungs::tui::keys::Command;
use rungs::tui::screens::Screen;
use rungs::tui::symbols::Symbols;

use crate::support::{explorer, key, key_names, keys, redraw, screen};

/// The explorer on the default catalog at `w`×`h` with `--ascii`.
fn app(w: u16, h: u16) -> App {
    let mut app = explorer(w, h);
    app.set_symbols(Symbols::ASCII);
    redraw(&mut app);
    app
}

/// The screen, after checking that every cell of it is ASCII.
#[track_caller]
fn ascii_screen(a: &mut App, what: &str) -> String {
    redraw(a);
    let s = screen(a);
    let bad: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
    assert!(bad.is_empty(), "{what}: not ASCII: {bad:?}\n{s}");
    s
}

/// Pages down until the screen stops changing, checking every page.
fn every_page(a: &mut App, what: &str) -> usize {
    let mut pages = 1;
    let mut last = ascii_screen(a, what);
    for _ in 0..40 {
        key(a, KeyCode::PageDown);
        let now = ascii_screen(a, what);
        if now == last {
            return pages;
        }
        pages += 1;
        last = now;
    }
    pages
}

/// Types `query` into the search box and delivers its results, as the
/// search worker would.
fn search(a: &mut App, query: &str) {
    let index = rungs::search::Index::new(&a.catalog);
    a.update(Action::Run(Command::Search));
    let mut req = None;
    for c in query.chars() {
        for effect in a.update(Action::Type(c)) {
            if let Effect::Search(r) = effect {
                req = Some(r);
            }
        }
    }
    let req = req.unwrap();
    let results = index
        .search(&a.catalog, &req.query, req.scope, None, &|| false)
        .unwrap();
    a.update(Action::SearchResults(req.generation, results));
}

#[test]
fn every_screen_is_ascii_at_80x24() {
    // Browse: each pane focused, the detail scrolled, every level.
    let mut a = app(80, 24);
    let browse = ascii_screen(&mut a, "browse");
    assert!(browse.contains("+") && browse.contains("|"), "{browse}");
    for k in ["Tab", "Tab", "Tab", "PgDn", "PgDn", "End", "Home"] {
        key_names(&mut a, k);
        ascii_screen(&mut a, &format!("browse after {k}"));
    }
    for level in 0..5 {
        a.update(Action::LevelJump(level));
        ascii_screen(&mut a, &format!("browse at level {level}"));
    }
    // The help, every page, from the explorer and from the gap view.
    keys(&mut a, "?");
    assert_eq!(a.screen, Screen::Help);
    let pages = every_page(&mut a, "help");
    assert!(pages > 1, "the whole help was paged through");
    key(&mut a, KeyCode::Esc);

    // Search with results, and with none.
    let mut a = app(80, 24);
    search(&mut a, "pipeline");
    let s = ascii_screen(&mut a, "search");
    assert!(s.contains("Up/Down"), "arrow keys as words: {s}");
    let mut a = app(80, 24);
    search(&mut a, "zzzqqq");
    ascii_screen(&mut a, "search, no match");
    let mut a = app(80, 24);
    a.update(Action::Run(Command::Search));
    ascii_screen(&mut a, "search, empty");

    // The profile and its row popup.
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.screen, Screen::Profile);
    ascii_screen(&mut a, "profile");
    key_names(&mut a, "Down Down Enter");
    ascii_screen(&mut a, "profile row");

    // Compare: choosing, then side by side, scrolled.
    let mut a = app(80, 24);
    a.update(Action::LevelJump(3));
    keys(&mut a, "c");
    assert_eq!(a.screen, Screen::Compare);
    ascii_screen(&mut a, "compare pick");
    key(&mut a, KeyCode::Enter);
    every_page(&mut a, "compare");

    // Too small, and the reload banner.
    let mut a = app(80, 24);
    for (w, h) in [(30, 8), (12, 3)] {
        a.update(Action::Resize(w, h));
        ascii_screen(&mut a, &format!("too small {w}x{h}"));
    }
    a.update(Action::Resize(80, 24));
    a.update(Action::CatalogInvalid {
        first: "skills/sql.toml:3:1: error: a very long problem that needs cutting short here"
            .into(),
        count: 2,
    });
    ascii_screen(&mut a, "reload banner");
    a.update(Action::CatalogGone(rungs::tui::action::Gone {
        path: "/a/very/long/path/to/the/catalog/folder/that/was/removed/by/someone/else".into(),
        folder: true,
    }));
    ascii_screen(&mut a, "catalog gone banner");
}

#[test]
fn every_gap_screen_and_prompt_is_ascii_at_80x24() {
    let mut a = app(80, 24);
    keys(&mut a, "3g");
    assert_eq!(a.screen, Screen::Gap);
    let s = ascii_screen(&mut a, "gap");
    assert!(s.contains("Shift-Up/Shift-Down"), "{s}");
    // Marks and a toast, each diff mode, scrolled texts.
    keys(&mut a, "m");
    ascii_screen(&mut a, "toast");
    // Another assessor's mark: the assessors' line and the header's `as`.
    keys(&mut a, "Ap");
    ascii_screen(&mut a, "two assessors");
    keys(&mut a, "D");
    ascii_screen(&mut a, "next disagreement");
    keys(&mut a, "jp");
    for _ in 0..3 {
        keys(&mut a, "d");
        ascii_screen(&mut a, "diff mode");
        for _ in 0..6 {
            key_names(&mut a, "Down");
            ascii_screen(&mut a, "diff mode, items");
        }
    }
    a.update(Action::ScrollDown(50, 12));
    ascii_screen(&mut a, "texts scrolled");
    keys(&mut a, "z");
    ascii_screen(&mut a, "undone");
    // The editor with a long note, and the discard question.
    keys(&mut a, "e");
    keys(&mut a, &"evidence, ".repeat(40));
    ascii_screen(&mut a, "editor");
    key(&mut a, KeyCode::Esc);
    assert!(a.prompt.is_some());
    ascii_screen(&mut a, "discard prompt");
    keys(&mut a, "n");
    key(&mut a, KeyCode::Enter);
    ascii_screen(&mut a, "note saved");
    // The filter, the presenter, the help from here.
    keys(&mut a, "/");
    keys(&mut a, "da");
    ascii_screen(&mut a, "filter");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Esc);
    keys(&mut a, "f");
    ascii_screen(&mut a, "presenter");
    keys(&mut a, "f?");
    every_page(&mut a, "help in the gap view");
    key(&mut a, KeyCode::Esc);
    // The export format question and the summary picture.
    keys(&mut a, "x");
    ascii_screen(&mut a, "export format");
    key(&mut a, KeyCode::Esc);
    keys(&mut a, "s");
    ascii_screen(&mut a, "summary");
    key(&mut a, KeyCode::Esc);
    // The quit and path questions; the restore question.
    keys(&mut a, "q");
    ascii_screen(&mut a, "quit prompt");
    keys(&mut a, "y");
    ascii_screen(&mut a, "path prompt");
    key(&mut a, KeyCode::Esc);
    let earlier = a.review.as_ref().unwrap().review.clone();
    a.offer_restore(earlier);
    ascii_screen(&mut a, "restore prompt");
}

#[test]
fn ascii_snapshots() {
    let mut a = app(80, 24);
    insta::assert_snapshot!("ascii_browse_80x24", ascii_screen(&mut a, "browse"));
    keys(&mut a, "?");
    insta::assert_snapshot!("ascii_help_80x24", ascii_screen(&mut a, "help"));
    let mut a = app(80, 24);
    search(&mut a, "pipeline");
    insta::assert_snapshot!("ascii_search_80x24", ascii_screen(&mut a, "search"));
    let mut a = app(80, 24);
    a.update(Action::LevelJump(3));
    keys(&mut a, "c");
    key(&mut a, KeyCode::Enter);
    insta::assert_snapshot!("ascii_compare_80x24", ascii_screen(&mut a, "compare"));
}
