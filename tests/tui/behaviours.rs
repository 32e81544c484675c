//! Per-behaviour marks in the gap view: `Tab` expands an item of the
//! cumulative six-level fixture ladder to its behaviours, ↑/↓ move over
//! them, the mark keys and the note act on the selected behaviour, and the
//! item's mark rolls up unless set by hand; at 120×40 and 80×24, in English
//! and Chinese.

use std::path::Path;

use rungs::catalog::{Date, load_path};
use rungs::i18n::Lang;
use rungs::review::{AGREED, Mark, assessed_behaviours};
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::screens::Screen;
use rungs::tui::theme::Theme;

use crate::support::{key_names, keys, screen};

/// The fixture ladder's gap Engineer 2 → Senior Engineer 2 with the
/// cursor on Communication (four behaviours added on the way).
fn communication_gap(lang: Lang, w: u16, h: u16) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/cumulative-ladder");
    let mut app = App::new(load_path(&path).unwrap().catalog);
    app.theme = Theme::mono();
    app.set_lang(lang);
    app.today = Date {
        year: 2026,
        month: 11,
        day: 30,
    };
    app.update(Action::Resize(w, h));
    let i = app.catalog.skill_index("communication").unwrap();
    assert!(app.select_skill_index(i));
    keys(&mut app, "2g]");
    key_names(&mut app, "Down");
    assert_eq!(app.screen, Screen::Gap);
    let item = app.gap_item().unwrap();
    assert_eq!(app.catalog.skills[item.skill].id, "communication");
    app
}

fn item_mark(app: &App) -> Option<Mark> {
    let item = app.gap_item().unwrap();
    app.assessment(item.skill).and_then(|a| a.mark_of(AGREED))
}

fn behaviour_marks(app: &App) -> Vec<Option<Mark>> {
    let item = app.gap_item().unwrap();
    let current = assessed_behaviours(item);
    app.assessment(item.skill)
        .map(|a| a.behaviour_marks(&current, AGREED))
        .unwrap_or_else(|| vec![None; current.len()])
}

#[test]
fn tab_expands_behaviours_that_are_marked_one_by_one_and_roll_up() {
    let mut a = communication_gap(Lang::En, 120, 40);
    let item = a.gap_item().unwrap();
    assert_eq!(assessed_behaviours(item).len(), 4);
    let rows_before = a.gap.as_ref().unwrap().rows().len();
    key_names(&mut a, "Tab");
    let g = a.gap.as_ref().unwrap();
    assert_eq!(g.rows().len(), rows_before + 4);
    assert_eq!(g.selected_behaviour(), None, "the cursor stays on the item");
    // The first behaviour: met; the item is partly (one of four).
    key_names(&mut a, "Down m");
    assert_eq!(a.gap.as_ref().unwrap().selected_behaviour(), Some(0));
    assert_eq!(behaviour_marks(&a), [Some(Mark::Met), None, None, None]);
    assert_eq!(item_mark(&a), Some(Mark::Partly));
    assert!(
        a.status.as_deref().unwrap().starts_with("Behaviour 1:"),
        "{:?}",
        a.status
    );
    key_names(&mut a, "Down m Down m Down m");
    assert_eq!(item_mark(&a), Some(Mark::Met), "all met");
    // Space cycles a behaviour's mark: met → partly.
    keys(&mut a, " ");
    assert_eq!(behaviour_marks(&a)[3], Some(Mark::Partly));
    assert_eq!(item_mark(&a), Some(Mark::Partly));
    // Back on the item row, a mark key sets the item's mark by hand …
    key_names(&mut a, "Up Up Up Up");
    assert_eq!(a.gap.as_ref().unwrap().selected_behaviour(), None);
    keys(&mut a, "n");
    assert_eq!(item_mark(&a), Some(Mark::NotYet));
    // … which marking a behaviour no longer moves …
    key_names(&mut a, "Down m Up");
    assert_eq!(item_mark(&a), Some(Mark::NotYet));
    // … until `u` returns it to the roll-up.
    keys(&mut a, "u");
    assert_eq!(item_mark(&a), Some(Mark::Partly));
    assert!(
        a.status
            .as_deref()
            .unwrap()
            .contains("follows its behaviours")
    );
    // `e` on a behaviour edits its own note.
    key_names(&mut a, "Down Down e");
    keys(&mut a, "wrote the outage review");
    key_names(&mut a, "Enter");
    let item = a.gap_item().unwrap();
    let current: Vec<String> = assessed_behaviours(item)
        .into_iter()
        .map(String::from)
        .collect();
    let current: Vec<&str> = current.iter().map(String::as_str).collect();
    let stored = a.assessment(item.skill).unwrap().behaviour_states(&current);
    assert_eq!(stored[1].stored.unwrap().note, "wrote the outage review");
    assert_eq!(
        a.assessment(item.skill).unwrap().note,
        "",
        "not the item's note"
    );
    // Undo takes back the note, then the last behaviour mark's roll-up.
    keys(&mut a, "z");
    let item = a.gap_item().unwrap();
    let stored = a.assessment(item.skill).unwrap().behaviour_states(&current);
    assert!(stored[1].stored.is_none_or(|b| b.note.is_empty()));
    // Tab on a behaviour row collapses the item; the cursor goes back to it.
    key_names(&mut a, "Down Tab");
    let g = a.gap.as_ref().unwrap();
    assert_eq!(g.rows().len(), rows_before);
    assert_eq!(g.selected_behaviour(), None);
    // ←/→ keep their meaning: the from level moves.
    key_names(&mut a, "Left");
    assert_eq!(a.gap.as_ref().unwrap().gap.from, 0);
}

#[test]
fn tab_on_an_item_without_behaviours_says_so() {
    let mut a = App::new(crate::support::default_catalog());
    a.update(Action::Resize(100, 30));
    keys(&mut a, "g");
    assert_eq!(a.screen, Screen::Gap);
    let rows = a.gap.as_ref().unwrap().rows().len();
    key_names(&mut a, "Tab");
    assert_eq!(
        a.status.as_deref(),
        Some("This item has no behaviours to assess one by one.")
    );
    assert_eq!(a.gap.as_ref().unwrap().rows().len(), rows);
}

#[test]
fn gap_with_an_expanded_item_snapshots() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        for (w, h) in [(120u16, 40u16), (80, 24)] {
            let mut a = communication_gap(lang, w, h);
            key_names(&mut a, "Tab Down m Down n Down e");
            keys(&mut a, "asked for it");
            key_names(&mut a, "Enter");
            let s = screen(&a);
            let shown = if w == 120 {
                "Adapts how they explain to the audience"
            } else {
                "Adapts how"
            };
            assert!(s.contains(shown), "{s}");
            insta::assert_snapshot!(format!("behaviours_gap_{w}x{h}_{tag}"), s);
        }
    }
}

#[test]
fn expanded_behaviours_under_ascii_are_all_ascii() {
    let mut a = communication_gap(Lang::En, 80, 24);
    a.set_symbols(rungs::tui::symbols::Symbols::ASCII);
    key_names(&mut a, "Tab Down m Down p");
    let s = screen(&a);
    assert!(s.contains("Adapts how"), "{s}");
    for line in s.lines() {
        assert!(line.is_ascii(), "{line}");
    }
}

/// `E` on a behaviour row edits that behaviour's note in `$EDITOR`, and
/// so does `Ctrl-G` from its note editor: what comes back is the
/// behaviour's note, never the item's. On the item row `E` is the item's.
#[test]
fn the_external_editor_on_a_behaviour_row_edits_its_note() {
    use rungs::tui::action::Effect;
    let mut a = communication_gap(Lang::En, 120, 40);
    let current: Vec<String> = assessed_behaviours(a.gap_item().unwrap())
        .into_iter()
        .map(String::from)
        .collect();
    let current: Vec<&str> = current.iter().map(String::as_str).collect();
    let notes = |a: &App| {
        let item = a.gap_item().unwrap();
        let stored = a.assessment(item.skill);
        (
            stored.map_or(String::new(), |s| s.note.clone()),
            stored.map_or(String::new(), |s| {
                s.behaviour_states(&current)[1]
                    .stored
                    .map_or(String::new(), |b| b.note.clone())
            }),
        )
    };
    key_names(&mut a, "Tab Down Down");
    assert_eq!(a.gap.as_ref().unwrap().selected_behaviour(), Some(1));
    let effects = key_names(&mut a, "E");
    assert_eq!(effects, [Effect::ExternalEditor(String::new())]);
    a.update(Action::ExternalEdited(Ok("from the editor\n".into())));
    assert_eq!(notes(&a), (String::new(), "from the editor".into()));
    // The behaviour's note goes to the editor as it is now.
    let effects = key_names(&mut a, "E");
    assert_eq!(effects, [Effect::ExternalEditor("from the editor".into())]);
    // Ctrl-G from the behaviour's note editor: the same.
    key_names(&mut a, "e");
    let effects = rungs_ctrl_g(&mut a);
    assert_eq!(effects, [Effect::ExternalEditor("from the editor".into())]);
    a.update(Action::ExternalEdited(Ok("edited again".into())));
    assert_eq!(notes(&a), (String::new(), "edited again".into()));
    // On the item row, `E` is the item's note.
    key_names(&mut a, "Up Up");
    assert_eq!(a.gap.as_ref().unwrap().selected_behaviour(), None);
    key_names(&mut a, "E");
    a.update(Action::ExternalEdited(Ok("the item's".into())));
    assert_eq!(notes(&a), ("the item's".into(), "edited again".into()));
}

fn rungs_ctrl_g(a: &mut App) -> Vec<rungs::tui::action::Effect> {
    use crossterm::event::{KeyCode, KeyModifiers};
    crate::support::event(
        a,
        &crate::support::press(KeyCode::Char('g'), KeyModifiers::CONTROL),
    )
}
