//! Loading catalogs: the embedded default, and generated directory
//! catalogs of 1,000, 10,000 and 100,000 skills (`load_path`: walk, read,
//! parse and validate every file, then build the catalog and its warnings).
//!
//! Generated catalogs are cached under `target/bench-catalogs/`; the first
//! run writes them (the 100,000-skill one takes a while).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use rungs::catalog::{load_embedded, load_path, load_path_cached};

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.bench_function("embedded", |b| {
        b.iter_with_large_drop(|| load_embedded().unwrap());
    });
    for n in generate::SIZES {
        let dir = generate::cached(n).unwrap();
        // Once, untimed: the catalog is what the generator promises.
        let loaded = load_path(&dir).unwrap();
        assert_eq!(loaded.catalog.skills.len(), n);
        assert!(
            loaded.warnings.is_empty(),
            "generated catalog has warnings: {:?}",
            &loaded.warnings[..loaded.warnings.len().min(3)]
        );
        drop(loaded);
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            // Seconds per load: few samples, one load each.
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Flat);
            group.measurement_time(Duration::from_secs(20));
        } else {
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Auto);
            group.measurement_time(Duration::from_secs(5));
        }
        group.bench_with_input(BenchmarkId::new("dir", n), &dir, |b, dir| {
            b.iter_with_large_drop(|| load_path(black_box(dir)).unwrap());
        });
        // The explorer's path: an unchanged catalog from the parsed cache
        // (filled once, untimed).
        let cache = std::env::temp_dir().join(format!("rungs-bench-cache-{}", std::process::id()));
        load_path_cached(&dir, &cache).unwrap();
        group.bench_with_input(BenchmarkId::new("dir_cached", n), &dir, |b, dir| {
            b.iter_with_large_drop(|| load_path_cached(black_box(dir), &cache).unwrap());
        });
        let _ = std::fs::remove_dir_all(&cache);
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = load
}
criterion_main!(benches);
