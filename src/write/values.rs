//! Tidy values, typed: one [`ValueRow`] per cell of every table, in the order and with
//! the meaning of `values.csv`'s rows ([`super::csv`]).
//!
//! `values.csv` writes each row as printed text; the Parquet writer and the Python
//! binding need the same rows with their types (the number as a number, a field the
//! document does not have as none). [`value_rows`] gives them, borrowing the document:
//! a row's text fields are the CSV's fields, its typed fields print as the CSV's do
//! ([`ValueRow::fields`]), and a test holds the two to the same bytes.

use crate::model::{CellKind, Document, number_text};

/// One cell of one table: a row of the tidy values.
///
/// Fields are those of `values.csv` (`docs/contract.md`, *Tidy values*), typed: a field
/// the CSV leaves empty because the document has none is `None` here.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueRow<'a> {
    /// `source.path` of the document.
    pub doc: &'a str,
    /// Table id (`t6`).
    pub table: &'a str,
    /// The band label of the table block, if any.
    pub band: Option<&'a str>,
    /// The heading path above the table, joined with ` > ` (empty under no heading).
    pub section: &'a str,
    /// The row-label path, joined with ` > `.
    pub row: &'a str,
    /// The column header path, joined with ` > `.
    pub column: &'a str,
    /// The number, for a cell of kind `number`; `None` for every other kind.
    pub value: Option<f64>,
    /// The cell as printed.
    pub raw: &'a str,
    /// `number`, `empty`, `na`, `text` or `missing`.
    pub kind: &'static str,
    /// The unit of `value` (`万元`), if the cell, column or table states one.
    pub unit: Option<&'a str>,
    /// The source line of the row.
    pub line: u32,
    /// The template key of the row, when its label matches one.
    pub row_key: Option<&'a str>,
    /// The template key of the column, when its header matches one.
    pub column_key: Option<&'a str>,
    /// The table's title.
    pub table_title: Option<&'a str>,
    /// The template the document follows (`meta.template`).
    pub template: Option<&'a str>,
    /// `meta.agency`.
    pub agency: Option<&'a str>,
    /// `meta.year`.
    pub year: Option<i32>,
}

/// The name `values.csv` and the document give a cell kind.
///
/// ```
/// use govreport::model::CellKind;
/// assert_eq!(govreport::write::values::kind_name(CellKind::Na), "na");
/// ```
pub fn kind_name(kind: CellKind) -> &'static str {
    match kind {
        CellKind::Number => "number",
        CellKind::Empty => "empty",
        CellKind::Na => "na",
        CellKind::Text => "text",
        CellKind::Missing => "missing",
    }
}

/// Calls `f` with every value row of `d`, in the order of `values.csv` (tables in
/// document order, then rows, then columns). The paths are joined once per table, row
/// and column, not per cell.
///
/// ```
/// let text = "三、收到和处理政府信息公开申请情况\n信息内容 | 数量 |\n规章 | 12 |\n";
/// let doc = govreport::parse_bytes(text.as_bytes(), "a.txt", &Default::default()).unwrap();
/// let mut rows = Vec::new();
/// govreport::write::values::value_rows(&doc, |r| rows.push((r.row.to_string(), r.value)));
/// assert_eq!(rows, [("规章".to_string(), Some(12.0))]);
/// ```
pub fn value_rows(d: &Document, mut f: impl FnMut(&ValueRow<'_>)) {
    for t in d.tables() {
        let section = t.section.join(" > ");
        let columns: Vec<String> = t.columns.iter().map(|c| c.path.join(" > ")).collect();
        for r in &t.rows {
            let row = r.path.join(" > ");
            for ((c, column), cell) in t.columns.iter().zip(&columns).zip(&r.cells) {
                let value = match (cell.kind, cell.value) {
                    (CellKind::Number, Some(v)) => Some(v),
                    _ => None,
                };
                f(&ValueRow {
                    doc: &d.source.path,
                    table: &t.id,
                    band: t.band.as_deref(),
                    section: &section,
                    row: &row,
                    column,
                    value,
                    raw: &cell.raw,
                    kind: kind_name(cell.kind),
                    unit: cell.unit.as_deref(),
                    line: r.line,
                    row_key: r.key.as_deref(),
                    column_key: c.key.as_deref(),
                    table_title: t.title.as_deref(),
                    template: d.meta.template.as_deref(),
                    agency: d.meta.agency.as_deref(),
                    year: d.meta.year,
                });
            }
        }
    }
}

impl ValueRow<'_> {
    /// The row's fields as `values.csv` prints them (without `--excel`), in the order of
    /// [`super::csv::HEADER`]: a number as [`number_text`], `None` as an empty field.
    pub fn fields(&self) -> [String; 17] {
        let text = |s: Option<&str>| s.unwrap_or("").to_string();
        [
            self.doc.to_string(),
            self.table.to_string(),
            text(self.band),
            self.section.to_string(),
            self.row.to_string(),
            self.column.to_string(),
            self.value.map(number_text).unwrap_or_default(),
            self.raw.to_string(),
            self.kind.to_string(),
            text(self.unit),
            self.line.to_string(),
            text(self.row_key),
            text(self.column_key),
            text(self.table_title),
            text(self.template),
            text(self.agency),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The typed rows, printed, are the CSV writer's bytes for every report of `corpus/`:
    /// the Parquet file and the Python binding hold what `values.csv` holds.
    #[test]
    fn typed_rows_print_as_the_csv_writer() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let name = path.to_string_lossy();
            let doc = crate::parse_bytes(&bytes, &name, &Default::default()).unwrap();
            let mut want = Vec::new();
            super::super::csv::write_doc(&doc, false, &mut want);
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut rows = 0;
            value_rows(&doc, |r| {
                w.write_record(r.fields()).unwrap();
                rows += 1;
            });
            let got = w.into_inner().unwrap();
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want),
                "{name}"
            );
            seen += rows;
        }
        assert!(seen > 1000, "only {seen} value rows in corpus/");
    }
}
