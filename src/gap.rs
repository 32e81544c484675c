//! Promotion gaps: what changes for a role between two levels.
//!
//! For every skill in the role's profile whose expectation differs between
//! the "from" level and the target level, a gap item says how (new,
//! becomes required, changed, no longer expected), keeps the path through
//! the levels in between, and can show a word-level diff of the two texts.
//!
//! On a *cumulative* skill (catalog format 1.1) a level adds to the ones
//! below: the target is the union of its level and all below, so the item
//! lists only the behaviours new at a level on the path, each with the
//! level that adds it, and is never "dropped". On another skill with
//! behaviours, the item also diffs them one by one: added, removed and
//! reworded, paired by similarity ([`pair_lines`]).

use similar::{ChangeTag, TextDiff};

use crate::catalog::{Catalog, Cell, Necessity, Skill};

/// How an expectation changes on the way to the target level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing expected at the from level; something at the target.
    New,
    /// Expected at the from level, not at the target.
    Dropped,
    /// Optional (or absent) before, required at the target.
    BecomesRequired,
    /// Different text or necessity, otherwise.
    Changed,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Dropped => "dropped",
            Change::BecomesRequired => "becomes-required",
            Change::Changed => "changed",
        }
    }
}

/// One skill whose expectation changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapItem {
    pub skill: usize,
    pub from: Option<Cell>,
    pub to: Option<Cell>,
    /// The levels strictly between from and target, with their cells.
    pub path: Vec<(usize, Option<Cell>)>,
    pub change: Change,
    /// The skill's levels add to the ones below ([`Catalog::is_cumulative`]).
    pub cumulative: bool,
    /// Per behaviour: on a cumulative skill, what each level on the path
    /// adds; otherwise, when either cell has behaviours, how they change
    /// (empty when neither has).
    pub behaviours: Vec<BehaviourChange>,
}

impl GapItem {
    /// True when the target expectation is required.
    pub fn required(&self) -> bool {
        self.to
            .as_ref()
            .is_some_and(|c| c.necessity == Necessity::Required)
    }
}

/// No gap starts at the highest level: there is nothing above it (a
/// one-level catalog has no gap at all). `rungs gap` and the explorer both
/// refuse with this message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{level} is the highest level: there is no level above it to compare with")]
pub struct TopLevel {
    /// The level's name.
    pub level: String,
}

/// The level a gap from `from` goes to by default, the next one up, or
/// [`TopLevel`] when `from` is the highest level.
pub fn level_above(catalog: &Catalog, from: usize) -> Result<usize, TopLevel> {
    if from + 1 < catalog.levels.len() {
        Ok(from + 1)
    } else {
        Err(TopLevel {
            level: catalog
                .levels
                .get(from)
                .map_or_else(String::new, |l| l.name.clone()),
        })
    }
}

/// The gap for a role from one level to a higher one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub role: usize,
    pub from: usize,
    pub to: usize,
    pub items: Vec<GapItem>,
}

impl Gap {
    /// Computes the gap. `to` is clamped above `from`; with one level only
    /// (or `from` at the top) the gap is empty.
    pub fn new(catalog: &Catalog, role: usize, from: usize, to: usize) -> Self {
        let levels = catalog.levels.len();
        let from = from.min(levels.saturating_sub(1));
        let to = to.clamp(from, levels.saturating_sub(1));
        let mut items = Vec::new();
        if to > from {
            for &s in catalog.profile(role) {
                let skill = &catalog.skills[s];
                if catalog.is_cumulative(skill) {
                    items.extend(cumulative_item(skill, s, role, from, to));
                    continue;
                }
                let a = skill.cell(role, from);
                let b = skill.cell(role, to);
                if a == b {
                    continue;
                }
                let change = match (a, b) {
                    (None, Some(_)) => Change::New,
                    (Some(_), None) => Change::Dropped,
                    (Some(x), Some(y))
                        if x.necessity != Necessity::Required
                            && y.necessity == Necessity::Required =>
                    {
                        Change::BecomesRequired
                    }
                    _ => Change::Changed,
                };
                items.push(GapItem {
                    skill: s,
                    from: a.cloned(),
                    to: b.cloned(),
                    path: (from + 1..to)
                        .map(|l| (l, skill.cell(role, l).cloned()))
                        .collect(),
                    change,
                    cumulative: false,
                    behaviours: behaviour_diff(a, b, to),
                });
            }
        }
        // Required first, then by domain (catalog order) and name.
        items.sort_by_cached_key(|i| {
            let skill = &catalog.skills[i.skill];
            (
                !i.required(),
                skill.domain,
                skill.name.to_lowercase(),
                skill.id.clone(),
            )
        });
        Gap {
            role,
            from,
            to,
            items,
        }
    }

    /// Items whose target expectation is required.
    pub fn required_count(&self) -> usize {
        self.items.iter().filter(|i| i.required()).count()
    }
}

/// The item of a cumulative skill: what the levels on the path add (each
/// behaviour, or the whole text of a cell without behaviours, with its
/// level); `None` when they add nothing. `from` and `to` are the latest
/// cells at or below those levels: what holds there.
fn cumulative_item(
    skill: &Skill,
    s: usize,
    role: usize,
    from: usize,
    to: usize,
) -> Option<GapItem> {
    let latest = |upto: usize| (0..=upto).rev().find_map(|l| skill.cell(role, l));
    let added: Vec<BehaviourChange> = (from + 1..=to)
        .filter_map(|l| skill.cell(role, l).map(|c| (l, c)))
        .flat_map(|(l, c)| {
            behaviour_lines(c)
                .into_iter()
                .map(move |text| BehaviourChange::Added {
                    text: text.to_string(),
                    level: l,
                })
        })
        .collect();
    if added.is_empty() {
        return None;
    }
    let (a, b) = (latest(from), latest(to));
    let change = match (a, b) {
        (None, _) => Change::New,
        (Some(x), Some(y))
            if x.necessity != Necessity::Required && y.necessity == Necessity::Required =>
        {
            Change::BecomesRequired
        }
        _ => Change::Changed,
    };
    Some(GapItem {
        skill: s,
        from: a.cloned(),
        to: b.cloned(),
        path: (from + 1..to)
            .map(|l| (l, skill.cell(role, l).cloned()))
            .collect(),
        change,
        cumulative: true,
        behaviours: added,
    })
}

/// What happened to one behaviour on the way to the target level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BehaviourChange {
    /// New at `level`: on a cumulative skill, the level on the path that
    /// adds it; otherwise the target level.
    Added { text: String, level: usize },
    /// Expected at the from level, not at the target (never on a
    /// cumulative skill).
    Removed { text: String },
    /// The same behaviour, rewritten: paired by similarity ([`pair_lines`]).
    Reworded { from: String, to: String },
    /// Expected at both levels as written.
    Kept { text: String },
}

impl BehaviourChange {
    /// `"added"`, `"removed"`, `"reworded"` or `"kept"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            BehaviourChange::Added { .. } => "added",
            BehaviourChange::Removed { .. } => "removed",
            BehaviourChange::Reworded { .. } => "reworded",
            BehaviourChange::Kept { .. } => "kept",
        }
    }
}

/// Two lines are the same line rewritten when the share of their words
/// they have in common, in order ([`similarity`]), is at least this.
pub const PAIR_THRESHOLD: f32 = 0.5;

/// How alike two lines are, from 0 to 1: twice the words they have in
/// common (in order, case ignored), over the words of both.
pub fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<String> = a.split_whitespace().map(str::to_lowercase).collect();
    let b: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let b: Vec<&str> = b.iter().map(String::as_str).collect();
    TextDiff::from_slices(&a, &b).ratio()
}

/// How a line of the old list relates to the new list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paired {
    /// `old[i]` is `new[j]`, as written.
    Same(usize, usize),
    /// `old[i]` was rewritten as `new[j]`.
    Reworded(usize, usize),
    /// `old[i]` has no counterpart.
    Removed(usize),
    /// `new[j]` has no counterpart.
    Added(usize),
}

/// Pairs the lines of `old` with those of `new`: equal lines first, then,
/// greedily by highest similarity, lines whose word similarity is at least
/// [`PAIR_THRESHOLD`]; the rest are removed or added. The result follows
/// `new`'s order, with each removed line after the new line paired with
/// the old line before it (first when there is none), so a reordered list
/// keeps its pairs and a rewritten line is never shown as two unrelated
/// ones. Reusable for any list of lines (behaviours, the lines of a text).
pub fn pair_lines(old: &[&str], new: &[&str]) -> Vec<Paired> {
    let mut old_to: Vec<Option<(usize, bool)>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];
    for (i, o) in old.iter().enumerate() {
        if let Some(j) = (0..new.len()).find(|&j| !new_taken[j] && new[j] == *o) {
            old_to[i] = Some((j, true));
            new_taken[j] = true;
        }
    }
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (i, o) in old.iter().enumerate() {
        if old_to[i].is_some() {
            continue;
        }
        for (j, n) in new.iter().enumerate() {
            if new_taken[j] {
                continue;
            }
            let ratio = similarity(o, n);
            if ratio >= PAIR_THRESHOLD {
                candidates.push((ratio, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in candidates {
        if old_to[i].is_none() && !new_taken[j] {
            old_to[i] = Some((j, false));
            new_taken[j] = true;
        }
    }
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    let removed_after = |j: Option<usize>, out: &mut Vec<Paired>| {
        // Removed lines whose nearest paired predecessor is new line `j`.
        for i in 0..old.len() {
            if old_to[i].is_some() {
                continue;
            }
            let before = (0..i).rev().find_map(|k| old_to[k].map(|(j, _)| j));
            if before == j {
                out.push(Paired::Removed(i));
            }
        }
    };
    removed_after(None, &mut out);
    for j in 0..new.len() {
        match old_to.iter().position(|p| p.map(|(nj, _)| nj) == Some(j)) {
            Some(i) if old_to[i].is_some_and(|(_, same)| same) => out.push(Paired::Same(i, j)),
            Some(i) => out.push(Paired::Reworded(i, j)),
            None => out.push(Paired::Added(j)),
        }
        removed_after(Some(j), &mut out);
    }
    out
}

/// The behaviours of a cell as lines: its behaviours, or its whole text as
/// one when it has none.
fn behaviour_lines(cell: &Cell) -> Vec<&str> {
    if cell.behaviours().is_empty() {
        vec![&*cell.text]
    } else {
        cell.behaviours().iter().map(|b| b.text.as_str()).collect()
    }
}

/// Per-behaviour changes between two cells of a non-cumulative skill, when
/// either has behaviours (else `[]`: the word diff of the texts says it).
fn behaviour_diff(from: Option<&Cell>, to: Option<&Cell>, to_level: usize) -> Vec<BehaviourChange> {
    let has = |c: Option<&Cell>| c.is_some_and(|c| !c.behaviours().is_empty());
    if !has(from) && !has(to) {
        return Vec::new();
    }
    let old = from.map(behaviour_lines).unwrap_or_default();
    let new = to.map(behaviour_lines).unwrap_or_default();
    pair_lines(&old, &new)
        .into_iter()
        .map(|p| match p {
            Paired::Same(_, j) => BehaviourChange::Kept {
                text: new[j].to_string(),
            },
            Paired::Reworded(i, j) => BehaviourChange::Reworded {
                from: old[i].to_string(),
                to: new[j].to_string(),
            },
            Paired::Removed(i) => BehaviourChange::Removed {
                text: old[i].to_string(),
            },
            Paired::Added(j) => BehaviourChange::Added {
                text: new[j].to_string(),
                level: to_level,
            },
        })
        .collect()
}

/// A piece of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    Same,
    Added,
    Removed,
}

/// One row of a line-by-line comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinePair<'a> {
    /// The line is the same on both sides.
    Same(&'a str),
    /// A line reworded: diff it by words.
    Changed(&'a str, &'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// Compares two texts line by line (bullet lists, paragraphs) with
/// [`pair_lines`]: equal lines, lines reworded (similarity at least
/// [`PAIR_THRESHOLD`]), and the rest removed or added, so two different
/// sentences are never interleaved word by word. Blank lines are ignored.
pub fn pair_text_lines<'a>(old: &'a str, new: &'a str) -> Vec<LinePair<'a>> {
    let lines = |s: &'a str| -> Vec<&'a str> {
        s.lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect()
    };
    let (old, new) = (lines(old), lines(new));
    pair_lines(&old, &new)
        .into_iter()
        .map(|p| match p {
            Paired::Same(_, j) => LinePair::Same(new[j]),
            Paired::Reworded(i, j) => LinePair::Changed(old[i], new[j]),
            Paired::Removed(i) => LinePair::Removed(old[i]),
            Paired::Added(j) => LinePair::Added(new[j]),
        })
        .collect()
}

/// Word-level diff from `old` to `new`: runs of text, each kept, added or
/// removed. Changes separated only by spaces are grouped, removed words
/// before added ones, so a rewritten sentence reads as "old → new" rather
/// than as interleaved fragments.
pub fn word_diff(old: &str, new: &str) -> Vec<(DiffKind, String)> {
    let diff = TextDiff::from_words(old, new);
    let mut out: Vec<(DiffKind, String)> = Vec::new();
    let mut removed = String::new();
    let mut added = String::new();
    let flush = |out: &mut Vec<(DiffKind, String)>, removed: &mut String, added: &mut String| {
        let r = std::mem::take(removed);
        let a = std::mem::take(added);
        if !r.trim().is_empty() {
            out.push((DiffKind::Removed, r.trim_end().to_string()));
        }
        if !a.trim().is_empty() {
            if !r.trim().is_empty() {
                out.push((DiffKind::Same, " ".to_string()));
            }
            out.push((DiffKind::Added, a.trim_end().to_string()));
        }
    };
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Delete => removed.push_str(value),
            ChangeTag::Insert => added.push_str(value),
            // Spaces between changed words belong to both sides.
            ChangeTag::Equal
                if value.trim().is_empty() && !(removed.is_empty() && added.is_empty()) =>
            {
                for side in [&mut removed, &mut added] {
                    if !side.is_empty() {
                        side.push_str(value);
                    }
                }
            }
            ChangeTag::Equal => {
                let had_change = !(removed.is_empty() && added.is_empty());
                flush(&mut out, &mut removed, &mut added);
                if had_change {
                    out.push((DiffKind::Same, " ".to_string()));
                }
                match out.last_mut() {
                    Some((DiffKind::Same, s)) => s.push_str(value),
                    _ => out.push((DiffKind::Same, value.to_string())),
                }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    // Join neighbouring runs of the same kind.
    let mut joined: Vec<(DiffKind, String)> = Vec::new();
    for (k, s) in out {
        match joined.last_mut() {
            Some((lk, ls)) if *lk == k => ls.push_str(&s),
            _ => joined.push((k, s)),
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    #[test]
    fn default_catalog_senior_to_lead() {
        let c = load_embedded().unwrap().catalog;
        let ds = c.role_index("data-scientist").unwrap();
        let senior = c.level_index("senior").unwrap();
        let gap = Gap::new(&c, ds, senior, senior + 1);
        // Every skill of the profile changes text between levels.
        assert_eq!(gap.items.len(), c.profile(ds).len());
        let firsts: Vec<bool> = gap.items.iter().map(GapItem::required).collect();
        let boundary = firsts.iter().position(|r| !r).unwrap_or(firsts.len());
        assert!(firsts[boundary..].iter().all(|r| !r), "required first");
        assert_eq!(gap.required_count(), boundary);
        assert!(gap.items.iter().all(|i| i.path.is_empty()));
    }

    #[test]
    fn multi_level_target_keeps_the_path_and_marks_new() {
        let c = load_embedded().unwrap().catalog;
        let ds = c.role_index("data-scientist").unwrap();
        let gap = Gap::new(&c, ds, 0, 3);
        assert!(gap.items.iter().all(|i| i.path.len() == 2));
        let hiring = c.skill_index("hiring-interviewing").unwrap();
        let item = gap.items.iter().find(|i| i.skill == hiring).unwrap();
        assert_eq!(item.change, Change::New, "hiring starts at senior");
    }

    #[test]
    fn a_cumulative_skill_lists_what_each_level_adds_and_never_drops() {
        let c = load_embedded().unwrap().catalog;
        let llm = c.role_index("llm-engineer").unwrap();
        let s = c.skill_index("llm-agents-tool-use").unwrap();
        let gap = Gap::new(&c, llm, 0, 3);
        let item = gap.items.iter().find(|i| i.skill == s).unwrap();
        assert!(item.cumulative);
        assert_eq!(item.change, Change::BecomesRequired);
        let levels: Vec<usize> = item
            .behaviours
            .iter()
            .map(|b| match b {
                BehaviourChange::Added { level, .. } => *level,
                other => panic!("only additions on a cumulative skill: {other:?}"),
            })
            .collect();
        // Middle adds 3, Senior 3, Lead 2; nothing from Junior again.
        assert_eq!(levels, [1, 1, 1, 2, 2, 2, 3, 3]);
        // Every cumulative item, at every step, only adds.
        for from in 0..c.levels.len() {
            for to in from + 1..c.levels.len() {
                for i in &Gap::new(&c, llm, from, to).items {
                    assert_ne!(i.change, Change::Dropped);
                    if i.cumulative {
                        assert!(i.behaviours.iter().all(|b| b.as_str() == "added"));
                    }
                }
            }
        }
        // The Data Scientist gaps are as before: Senior → Lead 26, 10 required.
        let ds = c.role_index("data-scientist").unwrap();
        let g = Gap::new(&c, ds, 2, 3);
        assert_eq!((g.items.len(), g.required_count()), (26, 10));
    }

    #[test]
    fn behaviours_pair_by_similarity() {
        let old = [
            "Writes unit tests",
            "Reviews code of peers",
            "Fixes flaky tests",
        ];
        let new = [
            "Reviews code of peers and juniors",
            "Writes unit tests",
            "Designs the test strategy",
        ];
        let p = pair_lines(&old, &new);
        assert_eq!(
            p,
            [
                Paired::Reworded(1, 0),
                Paired::Removed(2),
                Paired::Same(0, 1),
                Paired::Added(2),
            ]
        );
    }

    #[test]
    fn to_is_clamped_and_top_level_is_empty() {
        let c = load_embedded().unwrap().catalog;
        let top = c.levels.len() - 1;
        assert!(Gap::new(&c, 0, top, top + 3).items.is_empty());
        let g = Gap::new(&c, 0, 1, 0);
        assert_eq!((g.from, g.to), (1, 1));
    }

    #[test]
    fn word_diff_marks_added_and_removed_words() {
        let d = word_diff(
            "Uses PyTorch for training",
            "Designs PyTorch systems for training",
        );
        let added: String = d
            .iter()
            .filter(|(k, _)| *k == DiffKind::Added)
            .map(|(_, s)| s.as_str())
            .collect();
        let removed: String = d
            .iter()
            .filter(|(k, _)| *k == DiffKind::Removed)
            .map(|(_, s)| s.as_str())
            .collect();
        assert!(
            added.contains("Designs") && added.contains("systems"),
            "{d:?}"
        );
        assert!(removed.contains("Uses"), "{d:?}");
        let same: String = d
            .iter()
            .filter(|(k, _)| *k == DiffKind::Same)
            .map(|(_, s)| s.as_str())
            .collect();
        assert!(same.contains("PyTorch"));
    }

    #[test]
    fn rewritten_sentences_group_old_before_new() {
        let d = word_diff("Uses a b c here", "Sets x y z here");
        assert_eq!(
            d,
            [
                (DiffKind::Removed, "Uses a b c".to_string()),
                (DiffKind::Same, " ".to_string()),
                (DiffKind::Added, "Sets x y z".to_string()),
                (DiffKind::Same, " here".to_string()),
            ]
        );
        let d = word_diff(
            "Uses PyTorch for training",
            "Designs PyTorch systems for training",
        );
        let new: String = d
            .iter()
            .filter(|(k, _)| *k != DiffKind::Removed)
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(
            new.split_whitespace().collect::<Vec<_>>(),
            ["Designs", "PyTorch", "systems", "for", "training"]
        );
    }

    #[test]
    fn bullets_pair_by_similarity_and_never_interleave() {
        let old = "- Mentors junior and middle data scientists\n- Writes clear documentation for models\n- Presents results to the team";
        let new = "- Sets up mentoring across the data science teams\n- Writes clear documentation for models and pipelines\n- Presents results to the team\n- Owns the quarterly roadmap";
        let pairs = pair_text_lines(old, new);
        assert_eq!(
            pairs,
            vec![
                LinePair::Removed("- Mentors junior and middle data scientists"),
                LinePair::Added("- Sets up mentoring across the data science teams"),
                LinePair::Changed(
                    "- Writes clear documentation for models",
                    "- Writes clear documentation for models and pipelines"
                ),
                LinePair::Same("- Presents results to the team"),
                LinePair::Added("- Owns the quarterly roadmap"),
            ]
        );
        assert!(similarity("a b c d", "a b c e") >= PAIR_THRESHOLD);
        assert!(similarity("a b c d", "e f g h") < PAIR_THRESHOLD);
    }

    #[test]
    fn pairing_keeps_order_and_handles_empty_sides() {
        assert_eq!(pair_text_lines("", "one"), vec![LinePair::Added("one")]);
        assert_eq!(
            pair_text_lines("one\n\n", ""),
            vec![LinePair::Removed("one")]
        );
        // A swapped pair of lines: one pairs, in order, the other is moved.
        let pairs = pair_text_lines(
            "alpha beta gamma\none two three",
            "one two three four\nalpha beta gamma",
        );
        assert!(
            pairs.contains(&LinePair::Same("alpha beta gamma")),
            "{pairs:?}"
        );
    }
}
