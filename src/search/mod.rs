//! Fuzzy search over a catalog: skill names, domain names, tags and every
//! expectation text.
//!
//! Names, domains and tags are short, so `SkimMatcherV2` (smart case) scores
//! them directly. Expectation texts are long, and a fuzzy match over a whole
//! text matches almost anything, so texts are matched word by word instead:
//! each query word against an index of the distinct words of all texts,
//! built once at load — by prefix ("estimat" finds "estimates"), or fuzzily
//! within one word when the query word has three letters or more. A text
//! matches when every query word matches one of its words.
//!
//! `index` builds the index and runs queries, `words` splits texts and
//! queries into words and matches one word against another, `snippet` makes
//! what a hit shows.

mod index;
mod snippet;
mod words;

pub use index::{Index, narrows};
pub use snippet::{SHOWN_UP_FRONT, fill_shown, matches_all, snippet};
pub use words::{Strength, query_words, words};

/// Where a skill matched. The order is the ranking order among matches of
/// equal score: a name beats a tag beats a domain beats a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    /// The tag at this position in the skill's tags.
    Tag(usize),
    Domain,
    /// The expectation of a role at a level.
    Text {
        role: usize,
        level: usize,
    },
}

impl Field {
    /// Ranking among matches of equal strength: smaller is better.
    pub(super) fn rank(self) -> u8 {
        match self {
            Field::Name => 0,
            Field::Tag(_) => 1,
            Field::Domain => 2,
            Field::Text { .. } => 3,
        }
    }

    /// A short word for where the match is, as the CLI prints it.
    pub fn kind(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Tag(_) => "tag",
            Field::Domain => "domain",
            Field::Text { .. } => "text",
        }
    }
}

/// One result: a skill, where it matched best (or, listing every cell, one
/// matching expectation), and what to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub skill: usize,
    pub field: Field,
    pub score: i64,
    /// The matched string (the name, tag or domain name) or, for a text
    /// match, a snippet around the matched words.
    pub shown: String,
    /// Character indices into `shown` to highlight.
    pub indices: Vec<usize>,
}

/// Which skills a search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    AllRoles,
    /// Only this role's profile, and only its expectations.
    Role(usize),
}

/// Results of one query, best first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub query: String,
    pub scope: Scope,
    /// Every matching expectation is listed, not each skill's best match
    /// ([`Index::search_cells`]).
    pub all_cells: bool,
    pub hits: Vec<Hit>,
}
