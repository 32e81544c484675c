//! The `rungs gap` subcommand: formats, defaults, review files, mismatched
//! flags, exit codes.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use rungs::catalog::Date;
use rungs::review::{Assessment, Mark, Review};

use crate::support::{json_of, rungs, stdout_of, whole};

/// Runs `args`, expects `code` and nothing on stdout, returns stderr.
fn fails(args: &[&str], code: i32) -> String {
    let out = rungs().args(args).assert().code(code).stdout("");
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// A JSON gap's counts: assessed, met, partly, not yet (each a whole
/// number in the JSON).
fn counts(v: &serde_json::Value) -> [u64; 4] {
    ["assessed", "met", "partly", "not_yet"].map(|k| v["counts"][k].as_u64().unwrap())
}

/// The same gap as Markdown (the default) and as JSON.
fn markdown_and_json(args: &[&str]) -> (String, serde_json::Value) {
    let json: Vec<&str> = args.iter().copied().chain(["--format", "json"]).collect();
    (stdout_of(args), json_of(&json))
}

fn embedded() -> rungs::catalog::Catalog {
    rungs::catalog::load_embedded().unwrap().catalog
}

/// The current Lead text of `skill` for data scientists.
fn lead_text(skill: &str) -> String {
    let c = embedded();
    let s = &c.skills[c.skill_index(skill).unwrap()];
    let (ds, lead) = (
        c.role_index("data-scientist").unwrap(),
        c.level_index("lead").unwrap(),
    );
    s.cell(ds, lead).unwrap().text.to_string()
}

/// A senior → lead review of a data scientist, written to `dir/name`: SQL
/// met, Data Quality partly (assessed against older text), Python not yet.
fn write_review(dir: &Path, name: &str) -> PathBuf {
    let mut r = Review::new(
        "data-scientist",
        "senior",
        "lead",
        "Data & ML Skills Matrix",
        Date {
            year: 2026,
            month: 3,
            day: 4,
        },
    );
    r.items.insert(
        "sql".into(),
        Assessment {
            mark: Some(Mark::Met),
            note: "owns the warehouse style guide".into(),
            expectation: lead_text("sql"),
            ..Assessment::default()
        },
    );
    r.items.insert(
        "data-quality".into(),
        Assessment {
            mark: Some(Mark::Partly),
            note: "contracts drafted, not signed".into(),
            expectation: "An older wording of the lead expectation.".into(),
            ..Assessment::default()
        },
    );
    r.items.insert(
        "python-engineering".into(),
        Assessment {
            mark: Some(Mark::NotYet),
            note: String::new(),
            expectation: lead_text("python-engineering"),
            ..Assessment::default()
        },
    );
    let path = dir.join(name);
    std::fs::write(&path, r.to_toml()).unwrap();
    path
}

#[test]
fn markdown_is_the_default_and_reads_as_minutes() {
    let out = stdout_of(&["gap", "--role", "data-scientist", "--from", "senior"]);
    assert_eq!(
        out,
        stdout_of(&[
            "gap",
            "--role",
            "Data Scientist",
            "--from",
            "3",
            "--to",
            "lead",
            "--format",
            "markdown"
        ]),
        "names, numbers and the default --to give the same report"
    );
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("# Promotion review: Data Scientist · Senior → Lead")
    );
    assert!(out.contains("\n**Catalog:** Data & ML Skills Matrix · **Date:** "));
    assert!(out.contains(" changes** · "), "{out}");
    assert!(out.contains("\n## 1. "));
    assert!(out.contains("\n**Senior** (") && out.contains("\n**Lead** ("));
    assert!(!out.contains("**Mark:**"), "no review, no marks");
    // The date is today's, as YYYY-MM-DD.
    let date = out.split("**Date:** ").nth(1).unwrap();
    let date = &date[..10];
    assert!(
        date.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 {
            c == '-'
        } else {
            c.is_ascii_digit()
        }),
        "{date}"
    );
}

#[test]
fn text_format_is_plain() {
    let out = stdout_of(&[
        "gap",
        "--role",
        "data-scientist",
        "--from",
        "senior",
        "--format",
        "text",
    ]);
    assert!(out.starts_with("Promotion review: Data Scientist · Senior → Lead\nCatalog: "));
    assert!(out.contains("\n1. "));
    assert!(out.contains("\n   Lead ("));
    assert!(!out.contains('\u{1b}') && !out.contains("**") && !out.contains("## "));
}

#[test]
fn json_format_has_the_documented_keys_in_order() {
    let out = stdout_of(&[
        "gap",
        "--role",
        "data-scientist",
        "--from",
        "junior",
        "--to",
        "senior",
        "--format",
        "json",
    ]);
    let at = |key: &str| out.find(&format!("\n  \"{key}\": ")).unwrap();
    let order = [
        "schema", "role", "from", "to", "catalog", "date", "counts", "items",
    ];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], 2);
    assert_eq!(v["from"]["id"], "junior");
    assert_eq!(v["to"]["id"], "senior");
    let items = v["items"].as_array().unwrap();
    assert_eq!(v["counts"]["changes"], items.len());
    let required = items.iter().filter(|i| i["required"] == true).count();
    assert_eq!(v["counts"]["required"], required);
    for i in items {
        let path = i["path"].as_array().unwrap();
        assert_eq!(path.len(), 1, "middle lies between");
        assert_eq!(path[0]["level"]["id"], "middle");
        assert!(i["mark"].is_null() && i["note"].is_null() && i["stale"] == false);
        assert!(
            ["new", "dropped", "becomes-required", "changed"]
                .contains(&i["change"].as_str().unwrap())
        );
    }
    assert!(
        items
            .iter()
            .any(|i| i["change"] == "new" && i["from"].is_null())
    );
}

#[test]
fn review_file_supplies_role_levels_marks_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_review(dir.path(), "ana.toml");
    let file = path.to_str().unwrap();
    let md = stdout_of(&["gap", "--review", file]);
    assert!(md.starts_with("# Promotion review: Data Scientist · Senior → Lead\n"));
    assert!(md.contains("**Date:** 2026-03-04"), "the review's date");
    assert!(
        md.contains(" · assessed 3/") && md.contains(" · 1 met · 1 partly · 1 not yet\n"),
        "{md}"
    );
    assert!(md.contains("\n**Mark:** met\n\n**Note:** owns the warehouse style guide\n"));
    assert!(md.contains("\n**Mark:** partly\n\n**Note:** contracts drafted, not signed\n"));
    assert!(md.contains("\n**Mark:** not yet\n"));
    assert_eq!(
        md.matches("⚠ the catalog text changed since it was assessed")
            .count(),
        1
    );
    assert!(md.contains("> An older wording of the lead expectation.\n"));

    // Matching flags are fine and change nothing.
    assert_eq!(
        md,
        stdout_of(&[
            "gap",
            "--review",
            file,
            "--role",
            "Data Scientist",
            "--from",
            "senior",
            "--to",
            "4"
        ])
    );

    let v = json_of(&["gap", "--review", file, "--format", "json"]);
    assert_eq!(v["date"], "2026-03-04");
    assert_eq!(counts(&v), [3, 1, 1, 1]);
    let item = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["skill"]["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(item("sql")["mark"], "met");
    assert_eq!(item("sql")["note"], "owns the warehouse style guide");
    assert_eq!(item("sql")["stale"], false);
    assert_eq!(item("data-quality")["stale"], true);
    assert_eq!(item("python-engineering")["mark"], "not-yet");
    assert!(item("python-engineering")["note"].is_null());

    let text = stdout_of(&["gap", "--review", file, "--format", "text"]);
    assert!(text.contains("   Mark: met\n   Note: owns the warehouse style guide\n"));
    assert!(text.contains("⚠ the catalog text changed since it was assessed"));
}

#[test]
fn flags_that_contradict_the_review_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_review(dir.path(), "ana.toml");
    let file = path.to_str().unwrap();
    let err = fails(&["gap", "--review", file, "--from", "middle"], 2);
    assert!(
        err.starts_with("error: --from middle does not match the review's from level senior in "),
        "{err}"
    );
    assert!(err.contains("leave --from out"), "{err}");
    let err = fails(&["gap", "--review", file, "--role", "llm-engineer"], 2);
    assert!(err.contains("--role llm-engineer does not match the review's role data-scientist"));
    let err = fails(&["gap", "--review", file, "--to", "principal"], 2);
    assert!(err.contains("the review's target level lead"), "{err}");
}

#[test]
fn missing_and_invalid_review_files_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let err = fails(&["gap", "--review", missing.to_str().unwrap()], 1);
    assert!(err.starts_with("error: no such review file: "), "{err}");
    assert!(!missing.exists(), "nothing is created");

    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "role = \"data-scientist\"\nfrom = \"senior\"\nto = \"lead\"\ndate = 2026-03-04\n\n\
         [[items]]\nskill = \"sql\"\nmark = \"done\"\n",
    )
    .unwrap();
    let err = fails(&["gap", "--review", bad.to_str().unwrap()], 1);
    let headline = format!("{}:8:", bad.display());
    assert!(err.starts_with(&headline), "{err}");
    assert!(err.contains("unknown mark `done`; valid marks: met, partly, not-yet"));
    assert!(err.contains("8 | mark = \"done\""), "snippet: {err}");

    let unknown = dir.path().join("unknown.toml");
    std::fs::write(
        &unknown,
        "role = \"astronaut\"\nfrom = \"senior\"\nto = \"lead\"\ndate = 2026-03-04\n",
    )
    .unwrap();
    let err = fails(&["gap", "--review", unknown.to_str().unwrap()], 1);
    assert!(err.contains("unknown role `astronaut`"), "{err}");
}

#[test]
fn unknown_or_wrong_levels_and_roles_exit_2() {
    let err = fails(&["gap", "--role", "astronaut", "--from", "senior"], 2);
    assert!(
        err.starts_with("error: unknown role `astronaut`; valid roles: data-scientist"),
        "{err}"
    );
    let err = fails(&["gap", "--role", "data-scientist", "--from", "guru"], 2);
    assert!(err.starts_with("error: unknown level `guru`"), "{err}");
    assert!(err.contains("senior (Senior, 3)"), "{err}");
    let err = fails(
        &[
            "gap",
            "--role",
            "data-scientist",
            "--from",
            "lead",
            "--to",
            "middle",
        ],
        2,
    );
    insta::assert_snapshot!("to_below_from", whole(err.as_bytes()));
    let err = fails(
        &["gap", "--role", "data-scientist", "--from", "principal"],
        2,
    );
    assert!(err.contains("highest level"), "{err}");
    let err = fails(&["gap", "--from", "senior"], 2);
    assert!(err.starts_with("error: --role is required"), "{err}");
    let err = fails(&["gap", "--role", "data-scientist"], 2);
    assert!(err.starts_with("error: --from is required"), "{err}");
    rungs()
        .args([
            "gap",
            "--role",
            "data-scientist",
            "--from",
            "senior",
            "--format",
            "pdf",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'pdf'"));
}

#[test]
fn top_level_role_flag_and_level_work_as_defaults() {
    assert_eq!(
        stdout_of(&["--role", "data-scientist", "--level", "senior", "gap"]),
        stdout_of(&["gap", "--role", "data-scientist", "--from", "senior"])
    );
}

/// A catalog where nothing changes between the two levels.
#[test]
fn zero_changes_still_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flat.toml");
    std::fs::write(
        &path,
        r#"
[[levels]]
id = "one"
name = "One"
[[levels]]
id = "two"
name = "Two"
[[roles]]
id = "dev"
name = "Dev"
[[domains]]
id = "craft"
name = "Craft"
[[skills]]
id = "git"
name = "Git"
domain = "craft"
[skills.expectations.dev]
one = "Uses git."
two = "Uses git."
"#,
    )
    .unwrap();
    let catalog = path.to_str().unwrap();
    let (out, v) = markdown_and_json(&[
        "gap",
        "--catalog",
        catalog,
        "--role",
        "dev",
        "--from",
        "one",
    ]);
    assert!(
        out.contains("**0 changes** · 0 required · assessed 0/0\n"),
        "{out}"
    );
    assert!(out.contains("Nothing changes for Dev from One to Two."));
    assert_eq!(v["items"], serde_json::json!([]));
}

#[test]
fn invalid_catalog_exits_1() {
    rungs()
        .args([
            "gap",
            "--catalog",
            "tests/fixtures/invalid/bad-id.toml",
            "--role",
            "x",
            "--from",
            "y",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("error: catalog is not valid"));
}

/// The JSON example in docs/json.md's `rungs gap` section has the keys the
/// command writes, in the same order.
#[test]
fn documented_json_example_matches_the_output() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md"))
        .unwrap();
    let section = &doc[doc.find("# `rungs gap`").unwrap()..];
    let block = &section[section.find("```json\n").unwrap() + 8..];
    let block = &block[..block.find("```").unwrap()];
    let documented: serde_json::Value = serde_json::from_str(block).unwrap();
    let real = json_of(&[
        "gap",
        "--role",
        "data-scientist",
        "--from",
        "middle",
        "--to",
        "lead",
        "--format",
        "json",
    ]);
    fn shape(v: &serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Object(m) => m
                .iter()
                .map(|(k, v)| (k.clone(), shape(v)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
            serde_json::Value::Array(a) => a.first().map(shape).into_iter().collect(),
            _ => serde_json::Value::Null,
        }
    }
    let item = real["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["skill"]["id"] == "hiring-interviewing")
        .unwrap();
    assert_eq!(shape(&documented["items"][0]), shape(item));
    assert_eq!(documented["counts"], real["counts"]);
    for key in ["schema", "role", "from", "to", "catalog"] {
        assert_eq!(documented[key], real[key], "{key}");
    }
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&documented), keys(&real));
}

/// A version-1 review (the format of the current release): `rungs gap`
/// reads it without touching it, and counts its marks as before (its mark
/// is the agreed mark).
#[test]
fn a_version_1_review_is_read_unchanged_with_the_same_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.toml");
    let v1 = "# A rungs promotion review. rungs saves it after every change;\n\
              # it is plain TOML and safe to read or edit by hand.\n\
              role = \"data-scientist\"\nfrom = \"senior\"\nto = \"lead\"\n\
              catalog = \"Data & ML Skills Matrix\"\ndate = 2026-03-04\n\n\
              [[items]]\nskill = \"sql\"\nmark = \"met\"\nnote = \"owns the style guide\"\nexpectation = \"\"\n\n\
              [[items]]\nskill = \"data-quality\"\nmark = \"partly\"\n\n\
              [[items]]\nskill = \"python-engineering\"\nmark = \"not-yet\"\n";
    std::fs::write(&path, v1).unwrap();
    let p = path.to_str().unwrap();
    for format in ["markdown", "json", "text", "html", "csv"] {
        rungs()
            .args(["gap", "--review", p, "--format", format])
            .assert()
            .success();
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), v1, "not modified");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing beside it"
    );
    let v = json_of(&["gap", "--review", p, "--format", "json"]);
    assert_eq!(v["counted"], "agreed");
    assert_eq!(counts(&v), [3, 1, 1, 1]);
    let md = stdout_of(&["gap", "--review", p]);
    assert!(
        md.contains("assessed 3/26 · 1 met · 1 partly · 1 not yet\n"),
        "{md}"
    );
    assert!(
        md.contains("\n## Summary\n") && md.contains("\n## Required, not yet met\n"),
        "{md}"
    );
    // Only agreed marks (a version-1 file): no all-– self and manager columns.
    assert!(
        md.contains("| Skill | Required | agreed | Evidence |"),
        "{md}"
    );
    assert!(
        md.contains("| SQL | yes | met | owns the style guide |"),
        "{md}"
    );
    let csv = stdout_of(&["gap", "--review", p, "--format", "csv"]);
    assert_eq!(csv.lines().count(), 27, "header and every item");
}

/// Two assessors: marks of `self` count until anything is agreed; `--since`
/// lists the history; closing and reopening write through `rungs review`.
#[test]
fn assessors_history_since_and_closing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alex.toml");
    std::fs::write(
        &path,
        "version = 2\nrole = \"data-scientist\"\nfrom = \"senior\"\nto = \"lead\"\ndate = 2026-11-30\n\
         candidate = 'typo: belongs in [meta]'\n\n[meta]\ncandidate = \"Alex Kim\"\n\n\
         [[items]]\nskill = \"sql\"\nmarks = { self = \"met\", manager = \"partly\" }\n\n\
         [[items.history]]\nat = 2026-12-14T10:42:00+08:00\nby = \"manager\"\nmark = \"partly\"\nwas = \"met\"\n\n\
         [[items]]\nskill = \"data-quality\"\nmarks = { self = \"met\" }\n\n\
         [[items.history]]\nat = 2026-11-01T09:00:00+08:00\nby = \"self\"\nmark = \"met\"\nwas = \"none\"\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let out = rungs()
        .args(["gap", "--review", p, "--as", "self", "--format", "json"])
        .assert()
        .success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains(
            "alex.toml:6:1: warning: unknown key `candidate` at the top level; kept as it is"
        ),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["counted"], "self");
    assert_eq!(v["counts"]["met"], 2);
    assert_eq!(v["meta"]["candidate"], "Alex Kim");
    // Stdout of a run that also warns on stderr.
    let out_of = |args: &[&str]| {
        let out = rungs().args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let v: serde_json::Value =
        serde_json::from_str(&out_of(&["gap", "--review", p, "--format", "json"])).unwrap();
    assert_eq!(
        (&v["counted"], &v["counts"]["partly"]),
        (&serde_json::json!("manager"), &serde_json::json!(1))
    );
    // The config's `assessor` is what `--as` means when it is not given.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "assessor = \"self\"\n").unwrap();
    let c = config.to_str().unwrap();
    let v: serde_json::Value = serde_json::from_str(&out_of(&[
        "--config", c, "gap", "--review", p, "--format", "json",
    ]))
    .unwrap();
    assert_eq!(v["counted"], "self");
    let since = out_of(&[
        "gap",
        "--review",
        p,
        "--since",
        "2026-12-01",
        "--format",
        "text",
    ]);
    assert_eq!(
        since,
        "Changed since 2026-12-01\n\n- SQL (sql): manager Mark met → partly (2026-12-14T10:42:00+08:00)\n"
    );
    rungs()
        .args(["review", "close", p])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(
                "^closed .*alex.toml on [0-9-]{10}: 2 assessed items, ladder [0-9a-f]{12}\n$",
            )
            .unwrap(),
        );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\nclosed = ") && text.contains("sha256 = \""),
        "{text}"
    );
    assert!(
        text.contains("candidate = 'typo: belongs in [meta]'"),
        "unknown key kept: {text}"
    );
    rungs()
        .args(["review", "close", p])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is already closed"));
    rungs().args(["review", "reopen", p]).assert().success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains("\nclosed = ") && text.contains("event = \"reopened\""),
        "{text}"
    );
}

/// Behaviour marks of a review appear under their item in Markdown and
/// JSON (`behaviour_marks`), a reworded one flagged.
#[test]
fn exports_show_behaviour_marks_under_their_item() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("r.toml");
    std::fs::write(
        &review,
        "version = 2\nrole = \"engineer\"\nfrom = \"eng2\"\nto = \"senior1\"\ndate = 2026-11-30\n\n\
         [[items]]\nskill = \"communication\"\nmarks = { manager = \"partly\" }\nrolled_up = [\"manager\"]\n\n\
         [[items.behaviours]]\ntext = \"Adapts how they explain to the audience\"\nhash = \"9d09dca046cb\"\n\
         marks = { manager = \"met\" }\nnote = \"migration talk\"\n\n\
         [[items.behaviours]]\ntext = \"Writes design documents others can review\"\nhash = \"000000000000\"\n\
         marks = { manager = \"partly\" }\n",
    )
    .unwrap();
    let catalog =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/cumulative-ladder");
    let (catalog, review) = (catalog.to_str().unwrap(), review.to_str().unwrap());
    let md = stdout_of(&[
        "--catalog",
        catalog,
        "gap",
        "--review",
        review,
        "--format",
        "markdown",
    ]);
    assert!(
        md.contains("**Behaviours assessed:**\n\n- Adapts how they explain to the audience — manager met — migration talk\n\
                     - Writes design documents others can review asynchronously — manager partly (changed since assessed)"),
        "{md}"
    );
    let json = json_of(&[
        "--catalog",
        catalog,
        "gap",
        "--review",
        review,
        "--format",
        "json",
    ]);
    let item = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["skill"]["id"] == "communication")
        .unwrap();
    let b = &item["behaviour_marks"];
    assert_eq!(b[0]["hash"], "9d09dca046cb");
    assert_eq!(b[0]["marks"]["manager"], "met");
    assert_eq!(b[1]["changed"], true);
    assert_eq!(b[1]["marks"]["manager"], "partly");
    assert_eq!(item["mark"], "partly");
}

/// The text, HTML and CSV exports carry the same behaviour marks as the
/// Markdown: under their item, every assessor's mark, the note and the
/// "changed since assessed" flag; HTML escaped, CSV with the formula guard.
#[test]
fn text_html_and_csv_show_behaviour_marks_too() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("r.toml");
    std::fs::write(
        &review,
        "version = 2\nrole = \"engineer\"\nfrom = \"eng2\"\nto = \"senior1\"\ndate = 2026-11-30\n\n\
         [[items]]\nskill = \"communication\"\nmarks = { manager = \"partly\" }\nrolled_up = [\"manager\"]\n\n\
         [[items.behaviours]]\ntext = \"Adapts how they explain to the audience\"\nhash = \"9d09dca046cb\"\n\
         marks = { self = \"partly\", manager = \"met\" }\nnote = \"=1+1 <script>x</script>\"\n\n\
         [[items.behaviours]]\ntext = \"Writes design documents others can review\"\nhash = \"000000000000\"\n\
         marks = { manager = \"partly\" }\n",
    )
    .unwrap();
    let catalog =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/cumulative-ladder");
    let (catalog, review) = (catalog.to_str().unwrap(), review.to_str().unwrap());
    let export = |format: &str| {
        stdout_of(&[
            "--catalog",
            catalog,
            "gap",
            "--review",
            review,
            "--format",
            format,
        ])
    };

    let text = export("text");
    assert!(
        text.contains(
            "   Behaviours assessed:\n     - Adapts how they explain to the audience — self partly · manager met — =1+1 <script>x</script>\n\
             \x20    - Writes design documents others can review asynchronously — manager partly (changed since assessed)\n"
        ),
        "{text}"
    );

    let html = export("html");
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    assert_eq!(doc.select(&sel("script")).count(), 0, "the note stays text");
    let rows: Vec<String> = doc
        .select(&sel("ul.behaviours > li"))
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0],
        "Adapts how they explain to the audience — self partly · manager met=1+1 <script>x</script>"
    );
    assert_eq!(
        rows[1],
        "Writes design documents others can review asynchronously — manager partly (changed since assessed)"
    );

    let csv_text = export("csv");
    let mut rd = csv::Reader::from_reader(csv_text.as_bytes());
    let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        head[head.len() - 3..],
        ["note", "behaviour", "behaviour_changed"]
    );
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    let at = rows.iter().position(|r| &r[0] == "communication").unwrap();
    let (item, first, second) = (&rows[at], &rows[at + 1], &rows[at + 2]);
    assert_eq!(
        (
            &item[col("change")],
            &item[col("behaviour")],
            &item[col("manager")]
        ),
        ("becomes-required", "", "partly")
    );
    assert_eq!(&first[col("change")], "behaviour");
    assert_eq!(
        &first[col("behaviour")],
        "Adapts how they explain to the audience"
    );
    assert_eq!(
        (&first[col("self")], &first[col("manager")]),
        ("partly", "met")
    );
    assert_eq!(
        &first[col("note")],
        "'=1+1 <script>x</script>",
        "formula guard"
    );
    assert_eq!(&first[col("behaviour_changed")], "no");
    assert_eq!(
        &second[col("behaviour")],
        "Writes design documents others can review asynchronously"
    );
    assert_eq!(&second[col("behaviour_changed")], "yes");
    assert!(
        rows.get(at + 3).is_none_or(|r| &r[0] != "communication"),
        "only the assessed behaviours get rows"
    );
}
