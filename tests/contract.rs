//! The output contract (`docs/contract.md`, schema `govreport/1`) checked from the outside:
//! serde types written here from the contract text, not shared with `src/model.rs`, with
//! `deny_unknown_fields`, so a renamed, added or dropped field fails this test even when the
//! model and its writer change together. Fields the contract prints in its examples are
//! required (nullable ones must be present as `null`); fields the model adds as optional
//! extensions (`key`, `unit`, `qualifier`, a check's `column`/`row`) may be absent.
//!
//! `title` and `furniture` blocks are not described in `docs/contract.md`; they are mirrored
//! from `src/model.rs` (`lines` and `text`) until the contract describes them.

// The mirror types exist to be deserialized: a field that is never read still has to be
// present, with its type, in every document.
#![allow(dead_code)]

use crate::util;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// A field that must be present but may be `null` (plain `Option` fields default to `None`
/// when absent; a `deserialize_with` field does not).
fn nullable<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub schema: String,
    pub source: Source,
    pub meta: Meta,
    pub blocks: Vec<Block>,
    pub checks: Vec<Check>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub encoding: Encoding,
    pub encoding_confidence: Confidence,
    pub line_ending: LineEnding,
    pub format: Option<InputFormat>,
    pub converted_by: Option<String>,
}

/// `source.format` as the contract lists it.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Html,
    Docx,
    Pdf,
}

#[derive(Debug, Deserialize, PartialEq)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16le")]
    Utf16le,
    #[serde(rename = "utf-16be")]
    Utf16be,
    #[serde(rename = "gb18030")]
    Gb18030,
    #[serde(rename = "big5")]
    Big5,
}

/// `bom|valid|guessed|forced` as the contract lists them.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Bom,
    Valid,
    Guessed,
    Forced,
    Declared,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum LineEnding {
    Lf,
    Crlf,
    Cr,
    Mixed,
    None,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    #[serde(deserialize_with = "nullable")]
    pub title: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub agency: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub year: Option<i32>,
    #[serde(deserialize_with = "nullable")]
    pub template: Option<String>,
    #[serde(default)]
    pub fields: Vec<MetaField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaField {
    pub label: String,
    pub value: String,
    pub line: u32,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Heading(Heading),
    Paragraph(Text),
    Table(Table),
    Title(Text),
    Furniture(Text),
}

impl Block {
    pub fn lines(&self) -> [u32; 2] {
        match self {
            Block::Heading(h) => h.lines,
            Block::Paragraph(t) | Block::Title(t) | Block::Furniture(t) => t.lines,
            Block::Table(t) => t.lines,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    pub lines: [u32; 2],
    pub level: u8,
    pub number: String,
    pub title: String,
}

/// Paragraph, title and furniture blocks: a line range and the text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub lines: [u32; 2],
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub id: String,
    pub lines: [u32; 2],
    pub style: Style,
    #[serde(deserialize_with = "nullable")]
    pub title: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub band: Option<String>,
    pub section: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub note: Option<String>,
    pub stub: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    Pipe,
    Markdown,
    Grid,
    Aligned,
    Tsv,
    Cellline,
    Columns,
    Joined,
    Ruled,
    Html,
    Docx,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub path: Vec<String>,
    #[serde(default)]
    pub key: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub path: Vec<String>,
    pub line: u32,
    pub cells: Vec<Cell>,
    #[serde(default)]
    pub key: Option<String>,
    /// Values the row printed that no column could be given (absent when none).
    #[serde(default)]
    pub unplaced: Option<Vec<String>>,
    /// Texts describing the row (absent when none): never empty when present.
    #[serde(default)]
    pub attributes: Option<Vec<Attribute>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    pub name: Option<String>,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub raw: String,
    #[serde(deserialize_with = "nullable")]
    pub value: Option<f64>,
    pub kind: Kind,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub qualifier: Option<String>,
    /// `sums` when the number was derived from the template's sums (raw stays as printed).
    #[serde(default)]
    pub derived: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Number,
    Empty,
    Na,
    Text,
    Missing,
}

/// `pass|fail|skipped` as the contract lists them.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Skipped,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub rule: String,
    pub table: String,
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default)]
    pub row: Option<Vec<String>>,
    pub status: Status,
    #[serde(deserialize_with = "nullable")]
    pub expected: Option<f64>,
    #[serde(deserialize_with = "nullable")]
    pub found: Option<f64>,
    pub lines: [u32; 2],
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    #[serde(deserialize_with = "nullable")]
    pub line: Option<u32>,
    pub code: String,
    pub message: String,
}

/// The JSON the `json` writer produces for `doc`.
fn written_json(doc: &govreport::Document) -> String {
    let mut out = Vec::new();
    govreport::write::json::write_json(std::slice::from_ref(doc), &mut out).expect("write json");
    String::from_utf8(out).expect("utf-8 json")
}

fn strict<T: DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The invariants of the contract on one document; returns every violation.
fn violations(d: &Document, bytes: &[u8], line_count: u32) -> Vec<String> {
    let mut v = Vec::new();
    if d.schema != "govreport/1" {
        v.push(format!("schema is {:?}", d.schema));
    }
    if d.source.bytes != bytes.len() as u64 {
        v.push(format!(
            "source.bytes {} != {}",
            d.source.bytes,
            bytes.len()
        ));
    }
    if d.source.sha256 != sha256_hex(bytes) {
        v.push("source.sha256 is not the SHA-256 of the input".into());
    }
    let mut table_no = 0;
    for b in &d.blocks {
        let [first, last] = b.lines();
        if first == 0 || first > last || last > line_count {
            v.push(format!(
                "block lines [{first},{last}] outside 1..={line_count}"
            ));
        }
        let Block::Table(t) = b else { continue };
        table_no += 1;
        if t.id != format!("t{table_no}") {
            v.push(format!("table {table_no} has id {:?}", t.id));
        }
        for r in &t.rows {
            if r.cells.len() != t.columns.len() {
                v.push(format!(
                    "{} line {}: {} cells for {} columns",
                    t.id,
                    r.line,
                    r.cells.len(),
                    t.columns.len()
                ));
            }
            if let Some(a) = &r.attributes
                && (a.is_empty() || a.iter().any(|a| a.text.trim().is_empty()))
            {
                v.push(format!("{} line {}: empty attributes", t.id, r.line));
            }
            if r.line < t.lines[0] || r.line > t.lines[1] {
                v.push(format!(
                    "{} row line {} outside {:?}",
                    t.id, r.line, t.lines
                ));
            }
            for (i, c) in r.cells.iter().enumerate() {
                if c.value.is_some() != (c.kind == Kind::Number) {
                    v.push(format!(
                        "{} line {} cell {i} {:?}: kind {:?} with value {:?}",
                        t.id, r.line, c.raw, c.kind, c.value
                    ));
                }
                if c.kind == Kind::Missing && !c.raw.is_empty() {
                    v.push(format!(
                        "{} line {} cell {i}: missing with raw",
                        t.id, r.line
                    ));
                }
                if c.kind == Kind::Empty && !c.raw.is_empty() {
                    v.push(format!("{} line {} cell {i}: empty with raw", t.id, r.line));
                }
            }
            if r.cells.iter().any(|c| c.kind == Kind::Missing)
                && !d
                    .warnings
                    .iter()
                    .any(|w| w.line == Some(r.line) && w.code == "ragged-row")
            {
                v.push(format!(
                    "{} line {}: missing cell without a ragged-row warning",
                    t.id, r.line
                ));
            }
        }
    }
    v
}

/// Lines of a text counted as the contract numbers them (LF, CRLF or CR ends a line).
fn count_lines(text: &str) -> u32 {
    let n = text.replace("\r\n", "\n").replace('\r', "\n");
    n.split_terminator('\n').count() as u32
}

#[test]
fn every_corpus_document_matches_the_contract() {
    let mut failures = Vec::new();
    for (path, bytes, doc) in util::corpus_docs() {
        let name = util::stem(path);
        let json = written_json(doc);
        let d: Document = match strict(&json) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{name}: does not match the contract: {e}"));
                continue;
            }
        };
        let text = std::str::from_utf8(bytes).expect("corpus is UTF-8");
        for problem in violations(&d, bytes, count_lines(text)) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The contract types must reject what the contract does not allow; otherwise the test
/// above could not fail. Each edit of the seed's JSON below breaks the contract once.
#[test]
fn contract_types_reject_violations() {
    let json = written_json(util::seed_doc());
    let base: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(strict::<Document>(&json).is_ok(), "the seed itself passes");

    let first_table = |v: &mut serde_json::Value| -> usize {
        v["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .position(|b| b["kind"] == "table")
            .unwrap()
    };
    type Edit = fn(&mut serde_json::Value, usize);
    let edits: [(&str, Edit); 10] = [
        ("unknown top-level field", |v, _| {
            v["extra"] = 1.into();
        }),
        ("unknown source field", |v, _| {
            v["source"]["mtime"] = 1.into();
        }),
        ("meta.title absent instead of null", |v, _| {
            v["meta"].as_object_mut().unwrap().remove("title");
        }),
        ("unknown block kind", |v, _| {
            v["blocks"][0]["kind"] = "list".into();
        }),
        ("unknown heading field", |v, _| {
            let h = v["blocks"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|b| b["kind"] == "heading")
                .unwrap();
            h["depth"] = 1.into();
        }),
        ("unknown table field", |v, t| {
            v["blocks"][t]["caption"] = "x".into();
        }),
        ("table note absent instead of null", |v, t| {
            v["blocks"][t].as_object_mut().unwrap().remove("note");
        }),
        ("unknown cell kind", |v, t| {
            v["blocks"][t]["rows"][0]["cells"][0]["kind"] = "zero".into();
        }),
        ("cell value absent instead of null", |v, t| {
            v["blocks"][t]["rows"][0]["cells"][0]
                .as_object_mut()
                .unwrap()
                .remove("value");
        }),
        ("unknown style", |v, t| {
            v["blocks"][t]["style"] = "xml".into();
        }),
    ];
    for (what, edit) in edits {
        let mut v = base.clone();
        let t = first_table(&mut v);
        edit(&mut v, t);
        assert!(
            strict::<Document>(&v.to_string()).is_err(),
            "accepted a document with {what}"
        );
    }
}

/// The invariant checks must see a broken row and a value on a non-number.
#[test]
fn invariant_checks_see_violations() {
    let (_, bytes, doc) = util::corpus_docs()
        .iter()
        .find(|(p, _, _)| *p == util::seed_path())
        .unwrap();
    let lines = count_lines(std::str::from_utf8(bytes).unwrap());
    let json = written_json(doc);
    let ok: Document = strict(&json).unwrap();
    assert_eq!(violations(&ok, bytes, lines), Vec::<String>::new());

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let t = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .position(|b| b["kind"] == "table")
        .unwrap();
    v["blocks"][t]["rows"][0]["cells"]
        .as_array_mut()
        .unwrap()
        .pop();
    v["blocks"][t]["rows"][1]["cells"][0]["kind"] = "text".into();
    let broken: Document = strict(&v.to_string()).unwrap();
    let found = violations(&broken, bytes, lines);
    assert_eq!(found.len(), 2, "{found:#?}");
}
