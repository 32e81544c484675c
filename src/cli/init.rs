//! `rungs init DIR`: write the default catalog as editable files.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;
use crate::catalog;

/// Writes the embedded catalog's files into `dir`. Without `force`, no file
/// is written when any of them exists already.
pub fn run(dir: &Path, force: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let files = catalog::embedded_files();
    let targets: Vec<(PathBuf, &[u8])> = files.iter().map(|(p, b)| (dir.join(p), *b)).collect();
    if !force {
        let existing: Vec<&PathBuf> = targets
            .iter()
            .map(|(p, _)| p)
            .filter(|p| p.exists())
            .collect();
        if let Some(first) = existing.first() {
            return Err(CliError::invalid(format!(
                "{} already exists ({} of the {} files would be overwritten); use --force to overwrite",
                first.display(),
                existing.len(),
                targets.len()
            )));
        }
    }
    for (path, bytes) in &targets {
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(path, bytes))
            .map_err(|e| CliError::invalid(format!("cannot write {}: {e}", path.display())))?;
    }
    writeln!(
        out,
        "wrote {} files to {}\nnext: edit them, then run `rungs check --catalog {}`",
        targets.len(),
        dir.display(),
        dir.display()
    )?;
    Ok(())
}
