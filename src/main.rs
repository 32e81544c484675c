//! The `rungs` binary: parses the command line and runs it (see
//! `rungs::cli`).

use std::process::ExitCode;

/// One heap for every thread (dlmalloc, pure Rust, behind one lock) rather
/// than glibc's arena per thread: the catalog is decoded on rayon's threads
/// and the search index built on others, and memory one thread's arena
/// freed stayed resident while the next thread grew its own. At 10,000
/// skills the TUI's peak after a search fell from 66–71 to 64 MiB with the
/// same instructions for `rungs check` (docs/performance.md). Only the
/// binary: tests and benches keep the system allocator.
#[global_allocator]
static GLOBAL: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

fn main() -> ExitCode {
    rungs::cli::run(rungs::cli::parse())
}
