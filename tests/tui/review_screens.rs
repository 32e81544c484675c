//! The review's own screens over the gap view (issue 12): the export
//! format picker (`x`), the summary picture (`s`) and the review details
//! form (`i`). Key sequences through the keymap and `App::update`, and
//! snapshots at 120×40 and 80×24, in English and Chinese (and ASCII).

use crossterm::event::{KeyCode, KeyModifiers};
use rungs::catalog::load_embedded;
use rungs::i18n::Lang;
use rungs::report::Format;
use rungs::tui::action::{Action, Effect};
use rungs::tui::app::App;
use rungs::tui::keys::Mode;
use rungs::tui::screens::{Overlay, Screen};
use rungs::tui::symbols::Symbols;
use rungs::tui::theme::Theme;

use crate::support::{event, key, key_names, keys, press, redraw, screen};

/// The default catalog in the gap view of Data Scientist, Senior → Lead.
fn app(w: u16, h: u16) -> App {
    let mut app = App::new(load_embedded().unwrap().catalog);
    app.theme = Theme::mono();
    app.today = rungs::catalog::Date {
        year: 2026,
        month: 11,
        day: 30,
    };
    app.update(Action::Resize(w, h));
    keys(&mut app, "3g");
    assert_eq!(app.screen, Screen::Gap);
    app
}

/// Some marks to draw: met, met, partly, not yet, then one skipped and
/// one met further down.
fn marked(a: &mut App) {
    keys(a, "mjmjpjnjjjm");
    key(a, KeyCode::Home);
}

/// Snapshots of one state: English and Chinese at 120×40 and 80×24, and
/// ASCII at 80×24 (checked to hold no Unicode symbol).
fn shots(name: &str, setup: impl Fn(&mut App)) {
    for (variant, w, h, lang, ascii) in [
        ("en_120x40", 120, 40, Lang::En, false),
        ("en_80x24", 80, 24, Lang::En, false),
        ("zh_120x40", 120, 40, Lang::Zh, false),
        ("zh_80x24", 80, 24, Lang::Zh, false),
        ("ascii_80x24", 80, 24, Lang::En, true),
    ] {
        let mut a = app(w, h);
        a.set_lang(lang);
        if ascii {
            a.symbols = Symbols::ASCII;
        }
        setup(&mut a);
        redraw(&mut a);
        let s = screen(&a);
        if ascii {
            let rows: String = s.lines().skip(1).collect();
            assert!(
                !rows.contains(['✓', '✗', '–', '●', '○', '✎', '▶', '─', '│']),
                "{name}: {s}"
            );
        }
        insta::assert_snapshot!(format!("{name}_{variant}"), s);
    }
}

// The export format picker.

#[test]
fn x_asks_which_format_and_enter_exports_it() {
    let mut a = app(80, 24);
    assert!(keys(&mut a, "x").is_empty(), "nothing written yet");
    assert_eq!(a.mode(), Mode::Picker);
    // Markdown is the default.
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        [Effect::Export(Format::Markdown)]
    );
    assert!(a.overlay.is_none());
    assert_eq!(a.mode(), Mode::Gap);

    // ↓ ↓ is HTML; ↑ and ↓ stop at the ends.
    keys(&mut a, "x");
    key_names(&mut a, "Down Down");
    assert_eq!(key(&mut a, KeyCode::Enter), [Effect::Export(Format::Html)]);
    keys(&mut a, "x");
    key_names(&mut a, "Up Down Down Down Down Down Down");
    assert_eq!(key(&mut a, KeyCode::Enter), [Effect::Export(Format::Json)]);

    // First letters choose: j is JSON here, not a move; c is CSV, t text.
    for (letter, format) in [
        ('j', Format::Json),
        ('c', Format::Csv),
        ('t', Format::Text),
        ('h', Format::Html),
        ('M', Format::Markdown),
    ] {
        keys(&mut a, "x");
        keys(&mut a, &letter.to_string());
        assert_eq!(a.mode(), Mode::Picker, "a letter chooses, Enter exports");
        assert_eq!(key(&mut a, KeyCode::Enter), [Effect::Export(format)]);
    }

    // Esc cancels; other keys do nothing while it asks, q included.
    keys(&mut a, "x");
    assert!(keys(&mut a, "qmzg").is_empty());
    assert_eq!(a.mode(), Mode::Picker);
    assert!(a.gap_counts().assessed == 0, "m did not mark");
    assert!(key(&mut a, KeyCode::Esc).is_empty());
    assert!(a.overlay.is_none());
    assert_eq!(a.screen, Screen::Gap, "Esc closed the picker only");

    // Ctrl-C still quits.
    keys(&mut a, "x");
    assert_eq!(
        event(&mut a, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        [Effect::Quit]
    );
}

#[test]
fn the_picker_names_its_keys_and_the_path_it_writes() {
    let mut a = app(80, 24);
    keys(&mut a, "x");
    key(&mut a, KeyCode::Down);
    let s = screen(&a);
    assert!(
        s.contains("writes rungs-gap-data-scientist-senior-lead.txt"),
        "{s}"
    );
    assert!(s.contains("↑↓ choose") && s.contains("Enter export") && s.contains("Esc cancel"));
    if let Some(r) = a.review.as_mut() {
        r.file = Some("reviews/ana.toml".into());
    }
    keys(&mut a, "h");
    assert!(screen(&a).contains("writes reviews/ana.html"));
}

#[test]
fn picker_snapshots() {
    shots("export_picker", |a| {
        keys(a, "xc");
    });
}

// The summary picture.

#[test]
fn s_opens_the_summary_and_esc_or_s_close_it() {
    let mut a = app(80, 24);
    marked(&mut a);
    keys(&mut a, "s");
    assert_eq!(a.mode(), Mode::Summary);
    assert!(matches!(a.overlay, Some(Overlay::Summary(_))));
    // Marks keys do nothing here.
    let before = a.gap_counts();
    keys(&mut a, "mpnu ");
    assert_eq!(a.gap_counts(), before);
    keys(&mut a, "s");
    assert!(a.overlay.is_none());
    keys(&mut a, "s");
    key(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
    assert_eq!(a.screen, Screen::Gap, "Esc closed the summary only");
    // The help opens over it and goes back to it.
    keys(&mut a, "s?");
    assert_eq!(a.screen, Screen::Help);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode(), Mode::Summary);
}

/// The bars count what the header counts: with only the current
/// assessor's marks, theirs; once any item is agreed, the agreed ones.
#[test]
fn the_bars_count_the_marks_the_header_counts() {
    let mut a = app(120, 40);
    marked(&mut a);
    keys(&mut a, "s");
    let s = screen(&a);
    let counts = a.gap_counts();
    assert_eq!(counts.met, 3);
    assert_eq!((counts.partly, counts.not_yet), (1, 1));
    // The total row's required and optional counts add up to the header's.
    let total = s
        .lines()
        .find(|l| l.contains("All domains"))
        .unwrap_or_else(|| panic!("{s}"));
    // The counts after each symbol that a number follows (`✓3`), not the
    // bars' runs of symbols.
    let chars: Vec<char> = total.chars().collect();
    let numbers: Vec<usize> = chars
        .windows(2)
        .enumerate()
        .filter(|(_, w)| "✓~✗–".contains(w[0]) && w[1].is_ascii_digit())
        .map(|(i, _)| {
            chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect::<String>()
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(numbers.len(), 8, "{total}");
    assert_eq!(numbers[0] + numbers[4], counts.met, "{total}");
    assert_eq!(numbers[1] + numbers[5], counts.partly, "{total}");
    assert_eq!(numbers[2] + numbers[6], counts.not_yet, "{total}");
    assert_eq!(
        numbers.iter().sum::<usize>(),
        a.gap.as_ref().unwrap().gap.items.len()
    );
    assert!(s.contains("counting the marks of: agreed"), "{s}");
}

#[test]
fn many_domains_scroll_at_80x24() {
    let mut a = app(80, 24);
    keys(&mut a, "s");
    let lines = a.frame.summary_lines;
    let height = a.frame.summary_height;
    assert!(lines > 0 && height > 0);
    key(&mut a, KeyCode::End);
    let Some(Overlay::Summary(view)) = a.overlay else {
        panic!("open")
    };
    assert_eq!(view.scroll, lines.saturating_sub(height));
    key(&mut a, KeyCode::Home);
    let Some(Overlay::Summary(view)) = a.overlay else {
        panic!("open")
    };
    assert_eq!(view.scroll, 0);
    // A smaller terminal still fits every domain row or scrolls to it.
    a.update(Action::Resize(80, 14));
    redraw(&mut a);
    key(&mut a, KeyCode::End);
    let s = screen(&a);
    assert!(s.contains("All domains"), "the total stays: {s}");
}

#[test]
fn summary_snapshots() {
    shots("summary", |a| {
        marked(a);
        keys(a, "s");
    });
}
