//! The one error type of the command line: a message and an exit code.
//!
//! Every subcommand returns `Result<(), CliError>`; [`super::run`] prints
//! the message (when there is one) and exits with the code. A closed pipe
//! (`rungs check | head`) becomes a silent success here, and only here.

use std::io;

use crate::catalog::NotFound;

/// Exit code for a valid run.
pub const EXIT_OK: u8 = 0;
/// Exit code for an invalid catalog, review or config (or no result).
pub const EXIT_INVALID: u8 = 1;
/// Exit code for a usage error.
pub const EXIT_USAGE: u8 = 2;

/// Why a command stopped: what to print on stderr, and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub code: u8,
    /// Printed as it is, on its own line; nothing is printed when empty.
    /// Cleaned like catalog text when made: messages echo what was typed
    /// (arguments, config values, file names), which must not drive the
    /// terminal.
    pub message: String,
}

impl CliError {
    /// A wrong command line: `error: {message}`, exit code 2.
    pub fn usage(message: impl std::fmt::Display) -> Self {
        CliError::raw(EXIT_USAGE, format!("error: {message}"))
    }

    /// Invalid input (catalog, review, config): `error: {message}`, exit code 1.
    pub fn invalid(message: impl std::fmt::Display) -> Self {
        CliError::raw(EXIT_INVALID, format!("error: {message}"))
    }

    /// An exit code with a message printed as it is (or none when empty),
    /// for problems already reported and for results such as "no match".
    pub fn raw(code: u8, message: impl Into<String>) -> Self {
        let message = message.into();
        CliError {
            code,
            message: crate::catalog::clean(&message, false).text,
        }
    }
}

/// A value the user typed that the catalog does not have is a usage error.
impl From<NotFound> for CliError {
    fn from(e: NotFound) -> Self {
        CliError::usage(e)
    }
}

/// A failed write: a closed pipe ends the run quietly and successfully (the
/// reader has what it wanted); anything else is reported.
impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            CliError::raw(EXIT_OK, "")
        } else {
            CliError::invalid(format!("cannot write the output: {e}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_cannot_drive_the_terminal() {
        let e = CliError::usage("no skill matches `\u{1b}]0;PWNED\u{7}`\nsecond line");
        assert_eq!(e.message, "error: no skill matches `]0;PWNED`\nsecond line");
    }

    #[test]
    fn a_closed_pipe_is_a_quiet_success() {
        let e = CliError::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!((e.code, e.message.as_str()), (EXIT_OK, ""));
        let e = CliError::from(io::Error::other("disk full"));
        assert_eq!(e.code, EXIT_INVALID);
        assert_eq!(e.message, "error: cannot write the output: disk full");
    }
}
