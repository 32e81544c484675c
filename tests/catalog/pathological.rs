//! Hostile and broken inputs: the loader must never panic, must answer
//! quickly, and whatever it reports must be safe to print.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rungs::catalog::{Diagnostic, is_forbidden, load_path};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Loads `bytes` as a one-file catalog and checks the result is coherent:
/// diagnostics point inside the file and hold nothing that could drive a
/// terminal; loaded text is clean.
fn load_bytes(dir: &Path, bytes: &[u8]) {
    let path = dir.join("c.toml");
    std::fs::write(&path, bytes).unwrap();
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    match load_path(&path) {
        Ok(loaded) => {
            check_diags(&loaded.warnings, lines, bytes);
            let c = &loaded.catalog;
            let named = c.levels.iter().chain(&c.roles).chain(&c.domains);
            for n in named {
                assert_clean(&n.name, bytes);
                assert!(!n.name.trim().is_empty());
            }
            for s in &c.skills {
                assert_clean(&s.name, bytes);
                for (r, l, cell) in s.expectations() {
                    assert!(r < c.roles.len() && l < c.levels.len());
                    assert_clean(&cell.text, bytes);
                }
            }
        }
        Err(e) => {
            assert!(e.error_count() > 0, "an error without errors: {bytes:?}");
            check_diags(&e.diagnostics, lines, bytes);
        }
    }
}

fn assert_clean(text: &str, input: &[u8]) {
    assert!(
        !text.chars().any(is_forbidden),
        "{text:?} from {:?}",
        String::from_utf8_lossy(input)
    );
}

fn check_diags(diags: &[Diagnostic], lines: usize, input: &[u8]) {
    for d in diags {
        assert!(
            d.line >= 1 && d.line <= lines,
            "{} in {lines} lines",
            d.line
        );
        assert!(d.col >= 1);
        let shown = d.to_string();
        assert!(
            !shown.chars().any(|c| is_forbidden(c) || c == '\r'),
            "{shown:?} from {:?}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn hand_made_oddities_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let long = "a".repeat(1 << 20);
    let cases: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"\xEF\xBB\xBF".to_vec(),
        b"   \n\n\t\n".to_vec(),
        b"\0".to_vec(),
        b"\xFF\xFE\x00\x00".to_vec(),
        b"\r".to_vec(),
        b"=".to_vec(),
        b"[[levels]]".to_vec(),
        b"levels = 1\nroles = \"x\"\ndomains = [1, 2]\nskills = {}\ntitle = []".to_vec(),
        b"[[levels]]\nid = \"\"\nname = \"\"\n[[roles]]\nid = 5\nname = true".to_vec(),
        b"[levels]\nid = \"a\"".to_vec(),
        b"title = \"\\u001b[2J\\u001b]0;x\\u0007\"\n".to_vec(),
        format!("title = \"{long}\"\n").into_bytes(),
        format!("\"{long}\" = 1\n").into_bytes(),
        format!("x = 1 {long}\n").into_bytes(),
        "# 初级 🚀\nname = \"初级\" 🚀 = 1\n".as_bytes().to_vec(),
        "[[levels]]\nid = \"初级\"\nname = \"初级\"\n".as_bytes().to_vec(),
        // Skills in every wrong shape.
        b"[[levels]]\nid=\"a\"\nname=\"A\"\n[[roles]]\nid=\"r\"\nname=\"R\"\n[[domains]]\nid=\"d\"\nname=\"D\"\n\
          [[skills]]\nid=\"s\"\nname=\"S\"\ndomain=\"d\"\nexpectations=3\n\
          [[skills]]\nid=\"t\"\nname=\"T\"\ndomain=1\ntags=\"x\"\nupdated=true\n\
          [[skills]]\nid=\"u\"\nname=\"U\"\ndomain=\"d\"\ntags=[1, \"\", \"ok\"]\n\
          [skills.expectations]\nr = \"not a table\"\n\
          [[skills]]\nid=\"v\"\nname=\"V\"\ndomain=\"d\"\n\
          [skills.expectations.r]\na = { text = 1, necessity = 2, extra = 3 }\n\
          [[skills]]\nid=\"w\"\nname=\"W\"\ndomain=\"d\"\n\
          [skills.expectations.r.a]\nnecessity = \"required\"\n"
            .to_vec(),
    ];
    for case in &cases {
        load_bytes(dir.path(), case);
    }
}

/// A tiny deterministic generator (xorshift), so failures are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b"\"",
    b"'",
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"{",
    b"}",
    b"=",
    b".",
    b",",
    b"\n",
    b"\r\n",
    b"\\",
    b"\\u",
    b"#",
    b"\0",
    b"\x1b",
    b"\x7f",
    b"\xC2\x9B",
    b"\xE2\x80\xAE",
    b"\xFF",
    b"\xE4",
    b"\xE5\x88",
    "初级".as_bytes(),
    "🚀".as_bytes(),
    b"\t",
    b" ",
    b"id",
    b"name",
    b"domain",
    b"necessity",
    b"required",
    b"2026-02-30",
    b"1979-05-27T07:32:00Z",
    b"junior",
    b"expectations",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                out.splice(at..at, piece.iter().copied());
            }
            1 if at < out.len() => {
                let end = (at + 1 + rng.below(40)).min(out.len());
                out.drain(at..end);
            }
            2 if at < out.len() => {
                let end = (at + 1 + rng.below(80)).min(out.len());
                let copy = out[at..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
            3 if at < out.len() => out[at] = (rng.next() & 0xFF) as u8,
            _ => out.truncate(at),
        }
    }
    out
}

#[test]
fn mutated_fixtures_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let seeds: Vec<Vec<u8>> = [
        "valid/minimal.toml",
        "valid/unicode.toml",
        "valid/seed-skill.toml",
        "warnings/control-characters.toml",
        "invalid/unknown-key.toml",
    ]
    .iter()
    .map(|rel| std::fs::read(fixtures().join(rel)).unwrap())
    .collect();
    let mut rng = Rng(0x5EED_2026_0222_0F0F);
    let start = Instant::now();
    for i in 0..600 {
        let seed = &seeds[i % seeds.len()];
        let input = mutate(&mut rng, seed);
        load_bytes(dir.path(), &input);
    }
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "fuzzing took {:?}",
        start.elapsed()
    );
}

#[test]
fn mutated_skill_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let root = fixtures().join("valid/dir-catalog");
    std::fs::copy(root.join("catalog.toml"), dir.path().join("catalog.toml")).unwrap();
    let seed = std::fs::read(root.join("skills/people/mentoring.toml")).unwrap();
    let mut rng = Rng(0xC0FF_EE12_3456_789A);
    for i in 0..8 {
        for j in 0..25 {
            let input = mutate(&mut rng, &seed);
            std::fs::write(dir.path().join(format!("s{i}-{j}.toml")), &input).unwrap();
        }
        // 25 files per run, all read in parallel.
        match load_path(dir.path()) {
            Ok(loaded) => check_diags(&loaded.warnings, usize::MAX, b""),
            Err(e) => check_diags(&e.diagnostics, usize::MAX, b""),
        }
    }
}

#[test]
fn huge_grids_are_refused_before_they_are_built() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..1000 {
        text.push_str(&format!("[[levels]]\nid = \"l{i}\"\nname = \"L{i}\"\n"));
        text.push_str(&format!("[[roles]]\nid = \"r{i}\"\nname = \"R{i}\"\n"));
    }
    text.push_str("[[domains]]\nid = \"d\"\nname = \"D\"\n");
    for i in 0..11 {
        text.push_str(&format!(
            "[[skills]]\nid = \"s{i}\"\nname = \"S{i}\"\ndomain = \"d\"\n"
        ));
    }
    let path = dir.path().join("wide.toml");
    std::fs::write(&path, text).unwrap();
    let start = Instant::now();
    let e = load_path(&path).unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(e.diagnostics.len(), 1, "{:#?}", e.diagnostics);
    assert!(
        e.diagnostics[0]
            .message
            .contains("11 skills × 1000 roles × 1000 levels make 11000000 expectation cells"),
        "{}",
        e.diagnostics[0]
    );
    assert_eq!(rungs::catalog::MAX_CELLS, 10_000_000);
}

#[test]
fn many_files_many_errors_stay_fast() {
    let dir = tempfile::tempdir().unwrap();
    let root = fixtures().join("valid/dir-catalog");
    std::fs::copy(root.join("catalog.toml"), dir.path().join("catalog.toml")).unwrap();
    for i in 0..300 {
        let sub = dir.path().join(format!("d{}", i % 10));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(format!("s{i}.toml")),
            format!("id = \"s{i}\"\nname = \"S\"\ndomain = \"people\"\nnmae = 1\n"),
        )
        .unwrap();
    }
    let start = Instant::now();
    let e = load_path(dir.path()).unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(e.error_count(), 300);
    // Sorted by file: d0/s0, d0/s10, ... then d1/...
    let paths: Vec<&str> = e.diagnostics.iter().map(|d| d.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
}

/// Characters that break the screen in tmux (the soft hyphen moved the gap
/// view's right border into the text) are removed at load with the usual
/// warning, and line separators become line breaks: one snapshot each of
/// what the catalog holds and what the warnings say.
#[test]
fn characters_that_break_terminal_layouts_are_cleaned_at_load() {
    for (name, c) in [
        ("soft_hyphen", '\u{AD}'),
        ("hangul_filler", '\u{3164}'),
        ("line_separator", '\u{2028}'),
        ("paragraph_separator", '\u{2029}'),
        ("noncharacter_fdd0", '\u{FDD0}'),
        ("annotation_anchor_fff9", '\u{FFF9}'),
        ("annotation_separator_fffa", '\u{FFFA}'),
        ("annotation_terminator_fffb", '\u{FFFB}'),
    ] {
        let text = format!(
            "[[levels]]\nid = \"junior\"\nname = \"Ju{c}nior\"\n\n\
             [[roles]]\nid = \"engineer\"\nname = \"Engineer\"\n\n\
             [[domains]]\nid = \"craft\"\nname = \"Craft\"\n\n\
             [[skills]]\nid = \"testing\"\nname = \"Test{c}ing\"\ndomain = \"craft\"\n\
             summary = \"Writes{c}tests.\"\n\n\
             [skills.expectations.engineer]\njunior = \"Writes unit{c}tests{c}daily.\"\n"
        );
        let loaded = rungs::catalog::load_str("layout.toml", &text).unwrap();
        let s = &loaded.catalog.skills[0];
        let mut shown = format!(
            "level name: {:?}\nskill name: {:?}\nsummary: {:?}\nexpectation: {:?}\n",
            loaded.catalog.levels[0].name,
            s.name,
            s.summary.as_deref().unwrap_or(""),
            s.cell(0, 0).unwrap().text
        );
        for w in &loaded.warnings {
            shown.push_str(&format!("{}:{}: {}\n", w.line, w.col, w.message));
        }
        for t in [s.name.as_str(), &s.cell(0, 0).unwrap().text] {
            assert!(!t.contains(c), "{name}: {t:?}");
        }
        insta::assert_snapshot!(name, shown);
    }
}
