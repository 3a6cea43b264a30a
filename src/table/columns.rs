//! A table printed column by column: the row labels one a line, then each value column
//! in turn, a blank line before it and one line per row label in the labels' order (an
//! empty line where the cell is empty). Copying a table out of some PDF viewers, and page
//! stores that walk an HTML table by columns, print it so:
//!
//! ```text
//! 指 标 1990年 1995年
//! 本地生产总值①
//! 年中人口估计(万人)
//! 失业率(%)
//!
//!
//! 33.5
//! 4.4
//!
//!
//! 40.9
//! 3.3
//! ```
//!
//! - The labels: a run of three lines or more printing no value.
//! - The columns: blocks of a blank line and as many lines as there are labels, each a
//!   value or empty, one after the other; two blocks at least, the last of which may be
//!   cut short where the text ends (its rows then lack that cell: `missing`).
//! - The header: the line right above the labels, where its last words, one a block or
//!   more, each hold a digit (`1990年`): they name the blocks in order; the words before
//!   them are the stub's.
//!
//! Nothing else prints labels and blocks of values in that exact rhythm: a block one line
//! longer or shorter than the labels, or a line of text inside it, and the lines are not
//! read so. (Values one a line with blank lines between fit any odd number of labels:
//! each whole block prints two values on consecutive lines somewhere.)

use super::{Piece, RawRow, Shape};
use crate::line_kind::{LineKind, is_value};
use crate::lines::Line;
use crate::normalize::trim;

/// Fewest row labels read so.
const MIN_LABELS: usize = 3;

/// True for a line that prints one value (a figure with a revision mark, `1.7r`, too).
fn value_line(text: &str) -> bool {
    let t = trim(text);
    !t.contains(char::is_whitespace)
        && (is_value(t)
            || t.strip_suffix(|c: char| c.is_ascii_alphabetic())
                .is_some_and(|n| !n.is_empty() && is_value(n)))
}

fn blank(text: &str) -> bool {
    trim(text).is_empty()
}

/// How a run of lines from `at` reads: a header line or not, the labels, the blocks.
struct Layout {
    /// The first line is the header.
    head: bool,
    /// Row labels.
    labels: usize,
    /// `(first value line, lines)` of each block.
    blocks: Vec<(usize, usize)>,
}

/// Reads the lines from `at` as a header line (where it names the blocks) and labels, or
/// as labels alone; `is_label` tells a label line.
fn layout(lines: &[Line], at: usize, is_label: impl Fn(usize) -> bool) -> Option<Layout> {
    [true, false].into_iter().find_map(|head| {
        let first = at + usize::from(head);
        if head && (first >= lines.len() || blank(&lines[at].text)) {
            return None;
        }
        let labels = (first..lines.len()).take_while(|&k| is_label(k)).count();
        if labels < MIN_LABELS {
            return None;
        }
        let blocks = blocks(lines, first + labels, labels);
        let named = !head || header(lines, first, blocks.len()).is_some();
        (named && blocks.len() >= 2 && blocks[0].1 == labels).then_some(Layout {
            head,
            labels,
            blocks,
        })
    })
}

/// The region `[start, end)` of a table printed column by column whose header line or
/// first label is line `i`, where `i` opens the run.
pub fn region(lines: &[Line], kinds: &[LineKind], i: usize) -> Option<(usize, usize)> {
    // (cheap tests on the lines' kinds first: every line of a document comes here) the
    // run opens at `i` and goes on in text lines, a blank line and a value or an empty
    // line after them
    let opens = i == 0 || matches!(kinds[i - 1], LineKind::Blank | LineKind::Value);
    if !opens || kinds[i] == LineKind::Blank || kinds.get(i + 1) != Some(&LineKind::Text) {
        return None;
    }
    let run_end = (i + 1..kinds.len())
        .find(|&k| kinds[k] != LineKind::Text)
        .unwrap_or(kinds.len());
    if kinds.get(run_end) != Some(&LineKind::Blank)
        || !matches!(
            kinds.get(run_end + 1),
            Some(LineKind::Blank | LineKind::Value)
        )
    {
        return None;
    }
    let is_label = |k: usize| {
        kinds[k] == LineKind::Text && !blank(&lines[k].text) && !value_line(&lines[k].text)
    };
    let found = layout(lines, i, is_label)?;
    let end = found.blocks.last().map(|&(s, len)| s + len)?;
    Some((i, end))
}

/// The value blocks from line `at`: `(first value line, lines)` of each, `n` lines long,
/// the last possibly shorter where the text ends.
fn blocks(lines: &[Line], mut at: usize, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    while at < lines.len() && blank(&lines[at].text) {
        let from = at + 1;
        let len = lines[from.min(lines.len())..]
            .iter()
            .take(n)
            .take_while(|l| blank(&l.text) || value_line(&l.text))
            .count();
        let block = &lines[from..from + len];
        let values = block.iter().filter(|l| !blank(&l.text)).count();
        // (values one a line with blank lines between, `0` / `` / `1` / ``, as pdftotext
        // prints a table's cells in drawing order, fit any odd number of labels: a block
        // of a column prints two values on consecutive lines somewhere)
        let consecutive = block.windows(2).any(|w| w.iter().all(|l| !blank(&l.text)));
        // a block cut short is the text's last: nothing but its end may follow it
        if values == 0 || (len == n && !consecutive) || (len < n && from + len < lines.len()) {
            break;
        }
        out.push((from, len));
        if len < n {
            break;
        }
        at = from + len;
    }
    out
}

/// The stub's words and the column names the line over the labels at `first` gives
/// `blocks` columns: its last words holding a digit, one a block or more.
fn header(lines: &[Line], first: usize, blocks: usize) -> Option<(String, Vec<String>)> {
    let text = &lines[first.checked_sub(1)?].text;
    let words: Vec<&str> = text.split_whitespace().collect();
    let named = words
        .iter()
        .rev()
        .take_while(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    if named < blocks {
        return None;
    }
    let stub: String = words[..words.len() - named].concat();
    let names = words[words.len() - named..][..blocks]
        .iter()
        .map(|w| w.to_string())
        .collect();
    Some((stub, names))
}

/// Reads the region found by [`region`].
pub fn read(lines: &[Line]) -> Vec<Piece> {
    let printed = |k: usize| !blank(&lines[k].text) && !value_line(&lines[k].text);
    let Some(Layout {
        head,
        labels: n,
        blocks,
    }) = layout(lines, 0, printed)
    else {
        return vec![Piece::Unread([lines[0].no, lines[lines.len() - 1].no])];
    };
    let head = usize::from(head);
    let names = header(lines, head, blocks.len()).filter(|_| head == 1);
    let mut rows = Vec::with_capacity(n + 1);
    if let Some((stub, names)) = &names {
        let mut cells = vec![stub.clone()];
        cells.extend(names.iter().cloned());
        rows.push(RawRow::printed(lines[0].no, cells));
    }
    for (r, l) in lines[head..head + n].iter().enumerate() {
        let mut cells = vec![trim(&l.text).to_string()];
        for &(from, len) in &blocks {
            if r < len {
                cells.push(trim(&lines[from + r].text).to_string());
            }
        }
        rows.push(RawRow::printed(l.no, cells));
    }
    let first = lines[0].no;
    let last = lines[lines.len() - 1].no;
    let known = Shape {
        head: usize::from(names.is_some()),
        labels: 1,
        values: blocks.len(),
    };
    super::segments(rows, [first, last], true)
        .into_iter()
        .map(|mut seg| {
            seg.known = Some(known);
            Piece::Table { seg, grid: true }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::Document;
    use crate::table::testutil::{doc, path_cells};

    fn only_table(d: &Document) -> &crate::model::Table {
        let mut tables = d.tables();
        let t = tables.next().expect("a table");
        assert!(tables.next().is_none(), "one table");
        t
    }

    /// Labels, then a blank line and a value a label per column, the header over the
    /// labels naming the columns; a group label prints no value and heads the rows under
    /// it; the last column cut short where the text ends leaves its last rows `missing`.
    #[test]
    fn a_table_printed_column_by_column() {
        let d = doc(
            "Main indicators\n\n指 标 1990年 1995年 2000年\n人口\n年中人口(万人)\n\
             出生率(‰)\n死亡率(‰)\n失业率(%)\n\n\n33.5\n20.5\n4.4\n3.2\n\n\n40.9\n14.4\n3.3\n\
             3.6\n\n\n43.1\n8.9\n",
        );
        let t = only_table(&d);
        assert_eq!(t.style, "columns");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["1990年", "1995年", "2000年"]);
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
        let rows = path_cells(t);
        assert_eq!(rows[0], ("人口".to_string(), s(&["", "", ""])));
        assert_eq!(rows[1].0, "人口/年中人口(万人)");
        assert_eq!(rows[1].1, s(&["33.5", "40.9", "43.1"]));
        assert_eq!(rows[2].1, s(&["20.5", "14.4", "8.9"]));
        assert_eq!(rows[4].0, "人口/失业率(%)");
        assert_eq!(rows[4].1, s(&["3.2", "3.6", ""]));
        assert_eq!(
            t.rows[4].cells[2].kind,
            crate::model::CellKind::Missing,
            "the text ends before this cell"
        );
    }

    /// Values one a line with blank lines between (pdftotext's drawing order) under three
    /// header lines fit blocks of any odd length: no block prints two values on
    /// consecutive lines, so they are not read as columns.
    #[test]
    fn alternating_values_and_blank_lines_are_no_columns() {
        let d = doc("表头一\n表头二\n表头三\n\n0\n\n1\n\n0\n\n2\n\n0\n\n1\n");
        assert!(d.tables().all(|t| t.style != "columns"));
    }
}
