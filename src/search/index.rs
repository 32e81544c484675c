//! The search index of one catalog, built once at load, and running a
//! query against it: short fields (names, tags, domains) scored by the skim
//! matcher, texts matched word by word through the index's vocabulary.

use std::collections::HashMap;
use std::collections::HashSet;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::snippet::{SHOWN_UP_FRONT, fill_shown};
use super::words::{any_word, exact_bonus, fold, query_words, word_match};
use super::{Field, Hit, Results, Scope};
use crate::catalog::Catalog;

/// A word of the text index and the cells whose text contains it.
struct Word {
    text: String,
    cells: Vec<u32>,
}

/// The search index of one catalog, built once at load.
pub struct Index {
    names: Vec<String>,
    /// The names, tags and domains with each character lowercased (one
    /// char for one char, so match indices stay valid for the original).
    names_folded: Vec<String>,
    tags_folded: Vec<String>,
    domains_folded: Vec<String>,
    /// Each skill's place in name order, for breaking ties without
    /// comparing strings.
    name_rank: Vec<u32>,
    /// Distinct tags (as written) and the skills that carry each, with the
    /// tag's position in that skill's list.
    tags: Vec<(String, Vec<(u32, u32)>)>,
    domains: Vec<String>,
    /// Skills of each domain.
    domain_skills: Vec<Vec<u32>>,
    /// Distinct lowercase words of all texts, sorted, for prefix ranges.
    words: Vec<Word>,
    roles: usize,
    levels: usize,
    /// Profile membership: `in_role[skill * roles + role]`.
    in_role: Vec<bool>,
    /// Per-cell slots reused from query to query: one query per keystroke
    /// must not allocate and zero a slot for every cell of the catalog.
    scratch: std::sync::Mutex<Scratch>,
}

/// The text-matching slots and which of them the last query touched.
#[derive(Default)]
struct Scratch {
    slots: Vec<Slot>,
    touched: Vec<u32>,
}

impl Scratch {
    /// Clean slots for `cells` cells: only those the previous query
    /// touched are reset.
    fn reset(&mut self, cells: usize) {
        if self.slots.len() == cells {
            for &c in &self.touched {
                self.slots[c as usize] = Slot::default();
            }
        } else {
            self.slots = vec![Slot::default(); cells];
        }
        self.touched.clear();
    }
}

impl Index {
    pub fn new(catalog: &Catalog) -> Self {
        let roles = catalog.roles.len();
        let levels = catalog.levels.len();
        let mut tag_ids: HashMap<&str, usize> = HashMap::new();
        let mut tags: Vec<(String, Vec<(u32, u32)>)> = Vec::new();
        let mut domain_skills = vec![Vec::new(); catalog.domains.len()];
        let mut word_cells: HashMap<String, Vec<u32>> = HashMap::new();
        let mut in_role = vec![false; catalog.skills.len() * roles];
        let mut buf = String::new();
        for (s, skill) in catalog.skills.iter().enumerate() {
            let sid = u32::try_from(s).unwrap_or(u32::MAX);
            for (t, tag) in skill.tags.iter().enumerate() {
                let id = *tag_ids.entry(tag.as_str()).or_insert_with(|| {
                    tags.push((tag.clone(), Vec::new()));
                    tags.len() - 1
                });
                tags[id].1.push((sid, u32::try_from(t).unwrap_or(0)));
            }
            if let Some(d) = domain_skills.get_mut(skill.domain) {
                d.push(sid);
            }
            for (r, l, cell) in skill.expectations() {
                in_role[s * roles + r] = true;
                let cell_id = u32::try_from((s * roles + r) * levels + l).unwrap_or(u32::MAX);
                any_word(&cell.text, &mut buf, |w| {
                    // Look up first: most words are known, and then no key
                    // needs to be allocated.
                    let cells = match word_cells.get_mut(w) {
                        Some(cells) => cells,
                        None => word_cells.entry(w.to_string()).or_default(),
                    };
                    if cells.last() != Some(&cell_id) {
                        cells.push(cell_id);
                    }
                    false
                });
            }
        }
        let mut words: Vec<Word> = word_cells
            .into_iter()
            .map(|(text, cells)| Word { text, cells })
            .collect();
        words.sort_unstable_by(|a, b| a.text.cmp(&b.text));
        Index {
            names: catalog.skills.iter().map(|s| s.name.clone()).collect(),
            names_folded: catalog.skills.iter().map(|s| fold(&s.name)).collect(),
            name_rank: {
                let mut order: Vec<usize> = (0..catalog.skills.len()).collect();
                order.sort_by_cached_key(|&i| fold(&catalog.skills[i].name));
                let mut rank = vec![0u32; order.len()];
                for (r, i) in order.into_iter().enumerate() {
                    rank[i] = u32::try_from(r).unwrap_or(u32::MAX);
                }
                rank
            },
            tags_folded: tags.iter().map(|(t, _)| fold(t)).collect(),
            domains_folded: catalog.domains.iter().map(|d| fold(&d.name)).collect(),
            tags,
            domains: catalog.domains.iter().map(|d| d.name.clone()).collect(),
            domain_skills,
            words,
            roles,
            levels,
            in_role,
            scratch: std::sync::Mutex::new(Scratch::default()),
        }
    }

    /// Number of distinct words in the text index.
    pub fn vocabulary(&self) -> usize {
        self.words.len()
    }

    fn skill_in_scope(&self, skill: usize, scope: Scope) -> bool {
        match scope {
            Scope::AllRoles => true,
            Scope::Role(r) => self
                .in_role
                .get(skill * self.roles + r)
                .copied()
                .unwrap_or(false),
        }
    }

    /// Vocabulary words matching one query word, with a score each.
    fn matching_words(&self, matcher: &SkimMatcherV2, q: &str) -> Vec<(usize, i64, bool)> {
        // Only two ranges of the sorted vocabulary can match: the words that
        // start with `q`, and (for fuzzy matches) those that start with its
        // first letter. `word_match` decides within them.
        let first_len = q.chars().next().map_or(0, char::len_utf8);
        let range = |prefix: &str| {
            let lo = self.words.partition_point(|w| w.text.as_str() < prefix);
            let len = self.words[lo..].partition_point(|w| w.text.starts_with(prefix));
            lo..lo + len
        };
        let candidates = if q.chars().count() < 3 {
            range(q)
        } else {
            range(&q[..first_len])
        };
        candidates
            .filter_map(|i| {
                word_match(matcher, &self.words[i].text, q).map(|(s, strong)| (i, s, strong))
            })
            .collect()
    }

    /// Runs a query. `cancelled` is polled now and then; when it returns
    /// true the search stops and returns `None` (a newer query is waiting).
    /// `candidates`, when given, limits the search to those skills: the
    /// results of a shorter query this one extends.
    ///
    /// Ranking: a *strong* match (every query word starts a word of the
    /// field) beats a *weak* one (letters scattered); among equals a name
    /// beats a tag beats a domain beats a text; then the higher score; then
    /// the name. A skill appears once, with its best match.
    pub fn search(
        &self,
        catalog: &Catalog,
        query: &str,
        scope: Scope,
        candidates: Option<&HashSet<usize>>,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Results> {
        let query_trim = query.trim();
        let mut results = Results {
            query: query.to_string(),
            scope,
            hits: Vec::new(),
        };
        if query_trim.is_empty() {
            return Some(results);
        }
        let matcher = SkimMatcherV2::default().smart_case();
        // Smart case: a query without capitals ignores case. Matching it
        // against folded strings keeps the scores of "Estimation" and
        // "estimates" equal, so ranking is not decided by capitals.
        let fold_case = !query_trim.chars().any(char::is_uppercase);
        let qwords = query_words(query_trim);
        let mut best: HashMap<usize, Candidate> = HashMap::new();
        let mut offer = |skill: usize, c: Candidate| match best.get(&skill) {
            Some(old) if old.key() <= c.key() => {}
            _ => {
                best.insert(skill, c);
            }
        };
        let wanted =
            |s: usize| candidates.is_none_or(|c| c.contains(&s)) && self.skill_in_scope(s, scope);
        // Matches a short field (name, tag, domain): the skim score plus
        // whether it is strong.
        let mut buf = String::new();
        let mut short_field = |orig: &str, folded: &str| -> Option<(i64, bool, Vec<usize>)> {
            let field = if fold_case { folded } else { orig };
            let (score, idx) = matcher.fuzzy_indices(field, query_trim)?;
            let strong = qwords
                .iter()
                .all(|q| any_word(folded, &mut buf, |w| w.starts_with(q.as_str())));
            Some((score + exact_bonus(folded, &qwords, &mut buf), strong, idx))
        };

        for s in 0..self.names.len() {
            if s % 4096 == 0 && cancelled() {
                return None;
            }
            if !wanted(s) {
                continue;
            }
            if let Some((score, strong, idx)) = short_field(&self.names[s], &self.names_folded[s]) {
                offer(s, Candidate::new(strong, Field::Name, score, idx));
            }
        }
        for (t, (tag, holders)) in self.tags.iter().enumerate() {
            if let Some((score, strong, idx)) = short_field(tag, &self.tags_folded[t]) {
                for &(s, i) in holders {
                    if wanted(s as usize) {
                        let field = Field::Tag(i as usize);
                        offer(
                            s as usize,
                            Candidate::new(strong, field, score, idx.clone()),
                        );
                    }
                }
            }
        }
        for (d, name) in self.domains.iter().enumerate() {
            if let Some((score, strong, idx)) = short_field(name, &self.domains_folded[d]) {
                for &s in &self.domain_skills[d] {
                    if wanted(s as usize) {
                        offer(
                            s as usize,
                            Candidate::new(strong, Field::Domain, score, idx.clone()),
                        );
                    }
                }
            }
        }
        if cancelled() {
            return None;
        }

        // Texts: every query word must match a word of the same text. One
        // slot per cell, touched ones listed, so a query costs what its
        // matching words' postings cost.
        let per_skill = (self.roles * self.levels).max(1);
        let levels = self.levels.max(1);
        let cells = self.names.len() * per_skill;
        // Another thread searching the same index at once gets fresh slots
        // rather than waiting.
        let mut own = Scratch::default();
        let mut guard = self.scratch.try_lock().ok();
        let scratch = guard.as_deref_mut().unwrap_or(&mut own);
        scratch.reset(cells);
        let Scratch { slots, touched } = scratch;
        for (n, q) in qwords.iter().enumerate() {
            let n = u16::try_from(n).unwrap_or(u16::MAX);
            for (w, score, strong) in self.matching_words(&matcher, q) {
                for &cell in &self.words[w].cells {
                    let c = cell as usize;
                    let Some(slot) = slots.get_mut(c) else {
                        continue;
                    };
                    if n == 0 {
                        let skill = c / per_skill;
                        if matches!(scope, Scope::Role(r) if r != (c % per_skill) / levels)
                            || !wanted(skill)
                        {
                            continue;
                        }
                        if slot.matched == 0 {
                            touched.push(cell);
                            slot.strong = true;
                        }
                    } else if slot.matched < n {
                        continue; // missed an earlier word
                    }
                    if slot.matched == n {
                        slot.matched = n + 1;
                        slot.word_score = score;
                        slot.word_strong = strong;
                    } else if (score, strong) > (slot.word_score, slot.word_strong) {
                        slot.word_score = score;
                        slot.word_strong = strong;
                    }
                }
            }
            // Fold this word's best into the running totals.
            for &cell in touched.iter() {
                let slot = &mut slots[cell as usize];
                if slot.matched == n + 1 {
                    slot.score += slot.word_score;
                    slot.strong &= slot.word_strong;
                    slot.word_score = 0;
                }
            }
            if cancelled() {
                return None;
            }
        }
        let full = u16::try_from(qwords.len()).unwrap_or(u16::MAX);
        for &cell in touched.iter() {
            let slot = &slots[cell as usize];
            if slot.matched != full {
                continue;
            }
            let c = cell as usize;
            let field = Field::Text {
                role: (c % per_skill) / levels,
                level: c % levels,
            };
            offer(
                c / per_skill,
                Candidate::new(slot.strong, field, slot.score, Vec::new()),
            );
        }

        let mut hits: Vec<(Candidate, usize)> = best.into_iter().map(|(s, c)| (c, s)).collect();
        hits.sort_unstable_by_key(|(c, s)| (c.key(), self.name_rank[*s], *s));
        let mut hits: Vec<Hit> = hits
            .into_iter()
            .map(|(c, skill)| Hit {
                skill,
                field: c.field,
                score: c.score,
                shown: String::new(),
                indices: c.indices,
            })
            .collect();
        // Snippets cost a scan of the text: make them for the first results
        // only; the rest are made when shown (`fill_shown`).
        for hit in hits.iter_mut().take(SHOWN_UP_FRONT) {
            fill_shown(catalog, hit, &qwords);
        }
        results.hits = hits;
        Some(results)
    }
}

/// The best match found so far for one skill.
struct Candidate {
    strong: bool,
    field: Field,
    score: i64,
    indices: Vec<usize>,
}

impl Candidate {
    fn new(strong: bool, field: Field, score: i64, indices: Vec<usize>) -> Self {
        Candidate {
            strong,
            field,
            score,
            indices,
        }
    }

    /// Smaller is better: strong first, then by field, then by score.
    fn key(&self) -> (bool, u8, std::cmp::Reverse<i64>) {
        (
            !self.strong,
            self.field.rank(),
            std::cmp::Reverse(self.score),
        )
    }
}

/// Per-cell state of the text matching of one query.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// How many query words (from the first) this cell's text has matched.
    matched: u16,
    score: i64,
    strong: bool,
    /// Best match of the current word.
    word_score: i64,
    word_strong: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_embedded;

    fn run(catalog: &Catalog, q: &str) -> Results {
        Index::new(catalog)
            .search(catalog, q, Scope::AllRoles, None, &|| false)
            .unwrap()
    }

    #[test]
    fn name_match_ranks_first_and_highlights_char_indices() {
        let c = load_embedded().unwrap().catalog;
        let r = run(&c, "deep learn");
        let top = &r.hits[0];
        assert_eq!(c.skills[top.skill].id, "deep-learning");
        assert_eq!(top.field, Field::Name);
        assert_eq!(top.shown, "Deep Learning");
        assert_eq!(top.indices[..4], [0, 1, 2, 3]);
    }

    #[test]
    fn texts_match_by_word_prefix() {
        let c = load_embedded().unwrap().catalog;
        let r = run(&c, "torch.comp");
        let dl = c.skill_index("deep-learning").unwrap();
        let hit = r
            .hits
            .iter()
            .find(|h| h.skill == dl)
            .expect("deep learning found");
        assert!(matches!(hit.field, Field::Text { .. }));
        assert!(hit.shown.contains("torch.compile"), "{}", hit.shown);
        let hl: String = hit
            .indices
            .iter()
            .map(|&i| hit.shown.chars().nth(i).unwrap())
            .collect();
        assert_eq!(hl, "torch.compile");
    }

    #[test]
    fn three_letters_do_not_match_everything() {
        let c = load_embedded().unwrap().catalog;
        let r = run(&c, "xqz");
        assert!(r.hits.is_empty());
        let r = run(&c, "est");
        assert!(
            r.hits.len() < c.skills.len(),
            "{} of {}",
            r.hits.len(),
            c.skills.len()
        );
    }

    #[test]
    fn a_skill_appears_once() {
        let c = load_embedded().unwrap().catalog;
        let r = run(&c, "pytorch");
        let mut seen = HashSet::new();
        assert!(r.hits.iter().all(|h| seen.insert(h.skill)));
    }

    #[test]
    fn scope_limits_to_one_role() {
        let c = load_embedded().unwrap().catalog;
        let idx = Index::new(&c);
        let ds = c.role_index("data-scientist").unwrap();
        let r = idx
            .search(&c, "dbt", Scope::Role(ds), None, &|| false)
            .unwrap();
        for h in &r.hits {
            if let Field::Text { role, .. } = h.field {
                assert_eq!(role, ds);
            }
            assert!(c.skills[h.skill].in_role(ds));
        }
    }

    #[test]
    fn cancelled_search_returns_none() {
        let c = load_embedded().unwrap().catalog;
        assert!(
            Index::new(&c)
                .search(&c, "a", Scope::AllRoles, None, &|| true)
                .is_none()
        );
    }
}
