//! The `rungs` binary: `check` and `init`, exit codes, `RUNGS_CATALOG`.

use std::path::Path;

use predicates::prelude::*;

use crate::support::{rungs, whole};

const SEED: &str = "tests/fixtures/valid/seed-skill.toml";

fn embedded_summary() -> String {
    let loaded = rungs::catalog::load_embedded().unwrap();
    format!("{}\n", rungs::cli::check::summary_line(&loaded.catalog))
}

#[test]
fn check_prints_the_exact_summary() {
    let out = rungs()
        .args(["check", "--catalog", SEED])
        .assert()
        .code(0)
        .stderr("");
    insta::assert_snapshot!("seed_summary", whole(&out.get_output().stdout));
}

#[test]
fn catalog_flag_may_come_before_the_subcommand() {
    let out = rungs().args(["--catalog", SEED, "check"]).assert().code(0);
    insta::assert_snapshot!("seed_summary", whole(&out.get_output().stdout));
}

#[test]
fn embedded_catalog_checks_clean_with_no_warnings() {
    let out = rungs().arg("check").assert().code(0).stderr("");
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout, embedded_summary(), "one summary line, no warnings");
    assert!(stdout.starts_with("ok: 2 roles, 5 levels, 4 domains, "));
}

#[test]
fn warnings_go_to_stdout_with_exit_0() {
    let path = "tests/fixtures/warnings/identical-text.toml";
    let out = rungs()
        .args(["check", "--catalog", path])
        .assert()
        .code(0)
        .stderr("");
    insta::assert_snapshot!(whole(&out.get_output().stdout));
}

#[test]
fn invalid_catalog_exits_1_with_located_diagnostics() {
    let path = "tests/fixtures/invalid/unknown-key.toml";
    let out = rungs()
        .args(["check", "--catalog", path])
        .assert()
        .code(1)
        .stdout("");
    insta::assert_snapshot!(whole(&out.get_output().stderr));
}

#[test]
fn every_invalid_fixture_exits_1() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        rungs()
            .arg("check")
            .arg("--catalog")
            .arg(&path)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(": error: "))
            .stderr(predicate::str::contains("error: catalog is not valid: "));
    }
}

#[test]
fn all_files_are_reported_in_one_run() {
    let root = "tests/fixtures/invalid/many-broken-files";
    let out = rungs()
        .args(["check", "--catalog", root])
        .assert()
        .code(1)
        .stderr(predicate::str::ends_with(
            "error: catalog is not valid: 7 errors, 0 warnings\n",
        ));
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let headlines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with(root))
        .map(|l| l.split(": error: ").next().unwrap())
        .collect();
    assert_eq!(
        headlines,
        [
            format!("{root}/catalog.toml:12:1"),
            format!("{root}/catalog.toml:14:1"),
            format!("{root}/skills/a-syntax.toml:4:23"),
            format!("{root}/skills/b-unknown-key.toml:4:1"),
            format!("{root}/skills/nested/c-unknown-domain.toml:3:10"),
            format!("{root}/skills/nested/deeper/d-bad-cells.toml:6:10"),
            format!("{root}/skills/nested/deeper/d-bad-cells.toml:7:1"),
        ]
    );
}

#[test]
fn missing_catalog_exits_1() {
    let out = rungs()
        .args(["check", "--catalog", "no/such/catalog.toml"])
        .assert()
        .code(1);
    insta::assert_snapshot!(whole(&out.get_output().stderr));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--bogus"][..],
        &["check", "--bogus"],
        &["check", "extra-argument"],
        &["init"],
        &["frobnicate"],
        &["check", "--catalog"],
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
fn rungs_catalog_env_var_is_honoured() {
    let out = rungs()
        .env("RUNGS_CATALOG", SEED)
        .arg("check")
        .assert()
        .code(0);
    insta::assert_snapshot!("seed_summary", whole(&out.get_output().stdout));
    rungs()
        .env("RUNGS_CATALOG", "tests/fixtures/invalid/no-roles.toml")
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "tests/fixtures/invalid/no-roles.toml:1:1: error: the catalog defines no roles",
        ));
    // --catalog wins over the environment.
    let out = rungs()
        .env("RUNGS_CATALOG", "tests/fixtures/invalid/no-roles.toml")
        .args(["check", "--catalog", SEED])
        .assert()
        .code(0);
    insta::assert_snapshot!("seed_summary", whole(&out.get_output().stdout));
}

#[test]
fn init_writes_a_catalog_that_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-catalog");
    let files = rungs::catalog::embedded_files();
    rungs()
        .arg("init")
        .arg(&dir)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(format!(
            "wrote {} files to {}",
            files.len(),
            dir.display()
        )));
    assert!(dir.join("catalog.toml").is_file());
    for (rel, bytes) in &files {
        assert_eq!(&std::fs::read(dir.join(rel)).unwrap(), bytes, "{rel:?}");
    }
    // The written catalog is the embedded one: same summary, no warnings.
    rungs()
        .arg("check")
        .arg("--catalog")
        .arg(&dir)
        .assert()
        .code(0)
        .stdout(embedded_summary())
        .stderr("");
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    rungs().arg("init").arg(dir).assert().code(0);
    let root = dir.join("catalog.toml");
    std::fs::write(&root, "# my edits\n").unwrap();

    rungs()
        .arg("init")
        .arg(dir)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("already exists"))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&root).unwrap(),
        "# my edits\n",
        "refused init must not write"
    );

    rungs().arg("init").arg(dir).arg("--force").assert().code(0);
    let (_, original) = rungs::catalog::embedded_files()
        .into_iter()
        .find(|(p, _)| p == Path::new("catalog.toml"))
        .unwrap();
    assert_eq!(std::fs::read(&root).unwrap(), original);
    rungs()
        .arg("check")
        .arg("--catalog")
        .arg(dir)
        .assert()
        .code(0);
}

#[test]
fn init_into_a_folder_with_unrelated_files_is_fine() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "keep me").unwrap();
    rungs().arg("init").arg(tmp.path()).assert().code(0);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn github_format_prints_workflow_commands_on_stdout() {
    let out = rungs()
        .args([
            "check",
            "--format",
            "github",
            "--catalog",
            "tests/fixtures/invalid/bad-necessity.toml",
        ])
        .assert()
        .code(1)
        .stderr("");
    let stdout = whole(&out.get_output().stdout);
    assert_eq!(
        stdout,
        "::error file=tests/fixtures/invalid/bad-necessity.toml,line=29,col=53::unknown necessity `mandatory` (valid values: `required`, `optional`)\n\
         error: catalog is not valid: 1 error, 0 warnings\n"
    );
    // Warnings are `::warning`, and the run passes unless they are denied.
    let path = "tests/fixtures/warnings/required-then-optional.toml";
    let out = rungs()
        .args(["check", "--format", "github", "--catalog", path])
        .assert()
        .code(0)
        .stderr("");
    let stdout = whole(&out.get_output().stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with(&format!(
            "::warning file={path},line=31,col=1::skill `testing` is required"
        )),
        "{stdout}"
    );
    assert!(lines[1].starts_with("ok: 1 roles, 3 levels"), "{stdout}");
    rungs()
        .args([
            "check",
            "--format",
            "github",
            "--deny-warnings",
            "--catalog",
            path,
        ])
        .assert()
        .code(1)
        .stderr("")
        .stdout(predicate::str::ends_with(
            "\nerror: 1 warning and --deny-warnings\n",
        ));
}

#[test]
fn json_format_is_one_object_whatever_the_exit_status() {
    let out = rungs()
        .args([
            "check",
            "--format",
            "json",
            "--catalog",
            "tests/fixtures/invalid/many-broken-files",
        ])
        .assert()
        .code(1)
        .stderr("");
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["schema"], 2);
    assert_eq!(v["summary"]["valid"], false);
    assert_eq!(v["summary"]["errors"], 7);
    assert_eq!(v["summary"]["warnings"], 0);
    assert!(v["summary"]["catalog"].is_null());
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 12);
    assert_eq!(d["col"], 1);
    assert!(d["path"].as_str().unwrap().ends_with("catalog.toml"));

    let out = rungs()
        .args(["check", "--format", "json", "--catalog", SEED])
        .assert()
        .code(0)
        .stderr("");
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["summary"]["valid"], true);
    assert_eq!(v["summary"]["catalog"]["skills"], 1);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
}

#[test]
fn deny_warnings_makes_warnings_fail_in_text_too() {
    let path = "tests/fixtures/warnings/identical-text.toml";
    rungs()
        .args(["check", "--deny-warnings", "--catalog", path])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            ": warning: skill `testing` has the same text",
        ))
        .stderr("error: 1 warning and --deny-warnings\n");
    // A clean catalog passes with it.
    rungs()
        .args(["check", "--deny-warnings", "--catalog", SEED])
        .assert()
        .code(0);
}

/// A link in the catalog folder to a file outside it: `rungs check` names
/// the link and prints nothing of the file (an API key must not reach a CI
/// log); `--follow-external-links` reads it.
#[cfg(unix)]
#[test]
fn links_leaving_the_catalog_need_follow_external_links() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secrets.toml");
    std::fs::write(&secret, "api_key = \"sk-live-0123456789\"\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    rungs::cli::init::run(dir.path(), false, &mut Vec::new()).unwrap();
    let link = dir.path().join("skills/creds.toml");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    let cat = dir.path().to_str().unwrap();

    let out = rungs()
        .env("RUNGS_NO_CACHE", "1")
        .args(["check", "--catalog", cat])
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(!err.contains("sk-live"), "{err}");
    assert!(
        err.contains(&format!("{}:1:1: error: symbolic link to ", link.display()))
            && err.contains("pass --follow-external-links to follow it anyway"),
        "{err}"
    );

    let out = rungs()
        .env("RUNGS_NO_CACHE", "1")
        .args(["check", "--follow-external-links", "--catalog", cat])
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("unknown key `api_key`"), "{err}");
}
