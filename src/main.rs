//! The `rungs` command line: parses arguments and runs a subcommand or the TUI.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rungs::commands;
use rungs::show;
use std::io::Write;
use std::path::Path;

/// Explore skill matrices (career ladders) in the terminal.
#[derive(Debug, Parser)]
#[command(name = "rungs", version, about, long_about = None)]
struct Cli {
    /// Catalog to load: a .toml file or a directory with catalog.toml
    /// [default: the embedded catalog]
    #[arg(long, global = true, env = "RUNGS_CATALOG", value_name = "PATH")]
    catalog: Option<PathBuf>,

    /// Role to start with (id or name)
    #[arg(long, value_name = "ROLE")]
    role: Option<String>,

    /// Level to start at (id, name or 1-based number)
    #[arg(long, value_name = "LEVEL")]
    level: Option<String>,

    /// Skill to start on (id or name)
    #[arg(long, value_name = "SKILL")]
    skill: Option<String>,

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
    /// Print one skill's profile (every level, every role) without the TUI
    Show {
        /// Skill to show (id or name, any case)
        skill: String,
        /// Only this role's expectations (id or name, any case)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = show::Format::Text)]
        format: show::Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let result = match cli.command {
        Some(Command::Check) => commands::check(cli.catalog.as_deref(), &mut out, &mut err),
        Some(Command::Init { dir, force }) => commands::init(&dir, force, &mut out, &mut err),
        Some(Command::Show {
            skill,
            role,
            format,
        }) => show::command(
            cli.catalog.as_deref(),
            &skill,
            // `rungs --role R show SKILL` means the same as `show SKILL --role R`.
            role.or(cli.role).as_deref(),
            format,
            &mut out,
            &mut err,
        ),
        None => {
            drop(out);
            let start = commands::StartAt {
                role: cli.role,
                level: cli.level,
                skill: cli.skill,
            };
            return explore(cli.catalog.as_deref(), &start, &mut err);
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`rungs check | head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(commands::EXIT_INVALID),
    }
}

/// Loads the catalog and runs the TUI. Problems are printed before any
/// terminal mode is entered.
fn explore(catalog: Option<&Path>, start: &commands::StartAt, err: &mut dyn Write) -> ExitCode {
    let loaded = match commands::load(catalog) {
        Ok(l) => l,
        Err(e) => {
            let _ = commands::print_diagnostics(err, &e.diagnostics);
            let _ = writeln!(
                err,
                "error: catalog is not valid ({} errors); run `rungs check` for details",
                e.error_count()
            );
            return ExitCode::from(commands::EXIT_INVALID);
        }
    };
    let app = match commands::explorer_app(loaded.catalog, start) {
        Ok(app) => app,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(commands::EXIT_USAGE);
        }
    };
    match rungs::tui::run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "error: terminal: {e}");
            ExitCode::from(commands::EXIT_INVALID)
        }
    }
}
