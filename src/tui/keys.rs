//! The one table of keys: every bindable command (its config name derived
//! from the enum), the modes it works in and its default keys; key-name
//! parsing; turning terminal events into [`Action`]s; and the labels that
//! hints and help show, taken from the bindings so a rebound key shows
//! everywhere.
//!
//! Text entry (the search box, the note editor) is a mode like the others:
//! its commands are bindable, and any printable key left unbound is text.
//! `Ctrl-C` always runs `quit`, in every mode, whatever the config says;
//! the digits `1`…`9` jump to a level on the main screens.

use std::collections::HashMap;
use std::ops::Range;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use super::app::App;
use crate::config::KeyEntry;

/// Everything a key can be bound to. The config name is the variant in
/// snake_case (`FocusNext` → `focus_next`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
    Quit,
    Help,
    Back,
    Search,
    Gap,
    /// Compare the selected role with another one.
    Compare,
    Open,
    FocusNext,
    FocusPrev,
    LevelPrev,
    LevelNext,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    TargetPrev,
    TargetNext,
    MarkMet,
    MarkPartly,
    MarkNotYet,
    MarkClear,
    MarkCycle,
    EditNote,
    Export,
    /// Text entry: take the text (go to the result, save the note).
    Accept,
    /// Text entry: leave without taking it.
    Cancel,
    DeleteChar,
    DeleteWord,
    ClearQuery,
    SearchScope,
    /// Search box: each skill's best match, or every matching cell.
    SearchCells,
    ResultPrev,
    ResultNext,
    ResultPageUp,
    ResultPageDown,
    /// Stop rungs and go back to the shell (`fg` resumes it).
    Suspend,
    /// A question: try saving the review again.
    Retry,
    /// A question: save the review somewhere that works.
    SaveElsewhere,
    /// Text entry: the cursor by character, word and line.
    CursorLeft,
    CursorRight,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    /// The note editor: the line above or below.
    LineUp,
    LineDown,
    DeleteNext,
    DeleteToLineStart,
    DeleteToLineEnd,
    /// The note editor: a line break (`Enter` saves).
    NewLine,
    /// The note editor: continue the note in `$VISUAL`/`$EDITOR`.
    NoteInEditor,
    /// The gap view: edit the selected item's note in `$VISUAL`/`$EDITOR`.
    OpenEditor,
    /// A question: yes.
    AnswerYes,
    /// A question: no.
    AnswerNo,
    /// The gap view: write the review to a file (asks where).
    WriteReview,
    /// The gap view: filter the items by skill name.
    Filter,
    /// The gap view: no diff, inline, side by side.
    DiffMode,
    Undo,
    Redo,
    /// The gap view: one item at a time, for a shared screen.
    Presenter,
    /// The gap view: the next required item without a mark.
    NextUnassessed,
    /// The gap view: scroll the selected item's texts.
    ScrollTextUp,
    ScrollTextDown,
    /// The gap view: the next assessor whose marks the mark keys set.
    CycleAssessor,
    /// The gap view: the current assessor's mark becomes the agreed one.
    Agree,
    /// The gap view: the next item where the assessors' marks differ.
    NextDisagreement,
    /// The gap view: the summary picture, a bar per domain.
    Summary,
    /// The gap view: edit the review's details (`[meta]`) in a form.
    ReviewDetails,
    /// The review details form: the next and the previous field.
    FieldNext,
    FieldPrev,
    /// The gap view: expand the selected item to its behaviours, or
    /// collapse it.
    Behaviours,
    /// Cumulative skills: show everything expected up to a level (each
    /// inherited behaviour naming the level that added it), or only what
    /// the level adds.
    Union,
}

impl Command {
    /// The name config files use.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// What the keys mean now; `App::mode` says which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The main screen and the full skill profile.
    Browse,
    /// The promotion gap.
    Gap,
    Help,
    /// Typing a query.
    SearchBox,
    /// Typing a gap item's note.
    NoteEditor,
    /// A question waits for its answer (see `screens::prompt`).
    Prompt,
    /// Typing the gap view's filter.
    Filter,
    /// Typing a path (where to write the review).
    PathPrompt,
    /// The review details form (`[meta]`).
    MetaForm,
    /// The summary picture of the review.
    Summary,
    /// Choosing the export format.
    Picker,
}

const ALL: &[Mode] = &[Mode::Browse, Mode::Gap, Mode::Help, Mode::Summary];
/// `quit` and `back` also answer questions: quit anyway, stay.
const ALL_AND_PROMPT: &[Mode] = &[
    Mode::Browse,
    Mode::Gap,
    Mode::Help,
    Mode::Summary,
    Mode::Prompt,
];
/// The previous and next result also choose in the format picker (where
/// `j` and `k` are letters: `j` is JSON).
const RESULTS: &[Mode] = &[Mode::SearchBox, Mode::Picker];
const PROMPT: &[Mode] = &[Mode::Prompt];
const EVERY: &[Mode] = &[
    Mode::Browse,
    Mode::Gap,
    Mode::Help,
    Mode::SearchBox,
    Mode::NoteEditor,
    Mode::Prompt,
];
const BROWSE_GAP: &[Mode] = &[Mode::Browse, Mode::Gap];
const BROWSE: &[Mode] = &[Mode::Browse];
const GAP: &[Mode] = &[Mode::Gap];
const TEXT: &[Mode] = &[
    Mode::SearchBox,
    Mode::NoteEditor,
    Mode::Filter,
    Mode::PathPrompt,
    Mode::MetaForm,
];
/// `accept` and `cancel`: text entry and the format picker.
const CHOOSE: &[Mode] = &[
    Mode::SearchBox,
    Mode::NoteEditor,
    Mode::Filter,
    Mode::PathPrompt,
    Mode::MetaForm,
    Mode::Picker,
];
/// Text entry outside the search box, where `Ctrl-U` clears the query.
const LINE_EDIT: &[Mode] = &[
    Mode::NoteEditor,
    Mode::Filter,
    Mode::PathPrompt,
    Mode::MetaForm,
];
const NOTE: &[Mode] = &[Mode::NoteEditor];
/// Several lines: the note, and the review details form (its summary).
const LINES: &[Mode] = &[Mode::NoteEditor, Mode::MetaForm];
const FORM: &[Mode] = &[Mode::MetaForm];
const GAP_SUMMARY: &[Mode] = &[Mode::Gap, Mode::Summary];
const SEARCH: &[Mode] = &[Mode::SearchBox];

/// Every command, where it works and its default keys, first key first
/// (hints show the first).
pub const TABLE: &[(Command, &[Mode], &[&str])] = &[
    (Command::Quit, ALL_AND_PROMPT, &["q"]),
    (Command::Help, ALL, &["?"]),
    (Command::Back, ALL_AND_PROMPT, &["esc"]),
    (Command::Search, BROWSE, &["/"]),
    (Command::Gap, BROWSE_GAP, &["g"]),
    (Command::Compare, BROWSE, &["c"]),
    (Command::Open, BROWSE, &["enter"]),
    (Command::FocusNext, BROWSE, &["tab"]),
    (Command::FocusPrev, BROWSE, &["backtab"]),
    (Command::LevelPrev, BROWSE_GAP, &["left", "h"]),
    (Command::LevelNext, BROWSE_GAP, &["right", "l"]),
    (Command::Up, ALL, &["up", "k", "ctrl-p"]),
    (Command::Down, ALL, &["down", "j", "ctrl-n"]),
    (Command::PageUp, ALL, &["pageup", "ctrl-u"]),
    (Command::PageDown, ALL, &["pagedown", "ctrl-d"]),
    (Command::Home, ALL, &["home"]),
    (Command::End, ALL, &["end", "G"]),
    (Command::TargetPrev, GAP, &["["]),
    (Command::TargetNext, GAP, &["]"]),
    (Command::MarkMet, GAP, &["m"]),
    (Command::MarkPartly, GAP, &["p"]),
    (Command::MarkNotYet, GAP, &["n"]),
    (Command::MarkClear, GAP, &["u"]),
    (Command::MarkCycle, GAP, &["space"]),
    (Command::EditNote, GAP, &["e", "enter"]),
    (Command::Export, GAP, &["x"]),
    (Command::OpenEditor, GAP, &["E"]),
    (Command::WriteReview, GAP, &["w"]),
    (Command::Filter, GAP, &["/"]),
    (Command::DiffMode, GAP, &["d"]),
    (Command::Undo, GAP, &["z"]),
    (Command::Redo, GAP, &["Z", "ctrl-r"]),
    (Command::Presenter, GAP, &["f"]),
    (Command::NextUnassessed, GAP, &["R"]),
    (Command::ScrollTextUp, GAP, &["shift-up"]),
    (Command::ScrollTextDown, GAP, &["shift-down"]),
    (Command::CycleAssessor, GAP, &["A"]),
    (Command::Agree, GAP, &["a"]),
    (Command::NextDisagreement, GAP, &["D"]),
    (Command::Summary, GAP_SUMMARY, &["s"]),
    (Command::ReviewDetails, GAP, &["i"]),
    (Command::Behaviours, GAP, &["tab"]),
    (Command::Union, BROWSE_GAP, &["b"]),
    (Command::AnswerYes, PROMPT, &["y"]),
    (Command::AnswerNo, PROMPT, &["n"]),
    (Command::Accept, CHOOSE, &["enter"]),
    (Command::Cancel, CHOOSE, &["esc"]),
    (Command::DeleteChar, TEXT, &["backspace"]),
    (
        Command::DeleteWord,
        TEXT,
        &["ctrl-w", "ctrl-backspace", "alt-backspace"],
    ),
    (Command::CursorLeft, TEXT, &["left"]),
    (Command::CursorRight, TEXT, &["right"]),
    (Command::WordLeft, TEXT, &["alt-left", "ctrl-left", "alt-b"]),
    (
        Command::WordRight,
        TEXT,
        &["alt-right", "ctrl-right", "alt-f"],
    ),
    (Command::LineStart, TEXT, &["home", "ctrl-a"]),
    (Command::LineEnd, TEXT, &["end", "ctrl-e"]),
    (Command::LineUp, LINES, &["up"]),
    (Command::LineDown, LINES, &["down"]),
    (Command::DeleteNext, TEXT, &["delete"]),
    (Command::DeleteToLineStart, LINE_EDIT, &["ctrl-u"]),
    (Command::DeleteToLineEnd, TEXT, &["ctrl-k"]),
    (Command::NewLine, LINES, &["alt-enter", "ctrl-j"]),
    (Command::NoteInEditor, NOTE, &["ctrl-g"]),
    (Command::FieldNext, FORM, &["tab"]),
    (Command::FieldPrev, FORM, &["backtab"]),
    (Command::ClearQuery, SEARCH, &["ctrl-u"]),
    (Command::SearchScope, SEARCH, &["tab", "backtab"]),
    (Command::SearchCells, SEARCH, &["ctrl-t"]),
    (Command::ResultPrev, RESULTS, &["up", "ctrl-p"]),
    (Command::ResultNext, RESULTS, &["down", "ctrl-n"]),
    (Command::ResultPageUp, SEARCH, &["pageup"]),
    (Command::ResultPageDown, SEARCH, &["pagedown"]),
    (Command::Suspend, EVERY, &["ctrl-z"]),
    (Command::Retry, PROMPT, &["r"]),
    (Command::SaveElsewhere, PROMPT, &["w"]),
];

/// Keys no config can change: `Ctrl-C` quits everywhere, even while typing,
/// so there is always a way out.
const FIXED: &[(&str, Command)] = &[("ctrl-c", Command::Quit)];

/// The command with this config name.
pub fn command(name: &str) -> Option<Command> {
    TABLE.iter().map(|(c, _, _)| *c).find(|c| c.name() == name)
}

/// A key with its modifiers, as bindings store it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    /// Only for keys that are not characters (`shift-up`): for a
    /// character, Shift is part of the character (`G`, `?`).
    pub shift: bool,
}

impl Key {
    /// The key of a terminal event.
    pub fn from_event(code: KeyCode, modifiers: KeyModifiers) -> Key {
        let shift_is_the_key = matches!(code, KeyCode::Char(_) | KeyCode::BackTab);
        Key {
            code,
            ctrl: modifiers.contains(KeyModifiers::CONTROL),
            alt: modifiers.contains(KeyModifiers::ALT),
            shift: modifiers.contains(KeyModifiers::SHIFT) && !shift_is_the_key,
        }
    }

    /// Parses `q`, `G`, `?`, `ctrl-u`, `alt-x`, `shift-up`, `enter`, `esc`,
    /// `tab`, `backtab` (or `shift-tab`), `space`, `backspace`, arrows,
    /// `pageup`, `pagedown`, `home`, `end`, `delete`, `f1`…`f12`.
    pub fn parse(s: &str) -> Option<Key> {
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "alt-", "shift-"]
                .into_iter()
                .find(|p| lower.starts_with(p) && rest.len() > p.len());
            // A modifier written twice (`ctrl-ctrl-x`) is a typo, not
            // `ctrl-x`: refused like any other bad name.
            let twice = match prefix {
                Some("ctrl-") => std::mem::replace(&mut ctrl, true),
                Some("alt-") => std::mem::replace(&mut alt, true),
                Some(_) => std::mem::replace(&mut shift, true),
                None => break,
            };
            if twice {
                return None;
            }
            rest = &rest[prefix.map_or(0, str::len)..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            // A shifted character is written as the character itself.
            (Some(_), None) if shift => return None,
            (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "tab" if shift => {
                    shift = false;
                    KeyCode::BackTab
                }
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
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
        Some(Key {
            code,
            ctrl,
            alt,
            shift,
        })
    }

    /// How hints and help show the key: `↑`, `Enter`, `Ctrl-U`, `G`.
    pub fn label(&self) -> String {
        self.label_in(false)
    }

    /// [`Key::label`], with the arrows as words (`Up`, `Left`) when
    /// `ascii`: the names a terminal with `--ascii` can draw.
    pub fn label_in(&self, ascii: bool) -> String {
        let arrow = |symbol: &str, word: &str| if ascii { word } else { symbol }.to_string();
        let name = match self.code {
            KeyCode::Up => arrow("↑", "Up"),
            KeyCode::Down => arrow("↓", "Down"),
            KeyCode::Left => arrow("←", "Left"),
            KeyCode::Right => arrow("→", "Right"),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Delete => "Delete".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.ctrl || self.alt => c.to_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        for (on, prefix) in [
            (self.ctrl, "Ctrl-"),
            (self.alt, "Alt-"),
            (self.shift, "Shift-"),
        ] {
            if on {
                out.push_str(prefix);
            }
        }
        out.push_str(&name);
        out
    }
}

/// The valid key names, for error messages.
pub const KEY_NAMES: &str = "a single character (q, G, ?), ctrl-X, alt-X, shift-X for keys that are not \
     characters (shift-up), enter, esc, tab, backtab, space, backspace, left, right, up, down, \
     pageup, pagedown, home, end, delete, f1…f12";

/// How the keys of several commands make one label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// First keys, nothing between: `↑↓`.
    Tight,
    /// First keys, a space between: `[ ]`.
    Space,
    /// First keys, a slash between: `m/p/n`.
    Slash,
    /// First keys, ` / ` between: `Tab / Shift-Tab`.
    Or,
    /// First keys, then second keys: `← → / h l`.
    Rows,
    /// Every key, ` / ` between: `q / Ctrl-C`.
    All,
}

/// Keys to commands, per mode, and each command's keys in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bindings {
    map: HashMap<(Mode, Key), Command>,
    keys: HashMap<Command, Vec<Key>>,
    /// Name keys in ASCII (`Up`, not `↑`), for `--ascii`.
    pub ascii: bool,
}

/// Two commands on one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub key: String,
    pub first: Command,
    pub second: Command,
}

impl Bindings {
    /// The defaults, with `overrides` (command → key names) replacing the
    /// keys of the commands they name. Key names that do not parse are
    /// skipped (the config check reports them); a key left bound to two
    /// commands in one mode is a clash.
    pub fn new(overrides: &[(Command, Vec<String>)]) -> Result<Bindings, Clash> {
        let mut map: HashMap<(Mode, Key), Command> = HashMap::new();
        let mut keys = HashMap::new();
        for &(command, modes, defaults) in TABLE {
            let names: Vec<String> = match overrides.iter().rev().find(|(c, _)| *c == command) {
                Some((_, names)) => names.clone(),
                None => defaults.iter().map(|s| (*s).to_string()).collect(),
            };
            let mut bound = Vec::new();
            for name in names {
                let Some(key) = Key::parse(&name) else {
                    continue;
                };
                for &mode in modes {
                    if let Some(first) = map.insert((mode, key), command).filter(|f| *f != command)
                    {
                        return Err(Clash {
                            key: name,
                            first,
                            second: command,
                        });
                    }
                }
                bound.push(key);
            }
            keys.insert(command, bound);
        }
        Ok(Bindings {
            map,
            keys,
            ascii: false,
        })
    }

    /// The bindings a config's `[keys]` table asks for; the defaults when
    /// it clashes (the config check has reported that already).
    pub fn from_config(entries: &[KeyEntry]) -> Bindings {
        let overrides: Vec<(Command, Vec<String>)> = entries
            .iter()
            .filter_map(|e| {
                let keys = e.keys.as_ref()?.iter().map(|(k, _)| k.clone()).collect();
                command(&e.action).map(|c| (c, keys))
            })
            .collect();
        Bindings::new(&overrides).unwrap_or_default()
    }

    /// The command bound to a key in a mode; fixed keys first.
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Command> {
        FIXED
            .iter()
            .find(|(k, _)| Key::parse(k) == Some(key))
            .map(|(_, c)| *c)
            .or_else(|| self.map.get(&(mode, key)).copied())
    }

    /// A command's keys, first key first, then the fixed ones.
    pub fn keys(&self, command: Command) -> Vec<Key> {
        let mut keys = self.keys.get(&command).cloned().unwrap_or_default();
        keys.extend(
            FIXED
                .iter()
                .filter(|(_, c)| *c == command)
                .filter_map(|(k, _)| Key::parse(k)),
        );
        keys
    }

    /// The label of one command: its first key.
    pub fn hint(&self, command: Command) -> String {
        self.label(&[command], Join::Tight)
    }

    /// The label of several commands' keys, joined as `join` says.
    pub fn label(&self, commands: &[Command], join: Join) -> String {
        let first = |c: &Command| self.keys(*c).first().map(|k| self.name(k));
        let firsts = || commands.iter().filter_map(first);
        let joined = |sep: &str| firsts().collect::<Vec<_>>().join(sep);
        match join {
            // `↑↓` reads as two keys; `UpDown` would not.
            Join::Tight if self.ascii => joined("/"),
            Join::Tight => joined(""),
            Join::Space => joined(" "),
            Join::Slash => joined("/"),
            Join::Or => joined(" / "),
            Join::Rows => {
                let rows = (0..2).filter_map(|i| {
                    let row: Vec<String> = commands
                        .iter()
                        .filter_map(|c| self.keys(*c).get(i).map(|k| self.name(k)))
                        .collect();
                    (!row.is_empty()).then(|| row.join(" "))
                });
                rows.collect::<Vec<_>>().join(" / ")
            }
            Join::All => commands
                .iter()
                .flat_map(|c| self.keys(*c))
                .map(|k| self.name(&k))
                .collect::<Vec<_>>()
                .join(" / "),
        }
    }
}

impl Bindings {
    /// A key's name as these bindings show it (see [`Key::label_in`]).
    pub fn name(&self, key: &Key) -> String {
        key.label_in(self.ascii)
    }

    /// Fills the key placeholders of an interface text: `{back}` becomes
    /// the first key of `back`, `{edit_note.2}` the second key of
    /// `edit_note` (empty when there is none). Other placeholders stay for
    /// [`crate::i18n::fill`]. In ASCII, two keys written next to each
    /// other (`{up}{down}`) get a `/` between them, since `UpDown` would
    /// read as one key.
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        // Where the last key name ended in `out`.
        let mut key_end = None;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let adjacent = key_end == Some(out.len());
            let mut key = |out: &mut String, label: &str| {
                if self.ascii && adjacent && !label.is_empty() {
                    out.push('/');
                }
                out.push_str(label);
                key_end = Some(out.len());
            };
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let inner = &after[..close];
            let (name, nth) = match inner.split_once('.') {
                Some((name, n)) => (name, n.parse::<usize>().ok()),
                None => (inner, Some(1)),
            };
            match (command(name), nth) {
                (Some(c), Some(1)) => key(&mut out, &self.hint(c)),
                (Some(c), Some(n)) if n > 1 => {
                    if let Some(k) = self.keys(c).get(n - 1) {
                        key(&mut out, &self.name(k));
                    }
                }
                _ => {
                    out.push('{');
                    out.push_str(inner);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

impl Default for Bindings {
    fn default() -> Self {
        // The default table has no clashes (tested below).
        Bindings::new(&[]).unwrap_or(Bindings {
            map: HashMap::new(),
            keys: HashMap::new(),
            ascii: false,
        })
    }
}

/// Checks a config's `[keys]` table: command names, key names and clashes,
/// each problem at its place in the file. The config module calls this
/// without knowing what a key is.
pub fn check_config(entries: &[KeyEntry]) -> Vec<(Range<usize>, String)> {
    let names: Vec<&str> = TABLE.iter().map(|(c, _, _)| c.name()).collect();
    let mut problems = Vec::new();
    let mut overrides = Vec::new();
    for entry in entries {
        let Some(command) = command(&entry.action) else {
            problems.push((
                entry.action_span.clone(),
                crate::config::unknown("action", &entry.action, &names),
            ));
            continue;
        };
        let Some(keys) = &entry.keys else {
            problems.push((
                entry.span.clone(),
                format!(
                    "`{}` must be a key name or a list of key names: {KEY_NAMES}",
                    entry.action
                ),
            ));
            continue;
        };
        for (key, span) in keys {
            match Key::parse(key) {
                None => problems.push((
                    span.clone(),
                    format!(
                        "bad key name `{}` for `{}`; use {KEY_NAMES}",
                        crate::config::shown(key),
                        entry.action
                    ),
                )),
                Some(parsed) => {
                    if let Some(why) = never_fires(parsed) {
                        problems.push((
                            span.clone(),
                            format!(
                                "`{}` cannot be bound to `{}`: {why}; choose another key",
                                crate::config::shown(key),
                                entry.action
                            ),
                        ));
                    }
                }
            }
        }
        let keys: Vec<String> = keys.iter().map(|(k, _)| k.clone()).collect();
        overrides.push((command, keys, entry.span.clone()));
    }
    let plain: Vec<(Command, Vec<String>)> =
        overrides.iter().map(|(c, k, _)| (*c, k.clone())).collect();
    if let Err(clash) = Bindings::new(&plain) {
        let span = overrides
            .iter()
            .find(|(c, _, _)| *c == clash.second || *c == clash.first)
            .map_or(0..0, |(_, _, s)| s.clone());
        problems.push((
            span,
            format!(
                "key `{}` is bound to two actions, `{}` and `{}`; give one of them another key",
                crate::config::shown(&clash.key),
                clash.first.name(),
                clash.second.name()
            ),
        ));
    }
    problems
}

/// Why a binding to `key` would never run its action, if it would not:
/// the fixed keys are looked up first, and the digits jump to a level.
fn never_fires(key: Key) -> Option<&'static str> {
    if FIXED.iter().any(|(name, _)| Key::parse(name) == Some(key)) {
        return Some("Ctrl-C always quits");
    }
    if !key.ctrl && !key.alt && matches!(key.code, KeyCode::Char('1'..='9')) {
        return Some("the digits 1-9 always jump to a level");
    }
    None
}

/// The `[keys]` part of the commented default config: every command with
/// its default keys.
pub fn config_section() -> String {
    let mut out = format!(
        "# Rebind actions: an action name and a key or a list of keys. The keys you\n\
         # give replace the action's default keys. Ctrl-C always quits. Key names:\n\
         # {KEY_NAMES}.\n"
    );
    for (command, _, defaults) in TABLE {
        let list = defaults
            .iter()
            .map(|k| format!("\"{}\"", k.replace('\\', "\\\\").replace('"', "\\\"")))
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&format!("# {} = [{list}]\n", command.name()));
    }
    out
}

/// The one place events become actions. Key releases are ignored; repeats
/// count only for movement and typing, so holding `q` cannot quit twice.
pub fn map(app: &App, event: &Event) -> Option<Action> {
    // Behind input that waits for the catalog's texts, an event waits as
    // it is: what it means depends on the mode that input leads to.
    if app.holding() && !matches!(event, Event::Resize(..)) {
        return Some(Action::Held(event.clone()));
    }
    match event {
        Event::Key(key) => map_key(app, key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown(m.column, m.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) => match app.mode() {
            Mode::SearchBox
            | Mode::NoteEditor
            | Mode::Filter
            | Mode::PathPrompt
            | Mode::MetaForm => Some(Action::Paste(text.clone())),
            Mode::Browse | Mode::Gap | Mode::Help | Mode::Prompt | Mode::Summary | Mode::Picker => {
                None
            }
        },
        _ => None,
    }
}

/// A held key repeats movement and typing, nothing else.
fn repeats(a: &Action) -> bool {
    use Command::*;
    match a {
        Action::Type(_) => true,
        Action::Run(c) => matches!(
            c,
            Up | Down
                | PageUp
                | PageDown
                | LevelPrev
                | LevelNext
                | ResultPrev
                | ResultNext
                | ResultPageUp
                | ResultPageDown
                | DeleteChar
                | DeleteNext
                | CursorLeft
                | CursorRight
                | WordLeft
                | WordRight
                | LineUp
                | LineDown
                | ScrollTextUp
                | ScrollTextDown
                | Undo
                | Redo
        ),
        _ => false,
    }
}

fn map_key(app: &App, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let mode = app.mode();
    let key = Key::from_event(event.code, event.modifiers);
    let plain = !key.ctrl && !key.alt;
    let action = match (app.bindings.lookup(mode, key), event.code) {
        (Some(command), _) => Action::Run(command),
        // Digits jump to a level; they are not rebindable.
        (None, KeyCode::Char(c @ '1'..='9')) if plain && mode == Mode::Browse => {
            Action::LevelJump(c as usize - '1' as usize)
        }
        (None, KeyCode::Char(c))
            if plain
                && matches!(
                    mode,
                    Mode::SearchBox
                        | Mode::NoteEditor
                        | Mode::Filter
                        | Mode::PathPrompt
                        | Mode::MetaForm
                        // The format picker takes a format's first letter.
                        | Mode::Picker
                ) =>
        {
            Action::Type(c)
        }
        _ => return None,
    };
    if event.kind == KeyEventKind::Repeat && !repeats(&action) {
        return None;
    }
    Some(action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventState, MouseEvent};

    fn key_event(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        })
    }

    fn key(code: KeyCode, kind: KeyEventKind) -> Event {
        key_event(code, KeyModifiers::NONE, kind)
    }

    fn app() -> App {
        App::new(crate::catalog::load_embedded().unwrap().catalog)
    }

    #[test]
    fn defaults_have_no_clashes_and_all_names_resolve() {
        assert!(Bindings::new(&[]).is_ok());
        for (c, _, keys) in TABLE {
            assert_eq!(command(c.name()), Some(*c), "{}", c.name());
            for k in *keys {
                assert!(Key::parse(k).is_some(), "{k}");
            }
        }
        assert_eq!(Command::FocusNext.name(), "focus_next");
        assert_eq!(Command::MarkNotYet.name(), "mark_not_yet");
    }

    #[test]
    fn parses_key_names() {
        assert_eq!(
            Key::parse("ctrl-u").unwrap(),
            Key {
                code: KeyCode::Char('u'),
                ctrl: true,
                alt: false,
                shift: false,
            }
        );
        assert_eq!(Key::parse("G").unwrap().code, KeyCode::Char('G'));
        assert_eq!(Key::parse("F5").unwrap().code, KeyCode::F(5));
        assert_eq!(Key::parse("space").unwrap().code, KeyCode::Char(' '));
        assert!(Key::parse("ctrl-").is_none() || Key::parse("ctrl-").is_some_and(|k| !k.ctrl));
        assert!(Key::parse("hyper-x").is_none());
        assert!(Key::parse("f13").is_none());
        assert_eq!(Key::parse("shift-tab"), Key::parse("backtab"));
        assert!(Key::parse("shift-a").is_none(), "write `A`");
    }

    #[test]
    fn shift_stays_on_keys_that_are_not_characters() {
        let up = Key::parse("shift-up").unwrap();
        assert!(up.shift && up.code == KeyCode::Up);
        assert_eq!(Key::from_event(KeyCode::Up, KeyModifiers::SHIFT), up);
        assert_ne!(up, Key::parse("up").unwrap(), "Shift-↑ is not ↑");
        assert_eq!(
            Key::from_event(KeyCode::PageDown, KeyModifiers::SHIFT),
            Key::parse("shift-pagedown").unwrap()
        );
        // For characters Shift is in the character.
        assert_eq!(
            Key::from_event(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Key::parse("G").unwrap()
        );
        assert_eq!(
            Key::from_event(KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::parse("backtab").unwrap()
        );
        assert_eq!(up.label(), "Shift-↑");
        // Shift-↑ is unbound by default, so it does not move.
        let a = app();
        let shifted = key_event(KeyCode::Up, KeyModifiers::SHIFT, KeyEventKind::Press);
        assert_eq!(map(&a, &shifted), None);
        let mut a = app();
        // (In the gap view Shift-↑ scrolls the texts: move that away.)
        a.bindings = Bindings::new(&[
            (Command::Home, vec!["shift-up".into()]),
            (Command::ScrollTextUp, vec!["alt-up".into()]),
        ])
        .unwrap();
        assert_eq!(map(&a, &shifted), Some(Action::Run(Command::Home)));
    }

    #[test]
    fn ascii_bindings_name_arrows_as_words() {
        use Command::*;
        let mut b = Bindings {
            ascii: true,
            ..Bindings::default()
        };
        assert_eq!(b.label(&[Up, Down], Join::Tight), "Up/Down");
        assert_eq!(
            b.label(&[LevelPrev, LevelNext], Join::Rows),
            "Left Right / h l"
        );
        assert_eq!(b.hint(ScrollTextUp), "Shift-Up");
        // Two keys written side by side in a text get a slash between.
        assert_eq!(b.fill("{up}{down} move"), "Up/Down move");
        assert_eq!(b.fill("{up} and {down}"), "Up and Down");
        assert_eq!(b.fill("{up}{nothing}"), "Up{nothing}");
        b.ascii = false;
        assert_eq!(b.fill("{up}{down} move"), "↑↓ move");
    }

    #[test]
    fn overrides_replace_defaults_and_clashes_are_found() {
        let b = Bindings::new(&[(Command::Quit, vec!["ctrl-q".into()])]).unwrap();
        let q = Key::parse("q").unwrap();
        assert_eq!(b.lookup(Mode::Browse, q), None, "q no longer quits");
        assert_eq!(
            b.lookup(Mode::Browse, Key::parse("ctrl-q").unwrap()),
            Some(Command::Quit)
        );
        let clash = Bindings::new(&[(Command::Search, vec!["g".into()])]).unwrap_err();
        assert_eq!((clash.first, clash.second), (Command::Search, Command::Gap));
        // Labels follow the bindings.
        assert_eq!(b.hint(Command::Quit), "Ctrl-Q");
        assert_eq!(b.hint(Command::Help), "?");
        assert_eq!(Bindings::default().hint(Command::Quit), "q");
        // Keys may repeat across modes that never meet.
        // (`c` compares on the main screen; the gap view has no `c`.)
        assert!(Bindings::new(&[(Command::Export, vec!["c".into()])]).is_ok());
    }

    #[test]
    fn labels_join_keys_as_asked() {
        let b = Bindings::default();
        use Command::*;
        assert_eq!(b.label(&[Up, Down], Join::Tight), "↑↓");
        assert_eq!(
            b.label(&[MarkMet, MarkPartly, MarkNotYet], Join::Slash),
            "m/p/n"
        );
        assert_eq!(b.label(&[TargetPrev, TargetNext], Join::Space), "[ ]");
        assert_eq!(
            b.label(&[FocusNext, FocusPrev], Join::Or),
            "Tab / Shift-Tab"
        );
        assert_eq!(b.label(&[LevelPrev, LevelNext], Join::Rows), "← → / h l");
        assert_eq!(b.label(&[Home, End], Join::Rows), "Home End / G");
        assert_eq!(b.label(&[Quit], Join::All), "q / Ctrl-C");
        assert_eq!(b.hint(ClearQuery), "Ctrl-U");
    }

    #[test]
    fn texts_name_the_bound_keys() {
        let b = Bindings::default();
        assert_eq!(b.fill(" {back} or {help} closes "), " Esc or ? closes ");
        assert_eq!(b.fill("{edit_note} or {edit_note.2}"), "e or Enter");
        assert_eq!(
            b.fill("{file}: {export} {nothing.2} {"),
            "{file}: x {nothing.2} {"
        );
        let b = Bindings::new(&[(Command::EditNote, vec!["ctrl-e".into()])]).unwrap();
        assert_eq!(b.fill("{edit_note} or {edit_note.2}"), "Ctrl-E or ");
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Zh] {
            for (name, text) in lang.strings().all() {
                let filled = crate::i18n::fill(&Bindings::default().fill(text), &[]);
                for c in TABLE.iter().map(|(c, _, _)| c.name()) {
                    assert!(!filled.contains(&format!("{{{c}")), "{name}: {filled}");
                }
            }
        }
    }

    #[test]
    fn ctrl_z_suspends_in_every_mode() {
        use crate::tui::action::Effect;
        let ctrl_z = key_event(
            KeyCode::Char('z'),
            KeyModifiers::CONTROL,
            KeyEventKind::Press,
        );
        let mut a = app();
        a.update(Action::Resize(120, 40));
        assert_eq!(map(&a, &ctrl_z), Some(Action::Run(Command::Suspend)));
        assert_eq!(a.update(Action::Run(Command::Suspend)), [Effect::Suspend]);
        a.update(Action::Run(Command::Search));
        assert_eq!(
            map(&a, &ctrl_z),
            Some(Action::Run(Command::Suspend)),
            "typing"
        );
        // Even while a question is open.
        a.update(Action::Run(Command::Back));
        a.update(Action::SaveFinished(Some("disk full".into())));
        a.update(Action::Run(Command::Quit));
        assert_eq!(a.mode(), Mode::Prompt);
        assert_eq!(map(&a, &ctrl_z), Some(Action::Run(Command::Suspend)));
        assert_eq!(a.update(Action::Run(Command::Suspend)), [Effect::Suspend]);
        assert_eq!(a.mode(), Mode::Prompt, "still asking after resuming");
    }

    #[test]
    fn ctrl_c_runs_quit_in_every_mode() {
        let ctrl_c = key_event(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
            KeyEventKind::Press,
        );
        let mut a = app();
        a.update(Action::Resize(120, 40));
        assert_eq!(map(&a, &ctrl_c), Some(Action::Run(Command::Quit)));
        a.update(Action::Run(Command::Search));
        assert_eq!(a.mode(), Mode::SearchBox);
        assert_eq!(
            map(&a, &ctrl_c),
            Some(Action::Run(Command::Quit)),
            "while typing too"
        );
        // Rebinding quit keeps Ctrl-C.
        a.bindings = Bindings::new(&[(Command::Quit, vec!["ctrl-q".into()])]).unwrap();
        assert_eq!(map(&a, &ctrl_c), Some(Action::Run(Command::Quit)));
        let held = key_event(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
            KeyEventKind::Repeat,
        );
        assert_eq!(map(&a, &held), None, "holding it quits once");
    }

    #[test]
    fn text_entry_keys_are_bindable() {
        let mut a = app();
        a.update(Action::Resize(120, 40));
        a.update(Action::Run(Command::Search));
        let k = key(KeyCode::Char('k'), KeyEventKind::Press);
        assert_eq!(map(&a, &k), Some(Action::Type('k')), "k is text here");
        // (Ctrl-G opens the external editor from a note, so Ctrl-O here.)
        a.bindings = Bindings::new(&[(Command::Cancel, vec!["ctrl-o".into()])]).unwrap();
        let ctrl_g = key_event(
            KeyCode::Char('o'),
            KeyModifiers::CONTROL,
            KeyEventKind::Press,
        );
        assert_eq!(map(&a, &key(KeyCode::Esc, KeyEventKind::Press)), None);
        let cancel = map(&a, &ctrl_g);
        assert_eq!(cancel, Some(Action::Run(Command::Cancel)));
        a.update(cancel.unwrap());
        assert_eq!(a.screen, crate::tui::screens::Screen::Browse);
    }

    fn config_errors(text: &str) -> Vec<crate::catalog::Diagnostic> {
        crate::config::Config::parse("c.toml", text, check_config).unwrap_err()
    }

    #[test]
    fn bindings_that_would_never_fire_are_refused() {
        let d = config_errors("[keys]\nsearch = \"ctrl-c\"\n");
        assert_eq!((d[0].line, d[0].col), (2, 10));
        assert_eq!(
            d[0].message,
            "`ctrl-c` cannot be bound to `search`: Ctrl-C always quits; choose another key"
        );
        let d = config_errors("[keys]\nquit = [\"q\", \"1\"]\n");
        assert_eq!((d[0].line, d[0].col), (2, 14));
        assert_eq!(
            d[0].message,
            "`1` cannot be bound to `quit`: the digits 1-9 always jump to a level; choose another key"
        );
        let d = config_errors("[keys]\nquit = \"ctrl-ctrl-x\"\n");
        assert!(
            d[0].message
                .starts_with("bad key name `ctrl-ctrl-x` for `quit`"),
            "{}",
            d[0].message
        );
        assert_eq!(Key::parse("alt-ALT-x"), None);
        // Modified digits and other keys stay bindable.
        // (shift-up scrolls the gap view's texts, so shift-pageup here.)
        for ok in ["alt-1", "ctrl-x", "0", "shift-pageup"] {
            assert!(
                crate::config::Config::parse(
                    "c.toml",
                    &format!("[keys]\nquit = \"{ok}\"\n"),
                    check_config
                )
                .is_ok(),
                "{ok}"
            );
        }
    }

    #[test]
    fn config_key_errors_name_line_and_value() {
        let d = config_errors("[keys]\nquit = \"hyper-q\"\n");
        assert_eq!(d[0].line, 2);
        assert!(d[0].message.contains("bad key name `hyper-q`") && d[0].message.contains("ctrl-X"));
        let d = config_errors("[keys]\nquitt = \"q\"\n");
        assert!(
            d[0].message
                .contains("unknown action `quitt`; did you mean `quit`?")
        );
        let d = config_errors("[keys]\nsearch = \"g\"\n");
        assert_eq!(d[0].line, 2);
        assert!(d[0].message.contains("bound to two actions"), "{}", d[0]);
        let d = config_errors("[keys]\nhelp = 5\n");
        assert!(
            d[0].message.contains("must be a key name or a list"),
            "{}",
            d[0]
        );
    }

    #[test]
    fn the_default_config_lists_every_command_with_its_defaults() {
        use crate::config::{Config, default_text};
        let text = default_text(&config_section());
        let c = Config::parse("d.toml", &text, check_config).unwrap();
        assert!(c.keys.is_empty());
        // Uncommenting every key binding gives the defaults back, without clashes.
        let keys_part: String = text[text.find("[keys]").unwrap()..]
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(binding) if binding.contains(" = [") => binding,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let c = Config::parse("d.toml", &keys_part, check_config).unwrap();
        assert_eq!(c.keys.len(), TABLE.len());
        assert_eq!(Bindings::from_config(&c.keys), Bindings::default());
    }

    #[test]
    fn press_maps_release_is_ignored() {
        let app = app();
        assert_eq!(
            map(&app, &key(KeyCode::Char('q'), KeyEventKind::Press)),
            Some(Action::Run(Command::Quit))
        );
        assert_eq!(
            map(&app, &key(KeyCode::Char('q'), KeyEventKind::Release)),
            None
        );
        assert_eq!(
            map(&app, &key(KeyCode::Char('q'), KeyEventKind::Repeat)),
            None
        );
        assert_eq!(
            map(&app, &key(KeyCode::Down, KeyEventKind::Repeat)),
            Some(Action::Run(Command::Down))
        );
    }

    #[test]
    fn digits_jump_to_levels_and_help_routes_keys() {
        let mut app = app();
        assert_eq!(
            map(&app, &key(KeyCode::Char('3'), KeyEventKind::Press)),
            Some(Action::LevelJump(2))
        );
        app.update(Action::Run(Command::Help));
        assert_eq!(
            map(&app, &key(KeyCode::Char('3'), KeyEventKind::Press)),
            None
        );
        let esc = map(&app, &key(KeyCode::Esc, KeyEventKind::Press));
        assert_eq!(esc, Some(Action::Run(Command::Back)));
        app.update(esc.unwrap());
        assert_eq!(
            app.screen,
            crate::tui::screens::Screen::Browse,
            "Esc closes the help"
        );
    }

    #[test]
    fn mouse_and_resize() {
        let app = app();
        let click = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(map(&app, &click), Some(Action::Click(3, 4)));
        assert_eq!(
            map(&app, &Event::Resize(80, 24)),
            Some(Action::Resize(80, 24))
        );
        let moved = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Moved,
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(map(&app, &moved), None, "motion must not cause redraws");
    }
}
