//! Promotion gaps: what changes for a role between two levels.
//!
//! For every skill in the role's profile whose expectation differs between
//! the "from" level and the target level, a gap item says how (new,
//! becomes required, changed, no longer expected), keeps the path through
//! the levels in between, and can show a word-level diff of the two texts.

use similar::{ChangeTag, TextDiff};

use crate::catalog::{Catalog, Cell, Necessity};

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

/// A piece of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    Same,
    Added,
    Removed,
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
}
