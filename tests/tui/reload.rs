//! Live reload: a valid change is swapped in with the selection kept; an
//! invalid change keeps the old catalog and reports the first problem; a
//! fix recovers. Driven through the real file watcher.

use std::sync::mpsc;
use std::time::Duration;

use rungs::catalog::load_path;
use rungs::tui::action::{Action, NewCatalog};
use rungs::tui::app::App;
use rungs::tui::events::{AppEvent, spawn_watcher};
use rungs::tui::keys::Command;

fn catalog(extra_level_text: &str) -> String {
    format!(
        r#"title = "Reload"
[[levels]]
id = "junior"
name = "Junior"
[[levels]]
id = "senior"
name = "Senior"
[[roles]]
id = "dev"
name = "Developer"
[[domains]]
id = "d"
name = "D"
[[skills]]
id = "alpha"
name = "Alpha"
domain = "d"
[skills.expectations.dev]
junior = "a one"
senior = "a two"
[[skills]]
id = "beta"
name = "Beta"
domain = "d"
[skills.expectations.dev]
junior = "b one"
senior = "{extra_level_text}"
"#
    )
}

/// Waits for the next reload the watcher reports, and turns it into the
/// action the event loop would give the app.
fn next_reload(rx: &mpsc::Receiver<AppEvent>) -> Action {
    loop {
        match rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a reload within 10 s")
        {
            AppEvent::Reloaded(result) => {
                return match *result {
                    Ok(l) => Action::CatalogReloaded(NewCatalog(std::sync::Arc::new(l.catalog))),
                    Err(e) => {
                        let errors: Vec<_> =
                            e.diagnostics.iter().filter(|d| d.is_error()).collect();
                        Action::CatalogInvalid {
                            first: format!(
                                "{}:{}:{}: {}",
                                errors[0].path, errors[0].line, errors[0].col, errors[0].message
                            ),
                            count: errors.len(),
                        }
                    }
                };
            }
            _ => continue,
        }
    }
}

/// Saves like an editor does: a temporary file renamed over the old one.
fn save(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn valid_invalid_and_recovered_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.toml");
    std::fs::write(&path, catalog("b two")).unwrap();
    let mut app = App::new(load_path(&path).unwrap().catalog);
    app.update(Action::Resize(100, 30));
    let beta = app.catalog.skill_index("beta").unwrap();
    app.select_skill_index(beta);
    app.update(Action::Run(Command::LevelNext));
    let (tx, rx) = mpsc::channel();
    let _watcher = spawn_watcher(&path, tx).unwrap();

    // A valid change: new text, same ids; the selection stays on beta at senior.
    save(&path, &catalog("b two, revised"));
    let action = next_reload(&rx);
    assert!(matches!(action, Action::CatalogReloaded(_)));
    app.update(action);
    let (_, skill) = app.selected_skill().unwrap();
    assert_eq!(skill.id, "beta");
    assert_eq!(app.level, 1);
    assert_eq!(&*skill.cell(0, 1).unwrap().text, "b two, revised");
    assert!(app.reload_error.is_none());

    // An invalid change: the old catalog stays, the problem is reported.
    save(
        &path,
        &catalog("b two, revised").replace(
            "domain = \"d\"\n[skills.expectations.dev]\njunior = \"b one\"",
            "domian = \"d\"\n[skills.expectations.dev]\njunior = \"b one\"",
        ),
    );
    let action = next_reload(&rx);
    let Action::CatalogInvalid { first, count } = &action else {
        panic!("{action:?}")
    };
    assert!(first.contains("catalog.toml:21:1: "), "{first}");
    assert_eq!(*count, 2, "the missing domain and the unknown key `domian`");
    app.update(action.clone());
    assert!(app.reload_error.is_some());
    assert_eq!(
        &*app.selected_skill().unwrap().1.cell(0, 1).unwrap().text,
        "b two, revised"
    );

    // Fixed again: swapped in, the banner goes.
    save(&path, &catalog("b two, final"));
    let action = next_reload(&rx);
    app.update(action);
    assert!(app.reload_error.is_none());
    assert_eq!(
        &*app.selected_skill().unwrap().1.cell(0, 1).unwrap().text,
        "b two, final"
    );
}

#[test]
fn marks_survive_a_reload_and_removed_skills_fall_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.toml");
    std::fs::write(&path, catalog("b two")).unwrap();
    let mut app = App::new(load_path(&path).unwrap().catalog);
    app.update(Action::Resize(100, 30));
    app.update(Action::Run(Command::Gap));
    app.update(Action::Run(Command::MarkMet));
    let marked = app.gap_item().unwrap().skill;
    let id = app.catalog.skills[marked].id.clone();

    let new = load_path(&path).unwrap().catalog; // same content, new load
    app.update(Action::CatalogReloaded(NewCatalog(std::sync::Arc::new(
        new,
    ))));
    let skill = app.catalog.skill_index(&id).unwrap();
    assert_eq!(
        app.assessment(skill).and_then(|a| a.mark),
        Some(rungs::review::Mark::Met)
    );
    assert_eq!(app.gap_counts().assessed, 1);

    // A catalog without the selected skill: the selection stays valid.
    let smaller =
        catalog("b two").replace("[[skills]]\nid = \"beta\"", "[[skills]]\nid = \"gamma\"");
    std::fs::write(&path, smaller).unwrap();
    app.update(Action::Run(Command::Gap));
    let new = load_path(&path).unwrap().catalog;
    app.update(Action::CatalogReloaded(NewCatalog(std::sync::Arc::new(
        new,
    ))));
    assert!(app.selected_skill().is_some());
}

#[test]
fn the_banner_shows_the_first_problem_and_the_count() {
    let mut app = App::new(crate::support::default_catalog());
    app.theme = rungs::tui::theme::Theme::mono();
    app.update(Action::Resize(120, 20));
    app.update(Action::CatalogInvalid {
        first: "skills/x.toml:3:1: unknown key `domian`".into(),
        count: 4,
    });
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 20)).unwrap();
    t.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let top: String = t.backend().to_string().lines().next().unwrap().to_string();
    assert!(
        top.contains("Catalog not reloaded, 4 problems: skills/x.toml:3:1: unknown key `domian`"),
        "{top}"
    );
    // One problem is "1 problem".
    app.update(Action::CatalogInvalid {
        first: "skills/x.toml:3:1: unknown key `domian`".into(),
        count: 1,
    });
    t.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let top: String = t.backend().to_string().lines().next().unwrap().to_string();
    assert!(
        top.contains("Catalog not reloaded, 1 problem: skills/x.toml"),
        "{top}"
    );
}

#[test]
fn reading_the_catalog_does_not_trigger_a_reload() {
    // A reload reads every file; if reading counted as a change, the app
    // would reload forever.
    let dir = tempfile::tempdir().unwrap();
    rungs::cli::init::run(dir.path(), false, &mut Vec::new()).unwrap();
    let (tx, rx) = mpsc::channel();
    let _watcher = spawn_watcher(dir.path(), tx).unwrap();
    for _ in 0..3 {
        rungs::catalog::load_path(dir.path()).unwrap();
    }
    match rx.recv_timeout(Duration::from_millis(1500)) {
        Err(mpsc::RecvTimeoutError::Timeout) => {}
        Ok(AppEvent::Reloaded(_)) => panic!("reloaded although nothing changed"),
        other => panic!("unexpected: {other:?}"),
    }
    // A real change still reloads.
    let file = dir
        .path()
        .join("skills/machine-learning/deep-learning.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    save(&file, &text.replace("Deep Learning", "Deep Learning II"));
    assert!(matches!(next_reload(&rx), Action::CatalogReloaded(_)));
}
