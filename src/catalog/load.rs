//! Loading a catalog from a file, a directory tree, or the embedded default.
//!
//! Reading is split in three steps so that every problem of every file is
//! reported in one run: gather the files (sorted, so the result does not
//! depend on the file system), read the root, then read the skill files in
//! parallel against the ids the root defines, and check the whole.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use rayon::prelude::*;
use thiserror::Error;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, Severity, SourceFile};
use super::parse::{self, Ctx, NamedDef, ROOT_KEYS, Schema, SkillDef};
use super::types::{Catalog, Necessity};

/// The default catalog, compiled into the binary.
pub static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/catalog");

/// How embedded files are named in messages.
pub const EMBEDDED_PREFIX: &str = "<embedded>";

/// Largest catalog file read; larger ones are refused with an error.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Most files a directory catalog may hold.
pub const MAX_FILES: usize = 100_000;
/// Most expectation cells a catalog may hold, counting every role × level
/// slot of every skill, written or not. Each skill keeps a full grid, so a
/// small file with thousands of roles and levels would otherwise need
/// gigabytes.
pub const MAX_CELLS: usize = 10_000_000;
/// Deepest folder nesting followed below a catalog root.
const MAX_DEPTH: usize = 64;

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

/// One file of a catalog before decoding: where it is and its bytes.
struct RawFile {
    display: String,
    bytes: Result<Vec<u8>, Diagnostic>,
    /// A skill file not read yet: it is read on the thread that parses it,
    /// so reading and parsing overlap across cores.
    later: Option<PathBuf>,
}

/// The files a catalog at `path` is read from, in the order `load_path`
/// reads them; `None` when that cannot be told without an error.
pub(crate) fn catalog_files(path: &Path) -> Option<Vec<PathBuf>> {
    let meta = fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return Some(vec![path.to_path_buf()]);
    }
    let root = path.join("catalog.toml");
    if !root.is_file() {
        return None;
    }
    let mut diags = Vec::new();
    let skills = gather(path, &mut diags);
    if !diags.is_empty() {
        return None;
    }
    let mut files = vec![root];
    files.extend(skills);
    Some(files)
}

/// Loads a catalog from files already listed by [`catalog_files`] for
/// `path`, so a caller that needed the list does not walk the folder again.
pub(crate) fn load_listed(path: &Path, files: &[PathBuf]) -> Result<Loaded, LoadError> {
    match files.split_first() {
        Some((root, skills)) if path.is_dir() => {
            load_dir(root.clone(), skills.to_vec(), Vec::new())
        }
        _ => load_path(path),
    }
}

/// Reads a directory catalog: its root and its skill files, each skill file
/// read on the thread that parses it, so reading and parsing overlap.
fn load_dir(
    root_file: PathBuf,
    skill_paths: Vec<PathBuf>,
    diags: Vec<Diagnostic>,
) -> Result<Loaded, LoadError> {
    let root = read_raw(&root_file);
    let skills: Vec<RawFile> = skill_paths
        .iter()
        .map(|p| RawFile {
            display: String::new(),
            bytes: Ok(Vec::new()),
            later: Some(p.clone()),
        })
        .collect();
    let mut files = vec![root_file];
    files.extend(skill_paths);
    build(root, skills, diags).map(|(catalog, warnings)| Loaded {
        catalog,
        warnings,
        files,
    })
}

/// Loads the catalog at `path`: a `.toml` file or a directory.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let display = shown(path);
    let meta = fs::metadata(path).map_err(|e| single(&display, describe_io(&e, "catalog")))?;
    if meta.is_dir() {
        let root_file = path.join("catalog.toml");
        if !root_file.is_file() {
            return Err(single(
                &display,
                format!(
                    "directory has no catalog.toml; a directory catalog needs catalog.toml at its root \
                     (with title, [[levels]], [[roles]], [[domains]]); `rungs init {display}` writes a starting point"
                ),
            ));
        }
        let mut diags = Vec::new();
        let skill_paths = gather(path, &mut diags);
        if diags.iter().any(Diagnostic::is_error) {
            return Err(LoadError { diagnostics: diags });
        }
        load_dir(root_file, skill_paths, diags)
    } else {
        let root = read_raw(path);
        build(root, Vec::new(), Vec::new()).map(|(catalog, warnings)| Loaded {
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
    let root = RawFile {
        display: super::clean::clean(path_display, true).text,
        bytes: Ok(text.as_bytes().to_vec()),
        later: None,
    };
    build(root, Vec::new(), Vec::new()).map(|(catalog, warnings)| Loaded {
        catalog,
        warnings,
        files: Vec::new(),
    })
}

/// Loads the default catalog compiled into the binary.
pub fn load_embedded() -> Result<Loaded, LoadError> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut root = None;
    let mut skills = Vec::new();
    for (path, bytes) in files {
        let raw = RawFile {
            display: format!("{EMBEDDED_PREFIX}/{}", path.display()),
            bytes: Ok(bytes.to_vec()),
            later: None,
        };
        if path == Path::new("catalog.toml") {
            root = Some(raw);
        } else if is_catalog_file(&path) {
            skills.push(raw);
        }
    }
    let root =
        root.ok_or_else(|| single(EMBEDDED_PREFIX, "embedded catalog has no catalog.toml"))?;
    build(root, skills, Vec::new()).map(|(catalog, warnings)| Loaded {
        catalog,
        warnings,
        files: Vec::new(),
    })
}

/// Every file of the embedded catalog, with its path relative to the root.
pub fn embedded_files() -> Vec<(PathBuf, &'static [u8])> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for file in dir.files() {
        out.push((file.path().to_path_buf(), file.contents()));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

fn is_catalog_file(path: &Path) -> bool {
    let hidden = path
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !hidden && path.extension().is_some_and(|e| e == "toml")
}

/// A path as it appears in messages: a file name may hold control
/// characters too, and must not drive the terminal either.
fn shown(path: &Path) -> String {
    super::clean::clean(&path.display().to_string(), true).text
}

fn single(path: &str, message: impl Into<String>) -> LoadError {
    LoadError {
        diagnostics: vec![Diagnostic::at_file(Severity::Error, path, message)],
    }
}

fn describe_io(e: &std::io::Error, what: &str) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => format!("{what} not found: no such file or directory"),
        std::io::ErrorKind::PermissionDenied => format!("cannot read {what}: permission denied"),
        _ => format!("cannot read {what}: {e}"),
    }
}

/// Every skill file below `root`, in sorted path order. Folders and files
/// whose names start with `.` are skipped; a folder reached twice (through a
/// symlink) is read once, so links cannot loop.
fn gather(root: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut visited = HashSet::new();
    if let Ok(canonical) = fs::canonicalize(root) {
        visited.insert(canonical);
    }
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                diags.push(Diagnostic::at_file(
                    Severity::Error,
                    shown(&dir),
                    describe_io(&e, "folder"),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // The entry's own type needs no system call; only a symlink
            // needs metadata(), which follows it: a link to a folder is a
            // folder.
            let is_dir = match entry.file_type() {
                Ok(t) if t.is_symlink() => match fs::metadata(&path) {
                    Ok(meta) => meta.is_dir(),
                    Err(_) => continue, // a dangling link is not part of the catalog
                },
                Ok(t) => t.is_dir(),
                Err(_) => continue,
            };
            if is_dir {
                let Ok(canonical) = fs::canonicalize(&path) else {
                    continue;
                };
                if depth + 1 > MAX_DEPTH {
                    diags.push(Diagnostic::at_file(
                        Severity::Warning,
                        shown(&path),
                        format!("folder nested deeper than {MAX_DEPTH} levels is not read"),
                    ));
                } else if visited.insert(canonical) {
                    stack.push((path, depth + 1));
                }
            } else if path.extension().is_some_and(|e| e == "toml")
                && !(depth == 0 && name == "catalog.toml")
            {
                out.push(path);
                if out.len() > MAX_FILES {
                    diags.push(Diagnostic::at_file(
                        Severity::Error,
                        shown(root),
                        format!("catalog has more than {MAX_FILES} skill files; split it into several catalogs"),
                    ));
                    return Vec::new();
                }
            }
        }
    }
    out.sort();
    out
}

fn read_raw(path: &Path) -> RawFile {
    let display = shown(path);
    let bytes = (|| {
        let file = fs::File::open(path).map_err(|e| describe_io(&e, "file"))?;
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        if len > MAX_FILE_BYTES {
            return Err(too_big(len));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        // Read one byte past the limit so a file that grows while read, or
        // reports no size (a pipe), is still caught.
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| describe_io(&e, "file"))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_big(bytes.len() as u64));
        }
        Ok(bytes)
    })();
    RawFile {
        bytes: bytes.map_err(|m| Diagnostic::at_file(Severity::Error, display.clone(), m)),
        display,
        later: None,
    }
}

fn too_big(len: u64) -> String {
    format!(
        "file is {len} bytes; catalog files may be at most {} MiB ({MAX_FILE_BYTES} bytes); split it into a directory catalog",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Decodes a file as UTF-8, or says where the first invalid byte is.
fn decode(raw: RawFile) -> Result<SourceFile, Diagnostic> {
    let raw = match &raw.later {
        Some(path) => read_raw(path),
        None => raw,
    };
    let bytes = raw.bytes?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{FEFF}') {
                text.drain(..3);
            }
            Ok(SourceFile::new(raw.display, text))
        }
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(Diagnostic {
                line,
                col,
                ..Diagnostic::at_file(
                    Severity::Error,
                    raw.display,
                    format!(
                        "file is not valid UTF-8 (byte 0x{:02X} at offset {valid}); save it as UTF-8 text",
                        bytes[valid]
                    ),
                )
            })
        }
    }
}

/// Parses TOML, turning a syntax error into a located diagnostic.
fn parse_toml<'s>(file: &'s SourceFile) -> Result<toml::Spanned<DeTable<'s>>, Diagnostic> {
    DeTable::parse(&file.text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
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
type FileResult = (Vec<(SkillDef, String)>, Vec<Diagnostic>);

fn skill_file(raw: RawFile, schema: &Schema) -> FileResult {
    let file = match decode(raw) {
        Ok(f) => f,
        Err(d) => return (Vec::new(), vec![d]),
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
) -> Result<(Catalog, Vec<Diagnostic>), LoadError> {
    let root_file = match decode(root) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return Err(finish_err(diags));
        }
    };
    let root_path = root_file.path.clone();
    let mut title = None;
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
        .map(|raw| match &schema {
            Some(s) => skill_file(raw, s),
            None => syntax_only(raw),
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
        levels.iter().map(|d| d.named.clone()).collect(),
        roles.iter().map(|d| d.named.clone()).collect(),
        domains.iter().map(|d| d.named.clone()).collect(),
        skills.into_iter().map(|(d, _)| d.skill).collect(),
    );
    diags.extend(warnings(&catalog, &roles));
    Ok((catalog, diags))
}

/// Without a valid root, skill files are still read for syntax errors.
fn syntax_only(raw: RawFile) -> FileResult {
    let file = match decode(raw) {
        Ok(f) => f,
        Err(d) => return (Vec::new(), vec![d]),
    };
    match parse_toml(&file) {
        Ok(_) => (Vec::new(), Vec::new()),
        Err(d) => (Vec::new(), vec![d]),
    }
}

fn duplicate_ids<'a>(
    ctx: &mut Ctx<'_>,
    kind: &str,
    defs: impl Iterator<Item = (&'a String, &'a parse::Span, &'a super::types::Origin)>,
) {
    let mut seen: HashMap<&str, &super::types::Origin> = HashMap::new();
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

fn located(origin: &super::types::Origin, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        line: origin.line,
        col: origin.col,
        ..Diagnostic::at_file(severity, origin.path.clone(), message)
    }
}

/// Orders problems by file and place, errors before warnings.
fn finish_err(mut diags: Vec<Diagnostic>) -> LoadError {
    sort(&mut diags);
    LoadError { diagnostics: diags }
}

fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.severity, &a.path, a.line, a.col).cmp(&(b.severity, &b.path, b.line, b.col))
    });
}

/// Problems that do not make a catalog invalid but are worth fixing.
fn warnings(catalog: &Catalog, role_defs: &[NamedDef]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for skill in &catalog.skills {
        if skill.expectations().next().is_none() {
            out.push(located(
                &skill.origin,
                Severity::Warning,
                format!(
                    "skill `{}` has no expectations, so it is in no role's profile; add expectations for a role ([expectations.<role-id>] in a skill file, [skills.expectations.<role-id>] in a one-file catalog)",
                    skill.id
                ),
            ));
            continue;
        }
        for (r, role) in catalog.roles.iter().enumerate() {
            // Required at one level, then absent or optional higher up.
            let mut required_at: Option<usize> = None;
            for (l, level) in catalog.levels.iter().enumerate() {
                let cell = skill.cell(r, l);
                match (required_at, cell.map(|c| c.necessity)) {
                    (None, Some(Necessity::Required)) => required_at = Some(l),
                    (Some(from), n) if n != Some(Necessity::Required) => {
                        let how = if n.is_some() { "optional" } else { "absent" };
                        out.push(located(
                            &skill.origin,
                            Severity::Warning,
                            format!(
                                "skill `{}` is required for {} at {} but {how} at {}, a higher level; \
                                 a requirement usually holds at every level above",
                                skill.id, role.name, catalog.levels[from].name, level.name
                            ),
                        ));
                        break;
                    }
                    _ => {}
                }
            }
            // The same text at two consecutive levels: likely a copy-paste.
            let present: Vec<(usize, &str)> = (0..catalog.levels.len())
                .filter_map(|l| skill.cell(r, l).map(|c| (l, c.text.as_str())))
                .collect();
            for pair in present.windows(2) {
                if pair[0].1.trim() == pair[1].1.trim() {
                    out.push(located(
                        &skill.origin,
                        Severity::Warning,
                        format!(
                            "skill `{}` has the same text for {} at {} and {}; say what changes at the higher level",
                            skill.id,
                            role.name,
                            catalog.levels[pair[0].0].name,
                            catalog.levels[pair[1].0].name
                        ),
                    ));
                }
            }
        }
    }
    for (r, def) in role_defs.iter().enumerate() {
        if catalog.profile(r).is_empty() {
            out.push(located(
                &def.origin,
                Severity::Warning,
                format!(
                    "role `{}` has no skills: no skill has an expectation for it",
                    def.named.id
                ),
            ));
        }
    }
    sort(&mut out);
    out
}
