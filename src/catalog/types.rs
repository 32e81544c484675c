//! The in-memory catalog: levels, roles, domains and skills, with lookups.
//!
//! Everything here is plain data built once by the loader; every other part of
//! rungs reads it by reference. Roles and levels are referred to by position
//! (`usize`), which is what the UI and the gap computation work with.

use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// The layout of the serialized model (what the catalog cache stores),
/// raised whenever a type below changes shape, so a cache written by an
/// older layout is never decoded as this one. 2: catalog format 1.1
/// (behaviours, examples, proficiency, cumulative, names by language).
/// 3: a cell's behaviours, examples and proficiency in one box; origin
/// paths shared. 4: a skill's translations in one box, its grid and cell
/// positions boxed slices (line 0 for an unknown position).
pub const MODEL_VERSION: u32 = 4;

/// A level, role or domain: something with an id, a display name and an
/// optional one-line summary.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    /// The name to show: the one for the reader's language once
    /// [`Catalog::localize`] has run and the catalog has one, else `name`
    /// as written.
    pub name: String,
    pub summary: Option<String>,
    /// `names = { zh = "初级" }`, and `name` as written.
    pub i18n: Localized,
}

/// Names (and, for skills, summaries) in other languages, as written
/// (`names = { zh = "初级" }`), and the written `name`/`summary` while
/// [`Catalog::localize`] has replaced them.
///
/// Empty for most catalogs, and then one null pointer: a skill carries one
/// of these, and a 10,000-skill catalog held 10,000 × 56 bytes of empty
/// vectors before they were boxed together.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Localized {
    /// `None` when there are no names, summaries or written ones (kept so
    /// by every constructor, so that equality is by content).
    more: Option<Box<LocalizedMore>>,
}

/// What a [`Localized`] holds when it holds anything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
struct LocalizedMore {
    /// `(language, name)` pairs in the order written.
    names: Vec<(String, String)>,
    /// `(language, summary)` pairs in the order written (skills only).
    summaries: Vec<(String, String)>,
    /// `name` and `summary` as written, kept while `localize` shows others.
    written: Option<(String, Option<String>)>,
}

/// The text for `lang` among `(language, text)` pairs: an exact match of
/// the language code (any case), else one whose primary subtag matches
/// (`zh-Hans` for `zh`).
fn pick<'a>(pairs: &'a [(String, String)], lang: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(lang))
        .or_else(|| {
            pairs.iter().find(|(l, _)| {
                l.split(['-', '_'])
                    .next()
                    .is_some_and(|p| p.eq_ignore_ascii_case(lang))
            })
        })
        .map(|(_, t)| t.as_str())
}

impl Localized {
    /// Names and summaries in other languages, as `(language, text)` pairs
    /// in the order written.
    pub fn new(names: Vec<(String, String)>, summaries: Vec<(String, String)>) -> Self {
        Localized {
            more: (!names.is_empty() || !summaries.is_empty()).then(|| {
                Box::new(LocalizedMore {
                    names,
                    summaries,
                    written: None,
                })
            }),
        }
    }

    /// `(language, name)` pairs in the order written.
    pub fn names(&self) -> &[(String, String)] {
        self.more.as_ref().map_or(&[], |m| m.names.as_slice())
    }

    /// `(language, summary)` pairs in the order written (skills only).
    pub fn summaries(&self) -> &[(String, String)] {
        self.more.as_ref().map_or(&[], |m| m.summaries.as_slice())
    }

    /// Replaces `name` (and `summary`) by the ones for `lang`, or puts the
    /// written ones back when there are none: calling it again with another
    /// language is fine.
    fn apply(&mut self, lang: &str, name: &mut String, summary: &mut Option<String>) {
        // Nothing to show instead when there are no translations (and then
        // nothing was ever replaced).
        let Some(more) = self.more.as_mut() else {
            return;
        };
        let written = more
            .written
            .take()
            .unwrap_or_else(|| (name.clone(), summary.clone()));
        let new_name = pick(&more.names, lang).map(str::to_string);
        let new_summary = pick(&more.summaries, lang).map(str::to_string);
        *name = new_name.clone().unwrap_or_else(|| written.0.clone());
        *summary = new_summary.clone().or_else(|| written.1.clone());
        if new_name.is_some() || new_summary.is_some() {
            more.written = Some(written);
        }
    }

    /// The name as written in the catalog's `name` key.
    pub fn written_name<'a>(&'a self, shown: &'a str) -> &'a str {
        match self.more.as_ref().and_then(|m| m.written.as_ref()) {
            Some(w) => w.0.as_str(),
            None => shown,
        }
    }

    /// The summary as written in the catalog's `summary` key.
    pub fn written_summary<'a>(&'a self, shown: Option<&'a str>) -> Option<&'a str> {
        match self.more.as_ref().and_then(|m| m.written.as_ref()) {
            Some(w) => w.1.as_deref(),
            None => shown,
        }
    }
}

impl Named {
    /// The name as written in `name`, whatever the language shown.
    pub fn written_name(&self) -> &str {
        self.i18n.written_name(&self.name)
    }

    /// Every name: as written, then each translation (for search and for
    /// finding what a user typed).
    pub fn all_names(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.written_name())
            .chain(self.i18n.names().iter().map(|(_, n)| n.as_str()))
    }
}

/// A step of seniority. Levels are ordered lowest first.
pub type Level = Named;
/// A job family, such as "Data Scientist".
pub type Role = Named;
/// A group of related skills, such as "Machine Learning & AI".
pub type Domain = Named;

/// Whether an expectation must be met for the level, or is nice to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Necessity {
    Required,
    Optional,
}

impl Necessity {
    /// The word used in catalog files, CLI output and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Necessity::Required => "required",
            Necessity::Optional => "optional",
        }
    }
}

impl fmt::Display for Necessity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One expectation: what a role is expected to do with a skill at a level.
///
/// Kept small (32 bytes, and an absent cell in a skill's grid as well):
/// the rarely written behaviours, examples and proficiency live behind one
/// optional box, read through [`Cell::behaviours`], [`Cell::examples`] and
/// [`Cell::proficiency`]. A 10,000-skill catalog holds 100,000 grid slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub necessity: Necessity,
    /// The whole expectation as one text: the intro, then one `- ` line per
    /// behaviour (continuation lines joined, examples left out, so they do
    /// not pollute diffs). For a cell without behaviours, the text as
    /// written. This is what diffs, reviews and search compare.
    pub text: Box<str>,
    /// Behaviours, examples and proficiency; `None` when all are empty
    /// (kept so by every constructor, so that equality is by content).
    more: Option<Box<CellMore>>,
}

/// What few cells have, boxed apart from [`Cell`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
struct CellMore {
    /// Separately assessed behaviours, from `behaviours = […]` or from the
    /// bullet lines of `text`.
    behaviours: Vec<Behaviour>,
    /// Examples of evidence for the cell as a whole (`examples = […]`).
    examples: Vec<String>,
    /// A named proficiency such as `Foundational` (`proficiency = "…"`).
    proficiency: Option<String>,
}

/// One behaviour of a cell, with the examples written under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Behaviour {
    pub text: String,
    pub examples: Vec<String>,
}

impl Cell {
    /// A cell holding only a text, with no behaviours or examples.
    pub fn plain(necessity: Necessity, text: impl Into<String>) -> Self {
        Cell {
            necessity,
            text: text.into().into_boxed_str(),
            more: None,
        }
    }

    /// A cell with everything a catalog can say about it.
    pub fn new(
        necessity: Necessity,
        text: impl Into<String>,
        behaviours: Vec<Behaviour>,
        examples: Vec<String>,
        proficiency: Option<String>,
    ) -> Self {
        Cell::plain(necessity, text).with(behaviours, examples, proficiency)
    }

    /// The cell with these behaviours, examples and proficiency instead of
    /// its own.
    pub fn with(
        mut self,
        behaviours: Vec<Behaviour>,
        examples: Vec<String>,
        proficiency: Option<String>,
    ) -> Self {
        self.more =
            (!behaviours.is_empty() || !examples.is_empty() || proficiency.is_some()).then(|| {
                Box::new(CellMore {
                    behaviours,
                    examples,
                    proficiency,
                })
            });
        self
    }

    /// The cell with these examples and proficiency, keeping its behaviours.
    pub fn with_examples(mut self, examples: Vec<String>, proficiency: Option<String>) -> Self {
        let behaviours = self.more.take().map(|m| m.behaviours).unwrap_or_default();
        self.with(behaviours, examples, proficiency)
    }

    /// Separately assessed behaviours, from `behaviours = […]` or from the
    /// bullet lines of `text` (empty for most cells).
    pub fn behaviours(&self) -> &[Behaviour] {
        self.more.as_ref().map_or(&[], |m| m.behaviours.as_slice())
    }

    /// Examples of evidence for the cell as a whole (`examples = […]`).
    pub fn examples(&self) -> &[String] {
        self.more.as_ref().map_or(&[], |m| m.examples.as_slice())
    }

    /// A named proficiency such as `Foundational` (`proficiency = "…"`).
    pub fn proficiency(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.proficiency.as_deref())
    }

    /// The text before the behaviours (the whole text when there are none;
    /// empty when the cell is only behaviours).
    pub fn intro(&self) -> &str {
        if self.behaviours().is_empty() {
            return &self.text;
        }
        if self.text.starts_with("- ") {
            return "";
        }
        match self.text.find("\n- ") {
            Some(i) => &self.text[..i],
            None => &self.text,
        }
    }

    /// Composes [`Cell::text`] from an intro and behaviours.
    pub fn compose(intro: &str, behaviours: &[Behaviour]) -> String {
        let mut text = intro.trim_end().to_string();
        for b in behaviours {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str("- ");
            text.push_str(&b.text);
        }
        text
    }
}

/// A calendar date as written in a catalog (`updated = 2026-02-22`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where something was defined, for messages that point back at the source.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Origin {
    /// The file's path as shown in messages; one allocation per file,
    /// shared by every skill and cell origin in it.
    pub path: Arc<str>,
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.col)
    }
}

/// A skill: a grid of role × level cells, each holding an optional expectation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub id: String,
    /// The name to show (see [`Named::name`]).
    pub name: String,
    /// Position of the skill's domain in [`Catalog::domains`].
    pub domain: usize,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    pub updated: Option<Date>,
    /// The skill's own `cumulative = …`, overriding the catalog's; see
    /// [`Catalog::is_cumulative`].
    pub cumulative: Option<bool>,
    /// `names` and `summaries` in other languages.
    pub i18n: Localized,
    /// Row-major by role: `cells[role * levels + level]`. A boxed slice,
    /// not a `Vec`: it never grows, and 10,000 skills need no capacities.
    pub(crate) cells: Box<[Option<Cell>]>,
    /// Where each cell was written (line and column of its level key), in
    /// the order of `cells`, so that warnings point at the cell they are
    /// about; line 0 (lines count from 1) where unknown, and empty when all
    /// are.
    pub(crate) cells_at: Box<[(u32, u32)]>,
    pub(crate) levels: usize,
    pub origin: Origin,
}

impl Skill {
    /// Shows the skill's name and summary in `lang`, as
    /// [`Catalog::localize`] does for every skill (for a skill put into a
    /// localized catalog).
    pub fn localize(&mut self, lang: &str) {
        self.i18n.apply(lang, &mut self.name, &mut self.summary);
    }

    /// Where the cell of `role` at `level` was written: that line and column
    /// in the skill's file, or the skill's own origin when unknown.
    pub fn cell_origin(&self, role: usize, level: usize) -> Origin {
        let at = self
            .cells_at
            .get(role.saturating_mul(self.levels).saturating_add(level))
            .copied();
        match at {
            Some((line, col)) if line > 0 && level < self.levels => Origin {
                path: self.origin.path.clone(),
                line: line as usize,
                col: col as usize,
            },
            _ => self.origin.clone(),
        }
    }

    /// The expectation for `role` at `level`, if the skill defines one.
    pub fn cell(&self, role: usize, level: usize) -> Option<&Cell> {
        if level >= self.levels {
            return None;
        }
        self.cells
            .get(role.saturating_mul(self.levels).saturating_add(level))
            .and_then(Option::as_ref)
    }

    /// True when the skill has at least one expectation for `role`, which is
    /// what puts it in the role's profile.
    pub fn in_role(&self, role: usize) -> bool {
        (0..self.levels).any(|level| self.cell(role, level).is_some())
    }

    /// The name as written in `name`, whatever the language shown.
    pub fn written_name(&self) -> &str {
        self.i18n.written_name(&self.name)
    }

    /// Every name: as written, then each translation.
    pub fn all_names(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.written_name())
            .chain(self.i18n.names().iter().map(|(_, n)| n.as_str()))
    }

    /// Every defined expectation with its role and level positions.
    pub fn expectations(&self) -> impl Iterator<Item = (usize, usize, &Cell)> + '_ {
        let levels = self.levels.max(1);
        self.cells
            .iter()
            .enumerate()
            .filter_map(move |(i, c)| c.as_ref().map(|c| (i / levels, i % levels, c)))
    }
}

/// The counts the source page shows about a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SkillCounts {
    /// Roles whose profile includes the skill.
    pub roles: usize,
    /// Levels at which at least one role has an expectation.
    pub levels: usize,
    pub required: usize,
    pub optional: usize,
}

/// Totals over the whole catalog, as `rungs check` prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CatalogCounts {
    pub roles: usize,
    pub levels: usize,
    pub domains: usize,
    pub skills: usize,
    pub expectations: usize,
    pub required: usize,
    pub optional: usize,
    /// Behaviours over all cells (0 for a catalog without any).
    pub behaviours: usize,
}

/// A loaded, validated catalog.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub title: Option<String>,
    /// The root's `cumulative = …`: whether a level adds to the ones below
    /// (a skill may override it).
    pub cumulative: bool,
    pub levels: Vec<Level>,
    pub roles: Vec<Role>,
    pub domains: Vec<Domain>,
    pub skills: Vec<Skill>,
    /// For each role, its profile: skill positions ordered by domain, then name.
    profiles: Vec<Vec<usize>>,
    /// Required and optional cells of each role at each level, by
    /// `role * levels + level`: the skills pane's title shows them in every
    /// frame, and counting 100,000 skills' cells took 50–90 ms a frame.
    level_counts: Vec<(usize, usize)>,
    level_ids: HashMap<String, usize>,
    role_ids: HashMap<String, usize>,
    /// Skill positions, hashed by the skill's own id: a map from id to
    /// position held a copy of every id (10,000 allocations and ≈ 0.8 MB at
    /// 10,000 skills). With a fast hasher: 10,000 ids are hashed on every
    /// start.
    skill_ids: hashbrown::HashTable<u32>,
    id_hasher: foldhash::fast::FixedState,
}

/// The table behind [`Catalog::skill_index`]: each skill's position, found
/// by its id; the last of two skills with one id (a catalog that loads has
/// none) is the one found.
fn skill_ids_of(
    skills: &[Skill],
    hasher: &foldhash::fast::FixedState,
) -> hashbrown::HashTable<u32> {
    let id_of = |j: u32| skills.get(j as usize).map_or("", |s| s.id.as_str());
    let mut ids = hashbrown::HashTable::with_capacity(skills.len());
    for (i, skill) in skills.iter().enumerate() {
        let position = u32::try_from(i).unwrap_or(u32::MAX);
        let hash = hasher.hash_one(skill.id.as_str());
        match ids.entry(
            hash,
            |&j| id_of(j) == skill.id,
            |&j| hasher.hash_one(id_of(j)),
        ) {
            hashbrown::hash_table::Entry::Occupied(mut o) => *o.get_mut() = position,
            hashbrown::hash_table::Entry::Vacant(v) => {
                v.insert(position);
            }
        }
    }
    ids
}

/// Every role's profile: all skills sorted once (by domain, then name,
/// then id), each role taking those it has in that order.
fn profiles_of(skills: &[Skill], roles: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..skills.len()).collect();
    order.sort_by_cached_key(|&i| {
        let s = &skills[i];
        (s.domain, s.written_name().to_lowercase(), s.id.as_str())
    });
    (0..roles)
        .map(|role| {
            order
                .iter()
                .copied()
                .filter(|&i| skills[i].in_role(role))
                .collect()
        })
        .collect()
}

/// Required and optional cells of each role at each level (see
/// [`Catalog::role_level_counts`]), by `role * levels + level`.
fn level_counts_of(skills: &[Skill], roles: usize, levels: usize) -> Vec<(usize, usize)> {
    let mut counts = vec![(0, 0); roles.saturating_mul(levels)];
    for skill in skills {
        for (role, level, cell) in skill.expectations() {
            if role >= roles || level >= levels {
                continue;
            }
            if let Some(c) = counts.get_mut(role * levels + level) {
                match cell.necessity {
                    Necessity::Required => c.0 += 1,
                    Necessity::Optional => c.1 += 1,
                }
            }
        }
    }
    counts
}

fn index_of(items: &[Named]) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), i))
        .collect()
}

impl Catalog {
    /// Assembles a catalog from validated parts and builds its indexes.
    pub(crate) fn new(
        title: Option<String>,
        cumulative: bool,
        levels: Vec<Level>,
        roles: Vec<Role>,
        domains: Vec<Domain>,
        skills: Vec<Skill>,
    ) -> Self {
        // The id index and the profiles are built side by side.
        let id_hasher = foldhash::fast::FixedState::default();
        let (skill_ids, (profiles, level_counts)) = rayon::join(
            || skill_ids_of(&skills, &id_hasher),
            || {
                (
                    profiles_of(&skills, roles.len()),
                    level_counts_of(&skills, roles.len(), levels.len()),
                )
            },
        );
        Catalog {
            title,
            cumulative,
            level_ids: index_of(&levels),
            role_ids: index_of(&roles),
            skill_ids,
            id_hasher,
            levels,
            roles,
            domains,
            skills,
            profiles,
            level_counts,
        }
    }

    /// Whether `skill`'s levels add to the ones below: its own
    /// `cumulative`, else the catalog's.
    pub fn is_cumulative(&self, skill: &Skill) -> bool {
        skill.cumulative.unwrap_or(self.cumulative)
    }

    /// Shows every name (and skill summary) in `lang` (a language code such
    /// as `zh`) where the catalog has one, and as written otherwise. Ids,
    /// lookups and profiles do not change; profiles keep the written-name
    /// order so the lists are the same in every language.
    pub fn localize(&mut self, lang: &str) {
        for n in self
            .levels
            .iter_mut()
            .chain(self.roles.iter_mut())
            .chain(self.domains.iter_mut())
        {
            n.i18n.apply(lang, &mut n.name, &mut n.summary);
        }
        for s in &mut self.skills {
            s.localize(lang);
        }
    }

    /// The title to show: the catalog's own, or a neutral default.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or("Skills matrix")
    }

    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.level_ids.get(id).copied()
    }
    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.role_ids.get(id).copied()
    }
    pub fn skill_index(&self, id: &str) -> Option<usize> {
        let hash = self.id_hasher.hash_one(id);
        self.skill_ids
            .find(hash, |&j| {
                self.skills.get(j as usize).is_some_and(|s| s.id == id)
            })
            .map(|&j| j as usize)
    }

    /// The skills in a role's profile, grouped by domain (in catalog order)
    /// and sorted by name within a domain.
    pub fn profile(&self, role: usize) -> &[usize] {
        self.profiles.get(role).map_or(&[], Vec::as_slice)
    }

    /// The domain a skill belongs to.
    pub fn domain_of(&self, skill: &Skill) -> &Domain {
        // The loader guarantees the index is valid; fall back defensively.
        &self.domains[skill.domain.min(self.domains.len().saturating_sub(1))]
    }

    /// The counts the source page shows for one skill.
    pub fn skill_counts(&self, skill: &Skill) -> SkillCounts {
        let mut counts = SkillCounts {
            roles: (0..self.roles.len()).filter(|&r| skill.in_role(r)).count(),
            levels: (0..self.levels.len())
                .filter(|&l| (0..self.roles.len()).any(|r| skill.cell(r, l).is_some()))
                .count(),
            ..SkillCounts::default()
        };
        for (_, _, cell) in skill.expectations() {
            match cell.necessity {
                Necessity::Required => counts.required += 1,
                Necessity::Optional => counts.optional += 1,
            }
        }
        counts
    }

    /// Totals over the whole catalog.
    pub fn counts(&self) -> CatalogCounts {
        let mut counts = CatalogCounts {
            roles: self.roles.len(),
            levels: self.levels.len(),
            domains: self.domains.len(),
            skills: self.skills.len(),
            ..CatalogCounts::default()
        };
        for skill in &self.skills {
            let c = self.skill_counts(skill);
            counts.required += c.required;
            counts.optional += c.optional;
            counts.behaviours += skill
                .expectations()
                .map(|(_, _, c)| c.behaviours().len())
                .sum::<usize>();
        }
        counts.expectations = counts.required + counts.optional;
        counts
    }

    /// Required and optional counts of a role's profile at one level;
    /// (0, 0) for a role or level the catalog does not have (no skill has
    /// a cell there either).
    pub fn role_level_counts(&self, role: usize, level: usize) -> (usize, usize) {
        let levels = self.levels.len();
        if level >= levels {
            return (0, 0);
        }
        self.level_counts
            .get(role.saturating_mul(levels).saturating_add(level))
            .copied()
            .unwrap_or((0, 0))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn named(id: &str) -> Named {
        Named {
            id: id.into(),
            name: id.to_uppercase(),
            ..Named::default()
        }
    }

    /// A 2-role × 3-level catalog with two skills, for unit tests.
    pub(crate) fn small() -> Catalog {
        let levels = vec![named("a"), named("b"), named("c")];
        let roles = vec![named("r1"), named("r2")];
        let domains = vec![named("d1"), named("d2")];
        let cell = |n, t: &str| Some(Cell::plain(n, t));
        let s1 = Skill {
            id: "zeta".into(),
            name: "Zeta".into(),
            domain: 0,
            summary: None,
            tags: vec![],
            updated: None,
            cumulative: None,
            i18n: Localized::default(),
            cells: vec![
                cell(Necessity::Optional, "z r1 a"),
                cell(Necessity::Required, "z r1 b"),
                cell(Necessity::Required, "z r1 c"),
                None,
                None,
                None,
            ]
            .into(),
            cells_at: Box::default(),
            levels: 3,
            origin: Origin::default(),
        };
        let s2 = Skill {
            id: "alpha".into(),
            name: "Alpha".into(),
            domain: 1,
            cells: vec![
                None,
                cell(Necessity::Optional, "a r1 b"),
                None,
                cell(Necessity::Optional, "a r2 a"),
                None,
                None,
            ]
            .into(),
            ..s1.clone()
        };
        let s3 = Skill {
            id: "beta".into(),
            name: "beta".into(),
            domain: 0,
            cells: vec![cell(Necessity::Optional, "b"), None, None, None, None, None].into(),
            ..s1.clone()
        };
        Catalog::new(None, false, levels, roles, domains, vec![s1, s2, s3])
    }

    #[test]
    fn cells_are_addressed_by_role_and_level() {
        let c = small();
        let z = &c.skills[0];
        assert_eq!(z.cell(0, 1).map(|c| &*c.text), Some("z r1 b"));
        assert!(z.cell(1, 0).is_none());
        assert!(z.cell(0, 3).is_none(), "out of range level");
        assert!(z.cell(9, 0).is_none(), "out of range role");
    }

    #[test]
    fn profiles_group_by_domain_then_name() {
        let c = small();
        // role r1: beta (d1), zeta (d1), alpha (d2)
        let ids: Vec<&str> = c
            .profile(0)
            .iter()
            .map(|&i| c.skills[i].id.as_str())
            .collect();
        assert_eq!(ids, ["beta", "zeta", "alpha"]);
        let ids: Vec<&str> = c
            .profile(1)
            .iter()
            .map(|&i| c.skills[i].id.as_str())
            .collect();
        assert_eq!(ids, ["alpha"]);
        assert!(c.profile(7).is_empty());
    }

    #[test]
    fn counts_follow_the_grid() {
        let c = small();
        let z = c.skill_counts(&c.skills[0]);
        assert_eq!(
            z,
            SkillCounts {
                roles: 1,
                levels: 3,
                required: 2,
                optional: 1
            }
        );
        let a = c.skill_counts(&c.skills[1]);
        assert_eq!((a.roles, a.levels), (2, 2));
        let total = c.counts();
        assert_eq!(
            (total.expectations, total.required, total.optional),
            (6, 2, 4)
        );
        assert_eq!(c.role_level_counts(0, 1), (1, 1));
        // The table made up front gives what counting the profile gives.
        let c = crate::catalog::load_embedded().unwrap().catalog;
        for role in 0..c.roles.len() {
            for level in 0..c.levels.len() {
                let mut counted = (0, 0);
                for &i in c.profile(role) {
                    match c.skills[i].cell(role, level).map(|c| c.necessity) {
                        Some(Necessity::Required) => counted.0 += 1,
                        Some(Necessity::Optional) => counted.1 += 1,
                        None => {}
                    }
                }
                assert_eq!(c.role_level_counts(role, level), counted);
            }
        }
        assert!(c.role_level_counts(0, 0) != (0, 0));
    }

    #[test]
    fn a_cell_and_an_empty_grid_slot_stay_small() {
        // 10,000 skills × roles × levels of these: see docs/performance.md.
        assert!(std::mem::size_of::<Cell>() <= 32);
        assert_eq!(
            std::mem::size_of::<Option<Cell>>(),
            std::mem::size_of::<Cell>()
        );
    }

    #[test]
    fn a_skill_stays_small() {
        // Held two or three times over while a catalog is loaded (decoded,
        // gathered, in the catalog): see docs/performance.md.
        assert!(std::mem::size_of::<Skill>() <= 192);
        assert_eq!(std::mem::size_of::<Localized>(), 8);
    }

    #[test]
    fn translations_compare_by_content_however_built() {
        assert_eq!(Localized::new(Vec::new(), Vec::new()), Localized::default());
        let names = vec![("zh".to_string(), "中级".to_string())];
        let l = Localized::new(names.clone(), Vec::new());
        assert_eq!(l.names(), names.as_slice());
        assert!(l.summaries().is_empty());
        assert_ne!(l, Localized::default());
    }

    #[test]
    fn cells_compare_by_content_however_built() {
        let plain = Cell::plain(Necessity::Required, "t");
        let built = Cell::new(Necessity::Required, "t", Vec::new(), Vec::new(), None);
        assert_eq!(plain, built);
        let b = Behaviour {
            text: "b".into(),
            examples: vec!["e".into()],
        };
        let full = Cell::new(
            Necessity::Required,
            "- b",
            vec![b.clone()],
            vec!["x".into()],
            Some("Deep".into()),
        );
        assert_eq!(full.behaviours(), std::slice::from_ref(&b));
        assert_eq!(full.examples(), ["x"]);
        assert_eq!(full.proficiency(), Some("Deep"));
        let fewer = full.clone().with_examples(Vec::new(), None);
        assert_eq!(fewer.behaviours(), [b]);
        assert!(fewer.examples().is_empty() && fewer.proficiency().is_none());
        assert_ne!(fewer, full);
        let none = fewer.with(Vec::new(), Vec::new(), None);
        assert_eq!(none, Cell::plain(Necessity::Required, "- b"));
    }

    #[test]
    fn lookups_by_id() {
        let c = small();
        assert_eq!(c.level_index("c"), Some(2));
        assert_eq!(c.role_index("r2"), Some(1));
        assert_eq!(c.skill_index("alpha"), Some(1));
        assert_eq!(c.skill_index("nope"), None);
        for (i, s) in c.skills.iter().enumerate() {
            assert_eq!(c.skill_index(&s.id), Some(i));
        }
    }

    #[test]
    fn of_two_skills_with_one_id_the_last_is_found() {
        // As the map from id to position found it; a catalog that loads
        // has no two (they are an error).
        let c = small();
        let mut skills = c.skills.clone();
        skills.push(skills[0].clone());
        let c = Catalog::new(None, false, c.levels, c.roles, c.domains, skills);
        assert_eq!(c.skill_index("zeta"), Some(3));
        assert_eq!(c.skill_index("alpha"), Some(1));
    }
}
