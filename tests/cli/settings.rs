//! Settings every subcommand shares: the language of text and Markdown
//! output, empty `RUNGS_*` variables, and the local date.

use crate::support::rungs;

/// Stdout of a run that must succeed with nothing on stderr.
fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().code(0).stderr("");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn lang_zh_translates_show_in_text_and_markdown() {
    let text = stdout(rungs().args(["--lang", "zh", "show", "deep-learning"]));
    assert!(
        text.contains("\n领域：    机器学习与人工智能 (ml-ai)\n"),
        "{text}"
    );
    // Names in the reader's language: the default catalog has Chinese
    // names for its roles, levels and domains.
    assert!(text.contains("\n  数据科学家: 可选\n"), "{text}");
    assert!(
        !text.contains("Domain:") && !text.contains(": optional"),
        "{text}"
    );
    let md = stdout(rungs().args([
        "show",
        "deep-learning",
        "--format",
        "markdown",
        "--lang",
        "zh",
    ]));
    assert!(md.contains("| 角色 | 必要性 | 期望 |\n"), "{md}");
    assert!(md.contains("**领域：** 机器学习与人工智能"), "{md}");
}

#[test]
fn lang_zh_translates_the_gap_report_but_not_json() {
    let args = ["gap", "--role", "data-scientist", "--from", "senior"];
    let md = stdout(rungs().args(args).args(["--lang", "zh"]));
    assert!(
        md.starts_with("# 晋升评审：数据科学家 · 高级 → 主管\n"),
        "{md}"
    );
    let text = stdout(
        rungs()
            .args(args)
            .args(["--format", "text", "--lang", "zh"]),
    );
    assert!(
        text.starts_with("晋升评审：数据科学家 · 高级 → 主管\n目录："),
        "{text}"
    );
    assert!(
        !text.contains("Promotion review") && !text.contains("Catalog:"),
        "{text}"
    );
    // JSON keeps its keys and canonical values in every language.
    let en = stdout(rungs().args(args).args(["--format", "json"]));
    let zh = stdout(
        rungs()
            .args(args)
            .args(["--format", "json", "--lang", "zh"]),
    );
    assert_eq!(en, zh);
}

#[test]
fn lang_comes_from_the_config_and_the_environment_too() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "language = \"zh\"\n").unwrap();
    let args = ["search", "deep learning", "--limit", "1"];
    let from_config = stdout(rungs().arg("--config").arg(&config).args(args));
    assert!(from_config.contains("[名称]"), "{from_config}");
    let from_env = stdout(rungs().env("LANG", "zh_CN.UTF-8").args(args));
    assert_eq!(from_env, from_config);
    // The flag beats both.
    let flag = stdout(
        rungs()
            .env("LANG", "zh_CN.UTF-8")
            .args(args)
            .args(["--lang", "en"]),
    );
    assert!(flag.contains("[name]"), "{flag}");
}

#[test]
fn an_empty_rungs_catalog_counts_as_unset() {
    let embedded = stdout(rungs().arg("check"));
    let empty = stdout(rungs().env("RUNGS_CATALOG", "").arg("check"));
    assert_eq!(empty, embedded);
    // The flag still works beside it, and an empty flag is still an error.
    let seed = stdout(rungs().env("RUNGS_CATALOG", "").args([
        "check",
        "--catalog",
        "tests/fixtures/valid/seed-skill.toml",
    ]));
    assert_ne!(seed, embedded);
    rungs().args(["check", "--catalog", ""]).assert().code(2);
}

#[test]
fn report_dates_are_local() {
    let date = |tz: &str| {
        let out = stdout(rungs().env("TZ", tz).args([
            "gap",
            "--role",
            "data-scientist",
            "--from",
            "senior",
            "--format",
            "json",
        ]));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["date"].as_str().unwrap().to_string()
    };
    // UTC+14 and UTC-12 are 26 hours apart: never the same calendar day.
    let east = date("<+14>-14");
    let west = date("<-12>+12");
    assert!(east > west, "{east} vs {west}");
}
