//! The language of the interface: which table of UI text to use.
//!
//! Catalog texts are shown as written; everything rungs itself says comes
//! from one table per language (see `Strings`).

/// A language rungs speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
}
