//! Finding a role, level or skill from what a user typed: an id, a name in
//! any of its languages (case-insensitive) or, for levels, a 1-based number.

use super::clean::clean;
use super::parse::closest;
use super::types::{Catalog, Named};

/// What the user asked for did not match; the message lists what would,
/// and names the likely one when what was typed looks like a typo of it
/// (the catalog checker's rule, [`closest`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{given}`; {}valid {kind}s: {valid}", did_you_mean(.suggestion))]
pub struct NotFound {
    pub kind: &'static str,
    /// What was typed, cleaned like catalog text: it comes from the command
    /// line or the config and is printed back, so it must not drive the
    /// terminal.
    pub given: String,
    pub suggestion: Option<String>,
    pub valid: String,
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map_or_else(String::new, |s| format!("did you mean `{s}`? "))
}

impl NotFound {
    fn new<'a>(
        kind: &'static str,
        given: &str,
        ids: impl Iterator<Item = &'a str>,
        valid: String,
    ) -> Self {
        let wanted = given.trim();
        let ids: Vec<&str> = ids.collect();
        NotFound {
            kind,
            given: clean(given, true).text,
            suggestion: closest(wanted, &ids).map(str::to_string),
            valid,
        }
    }
}

fn find_named(items: &[Named], given: &str) -> Option<usize> {
    let wanted = given.trim();
    items.iter().position(|n| n.id == wanted).or_else(|| {
        let lower = wanted.to_lowercase();
        items.iter().position(|n| {
            n.id.to_lowercase() == lower
                || n.name.to_lowercase() == lower
                || n.all_names().any(|name| name.to_lowercase() == lower)
        })
    })
}

fn valid_list(items: &[Named], numbered: bool) -> String {
    let shown: Vec<String> = items
        .iter()
        .take(30)
        .enumerate()
        .map(|(i, n)| {
            if numbered {
                format!("{} ({}, {})", n.id, n.name, i + 1)
            } else {
                format!("{} ({})", n.id, n.name)
            }
        })
        .collect();
    let mut s = shown.join(", ");
    if items.len() > 30 {
        s.push_str(&format!(", … and {} more", items.len() - 30));
    }
    s
}

impl Catalog {
    /// A role by id or name, ignoring case.
    pub fn find_role(&self, given: &str) -> Result<usize, NotFound> {
        find_named(&self.roles, given).ok_or_else(|| {
            NotFound::new(
                "role",
                given,
                self.roles.iter().map(|r| r.id.as_str()),
                valid_list(&self.roles, false),
            )
        })
    }

    /// A level by id, name (ignoring case) or 1-based position.
    pub fn find_level(&self, given: &str) -> Result<usize, NotFound> {
        find_named(&self.levels, given)
            .or_else(|| {
                given
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=self.levels.len()).contains(n))
                    .map(|n| n - 1)
            })
            .ok_or_else(|| {
                NotFound::new(
                    "level",
                    given,
                    self.levels.iter().map(|l| l.id.as_str()),
                    valid_list(&self.levels, true),
                )
            })
    }

    /// A skill by id or name, ignoring case.
    pub fn find_skill(&self, given: &str) -> Result<usize, NotFound> {
        let wanted = given.trim();
        if let Some(i) = self.skill_index(wanted) {
            return Ok(i);
        }
        let lower = wanted.to_lowercase();
        self.skills
            .iter()
            .position(|s| {
                s.id.to_lowercase() == lower
                    || s.name.to_lowercase() == lower
                    || s.all_names().any(|name| name.to_lowercase() == lower)
            })
            .ok_or_else(|| {
                let mut names: Vec<&str> = self.skills.iter().map(|s| s.id.as_str()).collect();
                names.sort_unstable();
                let more = names.len().saturating_sub(30);
                let mut valid = names
                    .iter()
                    .take(30)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ");
                if more > 0 {
                    valid.push_str(&format!(", … and {more} more (see `rungs search`)"));
                }
                NotFound::new("skill", given, names.into_iter(), valid)
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::types::tests::small;

    #[test]
    fn finds_by_id_name_and_number() {
        let c = small();
        assert_eq!(c.find_role("r2"), Ok(1));
        assert_eq!(c.find_role("R2"), Ok(1), "name, any case");
        assert_eq!(c.find_level("b"), Ok(1));
        assert_eq!(c.find_level("3"), Ok(2));
        assert!(c.find_level("4").is_err());
        assert_eq!(c.find_skill("ALPHA"), Ok(1));
        let mut c = c;
        c.levels[1].i18n =
            crate::catalog::Localized::new(vec![("zh".into(), "中级".into())], Vec::new());
        assert_eq!(c.find_level("中级"), Ok(1), "a translated name");
        c.localize("zh");
        assert_eq!(c.levels[1].name, "中级");
        assert_eq!(c.find_level("B"), Ok(1), "the written name still");
        c.localize("en");
        assert_eq!(c.levels[1].name, "B", "back to the written name");
        assert_eq!(c.levels[1].written_name(), "B");
        let e = c.find_role("nope").unwrap_err();
        assert!(
            e.to_string().contains("valid roles: r1 (R1), r2 (R2)"),
            "{e}"
        );
    }

    #[test]
    fn a_typo_gets_the_checkers_did_you_mean() {
        let c = small();
        let e = c.find_skill("alpah").unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown skill `alpah`; did you mean `alpha`? valid skills: alpha, beta, zeta"
        );
        assert_eq!(
            c.find_role("rr1").unwrap_err().suggestion.as_deref(),
            Some("r1")
        );
        assert_eq!(c.find_role("zzzzzz").unwrap_err().suggestion, None);
    }

    #[test]
    fn what_was_typed_is_cleaned_before_it_is_echoed() {
        let c = small();
        for e in [
            c.find_role("\u{1b}]0;PWNED\u{7}").unwrap_err(),
            c.find_level("\u{1b}]0;PWNED\u{7}").unwrap_err(),
            c.find_skill("\u{1b}]0;PWNED\u{7}").unwrap_err(),
        ] {
            let shown = e.to_string();
            assert!(shown.contains("`]0;PWNED`"), "{shown}");
            assert!(
                !shown.chars().any(crate::catalog::is_forbidden),
                "{shown:?}"
            );
        }
    }
}
