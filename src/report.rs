//! Promotion reports: a gap, with a review's marks and notes when there is one, as Markdown, JSON or plain text.
//!
//! The CLI (`rungs gap`) and the TUI's export key share this module. A
//! report is built once as a [`Report`] (which is also the JSON shape,
//! documented in `docs/json.md`) and rendered by [`markdown`], [`json`] or
//! [`text`]. Items keep the gap's order (required first, then by domain and
//! name). Review assessments are looked up by skill id; the caller is
//! responsible for passing the review that belongs to the gap.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::catalog::{Catalog, Cell, Date, Named, clean, is_forbidden};
use crate::gap::{Change, Gap};
use crate::i18n::{EN, Lang, Strings, fill};
use crate::review::{Mark, Review};
use crate::show::Ref;

/// Version of the JSON shape; raised only when a field changes meaning or is
/// removed (new fields may be added without raising it).
pub const SCHEMA: u32 = 1;

/// Totals over the gap's items.
pub use crate::review::Counts;

/// An expectation at the from or target level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expect<'a> {
    /// `"required"` or `"optional"`.
    pub necessity: &'static str,
    pub text: &'a str,
}

impl<'a> From<&'a Cell> for Expect<'a> {
    fn from(c: &'a Cell) -> Self {
        Expect {
            necessity: c.necessity.as_str(),
            text: &c.text,
        }
    }
}

/// An expectation at a level strictly between from and target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step<'a> {
    pub level: Ref<'a>,
    /// `None` (JSON `null`) when nothing is expected at this level.
    pub necessity: Option<&'static str>,
    pub text: Option<&'a str>,
}

/// One skill whose expectation changes, with its assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item<'a> {
    pub skill: Ref<'a>,
    pub domain: Ref<'a>,
    /// `"new"`, `"dropped"`, `"becomes-required"` or `"changed"`.
    pub change: &'static str,
    /// True when the target expectation is required.
    pub required: bool,
    pub from: Option<Expect<'a>>,
    pub to: Option<Expect<'a>>,
    /// The levels strictly between from and target, lowest first.
    pub path: Vec<Step<'a>>,
    /// `"met"`, `"partly"`, `"not-yet"`, or `None` when not marked.
    pub mark: Option<&'static str>,
    /// The review's note, or `None` when there is none (or it is empty).
    pub note: Option<&'a str>,
    /// True when the review stored a (non-empty) target text that differs
    /// from the catalog's current one.
    pub stale: bool,
    /// The change, for the human formats.
    #[serde(skip)]
    pub kind: Change,
    /// For a stale item, the target text as it read when assessed.
    #[serde(skip)]
    pub assessed_text: Option<&'a str>,
}

/// An assessment in the review for a skill that is not part of the gap (the
/// catalog changed, or the skill is gone). Shown in Markdown and text so
/// that no note silently disappears; not part of the JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Other<'a> {
    pub skill_id: &'a str,
    /// The skill's name, when the catalog still has it.
    pub skill_name: Option<&'a str>,
    pub mark: Option<Mark>,
    pub note: &'a str,
}

/// A promotion report: what `rungs gap` prints, and the JSON it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report<'a> {
    pub schema: u32,
    pub role: Ref<'a>,
    pub from: Ref<'a>,
    pub to: Ref<'a>,
    /// The catalog's title (or the neutral default).
    pub catalog: &'a str,
    /// `YYYY-MM-DD`: the review's date, or today without a review.
    pub date: String,
    pub counts: Counts,
    pub items: Vec<Item<'a>>,
    /// True when a review was given.
    #[serde(skip)]
    pub reviewed: bool,
    #[serde(skip)]
    pub others: Vec<Other<'a>>,
}

const NO_NAME: Ref<'static> = Ref { id: "", name: "" };

fn ref_at(items: &[Named], i: usize) -> Ref<'_> {
    items.get(i).map_or(NO_NAME, Ref::from)
}

/// Builds the report of `gap`, with `review`'s marks and notes when given.
/// The date is the review's, or `today`.
pub fn build<'a>(
    catalog: &'a Catalog,
    gap: &'a Gap,
    review: Option<&'a Review>,
    today: Date,
) -> Report<'a> {
    let tally = Review::tally(review, catalog, gap);
    let counts = tally.counts;
    let mut items = Vec::with_capacity(gap.items.len());
    for (gi, t) in gap.items.iter().zip(tally.items) {
        let Some(skill) = catalog.skills.get(gi.skill) else {
            continue;
        };
        let (assessment, stale) = (t.assessment, t.stale);
        let mark = assessment.and_then(|a| a.mark);
        let stored = assessment.map_or("", |a| a.expectation.as_str());
        items.push(Item {
            skill: Ref {
                id: &skill.id,
                name: &skill.name,
            },
            domain: Ref::from(catalog.domain_of(skill)),
            change: gi.change.as_str(),
            required: gi.required(),
            from: gi.from.as_ref().map(Expect::from),
            to: gi.to.as_ref().map(Expect::from),
            path: gi
                .path
                .iter()
                .map(|(level, cell)| Step {
                    level: ref_at(&catalog.levels, *level),
                    necessity: cell.as_ref().map(|c| c.necessity.as_str()),
                    text: cell.as_ref().map(|c| c.text.as_str()),
                })
                .collect(),
            mark: mark.map(Mark::as_str),
            note: assessment
                .map(|a| a.note.as_str())
                .filter(|n| !n.trim().is_empty()),
            stale,
            kind: gi.change,
            assessed_text: stale.then_some(stored),
        });
    }
    let in_gap: HashSet<&str> = items.iter().map(|i| i.skill.id).collect();
    let others = review.map_or_else(Vec::new, |r| {
        r.items
            .iter()
            .filter(|(id, a)| !a.is_empty() && !in_gap.contains(id.as_str()))
            .map(|(id, a)| Other {
                skill_id: id,
                skill_name: catalog
                    .skill_index(id)
                    .and_then(|s| catalog.skills.get(s))
                    .map(|s| s.name.as_str()),
                mark: a.mark,
                note: &a.note,
            })
            .collect()
    });
    Report {
        schema: SCHEMA,
        role: ref_at(&catalog.roles, gap.role),
        from: ref_at(&catalog.levels, gap.from),
        to: ref_at(&catalog.levels, gap.to),
        catalog: catalog.display_title(),
        date: review.map_or(today, |r| r.date).to_string(),
        counts,
        items,
        reviewed: review.is_some(),
        others,
    }
}

/// The report as Markdown meeting minutes (see `docs/json.md`), in English.
pub fn markdown(catalog: &Catalog, gap: &Gap, review: Option<&Review>, today: Date) -> String {
    markdown_in(Lang::En, catalog, gap, review, today)
}

/// The report as Markdown meeting minutes, with headings and labels in
/// `lang` (catalog texts are written as they are).
pub fn markdown_in(
    lang: Lang,
    catalog: &Catalog,
    gap: &Gap,
    review: Option<&Review>,
    today: Date,
) -> String {
    render_markdown(lang.strings(), &build(catalog, gap, review, today))
}

/// The report as JSON (the shape is documented in `docs/json.md`). A
/// `Value` keeps its keys sorted; serialise [`build`]'s [`Report`] instead
/// to write them in the documented order, as `rungs gap` does.
pub fn json(
    catalog: &Catalog,
    gap: &Gap,
    review: Option<&Review>,
    today: Date,
) -> serde_json::Value {
    // Serialising strings, numbers and booleans cannot fail.
    serde_json::to_value(build(catalog, gap, review, today)).unwrap_or_default()
}

/// The report as plain terminal text, without colours, in English.
pub fn text(catalog: &Catalog, gap: &Gap, review: Option<&Review>, today: Date) -> String {
    render_text(&EN, &build(catalog, gap, review, today))
}

/// The file name for an export without a review file:
/// `rungs-gap-ROLE-FROM-TO.md`, from the ids (made safe for file names).
pub fn export_file_name(catalog: &Catalog, gap: &Gap) -> String {
    let part = |items: &[Named], i: usize| -> String {
        let id = items.get(i).map_or("", |n| n.id.as_str());
        let safe: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        if safe.is_empty() { "x".into() } else { safe }
    };
    format!(
        "rungs-gap-{}-{}-{}.md",
        part(&catalog.roles, gap.role),
        part(&catalog.levels, gap.from),
        part(&catalog.levels, gap.to)
    )
}

/// Where an export goes: beside the review file as `<review stem>.md`, or
/// [`export_file_name`] in the current folder without a review file. Never
/// the review file itself (a review named `x.md` exports to `x.report.md`).
pub fn export_path(review_path: Option<&Path>, catalog: &Catalog, gap: &Gap) -> PathBuf {
    match review_path {
        Some(p) => {
            let md = p.with_extension("md");
            if md == p {
                p.with_extension("report.md")
            } else {
                md
            }
        }
        None => PathBuf::from(export_file_name(catalog, gap)),
    }
}

/// Today's date in UTC, from the system clock.
pub fn today() -> Date {
    let days = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs() / 86_400).unwrap_or(i64::MAX),
        Err(e) => {
            // Before 1970: round towards the earlier day.
            let d = e.duration();
            let secs = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
            let secs = secs.saturating_add(i64::from(d.subsec_nanos() > 0));
            secs.saturating_neg().div_euclid(86_400)
        }
    };
    civil_from_days(days)
}

/// The proleptic Gregorian date `days` days after 1970-01-01 (negative
/// before it), by Howard Hinnant's `civil_from_days`. Years outside
/// 0..=65535 are clamped.
pub fn civil_from_days(days: i64) -> Date {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
    let month = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
    let year = era
        .saturating_mul(400)
        .saturating_add(yoe)
        .saturating_add(i64::from(month <= 2));
    let year = u16::try_from(year.max(0)).unwrap_or(u16::MAX);
    Date {
        year,
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

// ---------------------------------------------------------------------------
// Shared wording

/// How an item changes, for people: "required", "optional", "new at Lead",
/// "becomes required" or "no longer expected".
pub fn change_label(item: &Item<'_>, to: &str) -> String {
    change_label_in(&EN, item, to)
}

fn change_label_in(t: &Strings, item: &Item<'_>, to: &str) -> String {
    match item.kind {
        Change::New => fill(t.change_new_at, &[("level", to)]),
        Change::Dropped => t.report_no_longer_expected.into(),
        Change::BecomesRequired => t.change_becomes_required.into(),
        Change::Changed if item.required => t.necessity_required.into(),
        Change::Changed => t.necessity_optional.into(),
    }
}

fn mark_label(t: &Strings, mark: Option<&str>) -> &'static str {
    t.mark(mark.and_then(Mark::parse))
}

/// A necessity as the report stores it (`"required"`, `"optional"`), in
/// the table's words.
fn necessity_word(t: &Strings, necessity: &'static str) -> &'static str {
    match necessity {
        "required" => t.necessity_required,
        "optional" => t.necessity_optional,
        other => other,
    }
}

fn counts_line(t: &Strings, r: &Report<'_>) -> (String, String) {
    let c = r.counts;
    let head = fill(
        if c.changes == 1 {
            t.report_changes_one
        } else {
            t.report_changes_many
        },
        &[("n", &c.changes.to_string())],
    );
    let mut rest = fill(
        t.report_counts,
        &[
            ("required", &c.required.to_string()),
            ("assessed", &c.assessed.to_string()),
            ("changes", &c.changes.to_string()),
        ],
    );
    if r.reviewed {
        rest.push_str(" · ");
        rest.push_str(&fill(
            t.report_marks,
            &[
                ("met", &c.met.to_string()),
                ("partly", &c.partly.to_string()),
                ("not_yet", &c.not_yet.to_string()),
            ],
        ));
    }
    (head, rest)
}

/// The labelled expectations of an item: from, the levels between, target.
fn expectations<'a>(
    r: &'a Report<'a>,
    item: &'a Item<'a>,
) -> Vec<(&'a str, Option<&'static str>, Option<&'a str>)> {
    let mut rows = vec![(
        r.from.name,
        item.from.as_ref().map(|e| e.necessity),
        item.from.as_ref().map(|e| e.text),
    )];
    rows.extend(
        item.path
            .iter()
            .map(|s| (s.level.name, s.necessity, s.text)),
    );
    rows.push((
        r.to.name,
        item.to.as_ref().map(|e| e.necessity),
        item.to.as_ref().map(|e| e.text),
    ));
    rows
}

fn nothing_changes(t: &Strings, r: &Report<'_>) -> String {
    fill(
        t.report_nothing_changes,
        &[
            ("role", &one_line(r.role.name)),
            ("from", &one_line(r.from.name)),
            ("to", &one_line(r.to.name)),
        ],
    )
}

fn one_line(text: &str) -> String {
    safe(text).replace(['\n', '\t'], " ")
}

/// Text from a review (which may have been edited by hand or built in
/// memory) without control or bidirectional-override characters, so it
/// cannot drive the terminal. Catalog text is already clean.
fn safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_forbidden) {
        Cow::Owned(clean(text, false).text)
    } else {
        Cow::Borrowed(text)
    }
}

// ---------------------------------------------------------------------------
// Markdown

/// Characters that start a block (heading, quote, list, code fence, table,
/// thematic break, setext underline, HTML, link definition) at the start of
/// a line.
const BLOCK_STARTERS: &[char] = &[
    '#', '>', '-', '+', '*', '=', '_', '`', '~', '|', '[', '<', ':',
];

/// Escapes the inline HTML opener `<tag`, `</`, `<!` and `<?`, so catalog
/// text cannot open a comment or a tag that swallows what follows.
fn escape_html(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
        {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// One line of catalog text made safe to start a Markdown line: leading
/// spaces are dropped (no indented code), a block marker gets a backslash,
/// and `1.` / `1)` becomes `1\.` / `1\)` (no ordered list). The text reads
/// the same once rendered.
pub fn escape_line(line: &str) -> String {
    let line = escape_html(line.trim_start());
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if line.starts_with(BLOCK_STARTERS) {
        format!("\\{line}")
    } else if (1..=9).contains(&digits) && matches!(line[digits..].chars().next(), Some('.' | ')'))
    {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line
    }
}

/// Catalog text (possibly several lines) for a Markdown paragraph: every
/// line escaped, blank lines kept as paragraph breaks.
pub fn escape_text(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let escaped = escape_line(line);
        if escaped.is_empty() && lines.last().is_some_and(String::is_empty) {
            continue;
        }
        lines.push(escaped);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines.join("\n")
}

/// A name or title on one line, inside a heading or after a label.
fn escape_inline(text: &str) -> String {
    escape_html(&one_line(text))
}

/// Text for the end of a heading: a trailing `#` run, which Markdown would
/// drop as a closing sequence, is escaped.
fn escape_heading(text: &str) -> String {
    let s = escape_inline(text);
    let body = s.trim_end_matches('#');
    if body.len() < s.len() {
        format!("{body}\\{}", &s[body.len()..])
    } else {
        s
    }
}

fn render_markdown(t: &Strings, r: &Report<'_>) -> String {
    let mut out = String::new();
    // The target level ends the title in both languages' templates.
    let title = fill(
        t.report_title,
        &[
            ("role", &escape_inline(r.role.name)),
            ("from", &escape_inline(r.from.name)),
            ("to", &escape_heading(r.to.name)),
        ],
    );
    out.push_str(&format!("# {title}\n"));
    para(
        &mut out,
        &format!(
            "**{}** {} · **{}** {}",
            t.report_catalog,
            escape_inline(r.catalog),
            t.report_date,
            r.date
        ),
    );
    let (head, rest) = counts_line(t, r);
    para(&mut out, &format!("**{head}** · {rest}"));
    if r.items.is_empty() {
        para(&mut out, &escape_text(&nothing_changes(t, r)));
    }
    for (n, item) in r.items.iter().enumerate() {
        para(
            &mut out,
            &format!("## {}. {}", n + 1, escape_heading(item.skill.name)),
        );
        para(
            &mut out,
            &format!(
                "{} · **{}**",
                escape_inline(item.domain.name),
                escape_inline(&change_label_in(t, item, r.to.name))
            ),
        );
        for (level, necessity, text) in expectations(r, item) {
            let body = match (necessity, text) {
                (Some(nec), Some(text)) => fill(
                    t.report_expectation,
                    &[
                        ("necessity", necessity_word(t, nec)),
                        ("text", &escape_text(text)),
                    ],
                ),
                _ => t.report_nothing_expected.into(),
            };
            para(&mut out, &format!("**{}** {body}", escape_inline(level)));
        }
        if r.reviewed {
            para(
                &mut out,
                &format!("**{}** {}", t.report_mark, mark_label(t, item.mark)),
            );
            if let Some(note) = item.note {
                para(
                    &mut out,
                    &format!("**{}** {}", t.report_note, escape_text(&safe(note))),
                );
            }
        }
        if item.stale {
            para(&mut out, t.report_stale);
            let quoted: Vec<String> = escape_text(&safe(item.assessed_text.unwrap_or_default()))
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        ">".into()
                    } else {
                        format!("> {l}")
                    }
                })
                .collect();
            para(&mut out, &quoted.join("\n"));
        }
    }
    if !r.others.is_empty() {
        para(&mut out, &format!("## {}", t.report_also_assessed));
        out.push('\n');
        for o in &r.others {
            let mut line = format!(
                "- **{}** (`{}`): {}",
                escape_inline(o.skill_name.unwrap_or(o.skill_id)),
                one_line(o.skill_id).replace('`', "'"),
                t.mark(o.mark)
            );
            if !o.note.trim().is_empty() {
                line.push_str(&format!(" — {}", escape_inline(o.note)));
            }
            if o.skill_name.is_none() {
                line.push_str(t.report_not_in_catalog);
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Appends a paragraph: a blank line, then `s`.
fn para(out: &mut String, s: &str) {
    out.push('\n');
    out.push_str(s);
    out.push('\n');
}

// ---------------------------------------------------------------------------
// Plain text

/// Writes `text` with `indent` before every line.
fn push_indented(out: &mut String, indent: &str, text: &str) {
    for line in text.split('\n') {
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
}

/// The plain-text report. Its layout is English (`t` is [`EN`]); the shared
/// wording comes from the same table as the Markdown.
fn render_text(t: &Strings, r: &Report<'_>) -> String {
    let mut out = format!(
        "Promotion review: {} · {} → {}\n",
        one_line(r.role.name),
        one_line(r.from.name),
        one_line(r.to.name)
    );
    out.push_str(&format!(
        "Catalog: {} · Date: {}\n",
        one_line(r.catalog),
        r.date
    ));
    let (head, rest) = counts_line(t, r);
    out.push_str(&format!("{head} · {rest}\n"));
    if r.items.is_empty() {
        out.push('\n');
        out.push_str(&nothing_changes(t, r));
        out.push('\n');
    }
    for (n, item) in r.items.iter().enumerate() {
        out.push('\n');
        out.push_str(&format!(
            "{}. {} ({})\n   {} · {}\n",
            n + 1,
            one_line(item.skill.name),
            item.skill.id,
            one_line(item.domain.name),
            change_label_in(t, item, &one_line(r.to.name))
        ));
        for (level, necessity, text) in expectations(r, item) {
            match (necessity, text) {
                (Some(nec), Some(text)) => {
                    out.push_str(&format!("   {} ({nec}):\n", one_line(level)));
                    push_indented(&mut out, "     ", text);
                }
                _ => out.push_str(&format!("   {}: nothing expected\n", one_line(level))),
            }
        }
        if r.reviewed {
            out.push_str(&format!("   Mark: {}\n", mark_label(t, item.mark)));
            if let Some(note) = item.note {
                let note = safe(note);
                let mut lines = note.split('\n');
                out.push_str(&format!("   Note: {}\n", lines.next().unwrap_or_default()));
                for line in lines {
                    out.push_str(&format!("         {line}\n"));
                }
            }
        }
        if item.stale {
            out.push_str(&format!("   {}\n", t.report_stale));
            push_indented(
                &mut out,
                "     ",
                &safe(item.assessed_text.unwrap_or_default()),
            );
        }
    }
    if !r.others.is_empty() {
        out.push_str("\nAlso assessed (not part of this gap):\n");
        for o in &r.others {
            let mut line = format!(
                "  {} ({}): {}",
                one_line(o.skill_name.unwrap_or(o.skill_id)),
                one_line(o.skill_id),
                t.mark(o.mark)
            );
            if !o.note.trim().is_empty() {
                line.push_str(&format!(" — {}", one_line(o.note)));
            }
            if o.skill_name.is_none() {
                line.push_str(t.report_not_in_catalog);
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;
    use crate::i18n::ZH;
    use crate::review::Assessment;

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
        item.to.as_ref().unwrap().text.clone()
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
            },
        );
        r.items.insert(
            ids[1].into(),
            Assessment {
                mark: Some(Mark::Partly),
                note: "# not a heading".into(),
                expectation: "An older wording.".into(),
            },
        );
        r.items.insert(
            ids[2].into(),
            Assessment {
                mark: Some(Mark::NotYet),
                note: String::new(),
                expectation: String::new(),
            },
        );
        r.items.insert(
            "retired-skill".into(),
            Assessment {
                mark: None,
                note: "kept for the record".into(),
                expectation: String::new(),
            },
        );
        r
    }

    #[test]
    fn civil_dates() {
        for (days, (y, m, d)) in [
            (0, (1970, 1, 1)),
            (-1, (1969, 12, 31)),
            (11_016, (2000, 2, 29)),
            (11_017, (2000, 3, 1)),
            (19_723, (2024, 1, 1)),
            (20_786, (2026, 11, 29)),
            (-25_508, (1900, 3, 1)),
            (47_540, (2100, 2, 28)),
            (157_419, (2400, 12, 31)),
        ] {
            assert_eq!(
                civil_from_days(days),
                Date {
                    year: y,
                    month: m,
                    day: d
                },
                "{days}"
            );
        }
        assert_eq!(civil_from_days(i64::MIN).year, 0);
        assert_eq!(civil_from_days(i64::MAX).year, u16::MAX);
        let t = today();
        assert!(t.year >= 2025 && (1..=12).contains(&t.month) && (1..=31).contains(&t.day));
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

    #[test]
    fn markdown_in_english_is_markdown() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        let r = review(&c, &gap);
        assert_eq!(
            markdown_in(Lang::En, &c, &gap, Some(&r), DAY),
            markdown(&c, &gap, Some(&r), DAY)
        );
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
                "catalog", "counts", "date", "from", "items", "role", "schema", "to"
            ]
        );
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
                "change", "domain", "from", "mark", "note", "path", "required", "skill", "stale",
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
    fn markdown_escapes_block_markers() {
        assert_eq!(escape_line("# Title"), "\\# Title");
        assert_eq!(escape_line("   > quote"), "\\> quote");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("---"), "\\---");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("```rust"), "\\```rust");
        assert_eq!(escape_line("| a | b |"), "\\| a | b |");
        assert_eq!(escape_line("12. twelve"), "12\\. twelve");
        assert_eq!(escape_line("3) three"), "3\\) three");
        assert_eq!(escape_line("2026 plans"), "2026 plans");
        assert_eq!(escape_line("[x]: http://e"), "\\[x]: http://e");
        assert_eq!(escape_line("a <!-- b"), "a \\<!-- b");
        assert_eq!(escape_line("<div>"), "\\<div>");
        assert_eq!(escape_line("x < y and C#"), "x < y and C#");
        assert_eq!(escape_line("Uses `a | b` well"), "Uses `a | b` well");
        assert_eq!(escape_text("one\n\n\n# two\n"), "one\n\n\\# two");
        assert_eq!(escape_heading("Level ##"), "Level \\##");
        assert_eq!(escape_heading("C#"), "C\\#");
        assert_eq!(escape_heading("Plain"), "Plain");
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

    #[test]
    fn export_names_and_paths() {
        let c = embedded();
        let gap = senior_to_lead(&c);
        assert_eq!(
            export_file_name(&c, &gap),
            "rungs-gap-data-scientist-senior-lead.md"
        );
        assert_eq!(
            export_path(None, &c, &gap),
            PathBuf::from("rungs-gap-data-scientist-senior-lead.md")
        );
        assert_eq!(
            export_path(Some(Path::new("reviews/ana.toml")), &c, &gap),
            PathBuf::from("reviews/ana.md")
        );
        assert_eq!(
            export_path(Some(Path::new("ana")), &c, &gap),
            PathBuf::from("ana.md")
        );
        assert_eq!(
            export_path(Some(Path::new("notes/ana.md")), &c, &gap),
            PathBuf::from("notes/ana.report.md")
        );
    }
}
