//! Tallying a review against a gap: how many of the gap's items carry each
//! mark, and which assessments were made against a target text that the
//! catalog has changed since. The gap view and the reports both read it.

use serde::Serialize;

use super::{AGREED, Assessment, Mark, Review};
use crate::catalog::Catalog;
use crate::gap::{Gap, GapItem};

/// Totals over a gap's items (the `counts` of the JSON report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Skills whose expectation changes.
    pub changes: usize,
    /// Of those, how many are required at the target level.
    pub required: usize,
    /// Items that carry a mark in the review (0 without a review).
    pub assessed: usize,
    pub met: usize,
    pub partly: usize,
    pub not_yet: usize,
}

/// One gap item as the review sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tallied<'a> {
    /// The review's assessment of the item's skill, if any.
    pub assessment: Option<&'a Assessment>,
    /// True when that assessment was made against a target text the catalog
    /// has changed since (see [`Assessment::is_stale`]).
    pub stale: bool,
}

/// A review tallied against a gap: the totals, and each item in the gap's
/// order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally<'a> {
    pub counts: Counts,
    /// One entry per gap item, in the same order as `gap.items`.
    pub items: Vec<Tallied<'a>>,
}

impl Assessment {
    /// True when this was assessed against a (non-empty) target text that
    /// differs from `item`'s current one: the catalog changed since.
    pub fn is_stale(&self, item: &GapItem) -> bool {
        let now = item.to.as_ref().map_or("", |c| &*c.text);
        !self.expectation.is_empty() && self.expectation != now
    }
}

impl Review {
    /// Tallies `review` over `gap`'s items, looking assessments up by the id
    /// `catalog` gives each item's skill. Without a review only the changes
    /// and the required ones are counted.
    pub fn tally<'a>(review: Option<&'a Review>, catalog: &Catalog, gap: &Gap) -> Tally<'a> {
        Review::tally_by(review, catalog, gap, AGREED)
    }

    /// [`Review::tally`] of `who`'s marks (`agreed`, `self`, `manager`, …).
    pub fn tally_by<'a>(
        review: Option<&'a Review>,
        catalog: &Catalog,
        gap: &Gap,
        who: &str,
    ) -> Tally<'a> {
        let mut counts = Counts {
            changes: gap.items.len(),
            required: gap.required_count(),
            ..Counts::default()
        };
        let items = gap
            .items
            .iter()
            .map(|item| {
                let assessment = review
                    .zip(catalog.skills.get(item.skill))
                    .and_then(|(r, skill)| r.items.get(&skill.id));
                let mark = assessment.and_then(|a| a.mark_of(who));
                match mark {
                    Some(Mark::Met) => counts.met += 1,
                    Some(Mark::Partly) => counts.partly += 1,
                    Some(Mark::NotYet) => counts.not_yet += 1,
                    None => {}
                }
                counts.assessed += usize::from(mark.is_some());
                Tallied {
                    assessment,
                    stale: assessment.is_some_and(|a| a.is_stale(item)),
                }
            })
            .collect();
        Tally { counts, items }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Date, load_embedded};

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 29,
    };

    /// The embedded catalog's gap for its first role from the first level
    /// to the last, which has items of every kind.
    fn catalog_and_gap() -> (Catalog, Gap) {
        let catalog = load_embedded().unwrap().catalog;
        let last = catalog.levels.len() - 1;
        let gap = Gap::new(&catalog, 0, 0, last);
        assert!(gap.items.len() >= 4, "enough items to mark");
        (catalog, gap)
    }

    fn assessed(mark: Option<Mark>, expectation: &str) -> Assessment {
        Assessment {
            mark,
            note: String::new(),
            expectation: expectation.into(),
            ..Assessment::default()
        }
    }

    #[test]
    fn without_a_review_only_changes_and_required_are_counted() {
        let (catalog, gap) = catalog_and_gap();
        let tally = Review::tally(None, &catalog, &gap);
        assert_eq!(
            tally.counts,
            Counts {
                changes: gap.items.len(),
                required: gap.required_count(),
                ..Counts::default()
            }
        );
        assert_eq!(tally.items.len(), gap.items.len());
        assert!(
            tally
                .items
                .iter()
                .all(|t| t.assessment.is_none() && !t.stale)
        );
    }

    #[test]
    fn marks_are_counted_and_stale_texts_noticed_per_item() {
        let (catalog, gap) = catalog_and_gap();
        let id = |i: usize| catalog.skills[gap.items[i].skill].id.clone();
        let now = |i: usize| {
            gap.items[i]
                .to
                .as_ref()
                .map_or(String::new(), |c| c.text.to_string())
        };
        let mut review = Review::new("r", "a", "b", "t", TODAY);
        // Met against the current text; partly against an older text; a
        // note without a mark, assessed before texts were stored; not yet.
        review
            .items
            .insert(id(0), assessed(Some(Mark::Met), &now(0)));
        review
            .items
            .insert(id(1), assessed(Some(Mark::Partly), "An older wording."));
        review.items.insert(
            id(2),
            Assessment {
                note: "talk about it".into(),
                ..assessed(None, "")
            },
        );
        review
            .items
            .insert(id(3), assessed(Some(Mark::NotYet), &now(3)));
        // An assessment of a skill outside the gap counts for nothing.
        review
            .items
            .insert("no-such-skill".into(), assessed(Some(Mark::Met), "x"));

        let tally = Review::tally(Some(&review), &catalog, &gap);
        assert_eq!(
            tally.counts,
            Counts {
                changes: gap.items.len(),
                required: gap.required_count(),
                assessed: 3,
                met: 1,
                partly: 1,
                not_yet: 1,
            }
        );
        let stale: Vec<bool> = tally.items.iter().map(|t| t.stale).collect();
        let mut expected = vec![false; gap.items.len()];
        expected[1] = true;
        assert_eq!(stale, expected);
        assert_eq!(
            tally.items[2].assessment.map(|a| a.note.as_str()),
            Some("talk about it")
        );
        assert!(tally.items[4..].iter().all(|t| t.assessment.is_none()));
    }

    #[test]
    fn an_assessment_is_stale_only_against_a_different_stored_text() {
        let (_, gap) = catalog_and_gap();
        let item = &gap.items[0];
        let now = item
            .to
            .as_ref()
            .map_or(String::new(), |c| c.text.to_string());
        assert!(!assessed(None, &now).is_stale(item));
        assert!(!assessed(None, "").is_stale(item), "nothing stored");
        assert!(assessed(None, "Something else.").is_stale(item));
    }
}
