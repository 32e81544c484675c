//! The one table of symbols the screens draw: marks, changes, necessity,
//! the note flag and borders, in Unicode or in ASCII (`--ascii`, or
//! `symbols = "ascii"` in the config) for terminals that draw
//! ambiguous-width characters wide, as many do with Chinese fonts.

use std::borrow::Cow;

use ratatui::symbols::border;

use super::text;
use crate::catalog::Necessity;
use crate::i18n::{Lang, Strings, ascii_symbols};
use crate::review::Mark;

/// Every symbol the interface draws that is not a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    pub met: &'static str,
    pub partly: &'static str,
    pub not_yet: &'static str,
    /// Not assessed (never `·`, which means "nothing expected").
    pub unassessed: &'static str,
    /// The skill is new at the target.
    pub new: &'static str,
    /// The skill becomes required at the target.
    pub becomes_required: &'static str,
    /// The item has a note.
    pub note: &'static str,
    /// The catalog changed since the item was assessed.
    pub stale: &'static str,
    pub required: &'static str,
    pub optional: &'static str,
    /// Nothing expected.
    pub absent: &'static str,
    /// The selected row.
    pub pointer: &'static str,
    /// A change between two texts (`now → target`).
    pub arrow: &'static str,
    /// Section rules and separators.
    pub rule: &'static str,
    /// Between the parts of a line: `a · b`.
    pub dot: &'static str,
    /// A vertical rule between columns.
    pub bar: &'static str,
    /// Where text was cut.
    pub ellipsis: &'static str,
    /// A value that is not there (`—`).
    pub none: &'static str,
    /// Removed text, before it (`−`).
    pub minus: &'static str,
    /// Between the ends of a range of lines (`3–9`).
    pub range: &'static str,
    /// Before each behaviour of an expectation (`•`).
    pub bullet: &'static str,
    /// More text above and below.
    pub more_up: &'static str,
    pub more_down: &'static str,
    /// The slider's arrows when the levels do not fit.
    pub prev: &'static str,
    pub next: &'static str,
    pub border: border::Set<'static>,
    pub thick_border: border::Set<'static>,
}

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Symbols {
    pub const UNICODE: Symbols = Symbols {
        met: "✓",
        partly: "~",
        not_yet: "✗",
        unassessed: "–",
        new: "+",
        becomes_required: "→●",
        note: "✎",
        stale: "⚠",
        required: "●",
        optional: "○",
        absent: "·",
        pointer: "▶",
        arrow: "→",
        rule: "─",
        dot: "·",
        bar: "│",
        ellipsis: "…",
        none: "—",
        minus: "−",
        range: "–",
        bullet: "•",
        more_up: "↑",
        more_down: "↓",
        prev: "‹",
        next: "›",
        border: border::PLAIN,
        thick_border: border::THICK,
    };

    pub const ASCII: Symbols = Symbols {
        met: "v",
        partly: "~",
        not_yet: "x",
        unassessed: "-",
        new: "+",
        becomes_required: ">*",
        note: "#",
        stale: "!",
        required: "*",
        optional: "o",
        absent: ".",
        pointer: ">",
        arrow: "->",
        rule: "-",
        dot: "|",
        bar: "|",
        ellipsis: "...",
        none: "-",
        minus: "-",
        range: "-",
        bullet: "-",
        more_up: "^",
        more_down: "v",
        prev: "<",
        next: ">",
        border: ASCII_BORDER,
        thick_border: border::Set {
            horizontal_top: "=",
            horizontal_bottom: "=",
            ..ASCII_BORDER
        },
    };

    /// The set a config or flag names: `ascii` or `unicode`.
    pub fn named(name: &str) -> Option<Symbols> {
        match name {
            "ascii" => Some(Symbols::ASCII),
            "unicode" => Some(Symbols::UNICODE),
            _ => None,
        }
    }

    pub fn is_ascii(&self) -> bool {
        *self == Symbols::ASCII
    }

    /// `s` with its symbols in this set: as written in Unicode, through
    /// [`ascii_symbols`] in ASCII.
    pub fn text<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if self.is_ascii() {
            ascii_symbols(s)
        } else {
            Cow::Borrowed(s)
        }
    }

    /// `s` cut to `max` cells, ending with this set's ellipsis when cut.
    pub fn truncate(&self, s: &str, max: usize) -> String {
        text::truncate_with(s, max, self.ellipsis)
    }

    /// `s` padded (or cut, with this set's ellipsis) to exactly `w` cells.
    pub fn pad(&self, s: &str, w: usize) -> String {
        text::pad_with(s, w, self.ellipsis)
    }

    /// The table of interface texts in `lang`, in this set's symbols.
    pub fn strings(&self, lang: Lang) -> &'static Strings {
        if self.is_ascii() {
            lang.ascii_strings()
        } else {
            lang.strings()
        }
    }

    /// A mark: `✓ ~ ✗`, or `–` for none.
    pub fn mark(&self, mark: Option<Mark>) -> &'static str {
        match mark {
            Some(Mark::Met) => self.met,
            Some(Mark::Partly) => self.partly,
            Some(Mark::NotYet) => self.not_yet,
            None => self.unassessed,
        }
    }

    /// The necessity at a level: `●` required, `○` optional, `·` nothing.
    pub fn necessity(&self, n: Option<Necessity>) -> &'static str {
        match n {
            Some(Necessity::Required) => self.required,
            Some(Necessity::Optional) => self.optional,
            None => self.absent,
        }
    }
}

impl Default for Symbols {
    fn default() -> Self {
        Symbols::UNICODE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_ascii_and_marks_differ() {
        let a = Symbols::ASCII;
        let all = [
            a.met,
            a.partly,
            a.not_yet,
            a.unassessed,
            a.new,
            a.becomes_required,
            a.note,
            a.stale,
            a.required,
            a.optional,
            a.absent,
            a.pointer,
            a.arrow,
            a.rule,
            a.dot,
            a.bar,
            a.ellipsis,
            a.none,
            a.minus,
            a.range,
            a.more_up,
            a.more_down,
            a.prev,
            a.next,
            a.border.top_left,
            a.thick_border.horizontal_top,
        ];
        assert!(all.iter().all(|s| s.is_ascii()), "{all:?}");
        let marks = [a.met, a.partly, a.not_yet, a.unassessed, a.absent];
        for (i, m) in marks.iter().enumerate() {
            assert!(!marks[i + 1..].contains(m), "{m} twice");
        }
        assert_ne!(Symbols::UNICODE.unassessed, Symbols::UNICODE.absent);
        assert_eq!(Symbols::named("ascii"), Some(Symbols::ASCII));
        assert_eq!(Symbols::named("fancy"), None);
    }
}
