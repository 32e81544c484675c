//! Styles for every part of the screen, in colour or in monochrome.
//!
//! Nothing relies on colour alone: selection is REVERSED, headings BOLD, the
//! focused pane has a thick border, so `NO_COLOR` loses nothing essential.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub selection: Style,
    /// The selected row of a pane that does not have focus.
    pub selection_unfocused: Style,
    pub required: Style,
    pub optional: Style,
    pub absent: Style,
    pub heading: Style,
    pub border: Style,
    pub border_focused: Style,
    pub dim: Style,
    pub title: Style,
    pub key: Style,
    pub current_level: Style,
    pub warning: Style,
    /// Words the target level adds, in the gap view's diff.
    pub diff_added: Style,
    /// Words the target level drops.
    pub diff_removed: Style,
}

impl Theme {
    /// Colours that read on dark and light terminals alike (the 16 ANSI
    /// colours, which the terminal's own palette adapts).
    pub fn color() -> Self {
        Theme {
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selection_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            required: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            optional: Style::new().fg(Color::Blue),
            absent: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            current_level: Style::new()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            diff_added: Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            diff_removed: Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
        }
    }

    /// No colours at all: only bold, dim, underline and reverse video.
    pub fn mono() -> Self {
        let plain = Style::new();
        Theme {
            selection: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selection_unfocused: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            required: plain.add_modifier(Modifier::BOLD),
            optional: plain,
            absent: plain.add_modifier(Modifier::DIM),
            heading: plain.add_modifier(Modifier::BOLD),
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            dim: plain.add_modifier(Modifier::DIM),
            title: plain.add_modifier(Modifier::BOLD),
            key: plain.add_modifier(Modifier::BOLD),
            current_level: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            warning: plain.add_modifier(Modifier::BOLD),
            diff_added: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            diff_removed: plain.add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
        }
    }

    /// The theme the environment asks for: monochrome when `NO_COLOR` is set
    /// to anything non-empty (see no-color.org).
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::color(),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::color()
    }
}
