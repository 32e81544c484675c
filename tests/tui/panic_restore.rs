//! The terminal is restored after a panic inside rendering: this test binary
//! runs itself again in a pseudo-terminal (via `script`) as a probe that
//! enters the TUI like rungs does and panics mid-frame, and checks that raw
//! mode, the alternate screen, mouse capture and bracketed paste were undone
//! and the cursor shown before the panic message.
//!
//! The probe is this same test run with `RUNGS_PANIC_PROBE` set, so no
//! example has to be built (and no `cargo build` run inside the tests).

use std::process::Command;

use ratatui::widgets::Widget;

/// A widget that panics when drawn.
struct Boom;

impl Widget for Boom {
    fn render(self, _area: ratatui::layout::Rect, _buf: &mut ratatui::buffer::Buffer) {
        panic!("deliberate panic inside rendering");
    }
}

#[test]
fn panic_in_rendering_restores_the_terminal() {
    if std::env::var_os("RUNGS_PANIC_PROBE").is_some() {
        // The probe: enter the TUI, then panic inside rendering.
        let _ = rungs::tui::session(|terminal| {
            terminal.draw(|frame| frame.render_widget(Boom, frame.area()))?;
            Ok(())
        });
        return;
    }
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("`script` (util-linux) is not installed: cannot make a pseudo-terminal here");
        return;
    }
    let exe = std::env::current_exe().unwrap();
    // After the probe, `stty -a` shows whether the terminal is cooked again.
    let command = format!(
        "'{}' --exact panic_restore::panic_in_rendering_restores_the_terminal \
         --test-threads=1 --nocapture ; stty -a",
        exe.display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("TERM", "xterm-256color")
        .env("RUNGS_PANIC_PROBE", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let panic_at = text
        .find("deliberate panic")
        .unwrap_or_else(|| panic!("the panic message is printed: {text}"));
    let before = &text[..panic_at];
    assert!(
        before.contains("\x1b[?1049h"),
        "the probe entered the alternate screen first: {before:?}"
    );
    for (what, seq) in [
        ("alternate screen left", "\x1b[?1049l"),
        ("mouse capture off", "\x1b[?1000l"),
        ("bracketed paste off", "\x1b[?2004l"),
        ("cursor shown", "\x1b[?25h"),
    ] {
        assert!(
            before.contains(seq),
            "{what}: {seq:?} not written before the panic message"
        );
    }
    let stty = &text[panic_at..];
    assert!(
        stty.contains(" icanon") && stty.contains(" echo"),
        "raw mode still on: {stty}"
    );
    assert!(!stty.contains("-icanon"), "{stty}");
}
