//! The review details form (`i` in the gap view): the review's `[meta]`,
//! who is assessed (candidate), by whom (assessors, separated by commas),
//! when (meeting dates `YYYY-MM-DD`, separated by commas) and what was
//! decided (outcome, summary).
//!
//! `Tab`/`Shift-Tab` or `↑`/`↓` move between the fields (in the summary,
//! `↑`/`↓` move between its lines first), `Enter` saves through the same
//! save as a mark ([`Effect::SaveReview`]: merged under the review's lock,
//! or kept in the state file without a review file), `Esc` leaves, asking
//! first when something changed. Meeting dates are checked on `Enter`; a
//! date that is not one keeps the form open and says what would be valid.
//! A closed review's details are shown, not edited.

use super::Overlay;
use super::gap::edit_of;
use super::prompt::Question;
use crate::catalog::Date;
use crate::i18n::{Strings, fill};
use crate::review::Meta;
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::editor::Editor;
use crate::tui::keys::Command;

/// The fields of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Candidate,
    Assessors,
    Meetings,
    Outcome,
    Summary,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Candidate,
        Field::Assessors,
        Field::Meetings,
        Field::Outcome,
        Field::Summary,
    ];

    /// The field's label.
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            Field::Candidate => t.meta_candidate,
            Field::Assessors => t.meta_assessors,
            Field::Meetings => t.meta_meetings,
            Field::Outcome => t.meta_outcome,
            Field::Summary => t.meta_summary,
        }
    }

    /// What the field takes, shown under the form while it has the cursor.
    pub fn hint(self, t: &Strings) -> &'static str {
        match self {
            Field::Candidate => t.meta_hint_candidate,
            Field::Assessors => t.meta_hint_assessors,
            Field::Meetings => t.meta_hint_meetings,
            Field::Outcome => t.meta_hint_outcome,
            Field::Summary => t.meta_hint_summary,
        }
    }
}

/// The form's state: one editor per field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaForm {
    /// In the order of [`Field::ALL`].
    pub fields: [Editor; 5],
    /// The field with the cursor, as a position in [`Field::ALL`].
    pub focus: usize,
    /// Why the last `Enter` could not save.
    pub error: Option<String>,
    /// The review is closed: the details are shown, not edited.
    pub read_only: bool,
}

impl MetaForm {
    /// The form over `meta`, the cursor in the first field.
    pub fn new(meta: &Meta, read_only: bool) -> MetaForm {
        let dates: Vec<String> = meta.meetings.iter().map(ToString::to_string).collect();
        MetaForm {
            fields: [
                Editor::line(&meta.candidate),
                Editor::line(&meta.assessors.join(", ")),
                Editor::line(&dates.join(", ")),
                Editor::line(&meta.outcome),
                Editor::note(&meta.summary),
            ],
            focus: 0,
            error: None,
            read_only,
        }
    }

    pub fn field(&self) -> Field {
        Field::ALL[self.focus.min(Field::ALL.len() - 1)]
    }

    /// True when any field differs from what the form started with.
    pub fn is_changed(&self) -> bool {
        self.fields.iter().any(Editor::is_changed)
    }

    /// The details the form holds, or why they are not valid (a meeting
    /// date that is not one).
    pub fn meta(&self, t: &Strings) -> Result<Meta, String> {
        let (meetings, bad) = parse_dates(&self.fields[Field::Meetings as usize].text());
        match bad {
            Some(word) => Err(fill(t.meta_bad_date, &[("value", &word)])),
            None => Ok(self.meta_with(meetings)),
        }
    }

    /// The details the form holds, leaving out meeting dates that are not
    /// dates: what quitting keeps.
    pub fn meta_lenient(&self) -> Meta {
        self.meta_with(parse_dates(&self.fields[Field::Meetings as usize].text()).0)
    }

    fn meta_with(&self, meetings: Vec<Date>) -> Meta {
        let text = |f: Field| self.fields[f as usize].text();
        Meta {
            candidate: text(Field::Candidate).trim().to_string(),
            assessors: names(&text(Field::Assessors)),
            meetings,
            outcome: text(Field::Outcome).trim().to_string(),
            summary: super::gap::tidy_note(&text(Field::Summary)),
        }
    }

    /// Moves the cursor to another field, `delta` away, stopping at the
    /// first and the last.
    fn step(&mut self, delta: isize) {
        self.focus = super::offset(self.focus, delta, Field::ALL.len() - 1);
    }
}

/// Names separated by commas (`,`, `，` or `、`), trimmed, each once.
pub fn names(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in text.split([',', '，', '、']).map(str::trim) {
        if !name.is_empty() && !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    }
    out
}

/// Dates `YYYY-MM-DD` separated by commas (or spaces), in the order
/// written, each once; the first that is not a date of the calendar is
/// named in the error.
pub fn dates(t: &Strings, text: &str) -> Result<Vec<Date>, String> {
    match parse_dates(text) {
        (_, Some(word)) => Err(fill(t.meta_bad_date, &[("value", &word)])),
        (dates, None) => Ok(dates),
    }
}

/// The dates of `text`, each once, and the first word that is not one.
fn parse_dates(text: &str) -> (Vec<Date>, Option<String>) {
    let mut out: Vec<Date> = Vec::new();
    let mut bad = None;
    for word in text
        .split(|c: char| c == ',' || c == '，' || c == '、' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        match date(word) {
            Some(d) if !out.contains(&d) => out.push(d),
            Some(_) => {}
            None => {
                bad.get_or_insert_with(|| word.to_string());
            }
        }
    }
    (out, bad)
}

/// One date `YYYY-MM-DD` that the calendar has (no 2026-02-30).
fn date(word: &str) -> Option<Date> {
    let mut parts = word.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(Date { year, month, day })
}

impl App {
    /// `i`: opens the review's details; read-only (and the status line
    /// says so) when the review is closed.
    pub(crate) fn open_meta(&mut self) {
        let Some(r) = self.review.as_ref() else {
            return;
        };
        let closed = r.review.closed;
        self.overlay = Some(Overlay::Meta(Box::new(MetaForm::new(
            &r.review.meta,
            closed.is_some(),
        ))));
        if let Some(day) = closed {
            self.status = Some(fill(
                self.t().status_review_closed,
                &[("date", &day.to_string())],
            ));
        }
    }

    pub(crate) fn update_meta(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let t = self.t();
        let Some(Overlay::Meta(form)) = self.overlay.as_mut() else {
            return;
        };
        let form = form.as_mut();
        let in_summary = form.field() == Field::Summary;
        let summary = &form.fields[Field::Summary as usize];
        let (line, _) = summary.cursor();
        let lines = summary.text().split('\n').count();
        match action {
            Action::Run(Command::FieldNext) => form.step(1),
            Action::Run(Command::FieldPrev) => form.step(-1),
            // ↑ and ↓ move between the summary's lines, then leave it.
            Action::Run(Command::LineUp) if !in_summary || line == 0 => form.step(-1),
            Action::Run(Command::LineDown) if !in_summary || line + 1 >= lines => form.step(1),
            Action::Run(Command::Cancel | Command::Back) => {
                if form.is_changed() && !form.read_only {
                    self.prompt = Some(Question::DiscardMeta);
                } else {
                    self.overlay = None;
                }
            }
            Action::Run(Command::Accept) if form.read_only => self.overlay = None,
            Action::Run(Command::Accept) => {
                self.save_meta(effects);
            }
            _ if form.read_only => {
                if let Some(day) = self.review.as_ref().and_then(|r| r.review.closed) {
                    self.status = Some(fill(t.status_review_closed, &[("date", &day.to_string())]));
                }
            }
            Action::Type(c) => {
                form.fields[form.focus].type_char(c);
                form.error = None;
            }
            Action::Paste(text) => {
                form.fields[form.focus].paste(&text);
                form.error = None;
            }
            other => {
                if let Some(edit) = edit_of(&other) {
                    form.fields[form.focus].apply(edit);
                    form.error = None;
                }
            }
        }
    }

    /// Quitting with the form open: what it holds is kept (meeting dates
    /// that are not dates left out), like a note being edited.
    pub(crate) fn keep_meta(&mut self, effects: &mut Vec<Effect>) {
        let Some(Overlay::Meta(form)) = self.overlay.take() else {
            return;
        };
        if form.read_only || !form.is_changed() {
            return;
        }
        let meta = form.meta_lenient();
        if let Some(r) = self.review.as_mut()
            && r.review.closed.is_none()
            && r.review.meta != meta
        {
            r.review.meta = meta;
            self.unwritten = true;
            effects.push(Effect::SaveReview);
        }
    }

    /// Saves what the form holds into the review (and asks for the save)
    /// and closes it; when a meeting date is not valid, keeps it open on
    /// that field with the reason. True when it closed.
    pub(crate) fn save_meta(&mut self, effects: &mut Vec<Effect>) -> bool {
        let t = self.t();
        let Some(Overlay::Meta(form)) = self.overlay.as_mut() else {
            return true;
        };
        let meta = match form.meta(t) {
            Ok(meta) => meta,
            Err(why) => {
                form.error = Some(why);
                form.focus = Field::Meetings as usize;
                return false;
            }
        };
        self.overlay = None;
        if let Some(r) = self.review.as_mut()
            && r.review.closed.is_none()
            && r.review.meta != meta
        {
            r.review.meta = meta;
            self.unwritten = true;
            self.status = Some(t.status_meta_saved.to_string());
            effects.push(Effect::SaveReview);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    #[test]
    fn names_are_split_trimmed_and_kept_once() {
        assert_eq!(names(" Sam Lee, Priya ,,Sam Lee"), ["Sam Lee", "Priya"]);
        assert_eq!(names("李雷，韩梅梅、Sam"), ["李雷", "韩梅梅", "Sam"]);
        assert!(names(" , ").is_empty());
    }

    #[test]
    fn meeting_dates_are_checked_against_the_calendar() {
        let d = |y, m, day| Date {
            year: y,
            month: m,
            day,
        };
        assert_eq!(
            dates(&EN, "2026-11-30, 2026-12-14 2026-11-30"),
            Ok(vec![d(2026, 11, 30), d(2026, 12, 14)])
        );
        assert_eq!(dates(&EN, "  "), Ok(vec![]));
        assert_eq!(dates(&EN, "2028-02-29"), Ok(vec![d(2028, 2, 29)]));
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-11-30",
            "2026-1-5",
            "tomorrow",
            "2026-11-30-1",
        ] {
            let err = dates(&EN, &format!("2026-11-30, {bad}")).unwrap_err();
            assert!(
                err.contains(&format!("`{bad}`")) && err.contains("YYYY-MM-DD"),
                "{err}"
            );
        }
    }

    #[test]
    fn the_form_round_trips_the_details() {
        let meta = Meta {
            candidate: "Alex Kim".into(),
            assessors: vec!["Sam Lee".into(), "Priya".into()],
            meetings: vec![Date {
                year: 2026,
                month: 11,
                day: 30,
            }],
            outcome: "promote".into(),
            summary: "Strong on modelling.\nMentoring partly.".into(),
        };
        let form = MetaForm::new(&meta, false);
        assert!(!form.is_changed());
        assert_eq!(form.meta(&EN), Ok(meta));
    }
}
