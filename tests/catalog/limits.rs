//! Limits that end in a clear message rather than a hang, a crash or a
//! silent success, where tests/catalog/fixtures.rs and tests/catalog/pathological.rs
//! do not already cover them (there: 64 MiB files, deeply nested TOML
//! values and keys, 10 million cells, symlink loops, non-UTF-8 review files
//! through the CLI).

use std::path::Path;
use std::time::{Duration, Instant};

use rungs::catalog::{MAX_FILE_BYTES, MAX_FILES, MAX_SKILLS, MAX_TOTAL_BYTES, Severity, load_path};
use rungs::review::{Review, ReviewError, ReviewFile};

const ROOT: &str = "[[levels]]\nid = \"junior\"\nname = \"Junior\"\n\n\
                    [[roles]]\nid = \"engineer\"\nname = \"Engineer\"\n\n\
                    [[domains]]\nid = \"craft\"\nname = \"Craft\"\n";

fn skill(id: &str) -> String {
    format!(
        "id = \"{id}\"\nname = \"{id}\"\ndomain = \"craft\"\n\n\
         [expectations.engineer]\njunior = \"Does {id}.\"\n"
    )
}

/// One more skill file than a directory catalog may hold is refused with
/// one error on the catalog folder, before any file is read.
///
/// The 100,001 files are hard links to two empty files: a link costs no
/// inode, so the tree is made in about a second where creating as many
/// files takes 10–25 s on this machine's disk. (Two targets, because ext4
/// allows at most 65,000 links to one inode.)
#[test]
fn more_than_max_files_is_refused() {
    assert_eq!(MAX_FILES, 100_000);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("catalog.toml"), ROOT).unwrap();
    let targets = [dir.path().join(".a"), dir.path().join(".b")];
    for t in &targets {
        std::fs::write(t, "").unwrap();
    }
    let start = Instant::now();
    for i in 0..=MAX_FILES {
        let sub = dir.path().join(format!("s{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir(&sub).unwrap();
        }
        std::fs::hard_link(&targets[i % 2], sub.join(format!("{i}.toml"))).unwrap();
    }
    let made = start.elapsed();

    let start = Instant::now();
    let e = load_path(dir.path()).unwrap_err();
    let took = start.elapsed();
    eprintln!(
        "made {} files in {made:?}, refused in {took:?}",
        MAX_FILES + 1
    );
    assert_eq!(e.diagnostics.len(), 1, "{:#?}", &e.diagnostics[..3]);
    let d = &e.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path, dir.path().display().to_string());
    assert_eq!((d.line, d.col), (1, 1));
    assert_eq!(
        d.message,
        "catalog has more than 100000 skill files; split it into several catalogs"
    );
    // Refused while listing: no file was read or parsed.
    assert!(took < Duration::from_secs(20), "{took:?}");
}

/// Folders deeper than 64 levels below the root are skipped with a warning
/// that names the first folder not read; the catalog still loads.
#[test]
fn folders_nested_deeper_than_64_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("catalog.toml"), ROOT).unwrap();
    let mut folder = dir.path().to_path_buf();
    let mut at_64 = None;
    for depth in 1..=66 {
        folder.push("d");
        std::fs::create_dir(&folder).unwrap();
        // A skill at every depth from 62 on; a broken file below the limit.
        if depth >= 62 {
            let text = if depth > 64 {
                "this is not TOML".to_string()
            } else {
                skill(&format!("depth-{depth}"))
            };
            std::fs::write(folder.join("s.toml"), text).unwrap();
        }
        if depth == 65 {
            at_64 = Some(folder.clone());
        }
    }
    let loaded = load_path(dir.path()).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    let mut ids: Vec<&str> = loaded
        .catalog
        .skills
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["depth-62", "depth-63", "depth-64"]);
    let deep: Vec<_> = loaded
        .warnings
        .iter()
        .filter(|w| w.message.contains("nested deeper"))
        .collect();
    assert_eq!(deep.len(), 1, "{:#?}", loaded.warnings);
    assert_eq!(
        deep[0].message,
        "folder nested deeper than 64 levels is not read"
    );
    assert_eq!(deep[0].path, at_64.unwrap().display().to_string());
    assert_eq!(deep[0].severity, Severity::Warning);
}

/// Review files that are UTF-8 text but not a review: each is refused with
/// "invalid review file", a line and a column inside the text, and a
/// message that says what is wrong.
#[test]
fn a_review_that_is_not_toml_names_the_problem() {
    let catalog = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.toml"),
    )
    .unwrap();
    let cases: &[(&str, &str, usize, &str)] = &[
        // (what, text, line (0: any line of the text), a fragment of the message)
        ("JSON", "{\"role\": \"data-scientist\"}\n", 1, ""),
        (
            "Markdown",
            "# Promotion review\n\n- **Role:** data scientist\n",
            3,
            "",
        ),
        ("empty", "", 1, "missing field `role`"),
        (
            "a comment only",
            "# nothing here\n",
            1,
            "missing field `role`",
        ),
        // Unknown keys are kept and warned about, not refused (review files
        // version 2): a catalog lacks the review's keys.
        ("a catalog", &catalog, 0, "missing field `role`"),
        (
            "an unterminated string",
            "role = \"data-scientist\nfrom = \"senior\"\n",
            1,
            "",
        ),
        (
            "a date in quotes",
            "role = \"r\"\nfrom = \"a\"\nto = \"b\"\ndate = \"2026-03-04\"\n",
            4,
            "",
        ),
        (
            "a nul byte",
            "role = \"r\"\0\nfrom = \"a\"\nto = \"b\"\ndate = 2026-03-04\n",
            1,
            "",
        ),
        (
            "deep nesting",
            &format!("role = {}1{}\n", "[".repeat(50_000), "]".repeat(50_000)),
            1,
            "",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (what, text, line, fragment) in cases {
        let d = Review::parse("r.toml", text).expect_err(what);
        assert_eq!(d.path, "r.toml", "{what}");
        let lines = text.lines().count().max(1);
        assert!(d.line >= 1 && d.line <= lines && d.col >= 1, "{what}: {d}");
        if *line > 0 {
            assert_eq!(d.line, *line, "{what}: {d}");
        }
        assert!(
            d.message.starts_with("invalid review file: "),
            "{what}: {d}"
        );
        assert!(d.message.contains(fragment), "{what}: {d}");
        assert!(
            d.message.len() > "invalid review file: ".len() + 5,
            "{what}: says what is wrong: {d}"
        );

        // Opening the file refuses it the same way and leaves it alone.
        let path = dir.path().join("r.toml");
        std::fs::write(&path, text).unwrap();
        let Err(ReviewError::Invalid(d)) = ReviewFile::open_or_new(&path, || panic!("exists"))
        else {
            panic!("{what}: opened")
        };
        assert!(*line == 0 || d.line == *line, "{what}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), *text);
    }
}

/// Runs `f` on another thread and fails if it does not return within a few
/// seconds: a FIFO opened the ordinary way blocks forever.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("loading did not return: it hangs")
}

fn mkfifo(path: &Path) -> bool {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    let ok = made.is_ok_and(|s| s.success());
    if !ok {
        eprintln!("mkfifo is not available: FIFO case skipped");
    }
    ok
}

/// A FIFO named `*.toml` in a catalog folder, or given as the catalog, is
/// an error naming what it is, not a hang.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_catalog_or_as_the_catalog_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("catalog.toml"), ROOT).unwrap();
    std::fs::write(dir.path().join("ok.toml"), skill("ok")).unwrap();
    let fifo = dir.path().join("pipe.toml");
    if !mkfifo(&fifo) {
        return;
    }
    let root = dir.path().to_path_buf();
    let e = within_seconds(move || load_path(&root).map(drop)).unwrap_err();
    let d = &e.diagnostics[0];
    assert_eq!(e.error_count(), 1, "{:#?}", e.diagnostics);
    assert_eq!(d.path, fifo.display().to_string());
    assert_eq!(
        d.message,
        "cannot read file: it is a named pipe (FIFO), not a regular file"
    );

    let e = within_seconds(move || load_path(&fifo).map(drop)).unwrap_err();
    assert_eq!(
        e.diagnostics[0].message,
        "cannot read file: it is a named pipe (FIFO), not a regular file"
    );
}

/// A one-file catalog of more skills than allowed is refused before its
/// TOML is parsed (a million tiny skills took 17 s and 4.5 GB), with the
/// numbers in the message.
#[test]
fn more_than_max_skills_in_one_file_is_refused() {
    assert_eq!(MAX_SKILLS, 100_000);
    let mut text = String::from(ROOT);
    for i in 0..=MAX_SKILLS {
        text.push_str(&format!("[[skills]]\nid = \"s{i}\"\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    std::fs::write(&path, text).unwrap();
    let e = load_path(&path).unwrap_err();
    assert_eq!(e.diagnostics.len(), 1, "{:#?}", &e.diagnostics[..3]);
    assert_eq!(
        e.diagnostics[0].message,
        "the catalog has 100001 skills (100001 `[[skills]]` in the root file, 0 skill files); \
         at most 100000 are allowed; split it into several catalogs"
    );
}

/// A folder whose files together hold more than 512 MiB is refused with
/// one error, not read to the end. The files are sparse (no disk is used)
/// and start with a byte that is not UTF-8, so each one read is refused at
/// once instead of being parsed.
#[test]
fn more_than_max_total_bytes_in_a_folder_is_refused() {
    assert_eq!(MAX_TOTAL_BYTES, 512 * 1024 * 1024);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("catalog.toml"), ROOT).unwrap();
    let each = MAX_FILE_BYTES - 1024 * 1024;
    let files = MAX_TOTAL_BYTES / each + 1;
    for i in 0..files {
        let path = dir.path().join(format!("s{i}.toml"));
        std::fs::write(&path, [0xFF]).unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(each)
            .unwrap();
    }
    let e = load_path(dir.path()).unwrap_err();
    let over: Vec<_> = e
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("more than 512 MiB together"))
        .collect();
    assert_eq!(over.len(), 1, "{:#?}", e.diagnostics);
    assert!(
        over[0].message.ends_with(
            "at most 536870912 bytes); the rest is not read; split it into several catalogs"
        ),
        "{}",
        over[0].message
    );
    // The file that crossed the limit and those after it were not parsed.
    let parsed = e.diagnostics.len() - 1;
    assert!(parsed < files as usize, "{parsed} of {files} files parsed");
}
