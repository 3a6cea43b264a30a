//! Check results (勾稽关系): a readable report per document and a CSV of all checks.

use crate::model::Document;
use std::io::{self, Write};

/// Header of the checks CSV.
pub const HEADER: [&str; 11] = [
    "doc",
    "rule",
    "table",
    "column",
    "row",
    "status",
    "expected",
    "found",
    "first_line",
    "last_line",
    "message",
];

/// Counts of check outcomes: (pass, fail, skipped).
pub fn tally(d: &Document) -> (usize, usize, usize) {
    let count = |s: &str| d.checks.iter().filter(|c| c.status == s).count();
    (count("pass"), count("fail"), count("skipped"))
}

/// One report's checks as `govreport check --format json` prints each element of its
/// array: `path`, `template`, the counts `pass`, `fail`, `skipped`, and every check.
///
/// ```
/// let doc = govreport::parse_bytes("一、总体情况\n".as_bytes(), "a.txt", &Default::default()).unwrap();
/// let s = govreport::write::checks::summary(&doc);
/// assert_eq!(s["path"], "a.txt");
/// assert_eq!(s["fail"], 0);
/// ```
pub fn summary(d: &Document) -> serde_json::Value {
    let (pass, fail, skipped) = tally(d);
    serde_json::json!({
        "path": d.source.path,
        "template": d.meta.template,
        "pass": pass,
        "fail": fail,
        "skipped": skipped,
        "checks": d.checks,
    })
}

/// A readable report: a summary line, then every failure (and with `verbose` every
/// skipped check) with the lines involved.
pub fn write_report(d: &Document, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    let (pass, fail, skipped) = tally(d);
    let template = d.meta.template.as_deref().unwrap_or("no known template");
    writeln!(
        out,
        "{}: {template}: {} checks: {pass} pass, {fail} fail, {skipped} could not be made",
        d.source.path,
        d.checks.len()
    )?;
    for c in &d.checks {
        if c.status == "pass" || (c.status == "skipped" && !verbose) {
            continue;
        }
        let what = c
            .column
            .as_ref()
            .or(c.row.as_ref())
            .map(|p| format!(" [{}]", p.join(" > ")))
            .unwrap_or_default();
        let lines = if c.lines[0] == c.lines[1] {
            format!("line {}", c.lines[0])
        } else {
            format!("lines {}-{}", c.lines[0], c.lines[1])
        };
        let tag = if c.status == "fail" { "FAIL" } else { "skip" };
        writeln!(out, "  {tag} {}{what} ({lines}): {}", c.rule, c.message)?;
    }
    Ok(())
}

/// All checks of `docs` as CSV rows; `excel` neutralises formulas ([`super::csv::safe`]).
pub fn write_csv<W: Write>(
    docs: &[Document],
    excel: bool,
    w: &mut csv::Writer<W>,
) -> io::Result<()> {
    for d in docs {
        write_doc_csv(d, excel, w)?;
    }
    Ok(())
}

/// One document's checks as CSV rows (no header); `excel` neutralises formulas.
pub fn write_doc_csv<W: Write>(
    d: &Document,
    excel: bool,
    w: &mut csv::Writer<W>,
) -> io::Result<()> {
    use super::csv::safe;
    let num = |v: Option<f64>| v.map(crate::model::number_text);
    for c in &d.checks {
        w.write_record([
            safe(&d.source.path, excel).into_owned(),
            c.rule.clone(),
            c.table.clone(),
            safe(
                &c.column.as_ref().map(|p| p.join(" > ")).unwrap_or_default(),
                excel,
            )
            .into_owned(),
            safe(
                &c.row.as_ref().map(|p| p.join(" > ")).unwrap_or_default(),
                excel,
            )
            .into_owned(),
            c.status.clone(),
            num(c.expected).unwrap_or_default(),
            num(c.found).unwrap_or_default(),
            c.lines[0].to_string(),
            c.lines[1].to_string(),
            safe(&c.message, excel).into_owned(),
        ])?;
    }
    Ok(())
}
