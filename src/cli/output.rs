//! Output helpers every subcommand shares: JSON and diagnostics.

use std::io::{self, Write};

use crate::catalog::Diagnostic;

/// Writes `value` as pretty JSON and a newline. A write error keeps its
/// kind (`From<serde_json::Error> for io::Error`), so a closed pipe still
/// reads as `BrokenPipe`.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// Prints diagnostics, one block each, separated by blank lines.
pub fn print_diagnostics(out: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    for (i, d) in diags.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{d}")?;
    }
    Ok(())
}
