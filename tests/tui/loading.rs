//! The explorer drawn from a partial catalog (the cache's skeletons: names
//! and necessities, texts only for the selected skill) while the whole one
//! loads: what it shows, and that keys pressed before the whole catalog
//! arrives do what they would have done on it.

use std::path::Path;
use std::sync::Arc;

use rungs::catalog::{
    Catalog, LoadOptions, Partial, Skill, embedded_files, fill_texts, load_partial, load_path,
    load_path_cached,
};
use rungs::tui::action::{Action, Effect, NewCatalog};
use rungs::tui::app::App;
use rungs::tui::screens::Screen;

use rungs::tui::theme::Theme;

use crate::support::{key_names, redraw, screen, test_day};

/// The default catalog as a folder, its cache filled, then loaded
/// partially as the explorer's start loads it; with the whole catalog.
fn partial() -> (tempfile::TempDir, Partial, Catalog) {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("cat");
    for (rel, bytes) in embedded_files() {
        let p = cat.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let cache = dir.path().join("cache");
    load_path_cached(&cat, &cache).unwrap();
    let p = load_partial(&cat, &cache, &LoadOptions::default(), 0).unwrap();
    let whole = load_path(Path::new(&cat)).unwrap().catalog;
    (dir, p, whole)
}

/// The explorer on `catalog` at 80×24, in the mono theme, on the test day.
fn app_on(catalog: Catalog) -> App {
    let mut app = App::new(catalog);
    app.theme = Theme::mono();
    app.today = test_day();
    app.update(Action::Resize(80, 24));
    app
}

/// The explorer on `catalog` as `rungs --catalog` starts it: 80×24, the
/// selected skill made whole, the rest of the texts loading.
fn loading_app(p: &mut Partial, lang: rungs::i18n::Lang) -> App {
    let mut app = app_on(std::mem::take(&mut p.catalog));
    app.start_from_skeletons(p.with_texts.clone(), &p.fill);
    let (i, _) = app.selected_skill().unwrap();
    assert!(app.has_texts(i) && !app.has_texts(i + 1));
    app.set_lang(lang);
    redraw(&mut app);
    app
}

/// The same explorer on the whole catalog.
fn whole_app(whole: &Catalog, lang: rungs::i18n::Lang) -> App {
    let mut app = app_on(whole.clone());
    app.set_lang(lang);
    redraw(&mut app);
    app
}

/// The whole catalog arrives, as the loader sends it.
fn arrive(app: &mut App, whole: &Catalog) -> Vec<Effect> {
    let mut whole = whole.clone();
    whole.localize(app.lang.code());
    let effects = app.update(Action::CatalogReloaded(NewCatalog(Arc::new(whole))));
    redraw(app);
    effects
}

/// What the loader sends when the skeletons still hold: whether the fill
/// went through, and each shard's skills with their places (see
/// `catalog::fill_texts`).
fn shards_sent(dir: &tempfile::TempDir, p: &Partial) -> (bool, Vec<Vec<(usize, Skill)>>) {
    let batches = std::sync::Mutex::new(Vec::new());
    let filled = fill_texts(
        &dir.path().join("cat"),
        &dir.path().join("cache"),
        &LoadOptions::default(),
        &p.fill,
        |skills| {
            batches.lock().unwrap().push(skills);
            true
        },
    );
    (filled, batches.into_inner().unwrap())
}

/// The texts arrive as the loader sends them when the skeletons still
/// hold (see `catalog::fill_texts`): shard by shard, each skill put in its
/// place in the app's own catalog (never a copy of it), then the end of
/// the loading.
fn fill_in(app: &mut App, dir: &tempfile::TempDir, p: &Partial) -> Vec<Effect> {
    let before = Arc::as_ptr(&app.catalog);
    let (filled, batches) = shards_sent(dir, p);
    let mut effects = Vec::new();
    for skills in batches {
        effects.extend(app.update(Action::TextsIn(skills)));
    }
    assert!(filled, "the skeletons hold");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.loading.is_some(), "still loading until the end");
    assert!((0..app.catalog.skills.len()).all(|i| app.has_texts(i)));
    assert_eq!(Arc::as_ptr(&app.catalog), before, "filled in place");
    effects.extend(app.update(Action::TextsLoaded));
    assert!(app.loading.is_none());
    redraw(app);
    effects
}

/// The queries that `effects` ask the search worker, in order.
fn searched(effects: &[Effect]) -> Vec<&str> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Search(r) => Some(r.query.as_str()),
            _ => None,
        })
        .collect()
}

/// The first frame is the one the whole catalog gives; a skill whose
/// texts are not in yet says so, in English and Chinese at 80×24.
#[test]
fn the_first_frame_is_the_whole_ones_and_other_skills_say_they_load() {
    for (lang, loading) in [
        (rungs::i18n::Lang::En, "Loading the catalog's texts…"),
        (rungs::i18n::Lang::Zh, "正在载入目录的文本…"),
    ] {
        let (_dir, mut p, whole) = partial();
        let mut app = loading_app(&mut p, lang);
        let mut reference = whole_app(&whole, lang);
        assert_eq!(screen(&app), screen(&reference), "the first frame");

        key_names(&mut app, "j j");
        key_names(&mut reference, "j j");
        let s = screen(&app);
        assert!(s.contains(loading), "{s}");
        let name = &app.selected_skill().unwrap().1.name;
        assert!(s.contains(name.as_str()), "the name is shown: {s}");
        insta::assert_snapshot!(format!("loading_texts_{}", lang.code()), s);

        arrive(&mut app, &whole);
        assert!(app.loading.is_none());
        assert_eq!(screen(&app), screen(&reference), "once the texts are in");
    }
}

/// Moving works at once; the gap view waits for the texts, with every key
/// after it, and then all of them do what they do on the whole catalog.
#[test]
fn keys_pressed_before_the_whole_catalog_arrives_do_the_right_thing() {
    let lang = rungs::i18n::Lang::En;
    let (_dir, mut p, whole) = partial();
    let mut app = loading_app(&mut p, lang);
    let mut reference = whole_app(&whole, lang);

    // Moving: at once, on the partial catalog.
    let moves = "j j 3 Tab Tab Tab";
    assert!(key_names(&mut app, moves).is_empty());
    key_names(&mut reference, moves);
    assert_eq!(
        (app.skill, app.level, app.focus),
        (reference.skill, reference.level, reference.focus)
    );
    assert!(app.loading.as_ref().unwrap().waiting.is_empty());

    // The gap view needs the texts: it waits, the status line says so, and
    // the keys after it wait behind it (`j` would move now otherwise).
    let rest = "g j m j n";
    assert!(key_names(&mut app, rest).is_empty(), "nothing done yet");
    assert_eq!(app.screen, Screen::Browse);
    assert_eq!(app.skill, reference.skill, "`j` waited too");
    assert_eq!(app.loading.as_ref().unwrap().waiting.len(), 5);
    let s = screen(&app);
    assert!(s.contains("Loading the catalog's texts: this key"), "{s}");

    let expected = key_names(&mut reference, rest);
    let effects = arrive(&mut app, &whole);
    assert_eq!(effects, expected, "the same effects, in order");
    assert_eq!(app.screen, Screen::Gap);
    assert_eq!(screen(&app), screen(&reference));
}

/// The search box works while the texts load, as while the index is
/// built: the query shows with "indexing… 0/N", and is asked again of the
/// whole catalog's index when it arrives.
#[test]
fn a_query_typed_while_loading_is_asked_again_of_the_whole_catalog() {
    let (_dir, mut p, whole) = partial();
    let mut app = loading_app(&mut p, rungs::i18n::Lang::En);
    let total = app.catalog.skills.len();
    key_names(&mut app, "/ d a t");
    assert_eq!(app.screen, Screen::Search);
    assert_eq!(app.search.query, "dat");
    let s = screen(&app);
    assert!(s.contains(&format!("indexing… 0/{total}")), "{s}");

    let effects = arrive(&mut app, &whole);
    assert_eq!(searched(&effects), ["dat"]);
    assert!(app.loading.is_none());
}

/// A reload that comes before the whole load ends the loading as well
/// (the loop then drops the older whole load).
#[test]
fn a_reload_also_ends_the_loading() {
    let (_dir, mut p, whole) = partial();
    let mut app = loading_app(&mut p, rungs::i18n::Lang::En);
    key_names(&mut app, "g");
    assert_eq!(app.screen, Screen::Browse);
    arrive(&mut app, &whole);
    assert!(app.loading.is_none());
    assert_eq!(app.screen, Screen::Gap);
}

/// The texts filled in place (the loader's usual way) end the loading as
/// the whole catalog does: the same screens in English and Chinese, the
/// keys that waited applied in order with the same effects, and a query
/// typed meanwhile asked again.
#[test]
fn texts_filled_in_place_end_the_loading_as_the_whole_catalog_does() {
    for lang in [rungs::i18n::Lang::En, rungs::i18n::Lang::Zh] {
        let (dir, mut p, whole) = partial();
        let mut app = loading_app(&mut p, lang);
        let mut reference = whole_app(&whole, lang);
        let keys = "j j 3 Tab g j m j n";
        key_names(&mut app, keys);
        assert_eq!(app.screen, Screen::Browse, "the gap view waits");
        let expected = key_names(&mut reference, keys);
        let effects = fill_in(&mut app, &dir, &p);
        assert_eq!(effects, expected, "the same effects, in order");
        assert_eq!(app.screen, Screen::Gap);
        assert_eq!(screen(&app), screen(&reference));
        key_names(&mut app, "Esc j");
        key_names(&mut reference, "Esc j");
        assert_eq!(screen(&app), screen(&reference));
    }

    let (dir, mut p, _whole) = partial();
    let mut app = loading_app(&mut p, rungs::i18n::Lang::En);
    key_names(&mut app, "/ d a t");
    let effects = fill_in(&mut app, &dir, &p);
    assert_eq!(searched(&effects), ["dat"]);
}

/// The whole load behind the first frame fails (a file broken while the
/// texts were being filled in): the banner says what is wrong, the
/// explorer stops loading with what it has (the skills whose texts did
/// not come say so), the keys that waited for the texts are dropped and
/// keys that need them do nothing, saying so (a gap view from skills
/// without texts would list other items), moving works, a query typed
/// meanwhile is asked of the index built on the catalog as it is, and a
/// valid catalog from the watcher ends it all.
#[test]
fn a_failed_load_is_told_and_the_explorer_goes_on_with_what_it_has() {
    let (dir, mut p, whole) = partial();
    let mut app = loading_app(&mut p, rungs::i18n::Lang::En);
    // Half the texts came before the failure, the rest did not.
    let mut sent: Vec<_> = shards_sent(&dir, &p).1.into_iter().flatten().collect();
    sent.truncate(sent.len() / 2);
    let came: Vec<usize> = sent.iter().map(|(i, _)| *i).collect();
    assert!(!came.is_empty());
    app.update(Action::TextsIn(sent));
    let missing = (app.catalog.profile(app.role).iter().copied())
        .find(|&i| !app.has_texts(i))
        .expect("a skill whose texts did not come");

    key_names(&mut app, "g j");
    assert_eq!(app.screen, Screen::Browse, "the gap view waits");
    let first = "skills/data-engineering/sql.toml:3:9: expected `=`".to_string();
    let effects = app.update(Action::LoadFailed {
        first: first.clone(),
        count: 2,
    });
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.loading.is_none(), "no longer loading");
    assert!(!app.holding());
    assert_eq!(app.screen, Screen::Browse, "the keys that waited dropped");
    assert_eq!(app.reload_error, Some((first, 2)));
    assert!(came.iter().all(|&i| app.has_texts(i)));
    assert!(!app.has_texts(missing), "still says its texts are not in");
    redraw(&mut app);
    let s = screen(&app);
    // What is shown is the skeletons, not a last valid catalog.
    assert!(
        s.contains("Catalog texts not all loaded, 2 problems"),
        "{s}"
    );
    assert!(!s.contains("last valid catalog"), "{s}");
    assert!(s.contains("The catalog's texts did not all load"), "{s}");
    // Moving acts at once; the gap view does nothing, and says why.
    let skill = app.skill;
    key_names(&mut app, "j");
    assert_eq!(app.skill, skill + 1);
    assert!(key_names(&mut app, "g").is_empty());
    assert_eq!(app.screen, Screen::Browse);
    assert!(app.loading.is_none() && !app.holding());
    // The watcher finding the file still broken is no key: the message
    // stays.
    app.update(Action::CatalogInvalid {
        first: "skills/data-engineering/sql.toml:3:9: expected `=`".into(),
        count: 1,
    });
    let s = screen(&app);
    assert!(s.contains("The catalog's texts did not all load"), "{s}");
    assert!(s.contains("Catalog texts not all loaded, 1 problem"), "{s}");
    // A skill whose texts did not come says so.
    assert!(app.select_skill_index(missing));
    redraw(&mut app);
    let s = screen(&app);
    assert!(s.contains("Its texts did not load"), "{s}");
    app.set_lang(rungs::i18n::Lang::Zh);
    key_names(&mut app, "g");
    let s = screen(&app);
    assert!(s.contains("其文本未能载入"), "{s}");
    assert!(s.contains("目录的文本未能全部载入"), "{s}");
    assert!(s.contains("目录文本未全部载入"), "{s}");
    app.set_lang(rungs::i18n::Lang::En);

    // A query typed while loading is asked when the load fails.
    let (_dir, mut p, _) = partial();
    let mut app = loading_app(&mut p, rungs::i18n::Lang::En);
    key_names(&mut app, "/ d a t");
    // A message from the start (as "not watching the catalog") is no key's:
    // the failure leaves it.
    app.status = Some("Not watching the catalog for changes".into());
    let effects = app.update(Action::LoadFailed {
        first: String::new(),
        count: 1,
    });
    assert_eq!(
        app.status.as_deref(),
        Some("Not watching the catalog for changes")
    );
    assert_eq!(searched(&effects), ["dat"]);

    // The watcher brings a valid catalog: banner and marks gone, and the
    // gap view opens.
    arrive(&mut app, &whole);
    assert_eq!(app.reload_error, None);
    assert!((0..app.catalog.skills.len()).all(|i| app.has_texts(i)));
    key_names(&mut app, "Esc g");
    assert_eq!(app.screen, Screen::Gap);
}

/// The selected skill's file changed after its skeleton was read: the
/// first frame does not take its new texts (they could disagree with the
/// skeleton's profile order and level counts): the skill says its texts
/// load, and the fill turns to the whole load, which brings them.
#[test]
fn a_selected_skill_changed_since_its_skeleton_waits_for_the_whole_load() {
    let (dir, mut p, _whole) = partial();
    let mut app = app_on(std::mem::take(&mut p.catalog));
    let (i, skill) = app.selected_skill().unwrap();
    let skeleton = skill.clone();
    let name = format!("{}.toml", skill.id);
    let file = std::fs::read_dir(dir.path().join("cat/skills"))
        .unwrap()
        .flatten()
        .map(|d| d.path().join(&name))
        .find(|f| f.is_file())
        .expect("the selected skill's file");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("summary = \"", "summary = \"Now: ", 1)).unwrap();

    app.start_from_skeletons(p.with_texts.clone(), &p.fill);
    assert!(!app.has_texts(i), "its texts wait");
    assert_eq!(app.catalog.skills[i], skeleton, "the skeleton as it was");
    assert!(!shards_sent(&dir, &p).0, "the whole load follows");
}
