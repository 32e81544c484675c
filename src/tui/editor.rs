//! The one text-entry component: the note editor (several lines) and the
//! one-line boxes (search, the gap filter, the path prompt), on
//! `ratatui-textarea`.
//!
//! The widget's own shortcuts are never used (`input_without_shortcuts`
//! only, and the movement and deletion methods): keys reach it as
//! [`Edit`]s from our key table, so `?`, the hints and `docs/keys.md`
//! describe exactly what it does. Pasted text is normalised here, once:
//! CR, LF and CRLF become one line break (a space in a one-line box), and
//! control characters are removed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// One editing step, from a key of the text-entry modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    Up,
    Down,
    DeleteBack,
    DeleteForward,
    DeleteWord,
    DeleteToLineStart,
    DeleteToLineEnd,
    NewLine,
}

/// A text being edited, with its cursor.
#[derive(Debug, Clone)]
pub struct Editor {
    area: TextArea<'static>,
    single_line: bool,
    /// The text it started with, to know whether leaving loses anything.
    original: String,
}

impl PartialEq for Editor {
    fn eq(&self, other: &Self) -> bool {
        self.single_line == other.single_line
            && self.area.lines() == other.area.lines()
            && self.area.cursor() == other.area.cursor()
            && self.original == other.original
    }
}

impl Eq for Editor {}

impl Default for Editor {
    fn default() -> Self {
        Editor::line("")
    }
}

impl Editor {
    /// An editor over `text` (several lines), the cursor at its end.
    pub fn note(text: &str) -> Editor {
        Editor::new(text, false)
    }

    /// A one-line box holding `text`, the cursor at its end.
    pub fn line(text: &str) -> Editor {
        Editor::new(text, true)
    }

    fn new(text: &str, single_line: bool) -> Editor {
        let text = normalise(text, single_line);
        let mut area = TextArea::from(text.split('\n'));
        area.set_wrap_mode(if single_line {
            WrapMode::None
        } else {
            WrapMode::WordOrGlyph
        });
        area.set_cursor_line_style(Style::new());
        area.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor {
            area,
            single_line,
            original: text,
        }
    }

    /// The text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    /// True when the text differs from what the editor started with.
    pub fn is_changed(&self) -> bool {
        // Compared line by line, without building the joined text.
        let mut original = self.original.split('\n');
        let same = self
            .area
            .lines()
            .iter()
            .all(|l| original.next() == Some(l.as_str()));
        !(same && original.next().is_none())
    }

    /// The cursor as (line, character).
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
    }

    /// Types one character; control characters are ignored. Returns true
    /// when the text changed.
    pub fn type_char(&mut self, c: char) -> bool {
        if c.is_control() {
            return false;
        }
        self.area.insert_char(c);
        true
    }

    /// Inserts pasted text at the cursor, line breaks normalised.
    pub fn paste(&mut self, text: &str) -> bool {
        let text = normalise(text, self.single_line);
        !text.is_empty() && self.area.insert_str(text)
    }

    /// Applies one editing step; returns true when the text changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let a = &mut self.area;
        let moved = |a: &mut TextArea, m| {
            a.move_cursor(m);
            false
        };
        match edit {
            Edit::Left => moved(a, CursorMove::Back),
            Edit::Right => moved(a, CursorMove::Forward),
            Edit::WordLeft => moved(a, CursorMove::WordBack),
            Edit::WordRight => moved(a, CursorMove::WordForward),
            Edit::LineStart => moved(a, CursorMove::Head),
            Edit::LineEnd => moved(a, CursorMove::End),
            Edit::Up => moved(a, CursorMove::Up),
            Edit::Down => moved(a, CursorMove::Down),
            Edit::DeleteBack => a.delete_char(),
            Edit::DeleteForward => a.delete_next_char(),
            Edit::DeleteWord => a.delete_word(),
            Edit::DeleteToLineStart => a.delete_line_by_head(),
            Edit::DeleteToLineEnd => a.delete_line_by_end(),
            Edit::NewLine if self.single_line => false,
            Edit::NewLine => {
                a.insert_newline();
                true
            }
        }
    }

    /// Lines the text takes wrapped to `width` cells (at least one), the
    /// way [`Editor::render`] draws it.
    pub fn height(&self, width: u16) -> u16 {
        let width = usize::from(width.max(1));
        let rows: usize = self
            .area
            .lines()
            .iter()
            .map(|l| crate::tui::text::wrap(l, width).len().max(1))
            .sum();
        u16::try_from(rows.max(1)).unwrap_or(u16::MAX)
    }

    /// Draws the text, wrapped (one-line boxes scroll sideways instead),
    /// with the cursor shown reversed; the view follows the cursor.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        (&self.area).render(area, buf);
    }

    /// Draws a one-line box like [`Editor::render`], and where the text
    /// goes on past an edge of `area`, `more` (the symbol set's ellipsis)
    /// over that edge, as line editors show a scrolled line — unless the
    /// cursor is under it.
    pub fn render_line(&self, area: Rect, buf: &mut Buffer, more: &str, style: Style) {
        self.render(area, buf);
        let mark = u16::try_from(crate::tui::text::width(more)).unwrap_or(u16::MAX);
        if area.width <= mark.saturating_mul(2) || area.height == 0 {
            return;
        }
        let (_, scroll) = self.area.scroll_offset();
        let line = self.area.lines().first().map_or("", String::as_str);
        let text = crate::tui::text::width(line);
        let cursor = self
            .area
            .screen_cursor()
            .col
            .saturating_sub(usize::from(scroll));
        let cut_left = scroll > 0 && cursor >= usize::from(mark);
        let cut_right = text > usize::from(scroll) + usize::from(area.width)
            && cursor < usize::from(area.width - mark);
        if cut_left {
            buf.set_stringn(area.x, area.y, more, usize::from(mark), style);
        }
        if cut_right {
            buf.set_stringn(area.right() - mark, area.y, more, usize::from(mark), style);
        }
    }
}

/// Line breaks of any kind become `\n` (or a space on one line), and
/// control characters and invisible formatting are removed, as in catalog
/// text.
pub fn normalise(text: &str, single_line: bool) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = unified
        .split('\n')
        .map(|l| crate::catalog::clean(l, true).text)
        .collect();
    lines.join(if single_line { " " } else { "\n" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(e: &mut Editor, s: &str) {
        for c in s.chars() {
            e.type_char(c);
        }
    }

    #[test]
    fn home_then_typing_inserts_at_the_start() {
        let mut e = Editor::note("retro doc.");
        e.apply(Edit::LineStart);
        typed(&mut e, "Q3 ");
        assert_eq!(e.text(), "Q3 retro doc.");
        e.apply(Edit::LineEnd);
        typed(&mut e, "!");
        assert_eq!(e.text(), "Q3 retro doc.!");
    }

    #[test]
    fn words_and_line_deletions() {
        let mut e = Editor::note("led the DDP migration");
        e.apply(Edit::WordLeft);
        e.apply(Edit::WordLeft);
        assert_eq!(e.cursor(), (0, 8));
        e.apply(Edit::DeleteWord);
        assert_eq!(e.text(), "led DDP migration");
        e.apply(Edit::DeleteToLineEnd);
        assert_eq!(e.text(), "led ");
        e.apply(Edit::DeleteToLineStart);
        assert_eq!(e.text(), "");
        let mut e = Editor::note("abc");
        e.apply(Edit::LineStart);
        e.apply(Edit::DeleteForward);
        e.apply(Edit::Right);
        e.apply(Edit::DeleteBack);
        assert_eq!(e.text(), "c");
    }

    #[test]
    fn new_lines_only_in_notes() {
        let mut e = Editor::note("one");
        e.apply(Edit::NewLine);
        typed(&mut e, "two");
        assert_eq!(e.text(), "one\ntwo");
        e.apply(Edit::Up);
        assert_eq!(e.cursor().0, 0);
        let mut l = Editor::line("one");
        assert!(!l.apply(Edit::NewLine));
        assert_eq!(l.text(), "one");
    }

    #[test]
    fn pasted_line_breaks_of_every_kind_become_lf() {
        let mut e = Editor::note("");
        e.paste("projects.\rNot yet\r\nthree\nfour\u{1b}[31m");
        assert_eq!(e.text(), "projects.\nNot yet\nthree\nfour[31m");
        let mut l = Editor::line("");
        l.paste("a\rb\r\nc");
        assert_eq!(l.text(), "a b c");
    }

    #[test]
    fn changed_is_against_the_start() {
        let mut e = Editor::note("a\nb");
        assert!(!e.is_changed());
        typed(&mut e, "c");
        assert!(e.is_changed());
        e.apply(Edit::DeleteBack);
        assert!(!e.is_changed());
        e.apply(Edit::NewLine);
        assert!(e.is_changed());
    }

    #[test]
    fn the_cursor_stays_visible_in_a_long_note() {
        let long = "word ".repeat(200);
        let e = Editor::note(&long);
        let area = Rect::new(0, 0, 30, 4);
        let mut buf = Buffer::empty(area);
        e.render(area, &mut buf);
        let reversed = buf
            .content()
            .iter()
            .filter(|c| c.modifier.contains(Modifier::REVERSED))
            .count();
        assert_eq!(reversed, 1, "the cursor is drawn inside the area");
        assert!(e.height(30) > 4);
    }
}
