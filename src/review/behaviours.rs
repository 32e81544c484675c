//! Per-behaviour marks: each behaviour of a gap item assessed on its own
//! (marks per assessor and agreed, a note), the item's mark rolled up from
//! them, and matching what the review stored to the catalog's behaviours
//! when they were reordered or reworded since.
//!
//! A stored behaviour keeps its text as assessed and the short hash of it
//! (the first 12 hex digits of its SHA-256, as `rungs review close`
//! records). It is found again by hash, so reordering keeps its marks; a
//! reworded behaviour is paired with its old text by word similarity
//! ([`pair_lines`], at least [`PAIR_THRESHOLD`]) and flagged as changed
//! since assessed.

use super::{AGREED, Assessment, Mark, mark_in, set_mark_in, sha256_hex, short_hash};
use crate::gap::{BehaviourChange, GapItem, Paired, pair_lines};

/// One behaviour's assessment (`[[items.behaviours]]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BehaviourMarks {
    /// The behaviour's text as assessed.
    pub text: String,
    /// [`behaviour_hash`] of `text` as the catalog had it.
    pub hash: String,
    /// The agreed mark.
    pub mark: Option<Mark>,
    /// Every other assessor's mark, in order of first appearance.
    pub marks: Vec<(String, Mark)>,
    /// The behaviour's own note.
    pub note: String,
}

impl BehaviourMarks {
    /// A behaviour not assessed yet, for `text`.
    pub fn new(text: &str) -> Self {
        BehaviourMarks {
            text: text.to_string(),
            hash: behaviour_hash(text),
            ..BehaviourMarks::default()
        }
    }

    /// True without marks or note: nothing worth keeping.
    pub fn is_empty(&self) -> bool {
        self.mark.is_none() && self.marks.is_empty() && self.note.trim().is_empty()
    }

    /// `who`'s mark (`agreed` is the agreed one).
    pub fn mark_of(&self, who: &str) -> Option<Mark> {
        mark_in(self.mark, &self.marks, who)
    }

    /// Sets or clears `who`'s mark.
    pub fn set_mark(&mut self, who: &str, mark: Option<Mark>) {
        set_mark_in(&mut self.mark, &mut self.marks, who, mark);
    }

    /// Every mark with its assessor, `agreed` last.
    pub fn all_marks(&self) -> impl Iterator<Item = (&str, Mark)> {
        self.marks
            .iter()
            .map(|(w, m)| (w.as_str(), *m))
            .chain(self.mark.map(|m| (AGREED, m)))
    }
}

/// The short hash of a behaviour's text: the first 12 hex digits of its
/// SHA-256, as `rungs review close` and the exports use.
pub fn behaviour_hash(text: &str) -> String {
    short_hash(&sha256_hex(text)).to_string()
}

/// The item's mark rolled up from its behaviours' marks (one per
/// behaviour, `None` for not assessed): all met → met; none assessed → not
/// assessed; all assessed and none met or partly → not yet; otherwise
/// partly. No behaviours → not assessed.
pub fn roll_up(marks: impl IntoIterator<Item = Option<Mark>>) -> Option<Mark> {
    let (mut n, mut assessed, mut met, mut partly) = (0, 0, 0, 0);
    for m in marks {
        n += 1;
        assessed += usize::from(m.is_some());
        met += usize::from(m == Some(Mark::Met));
        partly += usize::from(m == Some(Mark::Partly));
    }
    if assessed == 0 {
        None
    } else if met == n {
        Some(Mark::Met)
    } else if assessed == n && met == 0 && partly == 0 {
        Some(Mark::NotYet)
    } else {
        Some(Mark::Partly)
    }
}

/// The behaviours a gap item is assessed by, in the catalog's order: on a
/// cumulative skill, the ones the levels on the path add (what the gap
/// lists); otherwise the target cell's behaviours (its `behaviours`, or
/// the bullets read from its text). Empty when the cells have none.
pub fn assessed_behaviours(item: &GapItem) -> Vec<&str> {
    if item.cumulative {
        let any = item
            .path
            .iter()
            .filter_map(|(_, c)| c.as_ref())
            .chain(item.to.as_ref())
            .any(|c| !c.behaviours().is_empty());
        if !any {
            return Vec::new();
        }
        return item
            .behaviours
            .iter()
            .filter_map(|b| match b {
                BehaviourChange::Added { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
    }
    item.to
        .as_ref()
        .map(|c| c.behaviours().iter().map(|b| b.text.as_str()).collect())
        .unwrap_or_default()
}

/// How one of the catalog's behaviours stands in an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BehaviourState<'a> {
    /// The stored assessment it was matched to, if any.
    pub stored: Option<&'a BehaviourMarks>,
    /// True when it was matched by similarity: the catalog reworded the
    /// behaviour since it was assessed.
    pub changed: bool,
}

impl Assessment {
    /// For each of the catalog's behaviours `current`, the stored
    /// behaviour it matches (its index) and whether it was reworded since:
    /// by hash first, then the rest by word similarity.
    pub fn match_behaviours(&self, current: &[&str]) -> Vec<Option<(usize, bool)>> {
        let mut out: Vec<Option<(usize, bool)>> = vec![None; current.len()];
        let mut taken = vec![false; self.behaviours.len()];
        for (j, text) in current.iter().enumerate() {
            let hash = behaviour_hash(text);
            if let Some(i) =
                (0..self.behaviours.len()).find(|&i| !taken[i] && self.behaviours[i].hash == hash)
            {
                taken[i] = true;
                out[j] = Some((i, false));
            }
        }
        let old: Vec<usize> = (0..self.behaviours.len()).filter(|&i| !taken[i]).collect();
        let new: Vec<usize> = (0..current.len()).filter(|&j| out[j].is_none()).collect();
        if old.is_empty() || new.is_empty() {
            return out;
        }
        let old_texts: Vec<&str> = old
            .iter()
            .map(|&i| self.behaviours[i].text.as_str())
            .collect();
        let new_texts: Vec<&str> = new.iter().map(|&j| current[j]).collect();
        for p in pair_lines(&old_texts, &new_texts) {
            match p {
                Paired::Same(i, j) => out[new[j]] = Some((old[i], false)),
                Paired::Reworded(i, j) => out[new[j]] = Some((old[i], true)),
                Paired::Removed(_) | Paired::Added(_) => {}
            }
        }
        out
    }

    /// Each of `current`'s behaviours with its stored assessment.
    pub fn behaviour_states(&self, current: &[&str]) -> Vec<BehaviourState<'_>> {
        self.match_behaviours(current)
            .into_iter()
            .map(|m| BehaviourState {
                stored: m.map(|(i, _)| &self.behaviours[i]),
                changed: m.is_some_and(|(_, c)| c),
            })
            .collect()
    }

    /// `who`'s marks of `current`'s behaviours, in order.
    pub fn behaviour_marks(&self, current: &[&str], who: &str) -> Vec<Option<Mark>> {
        self.behaviour_states(current)
            .iter()
            .map(|s| s.stored.and_then(|b| b.mark_of(who)))
            .collect()
    }

    /// `who`'s item mark rolled up from the behaviours `current`.
    pub fn rolled(&self, current: &[&str], who: &str) -> Option<Mark> {
        roll_up(self.behaviour_marks(current, who))
    }

    /// True when `who`'s item mark follows the behaviours' roll-up: it
    /// was rolled up, or nobody set it by hand.
    pub fn follows_roll_up(&self, who: &str) -> bool {
        self.rolled_up.iter().any(|w| w == who) || self.mark_of(who).is_none()
    }

    /// True when `who`'s item mark was set by hand over behaviours that
    /// carry marks of `who`.
    pub fn set_by_hand(&self, current: &[&str], who: &str) -> bool {
        !self.follows_roll_up(who)
            && self
                .behaviour_marks(current, who)
                .iter()
                .any(Option::is_some)
    }

    /// The stored behaviour for `current[j]`, created when there is none;
    /// a reworded one takes the current text (it is assessed against it
    /// now).
    fn behaviour_slot(&mut self, current: &[&str], j: usize) -> Option<&mut BehaviourMarks> {
        let text = *current.get(j)?;
        let i = match self.match_behaviours(current)[j] {
            Some((i, changed)) => {
                if changed {
                    self.behaviours[i].text = text.to_string();
                    self.behaviours[i].hash = behaviour_hash(text);
                }
                i
            }
            None => {
                self.behaviours.push(BehaviourMarks::new(text));
                self.behaviours.len() - 1
            }
        };
        self.behaviours.get_mut(i)
    }

    /// Sets `who`'s mark of behaviour `current[j]`, and rolls `who`'s item
    /// mark up unless it was set by hand.
    pub fn set_behaviour_mark(
        &mut self,
        current: &[&str],
        j: usize,
        who: &str,
        mark: Option<Mark>,
    ) {
        if let Some(b) = self.behaviour_slot(current, j) {
            b.set_mark(who, mark);
        }
        self.behaviours.retain(|b| !b.is_empty());
        self.follow(current, who);
    }

    /// Sets the note of behaviour `current[j]`.
    pub fn set_behaviour_note(&mut self, current: &[&str], j: usize, note: &str) {
        if let Some(b) = self.behaviour_slot(current, j) {
            b.note = note.to_string();
        }
        self.behaviours.retain(|b| !b.is_empty());
    }

    /// `who`'s item mark set to the roll-up when it follows it.
    fn follow(&mut self, current: &[&str], who: &str) {
        if !self.follows_roll_up(who) {
            return;
        }
        let rolled = self.rolled(current, who);
        set_mark_in(&mut self.mark, &mut self.marks, who, rolled);
        self.rolled_up.retain(|w| w != who);
        if rolled.is_some() {
            self.rolled_up.push(who.to_string());
        }
    }

    /// `u` on the item: a hand-set mark of `who` returns to the roll-up of
    /// the behaviours; without behaviour marks the item mark is cleared.
    /// True when it returned to a roll-up.
    pub fn clear_item_mark(&mut self, current: &[&str], who: &str) -> bool {
        self.set_mark(who, None);
        self.follow(current, who);
        self.mark_of(who).is_some()
    }
}

impl Assessment {
    /// Applies to `self` only what changed from `from` to `to` (marks per
    /// assessor, whether each follows the roll-up, the note, and per
    /// behaviour its marks and note): undo and redo of one change, leaving
    /// what another terminal merged in since alone.
    pub fn apply_diff(&mut self, from: &Assessment, to: &Assessment) {
        let mut whose: Vec<&str> = vec![AGREED];
        whose.extend(from.marks.iter().chain(&to.marks).map(|(w, _)| w.as_str()));
        whose.extend(
            from.rolled_up
                .iter()
                .chain(&to.rolled_up)
                .map(String::as_str),
        );
        let rolled = |a: &Assessment, w: &str| a.rolled_up.iter().any(|x| x == w);
        for w in whose {
            if from.mark_of(w) != to.mark_of(w) {
                set_mark_in(&mut self.mark, &mut self.marks, w, to.mark_of(w));
            }
            if rolled(from, w) != rolled(to, w) {
                self.rolled_up.retain(|x| x != w);
                if rolled(to, w) {
                    self.rolled_up.push(w.to_string());
                }
            }
        }
        if from.note != to.note {
            self.note.clone_from(&to.note);
        }
        let empty = BehaviourMarks::default();
        let mut hashes: Vec<&str> = Vec::new();
        for b in from.behaviours.iter().chain(&to.behaviours) {
            if !hashes.contains(&b.hash.as_str()) {
                hashes.push(&b.hash);
            }
        }
        for hash in hashes {
            let find = |a: &'_ Assessment| a.behaviours.iter().position(|b| b.hash == hash);
            let f = find(from).map_or(&empty, |i| &from.behaviours[i]);
            let t = find(to).map_or(&empty, |i| &to.behaviours[i]);
            let i = match find(self) {
                Some(i) => i,
                None => {
                    let mut b = t.clone();
                    b.mark = None;
                    b.marks.clear();
                    b.note.clear();
                    self.behaviours.push(b);
                    self.behaviours.len() - 1
                }
            };
            let now = &mut self.behaviours[i];
            let mut whose: Vec<&str> = vec![AGREED];
            whose.extend(f.marks.iter().chain(&t.marks).map(|(w, _)| w.as_str()));
            for w in whose {
                if f.mark_of(w) != t.mark_of(w) {
                    now.set_mark(w, t.mark_of(w));
                }
            }
            if f.note != t.note {
                now.note.clone_from(&t.note);
            }
            if f.text != t.text && !t.text.is_empty() {
                now.text.clone_from(&t.text);
            }
        }
        self.behaviours.retain(|b| !b.is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gap::PAIR_THRESHOLD;

    const B: [&str; 3] = [
        "Proactively gives feedback upwards",
        "Transparent about mistakes",
        "Mentors engineers on the team",
    ];

    #[test]
    fn roll_up_rule() {
        use Mark::{Met, NotYet, Partly};
        let r = |m: &[Option<Mark>]| roll_up(m.iter().copied());
        assert_eq!(r(&[]), None, "no behaviours");
        assert_eq!(r(&[None, None]), None, "none assessed");
        assert_eq!(r(&[Some(Met), Some(Met)]), Some(Met), "all met");
        assert_eq!(r(&[Some(Met), None]), Some(Partly), "not all assessed");
        assert_eq!(r(&[Some(NotYet), Some(NotYet)]), Some(NotYet));
        assert_eq!(r(&[Some(NotYet), None]), Some(Partly), "otherwise partly");
        assert_eq!(r(&[Some(Partly), Some(Partly)]), Some(Partly));
        assert_eq!(r(&[Some(Met), Some(NotYet)]), Some(Partly));
        assert_eq!(r(&[Some(Partly), Some(NotYet)]), Some(Partly));
    }

    #[test]
    fn behaviour_marks_roll_up_per_assessor_unless_set_by_hand() {
        let mut a = Assessment::default();
        a.set_behaviour_mark(&B, 0, "self", Some(Mark::Met));
        assert_eq!(a.mark_of("self"), Some(Mark::Partly), "one of three met");
        assert_eq!(a.mark_of("manager"), None, "per assessor");
        a.set_behaviour_mark(&B, 1, "self", Some(Mark::Met));
        a.set_behaviour_mark(&B, 2, "self", Some(Mark::Met));
        assert_eq!(a.mark_of("self"), Some(Mark::Met));
        a.set_behaviour_mark(&B, 0, AGREED, Some(Mark::NotYet));
        assert_eq!(a.mark, Some(Mark::Partly), "agreed rolls up too");
        // Set by hand: the behaviours no longer move it.
        a.set_mark("self", Some(Mark::NotYet));
        assert!(a.set_by_hand(&B, "self"));
        a.set_behaviour_mark(&B, 2, "self", Some(Mark::Partly));
        assert_eq!(a.mark_of("self"), Some(Mark::NotYet));
        // `u` returns it to the roll-up.
        assert!(a.clear_item_mark(&B, "self"));
        assert_eq!(a.mark_of("self"), Some(Mark::Partly));
        assert!(!a.set_by_hand(&B, "self"));
        a.set_behaviour_mark(&B, 2, "self", Some(Mark::Met));
        assert_eq!(a.mark_of("self"), Some(Mark::Met), "follows again");
        // Clearing every behaviour mark leaves the item not assessed.
        for j in 0..3 {
            a.set_behaviour_mark(&B, j, "self", None);
        }
        assert_eq!(a.mark_of("self"), None);
        // A hand-set mark over no behaviour marks: `u` clears it.
        let mut b = Assessment::default();
        b.set_mark("manager", Some(Mark::Partly));
        assert!(!b.clear_item_mark(&B, "manager"));
        assert_eq!(b.mark_of("manager"), None);
    }

    #[test]
    fn a_hand_set_item_mark_is_kept_when_behaviours_are_marked() {
        // An item marked before its behaviours were (a version-2 file of
        // issue 12): marking a behaviour does not overwrite it.
        let mut a = Assessment::default();
        a.set_mark("manager", Some(Mark::Met));
        a.set_behaviour_mark(&B, 0, "manager", Some(Mark::NotYet));
        assert_eq!(a.mark_of("manager"), Some(Mark::Met));
        assert!(a.set_by_hand(&B, "manager"));
    }

    #[test]
    fn reordering_keeps_marks_by_hash() {
        let mut a = Assessment::default();
        a.set_behaviour_mark(&B, 0, "self", Some(Mark::Met));
        a.set_behaviour_mark(&B, 2, "self", Some(Mark::NotYet));
        let reordered = [B[2], B[0], B[1]];
        let states = a.behaviour_states(&reordered);
        let marks: Vec<_> = states
            .iter()
            .map(|s| s.stored.and_then(|b| b.mark_of("self")))
            .collect();
        assert_eq!(marks, [Some(Mark::NotYet), Some(Mark::Met), None]);
        assert!(states.iter().all(|s| !s.changed));
        assert_eq!(a.behaviours[0].hash, behaviour_hash(B[0]));
        assert_eq!(a.behaviours[0].hash.len(), 12);
        assert_eq!(a.rolled(&reordered, "self"), Some(Mark::Partly));
    }

    #[test]
    fn a_reworded_behaviour_is_paired_by_similarity_and_flagged() {
        let mut a = Assessment::default();
        a.set_behaviour_mark(&B, 0, "self", Some(Mark::Met));
        a.set_behaviour_mark(&B, 1, "self", Some(Mark::Partly));
        let now = [
            "Transparent about mistakes",
            "Proactively gives feedback upwards and to peers",
            "Writes the team's incident reviews",
        ];
        let m = a.match_behaviours(&now);
        assert_eq!(m, [Some((1, false)), Some((0, true)), None]);
        assert!(crate::gap::similarity(B[0], now[1]) >= PAIR_THRESHOLD);
        // An unrelated new text is not paired with a dropped one.
        let unrelated = ["Owns the on-call rota"];
        let mut b = Assessment::default();
        b.set_behaviour_mark(&B[..1], 0, "self", Some(Mark::Met));
        assert_eq!(b.match_behaviours(&unrelated), [None]);
        // Marking the reworded one again assesses it against the new text.
        a.set_behaviour_mark(&now, 1, "self", Some(Mark::Met));
        assert_eq!(a.behaviours[0].text, now[1]);
        assert_eq!(a.behaviours[0].hash, behaviour_hash(now[1]));
        assert_eq!(a.match_behaviours(&now)[1], Some((0, false)));
    }

    #[test]
    fn undoing_a_behaviour_mark_restores_the_roll_up_and_keeps_other_changes() {
        let mut a = Assessment::default();
        a.set_behaviour_mark(&B, 0, "self", Some(Mark::Met));
        let before = a.clone();
        a.set_behaviour_mark(&B, 1, "self", Some(Mark::NotYet));
        let after = a.clone();
        // Another terminal's manager mark came in meanwhile.
        a.set_mark("manager", Some(Mark::Met));
        a.apply_diff(&after, &before);
        assert_eq!(a.behaviour_marks(&B, "self"), [Some(Mark::Met), None, None]);
        assert_eq!(a.mark_of("self"), Some(Mark::Partly));
        assert!(a.follows_roll_up("self"));
        assert_eq!(a.mark_of("manager"), Some(Mark::Met));
        // Redo.
        a.apply_diff(&before, &after);
        assert_eq!(
            a.behaviour_marks(&B, "self"),
            [Some(Mark::Met), Some(Mark::NotYet), None]
        );
        // Undoing a hand-set item mark makes it follow the roll-up again.
        let rolled = a.clone();
        a.set_mark("self", Some(Mark::Met));
        let hand = a.clone();
        a.apply_diff(&hand, &rolled);
        assert!(a.follows_roll_up("self"));
        assert_eq!(a.mark_of("self"), Some(Mark::Partly));
    }
}
