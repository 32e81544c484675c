//! Lint: problems that do not make a catalog invalid but are worth fixing
//! (a skill in no profile, a requirement that lapses at a higher level,
//! the same text at two consecutive levels, a role with no skills).

use rayon::prelude::*;

use super::diagnostic::{Diagnostic, Severity};
use super::parse::NamedDef;
use super::types::{Catalog, Necessity, Origin, Skill};

/// A diagnostic at a skill's or a definition's origin.
pub(super) fn located(origin: &Origin, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        line: origin.line,
        col: origin.col,
        ..Diagnostic::at_file(severity, &*origin.path, message)
    }
}

/// Orders problems by severity (errors first), then file and place.
pub(super) fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.severity, &a.path, a.line, a.col).cmp(&(b.severity, &b.path, b.line, b.col))
    });
}

/// Problems that do not make a catalog invalid but are worth fixing.
/// A warning about one cell points at that cell ([`Skill::cell_origin`]).
///
/// [`Skill::cell_origin`]: super::types::Skill::cell_origin
pub(super) fn warnings(catalog: &Catalog, role_defs: &[NamedDef]) -> Vec<Diagnostic> {
    // Each skill on its own, on every core: a large catalog is checked on
    // every start, before the first frame.
    let mut out: Vec<Diagnostic> = catalog
        .skills
        .par_iter()
        .flat_map_iter(|skill| skill_warnings(catalog, skill))
        .collect();
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

/// The warnings about one skill's expectations.
fn skill_warnings(catalog: &Catalog, skill: &Skill) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if skill.expectations().next().is_none() {
        out.push(located(
            &skill.origin,
            Severity::Warning,
            format!(
                "skill `{}` has no expectations, so it is in no role's profile; add expectations for a role ([expectations.<role-id>] in a skill file, [skills.expectations.<role-id>] in a one-file catalog)",
                skill.id
            ),
        ));
        return out;
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
                    // The optional cell is the one to fix; an absent
                    // one has no place, so point at the requirement.
                    let at = if n.is_some() { l } else { from };
                    out.push(located(
                        &skill.cell_origin(r, at),
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
        // (Levels without a cell in between do not count.)
        let mut before: Option<(usize, &str)> = None;
        for l in 0..catalog.levels.len() {
            let Some(cell) = skill.cell(r, l) else {
                continue;
            };
            let text = cell.text.trim();
            if let Some((b, prev)) = before
                && prev == text
            {
                out.push(located(
                    &skill.cell_origin(r, l),
                    Severity::Warning,
                    format!(
                        "skill `{}` has the same text for {} at {} and {}; say what changes at the higher level",
                        skill.id, role.name, catalog.levels[b].name, catalog.levels[l].name
                    ),
                ));
            }
            before = Some((l, text));
        }
    }
    out
}
