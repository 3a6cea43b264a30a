//! Tables printed as PDF text boxes and read box by box, as pdfminer does: the row labels
//! first, then the header cells, then the values column by column, page by page. The
//! table readers refuse such text (`table-unread`: nothing in it is in row order). When the
//! report follows a template, the section of a template table holds nothing but that, and
//! its runs of bare values add up to exactly the template's rows times its columns, each
//! run (one page) is read column by column. The reading is kept only when the template's
//! sums all hold on it, at least one per row, and reading the same runs row by row does
//! not also fit; the table then takes the template's labels, and a `column-major-boxes`
//! warning says so.

use super::data::{TRow, TTable, Template};
use super::keyed::Equation;
use super::matching::{MLabel, label_sim_at_least};
use crate::line_kind::is_value;
use crate::lines::Line;
use crate::model::{Block, Column, Document, Row, Table, Warning};
use crate::normalize::trim;
use crate::table::value::parse_cell;
use rustc_hash::FxHashMap as HashMap;

/// A value line: its number and text.
type Value = (u32, String);

/// Reads the column-major value runs of template table sections into tables.
pub fn read_boxes(doc: &mut Document, lines: &[Line], tpl: &Template) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for tt in &tpl.tables {
        if let Some(w) = read_section(doc, lines, tpl, tt) {
            warnings.push(w);
        }
    }
    if !warnings.is_empty() {
        // ids stay `t1`, `t2`, … in document order
        let mut k = 0;
        for b in doc.blocks.iter_mut() {
            if let Block::Table(t) = b {
                k += 1;
                t.id = format!("t{k}");
            }
        }
    }
    warnings
}

fn read_section(
    doc: &mut Document,
    lines: &[Line],
    tpl: &Template,
    tt: &TTable,
) -> Option<Warning> {
    let [part] = tt.parts.as_slice() else {
        return None;
    };
    if part.band.is_some() {
        return None;
    }
    let n = part.columns.len();
    if n < 2 {
        return None;
    }
    // the section: from the heading that prints the table's title to the next heading
    let hi = doc.blocks.iter().position(
        |b| matches!(b, Block::Heading(h) if label_sim_at_least(&h.title, &tt.title, 0.9)),
    )?;
    let Block::Heading(h) = &doc.blocks[hi] else {
        return None;
    };
    let (level, first) = (h.level, h.lines[1] + 1);
    let section = lines
        .get(h.lines[0] as usize - 1)
        .map(|l| trim(l.text.trim_start_matches('#')).to_string())
        .unwrap_or_default();
    let end_bi = doc.blocks[hi + 1..]
        .iter()
        .position(|b| matches!(b, Block::Heading(g) if g.level <= level))
        .map_or(doc.blocks.len(), |k| hi + 1 + k);
    if end_bi == hi + 1
        || doc.blocks[hi + 1..end_bi]
            .iter()
            .any(|b| matches!(b, Block::Table(_)))
    {
        return None;
    }
    let leaves = part.value_rows();
    let l = leaves.len();
    if l < 2 {
        return None;
    }
    let last = doc.blocks[end_bi - 1].lines()[1];
    let runs = value_runs(lines, first, last);
    let total: usize = runs.iter().map(Vec::len).sum();
    if runs.is_empty() || total != n * l || runs.iter().any(|r| r.len() % n != 0) {
        return None;
    }
    let rules: Vec<&Equation> = tpl
        .checks
        .iter()
        .filter(|r| r.table == tt.key)
        .flat_map(|r| &r.equations)
        .collect();
    let cols: Vec<&str> = part.columns.iter().map(|c| c.key.as_str()).collect();
    let by_columns = reshape(&runs, n, true);
    let by_rows = reshape(&runs, n, false);
    let (holds, made) = verdict(&by_columns, &leaves, &cols, &rules);
    if !holds || made < l {
        return None;
    }
    if by_rows != by_columns && verdict(&by_rows, &leaves, &cols, &rules).0 {
        return None;
    }
    // the paragraphs holding the values become the table; furniture stays itself
    let (lo, hi_line) = (runs[0][0].0, runs[runs.len() - 1].last()?.0);
    let overlapping: Vec<usize> = (hi + 1..end_bi)
        .filter(|&k| {
            let [a, z] = doc.blocks[k].lines();
            matches!(doc.blocks[k], Block::Paragraph(_)) && z >= lo && a <= hi_line
        })
        .collect();
    let (&k0, &k1) = (overlapping.first()?, overlapping.last()?);
    let covered: Vec<usize> = (k0..=k1)
        .filter(|&k| matches!(doc.blocks[k], Block::Paragraph(_)))
        .collect();
    let span = [doc.blocks[k0].lines()[0], doc.blocks[k1].lines()[1]];
    let table = Table {
        id: String::new(),
        lines: span,
        style: "cellline".into(),
        title: Some(tt.title.clone()),
        band: None,
        section: vec![section],
        note: None,
        stub: Vec::new(),
        columns: part
            .columns
            .iter()
            .map(|c| Column {
                path: c.path.clone(),
                key: Some(c.key.clone()),
            })
            .collect(),
        rows: by_columns
            .iter()
            .zip(&leaves)
            .map(|(cells, (row, chain))| Row {
                path: printed_chain(chain, lines, first, last + 1),
                line: cells[0].0,
                cells: cells.iter().map(|(_, v)| parse_cell(v)).collect(),
                key: Some(row.key.clone()),
                unplaced: Vec::new(),
                attributes: Vec::new(),
            })
            .collect(),
    };
    let mut table = Some(table);
    for (k, b) in std::mem::take(&mut doc.blocks).into_iter().enumerate() {
        if covered.contains(&k) {
            if let Some(t) = table.take() {
                doc.blocks.push(Block::Table(Box::new(t)));
            }
            continue;
        }
        doc.blocks.push(b);
    }
    doc.warnings.retain(|w| {
        w.code != "table-unread" || !w.line.is_some_and(|x| x >= span[0] && x <= span[1])
    });
    Some(Warning {
        line: Some(lo),
        code: "column-major-boxes".into(),
        message: format!(
            "lines {lo}–{hi_line} hold {total} values, {l} rows × {n} columns of {:?} in template {}, printed box by box: read column by column, page by page; every sum of the template holds on this reading and not on the row-by-row one",
            tt.title, tpl.id
        ),
    })
}

/// The label chain with its last label as the report prints it in `[first, before)`,
/// when it can be found: lines that start with the same outline number and, joined,
/// spell the template's label (`1、申请人无正当理由逾期不补` / `正、…` / `息公开申请`).
fn printed_chain(chain: &[String], lines: &[Line], first: u32, before: u32) -> Vec<String> {
    let mut out = chain.to_vec();
    let Some(label) = chain.last() else {
        return out;
    };
    let want = MLabel::cached(label);
    let text: Vec<&Line> = lines
        .iter()
        .filter(|l| l.no >= first && l.no < before)
        .collect();
    for (i, l) in text.iter().enumerate() {
        let mut joined = trim(&l.text).to_string();
        let start = MLabel::cached(&joined);
        if start.number().is_none() || start.number() != want.number() {
            continue;
        }
        for next in text[i + 1..].iter().take(4) {
            let m = MLabel::cached(&joined);
            if m.rest() == want.rest() || !want.rest().starts_with(m.rest()) {
                break;
            }
            joined.push_str(trim(&next.text));
        }
        if MLabel::cached(&joined).rest() == want.rest() {
            if let Some(last) = out.last_mut() {
                *last = joined;
            }
            break;
        }
    }
    out
}

/// Runs of lines in `[first, last]` that each hold one value and nothing else.
fn value_runs(lines: &[Line], first: u32, last: u32) -> Vec<Vec<Value>> {
    let mut runs: Vec<Vec<Value>> = Vec::new();
    let mut cur: Vec<Value> = Vec::new();
    for l in lines.iter().filter(|l| l.no >= first && l.no <= last) {
        let t = trim(&l.text);
        if !t.is_empty() && !t.contains(char::is_whitespace) && is_value(t) {
            cur.push((l.no, t.to_string()));
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

/// The rows of `n` cells the runs make, each run read column by column or row by row.
fn reshape(runs: &[Vec<Value>], n: usize, by_columns: bool) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    for run in runs {
        let m = run.len() / n;
        for j in 0..m {
            rows.push(
                (0..n)
                    .map(|c| run[if by_columns { c * m + j } else { j * n + c }].clone())
                    .collect(),
            );
        }
    }
    rows
}

/// Whether every sum that can be made on `rows` holds, and how many could be made.
fn verdict(
    rows: &[Vec<Value>],
    leaves: &[(&TRow, Vec<String>)],
    cols: &[&str],
    rules: &[&Equation],
) -> (bool, usize) {
    let mut at: HashMap<(&str, &str), f64> = HashMap::default();
    for (cells, (row, _)) in rows.iter().zip(leaves) {
        for ((_, v), c) in cells.iter().zip(cols) {
            if let Some(x) = parse_cell(v).value {
                at.insert((row.key.as_str(), c), x);
            }
        }
    }
    let mut made = 0;
    for e in rules {
        let (mut s, mut q, mut complete) = (0.0, 0.0, true);
        for ((r, c), in_sum) in e.cells() {
            match at.get(&(r.as_str(), c.as_str())) {
                Some(v) if in_sum => s += v,
                Some(v) => q += v,
                None => complete = false,
            }
        }
        if !complete {
            continue;
        }
        if (s - q).abs() > 1e-6 {
            return (false, made);
        }
        made += 1;
    }
    (true, made)
}

#[cfg(test)]
mod tests {
    use crate::model::Document;
    use crate::template::tests::{corpus, parse};

    fn boxes() -> String {
        corpus("huaian-2024-boxes.txt")
    }

    fn cell(d: &Document, row: &str, col: &str) -> Option<f64> {
        d.tables()
            .find_map(|t| {
                let c = t
                    .columns
                    .iter()
                    .position(|c| c.key.as_deref() == Some(col))?;
                let r = t.rows.iter().find(|r| r.key.as_deref() == Some(row))?;
                Some(r.cells[c].value)
            })
            .flatten()
    }

    /// The application table printed box by box over two pages: read column by column,
    /// its first row is the one the same report prints as `3001 53 0 0 61 4 3119` in its
    /// other rendering, and every check holds.
    #[test]
    fn boxes_read_column_by_column_where_the_sums_hold() {
        let d = parse(&boxes());
        assert_eq!(cell(&d, "apply.new", "applicant.natural"), Some(3001.0));
        assert_eq!(
            cell(&d, "apply.new", "applicant.legal.commercial"),
            Some(53.0)
        );
        assert_eq!(cell(&d, "apply.new", "applicant.total"), Some(3119.0));
        assert!(d.warnings.iter().any(|w| w.code == "column-major-boxes"));
        assert!(d.checks.iter().all(|c| c.status != "fail"));
        assert!(d.checks.iter().filter(|c| c.status == "pass").count() >= 25);
    }

    /// The same values printed row by row in the boxes' place: the column reading breaks
    /// the sums, so nothing is read (the values stay text, as before).
    #[test]
    fn values_whose_column_reading_breaks_the_sums_stay_text() {
        let text = boxes();
        let lines: Vec<&str> = text.lines().collect();
        // the first page's run: 91 values, 13 rows of 7, column by column
        let start = lines.iter().position(|l| *l == "3001").unwrap();
        let run: Vec<&str> = lines[start..start + 91].to_vec();
        let mut rows_first: Vec<&str> = Vec::new();
        for j in 0..13 {
            for c in 0..7 {
                rows_first.push(run[c * 13 + j]);
            }
        }
        let mut edited: Vec<&str> = lines[..start].to_vec();
        edited.extend(&rows_first);
        edited.extend(&lines[start + 91..]);
        let d = parse(&(edited.join("\n") + "\n"));
        assert_eq!(cell(&d, "apply.new", "applicant.natural"), None);
        assert!(!d.warnings.iter().any(|w| w.code == "column-major-boxes"));
    }
}
