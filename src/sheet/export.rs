//! A catalog as CSV in long form: one row per cell, in catalog order
//! (skills, then roles, then levels).

use std::io::Write;

use super::{COLUMNS, EXAMPLE_SEPARATOR, guard};
use crate::catalog::Catalog;

/// Writes `catalog` as CSV to `out`: the header row ([`COLUMNS`]), then one
/// row per cell. Names are the catalog's `name` as written (ids in
/// `skill_id`), so the file means the same in every language; `text` is
/// the cell's intro (its whole text when it has no behaviours),
/// `behaviours` one behaviour a line, `examples` one example a line, a
/// behaviour's written `behaviour :: example`.
pub fn export(catalog: &Catalog, out: &mut dyn Write) -> csv::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(COLUMNS)?;
    for skill in &catalog.skills {
        let domain = catalog.domain_of(skill).written_name();
        let cumulative = if catalog.is_cumulative(skill) {
            "true"
        } else {
            "false"
        };
        for (r, l, cell) in skill.expectations() {
            let behaviours: Vec<&str> = cell.behaviours().iter().map(|b| b.text.as_str()).collect();
            let mut examples: Vec<String> = cell
                .behaviours()
                .iter()
                .flat_map(|b| {
                    b.examples
                        .iter()
                        .map(move |e| format!("{}{EXAMPLE_SEPARATOR}{e}", b.text))
                })
                .collect();
            examples.extend(cell.examples().iter().cloned());
            let fields = [
                skill.id.as_str(),
                skill.written_name(),
                domain,
                cumulative,
                catalog.roles[r].written_name(),
                catalog.levels[l].written_name(),
                cell.necessity.as_str(),
                cell.proficiency().unwrap_or(""),
                cell.intro(),
                &behaviours.join("\n"),
                &examples.join("\n"),
            ];
            w.write_record(fields.iter().map(|f| guard(f).into_owned()))?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    #[test]
    fn one_row_per_cell_with_behaviours_and_examples() {
        let c = load_embedded().unwrap().catalog;
        let mut out = Vec::new();
        export(&c, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), c.counts().expectations);
        let senior = rows
            .iter()
            .find(|row| &row[0] == "llm-agents-tool-use" && &row[5] == "Senior")
            .unwrap();
        assert_eq!(&senior[3], "true");
        assert_eq!(&senior[7], "Advanced");
        assert_eq!(senior[9].lines().count(), 3);
        assert!(
            senior[10].starts_with("Designs agent architectures"),
            "{}",
            &senior[10]
        );
        assert!(senior[10].contains(" :: Replaced a free-form agent"));
        assert!(
            senior[10]
                .lines()
                .any(|l| l == "A post-mortem of an agent that acted on an injected instruction")
        );
        assert!(text.contains("\r\n"), "RFC 4180 line ends");
    }
}
