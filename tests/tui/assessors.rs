//! Issue 12 in the gap view: whose marks the keys set (`--as`, `A`),
//! agreeing (`a`), the disagreement jump (`D`) and the header that says
//! whose marks it counts. Key-sequence tests and snapshots at 120×40 and
//! 80×24, in English and Chinese.

use crossterm::event::KeyCode;
use rungs::catalog::load_embedded;
use rungs::i18n::Lang;
use rungs::review::Mark;
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::screens::Screen;

use crate::support::{gap_app, key, keys, redraw, screen};

fn cursor(a: &App) -> usize {
    a.gap.as_ref().unwrap().cursor
}

fn mark_at(a: &App, i: usize, who: &str) -> Option<Mark> {
    let skill = a.gap.as_ref().unwrap().gap.items[i].skill;
    a.assessment(skill).and_then(|x| x.mark_of(who))
}

/// `--as self` marks the first 10 items (met, partly, not yet, met, …);
/// `A` to the manager, who marks the first 12 met. Ends on the first item.
fn self_10_manager_12(a: &mut App) {
    a.assessor = Some("self".into());
    for i in 0..10 {
        keys(a, ["m", "p", "n"][i % 3]);
        keys(a, "j");
    }
    key(a, KeyCode::Home);
    keys(a, "A");
    assert_eq!(a.who(), "manager");
    for _ in 0..12 {
        keys(a, "mj");
    }
    key(a, KeyCode::Home);
}

#[test]
fn self_marks_10_manager_12_and_d_visits_exactly_the_differing_items() {
    let mut a = gap_app(120, 40);
    self_10_manager_12(&mut a);
    for i in 0..10 {
        assert_eq!(
            mark_at(&a, i, "self"),
            Some([Mark::Met, Mark::Partly, Mark::NotYet][i % 3])
        );
    }
    for i in 0..12 {
        assert_eq!(mark_at(&a, i, "manager"), Some(Mark::Met));
        assert_eq!(mark_at(&a, i, "agreed"), None, "nobody agreed yet");
    }
    let differing: Vec<usize> = (0..10).filter(|i| i % 3 != 0).collect();
    let mut visited = Vec::new();
    for _ in 0..differing.len() {
        keys(&mut a, "D");
        visited.push(cursor(&a));
    }
    assert_eq!(visited, differing);
    keys(&mut a, "D");
    assert_eq!(cursor(&a), differing[0], "D wraps round");
    // The review's own list is the same items.
    let review = &a.review.as_ref().unwrap().review;
    let g = a.gap.as_ref().unwrap();
    let mut by_review: Vec<usize> = review
        .disagreements()
        .iter()
        .map(|id| {
            let index = a.catalog.skill_index(id).unwrap();
            g.gap.items.iter().position(|i| i.skill == index).unwrap()
        })
        .collect();
    by_review.sort_unstable();
    assert_eq!(by_review, differing);
}

#[test]
fn the_header_counts_the_current_assessor_until_any_item_is_agreed() {
    let mut a = gap_app(120, 40);
    a.assessor = Some("self".into());
    keys(&mut a, "m");
    redraw(&mut a);
    let s = screen(&a);
    assert!(s.contains("self marks: required ✓1"), "{s}");
    assert!(!s.contains("as self"), "the counts say whose already: {s}");
    keys(&mut a, "A");
    redraw(&mut a);
    let s = screen(&a);
    assert!(s.contains("manager marks: required ✓0"), "{s}");
    assert!(s.contains("Marking as manager now · A changes who"), "{s}");
}

#[test]
fn agreeing_every_item_counts_the_agreed_marks() {
    let mut a = gap_app(120, 40);
    self_10_manager_12(&mut a);
    // Still the manager: each of the 12 marks becomes the agreed one.
    for _ in 0..12 {
        keys(&mut a, "aj");
    }
    for i in 0..12 {
        assert_eq!(mark_at(&a, i, "agreed"), Some(Mark::Met));
    }
    let g = a.gap.as_ref().unwrap();
    let required = g.gap.items[..12]
        .iter()
        .filter(|i| i.to.as_ref().map(|c| c.necessity) == Some(rungs::catalog::Necessity::Required))
        .count();
    let all_required = g
        .gap
        .items
        .iter()
        .filter(|i| i.to.as_ref().map(|c| c.necessity) == Some(rungs::catalog::Necessity::Required))
        .count();
    redraw(&mut a);
    let s = screen(&a);
    let expected = format!(
        "as manager · agreed marks: required ✓{required} ~0 ✗0 –{} of {all_required} · all 12/",
        all_required - required
    );
    assert!(s.contains(&expected), "{expected}\n{s}");
    // D still finds where self differs from the agreed marks.
    key(&mut a, KeyCode::Home);
    keys(&mut a, "D");
    assert_eq!(cursor(&a), 1);
}

#[test]
fn a_cycles_through_the_names_in_the_file_and_agreed() {
    let mut a = gap_app(80, 24);
    assert_eq!(
        a.who(),
        "agreed",
        "without --as the keys set the agreed mark"
    );
    a.assessor = Some("peer".into());
    keys(&mut a, "m");
    a.assessor = None;
    let mut seen = Vec::new();
    for _ in 0..4 {
        keys(&mut a, "A");
        seen.push(a.who());
    }
    assert_eq!(seen, ["self", "manager", "peer", "agreed"]);
}

#[test]
fn a_copies_only_a_mark_there_is_and_is_undone_like_any_change() {
    let mut a = gap_app(120, 40);
    keys(&mut a, "a");
    assert!(
        a.status
            .as_deref()
            .unwrap()
            .contains("setting the agreed marks"),
        "{:?}",
        a.status
    );
    a.assessor = Some("self".into());
    keys(&mut a, "a");
    assert_eq!(
        a.status.as_deref(),
        Some("self has no mark on this item to agree on")
    );
    assert_eq!(mark_at(&a, 0, "agreed"), None);
    keys(&mut a, "pa");
    assert_eq!(mark_at(&a, 0, "agreed"), Some(Mark::Partly));
    assert!(
        a.status
            .as_deref()
            .unwrap()
            .contains("agreed not assessed → partly"),
        "{:?}",
        a.status
    );
    keys(&mut a, "z");
    assert_eq!(mark_at(&a, 0, "agreed"), None);
    assert_eq!(mark_at(&a, 0, "self"), Some(Mark::Partly));
}

#[test]
fn d_says_so_when_every_mark_agrees() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "mjp");
    keys(&mut a, "D");
    assert_eq!(a.status.as_deref(), Some("No item has differing marks."));
}

#[test]
fn assessor_snapshots() {
    for (variant, w, h, lang) in [
        ("en_120x40", 120, 40, Lang::En),
        ("en_80x24", 80, 24, Lang::En),
        ("zh_120x40", 120, 40, Lang::Zh),
        ("zh_80x24", 80, 24, Lang::Zh),
    ] {
        let mut a = gap_app(w, h);
        a.lang = lang;
        self_10_manager_12(&mut a);
        keys(&mut a, "D");
        keys(&mut a, "a");
        redraw(&mut a);
        insta::assert_snapshot!(format!("assessors_{variant}"), screen(&a));
    }
}

/// A review last marked on 2026-12-14: classical-ml ✗→~, model-evaluation
/// ~→✓ and experiment-tracking's note that day; sql unchanged since
/// 2026-11-30.
const REOPENED: &str = r#"version = 2
role = "data-scientist"
from = "senior"
to = "lead"
date = 2026-11-30

[[items]]
skill = "classical-ml"
marks = { agreed = "partly" }

[[items.history]]
at = 2026-11-30T10:00:00+08:00
by = "agreed"
mark = "not-yet"
was = "none"

[[items.history]]
at = 2026-12-14T10:42:00+08:00
by = "agreed"
mark = "partly"
was = "not-yet"

[[items]]
skill = "model-evaluation"
marks = { agreed = "met" }

[[items.history]]
at = 2026-12-14T10:45:00+08:00
by = "agreed"
mark = "met"
was = "partly"

[[items]]
skill = "experiment-tracking"
note = "Runs the MLflow workspace."
marks = { agreed = "met" }

[[items.history]]
at = 2026-11-30T10:05:00+08:00
by = "agreed"
mark = "met"
was = "none"

[[items.history]]
at = 2026-12-14T10:50:00+08:00
by = "manager"
note = "Runs the MLflow workspace."
was = ""

[[items]]
skill = "sql"
marks = { agreed = "met" }

[[items.history]]
at = 2026-11-30T10:10:00+08:00
by = "agreed"
mark = "met"
was = "none"
"#;

fn reopened(w: u16, h: u16, lang: Lang) -> App {
    let mut a = gap_app(w, h);
    a.lang = lang;
    a.review.as_mut().unwrap().review = rungs::review::Review::parse("r.toml", REOPENED).unwrap();
    a.show_since_last();
    a
}

#[test]
fn reopening_says_what_changed_at_the_last_session() {
    let mut a = reopened(120, 40, Lang::En);
    assert_eq!(
        a.status.as_deref(),
        Some("since 2026-12-14: 3 changed, 1 newly met")
    );
    redraw(&mut a);
    let s = screen(&a);
    let row = |name: &str| {
        s.lines()
            .find(|l| l.contains(&format!("● {name}")))
            .unwrap()
            .to_string()
    };
    assert!(row("Classical Machine Learning").contains("✗→~"), "{s}");
    assert!(row("Model Evaluation").contains("~→✓"), "{s}");
    assert!(
        !row("Experiment Tracking").contains('→'),
        "a note only: {s}"
    );
    assert!(!row("SQL").contains('→'), "not changed that day: {s}");
    // Marking it again this run: the arrow follows the mark now.
    keys(&mut a, "n");
    redraw(&mut a);
    let s = screen(&a);
    assert!(
        !s.lines()
            .find(|l| l.contains("● Classical Machine Learning"))
            .unwrap()
            .contains("✗→"),
        "back to what it was: {s}"
    );
}

#[test]
fn reopened_snapshots() {
    for (variant, w, h, lang) in [
        ("en_120x40", 120, 40, Lang::En),
        ("en_80x24", 80, 24, Lang::En),
        ("zh_120x40", 120, 40, Lang::Zh),
        ("zh_80x24", 80, 24, Lang::Zh),
    ] {
        let mut a = reopened(w, h, lang);
        redraw(&mut a);
        insta::assert_snapshot!(format!("reopened_{variant}"), screen(&a));
    }
}

#[test]
fn opening_a_review_file_says_what_changed_and_that_unknown_keys_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alex.toml");
    let text = REOPENED.replace(
        "date = 2026-11-30\n",
        "date = 2026-11-30\nteam = \"Forecasting\"\n",
    );
    std::fs::write(&path, &text).unwrap();
    let start = rungs::cli::explore::StartAt {
        review: Some(path.clone()),
        assessor: Some("self".into()),
        ..Default::default()
    };
    let today = rungs::catalog::Date {
        year: 2026,
        month: 12,
        day: 20,
    };
    let (a, file) =
        rungs::cli::explore::start(load_embedded().unwrap().catalog, &start, today).unwrap();
    assert!(file.is_some());
    let status = a.status.unwrap();
    assert!(
        status.starts_with("since 2026-12-14: 3 changed, 1 newly met · "),
        "{status}"
    );
    assert!(status.contains("unknown key `team`"), "{status}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "reading writes nothing"
    );
}

#[test]
fn undo_takes_back_only_what_this_terminal_changed() {
    let mut a = gap_app(120, 40);
    a.assessor = Some("self".into());
    keys(&mut a, "m");
    // The manager's mark on the same item arrives from the other terminal.
    let skill = a.gap.as_ref().unwrap().gap.items[0].skill;
    let id = a.catalog.skills[skill].id.clone();
    a.review
        .as_mut()
        .unwrap()
        .review
        .items
        .get_mut(&id)
        .unwrap()
        .set_mark("manager", Some(Mark::Partly));
    keys(&mut a, "z");
    assert_eq!(
        mark_at(&a, 0, "self"),
        None,
        "this terminal's mark is undone"
    );
    assert_eq!(
        mark_at(&a, 0, "manager"),
        Some(Mark::Partly),
        "the other terminal's mark stays"
    );
    keys(&mut a, "Z");
    assert_eq!(mark_at(&a, 0, "self"), Some(Mark::Met));
    assert_eq!(mark_at(&a, 0, "manager"), Some(Mark::Partly));
}

#[test]
fn without_as_the_mark_keys_set_the_managers_mark() {
    let today = rungs::catalog::Date {
        year: 2026,
        month: 11,
        day: 30,
    };
    // With a review file.
    let dir = tempfile::tempdir().unwrap();
    let start = rungs::cli::explore::StartAt {
        role: Some("data-scientist".into()),
        level: Some("senior".into()),
        review: Some(dir.path().join("alex.toml")),
        ..Default::default()
    };
    let (mut a, _) =
        rungs::cli::explore::start(load_embedded().unwrap().catalog, &start, today).unwrap();
    a.update(Action::Resize(80, 24));
    assert_eq!(a.screen, Screen::Gap);
    keys(&mut a, "m");
    assert_eq!(mark_at(&a, 0, "manager"), Some(Mark::Met));
    assert_eq!(mark_at(&a, 0, "agreed"), None);
    // `a` then agrees it.
    keys(&mut a, "a");
    assert_eq!(mark_at(&a, 0, "agreed"), Some(Mark::Met));
    // Without one (marks kept in the state file until `w`), the same.
    let start = rungs::cli::explore::StartAt {
        role: Some("data-scientist".into()),
        level: Some("senior".into()),
        ..Default::default()
    };
    let (mut b, _) =
        rungs::cli::explore::start(load_embedded().unwrap().catalog, &start, today).unwrap();
    b.update(Action::Resize(80, 24));
    keys(&mut b, "gm");
    assert_eq!(mark_at(&b, 0, "manager"), Some(Mark::Met));
    // And `--as self` is honoured without a review file too.
    let start = rungs::cli::explore::StartAt {
        role: Some("data-scientist".into()),
        level: Some("senior".into()),
        assessor: Some("self".into()),
        ..Default::default()
    };
    let (mut c, _) =
        rungs::cli::explore::start(load_embedded().unwrap().catalog, &start, today).unwrap();
    c.update(Action::Resize(80, 24));
    keys(&mut c, "gm");
    assert_eq!(mark_at(&c, 0, "self"), Some(Mark::Met));
}
