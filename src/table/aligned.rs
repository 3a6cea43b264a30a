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
use crate::line_kind::{Frag, cells, cells_in_chars, is_value, width};
use crate::lines::Line;
use crate::model::{CellKind, Warning};
use crate::normalize::{fold, is_cjk, push_label};
use crate::outline::scan_outline;
use crate::table::header::{HeaderRow, is_total};
use crate::table::value::kind_of;
use std::collections::{HashMap, HashSet};

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

#[derive(Clone)]
struct LineInfo {
    no: u32,
    frags: Vec<Frag>,
    kind: Kind,
    /// The classification code printed before the row label (`201 06 01`, `2080501`),
    /// its pieces joined; empty when none.
    code: String,
    /// The line starts a page (a form feed before it).
    page: bool,
    /// Where the line's trailing spaces end, where it prints two or more (inscriptis and
    /// pandoc pad each row of a table to the table's width): 0 otherwise.
    reach: usize,
}

/// Reads an aligned region. `furniture[i]` marks the lines that are page furniture;
/// `paged` says the text is a PDF's (it holds page breaks).
pub fn read(
    lines: &[Line],
    furniture: &[bool],
    paged: bool,
    warnings: &mut Vec<Warning>,
) -> Vec<Piece> {
    let mut infos = line_infos(lines, furniture, cells);
    take_codes(&mut infos);
    let align = alignment(&infos);
    let mut out = Vec::new();
    for (start, end) in blocks(&infos) {
        // `pdftotext -layout` sets a page one character per column, whatever the glyph's
        // width (see `cells_in_chars`): a PDF's block holding wide characters is measured
        // in characters. Other tools pad by display width (w3m, pandoc) or by characters
        // (inscriptis): where the block's values line up in characters, it is measured so;
        // where they do not say, it keeps display columns.
        let wide = lines[start..end]
            .iter()
            .any(|l| l.text.chars().any(|c| width(c) > 1));
        if wide {
            let mut c = line_infos(
                &lines[start..end],
                furniture.get(start..end).unwrap_or(&[]),
                cells_in_chars,
            );
            take_codes(&mut c);
            if c.iter()
                .zip(&infos[start..end])
                .all(|(a, b)| a.kind == b.kind)
                && (paged || values_line_up_in_chars(&infos[start..end], &c))
            {
                let fur = furniture.get(start..end).unwrap_or(&[]);
                if let Some(mut p) = sides(&lines[start..end], fur, &c, true, warnings) {
                    out.append(&mut p);
                    continue;
                }
                let align = alignment(&c);
                read_block(&c, align, true, warnings, &mut out);
                continue;
            }
        }
        let fur = furniture.get(start..end).unwrap_or(&[]);
        if let Some(mut p) = sides(&lines[start..end], fur, &infos[start..end], false, warnings) {
            out.append(&mut p);
            continue;
        }
        read_block(&infos[start..end], align, false, warnings, &mut out);
    }
    out
}

/// True when a block's values (its data lines' value fragments, measured in display
/// columns in `display` and in characters in `chars`) line up in characters
/// ([`crate::line_kind::pads_by_chars`]).
fn values_line_up_in_chars(display: &[LineInfo], chars: &[LineInfo]) -> bool {
    let mut values = Vec::new();
    for (k, (d, c)) in display.iter().zip(chars).enumerate() {
        let (&Kind::Data(v), &Kind::Data(w)) = (&d.kind, &c.kind) else {
            continue;
        };
        if v != w || d.frags.len() != c.frags.len() {
            continue;
        }
        let span = |f: &Frag| (f.x0 as u32, f.x1 as u32);
        values.extend(d.frags[v..].iter().zip(&c.frags[w..]).map(|(a, b)| {
            crate::line_kind::Placed {
                line: k as u32,
                display: span(a),
                chars: span(b),
            }
        }));
    }
    match crate::line_kind::pads_by_chars(&values) {
        Some(by_chars) => by_chars,
        // the values do not tell (no wide character before them): the header may, its
        // cells starting or ending where the values do in one measure only
        None => header_on_edges(chars, true) > header_on_edges(display, false),
    }
}

/// How many words of a block's header lines start at a value column's start or end at
/// its end ([`Edges`]).
fn header_on_edges(block: &[LineInfo], in_chars: bool) -> usize {
    let Some(first) = block.iter().position(|i| matches!(i.kind, Kind::Data(_))) else {
        return 0;
    };
    let body = &block[first..];
    let edges = Edges::of(body, &value_columns(body));
    block[..first]
        .iter()
        .filter(|i| i.kind == Kind::Other)
        .flat_map(|i| i.frags.iter().flat_map(|f| words_of(f, in_chars)))
        .filter(|&(x0, x1, _)| edges.starts_at(x0) || edges.ends_at(x1))
        .count()
}

/// Two tables printed side by side (a 收入 | 支出 summary, two 经济分类 groups): a header
/// line under the caption prints one label twice with a header between (`项目  决算数
/// 项目  决算数`, the left half's label column, its values, the right half's label column),
/// and one column, between the end of that left header and the second label, cuts no
/// printed word of the header and body lines: every line is cut there and each half is
/// read as a table of its own, then joined into one ([`Piece::Beside`]). The cut is the
/// first such column after the left half's values (a value under the left header, a
/// word of a right label centred under its header, stand on either side of it). `None`
/// when the block shows no such header, no such column, or either half reads no rows.
fn sides(
    lines: &[Line],
    furniture: &[bool],
    block: &[LineInfo],
    in_chars: bool,
    warnings: &mut Vec<Warning>,
) -> Option<Vec<Piece>> {
    let first_data = block.iter().position(|i| matches!(i.kind, Kind::Data(_)))?;
    let head = &block[..first_data];
    // the header starts under the caption and the field lines under it
    let from = match head.iter().rposition(is_caption) {
        Some(c) => field_lines(head, c + 1, &mut Vec::new()),
        None => 0,
    };
    // a label printed twice on a header line, something between (cheap: a few header lines)
    let (lo, hi, between) = head[from..].iter().find_map(|i| {
        if i.kind != Kind::Other {
            return None;
        }
        let f = &i.frags;
        (0..f.len()).find_map(|a| {
            let key = fold(&f[a].text);
            if key.chars().count() < 2 || kind_of(&f[a].text) != CellKind::Text {
                return None;
            }
            (a + 2..f.len())
                .find(|&b| fold(&f[b].text) == key)
                .map(|b| (f[b - 1].x1, f[b].x0, f[a + 1..b].to_vec()))
        })
    })?;
    // the printed words of every line from the header on: `(x0, x1, is a value)`
    let words: Vec<Vec<(usize, usize, bool)>> = block[from..]
        .iter()
        .map(|i| {
            if i.kind == Kind::Furniture {
                return Vec::new();
            }
            i.frags.iter().flat_map(|f| words_of(f, in_chars)).collect()
        })
        .collect();
    // values under the left half's value headers stay left
    let mut lo = lo;
    for w in words.iter().skip(first_data - from) {
        for &(x0, x1, value) in w {
            if value && between.iter().any(|h| overlap(x0, x1, h.x0, h.x1) > 0) {
                lo = lo.max(x1);
            }
        }
    }
    // a body line printing nothing left of the left half's values, whose first word (a
    // label, or a code before more) reaches past them, is the right half's alone:
    // pdftotext sets a line of the right half only (a code whose name wraps around it) a
    // few columns off, over the left values
    let values_x0 = words
        .iter()
        .skip(first_data - from)
        .flatten()
        .filter(|&&(x0, x1, value)| {
            value && between.iter().any(|h| overlap(x0, x1, h.x0, h.x1) > 0)
        })
        .map(|w| w.0)
        .chain(between.iter().map(|h| h.x0))
        .min()
        .unwrap_or(lo);
    let first_is_code = |i: &LineInfo| {
        i.frags
            .first()
            .and_then(|f| f.text.split(' ').next())
            .is_some_and(is_code)
    };
    let right_only: Vec<bool> = words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            k >= first_data - from
                && w.first().is_some_and(|&(x0, x1, value)| {
                    x0 >= values_x0
                        && x1 > lo
                        && (!value || (w.len() > 1 && first_is_code(&block[from + k])))
                })
        })
        .collect();
    let cut = (lo..=hi).find(|&x| {
        words
            .iter()
            .zip(&right_only)
            .filter(|(_, r)| !**r)
            .all(|(w, _)| w.iter().all(|&(x0, x1, _)| x1 <= x || x0 >= x))
    })?;
    // both halves print rows: a label then values
    let rows = |right: bool| {
        words
            .iter()
            .zip(&right_only)
            .skip(first_data - from)
            .filter(|(w, r)| {
                let side: Vec<&(usize, usize, bool)> =
                    w.iter().filter(|t| (**r || t.0 >= cut) == right).collect();
                side.first().is_some_and(|t| !t.2) && side.last().is_some_and(|t| t.2)
            })
            .count()
    };
    if rows(false) == 0 || rows(true) < 2 {
        return None;
    }
    let mut halves: Vec<(Vec<Line>, Vec<bool>)> = vec![Default::default(), Default::default()];
    for (k, l) in lines.iter().enumerate() {
        let fur = furniture.get(k).copied().unwrap_or(false);
        let (left, right) = if k < from {
            (l.text.clone(), l.text.clone())
        } else if fur {
            (l.text.clone(), String::new())
        } else if right_only.get(k - from).copied().unwrap_or(false) {
            (String::new(), l.text.clone())
        } else {
            crate::line_kind::cut_at(&l.text, cut, in_chars)
        };
        for (h, (text, f)) in halves.iter_mut().zip([(left, fur), (right, false)]) {
            h.0.push(Line {
                no: l.no,
                start: l.start,
                text,
            });
            h.1.push(f);
        }
    }
    let measure = if in_chars { cells_in_chars } else { cells };
    let mut said = Vec::new();
    let mut read = |(half, fur): &(Vec<Line>, Vec<bool>)| {
        let mut infos = line_infos(half, fur, measure);
        take_codes(&mut infos);
        let align = alignment(&infos);
        let mut out = Vec::new();
        read_block(&infos, align, in_chars, &mut said, &mut out);
        out
    };
    let mut left = read(&halves[0]);
    let right = read(&halves[1]);
    let rows_of = |p: Option<&Piece>| match p {
        Some(Piece::Table { seg, grid: true }) => seg
            .known
            .is_some_and(|k| seg.rows.len() > k.head)
            .then(|| seg.clone()),
        _ => None,
    };
    let (l, r) = (rows_of(left.first())?, rows_of(right.first())?);
    // the right half's furniture and text pieces are the left's (the same lines)
    left[0] = Piece::Beside { left: l, right: r };
    warnings.append(&mut said);
    Some(left)
}

/// The words of a fragment (runs without a space) with their columns, and whether each
/// is a value.
fn words_of(f: &Frag, in_chars: bool) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut x = f.x0;
    let mut start: Option<usize> = None;
    let mut word = String::new();
    for c in f.text.chars().chain(std::iter::once(' ')) {
        let w = if in_chars { 1 } else { width(c) };
        if c == ' ' {
            if let Some(s) = start.take() {
                out.push((s, x, is_value(&word)));
                word.clear();
            }
        } else {
            start.get_or_insert(x);
            word.push(c);
        }
        x += w;
    }
    out
}

/// The texts of a piece's words, in the order of [`words_of`].
fn word_texts(f: &Frag) -> Vec<&str> {
    f.text.split(' ').filter(|w| !w.is_empty()).collect()
}

/// The lines of a block up to the first page break after a row: `pdftotext -layout`
/// sets each page on its own grid, so a table running on over a page break without its
/// header may stand a few columns off on the next page.
fn first_page(block: &[LineInfo]) -> &[LineInfo] {
    let end = block
        .iter()
        .position(|i| matches!(i.kind, Kind::Data(_)))
        .and_then(|d| {
            block[d + 1..]
                .iter()
                .position(|i| i.page)
                .map(|p| d + 1 + p)
        });
    &block[..end.unwrap_or(block.len())]
}

/// The line infos of a region, fragments measured by `measure`.
fn line_infos(lines: &[Line], furniture: &[bool], measure: fn(&str) -> Vec<Frag>) -> Vec<LineInfo> {
    let mut infos = Vec::with_capacity(lines.len());
    let mut seen_data = false;
    let rightmost_value = std::cell::OnceCell::new();
    for (i, l) in lines.iter().enumerate() {
        let mut frags = measure(&l.text);
        let kind = if furniture.get(i).copied().unwrap_or(false) {
            Kind::Furniture
        } else if frags.is_empty() {
            Kind::Blank
        } else if let Some(b) = band_of(&frags) {
            seen_data = false;
            Kind::Band(b)
        } else {
            let tail = value_tail(&frags);
            // a line of years over the value columns (`2013  2014`, `Nov. 2017  Nov. 2018`),
            // before any row, is a header line: every number it prints is a year
            // (counted by cells, `4 quarter 2000  2 quarter 2002`, or by words, `Aug. 2007
            // July 2008` one space apart)
            let values: Vec<&Frag> = frags.iter().filter(|f| is_value(&f.text)).collect();
            let years = tail >= 1
                && (values.len() >= 2
                    && values
                        .iter()
                        .all(|f| crate::line_kind::year_of(&f.text).is_some())
                    || crate::line_kind::numbers_all_years(&l.text));
            // a year alone on its line, the next line's label indented under it, heads
            // the rows under it (`2006` over `    Mar Qtr  103.2 …`), unless such a row
            // stands above the first such year (a PDF draws a year in the middle of its
            // rows: `     Q2 …` / `1998` / `     Q3 …`)
            let lone_year =
                |f: &[Frag]| f.len() == 1 && crate::line_kind::year_of(&f[0].text).is_some();
            let under = |f: &[Frag], x: usize| {
                f.len() >= 2 && f[0].x0 > x && !is_value(&f[0].text) && value_tail(f) >= 1
            };
            let heads_rows = lone_year(&frags) && {
                let x = frags[0].x0;
                let next = lines[i + 1..].iter().find(|n| !n.text.trim().is_empty());
                next.is_some_and(|n| under(&measure(&n.text), x))
                    && lines[..i]
                        .iter()
                        .map(|l| measure(&l.text))
                        .find(|f| lone_year(f) || under(f, x))
                        .is_none_or(|f| lone_year(&f))
            };
            // (and one between such rows, left of their labels, is a label spanning rows
            // around it, set in their middle: no row of one value)
            let amid_rows = lone_year(&frags) && {
                let x = frags[0].x0;
                let near = |l: Option<&Line>| l.is_some_and(|n| under(&measure(&n.text), x));
                near(lines[..i].iter().rev().find(|n| !n.text.trim().is_empty()))
                    && near(lines[i + 1..].iter().find(|n| !n.text.trim().is_empty()))
            };
            // values alone before any row, each under a header piece ending in `=`, end
            // those pieces (`previous quarter =` wrapped over `100%`)
            let equation_ends = !seen_data
                && tail == frags.len()
                && frags.iter().all(|f| {
                    lines[..i]
                        .iter()
                        .rev()
                        .find_map(|l| {
                            measure(&l.text)
                                .into_iter()
                                .find(|g| overlap(g.x0, g.x1, f.x0, f.x1) > 0)
                        })
                        .is_some_and(|g| g.text.ends_with(['=', '＝']))
                });
            // a line led by the word naming the rows (`Item`, `项目`), before any row, is
            // the header's: the numbers it prints are header text (`Aug 2010 Sep 2010`,
            // code numbers `1  2  3`), a number one space after a word that word's
            let stub_led = super::names_rows(&frags[0].text);
            // a row whose last cell is text after its values (a remarks column: `备注`,
            // `More information`): a label, values, then one piece of text right of every
            // value the region prints (else it is the label of a table set beside, its
            // values further right); before any row, only right over another row (a
            // header's line of labels runs on to more header)
            let remarked = remarked_row(&frags).filter(|_| {
                let rightmost = *rightmost_value.get_or_init(|| {
                    lines
                        .iter()
                        .flat_map(|l| measure(&l.text))
                        .filter(|f| is_value(&f.text))
                        .map(|f| f.x1)
                        .max()
                        .unwrap_or(0)
                });
                frags[frags.len() - 1].x0 > rightmost
                    && (seen_data
                        || lines[i + 1..]
                            .iter()
                            .find(|n| !n.text.trim().is_empty())
                            .is_some_and(|n| value_tail(&measure(&n.text)) >= 1))
            });
            // a lone value is a row only below rows that show the columns
            if heads_rows || amid_rows || equation_ends {
                Kind::Other
            } else if (years || stub_led) && !seen_data
                // (or after rows and a blank line: the header of a table printed under
                // the last, its caption left out, [`blocks`])
                || stub_led && frags.len() >= 2 && i > 0 && lines[i - 1].text.trim().is_empty()
            {
                // (a year one space after its month is the month's: `Nov. 2017`)
                frags = unsqueezed(frags);
                Kind::Other
            } else if let Some(v) = remarked {
                seen_data = true;
                Kind::Data(v)
            } else if tail > 0
                && (frags.len() >= 2 || seen_data)
                // (before any row, values one space apart alone may be a header's
                // letter-spaced years, `2 0 0 4`)
                && (seen_data || !frags[frags.len() - tail..].iter().all(|f| values_apart(&f.text)))
            {
                seen_data = true;
                Kind::Data(frags.len() - tail)
            } else {
                Kind::Other
            }
        };
        if kind == Kind::Other {
            frags = units_rejoined(frags);
        }
        // (measured as the frags are: a mark after the spaces is a piece of its own)
        let reach = if l.text.ends_with("  ") && !frags.is_empty() {
            measure(&format!("{}x", l.text)).last().map_or(0, |f| f.x0)
        } else {
            0
        };
        infos.push(LineInfo {
            no: l.no,
            frags,
            kind,
            code: String::new(),
            page: l.text.contains('\u{c}'),
            reach,
        });
    }
    infos
}

/// A header line's pieces with a date unit set apart from its number given back to it:
/// `pdftotext -layout` may set the `年` of `2010年` a few columns off, at the start of the
/// next piece (`2010   年 2009年`). A unit character standing alone as a piece's first
/// word after a piece ending in a digit ends that piece (`2010年`, `2009年`).
fn units_rejoined(frags: Vec<Frag>) -> Vec<Frag> {
    let mut out: Vec<Frag> = Vec::with_capacity(frags.len());
    for mut f in frags {
        let first = f.text.split(' ').next().unwrap_or_default();
        if matches!(first, "年" | "月" | "日")
            && let Some(prev) = out.last_mut()
            && prev.text.ends_with(|c: char| c.is_ascii_digit())
        {
            // (the piece is measured in characters or in display columns: its width tells)
            let in_chars = f.x1 - f.x0 == f.text.chars().count();
            let span = |t: &str| -> usize {
                if in_chars {
                    t.chars().count()
                } else {
                    t.chars().map(width).sum()
                }
            };
            let rest = f.text[first.len()..].trim_start();
            prev.text.push_str(first);
            prev.x1 = prev.x1.max(f.x0 + span(first));
            if rest.is_empty() {
                continue;
            }
            f.x0 = f.x1 - span(rest);
            f.text = rest.to_string();
        }
        out.push(f);
    }
    out
}

/// Fragments one space apart joined again: pieces that [`cells`] cut off a fragment as
/// values squeezed against a label (two or more spaces part fragments).
fn unsqueezed(frags: Vec<Frag>) -> Vec<Frag> {
    let mut out: Vec<Frag> = Vec::with_capacity(frags.len());
    for f in frags {
        match out.last_mut() {
            Some(p) if p.x1 + 1 == f.x0 => {
                p.text.push(' ');
                p.text.push_str(&f.text);
                p.x1 = f.x1;
            }
            _ => out.push(f),
        }
    }
    out
}

/// The table blocks of a region: a band line, or a caption line after rows (the next
/// table's header lines follow it), starts a block; so does a header line after rows and
/// a blank line, opening with the word naming the rows and unlike every line of the block
/// (a table printed right under the last, its caption left out: `Item  2022-23  2021`
/// under rows headed `Item  Employed  Full-time`; the same header again continues it).
fn blocks(infos: &[LineInfo]) -> Vec<(usize, usize)> {
    let opens_header = |i: &LineInfo, block: &[LineInfo]| {
        i.frags.len() >= 2
            && super::names_rows(&i.frags[0].text)
            && block.iter().all(|b| joined(&b.frags) != joined(&i.frags))
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start < infos.len() {
        let mut end = start + 1;
        let mut rows = matches!(infos[start].kind, Kind::Data(_));
        // a caption over header lines and no rows is a blank form's: the next caption
        // starts the next table
        let captioned = is_caption(&infos[start]);
        let mut header_lines = 0;
        while end < infos.len()
            && !matches!(infos[end].kind, Kind::Band(_))
            && !((rows || (captioned && header_lines >= 2)) && is_caption(&infos[end]))
            && !(rows
                && infos[end - 1].kind == Kind::Blank
                && opens_header(&infos[end], &infos[start..end]))
        {
            rows |= matches!(infos[end].kind, Kind::Data(_));
            header_lines += usize::from(infos[end].kind == Kind::Other);
            end += 1;
        }
        out.push((start, end));
        start = end;
    }
    out
}

/// A piece of a classification code: digits only, two or more (`201`, `06`, `2080501`).
fn is_code(t: &str) -> bool {
    (2..=9).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// The leading code pieces of a line: how many fragments are codes, and whether the
/// next fragment starts with a code squeezed against the label (`01 行政运行`).
fn code_lead(frags: &[Frag]) -> (usize, bool) {
    let n = frags.iter().take_while(|f| is_code(&f.text)).count();
    let squeezed = frags.get(n).is_some_and(|f| {
        f.text
            .split_once(' ')
            .is_some_and(|(c, rest)| is_code(c) && rest.starts_with(is_cjk))
    });
    (n, squeezed)
}

/// Classification codes (功能分类/经济分类科目编码, `类 款 项`): printed in the label columns
/// before the row names, one code the head of the longer codes that start with it. When
/// labelled rows print such codes and several codes extend others, the code pieces of
/// every line (also a line printing only its code and values, its name wrapped below)
/// are taken out of its fragments into [`LineInfo::code`]: they are no values, and the
/// rows' hierarchy is read from them ([`code_paths`]).
fn take_codes(infos: &mut [LineInfo]) {
    let mut codes: Vec<String> = Vec::new();
    let mut right = 0;
    for i in infos.iter() {
        let (n, squeezed) = code_lead(&i.frags);
        let labelled = squeezed
            || i.frags.get(n).is_some_and(|f| {
                n > 0 && kind_of(&f.text) == CellKind::Text && f.text.starts_with(is_cjk)
            });
        if labelled && matches!(i.kind, Kind::Data(_)) {
            let mut code: String = i.frags[..n].iter().map(|f| f.text.as_str()).collect();
            if n > 0 {
                right = right.max(i.frags[n - 1].x1);
            }
            if squeezed {
                let f = &i.frags[n];
                let c = f.text.split(' ').next().unwrap_or_default();
                code.push_str(c);
                right = right.max(f.x0 + c.len());
            }
            // every code has two digits or more (`is_code`)
            codes.push(code);
        }
    }
    // a code printed after a row's label heads a second group of columns beside the
    // first (side-by-side 经济分类 groups): the hierarchy is not one column's
    // (looked up by length and first two digits, and by prefix: linear in the rows)
    let shapes: std::collections::HashSet<(usize, &str)> =
        codes.iter().map(|c| (c.len(), &c[..2])).collect();
    let beside = infos.iter().any(|i| {
        let (n, _) = code_lead(&i.frags);
        n > 0
            && i.frags[n..]
                .iter()
                .any(|f| is_code(&f.text) && shapes.contains(&(f.text.len(), &f.text[..2])))
    });
    if beside {
        return;
    }
    let set: std::collections::HashSet<&str> = codes.iter().map(String::as_str).collect();
    let extended = codes
        .iter()
        .filter(|c| (2..c.len()).any(|e| set.contains(&c[..e])))
        .count();
    if extended < 2 {
        return;
    }
    // a code joined to its name (`310资本性支出`) or printed alone on its line is read
    // only where it is one of the hierarchy's: the head of a code of the table, or
    // extending one (`known`: the codes read so far)
    let prefixes: std::collections::HashSet<String> = codes
        .iter()
        .flat_map(|c| (2..=c.len()).map(move |e| c[..e].to_string()))
        .collect();
    let mut known: std::collections::HashSet<String> = codes.iter().cloned().collect();
    let in_hierarchy = |c: &str, known: &std::collections::HashSet<String>| {
        prefixes.contains(c) || (2..c.len()).any(|e| known.contains(&c[..e]))
    };
    for i in infos.iter_mut() {
        if !matches!(i.kind, Kind::Data(_) | Kind::Other) {
            continue;
        }
        let (n, squeezed) = code_lead(&i.frags);
        let n = i.frags[..n].iter().take_while(|f| f.x1 <= right).count();
        if n >= i.frags.len() {
            continue;
        }
        let mut code: String = i.frags[..n].iter().map(|f| f.text.as_str()).collect();
        if squeezed && n == code_lead(&i.frags).0 {
            let f = &mut i.frags[n];
            if let Some((c, rest)) = f.text.split_once(' ')
                && f.x0 + c.len() <= right
            {
                code.push_str(c);
                f.x0 += c.len() + 1;
                f.text = rest.to_string();
            }
        } else if n == 0 {
            let f = &mut i.frags[0];
            if let Some(c) = joined_code(&f.text)
                && f.x0 + c.len() <= right
                && in_hierarchy(c, &known)
            {
                known.insert(c.to_string());
                code.push_str(c);
                f.x0 += c.len();
                f.text = f.text[c.len()..].to_string();
            }
        }
        if code.is_empty() {
            continue;
        }
        i.frags.drain(..n);
        i.code = code;
        if let Kind::Data(v) = i.kind {
            i.kind = Kind::Data(v.saturating_sub(n));
        }
    }
    // a code printed alone on its line, the row's name and values on the line under it
    // (a name set on the row's lower line in a tall row): the code is that row's. Where
    // the line stands is no help: pdftotext sets such lines a few columns off the others
    // (blank lines between: the other half's wrapped name, cut off, took those lines)
    for k in 1..infos.len() {
        let (above, below) = infos.split_at_mut(k);
        let Some(a) = above.last_mut() else {
            continue;
        };
        let Some(b) = below.iter_mut().find(|i| i.kind != Kind::Blank) else {
            continue;
        };
        let lone = matches!(a.kind, Kind::Data(_) | Kind::Other)
            && a.frags.len() == 1
            && a.frags
                .first()
                .is_some_and(|f| is_code(&f.text) && in_hierarchy(&f.text, &known));
        let named = matches!(b.kind, Kind::Data(v) if v > 0)
            && b.code.is_empty()
            && code_lead(&b.frags).0 == 0
            && b.frags.first().is_some_and(|f| {
                f.text.starts_with(is_cjk) && a.frags.first().is_some_and(|c| f.x0 >= c.x0)
            });
        if lone && named {
            b.code = a.frags.iter().map(|f| f.text.as_str()).collect();
            known.insert(b.code.clone());
            a.frags.clear();
            a.kind = Kind::Blank;
        }
    }
}

/// A classification code printed against its name without a space (`310资本性支出`): the
/// leading digits, when a CJK character follows them.
///
/// `310资本性支出` gives `310`; `2024年` (a year, `年` a unit of the number) does too, so
/// callers check the code against the table's others; `310 资本性支出`, `3资本` give none.
fn joined_code(t: &str) -> Option<&str> {
    let end = t.find(|c: char| !c.is_ascii_digit())?;
    (is_code(&t[..end]) && t[end..].starts_with(is_cjk)).then(|| &t[..end])
}

/// How many fragments at the end of a line are value cells: numbers and not-applicable
/// marks, and footnote marks standing for a value (`(1)`: not available, see the note)
/// in a run that holds a number.
fn value_tail(frags: &[Frag]) -> usize {
    let tail = frags
        .iter()
        .rev()
        .take_while(|f| is_value(&f.text) || is_footnote_mark(&f.text) || values_apart(&f.text))
        .count();
    let run = &frags[frags.len() - tail..];
    // the run starts at its first value: a footnote mark before it is the label's
    let lead = run
        .iter()
        .take_while(|f| !is_value(&f.text) && !values_apart(&f.text))
        .count();
    if lead == run.len() { 0 } else { tail - lead }
}

/// The pieces of a row ending in a remark (a `备注` column's text after its values): a
/// label, values, then one piece of text. The number of label pieces, or `None` for a
/// line not so made (one ending in a value is a row of its own kind).
pub(crate) fn remarked_row(frags: &[Frag]) -> Option<usize> {
    let n = frags.len();
    if n < 3 || value_tail(frags) > 0 {
        return None;
    }
    let t = value_tail(&frags[..n - 1]);
    (t >= 1 && n - 1 - t >= 1).then_some(n - 1 - t)
}

/// Two values or more one space apart that are not one number (`216 107 109`, `14 9`):
/// cells of columns set close together, or of one number grouped by spaces; which, the
/// columns they stand over tell.
fn values_apart(t: &str) -> bool {
    t.contains(' ') && !is_value(t) && t.split(' ').all(|w| kind_of(w) == CellKind::Number)
}

/// A footnote reference printed in place of a value: a small number in brackets.
///
/// `(1)`, `（2）` are; `(12.5)`, `(a)`, `(一)` are not.
fn is_footnote_mark(t: &str) -> bool {
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']));
    inner.is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// A caption line over a table: numbered as tables are (`Table A-1. …`, `7-2 …`), or a
/// title alone on its line naming a table (`2025年预算单位收入预算总表`, `收入决算表`,
/// `…表（续）`).
fn is_caption(i: &LineInfo) -> bool {
    if i.kind != Kind::Other {
        return false;
    }
    // (pieces printed twice over are a header's repeated leaves, `1-9  比去年同期增长(%)`
    // under each group, however the first reads: a caption names its table once)
    let repeats = i
        .frags
        .iter()
        .enumerate()
        .any(|(k, f)| i.frags[..k].iter().any(|g| g.text == f.text));
    let text = joined(&i.frags);
    if crate::line_kind::is_numbered_caption(&text) && !repeats {
        return true;
    }
    i.frags.len() == 1 && is_form_title(&text)
}

/// The line of `head` that names the table standing alone over its header: one piece of
/// text, a blank line under it, nothing but blank lines or the same text above it (a
/// page's title printed again over its table's caption, as w3m and lynx print both).
fn title_line(head: &[LineInfo]) -> Option<usize> {
    let c = head.iter().position(|i| i.kind != Kind::Blank)?;
    fn one(i: &LineInfo) -> Option<&str> {
        match i.frags.as_slice() {
            [f] if i.kind == Kind::Other && !is_value(&f.text) => Some(f.text.as_str()),
            _ => None,
        }
    }
    let text = one(&head[c])?;
    // the same text again, a blank line between
    let mut c = c;
    while let Some(n) = (c + 1..head.len()).find(|&k| head[k].kind != Kind::Blank) {
        if n > c + 1 && one(&head[n]) == Some(text) {
            c = n;
        } else {
            break;
        }
    }
    // (a note in brackets, a unit or a period is no name: `(Numbers in thousands)`)
    let bracketed = text.starts_with(['(', '（']) && text.ends_with([')', '）']);
    if bracketed || super::is_unit_line(text) || super::is_period(text) {
        return None;
    }
    let blank_under = head.get(c + 1).is_some_and(|i| i.kind == Kind::Blank);
    let header_under = head[c + 1..].iter().any(|i| i.kind == Kind::Other);
    (blank_under && header_under && text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .then_some(c)
}

/// A form's title: one CJK piece ending in `表` (`收入支出决算总表`, `…预算表（续）`).
pub(crate) fn is_form_title(text: &str) -> bool {
    // (cheap first: most lines end otherwise)
    let end = text.trim_end();
    if !(end.ends_with('表') || end.ends_with(['）', ')'])) {
        return false;
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = match t.rfind(['（', '(']) {
        Some(b) if t[b..].contains('续') => &t[..b],
        _ => &t,
    };
    let n = t.chars().count();
    t.ends_with('表') && (4..=40).contains(&n) && t.chars().filter(|&c| is_cjk(c)).count() >= 3
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
/// True when line `k` of `lines` is a band over the values: one piece of text, no
/// number, standing right of the label area (`boundary`, where the values start), with
/// a blank line (or nothing) before it and a blank line or a row after it. A release
/// centres such a line over its columns to name the block of rows under it.
fn band_line(lines: &[LineInfo], k: usize, boundary: usize) -> bool {
    let line = &lines[k];
    let [f] = line.frags.as_slice() else {
        return false;
    };
    let apart = |i: Option<&LineInfo>| i.is_none_or(|i| i.kind == Kind::Blank);
    line.kind == Kind::Other
        && f.x0 >= boundary
        && !is_value(&f.text)
        && f.text.chars().any(char::is_alphabetic)
        && apart(k.checked_sub(1).and_then(|p| lines.get(p)))
        && lines
            .get(k + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Blank | Kind::Data(_)))
}

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
fn read_block(
    infos: &[LineInfo],
    align: Align,
    in_chars: bool,
    warnings: &mut Vec<Warning>,
    out: &mut Vec<Piece>,
) {
    let wrapped = wrapped_rows(infos, in_chars);
    let infos: &[LineInfo] = wrapped.as_deref().unwrap_or(infos);
    let numbered = numbers_in_labels(infos, in_chars);
    let infos: &[LineInfo] = numbered.as_deref().unwrap_or(infos);
    let classes = classes_over_values(infos, in_chars);
    let infos: &[LineInfo] = classes.as_deref().unwrap_or(infos);
    let sandwiched = labels_around_values(infos);
    let infos: &[LineInfo] = sandwiched.as_deref().unwrap_or(infos);
    let years = year_labels(infos);
    let infos: &[LineInfo] = years.as_deref().unwrap_or(infos);
    let rejoined = squeezed_into_labels(infos);
    let infos: &[LineInfo] = rejoined.as_deref().unwrap_or(infos);
    let stubbed = labels_under_stub(infos);
    let infos: &[LineInfo] = stubbed.as_deref().unwrap_or(infos);
    let grouped = numbered_groups(infos);
    let infos: &[LineInfo] = grouped.as_deref().unwrap_or(infos);
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
        if let Some(seg) = blank_form(rest, align, in_chars, [first_line, last_line], band.clone())
        {
            out.push(Piece::Table { seg, grid: true });
            out.append(&mut furniture);
            return;
        }
        // a form's title over header lines whose columns could not be told: its text
        if rest.iter().any(is_caption) {
            warnings.push(Warning {
                line: Some(first_line),
                code: "table-unread".into(),
                message: "a form printing no value whose header lines do not show its columns; kept as text".into(),
            });
            out.push(Piece::Unread([first_line, last_line]));
            out.append(&mut furniture);
            return;
        }
        // no values: a band, or header lines only; keep them as plain rows
        let rows: Vec<RawRow> = rest
            .iter()
            .filter(|i| i.kind == Kind::Other)
            .map(|i| RawRow {
                line: i.no,
                cells: i.frags.iter().map(|f| clean_label(&f.text)).collect(),
                unplaced: Vec::new(),
                indent: 0,
            })
            .collect();
        let seg = Segment {
            above: Vec::new(),
            units: Default::default(),
            band,
            lines: [first_line, last_line],
            rows,
            known: None,
            present: false,
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
    let caption_at = head
        .iter()
        .rposition(is_caption)
        .or_else(|| title_line(head));
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
            &head[field_lines(head, k, &mut above)..]
        }
        None => head,
    };
    // rows printing more values than there are columns, and no order to read them by:
    // where each value stands is not known
    let most = body
        .iter()
        .map(|i| match i.kind {
            Kind::Data(v) => i.frags.len() - v,
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    // the columns are the first page's where they are all there (`first_page`)
    let page_one = value_columns(first_page(body));
    let paged = page_one.len() == most && first_page(body).len() < body.len();
    let clustered = if paged { page_one } else { value_columns(body) };
    // a row two of whose values fall in one clustered column shows the clusters wrong
    // (a PDF's lines drift): its values are read by order instead
    let collide = body.iter().any(|i| {
        let Kind::Data(v) = i.kind else { return false };
        let at: Vec<Option<usize>> = i.frags[v..]
            .iter()
            .map(|f| column_of(f, &clustered))
            .collect();
        at.windows(2).any(|w| w[0].is_some() && w[0] == w[1])
    });
    let by_order = columns_by_order(body, if collide { 0 } else { clustered.len() });
    let unclear = by_order.is_none() && most > clustered.len();
    let cols = by_order.clone().unwrap_or(clustered);
    let n = cols.len();
    let boundary = cols.first().map_or(0, |c| c.x0);
    // lines under the last one printing header text over the values, whose text all
    // stands left of the values, are no header: they open the rows (a section line such
    // as `NUMBER OF UNEMPLOYED`, the first line of a wrapped row label)
    let over_values =
        |i: &LineInfo| i.kind == Kind::Other && i.frags.iter().any(|f| f.x1 > boundary);
    // nor is a line whose text starts over the classification codes, left of every
    // row's name (`科目编码` under `经济分类`): it heads the code column
    let names_x0 = body
        .iter()
        .filter(|i| !i.code.is_empty() && matches!(i.kind, Kind::Data(v) if v > 0))
        .filter_map(|i| i.frags.first().map(|f| f.x0))
        .min();
    let over_codes = |i: &LineInfo| {
        i.kind == Kind::Other && names_x0.is_some_and(|x| i.frags.iter().all(|f| f.x0 < x))
    };
    let (head, body) = match head.iter().rposition(|i| over_values(i) || over_codes(i)) {
        Some(h)
            if head[h + 1..].iter().any(|i| i.kind == Kind::Other)
                && head[h + 1..]
                    .iter()
                    .all(|i| matches!(i.kind, Kind::Other | Kind::Blank)) =>
        {
            let moved = head.len() - h - 1;
            (&head[..=h], &rest[first_data - moved..])
        }
        // a band line over the values set apart by blank lines right over the first row
        // (`Persons 14 years of age and over`) names the rows below it: no header
        Some(h)
            if band_line(head, h, boundary)
                && head[h + 1..].iter().all(|i| i.kind == Kind::Blank) =>
        {
            let moved = head.len() - h;
            (&head[..h], &rest[first_data - moved..])
        }
        _ => (head, body),
    };
    // Rows set as the cells present, packed left in consecutive columns (inscriptis lays
    // each table row's cells so, a label spanning rows taking a column in its first row
    // only): every row prints as many values, the rows' values cluster into more columns
    // than that, a label stands where other rows print values, and every line starts at
    // one place (no indentation). The lines are read as
    // rows of the cells they print, the values the last cells of each ([`build`] of
    // rows of the cells present).
    let values_of = |i: &LineInfo| match i.kind {
        Kind::Data(v) => i.frags.len() - v,
        _ => 0,
    };
    let data_lines: Vec<&LineInfo> = body.iter().filter(|i| values_of(i) > 0).collect();
    // (every line starting at one place: cells packed left, no indentation)
    let left = head
        .iter()
        .chain(body)
        .filter_map(|i| i.frags.first().map(|f| f.x0))
        .collect::<Vec<_>>();
    let packed = n > most
        && left.iter().all(|&x| x == left[0])
        && data_lines.len() >= 2
        && data_lines.iter().all(|i| values_of(i) == most)
        && data_lines.iter().any(|i| match i.kind {
            Kind::Data(v) => i.frags[..v].iter().any(|f| f.x1 > boundary),
            _ => false,
        });
    if packed {
        let rows: Vec<RawRow> = head
            .iter()
            .chain(body)
            .filter(|i| matches!(i.kind, Kind::Other | Kind::Data(_)))
            .map(|i| RawRow {
                line: i.no,
                cells: i
                    .frags
                    .iter()
                    .map(|f| {
                        if is_value(&f.text) {
                            f.text.clone()
                        } else {
                            clean_label(&f.text)
                        }
                    })
                    .collect(),
                unplaced: Vec::new(),
                indent: 0,
            })
            .collect();
        let seg = Segment {
            above,
            units: Default::default(),
            band,
            lines: [first_line, last_line],
            rows,
            known: None,
            present: true,
        };
        out.push(Piece::Table { seg, grid: false });
        out.append(&mut furniture);
        return;
    }
    // a first row printing values only, right under the header, whose name stands alone on
    // a line below it before the next row (pdftotext sets a tall row's values higher than
    // its name: `2,946.25  2,940.05` / `类 款 项` / `合计`): that name is the row's; the
    // lines over the codes between (`类 款 项`) head the code column
    let lifted: Option<Vec<LineInfo>> = (|| {
        let first = body.first()?;
        if first.kind != Kind::Data(0) {
            return None;
        }
        let next = 1 + body[1..]
            .iter()
            .position(|i| matches!(i.kind, Kind::Data(_)))?;
        if !body[1..next]
            .iter()
            .all(|i| matches!(i.kind, Kind::Other | Kind::Blank))
        {
            return None;
        }
        let names: Vec<usize> = (1..next)
            .filter(|&m| body[m].kind == Kind::Other && !over_codes(&body[m]))
            .collect();
        let [m] = names[..] else {
            return None;
        };
        let mut v = body.to_vec();
        let mut frags = body[m].frags.clone();
        let labels = frags.len();
        frags.extend(first.frags.iter().cloned());
        v[0].frags = frags;
        v[0].kind = Kind::Data(labels);
        for (k, info) in v.iter_mut().enumerate().take(next).skip(1) {
            if k == m || over_codes(&body[k]) {
                info.kind = Kind::Furniture;
                info.frags.clear();
            }
        }
        Some(v)
    })();
    let body: &[LineInfo] = lifted.as_deref().unwrap_or(body);
    // header cells set one space apart are cut where the columns' own values start or end
    let edges = Edges::of(body, &cols);
    // the lowest header line printing over the values, two or more pieces none at a
    // column's start, shows the leaves set centred (w3m centres header cells): a label
    // above them that fills the columns it spans starts at their first start, and a word
    // inside it may stand at a later start by chance (`Persons with a disability`), so
    // starts cut nothing (leaves set at the starts under centred labels spanning them,
    // as lynx sets them, are cut)
    let lowest = head
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, i)| i.kind == Kind::Other)
        .map(|(li, i)| {
            let over: Vec<&Frag> = i.frags.iter().filter(|f| f.x0 >= boundary).collect();
            (li, over)
        })
        .find(|(_, over)| !over.is_empty());
    let centred = lowest
        .as_ref()
        .is_some_and(|(_, over)| over.len() >= 2 && over.iter().all(|f| !edges.starts_at(f.x0)));
    // but where those leaves repeat, one run under each group (`Nov. 2017  Nov. 2018`
    // twice), a group's label fills the group's span: a line above is cut at the
    // groups' first starts alone, where every piece of it starts at one
    let group_starts: Vec<usize> = match &lowest {
        Some((_, over)) if centred && over.len() == n => {
            let texts: Vec<&str> = over.iter().map(|f| f.text.as_str()).collect();
            super::repeat_period(&texts)
                .map(|p| {
                    (0..n)
                        .step_by(p)
                        .map(|c| cols[c].x0)
                        .filter(|&x| edges.starts_at(x))
                        .collect()
                })
                .unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let lowest_line = lowest.map(|(li, _)| li);
    // whether the header lines under line `li` tell apart the columns the piece `f`
    // spans: no two columns' slots (up to the next column's start) hold the same words
    // below, or none (a group's first column may have no label of its own, but two such
    // columns are not told apart; a word belongs to the slot it starts in: the cells of a
    // lower line may stand one space apart too, `Total Males Females`)
    let told_apart = |li: usize, f: &Frag| {
        let slot = |j: usize| (cols[j].x0, cols.get(j + 1).map_or(usize::MAX, |c| c.x0));
        let spanned: Vec<usize> = (0..n)
            .filter(|&j| overlap(f.x0, f.x1, slot(j).0, slot(j).1) > 0)
            .collect();
        let words: Vec<(usize, &str)> = head[li + 1..]
            .iter()
            .filter(|i| i.kind == Kind::Other)
            .flat_map(|i| &i.frags)
            .flat_map(|g| {
                words_of(g, in_chars)
                    .into_iter()
                    .map(|w| w.0)
                    .zip(word_texts(g))
            })
            .collect();
        let below: Vec<Vec<&str>> = spanned
            .iter()
            .map(|&j| {
                let (a, b) = slot(j);
                let inside = words.iter().filter(|(x, _)| (a..b).contains(x));
                inside.map(|(_, t)| *t).collect()
            })
            .collect();
        // (leaves repeated once under each group, `Nov. 2017  Nov. 2018` twice, are told
        // apart by labels of the groups, which the piece may hold one space apart)
        below
            .iter()
            .enumerate()
            .all(|(k, t)| !below[..k].contains(t))
            || super::repeat_period(&below).is_some_and(|p| p >= 2)
    };
    let cut_head: Vec<LineInfo> = head
        .iter()
        .enumerate()
        .map(|(li, i)| {
            let mut i = i.clone();
            if i.kind == Kind::Other {
                let (starts, ends) = set_at_edges(&i.frags, &edges, boundary, in_chars);
                let set = (starts && !centred, ends);
                i.frags = cut_at_edges(&i.frags, &edges, set, in_chars);
                // a piece running on from the corner that holds two words or more at
                // columns' starts is cells set one space apart however the line's other
                // pieces stand (`Item 总户数Total Households 总人口Total Population` beside a
                // label centred over its span)
                i.frags = i
                    .frags
                    .iter()
                    .flat_map(|f| {
                        // (words at the starts of the first columns, one each)
                        let words = words_of(f, in_chars);
                        let at_starts = cols
                            .iter()
                            .take_while(|c| {
                                words.iter().any(|w| w.0 == c.x0 && edges.starts_at(w.0))
                            })
                            .count();
                        // (a piece over the values spanning columns that the header
                        // lines below it do not tell apart, a column with no text below
                        // or two with the same, is no label spanning them: it is cells
                        // one space apart, cut where its words start at the columns'
                        // starts; lynx and w3m set a header cell as wide as its column,
                        // `April to May 2016 May 2015 to May 2016` over `% change  %
                        // change`, `9月 1-9月累计` over nothing)
                        let col_start =
                            |x: usize| edges.starts_at(x) && cols.iter().any(|c| c.x0 == x);
                        let runs_on = f.x0 >= boundary
                            && words.iter().skip(1).any(|w| col_start(w.0))
                            && !told_apart(li, f);
                        // (a piece led by the word naming the rows, two columns' starts
                        // or more at its words' starts, all but one column's: the corner
                        // and the header's cells one space apart, pdftotext setting the
                        // first label right of the first value's start, `Item Index (UK,
                        // 2005 = 100) % change over 1 month`)
                        let at_any = cols
                            .iter()
                            .filter(|c| words.iter().skip(1).any(|w| w.0 == c.x0))
                            .count();
                        let corner_led = f.x0 < boundary
                            && word_texts(f).first().is_some_and(|w| super::names_rows(w))
                            && at_any >= 2
                            && at_any + 1 >= cols.len()
                            && words.get(1).is_some_and(|w| w.0 < boundary + 3);
                        if corner_led {
                            let first = words[0].0;
                            cut_between_words(f, in_chars, |before, w| {
                                before.0 == first || cols.iter().any(|c| c.x0 == w.0)
                            })
                        } else if f.x0 < boundary && at_starts >= 2 {
                            cut_between_words(f, in_chars, |_, w| edges.starts_at(w.0))
                        } else if runs_on {
                            cut_between_words(f, in_chars, |_, w| col_start(w.0))
                        } else {
                            // bilingual labels one space apart: a label starts with its
                            // Chinese, so Chinese after English words at a column's start
                            // starts a cell (`全省Total Province Indices 城市Urban Indices`)
                            let texts = word_texts(f);
                            let words = words_of(f, in_chars);
                            let latin_end = |t: &str| {
                                t.ends_with(|c: char| c.is_ascii_alphanumeric() || c == ')')
                            };
                            let starts_cjk: Vec<usize> = (1..words.len().min(texts.len()))
                                .filter(|&k| {
                                    texts[k].starts_with(is_cjk)
                                        && latin_end(texts[k - 1])
                                        && edges.starts_at(words[k].0)
                                })
                                .map(|k| words[k].0)
                                .collect();
                            cut_between_words(f, in_chars, |_, w| starts_cjk.contains(&w.0))
                        }
                    })
                    .collect();
                let at_groups = group_starts.len() >= 2
                    && Some(li) != lowest_line
                    && i.frags
                        .iter()
                        .filter(|f| f.x1 > boundary)
                        .all(|f| group_starts.contains(&f.x0));
                if at_groups {
                    i.frags = i
                        .frags
                        .iter()
                        .flat_map(|f| {
                            cut_between_words(f, in_chars, |_, word| group_starts.contains(&word.0))
                        })
                        .collect();
                }
            }
            i
        })
        .collect();
    let head: &[LineInfo] = &cut_head;

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
    // a label alone on a header line over a line printing the stub's label and the value
    // columns' labels, centred over that whole line (clearly nearer its centre than the
    // stub label's) rather than over its stub label: a
    // group spanning the table (`收入` over `项目  决算数`, a half of a 收入 | 支出 summary),
    // heading the value columns
    let spans_table = |li: usize, f: &Frag| {
        let Some(c0) = cols.first() else {
            return false;
        };
        let under = head[li + 1..].iter().find(|i| {
            i.kind == Kind::Other
                && i.frags.iter().any(|g| g.x1 <= c0.x0)
                && i.frags
                    .iter()
                    .any(|g| cols.iter().any(|c| overlap(g.x0, g.x1, c.x0, c.x1) > 0))
        });
        let Some(under) = under else {
            return false;
        };
        let stub: Vec<&Frag> = under.frags.iter().filter(|g| g.x1 <= c0.x0).collect();
        let s0 = stub.iter().map(|g| g.x0).min().unwrap_or(0);
        let s1 = stub.iter().map(|g| g.x1).max().unwrap_or(0);
        let e = under.frags.iter().map(|g| g.x1).max().unwrap_or(0);
        let centre = f.x0 + f.x1;
        // clearly nearer: pdftotext sets header words a few columns off
        head[li].frags.len() == 1 && 2 * centre.abs_diff(s0 + e) <= centre.abs_diff(s0 + s1)
    };
    let mut corner: Vec<(usize, Frag)> = Vec::new();
    let mut units: Vec<(usize, Frag)> = Vec::new();
    for (li, info) in head.iter().enumerate() {
        if info.kind != Kind::Other {
            continue;
        }
        for f in &info.frags {
            // a rule drawn under the header (`------ ------`, pandoc's tables) is no text
            if f.text.chars().all(|c| matches!(c, '-' | '=' | '_' | ' ')) {
                continue;
            }
            let over_values = cols.iter().any(|c| overlap(f.x0, f.x1, c.x0, c.x1) > 0);
            // a stub header centred over the label column may reach into the first value
            // column where lines drift; standing mostly left of every value, it is corner
            let stub = cols
                .first()
                .is_some_and(|c| f.x0 < c.x0 && 2 * overlap(f.x0, f.x1, c.x0, c.x1) < c.x1 - c.x0);
            if (!over_values || stub)
                && f.x0 < label_right
                && (f.x0 + f.x1) / 2 < boundary
                && !spans_table(li, f)
            {
                corner.push((li, f.clone()));
            } else if let Some(words) = past_the_last(f, &info.frags, &cols, in_chars) {
                units.extend(words.into_iter().map(|w| (li, w)));
            } else {
                units.push((li, f.clone()));
            }
        }
    }
    // header text right of every value heads a column that prints no value (经营支出
    // of a table whose rows print three amounts): it heads none of the columns read
    // ([`blank_columns`] makes such columns); unless it spans them: centred over the
    // header text of lower lines from the first
    // value column's to the last rather than over the text right of the values alone
    // (`收入预算` over `合计  财政拨款收入  事业收入  其他收入` when only the first two
    // print amounts)
    // (the last column reaches as far as a label standing over it alone: lynx and w3m
    // centre a header cell over values set flush left, `% change` under `May 2015 to May
    // 2016` ends past `1.5`)
    let alone_over_last = |f: &Frag| {
        let over = |c: &Col| overlap(f.x0, f.x1, c.x0, c.x1) > 0;
        cols.split_last()
            .is_some_and(|(last, rest)| over(last) && !rest.iter().any(over))
    };
    let last_x1 = units
        .iter()
        .filter(|(_, f)| alone_over_last(f))
        .map(|(_, f)| f.x1)
        .chain(cols.last().map(|c| c.x1))
        .max()
        .unwrap_or(usize::MAX);
    let spans_values = |li: usize, f: &Frag| {
        let lower = || units.iter().filter(|(l, _)| *l > li).map(|(_, g)| g);
        let first = lower()
            .filter(|g| cols.iter().any(|c| overlap(g.x0, g.x1, c.x0, c.x1) > 0))
            .map(|g| g.x0)
            .min();
        let unread = lower().filter(|g| g.x0 > last_x1).map(|g| g.x0).min();
        let last = lower().map(|g| g.x1).max();
        let centre = f.x0 + f.x1;
        match (first, unread, last) {
            (Some(a), Some(u), Some(b)) => centre.abs_diff(a + b) < centre.abs_diff(u + b),
            _ => false,
        }
    };
    let blank = blank_columns(&units, &cols, last_x1, in_chars, &spans_values);
    let reach = blank.last().map_or(last_x1, |(_, f)| f.x1.max(last_x1));
    // (the header of the columns read without those: where it does not fit them, its text
    // past the values is no sign of columns printing none)
    let read_units: Vec<(usize, Frag)> = units
        .iter()
        .filter(|(li, f)| f.x0 <= last_x1 || spans_values(*li, f))
        .cloned()
        .collect();
    let keep: Vec<bool> = units
        .iter()
        .map(|(li, f)| f.x0 <= reach || spans_values(*li, f))
        .collect();
    let mut keep = keep.into_iter();
    units.retain(|_| keep.next().unwrap_or(false));
    if !blank.is_empty() {
        let words = |(li, f): &(usize, Frag)| {
            blank
                .iter()
                .any(|(l, w)| l == li && overlap(w.x0, w.x1, f.x0, f.x1) > 0)
        };
        units.retain(|u| !words(u));
        units.extend(blank.iter().cloned());
    }
    let blank: Vec<Col> = blank
        .iter()
        .map(|(_, f)| Col { x0: f.x0, x1: f.x1 })
        .collect();
    // a header whose text stops short of the last value columns, every column before them
    // under some text, was printed packed left (inscriptis sets each header row's cells
    // in consecutive columns, a cell spanning columns taking one): unless repeated leaves
    // say where its groups stand, its places name the wrong columns, so it names none
    let covered: Vec<bool> = cols
        .iter()
        .map(|c| {
            units
                .iter()
                .any(|(_, f)| overlap(f.x0, f.x1, c.x0, c.x1) > 0)
        })
        .collect();
    // (set at the columns' starts, as a tool laying cells on a grid sets them; a PDF's
    // header text stands where its page drew it)
    let at_starts = units.iter().all(|(_, f)| cols.iter().any(|c| c.x0 == f.x0));
    let packed = at_starts
        && covered
            .iter()
            .rposition(|&b| b)
            .is_some_and(|k| k + 1 < n && covered[..=k].iter().all(|&b| b));
    // (or a lower line's cells start in the corner's place under the corner and stand at
    // the next columns' starts, fewer than the columns: `项目  收入  支出` over
    // `决算数  决算数`, the corner spanning down)
    let packed_under_corner = at_starts && {
        let starts: Vec<usize> = cols.iter().map(|c| c.x0).collect();
        let first = head
            .iter()
            .position(|i| i.kind == Kind::Other && !i.frags.is_empty());
        first.is_some_and(|f0| {
            let x = head[f0].frags[0].x0;
            corner.iter().any(|(li, g)| *li == f0 && g.x0 == x)
                && head[f0 + 1..].iter().any(|i| {
                    i.kind == Kind::Other
                        && (2..=n).contains(&i.frags.len())
                        && i.frags[0].x0 == x
                        && i.frags[1..].iter().zip(&starts).all(|(g, &s)| g.x0 == s)
                })
        })
    };
    let shifted = shifted_groups(&mut corner, &units, n, head);
    let present = if shifted.is_none() && (packed || packed_under_corner) {
        present_cells(&mut corner, head, &cols, body)
    } else {
        None
    };
    let mut blank_n = 0;
    let tree = if let Some(tree) = shifted.or(present) {
        tree
    } else if packed {
        warnings.push(Warning {
            line: head.first().map(|h| h.no),
            code: "header-unresolved".into(),
            message: format!(
                "the header's text stops short of the last of the {n} value columns, as a header printed packed left does; columns left without paths"
            ),
        });
        Tree {
            rows: Vec::new(),
            lines: Vec::new(),
            unplaced: 0,
        }
    } else {
        let read = header_tree(&read_units, &cols, align, in_chars, head);
        if blank.is_empty() || read.unplaced > 0 {
            units = read_units;
            read
        } else {
            let all: Vec<Col> = cols.iter().chain(&blank).copied().collect();
            let with_blank = header_tree(&units, &all, align, in_chars, head);
            // (nor where the text past the values does not fit as columns of its own, or
            // heads the columns read too: `其他来源` alone over them all)
            let path = |t: &Tree, j: usize| -> Vec<String> {
                t.rows
                    .iter()
                    .map(|r| r[j].clone())
                    .filter(|c| !c.is_empty())
                    .collect()
            };
            if with_blank.unplaced > 0 || (0..n).any(|j| path(&read, j) != path(&with_blank, j)) {
                units = read_units;
                read
            } else {
                blank_n = blank.len();
                with_blank
            }
        }
    };
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
    let centred = recentre(body, boundary, warnings);
    let body: &[LineInfo] = centred.as_deref().unwrap_or(body);
    let labels = row_labels(
        body,
        boundary,
        in_chars,
        &header_texts,
        &corner_texts,
        warnings,
    );
    let l = labels.width;
    let corner_text = join_corner(&corner);
    let depth = tree.rows.len();
    let mut rows = header_rows(&tree, &corner_text, l, first_line);
    if depth == 0 && !corner_text.is_empty() && l > 0 {
        let mut cells = vec![String::new(); l + n];
        cells[0] = corner_text.clone();
        rows.push(RawRow {
            line: head.first().map_or(first_line, |h| h.no),
            cells,
            unplaced: Vec::new(),
            indent: 0,
        });
    }
    let head_rows = rows.len();
    let pages = if paged {
        page_columns(body, &cols)
    } else {
        Vec::new()
    };
    let mut page = 0;
    let mut seen_row = false;
    let mut lab = labels.rows.into_iter();
    let mut groups = labels.groups.into_iter().peekable();
    // a label alone on its line, a row printing no value: its text in its label column
    let group_row = |(line, col, text): (u32, usize, String)| {
        let mut cells = vec![String::new(); l + n];
        cells[col] = text;
        RawRow {
            line,
            cells,
            unplaced: Vec::new(),
            indent: 0,
        }
    };
    // the labels of rows left out that the rows under them inherit (`Women` printed on
    // the first row of its group only)
    let mut left_labels: Vec<String> = vec![String::new(); l];
    for info in body {
        if info.page && seen_row {
            page += 1;
        }
        let Kind::Data(vstart) = info.kind else {
            continue;
        };
        seen_row = true;
        while let Some(g) = groups.next_if(|g| g.0 < info.no) {
            left_labels.iter_mut().for_each(String::clear);
            rows.push(group_row(g));
        }
        let mut cells = lab.next().unwrap_or_default();
        cells.resize(l, String::new());
        cells.resize(l + n, String::new());
        let values = info.frags.len() - vstart;
        let mut prev: Option<usize> = None;
        // the first column a value left out may belong to
        let mut cut: Option<usize> = None;
        let mut lost = false;
        // the first column from which the row's cells are not known: values one space
        // apart over fewer columns than their words (`14 9`: which column around is
        // empty is not told)
        let mut unsure: Option<usize> = None;
        // a row whose numbers, values one space apart counted one by one, are as many as
        // the columns prints every cell: its k-th number is the k-th column's, each
        // standing no further off than the columns beside its own
        let in_order = (by_order.is_none()
            && !(page > 0 && paged)
            && info.frags[vstart..].iter().any(|f| values_apart(&f.text)))
        .then(|| {
            let words: Vec<Frag> = info.frags[vstart..]
                .iter()
                .flat_map(|f| piece_words(f, in_chars))
                .collect();
            let near = |(k, w): (usize, &Frag)| {
                let lo = k.checked_sub(1).map_or(0, |p| cols[p].x0);
                let hi = cols.get(k + 1).map_or(usize::MAX, |c| c.x1);
                w.x0 >= lo && w.x1 <= hi
            };
            (words.len() == n && words.iter().enumerate().all(near)).then_some(words)
        })
        .flatten();
        if let Some(words) = &in_order {
            for (k, w) in words.iter().enumerate() {
                cells[l + k] = w.text.clone();
            }
        }
        for (fi, f) in info.frags.iter().enumerate() {
            if (fi < vstart && f.x0 < boundary) || (in_order.is_some() && fi >= vstart) {
                continue;
            }
            let at = match &by_order {
                // a complete row: its k-th value is in the k-th column
                Some(_) if values == n && fi >= vstart => Some(fi - vstart),
                // another row: its values stand where its own label pushed them, so
                // which columns they are in is not known, unless the text is set one
                // character a column (a PDF's, measured in characters) and each value
                // stands over one column only, in order (`-      332` under `387581
                // 1173850 2.0  100`)
                Some(by) if in_chars && fi >= vstart && !values_apart(&f.text) => {
                    let over: Vec<usize> = (0..by.len())
                        .filter(|&j| overlap(f.x0, f.x1, by[j].x0, by[j].x1) > 0)
                        .collect();
                    match over.as_slice() {
                        [j] if prev.is_none_or(|p| *j > p) => Some(*j),
                        _ => None,
                    }
                }
                Some(_) => None,
                // a later page: its own columns, as they answer the first page's
                None if page > 0 && paged => pages.get(page - 1).and_then(|(own, to)| {
                    column_of(f, own).and_then(|k| to.get(k).copied().flatten())
                }),
                None => column_of(f, &cols),
            };
            if at.is_some() {
                prev = at;
            } else if by_order.is_some() && cut.is_none() {
                cut = Some(prev.map_or(0, |p| p + 1));
            }
            // values one space apart over as many columns, one over each (`216 107 109`;
            // spaces may also group thousands, so such a piece over one column stays whole)
            let over = (by_order.is_none() && !(page > 0 && paged))
                .then(|| words_over_columns(f, &cols, in_chars))
                .flatten()
                .filter(|w| w.iter().all(|w| is_value(&w.text)));
            if let Some(words) = over {
                for w in words {
                    match column_of(&w, &cols) {
                        Some(j) if cells[l + j].is_empty() => cells[l + j] = w.text,
                        // (a word no free column takes: from its column on, not known)
                        j => {
                            let from = j.unwrap_or(0);
                            unsure = Some(unsure.map_or(from, |u| u.min(from)));
                        }
                    }
                }
                continue;
            }
            if values_apart(&f.text) {
                let first = colset(f.x0, f.x1, &cols, align)
                    .0
                    .first()
                    .copied()
                    .unwrap_or(0);
                unsure = Some(unsure.map_or(first, |u| u.min(first)));
            }
            match at {
                Some(j) if cells[l + j].is_empty() && !values_apart(&f.text) => {
                    cells[l + j] = f.text.clone()
                }
                _ => {
                    lost |= fi >= vstart;
                    warnings.push(Warning {
                        line: Some(info.no),
                        code: "unplaced-value".into(),
                        message: format!("value {:?} fits no free value column; left out", f.text),
                    })
                }
            }
        }
        if cut.is_some() || unclear || (paged && lost) {
            // a cell that holds nothing at a row's path is no value: the row is left out,
            // its labels kept for the rows under it
            warnings.push(Warning {
                line: Some(info.no),
                code: "unplaced-row".into(),
                message: "the columns of this row's values are not clear where the lines drift; row left out".into(),
            });
            carry_labels(&mut left_labels, &cells[..l]);
            continue;
        }
        if let Some(j) = unsure {
            // the row keeps its label, its cells from there on marked missing
            cells.truncate(l + j);
        }
        take_left_labels(&mut left_labels, &mut cells[..l]);
        rows.push(RawRow {
            line: info.no,
            cells,
            unplaced: Vec::new(),
            indent: 0,
        });
    }
    // (a label alone after the last row, padded to the values' place: a row of its own)
    rows.extend(groups.map(group_row));
    // (the columns printing no value: an empty cell in each whole row)
    for r in rows.iter_mut().skip(head_rows) {
        if r.cells.len() == l + n {
            r.cells.resize(l + n + blank_n, String::new());
        }
    }
    let seg = Segment {
        above,
        units: Default::default(),
        band,
        lines: [first_line, last_line],
        rows,
        known: Some(Shape {
            head: head_rows,
            labels: l,
            values: n + blank_n,
        }),
        present: false,
    };
    out.push(Piece::Table { seg, grid: true });
    out.append(&mut furniture);
}

/// Header text right of every value that is a header cell heads a column printing no
/// value (a `备注` or `变动原因说明` column left blank in every row, `经营支出` of a table
/// whose rows print three amounts): the lowest pieces of such text (`经营收入` under
/// `事业单位`; CJK words one space apart there are one each, a CJK label holding no space:
/// `去年同月 去年同期`), left to right, where some header line printing such text also
/// heads value columns (a row of header cells, not a note beside them). `units` are the
/// header pieces by line, `last_x1` where the values end, `spans` true for a piece
/// spanning the columns read.
fn blank_columns(
    units: &[(usize, Frag)],
    cols: &[Col],
    last_x1: usize,
    in_chars: bool,
    spans: &dyn Fn(usize, &Frag) -> bool,
) -> Vec<(usize, Frag)> {
    let trailing = |li: usize, f: &Frag| {
        f.x0 > last_x1
            && !spans(li, f)
            && !super::is_unit_line(&f.text)
            && !f.text.contains([':', '：'])
    };
    let heads_values = |li: usize| {
        units
            .iter()
            .any(|(l, g)| *l == li && cols.iter().any(|c| overlap(g.x0, g.x1, c.x0, c.x1) > 0))
    };
    let past: Vec<&(usize, Frag)> = units.iter().filter(|(li, f)| trailing(*li, f)).collect();
    if !past.iter().any(|(li, _)| heads_values(*li)) {
        return Vec::new();
    }
    let mut leaves: Vec<(usize, Frag)> = past
        .iter()
        .filter(|(li, f)| {
            !past
                .iter()
                .any(|(l, g)| l > li && overlap(f.x0, f.x1, g.x0, g.x1) > 0)
        })
        .flat_map(|&(li, f)| match cjk_words(f, in_chars) {
            Some(words) => words.into_iter().map(|w| (*li, w)).collect(),
            None => vec![(*li, f.clone())],
        })
        .collect();
    leaves.sort_by_key(|(_, f)| f.x0);
    leaves
}

/// The words of a piece made of CJK words one space apart, two or more (a CJK label
/// holds no space: each is a label); `None` for any other piece.
fn cjk_words(f: &Frag, in_chars: bool) -> Option<Vec<Frag>> {
    let words = piece_words(f, in_chars);
    (words.len() >= 2 && words.iter().all(|w| cjk_word(&w.text))).then_some(words)
}

/// The words of a header piece over the last value column alone that goes on past it in CJK
/// words one space apart (`数量 比上年增减 变动原因说明`, lynx setting narrow cells one
/// space apart), on a line (`line`, its pieces) heading every other value column too: the
/// labels of that column and of columns after it printing no value (a CJK label holds no
/// space). `None` for any other piece.
fn past_the_last(f: &Frag, line: &[Frag], cols: &[Col], in_chars: bool) -> Option<Vec<Frag>> {
    let (last, rest) = cols.split_last()?;
    let over = |g: &Frag, c: &Col| overlap(g.x0, g.x1, c.x0, c.x1) > 0;
    if !over(f, last)
        || rest.iter().any(|c| over(f, c))
        || f.x1 <= last.x1
        || !rest.iter().all(|c| line.iter().any(|g| over(g, c)))
    {
        return None;
    }
    cjk_words(f, in_chars).filter(|words| words.iter().any(|w| w.x0 > last.x1))
}

/// A row label wrapped around the line of its values: pdftotext sets a row's values at
/// the middle of its height, so a label of two lines prints its first line over the
/// values and its second under them (`Civilian noninstitutional` / `   232211  233864` /
/// `population`). A label line right under a line of values alone, starting where the
/// label line right over it starts, ends that label unless a line of values alone
/// follows it too (then it heads those values: `Total` / values / `Male` / values). The
/// two lines (joined without a space after a hyphen or between Chinese characters) become
/// the label of the values' line, and are left blank. `None` when no line reads so.
fn labels_around_values(infos: &[LineInfo]) -> Option<Vec<LineInfo>> {
    let next_printing = |k: usize| (k + 1..infos.len()).find(|&m| infos[m].kind != Kind::Blank);
    let values_only = |k: usize| infos[k].kind == Kind::Data(0);
    let label_only = |k: usize| infos[k].kind == Kind::Other && infos[k].frags.len() == 1;
    let sandwiches: Vec<usize> = (1..infos.len().saturating_sub(1))
        .filter(|&k| {
            let (a, b) = (k - 1, k + 1);
            // (a row printing a classification code is read with its code's rows)
            values_only(k)
                && infos[k].code.is_empty()
                && label_only(a)
                && label_only(b)
                && infos[a].frags[0].x0 == infos[b].frags[0].x0
                && infos[a].frags[0].x0 < infos[k].frags[0].x0
                && infos[b].frags[0].x1 <= infos[k].frags[0].x0
                && next_printing(b).is_none_or(|m| !values_only(m))
        })
        .collect();
    if sandwiches.is_empty() {
        return None;
    }
    let mut out = infos.to_vec();
    for k in sandwiches {
        let mut head = std::mem::take(&mut out[k - 1].frags).remove(0);
        let tail = std::mem::take(&mut out[k + 1].frags).remove(0);
        out[k - 1].kind = Kind::Blank;
        out[k + 1].kind = Kind::Blank;
        let tight = head.text.ends_with(['-', '–'])
            || head.text.ends_with(is_cjk) && tail.text.starts_with(is_cjk);
        if !tight {
            head.text.push(' ');
        }
        head.text.push_str(&tail.text);
        head.x1 = head
            .x1
            .max(tail.x1)
            .min(out[k].frags[0].x0.saturating_sub(1))
            .max(head.x0 + 1);
        out[k].frags.insert(0, head);
        out[k].kind = Kind::Data(1);
    }
    Some(out)
}

/// The words of a data line's values, one a value (values one space apart are split); none
/// for another line.
fn value_words(i: &LineInfo, in_chars: bool) -> Vec<Frag> {
    match i.kind {
        Kind::Data(v) => i.frags[v..]
            .iter()
            .flat_map(|f| piece_words(f, in_chars))
            .collect(),
        _ => Vec::new(),
    }
}

/// A number in a row label (`Under 25`, `2544` where an age group lost its dash) is read
/// as a value: such a row prints one value more than the rows around it, and that first
/// one stands left of every value they print. Where most rows (three or more) print the
/// same number of values, a row printing one more whose first value is one word ending
/// left of all of theirs holds it in its label: joined to the label one space before it,
/// or the label itself. `None` when no row reads so.
fn numbers_in_labels(infos: &[LineInfo], in_chars: bool) -> Option<Vec<LineInfo>> {
    let counts: Vec<usize> = infos
        .iter()
        .map(|i| value_words(i, in_chars).len())
        .collect();
    let mut sorted: Vec<usize> = counts.iter().copied().filter(|&c| c > 0).collect();
    sorted.sort_unstable();
    let (m, rows) = sorted
        .chunk_by(|a, b| a == b)
        .map(|c| (c[0], c.len()))
        .max_by_key(|&(c, k)| (k, c))?;
    if rows < 3 {
        return None;
    }
    let left = infos
        .iter()
        .zip(&counts)
        .filter(|&(_, &c)| c == m)
        .filter_map(|(i, _)| match i.kind {
            Kind::Data(v) => i.frags.get(v).map(|f| f.x0),
            _ => None,
        })
        .min()?;
    let mut out: Option<Vec<LineInfo>> = None;
    for (k, i) in infos.iter().enumerate() {
        let Kind::Data(v) = i.kind else { continue };
        let first = &i.frags[v];
        if counts[k] != m + 1 || first.x1 >= left || first.text.contains(' ') {
            continue;
        }
        let lines = out.get_or_insert_with(|| infos.to_vec());
        let line = &mut lines[k];
        if v > 0 && line.frags[v - 1].x1 + 1 == first.x0 {
            let f = line.frags.remove(v);
            let label = &mut line.frags[v - 1];
            label.text.push(' ');
            label.text.push_str(&f.text);
            label.x1 = f.x1;
        } else {
            line.kind = Kind::Data(v + 1);
        }
    }
    out
}

/// A header line of numbers naming the columns (a two-way table's classes: `1,500  1000
/// 750`, sample sizes over the errors of their differences) reads as a row of values. It
/// is header text where it prints values alone, right under a line of header text and
/// before any row, each value over one of the rows' values, and every row under it
/// (three at least) prints one value more, that first one left of all the line's: the
/// rows' column of their own classes, which no header text stands over. The line becomes
/// header text and each row's first value its label. `None` when no block reads so.
fn classes_over_values(infos: &[LineInfo], in_chars: bool) -> Option<Vec<LineInfo>> {
    let first = infos.iter().position(|i| matches!(i.kind, Kind::Data(_)))?;
    let line = &infos[first];
    let names = value_words(line, in_chars);
    let over_values = infos[..first]
        .iter()
        .rev()
        .find(|i| i.kind != Kind::Blank)
        .is_some_and(|i| i.kind == Kind::Other && i.frags.iter().any(|f| f.x1 > names[0].x0));
    if line.kind != Kind::Data(0) || names.len() < 2 || !over_values {
        return None;
    }
    let rows: Vec<usize> = (first + 1..infos.len())
        .filter(|&k| matches!(infos[k].kind, Kind::Data(_)))
        .collect();
    let classed = |k: &usize| {
        let words = value_words(&infos[*k], in_chars);
        words.len() == names.len() + 1
            && words[0].x1 < names[0].x0
            && names
                .iter()
                .zip(&words[1..])
                .all(|(n, w)| overlap(n.x0, n.x1, w.x0, w.x1) > 0)
    };
    if rows.len() < 3 || !rows.iter().all(classed) {
        return None;
    }
    let mut out = infos.to_vec();
    out[first].frags = names;
    out[first].kind = Kind::Other;
    for k in rows {
        let Kind::Data(v) = out[k].kind else { continue };
        let words = value_words(&out[k], in_chars);
        out[k].frags.truncate(v);
        out[k].frags.extend(words);
        out[k].kind = Kind::Data(v + 1);
    }
    Some(out)
}

/// A tool that wraps its lines at a width (lynx at its `-width`) breaks a table row too
/// long for it: the values that did not fit go to a line of their own at the margin, left
/// of every value column. A line of values alone standing left of the values of the
/// labelled row over it, where that row with them one space after its end would reach
/// the block's widest line at least, and prints as many values fewer than the block's fullest rows as the line holds,
/// ends that row: its values take the places of the fullest row's last values, and the
/// line is left blank. `None` when no line reads so.
fn wrapped_rows(infos: &[LineInfo], in_chars: bool) -> Option<Vec<LineInfo>> {
    let words = |i: &LineInfo| value_words(i, in_chars);
    let widest = infos
        .iter()
        .filter(|i| matches!(i.kind, Kind::Data(_)))
        .filter_map(|i| i.frags.last())
        .map(|f| f.x1)
        .max()?;
    let fullest = infos.iter().map(&words).max_by_key(Vec::len)?;
    let mut out: Option<Vec<LineInfo>> = None;
    for k in 1..infos.len() {
        let (up, tail) = (&infos[k - 1], &infos[k]);
        let Kind::Data(v) = up.kind else { continue };
        if v == 0 || tail.kind != Kind::Data(0) || !tail.code.is_empty() {
            continue;
        }
        let (Some(first), Some(last), Some(end)) =
            (tail.frags.first(), tail.frags.last(), up.frags.last())
        else {
            continue;
        };
        let moved = words(tail);
        let m = moved.len();
        let at = fullest.len().saturating_sub(m);
        if last.x1 >= up.frags[v].x0
            || end.x1 + 1 + (last.x1 - first.x0) < widest
            || words(up).len() + m != fullest.len()
            || fullest[at..].first().is_none_or(|w| w.x0 <= end.x1)
        {
            continue;
        }
        let lines = out.get_or_insert_with(|| infos.to_vec());
        for (w, place) in moved.into_iter().zip(&fullest[at..]) {
            lines[k - 1].frags.push(Frag {
                x0: place.x0,
                x1: place.x1,
                text: w.text,
            });
        }
        lines[k].frags.clear();
        lines[k].kind = Kind::Blank;
    }
    out
}

/// A block whose rows print no label, each starting with a year, the years in order (a
/// yearbook's time series, `1950  3634  1054`), or each under a line naming its group
/// (`Per Capita GDP` over `2023  113779  -6.7`, a period and its year `1Q 2024` too): the
/// years label the rows. `None` when the block is not such.
fn year_labels(infos: &[LineInfo]) -> Option<Vec<LineInfo>> {
    use crate::line_kind::year_of;
    let lead = |i: &LineInfo| match i.kind {
        Kind::Data(0) if i.frags.len() >= 2 => year_of(&i.frags[0].text).map(|y| (y, 0)),
        Kind::Data(1)
            if i.frags.len() >= 3 && crate::outline::period_rank(&i.frags[0].text).is_some() =>
        {
            year_of(&i.frags[1].text).map(|y| (y, 1))
        }
        _ => None,
    };
    let rows: Vec<usize> = (0..infos.len())
        .filter(|&k| matches!(infos[k].kind, Kind::Data(_)))
        .collect();
    let years: Option<Vec<(u32, usize)>> = rows.iter().map(|&k| lead(&infos[k])).collect();
    let years = years?;
    let in_order = years.iter().all(|&(_, v)| v == 0)
        && super::in_order(&years.iter().map(|&(y, _)| y).collect::<Vec<_>>());
    // (every row right under a label line or another such row, or first in the block)
    let grouped = rows.len() >= 2
        && rows.iter().all(|&k| {
            infos[..k]
                .iter()
                .rev()
                .find(|i| i.kind != Kind::Blank)
                .is_none_or(|i| i.kind == Kind::Other && i.frags.len() == 1 || lead(i).is_some())
        })
        && rows
            .windows(2)
            .any(|w| infos[w[0] + 1..w[1]].iter().any(|i| i.kind == Kind::Other));
    (in_order || grouped).then(|| {
        infos
            .iter()
            .map(|i| {
                let mut i = i.clone();
                match lead(&i) {
                    Some((_, 0)) => i.kind = Kind::Data(1),
                    // (the period and its year are one label)
                    Some(_) => {
                        let year = i.frags.remove(1);
                        let period = &mut i.frags[0];
                        period.x1 = year.x1;
                        period.text = format!("{} {}", period.text, year.text);
                    }
                    None => {}
                }
                i
            })
            .collect()
    })
}

/// A first value column under a header word naming the rows (`Item`, `项目`) holds the
/// rows' labels, whatever they print (`0- 4`, or `40307` where a spreadsheet turned an age
/// group into a date): its cells become labels. `None` when no header line starts so.
fn labels_under_stub(infos: &[LineInfo]) -> Option<Vec<LineInfo>> {
    let first_row = infos.iter().position(|i| matches!(i.kind, Kind::Data(_)))?;
    // (most blocks: no header line starts with such a word; the columns are not built)
    let leads: Vec<&Frag> = infos[..first_row]
        .iter()
        .filter(|i| i.kind == Kind::Other)
        .filter_map(|i| i.frags.first())
        .filter(|f| super::names_rows(&f.text))
        .collect();
    if leads.is_empty() {
        return None;
    }
    let cols = value_columns(infos);
    let [c0, _, ..] = cols.as_slice() else {
        return None;
    };
    let over = |f: &Frag| overlap(f.x0, f.x1, c0.x0, c0.x1) > 0;
    let stub = leads.into_iter().any(over);
    // (every row prints a label: a column some rows leave empty is no label column)
    let every = infos
        .iter()
        .filter(|i| matches!(i.kind, Kind::Data(_)))
        .all(|i| i.frags.iter().any(over));
    if !stub || !every {
        return None;
    }
    Some(
        infos
            .iter()
            .map(|i| {
                let mut i = i.clone();
                // (a line printing its label alone, `2006` over the quarters it spans, is
                // a label printing no value)
                if let Kind::Data(v) = i.kind
                    && (i.frags.len() > v + 1 || v == 0 && i.frags.len() == 1)
                    && over(&i.frags[v])
                {
                    i.kind = Kind::Data(v + 1);
                }
                i
            })
            .collect(),
    )
}

/// A line printing a numbered label alone (`一、按销售所在地`, `（二）…`) between rows,
/// in the labels' place, right over a row whose label is numbered deeper (`1、城镇`): a
/// group's head, a row printing no value, which its outline number ranks over the rows
/// under it, also where the flattening dropped the indentation that set it apart
/// (inscriptis). A line continuing a wrapped label is no such line: its next row's label
/// starts no deeper outline item. `None` when no line reads so.
fn numbered_groups(infos: &[LineInfo]) -> Option<Vec<LineInfo>> {
    let rank = |i: &LineInfo| {
        i.frags
            .first()
            .and_then(|f| scan_outline(&f.text))
            .map(|o| o.scheme.rank())
    };
    let heads: Vec<usize> = (1..infos.len().saturating_sub(1))
        .filter(|&k| {
            let i = &infos[k];
            i.kind == Kind::Other
                && i.frags.len() == 1
                && matches!(infos[k - 1].kind, Kind::Data(_))
                && rank(i).is_some_and(|r| r <= 2)
        })
        .collect();
    if heads.is_empty() {
        return None;
    }
    let cols = value_columns(infos);
    let c0 = cols.first()?;
    let heads: Vec<usize> = heads
        .into_iter()
        .filter(|&k| {
            let next = infos[k + 1..].iter().find(|i| i.kind != Kind::Blank);
            infos[k].frags[0].x1 <= c0.x0
                && next.is_some_and(|n| {
                    matches!(n.kind, Kind::Data(_))
                        && n.frags[0].x0 <= infos[k].frags[0].x0
                        && rank(n).is_some_and(|r| rank(&infos[k]).is_some_and(|h| r > h))
                })
        })
        .collect();
    if heads.is_empty() {
        return None;
    }
    let mut out = infos.to_vec();
    for k in heads {
        out[k].kind = Kind::Data(1);
    }
    Some(out)
}

/// A number of one or two digits cut off its label as a value squeezed against it
/// (`Under 1      51.72`) that
/// no other row prints a value beside, left of every column the rows print: a column of
/// one row in the labels' place is the label's end, and goes back to it. Three rows at
/// least; `None` when no such number stands.
fn squeezed_into_labels(infos: &[LineInfo]) -> Option<Vec<LineInfo>> {
    let data = || {
        infos
            .iter()
            .filter(|i| matches!(i.kind, Kind::Data(v) if v >= 1))
    };
    let squeezed_number = |i: &LineInfo| match i.kind {
        Kind::Data(v) => {
            i.frags.len() > v + 1
                && i.frags[v].text.len() <= 2
                && i.frags[v].text.bytes().all(|b| b.is_ascii_digit())
                && i.frags[v - 1].x1 + 1 == i.frags[v].x0
        }
        _ => false,
    };
    // (most blocks: no such number; the columns are not built)
    if data().count() < 3 || !data().any(squeezed_number) {
        return None;
    }
    let cols = value_columns(infos);
    let first = cols.first()?;
    let in_first = |i: &LineInfo| match i.kind {
        Kind::Data(v) => i.frags[v..].iter().any(|f| f.x0 < first.x1),
        _ => false,
    };
    let mut lone = data().filter(|i| in_first(i));
    let line = lone.next()?.no;
    let squeezed = |i: &LineInfo| match i.kind {
        Kind::Data(v) => {
            squeezed_number(i)
                && i.frags[v].x1 <= first.x1
                && cols.get(1).is_some_and(|c| i.frags[v + 1].x0 >= c.x0)
        }
        _ => false,
    };
    if lone.next().is_some() || !infos.iter().any(|i| i.no == line && squeezed(i)) {
        return None;
    }
    Some(
        infos
            .iter()
            .map(|i| {
                let mut i = i.clone();
                if let (true, Kind::Data(v)) = (i.no == line, i.kind.clone()) {
                    let f = i.frags.remove(v);
                    let label = &mut i.frags[v - 1];
                    label.text.push(' ');
                    label.text.push_str(&f.text);
                    label.x1 = f.x1;
                }
                i
            })
            .collect(),
    )
}

/// The field lines under a caption from line `k` (`编制单位：…   单位：元`: every piece
/// holds a colon; blank lines pass); the units they state go to `above`. Returns the
/// first line after them.
fn field_lines(lines: &[LineInfo], mut k: usize, above: &mut Vec<String>) -> usize {
    while k < lines.len()
        && matches!(lines[k].kind, Kind::Other | Kind::Blank)
        && lines[k].frags.iter().all(|f| f.text.contains([':', '：']))
    {
        for f in &lines[k].frags {
            if super::is_unit_line(&f.text) {
                above.push(f.text.clone());
            }
        }
        k += 1;
    }
    k
}

/// A blank form: a caption (`…决算表`), its field lines, the header lines and, under
/// them, the labels of rows printing no value (`合计`): a table every value cell of which
/// is empty (a 政府性基金 or 三公 form a department keeps although it spent nothing).
/// The stub is the text up to the right end of the words naming label columns (`项目`,
/// `…科目编码`, `…科目名称`, `类 款 项`); the header text right of it heads the value
/// columns, whose leaves are the header cells standing over no lower header cell
/// (neither overlapping one nor centred between two neighbours of one lower line); the
/// stub's text under its last header line gives the rows (none: one row without a
/// label). `None` when the lines show no such form.
fn blank_form(
    rest: &[LineInfo],
    align: Align,
    in_chars: bool,
    lines: [u32; 2],
    band: Option<String>,
) -> Option<Segment> {
    let cap = rest.iter().position(is_caption)?;
    let mut above = vec![joined(&rest[cap].frags)];
    let head = &rest[field_lines(rest, cap + 1, &mut above)..];
    if head
        .iter()
        .any(|i| !matches!(i.kind, Kind::Other | Kind::Blank | Kind::Furniture))
    {
        return None;
    }
    let texts: Vec<(usize, &Frag)> = head
        .iter()
        .enumerate()
        .filter(|(_, i)| i.kind == Kind::Other)
        .flat_map(|(li, i)| i.frags.iter().map(move |f| (li, f)))
        .collect();
    let names_labels = |t: &str| {
        let t = fold(t);
        ["项目", "指标", "类", "款", "项"].contains(&t.as_str())
            || t.ends_with("科目编码")
            || t.ends_with("科目名称")
    };
    let stub: Vec<&(usize, &Frag)> = texts
        .iter()
        .filter(|(_, f)| names_labels(&f.text))
        .collect();
    let stub_x1 = stub.iter().map(|(_, f)| f.x1).max().unwrap_or(0);
    let stub_line = stub.iter().map(|(li, _)| *li).max();
    // (under the corner, a line of one piece set from the left of the corner's end is a
    // row's label, however far it runs: `项目` centred over labels set from the left, and
    // a tool that sets wide characters one column wide puts the header off the labels)
    let below_corner = |li: usize| stub_line.is_none_or(|s| li > s);
    let label_line =
        |li: usize| below_corner(li) && head[li].frags.len() == 1 && head[li].frags[0].x0 < stub_x1;
    if texts
        .iter()
        .any(|(li, f)| f.x0 < stub_x1 && f.x1 > stub_x1 && !label_line(*li))
    {
        return None;
    }
    // (CJK labels one space apart are cells of their own, `本期实际 本年累计`: lynx sets
    // a header's cells so where it counts a wide character one column wide)
    let units: Vec<(usize, Frag)> = texts
        .iter()
        .filter(|(li, f)| f.x0 >= stub_x1 && !label_line(*li))
        .flat_map(|(li, f)| {
            let words = word_texts(f);
            let apart = words.len() >= 2
                && cjk_led_labels(words.iter().copied()).is_some_and(|l| l.len() == words.len());
            let pieces = if apart {
                piece_words(f, in_chars)
            } else {
                vec![(*f).clone()]
            };
            pieces.into_iter().map(move |p| (*li, p))
        })
        .collect();
    let centre = |f: &Frag| (f.x0 + f.x1) as f64 / 2.0;
    // a cell standing over a lower one: overlapping it, or centred between two neighbours
    let over_lower = |li: usize, f: &Frag| {
        units
            .iter()
            .any(|(l, g)| *l > li && overlap(f.x0, f.x1, g.x0, g.x1) > 0)
            || (li + 1..head.len()).any(|low| {
                let on: Vec<&Frag> = units
                    .iter()
                    .filter(|(l, _)| *l == low)
                    .map(|(_, g)| g)
                    .collect();
                on.windows(2).any(|w| {
                    let (d1, d2) = (centre(f) - centre(w[0]), centre(w[1]) - centre(f));
                    d1 > 0.0 && d2 > 0.0 && (d1 - d2).abs() <= 2.0 + (d1 + d2) / 10.0
                })
            })
    };
    let mut leaves: Vec<(usize, usize)> = units
        .iter()
        .filter(|(li, f)| !over_lower(*li, f))
        .map(|(_, f)| (f.x0, f.x1))
        .collect();
    leaves.sort_by_key(|l| l.0);
    if leaves.len() < 2 || leaves.windows(2).any(|w| w[0].1 > w[1].0) {
        return None;
    }
    let n = leaves.len();
    // no value gives a column its width
    let cols = halfway_columns(&leaves);
    let tree = header_tree(&units, &cols, align, in_chars, head);
    if tree.unplaced > 0 || tree.rows.is_empty() {
        return None;
    }
    // the stub's text: its header (the corner) down to the last line naming a label
    // column, the rows' labels below it
    let (corner, labels): (Vec<_>, Vec<_>) = texts
        .iter()
        .filter(|(_, f)| f.x0 < stub_x1)
        .partition(|(li, _)| !below_corner(*li));
    let corner: Vec<(usize, Frag)> = corner.iter().map(|(li, f)| (*li, (*f).clone())).collect();
    let l = usize::from(stub_x1 > 0);
    let mut rows = header_rows(&tree, &join_corner(&corner), l, lines[0]);
    let head_rows = rows.len();
    let mut row = |no: u32, label: String| {
        let mut cells = vec![String::new(); l + n];
        if l > 0 {
            cells[0] = label;
        }
        rows.push(RawRow {
            line: no,
            cells,
            unplaced: Vec::new(),
            indent: 0,
        });
    };
    if labels.is_empty() {
        row(head.last().map_or(lines[1], |i| i.no), String::new());
    }
    for (li, f) in labels {
        row(head[li].no, clean_label(&f.text));
    }
    Some(Segment {
        above,
        units: Default::default(),
        band,
        lines,
        rows,
        known: Some(Shape {
            head: head_rows,
            labels: l,
            values: n,
        }),
        present: false,
    })
}

/// The header tree's rows as grid rows of `l` label cells (the corner's text in the
/// first row's first) and the value columns' cells.
fn header_rows(tree: &Tree, corner: &str, l: usize, first_line: u32) -> Vec<RawRow> {
    tree.rows
        .iter()
        .enumerate()
        .map(|(d, r)| {
            let mut cells = vec![String::new(); l];
            if d == 0 && l > 0 {
                cells[0] = corner.to_string();
            }
            cells.extend(r.iter().cloned());
            RawRow {
                line: tree.lines.get(d).copied().unwrap_or(first_line),
                cells,
                unplaced: Vec::new(),
                indent: 0,
            }
        })
        .collect()
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
    for (start, end) in blocks(infos) {
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

/// Value columns, left to right.
type Columns = Vec<Col>;

/// Value columns of text whose lines drift (a PDF's text spaces each line by its own
/// glyph widths): when the rows printing the most values print more than the columns
/// their overlap gives, the k-th column is the span of the k-th values of those
/// complete rows. `None` when clustering found them all, or the spans are out of order.
fn columns_by_order(body: &[LineInfo], clustered: usize) -> Option<Vec<Col>> {
    let count = |i: &LineInfo| match i.kind {
        Kind::Data(v) => i.frags.len() - v,
        _ => 0,
    };
    let m = body.iter().map(count).max()?;
    if m <= clustered || m < 2 || body.iter().filter(|i| count(i) == m).count() < 2 {
        return None;
    }
    let mut cols: Vec<Col> = Vec::new();
    for i in body.iter().filter(|i| count(i) == m) {
        let Kind::Data(v) = i.kind else { continue };
        for (j, f) in i.frags[v..].iter().enumerate() {
            match cols.get_mut(j) {
                Some(c) => {
                    c.x0 = c.x0.min(f.x0);
                    c.x1 = c.x1.max(f.x1);
                }
                None => cols.push(Col { x0: f.x0, x1: f.x1 }),
            }
        }
    }
    cols.windows(2)
        .all(|w| w[0].x0 < w[1].x0 && w[0].x1 < w[1].x1)
        .then_some(cols)
}

/// The value columns of each page after the first of a block (`first_page`), and the
/// block column each of them is: a page printing every column gives them in order;
/// otherwise a column is the one block column it overlaps. A page whose columns answer
/// none of the block's in order gets no mapping (its rows are left out).
fn page_columns(body: &[LineInfo], cols: &[Col]) -> Vec<(Vec<Col>, Vec<Option<usize>>)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut seen_row = false;
    let close = |lines: &[LineInfo], out: &mut Vec<(Vec<Col>, Vec<Option<usize>>)>| {
        let own = value_columns(lines);
        let to: Vec<Option<usize>> = if own.len() == cols.len() {
            (0..own.len()).map(Some).collect()
        } else {
            let to: Vec<Option<usize>> = own
                .iter()
                .map(|o| {
                    // mostly under one block column
                    let mut over = (0..cols.len())
                        .filter(|&j| 2 * overlap(o.x0, o.x1, cols[j].x0, cols[j].x1) > o.x1 - o.x0);
                    match (over.next(), over.next()) {
                        (Some(j), None) => Some(j),
                        _ => None,
                    }
                })
                .collect();
            let ordered = to.iter().all(Option::is_some) && to.windows(2).all(|w| w[0] < w[1]);
            if ordered { to } else { vec![None; own.len()] }
        };
        out.push((own, to));
    };
    for (k, i) in body.iter().enumerate() {
        if i.page && seen_row {
            if let Some(s) = start {
                close(&body[s..k], &mut out);
            }
            start = Some(k);
        }
        seen_row |= matches!(i.kind, Kind::Data(_));
    }
    if let Some(s) = start {
        close(&body[s..], &mut out);
    }
    out
}

/// Value fragments of all data lines clustered by overlap.
fn value_columns(body: &[LineInfo]) -> Vec<Col> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for info in body {
        if let Kind::Data(v) = info.kind {
            // (values one space apart may stand over several columns)
            spans.extend(
                info.frags[v..]
                    .iter()
                    .filter(|f| !values_apart(&f.text))
                    .map(|f| (f.x0, f.x1)),
            );
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

/// Where the value columns' cells start and end, for the columns whose values all say
/// the same: a tool laying cells on a grid pads each cell to its column, left- or
/// right-aligned, so every value of a column starts (or ends) at one place, and so does a
/// header cell as wide as the column.
struct Edges {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Edges {
    fn of(body: &[LineInfo], cols: &[Col]) -> Edges {
        let mut seen: Vec<(Vec<usize>, Vec<usize>)> = vec![(Vec::new(), Vec::new()); cols.len()];
        for info in body {
            if let Kind::Data(v) = info.kind {
                for f in &info.frags[v..] {
                    if let Some(j) = column_of(f, cols) {
                        seen[j].0.push(f.x0);
                        seen[j].1.push(f.x1);
                    }
                }
            }
        }
        let one = |xs: &[usize]| (xs.len() >= 2 && xs.iter().all(|&x| x == xs[0])).then(|| xs[0]);
        Edges {
            starts: seen.iter().filter_map(|(s, _)| one(s)).collect(),
            ends: seen.iter().filter_map(|(_, e)| one(e)).collect(),
        }
    }

    fn starts_at(&self, x: usize) -> bool {
        self.starts.contains(&x)
    }

    fn ends_at(&self, x: usize) -> bool {
        self.ends.contains(&x)
    }
}

/// Whether a header line is set as the values are: every piece over the values starting
/// at a column's start (`.0`; a piece running on from the corner over the values holds a
/// word at the first column's start: `Item 地区生产总值(GDP) 第一产业`), and every such piece
/// ending at a column's end (`.1`). See [`cut_at_edges`].
fn set_at_edges(frags: &[Frag], edges: &Edges, boundary: usize, in_chars: bool) -> (bool, bool) {
    let over = frags.iter().filter(|f| f.x1 > boundary);
    let at_starts = |f: &Frag| {
        edges.starts_at(f.x0)
            || (f.x0 < boundary && words_of(f, in_chars).iter().any(|w| w.0 == boundary))
    };
    (
        over.clone().all(at_starts),
        over.clone().all(|f| edges.ends_at(f.x1)),
    )
}

/// A header line's pieces cut where a word starts at a value column's start or ends at
/// its end (see [`Edges`]): the cells of a header row whose text fills its columns
/// stand one space apart (`全省Total Province Indices 城市Urban Indices`), and only the
/// columns' edges tell them apart. `set` says whether the line is set at the columns'
/// starts, at their ends ([`set_at_edges`]): a line is cut so only where it is set as
/// the values are, as a label centred over its columns may hold a word at an edge by
/// chance (`Seasonally adjusted (1)`). A piece with no word at an edge stays whole (a
/// cell spanning columns).
fn cut_at_edges(
    frags: &[Frag],
    edges: &Edges,
    (by_starts, by_ends): (bool, bool),
    in_chars: bool,
) -> Vec<Frag> {
    if !by_starts && !by_ends {
        return frags.to_vec();
    }
    frags
        .iter()
        .flat_map(|f| {
            cut_between_words(f, in_chars, |before, word| {
                (by_starts && edges.starts_at(word.0)) || (by_ends && edges.ends_at(before.1))
            })
        })
        .collect()
}

/// A piece cut between two words (`(x0, x1)` each, see [`words_of`]) where `cut(before,
/// word)` says so.
fn cut_between_words(
    f: &Frag,
    in_chars: bool,
    cut: impl Fn((usize, usize), (usize, usize)) -> bool,
) -> Vec<Frag> {
    let words = words_of(f, in_chars);
    let texts = word_texts(f);
    if words.len() < 2 || texts.len() != words.len() {
        return vec![f.clone()];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for to in 1..=words.len() {
        let end = to == words.len()
            || !goes_with_previous(texts[to - 1], texts[to])
                && cut(
                    (words[to - 1].0, words[to - 1].1),
                    (words[to].0, words[to].1),
                );
        if end {
            out.push(Frag {
                x0: words[from].0,
                x1: words[to - 1].1,
                text: texts[from..to].join(" "),
            });
            from = to;
        }
    }
    out
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

/// The words of a header piece standing over two or more value columns, when each word
/// stands over one column of its own and every column the piece covers has its word; or
/// its runs of words, one a column, where each starts exactly where a column's values
/// start (the first run at the first column's).
fn words_over_columns(f: &Frag, cols: &[Col], in_chars: bool) -> Option<Vec<Frag>> {
    if !f.text.contains(' ') {
        return None;
    }
    let spans = |x0: usize, x1: usize| -> Vec<usize> {
        (0..cols.len())
            .filter(|&j| overlap(x0, x1, cols[j].x0, cols[j].x1) > 0)
            .collect()
    };
    let covered = spans(f.x0, f.x1);
    if covered.len() < 2 {
        return None;
    }
    let words = piece_words(f, in_chars);
    // the i-th word over the i-th column the piece covers: alone, or beside the next
    // or the last one where the columns' spans overlap (a PDF's lines drift)
    let one_each = words.len() == covered.len()
        && words
            .iter()
            .zip(&covered)
            .all(|(w, &j)| spans(w.x0, w.x1).contains(&j));
    if one_each {
        return Some(words);
    }
    // several words a column (`1 qtr 2 qtr 3 qtr` over columns set one space apart): each
    // column's label starts where its values start, w3m setting both left
    let starts: Option<Vec<usize>> = covered
        .iter()
        .map(|&j| words.iter().position(|w| w.x0 == cols[j].x0))
        .collect();
    let starts = starts.filter(|s| s.first() == Some(&0) && s.windows(2).all(|w| w[0] < w[1]))?;
    let grouped = starts
        .iter()
        .enumerate()
        .map(|(g, &a)| {
            let b = starts.get(g + 1).copied().unwrap_or(words.len());
            let part = &words[a..b];
            Frag {
                x0: part[0].x0,
                x1: part[part.len() - 1].x1,
                text: part
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            }
        })
        .collect();
    Some(grouped)
}

/// True when a header word goes with the word before it, whatever their places: a year
/// after its month (`Sept. 2020`) and a bracketed word (`(Prov.)`, `(%)`); no label starts
/// so.
fn goes_with_previous(before: &str, word: &str) -> bool {
    let bracketed = word.starts_with(['(', '（']) && word.ends_with([')', '）']);
    let month = crate::outline::is_month_word(&before.trim_end_matches('.').to_ascii_lowercase());
    bracketed || month && crate::line_kind::year_of(word).is_some()
}

/// A header whose lowest line (`low`) is periods one space apart, as many as the value
/// columns, that do not stand over the columns one by one (`Nov. 2017 Nov. 2018 Nov. 2017
/// Nov. 2018` over four columns set wider): `pdftotext -layout` sets a line of a PDF by
/// its own glyphs, so the header keeps places of its own, off the values'. The periods
/// name the columns in order, and the labels above stand over the periods they head
/// (`Persons with a` / `disability` over the first two). Returns the header's pieces, each
/// period a piece, and the columns at the periods' places (each reaching halfway to the
/// next, so that a label centred over two stands over both); `None` unless every piece
/// of the lowest line is periods, one piece holds two or more, and those are in order.
fn periods_grid(
    units: &[(usize, Frag)],
    cols: &[Col],
    in_chars: bool,
    low: usize,
) -> Option<(Vec<(usize, Frag)>, Columns)> {
    let n = cols.len();
    let mut joined = false;
    let mut periods: Vec<Frag> = Vec::new();
    for (_, f) in units.iter().filter(|(li, _)| *li == low) {
        let words = piece_words(f, in_chars);
        let before = periods.len();
        let mut start: Option<usize> = None;
        for (k, w) in words.iter().enumerate() {
            let s = *start.get_or_insert(k);
            if crate::line_kind::year_of(&w.text).is_some() {
                periods.push(Frag {
                    x0: words[s].x0,
                    x1: w.x1,
                    text: word_texts(f)[s..=k].join(" "),
                });
                start = None;
            } else if !w.text.chars().all(|c| c.is_ascii_alphabetic() || c == '.') {
                return None;
            }
        }
        if start.is_some() {
            return None;
        }
        let held = periods.len() - before;
        // (not where a piece of as many words of letters stands over it: `July June July`
        // over `2008 2009 2009`, each period's month and year on two lines)
        let months_above = units.iter().any(|(li, a)| {
            *li + 1 == low
                && overlap(a.x0, a.x1, f.x0, f.x1) > 0
                && word_texts(a).len() == held
                && a.text
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '.' || c == ' ')
        });
        if months_above {
            return None;
        }
        joined |= held >= 2 && words_over_columns(f, cols, in_chars).is_none();
    }
    if !joined || n < 2 || periods.len() != n || periods.windows(2).any(|w| w[0].x1 > w[1].x0) {
        return None;
    }
    let spans: Vec<(usize, usize)> = periods.iter().map(|p| (p.x0, p.x1)).collect();
    let own = halfway_columns(&spans);
    let pieces = units
        .iter()
        .filter(|(li, _)| *li != low)
        .cloned()
        .chain(periods.into_iter().map(|p| (low, p)))
        .collect();
    Some((pieces, own))
}

/// Columns from the spans of their leaves where no value gives them a width: each
/// reaches halfway to the next, so that a label centred over two leaves stands over both.
fn halfway_columns(leaves: &[(usize, usize)]) -> Columns {
    let n = leaves.len();
    (0..n)
        .map(|k| Col {
            x0: if k == 0 {
                leaves[0].0
            } else {
                (leaves[k - 1].1 + leaves[k].0).div_ceil(2)
            },
            x1: if k + 1 == n {
                leaves[k].1
            } else {
                (leaves[k].1 + leaves[k + 1].0) / 2
            },
        })
        .collect()
}

/// The words of a piece one space apart, each at its place.
fn piece_words(f: &Frag, in_chars: bool) -> Vec<Frag> {
    words_of(f, in_chars)
        .into_iter()
        .zip(word_texts(f))
        .map(|((x0, x1, _), text)| Frag {
            x0,
            x1,
            text: text.to_string(),
        })
        .collect()
}

/// A word a CJK label may be: two CJK characters or more (a CJK label holds no space,
/// so such words one space apart are labels of their own).
fn cjk_word(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(is_cjk)
}

/// The labels of header words set one space apart, where each is a CJK word, alone or
/// followed by its English words (`福州市 fuzhou 厦门市 xiamen`): a bilingual label is
/// Chinese then English, so each CJK word starts a label. `None` unless every word is
/// either such a CJK word or a word holding no CJK character after one.
pub(crate) fn cjk_led_labels<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<Vec<String>> {
    let mut labels: Vec<String> = Vec::new();
    for w in words {
        if cjk_word(w) {
            labels.push(w.to_string());
        } else if w.chars().any(is_cjk) {
            return None;
        } else {
            let last = labels.last_mut()?;
            last.push(' ');
            last.push_str(w);
        }
    }
    Some(labels)
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

/// A header printed packed left, its lines the cells present in each header row (as
/// inscriptis sets them: each row's cells in consecutive columns, a cell spanning
/// columns taking one, the cells a span from above covers left out): the first line's
/// first cell stands over the row labels and spans down, so every cell of the lines under
/// it heads value columns, the one in the labels' place too (`项目  收入预算` over
/// `合计  财政拨款收入`). Read as rows of the cells present ([`super::header::rebuild`]),
/// where the cells allow one reading only; the corner is then that first cell alone.
/// A cell left blank stands where the row's next cell would: the columns' starts (the
/// corner's, then the value columns') with no piece there, before the row's last piece,
/// are empty cells (`      Male  Female        Male  Female` under `Item  Population
/// Percentage  Sex Ratio`); where the labels allow several readings then, the one the
/// rows' sums support is taken ([`super::reading_by_sums`]).
fn present_cells(
    corner: &mut Vec<(usize, Frag)>,
    head: &[LineInfo],
    cols: &[Col],
    body: &[LineInfo],
) -> Option<Tree> {
    let n = cols.len();
    let lines: Vec<(usize, &LineInfo)> = head
        .iter()
        .enumerate()
        .filter(|(_, i)| i.kind == Kind::Other && !i.frags.is_empty())
        .collect();
    let &(l0, first) = lines.first()?;
    let stub = corner.iter().find(|(li, _)| *li == l0)?.1.clone();
    if first.frags.first().map(|f| f.x0) != Some(stub.x0) || lines.len() < 2 {
        return None;
    }
    let starts: Vec<usize> = std::iter::once(stub.x0)
        .chain(cols.iter().map(|c| c.x0))
        .collect();
    let rows: Vec<HeaderRow> = lines
        .iter()
        .enumerate()
        .map(|(k, (_, info))| {
            let frags = &info.frags[usize::from(k == 0)..];
            let slots = &starts[usize::from(k == 0)..];
            let at: Option<Vec<usize>> = frags
                .iter()
                .map(|f| slots.iter().position(|&x| x == f.x0))
                .collect();
            let cells = match at {
                // every piece at a start, in order: the starts skipped are blank cells
                Some(at) if at.windows(2).all(|w| w[0] < w[1]) => {
                    let mut cells = vec![String::new(); at.last().map_or(0, |&a| a + 1)];
                    for (f, a) in frags.iter().zip(at) {
                        cells[a] = f.text.clone();
                    }
                    cells
                }
                _ => frags.iter().map(|f| f.text.clone()).collect(),
            };
            HeaderRow { cells, grid: false }
        })
        .collect();
    let c = super::header::rebuild(&rows, n)?;
    // (the rows' figures by column, read only where the header left several readings,
    // or where the reading taken claims sums)
    let sums = super::claimed_sums(&c.paths);
    let chosen = (c.ambiguous || !sums.is_empty())
        .then(|| {
            let values: Vec<Vec<Option<(f64, usize)>>> = body
                .iter()
                .filter_map(|i| match i.kind {
                    Kind::Data(v) => Some(&i.frags[v.min(i.frags.len())..]),
                    _ => None,
                })
                .map(|frags| {
                    let mut row = vec![None; n];
                    for f in frags {
                        let over = |c: usize| overlap(f.x0, f.x1, cols[c].x0, cols[c].x1);
                        if let Some(c) = (0..n).max_by_key(|&c| over(c)).filter(|&c| over(c) > 0) {
                            row[c] = super::number_of(&f.text);
                        }
                    }
                    row
                })
                .collect();
            if !c.ambiguous && !super::sums_contradict(&sums, &values) {
                return None;
            }
            let readings = if c.readings.is_empty() {
                super::header::rebuild_readings(&rows, n)
            } else {
                c.readings.clone()
            };
            super::reading_by_sums(&readings, &values)
        })
        .flatten();
    let paths = match chosen {
        Some(paths) => paths,
        None if c.ambiguous => return None,
        None => c.paths,
    };
    if paths.iter().any(Vec::is_empty) {
        return None;
    }
    let rows = super::header::grid_rows(&paths);
    let depth = rows.len();
    *corner = vec![(l0, stub)];
    Some(Tree {
        rows,
        lines: lines.iter().take(depth).map(|(_, i)| i.no).collect(),
        unplaced: 0,
    })
}

/// A header of two lines, `k` group labels over `k` runs of the same `n / k` leaves (`2008
/// 2009` over `零售总额 增长(%) 零售总额 增长(%)`), whose leaf line starts over the row labels:
/// pandoc and inscriptis drop the corner cell that spans both lines and print the leaves
/// from the corner's place on, so their places name the wrong columns. The leaves are the
/// `n` value columns' in order, each group label over one run: the repetition says so
/// where the places cannot. The leaf in the corner leaves it.
fn shifted_groups(
    corner: &mut Vec<(usize, Frag)>,
    units: &[(usize, Frag)],
    n: usize,
    head: &[LineInfo],
) -> Option<Tree> {
    let lines: std::collections::BTreeSet<usize> =
        corner.iter().chain(units).map(|(li, _)| *li).collect();
    let [top, low] = lines.into_iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let on = |li: usize, from: &[(usize, Frag)]| -> Vec<String> {
        let mut v: Vec<&Frag> = from
            .iter()
            .filter(|(l, _)| *l == li)
            .map(|(_, f)| f)
            .collect();
        v.sort_by_key(|f| f.x0);
        v.iter().map(|f| clean_label(&f.text)).collect()
    };
    // (a line alone is no such header: the one label over the row labels may be the
    // stub's, and a label of another column joined to its neighbour by one space)
    let shifted = on(low, corner);
    if shifted.len() != 1 {
        return None;
    }
    let mut labels = on(top, units);
    let k = labels.len();
    labels.extend(shifted);
    labels.extend(on(low, units));
    let paths = super::header::repeated_reading(&labels, n)?.paths;
    corner.retain(|(l, _)| *l != low);
    let p = n / k;
    let mut rows = vec![vec![String::new(); n]; 2];
    for (c, path) in paths.into_iter().enumerate() {
        if c % p == 0 {
            rows[0][c] = path[0].clone();
        }
        rows[1][c] = path[1].clone();
    }
    Some(Tree {
        rows,
        lines: vec![head[top].no, head[low].no],
        unplaced: 0,
    })
}

fn header_tree(
    units: &[(usize, Frag)],
    cols: &[Col],
    align: Align,
    in_chars: bool,
    head: &[LineInfo],
) -> Tree {
    // `units` index the header lines `head`
    let blank_at: Vec<bool> = head.iter().map(|i| i.kind == Kind::Blank).collect();
    let line0 = head.first().map_or(0, |h| h.no);
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
    let low = units.iter().map(|(li, _)| *li).max().unwrap_or(0);
    if let Some((units, own)) = periods_grid(units, cols, in_chars, low) {
        return header_tree(&units, &own, align, in_chars, head);
    }
    // 0. on the lowest line, a piece whose words each stand over a column of their own,
    // one word a column, is that many labels set one space apart (w3m sets a column as
    // wide as its widest value: `本月 累计` over `12.9 11.8`)
    let split: Vec<(usize, Frag)> = units
        .iter()
        .flat_map(|(li, f)| {
            let words = (*li == low)
                .then(|| words_over_columns(f, cols, in_chars))
                .flatten();
            words
                .unwrap_or_else(|| vec![f.clone()])
                .into_iter()
                .map(move |w| (*li, w))
        })
        .collect();
    // a header line of CJK labels one space apart, as many as the value columns, names
    // them in order, wherever the PDF set its words (`pdftotext -layout` places a wide
    // glyph on a one-character grid, so a line of them drifts off the values; lynx joins
    // the cells of a header wider than the screen by one space): a CJK label holds no
    // space, each may be followed by its English half, and a line with a label over
    // every column spans none
    // (a line under it of as many words, each one or two CJK characters, ends them: a
    // label wrapped in a narrow column, `上旬平 中旬平 …` over `均 均 …`)
    fn words(own: &[(usize, Frag)]) -> Vec<&str> {
        own.iter().flat_map(|(_, f)| word_texts(f)).collect()
    }
    let lines_of: Vec<&[(usize, Frag)]> = split.chunk_by(|a, b| a.0 == b.0).collect();
    let mut named: Vec<(usize, Frag)> = Vec::with_capacity(split.len());
    let mut k = 0;
    while k < lines_of.len() {
        let own = lines_of[k];
        let line = own[0].0;
        let labels = cjk_led_labels(words(own)).filter(|l| n >= 2 && l.len() == n);
        // (with such a line under it, its words are as many as the columns on both lines,
        // however the line was cut)
        let tails = labels.as_ref().and_then(|labels| {
            lines_of
                .get(k + 1)
                .filter(|next| next[0].0 == line + 1)
                .map(|next| words(next))
                .filter(|t| {
                    t.len() == n
                        && labels.iter().all(|l| cjk_word(l))
                        && t.iter()
                            .all(|w| w.chars().count() <= 2 && w.chars().any(is_cjk))
                })
        });
        let Some(mut labels) = labels.filter(|_| own.len() < n || tails.is_some()) else {
            named.extend(own.iter().cloned());
            k += 1;
            continue;
        };
        if let Some(tails) = tails {
            for (l, t) in labels.iter_mut().zip(&tails) {
                l.push_str(t);
            }
            k += 1;
        }
        named.extend(labels.into_iter().zip(cols).map(|(w, c)| {
            let f = Frag {
                x0: c.x0,
                x1: c.x1,
                text: w,
            };
            (line, f)
        }));
        k += 1;
    }
    let split = named;
    let units = &split[..];
    // each column as wide as its values and the lowest label over it alone
    let mut extent: Vec<(usize, usize)> = cols.iter().map(|c| (c.x0, c.x1)).collect();
    let mut leafed = vec![false; n];
    for (_, f) in units.iter().filter(|(li, _)| *li == low) {
        if let (set, false) = colset(f.x0, f.x1, cols, align)
            && let [j] = set[..]
        {
            extent[j] = (extent[j].0.min(f.x0), extent[j].1.max(f.x1));
            leafed[j] = true;
        }
    }
    // a header whose leaves stand on its lowest line, one over each column, and whose
    // every label above them is centred over columns (lynx and w3m centre a header cell
    // over its span): such a label heads the columns it is centred over, though it may
    // overlap only the middle of them (`employed` over `thousand persons | previous
    // quarter = 100%`)
    let centred: Vec<Option<Vec<usize>>> = units
        .iter()
        .map(|(li, f)| (*li < low).then(|| centred_run(f, &extent)).flatten())
        .collect();
    let all_centred = leafed.iter().all(|&l| l)
        && units
            .iter()
            .zip(&centred)
            .all(|((li, _), c)| *li == low || c.is_some());
    // 1. join the pieces of cells wrapped over several lines
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&u| (units[u].0, units[u].1.x0));
    let pieces: Vec<Unit> = order
        .iter()
        .map(|&u| {
            let (li, f) = (&units[u].0, &units[u].1);
            let (cols, weak) = match &centred[u] {
                Some(run) if all_centred => (run.clone(), false),
                _ => colset(f.x0, f.x1, cols, align),
            };
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
    // the nearest piece over piece `d` (pieces are in line order: those above come first)
    let above = |d: usize| {
        let dp = &pieces[d];
        (0..d)
            .filter(|&k| {
                pieces[k].top < dp.top && overlap(pieces[k].x0, pieces[k].x1, dp.x0, dp.x1) > 0
            })
            .max_by_key(|&k| pieces[k].top)
    };
    let wrap_of = |d: usize| -> Option<usize> {
        let dp = &pieces[d];
        let u = above(d)?;
        let up = &pieces[u];
        let no_blank = !blank_at[up.top + 1..dp.top].iter().any(|&b| b);
        // one column; a column found only by the nearest numbers cannot tell
        let guess = align == Align::Unknown && (up.weak || dp.weak);
        let same = up.cols == dp.cols || guess;
        // a lower line that goes on with the upper's words: it starts with a small letter
        // (`of` under `Percent`, `cultural` under `Nonagri-`; a label starts with a
        // capital)
        let goes_on = dp.text.starts_with(|c: char| c.is_ascii_lowercase())
            && up
                .text
                .ends_with(|c: char| c.is_ascii_alphabetic() || c == '-');
        // the lines of one cell start, centre or end at the same place
        // and a wrapped line is no wider than the full line above it (but for a line
        // going on with the words above: a header set by hand, `tutional` /
        // `population`, breaks where its writer chose)
        // (or a label's second language under it: Chinese over English, `工业` /
        // `Industry`, wider or not)
        let second_language = second_language(&up.text, &dp.text);
        let centred = (up.x0 + up.x1).abs_diff(dp.x0 + dp.x1) <= 2;
        // (the end of a cell over several columns, on the next line within its width,
        // alone there, words of letters going on with its words or centred under it:
        // `years)` under `Index (2007 as percentage of the following`, `Rate` under
        // `Average Growth`; a row of cells under it would cover all its columns)
        let same = same
            || dp.top == up.top + 1
                && !dp.text.chars().any(is_cjk)
                && dp.x0 >= up.x0
                && dp.x1 <= up.x1
                && (goes_on || centred)
                && !pieces.iter().any(|o| {
                    o.top == dp.top && o.x0 != dp.x0 && overlap(o.x0, o.x1, up.x0, up.x1) > 0
                });
        // (Chinese characters are all one width: a wrapped line of them holds no more
        // than the line above, however a PDF's text places them, `收入` over `决算数` is
        // two labels; a column's slack is for words of letters)
        let chinese = |t: &str| !t.chars().any(|c| c.is_ascii_alphanumeric());
        let more_characters = chinese(&up.text)
            && chinese(&dp.text)
            && dp.text.chars().count() > up.text.chars().count();
        let lined = (up.x0.abs_diff(dp.x0) <= 1 || centred || up.x1.abs_diff(dp.x1) <= 1)
            && (dp.x1 - dp.x0 <= up.x1 - up.x0 + 1 && !more_characters
                || goes_on
                || second_language);
        if !(no_blank && dp.top - up.top <= 3 && same && lined) {
            return None;
        }
        // A piece beside the lower one with nothing over it would be headed by the
        // upper piece: then the upper piece is a parent, not the start of a wrap. Not
        // where the lower goes on with the upper's words: a header set bottom up, as
        // hand-set releases are, leaves nothing over the short labels beside.
        let (lo, hi) = (dp.cols[0], dp.cols[dp.cols.len() - 1]);
        let orphan = !goes_on
            && pieces.iter().any(|nb| {
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
    let mut wraps: Vec<Option<usize>> = (0..pieces.len()).map(wrap_of).collect();
    // A lowest line with one piece under each column, one of which cannot end the cell
    // above it (it is wider: `change in thousands` under `May to June 2023`), is a
    // header row of its own, a units row under the labels (`thousands` under `May
    // 2023`): a tool wraps some labels of a row, and one line of the header is either
    // the cells' row or the cells' ends, not both.
    let lowest: Vec<usize> = (0..pieces.len())
        .filter(|&d| pieces[d].top == low)
        .collect();
    let one_each = lowest.len() == n
        && lowest
            .iter()
            .enumerate()
            .all(|(j, &d)| pieces[d].cols == [j]);
    // (each stands under a piece; English under Chinese is one label's second language)
    let rows_of_their_own = lowest
        .iter()
        .all(|&d| above(d).is_some_and(|u| !second_language(&pieces[u].text, &pieces[d].text)));
    if one_each && n >= 2 && rows_of_their_own && lowest.iter().any(|&d| wraps[d].is_none()) {
        for &d in &lowest {
            wraps[d] = None;
        }
    }
    let mut cell_of: Vec<usize> = Vec::with_capacity(pieces.len());
    let mut cells: Vec<Unit> = Vec::new();
    for (d, f) in pieces.iter().enumerate() {
        match wraps[d] {
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
        // a cell given the column only as the nearest (it stands over no value: the
        // header of a column printing none, `附属单位上缴收入` beside `其他收入`) is no leaf
        // of a column that a cell beside it, not over or under it, stands over
        if let Some(k) = *slot
            && cells[k].weak
        {
            let beside = cells
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.cols.contains(&j)
                        && !c.weak
                        && overlap(c.x0, c.x1, cells[k].x0, cells[k].x1) == 0
                })
                .max_by_key(|(_, c)| c.bottom)
                .map(|(i, _)| i);
            if beside.is_some() {
                *slot = beside;
            }
        }
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
        } else if let Some((last, words)) = labels_one_space_apart(&cells[k], j, b, cols, &leaf_of)
        {
            // narrow columns whose labels pdftotext set one space apart
            is_leaf[k] = true;
            nodes.extend(words);
            j = last.max(b) + 1;
            continue;
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
        nodes = attach(&parents[p..q], nodes, !in_chars, &mut tree.unplaced);
        p = q;
    }
    let nodes = own_columns_heading_lower(nodes, cols);
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
    by_repetition(&mut rows);
    tree.rows = rows;
    tree.lines = lines;
    tree
}

/// A label heading a column of its own whose text runs on over the next columns, where
/// the labels of those columns stand on lower lines under it (`Population (person)` over
/// `Male  Female`, its own column the total): a tool sets a column as wide as its cells,
/// so text reaching over other columns spans them. The label, set from its own column's
/// start, heads them too, and its own column has no label under it. Top-level nodes
/// only, in column order.
fn own_columns_heading_lower(nodes: Vec<Node>, cols: &[Col]) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(nodes.len());
    let mut rest = nodes.into_iter().peekable();
    while let Some(mut node) = rest.next() {
        // (set from its column, as a tool laying cells on a grid sets a cell's text; a
        // caption over the whole table starts left of its columns)
        let own = &cols[node.a.min(cols.len() - 1)];
        if node.children.is_empty() && node.x0 + 1 >= own.x0 && node.x0 < own.x1 {
            // (the next label, on a lower line, over columns the text reaches)
            let reaches = |node: &Node, next: &Node| {
                next.a == node.b + 1
                    && next.top > node.bottom
                    && (next.a..=next.b)
                        .all(|c| overlap(node.x0, node.x1, cols[c].x0, cols[c].x1) > 0)
            };
            while let Some(next) = rest.next_if(|next| reaches(&node, next)) {
                node.b = next.b;
                node.children.push(next);
            }
        }
        out.push(node);
    }
    out
}

/// Two header rows, `k` group labels over `k` runs of the same leaves (`2013 2014 2015`
/// over `1 qtr … 4 qtr` three times): each label heads one run, in order, wherever it
/// stands (a label centred over its run reaches over no more than a column or two, and
/// its place had split the runs 1 / 2 / 5 / 4). `rows` hold each label at its span's
/// first column, a leaf with no label over it in the top row.
fn by_repetition(rows: &mut [Vec<String>]) {
    let [top, low] = rows else {
        return;
    };
    let n = low.len();
    // the group labels, then each column's leaf, as [`super::header::repeated_reading`]
    // reads them
    let mut labels: Vec<String> = (0..n)
        .filter(|&c| !low[c].is_empty() && !top[c].is_empty())
        .map(|c| top[c].clone())
        .collect();
    labels.extend((0..n).map(|c| {
        if low[c].is_empty() {
            top[c].clone()
        } else {
            low[c].clone()
        }
    }));
    if labels.iter().any(|l| l.is_empty()) {
        return;
    }
    let Some(read) = super::header::repeated_reading(&labels, n) else {
        return;
    };
    let p = n / (labels.len() - n);
    for (c, path) in read.paths.into_iter().enumerate() {
        let [group, leaf] = <[String; 2]>::try_from(path).unwrap_or_default();
        top[c] = if c % p == 0 { group } else { String::new() };
        low[c] = leaf;
    }
}

/// A header line under another that is its label in a second language: Chinese over
/// English (`工业` / `Industry`).
fn second_language(up: &str, down: &str) -> bool {
    up.chars().any(crate::normalize::is_cjk)
        && !up.chars().any(|c| c.is_ascii_alphabetic())
        && down.starts_with(|c: char| c.is_ascii_alphabetic())
        && !down.chars().any(crate::normalize::is_cjk)
}

/// The narrowest run of columns a header piece is centred over, to a column, among
/// those holding the columns it overlaps (columns `extent`: their values and the leaf
/// over each).
fn centred_run(f: &Frag, extent: &[(usize, usize)]) -> Option<Vec<usize>> {
    let over: Vec<usize> = (0..extent.len())
        .filter(|&j| overlap(f.x0, f.x1, extent[j].0, extent[j].1) > 0)
        .collect();
    let (&s0, &s1) = (over.first()?, over.last()?);
    let mid = f.x0 + f.x1;
    let centre = |a: usize, b: usize| extent[a].0 + extent[b].1;
    if mid.abs_diff(centre(s0, s1)) <= 2 {
        return Some(over);
    }
    let n = extent.len();
    for width in s1 - s0 + 2..=n {
        let first = (s1 + 1).saturating_sub(width);
        for a in first..=s0.min(n - width) {
            let b = a + width - 1;
            if mid.abs_diff(centre(a, b)) <= 2 && f.x1 - f.x0 < extent[b].1 - extent[a].0 {
                return Some((a..=b).collect());
            }
        }
    }
    None
}

/// The leaves of a one-line header cell that holds the labels of several narrow columns set
/// one space apart (`基本支出 项目支出`): pdftotext keeps them in one text piece, which stands
/// over the columns `a..=b` it overlaps and reaches past them towards columns over which no
/// header text stands at all. Split only where the words are CJK, two characters or more each,
/// and are exactly as many as those columns together, one or more of them unheaded; a label
/// holding a space over one column (`Total employed`), a piece already over as many columns
/// as it has words (a leaf beside a spanning parent, `自然人 法人或其他组织`: which of them
/// spans is not told by the words) or one whose neighbours are headed stays whole.
fn labels_one_space_apart(
    c: &Unit,
    a: usize,
    b: usize,
    cols: &[Col],
    leaf_of: &[Option<usize>],
) -> Option<(usize, Vec<Node>)> {
    if c.top != c.bottom || c.weak || c.text.contains("  ") {
        return None;
    }
    let words: Vec<&str> = c.text.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < 2 || !words.iter().all(|w| cjk_word(w)) {
        return None;
    }
    // the piece heads fewer columns than it names: the rest stand beside it, unheaded
    let extra = words.len().checked_sub(b - a + 1).filter(|&e| e > 0)?;
    let unheaded = |r: std::ops::Range<usize>| r.clone().all(|j| leaf_of.get(j) == Some(&None));
    let first = if b + extra < cols.len() && c.x1 > cols[b].x1 && unheaded(b + 1..b + extra + 1) {
        a
    } else if a >= extra && c.x0 < cols[a].x0 && unheaded(a - extra..a) {
        a - extra
    } else {
        return None;
    };
    // each word's place, in proportion to its characters within the piece
    let total = c.text.chars().count().max(1);
    let width = c.x1.saturating_sub(c.x0);
    let mut at = 0;
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let start = at + c.text.chars().skip(at).take_while(|&ch| ch == ' ').count();
        at = start + w.chars().count();
        out.push(Node {
            text: clean_label(w),
            a: first + i,
            b: first + i,
            x0: c.x0 + width * start / total,
            x1: c.x0 + width * at / total,
            top: c.top,
            bottom: c.bottom,
            children: Vec::new(),
        });
    }
    Some((first + words.len() - 1, out))
}

/// True when `next`, a line of Latin words only, continues the bilingual label `label`
/// (CJK, then English words it wraps: `福州市辖区 District under` / `Fuzhou`).
fn english_half(label: &str, next: &str) -> bool {
    label.chars().any(is_cjk)
        && label.ends_with(|ch: char| ch.is_ascii_alphabetic())
        && next.chars().any(|ch| ch.is_ascii_alphabetic())
        && !next.chars().any(is_cjk)
}

/// True when a label holds CJK and ends in its English half (`福州市 Fuzhou`).
fn english_ended(label: &str) -> bool {
    let english = label.rsplit(is_cjk).next().unwrap_or_default();
    english.len() < label.len()
        && english.contains(|ch: char| ch.is_ascii_alphabetic())
        && label.ends_with(|ch: char| ch.is_ascii_alphabetic() || ch == ')')
}

/// A Chinese character (no CJK punctuation or full-width form).
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Lets the cells of one line head the nodes below them.
fn attach(parents: &[&Unit], nodes: Vec<Node>, placed: bool, unplaced: &mut usize) -> Vec<Node> {
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
    // the outer ends, which no parent beside competes for: where the parent stands over
    // two or more of its free nodes at their first column or centred over them, those
    // (`Employed`, centred over its four columns, is no parent of the two left of them
    // that stand free at its height); the best fit, the farthest of equals. Elsewhere as
    // far as it may reach (a parent over columns that print no value fits none), and in
    // text measured in characters (`placed` false), a PDF's, whose lines of wide
    // characters are set closer than its values: pdftotext sets a header label where it
    // fits, not centred over its span.
    const FITS: usize = 2;
    if let (true, Some(&first), Some(&last)) = (placed, order.first(), order.last()) {
        let w = order.len() - 1;
        let (lo, _, left, _) = reach[first].unwrap_or_default();
        let (_, hi, _, right) = reach[last].unwrap_or_default();
        // (the first parent's end and the last's start, where there are two or more)
        let (a0, b0) = (range[0].1, range[w].0);
        if w == 0 {
            if let Some((_, a, std::cmp::Reverse(b))) = (left..=lo)
                .flat_map(|a| (hi.max(a + 1)..=right).map(move |b| (a, b)))
                .map(|(a, b)| (misfit(parents[first], a, b), a, std::cmp::Reverse(b)))
                .min()
                .filter(|f| f.0 <= FITS)
            {
                range[0] = (a, b);
            }
        } else {
            if let Some((_, a)) = (left..=lo)
                .filter(|&a| a < a0)
                .map(|a| (misfit(parents[first], a, a0), a))
                .min()
                .filter(|f| f.0 <= FITS)
            {
                range[0].0 = a;
            }
            if let Some((_, std::cmp::Reverse(b))) = (hi..=right)
                .filter(|&b| b > b0)
                .map(|b| (misfit(parents[last], b0, b), std::cmp::Reverse(b)))
                .min()
                .filter(|f| f.0 <= FITS)
            {
                range[w].1 = b;
            }
        }
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
    /// Labels alone on a line before a row that no row takes by its place (a group printed
    /// in the rows' own column, its indentation lost): (line, label column, text), rows
    /// printing no value for [`super::build`] to read as group rows.
    groups: Vec<(u32, usize, String)>,
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
    /// Some piece sits on a data line: the cell is that row's label.
    on_data: bool,
    tail_len: usize,
    /// Where the last piece ends, and where the room on its line ends: the next label
    /// piece right of it on that line, or the label area's right edge.
    tail_x1: usize,
    tail_room: usize,
    /// The most characters of one of its pieces.
    widest: usize,
}

impl LabelCell {
    /// The piece `f` on line `k` continues the cell; `room` is where the room on its
    /// line ends.
    fn extend(&mut self, f: &Frag, k: usize, on_data: bool, room: usize) {
        let len = f.text.chars().filter(|c| !c.is_whitespace()).count();
        push_label(&mut self.text, &f.text);
        self.last = k;
        self.tail_on_data = on_data;
        self.on_data |= on_data;
        self.tail_len = len;
        self.tail_x1 = f.x1;
        self.tail_room = room;
        self.widest = self.widest.max(len);
    }
}

/// Notes the label cells of a row left out (`labels`) in `left`: each column's label,
/// the columns right of a label printed cleared, as the rows under it inherit them.
fn carry_labels(left: &mut [String], labels: &[String]) {
    if let Some(first) = labels.iter().position(|c| !c.is_empty()) {
        for (k, slot) in left.iter_mut().enumerate().skip(first) {
            *slot = labels.get(k).cloned().unwrap_or_default();
        }
    }
}

/// Gives a row kept the labels of the rows left out above it (`left`) that it would have
/// inherited: those of the columns before its own first label (a row printing none takes
/// the groups, not the last label: it is no second row of that name), then forgets them.
fn take_left_labels(left: &mut [String], labels: &mut [String]) {
    let first = labels
        .iter()
        .position(|c| !c.is_empty())
        .or_else(|| left.iter().rposition(|c| !c.is_empty()))
        .unwrap_or(0);
    for (k, slot) in labels.iter_mut().enumerate().take(first) {
        if !left[k].is_empty() {
            *slot = std::mem::take(&mut left[k]);
        }
    }
    left.iter_mut().for_each(String::clear);
}

fn row_labels(
    body: &[LineInfo],
    boundary: usize,
    in_chars: bool,
    header_texts: &[String],
    corner_texts: &[String],
    warnings: &mut Vec<Warning>,
) -> Labels {
    let is_data = |k: usize| matches!(body[k].kind, Kind::Data(_));
    // label fragments: left of the value columns
    let mut pieces: Vec<(usize, Frag)> = Vec::new();
    // band lines over the values, which head the rows below them as section lines do
    let mut bands: Vec<(usize, String)> = Vec::new();
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
        if info.kind == Kind::Other && band_line(body, k, boundary) {
            bands.push((k, clean_label(&frags[0].text)));
            continue;
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
    let pieces = cut_at_label_columns(pieces, in_chars);
    let label_right = pieces.iter().map(|(_, f)| f.x1).max().unwrap_or(0);
    // a section line (`NUMBER OF UNEMPLOYED`): a lone unnumbered label on a line without
    // values, indented further than the label under it, as a heading is centred over
    // the rows; it heads the rows down to the next one in a column of its own
    let mut section: Vec<bool> = vec![false; pieces.len()];
    // a label wrapped with a hanging indent of one column (` temporary jobs....`): its
    // first line ends where the next word would not have fitted in the label area
    let mut hanging: Vec<bool> = vec![false; pieces.len()];
    for (p, (k, f)) in pieces.iter().enumerate() {
        let alone = |p: usize| {
            let k = pieces[p].0;
            body[k].kind == Kind::Other
                && (p == 0 || pieces[p - 1].0 != k)
                && pieces.get(p + 1).is_none_or(|(n, _)| *n != k)
        };
        if p > 0 && alone(p - 1) && pieces[p - 1].0 + 1 == *k {
            let q = &pieces[p - 1].1;
            let word: usize = f
                .text
                .split(' ')
                .next()
                .map_or(0, |w| w.chars().map(width).sum());
            hanging[p] = q.x0 + 1 == f.x0
                && !q.text.ends_with([':', '：'])
                && scan_outline(&q.text).is_none()
                && q.x1 + 1 + word > label_right;
        }
        if alone(p) && scan_outline(&f.text).is_none() {
            let next = pieces[p + 1..].iter().find(|(n, _)| *n > *k);
            section[p] = next.is_some_and(|(n, g)| {
                g.x0 + 2 <= f.x0 && !(*n == *k + 1 && english_half(&f.text, &g.text))
            });
        }
    }
    let mut sections: Vec<(usize, String)> = pieces
        .iter()
        .zip(&section)
        .filter(|(_, s)| **s)
        .map(|((k, f), _)| (*k, clean_label(&f.text)))
        .collect();
    sections.extend(bands);
    sections.sort_unstable();
    let pieces: Vec<(usize, Frag, bool)> = pieces
        .into_iter()
        .zip(section.iter().zip(&hanging))
        .filter(|(_, (s, _))| !**s)
        .map(|((k, f), (_, h))| (k, f, *h))
        .collect();
    // label columns by where the pieces start
    let mut starts: Vec<usize> = pieces
        .iter()
        .filter(|(_, _, h)| !h)
        .map(|(_, f, _)| f.x0)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    // every start is a column: indentation steps of one column are levels too (a label
    // wrapped with a hanging indent was set apart above)
    let col_starts = starts;
    let col_of = |x: usize| col_starts.iter().rposition(|&s| s <= x).unwrap_or(0);
    // cells per column
    let mut cells: Vec<LabelCell> = Vec::new();
    let mut open: Vec<Option<usize>> = vec![None; col_starts.len()];
    // the column of the last label numbered in each scheme, and its number
    let mut numbered_at: HashMap<crate::outline::Scheme, (u32, usize)> = HashMap::new();
    // where the last numbered label was set, and the column its numbering gave it
    let mut moved: Option<(usize, usize)> = None;
    // the room on the line of piece `p`: up to the next label piece on its line (pieces
    // are in line order, left to right), or the label area's right edge
    let room = |p: usize| {
        pieces
            .get(p + 1)
            .filter(|(n, _, _)| *n == pieces[p].0)
            .map_or(label_right, |(_, g, _)| g.x0)
    };
    // lines printing a label piece (a row of values alone may sit between the lines of
    // its wrapped label)
    let mut labelled = vec![false; body.len()];
    for (k, _, _) in &pieces {
        labelled[*k] = true;
    }
    for (p, (k, f, h)) in pieces.iter().enumerate() {
        // the English half of a bilingual label wrapped onto a line of its own, set where
        // the cell starts, before the label's indentation (w3m: `　　福州市辖区 District
        // under` / `Fuzhou`): a line printing Latin words only, under a label on the line
        // above holding CJK and ending in Latin, continues it
        if !is_data(*k)
            && p > 0
            && pieces[p - 1].0 + 1 == *k
            && let Some(cell) = cells.last_mut()
            && cell.last + 1 == *k
            && english_half(&cell.text, &f.text)
        {
            cell.extend(f, *k, false, room(p));
            continue;
        }
        let mut c = if *h { col_of(f.x0 - 1) } else { col_of(f.x0) };
        // a label numbered next after a label of its scheme (`三、` after `二、`) is that
        // label's sibling, in its column, however the text indents it (pdftotext sets
        // the labels of one column a few places apart)
        let outline = scan_outline(&f.text)
            .map(|o| o.scheme)
            .zip(outline_value(&f.text));
        if let Some((scheme, v)) = outline
            && !*h
        {
            let own = c;
            if let Some(&(prev, col)) = numbered_at.get(&scheme)
                && prev + 1 == v
            {
                c = col;
            }
            numbered_at.insert(scheme, (v, c));
            // the column's unnumbered labels set at the same place (the last line of a
            // wrapped label, a total under the series) stand in it too
            moved = (c != own).then_some((f.x0, c));
        } else if let Some((x0, col)) = moved
            && f.x0 == x0
            && outline.is_none()
        {
            c = col;
        }
        // a total indented past the row right above it (a row of its own: numbered, or
        // printing values), with no row after it at its indentation, is no child of that
        // row: a total adds up rows at its level, and a group of itself alone adds up
        // nothing; it stands at that row's level (pdftotext centres it in its cell)
        let total = is_data(*k) && scan_outline(&f.text).is_none() && is_total(&f.text);
        if total {
            let above = cells
                .last()
                .filter(|cell| cell.col < c)
                .filter(|cell| scan_outline(&cell.text).is_some() || cell.on_data)
                .map(|cell| cell.col);
            let next = pieces[p + 1..].iter().find(|(n, _, nh)| *n > *k && !nh);
            let alone = next.is_none_or(|(_, g, _)| col_of(g.x0) < c);
            if let Some(a) = above
                && alone
            {
                c = a;
            }
        }
        let numbered = scan_outline(&f.text).is_some();
        let len = f.text.chars().filter(|c| !c.is_whitespace()).count();
        // a cell wraps where its next character or word no longer fits on the line: a
        // row's label line ending with room left for the start of the piece under it was
        // not wrapped (`二、事业收入` over `使用非财政拨款结余`, two rows;
        // `机关事业单位职业年金缴费支` over `出`, one). Only where one of the two is a row's
        // label (a group label spanning rows may stand in a column narrower than the
        // label area: `（三）不` / `予公开`) and a line of the label holds three characters
        // or more (a label written down a narrow column sets one or two a line: `三、` /
        // `本`; a wrapped one may end in one: `…缴费支` / `出`)
        let first_unit: usize = match f.text.chars().next() {
            Some(ch) if ch.is_ascii() => f
                .text
                .split(' ')
                .next()
                .map_or(0, |w| w.chars().map(width).sum()),
            // (one column a character in text measured in characters)
            Some(_) if in_chars => 1,
            Some(ch) => width(ch),
            None => 0,
        };
        // a total's label is whole: it continues no label above it, nor does a line
        // below continue it
        let cont = open[c].is_some_and(|ci| {
            let cell = &cells[ci];
            let gap_blank = (cell.last + 1..*k).any(|m| body[m].kind == Kind::Blank);
            let closed = cell.on_data && scan_outline(&cell.text).is_none() && is_total(&cell.text);
            // (two label lines printing no value tell so too where no label stands right
            // of the upper one: the label area is then one column, no narrower one
            // holding a group that spans rows, `本地生产总值①` over `以1996年不变价格计算`)
            let one_column = !pieces.iter().any(|(_, g, _)| g.x0 >= cell.tail_x1);
            let room_left = (cell.tail_on_data || is_data(*k) || one_column)
                && cell.widest >= 3
                && cell.tail_x1 + first_unit + 1 < cell.tail_room;
            // a label on a line of its own heads the rows under it: a label after one of
            // those rows starts anew (`工业生产`, its row, then `建筑`; not a label written
            // down a narrow column, one or two characters a line: `三、` / `本` / `年`, nor
            // one wrapped around the line of its values)
            let headed = !cell.on_data
                && cell.widest >= 3
                && (cell.last + 1..*k).any(|m| is_data(m) && labelled[m]);
            // nor does a year on a line of its own, after a row's line, over rows
            // indented under it (`Weight  429 …` / `2006` / `    Mar Qtr …`): it heads
            // them (the end of a wrapped label may stand so too, `other communications` /
            // `services` over `  Medical services`: only a year is read so, or English
            // words opening on a capital after a label in lower case, which goes on in
            // lower case where it wraps: `Alcoholic beverages and tobacco products` /
            // `Special aggregates` / `    Energy`)
            let english_head = !cell.text.chars().any(is_cjk)
                && !f.text.chars().any(is_cjk)
                && f.text.starts_with(|ch: char| ch.is_ascii_uppercase())
                && cell.text.ends_with(|ch: char| ch.is_ascii_lowercase());
            let heads = !is_data(*k)
                && (crate::line_kind::year_of(&f.text).is_some() || english_head)
                && cell.tail_on_data
                && (*k + 1..body.len())
                    .find(|&m| is_data(m) && labelled[m])
                    .is_some_and(|m| body[m].frags[0].x0 > f.x0 + 1);
            // nor does a label starting with a Chinese character continue a bilingual
            // label whose English half has begun: a label is Chinese, then English
            // (`福州市辖区 District under Fuzhou` over `鼓楼区 Gulou`)
            let after_english = english_ended(&cell.text) && f.text.starts_with(is_ideograph);
            // but English words in lower case on a line printing no value go on the label
            // above, whatever the room left or the rows between: pdftotext sets a label
            // spanning rows at its cell's middle, wrapped at the cell's width, its lines
            // among the rows' (`Both sexes, 65 years and` / a row / `over`): only rows'
            // lines between the two, no label line of their own
            let english = !cell.text.chars().any(is_cjk);
            let lower_case = english
                && !is_data(*k)
                && f.text.starts_with(|ch: char| ch.is_ascii_lowercase())
                && cell.text.ends_with(|ch: char| ch.is_ascii_alphabetic())
                && (cell.last + 1..*k).all(is_data);
            // and English words in capitals after rows' lines start a label of their own
            // (`Both sexes, 65 years and` under the rows `TOTAL, 16 years and` / `over`
            // stands among)
            let capital_after_rows = english
                && f.text.starts_with(|ch: char| ch.is_ascii_uppercase())
                && (cell.last + 1..*k).any(is_data);
            // and a label line padded past the label area to the values' (a tool that pads
            // every row to the table's width) is a row whose value cells are empty, not a
            // cell's first line
            // (English words in lower case under it go on with it all the same: a page
            // printed padded to its width, `Job losers and persons who completed` /
            // `temporary jobs`)
            let goes_on = f.text.starts_with(|ch: char| ch.is_ascii_lowercase())
                && cell.text.ends_with(|ch: char| ch.is_ascii_alphabetic());
            let padded = !cell.on_data && body[cell.last].reach > boundary && !goes_on;
            // (so is such a line right after a row's line: a row of its own, not the end
            // of that row's label)
            let padded_row =
                cell.tail_on_data && !is_data(*k) && body[*k].reach > boundary && !goes_on;
            let starts = !lower_case && (room_left || headed || heads)
                || padded
                || padded_row
                || numbered
                || total
                || closed
                || after_english
                || capital_after_rows;
            !starts
                && *k - cell.last <= 3
                && !(cell.on_data && is_data(*k))
                && !(gap_blank && (len > 2 || cell.tail_len > 2))
        });
        match open[c] {
            Some(ci) if cont => cells[ci].extend(f, *k, is_data(*k), room(p)),
            _ => {
                cells.push(LabelCell {
                    text: f.text.clone(),
                    col: c,
                    first: *k,
                    last: *k,
                    tail_on_data: is_data(*k),
                    on_data: is_data(*k),
                    tail_len: len,
                    tail_x1: f.x1,
                    tail_room: room(p),
                    widest: len,
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
            // where the row above the run prints its label in this column, its rows carry
            // that label down: a label below all of them heads none (a row printing no
            // value, `二、事业收入` under `一、财政拨款收入` and its `1、…`)
            let hi = if r > 0 && own_col[r - 1] == c {
                hi.min(data[e - 1] + 1)
            } else {
                hi
            };
            let from = list.partition_point(|&ci| cells[ci].first < lo);
            let to = list.partition_point(|&ci| cells[ci].first < hi);
            let span = &list[from..to];
            for &ci in span {
                used[ci] = true;
            }
            // (a run opening the table's rows may hold labels set in the middle of them)
            let centred = r == 0 && assign_centred(&cells, span, &data[r..e], &mut rows[r..e], c);
            if !centred {
                assign_span(
                    &cells,
                    span,
                    &data[r..e],
                    &mut rows[r..e],
                    c,
                    body,
                    warnings,
                );
            }
            r = e;
        }
    }
    let mut groups: Vec<(u32, usize, String)> = Vec::new();
    for (ci, cell) in cells.iter().enumerate() {
        if used[ci] {
            continue;
        }
        // (a label alone on its line; a measure alone, `增长%`, is header text that lost its
        // column: no group; after the last row, only padded to the values' place, a row
        // whose value cells are empty)
        if cell.first == cell.last
            && !cell.on_data
            && body[cell.first].frags.len() == 1
            && !super::is_measure_text(&cell.text)
            && (data.iter().any(|&k| k > cell.last) || body[cell.first].reach > boundary)
        {
            groups.push((body[cell.first].no, cell.col, clean_label(&cell.text)));
            continue;
        }
        warnings.push(Warning {
            line: Some(body[cell.first].no),
            code: "unplaced-label".into(),
            message: format!("row label {:?} heads no data row; left out", cell.text),
        });
    }
    // a spanning label stands on the first row it heads only, so that the rows under it
    // carry down the labels of their own indented parents (`Not on temporary layoff`
    // heads `Permanent job losers`)
    for i in (1..rows.len()).rev() {
        let (above, below) = rows.split_at_mut(i);
        for (c, cell) in below[0].iter_mut().enumerate() {
            if own_col[i] != c && own_col[i - 1] != c && *cell == above[i - 1][c] {
                cell.clear();
            }
        }
    }
    // codes give the hierarchy of one group of label columns; rows printing values
    // between their labels (side-by-side column groups) are not read by it
    let side_by_side = data.iter().any(|&k| {
        let Kind::Data(v) = body[k].kind else {
            return false;
        };
        let f = &body[k].frags[..v];
        f.iter()
            .enumerate()
            .any(|(j, x)| j > 0 && is_value(&x.text) && f[..j].iter().any(|y| !is_value(&y.text)))
    });
    if !side_by_side && data.iter().any(|&k| !body[k].code.is_empty()) {
        // (codes give the hierarchy: a label alone heads nothing there)
        for (line, _, text) in groups {
            warnings.push(Warning {
                line: Some(line),
                code: "unplaced-label".into(),
                message: format!("row label {text:?} heads no data row; left out"),
            });
        }
        return code_paths(body, &data, rows);
    }
    if sections.is_empty() {
        return Labels {
            width,
            rows,
            groups,
        };
    }
    let mut last = None;
    for (row, &k) in rows.iter_mut().zip(&data) {
        let head = sections.iter().rposition(|(s, _)| *s < k);
        let first = head.is_some() && head != last;
        last = head;
        row.insert(
            0,
            head.filter(|_| first)
                .map_or(String::new(), |h| sections[h].1.clone()),
        );
    }
    Labels {
        width: width + 1,
        rows,
        groups: groups.into_iter().map(|(l, c, t)| (l, c + 1, t)).collect(),
    }
}

/// Rows an odd gap between two centred names looks ahead over (a bound on the work).
const MAX_LOOKAHEAD: usize = 64;

/// Names centred on their rows: in a table of coded rows, a row that prints its code and
/// values but no name, with name pieces on the lines right above and below, shows that
/// each name is printed around its row's line (part above, part on it, part below). The
/// label lines between two rows are then split evenly, the upper half the upper row's;
/// a blank line splits them where it stands. Where an odd number of lines lies between
/// two rows, which row the middle one names is not known: both rows are left out. The
/// names are written onto their rows' lines. `None` when the layout is not this one.
fn recentre(
    body: &[LineInfo],
    boundary: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Vec<LineInfo>> {
    let data: Vec<usize> = (0..body.len())
        .filter(|&k| matches!(body[k].kind, Kind::Data(_)))
        .collect();
    if !data.iter().any(|&k| !body[k].code.is_empty()) {
        return None;
    }
    let label_line = |k: usize| {
        body.get(k).is_some_and(|i| {
            i.kind == Kind::Other && i.frags.len() == 1 && i.frags[0].x1 <= boundary
        })
    };
    let centred = data
        .iter()
        .any(|&k| body[k].kind == Kind::Data(0) && k > 0 && label_line(k - 1) && label_line(k + 1));
    if !centred {
        return None;
    }
    let mut out = body.to_vec();
    // per data row: pieces above and below (line indexes)
    let mut above: Vec<Vec<usize>> = vec![Vec::new(); data.len()];
    let mut below: Vec<Vec<usize>> = vec![Vec::new(); data.len()];
    let mut unknown = vec![false; data.len()];
    // the label lines of each gap between rows, and where a blank line parts them
    let named: Vec<bool> = data
        .iter()
        .map(|&k| matches!(body[k].kind, Kind::Data(v) if body[k].frags[..v].iter().any(|f| f.x1 <= boundary)))
        .collect();
    let mut gaps: Vec<(Vec<usize>, Option<usize>)> = Vec::with_capacity(data.len() + 1);
    for g in 0..=data.len() {
        let lo = if g == 0 { 0 } else { data[g - 1] + 1 };
        let hi = if g == data.len() { body.len() } else { data[g] };
        let run: Vec<usize> = (lo..hi).filter(|&k| label_line(k)).collect();
        // a blank line between label lines parts them; before the first row and after
        // the last, only the lines next to the row are its own
        let blank = match (run.first(), run.last()) {
            (Some(&f), Some(&l)) => {
                let is_blank = |k: &usize| body[*k].kind == Kind::Blank;
                if g == 0 {
                    (lo..hi).rfind(|k| is_blank(k) && f < *k)
                } else if g == data.len() {
                    (lo..hi).find(|k| is_blank(k) && l > *k)
                } else {
                    (lo..hi).rfind(|k| is_blank(k) && f < *k && l > *k)
                }
            }
            _ => None,
        };
        gaps.push((run, blank));
    }
    // a name is centred on its row's line: a row printing part of it on its line has as
    // many lines of it below as above; a row printing none has as many above, or one more
    let fits = |above: usize, below: usize, named: bool| {
        if named {
            above == below
        } else {
            above + below > 0 && (above == below || above == below + 1)
        }
    };
    // lines of gap g that go to the row above it, where the gap alone tells
    let plain = |g: usize, above_prev: usize| -> Option<usize> {
        let (run, blank) = &gaps[g];
        match blank {
            Some(b) => Some(run.iter().filter(|&&r| r < *b).count()),
            None if g == 0 => Some(0),
            None if g == data.len() => Some(run.len()),
            None if named[g - 1] && above_prev <= run.len() => Some(above_prev),
            None if run.len() % 2 == 0 => Some(run.len() / 2),
            None => None,
        }
    };
    // the rows after gap g, its lower row having `above` lines over it, stay centred as
    // far as each next gap alone tells its split (a name printed wholly on its line, an
    // even gap after a row printing none), and the row over the next odd gap can be
    let centred_on = |g: usize, above: usize| {
        let mut above = above;
        for h in g + 1..=data.len().min(g + MAX_LOOKAHEAD) {
            let Some(n) = plain(h, above) else {
                // an odd gap again: one of its splits must fit the row over it
                let len = gaps[h].0.len();
                return [len / 2, len / 2 + 1]
                    .into_iter()
                    .any(|sp| fits(above, sp, named[h - 1]));
            };
            if !fits(above, n, named[h - 1]) {
                return false;
            }
            above = gaps[h].0.len() - n;
        }
        true
    };
    let mut above_count: Vec<usize> = vec![0; data.len()];
    for g in 0..=data.len() {
        let len = gaps[g].0.len();
        let above_prev = if g == 0 { 0 } else { above_count[g - 1] };
        let split = plain(g, above_prev).or_else(|| {
            // an odd gap: the middle line goes up or down, whichever lets both rows (and
            // the rows after, where their gaps alone tell their splits) be centred
            let ok: Vec<usize> = [len / 2, len / 2 + 1]
                .into_iter()
                .filter(|&sp| fits(above_prev, sp, named[g - 1]) && centred_on(g, len - sp))
                .collect();
            (ok.len() == 1).then(|| ok[0])
        });
        let Some(split) = split else {
            unknown[g - 1] = true;
            unknown[g] = true;
            continue;
        };
        let (run, blank) = &gaps[g];
        if g > 0 {
            below[g - 1].extend(&run[..split]);
        }
        if g < data.len() {
            above[g].extend(&run[split..]);
            above_count[g] = run.len() - split;
        }
        let mine = |k: &usize| {
            (g == 0 && blank.is_some_and(|b| *k < b))
                || (g == data.len() && blank.is_some_and(|b| *k > b))
        };
        for &k in run.iter().filter(|k| !mine(k)) {
            out[k].kind = Kind::Blank;
            out[k].frags.clear();
        }
    }
    for (r, &k) in data.iter().enumerate() {
        if unknown[r] {
            warnings.push(Warning {
                line: Some(body[k].no),
                code: "unplaced-row".into(),
                message: "the row's name is printed around its line and the lines between rows do not show which part is its own; row left out".into(),
            });
            out[k].kind = Kind::Blank;
            out[k].frags.clear();
            continue;
        }
        let Kind::Data(v) = body[k].kind else {
            continue;
        };
        let mut pieces: Vec<&Frag> = above[r].iter().map(|&i| &body[i].frags[0]).collect();
        pieces.extend(body[k].frags[..v].iter().filter(|f| f.x1 <= boundary));
        pieces.extend(below[r].iter().map(|&i| &body[i].frags[0]));
        if pieces.is_empty() {
            continue;
        }
        let text = pieces.iter().fold(String::new(), |mut a, f| {
            push_label(&mut a, &f.text);
            a
        });
        let x0 = pieces.iter().map(|f| f.x0).min().unwrap_or(0);
        let name = Frag {
            x0,
            x1: x0 + 1,
            text,
        };
        let values = body[k].frags[v..].to_vec();
        out[k].frags = std::iter::once(name).chain(values).collect();
        out[k].kind = Kind::Data(1);
    }
    Some(out)
}

/// Row paths of a table whose rows print classification codes: a row heads the rows
/// after it whose codes start with its code (`201` > `20106` > `2010601`, the same
/// printed in 类/款/项 columns); a row without a code (`合计`) heads none. The path holds
/// the names only, each the deepest label the row prints.
fn code_paths(body: &[LineInfo], data: &[usize], rows: Vec<Vec<String>>) -> Labels {
    let name = |r: &Vec<String>| {
        r.iter()
            .rev()
            .find(|t| !t.is_empty())
            .cloned()
            .unwrap_or_default()
    };
    // one name for two rows of unrelated codes of different levels: the pieces of wrapped
    // names were joined wrongly, and the names are not known (one name at one level under
    // different parents is an item every group has: `201 29 02 一般行政管理事务`, `201 32 02
    // 一般行政管理事务`)
    let mut named: Vec<(String, &str)> = rows
        .iter()
        .zip(data)
        .map(|(r, &k)| (name(r), body[k].code.as_str()))
        .collect();
    named.sort_unstable();
    let misjoined = named.windows(2).any(|w| {
        let ((a, ca), (b, cb)) = (&w[0], &w[1]);
        a == b && !ca.starts_with(cb) && !cb.starts_with(ca) && ca.len() != cb.len()
    });
    if misjoined {
        let width = rows.first().map_or(0, Vec::len);
        return Labels {
            width,
            rows,
            groups: Vec::new(),
        };
    }
    let mut paths: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    // open rows: (code, path)
    let mut open: Vec<(String, usize)> = Vec::new();
    for (r, &k) in rows.iter().zip(data) {
        let name = name(r);
        let code = &body[k].code;
        while open
            .last()
            .is_some_and(|(c, _)| code.is_empty() || !code.starts_with(c.as_str()) || c == code)
        {
            open.pop();
        }
        let mut path = open
            .last()
            .map_or_else(Vec::new, |&(_, p)| paths[p].clone());
        path.push(name);
        if !code.is_empty() {
            open.push((code.clone(), paths.len()));
        }
        paths.push(path);
    }
    let width = paths.iter().map(Vec::len).max().unwrap_or(0);
    for p in &mut paths {
        p.resize(width, String::new());
    }
    Labels {
        width,
        rows: paths,
        groups: Vec::new(),
    }
}

/// Label pieces cut where a word starts at a label column's start: a column that two
/// lines or more show by a piece starting there right of another piece (`All ages
/// Both sexes`), or one line so and two or more by a piece alone on its line starting
/// there (the rows under a label spanning them, the column left of theirs blank), so
/// that a line whose labels stand one space apart (`Less than 25 years Both sexes`,
/// `Newfoundland and Labrador Total employed`) is cut there too. (An indentation starts
/// no piece right of another.)
/// A piece is cut too where its last words start where two pieces or more start and read
/// as they do, numbers aside (`1998 Q1` over `Q2`, `Q3`: lynx sets a label spanning rows
/// one space before the first row's own): an indented child does not repeat its
/// siblings' words (`All items` over `Food`). Or where they read so starting right of
/// the words before them (pdftotext squeezes a spanning label and the row's own onto one
/// space): the tail then moves to where its like pieces start.
fn cut_at_label_columns(pieces: Vec<(usize, Frag)>, in_chars: bool) -> Vec<(usize, Frag)> {
    let mut seen: HashMap<usize, usize> = HashMap::new();
    for w in pieces.windows(2) {
        if w[0].0 == w[1].0 {
            *seen.entry(w[1].1.x0).or_default() += 1;
        }
    }
    // lines printing one piece, by where it starts: where the column left of a label
    // column is blank (the rows under a label spanning them), that column's labels stand
    // alone at its start
    let shape = |t: &str| -> String {
        t.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    // (and, of those pieces, where they start and how they read, numbers aside)
    let mut lone: HashMap<usize, usize> = HashMap::new();
    let mut pieces_alone: HashSet<(usize, String)> = HashSet::new();
    for (i, (k, f)) in pieces.iter().enumerate() {
        let before = i > 0 && pieces[i - 1].0 == *k;
        let after = pieces.get(i + 1).is_some_and(|p| p.0 == *k);
        if !before && !after {
            *lone.entry(f.x0).or_default() += 1;
            pieces_alone.insert((f.x0, shape(&f.text)));
        }
    }
    let mut starts: Vec<usize> = seen
        .into_iter()
        .filter(|&(x, n)| n >= 2 || lone.get(&x).is_some_and(|&l| l >= 2))
        .map(|(x, _)| x)
        .collect();
    // (and a column shown by numbered pieces alone on their lines starting there, two or
    // more, and by numbered words starting there one space after other words, in two
    // lines or more: w3m sets a label spanning rows on its first row one space before
    // the row's own, `经济稳定 1.地区生产总值…` over `         2.居民消费价格涨幅…`; the
    // numbering runs on across both, where an indented child's words would not)
    let mut numbered_alone: HashMap<usize, usize> = HashMap::new();
    for (i, (k, f)) in pieces.iter().enumerate() {
        let alone =
            !(i > 0 && pieces[i - 1].0 == *k) && pieces.get(i + 1).is_none_or(|p| p.0 != *k);
        if alone && scan_outline(&f.text).is_some() {
            *numbered_alone.entry(f.x0).or_default() += 1;
        }
    }
    let mut word_at: HashMap<usize, usize> = HashMap::new();
    for (_, f) in &pieces {
        let words = words_of(f, in_chars);
        let texts = word_texts(f);
        for i in 1..words.len().min(texts.len()) {
            if numbered_alone.get(&words[i].0).is_some_and(|&n| n >= 2)
                && scan_outline(&texts[i..].join(" ")).is_some()
            {
                *word_at.entry(words[i].0).or_default() += 1;
            }
        }
    }
    for (x, n) in word_at {
        if n >= 2 && !starts.contains(&x) {
            starts.push(x);
        }
    }
    let mut shapes: HashMap<(usize, String), usize> = HashMap::new();
    for (_, f) in &pieces {
        *shapes.entry((f.x0, shape(&f.text))).or_default() += 1;
    }
    // where two pieces or more of each shape start, left to right
    let mut places: HashMap<String, Vec<usize>> = HashMap::new();
    for ((x, t), &n) in &shapes {
        if n >= 2 {
            places.entry(t.clone()).or_default().push(*x);
        }
    }
    for xs in places.values_mut() {
        xs.sort_unstable();
    }
    pieces
        .into_iter()
        .flat_map(|(k, f)| {
            let words = words_of(&f, in_chars);
            let texts = word_texts(&f);
            // (the word where the tail starts, and the place its like pieces start: its
            // own, or else the first right of where the words before it end, pdftotext
            // squeezing a label spanning rows and the row's own onto one space, `Women,
            // 16 to 64 years Employment-population ratio`; the tail goes to that place)
            let alike: Option<(usize, usize)> = (1..words.len().min(texts.len())).find_map(|i| {
                let xs = places.get(&shape(&texts[i..].join(" ")))?;
                let at = words[i].0;
                let head_end = words[i - 1].1;
                let x = if xs.contains(&at) {
                    at
                } else {
                    *xs.iter().find(|&&x| head_end < x)?
                };
                Some((at, x))
            });
            // (or where the words before read as a piece alone on its line at the same
            // place, numbers aside, and the rest starts where pieces alone on their lines
            // start: a label spanning rows set in their middle, on one row's line, `2012
            // Feb` by `2011` alone and `     Mar` under it)
            let alone_at = |x: usize| lone.get(&x).is_some_and(|&n| n >= 2);
            // (or a year alone before them: `2011 Mar` over `Apr`, `May`, lynx)
            let head_alike = (1..words.len().min(texts.len())).find_map(|i| {
                let head = shape(&texts[..i].join(" "));
                let twin = pieces_alone.contains(&(f.x0, head))
                    || i == 1 && crate::line_kind::year_of(texts[0]).is_some();
                (twin && alone_at(words[i].0)).then_some(words[i].0)
            });
            cut_between_words(&f, in_chars, |_, word| {
                starts.contains(&word.0)
                    || alike.is_some_and(|(at, _)| at == word.0)
                    || head_alike == Some(word.0)
            })
            .into_iter()
            .map(move |mut g| {
                if let Some((at, x)) = alike.filter(|&(at, _)| at == g.x0) {
                    g.x1 = g.x1 + x - at;
                    g.x0 = x;
                }
                (k, g)
            })
        })
        .collect()
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
    // centred labels: groups where the numbering of the rows' deeper labels restarts
    let nums: Vec<Option<u32>> = rows
        .iter()
        .map(|v| {
            v[c + 1..]
                .iter()
                .find(|t| !t.is_empty())
                .and_then(|t| outline_value(t).or_else(|| crate::outline::period_rank(t)))
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
    // labels each standing within the rows of its group where the numbering restarts
    // (a PDF sets a label spanning rows in their middle: `1998` between `Q2` and `Q3`)
    let within = starts.len() == m
        && span.iter().enumerate().all(|(g, &ci)| {
            let e = starts.get(g + 1).copied().unwrap_or(rows.len()) - 1;
            let (a, b) = (
                data[starts[g].min(data.len() - 1)],
                data[e.min(data.len() - 1)],
            );
            a <= cells[ci].first && cells[ci].last <= b
        });
    if within {
        for (g, &ci) in span.iter().enumerate() {
            let e = starts.get(g + 1).copied().unwrap_or(rows.len());
            for i in starts[g]..e {
                put(rows, i, ci);
            }
        }
        return;
    }
    // each on a line of its own over the rows it heads (a group's name, the rows
    // indented under it): it heads the rows down to the next
    let on_own_lines = span
        .iter()
        .all(|&ci| (cells[ci].first..=cells[ci].last).all(|k| data.binary_search(&k).is_err()));
    if on_own_lines {
        // (rows over the first are not its: the row above the run heads them)
        let mut g: Option<usize> = None;
        for (i, &k) in data.iter().enumerate().take(rows.len()) {
            while let Some(&ci) = span.get(g.map_or(0, |g| g + 1))
                && cells[ci].last < k
            {
                g = Some(g.map_or(0, |g| g + 1));
            }
            if let Some(g) = g {
                put(rows, i, span[g]);
            }
        }
        return;
    }
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
    // or groups that each open with the same row (`Total employed, all industries` under
    // each region): where the first row's deeper label comes again, a group starts; taken
    // where every label stands on a line of its own group
    if starts.len() != m {
        let deeper = |i: usize| rows[i][c + 1..].iter().find(|t| !t.is_empty()).cloned();
        let first = deeper(0).filter(|t| !t.is_empty());
        let again: Vec<usize> = std::iter::once(0)
            .chain((1..rows.len()).filter(|&i| first.is_some() && deeper(i) == first))
            .collect();
        let own = again.len() == m
            && span.iter().enumerate().all(|(g, &ci)| {
                let (s, e) = (again[g], again.get(g + 1).map_or(rows.len(), |&n| n) - 1);
                let (s, e) = (data[s.min(data.len() - 1)], data[e.min(data.len() - 1)]);
                s <= cells[ci].first && cells[ci].last <= e
            });
        if own {
            starts = again;
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
    // where each ends is not known: each row takes the nearest (the rows' paths carry a
    // column's label down, so a row left without one would take the label above it,
    // which a centred label is not), where that makes every label stand in the middle
    // of its rows (to half a line); else no row takes one
    let nearest: Vec<usize> = data
        .iter()
        .take(rows.len())
        .map(|&k| {
            span.iter()
                .copied()
                .min_by_key(|&ci| (cells[ci].first + cells[ci].last).abs_diff(2 * k))
                .unwrap_or(span[0])
        })
        .collect();
    let centred = span.iter().all(|&ci| {
        let mine: Vec<usize> = (0..nearest.len())
            .filter(|&i| nearest[i] == ci)
            .map(|i| data[i])
            .collect();
        match (mine.first(), mine.last()) {
            (Some(&a), Some(&b)) => (a + b).abs_diff(cells[ci].first + cells[ci].last) <= 1,
            _ => false,
        }
    });
    if !centred {
        warnings.push(Warning {
            line: data.first().map(|&k| body[k].no),
            code: "row-span-unplaced".into(),
            message: format!(
                "{m} labels span the rows here and neither their places nor the rows' numbering show where each ends; left out of the rows' paths"
            ),
        });
        return;
    }
    for (i, &ci) in nearest.iter().enumerate() {
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

/// Gives the rows opening a table the labels of column `c` set in the middle of them, as
/// a PDF sets cells spanning rows (`Men` on a line of its own between the second and
/// third of its rows, the first two over it), where [`centred_groups`] finds them so and
/// the rows over the first label are no total with its parts. True when it did.
fn assign_centred(
    cells: &[LabelCell],
    span: &[usize],
    data: &[usize],
    rows: &mut [Vec<String>],
    c: usize,
) -> bool {
    if span.len() < 2 {
        return false;
    }
    let on_own_lines = span
        .iter()
        .all(|&ci| (cells[ci].first..=cells[ci].last).all(|k| data.binary_search(&k).is_err()));
    let total_first = rows
        .first()
        .and_then(|r| r[c + 1..].iter().find(|t| !t.is_empty()))
        .is_some_and(|t| is_total(t));
    if !on_own_lines || total_first {
        return false;
    }
    let Some(starts) = centred_groups(cells, span, data, rows.len()) else {
        return false;
    };
    for (g, &ci) in span.iter().enumerate() {
        let e = starts.get(g + 1).copied().unwrap_or(rows.len());
        for row in &mut rows[starts[g]..e] {
            row[c] = clean_label(&cells[ci].text);
        }
    }
    true
}

/// The first row of each label's group where every label stands in the middle of its
/// rows, rows standing over the first (a label centred on its span, as a PDF sets a
/// cell spanning rows): counted in half rows, a label between rows `r - 1` and `r`
/// stands at `2r`, one on row `r`'s line at `2r + 1`, and rows `s..e` have their middle at
/// `s + e`. From the first row on, each group ends where its label puts its middle; the
/// labels must part the rows so, each group one row or more, the last ending with the
/// rows. `None` otherwise (a label over its rows, the first heading the first row).
fn centred_groups(
    cells: &[LabelCell],
    span: &[usize],
    data: &[usize],
    rows: usize,
) -> Option<Vec<usize>> {
    let data = &data[..rows.min(data.len())];
    let before = |k: usize| data.iter().take_while(|&&d| d < k).count();
    let upto = |k: usize| data.iter().take_while(|&&d| d <= k).count();
    // (rows over the first label: else it heads them, or opens them on their first line)
    if before(cells[span[0]].first) == 0 {
        return None;
    }
    let mut starts = Vec::with_capacity(span.len());
    let mut s = 0;
    for &ci in span {
        let middle = before(cells[ci].first) + upto(cells[ci].last);
        let e = middle.checked_sub(s).filter(|&e| e > s)?;
        starts.push(s);
        s = e;
    }
    (s == data.len()).then_some(starts)
}

/// The integer of an outline number (`1.` → 1, `（三）` → 3).
pub(crate) fn outline_value(t: &str) -> Option<u32> {
    number_value(&scan_outline(t)?.number)
}

/// The value of an outline number as [`crate::outline::Outline`] gives it (`12`, `十二`).
pub(crate) fn number_value(number: &str) -> Option<u32> {
    number.parse::<u32>().ok().or_else(|| cn_number(number))
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

    /// The table's column paths, levels joined by `>`.
    fn column_paths(t: &crate::model::Table) -> Vec<String> {
        t.columns.iter().map(|c| c.path.join(">")).collect()
    }

    /// (row path, column path, raw) of every cell of the document's tables.
    /// [`table_cells`] that print something, compared with `want` (row, column, value).
    fn assert_filled(d: &Document, want: &[(&str, &str, &str)]) {
        let got: Vec<(String, String, String)> = table_cells(d)
            .into_iter()
            .filter(|(_, _, v)| !v.is_empty())
            .collect();
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(r, c, v)| (r.to_string(), c.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    /// inscriptis sets each header row's cells in consecutive columns, a cell spanning
    /// columns taking one: the header's text, set at the columns' starts, stops short of
    /// the last columns, and its places would name the wrong columns. Read as the cells
    /// present, the blanks among them, the readings are several; where the rows add up no
    /// one of them it names no column, and a warning says so; the values keep their rows.
    /// (Where they add up one, it is taken: the test above.)
    #[test]
    fn a_header_packed_left_at_the_columns_starts_names_no_column() {
        let d = doc(concat!(
            "Item   Population    Percentage   Ratio\n",
            "       Male          Female                     Male   Female\n",
            "Total  1145209       587039       558170        100.0  51.26   48.70   105.17\n",
            "0-4    64830         35247        29000         5.66   3.08    2.00    119.15\n",
            "5-9    61279         33242        28037         5.35   2.9     2.45    118.57\n",
        ));
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows[1].path, ["0-4"]);
        assert_eq!(t.rows[1].cells[1].raw, "35247");
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
    }

    /// inscriptis packs a header row's cells left, so a header cell may stand over the
    /// values of the column before its own (`1-9月累计` over `——`, the `9月` figure): the
    /// reading gives two columns side by side the same path, which tells them apart no
    /// more than no path; no column is named, and a warning says why.
    #[test]
    fn a_header_naming_neighbours_alike_names_no_column() {
        let d = doc(concat!(
            "项目         9月  1-9月累计  累计  \n",
            "增长%      \n",
            "农业总产值(亿元)  ——  112.25  38.1\n",
        ));
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows[0].cells[1].raw, "112.25");
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
    }

    /// A line led by the word naming the rows, before any row, is the header's even where
    /// it ends in a number (`Sep 09 to Sep 10`, lynx setting header cells one space
    /// apart): its numbers are header text, and one a space after a word is that word's.
    #[test]
    fn a_line_led_by_the_stub_word_is_header_whatever_numbers_it_prints() {
        let d = doc(concat!(
            "        Item                   Aug 2010 Sep 2010 Aug 10 to Sep 10 Sep 09 to Sep 10\n",
            "        Employed persons       11276.1  11300.4  24.3             3.1\n",
            "        Unemployed persons     613.0    611.4    -1.7             -8.8\n",
        ));
        assert_filled(
            &d,
            &[
                ("Employed persons", "Aug 2010", "11276.1"),
                ("Employed persons", "Sep 2010", "11300.4"),
                ("Employed persons", "Aug 10 to Sep 10", "24.3"),
                ("Employed persons", "Sep 09 to Sep 10", "3.1"),
                ("Unemployed persons", "Aug 2010", "613.0"),
                ("Unemployed persons", "Sep 2010", "611.4"),
                ("Unemployed persons", "Aug 10 to Sep 10", "-1.7"),
                ("Unemployed persons", "Sep 09 to Sep 10", "-8.8"),
            ],
        );
    }

    /// lynx counts a wide character as one column, so the lower lines of a Chinese header
    /// stand off the columns they head: text over no column is left, and columns side by
    /// side read the same path. Where the text that would tell them apart is the text
    /// left, the places of the rest are not known either: no column is named, a warning
    /// says so, and the row keeps its values.
    #[test]
    fn a_header_whose_unplaced_text_leaves_neighbours_alike_names_no_column() {
        let d = doc(concat!(
            "   Item                        财政拨款“三公”经费\n",
            "           合计     因公出国（境）费         公务用车购置及运行维护费          公务接待费\n",
            "        预算数  决算数  预算数  决算数    小计    公务用车购置费  公务用车运行维护费  预算数  决算数\n",
            "                            预算数 决算数 预算数 决算数  预算数  决算数\n",
            "        2.85 0.39 0.0 0.0   0.0 0.0 0.0 0.0  0.0 0.0    2.85 0.39\n",
        ));
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert_eq!(t.rows[0].cells[10].raw, "2.85");
        assert!(d.warnings.iter().any(|w| w.code == "header-unresolved"));
    }

    /// lynx sets a column as wide as its cells, so a header label whose text runs on over
    /// the next columns spans them: `Population (person)` heads its own column (the total)
    /// and the `Male` and `Female` columns whose labels stand under it.
    #[test]
    fn a_label_running_over_lower_labels_heads_them_and_its_own_column() {
        let d = doc(concat!(
            "   Item   Population (person)    Percentage (%)   Sex Ratio\n",
            "                  Male  Female        Male  Female\n",
            "   Total 1145209 587039 558170  100.0 51.26 48.74 105.17\n",
            "   0-4   64830   35247  29583   5.66  3.08  2.58  119.15\n",
            "   5-9   61279   33242  28037   5.35  2.9   2.45  118.57\n",
        ));
        let t = d.tables().next().expect("a table");
        assert_eq!(
            column_paths(t),
            [
                "Population (person)",
                "Population (person)>Male",
                "Population (person)>Female",
                "Percentage (%)",
                "Percentage (%)>Male",
                "Percentage (%)>Female",
                "Sex Ratio"
            ]
        );
        assert_eq!(t.rows[1].cells[2].raw, "29583");
    }

    /// A number in a row label (`Under 25`; `2544`, an age group that lost its dash) is
    /// read as a value only where it fits: those rows print one value more than the rows
    /// around them, left of all of theirs, so it is label text, and the label column and
    /// its indentation stay as printed.
    #[test]
    fn a_number_left_of_every_column_in_a_row_printing_one_more_is_label() {
        let d = doc(concat!(
            "                  Item                 1997 2001 2002\n",
            "   Labour Force ('000)\n",
            "       Age Group\n",
            "           Under 25                    451  408  396\n",
            "           2544                        1968 2047 2051\n",
            "           65 and over                 43   42   42\n",
            "       Male                            1955 1965 1965\n",
            "       Female                          1280 1462 1523\n",
        ));
        let t = d.tables().next().expect("a table");
        let paths: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(paths, [["1997"], ["2001"], ["2002"]]);
        let rows: Vec<(String, Vec<&str>)> = t
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.raw.is_empty()))
            .map(|r| {
                (
                    r.path.join(">"),
                    r.cells.iter().map(|c| c.raw.as_str()).collect(),
                )
            })
            .collect();
        let want = [
            (
                "Labour Force ('000)>Age Group>Under 25",
                ["451", "408", "396"],
            ),
            (
                "Labour Force ('000)>Age Group>2544",
                ["1968", "2047", "2051"],
            ),
            (
                "Labour Force ('000)>Age Group>65 and over",
                ["43", "42", "42"],
            ),
            ("Labour Force ('000)>Male", ["1955", "1965", "1965"]),
            ("Labour Force ('000)>Female", ["1280", "1462", "1523"]),
        ];
        let want: Vec<(String, Vec<&str>)> = want
            .iter()
            .map(|(p, v)| (p.to_string(), v.to_vec()))
            .collect();
        assert_eq!(rows, want);
    }

    /// lynx sets two header labels one space apart (`% Change Index Value`) where its
    /// words stand at no column's start: read as one label, it named a column that the
    /// labels beside it (`% Change`, `Index Value`) show is two columns' text, and `1.42`
    /// went under `Urban`. Such a header names no column; the values keep their rows.
    #[test]
    fn a_label_joining_two_labels_of_its_level_names_no_column() {
        let d = doc(concat!(
            "    Item              Rural                 Urban               Combined\n",
            "               Index Value  % Change Index Value  % Change Index Value  % Change\n",
            "              Sept.20 Aug.20        Sept.20 Aug.20        Sept.20 Aug.20\n",
            "CPI (General) 157.6   155.4 1.42    155.2   154   0.78    156.5   154.7 1.16\n",
            "CFPI          159.7   155.7 2.57    165.3   161.6\n",
        ));
        let t = d.tables().next().expect("a table");
        assert!(
            t.columns.iter().all(|c| c.path.is_empty()),
            "{:?}",
            t.columns
        );
        assert!(
            d.warnings.iter().any(
                |w| w.code == "header-unresolved" && w.message.contains("% Change Index Value")
            ),
            "{:?}",
            d.warnings
        );
        assert_eq!(t.rows[0].cells.len(), 9);
        assert_eq!(t.rows[0].cells[2].raw, "1.42");
    }

    /// A header piece spanning columns is cut where its words stand at the columns'
    /// edges, but never between a month and its year or before a bracketed word: `Sept.
    /// 2020 (Prov.)` is one label over three columns (w3m sets `Sept.` at the first one's
    /// start and `2020` at the second's), as `Aug. 2020 (Final)` beside it is.
    #[test]
    fn a_month_its_year_and_a_bracketed_word_are_one_label() {
        let d = doc(concat!(
            "     Item      Sept. 2020 (Prov.) Aug. 2020 (Final)\n",
            "               Rural Urban Combd. Rural Urban Combd.\n",
            "CPI (General)  7.43  7.26  7.34   6.66  6.8   6.69\n",
            "CFPI           10.6  10.94 10.68  9.11  8.82  9.05\n",
        ));
        let t = d.tables().next().expect("a table");
        assert_eq!(
            column_paths(t),
            [
                "Sept. 2020 (Prov.)>Rural",
                "Sept. 2020 (Prov.)>Urban",
                "Sept. 2020 (Prov.)>Combd.",
                "Aug. 2020 (Final)>Rural",
                "Aug. 2020 (Final)>Urban",
                "Aug. 2020 (Final)>Combd.",
            ]
        );
    }

    /// A remarks column (`备注`) prints text in some rows only, after their values: such a
    /// row is a row of the table with a text cell there, the first row too (no header
    /// line), and neither its values nor its label run into the rows or header around it.
    #[test]
    fn a_remark_after_a_rows_values_is_its_cell() {
        let header = "项目              本年预算    上年预算    备注\n";
        let rows = [
            "一般公共服务        120.5       110.2\n",
            "教育               88.0        80.1\n",
            "科学技术            12.0        10.0\n",
        ];
        for k in 0..rows.len() {
            let mut text = header.to_string();
            for (j, r) in rows.iter().enumerate() {
                text.push_str(r.trim_end());
                if j == k {
                    text.push_str("      含专项");
                }
                text.push('\n');
            }
            let d = doc(&text);
            let t = d.tables().next().expect("a table");
            let paths = column_paths(t);
            assert_eq!(paths, ["本年预算", "上年预算", "备注"], "remark in row {k}");
            let got = crate::table::testutil::path_cells(t);
            let mut want: Vec<(String, Vec<String>)> = [
                ("一般公共服务", ["120.5", "110.2", ""]),
                ("教育", ["88.0", "80.1", ""]),
                ("科学技术", ["12.0", "10.0", ""]),
            ]
            .iter()
            .map(|(l, v)| (l.to_string(), v.iter().map(|c| c.to_string()).collect()))
            .collect();
            want[k].1[2] = "含专项".to_string();
            assert_eq!(got, want, "remark in row {k}");
        }
    }

    /// A two-way table's columns named by numbers (sample sizes, `1,500 1000 750`) under
    /// the text heading them, each over a column of values, and rows each printing one
    /// number more, left of all of those: the line is header text, each row's first number
    /// the row's own class (w3m sets the group label spanning the rows in their middle).
    #[test]
    fn a_header_line_of_numbers_over_rows_printing_their_class() {
        let d = doc(concat!(
            "                 Item                   Size of second sample\n",
            "                                        1,500 1000 750\n",
            "                                  1,500 4     4    5\n",
            "Allowance (percentages near 80)   1000  4     5    5\n",
            "                                  750   5     5    6\n",
            "                                  1,500 5     5    6\n",
            "Allowance (percentages near 50)   1000  5     6    7\n",
            "                                  750   6     7    7\n",
        ));
        let t = d.tables().next().expect("a table");
        assert_eq!(
            column_paths(t),
            [
                "Size of second sample>1,500",
                "Size of second sample>1000",
                "Size of second sample>750"
            ]
        );
        let cells = table_cells(&d);
        assert_eq!(
            cells[..3],
            [
                (
                    "Allowance (percentages near 80)>1,500".to_string(),
                    "Size of second sample>1,500".to_string(),
                    "4".to_string()
                ),
                (
                    "Allowance (percentages near 80)>1,500".to_string(),
                    "Size of second sample>1000".to_string(),
                    "4".to_string()
                ),
                (
                    "Allowance (percentages near 80)>1,500".to_string(),
                    "Size of second sample>750".to_string(),
                    "5".to_string()
                ),
            ]
        );
        assert_eq!(
            row_of(&cells, "7"),
            Some("Allowance (percentages near 50)>1000")
        );
        assert_eq!(cells.len(), 18);
    }

    /// lynx wraps its lines at its width, a table row too: the values that did not fit go
    /// to a line of their own at the margin, left of every value column. They end the row
    /// over them (which prints that many values fewer than the full rows, and would reach
    /// the widest line with them), not a row of their own under the label column.
    #[test]
    fn values_wrapped_to_the_margin_end_the_row_over_them() {
        let d = doc(concat!(
            "      Item                   2 0 0 4\n",
            "                Jan    Feb    Mar    Apr    Ave\n",
            "All items       175.0r 175.4r 176.1r 176.9  180.9\n",
            "Fuel and water  181.7r 183.3r 183.0r 183.4r\n",
            "   191.7\n",
            "Services        232.2  233.0  233.5  234.6  235.4\n",
        ));
        let t = d.tables().next().expect("a table");
        let paths: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(paths.len(), 5, "{paths:?}");
        assert_eq!(paths[4], ["2 0 0 4", "Ave"]);
        let rows: Vec<(String, Vec<&str>)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.path.join(">"),
                    r.cells.iter().map(|c| c.raw.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            rows[1],
            (
                "Fuel and water".to_string(),
                vec!["181.7r", "183.3r", "183.0r", "183.4r", "191.7"]
            )
        );
        assert_eq!(rows.len(), 3, "{rows:?}");
    }

    /// The same packing where the header's rows allow one reading of the cells present:
    /// the corner `项目` spans down, so the lower line's cells, the one in the corner's
    /// place too, head value columns (`合计` under `支出预算`, not a second line of the
    /// corner); the first line's group spans what the lower line prints.
    #[test]
    fn a_header_packed_left_read_as_the_cells_present() {
        let d = doc(concat!(
            "项目              支出预算\n",
            "合计              基本支出   项目支出\n",
            "一般公共服务支出  127886849  84861719  43025130\n",
            "财政事务          127886849  84861719  43025130\n",
            "社会保障就业支出  17560320   16360320  1200000\n",
        ));
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["项目"]);
        let c = table_cells(&d);
        assert!(
            has(&c, "一般公共服务支出", "支出预算>合计", "127886849"),
            "{c:?}"
        );
        assert!(
            has(&c, "财政事务", "支出预算>基本支出", "84861719"),
            "{c:?}"
        );
        assert!(
            has(&c, "社会保障就业支出", "支出预算>项目支出", "1200000"),
            "{c:?}"
        );
        // each group over one cell of the lower line, which starts in the corner's place
        let d = doc(concat!(
            "项目            收入     支出\n",
            "决算数          决算数\n",
            "本年收入合计    2946.25\n",
            "年初结转和结余  49.14\n",
            "总计            2995.39  2995.39\n",
            "本年支出合计             2940.05\n",
        ));
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["项目"]);
        assert_filled(
            &d,
            &[
                ("本年收入合计", "收入>决算数", "2946.25"),
                ("年初结转和结余", "收入>决算数", "49.14"),
                ("总计", "收入>决算数", "2995.39"),
                ("总计", "支出>决算数", "2995.39"),
                ("本年支出合计", "支出>决算数", "2940.05"),
            ],
        );
    }

    /// inscriptis drops the page's indentation of row labels: a numbered group's label
    /// alone on its line (`一、按销售所在地`) stands where its rows' labels stand. It heads
    /// the rows numbered deeper under it (`1、城镇`) up to the next group; a line that
    /// only continues a wrapped label heads nothing.
    #[test]
    fn a_numbered_group_alone_on_its_line_heads_the_rows_under_it() {
        let d = doc(concat!(
            "项目              本月        累计\n",
            "社会消费品零售额  20626052.6  141797902.3\n",
            "一、按销售所在地\n",
            "1、城镇           18216063.5  124306890.6\n",
            "2、乡村           2409989.1   17491011.7\n",
            "二、按行业分组\n",
            "1、批发业         2145726.8   13906068.9\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "社会消费品零售额", "本月", "20626052.6"), "{c:?}");
        assert!(
            has(&c, "一、按销售所在地>2、乡村", "累计", "17491011.7"),
            "{c:?}"
        );
        assert!(
            has(&c, "二、按行业分组>1、批发业", "本月", "2145726.8"),
            "{c:?}"
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    /// Issue 13: lynx pads each cell to its column and sets header cells that fill their
    /// columns one space apart: the header line is cut where the values' column starts.
    #[test]
    fn header_cells_one_space_apart_are_cut_at_the_columns_starts() {
        let d = doc(concat!(
            "   Item           Total Province Urban Indices Rural Indices\n",
            "   Food           108.6          108.6         108.5\n",
            "   Grain          107.6          107.5         107.7\n",
            "   Oil            103.9          102.8         105.4\n",
        ));
        assert_filled(
            &d,
            &[
                ("Food", "Total Province", "108.6"),
                ("Food", "Urban Indices", "108.6"),
                ("Food", "Rural Indices", "108.5"),
                ("Grain", "Total Province", "107.6"),
                ("Grain", "Urban Indices", "107.5"),
                ("Grain", "Rural Indices", "107.7"),
                ("Oil", "Total Province", "103.9"),
                ("Oil", "Urban Indices", "102.8"),
                ("Oil", "Rural Indices", "105.4"),
            ],
        );
    }

    /// Issue 13: a header line of months and years (`Nov. 2017  Nov. 2018`) prints only
    /// years for numbers: it is the header, not a row, and each year stays with its month.
    #[test]
    fn a_header_line_of_months_and_years_is_no_row() {
        let d = doc(concat!(
            "              Nov. 2017    Nov. 2018\n",
            "Employed      5693         5904\n",
            "Unemployed    529          494\n",
        ));
        assert_filled(
            &d,
            &[
                ("Employed", "Nov. 2017", "5693"),
                ("Employed", "Nov. 2018", "5904"),
                ("Unemployed", "Nov. 2017", "529"),
                ("Unemployed", "Nov. 2018", "494"),
            ],
        );
    }

    /// Issue 13: lynx sets a group's label and the row's own label one space apart where
    /// the group's is the widest (`Less than 25 years Both sexes`): the column the other
    /// lines show (`All ages           Both sexes`) cuts it.
    #[test]
    fn row_labels_one_space_apart_are_cut_at_the_label_column() {
        let d = doc(concat!(
            "                   Item            Count   Change\n",
            "   All ages           Both sexes   2857108 1.7\n",
            "                      Males        1470345 2.3\n",
            "   Less than 25 years Both sexes   437639  1.9\n",
            "                      Males        211201  2.7\n",
            "   67 years or older  Both sexes   54085   3.8\n",
            "                      Males        31860   5.3\n",
        ));
        let c = table_cells(&d);
        assert!(
            has(&c, "Less than 25 years>Males", "Change", "2.7"),
            "{c:?}"
        );
        assert!(
            has(&c, "Less than 25 years>Both sexes", "Count", "437639"),
            "{c:?}"
        );
    }

    /// Issue 13: `pdftotext -layout` sets a PDF's CJK header labels one space apart on
    /// its one-character grid, off the values its lines drift to (`合计 财政拨款收入` over
    /// columns whose spans overlap): labels as many as the columns name them in order.
    #[test]
    fn cjk_labels_one_space_apart_name_drifting_columns_in_order() {
        let d = doc(concat!(
            "2024年单位收入预算总表\n",
            "            项目                收入预算\n",
            "                            合计 财政拨款收入\n",
            "一般公共事务支出              3296600 3296600\n",
            "  调查信息事务              438300   438300\n",
            "     专项普查活动           438300   438300\n",
            "  群众团体事务              422900   422900\n",
            "     一般行政管理事务         422900   422900\n",
            "     群众体育             200000   200000\n",
            "社会保障和就业支出             16091895 16091895\n",
            "  行政事业单位养老支出          7589473 7589473\n",
            "     行政单位离退休          259320   259320\n",
            "     事业单位离退休          85260    85260\n",
            "     机关事业单位基本养老保险缴费支出 4827156 4827156\n",
            "     机关事业单位职业年金缴费支出 2413577 2413577\n",
        ));
        let c = table_cells(&d);
        assert_has(&c, "一般公共事务支出", "收入预算>合计", "3296600");
        assert_has(
            &c,
            "社会保障和就业支出>行政事业单位养老支出>事业单位离退休",
            "收入预算>财政拨款收入",
            "85260",
        );
    }

    /// Issue 13: a PDF sets short values one space apart (`460 212 248`): over as many
    /// columns, one each, they are those columns' cells; a row printing as many numbers
    /// as there are columns prints them in order (`14 9  5`); otherwise (`7 3  4`, the `3`
    /// under no column of its own) where they belong is not told, so the row keeps its
    /// label, its cells missing, and the rows under it keep their parent.
    #[test]
    fn values_one_space_apart_are_split_over_their_columns_or_left_missing() {
        let d = doc(concat!(
            "                                    4 quarter 2000      2 quarter 2002\n",
            "                  Item\n",
            "                                 Total Males Females Total Males Females\n",
            "Total population                 2936 1491 1445      2977 1512 1465\n",
            "Persons with disabilities        460 212 248         438 203 234\n",
            "  As per cent of total           15.7 14.2 17.2      14.7 13.5 16.0\n",
            "Employed persons total           2272 1212 1060      2291 1214 1077\n",
            "Unemployed with disabilities     14 9        5       13 8        6\n",
            "  As per cent of total           2.7 3.0     2.3     3.2 3.4     3.0\n",
            "Seeking work                     7 3         4\n",
            "  As per cent of total           1.5 1.4     1.6\n",
        ));
        let c = table_cells(&d);
        assert_has(
            &c,
            "Persons with disabilities",
            "4 quarter 2000>Males",
            "212",
        );
        assert_has(
            &c,
            "Persons with disabilities",
            "2 quarter 2002>Females",
            "234",
        );
        // six numbers for six columns: every cell printed, in order
        assert_has(
            &c,
            "Unemployed with disabilities",
            "4 quarter 2000>Males",
            "9",
        );
        assert_has(
            &c,
            "Seeking work>As per cent of total",
            "4 quarter 2000>Total",
            "1.5",
        );
        let Some(Block::Table(t)) = d.blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
            panic!("no table")
        };
        let row = t
            .rows
            .iter()
            .find(|r| r.path == ["Seeking work"])
            .expect("row kept");
        assert!(
            row.cells.iter().all(|c| c.kind == CellKind::Missing),
            "{row:?}"
        );
    }

    /// Issue 13: where a PDF's lines drift, two values of a row may fall in one column
    /// the values' overlap makes (`9746.5  9746.5` both under the second): the clusters
    /// are wrong, and the rows printing every value are read by order.
    #[test]
    fn values_falling_in_one_clustered_column_are_read_by_order() {
        let d = doc(concat!(
            "某某决算表\n",
            "          项目                 本年收入合计 财政拨款收入\n",
            "合计                           9746.5  9746.5\n",
            "社会保障和就业支出                    754.75  754.75\n",
            "   行政事业单位养老支出                754.75  754.75\n",
            "     行政单位离退休                 54.53   54.53\n",
            "     事业单位离退休                 28.11   28.11\n",
            "     机关事业单位基本养老保险缴费支出 446.11         446.11\n",
            "     机关事业单位职业年金缴费支出 225.12           225.12\n",
            "   自然保护事务                    4461.67 4461.67\n",
            "     事业运行             4416.67   4416.67\n",
            "     其他自然保护事务支出       45.0      45.0\n",
            "住房保障支出                461.08    461.08\n",
            "   住房改革支出             461.08    461.08\n",
        ));
        let c = table_cells(&d);
        assert_has(&c, "合计", "本年收入合计", "9746.5");
        assert_has(&c, "合计", "财政拨款收入", "9746.5");
        assert_has(
            &c,
            "社会保障和就业支出>行政事业单位养老支出>行政单位离退休",
            "本年收入合计",
            "54.53",
        );
    }

    /// Issue 13: w3m wraps a bilingual row label's English half onto a line of its own,
    /// set where the cell starts, before the label's indentation (`　　福州市辖区 District
    /// under` / `Fuzhou`): the Latin line continues the label, which heads the rows
    /// indented under it as a label on a line of its own does.
    #[test]
    fn the_wrapped_english_half_of_a_bilingual_label_continues_it() {
        let d = doc(concat!(
            "              项目                 生产总值      第一产业\n",
            "Fujian                           108.3        103.5\n",
            "福州市 Fuzhou                    108.6        104.3\n",
            "　　福州市辖区 District under\n",
            "Fuzhou\n",
            "　　　　鼓楼区 Gulou             108.0        100.1\n",
            "　　　　台江区 Taijiang          106.9        100.2\n",
            "　　福清市 Fuqing                109.6        105.0\n",
        ));
        let c = table_cells(&d);
        assert_eq!(
            row_of(&c, "100.1"),
            Some("福州市Fuzhou>福州市辖区District under Fuzhou>鼓楼区Gulou"),
            "{c:?}"
        );
        assert_eq!(
            row_of(&c, "105.0"),
            Some("福州市Fuzhou>福清市Fuqing"),
            "{c:?}"
        );
    }

    /// Issue 13: lynx and w3m set a header cell as wide as its column, so the cells of one
    /// header line may stand one space apart (`April to May 2016 May 2015 to May 2016`).
    /// Such a piece spans columns the line under it does not tell apart (`% change` under
    /// each): it is no label spanning them but cells, cut where its words start at the
    /// columns' starts; the label centred under the last column, past its values, is kept.
    /// Where the line under tells the columns apart (`Total  Men  Women`), a word at a
    /// column's start is chance and the piece spans them.
    #[test]
    fn header_cells_one_space_apart_over_columns_told_apart_by_nothing_below() {
        let d = doc(concat!(
            "Item                     May 2016   April to May 2016 May 2015 to May 2016\n",
            "                        (2002=100)      % change            % change\n",
            "Food                     143.3      -0.3              1.8\n",
            "Shelter                  135.1      0.1               1.4\n",
            "Energy                   170.2      2.1               -0.4\n",
        ));
        let c = table_cells(&d);
        // (an index's base is no unit: a level of its own; the line under the labels
        // is a row of its own, a piece under each column)
        assert_has(&c, "Food", "May 2016>(2002=100)", "143.3");
        assert_has(&c, "Shelter", "April to May 2016>% change", "0.1");
        assert_has(&c, "Energy", "May 2015 to May 2016>% change", "-0.4");
        let d = doc(concat!(
            "Item                Persons with a disability\n",
            "                     Total   Men     Women\n",
            "Employed            5693    3004    2689\n",
            "Unemployed          529     300     229\n",
        ));
        let c = table_cells(&d);
        assert_has(&c, "Employed", "Persons with a disability>Men", "3004");
        assert_has(&c, "Unemployed", "Persons with a disability>Women", "229");
    }

    /// Issue 13: a PDF's CJK header labels wrapped in narrow columns, one space apart on
    /// two lines (`上旬平 中旬平 …` over `均 均 …`), as many words on each as there are
    /// columns: the labels name the columns in order, each ending with the word under it.
    #[test]
    fn cjk_labels_wrapped_one_space_apart_name_the_columns_in_order() {
        let d = doc(concat!(
            "     项目          上旬平 中旬平 下旬平 本月平 上月平 比上 上年同 比上\n",
            "                   均     均     均     均      均 月% 期 年%\n",
            "菜籽油 桶装一级压榨 76.7 76.7 76.7 76.7 76.7 0              85.95  -10.8\n",
            "大豆油 桶装一级浸出 57.79 57.79 57.45 57.68 57.79 -0.2 61.12 -5.6\n",
            "花生油 桶装一级压榨 109.95 109.95 109.95 109.95 109.95 0    114.12 -3.7\n",
            "油               54.95 54.95 54.95 54.95 54.95 0    65     -15.5\n",
        ));
        let c = table_cells(&d);
        // (the columns alone: the two label columns one space apart are another matter)
        let under = |col: &str, raw: &str| c.iter().any(|(_, k, v)| k == col && v == raw);
        assert!(under("下旬平均", "57.45"), "{c:?}");
        assert!(under("上年同期", "114.12"), "{c:?}");
        assert!(under("比上月%", "-0.2"), "{c:?}");
        assert!(under("比上年%", "-15.5"), "{c:?}");
    }

    /// Issue 13: `pdftotext -layout` sets a table's title right over its header, no blank
    /// line between, and the `年` of a year a few columns off (`2010   年 2009年`): a text
    /// over the corner of a header line naming the rows (`项目`) is the table's caption, not
    /// the stub's, and the unit goes back to its year.
    #[test]
    fn a_title_over_the_corner_and_a_year_unit_set_apart_in_pdf_text() {
        let d = doc(concat!(
            "市区居民消费价格指数\n",
            "       项目      2010   年 2009年\n",
            "居民消费价格指数       104.2    99.2\n",
            "一、食品类          109.4    104.5\n",
            "  1、粮食         113.5    104.7\n",
            "     其中:大米     114.6    103.1\n",
        ));
        let t: Vec<_> = d.tables().collect();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].title.as_deref(), Some("市区居民消费价格指数"));
        assert_eq!(t[0].stub, ["项目"]);
        let c = table_cells(&d);
        assert_has(&c, "一、食品类>1、粮食", "2010年", "113.5");
        assert_has(&c, "一、食品类>1、粮食", "2009年", "104.7");
    }

    /// Issue 13: two label lines printing no value, in a label area of one column, are two
    /// labels where the upper leaves room for the lower's first character: a cell wraps
    /// only where its next character no longer fits (inscriptis: `本地生产总值①` over
    /// `以1996年不变价格计算`, before, was read as one label that headed no row).
    #[test]
    fn label_lines_with_room_left_in_a_one_column_label_area_are_two_labels() {
        let d = doc(concat!(
            "项目                   1990年  1995年  2000年  2002年 \n",
            "本地生产总值①                                         \n",
            "以1996年不变价格计算                                    \n",
            "本地生产总值实际增长率(支出法)(%)  8.0    3.3    4.6    10.0r \n",
            "本地生产总值(亿澳门元)         417.4  555.3  533.8  600.3r\n",
            "人均本地生产总值(万澳门元)       12.5   13.6   12.4   13.7r \n",
        ));
        let c = table_cells(&d);
        let row = "本地生产总值①>以1996年不变价格计算>本地生产总值(亿澳门元)";
        assert_has(&c, row, "1995年", "555.3");
    }

    /// Issue 13: inscriptis drops a row label's indentation, so a group label on a line
    /// of its own stands where the rows under it do (`福州市辖区 District under Fuzhou`
    /// over `鼓楼区 Gulou`): a bilingual label is Chinese, then English, so a label
    /// starting in Chinese after the English half is a label of its own, never its end.
    #[test]
    fn chinese_after_the_english_half_of_a_label_starts_a_label() {
        let d = doc(concat!(
            "项目                  生产总值 Product   第一产业 Primary\n",
            "Fujian                108.3              103.5\n",
            "福州市 Fuzhou         108.6              104.3\n",
            "福州市辖区 District under Fuzhou\n",
            "鼓楼区 Gulou          108.0              100.1\n",
            "台江区 Taijiang       106.9              100.2\n",
        ));
        let c = table_cells(&d);
        assert_eq!(row_of(&c, "100.1"), Some("鼓楼区Gulou"), "{c:?}");
        assert_eq!(row_of(&c, "106.9"), Some("台江区Taijiang"), "{c:?}");
    }

    /// Issue 13: a header line of months and years one space apart, longer than a line of
    /// text may be in a table's header, stays the table's header.
    #[test]
    fn a_long_header_line_of_periods_one_space_apart_is_header() {
        let d = doc(concat!(
            "                       Aug. 2007 July 2008 Aug. 2008 Aug. 2007 Apr. 2008 May 2008\n",
            "   Civilian population 232211    233864    234107    232211    233198    233405\n",
            "     Labor force       153493    156300    155387    152886    153957    154534\n",
        ));
        let c = table_cells(&d);
        assert!(
            has(&c, "Civilian population>Labor force", "May 2008", "154534"),
            "{c:?}"
        );
    }

    /// pdftotext sets a header line by its own glyphs: a line of periods one space apart
    /// (`Nov. 2017 Nov. 2018 Nov. 2017 Nov. 2018`) stands off the four columns, and the
    /// group labels over it stand over its periods, not over the values. The periods name
    /// the columns in order; each group heads the periods under it.
    #[test]
    fn a_line_of_periods_off_the_values_names_the_columns_in_order() {
        let d = doc(concat!(
            "                                                               Persons with a      Persons with no\n",
            "                           Item                                    disability          disability\n",
            "                                                             Nov. 2017 Nov. 2018 Nov. 2017 Nov. 2018\n",
            "                         Civilian labor force               6222         6397        154244       156267\n",
            "                         Participation rate                 20.8         21.1        68.3         68.4\n",
        ));
        let c = table_cells(&d);
        for (col, raw) in [
            ("Persons with a disability>Nov. 2017", "6222"),
            ("Persons with a disability>Nov. 2018", "6397"),
            ("Persons with no disability>Nov. 2017", "154244"),
            ("Persons with no disability>Nov. 2018", "156267"),
        ] {
            assert!(has(&c, "Civilian labor force", col, raw), "{col} {c:?}");
        }
    }

    /// pdftotext squeezes a label spanning rows and the row's own label onto one space
    /// where the first is long (`67 years or older Males`): the row's label, read so at one
    /// place on other lines, is cut off and stands there, so the spanning label heads its
    /// three rows, centred among them.
    #[test]
    fn a_row_label_squeezed_onto_the_label_spanning_its_rows_is_cut_off() {
        let d = doc(concat!(
            "           Item               Persons          Change\n",
            "                   Both sexes 2857108          1.7\n",
            "All ages           Males      1470345          2.3\n",
            "                   Females 1386763             1.2\n",
            "                   Both sexes 483031           1.7\n",
            "55-66 years        Males      246373           2.0\n",
            "                   Females 236658              1.4\n",
            "                   Both sexes 54085            3.8\n",
            "67 years or older Males       31860            5.3\n",
            "                   Females 22225               1.7\n",
        ));
        let c = table_cells(&d);
        for (row, raw) in [
            ("67 years or older>Both sexes", "54085"),
            ("67 years or older>Males", "31860"),
            ("67 years or older>Females", "22225"),
            ("55-66 years>Females", "236658"),
        ] {
            assert!(has(&c, row, "Persons", raw), "{row} {c:?}");
        }
    }

    /// pdftotext sets a label spanning rows at its cell's middle, wrapped at the cell's
    /// width, its lines among the rows' lines (`Both sexes, 65 years and` / a row /
    /// `over`): English words in lower case on a line of their own go on the label above,
    /// and words in capitals after rows start the next one; each heads its five rows,
    /// centred among them.
    #[test]
    fn a_spanning_label_wrapped_among_its_rows_goes_on_in_lower_case() {
        let d = doc(concat!(
            "                         Item                     Nov. 2017    Nov. 2018\n",
            "                         Civilian labor force          6222         6397\n",
            "                         Participation rate            20.8         21.1\n",
            "TOTAL, 16 years and      Employed                      5693         5904\n",
            "over\n",
            "                         Unemployed                     529          494\n",
            "                         Unemployment rate              8.5          7.7\n",
            "                         Civilian labor force          2730         2670\n",
            "                         Participation rate            36.5         35.3\n",
            "Both sexes, 65 years and\n",
            "                         Employed                      2469         2460\n",
            "over\n",
            "                         Unemployed                     262          210\n",
            "                         Unemployment rate              9.6          7.9\n",
        ));
        let c = table_cells(&d);
        for (row, raw) in [
            ("TOTAL, 16 years and over>Civilian labor force", "6222"),
            ("TOTAL, 16 years and over>Unemployment rate", "8.5"),
            ("Both sexes, 65 years and over>Civilian labor force", "2730"),
            ("Both sexes, 65 years and over>Unemployment rate", "9.6"),
        ] {
            assert!(has(&c, row, "Nov. 2017", raw), "{row} {c:?}");
        }
    }

    /// Issue 13: a label centred over its columns may hold a word that ends where a
    /// column's right-aligned values end by chance: a line not set at the columns' edges
    /// is not cut there (`Seasonally adjusted` spans the last three columns).
    #[test]
    fn a_centred_spanning_label_is_not_cut_at_an_edge_it_touches_by_chance() {
        let d = doc(concat!(
            "            Not adjusted   Seasonally adjusted\n",
            "            Aug.   July   Aug.   May   June\n",
            "Employed     146    147    145    146    145\n",
            "Unemployed     7      9      7      8      8\n",
        ));
        let t = d.tables().next().expect("a table");
        let paths: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
        assert!(
            paths.iter().all(|p| !p.starts_with("Seasonally/")),
            "{paths:?}"
        );
    }

    /// Issue 13: a yearbook's time series prints a year where the row's label stands and
    /// no other label: the years label the rows, they are no values.
    #[test]
    fn a_first_column_of_years_in_order_labels_the_rows() {
        let d = doc(concat!(
            "Year  GDP     Primary  Secondary\n",
            "1950  3634    1054     1054\n",
            "1951  3969    1159     1270\n",
            "1952  4609    1567     1613\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "1951", "Primary", "1159"), "{c:?}");
        assert_eq!(c.len(), 9, "{c:?}");
    }

    /// Issue 13: where the values do not say in which measure a tool padded the lines (no
    /// wide character before them), the header does: lynx sets `城市` at the column's
    /// start counted in characters.
    #[test]
    fn the_header_tells_the_measure_where_the_values_do_not() {
        let d = doc(concat!(
            "项目      全省Total 城市Urban\n",
            "1950    3634    1054\n",
            "1951    3969    1159\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "1951", "城市Urban", "1159"), "{c:?}");
    }

    /// Issue 13: pandoc's simple table draws a rule of dashes under its header: the rule
    /// is no header text (it had named every column by its dashes).
    #[test]
    fn a_rule_of_dashes_under_the_header_names_no_column() {
        let d = doc(concat!(
            "  项目        上旬平均   中旬平均\n",
            "  ----------- ---------- ----------\n",
            "  菜籽油      76.7       76.7\n",
            "  大豆油      57.79      57.79\n",
            "  花生油      109.95     109.95\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "大豆油", "中旬平均", "57.79"), "{c:?}");
    }

    /// Issue 13: w3m centres header cells and sets two group labels that fill their spans
    /// one space apart; the leaves under them repeat, one run a group: the line is cut at
    /// the groups' first columns alone (a word of the first label standing at the second
    /// column's start by chance, `a disability`, cuts nothing).
    #[test]
    fn group_labels_one_space_apart_cut_at_the_groups_of_repeated_leaves() {
        let d = doc(concat!(
            "       Item                                Persons with a disability Persons with no disability\n",
            "                                            Nov. 2017    Nov. 2018     Nov. 2017     Nov. 2018\n",
            "      Civilian noninstitutional population 29968        30390        225981        228317\n",
            "      Civilian labor force                 6222         6397         154244        156267\n",
        ));
        let c = table_cells(&d);
        assert!(
            has(
                &c,
                "Civilian labor force",
                "Persons with a disability>Nov. 2018",
                "6397"
            ),
            "{c:?}"
        );
        assert!(
            has(
                &c,
                "Civilian labor force",
                "Persons with no disability>Nov. 2017",
                "154244"
            ),
            "{c:?}"
        );
    }

    /// Issue 13: w3m and lynx print a year alone on its line over its rows indented under
    /// it (a label spanning rows, set at their top): the year heads them, and no row's
    /// label runs on into it (`Weight` stays whole). A PDF draws the year in the middle of
    /// its rows, some of them above it: there it heads nothing.
    #[test]
    fn a_year_alone_over_rows_indented_under_it_heads_them() {
        let d = doc(concat!(
            "    Item     Food  Drinks   All Items\n",
            "Weight       429   47       1000\n",
            "2006\n",
            "    Mar Qtr  103.2 104.0    105.0\n",
            "    Jun Qtr  109.1 105.6    108.2\n",
            "2007\n",
            "    Mar Qtr  111.8 114.6    114.7\n",
            "    Jun Qtr  109.7 115.0    113.5\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "Weight", "Drinks", "47"), "{c:?}");
        assert!(has(&c, "2006>Jun Qtr", "Food", "109.1"), "{c:?}");
        assert!(has(&c, "2007>Mar Qtr", "All Items", "114.7"), "{c:?}");
        let d = doc(concat!(
            "         Food  Drinks   All Items\n",
            "     Q1  103.2 104.0    105.0\n",
            "     Q2  109.1 105.6    108.2\n",
            "1998\n",
            "     Q3  111.8 114.6    114.7\n",
            "     Q4  109.7 115.0    113.5\n",
        ));
        // (a year amid its rows is a PDF's label spanning them, set in their middle: it
        // labels the rows above it as well as those under it)
        let c = table_cells(&d);
        assert!(has(&c, "1998>Q1", "Food", "103.2"), "{c:?}");
        assert!(has(&c, "1998>Q4", "All Items", "113.5"), "{c:?}");
    }

    /// pdftotext sets a label spanning rows in the middle of them: on a line of its own
    /// between the two middle rows (`2011`), or squeezed one space before the middle
    /// row's own label (`2012 Feb`). The months' count restarting (`Dec`, then `Jan`)
    /// tells where each year's rows end; the year alone is no row of one value.
    #[test]
    fn years_set_in_the_middle_of_their_months_by_pdftotext_label_them() {
        let d = doc(concat!(
            "  Item       Index     Change\n",
            "     Sep     120.9     0.6\n",
            "     Oct     121.0     0.1\n",
            "2011\n",
            "     Nov     121.2     0.2\n",
            "     Dec     121.7     0.4\n",
            "     Jan     121.1     -0.5\n",
            "2012 Feb     121.8     0.6\n",
            "     Mar     122.2     0.3\n",
        ));
        let t = d.tables().next().expect("a table");
        assert_eq!(t.columns.len(), 2, "{t:?}");
        let c = table_cells(&d);
        assert!(has(&c, "2011>Sep", "Index", "120.9"), "{c:?}");
        assert!(has(&c, "2011>Dec", "Change", "0.4"), "{c:?}");
        assert!(has(&c, "2012>Jan", "Index", "121.1"), "{c:?}");
        assert!(has(&c, "2012>Feb", "Change", "0.6"), "{c:?}");
        assert!(has(&c, "2012>Mar", "Index", "122.2"), "{c:?}");
        // lynx sets the year one space before its first row's month instead: the year
        // spans the rows, not the month
        let d = doc(concat!(
            "     Item     Index     Change\n",
            "   2011 Nov   121.2     0.2\n",
            "        Dec   121.7     0.4\n",
            "   2012 Jan   121.1     -0.5\n",
            "        Feb   121.8     0.6\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "2011>Dec", "Index", "121.7"), "{c:?}");
        assert!(has(&c, "2012>Feb", "Change", "0.6"), "{c:?}");
    }

    /// Rows labelled by their period alone (`2023`, `1Q 2024`), each under the line
    /// naming its series (a release's summary table as lynx prints it): the periods are
    /// labels, no column of values, and a series' long name between rows is a row
    /// printing no value, not text ending the table.
    #[test]
    fn periods_under_the_names_of_their_series_label_the_rows() {
        let d = doc(concat!(
            "                 Item                    Latest Data % Change  Period Data % Change\n",
            "   National Accounts\n",
            "       GDP at Current Prices\n",
            "           1Q 2024                       172128.7    6.8       176412.1    2.6\n",
            "           2023                          673300.3    -2        687230.4    17.8\n",
            "   Per Capita GNI\n",
            "       2023                              95455       -3.1      98550       8.4\n",
            "   Gross Fixed Capital Formation at Current Market Prices\n",
            "       2023                              149410.2    4.9       142375.9    9.7\n",
            "   Gross National Saving\n",
            "       2023                              274626.5    -0.9      277050.9    8.4\n",
        ));
        assert_eq!(d.tables().count(), 1);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.columns.len(), 4, "{t:?}");
        let c = table_cells(&d);
        assert!(
            has(
                &c,
                "National Accounts>GDP at Current Prices>1Q 2024",
                "Latest Data",
                "172128.7"
            ),
            "{c:?}"
        );
        assert!(
            has(&c, "Per Capita GNI>2023", "Period Data", "98550"),
            "{c:?}"
        );
        assert!(
            has(
                &c,
                "Gross Fixed Capital Formation at Current Market Prices>2023",
                "Latest Data",
                "149410.2"
            ),
            "{c:?}"
        );
        assert!(
            has(&c, "Gross National Saving>2023", "Period Data", "277050.9"),
            "{c:?}"
        );
    }

    /// pdftotext sets a row's values at the middle of its height: a label of two lines
    /// prints one line over the values and one under them. Both lines label the row;
    /// a label line followed by its own line of values heads those values instead.
    #[test]
    fn a_label_wrapped_around_its_values_by_pdftotext_labels_them() {
        let d = doc(concat!(
            "  Item                         2022      2023\n",
            "  Change (%) to the previous\n",
            "                               1.2       0.7\n",
            "  quarter\n",
            "  Change (%) to the\n",
            "                               3.3       3.1\n",
            "  corresponding quarter\n",
            "  Level                        101.2     102.0\n",
            "  Total\n",
            "                               100       200\n",
            "  Male\n",
            "                               50        100\n",
        ));
        let c = table_cells(&d);
        assert!(
            has(&c, "Change (%) to the previous quarter", "2023", "0.7"),
            "{c:?}"
        );
        assert!(
            has(&c, "Change (%) to the corresponding quarter", "2022", "3.3"),
            "{c:?}"
        );
        assert!(has(&c, "Level", "2023", "102.0"), "{c:?}");
        assert!(!c.iter().any(|(r, _, _)| r.contains("Total Male")), "{c:?}");
        assert!(
            c.iter().any(|(r, _, v)| r.ends_with("Male") && v == "50"),
            "{c:?}"
        );
    }

    /// pdftotext squeezes values one space apart where a column is narrow, so the
    /// columns come from the rows printing every value, read in order; a row printing
    /// fewer (its empty cells left blank) has each value over one such column only, set
    /// one character a column as the PDF's text is: it takes that column, in order.
    #[test]
    fn a_short_row_of_a_pdf_table_read_in_order_takes_the_columns_it_stands_over() {
        let d = doc(concat!(
            "        项目         3月 1-3月累计 累计比上年同期增长(%) 结构(%)\n",
            "一、社会消费品零售总额      610814 4406183 5.3       433\n",
            "  1、批发零售贸易业      606623 4377050 3.9       12.3\n",
            "  2、餐饮业          47424 452456   47.0      44.3\n",
            "二、限额以上商业企业数      -      665\n",
            "  1、批发零售企业       -      501\n",
            "  2、住宿餐饮企业       -      87\n",
            "三、限额以上批零企业商品销售总额 633643 124835 -4.3\n",
            "  1、批发额          546429 975405  45.4\n",
            "  2、零售额          10447 572663   -56.2\n",
            "  在总额中:\n",
            "     食品饮料烟酒类     94944 558751   52.5\n",
            "     服装鞋帽针纺织品类   49087 88788    -7.1\n",
            "     日用品类        8416 48571     49.8\n",
            "\u{c}",
        ));
        let c = table_cells(&d);
        assert!(
            has(&c, "二、限额以上商业企业数", "1-3月累计", "665"),
            "{c:?}"
        );
        assert!(
            has(&c, "二、限额以上商业企业数>1、批发零售企业", "3月", "-"),
            "{c:?}"
        );
        assert!(
            !c.iter()
                .any(|(r, col, v)| r.starts_with("二") && col.starts_with("结构") && !v.is_empty()),
            "{c:?}"
        );
    }

    /// Chinese characters are all one width, so a wrapped label's later line holds no
    /// more of them than the line above: `收入` over `决算数` are two levels, however a
    /// PDF's text (one character a column) places them, and `本年制发` over `件数` stays
    /// one label wrapped.
    #[test]
    fn a_chinese_line_longer_than_the_one_above_is_no_wrapped_end() {
        let d = doc(concat!(
            "收入支出决算总表\n",
            "       项目       收入 支出\n",
            "               决算数 决算数\n",
            "一、财政拨款收入 2940.05\n",
            "八、其他收入         6.2\n",
            "本年收入合计         2946.25\n",
            "总计             2946.25 2946.25\n",
            "一、一般公共服务支出             2106.66\n",
            "八、社会保障和就业支出            839.59\n",
            "本年支出合计                 2946.25\n",
            "\u{c}",
        ));
        let t = d.tables().next().expect("a table");
        let paths = column_paths(t);
        assert_eq!(paths, ["收入>决算数", "支出>决算数"], "{t:?}");
        let d = doc(concat!(
            "  项目        本年制发   本年废止\n",
            "              件数       件数\n",
            "  规章        3          1\n",
            "  规范性文件  12         4\n",
        ));
        let t = d.tables().next().expect("a table");
        let paths = column_paths(t);
        assert_eq!(paths, ["本年制发件数", "本年废止件数"], "{t:?}");
    }

    /// A header label wrapped after `=` ends on a line of its own that prints its base
    /// alone (`previous quarter =` over `100%`): header text, no row of values.
    #[test]
    fn a_base_under_a_header_label_ending_in_equals_ends_the_label() {
        let d = doc(concat!(
            " Item               previous             previous\n",
            "         thousand             thousand\n",
            "                    quarter =            quarter =\n",
            "          persons              persons\n",
            "                      100%                 100%\n",
            "     Q1 3639.7       99.8       345.9     105.9\n",
            "     Q2 3662.1       100.6      320.1     92.5\n",
        ));
        let t = d.tables().next().expect("a table");
        assert_eq!(t.rows.len(), 2, "{t:?}");
        let c = table_cells(&d);
        assert!(has(&c, "Q2", "previous quarter = 100%", "100.6"), "{c:?}");
        assert!(has(&c, "Q1", "thousand persons", "345.9"), "{c:?}");
    }

    /// The same year alone in the column under `Item` where the rows are not indented
    /// (inscriptis sets every cell at its column's start): under the word naming the rows
    /// it is a label printing no value, no value of a column of its own; it heads the
    /// rows under it where their labels repeat from year to year.
    #[test]
    fn a_year_alone_under_item_heads_the_rows_under_it() {
        let d = doc(concat!(
            "Item      Food   Drinks   All Items\n",
            "Weight    429    47       1000\n",
            "2006\n",
            "Mar Qtr   103.2  104.0    105.0\n",
            "Jun Qtr   109.1  105.6    108.2\n",
            "2007\n",
            "Mar Qtr   111.8  114.6    114.7\n",
            "Jun Qtr   109.7  115.0    113.5\n",
        ));
        let t = d.tables().next().expect("a table");
        assert_eq!(t.stub, ["Item"]);
        assert_eq!(t.columns.len(), 3);
        let c = table_cells(&d);
        assert!(has(&c, "Weight", "Food", "429"), "{c:?}");
        assert!(has(&c, "2006>Jun Qtr", "Food", "109.1"), "{c:?}");
        assert!(has(&c, "2007>Mar Qtr", "All Items", "114.7"), "{c:?}");
    }

    /// Issue 13: a header line of leaves repeated under each group (`1-9  比去年同期增长(%)`
    /// four times) reads like a numbered caption (`7-3 …`) but names no table: it is the
    /// header's lower line.
    #[test]
    fn repeated_leaves_starting_with_a_range_are_header_not_caption() {
        let d = doc(concat!(
            "                  项目                          主营业务收入                利润总额\n",
            "                                            1-9   比去年同期增长(%)  1-9   比去年同期增长(%)\n",
            "橡胶和塑料制品业                          660.75  -5.3              36.78  -0.6\n",
            "非金属矿物制品业                          383.52  -10.3             16.72  -40.0\n",
        ));
        let c = table_cells(&d);
        assert!(
            has(
                &c,
                "非金属矿物制品业",
                "利润总额>比去年同期增长(%)",
                "-40.0"
            ),
            "{c:?}"
        );
    }

    /// Issue 13: pandoc's simple table whose first row, right under the header's rule, is
    /// a numbered group label printing no value: a row of the table, not a heading that
    /// cuts the header off; so it is right under a header line of the columns (w3m).
    #[test]
    fn a_numbered_group_right_under_a_simple_tables_rule_is_a_row() {
        let d = doc(concat!(
            "  项目                               福州市     厦门市\n",
            "  ---------------------------------- ---------- ----------\n",
            "  一、人口、劳动力及土地面积\n",
            "  　　年末总人口(万人)               157.64     137.16\n",
            "  　　年平均人口(万人)               155.71     135.76\n",
        ));
        let c = table_cells(&d);
        assert!(
            has(
                &c,
                "一、人口、劳动力及土地面积>年平均人口(万人)",
                "厦门市",
                "135.76"
            ),
            "{c:?}"
        );
        assert!(!d.blocks.iter().any(|b| matches!(b, Block::Heading(_))));
        // w3m draws no rule: the group stands right under the header's line of columns
        let d = doc(concat!(
            "                  项目               福州市     厦门市     莆田市\n",
            "一、人口、劳动力及土地面积\n",
            "　　年末总人口(万人)                 157.64     137.16     200.81\n",
            "　　年平均人口(万人)                 155.71     135.76     200.50\n",
        ));
        let c = table_cells(&d);
        assert!(
            has(
                &c,
                "一、人口、劳动力及土地面积>年平均人口(万人)",
                "莆田市",
                "200.50"
            ),
            "{c:?}"
        );
    }

    /// Issue 13: the first column under the header word naming the rows (`Item`) holds
    /// the rows' labels even where they print as numbers (a spreadsheet turned the age
    /// groups `5- 9`, `10-14` into the dates `40307`, `40465`).
    #[test]
    fn the_column_under_the_stub_word_is_the_labels() {
        let d = doc(concat!(
            "Item   Female  %     Male   %     Total  %   \n",
            "0- 4   431.1   15.4  438.8  16.1  0.0    15.7\n",
            "40307  413.2   14.8  429.0  15.7  0.0    15.2\n",
            "40465  356.1   12.7  375.7  13.8  0.0    13.2\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "40307", "Female", "413.2"), "{c:?}");
        assert!(has(&c, "0- 4", "Total", "0.0"), "{c:?}");
    }

    /// Issue 13: a label ending in a small number one space from it (`Under 1`), in the
    /// labels' place left of every value column, no other row printing there: the
    /// number is the label's, not a column of its own that shifts the row's values.
    #[test]
    fn a_lone_number_squeezed_against_its_label_is_the_labels() {
        let d = doc(concat!(
            "Item         Males.  Females.\n",
            "1861.        1870.   1881.     1861.  1870.  1881.\n",
            "All Ages     55.12   53.21     52.86  44.88  46.79  47.14\n",
            "Under 1      51.72   51.4      48.22  48.28  48.6   51.78\n",
            "1 - 2        49.76   49.21     48.67  50.24  50.69  51.33\n",
            "2 - 5        51.03   50.13     51.44  48.97  49.87  48.56\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "Under 1", "Females.>1861.", "48.28"), "{c:?}");
        assert!(has(&c, "All Ages", "Males.>1881.", "52.86"), "{c:?}");
    }

    /// Issue 13: pandoc's simple table of two label columns, its rule right over the rows:
    /// the header line above the rule is the table's header, not a paragraph (the names
    /// repeat, so the grade is a level of the rows, as the page prints it).
    #[test]
    fn a_header_line_above_the_rule_over_the_rows() {
        let d = doc(concat!(
            "  项目                            上旬平均   中旬平均\n",
            "  ------------ ------------------ ---------- ----------\n",
            "  菜籽油       桶装一级压榨       76.7       76.7\n",
            "  大豆油       桶装一级浸出       57.79      57.79\n",
            "  花生油       桶装一级压榨       109.95     109.95\n",
            "  鲜猪肉       精瘦肉             18.45      16.81\n",
            "  鲜猪肉       肋条肉             17.91      17.60\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "大豆油>桶装一级浸出", "中旬平均", "57.79"), "{c:?}");
    }

    /// Issue 13: inscriptis drops the corner cell spanning both header lines and prints
    /// the leaves from the corner's place on, and sets `2009` right after `2008`: the
    /// places name the wrong columns, the two runs of the same leaves under two years
    /// the right ones.
    #[test]
    fn leaves_shifted_into_the_corner_under_groups_of_the_same_leaves() {
        let d = doc(concat!(
            "项目             2008      2009         \n",
            "零售总额(亿元)  增长(%)     零售总额(亿元)  增长(%)   \n",
            "全国             114830.1  22.7           132678.4  15.5\n",
            "北京             4645.5    21.1           5309.9    14.3\n",
            "天津             2078.7    25.9           2430.8    16.9\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "全国", "2009>零售总额(亿元)", "132678.4"), "{c:?}");
        assert!(has(&c, "天津", "2008>增长(%)", "25.9"), "{c:?}");
    }

    /// A PDF sets a label spanning rows in the middle of them: `Part-time` on a line of
    /// its own between the second and third of its four rows, the first two over it.
    /// Each label heads the rows around it, not the rows below it.
    #[test]
    fn labels_set_in_the_middle_of_their_rows_on_lines_of_their_own() {
        let d = doc(concat!(
            "      Item              Total  Rate\n",
            "            Food        9573   4.6\n",
            "            Education   3229   2.0\n",
            "Part-time\n",
            "            Transport   7038   2.1\n",
            "            Health      9813   1.9\n",
            "            Food        6023   1.5\n",
            "            Education   2332   1.9\n",
            "Unemployed\n",
            "            Transport   3080   1.5\n",
            "            Health      7687   7.6\n",
        ));
        let c = table_cells(&d);
        assert!(has(&c, "Part-time>Food", "Total", "9573"), "{c:?}");
        assert!(has(&c, "Part-time>Health", "Rate", "1.9"), "{c:?}");
        assert!(has(&c, "Unemployed>Food", "Total", "6023"), "{c:?}");
        assert!(has(&c, "Unemployed>Health", "Rate", "7.6"), "{c:?}");
    }

    /// A row left out (its values' columns not clear) still labels the rows under it:
    /// `Women`, printed on the line of a row left out, heads `Education` below, which must
    /// not take the group of the rows above (`Unemployed`). The text is w3m's of two
    /// tables run together, the second's caption unnumbered.
    #[test]
    fn a_row_left_out_keeps_its_group_label_for_the_rows_under_it() {
        let d = doc(concat!(
            "               Item                Total      Full-time             Women\n",
            "                                          Jan    Feb    Mar   Jan    Feb    Mar\n",
            "           Food                    95737 -4.6  649.9   15.4  39.1  8342.86 66504\n",
            "Part-time  Education               32296 -24.0 6735.5  18.1  -21.7 1226.8  33700\n",
            "           Transport               98131 18.9  16.8    16.0  4.7   5110.67 48530\n",
            "           Food                    60239 15.0  6870.7  12.7  24.8  9638.61 78592\n",
            "Unemployed Education               2332  -10.9         -23.5 0.4   6803.1  24287\n",
            "           Transport               76871 7.6   1098.9  16.4  -15.4 9687.8  27307\n",
            "           Food                    94458 18.0          -25.6 -21.4 1536.16 11891\n",
            "Women      Education               68476 -8.4  5728.9  -14.9 11.3  3526.22 56821\n",
            "           Transport               7591        2824.5  -6.1  27.6  7378.5  60589\n",
            "\n",
            "Selected indicators by region, 2017\n",
            "\n",
            "         Item           June 2023   2023\n",
            "Total                   6144       1509.75\n",
            "Seasonally adjusted     24159      2760.85\n",
            "    Mountain            56083      6039.9\n",
            "    Pacific             93788      8406.3\n",
        ));
        let c = table_cells(&d);
        assert!(
            !c.iter()
                .any(|(r, _, v)| v == "68476" && r != "Women>Education"),
            "{c:?}"
        );
    }

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

    /// The row path of the cell printing `raw`.
    fn row_of<'a>(cells: &'a [(String, String, String)], raw: &str) -> Option<&'a str> {
        cells
            .iter()
            .find(|(_, _, v)| v == raw)
            .map(|(r, _, _)| r.as_str())
    }

    /// Asserts that the cell at `row` and `col` prints `raw`, showing every cell if not.
    #[track_caller]
    fn assert_has(cells: &[(String, String, String)], row: &str, col: &str, raw: &str) {
        assert!(
            has(cells, row, col, raw),
            "{row} / {col} = {raw}: {cells:?}"
        );
    }

    fn has(cells: &[(String, String, String)], row: &str, col: &str, raw: &str) -> bool {
        cells
            .iter()
            .any(|(r, c, v)| r == row && c == col && v == raw)
    }

    /// inscriptis sets each header row's cells packed left, a cell left blank taking its
    /// column too (`      Male  Female        Male  Female` under `Item  Population
    /// Percentage  Sex Ratio`): the starts it skips are blank cells, each a group's own
    /// column, and of the readings that allows the one the rows add up is taken
    /// (`1145209 = 587039 + 558170`, `100.0 = 51.26 + 48.74`).
    #[test]
    fn a_header_packed_left_with_blank_cells_read_by_the_sums() {
        let text = concat!(
            "Item   Population (person)  Percentage to Total Population (%)  Sex Ratio (Female=100)\n",
            "       Male                 Female                                                      Male   Female\n",
            "Total  1145209              587039                              558170                  100.0  51.26   48.74  105.17\n",
            "0-4    64830                35247                               29583                   5.66   3.08    2.58   119.15\n",
        );
        let d = doc(text);
        let cells = table_cells(&d);
        assert!(
            has(&cells, "Total", "Population (person)", "1145209"),
            "{cells:?}"
        );
        assert!(has(&cells, "Total", "Population (person)>Female", "558170"));
        assert!(has(
            &cells,
            "0-4",
            "Percentage to Total Population (%)>Male",
            "3.08"
        ));
        assert!(has(&cells, "0-4", "Sex Ratio (Female=100)", "119.15"));
    }

    /// A header cell printed in two languages, its English under its Chinese over the
    /// same column (`工业` / `Industry`), is one label, though the English line is the
    /// wider: a wrapped line is otherwise no wider than the line above it.
    #[test]
    fn a_chinese_label_over_its_english_is_one_label() {
        let text = concat!(
            "       项目        第一产业 Primary   工业        建筑业\n",
            "                   Industry           Industry    Construction\n",
            "Fujian             103.5              108.9       106.6\n",
            "福州市 Fuzhou      104.3              108.8       107.0\n",
        );
        let d = doc(text);
        let cells = table_cells(&d);
        assert!(has(&cells, "Fujian", "工业Industry", "108.9"), "{cells:?}");
        assert!(has(&cells, "福州市Fuzhou", "建筑业Construction", "107.0"));
        assert!(has(&cells, "Fujian", "第一产业Primary Industry", "103.5"));
    }

    /// A group label alone on its line in the rows' own column (inscriptis drops the
    /// indentation that set it apart) is a row printing no value, and heads the rows under
    /// it as a group row does in other tables; it is not left out.
    #[test]
    fn a_group_label_alone_in_the_rows_column() {
        let d = doc(concat!(
            "2-3 总产出\n",
            "\n",
            "项目             2000     2005      2010\n",
            "总产出(亿元)        9870.58  16995.93  38915.25\n",
            "第一产业           1037.27  1373.03   2307.05\n",
            "第二产业           6154.43  11385.95  26616.53\n",
            "按主要行业分\n",
            "工业             5447.13  10065.44  23152.34\n",
            "建筑业            707.3    1320.52   3464.19\n",
            "总产出指数(上年=100)  110.4    113.2     115.47\n",
            "第一产业           103.1    102.9     103.52\n",
            "第二产业           112.2    113.5     117.54\n",
            "按主要行业分\n",
            "工业             113.1    114.4     119.5\n",
            "建筑业            101.2    105.7     103.3\n",
        ));
        let cells = table_cells(&d);
        assert!(has(
            &cells,
            "总产出(亿元)>按主要行业分>工业",
            "2000",
            "5447.13"
        ));
        let path = "总产出指数(上年=100)>按主要行业分>建筑业";
        assert!(has(&cells, path, "2010", "103.3"));
        assert!(has(
            &cells,
            "总产出指数(上年=100)>第二产业",
            "2005",
            "113.5"
        ));
        assert!(!d.warnings.iter().any(|w| w.code == "unplaced-label"));
    }

    /// inscriptis sets each row's cells present in consecutive columns: a label spanning
    /// rows takes a column in its first row only, which pushes that row's values one column
    /// right of the others'. Read as rows of the cells present, the values the last cells
    /// of each row, every value keeps its column.
    #[test]
    fn rows_of_cells_packed_left() {
        let d = doc(concat!(
            "Table A-6. Employment status by disability\n",
            "\n",
            "Item                Persons with a disability  Persons with no disability\n",
            "Nov. 2017           Nov. 2018                  Nov. 2017                   Nov. 2018\n",
            "TOTAL, 16 years     Civilian population        29968                       30390      225981  228317\n",
            "Labor force         6222                       6397                        154244     156267\n",
            "Participation rate  20.8                       21.1                        68.3       68.4\n",
            "MEN, 16 years       Civilian population        14008                       14200      110226  111453\n",
            "Labor force         3137                       3220                        83014      83756\n",
        ));
        let cells = table_cells(&d);
        assert_eq!(cells.len(), 20);
        let first = "Persons with a disability>Nov. 2017";
        assert!(has(
            &cells,
            "TOTAL, 16 years>Civilian population",
            first,
            "29968"
        ));
        assert!(has(&cells, "TOTAL, 16 years>Labor force", first, "6222"));
        let last = "Persons with no disability>Nov. 2018";
        assert!(has(
            &cells,
            "TOTAL, 16 years>Participation rate",
            last,
            "68.4"
        ));
        assert!(has(&cells, "MEN, 16 years>Labor force", last, "83756"));
    }

    /// lynx counts a CJK character as one column and joins long header lines with single
    /// spaces: a line of labels set at the values' columns is header, however long, and a
    /// piece running on from the corner is cut where its words start at the columns.
    #[test]
    fn lynx_bilingual_header_one_space_apart() {
        let d = doc(concat!(
            "表2-1 历年总户数和总人口\n",
            "\n",
            "   Item 总户数Total Households   总人口Total Population                        其中of Which\n",
            "                                                      按性别分By Sex             按农业分By Agriculture\n",
            "                                                    男性Male 女性Female 农业人口Agriculture 非农业人口Non-agriculture\n",
            "   1978 123.30                457.70                234.18 223.52   394.28          63.42\n",
            "   1979 124.48                462.07                235.78 226.29   394.31          67.76\n",
            "   1980 128.57                465.99                237.98 228.01   393.13          72.86\n",
            "   1981 136.86                471.76                240.95 230.81   394.39          70.37\n",
        ));
        let cells = table_cells(&d);
        assert_eq!(cells.len(), 24);
        assert!(has(&cells, "1978", "总户数Total Households", "123.30"));
        assert!(has(&cells, "1979", "总人口Total Population", "462.07"));
        assert!(has(
            &cells,
            "1980",
            "其中of Which>按性别分By Sex>女性Female",
            "228.01"
        ));
        let path = "其中of Which>按农业分By Agriculture>非农业人口Non-agriculture";
        assert!(has(&cells, "1981", path, "70.37"));
    }

    /// lynx joins the cells of a header wider than the screen by single spaces, far off
    /// the values (`福州市 fuzhou 厦门市 xiamen …`): a bilingual label is Chinese then
    /// English, so each Chinese word starts a label, and labels as many as the values name
    /// the columns in order; the group line under the header stays in the table.
    #[test]
    fn bilingual_labels_joined_far_off_the_values_name_them_in_order() {
        let d = doc(concat!(
            "            项目                       福州市 fuzhou 厦门市 xiamen 莆田市 putian\n",
            "   一、人口 population\n",
            "   　　年末总人口(万人) total population    157.64     137.16     200.81\n",
            "   　　年平均人口(万人) average population  155.71     135.76     200.5\n",
            "   二、土地 area of land\n",
            "   　　土地面积(平方公里) area             12154.6    1565.1     4119.0\n",
        ));
        let c = table_cells(&d);
        assert_eq!(c.len(), 9);
        assert_has(
            &c,
            "一、人口population>年末总人口(万人) total population",
            "福州市fuzhou",
            "157.64",
        );
        let row = "一、人口population>年平均人口(万人) average population";
        assert_has(&c, row, "厦门市xiamen", "135.76");
        let row = "二、土地area of land>土地面积(平方公里) area";
        assert_has(&c, row, "莆田市putian", "4119.0");
    }

    /// A bilingual header one space apart (`全省Total Province Indices 城市Urban Indices`)
    /// over values whose first row is pushed right by a long label: a label starts with its
    /// Chinese, so Chinese after English words at a column's start starts a cell.
    #[test]
    fn bilingual_labels_one_space_apart_start_with_their_chinese() {
        let d = doc(concat!(
            "       项目    全省Total Province Indices 城市Urban Indices 农村Rural Indices\n",
            "商品零售价格总指数 102.3                       102.5           102.0\n",
            "一、食品类        108.6                    108.6           108.5\n",
            "  1.粮食       107.6                    107.5           107.7\n",
            "  2.淀粉       108.0                    106.5           109.1\n",
            "二、饮料、烟酒      102.3                    102.5           102.0\n",
        ));
        let cells = table_cells(&d);
        assert_eq!(cells.len(), 15);
        assert!(has(
            &cells,
            "商品零售价格总指数",
            "全省Total Province Indices",
            "102.3"
        ));
        assert!(has(
            &cells,
            "一、食品类>1.粮食",
            "城市Urban Indices",
            "107.5"
        ));
        assert!(has(&cells, "二、饮料、烟酒", "农村Rural Indices", "102.0"));
    }

    /// lynx's table: each header cell padded to its column and centred over its span (a
    /// label above the leaves may overlap one column only), the leaves one space apart, a
    /// label ending `= 100%` (no value), and a label spanning rows printed one space
    /// before the first row's own.
    #[test]
    fn centred_header_and_spanning_label_one_space_apart() {
        let d = doc(concat!(
            "Table 3. Employment\n",
            "\n",
            "    Item                  Original                                Adjusted\n",
            "                employed           unemployed           employed           unemployed\n",
            "           persons rate = 100% persons rate = 100% persons rate = 100% persons rate = 100%\n",
            "   1998 Q1 312.1   103.5       368.7   97.6        344.6   99.5        358.6   102.9\n",
            "        Q2 308.4   95.3        375.2   99.3        368.6   95.0        340.1   102.2\n",
            "        Q3 320.6   104.5       381.1   95.3        302.3   100.4       384.5   98.8\n",
            "   1999 Q1 319.5   99.2        302.6   97.2        339.4   100.0       321.0   97.3\n",
            "        Q2 319.7   99.6        326.1   95.2        375.4   100.6       357.8   96.9\n",
            "        Q3 389.3   103.6       310.9   98.3        364.9   102.1       384.3   99.2\n",
            "\n",
            "Source: survey.\n",
        ));
        let cells = table_cells(&d);
        assert_eq!(cells.len(), 48);
        assert!(has(&cells, "1998>Q1", "Original>employed>persons", "312.1"));
        assert!(has(
            &cells,
            "1998>Q2",
            "Original>employed>rate = 100%",
            "95.3"
        ));
        assert!(has(
            &cells,
            "1998>Q3",
            "Original>unemployed>persons",
            "381.1"
        ));
        assert!(has(
            &cells,
            "1999>Q1",
            "Adjusted>employed>rate = 100%",
            "100.0"
        ));
        assert!(has(
            &cells,
            "1999>Q3",
            "Adjusted>unemployed>rate = 100%",
            "99.2"
        ));
    }

    /// A `<pre>` release: a section line centred over the rows, a label wrapped with a
    /// hanging indent, one-column indentation steps, footnote marks for values.
    #[test]
    fn release_sections_wraps_and_indent_levels() {
        let text = "\
Table B-2.  Persons by reason

                                 July      July
                                 2008      2009
           NUMBER OF PERSONS
  Losers and persons who had
   jobs ....................    4,562     9,447
    On layoff ..............    1,134     1,804
      Permanent ............    2,512      (1)
  Leavers ..................      904       917
";
        let c = table_cells(&doc(text));
        let s = "NUMBER OF PERSONS>Losers and persons who had jobs";
        assert!(has(&c, s, "July 2008", "4,562"), "{c:?}");
        assert!(
            has(&c, &format!("{s}>On layoff"), "July 2009", "1,804"),
            "{c:?}"
        );
        assert!(
            has(&c, &format!("{s}>On layoff>Permanent"), "July 2009", "(1)"),
            "{c:?}"
        );
        assert!(
            has(&c, "NUMBER OF PERSONS>Leavers", "July 2008", "904"),
            "{c:?}"
        );
        assert_eq!(c.len(), 8);
    }

    /// A budget table: a caption ending in 表 after the rows of another table starts a
    /// table; classification codes (类 款 项) are label columns whose prefixes give the
    /// hierarchy; the rows print names only.
    #[test]
    fn coded_budget_tables_after_a_caption() {
        let text = "
                支出预算表
编制单位：某局                      单位：元
          项目              合计          基本支出
201        一般公共服务支出     300,000      200,000
201   06   财政事务           300,000      200,000
201   06   01 行政运行          300,000      200,000
208        社会保障支出       50,000       50,000
                收入预算表
          项目              合计          财政拨款
201        一般公共服务支出     300,000      300,000
201   06   财政事务           300,000      300,000
";
        let d = doc(text);
        let c = table_cells(&d);
        assert!(
            has(
                &c,
                "一般公共服务支出>财政事务>行政运行",
                "基本支出",
                "200,000"
            ),
            "{c:?}"
        );
        assert!(has(&c, "社会保障支出", "合计", "50,000"), "{c:?}");
        assert!(
            has(&c, "一般公共服务支出>财政事务", "财政拨款", "300,000"),
            "{c:?}"
        );
        let titles: Vec<_> = d
            .tables()
            .map(|t| t.title.clone().unwrap_or_default())
            .collect();
        assert_eq!(titles, ["支出预算表", "收入预算表"]);
        assert_eq!(c.len(), 12);
    }

    /// Issue 13: pandoc sets a blank form as a simple table: the header over a rule
    /// longer than a line of prose, then the row labels alone, indented by ideographic
    /// spaces. It is a table of empty cells; a header whose lower rows pandoc prints
    /// under the rule, packed left of their columns, is left as text.
    #[test]
    fn a_blank_form_under_a_simple_tables_rule_is_a_table() {
        let d = doc(concat!(
            "某市政府信息公开情况统计报表\n",
            "\n",
            "  项目                                         本期实际   本年累计\n",
            "  -------------------------------------------- ---------- ----------\n",
            "  主动公开信息数                                          \n",
            "  　　其中:全文电子化的主动公开信息数                     \n",
            "  现场接待人数                                            \n",
            "\n",
            "某单位经费支出表\n",
            "\n",
            "  Item   经费预算数                          运行经费预算数\n",
            "  ------ ------------------ ------------ -- ----------------\n",
            "  合计   因公出国(境)费     公务接待费      \n",
        ));
        let tables: Vec<(Vec<String>, Vec<String>, usize)> = d
            .tables()
            .map(|t| {
                let cols = t.columns.iter().map(|c| c.path.join(">")).collect();
                let rows = t.rows.iter().map(|r| r.path.join(">")).collect();
                let empty = t
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .filter(|c| c.raw.is_empty());
                (cols, rows, empty.count())
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let rows = [
            "主动公开信息数",
            "主动公开信息数>其中:全文电子化的主动公开信息数",
            "现场接待人数",
        ];
        assert_eq!(tables, [(s(&["本期实际", "本年累计"]), s(&rows), 6)]);
    }

    /// Issue 13: blank forms (a department keeps a 基金 form it did not use): a title, a
    /// unit, header lines and the row label `合计`, no value. They are tables whose cells
    /// are empty, their columns rebuilt from the header (a cell wrapped over two lines, a
    /// group over three leaves, a row label on the leaves' line), and the next form's
    /// title starts the next table even where no row stands between.
    #[test]
    fn blank_forms_are_tables_of_empty_cells() {
        let d = doc("\u{c}                   基金收支决算表
                                                     单位：万元
         项目
                   年初结转和                         年末结转和
  功能分类                  本年收入      本年支出
          科目名称       结余                            结余
  科目编码

         合计                   合计    基本支出   项目支出
                   资本收支预算表
编制单位：某局                                单位：元
               项目               资本预算支出
 功能分类科目编码
                    功能分类科目名称   合计     基本支出      项目支出
 类   款   项


               合计
注：本表无数据。
");
        let tables: Vec<(Option<String>, Vec<String>, Vec<String>)> = d
            .tables()
            .map(|t| {
                (
                    t.title.clone(),
                    t.columns.iter().map(|c| c.path.join(">")).collect(),
                    t.rows.iter().map(|r| r.path.join(">")).collect(),
                )
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            tables,
            [
                (
                    Some("基金收支决算表".to_string()),
                    s(&[
                        "年初结转和结余",
                        "本年收入",
                        "本年支出>合计",
                        "本年支出>基本支出",
                        "本年支出>项目支出",
                        "年末结转和结余"
                    ]),
                    s(&["合计"])
                ),
                (
                    Some("资本收支预算表".to_string()),
                    s(&[
                        "资本预算支出>合计",
                        "资本预算支出>基本支出",
                        "资本预算支出>项目支出"
                    ]),
                    s(&["合计"])
                ),
            ]
        );
        assert!(
            d.tables()
                .flat_map(|t| &t.rows)
                .flat_map(|r| &r.cells)
                .all(|c| c.kind == crate::model::CellKind::Empty)
        );
    }

    /// Issue 13: where a series' labels are set two places right (`十六、` after `十五、`),
    /// the column's unnumbered text set at that place follows them: the last line of a
    /// wrapped label continues it, and the total under the series is its sibling.
    #[test]
    fn text_set_where_a_series_drifted_follows_it() {
        let d = doc("\u{c}                    支出总表
                                   单位：万元
    项目                        决算数
十五、商业服务业等支出          10.00
  十六、金融支出                20.00
  十七、抗疫特别国债安排的支
  出                            30.00
  本年支出合计                  60.00
");
        let want = [
            ("十五、商业服务业等支出", "决算数", "10.00"),
            ("十六、金融支出", "决算数", "20.00"),
            ("十七、抗疫特别国债安排的支出", "决算数", "30.00"),
            ("本年支出合计", "决算数", "60.00"),
        ];
        assert_filled(&d, &want);
    }

    /// Issue 13: pdftotext sets a form's empty rows as blank lines; the total row under
    /// them closes the table. Labels of rows printing no value below a numbered row and
    /// its children (`二、事业收入` under `一、财政拨款收入` and `1、…`) head none of them.
    #[test]
    fn a_total_row_after_empty_rows_closes_the_table() {
        let d = doc("\u{c}                收入预算总表
                                     单位：元
    项目                 预算数
一、财政拨款收入           900
  1、一般公共预算资金      900
  2、政府性基金
二、事业收入
三、其他收入




    收入总计             900
");
        let want = [
            ("一、财政拨款收入", "预算数", "900"),
            ("一、财政拨款收入>1、一般公共预算资金", "预算数", "900"),
            ("收入总计", "预算数", "900"),
        ];
        assert_filled(&d, &want);
        assert_eq!(d.tables().count(), 1);
    }

    /// Issue 13: an item every group has (`一般行政管理事务` under each 款) recurs under
    /// different codes of one level: the codes still give each row its parents.
    #[test]
    fn an_item_name_recurring_under_codes_of_one_level_keeps_its_parents() {
        let text = "
                收入预算表
          项目              合计          财政拨款
201        一般公共服务支出     300,000      300,000
201   29   群众团体事务        100,000      100,000
201   29   02 一般行政管理事务    100,000      100,000
201   32   组织事务          200,000      200,000
201   32   02 一般行政管理事务    200,000      200,000
";
        let d = doc(text);
        let c = table_cells(&d);
        assert!(
            has(
                &c,
                "一般公共服务支出>群众团体事务>一般行政管理事务",
                "合计",
                "100,000"
            ),
            "{c:?}"
        );
        assert!(
            has(
                &c,
                "一般公共服务支出>组织事务>一般行政管理事务",
                "财政拨款",
                "200,000"
            ),
            "{c:?}"
        );
        assert!(
            has(&c, "一般公共服务支出>组织事务", "合计", "200,000"),
            "{c:?}"
        );
    }

    /// Issue 13: a 收入 | 支出 summary printed as two tables side by side on each line
    /// (`项目  决算数  项目  决算数`), a value squeezed against the right half's label by
    /// one space, is cut at the right half's label column: each half's rows under its own
    /// header (two tables under the one caption, their columns differ); the left half's
    /// rows printing no value are no headings.
    #[test]
    fn issue_13_side_by_side_halves() {
        let text = "\u{c}                 收入支出决算总表
                                     单位：万元
          收入                      支出
    项目          决算数        项目          决算数
一、财政拨款收入       100.00 一、一般公共服务支出     80.00
二、事业收入                二、教育支出
三、其他收入           5.00 三、卫生健康支出       25.00
收入合计           105.00 支出合计          105.00
";
        let d = doc(text);
        let want = [
            ("一、财政拨款收入", "收入>决算数", "100.00"),
            ("三、其他收入", "收入>决算数", "5.00"),
            ("收入合计", "收入>决算数", "105.00"),
            ("一、一般公共服务支出", "支出>决算数", "80.00"),
            ("三、卫生健康支出", "支出>决算数", "25.00"),
            ("支出合计", "支出>决算数", "105.00"),
        ];
        assert_filled(&d, &want);
        assert!(!d.blocks.iter().any(|b| matches!(b, Block::Heading(_))));
        let tables = d
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Table(_)))
            .count();
        assert_eq!(tables, 2);
    }

    /// Issue 13: a label line that ends with room left before the next label (or the
    /// label area's edge) for the first character of the line under it was not wrapped:
    /// the label under it is a row of its own (`使用非财政拨款结余` over `年初结转和结余`,
    /// `二、事业收入` over `使用非财政拨款结余`); a line filled to the edge wraps onto the
    /// next (`一、机关事业单位职业年金缴费支` / `出`).
    #[test]
    fn a_label_line_with_room_left_is_no_wrapped_label() {
        let text = "                   收入支出决算总表
                                                 单位：万元
           收入                                     支出
       项目                     决算数         项目               决算数
一、一般公共预算财政拨款收入    100.00   一、一般公共服务支出       80.00
二、事业收入                      5.00   二、教育支出               25.00
本年收入合计                    105.00   本年支出合计              105.00
使用非财政拨款结余                       结余分配
年初结转和结余                   12.00   年末结转和结余             12.00
";
        // (the rows' labels and values; the halves' group labels are another matter)
        let rows: Vec<(String, String)> = table_cells(&doc(text))
            .into_iter()
            .filter(|(_, _, v)| !v.is_empty())
            .map(|(r, _, v)| (r, v))
            .collect();
        for (row, value) in [
            ("二、事业收入", "5.00"),
            ("年初结转和结余", "12.00"),
            ("年末结转和结余", "12.00"),
        ] {
            assert!(rows.contains(&(row.into(), value.into())), "{rows:?}");
        }
        let text = "                 收入决算表
                                     单位：万元
    项目                              决算数
一、一般公共预算财政拨款收入            100.00
二、事业收入                             20.00
使用非财政拨款结余
年初结转和结余                           12.00
三、机关事业单位职业年金缴费支           80.38
出
其他行政事业单位养老支出                  0.94
";
        let got = table_cells(&doc(text));
        assert!(has(&got, "二、事业收入", "决算数", "20.00"), "{got:?}");
        assert!(
            has(&got, "三、机关事业单位职业年金缴费支出", "决算数", "80.38"),
            "{got:?}"
        );
        // (the wrapped label's short last line leaves room: the label under it is a row,
        // under the numbered one as unnumbered rows are)
        assert!(
            has(
                &got,
                "三、机关事业单位职业年金缴费支出>其他行政事业单位养老支出",
                "决算数",
                "0.94"
            ),
            "{got:?}"
        );
    }

    /// Issue 13: the label over each half of a 收入 | 支出 summary stands left of the half's
    /// values, centred over its whole header line (`项目  决算数`) and not over the stub's
    /// label: it heads the half's values, no stub label (`收入项目`).
    #[test]
    fn a_label_centred_over_a_whole_half_heads_its_values() {
        let text = "                    收支总表
                                                 单位：万元
               收入                                   支出
          项目        决算数                项目           决算数
一、财政拨款收入            812.40   一、教育支出             500.00
二、事业收入                 20.00   二、科学技术支出         312.40
三、其他收入                         三、文化支出              20.00
     本年收入合计         832.40          本年支出合计         832.40
";
        let d = doc(text);
        let got = table_cells(&d);
        for (r, c, v) in [
            ("一、财政拨款收入", "收入>决算数", "812.40"),
            ("二、事业收入", "收入>决算数", "20.00"),
            ("一、教育支出", "支出>决算数", "500.00"),
            ("二、科学技术支出", "支出>决算数", "312.40"),
            ("三、文化支出", "支出>决算数", "20.00"),
        ] {
            let want = (r.to_string(), c.to_string(), v.to_string());
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        let stubs: Vec<_> = d.tables().map(|t| t.stub.join("/")).collect();
        assert_eq!(stubs, ["项目", "项目"]);
    }

    /// Issue 13: a total centred in its cell stands indented past the row above it; alone
    /// at its indentation it is no child of that row but its sibling, and its label is
    /// whole (it continues no label above, and no line below continues it).
    #[test]
    fn a_total_indented_past_the_row_above_is_its_sibling() {
        let d = doc("                    收入总表
                                   单位：万元
          项目              金额
一、拨款收入                  90.00
二、事业收入                  10.00
三、其他收入
        收入合计             100.00
使用结余
四、年初结余                   5.00
          总计               105.00
");
        let want = [
            ("一、拨款收入", "金额", "90.00"),
            ("二、事业收入", "金额", "10.00"),
            ("收入合计", "金额", "100.00"),
            ("四、年初结余", "金额", "5.00"),
            ("总计", "金额", "105.00"),
        ];
        assert_filled(&d, &want);
    }

    /// Issue 13: pdftotext sets the labels of one column a few places apart; a label
    /// numbered next after another of its scheme (`三、` after `二、`) is its sibling,
    /// not its child, however far it is indented; a label of another scheme indented
    /// under it is still its child.
    #[test]
    fn a_label_numbered_next_is_a_sibling_however_indented() {
        let d = doc("                    支出总表
                                   单位：万元
    项目                    合计          基本支出
一、一般公共服务支出        127.00         60.00
二、社会保障和就业支出       17.00         15.00
  三、卫生健康支出           4.00          4.00
    1、行政运行              3.00          3.00
  四、住房保障支出          21.00         21.00
");
        let want = [
            ("一、一般公共服务支出", "合计", "127.00"),
            ("一、一般公共服务支出", "基本支出", "60.00"),
            ("二、社会保障和就业支出", "合计", "17.00"),
            ("二、社会保障和就业支出", "基本支出", "15.00"),
            ("三、卫生健康支出", "合计", "4.00"),
            ("三、卫生健康支出", "基本支出", "4.00"),
            ("三、卫生健康支出>1、行政运行", "合计", "3.00"),
            ("三、卫生健康支出>1、行政运行", "基本支出", "3.00"),
            ("四、住房保障支出", "合计", "21.00"),
            ("四、住房保障支出", "基本支出", "21.00"),
        ];
        assert_filled(&d, &want);
    }

    /// Issue 13: the wrapped header of a column printing no value (`附属单位上缴收入`) ends
    /// lower than its neighbour's (`其他收入`), whose column prints values: it stands over
    /// no value and is no leaf of that column.
    #[test]
    fn the_header_of_a_column_printing_no_value_heads_no_neighbour() {
        let d = doc("\u{c}                部门收入决算表
                                        单位：万元
  项目                                    附属单
              本年收入合       拨款收                 其他收
                                        位上
                计          入                   入
                                        缴收入
一般支出           12.00      10.00                2.00
专项支出            5.00       5.00
其他支出            3.00       2.00                1.00
");
        let want = [
            ("一般支出", "本年收入合计", "12.00"),
            ("一般支出", "拨款收入", "10.00"),
            ("一般支出", "其他收入", "2.00"),
            ("专项支出", "本年收入合计", "5.00"),
            ("专项支出", "拨款收入", "5.00"),
            ("其他支出", "本年收入合计", "3.00"),
            ("其他支出", "拨款收入", "2.00"),
            ("其他支出", "其他收入", "1.00"),
        ];
        assert_filled(&d, &want);
    }

    /// Issue 13: a tall first row's values set above its name, the code column's header
    /// (`类 款 项`) between: the name below is the row's, and the header line no row label.
    #[test]
    fn values_set_above_the_first_rows_name_take_it() {
        let d = doc("\u{c}                部门支出决算表
                                        单位：万元
        项目
  功能分类            科目名称        合计        基本支出
  科目编码

                            120.00     120.00
 类   款  项
                  合计

205           教育支出          120.00     120.00
205   02      普通教育          120.00     120.00
205   02  01  学前教育           70.00      70.00
205   02  02  小学教育           50.00      50.00
");
        let want = [
            ("合计", "合计", "120.00"),
            ("合计", "基本支出", "120.00"),
            ("教育支出", "合计", "120.00"),
            ("教育支出", "基本支出", "120.00"),
            ("教育支出>普通教育", "合计", "120.00"),
            ("教育支出>普通教育", "基本支出", "120.00"),
            ("教育支出>普通教育>学前教育", "合计", "70.00"),
            ("教育支出>普通教育>学前教育", "基本支出", "70.00"),
            ("教育支出>普通教育>小学教育", "合计", "50.00"),
            ("教育支出>普通教育>小学教育", "基本支出", "50.00"),
        ];
        assert_filled(&d, &want);
    }

    /// Two 经济分类 groups side by side (pdftotext, a page of its own), up to the last rows.
    const CODED_HALVES: &str = "\u{c}                某单位基本支出明细表
                                    单位：万元
经济分类                      经济分类
        名称     金额                  名称      金额
科目编码                      科目编码
501     人员支出     30.00   502     公用支出       9.50
50101    工资      20.00   50201    办公费        5.00
50102    补贴      10.00   50202    会议费        2.00
         其他社会保障
50103             0.00   50203
        缴费
                                 差旅费        2.50
                           503资本支出         2.00
                           50301
                                 设备购置       2.00
                           50302  车辆购置       0.00
";

    /// Two 经济分类 groups side by side (pdftotext, a page of its own): the header of the
    /// code column (`科目编码`) right above the first row is no part of its name, a code
    /// printed alone on its line is the row's under it (also with the other half's wrapped
    /// name between), and a code joined to its name (`503资本支出`) is the row's code.
    #[test]
    fn codes_alone_or_joined_and_the_code_columns_header_are_read() {
        let text =
            format!("{CODED_HALVES}      人员合计     30.00       公用合计          11.50\n");
        let d = doc(&text);
        let want = [
            ("人员支出", "金额", "30.00"),
            ("人员支出>工资", "金额", "20.00"),
            ("人员支出>补贴", "金额", "10.00"),
            ("人员支出>其他社会保障缴费", "金额", "0.00"),
            ("人员合计", "金额", "30.00"),
            ("公用支出", "金额", "9.50"),
            ("公用支出>办公费", "金额", "5.00"),
            ("公用支出>会议费", "金额", "2.00"),
            ("公用支出>差旅费", "金额", "2.50"),
            ("资本支出", "金额", "2.00"),
            ("资本支出>设备购置", "金额", "2.00"),
            ("资本支出>车辆购置", "金额", "0.00"),
            ("公用合计", "金额", "11.50"),
        ];
        assert_filled(&d, &want);
    }

    /// A line of the right half alone set a few columns off (pdftotext), its code over
    /// the left half's values: it goes to the right half and does not stop the cut.
    #[test]
    fn a_right_half_line_set_off_over_the_left_values_goes_right() {
        let text = format!(
            "{CODED_HALVES}                     50303  其他购置        1.00\n      人员合计     30.00       公用合计          12.50\n"
        );
        let d = doc(&text);
        let c = table_cells(&d);
        assert!(has(&c, "资本支出>其他购置", "金额", "1.00"), "{c:?}");
        assert!(has(&c, "人员支出>工资", "金额", "20.00"), "{c:?}");
        assert!(has(&c, "公用合计", "金额", "12.50"), "{c:?}");
        assert_eq!(c.len(), 14, "{c:?}");
    }

    /// A tall header row in a PDF leaves two blank lines between the header and the
    /// rows (as many as the region allows between rows): the header is the table's.
    #[test]
    fn a_header_two_blank_lines_over_the_first_row_is_the_tables() {
        let text = "\u{c}                支出明细表
                                   单位：万元
          项目

  分类               合计      基本支出
          名称
  编码


          合计       150.00    100.00
201       一般公共服务    150.00    100.00

20101     人大事务      150.00    100.00

2010101   行政运行      150.00    100.00
";
        let d = doc(text);
        let want = [
            ("合计", "合计", "150.00"),
            ("合计", "基本支出", "100.00"),
            ("一般公共服务", "合计", "150.00"),
            ("一般公共服务", "基本支出", "100.00"),
            ("一般公共服务>人大事务", "合计", "150.00"),
            ("一般公共服务>人大事务", "基本支出", "100.00"),
            ("一般公共服务>人大事务>行政运行", "合计", "150.00"),
            ("一般公共服务>人大事务>行政运行", "基本支出", "100.00"),
        ];
        assert_filled(&d, &want);
    }

    /// The labels of two narrow columns set one space apart by pdftotext (one text piece
    /// over the first column, nothing over the second) head one column each.
    #[test]
    fn labels_of_narrow_columns_one_space_apart_are_split() {
        // pdftotext set the labels of two narrow columns one space apart: one text piece,
        // over the first column only, with nothing over the second
        let text = "                  教育经费支出表
\u{c}
    项目                  总额      人员经费 公用经费
学前教育                  90.50      60.25      30.25
小学教育                  70.00      45.00      25.00
初中教育                  40.00      40.00
";
        let d = doc(text);
        let want = [
            ("学前教育", "总额", "90.50"),
            ("学前教育", "人员经费", "60.25"),
            ("学前教育", "公用经费", "30.25"),
            ("小学教育", "总额", "70.00"),
            ("小学教育", "人员经费", "45.00"),
            ("小学教育", "公用经费", "25.00"),
            ("初中教育", "总额", "40.00"),
            ("初中教育", "人员经费", "40.00"),
        ];
        assert_filled(&d, &want);
    }

    /// `pdftotext -layout` counts a CJK character as one column: the values stand in
    /// columns counted in characters, short rows too; a page printing every column is
    /// read by its own columns, one printing fewer and standing off is left out. (The
    /// first row is the sum of the two after it in every column: it heads them.)
    #[test]
    fn pdftotext_columns_counted_in_characters() {
        let text = "            支出表
项目                          合计        基本支出        项目支出
一般公共服务支出                300.00      200.00      100.00
行政运行                    200.00      200.00
机关事业单位基本养老保险缴费          100.00                  100.00
社会保障和就业支出                50.00       50.00
\u{c}卫生健康支出              40.00       30.00       10.00
医疗                  30.00       30.00
\u{c}住房保障支出              20.00       20.00
";
        let d = doc(text);
        let want = [
            ("一般公共服务支出", "合计", "300.00"),
            ("一般公共服务支出", "基本支出", "200.00"),
            ("一般公共服务支出", "项目支出", "100.00"),
            ("一般公共服务支出>行政运行", "合计", "200.00"),
            ("一般公共服务支出>行政运行", "基本支出", "200.00"),
            (
                "一般公共服务支出>机关事业单位基本养老保险缴费",
                "合计",
                "100.00",
            ),
            (
                "一般公共服务支出>机关事业单位基本养老保险缴费",
                "项目支出",
                "100.00",
            ),
            ("社会保障和就业支出", "合计", "50.00"),
            ("社会保障和就业支出", "基本支出", "50.00"),
            ("卫生健康支出", "合计", "40.00"),
            ("卫生健康支出", "基本支出", "30.00"),
            ("卫生健康支出", "项目支出", "10.00"),
            ("医疗", "合计", "30.00"),
            ("医疗", "基本支出", "30.00"),
        ];
        assert_filled(&d, &want);
        assert!(d.warnings.iter().any(|w| w.code == "unplaced-row"));
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

    /// A numbered row of a form standing alone between blank lines (no values) continues
    /// its rows' numbers or prints a row label again: it is no heading and does not end
    /// the table.
    #[test]
    fn numbered_form_rows_between_blank_lines_are_no_headings() {
        let text = "\
          项目            决算数
一、教育支出            12.50
二、科技支出            3.00

三、文化支出

四、卫生支出            4.25
合计                  19.75

一、教育支出

           总计        19.75
";
        let d = doc(text);
        assert!(
            !d.blocks.iter().any(|b| matches!(b, Block::Heading(_))),
            "{:?}",
            d.blocks
        );
        let c = table_cells(&d);
        assert!(has(&c, "四、卫生支出", "决算数", "4.25"), "{c:?}");
    }

    /// A section heading numbered like the rows of the table before it (`四、…` after a
    /// last row `四、…`) repeats a number: it ends the table and stays a heading.
    #[test]
    fn a_heading_repeating_the_last_rows_number_ends_the_table() {
        let text = "\
          项目            决算数
三、文化支出            12.50
四、结转下年度          3.00

四、政府信息公开行政复议情况

说明文字。
";
        let d = doc(text);
        assert!(
            d.blocks
                .iter()
                .any(|b| matches!(b, Block::Heading(h) if h.title.contains("行政复议"))),
            "{:?}",
            d.blocks
        );
    }

    /// Names centred on their coded rows (pdftotext of a narrow cell): part above the
    /// code line, part on it, part below; a one-line name just above its line. The lines
    /// between rows are split so that every name is centred; a name wrapped under its
    /// row (the usual layout) stays with it and does not run into the next row's.
    #[test]
    fn names_centred_on_coded_rows() {
        let text = "
                       合计          基本支出
           社会保障和
208                     75.00       75.00
           就业支出
           行政事业单
20805                   75.00       75.00
           位养老支出
           行政运行
2080501                 70.00       70.00
2080502    离退休         5.00        5.00
210        卫生健康支出       1.00        1.00
21011      医疗           1.00        1.00
2101101    行政医疗         1.00        1.00
";
        let c = table_cells(&doc(text));
        let p = "社会保障和就业支出>行政事业单位养老支出";
        assert!(
            has(&c, "卫生健康支出>医疗>行政医疗", "合计", "1.00"),
            "{c:?}"
        );
        assert!(has(&c, "社会保障和就业支出", "合计", "75.00"), "{c:?}");
        assert!(has(&c, p, "基本支出", "75.00"), "{c:?}");
        assert!(has(&c, &format!("{p}>行政运行"), "合计", "70.00"), "{c:?}");
        assert!(has(&c, &format!("{p}>离退休"), "基本支出", "5.00"), "{c:?}");
        assert_eq!(c.len(), 14);
        let text = "
项目                          合计    基本支出
机关事业单位基本养老保      446.11     446.11
险缴费支出
机关事业单位职业年金缴      225.12     225.12
费支出
";
        let c = table_cells(&doc(text));
        assert!(
            has(&c, "机关事业单位职业年金缴费支出", "合计", "225.12"),
            "{c:?}"
        );
        assert!(
            has(&c, "机关事业单位基本养老保险缴费支出", "合计", "446.11"),
            "{c:?}"
        );
    }

    /// Header text right of every value heads the columns read only when it spans them:
    /// centred over the header text under it from the first value column's on
    /// (`收支预算` over four labels, two of which print amounts); over the unread columns
    /// alone (`其他来源`) it heads none.
    #[test]
    fn a_parent_right_of_the_values_heads_them_when_centred_over_them() {
        let body = "
项目                          合计      拨款收入      事业收入      其他收入
一般公共服务                   500           500
教育                           300           300
";
        let d = doc(&format!("\n{:49}收支预算{body}", ""));
        let want = [
            ("一般公共服务", "收支预算>合计", "500"),
            ("一般公共服务", "收支预算>拨款收入", "500"),
            ("教育", "收支预算>合计", "300"),
            ("教育", "收支预算>拨款收入", "300"),
        ];
        assert_filled(&d, &want);
        let d = doc(&format!("\n{:57}其他来源{body}", ""));
        let want = [
            ("一般公共服务", "合计", "500"),
            ("一般公共服务", "拨款收入", "500"),
            ("教育", "合计", "300"),
            ("教育", "拨款收入", "300"),
        ];
        assert_filled(&d, &want);
    }

    /// The same row ending two pages (one budget line in two tables) is a row of each,
    /// not a running foot.
    #[test]
    fn a_row_ending_two_pages_is_no_running_foot() {
        let page = |title: &str, col: &str| {
            format!(
                "\u{c}                {title}
                                    单位：元
项目              合计      {col}
行政运行          4.00        4.00
机关服务          6.00        6.00
"
            )
        };
        let text = format!(
            "{}{}\u{c}\n",
            page("部门收入预算表", "财政拨款"),
            page("部门支出预算表", "基本支出")
        );
        let want = [
            ("行政运行", "合计", "4.00"),
            ("行政运行", "财政拨款", "4.00"),
            ("机关服务", "合计", "6.00"),
            ("机关服务", "财政拨款", "6.00"),
            ("行政运行", "合计", "4.00"),
            ("行政运行", "基本支出", "4.00"),
            ("机关服务", "合计", "6.00"),
            ("机关服务", "基本支出", "6.00"),
        ];
        assert_filled(&doc(&text), &want);
    }

    /// An odd gap between a row printing no name and one printing its name on its line
    /// is split the one way that keeps the rows after it centred too, looking past the
    /// next gap: were `缴费` `退休费`'s (the line above it, so the line below it too), the
    /// row after would have nothing of its name above its line.
    #[test]
    fn an_odd_gap_is_split_by_the_rows_after_it() {
        let text = "
                       合计
501      工资福利     22.00
50101    工资         12.00
         其他社会保障
50102                 3.00
        缴费
50103    退休费         2.00
         职工基本补充
50104                 1.00
        保险
50105    奖金          4.00
";
        let d = doc(text);
        let want = [
            ("工资福利", "合计", "22.00"),
            ("工资福利>工资", "合计", "12.00"),
            ("工资福利>其他社会保障缴费", "合计", "3.00"),
            ("工资福利>退休费", "合计", "2.00"),
            ("工资福利>职工基本补充保险", "合计", "1.00"),
            ("工资福利>奖金", "合计", "4.00"),
        ];
        assert_filled(&d, &want);
    }

    /// Rows whose only code is squeezed against the name (`01 行政运行`) are read without
    /// a code of nothing (it once made the side-by-side check slice an empty string).
    #[test]
    fn squeezed_codes_alone() {
        let text = "\
项目            合计     基本支出
01 行政运行        5        6
02 一般行政        7        8
03   其他           9       10
";
        let c = table_cells(&doc(text));
        assert!(c.iter().any(|(_, _, v)| v == "8"), "{c:?}");
        assert!(c.iter().any(|(_, _, v)| v == "10"), "{c:?}");
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

    /// w3m prints a label spanning rows on the middle row of its span, and the rows'
    /// paths carry a column's label down: a row between two such labels takes the
    /// nearest, not the one above it (`Males` of the second region is the second's).
    #[test]
    fn centred_span_labels_head_the_rows_nearest_them() {
        let text = concat!(
            "                      Males         101.5      102.5\n",
            "Northern region       Females       201.5      202.5\n",
            "                      Persons       301.5      302.5\n",
            "                      Males         401.5      402.5\n",
            "Southern region       Females       501.5      502.5\n",
            "                      Persons       601.5      602.5\n",
        );
        let d = doc(text);
        let cells = table_cells(&d);
        let row_of = |raw: &str| row_of(&cells, raw);
        assert_eq!(row_of("101.5"), Some("Northern region>Males"), "{cells:?}");
        assert_eq!(row_of("302.5"), Some("Northern region>Persons"));
        assert_eq!(row_of("401.5"), Some("Southern region>Males"));
    }

    /// w3m sets a label spanning rows on the middle row of its span and only one space
    /// before the rows' own labels when it is the column's widest (`Newfoundland and
    /// Labrador Transportation`): the rows' column, shown by a line printing both labels
    /// apart and by the rows' labels alone at its start, cuts it there. Every group opens
    /// with the same row (`Total employed`): where it comes again a group starts, so the
    /// rows after the middle keep the first label (the nearest would be the second).
    #[test]
    fn a_label_centred_on_its_rows_one_space_before_theirs() {
        let text = concat!(
            "                          Total employed     233.8   236.1\n",
            "                          Goods sector        49.4    48.6\n",
            "Newfoundland and Labrador Agriculture          1.4     1.6\n",
            "                          Utilities            2.3     2.2\n",
            "                          Construction        20.9    18.7\n",
            "                          Manufacturing        9.9    10.2\n",
            "Prince Edward Island      Total employed      89.0    86.6\n",
            "                          Goods sector        20.1    19.5\n",
        );
        let d = doc(text);
        let cells = table_cells(&d);
        let row_of = |raw: &str| row_of(&cells, raw);
        assert_eq!(
            row_of("1.4"),
            Some("Newfoundland and Labrador>Agriculture"),
            "{cells:?}"
        );
        assert_eq!(
            row_of("9.9"),
            Some("Newfoundland and Labrador>Manufacturing")
        );
        assert_eq!(row_of("89.0"), Some("Prince Edward Island>Total employed"));
        assert_eq!(row_of("19.5"), Some("Prince Edward Island>Goods sector"));
    }

    /// Group lines printing no value head the rows indented under them; a row indented
    /// under a row of values before the first group line is that row's, not the group's.
    #[test]
    fn group_lines_head_the_rows_under_them_not_the_rows_before() {
        let text = concat!(
            "         项目          1995年    1997年\n",
            "   零售总额             860135   1123563\n",
            "   　　比上年增长(%)      34.6      11.8\n",
            "   一、按地区分:\n",
            "   　　市的零售额         458283    581512\n",
            "   　　县的零售额         176371    249493\n",
            "   二、按行业分:\n",
            "   　　批发业             523163    737883\n",
        );
        let d = doc(text);
        let cells = table_cells(&d);
        assert_eq!(cells.len(), 10, "{cells:?}");
        assert!(
            has(&cells, "零售总额>比上年增长(%)", "1997年", "11.8"),
            "{cells:?}"
        );
        assert!(
            has(&cells, "一、按地区分:>县的零售额", "1995年", "176371"),
            "{cells:?}"
        );
        assert!(
            has(&cells, "二、按行业分:>批发业", "1997年", "737883"),
            "{cells:?}"
        );
    }

    /// A table as w3m prints a page: the page's title, then the table's caption alone
    /// over the header (both name it); the leaf labels of the last group set one space
    /// apart over narrow columns (`本月 累计`); group labels on lines of their own, each
    /// heading the rows under it, one of them right after a row of the group before.
    #[test]
    fn page_title_caption_narrow_leaves_and_groups_on_lines_of_their_own() {
        let text = concat!(
            "月度零售总额\n",
            "\n",
            "月度零售总额\n",
            "\n",
            "项目              本年               增长(%)\n",
            "                  本月     1-本月     本月 累计\n",
            "按地区\n",
            "　　城镇          1821.6   12430.6    13.2 12.1\n",
            "　　乡村          240.9    1749.1     10.8 9.8\n",
            "按行业\n",
            "　　批发          214.5    1390.6     16.9 20.7\n",
        );
        let d = doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.title.as_deref(), Some("月度零售总额"));
        let cells = table_cells(&d);
        assert_eq!(cells.len(), 12, "{cells:?}");
        assert!(
            has(&cells, "按地区>乡村", "增长(%)>累计", "9.8"),
            "{cells:?}"
        );
        assert!(
            has(&cells, "按地区>城镇", "增长(%)>本月", "13.2"),
            "{cells:?}"
        );
        assert!(
            has(&cells, "按行业>批发", "本年>1-本月", "1390.6"),
            "{cells:?}"
        );
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
        let t = d.tables().next().expect("a table");
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

    /// inscriptis pads a table by characters: its values line up there, while on screen a
    /// long label pushes the values after it right (`12.5` four columns right of `3.2`).
    /// Read in display columns the total's `19.8` was a column of its own; the block's
    /// values say which measure it is padded by.
    #[test]
    fn values_lined_up_in_characters_are_read_in_characters() {
        let text = [
            "表1 部门支出预算表",
            "单位：万元",
            "",
            "项目              本年预算       上年预算",
            "一般公共服务支出        12.5       10.0",
            "教育支出                       8.0",
            "科学技术支出          3.2",
            "卫生健康支出          4.1        3.9",
            "合计              19.8       21.9",
        ]
        .join("\n");
        assert_filled(
            &doc(&text),
            &[
                ("一般公共服务支出", "本年预算", "12.5"),
                ("一般公共服务支出", "上年预算", "10.0"),
                ("教育支出", "上年预算", "8.0"),
                ("科学技术支出", "本年预算", "3.2"),
                ("卫生健康支出", "本年预算", "4.1"),
                ("卫生健康支出", "上年预算", "3.9"),
                ("合计", "本年预算", "19.8"),
                ("合计", "上年预算", "21.9"),
            ],
        );
    }

    /// A release's header set by hand, bottom up: labels broken over lines where their
    /// writer chose (`Percent` / `of all` / `dwellings`, a word broken with a hyphen), a
    /// label beside them with nothing over it, spanning labels centred over the columns
    /// they head (`All households` over six, not over `Total dwellings`; `Owners` over two
    /// though `Percent of all dwellings` stands free at its height), band lines centred
    /// over the values naming the rows under them, and a caption numbered as a list is.
    #[test]
    fn a_hand_set_release_header_and_its_bands() {
        let text = [
            "    HOUSEHOLDS",
            "",
            "    3.  Households by tenure, urban and rural areas",
            "",
            "    (Numbers in thousands)",
            "",
            "                                                                        All households",
            "",
            "                              Total                                      Owners           Renters       Not in",
            "              Year          dwellings         Total     Percent     Out-        Mort-                   private",
            "                                                          of all    right       gaged                   homes",
            "                                                        dwellings",
            "",
            "                                                      Urban areas",
            "",
            "    2001..........            1,200         1,000        83.3      600          400       150           50",
            "    2002..........            1,250         1,040        83.2      610          430       160           50",
            "",
            "                                                      Rural areas",
            "",
            "    2001..........              800           700        87.5      500          200        80           20",
        ]
        .join("\n");
        let d = doc(&text);
        let t = d.tables().next().expect("a table");
        assert_eq!(
            t.title.as_deref(),
            Some("3.  Households by tenure, urban and rural areas")
        );
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            [
                "Total dwellings",
                "All households>Total",
                "All households>Percent of all dwellings",
                "All households>Owners>Outright",
                "All households>Owners>Mortgaged",
                "All households>Renters",
                "All households>Not in private homes",
            ]
        );
        let cells = table_cells(&d);
        assert!(has(
            &cells,
            "Urban areas>2002",
            "All households>Owners>Mortgaged",
            "430"
        ));
        assert!(has(&cells, "Rural areas>2001", "Total dwellings", "800"));
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    /// Issue 13: a units row under a release's header (w3m). Each label stands over its
    /// unit; the unit under `Q1 to Q2` is wider than the label, so no cell wraps there,
    /// and the row is a header row of its own under every column, not the end of some
    /// labels.
    #[test]
    fn a_units_row_under_the_labels_is_a_header_row() {
        let text = [
            "Table 2 Output by region",
            "",
            "        Item         Q1 2024   Q2 2024  Q1 to Q2   Q2 2023 to Q2 2024",
            "                     tonnes    tonnes   change in tonnes  % change",
            "North                12.5      13.1     0.6               4.0",
            "South                20.1      19.4     -0.7              -2.5",
            "East                 7.3       7.9      0.6               8.2",
        ]
        .join("\n");
        let d = doc(&text);
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            [
                "Q1 2024>tonnes",
                "Q2 2024>tonnes",
                "Q1 to Q2>change in tonnes",
                "Q2 2023 to Q2 2024>% change",
            ]
        );
        let cells = table_cells(&d);
        assert!(has(&cells, "South", "Q2 2024>tonnes", "19.4"));
        assert!(has(&cells, "East", "Q2 2023 to Q2 2024>% change", "8.2"));
    }

    /// Issue 13: a blank statistics form as lynx prints it from a page: its title, one
    /// header line led by the corner (`项目`, the value columns' labels one space apart)
    /// and a line per row holding its label alone, the labels running under the
    /// columns' labels (lynx counts a wide character one column wide). A table of empty
    /// cells, one row a label line; inscriptis's two spaces between the labels read
    /// alike.
    #[test]
    fn a_blank_form_of_one_header_line_and_label_lines() {
        let form = |gap: &str| {
            format!(
                "            某市政务公开情况统计报表\n\n              项目            本期数{gap}本年累计\n   \
                 主动公开信息数\n   \u{3000}\u{3000}其中：全文电子化的主动公开信息数\n   \
                 收到申请数\n   \u{3000}\u{3000}其中：1.当面申请数\n   \u{3000}\u{3000}2.网上申请数\n"
            )
        };
        for gap in [" ", "  "] {
            let d = doc(&form(gap));
            let t = d.tables().next().expect("a table");
            let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
            assert_eq!(cols, ["本期数", "本年累计"], "gap {gap:?}");
            assert_eq!(t.rows.len(), 5, "gap {gap:?}: {:?}", t.rows);
            assert!(
                t.rows
                    .iter()
                    .all(|r| r.cells.iter().all(|c| c.raw.is_empty()))
            );
            assert_eq!(
                t.rows[4].path.last().map(String::as_str),
                Some("2.网上申请数")
            );
        }
    }

    /// Issue 13: inscriptis pads every row of a table with spaces to the table's width,
    /// and a group label's row (`在总计中:`, `一、按轻重工业分`) prints no value: its
    /// line, padded past the labels' area, is a row whose value cells are empty, not the
    /// first line of the label under it (which read `在总计中:亏损企业`).
    #[test]
    fn a_label_line_padded_to_the_tables_width_is_a_row_of_its_own() {
        let text = [
            "表1 规模以上工业主要指标",
            "",
            "项目        企业数(个)  产值     增加值    ",
            "总计        8377    45461  12868  ",
            "在总计中:                           ",
            "亏损企业      1047    2681   716    ",
            "一、按轻重工业分                        ",
            "轻工业       4821    24290  6816   ",
            "重工业       3556    21171  6051   ",
        ]
        .join("\n");
        let d = doc(&text);
        let t = d.tables().next().expect("a table");
        let paths: Vec<String> = t.rows.iter().map(|r| r.path.join(">")).collect();
        assert!(paths.contains(&"亏损企业".to_string()), "{paths:?}");
        assert!(
            paths.contains(&"一、按轻重工业分>重工业".to_string()),
            "{paths:?}"
        );
        assert!(!paths.iter().any(|p| p.contains("在总计中:亏损企业")));
    }

    /// A column every row leaves blank (`比上年增减`, `变动原因说明` of a form whose rows
    /// print a count only) is still a column: its header text stands right of every value,
    /// on the header line that heads the values too. Each row holds an empty cell there,
    /// and a note beside the header (`单位：个`) is none.
    #[test]
    fn a_column_printing_no_value_is_a_column_of_empty_cells() {
        let d = doc(concat!(
            "项目         数量  比上年增减  变动原因说明       单位：个\n",
            "合计         10\n",
            "行政单位     1\n",
            "事业单位     9\n",
        ));
        let c = table_cells(&d);
        let cols: Vec<&str> = c
            .iter()
            .filter(|(r, _, _)| r == "合计")
            .map(|(_, c, _)| c.as_str())
            .collect();
        assert_eq!(cols, ["数量", "比上年增减", "变动原因说明"]);
        assert_has(&c, "事业单位", "数量", "9");
        assert_has(&c, "事业单位", "变动原因说明", "");
    }

    /// lynx sets the cells of a header row one space apart where its columns are narrow:
    /// under a group printing no value (`增幅%`), CJK words one space apart (`去年同月 去年
    /// 同期`) are cells of their own, a CJK label holding no space.
    #[test]
    fn blank_columns_under_a_group_one_space_apart() {
        let d = doc(concat!(
            "            项目           环比(上月=100) 同期比(上年同月=100) 累计比(上年同期=100)   增幅%\n",
            "                                                                去年同月 去年同期\n",
            "   工业生产者出厂价格指数(上年同期=100) 99.6       94.7          95.5\n",
            "   　　#轻工业                99.7       98.1          98.0\n",
            "   　　重工业                 99.6       93.5          94.6\n",
        ));
        let c = table_cells(&d);
        let r = "工业生产者出厂价格指数(上年同期=100)>重工业";
        assert_has(&c, r, "累计比(上年同期=100)", "94.6");
        assert_has(&c, r, "增幅%>去年同月", "");
        assert_has(&c, r, "增幅%>去年同期", "");
    }

    /// inscriptis pads every line of a table to the table's width: a label line printing
    /// no value, padded past the labels to the values' place, is a row whose cells are
    /// empty, right after a row's line too (not the end of that row's label, however long
    /// it is) and after the last row.
    #[test]
    fn a_label_line_padded_to_the_values_is_a_row_of_empty_cells() {
        let d = doc(concat!(
            "项目              数量        \n",
            "一、按单位性质    10          \n",
            "事业单位(含行业)  9           \n",
            "民间非营利组织                \n",
            "企业                          \n",
            "二、按预算级次                \n",
            "一级预算单位      1           \n",
            "二级预算单位                  \n",
        ));
        let c = table_cells(&d);
        let rows: Vec<&str> = c.iter().map(|(r, _, _)| r.as_str()).collect();
        assert_eq!(
            rows,
            [
                "一、按单位性质",
                "一、按单位性质>事业单位(含行业)",
                "一、按单位性质>民间非营利组织",
                "一、按单位性质>企业",
                "二、按预算级次",
                "二、按预算级次>一级预算单位",
                "二、按预算级次>二级预算单位",
            ]
        );
        assert_has(&c, "二、按预算级次>一级预算单位", "数量", "1");
        assert_has(&c, "二、按预算级次>二级预算单位", "数量", "");
    }

    /// lynx sets the cells of a narrow header one space apart: a header piece over the
    /// last value column that goes on past it in CJK words (`数量 比上年增减 变动原因说明`)
    /// names that column and, after it, columns every row leaves blank.
    #[test]
    fn cjk_labels_one_space_apart_past_the_last_column_are_blank_columns() {
        let d = doc(concat!(
            "       项目      数量 比上年增减 变动原因说明\n",
            "   合计\n",
            "   一、按单位基本性质   10\n",
            "   　　行政单位      1\n",
            "   　　事业单位      9\n",
        ));
        let c = table_cells(&d);
        assert_has(&c, "一、按单位基本性质>事业单位", "数量", "9");
        assert_has(&c, "一、按单位基本性质>事业单位", "比上年增减", "");
        assert_has(&c, "一、按单位基本性质>事业单位", "变动原因说明", "");
    }

    /// In text measured in characters (lynx), a Chinese label ending with a column left
    /// for one more character was not wrapped: the label line under it (`住宿和餐饮业`)
    /// is not its end.
    #[test]
    fn a_label_with_room_for_one_more_character_is_whole_in_chars() {
        let d = doc(concat!(
            "      项目     9月 1-9月累计  累计\n",
            "                       增减百分点\n",
            "   交通运输仓储邮政业 —— 1.5    -0.1\n",
            "   批发和零售业    —— 9.6    0.1\n",
            "   住宿和餐饮业    —— 1.3    持平\n",
            "   金融业       —— 8.4    -0.4\n",
        ));
        let c = table_cells(&d);
        assert_has(&c, "批发和零售业", "9月", "——");
        assert!(!c.iter().any(|(r, _, _)| r.contains("零售业住宿")), "{c:?}");
    }

    /// w3m wraps a header cell over several columns and sets the end of its words on the
    /// next line, within its width and alone there, where the columns' own labels start
    /// lower (`years)` under `Index (2007 as percentage of the following`, `Rate` under
    /// `平均增长速度Average Growth`): the end of that cell, not a level of its own over
    /// one of its columns.
    #[test]
    fn the_end_of_a_wide_header_cell_on_the_next_line_is_no_level() {
        let d = doc(concat!(
            "                                                                      总量指标Aggregate Indicators                                    速度指标(% Indices and Growth Rate\n",
            "                              项目                                                                       指数(2007为以下各年) Index (2007 as percentage of the following  平均增长速度Average Growth\n",
            "                                                                  1995    1996    2000    2006    2007                               years)                                          Rate\n",
            "                                                                                                              1995            1996            2000            2006       1996-2000 2001-2005 1997-2007\n",
            "　　　　　　#职工人数Staff and Workers                           294.25  294.63  208.87  212.97  220.84  75.1            75.0            105.7           103.7           -6.6      0.1       -2.6\n",
            "　　　　城镇登记失业人数Registered Urban Unemployment            10.47   10.95   10.15   15.41   14.13   135.0           129.0           139.2           91.7            -0.6      10.7      2.3\n",
        ));
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        let index = "速度指标(% Indices and Growth Rate>指数(2007为以下各年) Index (2007 as percentage of the following years)";
        assert_eq!(cols[7], format!("{index}>2000"));
        assert_eq!(
            cols[9],
            "速度指标(% Indices and Growth Rate>平均增长速度Average Growth Rate>1996-2000"
        );
    }

    /// `持平` ("level") in a change column is that row's value, as a figure would be: the
    /// row is read, not left out as text among the rows.
    #[test]
    fn no_change_in_a_value_column_is_a_value() {
        let d = doc(concat!(
            "   项目              9月   1-9月累计  累计\n",
            "   批发和零售业      ——    9.6        0.1\n",
            "   住宿和餐饮业      ——    1.3        持平\n",
            "   金融业            ——    8.4        -0.4\n",
        ));
        let c = table_cells(&d);
        assert_has(&c, "住宿和餐饮业", "1-9月累计", "1.3");
        assert_has(&c, "住宿和餐饮业", "累计", "持平");
    }

    /// An English label line printing no value after a row's line, opening on a capital
    /// where that row's label ends in lower case, over rows indented under it, heads those
    /// rows: a wrapped label goes on in lower case (`Special aggregates` is no end of
    /// `Alcoholic beverages and tobacco products`, though it would not fit on its line).
    #[test]
    fn a_capitalised_label_line_over_indented_rows_heads_them() {
        let d = doc(concat!(
            "Item                                      2015   2016\n",
            "All-items                                 126.9  128.3\n",
            "Household operations and equipment        119.7  121.6\n",
            "Alcoholic beverages and tobacco products  151.9  156.5\n",
            "Special aggregates\n",
            "    All-items excluding energy            124.8  126.9\n",
            "    Energy                                152.4  143.4\n",
        ));
        assert_filled(
            &d,
            &[
                ("All-items", "2015", "126.9"),
                ("All-items", "2016", "128.3"),
                ("Household operations and equipment", "2015", "119.7"),
                ("Household operations and equipment", "2016", "121.6"),
                ("Alcoholic beverages and tobacco products", "2015", "151.9"),
                ("Alcoholic beverages and tobacco products", "2016", "156.5"),
                (
                    "Special aggregates>All-items excluding energy",
                    "2015",
                    "124.8",
                ),
                (
                    "Special aggregates>All-items excluding energy",
                    "2016",
                    "126.9",
                ),
                ("Special aggregates>Energy", "2015", "152.4"),
                ("Special aggregates>Energy", "2016", "143.4"),
            ],
        );
    }

    /// w3m sets a narrow column's leaves one space apart (`1 qtr 2 qtr …`), each where its
    /// values start, and centres each year over its run of four: the leaves are cut at the
    /// columns' starts, and the three years over three runs of the same leaves head one
    /// run each, wherever the centring set them.
    #[test]
    fn leaves_one_space_apart_under_years_over_runs_of_them() {
        let d = doc(concat!(
            "                    Item                               2013                    2014                    2015\n",
            "                                              1 qtr 2 qtr 3 qtr 4 qtr 1 qtr 2 qtr 3 qtr 4 qtr 1 qtr 2 qtr 3 qtr 4 qtr\n",
            "Change (%) to the previous quarter            0.0*  1.2   +0.7* +0.3* 1.0   1.0   0.7   +0.8* 1.0   0.6   +1.0* +1.5*\n",
            "Change (%) to the same quarter a year ago     -0.1  1.2   1.6   2.3   3.3   3.1   3.1   +3.6* +3.6* +3.2* +3.5* +4.1*\n",
        ));
        let t = d.tables().next().expect("a table");
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        let want: Vec<String> = ["2013", "2014", "2015"]
            .iter()
            .flat_map(|y| (1..=4).map(move |q| format!("{y}>{q} qtr")))
            .collect();
        assert_eq!(cols, want);
        let c = table_cells(&d);
        assert_has(
            &c,
            "Change (%) to the previous quarter",
            "2013>1 qtr",
            "0.0*",
        );
        assert_has(
            &c,
            "Change (%) to the same quarter a year ago",
            "2015>4 qtr",
            "+4.1*",
        );
    }

    /// w3m sets a label spanning rows on its first row one space before the row's own
    /// (`经济稳定 1.地区生产总值增长率`), the other rows' labels standing alone at the
    /// place the row's own starts: the numbering running on across both (`1.` then `2.`)
    /// shows a label column there, not a child indented under its parent.
    #[test]
    fn a_spanning_label_one_space_before_numbered_rows_is_a_column_of_its_own() {
        let d = doc(concat!(
            "                    项目                      1-3月\n",
            "经济稳定 1.地区生产总值增长率                 7.2\n",
            "         2.居民消费价格涨幅                   2.7\n",
            "结构优化 3.服务业增加值占比                   55.75\n",
            "         4.制造业增加值占比                   57.8\n",
            "民生改善 5.居民人均可支配收入增长率           10.3\n",
        ));
        assert_filled(
            &d,
            &[
                ("经济稳定>1.地区生产总值增长率", "1-3月", "7.2"),
                ("经济稳定>2.居民消费价格涨幅", "1-3月", "2.7"),
                ("结构优化>3.服务业增加值占比", "1-3月", "55.75"),
                ("结构优化>4.制造业增加值占比", "1-3月", "57.8"),
                ("民生改善>5.居民人均可支配收入增长率", "1-3月", "10.3"),
            ],
        );
    }
}
