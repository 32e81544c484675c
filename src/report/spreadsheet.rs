//! The promotion report as CSV for HR systems and spreadsheets (RFC 4180,
//! UTF-8, header row in English), one row per gap item, always all items,
//! each followed by one row per assessed behaviour of the item (its
//! `behaviour` column holds the text; an item's row leaves it empty).
//!
//! A field that starts with `=`, `+`, `-` or `@` gets a leading `'`, so a
//! spreadsheet does not run it as a formula.

use super::model::Report;
use crate::review::Mark;

/// A field made safe for spreadsheets.
fn guard(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

/// One column per assessor, in `assessors`' order: that assessor's mark
/// from `marks`, or empty when they gave none.
fn marks_of<'m>(
    marks: &'m [(&str, Mark)],
    assessors: &'m [&str],
) -> impl Iterator<Item = String> + 'm {
    assessors.iter().map(move |a| {
        marks
            .iter()
            .find(|(w, _)| w == a)
            .map_or("", |(_, m)| Mark::as_str(*m))
            .to_string()
    })
}

/// The CSV text: `skill_id, skill, required, change, from_text, to_text,
/// self, manager, <other assessors in order of first appearance>, agreed,
/// note, behaviour, behaviour_changed`.
///
/// After an item's row, each of its assessed behaviours (marked by anyone,
/// or with a note) gets a row of its own: the item's `skill_id`, `skill`
/// and `required`, `change` = `behaviour`, empty texts, the behaviour's
/// marks and note, its text in `behaviour`, and `behaviour_changed` =
/// `yes` when it was reworded since it was assessed (else `no`). An item's
/// own row leaves the last two empty.
pub fn csv_of(r: &Report<'_>) -> String {
    let mut others: Vec<&str> = Vec::new();
    for a in &r.assessors {
        if !matches!(a.as_str(), "self" | "manager" | "agreed") && !others.contains(&a.as_str()) {
            others.push(a);
        }
    }
    let mut assessors = vec!["self", "manager"];
    assessors.extend(others.iter().copied());
    assessors.push("agreed");
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut head = vec![
        "skill_id",
        "skill",
        "required",
        "change",
        "from_text",
        "to_text",
    ];
    head.extend(assessors.iter().copied());
    head.extend(["note", "behaviour", "behaviour_changed"]);
    // Writing to a Vec cannot fail.
    let _ = w.write_record(&head);
    for item in &r.items {
        // The skill's three columns lead its item row and each behaviour row.
        let lead = [
            item.skill.id.to_string(),
            item.skill.name.to_string(),
            if item.required { "yes" } else { "no" }.to_string(),
        ];
        let mut row: Vec<String> = lead.to_vec();
        row.extend([
            item.change.to_string(),
            item.from.as_ref().map_or("", |e| e.text).to_string(),
            item.to.as_ref().map_or("", |e| e.text).to_string(),
        ]);
        row.extend(marks_of(&item.all_marks, &assessors));
        row.push(item.note.unwrap_or_default().to_string());
        row.extend([String::new(), String::new()]);
        let _ = w.write_record(row.iter().map(|f| guard(f)));
        for b in item.assessed_behaviours() {
            let mut row: Vec<String> = lead.to_vec();
            row.extend(["behaviour".to_string(), String::new(), String::new()]);
            row.extend(marks_of(&b.all_marks, &assessors));
            row.push(b.note.unwrap_or_default().to_string());
            row.push(b.text.to_string());
            row.push(if b.changed { "yes" } else { "no" }.to_string());
            let _ = w.write_record(row.iter().map(|f| guard(f)));
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Date, load_embedded};
    use crate::gap::Gap;
    use crate::report::build;
    use crate::review::{Assessment, Review};

    #[test]
    fn one_row_per_item_with_assessor_columns_and_formula_guard() {
        let c = load_embedded().unwrap().catalog;
        let ds = c.role_index("data-scientist").unwrap();
        let senior = c.level_index("senior").unwrap();
        let gap = Gap::new(&c, ds, senior, senior + 1);
        let first = c.skills[gap.items[0].skill].id.clone();
        let day = Date {
            year: 2026,
            month: 11,
            day: 30,
        };
        let mut r = Review::new("data-scientist", "senior", "lead", "", day);
        r.items.insert(
            first.clone(),
            Assessment {
                note: "=HYPERLINK(\"x\")\nsecond, \"quoted\" line".into(),
                marks: vec![("peer".into(), Mark::NotYet), ("self".into(), Mark::Met)],
                mark: Some(Mark::Partly),
                ..Assessment::default()
            },
        );
        let text = csv_of(&build(&c, &gap, Some(&r), day));
        let mut rd = csv::Reader::from_reader(text.as_bytes());
        let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(
            head,
            [
                "skill_id",
                "skill",
                "required",
                "change",
                "from_text",
                "to_text",
                "self",
                "manager",
                "peer",
                "agreed",
                "note",
                "behaviour",
                "behaviour_changed"
            ]
        );
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), gap.items.len());
        let row = &rows[0];
        assert_eq!(&row[0], first);
        assert_eq!(
            (&row[6], &row[7], &row[8], &row[9]),
            ("met", "", "not-yet", "partly")
        );
        assert_eq!(&row[10], "'=HYPERLINK(\"x\")\nsecond, \"quoted\" line");
        assert!(text.contains("\r\n"), "RFC 4180 line ends");
        assert_eq!(guard("-1"), "'-1");
        assert_eq!(guard("@a"), "'@a");
        assert_eq!(guard("+a"), "'+a");
        assert_eq!(guard("a=b"), "a=b");
    }
}
