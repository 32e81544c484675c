//! Key sequences through the keymap and `App::update`, without a terminal.

use rungs::tui::action::{Action, Effect};
use rungs::tui::app::{App, Focus};
use rungs::tui::screens::Screen;

use crate::support::key_names;

fn app() -> App {
    let mut app = App::new(crate::support::default_catalog());
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
    assert_eq!(a.screen, Screen::Profile);
    key_names(&mut a, "j Enter");
    assert!(a.profile.expanded);
    key_names(&mut a, "Esc Esc");
    assert_eq!(a.screen, Screen::Browse);
    key_names(&mut a, "?");
    assert_eq!(a.screen, Screen::Help);
    key_names(&mut a, "j 3");
    assert_eq!(a.level, 0, "digits do nothing while help is open");
    key_names(&mut a, "?");
    assert_eq!(a.screen, Screen::Browse);
    assert_eq!(key_names(&mut a, "C-c"), [Effect::Quit]);
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

/// The status line's last row as text.
fn status_line(app: &App) -> String {
    let terminal = crate::support::render(app);
    let buffer = terminal.backend().buffer();
    let y = app.size.height - 1;
    (0..app.size.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect::<String>()
}

#[test]
fn hints_follow_rebound_keys() {
    let config = rungs::config::Config::parse(
        "c.toml",
        "[keys]\nback = \"ctrl-b\"\nopen = \"o\"\n",
        rungs::tui::keys::check_config,
    )
    .unwrap();
    let mut a = app();
    a.bindings = rungs::tui::keys::Bindings::from_config(&config.keys);
    let s = status_line(&a);
    assert!(s.contains(" o profile "), "{s}");
    assert!(!s.contains("Enter"), "{s}");
    key_names(&mut a, "g");
    assert_eq!(a.screen, Screen::Gap);
    let s = status_line(&a);
    assert!(s.contains(" Ctrl-B back "), "{s}");
    assert!(!s.contains("Esc"), "{s}");
    // The rebound keys do what the hints say.
    crate::support::event(
        &mut a,
        &crate::support::press(
            crossterm::event::KeyCode::Char('b'),
            crossterm::event::KeyModifiers::CONTROL,
        ),
    );
    assert_eq!(a.screen, Screen::Browse);
    key_names(&mut a, "o");
    assert_eq!(a.screen, Screen::Profile);
    // And the help shows them too.
    key_names(&mut a, "?");
    let help = crate::support::screen(&a);
    assert!(help.contains("Ctrl-B / g"), "{help}");
}

#[test]
fn ctrl_c_goes_through_the_quit_action_everywhere() {
    let mut a = app();
    for (open, mode) in [
        ("", "browsing"),
        ("Enter", "the profile"),
        ("Esc ?", "the help"),
        ("Esc /", "the search box"),
        ("Esc g e", "the note editor"),
    ] {
        key_names(&mut a, open);
        assert_eq!(key_names(&mut a, "C-c"), [Effect::Quit], "{mode}");
    }
}

/// A text placeholder left on screen, such as `{diff_mode}`: an interface
/// string that reached the screen without its keys (or values) filled in.
fn unfilled_placeholder(screen: &str) -> Option<String> {
    let mut rest = screen;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let inner: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
            .collect();
        if !inner.is_empty() && after[inner.len()..].starts_with('}') {
            return Some(format!("{{{inner}}}"));
        }
        rest = after;
    }
    None
}

#[test]
fn no_key_leaves_a_placeholder_on_screen() {
    use crossterm::event::KeyCode;
    let singles: Vec<KeyCode> = ('a'..='z')
        .chain('A'..='Z')
        .chain("0123456789/?[]<>.,;:!@#$%^&*()-_=+".chars())
        .map(KeyCode::Char)
        .chain([
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
        ])
        .collect();
    for lang in [rungs::i18n::Lang::En, rungs::i18n::Lang::Zh] {
        // From the explorer, and from the gap view after a mark (undo, redo
        // and the quit question then have something to say).
        for start in ["", "3gm"] {
            // Each key starts from a copy of the same state (cheaper than
            // building it again for each of the ~80 keys).
            let mut from = app();
            from.lang = lang;
            crate::support::keys(&mut from, start);
            for code in &singles {
                let mut a = from.clone();
                crate::support::key(&mut a, *code);
                let shown = crate::support::screen(&a);
                assert_eq!(
                    unfilled_placeholder(&shown),
                    None,
                    "{lang:?}, after {start:?} then {code:?}:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn help_opens_on_the_section_of_the_screen_it_was_opened_from() {
    use rungs::tui::keys::Command;
    let mut a = app();
    a.update(Action::Resize(80, 24));
    crate::support::keys(&mut a, "3g?");
    let s = crate::support::screen(&a);
    let first = s.lines().nth(1).unwrap_or_default();
    assert!(first.contains("Promotion gap"), "{s}");
    assert!(
        s.contains("undo"),
        "the gap keys are on the first page: {s}"
    );
    // From the explorer the help starts with the keys that work everywhere.
    let mut b = app();
    b.update(Action::Resize(80, 24));
    b.update(Action::Run(Command::Help));
    let s = crate::support::screen(&b);
    assert!(
        s.lines().nth(1).unwrap_or_default().contains("Everywhere"),
        "{s}"
    );
}

#[test]
fn help_descriptions_wrap_instead_of_being_cut_at_80_columns() {
    let mut a = app();
    a.update(Action::Resize(80, 24));
    let lines = rungs::tui::ui::help::lines(&a, 76);
    assert!(lines.iter().all(|l| l.width() <= 76));
    let words: Vec<String> = lines
        .iter()
        .flat_map(|l| {
            l.spans
                .iter()
                .flat_map(|s| s.content.split_whitespace().map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect();
    let joined = words.join(" ");
    assert!(
        joined.contains("roles: go to skills; skills: full skill profile"),
        "{joined}"
    );
}
