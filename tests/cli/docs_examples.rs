//! The examples in docs/catalog-format.md are real: every TOML block parses,
//! and the complete example loads, in both forms, with the counts it claims.

use std::path::Path;

use rungs::catalog::load_path;

fn doc() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/catalog-format.md"))
        .unwrap()
}

/// The ```toml blocks of `text`, in order.
fn toml_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line) {
            (None, "```toml") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn every_toml_block_is_valid_toml() {
    let blocks = toml_blocks(&doc());
    assert!(blocks.len() >= 5, "only {} blocks", blocks.len());
    for b in &blocks {
        if let Err(e) = b.parse::<toml::Table>() {
            panic!("{e}\nin:\n{b}");
        }
    }
}

#[test]
fn complete_example_loads_as_documented() {
    let text = doc();
    let section = &text[text.find("## A complete example").unwrap()..];
    let blocks = toml_blocks(section);
    let (one_file, skill_file) = (&blocks[0], &blocks[1]);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.toml");
    std::fs::write(&path, one_file).unwrap();
    let loaded = load_path(&path).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let summary = rungs::cli::check::summary_line(&loaded.catalog);
    assert!(
        section.contains(&format!("`{summary}`")),
        "the doc should say {summary}"
    );

    // The directory form: the root keys, then the skill file shown.
    let root = &one_file[..one_file.find("[[skills]]").unwrap()];
    let tree = dir.path().join("team");
    std::fs::create_dir_all(tree.join("skills/engineering")).unwrap();
    std::fs::write(tree.join("catalog.toml"), root).unwrap();
    std::fs::write(tree.join("skills/engineering/testing.toml"), skill_file).unwrap();
    let from_dir = load_path(&tree).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    let a = &loaded.catalog;
    let b = &from_dir.catalog;
    let sa = &a.skills[a.skill_index("testing").unwrap()];
    let sb = &b.skills[b.skill_index("testing").unwrap()];
    assert_eq!(
        sa.expectations().collect::<Vec<_>>(),
        sb.expectations().collect::<Vec<_>>()
    );
    assert_eq!(
        (&sa.summary, &sa.tags, sa.updated),
        (&sb.summary, &sb.tags, sb.updated)
    );
}

#[test]
fn documented_limits_match_the_code() {
    let text = doc();
    assert_eq!(rungs::catalog::MAX_FILE_BYTES, 64 * 1024 * 1024);
    assert!(text.contains("| Size of one file | 64 MiB |"));
    assert_eq!(rungs::catalog::MAX_FILES, 100_000);
    assert!(text.contains("| Skill files in a directory | 100,000 |"));
    assert_eq!(rungs::catalog::MAX_CELLS, 10_000_000);
    assert!(text.contains("| Expectation cells | 10,000,000 |"));
}
