//! The explorer in Chinese: snapshots of the main screen, the help overlay,
//! the skill profile and the gap view at 120×40; pane borders that stay
//! put with two-cell glyphs; and no colour at all with `Theme::mono()`.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use rungs::catalog::Date;
use rungs::i18n::{Lang, ZH};
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::keys::Command;
use rungs::tui::screens::Screen;
use rungs::tui::text;
use rungs::tui::theme::Theme;

use crate::support::{key, keys, render, screen};

fn app_in(lang: Lang, w: u16, h: u16) -> App {
    let mut app = App::new(crate::support::default_catalog());
    // Snapshots are compared as text; NO_COLOR is checked below.
    app.theme = Theme::mono();
    app.set_lang(lang);
    app.today = Date {
        year: 2026,
        month: 11,
        day: 29,
    };
    app.update(Action::Resize(w, h));
    app
}

fn zh(w: u16, h: u16) -> App {
    app_in(Lang::Zh, w, h)
}

/// Deep Learning, the skill of the source page, at `level`.
fn deep_learning(app: &mut App, level: usize) {
    let dl = app.catalog.skill_index("deep-learning").unwrap();
    assert!(app.select_skill_index(dl));
    app.update(Action::LevelJump(level));
}

/// The border columns of every pane sit where the layout put them, on
/// every row: a two-cell glyph measured as one would shift them.
fn assert_borders_intact(buf: &Buffer, app: &App) {
    let areas = app.areas().unwrap();
    for pane in [areas.roles, areas.skills, areas.detail, areas.slider] {
        for y in pane.y..pane.y + pane.height {
            for x in [pane.x, pane.x + pane.width - 1] {
                let sym = buf[(x, y)].symbol();
                assert!(
                    "│┃┌┐└┘┏┓┗┛─━".contains(sym),
                    "border broken at {x},{y}: {sym:?}\n{}",
                    render(app).backend()
                );
            }
        }
    }
}

/// Every cell's colours are the terminal's own.
fn assert_no_colour(app: &App, what: &str) {
    let terminal = render(app);
    let buf = terminal.backend().buffer();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            assert!(
                cell.fg == Color::Reset && cell.bg == Color::Reset,
                "{what}: colour at {x},{y} ({:?}): fg {:?} bg {:?}",
                cell.symbol(),
                cell.fg,
                cell.bg
            );
        }
    }
}

#[test]
fn main_screen() {
    let mut app = zh(120, 40);
    deep_learning(&mut app, 2);
    let terminal = render(&app);
    assert_borders_intact(terminal.backend().buffer(), &app);
    let s = terminal.backend().to_string();
    for word in [
        " 角色 ",
        " 级别 ",
        " 详情 ",
        "角色数",
        "必要要求",
        "晋升到",
        "? 帮助",
    ] {
        assert!(s.contains(word), "{word} missing:\n{s}");
    }
    // Catalog texts are shown as written, names in the reader's language
    // where the catalog has them (levels, roles and domains do).
    assert!(s.contains("Deep Learning") && s.contains("[高级]"), "{s}");
    assert!(!s.contains("Senior") && s.contains("数据科学家"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn help_overlay() {
    let mut app = zh(120, 40);
    app.update(Action::Run(Command::Help));
    let s = screen(&app);
    assert!(s.contains("帮助 · Esc 或 ? 关闭"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn help_key_column_is_aligned_by_display_width() {
    let app = zh(120, 40);
    let lines = rungs::tui::ui::help::lines(&app, 116);
    // Every key row: two spaces, the key padded to one width, two spaces,
    // then the description, which starts in the same column on every row.
    let starts: Vec<usize> = lines
        .iter()
        .filter(|l| l.spans.len() == 4)
        .map(|l| text::width(&l.spans[0].content) + text::width(&l.spans[1].content) + 2)
        .collect();
    assert!(starts.len() > 20);
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{starts:?}");
    // The Chinese key names are among them.
    let s = screen(&{
        let mut a = zh(120, 40);
        a.update(Action::Run(Command::Help));
        // One line down: the mouse rows sit below the fold since `c`
        // (compare) joined the help. The draw tells the app how far the
        // help can scroll.
        crate::support::redraw(&mut a);
        a.update(Action::Run(Command::Down));
        a
    });
    assert!(s.contains(ZH.help_key_click) && s.contains(ZH.help_key_type));
}

#[test]
fn skill_profile() {
    let mut app = zh(120, 40);
    deep_learning(&mut app, 1);
    app.update(Action::Run(Command::Open));
    assert_eq!(app.screen, Screen::Profile);
    let s = screen(&app);
    assert!(s.contains("Deep Learning · 技能档案"), "{s}");
    assert!(
        s.contains("表格展示从 初级 到 首席 的技能深度变化。"),
        "{s}"
    );
    insta::assert_snapshot!("profile", s);
    app.update(Action::Run(Command::Down));
    app.update(Action::Run(Command::Open));
    insta::assert_snapshot!("profile_row_text", screen(&app));
}

#[test]
fn profile_columns_line_up_with_their_headings() {
    let mut app = zh(120, 40);
    deep_learning(&mut app, 0);
    app.update(Action::Run(Command::Open));
    let terminal = render(&app);
    let buf = terminal.backend().buffer();
    let find = |sym: &str| {
        (0..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .find(|&(x, y)| buf[(x, y)].symbol() == sym)
            .unwrap()
    };
    // Cells, not characters: a Chinese heading takes two cells a glyph.
    let (description, y) = find("描");
    let necessity = (0..buf.area.width)
        .find(|&x| buf[(x, y)].symbol() == "必")
        .unwrap();
    let row = y + 1;
    let text_of = |from: u16, n: u16| -> String {
        (from..from + n).map(|x| buf[(x, row)].symbol()).collect()
    };
    assert_eq!(
        text_of(description, 5),
        "Works",
        "the first row's text starts under 描述"
    );
    assert_eq!(text_of(necessity, 1), "○", "the marker starts under 必要性");
    assert_eq!(text_of(necessity + 2, 1), "可", "then the word");
}

#[test]
fn gap_view() {
    let mut app = zh(120, 40);
    keys(&mut app, "3g");
    assert_eq!(app.screen, Screen::Gap);
    keys(&mut app, "m");
    keys(&mut app, "e");
    keys(&mut app, "led the DDP migration");
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("晋升差距 · 数据科学家 · 高级 → 主管"), "{s}");
    assert!(s.contains("全部 1/"), "{s}");
    assert!(
        s.contains("✓ 达到") && s.contains("备注：led the DDP migration"),
        "{s}"
    );
    insta::assert_snapshot!(s);
    keys(&mut app, "j");
    let s = screen(&app);
    assert!(s.contains("– 未评估"), "{s}");
    insta::assert_snapshot!("gap_view_next_item", s);
    app.update(Action::Resize(60, 20));
    screen(&app);
}

#[test]
fn gap_at_the_top_level_says_so_in_chinese() {
    let mut app = zh(120, 40);
    keys(&mut app, "5g");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("最高级别"), "{status}");
    // The gap view is not opened from the top level (as `rungs gap`
    // refuses it); the status line says why.
    assert!(app.gap.is_none());
    let s = screen(&app);
    assert!(s.contains(&status), "{s}");
}

#[test]
fn borders_stay_intact_at_many_sizes_and_states() {
    let mut app = zh(120, 40);
    for (w, h) in [(120, 40), (100, 30), (80, 24), (57, 20), (41, 14), (40, 12)] {
        app.update(Action::Resize(w, h));
        for level in 0..5 {
            app.update(Action::LevelJump(level));
            for _ in 0..3 {
                let t = render(&app);
                assert_borders_intact(t.backend().buffer(), &app);
                app.update(Action::Run(Command::FocusNext));
            }
            app.update(Action::Run(Command::Down));
        }
    }
}

#[test]
fn every_small_size_renders_without_panic() {
    for w in 0..=45u16 {
        for h in 0..=13u16 {
            let mut app = zh(w, h);
            render(&app);
            app.update(Action::Run(Command::Help));
            render(&app);
        }
    }
    let s = screen(&zh(50, 10));
    assert!(s.contains("终端窗口太小：需要 40×12，当前 50×10"), "{s}");
}

#[test]
fn mono_theme_has_no_colour_anywhere() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = app_in(lang, 120, 40);
        deep_learning(&mut app, 2);
        assert_no_colour(&app, "main screen");
        app.update(Action::Run(Command::FocusNext));
        assert_no_colour(&app, "detail focused");
        app.update(Action::Run(Command::Help));
        assert_no_colour(&app, "help");
        app.update(Action::Run(Command::Help));
        app.update(Action::Run(Command::Open));
        assert_no_colour(&app, "profile");
        app.update(Action::Run(Command::Open));
        assert_no_colour(&app, "profile row text");
        app.update(Action::Run(Command::Back));
        app.update(Action::Run(Command::Back));
        app.update(Action::Run(Command::Search));
        assert_no_colour(&app, "search");
        app.update(Action::Run(Command::Back));
        keys(&mut app, "g");
        keys(&mut app, "m");
        assert_no_colour(&app, "gap view");
        app.update(Action::Resize(30, 8));
        assert_no_colour(&app, "too small");
    }
}

#[test]
fn the_colour_theme_does_use_colour() {
    // The check above would pass vacuously if nothing ever had colour.
    let mut app = app_in(Lang::Zh, 120, 40);
    app.theme = Theme::color();
    deep_learning(&mut app, 2);
    let terminal = render(&app);
    let buf = terminal.backend().buffer();
    let coloured = buf.content.iter().any(|c| c.fg != Color::Reset);
    assert!(coloured);
}
