//! The `rungs` binary: parses the command line and runs it (see
//! `rungs::cli`).

use std::process::ExitCode;

fn main() -> ExitCode {
    rungs::cli::run(rungs::cli::parse())
}
