//! Blank cells the template's arithmetic fixes twice over. A flattening sometimes loses
//! one number of a row (the cell prints empty, the number lands on a loose line). When
//! two independent rules of the template — a row sum and a column balance — each leave
//! that one cell as their only unknown and give it the same value, the cell takes it:
//! `kind` becomes `number`, `raw` stays `""`, `derived` says `sums`, and a
//! `derived-from-sums` warning names the line. One rule alone never fills a cell.

use super::data::Template;
use super::keyed::{self, At};
use crate::model::{Block, CellKind, Document, Warning};
use rustc_hash::FxHashMap as HashMap;

/// Fills blank cells that two rules determine alike.
pub fn derive_blanks(doc: &mut Document, tpl: &Template) -> Vec<Warning> {
    let at = keyed::index(doc);
    let cell = |a: At| match &doc.blocks[a.0] {
        Block::Table(t) => t
            .rows
            .get(a.1)
            .and_then(|r| r.cells.get(a.2))
            .map(|c| (c.kind, c.value)),
        _ => None,
    };
    // candidate values per blank cell, with the rule that gave each
    let mut found: HashMap<At, Vec<(String, f64)>> = HashMap::default();
    for rule in &tpl.checks {
        for eq in &rule.equations {
            let mut blank: Option<(At, bool)> = None;
            let (mut s, mut e) = (0.0, 0.0);
            let mut usable = true;
            for (k, in_sum) in eq.cells() {
                let Some(&a) = at.get(&(k.0.as_str(), k.1.as_str())) else {
                    usable = false;
                    break;
                };
                match cell(a) {
                    Some((CellKind::Number, Some(v))) => {
                        if in_sum {
                            s += v
                        } else {
                            e += v
                        }
                    }
                    Some((CellKind::Empty, _)) if blank.is_none() => blank = Some((a, in_sum)),
                    _ => {
                        usable = false;
                        break;
                    }
                }
            }
            if let (true, Some((a, in_sum))) = (usable, blank) {
                let v = if in_sum { e - s } else { s - e };
                if v >= 0.0 && v.fract() == 0.0 {
                    found.entry(a).or_default().push((rule.id.clone(), v));
                }
            }
        }
    }
    let mut warnings = Vec::new();
    let mut fills: Vec<(At, f64, Vec<String>)> = found
        .into_iter()
        .filter_map(|(a, c)| {
            let mut rules: Vec<String> = c.iter().map(|(r, _)| r.clone()).collect();
            rules.sort();
            rules.dedup();
            let agree = c.iter().all(|(_, v)| (*v - c[0].1).abs() < 1e-9);
            (rules.len() >= 2 && agree).then(|| (a, c[0].1, rules))
        })
        .collect();
    fills.sort_by_key(|f| f.0);
    for ((bi, ri, ci), v, rules) in fills {
        let Block::Table(t) = &mut doc.blocks[bi] else {
            continue;
        };
        let row = &mut t.rows[ri];
        let c = &mut row.cells[ci];
        c.kind = CellKind::Number;
        c.value = Some(v);
        c.derived = Some("sums".into());
        warnings.push(Warning {
            line: Some(row.line),
            code: "derived-from-sums".into(),
            message: format!(
                "the cell {:?} × {:?} prints empty; rules {} of template {} each leave it as their only unknown and give it {v}",
                row.path.join(" > "),
                t.columns[ci].path.join(" > "),
                rules.join(" and "),
                tpl.id
            ),
        });
    }
    warnings
}
