//! Documents whose structure is marked up (HTML pages, Word files): from their blocks in
//! document order ([`Item`]s: text lines and tables with exact spans) to the same
//! [`Block`]s the text path gives, so one template stage keys every route.
//!
//! Text items are read by the text classifier ([`crate::classify::blocks`]) exactly as
//! text lines are, so headings, the title and paragraphs are recognised the same way.
//! Tables are built here from their grid ([`build_tables`]): every `rowspan` and
//! `colspan` is known, so a column path is the distinct header cells above a value
//! column and a row path the distinct label cells left of its values; nothing is
//! guessed from widths or alignment.
//!
//! Line numbers: the pipeline runs over *synthetic* lines (one per text line of an item,
//! one per table row, a blank line between blocks); [`remap`] turns every line number of
//! the finished document into the source line of its element.

use crate::lines::Line;
use crate::model::{Block, Cell, CellKind, Column, Furniture, MetaField, Row, Table, Warning};
use crate::normalize::{compact, fold, trim};
use crate::table::value::{kind_of, parse_cell};

/// One block of a marked-up document, in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of running text (a paragraph, heading, list item; a `<br>` starts a new
    /// line) and the source line of its element. `joined` is false for the first line of
    /// a block element (a blank line separates blocks).
    Text {
        /// Source line.
        line: u32,
        /// The text, white space collapsed.
        text: String,
        /// True when the line continues the block of the line before it.
        joined: bool,
    },
    /// A line of a text document, passed to the classifier as it is (blank lines too):
    /// the text around raw HTML tables in a text or Markdown file.
    Raw {
        /// Source line.
        line: u32,
        /// The line as printed.
        text: String,
    },
    /// Page furniture (navigation, breadcrumb, footer, metadata): kept out of the body.
    Furniture {
        /// Source line.
        line: u32,
        /// The text.
        text: String,
    },
    /// A metadata field of the page (`索引号：…`).
    Field(MetaField),
    /// A table with its spans.
    Table(GridTable),
}

/// A table as marked up: rows of cells with their spans, not yet expanded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GridTable {
    /// Source line of the table element.
    pub line: u32,
    /// A `<caption>` (or Word table title), if any.
    pub caption: Option<String>,
    /// The rows in order.
    pub rows: Vec<GridRow>,
}

/// One table row as marked up.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GridRow {
    /// Source line of the row.
    pub line: u32,
    /// Its cells, left to right, as marked up.
    pub cells: Vec<GridCell>,
    /// Marked as a header row (`<thead>`, all `<th>` cells, Word's `tblHeader`): never
    /// read as data, whatever its cells hold (a header of years `2022 | 2023`).
    pub head: bool,
}

/// One table cell as marked up.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    /// The text as printed, parts split by line breaks joined.
    pub text: String,
    /// Columns covered (at least 1).
    pub colspan: usize,
    /// Rows covered (at least 1; 0 means to the end of the table, as in HTML).
    pub rowspan: usize,
    /// A `vMerge` continuation (Word): the cell goes on the cell above.
    pub continues: bool,
}

/// Widest table a grid may have; HTML caps `colspan` at 1000 too.
const MAX_COLS: usize = 1000;
/// Most slots (rows x columns) one grid may have; more rows are cut with a warning.
const MAX_SLOTS: usize = 200_000;

/// A placed cell: its text and the grid rectangle it covers.
#[derive(Debug, Clone)]
struct Placed {
    text: String,
    row: usize,
    col: usize,
    cols: usize,
}

/// The expanded grid: `slots[r][c]` is the cell covering row `r`, column `c`.
struct Grid {
    cells: Vec<Placed>,
    slots: Vec<Vec<Option<usize>>>,
    width: usize,
    /// Rows marked as header rows.
    head: Vec<bool>,
}

/// Expands rowspans and colspans into a full grid, capped in width and size.
fn expand(t: &GridTable, warnings: &mut Vec<Warning>) -> Grid {
    let mut cells: Vec<Placed> = Vec::new();
    let mut slots: Vec<Vec<Option<usize>>> = Vec::new();
    let n_rows = t.rows.len();
    let mut used = 0usize;
    for (r, row) in t.rows.iter().enumerate() {
        if slots.len() <= r {
            slots.push(Vec::new());
        }
        let mut c = 0usize;
        for cell in &row.cells {
            while slots[r].get(c).is_some_and(|s| s.is_some()) {
                c += 1;
            }
            if c >= MAX_COLS {
                break;
            }
            if cell.continues {
                // a vMerge continuation: the cell above covers this slot too
                let above = r
                    .checked_sub(1)
                    .and_then(|p| slots[p].get(c).copied().flatten());
                let cols = cell.colspan.clamp(1, MAX_COLS - c);
                if let Some(id) = above {
                    fill(&mut slots[r], c, cols, Some(id));
                    c += cols;
                    continue;
                }
            }
            let cols = cell.colspan.clamp(1, MAX_COLS - c);
            let rows = match cell.rowspan {
                0 => n_rows - r,
                k => k.min(n_rows - r),
            };
            let id = cells.len();
            cells.push(Placed {
                text: cell.text.clone(),
                row: r,
                col: c,
                cols,
            });
            for rr in r..r + rows {
                while slots.len() <= rr {
                    slots.push(Vec::new());
                }
                fill(&mut slots[rr], c, cols, Some(id));
            }
            used += rows * cols;
            c += cols;
        }
        if used > MAX_SLOTS {
            slots.truncate(r + 1);
            warnings.push(Warning {
                line: Some(row.line),
                code: "table-too-large".into(),
                message: format!(
                    "table cut after this row: its spans cover more than {MAX_SLOTS} cells"
                ),
            });
            break;
        }
    }
    slots.truncate(n_rows);
    let width = slots.iter().map(|r| r.len()).max().unwrap_or(0);
    for r in slots.iter_mut() {
        r.resize(width, None);
    }
    let mut head: Vec<bool> = (0..slots.len())
        .map(|r| t.rows.get(r).is_some_and(|row| row.head))
        .collect();
    // every row marked (a page that writes all its cells as <th>): the marks say nothing
    if head.iter().all(|&h| h) {
        head.iter_mut().for_each(|h| *h = false);
    }
    Grid {
        cells,
        slots,
        width,
        head,
    }
}

fn fill(row: &mut Vec<Option<usize>>, c: usize, cols: usize, v: Option<usize>) {
    if row.len() < c + cols {
        row.resize(c + cols, None);
    }
    for s in &mut row[c..c + cols] {
        if s.is_none() {
            *s = v;
        }
    }
}

/// What a row of the grid is, read from its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    /// No text at all (a spacer row).
    Blank,
    /// One cell across the whole width: a band label, caption or note.
    Wide,
    /// Anything else: header or data, told apart per segment.
    Cells,
}

/// A segment of a grid: rows under one band (or the whole table).
struct Seg {
    band: Option<String>,
    rows: Vec<usize>,
}

/// Builds the model tables of one marked-up table. `title` and `section` are the
/// context the caller knows; the tables get ids later. Doubtful structure becomes
/// warnings; every value keeps the line of its row.
pub fn build_tables(
    t: &GridTable,
    title: Option<String>,
    section: &[String],
    style: &str,
    line_of: &dyn Fn(usize) -> u32,
    warnings: &mut Vec<Warning>,
) -> Vec<Table> {
    let g = expand(t, warnings);
    let text =
        |r: usize, c: usize| -> &str { g.slots[r][c].map_or("", |id| g.cells[id].text.as_str()) };
    let kinds: Vec<RowKind> = (0..g.slots.len())
        .map(|r| {
            let ids: Vec<Option<usize>> = g.slots[r].clone();
            if (0..g.width).all(|c| trim(text(r, c)).is_empty()) {
                RowKind::Blank
            } else if g.width > 1
                && (ids.iter().all(|s| *s == ids[0])
                    || (crate::line_kind::is_band_text(text(r, 0))
                        && (1..g.width).all(|c| ids[c] == ids[0] || trim(text(r, c)).is_empty())))
            {
                // one cell across the table, or a band label with empty padding cells
                RowKind::Wide
            } else {
                RowKind::Cells
            }
        })
        .collect();
    let mut title = title;
    let mut note: Option<String> = None;
    let mut segs: Vec<Seg> = vec![Seg {
        band: None,
        rows: Vec::new(),
    }];
    for (r, kind) in kinds.iter().enumerate() {
        match kind {
            RowKind::Blank => {
                // kept: under a header with no other data, a blank row is the data
                if let Some(s) = segs.last_mut().filter(|s| !s.rows.is_empty()) {
                    s.rows.push(r);
                }
            }
            RowKind::Wide => {
                let w = compact(text(r, 0));
                let f = fold(&w);
                let started = segs.iter().any(|s| !s.rows.is_empty() || s.band.is_some());
                if crate::line_kind::is_band_text(&w) {
                    segs.push(Seg {
                        band: Some(w),
                        rows: Vec::new(),
                    });
                } else if f.starts_with('注') || f.starts_with("说明") || f.starts_with("单位")
                {
                    note.get_or_insert(w);
                } else if !started {
                    // one cell over the whole table before anything else: its caption
                    title = Some(w);
                } else {
                    segs.push(Seg {
                        band: Some(w),
                        rows: Vec::new(),
                    });
                }
            }
            RowKind::Cells => {
                if let Some(s) = segs.last_mut() {
                    s.rows.push(r);
                }
            }
        }
    }
    let mut out = Vec::new();
    for seg in segs {
        if seg.rows.is_empty() && seg.band.is_none() {
            continue;
        }
        for part in split_repeated_headers(&g, &seg.rows) {
            let mut table = build_one(&g, &part, seg.band.clone(), line_of, warnings);
            table.title = title.clone();
            table.section = section.to_vec();
            table.style = style.to_string();
            if table.note.is_none() {
                table.note = note.clone();
            }
            let first = part.first().map_or(t.line, |&r| line_of(r));
            table.lines = [
                t.line.min(first),
                part.last().map_or(first, |&r| line_of(r)),
            ];
            if table.columns.is_empty() && table.rows.is_empty() {
                continue;
            }
            out.push(table);
        }
    }
    out
}

/// Logical columns of some rows: the grid columns between the edges of their cells.
fn columns_of(g: &Grid, rows: &[usize]) -> Vec<usize> {
    let mut edges = vec![false; g.width + 1];
    edges[0] = true;
    edges[g.width] = true;
    for &r in rows {
        for c in 0..g.width {
            match g.slots[r][c] {
                Some(id) => {
                    let p = &g.cells[id];
                    edges[p.col.min(g.width)] = true;
                    edges[(p.col + p.cols).min(g.width)] = true;
                }
                None => {
                    edges[c] = true;
                    edges[c + 1] = true;
                }
            }
        }
    }
    (0..g.width).filter(|&c| edges[c]).collect()
}

/// The kind of the text of a slot.
fn slot_kind(g: &Grid, r: usize, c: usize) -> CellKind {
    match g.slots[r][c] {
        Some(id) => kind_of(trim(&g.cells[id].text)),
        None => CellKind::Empty,
    }
}

/// Leading label columns of a row: logical columns holding text, left of its values.
fn lead(g: &Grid, r: usize, cols: &[usize]) -> usize {
    cols.iter()
        .take_while(|&&c| slot_kind(g, r, c) == CellKind::Text)
        .count()
}

/// A data row: after its leading labels, only numbers, not-applicable marks and empty
/// cells, and at least one number or mark.
fn clear_data(g: &Grid, r: usize, cols: &[usize]) -> bool {
    if g.head.get(r).copied().unwrap_or(false) {
        return false;
    }
    let l = lead(g, r, cols);
    let rest: Vec<CellKind> = cols[l..].iter().map(|&c| slot_kind(g, r, c)).collect();
    !rest.is_empty()
        && rest.iter().all(|k| *k != CellKind::Text)
        && rest
            .iter()
            .any(|k| matches!(k, CellKind::Number | CellKind::Na))
}

/// Cuts the rows of a segment where a header follows data rows (a second table under
/// the same band); a header repeated word for word (a table continued) is dropped.
fn split_repeated_headers(g: &Grid, rows: &[usize]) -> Vec<Vec<usize>> {
    let cols = columns_of(g, rows);
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut in_data = false;
    let mut head: Vec<Vec<String>> = Vec::new();
    let texts = |r: usize| -> Vec<String> {
        cols.iter()
            .map(|&c| g.slots[r][c].map_or(String::new(), |id| compact(&g.cells[id].text)))
            .collect()
    };
    let mut skipping = 0usize;
    // label columns of the data rows seen so far in the part
    let mut labels: Option<usize> = None;
    for &r in rows {
        let data = clear_data(g, r, &cols);
        let marked = g.head.get(r).copied().unwrap_or(false);
        let header_like = marked
            || !data
                && labels.is_some_and(|l| {
                    cols.iter()
                        .skip(l.max(1))
                        .any(|&c| slot_kind(g, r, c) == CellKind::Text)
                });
        if in_data && header_like {
            if head.first() == Some(&texts(r)) {
                skipping = head.len() - 1;
                continue;
            }
            parts.push(Vec::new());
            head.clear();
            in_data = false;
            labels = None;
        }
        if data {
            let l = lead(g, r, &cols);
            labels = Some(labels.map_or(l, |k| k.min(l)));
        }
        if skipping > 0 && header_like {
            skipping -= 1;
            continue;
        }
        skipping = 0;
        if data {
            in_data = true;
        } else if !in_data {
            head.push(texts(r));
        }
        if let Some(p) = parts.last_mut() {
            p.push(r);
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// Builds one table from rows of the grid that share one header.
fn build_one(
    g: &Grid,
    rows: &[usize],
    band: Option<String>,
    line_of: &dyn Fn(usize) -> u32,
    warnings: &mut Vec<Warning>,
) -> Table {
    let mut table = Table {
        id: String::new(),
        lines: [0, 0],
        style: String::new(),
        title: None,
        band: band.clone(),
        section: Vec::new(),
        note: None,
        stub: Vec::new(),
        columns: Vec::new(),
        rows: Vec::new(),
    };
    if rows.is_empty() {
        return table;
    }
    let cols = columns_of(g, rows);
    let mut clear: Vec<bool> = rows.iter().map(|&r| clear_data(g, r, &cols)).collect();
    if !clear.contains(&true) {
        // Every value blank (zeros printed as nothing): the first row whose labels are
        // followed by empty cells only, under a header row that printed text past its
        // labels, starts the data; rows below it of the same shape are data too.
        let blank_row = |r: usize| {
            let l = lead(g, r, &cols);
            (1..cols.len()).contains(&l)
                && cols[l..]
                    .iter()
                    .all(|&c| slot_kind(g, r, c) == CellKind::Empty)
        };
        let start = (1..rows.len()).find(|&i| {
            let l = lead(g, rows[i], &cols);
            blank_row(rows[i])
                && rows[..i].iter().any(|&h| {
                    cols[l..]
                        .iter()
                        .any(|&c| slot_kind(g, h, c) == CellKind::Text)
                })
        });
        if let Some(i) = start {
            for (k, &r) in rows.iter().enumerate().skip(i) {
                clear[k] = blank_row(r);
            }
        } else if let Some(i) = (1..rows.len()).find(|&i| blank(g, rows[i], &cols)) {
            // no labels either: blank rows under the header are its (empty) data
            for (k, &r) in rows.iter().enumerate().skip(i) {
                clear[k] = blank(g, r, &cols);
            }
        }
    }
    let Some(first_clear) = clear.iter().position(|&d| d) else {
        // no row holds a value: header cells only, kept as columns without rows
        warnings.push(Warning {
            line: Some(line_of(rows[0])),
            code: "table-without-values".into(),
            message: "no row of this table holds a number; it is kept without data rows".into(),
        });
        table.stub = rows.iter().flat_map(|&r| distinct(g, r, &cols)).collect();
        return table;
    };
    // label columns: the fewest leading labels of a data row
    let l = rows
        .iter()
        .zip(&clear)
        .filter(|(_, d)| **d)
        .map(|(&r, _)| lead(g, r, &cols))
        .min()
        .unwrap_or(0);
    let value_from = cols.get(l).copied().unwrap_or(g.width);
    // Rows above the first clear data row: header rows, unless a row has labels and
    // nothing in its value columns after a header row that printed text there (a data
    // row of blank zeros).
    let mut first_data = first_clear;
    let mut seen_header_text = false;
    for (i, &r) in rows.iter().enumerate().take(first_clear) {
        let value_text = cols[l..]
            .iter()
            .any(|&c| slot_kind(g, r, c) == CellKind::Text);
        let value_empty = cols[l..]
            .iter()
            .all(|&c| slot_kind(g, r, c) == CellKind::Empty || own_row(g, r, c) != Some(r));
        let labelled = l > 0 && cols[..l].iter().any(|&c| own_row(g, r, c) == Some(r));
        if seen_header_text && value_empty && labelled && !value_text {
            first_data = i;
            break;
        }
        seen_header_text |= value_text;
    }
    let (head, data) = rows.split_at(first_data);

    // corner cells: over the label columns only
    let mut seen = Vec::new();
    for &r in head {
        for &c in &cols[..l] {
            let Some(id) = g.slots[r][c] else { continue };
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let s = compact(&g.cells[id].text);
            if s.is_empty() {
                continue;
            }
            if is_note(&s) {
                table.note = Some(strip_brackets(&s));
            } else {
                table.stub.push(s);
            }
        }
    }
    // column paths: distinct header cells above each value column
    for &c in &cols[l..] {
        let mut path: Vec<String> = Vec::new();
        let mut last = None;
        for &r in head {
            let Some(id) = g.slots[r][c] else { continue };
            if last == Some(id) || g.cells[id].col < value_from {
                continue;
            }
            last = Some(id);
            let s = compact(&g.cells[id].text);
            if !s.is_empty() {
                path.push(s);
            }
        }
        table.columns.push(Column { path, key: None });
    }
    // rows: distinct label cells left of the values, values parsed; blank rows among
    // others are spacers
    let spacers = data.iter().any(|&r| !blank(g, r, &cols));
    for &r in data {
        if spacers && blank(g, r, &cols) {
            continue;
        }
        let mut path: Vec<String> = band.iter().cloned().collect();
        let mut last = None;
        for &c in &cols[..l] {
            let Some(id) = g.slots[r][c] else { continue };
            if last == Some(id) {
                continue;
            }
            last = Some(id);
            let s = compact(&g.cells[id].text);
            if !s.is_empty() {
                path.push(s);
            }
        }
        let mut cells = Vec::with_capacity(cols.len() - l);
        for &c in &cols[l..] {
            let cell = match g.slots[r][c] {
                None => Cell::missing(),
                // a value spanning rows belongs to its first row only
                Some(id) if g.cells[id].row != r => Cell::missing(),
                Some(id) => parse_cell(trim(&compact(&g.cells[id].text))),
            };
            cells.push(cell);
        }
        table.rows.push(Row {
            path,
            line: line_of(r),
            cells,
            key: None,
            unplaced: Vec::new(),
            attributes: Vec::new(),
        });
    }
    drop_empty_columns(&mut table);
    table
}

/// Columns with no header and no cell text anywhere (padding cells a converter added to
/// every row) carry nothing: they are dropped.
fn drop_empty_columns(t: &mut Table) {
    let keep: Vec<bool> = (0..t.columns.len())
        .map(|i| {
            !t.columns[i].path.is_empty()
                || t.rows.iter().any(|r| {
                    r.cells
                        .get(i)
                        .is_some_and(|c| !matches!(c.kind, CellKind::Empty | CellKind::Missing))
                })
        })
        .collect();
    if keep.iter().all(|&k| k) || t.rows.is_empty() {
        return;
    }
    let mut k = keep.iter();
    t.columns.retain(|_| *k.next().unwrap_or(&true));
    for r in t.rows.iter_mut() {
        let mut k = keep.iter();
        r.cells.retain(|_| *k.next().unwrap_or(&true));
    }
}

/// A row without any text.
fn blank(g: &Grid, r: usize, cols: &[usize]) -> bool {
    cols.iter().all(|&c| slot_kind(g, r, c) == CellKind::Empty)
}

/// The row the cell covering `(r, c)` starts on.
fn own_row(g: &Grid, r: usize, c: usize) -> Option<usize> {
    g.slots[r][c].map(|id| g.cells[id].row)
}

/// The distinct non-empty texts of a row, left to right.
fn distinct(g: &Grid, r: usize, cols: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last = None;
    for &c in cols {
        let Some(id) = g.slots[r][c] else { continue };
        if last == Some(id) {
            continue;
        }
        last = Some(id);
        let s = compact(&g.cells[id].text);
        if !s.is_empty() {
            out.push(s);
        }
    }
    out
}

/// A corner cell that is a note rather than a stub label (as the text path reads it).
fn is_note(s: &str) -> bool {
    let f = fold(s);
    f.contains("勾稽") || f.contains("说明") || f.starts_with("注") || f.chars().count() > 12
}

/// `（本列数据……）` → `本列数据……`.
fn strip_brackets(s: &str) -> String {
    let t = trim(s);
    let inner = t
        .strip_prefix('（')
        .or_else(|| t.strip_prefix('('))
        .and_then(|x| x.strip_suffix('）').or_else(|| x.strip_suffix(')')));
    inner.unwrap_or(t).trim().to_string()
}

/// The text of one table row as a pipe line (spanned cells repeated), for the synthetic
/// lines the template stage reads.
fn pipe_line(t: &GridTable, r: usize) -> String {
    let mut s = String::from("|");
    if let Some(row) = t.rows.get(r) {
        for c in &row.cells {
            s.push(' ');
            s.push_str(&c.text.replace('|', "｜"));
            s.push_str(" |");
        }
    }
    s
}

/// The blocks of a marked-up document and the lines the template stage reads.
pub struct Assembled {
    /// Blocks in order, line numbers synthetic.
    pub blocks: Vec<Block>,
    /// The synthetic lines.
    pub lines: Vec<Line>,
    /// The synthetic text (text lines only, tables blank), for metadata.
    pub text: String,
    /// Source line of each synthetic line (index = synthetic line - 1).
    pub map: Vec<u32>,
    /// Page fields.
    pub fields: Vec<MetaField>,
}

/// Reads marked-up items into blocks: text lines through the text classifier, tables
/// from their grids, furniture as furniture blocks. `style` names the route (`html`,
/// `docx`) in each table's `style`.
pub fn assemble(items: &[Item], style: &str, warnings: &mut Vec<Warning>) -> Assembled {
    // 1. synthetic lines: text as it is, tables blank for the classifier
    let mut for_classify: Vec<Line> = Vec::new();
    let mut for_template: Vec<Line> = Vec::new();
    let mut map: Vec<u32> = Vec::new();
    let mut tables: Vec<(usize, usize)> = Vec::new(); // (item index, first synthetic line index)
    let mut furniture: Vec<(usize, String)> = Vec::new();
    let mut fields = Vec::new();
    let mut text = String::new();
    let mut push = |cl: &str, tl: &str, src: u32, map: &mut Vec<u32>, text: &mut String| {
        let no = for_classify.len() as u32 + 1;
        let start = text.len();
        text.push_str(cl);
        text.push('\n');
        for_classify.push(Line {
            no,
            start,
            text: cl.to_string(),
        });
        for_template.push(Line {
            no,
            start,
            text: tl.to_string(),
        });
        map.push(src);
    };
    let mut last_src = 1u32;
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Text {
                line,
                text: t,
                joined,
            } => {
                if !joined {
                    push("", "", *line, &mut map, &mut text);
                }
                push(t, t, *line, &mut map, &mut text);
                last_src = *line;
            }
            Item::Raw { line, text: t } => {
                push(t, t, *line, &mut map, &mut text);
                last_src = *line;
            }
            Item::Furniture { line, text: t } => {
                push("", "", *line, &mut map, &mut text);
                furniture.push((map.len(), t.clone()));
                push("", t, *line, &mut map, &mut text);
                last_src = *line;
            }
            Item::Field(f) => fields.push(f.clone()),
            Item::Table(t) => {
                push("", "", t.line, &mut map, &mut text);
                tables.push((i, map.len()));
                for (r, row) in t.rows.iter().enumerate() {
                    let pl = pipe_line(t, r);
                    push("", &pl, row.line, &mut map, &mut text);
                }
                if t.rows.is_empty() {
                    push("", "", t.line, &mut map, &mut text);
                }
                last_src = t.line;
            }
        }
    }
    let _ = last_src;
    // 2. text blocks (and the fields of metadata tables printed as text: `| 索引号： | … |`)
    let pdf_chars = crate::classify::pdf_chars(&for_classify);
    let (mut blocks, text_fields) =
        crate::classify::blocks_and_fields(&for_classify, &[], pdf_chars, warnings);
    fields.extend(text_fields.into_iter().map(|mut f| {
        f.line = map.get(f.line as usize - 1).copied().unwrap_or(f.line);
        f
    }));
    for (no, t) in furniture {
        blocks.push(Block::Furniture(Furniture {
            lines: [no as u32; 2],
            text: t,
        }));
    }
    // 3. tables, placed by line, with the headings above them as context
    let mut placed: Vec<(u32, Vec<Table>)> = Vec::new();
    for (ti, first) in &tables {
        let Item::Table(t) = &items[*ti] else {
            continue;
        };
        let at = *first as u32 + 1;
        let (title, section) = context(&blocks, &for_classify, at, t.caption.clone());
        let base = *first;
        let src = t.line;
        let line_of = move |r: usize| (base + 1 + r) as u32;
        let mut local = t.clone();
        local.line = at;
        let built = build_tables(&local, title, &section, style, &line_of, warnings);
        let _ = src;
        if built.is_empty() {
            continue;
        }
        placed.push((at, built));
    }
    for (_, ts) in placed {
        blocks.extend(ts.into_iter().map(|t| Block::Table(Box::new(t))));
    }
    blocks.sort_by_key(|b| b.lines()[0]);
    for (k, t) in blocks
        .iter_mut()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .enumerate()
    {
        t.id = format!("t{}", k + 1);
    }
    Assembled {
        blocks,
        lines: for_template,
        text,
        map,
        fields,
    }
}

/// The title and heading path of a table at synthetic line `at`: its caption or the
/// title of the heading it sits under, and the open headings above it.
fn context(
    blocks: &[Block],
    lines: &[Line],
    at: u32,
    caption: Option<String>,
) -> (Option<String>, Vec<String>) {
    let mut section: Vec<(u8, String, String)> = Vec::new();
    let mut before: Option<&Block> = None;
    for b in blocks.iter().filter(|b| b.lines()[0] < at) {
        if let Block::Heading(h) = b {
            section.retain(|(lv, _, _)| *lv < h.level);
            let printed = lines
                .get(h.lines[0] as usize - 1)
                .map(|l| trim(l.text.trim_start_matches('#')).to_string())
                .unwrap_or_default();
            let full = match printed.find(&h.title) {
                Some(p) if !h.title.is_empty() => printed[..p + h.title.len()].to_string(),
                _ => format!("{}{}", h.number, h.title),
            };
            section.push((h.level, full, h.title.clone()));
        }
        before = Some(b);
    }
    // a short caption paragraph right above the table (`表1 …`) names it
    let caption = caption.or_else(|| match before {
        Some(Block::Paragraph(p))
            if p.lines[1] + 2 >= at
                && p.text.starts_with('表')
                && p.text.chars().count() <= 40
                && !p.text.ends_with('。') =>
        {
            Some(p.text.clone())
        }
        _ => None,
    });
    let title = caption.or_else(|| section.last().map(|s| s.2.clone()));
    (title, section.into_iter().map(|s| s.1).collect())
}

/// Turns every synthetic line number of a finished document into its source line.
pub fn remap(doc: &mut crate::model::Document, map: &[u32]) {
    let m = |no: u32| -> u32 {
        if no == 0 {
            return 0;
        }
        map.get(no as usize - 1)
            .copied()
            .or_else(|| map.last().copied())
            .unwrap_or(no)
    };
    let m2 = |l: [u32; 2]| [m(l[0]), m(l[1]).max(m(l[0]))];
    for b in doc.blocks.iter_mut() {
        match b {
            Block::Title(t) => t.lines = m2(t.lines),
            Block::Heading(h) => h.lines = m2(h.lines),
            Block::Paragraph(p) => p.lines = m2(p.lines),
            Block::Furniture(f) => f.lines = m2(f.lines),
            Block::Table(t) => {
                t.lines = m2(t.lines);
                for r in t.rows.iter_mut() {
                    r.line = m(r.line);
                }
            }
        }
    }
    for c in doc.checks.iter_mut() {
        c.lines = m2(c.lines);
    }
    for w in doc.warnings.iter_mut() {
        w.line = w.line.map(m);
    }
}
