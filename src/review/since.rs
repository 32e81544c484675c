//! What changed at the last session: on reopening a review, the day of its
//! newest history entry, the items changed on or after that day and their
//! marks before it, for the status line and the list's `✗→~`.

use std::collections::BTreeMap;

use super::{Changed, Mark, Review};

/// The changes of the last day with history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinceLast {
    /// The day of the newest history entry (`2026-12-14`).
    pub day: String,
    /// Items with a change (mark or note) on or after `day`.
    pub changed: usize,
    /// Of those, items whose counted mark is met now and was not before.
    pub newly_met: usize,
    /// Each changed item's marks before `day`, by assessor, for those
    /// whose mark changed.
    pub before: BTreeMap<String, Vec<(String, Option<Mark>)>>,
}

impl SinceLast {
    /// `who`'s mark on `skill` before the day, when it changed since.
    pub fn mark_before(&self, skill: &str, who: &str) -> Option<Option<Mark>> {
        self.before
            .get(skill)?
            .iter()
            .find(|(w, _)| w == who)
            .map(|(_, m)| *m)
    }
}

impl Review {
    /// What changed on or after the day of the newest history entry, with
    /// `counted`'s marks deciding what is newly met; `None` without history.
    pub fn since_last(&self, counted: &str) -> Option<SinceLast> {
        let day_of = |at: &str| at.get(..10).unwrap_or("").to_string();
        let day = self
            .items
            .values()
            .flat_map(|a| &a.history)
            .map(|e| day_of(&e.at))
            .max()?;
        let mut out = SinceLast {
            day: day.clone(),
            changed: 0,
            newly_met: 0,
            before: BTreeMap::new(),
        };
        for (skill, a) in &self.items {
            let mut before: Vec<(String, Option<Mark>)> = Vec::new();
            let mut any = false;
            for e in a.history.iter().filter(|e| day_of(&e.at) >= day) {
                any = true;
                // The first entry of the day holds the mark before it (a
                // behaviour's entries hold the behaviour's marks).
                if let Changed::Mark { was, .. } = &e.change
                    && e.behaviour.is_none()
                    && !before.iter().any(|(w, _)| *w == e.by)
                {
                    before.push((e.by.clone(), *was));
                }
            }
            if !any {
                continue;
            }
            out.changed += 1;
            let was = before
                .iter()
                .find(|(w, _)| w == counted)
                .map_or(a.mark_of(counted), |(_, m)| *m);
            if a.mark_of(counted) == Some(Mark::Met) && was != Some(Mark::Met) {
                out.newly_met += 1;
            }
            if !before.is_empty() {
                out.before.insert(skill.clone(), before);
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Assessment, Entry};
    use super::*;

    fn entry(at: &str, by: &str, was: Option<Mark>, mark: Option<Mark>) -> Entry {
        Entry {
            at: at.into(),
            by: by.into(),
            change: Changed::Mark { mark, was },
            behaviour: None,
        }
    }

    #[test]
    fn the_last_day_with_history_is_what_changed() {
        let mut r = super::super::sample();
        r.items.clear();
        let mut a = Assessment::default();
        a.set_mark("agreed", Some(Mark::Met));
        a.history = vec![
            entry(
                "2026-11-30T10:00:00+08:00",
                "agreed",
                None,
                Some(Mark::NotYet),
            ),
            entry(
                "2026-12-14T10:42:00+08:00",
                "agreed",
                Some(Mark::NotYet),
                Some(Mark::Partly),
            ),
            entry(
                "2026-12-14T10:50:00+08:00",
                "agreed",
                Some(Mark::Partly),
                Some(Mark::Met),
            ),
        ];
        r.items.insert("sql".into(), a);
        let mut b = Assessment::default();
        b.set_mark("agreed", Some(Mark::Partly));
        b.history = vec![entry(
            "2026-12-14T11:00:00+08:00",
            "agreed",
            Some(Mark::NotYet),
            Some(Mark::Partly),
        )];
        r.items.insert("python".into(), b);
        let mut c = Assessment {
            note: "old".into(),
            ..Assessment::default()
        };
        c.set_mark("agreed", Some(Mark::Met));
        c.history = vec![entry(
            "2026-11-30T09:00:00+08:00",
            "agreed",
            None,
            Some(Mark::Met),
        )];
        r.items.insert("git".into(), c);
        let s = r.since_last("agreed").unwrap();
        assert_eq!(s.day, "2026-12-14");
        assert_eq!((s.changed, s.newly_met), (2, 1));
        assert_eq!(s.mark_before("sql", "agreed"), Some(Some(Mark::NotYet)));
        assert_eq!(s.mark_before("python", "agreed"), Some(Some(Mark::NotYet)));
        assert_eq!(s.mark_before("git", "agreed"), None, "not changed that day");
        r.items.values_mut().for_each(|a| a.history.clear());
        assert_eq!(r.since_last("agreed"), None);
    }
}
