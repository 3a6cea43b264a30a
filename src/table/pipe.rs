//! Pipe and Markdown rows: `a | b | c |` (HTML flattened, a cell per `<td>` present),
//! `| a | b |` with a `|---|---|` line (Markdown).
//!
//! Grammar of a row: cells separated by `|`; one leading `|` at the very start of the
//! line and one trailing `|` are delimiters, not empty cells. A line that starts with
//! white space before its first `|` has an empty first cell (the HTML flattening writes
//! each cell as `text |`, so an empty first cell leaves ` |`).

use crate::line_kind::is_separator;

/// True when the row is written Markdown-style, with a leading bar.
pub fn has_leading_bar(text: &str) -> bool {
    text.starts_with('|')
}

/// Splits a pipe row into trimmed cells.
///
/// ```
/// use govreport::table::pipe::split_cells;
/// assert_eq!(split_cells("a | b |"), ["a", "b"]);
/// assert_eq!(split_cells("| a | b |"), ["a", "b"]);
/// assert_eq!(split_cells(" | b |  |"), ["", "b", ""]);
/// assert_eq!(split_cells("a | \\-- |"), ["a", "--"]);
/// ```
pub fn split_cells(text: &str) -> Vec<String> {
    let t = text.trim_end();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|')
        .map(|c| crate::normalize::unescape_md(crate::normalize::trim(c)).into_owned())
        .collect()
}

/// How far a pipe row's first cell is indented inside its cell: display columns of
/// white space after the leading bar (an ideographic space counts two). Converters that
/// keep a page's indentation of row labels (`&nbsp;`, `　　`) print it there.
///
/// ```
/// use govreport::table::pipe::first_cell_indent;
/// assert_eq!(first_cell_indent("| 　　统计信息事务 | 438300 |"), 5);
/// assert_eq!(first_cell_indent("    Civilian labor force| 153493"), 4);
/// assert_eq!(first_cell_indent("| 合计 | 1 |"), 1);
/// ```
pub fn first_cell_indent(text: &str) -> usize {
    crate::line_kind::leading_width(text.strip_prefix('|').unwrap_or(text))
}

/// True when a Markdown separator line (`|:---|---:|`) sets its first column flush left
/// (`---`, `:---`), so that white space before a cell's text is the page's own; a centred
/// (`:-:`) or right-aligned (`--:`) column pads its cells to align them.
///
/// ```
/// use govreport::table::pipe::first_column_left;
/// assert!(first_column_left("|---|---:|"));
/// assert!(first_column_left("---|---"));
/// assert!(!first_column_left("|:-:|:-:|"));
/// ```
pub fn first_column_left(separator: &str) -> bool {
    let t = separator.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    !t.split('|').next().unwrap_or("").trim().ends_with(':')
}

/// True for a line of one cell printed `text |` (a page store's conversion of an HTML
/// table cell by cell), or of bars alone (`|`, `||`: empty cells).
///
/// ```
/// use govreport::table::pipe::is_barred_cell;
/// assert!(is_barred_cell("本月 |"));
/// assert!(is_barred_cell("||"));
/// assert!(!is_barred_cell("| a |"));
/// assert!(!is_barred_cell("规章 | 1 |"));
/// ```
pub fn is_barred_cell(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    t.chars().all(|c| c == '|')
        || (!t.starts_with('|') && t.ends_with('|') && t.matches('|').count() == 1)
}

/// A line of one cell `text |` whose row's padding is printed after it on the same line
/// (`申请人情况 | ||||`, `| ||`: an empty cell, then two): the cell's text and the number of
/// padding bars; `None` for any other line (bars alone, `text |`, cells between bars).
///
/// ```
/// use govreport::table::pipe::padded_cell;
/// assert_eq!(padded_cell("申请人情况 | ||||"), Some(("申请人情况", 4)));
/// assert_eq!(padded_cell("| ||"), Some(("", 2)));
/// assert_eq!(padded_cell("本月 |"), None);
/// assert_eq!(padded_cell("||"), None);
/// assert_eq!(padded_cell("a | b |"), None);
/// ```
pub fn padded_cell(text: &str) -> Option<(&str, usize)> {
    let t = text.trim();
    let (head, rest) = t.split_once('|')?;
    let rest = rest.trim_start();
    let bars = rest.len();
    (bars > 0 && rest.bytes().all(|b| b == b'|') && (!head.is_empty() || rest.len() < t.len() - 1))
        .then(|| (crate::normalize::trim(head), bars))
}

/// The text of a line [`is_barred_cell`] accepts: the cell, empty for bars alone.
pub fn barred_text(text: &str) -> &str {
    crate::normalize::trim(text.trim().trim_end_matches('|'))
}

/// True for a line of one cell printed `| text` (a bar first on the line, before the cell,
/// nothing after; a bar after white space is a ruled table's column rule):
/// a row `a | b | c |` broken before each bar, as some page stores print an HTML table.
///
/// ```
/// use govreport::table::pipe::is_bar_first_cell;
/// assert!(is_bar_first_cell("| 计量"));
/// assert!(!is_bar_first_cell("|"));
/// assert!(!is_bar_first_cell("| a |"));
/// assert!(!is_bar_first_cell("本月 |"));
/// ```
pub fn is_bar_first_cell(text: &str) -> bool {
    let t = text.trim_end();
    t.starts_with('|') && t.matches('|').count() == 1 && t.len() > 1
}

/// The rows of lines printing a table one cell a line, `text |` (an empty cell `|`), each
/// row then padded to the table's width by one line of as many bars as it lacks cells
/// (`||||`: a row of two cells in a table six wide), as `(first line, cells)`: a page
/// store's conversion of an HTML table, whose rows lack the cells that spans cover.
///
/// A line of two bars or more ends a row: its padding, or its empty cells run together.
/// The width is one that every run of lines up to such a line, and the rows after the
/// last, fill a whole number of times (it divides their counts of cells and bars), wider
/// than any such line: the narrowest that puts every row's labels before its values (a
/// wider one takes two rows as one). Which bars are cells the rows tell:
/// - a header row of two cells or more ends in bars (the header's spans are not printed:
///   otherwise bars ending a row are rather its empty cells run together, `None`);
/// - a row of one label and bars is a band or a row left blank: blank (its bars empty
///   cells) where the next row is labelled too, a band where the next row is a header's
///   (labels alone) or its values are unlabelled;
/// - the bars ending a header row (above the first row of values) are padding;
/// - a data row holds no more empty cells than most rows' values (a lone `|` ending it
///   may pad it as well as be an empty cell).
///
/// `None` where the lines are not all such cells, none ends a row, or no width fits.
///
/// ```
/// use govreport::table::pipe::padded_rows;
/// let lines = [(1, "类别 |"), (2, "上月=100 |"), (3, "同期=100 |"), (4, "|"),
///     (5, "本月 |"), (6, "累计 |"), (7, "||"), (8, "总指数 |"), (9, "100.3 |"),
///     (10, "102.0 |"), (11, "100.7 |"), (12, "食品 |"), (13, "101.2 |"), (14, "|"),
///     (15, "|"), (16, "合计 |"), (17, "|||")];
/// let rows = padded_rows(&lines).unwrap();
/// assert_eq!(rows[0], (1, vec!["类别".to_string(), "上月=100".into(), "同期=100".into()]));
/// assert_eq!(rows[1], (5, vec!["本月".to_string(), "累计".into()]));
/// assert_eq!(rows[3], (12, vec!["食品".to_string(), "101.2".into(), "".into(), "".into()]));
/// assert_eq!(rows[4], (16, vec!["合计".to_string()]));
/// ```
pub fn padded_rows(lines: &[(u32, &str)]) -> Option<Vec<(u32, Vec<String>)>> {
    // each line: a cell (its text, empty for `|`) or bars ending a row (their count), or a
    // cell and the bars ending its row
    let mut slots: Vec<(u32, Result<&str, usize>)> = Vec::with_capacity(lines.len());
    for &(no, text) in lines {
        if let Some((cell, bars)) = padded_cell(text) {
            slots.push((no, Ok(cell)));
            slots.push((no, Err(bars)));
            continue;
        }
        if !is_barred_cell(text) {
            return None;
        }
        let t = text.trim();
        let bars = t.matches('|').count();
        slots.push((
            no,
            if bars == t.len() && bars >= 2 {
                Err(bars)
            } else {
                Ok(barred_text(t))
            },
        ));
    }
    let pads: Vec<usize> = slots.iter().filter_map(|s| s.1.err()).collect();
    if pads.is_empty() || slots.len() - pads.len() < 6 {
        return None;
    }
    // the counts of slots (cells and bars) of each run closed by bars, and after the last
    let mut runs: Vec<usize> = Vec::new();
    let mut n = 0;
    for s in &slots {
        n += s.1.err().unwrap_or(1);
        if s.1.is_err() {
            runs.push(std::mem::take(&mut n));
        }
    }
    if n > 0 {
        runs.push(n);
    }
    let gcd = |mut a: usize, mut b: usize| {
        while b > 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let whole = runs.iter().fold(0, |g, &r| gcd(g, r));
    let is_value = |c: &String| c.is_empty() || crate::line_kind::is_value(c);
    let is_label = |c: &String| !is_value(c);
    let mut rows = (*pads.iter().max()? + 1..=whole)
        .filter(|w| whole % w == 0)
        .map(|w| split_slots(&slots, w))
        .find(|rows| {
            rows.iter().all(|(_, cells, _)| {
                let first = cells.iter().position(|c| !c.is_empty() && is_value(c));
                first.is_none_or(|k| cells[k..].iter().all(is_value))
            })
        })?;
    // a bar line opening every row (`|` / `第二十条… | |||` / `|` / `信息内容 |` …) marks the
    // rows: an empty first cell in every row is that mark, no cell
    if rows.len() >= 2
        && rows
            .iter()
            .all(|(_, c, _)| c.first().is_some_and(String::is_empty))
    {
        for (_, cells, _) in &mut rows {
            cells.remove(0);
        }
    }
    let holds_value = |cells: &[String]| cells.iter().any(|c| !c.is_empty() && is_value(c));
    // the header's spans show: a row of two cells or more above the first labelled row of
    // values ends in bars (without, bars ending a row are its empty cells run together)
    let first_data = rows
        .iter()
        .position(|(_, c, _)| c.first().is_some_and(is_label) && holds_value(c))
        .unwrap_or(rows.len());
    if !rows[..first_data]
        .iter()
        .any(|(_, c, bars)| c.len() >= 2 && *bars > 0)
    {
        return None;
    }
    // a label and bars, the next row labelled (values or blank): a row left blank
    let lone = |cells: &[String]| {
        cells.first().is_some_and(is_label) && cells[1..].iter().all(String::is_empty)
    };
    let blank: Vec<bool> = (0..rows.len())
        .map(|k| {
            let (_, cells, bars) = &rows[k];
            let next = rows.get(k + 1).map(|r| r.1.as_slice());
            *bars > 0
                && lone(cells)
                && next
                    .is_some_and(|n| n.first().is_some_and(is_label) && (holds_value(n) || lone(n)))
        })
        .collect();
    for (k, (_, cells, bars)) in rows.iter_mut().enumerate() {
        if blank[k] {
            cells.extend(std::iter::repeat_n(String::new(), *bars));
        }
    }
    let tail = |cells: &Vec<String>| cells.iter().rev().take_while(|c| is_value(c)).count();
    let mut counts: Vec<usize> = rows
        .iter()
        .filter(|(_, c, _)| holds_value(c))
        .map(|(_, c, _)| tail(c))
        .collect();
    counts.sort_unstable();
    let values = *counts.get(counts.len() / 2)?;
    let head = (0..rows.len()).find(|&k| blank[k] || holds_value(&rows[k].1))?;
    for (k, (_, cells, _)) in rows.iter_mut().enumerate() {
        let keep = if k < head { 0 } else { values };
        while tail(cells) > keep && cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
    }
    Some(rows.into_iter().map(|(no, cells, _)| (no, cells)).collect())
}

/// The rows of [`padded_rows`]' cells and bars, `width` slots each: the first line, the
/// cells, and the bars ending the row.
fn split_slots(
    slots: &[(u32, Result<&str, usize>)],
    width: usize,
) -> Vec<(u32, Vec<String>, usize)> {
    let mut rows: Vec<(u32, Vec<String>, usize)> = Vec::new();
    let mut filled = 0;
    for &(no, s) in slots {
        if filled == 0 {
            rows.push((no, Vec::new(), 0));
        }
        if let Some((_, cells, bars)) = rows.last_mut() {
            match s {
                Ok(cell) => {
                    cells.push(cell.to_string());
                    filled += 1;
                }
                Err(n) => {
                    *bars += n;
                    filled += n;
                }
            }
        }
        if filled >= width {
            filled = 0;
        }
    }
    rows.retain(|(_, cells, _)| !cells.is_empty());
    rows
}

/// The rows of lines printing a table `a | b | c |` broken before each bar
/// (`指标名称` / `| 单位` / `| 1` / `|`), as `(first line, cells)`.
///
/// Grammar: a line without a bar starts a row (its first cell), or, right after a line
/// `| text`, continues that cell (a label wrapped in its cell); a line `| text` is the
/// next cell; a line of bars alone is one empty cell per bar, its last bar closing the
/// row when the next line starts a row (or the lines end). Every row must be closed so
/// and all rows must have the same number of cells (two at least, three rows at least),
/// most of them printing a cell `| text` as their second: otherwise the lines are not
/// such a table and `None` is returned.
///
/// ```
/// use govreport::table::pipe::bar_first_rows;
/// let lines = [(1, "名称"), (2, "| 单"), (3, "位"), (4, "| 数"), (5, "|"), (6, "甲"),
///     (7, "| 个"), (8, "| 1"), (9, "|"), (10, "乙"), (11, "| 个"), (12, "|"), (13, "|")];
/// let rows = bar_first_rows(&lines).unwrap();
/// assert_eq!(rows[0], (1, vec!["名称".to_string(), "单位".into(), "数".into()]));
/// assert_eq!(rows[2], (10, vec!["乙".to_string(), "个".into(), "".into()]));
/// // lines of one cell each between lines of bars: another layout
/// let lines = [(1, "a"), (2, "b"), (3, "||"), (4, "c"), (5, "d"), (6, "||"), (7, "e"), (8, "||")];
/// assert!(bar_first_rows(&lines).is_none());
/// ```
pub fn bar_first_rows(lines: &[(u32, &str)]) -> Option<Vec<(u32, Vec<String>)>> {
    let mut rows: Vec<(u32, Vec<String>)> = Vec::new();
    // rows printing a cell `| text`
    let mut barred = 0;
    // the line before: none, a row's first cell, `| text`, or bars alone
    let mut closed = true;
    let mut in_cell = false;
    for &(no, text) in lines {
        let t = crate::normalize::trim(text);
        let bars = t.matches('|').count();
        if bars == 0 {
            if t.is_empty() {
                return None;
            }
            match rows.last_mut() {
                Some((_, cells)) if in_cell => {
                    let last = cells.last_mut()?;
                    crate::normalize::push_label(last, t);
                }
                _ if closed => {
                    // the bar before closed the row above
                    if let Some((_, cells)) = rows.last_mut() {
                        cells.pop();
                    }
                    rows.push((no, vec![t.to_string()]));
                    in_cell = true;
                }
                _ => return None,
            }
            closed = false;
            continue;
        }
        let (_, cells) = rows.last_mut()?;
        if is_bar_first_cell(t) {
            if cells.len() == 1 {
                barred += 1;
            }
            cells.push(crate::normalize::trim(&t[1..]).to_string());
            in_cell = true;
            closed = false;
        } else if t.chars().all(|c| c == '|') {
            cells.extend(std::iter::repeat_n(String::new(), bars));
            in_cell = false;
            closed = true;
        } else {
            return None;
        }
    }
    if !closed {
        return None;
    }
    if let Some((_, cells)) = rows.last_mut() {
        cells.pop();
    }
    let width = rows.first()?.1.len();
    // most rows print a cell after a bar (rows of bars alone between lines of one cell each
    // are another layout)
    let shaped = rows.len() >= 3 && width >= 2 && 2 * barred >= rows.len();
    (shaped && rows.iter().all(|(_, c)| c.len() == width)).then_some(rows)
}

/// The cells of a line printed without a leading bar, one per bar: each cell is printed
/// as `text |` (html2text and page stores), so `||||` is four empty cells and
/// `Nov. 2018 |` one cell. Text after the last bar is a cell too.
fn cells_by_bars(text: &str) -> Vec<String> {
    let mut cells: Vec<String> = text
        .split('|')
        .map(|c| crate::normalize::trim(c).to_string())
        .collect();
    if cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

/// The rows of a Markdown table as `(first line, cells)`, from its lines `(line, text)`
/// (delimiter rows and lone `|` lines included).
///
/// A Markdown row starts with a bar. Some converters break a row over several lines
/// (an HTML cell holding a line break, or one cell per line): the lines after it that do
/// not start with a bar continue it, each of their bars closing one cell, while the row
/// is short of the table's width. The width is the delimiter row's (`|---|---|`), else
/// the most common width of the rows that start with a bar. A line without a leading
/// bar after a complete row starts a row of its own (a row label on one line, its values
/// on the next: `Employed |` over `5,693 | 5,904 |`).
///
/// In a table none of whose rows starts with a bar (HTML flattened `a | b |`), every
/// line is a row, as before. The flag says whether some row was joined from lines.
///
/// ```
/// use govreport::table::pipe::join_rows;
/// let lines = [(1, "| a | b |"), (2, "c |"), (3, "|---|---|---|"), (4, "| x | 1 | 2 |")];
/// let (rows, joined) = join_rows(&lines);
/// assert!(joined);
/// assert_eq!(rows[0], (1, vec!["a".to_string(), "b".into(), "c".into()]));
/// assert_eq!(rows[1].1, ["x", "1", "2"]);
/// // rows no bar closes (`a| b| c`): a row ending in a bar ends in an empty cell
/// let lines = [(1, "项目| 3月| 结构(%)"), (2, "---|---|---"), (3, "汽车类| 40049| ")];
/// assert_eq!(join_rows(&lines).0[1].1, ["汽车类", "40049", ""]);
/// // and a row opening with a bar opens with an empty cell
/// let lines = [(1, "项目| 3月| 结构(%)"), (2, "---|---|---"), (3, "| 40049| 12.5")];
/// assert_eq!(join_rows(&lines).0[1].1, ["", "40049", "12.5"]);
/// ```
pub fn join_rows(lines: &[(u32, &str)]) -> (Vec<(u32, Vec<String>)>, bool) {
    let lead = |t: &str| has_leading_bar(t.trim_start());
    let first = lines.iter().find(|(_, t)| !t.trim().is_empty());
    let markdown = first.is_some_and(|(_, t)| lead(t));
    let mut out: Vec<(u32, Vec<String>)> = Vec::new();
    if !markdown {
        let rows: Vec<&(u32, &str)> = lines
            .iter()
            // (a row of two cells holds one bar, `项目| 收入预算`; a row of one cell none,
            // `增长%`)
            .filter(|(_, t)| !t.trim().is_empty() && t.trim() != "|" && !is_separator(t.trim()))
            .collect();
        // rows whose last cell no bar closes (`a| b| c`, as Python's html2text prints
        // them; the delimiter row, else the header, shows it): there a row ending in a
        // bar ends in an empty cell (`a| b| |`)
        let open = lines
            .iter()
            .find(|(_, t)| is_separator(t.trim()))
            .or(rows.first().copied())
            .is_some_and(|(_, t)| !t.trim_end().ends_with('|'));
        for (no, t) in rows {
            let mut cells = split_cells(t);
            if open && t.trim_end().ends_with('|') {
                cells.push(String::new());
            }
            // (and a row opening with a bar opens with an empty cell, `| Male| Female`
            // under the corner)
            if open && t.trim_start().starts_with('|') {
                cells.insert(0, String::new());
            }
            out.push((*no, cells));
        }
        return (out, false);
    }
    let mut joined = false;
    let width = lines
        .iter()
        .find(|(_, t)| is_separator(t))
        .map(|(_, t)| split_cells(t).len())
        .or_else(|| {
            let mut freq: Vec<(usize, usize)> = Vec::new();
            for (_, t) in lines.iter().filter(|(_, t)| lead(t) && !is_separator(t)) {
                let w = split_cells(t).len();
                match freq.iter_mut().find(|(k, _)| *k == w) {
                    Some(f) => f.1 += 1,
                    None => freq.push((w, 1)),
                }
            }
            freq.iter().max_by_key(|&&(w, f)| (f, w)).map(|&(w, _)| w)
        })
        .unwrap_or(0);
    for (no, t) in lines {
        let tt = t.trim();
        if tt.is_empty() || is_separator(tt) || !tt.contains('|') {
            continue;
        }
        // a line of bars alone (`||||`) is empty cells, whatever it starts with
        if lead(t) && tt.chars().any(|c| c != '|' && !c.is_whitespace()) {
            out.push((*no, split_cells(t)));
            continue;
        }
        let cells = cells_by_bars(tt);
        match out.last_mut() {
            Some((_, row)) if row.len() < width && row.len() + cells.len() <= width => {
                row.extend(cells);
                joined = true;
            }
            // empty cells that continue no row print nothing
            _ if cells.iter().all(|c| c.is_empty()) => {}
            _ => out.push((*no, cells)),
        }
    }
    (out, joined)
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, Document};

    /// (row path, column path, raw) of every cell of the document's tables.
    /// [`cells`] but for the empty ones.
    fn printed_cells(d: &Document) -> Vec<(String, String, String)> {
        let mut got = cells(d);
        got.retain(|c| !c.2.is_empty());
        got
    }

    fn cells(d: &Document) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for b in &d.blocks {
            if let Block::Table(t) = b {
                for r in &t.rows {
                    for (c, cell) in t.columns.iter().zip(&r.cells) {
                        out.push((r.path.join(">"), c.path.join(">"), cell.raw.clone()));
                    }
                }
            }
        }
        out
    }

    fn cell(row: &str, col: &str, raw: &str) -> (String, String, String) {
        (row.to_string(), col.to_string(), raw.to_string())
    }

    /// A Markdown header row broken over lines (it lost its stub cell and ends in a spare
    /// one), a units row continuing the header below `|---|`, and rows printing no value
    /// that head the rows below them; a caption of a number alone with the table's name
    /// under it.
    #[test]
    fn header_row_broken_over_lines_and_continued_below_the_delimiter() {
        let text = "Table 6\nEmployment by area\n| May 2023 |\nJune 2023 | |\n|---|---|---|\n\
| thousands | thousands | |\n| North | ||\n| Total | 1.5 | 2.5 |\n| Farms | 0.5 | 0.5 |\n\
| South | ||\n| Total | 3.0 | 4.0 |\n";
        let d = crate::table::testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.title.as_deref(), Some("Table 6 Employment by area"));
        assert_eq!(t.style, "markdown");
        let got = printed_cells(&d);
        assert_eq!(
            got,
            [
                cell("North>Total", "May 2023>thousands", "1.5"),
                cell("North>Total", "June 2023>thousands", "2.5"),
                cell("North>Farms", "May 2023>thousands", "0.5"),
                cell("North>Farms", "June 2023>thousands", "0.5"),
                cell("South>Total", "May 2023>thousands", "3.0"),
                cell("South>Total", "June 2023>thousands", "4.0"),
            ]
        );
    }

    /// Issue 13: html2text's Markdown of a header spanning two rows: rows of two cells hold
    /// one bar (`项目| 收入预算`), the header goes on below `|---|`, and its rows print only
    /// the cells present, the stub's `项目` spanning down and `收入预算` over both columns.
    #[test]
    fn one_bar_rows_and_a_header_of_the_cells_present_under_the_stub_word() {
        let text = "2025年预算单位收入预算总表\n\n项目| 收入预算  \n---|---  \n\
合计| 财政拨款收入  \n一般公共服务支出| 127886849| 127886849  \n\
行政运行| 84861719| 84861710  \n";
        let d = crate::table::testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.title.as_deref(), Some("2025年预算单位收入预算总表"));
        assert_eq!(t.stub, ["项目"]);
        assert_eq!(
            printed_cells(&d)[3],
            cell("行政运行", "收入预算>财政拨款收入", "84861710")
        );
    }

    /// Rows printed cell by cell: the header continues below `|---|` one cell per line, a
    /// row label stands on its line and its values on the next, spanning header cells are
    /// printed once with the row padded at its end.
    #[test]
    fn label_on_one_line_values_on_the_next() {
        let text = "| Status | Group A | Group B | ||\n|---|---|---|---|---|\n| Nov. 2017 |\n\
Nov. 2018 |\nNov. 2017 |\nNov. 2018 |\n|\nAll persons |\n||||\nEmployed |\n10 | 20 | 30 | 40 |\n\
Unemployed |\n1 | 2 | 3 | 4 |\n";
        let d = crate::table::testutil::doc(text);
        assert_eq!(d.tables().count(), 1, "{:?}", d.blocks);
        let got = printed_cells(&d);
        assert_eq!(got.len(), 8, "{got:?}");
        assert_eq!(
            got[0],
            cell("All persons>Employed", "Group A>Nov. 2017", "10")
        );
        assert_eq!(
            got[3],
            cell("All persons>Employed", "Group B>Nov. 2018", "40")
        );
        assert_eq!(
            got[6],
            cell("All persons>Unemployed", "Group B>Nov. 2017", "3")
        );
    }

    /// A page's table whose corner and year cells span rows, flattened to rows of the cells
    /// present: the header continues below `|---|` packed left, and the rows under a year
    /// lost it and end in a spare cell. The year heads them, each figure keeps its column.
    #[test]
    fn rows_that_lost_a_spanning_year_take_it_from_the_row_above() {
        let text = "Period | Original | Adjusted | |||
---|---|---|---|---|---|
employed | unemployed | employed | unemployed | ||
1998 | Q1 | 3 639.7 | 345.9 | 3 659.9 | 334.6 |
Q2 | 3 662.1 | 320.1 | 3 673.5 | 322.5 | |
1999 | Q1 | 3 759.3 | 302.5 | 3 781.0 | 293.5 |
Q2 | 3 801.8 | 281.4 | 3 811.2 | 283.8 | |
";
        let d = crate::table::testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["Period"]);
        let got = printed_cells(&d);
        assert_eq!(got.len(), 16, "{got:?}");
        assert_eq!(got[0], cell("1998>Q1", "Original>employed", "3 639.7"));
        assert_eq!(got[7], cell("1998>Q2", "Adjusted>unemployed", "322.5"));
        assert_eq!(got[9], cell("1999>Q1", "Original>unemployed", "302.5"));
        assert_eq!(got[14], cell("1999>Q2", "Adjusted>employed", "3 811.2"));
    }

    /// The same table as pandoc prints it: every row full width, the header rows under the
    /// corner packed left over the row labels and padded at their end. A row printing
    /// over the row labels a label it prints again over the figures was packed: it moves
    /// right.
    #[test]
    fn header_rows_packed_under_the_corner_move_right() {
        let text = "| Period | | Original | | Adjusted | |
|---|---|---|---|---|---|
| employed | unemployed | employed | unemployed | | |
| 1998 | Q1 | 3639.7 | 345.9 | 3659.9 | 334.6 |
| | Q2 | 3662.1 | 320.1 | 3673.5 | 322.5 |
";
        let d = crate::table::testutil::doc(text);
        let got = printed_cells(&d);
        assert_eq!(got.len(), 8, "{got:?}");
        assert_eq!(got[1], cell("1998>Q1", "Original>unemployed", "345.9"));
        assert_eq!(got[6], cell("1998>Q2", "Adjusted>employed", "3673.5"));
    }

    /// pandoc's table of a page whose corner spans the header's two rows and whose second
    /// group spans two columns: the second row is packed left under the corner and ends in
    /// an empty cell. Its cells go under the spanning cell. The labels keep the page's
    /// indentation inside their cells (ideographic spaces, `&nbsp;`): a row heads the rows
    /// below it indented further.
    #[test]
    fn packed_header_under_a_span_and_indented_row_labels() {
        let text = concat!(
            "| 项目             | 收入预算     |         |\n",
            "|------------------|--------------|---------|\n",
            "| 合计             | 财政拨款收入 |         |\n",
            "| 一般公共服务支出 | 3296600      | 3296600 |\n",
            "| 　　统计信息事务 | 438300       | 438300  |\n",
            "| 　　　　专项普查 | 438300       | 438300  |\n",
            "| 　　群众团体事务 | 422900       | 422900  |\n",
            "| 公共安全支出     | 300000       | 300000  |\n",
            "| \u{a0}\u{a0}司法         | 300000       | 300000  |\n",
        );
        let d = crate::table::testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["项目"]);
        let got = printed_cells(&d);
        assert_eq!(got.len(), 12, "{got:?}");
        assert_eq!(got[0], cell("一般公共服务支出", "收入预算>合计", "3296600"));
        assert_eq!(
            got[3],
            cell(
                "一般公共服务支出>统计信息事务",
                "收入预算>财政拨款收入",
                "438300"
            )
        );
        assert_eq!(
            got[4],
            cell(
                "一般公共服务支出>统计信息事务>专项普查",
                "收入预算>合计",
                "438300"
            )
        );
        assert_eq!(
            got[6],
            cell("一般公共服务支出>群众团体事务", "收入预算>合计", "422900")
        );
        assert_eq!(got[8], cell("公共安全支出", "收入预算>合计", "300000"));
        assert_eq!(
            got[10],
            cell("公共安全支出>司法", "收入预算>合计", "300000")
        );
    }

    /// pandoc's pipe tables keep only the first header row above `|---|`; the rows below it
    /// drop the cells that the first row's cells spanning down cover and are packed left
    /// (a cell spanning down from a lower row leaves an empty cell). Their cells go to the
    /// columns the first row leaves free: here the corner and `B` span down, so does `D`.
    #[test]
    fn pandoc_header_rows_under_cells_spanning_down() {
        // pandoc 2.17 -t gfm of `<th rowspan=3>Item</th><th rowspan=3>Base</th><th
        // colspan=3>Change`, `<th rowspan=2>Total</th><th colspan=2>By sex`, `<th>Men</th>
        // <th>Women`
        let text = concat!(
            "| Item  | Base   | Change |     |       |\n",
            "|-------|--------|--------|-----|-------|\n",
            "| Total | By sex |        |     |       |\n",
            "|       | Men    | Women  |     |       |\n",
            "| All   | 10     | 2      | 1   | 1     |\n",
        );
        let d = crate::table::testutil::doc(text);
        let got = printed_cells(&d);
        assert_eq!(
            got,
            [
                cell("All", "Base", "10"),
                cell("All", "Change>Total", "2"),
                cell("All", "Change>By sex>Men", "1"),
                cell("All", "Change>By sex>Women", "1"),
            ]
        );
        // `<th rowspan=2>Item</th><th colspan=2>Change</th><th rowspan=2>Base`, then `Men`,
        // `Women`
        let text = concat!(
            "| Item | Change |       | Base |\n",
            "|------|--------|-------|------|\n",
            "| Men  | Women  |       |      |\n",
            "| All  | 1      | 2     | 3    |\n",
        );
        let d = crate::table::testutil::doc(text);
        let got = printed_cells(&d);
        assert_eq!(
            got,
            [
                cell("All", "Change>Men", "1"),
                cell("All", "Change>Women", "2"),
                cell("All", "Base", "3")
            ]
        );
    }

    /// markdownify prints each header row's own cells, a cell spanning columns followed by
    /// empty ones, and drops the cells that cells above span down over, without padding
    /// the row. Each lower row's cells go to the columns the corner and the cells standing
    /// alone above leave free.
    #[test]
    fn markdownify_header_rows_under_cells_spanning_down() {
        let text = concat!(
            "| Item | Rural | | | Urban | | |\n",
            "| --- | --- | --- | --- | --- | --- | --- |\n",
            "| Index Value | | % Change | Index Value | | % Change |\n",
            "| Sept.20 | Aug.20 | Sept.20 | Aug.20 |\n",
            "| CPI (General) | 157.6 | 155.4 | 1.42 | 155.2 | 154 | 0.78 |\n",
        );
        let d = crate::table::testutil::doc(text);
        let got = printed_cells(&d);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(
            got[1],
            cell("CPI (General)", "Rural>Index Value>Aug.20", "155.4")
        );
        assert_eq!(got[2], cell("CPI (General)", "Rural>% Change", "1.42"));
        assert_eq!(got[5], cell("CPI (General)", "Urban>% Change", "0.78"));
    }

    /// html2text prints a header's cells present and no spans at all: where its rows allow
    /// several readings of the spans, no column is named (the values keep their rows), and
    /// a warning says so.
    #[test]
    fn a_header_printing_no_spans_and_read_two_ways_names_no_column() {
        let text = concat!(
            "Item| Rural| Urban\n",
            "---|---|---\n",
            "Index Value| % Change| Index Value| % Change\n",
            "Sept.20| Aug.20| Sept.20| Aug.20\n",
            "CPI (General)| 157.6| 155.4| 1.42| 155.2| 154| 0.78\n",
        );
        let d = crate::table::testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows[0].cells[2].raw, "1.42");
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
    }

    /// A first column centred (`|:-:|`) pads its labels to centre them: that white space
    /// is no indentation, and the rows stay siblings.
    #[test]
    fn a_centred_first_column_is_not_indented() {
        let text = concat!(
            "|    项目    | 本年 |\n",
            "|:----------:|-----:|\n",
            "|  行政许可  |    3 |\n",
            "| 行政强制类 |    4 |\n",
        );
        let d = crate::table::testutil::doc(text);
        let got = printed_cells(&d);
        assert_eq!(
            got,
            [
                cell("行政许可", "本年", "3"),
                cell("行政强制类", "本年", "4")
            ]
        );
    }

    /// A Markdown header broken over lines without leading bars, a unit column (no level of
    /// the row path: the row's numbers take its unit), a group row printing no value
    /// between numbered rows, and a last row short of a cell (read from the left, as
    /// Markdown reads it: the missing cell is at the end).
    #[test]
    fn unit_column_group_row_and_short_last_row() {
        let text = "| 项目 | 单位 |\n本月 | 累计 |\n| 一、销售额 | 万元 | 30 | 90 |\n\
| 1、批发 | 万元 | 20 | 60 |\n| 在总额中: | |||\n| 汽车类 | 万元 | 5 | 15 |\n| 二、企业数 | 个 | 3 |\n";
        let d = crate::table::testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["项目", "单位"]);
        let got = printed_cells(&d);
        assert_eq!(
            got,
            [
                cell("一、销售额", "本月", "30"),
                cell("一、销售额", "累计", "90"),
                cell("一、销售额>1、批发", "本月", "20"),
                cell("一、销售额>1、批发", "累计", "60"),
                cell("一、销售额>在总额中:>汽车类", "本月", "5"),
                cell("一、销售额>在总额中:>汽车类", "累计", "15"),
                cell("二、企业数", "本月", "3"),
            ]
        );
        assert_eq!(t.rows[0].cells[0].unit.as_deref(), Some("万元"));
        assert_eq!(t.rows[4].cells[0].unit.as_deref(), Some("个"));
    }

    /// A page store's pipe rows whose header row the line breaks inside its cells broke
    /// over three lines (3, 1 and 1 cells over rows of 5): one row; the Chinese stub and
    /// its English translation are two label columns.
    #[test]
    fn header_row_broken_over_lines_by_its_cells() {
        let text = "指 标 | Item | 全 省 Total |\n城 市 Urban |\n农 村 Rural |\n\
总指数 | General Index | 102.3 | 102.5 | 102.0 |\n一、食品类 | Food | 108.6 | 108.7 | 108.5 |\n";
        let d = crate::table::testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(d.tables().count(), 1);
        let got = printed_cells(&d);
        assert_eq!(
            got,
            [
                cell("总指数>General Index", "全 省 Total", "102.3"),
                cell("总指数>General Index", "城 市 Urban", "102.5"),
                cell("总指数>General Index", "农 村 Rural", "102.0"),
                cell("一、食品类>Food", "全 省 Total", "108.6"),
                cell("一、食品类>Food", "城 市 Urban", "108.7"),
                cell("一、食品类>Food", "农 村 Rural", "108.5"),
            ]
        );
        assert_eq!(t.stub.len(), 2);
    }
}
