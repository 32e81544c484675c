//! Exporting the static site (`rungs export --format html|markdown`) of a
//! generated 10,000-skill catalog: building every page and writing the files
//! into a fresh folder, as the command does after loading (loading is
//! measured by the `load` bench). Target: under 2 s (docs/performance.md).
//! `render` builds every page without writing it, and `html-files-only`
//! writes the same files without building them, to tell the CPU's share
//! from the file system's.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rayon::prelude::*;
use rungs::catalog::load_path;
use rungs::cli::export::{Format, run};
use rungs::i18n::Lang;
use rungs::site::{Site, SiteFormat};

fn export(c: &mut Criterion) {
    let n = 10_000;
    let dir = generate::cached(n).unwrap();
    let catalog = load_path(&dir).unwrap().catalog;
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for (name, format) in [("html", Format::Html), ("markdown", Format::Markdown)] {
        group.bench_with_input(BenchmarkId::new(name, n), &catalog, |b, catalog| {
            b.iter_with_setup(
                || tempfile::tempdir().unwrap(),
                |out| {
                    let mut sink = Vec::new();
                    run(
                        black_box(catalog),
                        format,
                        Some(&out.path().join("site")),
                        Lang::En,
                        &mut sink,
                    )
                    .unwrap();
                    out
                },
            );
        });
    }
    for (name, format) in [
        ("html-render", SiteFormat::Html),
        ("markdown-render", SiteFormat::Markdown),
    ] {
        group.bench_with_input(BenchmarkId::new(name, n), &catalog, |b, catalog| {
            b.iter(|| {
                // As the command renders: one buffer, reused page after page.
                let site = Site::new(black_box(catalog), Lang::En, format);
                let mut buf = String::new();
                site.pages()
                    .into_iter()
                    .map(|p| {
                        site.render_into(p, &mut buf);
                        buf.len()
                    })
                    .sum::<usize>()
            });
        });
    }
    // The file system's floor: the HTML site's files, rendered beforehand,
    // written into a fresh folder as the command writes them (folders made
    // once, one `fs::write` per file, on rayon's threads), with no
    // rendering at all.
    let site = Site::new(&catalog, Lang::En, SiteFormat::Html);
    let mut files = site.assets();
    files.extend(site.pages().into_iter().map(|p| site.render(p)));
    let folders = site.folders();
    group.bench_function(BenchmarkId::new("html-files-only", n), |b| {
        b.iter_with_setup(
            || tempfile::tempdir().unwrap(),
            |out| {
                let root = out.path().join("site");
                for folder in
                    std::iter::once(root.clone()).chain(folders.iter().map(|f| root.join(f)))
                {
                    std::fs::create_dir_all(folder).unwrap();
                }
                files
                    .par_iter()
                    .for_each(|f| std::fs::write(root.join(&f.path), &f.contents).unwrap());
                out
            },
        );
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = export
}
criterion_main!(benches);
