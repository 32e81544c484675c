//! `rungs --review FILE`: what happens before the TUI starts (errors are
//! reported and the terminal is never touched; an invalid file is never
//! overwritten).

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

#[test]
fn invalid_review_file_names_the_line_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    let text = "role = \"data-scientist\"\nfrom = \"senior\"\nto = 5\n";
    std::fs::write(&path, text).unwrap();
    cargo_bin_cmd!("rungs")
        .arg("--review")
        .arg(&path)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "bad.toml:3:6: error: invalid review file",
        ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_review_that_is_not_toml_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x01]).unwrap();
    cargo_bin_cmd!("rungs")
        .arg("--review")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not UTF-8"));
}

#[test]
fn a_new_review_needs_role_and_level() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    cargo_bin_cmd!("rungs")
        .arg("--review")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give --role and --level"));
    assert!(!path.exists(), "nothing is written before the first change");
    cargo_bin_cmd!("rungs")
        .args([
            "--role",
            "data-scientist",
            "--level",
            "lead",
            "--to",
            "middle",
            "--review",
        ])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("valid targets: principal"));
}

#[test]
fn flags_that_contradict_the_review_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    std::fs::write(
        &path,
        "role = \"data-scientist\"\nfrom = \"senior\"\nto = \"lead\"\ndate = 2026-11-29\n",
    )
    .unwrap();
    cargo_bin_cmd!("rungs")
        .args(["--role", "llm-engineer", "--review"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--role llm-engineer does not match",
        ));
}

#[test]
fn to_must_be_above_the_level() {
    cargo_bin_cmd!("rungs")
        .args(["--level", "lead", "--to", "junior"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--to must be above"));
}

/// `rungs` without a terminal (output redirected or piped, a CI job) writes
/// nothing to stdout and says which commands are for scripts.
#[test]
fn the_explorer_without_a_terminal_says_what_to_use_instead() {
    cargo_bin_cmd!("rungs")
        .env_remove("RUNGS_CATALOG")
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!("error: {}\n", rungs::cli::explore::NO_TERMINAL));
}
