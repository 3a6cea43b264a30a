//! Tidy values: one CSV row per table cell.
//!
//! Columns: `doc,table,band,section,row,column,value,raw,kind,unit,line`, then (added for
//! aggregation without joins, after the others so that readers by position keep working)
//! `row_key,column_key,table_title,template,agency,year`. Paths are joined with ` > `. Fields are written exactly as printed; only with `excel` (for a
//! spreadsheet) is text that would run as a formula (starting with `=`, `+`, `-`, `@`, tab
//! or CR) prefixed with `'`, except a signed number such as `-3` and a lone `-` (the
//! printed not-applicable mark).

use crate::model::{CellKind, Document, number_text};
use std::borrow::Cow;
use std::io::{self, Write};

/// The header row.
pub const HEADER: [&str; 17] = [
    "doc",
    "table",
    "band",
    "section",
    "row",
    "column",
    "value",
    "raw",
    "kind",
    "unit",
    "line",
    "row_key",
    "column_key",
    "table_title",
    "template",
    "agency",
    "year",
];

/// Writes the tidy values of `docs`; `excel` starts the file with a UTF-8 BOM and
/// neutralises formulas ([`safe`]).
pub fn write_values(docs: &[Document], excel: bool, out: &mut dyn Write) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record(HEADER)?;
    w.flush()?;
    drop(w);
    let mut buf = Vec::new();
    for d in docs {
        buf.clear();
        write_doc(d, excel, &mut buf);
        out.write_all(&buf)?;
    }
    Ok(())
}

/// Writes one document's values (no header).
///
/// The fields every cell of a table, row or column repeats (document, table, band,
/// section, row and column paths) are escaped once and their bytes reused; the cell's own
/// fields are escaped per cell. Bytes are those `csv::Writer` would write (same dialect,
/// same escaping code: csv-core). `excel` neutralises formulas ([`safe`]). Appends to
/// `out`.
pub fn write_doc(d: &Document, excel: bool, out: &mut Vec<u8>) {
    let mut f = Fields::default();
    let doc = safe(&d.source.path, excel);
    // the document's own trailing fields: template, agency, year
    let mut tail = Vec::new();
    let year = d.meta.year.map(|y| y.to_string()).unwrap_or_default();
    f.push(&mut tail, d.meta.template.as_deref().unwrap_or(""), b',');
    f.push(
        &mut tail,
        &safe(d.meta.agency.as_deref().unwrap_or(""), excel),
        b',',
    );
    f.push(&mut tail, &year, b'\n');
    for t in d.tables() {
        let mut title = Vec::new();
        f.push(
            &mut title,
            &safe(t.title.as_deref().unwrap_or(""), excel),
            b',',
        );
        let mut prefix = Vec::new();
        let section = t.section.join(" > ");
        for s in [
            doc.as_ref(),
            &t.id,
            &safe(t.band.as_deref().unwrap_or(""), excel),
            &safe(&section, excel),
        ] {
            f.push(&mut prefix, s, b',');
        }
        let columns: Vec<(Vec<u8>, Vec<u8>)> = t
            .columns
            .iter()
            .map(|c| {
                let mut b = Vec::new();
                f.push(&mut b, &safe(&c.path.join(" > "), excel), b',');
                let mut k = Vec::new();
                f.push(&mut k, c.key.as_deref().unwrap_or(""), b',');
                (b, k)
            })
            .collect();
        let mut row = Vec::new();
        for r in &t.rows {
            row.clear();
            f.push(&mut row, &safe(&r.path.join(" > "), excel), b',');
            let line = r.line.to_string();
            let row_key = r.key.as_deref().unwrap_or("");
            for ((column, column_key), cell) in columns.iter().zip(&r.cells) {
                let value = match (cell.kind, cell.value) {
                    (CellKind::Number, Some(v)) => number_text(v),
                    _ => String::new(),
                };
                let kind = super::values::kind_name(cell.kind);
                out.extend_from_slice(&prefix);
                out.extend_from_slice(&row);
                out.extend_from_slice(column);
                f.push(out, &value, b',');
                f.push(out, &safe(&cell.raw, excel), b',');
                f.push(out, kind, b',');
                f.push(out, cell.unit.as_deref().unwrap_or(""), b',');
                f.push(out, &line, b',');
                f.push(out, row_key, b',');
                out.extend_from_slice(column_key);
                out.extend_from_slice(&title);
                out.extend_from_slice(&tail);
            }
        }
    }
}

/// Escapes single fields as the default `csv::Writer` does (csv-core, `,` and `"`, quoted
/// where needed).
#[derive(Default)]
struct Fields(csv_core::Writer);

impl Fields {
    /// Appends `field`, escaped, and `end` (`,` or `\n`) to `out`.
    fn push(&mut self, out: &mut Vec<u8>, field: &str, end: u8) {
        let mut buf = [0u8; 256];
        let mut input = field.as_bytes();
        loop {
            let (res, read, wrote) = self.0.field(input, &mut buf);
            out.extend_from_slice(&buf[..wrote]);
            input = &input[read..];
            if res == csv_core::WriteResult::InputEmpty {
                break;
            }
        }
        // closes the quotes if the field opened them, then the separator
        let (_, wrote) = if end == b'\n' {
            self.0.terminator(&mut buf)
        } else {
            self.0.delimiter(&mut buf)
        };
        out.extend_from_slice(&buf[..wrote]);
    }
}

/// With `excel`, neutralises text a spreadsheet would evaluate: a field starting with
/// `=`, `+`, `-`, `@`, tab or CR gets a `'` in front, unless it is a signed number (`-3`,
/// `+1,234.5`, `-12.5%`) or a lone `-` (not applicable), which a spreadsheet reads as
/// data. Without `excel` the text is returned as printed.
///
/// ```
/// use govreport::write::csv::safe;
/// assert_eq!(safe("=SUM(A1)", true), "'=SUM(A1)");
/// assert_eq!(safe("-", true), "-");
/// assert_eq!(safe("-3", true), "-3");
/// assert_eq!(safe("=SUM(A1)", false), "=SUM(A1)");
/// ```
pub fn safe(s: &str, excel: bool) -> Cow<'_, str> {
    let risky = excel && s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && s != "-" && !is_signed_number(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// `+` or `-`, then digits with `,` and at most one `.`, optionally ending in `%`: the
/// numbers a spreadsheet reads as numbers. (`-inf`, `+nan` or `-1e5` are not: a
/// spreadsheet would evaluate them.)
fn is_signed_number(s: &str) -> bool {
    let Some(rest) = s.strip_prefix(['+', '-']) else {
        return false;
    };
    let rest = rest.strip_suffix('%').unwrap_or(rest);
    rest.bytes().any(|b| b.is_ascii_digit())
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && rest.bytes().filter(|&b| b == b'.').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each field escaped alone and joined gives the bytes `csv::Writer` writes for the
    /// whole record, whatever the field holds.
    #[test]
    fn fields_escape_as_the_csv_writer() {
        let awkward = [
            "",
            "规章",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "cr\r",
            " ",
            "\"",
            ",",
            "'=1",
        ];
        for (i, a) in awkward.iter().enumerate() {
            let record = [*a, awkward[(i + 3) % awkward.len()], "", a, "12"];
            let mut want = csv::Writer::from_writer(Vec::new());
            want.write_record(record).unwrap();
            let want = want.into_inner().unwrap();
            let mut got = Vec::new();
            let mut f = Fields::default();
            for (k, field) in record.iter().enumerate() {
                f.push(
                    &mut got,
                    field,
                    if k + 1 == record.len() { b'\n' } else { b',' },
                );
            }
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want),
                "{record:?}"
            );
        }
        // longer than the scratch buffer, all quotes (each doubled)
        let long = "\"".repeat(1000);
        let mut want = csv::Writer::from_writer(Vec::new());
        want.write_record([long.as_str(), "x"]).unwrap();
        let mut got = Vec::new();
        let mut f = Fields::default();
        f.push(&mut got, &long, b',');
        f.push(&mut got, "x", b'\n');
        assert_eq!(got, want.into_inner().unwrap());
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe("=SUM(A1:A2)", true), "'=SUM(A1:A2)");
        assert_eq!(safe("@cmd", true), "'@cmd");
        assert_eq!(safe("-3", true), "-3");
        assert_eq!(safe("+12", true), "+12");
        assert_eq!(safe("-1,234.5%", true), "-1,234.5%");
        assert_eq!(safe("-", true), "-");
        assert_eq!(safe("--", true), "'--");
        assert_eq!(safe("-inf", true), "'-inf");
        assert_eq!(safe("-1e5", true), "'-1e5");
        assert_eq!(safe("规章", true), "规章");
        assert_eq!(safe("=SUM(A1:A2)", false), "=SUM(A1:A2)");
    }
}
