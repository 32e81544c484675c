//! The `rungs diff` subcommand: paths, `REV:PATH` through git (a repository
//! made in a temp folder), formats, exit codes and `--reviews`.

use std::path::{Path, PathBuf};
use std::process::Command;

use predicates::prelude::*;

use crate::support::rungs;

/// `rungs init DIR`: the default catalog as files.
fn init(dir: &Path) {
    rungs().arg("init").arg(dir).assert().code(0);
}

/// A new temporary folder with the default catalog twice, as `a` and `b`.
fn two_ladders() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    init(&a);
    init(&b);
    (dir, a, b)
}

/// Stdout of `rungs ARGS OLD NEW`, which must exit `code` with nothing on
/// stderr.
fn diff(args: &[&str], old: &Path, new: &Path, code: i32) -> String {
    let out = rungs()
        .args(args)
        .arg(old)
        .arg(new)
        .assert()
        .code(code)
        .stderr("");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// Makes SQL required for LLM Engineers at Lead, with new words.
fn edit_sql(ladder: &Path) {
    let path = ladder.join("skills/data-engineering/sql.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace(
        "lead = \"Defines team conventions for storing and querying LLM traces",
        "lead = { necessity = \"required\", text = \"Defines and documents team conventions for storing and querying LLM traces",
    );
    let edited = edited.replace(
        "coordinates data access with data engineering and analytics teams.\"",
        "coordinates data access with data engineering and analytics teams.\" }",
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
}

#[test]
fn same_catalog_exits_0_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    init(&a);
    let stdout = diff(&["diff"], &a, &a, 0);
    assert!(stdout.starts_with("No changes between "), "{stdout}");
}

#[test]
fn an_edited_cell_shows_necessity_and_word_diff_and_exits_1() {
    let (_dir, a, b) = two_ladders();
    edit_sql(&b);
    let stdout = diff(&["diff"], &a, &b, 1);
    assert!(
        stdout.starts_with(
            "Expectations\n  sql · LLM Engineer · Lead: changed\n    necessity: optional → required\n    text: Defines {+and documents+} team conventions"
        ),
        "{stdout}"
    );
    let v: serde_json::Value =
        serde_json::from_str(&diff(&["diff", "--format", "json"], &a, &b, 1)).unwrap();
    assert_eq!(v["schema"], 2);
    assert_eq!(v["changed"], true);
    assert_eq!(v["cells"].as_array().unwrap().len(), 1);
    assert_eq!(v["cells"][0]["skill"]["id"], "sql");
    assert_eq!(v["cells"][0]["necessity"]["new"], "required");
    assert_eq!(v["cells"][0]["text"]["words"][1]["kind"], "added");
    let md = diff(&["diff", "--format", "markdown"], &a, &b, 1);
    assert!(
        md.contains("| SQL | LLM Engineer | Lead | changed | optional → required | Defines **and documents** team"),
        "{md}"
    );
}

#[test]
fn rev_path_reads_a_catalog_out_of_git() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    init(&repo.join("ladder"));
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "ladder"]);
    edit_sql(&repo.join("ladder"));
    let run = || {
        let mut cmd = rungs();
        cmd.current_dir(repo);
        cmd
    };
    // The committed folder against the working copy.
    let out = run()
        .args(["diff", "main:ladder", "ladder"])
        .assert()
        .code(1)
        .stderr("");
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("sql · LLM Engineer · Lead: changed"),
        "{stdout}"
    );
    // The same commit on both sides: no change.
    run()
        .args(["diff", "main:ladder", "HEAD:ladder"])
        .assert()
        .code(0);
    // A failed git call (no such revision) exits 3 with git's message.
    run()
        .args(["diff", "nope:ladder", "ladder"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "git cat-file -t nope:ladder failed",
        ));
    // An invalid catalog also exits 3.
    std::fs::write(repo.join("ladder/skills/broken.toml"), "id = 1\n").unwrap();
    run()
        .args(["diff", "main:ladder", "ladder"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("is not valid"));
}

#[test]
fn a_one_file_catalog_in_git() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/seed-skill.toml"),
    )
    .unwrap();
    std::fs::write(repo.join("team.toml"), &seed).unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "one file"]);
    let mut cmd = rungs();
    cmd.current_dir(repo);
    cmd.args(["diff", "HEAD:team.toml", "team.toml"])
        .assert()
        .code(0);
}

#[test]
fn reviews_of_changed_texts_are_listed_without_changing_the_status() {
    let (dir, a, b) = two_ladders();
    edit_sql(&b);
    let reviews = dir.path().join("reviews/2026");
    std::fs::create_dir_all(&reviews).unwrap();
    std::fs::write(
        reviews.join("sam.toml"),
        "role = \"llm-engineer\"\nfrom = \"senior\"\nto = \"lead\"\ncatalog = \"x\"\ndate = 2026-01-01\n\n\
         [[items]]\nskill = \"sql\"\nmark = \"met\"\nexpectation = \"old text\"\n",
    )
    .unwrap();
    std::fs::write(
        reviews.join("kim.toml"),
        "role = \"data-scientist\"\nfrom = \"senior\"\nto = \"lead\"\ncatalog = \"x\"\ndate = 2026-01-01\n\n\
         [[items]]\nskill = \"sql\"\nmark = \"met\"\n",
    )
    .unwrap();
    std::fs::write(reviews.join("notes.toml"), "hello = 1\n").unwrap();
    let reviews_dir = dir.path().join("reviews");
    let stdout = diff(
        &["diff", "--reviews", reviews_dir.to_str().unwrap()],
        &a,
        &b,
        1,
    );
    assert!(
        stdout.contains("Reviews affected: 1 of 2 review files\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("sam.toml (llm-engineer, senior → lead): sql\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("kim.toml"), "{stdout}");
    assert!(stdout.contains("skipped (not a review file): "), "{stdout}");
    // With no change, the reviews section is there and the status stays 0.
    rungs()
        .args(["diff", "--reviews"])
        .arg(dir.path().join("reviews"))
        .arg(&a)
        .arg(&a)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Reviews affected: 0 of 2 review files",
        ));
}

#[test]
fn usage_errors_exit_2() {
    rungs().args(["diff", "only-one"]).assert().code(2);
    rungs()
        .args(["diff", "a", "b", "--format", "yaml"])
        .assert()
        .code(2);
}

/// The two sides of `tests/fixtures/diff`: a bullet list with a reworded,
/// a removed and an added behaviour; a reordered list; a one-line text.
const BULLETS: [&str; 2] = [
    "tests/fixtures/diff/bullets-old.toml",
    "tests/fixtures/diff/bullets-new.toml",
];

/// Stdout of `rungs diff` on the bullet fixtures with `args`, exit 1.
fn bullets_diff(args: &[&str]) -> String {
    let out = rungs()
        .arg("diff")
        .args(BULLETS)
        .args(args)
        .assert()
        .code(1)
        .stderr("");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_bullet_list_is_compared_per_behaviour() {
    let text = bullets_diff(&[]);
    assert!(
        text.contains(
            "    text:\n      ~ Writes [-good-] {+fast+} unit tests for new code.\n      - Keeps a wiki page of flaky tests.\n      + Documents the test fixtures of the service.\n"
        ),
        "{text}"
    );
    assert!(
        !text.contains("Pairs with juniors"),
        "unchanged behaviours are left out: {text}"
    );
    assert!(text.contains("    text: lines reordered\n"), "{text}");
    assert!(
        text.contains("    text: Leads {+blameless+} incident reviews.\n"),
        "a one-line text keeps its word diff: {text}"
    );
    insta::assert_snapshot!("diff_bullets_text", text);
    let md = bullets_diff(&["--format", "markdown"]);
    assert!(
        md.contains(
            "| Testing | Backend Engineer | Mid | changed |  | ~ Writes ~~good~~ **fast** unit tests for new code.<br>− ~~Keeps a wiki page of flaky tests.~~<br>+ **Documents the test fixtures of the service.** |"
        ),
        "{md}"
    );
    insta::assert_snapshot!("diff_bullets_markdown", md);
    let v: serde_json::Value = serde_json::from_str(&bullets_diff(&["--format", "json"])).unwrap();
    let cells = v["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 3, "{cells:#?}");
    let lines = cells[0]["text"]["lines"].as_array().unwrap();
    let changes: Vec<&str> = lines
        .iter()
        .map(|l| l["change"].as_str().unwrap())
        .collect();
    assert_eq!(
        changes,
        ["same", "reworded", "removed", "same", "added"],
        "{lines:#?}"
    );
    assert_eq!(lines[0]["new"], "Owns the tests of their changes.");
    assert_eq!(lines[1]["old"], "Writes good unit tests for new code.");
    assert_eq!(lines[1]["new"], "Writes fast unit tests for new code.");
    assert_eq!(lines[1]["words"][1]["kind"], "removed");
    assert!(lines[2]["new"].is_null() && lines[4]["old"].is_null());
    // The whole text's word diff is still there.
    assert!(!cells[0]["text"]["words"].as_array().unwrap().is_empty());
    // A one-line text has no lines.
    assert_eq!(cells[2]["skill"]["id"], "ops");
    assert_eq!(cells[2]["text"]["lines"], serde_json::json!([]));
}

#[test]
fn labels_follow_the_language() {
    let text = bullets_diff(&["--lang", "zh"]);
    assert!(
        text.starts_with("期望\n  testing · Backend Engineer · Mid：修改\n    描述：\n"),
        "{text}"
    );
    assert!(text.contains("    描述：仅调整了顺序\n"), "{text}");
    assert!(
        !text.contains("Expectations") && !text.contains("changed"),
        "{text}"
    );
    insta::assert_snapshot!("diff_bullets_text_zh", text);
    let md = bullets_diff(&["--format", "markdown", "--lang", "zh"]);
    assert!(
        md.contains("| 技能 | 角色 | 级别 | 变更 | 必要性 | 描述 |"),
        "{md}"
    );
    insta::assert_snapshot!("diff_bullets_markdown_zh", md);
    // JSON keeps its English words in every language.
    let json = bullets_diff(&["--format", "json", "--lang", "zh"]);
    assert_eq!(json, bullets_diff(&["--format", "json"]));
    // The config's `language` is followed too.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "language = \"zh\"\n").unwrap();
    assert_eq!(bullets_diff(&["--config", config.to_str().unwrap()]), text);
}

#[test]
fn names_and_necessities_in_chinese() {
    // The default catalog has Chinese names for roles and levels.
    let (_dir, a, b) = two_ladders();
    edit_sql(&b);
    let stdout = diff(&["--lang", "zh", "diff"], &a, &b, 1);
    assert!(
        stdout.starts_with("期望\n  sql · 大模型工程师 · 主管：修改\n    必要性：可选 → 必要\n    描述：Defines {+and documents+} team conventions"),
        "{stdout}"
    );
    let stdout = diff(&["--lang", "zh", "diff"], &a, &a, 0);
    assert!(stdout.ends_with(" 之间没有变化。\n"), "{stdout}");
}

#[test]
fn a_chinese_name_changed_is_a_rename_in_every_language() {
    let (_dir, a, b) = two_ladders();
    let levels = b.join("catalog.toml");
    let text = std::fs::read_to_string(&levels).unwrap();
    let edited = text.replacen("\"主管\"", "\"团队主管\"", 1);
    assert_ne!(edited, text, "the default catalog names Lead 主管");
    std::fs::write(&levels, edited).unwrap();
    let run =
        |lang: &str, format: &str| diff(&["--lang", lang, "diff", "--format", format], &a, &b, 1);
    assert_eq!(run("en", "text"), "Levels\n  ~ lead: Lead → Lead\n");
    assert_eq!(run("zh", "text"), "级别\n  ~ lead: 主管 → 团队主管\n");
    // JSON: names as written, whatever the language.
    assert_eq!(run("zh", "json"), run("en", "json"));
    let v: serde_json::Value = serde_json::from_str(&run("zh", "json")).unwrap();
    assert_eq!(v["levels"]["renamed"][0]["new"], "Lead");
}
