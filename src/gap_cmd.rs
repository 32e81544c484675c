//! `rungs gap`: what changes for a role from one level to a higher one, with a review's marks and notes when given.
//!
//! The role and levels come from the flags, from a review file, or both (when
//! both are given they must agree). The report itself is built and rendered
//! by [`crate::report`], which the TUI's export shares. Everything is
//! written to the writers given, and write errors (such as a closed pipe) are
//! returned, never panicked on.

use std::io::{self, Write};
use std::path::Path;

use clap::ValueEnum;

use crate::catalog::{Catalog, Date, NotFound, clean};
use crate::commands::{self, EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::gap::Gap;
use crate::report;
use crate::review::{Review, ReviewError, ReviewFile};

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
}

/// A usage or input problem: its message and exit code.
struct Failure {
    code: u8,
    message: String,
}

fn usage(message: String) -> Failure {
    Failure {
        code: EXIT_USAGE,
        message,
    }
}

fn invalid(message: String) -> Failure {
    Failure {
        code: EXIT_INVALID,
        message,
    }
}

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

/// Opens the review file; a missing file is an error here.
fn open_review(path: &Path, err: &mut dyn Write) -> io::Result<Result<Review, u8>> {
    let mut missing = false;
    let opened = ReviewFile::open_or_new(path, || {
        missing = true;
        Review::new(
            "",
            "",
            "",
            "",
            Date {
                year: 1970,
                month: 1,
                day: 1,
            },
        )
    });
    match opened {
        Ok(_) if missing => {
            writeln!(err, "error: no such review file: {}", path.display())?;
            Ok(Err(EXIT_INVALID))
        }
        Ok(file) => {
            // The file may have been edited by hand: keep its values from
            // driving the terminal when they appear in messages.
            let mut review = file.review;
            for field in [
                &mut review.role,
                &mut review.from,
                &mut review.to,
                &mut review.catalog,
            ] {
                *field = clean(field, true).text;
            }
            Ok(Ok(review))
        }
        Err(ReviewError::Invalid(d)) => {
            writeln!(err, "{d}")?;
            Ok(Err(EXIT_INVALID))
        }
        Err(e @ ReviewError::Io { .. }) => {
            writeln!(err, "error: cannot read review file {e}")?;
            Ok(Err(EXIT_INVALID))
        }
    }
}

/// The review's role, from and target as catalog positions.
fn review_positions(
    catalog: &Catalog,
    review: &Review,
    path: &Path,
) -> Result<(usize, usize, usize), Failure> {
    let in_file = |e: NotFound| {
        invalid(format!(
            "{}: the review's {} is not in this catalog: {e}",
            path.display(),
            e.kind
        ))
    };
    let role = catalog.find_role(&review.role).map_err(in_file)?;
    let from = catalog.find_level(&review.from).map_err(in_file)?;
    let to = catalog.find_level(&review.to).map_err(in_file)?;
    if to <= from {
        return Err(invalid(format!(
            "{}: the review's target level `{}` is not above its from level `{}`",
            path.display(),
            review.to,
            review.from
        )));
    }
    Ok((role, from, to))
}

/// A flag's value, the review's, or both when they agree.
fn merge(
    flag: Option<usize>,
    from_review: Option<usize>,
    (what, noun): (&str, &str),
    names: &dyn Fn(usize) -> String,
    path: Option<&Path>,
) -> Result<Option<usize>, Failure> {
    match (flag, from_review, path) {
        (Some(f), Some(r), Some(path)) if f != r => Err(usage(format!(
            "--{what} {} does not match the review's {noun} {} in {}; leave --{what} out to use the review's",
            names(f),
            names(r),
            path.display()
        ))),
        (f, r, _) => Ok(f.or(r)),
    }
}

/// Works out role, from and target from the flags and the review.
fn resolve(
    catalog: &Catalog,
    req: &Request<'_>,
    review: Option<&Review>,
) -> Result<(usize, usize, usize), Failure> {
    let from_review = match (review, req.review) {
        (Some(r), Some(path)) => Some(review_positions(catalog, r, path)?),
        _ => None,
    };
    let role = req
        .role
        .map(|r| catalog.find_role(r))
        .transpose()
        .map_err(|e| usage(e.to_string()))?;
    let from = req
        .from
        .map(|l| catalog.find_level(l))
        .transpose()
        .map_err(|e| usage(e.to_string()))?;
    let to = req
        .to
        .map(|l| catalog.find_level(l))
        .transpose()
        .map_err(|e| usage(e.to_string()))?;
    let role_name = |r: usize| catalog.roles.get(r).map_or(String::new(), |n| n.id.clone());
    let level_name = |l: usize| {
        catalog
            .levels
            .get(l)
            .map_or(String::new(), |n| n.id.clone())
    };
    let role = merge(
        role,
        from_review.map(|r| r.0),
        ("role", "role"),
        &role_name,
        req.review,
    )?;
    let from = merge(
        from,
        from_review.map(|r| r.1),
        ("from", "from level"),
        &level_name,
        req.review,
    )?;
    let to = merge(
        to,
        from_review.map(|r| r.2),
        ("to", "target level"),
        &level_name,
        req.review,
    )?;
    let Some(role) = role else {
        return Err(usage(format!(
            "--role is required (or --review FILE); valid roles: {}",
            catalog
                .roles
                .iter()
                .map(|n| format!("{} ({})", n.id, n.name))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    let Some(from) = from else {
        return Err(usage(format!(
            "--from is required (or --review FILE); valid levels: {}",
            level_list(catalog, 0..catalog.levels.len())
        )));
    };
    let above = from + 1..catalog.levels.len();
    match to {
        Some(to) if to > from => Ok((role, from, to)),
        _ if above.is_empty() => Err(usage(format!(
            "--from {} is the highest level; there is no level above it to compare with",
            level_name(from)
        ))),
        None => Ok((role, from, from + 1)),
        Some(to) => Err(usage(format!(
            "--to {} must be above --from {}; valid levels for --to: {}",
            level_name(to),
            level_name(from),
            level_list(catalog, above)
        ))),
    }
}

/// `rungs gap` on a loaded catalog, with `today` as the date of a report
/// without a review. Unknown or inconsistent flags are `error: …` on `err`
/// and [`EXIT_USAGE`]; a missing or invalid review file is [`EXIT_INVALID`].
pub fn run(
    catalog: &Catalog,
    req: &Request<'_>,
    today: Date,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let review = match req.review {
        Some(path) => match open_review(path, err)? {
            Ok(r) => Some(r),
            Err(code) => return Ok(code),
        },
        None => None,
    };
    let (role, from, to) = match resolve(catalog, req, review.as_ref()) {
        Ok(found) => found,
        Err(f) => {
            writeln!(err, "error: {}", f.message)?;
            return Ok(f.code);
        }
    };
    if let (Some(r), Some(path)) = (&review, req.review)
        && !r.catalog.is_empty()
        && r.catalog != catalog.display_title()
    {
        writeln!(
            err,
            "warning: {} was written for the catalog `{}`; this one is `{}`",
            path.display(),
            r.catalog,
            catalog.display_title()
        )?;
    }
    let gap = Gap::new(catalog, role, from, to);
    match req.format {
        Format::Markdown => {
            out.write_all(report::markdown(catalog, &gap, review.as_ref(), today).as_bytes())?
        }
        Format::Text => {
            out.write_all(report::text(catalog, &gap, review.as_ref(), today).as_bytes())?
        }
        Format::Json => {
            let r = report::build(catalog, &gap, review.as_ref(), today);
            commands::write_json(out, &r)?;
        }
    }
    Ok(EXIT_OK)
}

/// `rungs gap` from the command line: loads the catalog (the embedded one
/// when `path` is `None`), prints its problems and exits 1 if it is invalid,
/// then runs [`run`] with today's date. Load warnings are not printed.
pub fn command(
    path: Option<&Path>,
    req: &Request<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let loaded = match commands::load_or_report(path, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    run(&loaded.catalog, req, report::today(), out, err)
}
