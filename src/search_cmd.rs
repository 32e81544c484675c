//! `rungs search QUERY`: the TUI's search, ranked, as plain text or JSON.
//!
//! The results are built once as a [`Report`] (which is also the JSON shape,
//! documented in `docs/json.md`) and then rendered in the chosen [`Format`].
//! Everything is written to the writers given, and write errors (such as a
//! closed pipe) are returned, never panicked on.

use std::io::{self, Write};
use std::path::Path;

use clap::ValueEnum;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::catalog::Catalog;
use crate::commands::{self, EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::search::{self, Field, Index, Scope};
use crate::show::Ref;

/// Version of the JSON shape; raised only when a field changes meaning or is
/// removed (new fields may be added without raising it).
pub const SCHEMA: u32 = 1;

/// Results printed when `--limit` is not given.
pub const DEFAULT_LIMIT: usize = 20;

/// How `rungs search` prints its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Aligned plain text for the terminal
    #[default]
    Text,
    /// Pretty-printed JSON (see docs/json.md)
    Json,
}

/// The search's scope, as JSON `{"role": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScopeRef<'a> {
    /// The role given with `--role`, or `None` (JSON `null`) for all roles.
    pub role: Option<Ref<'a>>,
}

/// Where a result matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match<'a> {
    /// `"name"`, `"tag"`, `"domain"` or `"text"`.
    pub field: &'static str,
    /// For a text match, the role of the expectation; else `None`.
    pub role: Option<Ref<'a>>,
    /// For a text match, the level of the expectation; else `None`.
    pub level: Option<Ref<'a>>,
    /// The matched name, tag or domain name, or a one-line snippet of the
    /// expectation text around the matched words.
    pub text: String,
    /// Character (not byte) indices into `text` of the matched characters.
    pub highlight: Vec<usize>,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item<'a> {
    /// 1-based position in the ranking.
    pub rank: usize,
    pub score: i64,
    pub skill: Ref<'a>,
    pub domain: Ref<'a>,
    #[serde(rename = "match")]
    pub matched: Match<'a>,
}

/// What `rungs search` prints, and the JSON it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report<'a> {
    pub schema: u32,
    pub query: &'a str,
    pub scope: ScopeRef<'a>,
    /// Number of matching skills, before `--limit`.
    pub total: usize,
    pub results: Vec<Item<'a>>,
}

/// Runs `query` over the catalog (only `role`'s profile and expectations
/// when given) and keeps the best `limit` results (all when `limit` is 0).
pub fn report<'a>(
    catalog: &'a Catalog,
    query: &'a str,
    role: Option<usize>,
    limit: usize,
) -> Report<'a> {
    let scope = role.map_or(Scope::AllRoles, Scope::Role);
    let index = Index::new(catalog);
    let mut hits = index
        .search(catalog, query, scope, None, &|| false)
        .map(|r| r.hits)
        .unwrap_or_default();
    let total = hits.len();
    if limit > 0 {
        hits.truncate(limit);
    }
    let qwords = search::query_words(query.trim());
    let results = hits
        .into_iter()
        .enumerate()
        .filter_map(|(i, mut hit)| {
            search::fill_shown(catalog, &mut hit, &qwords);
            let skill = catalog.skills.get(hit.skill)?;
            let (role, level) = match hit.field {
                Field::Text { role, level } => (
                    catalog.roles.get(role).map(Ref::from),
                    catalog.levels.get(level).map(Ref::from),
                ),
                _ => (None, None),
            };
            Some(Item {
                rank: i + 1,
                score: hit.score,
                skill: Ref {
                    id: &skill.id,
                    name: &skill.name,
                },
                domain: Ref::from(catalog.domain_of(skill)),
                matched: Match {
                    field: hit.field.kind(),
                    role,
                    level,
                    text: hit.shown,
                    highlight: hit.indices,
                },
            })
        })
        .collect();
    Report {
        schema: SCHEMA,
        query,
        scope: ScopeRef {
            role: role.and_then(|r| catalog.roles.get(r)).map(Ref::from),
        },
        total,
        results,
    }
}

/// `rungs search` on a loaded catalog: prints the results to `out` and
/// returns [`EXIT_OK`], or [`EXIT_INVALID`] when nothing matched. An empty
/// query or an unknown role is `error: …` on `err` and [`EXIT_USAGE`].
pub fn run(
    catalog: &Catalog,
    query: &str,
    role: Option<&str>,
    limit: usize,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if query.trim().is_empty() {
        writeln!(err, "error: the search query is empty")?;
        return Ok(EXIT_USAGE);
    }
    let role = match role.map(|r| catalog.find_role(r)).transpose() {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let report = report(catalog, query, role, limit);
    match format {
        Format::Text if report.results.is_empty() => {
            writeln!(err, "no skill matches `{query}`")?;
        }
        Format::Text => render_text(&report, out)?,
        Format::Json => commands::write_json(out, &report)?,
    }
    Ok(if report.results.is_empty() {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}

/// `rungs search` from the command line: loads the catalog (the embedded one
/// when `path` is `None`), prints its problems and exits 1 if it is invalid,
/// then runs [`run`]. Load warnings are not printed (`rungs check` does).
pub fn command(
    path: Option<&Path>,
    query: &str,
    role: Option<&str>,
    limit: usize,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let loaded = match commands::load_or_report(path, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    run(&loaded.catalog, query, role, limit, format, out, err)
}

/// Where a result matched, as the text format prints it.
fn place(m: &Match<'_>) -> String {
    match (&m.role, &m.level) {
        (Some(role), Some(level)) => format!("{} · {}", role.name, level.name),
        _ => m.field.to_string(),
    }
}

/// Keeps a value on one line.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

/// `text` followed by spaces up to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    let mut s = text.to_string();
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(text.width())));
    s
}

fn render_text(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<String> = r.results.iter().map(|i| one_line(i.skill.name)).collect();
    let score_w = r
        .results
        .iter()
        .map(|i| i.score.to_string().len())
        .max()
        .unwrap_or(0);
    let id_w = r
        .results
        .iter()
        .map(|i| i.skill.id.width())
        .max()
        .unwrap_or(0);
    let name_w = names.iter().map(|n| n.width()).max().unwrap_or(0);
    let indent = " ".repeat(2 + score_w + 2);
    for (item, name) in r.results.iter().zip(&names) {
        writeln!(
            out,
            "  {:>score_w$}  {}  {}  [{}]",
            item.score,
            pad(item.skill.id, id_w),
            pad(name, name_w),
            place(&item.matched)
        )?;
        if item.matched.field != "name" {
            writeln!(out, "{indent}{}", one_line(&item.matched.text))?;
        }
    }
    if r.results.len() < r.total {
        writeln!(
            out,
            "({} of {} results; --limit 0 shows all)",
            r.results.len(),
            r.total
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    fn embedded() -> Catalog {
        load_embedded().unwrap().catalog
    }

    fn search(
        c: &Catalog,
        query: &str,
        role: Option<&str>,
        limit: usize,
        format: Format,
    ) -> (u8, String, String) {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = run(c, query, role, limit, format, &mut out, &mut err).unwrap();
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn name_match_comes_first() {
        let c = embedded();
        let r = report(&c, "deep learn", None, 5);
        let top = &r.results[0];
        assert_eq!(top.rank, 1);
        assert_eq!(top.skill.id, "deep-learning");
        assert_eq!(top.matched.field, "name");
        assert_eq!(top.matched.text, "Deep Learning");
        assert!(top.matched.role.is_none() && top.matched.level.is_none());
        assert!(r.total >= r.results.len());
    }

    #[test]
    fn limit_zero_keeps_everything() {
        let c = embedded();
        let all = report(&c, "data", None, 0);
        assert_eq!(all.results.len(), all.total);
        assert!(all.total > 2, "{}", all.total);
        let two = report(&c, "data", None, 2);
        assert_eq!(two.results.len(), 2);
        assert_eq!(two.total, all.total);
        assert_eq!(two.results[..], all.results[..2]);
    }

    /// A catalog of `n` skills whose texts all mention "gadgets".
    fn many(n: usize) -> Catalog {
        let mut toml = String::from(
            "[[levels]]\nid = \"junior\"\nname = \"Junior\"\n\n\
             [[roles]]\nid = \"engineer\"\nname = \"Engineer\"\n\n\
             [[domains]]\nid = \"craft\"\nname = \"Craft\"\n",
        );
        for i in 0..n {
            toml.push_str(&format!(
                "\n[[skills]]\nid = \"skill-{i}\"\nname = \"Skill {i}\"\ndomain = \"craft\"\n\
                 [skills.expectations.engineer]\njunior = \"Builds gadgets number {i}.\"\n"
            ));
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.toml");
        std::fs::write(&path, toml).unwrap();
        crate::catalog::load_path(&path).unwrap().catalog
    }

    #[test]
    fn results_past_the_prefilled_ones_get_their_text() {
        let n = search::SHOWN_UP_FRONT + 50;
        let c = many(n);
        let all = report(&c, "gadget", None, 0);
        assert_eq!((all.total, all.results.len()), (n, n));
        for item in &all.results {
            assert_eq!(item.matched.field, "text");
            assert!(item.matched.text.contains("gadgets"), "{item:?}");
            let hl: String = item
                .matched
                .highlight
                .iter()
                .filter_map(|&i| item.matched.text.chars().nth(i))
                .collect();
            assert_eq!(hl, "gadgets");
        }
    }

    #[test]
    fn text_match_names_role_and_level() {
        let c = embedded();
        let (code, out, err) = search(&c, "torch.comp", None, 20, Format::Text);
        assert_eq!((code, err.as_str()), (EXIT_OK, ""));
        let lines: Vec<&str> = out.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains(" deep-learning "))
            .unwrap();
        assert!(lines[at].ends_with("  [LLM Engineer · Senior]"), "{out}");
        assert!(lines[at + 1].contains("torch.compile"), "{out}");
        assert!(!out.contains('\u{1b}'), "no escape codes");
    }

    #[test]
    fn empty_query_and_unknown_role_are_usage_errors() {
        let c = embedded();
        let (code, out, err) = search(&c, "  ", None, 20, Format::Json);
        assert_eq!((code, out.as_str()), (EXIT_USAGE, ""));
        assert_eq!(err, "error: the search query is empty\n");
        let (code, out, err) = search(&c, "sql", Some("astronaut"), 20, Format::Text);
        assert_eq!((code, out.as_str()), (EXIT_USAGE, ""));
        assert!(err.starts_with("error: unknown role `astronaut`"), "{err}");
    }

    #[test]
    fn no_match_exits_1() {
        let c = embedded();
        let (code, out, err) = search(&c, "xqzxqz", None, 20, Format::Text);
        assert_eq!((code, out.as_str()), (EXIT_INVALID, ""));
        assert_eq!(err, "no skill matches `xqzxqz`\n");
        let (code, out, err) = search(&c, "xqzxqz", None, 20, Format::Json);
        assert_eq!((code, err.as_str()), (EXIT_INVALID, ""));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["total"], 0);
        assert_eq!(v["results"], serde_json::json!([]));
    }

    #[test]
    fn pad_counts_columns_not_bytes() {
        assert_eq!(pad("é", 3), "é  ");
        assert_eq!(pad("abcd", 2), "abcd");
    }
}
