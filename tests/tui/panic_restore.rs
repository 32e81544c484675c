//! The terminal is restored after a panic inside rendering: run a probe
//! that panics mid-frame in a pseudo-terminal (via `script`), and check that
//! raw mode, the alternate screen, mouse capture and bracketed paste were
//! undone and the cursor shown before the panic message.

use std::process::Command;

#[test]
fn panic_in_rendering_restores_the_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("`script` (util-linux) is not installed: cannot make a pseudo-terminal here");
        return;
    }
    // Build the probe the same way cargo builds tests (debug profile).
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--example", "panic_probe"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(status.success());
    // The probe lands beside this test binary (`<target>/debug/deps/tui-…`),
    // in `<target>/debug/examples`, wherever CARGO_TARGET_DIR points.
    let exe = std::env::current_exe().unwrap();
    let debug = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let probe = debug
        .join("examples")
        .join(format!("panic_probe{}", std::env::consts::EXE_SUFFIX));
    // After the probe, `stty -a` shows whether the terminal is cooked again.
    let command = format!("{} ; stty -a", probe.display());
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let panic_at = text
        .find("deliberate panic")
        .expect("the panic message is printed");
    let before = &text[..panic_at];
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
