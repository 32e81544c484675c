//! `rungs show SKILL`: one skill's profile as plain text, Markdown or JSON, without the TUI.
//!
//! The profile is built once as a [`Profile`] (which is also the JSON shape,
//! documented in `docs/json.md`) and then rendered in the chosen [`Format`].
//! Everything is written to the writers given, and write errors (such as a
//! closed pipe) are returned, never panicked on.

use std::io::{self, Write};
use std::path::Path;

use clap::ValueEnum;
use serde::Serialize;

use crate::catalog::{Catalog, Named, NotFound};
use crate::commands::{self, EXIT_INVALID, EXIT_OK, EXIT_USAGE};

/// Version of the JSON shape; raised only when a field changes meaning or is
/// removed (new fields may be added without raising it).
pub const SCHEMA: u32 = 1;

/// How `rungs show` prints a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Plain text for the terminal
    #[default]
    Text,
    /// A Markdown section with one table per level
    Markdown,
    /// Pretty-printed JSON (see docs/json.md)
    Json,
}

/// An id and display name, as JSON `{"id": …, "name": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ref<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

impl<'a> From<&'a Named> for Ref<'a> {
    fn from(n: &'a Named) -> Self {
        Ref {
            id: &n.id,
            name: &n.name,
        }
    }
}

/// The skill's counts over all roles (see [`Catalog::skill_counts`]).
pub type Counts = crate::catalog::SkillCounts;

/// What one role is expected to do with the skill at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expectation<'a> {
    pub role: Ref<'a>,
    /// `"required"`, `"optional"`, or `None` (JSON `null`) when not expected.
    pub necessity: Option<&'static str>,
    /// `None` (JSON `null`) when not expected.
    pub text: Option<&'a str>,
}

/// One level of the skill, with a row per role shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelRows<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub expectations: Vec<Expectation<'a>>,
}

/// A skill's profile: what `rungs show` prints, and the JSON it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile<'a> {
    pub schema: u32,
    pub id: &'a str,
    pub name: &'a str,
    pub domain: Ref<'a>,
    /// `YYYY-MM-DD`.
    pub updated: Option<String>,
    pub summary: Option<&'a str>,
    pub tags: &'a [String],
    /// The role the rows are limited to (`--role`), or `None` for all roles.
    pub role: Option<Ref<'a>>,
    pub counts: Counts,
    pub levels: Vec<LevelRows<'a>>,
}

/// Builds the profile of the skill at position `skill`, with rows for every
/// role or only for `role`. Every level is listed, in catalog order.
pub fn profile(catalog: &Catalog, skill: usize, role: Option<usize>) -> Option<Profile<'_>> {
    let s = catalog.skills.get(skill)?;
    let roles: Vec<usize> = match role {
        Some(r) if r < catalog.roles.len() => vec![r],
        Some(_) => return None,
        None => (0..catalog.roles.len()).collect(),
    };
    let c = catalog.skill_counts(s);
    let levels = catalog
        .levels
        .iter()
        .enumerate()
        .map(|(l, level)| LevelRows {
            id: &level.id,
            name: &level.name,
            expectations: roles
                .iter()
                .map(|&r| {
                    let cell = s.cell(r, l);
                    Expectation {
                        role: Ref::from(&catalog.roles[r]),
                        necessity: cell.map(|c| c.necessity.as_str()),
                        text: cell.map(|c| c.text.as_str()),
                    }
                })
                .collect(),
        })
        .collect();
    Some(Profile {
        schema: SCHEMA,
        id: &s.id,
        name: &s.name,
        domain: Ref::from(catalog.domain_of(s)),
        updated: s.updated.map(|d| d.to_string()),
        summary: s.summary.as_deref(),
        tags: &s.tags,
        role: role.map(|r| Ref::from(&catalog.roles[r])),
        counts: c,
        levels,
    })
}

/// Resolves what the user typed to a skill and an optional role position.
pub fn resolve(
    catalog: &Catalog,
    skill: &str,
    role: Option<&str>,
) -> Result<(usize, Option<usize>), NotFound> {
    let skill = catalog.find_skill(skill)?;
    let role = role.map(|r| catalog.find_role(r)).transpose()?;
    Ok((skill, role))
}

/// `rungs show` on a loaded catalog: prints the profile to `out`, or
/// `error: …` to `err` with [`EXIT_USAGE`] when the skill or role is unknown.
pub fn run(
    catalog: &Catalog,
    skill: &str,
    role: Option<&str>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (skill, role) = match resolve(catalog, skill, role) {
        Ok(found) => found,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let Some(p) = profile(catalog, skill, role) else {
        // `resolve` only returns valid positions; this is defensive.
        writeln!(err, "error: skill or role out of range")?;
        return Ok(EXIT_INVALID);
    };
    render(&p, format, out)?;
    Ok(EXIT_OK)
}

/// `rungs show` from the command line: loads the catalog (the embedded one
/// when `path` is `None`), prints its problems and exits 1 if it is invalid,
/// then runs [`run`]. Load warnings are not printed (`rungs check` does).
pub fn command(
    path: Option<&Path>,
    skill: &str,
    role: Option<&str>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let loaded = match commands::load_or_report(path, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    run(&loaded.catalog, skill, role, format, out, err)
}

/// Writes a profile in the given format.
pub fn render(p: &Profile<'_>, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => render_text(p, out),
        Format::Markdown => render_markdown(p, out),
        Format::Json => commands::write_json(out, p),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 roles, 5 levels, 0 required, 10 optional", marked as covering all
/// roles when the rows are limited to one.
fn counts_phrase(p: &Profile<'_>) -> String {
    let c = p.counts;
    let mut s = format!(
        "{}, {}, {} required, {} optional",
        plural(c.roles, "role", "roles"),
        plural(c.levels, "level", "levels"),
        c.required,
        c.optional
    );
    if p.role.is_some() {
        s.push_str(" (all roles)");
    }
    s
}

fn necessity_word(e: &Expectation<'_>) -> &'static str {
    e.necessity.unwrap_or("not expected")
}

/// Writes `text` after `indent`; lines after the first (from line breaks in
/// the catalog) get the same indent, so the structure stays readable.
fn write_indented(out: &mut dyn Write, indent: &str, text: &str) -> io::Result<()> {
    for line in text.split('\n') {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

fn render_text(p: &Profile<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})", p.name, p.id)?;
    writeln!(out, "Domain:   {} ({})", p.domain.name, p.domain.id)?;
    if let Some(updated) = &p.updated {
        writeln!(out, "Updated:  {updated}")?;
    }
    if let Some(summary) = p.summary {
        let mut lines = summary.split('\n');
        writeln!(out, "Summary:  {}", lines.next().unwrap_or_default())?;
        for line in lines {
            writeln!(out, "          {line}")?;
        }
    }
    if !p.tags.is_empty() {
        writeln!(out, "Tags:     {}", p.tags.join(", "))?;
    }
    writeln!(out, "Counts:   {}", counts_phrase(p))?;
    if let Some(role) = &p.role {
        writeln!(out, "Role:     {} ({})", role.name, role.id)?;
    }
    for level in &p.levels {
        writeln!(out)?;
        writeln!(out, "{}", level.name)?;
        for e in &level.expectations {
            writeln!(out, "  {}: {}", e.role.name, necessity_word(e))?;
            if let Some(text) = e.text {
                write_indented(out, "    ", text)?;
            }
        }
    }
    Ok(())
}

/// Makes text safe inside a Markdown table cell: `|` becomes `\|` (with a
/// backslash right before it doubled, so it cannot undo the escape) and line
/// breaks become `<br>`. Other Markdown in the text is kept and renders.
pub fn escape_cell(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => s.push_str("\\\\"),
            '|' => s.push_str("\\|"),
            '\n' => s.push_str("<br>"),
            c => s.push(c),
        }
    }
    s
}

/// Keeps a value on one line (for headings and the facts line).
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

fn render_markdown(p: &Profile<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {}", one_line(p.name))?;
    writeln!(out)?;
    let mut facts = vec![
        format!("**Id:** `{}`", p.id),
        format!("**Domain:** {}", one_line(p.domain.name)),
    ];
    if let Some(updated) = &p.updated {
        facts.push(format!("**Updated:** {updated}"));
    }
    if !p.tags.is_empty() {
        let tags: Vec<String> = p.tags.iter().map(|t| format!("`{t}`")).collect();
        facts.push(format!("**Tags:** {}", tags.join(", ")));
    }
    facts.push(format!("**Counts:** {}", counts_phrase(p)));
    if let Some(role) = &p.role {
        facts.push(format!("**Role:** {}", one_line(role.name)));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    if let Some(summary) = p.summary {
        writeln!(out)?;
        writeln!(out, "{summary}")?;
    }
    for level in &p.levels {
        writeln!(out)?;
        writeln!(out, "### {}", one_line(level.name))?;
        writeln!(out)?;
        writeln!(out, "| Role | Necessity | Expectation |")?;
        writeln!(out, "| --- | --- | --- |")?;
        for e in &level.expectations {
            writeln!(
                out,
                "| {} | {} | {} |",
                escape_cell(e.role.name),
                necessity_word(e),
                escape_cell(e.text.unwrap_or_default())
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    fn embedded() -> Catalog {
        load_embedded().unwrap().catalog
    }

    fn show(c: &Catalog, skill: &str, role: Option<&str>, format: Format) -> (u8, String, String) {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = run(c, skill, role, format, &mut out, &mut err).unwrap();
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    /// A one-skill catalog whose texts hold pipes, backslashes and line breaks.
    fn awkward() -> Catalog {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.toml");
        std::fs::write(
            &path,
            r#"
[[levels]]
id = "junior"
name = "Junior"

[[levels]]
id = "senior"
name = "Senior"

[[roles]]
id = "engineer"
name = "Engineer"

[[domains]]
id = "craft"
name = "Craft"

[[skills]]
id = "shell"
name = "Shell"
domain = "craft"
summary = "Pipes and\nfilters."

[skills.expectations.engineer]
junior = "Uses `a | b`.\nReads man pages."
senior = { text = 'Escapes C:\|odd', necessity = "required" }
"#,
        )
        .unwrap();
        crate::catalog::load_path(&path).unwrap().catalog
    }

    #[test]
    fn deep_learning_counts_and_rows() {
        let c = embedded();
        let i = c.find_skill("deep-learning").unwrap();
        let p = profile(&c, i, None).unwrap();
        assert_eq!(
            p.counts,
            Counts {
                roles: 2,
                levels: 5,
                required: 0,
                optional: 10
            }
        );
        assert_eq!(p.levels.len(), 5);
        let rows: Vec<&Expectation> = p.levels.iter().flat_map(|l| &l.expectations).collect();
        assert_eq!(rows.len(), 10);
        assert!(rows.iter().all(|e| e.necessity == Some("optional")));
        assert!(rows.iter().all(|e| e.text.is_some_and(|t| !t.is_empty())));
        assert_eq!(
            p.domain,
            Ref {
                id: "ml-ai",
                name: "Machine Learning & AI"
            }
        );
        assert_eq!(p.updated.as_deref(), Some("2026-02-22"));
        assert_eq!(p.tags, ["pytorch", "tensorflow", "neural-networks", "gpu"]);
    }

    #[test]
    fn role_limits_rows_but_not_counts() {
        let c = embedded();
        let (code, out, err) = show(&c, "Deep Learning", Some("LLM engineer"), Format::Json);
        assert_eq!((code, err.as_str()), (EXIT_OK, ""));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["role"]["id"], "llm-engineer");
        assert_eq!(v["counts"]["roles"], 2);
        for level in v["levels"].as_array().unwrap() {
            let rows = level["expectations"].as_array().unwrap();
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0]["role"]["id"], "llm-engineer");
        }
    }

    #[test]
    fn json_has_the_documented_fields() {
        let c = embedded();
        let (code, out, _) = show(&c, "deep-learning", None, Format::Json);
        assert_eq!(code, EXIT_OK);
        assert!(out.ends_with("}\n"));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        for key in [
            "schema", "id", "name", "domain", "updated", "summary", "tags", "role", "counts",
            "levels",
        ] {
            assert!(keys.contains(&key), "missing {key} in {keys:?}");
        }
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(v["id"], "deep-learning");
        assert_eq!(v["name"], "Deep Learning");
        assert_eq!(v["domain"]["id"], "ml-ai");
        assert_eq!(v["updated"], "2026-02-22");
        assert!(v["summary"].is_string());
        assert_eq!(v["tags"][0], "pytorch");
        assert!(v["role"].is_null());
        assert_eq!(v["counts"]["required"], 0);
        assert_eq!(v["counts"]["optional"], 10);
        let levels = v["levels"].as_array().unwrap();
        let ids: Vec<&str> = levels.iter().map(|l| l["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["junior", "middle", "senior", "lead", "principal"]);
        let first = &levels[0]["expectations"][0];
        assert_eq!(first["role"]["id"], "data-scientist");
        assert_eq!(first["role"]["name"], "Data Scientist");
        assert_eq!(first["necessity"], "optional");
        assert!(
            first["text"]
                .as_str()
                .unwrap()
                .starts_with("Works with PyTorch")
        );
    }

    #[test]
    fn json_uses_null_for_missing_values() {
        let c = embedded();
        // Find a skill some role does not have at some level.
        let (skill, role, level) = c
            .skills
            .iter()
            .enumerate()
            .find_map(|(i, s)| {
                (0..c.roles.len())
                    .flat_map(|r| (0..c.levels.len()).map(move |l| (r, l)))
                    .find(|&(r, l)| s.cell(r, l).is_none())
                    .map(|(r, l)| (i, r, l))
            })
            .expect("the embedded catalog has a gap somewhere");
        let p = profile(&c, skill, None).unwrap();
        let v = serde_json::to_value(&p).unwrap();
        let row = &v["levels"][level]["expectations"][role];
        assert!(row["necessity"].is_null(), "{row}");
        assert!(row["text"].is_null(), "{row}");
    }

    #[test]
    fn text_lists_each_level_and_role() {
        let c = embedded();
        let (code, out, err) = show(&c, "deep-learning", None, Format::Text);
        assert_eq!((code, err.as_str()), (EXIT_OK, ""));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "Deep Learning (deep-learning)");
        assert!(lines.contains(&"Counts:   2 roles, 5 levels, 0 required, 10 optional"));
        assert!(lines.contains(&"Tags:     pytorch, tensorflow, neural-networks, gpu"));
        assert_eq!(
            lines
                .iter()
                .filter(|l| **l == "  Data Scientist: optional")
                .count(),
            5
        );
        assert_eq!(
            lines
                .iter()
                .filter(|l| **l == "  LLM Engineer: optional")
                .count(),
            5
        );
        for level in ["Junior", "Middle", "Senior", "Lead", "Principal"] {
            assert!(lines.contains(&level), "{level}");
        }
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("    Works with PyTorch"))
        );
    }

    #[test]
    fn text_indents_every_line_of_a_multiline_text() {
        let c = awkward();
        let (_, out, _) = show(&c, "shell", None, Format::Text);
        assert!(
            out.contains("Summary:  Pipes and\n          filters.\n"),
            "{out}"
        );
        assert!(
            out.contains("  Engineer: optional\n    Uses `a | b`.\n    Reads man pages.\n"),
            "{out}"
        );
        assert!(
            out.contains("  Engineer: required\n    Escapes C:\\|odd\n"),
            "{out}"
        );
    }

    #[test]
    fn text_says_not_expected() {
        let c = embedded();
        let i = c
            .skills
            .iter()
            .position(|s| (0..c.roles.len()).any(|r| !s.in_role(r)));
        let Some(i) = i else { return };
        let (_, out, _) = show(&c, &c.skills[i].id, None, Format::Text);
        assert!(out.contains(": not expected\n"), "{out}");
    }

    #[test]
    fn markdown_has_heading_facts_and_tables() {
        let c = embedded();
        let (code, out, _) = show(&c, "deep-learning", None, Format::Markdown);
        assert_eq!(code, EXIT_OK);
        assert!(
            out.starts_with(
                "## Deep Learning\n\n**Id:** `deep-learning` · **Domain:** Machine Learning & AI"
            ),
            "{out}"
        );
        assert_eq!(out.matches("\n### ").count(), 5);
        assert_eq!(
            out.matches("| Role | Necessity | Expectation |\n| --- | --- | --- |\n")
                .count(),
            5
        );
        assert_eq!(out.matches("\n| Data Scientist | optional | ").count(), 5);
    }

    #[test]
    fn markdown_escapes_pipes_and_line_breaks() {
        let c = awkward();
        let (_, out, _) = show(&c, "shell", None, Format::Markdown);
        assert!(
            out.contains("| Engineer | optional | Uses `a \\| b`.<br>Reads man pages. |\n"),
            "{out}"
        );
        assert!(
            out.contains("| Engineer | required | Escapes C:\\\\\\|odd |\n"),
            "{out}"
        );
        // Every table row has exactly four unescaped pipes.
        for line in out.lines().filter(|l| l.starts_with("| ")) {
            let bare = line.replace("\\\\", "").replace("\\|", "");
            assert_eq!(bare.matches('|').count(), 4, "{line}");
        }
    }

    #[test]
    fn escape_cell_cases() {
        assert_eq!(escape_cell("a|b"), "a\\|b");
        assert_eq!(escape_cell("a\nb"), "a<br>b");
        assert_eq!(escape_cell("a\\|b"), "a\\\\\\|b");
        assert_eq!(escape_cell("C:\\dir"), "C:\\dir");
        assert_eq!(escape_cell(""), "");
    }

    #[test]
    fn unknown_values_are_usage_errors() {
        let c = embedded();
        let (code, out, err) = show(&c, "no-such-skill", None, Format::Text);
        assert_eq!((code, out.as_str()), (EXIT_USAGE, ""));
        assert!(
            err.starts_with("error: unknown skill `no-such-skill`; valid skills: "),
            "{err}"
        );
        assert!(err.contains("deep-learning"), "{err}");
        let (code, _, err) = show(&c, "deep-learning", Some("astronaut"), Format::Json);
        assert_eq!(code, EXIT_USAGE);
        assert!(err.contains("unknown role `astronaut`"), "{err}");
        assert!(err.contains("llm-engineer (LLM Engineer)"), "{err}");
    }

    /// A writer that fails like a closed pipe.
    struct ClosedPipe;
    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn closed_pipe_is_an_error_not_a_panic() {
        let c = embedded();
        for format in [Format::Text, Format::Markdown, Format::Json] {
            let e = run(
                &c,
                "deep-learning",
                None,
                format,
                &mut ClosedPipe,
                &mut Vec::new(),
            )
            .unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::BrokenPipe, "{format:?}");
        }
    }
}
