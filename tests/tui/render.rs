//! Screens of the explorer, rendered with ratatui's TestBackend: snapshots
//! at a normal and a tiny size, overlays, the too-small message, every small
//! size without a panic, and wide characters that must not break borders.

use std::path::Path;

use ratatui::buffer::Buffer;
use rungs::catalog::{load_embedded, load_path};
use rungs::tui::action::{Action, Effect};
use rungs::tui::app::App;
use rungs::tui::keys::Command;
use rungs::tui::theme::Theme;

use crate::support::{render, screen};

fn app_with(catalog: impl Into<std::sync::Arc<rungs::catalog::Catalog>>, w: u16, h: u16) -> App {
    let mut app = App::new(catalog);
    // Snapshots are compared as text; colours are exercised elsewhere.
    app.theme = Theme::mono();
    app.update(Action::Resize(w, h));
    app
}

fn default_app(w: u16, h: u16) -> App {
    app_with(crate::support::default_catalog(), w, h)
}

#[test]
fn main_screen_normal_size() {
    let mut app = default_app(120, 40);
    let dl = app.catalog.skill_index("deep-learning").unwrap();
    app.select_skill_index(dl);
    app.update(Action::LevelJump(2));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn main_screen_small_size() {
    let mut app = default_app(60, 20);
    let dl = app.catalog.skill_index("deep-learning").unwrap();
    app.select_skill_index(dl);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay() {
    let mut app = default_app(120, 40);
    app.update(Action::Run(Command::Help));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn full_skill_profile_and_row_text() {
    let mut app = default_app(120, 40);
    let dl = app.catalog.skill_index("deep-learning").unwrap();
    app.select_skill_index(dl);
    app.update(Action::LevelJump(1));
    app.update(Action::Run(Command::Open));
    insta::assert_snapshot!("profile", screen(&app));
    app.update(Action::Run(Command::Down));
    app.update(Action::Run(Command::Open));
    insta::assert_snapshot!("profile_row_text", screen(&app));
}

#[test]
fn too_small_message() {
    let app = default_app(50, 10);
    let s = screen(&app);
    assert!(
        s.contains("Terminal too small: need 40×12, now 50×10"),
        "{s}"
    );
    insta::assert_snapshot!(s);
    let s = screen(&default_app(30, 10));
    assert!(s.contains("Need 40×12, now 30×10"), "{s}");
}

#[test]
fn every_small_size_renders_without_panic() {
    let catalog = load_embedded().unwrap().catalog;
    for w in 0..=30u16 {
        for h in 0..=10u16 {
            let mut app = app_with(catalog.clone(), w, h);
            render(&app);
            app.update(Action::Run(Command::Help));
            render(&app);
        }
    }
    // And around the minimum, every overlay.
    for (w, h) in [(40, 12), (41, 13), (39, 12), (40, 11), (200, 12), (40, 200)] {
        let mut app = app_with(catalog.clone(), w, h);
        render(&app);
        app.update(Action::Run(Command::Open));
        render(&app);
        app.update(Action::Run(Command::Open));
        render(&app);
        app.update(Action::Run(Command::Help));
        render(&app);
    }
}

/// The border columns of a pane must sit where the layout put them on every
/// row: a wide character measured wrongly would shift them.
fn assert_borders_intact(buf: &Buffer, app: &App) {
    let areas = app.areas().unwrap();
    for pane in [areas.roles, areas.skills, areas.detail, areas.slider] {
        for y in pane.y..pane.y + pane.height {
            for x in [pane.x, pane.x + pane.width - 1] {
                let sym = buf[(x, y)].symbol();
                assert!(
                    "│┃┌┐└┘┏┓┗┛─━".contains(sym),
                    "border broken at {x},{y}: {sym:?}\n{}",
                    render(app).backend()
                );
            }
        }
    }
}

#[test]
fn chinese_and_emoji_catalog() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/cjk.toml");
    let catalog = load_path(&path).unwrap().catalog;
    let mut app = app_with(catalog, 100, 30);
    app.update(Action::Run(Command::LevelNext));
    let terminal = render(&app);
    assert_borders_intact(terminal.backend().buffer(), &app);
    insta::assert_snapshot!(terminal.backend().to_string());
    // Every level, both roles, both skills, at a narrow width too.
    for (w, h) in [(100, 30), (41, 14), (57, 20)] {
        app.update(Action::Resize(w, h));
        for _ in 0..2 {
            for level in 0..3 {
                app.update(Action::LevelJump(level));
                for _ in 0..2 {
                    let t = render(&app);
                    assert_borders_intact(t.backend().buffer(), &app);
                    app.update(Action::Run(Command::Down));
                }
                app.update(Action::Run(Command::Home));
            }
            app.update(Action::Run(Command::FocusPrev));
            app.update(Action::Run(Command::Down));
            app.update(Action::Run(Command::FocusNext));
        }
    }
}

#[test]
fn selection_is_visible_without_colour() {
    let app = default_app(120, 40);
    let terminal = render(&app);
    let buf = terminal.backend().buffer();
    let areas = app.areas().unwrap();
    // The selected skill row carries the ▶ gutter and reverse video.
    let y = areas.skills.y + 1 + u16::try_from(app.cursor_row() - app.skills_offset).unwrap();
    let x = areas.skills.x + 1;
    assert_eq!(buf[(x, y)].symbol(), "▶");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    // The current level is bracketed on the slider.
    let s = terminal.backend().to_string();
    assert!(s.contains("[Junior]"), "{s}");
}

#[test]
fn search_box_with_results() {
    let mut app = default_app(120, 40);
    let index = rungs::search::Index::new(&app.catalog);
    app.update(Action::Run(Command::Search));
    let mut req = None;
    for c in "pipeline".chars() {
        for effect in app.update(Action::Type(c)) {
            if let Effect::Search(r) = effect {
                req = Some(r);
            }
        }
    }
    let req = req.unwrap();
    let s = screen(&app);
    assert!(
        s.contains("searching…"),
        "the query shows before its results: {s}"
    );
    let results = index
        .search(&app.catalog, &req.query, req.scope, None, &|| false)
        .unwrap();
    app.update(Action::SearchResults(req.generation, results));
    insta::assert_snapshot!(screen(&app));
}

/// A query typed while the search index is still built waits for it, and
/// the search box says how far it is, in English and Chinese at 80×24;
/// once the index is ready it says "searching…" until the results come.
#[test]
fn search_box_while_the_index_is_built() {
    for (lang, indexing, searching) in [
        (rungs::i18n::Lang::En, "indexing… 1536/10000", "searching…"),
        (rungs::i18n::Lang::Zh, "建立索引… 1536/10000", "搜索中…"),
    ] {
        let mut app = default_app(80, 24);
        app.set_lang(lang);
        app.update(Action::Indexing(Some((0, 10_000))));
        app.update(Action::Run(Command::Search));
        for c in "pipe".chars() {
            app.update(Action::Type(c));
        }
        app.update(Action::Indexing(Some((1536, 10_000))));
        let s = screen(&app);
        assert!(s.contains(indexing), "{s}");
        insta::assert_snapshot!(format!("search_indexing_{}", lang.code()), s);
        app.update(Action::Indexing(None));
        let s = screen(&app);
        assert!(s.contains(searching) && !s.contains(indexing), "{s}");
    }
}
