//! The review file format (version 2): reading a [`Review`] from TOML with
//! problems located by line and column, and writing it back into the
//! document it was read from with `toml_edit`, so that a person's comments,
//! key order and keys rungs does not know survive every save.
//!
//! A file without `version` is version 1: its items' `mark` is the agreed
//! mark. It is read unchanged and rewritten as version 2 only when a change
//! is saved.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::{Assessment, BehaviourMarks, Changed, Entry, Event, Mark, Meta, Review};
use crate::catalog::{Date, Diagnostic, Severity, SourceFile};

/// The version rungs writes.
pub const VERSION: i64 = 2;

/// Keys rungs knows at the top level, in `[meta]`, in an item and in a
/// history entry; any other key is kept and warned about.
const TOP_KEYS: &[&str] = &[
    "version", "role", "from", "to", "catalog", "date", "closed", "meta", "history", "items",
];
const META_KEYS: &[&str] = &["candidate", "assessors", "meetings", "outcome", "summary"];
const ITEM_KEYS: &[&str] = &[
    "skill",
    "expectation",
    "note",
    "mark",
    "marks",
    "sha256",
    "history",
    "behaviours",
    "rolled_up",
];
const BEHAVIOUR_KEYS: &[&str] = &["text", "hash", "marks", "note"];

/// The written value of a cleared mark in a history entry.
const NO_MARK: &str = "none";

const HEADER: &str = "# A rungs promotion review (see docs/reviews.md). rungs saves it after every\n\
                      # change, keeping comments and keys it does not know; safe to edit by hand.\n";

/// A review file as read: the review, the document to write it back into,
/// and what the reader should be told once.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub review: Review,
    pub doc: DocumentMut,
    /// True for a version-1 file (no `version` key).
    pub v1: bool,
    /// Unknown keys, kept as they are.
    pub warnings: Vec<String>,
}

impl Review {
    /// The review as a new version-2 TOML file.
    pub fn to_toml(&self) -> String {
        render(None, self)
    }

    /// Parses a review, reporting the first problem with its line.
    pub fn parse(path: &str, text: &str) -> Result<Review, Diagnostic> {
        parse_full(path, text).map(|p| p.review)
    }
}

fn to_date(d: &toml::value::Date) -> Date {
    Date {
        year: d.year,
        month: d.month,
        day: d.day,
    }
}

/// Parses a review file and keeps its document for writing back.
pub fn parse_full(path: &str, text: &str) -> Result<Parsed, Diagnostic> {
    let file = SourceFile::new(path, text.to_string());
    let syntax = |e: toml::de::Error| {
        let span = file.error_span(e.span(), e.message());
        let message = crate::catalog::clean(e.message().trim(), true).text;
        file.diagnostic(
            Severity::Error,
            span,
            format!("invalid review file: {message}"),
        )
    };
    let raw: RawReview = toml::from_str(text).map_err(syntax)?;
    let spanned_doc = toml_edit::Document::parse(text.to_string()).map_err(|e| {
        file.diagnostic(
            Severity::Error,
            file.error_span(e.span(), e.message()),
            format!(
                "invalid review file: {}",
                crate::catalog::clean(e.message().trim(), true).text
            ),
        )
    })?;
    let v1 = raw.version.is_none();
    if let Some(v) = &raw.version
        && !(1..=VERSION).contains(v.get_ref())
    {
        return Err(file.diagnostic(
            Severity::Error,
            v.span(),
            format!(
                "invalid review file: version {} is not known to this rungs; valid versions: 1, 2",
                v.get_ref()
            ),
        ));
    }
    let warnings = unknown_keys(&file, &spanned_doc);
    let doc = spanned_doc.into_mut();
    let bad_mark = |m: &toml::Spanned<String>| {
        // The parser's span points at this very value, not at an earlier
        // note that happens to quote the same word.
        file.diagnostic(
            Severity::Error,
            m.span(),
            format!(
                "invalid review file: unknown mark `{}`; valid marks: met, partly, not-yet",
                crate::catalog::clean(m.get_ref(), true).text
            ),
        )
    };
    let mark_of = |m: &toml::Spanned<String>| Mark::parse(m.get_ref()).ok_or_else(|| bad_mark(m));
    let history_mark = |m: &toml::Spanned<String>| {
        if m.get_ref() == NO_MARK {
            Ok(None)
        } else {
            mark_of(m).map(Some)
        }
    };
    // Text from a file is cleaned like catalog text: nothing read here may
    // drive the terminal when shown. Notes keep their line breaks.
    let clean = |s: &str, one_line| crate::catalog::clean(s, one_line).text;
    let doc_items = doc.get("items").and_then(Item::as_array_of_tables);
    let mut items = BTreeMap::new();
    for (n, item) in raw.items.into_iter().enumerate() {
        let mut a = Assessment {
            mark: item.mark.as_ref().map(mark_of).transpose()?,
            note: clean(&item.note, false),
            expectation: clean(&item.expectation, false),
            sha256: clean(&item.sha256, true),
            ..Assessment::default()
        };
        // The marks in the order they are written (serde's map sorts them).
        let doc_item = doc_items.and_then(|t| t.get(n));
        for who in marks_order(doc_item, &item.marks) {
            if let Some(m) = item.marks.get(&who) {
                a.set_mark(&clean(&who, true), Some(mark_of(m)?));
            }
        }
        let doc_behaviours = doc_item
            .and_then(|t| t.get("behaviours"))
            .and_then(Item::as_array_of_tables);
        for (k, b) in item.behaviours.into_iter().enumerate() {
            let text = clean(&b.text, true);
            let hash = match clean(&b.hash, true) {
                h if h.is_empty() => super::behaviour_hash(&text),
                h => h,
            };
            let mut stored = BehaviourMarks {
                text,
                hash,
                note: clean(&b.note, false),
                ..BehaviourMarks::default()
            };
            let doc_b = doc_behaviours.and_then(|t| t.get(k));
            for who in marks_order(doc_b, &b.marks) {
                if let Some(m) = b.marks.get(&who) {
                    stored.set_mark(&clean(&who, true), Some(mark_of(m)?));
                }
            }
            a.behaviours.push(stored);
        }
        // After the marks: `set_mark` is a hand-set and clears these.
        a.rolled_up = item.rolled_up.iter().map(|w| clean(w, true)).collect();
        for h in item.history {
            let change = match (h.mark, h.note) {
                (Some(m), _) => Changed::Mark {
                    mark: history_mark(&m)?,
                    was: match &h.was {
                        Some(w) => history_mark(w)?,
                        None => None,
                    },
                },
                (None, note) => Changed::Note {
                    note: clean(&note.unwrap_or_default(), false),
                    was: clean(h.was.as_ref().map_or("", |w| w.get_ref()), false),
                },
            };
            a.history.push(Entry {
                at: h.at.to_string(),
                by: clean(&h.by, true),
                change,
                behaviour: h.behaviour.map(|b| clean(&b, true)),
            });
        }
        items.insert(clean(&item.skill, true), a);
    }
    let meta = Meta {
        candidate: clean(&raw.meta.candidate, true),
        assessors: raw.meta.assessors.iter().map(|a| clean(a, true)).collect(),
        meetings: raw.meta.meetings.iter().map(to_date).collect(),
        outcome: clean(&raw.meta.outcome, true),
        summary: clean(&raw.meta.summary, false),
    };
    let history = raw
        .history
        .into_iter()
        .map(|e| Event {
            at: e.at.to_string(),
            by: clean(&e.by, true),
            event: clean(&e.event, true),
        })
        .collect();
    let review = Review {
        role: clean(&raw.role, true),
        from: clean(&raw.from, true),
        to: clean(&raw.to, true),
        catalog: clean(&raw.catalog, true),
        date: to_date(&raw.date),
        meta,
        closed: raw.closed.as_ref().map(to_date),
        history,
        items,
    };
    Ok(Parsed {
        review,
        doc,
        v1,
        warnings,
    })
}

/// The assessors of a `marks` table in the order they are written
/// (serde's map sorts them).
fn marks_order(
    table: Option<&Table>,
    marks: &BTreeMap<String, toml::Spanned<String>>,
) -> Vec<String> {
    table
        .and_then(|t| t.get("marks"))
        .and_then(Item::as_inline_table)
        .map(|t| t.iter().map(|(k, _)| k.to_string()).collect())
        .unwrap_or_else(|| marks.keys().cloned().collect())
}

/// `path:line:col: unknown key `k` … kept as it is` for every key rungs
/// does not know.
fn unknown_keys(file: &SourceFile, doc: &toml_edit::Document<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |table: &Table, known: &[&str], place: &str| {
        for (key, _) in table.iter() {
            if known.contains(&key) {
                continue;
            }
            let span = table.key(key).and_then(|k| k.span()).unwrap_or(0..0);
            let d = file.diagnostic(
                Severity::Warning,
                span,
                format!(
                    "unknown key `{}` {place}; kept as it is (rungs knows: {})",
                    crate::catalog::clean(key, true).text,
                    known.join(", ")
                ),
            );
            out.push(format!(
                "{}:{}:{}: warning: {}",
                d.path, d.line, d.col, d.message
            ));
        }
    };
    check(doc.as_table(), TOP_KEYS, "at the top level");
    if let Some(meta) = doc.get("meta").and_then(Item::as_table) {
        check(meta, META_KEYS, "in [meta]");
    }
    if let Some(items) = doc.get("items").and_then(Item::as_array_of_tables) {
        for t in items.iter() {
            check(t, ITEM_KEYS, "in an item");
            if let Some(bs) = t.get("behaviours").and_then(Item::as_array_of_tables) {
                for b in bs.iter() {
                    check(b, BEHAVIOUR_KEYS, "in a behaviour");
                }
            }
        }
    }
    out
}

#[derive(Deserialize)]
struct RawReview {
    #[serde(default)]
    version: Option<toml::Spanned<i64>>,
    role: String,
    from: String,
    to: String,
    #[serde(default)]
    catalog: String,
    date: toml::value::Date,
    #[serde(default)]
    meta: RawMeta,
    #[serde(default)]
    closed: Option<toml::value::Date>,
    #[serde(default)]
    history: Vec<RawEvent>,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawMeta {
    candidate: String,
    assessors: Vec<String>,
    meetings: Vec<toml::value::Date>,
    outcome: String,
    summary: String,
}

#[derive(Deserialize)]
struct RawEvent {
    at: toml::value::Datetime,
    #[serde(default)]
    by: String,
    #[serde(default)]
    event: String,
}

#[derive(Deserialize)]
struct RawItem {
    skill: String,
    /// Version 1's one mark: the agreed mark. Spanned, so that an unknown
    /// mark is reported where it is written.
    #[serde(default)]
    mark: Option<toml::Spanned<String>>,
    #[serde(default)]
    marks: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    expectation: String,
    #[serde(default)]
    sha256: String,
    #[serde(default)]
    history: Vec<RawEntry>,
    #[serde(default)]
    behaviours: Vec<RawBehaviour>,
    #[serde(default)]
    rolled_up: Vec<String>,
}

#[derive(Deserialize)]
struct RawBehaviour {
    #[serde(default)]
    text: String,
    #[serde(default)]
    hash: String,
    #[serde(default)]
    marks: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct RawEntry {
    at: toml::value::Datetime,
    #[serde(default)]
    by: String,
    #[serde(default)]
    mark: Option<toml::Spanned<String>>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    was: Option<toml::Spanned<String>>,
    #[serde(default)]
    behaviour: Option<String>,
}

/// `review` written into `doc` (the document it was read from, or a new
/// one), touching only what differs, as TOML text.
pub fn render(doc: Option<&DocumentMut>, review: &Review) -> String {
    let mut doc = doc.cloned().unwrap_or_else(new_doc);
    write_into(&mut doc, review);
    doc.to_string()
}

fn new_doc() -> DocumentMut {
    DocumentMut::new()
}

fn toml_date(d: Date) -> Value {
    Value::from(toml_edit::Date {
        year: d.year,
        month: d.month,
        day: d.day,
    })
}

fn toml_stamp(at: &str) -> Value {
    at.parse::<toml_edit::Datetime>()
        .map_or_else(|_| Value::from(at), Value::from)
}

/// Sets `key` to `value` unless it already holds it; a replaced value keeps
/// its comments and spacing.
fn set(table: &mut Table, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            if old.to_string().trim() == value.to_string().trim() {
                return;
            }
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Sets a text, or removes the key when the text is empty.
fn set_text(table: &mut Table, key: &str, text: &str) {
    if text.is_empty() {
        table.remove(key);
    } else if table.get(key).and_then(Item::as_str) != Some(text) {
        set(table, key, text_value(text));
    }
}

/// A text as a TOML value: one with line breaks as a multi-line basic
/// string (`"""`, a line break, the lines as typed), so a note reads and
/// edits in the file like the note itself.
fn text_value(text: &str) -> Value {
    if text.contains('\n')
        && let Ok(v) = multi_line(text).parse::<Value>()
        && v.as_str() == Some(text)
    {
        return v;
    }
    Value::from(text)
}

/// A TOML multi-line basic string: `"""` and a line break, the text with
/// backslashes, quotes and control characters other than line breaks and
/// tabs escaped, then `"""`.
fn multi_line(text: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

fn set_dates(table: &mut Table, key: &str, dates: &[Date]) {
    if dates.is_empty() {
        table.remove(key);
    } else {
        set(
            table,
            key,
            Value::Array(dates.iter().map(|d| toml_date(*d)).collect()),
        );
    }
}

fn set_texts(table: &mut Table, key: &str, texts: &[String]) {
    if texts.is_empty() {
        table.remove(key);
    } else {
        set(
            table,
            key,
            Value::Array(
                texts
                    .iter()
                    .map(|t| Value::from(t.as_str()))
                    .collect::<Array>(),
            ),
        );
    }
}

/// The history tables of `key` in `table` made to match `entries`: the ones
/// already written are kept as they are (history only grows), new ones are
/// appended.
fn set_history<T>(table: &mut Table, entries: &[T], write: impl Fn(&T) -> Table) {
    if entries.is_empty() {
        table.remove("history");
        return;
    }
    let aot = match table.get_mut("history") {
        Some(Item::ArrayOfTables(a)) => a,
        _ => {
            table.insert("history", Item::ArrayOfTables(ArrayOfTables::new()));
            match table.get_mut("history") {
                Some(Item::ArrayOfTables(a)) => a,
                _ => return,
            }
        }
    };
    while aot.len() > entries.len() {
        aot.remove(aot.len() - 1);
    }
    for e in &entries[aot.len()..] {
        aot.push(write(e));
    }
}

fn entry_table(e: &Entry) -> Table {
    let mut t = Table::new();
    t.insert("at", Item::Value(toml_stamp(&e.at)));
    t.insert("by", Item::Value(Value::from(e.by.as_str())));
    if let Some(hash) = &e.behaviour {
        t.insert("behaviour", Item::Value(Value::from(hash.as_str())));
    }
    let word = |m: Option<Mark>| m.map_or(NO_MARK, Mark::as_str);
    match &e.change {
        Changed::Mark { mark, was } => {
            t.insert("mark", Item::Value(Value::from(word(*mark))));
            t.insert("was", Item::Value(Value::from(word(*was))));
        }
        Changed::Note { note, was } => {
            t.insert("note", Item::Value(Value::from(note.as_str())));
            t.insert("was", Item::Value(Value::from(was.as_str())));
        }
    }
    t
}

fn event_table(e: &Event) -> Table {
    let mut t = Table::new();
    t.insert("at", Item::Value(toml_stamp(&e.at)));
    t.insert("by", Item::Value(Value::from(e.by.as_str())));
    t.insert("event", Item::Value(Value::from(e.event.as_str())));
    t
}

/// The item's marks as an inline table, updated in place: unchanged marks
/// keep their place and spacing.
fn set_marks(table: &mut Table, a: &Assessment) {
    set_marks_to(table, a.all_marks().collect());
}

/// `marks` of `table` made to hold `wanted`, updated in place.
fn set_marks_to(table: &mut Table, wanted: Vec<(&str, Mark)>) {
    if wanted.is_empty() {
        table.remove("marks");
        return;
    }
    if !table.get("marks").is_some_and(Item::is_inline_table) {
        let mut t = InlineTable::new();
        for (who, m) in &wanted {
            t.insert(*who, Value::from(m.as_str()));
        }
        t.fmt();
        table.insert("marks", Item::Value(Value::InlineTable(t)));
        return;
    }
    let Some(t) = table.get_mut("marks").and_then(Item::as_inline_table_mut) else {
        return;
    };
    t.retain(|k, _| wanted.iter().any(|(w, _)| *w == k));
    for (who, m) in &wanted {
        match t.get_mut(who) {
            Some(old) if old.as_str() == Some(m.as_str()) => {}
            Some(old) => {
                let mut v = Value::from(m.as_str());
                *v.decor_mut() = old.decor().clone();
                *old = v;
            }
            None => {
                // The space before `}` moves from the last mark to the new one.
                let mut closing = String::from(" ");
                if let Some((_, last)) = t.iter_mut().last() {
                    if let Some(s) = last.decor().suffix().and_then(|s| s.as_str()) {
                        closing = s.to_string();
                    }
                    last.decor_mut().set_suffix("");
                }
                let mut v = Value::from(m.as_str());
                v.decor_mut().set_prefix(" ");
                v.decor_mut().set_suffix(closing);
                t.insert(*who, v);
            }
        }
    }
}

/// True when an assessment has anything worth writing.
fn worth_writing(a: &Assessment) -> bool {
    !a.is_empty() || !a.history.is_empty() || !a.sha256.is_empty()
}

fn write_item(t: &mut Table, skill: &str, a: &Assessment) {
    if t.get("skill").and_then(Item::as_str) != Some(skill) {
        set(t, "skill", Value::from(skill));
    }
    set_text(t, "expectation", &a.expectation);
    set_text(t, "note", &a.note);
    // Version 1's `mark` becomes `marks.agreed`.
    t.remove("mark");
    set_marks(t, a);
    set_text(t, "sha256", &a.sha256);
    set_texts(t, "rolled_up", &a.rolled_up);
    set_behaviours(t, &a.behaviours);
    set_history(t, &a.history, entry_table);
}

/// The item's `[[items.behaviours]]` made to match `behaviours`: tables
/// already written are updated in place (matched by hash, so a person's
/// comments and unknown keys stay), the others appended, in the review's
/// order of first assessment.
fn set_behaviours(t: &mut Table, behaviours: &[BehaviourMarks]) {
    if behaviours.is_empty() {
        t.remove("behaviours");
        return;
    }
    if !t.contains_array_of_tables("behaviours") {
        t.insert("behaviours", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(Item::ArrayOfTables(aot)) = t.get_mut("behaviours") else {
        return;
    };
    let hash_of = |t: &Table| t.get("hash").and_then(Item::as_str).map(str::to_string);
    let mut used = vec![false; behaviours.len()];
    let mut keep = Vec::new();
    for table in aot.iter_mut() {
        let found = hash_of(table)
            .and_then(|h| (0..behaviours.len()).find(|&i| !used[i] && behaviours[i].hash == h));
        if let Some(i) = found {
            used[i] = true;
            write_behaviour(table, &behaviours[i]);
        }
        keep.push(found.is_some());
    }
    let mut n = 0;
    aot.retain(|_| {
        n += 1;
        keep[n - 1]
    });
    for (i, b) in behaviours.iter().enumerate() {
        if !used[i] {
            let mut table = Table::new();
            write_behaviour(&mut table, b);
            aot.push(table);
        }
    }
}

fn write_behaviour(t: &mut Table, b: &BehaviourMarks) {
    if t.get("text").and_then(Item::as_str) != Some(b.text.as_str()) {
        set(t, "text", Value::from(b.text.as_str()));
    }
    if t.get("hash").and_then(Item::as_str) != Some(b.hash.as_str()) {
        set(t, "hash", Value::from(b.hash.as_str()));
    }
    set_marks_to(t, b.all_marks().collect());
    set_text(t, "note", &b.note);
}

/// Writes `review` into `doc`, changing only what differs.
pub fn write_into(doc: &mut DocumentMut, review: &Review) {
    let fresh = doc.as_table().is_empty();
    let root = doc.as_table_mut();
    let had_version = root.contains_key("version");
    set(root, "version", Value::from(VERSION));
    if !had_version && root.len() > 1 {
        // `version` goes first, under the comment that opened the file.
        let first = root.iter().next().map(|(k, _)| k.to_string());
        let prefix = first
            .as_deref()
            .and_then(|k| root.key(k))
            .and_then(|k| k.leaf_decor().prefix())
            .and_then(|p| p.as_str())
            .map(str::to_string);
        if let (Some(first), Some(prefix)) = (first, prefix) {
            if let Some(mut k) = root.key_mut(&first) {
                k.leaf_decor_mut().set_prefix("");
            }
            if let Some(mut k) = root.key_mut("version") {
                k.leaf_decor_mut().set_prefix(prefix);
            }
        }
        root.sort_values_by(|a, _, b, _| (a.get() != "version").cmp(&(b.get() != "version")));
    }
    if fresh && let Some(mut k) = root.key_mut("version") {
        k.leaf_decor_mut().set_prefix(HEADER);
    }
    for (key, value) in [
        ("role", &review.role),
        ("from", &review.from),
        ("to", &review.to),
        ("catalog", &review.catalog),
    ] {
        if root.get(key).and_then(Item::as_str) != Some(value.as_str()) {
            set(root, key, Value::from(value.as_str()));
        }
    }
    set(root, "date", toml_date(review.date));
    match review.closed {
        Some(d) => set(root, "closed", toml_date(d)),
        None => {
            root.remove("closed");
        }
    }
    if !review.meta.is_empty() || root.contains_table("meta") {
        if !root.contains_table("meta") {
            root.insert("meta", Item::Table(Table::new()));
        }
        if let Some(meta) = root.get_mut("meta").and_then(Item::as_table_mut) {
            let m = &review.meta;
            set_text(meta, "candidate", &m.candidate);
            set_texts(meta, "assessors", &m.assessors);
            set_dates(meta, "meetings", &m.meetings);
            set_text(meta, "outcome", &m.outcome);
            set_text(meta, "summary", &m.summary);
        }
    }
    let wanted: Vec<(&String, &Assessment)> = review
        .items
        .iter()
        .filter(|(_, a)| worth_writing(a))
        .collect();
    if wanted.is_empty() {
        root.remove("items");
    } else {
        if !root.contains_array_of_tables("items") {
            root.insert("items", Item::ArrayOfTables(ArrayOfTables::new()));
        }
        if let Some(Item::ArrayOfTables(aot)) = root.get_mut("items") {
            // Items no longer in the review go; the others are updated in
            // place, in the file's order; new ones are appended.
            aot.retain(|t| {
                t.get("skill")
                    .and_then(Item::as_str)
                    .is_some_and(|s| wanted.iter().any(|(k, _)| k.as_str() == s))
            });
            let mut seen = Vec::new();
            let mut duplicates = Vec::new();
            for (i, t) in aot.iter_mut().enumerate() {
                let skill = t
                    .get("skill")
                    .and_then(Item::as_str)
                    .unwrap_or_default()
                    .to_string();
                if seen.contains(&skill) {
                    duplicates.push(i);
                    continue;
                }
                if let Some((_, a)) = wanted.iter().find(|(k, _)| **k == skill) {
                    write_item(t, &skill, a);
                }
                seen.push(skill);
            }
            for i in duplicates.into_iter().rev() {
                aot.remove(i);
            }
            for (skill, a) in &wanted {
                if !seen.contains(skill) {
                    let mut t = Table::new();
                    write_item(&mut t, skill, a);
                    aot.push(t);
                }
            }
        }
    }
    set_history(root, &review.history, event_table);
}

#[cfg(test)]
mod tests {
    use super::super::{AGREED, sample};
    use super::*;

    #[test]
    fn notes_keep_their_lines_as_multi_line_strings() {
        let mut r = sample();
        let note = "Wrote the model-card template (PR #412).\n- adopted by \"three\" teams\n\\ done\n\n\"\"\"";
        r.items.get_mut("sql").unwrap().note = note.into();
        let text = r.to_toml();
        assert!(
            text.contains("note = \"\"\"\nWrote the model-card"),
            "{text}"
        );
        let back = Review::parse("r.toml", &text).unwrap();
        assert_eq!(back.items["sql"].note, note);
    }

    #[test]
    fn round_trip() {
        let r = sample();
        let text = r.to_toml();
        assert!(text.contains("marks = { agreed = \"met\" }"), "{text}");
        assert!(text.starts_with("# A rungs promotion review"), "{text}");
        assert!(text.contains("\nversion = 2\n"), "{text}");
        let back = Review::parse("r.toml", &text).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.items["deep-learning"].mark, Some(Mark::Met));
        assert_eq!(back.items["sql"].mark, None);
    }

    #[test]
    fn invalid_review_names_the_line() {
        let d = Review::parse("r.toml", "role = \"x\"\nfrom = 3\n").unwrap_err();
        assert_eq!((d.path.as_str(), d.line), ("r.toml", 2), "{d}");
        let d = Review::parse(
            "r.toml",
            "role = \"a\"\nfrom = \"b\"\nto = \"c\"\ndate = 2026-01-01\n[[items]]\nskill = \"s\"\nmark = \"done\"\n",
        )
        .unwrap_err();
        assert_eq!(d.line, 7, "{d}");
        assert!(d.message.contains("valid marks"));
    }

    #[test]
    fn an_unknown_mark_is_located_where_it_is_written_not_where_it_is_quoted() {
        let text = "role = \"a\"\nfrom = \"b\"\nto = \"c\"\ndate = 2026-01-01\n\
                    [[items]]\nskill = \"s\"\nnote = 'we said \"done\" too early'\n\
                    [[items]]\nskill = \"t\"\nmark = \"done\"\n";
        let d = Review::parse("r.toml", text).unwrap_err();
        assert_eq!((d.line, d.col), (10, 8), "{d}");
        assert!(d.message.contains("unknown mark `done`"), "{d}");
        let snippet = d.snippet.expect("the line is shown");
        assert_eq!(snippet.text, "mark = \"done\"");
        assert_eq!((snippet.caret_offset, snippet.caret_width), (7, 6));
    }

    /// The example of docs/reviews.md, with an unknown key and reordered
    /// keys.
    pub(crate) const V2: &str = r#"# Alex's promotion review — comments like this one survive every save
version = 2
from = "senior"
role = "data-scientist"
to = "lead"
catalog = "Data & ML Skills Matrix"
date = 2026-11-30
team = "forecasting"   # not a rungs key: kept

[meta]
candidate = "Alex Kim"
assessors = ["Sam Lee"]
meetings = [2026-11-30, 2026-12-14]
outcome = "promote"            # promote | not-yet | deferred | any text
summary = """
Strong on modelling standards; mentoring still partly."""

[[items]]
skill = "classical-ml"
expectation = "Sets team standards for classical ML."   # the text as assessed
note = """
Wrote the model-card template (PR #412).
Adopted by three teams."""
marks = { self = "met", manager = "partly", agreed = "partly" }

[[items.history]]
at = 2026-12-14T10:42:00+08:00   # local time with offset
by = "manager"
mark = "partly"
was = "met"

[[items]]
marks = { manager = "not-yet" }
skill = "sql"
"#;

    #[test]
    fn version_2_reads_meta_marks_and_history_and_warns_of_unknown_keys() {
        let p = parse_full("r.toml", V2).unwrap();
        assert!(!p.v1);
        let r = &p.review;
        assert_eq!(r.meta.candidate, "Alex Kim");
        assert_eq!(r.meta.meetings.len(), 2);
        assert_eq!(
            r.meta.summary,
            "Strong on modelling standards; mentoring still partly."
        );
        let ml = &r.items["classical-ml"];
        assert_eq!(ml.mark, Some(Mark::Partly));
        assert_eq!(ml.mark_of("self"), Some(Mark::Met));
        assert_eq!(ml.marks[0].0, "self", "file order kept");
        assert_eq!(
            ml.note,
            "Wrote the model-card template (PR #412).\nAdopted by three teams."
        );
        assert_eq!(
            ml.history,
            [Entry {
                at: "2026-12-14T10:42:00+08:00".into(),
                by: "manager".into(),
                change: Changed::Mark {
                    mark: Some(Mark::Partly),
                    was: Some(Mark::Met)
                },
                behaviour: None,
            }]
        );
        assert!(ml.disagrees());
        assert_eq!(r.assessors(), ["Sam Lee", "self", "manager"]);
        assert_eq!(
            p.warnings,
            [
                "r.toml:8:1: warning: unknown key `team` at the top level; kept as it is (rungs knows: version, role, from, to, catalog, date, closed, meta, history, items)"
            ]
        );
        // Written back unchanged, byte for byte.
        assert_eq!(render(Some(&p.doc), r), V2);
    }

    #[test]
    fn a_marked_v2_file_changes_only_in_the_mark_and_its_history() {
        let p = parse_full("r.toml", V2).unwrap();
        let mut r = p.review.clone();
        let sql = r.items.get_mut("sql").unwrap();
        sql.set_mark("self", Some(Mark::Partly));
        sql.history.push(Entry {
            at: "2026-12-15T09:00:00+08:00".into(),
            by: "self".into(),
            change: Changed::Mark {
                mark: Some(Mark::Partly),
                was: None,
            },
            behaviour: None,
        });
        let out = render(Some(&p.doc), &r);
        let expected = V2.replace(
            "marks = { manager = \"not-yet\" }\nskill = \"sql\"\n",
            "marks = { manager = \"not-yet\", self = \"partly\" }\nskill = \"sql\"\n\n\
             [[items.history]]\nat = 2026-12-15T09:00:00+08:00\nby = \"self\"\nmark = \"partly\"\nwas = \"none\"\n",
        );
        assert_eq!(out, expected);
        assert_eq!(Review::parse("r.toml", &out).unwrap(), r);
    }

    #[test]
    fn a_v1_file_reads_its_mark_as_agreed_and_becomes_v2_with_its_comments() {
        let v1 = "# kept\nrole = \"a\" # the role\nfrom = \"b\"\nto = \"c\"\ndate = 2026-01-01\n\n\
                  [[items]]\nskill = \"s\"\nmark = \"met\"\nnote = \"n\"\n";
        let p = parse_full("r.toml", v1).unwrap();
        assert!(p.v1);
        assert_eq!(p.review.items["s"].mark, Some(Mark::Met));
        assert!(p.review.items["s"].marks.is_empty());
        let out = render(Some(&p.doc), &p.review);
        assert!(
            out.starts_with("# kept\nversion = 2\nrole = \"a\" # the role\n"),
            "{out}"
        );
        assert!(
            out.contains("marks = { agreed = \"met\" }") && !out.contains("mark = \"met\""),
            "{out}"
        );
        assert_eq!(Review::parse("r.toml", &out).unwrap(), p.review);
        let d = Review::parse("r.toml", &format!("version = 3\n{}", &v1[7..])).unwrap_err();
        assert!(d.message.contains("version 3 is not known"), "{d}");
        assert_eq!(d.line, 1);
    }

    /// Behaviour marks: written under the item, read back the same, and
    /// a hand-edited file's comments and unknown keys in a behaviour kept.
    #[test]
    fn behaviour_marks_round_trip_and_keep_comments() {
        let current = [
            "Proactively gives feedback upwards",
            "Transparent about mistakes",
        ];
        let mut r = sample();
        let sql = r.items.get_mut("sql").unwrap();
        sql.set_behaviour_mark(&current, 1, "self", Some(Mark::Met));
        sql.set_behaviour_mark(&current, 0, "self", Some(Mark::NotYet));
        sql.set_behaviour_note(&current, 1, "owned the outage write-up");
        sql.history.push(Entry {
            at: "2026-12-14T10:42:00+08:00".into(),
            by: "self".into(),
            change: Changed::Mark {
                mark: Some(Mark::Met),
                was: None,
            },
            behaviour: Some(sql.behaviours[0].hash.clone()),
        });
        let text = r.to_toml();
        assert!(
            text.contains("[[items.behaviours]]\ntext = \"Transparent about mistakes\"\nhash = \""),
            "{text}"
        );
        assert!(text.contains("rolled_up = [\"self\"]"), "{text}");
        assert!(
            text.contains(&format!(
                "behaviour = \"{}\"",
                super::super::behaviour_hash(current[1])
            )),
            "{text}"
        );
        let back = parse_full("r.toml", &text).unwrap();
        assert_eq!(back.review, r);
        assert_eq!(back.review.items["sql"].mark_of("self"), Some(Mark::Partly));
        // A comment and an unknown key in a behaviour survive a change.
        let edited = text.replace(
            "note = \"owned the outage write-up\"",
            "note = \"owned the outage write-up\" # from the retro\nsource = \"retro\"",
        );
        let p = parse_full("r.toml", &edited).unwrap();
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
        assert!(
            p.warnings[0].contains("unknown key `source` in a behaviour"),
            "{:?}",
            p.warnings
        );
        let mut r2 = p.review.clone();
        r2.items
            .get_mut("sql")
            .unwrap()
            .set_behaviour_mark(&current, 0, "self", Some(Mark::Met));
        let out = render(Some(&p.doc), &r2);
        assert!(
            out.contains("# from the retro\nsource = \"retro\""),
            "{out}"
        );
        assert_eq!(out.lines().count(), edited.lines().count(), "{out}");
        assert_eq!(
            out.lines()
                .zip(edited.lines())
                .filter(|(a, b)| a != b)
                .count(),
            2,
            "only the behaviour's marks and the item's rolled-up mark change:\n{out}"
        );
        assert_eq!(Review::parse("r.toml", &out).unwrap(), r2);
    }

    #[test]
    fn a_skill_key_agreed_sits_with_the_other_marks() {
        let mut a = Assessment::default();
        a.set_mark(AGREED, Some(Mark::Met));
        a.set_mark("self", Some(Mark::Met));
        assert!(!a.disagrees());
        a.set_mark("manager", Some(Mark::NotYet));
        assert!(a.disagrees());
        assert_eq!(
            a.all_marks().map(|(w, _)| w).collect::<Vec<_>>(),
            ["self", "manager", "agreed"]
        );
        a.set_mark("self", None);
        assert_eq!(a.marks.len(), 1);
    }
}
