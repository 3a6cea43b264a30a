//! Rows joined by single spaces: a page converter that prints each row of a table on one
//! line, its cells joined by one space, the row label's indentation kept and an empty
//! cell printed as a space (the text of yearbooks' HTML tables as a page store keeps it).
//! Nothing stands in columns; a row is its label, then its values counted from the right.
//!
//! - A *joined row* ([`scan_row`]): indentation, a label, then values separated by one
//!   space each; three spaces between two values are the separators around an empty cell
//!   (five, two empty cells). An even gap between two values is no joining: not such a row.
//! - The table's width `N` is the commonest number of cells of its rows; a row with another
//!   number is not placed (`unplaced-row`: a value is missing and no gap shows which).
//! - Header: the lines above the first row. The first gives the column labels as its last
//!   `N` words, each CJK text or a number (a year; several English words may be one label,
//!   the text does not say where they split), the words before them the stub; a line
//!   under it of exactly `N` words adds each to its column (a second language:
//!   `福州市` / `fuzhou`); or a line of `N` years (a census's `1861. 1870.`) under a line of
//!   the stub's words and one word a group (`Age-periods. Males. Females.`). Leading rows
//!   whose values are all years are header lines too
//!   (`指标 Item 2018 2019 2020 2021`).
//! - Labels: a label naming a band of numbers (`0-4`, `1 - 2`, `95+`: an age group) is a
//!   label though its words read as values; a row of one value more than `N`, every gap
//!   one space, the first a whole number, ends its label with it (`Under 1 51.72 …`),
//!   unless a space may also part thousands there (`Under 25 451`). A label printed in two languages
//!   (`其中:本年新开工    Newly Started This Year`) is one label, its white space closed up
//!   to one space. Indentation gives the
//!   hierarchy: a row heads the rows below it indented further, up to the next row
//!   indented as far or less; a line printing no value (a group: `一、人口、劳动力…`,
//!   `福州市辖区   District under Fuzhou`) heads the same way and is no row itself.
//!
//! The output is grid rows (the full label path, then the values) for
//! [`crate::table::build`].

use super::{Piece, RawRow, Segment, Shape};
use crate::line_kind::{is_value, leading_width, width};
use crate::lines::Line;
use crate::model::Warning;
use crate::normalize::is_cjk;

/// A line printing a row label and its values joined by single spaces.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinedRow {
    /// Display columns of white space before the label.
    pub indent: usize,
    /// The label, white space closed up to single spaces; empty when the line prints values only.
    pub label: String,
    /// The values and empty cells (`""`), in order.
    pub cells: Vec<String>,
    /// True when no empty cell stands between the values (every gap one space).
    pub tight: bool,
    /// Columns of white space after the last value: cells left empty at the row's end
    /// still print their separators (`制造业 60235 95109 114241 119728    `).
    pub trailing: usize,
}

/// Reads a joined row: a label, then at least two values joined by single spaces.
///
/// ```
/// use govreport::table::joined::scan_row;
/// let r = scan_row("      鼓楼区    Gulou 108.0   107.7 108.0").unwrap();
/// assert_eq!((r.indent, r.label.as_str()), (6, "鼓楼区 Gulou"));
/// assert_eq!(r.cells, ["108.0", "", "107.7", "108.0"]);
/// assert!(scan_row("规章    12    3").is_none()); // columns, not joined cells
/// assert!(scan_row("本年 12").is_none()); // one value: nothing shows the joining
/// ```
pub fn scan_row(text: &str) -> Option<JoinedRow> {
    let body = text.trim_end();
    let toks = tokens(body)?;
    let tail = toks.iter().rev().take_while(|t| is_value(t.1)).count();
    // a label naming a band of numbers (`0-4`, `1 - 2`, `95+`) reads as values: the words
    // it takes are no values
    let band = if tail == toks.len() {
        band_words(&toks).max(year_first(&toks))
    } else {
        0
    };
    let mut tail = tail - band;
    // a gap of even width among the values parts no cells joined by single spaces (one
    // space parts two cells, three an empty cell between): where it is the line's one
    // gap wider than a space, the label column ends there, padded to its width, and the
    // words before it are the label, numbers or not (`Under 25      451 408 396`,
    // `2544      1968 2047 2051`)
    let wide: Vec<usize> = (1..toks.len()).filter(|&k| toks[k].0 >= 2).collect();
    let padded = match wide[..] {
        [k] if k > toks.len() - tail && toks[k].0 % 2 == 0 => Some(k),
        _ => None,
    };
    if let Some(k) = padded {
        tail = toks.len() - k;
    }
    if tail < 2 || tail == toks.len() {
        return None;
    }
    let first = toks.len() - tail;
    let mut cells = vec![toks[first].1.to_string()];
    let mut tight = true;
    for &(g, t) in &toks[first + 1..] {
        if g % 2 == 0 {
            return None;
        }
        for _ in 0..(g - 1) / 2 {
            cells.push(String::new());
            tight = false;
        }
        cells.push(t.to_string());
    }
    let label: Vec<&str> = toks[..first].iter().map(|t| t.1).collect();
    if !has_letters(&label) && padded.is_none() && band_words(&toks).max(year_first(&toks)) != first
    {
        return None;
    }
    Some(JoinedRow {
        indent: indent_of(toks[0].0, toks[0].1),
        label: label.join(" "),
        cells,
        tight,
        trailing: text.chars().count() - body.chars().count(),
    })
}

/// True for a line of a label, two values or more, then words (a remark after the values:
/// `猪肉③ 13.5 14.14 -4.53% 正常波动;`).
fn ends_in_remark(text: &str) -> bool {
    let Some(toks) = tokens(text.trim_end()) else {
        return false;
    };
    let words = toks.iter().rev().take_while(|t| !is_value(t.1)).count();
    let before = &toks[..toks.len() - words];
    let values = before.iter().rev().take_while(|t| is_value(t.1)).count();
    words >= 1 && values >= 2 && values < before.len()
}

/// A row's text cut before the words after its values (see [`ends_in_remark`]): the row,
/// and the remark.
fn split_remark(text: &str) -> Option<(&str, &str)> {
    let body = text.trim_end();
    let toks = tokens(body)?;
    let words = toks.iter().rev().take_while(|t| !is_value(t.1)).count();
    // the byte offset of each token's first character, in token order
    let starts: Vec<usize> = body
        .char_indices()
        .zip(std::iter::once(' ').chain(body.chars()))
        .filter(|((_, c), before)| !c.is_whitespace() && before.is_whitespace())
        .map(|((i, _), _)| i)
        .collect();
    let at = *starts.get(toks.len().checked_sub(words)?)?;
    Some((body[..at].trim_end(), body[at..].trim()))
}

/// True for a line of values led by the year that labels them (`1978 123.30 457.70`):
/// [`year_first`].
pub fn is_year_row(text: &str) -> bool {
    tokens(text.trim_end())
        .is_some_and(|toks| year_first(&toks) == 1 && toks.iter().all(|t| is_value(t.1)))
}

/// 1 where a line of values starts with a year followed by amounts (`1978 123.30 457.70`,
/// a row of a yearbook's series over the years): the year labels the row. A line of years
/// alone, or of whole numbers, is no such row (a header, or values without a label).
fn year_first(toks: &[(usize, &str)]) -> usize {
    let amount = |w: &str| w.contains('.') && !is_year_word(w);
    let starts = toks
        .first()
        .is_some_and(|t| is_year_word(t.1) && !t.1.ends_with('.'));
    usize::from(starts && toks.len() >= 3 && toks[1..].iter().any(|t| amount(t.1)))
}

/// The count of a line's first words that name a band of numbers, a row label such as
/// an age group or a span of years: one word of two numbers joined by a dash (`0-4`,
/// `1996-2000`) or of a number and `+` (`95+`), or a number, a dash and a number one space
/// apart (`1 - 2`); 0 when the line starts otherwise.
fn band_words(toks: &[(usize, &str)]) -> usize {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '~' | '～');
    let Some(&(_, w)) = toks.first() else {
        return 0;
    };
    if w.contains(dash) || w.ends_with('+') {
        return usize::from(super::names_band(w));
    }
    match toks {
        [(_, a), (1, d), (1, b), ..] if digits(a) && d.chars().all(dash) && digits(b) => 3,
        _ => 0,
    }
}

/// True when some word of a row label holds a letter or a CJK character (a label of
/// numbers alone is a row of values).
fn has_letters(label: &[&str]) -> bool {
    label
        .iter()
        .any(|w| w.chars().any(|c| c.is_alphabetic() || is_cjk(c)))
}

/// The words of a line, each with the display width of the white space before it; none
/// for a line holding a tab (cells parted by tabs are no joined row).
fn tokens(body: &str) -> Option<Vec<(usize, &str)>> {
    let mut toks: Vec<(usize, &str)> = Vec::new();
    let mut gap = 0usize;
    let mut start = None;
    for (i, c) in body.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                toks.push((gap, &body[s..i]));
                gap = 0;
            }
            if c == '\t' {
                return None;
            }
            gap += width(c).max(1);
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        toks.push((gap, &body[s..]));
    }
    Some(toks)
}

/// Where the values of rows read as joined start, when the rows stand in columns instead:
/// padded to their column, their values start at the same places whatever their labels'
/// length (lynx pads each cell, and a narrow column's values are then one space apart:
/// `Under 25   451  408` over `2544 1968 2047`). Three rows or more with no empty cell,
/// their labels ending at two places or more and each of their values starting where the
/// same value of every other row starts, tell so (rows joined one space apart start their
/// values wherever their labels and figures end); `rows` are the rows with their lines.
/// Only the rows printing the most cells are compared (a row printing fewer, its blank
/// cells padded away, starts its values under other columns: `Women      1805.02 4955.63`
/// under `Total  59147 2844.81 1540.8`).
pub fn value_columns(rows: &[(&str, &JoinedRow)]) -> Option<Vec<usize>> {
    let mut ends = Vec::new();
    let mut starts: Vec<Vec<usize>> = Vec::new();
    let most = rows
        .iter()
        .filter(|(_, r)| r.tight)
        .map(|(_, r)| r.cells.len())
        .max()?;
    for (text, r) in rows
        .iter()
        .filter(|(_, r)| r.tight && r.cells.len() == most)
    {
        let spans = word_spans(text);
        let n = r.cells.len();
        if spans.len() <= n {
            continue;
        }
        ends.push(spans[spans.len() - n - 1].1);
        starts.push(spans[spans.len() - n..].iter().map(|s| s.0).collect());
    }
    ends.sort_unstable();
    ends.dedup();
    (starts.len() >= 3 && ends.len() >= 2 && starts.iter().all(|x| *x == starts[0]))
        .then(|| starts.swap_remove(0))
}

/// Where each word of a line starts and ends, in display columns.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut x = 0;
    let mut start = None;
    for c in text.trim_end().chars() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, x));
            }
        } else if start.is_none() {
            start = Some(x);
        }
        x += width(c).max(1);
    }
    if let Some(s) = start {
        out.push((s, x));
    }
    out
}

/// A word that may begin a number whose thousands are set apart by spaces: one to three
/// digits, signed or not (`2`, `-12`, `936`).
fn is_group_head(w: &str) -> bool {
    let d = w.strip_prefix(['-', '−']).unwrap_or(w);
    (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
}

/// A word that may go on such a number: three digits, the last group with a fraction
/// (`936`, `445.5`).
fn is_group_tail(w: &str) -> bool {
    let (int, frac) = w.split_once('.').unwrap_or((w, "0"));
    int.len() == 3
        && int.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Most groups of three digits a number set with spaces between its thousands takes
/// (`1 234 567 890 123 456`: quadrillions).
const MAX_GROUPS: usize = 5;

/// The reading of `vals` (words with the white space before each, all values) as `n`
/// numbers, where a space may also part the thousands of a number (`2 936 1 491` is
/// `2936`, `1491`): a number is a value, or a head of one to three digits followed by
/// groups of three digits each one space after the one before, only the last with a
/// fraction; a wider gap always parts two cells. The reading where exactly one exists
/// (each number with the count of words it takes).
fn grouping(vals: &[(usize, &str)], n: usize) -> Option<Vec<(String, usize)>> {
    let m = vals.len();
    // the ends (exclusive) of the numbers that may start at each word
    let ends: Vec<Vec<usize>> = (0..m)
        .map(|i| {
            let mut out = vec![i + 1];
            let head = vals[i].1;
            if is_group_head(head) {
                let mut e = i + 1;
                while e < m && e - i <= MAX_GROUPS && vals[e].0 == 1 && is_group_tail(vals[e].1) {
                    e += 1;
                    out.push(e);
                    if vals[e - 1].1.contains('.') {
                        break;
                    }
                }
            }
            out
        })
        .collect();
    // ways[i][c]: the readings of the words from i as c numbers, counted up to two
    // (counted, not searched: a long run of three-digit words has very many splits)
    let mut ways = vec![vec![0usize; n + 1]; m + 1];
    ways[m][0] = 1;
    for i in (0..m).rev() {
        for c in 1..=n {
            ways[i][c] = ends[i]
                .iter()
                .map(|&e| ways[e][c - 1])
                .sum::<usize>()
                .min(2);
        }
    }
    if ways[0][n] != 1 {
        return None;
    }
    // the one reading: at each word, the one end from which the rest still reads
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    for c in (1..=n).rev() {
        let &e = ends[i].iter().find(|&&e| ways[e][c - 1] == 1)?;
        let number: String = vals[i..e].iter().map(|v| v.1).collect();
        out.push((number, e - i));
        i = e;
    }
    Some(out)
}

/// Reads a row of `n` values in a table whose numbers may set their thousands apart by a
/// space, which is also what parts the cells (`Total population 2 936 1 491 1 445`,
/// `Persons with disabilities  460  212  248`): the label (the words before the values,
/// as in [`scan_row`]) and `n` numbers, where exactly one grouping of the values gives
/// `n`. A label may end in a number (`Under 25`), which the text does not tell from the
/// head of a first number (`Under 25 451   408   396`: `Under` and `25451`, or `Under 25`
/// and `451`): a first number taking groups is read only where another number of the row
/// takes groups too (the row then sets its thousands apart itself). Empty cells are not
/// read (gaps here are padding).
///
/// ```
/// use govreport::table::joined::scan_grouped;
/// let r = scan_grouped("Total population 2 936 1 491 1 445", 3).unwrap();
/// assert_eq!(r.label, "Total population");
/// assert_eq!(r.cells, ["2936", "1491", "1445"]);
/// assert!(scan_grouped("Under 25 451   408   396", 3).is_none()); // 25451, or a label `Under 25`
/// assert!(scan_grouped("Grade 5 100 200 300", 3).is_none()); // 5100, or 100200, or 200300
/// ```
pub fn scan_grouped(text: &str, n: usize) -> Option<JoinedRow> {
    let toks = tokens(text.trim_end())?;
    let tail = toks.iter().rev().take_while(|t| is_value(t.1)).count();
    let first = toks.len() - tail;
    let label: Vec<&str> = toks[..first].iter().map(|t| t.1).collect();
    if !has_letters(&label) {
        return None;
    }
    let numbers = grouping(&toks[first..], n)?;
    let grouped = |k: usize| numbers[k].1 > 1;
    if grouped(0) && !(1..numbers.len()).any(grouped) {
        return None;
    }
    Some(JoinedRow {
        indent: indent_of(toks[0].0, toks[0].1),
        label: label.join(" "),
        cells: numbers.into_iter().map(|(v, _)| v).collect(),
        tight: false,
        trailing: 0,
    })
}

/// A row of one value more than the table's `n` columns, every gap one space, the first a
/// whole number: a row holds no more values than there are columns, so that number ends
/// its label (`Under 1 51.72 …`). Not where a space may also part
/// thousands and the last word taken could head the first value kept (`Under 25 451`:
/// `25451` or a label `Under 25`).
fn label_ending_in_numbers(mut r: JoinedRow, n: usize, spaced: bool) -> JoinedRow {
    let extra = r.cells.len().saturating_sub(n);
    // (one whole number: a label does not end in a run of values)
    let whole = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    if extra != 1 || !r.tight || r.label.is_empty() || !whole(&r.cells[0]) {
        return r;
    }
    if spaced && is_group_head(&r.cells[extra - 1]) && is_group_tail(&r.cells[extra]) {
        return r;
    }
    let taken: Vec<String> = r.cells.drain(..extra).collect();
    r.label = format!("{} {}", r.label, taken.join(" "));
    r
}

/// A table whose values may set their thousands apart by spaces: no value of its lines
/// sets them apart by commas or runs five digits or more unparted.
fn spaced_thousands(lines: &[Line]) -> bool {
    lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .filter(|w| is_value(w))
        .all(|w| {
            let int = w.split('.').next().unwrap_or(w);
            !w.contains(',') && int.trim_start_matches(['-', '−']).len() < 5
        })
}

/// A line drawn with dashes, equals signs or box rules alone (`-----`, `=====`).
fn is_drawn_line(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 3 && t.chars().all(|c| "-=_─━═".contains(c))
}

/// A line printing a label and no value: its indentation and the label.
fn scan_label(text: &str) -> Option<(usize, String)> {
    let t = text.trim_end();
    let label: Vec<&str> = t.split_whitespace().collect();
    if label.is_empty() || label.last().is_some_and(|w| is_value(w)) {
        return None;
    }
    Some((indent_of(leading_width(t), label[0]), label.join(" ")))
}

/// The level of a label printed after `spaces` columns of white space: a `#` (其中) mark
/// hangs out left of its label, so the label stands one column further in.
fn indent_of(spaces: usize, first_word: &str) -> usize {
    spaces + usize::from(first_word.starts_with(['#', '＃']))
}

/// The width of a run of joined rows: the commonest number of cells among `rows`, when at
/// least three rows have it and two of them print no empty cell (the joining shows).
pub fn width_of(rows: &[&JoinedRow]) -> Option<usize> {
    let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (cells, rows, tight rows)
    for r in rows {
        match counts.iter_mut().find(|c| c.0 == r.cells.len()) {
            Some(c) => {
                c.1 += 1;
                c.2 += usize::from(r.tight);
            }
            None => counts.push((r.cells.len(), 1, usize::from(r.tight))),
        }
    }
    let best = counts.iter().max_by_key(|c| (c.1, c.0))?;
    (best.1 >= 3 && best.2 >= 2).then_some(best.0)
}

/// A classification code printed before a row's name (`201 05 07 专项普查活动`,
/// `2010507 专项普查活动`): the code's digits and the name after it. A code is a word of
/// three digits (类) followed by at most two words of two digits (款, 项), or one word of
/// five or seven digits (the codes joined); the name holds a CJK character and no word
/// of digits.
///
/// Accepted: `201 05 07 专项普查活动`, `20805 行政事业单位养老支出`. Rejected: `2024 年度`,
/// `201 05 07` (no name), `合计`.
pub fn split_code(label: &str) -> Option<(String, String)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let digits = |w: &str, n: usize| w.len() == n && w.bytes().all(|b| b.is_ascii_digit());
    let first = *words.first()?;
    let mut k = 1;
    if digits(first, 3) {
        while k < words.len() && k < 3 && digits(words[k], 2) {
            k += 1;
        }
    } else if !(digits(first, 5) || digits(first, 7)) {
        return None;
    }
    let name = &words[k..];
    let ok = name.iter().any(|w| w.chars().any(is_cjk))
        && !name.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| (words[..k].concat(), name.join(" ")))
}

/// A joined row whose label starts with a classification code ([`split_code`]).
pub fn is_coded_row(text: &str) -> bool {
    scan_row(text).is_some_and(|r| split_code(&r.label).is_some())
}

/// A row label naming the total of the table (`合计`, `总计`).
fn is_total_label(label: &str) -> bool {
    let l: String = label.split_whitespace().collect();
    l == "合计" || l == "总计"
}

/// True when `row` goes on after a row coded `last` in one classification (codes in
/// order, as a hierarchy prints them depth first), or is the table's total.
pub fn continues_codes(last: &str, row: &JoinedRow) -> bool {
    match split_code(&row.label) {
        Some((code, _)) => code.as_str() > last,
        None => is_total_label(&row.label),
    }
}

/// A year as a column label prints it: four digits from 1800 on (census years), a full
/// stop after them allowed (`1861.`, `2020`).
pub fn is_year_word(w: &str) -> bool {
    let y = w.strip_suffix('.').unwrap_or(w);
    y.len() == 4 && y.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// A line of three or more letters or digits each set a space apart (`2 0 0 4`): one
/// word spread out.
fn is_letter_spaced(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 3
        && line.trim().split(' ').all(|w| w.chars().count() == 1)
        && words.iter().all(|w| w.chars().all(char::is_alphanumeric))
}

/// A four-digit year.
fn is_year(t: &str) -> bool {
    t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// A word that is one column label by itself: CJK text or a number.
fn is_column_word(t: &str) -> bool {
    t.chars().any(is_cjk) || is_value(t)
}

/// The last `n` words of a header line as `n` labels: each CJK text or a number, or
/// each a month or quarter (a number beside one may be its year: `May 2015`), the last
/// then allowed to be a word of another kind after them (`… Nov Dec Ave`: it cannot
/// belong to a month's label).
fn names_columns(ws: &[String], n: usize) -> bool {
    if ws.len() < n || n == 0 {
        return false;
    }
    let labels = &ws[ws.len() - n..];
    // (the line's first word naming the rows under it is the stub: `项目 9月 1-9月累计`
    // over three values names two of them)
    if ws.len() == n && super::names_rows(&ws[0]) {
        return false;
    }
    let periods = |ls: &[String]| ls.iter().all(|w| super::sub_period(w).is_some());
    labels.iter().all(|w| is_column_word(w))
        || n >= 3 && (periods(labels) || periods(&labels[..n - 1]) && !is_value(&labels[n - 1]))
}

/// Reads a region of joined rows (header lines first).
pub fn read(lines: &[Line], warnings: &mut Vec<Warning>) -> Vec<Piece> {
    let rows: Vec<Option<JoinedRow>> = lines.iter().map(|l| scan_row(&l.text)).collect();
    let coded = rows
        .iter()
        .flatten()
        .filter(|r| split_code(&r.label).is_some())
        .count();
    if coded * 2 > rows.iter().flatten().count() {
        return read_coded(lines, &rows, warnings);
    }
    let Some(n) = width_of(&rows.iter().flatten().collect::<Vec<_>>()) else {
        return vec![Piece::Unread([lines[0].no, lines[lines.len() - 1].no])];
    };
    // rows of more values than the table has columns, where a space also sets thousands
    // apart: the one grouping giving the width
    let spaced = spaced_thousands(lines);
    let rows: Vec<Option<JoinedRow>> = if spaced {
        rows.into_iter()
            .zip(lines)
            .map(|(r, l)| match r {
                Some(r) if r.cells.len() == n => Some(r),
                r => scan_grouped(&l.text, n).or(r),
            })
            .collect()
    } else {
        rows
    };
    let rows: Vec<Option<JoinedRow>> = rows
        .into_iter()
        .map(|r| r.map(|r| label_ending_in_numbers(r, n, spaced)))
        .collect();
    // rows ending in words after their values (`猪肉③ 13.5 14.14 -4.53% 正常波动;`) print
    // a column of remarks after the value columns: it is the table's last column, a text
    // cell in those rows and empty in the others (else the row's values went into its
    // label)
    let remarked: Vec<Option<JoinedRow>> = lines
        .iter()
        .zip(&rows)
        .map(|(l, r)| match r {
            None if ends_in_remark(&l.text) => {
                let (body, remark) = split_remark(&l.text)?;
                let mut r = scan_row(body).filter(|r| r.cells.len() == n)?;
                r.cells.push(remark.to_string());
                Some(r)
            }
            _ => None,
        })
        .collect();
    let remark_column = remarked.iter().any(Option::is_some);
    let (rows, n) = if remark_column {
        let rows = rows
            .into_iter()
            .zip(remarked)
            .map(|(r, m)| {
                m.or_else(|| {
                    r.map(|mut r| {
                        if r.cells.len() == n {
                            r.cells.push(String::new());
                        }
                        r
                    })
                })
            })
            .collect();
        (rows, n + 1)
    } else {
        (rows, n)
    };
    // the first row: a full row whose values are not all years
    let first = (0..lines.len()).find(|&k| {
        rows[k]
            .as_ref()
            .is_some_and(|r| r.cells.len() == n && !r.cells.iter().all(|c| is_year(c)))
    });
    let Some(first) = first else {
        return vec![Piece::Unread([lines[0].no, lines[lines.len() - 1].no])];
    };
    // header lines: from the top down to the lines of fewer than N words right above the
    // first row (group labels), a numbered line (a row of the outline) ending it
    // (or, where the first row's label column is padded to its width, `Under 25      451
    // 408 396`, a line ending left of where its values start: it names no column)
    let values_start = tokens(lines[first].text.trim_end()).and_then(|toks| {
        let values = rows[first].as_ref()?.cells.iter().filter(|c| !c.is_empty());
        let k = toks.len().checked_sub(values.count())?;
        let x: usize = toks[..k]
            .iter()
            .map(|&(gap, w)| gap + w.chars().map(width).sum::<usize>())
            .sum();
        let gap = toks.get(k)?.0;
        (gap >= 2).then_some(x + gap)
    });
    let group = |k: usize| {
        let t = lines[k].text.trim();
        let line_width: usize = lines[k].text.trim_end().chars().map(width).sum();
        rows[k].is_none()
            && (t.split_whitespace().count() < n
                || crate::outline::scan_outline(t).is_some()
                || values_start.is_some_and(|x| line_width + 1 < x))
    };
    let mut head_end = first;
    while head_end > 0 && group(head_end - 1) {
        head_end -= 1;
    }
    // the header starts at the first line from which its words name the columns; lines
    // above it (a unit line, a heading) are text
    // a unit line (`单位:以上年为100`) is the table's note, no header line
    let unit_line = |k: usize| {
        let t = lines[k].text.trim_start();
        t.starts_with("单位") || t.starts_with("Unit")
    };
    let above: Vec<String> = (0..head_end)
        .filter(|&k| unit_line(k))
        .map(|k| lines[k].text.trim().to_string())
        .collect();
    let printed: Vec<usize> = (0..head_end)
        .filter(|&k| {
            !lines[k].text.trim().is_empty() && !unit_line(k) && !is_drawn_line(&lines[k].text)
        })
        .collect();
    let texts: Vec<&str> = printed.iter().map(|&k| lines[k].text.as_str()).collect();
    let found = (0..texts.len())
        .find_map(|s| stub_spanned_labels(&texts[s..], n).map(|p| (s, p)))
        .or_else(|| {
            (0..texts.len()).find_map(|s| {
                header_labels(&texts[s..], n).map(|(stub, labels)| {
                    (s, (stub, labels.into_iter().map(|l| vec![l]).collect()))
                })
            })
        })
        .or_else(|| {
            (0..texts.len())
                .find_map(|s| spanned_labels(&texts[s..], n).map(|p| (s, (String::new(), p))))
        })
        .or_else(|| {
            let last = texts.len().checked_sub(1)?;
            parallel_labels(texts[last], n).map(|p| (last, (String::new(), p)))
        })
        .or_else(|| {
            let last = texts.len().checked_sub(1)?;
            gapped_labels(texts[last], n).map(|(stub, p)| (last, (stub, p)))
        })
        .or_else(|| {
            // the rows' figures by column, for the sums to bear out a reading
            let figures: Vec<Vec<Option<(f64, usize)>>> = rows[head_end..]
                .iter()
                .flatten()
                .filter(|r| r.cells.len() == n)
                .map(|r| r.cells.iter().map(|c| super::number_of(c)).collect())
                .collect();
            // (the header: the lines over the rows that print no sentence)
            let s = texts
                .iter()
                .rposition(|t| !is_header_phrase_line(t))
                .map_or(0, |k| k + 1);
            capitalised_labels(&texts[s..], n, &figures).map(|p| (s, p))
        });
    // a letter-spaced line right over labels found one a word (`2 0 0 4` over `Jan Feb
    // …`): a label set out over the width of the columns it spans, all of them
    let found = found.map(|(s, (stub, labels))| {
        let spread = s
            .checked_sub(1)
            .filter(|&p| printed[p] + 1 == printed[s] && is_letter_spaced(texts[p]));
        match spread {
            Some(p) if labels.iter().all(|l| l.len() == 1) => {
                let top = texts[p].trim().to_string();
                let labels = labels
                    .into_iter()
                    .map(|l| [vec![top.clone()], l].concat())
                    .collect();
                (p, (stub, labels))
            }
            _ => (s, (stub, labels)),
        }
    });
    // rows ending in words after their values that could not be read as rows with a
    // remark show a column of text after the value columns all the same: the header's
    // last word may be its label, so its words do not say which columns they name
    let remarks = !remark_column && lines[head_end..].iter().any(|l| ends_in_remark(&l.text));
    let found = found.filter(|_| !remarks);
    let skip = found.as_ref().map_or(0, |f| f.0);
    let header: Vec<u32> = printed[skip..].iter().map(|&k| lines[k].no).collect();
    // the line right over a found header, no unit line, is the table's caption (not a
    // line opening with the stub's label: `项目  本年  上年同期`, header text unread)
    let over = skip
        .checked_sub(1)
        .map(|p| printed[p])
        .filter(|&k| found.is_some() && printed.get(skip) == Some(&(k + 1)));
    let opens_with_stub = |k: usize| {
        let first = lines[k].text.split_whitespace().next().unwrap_or_default();
        super::names_rows(first)
    };
    let caption = over.filter(|&k| !opens_with_stub(k));
    // (that label alone on its line is the stub's, `Item`)
    let stub_line = over.filter(|&k| super::names_rows(lines[k].text.trim()));
    let mut above = above;
    if let Some(k) = caption {
        above.insert(0, lines[k].text.trim().to_string());
    }
    let mut out: Vec<Piece> = printed[..skip]
        .iter()
        .filter(|&&k| Some(k) != caption && Some(k) != stub_line)
        .map(|&k| Piece::Text(lines[k].no))
        .collect();
    let (mut stub, labels) = match found {
        Some((_, (stub, labels))) => (stub, Some(labels)),
        None => (String::new(), None),
    };
    if let Some(k) = stub_line
        && stub.is_empty()
    {
        stub = lines[k].text.trim().to_string();
    }
    if labels.is_none() && !header.is_empty() {
        warnings.push(Warning {
            line: Some(header[0]),
            code: "header-unresolved".into(),
            message: format!(
                "the header lines do not name the {n} value columns of the rows joined by single spaces word by word; columns left without paths"
            ),
        });
    }
    let labels: Vec<Vec<String>> = labels.unwrap_or_else(|| vec![vec![String::new()]; n]);

    // rows: the label path from the indentation
    struct Item {
        line: u32,
        indent: usize,
        label: String,
        cells: Option<Vec<String>>,
    }
    let mut items: Vec<Item> = Vec::new();
    for (k, l) in lines.iter().enumerate().skip(head_end) {
        match &rows[k] {
            Some(r) => {
                // a row of values one space apart ending in white space for the cells it
                // lacks: they are its last, left empty
                let mut cells = r.cells.clone();
                if r.tight && cells.len() < n && r.trailing >= n - cells.len() {
                    cells.resize(n, String::new());
                }
                items.push(Item {
                    line: l.no,
                    indent: r.indent,
                    label: r.label.clone(),
                    cells: Some(cells),
                })
            }
            None => {
                if is_drawn_line(&l.text) {
                    // a line drawn across the table (under its header, between row
                    // groups) is no row and no label
                } else if let Some((indent, label)) = scan_label(&l.text) {
                    items.push(Item {
                        line: l.no,
                        indent,
                        label,
                        cells: None,
                    });
                } else if !l.text.trim().is_empty() {
                    warnings.push(Warning {
                        line: Some(l.no),
                        code: "unplaced-row".into(),
                        message: format!(
                            "line {:?} prints values that no reading of rows joined by single spaces gives the table's {n} columns (a space may also set a number's thousands apart); left out",
                            l.text.trim()
                        ),
                    });
                }
            }
        }
    }
    // rows labelled by years under group labels printed on their first row (`Persons 14
    // years of age and over 1940` over `1941`, `1942`): where every row's label is a year
    // or words ending in one, two years at least alone, a label of words ending in a year
    // is the group's label, then the row's year; the years after it, to the next group,
    // are under it
    let data_labels: Vec<&str> = items
        .iter()
        .filter(|it| it.cells.is_some())
        .map(|it| it.label.as_str())
        .collect();
    let years = data_labels.iter().filter(|l| is_year_word(l)).count();
    let led = |label: &str| {
        let (words, year) = label.rsplit_once(' ')?;
        (is_year_word(year) && words.chars().any(char::is_alphabetic))
            .then(|| (words.to_string(), year.to_string()))
    };
    let grouped = years >= 2
        && data_labels
            .iter()
            .all(|l| is_year_word(l) || led(l).is_some());
    let items = if grouped
        && items
            .iter()
            .any(|it| it.cells.is_some() && led(&it.label).is_some())
    {
        let mut out: Vec<Item> = Vec::with_capacity(items.len() + 4);
        let mut under: Option<usize> = None;
        for it in items {
            match (&it.cells, led(&it.label)) {
                (Some(_), Some((words, year))) => {
                    out.push(Item {
                        line: it.line,
                        indent: it.indent,
                        label: words,
                        cells: None,
                    });
                    under = Some(it.indent);
                    out.push(Item {
                        indent: it.indent + 1,
                        label: year,
                        ..it
                    });
                }
                (Some(_), None) if under == Some(it.indent) && is_year_word(&it.label) => {
                    out.push(Item {
                        indent: it.indent + 1,
                        ..it
                    });
                }
                _ => {
                    under = None;
                    out.push(it);
                }
            }
        }
        out
    } else {
        items
    };
    // the row path from the indentation, and at one indentation from the outline numbers:
    // a label numbered a rank deeper than the numbered label above it (`(一)…` under
    // `一、…`, both flush left) is under it
    let rank = |label: &str| crate::outline::scan_outline(label).map(|o| o.scheme.rank());
    let mut stack: Vec<(usize, Option<u8>, String)> = Vec::new();
    let mut paths: Vec<Vec<String>> = Vec::with_capacity(items.len());
    for it in &items {
        let r = rank(&it.label);
        while stack.last().is_some_and(|s| {
            s.0 > it.indent || s.0 == it.indent && !matches!((s.1, r), (Some(a), Some(b)) if a < b)
        }) {
            stack.pop();
        }
        let mut path: Vec<String> = stack.iter().map(|s| s.2.clone()).collect();
        path.push(it.label.clone());
        paths.push(path);
        stack.push((it.indent, r, it.label.clone()));
    }
    // a row label printed again and again in the table (`As per cent of total
    // population` after each count) qualifies the nearest row above it whose label is
    // printed once: the row it is a share or part of
    let mut printed_times: std::collections::HashMap<&[String], usize> =
        std::collections::HashMap::new();
    for p in &paths {
        *printed_times.entry(p.as_slice()).or_default() += 1;
    }
    let once = |k: usize| printed_times[paths[k].as_slice()] == 1;
    let parents: Vec<Option<usize>> = (0..items.len())
        .map(|k| {
            if once(k) || items[k].cells.is_none() {
                return None;
            }
            (0..k).rev().find(|&j| items[j].cells.is_some() && once(j))
        })
        .collect();
    for (k, parent) in parents.into_iter().enumerate() {
        if let Some(j) = parent {
            let mut path = paths[j].clone();
            path.push(items[k].label.clone());
            paths[k] = path;
        }
    }
    let depth = paths.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut out_rows: Vec<RawRow> = Vec::new();
    // one header row per level of the column paths, a label spanning columns printed
    // in the first of them; the stub in the last
    // (paths of several lengths, a label spanning down beside groups: as a grid's rows)
    let levels = labels.iter().map(Vec::len).max().unwrap_or(1);
    let ragged = labels.iter().any(|p| p.len() != levels);
    let grid = if ragged {
        super::header::grid_rows(&labels)
    } else {
        Vec::new()
    };
    for level in 0..levels {
        let mut head_row: Vec<String> = vec![String::new(); depth];
        if level + 1 == levels {
            head_row[0] = stub.clone();
        }
        if ragged {
            head_row.extend(grid[level].iter().cloned());
        }
        for (c, path) in labels.iter().enumerate().filter(|_| !ragged) {
            let starts = c == 0 || labels[c - 1][..=level] != path[..=level];
            head_row.push(if starts || level + 1 == levels {
                path[level].clone()
            } else {
                String::new()
            });
        }
        out_rows.push(RawRow {
            line: header.get(level).copied().unwrap_or(lines[first].no),
            cells: head_row,
            unplaced: Vec::new(),
            indent: 0,
        });
    }
    for (k, it) in items.iter().enumerate() {
        let heads = items.get(k + 1).is_some_and(|next| next.indent > it.indent);
        let cells = match &it.cells {
            Some(c) if c.len() == n => c.clone(),
            Some(c) => {
                warnings.push(Warning {
                    line: Some(it.line),
                    code: "unplaced-row".into(),
                    message: format!(
                        "row prints {} cells joined by single spaces, the table {n}, and no gap shows which are empty; row left out",
                        c.len()
                    ),
                });
                continue;
            }
            // a line printing no value heads the rows indented under it
            None if heads => continue,
            None => vec![String::new(); n],
        };
        let mut row = paths[k].clone();
        row.resize(depth, String::new());
        row.extend(cells);
        out_rows.push(RawRow {
            line: it.line,
            cells: row,
            unplaced: Vec::new(),
            indent: 0,
        });
    }
    let from = caption
        .or(stub_line)
        .map(|k| lines[k].no)
        .or(header.first().copied())
        .unwrap_or(lines[first].no);
    out.push(Piece::Table {
        seg: Segment {
            band: None,
            lines: [from, lines[lines.len() - 1].no],
            rows: out_rows,
            known: Some(Shape {
                head: levels,
                labels: depth,
                values: n,
            }),
            above,
            units: Default::default(),
            present: false,
        },
        grid: true,
    });
    out
}

/// Reads joined rows whose labels start with classification codes (a budget's rows as a
/// PDF's text layer gives them, words one space apart, empty cells left out): a row prints
/// fewer values than the header names columns and nothing shows which are empty, save
/// that a header naming `合计` first among its value columns makes the first value the
/// total of the others. So only that value is placed, in a row whose first value is the
/// sum of the rest (the reading holds); its other values stay `unplaced`. The header is
/// the line holding the word `合计` after one or two stub labels (the code's and the
/// name's columns), with the line above it of two labels (the stub's, and one spanning
/// the value columns: `项目 收入预算`). Codes give the row hierarchy (a code heads the codes
/// extending it); a row whose parent code is not in the table, or without a code and not
/// the total (`合计`), is left out. A line of one CJK word ending in `表` among the rows is
/// the caption (the text layer may print it after the page's rows); the other lines
/// between rows (headers repeated on each page, page marks) are no rows.
fn read_coded(
    lines: &[Line],
    rows: &[Option<JoinedRow>],
    warnings: &mut Vec<Warning>,
) -> Vec<Piece> {
    let span = [lines[0].no, lines[lines.len() - 1].no];
    let Some(first) = rows.iter().position(Option::is_some) else {
        return vec![Piece::Unread(span)];
    };
    let words = |k: usize| lines[k].text.split_whitespace().collect::<Vec<&str>>();
    let total_at = (0..first).rev().find(|&k| {
        let w = words(k);
        w.iter().position(|x| *x == "合计").is_some_and(|at| {
            (1..=2).contains(&at)
                && at + 1 < w.len()
                && w.iter().all(|x| is_column_word(x) && !is_value(x))
        })
    });
    let Some(hk) = total_at else {
        warnings.push(Warning {
            line: Some(lines[first].no),
            code: "header-unresolved".into(),
            message: "rows joined by single spaces print fewer values than columns, and no header names 合计 first among the value columns; table left unread".into(),
        });
        return vec![Piece::Unread(span)];
    };
    let top = hk.checked_sub(1).map(words).filter(|w| {
        w.len() == 2
            && w.iter()
                .all(|x| x.chars().any(is_cjk) && !x.contains([':', '：']) && !is_value(x))
    });
    let head_top = if top.is_some() { hk - 1 } else { hk };
    let mut out: Vec<Piece> = (0..head_top)
        .filter(|&k| !lines[k].text.trim().is_empty())
        .map(|k| Piece::Text(lines[k].no))
        .collect();
    let caption = (first..lines.len()).find_map(|k| {
        let t = lines[k].text.trim();
        (rows[k].is_none()
            && !t.contains(char::is_whitespace)
            && t.ends_with('表')
            && t.chars().any(is_cjk)
            && !super::is_unit_line(t))
        .then(|| t.to_string())
    });

    // rows: the code hierarchy, and the first value where it is the others' sum
    let cents = |c: &str| -> Option<i64> {
        let v: f64 = c.replace(',', "").parse().ok()?;
        (v.is_finite() && v.abs() < 1e15).then(|| (v * 100.0).round() as i64)
    };
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut read: Vec<(u32, Vec<String>, String, Vec<String>)> = Vec::new();
    for k in first..lines.len() {
        let Some(r) = &rows[k] else { continue };
        let no = lines[k].no;
        let leave = |why: &str, warnings: &mut Vec<Warning>| {
            warnings.push(Warning {
                line: Some(no),
                code: "unplaced-row".into(),
                message: format!("row {:?} {why}; left out", r.label),
            });
        };
        let path = match split_code(&r.label) {
            Some((code, name)) => {
                while stack
                    .last()
                    .is_some_and(|(c, _)| !code.starts_with(c.as_str()) || *c == code)
                {
                    stack.pop();
                }
                let parent = match stack.last() {
                    None => code.len() == 3,
                    Some((c, _)) => c.len() + 2 == code.len(),
                };
                let path: Vec<String> = stack
                    .iter()
                    .map(|s| s.1.clone())
                    .chain([name.clone()])
                    .collect();
                stack.push((code, name));
                if !parent {
                    leave("has a code whose parent is not in the table", warnings);
                    continue;
                }
                path
            }
            None if is_total_label(&r.label) => {
                stack.clear();
                vec![r.label.split_whitespace().collect()]
            }
            None => {
                leave("has no classification code", warnings);
                continue;
            }
        };
        let vals: Option<Vec<i64>> = r.cells.iter().map(|c| cents(c)).collect();
        let adds =
            vals.is_some_and(|v| v.len() >= 2 && v[0] != 0 && v[0] == v[1..].iter().sum::<i64>());
        if !adds {
            leave(
                "prints values of which the first is not the sum of the others (合计)",
                warnings,
            );
            continue;
        }
        read.push((no, path, r.cells[0].clone(), r.cells[1..].to_vec()));
    }
    if read.is_empty() {
        out.push(Piece::Unread([lines[head_top].no, span[1]]));
        return out;
    }
    warnings.push(Warning {
        line: Some(read[0].0),
        code: "unplaced-value".into(),
        message: "rows joined by single spaces print fewer values than the header names columns: only the first value, 合计 (the sum of the others), is placed; the others are kept unplaced".into(),
    });
    let depth = read.iter().map(|r| r.1.len()).max().unwrap_or(1);
    let stub = match &top {
        Some(w) => w[0].to_string(),
        None => {
            let w = words(hk);
            let at = w.iter().position(|x| *x == "合计").unwrap_or(0);
            w[..at].join(" ")
        }
    };
    let mut head: Vec<RawRow> = Vec::new();
    let mut labels = vec![String::new(); depth];
    labels[0] = stub;
    if let Some(w) = &top {
        let mut r = labels.clone();
        r.push(w[1].to_string());
        head.push(RawRow::printed(lines[hk - 1].no, r));
        labels = vec![String::new(); depth];
    }
    labels.push("合计".to_string());
    head.push(RawRow::printed(lines[hk].no, labels));
    let n_head = head.len();
    let mut seg_rows = head;
    for (no, mut path, total, rest) in read {
        path.resize(depth, String::new());
        path.push(total);
        seg_rows.push(RawRow {
            line: no,
            cells: path,
            unplaced: rest,
            indent: 0,
        });
    }
    out.push(Piece::Table {
        seg: Segment {
            band: None,
            lines: [lines[head_top].no, span[1]],
            rows: seg_rows,
            known: Some(Shape {
                head: n_head,
                labels: depth,
                values: 1,
            }),
            above: caption.into_iter().collect(),
            units: Default::default(),
            present: false,
        },
        grid: true,
    });
    out
}

/// Words a header prints over the label column of a Chinese statistical table.
/// The stub and column paths of two header lines under the label column's word (`项目
/// 2016年预算数` / `小计 其中:一般公共预算安排数`): the first line that word and one label,
/// which stands over every column (one cell over them all), the second exactly `n` labels
/// under it. None otherwise.
fn stub_spanned_labels(lines: &[&str], n: usize) -> Option<(String, Vec<Vec<String>>)> {
    let [top, last] = lines else {
        return None;
    };
    let words: Vec<&str> = top.split_whitespace().collect();
    let [stub, parent] = words[..] else {
        return None;
    };
    let leaves: Vec<&str> = last.split_whitespace().collect();
    if n < 2
        || !super::names_rows(stub)
        || is_value(parent)
        || leaves.len() != n
        || leaves.iter().any(|w| is_value(w) || super::names_rows(w))
    {
        return None;
    }
    Some((
        stub.to_string(),
        leaves
            .iter()
            .map(|l| vec![parent.to_string(), l.to_string()])
            .collect(),
    ))
}

/// The column paths of header lines over `n` columns that name them in words of any
/// script: the last line of exactly `n` words, one per column, its stub cell blank
/// (`  Total Males Females Total Males Females`), alone or under one line naming the groups its words repeat in (`4
/// quarter 2000 2 quarter 2002` over two groups of three): that line's words fall into as
/// many runs of equal length as there are groups, the runs alike word by word (a number
/// where the others have a number). None where the words do not fall so: where a label
/// may hold several words, the text does not say where one ends.
fn spanned_labels(lines: &[&str], n: usize) -> Option<Vec<Vec<String>>> {
    let (last, top) = match lines {
        [last] => (*last, None),
        [top, last] => (*last, Some(*top)),
        _ => return None,
    };
    let leaves: Vec<&str> = last.split_whitespace().collect();
    // (the stub's cell left blank: no word of the line is the stub's; a line of `n` years
    // holds no stub word either)
    let years = leaves.iter().all(|w| is_year_word(w));
    if leaves.len() != n
        || n < 2
        || !(years || last.starts_with(char::is_whitespace))
        || super::names_rows(leaves[0])
        || (!years && leaves.iter().any(|w| is_value(w)))
    {
        return None;
    }
    let Some(top) = top else {
        return Some(leaves.iter().map(|w| vec![w.to_string()]).collect());
    };
    // the shortest run of leaves that repeats over the line
    let period = super::repeat_period(&leaves)?;
    let groups = n / period;
    let mut words: Vec<&str> = top.split_whitespace().collect();
    // more words than groups and fewer than two a group: the stub's words, then a word a
    // group (`Age-periods. Males. Females.`)
    if words.len() > groups && words.len() < 2 * groups {
        words.drain(..words.len() - groups);
    }
    if words.is_empty() || !words.len().is_multiple_of(groups) {
        return None;
    }
    let runs: Vec<&[&str]> = words.chunks(words.len() / groups).collect();
    let shape = |run: &[&str]| run.iter().map(|w| is_value(w)).collect::<Vec<bool>>();
    if runs.iter().any(|r| shape(r) != shape(runs[0])) {
        return None;
    }
    Some(
        (0..n)
            .map(|c| vec![runs[c / period].join(" "), leaves[c].to_string()])
            .collect(),
    )
}

/// The labels of a header line of `n` multi-word labels joined by single spaces, where
/// the labels after the first begin alike (`Index (2005 = 100) % change over 1 month %
/// change over 12 months`): the longest run of words printed more than once, a word
/// other than a number among them, begins a label at each place it stands, the line's
/// start another. None unless that makes exactly `n` labels, and no other run as long
/// would cut the line elsewhere.
fn parallel_labels(line: &str, n: usize) -> Option<Vec<Vec<String>>> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if n < 2 || words.len() < n {
        return None;
    }
    // the places a run of words stands, left to right, not overlapping
    let places = |run: &[&str]| {
        let mut at = Vec::new();
        let mut i = 0;
        while i + run.len() <= words.len() {
            if words[i..i + run.len()] == *run {
                at.push(i);
                i += run.len();
            } else {
                i += 1;
            }
        }
        at
    };
    for len in (2..=words.len() / 2).rev() {
        let mut cuts: Option<Vec<usize>> = None;
        for start in 0..=words.len() - len {
            let run = &words[start..start + len];
            let at = places(run);
            if at.len() < 2 || at[0] != start || run.iter().all(|w| is_value(w)) {
                continue;
            }
            let mut c = at;
            if c[0] != 0 {
                c.insert(0, 0);
            }
            match &cuts {
                Some(prev) if *prev != c => return None,
                _ => cuts = Some(c),
            }
        }
        if let Some(c) = cuts {
            if c.len() != n {
                return None;
            }
            let ends = c.iter().skip(1).copied().chain([words.len()]);
            return Some(
                c.iter()
                    .zip(ends)
                    .map(|(&a, b)| vec![words[a..b].join(" ")])
                    .collect(),
            );
        }
    }
    None
}

/// The stub and the column labels of a header line alone over `n` columns that sets its
/// cells apart by two spaces or more where its rows join theirs by one (w3m or lynx over
/// narrow value columns: `Item   2015   2016   % change` over `GDP  262,037 275,567 5.2%`):
/// its pieces, the stub's word first, then exactly `n` labels, none a value but a year.
fn gapped_labels(line: &str, n: usize) -> Option<(String, Vec<Vec<String>>)> {
    let pieces: Vec<String> = crate::line_kind::cells(line)
        .into_iter()
        .map(|f| f.text)
        .collect();
    let (stub, labels) = match pieces.len() {
        k if k == n + 1 && super::names_rows(&pieces[0]) => (pieces[0].clone(), &pieces[1..]),
        k if k == n && line.starts_with(char::is_whitespace) => (String::new(), &pieces[..]),
        _ => return None,
    };
    if n < 2 || labels.iter().any(|l| is_value(l) && !is_year_word(l)) {
        return None;
    }
    Some((stub, labels.iter().map(|l| vec![l.clone()]).collect()))
}

/// True for a header line of English words with no sentence's punctuation, not opening
/// on a number (a caption's `1. Employment status …, 1940 to date` is none).
fn is_header_phrase_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !t.contains([',', ';', ':'])
        && !t.starts_with(|c: char| c.is_ascii_digit())
        && !t.chars().any(is_cjk)
        && t.chars().any(|c| c.is_ascii_alphabetic())
}

/// The stub and the column paths of header lines of English labels joined by single
/// spaces, each label opening on a capital and going on in lower case (`Civilian labor
/// force Not in labor force`): each line's cells are its runs of words from one
/// capitalised word to the next, the first line's first cell the stub's where it names
/// the rows (`Item`). The cells are the header's rows printing the cells present, and
/// their spans are read as [`super::header::rebuild`] reads them; of the readings, the
/// one whose sums the rows' `figures` bear out ([`super::reading_by_sums`]) names the
/// columns. None where the sums single out no reading: words capitalised within a
/// label (`Gross Domestic Product`) would cut it, so the labels alone do not tell.
fn capitalised_labels(
    lines: &[&str],
    n: usize,
    figures: &[Vec<Option<(f64, usize)>>],
) -> Option<(String, Vec<Vec<String>>)> {
    if lines.is_empty() || lines.len() > 4 || n < 2 {
        return None;
    }
    let mut stub = String::new();
    let mut rows: Vec<super::header::HeaderRow> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let mut cells: Vec<String> = Vec::new();
        for w in line.split_whitespace() {
            match cells.last_mut() {
                Some(c) if !w.starts_with(|ch: char| ch.is_ascii_uppercase()) => {
                    c.push(' ');
                    c.push_str(w);
                }
                _ => cells.push(w.to_string()),
            }
        }
        if i == 0 && cells.first().is_some_and(|c| super::names_rows(c)) {
            stub = cells.remove(0);
        }
        rows.push(super::header::HeaderRow { cells, grid: false });
    }
    let readings = super::header::rebuild_readings(&rows, n);
    super::reading_by_sums(&readings, figures).map(|paths| (stub, paths))
}

/// The stub and the column labels of header lines over `n` columns, when their words
/// name each column: the first line's last `n` words (CJK text or numbers), the lines of
/// one word under it continuing it (a header cell's text broken over lines, `增长率` /
/// `(%)`), then lines of exactly `n` labels (a second language), a line's words split
/// after each bracketed unit where they are more (`Level(yuan) Growth Rate(%)`). A
/// bracketed unit alone (`(元)`) belongs to the word before it.
fn header_labels(lines: &[&str], n: usize) -> Option<(String, Vec<String>)> {
    let bracketed = |w: &str| w.starts_with(['(', '（']) && w.ends_with([')', '）']);
    let mut ls: Vec<Vec<String>> = Vec::new();
    for l in lines {
        let mut words: Vec<String> = Vec::new();
        for w in l.split_whitespace() {
            match (bracketed(w), words.last_mut(), ls.last_mut()) {
                (true, Some(prev), _) => prev.push_str(w),
                (true, None, Some(line)) => line.last_mut()?.push_str(w),
                _ => words.push(w.to_string()),
            }
        }
        if !words.is_empty() {
            ls.push(words);
        }
    }
    let mut it = ls.into_iter();
    let mut first = it.next()?;
    let names = |ws: &[String]| names_columns(ws, n);
    let mut rest = it.peekable();
    while !names(&first) {
        match rest.next_if(|l| l.len() == 1) {
            Some(l) => first.extend(l),
            None => return None,
        }
    }
    let mut labels: Vec<String> = first.split_off(first.len() - n);
    for l in rest {
        let pieces: Vec<String> = if l.len() == n {
            l
        } else {
            let mut p: Vec<String> = Vec::new();
            let mut cur = String::new();
            for w in l {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(&w);
                if w.ends_with([')', '）']) {
                    p.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                p.push(cur);
            }
            p
        };
        if pieces.len() != n {
            return None;
        }
        for (a, b) in labels.iter_mut().zip(pieces) {
            a.push(' ');
            a.push_str(&b);
        }
    }
    Some((first.join(" "), labels))
}

#[cfg(test)]
mod tests {
    use crate::model::Block;
    use crate::table::testutil::{doc, path_cells};

    fn table(text: &str) -> crate::model::Table {
        let d = doc(text);
        d.blocks
            .into_iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(*t),
                _ => None,
            })
            .expect("a table")
    }

    /// lynx's text of a header of three rows over ten columns, every cell joined to the
    /// next by one space (`Civilian noninstitutional population Civilian labor force …`):
    /// each English label opens on a capital and goes on in lower case, so the lines'
    /// cells are their runs from one capital to the next; of the span readings of those
    /// cells, one alone has its totals equal the counts under them in every row, and it
    /// names the columns. The rows are years under the group label their first row
    /// prints before its year.
    #[test]
    fn capitalised_labels_joined_by_spaces_are_read_where_the_sums_bear_them_out() {
        let t = table(
            "Item Civilian noninstitutional population Civilian labor force Not in labor force\n\
             Total Percent of population Employed Unemployed\n\
             Total Percent of population Agriculture Nonagricultural industries Number Percent of labor force\n\
             Persons 14 years of age and over 1940 99840 55640 55.7 47520 47.6 9540 37980 8120 14.6 44200\n\
             1941 99900 55910 56.0 50350 50.4 9100 41250 5560 9.9 43990\n\
             1942 98640 56410 57.2 53750 54.5 9250 44500 2660 4.7 42230\n\
             Persons 16 years of age and over 1947 101827 59350 58.3 57038 56.0 7890 49148 2311 3.9 42477\n\
             1948 103068 60621 58.8 58343 56.6 7629 50714 2276 3.8 42447\n",
        );
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(cols[0], "Civilian noninstitutional population");
        assert_eq!(cols[3], "Civilian labor force>Employed>Total");
        assert_eq!(
            cols[8],
            "Civilian labor force>Unemployed>Percent of labor force"
        );
        assert_eq!(cols[9], "Not in labor force");
        let rows = path_cells(&t);
        let row = |p: &str| rows.iter().find(|(q, _)| q == p).map(|(_, c)| c[1].clone());
        assert_eq!(
            row("Persons 14 years of age and over/1941").as_deref(),
            Some("55910")
        );
        assert_eq!(
            row("Persons 16 years of age and over/1948").as_deref(),
            Some("60621")
        );
    }

    /// A PDF's text (`pdftotext -layout`) pads the label column and joins narrow value
    /// cells by single spaces: the one wide gap of a row ends its label, so a number before
    /// it is label text (`Under 25`, `2544`: an age group that lost its dash), and a line
    /// ending left of where the rows' values start names no column (a group label over
    /// the rows, `Labour Force ('000)`), whatever its words.
    #[test]
    fn a_padded_label_column_ends_the_label_and_lines_left_of_it_are_groups() {
        let t = table(concat!(
            "              Item                  1997 2001 2002\n",
            "Labour Force ('000)\n",
            "  Age Group\n",
            "    Under 25                        451 408 396\n",
            "    2544                            1968 2047 2051\n",
            "    65 and over                     43 42 42\n",
            "  Male                              1955 1965 1965\n",
        ));
        let paths: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(paths, [["1997"], ["2001"], ["2002"]]);
        let rows = path_cells(&t);
        assert_eq!(
            rows[..2],
            [
                (
                    "Labour Force ('000)/Age Group/Under 25".to_string(),
                    vec!["451".to_string(), "408".to_string(), "396".to_string()]
                ),
                (
                    "Labour Force ('000)/Age Group/2544".to_string(),
                    vec!["1968".to_string(), "2047".to_string(), "2051".to_string()]
                ),
            ]
        );
        assert_eq!(rows.len(), 4, "{rows:?}");
    }

    /// Capitalised words within labels (`Gross Domestic Product`) cut them into more
    /// cells than the header has; where no span reading of the cells has sums the rows
    /// bear out, the columns stay unnamed rather than named by a guess.
    #[test]
    fn capitalised_labels_the_sums_do_not_bear_out_name_no_column() {
        let t = table(
            "Item Gross Domestic Product Private Consumption Gross Capital Formation\n\
             2019 100.0 55.1 24.3\n\
             2020 98.2 53.0 23.9\n\
             2021 103.4 56.2 25.0\n",
        );
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
    }

    /// Issue 13: rows joined by single spaces, some ending in a remark after their values
    /// (`猪肉 13.5 14.14 -4.53% 正常波动;`): the remarks are the table's last column, text
    /// in those rows and empty in the others, and the header names it last; the row's
    /// values never go into its label.
    #[test]
    fn a_remark_after_the_values_is_the_last_column() {
        let t = table(
            "项目 本期均价 上期均价 变动幅度 备注\n\
             籼米 2.19 2.19 --\n\
             面粉 2.89 2.89 --\n\
             猪肉 13.5 14.14 -4.53% 正常波动;\n\
             仔猪 23.22 22.56 2.93% 正常波动;\n\
             玉米 3.07 3.06 0.33%\n",
        );
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(cols, ["本期均价", "上期均价", "变动幅度", "备注"]);
        let rows = path_cells(&t);
        let row = |label: &str| {
            rows.iter()
                .find(|(p, _)| p == label)
                .map(|(_, c)| c.clone())
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            row("猪肉"),
            Some(s(&["13.5", "14.14", "-4.53%", "正常波动;"]))
        );
        assert_eq!(
            row("仔猪"),
            Some(s(&["23.22", "22.56", "2.93%", "正常波动;"]))
        );
        assert_eq!(row("玉米"), Some(s(&["3.07", "3.06", "0.33%", ""])));
    }

    /// Issue 13: the line right over a joined table's header that opens with the stub's
    /// label (`Item`, `项目  本年  上年同期`) is header text, no caption: the table is not
    /// titled by it, and alone on its line it is the stub.
    #[test]
    fn a_line_opening_with_the_stubs_label_is_no_caption() {
        let t = table(
            "Table 1. Monthly index by group\n\
             \n\
             \x20   Item\n\
             \x20              Jan Feb Mar\n\
             Food          161.4 161.4 162.5\n\
             Fuel          181.7 183.3 183.0\n\
             Rent          204.1 204.8 205.3\n\
             Water         150.2 150.9 151.0\n",
        );
        assert_ne!(t.title.as_deref(), Some("Item"));
        assert_eq!(t.stub, ["Item"]);
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(cols, ["Jan", "Feb", "Mar"]);
    }

    /// Issue 13: a row of values one space apart that ends in white space for the cells it
    /// lacks has them last, left empty; a row that ends in no such space shows no gap and
    /// is left out.
    #[test]
    fn a_short_row_ending_in_spaces_has_its_last_cells_empty() {
        let t = table(
            "  1995年 1997年 2000年 2002年 2004年\n\
             批发和零售贸易业 523163 737883 1018970 1168531 1823906\n\
             餐饮业 53243 67533 115639 152194 218835\n\
             制造业 60235 95109 114241    \n\
             其它 223494 223038 242901\n\
             住宿业 1 2 3 4 5\n",
        );
        let row = |label: &str| t.rows.iter().find(|r| r.path == [label]);
        let made = row("制造业").expect("the row ending in spaces");
        let raws: Vec<&str> = made.cells.iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(raws, ["60235", "95109", "114241", "", ""]);
        assert!(row("其它").is_none());
    }

    /// Issue 13: a header line whose first word names the rows (`项目`) over as many words
    /// as the rows have values names one column fewer: its words do not say which columns
    /// they are, so no column takes a path (the values stay in their rows).
    #[test]
    fn a_stub_word_over_the_labels_is_no_column() {
        for head in [
            "项目 9月 1-9月累计\n",
            "       项目          9月 1-9月累计\n",
        ] {
            let t = table(&format!(
                "{head}本地生产总值(亿元) —— 2527.54 11.5\n\
                 第一产业 —— 59.44 25.6\n\
                 第二产业 —— 1283.78 14.7\n"
            ));
            assert!(t.columns.iter().all(|c| c.path.is_empty()), "{head:?}");
            assert_eq!(t.rows[2].cells[1].raw, "1283.78");
        }
    }

    /// Issue 13: a budget table joined by single spaces under two header lines, the first
    /// the label column's word and one label over both columns: the columns are that label's
    /// two leaves; rows numbered a rank deeper than the one above, flush left like it, are
    /// under it; an indented row under the row above it.
    #[test]
    fn a_header_under_the_stub_word_and_rows_nested_by_their_numbers() {
        let t = table(
            "项目 2016年预算数\n小计 其中:一般公共预算安排数\n\
             一、“三公”经费合计 21.63 21.63\n\
             (一)公务接待费 14.83 14.83\n\
             (二)公务用车费 6.8 6.8\n\
             \x20     1.公务用车运行维护费 6.8 6.8\n\
             二、会议费 7.59 7.59\n",
        );
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            ["2016年预算数/小计", "2016年预算数/其中:一般公共预算安排数"]
        );
        assert_eq!(t.stub, ["项目"]);
        let got: Vec<String> = path_cells(&t).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            got,
            [
                "一、“三公”经费合计",
                "一、“三公”经费合计/(一)公务接待费",
                "一、“三公”经费合计/(二)公务用车费",
                "一、“三公”经费合计/(二)公务用车费/1.公务用车运行维护费",
                "二、会议费",
            ]
        );
    }

    /// Issue 13: a release's parts, one a year, each under its year letter-spaced over a
    /// header of months and their average, the caption broken after a comma and a rule
    /// drawn under it: the months each name a column, the average the last; the year
    /// spans them all; the caption's two lines title both parts.
    #[test]
    fn months_under_a_letter_spaced_year_in_parts_of_one_caption() {
        let d = doc("Table 1. Monthly Index by Commodity Group,\n\
             December 2003 - December 2004\n\
             ==========================================\n\
             2 0 0 4\n\
             Commodity Group Jan Feb Mar Apr May Jun Ave\n\
             ------------------------------------------\n\
             All items 175.0r 175.4r 176.1r 176.9 177.8 180.4r 177.0\n\
             Food and drinks 161.4 161.4 162.5 163.4 164.5 165.9 163.2\n\
             Clothing 154.2 154.5 154.8 154.9r 155.3 155.8 154.9\n\
             ==========================================\n\
             2 0 0 3\n\
             Commodity Group Jan Feb Mar Apr May Jun Ave\n\
             ------------------------------------------\n\
             All items 169.2 169.6 169.7 170.0 170.2 171.7 170.1\n\
             Food and drinks 156.2 156.3 155.9 156.0 156.4 158.0 156.5\n\
             Clothing 150.8 151.1 151.4 151.6 151.8 152.6r 151.6\n");
        let tables: Vec<&crate::model::Table> = d
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 2);
        for (t, year) in tables.iter().zip(["2 0 0 4", "2 0 0 3"]) {
            assert_eq!(
                t.title.as_deref(),
                Some("Table 1. Monthly Index by Commodity Group, December 2003 - December 2004")
            );
            let cols: Vec<_> = t.columns.iter().map(|c| c.path.join("/")).collect();
            let want: Vec<String> = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Ave"]
                .iter()
                .map(|m| format!("{year}/{m}"))
                .collect();
            assert_eq!(cols, want);
            assert_eq!(t.stub, ["Commodity Group"]);
        }
        assert_eq!(
            path_cells(tables[1])[1],
            (
                "Food and drinks".to_string(),
                [
                    "156.2", "156.3", "155.9", "156.0", "156.4", "158.0", "156.5"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        // a month beside a number may be its year's (`May 2015`): not one label a word
        assert!(!super::names_columns(
            &["Item", "2016", "May", "2015", "to", "May", "2016"].map(String::from),
            6
        ));
    }

    /// Issue 13: a yearbook's series over the years, each row labelled by its year alone
    /// (`1978 123.30 457.70`, no word of text on the line): the years are the row labels;
    /// a line of years alone stays the header.
    #[test]
    fn rows_of_a_series_labelled_by_their_years() {
        let t = table(
            "年份 总户数 总人口\n\
             1978 123.30 457.70\n\
             1979 124.48 462.07\n\
             1980 128.57 465.99\n",
        );
        let got: Vec<String> = path_cells(&t).into_iter().map(|(p, _)| p).collect();
        assert_eq!(got, ["1978", "1979", "1980"]);
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["总户数", "总人口"]);
        assert_eq!(path_cells(&t)[1].1, ["124.48", "462.07"]);
        assert!(!super::is_year_row("2019 2020 2021"));
        assert!(!super::is_year_row("2019 1200 1300"));
    }

    /// Issue 13: a release's rows whose figures carry a revision mark (`175.0r`) and a
    /// line of dashes drawn under the header: every row is read, none under the dashes.
    #[test]
    fn marked_figures_and_a_drawn_line_under_the_header() {
        let t = table(
            "指标 2021 2022 2023
             --------------------------------
             All items 175.0r 175.4r 176.1
             Food 161.4 161.4 162.5p
             Clothing 154.2 154.5 154.8
",
        );
        let want: Vec<(String, Vec<String>)> = [
            ("All items", ["175.0r", "175.4r", "176.1"]),
            ("Food", ["161.4", "161.4", "162.5p"]),
            ("Clothing", ["154.2", "154.5", "154.8"]),
        ]
        .iter()
        .map(|(p, v)| (p.to_string(), v.iter().map(|x| x.to_string()).collect()))
        .collect();
        assert_eq!(path_cells(&t), want);
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["2021", "2022", "2023"]);
    }

    #[test]
    fn coded_rows_over_pages_place_the_total_only() {
        // issue 13: a budget's rows as a PDF's text layer gives them (one space between
        // words, empty cells left out), its caption after the first page's rows and its
        // header repeated on the next page
        let d = doc("编制单位：某某局\n\
             项目 支出预算\n\
             科目编码 科目名称 合计 基本支出 项目支出\n\
             类 款 项\n\
             205 教育支出 1,200 1,200\n\
             205 02 普通教育 1,200 1,200\n\
             205 02 01 学前教育 700 700\n\
             205 02 03 初中教育 500 500\n\
             部门支出预算表\n\
             \n\
             -- PAGE_BREAK --\n\
             \n\
             项目 支出预算\n\
             科目名称 合计 基本支出 项目支出\n\
             213 农林水支出 90 90\n\
             213 01 农业农村 90 90\n\
             213 01 04 事业运行 90 60 30\n\
             213 01 05 病虫害控制 80 70\n\
             213 05 01 扶贫 5 5\n\
             合计 1,290 1,290\n");
        let tables: Vec<_> = d
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 1);
        let t = tables[0];
        assert_eq!(t.title.as_deref(), Some("部门支出预算表"));
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["支出预算/合计"]);
        let got = path_cells(t);
        let want = [
            ("教育支出", "1,200"),
            ("教育支出/普通教育", "1,200"),
            ("教育支出/普通教育/学前教育", "700"),
            ("教育支出/普通教育/初中教育", "500"),
            ("农林水支出", "90"),
            ("农林水支出/农业农村", "90"),
            ("农林水支出/农业农村/事业运行", "90"),
            // 80 is not 70: no reading; 213 05's row is not printed: no path
            ("合计", "1,290"),
        ];
        let want: Vec<(String, Vec<String>)> = want
            .iter()
            .map(|(p, v)| (p.to_string(), vec![v.to_string()]))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_space_both_parts_cells_and_sets_thousands_apart() {
        // issue 13: a statistics office's page store prints each row's cells one space
        // apart and each number's thousands one space apart too; 3-digit values padded
        // by one more space; a line of white space between row groups; the header's
        // period labels span the repeated sex columns
        let d = doc("Survey results\n\
             \n\
             4   Households by tenure and region. 1 000 and per cent\n\
             \x20 2019 2023\n\
             \x20 Owned Rented Owned Rented\n\
             Households 2 104 1 318 2 260 1 342\n\
             \x20           \n\
             Urban households  806  277  845  301\n\
             Share of all households 38.3 21.0 37.4 22.4\n\
             \x20           \n\
             Rural households 1 298 1 041 1 415 1 041\n\
             Share of all households 61.7 79.0 62.6 77.6\n\
             \x20           \n\
             Under 25 451  75  318  80\n\
             Student households 12 95 14 88\n\
             \n\
             Explanation of symbols\n");
        let t = d.tables().next().expect("a table");
        assert_eq!(
            t.title.as_deref(),
            Some("4   Households by tenure and region. 1 000 and per cent")
        );
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            ["2019/Owned", "2019/Rented", "2023/Owned", "2023/Rented"]
        );
        let s = |p: &str, v: [&str; 4]| (p.to_string(), v.map(String::from).to_vec());
        assert_eq!(
            path_cells(t),
            [
                s("Households", ["2104", "1318", "2260", "1342"]),
                s("Urban households", ["806", "277", "845", "301"]),
                s(
                    "Urban households/Share of all households",
                    ["38.3", "21.0", "37.4", "22.4"]
                ),
                s("Rural households", ["1298", "1041", "1415", "1041"]),
                s(
                    "Rural households/Share of all households",
                    ["61.7", "79.0", "62.6", "77.6"]
                ),
                s("Student households", ["12", "95", "14", "88"]),
            ]
        );
        // `Under 25 451` may be `Under` 25451 or `Under 25` 451: left out, said so
        assert!(
            d.warnings
                .iter()
                .any(|w| w.line == Some(14) && w.code == "unplaced-row")
        );
    }

    /// Issue 13: rows of an age table joined by single spaces: a label naming a band of
    /// numbers (`1 - 4`, `5-9`, `85+`) or ending in a number (`Under 1`) is the row's
    /// label, its numbers no values (a row holds no more values than the table has
    /// columns); the header a line of the stub's word and one word a group over a line of
    /// census years, each group over its years.
    #[test]
    fn age_bands_and_census_years_in_joined_rows() {
        let t = table(
            "TABLE 3.—Proportions of the sexes by age\n\
             Ages. Males. Females.\n\
             1871. 1881. 1871. 1881.\n\
             All ages 52.10 51.80 47.90 48.20\n\
             Under 1 50.40 49.90 49.60 50.10\n\
             1 - 4 50.20 50.60 49.80 49.40\n\
             5-9 51.00 50.70 49.00 49.30\n\
             85+ 44.10 43.20 55.90 56.80\n",
        );
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            [
                "Males.>1871.",
                "Males.>1881.",
                "Females.>1871.",
                "Females.>1881."
            ]
        );
        let got: Vec<(String, String, String)> = path_cells(&t)
            .into_iter()
            .flat_map(|(row, cells)| {
                cells
                    .into_iter()
                    .zip(&cols)
                    .map(move |(v, c)| (row.clone(), c.clone(), v))
            })
            .collect();
        for (row, col, v) in [
            ("Under 1", "Males.>1871.", "50.40"),
            ("1 - 4", "Females.>1881.", "49.40"),
            ("5-9", "Males.>1881.", "50.70"),
            ("85+", "Females.>1871.", "55.90"),
        ] {
            let want = (row.to_string(), col.to_string(), v.to_string());
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // where a space may also part thousands, a number the label ends in may head the
        // first value (`Under 25 451`: 25451?): the row is not read so
        let t = table(
            "  1997   2001   2002\n\
             Under 25 451 408 396\n\
             Male 1 955 1 965 1 965\n\
             Female 1 280 1 462 1 523\n\
             Overall 3 235 3 427 3 488\n",
        );
        assert!(
            path_cells(&t).iter().all(|(r, _)| !r.starts_with("Under")),
            "{:?}",
            path_cells(&t)
        );
    }

    #[test]
    fn bilingual_rows_joined_by_single_spaces() {
        let t = table(
            "4-4 项目数和投资\n\
             Projects and Investment\n\
             指标 Item 2020 2021\n\
             项目个数 (个) Number of Projects(unit) 23578 22195\n\
             \x20 其中:新开工    Newly Started 12362 8708\n\
             计划总投资 (亿元) Planned Investment 69551.19 72102.71 \n\
             \x20 其中:新开工   Newly Started 12110.06 9775.88\n",
        );
        assert_eq!(
            t.title.as_deref(),
            Some("4-4 项目数和投资 Projects and Investment")
        );
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(cols, [vec!["2020"], vec!["2021"]]);
        let rows: Vec<(Vec<String>, Vec<String>)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.path.clone(),
                    r.cells.iter().map(|c| c.raw.clone()).collect(),
                )
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            rows,
            [
                (
                    s(&["项目个数 (个) Number of Projects(unit)"]),
                    s(&["23578", "22195"])
                ),
                (
                    s(&[
                        "项目个数 (个) Number of Projects(unit)",
                        "其中:新开工 Newly Started"
                    ]),
                    s(&["12362", "8708"])
                ),
                (
                    s(&["计划总投资 (亿元) Planned Investment"]),
                    s(&["69551.19", "72102.71"])
                ),
                (
                    s(&[
                        "计划总投资 (亿元) Planned Investment",
                        "其中:新开工 Newly Started"
                    ]),
                    s(&["12110.06", "9775.88"])
                ),
            ]
        );
    }

    #[test]
    fn header_cells_broken_over_lines_and_labels_ending_in_units() {
        let t = table(
            "11-12  收支情况\n\
             Income and Expenditure\n\
             单位:元 (yuan)\n\
             \x20   Item 绝对数\n\
             (元)\n\
             增长率\n\
             (%)\n\
             Level(yuan) Growth Rate(%)\n\
             \x20        \n\
             可支配收入 Disposable Income 26757 9.0\n\
             \x20 工资性收入  Wages 18741 10.9\n\
             \x20# 经营净收入  Business 2008 13.7\n\
             # 其他  Other 6 9.0\n",
        );
        assert_eq!(t.note.as_deref(), Some("单位:元 (yuan)"));
        assert_eq!(t.stub, ["Item"]);
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["绝对数(元) Level(yuan)", "增长率(%) Growth Rate(%)"]);
        let rows: Vec<String> = t.rows.iter().map(|r| r.path.join("/")).collect();
        assert_eq!(
            rows,
            [
                "可支配收入 Disposable Income",
                "可支配收入 Disposable Income/工资性收入 Wages",
                "可支配收入 Disposable Income/# 经营净收入 Business",
                "可支配收入 Disposable Income/# 其他 Other",
            ]
        );
    }

    /// Issue 13: multi-word labels on one line, those after the first beginning alike
    /// (`% change over`): each label starts where the run printed more than once does;
    /// where the runs would make another count of labels, the header stays unread.
    #[test]
    fn labels_beginning_alike_on_one_line_are_cut_where_they_begin() {
        let rows = "2011 Mar 118.1 0.3 4.0\nApr 119.3 1.0 4.5\nMay 119.5 0.2 4.5\n\
                    Jun 119.4 -0.1 4.2\nJul 119.4 0.0 4.4\nAug 120.1 0.6 4.5\n\
                    Sep 120.9 0.6 5.2\nOct 121.0 0.1 5.0\n";
        let t = table(&format!(
            "Index (2005 = 100) % change over 1 month % change over 12 months\n{rows}"
        ));
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(
            cols,
            [
                "Index (2005 = 100)",
                "% change over 1 month",
                "% change over 12 months"
            ]
        );
        // two labels beginning alike over three columns: where is the third?
        let t = table(&format!(
            "% change over 1 month % change over 12 months\n{rows}"
        ));
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
    }

    #[test]
    fn a_header_whose_words_do_not_name_the_columns_is_left_unread() {
        let t = table(
            "地区 Area\n\
             生产总值\n\
             第一产业 第二产业 人均\n\
             Gross Product Primary Industry Per Capita\n\
             福州市 Fuzhou 108.6 104.3 108.4 109.2\n\
             厦门市 Xiamen 107.7 102.6 108.1 107.5\n\
             莆田市 Putian 107.2 121.6 105.7 107.4\n",
        );
        assert!(t.columns.iter().all(|c| c.path.is_empty()));
        assert_eq!(t.rows.len(), 3);
    }

    #[test]
    fn groups_by_indentation_empty_cells_and_a_second_language_header() {
        let t = table(
            "16-1  城市基本情况\n\
             basic statistics of cities\n\
             \x20   目 item 福州市 厦门市 莆田市\n\
             fuzhou xiamen  putian\n\
             一、人口 population         \n\
             \x20 总人口(万人)   total population 157.64 137.16 200.81\n\
             \x20 从业人员(万人)   employment 44.71 52.70 17.23\n\
             \x20   第一产业     primary industry 0.28   0.14\n\
             \x20   采掘业     mining 0.02 0.01\n",
        );
        let cols: Vec<_> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["福州市 fuzhou", "厦门市 xiamen", "莆田市 putian"]);
        let rows = path_cells(&t);
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            rows,
            [
                (
                    "一、人口 population/总人口(万人) total population".to_string(),
                    s(&["157.64", "137.16", "200.81"])
                ),
                (
                    "一、人口 population/从业人员(万人) employment".to_string(),
                    s(&["44.71", "52.70", "17.23"])
                ),
                (
                    "一、人口 population/从业人员(万人) employment/第一产业 primary industry"
                        .to_string(),
                    s(&["0.28", "", "0.14"])
                ),
            ]
        );
    }

    /// w3m and lynx set narrow value columns one space apart, each label padded to them,
    /// and the header's cells apart by two spaces or more (`Item   2015   2016   % change`):
    /// numbers grouping their thousands by commas are cells of their own, and the header
    /// line's pieces, the stub's word first, name the columns.
    #[test]
    fn a_header_set_apart_over_rows_joined_by_single_spaces() {
        let t = table(concat!(
            "Item                2015      2016    % change\n",
            "GDP at current prices          262,037 275,567 5.2%\n",
            "GDP at constant (2015) prices  262,037 275,510 5.1%\n",
            "GNP at current prices          205,990 226,749 10.1%\n",
        ));
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(cols, ["2015", "2016", "% change"]);
        assert_eq!(t.stub, ["Item"]);
        let rows = path_cells(&t);
        assert_eq!(rows[2].0, "GNP at current prices");
        assert_eq!(rows[2].1, ["205,990", "226,749", "10.1%"]);
    }

    /// lynx pads each cell to its column, so a narrow column's values may stand one
    /// space apart (`1968 2047 2051`) like joined rows; but they start where the values of
    /// rows with shorter labels start (`451  408  396`): columns, read as aligned text.
    /// Read as joined rows, the first of them had been the header and its values the
    /// columns' names.
    #[test]
    fn values_one_space_apart_in_padded_columns_are_aligned_text() {
        let t = table(concat!(
            "   Item                 1997 2001 2002\n",
            "   Labour force\n",
            "       Aged under 25    451  408  396\n",
            "       Aged 25-44       1968 2047 2051\n",
            "       Overall          2419 2455 2447\n",
            "   Male                 1955 1965 1965\n",
            "   Female               1280 1462 1523\n",
        ));
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert_eq!(cols, ["1997", "2001", "2002"]);
        assert_eq!(
            path_cells(&t)[..2],
            [
                (
                    "Labour force/Aged under 25".to_string(),
                    vec!["451".to_string(), "408".into(), "396".into()]
                ),
                (
                    "Labour force/Aged 25-44".to_string(),
                    vec!["1968".to_string(), "2047".into(), "2051".into()]
                ),
            ]
        );
    }
}
