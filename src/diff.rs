//! What changed between two versions of a catalog (`rungs diff`): levels,
//! roles, domains and skills added, removed or renamed (same id, new name),
//! and every expectation cell whose necessity or text changed.
//!
//! Things are matched by id, so a renamed skill is one change, not a removal
//! and an addition. Cells are compared for the skills, roles and levels both
//! versions have; the cells of an added or removed skill, role or level are
//! implied by that change and not listed again. A text that is more than
//! one line (a bullet list of behaviours, or an intro and behaviours) is
//! also compared line by line, paired by word similarity
//! ([`crate::gap::pair_lines`]), so a reworded bullet is one change and not
//! a scatter of words. Pure data: the formats are [`crate::report::diff`]'s.

use crate::catalog::{Catalog, Cell, Named, Necessity};
use crate::gap::{LinePair, Paired, pair_lines};

/// Added, removed and renamed items of one kind, by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NamedChanges {
    /// Positions in the new catalog, in its order.
    pub added: Vec<usize>,
    /// Positions in the old catalog, in its order.
    pub removed: Vec<usize>,
    /// `(old position, new position)` of items whose name changed, in the
    /// new catalog's order.
    pub renamed: Vec<(usize, usize)>,
}

impl NamedChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.renamed.is_empty()
    }

    /// Items matched by id; `names` are every name of an item (as written
    /// and each translation), so a rename in any language is a rename
    /// whatever language the diff is shown in.
    fn between(old: &[(&str, Vec<&str>)], new: &[(&str, Vec<&str>)]) -> Self {
        let old_ids: std::collections::HashMap<&str, (usize, &Vec<&str>)> = old
            .iter()
            .enumerate()
            .map(|(i, (id, names))| (*id, (i, names)))
            .collect();
        let new_ids: std::collections::HashSet<&str> = new.iter().map(|(id, _)| *id).collect();
        let mut out = NamedChanges::default();
        for (n, (id, names)) in new.iter().enumerate() {
            match old_ids.get(id) {
                None => out.added.push(n),
                Some(&(o, old_names)) if old_names != names => out.renamed.push((o, n)),
                Some(_) => {}
            }
        }
        out.removed = old
            .iter()
            .enumerate()
            .filter(|(_, (id, _))| !new_ids.contains(id))
            .map(|(o, _)| o)
            .collect();
        out
    }

    fn of(old: &[Named], new: &[Named]) -> Self {
        fn names(v: &[Named]) -> Vec<(&str, Vec<&str>)> {
            v.iter()
                .map(|n| (n.id.as_str(), n.all_names().collect()))
                .collect()
        }
        Self::between(&names(old), &names(new))
    }
}

/// A skill kept under its id whose other facts changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub old: usize,
    pub new: usize,
    /// The skill moved to another domain (by domain id).
    pub moved: bool,
    /// Which of `summary`, `tags`, `updated` changed, in that order.
    pub fields: Vec<&'static str>,
}

/// How one cell changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellChangeKind {
    /// Nothing was expected before.
    Added,
    /// Nothing is expected now.
    Removed,
    /// The necessity, the text or both changed.
    Changed,
}

impl CellChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CellChangeKind::Added => "added",
            CellChangeKind::Removed => "removed",
            CellChangeKind::Changed => "changed",
        }
    }
}

/// One expectation cell that differs, addressed by positions in each
/// catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellChange {
    /// Skill, role and level positions in the old catalog.
    pub old: (usize, usize, usize),
    /// Skill, role and level positions in the new catalog.
    pub new: (usize, usize, usize),
    pub kind: CellChangeKind,
    pub before: Option<Cell>,
    pub after: Option<Cell>,
}

impl CellChange {
    /// The necessity before and after, when it changed.
    pub fn necessity_change(&self) -> Option<(Option<Necessity>, Option<Necessity>)> {
        let (b, a) = (
            self.before.as_ref().map(|c| c.necessity),
            self.after.as_ref().map(|c| c.necessity),
        );
        (b != a).then_some((b, a))
    }

    /// The text before and after, when it changed.
    pub fn text_change(&self) -> Option<(&str, &str)> {
        let (b, a) = (
            self.before.as_ref().map_or("", |c| &*c.text),
            self.after.as_ref().map_or("", |c| &*c.text),
        );
        (b != a).then_some((b, a))
    }

    /// The text compared line by line, when it changed and either side is
    /// more than one line or has behaviours: every line of the new text in
    /// its order (each the same, reworded or added), with removed lines
    /// after the line they followed. Behaviours are compared without their
    /// `- ` marker. Empty for a one-line text on both sides, whose word diff
    /// says it all.
    pub fn line_changes(&self) -> Vec<LinePair<'_>> {
        if self.text_change().is_none() {
            return Vec::new();
        }
        let old = self.before.as_ref().map(cell_lines).unwrap_or_default();
        let new = self.after.as_ref().map(cell_lines).unwrap_or_default();
        let listed = |c: &Option<Cell>| c.as_ref().is_some_and(|c| !c.behaviours().is_empty());
        if old.len() <= 1 && new.len() <= 1 && !listed(&self.before) && !listed(&self.after) {
            return Vec::new();
        }
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
}

/// The lines of a cell's text: the intro's non-blank lines, then one per
/// behaviour (without its marker).
fn cell_lines(cell: &Cell) -> Vec<&str> {
    cell.intro()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .chain(cell.behaviours().iter().map(|b| b.text.trim()))
        .collect()
}

/// Everything that differs between two catalogs.
#[derive(Debug, Clone)]
pub struct CatalogDiff<'a> {
    pub old: &'a Catalog,
    pub new: &'a Catalog,
    /// The title changed.
    pub title: bool,
    pub levels: NamedChanges,
    pub roles: NamedChanges,
    pub domains: NamedChanges,
    pub skills: NamedChanges,
    /// Skills under the same id that moved domain or changed summary, tags
    /// or date, in the new catalog's order.
    pub edited: Vec<Edited>,
    /// Cells of kept skills, roles and levels that differ: by skill (new
    /// catalog order), then role, then level.
    pub cells: Vec<CellChange>,
}

impl<'a> CatalogDiff<'a> {
    /// Compares `old` with `new`.
    pub fn new(old: &'a Catalog, new: &'a Catalog) -> Self {
        let skill_names = |c: &'a Catalog| {
            c.skills
                .iter()
                .map(|s| (s.id.as_str(), s.all_names().collect()))
                .collect::<Vec<_>>()
        };
        let skills = NamedChanges::between(&skill_names(old), &skill_names(new));
        // Roles and levels both versions have: (old position, new position).
        let kept = |o: &[Named], n: &[Named]| -> Vec<(usize, usize)> {
            n.iter()
                .enumerate()
                .filter_map(|(j, x)| o.iter().position(|y| y.id == x.id).map(|i| (i, j)))
                .collect()
        };
        let roles = kept(&old.roles, &new.roles);
        let levels = kept(&old.levels, &new.levels);
        let mut edited = Vec::new();
        let mut cells = Vec::new();
        for (n, skill) in new.skills.iter().enumerate() {
            let Some(o) = old.skill_index(&skill.id) else {
                continue;
            };
            let before = &old.skills[o];
            let moved = old.domain_of(before).id != new.domain_of(skill).id;
            let mut fields = Vec::new();
            // As written and in every language, so the same changes are
            // found whatever language the catalogs were localized to.
            let summaries = |s: &'a crate::catalog::Skill| {
                (
                    s.i18n.written_summary(s.summary.as_deref()),
                    s.i18n.summaries(),
                )
            };
            if summaries(before) != summaries(skill) {
                fields.push("summary");
            }
            if before.tags != skill.tags {
                fields.push("tags");
            }
            if before.updated != skill.updated {
                fields.push("updated");
            }
            if moved || !fields.is_empty() {
                edited.push(Edited {
                    old: o,
                    new: n,
                    moved,
                    fields,
                });
            }
            for &(or, nr) in &roles {
                for &(ol, nl) in &levels {
                    let (b, a) = (before.cell(or, ol), skill.cell(nr, nl));
                    let kind = match (b, a) {
                        (None, None) => continue,
                        (Some(x), Some(y)) if x == y => continue,
                        (None, Some(_)) => CellChangeKind::Added,
                        (Some(_), None) => CellChangeKind::Removed,
                        (Some(_), Some(_)) => CellChangeKind::Changed,
                    };
                    cells.push(CellChange {
                        old: (o, or, ol),
                        new: (n, nr, nl),
                        kind,
                        before: b.cloned(),
                        after: a.cloned(),
                    });
                }
            }
        }
        CatalogDiff {
            old,
            new,
            title: old.title != new.title,
            levels: NamedChanges::of(&old.levels, &new.levels),
            roles: NamedChanges::of(&old.roles, &new.roles),
            domains: NamedChanges::of(&old.domains, &new.domains),
            skills,
            edited,
            cells,
        }
    }

    /// True when the two catalogs say the same thing.
    pub fn is_empty(&self) -> bool {
        !self.title
            && self.levels.is_empty()
            && self.roles.is_empty()
            && self.domains.is_empty()
            && self.skills.is_empty()
            && self.edited.is_empty()
            && self.cells.is_empty()
    }

    /// The change of the cell of the skill `skill_id` for role `role_id` at
    /// level `level_id`, if it changed.
    pub fn cell_change(
        &self,
        skill_id: &str,
        role_id: &str,
        level_id: &str,
    ) -> Option<&CellChange> {
        let s = self.new.skill_index(skill_id)?;
        let r = self.new.role_index(role_id)?;
        let l = self.new.level_index(level_id)?;
        self.cells.iter().find(|c| c.new == (s, r, l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_str;

    const OLD: &str = r#"
title = "T"
levels = [{ id = "a", name = "A" }, { id = "b", name = "B" }, { id = "c", name = "C" }]
roles = [{ id = "r1", name = "R1" }, { id = "r2", name = "R2" }]
domains = [{ id = "d1", name = "D1" }, { id = "d2", name = "D2" }]
[[skills]]
id = "s1"
name = "S1"
domain = "d1"
expectations.r1 = { a = "Writes tests.", b = "Writes good tests." }
expectations.r2 = { a = "x" }
[[skills]]
id = "gone"
name = "Gone"
domain = "d1"
expectations.r1 = { a = "y" }
"#;

    const NEW: &str = r#"
title = "T"
levels = [{ id = "a", name = "A" }, { id = "b", name = "Bee" }, { id = "d", name = "D" }]
roles = [{ id = "r1", name = "R1" }, { id = "r3", name = "R3" }]
domains = [{ id = "d1", name = "D1" }, { id = "d2", name = "D2" }]
[[skills]]
id = "s1"
name = "Skill one"
domain = "d2"
summary = "now with a summary"
expectations.r1 = { a = "Writes tests.", b = { text = "Writes fast tests.", necessity = "required" }, d = "z" }
[[skills]]
id = "fresh"
name = "Fresh"
domain = "d1"
expectations.r1 = { a = "w" }
"#;

    fn pair() -> (Catalog, Catalog) {
        (
            load_str("old.toml", OLD).unwrap().catalog,
            load_str("new.toml", NEW).unwrap().catalog,
        )
    }

    #[test]
    fn named_things_are_matched_by_id() {
        let (old, new) = pair();
        let d = CatalogDiff::new(&old, &new);
        assert_eq!(d.levels.added, [2], "d is new");
        assert_eq!(d.levels.removed, [2], "c is gone");
        assert_eq!(d.levels.renamed, [(1, 1)], "b became Bee");
        assert_eq!(
            (d.roles.added.as_slice(), d.roles.removed.as_slice()),
            (&[1][..], &[1][..])
        );
        assert!(d.domains.is_empty());
        assert_eq!(d.skills.added, [1]);
        assert_eq!(d.skills.removed, [1]);
        assert_eq!(d.skills.renamed, [(0, 0)]);
        assert_eq!(
            d.edited,
            [Edited {
                old: 0,
                new: 0,
                moved: true,
                fields: vec!["summary"]
            }]
        );
        assert!(!d.title);
        assert!(!d.is_empty());
    }

    #[test]
    fn only_cells_both_versions_can_hold_are_compared() {
        let (old, new) = pair();
        let d = CatalogDiff::new(&old, &new);
        // r1 at a is unchanged; r1 at b changed; r1 at d is on a new level;
        // r2 is gone; `fresh` and `gone` are whole-skill changes.
        assert_eq!(d.cells.len(), 1, "{:#?}", d.cells);
        let c = d.cell_change("s1", "r1", "b").unwrap();
        assert_eq!(c.kind, CellChangeKind::Changed);
        assert_eq!(
            c.necessity_change(),
            Some((Some(Necessity::Optional), Some(Necessity::Required)))
        );
        assert_eq!(
            c.text_change(),
            Some(("Writes good tests.", "Writes fast tests."))
        );
        assert!(d.cell_change("s1", "r1", "a").is_none());
    }

    #[test]
    fn a_catalog_does_not_differ_from_itself() {
        let (old, _) = pair();
        assert!(CatalogDiff::new(&old, &old).is_empty());
    }

    /// A bullet list of behaviours at `r1`/`a`, before and after an edit.
    fn bullets(text: &str) -> Catalog {
        let toml = format!(
            "levels = [{{ id = \"a\", name = \"A\" }}]\nroles = [{{ id = \"r1\", name = \"R1\" }}]\n\
             domains = [{{ id = \"d1\", name = \"D1\" }}]\n[[skills]]\nid = \"s1\"\nname = \"S1\"\n\
             domain = \"d1\"\nexpectations.r1.a = \"\"\"\n{text}\"\"\"\n"
        );
        load_str("b.toml", &toml).unwrap().catalog
    }

    #[test]
    fn a_bullet_list_is_compared_per_behaviour() {
        let old = bullets("- Writes good tests.\n- Keeps a wiki.\n- Pairs with juniors weekly.\n");
        let new = bullets(
            "- Writes fast tests.\n- Pairs with juniors weekly.\n- Documents the public API.\n",
        );
        let d = CatalogDiff::new(&old, &new);
        let c = d.cell_change("s1", "r1", "a").unwrap();
        assert_eq!(
            c.line_changes(),
            [
                LinePair::Changed("Writes good tests.", "Writes fast tests."),
                LinePair::Removed("Keeps a wiki."),
                LinePair::Same("Pairs with juniors weekly."),
                LinePair::Added("Documents the public API."),
            ]
        );
        // Reordering alone keeps every behaviour.
        let moved =
            bullets("- Pairs with juniors weekly.\n- Writes good tests.\n- Keeps a wiki.\n");
        let d = CatalogDiff::new(&old, &moved);
        let lines = d.cells[0].line_changes();
        assert!(
            lines.iter().all(|l| matches!(l, LinePair::Same(_))),
            "{lines:?}"
        );
    }

    #[test]
    fn a_one_line_text_has_only_its_word_diff() {
        let (old, new) = pair();
        let d = CatalogDiff::new(&old, &new);
        let c = d.cell_change("s1", "r1", "b").unwrap();
        assert!(c.line_changes().is_empty());
        // One line becoming a list is compared line by line.
        let one = bullets("Writes good tests.\n");
        let list = bullets("- Writes good tests.\n- Keeps a wiki.\n");
        let d = CatalogDiff::new(&one, &list);
        assert_eq!(
            d.cells[0].line_changes(),
            [
                LinePair::Same("Writes good tests."),
                LinePair::Added("Keeps a wiki.")
            ]
        );
    }

    #[test]
    fn added_and_removed_cells() {
        let old = load_str("o.toml", OLD).unwrap().catalog;
        let edited = OLD.replace(
            "expectations.r2 = { a = \"x\" }",
            "expectations.r2 = { b = \"x\" }",
        );
        let new = load_str("n.toml", &edited).unwrap().catalog;
        let d = CatalogDiff::new(&old, &new);
        let kinds: Vec<_> = d.cells.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [CellChangeKind::Removed, CellChangeKind::Added]);
        assert_eq!(
            d.cells[0].necessity_change(),
            Some((Some(Necessity::Optional), None))
        );
    }
}
