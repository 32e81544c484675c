//! Times `Index::new` on a catalog directory, for a quick check without
//! criterion: `cargo run --release --example index_time -- DIR [RUNS]`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use rungs::catalog::load_path;
use rungs::search::Index;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().expect("usage: index_time DIR [RUNS]");
    let runs: usize = args.get(1).map_or(5, |r| r.parse().expect("RUNS"));
    let catalog = load_path(std::path::Path::new(dir)).unwrap().catalog;
    let mut times = Vec::new();
    let mut words = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let index = Index::new(&catalog);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        words = index.vocabulary();
        drop(index);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} skills, {words} words: min {:.1} ms, median {:.1} ms, max {:.1} ms ({runs} runs)",
        catalog.skills.len(),
        times[0],
        times[runs / 2],
        times[runs - 1]
    );
}
