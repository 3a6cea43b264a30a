//! pandoc's simple tables (`pandoc -t plain`, Markdown's `simple_tables`): a header line
//! over a rule of dash runs, one run per column, then one line per row, the table ending
//! at a blank line.
//!
//! ```text
//!   Item    Population (person)   Percentage
//!   ------- --------------------- ------------
//!   Total   1145209               100.0
//! ```
//!
//! The rule gives every column's extent exactly (pandoc sets each column as wide as its
//! widest cell, header included), so each line is cut at the columns' starts, in display
//! columns (a CJK character is two wide), whatever the white space between cells: cells
//! a single space apart, or empty ones, stay in their columns. The rows are grid rows;
//! the header rows below the first, which pandoc prints packed left under the cells
//! spanning down, are unpacked by [`crate::table::build`] as in pandoc's pipe tables.
//! The white space before a first cell's text is the page's indentation of the row label.

use super::{Piece, RawRow, Segment};
use crate::line_kind::{leading_width, width};
use crate::lines::Line;

/// The display-column starts of a rule's dash runs (`  ------- -----`: `[2, 10]`), for a
/// line of two runs or more, dashes and spaces only.
///
/// ```
/// use govreport::table::simple::rule_columns;
/// assert_eq!(rule_columns("  ------- ----- --"), Some(vec![2, 10, 16]));
/// assert_eq!(rule_columns("  ---------------"), None);
/// assert_eq!(rule_columns("  ---- a ----"), None);
/// ```
pub fn rule_columns(text: &str) -> Option<Vec<usize>> {
    let t = text.trim_end();
    if t.is_empty() || !t.chars().all(|c| c == '-' || c == ' ') {
        return None;
    }
    let b = t.as_bytes();
    let starts: Vec<usize> = (0..b.len())
        .filter(|&i| b[i] == b'-' && (i == 0 || b[i - 1] == b' '))
        .collect();
    (starts.len() >= 2).then_some(starts)
}

/// A line cut at the display columns `starts`: each cell's text trimmed, and the display
/// width of the white space before the first cell's text past its column's start.
fn cut(text: &str, starts: &[usize]) -> (Vec<String>, usize) {
    let mut cells = vec![String::new(); starts.len()];
    let mut col = 0;
    for c in text.chars() {
        // (text left of the first column belongs to it)
        let k = starts.iter().rposition(|&s| s <= col).unwrap_or(0);
        cells[k].push(c);
        col += width(c);
    }
    let cells = cells
        .iter()
        .map(|c| crate::normalize::trim(c).to_string())
        .collect();
    (cells, leading_width(text).saturating_sub(starts[0]))
}

/// Reads the simple tables of a region: each rule of dash runs with the line over it as
/// its header and the lines under it, down to a blank line, as its rows. `None` when the
/// region holds no such rule, a line of a table prints text where its rule has a gap, or
/// a rule follows a table's last row (the region is no simple table: the aligned reader
/// takes it). Lines outside the tables are text.
pub fn read(lines: &[Line]) -> Option<Vec<Piece>> {
    let rules: Vec<(usize, Vec<usize>)> = (1..lines.len())
        .filter(|&i| !lines[i - 1].is_blank())
        .filter_map(|i| Some((i, rule_columns(&lines[i].text)?)))
        .collect();
    rules.first()?;
    let mut out = Vec::new();
    let mut i = 0;
    for (r, starts) in rules {
        // (a rule right under a table's last row: no simple table)
        if r < i + 1 {
            return None;
        }
        let head = r - 1;
        let end = (r + 1..lines.len())
            .find(|&k| lines[k].is_blank() || rule_columns(&lines[k].text).is_some())
            .unwrap_or(lines.len());
        if end == r + 1 {
            return None;
        }
        // every line's text within the columns: no character on a gap of the rule (pandoc
        // sets columns one space apart at least)
        let rule = lines[r].text.as_bytes();
        let on_gap = |t: &str| {
            let mut col = 0;
            t.chars().any(|c| {
                let w = width(c);
                let hit = !c.is_whitespace()
                    && (col..col + w.max(1)).any(|p| p > starts[0] && rule.get(p) == Some(&b' '));
                col += w;
                hit
            })
        };
        if (head..end).any(|k| k != r && on_gap(&lines[k].text)) {
            return None;
        }
        // the lines right over the header (a blank line at most between): caption, period
        // and unit lines, for the table to title itself; lines above them are text
        let mut top = head;
        while top > i && (!lines[top - 1].is_blank() || top - 1 > i && top == head) {
            top -= 1;
        }
        let above: Vec<String> = (top..head)
            .filter(|&k| !lines[k].is_blank())
            .map(|k| crate::normalize::trim(&lines[k].text).to_string())
            .collect();
        out.extend((i..top).map(|k| Piece::Text(lines[k].no)));
        let rows: Vec<RawRow> = (head..end)
            .filter(|&k| k != r)
            .map(|k| {
                let (cells, indent) = cut(&lines[k].text, &starts);
                RawRow {
                    indent,
                    ..RawRow::printed(lines[k].no, cells)
                }
            })
            .collect();
        out.push(Piece::Table {
            seg: Segment {
                band: None,
                lines: [lines[top].no, lines[end - 1].no],
                rows,
                known: None,
                above,
                units: Default::default(),
                present: false,
            },
            grid: true,
        });
        i = end;
    }
    out.extend((i..lines.len()).map(|k| Piece::Text(lines[k].no)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use crate::table::testutil::{doc, path_cells};

    /// pandoc's simple table of a page whose corner and first group span the header's two
    /// rows: the rule gives the columns, cells one space apart stay apart, the second
    /// header row (packed left by pandoc) goes under the group spanning columns, and the
    /// labels' indentation nests them.
    #[test]
    fn columns_from_the_rule_and_indented_labels() {
        let text = concat!(
            "  项目               收入预算       \n",
            "  ------------------ -------------- -----------\n",
            "  合计               财政拨款收入   \n",
            "  一般公共服务支出   3296600        3296600\n",
            "  　　统计信息事务   438300         438300\n",
            "  　　　　专项普查   438300         438300\n",
            "  公共安全支出       300000         300000\n",
        );
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["收入预算/合计", "收入预算/财政拨款收入"]);
        let rows = path_cells(t);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(rows[2].0, "一般公共服务支出/统计信息事务/专项普查");
        assert_eq!(rows[2].1, ["438300", "438300"]);
        assert_eq!(rows[3].0, "公共安全支出");
    }

    /// A group whose first column has no label of its own (`<th></th>` under `Population`,
    /// a total column): pandoc's second header row starts with that empty cell, packed
    /// left past the corner, and the corner and `Sex Ratio` span down. Its cells go to the
    /// columns those two leave free. (pandoc 2.17 `-t plain` of such a table.)
    #[test]
    fn a_second_header_row_starting_empty_under_cells_spanning_down() {
        let text = concat!(
            "  Item    Population                     Percentage                    Sex Ratio\n",
            "  ------- ------------ -------- -------- ------------ -------- ------- -----------\n",
            "          Male         Female            Male         Female           \n",
            "  Total   1145209      587039   558170   100.0        51.26    48.74   105.17\n",
        );
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            [
                "Population",
                "Population/Male",
                "Population/Female",
                "Percentage",
                "Percentage/Male",
                "Percentage/Female",
                "Sex Ratio"
            ]
        );
        assert_eq!(t.rows[0].cells[1].raw, "587039");
    }

    /// Cells of a year column printed once over the rows it spans (the rows below leave it
    /// empty), and a corner spanning two columns.
    /// pandoc's table of a page whose corner spans the header's two rows: the second row
    /// is packed left under the corner; a year alone on the line over the first row heads
    /// the rows under it, and the table keeps its header.
    #[test]
    fn a_year_over_the_first_row_keeps_the_header_above_it() {
        let text = concat!(
            "  Item                   Total                       Males                     \n",
            "  ---------------------- ------------- ------------- ------------- ------------\n",
            "  Total                  White         Total         White                     \n",
            "  1980                                                                         \n",
            "      Total, 3 to 34     49.7 (0.2)    48.8 (0.2)    50.9 (0.3)    50.0 (0.3)  \n",
            "          3 and 4 years  36.7 (0.9)    37.4 (1.1)    37.8 (1.3)    39.2 (1.6)  \n",
        );
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["Item"]);
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            ["Total/Total", "Total/White", "Males/Total", "Males/White"]
        );
        let rows = path_cells(t);
        let first = rows.iter().find(|r| r.1.iter().any(|c| !c.is_empty()));
        assert_eq!(
            first,
            Some(&(
                "1980/Total, 3 to 34".to_string(),
                vec![
                    "49.7 (0.2)".into(),
                    "48.8 (0.2)".into(),
                    "50.9 (0.3)".into(),
                    "50.0 (0.3)".into()
                ]
            ))
        );
    }

    #[test]
    fn empty_cells_keep_their_columns() {
        let text = concat!(
            "  Item         Index   % change\n",
            "  ------ ----- ------- ----------\n",
            "  2011   Mar   118.1   0.3\n",
            "         Apr   119.3   1.0\n",
            "  2012   Jan   121.1   -0.5\n",
        );
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let rows = path_cells(t);
        assert_eq!(
            rows,
            [
                (
                    "2011/Mar".to_string(),
                    vec!["118.1".to_string(), "0.3".to_string()]
                ),
                (
                    "2011/Apr".to_string(),
                    vec!["119.3".to_string(), "1.0".to_string()]
                ),
                (
                    "2012/Jan".to_string(),
                    vec!["121.1".to_string(), "-0.5".to_string()]
                ),
            ]
        );
    }

    /// Issue 13: a form's one row of totals, its label left blank, under a header of
    /// three rows (pandoc's simple table). pandoc sets each lower header row's cells from
    /// the first column, the corner's span down left out, so `合计` stands over the blank
    /// labels: the column under the corner word is the labels', and the lower rows move
    /// back a column. Before, `合计` headed an empty column and every value went one
    /// column left.
    #[test]
    fn lower_header_rows_over_blank_labels_move_back_a_column() {
        let text = [
            "某局2025年“三公”经费预算表",
            "",
            "  Item   “三公”经费预算数                                                       机关运行经费预算数",
            "  ------ ------------------ ------------ ---------------------- -------- ------ --------------------",
            "  合计   因公出国(境)费     公务接待费   公务用车购置及运行费                   ",
            "                                         小计                   运行费          ",
            "         120.5              60.0         20.5                   40.0     40.0   900.25",
        ]
        .join("\n");
        let d = doc(&text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["Item"]);
        let at = |col: &str| {
            let j = t.columns.iter().position(|c| c.path.join(">") == col)?;
            Some(t.rows[0].cells[j].raw.clone())
        };
        assert_eq!(at("“三公”经费预算数>合计").as_deref(), Some("120.5"));
        assert_eq!(
            at("“三公”经费预算数>因公出国(境)费").as_deref(),
            Some("60.0")
        );
        assert_eq!(
            at("“三公”经费预算数>公务用车购置及运行费>运行费").as_deref(),
            Some("40.0")
        );
        assert_eq!(at("机关运行经费预算数").as_deref(), Some("900.25"));
    }

    /// Issue 13: a group row whose label is longer than a line of a table's labels
    /// usually is (`Gross Fixed Capital Formation at Constant Prices`, 48 characters),
    /// printing no value: pandoc pads the row with spaces into the values' columns, so it
    /// is a row of the table, not a sentence ending it, and it heads the row under it.
    #[test]
    fn a_long_group_label_padded_into_the_values_is_a_row() {
        let text = [
            "  Item                                               Latest Data   % Change",
            "  -------------------------------------------------- ------------- ----------",
            "  Output                                                           ",
            "  \u{a0}\u{a0}\u{a0}\u{a0}2023                                           4650.2        -1.0",
            "  Gross Fixed Capital Formation at Constant Prices                 ",
            "  \u{a0}\u{a0}\u{a0}\u{a0}2023                                           1490.2        4.9",
            "  Private Sector                                                   ",
            "  \u{a0}\u{a0}\u{a0}\u{a0}2023                                           1217.8        3.3",
        ]
        .join("\n");
        let d = doc(&text);
        assert_eq!(d.tables().count(), 1);
        let t = d.tables().next().expect("a table");
        let paths: Vec<String> = t.rows.iter().map(|r| r.path.join(">")).collect();
        assert!(
            paths.contains(&"Gross Fixed Capital Formation at Constant Prices>2023".to_string()),
            "{paths:?}"
        );
        assert!(
            paths.contains(&"Private Sector>2023".to_string()),
            "{paths:?}"
        );
    }

    /// Issue 13: under the corner `Item`, the first column is the rows' labels though one
    /// of them reads as a number (`2544`, an age group whose dash was lost): the group
    /// rows over the first values (`Labour force ('000)`, `Age group`) are rows heading
    /// the rows under them, not header rows, and no warning calls the grid inconsistent.
    #[test]
    fn a_number_among_the_labels_under_the_corner_is_a_label() {
        let text = [
            "  Item                     2001   2002",
            "  ------------------------ ------ ------",
            "  Labour force ('000)             ",
            "  \u{a0}\u{a0}\u{a0}\u{a0}Age group                   ",
            "  \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}Under 25         408    396",
            "  \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}2544             2047   2051",
            "  \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}65 and over      42     42",
            "  Participation rate (%)          ",
            "  \u{a0}\u{a0}\u{a0}\u{a0}Overall              61.4   61.8",
        ]
        .join("\n");
        let d = doc(&text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["Item"]);
        let paths: Vec<String> = t.rows.iter().map(|r| r.path.join(">")).collect();
        assert!(
            paths.contains(&"Labour force ('000)>Age group>2544".to_string()),
            "{paths:?}"
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }
}
