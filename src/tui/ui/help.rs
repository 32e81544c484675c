//! The help overlay: every key, grouped by where it works.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::pane;
use crate::i18n::Strings;
use crate::tui::app::App;
use crate::tui::keys::{Bindings, Command, Join, Mode, TABLE};
use crate::tui::layout;
use crate::tui::screens::Screen;
use crate::tui::text;

/// What the key column of a help row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// A section heading: no keys.
    Heading,
    /// The keys bound to these commands, joined so.
    Bound(&'static [Command], Join),
    /// Not a binding: the digits, the mouse, typing; the same in every
    /// language unless it is a word.
    Fixed(&'static str),
}

/// The symbols the help explains (Unicode; `--ascii` swaps them when
/// drawn, see [`lines`]).
const MARKS_NECESSITY: &str = "●  ○  ·";
const MARKS_ASSESSED: &str = "✓  ~  ✗  –";
const MARKS_CHANGES: &str = "+  →●  ✎";

/// The help's symbol rows in the symbols of `app` (ASCII with `--ascii`).
fn symbols_of(app: &App, fixed: &str) -> Option<String> {
    let s = &app.symbols;
    let row = match fixed {
        MARKS_NECESSITY => [s.required, s.optional, s.absent].join("  "),
        MARKS_ASSESSED => [s.met, s.partly, s.not_yet, s.unassessed].join("  "),
        MARKS_CHANGES => [s.new, s.becomes_required, s.note].join("  "),
        _ => return None,
    };
    Some(row)
}

/// The help in the interface's language, in terms of commands: section
/// headings and (keys, what they do).
pub fn rows(t: &Strings) -> Vec<(Keys, &'static str)> {
    use Command::*;
    use Keys::{Bound, Fixed, Heading};
    vec![
        (Heading, t.help_section_everywhere),
        (Bound(&[LevelPrev, LevelNext], Join::Rows), t.help_level),
        (Fixed("1 … 9"), t.help_jump),
        (Bound(&[FocusNext, FocusPrev], Join::Or), t.help_focus),
        (Bound(&[Search], Join::Tight), t.help_search),
        (Bound(&[Gap], Join::Tight), t.help_gap),
        (Bound(&[Compare], Join::Tight), t.help_compare),
        (Bound(&[Union], Join::Tight), t.help_union),
        (Bound(&[Help], Join::Tight), t.help_help),
        (Bound(&[Quit], Join::All), t.help_quit),
        (Heading, t.help_section_panes),
        (Bound(&[Up, Down], Join::Rows), t.help_move),
        (Bound(&[PageUp, PageDown], Join::Space), t.help_page),
        (Bound(&[Home, End], Join::Rows), t.help_first_last),
        (Bound(&[Open], Join::Tight), t.help_enter),
        (Heading, t.help_section_profile),
        (Bound(&[Up, Down], Join::Space), t.help_profile_row),
        (Bound(&[Open], Join::Tight), t.help_profile_enter),
        (Bound(&[Back], Join::Tight), t.help_profile_esc),
        (Heading, t.help_section_search),
        (Fixed(t.help_key_type), t.help_type),
        (Bound(&[Accept], Join::Tight), t.help_search_enter),
        (Bound(&[SearchScope], Join::Tight), t.help_search_tab),
        (
            Bound(&[ClearQuery, DeleteWord], Join::Or),
            t.help_search_clear,
        ),
        (Bound(&[Cancel], Join::Tight), t.help_search_esc),
        (Heading, t.help_section_mouse),
        (Fixed(t.help_key_click), t.help_click),
        (Fixed(t.help_key_wheel), t.help_wheel),
        (Heading, t.help_section_gap),
        (Bound(&[Back, Gap], Join::Or), t.help_gap_back),
        (
            Bound(&[MarkMet, MarkPartly, MarkNotYet], Join::Space),
            t.help_gap_mark,
        ),
        (Bound(&[MarkCycle, MarkClear], Join::Or), t.help_gap_cycle),
        (Fixed(t.help_key_note), t.help_gap_note),
        (
            Bound(&[TargetPrev, TargetNext], Join::Space),
            t.help_gap_target,
        ),
        (Bound(&[LevelPrev, LevelNext], Join::Space), t.help_gap_from),
        (Bound(&[OpenEditor], Join::Tight), t.help_gap_editor),
        (
            Bound(&[ScrollTextUp, ScrollTextDown], Join::Space),
            t.help_gap_scroll,
        ),
        (Bound(&[Filter], Join::Tight), t.help_gap_filter),
        (Bound(&[DiffMode], Join::Tight), t.help_gap_diff),
        (Bound(&[Undo, Redo], Join::All), t.help_gap_undo),
        (Bound(&[NextUnassessed], Join::Tight), t.help_gap_next),
        (Bound(&[CycleAssessor], Join::Tight), t.help_gap_assessor),
        (Bound(&[Agree], Join::Tight), t.help_gap_agree),
        (Bound(&[NextDisagreement], Join::Tight), t.help_gap_disagree),
        (Bound(&[Behaviours], Join::Tight), t.help_gap_behaviours),
        (Bound(&[Presenter], Join::Tight), t.help_gap_presenter),
        (Bound(&[WriteReview], Join::Tight), t.help_gap_write),
        (Bound(&[Export], Join::Tight), t.help_gap_export),
        (Bound(&[Summary], Join::Tight), t.help_gap_summary),
        (Bound(&[ReviewDetails], Join::Tight), t.help_gap_details),
        (Heading, t.help_section_editing),
        (
            Bound(&[CursorLeft, CursorRight], Join::Space),
            t.help_edit_char,
        ),
        (Bound(&[WordLeft, WordRight], Join::Rows), t.help_edit_word),
        (Bound(&[LineStart, LineEnd], Join::Rows), t.help_edit_line),
        (
            Bound(&[DeleteNext, DeleteWord], Join::Or),
            t.help_edit_delete,
        ),
        (
            Bound(&[DeleteToLineStart, DeleteToLineEnd], Join::Or),
            t.help_edit_kill,
        ),
        (Bound(&[NewLine], Join::All), t.help_edit_newline),
        (Bound(&[NoteInEditor], Join::Tight), t.help_edit_external),
        (Bound(&[FieldNext, FieldPrev], Join::Or), t.help_edit_field),
        (Heading, t.help_section_marks),
        (Fixed(MARKS_NECESSITY), t.help_marks_legend),
        (Fixed(MARKS_ASSESSED), t.help_marks_symbols),
        (Fixed(MARKS_CHANGES), t.help_change_symbols),
    ]
}

/// The help as (key label, what) pairs, headings with an empty label, and
/// the keys texts name filled in; commands the config left without keys are
/// left out.
pub fn labelled(t: &Strings, bindings: &Bindings) -> Vec<(String, String)> {
    rows(t)
        .into_iter()
        .filter_map(|(keys, what)| {
            let label = match keys {
                Keys::Heading => String::new(),
                Keys::Bound(commands, join) => {
                    Some(bindings.label(commands, join)).filter(|l| !l.is_empty())?
                }
                Keys::Fixed(s) => bindings.fill(s),
            };
            Some((label, bindings.fill(what)))
        })
        .collect()
}

/// The heading of the help section about `screen`, if it has one.
fn section_of(t: &Strings, screen: Screen) -> Option<&'static str> {
    match screen {
        Screen::Gap => Some(t.help_section_gap),
        Screen::Profile => Some(t.help_section_profile),
        Screen::Search => Some(t.help_section_search),
        Screen::Browse | Screen::Compare | Screen::Help => None,
    }
}

/// The labelled rows with the section about `screen` moved first, so `?`
/// in the gap view opens on the gap keys (at 80×24 the rest of the help
/// would otherwise hide them below the fold).
fn ordered(t: &Strings, bindings: &Bindings, screen: Screen) -> Vec<(String, String)> {
    let rows = labelled(t, bindings);
    let Some(heading) = section_of(t, screen) else {
        return rows;
    };
    let Some(start) = rows.iter().position(|(k, w)| k.is_empty() && w == heading) else {
        return rows;
    };
    let end = rows[start + 1..]
        .iter()
        .position(|(k, _)| k.is_empty())
        .map_or(rows.len(), |i| start + 1 + i);
    let mut out: Vec<(String, String)> = rows[start..end].to_vec();
    out.extend(rows[..start].iter().cloned());
    out.extend(rows[end..].iter().cloned());
    out
}

/// The help text as lines at most `max` cells wide: a description too long
/// for the line wraps under itself, so nothing is cut at 80 columns, and a
/// key too long for a fair share of the width (ASCII key names at 80
/// columns) gets a line of its own.
pub fn lines(app: &App, max: usize) -> Vec<Line<'static>> {
    let keys: Vec<(String, String)> = ordered(app.t(), &app.bindings, app.help_return)
        .into_iter()
        .map(|(k, w)| {
            let k = symbols_of(app, &k).unwrap_or_else(|| app.symbols.text(&k).into_owned());
            (k, w)
        })
        .collect();
    // Display width, so a key column holding Chinese words stays aligned.
    let widest = keys.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let share = max.saturating_sub(4) / 5 * 2;
    let key_width = if widest <= share {
        widest
    } else {
        keys.iter()
            .map(|(k, _)| text::width(k))
            .filter(|w| *w <= share)
            .max()
            .unwrap_or(0)
    };
    // Keep at least a readable column for the description.
    let room = max.saturating_sub(key_width + 4).max(20);
    let blank = " ".repeat(key_width);
    let mut out = Vec::new();
    for (i, (key, what)) in keys.into_iter().enumerate() {
        if key.is_empty() {
            if i > 0 {
                out.push(Line::default());
            }
            out.push(Line::from(Span::styled(what, app.theme.heading)));
            continue;
        }
        let own_line = text::width(&key) > key_width;
        if own_line {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(key.clone(), app.theme.key),
            ]));
        }
        for (n, part) in text::wrap(&what, room).into_iter().enumerate() {
            let lead = if n == 0 && !own_line {
                Span::styled(app.symbols.pad(&key, key_width), app.theme.key)
            } else {
                Span::raw(blank.clone())
            };
            out.push(Line::from(vec![
                Span::raw("  "),
                lead,
                Span::raw("  "),
                Span::raw(part),
            ]));
        }
    }
    out
}

/// The help as Markdown tables, one per section, for `docs/keys.md`; and
/// the table of action names a config's `[keys]` may rebind.
pub fn markdown(t: &Strings, bindings: &Bindings) -> String {
    let mut out = String::new();
    for (key, what) in labelled(t, bindings) {
        if key.is_empty() {
            out.push_str(&format!(
                "\n### {what}\n\n| Key | What it does |\n|---|---|\n"
            ));
        } else {
            out.push_str(&format!("| `{key}` | {what} |\n"));
        }
    }
    out.push_str(
        "\n### Action names for `[keys]`\n\n| Action | Default keys | Where |\n|---|---|---|\n",
    );
    for (command, modes, _) in TABLE {
        let keys: Vec<String> = bindings
            .keys(*command)
            .iter()
            .map(|k| format!("`{}`", k.label()))
            .collect();
        let modes: Vec<&str> = modes
            .iter()
            .map(|m| match m {
                Mode::Browse => "main screen, profile",
                Mode::Gap => "gap",
                Mode::Help => "help",
                Mode::SearchBox => "search box",
                Mode::NoteEditor => "note editor",
                Mode::Prompt => "question",
                Mode::Filter => "gap filter",
                Mode::PathPrompt => "path prompt",
                Mode::MetaForm => "review details",
                Mode::Summary => "summary",
                Mode::Picker => "format picker",
            })
            .collect();
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            command.name(),
            keys.join(" "),
            modes.join(", ")
        ));
    }
    out
}

/// Draws the help over `area`; returns how many lines it has.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> usize {
    // Borders and margins take 4 columns of the popup.
    let lines = lines(app, usize::from(area.width).saturating_sub(4));
    let total = lines.len();
    let width = lines.iter().map(Line::width).max().unwrap_or(0) + 4;
    let height = lines.len() + 2;
    let popup = layout::centered(
        area,
        u16::try_from(width).unwrap_or(u16::MAX),
        u16::try_from(height).unwrap_or(u16::MAX),
    );
    Clear.render(popup, buf);
    let title = app.bindings.fill(app.t().help_title);
    pane(app, Line::from(title), true).render(popup, buf);
    let inner = layout::inner(popup);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(1),
        ..inner
    };
    for (i, line) in lines
        .into_iter()
        .skip(app.help_scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        line.style(Style::new())
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: &str = "edit there. -->\n";
    const END: &str = "<!-- end of generated tables -->";

    /// docs/keys.md shows what the default bindings render; with
    /// `RUNGS_WRITE_DOCS=1` this test writes it instead.
    #[test]
    fn docs_keys_md_lists_the_bindings() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
        let doc = std::fs::read_to_string(path).unwrap();
        let start = doc.find(START).unwrap() + START.len();
        let end = doc.find(END).unwrap();
        let want = markdown(&crate::i18n::EN, &Bindings::default());
        if std::env::var_os("RUNGS_WRITE_DOCS").is_some() {
            let new = format!("{}{want}{}", &doc[..start], &doc[end..]);
            std::fs::write(path, new).unwrap();
            return;
        }
        assert!(
            doc[start..end] == want,
            "docs/keys.md is out of date with the key table; rewrite it with \
             RUNGS_WRITE_DOCS=1 cargo test --lib docs_keys"
        );
    }

    #[test]
    fn a_rebound_key_shows_in_the_help() {
        let b = Bindings::new(&[(Command::Back, vec!["ctrl-b".into()])]).unwrap();
        let help = markdown(&crate::i18n::EN, &b);
        assert!(
            help.contains("| `Ctrl-B / g` | back to the explorer |"),
            "{help}"
        );
        assert!(help.contains("| `back` | `Ctrl-B` |"), "{help}");
    }
}
