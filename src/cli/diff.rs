//! `rungs diff OLD NEW`: what changed between two versions of a catalog,
//! each a path or `REV:PATH` read through `git`, and which review files a
//! change affects (`--reviews DIR`). Exit status like `diff(1)`.
//!
//! The comparison is [`crate::diff`]'s, the formats [`crate::report::diff`]'s.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use clap::ValueEnum;

use super::output::{print_diagnostics, write_json};
use super::{CliError, EXIT_INVALID};
use crate::catalog::{self, Loaded};
use crate::diff::CatalogDiff;
use crate::i18n::Lang;
use crate::report::diff::{affected_reviews, build, write_markdown, write_text};
use crate::review::Review;

/// Exit status for an invalid catalog or a failed `git` call (0 means no
/// change, 1 changes, 2 a usage error, as for `diff`).
pub const EXIT_TROUBLE: u8 = 3;

/// Folder depth below `--reviews DIR` that is searched.
const MAX_DEPTH: usize = 32;

/// How `rungs diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Plain text, word diffs as `[-removed-]{+added+}`
    #[default]
    Text,
    /// Markdown for a pull request comment
    Markdown,
    /// Pretty-printed JSON (see docs/json.md)
    Json,
}

/// Where one side comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Side {
    Path(PathBuf),
    /// `REV:PATH`, read through `git`.
    Git(String),
}

impl Side {
    /// An argument is `REV:PATH` only when it is not an existing path and
    /// contains `:`.
    fn of(arg: &str) -> Side {
        if !Path::new(arg).exists() && arg.contains(':') {
            Side::Git(arg.to_string())
        } else {
            Side::Path(PathBuf::from(arg))
        }
    }
}

/// Runs `git` with `args` (and `input` on its stdin), giving its stdout, or
/// its message when it fails.
fn git(args: &[&str], input: Option<&[u8]>) -> Result<Vec<u8>, CliError> {
    let trouble = |m: String| CliError::raw(EXIT_TROUBLE, format!("error: {m}"));
    let mut child = Command::new("git")
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| trouble(format!("cannot run git: {e}")))?;
    // Feed stdin from a thread so a large output cannot deadlock against it.
    let feeder = match (input, child.stdin.take()) {
        (Some(bytes), Some(mut stdin)) => {
            let bytes = bytes.to_vec();
            Some(std::thread::spawn(move || stdin.write_all(&bytes)))
        }
        _ => None,
    };
    let mut stdout = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut stdout)
            .map_err(|e| trouble(format!("cannot read git's output: {e}")))?;
    }
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    if let Some(f) = feeder {
        let _ = f.join();
    }
    let status = child
        .wait()
        .map_err(|e| trouble(format!("git failed: {e}")))?;
    if !status.success() {
        let message = catalog::clean(stderr.trim(), false).text;
        return Err(trouble(format!("git {} failed: {message}", args.join(" "))));
    }
    Ok(stdout)
}

/// Reads the catalog at `spec` (`REV:PATH`) out of git: one file, or a
/// folder whose files are read in one `git cat-file --batch`.
fn load_git(spec: &str) -> Result<Result<Loaded, catalog::LoadError>, CliError> {
    let kind = git(&["cat-file", "-t", spec], None)?;
    let shown = catalog::clean(spec, true).text;
    if String::from_utf8_lossy(&kind).trim() == "blob" {
        let bytes = git(&["cat-file", "blob", spec], None)?;
        return Ok(catalog::load_str(&shown, &String::from_utf8_lossy(&bytes)));
    }
    let listing = git(&["ls-tree", "-r", "-z", spec], None)?;
    // `<mode> blob <id>\t<path>` entries, NUL-separated.
    let mut entries: Vec<(String, PathBuf)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut fields = meta.split(' ');
        if let (Some(_), Some("blob"), Some(id)) = (fields.next(), fields.next(), fields.next())
            && path.ends_with(".toml")
        {
            entries.push((id.to_string(), PathBuf::from(path)));
        }
    }
    let request: String = entries.iter().map(|(id, _)| format!("{id}\n")).collect();
    let batch = git(&["cat-file", "--batch"], Some(request.as_bytes()))?;
    let mut files = Vec::with_capacity(entries.len());
    let mut rest = batch.as_slice();
    for (_, path) in entries {
        // `<id> blob <size>\n<bytes>\n`
        let header_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let header = String::from_utf8_lossy(&rest[..header_end]).to_string();
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| {
                CliError::raw(
                    EXIT_TROUBLE,
                    format!("error: unexpected output from git cat-file: {header}"),
                )
            })?;
        let start = (header_end + 1).min(rest.len());
        let end = start.saturating_add(size).min(rest.len());
        files.push((path, rest[start..end].to_vec()));
        rest = &rest[(end + 1).min(rest.len())..];
    }
    Ok(catalog::load_files(&shown, files))
}

/// One side, loaded; an invalid catalog has its problems printed to `err`.
fn load_side(arg: &str, err: &mut dyn Write) -> Result<Loaded, CliError> {
    let loaded = match Side::of(arg) {
        Side::Path(p) => catalog::load_path(&p),
        Side::Git(spec) => load_git(&spec)?,
    };
    loaded.or_else(|e| {
        print_diagnostics(err, &e.diagnostics)?;
        let n = e.error_count();
        Err(CliError::raw(
            EXIT_TROUBLE,
            format!(
                "error: catalog `{}` is not valid ({n} error{}); run `rungs check` on it for details",
                catalog::clean(arg, true).text,
                if n == 1 { "" } else { "s" }
            ),
        ))
    })
}

/// Every `.toml` file below `dir`, sorted; hidden entries and symlinked
/// folders are skipped.
fn toml_files(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = e.file_type()?;
        let path = e.path();
        if kind.is_dir() && depth < MAX_DEPTH {
            toml_files(&path, depth + 1, out)?;
        } else if kind.is_file() && path.extension().is_some_and(|x| x == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Review files found (shown path and review), and `.toml` files that are
/// not reviews.
type FoundReviews = (Vec<(String, Review)>, Vec<String>);

/// The review files under `dir`, and the `.toml` files that are not reviews.
fn read_reviews(dir: &Path) -> Result<FoundReviews, CliError> {
    let mut paths = Vec::new();
    toml_files(dir, 0, &mut paths).map_err(|e| {
        CliError::usage(format!(
            "cannot read the reviews folder {}: {e}",
            catalog::clean(&dir.display().to_string(), true).text
        ))
    })?;
    let mut reviews = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let shown = catalog::clean(&path.display().to_string(), true).text;
        let parsed = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| Review::parse(&shown, &text).ok());
        match parsed {
            Some(review) => reviews.push((shown, review)),
            None => skipped.push(shown),
        }
    }
    Ok((reviews, skipped))
}

/// Compares `old` with `new` and prints the changes to `out` in `format`,
/// with names and labels in `lang`. Exit status: 0 no change, 1 changes, 3
/// an invalid catalog or a failed `git` call; `--reviews` never changes it.
pub fn run(
    old: &str,
    new: &str,
    reviews: Option<&Path>,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let found_reviews = reviews.map(read_reviews).transpose()?;
    let mut old_loaded = load_side(old, err)?;
    let mut new_loaded = load_side(new, err)?;
    // Names in the reader's language, as every command shows them; both
    // sides alike, so a rename is a change of the name the reader sees.
    old_loaded.catalog.localize(lang.code());
    new_loaded.catalog.localize(lang.code());
    let diff = CatalogDiff::new(&old_loaded.catalog, &new_loaded.catalog);
    let mut report = build(&diff, old, new);
    if let Some((reviews, skipped)) = found_reviews {
        report.reviews = Some(affected_reviews(
            &old_loaded.catalog,
            &new_loaded.catalog,
            &reviews,
            skipped,
        ));
    }
    match format {
        Format::Text => write_text(lang.strings(), &report, out)?,
        Format::Markdown => write_markdown(lang.strings(), &report, out)?,
        Format::Json => write_json(out, &report)?,
    }
    if report.changed {
        return Err(CliError::raw(EXIT_INVALID, ""));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rev_path_only_when_not_a_path_and_with_a_colon() {
        assert_eq!(Side::of("main:ladder"), Side::Git("main:ladder".into()));
        assert_eq!(Side::of("ladder"), Side::Path("ladder".into()));
        // An existing path wins even with a colon in it.
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("a:b");
        std::fs::write(&odd, "").unwrap();
        let arg = odd.to_string_lossy().to_string();
        assert_eq!(Side::of(&arg), Side::Path(odd));
    }
}
