//! Fuzzes the catalog loader: TOML parsing, the catalog walker, validation,
//! cleaning and diagnostics, all in memory through `load_str`.
//!
//! Besides "no panic", it checks what tests/catalog/proptest_loader.rs checks: every
//! diagnostic names the input file at line ≥ 1, column ≥ 1 and prints
//! nothing that could drive a terminal; a loaded catalog holds no forbidden
//! character in any name or text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs::catalog::{Diagnostic, is_forbidden, load_str};

const PATH: &str = "fuzz.toml";

fn check(diags: &[Diagnostic]) {
    for d in diags {
        assert_eq!(d.path, PATH);
        assert!(d.line >= 1 && d.col >= 1, "{d:?}");
        let shown = d.to_string();
        assert!(!shown.chars().any(is_forbidden), "{shown:?}");
    }
}

fn clean(s: &str) {
    assert!(!s.chars().any(is_forbidden), "{s:?}");
}

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is refused before parsing (tested elsewhere); keep the
    // fuzzer's mutations useful by decoding lossily.
    let text = String::from_utf8_lossy(data);
    match load_str(PATH, &text) {
        Ok(loaded) => {
            check(&loaded.warnings);
            let c = &loaded.catalog;
            if let Some(t) = &c.title {
                clean(t);
            }
            for n in c.levels.iter().chain(&c.roles).chain(&c.domains) {
                clean(&n.id);
                clean(&n.name);
                if let Some(s) = &n.summary {
                    clean(s);
                }
            }
            for s in &c.skills {
                clean(&s.id);
                clean(&s.name);
                s.tags.iter().for_each(|t| clean(t));
                if let Some(x) = &s.summary {
                    clean(x);
                }
                for (r, l, cell) in s.expectations() {
                    assert!(r < c.roles.len() && l < c.levels.len());
                    clean(&cell.text);
                }
            }
            let _ = c.counts();
            for r in 0..c.roles.len() {
                for &i in c.profile(r) {
                    assert!(i < c.skills.len());
                }
            }
        }
        Err(e) => {
            assert!(e.error_count() > 0);
            check(&e.diagnostics);
        }
    }
});
