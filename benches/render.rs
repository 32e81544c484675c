//! Rendering: one full 200×50 frame of the explorer into a reused buffer
//! (reset each iteration, so only drawing is timed), for the embedded
//! catalog and a generated 10,000-skill catalog, with and without the search
//! overlay showing results; and the in-process part of a cold start: load
//! the embedded catalog, make the app and draw its first frame through a
//! ratatui `Terminal` (on a `TestBackend`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rungs::catalog::{
    Catalog, LoadOptions, load_embedded, load_partial, load_path, load_path_cached_deferred,
    wait_for_cache_writes,
};
use rungs::search::Index;
use rungs::tui::action::{Action, Effect};
use rungs::tui::app::App;
use rungs::tui::keys::Command;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

fn app(catalog: Catalog) -> App {
    let mut app = App::new(catalog);
    app.update(Action::Resize(WIDTH, HEIGHT));
    app
}

/// The app with the search box open on `query` and its results shown, as
/// the search worker would deliver them.
fn searching(catalog: Catalog, query: &str) -> App {
    let index = Index::new(&catalog);
    let mut app = app(catalog);
    app.update(Action::Run(Command::Search));
    let request = query
        .chars()
        .flat_map(|c| app.update(Action::Type(c)))
        .filter_map(|e| match e {
            Effect::Search(r) => Some(r),
            _ => None,
        })
        .last()
        .unwrap();
    let results = index
        .search(&app.catalog, &request.query, request.scope, None, &|| false)
        .unwrap();
    assert!(!results.hits.is_empty());
    app.update(Action::SearchResults(request.generation, results));
    app
}

fn render(c: &mut Criterion) {
    let embedded = load_embedded().unwrap().catalog;
    let big = load_path(&generate::cached(10_000).unwrap())
        .unwrap()
        .catalog;
    let area = Rect::new(0, 0, WIDTH, HEIGHT);

    let mut group = c.benchmark_group("frame_200x50");
    let mut buf = Buffer::empty(area);
    group.bench_function("buffer_reset_only", |b| {
        b.iter(|| {
            buf.reset();
            black_box(&buf);
        });
    });
    let apps = [
        ("explorer/embedded", app(embedded.clone())),
        ("explorer/10000", app(big.clone())),
        (
            "search_pipeline/embedded",
            searching(embedded.clone(), "pipeline"),
        ),
        ("search_pipeline/10000", searching(big, "pipeline")),
    ];
    for (name, app) in &apps {
        group.bench_with_input(BenchmarkId::from_parameter(name), app, |b, app| {
            b.iter(|| {
                buf.reset();
                Widget::render(black_box(app), area, &mut buf);
                black_box(&buf);
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("cold_start");
    group.bench_function("embedded_load_app_first_frame", |b| {
        b.iter(|| {
            let catalog = load_embedded().unwrap().catalog;
            let mut app = App::new(catalog);
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
            app.update(Action::Resize(WIDTH, HEIGHT));
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
            black_box(terminal);
        });
    });
    // The explorer's start on a 10,000-skill directory catalog through the
    // cache of parsed files: unchanged since the last start, and with one
    // skill file edited before each start (so one file is parsed again and
    // one cache shard rewritten: as in the explorer, on a thread of its own
    // while the first frame is drawn, waited for before the next start).
    // Process start and the terminal's own writes are not included (see
    // benches/first_frame.sh for those).
    let dir = generate::cached(10_000).unwrap();
    let cache = std::env::temp_dir().join(format!("rungs-render-cache-{}", std::process::id()));
    let first_frame = |dir: &std::path::Path| {
        let catalog = load_path_cached_deferred(dir, &cache, &LoadOptions::default())
            .unwrap()
            .catalog;
        let mut app = App::new(catalog);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        app.update(Action::Resize(WIDTH, HEIGHT));
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        (app, terminal)
    };
    drop(first_frame(&dir));
    group.sample_size(20);
    group.bench_function("dir_cached_load_app_first_frame/10000", |b| {
        b.iter_with_large_drop(|| first_frame(black_box(&dir)));
    });
    let edited = first_skill_file(&dir);
    let original = std::fs::read_to_string(&edited).unwrap();
    let mut flip = false;
    group.bench_function("dir_one_edit_load_app_first_frame/10000", |b| {
        b.iter_batched(
            || {
                wait_for_cache_writes();
                // Same size, new content: only the content hash can tell.
                flip = !flip;
                let text = if flip {
                    original
                        .replacen("name = \"", "name = \"~", 1)
                        .replacen(" ", "", 1)
                } else {
                    original.clone()
                };
                std::fs::write(&edited, text).unwrap();
            },
            |()| first_frame(black_box(&dir)),
            criterion::BatchSize::PerIteration,
        );
    });
    wait_for_cache_writes();
    std::fs::write(&edited, &original).unwrap();
    // The explorer's start as it is at 10,000 skills: the first frame from
    // the cache's skeletons, the selected skill read whole from its file
    // (the whole catalog then loads behind it, not timed here). Unchanged,
    // and with one skill file edited before each start (and parsed by it:
    // these starts write no cache, so every edit stays unseen).
    load_path_cached_deferred(&dir, &cache, &LoadOptions::default()).unwrap();
    wait_for_cache_writes();
    let partial_frame = |dir: &std::path::Path| {
        let mut partial = load_partial(dir, &cache, &LoadOptions::default(), 0).unwrap();
        let mut app = App::new(std::mem::take(&mut partial.catalog));
        app.update(Action::Resize(WIDTH, HEIGHT));
        app.start_from_skeletons(partial.with_texts.clone(), &partial.fill);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        (app, terminal)
    };
    group.bench_function("dir_partial_first_frame/10000", |b| {
        b.iter_with_large_drop(|| partial_frame(black_box(&dir)));
    });
    group.bench_function("dir_partial_one_edit_first_frame/10000", |b| {
        b.iter_batched(
            || {
                flip = !flip;
                let mark = if flip { "name = \"~" } else { "name = \"^" };
                let text = original.replacen("name = \"", mark, 1);
                std::fs::write(&edited, text).unwrap();
            },
            |()| partial_frame(black_box(&dir)),
            criterion::BatchSize::PerIteration,
        );
    });
    std::fs::write(&edited, original).unwrap();
    let _ = std::fs::remove_dir_all(&cache);
    group.finish();
}

/// The first skill file of a generated catalog, in path order.
fn first_skill_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut at = dir.join("skills");
    loop {
        let mut entries: Vec<_> = std::fs::read_dir(&at)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        at = entries.into_iter().next().unwrap();
        if at.is_file() {
            return at;
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = render
}
criterion_main!(benches);
