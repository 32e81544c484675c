//! Promotion reviews: a review's marks and notes (the model), its TOML file
//! format, saving it atomically, and tallying it against a gap.
//!
//! A review is TOML a person can read: the role, the from and target levels,
//! the catalog's title, the date, and per assessed skill its mark, note and
//! the target expectation as it read when assessed. Saving writes a
//! temporary file in the same folder, flushes it to disk and renames it over
//! the old one, so a crash, a kill or a full disk never leaves a half-written
//! review. A file changed by someone else since it was read is never
//! overwritten: our version goes to a conflict copy beside it.
//!
//! `format` reads and writes the TOML, `file` opens and saves review files,
//! `tally` counts marks and notices stale assessments over a gap.

mod file;
mod format;
mod tally;

use std::collections::BTreeMap;

use crate::catalog::Date;

pub use crate::fsutil::{Fs, RealFs, write_atomic};
pub use file::{ReviewError, ReviewFile, Saved};
pub use tally::{Counts, Tallied, Tally};

/// How far a skill's target expectation is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Met,
    Partly,
    NotYet,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Met, Mark::Partly, Mark::NotYet];

    /// The word used in review files, JSON and Markdown.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Met => "met",
            Mark::Partly => "partly",
            Mark::NotYet => "not-yet",
        }
    }

    /// The English label for people. Shown text comes from the language
    /// tables (`i18n`); this is kept only for their test to compare with.
    #[cfg(test)]
    pub fn label(self) -> &'static str {
        match self {
            Mark::Met => "met",
            Mark::Partly => "partly",
            Mark::NotYet => "not yet",
        }
    }

    /// The mark written `s` in a review file.
    pub fn parse(s: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The next mark for `Space`: none → met → partly → not yet → none.
    pub fn cycle(mark: Option<Mark>) -> Option<Mark> {
        match mark {
            None => Some(Mark::Met),
            Some(Mark::Met) => Some(Mark::Partly),
            Some(Mark::Partly) => Some(Mark::NotYet),
            Some(Mark::NotYet) => None,
        }
    }
}

/// The assessment of one skill.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assessment {
    pub mark: Option<Mark>,
    pub note: String,
    /// The target level's expectation text when it was assessed, to notice
    /// later changes to the catalog.
    pub expectation: String,
}

impl Assessment {
    pub fn is_empty(&self) -> bool {
        self.mark.is_none() && self.note.trim().is_empty()
    }
}

/// A promotion review: one role, from one level to a target level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub role: String,
    pub from: String,
    pub to: String,
    pub catalog: String,
    pub date: Date,
    /// Assessments by skill id.
    pub items: BTreeMap<String, Assessment>,
}

impl Review {
    pub fn new(role: &str, from: &str, to: &str, catalog: &str, date: Date) -> Self {
        Review {
            role: role.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            catalog: catalog.to_string(),
            date,
            items: BTreeMap::new(),
        }
    }
}

/// A review with two assessments, shared by this module's tests.
#[cfg(test)]
fn sample() -> Review {
    let mut r = Review::new(
        "data-scientist",
        "senior",
        "lead",
        "Matrix",
        Date {
            year: 2026,
            month: 11,
            day: 29,
        },
    );
    r.items.insert(
        "deep-learning".into(),
        Assessment {
            mark: Some(Mark::Met),
            note: "led the \"DDP\" migration, Q3".into(),
            expectation: "Defines DL framework strategy.".into(),
        },
    );
    r.items.insert(
        "sql".into(),
        Assessment {
            mark: None,
            note: "to discuss".into(),
            expectation: "Sets SQL standards.".into(),
        },
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycle_goes_round() {
        let mut m = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            m = Mark::cycle(m);
            seen.push(m);
        }
        assert_eq!(
            seen,
            [
                Some(Mark::Met),
                Some(Mark::Partly),
                Some(Mark::NotYet),
                None
            ]
        );
    }
}
