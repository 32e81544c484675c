//! `rungs` without a subcommand: builds the explorer's start-up (catalog,
//! role, level and skill, review file, theme, language, key bindings,
//! watching) and hands it to the TUI. Every problem is reported before the
//! terminal is touched.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::load::{catalog_for_start, partial_for_start};
use super::review::{self, FlagNames, Wanted};
use super::{CliError, EXIT_INVALID, Settings};
use crate::catalog::{Catalog, Date, NotFound};
use crate::review::{Review, ReviewFile};
use crate::tui::app::App;
use crate::tui::screens::gap::ReviewState;
use crate::tui::theme::Theme;

/// The first selection asked for on the command line (or in the config).
#[derive(Debug, Clone, Default)]
pub struct StartAt {
    pub role: Option<String>,
    pub level: Option<String>,
    pub skill: Option<String>,
    /// Start in the gap view, to this level.
    pub to: Option<String>,
    /// Start in the gap view assessing this review file.
    pub review: Option<PathBuf>,
    /// `--as NAME`: whose marks the mark keys set.
    pub assessor: Option<String>,
}

impl StartAt {
    /// Whose marks the mark keys set: `--as` (or the config's `assessor`,
    /// merged into it by the caller), else the manager, as for `rungs gap`.
    pub fn current_assessor(&self) -> String {
        self.assessor
            .clone()
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| crate::review::DEFAULT_ASSESSOR.to_string())
    }
}

/// Why the explorer does not start when stdout is not a terminal.
pub const NO_TERMINAL: &str = "the explorer needs a terminal, and stdout is not one; \
     for scripts use `rungs show SKILL`, `rungs search QUERY` or `rungs gap --role ROLE --from LEVEL`";

/// The flags of the explorer that can repeat a review's values.
const FLAGS: FlagNames = FlagNames {
    role: "--role",
    from: "--level",
    to: "--to",
};

/// Loads the catalog (through the cache), builds the explorer at `start`
/// and runs it until the user quits. The embedded catalog is not watched;
/// files on disk are, unless `watch` is off.
pub fn run(
    settings: &Settings,
    start: &StartAt,
    watch: bool,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    // The plain explorer at 10,000 skills draws its first frame from the
    // cache's skeletons and loads the texts behind it; the gap view needs
    // them from its first frame.
    let partial = (start.review.is_none() && start.to.is_none())
        .then(|| partial_for_start(settings))
        .flatten();
    let (catalog, partial) = match partial {
        Some((p, cache)) => (p.catalog, Some((p.with_texts, p.fill, cache))),
        None => (catalog_for_start(settings, err)?.catalog, None),
    };
    // The cache may still be being written when the explorer ends (or
    // fails to start): wait for it, whichever way this returns.
    let _writes = WaitForCacheWrites;
    let (mut app, review) = self::start(catalog, start, crate::report::today())?;
    let whole = partial.map(|(with_texts, fill, cache)| {
        app.start_from_skeletons(with_texts, &fill);
        crate::tui::events::WholeLoad {
            catalog: settings.catalog.clone().unwrap_or_default(),
            cache,
            options: settings.load,
            fill,
        }
    });
    app.theme = Theme::named(settings.theme, &settings.config.colors);
    app.set_lang(settings.lang);
    app.bindings = crate::tui::keys::Bindings::from_config(&settings.config.keys);
    if settings.ascii {
        app.set_symbols(crate::tui::symbols::Symbols::ASCII);
    }
    let watch = settings
        .catalog
        .as_deref()
        .filter(|_| watch)
        .map(|p| crate::tui::events::Watch {
            catalog: p.to_path_buf(),
            cache: crate::catalog::default_cache_dir().filter(|_| settings.cache),
            options: settings.load,
        });
    // Without a terminal (`rungs > out.txt`, `rungs | less`, a CI job) the
    // explorer would write escape sequences into the output and then fail
    // to read keys: say what to use instead, and write nothing to stdout.
    if !std::io::stdout().is_terminal() {
        return Err(CliError::usage(NO_TERMINAL));
    }
    let farewell = crate::tui::run_with_review(app, review, watch, whole)
        .map_err(|e| CliError::raw(EXIT_INVALID, format!("error: terminal: {e}")))?;
    if let Some(message) = farewell {
        writeln!(err, "{}", crate::catalog::clean(&message, false).text)?;
    }
    Ok(())
}

/// Waits for the cache writes left to a thread when dropped.
struct WaitForCacheWrites;

impl Drop for WaitForCacheWrites {
    fn drop(&mut self) {
        crate::catalog::wait_for_cache_writes();
    }
}

/// Builds the explorer, in the gap view when `--to` or `--review` asks for
/// it. Returns the open review file to save into, if any.
pub fn start(
    catalog: Catalog,
    start: &StartAt,
    today: Date,
) -> Result<(App, Option<ReviewFile>), CliError> {
    let Some(path) = &start.review else {
        let mut app = explorer_app(catalog, start)?;
        app.today = today;
        if let Some(to) = &start.to {
            let to = app.catalog.find_level(to)?;
            if to <= app.level {
                return Err(CliError::usage(format!(
                    "--to must be above the level ({}); use --level to choose where to start",
                    app.catalog.levels[app.level].name
                )));
            }
            app.start_gap(to, None);
        }
        return Ok((app, None));
    };
    let wanted = Wanted::find(
        &catalog,
        start.role.as_deref(),
        start.level.as_deref(),
        start.to.as_deref(),
    )?;
    let (file, (role, from, to)) = match review::open(path)? {
        Some(file) => {
            let found = review::resolve(&catalog, &file.review, path, wanted, FLAGS)?;
            (file, found)
        }
        None => new_review(&catalog, path, wanted, today)?,
    };
    let mut app = App::new(catalog);
    app.today = today;
    let who = start.current_assessor();
    // Notes' history entries name who saved them.
    let mut file = file;
    file.assessor.clone_from(&who);
    app.assessor = Some(who);
    app.set_role(role);
    app.set_level(from);
    let state = ReviewState {
        review: file.review.clone(),
        file: Some(path.display().to_string()),
        locked: true,
    };
    app.start_gap(to, Some(state));
    app.show_since_last();
    // Unknown keys are kept in the file; say so once, after what changed.
    if let Some(first) = file.warnings.first() {
        let t = app.lang.strings();
        let more = file.warnings.len() - 1;
        let warning = if more == 0 {
            first.clone()
        } else {
            crate::i18n::fill(
                t.status_more_warnings,
                &[("warning", first), ("more", &more.to_string())],
            )
        };
        app.status = Some(match app.status.take() {
            Some(since) => format!("{since} · {warning}"),
            None => warning,
        });
    }
    Ok((app, Some(file)))
}

/// A review file that does not exist yet: `--role` and `--level` say what
/// it is for, `--to` (else the next level) where to; it is written on the
/// first change.
fn new_review(
    catalog: &Catalog,
    path: &Path,
    wanted: Wanted,
    today: Date,
) -> Result<(ReviewFile, (usize, usize, usize)), CliError> {
    let (Some(role), Some(from)) = (wanted.role, wanted.from) else {
        return Err(CliError::usage(format!(
            "{} does not exist yet; give --role and --level (and optionally --to) to start a new review there",
            path.display()
        )));
    };
    let to = wanted.to.unwrap_or(from + 1);
    if to <= from || to >= catalog.levels.len() {
        return Err(CliError::usage(format!(
            "the target level must be above {}; valid targets: {}",
            catalog.levels[from].name,
            catalog.levels[from + 1..]
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let review = Review::new(
        &catalog.roles[role].id,
        &catalog.levels[from].id,
        &catalog.levels[to].id,
        catalog.display_title(),
        today,
    );
    let file =
        ReviewFile::open_or_new(path, || review).map_err(|e| CliError::invalid(format!("{e}")))?;
    Ok((file, (role, from, to)))
}

/// Builds the explorer's starting state, or says which value is unknown.
pub fn explorer_app(catalog: Catalog, start: &StartAt) -> Result<App, NotFound> {
    let role = start
        .role
        .as_deref()
        .map(|r| catalog.find_role(r))
        .transpose()?;
    let level = start
        .level
        .as_deref()
        .map(|l| catalog.find_level(l))
        .transpose()?;
    let skill = start
        .skill
        .as_deref()
        .map(|s| catalog.find_skill(s))
        .transpose()?;
    let mut app = App::new(catalog);
    if let Some(skill) = skill {
        // Without a role, start in the first role whose profile has the skill.
        let role = role.or_else(|| {
            (0..app.catalog.roles.len()).find(|&r| app.catalog.skills[skill].in_role(r))
        });
        if let Some(r) = role {
            app.set_role(r);
        }
        app.select_skill_index(skill);
    } else if let Some(r) = role {
        app.set_role(r);
    }
    if let Some(l) = level {
        app.set_level(l);
    }
    app.assessor = Some(start.current_assessor());
    Ok(app)
}
