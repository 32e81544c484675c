//! Search results (`rungs search`): their JSON shape and their text
//! rendering in the chosen language.
//!
//! The results are built once as [`Results`] (which is also the JSON shape,
//! documented in `docs/json.md`) and written by [`write_text`]. Write
//! errors (such as a closed pipe) are returned, never panicked on.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Ref, SCHEMA};
use crate::catalog::Catalog;
use crate::i18n::{Strings, fill};
use crate::search::{self, Field, Index, Scope};

/// The search's scope, as JSON `{"role": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScopeRef<'a> {
    /// The role given with `--role`, or `None` (JSON `null`) for all roles.
    pub role: Option<Ref<'a>>,
}

/// Where a result matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match<'a> {
    /// `"name"`, `"tag"`, `"domain"`, or for an expectation `"text"`,
    /// `"behaviour"` (every query word in one behaviour) or `"example"`
    /// (in an example of evidence).
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
    /// The ranking itself: never higher than the previous result's.
    pub score: i64,
    pub skill: Ref<'a>,
    pub domain: Ref<'a>,
    #[serde(rename = "match")]
    pub matched: Match<'a>,
}

/// What `rungs search` prints, and the JSON it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Results<'a> {
    pub schema: u32,
    pub query: &'a str,
    pub scope: ScopeRef<'a>,
    /// Every matching expectation is listed (`--all-cells`), not each
    /// skill's best match.
    pub all_cells: bool,
    /// Number of matching skills (cells with `all_cells`), before `--limit`.
    pub total: usize,
    pub results: Vec<Item<'a>>,
}

/// Runs `query` over the catalog (only `role`'s profile and expectations
/// when given) and keeps the best `limit` results (all when `limit` is 0):
/// each skill's best match, or every matching expectation with
/// `all_cells`. One query builds no text index: texts are scanned.
pub fn results<'a>(
    catalog: &'a Catalog,
    query: &'a str,
    role: Option<usize>,
    limit: usize,
    all_cells: bool,
) -> Results<'a> {
    let scope = role.map_or(Scope::AllRoles, Scope::Role);
    let (found, total) = Index::one_query(catalog, query, scope, all_cells, limit);
    let hits = found.hits;
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
            let mut field = hit.field.kind();
            if let Field::Text { role, level } = hit.field
                && let Some(cell) = skill.cell(role, level)
            {
                // Say which part of the expectation matched: one
                // behaviour, or an example when the text itself does not.
                let in_text = search::matches_all(&cell.text, &qwords);
                let behaviour = cell
                    .behaviours()
                    .iter()
                    .find(|b| search::matches_all(&b.text, &qwords));
                let example = cell
                    .examples()
                    .iter()
                    .chain(cell.behaviours().iter().flat_map(|b| &b.examples))
                    .find(|e| search::matches_all(e, &qwords));
                if let Some(b) = behaviour {
                    field = "behaviour";
                    (hit.shown, hit.indices) = search::snippet(&b.text, &qwords);
                } else if let (false, Some(e)) = (in_text, example) {
                    field = "example";
                    (hit.shown, hit.indices) = search::snippet(e, &qwords);
                }
            }
            Some(Item {
                rank: i + 1,
                score: hit.score,
                skill: Ref::skill(skill),
                domain: Ref::from(catalog.domain_of(skill)),
                matched: Match {
                    field,
                    role,
                    level,
                    text: hit.shown,
                    highlight: hit.indices,
                },
            })
        })
        .collect();
    Results {
        schema: SCHEMA,
        query,
        scope: ScopeRef {
            role: role.and_then(|r| catalog.roles.get(r)).map(Ref::from),
        },
        all_cells,
        total,
        results,
    }
}

/// Where a result matched, as the text format prints it.
fn place(t: &Strings, m: &Match<'_>) -> String {
    match (&m.role, &m.level) {
        (Some(role), Some(level)) => match m.field {
            "behaviour" => format!("{} · {} · {}", role.name, level.name, t.search_in_behaviour),
            "example" => format!("{} · {} · {}", role.name, level.name, t.search_in_example),
            _ => format!("{} · {}", role.name, level.name),
        },
        _ => match m.field {
            "name" => t.search_in_name,
            "tag" => t.search_in_tag,
            "domain" => t.search_in_domain,
            "text" => t.search_in_text,
            "behaviour" => t.search_in_behaviour,
            "example" => t.search_in_example,
            other => other,
        }
        .to_string(),
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

/// Writes the results as aligned plain text, with the words of `t`.
pub fn write_text(t: &Strings, r: &Results<'_>, out: &mut dyn Write) -> io::Result<()> {
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
            place(t, &item.matched)
        )?;
        if item.matched.field != "name" {
            writeln!(out, "{indent}{}", one_line(&item.matched.text))?;
        }
    }
    if r.results.len() < r.total {
        let more = fill(
            t.search_more,
            &[
                ("shown", &r.results.len().to_string()),
                ("total", &r.total.to_string()),
            ],
        );
        writeln!(out, "{more}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;
    use crate::i18n::{EN, ZH};

    fn embedded() -> Catalog {
        load_embedded().unwrap().catalog
    }

    #[test]
    fn name_match_comes_first() {
        let c = embedded();
        let r = results(&c, "deep learn", None, 5, false);
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
        let all = results(&c, "data", None, 0, false);
        assert_eq!(all.results.len(), all.total);
        assert!(all.total > 2, "{}", all.total);
        let two = results(&c, "data", None, 2, false);
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
        let all = results(&c, "gadget", None, 0, false);
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
    fn pad_counts_columns_not_bytes() {
        assert_eq!(pad("é", 3), "é  ");
        assert_eq!(pad("abcd", 2), "abcd");
    }
    #[test]
    fn chinese_text_names_where_it_matched() {
        let c = embedded();
        let text = |t: &Strings, r: &Results<'_>| {
            let mut out = Vec::new();
            write_text(t, r, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let r = results(&c, "data", None, 2, false);
        assert!(r.total > 2, "{}", r.total);
        let en = text(&EN, &r);
        let zh = text(&ZH, &r);
        let more = format!("(2 of {} results; --limit 0 shows all)\n", r.total);
        assert!(en.ends_with(&more), "{en}");
        assert!(
            zh.ends_with(&format!(
                "（共 {} 个结果，显示 2 个；--limit 0 显示全部）\n",
                r.total
            )),
            "{zh}"
        );
        assert!(
            en.contains("  [name]\n") && zh.contains("  [名称]\n"),
            "{en}{zh}"
        );
    }
}
