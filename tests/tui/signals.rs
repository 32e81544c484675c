//! Signals from outside (timeout, kill, tmux or systemd teardown) and
//! suspending: the real `rungs` binary in a pseudo-terminal (via `script`),
//! signalled by a shell in the same terminal, which then checks the
//! terminal's modes with `stty -a`.

use std::process::Command;

/// Runs `script` with a shell `body` in which `$R` starts the explorer;
/// returns everything written to the terminal, or `None` without `script`.
fn in_a_terminal(body: &str) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("`script` (util-linux) is not installed: cannot make a pseudo-terminal here");
        return None;
    }
    let home = tempfile::tempdir().unwrap();
    // `sh -c` has no job control: `$R &` stays in the terminal's foreground
    // process group, so it may read keys.
    let out = Command::new("script")
        .args(["-qec", &format!("sh -c '{body}'"), "/dev/null"])
        .env("TERM", "xterm-256color")
        .env("R", format!("{} --no-watch", env!("CARGO_BIN_EXE_rungs")))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("RUNGS_CATALOG")
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The terminal modes `stty -a` printed after `marker`.
fn modes_after<'a>(text: &'a str, marker: &str) -> &'a str {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker}: {text:?}"));
    &text[at..]
}

fn assert_cooked(stty: &str) {
    assert!(
        stty.contains(" icanon") && stty.contains(" echo") && !stty.contains("-icanon"),
        "raw mode still on: {stty}"
    );
}

#[test]
fn termination_signals_restore_the_terminal_and_exit_128_plus_n() {
    for (name, n) in [("TERM", 15), ("HUP", 1), ("QUIT", 3), ("INT", 2)] {
        let Some(text) = in_a_terminal(&format!(
            "$R & pid=$!; sleep 1; kill -{name} $pid; wait $pid; echo EXIT=$?; echo MODES; stty -a"
        )) else {
            return;
        };
        let entered = text.find("\x1b[?1049h").expect("the explorer started");
        let after = &text[entered..];
        for (what, seq) in [
            ("alternate screen left", "\x1b[?1049l"),
            ("mouse capture off", "\x1b[?1000l"),
            ("bracketed paste off", "\x1b[?2004l"),
            ("cursor shown", "\x1b[?25h"),
        ] {
            assert!(
                after.contains(seq),
                "SIG{name}: {what}: {seq:?} not written"
            );
        }
        assert!(
            text.contains(&format!("EXIT={}", 128 + n)),
            "SIG{name}: {text:?}"
        );
        assert_cooked(modes_after(&text, "MODES"));
    }
}

#[test]
fn sigtstp_suspends_with_the_terminal_restored_and_sigcont_takes_it_back() {
    let Some(text) = in_a_terminal(
        "$R & pid=$!; sleep 1; kill -TSTP $pid; sleep 1; \
         echo STATE=$(cut -d\" \" -f3 /proc/$pid/stat); echo STOPPED; stty -a; \
         kill -CONT $pid; sleep 1; echo RESUMED; stty -a; \
         kill -TERM $pid; wait $pid; echo EXIT=$?",
    ) else {
        return;
    };
    assert!(text.contains("STATE=T"), "stopped: {text:?}");
    let stopped = modes_after(&text, "STOPPED");
    let resumed_at = stopped.find("RESUMED").unwrap();
    assert_cooked(&stopped[..resumed_at]);
    let resumed = &stopped[resumed_at..];
    assert!(
        resumed.contains("-icanon") && resumed.contains("-echo"),
        "raw again: {resumed}"
    );
    // The alternate screen was entered again, and the screen redrawn.
    assert!(
        text.matches("\x1b[?1049h").count() >= 2,
        "alternate screen not entered again"
    );
    assert!(text.contains("EXIT=143"), "{text:?}");
}
