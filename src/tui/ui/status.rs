//! The status line: the keys that matter for what has focus now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::{App, Focus};
use crate::tui::keys::{Command, Join, Mode};
use crate::tui::screens::Screen;
use crate::tui::screens::prompt::Question;
use crate::tui::text;

/// Key hints for the current mode and focus: which commands' keys, joined
/// how, and what they do. The keys come from the bindings when drawn.
pub fn hints(app: &App) -> Vec<(&'static [Command], Join, &'static str)> {
    let mut hints = mode_hints(app);
    // On a cumulative skill, the union key, before the focus and help keys
    // (which every screen's status line ends with).
    if union_applies(app) {
        let t = app.t();
        let what = if app.union {
            t.hint_union_hide
        } else {
            t.hint_union_show
        };
        let at = match app.mode() {
            Mode::Gap => hints.len(),
            _ => hints
                .iter()
                .position(|(c, ..)| {
                    matches!(
                        c.first(),
                        Some(Command::FocusNext | Command::Back | Command::Help)
                    )
                })
                .unwrap_or(hints.len()),
        };
        hints.insert(at, (&[Command::Union], Join::Tight, what));
    }
    hints
}

/// True when the union key changes what the screen shows: a cumulative
/// skill is selected in the detail pane, the profile or the gap view.
fn union_applies(app: &App) -> bool {
    match (app.mode(), app.screen) {
        (Mode::Gap, Screen::Gap) => app.gap.as_ref().is_some_and(|g| {
            g.gap
                .items
                .get(g.cursor)
                .is_some_and(|i| i.cumulative && i.from.is_some())
        }),
        (Mode::Browse, Screen::Browse | Screen::Profile) => app
            .selected_skill()
            .is_some_and(|(_, s)| app.catalog.is_cumulative(s) && app.level > 0),
        _ => false,
    }
}

fn mode_hints(app: &App) -> Vec<(&'static [Command], Join, &'static str)> {
    use Command::*;
    let t = app.t();
    match (app.mode(), app.screen, app.focus) {
        (Mode::Prompt | Mode::PathPrompt, ..) => app.prompt.as_ref().map_or_else(Vec::new, |q| {
            q.choices(t)
                .into_iter()
                .map(|(commands, what)| (commands, Join::Tight, what))
                .collect()
        }),
        (Mode::NoteEditor, ..) => vec![
            (&[Accept], Join::Tight, t.hint_save_note),
            (&[NewLine], Join::Tight, t.hint_newline),
            (&[NoteInEditor], Join::Tight, t.hint_editor),
            (&[Cancel], Join::Tight, t.hint_cancel),
        ],
        (Mode::Filter, ..) => vec![
            (&[Accept], Join::Tight, t.hint_keep),
            (&[Cancel], Join::Tight, t.hint_clear),
        ],
        (Mode::MetaForm, ..) => vec![
            (&[FieldNext, FieldPrev], Join::Slash, t.hint_field),
            (&[Accept], Join::Tight, t.hint_save),
            (&[NewLine], Join::Tight, t.hint_newline),
            (&[Cancel], Join::Tight, t.hint_cancel),
        ],
        (Mode::Summary, ..) => vec![
            (&[Up, Down], Join::Tight, t.hint_scroll),
            (&[Back, Summary], Join::Slash, t.hint_close),
            (&[Help], Join::Tight, t.hint_help),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
        (Mode::Picker, ..) => vec![
            (&[ResultPrev, ResultNext], Join::Tight, t.hint_choose),
            (&[Accept], Join::Tight, t.hint_export),
            (&[Cancel], Join::Tight, t.hint_cancel),
        ],
        (Mode::Gap, ..) => vec![
            (&[Up, Down], Join::Tight, t.hint_item),
            (
                &[MarkMet, MarkPartly, MarkNotYet],
                Join::Slash,
                t.hint_marks,
            ),
            (&[EditNote], Join::Tight, t.hint_note),
            (&[Undo], Join::Tight, t.hint_undo),
            (&[NextUnassessed], Join::Tight, t.hint_next_unassessed),
            (&[WriteReview], Join::Tight, t.hint_write),
            (&[Back], Join::Tight, t.hint_back),
            (&[Filter], Join::Tight, t.hint_filter),
            (&[DiffMode], Join::Tight, t.hint_diff),
            (&[Presenter], Join::Tight, t.hint_present),
            (&[Export], Join::Tight, t.hint_export),
            (&[Summary], Join::Tight, t.hint_summary),
            (&[ReviewDetails], Join::Tight, t.hint_details),
            (&[Help], Join::Tight, t.hint_help),
            (&[MarkCycle], Join::Tight, t.hint_cycle),
            (&[MarkClear], Join::Tight, t.hint_clear),
            (&[TargetPrev, TargetNext], Join::Space, t.hint_target),
            (&[LevelPrev, LevelNext], Join::Tight, t.hint_from),
            (&[CycleAssessor], Join::Tight, t.hint_assessor),
            (&[Agree], Join::Tight, t.hint_agree),
            (&[NextDisagreement], Join::Tight, t.hint_disagree),
            (&[Behaviours], Join::Tight, t.hint_behaviours),
        ],
        (Mode::SearchBox, ..) => vec![
            (&[ResultPrev, ResultNext], Join::Tight, t.hint_choose),
            (&[Accept], Join::Tight, t.hint_go),
            (&[SearchScope], Join::Tight, t.hint_scope),
            (&[SearchCells], Join::Tight, t.hint_cells),
            (&[ClearQuery], Join::Tight, t.hint_clear),
            (&[Cancel], Join::Tight, t.hint_back),
        ],
        (Mode::Help, ..) => vec![
            (&[Up, Down], Join::Tight, t.hint_scroll),
            (&[Back, Help], Join::Slash, t.hint_close),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
        (Mode::Browse, Screen::Profile, _) if app.profile.expanded => vec![
            (&[Back, Open], Join::Slash, t.hint_close_text),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
        (Mode::Browse, Screen::Compare, _) if app.compare.other.is_none() => vec![
            (&[Up, Down], Join::Tight, t.hint_role),
            (&[Open], Join::Tight, t.hint_compare),
            (&[Back], Join::Tight, t.hint_back),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
        (Mode::Browse, Screen::Compare, _) => vec![
            (&[Up, Down], Join::Tight, t.hint_scroll),
            (&[LevelPrev, LevelNext], Join::Tight, t.hint_level),
            (&[Back], Join::Tight, t.hint_back),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
        (Mode::Browse, Screen::Profile, _) => vec![
            (&[Up, Down], Join::Tight, t.hint_row),
            (&[LevelPrev, LevelNext], Join::Tight, t.hint_level),
            (&[Open], Join::Tight, t.hint_whole_text),
            (&[Back], Join::Tight, t.hint_back),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
        (Mode::Browse, _, Focus::Roles) => vec![
            (&[Up, Down], Join::Tight, t.hint_role),
            (&[LevelPrev, LevelNext], Join::Tight, t.hint_level),
            (&[Open], Join::Tight, t.hint_skills),
            (&[FocusNext], Join::Tight, t.hint_focus),
            (&[Help], Join::Tight, t.hint_help),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
        (Mode::Browse, _, Focus::Skills) => vec![
            (&[Up, Down], Join::Tight, t.hint_skill),
            (&[LevelPrev, LevelNext], Join::Tight, t.hint_level),
            (&[Open], Join::Tight, t.hint_profile),
            (&[Search], Join::Tight, t.hint_search),
            (&[Gap], Join::Tight, t.hint_gap),
            (&[FocusNext], Join::Tight, t.hint_focus),
            (&[Help], Join::Tight, t.hint_help),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
        (Mode::Browse, _, Focus::Detail) => vec![
            (&[Up, Down], Join::Tight, t.hint_scroll),
            (&[PageUp, PageDown], Join::Slash, t.hint_page),
            (&[LevelPrev, LevelNext], Join::Tight, t.hint_level),
            (&[Open], Join::Tight, t.hint_profile),
            (&[FocusNext], Join::Tight, t.hint_focus),
            (&[Help], Join::Tight, t.hint_help),
            (&[Quit], Join::Tight, t.hint_quit),
        ],
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // A question shows above any message: it holds the keys.
    if let Some(question) = &app.prompt {
        render_question(app, question, area, buf);
        return;
    }
    if let Some(message) = &app.status {
        let line = app
            .symbols
            .truncate(&format!(" {message}"), usize::from(area.width));
        Line::from(Span::styled(line, app.theme.warning)).render(area, buf);
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    let width = usize::from(area.width);
    for (commands, join, what) in hints(app) {
        let key = app.bindings.label(commands, join);
        if key.is_empty() {
            // Unbound by the config: nothing to press.
            continue;
        }
        let piece = text::width(&key) + text::width(what) + 3;
        if used + piece > width {
            break;
        }
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, app.theme.key));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(what, app.theme.dim));
        spans.push(Span::raw(" "));
        used += piece;
    }
    Line::from(spans).render(area, buf);
}

/// Fewest cells the path field gets on the status line.
const FIELD_MIN: usize = 16;

/// A question on the status line: the question (cut with an ellipsis when
/// it must be), then the path field for [`Question::SavePath`], then the
/// answering keys. Keys are shown whole or not at all, never cut to
/// "Esc la": the question gives way first, down to a few cells.
fn render_question(app: &App, question: &Question, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let title = format!(" {} ", question.title(app.t()));
    let answers: Vec<String> = hints(app)
        .into_iter()
        .filter_map(|(commands, join, what)| {
            let key = app.bindings.label(commands, join);
            (!key.is_empty()).then(|| format!("{key} {what}"))
        })
        .collect();
    // The path field, and the spaces around the keys that follow it.
    let (field, gap) = match question {
        Question::SavePath { .. } => (FIELD_MIN, 2),
        _ => (0, 0),
    };
    // The keys get what is left beside the field and the shortest question.
    let room = width.saturating_sub(field + text::width(&title).min(12) + gap);
    let sep = format!(" {} ", app.symbols.dot);
    let mut keys = String::new();
    for answer in &answers {
        let more = if keys.is_empty() {
            answer.clone()
        } else {
            format!("{keys}{sep}{answer}")
        };
        if text::width(&more) > room {
            break;
        }
        keys = more;
    }
    let keys_w = if keys.is_empty() {
        0
    } else {
        text::width(&keys) + gap
    };
    let title = app
        .symbols
        .truncate(&title, width.saturating_sub(keys_w + field));
    let title_w = u16::try_from(text::width(&title)).unwrap_or(area.width);
    Line::from(Span::styled(title, app.theme.alert())).render(area, buf);
    let mut x = area.x.saturating_add(title_w).min(area.right());
    if let Question::SavePath { input, .. } = question {
        // The path is typed between the question and its keys, in all the
        // room they leave.
        let keys_w = u16::try_from(keys_w).unwrap_or(area.width);
        let w = area.right().saturating_sub(x).saturating_sub(keys_w);
        let field = Rect::new(x, area.y, w, 1);
        input.render_line(field, buf, app.symbols.ellipsis, app.theme.dim);
        x = field.right().saturating_add(1);
    }
    if !keys.is_empty() && x < area.right() {
        buf.set_stringn(
            x,
            area.y,
            &keys,
            usize::from(area.right() - x),
            app.theme.key,
        );
    }
}
