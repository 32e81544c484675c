//! Assembling a catalog from its sources: a file, a directory tree, or the
//! embedded default, parsed and checked into a [`Catalog`].
//!
//! Loading goes in three steps so that every problem of every file is
//! reported in one run: gather the files (sorted, so the result does not
//! depend on the file system; see [`super::source`]), read the root, then
//! read the skill files in parallel against the ids the root defines, and
//! check the whole. Warnings come from [`super::lint`].

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use thiserror::Error;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, Severity, SourceFile};
use super::lint::{self, located};
use super::parse::{self, Ctx, ROOT_KEYS, Schema, SkillDef};
use super::source::{
    Budget, EMBEDDED_PREFIX, LoadOptions, MAX_CELLS, MAX_SKILLS, RawFile, decode, describe_io,
    embedded_files, external_link, gather, is_catalog_file, read_raw, shown,
};
use super::split;
use super::types::{Catalog, Origin};

/// A valid catalog and the warnings found while loading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub catalog: Catalog,
    pub warnings: Vec<Diagnostic>,
    /// The files read, for watching; empty for the embedded catalog.
    pub files: Vec<PathBuf>,
}

/// A catalog that could not be loaded: all its problems, errors first in
/// file order, then warnings.
#[derive(Debug, Clone, Error)]
#[error("the catalog has {} error(s)", self.error_count())]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// How each skill file of a directory catalog is turned into its result
/// when not simply read and parsed: the parsed-catalog cache reuses the
/// results of unchanged files. Called in parallel, with the file's position
/// in the sorted list of skill files, once the root's ids are known.
pub(super) type PerFile<'h> = &'h (dyn Fn(usize, RawFile, &Schema) -> FileResult + Sync);

/// The files of a directory catalog: its root, its skill files (sorted) and
/// the warnings found while walking it.
pub(super) struct DirFiles {
    pub root: PathBuf,
    pub skills: Vec<PathBuf>,
    pub diags: Vec<Diagnostic>,
}

/// Walks the directory catalog at `path`; an error when it has no root or
/// cannot be walked, or when a link leaves it (unless `options` allow).
pub(super) fn dir_files(path: &Path, options: &LoadOptions) -> Result<DirFiles, LoadError> {
    let display = shown(path);
    let root = path.join("catalog.toml");
    if !root.is_file() {
        return Err(single(
            &display,
            format!(
                "directory has no catalog.toml; a directory catalog needs catalog.toml at its root \
                 (with title, [[levels]], [[roles]], [[domains]]); `rungs init {display}` writes a starting point"
            ),
        ));
    }
    let mut diags = Vec::new();
    // The root file may be a link too: the same rule applies to it.
    if fs::symlink_metadata(&root).is_ok_and(|m| m.file_type().is_symlink())
        && let (Ok(target), Ok(dir)) = (fs::canonicalize(&root), fs::canonicalize(path))
        && let Some(d) = external_link(&root, &target, Some(&dir), options)
    {
        return Err(LoadError {
            diagnostics: vec![d],
        });
    }
    let skills = gather(path, options, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics: diags });
    }
    Ok(DirFiles {
        root,
        skills,
        diags,
    })
}

/// Reads a directory catalog: its root and its skill files, each skill file
/// read on the thread that parses it, so reading and parsing overlap.
/// Without `lint`, no warnings are looked for (a load whose warnings nobody
/// reads: the explorer's first frame, see `cache::load_partial`).
pub(super) fn load_dir(
    dir: DirFiles,
    per_file: Option<PerFile<'_>>,
    lint: bool,
) -> Result<Loaded, LoadError> {
    let budget = Budget::new();
    let root = read_raw(&dir.root, &budget);
    let skills: Vec<RawFile> = dir
        .skills
        .iter()
        .map(|p| RawFile::later(p.clone(), budget.clone()))
        .collect();
    let mut files = vec![dir.root];
    files.extend(dir.skills);
    build(root, skills, dir.diags, per_file, lint).map(|(catalog, warnings)| Loaded {
        catalog,
        warnings,
        files,
    })
}

/// Loads the catalog at `path`: a `.toml` file or a directory.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_path_with(path, &LoadOptions::default())
}

/// Loads the catalog at `path` as `options` say.
pub fn load_path_with(path: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let display = shown(path);
    let meta = fs::metadata(path).map_err(|e| single(&display, describe_io(&e, "catalog")))?;
    if meta.is_dir() {
        load_dir(dir_files(path, options)?, None, true)
    } else {
        let root = read_raw(path, &Budget::new());
        build(root, Vec::new(), Vec::new(), None, true).map(|(catalog, warnings)| Loaded {
            catalog,
            warnings,
            files: vec![path.to_path_buf()],
        })
    }
}

/// Loads a one-file catalog from text in memory, as if read from a file
/// named `path_display` (used in messages only; nothing is read from disk).
/// For tests and fuzzing: the same checks as [`load_path`] on a `.toml` file.
pub fn load_str(path_display: &str, text: &str) -> Result<Loaded, LoadError> {
    let root = RawFile::in_memory(
        super::clean::clean(path_display, true).text,
        text.as_bytes().to_vec(),
    );
    build(root, Vec::new(), Vec::new(), None, true).map(|(catalog, warnings)| Loaded {
        catalog,
        warnings,
        files: Vec::new(),
    })
}

/// Loads the default catalog compiled into the binary.
pub fn load_embedded() -> Result<Loaded, LoadError> {
    let files = embedded_files()
        .into_iter()
        .map(|(path, bytes)| (path, bytes.to_vec()))
        .collect();
    load_files(EMBEDDED_PREFIX, files)
}

/// Loads a directory catalog whose files are in memory (the embedded
/// catalog, or one read out of git by `rungs diff`): `files` are paths
/// relative to the catalog folder with their bytes, `catalog.toml` among
/// them. Messages name each file `prefix/path`. Hidden and non-`.toml` files
/// are skipped, as when reading a folder.
pub fn load_files(prefix: &str, mut files: Vec<(PathBuf, Vec<u8>)>) -> Result<Loaded, LoadError> {
    // Sorted, so the result does not depend on the order given.
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut root = None;
    let mut skills = Vec::new();
    for (path, bytes) in files {
        let raw = RawFile::in_memory(
            super::clean::clean(&format!("{prefix}/{}", path.display()), true).text,
            bytes,
        );
        if path == Path::new("catalog.toml") {
            root = Some(raw);
        } else if is_catalog_file(&path) {
            skills.push(raw);
        }
    }
    let root = root.ok_or_else(|| {
        single(
            prefix,
            "directory has no catalog.toml; a directory catalog needs catalog.toml at its root",
        )
    })?;
    build(root, skills, Vec::new(), None, true).map(|(catalog, warnings)| Loaded {
        catalog,
        warnings,
        files: Vec::new(),
    })
}

fn single(path: &str, message: impl Into<String>) -> LoadError {
    LoadError {
        diagnostics: vec![Diagnostic::at_file(Severity::Error, path, message)],
    }
}

/// Parses TOML, turning a syntax error into a located diagnostic.
fn parse_toml<'s>(file: &'s SourceFile) -> Result<toml::Spanned<DeTable<'s>>, Diagnostic> {
    DeTable::parse(&file.text).map_err(|e| {
        let span = file.error_span(e.span(), e.message());
        let message = e.message().trim().replace('\n', "; ");
        file.diagnostic(
            Severity::Error,
            span,
            format!("TOML syntax: {}", super::clean::clean(&message, true).text),
        )
    })
}

/// What one skill file yields: its skill (none on error) and its
/// diagnostics.
pub(super) type FileResult = (Option<SkillDef>, Vec<Diagnostic>);

/// Reads, parses and checks one skill file against the root's ids.
pub(super) fn skill_file(raw: RawFile, schema: &Schema) -> FileResult {
    let file = match decode(raw) {
        Ok(f) => f,
        Err(d) => return (None, d.into_iter().collect()),
    };
    let doc = match parse_toml(&file) {
        Ok(doc) => doc,
        Err(d) => return (None, vec![d]),
    };
    let mut ctx = Ctx::new(&file);
    // A second catalog root below the first (say, a copied catalog.toml)
    // would otherwise read as a skill with many unknown keys.
    let table = doc.get_ref();
    if ["levels", "roles", "domains", "skills"]
        .iter()
        .any(|k| parse::get(table, k).is_some())
    {
        ctx.error(
            0..0,
            "this file looks like a catalog root (it has [[levels]], [[roles]], [[domains]] or [[skills]]), \
             but only the catalog.toml at the top of the folder is one; every other .toml file below it is one skill. \
             Move it out of the catalog folder, or rename it to start with `.` so it is skipped",
        );
        return (None, ctx.diags);
    }
    let span = 0..0;
    let def = parse::skill(&mut ctx, table, &span, schema, "expectations");
    (def, ctx.diags)
}

/// Reads the root and the skill files and checks the whole catalog.
fn build(
    root: RawFile,
    skill_files: Vec<RawFile>,
    mut diags: Vec<Diagnostic>,
    per_file: Option<PerFile<'_>>,
    lint: bool,
) -> Result<(Catalog, Vec<Diagnostic>), LoadError> {
    let root_file = match decode(root) {
        Ok(f) => f,
        Err(d) => {
            diags.extend(d);
            return Err(finish_err(diags));
        }
    };
    let root_path = root_file.path.clone();
    // Refuse a file of too many skills before parsing it: the parsed TOML
    // of a one-file catalog costs kilobytes per skill, so a million tiny
    // skills would need gigabytes before the exact count below is known.
    let headers = skill_headers(&root_file.text);
    if headers.saturating_add(skill_files.len()) > MAX_SKILLS {
        diags.push(Diagnostic::at_file(
            Severity::Error,
            root_path.clone(),
            too_many_skills(headers, skill_files.len()),
        ));
        return Err(finish_err(diags));
    }
    let Root {
        title,
        cumulative,
        levels,
        roles,
        domains,
        mut skills,
        schema,
    } = match read_root(&root_file, skill_files.len(), true) {
        Ok((root, root_diags)) => {
            diags.extend(root_diags);
            root
        }
        Err(root_diags) => {
            diags.extend(root_diags);
            return Err(finish_err(diags));
        }
    };

    // Each file's skill and its diagnostics in two vectors, so that the
    // skills are gathered where they were collected (an `Option<SkillDef>`
    // is the size of a `SkillDef`) rather than copied into another vector as
    // large as the catalog while the first is alive: a load's peak memory.
    let (file_skills, file_diags): (Vec<Option<SkillDef>>, Vec<Vec<Diagnostic>>) = skill_files
        .into_par_iter()
        .enumerate()
        .map(|(i, raw)| match (&schema, per_file) {
            (Some(s), Some(f)) => f(i, raw, s),
            (Some(s), None) => skill_file(raw, s),
            (None, _) => syntax_only(raw),
        })
        .unzip();
    diags.extend(file_diags.into_iter().flatten());
    // `filter_map` collects into the same allocation (`flatten` does not,
    // and grows a new vector by doubling: 3 MB at 10,000 skills).
    #[allow(clippy::filter_map_identity)]
    let file_skills: Vec<SkillDef> = file_skills.into_iter().filter_map(|d| d).collect();
    if skills.is_empty() {
        skills = file_skills;
    } else {
        skills.extend(file_skills);
    }

    // Duplicate skill ids, across all files: name both places.
    let mut first: HashMap<&str, &SkillDef, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(skills.len(), Default::default());
    let mut dup_diags = Vec::new();
    for def in &skills {
        match first.get(def.skill.id.as_str()) {
            Some(prev) => dup_diags.push(located(
                &def.skill.origin,
                Severity::Error,
                format!(
                    "duplicate skill id `{}`; first defined at {}; ids must be unique",
                    def.skill.id, prev.skill.origin
                ),
            )),
            None => {
                first.insert(def.skill.id.as_str(), def);
            }
        }
    }
    diags.extend(dup_diags);

    if diags.iter().any(Diagnostic::is_error) {
        return Err(finish_err(diags));
    }

    let catalog = Catalog::new(
        title,
        cumulative,
        levels.iter().map(|d| d.named.clone()).collect(),
        roles.iter().map(|d| d.named.clone()).collect(),
        domains.iter().map(|d| d.named.clone()).collect(),
        skills.into_iter().map(|d| d.skill).collect(),
    );
    if lint {
        diags.extend(lint::warnings(&catalog, &roles));
    }
    Ok((catalog, diags))
}

/// What the catalog root defines, and the skills written in it.
#[derive(Default)]
struct Root {
    title: Option<String>,
    cumulative: bool,
    levels: Vec<parse::NamedDef>,
    roles: Vec<parse::NamedDef>,
    domains: Vec<parse::NamedDef>,
    skills: Vec<SkillDef>,
    /// The ids skills are checked against; `None` when the root could not
    /// be parsed.
    schema: Option<Schema>,
}

/// Reads the root file: its title, levels, roles and domains, and its
/// `[[skills]]`. With `by_skill`, a file with `[[skills]]` tables is cut
/// into its root and each skill ([`super::split`]), parsed on its own and
/// in parallel, so the parsed form of the whole file is never held at once;
/// on any TOML error there (or a shape the split does not handle) the
/// whole document is parsed instead, to report it as always. `Err` when
/// the catalog is too large to go on.
fn read_root(
    root_file: &SourceFile,
    skill_files: usize,
    by_skill: bool,
) -> Result<(Root, Vec<Diagnostic>), Vec<Diagnostic>> {
    let split = if by_skill {
        split::split(&root_file.text)
    } else {
        None
    };
    let parsed = match &split {
        Some(sp) => match DeTable::parse(&sp.root) {
            // A `skills` key left in the root (`skills = [...]`, `[skills]`)
            // mixes with the cut tables: TOML's own message is wanted.
            Ok(doc) if parse::get(doc.get_ref(), "skills").is_none() => Ok(doc),
            _ => return read_root(root_file, skill_files, false),
        },
        None => parse_toml(root_file),
    };
    let doc = match parsed {
        Ok(doc) => doc,
        Err(d) => {
            // Without the root there are no ids to check skills against;
            // still report syntax problems in the skill files.
            return Ok((Root::default(), vec![d]));
        }
    };
    let mut ctx = match &split {
        Some(sp) => Ctx::with_pieces(root_file, sp.root_pieces.clone()),
        None => Ctx::new(root_file),
    };
    let table = doc.get_ref();
    ctx.check_keys(table, ROOT_KEYS, "the catalog root");
    let title = ctx
        .string(table, &(0..0), "title", "the catalog", false, true)
        .map(|(t, _)| t);
    let cumulative = ctx.boolean(table, "cumulative").unwrap_or(false);
    let errors = |ctx: &Ctx<'_>| ctx.diags.iter().filter(|d| d.is_error()).count();
    let before = errors(&ctx);
    let levels = parse::named_list(&mut ctx, table, "levels", "a level");
    let level_errors = errors(&ctx) > before;
    let before = errors(&ctx);
    let roles = parse::named_list(&mut ctx, table, "roles", "a role");
    let role_errors = errors(&ctx) > before;
    let domains = parse::named_list(&mut ctx, table, "domains", "a domain");
    // An empty list (missing, or `levels = []`) is an error unless
    // its entries were already reported as broken.
    let at = |k: &str| parse::get(table, k).map_or(0..0, |v| v.span());
    if levels.is_empty() && !level_errors {
        ctx.error(
            at("levels"),
            "the catalog defines no levels; add at least one [[levels]] table with `id` and `name`",
        );
    }
    if roles.is_empty() && !role_errors {
        ctx.error(
            at("roles"),
            "the catalog defines no roles; add at least one [[roles]] table with `id` and `name`",
        );
    }
    for (kind, defs) in [("level", &levels), ("role", &roles), ("domain", &domains)] {
        duplicate_ids(
            &mut ctx,
            kind,
            defs.iter().map(|d| (&d.named.id, &d.id_span, &d.origin)),
        );
    }
    let s = Schema::new(
        levels.iter().map(|d| d.named.id.clone()).collect(),
        roles.iter().map(|d| d.named.id.clone()).collect(),
        domains.iter().map(|d| d.named.id.clone()).collect(),
    );
    // Refuse grids that would not fit in memory before building any.
    let root_skills = match &split {
        Some(sp) => sp.skills.len(),
        None => match parse::get(table, "skills").map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items.len(),
            _ => 0,
        },
    };
    let skill_count = root_skills + skill_files;
    if skill_count > MAX_SKILLS {
        ctx.error(0..0, too_many_skills(root_skills, skill_files));
        return Err(ctx.diags);
    }
    let cells = skill_count
        .saturating_mul(levels.len())
        .saturating_mul(roles.len());
    if cells > MAX_CELLS {
        ctx.error(
            0..0,
            format!(
                "the catalog is too large: {skill_count} skills × {} roles × {} levels make \
                 {cells} expectation cells; at most {MAX_CELLS} are allowed",
                roles.len(),
                levels.len()
            ),
        );
        return Err(ctx.diags);
    }
    let mut skills: Vec<SkillDef> = Vec::with_capacity(root_skills);
    if let Some(sp) = &split {
        // Each skill on its own, in parallel; its table's spans are offsets
        // into its own text, which starts at `r.start` in the file.
        let read: Vec<Option<(Option<SkillDef>, Vec<Diagnostic>)>> = sp
            .skills
            .par_iter()
            .with_min_len(64)
            .map(|r| {
                let doc = DeTable::parse(root_file.text.get(r.clone())?).ok()?;
                let (key, only) = {
                    let mut it = doc.get_ref().iter();
                    (it.next()?, it.next().is_none())
                };
                let DeValue::Array(items) = key.1.get_ref() else {
                    return None;
                };
                let (true, "skills", [item]) = (only, key.0.get_ref().as_ref(), &items[..]) else {
                    return None;
                };
                let DeValue::Table(t) = item.get_ref() else {
                    return None;
                };
                let mut ctx = Ctx::with_pieces(root_file, vec![(0, r.start)]);
                let def = parse::skill(&mut ctx, t, &item.span(), &s, "skills.expectations");
                Some((def, ctx.diags))
            })
            .collect();
        if read.iter().any(Option::is_none) {
            return read_root(root_file, skill_files, false);
        }
        for (def, skill_diags) in read.into_iter().flatten() {
            if let Some(def) = def {
                skills.push(def);
            }
            ctx.diags.extend(skill_diags);
        }
    } else if let Some(v) = parse::get(table, "skills") {
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    let span = item.span();
                    match item.get_ref() {
                        DeValue::Table(t) => {
                            if let Some(def) =
                                parse::skill(&mut ctx, t, &span, &s, "skills.expectations")
                            {
                                skills.push(def);
                            }
                        }
                        other => ctx.error(
                            span,
                            format!(
                                "each of `skills` must be a table (`[[skills]]`), found {}",
                                parse::type_name(other)
                            ),
                        ),
                    }
                }
            }
            other => ctx.error(
                v.span(),
                format!(
                    "`skills` must be an array of tables (`[[skills]]`), found {}",
                    parse::type_name(other)
                ),
            ),
        }
    }
    Ok((
        Root {
            title,
            cumulative,
            levels,
            roles,
            domains,
            skills,
            schema: Some(s),
        },
        ctx.diags,
    ))
}

/// How many lines of `text` are a `[[skills]]` header: an upper bound of
/// the skills a one-file catalog defines, found without parsing it.
fn skill_headers(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            l.trim_start()
                .strip_prefix("[[")
                .and_then(|r| r.trim_start().strip_prefix("skills"))
                .is_some_and(|r| r.trim_start().starts_with("]]"))
        })
        .count()
}

fn too_many_skills(in_root: usize, files: usize) -> String {
    format!(
        "the catalog has {} skills ({in_root} `[[skills]]` in the root file, {files} skill files); \
         at most {MAX_SKILLS} are allowed; split it into several catalogs",
        in_root.saturating_add(files)
    )
}

/// Without a valid root, skill files are still read for syntax errors.
fn syntax_only(raw: RawFile) -> FileResult {
    let file = match decode(raw) {
        Ok(f) => f,
        Err(d) => return (None, d.into_iter().collect()),
    };
    match parse_toml(&file) {
        Ok(_) => (None, Vec::new()),
        Err(d) => (None, vec![d]),
    }
}

fn duplicate_ids<'a>(
    ctx: &mut Ctx<'_>,
    kind: &str,
    defs: impl Iterator<Item = (&'a String, &'a parse::Span, &'a Origin)>,
) {
    let mut seen: HashMap<&str, &Origin> = HashMap::new();
    for (id, span, origin) in defs {
        if let Some(prev) = seen.get(id.as_str()) {
            ctx.error(
                span.clone(),
                format!("duplicate {kind} id `{id}`; first defined at {prev}; ids must be unique"),
            );
        } else {
            seen.insert(id, origin);
        }
    }
}

/// Orders problems by file and place, errors before warnings.
fn finish_err(mut diags: Vec<Diagnostic>) -> LoadError {
    lint::sort(&mut diags);
    LoadError { diagnostics: diags }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a root read gives, in a form to compare: everything but spans
    /// of the parsed text (which differ when it was cut; every span that
    /// leaves `read_root` does so as an origin or a diagnostic).
    fn outcome(file: &SourceFile, by_skill: bool) -> String {
        match read_root(file, 0, by_skill) {
            Ok((root, diags)) => {
                let named = |d: &[parse::NamedDef]| -> Vec<String> {
                    d.iter()
                        .map(|d| format!("{:?} {}", d.named, d.origin))
                        .collect()
                };
                let skills: Vec<String> = root
                    .skills
                    .iter()
                    .map(|d| format!("{:?}", d.skill))
                    .collect();
                format!(
                    "{:?} {} {:?} {:?} {:?} {:?} {:?} {diags:?}",
                    root.title,
                    root.cumulative,
                    named(&root.levels),
                    named(&root.roles),
                    named(&root.domains),
                    skills,
                    root.schema.map(|s| (s.levels, s.roles, s.domains)),
                )
            }
            Err(diags) => format!("refused {diags:?}"),
        }
    }

    fn same(name: &str, text: &str) {
        let file = SourceFile::new(name.to_string(), text.to_string());
        assert_eq!(
            outcome(&file, true),
            outcome(&file, false),
            "{name}:\n{text}"
        );
    }

    /// The default catalog as one file: the root, then each skill file as
    /// a `[[skills]]` table.
    fn embedded_one_file() -> String {
        let mut files = embedded_files();
        files.sort();
        let mut out = String::new();
        for (path, bytes) in &files {
            if path == Path::new("catalog.toml") {
                out.insert_str(0, std::str::from_utf8(bytes).unwrap());
            } else if is_catalog_file(path) {
                out.push_str("\n[[skills]]\n");
                for line in std::str::from_utf8(bytes).unwrap().lines() {
                    match line.strip_prefix("[expectations") {
                        Some(rest) => out.push_str(&format!("[skills.expectations{rest}")),
                        None => out.push_str(line),
                    }
                    out.push('\n');
                }
            }
        }
        out
    }

    fn fixtures() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for e in fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "toml")
                    && let Ok(text) = fs::read_to_string(&p)
                {
                    out.push((p.display().to_string(), text));
                }
            }
        }
        out.push(("embedded.toml".to_string(), embedded_one_file()));
        out
    }

    /// Reading a one-file catalog skill by skill gives exactly what
    /// parsing it whole gives: the same catalog parts and the same
    /// diagnostics at the same places, for every fixture (valid, with
    /// warnings, invalid) and every copy of them with one line removed.
    #[test]
    fn reading_by_skill_gives_what_the_whole_document_gives() {
        for (name, text) in fixtures() {
            same(&name, &text);
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.len() > 400 {
                continue; // the embedded catalog: whole, and cut below
            }
            for i in 0..lines.len() {
                let cut: String = lines[..i].concat() + &lines[i + 1..].concat();
                same(&format!("{name} without line {}", i + 1), &cut);
            }
        }
    }

    #[test]
    fn shapes_the_split_leaves_to_the_whole_parse_read_the_same() {
        let root = "[[levels]]\nid = \"a\"\nname = \"A\"\n[[roles]]\nid = \"r\"\nname = \"R\"\n\
                    [[domains]]\nid = \"d\"\nname = \"D\"\n";
        let skill = |id: &str| {
            format!(
                "[[skills]]\nid = \"{id}\"\nname = \"N\"\ndomain = \"d\"\n[skills.expectations.r]\na = \"x\"\n"
            )
        };
        let cases = [
            // Skills first, the root after them.
            format!("{}{}{root}", skill("s"), skill("t")),
            // A root table between skills.
            format!("{}{root}{}", skill("s"), skill("t")),
            // `skills` also as a key or a table of the root.
            format!("skills = []\n{root}{}", skill("s")),
            format!("{root}{}[skills]\nx = 1\n", skill("s")),
            format!("{root}[skills.expectations.r]\na = \"x\"\n{}", skill("s")),
            // A TOML error in one skill, and in the root.
            format!("{root}{}[[skills]]\nid = = 1\n", skill("s")),
            format!("{root}title = 1 2\n{}", skill("s")),
            // Duplicate keys in one skill; duplicate ids across skills.
            format!("{root}[[skills]]\nid = \"s\"\nid = \"t\"\n"),
            format!("{root}{}{}", skill("s"), skill("s")),
            // Rungs' own errors inside skills, with their places.
            format!(
                "{root}{}[[skills]]\nid = \"t\"\nnmae = 1\ndomain = \"e\"\n",
                skill("s")
            ),
            format!(
                "{root}[[skills]]\nid = \"t\"\nname = \"N\"\ndomain = \"d\"\n[skills.expectations.q]\nb = \"x\"\n"
            ),
        ];
        for (i, text) in cases.iter().enumerate() {
            same(&format!("case {i}"), text);
        }
    }

    #[test]
    fn a_valid_one_file_catalog_is_read_skill_by_skill() {
        let text = embedded_one_file();
        let sp = split::split(&text).unwrap();
        assert_eq!(sp.skills.len(), skill_headers(&text));
        let root = DeTable::parse(&sp.root).unwrap();
        assert!(parse::get(root.get_ref(), "skills").is_none());
        for r in &sp.skills {
            assert!(DeTable::parse(&text[r.clone()]).is_ok());
        }
    }
}
