//! `rungs show SKILL`: one skill's profile as plain text, Markdown or JSON,
//! without the TUI. The profile and its renderings are
//! [`crate::report::profile`]'s.

use std::io::Write;

use clap::ValueEnum;

use super::output::write_json;
use super::{CliError, EXIT_INVALID};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::report::profile::{profile, write_markdown, write_text};

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

/// Prints the profile of `skill` (only `role`'s rows when given) to `out`,
/// text and Markdown in `lang`. An unknown skill or role is a usage error.
pub fn run(
    catalog: &Catalog,
    skill: &str,
    role: Option<&str>,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let skill = catalog.find_skill(skill)?;
    let role = role.map(|r| catalog.find_role(r)).transpose()?;
    let Some(p) = profile(catalog, skill, role) else {
        // `find_*` only return valid positions; this is defensive.
        return Err(CliError::raw(
            EXIT_INVALID,
            "error: skill or role out of range",
        ));
    };
    match format {
        Format::Text => write_text(lang.strings(), &p, out)?,
        Format::Markdown => write_markdown(lang.strings(), &p, out)?,
        Format::Json => write_json(out, &p)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;
    use crate::catalog::load_embedded;
    use crate::cli::{EXIT_OK, EXIT_USAGE};
    use crate::report::SCHEMA;

    fn embedded() -> Catalog {
        load_embedded().unwrap().catalog
    }

    /// Exit code, stdout and stderr of `rungs show`, in English.
    fn show(c: &Catalog, skill: &str, role: Option<&str>, format: Format) -> (u8, String, String) {
        let mut out = Vec::new();
        let (code, err) = match run(c, skill, role, format, Lang::En, &mut out) {
            Ok(()) => (EXIT_OK, String::new()),
            Err(e) => (e.code, format!("{}\n", e.message)),
        };
        (code, String::from_utf8(out).unwrap(), err)
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
            let e = run(&c, "deep-learning", None, format, Lang::En, &mut ClosedPipe).unwrap_err();
            // A closed pipe ends the run quietly.
            assert_eq!((e.code, e.message.as_str()), (EXIT_OK, ""), "{format:?}");
        }
    }
}
