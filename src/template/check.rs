//! 勾稽关系: the arithmetic a template requires, run over the keyed cells of a document.
//!
//! Each rule of the template gives one [`Check`] per column (or row) it runs along:
//! `pass`, `fail` (with the sum expected and the total printed), or `skipped` when a cell
//! it needs is absent, blank or not a number — a check that cannot be made never passes.

use super::data::{Rule, Template};
use super::keyed;
use crate::model::{Block, CellKind, Check, Document, Quoted, number_text};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A keyed cell of the document.
#[derive(Debug, Clone, Copy)]
struct Found<'a> {
    value: Option<f64>,
    kind: CellKind,
    line: u32,
    table: &'a str,
    row: &'a [String],
    col: &'a [String],
}

/// True when `check` compares a table's value with a number the report's prose states (a
/// `text` rule): it vouches for that one cell, not for how the table was read.
pub fn states_prose(check: &Check) -> bool {
    let Some((template, rule)) = check.rule.split_once('/') else {
        return false;
    };
    super::data::builtin()
        .iter()
        .filter(|t| t.id == template)
        .flat_map(|t| &t.checks)
        .any(|r| r.id == rule && r.along == "text")
}

/// Runs every rule of `tpl` over `doc`.
pub fn run(doc: &Document, tpl: &Template) -> Vec<Check> {
    let cells: HashMap<(&str, &str), Found> = keyed::index(doc)
        .into_iter()
        .filter_map(|(k, (bi, ri, ci))| {
            let Block::Table(t) = &doc.blocks[bi] else {
                return None;
            };
            let r = &t.rows[ri];
            let cell = &r.cells[ci];
            Some((
                k,
                Found {
                    value: cell.value,
                    kind: cell.kind,
                    line: r.line,
                    table: &t.id,
                    row: &r.path,
                    col: &t.columns[ci].path,
                },
            ))
        })
        .collect();
    if cells.is_empty() {
        return Vec::new();
    }
    let rows_present: HashSet<&str> = cells.keys().map(|k| k.0).collect();
    let cols_present: HashSet<&str> = cells.keys().map(|k| k.1).collect();
    let mut out = Vec::new();
    for rule in &tpl.checks {
        if !tpl.tables.iter().any(|t| t.key == rule.table) {
            continue;
        }
        let sum = &rule.sum_keys;
        match rule.along.as_str() {
            "column" => {
                for ck in &rule.along_keys {
                    if !cols_present.contains(ck.as_str()) {
                        continue;
                    }
                    let cell = |rk: &String| cells.get(&(rk.as_str(), ck.as_str())).copied();
                    out.push(compare(tpl, rule, sum, cell, Along::Column));
                }
            }
            "row" => {
                for rk in &rule.along_keys {
                    if !rows_present.contains(rk.as_str())
                        || !rule
                            .equals
                            .iter()
                            .chain(sum)
                            .any(|ck| cells.contains_key(&(rk.as_str(), ck.as_str())))
                    {
                        continue;
                    }
                    let cell = |ck: &String| cells.get(&(rk.as_str(), ck.as_str())).copied();
                    out.push(compare(tpl, rule, sum, cell, Along::Row));
                }
            }
            "text" => out.extend(text_checks(doc, tpl, rule, &cells)),
            _ => {}
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Along {
    Column,
    Row,
}

fn compare<'d>(
    tpl: &Template,
    rule: &Rule,
    sum: &[String],
    cell: impl Fn(&String) -> Option<Found<'d>>,
    along: Along,
) -> Check {
    let equals = &rule.equals;
    let mut lines = [u32::MAX, 0];
    let mut involved: Option<Found> = None;
    let mut missing = Vec::new();
    let mut blank = Vec::new();
    let mut total = |keys: &[String]| -> f64 {
        let mut s = 0.0;
        for k in keys {
            match cell(k) {
                None => missing.push(k.clone()),
                Some(f) => {
                    lines[0] = lines[0].min(f.line);
                    lines[1] = lines[1].max(f.line);
                    involved.get_or_insert(f);
                    match (f.kind, f.value) {
                        (CellKind::Number, Some(v)) => s += v,
                        _ => blank.push(label_of(&f, along)),
                    }
                }
            }
        }
        s
    };
    let expected = total(sum);
    let found = total(equals);
    let (table, column, row) = match involved {
        Some(f) => (
            f.table.to_string(),
            (along == Along::Column).then(|| f.col.to_vec()),
            (along == Along::Row).then(|| f.row.to_vec()),
        ),
        None => (String::new(), None, None),
    };
    if lines[0] == u32::MAX {
        lines = [0, 0];
    }
    let rule_id = format!("{}/{}", tpl.id, rule.id);
    let (status, message, e, f) = if !missing.is_empty() {
        (
            "skipped",
            format!(
                "{}: cannot be made, the report has no cell for {}",
                rule.message,
                missing.join(", ")
            ),
            None,
            None,
        )
    } else if !blank.is_empty() {
        (
            "skipped",
            format!(
                "{}: cannot be made, blank or non-numeric cells in {}",
                rule.message,
                blank.join(", ")
            ),
            None,
            None,
        )
    } else if (expected - found).abs() < 1e-6 {
        ("pass", rule.message.clone(), Some(expected), Some(found))
    } else {
        (
            "fail",
            format!(
                "{}: the parts add up to {} but the report prints {}",
                rule.message,
                number_text(expected),
                number_text(found)
            ),
            Some(expected),
            Some(found),
        )
    };
    Check {
        rule: rule_id,
        table,
        column,
        row,
        status: status.into(),
        expected: e,
        found: f,
        lines,
        message,
    }
}

fn label_of(f: &Found, along: Along) -> String {
    let p = if along == Along::Column { f.row } else { f.col };
    format!("{} (line {})", Quoted(&p.join(" > ")), f.line)
}

/// Numbers the text states that the table also holds (`收到申请12件`).
fn text_checks(
    doc: &Document,
    tpl: &Template,
    rule: &Rule,
    cells: &HashMap<(&str, &str), Found>,
) -> Vec<Check> {
    let Some(re) = &rule.regex else {
        return Vec::new();
    };
    let Some((rk, ck)) = rule.equals.first().and_then(|e| e.split_once('/')) else {
        return Vec::new();
    };
    let target = cells.get(&(rk, ck));
    let mut out = Vec::new();
    for b in &doc.blocks {
        let Block::Paragraph(p) = b else { continue };
        for c in re.captures_iter(&p.text) {
            let Some(n) = c.get(1).and_then(|m| m.as_str().parse::<f64>().ok()) else {
                continue;
            };
            let said = c.get(0).map_or("", |m| m.as_str());
            let (status, message, found, lines, table) = match target {
                Some(Found {
                    value: Some(v),
                    kind: CellKind::Number,
                    line,
                    table,
                    ..
                }) => {
                    let ok = (v - n).abs() < 1e-6;
                    let msg = if ok {
                        format!("{}: “{said}” agrees with the table", rule.message)
                    } else {
                        format!(
                            "{}: the text says “{said}” but the table prints {} (line {line})",
                            rule.message,
                            number_text(*v)
                        )
                    };
                    (
                        if ok { "pass" } else { "fail" },
                        msg,
                        Some(*v),
                        [p.lines[0].min(*line), p.lines[1].max(*line)],
                        table.to_string(),
                    )
                }
                _ => (
                    "skipped",
                    format!(
                        "{}: cannot be made, the table has no cell {rk} × {ck}",
                        rule.message
                    ),
                    None,
                    p.lines,
                    String::new(),
                ),
            };
            out.push(Check {
                rule: format!("{}/{}", tpl.id, rule.id),
                table,
                column: None,
                row: None,
                status: status.into(),
                expected: Some(n),
                found,
                lines,
                message,
            });
        }
    }
    out
}
