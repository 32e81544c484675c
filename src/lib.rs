//! rungs: explore skill matrices (career ladders) in the terminal.
//!
//! The library holds everything but argument parsing, so that tests and
//! benchmarks drive the same code as the binary.

pub mod catalog;
pub mod cli;
pub mod config;
pub mod fsutil;
pub mod gap;
pub mod i18n;
pub mod report;
pub mod review;
pub mod search;
pub mod tui;
