//! Writes a synthetic directory catalog, for benchmarks and manual testing:
//!
//! ```text
//! cargo run --release --example gen_catalog -- DIR N
//! rungs --catalog DIR
//! cargo run --release --example gen_catalog -- --tiny-one-file FILE N
//! ```
//!
//! `--tiny-one-file` writes one `.toml` file of `N` tiny two-cell skills
//! instead (the memory case of issue 16: many small `[[skills]]` tables).
//!
//! `DIR` must not exist yet, or be empty. The catalog has `N` skills, 5
//! levels, 2 roles and 20 domains, and loads without warnings; the same `N`
//! always gives the same files. The benchmarks use the same generator (see
//! `benches/support/generate.rs`) and cache their catalogs under
//! `target/bench-catalogs/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../benches/support/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: gen_catalog DIR N   (writes a synthetic catalog of N skills into DIR)\n       \
     gen_catalog --tiny-one-file FILE N   (one file of N tiny two-cell skills)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file, n] = args.as_slice()
        && flag == "--tiny-one-file"
    {
        let Ok(n) = n.replace('_', "").parse::<usize>() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        if let Err(e) = std::fs::write(file, generate::tiny_one_file(n)) {
            eprintln!("gen_catalog: cannot write {file}: {e}");
            return ExitCode::FAILURE;
        }
        println!("wrote {n} tiny skills to {file}");
        return ExitCode::SUCCESS;
    }
    let [dir, n] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let Ok(n) = n.replace('_', "").parse::<usize>() else {
        eprintln!("gen_catalog: N must be a number of skills, not `{n}`\n{USAGE}");
        return ExitCode::from(2);
    };
    if n > rungs::catalog::MAX_FILES {
        eprintln!(
            "gen_catalog: warning: rungs reads at most {} skill files; this catalog will be refused",
            rungs::catalog::MAX_FILES
        );
    }
    if std::fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some()) {
        eprintln!(
            "gen_catalog: {} is not empty; choose a new folder",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let started = Instant::now();
    if let Err(e) = generate::write_catalog(&dir, n) {
        eprintln!("gen_catalog: cannot write {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {n} skills to {} in {:.1} s; try `rungs check --catalog {}`",
        dir.display(),
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    ExitCode::SUCCESS
}
