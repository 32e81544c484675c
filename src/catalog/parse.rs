//! Turns parsed TOML documents into catalog parts, reporting every problem.
//!
//! The documents are walked by hand rather than through serde so that one
//! run reports all unknown keys, wrong types and bad references with their
//! exact place, instead of stopping at the first.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::bullets;
use super::clean::clean;
use super::diagnostic::{Diagnostic, Severity, SourceFile};
use super::types::{Behaviour, Cell, Date, Localized, Named, Necessity, Origin, Skill};

pub(crate) type Span = Range<usize>;

/// Keys a catalog root may hold.
pub(crate) const ROOT_KEYS: &[&str] = &[
    "title",
    "levels",
    "roles",
    "domains",
    "skills",
    "cumulative",
];
/// Keys a level, role or domain may hold.
const NAMED_KEYS: &[&str] = &["id", "name", "summary", "names"];
/// Keys a skill may hold.
pub(crate) const SKILL_KEYS: &[&str] = &[
    "id",
    "name",
    "domain",
    "summary",
    "tags",
    "updated",
    "expectations",
    "names",
    "summaries",
    "cumulative",
];
const CELL_KEYS: &[&str] = &["text", "necessity", "behaviours", "examples", "proficiency"];
const BEHAVIOUR_KEYS: &[&str] = &["text", "examples"];

/// Collects the diagnostics of one file.
pub(crate) struct Ctx<'a> {
    pub file: &'a SourceFile,
    pub diags: Vec<Diagnostic>,
    /// When the table read is a part of the file parsed on its own (a
    /// skill of a one-file catalog, see [`super::split`]): where each piece
    /// of the parsed text starts, in it and in the file, so that spans
    /// point into the file.
    pieces: Vec<(usize, usize)>,
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a SourceFile) -> Self {
        Ctx {
            file,
            diags: Vec::new(),
            pieces: Vec::new(),
        }
    }

    /// For text parsed apart from the file: `pieces` as in
    /// [`super::split::Split::root_pieces`].
    pub fn with_pieces(file: &'a SourceFile, pieces: Vec<(usize, usize)>) -> Self {
        Ctx {
            file,
            diags: Vec::new(),
            pieces,
        }
    }

    /// The file offset of offset `pos` of the parsed text.
    fn at(&self, pos: usize) -> usize {
        let i = self.pieces.partition_point(|&(p, _)| p <= pos);
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(&(p, f)) => f.saturating_add(pos - p),
            None => pos,
        }
    }

    /// A span of the parsed text as a span of the file.
    fn in_file(&self, span: Span) -> Span {
        let start = self.at(span.start);
        start..self.at(span.end).max(start)
    }

    /// Line and column in the file of offset `pos` of the parsed text.
    pub fn line_col(&self, pos: usize) -> (usize, usize) {
        self.file.line_col(self.at(pos))
    }

    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        let span = self.in_file(span);
        self.diags
            .push(self.file.diagnostic(Severity::Error, span, message));
    }

    pub fn warning(&mut self, span: Span, message: impl Into<String>) {
        let span = self.in_file(span);
        self.diags
            .push(self.file.diagnostic(Severity::Warning, span, message));
    }

    pub fn origin(&self, span: &Span) -> Origin {
        let (line, col) = self.line_col(span.start);
        Origin {
            path: self.file.path.clone(),
            line,
            col,
        }
    }

    /// Reports every key of `table` not in `allowed`, suggesting the closest
    /// valid key when one is near.
    pub fn check_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], what: &str) {
        for key in table.keys() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            // A quoted key may hold any character: clean it before it is
            // printed, like every other text taken from the file.
            let mut message = format!("unknown key `{}` in {what}", clean(name, true).text);
            if let Some(close) = closest(name, allowed) {
                message.push_str(&format!("; did you mean `{close}`?"));
            }
            message.push_str(&format!(" (valid keys: {})", allowed.join(", ")));
            self.error(key.span(), message);
        }
    }

    /// A string field, cleaned. Reports a wrong type, and a missing or empty
    /// value when the field is required.
    pub fn string(
        &mut self,
        table: &DeTable<'_>,
        table_span: &Span,
        key: &str,
        what: &str,
        required: bool,
        single_line: bool,
    ) -> Option<(String, Span)> {
        let Some(value) = get(table, key) else {
            if required {
                self.error(
                    table_span.clone(),
                    format!("{what} has no `{key}`; add `{key} = \"…\"`"),
                );
            }
            return None;
        };
        let span = value.span();
        let DeValue::String(s) = value.get_ref() else {
            self.error(
                span,
                format!(
                    "`{key}` must be a string, found {}",
                    type_name(value.get_ref())
                ),
            );
            return None;
        };
        let text = self.cleaned(s, &span, key, single_line);
        if text.trim().is_empty() {
            self.error(
                span,
                format!("`{key}` is empty; write some text or remove the key"),
            );
            return None;
        }
        Some((text, span))
    }

    /// Cleans a text and warns when cleaning changed it.
    pub fn cleaned(&mut self, s: &str, span: &Span, field: &str, single_line: bool) -> String {
        let c = clean(s, single_line);
        if c.changed() {
            self.warning(span.clone(), format!("in `{field}`: {}", c.describe()));
        }
        c.text
    }

    /// An optional boolean field such as `cumulative = true`.
    pub fn boolean(&mut self, table: &DeTable<'_>, key: &str) -> Option<bool> {
        let value = get(table, key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.error(
                    value.span(),
                    format!("`{key}` must be true or false, found {}", type_name(other)),
                );
                None
            }
        }
    }

    /// A table of texts by language, such as `names = { zh = "初级" }`:
    /// keys are language codes (`zh`, `de`, `pt-BR`), values non-empty
    /// strings (one line when `single_line`).
    pub fn translations(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        single_line: bool,
    ) -> Vec<(String, String)> {
        let Some(value) = get(table, key) else {
            return Vec::new();
        };
        let DeValue::Table(by_lang) = value.get_ref() else {
            self.error(
                value.span(),
                format!(
                    "`{key}` must be a table of texts by language, like {key} = {{ zh = \"…\" }}, found {}",
                    type_name(value.get_ref())
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (lang, text) in by_lang.iter() {
            let code = lang.get_ref().as_ref();
            if !is_language_code(code) {
                self.error(
                    lang.span(),
                    format!(
                        "invalid language `{}` in `{key}`: use a language code such as `zh`, `de` or `pt-BR`",
                        clean(code, true).text
                    ),
                );
                continue;
            }
            let span = text.span();
            let DeValue::String(t) = text.get_ref() else {
                self.error(
                    span,
                    format!(
                        "`{key}.{code}` must be a string, found {}",
                        type_name(text.get_ref())
                    ),
                );
                continue;
            };
            let t = self.cleaned(t, &span, key, single_line);
            if t.trim().is_empty() {
                self.error(
                    span,
                    format!("`{key}.{code}` is empty; write some text or remove it"),
                );
                continue;
            }
            out.push((code.to_string(), t));
        }
        out
    }

    /// A list of texts such as `examples = ["…"]`: each a non-empty string.
    fn texts(&mut self, value: &Spanned<DeValue<'_>>, key: &str, what: &str) -> Vec<String> {
        let DeValue::Array(items) = value.get_ref() else {
            self.error(
                value.span(),
                format!(
                    "`{key}` must be an array of strings like [\"…\", \"…\"], found {}",
                    type_name(value.get_ref())
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => {
                    let t = self.cleaned(s, &item.span(), key, false);
                    if t.trim().is_empty() {
                        self.error(item.span(), format!("empty {what}; write it or remove it"));
                    } else {
                        out.push(t.trim().to_string());
                    }
                }
                other => self.error(
                    item.span(),
                    format!("each {what} must be a string, found {}", type_name(other)),
                ),
            }
        }
        out
    }

    /// An id: a non-empty string of ASCII letters, digits, `-` and `_`.
    pub fn id(
        &mut self,
        table: &DeTable<'_>,
        table_span: &Span,
        what: &str,
    ) -> Option<(String, Span)> {
        let Some(value) = get(table, "id") else {
            self.error(
                table_span.clone(),
                format!("{what} has no `id`; add `id = \"…\"` (letters, digits, `-`, `_`)"),
            );
            return None;
        };
        let span = value.span();
        let DeValue::String(s) = value.get_ref() else {
            self.error(
                span,
                format!(
                    "`id` must be a string, found {}",
                    type_name(value.get_ref())
                ),
            );
            return None;
        };
        if !is_valid_id(s) {
            self.error(
                span,
                format!(
                    "invalid id `{}`: ids are non-empty and use only ASCII letters, digits, `-` and `_`",
                    clean(s, true).text
                ),
            );
            return None;
        }
        Some((s.to_string(), span))
    }
}

/// A language code: ASCII letters, optionally followed by `-` or `_` and
/// more letters or digits (`zh`, `pt-BR`, `zh_Hant`).
pub(crate) fn is_language_code(s: &str) -> bool {
    let mut parts = s.split(['-', '_']);
    parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub(crate) fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub(crate) fn get<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

pub(crate) fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The valid word closest to `word`, when it is close enough to be a typo.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A level, role or domain definition, with where it was written.
pub(crate) struct NamedDef {
    pub named: Named,
    pub id_span: Span,
    pub origin: Origin,
}

/// Reads an array of tables such as `[[levels]]`.
pub(crate) fn named_list(
    ctx: &mut Ctx<'_>,
    root: &DeTable<'_>,
    key: &str,
    what: &str,
) -> Vec<NamedDef> {
    let Some(value) = get(root, key) else {
        return Vec::new();
    };
    let DeValue::Array(items) = value.get_ref() else {
        ctx.error(
            value.span(),
            format!(
                "`{key}` must be an array of tables (`[[{key}]]`), found {}",
                type_name(value.get_ref())
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items.iter() {
        let span = item.span();
        let DeValue::Table(table) = item.get_ref() else {
            ctx.error(
                span,
                format!(
                    "each of `{key}` must be a table, found {}",
                    type_name(item.get_ref())
                ),
            );
            continue;
        };
        ctx.check_keys(table, NAMED_KEYS, what);
        let id = ctx.id(table, &span, what);
        let name = ctx.string(table, &span, "name", what, true, true);
        let summary = ctx.string(table, &span, "summary", what, false, false);
        let names = ctx.translations(table, "names", true);
        // Keep a definition with a valid id even when its name is bad (that
        // error is already reported) so duplicate ids are still found.
        if let Some((id, id_span)) = id {
            out.push(NamedDef {
                origin: ctx.origin(&id_span),
                named: Named {
                    id,
                    name: name.map(|(n, _)| n).unwrap_or_default(),
                    summary: summary.map(|(s, _)| s),
                    i18n: Localized::new(names, Vec::new()),
                },
                id_span,
            });
        }
    }
    out
}

/// The ids a skill may refer to, known once the catalog root is read.
#[derive(Default)]
pub(crate) struct Schema {
    pub levels: Vec<String>,
    pub roles: Vec<String>,
    pub domains: Vec<String>,
    level_ids: HashMap<String, usize>,
    role_ids: HashMap<String, usize>,
    domain_ids: HashMap<String, usize>,
}

impl Schema {
    pub fn new(levels: Vec<String>, roles: Vec<String>, domains: Vec<String>) -> Self {
        let index = |v: &[String]| -> HashMap<String, usize> {
            v.iter()
                .enumerate()
                .rev()
                .map(|(i, s)| (s.clone(), i))
                .collect()
        };
        Schema {
            level_ids: index(&levels),
            role_ids: index(&roles),
            domain_ids: index(&domains),
            levels,
            roles,
            domains,
        }
    }
}

/// `; valid Xs: …`, or `; did you mean `x`? (valid Xs: …)` when `given`
/// is a likely typo of one of `ids`.
fn valid(kind: &str, given: &str, ids: &[String]) -> String {
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    match closest(given, &refs) {
        Some(c) => format!("; did you mean `{c}`? (valid {kind}: {})", list(ids)),
        None => format!("; valid {kind}: {}", list(ids)),
    }
}

/// The ids as a list for a message, each once: a duplicated id (itself an
/// error reported at its definition) is not listed twice.
fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        return "none are defined".to_string();
    }
    let mut seen = std::collections::HashSet::new();
    ids.iter()
        .filter(|s| seen.insert(s.as_str()))
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A skill as read from its table, with the spans later checks point at.
pub(crate) struct SkillDef {
    pub skill: Skill,
}

/// Reads one skill table; `None` when it has errors (already reported).
pub(crate) fn skill(
    ctx: &mut Ctx<'_>,
    table: &DeTable<'_>,
    span: &Span,
    schema: &Schema,
    expectations_prefix: &str,
) -> Option<SkillDef> {
    let before = ctx.diags.iter().filter(|d| d.is_error()).count();
    ctx.check_keys(table, SKILL_KEYS, "a skill");
    let id = ctx.id(table, span, "a skill");
    let name = ctx.string(table, span, "name", "a skill", true, true);
    let summary = ctx.string(table, span, "summary", "a skill", false, false);
    let names = ctx.translations(table, "names", true);
    let summaries = ctx.translations(table, "summaries", false);
    let cumulative = ctx.boolean(table, "cumulative");

    let domain = match get(table, "domain") {
        None => {
            ctx.error(
                span.clone(),
                format!(
                    "a skill has no `domain`; add `domain = \"…\"` naming one of: {}",
                    list(&schema.domains)
                ),
            );
            None
        }
        Some(v) => match v.get_ref() {
            DeValue::String(s) => match schema.domain_ids.get(s.as_ref()) {
                Some(&d) => Some(d),
                None => {
                    ctx.error(
                        v.span(),
                        format!(
                            "unknown domain `{}`{}",
                            clean(s, true).text,
                            valid("domains", s, &schema.domains)
                        ),
                    );
                    None
                }
            },
            other => {
                ctx.error(
                    v.span(),
                    format!(
                        "`domain` must be a string (a domain id), found {}",
                        type_name(other)
                    ),
                );
                None
            }
        },
    };

    let mut tags = Vec::new();
    if let Some(v) = get(table, "tags") {
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            let t = ctx.cleaned(s, &item.span(), "tags", true);
                            if t.trim().is_empty() {
                                ctx.error(item.span(), "empty tag; remove it or write a word");
                            } else {
                                tags.push(t);
                            }
                        }
                        other => ctx.error(
                            item.span(),
                            format!("each tag must be a string, found {}", type_name(other)),
                        ),
                    }
                }
            }
            other => ctx.error(
                v.span(),
                format!(
                    "`tags` must be an array of strings like [\"a\", \"b\"], found {}",
                    type_name(other)
                ),
            ),
        }
    }

    let mut updated = None;
    if let Some(v) = get(table, "updated") {
        match v.get_ref() {
            DeValue::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => {
                if let Some(d) = dt.date {
                    updated = Some(Date {
                        year: d.year,
                        month: d.month,
                        day: d.day,
                    });
                }
            }
            other => ctx.error(
                v.span(),
                format!(
                    "`updated` must be a date like 2026-02-22 (no quotes, no time), found {}",
                    type_name(other)
                ),
            ),
        }
    }

    let levels = schema.levels.len();
    let roles = schema.roles.len();
    let mut cells: Vec<Option<Cell>> = vec![None; levels * roles];
    let mut cells_at: Vec<(u32, u32)> = vec![(0, 0); levels * roles];
    if let Some(v) = get(table, "expectations") {
        match v.get_ref() {
            DeValue::Table(by_role) => {
                for (role_key, role_value) in by_role.iter() {
                    let role_id = role_key.get_ref().as_ref();
                    let role = schema.role_ids.get(role_id).copied();
                    if role.is_none() {
                        ctx.error(
                            role_key.span(),
                            format!(
                                "unknown role `{}` in [{expectations_prefix}.{}]{}",
                                clean(role_id, true).text,
                                clean(role_id, true).text,
                                valid("roles", role_id, &schema.roles)
                            ),
                        );
                    }
                    let DeValue::Table(by_level) = role_value.get_ref() else {
                        ctx.error(
                            role_value.span(),
                            format!(
                                "expectations for a role must be a table mapping level ids to texts, found {}",
                                type_name(role_value.get_ref())
                            ),
                        );
                        continue;
                    };
                    for (level_key, cell_value) in by_level.iter() {
                        let level_id = level_key.get_ref().as_ref();
                        let level = schema.level_ids.get(level_id).copied();
                        if level.is_none() {
                            ctx.error(
                                level_key.span(),
                                format!(
                                    "unknown level `{}`{}",
                                    clean(level_id, true).text,
                                    valid("levels", level_id, &schema.levels)
                                ),
                            );
                        }
                        let cell = read_cell(ctx, cell_value);
                        if let (Some(r), Some(l), Some(cell)) = (role, level, cell) {
                            cells[r * levels + l] = Some(cell);
                            let (line, col) = ctx.line_col(level_key.span().start);
                            cells_at[r * levels + l] = (
                                u32::try_from(line).unwrap_or(u32::MAX),
                                u32::try_from(col).unwrap_or(u32::MAX),
                            );
                        }
                    }
                }
            }
            other => ctx.error(
                v.span(),
                format!(
                    "`expectations` must be a table of roles (`[{expectations_prefix}.<role-id>]`), found {}",
                    type_name(other)
                ),
            ),
        }
    }

    let errors_now = ctx.diags.iter().filter(|d| d.is_error()).count();
    let ((id, id_span), (name, _), domain) = (id?, name?, domain?);
    if errors_now > before {
        return None;
    }
    Some(SkillDef {
        skill: Skill {
            origin: ctx.origin(&id_span),
            id,
            name,
            domain,
            summary: summary.map(|(s, _)| s),
            tags,
            updated,
            cumulative,
            i18n: Localized::new(names, summaries),
            cells: cells.into_boxed_slice(),
            cells_at: cells_at.into_boxed_slice(),
            levels,
        },
    })
}

fn read_cell(ctx: &mut Ctx<'_>, value: &Spanned<DeValue<'_>>) -> Option<Cell> {
    let span = value.span();
    match value.get_ref() {
        DeValue::String(s) => {
            let text = ctx.cleaned(s, &span, "text", false);
            if text.trim().is_empty() {
                ctx.error(
                    span,
                    "empty expectation text; write what is expected or remove the line",
                );
                return None;
            }
            from_text(ctx, &span, Necessity::Optional, text)
        }
        DeValue::Table(t) => {
            let before = ctx.diags.iter().filter(|d| d.is_error()).count();
            ctx.check_keys(t, CELL_KEYS, "an expectation");
            let has_behaviours = get(t, "behaviours").is_some();
            let text = ctx.string(t, &span, "text", "an expectation", false, false);
            if text.is_none() && !has_behaviours && get(t, "text").is_none() {
                ctx.error(
                    span.clone(),
                    "an expectation has no `text` or `behaviours`; add `text = \"…\"` or `behaviours = [\"…\"]`",
                );
            }
            let necessity = match get(t, "necessity") {
                None => Some(Necessity::Optional),
                Some(n) => match n.get_ref() {
                    DeValue::String(s) if s == "required" => Some(Necessity::Required),
                    DeValue::String(s) if s == "optional" => Some(Necessity::Optional),
                    DeValue::String(s) => {
                        let hint = closest(s, &["required", "optional"])
                            .map(|c| format!("; did you mean `{c}`?"))
                            .unwrap_or_default();
                        ctx.error(
                            n.span(),
                            format!(
                                "unknown necessity `{}`{hint} (valid values: `required`, `optional`)",
                                clean(s, true).text
                            ),
                        );
                        None
                    }
                    other => {
                        ctx.error(
                            n.span(),
                            format!(
                                "`necessity` must be the string \"required\" or \"optional\", found {}",
                                type_name(other)
                            ),
                        );
                        None
                    }
                },
            };
            let proficiency = ctx
                .string(t, &span, "proficiency", "an expectation", false, true)
                .map(|(p, _)| p);
            let examples = match get(t, "examples") {
                Some(v) => ctx.texts(v, "examples", "example"),
                None => Vec::new(),
            };
            let mut cell = match (text, get(t, "behaviours")) {
                (Some((text, text_span)), None) => {
                    from_text(ctx, &text_span, Necessity::Optional, text)?
                }
                (text, Some(list)) => {
                    if let Some((text, text_span)) = &text
                        && bullets::split(text).is_some()
                    {
                        ctx.error(
                            text_span.clone(),
                            "`text` is a bullet list and `behaviours` is given too; write the behaviours in one of them \
                             (with `behaviours`, `text` is an intro without bullet lines)",
                        );
                    }
                    let behaviours = behaviour_list(ctx, list);
                    let intro = text.map(|(t, _)| t).unwrap_or_default();
                    Cell::new(
                        Necessity::Optional,
                        Cell::compose(intro.trim(), &behaviours),
                        behaviours,
                        Vec::new(),
                        None,
                    )
                }
                (None, None) => return None,
            };
            if ctx.diags.iter().filter(|d| d.is_error()).count() > before {
                return None;
            }
            cell.necessity = necessity?;
            Some(cell.with_examples(examples, proficiency))
        }
        other => {
            ctx.error(
                span,
                format!(
                    "an expectation must be a string or a table like {{ text = \"…\", necessity = \"required\" }}, found {}",
                    type_name(other)
                ),
            );
            None
        }
    }
}

/// A cell from its `text`: behaviours when the text is a bullet list
/// (see [`bullets::split`]), else the text as one expectation.
fn from_text(ctx: &mut Ctx<'_>, span: &Span, necessity: Necessity, text: String) -> Option<Cell> {
    let Some(split) = bullets::split(&text) else {
        return Some(Cell::plain(necessity, text));
    };
    let mut ok = true;
    for (i, b) in split.behaviours.iter().enumerate() {
        if b.text.is_empty() {
            ctx.error(
                span.clone(),
                format!(
                    "empty behaviour (bullet {} of this text); write it after the `- ` or remove the line",
                    i + 1
                ),
            );
            ok = false;
        } else if split.behaviours[..i].iter().any(|o| o.text == b.text) {
            ctx.error(
                span.clone(),
                format!(
                    "duplicate behaviour `{}` in one expectation; each behaviour is assessed on its own, write it once",
                    b.text
                ),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    Some(Cell::new(
        necessity,
        Cell::compose(&split.intro, &split.behaviours),
        split.behaviours,
        Vec::new(),
        None,
    ))
}

/// `behaviours = ["…", { text = "…", examples = ["…"] }]`.
fn behaviour_list(ctx: &mut Ctx<'_>, value: &Spanned<DeValue<'_>>) -> Vec<Behaviour> {
    let DeValue::Array(items) = value.get_ref() else {
        ctx.error(
            value.span(),
            format!(
                "`behaviours` must be an array like [\"…\", \"…\"], found {}",
                type_name(value.get_ref())
            ),
        );
        return Vec::new();
    };
    if items.is_empty() {
        ctx.error(
            value.span(),
            "`behaviours` is empty; list at least one behaviour or remove the key",
        );
    }
    let mut out: Vec<Behaviour> = Vec::new();
    for item in items.iter() {
        let span = item.span();
        let behaviour = match item.get_ref() {
            DeValue::String(s) => Some(Behaviour {
                text: ctx.cleaned(s, &span, "behaviours", true).trim().to_string(),
                examples: Vec::new(),
            }),
            DeValue::Table(t) => {
                ctx.check_keys(t, BEHAVIOUR_KEYS, "a behaviour");
                let text = ctx
                    .string(t, &span, "text", "a behaviour", true, true)
                    .map(|(t, _)| t.trim().to_string());
                let examples = match get(t, "examples") {
                    Some(v) => ctx.texts(v, "examples", "example"),
                    None => Vec::new(),
                };
                text.map(|text| Behaviour { text, examples })
            }
            other => {
                ctx.error(
                    span.clone(),
                    format!(
                        "each behaviour must be a string or a table like {{ text = \"…\", examples = [\"…\"] }}, found {}",
                        type_name(other)
                    ),
                );
                None
            }
        };
        let Some(b) = behaviour else { continue };
        if b.text.is_empty() {
            ctx.error(span, "empty behaviour; write it or remove it from the list");
        } else if out.iter().any(|o| o.text == b.text) {
            ctx.error(
                span,
                format!(
                    "duplicate behaviour `{}` in one expectation; each behaviour is assessed on its own, write it once",
                    b.text
                ),
            );
        } else {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_typos_only() {
        assert_eq!(closest("domian", SKILL_KEYS), Some("domain"));
        assert_eq!(closest("nmae", SKILL_KEYS), Some("name"));
        assert_eq!(closest("colour", SKILL_KEYS), None);
    }

    #[test]
    fn ids_are_ascii_words() {
        assert!(is_valid_id("data-scientist_2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id("初级"));
    }

    #[test]
    fn language_codes() {
        assert!(is_language_code("zh"));
        assert!(is_language_code("pt-BR"));
        assert!(is_language_code("zh_Hant"));
        assert!(!is_language_code("z"));
        assert!(!is_language_code("zh-"));
        assert!(!is_language_code("中文"));
    }
}
