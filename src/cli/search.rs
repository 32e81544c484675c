//! `rungs search QUERY`: the TUI's search, ranked, as plain text or JSON.
//! The results and their renderings are [`crate::report::results`]'s.

use std::io::Write;

use clap::ValueEnum;

use super::output::write_json;
use super::{CliError, EXIT_INVALID};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::report::results::{results, write_text};

/// Results printed when `--limit` is not given.
pub const DEFAULT_LIMIT: usize = 20;

/// How `rungs search` prints its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Aligned plain text for the terminal
    #[default]
    Text,
    /// Pretty-printed JSON (see docs/json.md)
    Json,
}

/// Prints the best `limit` results for `query` (only `role`'s profile and
/// expectations when given; every matching expectation with `all_cells`)
/// to `out`, text in `lang`. An empty query or an unknown role is a usage
/// error; no match at all exits with 1.
#[allow(clippy::too_many_arguments)]
pub fn run(
    catalog: &Catalog,
    query: &str,
    role: Option<&str>,
    limit: usize,
    all_cells: bool,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if query.trim().is_empty() {
        return Err(CliError::usage("the search query is empty"));
    }
    let role = role.map(|r| catalog.find_role(r)).transpose()?;
    let found = results(catalog, query, role, limit, all_cells);
    match format {
        Format::Text if found.results.is_empty() => {
            return Err(CliError::raw(
                EXIT_INVALID,
                format!("no skill matches `{query}`"),
            ));
        }
        Format::Text => write_text(lang.strings(), &found, out)?,
        Format::Json => write_json(out, &found)?,
    }
    if found.results.is_empty() {
        // The JSON says so itself (`"total": 0`); the exit code tells scripts.
        return Err(CliError::raw(EXIT_INVALID, ""));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;
    use crate::cli::{EXIT_OK, EXIT_USAGE};

    fn embedded() -> Catalog {
        load_embedded().unwrap().catalog
    }

    /// Exit code, stdout and stderr of `rungs search`, in English.
    fn search(
        c: &Catalog,
        query: &str,
        role: Option<&str>,
        limit: usize,
        format: Format,
    ) -> (u8, String, String) {
        let mut out = Vec::new();
        let (code, err) = match run(c, query, role, limit, false, format, Lang::En, &mut out) {
            Ok(()) => (EXIT_OK, String::new()),
            Err(e) if e.message.is_empty() => (e.code, String::new()),
            Err(e) => (e.code, format!("{}\n", e.message)),
        };
        (code, String::from_utf8(out).unwrap(), err)
    }

    #[test]
    fn text_match_names_role_and_level() {
        let c = embedded();
        let (code, out, err) = search(&c, "torch.comp", None, 20, Format::Text);
        assert_eq!((code, err.as_str()), (EXIT_OK, ""));
        let lines: Vec<&str> = out.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains(" deep-learning "))
            .unwrap();
        assert!(lines[at].ends_with("  [LLM Engineer · Senior]"), "{out}");
        assert!(lines[at + 1].contains("torch.compile"), "{out}");
        assert!(!out.contains('\u{1b}'), "no escape codes");
    }

    #[test]
    fn empty_query_and_unknown_role_are_usage_errors() {
        let c = embedded();
        let (code, out, err) = search(&c, "  ", None, 20, Format::Json);
        assert_eq!((code, out.as_str()), (EXIT_USAGE, ""));
        assert_eq!(err, "error: the search query is empty\n");
        let (code, out, err) = search(&c, "sql", Some("astronaut"), 20, Format::Text);
        assert_eq!((code, out.as_str()), (EXIT_USAGE, ""));
        assert!(err.starts_with("error: unknown role `astronaut`"), "{err}");
    }

    #[test]
    fn no_match_exits_1() {
        let c = embedded();
        let (code, out, err) = search(&c, "xqzxqz", None, 20, Format::Text);
        assert_eq!((code, out.as_str()), (EXIT_INVALID, ""));
        assert_eq!(err, "no skill matches `xqzxqz`\n");
        let (code, out, err) = search(&c, "xqzxqz", None, 20, Format::Json);
        assert_eq!((code, err.as_str()), (EXIT_INVALID, ""));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["total"], 0);
        assert_eq!(v["results"], serde_json::json!([]));
    }
}
