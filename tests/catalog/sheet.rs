//! The spreadsheet round trip: export as CSV, import, check: the same
//! summary and the same `rungs show --format json` for every skill, on the
//! default catalog and on a generated 1,000-skill one; the wide form a
//! spreadsheet uses; and problems located at FILE:ROW:COLUMN.

use std::path::Path;

use rungs::catalog::{Catalog, load_embedded, load_path};
use rungs::cli::check::summary_line;
use rungs::report::profile::profile;
use rungs::sheet::{self, Source};

#[path = "../../benches/support/generate.rs"]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod generate;

/// Exports `c`, imports the CSV against `c`, writes the files into a
/// temporary folder and loads them.
fn round_trip(c: &Catalog) -> (Catalog, tempfile::TempDir) {
    let mut csv = Vec::new();
    sheet::export(c, &mut csv).unwrap();
    let imported = sheet::import(
        &Source {
            path: "ladder.csv",
            bytes: &csv,
        },
        c,
        None,
    )
    .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in &imported.files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let loaded = load_path(dir.path()).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    (loaded.catalog, dir)
}

fn assert_same(a: &Catalog, b: &Catalog) {
    assert_eq!(summary_line(a), summary_line(b));
    assert_eq!(a.skills.len(), b.skills.len());
    for (i, s) in a.skills.iter().enumerate() {
        let j = b
            .skill_index(&s.id)
            .unwrap_or_else(|| panic!("{} lost", s.id));
        let left = serde_json::to_value(profile(a, i, None).unwrap()).unwrap();
        let right = serde_json::to_value(profile(b, j, None).unwrap()).unwrap();
        assert_eq!(left, right, "{}", s.id);
    }
}

#[test]
fn the_default_catalog_survives_the_round_trip() {
    let c = load_embedded().unwrap().catalog;
    let (back, _dir) = round_trip(&c);
    assert_same(&c, &back);
    // Names in other languages come back from the catalog imported against.
    assert_eq!(back.levels[0].i18n.names(), c.levels[0].i18n.names());
}

#[test]
fn a_generated_1000_skill_catalog_survives_the_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    generate::write_catalog(dir.path(), 1000).unwrap();
    let c = load_path(dir.path()).unwrap().catalog;
    let (back, _out) = round_trip(&c);
    assert_same(&c, &back);
}

#[test]
fn the_fixture_ladders_survive_the_round_trip() {
    for rel in ["valid/cumulative-ladder", "valid/proficiency-ladder.toml"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel);
        let c = load_path(&path).unwrap().catalog;
        let (back, _dir) = round_trip(&c);
        assert_same(&c, &back);
        assert_eq!(back.counts().behaviours, c.counts().behaviours, "{rel}");
    }
}

const WIDE: &str = "skill,domain,Engineer 1,Engineer 2,Senior Engineer 1\r\n\
Communication,People,\"- Asks for help when stuck\n  e.g. Posted the error and the steps tried\n- Gives clear updates\",\"Gives feedback to peers.\",\n\
=Formula skill,People,'=SUM(A1),,\n\
沟通,People,Listens,,\"Explains to any audience:\n- Adapts the words\n- Checks understanding\"\n";

#[test]
fn a_wide_sheet_becomes_a_catalog_with_its_levels_in_order() {
    let base = load_embedded().unwrap().catalog;
    let imported = sheet::import(
        &Source {
            path: "wide.csv",
            bytes: WIDE.as_bytes(),
        },
        &base,
        Some("engineer"),
    )
    .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    let c = rungs::catalog::load_str("wide", &imported.one_file)
        .unwrap_or_else(|e| panic!("{:#?}\n{}", e.diagnostics, imported.one_file))
        .catalog;
    let levels: Vec<(&str, &str)> = c
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.name.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            ("engineer-1", "Engineer 1"),
            ("engineer-2", "Engineer 2"),
            ("senior-engineer-1", "Senior Engineer 1")
        ]
    );
    assert_eq!(c.roles[0].id, "engineer");
    let ids: Vec<&str> = c.skills.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["communication", "formula-skill", "skill-1"]);
    assert_eq!(c.skills[1].name, "=Formula skill", "no guard was written");
    assert_eq!(
        &*c.skills[1].cell(0, 0).unwrap().text,
        "=SUM(A1)",
        "the guard is stripped"
    );
    let comm = c.skills[0].cell(0, 0).unwrap();
    assert_eq!(comm.behaviours().len(), 2);
    assert_eq!(
        comm.behaviours()[0].examples,
        ["Posted the error and the steps tried"]
    );
    let senior = c.skills[2].cell(0, 2).unwrap();
    assert_eq!(senior.intro(), "Explains to any audience:");
    assert_eq!(senior.behaviours().len(), 2);
    assert!(
        c.skills
            .iter()
            .all(|s| s.cell(0, 0).unwrap().necessity == rungs::catalog::Necessity::Optional)
    );
}

#[test]
fn bad_rows_are_located_and_nothing_is_made() {
    let base = load_embedded().unwrap().catalog;
    let csv = "skill_id,skill,domain,cumulative,role,level,necessity,proficiency,text,behaviours,examples\n\
ok,OK,Data Engineering,false,Data Scientist,Junior,optional,,Fine.,,\n\
bad,Bad,Data Engineering,maybe,Data Scientist,Junior,mandatory,,Text,,\n\
dup,Dup,Data Engineering,,Data Scientist,Junior,,,,\"a\na\",\n\
ok,OK,Data Engineering,,Data Scientist,Junior,,,Again.,,\n\
empty,Empty,Data Engineering,,Data Scientist,Junior,,,,,\n";
    let e = sheet::import(
        &Source {
            path: "bad.csv",
            bytes: csv.as_bytes(),
        },
        &base,
        None,
    )
    .unwrap_err();
    let got: Vec<String> = e.diagnostics.iter().map(|d| d.headline()).collect();
    let want = [
        "bad.csv:3:4: error: `cumulative` is `maybe`",
        "bad.csv:3:7: error: unknown necessity `mandatory`",
        "bad.csv:4:10: error: duplicate behaviour `a` in one expectation",
        "bad.csv:5:9: error: skill `ok` already has an expectation for Data Scientist at Junior",
        "bad.csv:6:9: error: the row has no text and no behaviours",
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(want) {
        assert!(g.starts_with(w), "{g}\nshould start with\n{w}");
    }
}
