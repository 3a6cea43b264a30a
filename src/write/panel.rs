//! Panels: one row per report, one column per stable template key, for comparing many
//! agencies and years in a spreadsheet or a database; and the codebook of those columns.
//!
//! Columns: `file, agency, year, template`, then one column `ROW_KEY/COLUMN_KEY` per cell
//! of the templates the reports follow (template order, then table, row and column
//! order), then `checks_failed`. A key cell holds the number the report prints, in the
//! key's unit ([`crate::units::key_unit`]), empty when the report lacks it, prints no
//! number there or prints it in another unit; a number derived from the template's sums
//! (`derived: sums`) only when [`PanelOptions::derived`] asks for it.

use crate::model::{CellKind, Document, number_text};
use crate::template::data::builtin;
use rustc_hash::FxHashMap;
use std::io::{self, Write};
use std::sync::OnceLock;

/// How panel rows are written.
#[derive(Debug, Clone, Copy, Default)]
pub struct PanelOptions {
    /// Neutralise formulas for spreadsheets ([`super::csv::safe`]).
    pub excel: bool,
    /// Also give the numbers derived from the template's sums (cells the report leaves
    /// blank); without it the panel holds only what the report prints.
    pub derived: bool,
}

/// The columns before the keys.
pub const LEAD: [&str; 4] = ["file", "agency", "year", "template"];
/// The column after the keys: the number of the report's checks that failed.
pub const TRAIL: &str = "checks_failed";

/// The key columns of a panel over `docs`.
pub fn key_columns(docs: &[Document]) -> Vec<String> {
    let used: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.meta.template.as_deref())
        .collect();
    key_columns_of(&used)
}

/// The key columns of the templates `used` (ids such as `gidr-2021`), in template order.
pub fn key_columns_of(used: &[&str]) -> Vec<String> {
    codebook()
        .iter()
        .filter(|e| used.contains(&e.template))
        .fold(Vec::new(), |mut out, e| {
            if !out.contains(&e.key) {
                out.push(e.key.clone());
            }
            out
        })
}

/// The key columns of every shipped template: the columns of a panel written while the
/// reports stream by, before it is known which templates they follow.
pub fn all_key_columns() -> &'static [String] {
    static ALL: OnceLock<Vec<String>> = OnceLock::new();
    ALL.get_or_init(|| {
        let ids: Vec<&str> = builtin().iter().map(|t| t.id.as_str()).collect();
        key_columns_of(&ids)
    })
}

/// The positions, in a row written over [`all_key_columns`] (the report's columns, every
/// key, the failed checks), of the columns of a panel over `keys` only: what a panel
/// spooled before the templates in use were known keeps.
pub fn projection(keys: &[String]) -> Vec<usize> {
    let all = all_key_columns();
    let lead = LEAD.len();
    let index: std::collections::HashMap<&str, usize> = all
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i + lead))
        .collect();
    (0..lead)
        .chain(keys.iter().filter_map(|k| index.get(k.as_str()).copied()))
        .chain([lead + all.len()])
        .collect()
}

/// One panel key column of one template: what `govreport keys` and `codebook.csv` list.
#[derive(Debug, Clone)]
pub struct CodebookEntry {
    /// `ROW_KEY/COLUMN_KEY`, the panel column.
    pub key: String,
    /// The template id (`gidr-2021`).
    pub template: &'static str,
    /// The printed labels, in Chinese: table title, band, row label path, column path,
    /// joined with ` > `.
    pub label: String,
    /// The unit of the column's numbers (`万元`), empty for counts.
    pub unit: &'static str,
}

/// Every key column of every shipped template, in template, table, row and column order.
///
/// ```
/// let e = govreport::write::panel::codebook()
///     .iter()
///     .find(|e| e.key == "active.fees/active.fee_amount" && e.template == "gidr-2021")
///     .unwrap();
/// assert_eq!(e.unit, "万元");
/// assert!(e.label.contains("行政事业性收费"));
/// ```
pub fn codebook() -> &'static [CodebookEntry] {
    static BOOK: OnceLock<Vec<CodebookEntry>> = OnceLock::new();
    BOOK.get_or_init(|| {
        let mut out = Vec::new();
        for tpl in builtin() {
            for tt in &tpl.tables {
                for part in &tt.parts {
                    for (up, r) in part.flat_rows() {
                        if !r.rows.is_empty() {
                            continue;
                        }
                        for c in &part.columns {
                            let label: Vec<&str> = std::iter::once(tt.title.as_str())
                                .chain(part.band.as_deref())
                                .chain(up.iter().map(|u| u.label.as_str()))
                                .chain([r.label.as_str()])
                                .chain(c.path.iter().map(String::as_str))
                                .collect();
                            out.push(CodebookEntry {
                                key: format!("{}/{}", r.key, c.key),
                                template: tpl.id.as_str(),
                                label: label.join(" > "),
                                unit: crate::units::key_unit(&c.key).unwrap_or(""),
                            });
                        }
                    }
                }
            }
        }
        out
    })
}

/// Writes the codebook (`key,template,label,unit`) of the templates `only` names, or of
/// all; `excel` starts it with a UTF-8 BOM.
pub fn write_codebook(only: Option<&str>, excel: bool, out: &mut dyn Write) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["key", "template", "label", "unit"])?;
    for e in codebook()
        .iter()
        .filter(|e| only.is_none_or(|t| t == e.template))
    {
        w.write_record([e.key.as_str(), e.template, &e.label, e.unit])?;
    }
    w.flush()
}

/// Writes the panel of `docs`: header, then a row per document; `opts.excel` starts it
/// with a UTF-8 BOM.
pub fn write_panel(docs: &[Document], opts: PanelOptions, out: &mut dyn Write) -> io::Result<()> {
    if opts.excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let keys = key_columns(docs);
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header(&keys))?;
    for d in docs {
        w.write_record(panel_row(d, &keys, opts))?;
    }
    w.flush()
}

/// The header of a panel over `keys`.
pub fn header(keys: &[String]) -> Vec<&str> {
    LEAD.iter()
        .copied()
        .chain(keys.iter().map(String::as_str))
        .chain([TRAIL])
        .collect()
}

/// One report's panel row for `keys`, as the CSV prints it: the report's four columns,
/// the [`panel_numbers`] as [`number_text`] (empty for none), the failed checks.
pub fn panel_row(d: &Document, keys: &[String], opts: PanelOptions) -> Vec<String> {
    let mut row = vec![
        super::csv::safe(&d.source.path, opts.excel).into_owned(),
        super::csv::safe(d.meta.agency.as_deref().unwrap_or(""), opts.excel).into_owned(),
        d.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        d.meta.template.clone().unwrap_or_default(),
    ];
    row.extend(
        panel_numbers(d, keys, opts)
            .into_iter()
            .map(|v| v.map(number_text).unwrap_or_default()),
    );
    row.push(checks_failed(d).to_string());
    row
}

/// The numbers of one report's panel row, one per key of `keys` (`ROW_KEY/COLUMN_KEY`):
/// the first number the report prints in that cell in the key's unit, `None` when it
/// prints none there (or only a derived one, unless [`PanelOptions::derived`]).
///
/// ```
/// use govreport::write::panel::{PanelOptions, panel_numbers};
/// let text = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/zhaotong-2020.txt")).unwrap();
/// let doc = govreport::parse_bytes(&text, "zhaotong-2020.txt", &Default::default()).unwrap();
/// let keys = ["apply.new/applicant.natural".to_string(), "no.such/key".to_string()];
/// let numbers = panel_numbers(&doc, &keys, PanelOptions::default());
/// assert!(numbers[0].is_some());
/// assert_eq!(numbers[1], None);
/// ```
pub fn panel_numbers(d: &Document, keys: &[String], opts: PanelOptions) -> Vec<Option<f64>> {
    // the numbers by (row key, column key), the first printed of each
    let mut values: FxHashMap<(&str, &str), f64> = FxHashMap::default();
    for t in d.tables() {
        for r in &t.rows {
            let Some(rk) = &r.key else { continue };
            for (c, cell) in t.columns.iter().zip(&r.cells) {
                let (Some(ck), CellKind::Number, Some(v)) = (&c.key, cell.kind, cell.value) else {
                    continue;
                };
                if cell.derived.is_some() && !opts.derived {
                    continue;
                }
                // one unit per key column: a value in another unit is not the key's
                if !same_unit(cell.unit.as_deref(), crate::units::key_unit(ck)) {
                    continue;
                }
                values.entry((rk.as_str(), ck.as_str())).or_insert(v);
            }
        }
    }
    keys.iter()
        .map(|k| {
            k.split_once('/')
                .and_then(|(rk, ck)| values.get(&(rk, ck)))
                .copied()
        })
        .collect()
}

/// How many of the report's checks failed: the panel's last column.
pub fn checks_failed(d: &Document) -> usize {
    super::checks::tally(d).1
}

/// Whether a cell's unit is the unit of its key's panel column: the same, or both counts
/// (no unit, or a count word such as `件` against none). Money and percentages must match.
fn same_unit(cell: Option<&str>, key: Option<&str>) -> bool {
    let measured = |u: Option<&str>| u.is_some_and(|u| u.ends_with('元') || u == "%" || u == "‰");
    cell == key || !(measured(cell) || measured(key))
}
