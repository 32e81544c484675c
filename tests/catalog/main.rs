//! The catalog library without the binary: the loader against the fixtures
//! in tests/fixtures, the embedded default catalog, limits, hostile and
//! randomly mutated input, and the search engine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod default_catalog;
mod fixtures;
mod ladders;
mod limits;
mod pathological;
mod proptest_loader;
mod search;
mod sheet;
