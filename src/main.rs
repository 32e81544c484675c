//! The `rungs` command line: parses arguments and runs a subcommand or the TUI.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rungs::commands;
use rungs::config::ThemeName;
use rungs::gap_cmd;
use rungs::i18n::Lang;
use rungs::search_cmd;
use rungs::show;
use rungs::tui::theme::Theme;
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

    /// Start in the promotion gap view, from --level to this level
    #[arg(long, value_name = "LEVEL")]
    to: Option<String>,

    /// Assess a promotion review saved in FILE (created if missing; with
    /// --role and --level, and optionally --to)
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,

    /// Config file [default: see `rungs config --path`]
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Colour theme
    #[arg(long, global = true, value_enum)]
    theme: Option<ThemeName>,

    /// Interface language [default: from the config, else LANG / LC_ALL]
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,

    /// Do not reload the catalog when its files change
    #[arg(long)]
    no_watch: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show where the config file is looked for, or a commented default
    Config {
        /// Print the path of the config file
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print a commented config with every setting at its default
        #[arg(long)]
        default: bool,
    },
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
    /// Search skill names, tags, domains and expectation texts, best first
    Search {
        /// What to look for (several words are joined with spaces)
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Only this role's skills and expectations (id or name, any case)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Print at most N results (0 = all)
        #[arg(long, value_name = "N", default_value_t = search_cmd::DEFAULT_LIMIT)]
        limit: usize,
        /// Output format
        #[arg(long, value_enum, default_value_t = search_cmd::Format::Text)]
        format: search_cmd::Format,
    },
    /// Print what changes for a role from one level to a higher one, with a
    /// review's marks and notes when given (Markdown, JSON or text)
    Gap {
        /// Role (id or name, any case); defaults to the review's
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Level to start from (id, name or 1-based number); defaults to the review's
        #[arg(long, value_name = "LEVEL")]
        from: Option<String>,
        /// Target level [default: the review's, else the level after --from]
        #[arg(long, value_name = "LEVEL")]
        to: Option<String>,
        /// A review file (TOML, see docs/reviews.md) whose marks and notes to include
        #[arg(long, value_name = "FILE")]
        review: Option<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = gap_cmd::Format::Markdown)]
        format: gap_cmd::Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    if let Some(Command::Config { path, default }) = &cli.command {
        return config_command(cli.config.as_deref(), *path, *default, &mut out);
    }
    let config = match rungs::config::Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(diags) => {
            let _ = commands::print_diagnostics(&mut err, &diags);
            let _ = writeln!(err, "error: the config file is not valid");
            return ExitCode::from(commands::EXIT_INVALID);
        }
    };
    let lang = cli.lang.or(config.language).unwrap_or_else(Lang::from_env);
    // The catalog: the flag (or RUNGS_CATALOG), else the config's.
    let catalog_path = cli.catalog.clone().or_else(|| config.catalog.clone());
    let result = match cli.command {
        Some(Command::Config { .. }) => Ok(commands::EXIT_OK),
        Some(Command::Check) => commands::check(catalog_path.as_deref(), &mut out, &mut err),
        Some(Command::Init { dir, force }) => commands::init(&dir, force, &mut out, &mut err),
        Some(Command::Show {
            skill,
            role,
            format,
        }) => show::command(
            catalog_path.as_deref(),
            &skill,
            // `rungs --role R show SKILL` means the same as `show SKILL --role R`.
            role.or(cli.role).as_deref(),
            format,
            &mut out,
            &mut err,
        ),
        Some(Command::Search {
            query,
            role,
            limit,
            format,
        }) => search_cmd::command(
            catalog_path.as_deref(),
            &query.join(" "),
            // As for `show`, `rungs --role R search Q` means `search Q --role R`.
            role.or(cli.role).as_deref(),
            limit,
            format,
            &mut out,
            &mut err,
        ),
        Some(Command::Gap {
            role,
            from,
            to,
            review,
            format,
        }) => {
            // As for `show`, `rungs --role R --level L gap` means
            // `gap --role R --from L`.
            let role = role.or(cli.role);
            let from = from.or(cli.level);
            let request = gap_cmd::Request {
                role: role.as_deref(),
                from: from.as_deref(),
                to: to.as_deref(),
                review: review.as_deref(),
                format,
            };
            gap_cmd::command(catalog_path.as_deref(), &request, &mut out, &mut err)
        }
        None => {
            drop(out);
            let start = commands::StartAt {
                role: cli.role.or_else(|| config.role.clone()),
                level: cli.level.or_else(|| config.level.clone()),
                skill: cli.skill,
                to: cli.to,
                review: cli.review,
            };
            // --theme beats NO_COLOR, which beats the config's theme.
            let theme_name = match cli.theme {
                Some(name) => name,
                None if rungs::tui::theme::no_color() => ThemeName::Mono,
                None => config.theme.unwrap_or_default(),
            };
            let look = Look {
                theme: Theme::named(theme_name, &config.colors),
                lang,
                bindings: config.bindings(),
                watch: !cli.no_watch,
            };
            return explore(catalog_path.as_deref(), &start, &look, &mut err);
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
/// How the TUI looks and behaves, from flags, config and environment.
struct Look {
    theme: Theme,
    lang: Lang,
    bindings: rungs::tui::bindings::Bindings,
    watch: bool,
}

/// `rungs config --path` / `--default`.
fn config_command(
    explicit: Option<&Path>,
    path: bool,
    default: bool,
    out: &mut dyn Write,
) -> ExitCode {
    let written = if default {
        write!(out, "{}", rungs::config::default_text())
    } else {
        let _ = path; // --path is the default action
        match explicit
            .map(Path::to_path_buf)
            .or_else(rungs::config::default_path)
        {
            Some(p) => writeln!(out, "{}", p.display()),
            None => writeln!(out, "(no config folder on this system)"),
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(commands::EXIT_INVALID),
    }
}

fn explore(
    catalog: Option<&Path>,
    start: &commands::StartAt,
    look: &Look,
    err: &mut dyn Write,
) -> ExitCode {
    // The explorer opens a catalog that has not changed from the cache.
    let loaded = match commands::load_cached_or_report(catalog, err) {
        Ok(Ok(l)) => l,
        Ok(Err(code)) => return ExitCode::from(code),
        Err(_) => return ExitCode::from(commands::EXIT_INVALID),
    };
    let (mut app, review) = match commands::start(loaded.catalog, start, rungs::report::today()) {
        Ok(started) => started,
        Err(e) => {
            let _ = writeln!(err, "{}", e.message);
            return ExitCode::from(e.code);
        }
    };
    app.theme = look.theme.clone();
    app.lang = look.lang;
    app.bindings = look.bindings.clone();
    // The embedded catalog is not watched; files on disk are, unless asked.
    let watch = catalog.filter(|_| look.watch).map(Path::to_path_buf);
    match rungs::tui::run_with_review(app, review, watch) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "error: terminal: {e}");
            ExitCode::from(commands::EXIT_INVALID)
        }
    }
}
