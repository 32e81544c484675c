//! Turns terminal events into [`Action`]s; the current mode decides what a
//! key means.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use super::app::App;
use super::screens::Screen;
use super::bindings::{Context, Key};

/// The one place events become actions. Key releases are ignored; repeats
/// count only for movement, so holding `q` cannot quit twice.
pub fn map(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => map_key(app, key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown(m.column, m.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) if app.screen == Screen::Search => {
            Some(Action::SearchPaste(text.clone()))
        }
        Event::Paste(text) if app.gap.as_ref().is_some_and(|g| g.note.is_some()) => {
            Some(Action::NotePaste(text.clone()))
        }
        _ => None,
    }
}

fn is_movement(a: &Action) -> bool {
    matches!(
        a,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::LevelPrev
            | Action::LevelNext
    )
}

fn map_key(app: &App, key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c')) {
        return (key.kind == KeyEventKind::Press).then_some(Action::Quit);
    }
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let editing_note = app.gap.as_ref().is_some_and(|g| g.note.is_some());
    let bound = Key::from_event(key.code, key.modifiers);
    let action = match app.screen {
        Screen::Gap if editing_note => match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Backspace => Some(Action::NoteBackspace),
            KeyCode::Char(c) if !ctrl && !alt => Some(Action::NoteInput(c)),
            _ => None,
        },
        Screen::Gap => app.bindings.lookup(Context::Gap, bound),
        Screen::Search => match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Tab | KeyCode::BackTab => Some(Action::SearchScope),
            KeyCode::Backspace if ctrl || alt => Some(Action::SearchDeleteWord),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char('u') if ctrl => Some(Action::SearchClear),
            KeyCode::Char('w') if ctrl => Some(Action::SearchDeleteWord),
            KeyCode::Char('n') if ctrl => Some(Action::Down),
            KeyCode::Char('p') if ctrl => Some(Action::Up),
            KeyCode::Char(c) if !ctrl && !alt => Some(Action::SearchInput(c)),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            _ => None,
        },
        Screen::Help => match app.bindings.lookup(Context::Help, bound) {
            // Closing the help is `back` or `help`; both toggle it.
            Some(Action::Back) => Some(Action::ToggleHelp),
            other => other,
        },
        Screen::Profile | Screen::Browse => match key.code {
            // Digits jump to a level; they are not rebindable.
            KeyCode::Char(c @ '1'..='9') if !ctrl && !alt => {
                Some(Action::LevelJump(c as usize - '1' as usize))
            }
            _ => app.bindings.lookup(Context::Browse, bound),
        },
    }?;
    // A held key repeats movement, and typing in the search box.
    let typing = matches!(
        action,
        Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::NoteInput(_)
            | Action::NoteBackspace
    );
    if key.kind == KeyEventKind::Repeat && !is_movement(&action) && !typing {
        return None;
    }
    Some(action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventState, MouseEvent};

    fn key(code: KeyCode, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    fn app() -> App {
        App::new(crate::catalog::load_embedded().unwrap().catalog)
    }

    #[test]
    fn press_maps_release_is_ignored() {
        let app = app();
        assert_eq!(
            map(&app, &key(KeyCode::Char('q'), KeyEventKind::Press)),
            Some(Action::Quit)
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
            Some(Action::Down)
        );
    }

    #[test]
    fn digits_jump_to_levels_and_help_routes_keys() {
        let mut app = app();
        assert_eq!(
            map(&app, &key(KeyCode::Char('3'), KeyEventKind::Press)),
            Some(Action::LevelJump(2))
        );
        app.screen = Screen::Help;
        assert_eq!(
            map(&app, &key(KeyCode::Esc, KeyEventKind::Press)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            map(&app, &key(KeyCode::Char('3'), KeyEventKind::Press)),
            None
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
