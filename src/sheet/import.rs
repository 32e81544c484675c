//! A spreadsheet (CSV) read into the files of a directory catalog.
//!
//! Two shapes are read. The *long form* is what [`super::export`] writes:
//! a `role` and a `level` column, one row per cell. The *wide form* is
//! what spreadsheets use: `skill, domain, <level>, <level>, …`, with a
//! `role` column or one role for every row, each level column holding that
//! level's expectation (optional; an empty cell is no expectation).
//!
//! Levels, roles and domains are matched, by id or by any of their names
//! (any case), against the catalog the import is made against: a match
//! keeps that catalog's id, names and summary, and the catalog's order for
//! levels. Anything else becomes new, with an ASCII slug of its name as id.
//! Skills are identified by the `skill_id` column when there is one, else
//! by an ASCII slug of the name (de-duplicated; `skill-<n>` for a name with
//! no ASCII letter or digit). A skill whose `skill_id` is one of that
//! catalog's skills keeps what a spreadsheet has no column for (summary,
//! tags, date, names in other languages), so export → edit → import loses
//! nothing.
//!
//! Every problem is reported as `FILE:ROW:COLUMN`, rows and columns
//! counted as a spreadsheet shows them (the header is row 1; a field with
//! line breaks is still one row), and nothing is made unless there is none.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::{EXAMPLE_SEPARATOR, slug, unguard};
use crate::catalog::{Catalog, Diagnostic, Named, Necessity, Severity, Skill};

/// The CSV to read: its bytes and how to name it in messages.
pub struct Source<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

/// The files of the catalog made: paths relative to its folder, and their
/// TOML text; and the same catalog as one file, for checking it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub files: Vec<(PathBuf, String)>,
    pub one_file: String,
}

/// The CSV's problems, each at `FILE:ROW:COLUMN`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the CSV has {} problem(s)", self.diagnostics.len())]
pub struct ImportError {
    pub diagnostics: Vec<Diagnostic>,
}

/// A level, role or domain of the catalog being made.
struct Item<'b> {
    id: String,
    name: String,
    base: Option<&'b Named>,
}

/// Levels, roles or domains as they are met in the CSV.
struct Items<'b> {
    kind: &'static str,
    base: &'b [Named],
    items: Vec<Item<'b>>,
    by_key: HashMap<String, usize>,
}

impl<'b> Items<'b> {
    fn new(kind: &'static str, base: &'b [Named]) -> Self {
        Items {
            kind,
            base,
            items: Vec::new(),
            by_key: HashMap::new(),
        }
    }

    /// The item named `given` (an id or a name), made when new.
    fn get(&mut self, given: &str) -> usize {
        let key = given.trim().to_lowercase();
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let base = self.base.iter().find(|n| {
            n.id.to_lowercase() == key || n.all_names().any(|name| name.to_lowercase() == key)
        });
        let (id, name) = match base {
            Some(n) => (n.id.clone(), n.written_name().to_string()),
            None => {
                let mut id = slug(given);
                if id.is_empty() {
                    id = format!("{}-{}", self.kind, self.items.len() + 1);
                }
                let stem = id.clone();
                let mut n = 2;
                while self.items.iter().any(|i| i.id == id) {
                    id = format!("{stem}-{n}");
                    n += 1;
                }
                (id, given.trim().to_string())
            }
        };
        if let Some(i) = self.items.iter().position(|i| i.id == id) {
            self.by_key.insert(key, i);
            return i;
        }
        self.items.push(Item { id, name, base });
        self.by_key.insert(key, self.items.len() - 1);
        self.items.len() - 1
    }
}

/// One cell read from a row.
struct CellIn {
    role: usize,
    level: usize,
    necessity: Necessity,
    proficiency: Option<String>,
    intro: String,
    behaviours: Vec<(String, Vec<String>)>,
    examples: Vec<String>,
}

struct SkillIn<'b> {
    id: String,
    name: String,
    domain: usize,
    cumulative: Option<bool>,
    base: Option<&'b Skill>,
    cells: Vec<CellIn>,
}

/// Collects problems with their place.
struct Problems<'a> {
    path: &'a str,
    list: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn at(&mut self, row: u64, col: usize, message: impl Into<String>) {
        self.list.push(Diagnostic {
            line: usize::try_from(row).unwrap_or(usize::MAX),
            col,
            ..Diagnostic::at_file(Severity::Error, self.path, message)
        });
    }
}

/// Which column holds what, by header name (any case).
struct Header {
    skill_id: Option<usize>,
    skill: Option<usize>,
    domain: Option<usize>,
    cumulative: Option<usize>,
    role: Option<usize>,
    level: Option<usize>,
    necessity: Option<usize>,
    proficiency: Option<usize>,
    text: Option<usize>,
    behaviours: Option<usize>,
    examples: Option<usize>,
    /// The wide form's level columns: position and header.
    levels: Vec<(usize, String)>,
}

impl Header {
    fn read(fields: &csv::StringRecord, p: &mut Problems<'_>) -> Header {
        let mut h = Header {
            skill_id: None,
            skill: None,
            domain: None,
            cumulative: None,
            role: None,
            level: None,
            necessity: None,
            proficiency: None,
            text: None,
            behaviours: None,
            examples: None,
            levels: Vec::new(),
        };
        let long = fields
            .iter()
            .any(|f| unguard(f).trim().eq_ignore_ascii_case("level"));
        for (i, f) in fields.iter().enumerate() {
            let name = unguard(f).trim();
            let slot = match name.to_lowercase().as_str() {
                "skill_id" => &mut h.skill_id,
                "skill" => &mut h.skill,
                "domain" => &mut h.domain,
                "cumulative" => &mut h.cumulative,
                "role" => &mut h.role,
                "level" => &mut h.level,
                "necessity" => &mut h.necessity,
                "proficiency" => &mut h.proficiency,
                "text" => &mut h.text,
                "behaviours" => &mut h.behaviours,
                "examples" => &mut h.examples,
                _ if long => {
                    p.at(
                        1,
                        i + 1,
                        format!(
                            "unknown column `{name}`; the long form's columns are {}",
                            super::COLUMNS.join(", ")
                        ),
                    );
                    continue;
                }
                _ => {
                    if name.is_empty() {
                        p.at(
                            1,
                            i + 1,
                            "a level column needs a level's id or name as its header",
                        );
                    } else {
                        h.levels.push((i, name.to_string()));
                    }
                    continue;
                }
            };
            if slot.is_some() {
                p.at(1, i + 1, format!("column `{name}` appears twice"));
            }
            *slot = Some(i);
        }
        if h.skill.is_none() && h.skill_id.is_none() {
            p.at(
                1,
                1,
                "no `skill` column: a row needs the skill's name (or a `skill_id` column)",
            );
        }
        if h.domain.is_none() {
            p.at(1, 1, "no `domain` column: each skill belongs to a domain");
        }
        if long && h.role.is_none() {
            p.at(1, 1, "no `role` column");
        }
        if !long && h.levels.is_empty() {
            p.at(
                1,
                1,
                "no level columns: a wide sheet has `skill, domain` and one column per level (or the long form's `role` and `level` columns)",
            );
        }
        h
    }

    fn is_long(&self) -> bool {
        self.level.is_some()
    }
}

fn field(row: &csv::StringRecord, col: Option<usize>) -> &str {
    col.and_then(|c| row.get(c))
        .map_or("", |f| unguard(f).trim())
}

/// The lines of a multi-line field, trimmed, blank ones left out, a list
/// marker (`- `, `* `) removed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let l = l.trim();
            l.strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .unwrap_or(l)
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Reads `src` into a directory catalog, matching names against `base`;
/// `role` names the role of every row of a wide sheet without a `role`
/// column.
pub fn import(
    src: &Source<'_>,
    base: &Catalog,
    role: Option<&str>,
) -> Result<Imported, ImportError> {
    let mut p = Problems {
        path: src.path,
        list: Vec::new(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(src.bytes);
    let mut records = Vec::new();
    for r in reader.records() {
        match r {
            Ok(r) => records.push(r),
            Err(e) => {
                // Rows are counted as a spreadsheet counts them (records,
                // the header being row 1), not as lines of the file.
                let row = e.position().map_or(1, |pos| pos.record() + 1);
                p.at(row, 1, format!("cannot read the CSV: {e}"));
                return Err(ImportError {
                    diagnostics: p.list,
                });
            }
        }
    }
    let Some((head, rows)) = records.split_first() else {
        p.at(1, 1, "the file is empty: it needs a header row");
        return Err(ImportError {
            diagnostics: p.list,
        });
    };
    let header = Header::read(head, &mut p);
    if !p.list.is_empty() {
        return Err(ImportError {
            diagnostics: p.list,
        });
    }
    let mut levels = Items::new("level", &base.levels);
    let mut roles = Items::new("role", &base.roles);
    let mut domains = Items::new("domain", &base.domains);
    // The wide form's levels, in header order, made first so that new ones
    // keep the sheet's order.
    let wide_levels: Vec<(usize, usize)> = header
        .levels
        .iter()
        .map(|(col, name)| (*col, levels.get(name)))
        .collect();
    let fixed_role = match (header.is_long() || header.role.is_some(), role) {
        (false, Some(r)) => Some(roles.get(r)),
        (false, None) => {
            p.at(
                1,
                1,
                "no `role` column: add one, or name the role of every row with --role ROLE",
            );
            return Err(ImportError {
                diagnostics: p.list,
            });
        }
        (true, _) => None,
    };
    let mut skills: Vec<SkillIn<'_>> = Vec::new();
    let mut skill_of_key: HashMap<String, usize> = HashMap::new();
    let mut nameless = 0;
    // Level order seen within each skill and role (long form), for new levels.
    let mut seen_order: Vec<(usize, usize)> = Vec::new();
    let mut cells_seen: HashSet<(usize, usize, usize)> = HashSet::new();
    for (i, row) in rows.iter().enumerate() {
        // The header is row 1, as a spreadsheet numbers it.
        let line = i as u64 + 2;
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let col = |c: Option<usize>| c.map_or(1, |c| c + 1);
        let name = field(row, header.skill);
        let given_id = field(row, header.skill_id);
        if name.is_empty() && given_id.is_empty() {
            p.at(line, col(header.skill), "the skill's name is empty");
            continue;
        }
        if !given_id.is_empty() && !crate::catalog::is_valid_id(given_id) {
            p.at(
                line,
                col(header.skill_id),
                format!(
                    "invalid skill_id `{given_id}`: ids use only ASCII letters, digits, `-` and `_`"
                ),
            );
            continue;
        }
        let domain_name = field(row, header.domain);
        if domain_name.is_empty() {
            p.at(
                line,
                col(header.domain),
                "the domain is empty; name the skill's domain",
            );
            continue;
        }
        let domain = domains.get(domain_name);
        let key = if given_id.is_empty() {
            format!("name:{}", name.to_lowercase())
        } else {
            format!("id:{given_id}")
        };
        let s = match skill_of_key.get(&key) {
            Some(&s) => s,
            None => {
                let id = if given_id.is_empty() {
                    let mut id = slug(name);
                    if id.is_empty() {
                        nameless += 1;
                        id = format!("skill-{nameless}");
                    }
                    let stem = id.clone();
                    let mut n = 2;
                    while skills.iter().any(|s| s.id == id) {
                        id = format!("{stem}-{n}");
                        n += 1;
                    }
                    id
                } else {
                    given_id.to_string()
                };
                let base_skill = (!given_id.is_empty())
                    .then(|| base.skill_index(given_id))
                    .flatten()
                    .map(|i| &base.skills[i]);
                skills.push(SkillIn {
                    name: if name.is_empty() {
                        base_skill.map_or_else(|| id.clone(), |b| b.written_name().to_string())
                    } else {
                        name.to_string()
                    },
                    id,
                    domain,
                    cumulative: None,
                    base: base_skill,
                    cells: Vec::new(),
                });
                skill_of_key.insert(key, skills.len() - 1);
                skills.len() - 1
            }
        };
        if skills[s].domain != domain {
            p.at(
                line,
                col(header.domain),
                format!(
                    "skill `{}` is in domain `{}` on an earlier row; a skill has one domain",
                    skills[s].id, domains.items[skills[s].domain].name
                ),
            );
            continue;
        }
        let cumulative = field(row, header.cumulative);
        if !cumulative.is_empty() {
            let value = match cumulative.to_lowercase().as_str() {
                "true" | "yes" | "1" => Some(true),
                "false" | "no" | "0" => Some(false),
                _ => {
                    p.at(
                        line,
                        col(header.cumulative),
                        format!("`cumulative` is `{cumulative}`; write true or false (or leave it empty)"),
                    );
                    None
                }
            };
            match (skills[s].cumulative, value) {
                (Some(a), Some(b)) if a != b => p.at(
                    line,
                    col(header.cumulative),
                    format!(
                        "skill `{}` has cumulative = {a} on an earlier row",
                        skills[s].id
                    ),
                ),
                (_, Some(b)) => skills[s].cumulative = Some(b),
                _ => {}
            }
        }
        let role = match fixed_role {
            Some(r) => r,
            None => {
                let r = field(row, header.role);
                if r.is_empty() {
                    p.at(line, col(header.role), "the role is empty");
                    continue;
                }
                roles.get(r)
            }
        };
        let necessity = match field(row, header.necessity).to_lowercase().as_str() {
            "" | "optional" => Necessity::Optional,
            "required" => Necessity::Required,
            other => {
                p.at(
                    line,
                    col(header.necessity),
                    format!("unknown necessity `{other}`; valid values: `required`, `optional` (empty is optional)"),
                );
                continue;
            }
        };
        let proficiency =
            Some(field(row, header.proficiency).to_string()).filter(|x| !x.is_empty());
        let mut targets: Vec<(usize, usize, String)> = Vec::new();
        if header.is_long() {
            let level = field(row, header.level);
            if level.is_empty() {
                p.at(line, col(header.level), "the level is empty");
                continue;
            }
            let level = levels.get(level);
            seen_order.push((s * 1_000_000 + role, level));
            targets.push((level, col(header.text), field(row, header.text).to_string()));
        } else {
            for &(c, level) in &wide_levels {
                let text = row.get(c).map_or("", |f| unguard(f).trim());
                if !text.is_empty() {
                    targets.push((level, c + 1, text.to_string()));
                }
            }
        }
        for (level, text_col, text) in targets {
            if !cells_seen.insert((s, role, level)) {
                p.at(
                    line,
                    text_col,
                    format!(
                        "skill `{}` already has an expectation for {} at {} on an earlier row",
                        skills[s].id, roles.items[role].name, levels.items[level].name
                    ),
                );
                continue;
            }
            let given: Vec<String> = lines(field(row, header.behaviours));
            let split = crate::catalog::split_bullets(&text);
            let (intro, mut behaviours) = match (split, given.is_empty()) {
                (Some(_), false) => {
                    p.at(
                        line,
                        text_col,
                        "the text is a bullet list and the `behaviours` column is filled too; write the behaviours in one of them",
                    );
                    continue;
                }
                (Some(b), true) => (
                    b.intro,
                    b.behaviours
                        .into_iter()
                        .map(|b| (b.text, b.examples))
                        .collect::<Vec<_>>(),
                ),
                (None, _) => (
                    text.clone(),
                    given.into_iter().map(|b| (b, Vec::new())).collect(),
                ),
            };
            let behaviours_col = if header.is_long() {
                col(header.behaviours)
            } else {
                text_col
            };
            let mut bad = false;
            for (i, (b, _)) in behaviours.iter().enumerate() {
                if b.is_empty() {
                    p.at(
                        line,
                        behaviours_col,
                        "an empty behaviour (a bullet with no text)",
                    );
                    bad = true;
                } else if behaviours[..i].iter().any(|(o, _)| o == b) {
                    p.at(
                        line,
                        behaviours_col,
                        format!("duplicate behaviour `{b}` in one expectation"),
                    );
                    bad = true;
                }
            }
            if intro.is_empty() && behaviours.is_empty() {
                p.at(
                    line,
                    text_col,
                    "the row has no text and no behaviours: write what is expected",
                );
                bad = true;
            }
            let mut examples = Vec::new();
            for e in lines(field(row, header.examples)) {
                let owner = e.split_once(EXAMPLE_SEPARATOR.trim()).and_then(|(b, ex)| {
                    let b = b.trim();
                    behaviours
                        .iter()
                        .position(|(t, _)| t == b)
                        .map(|i| (i, ex.trim()))
                });
                match owner {
                    Some((i, ex)) if !ex.is_empty() => behaviours[i].1.push(ex.to_string()),
                    _ => examples.push(e),
                }
            }
            if bad {
                continue;
            }
            skills[s].cells.push(CellIn {
                role,
                level,
                necessity,
                proficiency: proficiency.clone(),
                intro,
                behaviours,
                examples,
            });
        }
    }
    if !p.list.is_empty() {
        return Err(ImportError {
            diagnostics: p.list,
        });
    }
    let level_order = order_levels(&levels, &seen_order);
    Ok(write(
        base,
        src.path,
        &levels,
        &level_order,
        &roles,
        &domains,
        &skills,
    ))
}

/// The title of the catalog made: the base catalog's own when the sheet
/// holds any of its skills (an edit of that catalog, such as its own
/// export), else the sheet's file name without its extension (a new
/// ladder, which should not carry another catalog's title).
fn title_of<'a>(base: &'a Catalog, sheet: &'a str, skills: &[SkillIn<'_>]) -> Option<&'a str> {
    if skills.iter().any(|s| s.base.is_some()) {
        return base.title.as_deref();
    }
    std::path::Path::new(sheet)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .map(str::trim)
        .filter(|stem| !stem.is_empty())
}

/// The order of the levels made: the base catalog's order for its own
/// levels, and for new ones the order rows give them (within a skill and
/// role, a row's level comes after the previous row's), ties broken by
/// first appearance.
fn order_levels(levels: &Items<'_>, seen: &[(usize, usize)]) -> Vec<usize> {
    let n = levels.items.len();
    let mut after: Vec<HashSet<usize>> = vec![HashSet::new(); n];
    let mut before_count = vec![0usize; n];
    let mut add = |a: usize, b: usize, after: &mut Vec<HashSet<usize>>| {
        if a != b && !after[b].contains(&a) && after[a].insert(b) {
            before_count[b] += 1;
        }
    };
    // The base's own levels keep its order.
    let mut based: Vec<(usize, usize)> = levels
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            item.base
                .and_then(|b| levels.base.iter().position(|x| x.id == b.id))
                .map(|pos| (pos, i))
        })
        .collect();
    based.sort_unstable();
    for w in based.windows(2) {
        add(w[0].1, w[1].1, &mut after);
    }
    for w in seen.windows(2) {
        if w[0].0 == w[1].0 {
            add(w[0].1, w[1].1, &mut after);
        }
    }
    // Kahn's algorithm, smallest first-appearance index first; a cycle
    // (contradicting rows) falls back to first appearance.
    let mut out = Vec::with_capacity(n);
    let mut done = vec![false; n];
    while out.len() < n {
        let next = (0..n)
            .find(|&i| !done[i] && before_count[i] == 0)
            .or_else(|| (0..n).find(|&i| !done[i]));
        let Some(i) = next else { break };
        done[i] = true;
        out.push(i);
        for &j in &after[i] {
            before_count[j] = before_count[j].saturating_sub(1);
        }
    }
    out
}

/// A TOML string (basic, escaped).
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn names_table(pairs: &[(String, String)]) -> String {
    let inner: Vec<String> = pairs
        .iter()
        .map(|(lang, text)| format!("{} = {}", q(lang), q(text)))
        .collect();
    format!("{{ {} }}", inner.join(", "))
}

fn named_toml(out: &mut String, table: &str, item: &Item<'_>) {
    out.push_str(&format!(
        "\n[[{table}]]\nid = {}\nname = {}\n",
        q(&item.id),
        q(&item.name)
    ));
    if let Some(b) = item.base {
        if !b.i18n.names().is_empty() {
            out.push_str(&format!("names = {}\n", names_table(b.i18n.names())));
        }
        if let Some(summary) = b.i18n.written_summary(b.summary.as_deref()) {
            out.push_str(&format!("summary = {}\n", q(summary)));
        }
    }
}

/// The TOML of one skill; `prefix` is `expectations` in a skill file and
/// `skills.expectations` in a one-file catalog.
fn skill_toml(
    s: &SkillIn<'_>,
    prefix: &str,
    root_cumulative: bool,
    levels: &Items<'_>,
    roles: &Items<'_>,
    domains: &Items<'_>,
) -> String {
    let mut out = format!(
        "id = {}\nname = {}\ndomain = {}\n",
        q(&s.id),
        q(&s.name),
        q(&domains.items[s.domain].id)
    );
    if let Some(b) = s.base {
        if !b.i18n.names().is_empty() {
            out.push_str(&format!("names = {}\n", names_table(b.i18n.names())));
        }
        if let Some(summary) = b.i18n.written_summary(b.summary.as_deref()) {
            out.push_str(&format!("summary = {}\n", q(summary)));
        }
        if !b.i18n.summaries().is_empty() {
            out.push_str(&format!(
                "summaries = {}\n",
                names_table(b.i18n.summaries())
            ));
        }
        if !b.tags.is_empty() {
            let tags: Vec<String> = b.tags.iter().map(|t| q(t)).collect();
            out.push_str(&format!("tags = [{}]\n", tags.join(", ")));
        }
        if let Some(d) = b.updated {
            out.push_str(&format!("updated = {d}\n"));
        }
    }
    let cumulative = s.cumulative.unwrap_or(false);
    if cumulative != root_cumulative {
        out.push_str(&format!("cumulative = {cumulative}\n"));
    }
    for (r, role) in roles.items.iter().enumerate() {
        let cells: Vec<&CellIn> = s.cells.iter().filter(|c| c.role == r).collect();
        if cells.is_empty() {
            continue;
        }
        out.push_str(&format!("\n[{prefix}.{}]\n", role.id));
        for c in cells {
            let mut parts: Vec<String> = Vec::new();
            if !c.intro.is_empty() {
                parts.push(format!("text = {}", q(&c.intro)));
            }
            if c.necessity == Necessity::Required {
                parts.push("necessity = \"required\"".to_string());
            }
            if let Some(p) = &c.proficiency {
                parts.push(format!("proficiency = {}", q(p)));
            }
            if !c.behaviours.is_empty() {
                let items: Vec<String> = c
                    .behaviours
                    .iter()
                    .map(|(b, ex)| {
                        if ex.is_empty() {
                            q(b)
                        } else {
                            let ex: Vec<String> = ex.iter().map(|e| q(e)).collect();
                            format!("{{ text = {}, examples = [{}] }}", q(b), ex.join(", "))
                        }
                    })
                    .collect();
                parts.push(format!("behaviours = [{}]", items.join(", ")));
            }
            if !c.examples.is_empty() {
                let ex: Vec<String> = c.examples.iter().map(|e| q(e)).collect();
                parts.push(format!("examples = [{}]", ex.join(", ")));
            }
            out.push_str(&format!(
                "{} = {{ {} }}\n",
                levels.items[c.level].id,
                parts.join(", ")
            ));
        }
    }
    out
}

fn write(
    base: &Catalog,
    sheet: &str,
    levels: &Items<'_>,
    level_order: &[usize],
    roles: &Items<'_>,
    domains: &Items<'_>,
    skills: &[SkillIn<'_>],
) -> Imported {
    let root_cumulative = !skills.is_empty() && skills.iter().all(|s| s.cumulative == Some(true));
    let mut root = String::from(
        "# Imported from a spreadsheet by `rungs import csv`; see docs/catalog-format.md.\n",
    );
    if let Some(title) = title_of(base, sheet, skills) {
        root.push_str(&format!("title = {}\n", q(title)));
    }
    if root_cumulative {
        root.push_str("cumulative = true\n");
    }
    for &l in level_order {
        named_toml(&mut root, "levels", &levels.items[l]);
    }
    for r in &roles.items {
        named_toml(&mut root, "roles", r);
    }
    for d in &domains.items {
        named_toml(&mut root, "domains", d);
    }
    let mut files = vec![(PathBuf::from("catalog.toml"), root.clone())];
    let mut one_file = root;
    for s in skills {
        let body = skill_toml(s, "expectations", root_cumulative, levels, roles, domains);
        files.push((
            PathBuf::from("skills")
                .join(&domains.items[s.domain].id)
                .join(format!("{}.toml", s.id)),
            body,
        ));
        one_file.push_str("\n[[skills]]\n");
        one_file.push_str(&skill_toml(
            s,
            "skills.expectations",
            root_cumulative,
            levels,
            roles,
            domains,
        ));
    }
    Imported { files, one_file }
}
