//! The `rungs list` subcommand: kinds, order, `--role`/`--level`, formats.

use predicates::prelude::*;

use crate::support::{json_of, rungs, stdout_of};

#[test]
fn levels_roles_and_domains_come_in_catalog_order() {
    let levels = stdout_of(&["list", "levels"]);
    let ids: Vec<&str> = levels
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, ["junior", "middle", "senior", "lead", "principal"]);
    assert!(levels.starts_with("junior\tJunior\n"), "{levels}");
    let roles = stdout_of(&["list", "roles"]);
    assert_eq!(roles.lines().count(), 2);
    assert!(roles.contains("llm-engineer\tLLM Engineer\n"), "{roles}");
    let domains = json_of(&["list", "domains", "--format", "json"]);
    assert_eq!(domains["schema"], 2);
    assert_eq!(domains["kind"], "domains");
    assert!(domains["items"].as_array().unwrap().len() >= 2);
}

#[test]
fn every_skill_is_listed_once_grouped_by_domain() {
    let v = json_of(&["list", "skills", "--format", "json"]);
    let items = v["items"].as_array().unwrap();
    let check = stdout_of(&["check"]);
    let skills: usize = check
        .split(", ")
        .find_map(|p| p.strip_suffix(" skills").and_then(|n| n.parse().ok()))
        .unwrap();
    assert_eq!(items.len(), skills);
    // Domains come in one run each, in catalog order.
    let domains: Vec<String> = json_of(&["list", "domains", "--format", "json"])["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let positions: Vec<usize> = items
        .iter()
        .map(|i| domains.iter().position(|d| i["domain"] == **d).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
    assert!(items.iter().all(|i| i.get("necessity").is_none()));
}

#[test]
fn a_role_gives_its_profile_with_necessity_at_the_level() {
    let text = stdout_of(&[
        "list",
        "skills",
        "--role",
        "data-scientist",
        "--level",
        "lead",
    ]);
    assert!(!text.is_empty());
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line}");
        assert!(["required", "optional", "-"].contains(&fields[3]), "{line}");
    }
    assert!(text.lines().any(|l| l.ends_with("\trequired")));
    let v = json_of(&[
        "list",
        "skills",
        "--role",
        "Data Scientist",
        "--level",
        "4",
        "--format",
        "json",
    ]);
    assert_eq!(v["role"]["id"], "data-scientist");
    assert_eq!(v["level"]["id"], "lead");
    assert_eq!(v["items"].as_array().unwrap().len(), text.lines().count());
    // The global flags mean the same.
    assert_eq!(
        stdout_of(&[
            "--role",
            "data-scientist",
            "--level",
            "lead",
            "list",
            "skills"
        ]),
        text
    );
}

#[test]
fn misplaced_or_unknown_flags_are_usage_errors() {
    rungs()
        .args(["list", "roles", "--role", "data-scientist"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "apply to `rungs list skills` only",
        ));
    rungs()
        .args(["list", "skills", "--level", "lead"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--level needs --role"));
    rungs()
        .args(["list", "skills", "--role", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown role `nobody`"));
    rungs().args(["list", "things"]).assert().code(2);
}
