//! Stage 2½: how one line reads on its own. The line's kind (blank, pipe row, rule of a
//! grid, text in columns …), its fragments on display columns (a CJK character is two
//! columns wide) and the predicates that the classifier ([`crate::classify`]) and the
//! table readers ([`crate::table`]) share. Nothing here depends on either: both read
//! lines through this module, so dependencies run one way.

use crate::model::CellKind;
use crate::normalize::{is_cjk, trim};
use crate::table::value::kind_of;
use unicode_width::UnicodeWidthChar;

/// How one line reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but white space.
    Blank,
    /// A pipe or Markdown table row.
    Pipe,
    /// A Markdown delimiter row `|---|`.
    Separator,
    /// A page number, form feed or similar.
    Furniture,
    /// Anything else.
    Text,
    /// Tab-separated fields (a Word or spreadsheet copy).
    Tab,
    /// A border line of a box-drawing or ASCII grid (`+----+`, `├──┼──┤`).
    Rule,
    /// A row of a box-drawing grid (`│ a │ b │`).
    Boxed,
    /// A lone `|`: a separator of an HTML table flattened one cell per line.
    Bar,
    /// Text in columns: fragments separated by two or more spaces.
    Spaced,
    /// A label followed by numbers, each separated by a single space (`行政许可 12`).
    Squeezed,
    /// A lone value (a number or not-applicable mark) on its line.
    Value,
}

/// Classifies one line.
pub fn classify_line(text: &str) -> LineKind {
    let t = trim(text);
    if t.is_empty() {
        return if text.contains('\u{c}') {
            LineKind::Furniture
        } else {
            LineKind::Blank
        };
    }
    if is_rule(t) {
        LineKind::Rule
    } else if is_separator(t) {
        LineKind::Separator
    } else if t == "|" {
        LineKind::Bar
    } else if is_boxed(t) {
        LineKind::Boxed
    } else if is_pipe_row(text) {
        LineKind::Pipe
    } else if is_tsv_row(text) {
        LineKind::Tab
    } else if is_page_number(t) || is_setext_underline(t) {
        LineKind::Furniture
    } else {
        // t is not empty: one fragment at least
        if has_gap(text) {
            LineKind::Spaced
        } else if is_value(t) {
            LineKind::Value
        } else if is_squeezed_row(text, t) {
            LineKind::Squeezed
        } else {
            LineKind::Text
        }
    }
}

/// A line of `=` alone (three or more): Markdown's underline of a level-1 heading (the line
/// above it), markup rather than text.
pub(crate) fn is_setext_underline(t: &str) -> bool {
    t.len() >= 3 && t.bytes().all(|b| b == b'=')
}

/// A label and its numbers on single spaces (`行政处罚 3985758`), not a sentence that
/// happens to end in a number: the label holds no number of its own (`答复 9 件，不予
/// 公开答复 2`) and no sentence end.
fn is_squeezed_row(text: &str, t: &str) -> bool {
    // a sentence, or one word (cells are split on single spaces): nothing to cut; an item
    // of a bulleted list (`- Employment increased to 11,300,400`) is running text too
    if t.contains(['。', '；', '！', '？'])
        || !t.contains(' ')
        || ["- ", "* ", "+ ", "• ", "· "]
            .iter()
            .any(|m| t.starts_with(m))
    {
        return false;
    }
    let cells = cells(text);
    if cells.len() < 2 {
        return false;
    }
    let tail = cells.iter().rev().take_while(|f| is_value(&f.text)).count();
    // a caption (`Table 1`), or a title or date ending in its one year (`Digest of
    // Education Statistics: 2004`, `October 2005`): text, not a label and its value
    let lone_year = tail == 1 && {
        let last = cells[cells.len() - 1].text.as_str();
        last.len() == 4 && year_of(last).is_some_and(|y| y >= 1900)
    };
    if lone_year || is_numbered_caption(t) {
        return false;
    }
    // (a label word of digits alone may be a value cut off its row, unless it is the
    // year a time series prints before its first month: `2011 Mar 118.1 0.3`)
    let year_led = |t: &str| {
        let mut w = t.split(' ');
        w.next().and_then(year_of).is_some()
            && w.next()
                .is_some_and(|m| m.chars().any(|c| c.is_alphabetic()))
    };
    cells[..cells.len() - tail]
        .iter()
        .enumerate()
        .all(|(k, f)| {
            let words = if k == 0 && year_led(&f.text) {
                f.text.split_once(' ').map_or("", |(_, rest)| rest)
            } else {
                f.text.as_str()
            };
            !words
                .split(' ')
                .any(|w| w.chars().all(|c| c.is_ascii_digit()))
        })
}

/// A line whose numbers, two or more, are all years (`Aug. 2007 July 2008 Aug. 2008`,
/// `2013   2014   2015`): a header line of periods when it stands over rows, whatever
/// its last word.
pub(crate) fn numbers_all_years(text: &str) -> bool {
    let numbers: Vec<&str> = text.split_whitespace().filter(|w| is_value(w)).collect();
    numbers.len() >= 2 && numbers.iter().all(|w| year_of(w).is_some())
}

/// The first year of a period printed as two years (`2022-23`, `2022/23`, `2019-2020`,
/// `2019—2020`: a fiscal or school year, a span), or of a year alone ([`year_of`]).
/// Not two years that run backwards or far apart (`2022-13`, `2022-19`).
pub(crate) fn period_year(word: &str) -> Option<u32> {
    let w = word.trim();
    if let Some(y) = year_of(w) {
        return Some(y);
    }
    let (a, b) = w.split_once(['-', '/', '–', '—', '～', '~'])?;
    let first = year_of(a)?;
    let next = match b.trim().len() {
        // (`1999-00`: the next century's)
        2 => b.trim().parse::<u32>().ok().map(|yy| {
            let y = first / 100 * 100 + yy;
            if y <= first { y + 100 } else { y }
        }),
        _ => year_of(b),
    }?;
    (next > first && next - first <= 10).then_some(first)
}

/// A year from 1800 to 2100 as a cell or word prints it (`1950`, `1950年`, letter-spaced
/// as a heading over columns: `2 0 0 4`).
pub(crate) fn year_of(word: &str) -> Option<u32> {
    let y = word.trim().trim_end_matches('年');
    let spaced: String;
    let y = if y.len() == 7 && y.split(' ').all(|d| d.len() == 1) {
        spaced = y.replace(' ', "");
        spaced.as_str()
    } else {
        y
    };
    (y.len() == 4)
        .then(|| y.parse::<u32>().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

/// `- 3 -`, `第3页 共8页`, `3/8`, `— 12 —`, `P. 9`, `Page 3 of 8`.
pub(crate) fn is_page_number(t: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"^(?:[-–—－]\s*\d{1,4}\s*[-–—－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|(?:[Pp]\.|[Pp]age)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$")
            .expect("valid regex")
    });
    re.is_match(t)
}

/// A caption numbered as statistical tables are: `表1 …`, `Table A-1. …`, `7-3 分地区…`.
///
/// Accepted: `Table 6`, `Table A-13. Persons…`, `2-3 总产出`, `11-12  2016年…`, `表 1 2015 年…`,
/// `表二：…`. Rejected: `2023-09-19`, `1-3月`, `Tables follow`, `表一般…`.
pub(crate) fn is_numbered_caption(t: &str) -> bool {
    let t = t.trim();
    if let Some(rest) = t
        .strip_prefix("Table ")
        .or_else(|| t.strip_prefix("TABLE "))
    {
        // (`A-6.`, `3.1`, or a Roman numeral: `IX.—Proportions of …`)
        let num: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "-.:".contains(*c))
            .collect();
        let word = rest.split_whitespace().next().unwrap_or("");
        let roman = num.trim_end_matches(['.', ':']);
        return rest
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            && (num.chars().any(|c| c.is_ascii_digit()) && num.len() == word.len()
                || !roman.is_empty()
                    && roman.chars().all(|c| "IVXLC".contains(c))
                    && num.len() > roman.len());
    }
    // `表1 …`, `表 2-1：…`, `表三 …` (a flattening may set a space after `表`)
    if let Some(rest) = t.strip_prefix('表') {
        let rest = rest.trim_start();
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '-'))
            .unwrap_or(rest.len());
        let numeral = rest
            .find(|c: char| !"一二三四五六七八九十".contains(c))
            .unwrap_or(rest.len());
        let after = |k: usize| rest[k..].chars().next();
        return (digits > 0
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && after(digits).is_none_or(|c| !c.is_ascii_digit()))
            || (numeral > 0
                && after(numeral).is_none_or(|c| c.is_whitespace() || "：:、.．".contains(c)));
    }
    let mut parts = t.splitn(2, char::is_whitespace);
    let (Some(num), Some(rest)) = (parts.next(), parts.next()) else {
        return false;
    };
    let mut sides = num.split('-');
    let side = |s: Option<&str>| {
        s.is_some_and(|s| (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit()))
    };
    side(sides.next())
        && side(sides.next())
        && sides.next().is_none()
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii_digit() || rest.contains('年'))
}

/// A band label: a legal-provision caption such as `第二十条第（一）项`.
pub(crate) fn is_band_text(t: &str) -> bool {
    // fold keeps every non-space ASCII character and CJK ideograph of `t` as a character
    // of its own (normalize::is_plain), so more than 20 of them rule a band out without
    // folding the whole line (most text lines are long paragraphs)
    let plain = t
        .chars()
        .filter(|&c| crate::normalize::is_plain(c) && !c.is_whitespace());
    if plain.take(21).count() > 20 {
        return false;
    }
    let f = crate::normalize::fold(t);
    f.starts_with('第')
        && (f.ends_with('项') || f.ends_with('款') || f.ends_with('条'))
        && f.chars().count() <= 20
}

/// Horizontal strokes of a rule line.
pub(crate) fn is_horizontal(c: char) -> bool {
    matches!(
        c,
        '-' | '=' | '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '~'
    )
}

/// Vertical strokes between cells.
pub(crate) fn is_vertical(c: char) -> bool {
    matches!(c, '|' | '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏')
}

/// Junctions and corners (`+`, `┼`, `├`, `╔` …).
pub(crate) fn is_junction(c: char) -> bool {
    c == '+' || (('\u{2500}'..='\u{257f}').contains(&c) && !is_horizontal(c) && !is_vertical(c))
}

/// True for a border line of a grid: strokes and junctions only, with a run of
/// horizontal strokes and a junction (so a Markdown `|---|` line is not one).
///
/// ```
/// use govreport::line_kind::is_rule;
/// assert!(is_rule("+------+-----+"));
/// assert!(is_rule("├──────┼─────┤"));
/// assert!(is_rule("|      +-----+"));
/// assert!(is_rule("╔══════╗"));
/// assert!(!is_rule("|---|---|"));
/// assert!(!is_rule("----------"));
/// assert!(!is_rule("- 3 -"));
/// ```
pub fn is_rule(t: &str) -> bool {
    let t = t.trim();
    let mut horiz = 0;
    let mut junction = false;
    for c in t.chars() {
        if is_horizontal(c) {
            horiz += 1;
        } else if is_junction(c) {
            junction = true;
        } else if !is_vertical(c) && c != ' ' && c != ':' {
            return false;
        }
    }
    let boxy = t.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c));
    horiz >= 2 && (junction || boxy)
}

/// True for a row of a box-drawing grid: text between box vertical lines.
///
/// ```
/// use govreport::line_kind::is_boxed;
/// assert!(is_boxed("│规章  │ 12 │"));
/// assert!(!is_boxed("| a | b |"));
/// assert!(!is_boxed("规章"));
/// ```
pub fn is_boxed(t: &str) -> bool {
    if !has_box_drawing(t) {
        return false; // every character counted below is one
    }
    let n = t
        .chars()
        .filter(|&c| is_vertical(c) && c != '|' || matches!(c, '├' | '┤' | '╟' | '╢'))
        .count();
    n >= 2 || (n == 1 && (t.trim().starts_with('│') || t.trim().starts_with('║')))
}

/// True when `t` holds a character of the Box Drawing block (U+2500–U+257F, encoded
/// `E2 94 xx` or `E2 95 xx`): a byte scan, without decoding the line.
fn has_box_drawing(t: &str) -> bool {
    t.as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xE2 && (w[1] == 0x94 || w[1] == 0x95))
}

/// True when `text` is a table row in pipe or Markdown form.
///
/// ```
/// use govreport::line_kind::is_pipe_row;
/// assert!(is_pipe_row("规章 | 0 | 0 | 0 |"));
/// assert!(is_pipe_row("第二十条第（一）项 |"));
/// assert!(is_pipe_row("| a | b |"));
/// assert!(!is_pipe_row("a|b in prose"));
/// ```
pub fn is_pipe_row(text: &str) -> bool {
    let t = text.trim_end();
    let bars = t.matches('|').count();
    bars >= 2 || (bars == 1 && (t.ends_with('|') || t.trim_start().starts_with('|')))
}

/// True for a Markdown delimiter row such as `|---|:---:|`.
///
/// ```
/// use govreport::line_kind::is_separator;
/// assert!(is_separator("|---|:---:|"));
/// assert!(!is_separator("| - | - |"));
/// ```
///
/// Each cell needs at least three dashes, so a row of not-applicable marks (`| - | - |`)
/// stays a row.
pub fn is_separator(text: &str) -> bool {
    let t = text.trim();
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        && inner.split('|').all(|c| {
            let c = c.trim().trim_matches(':');
            c.len() >= 3 && c.chars().all(|x| x == '-')
        })
}

/// True when `text` is a tab-separated row: it has a tab after some content, or two
/// tabs with content between them.
///
/// ```
/// use govreport::line_kind::is_tsv_row;
/// assert!(is_tsv_row("规章\t0\t0"));
/// assert!(is_tsv_row("\t\t2.其他\t0"));
/// assert!(is_tsv_row("第二十条第（一）项\t"));
/// assert!(!is_tsv_row("\t一、总体情况"));
/// assert!(!is_tsv_row("\t\t"));
/// ```
pub fn is_tsv_row(text: &str) -> bool {
    let t = text.trim_start();
    t.contains('\t') && !crate::normalize::trim(t).is_empty()
}

/// A run of text on one line with its display columns `[x0, x1)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frag {
    /// First display column.
    pub x0: usize,
    /// Display column after the last character.
    pub x1: usize,
    /// The text; inner single spaces kept.
    pub text: String,
}

/// True when `text` has a gap of two columns or more between printed characters, that is
/// when [`fragments`] finds more than one fragment; without building them.
pub fn has_gap(text: &str) -> bool {
    let (mut x, mut gap, mut seen, mut split) = (0usize, 0usize, false, false);
    for c in text.chars() {
        match column(c, x) {
            Column::None => {}
            Column::Space(w) => {
                gap += w;
                x += w;
                split |= seen && gap >= 2;
            }
            Column::Mark(w) => {
                if split {
                    return true;
                }
                seen = true;
                gap = 0;
                x += w;
            }
        }
    }
    false
}

/// What a character takes on a printed line at column `x`.
enum Column {
    /// Nothing: form feeds, line ends, byte-order marks.
    None,
    /// White space of this width (a tab reaches the next multiple of eight).
    Space(usize),
    /// A printed character of this display width (CJK two).
    Mark(usize),
}

fn column(c: char, x: usize) -> Column {
    match c {
        // the commonest characters of reports first, answered without a table lookup
        ' ' => Column::Space(1),
        '!'..='~' => Column::Mark(1),
        '\u{4E00}'..='\u{9FFF}' => Column::Mark(2),
        '\u{c}' | '\r' | '\n' | '\u{feff}' => Column::None,
        '\t' => Column::Space(8 - x % 8),
        c if c.is_whitespace() => Column::Space(c.width().unwrap_or(1).max(1)),
        c => Column::Mark(c.width().unwrap_or(0)),
    }
}

/// Cuts a line at column `at` into the text standing left of it and the text from it on,
/// the left part blanked so that every fragment right of the cut keeps its column
/// (`in_chars`: columns counted in characters, as [`cells_in_chars`] counts them; else
/// display columns). Form feeds stay on both sides. A character straddling the cut goes
/// right.
pub(crate) fn cut_at(text: &str, at: usize, in_chars: bool) -> (String, String) {
    let (mut left, mut right) = (String::new(), String::new());
    let mut x = 0;
    for c in text.chars() {
        let w = match column(c, x) {
            Column::None => {
                left.push(c);
                right.push(c);
                continue;
            }
            Column::Space(w) | Column::Mark(w) => w,
        };
        let step = if in_chars { 1 } else { w };
        if x + step <= at {
            left.push(c);
            right.extend(std::iter::repeat_n(' ', step));
        } else {
            right.push(c);
        }
        x += step;
    }
    (left, right)
}

/// Display columns of the white space a text starts with (an ideographic space takes
/// two; any other white space, a tab too, one): how far a label is indented.
pub(crate) fn leading_width(text: &str) -> usize {
    text.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| width(c).max(1))
        .sum()
}

/// Display width of a printed character (as unicode-width gives it; printable ASCII and
/// CJK ideographs, most of a report, without the table lookup).
pub(crate) fn width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{4E00}'..='\u{9FFF}' => 2,
        c => c.width().unwrap_or(0),
    }
}

/// Cuts a line into fragments separated by two or more columns of white space. Form
/// feeds take no room; a tab advances to the next multiple of eight.
///
/// ```
/// use govreport::line_kind::fragments;
/// let f = fragments("规章      0  12");
/// assert_eq!(f.len(), 3);
/// assert_eq!((f[0].x0, f[0].x1, f[0].text.as_str()), (0, 4, "规章"));
/// assert_eq!((f[2].x0, f[2].text.as_str()), (13, "12"));
/// assert_eq!(fragments("结 果  维持")[0].text, "结 果");
/// ```
pub fn fragments(text: &str) -> Vec<Frag> {
    let mut out = Vec::new();
    let mut x = 0usize;
    let mut cur: Option<Frag> = None;
    let mut gap = 0usize;
    for c in text.chars() {
        let w = match column(c, x) {
            Column::None => continue,
            Column::Space(w) => {
                gap += w;
                x += w;
                if gap >= 2
                    && let Some(f) = cur.take()
                {
                    out.push(f);
                }
                continue;
            }
            Column::Mark(w) => w,
        };
        match cur.as_mut() {
            Some(f) => {
                if gap > 0 {
                    f.text.push(' ');
                }
                f.text.push(c);
                f.x1 = x + w;
            }
            None => {
                cur = Some(Frag {
                    x0: x,
                    x1: x + w,
                    text: c.to_string(),
                })
            }
        }
        gap = 0;
        x += w;
    }
    if let Some(f) = cur {
        out.push(f);
    }
    out
}

/// True when the line has two or more fragments (text in columns).
///
/// ```
/// use govreport::line_kind::is_spaced;
/// assert!(is_spaced("信息内容        本年制发件数"));
/// assert!(is_spaced("    规章  0"));
/// assert!(!is_spaced("        一、总体情况"));
/// assert!(!is_spaced("2025 年 1 月"));
/// ```
pub fn is_spaced(text: &str) -> bool {
    fragments(text).len() >= 2
}

/// The fragments of a line with trailing numbers squeezed against text cut off.
///
/// ```
/// use govreport::line_kind::cells;
/// let f = cells("行政许可 447228   0");
/// let t: Vec<_> = f.iter().map(|f| f.text.as_str()).collect();
/// assert_eq!(t, ["行政许可", "447228", "0"]);
/// // decimals one space apart are values each; a space setting thousands apart is not cut
/// let f = cells("总产出    9870.58 16995.93 38915.25  70742.78");
/// let t: Vec<_> = f.iter().map(|f| f.text.as_str()).collect();
/// assert_eq!(t, ["总产出", "9870.58", "16995.93", "38915.25", "70742.78"]);
/// assert_eq!(cells("合计    387581 1173850 2.0").len(), 4);
/// assert_eq!(cells("合计    12 345.6")[1].text, "12 345.6");
/// assert_eq!(cells("合计    0 0 0")[1].text, "0 0 0");
/// // a not-applicable mark and a number one space apart are two cells
/// assert_eq!(cells("第一产业    —— 59.44").len(), 3);
/// // a label of figures set one space before the next column's value (lynx pads a
/// // column to its widest cell), but not a range the number completes
/// assert_eq!(cells("10-14 405.2  14.9").len(), 3);
/// assert_eq!(cells("0- 4  350.8")[0].text, "0- 4");
/// // a number after `=` is the label's base, not a value
/// assert_eq!(cells("Index previous quarter = 100%").len(), 1);
/// ```
pub fn cells(text: &str) -> Vec<Frag> {
    let mut out = Vec::new();
    for f in fragments(text) {
        split_squeezed(f, &mut out);
    }
    out
}

/// [`cells`] measured in characters instead of display columns: every printed character
/// (a CJK one too) and every space takes one column. `pdftotext -layout` sets a page on a
/// grid of one character per cell, whatever the glyph's width, so in its text a value
/// stands under its column counted in characters, not in display columns (a long CJK
/// label pushes the values after it right on screen).
///
/// ```
/// use govreport::line_kind::cells_in_chars;
/// let f = cells_in_chars("行政运行  1.00");
/// assert_eq!((f[1].x0, f[1].x1), (6, 10));
/// ```
pub fn cells_in_chars(text: &str) -> Vec<Frag> {
    let mut frags = cells(text);
    // display column -> characters before it (a boundary is never inside a character)
    let mut at: Vec<u32> = Vec::with_capacity(text.len() + 1);
    let (mut x, mut n) = (0usize, 0u32);
    for c in text.chars() {
        let w = match column(c, x) {
            Column::None => continue,
            Column::Space(w) | Column::Mark(w) => w,
        };
        at.resize(x + 1, n);
        x += w;
        n += 1;
    }
    at.resize(x + 1, n);
    let to = |d: usize| at.get(d).or(at.last()).map_or(d, |&c| c as usize);
    for f in &mut frags {
        f.x0 = to(f.x0);
        f.x1 = to(f.x1);
    }
    frags
}

/// A printed span: first column and the column after the last.
pub type Span = (u32, u32);

/// A value's place on the page: its line and its span in display columns and in
/// characters.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    /// The line (any index that orders the lines).
    pub line: u32,
    /// The span in display columns.
    pub display: Span,
    /// The span in characters.
    pub chars: Span,
}

/// The measure in which a table's values line up: tools pad a table by display columns
/// (w3m, pandoc) or by characters (inscriptis, pdftotext), so in that measure a column's
/// values start (or end) at fewer places than in the other, where the wide characters of
/// the labels before them on their lines shift them. Where the count of places does not
/// tell (a region of several tables, each on a grid of its own), the rows next to each
/// other may: values of two rows a line or two apart that start (or end) together in one
/// measure only, three such pairs or more, none in the other. `Some(false)` display
/// columns, `Some(true)` characters; `None` where neither tells, or fewer than four values
/// stand after wide characters.
///
/// ```
/// use govreport::line_kind::{pads_by_chars, Placed};
/// // values at characters 10 and 20 after labels of 2 and of 6 wide characters
/// let at = |line, d: u32, c: u32| Placed { line, display: (d, d + 1), chars: (c, c + 1) };
/// let values = [at(0, 12, 10), at(0, 22, 20), at(1, 16, 10), at(1, 26, 20)];
/// assert_eq!(pads_by_chars(&values), Some(true));
/// ```
pub fn pads_by_chars(values: &[Placed]) -> Option<bool> {
    let after_wide: Vec<&Placed> = values.iter().filter(|v| v.display.0 != v.chars.0).collect();
    if after_wide.len() < 4 {
        return None;
    }
    let places = |edge: &dyn Fn(&Placed) -> u32| {
        let mut p: Vec<u32> = after_wide.iter().map(|s| edge(s)).collect();
        p.sort_unstable();
        p.dedup();
        p.len()
    };
    let display = places(&|v| v.display.0).min(places(&|v| v.display.1));
    let chars = places(&|v| v.chars.0).min(places(&|v| v.chars.1));
    if display * 5 <= chars * 4 {
        return Some(false);
    }
    if chars * 5 <= display * 4 {
        return Some(true);
    }
    // pairs of values on rows next to each other, lined up in one measure only
    let mut lines: Vec<u32> = values.iter().map(|v| v.line).collect();
    lines.sort_unstable();
    lines.dedup();
    let (mut by_display, mut by_chars) = (0, 0);
    for w in lines.windows(2).filter(|w| w[1] - w[0] <= 2) {
        let on = |l: u32| values.iter().filter(move |v| v.line == l);
        for a in on(w[0]) {
            for b in on(w[1]) {
                let d = a.display.0 == b.display.0 || a.display.1 == b.display.1;
                let c = a.chars.0 == b.chars.0 || a.chars.1 == b.chars.1;
                by_display += usize::from(d && !c);
                by_chars += usize::from(c && !d);
            }
        }
    }
    match (by_display, by_chars) {
        (d, 0) if d >= 3 => Some(false),
        (0, c) if c >= 3 => Some(true),
        _ => None,
    }
}

/// True when the line reads as a data row: two or more fragments (or one squeezed
/// label and number), the last a number or not-applicable mark.
pub fn is_data_line(text: &str) -> bool {
    let f = cells(text);
    f.len() >= 2 && f.last().is_some_and(|l| is_value(&l.text))
}

/// A number, a not-applicable mark, or the word for no change (`持平`).
pub(crate) fn is_value(t: &str) -> bool {
    matches!(kind_of(t), CellKind::Number | CellKind::Na) || is_no_change(t)
}

/// A word a statistical table prints in a change column where the figure did not move
/// (`持平`, "level"): a value cell holding text, not a label.
pub(crate) fn is_no_change(cell: &str) -> bool {
    // (no allocation: every value test of every line comes here)
    cell.chars()
        .filter(|c| !c.is_whitespace())
        .eq("持平".chars())
}

fn split_squeezed(f: Frag, out: &mut Vec<Frag>) {
    if !f.text.contains(' ') {
        out.push(f);
        return;
    }
    // token positions inside the fragment
    let mut toks: Vec<Frag> = Vec::new();
    let mut x = f.x0;
    for (i, t) in f.text.split(' ').enumerate() {
        if i > 0 {
            x += 1;
        }
        let w: usize = t.chars().map(width).sum();
        toks.push(Frag {
            x0: x,
            x1: x + w,
            text: t.to_string(),
        });
        x += w;
    }
    let tail = toks.iter().rev().take_while(|t| is_value(&t.text)).count();
    // values only, one space apart, that no grouping of thousands makes one number
    // (`9870.58 16995.93`, `387581 1173850`: a column as wide as its widest value, set
    // flush left): each its own cell (short whole numbers one space apart, `0 0 0`, may
    // be a PDF's squeezed columns, whose places the text does not keep)
    // (a fraction before the last, or a whole number of four digits or more: no group of
    // thousands)
    // (a not-applicable mark of two characters or more is no part of a number: `——
    // 59.44`; a dash alone may join a band, `1 - 2`; a number grouping its thousands by
    // commas groups none by spaces: `262,037 275,567`)
    let apart = toks[..toks.len() - 1]
        .iter()
        .any(|t| t.text.contains(['.', '%', ',']))
        || toks
            .iter()
            .any(|t| t.text.chars().count() >= 2 && kind_of(&t.text) == CellKind::Na)
        || toks.iter().any(|t| {
            let d = t.text.trim_start_matches(['-', '+', '−']);
            d.len() >= 4 && d.bytes().all(|b| b.is_ascii_digit())
        });
    if tail == toks.len() && apart && !thousands_grouped(&toks) {
        out.extend(toks);
        return;
    }
    let head = &toks[..toks.len() - tail];
    // (a label of figures that is no value, an age group `10-14`, is a label too when one
    // value follows it, the next column's first set one space after the widest label:
    // `10-14 405.2  14.9`; unless it ends in a range's dash the number completes: `0- 4`)
    let wordy = head
        .iter()
        .any(|t| t.text.chars().any(|c| is_cjk(c) || c.is_alphabetic()))
        || tail == 1
            && head.iter().all(|t| kind_of(&t.text) == CellKind::Text)
            && head
                .last()
                .is_some_and(|t| !t.text.ends_with(['-', '–', '—', '~', '～']));
    // a number after `=` completes the label's base (`previous quarter = 100%`)
    let equation = head.last().is_some_and(|t| t.text.ends_with(['=', '＝']));
    if tail == 0 || head.is_empty() || !wordy || equation {
        out.push(f);
        return;
    }
    let text = head
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    out.push(Frag {
        x0: head[0].x0,
        x1: head[head.len() - 1].x1,
        text,
    });
    out.extend(toks[toks.len() - tail..].iter().cloned());
}

/// Tokens that may be one number whose thousands a space sets apart (`1 054`, `12 345.6`):
/// one to three digits, then groups of three, a decimal part only after the last.
fn thousands_grouped(toks: &[Frag]) -> bool {
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    let Some((first, rest)) = toks.split_first() else {
        return false;
    };
    let lead = first.text.trim_start_matches(['-', '+', '−']);
    digits(lead, 1..=3)
        && rest.iter().enumerate().all(|(i, t)| {
            let t = t.text.as_str();
            let whole = if i + 1 == rest.len() {
                t.split_once('.').map_or(t, |(w, f)| {
                    if f.bytes().all(|b| b.is_ascii_digit()) {
                        w
                    } else {
                        ""
                    }
                })
            } else {
                t
            };
            digits(whole, 3..=3)
        })
}

/// A PDF's text in drawing order (plain `pdftotext`): page breaks, and words one space
/// apart on (nearly) every line, no line of explicit cells; `pdftotext -layout` pads a
/// third of its lines and more.
pub fn in_drawing_order(lines: &[crate::lines::Line]) -> bool {
    if !lines.iter().any(|l| l.text.contains('\u{c}')) {
        return false;
    }
    let (mut text, mut padded) = (0usize, 0usize);
    for l in lines.iter().filter(|l| !l.is_blank()) {
        text += 1;
        // a row of explicit cells (bars, tabs, box lines) keeps its layout too
        padded += usize::from(
            has_gap(trim(&l.text))
                || matches!(
                    classify_line(&l.text),
                    LineKind::Pipe
                        | LineKind::Separator
                        | LineKind::Tab
                        | LineKind::Boxed
                        | LineKind::Rule
                ),
        );
    }
    padded * 100 < text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The captions a table is numbered by, and lines that only look so.
    /// Header cells naming a fiscal or school year (`2022-23`) or a span of years are
    /// periods, as a year alone is.
    #[test]
    fn periods_printed_as_two_years() {
        assert_eq!(period_year("2022-23"), Some(2022));
        assert_eq!(period_year("2022/23"), Some(2022));
        assert_eq!(period_year("2019-2020"), Some(2019));
        assert_eq!(period_year("1999-00"), Some(1999));
        assert_eq!(period_year("2022-13"), None);
        assert_eq!(period_year("2023年"), Some(2023));
        assert_eq!(period_year("22.5-23"), None);
    }

    #[test]
    fn numbered_captions() {
        for t in [
            "Table 6",
            "Table A-13. Persons not in the labor force",
            "2-3 总产出",
            "11-12  2016年分地区",
            "表1 2015年粮食产量",
            "表 1 2015 年粮食播种面积、单位面积产量及总产量情况",
            "表2-1 历年总户数和总人口",
            "表三：收支情况",
        ] {
            assert!(is_numbered_caption(t), "{t}");
        }
        for t in [
            "2023-09-19",
            "1-3月",
            "Tables follow",
            "表一般公共预算支出",
            "表格如下",
        ] {
            assert!(!is_numbered_caption(t), "{t}");
        }
    }

    /// An item of a bulleted list ending in a number is running text, not a label and its
    /// value; a label with its values on single spaces is a row.
    #[test]
    fn a_bulleted_item_ending_in_a_number_is_no_row() {
        for item in [
            "- Employment increased to 11,300,400",
            "* Unemployment rate at 5.1%",
            "• 全年新收申请 12",
        ] {
            assert_eq!(classify_line(item), LineKind::Text, "{item}");
        }
        assert_eq!(classify_line("行政处罚 3985758"), LineKind::Squeezed);
        assert_eq!(classify_line("Employment 11,300,400"), LineKind::Squeezed);
    }

    /// A caption, or a title or date ending in its one year, is text: a report's cover
    /// lines (`Digest of Education Statistics: 2004`, `October 2005`) and `Table 1` made a
    /// table of labels and years. Two numbers, or one that is no year, still make a row.
    #[test]
    fn a_title_ending_in_its_year_is_no_row() {
        for line in [
            "Table 1",
            "Digest of Education Statistics: 2004",
            "October 2005",
            "of Change at Section Level for July 2005",
        ] {
            assert_eq!(classify_line(line), LineKind::Text, "{line}");
        }
        assert_eq!(classify_line("行政许可 2004 1998"), LineKind::Squeezed);
        assert_eq!(classify_line("行政许可 3004"), LineKind::Squeezed);
    }

    /// A time series' row of its year and first month (`2011 Mar 118.1 0.3 4.0`) is a
    /// row: the year is part of the label; a label of digits alone otherwise is not one.
    #[test]
    fn a_row_led_by_its_year_and_month_is_a_row() {
        assert_eq!(classify_line("2011 Mar 118.1 0.3 4.0"), LineKind::Squeezed);
        assert_eq!(classify_line("2021 一季度 12.5 3.1"), LineKind::Squeezed);
        assert_ne!(classify_line("12 行政许可 5 6"), LineKind::Squeezed);
    }

    /// The shortcuts give unicode-width's answers on every character they cover.
    #[test]
    fn widths_agree_with_unicode_width() {
        for c in (' '..='~').chain('\u{4E00}'..='\u{9FFF}') {
            assert_eq!(width(c), c.width().unwrap_or(0), "{c:?}");
            let want = if c.is_whitespace() {
                c.width().unwrap_or(1).max(1)
            } else {
                c.width().unwrap_or(0)
            };
            let got = match column(c, 3) {
                Column::Space(w) | Column::Mark(w) => w,
                Column::None => usize::MAX,
            };
            assert_eq!(got, want, "{c:?}");
        }
    }

    #[test]
    fn has_gap_agrees_with_fragments() {
        for t in [
            "",
            " ",
            "规章",
            "规章 0",
            "规章  0",
            "  规章",
            "规章  ",
            "a\tb",
            "\t规章",
            "规章\u{3000}0",
            "结 果  维持",
            "1 2",
            "a\u{c}  b",
            "a \u{c} b",
            "x   ",
            "（一）  1",
            "\u{feff}a  b",
            "a\r\n",
            "  ",
            "a \t",
            "甲 \u{3000}",
        ] {
            assert_eq!(has_gap(t), fragments(t).len() >= 2, "{t:?}");
        }
    }

    #[test]
    fn fragments_count_cjk_twice_and_skip_form_feeds() {
        let f = fragments("\u{c}信息内容  12");
        assert_eq!((f[0].x0, f[0].x1), (0, 8));
        assert_eq!((f[1].x0, f[1].text.as_str()), (10, "12"));
        assert!(fragments("   ").is_empty());
    }

    #[test]
    fn box_drawing_bytes_are_the_block() {
        for c in '\u{2400}'..='\u{2600}' {
            let t = format!("a{c}b");
            assert_eq!(
                has_box_drawing(&t),
                ('\u{2500}'..='\u{257f}').contains(&c),
                "{c:?}"
            );
        }
        assert!(!has_box_drawing("“规章”——"));
    }
}
