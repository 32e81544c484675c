//! The gap view driven by key sequences through the keymap and
//! `App::update`, without a terminal; and its screens.

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rungs::review::Mark;
use rungs::tui::action::{Action, Effect};
use rungs::tui::app::App;
use rungs::tui::screens::Screen;
use rungs::tui::theme::Theme;

use crate::support::{key, keys, screen};

fn app() -> App {
    let mut app = App::new(crate::support::default_catalog());
    app.theme = Theme::mono();
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn open_mark_note_and_close() {
    let mut a = app();
    keys(&mut a, "3g");
    assert_eq!(a.screen, Screen::Gap);
    let g = a.gap.as_ref().unwrap();
    assert_eq!((g.gap.from, g.gap.to), (2, 3));
    let n = g.gap.items.len();
    assert!(n > 0);
    assert!(a.status.is_none());

    assert!(
        keys(&mut a, "m").contains(&Effect::SaveReview),
        "every change asks for a save"
    );
    keys(&mut a, "jp");
    keys(&mut a, "jn");
    keys(&mut a, "j ");
    let c = a.gap_counts();
    assert_eq!((c.assessed, c.met, c.partly, c.not_yet), (4, 2, 1, 1));
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Char(' '));
    assert_eq!(a.gap_counts().assessed, 3, "space cycles back to no mark");
    keys(&mut a, "ku");
    assert_eq!(a.gap_counts().assessed, 2);

    // A note: typed keys go to the note, not to the marks.
    keys(&mut a, "e");
    keys(&mut a, "led the DDP migration, Q3 mpn");
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Enter);
    let item = a.gap_item().unwrap().skill;
    let assessed = a.assessment(item).unwrap();
    assert_eq!(assessed.note, "led the DDP migration, Q3 mp");
    assert_eq!(
        a.gap_counts().assessed,
        2,
        "typing m p n in a note marks nothing"
    );
    keys(&mut a, "e");
    keys(&mut a, "zzz");
    key(&mut a, KeyCode::Esc);
    // A changed note asks before it is thrown away (issue 11).
    assert!(a.prompt.is_some(), "Esc on a changed note asks");
    keys(&mut a, "y");
    assert_eq!(
        a.assessment(item).unwrap().note,
        "led the DDP migration, Q3 mp",
        "Esc cancels"
    );

    // The header reads like the issue says: required first, then all.
    let s = screen(&a);
    assert!(s.contains("Data Scientist · Senior → Lead · "), "{s}");
    assert!(s.contains(&format!(" · all 2/{n}")), "{s}");

    key(&mut a, KeyCode::Esc);
    assert_eq!(a.screen, Screen::Browse);
    keys(&mut a, "g");
    assert_eq!(a.gap_counts().assessed, 2, "marks survive closing the view");
}

#[test]
fn target_and_from_levels_move() {
    let mut a = app();
    keys(&mut a, "2g");
    keys(&mut a, "]]");
    let g = a.gap.as_ref().unwrap();
    assert_eq!((g.gap.from, g.gap.to), (1, 3 + 1));
    assert!(
        g.gap.items.iter().all(|i| i.path.len() == 2),
        "the levels in between are kept"
    );
    keys(&mut a, "[[[[");
    assert_eq!(
        a.gap.as_ref().unwrap().gap.to,
        2,
        "never at or below the from level"
    );
    key(&mut a, KeyCode::Right);
    let g = a.gap.as_ref().unwrap();
    assert_eq!(
        (g.gap.from, g.gap.to),
        (2, 3),
        "the target moves up with the from level"
    );
    keys(&mut a, "]]]]]");
    assert_eq!(a.gap.as_ref().unwrap().gap.to, 4);
    // `x` asks which format; Enter takes Markdown, the default.
    assert!(keys(&mut a, "x").is_empty());
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        [Effect::Export(rungs::report::Format::Markdown)]
    );
}

#[test]
fn top_level_says_there_is_nothing_above() {
    let mut a = app();
    keys(&mut a, "5g");
    // Refused as `rungs gap --from principal` refuses it, with its message:
    // no empty "Principal → Principal" gap to assess or export.
    assert_eq!(
        a.status.as_deref(),
        Some("Principal is the highest level: there is no level above it to compare with")
    );
    assert!(a.gap.is_none(), "the gap view is not opened");
    keys(&mut a, "x");
    assert!(a.overlay.is_none(), "no format to ask for");
    assert!(
        !key(&mut a, KeyCode::Enter)
            .iter()
            .any(|e| matches!(e, Effect::Export(_)))
    );
    screen(&a);
}

/// A one-level catalog has no gap at all: the explorer refuses it as
/// `rungs gap` does, with the same message.
#[test]
fn a_one_level_catalog_has_no_gap_in_either() {
    let catalog =
        rungs::catalog::load_path(std::path::Path::new("tests/fixtures/valid/minimal.toml"))
            .unwrap()
            .catalog;
    let mut a = rungs::tui::app::App::new(catalog);
    keys(&mut a, "g");
    assert!(a.gap.is_none());
    let tui = a.status.clone().unwrap();
    let out = crate::support::rungs()
        .args([
            "gap",
            "--catalog",
            "tests/fixtures/valid/minimal.toml",
            "--role",
            "engineer",
            "--from",
            "junior",
        ])
        .assert()
        .code(2);
    let cli = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(cli, format!("error: {tui}\n"));
}

#[test]
fn gap_view_snapshot() {
    let mut a = app();
    a.today = rungs::catalog::Date {
        year: 2026,
        month: 11,
        day: 29,
    };
    keys(&mut a, "3g");
    keys(&mut a, "m");
    keys(&mut a, "e");
    keys(&mut a, "led the DDP migration");
    key(&mut a, KeyCode::Enter);
    keys(&mut a, "j");
    insta::assert_snapshot!(screen(&a));
    a.update(Action::Resize(60, 20));
    insta::assert_snapshot!("gap_view_small", screen(&a));
    for (w, h) in [(0, 0), (10, 5), (40, 12), (41, 13)] {
        a.update(Action::Resize(w, h));
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| f.render_widget(&a, f.area())).unwrap();
    }
    let _ = Mark::Met;
}

/// While the last save failed, quit asks first; the status line shows the
/// question with its answers, keys from the bindings.
#[test]
fn quitting_with_the_review_not_saved_asks_on_the_status_line() {
    use rungs::tui::keys::Command;
    let mut a = app();
    keys(&mut a, "3g");
    a.update(Action::SaveFinished(Some("read-only file system".into())));
    assert!(keys(&mut a, "q").is_empty(), "q does not quit");
    let s = screen(&a);
    let last = s.lines().last().unwrap();
    assert!(
        last.contains("not saved: r retry · w save elsewhere · q quit anyway · Esc stay"),
        "{last}"
    );
    // Esc stays; Ctrl-C asks too, and quit anyway quits.
    key(&mut a, KeyCode::Esc);
    assert!(a.prompt.is_none());
    assert_eq!(a.update(Action::Run(Command::Quit)), []);
    assert_eq!(keys(&mut a, "q"), [Effect::Quit]);
}
