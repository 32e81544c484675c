//! What every subcommand that reads a catalog does alike: an invalid
//! catalog stops it with located diagnostics, `RUNGS_CATALOG` and
//! `--catalog` choose the catalog (the flag wins), and a reader that goes
//! away (`| head -0`) is not a crash. One table, so a new subcommand is
//! one line here rather than three copied tests.

use predicates::prelude::*;

use crate::support::rungs;

const INVALID: &str = "tests/fixtures/invalid/no-roles.toml";
const SEED: &str = "tests/fixtures/valid/seed-skill.toml";

/// Each subcommand that loads a catalog, with arguments valid on the
/// seed fixture (one skill, `deep-learning`; roles `data-scientist` and
/// `llm-engineer`, five levels) and on the embedded catalog.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["show", "deep-learning"],
    &["search", "learning"],
    &["gap", "--role", "data-scientist", "--from", "senior"],
    &["list", "skills"],
    &[
        "compare",
        "data-scientist",
        "llm-engineer",
        "--level",
        "senior",
    ],
    &["export", "--format", "csv"],
];

#[test]
fn an_invalid_catalog_stops_every_command_with_located_diagnostics() {
    for args in COMMANDS {
        rungs()
            .args(*args)
            .args(["--catalog", INVALID])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::starts_with(format!(
                "{INVALID}:1:1: error: the catalog defines no roles"
            )))
            .stderr(predicate::str::contains("error: catalog is not valid"));
    }
}

#[test]
fn rungs_catalog_chooses_the_catalog_and_the_flag_wins() {
    for args in COMMANDS {
        let from_flag = rungs()
            .args(*args)
            .args(["--catalog", SEED])
            .assert()
            .code(0);
        let from_flag = from_flag.get_output().stdout.clone();
        let from_env = rungs()
            .env("RUNGS_CATALOG", SEED)
            .args(*args)
            .assert()
            .code(0);
        assert_eq!(from_env.get_output().stdout, from_flag, "{args:?}");
        // The environment names an invalid catalog; the flag overrides it.
        let both = rungs()
            .env("RUNGS_CATALOG", INVALID)
            .args(*args)
            .args(["--catalog", SEED])
            .assert()
            .code(0);
        assert_eq!(both.get_output().stdout, from_flag, "{args:?}");
        // And the seed is not the embedded catalog: the outputs differ.
        let embedded = rungs().args(*args).assert().code(0);
        assert_ne!(embedded.get_output().stdout, from_flag, "{args:?}");
    }
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
    use std::process::{Command, Stdio};
    for args in COMMANDS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
            .args(*args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("RUNGS_CATALOG")
            .env(
                "XDG_CACHE_HOME",
                std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("xdg-cache"),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the read end at once, like `| head -0`.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}
