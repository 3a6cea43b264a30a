//! Values of a ragged row placed by the template's arithmetic.
//!
//! A cell-per-line flattening drops empty cells, so a row may print fewer values than
//! the table has columns; the table readers cannot tell which columns they belong to and
//! keep them in the row's `unplaced` list (each with an `unplaced-value` warning). When
//! the row follows a template, every way of giving the values columns in their printed
//! order is tried against the template's sums: a way is kept only when each value takes
//! part in a sum that can be made and holds, and no sum it takes part in fails. When
//! exactly one way is kept, the values take those columns (the other cells become
//! `empty`, as the flattening dropped them) and a `placed-by-sums` warning names each;
//! otherwise nothing moves.

use super::data::Template;
use super::keyed::{self, Equation};
use crate::model::{Block, Cell, CellKind, Document, Warning};
use crate::table::value::parse_cell;
use rustc_hash::FxHashMap as HashMap;

/// Most ways of placing one row's values that are tried (`C(15, 7)` is 6,435).
const MAX_WAYS: usize = 20_000;

/// Places the unplaced values of ragged rows where exactly one placement adds up.
pub fn place_unplaced(doc: &mut Document, tpl: &Template) -> Vec<Warning> {
    let targets: Vec<(usize, usize)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(bi, b)| match b {
            Block::Table(t) => Some((bi, t)),
            _ => None,
        })
        .flat_map(|(bi, t)| {
            t.rows
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    r.key.is_some()
                        && !r.unplaced.is_empty()
                        && r.cells.iter().all(|c| c.kind == CellKind::Missing)
                })
                .map(move |(ri, _)| (bi, ri))
        })
        .collect();
    if targets.is_empty() {
        return Vec::new();
    }
    let equations: Vec<&Equation> = tpl.checks.iter().flat_map(|r| &r.equations).collect();
    let mut warnings = Vec::new();
    for (bi, ri) in targets {
        let Some(cols) = placement(doc, &equations, bi, ri) else {
            continue;
        };
        let Block::Table(t) = &mut doc.blocks[bi] else {
            continue;
        };
        let row = &mut t.rows[ri];
        let values = std::mem::take(&mut row.unplaced);
        for c in row.cells.iter_mut() {
            *c = Cell {
                kind: CellKind::Empty,
                ..c.clone()
            };
        }
        for (raw, &ci) in values.iter().zip(&cols) {
            row.cells[ci] = parse_cell(raw);
            warnings.push(Warning {
                line: Some(row.line),
                code: "placed-by-sums".into(),
                message: format!(
                    "value {raw:?} of the ragged row {:?} is placed under {:?}: the only columns for its values in which the sums of template {} hold",
                    row.path.join(" > "),
                    t.columns[ci].path.join(" > "),
                    tpl.id
                ),
            });
        }
        // the values are placed after all: the row's `unplaced-value` and `ragged-row`
        // warnings no longer hold
        let (first, next) = row_span(t, ri);
        doc.warnings.retain(|w| {
            let at = |l: u32| w.line.is_some_and(|x| x >= first && x < l);
            !((w.code == "unplaced-value" && at(next)) || (w.code == "ragged-row" && at(first + 1)))
        });
    }
    warnings
}

/// Lines `[first, next)` a row's items may sit on: from its line to the next row's.
fn row_span(t: &crate::model::Table, ri: usize) -> (u32, u32) {
    let first = t.rows[ri].line;
    let next = t
        .rows
        .iter()
        .map(|r| r.line)
        .filter(|&l| l > first)
        .min()
        .unwrap_or(u32::MAX);
    (first, next)
}

/// The one set of columns (ascending) where the row's values make every sum they take
/// part in hold, when there is exactly one.
fn placement(doc: &Document, equations: &[&Equation], bi: usize, ri: usize) -> Option<Vec<usize>> {
    let Block::Table(t) = &doc.blocks[bi] else {
        return None;
    };
    let row = &t.rows[ri];
    let rk = row.key.as_deref()?;
    let values: Vec<f64> = row
        .unplaced
        .iter()
        .map(|raw| {
            let c = parse_cell(raw);
            (c.kind == CellKind::Number).then_some(c.value).flatten()
        })
        .collect::<Option<_>>()?;
    let n = t.columns.len();
    let k = values.len();
    if k == 0 || k > n || ways(n, k) > MAX_WAYS {
        return None;
    }
    let col_keys: Vec<Option<&str>> = t.columns.iter().map(|c| c.key.as_deref()).collect();
    // the other cells the equations of this row need, read once
    let index = keyed::index(doc);
    let mut known: HashMap<(&str, &str), f64> = HashMap::default();
    let relevant: Vec<&Equation> = equations
        .iter()
        .copied()
        .filter(|e| e.cells().any(|((r, _), _)| r == rk))
        .collect();
    for e in &relevant {
        for ((r, c), _) in e.cells() {
            if r == rk {
                continue;
            }
            if let Some(&(b, i, j)) = index.get(&(r.as_str(), c.as_str()))
                && let Block::Table(tb) = &doc.blocks[b]
                && let Some(cell) = tb.rows[i].cells.get(j)
                && cell.kind == CellKind::Number
                && let Some(v) = cell.value
            {
                known.insert((r.as_str(), c.as_str()), v);
            }
        }
    }
    let mut found: Option<Vec<usize>> = None;
    let mut combo: Vec<usize> = (0..k).collect();
    loop {
        if holds(&combo, &values, &col_keys, rk, &relevant, &known) {
            if found.is_some() {
                return None;
            }
            found = Some(combo.clone());
        }
        if !next_combination(&mut combo, n) {
            break;
        }
    }
    found
}

/// True when the values in columns `combo` each take part in a sum that holds and no sum
/// they take part in fails.
fn holds(
    combo: &[usize],
    values: &[f64],
    col_keys: &[Option<&str>],
    rk: &str,
    equations: &[&Equation],
    known: &HashMap<(&str, &str), f64>,
) -> bool {
    let mut placed: HashMap<&str, (usize, f64)> = HashMap::default();
    for (vi, &ci) in combo.iter().enumerate() {
        // a value under a column without a key cannot be checked
        let Some(ck) = col_keys[ci] else {
            return false;
        };
        placed.insert(ck, (vi, values[vi]));
    }
    let mut verified = vec![false; values.len()];
    for e in equations {
        let mut involved = Vec::new();
        let (mut s, mut q) = (0.0, 0.0);
        let mut complete = true;
        for ((r, c), in_sum) in e.cells() {
            let v = if r == rk {
                placed.get(c.as_str()).map(|&(vi, v)| {
                    involved.push(vi);
                    v
                })
            } else {
                known.get(&(r.as_str(), c.as_str())).copied()
            };
            match v {
                Some(v) if in_sum => s += v,
                Some(v) => q += v,
                None => complete = false,
            }
        }
        if involved.is_empty() || !complete {
            continue;
        }
        if (s - q).abs() > 1e-6 {
            return false;
        }
        for vi in involved {
            verified[vi] = true;
        }
    }
    verified.iter().all(|&v| v)
}

/// The next k-combination of `0..n` in lexicographic order; false after the last.
fn next_combination(c: &mut [usize], n: usize) -> bool {
    let k = c.len();
    let mut i = k;
    while i > 0 {
        i -= 1;
        if c[i] < n - k + i {
            c[i] += 1;
            for j in i + 1..k {
                c[j] = c[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

/// `C(n, k)`, saturating.
fn ways(n: usize, k: usize) -> usize {
    let k = k.min(n - k);
    let mut w: usize = 1;
    for i in 0..k {
        w = w.saturating_mul(n - i) / (i + 1);
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinations_are_all_visited_once() {
        let mut c = vec![0, 1];
        let mut seen = vec![c.clone()];
        while next_combination(&mut c, 4) {
            seen.push(c.clone());
        }
        assert_eq!(
            seen,
            [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]].map(|a| a.to_vec())
        );
        assert_eq!(ways(15, 7), 6435);
        assert_eq!(ways(4, 2), 6);
    }
}
