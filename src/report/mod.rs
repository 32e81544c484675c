//! Printable formats: promotion reports, skill profiles and search results,
//! as JSON shapes and their Markdown and text renderings.
//!
//! A promotion report (`rungs gap`, and the TUI's export) is built once as a
//! [`Report`] ([`model`], which is also the JSON shape documented in
//! `docs/json.md`) and rendered by [`markdown_in`] or [`text_in`]. Items keep
//! the gap's order (required first, then by domain and name). Review
//! assessments are looked up by skill id; the caller is responsible for
//! passing the review that belongs to the gap. [`profile`] (`rungs show`) and
//! [`results`] (`rungs search`) follow the same pattern. Human-readable
//! renderings take their words from an [`crate::i18n`] table; JSON keeps its
//! keys and the catalog's canonical names.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::catalog::{Cell, Date, Named, Skill};
use crate::i18n::Strings;

pub mod compare;
pub mod diff;
mod export;
mod html;
pub mod listing;
mod markdown;
pub mod model;
pub mod profile;
pub mod results;
mod spreadsheet;
mod text;
mod wording;

pub use export::{Format, export_file_name, export_file_name_as, export_path, export_path_as};
pub use html::{escape as escape_html_text, html_of};
pub use markdown::{escape_cell, markdown_in, markdown_of};
pub(crate) use markdown::{
    escape_cell_into, escape_html, escape_line, escape_line_into, escape_text_into,
};
pub use model::{DomainBar, bar_slot, domain_bars};
pub use model::{Report, build, build_as};
pub use spreadsheet::csv_of;
pub use text::{text_in, text_of};

/// Version of the JSON shapes; raised only when a field changes meaning or
/// is removed (new fields may be added without raising it). 2: names in
/// the reader's language, and expectations carry `behaviours`, `examples`
/// and `proficiency` (catalog format 1.1); schema 1 is in `docs/json.md`.
pub const SCHEMA: u32 = 2;

/// An expectation as lines of text, for the text and Markdown formats: the
/// intro, one `- ` line per behaviour with its examples under it
/// (`  e.g. …`), then the cell's own examples (`e.g. …`). A cell without
/// behaviours or examples is its text's lines.
pub fn cell_lines(t: &Strings, cell: &Cell) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if cell.behaviours().is_empty() {
        lines.extend(cell.text.split('\n').map(str::to_string));
    } else {
        let intro = cell.intro();
        if !intro.is_empty() {
            lines.extend(intro.split('\n').map(str::to_string));
        }
        for b in cell.behaviours() {
            lines.push(format!("- {}", b.text));
            for e in &b.examples {
                lines.push(format!("  {} {e}", t.example_prefix));
            }
        }
    }
    for e in cell.examples() {
        lines.push(format!("{} {e}", t.example_prefix));
    }
    lines
}

/// An id and display name, as JSON `{"id": …, "name": …}`.
///
/// Text and Markdown show `name`, the reader's language's; JSON holds the
/// name as written in the catalog, so it is the same in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ref<'a> {
    pub id: &'a str,
    #[serde(skip)]
    pub name: &'a str,
    #[serde(rename = "name")]
    pub written: &'a str,
}

impl<'a> Ref<'a> {
    /// A name that is the same in every language.
    pub const fn new(id: &'a str, name: &'a str) -> Self {
        Ref {
            id,
            name,
            written: name,
        }
    }

    /// A skill's id and names.
    pub fn skill(s: &'a Skill) -> Self {
        Ref {
            id: &s.id,
            name: &s.name,
            written: s.written_name(),
        }
    }
}

impl<'a> From<&'a Named> for Ref<'a> {
    fn from(n: &'a Named) -> Self {
        Ref {
            id: &n.id,
            name: &n.name,
            written: n.written_name(),
        }
    }
}

/// Today's date where the user is (the system time zone, `TZ` when set),
/// for new reviews and for reports without a review.
pub fn today() -> Date {
    date_at(Timestamp::now(), &local_zone())
}

/// The system time zone. Without `TZ`, it is read straight from
/// `/etc/localtime`: `TimeZone::system()` first lists every zone under
/// `/usr/share/zoneinfo` to find its name (over a millisecond of every
/// start of the explorer), and a date needs the rules, not the name.
fn local_zone() -> TimeZone {
    #[cfg(unix)]
    if std::env::var_os("TZ").is_none()
        && let Ok(data) = std::fs::read("/etc/localtime")
        && let Ok(tz) = TimeZone::tzif("Local", &data)
    {
        return tz;
    }
    TimeZone::system()
}

/// The calendar date at instant `at` in time zone `tz`. Years outside
/// 0..=65535 are clamped.
pub fn date_at(at: Timestamp, tz: &TimeZone) -> Date {
    let d = tz.to_datetime(at).date();
    Date {
        year: u16::try_from(d.year()).unwrap_or(0),
        month: u8::try_from(d.month()).unwrap_or(1),
        day: u8::try_from(d.day()).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, is_forbidden, load_embedded};
    use crate::gap::Gap;
    use crate::i18n::{Lang, ZH};
    use crate::review::{Assessment, Mark, Review};

    fn markdown(c: &Catalog, gap: &Gap, review: Option<&Review>, today: Date) -> String {
        markdown_in(Lang::En, c, gap, review, today)
    }

    fn text(c: &Catalog, gap: &Gap, review: Option<&Review>, today: Date) -> String {
        text_in(Lang::En, c, gap, review, today)
    }

    /// The report as a JSON value (whose keys are sorted).
    fn json(c: &Catalog, gap: &Gap, review: Option<&Review>, today: Date) -> serde_json::Value {
        serde_json::to_value(build(c, gap, review, today)).unwrap()
    }

    const STALE: &str = "⚠ the catalog text changed since it was assessed";

    fn embedded() -> Catalog {
        load_embedded().unwrap().catalog
    }

    const DAY: Date = Date {
        year: 2026,
        month: 11,
        day: 29,
    };

    fn senior_to_lead(c: &Catalog) -> Gap {
        let ds = c.role_index("data-scientist").unwrap();
        let senior = c.level_index("senior").unwrap();
        Gap::new(c, ds, senior, senior + 1)
    }

    fn target_text(c: &Catalog, gap: &Gap, skill: &str) -> String {
        let s = c.skill_index(skill).unwrap();
        let item = gap.items.iter().find(|i| i.skill == s).unwrap();
        item.to.as_ref().unwrap().text.to_string()
    }

    /// A review of senior → lead: the first item met (current text), the
    /// second partly with a note (stale text), the third not yet, and one
    /// assessment of a skill that is not in the gap.
    fn review(c: &Catalog, gap: &Gap) -> Review {
        let mut r = Review::new(
            "data-scientist",
            "senior",
            "lead",
            c.display_title(),
            Date {
                year: 2026,
                month: 3,
                day: 4,
            },
        );
        let ids: Vec<&str> = gap
            .items
            .iter()
            .map(|i| c.skills[i.skill].id.as_str())
            .collect();
        r.items.insert(
            ids[0].into(),
            Assessment {
                mark: Some(Mark::Met),
                note: "led the DDP migration".into(),
                expectation: target_text(c, gap, ids[0]),
                ..Assessment::default()
            },
        );
        r.items.insert(
            ids[1].into(),
            Assessment {
                mark: Some(Mark::Partly),
                note: "# not a heading".into(),
                expectation: "An older wording.".into(),
                ..Assessment::default()
            },
        );
        r.items.insert(
            ids[2].into(),
            Assessment {
                mark: Some(Mark::NotYet),
                note: String::new(),
                expectation: String::new(),
                ..Assessment::default()
            },
        );
        r.items.insert(
            "retired-skill".into(),
            Assessment {
                mark: None,
                note: "kept for the record".into(),
                expectation: String::new(),
                ..Assessment::default()
            },
        );
        r
    }

    #[test]
    fn the_date_is_local_not_utc() {
        // 07:00 in Shanghai on 30 November is still 29 November in UTC.
        let at: Timestamp = "2026-11-29T23:00:00Z".parse().unwrap();
        let shanghai = TimeZone::posix("CST-8").unwrap();
        let day = |d: u8| Date {
            year: 2026,
            month: 11,
            day: d,
        };
        assert_eq!(date_at(at, &shanghai), day(30));
        assert_eq!(date_at(at, &TimeZone::UTC), day(29));
        let before: Timestamp = "2026-11-29T15:59:59Z".parse().unwrap();
        assert_eq!(date_at(before, &shanghai), day(29), "23:59 local");
        if let Ok(named) = TimeZone::get("Asia/Shanghai") {
            assert_eq!(date_at(at, &named), day(30));
        }
        let t = today();
        assert!(t.year >= 2025 && (1..=12).contains(&t.month) && (1..=31).contains(&t.day));
        // The zone read straight from /etc/localtime is the system's.
        let now = Timestamp::now();
        assert_eq!(
            local_zone().to_offset(now),
            TimeZone::system().to_offset(now)
        );
    }

    #[test]
    fn markdown_without_review() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let md = markdown(&c, &gap, None, DAY);
        assert!(
            md.starts_with("# Promotion review: Data Scientist · Senior → Lead\n"),
            "{md}"
        );
        assert!(md.contains("**Catalog:** Data & ML Skills Matrix · **Date:** 2026-11-29\n"));
        let n = gap.items.len();
        assert!(
            md.contains(&format!(
                "**{n} changes** · {} required · assessed 0/{n}\n",
                gap.required_count()
            )),
            "{md}"
        );
        assert!(!md.contains("**Mark:**") && !md.contains("met ·"));
        let first = &c.skills[gap.items[0].skill];
        assert!(md.contains(&format!("\n## 1. {}\n", first.name)), "{md}");
        assert!(md.contains(&format!("\n## {n}. ")));
        assert!(md.contains("\n**Senior** (") && md.contains("\n**Lead** ("));
        assert!(!md.contains("\n**Middle**"), "no path for one level up");
    }

    #[test]
    fn markdown_with_review_has_marks_notes_and_stale_warning() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let r = review(&c, &gap);
        let md = markdown(&c, &gap, Some(&r), DAY);
        assert!(md.contains("**Date:** 2026-03-04"), "review date: {md}");
        let n = gap.items.len();
        assert!(
            md.contains(&format!("assessed 3/{n} · 1 met · 1 partly · 1 not yet\n")),
            "{md}"
        );
        assert!(md.contains("\n**Mark:** met\n\n**Note:** led the DDP migration\n"));
        assert!(md.contains("\n**Mark:** partly\n\n**Note:** \\# not a heading\n"));
        assert!(md.contains("\n**Mark:** not yet\n"));
        assert!(md.contains("\n**Mark:** not assessed\n"));
        assert_eq!(md.matches(STALE).count(), 1, "only the changed text");
        assert!(md.contains("> An older wording.\n"));
        // The stale warning belongs to the second item.
        let second = md.find("\n## 2. ").unwrap();
        let third = md.find("\n## 3. ").unwrap();
        assert!((second..third).contains(&md.find(STALE).unwrap()));
        assert!(md.contains("## Also assessed (not part of this gap)"));
        assert!(md.contains(
            "- **retired-skill** (`retired-skill`): not assessed — kept for the record (no longer in the catalog)\n"
        ));
        let t = text(&c, &gap, Some(&r), DAY);
        assert!(
            t.contains("   Mark: partly\n   Note: # not a heading\n"),
            "{t}"
        );
        assert!(t.contains(STALE));
    }

    /// Only the manager marked: the summary tables (Markdown and HTML) have
    /// a `manager` column and no all-`–` `self` or `agreed` one; once
    /// someone else marks, their column comes back.
    #[test]
    fn summary_tables_leave_out_assessors_without_a_single_mark() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let mut r = Review::new("data-scientist", "senior", "lead", c.display_title(), DAY);
        let first = c.skills[gap.items[0].skill].id.clone();
        let mut a = Assessment::default();
        a.set_mark("manager", Some(Mark::Met));
        r.items.insert(first.clone(), a);
        let header = |r: &Review| {
            let report = build(&c, &gap, Some(r), DAY);
            let md = markdown::markdown_of(Lang::En, &report, true);
            let row = md
                .lines()
                .find(|l| l.starts_with("| Skill | Required |"))
                .unwrap()
                .to_string();
            let html = html::html_of(Lang::En, &report, true);
            let start = html.find("<thead>").unwrap();
            let end = start + html[start..].find("</thead>").unwrap();
            (row, html[start..end].to_string())
        };
        let (md, html) = header(&r);
        assert_eq!(md, "| Skill | Required | manager | Evidence |");
        assert!(html.contains("<th>manager</th>"), "{html}");
        assert!(!html.contains("<th>self</th>") && !html.contains("<th>agreed</th>"));

        if let Some(a) = r.items.get_mut(&first) {
            a.set_mark("self", Some(Mark::Partly));
        }
        let (md, html) = header(&r);
        assert_eq!(md, "| Skill | Required | self | manager | Evidence |");
        assert!(html.contains("<th>self</th><th>manager</th>"), "{html}");
    }

    #[test]
    fn text_in_chinese_takes_its_words_from_the_table() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let r = review(&c, &gap);
        let t = text_in(Lang::Zh, &c, &gap, Some(&r), DAY);
        assert!(
            t.starts_with(
                "晋升评审：Data Scientist · Senior → Lead\n\
                 目录： Data & ML Skills Matrix · 日期： 2026-03-04\n"
            ),
            "{t}"
        );
        assert!(
            t.contains("   标记： 达到\n   备注： led the DDP migration\n"),
            "{t}"
        );
        assert!(t.contains("\n   Lead（"), "{t}");
        assert!(t.contains(ZH.report_text_also_assessed), "{t}");
        // A note's later lines line up under its first, past the wide label.
        let mut r = r;
        let first = c.skills[gap.items[0].skill].id.clone();
        r.items.get_mut(&first).unwrap().note = "one\ntwo".into();
        let t = text_in(Lang::Zh, &c, &gap, Some(&r), DAY);
        assert!(t.contains("   备注： one\n          two\n"), "{t}");
        for english in [
            "Promotion review",
            "Catalog:",
            "Mark:",
            "Note:",
            "nothing expected",
            "(required)",
            "(optional)",
            "Also assessed",
        ] {
            assert!(!t.contains(english), "{english} in {t}");
        }
    }

    #[test]
    fn markdown_in_chinese_takes_its_words_from_the_table() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let r = review(&c, &gap);
        let md = markdown_in(Lang::Zh, &c, &gap, Some(&r), DAY);
        assert!(
            md.starts_with("# 晋升评审：Data Scientist · Senior → Lead\n"),
            "{md}"
        );
        assert!(md.contains("**目录：** Data & ML Skills Matrix · **日期：** 2026-03-04\n"));
        let n = gap.items.len();
        assert!(
            md.contains(&format!(
                "**{n} 项变化** · 必要 {} · 已评估 3/{n} · 达到 1 · 部分达到 1 · 尚未达到 1\n",
                gap.required_count()
            )),
            "{md}"
        );
        assert!(md.contains("\n**标记：** 达到\n\n**备注：** led the DDP migration\n"));
        assert!(md.contains("\n**标记：** 未评估\n"));
        assert!(
            md.contains("**Senior** （") && md.contains("**Lead** （"),
            "{md}"
        );
        assert_eq!(md.matches(ZH.report_stale).count(), 1);
        assert!(md.contains(&format!("## {}", ZH.report_also_assessed)));
        assert!(md.contains("(`retired-skill`): 未评估 — kept for the record（已不在目录中）"));
        // Catalog text is written as it is; no English label is left.
        let first = &c.skills[gap.items[0].skill];
        assert!(md.contains(&format!("\n## 1. {}\n", first.name)));
        for english in [
            "Promotion review",
            "**Catalog:**",
            "**Mark:**",
            "**Note:**",
            "nothing expected",
            "(required)",
            "(optional)",
        ] {
            assert!(!md.contains(english), "{english} in {md}");
        }
        // A level that asks nothing, in Chinese too.
        let ds = c.role_index("data-scientist").unwrap();
        let md = markdown_in(Lang::Zh, &c, &Gap::new(&c, ds, 0, 3), None, DAY);
        assert!(md.contains("**Junior** 没有期望"), "{md}");
        assert!(md.contains("**Lead 新增**"), "{md}");
        let top = c.levels.len() - 1;
        let md = markdown_in(Lang::Zh, &c, &Gap::new(&c, 0, top, top), None, DAY);
        assert!(
            md.contains("Data Scientist 从 Principal 到 Principal 没有变化。"),
            "{md}"
        );
    }

    #[test]
    fn multi_level_path_lists_every_level_between() {
        let c = embedded();
        let ds = c.role_index("data-scientist").unwrap();
        let gap = Gap::new(&c, ds, 0, 3);
        let md = markdown(&c, &gap, None, DAY);
        assert!(md.starts_with("# Promotion review: Data Scientist · Junior → Lead\n"));
        let hiring = md.find("Hiring & Interviewing\n").unwrap();
        let section = &md[hiring..];
        let section = &section[..section.find("\n## ").unwrap_or(section.len())];
        assert!(section.contains("**new at Lead**"), "{section}");
        let at = |s: &str| section.find(s).unwrap();
        assert!(at("**Junior** nothing expected") < at("**Middle** nothing expected"));
        assert!(at("**Middle** nothing expected") < at("**Senior** (optional): "));
        assert!(at("**Senior** (") < at("**Lead** ("));

        let v = json(&c, &gap, None, DAY);
        let item = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["skill"]["id"] == "hiring-interviewing")
            .unwrap();
        assert_eq!(item["change"], "new");
        assert_eq!(item["from"], serde_json::Value::Null);
        let path = item["path"].as_array().unwrap();
        assert_eq!(path.len(), 2);
        assert_eq!(path[0]["level"]["id"], "middle");
        assert_eq!(path[0]["necessity"], serde_json::Value::Null);
        assert_eq!(path[1]["level"]["name"], "Senior");
        assert!(path[1]["text"].is_string());
    }

    #[test]
    fn json_has_the_documented_fields() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let r = review(&c, &gap);
        let v = json(&c, &gap, Some(&r), DAY);
        // `Value` sorts its keys; the order is checked on the CLI's output.
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "assessors",
                "catalog",
                "closed",
                "counted",
                "counts",
                "date",
                "from",
                "items",
                "ladder",
                "meta",
                "role",
                "schema",
                "to"
            ]
        );
        assert_eq!(v["counted"], "agreed");
        assert_eq!(v["ladder"].as_str().unwrap().len(), 12);
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(v["role"]["id"], "data-scientist");
        assert_eq!(v["from"]["name"], "Senior");
        assert_eq!(v["to"]["id"], "lead");
        assert_eq!(v["catalog"], "Data & ML Skills Matrix");
        assert_eq!(v["date"], "2026-03-04");
        let n = gap.items.len();
        assert_eq!(
            v["counts"],
            serde_json::json!({"changes": n, "required": gap.required_count(),
                "assessed": 3, "met": 1, "partly": 1, "not_yet": 1})
        );
        let items = v["items"].as_array().unwrap();
        assert_eq!(items.len(), n);
        let keys: Vec<&str> = items[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "behaviour_changes",
                "change",
                "cumulative",
                "domain",
                "from",
                "mark",
                "marks",
                "note",
                "path",
                "required",
                "skill",
                "stale",
                "to"
            ]
        );
        assert_eq!(items[0]["mark"], "met");
        assert_eq!(items[0]["note"], "led the DDP migration");
        assert_eq!(items[0]["stale"], false);
        assert_eq!(items[1]["mark"], "partly");
        assert_eq!(items[1]["stale"], true);
        assert_eq!(items[2]["mark"], "not-yet");
        assert_eq!(items[2]["note"], serde_json::Value::Null);
        assert_eq!(items[3]["mark"], serde_json::Value::Null);
        assert!(items[0]["to"]["text"].is_string());
        assert!(["required", "optional"].contains(&items[0]["to"]["necessity"].as_str().unwrap()));
        for (i, g) in items.iter().zip(&gap.items) {
            assert_eq!(i["required"], g.required());
            assert_eq!(i["change"], g.change.as_str());
            assert_eq!(i["path"], serde_json::json!([]));
        }
        // Without a review: today's date, no marks.
        let v = json(&c, &gap, None, DAY);
        assert_eq!(v["date"], "2026-11-29");
        assert_eq!(v["counts"]["assessed"], 0);
        assert!(
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["mark"].is_null() && i["note"].is_null() && i["stale"] == false)
        );
    }

    #[test]
    fn empty_gap_says_nothing_changes() {
        let c = embedded();
        let top = c.levels.len() - 1;
        let gap = Gap::new(&c, 0, top, top);
        let md = markdown(&c, &gap, None, DAY);
        assert!(md.contains("**0 changes** · 0 required · assessed 0/0\n"));
        assert!(md.contains("Nothing changes for Data Scientist from Principal to Principal."));
        assert!(text(&c, &gap, None, DAY).contains("Nothing changes"));
    }

    #[test]
    fn text_is_plain() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let t = text(&c, &gap, None, DAY);
        assert!(t.starts_with(
            "Promotion review: Data Scientist · Senior → Lead\n\
             Catalog: Data & ML Skills Matrix · Date: 2026-11-29\n"
        ));
        let first = &c.skills[gap.items[0].skill];
        assert!(t.contains(&format!("\n1. {} ({})\n", first.name, first.id)));
        assert!(t.contains("\n   Senior (") && t.contains("\n   Lead ("));
        assert!(!t.contains("Mark:"));
        assert!(!t.contains('\u{1b}') && !t.contains("**"));
    }

    #[test]
    fn hostile_catalog_text_stays_inside_its_section() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.toml");
        std::fs::write(
            &path,
            r#"
[[levels]]
id = "l1"
name = "One"
[[levels]]
id = "l2"
name = "Two #"
[[roles]]
id = "r"
name = "R"
[[domains]]
id = "d"
name = "D"
[[skills]]
id = "s"
name = "S"
domain = "d"
[skills.expectations.r]
l1 = "plain"
l2 = "first\n# Not a heading\n---\n<!-- hidden\n1. not a list"
"#,
        )
        .unwrap();
        let c = crate::catalog::load_path(&path).unwrap().catalog;
        let gap = Gap::new(&c, 0, 0, 1);
        let md = markdown(&c, &gap, None, DAY);
        assert!(
            md.starts_with("# Promotion review: R · One → Two \\#\n"),
            "{md}"
        );
        assert_eq!(
            md.lines().filter(|l| l.starts_with('#')).count(),
            2,
            "title and one item: {md}"
        );
        assert!(md.contains(
            "**Two #** (optional): first\n\\# Not a heading\n\\---\n\\<!-- hidden\n1\\. not a list\n"
        ));
    }

    #[test]
    fn review_text_cannot_drive_the_terminal() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let mut r = review(&c, &gap);
        let first = c.skills[gap.items[0].skill].id.clone();
        r.items.get_mut(&first).unwrap().note = "red \u{1b}[31m\u{202e}alert".into();
        r.items.get_mut(&first).unwrap().expectation = "old \u{1b}]0;title\u{7}".into();
        r.items.insert(
            "\u{1b}[2J".into(),
            Assessment {
                mark: Some(Mark::Met),
                ..Assessment::default()
            },
        );
        for out in [
            markdown(&c, &gap, Some(&r), DAY),
            text(&c, &gap, Some(&r), DAY),
        ] {
            assert!(!out.chars().any(is_forbidden), "{out:?}");
            assert!(out.contains("red [31malert"), "{out}");
        }
    }
}
