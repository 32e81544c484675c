//! Key sequences through the keymap and `App::update`, without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use rungs::catalog::load_embedded;
use rungs::tui::action::Action;
use rungs::tui::app::{App, Focus, Overlay};
use rungs::tui::keymap;

fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// Feeds keys written like `"j j l Enter Esc"` to the app.
fn keys(app: &mut App, seq: &str) {
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
        if let Some(action) = keymap::map(app, &press(code, mods)) {
            app.update(action);
        }
    }
}

fn app() -> App {
    let mut app = App::new(load_embedded().unwrap().catalog);
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn browse_levels_skills_and_roles() {
    let mut a = app();
    keys(&mut a, "l l");
    assert_eq!(a.level, 2);
    keys(&mut a, "Left h h h");
    assert_eq!(a.level, 0, "clamped at the first level");
    keys(&mut a, "5");
    assert_eq!(a.level, 4);
    keys(&mut a, "j j k");
    assert_eq!(a.skill, 1);
    keys(&mut a, "End");
    assert_eq!(a.skill, a.catalog.profile(0).len() - 1);
    keys(&mut a, "Home BackTab j");
    assert_eq!((a.focus, a.role), (Focus::Roles, 1));
    keys(&mut a, "Enter");
    assert_eq!(a.focus, Focus::Skills, "Enter on a role goes to its skills");
}

#[test]
fn profile_help_and_quit() {
    let mut a = app();
    keys(&mut a, "Enter");
    assert_eq!(a.overlay, Overlay::Profile);
    keys(&mut a, "j Enter");
    assert!(a.profile.expanded);
    keys(&mut a, "Esc Esc");
    assert_eq!(a.overlay, Overlay::None);
    keys(&mut a, "?");
    assert_eq!(a.overlay, Overlay::Help);
    keys(&mut a, "j 3");
    assert_eq!(a.level, 0, "digits do nothing while help is open");
    keys(&mut a, "?");
    assert_eq!(a.overlay, Overlay::None);
    keys(&mut a, "C-c");
    assert!(a.should_quit);
}

#[test]
fn detail_scrolls_within_its_content() {
    let mut a = app();
    a.update(Action::Resize(60, 16));
    keys(&mut a, "Tab");
    assert_eq!(a.focus, Focus::Detail);
    keys(&mut a, "PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn");
    let bottom = a.detail_scroll;
    assert!(bottom > 0);
    keys(&mut a, "j j");
    assert_eq!(a.detail_scroll, bottom, "cannot scroll past the end");
    keys(&mut a, "Home");
    assert_eq!(a.detail_scroll, 0);
    keys(&mut a, "l");
    assert_eq!(a.detail_scroll, 0, "a new level starts at the top");
}
