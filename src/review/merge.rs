//! What a save adds and how two writers meet: the history entries of the
//! changes since the file was last read, and the three-way merge of our
//! review with the one on disk, per item and per field.
//!
//! Two terminals (`--as self`, `--as manager`) marking one file each change
//! different fields most of the time: a mark of another assessor, a note
//! only one side touched. Those merge. Only when both sides changed the same
//! field to different values since they last read the file is it a
//! conflict, and the caller says which items.

use std::collections::BTreeSet;

use super::{AGREED, Assessment, BehaviourMarks, Changed, Entry, Mark, Review};

/// Sets `ours`' history: `base`'s entries (history only grows, whatever an
/// undo restored) and one new entry per mark or note that differs from
/// `base`, stamped `at`. Marks are entered under their assessor, notes
/// under `by` (the assessor who saved).
pub fn record(base: &Review, ours: &mut Review, by: &str, at: &str) {
    let skills: BTreeSet<String> = base
        .items
        .keys()
        .chain(ours.items.keys())
        .cloned()
        .collect();
    let empty = Assessment::default();
    for skill in skills {
        let b = base.items.get(&skill).unwrap_or(&empty);
        let mut o = ours.items.remove(&skill).unwrap_or_default();
        let mut history = b.history.clone();
        for who in assessors(b, &o) {
            let (was, mark) = (b.mark_of(&who), o.mark_of(&who));
            if was != mark {
                history.push(Entry {
                    at: at.to_string(),
                    by: who.clone(),
                    change: Changed::Mark { mark, was },
                    behaviour: None,
                });
            }
        }
        if b.note != o.note {
            history.push(Entry {
                at: at.to_string(),
                by: by.to_string(),
                change: Changed::Note {
                    note: o.note.clone(),
                    was: b.note.clone(),
                },
                behaviour: None,
            });
        }
        record_behaviours(b, &o, by, at, &mut history);
        o.history = history;
        if o.expectation.is_empty() && o.history.len() > b.history.len() {
            o.expectation.clone_from(&b.expectation);
        }
        if !o.is_empty() || !o.history.is_empty() || !o.sha256.is_empty() {
            ours.items.insert(skill, o);
        }
    }
    let n = base.history.len().min(ours.history.len());
    if ours.history[..n] != base.history[..n] {
        let mut events = base.history.clone();
        events.extend(ours.history[n..].iter().cloned());
        ours.history = events;
    }
}

/// One history entry per behaviour mark or note that differs between
/// `b` and `o`, matched by hash, with the behaviour's hash.
fn record_behaviours(b: &Assessment, o: &Assessment, by: &str, at: &str, out: &mut Vec<Entry>) {
    let empty = BehaviourMarks::default();
    for hash in behaviour_hashes([b, o]) {
        let old = b
            .behaviours
            .iter()
            .find(|x| x.hash == hash)
            .unwrap_or(&empty);
        let new = o
            .behaviours
            .iter()
            .find(|x| x.hash == hash)
            .unwrap_or(&empty);
        let mut who: Vec<&str> = Vec::new();
        for (w, _) in old.marks.iter().chain(&new.marks) {
            if !who.contains(&w.as_str()) {
                who.push(w);
            }
        }
        who.push(AGREED);
        for w in who {
            let (was, mark) = (old.mark_of(w), new.mark_of(w));
            if was != mark {
                out.push(Entry {
                    at: at.to_string(),
                    by: w.to_string(),
                    change: Changed::Mark { mark, was },
                    behaviour: Some(hash.clone()),
                });
            }
        }
        if old.note != new.note {
            out.push(Entry {
                at: at.to_string(),
                by: by.to_string(),
                change: Changed::Note {
                    note: new.note.clone(),
                    was: old.note.clone(),
                },
                behaviour: Some(hash.clone()),
            });
        }
    }
}

/// The behaviours' hashes of some assessments, in order of first
/// appearance.
fn behaviour_hashes<'a>(all: impl IntoIterator<Item = &'a Assessment>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in all {
        for b in &a.behaviours {
            if !out.contains(&b.hash) {
                out.push(b.hash.clone());
            }
        }
    }
    out
}

/// The assessors with a mark in either assessment, `agreed` last.
fn assessors(a: &Assessment, b: &Assessment) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (who, _) in a.marks.iter().chain(&b.marks) {
        if !out.contains(who) {
            out.push(who.clone());
        }
    }
    out.push(AGREED.to_string());
    out
}

/// A field's merged value: whichever side changed it; a conflict when both
/// changed it differently.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T, conflict: &mut bool) -> T {
    if ours == base || ours == theirs {
        theirs.clone()
    } else if theirs == base {
        ours.clone()
    } else {
        *conflict = true;
        ours.clone()
    }
}

/// Merges `ours` and `theirs`, both changed from `base`, per item and per
/// field. `Err` names the items (skill ids, or `[meta]` and the review's
/// own fields) that both sides changed to different values.
///
/// History entries of both sides are kept: theirs, then ours that `base`
/// did not have.
pub fn merge(base: &Review, ours: &Review, theirs: &Review) -> Result<Review, Vec<String>> {
    let mut conflicts = Vec::new();
    let mut top = false;
    let mut out = theirs.clone();
    out.role = pick(&base.role, &ours.role, &theirs.role, &mut top);
    out.from = pick(&base.from, &ours.from, &theirs.from, &mut top);
    out.to = pick(&base.to, &ours.to, &theirs.to, &mut top);
    out.catalog = pick(&base.catalog, &ours.catalog, &theirs.catalog, &mut top);
    out.date = pick(&base.date, &ours.date, &theirs.date, &mut top);
    out.closed = pick(&base.closed, &ours.closed, &theirs.closed, &mut top);
    if top {
        conflicts.push("the review's role, levels, date or closing".to_string());
    }
    let mut meta = false;
    let (b, o, t) = (&base.meta, &ours.meta, &theirs.meta);
    out.meta.candidate = pick(&b.candidate, &o.candidate, &t.candidate, &mut meta);
    out.meta.assessors = pick(&b.assessors, &o.assessors, &t.assessors, &mut meta);
    out.meta.meetings = pick(&b.meetings, &o.meetings, &t.meetings, &mut meta);
    out.meta.outcome = pick(&b.outcome, &o.outcome, &t.outcome, &mut meta);
    out.meta.summary = pick(&b.summary, &o.summary, &t.summary, &mut meta);
    if meta {
        conflicts.push("[meta]".to_string());
    }
    let skip = base.history.len().min(ours.history.len());
    out.history.extend(ours.history[skip..].iter().cloned());

    let skills: BTreeSet<&String> = base
        .items
        .keys()
        .chain(ours.items.keys())
        .chain(theirs.items.keys())
        .collect();
    let empty = Assessment::default();
    for skill in skills {
        let b = base.items.get(skill).unwrap_or(&empty);
        let o = ours.items.get(skill).unwrap_or(&empty);
        let t = theirs.items.get(skill).unwrap_or(&empty);
        let mut clash = false;
        let mut m = t.clone();
        let mut names = assessors(b, o);
        names.retain(|n| n != AGREED);
        for who in assessors(t, &Assessment::default())
            .into_iter()
            .chain(names)
            .collect::<Vec<_>>()
        {
            let mark: Option<Mark> = pick(
                &b.mark_of(&who),
                &o.mark_of(&who),
                &t.mark_of(&who),
                &mut clash,
            );
            m.set_mark(&who, mark);
        }
        merge_behaviours(b, o, t, &mut m, &mut clash);
        m.note = pick(&b.note, &o.note, &t.note, &mut clash);
        m.expectation = pick(&b.expectation, &o.expectation, &t.expectation, &mut clash);
        m.sha256 = pick(&b.sha256, &o.sha256, &t.sha256, &mut clash);
        let skip = b.history.len().min(o.history.len());
        m.history.extend(o.history[skip..].iter().cloned());
        if clash {
            conflicts.push(skill.clone());
        }
        if m == Assessment::default() {
            out.items.remove(skill);
        } else {
            out.items.insert(skill.clone(), m);
        }
    }
    if conflicts.is_empty() {
        Ok(out)
    } else {
        Err(conflicts)
    }
}

/// The behaviours' marks and notes merged per behaviour (by hash), per
/// assessor and per note, and which item marks are rolled up, per
/// assessor; the result in `m` (a copy of `t`).
fn merge_behaviours(
    b: &Assessment,
    o: &Assessment,
    t: &Assessment,
    m: &mut Assessment,
    clash: &mut bool,
) {
    let empty = BehaviourMarks::default();
    let find = |a: &'_ Assessment, h: &str| -> Option<BehaviourMarks> {
        a.behaviours.iter().find(|x| x.hash == h).cloned()
    };
    let mut out = Vec::new();
    // Theirs first (the file's order), then ours that are new.
    for hash in behaviour_hashes([t, o, b]) {
        let (bb, ob, tb) = (find(b, &hash), find(o, &hash), find(t, &hash));
        let (bb, ob, tb) = (
            bb.unwrap_or_else(|| empty.clone()),
            ob.unwrap_or_else(|| empty.clone()),
            tb.unwrap_or_else(|| empty.clone()),
        );
        let mut x = tb.clone();
        x.hash.clone_from(&hash);
        x.text = pick(&bb.text, &ob.text, &tb.text, &mut false);
        if x.text.is_empty() {
            x.text = ob.text.clone();
        }
        let mut who: Vec<String> = Vec::new();
        for (w, _) in tb.marks.iter().chain(&ob.marks).chain(&bb.marks) {
            if !who.contains(w) {
                who.push(w.clone());
            }
        }
        who.push(AGREED.to_string());
        for w in &who {
            let mark = pick(&bb.mark_of(w), &ob.mark_of(w), &tb.mark_of(w), clash);
            x.set_mark(w, mark);
        }
        x.note = pick(&bb.note, &ob.note, &tb.note, clash);
        if !x.is_empty() {
            out.push(x);
        }
    }
    m.behaviours = out;
    let mut names: Vec<&String> = Vec::new();
    for w in t.rolled_up.iter().chain(&o.rolled_up).chain(&b.rolled_up) {
        if !names.contains(&w) {
            names.push(w);
        }
    }
    let has = |a: &Assessment, w: &str| a.rolled_up.iter().any(|x| x == w);
    m.rolled_up = names
        .into_iter()
        .filter(|w| pick(&has(b, w), &has(o, w), &has(t, w), clash))
        .cloned()
        .collect();
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    fn with_mark(r: &Review, skill: &str, who: &str, m: Option<Mark>) -> Review {
        let mut r = r.clone();
        r.items.entry(skill.into()).or_default().set_mark(who, m);
        r
    }

    #[test]
    fn different_assessors_marking_the_same_item_merge() {
        let base = sample();
        let ours = with_mark(&base, "sql", "self", Some(Mark::Met));
        let theirs = with_mark(&base, "sql", "manager", Some(Mark::Partly));
        let m = merge(&base, &ours, &theirs).unwrap();
        assert_eq!(m.items["sql"].mark_of("self"), Some(Mark::Met));
        assert_eq!(m.items["sql"].mark_of("manager"), Some(Mark::Partly));
        assert_eq!(m.items["sql"].note, "to discuss");
        // A note changed by one side only is taken.
        let mut ours = base.clone();
        ours.items.get_mut("sql").unwrap().note = "ours".into();
        let m = merge(&base, &ours, &theirs).unwrap();
        assert_eq!(m.items["sql"].note, "ours");
        // The same change on both sides is no conflict.
        let both = with_mark(&base, "sql", "self", Some(Mark::Met));
        assert!(merge(&base, &both, &both).is_ok());
    }

    #[test]
    fn the_same_field_changed_differently_is_a_conflict_naming_the_item() {
        let base = sample();
        let ours = with_mark(&base, "sql", AGREED, Some(Mark::Met));
        let theirs = with_mark(&base, "sql", AGREED, Some(Mark::NotYet));
        assert_eq!(merge(&base, &ours, &theirs).unwrap_err(), ["sql"]);
        let mut theirs = base.clone();
        theirs.meta.outcome = "promote".into();
        let mut ours = base.clone();
        ours.meta.outcome = "deferred".into();
        assert_eq!(merge(&base, &ours, &theirs).unwrap_err(), ["[meta]"]);
    }

    #[test]
    fn recording_adds_one_entry_per_changed_field_and_keeps_the_old_ones() {
        let base = sample();
        let mut ours = with_mark(&base, "sql", "self", Some(Mark::Partly));
        ours.items.get_mut("deep-learning").unwrap().mark = None;
        ours.items.get_mut("deep-learning").unwrap().note = String::new();
        record(&base, &mut ours, "manager", "2026-12-14T10:42:00+08:00");
        let sql = &ours.items["sql"].history;
        assert_eq!(sql.len(), 1);
        assert_eq!(sql[0].by, "self");
        let dl = &ours.items["deep-learning"];
        assert!(dl.is_empty(), "the item stays for its history");
        assert_eq!(dl.history.len(), 2);
        assert!(matches!(&dl.history[1].change, Changed::Note { note, .. } if note.is_empty()));
        assert_eq!(dl.history[1].by, "manager");
        // Recording again with nothing changed adds nothing.
        let again_base = ours.clone();
        record(&again_base, &mut ours, "manager", "x");
        assert_eq!(ours, again_base);
    }
}
