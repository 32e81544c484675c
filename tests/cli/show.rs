//! The `rungs show` subcommand: formats, `--role`, lookups, exit codes.

use predicates::prelude::*;

use crate::support::{json_of, rungs, stdout_of, whole};

const SEED: &str = "tests/fixtures/valid/seed-skill.toml";

#[test]
fn text_is_the_default_format() {
    let out = stdout_of(&["show", "deep-learning"]);
    assert_eq!(
        out,
        stdout_of(&["show", "deep-learning", "--format", "text"])
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "Deep Learning (deep-learning)",
            "Domain:   Machine Learning & AI (ml-ai)",
            "Updated:  2026-02-22",
            "Summary:  Building, training and optimising neural networks with modern deep learning frameworks.",
            "Tags:     pytorch, tensorflow, neural-networks, gpu",
            "Counts:   2 roles, 5 levels, 0 required, 10 optional",
        ]
    );
    assert_eq!(lines[6..9], ["", "Junior", "  Data Scientist: optional"]);
    assert!(lines[9].starts_with("    Works with PyTorch or TensorFlow"));
    for level in ["Junior", "Middle", "Senior", "Lead", "Principal"] {
        assert_eq!(lines.iter().filter(|l| **l == level).count(), 1, "{level}");
    }
    assert_eq!(out.matches("  LLM Engineer: optional\n").count(), 5);
}

#[test]
fn markdown_has_a_table_per_level() {
    let out = stdout_of(&["show", "deep-learning", "--format", "markdown"]);
    assert!(
        out.starts_with("## Deep Learning\n\n**Id:** `deep-learning` · "),
        "{out}"
    );
    assert!(out.contains("**Counts:** 2 roles, 5 levels, 0 required, 10 optional"));
    for level in ["Junior", "Middle", "Senior", "Lead", "Principal"] {
        assert!(
            out.contains(&format!(
                "\n### {level}\n\n| Role | Necessity | Expectation |\n| --- | --- | --- |\n"
            )),
            "{level}"
        );
    }
    assert_eq!(out.matches("\n| LLM Engineer | optional | ").count(), 5);
}

#[test]
fn json_has_the_documented_shape() {
    let v = json_of(&["show", "deep-learning", "--format", "json"]);
    assert_eq!(v["schema"], 2);
    assert_eq!(v["id"], "deep-learning");
    assert_eq!(v["name"], "Deep Learning");
    assert_eq!(
        v["domain"],
        serde_json::json!({"id": "ml-ai", "name": "Machine Learning & AI"})
    );
    assert_eq!(v["updated"], "2026-02-22");
    assert!(
        v["summary"]
            .as_str()
            .unwrap()
            .starts_with("Building, training")
    );
    assert_eq!(
        v["tags"],
        serde_json::json!(["pytorch", "tensorflow", "neural-networks", "gpu"])
    );
    assert!(v["role"].is_null());
    assert_eq!(
        v["counts"],
        serde_json::json!({"roles": 2, "levels": 5, "required": 0, "optional": 10})
    );
    let levels = v["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 5);
    assert_eq!(levels[4]["id"], "principal");
    assert_eq!(levels[4]["name"], "Principal");
    let rows = levels[4]["expectations"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[1]["role"],
        serde_json::json!({"id": "llm-engineer", "name": "LLM Engineer"})
    );
    assert_eq!(rows[1]["necessity"], "optional");
    assert!(
        rows[1]["text"]
            .as_str()
            .unwrap()
            .starts_with("Shapes enterprise PyTorch")
    );
}

#[test]
fn role_limits_the_rows_in_every_format() {
    let text = stdout_of(&["show", "deep-learning", "--role", "llm-engineer"]);
    assert!(text.contains("Role:     LLM Engineer (llm-engineer)\n"));
    assert!(text.contains("Counts:   2 roles, 5 levels, 0 required, 10 optional (all roles)\n"));
    assert_eq!(text.matches("  LLM Engineer: optional\n").count(), 5);
    assert!(!text.contains("Data Scientist"), "{text}");

    let md = stdout_of(&[
        "show",
        "deep-learning",
        "--role",
        "LLM Engineer",
        "--format",
        "markdown",
    ]);
    assert_eq!(md.matches("\n| LLM Engineer | optional | ").count(), 5);
    assert!(!md.contains("Data Scientist"), "{md}");

    let v = json_of(&[
        "show",
        "deep-learning",
        "--role",
        "data-scientist",
        "--format",
        "json",
    ]);
    assert_eq!(v["role"]["id"], "data-scientist");
    for level in v["levels"].as_array().unwrap() {
        let rows = level["expectations"].as_array().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["role"]["id"], "data-scientist");
    }
}

#[test]
fn global_role_flag_works_too() {
    assert_eq!(
        stdout_of(&["--role", "llm-engineer", "show", "deep-learning"]),
        stdout_of(&["show", "deep-learning", "--role", "llm-engineer"])
    );
}

#[test]
fn names_are_found_in_any_case() {
    let by_id = stdout_of(&["show", "deep-learning", "--format", "json"]);
    for given in [
        "Deep Learning",
        "deep learning",
        "DEEP LEARNING",
        "Deep-Learning",
    ] {
        assert_eq!(
            stdout_of(&["show", given, "--format", "json"]),
            by_id,
            "{given}"
        );
    }
    assert_eq!(
        stdout_of(&["show", "deep learning", "--role", "data scientist"]),
        stdout_of(&["show", "deep-learning", "--role", "data-scientist"])
    );
}

#[test]
fn unknown_skill_exits_2_listing_valid_ids() {
    rungs()
        .args(["show", "quantum-basket-weaving"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: unknown skill `quantum-basket-weaving`; valid skills: ",
        ))
        .stderr(predicate::str::contains("deep-learning"))
        .stderr(predicate::str::contains("sql"));
}

#[test]
fn unknown_role_exits_2_listing_valid_roles() {
    let out = rungs()
        .args([
            "show",
            "deep-learning",
            "--role",
            "astronaut",
            "--format",
            "json",
        ])
        .assert()
        .code(2)
        .stdout("");
    insta::assert_snapshot!(whole(&out.get_output().stderr));
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &["show"][..],
        &["show", "deep-learning", "--format", "yaml"],
        &["show", "deep-learning", "--role"],
    ] {
        rungs()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_empty().not());
    }
}

#[test]
fn catalog_option_and_env_are_honoured() {
    let from_flag = stdout_of(&[
        "show",
        "deep-learning",
        "--catalog",
        SEED,
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&from_flag).unwrap();
    // The seed fixture has no summary or tags.
    assert!(v["summary"].is_null());
    assert_eq!(v["tags"], serde_json::json!([]));
    let out = rungs()
        .env("RUNGS_CATALOG", SEED)
        .args(["show", "deep-learning", "--format", "json"])
        .assert()
        .code(0);
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone()).unwrap(),
        from_flag
    );
}

/// A typo gets the catalog checker's "did you mean": the same rule.
#[test]
fn an_unknown_skill_close_to_a_valid_one_gets_did_you_mean() {
    rungs()
        .args(["show", "deep-lerning"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: unknown skill `deep-lerning`; did you mean `deep-learning`? valid skills: ",
        ));
    rungs()
        .args([
            "gap",
            "--role",
            "data-scientst",
            "--from",
            "senior",
            "--to",
            "lead",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: unknown role `data-scientst`; did you mean `data-scientist`? valid roles: ",
        ));
}

/// Arguments echoed in errors are cleaned like catalog text: an OSC title
/// sequence typed as a skill, a role or a level does not reach the
/// terminal.
#[test]
fn echoed_arguments_cannot_drive_the_terminal() {
    let evil = "\u{1b}]0;PWNED\u{7}";
    for args in [
        vec!["show", evil],
        vec!["show", "deep-learning", "--role", evil],
        vec!["gap", "--role", evil, "--from", "senior", "--to", "lead"],
        vec![
            "gap",
            "--role",
            "data-scientist",
            "--from",
            evil,
            "--to",
            "lead",
        ],
        vec!["search", evil],
    ] {
        let out = rungs().args(&args).assert().failure();
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.contains("]0;PWNED"), "{args:?}: {err}");
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{7}'),
            "{args:?}: {err:?}"
        );
    }
}
