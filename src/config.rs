//! The config file: default catalog, role and level, language, theme,
//! colours and key bindings.
//!
//! It lives at `$XDG_CONFIG_HOME/rungs/config.toml` (the platform's config
//! folder); `--config PATH` points elsewhere. Every problem is reported with
//! the file, line and value, and what would be valid.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::catalog::{Diagnostic, Severity, SourceFile};
use crate::i18n::Lang;

/// A built-in theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Reads on dark and light terminals alike.
    #[default]
    Default,
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s {
            "default" => Some(ThemeName::Default),
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "mono" => Some(ThemeName::Mono),
            _ => None,
        }
    }
}

/// Colours that override the theme's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Colors {
    pub selection: Option<Color>,
    pub required: Option<Color>,
    pub optional: Option<Color>,
    pub diff_added: Option<Color>,
    pub diff_removed: Option<Color>,
    pub borders: Option<Color>,
}

/// Everything a config file can set; unset values are `None`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from, if a file existed.
    pub path: Option<PathBuf>,
    pub catalog: Option<PathBuf>,
    pub role: Option<String>,
    pub level: Option<String>,
    pub language: Option<Lang>,
    pub theme: Option<ThemeName>,
    /// `symbols = "ascii"`: every symbol drawn in ASCII.
    pub ascii: bool,
    /// `assessor = "self"`: whose marks reviews are marked as when `--as`
    /// is not given.
    pub assessor: Option<String>,
    pub colors: Colors,
    /// The `[keys]` table as written, checked by the caller's [`KeyCheck`]
    /// (the explorer owns what actions and keys exist).
    pub keys: Vec<KeyEntry>,
}

/// One line of the `[keys]` table: an action name and its keys, with where
/// each is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEntry {
    pub action: String,
    pub action_span: Range<usize>,
    /// Key names and their places; `None` when the value is neither a
    /// string nor a list.
    pub keys: Option<Vec<(String, Range<usize>)>>,
    /// The whole value.
    pub span: Range<usize>,
}

/// Checks the `[keys]` table and returns each problem with its place in the
/// file; the config reports them like its own.
pub type KeyCheck = fn(&[KeyEntry]) -> Vec<(Range<usize>, String)>;

/// Where the config file is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.config_dir().join("rungs").join("config.toml"))
}

const TOP_KEYS: &[&str] = &[
    "catalog", "role", "level", "language", "theme", "symbols", "assessor", "colors", "keys",
];
const COLOR_KEYS: &[&str] = &[
    "selection",
    "required",
    "optional",
    "diff_added",
    "diff_removed",
    "borders",
];
const COLOR_HELP: &str = "a colour name (red, light-blue, gray, …), #rrggbb, or 0–255";

impl Config {
    /// Reads the config: `explicit` must exist; the default path may not.
    /// `check_keys` checks the `[keys]` table.
    pub fn load(explicit: Option<&Path>, check_keys: KeyCheck) -> Result<Config, Vec<Diagnostic>> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_path() {
                Some(p) if p.is_file() => p,
                _ => return Ok(Config::default()),
            },
        };
        let display = path.display().to_string();
        let text = std::fs::read(&path).map_err(|e| {
            vec![Diagnostic::at_file(
                Severity::Error,
                display.clone(),
                format!("cannot read config file: {e}"),
            )]
        })?;
        let text = String::from_utf8(text).map_err(|_| {
            vec![Diagnostic::at_file(
                Severity::Error,
                display.clone(),
                "config file is not UTF-8 text",
            )]
        })?;
        let mut config = Config::parse(&display, &text, check_keys)?;
        config.path = Some(path);
        Ok(config)
    }

    /// Parses config text, reporting every problem.
    pub fn parse(path: &str, text: &str, check_keys: KeyCheck) -> Result<Config, Vec<Diagnostic>> {
        let file = SourceFile::new(path, text.to_string());
        let mut diags = Vec::new();
        let doc = DeTable::parse(text).map_err(|e| {
            vec![file.diagnostic(
                Severity::Error,
                file.error_span(e.span(), e.message()),
                format!(
                    "TOML syntax: {}",
                    crate::catalog::clean(e.message().trim(), true).text
                ),
            )]
        })?;
        let mut err = |span: std::ops::Range<usize>, m: String| {
            diags.push(file.diagnostic(Severity::Error, span, m));
        };
        let mut c = Config::default();
        for (key, value) in doc.get_ref().iter() {
            let name = key.get_ref().as_ref();
            match name {
                // The docs promise a level may be a 1-based number: written
                // bare (`level = 2`) it is a TOML integer, not a string.
                "level" if matches!(value.get_ref(), DeValue::Integer(_)) => {
                    match level_number(value) {
                        Some(n) => c.level = Some(n.to_string()),
                        None => err(
                            value.span(),
                            "`level` must be a level id or name, or a level number from 1".into(),
                        ),
                    }
                }
                "symbols" => match string(value) {
                    Some("ascii") => c.ascii = true,
                    Some("unicode") => c.ascii = false,
                    _ => err(
                        value.span(),
                        "`symbols` must be \"unicode\" or \"ascii\"".into(),
                    ),
                },
                "assessor" => match string(value).map(str::trim) {
                    Some(s) if !s.is_empty() => c.assessor = Some(s.to_string()),
                    _ => err(
                        value.span(),
                        "`assessor` must be a name: \"self\", \"manager\", \"agreed\" or any other"
                            .into(),
                    ),
                },
                "catalog" | "role" | "level" | "language" | "theme" => {
                    let Some(s) = string(value) else {
                        err(value.span(), format!("`{name}` must be a string"));
                        continue;
                    };
                    match name {
                        "catalog" => c.catalog = Some(expand_home(s)),
                        "role" => c.role = Some(s.to_string()),
                        "level" => c.level = Some(s.to_string()),
                        "language" => match Lang::parse(s) {
                            Some(l) => c.language = Some(l),
                            None => err(
                                value.span(),
                                format!("unknown language `{}`; valid: en, zh", shown(s)),
                            ),
                        },
                        _ => match ThemeName::parse(s) {
                            Some(t) => c.theme = Some(t),
                            None => err(
                                value.span(),
                                format!(
                                    "unknown theme `{}`; valid: default, dark, light, mono",
                                    shown(s)
                                ),
                            ),
                        },
                    }
                }
                "colors" => {
                    let Some(t) = table(value) else {
                        err(value.span(), "`colors` must be a table ([colors])".into());
                        continue;
                    };
                    for (k, v) in t.iter() {
                        let kname = k.get_ref().as_ref();
                        let slot = match kname {
                            "selection" => &mut c.colors.selection,
                            "required" => &mut c.colors.required,
                            "optional" => &mut c.colors.optional,
                            "diff_added" => &mut c.colors.diff_added,
                            "diff_removed" => &mut c.colors.diff_removed,
                            "borders" => &mut c.colors.borders,
                            _ => {
                                err(k.span(), unknown("colour", kname, COLOR_KEYS));
                                continue;
                            }
                        };
                        match string(v).map(|s| (s, Color::from_str(s))) {
                            Some((_, Ok(color))) => *slot = Some(color),
                            Some((s, Err(_))) => err(
                                v.span(),
                                format!(
                                    "bad colour `{}` for `{kname}`; use {COLOR_HELP}",
                                    shown(s)
                                ),
                            ),
                            None => err(
                                v.span(),
                                format!("`{kname}` must be a string: {COLOR_HELP}"),
                            ),
                        }
                    }
                }
                "keys" => {
                    let Some(t) = table(value) else {
                        err(value.span(), "`keys` must be a table ([keys])".into());
                        continue;
                    };
                    for (k, v) in t.iter() {
                        let kname = k.get_ref().as_ref();
                        let keys = match v.get_ref() {
                            DeValue::String(s) => Some(vec![(s.to_string(), v.span())]),
                            DeValue::Array(a) => Some(
                                a.iter()
                                    .filter_map(|i| string(i).map(|s| (s.to_string(), i.span())))
                                    .collect(),
                            ),
                            _ => None,
                        };
                        c.keys.push(KeyEntry {
                            action: kname.to_string(),
                            action_span: k.span(),
                            keys,
                            span: v.span(),
                        });
                    }
                    for (span, message) in check_keys(&c.keys) {
                        err(span, message);
                    }
                }
                _ => err(key.span(), unknown("setting", name, TOP_KEYS)),
            }
        }
        if diags.is_empty() { Ok(c) } else { Err(diags) }
    }
}

/// A positive decimal integer value, as a level number.
fn level_number(v: &Spanned<DeValue<'_>>) -> Option<u64> {
    match v.get_ref() {
        DeValue::Integer(i) if i.radix() == 10 => i.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
    .filter(|n| *n >= 1)
}

fn string<'a>(v: &'a Spanned<DeValue<'_>>) -> Option<&'a str> {
    match v.get_ref() {
        DeValue::String(s) => Some(s.as_ref()),
        _ => None,
    }
}

fn table<'a, 'i>(v: &'a Spanned<DeValue<'i>>) -> Option<&'a DeTable<'i>> {
    match v.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => None,
    }
}

/// `s` as it may be shown in a message: one line, no control characters.
pub fn shown(s: &str) -> String {
    crate::catalog::clean(s, true).text
}

/// "unknown action `quitt`; did you mean `quit`? (valid: …)"
pub fn unknown(what: &str, name: &str, valid: &[&str]) -> String {
    // The same notion of "a likely typo" as in catalogs.
    let close = crate::catalog::closest(name, valid)
        .map(|v| format!("; did you mean `{v}`?"))
        .unwrap_or_default();
    format!(
        "unknown {what} `{}`{close} (valid: {})",
        shown(name),
        valid.join(", ")
    )
}

fn expand_home(s: &str) -> PathBuf {
    match (s.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(d)) => d.home_dir().join(rest),
        _ => PathBuf::from(s),
    }
}

/// A commented config with every setting at its default; `keys` is the
/// commented `[keys]` section the explorer writes.
pub fn default_text(keys: &str) -> String {
    format!(
        r##"# rungs configuration. Every setting is optional; remove the leading `#`
# to change one. Command-line flags override this file.

# The catalog to open: a .toml file or a directory with catalog.toml.
# Default: the catalog built into rungs. `~/` means your home folder.
# catalog = "~/ladders/my-team"

# Where the explorer starts (ids or names; a level may also be a number).
# role = "data-scientist"
# level = "senior"

# Interface language: "en" or "zh". Default: from LANG / LC_ALL, else en.
# language = "en"

# Theme: "default" (reads on dark and light terminals), "dark", "light" or
# "mono". NO_COLOR in the environment selects mono unless --theme is given.
# theme = "default"

# Symbols: "unicode" (✓ ~ ✗ – ● ○ ·) or "ascii" (v ~ x - * o .), for
# terminals that draw ambiguous-width characters wide (common with Chinese
# fonts). `--ascii` does the same for one run.
# symbols = "unicode"

# Whose marks you set in a review (`--as` does the same for one run):
# "self", "manager", "agreed" or any other name (a peer, a committee).
# Without it (and without `--as`) it is the manager; `a` in the gap view
# copies a mark to the agreed one.
# assessor = "manager"

[colors]
# Override single colours of the theme: a name (red, light-blue, gray, …),
# "#rrggbb", or a number 0–255.
# selection = "cyan"
# required = "red"
# optional = "blue"
# diff_added = "green"
# diff_removed = "red"
# borders = "gray"

[keys]
{keys}"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts every `[keys]` entry: what keys exist is the explorer's
    /// business (tested in `tui::keys`).
    const ANY_KEYS: KeyCheck = |_| Vec::new();

    #[test]
    fn default_text_parses_and_sets_nothing() {
        let text = default_text("# quit = [\"q\"]\n");
        let c = Config::parse("d.toml", &text, ANY_KEYS).unwrap();
        assert!(c.catalog.is_none() && c.keys.is_empty() && c.colors == Colors::default());
    }

    #[test]
    fn key_problems_are_reported_where_they_are() {
        let check: KeyCheck = |entries| {
            entries
                .iter()
                .filter(|e| e.keys.is_none())
                .map(|e| (e.span.clone(), format!("`{}` has no keys", e.action)))
                .collect()
        };
        let text = "theme = \"neon\"\n[keys]\nquit = \"q\"\nhelp = 5\n";
        let d = Config::parse("c.toml", text, check).unwrap_err();
        assert_eq!(
            d.len(),
            2,
            "the config's own problems and the keys' at once"
        );
        let keys = d.iter().find(|d| d.message.contains("`help` has no keys"));
        assert_eq!(keys.map(|d| (d.line, d.col)), Some((4, 8)));
        let c = Config::parse("c.toml", "[keys]\nsearch = [\"/\", \"f\"]\n", ANY_KEYS).unwrap();
        let keys = c.keys[0].keys.as_ref().unwrap();
        assert_eq!(
            keys.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            ["/", "f"]
        );
        assert_eq!(
            &"[keys]\nsearch = [\"/\", \"f\"]\n"[keys[1].1.clone()],
            "\"f\""
        );
    }

    #[test]
    fn the_assessor_is_a_name() {
        let c = Config::parse("c.toml", "assessor = \"self\"\n", ANY_KEYS).unwrap();
        assert_eq!(c.assessor.as_deref(), Some("self"));
        for bad in ["assessor = \"  \"", "assessor = 3"] {
            let e = Config::parse("c.toml", bad, ANY_KEYS).unwrap_err();
            assert!(
                e[0].message.starts_with("`assessor` must be a name"),
                "{bad}"
            );
            assert_eq!((e[0].line, e[0].col), (1, 12), "{bad}");
        }
    }

    #[test]
    fn a_level_may_be_a_bare_number() {
        let c = Config::parse("c.toml", "level = 2\n", ANY_KEYS).unwrap();
        assert_eq!(c.level.as_deref(), Some("2"));
        for bad in ["level = 0", "level = -1", "level = 0x2"] {
            let e = Config::parse("c.toml", bad, ANY_KEYS).unwrap_err();
            assert_eq!(
                e[0].message, "`level` must be a level id or name, or a level number from 1",
                "{bad}"
            );
            assert_eq!((e[0].line, e[0].col), (1, 9), "{bad}");
        }
        let e = Config::parse("c.toml", "level = 2.5", ANY_KEYS).unwrap_err();
        assert_eq!(e[0].message, "`level` must be a string");
    }

    #[test]
    fn reads_every_setting() {
        let text = r##"
catalog = "/tmp/cat"
role = "llm-engineer"
level = "3"
language = "zh"
theme = "light"
[colors]
selection = "#ff8800"
borders = "242"
[keys]
quit = "ctrl-q"
search = ["/", "f"]
"##;
        let c = Config::parse("c.toml", text, ANY_KEYS).unwrap();
        assert_eq!(c.catalog, Some(PathBuf::from("/tmp/cat")));
        assert_eq!(
            (c.language, c.theme),
            (Some(Lang::Zh), Some(ThemeName::Light))
        );
        assert_eq!(c.colors.selection, Some(Color::Rgb(0xff, 0x88, 0)));
        assert_eq!(c.colors.borders, Some(Color::Indexed(242)));
        assert_eq!(c.keys.len(), 2);
    }

    fn errors(text: &str) -> Vec<Diagnostic> {
        Config::parse("c.toml", text, ANY_KEYS).unwrap_err()
    }

    #[test]
    fn every_error_names_line_and_value() {
        let d = errors("themee = \"dark\"\n");
        assert!(d[0].message.contains("did you mean `theme`"), "{}", d[0]);
        let d = errors("\n[colors]\nrequired = \"reddish\"\n");
        assert_eq!(d[0].line, 3);
        assert!(d[0].message.contains("bad colour `reddish`") && d[0].message.contains("#rrggbb"));
        let d = errors("language = \"fr\"\ntheme = \"neon\"\n");
        assert_eq!(d.len(), 2, "all problems at once");
        assert!(d[0].message.contains("valid: en, zh"));
        assert!(d[1].message.contains("valid: default, dark, light, mono"));
        let d = errors("role = 5\n");
        assert!(d[0].message.contains("must be a string"));
        assert_eq!(errors("a = [")[0].path, "c.toml");
    }
}
