//! Ladders as teams write them, in the explorer: behaviours as bullet
//! lists with their examples, proficiency beside the necessity, "includes
//! everything from" on cumulative skills, and the gap view listing what
//! each level adds (cumulative) or each behaviour's change (otherwise);
//! at 120×40 and 80×24, in English and Chinese.

use std::path::Path;

use rungs::catalog::{Date, load_path};
use rungs::i18n::Lang;
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::screens::Screen;
use rungs::tui::theme::Theme;

use crate::support::{key_names, keys, screen};

fn app(fixture: &str, lang: Lang, w: u16, h: u16) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid")
        .join(fixture);
    let mut app = App::new(load_path(&path).unwrap().catalog);
    app.theme = Theme::mono();
    app.set_lang(lang);
    app.today = Date {
        year: 2026,
        month: 11,
        day: 30,
    };
    app.update(Action::Resize(w, h));
    app
}

fn select(app: &mut App, skill: &str) {
    let i = app.catalog.skill_index(skill).unwrap();
    assert!(app.select_skill_index(i));
}

#[test]
fn detail_of_a_cumulative_bullet_skill() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut a = app("cumulative-ladder", lang, 120, 40);
        select(&mut a, "communication");
        keys(&mut a, "2");
        let s = screen(&a);
        let below = if lang == Lang::En {
            "includes everything from Engineer 1"
        } else {
            "包含工程师一级的全部要求"
        };
        assert!(s.contains(below), "{s}");
        assert!(s.contains("• Transparent about mistakes"), "{s}");
        insta::assert_snapshot!(format!("cumulative_detail_120x40_{tag}"), s);
    }
}

#[test]
fn gap_on_a_cumulative_skill_lists_only_additions_with_their_level() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        for (w, h) in [(120u16, 40u16), (80, 24)] {
            let mut a = app("cumulative-ladder", lang, w, h);
            select(&mut a, "communication");
            // Engineer 2 → Senior Engineer 2: two levels of additions.
            keys(&mut a, "2g]");
            assert_eq!(a.screen, Screen::Gap);
            // Required first, then by domain: Code Quality, Communication.
            key_names(&mut a, "Down");
            let g = a.gap.as_ref().unwrap();
            assert_eq!((g.gap.from, g.gap.to), (1, 3));
            assert!(g.gap.items.iter().all(|i| i.cumulative));
            let s = screen(&a);
            assert!(
                !s.contains('−'),
                "nothing is removed on a cumulative skill:\n{s}"
            );
            if (w, lang) == (120, Lang::En) {
                assert!(
                    s.contains(
                        "+ Writes design documents others can review asynchronously (new at"
                    ),
                    "{s}"
                );
            }
            insta::assert_snapshot!(format!("cumulative_gap_{w}x{h}_{tag}"), s);
        }
    }
}

#[test]
fn gap_on_a_proficiency_ladder_diffs_behaviours() {
    for (w, h) in [(120u16, 40u16), (80, 24)] {
        let mut a = app("proficiency-ladder.toml", Lang::En, w, h);
        select(&mut a, "sql");
        keys(&mut a, "2g");
        let g = a.gap.as_ref().unwrap();
        let item = &g.gap.items[0];
        let kinds: Vec<&str> = item.behaviours.iter().map(|b| b.as_str()).collect();
        assert_eq!(
            kinds,
            ["kept", "removed", "added", "added"],
            "{:?}",
            item.behaviours
        );
        let s = screen(&a);
        if w == 120 {
            assert!(s.contains("● required · Advanced"), "{s}");
            assert!(s.contains("− Reads query plans to find slow joins"), "{s}");
        }
        insta::assert_snapshot!(format!("proficiency_gap_{w}x{h}"), s);
    }
}

/// `b` on a cumulative skill: the detail pane, the profile and the gap
/// view show everything expected up to the level, each inherited
/// behaviour naming the level that added it; `b` again shows only the
/// level's additions. The state is on screen either way, with its key.
#[test]
fn the_union_key_shows_everything_up_to_the_level_and_back() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        for (w, h) in [(120u16, 40u16), (80, 24)] {
            let mut a = app("cumulative-ladder", lang, w, h);
            select(&mut a, "communication");
            // Senior Engineer 1: Engineer 1 and 2 below it.
            keys(&mut a, "3");
            let only = screen(&a);
            keys(&mut a, "b");
            assert!(a.union);
            let all = screen(&a);
            if lang == Lang::En {
                assert!(
                    only.contains("includes everything from Engineer 2 · b shows")
                        && only.contains("b all levels"),
                    "the state and the key, in the pane and the hints: {only}"
                );
                assert!(!only.contains("(from Engineer 1)"), "{only}");
                assert!(
                    all.contains(
                        "Each level shows all it expects, from the first up (b: only additions)."
                    ),
                    "{all}"
                );
                if w == 120 {
                    assert!(
                        all.contains(
                            "all that Senior Engineer 1 expects, from Engineer 1 up · b shows only what"
                        ),
                        "{all}"
                    );
                    assert!(
                        all.contains("• Gives clear updates at stand-up (from Engineer 1)"),
                        "{all}"
                    );
                    assert!(
                        all.contains("• Transparent about mistakes (from Engineer 2)"),
                        "{all}"
                    );
                    // The level's own additions follow, untagged.
                    assert!(
                        all.contains("• Adapts how they explain to the audience")
                            && !all.contains("audience (from"),
                        "{all}"
                    );
                }
            } else if w == 120 {
                assert!(all.contains("（来自工程师一级）"), "{all}");
            }
            insta::assert_snapshot!(format!("union_detail_{w}x{h}_{tag}"), all);

            // The full profile: the selected row's text below the table.
            key_names(&mut a, "Enter");
            assert_eq!(a.screen, Screen::Profile);
            if w == 120 {
                let s = screen(&a);
                if lang == Lang::En {
                    assert!(s.contains("(from Engineer 2)"), "{s}");
                }
                insta::assert_snapshot!(format!("union_profile_{w}x{h}_{tag}"), s);
            }
            key_names(&mut a, "Esc");

            // The gap from Senior Engineer 1: what it already expects.
            keys(&mut a, "g");
            assert_eq!(a.screen, Screen::Gap);
            key_names(&mut a, "Down");
            let s = screen(&a);
            if (w, lang) == (120, Lang::En) {
                assert!(
                    s.contains(
                        "everything Senior Engineer 1 already expects, from Engineer 1 up · b"
                    ),
                    "{s}"
                );
                assert!(
                    s.contains(
                        "• Adapts how they explain to the audience (from Senior Engineer 1)"
                    ),
                    "{s}"
                );
            }
            insta::assert_snapshot!(format!("union_gap_{w}x{h}_{tag}"), s);
            keys(&mut a, "b");
            assert!(!a.union);
            let s = screen(&a);
            if (w, lang) == (120, Lang::En) {
                assert!(
                    s.contains("includes everything from Senior Engineer 1 · b shows it all"),
                    "{s}"
                );
                assert!(!s.contains("(from Engineer 1)"), "{s}");
            }
        }
    }
}

/// The union under `--ascii`: every cell drawn is ASCII.
#[test]
fn the_union_in_ascii() {
    let mut a = app("cumulative-ladder", Lang::En, 80, 24);
    a.set_symbols(rungs::tui::symbols::Symbols::ASCII);
    select(&mut a, "communication");
    keys(&mut a, "3b");
    let s = screen(&a);
    assert!(s.is_ascii(), "{s}");
    assert!(s.contains("- Asks for help when stuck"), "{s}");
    keys(&mut a, "g");
    key_names(&mut a, "Down");
    let s = screen(&a);
    assert!(s.is_ascii(), "{s}");
}

/// The detail pane on a proficiency-per-cell ladder: the proficiency beside
/// the necessity, behaviours as bullets, and "how it grows" with each
/// level's whole expectation.
#[test]
fn detail_of_a_proficiency_ladder() {
    for (w, h) in [(120u16, 40u16), (80, 24)] {
        let mut a = app("proficiency-ladder.toml", Lang::En, w, h);
        select(&mut a, "sql");
        keys(&mut a, "2");
        let s = screen(&a);
        insta::assert_snapshot!(format!("proficiency_detail_{w}x{h}"), s);
    }
}
