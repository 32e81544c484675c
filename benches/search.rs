//! Search: building the index, and one query of 1, 3 and 8 characters
//! ("d", "dat", "pipeline") over names, tags, domains and every expectation
//! text, for the embedded catalog and generated catalogs of 1,000, 10,000
//! and 100,000 skills. The index is built once, outside the timed loop of
//! the queries; dropping the results is inside it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rungs::catalog::{Catalog, load_embedded, load_path};
use rungs::search::{Index, Scope};

const QUERIES: [&str; 3] = ["d", "dat", "pipeline"];

fn catalogs() -> Vec<(String, Catalog)> {
    let mut out = vec![("embedded".to_string(), load_embedded().unwrap().catalog)];
    for n in generate::SIZES {
        let dir = generate::cached(n).unwrap();
        out.push((n.to_string(), load_path(&dir).unwrap().catalog));
    }
    out
}

fn search(c: &mut Criterion) {
    let catalogs = catalogs();

    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    for (name, catalog) in &catalogs {
        group.bench_with_input(BenchmarkId::new("build", name), catalog, |b, catalog| {
            b.iter_with_large_drop(|| Index::new(black_box(catalog)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("search");
    for (name, catalog) in &catalogs {
        let index = Index::new(catalog);
        eprintln!(
            "catalog {name}: {} skills, vocabulary {} words",
            catalog.skills.len(),
            index.vocabulary()
        );
        if catalog.skills.len() >= 100_000 {
            group.sample_size(20);
        } else {
            group.sample_size(50);
        }
        for q in QUERIES {
            let hits = index
                .search(catalog, q, Scope::AllRoles, None, &|| false)
                .unwrap()
                .hits
                .len();
            eprintln!("  {q:?}: {hits} hits");
            group.bench_with_input(BenchmarkId::new(format!("{q:?}"), name), &q, |b, q| {
                b.iter(|| {
                    index
                        .search(catalog, black_box(q), Scope::AllRoles, None, &|| false)
                        .unwrap()
                });
            });
        }
    }
    group.finish();

    // `rungs search`: one query, no text index (texts are scanned). Compare
    // with `load/dir_cached` (what `rungs check` does) for the one-shot
    // ratio.
    let mut group = c.benchmark_group("one_shot");
    group.sample_size(10);
    for (name, catalog) in &catalogs {
        if catalog.skills.len() > 10_000 {
            continue;
        }
        for q in QUERIES {
            group.bench_with_input(BenchmarkId::new(format!("{q:?}"), name), &q, |b, q| {
                b.iter(|| {
                    Index::for_one_query(catalog)
                        .search(catalog, black_box(q), Scope::AllRoles, None, &|| false)
                        .unwrap()
                });
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = search
}
criterion_main!(benches);
