//! The `rungs` command line: parses arguments and runs a subcommand or the TUI.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rungs::commands;

/// Explore skill matrices (career ladders) in the terminal.
#[derive(Debug, Parser)]
#[command(name = "rungs", version, about, long_about = None)]
struct Cli {
    /// Catalog to load: a .toml file or a directory with catalog.toml
    /// [default: the embedded catalog]
    #[arg(long, global = true, env = "RUNGS_CATALOG", value_name = "PATH")]
    catalog: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a catalog and print a summary, or every problem found
    Check,
    /// Write the default catalog into DIR as editable files
    Init {
        /// Folder to write into (created if missing)
        dir: PathBuf,
        /// Overwrite files that already exist
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let result = match cli.command {
        Some(Command::Check) => commands::check(cli.catalog.as_deref(), &mut out, &mut err),
        Some(Command::Init { dir, force }) => commands::init(&dir, force, &mut out, &mut err),
        None => commands::check(cli.catalog.as_deref(), &mut out, &mut err),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`rungs check | head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(commands::EXIT_INVALID),
    }
}
