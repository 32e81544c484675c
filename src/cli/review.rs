//! Reading a review file against the command line: the one set of rules
//! that `rungs gap --review` and the TUI's `--review` share.
//!
//! A review names its role and levels by id or name. Flags may repeat them
//! (compared by position, so an id and a name of the same level agree) but
//! never contradict them, and the target level must be above the from level.

use std::path::Path;

use super::CliError;
use crate::catalog::{Catalog, Date, clean};
use crate::review::{Review, ReviewError, ReviewFile};

/// Role, from and target level as catalog positions; each `None` when not
/// given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wanted {
    pub role: Option<usize>,
    pub from: Option<usize>,
    pub to: Option<usize>,
}

impl Wanted {
    /// Looks up what was typed (ids, names, level numbers); an unknown value
    /// is a usage error that lists the valid ones.
    pub fn find(
        catalog: &Catalog,
        role: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Wanted, CliError> {
        Ok(Wanted {
            role: role.map(|r| catalog.find_role(r)).transpose()?,
            from: from.map(|l| catalog.find_level(l)).transpose()?,
            to: to.map(|l| catalog.find_level(l)).transpose()?,
        })
    }
}

/// The names of the flags that can repeat a review's values, as the
/// command spells them (`--level` for the TUI, `--from` for `rungs gap`).
#[derive(Debug, Clone, Copy)]
pub struct FlagNames {
    pub role: &'static str,
    pub from: &'static str,
    pub to: &'static str,
}

/// The date of a review that is never used (a missing file is not created
/// here).
const UNUSED_DATE: Date = Date {
    year: 1970,
    month: 1,
    day: 1,
};

/// Opens an existing review file. `Ok(None)` when there is no file (the
/// caller decides whether that is an error); an unreadable or invalid file
/// is an error naming the file (and the line, for invalid TOML).
pub fn open(path: &Path) -> Result<Option<ReviewFile>, CliError> {
    let mut missing = false;
    let opened = ReviewFile::open_or_new(path, || {
        missing = true;
        Review::new("", "", "", "", UNUSED_DATE)
    });
    match opened {
        Ok(_) if missing => Ok(None),
        Ok(file) => Ok(Some(file)),
        Err(ReviewError::Invalid(d)) => Err(CliError::raw(super::EXIT_INVALID, d.to_string())),
        Err(e @ ReviewError::Io { .. }) => {
            Err(CliError::invalid(format!("cannot read review file {e}")))
        }
    }
}

/// A value from a hand-edited file, safe to print.
fn shown(text: &str) -> String {
    clean(text, true).text
}

/// Resolves the role, from and target level of `review` (read from
/// `path`) in `catalog`, and checks them against the flags: a flag may
/// repeat the review's value but not contradict it.
pub fn resolve(
    catalog: &Catalog,
    review: &Review,
    path: &Path,
    wanted: Wanted,
    flags: FlagNames,
) -> Result<(usize, usize, usize), CliError> {
    let find = |what: &str, found: Result<usize, crate::catalog::NotFound>| {
        found.map_err(|e| {
            CliError::invalid(format!(
                "{}: the review's {what} is not in this catalog: {e}",
                path.display()
            ))
        })
    };
    // The file may have been edited by hand: its values are cleaned before
    // they can appear in a message.
    let role = find("role", catalog.find_role(&shown(&review.role)))?;
    let from = find("from level", catalog.find_level(&shown(&review.from)))?;
    let to = find("target level", catalog.find_level(&shown(&review.to)))?;
    for (flag, noun, wanted, actual, names) in [
        (
            flags.role,
            "role",
            wanted.role,
            role,
            catalog.roles.as_slice(),
        ),
        (flags.from, "from level", wanted.from, from, &catalog.levels),
        (flags.to, "target level", wanted.to, to, &catalog.levels),
    ] {
        if let Some(w) = wanted.filter(|w| *w != actual) {
            let id = |i: usize| names.get(i).map_or("", |n| n.id.as_str());
            return Err(CliError::usage(format!(
                "{flag} {} does not match the review's {noun} {} in {}; leave {flag} out to use the review's",
                id(w),
                id(actual),
                path.display()
            )));
        }
    }
    if to <= from {
        return Err(CliError::invalid(format!(
            "{}: the review's target level `{}` is not above its from level `{}`",
            path.display(),
            shown(&review.to),
            shown(&review.from)
        )));
    }
    Ok((role, from, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    const TUI: FlagNames = FlagNames {
        role: "--role",
        from: "--level",
        to: "--to",
    };

    fn review(role: &str, from: &str, to: &str) -> Review {
        Review::new(role, from, to, "", UNUSED_DATE)
    }

    #[test]
    fn ids_names_and_numbers_agree_by_position() {
        let c = load_embedded().unwrap().catalog;
        let r = review("Data Scientist", "senior", "4");
        let path = Path::new("r.toml");
        let wanted =
            Wanted::find(&c, Some("data-scientist"), Some("Senior"), Some("lead")).unwrap();
        let found = resolve(&c, &r, path, wanted, TUI).unwrap();
        assert_eq!(found, (0, 2, 3));
        assert_eq!(
            resolve(&c, &r, path, Wanted::default(), TUI).unwrap(),
            found
        );
    }

    #[test]
    fn contradictions_and_unknown_values_are_refused() {
        let c = load_embedded().unwrap().catalog;
        let path = Path::new("r.toml");
        let r = review("data-scientist", "senior", "lead");
        let wanted = Wanted::find(&c, None, Some("middle"), None).unwrap();
        let e = resolve(&c, &r, path, wanted, TUI).unwrap_err();
        assert_eq!(e.code, super::super::EXIT_USAGE);
        assert_eq!(
            e.message,
            "error: --level middle does not match the review's from level senior in r.toml; leave --level out to use the review's"
        );
        let e = resolve(
            &c,
            &review("astronaut", "senior", "lead"),
            path,
            Wanted::default(),
            TUI,
        )
        .unwrap_err();
        assert_eq!(e.code, super::super::EXIT_INVALID);
        assert!(
            e.message.starts_with(
                "error: r.toml: the review's role is not in this catalog: unknown role `astronaut`"
            ),
            "{}",
            e.message
        );
        let e = resolve(
            &c,
            &review("data-scientist", "lead", "senior"),
            path,
            Wanted::default(),
            TUI,
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "error: r.toml: the review's target level `senior` is not above its from level `lead`"
        );
    }
}
