//! The command line: arguments, settings, one file per subcommand, and
//! their exit codes.
//!
//! [`parse`] reads the arguments, [`run`] merges the settings once
//! ([`Settings`]: flags ▸ environment ▸ config file), runs the subcommand (or
//! the explorer) and turns its [`CliError`] into a message and an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

mod args;
pub mod check;
pub mod compare;
pub mod config;
pub mod diff;
mod error;
pub mod explore;
pub mod export;
pub mod gap;
pub mod import;
pub mod init;
pub mod list;
mod load;
pub mod output;
pub mod review;
pub mod review_cmd;
pub mod search;
mod settings;
pub mod show;

pub use args::{Cli, Command, parse};
pub use error::{CliError, EXIT_INVALID, EXIT_OK, EXIT_USAGE};
pub use settings::{Settings, env_var};

/// Runs what the command line asks for; prints the error, if any, on
/// stderr; gives the exit code.
pub fn run(cli: Cli) -> ExitCode {
    let mut err = io::stderr().lock();
    match dispatch(cli, &mut err) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.message.is_empty() {
                let _ = writeln!(err, "{}", e.message);
            }
            ExitCode::from(e.code)
        }
    }
}

fn dispatch(cli: Cli, err: &mut dyn Write) -> Result<(), CliError> {
    if let Some(Command::Config { default, .. }) = &cli.command {
        // Before the config is read, so that it works on an invalid one.
        return config::run(cli.config.as_deref(), *default, &mut io::stdout().lock());
    }
    let settings = Settings::resolve(&cli, err)?;
    let Some(command) = cli.command else {
        let start = explore::StartAt {
            role: settings.start_role.clone(),
            level: settings.start_level.clone(),
            skill: cli.skill,
            to: cli.to,
            review: cli.review,
            assessor: cli.assessor.or_else(|| settings.assessor.clone()),
        };
        return explore::run(&settings, &start, !cli.no_watch, err);
    };
    let out = &mut io::stdout().lock();
    let lang = settings.lang;
    match command {
        Command::Config { .. } => Ok(()),
        Command::Check {
            format,
            deny_warnings,
        } => check::run(
            settings.catalog.as_deref(),
            settings.cache,
            &settings.load,
            format,
            deny_warnings,
            out,
            err,
        ),
        Command::Init { dir, force } => init::run(&dir, force, out),
        Command::Import {
            kind,
            file,
            out: out_dir,
            role,
            force,
        } => {
            let loaded = load::catalog_or_report(&settings, err)?;
            let req = import::Request {
                file: &file,
                out_dir: &out_dir,
                role: role.as_deref(),
                force,
            };
            import::run(&loaded.catalog, kind, &req, out, err)
        }
        Command::Compare {
            level,
            roles,
            format,
        } => {
            let loaded = load::catalog_or_report(&settings, err)?;
            // `rungs --level L compare …` means `compare --level L …`.
            let level = level.or(cli.level);
            compare::run(&loaded.catalog, level.as_deref(), &roles, format, lang, out)
        }
        Command::Diff {
            old,
            new,
            reviews,
            format,
        } => diff::run(&old, &new, reviews.as_deref(), format, lang, out, err),
        Command::Export { format, out: path } => {
            let loaded = load::catalog_or_report(&settings, err)?;
            export::run(&loaded.catalog, format, path.as_deref(), lang, out)
        }
        Command::List {
            what,
            role,
            level,
            format,
        } => {
            let loaded = load::catalog_or_report(&settings, err)?;
            // `rungs --role R --level L list skills` means the same as
            // `list skills --role R --level L`.
            let (role, level) = match what {
                list::What::Skills => (role.or(cli.role), level.or(cli.level)),
                _ => (role, level),
            };
            list::run(
                &loaded.catalog,
                what,
                role.as_deref(),
                level.as_deref(),
                format,
                out,
            )
        }
        Command::Show {
            skill,
            role,
            format,
        } => {
            let loaded = load::catalog_or_report(&settings, err)?;
            // `rungs --role R show SKILL` means the same as `show SKILL --role R`.
            let role = role.or(cli.role);
            show::run(&loaded.catalog, &skill, role.as_deref(), format, lang, out)
        }
        Command::Search {
            query,
            role,
            limit,
            all_cells,
            format,
        } => {
            let loaded = load::catalog_or_report(&settings, err)?;
            // As for `show`, `rungs --role R search Q` means `search Q --role R`.
            let role = role.or(cli.role);
            let query = query.join(" ");
            let done = search::run(
                &loaded.catalog,
                &query,
                role.as_deref(),
                limit,
                all_cells,
                format,
                lang,
                out,
            );
            // `dispatch` runs once, from `main`: the process ends next.
            load::leave_to_exit(loaded);
            done
        }
        Command::Gap {
            role,
            from,
            to,
            review,
            format,
            all,
            since,
            assessor,
        } => {
            let loaded = load::catalog_or_report(&settings, err)?;
            // As for `show`, `rungs --role R --level L gap` means
            // `gap --role R --from L`.
            let role = role.or(cli.role);
            let from = from.or(cli.level);
            let request = gap::Request {
                role: role.as_deref(),
                from: from.as_deref(),
                to: to.as_deref(),
                review: review.as_deref(),
                format,
                all,
                since,
                assessor: assessor
                    .as_deref()
                    .or(settings.assessor.as_deref())
                    .unwrap_or(crate::review::DEFAULT_ASSESSOR),
            };
            let today = crate::report::today();
            gap::run(&loaded.catalog, &request, today, lang, out, err)
        }
        Command::Review { action } => {
            let loaded = load::catalog_or_report(&settings, err)?;
            let default = settings.assessor.as_deref();
            review_cmd::run(&loaded.catalog, &action, default, out)
        }
    }
}
