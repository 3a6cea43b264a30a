//! Writers: render [`Document`]s; they never re-parse.
//!
//! - [`json`]: the document model (one object, or an array for several documents);
//! - JSON Lines: one compact document per line ([`json::write_jsonl`]);
//! - [`csv`]: tidy values, one row per table cell;
//! - [`md`]: a readable rendering with rebuilt headers;
//! - [`values`]: the tidy values typed, one [`values::ValueRow`] per cell (what the CSV
//!   prints, for the Parquet writer and the Python binding);
//! - [`parquet`] (cargo feature `parquet`): the tidy values and the panel as Parquet.

pub mod checks;
pub mod csv;
pub mod json;
pub mod md;
pub mod panel;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod values;

use crate::model::Document;

/// Output formats of `govreport parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Pretty JSON.
    Json,
    /// One document per line.
    Jsonl,
    /// Tidy values.
    Csv,
    /// Markdown.
    Md,
}

/// Writes `docs` in `format` to `out`: JSON is one object for one document, an array
/// otherwise. `excel` adds a UTF-8 BOM to CSV and neutralises formulas.
pub fn write_all(
    docs: &[Document],
    format: Format,
    excel: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut w = DocWriter::new(format, excel, docs.len() != 1, out)?;
    for d in docs {
        w.write(d)?;
    }
    w.finish()
}

/// Writes documents one at a time, each as soon as it is given, so memory holds one
/// document however many are written; the bytes are those of [`write_all`] over them all.
///
/// ```
/// use govreport::write::{DocWriter, Format};
/// let doc = govreport::parse_bytes("一、总体情况\n".as_bytes(), "a.txt", &Default::default()).unwrap();
/// let mut out = Vec::new();
/// let mut w = DocWriter::new(Format::Json, false, true, &mut out).unwrap();
/// w.write(&doc).unwrap();
/// w.finish().unwrap();
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(v.as_array().unwrap().len(), 1);
/// ```
pub struct DocWriter<'a> {
    format: Format,
    excel: bool,
    /// JSON: an array (several inputs), else one object.
    array: bool,
    written: usize,
    out: &'a mut dyn std::io::Write,
    buf: Vec<u8>,
}

impl<'a> DocWriter<'a> {
    /// Starts the output: the CSV header (after a BOM with `excel`), the `[` of a JSON
    /// array. `array` says whether JSON is an array (several documents) or one object.
    pub fn new(
        format: Format,
        excel: bool,
        array: bool,
        out: &'a mut dyn std::io::Write,
    ) -> std::io::Result<DocWriter<'a>> {
        match format {
            Format::Csv => csv::write_values(&[], excel, out)?,
            Format::Json if array => out.write_all(b"[")?,
            _ => {}
        }
        Ok(DocWriter {
            format,
            excel,
            array,
            written: 0,
            out,
            buf: Vec::new(),
        })
    }

    /// Writes one document.
    pub fn write(&mut self, d: &Document) -> std::io::Result<()> {
        match self.format {
            Format::Json if self.array => {
                // serde_json's pretty array, one element at a time: each element's lines
                // indented by two spaces (JSON strings hold no raw newline).
                self.buf.clear();
                serde_json::to_writer_pretty(&mut self.buf, d)?;
                let sep: &[u8] = if self.written == 0 { b"\n" } else { b",\n" };
                self.out.write_all(sep)?;
                for (i, line) in self.buf.split(|&b| b == b'\n').enumerate() {
                    if i > 0 {
                        self.out.write_all(b"\n")?;
                    }
                    self.out.write_all(b"  ")?;
                    self.out.write_all(line)?;
                }
            }
            Format::Json => json::write_json(std::slice::from_ref(d), self.out)?,
            Format::Jsonl => json::write_jsonl(d, self.out)?,
            Format::Csv => {
                self.buf.clear();
                csv::write_doc(d, self.excel, &mut self.buf);
                self.out.write_all(&self.buf)?;
            }
            Format::Md => {
                if self.written > 0 {
                    self.out.write_all(b"\n---\n\n")?;
                }
                md::write_md(d, self.out)?
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Flushes what is written so far (JSON Lines to a pipe: each line as it is ready).
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    /// Ends the output (the `]` of a JSON array: `[]` when no document was written).
    pub fn finish(self) -> std::io::Result<()> {
        if self.format == Format::Json && self.array {
            let end: &[u8] = if self.written == 0 { b"]\n" } else { b"\n]\n" };
            self.out.write_all(end)?;
        }
        Ok(())
    }
}
