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
pub(super) fn load_dir(dir: DirFiles, per_file: Option<PerFile<'_>>) -> Result<Loaded, LoadError> {
    let budget = Budget::new();
    let root = read_raw(&dir.root, &budget);
    let skills: Vec<RawFile> = dir
        .skills
        .iter()
        .map(|p| RawFile::later(p.clone(), budget.clone()))
        .collect();
    let mut files = vec![dir.root];
    files.extend(dir.skills);
    build(root, skills, dir.diags, per_file).map(|(catalog, warnings)| Loaded {
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
        load_dir(dir_files(path, options)?, None)
    } else {
        let root = read_raw(path, &Budget::new());
        build(root, Vec::new(), Vec::new(), None).map(|(catalog, warnings)| Loaded {
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
    build(root, Vec::new(), Vec::new(), None).map(|(catalog, warnings)| Loaded {
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
    build(root, skills, Vec::new(), None).map(|(catalog, warnings)| Loaded {
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

/// What one skill file yields: its skills (one, or none on error) and its
/// diagnostics.
pub(super) type FileResult = (Vec<(SkillDef, String)>, Vec<Diagnostic>);

/// Reads, parses and checks one skill file against the root's ids.
pub(super) fn skill_file(raw: RawFile, schema: &Schema) -> FileResult {
    let file = match decode(raw) {
        Ok(f) => f,
        Err(d) => return (Vec::new(), d.into_iter().collect()),
    };
    let doc = match parse_toml(&file) {
        Ok(doc) => doc,
        Err(d) => return (Vec::new(), vec![d]),
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
        return (Vec::new(), ctx.diags);
    }
    let span = 0..0;
    let def = parse::skill(&mut ctx, table, &span, schema, "expectations");
    let path = file.path.clone();
    (def.map(|d| (d, path)).into_iter().collect(), ctx.diags)
}

/// Reads the root and the skill files and checks the whole catalog.
fn build(
    root: RawFile,
    skill_files: Vec<RawFile>,
    mut diags: Vec<Diagnostic>,
    per_file: Option<PerFile<'_>>,
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
    let mut title = None;
    let mut cumulative = false;
    let mut levels = Vec::new();
    let mut roles = Vec::new();
    let mut domains = Vec::new();
    let mut skills: Vec<(SkillDef, String)> = Vec::new();
    let schema;
    match parse_toml(&root_file) {
        Err(d) => {
            diags.push(d);
            // Without the root there are no ids to check skills against;
            // still report syntax problems in the skill files.
            schema = None;
        }
        Ok(doc) => {
            let mut ctx = Ctx::new(&root_file);
            let table = doc.get_ref();
            ctx.check_keys(table, ROOT_KEYS, "the catalog root");
            title = ctx
                .string(table, &(0..0), "title", "the catalog", false, true)
                .map(|(t, _)| t);
            cumulative = ctx.boolean(table, "cumulative").unwrap_or(false);
            let errors = |ctx: &Ctx<'_>| ctx.diags.iter().filter(|d| d.is_error()).count();
            let before = errors(&ctx);
            levels = parse::named_list(&mut ctx, table, "levels", "a level");
            let level_errors = errors(&ctx) > before;
            let before = errors(&ctx);
            roles = parse::named_list(&mut ctx, table, "roles", "a role");
            let role_errors = errors(&ctx) > before;
            domains = parse::named_list(&mut ctx, table, "domains", "a domain");
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
            let root_skills = match parse::get(table, "skills").map(|v| v.get_ref()) {
                Some(DeValue::Array(items)) => items.len(),
                _ => 0,
            };
            let skill_count = root_skills + skill_files.len();
            if skill_count > MAX_SKILLS {
                ctx.error(0..0, too_many_skills(root_skills, skill_files.len()));
                diags.extend(ctx.diags);
                return Err(finish_err(diags));
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
                diags.extend(ctx.diags);
                return Err(finish_err(diags));
            }
            if let Some(v) = parse::get(table, "skills") {
                match v.get_ref() {
                    DeValue::Array(items) => {
                        for item in items.iter() {
                            let span = item.span();
                            match item.get_ref() {
                                DeValue::Table(t) => {
                                    if let Some(def) =
                                        parse::skill(&mut ctx, t, &span, &s, "skills.expectations")
                                    {
                                        skills.push((def, root_path.clone()));
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
            diags.extend(ctx.diags);
            schema = Some(s);
        }
    }

    let results: Vec<FileResult> = skill_files
        .into_par_iter()
        .enumerate()
        .map(|(i, raw)| match (&schema, per_file) {
            (Some(s), Some(f)) => f(i, raw, s),
            (Some(s), None) => skill_file(raw, s),
            (None, _) => syntax_only(raw),
        })
        .collect();
    for (defs, file_diags) in results {
        skills.extend(defs);
        diags.extend(file_diags);
    }

    // Duplicate skill ids, across all files: name both places.
    let mut first: HashMap<&str, &SkillDef> = HashMap::new();
    let mut dup_diags = Vec::new();
    for (def, _) in &skills {
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
        skills.into_iter().map(|(d, _)| d.skill).collect(),
    );
    diags.extend(lint::warnings(&catalog, &roles));
    Ok((catalog, diags))
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
        Err(d) => return (Vec::new(), d.into_iter().collect()),
    };
    match parse_toml(&file) {
        Ok(_) => (Vec::new(), Vec::new()),
        Err(d) => (Vec::new(), vec![d]),
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
