//! Live reload when the catalog is replaced on disk (issue 16, point 15):
//! its folder moved away and copied back, removed and made again, or
//! regenerated and renamed into place; a one-file catalog's folder
//! replaced; a catalog reached through a symlink, and the link re-pointed.
//! Each drives the real watcher on real folders and asserts that an edit
//! made after the replacement is seen, waiting for it with a deadline (CI
//! is a loaded two-core machine), never with sleeps that assume a speed.
//! Plus the banner shown while the catalog is gone, at 80×24.

use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use rungs::catalog::{Catalog, load_path};
use rungs::i18n::Lang;
use rungs::tui::action::{Action, Gone};
use rungs::tui::app::App;
use rungs::tui::events::{AppEvent, spawn_watcher};
use rungs::tui::theme::Theme;

use crate::support::screen;

/// How long a change may take to be seen on a loaded CI machine.
const PATIENCE: Duration = Duration::from_secs(10);

const ROOT: &str = r#"title = "Replaced"
[[levels]]
id = "junior"
name = "Junior"
[[roles]]
id = "dev"
name = "Developer"
[[domains]]
id = "d"
name = "D"
"#;

/// One skill file of a folder catalog.
fn skill(id: &str, text: &str) -> String {
    format!(
        "id = \"{id}\"\nname = \"{id}\"\ndomain = \"d\"\n[expectations.dev]\njunior = \"{text}\"\n"
    )
}

/// A one-file catalog whose skill `alpha` says `text`.
fn one_file(text: &str) -> String {
    format!(
        "{ROOT}[[skills]]\nid = \"alpha\"\nname = \"alpha\"\ndomain = \"d\"\n\
         [skills.expectations.dev]\njunior = \"{text}\"\n"
    )
}

/// Makes a folder catalog at `dir` whose skill `alpha` says `text`.
fn make_folder(dir: &Path, text: &str) {
    std::fs::create_dir_all(dir.join("skills/sub")).unwrap();
    std::fs::write(dir.join("catalog.toml"), ROOT).unwrap();
    std::fs::write(dir.join("skills/sub/alpha.toml"), skill("alpha", text)).unwrap();
    std::fs::write(dir.join("skills/beta.toml"), skill("beta", "b")).unwrap();
}

/// Saves like an editor does: a temporary file renamed over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// Edits skill `alpha` of the folder catalog at `dir`.
fn edit_folder(dir: &Path, text: &str) {
    save(&dir.join("skills/sub/alpha.toml"), &skill("alpha", text));
}

/// `cp -r from to`.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// What skill `alpha` says.
fn alpha(catalog: &Catalog) -> String {
    let i = catalog.skill_index("alpha").unwrap();
    catalog.skills[i].cell(0, 0).unwrap().text.to_string()
}

/// Waits for a reload in which `alpha` says `text`; reloads of anything
/// else before it are passed over (a folder copied back may be loaded
/// half-copied first). Panics with what came instead after [`PATIENCE`].
fn wait_for(rx: &Receiver<AppEvent>, text: &str) {
    let deadline = Instant::now() + PATIENCE;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(AppEvent::Reloaded(loaded)) => match *loaded {
                Ok(l) if alpha(&l.catalog) == text => return,
                Ok(l) => seen.push(alpha(&l.catalog)),
                Err(e) => seen.push(format!("invalid: {}", e.diagnostics[0].message)),
            },
            Ok(AppEvent::CatalogGone(gone)) => seen.push(format!("gone: {}", gone.path)),
            Ok(_) => {}
            Err(_) => panic!("no reload showing `{text}` within {PATIENCE:?}; saw {seen:?}"),
        }
    }
}

/// Waits for the watcher to say the catalog is gone.
fn wait_gone(rx: &Receiver<AppEvent>) -> Gone {
    let deadline = Instant::now() + PATIENCE;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(AppEvent::CatalogGone(gone)) => return gone,
            Ok(AppEvent::Reloaded(loaded)) => seen.push(match *loaded {
                Ok(l) => alpha(&l.catalog),
                Err(e) => format!("invalid: {}", e.diagnostics[0].message),
            }),
            Ok(_) => {}
            Err(_) => panic!("not told the catalog is gone within {PATIENCE:?}; saw {seen:?}"),
        }
    }
}

#[test]
fn a_folder_moved_away_and_copied_back_is_watched_again() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = tmp.path().join("catalog");
    make_folder(&catalog, "v1");
    let (tx, rx) = mpsc::channel();
    let _watcher = spawn_watcher(&catalog, tx).unwrap();

    let old = tmp.path().join("catalog.old");
    std::fs::rename(&catalog, &old).unwrap();
    copy_folder(&old, &catalog);
    edit_folder(&catalog, "v2");
    wait_for(&rx, "v2");
    // Edits to the copy keep being seen, not just the first.
    edit_folder(&catalog, "v3");
    wait_for(&rx, "v3");
    edit_folder(&catalog, "v4");
    wait_for(&rx, "v4");
}

#[test]
fn a_folder_removed_is_reported_gone_and_watched_when_made_again() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = tmp.path().join("catalog");
    make_folder(&catalog, "v1");
    let mut app = App::new(load_path(&catalog).unwrap().catalog);
    let (tx, rx) = mpsc::channel();
    let _watcher = spawn_watcher(&catalog, tx).unwrap();

    std::fs::remove_dir_all(&catalog).unwrap();
    let gone = wait_gone(&rx);
    assert!(gone.folder);
    assert_eq!(gone.path, catalog.display().to_string());
    app.update(Action::CatalogGone(gone));
    assert!(app.catalog_gone.is_some());
    assert_eq!(alpha(&app.catalog), "v1", "the last loaded catalog stays");

    make_folder(&catalog, "v2");
    wait_for(&rx, "v2");
    edit_folder(&catalog, "v3");
    wait_for(&rx, "v3");

    // Removed and made again at once, faster than the watcher looks: the
    // old folder's watch is dead, and the new one is watched all the same.
    std::fs::remove_dir_all(&catalog).unwrap();
    make_folder(&catalog, "v4");
    wait_for(&rx, "v4");
    edit_folder(&catalog, "v5");
    wait_for(&rx, "v5");
}

#[test]
fn a_regenerated_folder_renamed_into_place_is_watched() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = tmp.path().join("catalog");
    make_folder(&catalog, "v1");
    let (tx, rx) = mpsc::channel();
    let _watcher = spawn_watcher(&catalog, tx).unwrap();

    // What a generator does: build beside, swap in, remove the old one.
    for (round, text) in ["v2", "v3"].into_iter().enumerate() {
        let new = tmp.path().join(format!("catalog.new{round}"));
        let old = tmp.path().join(format!("catalog.old{round}"));
        make_folder(&new, text);
        std::fs::rename(&catalog, &old).unwrap();
        std::fs::rename(&new, &catalog).unwrap();
        std::fs::remove_dir_all(&old).unwrap();
        wait_for(&rx, text);
    }
    edit_folder(&catalog, "v4");
    wait_for(&rx, "v4");
}

#[test]
fn a_one_file_catalogs_folder_replaced_or_removed_is_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("ladder");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("catalog.toml");
    std::fs::write(&file, one_file("v1")).unwrap();
    let (tx, rx) = mpsc::channel();
    let _watcher = spawn_watcher(&file, tx).unwrap();

    // Moved away, a new folder in its place.
    std::fs::rename(&folder, tmp.path().join("ladder.old")).unwrap();
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(&file, one_file("v2")).unwrap();
    wait_for(&rx, "v2");
    save(&file, &one_file("v3"));
    wait_for(&rx, "v3");

    // Removed: the file is named as gone; back: loaded and watched.
    std::fs::remove_dir_all(&folder).unwrap();
    let gone = wait_gone(&rx);
    assert!(!gone.folder);
    assert_eq!(gone.path, file.display().to_string());
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(&file, one_file("v4")).unwrap();
    wait_for(&rx, "v4");
    save(&file, &one_file("v5"));
    wait_for(&rx, "v5");
}

#[cfg(unix)]
#[test]
fn a_symlinked_catalog_is_watched_at_its_target() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();

    // A link to a one-file catalog in another folder.
    std::fs::create_dir(tmp.path().join("real")).unwrap();
    let target = tmp.path().join("real/ladder.toml");
    std::fs::write(&target, one_file("v1")).unwrap();
    let link = tmp.path().join("catalog.toml");
    symlink(&target, &link).unwrap();
    let (tx, rx) = mpsc::channel();
    let _file_watcher = spawn_watcher(&link, tx).unwrap();
    save(&target, &one_file("v2"));
    wait_for(&rx, "v2");
    save(&target, &one_file("v3"));
    wait_for(&rx, "v3");

    // A link to a folder catalog.
    let folder = tmp.path().join("real/folder");
    make_folder(&folder, "f1");
    let link = tmp.path().join("folder-link");
    symlink(&folder, &link).unwrap();
    let (tx, rx) = mpsc::channel();
    let _folder_watcher = spawn_watcher(&link, tx).unwrap();
    edit_folder(&folder, "f2");
    wait_for(&rx, "f2");
}

#[cfg(unix)]
#[test]
fn a_re_pointed_symlink_is_followed_to_its_new_target() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    for (name, text) in [("a", "a1"), ("b", "b1")] {
        std::fs::create_dir(tmp.path().join(name)).unwrap();
        std::fs::write(tmp.path().join(name).join("catalog.toml"), one_file(text)).unwrap();
    }
    let link = tmp.path().join("current.toml");
    symlink(tmp.path().join("a/catalog.toml"), &link).unwrap();
    let (tx, rx) = mpsc::channel();
    let _watcher = spawn_watcher(&link, tx).unwrap();

    // `ln -sfn b/catalog.toml current.toml`: a new link renamed over.
    let new_link = tmp.path().join("current.toml.new");
    symlink(tmp.path().join("b/catalog.toml"), &new_link).unwrap();
    std::fs::rename(&new_link, &link).unwrap();
    wait_for(&rx, "b1");
    save(&tmp.path().join("b/catalog.toml"), &one_file("b2"));
    wait_for(&rx, "b2");
}

/// The default catalog in `lang` at 80×24, after the watcher said the
/// catalog is gone.
fn gone_screen(lang: Lang, gone: Gone) -> String {
    let mut app = App::new(crate::support::default_catalog());
    app.theme = Theme::mono();
    app.set_lang(lang);
    app.update(Action::Resize(80, 24));
    app.update(Action::CatalogGone(gone));
    screen(&app)
}

#[test]
fn the_gone_banner_at_80x24_in_english_and_chinese() {
    let folder = Gone {
        path: "ladders/eng".into(),
        folder: true,
    };
    let s = gone_screen(Lang::En, folder.clone());
    let top = s.lines().next().unwrap();
    assert!(
        top.contains("⚠ Catalog folder ladders/eng is gone; showing the last loaded version"),
        "{top}"
    );
    insta::assert_snapshot!("gone_en", s);
    let s = gone_screen(Lang::Zh, folder);
    let top = s.lines().next().unwrap();
    assert!(
        top.contains("⚠ 目录文件夹 ladders/eng 已不存在；仍显示上次加载的版本"),
        "{top}"
    );
    insta::assert_snapshot!("gone_zh", s);

    // A long path gives way from its start; what the banner says stays.
    let long = Gone {
        path: format!("/home/someone/{}/ladder.toml", "deep/".repeat(20)),
        folder: false,
    };
    let s = gone_screen(Lang::En, long);
    let top = s.lines().next().unwrap();
    assert!(
        top.contains("⚠ Catalog file …")
            && top.contains("/ladder.toml is gone; showing the last loaded version"),
        "{top}"
    );

    // Back and loaded: the banner goes.
    let mut app = App::new(crate::support::default_catalog());
    app.update(Action::Resize(80, 24));
    app.update(Action::CatalogGone(Gone {
        path: "x".into(),
        folder: true,
    }));
    let again = rungs::catalog::load_embedded().unwrap().catalog;
    app.update(Action::CatalogReloaded(rungs::tui::action::NewCatalog(
        std::sync::Arc::new(again),
    )));
    assert!(app.catalog_gone.is_none());
    assert!(!screen(&app).contains("is gone"));
    // Back but invalid: the problem replaces the gone banner.
    app.update(Action::CatalogGone(Gone {
        path: "x".into(),
        folder: true,
    }));
    app.update(Action::CatalogInvalid {
        first: "catalog.toml:1:1: broken".into(),
        count: 1,
    });
    assert!(app.catalog_gone.is_none());
    assert!(screen(&app).contains("Catalog not reloaded, 1 problem"));
}
