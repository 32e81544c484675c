//! The config file on the command line: where it is looked for, the
//! commented default, what it changes, and its errors.

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

use crate::support::whole;

#[test]
fn path_follows_xdg_config_home() {
    let dir = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("rungs")
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let printed = String::from_utf8(out).unwrap();
    assert_eq!(
        printed.trim(),
        dir.path().join("rungs/config.toml").display().to_string()
    );
    let out = cargo_bin_cmd!("rungs")
        .args(["config", "--path", "--config", "/x/y.toml"])
        .assert()
        .success();
    insta::assert_snapshot!(whole(&out.get_output().stdout));
}

#[test]
fn the_default_config_is_valid_and_commented() {
    let out = cargo_bin_cmd!("rungs")
        .args(["config", "--default"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("# theme = \"default\""));
    assert!(text.contains("# quit = [\"q\"]"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, &text).unwrap();
    cargo_bin_cmd!("rungs")
        .args(["check", "--config"])
        .arg(&path)
        .assert()
        .success();
}

#[test]
fn the_config_chooses_the_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("rungs");
    std::fs::create_dir_all(&config).unwrap();
    let catalog = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid/seed-skill.toml");
    std::fs::write(
        config.join("config.toml"),
        format!("catalog = {:?}\n", catalog.display().to_string()),
    )
    .unwrap();
    cargo_bin_cmd!("rungs")
        .arg("check")
        .env("XDG_CONFIG_HOME", dir.path())
        .env_remove("RUNGS_CATALOG")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "ok: 2 roles, 5 levels, 1 domains, 1 skills",
        ));
}

#[test]
fn config_errors_name_file_line_and_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(
        &path,
        "theme = \"dark\"\n[colors]\nrequired = \"reddish\"\n[keys]\nsearch = \"g\"\n",
    )
    .unwrap();
    cargo_bin_cmd!("rungs")
        .args(["check", "--config"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "c.toml:3:12: error: bad colour `reddish`",
        ))
        .stderr(predicate::str::contains(
            "c.toml:5:10: error: key `g` is bound to two actions",
        ));
    cargo_bin_cmd!("rungs")
        .args(["check", "--config", "/nonexistent/rungs.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read config file"));
}

#[test]
fn theme_and_lang_flags_are_validated() {
    cargo_bin_cmd!("rungs")
        .args(["--theme", "neon", "check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: default, dark, light, mono",
        ));
    cargo_bin_cmd!("rungs")
        .args(["--lang", "fr", "check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: en, zh"));
}
