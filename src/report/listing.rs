//! `rungs list`: the ids and names of a catalog's roles, levels, domains or
//! skills, in catalog order, as a JSON shape and a tab-separated text.
//!
//! Levels, roles and domains come as written in the catalog; skills by
//! domain (catalog order), then as the explorer lists them (name, then id).
//! With a role, skills are the role's profile, with the necessity at a level
//! when one is given.

use std::io::{self, Write};

use serde::Serialize;

use super::{Ref, SCHEMA};
use crate::catalog::{Catalog, Named};

/// What `rungs list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Roles,
    Levels,
    Domains,
    Skills,
}

/// One listed item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Skills only: the skill's domain id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<&'a str>,
    /// Skills with a role and a level only: `"required"`, `"optional"`, or
    /// JSON `null` when the role expects nothing at that level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub necessity: Option<Option<&'static str>>,
}

/// The JSON of `rungs list`, and what its text shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listing<'a> {
    pub schema: u32,
    pub kind: Kind,
    /// The role whose profile is listed (`--role`), if any.
    pub role: Option<Ref<'a>>,
    /// The level the necessity is given at (`--level`), if any.
    pub level: Option<Ref<'a>>,
    pub items: Vec<Item<'a>>,
}

fn plain(n: &Named) -> Item<'_> {
    Item {
        id: &n.id,
        name: &n.name,
        domain: None,
        necessity: None,
    }
}

/// Every skill position, by domain in catalog order, then by name and id,
/// as the explorer lists a profile.
pub fn skills_in_order(catalog: &Catalog) -> Vec<usize> {
    let mut all: Vec<usize> = (0..catalog.skills.len()).collect();
    all.sort_by_cached_key(|&i| {
        let s = &catalog.skills[i];
        (s.domain, s.name.to_lowercase(), s.id.clone())
    });
    all
}

/// Builds the listing. `role` and `level` matter for skills only: the role's
/// profile instead of every skill, and the necessity at `level` (which is
/// ignored without a role).
pub fn listing(
    catalog: &Catalog,
    kind: Kind,
    role: Option<usize>,
    level: Option<usize>,
) -> Listing<'_> {
    let items = match kind {
        Kind::Roles => catalog.roles.iter().map(plain).collect(),
        Kind::Levels => catalog.levels.iter().map(plain).collect(),
        Kind::Domains => catalog.domains.iter().map(plain).collect(),
        Kind::Skills => {
            let order = match role {
                Some(r) => catalog.profile(r).to_vec(),
                None => skills_in_order(catalog),
            };
            order
                .into_iter()
                .map(|i| {
                    let s = &catalog.skills[i];
                    Item {
                        id: &s.id,
                        name: &s.name,
                        domain: Some(&catalog.domain_of(s).id),
                        necessity: role
                            .zip(level)
                            .map(|(r, l)| s.cell(r, l).map(|c| c.necessity.as_str())),
                    }
                })
                .collect()
        }
    };
    let role_ref = role
        .filter(|_| kind == Kind::Skills)
        .and_then(|r| catalog.roles.get(r))
        .map(Ref::from);
    let level_ref = level
        .filter(|_| role_ref.is_some())
        .and_then(|l| catalog.levels.get(l))
        .map(Ref::from);
    Listing {
        schema: SCHEMA,
        kind,
        role: role_ref,
        level: level_ref,
        items,
    }
}

/// One line per item: `id<TAB>name`, then for skills `<TAB>domain-id`, and
/// `<TAB>required|optional|-` when a level is given. Tabs and line breaks
/// never occur in ids and names (the loader keeps names on one line).
pub fn write_text(listing: &Listing<'_>, out: &mut dyn Write) -> io::Result<()> {
    for item in &listing.items {
        write!(out, "{}\t{}", item.id, item.name)?;
        if let Some(domain) = item.domain {
            write!(out, "\t{domain}")?;
        }
        if let Some(necessity) = item.necessity {
            write!(out, "\t{}", necessity.unwrap_or("-"))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_str;

    /// Levels a, b, c; roles r1, r2; domains d1, d2; skills zeta (d1, r1
    /// optional at a, required at b and c), alpha (d2, r1 optional at b, r2
    /// at a) and beta (d1, r1 at a).
    fn small() -> Catalog {
        let toml = r#"
levels = [{ id = "a", name = "A" }, { id = "b", name = "B" }, { id = "c", name = "C" }]
roles = [{ id = "r1", name = "R1" }, { id = "r2", name = "R2" }]
domains = [{ id = "d1", name = "D1" }, { id = "d2", name = "D2" }]
[[skills]]
id = "zeta"
name = "ZETA"
domain = "d1"
expectations.r1 = { a = "z a", b = { text = "z b", necessity = "required" }, c = { text = "z c", necessity = "required" } }
[[skills]]
id = "alpha"
name = "ALPHA"
domain = "d2"
expectations.r1 = { b = "a b" }
expectations.r2 = { a = "a a" }
[[skills]]
id = "beta"
name = "BETA"
domain = "d1"
expectations.r1 = { a = "b a" }
"#;
        load_str("small.toml", toml).unwrap().catalog
    }

    fn ids<'a>(l: &'a Listing<'_>) -> Vec<&'a str> {
        l.items.iter().map(|i| i.id).collect()
    }

    #[test]
    fn named_lists_keep_catalog_order() {
        let c = small();
        assert_eq!(ids(&listing(&c, Kind::Levels, None, None)), ["a", "b", "c"]);
        assert_eq!(ids(&listing(&c, Kind::Roles, None, None)), ["r1", "r2"]);
        assert_eq!(ids(&listing(&c, Kind::Domains, None, None)), ["d1", "d2"]);
    }

    #[test]
    fn skills_go_by_domain_then_name() {
        let c = small();
        let all = listing(&c, Kind::Skills, None, None);
        assert_eq!(ids(&all), ["beta", "zeta", "alpha"]);
        assert!(all.items.iter().all(|i| i.necessity.is_none()));
        let r2 = listing(&c, Kind::Skills, Some(1), Some(0));
        assert_eq!(ids(&r2), ["alpha"]);
        assert_eq!(r2.items[0].necessity, Some(Some("optional")));
        let r1 = listing(&c, Kind::Skills, Some(0), Some(1));
        let necessities: Vec<_> = r1.items.iter().map(|i| i.necessity).collect();
        assert_eq!(
            necessities,
            [Some(None), Some(Some("required")), Some(Some("optional"))]
        );
        let mut text = Vec::new();
        write_text(&r1, &mut text).unwrap();
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "beta\tBETA\td1\t-\nzeta\tZETA\td1\trequired\nalpha\tALPHA\td2\toptional\n"
        );
    }
}
