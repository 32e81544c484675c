//! The export formats of a promotion report (one writer per format, shared
//! by `rungs gap --format` and the TUI's `x`) and where an export is
//! written.

use std::path::{Path, PathBuf};

use super::model::Report;
use crate::catalog::{Catalog, Named};
use crate::gap::Gap;
use crate::i18n::Lang;

/// A format a promotion report is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Markdown meeting minutes (the default).
    #[default]
    Markdown,
    /// Plain text.
    Text,
    /// One self-contained HTML file for a promotion packet.
    Html,
    /// CSV for HR systems and spreadsheets.
    Csv,
    /// Pretty-printed JSON (docs/json.md).
    Json,
}

impl Format {
    /// Every format, in the order the TUI offers them.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Text,
        Format::Html,
        Format::Csv,
        Format::Json,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The file extension of an export in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The report in this format: headings of Markdown, text and HTML in
    /// `lang`; with a review, Markdown and HTML leave unassessed optional
    /// items out unless `all`. JSON ends with a newline, as printed.
    pub fn render(self, lang: Lang, report: &Report<'_>, all: bool) -> serde_json::Result<String> {
        Ok(match self {
            Format::Markdown => super::markdown_of(lang, report, all),
            Format::Text => super::text_of(lang, report),
            Format::Html => super::html_of(lang, report, all),
            Format::Csv => super::csv_of(report),
            Format::Json => serde_json::to_string_pretty(report)? + "\n",
        })
    }
}

/// The file name for a Markdown export without a review file:
/// `rungs-gap-ROLE-FROM-TO.md`, from the ids (made safe for file names).
pub fn export_file_name(catalog: &Catalog, gap: &Gap) -> String {
    export_file_name_as(catalog, gap, Format::Markdown)
}

/// The file name for an export in `format` without a review file:
/// `rungs-gap-ROLE-FROM-TO.EXT`.
pub fn export_file_name_as(catalog: &Catalog, gap: &Gap, format: Format) -> String {
    let part = |items: &[Named], i: usize| -> String {
        let id = items.get(i).map_or("", |n| n.id.as_str());
        let safe: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        if safe.is_empty() { "x".into() } else { safe }
    };
    format!(
        "rungs-gap-{}-{}-{}.{}",
        part(&catalog.roles, gap.role),
        part(&catalog.levels, gap.from),
        part(&catalog.levels, gap.to),
        format.extension()
    )
}

/// Where a Markdown export goes: beside the review file as
/// `<review stem>.md`, or [`export_file_name`] in the current folder
/// without a review file. Never the review file itself (a review named
/// `x.md` exports to `x.report.md`).
pub fn export_path(review_path: Option<&Path>, catalog: &Catalog, gap: &Gap) -> PathBuf {
    export_path_as(review_path, catalog, gap, Format::Markdown)
}

/// [`export_path`] for `format`: `<review stem>.EXT` (`x.report.EXT` for a
/// review named `x.EXT`), or `rungs-gap-ROLE-FROM-TO.EXT`.
pub fn export_path_as(
    review_path: Option<&Path>,
    catalog: &Catalog,
    gap: &Gap,
    format: Format,
) -> PathBuf {
    let ext = format.extension();
    match review_path {
        Some(p) => {
            let beside = p.with_extension(ext);
            if beside == p {
                p.with_extension(format!("report.{ext}"))
            } else {
                beside
            }
        }
        None => PathBuf::from(export_file_name_as(catalog, gap, format)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    #[test]
    fn export_names_and_paths() {
        let c = load_embedded().unwrap().catalog;
        let ds = c.role_index("data-scientist").unwrap();
        let senior = c.level_index("senior").unwrap();
        let gap = Gap::new(&c, ds, senior, senior + 1);
        assert_eq!(
            export_file_name(&c, &gap),
            "rungs-gap-data-scientist-senior-lead.md"
        );
        assert_eq!(
            export_path(None, &c, &gap),
            PathBuf::from("rungs-gap-data-scientist-senior-lead.md")
        );
        assert_eq!(
            export_path(Some(Path::new("reviews/ana.toml")), &c, &gap),
            PathBuf::from("reviews/ana.md")
        );
        assert_eq!(
            export_path(Some(Path::new("ana")), &c, &gap),
            PathBuf::from("ana.md")
        );
        assert_eq!(
            export_path(Some(Path::new("notes/ana.md")), &c, &gap),
            PathBuf::from("notes/ana.report.md")
        );
        let html = |p: &str| export_path_as(Some(Path::new(p)), &c, &gap, Format::Html);
        assert_eq!(html("reviews/ana.toml"), PathBuf::from("reviews/ana.html"));
        assert_eq!(html("ana.html"), PathBuf::from("ana.report.html"));
        assert_eq!(
            export_path_as(None, &c, &gap, Format::Json),
            PathBuf::from("rungs-gap-data-scientist-senior-lead.json")
        );
        assert_eq!(
            Format::ALL.map(Format::extension),
            ["md", "txt", "html", "csv", "json"]
        );
    }
}
