//! Fixed-width tables ruled with bars (`<pre>` tables of statistical releases): no bar at
//! the line's start or end, the bars of every line at the same display columns, a line
//! leaving a bar out where a header cell spans columns, rules of `_`, `=` or `-` between
//! header and body or between blocks of rows:
//!
//! ```text
//!                   |      Total          |      Males
//!   Year and age    | Total    | White,   | Total    | White,
//!                   |          | non-     |          | non-
//!                   |          | Hispanic |          | Hispanic
//!        1          |  2       |  3       |  4       |  5
//!       1980        |          |          |          |
//! Total, 3 to 34 ...|49.7 (0.2)|48.8 (0.2)|50.9 (0.3)|50.0 (0.3)
//!   3 and 4 years ..|36.7 (0.9)|37.4 (1.1)|37.8 (1.3)|39.2 (1.6)
//! ```
//!
//! The union of the bar positions cuts every line into the same columns: the first is the
//! stub, the others value columns. A cell is the text between two bars of its line (a
//! missing bar joins columns: a spanning header cell). The header ends at the first rule
//! under text, or at a line numbering the columns `1 2 3 …` (not data, dropped); without
//! either the region is not read here. Header lines with the same bars are one header row
//! whose cells wrap over them (`White,` + `non-` + `Hispanic` → `White, non-Hispanic`).
//! Body: lines printing no value (a label alone, over one line or wrapped over several)
//! are a group that heads the rows below it up to the next group; a row's label indented
//! further than the row above it is under that row. Dot leaders end no label.

use super::{Piece, RawRow, Segment, Shape};
use crate::lines::Line;
use crate::model::Warning;

/// A line laid out: the display columns of its bars, and its characters with their columns.
struct Laid {
    bars: Vec<usize>,
    chars: Vec<(usize, char)>,
}

fn lay(text: &str) -> Laid {
    let mut x = 0;
    let mut bars = Vec::new();
    let mut chars = Vec::new();
    for c in text.chars() {
        if c == '|' {
            bars.push(x);
        }
        chars.push((x, c));
        x += crate::line_kind::width(c).max(usize::from(c == '\t'));
    }
    Laid { bars, chars }
}

/// A rule line: only rule characters, bars and spaces, with a rule character.
fn is_rule_line(t: &str) -> bool {
    let t = t.trim();
    t.chars().any(|c| matches!(c, '_' | '=' | '-'))
        && t.chars()
            .all(|c| matches!(c, '_' | '=' | '-' | '|' | '+' | ' '))
}

/// The columns of a run of bar-ruled lines, when they are one: the union of the bar
/// positions, every line's bars among them, three lines with all of them, none at the start.
pub fn columns(texts: &[&str]) -> Option<Vec<usize>> {
    let laid: Vec<Laid> = texts.iter().map(|t| lay(t)).collect();
    let mut all: Vec<usize> = laid.iter().flat_map(|l| l.bars.iter().copied()).collect();
    all.sort_unstable();
    all.dedup();
    if all.len() < 2 || all.len() > 200 || all[0] == 0 {
        return None;
    }
    let full = laid.iter().filter(|l| l.bars == all).count();
    // rows print their label before the first bar (a Markdown row starts with one)
    let labelled = laid
        .iter()
        .filter(|l| {
            l.chars
                .iter()
                .find(|c| !c.1.is_whitespace())
                .is_some_and(|c| Some(&c.0) < l.bars.first())
        })
        .count();
    let ok = laid
        .iter()
        .all(|l| l.bars.iter().all(|b| all.binary_search(b).is_ok()));
    (ok && full >= 3 && labelled >= 3).then_some(all)
}

/// True where the lines of a bar-ruled run say where the header ends (a rule under text or
/// a line numbering the columns).
pub fn header_end(texts: &[&str], bounds: &[usize]) -> Option<usize> {
    let mut seen_text = false;
    for (k, t) in texts.iter().enumerate() {
        if is_rule_line(t) {
            if seen_text && lay(t).bars == bounds {
                return Some(k);
            }
            continue;
        }
        let cells = cells_of(&lay(t), bounds);
        if numbers_columns(&cells) {
            return Some(k);
        }
        seen_text |= cells.iter().any(|c| !c.2.is_empty());
    }
    None
}

/// The cells of a line: (first column, last column, text). Column 0 lies before the first
/// bar of `bounds`, column `j` between bars `j - 1` and `j` (the last after every bar); a
/// cell between two bars of the line covers the columns between them.
fn cells_of(l: &Laid, bounds: &[usize]) -> Vec<(usize, usize, String)> {
    let n = bounds.len();
    let index = |b: usize| bounds.partition_point(|&x| x < b);
    let mut out = Vec::with_capacity(l.bars.len() + 1);
    let mut from = (0usize, 0usize); // (display column, first grid column)
    for k in 0..=l.bars.len() {
        let (to, last) = match l.bars.get(k) {
            Some(&b) => (b, index(b)),
            None => (usize::MAX, n),
        };
        let text: String = l
            .chars
            .iter()
            .filter(|(x, _)| *x >= from.0 && *x < to)
            .map(|p| p.1)
            .collect();
        out.push((from.1, last.max(from.1), text.trim().to_string()));
        if let Some(&b) = l.bars.get(k) {
            from = (b + 1, index(b) + 1);
        }
    }
    out
}

/// A line numbering the columns `1 2 3 …` in order (a column-number row, not data).
fn numbers_columns(cells: &[(usize, usize, String)]) -> bool {
    let nums: Vec<u32> = cells.iter().filter_map(|c| c.2.parse().ok()).collect();
    nums.len() == cells.len() && nums.len() >= 3 && nums.windows(2).all(|w| w[1] == w[0] + 1)
}

/// Joins a wrapped piece to a cell's text: no space after a hyphen that breaks a word.
fn push_piece(cell: &mut String, piece: &str) {
    if piece.is_empty() {
        return;
    }
    if !cell.is_empty() && !cell.ends_with('-') {
        cell.push(' ');
    }
    cell.push_str(piece);
}

/// Reads a bar-ruled region (see the module doc); `None` when it is not one.
pub fn read(lines: &[Line], _warnings: &mut Vec<Warning>) -> Option<Vec<Piece>> {
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let bounds = columns(&texts)?;
    let end = header_end(&texts, &bounds)?;
    let n = bounds.len(); // value columns
    let width = n + 1;
    // header rows: runs of lines with the same bars
    let mut head: Vec<(Vec<usize>, Vec<String>)> = Vec::new();
    for t in &texts[..end] {
        if is_rule_line(t) || t.trim().is_empty() {
            continue;
        }
        let l = lay(t);
        let cells = cells_of(&l, &bounds);
        let row = match head.last_mut() {
            Some((bars, row)) if *bars == l.bars => row,
            _ => {
                head.push((l.bars.clone(), vec![String::new(); width]));
                &mut head.last_mut()?.1
            }
        };
        for (a, _, text) in &cells {
            // a rule under a spanning cell (`|_______`) is no text
            if !is_rule_line(text) {
                push_piece(&mut row[*a], text);
            }
        }
    }
    // spanning cells: their label over every column they cover
    let mut rows: Vec<RawRow> = Vec::new();
    for (bars, row) in &head {
        let spans = cells_of(
            &Laid {
                bars: bars.clone(),
                chars: Vec::new(),
            },
            &bounds,
        );
        let mut cells = row.clone();
        for (a, z, _) in spans.into_iter().filter(|s| s.0 >= 1) {
            for c in cells.iter_mut().take(z + 1).skip(a + 1) {
                c.clone_from(&row[a]);
            }
        }
        rows.push(RawRow {
            line: lines[0].no,
            cells,
            unplaced: Vec::new(),
            indent: 0,
        });
    }
    let head_rows = rows.len();
    // body
    let mut group: Option<String> = None;
    let mut pending: Option<String> = None; // a group label being read over lines
    let mut parent: Option<(usize, String)> = None; // the row above and its indentation
    let skip = usize::from(!is_rule_line(texts[end]));
    for (k, t) in texts.iter().enumerate().skip(end + skip) {
        if is_rule_line(t) || t.trim().is_empty() {
            continue;
        }
        let l = lay(t);
        if l.bars != bounds {
            return None;
        }
        let cells = cells_of(&l, &bounds);
        // a leader cut short by the bar (`Total, 3 to 34 years .`) ends no label either
        let label = crate::table::aligned::clean_label(&cells[0].2);
        let label = match label.trim_end_matches('.').strip_suffix(' ') {
            Some(body) if label.ends_with('.') => body.trim_end().to_string(),
            _ => label,
        };
        let values: Vec<String> = cells[1..].iter().map(|c| c.2.clone()).collect();
        if values.iter().all(String::is_empty) {
            let p = pending.get_or_insert_with(String::new);
            push_piece(p, &label);
            continue;
        }
        if let Some(p) = pending.take() {
            group = Some(p);
            parent = None;
        }
        let indent = t.chars().take_while(|c| *c == ' ').count();
        let mut path: Vec<String> = group.iter().cloned().collect();
        match &parent {
            Some((pi, pl)) if indent > *pi => path.push(pl.clone()),
            _ => parent = Some((indent, label.clone())),
        }
        path.push(label);
        let mut cells = vec![String::new(); 3];
        for (slot, p) in cells.iter_mut().zip(&path) {
            slot.clone_from(p);
        }
        if path.len() > 3 {
            return None;
        }
        cells.extend(values);
        rows.push(RawRow {
            line: lines[k].no,
            cells,
            unplaced: Vec::new(),
            indent: 0,
        });
    }
    // header rows take the label columns' width
    for r in rows.iter_mut().take(head_rows) {
        let stub = std::mem::take(&mut r.cells[0]);
        let mut cells = vec![stub, String::new(), String::new()];
        cells.extend(r.cells.drain(1..));
        r.cells = cells;
    }
    Some(vec![Piece::Table {
        seg: Segment {
            band: None,
            lines: [lines[0].no, lines[lines.len() - 1].no],
            rows,
            known: Some(Shape {
                head: head_rows,
                labels: 3,
                values: n,
            }),
            above: Vec::new(),
            units: Default::default(),
            present: false,
        },
        grid: true,
    }])
}

#[cfg(test)]
mod tests {
    use crate::model::Block;
    use crate::table::testutil::{doc, path_cells};

    fn tables(text: &str) -> Vec<crate::model::Table> {
        doc(text)
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(*t),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn spanning_wrapped_header_numbered_columns_and_year_groups() {
        let t = tables(
            "Table 6. Enrollment by sex\n\
             \n\
             \x20           |      Total          |      Males\n\
             \x20 Year/age  | Total    | White,   | Total    | White,\n\
             \x20           |          | non-     |          | non-\n\
             \x20           |          | Hispanic |          | Hispanic\n\
             \x20    1      |  2       |  3       |  4       |  5\n\
             \x20   1980    |          |          |          |\n\
             Total 3-34 .|49.7 (0.2)|48.8 (0.2)|50.9 (0.3)|50.0 (0.3)\n\
             \x20 3 and 4 ..|36.7 (0.9)|37.4 (1.1)|37.8 (1.3)|39.2 (1.6)\n\
             \x20   1990    |          |          |          |\n\
             Total 3-34 .|51.2 (0.2)|50.3 (0.2)|52.0 (0.3)|      \n",
        );
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.style, "ruled");
        assert_eq!(t.title.as_deref(), Some("Table 6. Enrollment by sex"));
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            [
                "Total/Total",
                "Total/White, non-Hispanic",
                "Males/Total",
                "Males/White, non-Hispanic"
            ]
        );
        let rows = path_cells(t);
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            rows,
            [
                (
                    "1980/Total 3-34".to_string(),
                    s(&["49.7 (0.2)", "48.8 (0.2)", "50.9 (0.3)", "50.0 (0.3)"])
                ),
                (
                    "1980/Total 3-34/3 and 4".to_string(),
                    s(&["36.7 (0.9)", "37.4 (1.1)", "37.8 (1.3)", "39.2 (1.6)"])
                ),
                (
                    "1990/Total 3-34".to_string(),
                    s(&["51.2 (0.2)", "50.3 (0.2)", "52.0 (0.3)", ""])
                ),
            ]
        );
    }

    #[test]
    fn a_rule_ends_the_header_and_wrapped_group_labels_are_joined() {
        let t = tables(
            "\x20             |   Size of second\n\
             Size of first |_________________\n\
             sample        |1,500| 750 | 200\n\
             ______________|_____|_____|_____\n\
             Allowance for |     |     |\n\
             \x20 a difference|     |     |\n\
             \x20 1,500 ......|    4|    5|    8\n\
             \x20 750 ........|    5|    5|    8\n\
             \x20             |=====|=====|=====\n\
             Allowance near|     |     |\n\
             \x20 1,500 ......|    5|    6|   10\n",
        );
        assert_eq!(t.len(), 1);
        let t = &t[0];
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            [
                "Size of second/1,500",
                "Size of second/750",
                "Size of second/200"
            ]
        );
        let rows: Vec<String> = t.rows.iter().map(|r| r.path.join("/")).collect();
        assert_eq!(
            rows,
            [
                "Allowance for a difference/1,500",
                "Allowance for a difference/750",
                "Allowance near/1,500"
            ]
        );
        assert_eq!(t.rows[2].cells[2].value, Some(10.0));
    }

    #[test]
    fn bars_out_of_line_are_no_ruled_table() {
        let t = tables("a | b | c\nxx | 1 | 2\nyyy | 3 | 4\nz | 5 | 6\n");
        assert!(t.iter().all(|t| t.style != "ruled"));
    }
}
