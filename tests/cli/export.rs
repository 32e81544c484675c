//! `rungs export --format html|markdown`: the static site. An HTML parser
//! (scraper, on html5ever) checks that every page parses without error,
//! that every link is relative and resolves to a written file (and anchor),
//! and that hostile catalog texts stay text.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use scraper::{Html, Selector};

use crate::support::rungs;

/// Every file under `dir`, relative path → contents.
fn files(dir: &Path) -> BTreeMap<PathBuf, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let text = std::fs::read_to_string(&p).unwrap();
                out.insert(p.strip_prefix(root).unwrap().to_path_buf(), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn export(format: &str, args: &[&str]) -> (tempfile::TempDir, BTreeMap<PathBuf, String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    rungs()
        .args(args)
        .args(["export", "--format", format, "--out"])
        .arg(&out)
        .assert()
        .code(0)
        .stderr("")
        .stdout(predicate::str::starts_with("wrote "));
    let f = files(&out);
    (dir, f)
}

/// Resolves `href` (relative, maybe with a fragment) against `page`.
fn resolve(page: &Path, href: &str) -> (PathBuf, Option<String>) {
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (href, None),
    };
    let mut out: Vec<&std::ffi::OsStr> = page
        .parent()
        .map(|p| p.iter().collect())
        .unwrap_or_default();
    if path.is_empty() {
        return (page.to_path_buf(), fragment);
    }
    for part in path.split('/') {
        match part {
            ".." => {
                assert!(out.pop().is_some(), "{href} leaves the site from {page:?}");
            }
            "." | "" => {}
            p => out.push(std::ffi::OsStr::new(p)),
        }
    }
    (out.iter().collect(), fragment)
}

/// Checks every HTML page of a site; gives the parsed pages.
fn check_html_site(site: &BTreeMap<PathBuf, String>) -> BTreeMap<PathBuf, Html> {
    let parsed: BTreeMap<PathBuf, Html> = site
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .map(|(p, text)| (p.clone(), Html::parse_document(text)))
        .collect();
    assert!(site.contains_key(Path::new("style.css")));
    let ids = Selector::parse("[id]").unwrap();
    let anchors: BTreeMap<&PathBuf, HashSet<String>> = parsed
        .iter()
        .map(|(p, h)| {
            let set = h
                .select(&ids)
                .filter_map(|e| e.value().attr("id").map(str::to_string))
                .collect();
            (p, set)
        })
        .collect();
    let links = Selector::parse("a[href], link[href]").unwrap();
    let bad =
        Selector::parse("script, iframe, object, embed, [onclick], [onload], [style]").unwrap();
    for (page, html) in &parsed {
        assert!(html.errors.is_empty(), "{page:?}: {:?}", html.errors);
        assert_eq!(
            html.select(&bad).count(),
            0,
            "{page:?} has scripts or inline styles"
        );
        for a in html.select(&links) {
            let href = a.value().attr("href").unwrap();
            assert!(
                !href.contains("://") && !href.starts_with('/') && !href.starts_with("javascript:"),
                "{page:?}: link {href} is not relative"
            );
            let (target, fragment) = resolve(page, href);
            assert!(
                site.contains_key(&target),
                "{page:?}: {href} → {target:?} was not written"
            );
            if let Some(f) = fragment {
                assert!(
                    anchors.get(&target).is_some_and(|ids| ids.contains(&f)),
                    "{page:?}: {href}: no id `{f}` in {target:?}"
                );
            }
        }
    }
    parsed
}

#[test]
fn the_default_catalog_exports_a_valid_linked_site() {
    let (_dir, site) = export("html", &[]);
    let parsed = check_html_site(&site);
    // An index, a page per skill, per role and per role × level.
    let skills = site.keys().filter(|p| p.starts_with("skills")).count();
    let summary = crate::support::stdout_of(&["check"]);
    assert!(
        summary.contains(&format!(" {skills} skills, ")),
        "{summary}"
    );
    for page in [
        "index.html",
        "roles/data-scientist.html",
        "roles/data-scientist/lead.html",
        "skills/sql.html",
    ] {
        assert!(parsed.contains_key(Path::new(page)), "{page}");
    }
    assert_eq!(site.len(), 1 + 1 + skills + 2 + 2 * 5);
    let index = &parsed[Path::new("index.html")];
    let html = Selector::parse("html").unwrap();
    assert_eq!(
        index.select(&html).next().unwrap().value().attr("lang"),
        Some("en")
    );
    // The index links every skill page.
    let a = Selector::parse("a[href^='skills/']").unwrap();
    assert_eq!(index.select(&a).count(), skills);
    // The role × level page: required first, each skill with "To reach".
    let lead = &site[Path::new("roles/data-scientist/lead.html")];
    let required = lead.find("<h2>Required</h2>").unwrap();
    let optional = lead.find("<h2>Optional</h2>").unwrap();
    assert!(required < optional);
    assert!(lead.contains("To reach <bdi>Principal</bdi>"), "{lead}");
    // The top level has nothing to reach.
    assert!(!site[Path::new("roles/data-scientist/principal.html")].contains("To reach"));
}

#[test]
fn behaviours_examples_and_proficiency_are_shown() {
    let (_dir, site) = export("html", &[]);
    let page = Html::parse_document(&site[Path::new("skills/llm-agents-tool-use.html")]);
    let behaviours = Selector::parse("ul.behaviours > li").unwrap();
    let texts: Vec<String> = page
        .select(&behaviours)
        .map(|li| li.text().collect::<String>())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Defines tool schemas with clear names")
                && t.contains("e.g. A weather lookup tool")),
        "{texts:?}"
    );
    let prof = Selector::parse(".prof").unwrap();
    assert!(
        page.select(&prof)
            .any(|p| p.text().collect::<String>() == "Foundational")
    );
    let (_dir, md) = export("markdown", &[]);
    let page = &md[Path::new("roles/llm-engineer/senior.md")];
    assert!(
        page.contains("- Puts guardrails on every action with side effects"),
        "{page}"
    );
    assert!(page.contains("- e.g. A post-mortem of an agent"), "{page}");
}

#[test]
fn chinese_interface_strings_and_lang() {
    let (_dir, site) = export("html", &["--lang", "zh"]);
    let index = &site[Path::new("index.html")];
    assert!(index.contains("<html lang=\"zh\">"), "{index}");
    assert!(index.contains("<h2>级别</h2>"), "{index}");
    let lead = &site[Path::new("roles/data-scientist/lead.html")];
    assert!(lead.contains("<h2>必要</h2>"), "{lead}");
    assert!(lead.contains("晋升到"), "{lead}");
    // Names in the reader's language where the catalog has them.
    assert!(index.contains("初级"), "{index}");
}

const HOSTILE: &str = r#"
title = "<script>alert('title')</script>"
[[levels]]
id = "a"
name = "A</td><td>"
[[levels]]
id = "b"
name = "B"
[[roles]]
id = "r"
name = "R\u202E evil"
[[domains]]
id = "d"
name = "D <!-- x"
[[skills]]
id = "s"
name = "<img src=x onerror=alert(1)>"
domain = "d"
summary = "</p><script>alert(2)</script>"
tags = ["<b>", "\u2066iso"]
[skills.expectations.r]
a = "A & B </td></tr></table><script>alert(3)</script>"
b = { text = "a \"quoted\" 'text'\nsecond line", necessity = "required" }
"#;

#[test]
fn hostile_texts_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("hostile.toml");
    std::fs::write(&catalog, HOSTILE).unwrap();
    let catalog = catalog.to_string_lossy().to_string();
    let (_out, site) = export("html", &["--catalog", &catalog]);
    let parsed = check_html_site(&site);
    for (page, text) in &site {
        assert!(
            !text.contains('\u{202E}') && !text.contains('\u{2066}'),
            "{page:?}"
        );
        assert!(!text.contains("<script"), "{page:?}");
        assert!(!text.contains("<img"), "{page:?}");
    }
    // The texts are there, as text.
    let skill = &parsed[Path::new("skills/s.html")];
    let body = skill.root_element().text().collect::<String>();
    assert!(body.contains("<img src=x onerror=alert(1)>"), "{body}");
    assert!(
        body.contains("A & B </td></tr></table><script>alert(3)</script>"),
        "{body}"
    );
    assert!(body.contains("</p><script>alert(2)</script>"), "{body}");
    let td = Selector::parse("td").unwrap();
    // Two levels × one role: two rows of two cells each, whatever the text said.
    assert_eq!(skill.select(&td).count(), 4);
    let index = &parsed[Path::new("index.html")];
    let title = Selector::parse("title").unwrap();
    assert_eq!(
        index
            .select(&title)
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        "<script>alert('title')</script>"
    );

    // Markdown: no raw HTML opens from catalog text.
    let (_out, md) = export("markdown", &["--catalog", &catalog]);
    let page = &md[Path::new("skills/s.md")];
    for tag in ["<script", "<img", "</td", "</p"] {
        for (at, _) in page.match_indices(tag) {
            assert_eq!(&page[at - 1..at], "\\", "unescaped {tag} in {page}");
        }
    }
    assert!(page.contains("\\<script>alert(3)\\</script>"), "{page}");
}

#[test]
fn markdown_writes_the_same_pages_with_relative_links() {
    let (_dir, md) = export("markdown", &[]);
    let (_dir2, html) = export("html", &[]);
    let md_pages: Vec<PathBuf> = md.keys().map(|p| p.with_extension("")).collect();
    let html_pages: Vec<PathBuf> = html
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| p.with_extension(""))
        .collect();
    assert_eq!(md_pages, html_pages);
    // Every Markdown link `](target)` resolves to a written page.
    for (page, text) in &md {
        for part in text.split("](").skip(1) {
            let href = &part[..part.find(')').unwrap()];
            let (target, _) = resolve(page, href);
            assert!(md.contains_key(&target), "{page:?}: {href}");
        }
    }
    let lead = &md[Path::new("roles/data-scientist/lead.md")];
    assert!(lead.contains("\n## Required\n"), "{lead}");
    assert!(lead.contains("**To reach Principal**"), "{lead}");
    let matrix = &md[Path::new("roles/data-scientist.md")];
    assert!(
        matrix.contains("| --- | :-: | :-: | :-: | :-: | :-: |"),
        "{matrix}"
    );
}

#[test]
fn format_and_out_are_required() {
    rungs()
        .args(["export", "--out", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format"));
    rungs()
        .args(["export", "--format", "html"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--out DIR is required"));
}
