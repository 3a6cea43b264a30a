//! Tables: from rows of flattened cells to [`Table`] blocks with full column and row
//! paths. Every flattening style ends here: the style readers (pipe and Markdown in
//! [`pipe`]) only cut lines into [`RawRow`]s.
//!
//! Steps for one region of rows:
//! 1. [`segments`] cuts the region at band rows (`第二十条第（一）项` alone on its row) and
//!    at header rows that follow data rows (a new table under the same heading).
//! 2. [`build`] tells header rows from data rows, finds how many value columns (`N`) and
//!    label columns (`L`) the data rows have, rebuilds the column paths
//!    ([`header::rebuild`]) and the row paths ([`rows::RowPaths`]), and parses the values.

#[cfg(test)]
pub(crate) mod testutil {
    //! The block stage alone (no template), for the style readers' unit tests.
    use crate::model::{Document, Meta, SCHEMA, Source};

    /// Lines and blocks of `text`, wrapped in a document.
    pub(crate) fn doc(text: &str) -> Document {
        let mut warnings = Vec::new();
        let lines = crate::lines::split_lines(text);
        let blocks = crate::classify::blocks(&lines, &mut warnings);
        Document {
            schema: SCHEMA.to_string(),
            source: Source {
                path: "t.txt".into(),
                bytes: text.len() as u64,
                sha256: String::new(),
                encoding: "utf-8".into(),
                encoding_confidence: "valid".into(),
                line_ending: "lf".into(),
                format: None,
                converted_by: None,
            },
            meta: Meta::default(),
            blocks,
            checks: Vec::new(),
            warnings,
        }
    }

    /// Each row of `t` as its path joined by `/` and its cells as printed.
    pub(crate) fn path_cells(t: &crate::model::Table) -> Vec<(String, Vec<String>)> {
        t.rows
            .iter()
            .map(|r| {
                (
                    r.path.join("/"),
                    r.cells.iter().map(|c| c.raw.clone()).collect(),
                )
            })
            .collect()
    }
}

pub mod aligned;
pub mod cellline;
pub mod columns;
pub mod grid;
pub mod header;
pub mod joined;
pub mod pipe;
pub mod rows;
pub mod ruled;
pub mod simple;
pub mod sums;
pub mod tsv;
pub mod value;

use crate::line_kind::year_of;
use crate::model::{Attribute, Cell, CellKind, Column, Row, Table, Warning};
use crate::normalize::fold;
use crate::outline::scan_outline;
use header::HeaderRow;
use rows::RowPaths;
use std::collections::{HashMap, HashSet};
use value::{kind_of, parse_cell};

/// One row of cells as the text gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// Source line (the first, for rows spread over several lines).
    pub line: u32,
    /// Cells as printed (trimmed).
    pub cells: Vec<String>,
    /// Values the row printed that no column could be given (empty cells dropped by
    /// the flattening): kept, so the template can place them when its sums allow.
    pub unplaced: Vec<String>,
    /// How far the row's first label is indented as printed (display columns of white
    /// space before it, an ideographic space counting two), where the flattening keeps
    /// the page's indentation inside the cell (`| 　　统计信息事务 |`); 0 where it does not.
    pub indent: usize,
}

impl RawRow {
    /// A row of printed cells, each of which has its column (nothing left unplaced).
    pub fn printed(line: u32, cells: Vec<String>) -> RawRow {
        RawRow {
            line,
            cells,
            unplaced: Vec::new(),
            indent: 0,
        }
    }
}

/// The rows of one table block.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The band label that starts the block.
    pub band: Option<String>,
    /// First and last source line of the block (band and separator lines included).
    pub lines: [u32; 2],
    /// Header and data rows.
    pub rows: Vec<RawRow>,
    /// The shape, when the style reader knows it (aligned and grid readers place every
    /// cell in its column); `None` lets [`build`] work it out from the rows.
    pub known: Option<Shape>,
    /// Lines printed above the header as rows of one cell (a caption `表1 …`, a period
    /// `2023年8月`, a unit `单位：亿元`): the caption titles the table, the unit line is
    /// its note. Empty for most tables.
    pub above: Vec<String>,
    /// Units printed in cells of their own after numbers ([`take_unit_cells`]): by row
    /// line, the index of the number's cell in the row and the unit.
    pub units: HashMap<u32, Vec<(usize, String)>>,
    /// True when each row prints the cells present in the page's table row, then pads
    /// ([`Context::present`]), as the reader found.
    pub present: bool,
}

/// The shape of a grid segment as its reader found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Leading header rows.
    pub head: usize,
    /// Label (stub) columns, left of the value columns.
    pub labels: usize,
    /// Value columns.
    pub values: usize,
}

/// What a style reader makes of its region of lines, in line order.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A table block: its rows, and whether they are grid rows (one cell per column).
    Table {
        /// The rows.
        seg: Segment,
        /// True for grid rows.
        grid: bool,
    },
    /// Two tables printed side by side on the same lines (`项目 | 决算数 | 项目 | 决算数`),
    /// cut apart: one table, or two under one caption ([`beside`]).
    Beside {
        /// The left half's rows (grid rows).
        left: Segment,
        /// The right half's rows (grid rows).
        right: Segment,
    },
    /// A line of page furniture (1-based line number).
    Furniture(u32),
    /// A line that is running text after all (1-based line number): a heading or a
    /// paragraph next to a table.
    Text(u32),
    /// Lines `[first, last]` of a table that could not be read: kept as one paragraph
    /// of their cells (a warning says why).
    Unread([u32; 2]),
}

/// What the caller knows about the place of a table.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Printed caption or heading title.
    pub title: Option<String>,
    /// Heading path.
    pub section: Vec<String>,
    /// Flattening style.
    pub style: String,
    /// True for styles that print one cell per column (covered cells empty).
    pub grid: bool,
    /// True when the rows print the cells present in each row of the page's table and pad
    /// the row at its end (a converter that prints cell by cell, breaking rows over lines):
    /// a header row's empty cells at its end are then padding, not covered positions.
    pub present: bool,
}

/// Most value cells a table may have; more is reported and cut (a hostile input guard).
const MAX_CELLS: usize = 200_000;

/// Cuts the rows of one region into table blocks at band rows and repeated headers.
/// `lines` is the region's first and last line.
pub fn segments(mut rows: Vec<RawRow>, lines: [u32; 2], grid: bool) -> Vec<Segment> {
    let units = take_unit_cells(&mut rows);
    let vs = if grid { value_start(&rows) } else { None };
    let mut out: Vec<Segment> = Vec::new();
    let mut cur = Segment {
        band: None,
        lines,
        rows: Vec::new(),
        known: None,
        above: Vec::new(),
        units: Default::default(),
        present: false,
    };
    let mut in_data = false;
    let mut skip = 0;
    for i in 0..rows.len() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let row = &rows[i];
        // one-cell rows over a header, where a table starts: its caption, period, unit
        if cur.rows.is_empty() && cur.band.is_none() || in_data {
            let run = rows[i..]
                .iter()
                .take_while(|r| lead_text(r).is_some())
                .count();
            // a header names most of its cells (a row of labels over blank values does not)
            let header = rows.get(i + run).is_some_and(|n| {
                let texts = n.cells.iter().filter(|c| !c.is_empty()).count();
                !is_data(n, true, vs) && texts >= 2 && 2 * texts >= n.cells.len()
            });
            if run > 0 && header {
                if !cur.rows.is_empty() {
                    cur.lines[1] = row.line.saturating_sub(1).max(cur.lines[0]);
                    out.push(cur);
                    cur = Segment {
                        band: None,
                        lines: [row.line, lines[1]],
                        rows: Vec::new(),
                        known: None,
                        above: Vec::new(),
                        units: Default::default(),
                        present: false,
                    };
                    in_data = false;
                }
                cur.above = rows[i..i + run]
                    .iter()
                    .filter_map(|r| lead_text(r).map(str::to_string))
                    .collect();
                skip = run - 1;
                continue;
            }
        }
        let next = rows.get(i + 1);
        let band = band_label(row, next, vs);
        // (a row numbered as the rows are, `(一)因公出国(境)费 | 单位不需填列 | 单位不需填列`,
        // prints words in its value cells: no header)
        let numbered = row
            .cells
            .iter()
            .find(|c| !c.is_empty())
            .is_some_and(|c| scan_outline(c).is_some());
        let new_header = band.is_none() && in_data && !is_data(row, false, vs) && !numbered;
        // the header printed again (a table continued on the next page): same table
        if new_header {
            let head: Vec<&RawRow> = cur
                .rows
                .iter()
                .enumerate()
                .take_while(|(k, r)| !is_data(r, *k == 0, vs))
                .map(|(_, r)| r)
                .collect();
            let again = !head.is_empty()
                && rows.len() >= i + head.len()
                && head.iter().zip(&rows[i..]).all(|(a, b)| a.cells == b.cells);
            if again {
                skip = head.len() - 1;
                continue;
            }
        }
        if band.is_some() || new_header {
            // a band whose rows follow it with no header of their own (`Trend | | |` over
            // data rows) heads a block of the table whose header was printed above it:
            // the block takes that header (a header printed alone is no table of its own)
            let head_of = |seg: &Segment| -> Vec<RawRow> {
                seg.rows
                    .iter()
                    .enumerate()
                    .take_while(|(k, r)| !is_data(r, *k == 0, vs))
                    .map(|(_, r)| r.clone())
                    .collect()
            };
            let rows_follow = band.is_some() && next.is_some_and(|n| is_data(n, false, vs));
            let mut carried = Vec::new();
            let mut start = row.line;
            let mut above = Vec::new();
            if rows_follow {
                carried = head_of(&cur);
                if carried.is_empty() {
                    carried = out.last().map(head_of).unwrap_or_default();
                }
            }
            let header_alone = !carried.is_empty()
                && cur.band.is_none()
                && !cur.rows.is_empty()
                && cur.rows.len() == carried.len();
            if header_alone {
                start = cur.lines[0];
                above = std::mem::take(&mut cur.above);
                cur.rows.clear();
            }
            if !cur.rows.is_empty() || cur.band.is_some() {
                cur.lines[1] = row.line.saturating_sub(1).max(cur.lines[0]);
                out.push(cur);
                cur = Segment {
                    band: None,
                    lines: [start, lines[1]],
                    rows: Vec::new(),
                    known: None,
                    above,
                    units: Default::default(),
                    present: false,
                };
            } else {
                cur.lines[0] = cur.lines[0].min(start);
                cur.above = above;
            }
            in_data = false;
            if let Some(b) = band {
                cur.band = Some(b);
                cur.rows = carried;
                continue;
            }
        }
        if is_data(row, cur.rows.is_empty(), vs) && (in_data || !is_period_row(row)) {
            in_data = true;
        }
        cur.rows.push(row.clone());
    }
    cur.lines[1] = lines[1];
    if !cur.rows.is_empty() || cur.band.is_some() {
        out.push(cur);
    }
    if !units.is_empty() {
        for seg in &mut out {
            seg.units = seg
                .rows
                .iter()
                .filter_map(|r| units.get(&r.line).map(|u| (r.line, u.clone())))
                .collect();
        }
    }
    out
}

/// The text of a row of one text cell, first, the others empty, that is no band label.
fn lead_text(row: &RawRow) -> Option<&str> {
    lead_text_cells(&row.cells)
}

/// Text that states only a measure: a percentage or percentage points (`增长%`,
/// `增减百分点`, `%`), or a unit word (`亿元`).
pub(crate) fn is_measure_text(t: &str) -> bool {
    let f = fold(t);
    let f = f.trim_matches(['(', ')', '（', '）']);
    f.chars().count() <= 8
        && (f.ends_with(['%', '％']) || f.ends_with("百分点") || crate::units::is_measure_word(f))
}

/// [`lead_text`] of a row's cells.
pub(crate) fn lead_text_cells(cells: &[String]) -> Option<&str> {
    let first = cells.first()?;
    let alone = !first.is_empty() && cells[1..].iter().all(|c| c.is_empty());
    (alone && kind_of(first) == CellKind::Text && !crate::line_kind::is_band_text(first))
        .then_some(first.as_str())
}

/// A column path whose last level is a bracketed unit alone (`社会消费品零售总额` over
/// `(亿元)`, a header row of units under the labels, or a label's cell wrapped before its
/// unit): the unit is the label's, as printed on one line (`社会消费品零售总额(亿元)`).
/// A bracketed number (`(1)`, a column's number) stays a level, and so does an index's
/// base (`(2002=100)` under each month of a price index: a header row of its own, no unit).
fn unit_onto_label(mut path: Vec<String>) -> Vec<String> {
    let unit = path.last().is_some_and(|t| {
        let inner = t
            .strip_prefix(['(', '（'])
            .and_then(|r| r.strip_suffix([')', '）']));
        inner.is_some_and(|i| {
            let i = i.trim();
            !i.is_empty()
                && i.chars().count() <= 10
                && !i.chars().all(|c| c.is_ascii_digit())
                && !i.contains(['=', '＝'])
        })
    });
    if unit && path.len() >= 2 {
        let u = path.pop().unwrap_or_default();
        if let Some(label) = path.last_mut() {
            label.push_str(&u);
        }
    }
    path
}

/// Of the lines printed above a header (`above`), the caption and the unit line. The
/// caption is the first line that states neither a unit nor only a period
/// (`2023年8月`, `2015年上半年`); a unit line is `单位：…` / `Unit: …`.
pub fn caption_and_unit(above: &[String]) -> (Option<&str>, Option<&str>) {
    let unit = above.iter().find(|t| is_unit_line(t)).map(String::as_str);
    let plain = |t: &&String| !is_unit_line(t) && !is_period(t) && !fold(t).starts_with('注');
    // (a numbered caption nearest the header names the table under a page's title, or
    // under the note of the table before: `1-9月进度数据发布` / `1、本地生产总值`)
    let numbered = |t: &&String| {
        crate::outline::scan_outline(t).is_some() || crate::line_kind::is_numbered_caption(t)
    };
    let caption = above
        .iter()
        .rev()
        .filter(plain)
        .find(numbered)
        .or_else(|| above.iter().find(plain))
        .map(String::as_str);
    (caption, unit)
}

/// A line that states the unit of a table: `单位：万元`, `（单位：亿元）`, `金额单位：万元`,
/// `Unit: 1,000 persons`.
pub fn is_unit_line(t: &str) -> bool {
    let f: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let f = f.trim_start_matches(['（', '(']);
    let lower = f.to_lowercase();
    // (what the unit measures may come first, `金额单位：万元`, where a unit of measure
    // follows: `编制单位：…` names the body that drew the table up)
    let qualified = f
        .find("单位")
        .is_some_and(|i| (1..=2).contains(&f[..i].chars().count()))
        && crate::units::stated_unit(f).is_some();
    f.starts_with("单位:")
        || f.starts_with("单位：")
        || qualified
        || lower.starts_with("unit:")
        || lower.starts_with("units:")
}

/// A line that names only a period: digits with `年`/`月`/`日`/`季度`/`上半年`, ranges.
///
/// Accepted: `2023年8月`, `2015年上半年`, `2025年1- 9 月`, `1-3月`. Rejected: `2-3 总产出`.
pub fn is_period(t: &str) -> bool {
    let f: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    f.chars().any(|c| c.is_ascii_digit())
        && f.contains(['年', '月'])
        && f.chars().all(|c| {
            c.is_ascii_digit() || "年月日季度上下半全前后第一二三四-—~～至份末底".contains(c)
        })
}

/// A band row: one text cell, first, the others empty, before a header row (or alone).
fn band_label(row: &RawRow, next: Option<&RawRow>, vs: Option<usize>) -> Option<String> {
    let first = row.cells.first()?;
    if first.is_empty() || row.cells[1..].iter().any(|c| !c.is_empty()) {
        return None;
    }
    // (a measure alone, `增长%`, names no block of rows: header text that lost its column)
    if kind_of(first) != CellKind::Text || is_measure_text(first) {
        return None;
    }
    let alone = row.cells.len() == 1;
    let before_header = next.is_some_and(|n| {
        !is_data(n, true, vs) && n.cells.iter().filter(|c| !c.is_empty()).count() >= 2
    });
    (alone || before_header).then(|| first.clone())
}

/// Kind of a cell for row classification.
pub(crate) fn is_value_like(cell: &str) -> bool {
    match kind_of(cell) {
        CellKind::Number | CellKind::Na | CellKind::Empty | CellKind::Missing => true,
        CellKind::Text => {
            (cell.chars().any(|c| c.is_ascii_digit())
                && scan_outline(cell).is_none()
                && !is_label_like(cell))
                || crate::line_kind::is_no_change(cell)
        }
    }
}

/// Text that names something (a row or column label) rather than stating a value: an
/// ordinal or a period (`第一季度`, `2019年`, `1-3月累计`, `Nov. 2017`, `May to June
/// 2023`), a word (`Standard error1`), words before the figure (`以上年同期价格为100`,
/// a base) or a unit of its own (`元/500克`): values print digits with a unit or a mark,
/// not words.
pub(crate) fn is_label_like(cell: &str) -> bool {
    let f = fold(cell);
    let word = cell
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 3);
    let words_first = f
        .chars()
        .take_while(|c| !c.is_ascii_digit())
        .filter(|c| c.is_alphabetic())
        .count()
        >= 3;
    f.starts_with('第')
        || words_first
        || crate::units::is_measure_word(cell.trim())
        || sub_period(cell).is_some()
        || f.ends_with('年')
        || f.contains("年度")
        || year_led(&f)
        || (f.contains('月') && !f.contains("个月"))
        || word
}

/// True for a label opening on its year (`2016年预算数`, `2023年末`): a period's column,
/// not a figure with its unit.
fn year_led(f: &str) -> bool {
    let digits = f.find(|c: char| !c.is_ascii_digit()).unwrap_or(f.len());
    f[digits..].starts_with('年') && year_of(&f[..digits]).is_some()
}

/// In a grid (one cell per column), the first column holding a number or
/// not-applicable mark in any row: text at or right of it belongs to a header. A row
/// whose numbers are all years is a header row of periods (`1995 | 1996 | 指数 | |`,
/// under the corner's span): its years say nothing of where the values start.
fn value_start(rows: &[RawRow]) -> Option<usize> {
    // (under a corner naming the rows, `Item`, the first column is the labels' whatever
    // they print: `25 44`, an age group, read as a number)
    let corner = rows
        .first()
        .and_then(|r| r.cells.first())
        .is_some_and(|c| names_rows(c));
    rows.iter()
        .filter(|r| {
            r.cells
                .iter()
                .any(|c| kind_of(c) == CellKind::Number && year_of(c).is_none())
                || r.cells.iter().any(|c| kind_of(c) == CellKind::Na)
        })
        .filter_map(|r| {
            // (a year in the first column labels its row: `2023 | 673300.3 | …` under a
            // group row, a series' rows)
            r.cells.iter().enumerate().position(|(j, c)| {
                matches!(kind_of(c), CellKind::Number | CellKind::Na)
                    && !(j == 0 && (corner || year_of(c).is_some()))
            })
        })
        .min()
}

/// A data row has a tail of value cells holding a number or not-applicable mark, or
/// more value cells than labels. The first row of a table is data only when it holds a
/// number (a header row comes first). In a grid whose value columns are known (`vs`),
/// a row without values is a header when it has text in a value column.
fn is_data(row: &RawRow, first: bool, vs: Option<usize>) -> bool {
    let cells = &row.cells;
    // a first row of years is the header of a table of years; so is a first row opening
    // with the word naming the rows, its other cells no amounts (`Item | Total | 2019 |
    // Q2 2023`: periods and labels)
    if first && is_year_row(row) {
        return false;
    }
    let amount = |c: &String| {
        kind_of(c) == CellKind::Number && (c.contains(['.', ',', '%']) || c.starts_with('-'))
    };
    if first && cells.first().is_some_and(|c| names_rows(c)) && !cells[1..].iter().any(amount) {
        return false;
    }
    let mut tail = cells.iter().rev().take_while(|c| is_value_like(c)).count();
    if tail == 0 && !first {
        tail = before_remark(cells);
    }
    if tail == 0 {
        return false;
    }
    let tail_cells = &cells[cells.len() - tail..];
    let has_value = tail_cells
        .iter()
        .any(|c| matches!(kind_of(c), CellKind::Number | CellKind::Na))
        || tail_cells.iter().any(|c| !c.is_empty());
    if has_value {
        return true;
    }
    if let Some(v) = vs {
        return !cells
            .iter()
            .skip(v)
            .any(|c| !c.is_empty() && !is_value_like(c));
    }
    let prefix = &cells[..cells.len() - tail];
    let texts = prefix.iter().filter(|c| !c.is_empty()).count();
    texts < tail || (!first && prefix.len() == 1 && texts == 1)
}

/// True when a cell of the row prints a number.
fn numbered(row: &RawRow) -> bool {
    row.cells.iter().any(|c| kind_of(c) == CellKind::Number)
}

/// The first data row: in a table printing values, the rows of labels over blank cells
/// before its first value head the columns (in a blank form, every row is one of labels
/// over blank cells). `vs` is the first value column, where the grid says.
fn first_data_row(rows: &[RawRow], vs: Option<usize>) -> Option<usize> {
    let valued = rows.iter().any(|r| r.cells.iter().any(|c| prints_value(c)));
    rows.iter().enumerate().position(|(i, r)| {
        is_data(r, i == 0, vs) && !is_period_row(r) && (holds_value(r) || !valued)
    })
}

/// A header row of periods over the value columns, as a lower header row prints them
/// (`|  |  | 1995 | 1996 | 1996-2000 | 2001-2005 |`): two or more cells, every one a year or
/// a span of years, after labels or blank cells. Before the first row of values it heads
/// the columns, in whatever order.
fn is_period_row(row: &RawRow) -> bool {
    let starts_digit = |c: &String| c.chars().next().is_some_and(|c| c.is_ascii_digit());
    let period = |c: &str| crate::line_kind::period_year(c).is_some();
    let rest: Vec<&String> = row
        .cells
        .iter()
        .skip_while(|c| !starts_digit(c))
        .filter(|c| !c.is_empty())
        .collect();
    rest.len() >= 2 && rest.iter().all(|c| period(c))
}

/// True when a cell of the row prints a number or a not-applicable mark, or its one text
/// is its first cell (a label heading the rows below): in a table of values, a row before
/// the first value is data only then. Labels over blank cells (`Period | Original |
/// Seasonally adjusted | | |`, `employed | unemployed | | |`) head the columns.
fn holds_value(row: &RawRow) -> bool {
    row.cells.iter().any(|c| prints_value(c)) || row.cells.iter().skip(1).all(|c| c.is_empty())
}

/// A cell printing a figure or a not-applicable mark (`613.0`, `-`, `11 276.1`).
fn prints_value(c: &str) -> bool {
    let kind = |c: &str| matches!(kind_of(c), CellKind::Number | CellKind::Na);
    kind(c) || (c.contains(' ') && kind(&c.replace(' ', "")))
}

/// A row of figures whose last cell is a remark (`猪肉 | 13.50 | 14.14 | -4.53% | 正常波动;`,
/// a 备注 column): the count of cells from its values to its end, where one text cell
/// ends the row after two value cells at least, one of them an amount no header would
/// print (a fraction, a percentage, a thousands separator: `2019 | 2020 | 增长%` is a
/// header); 0 otherwise.
fn before_remark(cells: &[String]) -> usize {
    let Some((remark, rest)) = cells.split_last() else {
        return 0;
    };
    if remark.is_empty() || is_value_like(remark) {
        return 0;
    }
    let values = rest.iter().rev().take_while(|c| is_value_like(c)).count();
    let amount = rest[rest.len() - values..]
        .iter()
        .any(|c| kind_of(c) == CellKind::Number && c.contains(['.', '%', ',']));
    if values >= 2 && amount { values + 1 } else { 0 }
}

/// The tables of two halves read side by side on the same lines (a 收入 | 支出 summary,
/// two 经济分类 groups): one table, the left half's rows then the right half's, when both
/// halves have the same columns; else the two tables, each with its own columns (a row
/// has no cell under the other half's columns, and `missing` is a cell the text lost).
pub fn beside(left: Table, right: Table) -> Vec<Table> {
    let same = left.columns.len() == right.columns.len()
        && left
            .columns
            .iter()
            .zip(&right.columns)
            .all(|(a, b)| a.path == b.path);
    if !same {
        return vec![left, right];
    }
    let mut t = left;
    t.rows.extend(right.rows);
    t.lines = [
        t.lines[0].min(right.lines[0]),
        t.lines[1].max(right.lines[1]),
    ];
    if t.note.is_none() {
        t.note = right.note;
    }
    for s in right.stub {
        if !t.stub.contains(&s) {
            t.stub.push(s);
        }
    }
    vec![t]
}

/// Builds the table block of one segment.
pub fn build(seg: &Segment, ctx: &Context, warnings: &mut Vec<Warning>) -> Table {
    let mut rows: Vec<RawRow> = seg.rows.clone();
    // a form's row lettering its label columns and numbering its value columns gives
    // the shape, and is no data
    let known = seg.known.or_else(|| {
        let (i, labels, values) = column_codes(&rows)?;
        rows.remove(i);
        Some(Shape {
            head: i,
            labels,
            values,
        })
    });
    // a form: its lettered columns are labels, so one of them may print row codes
    let coded = seg.known.is_none() && known.is_some();
    if known.is_none() {
        drop_spare_cells(&mut rows, ctx);
        if ctx.grid {
            fill_spanned_labels(&mut rows);
        }
    }
    let unit_cells = &seg.units;
    // A grid whose rows disagree on their width, or print a number where other rows have
    // labels, is not one grid: it is read as ragged rows, values aligned right.
    // A header row may print fewer cells than the rows (its spanning cells once, no
    // corner): rows of numbers as wide as each other, after header rows no wider, give
    // the grid.
    let numbered_widths = || {
        let Some(first) = rows.iter().position(numbered) else {
            return false;
        };
        let width = rows[first].cells.len();
        rows[first..].iter().all(|r| r.cells.len() == width)
            && rows[..first].iter().all(|r| r.cells.len() <= width)
    };
    let consistent = known.is_some()
        || rows.iter().all(|r| r.cells.len() == rows[0].cells.len())
        || (ctx.grid && short_rows_fit(&rows))
        || (ctx.grid && numbered_widths());
    let ctx_grid = ctx.grid && consistent;
    if ctx.grid && !consistent {
        warnings.push(Warning {
            line: rows.first().map(|r| r.line),
            code: "inconsistent-grid".into(),
            message: "rows of this table have different numbers of cells; values are aligned to the right".into(),
        });
    }
    if ctx_grid && known.is_none() && trim_empty_columns(&mut rows) {
        warnings.push(Warning {
            line: rows.last().map(|r| r.line),
            code: "table-too-large".into(),
            message: format!(
                "table cut: padding its rows to the widest one would make more than {MAX_PADDED_CELLS} cells"
            ),
        });
    }
    let vs = if ctx_grid { value_start(&rows) } else { None };
    let mut first_data = match known {
        Some(k) => k.head.min(rows.len()),
        None => first_data_row(&rows, vs).unwrap_or(rows.len()),
    };
    // a row printing only a measure (`增长%`, `增减百分点`) right under the header and over
    // the first row of values (read as the first data row, or as the header's last row
    // where it prints one cell) is header text packed left, where the header's rows lost
    // their spans: it states what some column holds and heads no rows; which column, the
    // text does not say
    let measure = |k: usize| {
        rows.get(k)
            .and_then(lead_text)
            .filter(|t| is_measure_text(t))
            .map(str::to_string)
    };
    let at = if measure(first_data).is_some()
        && rows
            .get(first_data + 1)
            .is_some_and(|n| is_data(n, false, vs))
    {
        Some(first_data)
    } else if first_data >= 2 && first_data < rows.len() && measure(first_data - 1).is_some() {
        Some(first_data - 1)
    } else {
        None
    };
    if known.is_none()
        && first_data > 0
        && let Some(k) = at
        && let Some(text) = measure(k)
    {
        warnings.push(Warning {
            line: Some(rows[k].line),
            code: "header-unplaced".into(),
            message: format!(
                "header text {text:?} under the header states a measure but not the column it stands over; left out"
            ),
        });
        rows.remove(k);
        first_data = first_data.min(rows.len());
        if k < first_data {
            first_data -= 1;
        }
    }
    let (head, data) = rows.split_at(first_data);
    // (a grid is as wide as its widest row: rows of the cells present print fewer)
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut grid = ctx_grid || (!rows.is_empty() && rows.iter().all(|r| r.cells.len() == width));
    let (mut n, mut l) = match known {
        Some(k) => (k.values, k.labels),
        None if grid => grid_shape(data, width),
        None => ragged_shape(data, head),
    };
    // a first column of years in order labels the rows (a yearbook's time series,
    // `1950 | 3 634 | 1 054`): it holds no values
    // so does a first column under a header word naming the rows (`Item`, `项目`), every
    // row printing in it, one a text at least, whatever the others print (`0- 4`, then
    // `40307`: a spreadsheet turned the age groups into dates)
    let named_stub = || {
        head.iter()
            .any(|r| r.cells.first().is_some_and(|c| names_rows(c)))
            && data
                .iter()
                .all(|r| r.cells.first().is_some_and(|c| !c.trim().is_empty()))
            && data.iter().any(|r| kind_of(&r.cells[0]) == CellKind::Text)
    };
    // (and a first column under that word in which no row prints anything: the rows'
    // labels left blank, a form's one row of totals)
    let blank_stub = || {
        head.first()
            .and_then(|r| r.cells.first())
            .is_some_and(|c| names_rows(c))
            && data
                .iter()
                .all(|r| r.cells.first().is_some_and(|c| c.trim().is_empty()))
    };
    let year_stub = known.is_none() && l == 0 && n >= 2 && (is_year_column(data) || named_stub());
    let blank = !year_stub && known.is_none() && l == 0 && n >= 2 && blank_stub();
    if year_stub || blank {
        (n, l) = (n - 1, 1);
    }
    // Header rows under a corner over labels left blank that print text over them are
    // set a column left: pandoc sets each header row's cells from the first column, the
    // corner's span down left out. They move back a column (their last cell is empty).
    let moved: Vec<RawRow>;
    let head = if blank
        && head.len() > 1
        && head[1..]
            .iter()
            .any(|r| r.cells.first().is_some_and(|c| !c.trim().is_empty()))
        && head[1..]
            .iter()
            .all(|r| r.cells.last().is_some_and(|c| c.trim().is_empty()))
    {
        moved = head
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut r = r.clone();
                if i > 0 {
                    r.cells.pop();
                    r.cells.insert(0, String::new());
                }
                r
            })
            .collect();
        &moved[..]
    } else {
        head
    };
    // a number in a column other rows use for labels: the rows are not one grid, unless
    // the column's numbers are years in order (`1998 | Q1 | …` over `1998 | Q2 | …`)
    if grid
        && known.is_none()
        && !year_stub
        && (0..l).any(|k| {
            // (the column under the word naming the rows is the labels' whatever some
            // of them print: `25 44` read as a number)
            !(k == 0 && named_stub())
                && data.iter().any(|r| {
                    r.cells
                        .get(k)
                        .is_some_and(|c| kind_of(c) == CellKind::Number && !names_band(c))
                })
                && !labels_years(data, k)
        })
    {
        if ctx.grid {
            warnings.push(Warning {
                line: data.first().map(|r| r.line),
                code: "inconsistent-grid".into(),
                message: "some rows print numbers where others print labels; values are aligned to the right".into(),
            });
        }
        grid = false;
        (n, l) = ragged_shape(data, head);
    }

    let (caption, unit_line) = caption_and_unit(&seg.above);
    let mut table = Table {
        id: String::new(),
        lines: seg.lines,
        style: ctx.style.clone(),
        title: caption.map(str::to_string).or_else(|| ctx.title.clone()),
        band: seg.band.clone(),
        section: ctx.section.clone(),
        note: unit_line.map(str::to_string),
        stub: Vec::new(),
        columns: Vec::new(),
        rows: Vec::new(),
    };

    // Header rows: corner cells out, value cells in. Over a column of years the corner
    // names the years (`年份`, `Year`) or is blank: a header row printing another label
    // there (`第一产业 | 第二产业 | …`) does not stand over the columns it seems to
    // (a header row below the first printing fewer cells than the rows prints the cells
    // present, packed left: its first cell is not over the years)
    let head_off_years = year_stub
        && head.iter().enumerate().any(|(i, r)| {
            (i == 0 || r.cells.len() >= l + n)
                && r.cells
                    .first()
                    .is_some_and(|c| !c.is_empty() && !names_years(c))
        });
    if head_off_years {
        warnings.push(Warning {
            line: head.first().map(|r| r.line),
            code: "header-unresolved".into(),
            message: format!(
                "a header row prints a column label over the column of years; the {n} value columns are left without paths"
            ),
        });
    }
    let head = if head_off_years { &head[..0] } else { head };
    // a first header row led by the word naming the rows (`项目`) and printing fewer cells
    // than the rows (html2text drops the cells a span covers): the header rows print the
    // cells present, the corner spanning down
    let present = ctx.present
        || l > 0
            && head.first().is_some_and(|r| {
                r.cells.len() < l + n && r.cells.first().is_some_and(|c| names_rows(c))
            });
    let mut header_rows = Vec::new();
    for (i, r) in head.iter().enumerate() {
        let len = r.cells.len();
        // a row of the cells present, padded at its end: below the first row the stub's
        // cell (spanning the header's rows) is not printed again, so its first cell is a
        // column's
        let packed = present && i > 0 && r.cells.last().is_some_and(|c| c.is_empty());
        // the first row printing fewer cells than the grid (padded at its end): its first
        // cell stands over the stub, spanning its columns
        let padded_first = present && i == 0 && r.cells.last().is_some_and(|c| c.is_empty());
        let (stub, cells, full) = if packed {
            (&r.cells[..0], &r.cells[..], true)
        } else if l > 0 && len == l + n && !padded_first {
            (&r.cells[..l], &r.cells[l..], true)
        } else if present && l > 0 && i == 0 && len >= 1 {
            // the first row's first cell stands over the stub, spanning its columns
            (&r.cells[..1], &r.cells[1..], len == 1 + n)
        } else if len == n {
            (&r.cells[..0], &r.cells[..], true)
        } else if l > 0 && i == 0 && len >= 1 {
            (&r.cells[..1], &r.cells[1..], false)
        } else {
            (&r.cells[..0], &r.cells[..], false)
        };
        for s in stub.iter().filter(|s| !s.is_empty()) {
            if is_note(s) {
                table.note = Some(strip_brackets(s));
            } else {
                table.stub.push(s.clone());
            }
        }
        // cells present, then padding: a spanning cell printed once (`Persons with a
        // disability | Persons with no disability | |` over four months)
        let pad = cells.iter().rev().take_while(|c| c.is_empty()).count();
        let (cells, full) = if present && full && pad > 0 && pad < cells.len() {
            (&cells[..cells.len() - pad], false)
        } else {
            (cells, full)
        };
        header_rows.push(HeaderRow {
            cells: cells.to_vec(),
            grid: full,
        });
    }
    // (a header row of a grid printing fewer cells than the value columns prints its
    // cells present, not its spans)
    let spanless = present || ctx.grid && header_rows.iter().any(|h| !h.grid && h.cells.len() < n);
    // a first row of a cell per column printing spans as empty cells after their labels
    // (markdownify's colspan), over rows printing fewer cells: those rows print the cells
    // present with their spans so too; taken where those widths allow one reading
    let filled = (l > 0 && !present)
        .then(|| filled_reading(head, l, n))
        .flatten();
    let searched = filled.is_none() && !header_rows.iter().all(|h| h.grid);
    let rebuilt = filled.map_or_else(|| header::rebuild(&header_rows, n), Some);
    // a reading the labels leave tied with others, or one whose sums the data
    // contradict (`合计` read beside `支出预算` where it heads the sum under it): the
    // data's sums may choose among the readings
    let rebuilt = rebuilt.map(|c| {
        let sums = if searched {
            claimed_sums(&c.paths)
        } else {
            Vec::new()
        };
        if !searched || !c.ambiguous && sums.is_empty() {
            return c;
        }
        let values: Vec<Vec<Option<(f64, usize)>>> = data
            .iter()
            .filter(|r| r.cells.len() >= n)
            .map(|r| {
                r.cells[r.cells.len() - n..]
                    .iter()
                    .map(|c| number_of(c))
                    .collect()
            })
            .collect();
        if !c.ambiguous && !sums_contradict(&sums, &values) {
            return c;
        }
        let readings = if c.readings.is_empty() {
            header::rebuild_readings(&header_rows, n)
        } else {
            c.readings.clone()
        };
        match reading_by_sums(&readings, &values) {
            Some(paths) => header::Columns {
                paths,
                ambiguous: false,
                readings: Vec::new(),
            },
            None => c,
        }
    });
    let paths = match rebuilt {
        // rows of the cells present print no spans: where the header allows several
        // readings, no column is named rather than the likeliest guessed
        Some(c) if c.ambiguous && spanless => {
            warnings.push(Warning {
                line: head.first().map(|r| r.line),
                code: "header-unresolved".into(),
                message: format!(
                    "the header rows allow more than one reading of the column spans over {n} value columns, and the text prints no spans; columns left without paths"
                ),
            });
            vec![Vec::new(); n]
        }
        Some(c) => {
            if c.ambiguous {
                warnings.push(Warning {
                    line: head.first().map(|r| r.line),
                    code: "ambiguous-header".into(),
                    message: format!("the header rows allow more than one reading of the column spans over {n} value columns; the likeliest was taken"),
                });
            }
            c.paths
        }
        None => {
            if !head.is_empty() {
                warnings.push(Warning {
                    line: head.first().map(|r| r.line),
                    code: "header-unresolved".into(),
                    message: format!(
                        "the header rows do not fit the {n} value columns of the data rows; columns left without paths"
                    ),
                });
            }
            vec![Vec::new(); n]
        }
    };
    table.columns = paths
        .into_iter()
        .map(|path| Column {
            path: unit_onto_label(path),
            key: None,
        })
        .collect();

    // a label column of units (`计算单位`: `万元`, `个`) states each row's unit: no level of
    // the row path; its unit goes to the row's numbers in columns stating none
    let unit_col = if grid { unit_column(data, l) } else { None };
    // rows read from the right whose last label is a measure word in every row (`% | 7.2`,
    // a unit column of rows packed left): that label is the row's unit, no level
    let unit_last = !grid && known.is_none() && {
        let lasts: Vec<&str> = data
            .iter()
            .filter_map(|r| {
                let k = r.cells.iter().rposition(|c| !is_value_like(c))?;
                // (a row of one label has no unit printed)
                (k >= 1 && k + 1 < r.cells.len()).then(|| r.cells[k].trim())
            })
            .collect();
        lasts.len() >= 2 && lasts.iter().all(|c| crate::units::is_measure_word(c))
    };
    // the last label column printing one text in every row (`价格类型`: `平均价格`)
    // tells no row from another: it qualifies them all, no level of the row path; the
    // note keeps it, under its header where the stub names it
    let const_col = if grid {
        constant_column(data, l, unit_col)
    } else {
        None
    };
    if let Some((k, text)) = &const_col {
        let named = match table.stub.get(*k) {
            Some(h) if table.stub.len() == l => format!("{h}：{text}"),
            _ => text.clone(),
        };
        table.note = Some(match table.note.take() {
            Some(n) => format!("{n}；{named}"),
            None => named,
        });
    }
    let const_col = const_col.map(|(k, _)| k);
    // in a form, a label column of row codes (`代码`: `01`, `02`) is no level of the row
    // path either (elsewhere a label column of digits, a year, is a level)
    let code_col = if grid && coded {
        code_column(data, l)
    } else {
        None
    };
    // label columns right of the one naming every row describe the row it names
    let described = if grid {
        named_rows_column(data, l, &[unit_col, code_col, const_col])
    } else {
        None
    };
    // (a column of percentages states its unit too: `比上月%`, `增减百分点`)
    let column_states_unit: Vec<bool> = table
        .columns
        .iter()
        .map(|c| {
            c.path.iter().any(|p| {
                let f = fold(p);
                crate::units::stated_unit(p).is_some()
                    || f.ends_with(['%', '％'])
                    || f.ends_with("百分点")
            })
        })
        .collect();
    // values are the last `n` cells of a row (a label column of codes prints numbers too)
    let prints_values = data.iter().any(|r| {
        r.cells
            .iter()
            .rev()
            .take(n)
            .any(|c| kind_of(c) == CellKind::Number)
    });
    // labels printed at two or more indentations: the indentation ranks them (past the
    // least indented label)
    let indents = || {
        data.iter()
            .filter(|r| r.cells.first().is_some_and(|c| !c.is_empty()))
            .map(|r| r.indent)
    };
    let least = indents().min().unwrap_or(0);
    let indented = indents().any(|i| i != least);
    let mut labels = RowPaths::default();
    let mut budget = MAX_CELLS;
    for r in data {
        let len = r.cells.len();
        // a row wider than the table by empty padding after its numbers loses the padding
        let mut len = len;
        if !grid
            && len > n
            && r.cells
                .iter()
                .any(|c| parse_cell(c).kind == CellKind::Number)
        {
            while len > n
                && r.cells[len - 1].is_empty()
                && r.cells[..len - 1]
                    .iter()
                    .rev()
                    .take_while(|c| is_value_like(c))
                    .count()
                    >= n
            {
                len -= 1;
            }
        }
        let (lab, vals): (&[String], &[String]) = if grid {
            let l = l.min(len);
            (&r.cells[..l], &r.cells[l..])
        } else if l >= 1 && len <= n && r.cells.first().is_some_and(|c| !is_value_like(c)) {
            // too few cells for the table's labels and values: a value is absent, the
            // label stays a label (the missing cells are marked and warned below)
            let k = r.cells[..len]
                .iter()
                .take_while(|c| !is_value_like(c))
                .count();
            (&r.cells[..k], &r.cells[k..len])
        } else if len >= n {
            let text = r.cells[..len]
                .iter()
                .rposition(|c| !is_value_like(c))
                .map_or(0, |i| i + 1)
                .max(usize::from(year_stub));
            if len - text > n {
                warnings.push(Warning {
                    line: Some(r.line),
                    code: "ragged-row".into(),
                    message: format!(
                        "row has {} value cells, the table {n}; the first {} are read as labels",
                        len - text,
                        len - text - n
                    ),
                });
            }
            (&r.cells[..len - n], &r.cells[len - n..len])
        } else {
            let k = r.cells.iter().take_while(|c| !is_value_like(c)).count();
            (&r.cells[..k], &r.cells[k..])
        };
        // (the row's cell `c` is its value `c - voff`)
        let voff = lab.len();
        let last_unit = lab
            .last()
            .filter(|c| unit_last && crate::units::is_measure_word(c.trim()));
        let row_unit = unit_col
            .filter(|&u| u < lab.len())
            .map(|u| &r.cells[u])
            .or(last_unit)
            .filter(|c| !c.is_empty());
        let special = |k: usize| [unit_col, code_col, const_col].contains(&Some(k));
        let attributes = lab
            .iter()
            .enumerate()
            .filter(|&(k, _)| described.is_some_and(|d| k > d) && !special(k))
            .map(|(k, c)| Attribute {
                name: (table.stub.len() == l).then(|| table.stub[k].clone()),
                text: c.clone(),
            })
            .collect();
        let lab: Vec<String> = lab
            .iter()
            .enumerate()
            .filter(|&(k, _)| !special(k) && described.is_none_or(|d| k <= d))
            .filter(|&(k, _)| last_unit.is_none() || k + 1 < lab.len())
            .map(|(_, c)| c.clone())
            .collect();
        let label_cols = l
            - usize::from(unit_col.is_some())
            - usize::from(code_col.is_some())
            - usize::from(const_col.is_some())
            - described.map_or(0, |d| (d + 1..l).filter(|&j| !special(j)).count());
        // one label column: the outline numbers give the levels, as in partial rows
        let blank_row = vals.iter().all(|v| v.is_empty());
        let indent = if indented && !lab.first().is_none_or(|c| c.is_empty()) {
            r.indent - least
        } else {
            0
        };
        let mut path = if grid && label_cols > 1 {
            labels.grid(&lab)
        } else if let ([one], true) = (lab.as_slice(), blank_row && prints_values) {
            labels.group_at(one, indent)
        } else {
            labels.partial_at(&lab, indent)
        };
        if let Some(b) = &seg.band {
            path.insert(0, b.clone());
        }
        let mut cells: Vec<Cell> = vals.iter().take(n).map(|v| parse_cell(v)).collect();
        if let Some(unit) = row_unit {
            for (c, stated) in cells.iter_mut().zip(&column_states_unit) {
                if c.kind == CellKind::Number && c.unit.is_none() && !stated {
                    c.unit = Some(unit.clone());
                }
            }
        }
        for (c, unit) in unit_cells.get(&r.line).into_iter().flatten() {
            if let Some(cell) = c.checked_sub(voff).and_then(|v| cells.get_mut(v))
                && cell.kind == CellKind::Number
            {
                cell.unit = Some(unit.clone());
            }
        }
        if cells.len() < n {
            warnings.push(Warning {
                line: Some(r.line),
                code: "ragged-row".into(),
                message: format!(
                    "row has {} of {} value cells; the missing ones are at the end, marked missing",
                    cells.len(),
                    n
                ),
            });
            cells.resize(n, Cell::missing());
        } else if vals.len() > n {
            warnings.push(Warning {
                line: Some(r.line),
                code: "ragged-row".into(),
                message: format!(
                    "row has {} value cells, the table {}; the extra ones are dropped",
                    vals.len(),
                    n
                ),
            });
        }
        if budget < n {
            warnings.push(Warning {
                line: Some(r.line),
                code: "table-too-large".into(),
                message: "table cut: too many cells".into(),
            });
            break;
        }
        budget -= n;
        table.rows.push(Row {
            path,
            line: r.line,
            cells,
            key: None,
            unplaced: r.unplaced.clone(),
            attributes,
        });
    }
    let banded = seg.band.is_some();
    // (unit heads and the rows under them: no breakdown is read across them)
    if !nest_under_unit_heads(&mut table.rows, banded) {
        if nest_under_blank_heads(&mut table.rows, banded, warnings) {
            // breakdowns under a row, inside each group: the rows one group heads
            let mut start = 0;
            while start < table.rows.len() {
                let prefix = |r: &Row| r.path[..r.path.len().saturating_sub(1)].to_vec();
                let p = prefix(&table.rows[start]);
                let end = start
                    + table.rows[start..]
                        .iter()
                        .take_while(|r| !r.path.is_empty() && prefix(r) == p)
                        .count()
                        .max(1);
                nest_breakdowns_at(&mut table.rows[start..end], p.len());
                start = end;
            }
        } else {
            nest_breakdowns_at(&mut table.rows, usize::from(banded));
        }
    }
    sums::nest_by_sums(&mut table.rows, &table.columns, warnings);
    split_period_labels(&mut table.rows);
    unread_misread(&mut table, warnings);
    unname_scrambled_header(&mut table, warnings);
    unname_misplaced_total(&mut table, warnings);
    merge_unnamed_beside(&mut table);
    unname_alike_neighbours(&mut table, warnings);
    unname_joined_labels(&mut table, warnings);
    table
}

/// In aligned text, where the header's places name the columns, two columns side by side
/// under one path, both printing in some row, are not told apart by the header: the words
/// that would tell them apart stand over no column (a tool that counts a wide character
/// as one column sets a Chinese header's lower lines off their columns), or the words of
/// several labels were taken as one. The places of the other labels are then not known
/// either: the columns are left without paths, with a warning.
fn unname_alike_neighbours(table: &mut Table, warnings: &mut Vec<Warning>) {
    if table.style != "aligned" {
        return;
    }
    let Some(path) = table
        .columns
        .windows(2)
        .find(|w| !w[0].path.is_empty() && w[0].path == w[1].path)
        .map(|w| w[0].path.join(" / "))
    else {
        return;
    };
    let message = format!(
        "the header gives two columns side by side the one path {}: its places were not read as printed, so the {} columns are left without paths",
        crate::model::Quoted(&path),
        table.columns.len()
    );
    unname_columns(table, message, warnings);
}

/// In aligned text, a header label that is two labels of its level joined (`% Change
/// Index Value` beside `% Change` and `Index Value`) is the text of two columns taken
/// for one: the header's words were not cut where its columns part, and the columns it
/// was set over are not known. The columns are left without paths, with a warning.
fn unname_joined_labels(table: &mut Table, warnings: &mut Vec<Warning>) {
    if table.style != "aligned" {
        return;
    }
    let depth = table
        .columns
        .iter()
        .map(|c| c.path.len())
        .max()
        .unwrap_or(0);
    let joined = (0..depth).find_map(|d| {
        let labels: HashSet<&str> = table
            .columns
            .iter()
            .filter_map(|c| c.path.get(d).map(String::as_str))
            .collect();
        labels
            .iter()
            .find(|l| {
                l.match_indices(' ')
                    .any(|(i, _)| labels.contains(&l[..i]) && labels.contains(&l[i + 1..]))
            })
            .map(|l| l.to_string())
    });
    let Some(label) = joined else {
        return;
    };
    let message = format!(
        "the header label {} joins two labels of its level: its words were not cut where the columns part, so the {} columns are left without paths",
        crate::model::Quoted(&label),
        table.columns.len()
    );
    unname_columns(table, message, warnings);
}

/// Leaves every column of `table` without a path, with a `header-unresolved` warning
/// saying why.
fn unname_columns(table: &mut Table, message: String, warnings: &mut Vec<Warning>) {
    warnings.push(Warning {
        line: Some(table.lines[0]),
        code: "header-unresolved".into(),
        message,
    });
    for c in &mut table.columns {
        c.path.clear();
    }
}

/// A header reading that puts a total's label (`合计`, `Total`) over the wrong column, as
/// a header whose spans the text does not print can be read (`财政拨款收入 财政拨款支出`
/// over `预算数 合计 一般公共预算`: `合计` under the first or the second). The values
/// tell: no row prints a number both in the total's column and in another column under
/// its head (a total of nothing), or the total is the sum of those columns in no row
/// while one other column is the sum of the rest in every row (two rows at least). Such
/// names would be wrong labels on right values: the columns are left unnamed.
fn unname_misplaced_total(table: &mut Table, warnings: &mut Vec<Warning>) {
    let paths: Vec<&Vec<String>> = table.columns.iter().map(|c| &c.path).collect();
    let Some(t) = paths
        .iter()
        .position(|p| p.last().is_some_and(|l| header::is_total(l)))
    else {
        return;
    };
    let head = &paths[t][..paths[t].len() - 1];
    let group: Vec<usize> = (0..paths.len())
        .filter(|&j| paths[j].len() > head.len() && paths[j][..head.len()] == *head)
        .collect();
    let at = group.iter().position(|&j| j == t).unwrap_or(0);
    if group.len() < 2 {
        return;
    }
    let number = |c: &Cell| c.kind == CellKind::Number;
    let (mut alone, mut others, mut both) = (0, 0, 0);
    for r in &table.rows {
        let total = number(&r.cells[t]);
        let other = group.iter().any(|&j| j != t && number(&r.cells[j]));
        match (total, other) {
            (true, true) => both += 1,
            (true, false) => alone += 1,
            (false, true) => others += 1,
            _ => {}
        }
    }
    let of_nothing = both == 0 && alone >= 2 && others >= 1;
    // each row printing the whole group in numbers, with the rounding its decimals allow
    let rows: Vec<(Vec<f64>, f64)> = table
        .rows
        .iter()
        .filter_map(|r| {
            let v: Option<Vec<f64>> = group.iter().map(|&j| r.cells[j].value).collect();
            let decimals = group
                .iter()
                .map(|&j| r.cells[j].raw.rsplit_once('.').map_or(0, |(_, d)| d.len()))
                .max()
                .unwrap_or(0);
            let tol = 0.5 * 10f64.powi(-(decimals.min(6) as i32)) * group.len() as f64;
            v.map(|v| (v, tol))
        })
        .collect();
    let sums = |(r, tol): &(Vec<f64>, f64), c: usize| {
        let rest: f64 = r
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != c)
            .map(|(_, v)| v)
            .sum();
        (r[c] - rest).abs() <= *tol
    };
    let sums_elsewhere = group.len() >= 3
        && rows.len() >= 2
        && !rows.iter().any(|r| sums(r, at))
        && (0..group.len())
            .filter(|&c| c != at && rows.iter().all(|r| sums(r, c)))
            .count()
            == 1;
    if !of_nothing && !sums_elsewhere {
        return;
    }
    let message = format!(
        "the header puts {} over a column that is no total of the columns beside it; the {} columns are left without paths",
        crate::model::Quoted(paths[t].last().map_or("", String::as_str)),
        table.columns.len()
    );
    unname_columns(table, message, warnings);
}

/// A column no header names, beside a named one, where no row prints a value in both
/// (a PDF's text sets a figure squeezed against a long label left of its column, and it
/// opens a column of its own): the two are one column, printed at two places. The
/// unnamed one's values go to the named one. So do two side by side under one path in
/// aligned text.
fn merge_unnamed_beside(table: &mut Table) {
    let aligned = table.style == "aligned";
    let blank = |c: &Cell| matches!(c.kind, CellKind::Empty | CellKind::Missing);
    let mut j = 0;
    while j + 1 < table.columns.len() {
        let (a, b) = (&table.columns[j], &table.columns[j + 1]);
        // (or two under one path in aligned text, the header centred over both places)
        let pair = match (a.path.is_empty(), b.path.is_empty()) {
            (true, false) => Some((j, j + 1)),
            (false, true) => Some((j + 1, j)),
            (false, false) if aligned && a.path == b.path => Some((j + 1, j)),
            _ => None,
        };
        let apart = |(from, to): (usize, usize)| {
            table.rows.iter().any(|r| !blank(&r.cells[from]))
                && table
                    .rows
                    .iter()
                    .all(|r| blank(&r.cells[from]) || blank(&r.cells[to]))
        };
        match pair.filter(|&p| apart(p)) {
            Some((from, to)) => {
                for r in &mut table.rows {
                    let c = r.cells.remove(from);
                    let to = if to > from { to - 1 } else { to };
                    if !blank(&c) {
                        r.cells[to] = c;
                    }
                }
                table.columns.remove(from);
            }
            None => j += 1,
        }
    }
}

/// A sub-period of a year as a time series prints it: a month (`Mar`, `Sept.`, `March`,
/// `3月`) or a quarter (`Q1`, `一季度`, `第一季度`); its kind (month 0, quarter 1).
pub(crate) fn sub_period(label: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let l = label.trim().trim_end_matches('.').to_lowercase();
    let chinese_number = |t: &str| {
        t.parse::<u32>().ok().or_else(|| {
            [
                "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
            ]
            .iter()
            .position(|c| *c == t)
            .map(|k| k as u32 + 1)
        })
    };
    let full = crate::outline::MONTH_NAMES;
    if MONTHS.contains(&l.as_str()) || full.contains(&l.as_str()) || l == "sept" {
        return Some(0);
    }
    if let Some(m) = l.strip_suffix('月')
        && chinese_number(m).is_some_and(|m| (1..=12).contains(&m))
    {
        return Some(0);
    }
    let quarter = l
        .strip_prefix('q')
        .or_else(|| l.strip_suffix("季度").map(|q| q.trim_start_matches('第')));
    quarter
        .and_then(chinese_number)
        .filter(|q| (1..=4).contains(q))
        .map(|_| 1)
}

/// A row label of a year and its first sub-period (`2011 Mar`) over rows of the
/// sub-periods alone (`Apr`, `May`, …): the year heads them all, as a time series prints
/// a year on its first month only. Each such row's path ends `[year, sub-period]`.
fn split_period_labels(rows: &mut [Row]) {
    let mut run: Option<(usize, String, u8)> = None;
    for k in 0..rows.len() {
        let Some(last) = rows[k].path.last() else {
            run = None;
            continue;
        };
        let started = last.split_once(' ').and_then(|(y, sub)| {
            let kind = sub_period(sub)?;
            year_of(y).map(|_| (y.to_string(), sub.trim().to_string(), kind))
        });
        let depth = rows[k].path.len();
        if let Some((year, sub, kind)) = started {
            // (a year over sub-periods: at least the next row prints one alone)
            let heads = rows
                .get(k + 1)
                .and_then(|n| n.path.last())
                .is_some_and(|n| sub_period(n) == Some(kind));
            run = heads.then(|| (depth, year.clone(), kind));
            if heads {
                rows[k].path.pop();
                rows[k].path.extend([year, sub]);
            }
            continue;
        }
        match &run {
            Some((d, year, kind)) if *d == depth && sub_period(last) == Some(*kind) => {
                let year = year.clone();
                let sub = rows[k].path.pop().unwrap_or_default();
                rows[k].path.extend([year, sub]);
            }
            _ => run = None,
        }
    }
}

/// A header whose words were stacked over the wrong columns names a column by one label
/// twice (`Employed > Percent > Percent > Total`: two cells' words set one above the
/// other); a total under a total (`Total > Total`) is how tables print the total of a
/// total. Such names would be wrong labels on right values: the columns are left
/// unnamed, with a warning.
fn unname_scrambled_header(table: &mut Table, warnings: &mut Vec<Warning>) {
    let twice = table.columns.iter().find_map(|c| {
        let levels: Vec<String> = c.path.iter().map(|p| fold(p)).collect();
        levels
            .iter()
            .enumerate()
            .find(|&(i, l)| !l.is_empty() && !header::is_total(l) && levels[..i].contains(l))
            .map(|(i, _)| c.path[i].clone())
    });
    // (every column of three or more under one same path: the header tells none apart)
    let cols = &table.columns;
    let alike =
        cols.len() >= 3 && !cols[0].path.is_empty() && cols.iter().all(|c| c.path == cols[0].path);
    let message = match twice {
        Some(label) => format!(
            "the header names a column by {} twice over: its words were not read as printed, so the {} columns are left without paths",
            crate::model::Quoted(&label),
            cols.len()
        ),
        None if alike => format!(
            "the header gives all {} columns the one path {}: it tells none apart, so they are left without paths",
            cols.len(),
            crate::model::Quoted(&cols[0].path.join(" / "))
        ),
        None => return,
    };
    unname_columns(table, message, warnings);
}

/// A table whose column of numbers holds a row label (`一、一般公共服务支出`: numbered,
/// in words) or whose header names a column by an amount (`2,940.05`) was not read as
/// printed: its lines were cut or aligned wrongly (two tables side by side, values set
/// above their rows, a header over wrapped labels). Its rows are left out, each with an
/// `unplaced-row` warning holding what it printed, after a `table-misread` warning that
/// says why: a wrong value is worse than a missing one.
fn unread_misread(table: &mut Table, warnings: &mut Vec<Warning>) {
    let n = table.columns.len();
    let numbers = |j: usize| {
        table
            .rows
            .iter()
            .filter(|r| r.cells.get(j).is_some_and(|c| c.kind == CellKind::Number))
            .count()
    };
    let label = |c: &Cell| {
        c.kind == CellKind::Text
            && scan_outline(&c.raw).is_some_and(|o| {
                c.raw[o.len..]
                    .chars()
                    .filter(|&ch| crate::normalize::is_cjk(ch))
                    .count()
                    >= 2
            })
    };
    let label_in_numbers = (0..n).find_map(|j| {
        let c = table
            .rows
            .iter()
            .filter_map(|r| r.cells.get(j))
            .find(|c| label(c))?;
        (numbers(j) >= 2).then(|| c.raw.clone())
    });
    // an amount: a number with a decimal part, or of five digits or more printed bare (a
    // year, a count, `1,500`, `10000以上` may name a column; `79931` is a figure)
    let amount = |l: &str| {
        kind_of(l) == CellKind::Number
            && (l.split_once('.').is_some_and(|(a, b)| {
                a.ends_with(|c: char| c.is_ascii_digit())
                    && b.starts_with(|c: char| c.is_ascii_digit())
            }) || l.len() >= 5 && l.bytes().all(|b| b.is_ascii_digit()))
    };
    let amount_in_header = table
        .columns
        .iter()
        .flat_map(|c| &c.path)
        .find(|l| amount(l))
        .cloned();
    let Some(why) = label_in_numbers
        .map(|l| {
            format!(
                "the row label {} stands in a column of numbers",
                crate::model::Quoted(&l)
            )
        })
        .or_else(|| {
            amount_in_header.map(|a| format!("the header names a column by the amount {a}"))
        })
    else {
        return;
    };
    warnings.push(Warning {
        line: Some(table.lines[0]),
        code: "table-misread".into(),
        message: format!(
            "{why}: the table's lines were not read as printed, so its rows are left out"
        ),
    });
    for r in table.rows.drain(..) {
        let printed: Vec<&str> = r
            .unplaced
            .iter()
            .map(String::as_str)
            .chain(r.cells.iter().map(|c| c.raw.as_str()))
            .filter(|t| !t.is_empty())
            .collect();
        warnings.push(Warning {
            line: Some(r.line),
            code: "unplaced-row".into(),
            message: format!(
                "row {} of a table not read as printed is left out: it prints {}",
                crate::model::Quoted(&r.path.join(" > ")),
                printed.join(" ")
            ),
        });
    }
}

/// A cell's figure and its printed decimals (`5.66` → (5.66, 2)); None unless a number.
pub(crate) fn number_of(c: &str) -> Option<(f64, usize)> {
    // (a plain figure, `1278` or `55.7`, read without classifying the cell)
    let t = c.trim();
    let plain = t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && t.bytes().filter(|&b| b == b'.').count() <= 1
        && (t.starts_with(|ch: char| ('1'..='9').contains(&ch)) || t == "0" || t.starts_with("0."))
        && !t.ends_with('.');
    if plain {
        return t.parse::<f64>().ok().map(|v| (v, printed_decimals(t)));
    }
    let cell = parse_cell(c);
    cell.value
        .filter(|_| cell.kind == CellKind::Number)
        .map(|v| (v, printed_decimals(c)))
}

/// The digits a figure prints after its point (`5.66` → 2, `12` → 0): the rounding its
/// sums are read to.
fn printed_decimals(raw: &str) -> usize {
    raw.rsplit_once('.').map_or(0, |(_, d)| {
        d.chars().take_while(char::is_ascii_digit).count()
    })
}

/// Of several readings of a header (its blank cells each a group's own column,
/// `Population (person) | | Male | Female`; `合计` under `支出预算` or beside it), the
/// one whose sums the data bear out: every sum the reading claims ([`claimed_sums`])
/// holds in every row printing all its terms, one row at least with a total other than
/// zero showing each. Of those, the one whose structure the data bear out most (the
/// most sums), then the one its labels support best; None where no reading claims sums
/// that hold, or two tie. `values` holds each data row's figures by value column, with
/// their decimals.
pub(crate) fn reading_by_sums(
    readings: &[header::Scored],
    values: &[Vec<Option<(f64, usize)>>],
) -> Option<Vec<Vec<String>>> {
    if readings.len() < 2 {
        return None;
    }
    // (sums held, the labels' score, the paths)
    let mut borne: Vec<(usize, f64, &Vec<Vec<String>>)> = readings
        .iter()
        .filter_map(|(score, paths)| {
            let sums = claimed_sums(paths);
            (!sums.is_empty()
                && sums
                    .iter()
                    .all(|(t, parts)| sum_holds(*t, parts, values) == Some(true)))
            .then_some((sums.len(), *score, paths))
        })
        .collect();
    borne.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    match borne[..] {
        [one] => Some(one.2.clone()),
        [a, b, ..] if a.0 > b.0 || a.1 > b.1 + 1e-9 => Some(a.2.clone()),
        _ => None,
    }
}

/// True when a sum a reading claims (`sums`, [`claimed_sums`]) fails in the rows
/// printing all its terms ([`sum_holds`]): the data contradict the reading.
pub(crate) fn sums_contradict(
    sums: &[(usize, Vec<usize>)],
    values: &[Vec<Option<(f64, usize)>>],
) -> bool {
    sums.iter()
        .any(|(t, parts)| sum_holds(*t, parts, values) == Some(false))
}

/// Whether column `total` is the sum of columns `parts` in the rows printing them all,
/// to one unit of the last printed digit a term (each rounded on its own): `Some(true)`
/// where it is in nine rows of ten or more (a misprinted row aside) and in one at least
/// with a total other than zero, `Some(false)` where it is not, `None` where no row
/// prints them all with a total other than zero.
fn sum_holds(total: usize, parts: &[usize], values: &[Vec<Option<(f64, usize)>>]) -> Option<bool> {
    let (mut held, mut failed) = (0usize, 0usize);
    for row in values {
        let (Some((t, d0)), Some(ps)) = (
            row.get(total).copied().flatten(),
            parts
                .iter()
                .map(|&k| row.get(k).copied().flatten())
                .collect::<Option<Vec<_>>>(),
        ) else {
            continue;
        };
        let decimals = ps.iter().map(|p| p.1).max().unwrap_or(0).max(d0);
        let sum: f64 = ps.iter().map(|p| p.0).sum();
        let tol = 10f64.powi(-(decimals.min(12) as i32)) * ps.len() as f64 + 1e-9;
        if (sum - t).abs() > tol {
            failed += 1;
        } else if t != 0.0 {
            held += 1;
        }
    }
    match (held, failed) {
        (0, 0) => None,
        _ => Some(held > 0 && failed * 10 <= held + failed),
    }
}

/// The sums a header's column paths claim, as (the total's column, the columns it adds
/// up): a column heading the columns after it (`Population (person)` over `| Male |
/// Female`) is the sum of those one level under it, two at least; a column named a
/// total (`合计`, `Total`) is the sum of the other columns under its head (its
/// siblings' leaves, but for a nested group's own total and columns of shares or rates,
/// [`header::is_share`]), two at least.
pub(crate) fn claimed_sums(paths: &[Vec<String>]) -> Vec<(usize, Vec<usize>)> {
    // (each column's last label a total; each label a share: read once)
    let total: Vec<bool> = paths
        .iter()
        .map(|p| p.last().is_some_and(|l| header::is_total(l)))
        .collect();
    let share: Vec<Vec<bool>> = paths
        .iter()
        .map(|p| p.iter().map(|l| header::is_share(l)).collect())
        .collect();
    let mut sums = Vec::new();
    for (j, p) in paths.iter().enumerate() {
        let parts: Vec<usize> = (j + 1..paths.len())
            .take_while(|&k| paths[k].len() > p.len() && paths[k].starts_with(p))
            .filter(|&k| paths[k].len() == p.len() + 1)
            .collect();
        if parts.len() >= 2 {
            sums.push((j, parts));
            continue;
        }
        if !total[j] || share[j].contains(&true) {
            continue;
        }
        let head = &p[..p.len() - 1];
        let parts: Vec<usize> = (0..paths.len())
            .filter(|&k| {
                k != j
                    && paths[k].len() > head.len()
                    && paths[k].starts_with(head)
                    && !total[k]
                    && !share[k][head.len()..].contains(&true)
            })
            .collect();
        if parts.len() >= 2 {
            sums.push((j, parts));
        }
    }
    sums
}

/// Rows grouped under heads that print no value (`Newfoundland and Labrador`, `TOTAL, 16
/// years and over`, `Men, 16 to 64 years`): in a table of one unnumbered label column whose
/// first row prints no value while the row below it does, every row printing no value
/// heads the rows below it up to the next such row; such rows printed one under another
/// nest (see the body for a shorter run after rows). A table does not open with an empty
/// row unless that row names a group; a blank form (no row prints a value) is not
/// grouped. Past rows of their own at the top (`Weight`), heads are read so too where
/// two or more each stand right over rows printing values, and the labels under them
/// repeat from head to head (`Mar Qtr` under `2006` and `2007`), which the heads alone
/// tell apart: flattenings that drop the indentation leave no other sign of the groups.
/// Returns whether it applied.
fn nest_under_blank_heads(rows: &mut [Row], banded: bool, warnings: &mut Vec<Warning>) -> bool {
    let skip = usize::from(banded);
    // (a row whose printed values could not be placed printed something: no head)
    let blank = |r: &Row| {
        r.unplaced.is_empty()
            && r.cells
                .iter()
                .all(|c| matches!(c.kind, CellKind::Empty | CellKind::Missing))
    };
    if rows.len() < 3 {
        return false;
    }
    // most tables: no row printing nothing heads a row printing values
    let heads = (1..rows.len())
        .filter(|&i| blank(&rows[i - 1]) && !blank(&rows[i]))
        .count();
    let blanks = rows.iter().filter(|r| blank(r)).count();
    let one_label = rows
        .iter()
        .all(|r| r.path.len() == skip + 1 && scan_outline(&r.path[skip]).is_none());
    // the first row opens a group, or two groups and more open as it would where the
    // labels under them repeat from group to group and the heads tell them apart: each
    // row printing nothing right over one printing values (a year over its quarters,
    // `2006` / `Mar Qtr`, `Jun Qtr`, …, `2007` / `Mar Qtr`, …)
    let opens = blank(&rows[0])
        || heads >= 2 && heads == blanks && one_label && {
            let mut head = "";
            let mut labels = HashSet::new();
            let mut paths = HashSet::new();
            let mut repeats = false;
            let mut distinct = true;
            for r in rows.iter() {
                let label = r.path[skip].as_str();
                if blank(r) {
                    head = label;
                    continue;
                }
                repeats |= !labels.insert(label);
                distinct &= paths.insert((head, label));
            }
            repeats && distinct
        };
    if !opens || heads == 0 {
        return false;
    }
    // the last row heads nothing: a blank last row is an empty row, not a group
    if !one_label || blank(&rows[rows.len() - 1]) {
        return false;
    }
    // heads printed one under another with no row between (`人口与就业` / `口(万人)`) are
    // levels of one path, the lower under the upper. A shorter run of heads after rows
    // may close the innermost groups only (`业(万人)` beside `口(万人)`) or all of them
    // (`人口及生命统计` after `本地生产总值` / `以当年价格计算`): the text does not say, so it
    // opens its path afresh, the groups above it unnamed rather than guessed, and says so.
    // Groups nest a few levels deep; a longer run of rows printing nothing is no path
    // (header or note lines read as rows): its last row alone heads the rows below.
    const DEEPEST: usize = 3;
    let mut heads: Vec<String> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut guessed: Option<u32> = None;
    // the rows of the innermost open group so far
    let mut members: Vec<usize> = Vec::new();
    for i in 0..rows.len() {
        if blank(&rows[i]) {
            run.push(i);
            continue;
        }
        if !run.is_empty() {
            members.clear();
            if run.len() < heads.len() && guessed.is_none() {
                guessed = Some(rows[run[0]].line);
            }
            heads.clear();
            if run.len() > DEEPEST {
                run.drain(..run.len() - 1);
            }
            // each head's own path: the levels open above it
            for k in std::mem::take(&mut run) {
                let label = rows[k].path[skip].clone();
                rows[k].path.splice(skip..skip, heads.iter().cloned());
                heads.push(label);
            }
        }
        // A row after two rows of its group or more that totals them in every column
        // (`Overall` under `Under 25 … 65 and over`) closes the group: the rows after it
        // belong to the group around it (`Male`, `Female` beside `Age Group`). A total
        // printed first, over its parts, closes nothing.
        let closes = heads.len() >= 2 && members.len() >= 2 && totals(&rows[i], &members, rows);
        let r = &mut rows[i];
        r.path.splice(skip..skip, heads.iter().cloned());
        if closes {
            heads.pop();
            members.clear();
        } else {
            members.push(i);
        }
    }
    if let Some(line) = guessed {
        warnings.push(Warning {
            line: Some(line),
            code: "row-path-guessed".into(),
            message: "rows printing no value head groups nested two deep or more; a \
                      shorter run of them after rows does not show which groups it closes, \
                      so its rows' paths start at it"
                .into(),
        });
    }
    true
}

/// True when `row` prints, in every column where it prints a number, the sum of the rows
/// `parts` (each printing a number there), one column at least, to the printed decimals.
fn totals(row: &Row, parts: &[usize], rows: &[Row]) -> bool {
    let mut compared = 0;
    for (j, c) in row.cells.iter().enumerate() {
        let Some(total) = c.value else { continue };
        let mut sum = 0.0;
        let mut decimals = printed_decimals(&c.raw);
        for &k in parts {
            let Some(p) = rows[k].cells.get(j).filter(|p| p.value.is_some()) else {
                return false;
            };
            sum += p.value.unwrap_or_default();
            decimals = decimals.max(printed_decimals(&p.raw));
        }
        let tol = 0.5 * 10f64.powi(-(decimals as i32)) * parts.len() as f64 + 1e-9;
        if (sum - total).abs() > tol {
            return false;
        }
        compared += 1;
    }
    compared > 0
}

/// Rows printed as breakdowns of the row above them (`其中` marked `#`): in a table of one
/// label column, unnumbered, where some label starts with `#`, a row heads the rows below
/// it when
/// - their values in the first value column add up to its value (to the rounding of the
///   printed decimals), the fewest such rows, at least two; or
/// - the next row is marked `#`: then it heads the rows down to the one before the next
///   row that a marked row follows.
///
/// A marked row right after a group that added up is another breakdown of the same head
/// (`#批发零售业 + 住宿餐饮业`, then `#吃的 + 穿的 + …`). Every other row stays where it
/// is: a row that is no breakdown is not guessed into one.
/// `skip` is the number of labels every row's path starts with (a band, the groups above
/// the rows).
fn nest_breakdowns_at(rows: &mut [Row], skip: usize) {
    // most tables: no label marked `#`
    if !rows
        .iter()
        .any(|r| r.path.get(skip).is_some_and(|l| l.starts_with(['#', '＃'])))
    {
        return;
    }
    let labels: Vec<Option<&str>> = rows
        .iter()
        .map(|r| (r.path.len() == skip + 1).then(|| r.path[skip].as_str()))
        .collect();
    let marked = |l: Option<&str>| l.is_some_and(|l| l.starts_with(['#', '＃']));
    if labels
        .iter()
        .any(|l| l.is_none_or(|l| scan_outline(l).is_some()))
        || !labels.iter().any(|&l| marked(l))
    {
        return;
    }
    let n = rows.len();
    let value = |k: usize, col: usize| -> Option<(f64, usize)> {
        let c = rows.get(k)?.cells.get(col)?;
        let v = c.value.filter(|_| c.kind == CellKind::Number)?;
        Some((v, printed_decimals(&c.raw)))
    };
    // the column the sums are read in: the first where the head and the first row under
    // it both print a figure (a series may start later for some rows)
    let sum_column = |head: usize, from: usize| {
        (0..rows[head].cells.len()).find(|&c| value(head, c).is_some() && value(from, c).is_some())
    };
    // the fewest rows from `from` on that add up to row `head`
    let adds_up = |head: usize, from: usize| -> Option<usize> {
        let col = sum_column(head, from)?;
        let value = |k: usize| value(k, col);
        let (total, d0) = value(head)?;
        if total == 0.0 {
            return None;
        }
        let mut sum = 0.0;
        let mut decimals = d0;
        for (k, &label) in labels.iter().enumerate().skip(from) {
            if k > from && marked(label) {
                return None;
            }
            let (v, d) = value(k)?;
            sum += v;
            decimals = decimals.max(d);
            let tol = 0.5 * 10f64.powi(-(decimals as i32)) * (k - from + 1) as f64 + 1e-9;
            if k > from && (sum - total).abs() <= tol {
                return Some(k);
            }
        }
        None
    };
    let mut parent: Vec<Option<usize>> = vec![None; n];
    let mut i = 0;
    while i < n {
        if let Some(end) = adds_up(i, i + 1) {
            parent[i + 1..=end].fill(Some(i));
            let mut next = end + 1;
            // further breakdowns of the same head, each opened by a marked row
            while next < n && marked(labels[next]) {
                let Some(e) = adds_up(i, next) else { break };
                parent[next..=e].fill(Some(i));
                next = e + 1;
            }
            i = next;
        } else if i + 1 < n && marked(labels[i + 1]) {
            let mut end = i + 1;
            while end + 1 < n && !(end + 2 < n && marked(labels[end + 2])) {
                end += 1;
            }
            parent[i + 1..=end].fill(Some(i));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    let heads: Vec<Option<String>> = parent
        .iter()
        .map(|p| p.and_then(|h| labels[h]).map(str::to_string))
        .collect();
    for (r, h) in rows.iter_mut().zip(heads) {
        if let Some(h) = h {
            r.path.insert(skip, h);
        }
    }
}

/// Blocks headed by a label stating its unit (`总产出(亿元)`, `总产出指数(上年=100)`,
/// `总产出构成(%)`) over rows that state none: in a table of one unnumbered label
/// column whose first row states a unit and is followed by one that does not, every
/// such row heads the rows below it up to the next one; inside a block a row printing no
/// value (`按主要行业分`) heads the rest of the block. Returns whether it applied.
fn nest_under_unit_heads(rows: &mut [Row], banded: bool) -> bool {
    let skip = usize::from(banded);
    // most tables: the first row states no unit
    if rows.len() < 2
        || !rows[0]
            .path
            .get(skip)
            .is_some_and(|l| l.ends_with([')', '）']) && states_unit(l))
    {
        return false;
    }
    let labels: Vec<Option<String>> = rows
        .iter()
        .map(|r| (r.path.len() == skip + 1).then(|| r.path[skip].clone()))
        .collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.as_deref().is_none_or(|l| scan_outline(l).is_some()))
    {
        return false;
    }
    let heads: Vec<bool> = labels
        .iter()
        .map(|l| l.as_deref().is_some_and(states_unit))
        .collect();
    if !heads[0] || heads[1] || heads.windows(2).any(|w| w[0] && w[1]) {
        return false;
    }
    let blank = |r: &Row| r.cells.iter().all(|c| c.kind == CellKind::Empty);
    let mut head: Option<String> = None;
    let mut group: Option<String> = None;
    for (k, r) in rows.iter_mut().enumerate() {
        let label = labels[k].clone();
        if heads[k] {
            head = label;
            group = None;
            continue;
        }
        let mut prefix: Vec<String> = head.iter().cloned().collect();
        if blank(r) {
            group = label;
        } else if let Some(g) = &group {
            prefix.push(g.clone());
        }
        for (i, p) in prefix.into_iter().enumerate() {
            r.path.insert(skip + i, p);
        }
    }
    true
}

/// A row label ending in a bracket that states a unit or a base: `(亿元)`, `(%)`,
/// `(上年=100)`, `(万吨)`; not `(现价)`, `(区分处理的…)`.
fn states_unit(label: &str) -> bool {
    let t = label.trim_end();
    let Some(body) = t.strip_suffix([')', '）']) else {
        return false;
    };
    let Some(open) = body.rfind(['(', '（']) else {
        return false;
    };
    let inner = body[open..].trim_start_matches(['(', '（']);
    let n = inner.chars().count();
    (1..=8).contains(&n)
        && (inner.contains(['=', '＝', '%', '％'])
            || crate::units::stated_unit(&format!("({inner})")).is_some()
            || [
                "元", "吨", "人", "公顷", "公里", "千米", "亩", "千瓦", "户", "头", "只", "辆",
            ]
            .iter()
            .any(|u| inner.ends_with(u)))
}

/// Shape of a grid table: label columns are those holding row labels in data rows.
fn grid_shape(data: &[RawRow], width: usize) -> (usize, usize) {
    let l = data
        .iter()
        .map(|r| {
            // (a remark ending a row of figures is no label: [`before_remark`])
            let cells = match before_remark(&r.cells) {
                0 => &r.cells[..],
                _ => &r.cells[..r.cells.len() - 1],
            };
            cells
                .iter()
                .rposition(|c| !c.is_empty() && !is_value_like(c))
                .map_or(0, |i| i + 1)
        })
        .max()
        .unwrap_or(0);
    // a column of years in order right after the labels (`Persons 14 years and over |
    // 1940 | 99840`, then `| 1941 | 99900`) labels the rows within each group
    let l = if l >= 1 && l + 2 < width && years_within_groups(data, l) {
        l + 1
    } else {
        l
    };
    (width.saturating_sub(l), l.min(width))
}

/// True when every row prints a year in column `k`, and the rows printing no label before
/// it, two or more, each a few years after the row above (a time series' steps: counts
/// that read as years, `1944` then `1994`, are not); a row printing a label starts a new
/// group.
fn years_within_groups(data: &[RawRow], k: usize) -> bool {
    let years: Option<Vec<u32>> = data
        .iter()
        .map(|r| r.cells.get(k).and_then(|c| year_of(c)))
        .collect();
    let Some(years) = years else {
        return false;
    };
    let steps: Vec<u32> = (1..data.len())
        .filter(|&i| {
            // (or the labels of the row above, given back to a row that lost them to a
            // cell spanning rows: [`fill_spanned_labels`])
            data[i].cells[..k].iter().all(|c| c.is_empty())
                || data[i].cells[..k] == data[i - 1].cells[..k]
        })
        .map(|i| years[i].wrapping_sub(years[i - 1]))
        .collect();
    steps.len() >= 2 && steps.iter().all(|s| (1..=10).contains(s))
}

/// Shape of a ragged table: the usual number of value cells per data row.
fn ragged_shape(data: &[RawRow], head: &[RawRow]) -> (usize, usize) {
    let mut counts: Vec<(usize, bool)> = Vec::new();
    for r in data {
        let tail = r
            .cells
            .iter()
            .rev()
            .take_while(|c| is_value_like(c))
            .count();
        let numeric = r.cells.iter().any(|c| kind_of(c) == CellKind::Number);
        // padding: empty cells after the last number do not count in a row with numbers
        let padding = if numeric {
            r.cells.iter().rev().take_while(|c| c.is_empty()).count()
        } else {
            0
        };
        counts.push((tail - padding, numeric));
    }
    let pick = |only_numeric: bool| {
        let mut freq: Vec<(usize, usize)> = Vec::new();
        for &(t, num) in &counts {
            if only_numeric && !num {
                continue;
            }
            match freq.iter_mut().find(|(k, _)| *k == t) {
                Some(f) => f.1 += 1,
                None => freq.push((t, 1)),
            }
        }
        freq.into_iter()
            .max_by_key(|&(k, f)| (f, k))
            .map(|(k, _)| k)
    };
    let n = pick(true)
        .or_else(|| pick(false))
        .unwrap_or_else(|| head.last().map_or(0, |r| r.cells.len()));
    let l = data
        .iter()
        .map(|r| r.cells.len().saturating_sub(n))
        .max()
        .unwrap_or(0);
    (n, l)
}

/// Most cells a grid table may have once its rows are padded to the widest (a hostile
/// input guard: one row of 20,000 cells over 20,000 short rows would pad to 400 million).
const MAX_PADDED_CELLS: usize = 4 * MAX_CELLS;

/// A label column after the first whose cells are all units (`万元`, `个`), printed in at
/// least two data rows: the column of each row's unit.
fn unit_column(data: &[RawRow], l: usize) -> Option<usize> {
    (1..l).find(|&u| {
        let mut printed = 0;
        data.iter().all(|r| match r.cells.get(u).map(|c| c.trim()) {
            None | Some("") => true,
            Some(c) => {
                printed += 1;
                crate::units::is_measure_word(c)
            }
        }) && printed >= 2
    })
}

/// The label column naming every row: the first (not of units, codes or one text) that
/// prints in every data row, three at least, a label of words of its own, no two alike
/// (`籼米`, `面粉`). Label columns right of it, printed in every row as well, describe the
/// row it names (a product's group and grade, a label's English beside it): no levels of
/// the row path, as a group label column left of it is one (printed on its first row only,
/// or the same on many).
fn named_rows_column(data: &[RawRow], l: usize, skip: &[Option<usize>]) -> Option<usize> {
    // (a word: a CJK character or two letters in a run; `€262,037m` holds none)
    let words = |c: &str| {
        c.chars().any(crate::normalize::is_cjk)
            || c.as_bytes()
                .windows(2)
                .any(|w| w.iter().all(u8::is_ascii_alphabetic))
    };
    let printed = |k: usize| {
        data.iter()
            .all(|r| r.cells.get(k).is_some_and(|c| words(c)))
    };
    let kept = |k: &usize| !skip.contains(&Some(*k));
    let k = (0..l).filter(kept).find(|&k| {
        let mut seen = HashSet::new();
        data.len() >= 3
            && data.iter().all(|r| {
                r.cells
                    .get(k)
                    .map(|c| c.trim())
                    .is_some_and(|c| words(c) && !is_value_like(c) && seen.insert(c))
            })
    })?;
    // (each column it describes prints in every row too: a label of a deeper level
    // falls into a column of its own where only some rows print one)
    let after: Vec<usize> = (k + 1..l).filter(kept).collect();
    (!after.is_empty() && after.into_iter().all(printed)).then_some(k)
}

/// The last label column, after the first and the unit column, when every data row (three
/// at least) prints in it one same text, no value: its index and text.
fn constant_column(data: &[RawRow], l: usize, unit_col: Option<usize>) -> Option<(usize, String)> {
    let k = l
        .checked_sub(1)
        .filter(|&k| k >= 1 && Some(k) != unit_col)?;
    let first = data.first()?.cells.get(k)?.trim();
    (data.len() >= 3
        && !first.is_empty()
        && !is_value_like(first)
        && data
            .iter()
            .all(|r| r.cells.get(k).is_some_and(|c| c.trim() == first)))
    .then(|| (k, first.to_string()))
}

/// A label column after the first whose cells are row codes (`代码`: `01`, `02`, …): digits
/// only, printed in every data row (two at least), no two alike. The code keys the row;
/// it is no level of the row path. Asked of forms only (their column-code row letters the
/// column as a label): a year is a label of digits too.
fn code_column(data: &[RawRow], l: usize) -> Option<usize> {
    (1..l).find(|&u| {
        let codes: Option<Vec<&str>> = data
            .iter()
            .map(|r| {
                r.cells
                    .get(u)
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()))
            })
            .collect();
        codes
            .is_some_and(|c| c.len() >= 2 && c.iter().enumerate().all(|(i, x)| !c[..i].contains(x)))
    })
}

/// Stems lettering the label columns of a statistical form's column-code row.
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/// A row of a statistical form coding its columns (`甲 | 乙 | 丙 | 1 | 2`): the label columns
/// lettered `甲 乙 丙 …` in order, then the value columns numbered `1 2 …` in order, one of
/// each at least. Forms print it right under the header, so it is looked for as the first
/// row after a header row that would be data. Returns its index (the header rows above
/// it), the label and the value columns.
fn column_codes(rows: &[RawRow]) -> Option<(usize, usize, usize)> {
    let i = rows
        .iter()
        .enumerate()
        .skip(1)
        .find(|(i, r)| is_data(r, *i == 0, None))?
        .0;
    let (labels, values) = column_code_row(&rows[i].cells)?;
    Some((i, labels, values))
}

/// The label and value column counts of a row coding a form's columns (`甲 | 乙 | 1 | 2`):
/// labels lettered `甲 乙 …` in order, then values numbered `1 2 …` in order, one of each
/// at least.
pub(crate) fn column_code_row(cells: &[String]) -> Option<(usize, usize)> {
    let labels = cells
        .iter()
        .zip(STEMS)
        .take_while(|(c, s)| c.trim().chars().eq(std::iter::once(*s)))
        .count();
    let values = cells.len() - labels;
    let numbered = cells[labels..]
        .iter()
        .enumerate()
        .all(|(k, c)| c.trim().parse::<usize>().ok() == Some(k + 1));
    (labels >= 1 && values >= 1 && numbered).then_some((labels, values))
}

/// Rows of a grid that lost the labels a cell spanning rows gave them (`1998 | Q1 | 3 639.7
/// | …` then `Q2 | 3 662.1 | … |`: the page prints the year once, and the flattening packs
/// the next rows left, padding or shortening them at their end). A row printing a number
/// under a label of the row above, or a label over its number, is shifted right by the
/// fewest cells that end every such clash, and takes the cells it lost from the row
/// above; only padding (empty cells past the widest row) is given up. A row read as
/// printed without a clash, or printing its first cell alone, is left as it is.
fn fill_spanned_labels(rows: &mut [RawRow]) {
    let Some(width) = rows
        .iter()
        .filter(|r| numbered(r))
        .map(|r| r.cells.len())
        .max()
    else {
        return;
    };
    let label = |c: &str| !c.is_empty() && !is_value_like(c);
    let clash = |cells: &[String], above: &[String]| {
        cells.iter().zip(above).any(|(c, a)| {
            (kind_of(c) == CellKind::Number && label(a))
                || (label(c) && kind_of(a) == CellKind::Number)
        })
    };
    // (from the row under the first data row: a header row of periods, `Item | Total |
    // 2019 | …`, holds no labels spanning down)
    let first = first_data_row(rows, None).unwrap_or(0);
    for i in first + 1..rows.len() {
        let (before, after) = rows.split_at_mut(i);
        let (above, row) = (&before[i - 1], &mut after[0]);
        // (a row printing its first cell alone is a group's label, a year heading the
        // months under it: `2006 |  |  |`)
        let alone = row.cells.iter().skip(1).all(|c| c.is_empty());
        if !numbered(row) || !numbered(above) || above.cells.len() != width || alone {
            continue;
        }
        if !clash(&row.cells, &above.cells) {
            continue;
        }
        let trailing = row.cells.iter().rev().take_while(|c| c.is_empty()).count();
        let room = width - row.cells.len().min(width) + trailing;
        let shifted = (1..=room).find_map(|s| {
            let lost = &above.cells[..s];
            if lost.iter().any(|c| c.is_empty()) {
                return None;
            }
            let mut cells: Vec<String> = lost.iter().chain(&row.cells).cloned().collect();
            while cells.len() > width && cells.last().is_some_and(|c| c.is_empty()) {
                cells.pop();
            }
            (cells.len() <= width && !clash(&cells, &above.cells)).then_some(cells)
        });
        if let Some(cells) = shifted {
            row.cells = cells;
        }
    }
}

/// True when the rows of a Markdown grid are as wide as its first row but for rows with
/// fewer cells that, read from the left (as Markdown reads a short row: its missing cells
/// are at the end), print their labels in the label columns and values in the value
/// columns, while read from the right they would put a label in a value column
/// (`| 3、其它收入 | 万元 | 2832 | 8372 | 110.1 |` under six columns).
fn short_rows_fit(rows: &[RawRow]) -> bool {
    let Some(width) = rows.first().map(|r| r.cells.len()) else {
        return false;
    };
    let text = |c: &String| !c.is_empty() && !is_value_like(c);
    // label columns: those holding text in the full rows that print numbers
    let l = rows
        .iter()
        .filter(|r| r.cells.len() == width && numbered(r))
        .map(|r| r.cells.iter().rposition(text).map_or(0, |i| i + 1))
        .max()
        .unwrap_or(0);
    let full = rows
        .iter()
        .filter(|r| r.cells.len() == width && numbered(r))
        .count();
    let short = rows.iter().filter(|r| r.cells.len() < width).count();
    // a few short rows among full ones
    if l == 0 || l >= width || full < 2 || short >= full {
        return false;
    }
    rows.iter().all(|r| {
        let len = r.cells.len();
        if len == width {
            return true;
        }
        let shift = width.saturating_sub(len);
        len < width
            && len > l
            && numbered(r)
            && r.cells.first().is_some_and(text)
            && r.cells
                .iter()
                .enumerate()
                .all(|(k, c)| (k < l) == text(c) || c.is_empty())
            && r.cells
                .iter()
                .enumerate()
                .any(|(k, c)| text(c) && k + shift >= l)
    })
}

/// Drops columns that are empty in every row (Markdown tables padded to the widest band).
/// Returns true when rows had to be dropped from the end to keep
/// the padded table within [`MAX_PADDED_CELLS`].
fn trim_empty_columns(rows: &mut Vec<RawRow>) -> bool {
    // the last non-empty cell of any row bounds the columns kept
    let keep = rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .rposition(|c| !c.is_empty())
                .map_or(0, |i| i + 1)
        })
        .max()
        .unwrap_or(0);
    // (rows of numbers all printing more cells than the first row, a header row printing
    // its spanning cells once: their empty cells at the end are columns the header's
    // spans cover, not padding)
    let first_numbered = rows.iter().position(numbered);
    let data_width = first_numbered.and_then(|f| {
        let w = rows[f].cells.len();
        rows[f..]
            .iter()
            .filter(|r| numbered(r))
            .all(|r| r.cells.len() == w)
            .then_some(w)
    });
    let keep = match data_width {
        Some(w) if rows.first().is_some_and(|r| r.cells.len() < w) && first_numbered > Some(0) => {
            keep.max(w)
        }
        _ => keep,
    };
    let cut = keep > 0 && keep.saturating_mul(rows.len()) > MAX_PADDED_CELLS;
    if cut {
        rows.truncate((MAX_PADDED_CELLS / keep).max(1));
    }
    // (a row short of cells keeps its length: its absent cells are `missing`, not empty)
    for r in rows.iter_mut() {
        r.cells.truncate(keep);
    }
    cut
}

/// Spare empty cells a page flattening adds at the end of rows (` |||||`, an empty
/// `<td>` after every row): a last column empty in every row of a table of equal rows is
/// dropped. Header rows printed packed left move right: under a Markdown table's first
/// row ([`unpack_header_rows`]), and where the page printed no corner cell
/// ([`corner_omitted`]: in rows of the cells present, or a Markdown header of one row;
/// in a Markdown header of several rows, an empty cell at the end is one a span covers).
fn drop_spare_cells(rows: &mut [RawRow], ctx: &Context) {
    let present = ctx.present;
    let Some(width) = rows.first().map(|r| r.cells.len()) else {
        return;
    };
    if ctx.grid && !present {
        unpack_short_header_rows(rows, width);
    }
    if rows.iter().any(|r| r.cells.len() != width) {
        return;
    }
    let first_data = first_data_row(rows, None).unwrap_or(rows.len());
    if ctx.grid && !present && (2..rows.len()).contains(&first_data) {
        let (_, l) = grid_shape(&rows[first_data..], width);
        // (a first column of years labels the rows, as in `build`)
        let l = if l == 0 && is_year_column(&rows[first_data..]) {
            1
        } else {
            l
        };
        unpack_header_rows(&mut rows[..first_data], l);
    }
    let mut width = width;
    while width > 2 && rows.iter().all(|r| r.cells[width - 1].is_empty()) {
        width -= 1;
        for r in rows.iter_mut() {
            r.cells.truncate(width);
        }
    }
    if first_data == 0 || first_data >= rows.len() {
        drop_rank_column(rows);
        return;
    }
    let (n, l) = grid_shape(&rows[first_data..], width);
    // some data row prints a value in the last column
    let valued_end = rows[first_data..].iter().any(|r| {
        matches!(
            kind_of(&r.cells[width - 1]),
            CellKind::Number | CellKind::Na
        )
    });
    for row in rows[..first_data].iter_mut().filter(|_| valued_end) {
        if let Some(cells) =
            corner_omitted(&row.cells, (l, n)).filter(|_| present || first_data == 1)
        {
            row.cells = cells;
        }
    }
    drop_rank_column(rows);
}

/// The header rows below the first of a Markdown table whose rows a flattening packed
/// left (pandoc's pipe tables: the separator follows the first row, the rows below it drop
/// the cells covered by the first row's cells spanning down, print their own cells from
/// the first column, and pad the row at its end; a cell spanning down from a lower row
/// leaves an empty cell). The first row's corner, over the `l` label columns, spans down;
/// so may its value cells standing alone (no empty cell after them: no cell spanning
/// columns). Where every lower row ends in at least as many empty cells as the first row
/// has cells spanning down (all of those alone, else the corner only, where the second
/// row starts with a label: a grid would print the covered corner empty), each lower
/// row's cells go, in order, to the columns those cells leave free (`| 项目 | 收入预算 | |` over
/// `| 合计 | 财政拨款收入 | |`: `合计` and `财政拨款收入` under `收入预算`).
fn unpack_header_rows(head: &mut [RawRow], l: usize) {
    let Some(first) = head.first().map(|r| r.cells.clone()) else {
        return;
    };
    let width = first.len();
    if l == 0 || l >= width || first[0].is_empty() || head.len() < 2 {
        return;
    }
    // (a second row printing its first cell empty may be a grid's, printing the corner's
    // covered cells: only every standing-alone cell spanning down explains it as packed)
    let second_labelled = head[1].cells.first().is_some_and(|c| !c.is_empty());
    let pad = |r: &RawRow| r.cells.iter().rev().take_while(|c| c.is_empty()).count();
    let least_pad = head[1..].iter().map(pad).min().unwrap_or(0);
    let alone: Vec<usize> = (l..width)
        .filter(|&j| !first[j].is_empty() && first.get(j + 1).is_none_or(|c| !c.is_empty()))
        .collect();
    let corner = 0..l;
    let spanning_down = [
        corner
            .clone()
            .chain(alone.iter().copied())
            .collect::<Vec<usize>>(),
        corner.collect(),
    ];
    let Some(down) = spanning_down
        .into_iter()
        .take(if second_labelled { 2 } else { 1 })
        .find(|d| d.len() <= least_pad && d.len() < width && (second_labelled || d.len() > l))
    else {
        return;
    };
    for r in &mut head[1..] {
        r.cells = into_free_columns(&r.cells, &down, width);
    }
}

/// A packed row's `cells`, in order, in the columns of a row `width` wide that `covered`
/// leaves free (the rest empty).
fn into_free_columns(cells: &[String], covered: &[usize], width: usize) -> Vec<String> {
    let mut out = vec![String::new(); width];
    let free = (0..width).filter(|j| !covered.contains(j));
    for (c, j) in cells.iter().zip(free) {
        out[j] = c.clone();
    }
    out
}

/// The header rows below the first of a Markdown table that print only the cells present
/// in the page's row, no padding (markdownify): each drops the cells that cells above span
/// down over. The first row's corner spans down, and so does a cell standing alone (no
/// empty cell after it) with nothing under it yet. Where a row prints exactly as many
/// cells as the columns those leave free, its cells go to them in order (`| Item | Rural
/// | | | Urban | | |` over `| Index Value | | % Change | Index Value | | % Change |` over
/// `| Sept.20 | Aug.20 | Sept.20 | Aug.20 |`); the rows below one that does not fit stay
/// as printed.
fn unpack_short_header_rows(rows: &mut [RawRow], width: usize) {
    let Some(first_data) = first_data_row(rows, None) else {
        return;
    };
    if first_data < 2
        || rows[first_data..].iter().any(|r| r.cells.len() != width)
        || rows[0].cells.first().is_none_or(|c| c.is_empty())
        || rows[1..first_data].iter().all(|r| r.cells.len() >= width)
    {
        return;
    }
    let (_, l) = grid_shape(&rows[first_data..], width);
    if l == 0 || rows[0].cells.len() != width {
        return;
    }
    for i in 1..first_data {
        if rows[i].cells.len() >= width {
            return;
        }
        let covered: Vec<usize> = (0..width)
            .filter(|&p| {
                p < l
                    || (0..i)
                        .rev()
                        .find(|&k| !rows[k].cells[p].is_empty())
                        .is_some_and(|k| rows[k].cells.get(p + 1).is_none_or(|c| !c.is_empty()))
            })
            .collect();
        if rows[i].cells.len() + covered.len() != width {
            return;
        }
        rows[i].cells = into_free_columns(&rows[i].cells, &covered, width);
    }
}

/// A header row broken over lines by line breaks inside its cells (`指 标 | Item | 全 省
/// Total Province Indices |` over `城 市 Urban Indices |` over `农 村 Rural Indices |`, over
/// rows of five cells): the lines right over the first data row, each narrower than it
/// and printing no empty cell, whose cells add up to exactly its width are one row, where the first of them opens
/// with the word naming the rows. Real header rows would not add up so: with the corner
/// printed, each cell spanning columns prints one cell more than the columns under it.
pub fn join_broken_header_row(rows: &mut Vec<RawRow>) {
    let Some(first_data) = first_data_row(rows, None) else {
        return;
    };
    let width = rows[first_data].cells.len();
    // (rows padded to the width with bars are whole rows whose cells the store packed)
    let mut sum = 0;
    let mut start = first_data;
    while start > 0 && sum < width {
        let r = &rows[start - 1].cells;
        if r.len() >= width || r.iter().any(|c| c.is_empty()) {
            break;
        }
        sum += r.len();
        start -= 1;
    }
    if sum != width
        || first_data - start < 2
        || !rows[start].cells.first().is_some_and(|c| names_rows(c))
    {
        return;
    }
    let mut cells = Vec::with_capacity(width);
    for r in &rows[start..first_data] {
        cells.extend(r.cells.iter().cloned());
    }
    rows[start].cells = cells;
    rows.drain(start + 1..first_data);
}

/// A header row printing a label for every value column and none for the row labels,
/// then empty cells (`播种面积 | 单位面积产量 | 总产量 | ` over `全年粮食 | 113340.5 | 5482.9 |
/// 62143.5`: the page printed no corner cell): it names the value columns, and its empty
/// cells go to the front, over the labels. `(l, n)` are the label and value columns.
fn corner_omitted(cells: &[String], (l, n): (usize, usize)) -> Option<Vec<String>> {
    let width = cells.len();
    let pad = cells.iter().rev().take_while(|c| c.is_empty()).count();
    let texts = cells.iter().filter(|c| !c.is_empty()).count();
    let named = l > 0
        && pad > 0
        && pad <= l
        && texts + pad == width
        && texts >= n
        && cells.first().is_some_and(|c| !c.is_empty());
    named.then(|| {
        let mut out = cells.to_vec();
        out.rotate_right(pad);
        out
    })
}

/// A cell printing only the unit of the number before it (`%`, `pts`, `万元`).
fn is_unit_cell(c: &str) -> bool {
    let c = c.trim();
    crate::units::is_measure_word(c)
        || matches!(
            c.to_lowercase().as_str(),
            "pts" | "pt" | "ppt" | "pp" | "% pts" | "%pts" | "per cent"
        )
}

/// Columns printing only units after a column of numbers (ABS: `24.3 | | 3.1 | %`, the
/// change and its unit, `pts` in the rows of rates): the unit of the number before, no
/// value of its own. A column is one where some row prints a number, every such row
/// prints a unit or nothing there, two rows at least a unit, each after a number. The
/// cells are taken out of those rows; their units are returned by row line, with the
/// index of the number's cell in the row as it is left.
fn take_unit_cells(rows: &mut [RawRow]) -> HashMap<u32, Vec<(usize, String)>> {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let unit_col = |j: usize| {
        let mut printed = 0;
        rows.iter()
            .filter(|r| numbered(r))
            .all(|r| match r.cells.get(j).map(|c| c.trim()) {
                None | Some("") => true,
                Some(c) => {
                    printed += 1;
                    is_unit_cell(c) && kind_of(&r.cells[j - 1]) == CellKind::Number
                }
            })
            && printed >= 2
    };
    let cols: Vec<usize> = (1..width).filter(|&j| unit_col(j)).collect();
    let mut units = HashMap::new();
    if cols.is_empty() {
        return units;
    }
    for r in rows.iter_mut().filter(|r| numbered(r)) {
        let mut kept: Vec<String> = Vec::with_capacity(r.cells.len());
        let mut of_row = Vec::new();
        for (j, c) in std::mem::take(&mut r.cells).into_iter().enumerate() {
            if !cols.contains(&j) {
                kept.push(c);
            } else if !c.trim().is_empty() && !kept.is_empty() {
                of_row.push((kept.len() - 1, c.trim().to_string()));
            }
        }
        r.cells = kept;
        if !of_row.is_empty() {
            units.insert(r.line, of_row);
        }
    }
    units
}

/// A leading column numbering the rows (`1`, `2`, `3`, … before the row label, a 序号 or
/// rank column the header may not even name) is neither a value nor a label: dropped,
/// with the header cell over it.
fn drop_rank_column(rows: &mut [RawRow]) {
    // most tables: the last row starts with no number
    if !rows.last().is_some_and(|r| {
        r.cells
            .first()
            .is_some_and(|c| !c.is_empty() && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit()))
    }) {
        return;
    }
    let first_data = rows
        .iter()
        .enumerate()
        .position(|(i, r)| is_data(r, i == 0, None))
        .unwrap_or(rows.len());
    let data = &rows[first_data..];
    if data.len() < 2 {
        return;
    }
    let rank = |r: &RawRow| -> Option<u64> {
        let t = r.cells.first()?;
        let label = r.cells.get(1)?;
        (kind_of(label) == CellKind::Text && t.len() <= 4)
            .then(|| t.parse::<u64>().ok())
            .flatten()
    };
    let ranks: Option<Vec<u64>> = data.iter().map(rank).collect();
    let Some(ranks) = ranks else { return };
    if ranks.first() != Some(&1) || ranks.windows(2).any(|w| w[1] != w[0] + 1) {
        return;
    }
    let width = data[0].cells.len();
    if rows[..first_data]
        .iter()
        .any(|r| r.cells.len() != width || !r.cells[0].is_empty() && !is_rank_header(&r.cells[0]))
    {
        return;
    }
    for r in rows.iter_mut() {
        r.cells.remove(0);
    }
}

/// The header of a column numbering rows: `序号`, `排名`, `No.`, `Rank`.
fn is_rank_header(t: &str) -> bool {
    let f = fold(t).to_lowercase();
    matches!(
        f.as_str(),
        "序号" | "序" | "排名" | "排序" | "位次" | "编号" | "no" | "no." | "rank" | "#"
    )
}

/// Whether the first cell of every data row (two or more) is a year, the years all
/// different and in order: the rows of a time series, labelled by their years.
fn is_year_column(data: &[RawRow]) -> bool {
    let years: Option<Vec<u32>> = data
        .iter()
        .map(|r| r.cells.first().and_then(|c| year_of(c)))
        .collect();
    years.is_some_and(|y| in_order(&y))
}

/// Two years or more, each later than the one before, or each earlier.
pub(crate) fn in_order(years: &[u32]) -> bool {
    years.len() >= 2
        && (years.windows(2).all(|w| w[0] < w[1]) || years.windows(2).all(|w| w[0] > w[1]))
}

/// True when every number printed in column `k` of the rows is a year, in order (a label
/// column of years, each printed on its own rows or carried down: `1998`, `1998`, `1999`).
fn labels_years(data: &[RawRow], k: usize) -> bool {
    let years: Option<Vec<u32>> = data
        .iter()
        .filter_map(|r| r.cells.get(k))
        .filter(|c| kind_of(c) == CellKind::Number)
        .map(|c| year_of(c))
        .collect();
    // (or each year on a row of its own, heading the rows under it: `1980 | | |`)
    let alone = || {
        data.iter()
            .filter(|r| {
                r.cells
                    .get(k)
                    .is_some_and(|c| kind_of(c) == CellKind::Number)
            })
            .all(|r| {
                r.cells
                    .iter()
                    .enumerate()
                    .all(|(j, c)| j == k || c.trim().is_empty())
            })
    };
    years.is_some_and(|y| {
        y.len() >= 2 && (y.windows(2).all(|w| w[0] <= w[1]) || y.windows(2).all(|w| w[0] >= w[1]))
            || !y.is_empty() && alone()
    })
}

/// A corner cell naming a column of years or periods (`年份`, `年 份`, `Year`), or the
/// row labels whatever they are (`项目`, `Item`).
/// The header of rows that print a span as empty cells after its label, the first a cell
/// per column (`l` label columns, `n` value columns), the rows below it fewer: each row's
/// labels with their widths, the rows below packed left ([`header::rebuild_filled`]).
/// `None` unless the text prints such a span and those widths allow one reading.
fn filled_reading(head: &[RawRow], l: usize, n: usize) -> Option<header::Columns> {
    let (first, rest) = head.split_first()?;
    let spans_printed = |cells: &[String]| {
        cells
            .windows(2)
            .any(|w| !w[0].is_empty() && w[1].is_empty())
    };
    if first.cells.len() != l + n
        || rest.is_empty()
        || rest.iter().any(|r| r.cells.len() >= l + n)
        || !spans_printed(&first.cells[l..])
    {
        return None;
    }
    let row = |cells: &[String]| HeaderRow {
        cells: cells.to_vec(),
        grid: false,
    };
    let rows: Vec<HeaderRow> = std::iter::once(row(&first.cells[l..]))
        .chain(rest.iter().map(|r| row(&r.cells)))
        .collect();
    header::rebuild_filled(&rows, n).filter(|c| !c.ambiguous)
}

fn names_years(cell: &str) -> bool {
    matches!(
        fold(cell).to_lowercase().as_str(),
        "年份" | "年度" | "年" | "年别" | "时间" | "期间" | "日期" | "year" | "years" | "period"
    ) || names_rows(cell)
}

/// The length of the shortest run that `xs` repeats from end to end, shorter than `xs`
/// (`Nov. 2017 | Nov. 2018` twice over: 2): a header's leaves printed once under each group.
pub(crate) fn repeat_period<T: PartialEq>(xs: &[T]) -> Option<usize> {
    let n = xs.len();
    (1..n).find(|&p| n.is_multiple_of(p) && (0..n).all(|i| xs[i] == xs[i % p]))
}

/// A label naming a band of numbers, a row label such as an age group or a span of
/// years: two numbers joined by a dash (`0-4`, `1996-2000`, `1 - 2`) or a number and `+`
/// (`95+`), though it may read as a value.
pub(crate) fn names_band(cell: &str) -> bool {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '~' | '～');
    let t = crate::normalize::trim(cell);
    match t.split_once(dash) {
        Some((a, b)) => digits(a.trim_end()) && digits(b.trim_start()),
        None => t.strip_suffix('+').is_some_and(digits),
    }
}

/// A header cell naming the row labels under it (`项目`, `指标`, `Item`): the stub, no
/// column's label.
pub(crate) fn names_rows(cell: &str) -> bool {
    matches!(
        fold(cell).to_lowercase().as_str(),
        "项目" | "项目名称" | "指标" | "指标名称" | "类别" | "科目" | "地区" | "item" | "items"
    )
}

/// A header row printing years over the value columns (`项目 | 2000 | 2005 | 2010`):
/// two or more values, every one a year from 1900 to 2100, all different, in order.
pub(crate) fn is_year_row(row: &RawRow) -> bool {
    let starts_digit = |c: &String| c.chars().next().is_some_and(|c| c.is_ascii_digit());
    // most rows: not two year-long cells
    if row
        .cells
        .iter()
        .filter(|c| c.len() >= 4 && starts_digit(c))
        .count()
        < 2
    {
        return false;
    }
    let lead = row.cells.iter().take_while(|c| !starts_digit(c));
    let lead_text = lead
        .clone()
        .all(|c| c.is_empty() || kind_of(c) == CellKind::Text);
    let years: Option<Vec<u32>> = row
        .cells
        .iter()
        .skip_while(|c| !starts_digit(c))
        .filter(|c| !c.is_empty())
        .map(|c| crate::line_kind::period_year(c))
        .collect();
    let years = years.unwrap_or_default();
    lead_text && years.iter().all(|y| (1900..=2100).contains(y)) && in_order(&years)
}

/// A corner cell that is a note rather than a stub label.
fn is_note(s: &str) -> bool {
    let f = fold(s);
    // (long: more than 12 characters, a sentence's worth of Chinese; of words in Latin
    // script, not bracketed, more than 6: `Commodity Group` is a label)
    let t = s.trim();
    let words = !f.chars().any(crate::normalize::is_cjk)
        && t.chars().any(|c| c.is_ascii_alphabetic())
        && !t.starts_with('(');
    let long = if words {
        t.split_whitespace().count() > 6
    } else {
        f.chars().count() > 12
    };
    f.contains("勾稽") || f.contains("说明") || f.starts_with("注") || long
}

/// `（本列数据……）` → `本列数据……`.
fn strip_brackets(s: &str) -> String {
    let t = crate::normalize::trim(s);
    let inner = t
        .strip_prefix('（')
        .or_else(|| t.strip_prefix('('))
        .and_then(|x| x.strip_suffix('）').or_else(|| x.strip_suffix(')')));
    inner.unwrap_or(t).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header row of units under the labels joins each label (`零售总额` / `(亿元)`);
    /// a row of an index's base (`(2002=100)`) is no unit: it stays a level.
    #[test]
    fn a_units_row_joins_its_labels_and_a_base_row_stays_a_level() {
        let text = "| Item | May 2015 | May 2016 | 零售总额 |
|---|---|---|---|
| | (2002=100) | (2002=100) | (亿元) |
| All-items | 126.9 | 128.8 | 132678.4 |
";
        let d = testutil::doc(text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            [
                "May 2015/(2002=100)",
                "May 2016/(2002=100)",
                "零售总额(亿元)"
            ]
        );
    }

    /// A header cell opening on its year (`2016年预算数`) is a period's label, not a
    /// figure: the header does not end there. A row numbered as the rows are, printing
    /// words in its value cells (`单位不需填列`), is a row, not a new table's header
    /// (html2text's text of a budget's 三公 table, its header cells present only).
    #[test]
    fn a_year_led_header_and_a_numbered_row_of_words_stay_in_one_table() {
        let text = "项目| 2016年预算数
---|---
小计| 其中:一般公共预算安排数
一、“三公”经费合计| 21.63| 21.63
(一)因公出国(境)费| 单位不需填列| 单位不需填列
(二)公务接待费| 14.83| 14.83
二、会议费| 7.59| 7.59
";
        let d = testutil::doc(text);
        assert_eq!(d.tables().count(), 1);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            ["2016年预算数/小计", "2016年预算数/其中:一般公共预算安排数"]
        );
        let row = |label: &str| {
            t.rows
                .iter()
                .find(|r| r.path.last().is_some_and(|l| l == label))
                .map(|r| r.cells.iter().map(|c| c.raw.clone()).collect::<Vec<_>>())
        };
        assert_eq!(
            row("(一)因公出国(境)费").unwrap_or_default(),
            ["单位不需填列", "单位不需填列"]
        );
        assert_eq!(
            row("(二)公务接待费").unwrap_or_default(),
            ["14.83", "14.83"]
        );
    }

    fn rows(spec: &[(u32, &str)]) -> Vec<RawRow> {
        spec.iter()
            .map(|&(line, text)| RawRow::printed(line, pipe::split_cells(text)))
            .collect()
    }

    fn ctx() -> Context {
        Context {
            title: Some("主动公开政府信息情况".into()),
            section: vec!["二、主动公开政府信息情况".into()],
            style: "pipe".into(),
            grid: false,
            present: false,
        }
    }

    fn paths(t: &Table) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
        (
            t.columns.iter().map(|c| c.path.clone()).collect(),
            t.rows.iter().map(|r| r.path.clone()).collect(),
        )
    }

    #[test]
    fn band_rows_cut_the_region_into_blocks() {
        let r = rows(&[
            (11, "第二十条第(一)项 |"),
            (12, "信息内容 | 本年新制作数量 | 本年新公开数量 |"),
            (13, "规章 | 1 | 2 |"),
            (14, "规范性文件 | 3 | 4 |"),
            (15, "第二十条第(五)项 |"),
            (16, "信息内容 | 上一年项目数量 | 本年增/减 |"),
            (17, "行政许可 | 5 | -6 |"),
        ]);
        let segs = segments(r, [11, 17], false);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].band.as_deref(), Some("第二十条第(一)项"));
        assert_eq!(segs[0].lines, [11, 14]);
        assert_eq!(segs[0].rows.len(), 3, "header and two data rows");
        assert_eq!(segs[1].band.as_deref(), Some("第二十条第(五)项"));
        assert_eq!(segs[1].lines, [15, 17]);

        let mut w = Vec::new();
        let t = build(&segs[1], &ctx(), &mut w);
        let (cols, rws) = paths(&t);
        assert_eq!(cols, [vec!["上一年项目数量"], vec!["本年增/减"]]);
        assert_eq!(rws, [vec!["第二十条第(五)项", "行政许可"]]);
        assert_eq!(t.band.as_deref(), Some("第二十条第(五)项"));
        assert_eq!(t.rows[0].cells[1].value, Some(-6.0));
        assert!(w.is_empty(), "{w:?}");
    }

    /// A column of numbers holding a row label, or a header naming a column by an amount,
    /// shows lines not read as printed: the rows are left out, their values in warnings; a
    /// column of text holding numbered items is a column of text.
    #[test]
    fn a_row_label_among_numbers_or_an_amount_in_the_header_unreads_the_table() {
        let misread = |spec: &[(u32, &str)], w: &mut Vec<Warning>| {
            let segs = segments(rows(spec), [1, spec.len() as u32], false);
            build(&segs[0], &ctx(), w)
        };
        let left = |w: &[Warning]| -> Vec<String> {
            w.iter()
                .filter(|w| w.code == "unplaced-row")
                .map(|w| w.message.clone())
                .collect()
        };
        let mut w = Vec::new();
        let t = misread(
            &[
                (1, "项目 | 合计 | 基本支出 |"),
                (2, "一、一般公共服务支出 | 80.00 | 60.00 |"),
                (3, "二、外交支出 | 三、国防支出 | 5.00 |"),
                (4, "四、教育支出 | 15.00 | 15.00 |"),
            ],
            &mut w,
        );
        assert!(t.rows.is_empty(), "{t:?}");
        assert_eq!(
            w.iter().filter(|w| w.code == "table-misread").count(),
            1,
            "{w:?}"
        );
        let rows_left = left(&w);
        assert_eq!(rows_left.len(), 3, "{w:?}");
        assert!(rows_left[1].contains("三、国防支出 5.00"), "{rows_left:?}");

        let mut w = Vec::new();
        let t = misread(
            &[
                (1, "项目 | 2,940.05 | 基本支出 |"),
                (2, "一般公共服务支出 | 80.00 | 60.00 |"),
                (3, "教育支出 | 15.00 | 15.00 |"),
            ],
            &mut w,
        );
        assert!(t.rows.is_empty(), "{t:?}");
        assert!(w.iter().any(|w| w.code == "table-misread"), "{w:?}");
        assert!(left(&w)[0].contains("80.00 60.00"), "{w:?}");

        // (a figure of five digits printed bare is an amount too: a first row read as
        // header for the text it prints where no other row does, `79931`; a year or
        // `1,500` names a column)
        let first_row = |a: &str, b: &str| {
            let mut w = Vec::new();
            let first = format!("GDP | Q3/11 | {a} | {b} | More information |");
            let t = misread(
                &[
                    (1, first.as_str()),
                    (2, "Primary sector | Q3/11 | 2673 | 2166 | |"),
                    (3, "Mining | Q3/11 | 27 | 24 | |"),
                ],
                &mut w,
            );
            (t, w)
        };
        let (t, w) = first_row("79931", "77714");
        assert!(t.rows.is_empty(), "{t:?}");
        assert!(
            w.iter().any(|w| w.message.contains("amount 79931")),
            "{w:?}"
        );
        for (a, b) in [("2019", "2020"), ("1,500", "1000")] {
            let (t, w) = first_row(a, b);
            assert_eq!(t.rows.len(), 2, "{a}: {t:?} {w:?}");
            assert!(w.iter().all(|w| w.code != "table-misread"), "{w:?}");
        }

        let mut w = Vec::new();
        let t = misread(
            &[
                (1, "事项 | 说明 | 件数 |"),
                (2, "主动公开 | 一、政策文件 | 12 |"),
                (3, "依申请公开 | 二、申请答复 | 3 |"),
            ],
            &mut w,
        );
        let values: Vec<Option<f64>> = t
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.value))
            .collect();
        assert!(
            values.contains(&Some(12.0)) && values.contains(&Some(3.0)),
            "{t:?}"
        );
        assert!(w.iter().all(|w| w.code != "table-misread"), "{w:?}");
    }

    #[test]
    fn a_header_after_data_rows_starts_a_new_block() {
        let r = rows(&[
            (1, "信息内容 | 本年新制作数量 |"),
            (2, "规章 | 1 |"),
            (3, "信息内容 | 采购项目数量 | 采购金额 |"),
            (4, "政府集中采购 | 2 | 30 |"),
        ]);
        let segs = segments(r, [1, 4], false);
        assert_eq!(segs.len(), 2);
        assert_eq!((segs[0].lines, segs[1].lines), ([1, 2], [3, 4]));
        assert!(segs.iter().all(|s| s.band.is_none()));
    }

    /// Header rows against data rows; the corner cells go to `stub` and `note`, not to any
    /// column path; partial rows rebuild their spanning labels from the outline numbers.
    #[test]
    fn header_and_data_rows_split() {
        let seg = Segment {
            above: Vec::new(),
            units: Default::default(),
            band: None,
            known: None,
            lines: [30, 36],
            rows: rows(&[
                (
                    30,
                    "(本列数据的勾稽关系为:第一项加第二项之和等于第三项加第四项之和) | 申请人情况 |",
                ),
                (31, "自然人 | 法人或其他组织 | 总计 |"),
                (32, "商业企业 | 其他 |"),
                (33, "一、本年新收政府信息公开申请数量 | 1 | 2 | 3 | 6 |"),
                (34, "三、本年度办理结果 | (一)予以公开 | 0 | 1 | 0 | 1 |"),
                (35, "(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 |"),
                (36, "2.其他法律行政法规禁止公开 | 1 | 0 | 0 | 1 |"),
            ]),
            present: false,
        };
        let mut w = Vec::new();
        let t = build(&seg, &ctx(), &mut w);
        assert_eq!(
            t.note.as_deref(),
            Some("本列数据的勾稽关系为:第一项加第二项之和等于第三项加第四项之和")
        );
        assert!(t.stub.is_empty(), "{:?}", t.stub);
        let (cols, rws) = paths(&t);
        assert_eq!(
            cols,
            [
                vec!["申请人情况", "自然人"],
                vec!["申请人情况", "法人或其他组织", "商业企业"],
                vec!["申请人情况", "法人或其他组织", "其他"],
                vec!["申请人情况", "总计"],
            ]
        );
        assert_eq!(
            rws,
            [
                vec!["一、本年新收政府信息公开申请数量"],
                vec!["三、本年度办理结果", "(一)予以公开"],
                vec!["三、本年度办理结果", "(三)不予公开", "1.属于国家秘密"],
                vec![
                    "三、本年度办理结果",
                    "(三)不予公开",
                    "2.其他法律行政法规禁止公开"
                ],
            ]
        );
        let lines: Vec<u32> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [33, 34, 35, 36]);
        assert_eq!(t.rows[0].cells[3].value, Some(6.0));
        assert!(w.is_empty(), "{w:?}");
    }

    /// A row with one value cell more than the table: today the first value becomes a second
    /// row label (path `其他 > 5`) without a warning, although `build` means to drop extra
    /// cells with a `ragged-row` warning.
    #[test]
    #[ignore = "bug: an extra value cell in a pipe row turns a value into a row label, no warning"]
    fn extra_cells_are_dropped_with_a_warning() {
        let seg = Segment {
            above: Vec::new(),
            units: Default::default(),
            band: None,
            known: None,
            lines: [1, 4],
            rows: rows(&[
                (1, "信息内容 | 甲 | 乙 |"),
                (2, "规章 | 1 | 2 |"),
                (3, "规范性文件 | 3 | 4 |"),
                (4, "其他 | 5 | 6 | 7 |"),
            ]),
            present: false,
        };
        let mut w = Vec::new();
        let t = build(&seg, &ctx(), &mut w);
        assert_eq!(t.columns.len(), 2);
        assert!(t.rows.iter().all(|r| r.cells.len() == 2));
        assert_eq!(t.rows[2].path, ["其他"]);
        assert!(
            w.iter()
                .any(|w| w.line == Some(4) && w.code == "ragged-row"),
            "{w:?}"
        );
    }

    /// Markdown grids: covered positions are empty cells and a label spans right over them.
    #[test]
    fn markdown_grid_with_spanning_header() {
        let seg = Segment {
            above: Vec::new(),
            units: Default::default(),
            band: None,
            known: None,
            lines: [1, 5],
            rows: rows(&[
                (1, "| 信息内容 | 申请人情况 | | |"),
                (3, "| | 自然人 | 法人 | 总计 |"),
                (4, "| 规章 | 1 | 2 | 3 |"),
                (5, "| 规范性文件 | 0 | 0 | 0 |"),
            ]),
            present: false,
        };
        let c = Context {
            grid: true,
            style: "markdown".into(),
            ..ctx()
        };
        let mut w = Vec::new();
        let t = build(&seg, &c, &mut w);
        assert_eq!(t.stub, ["信息内容"]);
        let (cols, rws) = paths(&t);
        assert_eq!(
            cols,
            [
                vec!["申请人情况", "自然人"],
                vec!["申请人情况", "法人"],
                vec!["申请人情况", "总计"],
            ]
        );
        assert_eq!(rws, [vec!["规章"], vec!["规范性文件"]]);
        assert_eq!(t.style, "markdown");
    }

    #[test]
    fn cell_kinds_stay_apart() {
        let seg = Segment {
            above: Vec::new(),
            units: Default::default(),
            band: None,
            known: None,
            lines: [1, 2],
            rows: rows(&[
                (1, "信息内容 | 甲 | 乙 | 丙 | 丁 |"),
                (2, "规章 | 0 |  | / | 12.5% |"),
            ]),
            present: false,
        };
        let t = build(&seg, &ctx(), &mut Vec::new());
        let kinds: Vec<CellKind> = t.rows[0].cells.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                CellKind::Number,
                CellKind::Empty,
                CellKind::Na,
                CellKind::Number
            ]
        );
        assert_eq!(t.rows[0].cells[3].unit.as_deref(), Some("%"));
    }

    /// The tables of a made-up text, read by the block stage alone.
    fn tables_of(text: &str) -> Vec<Table> {
        testutil::doc(text)
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                crate::model::Block::Table(t) => Some(*t),
                _ => None,
            })
            .collect()
    }

    /// (row path, column path, raw) of every cell.
    fn cells_of(t: &Table) -> Vec<(Vec<String>, Vec<String>, String)> {
        t.rows
            .iter()
            .flat_map(|r| {
                t.columns
                    .iter()
                    .zip(&r.cells)
                    .map(|(c, v)| (r.path.clone(), c.path.clone(), v.raw.clone()))
            })
            .collect()
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    /// Issue 13: html2text prints a row of one cell without any bar (`增长%` under the
    /// header): it is a row of the table, not text that cuts it in two, and as header
    /// text whose column the text does not say it is left out with a warning.
    #[test]
    fn a_row_of_one_cell_without_a_bar() {
        let text = "\
项目| 9月| 1-9月累计| 累计  
---|---|---|---  
增长%  
本地生产总值(亿元)| ——| 2527.54| 11.5  
第一产业| ——| 59.44| 25.6  
";
        let d = testutil::doc(text);
        let t = tables_of(text);
        assert_eq!(t.len(), 1);
        assert_eq!(
            cells_of(&t[0])[4],
            (
                s(&["本地生产总值(亿元)", "第一产业"]),
                s(&["1-9月累计"]),
                "59.44".to_string()
            )
        );
        assert!(
            d.warnings
                .iter()
                .any(|w| w.code == "header-unplaced" && w.message.contains("增长%"))
        );
    }

    /// Issue 13: markdownify prints a span as empty cells after its label and leaves out
    /// the cells a span from above covers: the widths tell which label heads which
    /// columns. Printed without those empty cells (html2text), the same header allows
    /// several readings (any of the three labels may head the rows below), so no column
    /// is named; letters two English labels share by chance (`ot` in `Not in labor
    /// force` and `Total`) choose none.
    #[test]
    fn spans_printed_as_empty_cells_over_packed_rows() {
        let filled = "\
| Item | Population | Labor force | | | | Not in labor force |
| --- | --- | --- | --- | --- | --- | --- |
| Total | Percent | Employed | |
| Total | Percent |
| 1940 | 9984 | 5564 | 55.7 | 4752 | 47.6 | 4420 |
| 1941 | 9990 | 5591 | 56.0 | 5035 | 50.4 | 4399 |
";
        let t = tables_of(filled);
        assert_eq!(t.len(), 1);
        let paths: Vec<Vec<String>> = t[0].columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(
            paths,
            [
                s(&["Population"]),
                s(&["Labor force", "Total"]),
                s(&["Labor force", "Percent"]),
                s(&["Labor force", "Employed", "Total"]),
                s(&["Labor force", "Employed", "Percent"]),
                s(&["Not in labor force"]),
            ]
        );
        let present = "\
Item| Population| Labor force| Not in labor force
---|---|---|---
Total| Percent| Employed
Total| Percent
1940| 9984| 5564| 55.7| 4752| 47.6| 4420
";
        let t = tables_of(present);
        assert_eq!(t.len(), 1);
        assert!(t[0].columns.iter().all(|c| c.path.is_empty()));
    }

    /// Issue 13: a survey table's figures with their standard errors (`49.7 (0.2)`) are
    /// values, and a year printed alone on its row heads the rows under it.
    #[test]
    fn standard_errors_and_a_year_alone_on_its_row() {
        let text = "\
| Item | Total | Males |
| --- | --- | --- |
| 1980 | | |
| Total, 3 to 34 years | 49.7 (0.2) | 48.8 (0.2) |
| 3 and 4 years | 36.7 (0.9) | 37.4 (1.1) |
| 1990 | | |
| Total, 3 to 34 years | 50.2 (0.2) | 50.8 (0.3) |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1);
        let cells: Vec<_> = cells_of(&t[0])
            .into_iter()
            .filter(|c| !c.2.is_empty())
            .collect();
        assert_eq!(cells.len(), 6);
        assert_eq!(
            cells[0],
            (
                s(&["1980", "Total, 3 to 34 years"]),
                s(&["Total"]),
                "49.7 (0.2)".to_string()
            )
        );
        assert_eq!(
            cells[5],
            (
                s(&["1990", "Total, 3 to 34 years"]),
                s(&["Males"]),
                "50.8 (0.3)".to_string()
            )
        );
        assert_eq!(t[0].rows[1].cells[0].value, Some(49.7));
    }

    /// Issue 13: over a column of years, header rows below the first that print fewer
    /// cells than the rows print the cells present, packed left (the cells spans from above
    /// cover are dropped): their first cell is no label over the years, and `其中` heads
    /// the rows under it.
    #[test]
    fn packed_header_rows_over_a_year_column() {
        let text = "\
| Item | 总户数 | 总人口 | 其中 |
| --- | --- | --- | --- |
| 按性别分 | 按农业和非农业分 |
| 男性 | 女性 | 农业人口 | 非农业人口 |
| 1978 | 123.3 | 457.7 | 234.18 | 223.52 | 394.28 | 63.42 |
| 1979 | 124.48 | 462.07 | 235.78 | 226.29 | 394.31 | 67.76 |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1);
        let cells = cells_of(&t[0]);
        assert_eq!(cells.len(), 12);
        assert_eq!(
            cells[0],
            (s(&["1978"]), s(&["总户数"]), "123.3".to_string())
        );
        assert_eq!(
            cells[3],
            (
                s(&["1978"]),
                s(&["其中", "按性别分", "女性"]),
                "223.52".to_string()
            )
        );
        assert_eq!(
            cells[11],
            (
                s(&["1979"]),
                s(&["其中", "按农业和非农业分", "非农业人口"]),
                "67.76".to_string()
            )
        );
    }

    /// Issue 13: one-cell rows over the header (caption, period, unit, spare cells after
    /// them) title the table and give its note; they are no band and no row.
    #[test]
    fn issue_13_caption_period_and_unit_rows_over_a_header() {
        let text = "\
| 表3 某市主要指标 | |||
| 2023年8月 | |||
| 单位:亿元 | |||
| 指标 | 本月 | 累计 |
| 产值 | 10.5 | 80.2 |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].title.as_deref(), Some("表3 某市主要指标"));
        assert_eq!(t[0].note.as_deref(), Some("单位:亿元"));
        assert_eq!(t[0].band, None);
        assert_eq!(
            cells_of(&t[0]),
            [
                (s(&["产值"]), s(&["本月"]), "10.5".to_string()),
                (s(&["产值"]), s(&["累计"]), "80.2".to_string()),
            ]
        );
    }

    /// Issue 13: a row printing only a measure under the header (`增长%`, packed left where
    /// the header lost its spans, or printed as its one cell) is header text whose column
    /// the text does not say: it heads no rows and names no column, and a warning names it;
    /// a row printing a label that is no measure there (`一、收入`) still heads the rows
    /// under it.
    #[test]
    fn a_measure_row_under_the_header_heads_no_rows() {
        let text = "\
| 1、本地生产总值 | |||
| 指标 | 9月 | 1-9月累计 | 累计 |
| 增长% | |||
| 本地生产总值(亿元) | 280.1 | 2527.54 | 11.5 |
| 第一产业 | 6.2 | 59.44 | 25.6 |
";
        let d = testutil::doc(text);
        let t = tables_of(text);
        assert_eq!(t.len(), 1);
        let cells = cells_of(&t[0]);
        assert!(
            cells.contains(&(s(&["本地生产总值(亿元)"]), s(&["累计"]), "11.5".to_string())),
            "{cells:?}"
        );
        assert!(
            cells
                .iter()
                .all(|(r, c, _)| !r.concat().contains('%') && !c.concat().contains('%'))
        );
        assert!(
            d.warnings
                .iter()
                .any(|w| w.code == "header-unplaced" && w.message.contains("增长%")),
            "{:?}",
            d.warnings
        );
        // the same row printed as its one cell (`| 增长% |`): no band over the rows
        let one = text.replace("| 增长% | |||", "| 增长% |");
        let d = testutil::doc(&one);
        let cells = cells_of(&tables_of(&one)[0]);
        assert!(
            cells
                .iter()
                .all(|(r, c, _)| !r.concat().contains('%') && !c.concat().contains('%')),
            "{cells:?}"
        );
        assert!(d.warnings.iter().any(|w| w.code == "header-unplaced"));
        let group = text.replace("| 增长% | |||", "| 一、收入 | |||");
        let cells = cells_of(&tables_of(&group)[0]);
        assert!(
            cells
                .iter()
                .any(|(r, _, _)| r.first().is_some_and(|l| l == "一、收入")),
            "{cells:?}"
        );
    }

    /// Rows of the cells present allow `合计` under either group of `财政拨款收入 财政拨款支出`
    /// over `预算数 合计 一般公共预算`; read under the first, it would be a total no row
    /// prints beside the column it totals. Such a reading names no column (a warning
    /// says why); the values keep their rows.
    #[test]
    fn a_total_printed_beside_nothing_it_totals_names_no_column() {
        let d = crate::table::testutil::doc(concat!(
            "项目| 财政拨款收入| 财政拨款支出\n",
            "---|---|---\n",
            "预算数| 合计| 一般公共预算\n",
            "一、一般公共预算资金| 171915169| |\n",
            "收入总计| 171915169| |\n",
            "一、一般公共服务支出| | 127886849| 127886849\n",
            "二、社会保障和就业支出| | 17560320| 17560320\n",
            "支出总计| | 171915169| 171915169\n",
        ));
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()
                || c.path == ["财政拨款支出", "合计"]
                || !c.path.iter().any(|p| p == "合计")),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows[0].cells[0].raw, "171915169");
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
    }

    /// Issue 13: a page store prints each row's cells present, packed left, then bars up
    /// to the widest row: under the first header row the corner's cell is not printed
    /// again and the spanning cells stand once, so the header is read by its spans (each
    /// group over two columns), not by position; `金额单位:万元` is the table's unit line,
    /// and the line of text over it its caption.
    #[test]
    fn header_rows_of_the_cells_present_padded_by_bars() {
        let text = "\
2013年7月零售总额
金额单位:万元 | ||||||
项目 | 本 年 | 上年同期 | 增长(%) | |||
本月 | 1-本月 | 上年本月 | 上年1-本月 | 本月 | 累计 | |
合计 | 200.5 | 1400.2 | 180.1 | 1260.4 | 11.3 | 11.1 |
城镇 | 180.2 | 1240.1 | 160.9 | 1100.3 | 12.0 | 12.7 |
";
        // each column's path, white space closed up
        let cols = |t: &Table| -> Vec<String> {
            t.columns
                .iter()
                .map(|c| c.path.join(">").replace(' ', ""))
                .collect()
        };
        let t = tables_of(text);
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].note.as_deref(), Some("金额单位:万元"));
        // (the line of text right over its unit row is its caption)
        assert_eq!(t[0].title.as_deref(), Some("2013年7月零售总额"));
        assert_eq!(
            cols(&t[0]),
            [
                "本年>本月",
                "本年>1-本月",
                "上年同期>上年本月",
                "上年同期>上年1-本月",
                "增长(%)>本月",
                "增长(%)>累计"
            ]
        );
        // with a leading bar, and a row of units under the labels: each unit is its
        // label's (`零售总额(亿元)`), no level of its own
        let text = "\
| 地 区 | 2008 | 2009 | ||
| 零售总额 | 增 长 | 零售总额 | 增 长 | |
| (亿元) | (%) | (亿元) | (%) | |
| 全 国 | 114830.1 | 22.7 | 132678.4 | 15.5 |
| 北 京 | 4645.5 | 21.1 | 5309.9 | 14.3 |
";
        let t = tables_of(text);
        assert_eq!(
            cols(&t[0]),
            [
                "2008>零售总额(亿元)",
                "2008>增长(%)",
                "2009>零售总额(亿元)",
                "2009>增长(%)"
            ]
        );
    }

    /// Issue 13: rows of the cells present (a group label spanning two rows printed in the
    /// first only), each row's last label its unit (`%`): the unit is the row's values',
    /// no level of the row path, so the second row's path is the group's and its own.
    #[test]
    fn a_unit_column_of_rows_packed_left_is_no_level() {
        let text = "\
一级指标 | 二级指标 | 计量单位 | 1-3月 |
经济稳定 | 1.地区生产总值增长率 | % | 7.2 |
2.居民消费价格涨幅 | % | 2.7 | |
结构优化 | 3.服务业增加值比重 | % | 55.75 |
4.制造业增加值比重 | % | 57.8 | |
";
        let t = tables_of(text);
        let cells = cells_of(&t[0]);
        for want in [
            (
                s(&["经济稳定", "2.居民消费价格涨幅"]),
                s(&["1-3月"]),
                "2.7".to_string(),
            ),
            (
                s(&["结构优化", "4.制造业增加值比重"]),
                s(&["1-3月"]),
                "57.8".to_string(),
            ),
        ] {
            assert!(cells.contains(&want), "{want:?} not in {cells:?}");
        }
        let units: Vec<Option<&str>> = t[0]
            .rows
            .iter()
            .map(|r| r.cells[0].unit.as_deref())
            .collect();
        assert_eq!(units, [Some("%"); 4]);
    }

    /// Issue 13: a unit column of prices' units (`元/5升`, `元/500克`) is no level of the row
    /// path: the unit goes to the row's prices, never to a column of percentages
    /// (`比上月%`).
    #[test]
    fn a_column_of_price_units_gives_the_prices_their_unit() {
        let text = "\
商品名称 | 计量单位 | 本月平均 | 上月平均 | 比上月% |
菜籽油 | 元/5升 | 76.70 | 76.70 | 0 |
鲜猪肉 | 元/500克 | 17.09 | 18.13 | -5.7 |
鲜牛肉 | 元/500克 | 48.25 | 47.50 | 1.6 |
";
        let t = tables_of(text);
        let rows: Vec<(Vec<String>, Vec<Option<&str>>)> = t[0]
            .rows
            .iter()
            .map(|r| {
                (
                    r.path.clone(),
                    r.cells.iter().map(|c| c.unit.as_deref()).collect(),
                )
            })
            .collect();
        assert_eq!(rows[0].0, ["菜籽油"]);
        assert_eq!(rows[0].1, [Some("元/5升"), Some("元/5升"), None]);
        assert_eq!(rows[1].0, ["鲜猪肉"]);
        assert_eq!(rows[1].1, [Some("元/500克"), Some("元/500克"), None]);
    }

    /// Issue 13: `pdftotext -layout` sets a figure squeezed against a long label left of
    /// its column, where it opens a column no header names; no row prints in both, so the
    /// two are one column: the figure is the named column's, never an empty cell there.
    #[test]
    fn a_figure_squeezed_left_of_its_column_is_that_columns() {
        let text = concat!(
            "              项目                 本年支出合计 基本支出 项目支出\n",
            "合计                            2940.05    2336.91 603.14\n",
            "一般公共服务支出                      2106.66    1503.52 603.14\n",
            "     行政运行                     1511.89    1503.52 8.37\n",
            "     一般行政管理事务                 10.0               10.0\n",
            "社会保障和就业支出                     326.72     326.72\n",
            "     机关事业单位基本养老保险缴费支出 160.75             160.75\n",
            "     机关事业单位职业年金缴费支出 80.38                80.38\n",
        );
        let t = tables_of(text);
        let cols: Vec<String> = t[0].columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["本年支出合计", "基本支出", "项目支出"]);
        let last = t[0].rows.last().unwrap();
        let raws: Vec<&str> = last.cells.iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(raws, ["80.38", "80.38", ""]);
    }

    /// Issue 13: a header line of words one space apart standing over every value column
    /// (`Age group Female % Male % Total %` over six columns) gives them all one path: it
    /// tells none apart, so no column is named (the rows are kept).
    #[test]
    fn a_header_giving_every_column_one_path_names_none() {
        let text = "\
Unit : Th. persons
Age group Female % Male % Total %
0- 4        350.8  12.9  356.1  13.4  706.9  13.1
5- 9        410.7  15.1  419.9  15.8  830.5  15.5
10-14       405.2  14.9  401.3  15.1  806.5  15.0
";
        let t = tables_of(text);
        assert_eq!(t[0].columns.len(), 6);
        assert!(t[0].columns.iter().all(|c| c.path.is_empty()));
        assert_eq!(t[0].rows[2].path, s(&["10-14"]));
        assert_eq!(t[0].rows[2].cells[4].raw, "806.5");
    }

    /// Issue 13: a first label column naming every row (`籼米`, `面粉`, no two alike) makes
    /// the label columns right of it descriptions of the row, kept as its attributes under
    /// their headers; a group column left of the naming one stays a level.
    #[test]
    fn label_columns_right_of_the_one_naming_every_row_describe_it() {
        let text = "\
项目名称 | 规格等级 | 指标解释 | 单位 | 本期均价 | 上期均价 |
籼米 | 主食 | 二级 | 元/500克 | 2.19 | 2.19 |
面粉 | 主食 | 特一粉 | 元/500克 | 2.89 | 2.89 |
菜籽油 | 食用油 | 桶装一级压榨 | 元/5升 | 71.90 | 71.90 |
";
        let t = tables_of(text);
        let paths: Vec<Vec<String>> = t[0].rows.iter().map(|r| r.path.clone()).collect();
        assert_eq!(paths, [s(&["籼米"]), s(&["面粉"]), s(&["菜籽油"])]);
        let attrs: Vec<(Option<&str>, &str)> = t[0].rows[2]
            .attributes
            .iter()
            .map(|a| (a.name.as_deref(), a.text.as_str()))
            .collect();
        assert_eq!(
            attrs,
            [
                (Some("规格等级"), "食用油"),
                (Some("指标解释"), "桶装一级压榨")
            ]
        );
        assert_eq!(t[0].rows[2].cells[0].unit.as_deref(), Some("元/5升"));
        // the group printed on every row of its own is a level: its rows are not named
        // by it alone
        let text = "\
类别 | 品名 | 本期 | 上期 |
主食 | 籼米 | 2.19 | 2.19 |
主食 | 面粉 | 2.89 | 2.89 |
食用油 | 菜籽油 | 71.90 | 71.90 |
";
        let t = tables_of(text);
        assert_eq!(t[0].rows[1].path, s(&["主食", "面粉"]));
        assert!(t[0].rows[1].attributes.is_empty());
    }

    /// Issue 13: a first column under `Item` is the labels' column though most of its
    /// cells print as numbers (`40307`: a spreadsheet's date for the age group `5- 9`).
    #[test]
    fn a_first_column_under_a_word_naming_the_rows_holds_labels() {
        let text = "\
| Item  | Female | %    | Male  | %    |
|-------|--------|------|-------|------|
| 0- 4  | 431.1  | 15.4 | 438.8 | 16.1 |
| 40307 | 413.2  | 14.8 | 429.0 | 15.7 |
| 40465 | 356.1  | 12.7 | 375.7 | 13.8 |
";
        let t = tables_of(text);
        assert_eq!(t[0].columns.len(), 4);
        assert_eq!(t[0].rows[1].path, s(&["40307"]));
        assert_eq!(t[0].rows[1].cells[0].raw, "413.2");
    }

    /// Issue 13: a year printing no value over its quarters, below a row of weights, the
    /// quarters' labels repeating under each year (markdownify drops the indentation):
    /// each year heads its quarters. Labels that do not repeat are not grouped so.
    #[test]
    fn heads_printing_nothing_over_labels_repeating_from_head_to_head() {
        let text = "\
| Item | Food | Drinks | All Items |
| --- | --- | --- | --- |
| Weight | 429 | 47 | 1000 |
| 2006 |  |  |  |
| Mar Qtr | 103.2 | 104.0 | 105.0 |
| Jun Qtr | 109.1 | 105.6 | 108.2 |
| 2007 |  |  |  |
| Mar Qtr | 110.9 | 112.9 | 109.6 |
| Jun Qtr | 110.2 | 114.8 | 110.3 |
";
        let t = tables_of(text);
        let paths: Vec<Vec<String>> = t[0].rows.iter().map(|r| r.path.clone()).collect();
        assert_eq!(paths[0], s(&["Weight"]));
        assert_eq!(paths[2], s(&["2006", "Mar Qtr"]));
        assert_eq!(paths[6], s(&["2007", "Jun Qtr"]));
        assert_eq!(t[0].rows[6].cells[2].raw, "110.3");
        // a row printing nothing over rows of other names heads nothing: the next top
        // row would fall under it
        let text = "\
| 地区 | 生产总值 | 第一产业 |
| --- | --- | --- |
| 福建 | 108.3 | 103.5 |
| 福州市 | 108.0 | 103.6 |
| 福州市辖区 |  |  |
| 鼓楼区 | 108.0 | 107.7 |
| 台江区 | 106.9 | 107.5 |
| 厦门市 | 107.7 | 102.6 |
";
        let t = tables_of(text);
        assert_eq!(t[0].rows[5].path, s(&["厦门市"]));
    }

    /// Issue 13: the last label column printing one text in every row (`价格类型`:
    /// `平均价格`) tells no row from another: no level of the row path, kept in the note
    /// under its header.
    #[test]
    fn a_label_column_of_one_text_in_every_row_is_no_level() {
        let text = "\
商品名称 | 规格 | 价格类型 | 本月平均 | 上月平均 |
鲜猪肉 | 精瘦肉 | 平均价格 | 17.09 | 18.13 |
鲜猪肉 | 肋条肉 | 平均价格 | 17.49 | 17.92 |
鸡蛋 | 新鲜完整 | 平均价格 | 6.08 | 5.80 |
";
        let t = tables_of(text);
        let paths: Vec<Vec<String>> = t[0].rows.iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            paths,
            [
                s(&["鲜猪肉", "精瘦肉"]),
                s(&["鲜猪肉", "肋条肉"]),
                s(&["鸡蛋", "新鲜完整"])
            ]
        );
        assert_eq!(t[0].note.as_deref(), Some("价格类型：平均价格"));
        // two rows do not show the column constant: it stays a level
        let two = "\
商品名称 | 规格 | 本月平均 |
鲜猪肉 | 精瘦肉 | 17.09 |
鸡蛋 | 精瘦肉 | 6.08 |
";
        let t = tables_of(two);
        assert_eq!(t[0].rows[1].path, s(&["鸡蛋", "精瘦肉"]));
    }

    /// Issue 13: `持平` (no change) printed in a change column is that row's value cell, not
    /// a header: the rows under it stay in the table.
    #[test]
    fn a_no_change_word_in_a_value_cell_keeps_the_table_whole() {
        let text = "\
| 指标 | 本月 | 增减百分点 |
| 交通运输业 | 1.5 | -0.1 |
| 住宿和餐饮业 | 1.3 | 持平 |
| 金融业 | 8.4 | -0.4 |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1, "{t:?}");
        let cells = cells_of(&t[0]);
        for want in [
            (s(&["住宿和餐饮业"]), s(&["增减百分点"]), "持平".to_string()),
            (s(&["金融业"]), s(&["增减百分点"]), "-0.4".to_string()),
        ] {
            assert!(cells.contains(&want), "{want:?} not in {cells:?}");
        }
    }

    /// Issue 13: of the one-cell rows over a header, a numbered caption nearest the header
    /// names the table, not the page's title over it nor the note of the table before
    /// (`注:…`).
    #[test]
    fn a_numbered_caption_nearest_the_header_names_the_table() {
        let text = "\
| 1-9月进度数据发布 | |||
| 1、本地生产总值 | |||
| 指标 | 9月 | 累计 |
| 本地生产总值(亿元) | 280.1 | 2527.54 |
| 注:绝对数按现行价计算。 | |||
| 2、农业生产 | |||
| 指标 | 9月 | 累计 |
| 农业总产值(亿元) | 12.3 | 112.25 |
";
        let titles: Vec<Option<String>> = tables_of(text).into_iter().map(|t| t.title).collect();
        assert_eq!(
            titles,
            [
                Some("1、本地生产总值".to_string()),
                Some("2、农业生产".to_string())
            ]
        );
    }

    /// Issue 13: a last column empty in every row is spare; a lone header row ending in an
    /// empty cell that labels every value column (and not the row labels) sits one place
    /// left of its columns.
    #[test]
    fn issue_13_spare_cells_at_the_end_of_rows() {
        let text = "\
甲 | 乙 | 丙 | |
A | 1 | 2 | 3 |
B | 4 | 5 | 6 |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1);
        let (cols, rws) = paths(&t[0]);
        assert_eq!(cols, [s(&["甲"]), s(&["乙"]), s(&["丙"])]);
        assert_eq!(rws, [s(&["A"]), s(&["B"])]);
        let text = "\
指标 | 本月 | 增长(%) | |
总额 | 10.5 | 4.3 | |
分项 | 9.5 | 3.6 | |
";
        let t = tables_of(text);
        let (cols, _) = paths(&t[0]);
        assert_eq!(cols, [s(&["本月"]), s(&["增长(%)"])]);
        assert_eq!(t[0].stub, ["指标"]);
    }

    /// Issue 13: in one label column, a numbered group label with no values heads the
    /// numbered rows below it; a row replaces the label of its own level only.
    #[test]
    fn issue_13_numbered_groups_in_one_label_column() {
        let text = "\
项目 | 面积 | 产量 |
全年 | 10 | 20 |
一、分季节 | | |
1、夏粮 | 4 | 8 |
2、秋粮 | 6 | 12 |
二、分品种 | | |
1、谷物 | 9 | 18 |
其中:玉米 | 5 | 9 |
稻谷 | 4 | 9 |
2、豆类 | 1 | 2 |
";
        let t = tables_of(text);
        let rws: Vec<Vec<String>> = t[0]
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.raw.is_empty()))
            .map(|r| r.path.clone())
            .collect();
        assert_eq!(
            rws,
            [
                s(&["全年"]),
                s(&["一、分季节", "1、夏粮"]),
                s(&["一、分季节", "2、秋粮"]),
                s(&["二、分品种", "1、谷物"]),
                s(&["二、分品种", "1、谷物", "其中:玉米"]),
                s(&["二、分品种", "1、谷物", "稻谷"]),
                s(&["二、分品种", "2、豆类"]),
            ]
        );
    }

    /// Issue 13: `#` (其中) rows are breakdowns of the row above: a group is the fewest rows
    /// adding up to its head, or runs to the row before the next head a `#` row follows;
    /// a `#` row after a group that added up opens another breakdown of the same head.
    #[test]
    fn issue_13_marked_breakdowns_nest_under_their_head() {
        let text = "\
指标 | 本月 | 增长(%) |
总额 | 100.5 | 4.3 |
#甲 | 60.25 | 3.6 |
乙 | 40.25 | 5.0 |
#丙 | 70.0 | 1.0 |
丁 | 30.5 | 2.0 |
中位数 | 90 | 1.0 |
产值 | 500 | 2.0 |
#戊 | 100 | 1.0 |
己 | 50 | 1.0 |
销售值 | 400 | 3.0 |
#戊 | 90 | 1.0 |
";
        let t = tables_of(text);
        let rws: Vec<Vec<String>> = t[0].rows.iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            rws,
            [
                s(&["总额"]),
                s(&["总额", "#甲"]),
                s(&["总额", "乙"]),
                s(&["总额", "#丙"]),
                s(&["总额", "丁"]),
                s(&["中位数"]),
                s(&["产值"]),
                s(&["产值", "#戊"]),
                s(&["产值", "己"]),
                s(&["销售值"]),
                s(&["销售值", "#戊"]),
            ]
        );
    }

    /// Issue 13: a plain short line with a period line under it, or a numbered caption
    /// (`2-3 总产出`), titles the pipe table below; one-cell rows of running text after
    /// the last values are paragraphs and headings, not rows.
    #[test]
    fn issue_13_caption_lines_and_text_after_the_values() {
        let text = "\
城乡居民收支指标
2015年上半年
指标名称 | 绝对值(元) | 增长(%) |
可支配收入 | 15443 | 8.7 |
中位数 | 13260 | 10.8 |
一、统计范围: | | |
本表的统计范围是全省城乡住户，按照国家统一的抽样方法抽取调查户并按月记账汇总。 | | |
";
        let d = testutil::doc(text);
        let t = tables_of(text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].title.as_deref(), Some("城乡居民收支指标"));
        assert_eq!(t[0].rows.len(), 2);
        assert!(d.blocks.iter().any(|b| matches!(b,
            crate::model::Block::Heading(h) if h.number == "一" && h.title == "统计范围")));
        let t = tables_of("2-3 总产出\n项目 | 2013 年 | 2014 年 |\n工业 | 5 | 6 |\n");
        assert_eq!(t[0].title.as_deref(), Some("2-3 总产出"));
    }

    /// Issue 13: a first row of years is a header; a leading column numbering the rows
    /// `1, 2, 3` (named or not by the header) is dropped; labels stating a unit head
    /// blocks, a valueless row heads the rest of its block.
    #[test]
    fn issue_13_years_header_rank_column_and_unit_heads() {
        let t = tables_of("项目 | 2013 | 2014 |\n工业 | 5 | 6 |\n建筑 | 1 | 2 |\n");
        assert_eq!(
            cells_of(&t[0])[..2],
            [
                (s(&["工业"]), s(&["2013"]), "5".to_string()),
                (s(&["工业"]), s(&["2014"]), "6".to_string()),
            ]
        );
        let text = "\
| 地区 | 产量(万吨) | 增长(%) | |
|---|---|---|---|
| 1 | 北京市 | 0.02 | -22.25 |
| 2 | 天津市 | 3.77 | -3.85 |
";
        let t = tables_of(text);
        assert_eq!(
            cells_of(&t[0])[..2],
            [
                (s(&["北京市"]), s(&["产量(万吨)"]), "0.02".to_string()),
                (s(&["北京市"]), s(&["增长(%)"]), "-22.25".to_string()),
            ]
        );
        let text = "\
项目 | 2013 | 2014 |
总产出(亿元) | 10 | 12 |
第一产业 | 4 | 5 |
第二产业 | 6 | 7 |
按行业分 | | |
工业 | 5 | 6 |
总产出指数(上年=100) | 105 | 106 |
第一产业 | 101 | 102 |
";
        let t = tables_of(text);
        let rws: Vec<Vec<String>> = t[0].rows.iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            rws,
            [
                s(&["总产出(亿元)"]),
                s(&["总产出(亿元)", "第一产业"]),
                s(&["总产出(亿元)", "第二产业"]),
                s(&["总产出(亿元)", "按行业分"]),
                s(&["总产出(亿元)", "按行业分", "工业"]),
                s(&["总产出指数(上年=100)"]),
                s(&["总产出指数(上年=100)", "第一产业"]),
            ]
        );
    }

    /// Issue 13: a form's row coding its columns (`甲 | 乙 | 1 | 2`) is no data: it shows
    /// which columns are labels (lettered) and which values (numbered), so a column of row
    /// codes (`01`, `02`) is a label column, and no level of the row path.
    #[test]
    fn issue_13_column_code_row_and_row_codes() {
        let text = "\
指标 | 代码 | 本期 | 累计 |
甲 | 乙 | 1 | 2 |
来信数 | 01 | 3 | 9 |
来访数 | 02 | | 8 |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].stub, ["指标", "代码"]);
        assert_eq!(
            cells_of(&t[0]),
            [
                (s(&["来信数"]), s(&["本期"]), "3".to_string()),
                (s(&["来信数"]), s(&["累计"]), "9".to_string()),
                (s(&["来访数"]), s(&["本期"]), "".to_string()),
                (s(&["来访数"]), s(&["累计"]), "8".to_string()),
            ]
        );
    }

    /// Issue 13: a 备注 column whose remark ends some rows of figures (`13.50 | 14.14 |
    /// 正常波动;`): those rows are data of the same table, the remark a text cell of its
    /// column, and no value moves; a header row of years then a label stays a header.
    #[test]
    fn issue_13_a_remark_ends_rows_of_figures() {
        let text = "\
项目名称 | 本期均价 | 上期均价 | 变动幅度 | 备注 |
籼米 | 2.19 | 2.19 | -- | |
猪肉 | 13.50 | 14.14 | -4.53% | 正常波动; |
仔猪 | 23.22 | 22.56 | 2.93% | 正常波动; |
玉米 | 3.07 | 3.06 | 0.33% | |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1, "{t:?}");
        let cols: Vec<Vec<String>> = t[0].columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(
            cols,
            [
                s(&["本期均价"]),
                s(&["上期均价"]),
                s(&["变动幅度"]),
                s(&["备注"])
            ]
        );
        let cells = cells_of(&t[0]);
        assert_eq!(cells.len(), 16);
        assert!(cells.contains(&(s(&["猪肉"]), s(&["本期均价"]), "13.50".to_string())));
        assert!(cells.contains(&(s(&["猪肉"]), s(&["备注"]), "正常波动;".to_string())));
        assert!(cells.contains(&(s(&["玉米"]), s(&["变动幅度"]), "0.33%".to_string())));
        assert_eq!(before_remark(&s(&["指标", "2019", "2020", "增长%"])), 0);
        assert_eq!(before_remark(&s(&["猪肉", "13.50", "14.14", "正常"])), 3);
    }

    /// Issue 13: a blank form (no value printed; its row codes are no values) has no
    /// group rows: an unnumbered row after numbered ones is at the top again.
    #[test]
    fn issue_13_blank_form_rows_after_numbered_breakdowns() {
        let text = "\
指标 | 代码 | 本期 |
甲 | 乙 | 1 |
来访数 | 01 | |
其中:1.个人来访数 | 02 | |
2.集体来访数 | 03 | |
办结数 | 04 | |
";
        let t = tables_of(text);
        let rws: Vec<Vec<String>> = t[0].rows.iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            rws,
            [
                s(&["来访数"]),
                s(&["来访数", "其中:1.个人来访数"]),
                s(&["来访数", "2.集体来访数"]),
                s(&["办结数"]),
            ]
        );
    }

    /// Issue 13: a yearbook's time series keys its rows by year (`1950 | 3 634 | 1 054`):
    /// the first column of years in order labels the rows under the corner `年份`; a
    /// header row printing another label over the years (its corner cell covered by the
    /// row above) names no columns, the values stay, unnamed, with a warning.
    #[test]
    fn issue_13_a_first_column_of_years_labels_the_rows() {
        let t = tables_of(
            "年 份 | 地区生产总值 | 人均 |\n1950 | 3 634 | 1 054 |\n1951 | 3 969 | 1 159 |\n",
        );
        assert_eq!(t[0].stub, s(&["年 份"]));
        assert_eq!(
            cells_of(&t[0]),
            [
                (s(&["1950"]), s(&["地区生产总值"]), "3 634".to_string()),
                (s(&["1950"]), s(&["人均"]), "1 054".to_string()),
                (s(&["1951"]), s(&["地区生产总值"]), "3 969".to_string()),
                (s(&["1951"]), s(&["人均"]), "1 159".to_string()),
            ]
        );
        let text = "第一产业 | 第二产业 | 第三产业 |\n1950 | 3 634 | 1 054 | 980 |\n1951 | 3 969 | 1 159 | 1 003 |\n";
        let d = testutil::doc(text);
        let t = tables_of(text);
        assert!(
            t[0].columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t[0].columns
        );
        assert_eq!(t[0].rows[0].path, s(&["1950"]));
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
    }

    /// Issue 13: the corner over a column of years may name the row labels whatever they
    /// are (`项目`, `Item`): the header over the values stands where it is printed.
    #[test]
    fn issue_13_a_corner_naming_the_rows_over_years_keeps_the_header() {
        let t =
            tables_of("项目 | 地区生产总值 | 人均 |\n1950 | 3634 | 1054 |\n1951 | 3969 | 1159 |\n");
        assert_eq!(t[0].stub, s(&["项目"]));
        assert_eq!(t[0].columns[1].path, s(&["人均"]));
        assert_eq!(t[0].rows[1].path, s(&["1951"]));
    }

    /// Issue 13: pandoc prints a header's lower rows packed left under its first row;
    /// over a column of years (a yearbook's time series, its corner `Item` spanning down)
    /// they are unpacked as over a column of labels.
    #[test]
    fn issue_13_pandoc_header_rows_over_a_column_of_years_are_unpacked() {
        let t = tables_of(concat!(
            "| Item | Households | Of which | |\n",
            "|------|------------|----------|---|\n",
            "| Male | Female     |          |  |\n",
            "| 1978 | 123.3      | 234.18   | 223.52 |\n",
            "| 1979 | 124.48     | 235.78   | 226.29 |\n",
        ));
        let cols: Vec<String> = t[0].columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["Households", "Of which/Male", "Of which/Female"]);
        assert_eq!(t[0].rows[1].path, s(&["1979"]));
    }

    /// Issue 13: a year printed alone in the label column heads the indented months under
    /// it (`2006 |  |` over `Mar Qtr | 103.2 |`): it is a group's label, not a row packed
    /// left that lost its label to a cell spanning rows.
    #[test]
    fn issue_13_a_year_alone_in_the_label_column_heads_the_rows_under_it() {
        let t = tables_of(concat!(
            "| Item | Food | Drinks |\n",
            "|---|---|---|\n",
            "| Weight | 429 | 47 |\n",
            "| 2006 | | |\n",
            "|     Mar Qtr | 103.2 | 104.0 |\n",
            "|     Jun Qtr | 109.1 | 105.6 |\n",
            "| 2007 | | |\n",
            "|     Mar Qtr | 111.8 | 114.6 |\n",
        ));
        let paths: Vec<String> = t[0].rows.iter().map(|r| r.path.join("/")).collect();
        assert_eq!(
            paths,
            [
                "Weight",
                "2006",
                "2006/Mar Qtr",
                "2006/Jun Qtr",
                "2007",
                "2007/Mar Qtr"
            ]
        );
        assert_eq!(t[0].rows[1].cells[0].kind, CellKind::Empty);
    }

    /// Issue 13: a column of years in order after the row labels (`Persons 14 years and
    /// over | 1940 | …`, the label printed on its group's first row) labels the rows with
    /// them; counts that read as years (`1944`, `1994`) stay values.
    #[test]
    fn issue_13_a_column_of_years_after_the_labels_labels_the_rows() {
        let t = tables_of(concat!(
            "| Item | | Population | Labor force |\n",
            "|---|---|---|---|\n",
            "| 14 years and over | 1940 | 99840 | 55640 |\n",
            "| | 1941 | 99900 | 55910 |\n",
            "| | 1942 | 98640 | 56410 |\n",
            "| 16 years and over | 1942 | 93220 | 54630 |\n",
        ));
        assert_eq!(t[0].rows[2].path, s(&["14 years and over", "1942"]));
        assert_eq!(t[0].rows[3].path, s(&["16 years and over", "1942"]));
        assert_eq!(t[0].rows[3].cells[1].raw, "54630");
        // the rows under the first of a group packed left, as markdownify prints them
        // (the label spanning them dropped): the same years
        let t = tables_of(concat!(
            "| Item | | Population | Labor force |\n",
            "|---|---|---|---|\n",
            "| 14 years and over | 1940 | 99840 | 55640 |\n",
            "| 1941 | 99900 | 55910 |\n",
            "| 1942 | 98640 | 56410 |\n",
            "| 16 years and over | 1947 | 93220 | 54630 |\n",
            "| 1948 | 94640 | 55540 |\n",
        ));
        assert_eq!(t[0].stub, ["Item"]);
        assert_eq!(t[0].columns.len(), 2);
        assert_eq!(t[0].rows[1].path, s(&["14 years and over", "1941"]));
        assert_eq!(t[0].rows[4].path, s(&["16 years and over", "1948"]));
        assert_eq!(t[0].rows[4].cells[0].raw, "94640");
        let t = tables_of(concat!(
            "| 事项 | 数量 | 人次 | 金额 |\n",
            "|---|---|---|---|\n",
            "| 行政处罚 | 1944 | 143 | 42605 |\n",
            "| 行政强制 | 1994 | 98 | 7190 |\n",
            "| 行政许可 | 2003 | 12 | 88 |\n",
        ));
        assert_eq!(t[0].rows[1].path, s(&["行政强制"]));
        assert_eq!(t[0].rows[1].cells[0].raw, "1994");
    }

    /// Issue 13: a lower header row of years and spans of years, in no order, under the
    /// groups it splits (`指数 | 1995 | 2000 | 1996-2000 | 2001-2005`), heads the columns:
    /// it is no row of values opening the table.
    #[test]
    fn issue_13_a_header_row_of_periods_in_no_order_is_header() {
        let t = tables_of(concat!(
            "| 项目 | 总量 | | 增长 | |\n",
            "|---|---|---|---|---|\n",
            "| | 2000 | 2007 | 1996-2000 | 2001-2005 |\n",
            "| 人口 | 2848.8 | 2816.0 | -0.4 | -0.3 |\n",
            "| 就业 | 1690.0 | 1620.8 | -0.2 | -0.9 |\n",
        ));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].columns[2].path, s(&["增长", "1996-2000"]));
        assert_eq!(t[0].rows[1].cells[3].raw, "-0.9");
    }

    /// Issue 13: a year letter-spaced over the months it heads (`2 0 0 4`) is a year: its
    /// header row is no row of values that would part the table from its header.
    #[test]
    fn issue_13_a_letter_spaced_year_over_its_months_heads_them() {
        let t = tables_of(concat!(
            "Item | 2 0 0 4 | | 2 0 0 3 | |\n",
            " | Jan | Feb | Jan | Feb |\n",
            "All items | 175.0 | 175.4 | 169.2 | 169.6 |\n",
            "Food | 161.4 | 161.4 | 156.2 | 156.3 |\n",
        ));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].columns[2].path, s(&["2 0 0 3", "Jan"]));
        assert_eq!(t[0].rows[1].cells[3].raw, "156.3");
    }

    /// A header naming a column by one label twice over (`Percent > Percent`) was stacked
    /// from other cells' words: its columns are left unnamed, the values kept, with a
    /// warning; a total of a total (`Total > Total`) is a name as printed.
    #[test]
    fn a_header_naming_a_column_twice_over_names_no_column() {
        let text = "项目 | Percent | Percent |\n项目 | Percent | Total |\n甲 | 1.5 | 20 |\n乙 | 2.5 | 30 |\n";
        let d = testutil::doc(text);
        let t = tables_of(text);
        assert!(
            t[0].columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t[0].columns
        );
        assert_eq!(t[0].rows.len(), 2);
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
        let t = tables_of("项目 | Total | Total |\n项目 | Total | Male |\n甲 | 1.5 | 20 |\n");
        assert_eq!(t[0].columns[0].path, s(&["Total", "Total"]));
    }

    /// Issue 13: a cell printing only the unit of the number before it (ABS: `24.3 | | 3.1
    /// | %`, `pts` in the rows of rates) is no value: the number takes it as its unit and
    /// the header's four labels name the four value columns.
    #[test]
    fn issue_13_unit_cells_after_numbers_are_their_units() {
        let text = "\
| | Aug 2010 | Sep 2010 | Change | Change yoy |
| Employed (000) | 11 276.1 | 11 300.4 | 24.3 | | 3.1 | % |
| Unemployed (000) | 613.0 | 611.4 | -1.7 | | -8.8 | % |
| Rate (%) | 5.2 | 5.1 | 0.0 | pts | -0.6 | pts |
| Participation (%) | 65.5 | 65.5 | 0.0 | pts | 0.2 | pts |
";
        let t = tables_of(text);
        let cols: Vec<Vec<String>> = t[0].columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(
            cols,
            [
                s(&["Aug 2010"]),
                s(&["Sep 2010"]),
                s(&["Change"]),
                s(&["Change yoy"])
            ]
        );
        let units = |r: usize| -> Vec<Option<&str>> {
            t[0].rows[r]
                .cells
                .iter()
                .map(|c| c.unit.as_deref())
                .collect()
        };
        assert_eq!(t[0].rows[0].cells[3].value, Some(3.1));
        assert_eq!(units(0), [None, None, None, Some("%")]);
        assert_eq!(units(2), [None, None, Some("pts"), Some("pts")]);
    }

    /// Issue 13: band rows under a header, each over rows of its own (`| Trend |` then
    /// data): the blocks keep the header printed above the first band.
    #[test]
    fn issue_13_bands_under_one_header_keep_it() {
        let text = "\
| | Aug 2010 | Sep 2010 |
|---|---|---|
| Trend |
| Employed | 11 276.1 | 11 300.4 |
| Unemployed | 613.0 | 611.4 |
| Adjusted |
| Employed | 11 275.4 | 11 324.9 |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 2);
        for table in &t {
            let cols: Vec<Vec<String>> = table.columns.iter().map(|c| c.path.clone()).collect();
            assert_eq!(cols, [s(&["Aug 2010"]), s(&["Sep 2010"])]);
        }
        assert_eq!(t[1].rows[0].path, s(&["Adjusted", "Employed"]));
        assert_eq!(t[0].lines[0], 1, "the header's lines are the first block's");
    }

    /// Issue 13: a time series prints the year on its first month only (`2011 Mar`, then
    /// `Apr`, …, `2012 Jan`): the year heads the months after it, each row's path ends
    /// `[year, month]`; a year with a sub-period over no row of sub-periods stays whole.
    #[test]
    fn issue_13_a_year_printed_on_its_first_month_heads_the_months_after_it() {
        let text = "\
| Month | Index | Change |
|---|---|---|
| 2011 Mar | 118.1 | 0.3 |
| Apr | 119.3 | 1.0 |
| 2012 Jan | 121.1 | -0.5 |
| Feb | 121.8 | 0.6 |
| 2013 Q1 | 122.0 | 0.2 |
| Total | 600.0 | 1.6 |
";
        let t = tables_of(text);
        let rws: Vec<Vec<String>> = t[0].rows.iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            rws,
            [
                s(&["2011", "Mar"]),
                s(&["2011", "Apr"]),
                s(&["2012", "Jan"]),
                s(&["2012", "Feb"]),
                s(&["2013 Q1"]),
                s(&["Total"]),
            ]
        );
        assert_eq!(sub_period("一季度"), Some(1));
        assert_eq!(sub_period("12月"), Some(0));
        assert_eq!(sub_period("Sept."), Some(0));
        assert_eq!(sub_period("13月"), None);
    }

    /// Issue 13: a header continued below the `|---|` line whose first cells are years
    /// (`| 1995 | 1996 | 指数 |`, under the corner's span) does not make the years' column
    /// the first value column: a group row printing no value after rows of values
    /// (`业(万人) | | |`) heads the rows below it in the same table, not a new table.
    /// Groups printed one under another with no row between nest; the `#` rows break
    /// down the row above them, checked by their sums in the first column both print.
    #[test]
    fn group_rows_under_a_header_of_years_continued_below_the_delimiter() {
        let text = "\
| 项目 | 总量指标 | | 速度指标 | |
| --- | --- | --- | --- | --- |
| 1995 | 2000 | 2007 | 指数 | |
| 1995 | 2000 |
| 人口与就业 |  |  |  |  |
| 口(万人) |  |  |  |  |
| 年末常住人口 |  | 2848.82 | 2816.0 | 98.8 |
| #城镇人口 |  | 1013.88 | 1361.35 | 134.3 |
| 乡村人口 |  | 1834.94 | 1454.65 | 79.3 |
| 业(万人) |  |  |  |  |
| 就业人员数 | 1709.26 | 1690.0 | 1620.86 | 95.9 |
| 宏观经济 |  |  |  |  |
| 国民经济核算 |  |  |  |  |
| 本市生产总值(亿元) | 1016.25 | 1603.16 | 4122.51 | 217.5 |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1, "{t:#?}");
        let paths: Vec<Vec<String>> = t[0].rows.iter().map(|r| r.path.clone()).collect();
        assert!(
            paths.contains(&s(&["人口与就业", "口(万人)", "年末常住人口", "乡村人口"])),
            "{paths:?}"
        );
        assert!(
            paths.contains(&s(&["宏观经济", "国民经济核算", "本市生产总值(亿元)"])),
            "{paths:?}"
        );
        // one group after rows: whether it closes `口(万人)` only or `人口与就业` too the
        // text does not say; its path starts at it, and a warning says so
        assert!(paths.contains(&s(&["业(万人)", "就业人员数"])), "{paths:?}");
        let d = testutil::doc(text);
        assert!(
            d.warnings.iter().any(|w| w.code == "row-path-guessed"),
            "{:?}",
            d.warnings
        );
        let row = t[0]
            .rows
            .iter()
            .find(|r| r.path.ends_with(&s(&["乡村人口"])))
            .unwrap();
        assert_eq!(row.cells[1].raw, "1834.94");
    }

    /// Issue 13: a header whose blank cells the text prints (html2text's `| Male|
    /// Female| | Male| Female`, the first bar opening an empty cell) allows several
    /// readings; the one whose groups the rows add up (`1145209 = 587039 + 558170`) is
    /// taken. Where the rows add up no reading, no column is named.
    #[test]
    fn blank_header_cells_read_by_the_sums_of_the_rows() {
        let head = "\
Item| Population (person)| Percentage (%)| Sex Ratio (Female=100)  
---|---|---|---  
| Male| Female| | Male| Female  
";
        let text = format!(
            "{head}Total| 1145209| 587039| 558170| 100.0| 51.26| 48.74| 105.17  \n0-4| 64830| 35247| 29583| 5.66| 3.08| 2.58| 119.15  \n"
        );
        let t = tables_of(&text);
        let cols: Vec<Vec<String>> = t[0].columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(cols[0], s(&["Population (person)"]));
        assert_eq!(cols[2], s(&["Population (person)", "Female"]));
        assert_eq!(cols[3], s(&["Percentage (%)"]));
        assert_eq!(cols[6], s(&["Sex Ratio (Female=100)"]));
        assert_eq!(t[0].rows[1].cells[2].raw, "29583");
        // rows that add up no group: the header stays unread
        let text = format!(
            "{head}Total| 1145209| 587039| 558170| 100.0| 51.26| 48.74| 105.17  \n0-4| 64830| 35247| 29583| 5.66| 3.08| 2.70| 119.15  \n"
        );
        let t = tables_of(&text);
        assert!(
            t[0].columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t[0].columns
        );
    }

    /// Issue 13: html2text prints a header's spanning cell once (`增幅%` over `上年同月 |
    /// 上年同期`, printed on the row under the `---` line) and every row's cells, the
    /// empty ones at the end too: those are columns the spans cover, not padding. Five
    /// value columns, then, and which label spans the two is not told (the labels'
    /// likeness put `上年同月` under `同比(上年同月=100)`): no column is named.
    #[test]
    fn empty_cells_every_row_prints_past_a_partial_header_are_columns() {
        let text = "价格指数\n\n项目| 环比(上月=100)| 同比(上年同月=100)| 累比(上年同期=100)| 增幅%  \n---|---|---|---|---  \n上年同月| 上年同期  \n甲类产品| 99.6| 94.7| 95.5| |   \n乙类产品| 99.7| 98.1| 98.0| |   \n丙类产品| 99.5| 98.2| 99.6| |   \n";
        let t = tables_of(text);
        assert_eq!(t[0].columns.len(), 5, "{:?}", t[0].columns);
        assert!(
            !t[0]
                .columns
                .iter()
                .any(|c| c.path.len() == 2 && c.path[0].starts_with("同比")),
            "{:?}",
            t[0].columns
        );
        assert_eq!(t[0].rows[2].cells[2].raw, "99.6");
    }

    /// Issue 13: html2text prints a two-column table's rows with one bar and no outer
    /// ones (`工资福利支出| 95.36`): a row ending in a figure one space after its bar reads
    /// as a label and a number, and was left as a paragraph under the header.
    #[test]
    fn rows_of_one_bar_ending_in_a_figure_are_rows() {
        let text = "基本支出决算表\n\n项目| 决算数  \n---|---  \n工资福利支出| 95.36  \n基本工资| 14.12  \n津贴补贴| 39.72  \n奖金| 0.0  \n";
        let t = tables_of(text);
        let c = cells_of(&t[0]);
        assert!(
            c.contains(&(s(&["基本工资"]), s(&["决算数"]), "14.12".to_string())),
            "{c:?}"
        );
        assert_eq!(t[0].rows.len(), 4);
    }

    /// Issue 13: a header of three rows printed with the cells present only (html2text),
    /// its spans left to rebuild. Which cells of the middle row head the lowest row's,
    /// and how many each, the counts allow several ways; dates tell: a year heads no
    /// other years, and the years under one label and the spans of years under the next
    /// are children of different labels.
    #[test]
    fn dates_choose_the_spans_of_a_header_printed_with_its_cells_present() {
        let text = "Table 4 Output and growth

Item| Output| Growth rates (%)  
---|---|---  
2019| 2020| 2021| Index (2021 = 100)| Average growth  
2019| 2020| 2016-2018| 2019-2021  
Farming| 10.5| 11.2| 12.0| 114.3| 107.1| 3.1| 6.9  
Mining| 4.0| 3.8| 4.4| 110.0| 115.8| -1.2| 4.9  
";
        let t = tables_of(text);
        let cols: Vec<String> = t[0].columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            [
                "Output>2019",
                "Output>2020",
                "Output>2021",
                "Growth rates (%)>Index (2021 = 100)>2019",
                "Growth rates (%)>Index (2021 = 100)>2020",
                "Growth rates (%)>Average growth>2016-2018",
                "Growth rates (%)>Average growth>2019-2021",
            ]
        );
    }

    /// Issue 13: rows labelled by periods (`2Q 2024`, `2023`) under group rows printing
    /// no value, the groups nested by indentation. A year in the first column labels its
    /// row: it says nothing of where the values start, so the group rows are rows, not
    /// header rows starting a new table at each group.
    #[test]
    fn rows_labelled_by_years_under_group_rows_are_one_table() {
        let text = "\
| Item                   | Latest Data | % Change | Period Data |
|------------------------|-------------|----------|-------------|
| Output                 |             |          |             |
|     Gross Output       |             |          |             |
|         2Q 2024        | 1200.5      | 3.1      | 1180.0      |
|         2023           | 4650.2      | -1.0     | 4700.9      |
|     Net Output         |             |          |             |
|         2Q 2024        | 800.1       | 2.0      | 790.3       |
|         2023           | 3100.7      | 0.5      | 3090.2      |
| Output per Head        |             |          |             |
|     2023               | 51200       | -2.2     | 52350       |
";
        let t = tables_of(text);
        assert_eq!(t.len(), 1, "{t:#?}");
        let cols: Vec<String> = t[0].columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(cols, ["Latest Data", "% Change", "Period Data"]);
        let at = |path: &[&str]| {
            t[0].rows
                .iter()
                .find(|r| r.path == path)
                .map(|r| r.cells[0].raw.clone())
        };
        assert_eq!(
            at(&["Output", "Net Output", "2023"]).as_deref(),
            Some("3100.7")
        );
        assert_eq!(at(&["Output per Head", "2023"]).as_deref(), Some("51200"));
    }

    /// Issue 13: group rows nested two deep, their indentation lost (markdownify). The
    /// `Overall` row after the age groups totals them in every column: it closes `Age
    /// group`, and `Male`, `Female` and their `Overall` stand beside it under `Labour
    /// force`. A total printed first, over its parts, would close nothing.
    #[test]
    fn a_total_after_its_group_closes_the_group() {
        let text = "\
| Item | 2001 | 2002 |
| --- | --- | --- |
| Labour force ('000) |  |  |
| Age group |  |  |
| Under 25 | 408 | 396 |
| 25 to 64 | 2976 | 3049 |
| 65 and over | 42 | 42 |
| Overall | 3426 | 3487 |
| Male | 1965 | 1965 |
| Female | 1461 | 1522 |
| Overall | 3426 | 3487 |
";
        let t = tables_of(text);
        let paths: Vec<String> = t[0].rows.iter().map(|r| r.path.join(">")).collect();
        assert!(
            paths.contains(&"Labour force ('000)>Age group>Overall".to_string()),
            "{paths:?}"
        );
        assert!(
            paths.contains(&"Labour force ('000)>Male".to_string()),
            "{paths:?}"
        );
        assert!(!paths.iter().any(|p| p.contains("Age group>Female")));
    }

    /// html2text's text of a header of three rows printing the cells present (`Civilian
    /// labor force` over `Total | Percent of population | Employed | Unemployed`): the
    /// labels leave several span readings tied, and the sums choose the one in which
    /// each total equals the counts under it in every row (the percentages no terms).
    #[test]
    fn the_sums_choose_among_span_readings_the_labels_leave_tied() {
        let text = "Item| Civilian noninstitutional population| Civilian labor force| Not in labor force
---|---|---|---
Total| Percent of population| Employed| Unemployed
Total| Percent of population| Agriculture| Nonagricultural industries| Number| Percent of labor force
Persons 14 years of age and over| 1940| 99840| 55640| 55.7| 47520| 47.6| 9540| 37980| 8120| 14.6| 44200
1941| 99900| 55910| 56.0| 50350| 50.4| 9100| 41250| 5560| 9.9| 43990
1942| 98640| 56410| 57.2| 53750| 54.5| 9250| 44500| 2660| 4.7| 42230
1948| 103068| 60621| 58.8| 58343| 56.6| 7629| 50714| 2276| 3.8| 42447
";
        let d = testutil::doc(text);
        let t = d.tables().next().expect("a table");
        let paths: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(paths[1], "Civilian labor force>Total");
        assert_eq!(paths[5], "Civilian labor force>Employed>Agriculture");
        assert_eq!(paths[7], "Civilian labor force>Unemployed>Number");
        assert_eq!(paths[9], "Not in labor force");
        assert!(!d.warnings.iter().any(|w| w.code == "header-unresolved"));
    }

    /// Where two span readings bear out the same sums (`人员经费 | 公用经费` under
    /// `基本支出` or under `项目支出`: `合计` is the sum of all three leaves either way), the
    /// data do not choose: the columns stay unnamed, the values in their places.
    #[test]
    fn sums_borne_out_alike_by_two_readings_name_no_column() {
        let text = "项目| 本年收入| 本年支出
---|---|---
预算数| 预算数
合计| 基本支出| 项目支出
人员经费| 公用经费
一、一般公共服务支出| | 127886849| 60330260| 24531459| 43025130
二、社会保障和就业支出| | 17560320| 15714000| 646320| 1200000
三、卫生健康支出| | 4668000| 0| 48000| 4620000
";
        let d = testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns
                .iter()
                .all(|c| !c.path.iter().any(|l| l == "人员经费")),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows[0].cells[3].raw, "24531459");
    }

    /// A total sums the columns beside it under its head (a nested group by its leaves,
    /// not by its own total; columns of shares are no terms), and a reading bearing out
    /// more sums is taken over one bearing out fewer.
    #[test]
    fn the_reading_bearing_out_most_sums_is_taken() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
        let nested = vec![
            s(&["Total"]),
            s(&["A", "Total"]),
            s(&["A", "x"]),
            s(&["A", "y"]),
            s(&["Share %"]),
        ];
        let flat = vec![
            s(&["Total"]),
            s(&["A"]),
            s(&["B", "x"]),
            s(&["B", "y"]),
            s(&["Share %"]),
        ];
        assert_eq!(claimed_sums(&nested), [(0, vec![2, 3]), (1, vec![2, 3])]);
        assert_eq!(claimed_sums(&flat), [(0, vec![1, 2, 3])]);
        let row = |v: &[f64]| v.iter().map(|&x| Some((x, 0))).collect::<Vec<_>>();
        // 10 = 7 + 3 and 10 = 10 + 7 + 3 fail; 10 = 10 and ... : only `nested` adds up
        let values = [
            row(&[10.0, 10.0, 7.0, 3.0, 70.0]),
            row(&[5.0, 5.0, 5.0, 0.0, 100.0]),
        ];
        assert!(!sums_contradict(&claimed_sums(&nested), &values));
        assert!(sums_contradict(&claimed_sums(&flat), &values));
        let readings = [(1.0, flat.clone()), (0.0, nested.clone())];
        assert_eq!(reading_by_sums(&readings, &values), Some(nested.clone()));
        // both bear out one sum each: the labels' score decides
        let one = vec![s(&["Total"]), s(&["x"]), s(&["y"])];
        let other = vec![s(&["Total"]), s(&["G", "x"]), s(&["G", "y"])];
        let values = [row(&[10.0, 7.0, 3.0])];
        assert_eq!(
            reading_by_sums(&[(0.0, one.clone()), (0.5, other.clone())], &values),
            Some(other.clone())
        );
        assert_eq!(reading_by_sums(&[(0.0, one), (0.0, other)], &values), None);
    }
}
