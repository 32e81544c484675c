//! The promotion meeting (issue 11): the note editor, the gap view at
//! 80×24, the symbol table and header, diff modes, undo, the quit prompt and
//! `w`, the presenter layout. Each point has a key-sequence test and
//! snapshots at 120×40 and 80×24, in English and Chinese, and in ASCII.

use crossterm::event::{KeyCode, KeyModifiers};
use rungs::i18n::Lang;
use rungs::review::Mark;
use rungs::tui::action::{Action, Effect};
use rungs::tui::app::App;
use rungs::tui::keys::{Command, Mode};
use rungs::tui::screens::Screen;
use rungs::tui::screens::gap::DiffMode;
use rungs::tui::screens::prompt::Question;
use rungs::tui::symbols::Symbols;
use rungs::tui::theme::Theme;

use crate::support::{
    default_catalog, event, gap_app, key, key_names, keys, press, redraw, screen,
};

fn chord(app: &mut App, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    event(app, &press(code, mods))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    chord(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(app: &mut App, code: KeyCode) -> Vec<Effect> {
    chord(app, code, KeyModifiers::ALT)
}

fn note_of(app: &App) -> String {
    let skill = app.gap_item().unwrap().skill;
    app.assessment(skill)
        .map(|a| a.note.clone())
        .unwrap_or_default()
}

fn editing(app: &App) -> String {
    app.gap.as_ref().unwrap().note.as_ref().unwrap().text()
}

/// Snapshots of one state: English at 120×40 and 80×24, Chinese at both,
/// and ASCII at 80×24.
fn shots(name: &str, setup: impl Fn(&mut App)) {
    for (variant, w, h, lang, ascii) in [
        ("en_120x40", 120, 40, Lang::En, false),
        ("en_80x24", 80, 24, Lang::En, false),
        ("zh_120x40", 120, 40, Lang::Zh, false),
        ("zh_80x24", 80, 24, Lang::Zh, false),
        ("ascii_80x24", 80, 24, Lang::En, true),
    ] {
        let mut a = gap_app(w, h);
        a.lang = lang;
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

// 1. The note editor.

#[test]
fn the_editor_moves_by_character_word_and_line() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "e");
    assert_eq!(a.mode(), Mode::NoteEditor);
    keys(&mut a, "retro doc.");
    key(&mut a, KeyCode::Home);
    keys(&mut a, "Q3 ");
    assert_eq!(
        editing(&a),
        "Q3 retro doc.",
        "typing after Home lands at Home"
    );
    ctrl(&mut a, 'e');
    keys(&mut a, " Led it");
    alt(&mut a, KeyCode::Char('b'));
    alt(&mut a, KeyCode::Char('b'));
    keys(&mut a, "really ");
    assert_eq!(editing(&a), "Q3 retro doc. really Led it");
    alt(&mut a, KeyCode::Char('f'));
    ctrl(&mut a, 'w');
    assert_eq!(editing(&a), "Q3 retro doc. really it");
    chord(&mut a, KeyCode::Left, KeyModifiers::CONTROL);
    ctrl(&mut a, 'k');
    assert_eq!(editing(&a), "Q3 retro doc. ");
    key(&mut a, KeyCode::Left);
    key(&mut a, KeyCode::Delete);
    assert_eq!(editing(&a), "Q3 retro doc.");
    ctrl(&mut a, 'a');
    key(&mut a, KeyCode::Delete);
    ctrl(&mut a, 'u');
    ctrl(&mut a, 'e');
    assert_eq!(editing(&a), "3 retro doc.");
    ctrl(&mut a, 'u');
    assert_eq!(editing(&a), "");
    // m p n u Space are text here, never marks.
    keys(&mut a, "mpnu ");
    assert_eq!(a.gap_counts().assessed, 0);
}

#[test]
fn notes_have_lines_and_pastes_keep_their_breaks() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "e");
    keys(&mut a, "Evidence:");
    alt(&mut a, KeyCode::Enter);
    keys(&mut a, "- model cards");
    ctrl(&mut a, 'j');
    a.update(Action::Paste(
        "projects.\rNot yet\r\nreviewed\nby the lead".into(),
    ));
    assert_eq!(
        editing(&a),
        "Evidence:\n- model cards\nprojects.\nNot yet\nreviewed\nby the lead"
    );
    // Nothing is saved per keystroke: the note is saved when the editor
    // closes.
    assert_eq!(note_of(&a), "");
    let effects = key(&mut a, KeyCode::Enter);
    assert!(effects.contains(&Effect::SaveReview));
    assert_eq!(
        note_of(&a),
        "Evidence:\n- model cards\nprojects.\nNot yet\nreviewed\nby the lead"
    );
    assert_eq!(a.mode(), Mode::Gap);
}

#[test]
fn esc_on_a_changed_note_asks() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "e");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode(), Mode::Gap, "an unchanged note closes at once");
    keys(&mut a, "e");
    keys(&mut a, "a typed paragraph");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.prompt, Some(Question::DiscardNote));
    assert_eq!(a.mode(), Mode::Prompt);
    assert!(screen(&a).contains("Discard changes to the note? y discard · n keep editing"));
    keys(&mut a, "n");
    assert_eq!(editing(&a), "a typed paragraph", "n keeps editing");
    key(&mut a, KeyCode::Esc);
    keys(&mut a, "y");
    assert_eq!(a.mode(), Mode::Gap);
    assert_eq!(note_of(&a), "", "y discards");
}

#[test]
fn the_external_editor_is_asked_for_and_its_text_saved() {
    let mut a = gap_app(80, 24);
    assert_eq!(
        keys(&mut a, "E"),
        vec![Effect::ExternalEditor(String::new())]
    );
    a.update(Action::ExternalEdited(Ok("line one\r\nline two\n".into())));
    assert_eq!(note_of(&a), "line one\nline two");
    keys(&mut a, "e");
    keys(&mut a, " more");
    assert_eq!(
        ctrl(&mut a, 'g'),
        vec![Effect::ExternalEditor("line one\nline two more".into())]
    );
    // The editor failed: the text stays in the note editor.
    a.update(Action::ExternalEdited(Err("vi: exit status: 1".into())));
    assert_eq!(editing(&a), "line one\nline two more");
    assert!(a.status.as_deref().unwrap().contains("exit status: 1"));
}

#[test]
fn the_search_box_is_the_same_editor() {
    let mut a = App::new(default_catalog());
    a.update(Action::Resize(80, 24));
    keys(&mut a, "/");
    keys(&mut a, "learning");
    key(&mut a, KeyCode::Home);
    keys(&mut a, "deep ");
    assert_eq!(a.search.query, "deep learning");
    ctrl(&mut a, 'w');
    alt(&mut a, KeyCode::Char('f'));
    ctrl(&mut a, 'w');
    assert_eq!(a.search.query, "");
}

#[test]
fn editor_snapshots() {
    shots("editor", |a| {
        keys(a, "m");
        keys(a, "e");
        keys(a, "Wrote the model-card template (PR #412).");
        alt(a, KeyCode::Enter);
        a.update(Action::Paste(
            "Adopted by three teams;\r\nthe lead reviews it every quarter with the platform group."
                .into(),
        ));
        key(a, KeyCode::Home);
    });
}

// 2. The gap view at 80×24.

#[test]
fn at_80x24_the_assessment_is_always_on_screen() {
    let mut a = gap_app(80, 24);
    let n = a.gap.as_ref().unwrap().gap.items.len();
    for i in 0..n {
        redraw(&mut a);
        let s = screen(&a);
        assert!(s.contains("Assessment"), "item {i}: {s}");
        assert!(s.contains("not assessed"), "item {i}: {s}");
        assert!(
            s.contains("of 10 · all 0/26"),
            "the header keeps the progress: {s}"
        );
        key(&mut a, KeyCode::Down);
    }
}

#[test]
fn shift_arrows_and_the_wheel_scroll_the_texts_and_arrows_move_in_the_list() {
    let mut a = gap_app(80, 24);
    a.diff_mode = DiffMode::Off;
    redraw(&mut a);
    let cursor = a.gap.as_ref().unwrap().cursor;
    assert!(
        a.frame.gap_text_lines > a.frame.gap_text_height,
        "long texts at 80×24"
    );
    chord(&mut a, KeyCode::Down, KeyModifiers::SHIFT);
    chord(&mut a, KeyCode::Down, KeyModifiers::SHIFT);
    let g = a.gap.as_ref().unwrap();
    assert_eq!(
        (g.text_scroll, g.cursor),
        (2, cursor),
        "Shift-↓ scrolls, stays"
    );
    chord(&mut a, KeyCode::Up, KeyModifiers::SHIFT);
    assert_eq!(a.gap.as_ref().unwrap().text_scroll, 1);
    // The wheel over the item's pane scrolls its texts; over the list it moves.
    a.update(Action::ScrollDown(70, 10));
    assert_eq!(a.gap.as_ref().unwrap().text_scroll, 4);
    a.update(Action::ScrollDown(5, 10));
    assert_eq!(a.gap.as_ref().unwrap().cursor, cursor + 1);
    assert_eq!(
        a.gap.as_ref().unwrap().text_scroll,
        0,
        "a new item starts at its top"
    );
    key(&mut a, KeyCode::Down);
    assert_eq!(a.gap.as_ref().unwrap().cursor, cursor + 2);
}

#[test]
fn slash_filters_by_skill_name_and_esc_clears() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "/");
    assert_eq!(a.mode(), Mode::Filter);
    keys(&mut a, "llm");
    let g = a.gap.as_ref().unwrap();
    let names: Vec<&str> = g
        .shown
        .iter()
        .map(|&i| a.catalog.skills[g.gap.items[i].skill].name.as_str())
        .collect();
    assert!(
        names.contains(&"LLM Evaluation") && names.len() < 26,
        "fuzzy, by skill name: {names:?}"
    );
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        a.mode(),
        Mode::Gap,
        "Enter keeps the filter and gives the keys back"
    );
    keys(&mut a, "m");
    assert_eq!(a.gap_counts().assessed, 1);
    key(&mut a, KeyCode::Down);
    let cursor = a.gap.as_ref().unwrap().cursor;
    assert!(a.gap.as_ref().unwrap().shown.contains(&cursor));
    key(&mut a, KeyCode::Esc);
    assert_eq!(
        a.gap.as_ref().unwrap().shown.len(),
        26,
        "Esc clears the filter"
    );
    assert_eq!(a.screen, Screen::Gap, "and does not leave the view");
}

#[test]
fn layout_snapshots() {
    shots("layout_scrolled", |a| {
        a.diff_mode = DiffMode::Off;
        keys(a, "jjj");
        redraw(a);
        chord(a, KeyCode::Down, KeyModifiers::SHIFT);
        chord(a, KeyCode::Down, KeyModifiers::SHIFT);
    });
    shots("layout_filter", |a| {
        keys(a, "/");
        keys(a, "data");
    });
}

// 3. Symbols, header, legend.

#[test]
fn the_header_leads_with_required_and_the_list_shows_notes() {
    let mut a = gap_app(120, 40);
    keys(&mut a, "mjpjnj");
    // A note without a mark is not "untouched".
    keys(&mut a, "e");
    keys(&mut a, "to discuss");
    key(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(
        s.contains("agreed marks: required ✓1 ~1 ✗1 –7 of 10 · all 3/26"),
        "{s}"
    );
    assert!(
        s.contains("✓ met  ~ partly  ✗ not yet  – not assessed"),
        "legend: {s}"
    );
    let row = s.lines().find(|l| l.contains("● Data Quality")).unwrap();
    assert!(
        row.contains("– ● Data Quality") && row.contains('✎'),
        "{row}"
    );
    assert!(s.lines().any(|l| l.contains("→●")), "becomes required");
    // ASCII.
    a.set_symbols(Symbols::ASCII);
    let s = screen(&a);
    assert!(s.contains("required v1 ~1 x1 -7 of 10 | all 3/26"), "{s}");
    // The help always shows the symbols.
    keys(&mut a, "?");
    let mut help = String::new();
    for _ in 0..6 {
        help.push_str(&screen(&a));
        key(&mut a, KeyCode::PageDown);
    }
    assert!(
        help.contains("v  ~  x  -") && help.contains("not assessed"),
        "{help}"
    );
}

#[test]
fn symbol_snapshots() {
    shots("symbols", |a| {
        keys(a, "mjpjnjj");
        keys(a, "e");
        keys(a, "note only");
        key(a, KeyCode::Enter);
    });
}

// 4. Diff modes.

fn bullets(w: u16, h: u16) -> App {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tui/bullets.toml"
    );
    let catalog = rungs::catalog::load_path(std::path::Path::new(path))
        .unwrap()
        .catalog;
    let mut a = App::new(catalog);
    a.theme = Theme::mono();
    a.update(Action::Resize(w, h));
    keys(&mut a, "g");
    assert_eq!(a.screen, Screen::Gap);
    a
}

#[test]
fn d_cycles_the_diff_modes_and_asks_to_remember_it() {
    let mut a = gap_app(120, 40);
    assert_eq!(a.diff_mode, DiffMode::Inline);
    assert_eq!(keys(&mut a, "d"), vec![Effect::SaveUiState]);
    assert_eq!(a.diff_mode, DiffMode::SideBySide);
    keys(&mut a, "d");
    assert_eq!(a.diff_mode, DiffMode::Off);
    keys(&mut a, "d");
    assert_eq!(a.diff_mode, DiffMode::Inline);
}

#[test]
fn bullet_ladders_diff_by_line_not_interleaved() {
    let mut a = bullets(120, 40);
    let s = screen(&a);
    // Bullet lists show the per-behaviour pairing once, not the line diff
    // too: each bullet's text is on screen once.
    let removed = s
        .lines()
        .position(|l| l.contains("− Mentors junior and middle data scientists"));
    let added = s
        .lines()
        .position(|l| l.contains("+ Sets up mentoring across the data science teams"));
    assert!(removed.is_some() && added.is_some(), "{s}");
    assert!(
        removed < added,
        "the removed bullet whole, then the added one: {s}"
    );
    assert!(
        s.contains("~ Writes clear documentation for models and pipelines"),
        "a reworded bullet is one line with its word diff: {s}"
    );
    assert!(s.contains("+ Owns the quarterly roadmap"), "{s}");
    for bullet in [
        "Mentors junior and middle data scientists",
        "Sets up mentoring across the data science teams",
        "Writes clear documentation for models",
        "Presents results to the team",
        "Owns the quarterly roadmap",
    ] {
        assert_eq!(s.matches(bullet).count(), 1, "{bullet} once: {s}");
    }
    // Removed text is struck at normal intensity, never dim.
    let buf = crate::support::render(&a).backend().buffer().clone();
    let struck: Vec<_> = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::CROSSED_OUT))
        .collect();
    assert!(!struck.is_empty());
    assert!(
        struck
            .iter()
            .all(|c| !c.modifier.contains(ratatui::style::Modifier::DIM))
    );
    // Side by side: now | target on the same rows.
    keys(&mut a, "d");
    let s = screen(&a);
    let row = s
        .lines()
        .find(|l| l.matches("- Writes clear").count() == 2)
        .unwrap_or_else(|| panic!("{s}"));
    assert!(row.contains("│ - Writes clear"), "{row}");
}

#[test]
fn an_intro_above_bullets_gets_a_line_diff_and_the_bullets_their_pairing() {
    let mut a = bullets(120, 40);
    a.diff_mode = DiffMode::Inline;
    // The second item, Delivery: an intro line, then bullets.
    key(&mut a, KeyCode::Down);
    assert_eq!(a.gap.as_ref().unwrap().cursor, 1);
    let s = screen(&a);
    assert!(s.contains("Ships the"), "the intro's line diff: {s}");
    assert!(s.contains("department's projects on time."), "{s}");
    assert!(s.contains("= Plans a quarter of work"), "{s}");
    assert!(s.contains("~ Reports progress to leadership weekly"), "{s}");
    assert_eq!(s.matches("Plans a quarter of work").count(), 1, "{s}");
    // Without bullets (the default catalog) the inline diff stays.
    let mut a = gap_app(120, 40);
    a.diff_mode = DiffMode::Inline;
    redraw(&mut a);
    let s = screen(&a);
    assert!(s.contains("What changes"), "{s}");
    assert!(
        !s.contains("= ") && !s.contains("~ Sets"),
        "no per-behaviour list: {s}"
    );
}

#[test]
fn diff_snapshots() {
    for (variant, w, h) in [("120x40", 120, 40), ("80x24", 80, 24)] {
        for mode in [DiffMode::Off, DiffMode::Inline, DiffMode::SideBySide] {
            let mut a = bullets(w, h);
            a.diff_mode = mode;
            insta::assert_snapshot!(
                format!("diff_bullets_{}_{variant}", mode.name()),
                screen(&a)
            );
        }
        // Inline on the intro-and-bullets item, in English and Chinese.
        for lang in [Lang::En, Lang::Zh] {
            let mut a = bullets(w, h);
            a.set_lang(lang);
            a.diff_mode = DiffMode::Inline;
            key(&mut a, KeyCode::Down);
            insta::assert_snapshot!(
                format!("diff_bullets_intro_{}_{variant}", lang.code()),
                screen(&a)
            );
        }
    }
    shots("diff_side_by_side", |a| {
        a.diff_mode = DiffMode::SideBySide;
        keys(a, "j");
    });
}

// 5. Undo and redo.

#[test]
fn z_undoes_and_capital_z_and_ctrl_r_redo() {
    let mut a = gap_app(80, 24);
    let skill = a.gap_item().unwrap().skill;
    let mark = |a: &App| a.assessment(skill).and_then(|x| x.mark);
    keys(&mut a, "p");
    keys(&mut a, "n");
    assert_eq!(
        a.status.as_deref(),
        Some("Classical Machine Learning: partly → not yet · z undoes")
    );
    assert_eq!(
        keys(&mut a, "z"),
        vec![Effect::SaveReview],
        "an undo is saved"
    );
    assert_eq!(mark(&a), Some(Mark::Partly));
    assert_eq!(
        a.status.as_deref(),
        Some("undone: Classical Machine Learning: not yet → partly · Z redoes")
    );
    keys(&mut a, "j");
    keys(&mut a, "z");
    assert_eq!(mark(&a), None);
    assert_eq!(
        a.gap_item().unwrap().skill,
        skill,
        "the undone item is shown"
    );
    keys(&mut a, "Z");
    assert_eq!(mark(&a), Some(Mark::Partly));
    ctrl(&mut a, 'r');
    assert_eq!(mark(&a), Some(Mark::NotYet));
    ctrl(&mut a, 'r');
    assert_eq!(a.status.as_deref(), Some("Nothing to redo."));
    // Notes undo too.
    keys(&mut a, "e");
    keys(&mut a, "evidence");
    key(&mut a, KeyCode::Enter);
    keys(&mut a, "z");
    assert_eq!(note_of(&a), "");
    // Ctrl-Z is not undo.
    let before = a.undo.len();
    ctrl(&mut a, 'z');
    assert_eq!(a.undo.len(), before);
    assert_eq!(mark(&a), Some(Mark::NotYet));
}

#[test]
fn undo_snapshots() {
    shots("undo", |a| {
        keys(a, "mp");
        keys(a, "z");
    });
}

// 6. Nothing lost.

#[test]
fn quitting_with_unsaved_marks_asks() {
    let mut a = gap_app(80, 24);
    assert_eq!(
        keys(&mut a, "q"),
        vec![Effect::Quit],
        "nothing to lose: quits"
    );
    let mut a = gap_app(80, 24);
    keys(&mut a, "m");
    assert!(keys(&mut a, "q").is_empty());
    assert_eq!(a.prompt, Some(Question::Quit));
    assert!(
        screen(&a).contains("Save this review? y save · n quit without saving · Esc stay"),
        "{}",
        screen(&a)
    );
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.prompt, None, "Esc stays");
    // Ctrl-C goes through the same prompt.
    key_names(&mut a, "C-c");
    assert_eq!(a.prompt, Some(Question::Quit));
    assert_eq!(
        keys(&mut a, "n"),
        vec![Effect::Quit],
        "n quits without saving"
    );
    // At the quit question, quit again (q or Ctrl-C) quits anyway: one
    // mechanism with the failed-save question.
    key(&mut a, KeyCode::Esc);
    key_names(&mut a, "C-c");
    assert_eq!(key_names(&mut a, "C-c"), vec![Effect::Quit]);
    // y without a review file asks where, with a default name.
    let mut a = gap_app(80, 24);
    keys(&mut a, "m");
    keys(&mut a, "qy");
    assert_eq!(a.mode(), Mode::PathPrompt);
    let effects = key(&mut a, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::WriteReview {
            path: "review-data-scientist-senior-lead-2026-11-30.toml".into(),
        }]
    );
    assert!(a.quit_after_save, "the quit goes ahead once written");
    a.review_written("review-data-scientist-senior-lead-2026-11-30.toml");
    assert!(!a.needs_saving());
    assert_eq!(a.update(Action::SaveFinished(None)), vec![Effect::Quit]);
    assert_eq!(
        keys(&mut a, "q"),
        vec![Effect::Quit],
        "saved: quits at once"
    );
}

/// The status line's last row, unquoted.
fn status_row(a: &App) -> String {
    let s = screen(a);
    let last = s.lines().last().unwrap_or_default();
    last.trim_matches('"').to_string()
}

/// At 80 columns the default path is wider than its field: the field shows
/// the end around the cursor with `…` where the start is cut, Home shows
/// the start with `…` at the end; the keys are whole. Narrower, keys that
/// do not fit are left out whole, never cut.
#[test]
fn the_path_field_scrolls_to_the_cursor_and_the_keys_stay_whole() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "mw");
    assert_eq!(a.mode(), Mode::PathPrompt);
    let row = status_row(&a);
    assert!(row.starts_with(" Write the review to: …"), "{row}");
    assert!(row.contains("-lead-2026-11-30.toml"), "{row}");
    assert!(row.ends_with("Enter write · Esc cancel "), "{row}");
    key(&mut a, KeyCode::Home);
    let row = status_row(&a);
    assert!(row.contains(": review-data-scientist-"), "{row}");
    assert!(row.contains("… Enter write · Esc cancel"), "{row}");
    for w in [30u16, 40, 50, 60] {
        let mut a = gap_app(w, 24);
        keys(&mut a, "mw");
        let row = status_row(&a);
        for word in ["write", "cancel"] {
            // Each key is there with its word, or not at all.
            assert_eq!(
                row.contains(&format!(" {word}")),
                row.contains(&format!(
                    "{} {word}",
                    if word == "write" { "Enter" } else { "Esc" }
                )),
                "{w}: {row}"
            );
        }
        assert!(
            !row.contains("Esc c ") && !row.ends_with("Esc"),
            "{w}: {row}"
        );
    }
}

/// A question and its keys wider than the screen: the question is cut with
/// `…`, the keys stay whole ("Esc later", never "Esc la").
#[test]
fn a_long_question_gives_way_to_its_keys() {
    let mut a = gap_app(80, 24);
    let mut earlier = a.review.as_ref().unwrap().review.clone();
    for id in ["sql", "statistics"] {
        earlier.items.insert(
            id.into(),
            rungs::review::Assessment {
                mark: Some(Mark::Met),
                ..Default::default()
            },
        );
    }
    a.offer_restore(earlier);
    redraw(&mut a);
    let row = status_row(&a);
    assert!(row.contains("…"), "{row}");
    assert!(row.trim_end().ends_with("Esc later"), "{row}");
}

#[test]
fn w_writes_with_a_path_prompt() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "m");
    keys(&mut a, "w");
    assert_eq!(a.mode(), Mode::PathPrompt);
    ctrl(&mut a, 'u');
    keys(&mut a, "alex.toml");
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        vec![Effect::WriteReview {
            path: "alex.toml".into(),
        }]
    );
    assert!(!a.quit_after_save);
}

#[test]
fn unsaved_marks_are_offered_back() {
    let mut a = gap_app(80, 24);
    let mut earlier = a.review.as_ref().unwrap().review.clone();
    earlier.items.insert(
        "sql".into(),
        rungs::review::Assessment {
            mark: Some(Mark::Met),
            note: "kept".into(),
            expectation: String::new(),
            ..Default::default()
        },
    );
    a.offer_restore(earlier);
    assert!(screen(&a).contains("Restore 1 unsaved item of "));
    let effects = keys(&mut a, "y");
    assert_eq!(effects, vec![Effect::SaveReview]);
    assert!(a.needs_saving());
    assert_eq!(a.review.as_ref().unwrap().review.items["sql"].note, "kept");
    let mut b = gap_app(80, 24);
    b.offer_restore(a.review.as_ref().unwrap().review.clone());
    assert_eq!(keys(&mut b, "n"), vec![Effect::DropUnsaved]);
}

#[test]
fn a_review_file_round_trips_through_w() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    let mut a = gap_app(80, 24);
    keys(&mut a, "m");
    keys(&mut a, "e");
    keys(&mut a, "one");
    ctrl(&mut a, 'j');
    keys(&mut a, "two");
    key(&mut a, KeyCode::Enter);
    let review = a.review.as_ref().unwrap().review.clone();
    let mut file = rungs::review::ReviewFile::open_or_new(&path, || review.clone()).unwrap();
    file.review = review;
    file.save(&rungs::review::RealFs).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("note = \"\"\"\none\ntwo\"\"\""), "{text}");
}

#[test]
fn prompt_snapshots() {
    shots("quit_prompt", |a| {
        keys(a, "m");
        keys(a, "q");
    });
    shots("path_prompt", |a| {
        keys(a, "m");
        keys(a, "w");
    });
}

// 7. Presenter layout.

#[test]
fn presenter_steps_marks_and_jumps_to_unassessed_required() {
    let mut a = gap_app(80, 24);
    keys(&mut a, "f");
    assert!(a.gap.as_ref().unwrap().presenter);
    keys(&mut a, "m");
    keys(&mut a, "j");
    keys(&mut a, "p");
    assert_eq!(a.gap_counts().assessed, 2, "marks work the same");
    keys(&mut a, "k");
    keys(&mut a, "R");
    let g = a.gap.as_ref().unwrap();
    let item = &g.gap.items[g.cursor];
    assert_eq!(
        item.to.as_ref().unwrap().necessity,
        rungs::catalog::Necessity::Required
    );
    assert!(a.assessment(item.skill).and_then(|x| x.mark).is_none());
    assert_eq!(
        g.cursor, 2,
        "the first required item without a mark after the cursor"
    );
    let s = screen(&a);
    assert!(s.contains("3 / 26"), "{s}");
    key(&mut a, KeyCode::Esc);
    assert!(!a.gap.as_ref().unwrap().presenter);
    assert_eq!(a.screen, Screen::Gap);
    keys(&mut a, "f");
    keys(&mut a, "f");
    assert!(!a.gap.as_ref().unwrap().presenter, "f goes back too");
    // R in the list view too.
    keys(&mut a, "R");
    assert_eq!(a.gap.as_ref().unwrap().cursor, 3);
}

#[test]
fn presenter_snapshots() {
    shots("presenter", |a| {
        keys(a, "m");
        keys(a, "e");
        keys(a, "Wrote the experiment guide.");
        ctrl(a, 'j');
        keys(a, "- adopted by two teams");
        key(a, KeyCode::Enter);
        keys(a, "f");
    });
}

#[test]
fn every_command_of_the_meeting_has_a_key_in_the_help() {
    let b = rungs::tui::keys::Bindings::default();
    for c in [
        Command::Undo,
        Command::Redo,
        Command::WriteReview,
        Command::Filter,
        Command::DiffMode,
        Command::Presenter,
        Command::NextUnassessed,
        Command::OpenEditor,
        Command::NoteInEditor,
        Command::NewLine,
        Command::ScrollTextUp,
    ] {
        let label = b.hint(c);
        assert!(!label.is_empty(), "{c:?}");
        let md = rungs::tui::ui::help::markdown(&rungs::i18n::EN, &b);
        assert!(md.contains(&format!("`{label}`")), "{c:?} {label}");
    }
}

#[test]
fn an_undo_is_saved_with_its_own_history_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    let mut a = gap_app(80, 24);
    let save = |a: &App, file: &mut rungs::review::ReviewFile| {
        file.review = a.review.as_ref().unwrap().review.clone();
        file.save(&rungs::review::RealFs).unwrap();
    };
    let start = a.review.as_ref().unwrap().review.clone();
    let mut file = rungs::review::ReviewFile::open_or_new(&path, || start).unwrap();
    keys(&mut a, "m");
    save(&a, &mut file);
    // The app shows what was saved, as the event loop does.
    a.review.as_mut().unwrap().review = file.review.clone();
    keys(&mut a, "z");
    save(&a, &mut file);
    let back =
        rungs::review::Review::parse("r.toml", &std::fs::read_to_string(&path).unwrap()).unwrap();
    let (_, item) = back
        .items
        .iter()
        .next()
        .expect("the item stays for its history");
    assert_eq!(item.mark, None, "the undo is saved");
    assert_eq!(item.history.len(), 2, "{:?}", item.history);
    assert_eq!(
        item.history[1].change,
        rungs::review::Changed::Mark {
            mark: None,
            was: Some(Mark::Met)
        }
    );
}
