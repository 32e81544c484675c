//! Property tests of the catalog loader and the review parser on random and
//! mutated input: no panic, every problem located in a file that was read
//! (line ≥ 1, column ≥ 1, inside the file), nothing printable that could
//! drive a terminal, and no forbidden character in a catalog that loads.
//!
//! tests/catalog/pathological.rs mutates bytes blindly; these mutations know TOML's
//! shape (lines, keys, tables, string values), so they reach the catalog
//! walker with well-formed documents far more often. Case counts are kept
//! small so the file runs in seconds in a debug build; raise them with
//! `PROPTEST_CASES=5000 cargo test --test catalog proptest_loader` for a longer run.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rungs::catalog::{Diagnostic, LoadError, Loaded, embedded_files, is_forbidden, load_path};
use rungs::review::Review;

// ------------------------------------------------------------------ inputs

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A catalog as files: paths relative to the catalog root, and contents.
type Files = Vec<(PathBuf, Vec<u8>)>;

/// The embedded default catalog, as a directory catalog.
fn embedded_dir() -> Files {
    embedded_files()
        .into_iter()
        .map(|(p, b)| (p, b.to_vec()))
        .collect()
}

/// tests/fixtures/valid/dir-catalog, without its hidden files (which the
/// loader skips, so mutating them would test nothing).
fn fixture_dir() -> Files {
    fn walk(root: &Path, dir: &Path, out: &mut Files) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(std::fs::DirEntry::path);
        for e in entries {
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = e.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    let root = fixtures().join("valid/dir-catalog");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out
}

/// A directory catalog as one file: the root, then each skill file as a
/// `[[skills]]` table (its `[expectations.…]` tables move under `skills.`).
fn as_one_file(files: &Files) -> Vec<u8> {
    let mut out = Vec::new();
    let root = files
        .iter()
        .find(|(p, _)| p == Path::new("catalog.toml"))
        .unwrap();
    out.extend_from_slice(&root.1);
    for (path, bytes) in files {
        if path == Path::new("catalog.toml") || path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        out.extend_from_slice(b"\n[[skills]]\n");
        let text = std::str::from_utf8(bytes).unwrap();
        for line in text.lines() {
            match line.strip_prefix("[expectations") {
                Some(rest) => {
                    out.extend_from_slice(format!("[skills.expectations{rest}").as_bytes())
                }
                None => out.extend_from_slice(line.as_bytes()),
            }
            out.push(b'\n');
        }
    }
    out
}

/// Every valid one-file catalog the mutations start from.
fn one_file_seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = ["minimal.toml", "unicode.toml", "seed-skill.toml"]
        .iter()
        .map(|f| std::fs::read(fixtures().join("valid").join(f)).unwrap())
        .collect();
    seeds.push(as_one_file(&embedded_dir()));
    seeds.push(as_one_file(&fixture_dir()));
    seeds
}

const REVIEW: &str = "# A rungs promotion review.\n\
role = \"data-scientist\"\n\
from = \"senior\"\n\
to = \"lead\"\n\
catalog = \"Data & ML Skills Matrix\"\n\
date = 2026-03-04\n\
\n\
[[items]]\n\
skill = \"sql\"\n\
mark = \"met\"\n\
note = \"owns the warehouse style guide\"\n\
expectation = \"Sets team standards for SQL: …\"\n\
\n\
[[items]]\n\
skill = \"data-quality\"\n\
mark = \"partly\"\n\
note = \"contracts drafted, not signed\"\n\
expectation = \"\"\"\nSets team standards\nfor data validation.\"\"\"\n";

/// Pieces of TOML (and of trouble) that random documents are made of.
const TOKENS: &[&str] = &[
    "\n",
    "\r\n",
    " ",
    "\t",
    "=",
    " = ",
    "\"",
    "'",
    "\"\"\"",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "#",
    "\\",
    "\\u001b",
    "\\u009b",
    "\\u202e",
    "\\n",
    "\u{1b}[31m",
    "\u{9b}",
    "\u{202e}",
    "\u{7f}",
    "\0",
    "初级",
    "🚀",
    "\u{FEFF}",
    "1",
    "-0",
    "3.5e9",
    "true",
    "2026-02-22",
    "2026-02-30",
    "1979-05-27T07:32:00Z",
    "title",
    "levels",
    "roles",
    "domains",
    "skills",
    "id",
    "name",
    "summary",
    "domain",
    "tags",
    "updated",
    "expectations",
    "text",
    "necessity",
    "required",
    "optional",
    "junior",
    "engineer",
    "craft",
    "\"a\"",
    "[[levels]]\nid = \"junior\"\nname = \"Junior\"\n",
    "[[roles]]\nid = \"engineer\"\nname = \"Engineer\"\n",
    "[[domains]]\nid = \"craft\"\nname = \"Craft\"\n",
    "[[skills]]\nid = \"s\"\nname = \"S\"\ndomain = \"craft\"\n",
    "[skills.expectations.engineer]\njunior = \"x\"\n",
    "role",
    "from",
    "to",
    "date",
    "[[items]]\nskill = \"sql\"\n",
    "mark",
    "\"met\"",
    "note",
];

/// Random documents: arbitrary bytes, or TOML-ish tokens strung together.
fn document() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        proptest::collection::vec(proptest::sample::select(TOKENS), 0..80)
            .prop_map(|t| t.concat().into_bytes()),
    ]
}

// --------------------------------------------------------------- mutations

/// Nasty text to put inside a string value, and whether it is valid TOML
/// there: raw C0 controls and DEL are not (the file is refused, located),
/// TOML escapes and raw C1 / bidi characters are (they must be cleaned).
const INJECTIONS: &[(&str, bool)] = &[
    ("\u{1b}[31m", false),
    ("\u{1b}]0;title\u{7}", false),
    ("\u{7f}", false),
    ("\r", false),
    ("\\", false),
    ("\"", false),
    ("\u{9b}31m", true),
    ("\u{202e}", true),
    ("\u{2066}x\u{2069}", true),
    ("\t", true),
    ("\\u001b[31m", true),
    ("\\u001b]0;title\\u0007", true),
    ("\\u009b", true),
    ("\\u202e", true),
    ("\\u0000", true),
    ("\\u0008\\u000b\\u000c", true),
    ("\\n\\r\\t", true),
    ("\\u2069", true),
    ("初级🚀", true),
];

/// Values of the wrong type (or of no type) to put where a string was.
const WRONG_VALUES: &[&str] = &[
    "42",
    "-1.5",
    "true",
    "[1, \"x\", [2]]",
    "[]",
    "{ a = 1 }",
    "{}",
    "2026-02-30",
    "2026-02-22",
    "1979-05-27T07:32:00Z",
    "\"\"",
    "\"   \"",
    "'''\n'''",
    "",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// Delete a line (index taken modulo the number of lines).
    DeleteLine(usize),
    SwapLines(usize, usize),
    /// Swap the keys of two `key = value` lines.
    SwapKeys(usize, usize),
    /// Cut the file at a byte offset (modulo its length + 1): may split a
    /// UTF-8 character.
    Truncate(usize),
    /// Copy a table (from its `[header]` to the next) right after itself.
    DuplicateTable(usize),
    /// Replace the value of a `key = "…"` line by a value of another type.
    WrongType(usize, usize),
    /// Insert nasty text just inside the first string of a line.
    Inject(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let n = 0..10_000usize;
    // Injections are weighted up: most leave the catalog valid, so the
    // cleaning of what loads gets checked, not only the errors.
    prop_oneof![
        1 => n.clone().prop_map(Mutation::DeleteLine),
        1 => (n.clone(), n.clone()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => (n.clone(), n.clone()).prop_map(|(a, b)| Mutation::SwapKeys(a, b)),
        1 => (0..100_000usize).prop_map(Mutation::Truncate),
        1 => n.clone().prop_map(Mutation::DuplicateTable),
        1 => (n.clone(), 0..WRONG_VALUES.len()).prop_map(|(a, v)| Mutation::WrongType(a, v)),
        6 => (n, 0..INJECTIONS.len()).prop_map(|(a, v)| Mutation::Inject(a, v)),
    ]
}

fn split_lines(doc: &[u8]) -> Vec<Vec<u8>> {
    doc.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

fn join_lines(lines: &[Vec<u8>]) -> Vec<u8> {
    lines.join(&b'\n')
}

/// Position of the `=` of a `key = value` line, when it is one.
fn equals(line: &[u8]) -> Option<usize> {
    let first = line.iter().find(|b| !b.is_ascii_whitespace())?;
    if matches!(first, b'[' | b'#') {
        return None;
    }
    line.iter().position(|&b| b == b'=')
}

/// The `n`-th (modulo) line satisfying `keep`, if any line does.
fn pick(lines: &[Vec<u8>], n: usize, keep: impl Fn(&[u8]) -> bool) -> Option<usize> {
    let hits: Vec<usize> = (0..lines.len()).filter(|&i| keep(&lines[i])).collect();
    (!hits.is_empty()).then(|| hits[n % hits.len()])
}

fn string_start(line: &[u8]) -> Option<usize> {
    let eq = equals(line)?;
    line[eq..]
        .iter()
        .position(|&b| b == b'"')
        .map(|q| eq + q + 1)
}

fn apply(doc: &mut Vec<u8>, m: &Mutation) {
    let mut lines = split_lines(doc);
    match *m {
        Mutation::DeleteLine(i) => {
            lines.remove(i % lines.len());
        }
        Mutation::SwapLines(a, b) => {
            let n = lines.len();
            lines.swap(a % n, b % n);
        }
        Mutation::SwapKeys(a, b) => {
            let (Some(a), Some(b)) = (
                pick(&lines, a, |l| equals(l).is_some()),
                pick(&lines, b, |l| equals(l).is_some()),
            ) else {
                return;
            };
            let (ea, eb) = (equals(&lines[a]).unwrap(), equals(&lines[b]).unwrap());
            let (ka, kb) = (lines[a][..ea].to_vec(), lines[b][..eb].to_vec());
            lines[a].splice(..ea, kb);
            lines[b].splice(..eb, ka);
        }
        Mutation::Truncate(at) => {
            doc.truncate(at % (doc.len() + 1));
            return;
        }
        Mutation::DuplicateTable(i) => {
            let is_header = |l: &[u8]| l.trim_ascii_start().starts_with(b"[");
            let Some(start) = pick(&lines, i, is_header) else {
                return;
            };
            let end = (start + 1..lines.len())
                .find(|&j| is_header(&lines[j]))
                .unwrap_or(lines.len());
            let copy = lines[start..end].to_vec();
            lines.splice(end..end, copy);
        }
        Mutation::WrongType(i, v) => {
            let Some(i) = pick(&lines, i, |l| string_start(l).is_some()) else {
                return;
            };
            let eq = equals(&lines[i]).unwrap();
            lines[i].truncate(eq + 1);
            lines[i].push(b' ');
            lines[i].extend_from_slice(WRONG_VALUES[v].as_bytes());
        }
        Mutation::Inject(i, v) => {
            let Some(i) = pick(&lines, i, |l| string_start(l).is_some()) else {
                return;
            };
            let at = string_start(&lines[i]).unwrap();
            lines[i].splice(at..at, INJECTIONS[v].0.bytes());
        }
    }
    *doc = join_lines(&lines);
}

// ------------------------------------------------------------------ checks

fn lines_of(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count() + 1
}

/// How a path appears in messages (as the loader shows it; temporary paths
/// hold no character it would clean).
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Every diagnostic is located in `root` (the file, or a path below the
/// directory) and, when it names one of `files`, inside that file; it
/// prints nothing that could drive a terminal.
fn check_diags(
    diags: &[Diagnostic],
    root: &Path,
    files: &[(PathBuf, usize)],
) -> Result<(), TestCaseError> {
    let root_shown = shown(root);
    for d in diags {
        prop_assert!(
            d.path == root_shown || d.path.starts_with(&format!("{root_shown}/")),
            "diagnostic names {:?}, not {root_shown:?}: {d}",
            d.path
        );
        prop_assert!(d.line >= 1 && d.col >= 1, "{d:?}");
        if let Some((_, lines)) = files.iter().find(|(p, _)| shown(p) == d.path) {
            prop_assert!(d.line <= *lines, "line {} of {lines}: {d}", d.line);
        }
        let text = d.to_string();
        prop_assert!(
            !text.chars().any(|c| is_forbidden(c) || c == '\r'),
            "{text:?}"
        );
    }
    Ok(())
}

fn check_clean(what: &str, text: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        !text.chars().any(is_forbidden),
        "{what} holds a forbidden character: {text:?}"
    );
    Ok(())
}

/// A load either fails with at least one error, or gives a coherent
/// catalog in which no name or text holds a forbidden character.
fn check_load(
    result: &Result<Loaded, LoadError>,
    root: &Path,
    files: &[(PathBuf, usize)],
) -> Result<(), TestCaseError> {
    let loaded = match result {
        Err(e) => {
            prop_assert!(e.error_count() > 0, "an error without errors");
            return check_diags(&e.diagnostics, root, files);
        }
        Ok(loaded) => loaded,
    };
    check_diags(&loaded.warnings, root, files)?;
    prop_assert!(loaded.warnings.iter().all(|d| !d.is_error()));
    let c = &loaded.catalog;
    prop_assert!(!c.levels.is_empty() && !c.roles.is_empty());
    check_clean("the title", c.display_title())?;
    for n in c.levels.iter().chain(&c.roles).chain(&c.domains) {
        check_clean("an id", &n.id)?;
        check_clean("a name", &n.name)?;
        prop_assert!(!n.name.trim().is_empty());
        check_clean("a summary", n.summary.as_deref().unwrap_or_default())?;
    }
    for s in &c.skills {
        check_clean("a skill id", &s.id)?;
        check_clean("a skill name", &s.name)?;
        check_clean("a skill summary", s.summary.as_deref().unwrap_or_default())?;
        for t in &s.tags {
            check_clean("a tag", t)?;
        }
        prop_assert!(s.domain < c.domains.len());
        for (r, l, cell) in s.expectations() {
            prop_assert!(r < c.roles.len() && l < c.levels.len());
            check_clean("an expectation", &cell.text)?;
            prop_assert!(!cell.text.trim().is_empty());
        }
    }
    for r in 0..c.roles.len() {
        prop_assert!(c.profile(r).iter().all(|&i| i < c.skills.len()));
    }
    Ok(())
}

/// Writes `bytes` as a one-file catalog and loads it.
fn load_one_file(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.toml");
    std::fs::write(&path, bytes).unwrap();
    let result = load_path(&path);
    check_load(&result, &path, &[(path.clone(), lines_of(bytes))])
}

/// Writes `files` as a directory catalog and loads it.
fn load_dir(files: &Files) -> Result<(), TestCaseError> {
    let (result, dir, written) = load_dir_result(files);
    check_load(&result, dir.path(), &written)
}

/// `cases` per property, unless `PROPTEST_CASES` says otherwise.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    }
}

/// The seeds themselves load: the mutations start from valid catalogs.
#[test]
fn seeds_are_valid() {
    for seed in one_file_seeds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, &seed).unwrap();
        let loaded = load_path(&path).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
        assert!(!loaded.catalog.skills.is_empty());
    }
    for files in [embedded_dir(), fixture_dir()] {
        let dir = tempfile::tempdir().unwrap();
        for (rel, bytes) in &files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, bytes).unwrap();
        }
        let loaded = load_path(dir.path()).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
        assert!(loaded.catalog.skills.len() > 1);
    }
    Review::parse("r.toml", REVIEW).unwrap();
}

// ------------------------------------------------------------ (a) random bytes

proptest! {
    #![proptest_config(config(256))]

    /// Random bytes as a one-file catalog.
    #[test]
    fn random_bytes_as_a_catalog_file(bytes in document()) {
        load_one_file(&bytes)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Random bytes as the root of a directory catalog, and as one of its
    /// skill files (read on a worker thread, against a valid root).
    #[test]
    fn random_bytes_in_a_directory_catalog(root in document(), skill in document()) {
        let base = fixture_dir();
        let mut files = base.clone();
        files.retain(|(p, _)| p != Path::new("catalog.toml"));
        files.push((PathBuf::from("catalog.toml"), root));
        load_dir(&files)?;
        let mut files = base;
        files.push((PathBuf::from("skills/random/r.toml"), skill));
        load_dir(&files)?;
    }
}

// -------------------------------------------------- (b) mutated valid catalogs

proptest! {
    #![proptest_config(config(256))]

    /// Valid one-file catalogs (the fixtures and the default catalog folded
    /// into one file) with lines deleted and swapped, keys swapped, tables
    /// duplicated, values of the wrong type, escapes injected, cut short.
    #[test]
    fn mutated_one_file_catalogs(
        seed in 0..5usize,
        mutations in proptest::collection::vec(mutation(), 1..5),
    ) {
        let mut doc = one_file_seeds().swap_remove(seed);
        for m in &mutations {
            apply(&mut doc, m);
        }
        load_one_file(&doc)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// The default catalog and the directory fixture as directory catalogs,
    /// with one to three of their files mutated.
    #[test]
    fn mutated_directory_catalogs(
        embedded in any::<bool>(),
        edits in proptest::collection::vec(
            (any::<usize>(), proptest::collection::vec(mutation(), 1..4)),
            1..4,
        ),
    ) {
        let mut files = if embedded { embedded_dir() } else { fixture_dir() };
        let tomls: Vec<usize> = (0..files.len())
            .filter(|&i| files[i].0.extension().is_some_and(|e| e == "toml"))
            .collect();
        for (which, mutations) in &edits {
            let i = tomls[which % tomls.len()];
            for m in mutations {
                apply(&mut files[i].1, m);
            }
        }
        load_dir(&files)?;
    }
}

/// Lines of `doc` with a string value that is text, not an id or an id
/// reference (which may hold no such character and are refused).
fn is_text_line(line: &[u8]) -> bool {
    let Some(eq) = equals(line) else { return false };
    let key = line[..eq].trim_ascii();
    string_start(line).is_some() && !matches!(key, b"id" | b"domain" | b"necessity")
}

/// `INJECTIONS[v]` inside the first string of every line of `doc` (but
/// for ids and id references, unless `refs`).
fn inject_everywhere(doc: &[u8], v: usize, refs: bool) -> Vec<u8> {
    let mut lines = split_lines(doc);
    for line in &mut lines {
        if !refs && !is_text_line(line) {
            continue;
        }
        if let Some(at) = string_start(line) {
            line.splice(at..at, INJECTIONS[v].0.bytes());
        }
    }
    join_lines(&lines)
}

fn load_dir_result(
    files: &Files,
) -> (
    Result<Loaded, LoadError>,
    tempfile::TempDir,
    Vec<(PathBuf, usize)>,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        written.push((path, lines_of(bytes)));
    }
    (load_path(dir.path()), dir, written)
}

/// Each injection in every string at once, in both catalog forms. In text
/// fields, the valid ones (TOML escapes, raw C1 and bidi characters) load
/// and are cleaned with a warning; raw C0 controls are refused as TOML
/// syntax, located. In ids anything of the kind is refused.
#[test]
fn every_injection_in_every_string_is_cleaned_or_refused() {
    let mut seeds: Vec<Files> = one_file_seeds()
        .into_iter()
        .map(|s| vec![(PathBuf::from("one.toml"), s)])
        .collect();
    seeds.push(embedded_dir());
    seeds.push(fixture_dir());
    for seed in &seeds {
        for (v, &(injection, valid)) in INJECTIONS.iter().enumerate() {
            for refs in [false, true] {
                let files: Files = seed
                    .iter()
                    .map(|(p, b)| (p.clone(), inject_everywhere(b, v, refs)))
                    .collect();
                let (result, dir, written) = if files.len() == 1 {
                    let dir = tempfile::tempdir().unwrap();
                    let path = dir.path().join(&files[0].0);
                    std::fs::write(&path, &files[0].1).unwrap();
                    let written = vec![(path.clone(), lines_of(&files[0].1))];
                    (load_path(&path), dir, written)
                } else {
                    load_dir_result(&files)
                };
                let root = if files.len() == 1 {
                    written[0].0.clone()
                } else {
                    dir.path().to_path_buf()
                };
                check_load(&result, &root, &written).unwrap();
                match (&result, valid, refs) {
                    (Ok(loaded), true, false) => {
                        let cleaned = loaded
                            .warnings
                            .iter()
                            .any(|w| w.message.starts_with("in `"));
                        assert!(
                            cleaned || injection == "初级🚀",
                            "{injection:?}: no cleaning warning: {:#?}",
                            loaded.warnings
                        );
                    }
                    (Err(e), true, false) => {
                        panic!("{injection:?} in text was refused: {:#?}", e.diagnostics)
                    }
                    (Err(e), false, _) => assert!(
                        e.diagnostics
                            .iter()
                            .any(|d| d.message.starts_with("TOML syntax")),
                        "{injection:?}: {:#?}",
                        e.diagnostics
                    ),
                    (Ok(_), false, _) => panic!("{injection:?} raw in a string was accepted"),
                    (_, true, true) => {
                        assert!(result.is_err(), "{injection:?} in ids was accepted");
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Valid injections into random text fields of random files: the
    /// catalog always loads, and nothing forbidden is left in it.
    #[test]
    fn injected_text_loads_clean(
        seed in 0..7usize,
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..12),
    ) {
        let valid: Vec<usize> = (0..INJECTIONS.len()).filter(|&v| INJECTIONS[v].1).collect();
        let mut files: Files = match seed {
            5 => embedded_dir(),
            6 => fixture_dir(),
            s => vec![(PathBuf::from("one.toml"), one_file_seeds().swap_remove(s))],
        };
        let tomls: Vec<usize> = (0..files.len())
            .filter(|&i| files[i].0.extension().is_some_and(|e| e == "toml"))
            .collect();
        for (file, line, v) in edits {
            let doc = &mut files[tomls[file % tomls.len()]].1;
            let mut lines = split_lines(doc);
            if let Some(i) = pick(&lines, line, is_text_line) {
                let at = string_start(&lines[i]).unwrap();
                lines[i].splice(at..at, INJECTIONS[valid[v % valid.len()]].0.bytes());
                *doc = join_lines(&lines);
            }
        }
        let (result, dir, written) = if files.len() == 1 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("one.toml");
            std::fs::write(&path, &files[0].1).unwrap();
            (load_path(&path), dir, vec![(path, lines_of(&files[0].1))])
        } else {
            load_dir_result(&files)
        };
        let root = if files.len() == 1 { written[0].0.clone() } else { dir.path().to_path_buf() };
        prop_assert!(result.is_ok(), "{:#?}", result.err().map(|e| e.diagnostics));
        check_load(&result, &root, &written)?;
    }
}

// ------------------------------------------------------------- (c) reviews

fn check_review(text: &str) -> Result<(), TestCaseError> {
    match Review::parse("r.toml", text) {
        Err(d) => {
            prop_assert_eq!(d.path.as_str(), "r.toml");
            prop_assert!(d.line >= 1 && d.col >= 1, "{d:?}");
            prop_assert!(d.line <= lines_of(text.as_bytes()), "{d}");
            prop_assert!(d.message.starts_with("invalid review file"), "{d}");
            let shown = d.to_string();
            prop_assert!(
                !shown.chars().any(|c| is_forbidden(c) || c == '\r'),
                "{shown:?}"
            );
        }
        Ok(r) => {
            for s in [&r.role, &r.from, &r.to, &r.catalog] {
                check_clean("a review field", s)?;
            }
            for (skill, a) in &r.items {
                check_clean("a skill id", skill)?;
                check_clean("a note", &a.note)?;
                // Notes hold line breaks since the meeting editor; always LF.
                prop_assert!(!a.note.contains('\r'), "a note's line breaks are LF only");
                check_clean("an expectation", &a.expectation)?;
            }
            // What was read is written back and read again the same (items
            // with neither mark nor note are not written).
            let again = Review::parse("r.toml", &r.to_toml());
            prop_assert!(again.is_ok(), "{:?}", again.err());
            let mut want = r.clone();
            want.items.retain(|_, a| !a.is_empty());
            prop_assert_eq!(again.unwrap(), want);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn random_review_files(bytes in document()) {
        check_review(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn mutated_review_files(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let mut doc = REVIEW.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut doc, m);
        }
        check_review(&String::from_utf8_lossy(&doc))?;
    }
}
