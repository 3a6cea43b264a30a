//! Writers: render [`Document`]s; they never re-parse.
//!
//! - [`json`]: the document model (one object, or an array for several documents);
//! - JSON Lines: one compact document per line ([`json::write_jsonl`]);
//! - [`csv`]: tidy values, one row per table cell;
//! - [`md`]: a readable rendering with rebuilt headers.

pub mod checks;
pub mod csv;
pub mod json;
pub mod md;
pub mod panel;

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

/// Writes `docs` in `format` to `out`. `excel` adds a UTF-8 BOM to CSV.
pub fn write_all(
    docs: &[Document],
    format: Format,
    excel: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write_json(docs, out),
        Format::Jsonl => {
            for d in docs {
                json::write_jsonl(d, out)?;
            }
            Ok(())
        }
        Format::Csv => csv::write_values(docs, excel, out),
        Format::Md => {
            for d in docs {
                md::write_md(d, out)?;
            }
            Ok(())
        }
    }
}
