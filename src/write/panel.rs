//! Panels: one row per report, one column per stable template key, for comparing many
//! agencies and years in a spreadsheet or a database.
//!
//! Columns: `file, agency, year, template`, then one column `ROW_KEY/COLUMN_KEY` per cell
//! of the templates the reports follow (template order, then table, row and column
//! order). A cell holds the number the report prints, empty when the report lacks it or
//! prints no number there.

use crate::model::{CellKind, Document, number_text};
use crate::template::data::builtin;
use rustc_hash::FxHashMap;
use std::io::{self, Write};
use std::sync::OnceLock;

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
    keys_of(|id| used.contains(&id))
}

/// The key columns of every shipped template: the columns of a panel written while the
/// reports stream by, before it is known which templates they follow.
pub fn all_key_columns() -> &'static [String] {
    static ALL: OnceLock<Vec<String>> = OnceLock::new();
    ALL.get_or_init(|| keys_of(|_| true))
}

fn keys_of(wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tpl in builtin().iter().filter(|t| wanted(&t.id)) {
        for tt in &tpl.tables {
            for part in &tt.parts {
                for (_, r) in part.flat_rows() {
                    if !r.rows.is_empty() {
                        continue;
                    }
                    for c in &part.columns {
                        let k = format!("{}/{}", r.key, c.key);
                        if !out.contains(&k) {
                            out.push(k);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Writes the panel of `docs`; `excel` starts it with a UTF-8 BOM and neutralises
/// formulas.
pub fn write_panel(docs: &[Document], excel: bool, out: &mut dyn Write) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let keys = key_columns(docs);
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec![
        "file".to_string(),
        "agency".into(),
        "year".into(),
        "template".into(),
    ];
    header.extend(keys.iter().cloned());
    w.write_record(&header)?;
    for d in docs {
        w.write_record(panel_row(d, &keys, excel))?;
    }
    w.flush()
}

/// One report's panel row for `keys`; `excel` neutralises formulas.
pub fn panel_row(d: &Document, keys: &[String], excel: bool) -> Vec<String> {
    // the numbers by (row key, column key), the first printed of each
    let mut values: FxHashMap<(&str, &str), f64> = FxHashMap::default();
    for t in d.tables() {
        for r in &t.rows {
            let Some(rk) = &r.key else { continue };
            for (c, cell) in t.columns.iter().zip(&r.cells) {
                let (Some(ck), CellKind::Number, Some(v)) = (&c.key, cell.kind, cell.value) else {
                    continue;
                };
                // one unit per key column: a value in another unit is not the key's
                if !same_unit(cell.unit.as_deref(), crate::units::key_unit(ck)) {
                    continue;
                }
                values.entry((rk.as_str(), ck.as_str())).or_insert(v);
            }
        }
    }
    let mut row = vec![
        super::csv::safe(&d.source.path, excel).into_owned(),
        super::csv::safe(d.meta.agency.as_deref().unwrap_or(""), excel).into_owned(),
        d.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        d.meta.template.clone().unwrap_or_default(),
    ];
    row.extend(keys.iter().map(|k| {
        k.split_once('/')
            .and_then(|(rk, ck)| values.get(&(rk, ck)))
            .map(|&v| number_text(v))
            .unwrap_or_default()
    }));
    row
}

/// Whether a cell's unit is the unit of its key's panel column: the same, or both counts
/// (no unit, or a count word such as `件` against none). Money and percentages must match.
fn same_unit(cell: Option<&str>, key: Option<&str>) -> bool {
    let measured = |u: Option<&str>| u.is_some_and(|u| u.ends_with('元') || u == "%" || u == "‰");
    cell == key || !(measured(cell) || measured(key))
}
