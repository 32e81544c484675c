//! The `rungs search` subcommand: ranking, formats, `--role`, `--limit`,
//! exit codes.

use predicates::prelude::*;

use crate::support::{json_of, rungs, stdout_of, whole};

fn results(v: &serde_json::Value) -> &Vec<serde_json::Value> {
    v["results"].as_array().unwrap()
}

/// The keys of a JSON object, sorted.
fn keys_of(v: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

/// The characters of `text` at the positions `highlight` lists.
fn highlighted(m: &serde_json::Value) -> String {
    let chars: Vec<char> = m["text"].as_str().unwrap().chars().collect();
    m["highlight"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| chars[usize::try_from(i.as_u64().unwrap()).unwrap()])
        .collect()
}

#[test]
fn text_name_match_is_one_aligned_line() {
    let out = stdout_of(&["search", "deep learn"]);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("  "), "{first}");
    let cols: Vec<&str> = first.split_whitespace().collect();
    assert!(cols[0].parse::<i64>().is_ok(), "{first}");
    assert_eq!(cols[1], "deep-learning");
    assert!(first.contains("  Deep Learning  "), "{first}");
    assert!(first.ends_with("[name]"), "{first}");
    // A name match has no snippet line: the next line is another result.
    if let Some(second) = out.lines().nth(1) {
        assert!(second.trim_end().ends_with(']'), "{second}");
    }
    // Result lines are aligned: the `[` of every result starts in one column.
    let columns: Vec<usize> = out
        .lines()
        .filter(|l| l.ends_with(']'))
        .map(|l| l.chars().take_while(|&c| c != '[').count())
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{out}");
    assert!(!out.contains('\u{1b}'), "no colours: {out:?}");
}

#[test]
fn words_need_no_quotes() {
    assert_eq!(
        stdout_of(&["search", "deep", "learn"]),
        stdout_of(&["search", "deep learn"])
    );
}

#[test]
fn text_match_shows_role_level_and_snippet() {
    let out = stdout_of(&["search", "torch.comp", "--format", "text"]);
    assert_eq!(out, stdout_of(&["search", "torch.comp"]), "text is default");
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.split_whitespace().nth(1) == Some("deep-learning"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(lines[at].contains("  Deep Learning  ["), "{}", lines[at]);
    // `[<role name> · <level name>]`
    let place = &lines[at][lines[at].rfind('[').unwrap()..];
    assert!(place.contains(" · ") && place.ends_with(']'), "{place}");
    let snippet = lines[at + 1];
    assert!(snippet.starts_with("     "), "indented: {snippet:?}");
    assert!(snippet.contains("torch.compile"), "{snippet}");
}

#[test]
fn json_has_the_documented_shape() {
    let raw = stdout_of(&["search", "deep learn", "--format", "json"]);
    // Top-level keys, in the documented order (nested ones are checked as sets,
    // since `serde_json::Value` sorts its keys).
    let top: Vec<&str> = raw
        .lines()
        .filter(|l| l.starts_with("  \""))
        .filter_map(|l| l.trim_start().split('"').nth(1))
        .collect();
    assert_eq!(
        top,
        ["schema", "query", "scope", "all_cells", "total", "results"]
    );
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["schema"], 2);
    assert_eq!(v["all_cells"], false);
    assert_eq!(v["query"], "deep learn");
    assert_eq!(v["scope"], serde_json::json!({"role": null}));
    let rs = results(&v);
    assert!(!rs.is_empty());
    assert!(v["total"].as_u64().unwrap() >= rs.len() as u64);
    for (i, r) in rs.iter().enumerate() {
        assert_eq!(keys_of(r), ["domain", "match", "rank", "score", "skill"]);
        assert_eq!(r["rank"], i + 1);
        assert!(r["score"].is_i64());
        let m = &r["match"];
        assert_eq!(keys_of(m), ["field", "highlight", "level", "role", "text"]);
        let is_text = m["field"] == "text";
        assert!(["name", "tag", "domain", "text"].contains(&m["field"].as_str().unwrap()));
        assert_eq!(m["role"].is_object(), is_text, "{m}");
        assert_eq!(m["level"].is_object(), is_text, "{m}");
    }
    // Scores never rise down the list.
    let scores: Vec<i64> = rs.iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    let top = &rs[0];
    assert_eq!(
        top["skill"],
        serde_json::json!({"id": "deep-learning", "name": "Deep Learning"})
    );
    assert_eq!(
        top["domain"],
        serde_json::json!({"id": "ml-ai", "name": "Machine Learning & AI"})
    );
    let m = &top["match"];
    assert_eq!(m["field"], "name");
    assert_eq!(m["text"], "Deep Learning");
    // The highlighted characters spell the query's letters, in order.
    assert_eq!(highlighted(m).to_lowercase(), "deep learn");
}

#[test]
fn json_text_match_highlights_the_matched_word() {
    let v = json_of(&["search", "torch.comp", "--format", "json"]);
    let dl = results(&v)
        .iter()
        .find(|r| r["skill"]["id"] == "deep-learning")
        .unwrap();
    let m = &dl["match"];
    assert_eq!(m["field"], "text");
    assert!(m["text"].as_str().unwrap().contains("torch.compile"), "{m}");
    assert_eq!(highlighted(m), "torch.compile");
    assert!(m["role"]["id"].is_string() && m["role"]["name"].is_string());
    assert!(m["level"]["id"].is_string() && m["level"]["name"].is_string());
}

#[test]
fn role_limits_the_search() {
    let all = json_of(&["search", "sql", "--format", "json", "--limit", "0"]);
    for given in ["data-scientist", "Data Scientist"] {
        let v = json_of(&["search", "sql", "--role", given, "--format", "json"]);
        assert_eq!(
            v["scope"]["role"],
            serde_json::json!({"id": "data-scientist", "name": "Data Scientist"})
        );
        assert!(!results(&v).is_empty());
        assert!(v["total"].as_u64().unwrap() <= all["total"].as_u64().unwrap());
        for r in results(&v) {
            if r["match"]["field"] == "text" {
                assert_eq!(r["match"]["role"]["id"], "data-scientist", "{r}");
            }
        }
    }
    // LLM Engineer texts are never shown with --role data-scientist.
    let text = stdout_of(&[
        "search",
        "prompt",
        "--role",
        "data-scientist",
        "--limit",
        "0",
    ]);
    assert!(!text.contains("[LLM Engineer · "), "{text}");
    // The global flag means the same.
    assert_eq!(
        stdout_of(&["--role", "llm-engineer", "search", "eval"]),
        stdout_of(&["search", "eval", "--role", "llm-engineer"])
    );
}

#[test]
fn limit_cuts_the_list_but_not_the_total() {
    let all = json_of(&["search", "data", "--format", "json", "--limit", "0"]);
    let total = all["total"].as_u64().unwrap();
    assert!(total > 3, "{total}");
    assert_eq!(results(&all).len() as u64, total);
    let three = json_of(&["search", "data", "--format", "json", "--limit", "3"]);
    assert_eq!(three["total"], total);
    assert_eq!(results(&three)[..], results(&all)[..3]);

    let text = stdout_of(&["search", "data", "--limit", "3"]);
    assert_eq!(text.lines().filter(|l| l.ends_with(']')).count(), 3);
    assert!(
        text.ends_with(&format!("(3 of {total} results; --limit 0 shows all)\n")),
        "{text}"
    );
    let unlimited = stdout_of(&["search", "data", "--limit", "0"]);
    assert!(!unlimited.contains("--limit 0 shows all"));
    assert_eq!(
        unlimited.lines().filter(|l| l.ends_with(']')).count() as u64,
        total
    );
}

#[test]
fn default_limit_is_20() {
    let v = json_of(&["search", "a", "--format", "json"]);
    let total = v["total"].as_u64().unwrap();
    assert_eq!(results(&v).len() as u64, total.min(20));
}

#[test]
fn no_match_exits_1() {
    let out = rungs()
        .args(["search", "xqzxqz"])
        .assert()
        .code(1)
        .stdout("");
    insta::assert_snapshot!(whole(&out.get_output().stderr));
    let out = rungs()
        .args(["search", "xqzxqz", "--format", "json"])
        .assert()
        .code(1)
        .stderr("");
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["total"], 0);
    assert_eq!(v["results"], serde_json::json!([]));
}

#[test]
fn unknown_role_exits_2() {
    let out = rungs()
        .args(["search", "sql", "--role", "astronaut", "--format", "json"])
        .assert()
        .code(2)
        .stdout("");
    insta::assert_snapshot!(whole(&out.get_output().stderr));
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &["search"][..],
        &["search", "   "],
        &["search", "sql", "--limit", "-1"],
        &["search", "sql", "--limit", "many"],
        &["search", "sql", "--format", "markdown"],
        &["search", "sql", "--role"],
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
fn catalog_option_is_honoured() {
    let seed = "tests/fixtures/valid/seed-skill.toml";
    let v = json_of(&["search", "deep", "--catalog", seed, "--format", "json"]);
    assert_eq!(results(&v)[0]["skill"]["id"], "deep-learning");
    let out = rungs()
        .env("RUNGS_CATALOG", seed)
        .args(["search", "deep", "--format", "json"])
        .assert()
        .code(0);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out.get_output().stdout).unwrap(),
        v
    );
}

#[test]
fn docs_json_example_is_real_output() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md"),
    )
    .unwrap();
    let section = &doc[doc.find("# `rungs search`").unwrap()..];
    let start = section.find("```json\n").unwrap() + "```json\n".len();
    let block = &section[start..];
    let block = &block[..block.find("```").unwrap()];
    let mut documented: serde_json::Value = serde_json::from_str(block).unwrap();
    let query = documented["query"].as_str().unwrap().to_string();
    let mut real = json_of(&["search", &query, "--format", "json"]);
    // Scores may be retuned without the docs changing; everything else is as shown.
    for v in [&mut documented, &mut real] {
        for r in v["results"].as_array_mut().unwrap() {
            r["score"] = serde_json::Value::Null;
        }
    }
    assert_eq!(documented, real);
}

#[test]
fn scores_never_rise_down_the_list_for_a_query_with_ties() {
    // The issue's example: three skills mention mentors; the old scores
    // (131, 139, 131) were out of order.
    for q in ["mentor", "mentoring", "data", "d"] {
        let v = json_of(&["search", q, "--limit", "0", "--format", "json"]);
        let scores: Vec<i64> = results(&v)
            .iter()
            .map(|r| r["score"].as_i64().unwrap())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{q}: {scores:?}");
    }
}

#[test]
fn word_forms_find_the_same_skills() {
    let skills = |q: &str| -> Vec<String> {
        let v = json_of(&["search", q, "--limit", "0", "--format", "json"]);
        let mut ids: Vec<String> = results(&v)
            .iter()
            .map(|r| r["skill"]["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort_unstable();
        ids
    };
    let mentor = skills("mentor");
    assert!(mentor.len() >= 3, "{mentor:?}");
    for q in ["mentoring", "mentors", "mentored"] {
        assert_eq!(skills(q), mentor, "{q}");
    }
}

#[test]
fn all_cells_lists_every_matching_expectation() {
    let best = json_of(&["search", "incident", "--limit", "0", "--format", "json"]);
    let cells = json_of(&[
        "search",
        "incident",
        "--all-cells",
        "--limit",
        "0",
        "--format",
        "json",
    ]);
    assert_eq!(cells["all_cells"], true);
    let rs = results(&cells);
    assert_eq!(cells["total"].as_u64().unwrap(), rs.len() as u64);
    assert!(rs.len() > results(&best).len(), "more cells than skills");
    let mut places = std::collections::HashSet::new();
    for r in rs {
        let m = &r["match"];
        assert_eq!(m["field"], "text");
        assert!(m["role"].is_object() && m["level"].is_object(), "{m}");
        assert!(
            places.insert((
                r["skill"]["id"].to_string(),
                m["role"]["id"].to_string(),
                m["level"]["id"].to_string()
            )),
            "each cell once"
        );
        assert!(highlighted(m).to_lowercase().starts_with("incident"), "{m}");
    }
    let scores: Vec<i64> = rs.iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // Text output: one line and one snippet per cell.
    let out = stdout_of(&["search", "incident", "--all-cells", "--limit", "0"]);
    assert_eq!(out.lines().count(), 2 * rs.len(), "{out}");
}
