//! `rungs gap`: what changes for a role from one level to a higher one,
//! with a review's marks and notes when given.
//!
//! The role and levels come from the flags, from a review file, or both
//! (read by [`super::review`], the rules the TUI's `--review` shares). The
//! report itself is built and rendered by [`crate::report`], which the
//! TUI's export shares.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::CliError;
use super::output::write_json;
use super::review::{self, FlagNames, Wanted};
use crate::catalog::{Catalog, Date, clean};
use crate::gap::Gap;
use crate::i18n::Lang;
use crate::report;

/// How `rungs gap` prints the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Markdown meeting minutes: one section per skill
    #[default]
    Markdown,
    /// Pretty-printed JSON (see docs/json.md)
    Json,
    /// Plain text for the terminal
    Text,
    /// One self-contained HTML file for a promotion packet (print to PDF)
    Html,
    /// CSV for HR systems and spreadsheets: one row per item
    Csv,
}

impl From<Format> for report::Format {
    fn from(f: Format) -> report::Format {
        match f {
            Format::Markdown => report::Format::Markdown,
            Format::Json => report::Format::Json,
            Format::Text => report::Format::Text,
            Format::Html => report::Format::Html,
            Format::Csv => report::Format::Csv,
        }
    }
}

/// `--since`: a date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let bad = || format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2026-12-14");
    let mut parts = s.trim().splitn(3, '-');
    let mut next = || parts.next().ok_or_else(bad);
    let (y, m, d) = (next()?, next()?, next()?);
    let date = Date {
        year: y.parse().map_err(|_| bad())?,
        month: m.parse().map_err(|_| bad())?,
        day: d.parse().map_err(|_| bad())?,
    };
    if y.len() != 4 || !(1..=12).contains(&date.month) || !(1..=31).contains(&date.day) {
        return Err(bad());
    }
    Ok(date)
}

/// What was asked for on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'a> {
    /// Role: id, name (any case).
    pub role: Option<&'a str>,
    /// From level: id, name (any case) or 1-based number.
    pub from: Option<&'a str>,
    /// Target level; the one after `from` when not given.
    pub to: Option<&'a str>,
    /// A review file whose marks and notes go into the report.
    pub review: Option<&'a Path>,
    pub format: Format,
    /// Markdown and HTML: also the unassessed optional items.
    pub all: bool,
    /// List the items with history on or after this date instead.
    pub since: Option<Date>,
    /// The current assessor, whose marks count until any item is agreed.
    pub assessor: &'a str,
}

/// The flags of `rungs gap` that can repeat a review's values.
const FLAGS: FlagNames = FlagNames {
    role: "--role",
    from: "--from",
    to: "--to",
};

/// `id (Name, n)` for each of `levels`, as `find_level` lists them.
fn level_list(catalog: &Catalog, levels: impl Iterator<Item = usize>) -> String {
    levels
        .filter_map(|l| {
            catalog
                .levels
                .get(l)
                .map(|n| format!("{} ({}, {})", n.id, n.name, l + 1))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Role, from and target from the flags alone: role and from are
/// required, the target defaults to the level after from.
fn from_flags(catalog: &Catalog, wanted: Wanted) -> Result<(usize, usize, usize), CliError> {
    let Some(role) = wanted.role else {
        return Err(CliError::usage(format!(
            "--role is required (or --review FILE); valid roles: {}",
            catalog
                .roles
                .iter()
                .map(|n| format!("{} ({})", n.id, n.name))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    let Some(from) = wanted.from else {
        return Err(CliError::usage(format!(
            "--from is required (or --review FILE); valid levels: {}",
            level_list(catalog, 0..catalog.levels.len())
        )));
    };
    let level_id = |l: usize| catalog.levels.get(l).map_or("", |n| n.id.as_str());
    let above = from + 1..catalog.levels.len();
    // The explorer refuses a gap from the top level with the same message.
    let next = crate::gap::level_above(catalog, from).map_err(CliError::usage)?;
    match wanted.to {
        Some(to) if to > from => Ok((role, from, to)),
        None => Ok((role, from, next)),
        Some(to) => Err(CliError::usage(format!(
            "--to {} must be above --from {}; valid levels for --to: {}",
            level_id(to),
            level_id(from),
            level_list(catalog, above)
        ))),
    }
}

/// Prints the report to `out` (Markdown and text in `lang`), with `today`
/// as the date of a report without a review. Unknown or inconsistent flags
/// are usage errors; a missing or invalid review file exits with 1. A
/// review written for another catalog is a warning on `err`.
pub fn run(
    catalog: &Catalog,
    req: &Request<'_>,
    today: Date,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let wanted = Wanted::find(catalog, req.role, req.from, req.to)?;
    let review = match req.review {
        Some(path) => match review::open(path)? {
            Some(file) => {
                // Unknown keys are kept in the file; say so once.
                for w in &file.warnings {
                    writeln!(err, "{w}")?;
                }
                Some((path, file.review))
            }
            None => {
                return Err(CliError::invalid(format!(
                    "no such review file: {}",
                    path.display()
                )));
            }
        },
        None => None,
    };
    let (role, from, to) = match &review {
        Some((path, r)) => review::resolve(catalog, r, path, wanted, FLAGS)?,
        None => from_flags(catalog, wanted)?,
    };
    if let Some((path, r)) = &review {
        // The file may have been edited by hand: keep its values from
        // driving the terminal.
        let title = clean(&r.catalog, true).text;
        if !title.is_empty() && title != catalog.display_title() {
            writeln!(
                err,
                "warning: {} was written for the catalog `{title}`; this one is `{}`",
                path.display(),
                catalog.display_title()
            )?;
        }
    }
    let review = review.map(|(_, r)| r);
    let gap = Gap::new(catalog, role, from, to);
    if let Some(since) = req.since {
        let Some(r) = review.as_ref() else {
            return Err(CliError::usage("--since needs --review FILE"));
        };
        return write_since(catalog, &gap, r, since, req.format, lang, out);
    }
    let assessor = if req.assessor.is_empty() {
        crate::review::DEFAULT_ASSESSOR
    } else {
        req.assessor
    };
    let built = report::build_as(catalog, &gap, review.as_ref(), today, assessor);
    // The same writer as the TUI's export (`x`).
    let text = report::Format::from(req.format)
        .render(lang, &built, req.all)
        .map_err(std::io::Error::from)?;
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// `--since DATE`: every gap item with history on or after `since`, each
/// change old → new, oldest first.
fn write_since(
    catalog: &Catalog,
    gap: &Gap,
    review: &crate::review::Review,
    since: Date,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::review::Changed;
    let t = lang.strings();
    let day = since.to_string();
    let mut rows = Vec::new();
    for item in &gap.items {
        let Some(skill) = catalog.skills.get(item.skill) else {
            continue;
        };
        let Some(a) = review.items.get(&skill.id) else {
            continue;
        };
        for e in a
            .history
            .iter()
            .filter(|e| e.at.get(..10).unwrap_or("") >= day.as_str())
        {
            let (what, was, now) = match &e.change {
                Changed::Mark { mark, was } => ("mark", mark_word(*was), mark_word(*mark)),
                Changed::Note { note, was } => ("note", one(was), one(note)),
            };
            rows.push(serde_json::json!({
                "skill": {"id": skill.id, "name": skill.name},
                "at": e.at, "by": e.by, "field": what, "was": was, "now": now,
            }));
        }
    }
    if format == Format::Json {
        return Ok(write_json(
            out,
            &serde_json::json!({"schema": report::SCHEMA, "since": day, "changes": rows}),
        )?);
    }
    let head = crate::i18n::fill(t.report_since, &[("date", &day)]);
    writeln!(
        out,
        "{}{head}",
        if format == Format::Markdown { "# " } else { "" }
    )?;
    if rows.is_empty() {
        writeln!(
            out,
            "\n{}",
            crate::i18n::fill(t.report_nothing_since, &[("date", &day)])
        )?;
    } else {
        writeln!(out)?;
    }
    for r in &rows {
        let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
        let who = clean(&s("by"), true).text;
        let field = if s("field") == "mark" {
            format!(
                "{} {}",
                t.assessor(&who),
                t.report_mark.trim_end_matches([':', '：'])
            )
        } else {
            t.report_note.trim_end_matches([':', '：']).to_string()
        };
        writeln!(
            out,
            "- {} ({}): {field} {} → {} ({})",
            clean(r["skill"]["name"].as_str().unwrap_or_default(), true).text,
            r["skill"]["id"].as_str().unwrap_or_default(),
            s("was"),
            s("now"),
            s("at"),
        )?;
    }
    Ok(())
}

fn mark_word(m: Option<crate::review::Mark>) -> String {
    m.map_or("–", crate::review::Mark::as_str).to_string()
}

/// A note on one line, shortened, for the `--since` list.
fn one(text: &str) -> String {
    let line = clean(text, true).text;
    if line.is_empty() {
        "–".into()
    } else if line.chars().count() > 60 {
        format!("{}…", line.chars().take(59).collect::<String>())
    } else {
        format!("\"{line}\"")
    }
}
