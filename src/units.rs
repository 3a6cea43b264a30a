//! Units: the stage after the templates. Takes a [`Document`] whose cells carry the unit
//! they print (`31.6441万元` → 316441 `元`, scaled by `table::value`), gives every number
//! the unit its column or table states, converted to that unit.
//!
//! A column states a unit in its header (`本年收费金额（单位：万元）`, `金额(元)`), else a keyed
//! column takes the unit its template column prints (the form prescribes it even where a
//! report leaves it out), else the table states one in its title, band, stub or note.
//! In such a column a bare number takes the unit, and a number printed with another
//! money unit is converted to it: under `（单位：万元）` both `31.6441` and `31.6441万元`
//! are 31.6441 `万元`. A number with a unit that cannot be converted (`12%` in a `万元`
//! column) keeps its own. So one column never mixes units, and the panel, which reads
//! keyed columns, holds one unit per key ([`key_unit`]).
//!
//! Guarantees: only `value` and `unit` of `number` cells change; `raw` stays as printed.

use crate::model::{Block, CellKind, Document, Table};
use crate::template::data::builtin;
use regex::Regex;
use std::sync::OnceLock;

/// Gives every number of `doc` the unit its column or table states.
pub fn apply(doc: &mut Document) {
    for b in &mut doc.blocks {
        if let Block::Table(t) = b {
            apply_table(t);
        }
    }
}

fn apply_table(t: &mut Table) {
    let table_unit = t
        .title
        .iter()
        .chain(&t.band)
        .chain(&t.note)
        .chain(&t.stub)
        .find_map(|s| stated_unit(s));
    let units: Vec<Option<&'static str>> = t
        .columns
        .iter()
        .map(|c| {
            c.path
                .iter()
                .rev()
                .find_map(|l| stated_unit(l))
                .or_else(|| c.key.as_deref().and_then(key_unit))
                .or(table_unit)
        })
        .collect();
    if units.iter().all(Option::is_none) {
        return;
    }
    for r in &mut t.rows {
        for (cell, unit) in r.cells.iter_mut().zip(&units) {
            let (Some(unit), CellKind::Number, Some(v)) = (unit, cell.kind, cell.value) else {
                continue;
            };
            match cell.unit.as_deref() {
                None => cell.unit = Some((*unit).to_string()),
                Some(u) if u == *unit => {}
                Some(u) => {
                    if let (Some(from), Some(to)) = (money_scale(u), money_scale(unit))
                        && let Some(x) = shift_decimal(v, from - to)
                    {
                        cell.value = Some(x);
                        cell.unit = Some((*unit).to_string());
                    }
                }
            }
        }
    }
}

/// The unit a label states: `单位：万元`, `（单位：万元）`, `（万元）`, `(元)`, `（%）`. `单位`
/// must be followed by a colon (it also means "work unit", as in `责任单位人员`).
///
/// ```
/// use govreport::units::stated_unit;
/// assert_eq!(stated_unit("本年收费金额（单位：万元）"), Some("万元"));
/// assert_eq!(stated_unit("金额(元)"), Some("元"));
/// assert_eq!(stated_unit("单位:件"), Some("件"));
/// assert_eq!(stated_unit("本年收费金额"), None);
/// assert_eq!(stated_unit("元旦"), None);
/// // `单位` is also "work unit": without a colon it states nothing
/// assert_eq!(stated_unit("责任单位人员数"), None);
/// ```
pub fn stated_unit(label: &str) -> Option<&'static str> {
    // most labels state nothing: no `单位` and no bracket
    if !label.contains(['单', '(', '（']) {
        return None;
    }
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE
        .get_or_init(|| {
            Regex::new(
                r"单位\s*[:：]\s*(亿元|万元|千元|元|万人次|人次|件|个|次|条|人|%)|[（(]\s*(亿元|万元|千元|元|万人次|人次|件|个|次|条|%)\s*[）)]",
            )
            .ok()
        })
        .as_ref()?;
    let caps = re.captures(label)?;
    let unit = caps.get(1).or_else(|| caps.get(2))?.as_str();
    UNITS.iter().copied().find(|u| *u == unit)
}

const UNITS: &[&str] = &[
    "亿元",
    "万元",
    "千元",
    "元",
    "万人次",
    "人次",
    "件",
    "个",
    "次",
    "条",
    "人",
    "%",
];

/// Measure words a unit column prints (`计算单位`, `计量单位`) beyond the units a header
/// states ([`UNITS`]).
const OTHER_MEASURE_WORDS: &[&str] = &[
    "万人",
    "户",
    "家",
    "吨",
    "万吨",
    "千克",
    "公斤",
    "公里",
    "千米",
    "米",
    "平方米",
    "万平方米",
    "亩",
    "公顷",
    "辆",
    "台",
    "千瓦",
    "千瓦时",
    "万千瓦时",
    "张",
    "套",
    "所",
    "项",
    "天",
    "％",
    "升",
    "克",
    "斤",
    "只",
    "头",
    "瓶",
    "袋",
    "盒",
];

/// True for a measure word as a unit column prints it (`万元`, `个`, `吨`), a multiple of
/// one (`万辆`, `亿千瓦时`), or a price's unit, one per amount (`元/公斤`, `元/500克`).
pub(crate) fn is_measure_word(w: &str) -> bool {
    let word = |u: &str| UNITS.contains(&u) || OTHER_MEASURE_WORDS.contains(&u);
    let multiple = |u: &str| word(u) || u.strip_prefix(['万', '亿', '千', '百']).is_some_and(word);
    match w.split_once('/') {
        Some((a, b)) => {
            multiple(a) && multiple(b.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'))
        }
        None => multiple(w),
    }
}

/// The unit of a template column key (`active.fee_amount` → `万元`): the one its printed
/// template header states, if any. The panel's and the codebook's unit of the key.
pub fn key_unit(column_key: &str) -> Option<&'static str> {
    // Asked for every keyed cell of every report: the template columns that state a unit
    // are found once.
    static UNITS_BY_KEY: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    UNITS_BY_KEY
        .get_or_init(|| {
            let mut out: Vec<(&'static str, &'static str)> = Vec::new();
            let columns = builtin()
                .iter()
                .flat_map(|t| &t.tables)
                .flat_map(|t| &t.parts)
                .flat_map(|p| &p.columns);
            for c in columns {
                if out.iter().any(|(k, _)| *k == c.key) {
                    continue;
                }
                if let Some(u) = c.path.iter().rev().find_map(|l| stated_unit(l)) {
                    out.push((c.key.as_str(), u));
                }
            }
            out
        })
        .iter()
        .find(|(k, _)| *k == column_key)
        .map(|(_, u)| *u)
}

/// Powers of ten of the money units in 元.
fn money_scale(unit: &str) -> Option<i32> {
    match unit {
        "元" => Some(0),
        "千元" => Some(3),
        "万元" => Some(4),
        "亿元" => Some(8),
        _ => None,
    }
}

/// `v` × 10^`shift`, on its shortest decimal digits so that `316441` shifted by −4 is
/// exactly the number `31.6441` reads as (no binary rounding of a division).
fn shift_decimal(v: f64, shift: i32) -> Option<f64> {
    if shift == 0 {
        return Some(v);
    }
    let text = format!("{:e}", v); // shortest round-trip digits, `3.16441e5`
    let (mantissa, exp) = text.split_once('e')?;
    let exp: i32 = exp.parse().ok()?;
    format!("{mantissa}e{}", exp + shift).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_are_exact() {
        assert_eq!(shift_decimal(316441.0, -4), Some(31.6441));
        assert_eq!(shift_decimal(31.6441, 4), Some(316441.0));
        assert_eq!(shift_decimal(-1605964.0, -4), Some(-160.5964));
        assert_eq!(shift_decimal(0.0, -4), Some(0.0));
    }

    /// A unit column prints measure words, their multiples and prices' units; a label
    /// of words is none.
    #[test]
    fn measure_words_of_unit_columns() {
        for w in [
            "万元",
            "吨",
            "万辆",
            "亿千瓦时",
            "元/公斤",
            "元/5升",
            "元/500克",
        ] {
            assert!(is_measure_word(w), "{w}");
        }
        for w in ["平均价格", "元/", "/公斤", "规章", "万", "上年同期"] {
            assert!(!is_measure_word(w), "{w}");
        }
    }

    #[test]
    fn the_fee_column_is_in_wan_yuan() {
        assert_eq!(key_unit("active.fee_amount"), Some("万元"));
        assert_eq!(key_unit("applicant.natural"), None);
    }
}
