//! The ladder as a static site (`rungs export --format html|markdown`):
//! an index, a page per skill, per role (its level × skill matrix) and per
//! role × level (the "job description"), with relative links only, so the
//! folder works from `file://` as well as from any web server.
//!
//! [`Site`] lists the pages and renders each as `(relative path,
//! contents)` on its own ([`build`]: all of them); the caller writes them.
//! What goes on each page is decided here, once, for both formats (the
//! page models and the walk); [`html`] and [`markdown`] implement
//! [`Render`] and only render it. The interface words
//! come from the [`crate::i18n`] table of the chosen language; catalog
//! texts are escaped by each renderer.

use std::path::PathBuf;

use crate::catalog::{Catalog, Cell, Named, Necessity, Skill, SkillCounts};
use crate::i18n::{Lang, Strings, fill};

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
    let site = Site::new(catalog, lang, format);
    let mut files = site.assets();
    files.extend(site.pages().into_iter().map(|p| site.render(p)));
    files
}

/// One page of the site, rendered on its own: the export renders pages in
/// parallel, each thread into one buffer it reuses, and writes each page as
/// soon as it is ready, so the whole site is never held in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Index,
    /// A skill, by position.
    Skill(usize),
    /// A role's matrix, by position.
    Role(usize),
    /// A role × level page, by positions.
    Job(usize, usize),
}

/// The site of one catalog in one language and format.
pub struct Site<'a> {
    catalog: &'a Catalog,
    renderer: Renderer,
}

enum Renderer {
    Html(html::Html),
    Markdown(markdown::Markdown),
}

impl<'a> Site<'a> {
    pub fn new(catalog: &'a Catalog, lang: Lang, format: SiteFormat) -> Self {
        let renderer = match format {
            SiteFormat::Html => Renderer::Html(html::Html::new(catalog, lang)),
            SiteFormat::Markdown => Renderer::Markdown(markdown::Markdown::new(catalog, lang)),
        };
        Site { catalog, renderer }
    }

    /// Files besides the pages (the stylesheet).
    pub fn assets(&self) -> Vec<SiteFile> {
        match &self.renderer {
            Renderer::Html(r) => r.assets(),
            Renderer::Markdown(r) => r.assets(),
        }
    }

    /// Every page: the index, each skill, then each role followed by its
    /// role × level pages.
    pub fn pages(&self) -> Vec<Page> {
        let c = self.catalog;
        let mut pages =
            Vec::with_capacity(1 + c.skills.len() + c.roles.len() * (1 + c.levels.len()));
        pages.push(Page::Index);
        pages.extend((0..c.skills.len()).map(Page::Skill));
        for r in 0..c.roles.len() {
            pages.push(Page::Role(r));
            pages.extend((0..c.levels.len()).map(|l| Page::Job(r, l)));
        }
        pages
    }

    /// The folders the pages go in, relative to the site's root, parents
    /// first.
    pub fn folders(&self) -> Vec<PathBuf> {
        let mut folders = vec![PathBuf::from("skills"), PathBuf::from("roles")];
        folders.extend(
            self.catalog
                .roles
                .iter()
                .map(|r| PathBuf::from("roles").join(&r.id)),
        );
        folders
    }

    /// One page: its path relative to the site's root, and its contents.
    pub fn render(&self, page: Page) -> SiteFile {
        let mut contents = String::new();
        let path = self.render_into(page, &mut contents);
        SiteFile { path, contents }
    }

    /// One page written into `out` (cleared first, its capacity kept, so a
    /// buffer reused page after page stops growing); returns the page's
    /// path relative to the site's root.
    pub fn render_into(&self, page: Page, out: &mut String) -> PathBuf {
        out.clear();
        match &self.renderer {
            Renderer::Html(r) => render(self.catalog, r, page, out),
            Renderer::Markdown(r) => render(self.catalog, r, page, out),
        }
    }
}

/// What a format does with the pages the walk decides on: it only renders.
/// Each method gets everything its page shows, links included (relative,
/// with the format's extension), and appends the whole page to `out`;
/// catalog texts come raw, for the format to escape.
pub(crate) trait Render {
    /// The extension of a page, `html` or `md`.
    const EXT: &'static str;
    /// Files every site of this format has besides the pages (a stylesheet).
    fn assets(&self) -> Vec<SiteFile>;
    fn index(&self, out: &mut String, page: &IndexPage<'_>);
    fn skill(&self, out: &mut String, page: &SkillPage<'_>);
    fn role(&self, out: &mut String, page: &RolePage<'_>);
    fn job(&self, out: &mut String, page: &JobPage<'_>);
}

/// The walk shared by the formats: where a page is written and what it
/// shows, rendered by `r` into `out`.
fn render<R: Render>(catalog: &Catalog, r: &R, page: Page, out: &mut String) -> PathBuf {
    let ext = R::EXT;
    let path = match page {
        Page::Index => {
            r.index(out, &IndexPage::new(catalog, ext));
            format!("index.{ext}")
        }
        Page::Skill(i) => {
            let skill = &catalog.skills[i];
            r.skill(out, &SkillPage::new(catalog, skill, ext));
            skill_path(&skill.id, ext)
        }
        Page::Role(role) => {
            r.role(out, &RolePage::new(catalog, role, ext));
            role_path(&catalog.roles[role].id, ext)
        }
        Page::Job(role, level) => {
            r.job(out, &JobPage::new(catalog, role, level, ext));
            role_level_path(&catalog.roles[role].id, &catalog.levels[level].id, ext)
        }
    };
    PathBuf::from(path)
}

/// Paths of the pages, relative to the site's root; `ext` is `html` or
/// `md`. Ids are ASCII letters, digits, `-` and `_` (the loader checks), so
/// they are safe file names as they are.
fn skill_path(id: &str, ext: &str) -> String {
    format!("skills/{id}.{ext}")
}

fn role_path(id: &str, ext: &str) -> String {
    format!("roles/{id}.{ext}")
}

fn role_level_path(role: &str, level: &str, ext: &str) -> String {
    format!("roles/{role}/{level}.{ext}")
}

/// The anchor of a skill on a role × level page, and of a level on a skill
/// page.
fn skill_anchor(id: &str) -> String {
    format!("skill-{id}")
}

fn level_anchor(id: &str) -> String {
    format!("level-{id}")
}

/// A link to another page of the site: its address relative to the page
/// it is on, and the catalog name it shows.
pub(crate) struct Link<'a> {
    pub href: String,
    pub label: &'a str,
}

/// The index: title, levels, roles with their pages, and every skill by
/// domain.
pub(crate) struct IndexPage<'a> {
    pub title: &'a str,
    pub levels: &'a [Named],
    pub roles: Vec<RoleEntry<'a>>,
    /// Domains that have skills, in catalog order.
    pub domains: Vec<DomainEntry<'a>>,
}

/// A role on the index: its matrix page, the size of its profile, and its
/// role × level pages.
pub(crate) struct RoleEntry<'a> {
    pub role: &'a Named,
    pub href: String,
    pub skills: usize,
    pub levels: Vec<Link<'a>>,
}

/// A domain on the index with links to its skills (as the explorer lists
/// them).
pub(crate) struct DomainEntry<'a> {
    pub domain: &'a Named,
    pub skills: Vec<Link<'a>>,
}

impl<'a> IndexPage<'a> {
    fn new(catalog: &'a Catalog, ext: &str) -> Self {
        let roles = catalog
            .roles
            .iter()
            .enumerate()
            .map(|(r, role)| RoleEntry {
                role,
                href: role_path(&role.id, ext),
                skills: catalog.profile(r).len(),
                levels: catalog
                    .levels
                    .iter()
                    .map(|l| Link {
                        href: role_level_path(&role.id, &l.id, ext),
                        label: &l.name,
                    })
                    .collect(),
            })
            .collect();
        let domains = skills_by_domain(catalog)
            .into_iter()
            .enumerate()
            .filter(|(_, skills)| !skills.is_empty())
            .map(|(d, skills)| DomainEntry {
                domain: &catalog.domains[d],
                skills: skills
                    .into_iter()
                    .map(|i| {
                        let s = &catalog.skills[i];
                        Link {
                            href: skill_path(&s.id, ext),
                            label: &s.name,
                        }
                    })
                    .collect(),
            })
            .collect();
        IndexPage {
            title: catalog.display_title(),
            levels: &catalog.levels,
            roles,
            domains,
        }
    }
}

/// A skill's page: its facts, then per level the roles' expectations.
pub(crate) struct SkillPage<'a> {
    pub site_title: &'a str,
    pub skill: &'a Skill,
    pub domain: &'a Named,
    pub counts: SkillCounts,
    /// Every level of the catalog, in order.
    pub levels: Vec<SkillLevel<'a>>,
}

/// One level of a skill page: the roles that expect something there.
pub(crate) struct SkillLevel<'a> {
    pub level: &'a Named,
    pub anchor: String,
    /// Each role's name, linking to its role × level page.
    pub rows: Vec<(Link<'a>, &'a Cell)>,
}

impl<'a> SkillPage<'a> {
    fn new(catalog: &'a Catalog, skill: &'a Skill, ext: &str) -> Self {
        let levels = catalog
            .levels
            .iter()
            .enumerate()
            .map(|(l, level)| SkillLevel {
                level,
                anchor: level_anchor(&level.id),
                rows: catalog
                    .roles
                    .iter()
                    .enumerate()
                    .filter_map(|(r, role)| {
                        let link = Link {
                            href: format!(
                                "../{}#{}",
                                role_level_path(&role.id, &level.id, ext),
                                skill_anchor(&skill.id)
                            ),
                            label: &role.name,
                        };
                        skill.cell(r, l).map(|cell| (link, cell))
                    })
                    .collect(),
            })
            .collect();
        SkillPage {
            site_title: catalog.display_title(),
            skill,
            domain: catalog.domain_of(skill),
            counts: catalog.skill_counts(skill),
            levels,
        }
    }
}

/// A role's page: the level × skill matrix of its profile.
pub(crate) struct RolePage<'a> {
    pub site_title: &'a str,
    pub role: &'a Named,
    /// The page itself, for the breadcrumb.
    pub href: String,
    /// The column heads: each level, linking to its role × level page.
    pub levels: Vec<Link<'a>>,
    /// The profile's skills by domain.
    pub groups: Vec<MatrixGroup<'a>>,
}

/// The rows of one domain in a role's matrix.
pub(crate) struct MatrixGroup<'a> {
    pub domain: &'a Named,
    pub rows: Vec<MatrixRow<'a>>,
}

/// A skill's row: its page, and per level the necessity with a link to
/// the text on the role × level page (`None` where nothing is expected).
pub(crate) struct MatrixRow<'a> {
    pub skill: Link<'a>,
    pub cells: Vec<Option<(Necessity, String)>>,
}

impl<'a> RolePage<'a> {
    fn new(catalog: &'a Catalog, role: usize, ext: &str) -> Self {
        let r = &catalog.roles[role];
        let mut groups: Vec<MatrixGroup<'a>> = Vec::new();
        for &i in catalog.profile(role) {
            let skill = &catalog.skills[i];
            let row = MatrixRow {
                skill: Link {
                    href: format!("../{}", skill_path(&skill.id, ext)),
                    label: &skill.name,
                },
                cells: catalog
                    .levels
                    .iter()
                    .enumerate()
                    .map(|(l, level)| {
                        skill.cell(role, l).map(|cell| {
                            let href =
                                format!("{}/{}.{ext}#{}", r.id, level.id, skill_anchor(&skill.id));
                            (cell.necessity, href)
                        })
                    })
                    .collect(),
            };
            // The profile is ordered by domain, so a new domain starts a group.
            let domain = catalog.domain_of(skill);
            match groups.last_mut() {
                Some(g) if std::ptr::eq(g.domain, domain) => g.rows.push(row),
                _ => groups.push(MatrixGroup {
                    domain,
                    rows: vec![row],
                }),
            }
        }
        RolePage {
            site_title: catalog.display_title(),
            role: r,
            href: format!("{}.{ext}", r.id),
            levels: catalog
                .levels
                .iter()
                .map(|level| Link {
                    href: format!("{}/{}.{ext}", r.id, level.id),
                    label: &level.name,
                })
                .collect(),
            groups,
        }
    }
}

/// A role × level page (the "job description"): every skill of the role's
/// profile expected at the level, required first, by domain.
pub(crate) struct JobPage<'a> {
    pub site_title: &'a str,
    pub role: &'a Named,
    pub level: &'a Named,
    /// The role's matrix page and this page, for the breadcrumb.
    pub role_href: String,
    pub href: String,
    /// Required and optional expectations at the level.
    pub counts: (usize, usize),
    /// The role's other levels (`None`: this page's own level, not linked).
    pub nav: Vec<(&'a str, Option<String>)>,
    /// The required, then the optional section, each only when it has
    /// skills.
    pub sections: Vec<JobSection<'a>>,
}

/// Required or optional skills of a role × level page, by domain.
pub(crate) struct JobSection<'a> {
    pub necessity: Necessity,
    pub groups: Vec<(&'a Named, Vec<JobItem<'a>>)>,
}

/// One skill of a role × level page.
pub(crate) struct JobItem<'a> {
    /// The skill's page.
    pub skill: Link<'a>,
    pub anchor: String,
    pub cell: &'a Cell,
    /// What "To reach <next level>" says, or `None` at the top level.
    pub next: Option<NextStep<'a>>,
}

/// The next level's expectation, as "To reach <next level>" shows it.
pub(crate) struct NextStep<'a> {
    /// The next level's name.
    pub level: &'a str,
    pub is: NextIs<'a>,
}

impl NextStep<'_> {
    /// The sentence under "To reach <next level>", as a template to fill
    /// with the next level's name: the same text, nothing expected, or
    /// becoming required; `None` when the next text alone says it.
    pub fn note(&self, t: &Strings) -> Option<&'static str> {
        match self.is {
            NextIs::Same => Some(t.site_same_at),
            NextIs::Nothing => Some(t.nothing_expected_at),
            NextIs::Cell {
                becomes_required: true,
                ..
            } => Some(t.becomes_required_at),
            NextIs::Cell { .. } => None,
        }
    }

    /// The next level's expectation, when it differs from this one.
    pub fn cell(&self) -> Option<&Cell> {
        match self.is {
            NextIs::Cell { cell, .. } => Some(cell),
            NextIs::Same | NextIs::Nothing => None,
        }
    }
}

/// What the next level expects, compared with this one.
pub(crate) enum NextIs<'a> {
    /// The same text and necessity.
    Same,
    /// Nothing.
    Nothing,
    /// Another expectation; `becomes_required` when this one is optional and
    /// that one required.
    Cell {
        cell: &'a Cell,
        becomes_required: bool,
    },
}

impl<'a> JobPage<'a> {
    fn new(catalog: &'a Catalog, role: usize, level: usize, ext: &str) -> Self {
        let r = &catalog.roles[role];
        let lv = &catalog.levels[level];
        let next_level = (level + 1 < catalog.levels.len()).then_some(level + 1);
        let mut required: Vec<(&'a Named, Vec<JobItem<'a>>)> = Vec::new();
        let mut optional: Vec<(&'a Named, Vec<JobItem<'a>>)> = Vec::new();
        for &i in catalog.profile(role) {
            let skill = &catalog.skills[i];
            let Some(cell) = skill.cell(role, level) else {
                continue;
            };
            let next = next_level.map(|l| NextStep {
                level: &catalog.levels[l].name,
                is: match skill.cell(role, l) {
                    Some(c) if c == cell => NextIs::Same,
                    None => NextIs::Nothing,
                    Some(c) => NextIs::Cell {
                        cell: c,
                        becomes_required: c.necessity == Necessity::Required
                            && cell.necessity == Necessity::Optional,
                    },
                },
            });
            let item = JobItem {
                skill: Link {
                    href: format!("../../{}", skill_path(&skill.id, ext)),
                    label: &skill.name,
                },
                anchor: skill_anchor(&skill.id),
                cell,
                next,
            };
            let section = match cell.necessity {
                Necessity::Required => &mut required,
                Necessity::Optional => &mut optional,
            };
            // The profile is ordered by domain, so a new domain starts a group.
            let domain = catalog.domain_of(skill);
            match section.last_mut() {
                Some((d, items)) if std::ptr::eq(*d, domain) => items.push(item),
                _ => section.push((domain, vec![item])),
            }
        }
        let sections = [
            (Necessity::Required, required),
            (Necessity::Optional, optional),
        ]
        .into_iter()
        .filter(|(_, groups)| !groups.is_empty())
        .map(|(necessity, groups)| JobSection { necessity, groups })
        .collect();
        JobPage {
            site_title: catalog.display_title(),
            role: r,
            level: lv,
            role_href: format!("../{}.{ext}", r.id),
            href: format!("{}.{ext}", lv.id),
            counts: catalog.role_level_counts(role, level),
            nav: catalog
                .levels
                .iter()
                .enumerate()
                .map(|(l, other)| {
                    let href = (l != level).then(|| format!("{}.{ext}", other.id));
                    (other.name.as_str(), href)
                })
                .collect(),
            sections,
        }
    }
}

/// Every skill position, grouped by domain in catalog order, then by name
/// (as the explorer lists them).
fn skills_by_domain(catalog: &Catalog) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); catalog.domains.len()];
    for &i in &crate::report::listing::skills_in_order(catalog) {
        if let Some(g) = groups.get_mut(catalog.skills[i].domain) {
            g.push(i);
        }
    }
    groups
}

/// A role × level page's counts of required and optional skills.
pub(crate) fn level_counts_text(t: &Strings, (required, optional): (usize, usize)) -> String {
    fill(
        t.site_level_counts,
        &[
            ("required", &required.to_string()),
            ("optional", &optional.to_string()),
        ],
    )
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
        let page = JobPage::new(&c, role, lead, "html");
        let [required, optional] = &page.sections[..] else {
            panic!("two sections at Lead");
        };
        assert_eq!(required.necessity, Necessity::Required);
        assert_eq!(optional.necessity, Necessity::Optional);
        let (r, o) = c.role_level_counts(role, lead);
        assert_eq!(page.counts, (r, o));
        assert_eq!(required.groups.iter().map(|g| g.1.len()).sum::<usize>(), r);
        assert_eq!(optional.groups.iter().map(|g| g.1.len()).sum::<usize>(), o);
        for section in [required, optional] {
            let domains: Vec<usize> = section
                .groups
                .iter()
                .map(|g| c.domains.iter().position(|d| std::ptr::eq(d, g.0)).unwrap())
                .collect();
            assert!(domains.windows(2).all(|w| w[0] < w[1]), "{domains:?}");
        }
        assert!(
            required
                .groups
                .iter()
                .flat_map(|g| &g.1)
                .all(|i| i.cell.necessity == Necessity::Required)
        );
        // Links are relative to the page, two folders down.
        let first = &required.groups[0].1[0];
        assert!(
            first.skill.href.starts_with("../../skills/"),
            "{}",
            first.skill.href
        );
        assert!(first.skill.href.ends_with(".html"));
        // At the top level there is no next level.
        let top = c.levels.len() - 1;
        let page = JobPage::new(&c, role, top, "md");
        assert!(
            page.sections
                .iter()
                .flat_map(|s| &s.groups)
                .flat_map(|g| &g.1)
                .all(|i| i.next.is_none())
        );
        assert_eq!(page.nav[top].1, None, "the page's own level is not a link");
        assert_eq!(page.nav[0].1.as_deref(), Some("junior.md"));
    }
}
