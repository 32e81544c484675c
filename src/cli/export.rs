//! `rungs export --format FORMAT --out PATH`: the whole ladder for people
//! who are not in the terminal. `html` and `markdown` write a static site
//! into a folder ([`crate::site`]); `csv` (the spreadsheet round trip,
//! [`crate::sheet`]) writes one file, to `--out FILE` or standard output.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::CliError;
use crate::catalog::Catalog;
use crate::i18n::Lang;
use rayon::prelude::*;

use crate::site::{Site, SiteFormat};

/// What `rungs export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A static HTML site (index, a page per skill, role and role × level, one stylesheet)
    Html,
    /// The same pages as Markdown files, for wikis
    Markdown,
    /// The whole catalog in long form, one row per cell (RFC 4180, UTF-8),
    /// to --out FILE or standard output; `rungs import csv` reads it back
    Csv,
}

/// Writes the export of `catalog` in `format` to `out_path` and prints one
/// line saying what was written. The site's folder is created when
/// missing; files of an earlier export are overwritten.
pub fn run(
    catalog: &Catalog,
    format: Format,
    out_path: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let site_format = match format {
        Format::Html => SiteFormat::Html,
        Format::Markdown => SiteFormat::Markdown,
        Format::Csv => return csv(catalog, out_path, out),
    };
    let Some(dir) = out_path else {
        return Err(CliError::usage(
            "--out DIR is required for --format html and markdown: the folder to write the site into",
        ));
    };
    let shown = crate::catalog::clean(&dir.display().to_string(), true).text;
    let fail = |what: &Path, e: std::io::Error| {
        CliError::invalid(format!(
            "cannot write {}: {e}",
            crate::catalog::clean(&what.display().to_string(), true).text
        ))
    };
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::usage(format!(
            "--out {shown} is a file; give a folder to write the site into"
        )));
    }
    let site = Site::new(catalog, lang, site_format);
    for folder in
        std::iter::once(dir.to_path_buf()).chain(site.folders().iter().map(|f| dir.join(f)))
    {
        std::fs::create_dir_all(&folder).map_err(|e| fail(&folder, e))?;
    }
    let write = |path: &Path, contents: &str| {
        let path = dir.join(path);
        std::fs::write(&path, contents).map_err(|e| fail(&path, e))
    };
    let assets = site.assets();
    let pages = site.pages();
    let count = assets.len() + pages.len();
    for file in &assets {
        write(&file.path, &file.contents)?;
    }
    // Pages are independent: each is rendered by whichever thread is free,
    // into a buffer that thread reuses, and written with one call.
    pages
        .into_par_iter()
        .try_for_each_init(String::new, |buf, page| {
            let path = site.render_into(page, buf);
            write(&path, buf)
        })?;
    writeln!(
        out,
        "wrote {count} files to {shown} (open {shown}/index.{})",
        site_format.extension()
    )?;
    Ok(())
}

/// The catalog as CSV ([`crate::sheet::export`]) to `out_path`, or to
/// `out` when there is none.
fn csv(catalog: &Catalog, out_path: Option<&Path>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut bytes = Vec::new();
    crate::sheet::export(catalog, &mut bytes)
        .map_err(|e| CliError::invalid(format!("cannot write CSV: {e}")))?;
    match out_path {
        Some(path) => {
            crate::fsutil::write_atomic(&crate::fsutil::RealFs, path, &bytes).map_err(|e| {
                CliError::invalid(format!(
                    "cannot write {}: {e}",
                    crate::catalog::clean(&path.display().to_string(), true).text
                ))
            })
        }
        None => Ok(out.write_all(&bytes)?),
    }
}
