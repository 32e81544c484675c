//! `rungs config --path` / `--default`: where the config file is looked
//! for, or a commented config with every setting at its default.

use std::io::Write;
use std::path::Path;

use super::CliError;

/// Prints the config file's path (`--path`, the default action), or the
/// commented default config (`--default`). Runs before the config is read,
/// so it works while the config file is invalid.
pub fn run(explicit: Option<&Path>, default: bool, out: &mut dyn Write) -> Result<(), CliError> {
    if default {
        write!(
            out,
            "{}",
            crate::config::default_text(&crate::tui::keys::config_section())
        )?;
        return Ok(());
    }
    match explicit
        .map(Path::to_path_buf)
        .or_else(crate::config::default_path)
    {
        Some(p) => writeln!(out, "{}", p.display())?,
        None => writeln!(out, "(no config folder on this system)")?,
    }
    Ok(())
}
