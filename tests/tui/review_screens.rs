//! The review's own screens over the gap view (issue 12): the export
//! format picker (`x`), the summary picture (`s`) and the review details
//! form (`i`). Key sequences through the keymap and `App::update`, and
//! snapshots at 120×40 and 80×24, in English and Chinese (and ASCII).

use crossterm::event::{KeyCode, KeyModifiers};
use rungs::i18n::Lang;
use rungs::report::Format;
use rungs::tui::action::{Action, Effect};
use rungs::tui::app::App;
use rungs::tui::keys::Mode;
use rungs::tui::screens::{Overlay, Screen};
use rungs::tui::symbols::Symbols;

use crate::support::{event, gap_app, key, key_names, keys, press, redraw, screen};

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
        let mut a = gap_app(w, h);
        a.set_lang(lang);
        if ascii {
            a.set_symbols(Symbols::ASCII);
        }
        setup(&mut a);
        redraw(&mut a);
        let s = screen(&a);
        if ascii {
            // Every cell, key names and ellipses included.
            let bad: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
            assert!(bad.is_empty(), "{name}: {bad:?}\n{s}");
        }
        insta::assert_snapshot!(format!("{name}_{variant}"), s);
    }
}

// The export format picker.

#[test]
fn x_asks_which_format_and_enter_exports_it() {
    let mut a = gap_app(80, 24);
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
    let mut a = gap_app(80, 24);
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
    let mut a = gap_app(80, 24);
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
    let mut a = gap_app(120, 40);
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
    let mut a = gap_app(80, 24);
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

// The review details form.

fn meta_form(a: &App) -> &rungs::tui::screens::meta::MetaForm {
    match &a.overlay {
        Some(Overlay::Meta(form)) => form,
        other => panic!("the form is not open: {other:?}"),
    }
}

fn meta(a: &App) -> rungs::review::Meta {
    a.review.as_ref().unwrap().review.meta.clone()
}

/// Fills every field: candidate, assessors, meetings, outcome and a
/// summary of two lines.
fn filled(a: &mut App) {
    keys(a, "i");
    keys(a, "Alex Kim");
    key(a, KeyCode::Tab);
    keys(a, "Sam Lee, Priya");
    key(a, KeyCode::Down);
    keys(a, "2026-11-30, 2026-12-14");
    key(a, KeyCode::Tab);
    keys(a, "promote");
    key(a, KeyCode::Tab);
    keys(a, "Strong on modelling standards.");
    event(a, &press(KeyCode::Enter, KeyModifiers::ALT));
    keys(a, "Mentoring still partly.");
}

#[test]
fn i_edits_the_review_details_and_enter_saves_them() {
    let mut a = gap_app(80, 24);
    filled(&mut a);
    assert_eq!(a.mode(), Mode::MetaForm);
    assert!(meta(&a).is_empty(), "nothing saved while typing");
    assert_eq!(key(&mut a, KeyCode::Enter), [Effect::SaveReview]);
    assert!(a.overlay.is_none());
    let m = meta(&a);
    assert_eq!(m.candidate, "Alex Kim");
    assert_eq!(m.assessors, ["Sam Lee", "Priya"]);
    assert_eq!(
        m.meetings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["2026-11-30", "2026-12-14"]
    );
    assert_eq!(m.outcome, "promote");
    assert_eq!(
        m.summary,
        "Strong on modelling standards.\nMentoring still partly."
    );
    assert_eq!(a.status.as_deref(), Some("Review details saved"));
    assert!(a.needs_saving(), "in no file yet: quitting asks");

    // Opened again: the saved values; ↑ and Shift-Tab go back, stopping
    // at the first field; in the summary ↑ moves between its lines first.
    keys(&mut a, "i");
    assert_eq!(meta_form(&a).focus, 0);
    key_names(&mut a, "Up BackTab Tab Tab Tab Tab");
    assert_eq!(meta_form(&a).focus, 4, "the summary");
    key(&mut a, KeyCode::Up);
    assert_eq!(meta_form(&a).focus, 4, "its first line");
    key(&mut a, KeyCode::Up);
    assert_eq!(meta_form(&a).focus, 3, "then the outcome");
    // Unchanged: Enter saves nothing, Esc closes without asking.
    assert!(key(&mut a, KeyCode::Enter).is_empty());
    keys(&mut a, "i");
    assert!(key(&mut a, KeyCode::Esc).is_empty());
    assert!(a.overlay.is_none() && a.prompt.is_none());
}

#[test]
fn a_bad_meeting_date_keeps_the_form_open_and_says_what_is_valid() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "i");
    key_names(&mut a, "Tab Tab");
    keys(&mut a, "2026-11-30, 2026-02-30");
    key_names(&mut a, "Tab Tab");
    assert!(key(&mut a, KeyCode::Enter).is_empty(), "not saved");
    let form = meta_form(&a);
    assert_eq!(form.focus, 2, "back on the meetings");
    assert_eq!(
        form.error.as_deref(),
        Some(
            "Meetings: `2026-02-30` is not a date; write YYYY-MM-DD, separated by commas (e.g. 2026-11-30, 2026-12-14)"
        )
    );
    let s = screen(&a);
    assert!(s.contains("`2026-02-30` is not a date"), "{s}");
    // Fixed: saved.
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    keys(&mut a, "28");
    assert_eq!(meta_form(&a).error, None, "typing clears the message");
    assert_eq!(key(&mut a, KeyCode::Enter), [Effect::SaveReview]);
    assert_eq!(meta(&a).meetings.len(), 2);
}

#[test]
fn esc_asks_before_discarding_changes() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "i");
    keys(&mut a, "Alex");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode(), Mode::Prompt);
    assert!(screen(&a).contains("Discard changes to the review details?"));
    // n: back to the form, the text kept.
    keys(&mut a, "n");
    assert_eq!(a.mode(), Mode::MetaForm);
    assert_eq!(meta_form(&a).fields[0].text(), "Alex");
    // y: discarded.
    key(&mut a, KeyCode::Esc);
    keys(&mut a, "y");
    assert!(a.overlay.is_none());
    assert!(meta(&a).is_empty());
    assert_eq!(a.mode(), Mode::Gap);
}

#[test]
fn keys_are_text_in_the_form_and_quitting_keeps_what_was_typed() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "i");
    // Mark, summary, export and quit keys are letters here.
    assert!(keys(&mut a, "qmsx?").is_empty());
    assert_eq!(meta_form(&a).fields[0].text(), "qmsx?");
    assert_eq!(a.gap_counts().assessed, 0);
    // Ctrl-C keeps the details, like a note, then asks about the unsaved
    // review as quitting always does.
    let effects = event(&mut a, &press(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(effects.contains(&Effect::SaveReview), "{effects:?}");
    assert_eq!(meta(&a).candidate, "qmsx?");
    // A word that is not a date is left out; the rest is kept, and
    // quitting goes on (Ctrl-C is always a way out).
    let mut a = gap_app(80, 24);
    keys(&mut a, "i");
    keys(&mut a, "Alex");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    keys(&mut a, "2026-11-30 soon");
    let effects = event(&mut a, &press(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(effects.contains(&Effect::SaveReview), "{effects:?}");
    assert_eq!(meta(&a).candidate, "Alex");
    assert_eq!(meta(&a).meetings.len(), 1);
    assert!(a.overlay.is_none());
    assert_eq!(a.prompt, Some(rungs::tui::screens::prompt::Question::Quit));
}

#[test]
fn a_closed_review_shows_its_details_read_only() {
    let mut a = gap_app(80, 24);
    if let Some(r) = a.review.as_mut() {
        r.review.meta.candidate = "Alex Kim".into();
        r.review.closed = Some(rungs::catalog::Date {
            year: 2026,
            month: 12,
            day: 14,
        });
    }
    keys(&mut a, "i");
    assert_eq!(a.mode(), Mode::MetaForm);
    assert!(
        a.status
            .as_deref()
            .unwrap()
            .contains("closed on 2026-12-14")
    );
    assert!(keys(&mut a, "xyz").is_empty());
    assert!(
        a.status.as_deref().unwrap().contains("read-only"),
        "typing says why nothing happens"
    );
    assert_eq!(meta_form(&a).fields[0].text(), "Alex Kim");
    key(&mut a, KeyCode::Tab);
    assert_eq!(meta_form(&a).focus, 1, "moving still works");
    assert!(screen(&a).contains("closed on 2026-12-14, read-only"));
    assert!(key(&mut a, KeyCode::Enter).is_empty(), "nothing to save");
    assert!(a.overlay.is_none());
    assert_eq!(meta(&a).candidate, "Alex Kim");
}

#[test]
fn meta_snapshots() {
    shots("meta_form", |a| {
        filled(a);
        key(a, KeyCode::Tab);
        key(a, KeyCode::Tab);
    });
    shots("meta_form_error", |a| {
        keys(a, "i");
        keys(a, "Alex Kim");
        key(a, KeyCode::Tab);
        key(a, KeyCode::Tab);
        keys(a, "2026-13-01");
        key(a, KeyCode::Enter);
    });
}
