//! PDF files: turned into text by poppler's `pdftotext -layout` (columns kept by
//! spacing, which the aligned-table reader reads), then read as text.
//!
//! This is the one stage that runs a program: a PDF has no text stream a parser could
//! read without a PDF engine, and poppler's is the one users have.

use crate::error::ErrorKind;
use std::io::Write;
use std::process::{Command, Stdio};

/// The command recorded in `source.converted_by`.
pub const CONVERTER: &str = "pdftotext -layout -enc UTF-8";

/// The text of a PDF and the converter that made it; [`ErrorKind::NoPdfToText`] when
/// `pdftotext` is not on the PATH.
pub fn to_text(bytes: &[u8]) -> Result<(String, String), ErrorKind> {
    if !on_path("pdftotext") {
        return Err(ErrorKind::NoPdfToText);
    }
    let mut child = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ErrorKind::PdfToText(e.to_string()))?;
    // feed stdin from a thread so a large output cannot block the write
    let input = bytes.to_vec();
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            let _ = s.write_all(&input);
        }
    });
    let out = child
        .wait_with_output()
        .map_err(|e| ErrorKind::PdfToText(e.to_string()))?;
    let _ = writer.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().next().unwrap_or("").trim();
        return Err(ErrorKind::PdfToText(format!("{} ({first})", out.status)));
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if text.trim().is_empty() {
        return Err(ErrorKind::PdfToText(
            "no text in the PDF (a scan needs OCR first)".into(),
        ));
    }
    Ok((text, CONVERTER.to_string()))
}

/// True when an executable named `name` is in a directory of `PATH`.
pub fn on_path(name: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| {
        std::env::split_paths(&p).any(|d| {
            let f = d.join(name);
            f.is_file()
        })
    })
}
