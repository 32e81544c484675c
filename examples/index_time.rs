//! Times `Index::new` on a catalog directory, and queries against it, for a
//! quick check without criterion:
//! `cargo run --release --example index_time -- DIR [RUNS] [QUERY…]`.
//! With queries, each runs RUNS × 10 times on the last index built; with
//! RUNS 0, `one-shot` times `Index::for_one_query` + the query 10 times
//! (what `rungs search` does after loading).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use rungs::catalog::load_path;
use rungs::search::{Index, Scope};

/// "min, median, max" of `times` (milliseconds), sorted in place.
fn summary(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    let n = times.len();
    format!(
        "min {:.2} ms, median {:.2} ms, max {:.2} ms ({n} runs)",
        times[0],
        times[n / 2],
        times[n - 1]
    )
}

/// CPU seconds (user + system, all threads) this process has used so far,
/// from `/proc/self/stat` (0 where there is none): load on the machine
/// stretches wall times, much less CPU times.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime and
    // stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse().ok())
        .collect();
    ticks.iter().sum::<f64>() / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().expect("usage: index_time DIR [RUNS] [QUERY…]");
    let runs: usize = args.get(1).map_or(5, |r| r.parse().expect("RUNS"));
    let queries = args.get(2..).unwrap_or_default();
    // Through the cache, as the TUI loads: quicker, and under valgrind
    // much quicker, than parsing every file.
    let path = std::path::Path::new(dir);
    let catalog = match rungs::catalog::default_cache_dir() {
        Some(cache) if std::env::var_os("RUNGS_NO_CACHE").is_none() => {
            rungs::catalog::load_path_cached(path, &cache)
        }
        _ => load_path(path),
    }
    .unwrap()
    .catalog;
    let mut times = Vec::new();
    let mut last = None;
    let cpu = cpu_seconds();
    for _ in 0..runs {
        drop(last.take());
        let t = Instant::now();
        let index = Index::new(&catalog);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        last = Some(index);
    }
    let words = last.as_ref().map_or(0, Index::vocabulary);
    if runs > 0 {
        let cpu = (cpu_seconds() - cpu) / runs as f64;
        println!(
            "{} skills, {words} words: build {}, CPU {:.0} ms a build",
            catalog.skills.len(),
            summary(&mut times),
            cpu * 1000.0
        );
    }
    for q in queries {
        let mut hits = 0;
        if let Some(index) = &last {
            let mut times = Vec::new();
            for _ in 0..runs * 10 {
                let t = Instant::now();
                let r = index.search(&catalog, q, Scope::AllRoles, None, &|| false);
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                hits = r.map_or(0, |r| r.hits.len());
            }
            println!("{q:?}: {hits} hits, {}", summary(&mut times));
        }
        if runs > 0 {
            continue;
        }
        let mut times = Vec::new();
        for _ in 0..10 {
            let t = Instant::now();
            let r =
                Index::for_one_query(&catalog)
                    .search(&catalog, q, Scope::AllRoles, None, &|| false);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            hits = r.map_or(0, |r| r.hits.len());
        }
        println!("{q:?} one-shot: {hits} hits, {}", summary(&mut times));
    }
}
