//! The catalog loader against the fixtures in tests/fixtures: valid catalogs
//! load with no warnings, each invalid one fails with the exact place and
//! message, each warnings fixture yields exactly its warning.

use std::path::{Path, PathBuf};

use rungs::catalog::{Diagnostic, Loaded, Necessity, Severity, is_forbidden, load_path};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Loads a fixture that must be valid and free of warnings.
fn valid(rel: &str) -> Loaded {
    let loaded = load_path(&fixture(rel)).unwrap_or_else(|e| {
        panic!(
            "{rel} should load, got:\n{}",
            e.diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(
        loaded.warnings.is_empty(),
        "{rel} should have no warnings, got: {:#?}",
        loaded.warnings
    );
    loaded
}

/// Loads a fixture that must be invalid and returns its diagnostics.
fn invalid(path: &Path) -> Vec<Diagnostic> {
    match load_path(path) {
        Ok(_) => panic!("{} should not load", path.display()),
        Err(e) => {
            assert_eq!(e.error_count(), e.diagnostics.len(), "only errors expected");
            e.diagnostics
        }
    }
}

/// One expected problem: file (relative to the catalog path given, or ""
/// for the path itself), line, column, and fragments of the message.
struct Want<'a>(&'a str, usize, usize, &'a [&'a str]);

fn assert_diags(catalog: &Path, diags: &[Diagnostic], want: &[Want<'_>]) {
    let got: Vec<String> = diags.iter().map(Diagnostic::headline).collect();
    assert_eq!(
        diags.len(),
        want.len(),
        "wrong number of problems:\n{}",
        got.join("\n")
    );
    for (d, Want(file, line, col, fragments)) in diags.iter().zip(want) {
        let path = if file.is_empty() {
            shown(catalog)
        } else {
            shown(&catalog.join(file))
        };
        assert_eq!(d.path, path, "file of {}", d.headline());
        assert_eq!((d.line, d.col), (*line, *col), "place of {}", d.headline());
        for f in *fragments {
            assert!(
                d.message.contains(f),
                "message of {} lacks {f:?}",
                d.headline()
            );
        }
    }
}

fn expect_errors(rel: &str, want: &[Want<'_>]) {
    let path = fixture(rel);
    let diags = invalid(&path);
    for d in &diags {
        assert_eq!(d.severity, Severity::Error);
    }
    assert_diags(&path, &diags, want);
}

// ---------------------------------------------------------------- valid

#[test]
fn minimal_catalog() {
    let c = valid("valid/minimal.toml").catalog;
    assert_eq!(c.title, None);
    assert_eq!(c.display_title(), "Skills matrix");
    assert_eq!((c.levels.len(), c.roles.len(), c.domains.len()), (1, 1, 1));
    let s = &c.skills[0];
    assert_eq!((s.id.as_str(), s.name.as_str()), ("testing", "Testing"));
    let cell = s.cell(0, 0).unwrap();
    assert_eq!(cell.necessity, Necessity::Optional);
    assert_eq!(&*cell.text, "Writes unit tests for their own code.");
    assert_eq!(s.origin.line, 16, "a skill's origin is its id line");
}

#[test]
fn unicode_names_survive_loading() {
    let c = valid("valid/unicode.toml").catalog;
    assert_eq!(c.title.as_deref(), Some("技能矩阵 🚀"));
    let names: Vec<&str> = c.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["初级", "中级", "高级"]);
    assert_eq!(c.levels[0].summary.as_deref(), Some("在指导下完成任务。"));
    let dl = &c.skills[c.skill_index("deep-learning").unwrap()];
    assert_eq!(dl.name, "Deep Learning 🧠");
    assert_eq!(dl.summary.as_deref(), Some("神经网络 — naïve café résumé"));
    assert_eq!(dl.tags, ["pytorch", "深度学习"]);
    assert_eq!(dl.updated.unwrap().to_string(), "2026-02-22");
    assert_eq!(&*dl.cell(0, 1).unwrap().text, "独立开发生产模型 🚀");
    assert_eq!(dl.cell(0, 2).unwrap().necessity, Necessity::Required);
    let py = &c.skills[c.skill_index("python").unwrap()];
    assert_eq!(py.name, "Python 🐍");
    assert!(py.cell(0, 0).is_none() && py.cell(0, 1).is_some());
    // Profile: sorted by name within the domain.
    let profile: Vec<&str> = c
        .profile(0)
        .iter()
        .map(|&i| c.skills[i].id.as_str())
        .collect();
    assert_eq!(profile, ["deep-learning", "python"]);
}

#[test]
fn seed_skill_counts_like_the_source_page() {
    let c = valid("valid/seed-skill.toml").catalog;
    let n = c.counts();
    assert_eq!(
        (
            n.roles,
            n.levels,
            n.domains,
            n.skills,
            n.expectations,
            n.required,
            n.optional
        ),
        (2, 5, 1, 1, 10, 0, 10)
    );
    let s = c.skill_counts(&c.skills[0]);
    assert_eq!((s.roles, s.levels, s.required, s.optional), (2, 5, 0, 10));
    assert_eq!(
        rungs::cli::check::summary_line(&c),
        "ok: 2 roles, 5 levels, 1 domains, 1 skills, 10 expectations (0 required, 10 optional)"
    );
}

#[test]
fn directory_catalog_reads_nested_folders_and_skips_hidden_ones() {
    let root = fixture("valid/dir-catalog");
    let loaded = valid("valid/dir-catalog");
    let files: Vec<PathBuf> = loaded
        .files
        .iter()
        .map(|f| f.strip_prefix(&root).unwrap().to_path_buf())
        .collect();
    let want: Vec<PathBuf> = [
        "catalog.toml",
        "skills/engineering/backend/apis.toml",
        "skills/engineering/testing.toml",
        "skills/people/mentoring.toml",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    assert_eq!(files, want, "hidden files, README.md must not be read");

    let c = loaded.catalog;
    assert_eq!(c.title.as_deref(), Some("Directory fixture"));
    let mut ids: Vec<&str> = c.skills.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["api-design", "mentoring", "testing"]);

    let testing = &c.skills[c.skill_index("testing").unwrap()];
    assert_eq!(&*testing.origin.path, &*shown(&root.join(&want[2])));
    assert_eq!(testing.origin.line, 1);
    assert_eq!(testing.updated.unwrap().to_string(), "2026-01-15");
    assert_eq!(testing.cell(0, 1).unwrap().necessity, Necessity::Required);

    // Mentoring skips `middle` for the manager role.
    let manager = c.role_index("manager").unwrap();
    let m = &c.skills[c.skill_index("mentoring").unwrap()];
    let present: Vec<bool> = (0..3).map(|l| m.cell(manager, l).is_some()).collect();
    assert_eq!(present, [true, false, true]);
    assert_eq!(
        &*m.cell(manager, 2).unwrap().text,
        "Runs a mentoring programme for the team."
    );
    assert_eq!(c.profile(manager), [c.skill_index("mentoring").unwrap()]);
    // Profiles are grouped by domain, then sorted by name.
    let backend = c.role_index("backend").unwrap();
    let profile: Vec<&str> = c
        .profile(backend)
        .iter()
        .map(|&i| c.skills[i].id.as_str())
        .collect();
    assert_eq!(profile, ["api-design", "testing", "mentoring"]);
}

// ---------------------------------------------------------------- invalid

#[test]
fn toml_syntax_error() {
    expect_errors(
        "invalid/toml-syntax.toml",
        &[Want("", 25, 16, &["TOML syntax", "expected `\"`"])],
    );
}

#[test]
fn wrong_type() {
    expect_errors(
        "invalid/wrong-type.toml",
        &[Want(
            "",
            25,
            8,
            &["`name` must be a string, found an integer"],
        )],
    );
}

#[test]
fn unknown_key_suggests_the_right_one() {
    expect_errors(
        "invalid/unknown-key.toml",
        &[
            Want("", 23, 1, &["a skill has no `domain`", "`craft`, `people`"]),
            Want(
                "",
                26,
                1,
                &[
                    "unknown key `domian` in a skill",
                    "did you mean `domain`?",
                    "valid keys: id, name, domain,",
                ],
            ),
        ],
    );
}

#[test]
fn duplicate_id_names_both_places() {
    let root = fixture("invalid/duplicate-id");
    let first = shown(&root.join("skills/a/testing.toml"));
    expect_errors(
        "invalid/duplicate-id",
        &[Want(
            "skills/b/testing-again.toml",
            2,
            6,
            &[
                "duplicate skill id `testing`",
                &format!("first defined at {first}:1:6"),
            ],
        )],
    );
}

#[test]
fn unknown_role() {
    expect_errors(
        "invalid/unknown-role.toml",
        &[Want(
            "",
            28,
            22,
            &["unknown role `enginer`", "valid roles: `engineer`"],
        )],
    );
}

#[test]
fn unknown_level() {
    expect_errors(
        "invalid/unknown-level.toml",
        &[Want(
            "",
            30,
            1,
            &["unknown level `middle`", "valid levels: `junior`, `senior`"],
        )],
    );
}

#[test]
fn unknown_domain_lists_the_valid_ones() {
    expect_errors(
        "invalid/unknown-domain.toml",
        &[Want(
            "",
            26,
            10,
            &["unknown domain `quality`; valid domains: `craft`, `people`"],
        )],
    );
}

#[test]
fn empty_name() {
    expect_errors(
        "invalid/empty-name.toml",
        &[Want("", 25, 8, &["`name` is empty"])],
    );
}

#[test]
fn empty_text() {
    expect_errors(
        "invalid/empty-text.toml",
        &[Want("", 30, 10, &["empty expectation text"])],
    );
}

#[test]
fn no_levels() {
    expect_errors(
        "invalid/no-levels.toml",
        &[Want("", 1, 1, &["defines no levels", "[[levels]]"])],
    );
}

#[test]
fn no_roles() {
    expect_errors(
        "invalid/no-roles.toml",
        &[Want("", 1, 1, &["defines no roles", "[[roles]]"])],
    );
}

#[test]
fn not_utf8_points_at_the_byte() {
    expect_errors(
        "invalid/not-utf8.toml",
        &[Want(
            "",
            14,
            12,
            &["not valid UTF-8", "byte 0xE9 at offset 197"],
        )],
    );
}

#[test]
fn binary_garbage() {
    expect_errors(
        "invalid/binary-garbage.toml",
        &[Want(
            "",
            1,
            1,
            &["not valid UTF-8", "byte 0x89 at offset 0"],
        )],
    );
}

#[test]
fn directory_without_catalog_toml() {
    expect_errors(
        "invalid/dir-without-catalog-toml",
        &[Want(
            "",
            1,
            1,
            &["directory has no catalog.toml", "rungs init"],
        )],
    );
}

#[test]
fn bad_necessity() {
    expect_errors(
        "invalid/bad-necessity.toml",
        &[Want(
            "",
            29,
            53,
            &["unknown necessity `mandatory`", "`required`, `optional`"],
        )],
    );
}

#[test]
fn bad_id_characters() {
    expect_errors(
        "invalid/bad-id.toml",
        &[Want(
            "",
            24,
            6,
            &["invalid id `unit testing`", "ASCII letters"],
        )],
    );
}

#[test]
fn bad_date() {
    expect_errors(
        "invalid/bad-date.toml",
        &[Want(
            "",
            27,
            11,
            &["`updated` must be a date like 2026-02-22", "found a string"],
        )],
    );
}

#[test]
fn every_problem_of_every_file_in_one_run() {
    expect_errors(
        "invalid/many-broken-files",
        &[
            Want("catalog.toml", 12, 1, &["a role has no `name`"]),
            Want("catalog.toml", 14, 1, &["unknown key `nmae`", "`name`"]),
            Want("skills/a-syntax.toml", 4, 23, &["TOML syntax"]),
            Want("skills/b-unknown-key.toml", 4, 1, &["did you mean `tags`?"]),
            Want(
                "skills/nested/c-unknown-domain.toml",
                3,
                10,
                &["unknown domain `crafts`"],
            ),
            Want(
                "skills/nested/deeper/d-bad-cells.toml",
                6,
                10,
                &["an expectation must be a string or a table"],
            ),
            Want(
                "skills/nested/deeper/d-bad-cells.toml",
                7,
                1,
                &["unknown level `principal`"],
            ),
        ],
    );
}

/// Every invalid fixture fails, and the rendered diagnostics are safe to
/// print and carry a source snippet whenever they have a position.
#[test]
fn every_invalid_fixture_fails_with_printable_diagnostics() {
    let dir = fixture("invalid");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let diags = invalid(&path);
        assert!(!diags.is_empty());
        for d in &diags {
            let text = d.to_string();
            assert!(
                !text.chars().any(|c| is_forbidden(c) && c != '\n'),
                "{text:?}"
            );
        }
        count += 1;
    }
    assert_eq!(count, 19, "invalid fixtures found: {count}");
}

// ---------------------------------------------------------------- warnings

fn expect_warnings(rel: &str, want: &[Want<'_>]) -> Loaded {
    let path = fixture(rel);
    let loaded = load_path(&path).unwrap_or_else(|e| panic!("{rel}: {:#?}", e.diagnostics));
    for d in &loaded.warnings {
        assert_eq!(d.severity, Severity::Warning);
    }
    assert_diags(&path, &loaded.warnings, want);
    loaded
}

#[test]
fn warning_skill_without_expectations() {
    let loaded = expect_warnings(
        "warnings/no-expectations.toml",
        &[Want(
            "",
            32,
            6,
            &["skill `empty` has no expectations", "no role's profile"],
        )],
    );
    assert!(loaded.catalog.skill_index("empty").is_some());
}

#[test]
fn warning_role_without_skills() {
    expect_warnings(
        "warnings/role-without-skills.toml",
        &[Want("", 12, 6, &["role `designer` has no skills"])],
    );
}

#[test]
fn warning_required_then_optional_higher() {
    expect_warnings(
        "warnings/required-then-optional.toml",
        &[Want(
            "",
            31,
            1,
            &["required for Engineer at Middle but optional at Senior"],
        )],
    );
}

/// A requirement that lapses to nothing higher up has no cell to point at
/// there: the warning points at the cell that requires it.
#[test]
fn a_lapsed_requirement_points_at_the_required_cell() {
    let toml = r#"
levels = [{ id = "a", name = "A" }, { id = "b", name = "B" }]
roles = [{ id = "r", name = "R" }]
domains = [{ id = "d", name = "D" }]
[[skills]]
id = "s"
name = "S"
domain = "d"
[skills.expectations.r]
a = { text = "x", necessity = "required" }
"#;
    let loaded = rungs::catalog::load_str("t.toml", toml).unwrap();
    let heads: Vec<String> = loaded.warnings.iter().map(Diagnostic::headline).collect();
    assert_eq!(
        heads,
        [
            "t.toml:10:1: warning: skill `s` is required for R at A but absent at B, a higher level; \
          a requirement usually holds at every level above"
        ]
    );
}

/// A misspelt necessity gets a suggestion.
#[test]
fn a_necessity_typo_gets_a_did_you_mean() {
    let toml = r#"
levels = [{ id = "a", name = "A" }]
roles = [{ id = "r", name = "R" }]
domains = [{ id = "d", name = "D" }]
[[skills]]
id = "s"
name = "S"
domain = "d"
expectations.r.a = { text = "x", necessity = "requried" }
"#;
    let e = rungs::catalog::load_str("t.toml", toml).unwrap_err();
    let heads: Vec<String> = e.diagnostics.iter().map(Diagnostic::headline).collect();
    assert_eq!(
        heads,
        [
            "t.toml:9:46: error: unknown necessity `requried`; did you mean `required`? \
          (valid values: `required`, `optional`)"
        ]
    );
}

#[test]
fn warning_identical_consecutive_text() {
    expect_warnings(
        "warnings/identical-text.toml",
        &[Want(
            "",
            31,
            1,
            &["same text for Engineer at Middle and Senior"],
        )],
    );
}

#[test]
fn control_characters_are_removed_with_a_warning() {
    let loaded = expect_warnings(
        "warnings/control-characters.toml",
        &[
            Want("", 25, 8, &["in `name`", "removed 2 control"]),
            Want("", 27, 11, &["in `summary`", "removed 5 control"]),
            Want("", 30, 10, &["removed 1 control", "replaced 1 tab"]),
            Want("", 31, 19, &["removed 2 control"]),
            Want("", 32, 10, &["removed 1 control"]),
        ],
    );
    let s = &loaded.catalog.skills[0];
    assert_eq!(s.name, "Test[31ming");
    assert_eq!(
        s.summary.as_deref(),
        Some("Tests2J and esrever text isolated.")
    );
    let texts: Vec<&str> = (0..3).map(|l| &*s.cell(0, l).unwrap().text).collect();
    assert_eq!(
        texts,
        [
            "Writes unit tests.",
            "Writes ]0;titleintegration tests.",
            "Designs the test strategy."
        ]
    );
    for t in texts.iter().chain([&s.name.as_str()]) {
        assert!(!t.chars().any(is_forbidden), "{t:?}");
        assert!(!t.contains('\t'));
    }
}

// ---------------------------------------------------------------- generated

fn write(dir: &Path, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, contents).unwrap();
    path
}

const ROOT: &str = "[[levels]]\nid = \"junior\"\nname = \"Junior\"\n\n\
                    [[roles]]\nid = \"engineer\"\nname = \"Engineer\"\n\n\
                    [[domains]]\nid = \"craft\"\nname = \"Craft\"\n";

const SKILL: &str = "id = \"testing\"\nname = \"Testing\"\ndomain = \"craft\"\n\n\
                     [expectations.engineer]\njunior = \"Writes tests.\"\n";

/// A directory catalog with a valid root and the given skill files.
fn dir_catalog(skills: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "catalog.toml", ROOT);
    for (rel, text) in skills {
        write(dir.path(), rel, text);
    }
    dir
}

fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn deeply_nested_values_are_refused_not_crashing() {
    let depth = 100_000;
    let cases = [
        format!("tags = {}\n", nested("[", "", "]", depth)),
        format!("tags = {}\n", nested("{a = ", "1", "}", depth)),
        format!("{} = 1\n", vec!["a"; depth].join(".")),
        format!("[{}]\n", vec!["a"; depth].join(".")),
    ];
    for case in &cases {
        // In the root file (read on the calling thread)...
        let dir = tempfile::tempdir().unwrap();
        let root = write(dir.path(), "one.toml", format!("{ROOT}{case}"));
        let diags = invalid(&root);
        assert!(
            diags.iter().any(|d| d.message.contains("TOML syntax")),
            "{:?}",
            diags[0].message
        );
        // On the line of the nesting, not at 1:1 (the parser gives no place
        // for its limit on dotted keys).
        let line = ROOT.lines().count() + 1;
        let syntax = diags
            .iter()
            .find(|d| d.message.contains("TOML syntax"))
            .unwrap();
        assert_eq!(syntax.line, line, "{}", syntax.message);
        // ...and in a skill file (read on a worker thread).
        let dir = dir_catalog(&[("skills/deep.toml", &format!("{SKILL}{case}"))]);
        let diags = invalid(dir.path());
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert!(diags[0].message.contains("TOML syntax"));
        assert!(diags[0].path.ends_with("deep.toml"));
    }
}

#[test]
fn bad_date_variants() {
    for (value, fragment) in [
        ("2026-02-30", "TOML syntax: invalid date"),
        ("2026-02-22T10:00:00", "found a date-time"),
        ("10:00:00", "found a date-time"),
        ("20260222", "found an integer"),
    ] {
        let dir = dir_catalog(&[]);
        let text = format!("updated = {value}\n{SKILL}");
        let path = write(dir.path(), "s.toml", text);
        let diags = invalid(dir.path());
        assert_eq!(diags.len(), 1, "{value}: {diags:#?}");
        assert_eq!(diags[0].path, shown(&path));
        assert_eq!((diags[0].line, diags[0].col), (1, 11), "{value}");
        assert!(diags[0].message.contains(fragment), "{value}: {diags:#?}");
    }
}

#[test]
fn empty_level_and_role_lists_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.toml",
        "levels = []\nroles = []\n[[domains]]\nid = \"d\"\nname = \"D\"\n",
    );
    assert_diags(
        &path,
        &invalid(&path),
        &[
            Want("", 1, 10, &["defines no levels"]),
            Want("", 2, 9, &["defines no roles"]),
        ],
    );
    // A list whose only entry is broken is reported once, for the entry.
    let path = write(
        dir.path(),
        "c.toml",
        "[[levels]]\nname = \"J\"\n[[roles]]\nid = \"r\"\nname = \"R\"\n",
    );
    assert_diags(
        &path,
        &invalid(&path),
        &[Want("", 1, 1, &["a level has no `id`"])],
    );
}

#[test]
fn duplicate_level_role_and_domain_ids() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{ROOT}\n[[levels]]\nid = \"junior\"\nname = \"Again\"\n\
         [[roles]]\nid = \"engineer\"\nname = \"Again\"\n\
         [[domains]]\nid = \"craft\"\nname = \"Again\"\n"
    );
    let path = write(dir.path(), "c.toml", text);
    let p = shown(&path);
    assert_diags(
        &path,
        &invalid(&path),
        &[
            Want(
                "",
                14,
                6,
                &[&format!(
                    "duplicate level id `junior`; first defined at {p}:2:6"
                )],
            ),
            Want(
                "",
                17,
                6,
                &[&format!(
                    "duplicate role id `engineer`; first defined at {p}:6:6"
                )],
            ),
            Want(
                "",
                20,
                6,
                &[&format!(
                    "duplicate domain id `craft`; first defined at {p}:10:6"
                )],
            ),
        ],
    );
}

#[test]
fn one_file_and_skill_file_expectation_forms_are_equivalent() {
    let dir = tempfile::tempdir().unwrap();
    let one = write(
        dir.path(),
        "one.toml",
        format!(
            "{ROOT}\n[[skills]]\nid = \"testing\"\nname = \"Testing\"\ndomain = \"craft\"\n\n\
             [skills.expectations.engineer]\njunior = {{ text = \"Writes tests.\", necessity = \"required\" }}\n"
        ),
    );
    let tree = dir_catalog(&[(
        "skills/testing.toml",
        "id = \"testing\"\nname = \"Testing\"\ndomain = \"craft\"\n\n\
         [expectations.engineer.junior]\ntext = \"Writes tests.\"\nnecessity = \"required\"\n",
    )]);
    let a = load_path(&one).unwrap().catalog;
    let b = load_path(tree.path()).unwrap().catalog;
    assert_eq!(a.skills[0].cell(0, 0), b.skills[0].cell(0, 0));
    assert_eq!(
        a.skills[0].cell(0, 0).unwrap().necessity,
        Necessity::Required
    );
}

#[test]
fn missing_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.toml");
    assert_diags(
        &path,
        &invalid(&path),
        &[Want("", 1, 1, &["catalog not found"])],
    );
}

#[test]
fn file_over_64_mib_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(rungs::catalog::MAX_FILE_BYTES + 1).unwrap(); // sparse: no data written
    drop(f);
    assert_diags(&big, &invalid(&big), &[Want("", 1, 1, &["at most 64 MiB"])]);

    // A big skill file in a directory catalog is refused the same way, and
    // the other files are still checked.
    let tree = dir_catalog(&[
        ("skills/ok.toml", SKILL),
        ("skills/typo.toml", "nmae = 1\n"),
    ]);
    let f = std::fs::File::create(tree.path().join("skills/big.toml")).unwrap();
    f.set_len(rungs::catalog::MAX_FILE_BYTES + 1).unwrap();
    drop(f);
    let diags = invalid(tree.path());
    assert!(
        diags
            .iter()
            .any(|d| d.path.ends_with("big.toml") && d.message.contains("at most 64 MiB")),
        "{diags:#?}"
    );
    assert!(diags.iter().any(|d| d.path.ends_with("typo.toml")));
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("\u{FEFF}{ROOT}").replace('\n', "\r\n");
    let path = write(dir.path(), "bom.toml", text);
    let loaded = load_path(&path).unwrap();
    assert_eq!(loaded.catalog.levels[0].name, "Junior");
}

#[test]
fn control_characters_in_keys_and_file_names_are_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.toml",
        format!("\"\\u001b]0;pwned\\u0007\" = 1\n{ROOT}"),
    );
    let diags = invalid(&path);
    assert_eq!(diags.len(), 1);
    assert!(diags[0].message.contains("unknown key `]0;pwned`"));
    assert!(!diags[0].to_string().chars().any(is_forbidden));
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_not_printed() {
    let tree = dir_catalog(&[("skills/a\u{1b}[31mb.toml", "id = 1\n")]);
    let diags = invalid(tree.path());
    assert!(!diags.is_empty());
    for d in &diags {
        assert!(d.path.ends_with("a[31mb.toml"), "{:?}", d.path);
        assert!(!d.to_string().chars().any(is_forbidden));
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang() {
    use std::os::unix::fs::symlink;
    let tree = dir_catalog(&[("skills/sub/testing.toml", SKILL)]);
    let skills = tree.path().join("skills");
    symlink("..", skills.join("sub/up")).unwrap();
    symlink(".", skills.join("self")).unwrap();
    symlink(tree.path(), skills.join("sub/root")).unwrap();
    // Two file links pointing at each other, and one pointing nowhere.
    symlink("b.toml", skills.join("a.toml")).unwrap();
    symlink("a.toml", skills.join("b.toml")).unwrap();
    symlink("missing.toml", skills.join("dangling.toml")).unwrap();

    let path = tree.path().to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(load_path(&path)).unwrap());
    let result = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("loading a catalog with symlink loops hung");
    // Every folder is read once: the skill is not found twice.
    let loaded = result.unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert_eq!(loaded.catalog.skills.len(), 1);
    assert_eq!(loaded.files.len(), 2, "{:?}", loaded.files);
}

#[test]
fn a_second_catalog_root_below_the_first_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    rungs::cli::init::run(dir.path(), false, &mut Vec::new()).unwrap();
    let nested = dir.path().join("skills/catalog.toml");
    std::fs::copy(dir.path().join("catalog.toml"), &nested).unwrap();
    let err = rungs::catalog::load_path(dir.path()).unwrap_err();
    let errors: Vec<_> = err.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(
        errors.len(),
        1,
        "one clear error, not one per unknown key: {errors:?}"
    );
    assert_eq!(errors[0].path, nested.display().to_string());
    assert!(errors[0].message.contains("looks like a catalog root"));
}

/// A link in a catalog folder to a file outside it is refused with an error
/// naming the link (its contents, say an API key, must not reach an error
/// snippet and so a CI log), and a link to `/` is not walked; with
/// `follow_external_links` the outside file is read.
#[cfg(unix)]
#[test]
fn links_leaving_the_catalog_are_refused_unless_followed() {
    use rungs::catalog::{LoadOptions, load_path_with};
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secrets.toml");
    std::fs::write(&secret, "api_key = \"sk-live-0123456789\"\n").unwrap();
    let tree = dir_catalog(&[("skills/sub/testing.toml", SKILL)]);
    let skills = tree.path().join("skills");
    symlink(&secret, skills.join("creds.toml")).unwrap();
    symlink("/", skills.join("everything")).unwrap();
    // A link that stays inside is fine.
    symlink("sub", skills.join("same")).unwrap();

    let err = load_path(tree.path()).unwrap_err();
    let shown: Vec<String> = err.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(err.error_count(), 2, "{shown:#?}");
    for d in &shown {
        assert!(!d.contains("sk-live"), "{d}");
    }
    let creds = skills.join("creds.toml").display().to_string();
    let creds_error = err.diagnostics.iter().find(|d| d.path == creds).unwrap();
    assert_eq!(
        creds_error.message,
        format!(
            "symbolic link to {}, outside the catalog folder: not read \
             (a link must stay inside the catalog; pass --follow-external-links to follow it anyway)",
            std::fs::canonicalize(&secret).unwrap().display()
        )
    );
    let everything = skills.join("everything").display().to_string();
    assert!(err.diagnostics.iter().any(|d| d.path == everything));

    // Followed on request (without the link to `/`): the outside file is
    // read, and it is not a skill.
    std::fs::remove_file(skills.join("everything")).unwrap();
    let options = LoadOptions {
        follow_external_links: true,
    };
    let err = load_path_with(tree.path(), &options).unwrap_err();
    assert!(
        err.diagnostics
            .iter()
            .any(|d| d.path == creds && d.message.contains("unknown key `api_key`")),
        "{:#?}",
        err.diagnostics
    );
    std::fs::remove_file(skills.join("creds.toml")).unwrap();
    let loaded = load_path(tree.path()).unwrap();
    assert_eq!(
        loaded.catalog.skills.len(),
        1,
        "the inside link is read once"
    );
}

/// With a role defined twice, an unknown role elsewhere lists the valid
/// roles once each.
#[test]
fn valid_lists_name_a_duplicated_id_once() {
    let text = "[[levels]]\nid = \"junior\"\nname = \"Junior\"\n\n\
                [[roles]]\nid = \"engineer\"\nname = \"Engineer\"\n\n\
                [[roles]]\nid = \"engineer\"\nname = \"Engineer again\"\n\n\
                [[roles]]\nid = \"designer\"\nname = \"Designer\"\n\n\
                [[domains]]\nid = \"craft\"\nname = \"Craft\"\n\n\
                [[skills]]\nid = \"testing\"\nname = \"Testing\"\ndomain = \"craft\"\n\n\
                [skills.expectations.astronaut]\njunior = \"Flies.\"\n";
    let err = rungs::catalog::load_str("dup.toml", text).unwrap_err();
    let unknown = err
        .diagnostics
        .iter()
        .find(|d| d.message.contains("astronaut"))
        .unwrap();
    assert!(
        unknown
            .message
            .ends_with("valid roles: `engineer`, `designer`"),
        "{}",
        unknown.message
    );
}
