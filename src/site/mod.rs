//! The ladder as a static site (`rungs export --format html|markdown`):
//! an index, a page per skill, per role (its level × skill matrix) and per
//! role × level (the "job description"), with relative links only, so the
//! folder works from `file://` as well as from any web server.
//!
//! [`build`] gives the pages as `(relative path, contents)`; the caller
//! writes them. What goes on each page is decided here, once, for both
//! formats; [`html`] and [`markdown`] only render it. The interface words
//! come from the [`crate::i18n`] table of the chosen language; catalog
//! texts are escaped by each renderer.

use std::path::PathBuf;

use crate::catalog::{Catalog, Cell, Necessity};
use crate::i18n::Lang;

mod html;
mod markdown;

/// Which kind of site to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteFormat {
    /// HTML pages and one stylesheet, no JavaScript.
    Html,
    /// The same pages as Markdown, for wikis (GitHub renders the tables).
    Markdown,
}

impl SiteFormat {
    /// The file extension of a page.
    pub fn extension(self) -> &'static str {
        match self {
            SiteFormat::Html => "html",
            SiteFormat::Markdown => "md",
        }
    }
}

/// One file of the site: its path relative to the output folder, and its
/// contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub path: PathBuf,
    pub contents: String,
}

/// Every file of the site, for `catalog`, in `lang`.
pub fn build(catalog: &Catalog, lang: Lang, format: SiteFormat) -> Vec<SiteFile> {
    match format {
        SiteFormat::Html => html::site(catalog, lang),
        SiteFormat::Markdown => markdown::site(catalog, lang),
    }
}

/// Paths of the pages, relative to the site's root; `ext` is `html` or
/// `md`. Ids are ASCII letters, digits, `-` and `_` (the loader checks), so
/// they are safe file names as they are.
pub(crate) fn skill_path(id: &str, ext: &str) -> String {
    format!("skills/{id}.{ext}")
}

pub(crate) fn role_path(id: &str, ext: &str) -> String {
    format!("roles/{id}.{ext}")
}

pub(crate) fn role_level_path(role: &str, level: &str, ext: &str) -> String {
    format!("roles/{role}/{level}.{ext}")
}

/// The anchor of a skill on a role × level page, and of a level on a skill
/// page.
pub(crate) fn skill_anchor(id: &str) -> String {
    format!("skill-{id}")
}

pub(crate) fn level_anchor(id: &str) -> String {
    format!("level-{id}")
}

/// Every skill position, grouped by domain in catalog order, then by name
/// (as the explorer lists them).
pub(crate) fn skills_by_domain(catalog: &Catalog) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); catalog.domains.len()];
    for &i in &crate::report::listing::skills_in_order(catalog) {
        if let Some(g) = groups.get_mut(catalog.skills[i].domain) {
            g.push(i);
        }
    }
    groups
}

/// What a role × level page lists for one skill.
pub(crate) struct JobItem<'a> {
    pub skill: usize,
    pub cell: &'a Cell,
    /// What changes at the next level, or `None` at the top level.
    pub next: Option<Next<'a>>,
}

/// The next level's expectation, as "To reach <next level>" shows it.
pub(crate) struct Next<'a> {
    pub level: usize,
    pub cell: Option<&'a Cell>,
}

impl Next<'_> {
    /// True when the next level expects the same text (and necessity).
    pub fn same_as(&self, cell: &Cell) -> bool {
        self.cell.is_some_and(|c| c == cell)
    }
}

/// The skills of `role`'s profile with an expectation at `level`, required
/// ones first, each group by domain (catalog order) then name: the two
/// sections of a role × level page, each as domain groups.
pub(crate) fn job(
    catalog: &Catalog,
    role: usize,
    level: usize,
) -> [Vec<(usize, Vec<JobItem<'_>>)>; 2] {
    let next_level = (level + 1 < catalog.levels.len()).then_some(level + 1);
    let mut sections: [Vec<(usize, Vec<JobItem<'_>>)>; 2] = [Vec::new(), Vec::new()];
    for &i in catalog.profile(role) {
        let skill = &catalog.skills[i];
        let Some(cell) = skill.cell(role, level) else {
            continue;
        };
        let section = match cell.necessity {
            Necessity::Required => &mut sections[0],
            Necessity::Optional => &mut sections[1],
        };
        let item = JobItem {
            skill: i,
            cell,
            next: next_level.map(|l| Next {
                level: l,
                cell: skill.cell(role, l),
            }),
        };
        // The profile is ordered by domain, so a new domain starts a group.
        match section.last_mut() {
            Some((d, items)) if *d == skill.domain => items.push(item),
            _ => section.push((skill.domain, vec![item])),
        }
    }
    sections
}

/// The one-character mark of a necessity: ● required, ○ optional. Always
/// shown with its word nearby (or as a tooltip and label), never alone.
pub(crate) fn mark(n: Necessity) -> &'static str {
    match n {
        Necessity::Required => "●",
        Necessity::Optional => "○",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    #[test]
    fn a_job_lists_required_skills_first_grouped_by_domain() {
        let c = load_embedded().unwrap().catalog;
        let role = c.role_index("data-scientist").unwrap();
        let lead = c.level_index("lead").unwrap();
        let [required, optional] = job(&c, role, lead);
        let (r, o) = c.role_level_counts(role, lead);
        assert_eq!(required.iter().map(|g| g.1.len()).sum::<usize>(), r);
        assert_eq!(optional.iter().map(|g| g.1.len()).sum::<usize>(), o);
        for section in [&required, &optional] {
            let domains: Vec<usize> = section.iter().map(|g| g.0).collect();
            assert!(domains.windows(2).all(|w| w[0] < w[1]), "{domains:?}");
        }
        assert!(
            required
                .iter()
                .flat_map(|g| &g.1)
                .all(|i| i.cell.necessity == Necessity::Required)
        );
        // At the top level there is no next level.
        let top = c.levels.len() - 1;
        let [req, opt] = job(&c, role, top);
        assert!(
            req.iter()
                .chain(&opt)
                .flat_map(|g| &g.1)
                .all(|i| i.next.is_none())
        );
    }
}
