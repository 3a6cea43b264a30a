//! govreport turns government reports delivered as text (HTML flattened to `a | b |`
//! lines, Markdown, PDF text dumps, Word copies) into checked, analysable data.
//!
//! The pipeline, one module per stage, each a function of the previous stage's output:
//!
//! ```text
//! bytes --decode--> text --lines--> Vec<Line> --classify--> Vec<Block> --meta--> Document
//!                                     (tables: table::segments -> table::build)
//! ```
//!
//! Writers in [`write`](mod@write) render a [`model::Document`] as JSON, JSON Lines, tidy CSV or
//! Markdown; they never re-parse.
//!
//! ```
//! let text = "三、收到和处理政府信息公开申请情况\n信息内容 | 数量 |\n规章 | 12 |\n";
//! let doc = govreport::parse_bytes(text.as_bytes(), "example.txt", &govreport::Options::default()).unwrap();
//! let table = doc.tables().next().unwrap();
//! assert_eq!(table.columns[0].path, ["数量"]);
//! assert_eq!(table.rows[0].path, ["规章"]);
//! assert_eq!(table.rows[0].cells[0].value, Some(12.0));
//! ```
#![deny(missing_docs)]

pub mod classify;
pub mod decode;
pub mod error;
pub mod lines;
pub mod memo;
pub mod meta;
pub mod model;
pub mod normalize;
pub mod outline;
pub mod table;
pub mod template;
pub mod units;
pub mod write;

pub use error::{Error, ErrorKind};
pub use model::Document;

use decode::EncodingChoice;
use model::{SCHEMA, Source, Warning};
use sha2::{Digest, Sha256};

/// Parsing options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The encoding to decode with, or detection.
    pub encoding: EncodingChoice,
}

impl Options {
    /// Sets the encoding.
    pub fn encoding(&mut self, e: EncodingChoice) -> &mut Self {
        self.encoding = e;
        self
    }
}

/// Most lines one document may have. Memory grows with the number of lines (about 200
/// bytes each, whatever their length), so a file of millions of empty or one-character
/// lines is refused with an error rather than exhausting memory; real reports have a few
/// thousand.
pub const MAX_LINES: usize = 8_000_000;

/// Parses the bytes of one report. `path` is recorded in `source.path`.
///
/// Fails only when the bytes are not a text at all (empty or binary) or have more than
/// [`MAX_LINES`] lines; anything the parser doubts becomes a warning in the document.
pub fn parse_bytes(bytes: &[u8], path: &str, opts: &Options) -> Result<Document, Error> {
    let mut doc = parse_document(bytes, path, opts)?;
    // the last stage: every number in the unit its column or table states
    units::apply(&mut doc);
    Ok(doc)
}

/// The stages up to the templates (decode, lines, blocks, meta, templates).
fn parse_document(bytes: &[u8], path: &str, opts: &Options) -> Result<Document, Error> {
    if bytes.is_empty() {
        return Err(Error::new(path, error::ErrorKind::Empty));
    }
    let mut decoded = decode::decode(bytes, opts.encoding);
    if let Some(line) = binary_line(&decoded.text) {
        return Err(Error::new(path, error::ErrorKind::Binary).at_line(line));
    }
    let warnings: Vec<Warning> = decoded
        .replaced_lines
        .iter()
        .map(|&l| Warning {
            line: Some(l),
            code: "undecodable-bytes".into(),
            message: format!(
                "bytes not valid in {} were replaced by U+FFFD",
                decoded.encoding
            ),
        })
        .collect();
    // Stray control codes (a NUL in a report) become U+FFFD, each line with a warning.
    // (a block of its own, so that the stages below may take `warnings` as they need)
    #[allow(unused_mut)]
    let mut warnings = {
        let mut all = warnings;
        let stray = replace_controls(&mut decoded.text);
        all.extend(stray.into_iter().map(|l| Warning {
            line: Some(l),
            code: "control-characters".into(),
            message:
                "NUL or control characters, which no text holds, were replaced by U+FFFD".into(),
        }));
        all
    };
    let count = memchr::memchr_iter(b'\n', decoded.text.as_bytes()).count();
    if count > MAX_LINES {
        return Err(
            Error::new(path, error::ErrorKind::TooManyLines { limit: MAX_LINES })
                .at_line(MAX_LINES as u32 + 1),
        );
    }
    let lines = lines::split_lines(&decoded.text);
    let source = Source {
        path: path.to_string(),
        bytes: bytes.len() as u64,
        sha256: hex(&Sha256::digest(bytes)),
        encoding: decoded.encoding.to_string(),
        encoding_confidence: decoded.confidence.to_string(),
        line_ending: decode::line_ending(&decoded.text).to_string(),
    };
    let read = |readings: &[template::grammar::Read]| {
        let mut warnings = warnings.clone();
        let blocks = classify::blocks_with(&lines, readings, &mut warnings);
        let meta = meta::extract(&blocks, &decoded.text);
        let mut doc = Document {
            schema: SCHEMA.to_string(),
            source: source.clone(),
            meta,
            blocks,
            checks: Vec::new(),
            warnings,
        };
        template::apply(&mut doc, &lines);
        doc
    };
    // The layout readers read every table; where their reading of the template tables is
    // not complete (values left unplaced, rows not found, sums failing), the template's
    // grammar reads those tables again, and each keeps the reading whose values place
    // more and fail no sum. Where the two disagree the document says so.
    // Template tables are read by the template's grammar (whatever tool flattened them);
    // the layout readers read everything else. Where the grammar's reading of a template
    // table is incomplete (rows left out, sums failing) and the layout readers' reading
    // of it fails no sum and confirms more, that one is kept; where the two disagree the
    // document says so.
    let Some((_, readings)) = template::grammar::read(&lines) else {
        return Ok(read(&[]));
    };
    let by_grammar = read(&readings);
    if template::grammar::quality(&by_grammar, None).complete {
        return Ok(by_grammar);
    }
    let by_layout = read(&[]);
    let kept: Vec<template::grammar::Read> = readings
        .iter()
        .filter(|r| {
            let span = Some([lines[r.start].no, lines[r.end - 1].no]);
            let g = template::grammar::quality(&by_grammar, span);
            let l = template::grammar::quality(&by_layout, span);
            g.complete || !l.confirms_more_than(&g)
        })
        .cloned()
        .collect();
    let mut doc = if kept.len() == readings.len() {
        by_grammar
    } else if kept.is_empty() {
        by_layout.clone()
    } else {
        read(&kept)
    };
    if let Some(w) = template::grammar::disagreement(&doc, &by_layout) {
        doc.warnings.push(w);
    }
    Ok(doc)
}

/// A control code no text has: NUL and the other C0 and C1 controls, but not tab, CR,
/// LF, form feed or vertical tab.
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}' | '\u{b}')
}

/// The first line of a binary file: one where control codes no text has (NUL included)
/// are more than 1 % of the characters, which is what images, archives and executables
/// decode to (random bytes give about 12 %). A few stray bytes in a text (one NUL in a
/// 9 KB report) do not make it binary: [`replace_controls`] replaces them.
fn binary_line(text: &str) -> Option<u32> {
    let control = is_stray_control;
    let line_of = |pos: usize| text[..pos].matches('\n').count() as u32 + 1;
    let (mut chars, mut bad, mut first) = (0usize, 0usize, None);
    for (i, c) in text.char_indices() {
        chars += 1;
        if control(c) {
            bad += 1;
            first.get_or_insert(i);
        }
    }
    (bad * 100 > chars).then(|| line_of(first.unwrap_or(0)))
}

/// Replaces each control code no text has (a stray NUL) by U+FFFD, so no writer passes it
/// on; returns the 1-based lines where it did.
fn replace_controls(text: &mut String) -> Vec<u32> {
    if !text.chars().any(is_stray_control) {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut line = 1u32;
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_stray_control(c) {
            if lines.last() != Some(&line) {
                lines.push(line);
            }
            out.push('\u{FFFD}');
        } else {
            if c == '\n' {
                line += 1;
            }
            out.push(c);
        }
    }
    *text = out;
    lines
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
