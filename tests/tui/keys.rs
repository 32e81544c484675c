//! Key sequences through the keymap and `App::update`, without a terminal.

use rungs::catalog::load_embedded;
use rungs::tui::action::Action;
use rungs::tui::app::{App, Focus, Overlay};

use crate::support::key_names;

fn app() -> App {
    let mut app = App::new(load_embedded().unwrap().catalog);
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn browse_levels_skills_and_roles() {
    let mut a = app();
    key_names(&mut a, "l l");
    assert_eq!(a.level, 2);
    key_names(&mut a, "Left h h h");
    assert_eq!(a.level, 0, "clamped at the first level");
    key_names(&mut a, "5");
    assert_eq!(a.level, 4);
    key_names(&mut a, "j j k");
    assert_eq!(a.skill, 1);
    key_names(&mut a, "End");
    assert_eq!(a.skill, a.catalog.profile(0).len() - 1);
    key_names(&mut a, "Home BackTab j");
    assert_eq!((a.focus, a.role), (Focus::Roles, 1));
    key_names(&mut a, "Enter");
    assert_eq!(a.focus, Focus::Skills, "Enter on a role goes to its skills");
}

#[test]
fn profile_help_and_quit() {
    let mut a = app();
    key_names(&mut a, "Enter");
    assert_eq!(a.overlay, Overlay::Profile);
    key_names(&mut a, "j Enter");
    assert!(a.profile.expanded);
    key_names(&mut a, "Esc Esc");
    assert_eq!(a.overlay, Overlay::None);
    key_names(&mut a, "?");
    assert_eq!(a.overlay, Overlay::Help);
    key_names(&mut a, "j 3");
    assert_eq!(a.level, 0, "digits do nothing while help is open");
    key_names(&mut a, "?");
    assert_eq!(a.overlay, Overlay::None);
    key_names(&mut a, "C-c");
    assert!(a.should_quit);
}

#[test]
fn detail_scrolls_within_its_content() {
    let mut a = app();
    a.update(Action::Resize(60, 16));
    key_names(&mut a, "Tab");
    assert_eq!(a.focus, Focus::Detail);
    key_names(&mut a, "PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn");
    let bottom = a.detail_scroll;
    assert!(bottom > 0);
    key_names(&mut a, "j j");
    assert_eq!(a.detail_scroll, bottom, "cannot scroll past the end");
    key_names(&mut a, "Home");
    assert_eq!(a.detail_scroll, 0);
    key_names(&mut a, "l");
    assert_eq!(a.detail_scroll, 0, "a new level starts at the top");
}
