//! Search: ranking and highlighting on a small fixture, key sequences
//! through the search box, and results of outdated queries being dropped.

use std::path::Path;

use rungs::catalog::{Catalog, load_embedded, load_path};
use rungs::search::{Field, Index, Results, Scope};
use rungs::tui::action::{Action, Effect, SearchRequest};
use rungs::tui::app::App;
use rungs::tui::keys::Command;
use rungs::tui::screens::Screen;

fn fixture() -> Catalog {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/rank.toml");
    load_path(&p).unwrap().catalog
}

fn search(c: &Catalog, q: &str, scope: Scope) -> Results {
    Index::new(c).search(c, q, scope, None, &|| false).unwrap()
}

fn ids(c: &Catalog, r: &Results) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| c.skills[h.skill].id.clone())
        .collect()
}

#[test]
fn name_beats_tag_beats_text_and_ties_break_by_name() {
    let c = fixture();
    let r = search(&c, "estim", Scope::AllRoles);
    let got = ids(&c, &r);
    // Word-prefix matches everywhere: names first (equal scores
    // alphabetically, then the weaker mid-name match), then the tag, then
    // the text.
    assert_eq!(
        got,
        [
            "estimation",
            "estimation-b",
            "uber",
            "planning",
            "budgeting"
        ]
    );
    assert_eq!(r.hits[0].field, Field::Name);
    assert_eq!(r.hits[0].score, r.hits[1].score, "a tie, broken by name");
    assert!(matches!(r.hits[3].field, Field::Tag(0)));
    assert_eq!(r.hits[4].field, Field::Text { role: 1, level: 1 });
}

#[test]
fn a_strong_text_match_beats_a_scattered_name_match() {
    let c = fixture();
    // "bdg" is scattered in "Budgeting" (weak); nothing else has it.
    let r = search(&c, "bdg", Scope::AllRoles);
    assert_eq!(ids(&c, &r), ["budgeting"]);
    // "quarter" is a whole word of one text; "Planning" does not contain it.
    let r = search(&c, "quarter", Scope::AllRoles);
    assert_eq!(ids(&c, &r), ["budgeting"]);
    // "ranges": a word of two texts, and scattered in no name.
    let r = search(&c, "ranges", Scope::AllRoles);
    assert_eq!(ids(&c, &r), ["estimation", "estimation-b"]);
    assert!(r.hits.iter().all(|h| matches!(h.field, Field::Text { .. })));
}

#[test]
fn highlight_indices_are_char_indices() {
    let c = fixture();
    let r = search(&c, "estim", Scope::AllRoles);
    let uber = r
        .hits
        .iter()
        .find(|h| c.skills[h.skill].id == "uber")
        .unwrap();
    assert_eq!(uber.shown, "Über Estimation");
    let marked: String = uber
        .indices
        .iter()
        .map(|&i| uber.shown.chars().nth(i).unwrap())
        .collect();
    assert_eq!(marked, "Estim");
    let text = r
        .hits
        .iter()
        .find(|h| c.skills[h.skill].id == "budgeting")
        .unwrap();
    let marked: String = text
        .indices
        .iter()
        .map(|&i| text.shown.chars().nth(i).unwrap())
        .collect();
    assert_eq!(
        marked, "Estimates",
        "the whole matched word is marked in the snippet"
    );
}

#[test]
fn scope_limits_to_the_role() {
    let c = fixture();
    let dev = c.role_index("dev").unwrap();
    let r = search(&c, "estim", Scope::Role(dev));
    let got = ids(&c, &r);
    assert!(
        !got.contains(&"budgeting".to_string()),
        "its text is for pm only"
    );
    assert!(!got.contains(&"uber".to_string()), "not in dev's profile");
    assert!(got.contains(&"estimation".to_string()));
}

#[test]
fn every_query_word_must_match_the_same_text() {
    let c = fixture();
    let r = search(&c, "ranges points", Scope::AllRoles);
    assert_eq!(ids(&c, &r), ["estimation", "estimation-b"]);
    let r = search(&c, "ranges quarter", Scope::AllRoles);
    assert!(r.hits.is_empty());
}

/// The search an update asked for, if any.
fn request(effects: Vec<Effect>) -> Option<SearchRequest> {
    effects.into_iter().find_map(|e| match e {
        Effect::Search(r) => Some(r),
        _ => None,
    })
}

/// Applies `action` and runs the search it asked for, as the worker would.
fn pump(app: &mut App, index: &Index, action: Action) {
    if let Some(req) = request(app.update(action)) {
        let results = index
            .search(&app.catalog, &req.query, req.scope, None, &|| false)
            .unwrap();
        app.update(Action::SearchResults(req.generation, results));
    }
}

fn typed(app: &mut App, index: &Index, s: &str) {
    for c in s.chars() {
        pump(app, index, Action::Type(c));
    }
}

#[test]
fn key_sequence_through_the_search_box() {
    let mut app = App::new(load_embedded().unwrap().catalog);
    app.update(Action::Resize(120, 40));
    let index = Index::new(&app.catalog);
    let before = (app.role, app.level, app.skill);
    app.update(Action::Run(Command::Search));
    assert_eq!(app.screen, Screen::Search);
    typed(&mut app, &index, "torch.comp");
    let hits = &app.search.results.as_ref().unwrap().hits;
    assert!(!hits.is_empty());
    // Moving through results previews them; Esc restores the selection.
    app.update(Action::Run(Command::Down));
    app.update(Action::Run(Command::Back));
    assert_eq!(app.screen, Screen::Browse);
    assert_eq!((app.role, app.level, app.skill), before);

    // Enter on a text match selects its role and level too.
    pump(&mut app, &index, Action::Run(Command::Search));
    assert_eq!(app.search.query, "torch.comp", "the last query is kept");
    let hit = app.search_hit().cloned().unwrap();
    let Field::Text { role, level } = hit.field else {
        panic!("expected a text match, got {:?}", hit.field)
    };
    app.update(Action::Run(Command::Open));
    assert_eq!(app.screen, Screen::Browse);
    assert_eq!((app.role, app.level), (role, level));
    assert_eq!(app.selected_skill().unwrap().0, hit.skill);

    // Ctrl-U clears, paste inserts (cleaned), Tab toggles the scope.
    app.update(Action::Run(Command::Search));
    app.update(Action::Run(Command::ClearQuery));
    assert!(app.search.query.is_empty());
    app.update(Action::Paste("deep\u{1b}[31m\nlearn".into()));
    assert_eq!(app.search.query, "deep[31m learn");
    app.update(Action::Run(Command::ClearQuery));
    app.update(Action::Paste("sql".into()));
    pump(&mut app, &index, Action::Run(Command::SearchScope));
    assert_eq!(app.search.scope, Scope::Role(app.role));
    assert!(
        app.search
            .results
            .as_ref()
            .unwrap()
            .hits
            .iter()
            .all(|h| app.catalog.skills[h.skill].in_role(app.role))
    );
    app.update(Action::Run(Command::DeleteChar));
    assert_eq!(app.search.query, "sq");
}

#[test]
fn results_for_an_outdated_query_are_dropped() {
    let mut app = App::new(load_embedded().unwrap().catalog);
    app.update(Action::Resize(120, 40));
    let index = Index::new(&app.catalog);
    app.update(Action::Run(Command::Search));
    let old = request(app.update(Action::Type('d'))).unwrap();
    let new = request(app.update(Action::Type('e'))).unwrap();
    assert!(new.generation > old.generation);
    let stale = index
        .search(&app.catalog, &old.query, old.scope, None, &|| false)
        .unwrap();
    let before = app.search.clone();
    app.update(Action::SearchResults(old.generation, stale));
    assert_eq!(app.search, before, "nothing changes");
    assert!(
        app.search.results.is_none(),
        "old results are not shown for the new query"
    );
    let fresh = index
        .search(&app.catalog, &new.query, new.scope, None, &|| false)
        .unwrap();
    app.update(Action::SearchResults(new.generation, fresh));
    assert!(app.search.results.is_some());
    assert_eq!(app.search.results.as_ref().unwrap().query, "de");
}

#[test]
fn narrowing_from_previous_results_gives_the_same_answer() {
    let c = load_embedded().unwrap().catalog;
    let index = Index::new(&c);
    for (short, long) in [
        ("pip", "pipeline"),
        ("dat", "data q"),
        ("tra", "training loop"),
    ] {
        let first = index
            .search(&c, short, Scope::AllRoles, None, &|| false)
            .unwrap();
        let cands = first.hits.iter().map(|h| h.skill).collect();
        let narrowed = index
            .search(&c, long, Scope::AllRoles, Some(&cands), &|| false)
            .unwrap();
        let full = index
            .search(&c, long, Scope::AllRoles, None, &|| false)
            .unwrap();
        assert_eq!(narrowed.hits, full.hits, "{short} -> {long}");
    }
}

#[test]
fn ctrl_t_in_the_search_box_lists_every_matching_cell() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut app = App::new(load_embedded().unwrap().catalog);
    app.update(Action::Resize(120, 40));
    let index = Index::new(&app.catalog);
    app.update(Action::Run(Command::Search));
    typed(&mut app, &index, "incident");
    let best = app.search.results.as_ref().unwrap().hits.len();

    // Ctrl-T is the key, through the one key table.
    let key = Event::Key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL));
    let action = rungs::tui::keys::map(&app, &key);
    assert_eq!(action, Some(Action::Run(Command::SearchCells)));
    let req = request(app.update(Action::Run(Command::SearchCells))).unwrap();
    assert!(req.all_cells);
    let results = index
        .search_cells(&app.catalog, &req.query, req.scope, &|| false)
        .unwrap();
    app.update(Action::SearchResults(req.generation, results));
    let cells = &app.search.results.as_ref().unwrap().hits;
    assert!(cells.len() > best, "{} cells, {best} skills", cells.len());
    assert!(cells.iter().all(|h| matches!(h.field, Field::Text { .. })));

    // Enter on a cell goes to its role and level.
    let hit = app.search_hit().cloned().unwrap();
    let Field::Text { role, level } = hit.field else {
        unreachable!()
    };
    app.update(Action::Run(Command::Accept));
    assert_eq!((app.role, app.level), (role, level));

    // Again: each skill's best match.
    app.update(Action::Run(Command::Search));
    let req = request(app.update(Action::Run(Command::SearchCells))).unwrap();
    assert!(!req.all_cells);
}
