//! Rows of values whose labels the flattening lost, placed by the template's row order.
//!
//! A PDF extraction sometimes moves row labels away from their numbers (the labels land on
//! loose lines above, out of order) and leaves rows of bare values. Between two rows that
//! are keyed, the template lists which rows come in between. When the number of bare
//! rows between two keyed rows equals the number of template rows that hold values
//! between them, and none of those is already in the document, the bare rows are those
//! rows, in order: each takes the key and the template's label path, with a
//! `row-from-template-order` warning. Any other row in between (an unkeyed label, a row
//! out of template order) breaks the run, and nothing is placed across it.

use super::data::{TRow, Template};
use super::matching::mfold;
use crate::lines::Line;
use crate::model::{Block, Document, Warning};
use rustc_hash::FxHashSet as HashSet;

/// Gives bare rows between keyed rows the keys the template order leaves them. A row
/// whose label stands on a loose line, not its own (`lines`), counts as bare: the label
/// was given to it by position only.
pub fn fill_from_order(doc: &mut Document, tpl: &Template, lines: &[Line]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    // nothing to place when every row has its key (most reports)
    if doc.tables().flat_map(|t| &t.rows).all(|r| r.key.is_some()) {
        return warnings;
    }
    // keys are unique across a template's tables: one set serves them all
    let used: HashSet<String> = doc
        .tables()
        .flat_map(|t| &t.rows)
        .filter_map(|r| r.key.clone())
        .collect();
    for tt in &tpl.tables {
        // value rows of the template table in order, with their label chains
        let mut leaves: Vec<(&TRow, Vec<String>)> = Vec::new();
        let mut col_keys: HashSet<&str> = HashSet::default();
        for p in tt.parts.iter().filter(|p| p.band.is_none()) {
            leaves.extend(p.value_rows());
            col_keys.extend(p.columns.iter().map(|c| c.key.as_str()));
        }
        if leaves.is_empty() {
            continue;
        }
        let index_of = |k: &str| leaves.iter().position(|(r, _)| r.key == k);
        // the rows of tables that follow this template table, in document order
        let mut seq: Vec<(usize, usize)> = Vec::new();
        for (bi, b) in doc.blocks.iter().enumerate() {
            let Block::Table(t) = b else { continue };
            let ours = t.band.is_none()
                && !t.columns.is_empty()
                && t.columns
                    .iter()
                    .all(|c| c.key.as_deref().is_some_and(|k| col_keys.contains(k)));
            if ours {
                seq.extend((0..t.rows.len()).map(|ri| (bi, ri)));
            }
        }
        let mut last: Option<usize> = None;
        // bare rows of the current run, each with the piece of label it prints itself
        // (a label cut by the extraction, `行政机关不再处理其政府信息公`), if any
        let mut bare: Vec<((usize, usize), Option<String>)> = Vec::new();
        let mut assign: Vec<((usize, usize), usize)> = Vec::new();
        for &(bi, ri) in &seq {
            let Block::Table(t) = &doc.blocks[bi] else {
                continue;
            };
            let r = &t.rows[ri];
            let bare_row = r.path.is_empty() || !super::label_on_line(r, lines);
            let own = r.path.last().filter(|_| !bare_row);
            match (&r.key, bare_row) {
                (None, true) => bare.push(((bi, ri), None)),
                // an unnumbered label that names no row: a piece of a longer label
                (None, false) if own.is_some_and(|l| crate::outline::scan_outline(l).is_none()) => {
                    bare.push(((bi, ri), own.cloned()))
                }
                (Some(k), _) => {
                    let q = index_of(k);
                    if let (Some(p), Some(q)) = (last, q)
                        && q > p + 1
                        && !bare.is_empty()
                        && q - p - 1 == bare.len()
                        && leaves[p + 1..q].iter().all(|(l, _)| !used.contains(&l.key))
                        && bare
                            .iter()
                            .zip(&leaves[p + 1..q])
                            .all(|((_, piece), (l, _))| {
                                piece.as_deref().is_none_or(|x| is_piece_of(x, &l.label))
                            })
                    {
                        assign.extend(bare.iter().map(|(at, _)| *at).zip(p + 1..q));
                    }
                    bare.clear();
                    last = q;
                }
                (None, false) => {
                    bare.clear();
                    last = None;
                }
            }
        }
        for ((bi, ri), li) in assign {
            let Block::Table(t) = &mut doc.blocks[bi] else {
                continue;
            };
            let r = &mut t.rows[ri];
            let (row, chain) = &leaves[li];
            r.key = Some(row.key.clone());
            let old_path = std::mem::replace(&mut r.path, chain.clone());
            warnings.push(Warning {
                line: Some(r.line),
                code: "row-from-template-order".into(),
                message: format!(
                    "a row of values without a label of its own{} stands where template {} has {:?} between the rows around it: it is taken as that row",
                    if old_path.is_empty() { String::new() } else { format!(" (given {:?} by a loose line)", old_path.join(" > ")) },
                    tpl.id,
                    chain.join(" > ")
                ),
            });
        }
    }
    warnings
}

/// True when `piece` is a part of `label` (matching forms, at least four characters): a
/// label the extraction cut into pieces.
fn is_piece_of(piece: &str, label: &str) -> bool {
    let (p, l) = (mfold(piece), mfold(label));
    p.chars().count() >= 4 && l.contains(&p)
}

#[cfg(test)]
mod tests {
    use crate::template::tests::{corpus, parse};

    fn seed_with(old: &str, new: &str) -> String {
        let seed = corpus("zhaotong-2020.txt");
        assert!(seed.contains(old));
        seed.replace(old, new)
    }

    /// Two loose labels, then a bare row between 4. and 6. of 不予公开: the template has
    /// only 5. there, so the row is 5. (not the nearer loose label, 1. of 无法提供).
    #[test]
    fn a_bare_row_between_keyed_rows_takes_the_one_row_the_template_has_there() {
        let text = seed_with(
            "5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
            "5.属于三类内部事务信息\n1.本机关不掌握相关政府信息\n| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n",
        );
        let d = parse(&text);
        let r = d
            .tables()
            .flat_map(|t| &t.rows)
            .find(|r| r.line == 43)
            .unwrap();
        assert_eq!(
            r.key.as_deref(),
            Some("apply.result.refused.internal_affairs")
        );
        assert_eq!(r.cells[0].value, Some(1.0));
        assert!(
            d.warnings
                .iter()
                .any(|w| w.code == "row-from-template-order" && w.line == Some(43))
        );
    }

    /// Two bare rows where the template has one row between their neighbours: not placed.
    #[test]
    fn bare_rows_that_do_not_fit_the_gap_stay_unkeyed() {
        let text = seed_with(
            "5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
            "5.属于三类内部事务信息\n1.本机关不掌握相关政府信息\n| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n",
        );
        let d = parse(&text);
        let bare: Vec<_> = d
            .tables()
            .flat_map(|t| &t.rows)
            .filter(|r| r.line == 43 || r.line == 44)
            .collect();
        assert_eq!(bare.len(), 2);
        assert!(bare.iter().all(|r| r.key.is_none()), "{bare:?}");
        assert!(
            !d.warnings
                .iter()
                .any(|w| w.code == "row-from-template-order")
        );
    }

    /// A row printing only a piece of its label (the number and the start went to a loose
    /// line) between 4. and (六): placed as 5. when the piece is part of 5.'s label, left
    /// alone when it is not.
    #[test]
    fn a_label_piece_must_be_part_of_the_row_it_is_placed_as() {
        let old = "5.要求行政机关确认或重新出具以获取信息 | 0 |";
        let fits = seed_with(old, "重新出具以获取信息 | 7 |");
        let d = parse(&fits);
        let r = d
            .tables()
            .flat_map(|t| &t.rows)
            .find(|r| r.line == 52)
            .unwrap();
        assert_eq!(
            r.key.as_deref(),
            Some("apply.result.not_processed.confirm_obtained"),
            "{:?}",
            r.path
        );
        assert_eq!(r.cells[0].value, Some(7.0));
        assert!(
            d.warnings
                .iter()
                .any(|w| w.code == "row-from-template-order" && w.line == Some(52))
        );
        let clash = seed_with(old, "没有现成信息需要另行制作 | 7 |");
        let d = parse(&clash);
        let r = d
            .tables()
            .flat_map(|t| &t.rows)
            .find(|r| r.line == 52)
            .unwrap();
        assert_ne!(
            r.key.as_deref(),
            Some("apply.result.not_processed.confirm_obtained")
        );
    }
}
