//! The promotion report's model: what `rungs gap --format json` writes
//! (documented in `docs/json.md`), built once from a gap and a review and
//! rendered by the Markdown and text modules.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::{Ref, SCHEMA};
use crate::catalog::{Behaviour, Catalog, Cell, Date, Named};
use crate::gap::{BehaviourChange, Change, Gap};
use crate::review::{AGREED, DEFAULT_ASSESSOR, Mark, Review, ladder_hash, short_hash};

/// Totals over the gap's items.
pub use crate::review::Counts;

/// An expectation at the from or target level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expect<'a> {
    /// `"required"` or `"optional"`.
    pub necessity: &'static str,
    pub text: &'a str,
    /// Each behaviour with its examples (`[]` when the cell has none).
    pub behaviours: &'a [Behaviour],
    /// The cell's own examples of evidence.
    pub examples: &'a [String],
    pub proficiency: Option<&'a str>,
}

impl<'a> From<&'a Cell> for Expect<'a> {
    fn from(c: &'a Cell) -> Self {
        Expect {
            necessity: c.necessity.as_str(),
            text: &c.text,
            behaviours: c.behaviours(),
            examples: c.examples(),
            proficiency: c.proficiency(),
        }
    }
}

/// An expectation at a level strictly between from and target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step<'a> {
    pub level: Ref<'a>,
    /// `None` (JSON `null`) when nothing is expected at this level.
    pub necessity: Option<&'static str>,
    pub text: Option<&'a str>,
    pub behaviours: &'a [Behaviour],
    pub examples: &'a [String],
    pub proficiency: Option<&'a str>,
}

/// One behaviour's change on the way to the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BehaviourRow<'a> {
    /// `"added"`, `"removed"`, `"reworded"` or `"kept"`.
    pub change: &'static str,
    /// The behaviour as it reads at the target (as it read, when removed).
    pub text: &'a str,
    /// For `"reworded"`, the text before; else `None`.
    pub was: Option<&'a str>,
    /// For `"added"`, the level that adds it; else `None`.
    pub level: Option<Ref<'a>>,
}

impl<'a> BehaviourRow<'a> {
    fn new(catalog: &'a Catalog, c: &'a BehaviourChange) -> Self {
        let (text, was, level) = match c {
            BehaviourChange::Added { text, level } => {
                (text.as_str(), None, Some(ref_at(&catalog.levels, *level)))
            }
            BehaviourChange::Removed { text } | BehaviourChange::Kept { text } => {
                (text.as_str(), None, None)
            }
            BehaviourChange::Reworded { from, to } => (to.as_str(), Some(from.as_str()), None),
        };
        BehaviourRow {
            change: c.as_str(),
            text,
            was,
            level,
        }
    }
}

/// One skill whose expectation changes, with its assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item<'a> {
    pub skill: Ref<'a>,
    pub domain: Ref<'a>,
    /// `"new"`, `"dropped"`, `"becomes-required"` or `"changed"`.
    pub change: &'static str,
    /// True when the target expectation is required.
    pub required: bool,
    pub from: Option<Expect<'a>>,
    pub to: Option<Expect<'a>>,
    /// The levels strictly between from and target, lowest first.
    pub path: Vec<Step<'a>>,
    /// The skill's levels add to the ones below: the item lists only what
    /// the levels on the path add, in `behaviour_changes`.
    pub cumulative: bool,
    /// Per behaviour: what each level on the path adds (cumulative), or
    /// how the behaviours change (`[]` when neither cell has any).
    pub behaviour_changes: Vec<BehaviourRow<'a>>,
    /// The counted assessor's mark (see [`Report::counted`]): `"met"`,
    /// `"partly"`, `"not-yet"`, or `None` when not marked.
    pub mark: Option<&'static str>,
    /// Every assessor's mark, `agreed` included.
    pub marks: BTreeMap<&'a str, &'static str>,
    /// The review's note, or `None` when there is none (or it is empty).
    pub note: Option<&'a str>,
    /// True when the review stored a (non-empty) target text that differs
    /// from the catalog's current one.
    pub stale: bool,
    /// The change, for the human formats.
    #[serde(skip)]
    pub kind: Change,
    /// For a stale item, the target text as it read when assessed.
    #[serde(skip)]
    pub assessed_text: Option<&'a str>,
    /// The counted mark, for the human formats.
    #[serde(skip)]
    pub counted_mark: Option<Mark>,
    /// Every assessor's mark in the file's order, `agreed` last.
    #[serde(skip)]
    pub all_marks: Vec<(&'a str, Mark)>,
    /// With a review, each of the item's assessed behaviours with its
    /// marks and note, in the catalog's order (left out when the item has
    /// no behaviours or there is no review).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub behaviour_marks: Vec<BehaviourMarkOut<'a>>,
}

impl<'a> Item<'a> {
    /// The behaviours someone marked or wrote a note on: what every gap
    /// export lists under the item (one rule, so the formats agree).
    pub fn assessed_behaviours(&self) -> impl Iterator<Item = &BehaviourMarkOut<'a>> {
        self.behaviour_marks
            .iter()
            .filter(|b| !b.all_marks.is_empty() || b.note.is_some())
    }
}

/// One behaviour's assessment in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BehaviourMarkOut<'a> {
    /// The behaviour as the catalog has it now.
    pub text: &'a str,
    /// Its short hash (12 hex digits of SHA-256), as the review stores it.
    pub hash: String,
    /// The counted assessor's mark, or `None`.
    pub mark: Option<&'static str>,
    /// Every assessor's mark, `agreed` included.
    pub marks: BTreeMap<&'a str, &'static str>,
    pub note: Option<&'a str>,
    /// True when the behaviour was reworded since it was assessed.
    pub changed: bool,
    /// Every assessor's mark in the file's order, `agreed` last.
    #[serde(skip)]
    pub all_marks: Vec<(&'a str, Mark)>,
}

/// `[meta]` of the review: who is assessed, by whom, what was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaOut<'a> {
    pub candidate: &'a str,
    pub assessors: &'a [String],
    /// `YYYY-MM-DD` each.
    pub meetings: Vec<String>,
    pub outcome: &'a str,
    pub summary: &'a str,
}

/// An assessment in the review for a skill that is not part of the gap (the
/// catalog changed, or the skill is gone). Shown in Markdown and text so
/// that no note silently disappears; not part of the JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Other<'a> {
    pub skill_id: &'a str,
    /// The skill's name, when the catalog still has it.
    pub skill_name: Option<&'a str>,
    pub mark: Option<Mark>,
    pub note: &'a str,
}

/// A promotion report: what `rungs gap` prints, and the JSON it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report<'a> {
    pub schema: u32,
    pub role: Ref<'a>,
    pub from: Ref<'a>,
    pub to: Ref<'a>,
    /// The catalog's title (or the neutral default).
    pub catalog: &'a str,
    /// `YYYY-MM-DD`: the review's date, or today without a review.
    pub date: String,
    /// Whose marks `counts` and each item's `mark` are: `agreed` once any
    /// item is agreed, the current assessor before that.
    pub counted: &'a str,
    /// The assessors with marks or named in `[meta]`, in order of first
    /// appearance (`agreed` not included).
    pub assessors: Vec<String>,
    /// The review's `[meta]`, `None` without a review.
    pub meta: Option<MetaOut<'a>>,
    /// `YYYY-MM-DD` when the review was closed.
    pub closed: Option<String>,
    /// Short hash (12 hex digits) of the ladder version: the target texts
    /// of the gap's items (see docs/reviews.md).
    pub ladder: String,
    pub counts: Counts,
    pub items: Vec<Item<'a>>,
    /// True when a review was given.
    #[serde(skip)]
    pub reviewed: bool,
    #[serde(skip)]
    pub others: Vec<Other<'a>>,
}

/// The assessed behaviours of `gi` with their marks in `assessment`.
fn behaviour_marks<'a>(
    gi: &'a crate::gap::GapItem,
    assessment: Option<&'a crate::review::Assessment>,
    counted: &str,
) -> Vec<BehaviourMarkOut<'a>> {
    let current = crate::review::assessed_behaviours(gi);
    let states = assessment.map(|a| a.behaviour_states(&current));
    current
        .iter()
        .enumerate()
        .map(|(j, text)| {
            let state = states.as_ref().and_then(|s| s.get(j));
            let stored = state.and_then(|s| s.stored);
            let all_marks: Vec<(&str, Mark)> =
                stored.map_or_else(Vec::new, |b| b.all_marks().collect());
            BehaviourMarkOut {
                text,
                hash: crate::review::behaviour_hash(text),
                mark: stored.and_then(|b| b.mark_of(counted)).map(Mark::as_str),
                marks: all_marks.iter().map(|(w, m)| (*w, m.as_str())).collect(),
                note: stored
                    .map(|b| b.note.as_str())
                    .filter(|n| !n.trim().is_empty()),
                changed: state.is_some_and(|s| s.changed),
                all_marks,
            }
        })
        .collect()
}

const NO_NAME: Ref<'static> = Ref::new("", "");

fn ref_at(items: &[Named], i: usize) -> Ref<'_> {
    items.get(i).map_or(NO_NAME, Ref::from)
}

/// Builds the report of `gap`, with `review`'s marks and notes when given.
/// The date is the review's, or `today`.
pub fn build<'a>(
    catalog: &'a Catalog,
    gap: &'a Gap,
    review: Option<&'a Review>,
    today: Date,
) -> Report<'a> {
    build_as(catalog, gap, review, today, DEFAULT_ASSESSOR)
}

/// [`build`] for the assessor `current`, whose marks count until any item
/// is agreed.
pub fn build_as<'a>(
    catalog: &'a Catalog,
    gap: &'a Gap,
    review: Option<&'a Review>,
    today: Date,
    current: &'a str,
) -> Report<'a> {
    let counted = review.map_or(AGREED, |r| r.counted(current));
    let tally = Review::tally_by(review, catalog, gap, counted);
    let counts = tally.counts;
    let mut items = Vec::with_capacity(gap.items.len());
    for (gi, t) in gap.items.iter().zip(tally.items) {
        let Some(skill) = catalog.skills.get(gi.skill) else {
            continue;
        };
        let (assessment, stale) = (t.assessment, t.stale);
        let mark = assessment.and_then(|a| a.mark_of(counted));
        let all_marks: Vec<(&str, Mark)> =
            assessment.map_or_else(Vec::new, |a| a.all_marks().collect());
        let stored = assessment.map_or("", |a| a.expectation.as_str());
        items.push(Item {
            skill: Ref::skill(skill),
            domain: Ref::from(catalog.domain_of(skill)),
            change: gi.change.as_str(),
            required: gi.required(),
            from: gi.from.as_ref().map(Expect::from),
            to: gi.to.as_ref().map(Expect::from),
            path: gi
                .path
                .iter()
                .map(|(level, cell)| Step {
                    level: ref_at(&catalog.levels, *level),
                    necessity: cell.as_ref().map(|c| c.necessity.as_str()),
                    text: cell.as_ref().map(|c| &*c.text),
                    behaviours: cell.as_ref().map_or(&[], |c| c.behaviours()),
                    examples: cell.as_ref().map_or(&[], |c| c.examples()),
                    proficiency: cell.as_ref().and_then(|c| c.proficiency()),
                })
                .collect(),
            cumulative: gi.cumulative,
            behaviour_changes: gi
                .behaviours
                .iter()
                .map(|c| BehaviourRow::new(catalog, c))
                .collect(),
            mark: mark.map(Mark::as_str),
            marks: all_marks.iter().map(|(w, m)| (*w, m.as_str())).collect(),
            counted_mark: mark,
            all_marks,
            note: assessment
                .map(|a| a.note.as_str())
                .filter(|n| !n.trim().is_empty()),
            stale,
            kind: gi.change,
            assessed_text: stale.then_some(stored),
            behaviour_marks: review
                .map(|_| behaviour_marks(gi, assessment, counted))
                .unwrap_or_default(),
        });
    }
    let in_gap: HashSet<&str> = items.iter().map(|i| i.skill.id).collect();
    let others = review.map_or_else(Vec::new, |r| {
        r.items
            .iter()
            .filter(|(id, a)| !a.is_empty() && !in_gap.contains(id.as_str()))
            .map(|(id, a)| Other {
                skill_id: id,
                skill_name: catalog
                    .skill_index(id)
                    .and_then(|s| catalog.skills.get(s))
                    .map(|s| s.name.as_str()),
                mark: a.mark,
                note: &a.note,
            })
            .collect()
    });
    let ladder = ladder_hash(gap.items.iter().filter_map(|gi| {
        let skill = catalog.skills.get(gi.skill)?;
        Some((skill.id.as_str(), gi.to.as_ref().map_or("", |c| &*c.text)))
    }));
    Report {
        schema: SCHEMA,
        counted,
        assessors: review.map_or_else(Vec::new, Review::assessors),
        meta: review.map(|r| MetaOut {
            candidate: &r.meta.candidate,
            assessors: &r.meta.assessors,
            meetings: r.meta.meetings.iter().map(ToString::to_string).collect(),
            outcome: &r.meta.outcome,
            summary: &r.meta.summary,
        }),
        closed: review.and_then(|r| r.closed).map(|d| d.to_string()),
        ladder: short_hash(&ladder).to_string(),
        role: ref_at(&catalog.roles, gap.role),
        from: ref_at(&catalog.levels, gap.from),
        to: ref_at(&catalog.levels, gap.to),
        catalog: catalog.display_title(),
        date: review.map_or(today, |r| r.date).to_string(),
        counts,
        items,
        reviewed: review.is_some(),
        others,
    }
}

/// One domain's bar in the summary picture: how many of its items carry
/// each counted mark, for all items and for the required ones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DomainBar<'a> {
    pub domain: &'a str,
    /// met, partly, not yet, not assessed.
    pub all: [usize; 4],
    pub required: [usize; 4],
}

/// The index of a counted mark in a [`DomainBar`]'s counts.
pub fn bar_slot(mark: Option<Mark>) -> usize {
    match mark {
        Some(Mark::Met) => 0,
        Some(Mark::Partly) => 1,
        Some(Mark::NotYet) => 2,
        None => 3,
    }
}

/// One bar per domain, in the order domains first appear in the report.
pub fn domain_bars<'a>(r: &Report<'a>) -> Vec<DomainBar<'a>> {
    let mut bars: Vec<DomainBar<'a>> = Vec::new();
    for item in &r.items {
        let i = match bars.iter().position(|b| b.domain == item.domain.name) {
            Some(i) => i,
            None => {
                bars.push(DomainBar {
                    domain: item.domain.name,
                    ..DomainBar::default()
                });
                bars.len() - 1
            }
        };
        let slot = bar_slot(item.counted_mark);
        bars[i].all[slot] += 1;
        if item.required {
            bars[i].required[slot] += 1;
        }
    }
    bars
}
