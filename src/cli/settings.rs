//! Settings merged once, in one order: flags ▸ environment ▸ config file ▸
//! defaults. Subcommands read the result, never the sources.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use super::output::print_diagnostics;
use super::{CliError, args::Cli};
use crate::catalog::LoadOptions;
use crate::config::{Config, ThemeName};
use crate::i18n::Lang;

/// The catalog to load, when `--catalog` is not given.
pub const CATALOG_VAR: &str = "RUNGS_CATALOG";
/// Set to anything (but empty), turns the cache of parsed catalogs off.
pub const NO_CACHE_VAR: &str = "RUNGS_NO_CACHE";

/// A `RUNGS_*` environment variable. Every one of them that is set but
/// empty counts as unset (`RUNGS_CATALOG= rungs` opens the default catalog,
/// `RUNGS_NO_CACHE= rungs` keeps the cache on), as shells make it easy to
/// leave a variable set and empty.
pub fn env_var(name: &str) -> Option<OsString> {
    non_empty(std::env::var_os(name))
}

/// A variable's value, `None` when unset or empty.
fn non_empty(value: Option<OsString>) -> Option<OsString> {
    value.filter(|v| !v.is_empty())
}

/// What the command line, the environment and the config file decide
/// together.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The config file as read (empty when there is none).
    pub config: Config,
    /// `--catalog`, else `RUNGS_CATALOG`, else the config's; `None` for the
    /// embedded catalog.
    pub catalog: Option<PathBuf>,
    /// `--lang`, else the config's, else `LC_ALL` / `LANG`.
    pub lang: Lang,
    /// `--theme`, else `mono` under `NO_COLOR`, else the config's.
    pub theme: ThemeName,
    /// The cache of parsed catalogs is used (`RUNGS_NO_CACHE` unset).
    pub cache: bool,
    /// How a catalog folder is read (`--follow-external-links`).
    pub load: LoadOptions,
    /// `--ascii`, else the config's `symbols = "ascii"`.
    pub ascii: bool,
    /// The config's `assessor`: whose marks `--as` means when not given.
    pub assessor: Option<String>,
    /// The explorer's first role: `--role`, else the config's.
    pub start_role: Option<String>,
    /// The explorer's first level: `--level`, else the config's.
    pub start_level: Option<String>,
}

impl Settings {
    /// Reads the config file (`--config`, or the default path when it
    /// exists) and merges it with the flags and the environment. An invalid
    /// config file is reported on `err`.
    pub fn resolve(cli: &Cli, err: &mut dyn Write) -> Result<Settings, CliError> {
        let config = match Config::load(cli.config.as_deref(), crate::tui::keys::check_config) {
            Ok(c) => c,
            Err(diags) => {
                print_diagnostics(err, &diags)?;
                return Err(CliError::invalid("the config file is not valid"));
            }
        };
        Ok(Settings::merge(cli, config, &|name| std::env::var_os(name)))
    }

    /// The merge itself, for a config already read, with `env` giving the
    /// environment's variables as set (empty ones are dropped here).
    fn merge(cli: &Cli, config: Config, env: &dyn Fn(&str) -> Option<OsString>) -> Settings {
        // clap has read `--catalog`, or `RUNGS_CATALOG` (see `args::parse`).
        let catalog = cli.catalog.clone().or_else(|| config.catalog.clone());
        let lang = cli
            .lang
            .map(Lang::from)
            .or(config.language)
            .unwrap_or_else(Lang::from_env);
        let theme = match cli.theme {
            Some(name) => name.into(),
            None if crate::tui::theme::no_color() => ThemeName::Mono,
            None => config.theme.unwrap_or_default(),
        };
        Settings {
            catalog,
            lang,
            theme,
            cache: non_empty(env(NO_CACHE_VAR)).is_none(),
            load: LoadOptions {
                follow_external_links: cli.follow_external_links,
            },
            ascii: cli.ascii || config.ascii,
            assessor: config.assessor.clone(),
            start_role: cli.role.clone().or_else(|| config.role.clone()),
            start_level: cli.level.clone().or_else(|| config.level.clone()),
            config,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn merged(args: &[&str], config: Config, vars: &[(&str, &str)]) -> Settings {
        let cli =
            Cli::try_parse_from(std::iter::once("rungs").chain(args.iter().copied())).unwrap();
        let env = |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        };
        Settings::merge(&cli, config, &env)
    }

    #[test]
    fn an_empty_variable_counts_as_unset() {
        assert_eq!(non_empty(Some(OsString::new())), None);
        assert_eq!(non_empty(None), None);
        assert_eq!(non_empty(Some("1".into())), Some("1".into()));
        let config = Config::default;
        assert!(merged(&["check"], config(), &[]).cache);
        assert!(merged(&["check"], config(), &[(NO_CACHE_VAR, "")]).cache);
        assert!(!merged(&["check"], config(), &[(NO_CACHE_VAR, "1")]).cache);
    }

    #[test]
    fn flags_beat_the_config() {
        let config = || Config {
            catalog: Some("from-config".into()),
            language: Some(Lang::Zh),
            theme: Some(ThemeName::Light),
            ..Config::default()
        };
        let s = merged(&["check"], config(), &[]);
        assert_eq!(s.catalog, Some(PathBuf::from("from-config")));
        assert_eq!(s.lang, Lang::Zh);
        assert_eq!(s.start_role, None);
        let with_role = Config {
            role: Some("llm-engineer".into()),
            level: Some("lead".into()),
            ..config()
        };
        let s = merged(&["--role", "data-scientist"], with_role, &[]);
        assert_eq!(s.start_role.as_deref(), Some("data-scientist"));
        assert_eq!(s.start_level.as_deref(), Some("lead"));
        let s = merged(
            &[
                "--catalog",
                "flag",
                "--lang",
                "en",
                "--theme",
                "mono",
                "check",
            ],
            config(),
            &[],
        );
        assert_eq!(s.catalog, Some(PathBuf::from("flag")));
        assert_eq!((s.lang, s.theme), (Lang::En, ThemeName::Mono));
    }
}
