//! The language of the interface: which table of UI text to use.
//!
//! Catalog texts (names, summaries, expectations, level names) are shown as
//! written; everything rungs itself says comes from one table per language,
//! [`EN`] and [`ZH`], both of type [`Strings`]. Texts that carry values are
//! templates with named placeholders (`"{role} at {level}"`), filled by
//! [`fill`]. The Chinese wording follows the source page the product grew
//! from (角色, 必要性, 描述, 技能档案, 角色数, 级别数, 必要要求, …).

use crate::catalog::Necessity;
use crate::review::Mark;

/// A language rungs speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Zh,
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

    pub fn as_str(self) -> &'static str {
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
            /// Every field as `(name, text)`, in declaration order.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
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
    /// After the domain: `{date}`.
    updated,
    /// `{roles}`, `{levels}`, `{required}`, `{optional}`.
    skill_counts,
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
    search_searching,
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
    hint_scroll,
    hint_close,
    hint_quit,
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

    /// Status-line messages.
    status_top_level,
    status_review_levels,
    status_save_conflict,
    status_save_failed,
    status_nothing_to_export,
    status_exported,
    status_export_failed,
    status_watch_failed,
    /// Shown above everything while changed catalog files are invalid.
    banner_reload_failed,

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

/// English.
pub static EN: Strings = Strings {
    header_title: " rungs · {title}",
    header_hint: " ? help ",
    too_small_long: "Terminal too small: need {need}, now {now}",
    too_small_medium: "Too small: need {need}, now {now}",
    too_small_short: "Need {need}, now {now}",
    too_small_tiny: "{need} > {now}",

    necessity_required: "required",
    necessity_optional: "optional",
    necessity_none: "not expected",

    slider_title: " Level  ←/→ ",
    roles_title: " Roles ",
    skills_title_long: " {role} · {level} · ● {required} required · ○ {optional} optional ",
    skills_title_short: " {role} · {level} · ●{required} ○{optional} ",
    skills_empty: "No skills in this role's profile.",

    detail_title: " Detail ",
    detail_no_skill: "No skill selected.",
    updated: "updated {date}",
    skill_counts: "{roles} roles include it · {levels} levels · ● {required} required · ○ {optional} optional",
    role_at_level: "{role} at {level}",
    nothing_expected_of: "Nothing is expected of a {role} at {level} for this skill.",
    to_reach: "To reach {level}",
    new_at_not_before: "New at {next}: not expected at {level}.",
    becomes_required_at: "Becomes required at {level}.",
    top_level: "Top level",
    top_level_no_next: "{level} is the top level: there is no next level to reach.",
    how_it_grows: "How it grows · {role}",
    other_roles_at: "Other roles at {level}",
    nothing_expected_at: "Nothing expected at {level}.",

    profile_title: " {skill} · skill profile ",
    profile_counts: "{roles} roles · {levels} levels · ● {required} required · ○ {optional} optional",
    profile_hint: "How the skill deepens from {first} to {last}. Enter shows a row's whole text; Esc goes back.",
    col_level: "Level",
    col_role: "Role",
    col_necessity: "Necessity",
    col_description: "Description",
    nothing_expected_here: "Nothing is expected at this level for this role.",

    search_title: " Search · {scope} (Tab) · {count} ",
    search_all_roles: "all roles",
    search_result_one: "{n} result",
    search_results: "{n} results",
    search_searching: "searching…",
    search_hint_empty: "type to search names, tags, domains and texts · ↑↓ choose · Enter go · Esc back",
    search_hint: "↑↓ choose · Enter go · Esc back · Ctrl-U clear",
    search_no_match: "No match.",
    search_in_name: "name",
    search_in_tag: "tag",
    search_in_domain: "domain",

    help_title: " Help · Esc or ? closes ",
    help_section_everywhere: "Everywhere",
    help_level: "previous / next level",
    help_jump: "jump to level N",
    help_focus: "focus next / previous pane",
    help_search: "search skills, tags, domains and texts",
    help_gap: "promotion gap: what changes to the next level",
    help_help: "show or hide this help",
    help_quit: "quit",
    help_section_panes: "Roles, skills and detail panes",
    help_move: "move (or scroll the detail)",
    help_page: "move by a page (also Ctrl-U / Ctrl-D)",
    help_first_last: "first / last",
    help_enter: "roles: go to skills; skills: full skill profile",
    help_section_profile: "Full skill profile",
    help_profile_row: "select a row (level × role)",
    help_profile_enter: "show the row's whole text",
    help_profile_esc: "close the text, then the profile",
    help_section_search: "Search box",
    help_key_type: "type / paste",
    help_type: "filter live; ↑ ↓ or Ctrl-N Ctrl-P choose",
    help_search_enter: "go to the result (its role and level too)",
    help_search_tab: "all roles / the selected role",
    help_search_clear: "clear the query / delete a word",
    help_search_esc: "close and go back to where you were",
    help_section_gap: "Promotion gap",
    help_gap_mark: "mark met / partly / not yet",
    help_gap_cycle: "cycle the mark / clear it",
    help_key_note: "e or Enter",
    help_gap_note: "edit the note (Enter saves, Esc cancels)",
    help_gap_target: "target level down / up",
    help_gap_from: "from level down / up",
    help_gap_export: "export the review as Markdown",
    help_gap_back: "back to the explorer",
    help_section_mouse: "Mouse",
    help_key_click: "click",
    help_click: "select a role, skill, level or row",
    help_key_wheel: "wheel",
    help_wheel: "scroll the pane under the pointer",
    help_section_marks: "Marks",
    help_marks_legend: "required · optional · nothing expected",

    hint_save_note: "save note",
    hint_cancel: "cancel",
    hint_item: "item",
    hint_marks: "met/partly/not yet",
    hint_cycle: "cycle",
    hint_clear: "clear",
    hint_note: "note",
    hint_target: "target",
    hint_from: "from",
    hint_export: "export",
    hint_back: "back",
    hint_choose: "choose",
    hint_go: "go",
    hint_scope: "scope",
    hint_scroll: "scroll",
    hint_close: "close",
    hint_quit: "quit",
    hint_close_text: "close text",
    hint_row: "row",
    hint_level: "level",
    hint_whole_text: "whole text",
    hint_role: "role",
    hint_skills: "skills",
    hint_focus: "focus",
    hint_help: "help",
    hint_skill: "skill",
    hint_profile: "profile",
    hint_search: "search",
    hint_gap: "gap",
    hint_page: "page",

    gap_title: " Promotion gap · {header} ",
    gap_header: "{role} · {from} → {to} · {changes} changes · {required} required · assessed {assessed}/{changes}",
    gap_info_file: "Review: {file} · saved after every change · m met · p partly · n not yet · e note · x export",
    gap_info_session: "Marks are kept for this session only (start with --review FILE to save them) · m p n mark · e note · x export",
    gap_top_level: "This is the top level: there is no level above to reach.",
    gap_nothing_changes: "Nothing changes from {from} to {to} for this role.",
    change_new_at: "new at {level}",
    change_becomes_required: "becomes required",
    change_not_expected_at: "not expected at {level}",
    gap_flag_new: "new",
    gap_flag_gone: "gone",
    gap_nothing_expected: "Nothing expected.",
    gap_now: "Now · {level}",
    gap_on_the_way: "On the way · {level}",
    gap_target: "Target · {level}",
    gap_what_changes: "What changes (underlined: new, struck: dropped)",
    gap_assessment: "Assessment",
    mark_met: "met",
    mark_partly: "partly",
    mark_not_yet: "not yet",
    mark_none: "not assessed",
    gap_note: "Note: ",
    gap_note_keys: "Enter saves the note · Esc cancels",
    gap_note_hint: "e adds a note (evidence, examples)",
    gap_stale: "⚠ The catalog text of the target has changed since this was assessed.",

    status_top_level: "{level} is the top level: there is no level above to reach.",
    status_review_levels: "The levels are those of the review in {file}; open another file for other levels.",
    status_save_conflict: "{theirs} was changed by another program: left it as it is and saved yours to {ours}",
    status_save_failed: "Could not save {file}: {error}. The previous version is intact; the next change retries.",
    status_nothing_to_export: "Nothing to export.",
    status_exported: "Exported the review to {path}",
    status_export_failed: "Could not export to {path}: {error}",
    status_watch_failed: "Not watching the catalog for changes: {error}",
    banner_reload_failed: "⚠ Catalog not reloaded, {count} problems: {first} — showing the last valid catalog",

    report_title: "Promotion review: {role} · {from} → {to}",
    report_catalog: "Catalog:",
    report_date: "Date:",
    report_changes_one: "{n} change",
    report_changes_many: "{n} changes",
    report_counts: "{required} required · assessed {assessed}/{changes}",
    report_marks: "{met} met · {partly} partly · {not_yet} not yet",
    report_nothing_changes: "Nothing changes for {role} from {from} to {to}.",
    report_no_longer_expected: "no longer expected",
    report_expectation: "({necessity}): {text}",
    report_nothing_expected: "nothing expected",
    report_mark: "Mark:",
    report_note: "Note:",
    report_stale: "⚠ the catalog text changed since it was assessed; when assessed it read:",
    report_also_assessed: "Also assessed (not part of this gap)",
    report_not_in_catalog: " (no longer in the catalog)",
};

/// Simplified Chinese, in the wording of the source page.
pub static ZH: Strings = Strings {
    header_title: " rungs · {title}",
    header_hint: " ? 帮助 ",
    too_small_long: "终端窗口太小：需要 {need}，当前 {now}",
    too_small_medium: "窗口太小：需要 {need}，当前 {now}",
    too_small_short: "需要 {need}，当前 {now}",
    too_small_tiny: "{need} > {now}",

    necessity_required: "必要",
    necessity_optional: "可选",
    necessity_none: "不要求",

    slider_title: " 级别  ←/→ ",
    roles_title: " 角色 ",
    skills_title_long: " {role} · {level} · ● 必要 {required} · ○ 可选 {optional} ",
    skills_title_short: " {role} · {level} · ●{required} ○{optional} ",
    skills_empty: "此角色的档案中没有技能。",

    detail_title: " 详情 ",
    detail_no_skill: "未选择技能。",
    updated: "更新于 {date}",
    skill_counts: "角色数 {roles} · 级别数 {levels} · ● 必要要求 {required} · ○ 其余 {optional} 个可选",
    role_at_level: "{role} · {level}",
    nothing_expected_of: "此技能对 {level} 级别的 {role} 没有期望。",
    to_reach: "晋升到 {level}",
    new_at_not_before: "{next} 新增：{level} 不要求此技能。",
    becomes_required_at: "在 {level} 变为必要。",
    top_level: "最高级别",
    top_level_no_next: "{level} 是最高级别：没有可晋升的下一级别。",
    how_it_grows: "成长路径 · {role}",
    other_roles_at: "{level} 级别的其他角色",
    nothing_expected_at: "{level} 级别没有期望。",

    profile_title: " {skill} · 技能档案 ",
    profile_counts: "角色数 {roles} · 级别数 {levels} · ● 必要要求 {required} · ○ 其余 {optional} 个可选",
    profile_hint: "表格展示从 {first} 到 {last} 的技能深度变化。按 Enter 查看整行内容，按 Esc 返回。",
    col_level: "级别",
    col_role: "角色",
    col_necessity: "必要性",
    col_description: "描述",
    nothing_expected_here: "此角色在该级别没有期望。",

    search_title: " 搜索 · {scope} (Tab) · {count} ",
    search_all_roles: "所有角色",
    search_result_one: "{n} 个结果",
    search_results: "{n} 个结果",
    search_searching: "搜索中…",
    search_hint_empty: "输入以搜索名称、标签、领域和描述 · ↑↓ 选择 · Enter 前往 · Esc 返回",
    search_hint: "↑↓ 选择 · Enter 前往 · Esc 返回 · Ctrl-U 清空",
    search_no_match: "没有匹配项。",
    search_in_name: "名称",
    search_in_tag: "标签",
    search_in_domain: "领域",

    help_title: " 帮助 · Esc 或 ? 关闭 ",
    help_section_everywhere: "全局",
    help_level: "上一个 / 下一个级别",
    help_jump: "跳到第 N 个级别",
    help_focus: "切换到下一个 / 上一个窗格",
    help_search: "搜索技能、标签、领域和描述",
    help_gap: "晋升差距：到下一级别有哪些变化",
    help_help: "显示或隐藏此帮助",
    help_quit: "退出",
    help_section_panes: "角色、技能和详情窗格",
    help_move: "移动（在详情中为滚动）",
    help_page: "翻页（也可用 Ctrl-U / Ctrl-D）",
    help_first_last: "第一项 / 最后一项",
    help_enter: "角色：转到技能；技能：打开完整技能档案",
    help_section_profile: "完整技能档案",
    help_profile_row: "选择一行（级别 × 角色）",
    help_profile_enter: "显示该行的完整内容",
    help_profile_esc: "先关闭文本，再关闭档案",
    help_section_search: "搜索框",
    help_key_type: "输入 / 粘贴",
    help_type: "实时筛选；↑ ↓ 或 Ctrl-N Ctrl-P 选择",
    help_search_enter: "转到该结果（连同其角色和级别）",
    help_search_tab: "所有角色 / 当前角色",
    help_search_clear: "清空查询 / 删除一个词",
    help_search_esc: "关闭并回到原来的位置",
    help_section_gap: "晋升差距",
    help_gap_mark: "标记为达到 / 部分达到 / 尚未达到",
    help_gap_cycle: "轮换标记 / 清除标记",
    help_key_note: "e 或 Enter",
    help_gap_note: "编辑备注（Enter 保存，Esc 取消）",
    help_gap_target: "降低 / 提高目标级别",
    help_gap_from: "降低 / 提高起始级别",
    help_gap_export: "将评审导出为 Markdown",
    help_gap_back: "返回浏览界面",
    help_section_mouse: "鼠标",
    help_key_click: "点击",
    help_click: "选择角色、技能、级别或行",
    help_key_wheel: "滚轮",
    help_wheel: "滚动指针下的窗格",
    help_section_marks: "标记",
    help_marks_legend: "必要 · 可选 · 没有期望",

    hint_save_note: "保存备注",
    hint_cancel: "取消",
    hint_item: "条目",
    hint_marks: "达到/部分达到/尚未达到",
    hint_cycle: "轮换",
    hint_clear: "清除",
    hint_note: "备注",
    hint_target: "目标",
    hint_from: "起点",
    hint_export: "导出",
    hint_back: "返回",
    hint_choose: "选择",
    hint_go: "前往",
    hint_scope: "范围",
    hint_scroll: "滚动",
    hint_close: "关闭",
    hint_quit: "退出",
    hint_close_text: "关闭文本",
    hint_row: "行",
    hint_level: "级别",
    hint_whole_text: "整行内容",
    hint_role: "角色",
    hint_skills: "技能",
    hint_focus: "焦点",
    hint_help: "帮助",
    hint_skill: "技能",
    hint_profile: "技能档案",
    hint_search: "搜索",
    hint_gap: "晋升",
    hint_page: "翻页",

    gap_title: " 晋升差距 · {header} ",
    gap_header: "{role} · {from} → {to} · {changes} 项变化 · 必要 {required} · 已评估 {assessed}/{changes}",
    gap_info_file: "评审：{file} · 每次修改后自动保存 · m 达到 · p 部分达到 · n 尚未达到 · e 备注 · x 导出",
    gap_info_session: "标记仅在本次会话中保留（用 --review FILE 启动即可保存） · m p n 标记 · e 备注 · x 导出",
    gap_top_level: "这是最高级别：没有更高的级别可晋升。",
    gap_nothing_changes: "此角色从 {from} 到 {to} 没有变化。",
    change_new_at: "{level} 新增",
    change_becomes_required: "变为必要",
    change_not_expected_at: "{level} 不再要求",
    gap_flag_new: "新增",
    gap_flag_gone: "移除",
    gap_nothing_expected: "没有期望。",
    gap_now: "当前 · {level}",
    gap_on_the_way: "途经 · {level}",
    gap_target: "目标 · {level}",
    gap_what_changes: "变化（下划线：新增；删除线：移除）",
    gap_assessment: "评估",
    mark_met: "达到",
    mark_partly: "部分达到",
    mark_not_yet: "尚未达到",
    mark_none: "未评估",
    gap_note: "备注：",
    gap_note_keys: "Enter 保存备注 · Esc 取消",
    gap_note_hint: "按 e 添加备注（证据、实例）",
    gap_stale: "⚠ 自评估以来，目标级别在目录中的文本已更改。",

    status_top_level: "{level} 是最高级别：没有更高的级别可晋升。",
    status_review_levels: "级别取自 {file} 中的评审；如需其他级别，请打开另一个文件。",
    status_save_conflict: "{theirs} 已被其他程序修改：该文件保持原样，你的版本已保存到 {ours}",
    status_save_failed: "无法保存 {file}：{error}。之前的版本完好无损，下次修改时会重试。",
    status_nothing_to_export: "没有可导出的内容。",
    status_exported: "评审已导出到 {path}",
    status_export_failed: "无法导出到 {path}：{error}",
    status_watch_failed: "未能监视目录的变化：{error}",
    banner_reload_failed: "⚠ 目录未重新加载，共 {count} 个问题：{first} — 仍显示上一个有效的目录",

    report_title: "晋升评审：{role} · {from} → {to}",
    report_catalog: "目录：",
    report_date: "日期：",
    report_changes_one: "{n} 项变化",
    report_changes_many: "{n} 项变化",
    report_counts: "必要 {required} · 已评估 {assessed}/{changes}",
    report_marks: "达到 {met} · 部分达到 {partly} · 尚未达到 {not_yet}",
    report_nothing_changes: "{role} 从 {from} 到 {to} 没有变化。",
    report_no_longer_expected: "不再要求",
    report_expectation: "（{necessity}）：{text}",
    report_nothing_expected: "没有期望",
    report_mark: "标记：",
    report_note: "备注：",
    report_stale: "⚠ 自评估以来目录中的文本已更改；评估时原文为：",
    report_also_assessed: "其他已评估项（不属于此差距）",
    report_not_in_catalog: "（已不在目录中）",
};

#[cfg(test)]
mod tests {
    use super::*;

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
