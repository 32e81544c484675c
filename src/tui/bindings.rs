//! Key bindings: which key runs which named action, in which view.
//!
//! The defaults are one table; a config file may rebind any action by its
//! snake_case name (its keys then replace the defaults for that action).
//! Text entry (the search box, a note) is not rebindable: there every
//! printable key is text.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyModifiers};

use super::action::Action;
use crate::review::Mark;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// The explorer and the full skill profile.
    Browse,
    /// The promotion gap view.
    Gap,
    /// The help overlay.
    Help,
}

const ALL: &[Context] = &[Context::Browse, Context::Gap, Context::Help];
const BROWSE_GAP: &[Context] = &[Context::Browse, Context::Gap];
const BROWSE: &[Context] = &[Context::Browse];
const GAP: &[Context] = &[Context::Gap];

/// Every rebindable action: its name in config files, where it applies and
/// its default keys.
pub const DEFAULTS: &[(&str, &[Context], &[&str])] = &[
    ("quit", ALL, &["q"]),
    ("help", ALL, &["?"]),
    ("back", ALL, &["esc"]),
    ("search", BROWSE, &["/"]),
    ("gap", BROWSE_GAP, &["g"]),
    ("open", BROWSE, &["enter"]),
    ("focus_next", BROWSE, &["tab"]),
    ("focus_prev", BROWSE, &["backtab"]),
    ("level_prev", BROWSE_GAP, &["left", "h"]),
    ("level_next", BROWSE_GAP, &["right", "l"]),
    ("up", ALL, &["up", "k", "ctrl-p"]),
    ("down", ALL, &["down", "j", "ctrl-n"]),
    ("page_up", ALL, &["pageup", "ctrl-u"]),
    ("page_down", ALL, &["pagedown", "ctrl-d"]),
    ("home", ALL, &["home"]),
    ("end", ALL, &["end", "G"]),
    ("target_prev", GAP, &["["]),
    ("target_next", GAP, &["]"]),
    ("mark_met", GAP, &["m"]),
    ("mark_partly", GAP, &["p"]),
    ("mark_not_yet", GAP, &["n"]),
    ("mark_clear", GAP, &["u"]),
    ("mark_cycle", GAP, &["space"]),
    ("edit_note", GAP, &["e", "enter"]),
    ("export", GAP, &["x"]),
];

/// The action a name stands for.
pub fn action(name: &str) -> Option<Action> {
    Some(match name {
        "quit" => Action::Quit,
        "help" => Action::ToggleHelp,
        "back" => Action::Back,
        "search" => Action::SearchOpen,
        "gap" => Action::GapToggle,
        "open" => Action::Open,
        "focus_next" => Action::FocusNext,
        "focus_prev" => Action::FocusPrev,
        "level_prev" => Action::LevelPrev,
        "level_next" => Action::LevelNext,
        "up" => Action::Up,
        "down" => Action::Down,
        "page_up" => Action::PageUp,
        "page_down" => Action::PageDown,
        "home" => Action::Home,
        "end" => Action::End,
        "target_prev" => Action::TargetPrev,
        "target_next" => Action::TargetNext,
        "mark_met" => Action::SetMark(Some(Mark::Met)),
        "mark_partly" => Action::SetMark(Some(Mark::Partly)),
        "mark_not_yet" => Action::SetMark(Some(Mark::NotYet)),
        "mark_clear" => Action::SetMark(None),
        "mark_cycle" => Action::CycleMark,
        "edit_note" => Action::NoteEdit,
        "export" => Action::Export,
        _ => return None,
    })
}

/// A key with its modifiers, as bindings store it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// The key of a terminal event. Shift is part of the character for
    /// printable keys (`G`, `?`), so it is not kept separately.
    pub fn from_event(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key {
            code,
            ctrl: modifiers.contains(KeyModifiers::CONTROL),
            alt: modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses `q`, `G`, `?`, `ctrl-u`, `alt-x`, `enter`, `esc`, `tab`,
    /// `backtab` (or `shift-tab`), `space`, `backspace`, arrows, `pageup`,
    /// `pagedown`, `home`, `end`, `f1`…`f12`.
    pub fn parse(s: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") && rest.len() > 5 {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "delete" => KeyCode::Delete,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return None,
                },
                _ => return None,
            },
        };
        Some(Key { code, ctrl, alt })
    }
}

/// The valid key names, for error messages.
pub const KEY_NAMES: &str = "a single character (q, G, ?), ctrl-X, alt-X, enter, esc, tab, backtab, space, \
     backspace, left, right, up, down, pageup, pagedown, home, end, delete, f1…f12";

/// Keys to actions, per context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bindings {
    map: HashMap<(Context, Key), &'static str>,
    /// Actions whose keys a config changed, with their keys as written.
    changed: HashMap<&'static str, Vec<String>>,
}

/// Key labels shown in the help and status line, and the actions each
/// stands for: when a config rebinds one of them, the label shows the keys
/// actually bound instead.
const LABELS: &[(&str, &[&str])] = &[
    ("← → / h l", &["level_prev", "level_next"]),
    ("←→", &["level_prev", "level_next"]),
    ("← →", &["level_prev", "level_next"]),
    ("Tab / Shift-Tab", &["focus_next", "focus_prev"]),
    ("Tab", &["focus_next"]),
    ("/", &["search"]),
    ("g", &["gap"]),
    ("?", &["help"]),
    ("q / Ctrl-C", &["quit"]),
    ("q", &["quit"]),
    ("↑ ↓ / k j", &["up", "down"]),
    ("↑↓", &["up", "down"]),
    ("↑ ↓", &["up", "down"]),
    ("PgUp PgDn", &["page_up", "page_down"]),
    ("PgUp/PgDn", &["page_up", "page_down"]),
    ("Home End / G", &["home", "end"]),
    ("m p n", &["mark_met", "mark_partly", "mark_not_yet"]),
    ("m/p/n", &["mark_met", "mark_partly", "mark_not_yet"]),
    ("Space / u", &["mark_cycle", "mark_clear"]),
    ("Space", &["mark_cycle"]),
    ("u", &["mark_clear"]),
    ("e", &["edit_note"]),
    ("[ ]", &["target_prev", "target_next"]),
    ("x", &["export"]),
    ("Esc / g", &["back", "gap"]),
];

/// Two actions on one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub key: String,
    pub first: &'static str,
    pub second: &'static str,
}

impl Bindings {
    /// The defaults, with `overrides` (action name → key names) replacing
    /// the keys of the actions they name. Names and keys must be valid
    /// (the config loader checks them); a key left bound to two actions in
    /// one context is a clash.
    pub fn new(overrides: &[(&str, Vec<String>)]) -> Result<Bindings, Clash> {
        let mut map: HashMap<(Context, Key), &'static str> = HashMap::new();
        let mut changed = HashMap::new();
        for &(name, contexts, defaults) in DEFAULTS {
            let keys: Vec<String> = match overrides.iter().find(|(n, _)| *n == name) {
                Some((_, keys)) => {
                    if keys.iter().map(String::as_str).ne(defaults.iter().copied()) {
                        changed.insert(name, keys.clone());
                    }
                    keys.clone()
                }
                None => defaults.iter().map(|s| (*s).to_string()).collect(),
            };
            for key_name in keys {
                let Some(key) = Key::parse(&key_name) else {
                    continue;
                };
                for &ctx in contexts {
                    if let Some(first) = map.insert((ctx, key), name).filter(|f| *f != name) {
                        return Err(Clash {
                            key: key_name,
                            first,
                            second: name,
                        });
                    }
                }
            }
        }
        Ok(Bindings { map, changed })
    }

    /// The label to show for a default key label: itself, or the keys a
    /// config bound to the actions it stands for.
    pub fn label<'a>(&self, default: &'a str) -> std::borrow::Cow<'a, str> {
        let Some((_, actions)) = LABELS.iter().find(|(l, _)| *l == default) else {
            return default.into();
        };
        if !actions.iter().any(|a| self.changed.contains_key(a)) {
            return default.into();
        }
        let keys: Vec<String> = actions
            .iter()
            .map(|a| match self.changed.get(a) {
                Some(k) => k.join(" "),
                None => DEFAULTS
                    .iter()
                    .find(|(n, _, _)| n == a)
                    .map_or(String::new(), |(_, _, k)| k.join(" ")),
            })
            .collect();
        keys.join(" / ").into()
    }

    /// The action bound to a key in a context.
    pub fn lookup(&self, ctx: Context, key: Key) -> Option<Action> {
        self.map.get(&(ctx, key)).and_then(|name| action(name))
    }
}

impl Default for Bindings {
    fn default() -> Self {
        // The default table has no clashes (tested below).
        Bindings::new(&[]).unwrap_or(Bindings {
            map: HashMap::new(),
            changed: HashMap::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_no_clashes_and_all_names_resolve() {
        assert!(Bindings::new(&[]).is_ok());
        for (name, _, keys) in DEFAULTS {
            assert!(action(name).is_some(), "{name}");
            for k in *keys {
                assert!(Key::parse(k).is_some(), "{k}");
            }
        }
    }

    #[test]
    fn parses_key_names() {
        assert_eq!(
            Key::parse("ctrl-u").unwrap(),
            Key {
                code: KeyCode::Char('u'),
                ctrl: true,
                alt: false
            }
        );
        assert_eq!(Key::parse("G").unwrap().code, KeyCode::Char('G'));
        assert_eq!(Key::parse("F5").unwrap().code, KeyCode::F(5));
        assert_eq!(Key::parse("space").unwrap().code, KeyCode::Char(' '));
        assert!(Key::parse("ctrl-").is_none() || Key::parse("ctrl-").is_some_and(|k| !k.ctrl));
        assert!(Key::parse("hyper-x").is_none());
        assert!(Key::parse("f13").is_none());
    }

    #[test]
    fn overrides_replace_defaults_and_clashes_are_found() {
        let b = Bindings::new(&[("quit", vec!["ctrl-q".into()])]).unwrap();
        let q = Key::parse("q").unwrap();
        assert_eq!(b.lookup(Context::Browse, q), None, "q no longer quits");
        assert_eq!(
            b.lookup(Context::Browse, Key::parse("ctrl-q").unwrap()),
            Some(Action::Quit)
        );
        let clash = Bindings::new(&[("search", vec!["g".into()])]).unwrap_err();
        assert_eq!((clash.first, clash.second), ("search", "gap"));
        // Labels follow the bindings.
        assert_eq!(b.label("q"), "ctrl-q");
        assert_eq!(b.label("?"), "?");
        assert_eq!(Bindings::default().label("q"), "q");
        // Keys may repeat across contexts that never meet.
        assert!(Bindings::new(&[("export", vec!["/".into()])]).is_ok());
    }
}
