//! The comparison screen (`c`): choosing the second role, the side-by-side
//! table at 120×40 and 80×24 in English and Chinese (snapshots), scrolling
//! within what was drawn, and the level keys.

use crossterm::event::KeyCode;
use rungs::catalog::load_embedded;
use rungs::i18n::Lang;
use rungs::tui::app::App;
use rungs::tui::screens::Screen;
use rungs::tui::theme::Theme;

use crate::support::{key, redraw, screen};

/// The explorer on the embedded catalog, Data Scientist at Lead, names in
/// `lang` as `rungs --lang` shows them.
fn app(lang: Lang, w: u16, h: u16) -> App {
    let mut catalog = load_embedded().unwrap().catalog;
    if lang == Lang::Zh {
        catalog.localize("zh");
    }
    let mut app = App::new(catalog);
    app.theme = Theme::mono();
    app.set_lang(lang);
    app.update(rungs::tui::action::Action::Resize(w, h));
    app.update(rungs::tui::action::Action::LevelJump(3));
    redraw(&mut app);
    app
}

/// `c`, then Enter on the first other role.
fn compared(lang: Lang, w: u16, h: u16) -> App {
    let mut a = app(lang, w, h);
    key(&mut a, KeyCode::Char('c'));
    assert_eq!(a.screen, Screen::Compare);
    key(&mut a, KeyCode::Enter);
    assert!(a.compare.other.is_some());
    a
}

#[test]
fn choosing_the_role_to_compare_with() {
    let mut a = app(Lang::En, 80, 24);
    key(&mut a, KeyCode::Char('c'));
    let s = screen(&a);
    assert!(s.contains("Compare Data Scientist with…"), "{s}");
    assert!(s.contains("▸ LLM Engineer"), "{s}");
    insta::assert_snapshot!("compare_pick_80x24", s);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.screen, Screen::Browse);
}

#[test]
fn side_by_side_in_english() {
    let a = compared(Lang::En, 120, 40);
    let s = screen(&a);
    assert!(
        s.contains("Compare · Data Scientist · LLM Engineer · Lead"),
        "{s}"
    );
    assert!(s.contains("Only some roles"), "{s}");
    insta::assert_snapshot!("compare_120x40", s);
    let a = compared(Lang::En, 80, 24);
    insta::assert_snapshot!("compare_80x24", screen(&a));
}

#[test]
fn side_by_side_in_chinese() {
    let a = compared(Lang::Zh, 120, 40);
    let s = screen(&a);
    assert!(s.contains("仅部分角色"), "{s}");
    insta::assert_snapshot!("compare_zh_120x40", s);
    let a = compared(Lang::Zh, 80, 24);
    insta::assert_snapshot!("compare_zh_80x24", screen(&a));
}

#[test]
fn it_scrolls_within_what_was_drawn_and_follows_the_level() {
    let mut a = compared(Lang::En, 80, 24);
    let top = screen(&a);
    key(&mut a, KeyCode::PageDown);
    assert!(a.compare.scroll > 0);
    assert_ne!(screen(&a), top);
    key(&mut a, KeyCode::End);
    let end = a.compare.scroll;
    assert_eq!(end, a.frame.compare_lines - a.frame.compare_height);
    key(&mut a, KeyCode::Down);
    assert_eq!(a.compare.scroll, end, "no scrolling past the end");
    key(&mut a, KeyCode::Home);
    assert_eq!(a.compare.scroll, 0);
    key(&mut a, KeyCode::Left);
    assert_eq!(a.level, 2);
    assert!(screen(&a).contains("· Senior "), "{}", screen(&a));
    // Esc goes back to the list, then to the explorer.
    key(&mut a, KeyCode::Esc);
    assert_eq!((a.screen, a.compare.other), (Screen::Compare, None));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.screen, Screen::Browse);
}
