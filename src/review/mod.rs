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

mod behaviours;
mod file;
mod format;
mod merge;
mod since;
mod tally;

use std::collections::BTreeMap;

use crate::catalog::Date;

pub use crate::fsutil::{Fs, RealFs, write_atomic};
pub use behaviours::{
    BehaviourMarks, BehaviourState, assessed_behaviours, behaviour_hash, roll_up,
};
pub use file::{ReviewError, ReviewFile, Saved};
pub use format::{Parsed, VERSION, parse_full};
pub use merge::{merge, record};
pub use since::SinceLast;
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

/// Whose mark counts once people agree: the meeting's result.
pub const AGREED: &str = "agreed";
/// The assessor when none is named (`--as`, the config's `assessor`).
pub const DEFAULT_ASSESSOR: &str = "manager";

/// A mark or a note changed: one `[[items.history]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Local time with its offset, `2026-12-14T10:42:00+08:00`.
    pub at: String,
    /// For a mark, whose mark it is (`self`, `manager`, `agreed`, …); for a
    /// note, the assessor who saved it.
    pub by: String,
    pub change: Changed,
    /// The short hash of the behaviour whose mark or note changed
    /// (`behaviour = "…"`); `None` for the item's own.
    pub behaviour: Option<String>,
}

/// What an [`Entry`] records: the new value and the one before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    Mark {
        mark: Option<Mark>,
        was: Option<Mark>,
    },
    Note {
        note: String,
        was: String,
    },
}

/// A review-level event: closed or reopened (`[[history]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: String,
    pub by: String,
    /// `closed` or `reopened`.
    pub event: String,
}

/// The assessment of one skill.
///
/// Left open to more per-item tables (the ladders issue adds
/// `behaviours`): keys rungs does not know are kept by the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assessment {
    /// The agreed mark: what reports count (a version-1 file's `mark`).
    pub mark: Option<Mark>,
    /// Every other assessor's mark (`self`, `manager`, a peer, …), in the
    /// order they first appear.
    pub marks: Vec<(String, Mark)>,
    /// One note per item, shared: the meeting's evidence.
    pub note: String,
    /// The target level's expectation text when it was assessed, to notice
    /// later changes to the catalog.
    pub expectation: String,
    /// SHA-256 (hex) of `expectation`, recorded when the review is closed.
    pub sha256: String,
    /// Saved changes, oldest first.
    pub history: Vec<Entry>,
    /// Per-behaviour marks and notes (`[[items.behaviours]]`), in file
    /// order; matched to the catalog's behaviours by hash, then by text.
    pub behaviours: Vec<BehaviourMarks>,
    /// The assessors (`agreed` included) whose item mark is rolled up from
    /// the behaviours' marks; any other item mark was set by hand.
    pub rolled_up: Vec<String>,
}

impl Assessment {
    pub fn is_empty(&self) -> bool {
        self.mark.is_none()
            && self.marks.is_empty()
            && self.note.trim().is_empty()
            && self.behaviours.iter().all(BehaviourMarks::is_empty)
    }

    /// `who`'s mark (`agreed` is the agreed one).
    pub fn mark_of(&self, who: &str) -> Option<Mark> {
        mark_in(self.mark, &self.marks, who)
    }

    /// Sets or clears `who`'s item mark by hand, keeping the order of the
    /// others: it no longer follows the behaviours' roll-up.
    pub fn set_mark(&mut self, who: &str, mark: Option<Mark>) {
        self.rolled_up.retain(|w| w != who);
        set_mark_in(&mut self.mark, &mut self.marks, who, mark);
    }

    /// Every mark with its assessor, `agreed` last.
    pub fn all_marks(&self) -> impl Iterator<Item = (&str, Mark)> {
        self.marks
            .iter()
            .map(|(w, m)| (w.as_str(), *m))
            .chain(self.mark.map(|m| (AGREED, m)))
    }

    /// True when two assessors (agreed included) gave different marks.
    pub fn disagrees(&self) -> bool {
        let mut marks = self.all_marks().map(|(_, m)| m);
        marks.next().is_some_and(|first| marks.any(|m| m != first))
    }
}

/// `who`'s mark among an agreed mark and the other assessors' marks.
fn mark_in(agreed: Option<Mark>, marks: &[(String, Mark)], who: &str) -> Option<Mark> {
    if who == AGREED {
        return agreed;
    }
    marks.iter().find(|(w, _)| w == who).map(|(_, m)| *m)
}

/// Sets or clears `who`'s mark among an agreed mark and the other
/// assessors' marks, keeping the order of the others.
fn set_mark_in(
    agreed: &mut Option<Mark>,
    marks: &mut Vec<(String, Mark)>,
    who: &str,
    mark: Option<Mark>,
) {
    if who == AGREED {
        *agreed = mark;
        return;
    }
    match (marks.iter().position(|(w, _)| w == who), mark) {
        (Some(i), Some(m)) => marks[i].1 = m,
        (Some(i), None) => {
            marks.remove(i);
        }
        (None, Some(m)) => marks.push((who.to_string(), m)),
        (None, None) => {}
    }
}

/// Who is assessed, by whom, and what was decided (`[meta]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    pub candidate: String,
    pub assessors: Vec<String>,
    pub meetings: Vec<Date>,
    /// `promote`, `not-yet`, `deferred` or any text.
    pub outcome: String,
    pub summary: String,
}

impl Meta {
    pub fn is_empty(&self) -> bool {
        *self == Meta::default()
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
    pub meta: Meta,
    /// When the review was closed (`rungs review close`); a closed review
    /// opens read-only.
    pub closed: Option<Date>,
    /// Closing and reopening, oldest first.
    pub history: Vec<Event>,
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
            meta: Meta::default(),
            closed: None,
            history: Vec::new(),
            items: BTreeMap::new(),
        }
    }

    /// Every assessor named in the review, in order of first appearance:
    /// `[meta] assessors`, then the marks' owners (`agreed` not included).
    pub fn assessors(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let names =
            self.meta
                .assessors
                .iter()
                .map(String::as_str)
                .chain(self.items.values().flat_map(|a| {
                    a.marks.iter().map(|(w, _)| w.as_str()).chain(
                        a.behaviours
                            .iter()
                            .flat_map(|b| b.marks.iter().map(|(w, _)| w.as_str())),
                    )
                }));
        for n in names {
            if !out.iter().any(|o| o == n) {
                out.push(n.to_string());
            }
        }
        out
    }

    /// The assessors with a mark on any item (`agreed` not included), in
    /// order of first appearance.
    pub fn assessors_with_marks(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (who, _) in self.items.values().flat_map(|a| a.marks.iter()) {
            if !out.contains(who) {
                out.push(who.clone());
            }
        }
        out
    }

    /// The skills (by id, sorted) where assessors disagree: what `D` in the
    /// gap view visits.
    pub fn disagreements(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter(|(_, a)| a.disagrees())
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// Whose marks the counts are of: `agreed` once any item is agreed,
    /// `current` before that.
    pub fn counted<'a>(&self, current: &'a str) -> &'a str {
        if self.items.values().any(|a| a.mark.is_some()) {
            AGREED
        } else {
            current
        }
    }

    /// Closes the review on `date`: records the SHA-256 of every assessed
    /// expectation text and a history event.
    pub fn close(&mut self, date: Date, at: &str, by: &str) {
        for a in self.items.values_mut() {
            a.sha256 = sha256_hex(&a.expectation);
        }
        self.closed = Some(date);
        self.history.push(Event {
            at: at.to_string(),
            by: by.to_string(),
            event: "closed".into(),
        });
    }

    /// Reopens a closed review, with a history event.
    pub fn reopen(&mut self, at: &str, by: &str) {
        for a in self.items.values_mut() {
            a.sha256.clear();
        }
        self.closed = None;
        self.history.push(Event {
            at: at.to_string(),
            by: by.to_string(),
            event: "reopened".into(),
        });
    }
}

/// SHA-256 of `text`, as 64 lowercase hex digits.
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The short hash shown in exports: the first 12 hex digits.
pub fn short_hash(hex: &str) -> &str {
    hex.get(..12).unwrap_or(hex)
}

/// The hash of a ladder version: SHA-256 over each skill id and the
/// SHA-256 of its expectation text, one `id<TAB>hash` line per skill in the
/// order given.
pub fn ladder_hash<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut lines = String::new();
    for (id, text) in items {
        lines.push_str(id);
        lines.push('\t');
        lines.push_str(&sha256_hex(text));
        lines.push('\n');
    }
    sha256_hex(&lines)
}

/// The local time now with its offset, to the second, as history records it.
pub fn now_stamp() -> String {
    let tz = jiff::tz::TimeZone::system();
    let now = jiff::Timestamp::now();
    let dt = tz.to_datetime(now);
    let offset = tz.to_offset(now).seconds();
    let (sign, offset) = if offset < 0 {
        ('-', -offset)
    } else {
        ('+', offset)
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        offset / 3600,
        offset % 3600 / 60
    )
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
            ..Assessment::default()
        },
    );
    r.items.insert(
        "sql".into(),
        Assessment {
            mark: None,
            note: "to discuss".into(),
            expectation: "Sets SQL standards.".into(),
            ..Assessment::default()
        },
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `self` marks 10 items, `manager` 12 (in two terminals, merged on
    /// save): the disagreements are exactly the items whose marks differ,
    /// and once every item is agreed the counts are the agreed marks.
    #[test]
    fn two_assessors_disagreements_and_agreeing() {
        use crate::fsutil::RealFs;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        let mut me = ReviewFile::open_or_new(&path, || {
            let mut r = sample();
            r.items.clear();
            r
        })
        .unwrap();
        me.assessor = "self".into();
        me.save(&RealFs).unwrap();
        let mut boss = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        let marks = [Mark::Met, Mark::Partly, Mark::NotYet];
        for i in 0..10 {
            let a = me.review.items.entry(format!("s{i:02}")).or_default();
            a.set_mark("self", Some(marks[i % 3]));
            me.save(&RealFs).unwrap();
        }
        for i in 0..12 {
            // Items 0..5 the same as self, 6..9 one step lower, 10..11 only
            // the manager's.
            let m = if i < 6 {
                marks[i % 3]
            } else {
                marks[(i + 1) % 3]
            };
            let a = boss.review.items.entry(format!("s{i:02}")).or_default();
            a.set_mark("manager", Some(m));
            assert!(matches!(boss.save(&RealFs).unwrap(), Saved::Written(_)));
        }
        let r = ReviewFile::open_or_new(&path, || unreachable!())
            .unwrap()
            .review;
        assert_eq!(
            r.items
                .values()
                .filter(|a| a.mark_of("self").is_some())
                .count(),
            10
        );
        assert_eq!(
            r.items
                .values()
                .filter(|a| a.mark_of("manager").is_some())
                .count(),
            12
        );
        let differing: Vec<String> = (6..10).map(|i| format!("s{i:02}")).collect();
        assert_eq!(r.disagreements(), differing);
        assert_eq!(r.counted("self"), "self", "nothing agreed yet");
        let mut r = r;
        for a in r.items.values_mut() {
            a.set_mark(AGREED, a.mark_of("manager"));
        }
        assert_eq!(r.counted("self"), AGREED);
        // Agreeing with the manager leaves the self marks differing.
        assert_eq!(r.disagreements(), differing);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the review only (the lock file goes with the lock)"
        );
    }

    /// Behaviour marks are saved with one history entry each (naming the
    /// behaviour's hash), reload to the same review, and two terminals
    /// marking behaviours of the same item merge.
    #[test]
    fn behaviour_marks_save_reload_and_merge() {
        use crate::fsutil::RealFs;
        let current = ["Gives feedback upwards", "Transparent about mistakes"];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        let mut me = ReviewFile::open_or_new(&path, sample).unwrap();
        me.assessor = "self".into();
        me.save(&RealFs).unwrap();
        let mut boss = ReviewFile::open_or_new(&path, || unreachable!()).unwrap();
        let sql = me.review.items.get_mut("sql").unwrap();
        sql.set_behaviour_mark(&current, 0, "self", Some(Mark::Met));
        sql.set_behaviour_note(&current, 0, "asked for it in 1:1s");
        me.save_at(&RealFs, "2026-12-14T10:00:00+08:00").unwrap();
        let sql = boss.review.items.get_mut("sql").unwrap();
        sql.set_behaviour_mark(&current, 0, "manager", Some(Mark::Partly));
        sql.set_behaviour_mark(&current, 1, "manager", Some(Mark::Met));
        assert!(matches!(
            boss.save_at(&RealFs, "2026-12-14T10:05:00+08:00").unwrap(),
            Saved::Written(_)
        ));
        let back = ReviewFile::open_or_new(&path, || unreachable!())
            .unwrap()
            .review;
        assert_eq!(back, boss.review);
        let sql = &back.items["sql"];
        let states = sql.behaviour_states(&current);
        let b0 = states[0].stored.unwrap();
        assert_eq!(b0.mark_of("self"), Some(Mark::Met));
        assert_eq!(b0.mark_of("manager"), Some(Mark::Partly));
        assert_eq!(b0.note, "asked for it in 1:1s");
        assert_eq!(sql.mark_of("self"), Some(Mark::Partly), "1 of 2 met");
        assert_eq!(sql.mark_of("manager"), Some(Mark::Partly));
        let h0 = behaviour_hash(current[0]);
        let for_b0: Vec<(&str, bool)> = sql
            .history
            .iter()
            .filter(|e| e.behaviour.as_deref() == Some(h0.as_str()))
            .map(|e| (e.by.as_str(), matches!(e.change, Changed::Note { .. })))
            .collect();
        assert_eq!(
            for_b0,
            [("self", false), ("self", true), ("manager", false)]
        );
        // The item's rolled-up marks have their own entries.
        assert!(
            sql.history
                .iter()
                .any(|e| e.behaviour.is_none() && e.by == "manager")
        );
    }

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
