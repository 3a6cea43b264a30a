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
//! HTML pages ([`html`]), Word files ([`docx`]) and text holding raw HTML tables become
//! [`markup::Item`]s, read by [`markup::assemble`] into the same blocks (text lines through
//! the classifier, tables from their exact spans) before the same template stage; a PDF
//! becomes text through `pdftotext` ([`pdf`]). [`parse_bytes`] tells the format
//! ([`detect_format`], or [`Options::from`]).
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
pub mod docx;
pub mod error;
pub mod html;
pub mod line_kind;
pub mod lines;
pub mod markup;
pub mod memo;
pub mod meta;
pub mod model;
pub mod normalize;
pub mod outline;
pub mod pdf;
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
    /// The input format, or `None` to tell it from the path and the bytes.
    pub from: Option<Format>,
}

impl Options {
    /// Sets the encoding.
    pub fn encoding(&mut self, e: EncodingChoice) -> &mut Self {
        self.encoding = e;
        self
    }

    /// Forces the input format.
    pub fn from(&mut self, f: Option<Format>) -> &mut Self {
        self.from = f;
        self
    }
}

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown (raw HTML tables inside are read as HTML).
    Text,
    /// An HTML page or fragment.
    Html,
    /// A Word `.docx` file.
    Docx,
    /// A PDF, through `pdftotext -layout`.
    Pdf,
}

impl Format {
    /// The name written in `source.format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "md" | "markdown" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "docx" | "word" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            other => Err(format!(
                "unknown format '{other}' (expected text, html, docx or pdf)"
            )),
        }
    }
}

/// The format of an input: by its extension, else by its first bytes (a zip holding
/// `word/document.xml`, `%PDF-`, an OLE `.doc`, a page that starts as HTML), else text.
pub fn detect_format(bytes: &[u8], path: &str) -> Result<Format, Error> {
    let lower = path.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if ext == "doc" || bytes.starts_with(OLE) {
        return Err(Error::new(path, error::ErrorKind::LegacyDoc));
    }
    Ok(match ext {
        "html" | "htm" | "xhtml" => Format::Html,
        "docx" => Format::Docx,
        "pdf" => Format::Pdf,
        "txt" | "text" | "md" | "markdown" => Format::Text,
        _ if bytes.starts_with(b"PK\x03\x04")
            && memchr::memmem::find(bytes, b"word/").is_some() =>
        {
            Format::Docx
        }
        _ if bytes.starts_with(b"%PDF-") => Format::Pdf,
        _ => {
            let head = &bytes[..bytes.len().min(4096)];
            let head = String::from_utf8_lossy(head);
            if html::looks_like_html(&head) {
                Format::Html
            } else {
                Format::Text
            }
        }
    })
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
    // the blocks in the order of the text: a caption kept as a paragraph, or text a
    // table's region holds, is pushed after the table read from the region, and the
    // templates regroup tables (a stable sort keeps blocks starting on one line as read)
    doc.blocks.sort_by_key(|b| b.lines()[0]);
    Ok(doc)
}

/// The stages up to the templates (decode, lines, blocks, meta, templates).
fn parse_document(bytes: &[u8], path: &str, opts: &Options) -> Result<Document, Error> {
    if bytes.is_empty() {
        return Err(Error::new(path, error::ErrorKind::Empty));
    }
    let format = match opts.from {
        Some(f) => f,
        None => detect_format(bytes, path)?,
    };
    match format {
        Format::Text => parse_text(bytes, path, opts, None),
        Format::Html => parse_html(bytes, path, opts),
        Format::Docx => {
            let items = docx::items(bytes)
                .map_err(|why| Error::new(path, error::ErrorKind::BadDocx(why)))?;
            let mut doc = parse_items(&items, bytes, path, "docx", "", Vec::new())?;
            doc.source.encoding = "utf-8".into();
            doc.source.encoding_confidence = "valid".into();
            doc.source.line_ending = "none".into();
            Ok(doc)
        }
        Format::Pdf => {
            // The text laid out from the word boxes is read first: where template tables
            // are read (values under template keys), the template's grammar places a row's
            // values by where they stand, and a reading every sum confirms is kept. Else
            // `pdftotext -layout`'s text is read too, and kept where it places more keyed
            // values and fails no more sums, or where neither reads a template table
            // (tables of other reports are read by the layout readers, built on that text).
            let pdf_err = |k| Error::new(path, k);
            let read =
                |t: &pdf::PdfText| parse_text(t.text.as_bytes(), path, opts, Some((t.by, t.chars)));
            let laid = pdf::laid_out(bytes).map_err(pdf_err)?;
            let a = read(&laid)?;
            let qa = template::grammar::quality(&a, None);
            let mut doc = if qa.confirmed {
                a
            } else {
                let layout = pdf::layout(bytes).map_err(pdf_err)?;
                if laid.text.trim().is_empty() && layout.text.trim().is_empty() {
                    return Err(Error::new(path, pdf::no_text()));
                }
                let b = read(&layout)?;
                let qb = template::grammar::quality(&b, None);
                if (qa.placed == 0 && qb.placed == 0)
                    || (qb.placed > qa.placed && qb.failed <= qa.failed)
                {
                    b
                } else {
                    a
                }
            };
            doc.source.bytes = bytes.len() as u64;
            doc.source.sha256 = hex(&Sha256::digest(bytes));
            Ok(doc)
        }
    }
}

/// An HTML page: decoded by BOM, declared charset or detection, read as items.
fn parse_html(bytes: &[u8], path: &str, opts: &Options) -> Result<Document, Error> {
    let mut choice = opts.encoding;
    if choice == EncodingChoice::Auto
        && encoding_rs::Encoding::for_bom(bytes).is_none()
        && std::str::from_utf8(bytes).is_err()
    {
        choice = html::declared_charset(bytes).unwrap_or(choice);
    }
    let mut decoded = decode::decode(bytes, choice);
    if choice != opts.encoding && decoded.confidence == "forced" {
        decoded.confidence = "declared";
    }
    if let Some(line) = binary_line(&decoded.text) {
        return Err(Error::new(path, error::ErrorKind::Binary).at_line(line));
    }
    let warnings = replaced_warnings(&decoded);
    let items = html::items(&decoded.text);
    let mut doc = parse_items(&items, bytes, path, "html", &decoded.text, warnings)?;
    doc.source.encoding = decoded.encoding.to_string();
    doc.source.encoding_confidence = decoded.confidence.to_string();
    Ok(doc)
}

/// The document of marked-up items (HTML, DOCX): text through the classifier, tables
/// from their grids, then the one template stage; line numbers end as source lines.
fn parse_items(
    items: &[markup::Item],
    bytes: &[u8],
    path: &str,
    format: &str,
    source_text: &str,
    mut warnings: Vec<Warning>,
) -> Result<Document, Error> {
    if items.len() > MAX_LINES {
        return Err(Error::new(
            path,
            error::ErrorKind::TooManyLines { limit: MAX_LINES },
        ));
    }
    let style = if format == "docx" { "docx" } else { "html" };
    let a = markup::assemble(items, style, &mut warnings);
    let mut meta = meta::extract(&a.blocks, &a.text);
    meta.fields = a.fields;
    let source = Source {
        path: path.to_string(),
        bytes: bytes.len() as u64,
        sha256: hex(&Sha256::digest(bytes)),
        encoding: "utf-8".to_string(),
        encoding_confidence: "valid".to_string(),
        line_ending: decode::line_ending(source_text).to_string(),
        format: Some(format.to_string()),
        converted_by: None,
    };
    let mut doc = Document {
        schema: SCHEMA.to_string(),
        source,
        meta,
        blocks: a.blocks,
        checks: Vec::new(),
        warnings,
    };
    template::apply(&mut doc, &a.lines);
    markup::remap(&mut doc, &a.map);
    warn_missing_tables(&mut doc);
    Ok(doc)
}

/// A report whose template was recognised from its headings, or that prints headings
/// naming a template table, but holds no table: says so.
fn warn_missing_tables(doc: &mut Document) {
    if doc.tables().next().is_some() {
        return;
    }
    let names_table = doc.meta.template.is_some()
        || doc.blocks.iter().any(|b| match b {
            model::Block::Heading(h) => template::data::builtin().iter().any(|t| {
                t.tables
                    .iter()
                    .any(|tt| template::matching::label_sim_at_least(&h.title, &tt.title, 0.9))
            }),
            _ => false,
        });
    if names_table {
        doc.warnings.push(Warning {
            line: None,
            code: "no-table".into(),
            message: "the report's headings name statistical tables, but no table was found in it"
                .into(),
        });
    }
}

fn replaced_warnings(decoded: &decode::Decoded) -> Vec<Warning> {
    decoded
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
        .collect()
}

/// A text (or a text made of a PDF: [`pdf::PdfText`]'s `by` and `chars`).
fn parse_text(
    bytes: &[u8],
    path: &str,
    opts: &Options,
    pdf: Option<(&str, bool)>,
) -> Result<Document, Error> {
    // how a PDF's text was made, and whether it sets a column per character; page breaks
    // in a text the user gives are `pdftotext -layout`'s, a column per character
    let pdf_chars = pdf.map(|p| p.1);
    let converted_by = pdf.map(|p| p.0.to_string());
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
    let items = html::text_items(&decoded.text);
    // inline tags only (`<span>` inside Markdown cells, no `<table>`): the text without
    // them is read as any text, line for line
    let items = match items {
        Some(items) if items.iter().all(|i| matches!(i, markup::Item::Raw { .. })) => {
            let mut text = String::with_capacity(decoded.text.len());
            for i in &items {
                if let markup::Item::Raw { text: t, .. } = i {
                    text.push_str(t);
                    text.push('\n');
                }
            }
            decoded.text = text;
            None
        }
        other => other,
    };
    if let Some(items) = items {
        // raw HTML tables inside the text: read as HTML, the rest as text
        let mut doc = parse_items(&items, bytes, path, "text", &decoded.text, warnings)?;
        doc.source.encoding = decoded.encoding.to_string();
        doc.source.encoding_confidence = decoded.confidence.to_string();
        doc.source.format = converted_by.as_ref().map(|_| "pdf".to_string());
        doc.source.converted_by = converted_by;
        return Ok(doc);
    }
    let lines = lines::split_lines(&decoded.text);
    let pdf_chars = pdf_chars.unwrap_or_else(|| classify::pdf_chars(&lines));
    let source = Source {
        path: path.to_string(),
        bytes: bytes.len() as u64,
        sha256: hex(&Sha256::digest(bytes)),
        encoding: decoded.encoding.to_string(),
        encoding_confidence: decoded.confidence.to_string(),
        line_ending: decode::line_ending(&decoded.text).to_string(),
        format: converted_by.as_ref().map(|_| "pdf".to_string()),
        converted_by,
    };
    let drawn = line_kind::in_drawing_order(&lines);
    let read = |readings: &[template::grammar::Read]| {
        let mut warnings = warnings.clone();
        let (mut blocks, fields) =
            classify::blocks_and_fields(&lines, readings, pdf_chars, &mut warnings);
        if drawn {
            unread_tables(&mut blocks, &lines, readings, &mut warnings);
        }
        let mut meta = meta::extract(&blocks, &decoded.text);
        meta.fields = if fields.is_empty() {
            meta::fields_in_text(&blocks, &decoded.text)
        } else {
            fields
        };
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
    // Template tables are read by the template's grammar (whatever tool flattened them);
    // the layout readers read everything else. Where the grammar's reading of a template
    // table is incomplete (rows left out, sums failing) and the layout readers' reading
    // of it fails no sum and confirms more, that one is kept; where the two disagree the
    // document says so.
    // A reading of the layout readers of tables printed with explicit cells (bars, tabs,
    // Markdown, HTML) that every sum of the template confirms (all run, none skipped or
    // failed, nothing left unplaced) is kept as it is: there the cells say where each
    // value stands, and the grammar would read the same values at several times the cost.
    // (Text aligned by spaces can keep its sums and still misplace blanks and zeros.)
    let by_layout_first = read(&[]);
    let celled = by_layout_first.tables().all(|t| {
        matches!(
            t.style.as_str(),
            "pipe" | "markdown" | "tsv" | "grid" | "html"
        )
    });
    if celled && template::grammar::quality(&by_layout_first, None).confirmed {
        let mut doc = by_layout_first;
        warn_missing_tables(&mut doc);
        return Ok(doc);
    }
    let Some((_, readings)) = template::grammar::read(&lines, drawn, pdf_chars) else {
        let mut doc = read(&[]);
        warn_missing_tables(&mut doc);
        return Ok(doc);
    };
    let by_grammar = read(&readings);
    if template::grammar::quality(&by_grammar, None).complete {
        return Ok(by_grammar);
    }
    let by_layout = by_layout_first;
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
    warn_missing_tables(&mut doc);
    Ok(doc)
}

/// In text in drawing order a table's values stand in the order the page draws them,
/// neither by row nor by column: a table the layout readers found there is read as the
/// paragraph of its lines (the template's grammar has already read what it can of the
/// template tables, whose regions `readings` cover), also one whose cells read empty,
/// since its values may be printed elsewhere on the page. One warning says how to get a
/// readable text.
fn unread_tables(
    blocks: &mut [model::Block],
    lines: &[lines::Line],
    readings: &[template::grammar::Read],
    warnings: &mut Vec<Warning>,
) {
    let by_grammar = |at: u32| {
        readings
            .iter()
            .any(|r| (lines[r.start].no..=lines[r.end - 1].no).contains(&at))
    };
    let mut unread = 0;
    for b in blocks.iter_mut() {
        let model::Block::Table(t) = b else { continue };
        if by_grammar(t.lines[0]) {
            continue;
        }
        let [a, z] = t.lines;
        let text = lines
            .iter()
            .filter(|l| (a..=z).contains(&l.no) && !l.is_blank())
            .map(|l| normalize::trim(&l.text))
            .collect::<Vec<_>>()
            .join(" ");
        *b = model::Block::Paragraph(model::Paragraph {
            lines: t.lines,
            text,
        });
        unread += 1;
    }
    if unread > 0 {
        warnings.push(Warning {
            line: None,
            code: "drawing-order".into(),
            message: format!(
                "the text is a PDF's in drawing order (plain pdftotext): {unread} table(s) kept as text, their values not read; run `pdftotext -layout` or give govreport the PDF"
            ),
        });
    }
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
