//! Catalog format 1.1 against its fixtures: a cumulative six-level ladder
//! written as bullet lines with `e.g.` examples, a proficiency-per-cell
//! ladder with `behaviours` and `examples`, names in other languages, and
//! every validation error of the new keys with its place.

use std::path::{Path, PathBuf};

use rungs::catalog::{Catalog, Loaded, Necessity, Severity, load_path};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn valid(rel: &str) -> Loaded {
    let loaded = load_path(&fixture(rel)).unwrap_or_else(|e| {
        panic!(
            "{rel}: {}",
            e.diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    loaded
}

fn behaviours(c: &Catalog, skill: &str, level: &str) -> Vec<(String, Vec<String>)> {
    let s = &c.skills[c.skill_index(skill).unwrap()];
    let cell = s.cell(0, c.level_index(level).unwrap()).unwrap();
    cell.behaviours()
        .iter()
        .map(|b| (b.text.clone(), b.examples.clone()))
        .collect()
}

#[test]
fn a_cumulative_bullet_ladder_reads_as_behaviours_with_examples() {
    let c = valid("valid/cumulative-ladder").catalog;
    assert!(c.cumulative);
    assert_eq!(c.levels.len(), 6);
    let comm = &c.skills[c.skill_index("communication").unwrap()];
    assert!(c.is_cumulative(comm), "the root's cumulative applies");
    assert_eq!(
        behaviours(&c, "communication", "eng2"),
        [
            (
                "Proactively gives feedback upwards and sideways, not only to juniors".to_string(),
                vec!["Told their lead the sprint plan ignored the on-call load".to_string()]
            ),
            (
                "Transparent about mistakes".to_string(),
                vec!["Wrote up an outage they caused, with what they changed".to_string()]
            ),
        ]
    );
    // The text is the behaviours, one `- ` line each, without examples, so
    // examples do not pollute diffs.
    let cell = comm.cell(0, 1).unwrap();
    assert_eq!(
        &*cell.text,
        "- Proactively gives feedback upwards and sideways, not only to juniors\n- Transparent about mistakes"
    );
    assert_eq!(cell.intro(), "");
    // An intro line before the bullets stays the intro.
    let cq = &c.skills[c.skill_index("code-quality").unwrap()];
    let cell = cq.cell(0, 0).unwrap();
    assert_eq!(cell.intro(), "Writes code that works and is tested.");
    assert_eq!(cell.behaviours().len(), 2);
    assert_eq!(c.counts().behaviours, 22);
    // Names in another language, shown after localize, found by lookup.
    assert_eq!(c.find_level("技术负责人"), c.find_level("tech-lead"));
    let mut zh = c.clone();
    zh.localize("zh");
    assert_eq!(zh.levels[4].name, "技术负责人");
    assert_eq!(zh.levels[4].written_name(), "Tech Lead");
    let comm = &zh.skills[zh.skill_index("communication").unwrap()];
    assert_eq!(comm.name, "沟通");
    assert_eq!(
        comm.summary.as_deref(),
        Some("在各个方向上分享信息和给出反馈。")
    );
    assert_eq!(comm.written_name(), "Communication");
}

#[test]
fn a_proficiency_ladder_keeps_intro_behaviours_examples_and_proficiency() {
    let c = valid("valid/proficiency-ladder.toml").catalog;
    assert!(!c.cumulative);
    let sql = &c.skills[0];
    let first = sql.cell(0, 0).unwrap();
    assert_eq!(first.proficiency(), Some("Foundational"));
    assert_eq!(
        first.examples(),
        ["A weekly sales report reviewed by a senior"]
    );
    assert!(first.behaviours().is_empty());
    let second = sql.cell(0, 1).unwrap();
    assert_eq!(second.necessity, Necessity::Required);
    assert_eq!(second.intro(), "Writes efficient queries on their own.");
    assert_eq!(
        &*second.text,
        "Writes efficient queries on their own.\n- Uses window functions and CTEs where they make queries clearer\n- Reads query plans to find slow joins"
    );
    assert_eq!(
        behaviours(&c, "sql", "senior")[2],
        (
            "Reviews others' SQL for correctness and cost".to_string(),
            vec!["Caught a fan-out join that doubled revenue in a dashboard".to_string()]
        )
    );
    assert_eq!(c.counts().behaviours, 8);
}

#[test]
fn every_problem_of_the_new_keys_is_located() {
    let path = fixture("invalid/behaviours.toml");
    let Err(e) = load_path(&path) else {
        panic!("the fixture should be invalid")
    };
    let got: Vec<(usize, usize, &str)> = e
        .diagnostics
        .iter()
        .inspect(|d| assert_eq!(d.severity, Severity::Error))
        .map(|d| (d.line, d.col, d.message.as_str()))
        .collect();
    let want: &[(usize, usize, &str)] = &[
        (1, 14, "`cumulative` must be true or false, found a string"),
        (6, 16, "`names.zh` must be a string, found an integer"),
        (11, 11, "invalid language `中文` in `names`"),
        (27, 31, "empty behaviour"),
        (
            27,
            35,
            "duplicate behaviour `Writes tests` in one expectation",
        ),
        (28, 28, "each example must be a string, found an integer"),
        (
            31,
            8,
            "`text` is a bullet list and `behaviours` is given too",
        ),
        (33, 15, "`proficiency` is empty"),
        (41, 10, "empty behaviour (bullet 2 of this text)"),
        (41, 10, "duplicate behaviour `Reviews code`"),
        (42, 10, "an expectation has no `text` or `behaviours`"),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0, g.1), (w.0, w.1), "{}", g.2);
        assert!(g.2.contains(w.2), "{} lacks {}", g.2, w.2);
    }
}

#[test]
fn a_v1_catalog_is_a_valid_1_1_catalog_with_the_same_summary() {
    // The fixtures of format 1 load unchanged and have no behaviours.
    let c = valid("valid/dir-catalog").catalog;
    assert_eq!(c.counts().behaviours, 0);
    assert!(!c.cumulative);
    assert!(c.skills.iter().all(|s| s.cumulative.is_none()));
}
