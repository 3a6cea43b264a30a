//! The document model of schema `govreport/1` (see `docs/contract.md`).
//!
//! Every stage of the pipeline ends in these plain owned types; the writers in
//! [`crate::write`] only read them. Field names and meanings are the output contract:
//! add optional fields freely, never change what an existing one means.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The schema name written into every document.
pub const SCHEMA: &str = "govreport/1";

/// One parsed report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Always `govreport/1`.
    pub schema: String,
    /// Where the text came from and how it was decoded.
    pub source: Source,
    /// Title, agency, reporting year and template.
    pub meta: Meta,
    /// Headings, paragraphs, tables and page furniture in document order.
    pub blocks: Vec<Block>,
    /// Arithmetic checks (勾稽关系) required by the report's template.
    pub checks: Vec<Check>,
    /// Everything the parser doubted, with the line it concerns.
    pub warnings: Vec<Warning>,
}

/// Provenance of the decoded text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line (`-` for standard input).
    pub path: String,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// SHA-256 of the input bytes, lowercase hex.
    pub sha256: String,
    /// The encoding the text was decoded from: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`.
    pub encoding: String,
    /// `bom` (a byte-order mark said so), `valid` (the bytes are valid in it),
    /// `guessed` (statistical guess), `forced` (`--encoding`).
    pub encoding_confidence: String,
    /// `lf`, `crlf`, `cr`, `mixed` or `none` (a single line).
    pub line_ending: String,
    /// How the input was read: `text`, `html`, `docx` or `pdf`. Absent means `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The program that turned the input into text first (`pdftotext -layout`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converted_by: Option<String>,
}

/// What the report says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meta {
    /// The report title, line breaks and spaces removed.
    pub title: Option<String>,
    /// The reporting body.
    pub agency: Option<String>,
    /// The reporting year (the statistics period).
    pub year: Option<i32>,
    /// The official template recognised, e.g. `gidr-2019`, `gidr-2021`.
    pub template: Option<String>,
    /// Fields the publishing page states about the document (索引号, 发布机构, 发文日期 …),
    /// read from its metadata table (an HTML table, or its text flattening: `| 索引号： | … |`);
    /// absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<MetaField>,
}

/// One field of a page's metadata table, such as `索引号：…`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MetaField {
    /// The label without its colon (`发布机构`).
    pub label: String,
    /// The value as printed.
    pub value: String,
    /// Source line.
    pub line: u32,
}

/// A block of the document; `kind` tells which.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// The report title (one or more lines).
    Title(Title),
    /// A numbered or marked section heading.
    Heading(Heading),
    /// Running text; wrapped lines joined.
    Paragraph(Paragraph),
    /// A statistical table with rebuilt column and row paths.
    Table(Box<Table>),
    /// Page furniture: page numbers, running heads, form feeds. Never part of a table.
    Furniture(Furniture),
}

impl Block {
    /// The `[first, last]` line range of the block.
    pub fn lines(&self) -> [u32; 2] {
        match self {
            Block::Title(t) => t.lines,
            Block::Heading(h) => h.lines,
            Block::Paragraph(p) => p.lines,
            Block::Table(t) => t.lines,
            Block::Furniture(f) => f.lines,
        }
    }
}

/// A section heading such as `一、总体情况` or `（二）依申请公开`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Heading {
    /// First and last source line.
    pub lines: [u32; 2],
    /// Outline depth: `一、` 1, `（一）` 2, `1.` 3, `（1）` 4, `①` 5; decimal `1` 1, `1.2` 2.
    pub level: u8,
    /// The outline number without punctuation (`一`, `1.2`, `I`, `a`); empty for the title.
    pub number: String,
    /// The heading text without its number.
    pub title: String,
}

/// A paragraph of running text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    /// First and last source line.
    pub lines: [u32; 2],
    /// The text, wrapped lines joined.
    pub text: String,
}

/// The report title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Title {
    /// First and last source line.
    pub lines: [u32; 2],
    /// The title, wrapped lines joined.
    pub text: String,
}

/// Page furniture (a page number, a running head, a form feed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Furniture {
    /// First and last source line.
    pub lines: [u32; 2],
    /// The text as printed.
    pub text: String,
}

/// A statistical table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    /// `t1`, `t2`, … in document order.
    pub id: String,
    /// First and last source line.
    pub lines: [u32; 2],
    /// How it was printed: `pipe`, `markdown`, `grid`, `aligned`, `tsv`, `cellline`, `joined`, `ruled`.
    pub style: String,
    /// The printed caption, or the title of the heading the table sits under.
    pub title: Option<String>,
    /// The band label (`第二十条第（一）项`) that starts this block, if any.
    pub band: Option<String>,
    /// Heading path above the table, outermost first.
    pub section: Vec<String>,
    /// A note printed in the corner cell (the 勾稽关系 sentence).
    pub note: Option<String>,
    /// Corner (stub) cells over the row labels, such as `信息内容`.
    pub stub: Vec<String>,
    /// Value columns with their full header paths.
    pub columns: Vec<Column>,
    /// Data rows; every row has exactly `columns.len()` cells.
    pub rows: Vec<Row>,
}

/// A value column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Column {
    /// Header path, top header row first.
    pub path: Vec<String>,
    /// Stable template key, when a template is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// A data row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Row {
    /// Row-label path, outermost first (the band first when there is one).
    pub path: Vec<String>,
    /// Source line of the row.
    pub line: u32,
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// Stable template key, when a template is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Values the row printed that could not be given a column (a cell-per-line row
    /// whose empty cells the flattening dropped), as printed, in order; each also has an
    /// `unplaced-value` warning. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<String>,
    /// Texts that describe the row rather than rank it: label columns right of the one
    /// naming every row (a product's grade, a label's English beside it), in column order,
    /// each under its column's header where the stub names one. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

/// One descriptive text of a row (`{"name": "规格等级", "text": "主食"}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attribute {
    /// The header of its label column, when the stub names it.
    pub name: Option<String>,
    /// The text as printed.
    pub text: String,
}

/// One value cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cell {
    /// The cell text as printed (trimmed).
    pub raw: String,
    /// The number, for `kind` `number`.
    #[serde(serialize_with = "ser_number")]
    pub value: Option<f64>,
    /// What the cell holds.
    pub kind: CellKind,
    /// Unit after scaling: `%`, `元`, … (absent for a bare number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// `余` / `多` / `约`: the number is approximate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// `sums`: the cell prints empty and its number was derived from the template's sums
    /// (two independent rules agreeing); a `derived-from-sums` warning says which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
}

impl Cell {
    /// A cell the text does not give (kind `missing`).
    pub fn missing() -> Cell {
        Cell {
            raw: String::new(),
            value: None,
            kind: CellKind::Missing,
            unit: None,
            qualifier: None,
            derived: None,
        }
    }
}

/// Kinds of cell content; zero, empty and not-applicable are never merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CellKind {
    /// A number; `value` holds it.
    Number,
    /// An empty cell.
    Empty,
    /// Not applicable: `/`, `-`, `—`, `无`.
    Na,
    /// Anything else.
    Text,
    /// The cell is absent from the text (a ragged row); a warning says so.
    Missing,
}

/// One arithmetic check (勾稽关系).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Check {
    /// Stable rule id, e.g. `gidr-2021/t3-balance`.
    pub rule: String,
    /// The table id the check concerns.
    pub table: String,
    /// The column path checked, if the check runs down a column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<Vec<String>>,
    /// The row path checked, if the check runs along a row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<Vec<String>>,
    /// `pass`, `fail` or `skipped` (the check could not be made).
    pub status: String,
    /// What the rule says the value should be.
    #[serde(serialize_with = "ser_number")]
    pub expected: Option<f64>,
    /// What the report prints.
    #[serde(serialize_with = "ser_number")]
    pub found: Option<f64>,
    /// First and last line involved.
    pub lines: [u32; 2],
    /// A readable explanation.
    pub message: String,
}

/// Something the parser doubted or repaired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// The line concerned (absent for whole-document warnings).
    pub line: Option<u32>,
    /// Stable code, e.g. `ragged-row`, `undecodable-bytes`, `ambiguous-header`.
    pub code: String,
    /// A readable explanation.
    pub message: String,
}

/// Integral numbers below this magnitude are written as integers (`3`, not `3.0`); an
/// `f64` holds every integer up to 2^53 (about 9.007e15) exactly.
const EXACT_INTEGER: f64 = 9.0e15;

/// A number as the CSV outputs and messages print it: integral numbers without a
/// fraction (`3`, not `3.0`), others in Rust's shortest form (`12.5`).
///
/// ```
/// use govreport::model::number_text;
/// assert_eq!(number_text(3.0), "3");
/// assert_eq!(number_text(-1605964.0), "-1605964");
/// assert_eq!(number_text(12.5), "12.5");
/// assert_eq!(number_text(1e20), "100000000000000000000");
/// ```
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < EXACT_INTEGER {
        itoa::Buffer::new().format(v as i64).to_string()
    } else {
        format!("{v}")
    }
}

/// `s` between double quotes exactly as `{:?}` prints it, for messages. Labels made of
/// printable ASCII (but `"` and `\\`), CJK ideographs, CJK punctuation and full-width forms
/// are written as they are, without Debug's per-character printability lookup (a unit
/// test checks every such character against `{:?}`); anything else goes through `{:?}`.
///
/// ```
/// use govreport::model::Quoted;
/// assert_eq!(Quoted("规章 > 本年制发件数").to_string(), "\"规章 > 本年制发件数\"");
/// assert_eq!(Quoted("a\"b").to_string(), format!("{:?}", "a\"b"));
/// ```
pub struct Quoted<'a>(pub &'a str);

impl Quoted<'_> {
    fn plain(c: char) -> bool {
        matches!(c, ' '..='~' | '\u{3001}'..='\u{301F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF5E}')
            && c != '"'
            && c != '\\'
    }
}

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.chars().all(Quoted::plain) {
            write!(f, "\"{}\"", self.0)
        } else {
            write!(f, "{:?}", self.0)
        }
    }
}

/// Writes integral numbers without a fraction (`3`, not `3.0`).
fn ser_number<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < EXACT_INTEGER => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
    }
}

impl Document {
    /// All tables of the document, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(&**t),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    /// Every character written as it is prints so under `{:?}` too.
    #[test]
    fn quoted_is_debug() {
        let ranges = [
            (' ', '~'),
            ('\u{3000}', '\u{3040}'),
            ('\u{4E00}', '\u{9FFF}'),
            ('\u{FF00}', '\u{FF60}'),
        ];
        for (lo, hi) in ranges {
            for c in lo..=hi {
                let s = format!("a{c}b");
                assert_eq!(Quoted(&s).to_string(), format!("{s:?}"), "{c:?}");
            }
        }
        assert_eq!(Quoted("").to_string(), "\"\"");
        assert_eq!(Quoted("\u{301}x").to_string(), format!("{:?}", "\u{301}x"));
    }
}
