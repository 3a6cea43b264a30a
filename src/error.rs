//! The one public error type: what stopped a file from being parsed at all.
//! Everything short of that is a [`crate::model::Warning`] inside the document.

use std::fmt;

/// Why a file could not be parsed.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// The path names a directory.
    IsDirectory,
    /// The file holds no bytes.
    Empty,
    /// The bytes are not text in any supported encoding (NUL bytes, control codes).
    Binary,
    /// The file is larger than the limit.
    TooLarge {
        /// The file size in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The text has more lines than one document may (each line becomes part of a block:
    /// memory grows with the count, not the bytes).
    TooManyLines {
        /// The limit in lines.
        limit: usize,
    },
    /// A legacy Word `.doc` (OLE compound file): only `.docx` is read.
    LegacyDoc,
    /// A `.docx` whose parts could not be read (not a zip, no `word/document.xml`, bad XML).
    BadDocx(String),
    /// A PDF, and no `pdftotext` on the PATH to turn it into text.
    NoPdfToText,
    /// `pdftotext` ran and failed.
    PdfToText(String),
}

/// An error for one input file.
#[derive(Debug)]
pub struct Error {
    path: String,
    line: Option<u32>,
    kind: ErrorKind,
}

impl Error {
    /// A new error about `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Error {
        Error {
            path: path.into(),
            line: None,
            kind,
        }
    }

    /// The same error, located at `line`.
    pub fn at_line(mut self, line: u32) -> Error {
        self.line = Some(line);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file concerned.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The line concerned, when the error has one.
    pub fn line(&self) -> Option<u32> {
        self.line
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, ": cannot read: {e}"),
            ErrorKind::IsDirectory => write!(
                f,
                ": is a directory (give the files in it, or use `govreport convert`)"
            ),
            ErrorKind::Empty => write!(f, ": empty file (0 bytes)"),
            ErrorKind::Binary => write!(
                f,
                ": binary file: not text in UTF-8, UTF-16, GB18030 or Big5"
            ),
            // A pipe or device is read up to one byte past the limit: its size is unknown.
            ErrorKind::TooLarge { bytes, limit } if *bytes == limit.saturating_add(1) => write!(
                f,
                ": input too large (more than {limit} bytes, the limit; see --max-bytes)"
            ),
            ErrorKind::TooLarge { bytes, limit } => {
                write!(
                    f,
                    ": file too large ({bytes} bytes; the limit is {limit}, see --max-bytes)"
                )
            }
            ErrorKind::TooManyLines { limit } => write!(
                f,
                ": too many lines for one report (more than {limit}); split the file"
            ),
            ErrorKind::LegacyDoc => write!(
                f,
                ": legacy Word .doc file: open it in Word or LibreOffice and save it as .docx"
            ),
            ErrorKind::BadDocx(why) => write!(f, ": cannot read as .docx: {why}"),
            ErrorKind::NoPdfToText => write!(
                f,
                ": PDF needs `pdftotext` on the PATH to be read (Debian/Ubuntu: apt-get install poppler-utils)"
            ),
            ErrorKind::PdfToText(why) => write!(f, ": pdftotext failed: {why}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
