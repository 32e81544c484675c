//! Times the explorer's in-process start on a directory catalog through the
//! parsed-catalog cache (load, app, first 200×50 frame on a test backend),
//! phase by phase, for a quick check without criterion and for profiling
//! one start under callgrind:
//! `cargo run --release --example start_time -- DIR CACHE_DIR [RUNS]`;
//! with `PARTIAL=1` in the environment, the load is the explorer's names-first
//! one (`load_partial`: the cache's skeletons, texts left out).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rungs::catalog::{LoadOptions, load_partial, load_path_cached_deferred, wait_for_cache_writes};
use rungs::tui::action::Action;
use rungs::tui::app::App;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = Path::new(
        args.first()
            .expect("usage: start_time DIR CACHE_DIR [RUNS]"),
    );
    let cache = Path::new(args.get(1).expect("CACHE_DIR"));
    let runs: usize = args.get(2).map_or(5, |r| r.parse().expect("RUNS"));
    let mut rows = Vec::new();
    for _ in 0..runs {
        let t0 = Instant::now();
        let partial = std::env::var_os("PARTIAL")
            .and_then(|_| load_partial(dir, cache, &LoadOptions::default(), 0));
        let catalog = match partial {
            Some(p) => p.catalog,
            None => {
                load_path_cached_deferred(dir, cache, &LoadOptions::default())
                    .unwrap()
                    .catalog
            }
        };
        let t1 = Instant::now();
        let mut app = App::new(catalog);
        app.update(Action::Resize(200, 50));
        let t2 = Instant::now();
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let t3 = Instant::now();
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
        rows.push([ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t0, t3)]);
        // Dropped outside the timed part, as the real start never drops it.
        drop((app, terminal));
        wait_for_cache_writes();
    }
    rows.sort_by(|a, b| a[3].total_cmp(&b[3]));
    let median = rows[rows.len() / 2];
    println!(
        "{runs} runs, median start {:.1} ms (min {:.1}): load {:.1}, app {:.1}, frame {:.1}",
        median[3], rows[0][3], median[0], median[1], median[2]
    );
}
