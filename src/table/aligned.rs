//! Space-aligned tables, as `pdftotext -layout`, a PDF copy or a padded plain-text
//! rendering print them: every cell at its place on a grid of display columns (a CJK
//! character is two columns wide), cells separated by runs of spaces.
//!
//! A line is cut into *fragments*: runs of text separated by two or more columns of
//! white space (a single space stays inside a fragment, as in `结 果`). A trailing number
//! squeezed against a label by a single space (`规章 12`) is cut off as a fragment of its
//! own.
//!
//! Reading a region (see [`read`]):
//! 1. Band lines (`第二十条    第（一）项`) cut the region into table blocks.
//! 2. In each block, *data lines* end in value fragments (numbers, `/`, `-`); the value
//!    fragments of all data lines, clustered by their horizontal overlap, give the value
//!    columns (right-aligned numbers and left-aligned ones alike).
//! 3. The lines above the first data line are the header. Header text left of the value
//!    columns is the corner (stub or note). The rest is rebuilt bottom-up: pieces of one
//!    cell wrapped over several lines are joined (`商业企` + `业`); the lowest cell over a
//!    value column is its leaf; a cell above heads the cells it overlaps and those next to
//!    them that sit at the same height (so a label centred over its span and one printed
//!    at its first column both work). The tree is written back as grid header rows.
//! 4. Row labels: label fragments are put in label columns by where they start, pieces
//!    of one cell are joined (a label wrapped over two lines around its value line, a
//!    label printed one character per line), each data row takes the cell on or around
//!    its line in the deepest column as its own label, and labels that span several rows
//!    head the rows between their neighbours, split where the numbering of the rows under
//!    them starts again at 1.
//!
//! The output is grid rows (one cell per column, covered cells empty) for
//! [`crate::table::build`].

use super::{Piece, RawRow, Segment, Shape};
use crate::line_kind::{Frag, cells, is_value};
use crate::lines::Line;
use crate::model::Warning;
use crate::normalize::{fold, is_cjk, push_label};
use crate::outline::scan_outline;

/// Joins label pieces: no space next to a CJK character, pieces printed letter-spaced
/// (`商 业 企`) closed up.
pub fn clean_label(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let prev = out.chars().next_back();
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            let cjk = prev.is_some_and(is_cjk) || next.is_some_and(|&n| is_cjk(n));
            if cjk || prev.is_none_or(char::is_whitespace) || next.is_none() {
                continue;
            }
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    // dot leaders (`Civilian labor force........`, `合计……`) lead the eye to the values
    let body = out.trim_end_matches(['.', '…', '·', '．']);
    if out.len() - body.len() >= 2 || out.ends_with('…') {
        out.truncate(body.trim_end().len());
    }
    out
}

/// How a line of a region reads.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Blank,
    Furniture,
    Band(String),
    /// Cells from this index on are values.
    Data(usize),
    Other,
}

struct LineInfo {
    no: u32,
    frags: Vec<Frag>,
    kind: Kind,
}

/// Reads an aligned region. `furniture[i]` marks the lines that are page furniture.
pub fn read(lines: &[Line], furniture: &[bool], warnings: &mut Vec<Warning>) -> Vec<Piece> {
    let mut infos = Vec::with_capacity(lines.len());
    let mut seen_data = false;
    for (i, l) in lines.iter().enumerate() {
        let frags = cells(&l.text);
        let kind = if furniture.get(i).copied().unwrap_or(false) {
            Kind::Furniture
        } else if frags.is_empty() {
            Kind::Blank
        } else if let Some(b) = band_of(&frags) {
            seen_data = false;
            Kind::Band(b)
        } else {
            let tail = frags.iter().rev().take_while(|f| is_value(&f.text)).count();
            // a line of years over the value columns, before any row, is a header line
            let years = tail >= 2
                && frags[frags.len() - tail..].iter().all(|f| {
                    f.text.len() == 4
                        && f.text
                            .parse::<u32>()
                            .is_ok_and(|y| (1900..=2100).contains(&y))
                });
            // a lone value is a row only below rows that show the columns
            if years && !seen_data {
                Kind::Other
            } else if tail > 0 && (frags.len() >= 2 || seen_data) {
                seen_data = true;
                Kind::Data(frags.len() - tail)
            } else {
                Kind::Other
            }
        };
        infos.push(LineInfo {
            no: l.no,
            frags,
            kind,
        });
    }
    let align = alignment(&infos);
    let mut out = Vec::new();
    let mut start = 0;
    while start < infos.len() {
        let mut end = start + 1;
        while end < infos.len() && !matches!(infos[end].kind, Kind::Band(_)) {
            end += 1;
        }
        read_block(&infos[start..end], align, warnings, &mut out);
        start = end;
    }
    out
}

/// The fragments of a line joined by one space.
fn joined(frags: &[Frag]) -> String {
    frags
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The band text of a line such as `第二十条    第（一）项`.
fn band_of(frags: &[Frag]) -> Option<String> {
    if frags.len() > 3 {
        return None;
    }
    let joined = frags.iter().fold(String::new(), |mut a, f| {
        push_label(&mut a, &f.text);
        a
    });
    crate::line_kind::is_band_text(&joined).then(|| clean_label(&joined))
}

/// One table block: optional band line, header lines, body.
fn read_block(infos: &[LineInfo], align: Align, warnings: &mut Vec<Warning>, out: &mut Vec<Piece>) {
    let mut band = None;
    let mut rest = infos;
    if let Some(first) = infos.first()
        && let Kind::Band(b) = &first.kind
    {
        band = Some(b.clone());
        rest = &infos[1..];
    }
    let first_line = infos.first().map_or(0, |i| i.no);
    let last_line = infos
        .iter()
        .rev()
        .find(|i| !matches!(i.kind, Kind::Blank))
        .map_or(first_line, |i| i.no);
    let at = out.len();
    for i in rest {
        if i.kind == Kind::Furniture {
            out.push(Piece::Furniture(i.no));
        }
    }
    // the table goes before the furniture lines inside it (blocks in order of first line)
    let mut furniture: Vec<Piece> = out.split_off(at);
    let Some(first_data) = rest.iter().position(|i| matches!(i.kind, Kind::Data(_))) else {
        // no values: a band, or header lines only; keep them as plain rows
        let rows: Vec<RawRow> = rest
            .iter()
            .filter(|i| i.kind == Kind::Other)
            .map(|i| RawRow {
                line: i.no,
                cells: i.frags.iter().map(|f| clean_label(&f.text)).collect(),
                unplaced: Vec::new(),
            })
            .collect();
        let seg = Segment {
            above: Vec::new(),
            band,
            lines: [first_line, last_line],
            rows,
            known: None,
        };
        out.push(Piece::Table { seg, grid: false });
        out.append(&mut furniture);
        return;
    };
    let (head, body) = rest.split_at(first_data);
    // a numbered caption line (`Table A-1.  Employment status…`, `7-2 城市…`) with the
    // lines above it (running heads) and the one-piece lines right under it at its
    // margin (a title in a second language) name the table; they are no header
    let mut above = Vec::new();
    let caption_at = head.iter().rposition(|i| {
        i.kind == Kind::Other && crate::line_kind::is_numbered_caption(&joined(&i.frags))
    });
    let head = match caption_at {
        Some(c) => {
            let mut caption = joined(&head[c].frags);
            let x0 = head[c].frags[0].x0;
            let mut k = c + 1;
            while k < head.len()
                && head[k].kind == Kind::Other
                && head[k].frags.len() == 1
                && head[k].frags[0].x0 == x0
            {
                caption.push(' ');
                caption.push_str(&head[k].frags[0].text);
                k += 1;
            }
            above.push(caption);
            &head[k..]
        }
        None => head,
    };
    let cols = value_columns(body);
    let n = cols.len();
    let boundary = cols.first().map_or(0, |c| c.x0);

    // Header: corner text (where the row labels stand) and value-area units.
    let label_right = body
        .iter()
        .flat_map(|i| {
            let v = match i.kind {
                Kind::Data(v) => v,
                Kind::Other => i.frags.len(),
                _ => 0,
            };
            i.frags[..v]
                .iter()
                .filter(|f| f.x0 < boundary)
                .map(|f| f.x1)
        })
        .max()
        .unwrap_or(0);
    let mut corner: Vec<(usize, Frag)> = Vec::new();
    let mut units: Vec<(usize, Frag)> = Vec::new();
    for (li, info) in head.iter().enumerate() {
        if info.kind != Kind::Other {
            continue;
        }
        for f in &info.frags {
            let over_values = cols.iter().any(|c| overlap(f.x0, f.x1, c.x0, c.x1) > 0);
            if !over_values && f.x0 < label_right && (f.x0 + f.x1) / 2 < boundary {
                corner.push((li, f.clone()));
            } else {
                units.push((li, f.clone()));
            }
        }
    }
    let blank_at: Vec<bool> = head.iter().map(|i| i.kind == Kind::Blank).collect();
    let tree = header_tree(
        &units,
        &cols,
        align,
        &blank_at,
        head.first().map_or(0, |h| h.no),
    );
    let header_texts: Vec<String> = units.iter().map(|(_, f)| fold(&f.text)).collect();
    let corner_texts: Vec<String> = corner.iter().map(|(_, f)| fold(&f.text)).collect();
    if tree.unplaced > 0 {
        warnings.push(Warning {
            line: head.first().map(|h| h.no),
            code: "header-unplaced".into(),
            message: format!(
                "{} header text(s) could not be placed over the {n} value columns",
                tree.unplaced
            ),
        });
    }

    // Body: data rows with their labels.
    let labels = row_labels(body, boundary, &header_texts, &corner_texts, warnings);
    let l = labels.width;
    let mut rows: Vec<RawRow> = Vec::new();
    let corner_text = join_corner(&corner);
    let depth = tree.rows.len();
    for (d, r) in tree.rows.iter().enumerate() {
        let mut cells = vec![String::new(); l + n];
        if d == 0 && l > 0 {
            cells[0] = corner_text.clone();
        }
        for (j, c) in r.iter().enumerate() {
            cells[l + j] = c.clone();
        }
        rows.push(RawRow {
            line: tree.lines.get(d).copied().unwrap_or(first_line),
            cells,
            unplaced: Vec::new(),
        });
    }
    if depth == 0 && !corner_text.is_empty() && l > 0 {
        let mut cells = vec![String::new(); l + n];
        cells[0] = corner_text.clone();
        rows.push(RawRow {
            line: head.first().map_or(first_line, |h| h.no),
            cells,
            unplaced: Vec::new(),
        });
    }
    let head_rows = rows.len();
    let mut lab = labels.rows.into_iter();
    for info in body {
        let Kind::Data(vstart) = info.kind else {
            continue;
        };
        let mut cells = lab.next().unwrap_or_default();
        cells.resize(l, String::new());
        cells.resize(l + n, String::new());
        for (fi, f) in info.frags.iter().enumerate() {
            if fi < vstart && f.x0 < boundary {
                continue;
            }
            match column_of(f, &cols) {
                Some(j) if cells[l + j].is_empty() => cells[l + j] = f.text.clone(),
                _ => warnings.push(Warning {
                    line: Some(info.no),
                    code: "unplaced-value".into(),
                    message: format!("value {:?} fits no free value column; left out", f.text),
                }),
            }
        }
        rows.push(RawRow {
            line: info.no,
            cells,
            unplaced: Vec::new(),
        });
    }
    let seg = Segment {
        above,
        band,
        lines: [first_line, last_line],
        rows,
        known: Some(Shape {
            head: head_rows,
            labels: l,
            values: n,
        }),
    };
    out.push(Piece::Table { seg, grid: true });
    out.append(&mut furniture);
}

fn join_corner(corner: &[(usize, Frag)]) -> String {
    let mut sorted: Vec<&(usize, Frag)> = corner.iter().collect();
    sorted.sort_by_key(|(li, f)| (*li, f.x0));
    let text = sorted.iter().fold(String::new(), |mut a, (_, f)| {
        push_label(&mut a, &f.text);
        a
    });
    clean_label(&text)
}

/// How the numbers of a region sit in their columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
    Unknown,
}

/// Votes of the value columns of every block: numbers of different widths sharing
/// their right edge are right-aligned, sharing their left edge left-aligned.
fn alignment(infos: &[LineInfo]) -> Align {
    let (mut left, mut right) = (0usize, 0usize);
    let mut start = 0;
    while start < infos.len() {
        let mut end = start + 1;
        while end < infos.len() && !matches!(infos[end].kind, Kind::Band(_)) {
            end += 1;
        }
        let block = &infos[start..end];
        let cols = value_columns(block);
        // a header over a column: does it share the numbers' left or right edge?
        let first_data = block.iter().position(|i| matches!(i.kind, Kind::Data(_)));
        for i in &block[..first_data.unwrap_or(0)] {
            if i.kind != Kind::Other {
                continue;
            }
            for f in &i.frags {
                for c in &cols {
                    if overlap(f.x0, f.x1, c.x0, c.x1) > 0 && f.x1 - f.x0 > c.x1 - c.x0 {
                        right += usize::from(f.x1 == c.x1);
                        left += usize::from(f.x0 == c.x0);
                    }
                }
            }
        }
        let mut seen: Vec<Vec<(usize, usize)>> = vec![Vec::new(); cols.len()];
        for i in block {
            if let Kind::Data(v) = i.kind {
                for f in &i.frags[v..] {
                    if let Some(j) = column_of(f, &cols) {
                        seen[j].push((f.x0, f.x1));
                    }
                }
            }
        }
        for seen in seen {
            for w in seen.windows(2) {
                let ((a0, a1), (b0, b1)) = (w[0], w[1]);
                if a1 - a0 != b1 - b0 {
                    right += usize::from(a1 == b1);
                    left += usize::from(a0 == b0);
                }
            }
        }
        start = end;
    }
    if right > left {
        Align::Right
    } else if left > right {
        Align::Left
    } else {
        Align::Unknown
    }
}

/// A value column: the span of its values.
#[derive(Debug, Clone, Copy)]
struct Col {
    x0: usize,
    x1: usize,
}

/// Value fragments of all data lines clustered by overlap.
fn value_columns(body: &[LineInfo]) -> Vec<Col> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for info in body {
        if let Kind::Data(v) = info.kind {
            spans.extend(info.frags[v..].iter().map(|f| (f.x0, f.x1)));
        }
    }
    spans.sort_unstable();
    let mut cols: Vec<Col> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(c) if a < c.x1 => c.x1 = c.x1.max(b),
            _ => cols.push(Col { x0: a, x1: b }),
        }
    }
    cols
}

fn overlap(a0: usize, a1: usize, b0: usize, b1: usize) -> usize {
    a1.min(b1).saturating_sub(a0.max(b0))
}

/// The value column a value stands in (columns are sorted and do not overlap).
fn column_of(f: &Frag, cols: &[Col]) -> Option<usize> {
    let first = cols.partition_point(|c| c.x1 <= f.x0);
    (first..cols.len())
        .take_while(|&j| cols[j].x0 < f.x1)
        .max_by_key(|&j| overlap(f.x0, f.x1, cols[j].x0, cols[j].x1))
}

/// Columns a header fragment stands over. When it overlaps none, the column it heads
/// as the region aligns its numbers: right-aligned numbers end under the end of their
/// header cell, left-aligned ones start under its start; else the nearest column.
fn colset(x0: usize, x1: usize, cols: &[Col], align: Align) -> (Vec<usize>, bool) {
    let set: Vec<usize> = (0..cols.len())
        .filter(|&j| overlap(x0, x1, cols[j].x0, cols[j].x1) > 0)
        .collect();
    if !set.is_empty() {
        return (set, false);
    }
    let mid = (x0 + x1) as i64;
    let nearest =
        || (0..cols.len()).min_by_key(|&j| (mid - (cols[j].x0 + cols[j].x1) as i64).abs());
    let pick = match align {
        Align::Right => (0..cols.len()).find(|&j| cols[j].x1 >= x1).or_else(nearest),
        Align::Left => (0..cols.len())
            .rev()
            .find(|&j| cols[j].x0 <= x0)
            .or_else(nearest),
        Align::Unknown => nearest(),
    };
    (pick.into_iter().collect(), true)
}

/// A header cell: its text, place and the value columns it stands over.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    x0: usize,
    x1: usize,
    top: usize,
    bottom: usize,
    cols: Vec<usize>,
    weak: bool,
}

/// A node of the rebuilt header: a cell and the columns `[a, b]` it heads.
#[derive(Debug, Clone)]
struct Node {
    text: String,
    a: usize,
    b: usize,
    x0: usize,
    x1: usize,
    top: usize,
    bottom: usize,
    children: Vec<Node>,
}

/// Most header texts a table may have (a guard against hostile input: the header is
/// rebuilt by comparing its texts pairwise).
const MAX_HEADER_UNITS: usize = 200;

struct Tree {
    /// Grid header rows over the value columns, top-down.
    rows: Vec<Vec<String>>,
    /// Source line of each header row.
    lines: Vec<u32>,
    /// Header texts that head nothing.
    unplaced: usize,
}

fn header_tree(
    units: &[(usize, Frag)],
    cols: &[Col],
    align: Align,
    blank_at: &[bool],
    line0: u32,
) -> Tree {
    let n = cols.len();
    let mut tree = Tree {
        rows: Vec::new(),
        lines: Vec::new(),
        unplaced: 0,
    };
    if units.is_empty() || n == 0 {
        return tree;
    }
    if units.len() > MAX_HEADER_UNITS {
        tree.unplaced = units.len();
        return tree;
    }
    // 1. join the pieces of cells wrapped over several lines
    let mut order: Vec<&(usize, Frag)> = units.iter().collect();
    order.sort_by_key(|(li, f)| (*li, f.x0));
    let pieces: Vec<Unit> = order
        .iter()
        .map(|(li, f)| {
            let (cols, weak) = colset(f.x0, f.x1, cols, align);
            Unit {
                text: f.text.clone(),
                x0: f.x0,
                x1: f.x1,
                top: *li,
                bottom: *li,
                cols,
                weak,
            }
        })
        .collect();
    let wrap_of = |d: usize| -> Option<usize> {
        let dp = &pieces[d];
        let u = (0..d)
            .filter(|&k| {
                pieces[k].top < dp.top && overlap(pieces[k].x0, pieces[k].x1, dp.x0, dp.x1) > 0
            })
            .max_by_key(|&k| pieces[k].top)?;
        let up = &pieces[u];
        let no_blank = !blank_at[up.top + 1..dp.top].iter().any(|&b| b);
        // one column; a column found only by the nearest numbers cannot tell
        let guess = align == Align::Unknown && (up.weak || dp.weak);
        let same = up.cols == dp.cols || guess;
        // the lines of one cell start, centre or end at the same place
        // and a wrapped line is no wider than the full line above it
        let lined = (up.x0.abs_diff(dp.x0) <= 1
            || (up.x0 + up.x1).abs_diff(dp.x0 + dp.x1) <= 2
            || up.x1.abs_diff(dp.x1) <= 1)
            && dp.x1 - dp.x0 <= up.x1 - up.x0 + 1;
        if !(no_blank && dp.top - up.top <= 3 && same && lined) {
            return None;
        }
        // A piece beside the lower one with nothing over it would be headed by the
        // upper piece: then the upper piece is a parent, not the start of a wrap.
        let (lo, hi) = (dp.cols[0], dp.cols[dp.cols.len() - 1]);
        let orphan = pieces.iter().any(|nb| {
            let beside = nb.top == dp.top
                && !(nb.weak && align == Align::Unknown)
                && (nb.cols.last().is_some_and(|&c| c + 1 == lo)
                    || nb.cols.first() == Some(&(hi + 1)));
            beside
                && !pieces.iter().any(|a| {
                    a.top >= up.top && a.top < nb.top && overlap(a.x0, a.x1, nb.x0, nb.x1) > 0
                })
        });
        (!orphan).then_some(u)
    };
    let mut cell_of: Vec<usize> = Vec::with_capacity(pieces.len());
    let mut cells: Vec<Unit> = Vec::new();
    for (d, f) in pieces.iter().enumerate() {
        match wrap_of(d) {
            Some(u) => {
                let k = cell_of[u];
                let c = &mut cells[k];
                push_label(&mut c.text, &f.text);
                c.x0 = c.x0.min(f.x0);
                c.x1 = c.x1.max(f.x1);
                c.bottom = c.bottom.max(f.top);
                if c.weak && !f.weak {
                    c.cols = f.cols.clone();
                    c.weak = false;
                }
                cell_of.push(k);
            }
            None => {
                cell_of.push(cells.len());
                cells.push(f.clone());
            }
        }
    }
    // 2. leaves: the lowest cell over each column
    let mut leaf_of: Vec<Option<usize>> = vec![None; n];
    for (j, slot) in leaf_of.iter_mut().enumerate() {
        let mid = (cols[j].x0 + cols[j].x1) as i64;
        *slot = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.cols.contains(&j))
            .max_by_key(|(_, c)| {
                (
                    c.bottom,
                    -((c.x0 + c.x1) as i64 - mid).abs(),
                    usize::from(!c.weak),
                )
            })
            .map(|(k, _)| k);
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut is_leaf = vec![false; cells.len()];
    let mut j = 0;
    while j < n {
        let Some(k) = leaf_of[j] else {
            j += 1;
            continue;
        };
        let mut b = j;
        while b + 1 < n && leaf_of[b + 1] == Some(k) {
            b += 1;
        }
        if is_leaf[k] {
            // the same cell again after a gap: not a contiguous span
            tree.unplaced += 1;
        } else {
            is_leaf[k] = true;
            let c = &cells[k];
            nodes.push(Node {
                text: clean_label(&c.text),
                a: j,
                b,
                x0: c.x0,
                x1: c.x1,
                top: c.top,
                bottom: c.bottom,
                children: Vec::new(),
            });
        }
        j = b + 1;
    }
    // 3. parents, lowest first; cells on one line claim together
    let mut parents: Vec<&Unit> = cells
        .iter()
        .enumerate()
        .filter(|(k, _)| !is_leaf[*k])
        .map(|(_, c)| c)
        .collect();
    parents.sort_by_key(|c| (std::cmp::Reverse(c.bottom), c.x0));
    let mut p = 0;
    while p < parents.len() {
        let mut q = p;
        while q < parents.len() && parents[q].bottom == parents[p].bottom {
            q += 1;
        }
        nodes = attach(&parents[p..q], nodes, &mut tree.unplaced);
        p = q;
    }
    // 4. back to grid rows
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut lines: Vec<u32> = Vec::new();
    fn walk(
        node: &Node,
        d: usize,
        rows: &mut Vec<Vec<String>>,
        lines: &mut Vec<u32>,
        n: usize,
        line0: u32,
    ) {
        while rows.len() <= d {
            rows.push(vec![String::new(); n]);
            lines.push(u32::MAX);
        }
        if node.a < n {
            rows[d][node.a] = node.text.clone();
        }
        lines[d] = lines[d].min(line0 + node.top as u32);
        for c in &node.children {
            walk(c, d + 1, rows, lines, n, line0);
        }
    }
    for node in &nodes {
        walk(node, 0, &mut rows, &mut lines, n, line0);
    }
    tree.rows = rows;
    tree.lines = lines;
    tree
}

/// Lets the cells of one line head the nodes below them.
fn attach(parents: &[&Unit], nodes: Vec<Node>, unplaced: &mut usize) -> Vec<Node> {
    let mut owner: Vec<Option<usize>> = vec![None; nodes.len()];
    // claims: the nodes each parent overlaps
    for (pi, p) in parents.iter().enumerate() {
        for (k, nd) in nodes.iter().enumerate() {
            if owner[k].is_some() || nd.top <= p.bottom {
                continue;
            }
            let by_col = p.cols.iter().any(|&j| j >= nd.a && j <= nd.b) && !p.weak;
            if by_col || overlap(p.x0, p.x1, nd.x0, nd.x1) > 0 {
                owner[k] = Some(pi);
            }
        }
    }
    // a parent that overlaps nothing takes the nearest free node below it
    for (pi, p) in parents.iter().enumerate() {
        if owner.contains(&Some(pi)) {
            continue;
        }
        let mid = (p.x0 + p.x1) as i64;
        let near = (0..nodes.len())
            .filter(|&k| owner[k].is_none() && nodes[k].top > p.bottom)
            .min_by_key(|&k| (mid - (nodes[k].x0 + nodes[k].x1) as i64).abs());
        match near {
            Some(k) => owner[k] = Some(pi),
            None => *unplaced += 1,
        }
    }
    // fill gaps; then how far each parent could reach over free neighbours at the
    // same height as its claimed nodes
    let mut reach: Vec<Option<(usize, usize, usize, usize)>> = Vec::new(); // lo, hi, left, right
    for (pi, parent) in parents.iter().enumerate() {
        let claimed: Vec<usize> = (0..nodes.len()).filter(|&k| owner[k] == Some(pi)).collect();
        let (Some(&lo), Some(&hi)) = (claimed.first(), claimed.last()) else {
            reach.push(None);
            continue;
        };
        for o in owner.iter_mut().take(hi + 1).skip(lo) {
            if o.is_none() {
                *o = Some(pi);
            }
        }
        let top = claimed.iter().map(|&k| nodes[k].top).min().unwrap_or(0);
        let bottom = claimed.iter().map(|&k| nodes[k].bottom).max().unwrap_or(0);
        let fits = |nd: &Node| nd.top > parent.bottom && nd.top <= bottom && nd.bottom >= top;
        let mut left = lo;
        while left > 0 && owner[left - 1].is_none() && fits(&nodes[left - 1]) {
            left -= 1;
        }
        let mut right = hi;
        while right + 1 < nodes.len() && owner[right + 1].is_none() && fits(&nodes[right + 1]) {
            right += 1;
        }
        reach.push(Some((lo, hi, left, right)));
    }
    // Free nodes between two parents go to one or the other: the split that sets each
    // parent best over its nodes, at their first column or centred over them.
    let misfit = |p: &Unit, a: usize, b: usize| -> usize {
        let x0 = nodes[a..=b].iter().map(|n| n.x0).min().unwrap_or(0);
        let x1 = nodes[a..=b].iter().map(|n| n.x1).max().unwrap_or(0);
        let left = p.x0.abs_diff(x0);
        let centre = (p.x0 + p.x1).abs_diff(x0 + x1) / 2;
        left.min(centre)
    };
    let mut order: Vec<usize> = (0..parents.len())
        .filter(|&pi| reach[pi].is_some())
        .collect();
    order.sort_by_key(|&pi| reach[pi].map_or(0, |r| r.0));
    let mut range: Vec<(usize, usize)> = order
        .iter()
        .map(|&pi| {
            let (_, _, left, right) = reach[pi].unwrap_or_default();
            (left, right)
        })
        .collect();
    for w in 0..order.len().saturating_sub(1) {
        let (p, q) = (order[w], order[w + 1]);
        let (Some((_, hi_p, _, _)), Some((lo_q, _, _, _))) = (reach[p], reach[q]) else {
            continue;
        };
        let (a, _) = range[w];
        let (_, d) = range[w + 1];
        // p may end anywhere from hi_p to lo_q - 1, within both reaches
        let from = hi_p.max(range[w + 1].0.saturating_sub(1));
        let to = range[w].1.min(lo_q.saturating_sub(1));
        if from > to {
            range[w].1 = range[w].1.min(lo_q.saturating_sub(1)).max(hi_p);
            range[w + 1].0 = range[w + 1].0.max(hi_p + 1).min(lo_q);
            continue;
        }
        let best = (from..=to)
            .min_by_key(|&s| misfit(parents[p], a, s) + misfit(parents[q], s + 1, d))
            .unwrap_or(from);
        range[w].1 = best;
        range[w + 1].0 = best + 1;
    }
    for (w, &pi) in order.iter().enumerate() {
        let (a, b) = range[w];
        for o in owner.iter_mut().take(b + 1).skip(a) {
            if o.is_none() || *o == Some(pi) {
                *o = Some(pi);
            }
        }
    }
    // rebuild the list
    let mut out: Vec<Node> = Vec::new();
    let mut k = 0;
    let mut nodes: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    while k < nodes.len() {
        match owner[k] {
            None => {
                if let Some(nd) = nodes[k].take() {
                    out.push(nd);
                }
                k += 1;
            }
            Some(pi) => {
                let mut children = Vec::new();
                while k < nodes.len() && owner[k] == Some(pi) {
                    if let Some(nd) = nodes[k].take() {
                        children.push(nd);
                    }
                    k += 1;
                }
                let p = parents[pi];
                let a = children.first().map_or(0, |c| c.a);
                let b = children.last().map_or(0, |c| c.b);
                let x0 = children
                    .iter()
                    .map(|c| c.x0)
                    .min()
                    .unwrap_or(p.x0)
                    .min(p.x0);
                let x1 = children
                    .iter()
                    .map(|c| c.x1)
                    .max()
                    .unwrap_or(p.x1)
                    .max(p.x1);
                let bottom = children.iter().map(|c| c.bottom).max().unwrap_or(p.bottom);
                out.push(Node {
                    text: clean_label(&p.text),
                    a,
                    b,
                    x0,
                    x1,
                    top: p.top,
                    bottom,
                    children,
                });
            }
        }
    }
    out
}

/// Row labels of the data rows of a body.
struct Labels {
    /// Label columns.
    width: usize,
    /// Per data row, in order: its label cells, one per label column.
    rows: Vec<Vec<String>>,
}

/// A label cell: pieces of one label joined, in one label column.
#[derive(Debug, Clone)]
struct LabelCell {
    text: String,
    col: usize,
    first: usize,
    last: usize,
    /// Last piece: its line and whether it sits on a data line.
    tail_on_data: bool,
    tail_len: usize,
}

fn row_labels(
    body: &[LineInfo],
    boundary: usize,
    header_texts: &[String],
    corner_texts: &[String],
    warnings: &mut Vec<Warning>,
) -> Labels {
    let is_data = |k: usize| matches!(body[k].kind, Kind::Data(_));
    // label fragments: left of the value columns
    let mut pieces: Vec<(usize, Frag)> = Vec::new();
    for (k, info) in body.iter().enumerate() {
        let limit = match info.kind {
            Kind::Data(v) => v,
            Kind::Other => info.frags.len(),
            _ => 0,
        };
        let frags = &info.frags[..limit];
        // a header repeated after a page break is dropped
        if info.kind == Kind::Other && !frags.is_empty() {
            let repeat = frags.iter().all(|f| {
                let t = fold(&f.text);
                header_texts.contains(&t) || corner_texts.contains(&t)
            });
            if repeat && frags.iter().any(|f| header_texts.contains(&fold(&f.text))) {
                continue;
            }
        }
        for f in frags {
            if f.x0 >= boundary {
                if info.kind == Kind::Other {
                    warnings.push(Warning {
                        line: Some(info.no),
                        code: "unplaced-text".into(),
                        message: format!(
                            "text {:?} stands in a value column between rows; left out",
                            f.text
                        ),
                    });
                }
                continue;
            }
            pieces.push((k, f.clone()));
        }
    }
    // label columns by where the pieces start
    let mut starts: Vec<usize> = pieces.iter().map(|(_, f)| f.x0).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut col_starts: Vec<usize> = Vec::new();
    for s in starts {
        match col_starts.last() {
            Some(&p) if s <= p + 1 => {}
            _ => col_starts.push(s),
        }
    }
    let col_of = |x: usize| col_starts.iter().rposition(|&s| s <= x).unwrap_or(0);
    // cells per column
    let mut cells: Vec<LabelCell> = Vec::new();
    let mut open: Vec<Option<usize>> = vec![None; col_starts.len()];
    for (k, f) in &pieces {
        let c = col_of(f.x0);
        let numbered = scan_outline(&f.text).is_some();
        let len = f.text.chars().filter(|c| !c.is_whitespace()).count();
        let cont = open[c].is_some_and(|ci| {
            let cell = &cells[ci];
            let gap_blank = (cell.last + 1..*k).any(|m| body[m].kind == Kind::Blank);
            !numbered
                && *k - cell.last <= 3
                && !(cell.tail_on_data && is_data(*k))
                && !(gap_blank && (len > 2 || cell.tail_len > 2))
        });
        match open[c] {
            Some(ci) if cont => {
                let cell = &mut cells[ci];
                push_label(&mut cell.text, &f.text);
                cell.last = *k;
                cell.tail_on_data = is_data(*k);
                cell.tail_len = len;
            }
            _ => {
                cells.push(LabelCell {
                    text: f.text.clone(),
                    col: c,
                    first: *k,
                    last: *k,
                    tail_on_data: is_data(*k),
                    tail_len: len,
                });
                open[c] = Some(cells.len() - 1);
            }
        }
    }
    // own label of each data row: the deepest cell on or around its line
    let data: Vec<usize> = (0..body.len()).filter(|&k| is_data(k)).collect();
    let width = col_starts.len();
    let mut covering: Vec<Option<usize>> = vec![None; body.len()];
    for (ci, c) in cells.iter().enumerate() {
        for slot in &mut covering[c.first..=c.last] {
            if slot.is_none_or(|o| cells[o].col < c.col) {
                *slot = Some(ci);
            }
        }
    }
    let own: Vec<Option<usize>> = data.iter().map(|&k| covering[k]).collect();
    let mut is_own = vec![false; cells.len()];
    for ci in own.iter().flatten() {
        is_own[*ci] = true;
    }
    let own_col: Vec<usize> = own
        .iter()
        .map(|o| o.map_or(width, |ci| cells[ci].col))
        .collect();
    let mut used = is_own.clone();
    let mut rows: Vec<Vec<String>> = own
        .iter()
        .map(|o| {
            let mut v = vec![String::new(); width];
            if let Some(ci) = o {
                v[cells[*ci].col] = clean_label(&cells[*ci].text);
            }
            v
        })
        .collect();
    // spanning labels: per column, the cells that are nobody's own label, in line order
    let mut spanning: Vec<Vec<usize>> = vec![Vec::new(); width];
    for (ci, c) in cells.iter().enumerate() {
        if !is_own[ci] {
            spanning[c.col].push(ci);
        }
    }
    for (c, list) in spanning.iter().enumerate() {
        let mut r = 0;
        while r < data.len() {
            if own_col[r] <= c {
                r += 1;
                continue;
            }
            let mut e = r;
            while e < data.len() && own_col[e] > c {
                e += 1;
            }
            // rows r..e need a label in column c: the spanning cells between the
            // rows before and after the run that close it
            let lo = if r == 0 { 0 } else { data[r - 1] + 1 };
            let hi = if e == data.len() { body.len() } else { data[e] };
            let from = list.partition_point(|&ci| cells[ci].first < lo);
            let to = list.partition_point(|&ci| cells[ci].first < hi);
            let span = &list[from..to];
            for &ci in span {
                used[ci] = true;
            }
            assign_span(
                &cells,
                span,
                &data[r..e],
                &mut rows[r..e],
                c,
                body,
                warnings,
            );
            r = e;
        }
    }
    for (ci, cell) in cells.iter().enumerate() {
        if !used[ci] {
            warnings.push(Warning {
                line: Some(body[cell.first].no),
                code: "unplaced-label".into(),
                message: format!("row label {:?} heads no data row; left out", cell.text),
            });
        }
    }
    Labels { width, rows }
}

/// Gives the spanning cells of column `c` found in a run of rows to those rows.
fn assign_span(
    cells: &[LabelCell],
    span: &[usize],
    data: &[usize],
    rows: &mut [Vec<String>],
    c: usize,
    body: &[LineInfo],
    warnings: &mut Vec<Warning>,
) {
    let put = |rows: &mut [Vec<String>], i: usize, ci: usize| {
        rows[i][c] = clean_label(&cells[ci].text);
    };
    let m = span.len();
    if m == 0 {
        return;
    }
    if m == 1 {
        for i in 0..rows.len() {
            put(rows, i, span[0]);
        }
        return;
    }
    let top_aligned = span
        .iter()
        .all(|&ci| data.binary_search(&cells[ci].first).is_ok())
        && data.first() == Some(&cells[span[0]].first);
    if top_aligned {
        // printed on the first row of their span, as in a grid
        let mut g = 0;
        for (i, &k) in data.iter().enumerate().take(rows.len()) {
            while g + 1 < m && cells[span[g + 1]].first <= k {
                g += 1;
            }
            put(rows, i, span[g]);
        }
        return;
    }
    // centred labels: groups where the numbering of the rows' deeper labels restarts
    let nums: Vec<Option<u32>> = rows
        .iter()
        .map(|v| {
            v[c + 1..]
                .iter()
                .find(|t| !t.is_empty())
                .and_then(|t| outline_value(t))
        })
        .collect();
    let mut starts = vec![0usize];
    for i in 1..rows.len() {
        if let (Some(a), Some(b)) = (nums[i - 1], nums[i])
            && b <= a
        {
            starts.push(i);
        }
    }
    if starts.len() == m {
        for (g, &ci) in span.iter().enumerate() {
            let s = starts[g];
            let e = starts.get(g + 1).copied().unwrap_or(rows.len());
            for i in s..e {
                put(rows, i, ci);
            }
        }
        return;
    }
    for (i, &k) in data.iter().enumerate().take(rows.len()) {
        let ci = span
            .iter()
            .copied()
            .min_by_key(|&ci| ((cells[ci].first + cells[ci].last) / 2).abs_diff(k))
            .unwrap_or(span[0]);
        put(rows, i, ci);
    }
    warnings.push(Warning {
        line: data.first().map(|&k| body[k].no),
        code: "row-span-guessed".into(),
        message: format!(
            "{m} labels span the rows here and their numbering does not show where each ends; each row was given the nearest"
        ),
    });
}

/// The integer of an outline number (`1.` → 1, `（三）` → 3).
pub(crate) fn outline_value(t: &str) -> Option<u32> {
    let o = scan_outline(t)?;
    if let Ok(v) = o.number.parse::<u32>() {
        return Some(v);
    }
    cn_number(&o.number)
}

fn cn_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|v| v as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{Block, Document};

    fn doc(text: &str) -> Document {
        crate::table::testutil::doc(text)
    }

    /// (row path, column path, raw) of every cell of the document's tables.
    fn table_cells(d: &Document) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for b in &d.blocks {
            if let Block::Table(t) = b {
                assert_eq!(t.style, "aligned");
                for r in &t.rows {
                    for (c, cell) in t.columns.iter().zip(&r.cells) {
                        out.push((r.path.join(">"), c.path.join(">"), cell.raw.clone()));
                    }
                }
            }
        }
        out
    }

    fn has(cells: &[(String, String, String)], row: &str, col: &str, raw: &str) -> bool {
        cells
            .iter()
            .any(|(r, c, v)| r == row && c == col && v == raw)
    }

    #[test]
    fn squeezed_numbers_are_cut_off_labels_only() {
        let t: Vec<String> = cells("（四）无 1.本机关不掌握 746 12 0")
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(t, ["（四）无 1.本机关不掌握", "746", "12", "0"]);
        // numbers alone stay one fragment; a date is no number
        assert_eq!(cells("12 34").len(), 1);
        assert_eq!(cells("2025 年 1 月").len(), 1);
    }

    #[test]
    fn clean_label_closes_letter_spacing() {
        assert_eq!(clean_label("商 业 企"), "商业企");
        assert_eq!(clean_label("Total  cost"), "Total cost");
    }

    /// A line with each text at its display column (CJK two wide).
    fn at(parts: &[(usize, &str)]) -> String {
        let mut line = String::new();
        let mut x = 0;
        for &(col, text) in parts {
            while x < col {
                line.push(' ');
                x += 1;
            }
            line.push_str(text);
            x += text.chars().map(crate::line_kind::width).sum::<usize>();
        }
        line
    }

    /// Right-aligned values ending at the display columns of `ends`.
    fn values(parts: &mut Vec<(usize, &'static str)>, ends: [usize; 4], v: [&'static str; 4]) {
        for (e, t) in ends.iter().zip(v) {
            parts.push((e - t.len(), t));
        }
    }

    /// pdftotext-like: numbers right-aligned, spanning headers centred, a header split
    /// over two lines, a label wrapped around its value line, a label spanning rows
    /// printed one character per line in the middle of them.
    #[test]
    fn pdftotext_layout_table() {
        let ends = [34, 44, 54, 62];
        let row = |label: Option<(usize, &'static str)>, v: [&'static str; 4]| {
            let mut p: Vec<(usize, &'static str)> = label.into_iter().collect();
            values(&mut p, ends, v);
            at(&p)
        };
        let lines = [
            "三、收到和处理政府信息公开申请情况".to_string(),
            String::new(),
            at(&[(39, "申请人情况")]),
            at(&[(1, "信息内容"), (38, "法人或其他组织")]),
            at(&[(27, "自然人"), (57, "总计")]),
            at(&[(36, "商业企"), (46, "科研机")]),
            at(&[(36, "业"), (46, "构")]),
            String::new(),
            row(Some((1, "一、本年新收申请")), ["12", "3", "4", "19"]),
            String::new(),
            row(Some((7, "（一）予以公开")), ["1", "0", "0", "1"]),
            at(&[(1, "三、")]),
            at(&[(7, "（二）部分公开（区分处")]),
            row(None, ["2", "1", "1", "4"]),
            at(&[(1, "本"), (7, "理的）")]),
            row(Some((17, "1.属于秘密")), ["3", "0", "1", "4"]),
            at(&[(1, "年"), (7, "（三）不")]),
            at(&[(7, "予公开")]),
            row(Some((17, "2.其他")), ["10", "2", "0", "12"]),
            String::new(),
            row(Some((1, "四、结转下年度")), ["5", "0", "0", "5"]),
        ];
        let d = doc(&lines.join("\n"));
        let c = table_cells(&d);
        assert!(
            d.warnings.is_empty(),
            "{:?}\n{}\n{c:?}",
            d.warnings,
            lines.join("\n")
        );
        let c = table_cells(&d);
        assert!(
            has(&c, "一、本年新收申请", "申请人情况>自然人", "12"),
            "{c:?}"
        );
        assert!(has(
            &c,
            "一、本年新收申请",
            "申请人情况>法人或其他组织>商业企业",
            "3"
        ));
        assert!(has(
            &c,
            "一、本年新收申请",
            "申请人情况>法人或其他组织>科研机构",
            "4"
        ));
        assert!(has(&c, "一、本年新收申请", "申请人情况>总计", "19"));
        assert!(has(&c, "三、本年>（一）予以公开", "申请人情况>总计", "1"));
        assert!(has(
            &c,
            "三、本年>（二）部分公开（区分处理的）",
            "申请人情况>自然人",
            "2"
        ));
        assert!(has(
            &c,
            "三、本年>（三）不予公开>1.属于秘密",
            "申请人情况>总计",
            "4"
        ));
        assert!(has(
            &c,
            "三、本年>（三）不予公开>2.其他",
            "申请人情况>自然人",
            "10"
        ));
        assert!(has(&c, "四、结转下年度", "申请人情况>自然人", "5"));
        assert_eq!(c.len(), 6 * 4);
    }

    /// A padded grid: every cell at its column's start, spanning labels in their first
    /// column, a parent printed over its first child only.
    #[test]
    fn padded_grid_with_left_aligned_parents() {
        let text = "\
四、政府信息公开行政复议、行政诉讼情况

行政复议              行政诉讼
结果维持  总计        未经复议直接起诉    复议后起诉
                      结果维持  总计      结果维持  总计
1         2           3         4         5         6
";
        let c = table_cells(&doc(text));
        assert!(has(&c, "", "行政复议>结果维持", "1"), "{c:?}");
        assert!(has(&c, "", "行政复议>总计", "2"));
        assert!(has(&c, "", "行政诉讼>未经复议直接起诉>总计", "4"));
        assert!(has(&c, "", "行政诉讼>复议后起诉>结果维持", "5"));
        assert!(has(&c, "", "行政诉讼>复议后起诉>总计", "6"));
    }

    /// A table continued on the next page: page number, form feed and the header
    /// printed again are not rows; it stays one table.
    #[test]
    fn page_break_with_repeated_header() {
        let text = "\
二、主动公开政府信息情况

信息内容          本年制发件数  现行有效件数
规章              1             2

                     - 3 -
\u{c}信息内容          本年制发件数  现行有效件数
行政规范性文件    3             4
";
        let d = doc(text);
        let tables: Vec<_> = d.tables().collect();
        assert_eq!(tables.len(), 1);
        let c = table_cells(&d);
        assert!(has(&c, "行政规范性文件", "现行有效件数", "4"), "{c:?}");
        assert_eq!(c.len(), 4);
        assert!(
            d.blocks
                .iter()
                .any(|b| matches!(b, Block::Furniture(f) if f.text == "- 3 -"))
        );
    }

    #[test]
    fn band_lines_cut_blocks() {
        let text = "\
二、主动公开政府信息情况

第二十条    第（一）项
信息内容          本年制发件数  现行有效件数
规章              1             2
第二十条    第（五）项
信息内容          本年处理决定数量
行政许可          7
";
        let d = doc(text);
        let t: Vec<_> = d.tables().collect();
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].band.as_deref(), Some("第二十条第（五）项"));
        assert_eq!(t[1].rows[0].path, ["第二十条第（五）项", "行政许可"]);
        assert_eq!(t[1].columns[0].path, ["本年处理决定数量"]);
    }

    /// Issue 13: in aligned text a numbered caption line (with the running head above it)
    /// titles the table and is no header; a line of years under the header is header
    /// text; dot leaders are not part of labels; an indentation of two columns is a level.
    #[test]
    fn issue_13_caption_years_dot_leaders_and_indentation() {
        let text = "\
  HOUSEHOLD DATA                                    HOUSEHOLD DATA
  Table B-2.  Persons by status

                                  Not adjusted        Adjusted
         Status                   Aug.     July     Aug.     July
                                  2007     2008     2007     2008
  Population.............       232,211  233,864  232,211  233,198
    Labor force..........       153,493  156,300  152,886  153,957
      Employed...........       146,406  146,867  145,753  146,331
    Not in labor force...        78,717   77,564   79,325   79,241
";
        let d = doc(text);
        let t = d
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .expect("a table");
        assert_eq!(t.title.as_deref(), Some("Table B-2. Persons by status"));
        let cells = table_cells(&d);
        assert_eq!(cells.len(), 16, "{cells:?}");
        assert!(
            has(&cells, "Population", "Not adjusted>Aug. 2007", "232,211"),
            "{cells:?}"
        );
        assert!(has(
            &cells,
            "Population>Labor force",
            "Adjusted>July 2008",
            "153,957"
        ));
        assert!(has(
            &cells,
            "Population>Labor force>Employed",
            "Not adjusted>July 2008",
            "146,867"
        ));
        assert!(has(
            &cells,
            "Population>Not in labor force",
            "Adjusted>Aug. 2007",
            "79,325"
        ));
    }
}
