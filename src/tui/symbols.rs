//! The one table of symbols the screens draw: marks, changes, necessity,
//! the note flag and borders, in Unicode or in ASCII (`--ascii`, or
//! `symbols = "ascii"` in the config) for terminals that draw
//! ambiguous-width characters wide, as many do with Chinese fonts.

use ratatui::symbols::border;

use crate::catalog::Necessity;
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
