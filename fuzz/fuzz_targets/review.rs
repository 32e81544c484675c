//! Fuzzes review-file parsing: never a panic; an error names line ≥ 1.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs::catalog::is_forbidden;
use rungs::review::Review;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Review::parse("review.toml", &text) {
        Ok(r) => {
            for s in [&r.role, &r.from, &r.to, &r.catalog] {
                assert!(!s.chars().any(is_forbidden), "{s:?}");
            }
            // What was read can be written and read back.
            let again = Review::parse("review.toml", &r.to_toml());
            assert!(again.is_ok(), "{:?}", again.err());
        }
        Err(d) => {
            assert!(d.line >= 1 && d.col >= 1, "{d:?}");
            assert!(!d.to_string().chars().any(is_forbidden));
        }
    }
});
