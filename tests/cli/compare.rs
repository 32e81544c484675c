//! The `rungs compare` subcommand: order, formats, usage errors.

use predicates::prelude::*;

use crate::support::{json_of, rungs, stdout_of};

#[test]
fn skills_one_role_has_come_first_side_by_side() {
    let v = json_of(&[
        "compare",
        "--level",
        "lead",
        "data-scientist",
        "llm-engineer",
        "--format",
        "json",
    ]);
    assert_eq!(v["level"]["id"], "lead");
    assert_eq!(v["roles"][1]["id"], "llm-engineer");
    let skills = v["skills"].as_array().unwrap();
    let first_shared = skills.iter().position(|s| s["shared"] == true).unwrap();
    assert!(first_shared > 0);
    assert!(skills[first_shared..].iter().all(|s| s["shared"] == true));
    for s in &skills[..first_shared] {
        let sides = s["roles"].as_array().unwrap();
        assert_eq!(sides.len(), 2);
        assert!(
            sides
                .iter()
                .any(|r| r["necessity"].is_null() && r["text"].is_null())
        );
    }
    let text = stdout_of(&[
        "compare",
        "--level",
        "lead",
        "data-scientist",
        "llm-engineer",
    ]);
    assert!(
        text.starts_with("Data Scientist · LLM Engineer at Lead\n\nOnly some roles\n"),
        "{text}"
    );
    let md = stdout_of(&[
        "compare",
        "--level",
        "4",
        "Data Scientist",
        "LLM Engineer",
        "--format",
        "markdown",
    ]);
    assert!(
        md.contains("| Skills | Data Scientist | LLM Engineer |\n| --- | --- | --- |\n"),
        "{md}"
    );
    // `rungs --level L compare …` means the same.
    assert_eq!(
        stdout_of(&[
            "--level",
            "lead",
            "compare",
            "data-scientist",
            "llm-engineer"
        ]),
        text
    );
}

#[test]
fn labels_and_names_in_chinese() {
    let args = [
        "--lang",
        "zh",
        "compare",
        "--level",
        "lead",
        "data-scientist",
        "llm-engineer",
    ];
    let text = stdout_of(&args);
    assert!(
        text.starts_with("数据科学家 · 大模型工程师 · 主管\n\n仅部分角色\n"),
        "{text}"
    );
    assert!(text.contains("    数据科学家：不要求\n"), "{text}");
    assert!(
        !text.contains("not expected") && !text.contains("Only some"),
        "{text}"
    );
    insta::assert_snapshot!("compare_zh_text", text);
    let mut md_args = args.to_vec();
    md_args.extend(["--format", "markdown"]);
    let md = stdout_of(&md_args);
    assert!(
        md.contains("| 技能 | 数据科学家 | 大模型工程师 |\n"),
        "{md}"
    );
    insta::assert_snapshot!("compare_zh_markdown", md);
    // JSON is the same in every language (names as written).
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let en_args: Vec<&str> = json_args[2..].to_vec();
    assert_eq!(json_of(&json_args), json_of(&en_args));
}

#[test]
fn usage_errors() {
    rungs()
        .args(["compare", "data-scientist", "llm-engineer"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--level is required"));
    rungs()
        .args(["compare", "--level", "lead", "data-scientist"])
        .assert()
        .code(2);
    rungs()
        .args([
            "compare",
            "--level",
            "lead",
            "data-scientist",
            "Data Scientist",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("given twice"));
    rungs()
        .args(["compare", "--level", "lead", "data-scientist", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown role `nobody`"));
}
