//! The `rungs` command line, run as a process: one test binary for every
//! subcommand, and the documentation's examples checked against real output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod check;
mod compare;
mod config;
mod diff;
mod docs_examples;
mod every_command;
mod export;
mod gap;
mod list;
mod review;
mod search;
mod settings;
mod sheet;
mod show;
