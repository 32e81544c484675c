//! The language of the interface: which table of UI text to use.
//!
//! Catalog texts are shown as written, except that names (and skill
//! summaries) come in the reader's language when the catalog has them
//! (`Catalog::localize` with [`Lang::code`]); everything rungs itself says comes from one table per language,
//! [`EN`] and [`ZH`], both of type [`Strings`]. Texts that carry values are
//! templates with named placeholders (`"{role} at {level}"`), filled by
//! [`fill`]. A placeholder named after a key command (`{back}`, `{help}`,
//! `{edit_note.2}` for its second key) is filled by the TUI with the key
//! bound to it, so texts that name keys follow the user's bindings. The
//! Chinese wording follows the source page the product grew
//! from (角色, 必要性, 描述, 技能档案, 角色数, 级别数, 必要要求, …).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::catalog::Necessity;
use crate::review::Mark;

mod en;
mod zh;

pub use en::EN;
pub use zh::ZH;

/// A language rungs speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Strings {
    /// The line of a skill's counts: how many roles include it, levels,
    /// required and optional cells ("1 role includes it" when one does).
    pub fn skill_counts_text(&self, c: &crate::catalog::SkillCounts) -> String {
        let template = if c.roles == 1 {
            self.skill_counts_one_role
        } else {
            self.skill_counts
        };
        fill(
            template,
            &[
                ("roles", &c.roles.to_string()),
                ("levels", &c.levels.to_string()),
                ("required", &c.required.to_string()),
                ("optional", &c.optional.to_string()),
            ],
        )
    }
}

impl Lang {
    /// Parses `en` or `zh` (any case).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language the environment asks for: Chinese when `LC_ALL` (or,
    /// when unset, `LANG`) starts with `zh`.
    pub fn from_env() -> Lang {
        let pick = std::env::var("LC_ALL")
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| std::env::var("LANG").ok());
        match pick {
            Some(v) if v.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The language code catalogs use for it in `names = { zh = … }`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The table of UI text for this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// The table with every symbol in ASCII ([`ascii_symbols`]), for
    /// `--ascii`. Made once per language and kept for the process, so the
    /// texts stay `&'static` like the Unicode tables.
    pub fn ascii_strings(self) -> &'static Strings {
        static EN_ASCII: OnceLock<Strings> = OnceLock::new();
        static ZH_ASCII: OnceLock<Strings> = OnceLock::new();
        let cell = match self {
            Lang::En => &EN_ASCII,
            Lang::Zh => &ZH_ASCII,
        };
        cell.get_or_init(|| {
            self.strings().map(|s| match ascii_symbols(s) {
                Cow::Borrowed(same) => same,
                // Once per text and language: the table lives as long as
                // the process, like EN and ZH.
                Cow::Owned(changed) => Box::leak(changed.into_boxed_str()),
            })
        })
    }
}

/// ASCII for every symbol rungs writes in its own texts, for terminals
/// that draw ambiguous-width characters wide (`--ascii`): separators,
/// arrows, ellipses, dashes, marks and box lines. Letters (Chinese
/// included) stay as they are. One table, so texts, key names and drawn
/// symbols agree: `→` is `->`, `…` is `...`, `·` is `|`.
pub fn ascii_symbols(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match ascii_symbol(c) {
            Some(a) => out.push_str(a),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The ASCII for one symbol, or `None` for a character that is not one.
pub fn ascii_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '·' | '│' | '┃' => "|",
        '…' => "...",
        '→' => "->",
        '←' => "<-",
        '↑' => "Up",
        '↓' => "Down",
        '—' | '–' | '−' | '─' | '━' => "-",
        '×' => "x",
        '●' => "*",
        '○' => "o",
        '✓' => "v",
        '✗' => "x",
        '✎' => "#",
        '⚠' => "!",
        '▶' | '▸' | '›' => ">",
        '‹' => "<",
        '“' | '”' | '「' | '」' => "\"",
        '‘' | '’' => "'",
        _ => return None,
    })
}

/// Fills the named placeholders of `template` (`{name}`) with `args`, in
/// one pass: a value is never searched for placeholders itself, so catalog
/// text containing braces comes out as written. A placeholder without a
/// value, and a brace that opens none, are kept literally.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names a template uses (`{name}`: ASCII letters, digits
/// and `_`), in order of first use.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                let valid =
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if valid {
                    if !out.contains(&name) {
                        out.push(name);
                    }
                    rest = &after[close + 1..];
                } else {
                    rest = after;
                }
            }
            None => break,
        }
    }
    out
}

/// Declares [`Strings`] with one `&'static str` field per piece of text,
/// and [`Strings::all`] listing them by name, so tests can compare the
/// languages field by field.
macro_rules! strings {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// Every piece of UI text, in one language. Templates name their
        /// placeholders in braces; see [`fill`].
        #[derive(Debug)]
        pub struct Strings {
            $($(#[doc = $doc])* pub $name: &'static str,)*
        }

        impl Strings {
    /// An assessor's name as shown: `self`, `manager` and `agreed` in this
    /// language, any other name as written.
    pub fn assessor<'a>(&self, who: &'a str) -> &'a str
    where
        'static: 'a,
    {
        match who {
            "self" => self.assessor_self,
            "manager" => self.assessor_manager,
            "agreed" => self.assessor_agreed,
            other => other,
        }
    }

            /// Every field as `(name, text)`, in declaration order.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }

            /// The same table with `f` applied to every text.
            fn map(&self, f: impl Fn(&'static str) -> &'static str) -> Strings {
                Strings { $($name: f(self.$name),)* }
            }
        }
    };
}

strings! {
    /// Header: `{title}` is the catalog's title.
    header_title,
    /// Header, right-aligned.
    header_hint,
    /// Too-small message, longest first; `{need}` and `{now}` are `W×H`.
    too_small_long,
    too_small_medium,
    too_small_short,
    too_small_tiny,

    /// Necessity words.
    necessity_required,
    necessity_optional,
    /// No expectation at a level.
    necessity_none,

    /// Level slider border title.
    slider_title,
    /// Roles pane border title.
    roles_title,
    /// Skills pane title: `{role}`, `{level}`, `{required}`, `{optional}`.
    skills_title_long,
    skills_title_short,
    skills_empty,

    /// Detail pane.
    detail_title,
    detail_no_skill,
    /// In place of a skill's expectations while the catalog's texts load.
    detail_loading_texts,
    /// The same once the load of the texts failed (the banner says why).
    detail_texts_failed,
    /// After the domain: `{date}`.
    updated,
    /// `{roles}`, `{levels}`, `{required}`, `{optional}`.
    skill_counts,
    /// The same for a skill that one role includes.
    skill_counts_one_role,
    role_at_level,
    nothing_expected_of,
    to_reach,
    new_at_not_before,
    becomes_required_at,
    top_level,
    top_level_no_next,
    how_it_grows,
    other_roles_at,
    nothing_expected_at,

    /// Full skill profile.
    profile_title,
    profile_counts,
    /// `{first}` and `{last}` are the first and last level names.
    profile_hint,
    col_level,
    col_role,
    col_necessity,
    col_description,
    nothing_expected_here,

    /// Search box.
    search_title,
    search_all_roles,
    search_result_one,
    search_results,
    /// Listing every matching cell: `{n}`.
    search_cells,
    search_searching,
    /// While the search index is built: `{done}` of `{total}` skills.
    search_indexing,
    search_hint_empty,
    search_hint,
    search_no_match,
    search_in_name,
    search_in_tag,
    search_in_domain,

    /// Help overlay: its title, section headings (`help_section_*`), key
    /// names that are words (`help_key_*`) and what each key does.
    help_title,
    help_section_everywhere,
    help_level,
    help_jump,
    help_focus,
    help_search,
    help_gap,
    help_help,
    help_quit,
    help_section_panes,
    help_move,
    help_page,
    help_first_last,
    help_enter,
    help_section_profile,
    help_profile_row,
    help_profile_enter,
    help_profile_esc,
    help_section_search,
    help_key_type,
    help_type,
    help_search_enter,
    help_search_tab,
    help_search_clear,
    help_search_esc,
    help_section_gap,
    help_gap_mark,
    help_gap_cycle,
    help_key_note,
    help_gap_note,
    help_gap_target,
    help_gap_from,
    help_gap_export,
    help_gap_back,
    help_section_mouse,
    help_key_click,
    help_click,
    help_key_wheel,
    help_wheel,
    help_section_marks,
    help_marks_legend,

    /// Status line: what a key does.
    hint_save_note,
    hint_cancel,
    hint_item,
    hint_marks,
    hint_cycle,
    hint_clear,
    hint_note,
    hint_target,
    hint_from,
    hint_export,
    hint_back,
    hint_choose,
    hint_go,
    hint_scope,
    hint_cells,
    hint_scroll,
    hint_close,
    hint_quit,
    /// Answers to the question asked when quitting with the review not saved.
    hint_retry,
    hint_save_elsewhere,
    hint_quit_anyway,
    hint_stay,
    /// That question, before its answers.
    prompt_unsaved,
    hint_close_text,
    hint_row,
    hint_level,
    hint_whole_text,
    hint_role,
    hint_skills,
    hint_focus,
    hint_help,
    hint_skill,
    hint_profile,
    hint_search,
    hint_gap,
    hint_page,

    /// Promotion gap view.
    gap_title,
    gap_header,
    gap_info_file,
    gap_info_session,
    gap_top_level,
    gap_nothing_changes,
    change_new_at,
    change_becomes_required,
    change_not_expected_at,
    gap_flag_new,
    gap_flag_gone,
    gap_nothing_expected,
    gap_now,
    gap_on_the_way,
    gap_target,
    gap_what_changes,
    gap_assessment,
    /// Marks of an assessment.
    mark_met,
    mark_partly,
    mark_not_yet,
    mark_none,
    /// Prefix of a note, followed directly by its text.
    gap_note,
    gap_note_keys,
    gap_note_hint,
    gap_stale,
    hint_save,
    hint_quit_without_saving,
    hint_discard,
    hint_keep_editing,
    hint_restore,
    hint_later,
    /// A change to the review: `{skill}`, `{change}`.
    status_changed,
    status_undone,
    status_redone,
    status_nothing_to_undo,
    status_nothing_to_redo,
    status_note_added,
    status_note_changed,
    status_note_removed,
    status_all_required_assessed,
    /// `{mode}` is one of the diff mode names.
    status_diff_mode,
    diff_off,
    diff_inline,
    diff_side_by_side,
    status_editor_failed,
    status_restored,
    /// The same for one item (Chinese has no plural: the same text).
    status_restored_one,
    status_state_failed,
    status_written,
    status_path_exists,
    /// The quit prompt, with the keys of `yes`, `no` and `cancel`.
    prompt_quit,
    prompt_discard,
    /// `{count}` items, `{date}` of the earlier session.
    prompt_restore,
    /// The same for one item.
    prompt_restore_one,
    prompt_save_path,
    /// Header counts: `{counts}` is `✓4 ~2 ✗1 –3`.
    gap_counts,
    /// Whose marks the header counts.
    gap_whose,
    gap_legend_new,
    gap_legend_becomes_required,
    gap_legend_note,
    /// Before the filter's text.
    gap_filter,
    gap_filter_none,
    /// `{shown}` of `{total}` items.
    gap_filter_count,
    /// More text above or below the pinned assessment.
    gap_more,
    gap_note_editing_keys,
    /// Presenter layout: `{n}` of `{total}`.
    gap_presenter_position,
    hint_newline,
    hint_editor,
    hint_yes,
    hint_no,
    hint_write,
    hint_undo,
    hint_diff,
    hint_filter,
    hint_present,
    hint_next_unassessed,
    hint_keep,
    help_section_editing,
    help_edit_char,
    help_edit_word,
    help_edit_line,
    help_edit_delete,
    help_edit_kill,
    help_edit_newline,
    help_edit_external,
    help_gap_editor,
    help_gap_write,
    help_gap_filter,
    help_gap_diff,
    help_gap_undo,
    help_gap_presenter,
    help_gap_next,
    help_gap_scroll,
    /// The mark and change symbols of the gap view.
    help_marks_symbols,
    help_change_symbols,

    /// Status-line messages.
    status_top_level,
    status_review_levels,
    status_save_conflict,
    /// A closed review: marks cannot change.
    status_review_closed,
    status_save_failed,
    status_save_failed_no_folder,
    status_saved_elsewhere,
    status_nothing_to_export,
    status_query_full,
    status_exported,
    status_exported_kept,
    status_export_failed,
    /// The export format picker (`x`): its title, the path line
    /// (`{path}`), and the text format's name (the others are names).
    export_title,
    export_to,
    format_text,
    /// The summary picture (`s`): `{what}` is the candidate, role and
    /// levels; the progress has `{assessed}` and `{total}`.
    summary_title,
    summary_all,
    summary_progress,
    summary_no_items,
    hint_summary,
    help_gap_summary,
    /// The review details form (`i`): title (`_closed` with `{date}`),
    /// labels, what each field takes, the bad-date message (`{value}`).
    meta_title,
    meta_title_closed,
    meta_candidate,
    meta_assessors,
    meta_meetings,
    meta_outcome,
    meta_summary,
    meta_hint_candidate,
    meta_hint_assessors,
    meta_hint_meetings,
    meta_hint_outcome,
    meta_hint_summary,
    meta_bad_date,
    status_meta_saved,
    prompt_discard_meta,
    hint_field,
    hint_details,
    help_gap_details,
    help_edit_field,
    status_watch_failed,
    /// A key that needs the catalog's texts, pressed while they load.
    status_waiting_for_texts,
    /// A key that needs the catalog's texts, after their load failed (and
    /// the keys kept for them, dropped).
    status_texts_failed,
    /// Shown above everything while changed catalog files are invalid
    /// (`_one` when there is a single problem).
    banner_reload_failed,
    banner_reload_failed_one,
    /// Shown above everything when the texts loaded behind the first frame
    /// did not all come (a file broke meanwhile): only the names and
    /// necessities of the skills without texts are shown.
    banner_texts_failed,
    banner_texts_failed_one,
    /// Shown above everything while the catalog is gone from disk (its
    /// folder removed or moved away): a folder catalog, a one-file one.
    banner_catalog_gone,
    banner_catalog_file_gone,

    /// Markdown export of a promotion review.
    report_title,
    report_catalog,
    report_date,
    report_changes_one,
    report_changes_many,
    report_counts,
    report_marks,
    report_nothing_changes,
    report_no_longer_expected,
    report_expectation,
    report_nothing_expected,
    report_mark,
    report_note,
    report_stale,
    report_also_assessed,
    report_not_in_catalog,
    /// Plain-text report: an expectation's heading line.
    report_text_expectation,
    report_text_nothing_expected,
    report_text_also_assessed,
    /// Review exports (header, summary table, sections, picture, `--since`).
    report_candidate,
    report_assessors,
    report_meetings,
    report_outcome,
    report_closed,
    report_ladder,
    report_counted,
    report_summary,
    report_col_skill,
    report_col_required,
    report_col_evidence,
    report_yes,
    report_no,
    report_required_not_met,
    report_all_required_met,
    report_details,
    report_by_domain,
    report_required_only,
    report_marks_by,
    report_since,
    report_nothing_since,
    report_left_out,
    assessor_self,
    assessor_manager,
    assessor_agreed,
    /// Whose marks the header counts, when not the agreed ones: `{who}`.
    gap_whose_of,
    /// The current assessor in the header: `{who}`.
    gap_as,
    /// `A`: `{who}` is now the current assessor.
    status_assessor,
    /// `a` while the current assessor is `agreed`.
    status_agree_already,
    /// `a` on an item the current assessor (`{who}`) has not marked.
    status_agree_nothing,
    /// `D` when no item has differing marks.
    status_no_disagreement,
    /// On opening a review with history: `{date}`, `{changed}`, `{met}`.
    status_since,
    /// The first of several warnings about a review file: `{warning}`,
    /// `{more}` others.
    status_more_warnings,
    hint_assessor,
    hint_agree,
    hint_disagree,
    help_gap_assessor,
    help_gap_agree,
    help_gap_disagree,
    /// `Tab` on an item without behaviours.
    status_no_behaviours,
    /// `Tab` expanded an item: `{n}` behaviours.
    status_behaviours_expanded,
    /// A behaviour marked: `{n}`, `{change}`, the item's mark `{item}`.
    status_behaviour_marked,
    /// `u` on a hand-set item mark.
    status_rolled_up_again,
    /// The assessment pane on a behaviour row: `{n}`, `{total}`.
    gap_behaviour,
    /// A behaviour reworded since it was assessed.
    gap_behaviour_changed,
    /// An item mark set by hand over marked behaviours.
    gap_by_hand,
    hint_behaviours,
    help_gap_behaviours,
    /// Markdown export: the heading of an item's behaviour marks.
    report_behaviour_marks,
    /// Markdown export: a behaviour reworded since assessed.
    report_behaviour_changed,

    /// `rungs show` (text and Markdown): labels, padded to a column in text.
    profile_label_id,
    profile_label_domain,
    profile_label_updated,
    profile_label_summary,
    profile_label_tags,
    profile_label_counts,
    profile_label_role,
    /// `{n}` roles / levels, for `profile_counts_text`.
    profile_roles_one,
    profile_roles_many,
    profile_levels_one,
    profile_levels_many,
    /// `{roles}`, `{levels}` (the phrases above), `{required}`, `{optional}`.
    profile_counts_text,
    /// After the counts when the rows are limited to one role.
    profile_all_roles,
    /// Before an item's per-behaviour changes in reports.
    report_behaviours,
    /// Before an example of evidence (`e.g. …`).
    example_prefix,
    /// On a cumulative skill: `{level}` is the level below, whose
    /// expectations still hold.
    includes_below,
    /// The profile's line saying levels add to the ones below.
    profile_label_cumulative,
    profile_cumulative_yes,
    /// After `includes_below`, while only a level's additions show: how
    /// to see them all (`{union}` is the key).
    union_show,
    /// On a cumulative skill with the union shown: `{level}` and everything
    /// below it from `{first}`; `{union}` goes back to only its additions.
    union_all,
    /// The gap view, union shown: what `{level}` (the from level) already
    /// expects, from `{first}` up; `{union}` hides it.
    union_gap,
    /// After an inherited behaviour in the union, with its own leading
    /// space (none in Chinese): `{level}` added it.
    union_from,
    /// The union key's status messages.
    status_union_on,
    status_union_off,
    /// Status hints for the union key, while off and on.
    hint_union_show,
    hint_union_hide,
    help_union,
    /// Markdown table heading beside `col_role` and `col_necessity`.
    col_expectation,

    /// `rungs search` (text): `{shown}` of `{total}` results.
    search_more,
    /// Where a result matched: an expectation's text.
    search_in_text,
    /// A match in one behaviour of an expectation.
    search_in_behaviour,
    /// A match in an example of evidence.
    search_in_example,

    /// The static site (`rungs export --format html|markdown`).
    site_home,
    site_levels,
    site_roles,
    site_domains,
    site_skills,
    site_tags,
    site_required,
    site_optional,
    /// A role's matrix page: `{role}`.
    site_matrix_title,
    site_matrix_legend,
    /// Links to a role's pages, one per level.
    site_job_descriptions,
    /// `{n}` skills of a role's profile.
    site_skill_count,
    /// A role × level page: `{role}`, `{level}`.
    site_job_intro,
    /// `{required}`, `{optional}`: counts of a role × level page.
    site_level_counts,
    /// "To reach" when the next level's text is the same: `{level}`.
    site_same_at,
    /// Footer: `{title}` is the catalog's title.
    site_generated,

    /// Comparing roles (`rungs compare`, the `c` screen): `{roles}` joined
    /// with ` · `, `{level}`.
    compare_heading,
    compare_title,
    /// Skills not every compared role has, and those all have.
    compare_not_shared,
    compare_shared,
    /// The list of roles to compare with: `{role}` is the selected one.
    compare_pick_title,
    compare_no_other,
    hint_compare,
    help_compare,

    /// `rungs diff` (text and Markdown; JSON keeps its English words): with
    /// no change; `{old}` and `{new}` are the arguments.
    diff_no_changes,
    /// The catalog's title changed: `{old}`, `{new}`.
    diff_title,
    /// Section headings (levels, roles and skills use `site_*`).
    diff_domains,
    diff_edited,
    diff_expectations,
    /// A skill moved: `{old}` and `{new}` are domain ids.
    diff_moved,
    /// `{field}` is one of `diff_field_*`.
    diff_field_changed,
    diff_field_summary,
    diff_field_tags,
    diff_field_updated,
    /// A changed cell: `{skill}` (id), `{role}`, `{level}`, `{change}` (`diff_change_*`).
    diff_cell,
    diff_change_added,
    diff_change_removed,
    diff_change_changed,
    /// `{old}` → `{new}` necessity words.
    diff_necessity,
    /// Alone before a text's changed lines.
    diff_text,
    /// A text's word diff (`{diff}`), or `diff_lines_reordered`.
    diff_text_line,
    /// A text whose lines only changed order.
    diff_lines_reordered,
    /// `--reviews`: `{affected}` of `{read}` files.
    diff_reviews,
    diff_skipped,
    /// Markdown: the heading, `{old}` and `{new}` as code.
    diff_md_heading,
    /// Markdown: the title changed, label in bold.
    diff_md_title,
    diff_md_no_changes,
    /// Markdown list items: `{name}`, `{id}` as code; `{old}`, `{new}` names.
    diff_md_added,
    diff_md_removed,
    diff_md_renamed,
    /// Markdown table headings beside `col_role`, `col_level`, `col_necessity`.
    diff_col_skill,
    diff_col_change,
    diff_col_text,
    diff_md_reviews_heading,
    /// `{affected}` of `{read}` review files.
    diff_md_reviews,
    /// `rungs compare` (text): a role's line, `{role}`, `{necessity}`.
    compare_side,
}

impl Strings {
    /// The word for a necessity, or for no expectation at all.
    pub fn necessity(&self, n: Option<Necessity>) -> &'static str {
        match n {
            Some(Necessity::Required) => self.necessity_required,
            Some(Necessity::Optional) => self.necessity_optional,
            None => self.necessity_none,
        }
    }

    /// The label of a mark, or of no mark.
    pub fn mark(&self, m: Option<Mark>) -> &'static str {
        match m {
            Some(Mark::Met) => self.mark_met,
            Some(Mark::Partly) => self.mark_partly,
            Some(Mark::NotYet) => self.mark_not_yet,
            None => self.mark_none,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_role_is_singular() {
        let c = |roles| crate::catalog::SkillCounts {
            roles,
            levels: 5,
            required: 2,
            optional: 3,
        };
        assert_eq!(
            EN.skill_counts_text(&c(1)),
            "1 role includes it · 5 levels · ● 2 required · ○ 3 optional"
        );
        assert_eq!(
            EN.skill_counts_text(&c(2)),
            "2 roles include it · 5 levels · ● 2 required · ○ 3 optional"
        );
        assert!(
            ZH.skill_counts_text(&c(1))
                .starts_with("角色数 1 · 级别数 5")
        );
    }

    #[test]
    fn ascii_tables_have_no_symbols_left() {
        // English becomes pure ASCII; Chinese keeps its letters only.
        for (name, text) in Lang::En.ascii_strings().all() {
            assert!(text.is_ascii(), "{name}: {text}");
        }
        for (name, text) in Lang::Zh.ascii_strings().all() {
            assert!(
                text.chars().all(|c| ascii_symbol(c).is_none()),
                "{name}: {text}"
            );
        }
        assert_eq!(ascii_symbols("a · b → c…"), "a | b -> c...");
        assert!(matches!(ascii_symbols("plain"), Cow::Borrowed("plain")));
        // Made once: the same table every time.
        assert!(std::ptr::eq(
            Lang::En.ascii_strings(),
            Lang::En.ascii_strings()
        ));
    }

    #[test]
    fn parses_and_picks_tables() {
        assert_eq!(Lang::parse(" ZH "), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::En.strings().roles_title, " Roles ");
        assert_eq!(Lang::Zh.strings().roles_title, " 角色 ");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill(
                "{role} at {level}",
                &[("level", "Lead"), ("role", "Data Scientist")]
            ),
            "Data Scientist at Lead"
        );
        assert_eq!(fill("{n}/{n}", &[("n", "3")]), "3/3", "used twice");
        assert_eq!(fill("no placeholders", &[("n", "3")]), "no placeholders");
        assert_eq!(fill("", &[]), "");
        assert_eq!(fill("晋升到 {level}", &[("level", "首席")]), "晋升到 首席");
    }

    #[test]
    fn fill_keeps_unknown_and_stray_braces() {
        assert_eq!(fill("{missing} {n}", &[("n", "1")]), "{missing} 1");
        assert_eq!(fill("a { b } {", &[("b", "x")]), "a { b } {");
        assert_eq!(fill("{{n}}", &[("n", "1")]), "{1}");
    }

    #[test]
    fn fill_does_not_expand_inside_values() {
        // Catalog text may contain braces; it is inserted as written.
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "B")]),
            "{b} and B"
        );
    }

    #[test]
    fn placeholders_are_listed_once_in_order() {
        assert_eq!(
            placeholders("{changes} of {assessed}/{changes}"),
            ["changes", "assessed"]
        );
        assert!(placeholders("no {} or { x } here").is_empty());
    }

    #[test]
    fn tables_list_the_same_fields() {
        let en = EN.all();
        let zh = ZH.all();
        assert_eq!(en.len(), zh.len());
        assert!(en.len() > 150, "every field is listed: {}", en.len());
        for ((a, _), (b, _)) in en.iter().zip(&zh) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn no_text_is_empty() {
        for (name, text) in EN.all().into_iter().chain(ZH.all()) {
            assert!(!text.trim().is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        for ((name, en), (_, zh)) in EN.all().into_iter().zip(ZH.all()) {
            let mut a = placeholders(en);
            let mut b = placeholders(zh);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{name}: {en:?} vs {zh:?}");
        }
    }

    #[test]
    fn chinese_uses_the_source_page_words() {
        let t = Lang::Zh.strings();
        assert_eq!(t.col_role, "角色");
        assert_eq!(t.col_necessity, "必要性");
        assert_eq!(t.col_description, "描述");
        assert_eq!(t.necessity(Some(Necessity::Required)), "必要");
        assert_eq!(t.necessity(Some(Necessity::Optional)), "可选");
        assert!(t.profile_title.contains("技能档案"));
        assert!(t.skill_counts.contains("角色数") && t.skill_counts.contains("级别数"));
        assert!(t.skill_counts.contains("必要要求") && t.skill_counts.contains("个可选"));
        assert!(t.profile_hint.starts_with("表格展示从"));
        assert_eq!(t.search_in_domain, "领域");
    }

    #[test]
    fn english_words_match_the_catalog_and_review_words() {
        // The English table says what `as_str` and `label` say, so English
        // output is unchanged by going through the table.
        for n in [Necessity::Required, Necessity::Optional] {
            assert_eq!(EN.necessity(Some(n)), n.as_str());
        }
        for m in Mark::ALL {
            assert_eq!(EN.mark(Some(m)), m.label());
        }
    }
}
