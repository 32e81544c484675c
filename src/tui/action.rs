//! Everything the user can ask the app to do, independent of the key or
//! mouse gesture that asked for it.

/// One request to [`super::app::App::update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Leave the current overlay or view (`Esc`).
    Back,
    FocusNext,
    FocusPrev,
    LevelPrev,
    LevelNext,
    /// Jump to the level at this 0-based position.
    LevelJump(usize),
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Open what is selected (`Enter`).
    Open,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A left click at a column and row.
    Click(u16, u16),
    ScrollUp(u16, u16),
    ScrollDown(u16, u16),
}
