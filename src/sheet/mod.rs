//! The spreadsheet round trip: a catalog as CSV and back.
//!
//! [`export`] writes the whole catalog in *long form*, one row per cell
//! ([`COLUMNS`]); [`import`] reads that long form, or the *wide form*
//! spreadsheets use (`skill, domain, <level>, <level>, …`), and makes the
//! files of a directory catalog. Both are RFC 4180 and UTF-8 through the
//! `csv` crate. A field that a spreadsheet would run as a formula (starting
//! with `=`, `+`, `-` or `@`) is written with a leading `'`, which import
//! strips again. Pure Rust, no terminal: the CLI (`rungs export --format
//! csv`, `rungs import csv`) prints and writes.

mod export;
mod import;

pub use export::export;
pub use import::{ImportError, Imported, Source, import};

/// The long form's header, in order.
pub const COLUMNS: [&str; 11] = [
    "skill_id",
    "skill",
    "domain",
    "cumulative",
    "role",
    "level",
    "necessity",
    "proficiency",
    "text",
    "behaviours",
    "examples",
];

/// What separates a behaviour from one of its examples in the `examples`
/// column (`behaviour text :: example`).
pub const EXAMPLE_SEPARATOR: &str = " :: ";

/// A field as written: with a leading `'` when a spreadsheet would read it
/// as a formula.
pub(crate) fn guard(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}").into()
    } else {
        field.into()
    }
}

/// A field as read: the `'` that [`guard`] adds is removed.
pub(crate) fn unguard(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => field,
    }
}

/// An ASCII id made from a name: lowercase letters and digits, other runs
/// of characters become one `-`. Empty when the name has no ASCII letter
/// or digit.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_unguarded() {
        for f in ["=SUM(A1)", "+1", "-5 %", "@home"] {
            assert_eq!(guard(f), format!("'{f}"));
            assert_eq!(unguard(&guard(f)), f);
        }
        assert_eq!(guard("plain"), "plain");
        assert_eq!(unguard("'quoted"), "'quoted", "only a guard is removed");
    }

    #[test]
    fn slugs_are_ascii_ids() {
        assert_eq!(slug("Machine Learning & AI"), "machine-learning-ai");
        assert_eq!(slug("  Senior Engineer 2 "), "senior-engineer-2");
        assert_eq!(slug("沟通"), "");
        assert_eq!(slug("C++ / Rust"), "c-rust");
    }
}
