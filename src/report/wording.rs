//! Wording the Markdown and text reports share, in the caller's language.

use std::borrow::Cow;

use super::model::{Item, Report};
use crate::catalog::{clean, is_forbidden};
use crate::gap::Change;
use crate::i18n::{Strings, fill};
use crate::review::Mark;

/// How an item changes, for people: "required", "optional", "new at Lead",
/// "becomes required" or "no longer expected".
pub(super) fn change_label(t: &Strings, item: &Item<'_>, to: &str) -> String {
    match item.kind {
        Change::New => fill(t.change_new_at, &[("level", to)]),
        Change::Dropped => t.report_no_longer_expected.into(),
        Change::BecomesRequired => t.change_becomes_required.into(),
        Change::Changed if item.required => t.necessity_required.into(),
        Change::Changed => t.necessity_optional.into(),
    }
}

pub(super) fn mark_label(t: &Strings, mark: Option<&str>) -> &'static str {
    t.mark(mark.and_then(Mark::parse))
}

/// A necessity as the report stores it (`"required"`, `"optional"`), in
/// the table's words.
pub(super) fn necessity_word(t: &Strings, necessity: &'static str) -> &'static str {
    match necessity {
        "required" => t.necessity_required,
        "optional" => t.necessity_optional,
        other => other,
    }
}

pub(super) fn counts_line(t: &Strings, r: &Report<'_>) -> (String, String) {
    let c = r.counts;
    let head = fill(
        if c.changes == 1 {
            t.report_changes_one
        } else {
            t.report_changes_many
        },
        &[("n", &c.changes.to_string())],
    );
    let mut rest = fill(
        t.report_counts,
        &[
            ("required", &c.required.to_string()),
            ("assessed", &c.assessed.to_string()),
            ("changes", &c.changes.to_string()),
        ],
    );
    if r.reviewed {
        rest.push_str(" · ");
        rest.push_str(&fill(
            t.report_marks,
            &[
                ("met", &c.met.to_string()),
                ("partly", &c.partly.to_string()),
                ("not_yet", &c.not_yet.to_string()),
            ],
        ));
    }
    (head, rest)
}

/// The labelled expectations of an item: from, the levels between, target.
pub(super) fn expectations<'a>(
    r: &'a Report<'a>,
    item: &'a Item<'a>,
) -> Vec<(&'a str, Option<&'static str>, Option<&'a str>)> {
    let mut rows = vec![(
        r.from.name,
        item.from.as_ref().map(|e| e.necessity),
        item.from.as_ref().map(|e| e.text),
    )];
    rows.extend(
        item.path
            .iter()
            .map(|s| (s.level.name, s.necessity, s.text)),
    );
    rows.push((
        r.to.name,
        item.to.as_ref().map(|e| e.necessity),
        item.to.as_ref().map(|e| e.text),
    ));
    rows
}

pub(super) fn nothing_changes(t: &Strings, r: &Report<'_>) -> String {
    fill(
        t.report_nothing_changes,
        &[
            ("role", &one_line(r.role.name)),
            ("from", &one_line(r.from.name)),
            ("to", &one_line(r.to.name)),
        ],
    )
}

pub(super) fn one_line(text: &str) -> String {
    safe(text).replace(['\n', '\t'], " ")
}

/// Text from a review (which may have been edited by hand or built in
/// memory) without control or bidirectional-override characters, so it
/// cannot drive the terminal. Catalog text is already clean.
pub(super) fn safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_forbidden) {
        Cow::Owned(clean(text, false).text)
    } else {
        Cow::Borrowed(text)
    }
}

/// The per-behaviour changes of an item, one line each: `+ text (new at
/// Level)`, `− text`, `~ old → new`, `= text`; empty when there are none.
pub(super) fn behaviour_change_lines(t: &Strings, item: &Item<'_>) -> Vec<String> {
    item.behaviour_changes
        .iter()
        .map(|b| match (b.change, b.was, &b.level) {
            ("added", _, Some(level)) => format!(
                "+ {} ({})",
                one_line(b.text),
                fill(t.change_new_at, &[("level", &one_line(level.name))])
            ),
            ("added", _, None) => format!("+ {}", one_line(b.text)),
            ("removed", _, _) => format!("− {}", one_line(b.text)),
            ("reworded", Some(was), _) => format!("~ {} → {}", one_line(was), one_line(b.text)),
            _ => format!("= {}", one_line(b.text)),
        })
        .collect()
}

/// True when an item is left out of the Markdown and HTML exports of a
/// review without `--all`: optional, and with no mark and no note.
pub(super) fn left_out(r: &Report<'_>, item: &Item<'_>, all: bool) -> bool {
    r.reviewed && !all && !item.required && item.all_marks.is_empty() && item.note.is_none()
}

/// The first line of a note, at most `max` characters, for a table cell.
pub(super) fn evidence(note: Option<&str>, max: usize) -> String {
    let first = note
        .and_then(|n| n.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or_default()
        .trim();
    let first = one_line(first);
    let more = note.is_some_and(|n| n.trim().lines().count() > 1);
    if first.chars().count() > max {
        let cut: String = first.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    } else if more {
        format!("{first} …")
    } else {
        first
    }
}

/// The header's meta parts (label, value), the empty ones left out.
pub(super) fn meta_parts(t: &Strings, r: &Report<'_>) -> Vec<(&'static str, String)> {
    let mut parts = Vec::new();
    if let Some(m) = &r.meta {
        if !m.candidate.is_empty() {
            parts.push((t.report_candidate, one_line(m.candidate)));
        }
        let mut who: Vec<String> = m.assessors.iter().map(|a| one_line(a)).collect();
        for a in &r.assessors {
            if !who.contains(a) {
                who.push(one_line(t.assessor(a)));
            }
        }
        if !who.is_empty() {
            parts.push((t.report_assessors, who.join(", ")));
        }
        if !m.meetings.is_empty() {
            parts.push((t.report_meetings, m.meetings.join(", ")));
        }
        if !m.outcome.is_empty() {
            parts.push((t.report_outcome, one_line(m.outcome)));
        }
    }
    if let Some(c) = &r.closed {
        parts.push((t.report_closed, c.clone()));
    }
    parts
}

/// The assessor columns of the summary table: `agreed`, `self`, `manager`,
/// then the others in order of first appearance, each only when it holds
/// at least one mark (a column of `–` says nothing). The counted
/// assessor's column is always there, so the table shows what the counts
/// count even before anyone has marked.
pub(super) fn assessor_columns<'a>(r: &'a Report<'_>) -> Vec<&'a str> {
    let mut cols: Vec<&str> = vec!["agreed", "self", "manager"];
    // `[meta] assessors` are people, not necessarily mark keys.
    for a in &r.assessors {
        if !cols.contains(&a.as_str()) {
            cols.push(a);
        }
    }
    cols.retain(|c| {
        *c == r.counted
            || r.items
                .iter()
                .any(|i| i.all_marks.iter().any(|(w, _)| w == c))
    });
    cols
}
