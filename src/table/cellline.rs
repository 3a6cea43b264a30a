//! One cell per line: HTML tables flattened cell by cell, and PDF text boxes.
//!
//! Five layouts reach us:
//! - each cell after a bar, `| text`, a row's first cell without one and its end a line
//!   of bars ([`crate::table::pipe::bar_first_rows`]): the rows are certain, read as a
//!   grid;
//! - rows separated by a blank line (`规章` `0` `0` `0`, blank, `行政规范性文件` …);
//! - rows separated by a lone `|` line;
//! - each cell followed by a `|` line (rows then separated by a blank line);
//! - no separator at all: the cells of row after row, as present in the HTML (a cell
//!   spanning rows printed once, in its first row).
//!
//! With separators, each group of lines is a row in the pipe sense and goes to the
//! shared [`crate::table::segments`]. Without them the rows are rebuilt: runs of value
//! lines end the rows, the labels before a run are that row's labels, and the cells
//! before the first row are band, corner cell and header, whose rows are found by
//! reading the header cells as the level-order walk of the header tree
//! ([`crate::table::header::level_order`]) with as many leaves as a row has values.
//! A run of values that is not a whole number of rows cannot be placed safely: its row
//! is kept with every value cell missing, and a warning names each value left out.

use super::header::{LevelOrder, level_order};
use super::{Piece, RawRow, Segment, Shape};
use crate::line_kind::{LineKind, is_band_text};
use crate::lines::Line;
use crate::model::Warning;
use crate::normalize::trim;
use crate::outline::scan_outline;

/// Most labels one data row may carry (deeper rows are a header or text).
const MAX_ROW_LABELS: usize = 4;

/// Rows at the start of a table whose widest gives its width (one cell a line, the empty
/// cells dropped: a first row may print fewer values than the columns).
const FIRST_ROWS: usize = 3;

/// What a line of the region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Value,
    Label,
    Bar,
    Blank,
    Furniture,
}

#[derive(Debug, Clone)]
struct Item {
    no: u32,
    text: String,
    kind: Kind,
    /// A label printed on the line of its row's values (a squeezed row).
    row: bool,
}

/// Reads a cell-per-line region; `kinds` are the classified kinds of its lines; `drawn`:
/// the text is a PDF's in drawing order (its blank lines part nothing of a table's).
pub fn read(
    lines: &[Line],
    kinds: &[LineKind],
    drawn: bool,
    warnings: &mut Vec<Warning>,
) -> Vec<Piece> {
    // a row `a | b |` broken before each bar: the bars give the rows
    let texts: Vec<(u32, &str)> = lines.iter().map(|l| (l.no, l.text.as_str())).collect();
    if let Some(rows) = super::pipe::bar_first_rows(&texts) {
        return printed_rows(rows, &texts, true);
    }
    // (a line of words ending in a number over as many values alone on their lines as
    // the rows of labels alone print is a label, its row's values one a line below it:
    // `Under 1` over six values like `All Ages`; a squeezed row holds its first values
    // on its own line)
    let run = |i: usize| {
        kinds[i + 1..]
            .iter()
            .take_while(|k| **k == LineKind::Value)
            .count()
    };
    let mut runs: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] == LineKind::Text)
        .map(run)
        .filter(|&r| r >= 2)
        .collect();
    runs.sort_unstable();
    let row_width = runs
        .chunk_by(|a, b| a == b)
        .max_by_key(|c| c.len())
        .map(|c| c[0]);
    let mut items: Vec<Item> = Vec::with_capacity(lines.len());
    for (i, (l, k)) in lines.iter().zip(kinds).enumerate() {
        if *k == LineKind::Squeezed && row_width != Some(run(i)) {
            squeezed_items(l, &mut items);
            continue;
        }
        // a cell printed `text |`, or bars alone (`|`, `||`)
        if matches!(k, LineKind::Pipe | LineKind::Bar) && super::pipe::is_barred_cell(&l.text) {
            let text = super::pipe::barred_text(&l.text);
            items.push(Item {
                no: l.no,
                text: text.to_string(),
                kind: if text.is_empty() {
                    Kind::Bar
                } else if crate::line_kind::is_value(text) {
                    Kind::Value
                } else {
                    Kind::Label
                },
                row: false,
            });
            continue;
        }
        items.push(Item {
            no: l.no,
            text: trim(l.text.trim_start_matches('\u{c}')).to_string(),
            kind: match k {
                LineKind::Value => Kind::Value,
                LineKind::Bar => Kind::Bar,
                LineKind::Blank => Kind::Blank,
                LineKind::Furniture => Kind::Furniture,
                _ => Kind::Label,
            },
            row: false,
        });
    }
    // a year is no value (a label spanning a year's rows, printed before its first row's
    // own label; or a header cell) right before a period's label (`1998` then `Q1`), between
    // two labels where the row after prints two values or more (`Hispanic origin`, `1980`,
    // `Total, 3 to 34 years`, `49.7 (0.2)`, …), or in a run of years right after the cell
    // naming the rows (`Item`, `2015`, `2016`)
    let filled: Vec<usize> = (0..items.len())
        .filter(|&k| items[k].kind != Kind::Blank)
        .collect();
    let mut after_corner = false;
    for (f, &k) in filled.iter().enumerate() {
        let year =
            items[k].kind == Kind::Value && crate::line_kind::year_of(&items[k].text).is_some();
        if !year {
            after_corner = super::names_rows(&items[k].text);
            continue;
        }
        let at = |d: isize| {
            f.checked_add_signed(d)
                .and_then(|g| filled.get(g))
                .map(|&g| &items[g])
        };
        let label = |d: isize| at(d).is_some_and(|it| it.kind == Kind::Label);
        let before_period =
            || label(1) && at(1).is_some_and(|n| crate::outline::period_rank(&n.text).is_some());
        let between = || {
            let row_after = filled[f + 1..]
                .iter()
                .skip_while(|&&g| items[g].kind == Kind::Label)
                .take_while(|&&g| items[g].kind == Kind::Value)
                .count();
            label(-1) && label(1) && row_after >= 2
        };
        if after_corner || before_period() || between() {
            items[k].kind = Kind::Label;
        } else {
            after_corner = false;
        }
    }
    // a text dump with squeezed rows wraps labels over lines, one piece per line
    let squeezed = kinds.contains(&LineKind::Squeezed);
    if squeezed {
        items = join_wrapped(items);
    }
    // cells printed `text |` (a page store's conversion): its header rows print no row
    // ends, and no template checks these pages, so a header is read only where its cells
    // allow one reading
    let barred = lines.iter().zip(kinds).any(|(l, k)| {
        *k == LineKind::Pipe
            && (super::pipe::is_barred_cell(&l.text) || super::pipe::padded_cell(&l.text).is_some())
    });
    let mut barred = barred;
    let mut closed = false;
    if barred && let Some(rows) = super::pipe::padded_rows(&texts) {
        // the same cells, each row padded to the table's width by a line of bars: rows of
        // the cells present
        return printed_rows(rows, &texts, false);
    } else if barred && let Some(cells) = empty_cells(&items, lines) {
        items = cells;
    } else if let Some(cells) = closing_bars(&items) {
        // (the same page stores' conversion: a header is read where its cells allow one
        // reading only, its rows kept under unnamed columns where they allow several)
        items = cells;
        barred = true;
        closed = true;
    }
    let mut out = Vec::new();
    match groups(&items, drawn) {
        Some(groups) => read_groups(&split_text_heads(groups), &mut out, warnings),
        None => read_flat(&items, squeezed, barred, closed, &mut out, warnings),
    }
    out.sort_by_key(|p| match p {
        Piece::Table { seg, .. } | Piece::Beside { left: seg, .. } => seg.lines[0],
        Piece::Furniture(no) | Piece::Text(no) => *no,
        Piece::Unread(lines) => lines[0],
    });
    out
}

/// The tables of rows whose cells the lines print row by row (`(first line, cells)`): a grid
/// (every row as wide as the table), or the cells present in each row.
fn printed_rows(rows: Vec<(u32, Vec<String>)>, texts: &[(u32, &str)], grid: bool) -> Vec<Piece> {
    let rows: Vec<RawRow> = rows
        .into_iter()
        .map(|(line, cells)| RawRow::printed(line, cells))
        .collect();
    let span = [texts[0].0, texts[texts.len() - 1].0];
    super::segments(rows, span, grid)
        .into_iter()
        .map(|seg| Piece::Table {
            seg: Segment {
                present: !grid,
                ..seg
            },
            grid,
        })
        .collect()
}

/// Where cells print `text |`, each bar of a line of bars alone may end an empty cell
/// (`||`: two empty cells, a row's blanks run together): the items with those lines'
/// bars after the first label as empty values, where every run of labels then heads as
/// many values as every other (the rows' width agrees; labels after the last values are
/// no row); `None` where it does not (bars in a header's spans, a row that would take
/// another count).
fn empty_cells(items: &[Item], lines: &[Line]) -> Option<Vec<Item>> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut seen_label = false;
    let mut expanded = false;
    for it in items {
        seen_label |= it.kind == Kind::Label;
        // (the line of a bar item: lines are in order of their numbers)
        let bars = if it.kind == Kind::Bar && seen_label {
            lines
                .binary_search_by_key(&it.no, |l| l.no)
                .map_or(0, |i| lines[i].text.trim().len())
        } else {
            0
        };
        if bars > 0 {
            expanded = true;
            out.extend((0..bars).map(|_| Item {
                no: it.no,
                text: String::new(),
                kind: Kind::Value,
                row: false,
            }));
        } else {
            out.push(it.clone());
        }
    }
    let counts = values_per_row(&out);
    let width = *counts.first()?;
    (expanded && width > 0 && counts.iter().all(|&c| c == width)).then_some(out)
}

/// The number of values after each run of labels of `items` (labels after the last values
/// are no row: text).
fn values_per_row(items: &[Item]) -> Vec<usize> {
    let mut counts: Vec<usize> = Vec::new();
    let mut after_label = false;
    for it in items {
        match it.kind {
            Kind::Label if !after_label => {
                counts.push(0);
                after_label = true;
            }
            Kind::Value => {
                if let Some(c) = counts.last_mut() {
                    *c += 1;
                }
                after_label = false;
            }
            _ => {}
        }
    }
    if counts.last() == Some(&0) {
        counts.pop();
    }
    counts
}

/// Where every cell's line is followed by a line of a bar alone, its closing bar (`99.6`
/// / `|`), and no blank line parts rows, a bar line after another bar line closes a cell
/// that printed nothing: an empty value. The items with each cell's closing bar dropped
/// and those empty cells in, where every run of labels then heads as many values as every
/// other (the rows' width agrees; a bar closing the whole table after the last row's
/// cells is no cell); `None` where they do not.
fn closing_bars(items: &[Item]) -> Option<Vec<Item>> {
    let cell = |k: Kind| matches!(k, Kind::Value | Kind::Label);
    // (lines over the first closed cell stand above the table: its unit line, `单位:万元`)
    let first = items
        .windows(2)
        .position(|w| cell(w[0].kind) && w[1].kind == Kind::Bar)?;
    let (above, items) = items.split_at(first);
    let n_cells = items.iter().filter(|it| cell(it.kind)).count();
    let closed = items
        .windows(2)
        .filter(|w| cell(w[0].kind) && w[1].kind == Kind::Bar)
        .count();
    if items.iter().any(|it| it.kind == Kind::Blank) || n_cells < 6 || closed * 10 < n_cells * 9 {
        return None;
    }
    let mut out: Vec<Item> = above.to_vec();
    let mut seen_label = false;
    let mut prev = Kind::Blank;
    for it in items {
        seen_label |= it.kind == Kind::Label;
        match it.kind {
            Kind::Bar if !cell(prev) && seen_label => out.push(Item {
                text: String::new(),
                kind: Kind::Value,
                ..it.clone()
            }),
            Kind::Bar => {}
            _ => out.push(it.clone()),
        }
        prev = it.kind;
    }
    let counts = values_per_row(&out);
    let width = *counts.first()?;
    let last = counts.len() - 1;
    // (the table's closing bar: one empty cell more after the last row's)
    let extra = counts[last].checked_sub(width)?;
    let closing = extra == 1
        && out
            .last()
            .is_some_and(|it| it.kind == Kind::Value && it.text.is_empty());
    if width == 0 || counts[..last].iter().any(|&c| c != width) || (extra != 0 && !closing) {
        return None;
    }
    if closing {
        out.pop();
    }
    Some(out)
}

/// A squeezed row `（四）无 1.本机关不掌握相关政府信息 746 12 0`: its labels (cut where
/// an outline number starts) and its values.
fn squeezed_items(l: &Line, items: &mut Vec<Item>) {
    let cells = crate::line_kind::cells(&l.text);
    let tail = cells
        .iter()
        .rev()
        .take_while(|f| crate::line_kind::is_value(&f.text))
        .count();
    let split = cells.len() - tail;
    for f in &cells[..split] {
        let mut piece = String::new();
        for tok in f.text.split(' ') {
            if !piece.is_empty() && scan_outline(tok).is_some() {
                items.push(label_item(l.no, std::mem::take(&mut piece)));
            }
            if !piece.is_empty() {
                piece.push(' ');
            }
            piece.push_str(tok);
        }
        if !piece.is_empty() {
            items.push(label_item(l.no, piece));
        }
    }
    for f in &cells[split..] {
        items.push(Item {
            no: l.no,
            text: f.text.clone(),
            kind: Kind::Value,
            row: false,
        });
    }
}

fn label_item(no: u32, text: String) -> Item {
    Item {
        no,
        text,
        kind: Kind::Label,
        row: true,
    }
}

/// A numbered label cut short by wrapping: nothing or two characters after its number
/// (`三、`, `（三）不`), or a bracket left open (`（二）部分公开（区分处理的，只计这一情`).
fn cut_short(t: &str) -> bool {
    let Some(o) = scan_outline(t) else {
        return bare_number(t);
    };
    let rest = trim(&t[o.len..]);
    let open = rest.matches(['（', '(']).count();
    let close = rest.matches(['）', ')']).count();
    rest.chars().count() <= 2 || open > close
}

/// An outline number with nothing after it (`三、`, `（三）`).
fn bare_number(t: &str) -> bool {
    scan_outline(t).is_none() && scan_outline(&format!("{t}甲")).is_some_and(|o| o.len == t.len())
}

/// Joins the pieces of numbered labels wrapped over several lines: the pieces after a
/// label cut short, and the one or two characters per line of a label printed down a
/// narrow column (`三、` `本` `年` … `果`), up to the next numbered label.
fn join_wrapped(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut numbered = false;
    for it in items {
        if it.kind == Kind::Label
            && let Some(last) = out.last_mut()
            && last.kind == Kind::Label
            && numbered
            && scan_outline(&it.text).is_none()
            && !is_band_text(&it.text)
            && (cut_short(&last.text) || it.text.chars().count() <= 2)
        {
            crate::normalize::push_label(&mut last.text, &it.text);
            last.row |= it.row;
            continue;
        }
        numbered =
            it.kind == Kind::Label && (scan_outline(&it.text).is_some() || bare_number(&it.text));
        out.push(it);
    }
    out
}

/// Rows given by separators: lone `|` lines between rows, or blank lines between rows
/// (each cell possibly followed by a `|`). `None` when the region has no separators
/// that make rows, also where a blank line follows every cell (unless the text is in
/// drawing order, `drawn`, whose blank lines are the PDF's, not a table's).
fn groups(items: &[Item], drawn: bool) -> Option<Vec<Vec<&Item>>> {
    let cells = |it: &&Item| matches!(it.kind, Kind::Value | Kind::Label);
    let n_cells = items.iter().filter(cells).count();
    let bars = items.iter().filter(|i| i.kind == Kind::Bar).count();
    // every cell followed by its own bar: the bars mark cells, blank lines mark rows
    let per_cell = bars > 0 && bars * 10 >= n_cells * 9;
    let row_sep =
        |it: &Item| it.kind == Kind::Blank || (bars > 0 && !per_cell && it.kind == Kind::Bar);
    let mut out: Vec<Vec<&Item>> = Vec::new();
    let mut cur: Vec<&Item> = Vec::new();
    for it in items {
        if row_sep(it) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else if it.kind != Kind::Bar && it.kind != Kind::Blank {
            cur.push(it);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    // a blank line after (nearly) every cell, labels and values alike, parts cells, not
    // rows: no separators
    let singles = out.iter().filter(|g| g.len() == 1).count();
    let single = |k: Kind| {
        out.iter()
            .filter(|g| g.len() == 1 && g[0].kind == k)
            .count()
    };
    if !drawn
        && singles * 10 >= out.len() * 9
        && single(Kind::Label) >= 3
        && single(Kind::Value) >= 3
    {
        return None;
    }
    // rows: each group holds at most one run of values, at its end, and several do
    let runs = |g: &Vec<&Item>| {
        let mut r = 0;
        let mut prev = false;
        for it in g.iter().filter(|i| i.kind != Kind::Furniture) {
            let v = it.kind == Kind::Value;
            if v && !prev {
                r += 1;
            }
            prev = v;
        }
        r
    };
    let data_groups = out.iter().filter(|g| runs(g) == 1).count();
    let rows_ok = out.iter().all(|g| runs(g) <= 1) && data_groups >= 2;
    rows_ok.then_some(out)
}

/// True when the label next to `labs[j]` is numbered in the same scheme: a run of
/// numbered labels (`一、本年新收…`, `二、上年结转…`) is a column of row labels, not a
/// series of headings (a heading is followed by its content).
fn in_list(labs: &[&Item], j: usize) -> bool {
    let scheme = |k: usize| {
        labs.get(k)
            .and_then(|it| scan_outline(&it.text))
            .map(|o| o.scheme)
    };
    let s = scheme(j);
    s.is_some() && ((j > 0 && scheme(j - 1) == s) || scheme(j + 1) == s)
}

/// A line that is running text rather than a cell: a heading of the report, or prose.
fn is_text(t: &str) -> bool {
    if is_band_text(t) {
        return false;
    }
    let chars = t.chars().count();
    let heading = scan_outline(t)
        .is_some_and(|o| o.scheme.rank() <= 2 && trim(&t[o.len..]).chars().count() >= 4);
    heading || chars > 45 || (chars > 15 && t.ends_with(['。', '！', '？', '；']))
}

/// A group without values that starts with running text (a heading right above the
/// header cells, with no blank line between): the text up to its last heading or
/// sentence is a group of its own.
fn split_text_heads(groups: Vec<Vec<&Item>>) -> Vec<Vec<&Item>> {
    let mut out = Vec::with_capacity(groups.len());
    for g in groups {
        let last = g
            .iter()
            .rposition(|it| it.kind == Kind::Label && is_text(&it.text));
        match last {
            Some(p) if p + 1 < g.len() && !g.iter().any(|it| it.kind == Kind::Value) => {
                let mut g = g;
                let rest = g.split_off(p + 1);
                out.push(g);
                out.push(rest);
            }
            _ => out.push(g),
        }
    }
    out
}

/// A group of lines without values holding a heading or a sentence: running text.
fn is_text_group(g: &[&Item]) -> bool {
    !g.iter().any(|it| it.kind == Kind::Value)
        && g.iter()
            .any(|it| it.kind == Kind::Label && is_text(&it.text))
}

fn read_groups(groups: &[Vec<&Item>], out: &mut Vec<Piece>, warnings: &mut Vec<Warning>) {
    let mut i = 0;
    while i < groups.len() {
        let g = &groups[i];
        let cells: Vec<&&Item> = g.iter().filter(|it| it.kind != Kind::Furniture).collect();
        let text = is_text_group(g);
        if text || cells.is_empty() {
            for it in g {
                out.push(match it.kind {
                    Kind::Furniture => Piece::Furniture(it.no),
                    _ => Piece::Text(it.no),
                });
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < groups.len() {
            if is_text_group(&groups[j]) {
                break;
            }
            j += 1;
        }
        let mut rows: Vec<RawRow> = Vec::new();
        for g in &groups[i..j] {
            let cells: Vec<String> = g
                .iter()
                .filter(|it| it.kind != Kind::Furniture)
                .map(|it| it.text.clone())
                .collect();
            for it in g.iter().filter(|it| it.kind == Kind::Furniture) {
                out.push(Piece::Furniture(it.no));
            }
            if let Some(first) = g.iter().find(|it| it.kind != Kind::Furniture) {
                rows.push(RawRow {
                    line: first.no,
                    cells,
                    unplaced: Vec::new(),
                    indent: 0,
                });
            }
        }
        let first = groups[i].first().map_or(0, |it| it.no);
        let last = groups[j - 1].last().map_or(first, |it| it.no);
        for mut seg in super::segments(rows, [first, last], false) {
            drop_ragged(&mut seg.rows, warnings);
            out.push(Piece::Table { seg, grid: false });
        }
        i = j;
    }
}

/// Rows whose values are fewer than the table's (empty cells dropped by the
/// flattening) cannot be placed: their values are taken out and reported, so the row
/// keeps its label with every cell missing.
fn drop_ragged(rows: &mut [RawRow], warnings: &mut Vec<Warning>) {
    let tail = |r: &RawRow| {
        r.cells
            .iter()
            .rev()
            .take_while(|c| crate::line_kind::is_value(c))
            .count()
    };
    let mut freq: Vec<(usize, usize)> = Vec::new();
    for r in rows.iter() {
        let t = tail(r);
        if t == 0 {
            continue;
        }
        match freq.iter_mut().find(|(k, _)| *k == t) {
            Some(f) => f.1 += 1,
            None => freq.push((t, 1)),
        }
    }
    let Some(n) = freq.iter().max_by_key(|&&(k, f)| (f, k)).map(|&(k, _)| k) else {
        return;
    };
    for r in rows.iter_mut() {
        let t = tail(r);
        if t == 0 || t == n {
            continue;
        }
        let cut = r.cells.len() - t;
        r.unplaced = r.cells.split_off(cut);
        for v in &r.unplaced {
            warnings.push(Warning {
                line: Some(r.line),
                code: "unplaced-value".into(),
                message: format!(
                    "the row has {t} of {n} values (empty cells were dropped); value {v:?} cannot be placed and is left out"
                ),
            });
        }
    }
}

/// A stretch of the flat item list: labels (with their items) then values.
struct Stretch<'a> {
    labels: Vec<&'a Item>,
    values: Vec<&'a Item>,
}

/// No separators: rows rebuilt from the runs of values. `only` and `unnamed`: see
/// [`read_table`].
fn read_flat(
    items: &[Item],
    squeezed: bool,
    only: bool,
    unnamed: bool,
    out: &mut Vec<Piece>,
    warnings: &mut Vec<Warning>,
) {
    let mut stretches: Vec<Stretch> = Vec::new();
    let mut cur = Stretch {
        labels: Vec::new(),
        values: Vec::new(),
    };
    // an empty cell printed before any other (`|` over `现价工业产值 |`) is the empty corner
    let corner: Option<Item> = items
        .iter()
        .take_while(|it| !matches!(it.kind, Kind::Label | Kind::Value))
        .find(|it| only && it.kind == Kind::Bar)
        .map(|it| Item {
            no: it.no,
            text: String::new(),
            kind: Kind::Label,
            row: false,
        });
    for it in items {
        match it.kind {
            Kind::Furniture => out.push(Piece::Furniture(it.no)),
            Kind::Bar if corner.as_ref().is_some_and(|c| c.no == it.no) => {
                cur.labels.extend(corner.as_ref());
            }
            Kind::Blank | Kind::Bar => {}
            Kind::Value => cur.values.push(it),
            Kind::Label => {
                if !cur.values.is_empty() {
                    stretches.push(std::mem::replace(
                        &mut cur,
                        Stretch {
                            labels: Vec::new(),
                            values: Vec::new(),
                        },
                    ));
                }
                cur.labels.push(it);
            }
        }
    }
    let trailing = if cur.values.is_empty() {
        cur.labels
    } else {
        stretches.push(cur);
        Vec::new()
    };
    spanning_years(&mut stretches);
    header_years(&mut stretches);
    // (rows told apart by their years alone: a header is named only where its cells
    // admit one reading, else its columns are left without paths)
    let by_years = year_rows(&mut stretches);
    // tables: a new one starts at a stretch whose labels cannot be one row's
    let mut t = 0;
    while t < stretches.len() {
        let mut e = t + 1;
        // (its width: the most values one of its first rows prints, a flattening that
        // drops empty cells printing fewer in some; a narrower row is not placed)
        let n0 = stretches[t..]
            .iter()
            .take(FIRST_ROWS)
            .enumerate()
            .take_while(|(k, s)| {
                *k == 0
                    || !(s.labels.iter().any(|it| is_band_text(&it.text))
                        || s.labels.len() > MAX_ROW_LABELS)
            })
            .map(|(_, s)| s.values.len())
            .max()
            .unwrap_or(0);
        while e < stretches.len() {
            let s = &stretches[e];
            let band = s.labels.iter().any(|it| is_band_text(&it.text));
            let more = s.values.len() > n0 && !s.values.len().is_multiple_of(n0.max(1));
            if band || more || s.labels.len() > MAX_ROW_LABELS {
                break;
            }
            e += 1;
        }
        let (only, unnamed) = (only || by_years, unnamed || by_years);
        read_table(
            &stretches[t..e],
            n0,
            (squeezed, only, unnamed),
            out,
            warnings,
        );
        t = e;
    }
    for it in trailing {
        out.push(Piece::Text(it.no));
    }
}

/// A year heading the rows under it (`2006` over `Mar Qtr`, `Jun Qtr` …) spans them and
/// is printed once, as the first cell of its first row; one cell a line, it reads as one
/// value more after the row above. Where most runs of values have one length, a run one
/// longer ending in a year, before a run of that length under labels of its own, gives
/// the year to the labels after it. (Any other extra value is left where it stands: the
/// row is not placed.)
fn spanning_years(stretches: &mut [Stretch]) {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for s in stretches.iter() {
        *counts.entry(s.values.len()).or_default() += 1;
    }
    let Some((&m, &k)) = counts.iter().max_by_key(|&(&len, &c)| (c, len)) else {
        return;
    };
    if m == 0 || k < 3 {
        return;
    }
    for i in 0..stretches.len().saturating_sub(1) {
        let (a, b) = stretches.split_at_mut(i + 1);
        let (s, next) = (&mut a[i], &mut b[0]);
        let Some(last) = s.values.last() else {
            continue;
        };
        if s.values.len() == m + 1
            && super::joined::is_year_word(&last.text)
            && !last.text.ends_with('.')
            && !next.labels.is_empty()
            && next.values.len() == m
        {
            let year = s.values.pop().expect("a last value");
            next.labels.insert(0, year);
        }
    }
}

/// A header row of years (`项目` `2008` `2009`, each year over the columns of its
/// group) reads as a first run of values; the header cells under it and the first row's
/// label follow as labels. Years in order, then more labels than any later row carries,
/// the same run of them once a year: the years are header cells of the table the next
/// run of values starts. So are years in order after the word naming the rows (`项目`
/// `2000` … `2014`) over rows of as many values each: the whole header.
fn header_years(stretches: &mut Vec<Stretch>) {
    let [first, second, rest @ ..] = stretches.as_slice() else {
        return;
    };
    let years: Option<Vec<u32>> = first
        .values
        .iter()
        .map(|it| {
            super::joined::is_year_word(&it.text)
                .then(|| it.text.trim_end_matches('.').parse().ok())
                .flatten()
        })
        .collect();
    let Some(years) = years.filter(|y| y.len() >= 2 && y.windows(2).all(|w| w[0] < w[1])) else {
        return;
    };
    let later = rest
        .iter()
        .map(|s| s.labels.len())
        .max()
        .unwrap_or(1)
        .max(1);
    // (or the years are the whole header, after the word naming the rows: `项目` `2000`
    // … `2014` over rows of as many values)
    let whole = first
        .labels
        .last()
        .is_some_and(|it| super::names_rows(&it.text))
        && second.values.len() == years.len()
        && rest.iter().all(|s| s.values.len() == years.len());
    if whole {
        merge_first(stretches);
        return;
    }
    if rest.is_empty() || second.labels.len() <= later {
        return;
    }
    // (each year over the same leaves: the cells between the years and the first row's
    // label repeat their run once a year)
    let leaves: Vec<String> = second.labels[..second.labels.len() - later]
        .iter()
        .map(|it| crate::normalize::fold(&it.text))
        .collect();
    if super::repeat_period(&leaves).is_none_or(|p| leaves.len() / p != years.len()) {
        return;
    }
    merge_first(stretches);
}

/// Rows labelled by years (a yearbook's time series: `1978` `123.3` `457.7` …, `1979`
/// …), one cell a line: each year reads as a value, so the rows run together into one
/// run of values. Where every `p`-th value from the first is a year, the years in order,
/// and the run is a whole number of such rows (three or more), each year labels the
/// `p - 1` values after it. The shortest such `p` is taken. True when rows were so told.
fn year_rows(stretches: &mut Vec<Stretch>) -> bool {
    let mut split = false;
    let mut out: Vec<Stretch> = Vec::with_capacity(stretches.len());
    for s in stretches.drain(..) {
        let v = &s.values;
        let year = |it: &&Item| -> Option<u32> {
            super::joined::is_year_word(&it.text)
                .then(|| it.text.trim_end_matches('.').parse().ok())
                .flatten()
        };
        let stride = (2..=v.len() / 3).find(|&p| {
            if !v.len().is_multiple_of(p) {
                return false;
            }
            let years: Option<Vec<u32>> = v.iter().step_by(p).map(year).collect();
            years.is_some_and(|y| {
                y.windows(2).all(|w| w[0] < w[1]) || y.windows(2).all(|w| w[0] > w[1])
            })
        });
        let Some(p) = stride else {
            out.push(s);
            continue;
        };
        split = true;
        let mut labels = s.labels;
        for row in v.chunks(p) {
            labels.push(row[0]);
            out.push(Stretch {
                labels: std::mem::take(&mut labels),
                values: row[1..].to_vec(),
            });
        }
    }
    *stretches = out;
    split
}

/// The first stretch's cells, labels and values, as the first labels of the next.
fn merge_first(stretches: &mut Vec<Stretch>) {
    let first = stretches.remove(0);
    let next = &mut stretches[0];
    let mut labels: Vec<&Item> = first.labels;
    labels.extend(first.values);
    labels.append(&mut next.labels);
    next.labels = labels;
}

/// A reading of a table's first cells: score, labels of the first row, corner cell
/// present, column paths, ambiguous.
type Reading = (f64, usize, bool, Vec<Vec<String>>, bool);

/// The reading of the header cells `h` over `n` value columns that the labels support
/// best, unless they leave it tied with others, the rows' figures (by value column)
/// contradict a sum it claims, or (with `only`) the cells admit other readings: then
/// the reading whose sums the figures bear out, where they single one out
/// ([`super::reading_by_sums`]), as the one reading the data allow.
fn settled_by_sums(
    lo: LevelOrder,
    h: &[String],
    n: usize,
    figures: &[Vec<Option<(f64, usize)>>],
    only: bool,
) -> LevelOrder {
    // (with `only`, a header is read where its cells admit one reading: where they
    // admit several, the sums may single one out)
    let settled = !lo.ambiguous && (lo.only || !only);
    if settled && !super::sums_contradict(&super::claimed_sums(&lo.paths), figures) {
        return lo;
    }
    match super::reading_by_sums(&super::header::level_order_readings(h, n), figures) {
        Some(paths) => LevelOrder {
            paths,
            ambiguous: false,
            only: true,
            ..lo
        },
        None => lo,
    }
}

/// One table: the labels of the first stretch hold text, band, corner and header.
/// With `only`, the header is read only when its cells admit one reading, with no more
/// labels on the first row than on the others, under a corner cell; where they admit
/// several, the table is text, or with `unnamed` its rows are kept under columns without
/// paths (the template may still name them).
fn read_table(
    st: &[Stretch],
    n: usize,
    (squeezed, only, unnamed): (bool, bool, bool),
    out: &mut Vec<Piece>,
    warnings: &mut Vec<Warning>,
) {
    let Some(first) = st.first() else {
        return;
    };
    // squeezed reading for a table whose own rows are squeezed
    let squeezed = squeezed && st.iter().any(|s| s.labels.iter().any(|l| l.row));
    let labs = &first.labels;
    // running text before the table: up to the last heading or sentence that is not
    // among the labels the first row may carry
    let scan = labs.len().saturating_sub(MAX_ROW_LABELS);
    let lead = (0..scan)
        .rev()
        .find(|&j| is_text(&labs[j].text) && !in_list(labs, j))
        .map_or(0, |p| p + 1);
    for it in &labs[..lead] {
        out.push(Piece::Text(it.no));
    }
    let mut rest = &labs[lead..];
    let mut band = None;
    let mut band_line = None;
    if let Some(mut b) = rest.iter().position(|it| is_band_text(&it.text)) {
        // text before the band is running text too
        for it in &rest[..b] {
            out.push(Piece::Text(it.no));
        }
        band_line = Some(rest[b].no);
        // bands one after another: the earlier ones head no rows (their table is printed
        // elsewhere); the last heads this one, and the table's lines start at the first
        while rest.get(b + 1).is_some_and(|it| is_band_text(&it.text)) {
            b += 1;
        }
        band = Some(rest[b].text.clone());
        rest = &rest[b + 1..];
    }
    // a unit line (`单位:亿元`) states the table's unit, no header cell: it and the
    // lines before it (caption, date line) stand above the header
    let mut above: Vec<String> = Vec::new();
    let mut above_line = None;
    if let Some(u) = rest
        .iter()
        .rposition(|it| crate::table::is_unit_line(&it.text))
        && u + 1 < rest.len()
    {
        above = rest[..=u].iter().map(|it| it.text.clone()).collect();
        above_line = Some(rest[0].no);
        rest = &rest[u + 1..];
    }
    // a cell naming the rows (`Item`, `项目`) is the header's corner, its first cell in
    // row order: the cells before it stand above the header (a page's title line, the
    // caption nearest the header)
    if let Some(k) = rest
        .iter()
        .position(|it| super::names_rows(&it.text))
        .filter(|&k| k > 0)
    {
        let cap = rest[..k]
            .iter()
            .rposition(|it| !crate::table::is_period(&it.text))
            .unwrap_or(0);
        for it in &rest[..cap] {
            out.push(Piece::Text(it.no));
        }
        above_line.get_or_insert(rest[cap].no);
        above.extend(rest[cap..k].iter().map(|it| it.text.clone()));
        rest = &rest[k..];
    }
    // how many labels the other rows carry
    let observed = st[1..].iter().map(|s| s.labels.len()).max();
    // the corner cell heads the row labels: readings with it come first, readings
    // without it only when none with it fits
    let counts: Vec<usize> = match observed {
        Some(0) => vec![0],
        Some(l) => (1..=(l + 1).min(MAX_ROW_LABELS)).collect(),
        None => (0..=MAX_ROW_LABELS).collect(),
    };
    // the rows' figures by value column: where the labels leave several readings tied,
    // the sums these bear out may single one out
    let figures: Vec<Vec<Option<(f64, usize)>>> = st
        .iter()
        .filter(|s| n > 0 && s.values.len().is_multiple_of(n))
        .flat_map(|s| s.values.chunks(n))
        .map(|row| row.iter().map(|it| super::number_of(&it.text)).collect())
        .collect();
    let mut best: Option<Reading> = None;
    let mut plain: Option<Reading> = None;
    // the best reading giving the first row as many labels as the others carry
    let mut as_observed: Option<Reading> = None;
    // a row with labels has the corner cell over them; without it only as a last resort
    // (a first cell naming the rows, `项目`, is the corner: no reading heads columns with it)
    let cornered = rest.first().is_some_and(|it| super::names_rows(&it.text));
    for loose in [false, true] {
        if squeezed || (only && loose) || (cornered && loose) {
            break;
        }
        for &r0 in &counts {
            let stub = r0 > 0 && !loose;
            if (loose && r0 == 0) || r0 + usize::from(stub) > rest.len() {
                continue;
            }
            let head = &rest[usize::from(stub)..rest.len() - r0];
            let h: Vec<String> = head.iter().map(|it| it.text.clone()).collect();
            // (a reading whose groups each hold the same labels is the one reports print:
            // `Rural Urban Combd.` under each of two periods)
            let repeated = super::header::repeated_reading(&h, n);
            let forced_by_repetition = repeated.is_some();
            // (full rows of one cell a column admit no reading with spans)
            let Some(lo) = repeated
                .or_else(|| level_order(&h, n).map(|lo| settled_by_sums(lo, &h, n, &figures, only)))
                .or_else(|| super::header::grid_reading(&h, n))
            else {
                continue;
            };
            let forced = lo.only || forced_by_repetition;
            if only && (!forced || observed.is_some_and(|o| r0 > o.max(1))) {
                continue;
            }
            // a first row with more labels than any other row is less likely
            let prior = match observed {
                Some(l) if r0 > l => -0.25,
                _ => 0.0,
            };
            let score = lo.score + prior;
            if observed == Some(r0) && as_observed.as_ref().is_none_or(|b| score > b.0 + 1e-9) {
                as_observed = Some((score, r0, stub, lo.paths.clone(), lo.ambiguous));
            }
            // (a first row printing the labels the others do, under header cells that
            // each head one column: the plainest reading)
            let flat = h.len() == n && lo.paths.iter().all(|p| p.len() == 1);
            if flat && !lo.ambiguous && observed == Some(r0) {
                plain = Some((score, r0, stub, lo.paths.clone(), false));
            }
            if best.as_ref().is_none_or(|b| score > b.0 + 1e-9) {
                best = Some((score, r0, stub, lo.paths, lo.ambiguous));
            }
        }
        if best.is_some() {
            break;
        }
    }
    // The first row of a table starts every label spanning rows, so it prints as many
    // labels as any row under it, unless it is a total whose label spans the label
    // columns. A reading giving it fewer, whose extra header cell heads a group of
    // look-alike labels (`上旬平均` over `中旬平均 …` and the first row's `菜籽油`), yields
    // to the one giving it as many under a header of one cell a column.
    if let (Some(b), Some(p)) = (&best, &plain)
        && b.1 < p.1
        && !rest[rest.len() - b.1..]
            .first()
            .is_some_and(|it| super::header::is_total(&it.text))
    {
        best = plain;
    }
    // A reading giving the first row more labels than any other row carries (a group
    // label over every row: `财政拨款收入` over `一般公共服务支出 …`) where another gives
    // it as many (that label a header cell: `收入预算` over `合计  财政拨款收入`): which,
    // the cells do not tell
    // the cells do not tell: the first row is read as the others, its columns unnamed
    if observed.is_some_and(|o| o > 0)
        && best
            .as_ref()
            .is_some_and(|b| observed.is_some_and(|o| b.1 > o))
        && let Some(mut b) = as_observed
    {
        b.4 = true;
        best = Some(b);
    }
    let first_line = band_line
        .or(above_line)
        .or(rest.first().map(|it| it.no))
        .or(first.values.first().map(|it| it.no))
        .unwrap_or(0);
    let last_line = st
        .last()
        .and_then(|s| s.values.last())
        .map_or(first_line, |it| it.no);
    // Cells that do not form a header over the values, or a second band among one
    // table's cells, mean the lines are not in row order (PDF text boxes read column
    // by column): nothing can be placed safely.
    let scrambled = rest.iter().any(|it| is_band_text(&it.text));
    let (r0, corner, paths, ambiguous) = match best {
        _ if squeezed => {
            let (r0, corner, paths) = squeezed_header(rest, n, warnings);
            (r0, corner, paths, false)
        }
        Some((_, r0, stub, paths, amb)) if !scrambled => {
            (r0, stub.then(|| rest[0].text.clone()), paths, amb)
        }
        // One run of values and nothing after it, under at least as many cells as it
        // has values (enough to head each): a single row, whose values are in order
        // whatever order the cells above came in. Kept without column paths.
        None if !scrambled && st.len() == 1 && n >= 2 && rest.len() >= n => {
            warnings.push(Warning {
                line: Some(first_line),
                code: "header-unresolved".into(),
                message: format!(
                    "the {} cells before this row of {n} values do not form its header; columns left without paths",
                    rest.len()
                ),
            });
            (0, None, vec![Vec::new(); n], false)
        }
        None if unnamed && !scrambled => {
            warnings.push(Warning {
                line: Some(first_line),
                code: "header-unresolved".into(),
                message: format!(
                    "the {} cells before the first values allow more than one header over {n} value columns (its row ends are not printed); columns left without paths",
                    rest.len()
                ),
            });
            // (the first row takes one label where the others have any: more would be
            // header cells)
            let r0 = usize::from(observed.is_none_or(|o| o > 0)).min(rest.len());
            (r0, None, vec![Vec::new(); n], false)
        }
        _ if only && !scrambled => {
            warnings.push(Warning {
                line: Some(first_line),
                code: "table-unread".into(),
                message: format!(
                    "the {} cells before the first values on lines {first_line}–{last_line} allow more than one header over {n} value columns (its row ends are not printed); kept as text",
                    rest.len()
                ),
            });
            if let Some(no) = band_line {
                out.push(Piece::Unread([no, no]));
            }
            unread(st, rest, out);
            return;
        }
        _ => {
            warnings.push(Warning {
                line: Some(first_line),
                code: "table-unread".into(),
                message: format!(
                    "{} cells and {} values on lines {first_line}–{last_line} are not in row order (the {} cells before the first values do not head {n} value columns); kept as text",
                    st.iter().map(|s| s.labels.len()).sum::<usize>(),
                    st.iter().map(|s| s.values.len()).sum::<usize>(),
                    rest.len()
                ),
            });
            if let Some(no) = band_line {
                out.push(Piece::Unread([no, no]));
            }
            unread(st, rest, out);
            return;
        }
    };
    let paths = if ambiguous {
        warnings.push(Warning {
            line: Some(first_line),
            code: "ambiguous-header".into(),
            message: format!(
                "the header cells allow more than one reading over {n} value columns; columns left without paths"
            ),
        });
        vec![Vec::new(); n]
    } else {
        paths
    };
    let l = st
        .iter()
        .enumerate()
        .map(|(i, s)| if i == 0 { r0 } else { s.labels.len() })
        .max()
        .unwrap_or(0);
    // header as grid rows
    let grid = super::header::grid_rows(&paths);
    let depth = grid.len();
    let mut rows: Vec<RawRow> = Vec::new();
    for (d, over) in grid.into_iter().enumerate() {
        let mut cells = vec![String::new(); l];
        cells.extend(over);
        if d == 0
            && l > 0
            && let Some(c) = &corner
        {
            cells[0] = c.clone();
        }
        rows.push(RawRow {
            line: rest.get(1).or(rest.first()).map_or(first_line, |it| it.no),
            cells,
            unplaced: Vec::new(),
            indent: 0,
        });
    }
    if let Some(c) = corner.as_ref().filter(|_| depth == 0 && l > 0) {
        let mut cells = vec![String::new(); l + n];
        cells[0] = c.clone();
        rows.push(RawRow {
            line: rest[0].no,
            cells,
            unplaced: Vec::new(),
            indent: 0,
        });
    }
    let head = rows.len();
    // data rows: labels then values; a run of several rows' values splits evenly
    let labels0: Vec<&Item> = rest[rest.len() - r0..].to_vec();
    for (i, s) in st.iter().enumerate() {
        let labels: Vec<String> = if i == 0 {
            labels0.iter().map(|it| it.text.clone()).collect()
        } else {
            s.labels.iter().map(|it| it.text.clone()).collect()
        };
        let line = if i == 0 {
            labels0.first().or(s.values.first()).map_or(0, |it| it.no)
        } else {
            s.labels.first().or(s.values.first()).map_or(0, |it| it.no)
        };
        // (a form's row coding its columns, `甲` then `1 … n`, under the header: no data)
        let printed: Vec<String> = labels
            .iter()
            .cloned()
            .chain(s.values.iter().map(|it| it.text.clone()))
            .collect();
        if i == 0 && super::column_code_row(&printed).is_some() {
            continue;
        }
        if n > 0 && s.values.len().is_multiple_of(n) {
            for (k, chunk) in s.values.chunks(n).enumerate() {
                let mut cells = if k == 0 { labels.clone() } else { Vec::new() };
                if k > 0 {
                    warnings.push(Warning {
                        line: chunk.first().map(|it| it.no),
                        code: "row-without-label".into(),
                        message: "a run of values holds another row; it has no label".into(),
                    });
                }
                cells.extend(chunk.iter().map(|it| it.text.clone()));
                rows.push(RawRow {
                    line: if k == 0 { line } else { chunk[0].no },
                    cells,
                    unplaced: Vec::new(),
                    indent: 0,
                });
            }
        } else {
            for v in &s.values {
                warnings.push(Warning {
                    line: Some(v.no),
                    code: "unplaced-value".into(),
                    message: format!(
                        "the row has {} values where the table has {n}; value {:?} cannot be placed and is left out",
                        s.values.len(),
                        v.text
                    ),
                });
            }
            rows.push(RawRow {
                line,
                cells: labels,
                unplaced: s.values.iter().map(|v| v.text.clone()).collect(),
                indent: 0,
            });
        }
    }
    let seg = Segment {
        above,
        units: Default::default(),
        band,
        lines: [first_line, last_line],
        rows,
        known: Some(Shape {
            head,
            labels: l,
            values: n,
        }),
        present: false,
    };
    out.push(Piece::Table { seg, grid: false });
}

/// The header over squeezed rows, taken only when its cells are certain: one line of
/// `n` cells (a corner cell before them allowed), or over a single column a corner line
/// and a header line. A PDF
/// dump garbles headers spread over lines (`总计商 业 企`), so anything else leaves the
/// columns without paths (a known template can supply them) rather than guessing.
/// Returns the first row's label count, the corner text and the column paths.
fn squeezed_header(
    rest: &[&Item],
    n: usize,
    warnings: &mut Vec<Warning>,
) -> (usize, Option<String>, Vec<Vec<String>>) {
    let r0 = rest.iter().rev().take_while(|it| it.row).count();
    let head = &rest[..rest.len() - r0];
    let cells: Vec<String> = match head {
        [one] => {
            let toks: Vec<&str> = one.text.split(' ').collect();
            if toks.iter().all(|t| t.chars().count() >= 2) {
                toks.iter().map(|t| t.to_string()).collect()
            } else {
                vec![one.text.clone()]
            }
        }
        // over one column, a corner line and a header line (two levels would be one cell)
        [corner, one] if n == 1 => vec![corner.text.clone(), one.text.clone()],
        _ => Vec::new(),
    };
    let leaves = |c: &[String]| c.iter().map(|t| vec![t.clone()]).collect::<Vec<_>>();
    if n > 0 && cells.len() == n + 1 {
        (r0, Some(cells[0].clone()), leaves(&cells[1..]))
    } else if n > 0 && cells.len() == n {
        (r0, None, leaves(&cells))
    } else {
        if let Some(first) = head.first() {
            warnings.push(Warning {
                line: Some(first.no),
                code: "header-unresolved".into(),
                message: format!(
                    "the {} header cells over these squeezed rows do not show their {n} columns for certain; columns left without paths",
                    head.len()
                ),
            });
        }
        (r0, None, vec![Vec::new(); n])
    }
}

/// The lines of a table that could not be read, as paragraphs between furniture lines;
/// a heading among them (not one of a run of numbered labels) stays a heading.
fn unread(st: &[Stretch], rest: &[&Item], out: &mut Vec<Piece>) {
    let mut labels: Vec<&Item> = rest.to_vec();
    // a label right before values is a row label, not a heading
    let mut before_values: Vec<u32> = rest.last().map(|it| it.no).into_iter().collect();
    for s in st.iter().skip(1) {
        labels.extend(s.labels.iter().copied());
        before_values.extend(s.labels.last().map(|it| it.no));
    }
    before_values.sort_unstable();
    let mut nos: Vec<u32> = Vec::new();
    for (j, it) in labels.iter().enumerate() {
        let row_label = before_values.binary_search(&it.no).is_ok();
        if is_text(&it.text) && !in_list(&labels, j) && !row_label {
            out.push(Piece::Text(it.no));
        } else {
            nos.push(it.no);
        }
    }
    for s in st {
        nos.extend(s.values.iter().map(|it| it.no));
    }
    // (a line of bars alone holds several empty cells: one line, one piece)
    nos.sort_unstable();
    nos.dedup();
    let mut k = 0;
    while k < nos.len() {
        let mut e = k;
        while e + 1 < nos.len() && nos[e + 1] == nos[e] + 1 {
            e += 1;
        }
        out.push(Piece::Unread([nos[k], nos[e]]));
        k = e + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, CellKind, Document};

    fn doc(text: &str) -> Document {
        crate::table::testutil::doc(text)
    }

    fn cells(d: &Document) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for b in &d.blocks {
            if let Block::Table(t) = b {
                assert_eq!(t.style, "cellline");
                for r in &t.rows {
                    for (c, cell) in t.columns.iter().zip(&r.cells) {
                        out.push((r.path.join(">"), c.path.join(">"), cell.raw.clone()));
                    }
                }
            }
        }
        out
    }

    fn has(c: &[(String, String, String)], row: &str, col: &str, raw: &str) -> bool {
        c.iter().any(|(r, k, v)| r == row && k == col && v == raw)
    }

    /// BeautifulSoup prints a table's cells one a line and drops the empty ones: the
    /// first rows here print four values of five (`合计`, then two groups of `男 女`). The
    /// corner cell `项目` heads the row labels, never a group of columns: no reading over
    /// four columns makes it one, and no value is named by such a reading.
    #[test]
    fn the_corner_cell_heads_no_group_of_columns() {
        let d = doc(concat!(
            "表4 2015年分行业从业人员情况\n项目\n合计\n2020年\n一季度\n男\n女\n男\n女\n",
            "第三产业\n农林牧渔业\n-29.1\n2161.4\n-22.8\n17860\n",
            "租赁和商务服务业\n-19.9\n9363.29\n4318.4\n98326\n",
            "建筑业\n-27.4\n2402.4\n9055.2\n-16.2\n",
        ));
        for b in &d.blocks {
            if let Block::Table(t) = b {
                assert!(
                    t.columns
                        .iter()
                        .all(|c| c.path.first().is_none_or(|p| p != "项目")),
                    "{:?}",
                    t.columns
                );
            }
        }
        assert!(!cells(&d).iter().any(|(_, k, _)| k.starts_with("项目")));
    }

    /// BeautifulSoup drops empty cells: the first two rows here print four values of
    /// five. The table is as wide as the widest of its first rows; the rows printing
    /// fewer are not placed (a warning names their values), the others are read under
    /// the five columns (they had been read under four, the first value of each full row
    /// starting a table of its own).
    #[test]
    fn a_first_row_short_of_its_empty_cells_does_not_set_the_width() {
        let d = doc(concat!(
            "表1 2008年分地区主要经济指标\n项目\n2020年\n1-6月\n一季度\n二季度\n1-9月\n",
            "合计\n13.0\n7593.94\n2833.33\n3999.43\n",
            "农林牧渔业\n4185.96\n7109.14\n3692.0\n5632.08\n",
            "采矿业\n2737.83\n-5.1\n7987.96\n202.6\n7401.4\n",
            "制造业\n9860.57\n-8.6\n8318.98\n786.6\n515.97\n",
        ));
        let c = cells(&d);
        assert!(has(&c, "采矿业", "1-6月", "-5.1"), "{c:?}");
        assert!(has(&c, "制造业", "1-9月", "515.97"), "{c:?}");
        assert!(
            !c.iter().any(|(_, _, v)| v == "13.0" || v == "7109.14"),
            "{c:?}"
        );
        assert!(d.warnings.iter().any(|w| w.code == "unplaced-value"));
    }

    /// Issue 13: one cell a line (BeautifulSoup), a corner cell and three header cells
    /// over rows of one label and two values: `收入预算` may span `合计  财政拨款收入`,
    /// or `财政拨款收入` may be a group label over every row under a flat header. The
    /// cells do not tell which, so the rows are read as the others print theirs and the
    /// columns stay unnamed, never named `收入预算` and `合计`.
    #[test]
    fn a_first_row_label_that_may_be_a_header_cell_names_no_column() {
        let d = doc(
            "收入预算总表\n项目\n收入预算\n合计\n财政拨款收入\n一般公共服务支出\n100\n100\n\
             财政事务\n60\n60\n预算改革业务\n40\n40\n社会保障和就业支出\n30\n30\n",
        );
        let c = cells(&d);
        assert_eq!(c.len(), 8, "{c:?}");
        assert!(has(&c, "一般公共服务支出", "", "100"), "{c:?}");
        assert!(has(&c, "社会保障和就业支出", "", "30"), "{c:?}");
    }

    /// Issue 13: a release's cells each on a line with a line of one bar after it, no row
    /// ends: a header whose two periods each hold the same three areas is read so (the
    /// reading where every group holds the same labels), though other readings have six
    /// leaves too; the line over the first cell names the table.
    #[test]
    fn cells_then_bar_lines_under_periods_of_the_same_areas() {
        let mut text = String::from(
            "The office releases the Consumer Price Index for Rural, Urban and Combined areas.\n\
             3. All India inflation rates, based on the general indices, are as follows:\n\
             All India inflation rates (%) based on CPI (General) and CFPI\n",
        );
        for c in [
            "Indices",
            "Sept. 2020 (Prov.)",
            "Aug. 2020 (Final)",
            "Rural",
            "Urban",
            "Combd.",
            "Rural",
            "Urban",
            "Combd.",
            "CPI (General)",
            "7.43",
            "7.26",
            "7.34",
            "6.66",
            "6.80",
            "6.69",
            "CFPI",
            "10.60",
            "10.94",
            "10.68",
            "9.11",
            "8.82",
            "9.05",
        ] {
            text.push_str(c);
            text.push_str("\n|\n");
        }
        let d = doc(&text);
        let c = cells(&d);
        assert!(
            has(&c, "CPI (General)", "Sept. 2020 (Prov.)>Combd.", "7.34"),
            "{c:?}"
        );
        assert!(has(&c, "CFPI", "Aug. 2020 (Final)>Rural", "9.11"), "{c:?}");
        let title = d.blocks.iter().find_map(|b| match b {
            Block::Table(t) => t.title.clone(),
            _ => None,
        });
        assert_eq!(
            title.as_deref(),
            Some("All India inflation rates (%) based on CPI (General) and CFPI")
        );
    }

    /// Cells printed `text |`, one a line, a row's empty cells run together on a line of
    /// bars alone (`||`: two empty cells): where every row then has as many values, the
    /// bars are those empty cells, so each row keeps its columns and the table its header.
    #[test]
    fn bars_alone_after_barred_cells_are_empty_cells() {
        let text = "说明如下:
项目 |
数量 |
比上年增减 |
变动原因说明 |
合 计 |
|||
一、按单位基本性质 |
10 |
||
行政单位 |
1 |
||
其他 |
|||
二、按执行会计制度 |
10 |
||
";
        let d = doc(text);
        let c = cells(&d);
        assert!(has(&c, "合 计", "数量", ""), "{c:?}");
        assert!(has(&c, "一、按单位基本性质", "数量", "10"), "{c:?}");
        assert!(has(&c, "一、按单位基本性质", "比上年增减", ""), "{c:?}");
        assert!(has(&c, "一、按单位基本性质>行政单位", "数量", "1"), "{c:?}");
        assert!(
            has(&c, "一、按单位基本性质>其他", "变动原因说明", ""),
            "{c:?}"
        );
        assert!(has(&c, "二、按执行会计制度", "数量", "10"), "{c:?}");
        // where the bars would give a row another count (bars under a header's spans),
        // they are no cells but the padding of rows printing the cells present: that
        // header allows more than one reading, so its rows are kept under unnamed columns
        let mut spans = String::from(
            "类 别 |\n以上月价格为100 |\n以上年同期价格为100 |\n|\n本月 |\n至本月平均 |\n||\n",
        );
        for (k, label) in [
            "总指数",
            "服务项目",
            "消费品",
            "一、食品类",
            "二、衣着",
            "三、居住",
        ]
        .iter()
        .enumerate()
        {
            spans.push_str(&format!("{label} |\n100.{k} |\n101.{k} |\n102.{k} |\n"));
        }
        let d = doc(&spans);
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows.len(), 6);
        assert_eq!(t.rows[3].path, ["一、食品类"]);
        let raws: Vec<&str> = t.rows[3].cells.iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(raws, ["100.3", "101.3", "102.3"]);
        assert!(
            d.warnings.iter().any(|w| w.code == "header-unresolved"),
            "{:?}",
            d.warnings
        );
    }

    const ROWS: [&str; 4] = [
        "信息内容\n本年制发件数\n现行有效件数",
        "规章\n1\n2",
        "行政规范性文件\n3\n4",
        "其他\n5\n6",
    ];

    fn check(text: &str) {
        let d = doc(text);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let c = cells(&d);
        assert!(has(&c, "规章", "本年制发件数", "1"), "{c:?}");
        assert!(has(&c, "行政规范性文件", "现行有效件数", "4"));
        assert!(has(&c, "其他", "现行有效件数", "6"));
        assert_eq!(c.len(), 6);
        let t = d.tables().next().unwrap();
        assert_eq!(t.title.as_deref(), Some("主动公开政府信息情况"));
        assert_eq!(t.stub, ["信息内容"]);
    }

    /// Issue 13: cells one per line with no row ends, the page's caption, date line and
    /// unit line printed as cells before the header: the unit line states the table's
    /// unit (its note) and with the lines before it stands above the header, so the
    /// header is the corner and the groups over their repeated sub-labels.
    #[test]
    fn a_unit_line_before_the_header_cells_stands_above_them() {
        let mut text = String::from(
            "2012年9月主要指标(按行业分)\n\n2012-10-30 来源:统计局\n\n单位:亿元\n行业名称\n\
             收入\n利润\n税金\n1-9\n增长(%)\n1-9\n增长(%)\n1-9\n增长(%)\n",
        );
        for (k, label) in ["橡胶制品业", "化学纤维业", "金属制品业"]
            .iter()
            .enumerate()
        {
            text.push_str(&format!(
                "{label}\n6{k}.5\n-5.{k}\n3{k}.7\n1.{k}\n1{k}.2\n2.{k}\n"
            ));
        }
        let d = doc(&text);
        let c = cells(&d);
        assert!(has(&c, "化学纤维业", "利润>1-9", "31.7"), "{c:?}");
        assert!(has(&c, "金属制品业", "税金>增长(%)", "2.2"), "{c:?}");
        let t = d.tables().next().expect("a table");
        assert_eq!(t.note.as_deref(), Some("单位:亿元"));
    }

    /// Issue 13: a yearbook's time series one cell a line (BeautifulSoup's text): the
    /// years labelling the rows read as values, so the rows run together; every fourth
    /// value a year, in order, they are the rows' labels. Header cells that admit one
    /// reading name the columns.
    #[test]
    fn years_one_a_line_label_the_rows_they_open() {
        let mut text =
            String::from("表4-3 地区生产总值指数\nItem\n地区生产总值\n第一产业\n第二产业\n");
        for (k, year) in ["1978", "1979", "1980", "1981"].iter().enumerate() {
            text.push_str(&format!("{year}\n10{k}.5\n9{k}.1\n11{k}.7\n"));
        }
        let d = doc(&text);
        let c = cells(&d);
        assert!(has(&c, "1979", "第一产业", "91.1"), "{c:?}");
        assert!(has(&c, "1981", "第二产业", "113.7"), "{c:?}");
        assert!(!c.iter().any(|(r, _, _)| r.contains("1978>")), "{c:?}");
    }

    /// Issue 13: the first row of a table starts every label spanning rows, so it prints
    /// as many labels as the rows under it: a reading taking its first label (`菜籽油`)
    /// for a header cell under look-alike labels (`上旬平均` heading `中旬平均 …`) yields
    /// to the header of one cell a column.
    #[test]
    fn the_first_row_keeps_as_many_labels_as_the_rows_under_it() {
        let mut text = String::from("项目\n上旬平均\n中旬平均\n下旬平均\n本月平均\n");
        for (k, (oil, grade)) in [
            ("菜籽油", "桶装一级"),
            ("大豆油", "桶装二级"),
            ("花生油", "桶装三级"),
        ]
        .iter()
        .enumerate()
        {
            text.push_str(&format!("{oil}\n{grade}\n7{k}.7\n7{k}.5\n7{k}.1\n7{k}.4\n"));
        }
        let d = doc(&text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(cols, ["上旬平均", "中旬平均", "下旬平均", "本月平均"]);
        let first = &t.rows[0];
        assert_eq!(first.path[0], "菜籽油");
        assert_eq!(first.cells[0].raw, "70.7");
    }

    /// Issue 13: header cells one a line that two trees fit equally well (two groups over
    /// nine dates, BeautifulSoup's text) name no column: the likeliest tree put dates under
    /// the wrong group; the rows keep their values in order.
    #[test]
    fn header_cells_two_trees_fit_name_no_column() {
        let mut text = String::from("Item\nNot seasonally adjusted\nSeasonally adjusted (1)\n");
        for m in [
            "Aug. 2007",
            "July 2008",
            "Aug. 2008",
            "Aug. 2007",
            "Apr. 2008",
            "May 2008",
            "June 2008",
            "July 2008",
            "Aug. 2008",
        ] {
            text.push_str(m);
            text.push('\n');
        }
        for (label, base) in [("Civilian labor force", 153), ("Employed", 146)] {
            text.push_str(label);
            text.push('\n');
            for k in 0..9 {
                text.push_str(&format!("{base}{k}00\n"));
            }
        }
        let d = doc(&text);
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows[1].cells[8].raw, "146800");
        assert!(d.warnings.iter().any(|w| w.code == "ambiguous-header"));
    }

    #[test]
    fn rows_between_blank_lines() {
        check(&format!(
            "二、主动公开政府信息情况\n\n{}\n",
            ROWS.join("\n\n")
        ));
    }

    #[test]
    fn rows_between_bar_lines() {
        check(&format!(
            "二、主动公开政府信息情况\n{}\n",
            ROWS.join("\n|\n")
        ));
    }

    #[test]
    fn each_cell_followed_by_a_bar() {
        let rows: Vec<String> = ROWS
            .iter()
            .map(|r| {
                r.lines()
                    .map(|c| format!("{c}\n|"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        check(&format!(
            "二、主动公开政府信息情况\n\n{}\n",
            rows.join("\n\n")
        ));
    }

    /// Issue 13: a blank line after every cell (a page store's conversion of a report's
    /// tables): the blank lines part cells, not rows, so the rows are rebuilt as where
    /// nothing parts them.
    #[test]
    fn a_blank_line_after_every_cell() {
        let cells: Vec<&str> = ROWS.iter().flat_map(|r| r.lines()).collect();
        check(&format!(
            "二、主动公开政府信息情况\n\n{}\n",
            cells.join("\n\n")
        ));
    }

    #[test]
    fn rows_without_separators() {
        check(&format!("二、主动公开政府信息情况\n{}\n", ROWS.join("\n")));
    }

    /// A row whose empty cell was dropped: its values cannot be placed, so none is
    /// shifted into a wrong column; they are reported and the cells marked missing.
    #[test]
    fn ragged_row_is_reported_not_shifted() {
        let text = "二、主动公开政府信息情况\n\n信息内容\n甲\n乙\n丙\n\n规章\n1\n2\n3\n\n行政规范性文件\n4\n5\n\n其他\n6\n7\n8\n";
        let d = doc(text);
        let t = d.tables().next().unwrap();
        let row = t
            .rows
            .iter()
            .find(|r| r.path == ["行政规范性文件"])
            .unwrap();
        assert!(row.cells.iter().all(|c| c.kind == CellKind::Missing));
        let unplaced = d
            .warnings
            .iter()
            .filter(|w| w.code == "unplaced-value")
            .count();
        assert_eq!(unplaced, 2, "{:?}", d.warnings);
        assert!(has(&cells(&d), "其他", "丙", "8"));
    }

    /// PDF text boxes read column by column: the cells do not head the values, so
    /// nothing becomes a table; the heading stays a heading.
    #[test]
    fn column_major_boxes_are_not_read_as_rows() {
        let text = "三、收到和处理政府信息公开申请情况\n第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n第二十条第（五）项\n本年制发件数\n1\n8\n0\n26\n";
        let d = doc(text);
        assert_eq!(d.tables().count(), 0);
        assert!(d.warnings.iter().any(|w| w.code == "table-unread"));
        assert!(
            matches!(&d.blocks[0], Block::Heading(h) if h.title == "收到和处理政府信息公开申请情况")
        );
    }

    /// Two band lines one after the other (the first band's table is printed elsewhere):
    /// the rows below belong to the second.
    #[test]
    fn of_two_bands_in_a_row_the_second_heads_the_rows() {
        let text = "二、主动公开政府信息情况\n第二十条第（一）项\n第二十条第（五）项\n信息内容本年处理决定数量\n行政许可 97\n\
第二十条第（六）项\n信息内容本年处理决定数量\n行政处罚 0\n行政强制 0\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.band.as_deref(), Some("第二十条第（五）项"));
        assert_eq!(t.rows[0].path, ["第二十条第（五）项", "行政许可"]);
        assert_eq!(t.lines[0], 2, "the first band's line stays in the table");
    }

    /// Rows squeezed onto single spaces (a PDF text dump): a one-line header of the
    /// right number of cells names the columns; labels wrapped over lines (one character
    /// per line, a bracket left open) are joined; a header spread over garbled lines is
    /// not guessed.
    #[test]
    fn squeezed_rows() {
        let text = "信息内容 本年处理决定数量\n行政处罚 3985758\n行政强制 88283\n\
三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n总计商 业 企\n业\n\
一、本年新收政府信息公开申请数量 3001 53 3054\n\
三、\n本\n年\n度\n（一）予以公开 1288 21 1309\n\
（二）部分公开（区分处理的，只计这一情\n形，不计其他情形） 447 7 454\n\
（三）不\n予公开\n1.属于国家秘密 2 0 2\n";
        let d = doc(text);
        let t: Vec<_> = d.tables().collect();
        assert_eq!(t.len(), 2, "{:?}", d.blocks);
        assert_eq!(t[0].stub, ["信息内容"]);
        assert_eq!(t[0].columns[0].path, ["本年处理决定数量"]);
        assert_eq!(t[0].rows[1].path, ["行政强制"]);
        assert_eq!(t[0].rows[1].cells[0].value, Some(88283.0));
        let rows: Vec<String> = t[1].rows.iter().map(|r| r.path.join(">")).collect();
        assert_eq!(
            rows,
            [
                "一、本年新收政府信息公开申请数量",
                "三、本年度>（一）予以公开",
                "三、本年度>（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "三、本年度>（三）不予公开>1.属于国家秘密",
            ]
        );
        assert!(t[1].columns.iter().all(|c| c.path.is_empty()));
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
        assert_eq!(t[1].rows[3].cells[2].value, Some(2.0));
    }

    /// Sentences that end in a number are prose, not squeezed rows.
    #[test]
    fn sentences_ending_in_numbers_are_prose() {
        let text = "答复），均在法定期限内予以答复。政府信息公开行政复议 351\n\
不规范等新老问题。截至目前，全市在运维政务新媒体共计 95\n\
本年度报告中所列数据统计期限为 2025\n";
        let d = doc(text);
        assert_eq!(d.tables().count(), 0, "{:?}", d.blocks);
    }

    /// Cells printed one per line as `text |` (a page store's conversion): read as cells;
    /// the outline numbers nest the rows.
    #[test]
    fn cells_printed_with_a_bar_each() {
        let text = "一、价格指数\n指标名称 |\n环比 |\n同比 |\n(一)出厂价格 |\n99.9 |\n99.8 |\n\
1、生产资料 |\n99.5 |\n98.9 |\n(1)采掘 |\n100.0 |\n100.1 |\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["指标名称"]);
        assert_eq!(t.title.as_deref(), Some("价格指数"));
        assert_eq!(
            cells(&d),
            [
                ("(一)出厂价格".into(), "环比".into(), "99.9".into()),
                ("(一)出厂价格".into(), "同比".into(), "99.8".into()),
                (
                    "(一)出厂价格>1、生产资料".into(),
                    "环比".into(),
                    "99.5".into()
                ),
                (
                    "(一)出厂价格>1、生产资料".into(),
                    "同比".into(),
                    "98.9".into()
                ),
                (
                    "(一)出厂价格>1、生产资料>(1)采掘".into(),
                    "环比".into(),
                    "100.0".into()
                ),
                (
                    "(一)出厂价格>1、生产资料>(1)采掘".into(),
                    "同比".into(),
                    "100.1".into()
                ),
            ]
        );
    }

    /// Issue 13: each cell on its line followed by a line of its closing bar, an empty cell
    /// a bar line after a bar line, no blank line between rows (a page store's conversion
    /// of a price table). The empty cells keep every value in its column; the form's row
    /// coding its columns (`甲` `1` … `4`) is no data; where the header cells allow one
    /// reading it names the columns, where they allow several the rows are kept under
    /// unnamed columns (no header guessed).
    #[test]
    fn cells_each_closed_by_a_bar_line() {
        let barred = |cells: &[&str]| {
            cells
                .iter()
                .map(|c| format!("{c}\n|"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let body = [
            barred(&["甲", "1", "2", "3", "4"]),
            barred(&["出厂价格指数", "99.6", "94.7"]),
            "|\n|".to_string(),
            barred(&["#轻工业", "99.7"]),
            "|".to_string(),
            barred(&["98.1"]),
            "|".to_string(),
            barred(&["购进价格指数", "99.5", "98.2", "99.6", "101.0"]),
            "|".to_string(),
        ]
        .join("\n");
        let rows = |d: &Document| -> Vec<(String, Vec<String>)> {
            let t = d.tables().next().expect("a table");
            t.rows
                .iter()
                .map(|r| {
                    let raw = r.cells.iter().map(|c| c.raw.clone()).collect();
                    (r.path.last().cloned().unwrap_or_default(), raw)
                })
                .collect()
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let expected = vec![
            ("出厂价格指数".to_string(), s(&["99.6", "94.7", "", ""])),
            ("#轻工业".to_string(), s(&["99.7", "", "98.1", ""])),
            (
                "购进价格指数".to_string(),
                s(&["99.5", "98.2", "99.6", "101.0"]),
            ),
        ];
        // one header row over the four columns: named
        let named = doc(&format!(
            "{}\n{body}\n",
            barred(&["指标名称", "环比", "同比", "累计比", "增幅"])
        ));
        assert_eq!(rows(&named), expected);
        let t = named.tables().next().unwrap();
        let paths: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(
            paths,
            [s(&["环比"]), s(&["同比"]), s(&["累计比"]), s(&["增幅"])]
        );
        // a title cell and a spanning label over two: more than one reading
        let unsure = doc(&format!(
            "{}\n{body}\n",
            barred(&["价格指数", "指标名称", "环比", "同比", "增幅", "月", "年"])
        ));
        assert_eq!(rows(&unsure), expected);
        let t = unsure.tables().next().unwrap();
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert!(
            unsure
                .warnings
                .iter()
                .any(|w| w.code == "header-unresolved")
        );
    }

    /// The same layout with a header of two rows, each row padded by bars to the table's
    /// width: the stub's cell first, then either top cell may span the two below, so no
    /// column is named; the rows keep their values, unnamed.
    #[test]
    fn cells_printed_with_a_bar_each_under_an_uncertain_header() {
        let text = "类别 |\n甲比 |\n乙比 |\n|\n本月 |\n累计 |\n||\n总指数 |\n100.3 |\n102.0 |\n100.7 |\n\
食品 |\n101.2 |\n105.4 |\n103.2 |\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["类别"]);
        assert_eq!(t.columns.len(), 3);
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows[1].path, ["食品"]);
        assert_eq!(t.rows[1].cells[2].raw, "103.2");
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
        // one reading only (the second row under the top cell): the columns are named; a
        // row of a label and bars, a labelled row after it, is a row left blank
        let text = "类别 |\n甲比 |\n||\n本月 |\n累计 |\n合计 |\n|\n总指数 |\n100.3 |\n102.0 |\n\
101.0 |\n衣着 |\n|||\n食品 |\n101.2 |\n105.4 |\n103.3 |\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let paths: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            paths,
            ["甲比>本月", "甲比>累计", "甲比>合计"],
            "{:?}",
            d.warnings
        );
        assert_eq!(t.rows[1].path, ["衣着"]);
        assert_eq!(t.rows[1].cells.len(), 3);
        assert!(t.rows[1].cells.iter().all(|c| c.kind == CellKind::Empty));
        assert_eq!(t.rows[2].cells[2].raw, "103.3");
    }

    /// Issue 13: the same page store's rows each opened by a bare `|` line, the row's
    /// padding printed after its last cell (`申请人情况 | ||`): the bar lines mark the rows
    /// and are no cells; the header's spans are rebuilt from the cells present.
    #[test]
    fn rows_opened_by_a_bar_line_and_padded_after_their_last_cell() {
        let text = "|\n项目 |\n申请人情况 | ||\n|\n自然人 |\n法人 |\n总计 | |\n\
|\n一、本年新收 |\n8 |\n0 |\n8 |\n|\n二、上年结转 |\n0 |\n1 |\n1 |\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            ["申请人情况>自然人", "申请人情况>法人", "申请人情况>总计"],
            "{:?}",
            d.warnings
        );
        assert_eq!(t.stub, ["项目"]);
        assert_eq!(t.rows[1].path, ["二、上年结转"]);
        let raws: Vec<&str> = t.rows[1].cells.iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(raws, ["0", "1", "1"]);
    }

    /// Issue 13: a form printed `a | b |` with a line break before each bar: a line
    /// without a bar starts a row or continues a wrapped cell, `| text` is a cell, a line
    /// of bars alone an empty cell or the row's end. The column-code row, the unit and code
    /// columns are no data; blank cells stay blank; `其中` rows go under the row above.
    #[test]
    fn cells_printed_after_a_bar_each() {
        let text = "来信来访情况\n项 目\n| 计量\n单位\n| 代码\n| 本月\n| 累计\n|\n\
甲\n| 乙\n| 丙\n| 1\n| 2\n|\n来信数\n| 件\n| 01\n| 3\n| 9\n|\n\
其中:网上来信数\n| 件\n| 02\n| 1\n|\n|\n来访数\n| 人次\n| 03\n|\n|\n|\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["项 目", "计量单位", "代码"]);
        assert_eq!(
            cells(&d),
            [
                ("来信数".into(), "本月".into(), "3".into()),
                ("来信数".into(), "累计".into(), "9".into()),
                ("来信数>其中:网上来信数".into(), "本月".into(), "1".into()),
                ("来信数>其中:网上来信数".into(), "累计".into(), "".into()),
                ("来访数".into(), "本月".into(), "".into()),
                ("来访数".into(), "累计".into(), "".into()),
            ]
        );
        assert_eq!(t.rows[0].cells[0].unit.as_deref(), Some("件"));
        assert_eq!(d.tables().count(), 1);
    }

    /// A page's DOM text, one cell a line and no blank line anywhere: a year spanning the
    /// rows under it is printed once, before its first row's label, and reads as one value
    /// more after the row above; it heads its rows, the next year replacing it. The line
    /// right over the first cell names the table (no blank line sets it apart: the text
    /// prints none).
    #[test]
    fn a_year_spanning_rows_one_cell_a_line() {
        let text = "Consumer prices\nConsumer price index by group (2005=100)\nItem\nFood\nFuel\nWeight\n429\n47\n\
2006\nMar Qtr\n103.2\n104.0\nJun Qtr\n109.1\n105.6\nSep Qtr\n110.9\n112.9\n\
2007\nJanuary\n111.8\n114.6\nFebruary\n109.7\n115.0\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(
            t.title.as_deref(),
            Some("Consumer price index by group (2005=100)")
        );
        assert_eq!(t.stub, ["Item"]);
        let c = cells(&d);
        assert_eq!(c.len(), 12);
        assert!(
            d.blocks
                .iter()
                .any(|b| matches!(b, Block::Paragraph(p) if p.text == "Consumer prices"))
        );
        assert!(has(&c, "Weight", "Food", "429"));
        assert!(has(&c, "2006>Mar Qtr", "Fuel", "104.0"));
        assert!(has(&c, "2006>Sep Qtr", "Food", "110.9"));
        assert!(has(&c, "2007>January", "Food", "111.8"));
        assert!(has(&c, "2007>February", "Fuel", "115.0"));
        // a run one value longer ending in no year is not placed
        let d = doc(&text.replace("\n2007\n", "\n7\n"));
        let c = cells(&d);
        assert!(
            !c.iter()
                .any(|(r, _, _)| r.contains('7') && r.contains("January"))
        );
    }

    /// A DOM text drops the empty header cells: `Male Female Male Female` under two
    /// groups printed once each reads as one row of seven labels, which would put `Male`
    /// over the second group's total. One row repeating a run side by side is a lower
    /// header row under groups whose own column's blank cell was dropped; which groups
    /// the runs stand under, the sums tell (each group's own column the sum of its two
    /// parts in every row). Where no choice adds up, the columns stay unnamed, the values
    /// kept.
    #[test]
    fn a_header_row_repeating_a_run_stands_under_the_groups_the_sums_tell() {
        let text = "Item\nPopulation\nShare (%)\nSex ratio\nMale\nFemale\nMale\nFemale\n\
Total\n1145\n587\n558\n100.0\n51.3\n48.7\n105.2\n0-4\n65\n35\n30\n5.7\n3.1\n2.6\n119.2\n\
5-9\n61\n33\n28\n5.4\n2.9\n2.5\n118.6\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let paths: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            paths,
            [
                "Population",
                "Population>Male",
                "Population>Female",
                "Share (%)",
                "Share (%)>Male",
                "Share (%)>Female",
                "Sex ratio"
            ]
        );
        assert_eq!(t.rows[1].cells[3].raw, "5.7");
        // the same cells over figures that add up under no choice of the groups
        let text = "Item\nPopulation\nShare (%)\nSex ratio\nMale\nFemale\nMale\nFemale\n\
Total\n1145\n587\n500\n100.0\n51.3\n40.7\n105.2\n0-4\n65\n35\n20\n5.7\n3.1\n1.6\n119.2\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert!(t.columns.iter().all(|c| c.path.is_empty()));
        assert!(d.warnings.iter().any(|w| w.code == "ambiguous-header"));
    }

    /// Two readings of `支出预算 合计 基本支出 项目支出` over three values fit the cells:
    /// `合计` under `支出预算` first, or beside it last; the labels favour the second
    /// (`支出` shared by the parent and two children). The values tell: the first column
    /// is the sum of the other two in every row, the last in none. The reading whose
    /// sums hold names the columns.
    #[test]
    fn the_sums_choose_where_a_total_stands() {
        let text = "项目\n支出预算\n合计\n基本支出\n项目支出\n一般公共服务支出\n1278\n848\n430\n\
财政事务\n1278\n848\n430\n社会保障和就业支出\n175\n163\n12\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let paths: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            paths,
            ["支出预算>合计", "支出预算>基本支出", "支出预算>项目支出"]
        );
        assert_eq!(t.rows[2].cells[0].raw, "175");
        assert!(!d.warnings.iter().any(|w| w.code == "ambiguous-header"));
    }

    /// BeautifulSoup's text of a header of three rows, one cell a line (`Civilian labor
    /// force` over `Total | Percent of population | Employed | Unemployed`, `Employed`
    /// over four columns): its cells allow hundreds of span readings, but in one alone
    /// do the labour force's total and the employed total each equal the sum of the
    /// counts under them in every row (the percentages no term of a sum). That reading
    /// names the columns; a row's values keep their places. (Two groups of rows: the
    /// first row's two labels are the row labels of every group's first row.)
    #[test]
    fn the_sums_name_the_one_reading_of_a_header_of_many() {
        let text = "Item\nCivilian noninstitutional population\nCivilian labor force\n\
Not in labor force\nTotal\nPercent of population\nEmployed\nUnemployed\nTotal\n\
Percent of population\nAgriculture\nNonagricultural industries\nNumber\n\
Percent of labor force\nPersons 14 years of age and over\n1940\n99840\n55640\n55.7\n47520\n\
47.6\n9540\n37980\n8120\n14.6\n44200\n1941\n99900\n55910\n56.0\n50350\n50.4\n9100\n41250\n\
5560\n9.9\n43990\n1942\n98640\n56410\n57.2\n53750\n54.5\n9250\n44500\n2660\n4.7\n42230\n1943\n\
94640\n55540\n58.7\n54470\n57.6\n9080\n45390\n1070\n1.9\n39100\n1947\n106018\n60168\n56.8\n\
57812\n54.5\n8256\n49557\n2356\n3.9\n45850\nPersons 16 years of age and over\n1947\n101827\n\
59350\n58.3\n57038\n56.0\n7890\n49148\n2311\n3.9\n42477\n1948\n103068\n60621\n58.8\n58343\n\
56.6\n7629\n50714\n2276\n3.8\n42447\n1949\n103994\n61286\n58.9\n57651\n55.4\n7658\n49993\n\
3637\n5.9\n42708\n1950\n104995\n62208\n59.2\n58918\n56.1\n7160\n51758\n3288\n5.3\n42787\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let paths: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            paths,
            [
                "Civilian noninstitutional population",
                "Civilian labor force>Total",
                "Civilian labor force>Percent of population",
                "Civilian labor force>Employed>Total",
                "Civilian labor force>Employed>Percent of population",
                "Civilian labor force>Employed>Agriculture",
                "Civilian labor force>Employed>Nonagricultural industries",
                "Civilian labor force>Unemployed>Number",
                "Civilian labor force>Unemployed>Percent of labor force",
                "Not in labor force",
            ]
        );
        let row = t
            .rows
            .iter()
            .find(|r| r.path.last().is_some_and(|l| l == "1943"));
        assert_eq!(row.expect("the 1943 row").cells[7].raw, "1070");
    }

    /// A header row of years over the same leaves each (`2008` `2009` over `零售总额`
    /// `增长(%)` twice) reads as a first run of values: the years are header cells, each
    /// over its run of leaves. Years over leaves that do not repeat are not taken so.
    #[test]
    fn a_header_row_of_years_one_cell_a_line() {
        let text = "项目\n2008\n2009\n零售总额(亿元)\n增长(%)\n零售总额(亿元)\n增长(%)\n\
全国\n114830.1\n22.7\n132678.4\n15.5\n北京\n4645.5\n21.1\n5309.9\n14.3\n\
天津\n2078.7\n25.9\n2430.8\n16.9\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["项目"]);
        let c = cells(&d);
        assert_eq!(c.len(), 12);
        assert!(has(&c, "全国", "2008>零售总额(亿元)", "114830.1"));
        assert!(has(&c, "北京", "2009>增长(%)", "14.3"));
        assert!(has(&c, "天津", "2008>增长(%)", "25.9"));
        let d = doc(&text.replace("\n2009\n", "\n2009\n2010\n"));
        assert!(!cells(&d).iter().any(|(_, k, _)| k.starts_with("2010")));
        // the years alone after the word naming the rows: the whole header
        let d = doc(
            "项目\n2000\n2005\n2010\n总产出\n9870.58\n16995.93\n38915.25\n\
第一产业\n1037.27\n1373.03\n2307.05\n第二产业\n6154.43\n11385.95\n26616.53\n",
        );
        let c = cells(&d);
        assert_eq!(c.len(), 9);
        assert!(has(&c, "总产出", "2000", "9870.58"));
        assert!(has(&c, "第二产业", "2010", "26616.53"));
    }

    /// Issue 13: a form's title over the blank fields of its head (a field label and a
    /// colon, blanks `□`, a date's `年`/`月`) titles the form's table; a field filled in is
    /// no blank field, so the line over it captions nothing.
    #[test]
    fn form_title_over_blank_fields() {
        let form = |field: &str| {
            format!(
                "来信来访统计表\n年\n月\n{field}\n02 报出日期: 年 月 日\n项 目\n| 代码\n| 本月\n|\n\
甲\n| 乙\n| 1\n|\n来信数\n| 01\n| 3\n|\n来访数\n| 02\n| 4\n|\n"
            )
        };
        let d = doc(&form("01 填报单位: □□□□ 负 责 人:"));
        let t = d.tables().next().expect("a table");
        assert_eq!(t.title.as_deref(), Some("来信来访统计表"));
        assert_eq!(
            cells(&d),
            [
                ("来信数".into(), "本月".into(), "3".into()),
                ("来访数".into(), "本月".into(), "4".into()),
            ]
        );
        let d = doc(&form("01 填报单位:某某局"));
        assert_eq!(d.tables().next().expect("a table").title, None);
    }

    /// Years right after the cell naming the rows (`Item`, `2015`, `2016`, `% change`)
    /// are header cells, one cell a line, not a row of values: read as values they made a
    /// table of two columns over no rows and left the rest unread. Likewise a year
    /// between two labels whose row prints two values or more labels the rows below
    /// (`Hispanic origin`, `1980`, `Total, 3 to 34 years`).
    #[test]
    fn years_after_the_corner_cell_are_header_cells() {
        let text = "National accounts
Item
2015
2016
% change
GDP at current prices
262,037
275,567
5.2%
GNP at current prices
205,990
226,749
10.1%
";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(cols, ["2015", "2016", "% change"]);
        let rows: Vec<String> = t.rows.iter().map(|r| r.path.join(">")).collect();
        assert_eq!(rows, ["GDP at current prices", "GNP at current prices"]);
        assert_eq!(t.rows[1].cells[2].raw, "10.1%");
    }

    /// A quarterly series one cell a line, each year a label spanning its quarters' rows
    /// printed before its first quarter (`1998` then `Q1`): the year labels rows, it is no
    /// value (read as one, it made the table one column wide, `1998` a value of the row
    /// `Unemployed` and every second value a row without a label).
    #[test]
    fn a_year_before_a_periods_label_labels_rows() {
        let text = "Employment, quarterly
Item
Employed
Unemployed
1998
Q1
3639.7
345.9
Q2
3662.1
320.1
1999
Q1
3688.0
298.4
";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(cols, ["Employed", "Unemployed"]);
        let rows = crate::table::testutil::path_cells(t);
        let want: Vec<(String, Vec<String>)> = [
            ("1998/Q1", ["3639.7", "345.9"]),
            ("1998/Q2", ["3662.1", "320.1"]),
            ("1999/Q1", ["3688.0", "298.4"]),
        ]
        .iter()
        .map(|(l, v)| (l.to_string(), v.iter().map(|c| c.to_string()).collect()))
        .collect();
        assert_eq!(rows, want);
    }

    /// A units row whose labels are not all printed twice (`%` under a weight, `(2002=100)`
    /// under each index, `% change` under each change), one cell a line: the header is
    /// its two full rows; no reading takes the last unit for a label over every row (which
    /// had left the columns unnamed and every row under `% change`).
    #[test]
    fn a_units_row_of_units_printed_once_under_full_rows() {
        let text = "Consumer Price Index, major components
Item
Relative importance
May 2015
May 2016
April to May 2016
%
(2002=100)
(2002=100)
% change
All-items
100.00
126.9
128.8
0.4
Food
16.41
140.8
143.3
-0.3
Shelter
26.80
133.2
135.1
0.1
";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            [
                "Relative importance>%",
                "May 2015>(2002=100)",
                "May 2016>(2002=100)",
                "April to May 2016>% change"
            ]
        );
        let rows: Vec<String> = t.rows.iter().map(|r| r.path.join(">")).collect();
        assert_eq!(rows, ["All-items", "Food", "Shelter"]);
    }

    /// Issue 13: a page whose header is two full rows, the labels over a units row
    /// (`thousands` under each of two months, `% change` under each of two changes),
    /// flattened one cell per line. No header with spans fits its eight cells over four
    /// columns; the rows of one cell a column do. A row label longer than most, between
    /// the values of the rows around it, is one of its cells.
    #[test]
    fn a_header_of_full_rows_over_a_units_row_one_cell_a_line() {
        let text = "Table 3 Jobs by region and industry
Item
May 2024
June 2024
May to June 2024
June 2023 to June 2024
thousands
thousands
% change
% change
Northern region
All industries
120.5
121.0
0.4
1.2
Farming
10.1
10.0
-1.0
2.0
Accommodation, food services, arts, entertainment and recreation
8.2
8.6
4.9
-3.1
Mining
3.3
3.4
3.0
0.0
";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            [
                "May 2024>thousands",
                "June 2024>thousands",
                "May to June 2024>% change",
                "June 2023 to June 2024>% change"
            ]
        );
        let c = cells(&d);
        assert_eq!(c.len(), 16, "{c:?}");
        assert!(has(
            &c,
            "Northern region>Accommodation, food services, arts, entertainment and recreation",
            "June 2024>thousands",
            "8.6"
        ));
        assert!(has(
            &c,
            "Northern region>Mining",
            "June 2023 to June 2024>% change",
            "0.0"
        ));
    }

    /// Issue 13: a small form, each cell closed by a `|` line, two figures only and its
    /// other cells empty (a bar line right after another), under its unit line: a table
    /// of four rows, the empty cells in place, the unit line its note. The empty cells
    /// count with the values for the region, and the unit line over the first closed
    /// cell stands above the table.
    #[test]
    fn a_small_form_of_cells_closed_by_bar_lines_under_its_unit() {
        let d = doc(
            "某单位2021年“三公”经费支出预算表\n单位:万元\n项目\n|\n预算数\n|\n合计\n|\n1.20\n|\n\
因公出国(境)费\n|\n|\n公务接待费\n|\n1.20\n|\n公务用车购置及运行费\n|\n|\n",
        );
        let t = d.tables().next().expect("a table");
        let rows: Vec<(String, String)> = t
            .rows
            .iter()
            .map(|r| (r.path.join(">"), r.cells[0].raw.clone()))
            .collect();
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            rows,
            [
                s("合计", "1.20"),
                s("因公出国(境)费", ""),
                s("公务接待费", "1.20"),
                s("公务用车购置及运行费", "")
            ]
        );
        // (the unit line the table's note, whence `units` gives the values' unit)
        assert_eq!(t.note.as_deref(), Some("单位:万元"));
    }

    /// BeautifulSoup's `get_text("\n")` prints a table one cell a line: a row label
    /// ending in a number (`Under 1`, an age) over as many values one a line as the other
    /// rows print is that row's label, not a squeezed row of label `Under` and value `1`.
    #[test]
    fn a_label_ending_in_a_number_over_values_one_a_line() {
        let text = "Item\nMales.\nFemales.\n1861.\n1881.\n1861.\n1881.\n\
All Ages\n55.12\n52.86\n44.88\n47.14\n\
Under 1\n51.72\n48.22\n48.28\n51.78\n\
1 - 2\n49.76\n48.67\n50.24\n51.33\n";
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        let rows: Vec<String> = t.rows.iter().map(|r| r.path.join(">")).collect();
        assert_eq!(rows, ["All Ages", "Under 1", "1 - 2"]);
        assert_eq!(t.rows[1].cells[0].value, Some(51.72));
        assert_eq!(t.columns[3].path, ["Females.", "1881."]);
    }
}
