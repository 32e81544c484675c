//! Test helper, not a user command: enters the TUI like rungs does, then
//! panics inside rendering, so a test can check (in a pseudo-terminal) that
//! the panic hook restored the terminal.
#![allow(clippy::panic)]

use ratatui::widgets::Widget;

/// A widget that panics when drawn.
struct Boom;

impl Widget for Boom {
    fn render(self, _area: ratatui::layout::Rect, _buf: &mut ratatui::buffer::Buffer) {
        panic!("deliberate panic inside rendering");
    }
}

fn main() -> std::io::Result<()> {
    rungs::tui::session(|terminal| {
        terminal.draw(|frame| frame.render_widget(Boom, frame.area()))?;
        Ok(())
    })
}
