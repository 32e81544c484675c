//! The explorer without a terminal: key sequences through the keymap and
//! `App::update`, screens drawn on ratatui's TestBackend (insta snapshots in
//! tests/tui/snapshots), random sessions, catalog reloads, and the terminal
//! restored after a panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod ascii;
mod assessors;
mod behaviours;
mod compare;
mod gap_view;
mod keys;
mod ladders;
mod loading;
mod meeting;
mod panic_restore;
mod random_ui;
mod reload;
mod render;
mod replaced;
mod review_screens;
mod signals;
mod zh;
