//! Tidy values: one CSV row per table cell.
//!
//! Columns: `doc,table,band,section,row,column,value,raw,kind,unit,line`. Paths are joined
//! with ` > `. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or CR) is prefixed with `'`, except numbers such as `-3`.

use crate::model::{CellKind, Document};
use std::borrow::Cow;
use std::io::{self, Write};

/// The header row.
pub const HEADER: [&str; 11] = [
    "doc", "table", "band", "section", "row", "column", "value", "raw", "kind", "unit", "line",
];

/// Writes the tidy values of `docs`; `excel` starts the file with a UTF-8 BOM.
pub fn write_values(docs: &[Document], excel: bool, out: &mut dyn Write) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for d in docs {
        write_doc(d, &mut w)?;
    }
    w.flush()
}

/// Writes one document's values (no header).
pub fn write_doc<W: Write>(d: &Document, w: &mut csv::Writer<W>) -> io::Result<()> {
    let doc = safe(&d.source.path);
    for t in d.tables() {
        // what every cell of the table repeats, made once
        let band = safe(t.band.as_deref().unwrap_or(""));
        let section = t.section.join(" > ");
        let section = safe(&section);
        let columns: Vec<String> = t
            .columns
            .iter()
            .map(|c| safe(&c.path.join(" > ")).into_owned())
            .collect();
        for r in &t.rows {
            let row = r.path.join(" > ");
            let row = safe(&row);
            let line = r.line.to_string();
            for (column, cell) in columns.iter().zip(&r.cells) {
                let value = match (cell.kind, cell.value) {
                    (CellKind::Number, Some(v)) => number(v),
                    _ => String::new(),
                };
                let kind = match cell.kind {
                    CellKind::Number => "number",
                    CellKind::Empty => "empty",
                    CellKind::Na => "na",
                    CellKind::Text => "text",
                    CellKind::Missing => "missing",
                };
                w.write_record([
                    doc.as_ref(),
                    &t.id,
                    &band,
                    &section,
                    &row,
                    column,
                    &value,
                    &safe(&cell.raw),
                    kind,
                    cell.unit.as_deref().unwrap_or(""),
                    &line,
                ])?;
            }
        }
    }
    Ok(())
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Neutralises text a spreadsheet would evaluate.
pub fn safe(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && s.trim().parse::<f64>().is_err() {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe("=SUM(A1:A2)"), "'=SUM(A1:A2)");
        assert_eq!(safe("@cmd"), "'@cmd");
        assert_eq!(safe("-3"), "-3");
        assert_eq!(safe("+12"), "+12");
        assert_eq!(safe("规章"), "规章");
    }
}
