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
    /// Colours that read on dark and light terminals alike: the basic ANSI
    /// colours, which the terminal's own palette adapts to its background.
    pub fn color() -> Self {
        Theme {
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selection_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            required: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            optional: Style::new().fg(Color::Green),
            absent: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            current_level: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            warning: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            diff_added: Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            // Struck at normal intensity: dim is the hardest thing to read
            // on a projector.
            diff_removed: Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
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
            diff_removed: plain.add_modifier(Modifier::CROSSED_OUT),
        }
    }

    /// For dark backgrounds: bright accents.
    pub fn dark() -> Self {
        let mut t = Theme::color();
        t.required = Style::new()
            .fg(Color::LightRed)
            .add_modifier(Modifier::BOLD);
        t.optional = Style::new().fg(Color::LightGreen);
        t.heading = Style::new()
            .fg(Color::LightMagenta)
            .add_modifier(Modifier::BOLD);
        t.key = Style::new()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::BOLD);
        t.border_focused = Style::new()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::BOLD);
        t.current_level = Style::new()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED);
        t.warning = Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD);
        t.diff_added = Style::new()
            .fg(Color::LightGreen)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        t
    }

    /// For light backgrounds: dark accents, no yellow or cyan text.
    pub fn light() -> Self {
        // The default palette already avoids yellow and cyan text; light
        // backgrounds get darker greens for optional marks.
        let mut t = Theme::color();
        t.optional = Style::new().fg(Color::Indexed(28));
        t.diff_added = Style::new()
            .fg(Color::Indexed(28))
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        t
    }

    /// A built-in theme by name, with a config's single colours on top.
    /// A warning that takes a whole row (the header's banner, a question
    /// in the status line): reversed as well, so it stands out without
    /// colour.
    pub fn alert(&self) -> Style {
        self.warning.add_modifier(Modifier::REVERSED)
    }

    pub fn named(name: crate::config::ThemeName, colors: &crate::config::Colors) -> Self {
        use crate::config::ThemeName;
        let mut t = match name {
            ThemeName::Default => Theme::color(),
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => return Theme::mono(),
        };
        let fg = |style: &mut Style, c: Option<Color>| {
            if let Some(c) = c {
                *style = style.fg(c);
            }
        };
        fg(&mut t.selection, colors.selection);
        fg(&mut t.required, colors.required);
        fg(&mut t.optional, colors.optional);
        fg(&mut t.diff_added, colors.diff_added);
        fg(&mut t.diff_removed, colors.diff_removed);
        fg(&mut t.border, colors.borders);
        fg(&mut t.border_focused, colors.borders);
        t
    }
}

/// True when `NO_COLOR` is set to anything non-empty.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Default for Theme {
    fn default() -> Self {
        Theme::color()
    }
}
