//! Where a Markdown export of a promotion report is written.

use std::path::{Path, PathBuf};

use crate::catalog::{Catalog, Named};
use crate::gap::Gap;

/// The file name for an export without a review file:
/// `rungs-gap-ROLE-FROM-TO.md`, from the ids (made safe for file names).
pub fn export_file_name(catalog: &Catalog, gap: &Gap) -> String {
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
        "rungs-gap-{}-{}-{}.md",
        part(&catalog.roles, gap.role),
        part(&catalog.levels, gap.from),
        part(&catalog.levels, gap.to)
    )
}

/// Where an export goes: beside the review file as `<review stem>.md`, or
/// [`export_file_name`] in the current folder without a review file. Never
/// the review file itself (a review named `x.md` exports to `x.report.md`).
pub fn export_path(review_path: Option<&Path>, catalog: &Catalog, gap: &Gap) -> PathBuf {
    match review_path {
        Some(p) => {
            let md = p.with_extension("md");
            if md == p {
                p.with_extension("report.md")
            } else {
                md
            }
        }
        None => PathBuf::from(export_file_name(catalog, gap)),
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
    }
}
