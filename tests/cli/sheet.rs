//! `rungs export --format csv` and `rungs import csv` through the binary:
//! the round trip on the default catalog, standard output, `--force`, a
//! wide sheet with `--role`, and bad rows that write nothing.

use crate::support::{rungs, stdout_of};

#[test]
fn export_import_check_and_show_agree_with_the_default_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ladder.csv");
    let cat = dir.path().join("ladder");
    let csv_s = csv.to_str().unwrap();
    let cat_s = cat.to_str().unwrap();
    assert_eq!(
        stdout_of(&["export", "--format", "csv", "--out", csv_s]),
        ""
    );
    assert_eq!(
        std::fs::read(&csv).unwrap(),
        stdout_of(&["export", "--format", "csv"]).into_bytes(),
        "--out and standard output write the same"
    );
    let summary = stdout_of(&["check"]);
    let imported = stdout_of(&["import", "csv", csv_s, "--out", cat_s]);
    assert!(imported.starts_with(&summary), "{imported}");
    assert!(
        imported.ends_with(&format!("wrote 28 files to {cat_s}\n")),
        "{imported}"
    );
    assert_eq!(stdout_of(&["check", "--catalog", cat_s]), summary);
    let root = std::fs::read_to_string(cat.join("catalog.toml")).unwrap();
    assert!(
        root.contains("title = \"Data & ML Skills Matrix\"\n"),
        "{root}"
    );
    for skill in ["deep-learning", "llm-agents-tool-use", "sql"] {
        assert_eq!(
            stdout_of(&["show", skill, "--format", "json"]),
            stdout_of(&["--catalog", cat_s, "show", skill, "--format", "json"]),
            "{skill}"
        );
    }
    // The folder is not empty now: only --force writes into it again.
    let again = rungs()
        .args(["import", "csv", csv_s, "--out", cat_s])
        .assert()
        .code(2);
    let err = String::from_utf8(again.get_output().stderr.clone()).unwrap();
    assert!(err.contains("is not empty; use --force"), "{err}");
    stdout_of(&["import", "csv", csv_s, "--out", cat_s, "--force"]);
}

#[test]
fn a_wide_sheet_with_a_role_and_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let wide = dir.path().join("wide.csv");
    std::fs::write(
        &wide,
        "skill,domain,Junior,Senior\nTesting,Craft,Writes tests.,\"- Designs the test strategy\n- Reviews tests\"\n",
    )
    .unwrap();
    let out = dir.path().join("cat");
    let printed = stdout_of(&[
        "import",
        "csv",
        wide.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--role",
        "Engineer",
    ]);
    // Junior and Senior are the default catalog's levels (with their
    // Chinese names); the role and domain are new.
    assert!(
        printed.starts_with(
            "ok: 1 roles, 2 levels, 1 domains, 1 skills, 2 expectations (0 required, 2 optional), 2 behaviours\n"
        ),
        "{printed}"
    );
    let root = std::fs::read_to_string(out.join("catalog.toml")).unwrap();
    assert!(
        root.contains("id = \"junior\"\nname = \"Junior\"\nnames = { \"zh\" = \"初级\" }"),
        "{root}"
    );
    assert!(
        root.contains("id = \"engineer\"\nname = \"Engineer\""),
        "{root}"
    );
    assert!(out.join("skills/craft/testing.toml").is_file());
    // A new ladder is named after its sheet, not after the catalog whose
    // levels it borrowed; the round trip above keeps the default's title.
    assert!(root.contains("title = \"wide\"\n"), "{root}");
    assert!(!root.contains("Data & ML"), "{root}");

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "skill,domain,Junior\nTesting,,Writes tests.\n").unwrap();
    let nothing = dir.path().join("nothing");
    let run = rungs()
        .args(["import", "csv", bad.to_str().unwrap(), "--out"])
        .arg(&nothing)
        .args(["--role", "engineer"])
        .assert()
        .code(1);
    let err = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(
        err.starts_with(&format!(
            "{}:2:2: error: the domain is empty",
            bad.display()
        )),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!nothing.exists());
}

/// A wide sheet's optional `cumulative` column makes its skills
/// cumulative row by row: the root says so when every skill is, a skill
/// says so itself otherwise, and a bad value is located.
#[test]
fn a_wide_sheet_with_a_cumulative_column() {
    let dir = tempfile::tempdir().unwrap();
    let import = |name: &str, csv: &str| {
        let path = dir.path().join(format!("{name}.csv"));
        std::fs::write(&path, csv).unwrap();
        let out = dir.path().join(name);
        let printed = stdout_of(&[
            "import",
            "csv",
            path.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--role",
            "Engineer",
        ]);
        assert!(printed.starts_with("ok: "), "{printed}");
        out
    };
    let show = |cat: &std::path::Path, skill: &str| {
        let json = stdout_of(&[
            "--catalog",
            cat.to_str().unwrap(),
            "show",
            skill,
            "--format",
            "json",
        ]);
        serde_json::from_str::<serde_json::Value>(&json).unwrap()["cumulative"].clone()
    };

    let mixed = import(
        "mixed",
        "skill,domain,cumulative,Junior,Senior\n\
         Testing,Craft,true,- Writes tests,- Designs the test strategy\n\
         Design,Craft,no,Sketches a design.,Leads the design.\n\
         Review,Craft,,Reviews code.,Reviews designs.\n",
    );
    let root = std::fs::read_to_string(mixed.join("catalog.toml")).unwrap();
    assert!(!root.contains("cumulative"), "{root}");
    let testing = std::fs::read_to_string(mixed.join("skills/craft/testing.toml")).unwrap();
    assert!(testing.contains("cumulative = true\n"), "{testing}");
    assert_eq!(show(&mixed, "testing"), true);
    assert_eq!(show(&mixed, "design"), false);
    assert_eq!(show(&mixed, "review"), false);

    let all = import(
        "all",
        "skill,domain,Junior,Senior,cumulative\n\
         Testing,Craft,- Writes tests,- Designs the test strategy,TRUE\n\
         Design,Craft,Sketches a design.,Leads the design.,1\n",
    );
    let root = std::fs::read_to_string(all.join("catalog.toml")).unwrap();
    assert!(root.contains("cumulative = true\n"), "{root}");
    assert_eq!(show(&all, "design"), true);

    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "skill,domain,cumulative,Junior\nTesting,Craft,maybe,Writes tests.\n",
    )
    .unwrap();
    let run = rungs()
        .args(["import", "csv", bad.to_str().unwrap(), "--out"])
        .arg(dir.path().join("none"))
        .args(["--role", "engineer"])
        .assert()
        .code(1);
    let err = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(
        err.starts_with(&format!(
            "{}:2:3: error: `cumulative` is `maybe`; write true or false",
            bad.display()
        )),
        "{err}"
    );
}

/// Issue 13's "Done when": the fixture ladders in the style of the public
/// ones (a cumulative six-level ladder with bullet behaviours and examples,
/// a proficiency-per-cell ladder) show, diff and export.
#[test]
fn the_fixture_ladders_show_diff_and_export() {
    let valid = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let cumulative = valid.join("cumulative-ladder");
    let proficiency = valid.join("proficiency-ladder.toml");
    let (cum, prof) = (cumulative.to_str().unwrap(), proficiency.to_str().unwrap());

    let shown = stdout_of(&["--catalog", cum, "show", "communication"]);
    for line in [
        "Levels:   cumulative: each level adds to the ones below\n",
        "  Engineer: optional\n    - Proactively gives feedback upwards and sideways, not only to juniors\n      e.g. Told their lead the sprint plan ignored the on-call load\n",
    ] {
        assert!(shown.contains(line), "{shown}");
    }
    let shown = stdout_of(&["--catalog", prof, "show", "sql"]);
    assert!(
        shown.contains(
            "  Data Analyst: required · Intermediate\n    Writes efficient queries on their own.\n    - Uses window functions"
        ),
        "{shown}"
    );

    // A reworded behaviour diffs as one reworded line, in both shapes.
    let dir = tempfile::tempdir().unwrap();
    let new_prof = dir.path().join("new.toml");
    std::fs::write(
        &new_prof,
        std::fs::read_to_string(&proficiency).unwrap().replace(
            "Reads query plans to find slow joins",
            "Reads query plans to find slow joins and scans",
        ),
    )
    .unwrap();
    let new_cum = dir.path().join("cum");
    std::fs::create_dir_all(new_cum.join("skills")).unwrap();
    for file in [
        "catalog.toml",
        "skills/code-quality.toml",
        "skills/communication.toml",
    ] {
        let text = std::fs::read_to_string(cumulative.join(file)).unwrap();
        std::fs::write(
            new_cum.join(file),
            text.replace(
                "- Transparent about mistakes",
                "- Transparent about mistakes and near misses",
            ),
        )
        .unwrap();
    }
    for (old, new, line) in [
        (
            prof,
            new_prof.to_str().unwrap(),
            "      ~ Reads query plans to find slow joins{+ and scans+}\n",
        ),
        (
            cum,
            new_cum.to_str().unwrap(),
            "      ~ Transparent about mistakes{+ and near misses+}\n",
        ),
    ] {
        let run = rungs().args(["diff", old, new]).assert().code(1);
        let out = String::from_utf8(run.get_output().stdout.clone()).unwrap();
        assert!(out.contains(line), "{out}");
    }

    // Both export as a site, in both formats, and as CSV.
    for (catalog, skill, text) in [
        (cum, "communication", "Transparent about mistakes"),
        (prof, "sql", "Reads query plans to find slow joins"),
    ] {
        for (format, ext) in [("html", "html"), ("markdown", "md")] {
            let out = dir.path().join(format!("{skill}-{format}"));
            stdout_of(&[
                "--catalog",
                catalog,
                "export",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ]);
            let page = std::fs::read_to_string(out.join(format!("skills/{skill}.{ext}"))).unwrap();
            assert!(page.contains(text), "{page}");
        }
        let csv = stdout_of(&["--catalog", catalog, "export", "--format", "csv"]);
        assert!(csv.contains(text), "{csv}");
    }
}
