//! Box-drawing and ASCII grids:
//!
//! ```text
//! +----------+-----------------+        ┌──────┬─────────────┐
//! |          |   申请人情况    |        │信息内│本年制发件数 │
//! | 信息内容 +--------+--------+        │容    │             │
//! |          | 自然人 | 总计   |        ├──────┼─────────────┤
//! +==========+========+========+        │规章  │ 12          │
//! | 规章     | 1      | 3      |        └──────┴─────────────┘
//! +----------+--------+--------+
//! ```
//!
//! The positions (display columns, CJK two wide) of the vertical lines and junctions of
//! all lines give the grid columns. Rule lines cut the lines into bands; inside a band
//! a missing vertical line joins two grid columns into one cell, and a rule line that
//! leaves a column open joins the bands above and below it into one cell (a cell
//! spanning rows). Every cell takes the text of its lines, wrapped lines joined
//! (`信息内` + `容`). When the body has no rules between its rows, each of its lines is
//! a row, and a line with text only in its first cells continues the row above (a
//! wrapped label).
//!
//! The result is grid rows (a spanning cell in its first column and row, covered
//! positions empty) for [`crate::table::segments`] and [`crate::table::build`].

use super::{Piece, RawRow};
use crate::line_kind::{is_horizontal, is_junction, is_vertical};
use crate::lines::Line;
use crate::model::Warning;
use crate::normalize::push_label;

/// A line laid out on display columns: `(x, char)` for each character.
fn layout(text: &str) -> Vec<(usize, char)> {
    let mut x = 0;
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\u{c}' | '\r' | '\n' | '\u{feff}') {
            continue;
        }
        let w = if c == '\t' {
            8 - x % 8
        } else {
            crate::line_kind::width(c)
        };
        out.push((x, c));
        x += w;
    }
    out
}

/// Most grid columns and lines a grid may have (a guard against hostile input).
const MAX_GRID: usize = 4_000_000;

/// Reads a grid region into table pieces.
// The union-find works on (row, column) indexes; index loops say it best.
pub fn read(lines: &[Line], warnings: &mut Vec<Warning>) -> Vec<Piece> {
    // boxes printed one right under the other (w3m prints each HTML table as its own box,
    // `└───┘` then `┌──┐`) are read box by box: each has its own columns, and the
    // strokes of one would cut the cells of the other
    if let Some(k) = (1..lines.len()).find(|&k| box_edge(&lines[k - 1]) && box_edge(&lines[k])) {
        let mut pieces = read_box(&lines[..k], warnings);
        pieces.extend(read(&lines[k..], warnings));
        return pieces;
    }
    read_box(lines, warnings)
}

/// A line that closes or opens a box: a rule line beginning with a corner or junction
/// (`└───┴──┘`, `+----+`), not one that a spanning cell's stroke crosses (`|    +---+`).
fn box_edge(line: &Line) -> bool {
    let t = crate::normalize::trim(&line.text);
    crate::line_kind::is_rule(t) && t.chars().next().is_some_and(is_junction)
}

/// Reads one box (or grid of boxes sharing their columns).
#[allow(clippy::needless_range_loop)]
fn read_box(lines: &[Line], warnings: &mut Vec<Warning>) -> Vec<Piece> {
    let laid: Vec<Vec<(usize, char)>> = lines.iter().map(|l| layout(&l.text)).collect();
    // a box drawn in box-drawing characters draws no stroke in ASCII: a `+` or `|` inside
    // it is a cell's text (`95+`, an age group)
    let drawn = laid
        .iter()
        .flatten()
        .any(|(_, c)| ('\u{2500}'..='\u{257f}').contains(c));
    let strokes = |c: char| (is_vertical(c) || is_junction(c)) && !(drawn && c.is_ascii());
    // column boundaries: every vertical stroke or junction
    let mut bounds: Vec<usize> = laid
        .iter()
        .flat_map(|l| l.iter().filter(|(_, c)| strokes(*c)).map(|(x, _)| *x))
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let first = lines.first().map_or(0, |l| l.no);
    let last = lines.last().map_or(first, |l| l.no);
    if bounds.len() < 2 || bounds.len().saturating_mul(lines.len()) > MAX_GRID {
        warnings.push(Warning {
            line: Some(first),
            code: "table-unread".into(),
            message: "a grid without columns; kept as text".into(),
        });
        return vec![Piece::Unread([first, last])];
    }
    let ncol = bounds.len() - 1;
    // per line: the characters inside each column, and the strokes on each boundary
    let mut inside: Vec<Vec<String>> = vec![vec![String::new(); ncol]; lines.len()];
    let mut stroke: Vec<Vec<bool>> = vec![vec![false; ncol + 1]; lines.len()];
    for (li, l) in laid.iter().enumerate() {
        for &(x, c) in l {
            match bounds.binary_search(&x) {
                Ok(b) if strokes(c) => stroke[li][b] = true,
                // text running over a boundary inside a spanning cell
                Ok(b) if b < ncol => inside[li][b].push(c),
                Ok(_) => {}
                Err(b) if b > 0 && b <= ncol => inside[li][b - 1].push(c),
                Err(_) => {}
            }
        }
    }
    // a column is ruled on a line when it holds horizontal strokes only
    let ruled: Vec<Vec<bool>> = inside
        .iter()
        .map(|cols| {
            cols.iter()
                .map(|t| {
                    let t = t.trim();
                    !t.is_empty()
                        && t.chars().all(|c| {
                            (is_horizontal(c) && !(drawn && c.is_ascii())) || c == ':' || c == ' '
                        })
                })
                .collect()
        })
        .collect();
    let text_of = |li: usize, a: usize, b: usize| -> String {
        let s: String = inside[li][a..b].concat();
        crate::normalize::trim(&s).to_string()
    };
    let boundary: Vec<bool> = ruled.iter().map(|r| r.iter().any(|&x| x)).collect();

    // bands: runs of content lines between boundary lines
    struct Band {
        lines: Vec<usize>,
        /// Boundary lines between this band and the one before.
        above: Vec<usize>,
    }
    let mut bands: Vec<Band> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut above: Vec<usize> = Vec::new();
    for li in 0..lines.len() {
        if boundary[li] {
            if !cur.is_empty() {
                bands.push(Band {
                    lines: std::mem::take(&mut cur),
                    above: std::mem::take(&mut above),
                });
            }
            above.push(li);
        } else if !crate::normalize::trim(&lines[li].text).is_empty() {
            cur.push(li);
        }
    }
    if !cur.is_empty() {
        bands.push(Band { lines: cur, above });
    }
    // logical rows: a band is a row, unless the body is one band of many lines
    let split_body = bands.len() <= 2;
    let mut rows: Vec<Band> = Vec::new();
    let nb = bands.len();
    for (bi, band) in bands.into_iter().enumerate() {
        if split_body && bi == nb - 1 && band.lines.len() > 1 {
            let mut above = band.above;
            for (k, &li) in band.lines.iter().enumerate() {
                // a line with nothing in the last column continues the row above
                let cont = k > 0 && text_of(li, ncol - 1, ncol).is_empty();
                if cont && let Some(r) = rows.last_mut() {
                    r.lines.push(li);
                    continue;
                }
                rows.push(Band {
                    lines: vec![li],
                    above: std::mem::take(&mut above),
                });
            }
        } else {
            rows.push(band);
        }
    }
    let nrow = rows.len();
    // union-find over (row, column) units
    let mut parent: Vec<usize> = (0..nrow * ncol).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    fn union(p: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    }
    for (r, row) in rows.iter().enumerate() {
        // no stroke at a boundary on any line of the row: one cell on both sides
        for j in 0..ncol - 1 {
            if !row.lines.iter().any(|&li| stroke[li][j + 1]) {
                union(&mut parent, r * ncol + j, r * ncol + j + 1);
            }
        }
        // rules above that leave a column open: one cell over both rows
        if r > 0 && !row.above.is_empty() {
            for j in 0..ncol {
                if !row.above.iter().any(|&li| ruled[li][j]) {
                    union(&mut parent, (r - 1) * ncol + j, r * ncol + j);
                }
            }
        }
    }
    // cells: the text of their rectangle, placed at their top-left unit
    let mut cells: Vec<Vec<String>> = vec![vec![String::new(); ncol]; nrow];
    let mut done = vec![false; nrow * ncol];
    for r in 0..nrow {
        for j in 0..ncol {
            let root = find(&mut parent, r * ncol + j);
            if done[root] {
                continue;
            }
            done[root] = true;
            let mut b = j + 1;
            while b < ncol && find(&mut parent, r * ncol + b) == root {
                b += 1;
            }
            let mut r2 = r;
            while r2 + 1 < nrow && find(&mut parent, (r2 + 1) * ncol + j) == root {
                r2 += 1;
            }
            let from = rows[r].lines[0];
            let to = rows[r2].lines[rows[r2].lines.len() - 1];
            let text = (from..=to)
                .filter(|&li| !ruled[li][j..b].iter().any(|&x| x))
                .fold(String::new(), |mut t, li| {
                    push_label(&mut t, &text_of(li, j, b));
                    t
                });
            cells[r][j] = text;
        }
    }
    // a row label's indentation inside its cell, where the page printed it (ideographic
    // spaces, `&nbsp;`, which w3m prints as plain spaces): it ranks the rows. Plain
    // spaces count where the label column is set left (a label flush left with room
    // after it), but for a one-line label centred (as many spaces after it, give or take
    // one): that is padding.
    let pads = |li: usize| {
        let cell = &inside[li][0];
        let lead = cell.len() - cell.trim_start_matches(' ').len();
        let trail = cell.len() - cell.trim_end_matches(' ').len();
        (lead, trail, cell.trim().is_empty())
    };
    let set_left = rows.iter().any(|row| {
        let (lead, trail, blank) = pads(row.lines[0]);
        !blank && lead == 0 && trail >= 2
    });
    let indent = |row: &Band| {
        let li = row.lines[0];
        let marks = inside[li][0]
            .trim_start_matches(' ')
            .chars()
            .take_while(|&c| c == '\u{3000}' || c == '\u{a0}')
            .map(|c| if c == '\u{3000}' { 2 } else { 1 })
            .sum::<usize>();
        let (lead, trail, _) = pads(li);
        let one_line = row.lines[1..]
            .iter()
            .all(|&l| inside[l][0].trim().is_empty());
        let centred = one_line && lead >= 2 && lead.abs_diff(trail) <= 1;
        if set_left && !centred {
            lead + marks
        } else {
            marks
        }
    };
    let raw: Vec<RawRow> = rows
        .iter()
        .zip(cells)
        .map(|(row, cells)| RawRow {
            indent: indent(row),
            ..RawRow::printed(lines[row.lines[0]].no, cells)
        })
        .collect();
    super::segments(raw, [first, last], true)
        .into_iter()
        .map(|seg| Piece::Table { seg, grid: true })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, Document};

    fn doc(text: &str) -> Document {
        crate::table::testutil::doc(text)
    }

    fn rows(d: &Document) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for b in &d.blocks {
            if let Block::Table(t) = b {
                assert_eq!(t.style, "grid");
                for r in &t.rows {
                    for (c, cell) in t.columns.iter().zip(&r.cells) {
                        out.push((r.path.join(">"), c.path.join(">"), cell.raw.clone()));
                    }
                }
            }
        }
        out
    }

    /// w3m prints each HTML table as its own box; boxes one right under the other with
    /// other column widths keep their own columns (the strokes of one do not split the
    /// cells of the other, which once put a value into the header).
    #[test]
    fn boxes_one_under_the_other_keep_their_own_columns() {
        let text = "\
表1 情况

┌──────────┬──────┬──────┐
│项目      │甲数  │乙数  │
├──────────┼──────┼──────┤
│规章      │7     │5     │
└──────────┴──────┴──────┘
┌───────────┬─────────────┐
│项目       │丙数         │
├───────────┼─────────────┤
│许可       │ 100         │
└───────────┴─────────────┘
";
        let d = doc(text);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let r = rows(&d);
        let want = [
            ("规章", "甲数", "7"),
            ("规章", "乙数", "5"),
            ("许可", "丙数", "100"),
        ];
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(r, want);
    }

    /// w3m keeps a page's indentation of row labels (ideographic spaces) inside the cell:
    /// a row heads the rows below it indented further. A centred cell's padding is no
    /// indentation.
    #[test]
    fn labels_indented_inside_their_cells_nest() {
        let text = "\
收入决算表

┌────────────────────┬──────────┬──────────┐
│        项目        │本年收入  │其他收入  │
├────────────────────┼──────────┼──────────┤
│合计                │2946.25   │6.2       │
├────────────────────┼──────────┼──────────┤
│一般公共服务支出    │2112.86   │6.2       │
├────────────────────┼──────────┼──────────┤
│\u{3000}\u{3000}财政事务        │2112.86   │6.2       │
├────────────────────┼──────────┼──────────┤
│\u{3000}\u{3000}\u{3000}\u{3000}行政运行    │1511.9    │0.01      │
├────────────────────┼──────────┼──────────┤
│    社会保障支出    │326.72    │          │
└────────────────────┴──────────┴──────────┘
";
        let d = doc(text);
        let r = rows(&d);
        let has = |row: &str, col: &str, v: &str| {
            r.iter().any(|(a, b, c)| a == row && b == col && c == v)
        };
        assert!(has("合计", "本年收入", "2946.25"), "{r:?}");
        assert!(has("一般公共服务支出>财政事务", "其他收入", "6.2"), "{r:?}");
        assert!(
            has("一般公共服务支出>财政事务>行政运行", "本年收入", "1511.9"),
            "{r:?}"
        );
        assert!(has("社会保障支出", "本年收入", "326.72"), "{r:?}");
    }

    /// w3m prints a page's `&nbsp;` indentation as plain spaces: in a label column set
    /// left they rank the rows, also before a label filling its cell (no space after it)
    /// and before a label wrapped over two lines; a one-line label centred is padded.
    #[test]
    fn plain_space_indentation_in_a_column_set_left_nests() {
        let text = "\
┌──────────────────────┬──────┬──────┐
│         Item         │ 2000 │ 2001 │
├──────────────────────┼──────┼──────┤
│Population            │10.0  │12.0  │
├──────────────────────┼──────┼──────┤
│    Employed persons, │6.0   │7.0   │
│all ages              │      │      │
├──────────────────────┼──────┼──────┤
│        Men aged 16-64│4.0   │4.5   │
├──────────────────────┼──────┼──────┤
│    Unemployed        │1.0   │1.5   │
├──────────────────────┼──────┼──────┤
│        Total         │17.0  │21.0  │
└──────────────────────┴──────┴──────┘
";
        let d = doc(text);
        let r = rows(&d);
        let has = |row: &str, col: &str, v: &str| {
            r.iter().any(|(a, b, c)| a == row && b == col && c == v)
        };
        assert!(has("Population", "2000", "10.0"), "{r:?}");
        assert!(
            has("Population>Employed persons, all ages", "2001", "7.0"),
            "{r:?}"
        );
        assert!(
            has(
                "Population>Employed persons, all ages>Men aged 16-64",
                "2000",
                "4.0"
            ),
            "{r:?}"
        );
        assert!(has("Population>Unemployed", "2001", "1.5"), "{r:?}");
        assert!(has("Total", "2000", "17.0"), "{r:?}");
    }

    /// In a box drawn with box-drawing characters, ASCII `+` and `-` are a cell's text: an
    /// age group `95+` had cut its column in two (every value then shifted), and a row
    /// whose cell printed `-` read as a rule and was lost.
    #[test]
    fn ascii_marks_inside_a_drawn_box_are_text() {
        let text = "\
┌─────┬──────┐
│Item │ A    │
├─────┼──────┤
│Total│5     │
├─────┼──────┤
│0-4  │-     │
├─────┼──────┤
│95+  │2     │
└─────┴──────┘
";
        let d = doc(text);
        let r = rows(&d);
        let want = [("Total", "A", "5"), ("0-4", "A", "-"), ("95+", "A", "2")];
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(r, want);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn box_grid_with_wrapped_cells_and_spans() {
        let text = "\
三、收到和处理政府信息公开申请情况
┌────────┬──────────────────────┐
│信息内容│      申请人情况      │
│        ├──────┬───────┬───────┤
│        │自然人│法人或 │总计   │
│        │      │其他组 │       │
│        │      │织     │       │
├────────┼──────┼───────┼───────┤
│一、本年│3     │4      │7      │
│新收    │      │       │       │
├────────┼──────┼───────┼───────┤
│二、上年│1     │0      │1      │
│结转    │      │       │       │
└────────┴──────┴───────┴───────┘
";
        let d = doc(text);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let t = d.tables().next().unwrap();
        assert_eq!(t.stub, ["信息内容"]);
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            [
                "申请人情况>自然人",
                "申请人情况>法人或其他组织",
                "申请人情况>总计"
            ]
        );
        let r = rows(&d);
        assert!(r.contains(&(
            "一、本年新收".into(),
            "申请人情况>法人或其他组织".into(),
            "4".into()
        )));
        assert!(r.contains(&("二、上年结转".into(), "申请人情况>总计".into(), "1".into())));
        assert_eq!(r.len(), 6);
    }

    #[test]
    fn ascii_grid_with_body_lines_as_rows() {
        let text = "\
二、主动公开政府信息情况
+------------------+------+------+
| 信息内容         | 制发 | 废止 |
+==================+======+======+
| 规章             | 1    | 0    |
| 行政规范性文件   | 8    | 26   |
| 要求行政机关确认 | 2    | 3    |
| 或重新出具       |      |      |
+------------------+------+------+
";
        let r = rows(&doc(text));
        assert!(
            r.contains(&("规章".into(), "制发".into(), "1".into())),
            "{r:?}"
        );
        assert!(r.contains(&("行政规范性文件".into(), "废止".into(), "26".into())));
        assert!(r.contains(&(
            "要求行政机关确认或重新出具".into(),
            "废止".into(),
            "3".into()
        )));
        assert_eq!(r.len(), 6);
    }

    #[test]
    fn row_spanning_label_in_ascii_grid() {
        let text = "\
+--------+------+-----+
|        | 1.甲 | 5   |
| (三)不 +------+-----+
| 予公开 | 2.乙 | 6   |
+--------+------+-----+
";
        let r = rows(&doc(text));
        assert!(
            r.contains(&("(三)不予公开>1.甲".into(), "".into(), "5".into())),
            "{r:?}"
        );
        assert!(r.contains(&("(三)不予公开>2.乙".into(), "".into(), "6".into())));
    }
}
