//! `rungs review close FILE` and `rungs review reopen FILE`: closing a
//! review records the date and the SHA-256 of every expectation text it
//! assessed (a closed review opens read-only in the TUI); reopening undoes
//! it with a history entry.

use std::io::Write;

use super::CliError;
use super::args::ReviewAction;
use super::review::{self, FlagNames, Wanted};
use crate::catalog::{Catalog, clean};
use crate::gap::Gap;
use crate::review::{RealFs, Saved, ladder_hash, now_stamp, short_hash};

const FLAGS: FlagNames = FlagNames {
    role: "--role",
    from: "--from",
    to: "--to",
};

/// Closes or reopens the review file named in `action`. The catalog fills
/// in the text of items assessed before texts were stored, so that every
/// assessed item has a hash.
/// `default` is the config's assessor, for when `--as` is not given.
pub fn run(
    catalog: &Catalog,
    action: &ReviewAction,
    default: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (path, assessor, closing) = match action {
        ReviewAction::Close { file, assessor } => (file, assessor, true),
        ReviewAction::Reopen { file, assessor } => (file, assessor, false),
    };
    let assessor: String = assessor
        .as_deref()
        .or(default)
        .unwrap_or(crate::review::DEFAULT_ASSESSOR)
        .to_string();
    let assessor = &assessor;
    let Some(mut file) = review::open(path)? else {
        return Err(CliError::invalid(format!(
            "no such review file: {}",
            path.display()
        )));
    };
    file.assessor.clone_from(assessor);
    let at = now_stamp();
    let shown = path.display().to_string();
    if closing {
        if let Some(d) = file.review.closed {
            return Err(CliError::invalid(format!(
                "{shown} is already closed (on {d}); `rungs review reopen {shown}` reopens it"
            )));
        }
        let (role, from, to) =
            review::resolve(catalog, &file.review, path, Wanted::default(), FLAGS)?;
        let gap = Gap::new(catalog, role, from, to);
        for item in &gap.items {
            let Some(skill) = catalog.skills.get(item.skill) else {
                continue;
            };
            if let Some(a) = file.review.items.get_mut(&skill.id)
                && a.expectation.is_empty()
                && !a.is_empty()
            {
                a.expectation = item
                    .to
                    .as_ref()
                    .map_or(String::new(), |c| c.text.to_string());
            }
        }
        let today = crate::report::today();
        file.review.close(today, &at, assessor);
        let hash = ladder_hash(
            file.review
                .items
                .iter()
                .filter(|(_, a)| !a.is_empty())
                .map(|(id, a)| (id.as_str(), a.expectation.as_str())),
        );
        save(&mut file)?;
        let n = file.review.items.values().filter(|a| !a.is_empty()).count();
        writeln!(
            out,
            "closed {shown} on {today}: {n} assessed items, ladder {}",
            short_hash(&hash)
        )?;
    } else {
        if file.review.closed.is_none() {
            return Err(CliError::invalid(format!("{shown} is not closed")));
        }
        file.review.reopen(&at, assessor);
        save(&mut file)?;
        writeln!(out, "reopened {shown}")?;
    }
    Ok(())
}

fn save(file: &mut crate::review::ReviewFile) -> Result<(), CliError> {
    match file.save(&RealFs) {
        Ok(Saved::Written(_)) => Ok(()),
        Ok(Saved::Conflict { ours, .. }) => Err(CliError::invalid(format!(
            "{} changed while it was being closed; the result is in {}",
            clean(&file.path.display().to_string(), true).text,
            ours.display()
        ))),
        Err(e) => Err(CliError::invalid(format!(
            "cannot save {}: {e}",
            file.path.display()
        ))),
    }
}
