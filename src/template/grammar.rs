//! The template as the grammar of its tables: a reader of template tables that does not
//! depend on how the table was flattened.
//!
//! Every tool that flattens a report page keeps two things of a table: the order of its
//! text (labels before the values of their row, rows top to bottom) and the values
//! themselves. It loses, depending on the tool, the row boundaries (one cell per line),
//! the empty cells (cells dropped or printed as nothing), the spans (labels printed once,
//! rows shifted left) and the grid (text aligned by spaces). So a template table is read
//! here as a stream of tokens in reading order — label text, values, explicit blanks —
//! and the stream is aligned to the template's sequence of value-row labels:
//!
//! 1. the region: from a line that names a template table (its section heading) to the
//!    next line that names another one;
//! 2. the label text of the region, folded as template labels are ([`mfold`]) and joined
//!    without separators (so a label wrapped over lines or cells, or with spaces a tool
//!    put inside it, reads whole), is searched for every value-row label of the template;
//!    of the occurrences, the longest chain in template order is kept, and a single
//!    missing label between two found ones is matched fuzzily to the text between them;
//! 3. each found row takes the values between the start of its label and the start of the
//!    next found label (values of a row may print before its wrapped label ends);
//! 4. a row with exactly as many values as the template has columns takes them in order
//!    (in aligned text ordered by position); explicit blanks beyond the count are span
//!    padding (leading first, then trailing); a row of aligned text with fewer values
//!    takes the columns whose positions, learned from the table's complete rows, its
//!    values stand under, when each stands under exactly one; any other row keeps its
//!    values in `unplaced` with a warning, and the template's sums may place them later
//!    ([`super::place`]).
//!
//! Nothing is placed that the text does not force. A template table of which fewer than
//! half of the value rows are found is left to the layout readers.

use super::data::{Part, TCol, TRow, TTable, Template, builtin};
use super::matching::{is_variant, label_sim, mfold};
use crate::lines::Line;
use crate::model::{Cell, CellKind, Column, Row, Table, Warning};
use crate::normalize::trim;
use crate::table::value::{kind_of, parse_cell};
use crate::table::{pipe, tsv};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A template table read from a region of lines.
#[derive(Debug, Clone)]
pub struct Read {
    /// First line index (0-based, into the document's lines) the reading covers.
    pub start: usize,
    /// One past the last line index it covers.
    pub end: usize,
    /// The line index of the heading that names the table.
    pub heading: usize,
    /// One table per template part (band), in order; ids are given by the caller.
    pub tables: Vec<Table>,
    /// What the reading doubted.
    pub warnings: Vec<Warning>,
}

/// Reads every template table of `lines` under the template whose grammar fits best.
/// `drawn`: the text is a PDF's in drawing order ([`crate::line_kind::in_drawing_order`]);
/// `paged`: a PDF's text set one column per character ([`crate::classify::pdf_chars`]).
/// Returns the template and the readings, in line order; none when no template fits.
pub fn read(lines: &[Line], drawn: bool, paged: bool) -> Option<(&'static Template, Vec<Read>)> {
    let mut best: Option<(usize, &'static Template, Vec<Read>)> = None;
    let mut cache: Vec<(usize, usize, Stream)> = Vec::new();
    // short lines in matching form, outline number dropped: the candidates for titles
    let short: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = trim(&l.text);
            // a title is a short line of text: not a table row
            if t.is_empty()
                || t.len() > 150
                || t.contains(['|', '\t', '│'])
                || t.chars().count() > 48
            {
                return None;
            }
            let f = mfold(&strip_marks(t));
            Some((i, drop_number(&f).to_string()))
        })
        .collect();
    for tpl in builtin() {
        let titles = title_lines(&short, tpl);
        // the tables are read once; where a part would be placed by a reading of header
        // positions that only rows of other tables can confirm, they are read again
        let mut calib = Calibration::default();
        let (mut score, mut reads);
        loop {
            (score, reads) = (0, Vec::new());
            for (k, &(ti, line)) in titles.iter().enumerate() {
                let end = titles.get(k + 1).map_or(lines.len(), |&(_, l)| l);
                let stream = match cache.iter().position(|(a, b, _)| *a == line && *b == end) {
                    Some(p) => &cache[p].2,
                    None => {
                        cache.push((line, end, Stream::of(lines, line + 1, end, paged, drawn)));
                        &cache[cache.len() - 1].2
                    }
                };
                let (s, r) = read_table(lines, stream, tpl, &tpl.tables[ti], line, &mut calib);
                score += s;
                reads.extend(r);
            }
            // a part would be placed by a reading not yet trusted: read again counting
            // the rows of every table that bear readings out, then with those confirmed
            if calib.wants && calib.trusted.is_empty() && !calib.counting {
                calib.counting = true;
                continue;
            }
            if calib.counting {
                calib.counting = false;
                calib.trusted = calib.confirmed();
                if !calib.trusted.is_empty() {
                    continue;
                }
            }
            break;
        }
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) && score > 0 {
            best = Some((score, tpl, reads));
        }
    }
    best.map(|(_, t, r)| (t, r))
}

/// How well a document's template tables were read: values placed under keys and
/// template sums that fail.
#[derive(Debug, Clone, Copy)]
pub struct Quality {
    /// Keyed cells holding a number, a not-applicable mark or a printed blank.
    pub placed: usize,
    /// Checks that fail, and tables two of whose columns took one key (a misread header,
    /// `header-misread`).
    pub failed: usize,
    /// Checks that pass.
    pub passed: usize,
    /// Every row read placed all its values and no check fails.
    pub complete: bool,
    /// Complete, every check of the template ran and passed (none skipped), and no
    /// warning stands on a table's lines (nothing doubted or recovered).
    pub confirmed: bool,
}

impl Quality {
    /// True when this reading fails no sum and more of its sums hold than of `other`'s,
    /// placing as many values where `other` fails none: a sum that holds is the evidence
    /// that a table was read right, and a misread value rarely keeps one; but more sums
    /// holding over fewer values say nothing against the values the other placed (a
    /// reading that left rows out has fewer sums to make).
    pub fn confirms_more_than(&self, other: &Quality) -> bool {
        self.failed == 0
            && self.passed > other.passed
            && (other.failed > 0 || self.placed >= other.placed)
    }
}

/// The [`Quality`] of a document after the template stage, or of its tables within the
/// line span `within`.
pub fn quality(doc: &crate::model::Document, within: Option<[u32; 2]>) -> Quality {
    let inside = |l: [u32; 2]| within.is_none_or(|[a, b]| l[1] >= a && l[0] <= b);
    let mut placed = 0;
    let mut unplaced = false;
    for t in doc.tables().filter(|t| inside(t.lines)) {
        for r in &t.rows {
            unplaced |= !r.unplaced.is_empty();
            if r.key.is_none() {
                continue;
            }
            placed += r
                .cells
                .iter()
                .zip(&t.columns)
                .filter(|(c, col)| {
                    col.key.is_some() && c.kind != CellKind::Missing && c.kind != CellKind::Text
                })
                .count();
        }
    }
    // a header read so that two columns of a table take one key is misread: as bad as a
    // failing sum (the template stage leaves its values unplaced and says so)
    let clashing = doc
        .warnings
        .iter()
        .filter(|w| w.code == "header-misread" && w.line.is_none_or(|l| inside([l, l])))
        .count();
    let failed = clashing
        + doc
            .checks
            .iter()
            .filter(|c| c.status == "fail" && inside(c.lines))
            .count();
    // a warning on a table's lines: the reading doubted or recovered something there
    let doubted = doc.warnings.iter().any(|w| {
        w.line.is_some_and(|l| {
            inside([l, l]) && doc.tables().any(|t| t.lines[0] <= l && l <= t.lines[1])
        })
    });
    // (sums of the tables' own cells: a number of the prose a table agrees with vouches
    // for one cell, not for the reading of the table)
    let passed = doc
        .checks
        .iter()
        .filter(|c| c.status == "pass" && inside(c.lines) && !super::check::states_prose(c))
        .count();
    let lost = doc.warnings.iter().any(|w| {
        matches!(
            w.code.as_str(),
            "unplaced-row" | "rows-not-found" | "unplaced-value"
        ) && w.line.is_none_or(|l| inside([l, l]))
    });
    Quality {
        placed,
        failed,
        passed,
        complete: failed == 0 && !unplaced && !lost && placed > 0,
        confirmed: failed == 0
            && !doubted
            && !unplaced
            && !lost
            && placed > 0
            && passed > 0
            && !doc
                .checks
                .iter()
                .any(|c| c.status == "skipped" && inside(c.lines)),
    }
}

/// A warning when the reading kept and the layout readers' reading of a report's
/// template tables give a keyed cell different values.
pub fn disagreement(
    kept: &crate::model::Document,
    other: &crate::model::Document,
) -> Option<Warning> {
    use std::collections::HashMap;
    let cells = |d: &crate::model::Document| {
        let mut m: HashMap<(String, String), (String, u32)> = HashMap::new();
        for t in d.tables() {
            for r in &t.rows {
                let Some(rk) = &r.key else { continue };
                for (c, col) in r.cells.iter().zip(&t.columns) {
                    if let Some(ck) = &col.key
                        && c.kind == CellKind::Number
                    {
                        m.insert((rk.clone(), ck.clone()), (c.raw.clone(), r.line));
                    }
                }
            }
        }
        m
    };
    let (a, b) = (cells(kept), cells(other));
    let mut differ: Vec<(&(String, String), u32)> = a
        .iter()
        .filter_map(|(k, (v, line))| b.get(k).filter(|(w, _)| w != v).map(|_| (k, *line)))
        .collect();
    if differ.is_empty() {
        return None;
    }
    // (by line, then key: cells of one line come from a hash map in no fixed order)
    differ.sort_by(|x, y| (x.1, x.0).cmp(&(y.1, y.0)));
    let (k, line) = differ[0];
    Some(Warning {
        line: Some(line),
        code: "readings-disagree".into(),
        message: format!(
            "the layout readers read {} cells of this report's template tables differently (first: {} / {}); the reading kept is the one whose values place more and fail fewer sums",
            differ.len(),
            k.0,
            k.1
        ),
    })
}

/// The lines that name a template table (its section heading or caption), one per table
/// at most, in line order: a short line whose text, outline number and marks removed, is
/// the table's title or close to it.
fn title_lines(short: &[(usize, String)], tpl: &Template) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (ti, tt) in tpl.tables.iter().enumerate() {
        let title_chars = tt.m_title.chars().count();
        let near = |f: &str| {
            let n = f.chars().count();
            n >= 4 && n <= title_chars + 8
        };
        // the title as printed, or its words with a few put between them, where no line
        // prints it (`因政府信息公开工作被申请行政复议提起行政诉讼情况`, the wording of the
        // regime before 2019, heads the 复议/诉讼 table of many later reports)
        let found = short
            .iter()
            .find(|(_, f)| {
                near(f)
                    && (f.contains(&tt.m_title)
                        || (f.chars().count() + 3 >= title_chars
                            && label_sim(f, &tt.m_title) >= 0.8))
            })
            .or_else(|| {
                short
                    .iter()
                    .find(|(_, f)| near(f) && is_subsequence(&tt.m_title, f))
            });
        if let Some(&(l, _)) = found {
            out.push((ti, l));
        }
    }
    out.sort_by_key(|&(_, l)| l);
    out.dedup_by_key(|&mut (_, l)| l);
    out
}

/// True when the letters of `a` (its punctuation left out) stand in `b` in order, others
/// between them.
fn is_subsequence(a: &str, b: &str) -> bool {
    let mut rest = b.chars();
    a.chars()
        .filter(|c| c.is_alphanumeric())
        .all(|c| rest.any(|d| d == c))
}

/// The printed title of a heading line: without its outline number and marks.
fn printed_title(text: &str) -> String {
    let t = strip_marks(text);
    let t = trim(&t);
    let t = match crate::outline::scan_outline(t) {
        Some(o) => &t[o.len..],
        None => t,
    };
    trim(t).to_string()
}

/// Markdown and emphasis marks that are not part of a label.
fn strip_marks(t: &str) -> String {
    t.chars()
        .filter(|c| !matches!(c, '#' | '*' | '|' | '_'))
        .collect()
}

/// The text after a leading outline number (`三、`, `（三）`, `3.`).
fn drop_number(f: &str) -> &str {
    match crate::outline::scan_outline(f) {
        Some(o) => &f[o.len..],
        None => f,
    }
}

/// What a token of the stream is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Text: a label or a piece of one, a header word, a note.
    Label,
    /// A number or a not-applicable mark.
    Value,
    /// An empty cell printed as such (between bars or tabs).
    Blank,
}

/// One token of a table region in reading order.
#[derive(Debug, Clone)]
struct Tok {
    /// Line index into the document's lines.
    line: usize,
    /// Display columns the token spans on its line (aligned text), for placing values.
    x0: u32,
    x1: u32,
    /// The same span counting characters, not display columns (some tools pad by
    /// characters: inscriptis).
    chars: (u32, u32),
    /// True when the token comes from a line of explicit cells (bars or tabs): its
    /// position says nothing, its order does.
    celled: bool,
    kind: Kind,
    text: String,
    /// `text` in matching form (labels only; filled when the stream is made).
    folded: String,
    /// The page the token is printed on: form feeds before its line (a PDF's text).
    page: u32,
}

impl Tok {
    /// The token's span in a measure: 0 display columns, 1 characters.
    fn span(&self, measure: usize) -> (u32, u32) {
        if measure == 0 {
            (self.x0, self.x1)
        } else {
            self.chars
        }
    }
}

/// The tokens of a region and its label text in matching form.
struct Stream {
    toks: std::rc::Rc<Vec<Tok>>,
    /// Label text of the tokens, folded and joined.
    folded: Vec<char>,
    /// For each folded character, the token it comes from.
    owner: Vec<usize>,
    /// For each folded character, its index among its token's folded characters (the
    /// stream without some labels' characters keeps the others' places).
    offset: Vec<u32>,
    /// Per line index: how many tokens it holds and whether all are explicit blanks.
    per_line: rustc_hash::FxHashMap<usize, (usize, bool)>,
    /// Lines that are rows of a Markdown table without outer bars (html2text), where a
    /// cell's text may wrap onto the next line.
    bare_lines: std::rc::Rc<rustc_hash::FxHashSet<usize>>,
    /// The text is laid out in columns: values that begin a line stand indented under
    /// their columns (`pdftotext -layout`, w3m), rather than at the margin (plain
    /// `pdftotext`, which prints a row's values on lines of their own in no columns).
    spatial: bool,
    /// The text is a PDF's (it holds page breaks) and not laid out in columns: values
    /// print in the order the page draws them, which need not be their row's or their
    /// column's order (plain `pdftotext`): none is placed.
    drawn: bool,
    /// The line that ends the region (the next table's title), or the number of lines.
    end: usize,
    /// The text is a PDF's (it holds page breaks).
    paged: bool,
    /// The measure the region's columns line up in (0 display columns, 1 characters),
    /// where its values tell ([`padding`]).
    pad: Option<usize>,
}

impl Stream {
    fn of(lines: &[Line], start: usize, end: usize, paged: bool, drawn: bool) -> Stream {
        let mut toks: Vec<Tok> = Vec::new();
        // under a Markdown delimiter row without outer bars (`---|---`, html2text), every
        // bar of a row separates two cells: one at the start of the line follows an empty
        // first cell, one at its end precedes an empty last cell
        let mut bare = false;
        // (the rows under the delimiter row, up to a blank line)
        let mut in_bare_table = false;
        let mut bare_lines = rustc_hash::FxHashSet::default();
        let mut page = 0;
        for (i, l) in lines.iter().enumerate().take(end).skip(start) {
            if crate::line_kind::is_separator(&l.text) {
                bare = !pipe::has_leading_bar(l.text.trim_start());
                in_bare_table = bare;
            } else if l.text.trim().is_empty() {
                in_bare_table = false;
            }
            // a lone bar under a cell printed without one (`规章` / `|`) closes that cell:
            // no empty cell of its own (under `规章 |` it is one)
            let closes = l.text.trim() == "|"
                && lines[..i]
                    .iter()
                    .rev()
                    .find(|p| !p.text.trim().is_empty())
                    .is_some_and(|p| !p.text.contains('|'));
            // (a line with no bar in such a table is the first line of a row's first
            // cell, wrapped)
            if bare && crate::line_kind::is_pipe_row(&l.text) || in_bare_table {
                bare_lines.insert(i);
            }
            if l.text.contains('\u{c}') {
                page += 1;
            }
            if !closes {
                let bare_row = bare && (in_bare_table || crate::line_kind::is_pipe_row(&l.text));
                let first = toks.len();
                tokenize(i, &l.text, bare_row, &mut toks);
                for t in &mut toks[first..] {
                    t.page = page;
                }
            }
        }
        // an outline number split from its label by the markup (`1` / `.申请人…`, `一` /
        // `、本年新收…`: alone, `一` is a not-applicable mark) is label:
        // the number alone on its line (but for blank cells) or right before the label on
        // its line; in a grid, the number alone in its cell with the label below it in the
        // same cell (the row's values follow the number on its line)
        let filled: Vec<usize> = (0..toks.len())
            .filter(|&k| toks[k].kind != Kind::Blank)
            .collect();
        let number_piece = |a: &Tok| {
            a.kind == Kind::Value
                && (a.text.len() <= 2 && a.text.bytes().all(|c| c.is_ascii_digit())
                    || a.text == "一")
        };
        let label_rest = |b: &Tok| b.kind == Kind::Label && b.text.starts_with(['.', '．', '、']);
        for w in 0..filled.len() {
            let a = &toks[filled[w]];
            if !number_piece(a) {
                continue;
            }
            let below = if a.celled {
                // the next filled token in the same cell, on a later line
                filled[w + 1..]
                    .iter()
                    .map(|&k| &toks[k])
                    .find(|b| b.line != a.line && b.x0 == a.x0)
                    .filter(|b| b.line == a.line + 1 || b.line == a.line + 2)
            } else {
                None
            };
            let first_in_cell =
                w == 0 || toks[filled[w - 1]].line != a.line || toks[filled[w - 1]].x0 != a.x0;
            let next = filled.get(w + 1).map(|&k| &toks[k]);
            let alone = (w == 0 || toks[filled[w - 1]].line != a.line)
                && next.is_some_and(|b| b.line != a.line && (!a.celled || a.x0 == b.x0));
            let is_label = below.is_some_and(|b| label_rest(b) && first_in_cell)
                || next.is_some_and(|b| label_rest(b) && (alone || b.line == a.line));
            if is_label {
                toks[filled[w]].kind = Kind::Label;
            }
        }
        // laid out in columns: values that begin a line are indented under their columns;
        // where none begins a line, the values of most lines stand apart from the words
        // before them by padding (two spaces or more) somewhere on the line, where text
        // that only joins cells puts one space between all of them (lynx, pandoc plain)
        let (mut leading, mut indented) = (0, 0);
        let (mut lines_with, mut lines_padded) = (0, 0);
        let mut last_line = usize::MAX;
        for (k, t) in toks.iter().enumerate() {
            if t.kind != Kind::Value || t.celled {
                continue;
            }
            if k == 0 || toks[k - 1].line != t.line {
                leading += 1;
                indented += usize::from(t.x0 >= 4);
                continue;
            }
            if t.line != last_line {
                lines_with += 1;
                last_line = t.line;
            }
            if t.x0 >= toks[k - 1].x1 + 2 && lines_padded < lines_with {
                lines_padded += 1;
            }
        }
        let spatial = if leading > 0 {
            indented * 5 >= leading * 4
        } else {
            lines_with > 0 && lines_padded * 2 >= lines_with
        };
        let mut per_line: rustc_hash::FxHashMap<usize, (usize, bool)> = Default::default();
        for t in &toks {
            let e = per_line.entry(t.line).or_insert((0, true));
            e.0 += 1;
            e.1 &= t.kind == Kind::Blank;
        }
        let mut folded = Vec::new();
        let mut owner = Vec::new();
        let mut offset = Vec::new();
        for t in toks.iter_mut().filter(|t| t.kind == Kind::Label) {
            t.folded = mfold(&strip_marks(&t.text));
        }
        for (k, t) in toks.iter().enumerate() {
            if t.kind != Kind::Label {
                continue;
            }
            for (i, c) in t.folded.chars().enumerate() {
                folded.push(c);
                owner.push(k);
                offset.push(i as u32);
            }
        }
        let pad = padding(&toks);
        Stream {
            toks: std::rc::Rc::new(toks),
            folded,
            owner,
            offset,
            per_line,
            bare_lines: std::rc::Rc::new(bare_lines),
            pad,
            spatial,
            drawn,
            paged,
            end,
        }
    }

    /// Marks in `drop` the first word of a token on one of the three lines after token
    /// `first`'s, starting where `first` starts (in display columns or characters), when
    /// that word is `rest`; in text laid out in columns (or a PDF's laid-out text) only.
    fn drop_rest(&self, first: usize, rest: &[char], drop: &mut [bool]) {
        // (a place says something only in text laid out in columns, or a PDF's
        // `-layout` text, not in drawing order)
        if !(self.spatial || self.paged) || self.drawn {
            return;
        }
        let a = &self.toks[first];
        let Some(b) = (first + 1..self.toks.len())
            .take_while(|&b| self.toks[b].line <= a.line + 3)
            .find(|&b| {
                let t = &self.toks[b];
                t.line > a.line
                    && t.kind == Kind::Label
                    && (t.x0 == a.x0 || t.chars.0 == a.chars.0)
                    && t.text
                        .split(' ')
                        .next()
                        .map(mfold)
                        .is_some_and(|w| w.chars().eq(rest.iter().copied()))
            })
        else {
            return;
        };
        // (`owner` runs in token order)
        let c = self.owner.partition_point(|&o| o < b);
        if self.owner.get(c) == Some(&b) {
            let end = (c + rest.len()).min(drop.len());
            drop[c..end].iter_mut().for_each(|d| *d = true);
        }
    }

    /// The stream without the characters of the given labels wherever they are printed
    /// whole: row-group and band labels stand in a column of their own and interleave
    /// with the labels of the rows they head (a wrapped row label printed around them).
    /// Also the first line of one wrapped in its column: the first word of a token that
    /// begins one such label only, four characters or more (`（五）不予处 开出版物`).
    fn without(&self, labels: &[Vec<char>]) -> Stream {
        let mut drop = vec![false; self.folded.len()];
        for l in labels {
            for p in self.find_all(l) {
                drop[p..p + l.len()].iter_mut().for_each(|d| *d = true);
            }
        }
        let mut c = 0;
        while c < self.folded.len() {
            let tok = self.owner[c];
            let len = self.owner[c..].iter().take_while(|&&o| o == tok).count();
            let word: Vec<char> = self.toks[tok]
                .text
                .split(' ')
                .next()
                .map(|w| mfold(w).chars().collect())
                .unwrap_or_default();
            let begins = |l: &&Vec<char>| l.len() > word.len() && l.starts_with(&word);
            if word.len() >= 4
                && word.len() <= len
                && self.folded[c..c + word.len()] == word[..]
                && labels.iter().filter(begins).count() == 1
            {
                drop[c..c + word.len()].iter_mut().for_each(|d| *d = true);
                // and its last line: the rest of the label as the first word of a token
                // starting where the first line starts, on one of the next three lines
                // (`（四）无法提` / `供`, the rest level with a row label's last line)
                if let Some(l) = labels.iter().find(begins) {
                    self.drop_rest(tok, &l[word.len()..], &mut drop);
                }
            }
            c += len;
        }
        let keep = |i: &usize| !drop[*i];
        Stream {
            toks: std::rc::Rc::clone(&self.toks),
            folded: (0..self.folded.len())
                .filter(keep)
                .map(|i| self.folded[i])
                .collect(),
            owner: (0..self.folded.len())
                .filter(keep)
                .map(|i| self.owner[i])
                .collect(),
            offset: (0..self.folded.len())
                .filter(keep)
                .map(|i| self.offset[i])
                .collect(),
            per_line: self.per_line.clone(),
            bare_lines: std::rc::Rc::clone(&self.bare_lines),
            spatial: self.spatial,
            drawn: self.drawn,
            paged: self.paged,
            pad: self.pad,
            end: self.end,
        }
    }

    /// Every start of `needle` in the folded label text.
    fn find_all(&self, needle: &[char]) -> Vec<usize> {
        if needle.is_empty() || needle.len() > self.folded.len() {
            return Vec::new();
        }
        (0..=self.folded.len() - needle.len())
            .filter(|&i| self.folded[i] == needle[0] && self.folded[i..i + needle.len()] == *needle)
            .collect()
    }
}

/// Splits one line into tokens: the cells of a bar or tab row; otherwise the fragments
/// of the line, where the values are the whitespace-separated numbers and marks at its
/// end and the rest is label text. In a row of a bare pipe table (`bare`), every bar
/// separates two cells.
fn tokenize(i: usize, text: &str, bare: bool, out: &mut Vec<Tok>) {
    let t = trim(text);
    if t.is_empty() || crate::line_kind::is_separator(t) || crate::line_kind::is_rule(t) {
        return;
    }
    // a line of HTML table markup (raw HTML kept in Markdown) is one cell, or none
    if t.starts_with('<') && t.contains('>') {
        let opens_cell = t.starts_with("<td") || t.starts_with("<th");
        let content = strip_tags(t);
        let content = trim(&content);
        let kind = if content.is_empty() {
            if !opens_cell {
                return;
            }
            Kind::Blank
        } else if is_value(content) {
            Kind::Value
        } else {
            Kind::Label
        };
        out.push(Tok {
            page: 0,
            line: i,
            x0: 0,
            x1: 0,
            chars: (0, 0),
            celled: true,
            kind,
            text: content.to_string(),
            folded: String::new(),
        });
        return;
    }
    let untagged;
    let text = if text.contains('<') && text.contains('>') {
        untagged = strip_tags(text);
        untagged.as_str()
    } else {
        text
    };
    // a row of a box-drawing grid is a row of cells
    let boxed;
    let text = if text.contains(['│', '┃', '║']) {
        boxed = text.replace(['│', '┃', '║'], "|");
        boxed.as_str()
    } else {
        text
    };
    let cells: Option<Vec<String>> = if bare && text.contains('|') {
        Some(
            text.trim_end()
                .split('|')
                .map(|c| trim(c).to_string())
                .collect(),
        )
    } else if crate::line_kind::is_pipe_row(text) {
        let mut cells = pipe::split_cells(text);
        // without outer bars (html2text), a last bar followed by white space only ends an
        // empty last cell, not the row; so does a first bar after white space (an empty
        // first cell, which `split_cells` keeps)
        if !pipe::has_leading_bar(text)
            && text.trim_end().ends_with('|')
            && text.len() > text.trim_end().len()
        {
            cells.push(String::new());
        }
        Some(cells)
    } else if crate::line_kind::is_tsv_row(text) {
        Some(tsv::split_fields(text))
    } else {
        None
    };
    if let Some(cells) = cells {
        // a blank before a label of the line is a cell covered by a span, not a value
        let last_label = cells
            .iter()
            .rposition(|c| !trim(c).is_empty() && !is_value(trim(c)));
        for (k, c) in cells.iter().enumerate() {
            let c = trim(c);
            let kind = if c.is_empty() {
                if last_label.is_some_and(|l| k < l) {
                    continue;
                }
                Kind::Blank
            } else if is_value(c) {
                Kind::Value
            } else {
                Kind::Label
            };
            // a cell's position is its index in the row
            out.push(Tok {
                page: 0,
                line: i,
                x0: k as u32,
                x1: k as u32 + 1,
                chars: (k as u32, k as u32 + 1),
                celled: true,
                kind,
                text: c.to_string(),
                folded: String::new(),
            });
        }
        return;
    }
    // whitespace-separated words with their display columns (and character columns)
    let mut words: Vec<(u32, u32, &str, (u32, u32))> = Vec::new();
    let (mut x, mut n) = (0u32, 0u32);
    let mut start: Option<(usize, u32, u32)> = None;
    for (b, c) in text.char_indices() {
        let (w, cw) = if c == '\t' {
            (8 - x % 8, 8 - n % 8)
        } else {
            (c.width().unwrap_or(0) as u32, 1)
        };
        if c.is_whitespace() {
            if let Some((s, x0, n0)) = start.take() {
                words.push((x0, x, &text[s..b], (n0, n)));
            }
        } else if start.is_none() {
            start = Some((b, x, n));
        }
        x += w;
        n += cw;
    }
    if let Some((s, x0, n0)) = start {
        words.push((x0, x, &text[s..], (n0, n)));
    }
    // a rule of dash segments (pandoc's tables) is no row: its segments, a narrow
    // column's `--` among them, are rule text (see [`header_grid`]), not marks
    let dash_rule =
        words.iter().all(|w| w.2.chars().all(|c| c == '-')) && words.iter().any(|w| w.2.len() >= 3);
    let mut split = words.len();
    while !dash_rule && split > 0 && is_value(words[split - 1].2) {
        split -= 1;
    }
    // label words joined into fragments at gaps of two columns or more
    let mut k = 0;
    while k < split {
        let (x0, mut x1, w, (c0, mut c1)) = words[k];
        let mut label = w.to_string();
        k += 1;
        while k < split && words[k].0 <= x1 + 1 {
            label.push(' ');
            label.push_str(words[k].2);
            x1 = words[k].1;
            c1 = words[k].3.1;
            k += 1;
        }
        out.push(Tok {
            page: 0,
            line: i,
            x0,
            x1,
            chars: (c0, c1),
            celled: false,
            kind: Kind::Label,
            text: label,
            folded: String::new(),
        });
    }
    for &(x0, x1, w, chars) in &words[split..] {
        out.push(Tok {
            page: 0,
            line: i,
            x0,
            x1,
            chars,
            celled: false,
            kind: Kind::Value,
            text: w.to_string(),
            folded: String::new(),
        });
    }
}

/// `s` without HTML tags, with the common entities decoded.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    if out.contains('&') {
        out = out
            .replace("&nbsp;", " ")
            .replace("&#160;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
    }
    out
}

/// A number or a not-applicable mark as a table cell prints it.
fn is_value(s: &str) -> bool {
    matches!(kind_of(s), CellKind::Number | CellKind::Na)
}

/// A value row of the template with where it belongs.
struct Leaf<'a> {
    part: usize,
    row: &'a TRow,
    /// Ancestor labels in the template, outermost first.
    up: Vec<&'a TRow>,
    /// Matching forms to look for: the label, its aliases, then the label without its
    /// parenthetical remark.
    needles: Vec<Vec<char>>,
}

fn leaves(tt: &TTable) -> Vec<Leaf<'_>> {
    let mut out = Vec::new();
    for (pi, part) in tt.parts.iter().enumerate() {
        for (up, row) in part.flat_rows() {
            if !row.rows.is_empty() || row.label.is_empty() {
                continue;
            }
            let mut needles: Vec<Vec<char>> = Vec::new();
            let mut add = |s: &str| {
                let v: Vec<char> = s.chars().collect();
                if v.len() >= 2 && !needles.contains(&v) {
                    needles.push(v);
                }
            };
            add(&row.m_label.folded);
            for a in &row.m_aliases {
                add(&a.folded);
            }
            // the label without its remark (`（二）部分公开` of a long label)
            let f = &row.m_label.folded;
            if let Some(p) = f.find('(').filter(|&p| p > 0 && f.ends_with(')')) {
                add(&f[..p]);
            }
            out.push(Leaf {
                part: pi,
                row,
                up,
                needles,
            });
        }
    }
    out
}

/// Where a leaf's label was found: folded-character range.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
}

/// Reads one template table from the region after its title line. Returns the number of
/// labels found (the evidence for the template) and the reading, or none when less than
/// half of the value rows are found.
fn read_table(
    lines: &[Line],
    s: &Stream,
    tpl: &Template,
    tt: &TTable,
    title_line: usize,
    calib: &mut Calibration,
) -> (usize, Option<Read>) {
    let leaves = leaves(tt);
    let unlabelled = leaves.is_empty();
    let groups: Vec<Vec<char>> = tt
        .parts
        .iter()
        .flat_map(|p| {
            let bands = p.band.iter().map(|b| mfold(b).chars().collect());
            let groups = p
                .flat_rows()
                .into_iter()
                .filter(|(_, r)| !r.rows.is_empty())
                .map(|(_, r)| r.m_label.folded.chars().collect());
            bands.chain(groups).collect::<Vec<Vec<char>>>()
        })
        .collect();
    let full = s;
    let stripped = s.without(&groups);
    let s = &stripped;
    let hits = if unlabelled {
        Vec::new()
    } else {
        align(s, &leaves)
    };
    let found = hits.iter().flatten().count();
    if !unlabelled && found * 2 < leaves.len() {
        return (found, None);
    }
    // header evidence: column labels printed in the region before the first row
    let first_row_char = hits.iter().flatten().map(|h| h.start).min();
    let head_end = first_row_char.unwrap_or(s.folded.len());
    let head: String = s.folded[..head_end].iter().collect();
    let col_labels: Vec<&str> = tt
        .parts
        .iter()
        .flat_map(|p| &p.columns)
        .filter_map(|c| c.m_path.last().map(|m| m.folded.as_str()))
        .filter(|m| !m.is_empty())
        .collect();
    let mut found_whole: Vec<bool> = col_labels.iter().map(|m| head.contains(m)).collect();
    // (also a label set a word per line in a narrow column, see [`stacked_words`]; looked
    // for only where some label is not found whole, among the header's first label
    // tokens: the region of a table without row labels runs on to the next table)
    if s.spatial && found_whole.contains(&false) {
        let head_toks: Vec<&Tok> = s.toks[..s.owner.get(head_end).copied().unwrap_or(s.toks.len())]
            .iter()
            .filter(|t| t.kind == Kind::Label && !t.celled)
            .take(MAX_HEADER_TOKENS)
            .collect();
        let stacked = stacked_words(&head_toks, &col_labels);
        for (k, m) in col_labels.iter().enumerate() {
            found_whole[k] |= stacked.iter().any(|(w, _)| w.contains(m));
        }
    }
    let col_found = found_whole.iter().filter(|&&f| f).count();
    if unlabelled {
        return match read_unlabelled(lines, s, tpl, tt, title_line, col_found, calib) {
            Some((score, r)) => (score, Some(r)),
            None => (col_found, None),
        };
    }

    // value ranges: from a found label's start to the next found label's start
    let mut order: Vec<(usize, Hit)> = hits
        .iter()
        .enumerate()
        .filter_map(|(k, h)| h.map(|h| (k, h)))
        .collect();
    order.sort_by_key(|(_, h)| h.start);
    let tok_of = |c: usize| s.owner[c];
    let mut row_vals: Vec<Vec<usize>> = vec![Vec::new(); leaves.len()];
    // rows whose values print both among the pieces of their wrapped label and after it:
    // in text not laid out in columns their printed order says nothing of their columns
    let mut split = vec![false; leaves.len()];
    let mut last_line = title_line;
    for (n, &(k, h)) in order.iter().enumerate() {
        let from = tok_of(h.start);
        let label_end_tok = tok_of(h.end - 1);
        last_line = last_line.max(s.toks[label_end_tok].line);
        let next = order
            .get(n + 1)
            .map_or(s.toks.len(), |&(_, next)| tok_of(next.start));
        // the row's values end at the first text after its label that is not its label
        // (a header or band line before the next row); in text laid out in columns, text
        // left of the row's label is the rest of a row-group label wrapped in its own
        // column and does not end it
        let label_x = char_x(s, h.start);
        // (the rest of a label cut short, wrapped onto one of the next two lines: `…另行制`
        // above `作`, see [`completed_label`])
        let hit_text: String = s.folded[h.start..h.end].iter().collect();
        let rest = leaves[k]
            .row
            .m_label
            .folded
            .strip_prefix(hit_text.as_str())
            .filter(|r| !r.is_empty());
        let label_line = s.toks[label_end_tok].line;
        for t in from..next {
            let tok = &s.toks[t];
            if tok.kind == Kind::Label {
                let group_column = s.spatial && !tok.celled && tok.x1 <= label_x;
                let rest_of_label = rest.is_some_and(|r| tok.folded == r)
                    && (label_line + 1..=label_line + 2).contains(&tok.line);
                if t > label_end_tok && !group_column && !rest_of_label {
                    break;
                }
                continue;
            }
            // a line of explicit blanks alone is a spacer, not cells of this row
            if tok.kind == Kind::Blank && tok.line != s.toks[from].line && blank_line(s, tok.line) {
                continue;
            }
            row_vals[k].push(t);
            last_line = last_line.max(tok.line);
        }
        let inside = row_vals[k].iter().any(|&v| v < label_end_tok);
        let after = row_vals[k].iter().any(|&v| v > label_end_tok);
        let spans_lines = s.toks[from].line != s.toks[label_end_tok].line;
        split[k] = inside && after && spans_lines && !s.spatial;
        // a row of a grid (bars or boxes) whose label wraps prints its cells on one line
        // and blanks on the others: its cells are those of its first line with a value
        let rv = &mut row_vals[k];
        if rv.iter().all(|&t| s.toks[t].celled)
            && rv.iter().any(|&t| line_cells(s, s.toks[t].line) >= 2)
        {
            let line = rv
                .iter()
                .find(|&&t| s.toks[t].kind == Kind::Value)
                .or(rv.first())
                .map(|&t| s.toks[t].line);
            rv.retain(|&t| Some(s.toks[t].line) == line);
        }
    }

    // Values printed outside every row when every row was found (amid the header,
    // between a band and its rows) mean the text is not in reading order (a PDF's text
    // read column by column): the rows' values are not theirs either, and the table is
    // left to the layout readers. (With a row not found, its values are such values.)
    // Except a line of values printed just before a row label whose row has none of its
    // own (its label is wrapped taller than its values, and the values were drawn on the
    // line of the group label beside it): it is that row's, as no other row lacks values.
    let columns_of = |k: usize| tt.parts[leaves[k].part].columns.len();
    adopt_lines_before_labels(s, &order, columns_of, &mut row_vals);
    share_value_lines(s, &order, columns_of, &mut row_vals);
    share_value_blocks(s, &order, columns_of, &mut row_vals);
    let taken: std::collections::HashSet<usize> = row_vals.iter().flatten().copied().collect();
    let last_taken = taken.iter().copied().max().unwrap_or(0);
    let stray = (0..last_taken)
        .filter(|t| s.toks[*t].kind == Kind::Value && !taken.contains(t))
        .count();
    if stray > 0 && found == leaves.len() {
        return (found + col_found, None);
    }

    // A banded template table printed without any of its band labels is not printed by
    // the template: its rows may share one header (the layout readers read it as printed).
    let bands: Vec<Vec<char>> = tt
        .parts
        .iter()
        .filter_map(|p| p.band.as_ref().map(|b| mfold(b).chars().collect()))
        .collect();
    if bands.len() >= 2 && bands.iter().all(|b| full.find_all(b).is_empty()) {
        return (found + col_found, None);
    }

    // Rows of a grid (explicit cells) with fewer cells than the template has columns:
    // the report prints another table under the template's title (a shorter form, a
    // summary); the layout readers read it as printed.
    let (mut grid_rows, mut narrower) = (0, 0);
    for (k, vals) in row_vals.iter().enumerate() {
        let Some(&v) = vals.first() else { continue };
        let line = s.toks[v].line;
        if vals
            .iter()
            .all(|&t| s.toks[t].celled && s.toks[t].line == line)
            && line_cells(s, line) >= 2
        {
            grid_rows += 1;
            narrower += usize::from(vals.len() < tt.parts[leaves[k].part].columns.len());
        }
    }
    if grid_rows >= 2 && narrower * 2 >= grid_rows {
        return (found + col_found, None);
    }

    // A printed row whose label names no template row (a row the report added, or a
    // label too garbled to tell): the text just before a run of untaken values, when the
    // run fills the columns of the part it stands in, is kept as an unkeyed row.
    let mut orphans: Vec<(usize, usize, Vec<usize>)> = Vec::new(); // (part, label tok, values)
    let mut t = 0;
    while t < last_taken {
        let starts = s.toks[t].kind == Kind::Label
            && s.toks.get(t + 1).is_some_and(|n| n.kind != Kind::Label)
            && !taken.contains(&(t + 1));
        if !starts {
            t += 1;
            continue;
        }
        let mut vals = Vec::new();
        let mut u = t + 1;
        while u < s.toks.len() && s.toks[u].kind != Kind::Label && !taken.contains(&u) {
            vals.push(u);
            u += 1;
        }
        // the part of the found row before it
        let part = order
            .iter()
            .rev()
            .find(|(_, h)| tok_of(h.start) < t)
            .map(|&(k, _)| leaves[k].part);
        if let Some(part) = part
            && vals.iter().any(|&v| s.toks[v].kind == Kind::Value)
        {
            orphans.push((part, t, vals));
        }
        t = u;
    }

    // the printed forms of band and group labels, looked up once
    let mut printed_labels: rustc_hash::FxHashMap<&str, String> = Default::default();
    let mut printed = |label: &str| -> String {
        if let Some(p) = printed_labels.get(label) {
            return p.clone();
        }
        let p = printed_or(full, label);
        printed_labels.insert(
            tt.parts
                .iter()
                .flat_map(|p| {
                    p.band
                        .iter()
                        .map(String::as_str)
                        .chain(p.flat_rows().into_iter().map(|(_, r)| r.label.as_str()))
                })
                .find(|l| *l == label)
                .unwrap_or(""),
            p.clone(),
        );
        p
    };
    // each part's header grid: the labels between the previous part's last row and its
    // own first row (aligned text only)
    // (only where some part has no row filling its columns: the others are placed by
    // their full rows' positions)
    let sparse = (0..tt.parts.len()).any(|pi| {
        let n = tt.parts[pi].columns.len();
        !(0..leaves.len()).any(|k| {
            leaves[k].part == pi
                && row_vals[k]
                    .iter()
                    .filter(|&&t| s.toks[t].kind == Kind::Value)
                    .count()
                    == n
        })
    });
    // the first token after the rows (labels and values) of the parts before part `upto`
    let after_parts = |upto: usize| {
        (0..leaves.len())
            .filter(|&k| leaves[k].part < upto)
            .flat_map(|k| {
                row_vals[k]
                    .iter()
                    .copied()
                    .chain(hits[k].map(|h| tok_of(h.end - 1)))
            })
            .max()
            .map_or(0, |t| t + 1)
    };
    let grids: Vec<Option<Grid>> = (0..tt.parts.len())
        .map(|pi| {
            if !s.spatial || !(sparse || calib.counting) {
                return None;
            }
            let first_row = (0..leaves.len())
                .filter(|&k| leaves[k].part == pi)
                .filter_map(|k| hits[k])
                .map(|h| tok_of(h.start))
                .min()?;
            let mut grid = header_grid(s, &tt.parts[pi].columns, after_parts(pi), first_row)?;
            // a measure in which some column's label does not start right of every row
            // label of the part is no grid of its cells (pandoc sets a header with spans
            // apart from its columns)
            for m in 0..2 {
                let label_end = (0..leaves.len())
                    .filter(|&k| leaves[k].part == pi)
                    .filter_map(|k| hits[k])
                    .flat_map(|h| tok_of(h.start)..=tok_of(h.end - 1))
                    .map(|t| &s.toks[t])
                    .filter(|t| t.kind == Kind::Label)
                    .map(|t| if m == 0 { t.x1 } else { t.chars.1 })
                    .max()
                    .unwrap_or(0);
                grid.measures[m] = grid.cols[0][m].0 >= label_end;
            }
            // (a PDF's text sets every character one column, whatever its width: there
            // the header's places are counted in characters only, and a value drifted
            // right after a long Chinese label may reach the gap past its column's label)
            if s.paged {
                grid.measures[0] = false;
                grid.margin = 1;
                grid.page = s.toks[..first_row]
                    .iter()
                    .rev()
                    .find(|t| t.kind == Kind::Label)
                    .map(|t| t.page);
            }
            Some(grid)
        })
        .collect();
    // rows filling their columns on one line: do the header positions name each value's
    // column, in each reading? (the counts of the document's tables decide, see
    // [`Calibration`])
    if calib.counting {
        for (r, how) in READINGS.into_iter().enumerate() {
            for (k, leaf) in leaves.iter().enumerate() {
                let Some(grid) = grids[leaf.part].as_ref().filter(|g| g.cols.len() > 1) else {
                    continue;
                };
                let vals: Vec<&Tok> = row_vals[k].iter().map(|&t| &s.toks[t]).collect();
                if vals.len() != grid.cols.len()
                    || vals.iter().any(|t| t.kind != Kind::Value || t.celled)
                    || vals.windows(2).any(|w| w[0].line != w[1].line)
                {
                    continue;
                }
                let named = vals
                    .iter()
                    .enumerate()
                    .all(|(c, t)| column_in(t, grid, how) == Some(c));
                calib.counts[r][usize::from(!named)] += 1;
                calib.by_grid.entry(grid.cols.clone()).or_default()[r][usize::from(!named)] += 1;
            }
        }
    }
    // rows printed one to a line: a row that prints its label alone is a row of
    // blanks (text aligned by spaces drops empty cells); where values stand apart
    // from their labels (a cell per line, a PDF read column by column) it tells nothing.
    // The rows of all the table's parts tell (a part of one row may print no value)
    let (mut with, mut beside) = (0, 0);
    for k in 0..leaves.len() {
        let (Some(h), Some(&v)) = (hits[k], row_vals[k].first()) else {
            continue;
        };
        with += 1;
        let lines = s.toks[tok_of(h.start)].line..=s.toks[tok_of(h.end - 1)].line;
        // (or all on one line of values alone right after the label's last line, a
        // blank line between at most: a wrapped label whose cells lynx prints after it)
        let line = s.toks[v].line;
        let after = line > *lines.end()
            && line <= lines.end() + 2
            && row_vals[k].len() >= 2
            && row_vals[k].iter().all(|&t| s.toks[t].line == line)
            && line_cells(s, line) == row_vals[k].len();
        beside += usize::from(lines.contains(&line) || after);
    }
    // (a table that prints no value anywhere is blank throughout, whatever the text)
    let no_values = s.toks.iter().all(|t| t.kind != Kind::Value);
    // the tokens of the table: up to its last row's
    let table_to = after_parts(tt.parts.len());
    // (or the page's cells one to a line, with no line between them, in the page's
    // order: BeautifulSoup's text drops a blank cell, so every value of a row stands
    // between its label and the next row's, and a row printing none prints no value)
    let from = hits.iter().flatten().map(|h| tok_of(h.start)).min();
    let one_to_a_line = from.is_some_and(|from| {
        let toks = &s.toks[from..table_to.max(from)];
        !s.drawn
            && !s.spatial
            && toks.len() >= 2
            && toks.iter().all(|t| !t.celled && line_cells(s, t.line) == 1)
            && toks.windows(2).all(|w| w[1].line == w[0].line + 1)
            && toks.iter().any(|t| t.kind == Kind::Value)
    });
    let row_lines = with > 0 && beside * 10 >= with * 9 || no_values || one_to_a_line;
    let mut warnings = Vec::new();
    let mut tables = Vec::new();
    for (pi, part) in tt.parts.iter().enumerate() {
        let n = part.columns.len();
        let ks: Vec<usize> = (0..leaves.len())
            .filter(|&k| leaves[k].part == pi)
            .collect();
        // in display columns and in characters: a value is not placed by position where
        // the two measures put it under different columns
        let centers = centers(s, &ks, &row_vals, n, |t| (t.x0, t.x1)).zip(centers(
            s,
            &ks,
            &row_vals,
            n,
            |t| t.chars,
        ));
        // where no row fills the part's columns: the columns' own labels in the header
        let by_header = if s.spatial {
            // the labels must explain every value of the part: each starts at one, in
            // display columns or in characters (tools pad by one or the other); a measure
            // that does not explain them all is not used (lynx squeezes its header onto
            // single spaces: there neither does). A value one space after the token before
            // it on its line may stand where squeezing put it rather than where a column
            // is: its position counts only where a value set apart by a gap starts there too,
            // in display columns or characters (w3m pads the label column to its longest
            // label plus one space).
            let squeezed = |t: usize| {
                t.checked_sub(1).is_some_and(|p| {
                    let (a, b) = (&s.toks[p], &s.toks[t]);
                    a.line == b.line && b.x0 <= a.x1 + 1
                })
            };
            let part_values: Vec<usize> = ks
                .iter()
                .flat_map(|&k| &row_vals[k])
                .copied()
                .filter(|&t| s.toks[t].kind == Kind::Value)
                .collect();
            let placed_apart = |v: &Tok| {
                part_values.iter().any(|&t| {
                    let a = &s.toks[t];
                    (a.x0 == v.x0 || a.chars.0 == v.chars.0) && !squeezed(t)
                })
            };
            // (or every value starts exactly where a column's label starts, at two columns
            // or more: w3m sets cells and labels flush at their columns' starts, padding
            // the label column to its longest label and one space)
            let label_starts = grids[pi].as_ref().is_some_and(|g| {
                let at = |t: usize| g.cols.iter().position(|c| c[0].0 == s.toks[t].x0);
                let cols: Option<Vec<usize>> = part_values.iter().map(|&t| at(t)).collect();
                g.measures[0]
                    && cols.is_some_and(|mut c| {
                        c.sort_unstable();
                        c.dedup();
                        c.len() >= 2
                    })
            });
            let positioned = label_starts
                || part_values
                    .iter()
                    .all(|&t| !squeezed(t) || placed_apart(&s.toks[t]));
            // (a value lying clear of the other columns' labels is read so only where the
            // tool sets its headers over its cells: rows that fill their columns show it)
            grids[pi]
                .clone()
                .filter(|_| positioned)
                .map(|grid| {
                    // (values printed on another page than the header's are not its)
                    let explains = |how: Reading| {
                        part_values
                            .iter()
                            .map(|&t| &s.toks[t])
                            .filter(|t| grid.page.is_none_or(|p| p == t.page))
                            .all(|t| column_in(t, &grid, how).is_some())
                    };
                    let ways = usable_readings(&grid, s.pad, calib, explains, centers.is_none());
                    (grid, ways)
                })
                .filter(|(_, ways)| !ways.is_empty())
        } else {
            None
        };
        // where the values of the parts of as many columns start (or end) at as many places
        let by_places = if s.spatial && !s.paged {
            let same: Vec<usize> = (0..tt.parts.len())
                .filter(|&q| tt.parts[q].columns.len() == n)
                .collect();
            let vals: Vec<&Tok> = (0..leaves.len())
                .filter(|&k| same.contains(&leaves[k].part))
                .flat_map(|k| &row_vals[k])
                .map(|&t| &s.toks[t])
                .collect();
            let headers: Vec<&Grid> = same.iter().filter_map(|&q| grids[q].as_ref()).collect();
            grids[pi]
                .as_ref()
                .map(|_| Places::of(s.pad, &vals, &headers, n))
                .filter(|p| !p.is_empty())
        } else {
            None
        };
        // text setting every row's cells one after another on one grid (see [`CellGrid`]);
        // read only when some row needs it
        let by_cells: std::cell::OnceCell<Option<CellGrid>> = std::cell::OnceCell::new();
        let cell_grid = || {
            let from = after_parts(pi);
            let rows: Vec<(Option<usize>, &[usize])> = ks
                .iter()
                .filter_map(|&k| hits[k].map(|h| (Some(tok_of(h.end - 1)), row_vals[k].as_slice())))
                .collect();
            let to = rows
                .iter()
                .flat_map(|&(l, v)| v.iter().copied().chain(l))
                .max()
                .map_or(from, |t| t + 1);
            // (the parts of a table may share its grid: one part's rows need not hold
            // the widest cell of every column)
            CellGrid::of(s, lines, (from, to), &rows, n)
                .or_else(|| CellGrid::of(s, lines, (0, table_to), &rows, n))
        };
        // a cell per line with a blank line after every cell (lynx): each blank line
        // beyond the first between two tokens is an empty cell, where that count gives
        // every row of the part its columns and no row of it gets another count
        let mut by_gaps: Vec<Option<Vec<Cell>>> = {
            let read: Vec<Gaps> = ks
                .iter()
                .map(|&k| {
                    gap_cells(
                        s,
                        lines,
                        hits[k].map(|h| tok_of(h.end - 1)),
                        &row_vals[k],
                        n,
                    )
                })
                .collect();
            let trusted = !read.iter().any(|g| matches!(g, Gaps::Contradicts))
                && read.iter().any(|g| matches!(g, Gaps::Cells(_)));
            read.into_iter()
                .map(|g| match g {
                    Gaps::Cells(cells) if trusted => Some(cells),
                    _ => None,
                })
                .collect()
        };
        // some row printing more values than it has columns: values printed away from
        // their rows (at a page break, under a tall label)
        let count = |q: usize| {
            row_vals[q]
                .iter()
                .filter(|&&t| s.toks[t].kind != Kind::Blank)
                .count()
        };
        let columns_of = |q: usize| tt.parts[leaves[q].part].columns.len();
        let crowded = order.iter().any(|&(q, _)| count(q) > columns_of(q));
        // a row printing none and a row printing too many with only full rows between
        // them: the values between may each stand a row off (aligned text, not cells)
        let mut shifted = vec![false; leaves.len()];
        let mut open: Option<(usize, bool)> = None; // (index in order, crowded?)
        for (i, &(q, _)) in order.iter().enumerate() {
            if row_vals[q].iter().any(|&t| s.toks[t].celled) {
                open = None;
                continue;
            }
            let (none, many) = (count(q) == 0, count(q) > columns_of(q));
            if none || many {
                if let Some((j, was_many)) = open
                    && was_many != many
                {
                    // (where the rows between print the same values, and the row printing
                    // too many prints them over again, a shift by a row gives each row
                    // between what it prints: a table of zeros)
                    let printed = |r: usize| -> Vec<&str> {
                        row_vals[r]
                            .iter()
                            .map(|&t| &s.toks[t])
                            .filter(|t| t.kind != Kind::Blank)
                            .map(|t| t.text.as_str())
                            .collect()
                    };
                    let inner: Vec<usize> = order[j + 1..i].iter().map(|&(r, _)| r).collect();
                    let same = inner.first().map(|&r| printed(r)).is_some_and(|c| {
                        !c.is_empty()
                            && inner.iter().all(|&r| printed(r) == c)
                            && [order[j].0, order[i].0].into_iter().all(|e| {
                                printed(e).chunks(c.len()).all(|part| part == c.as_slice())
                            })
                    });
                    for &(r, _) in &order[j..=i] {
                        shifted[r] |= !(same && inner.contains(&r));
                    }
                }
                open = Some((i, many));
            } else if count(q) < columns_of(q) {
                open = None;
            }
        }
        // a row of aligned text printing a value on a line outside its label's lines
        let spills = |q: usize| {
            s.spatial
                && hits[q].is_some_and(|h| {
                    let lines = s.toks[tok_of(h.start)].line..=s.toks[tok_of(h.end - 1)].line;
                    row_vals[q]
                        .iter()
                        .map(|&t| &s.toks[t])
                        .any(|t| t.kind == Kind::Value && !t.celled && !lines.contains(&t.line))
                })
        };
        let mut rows = Vec::new();
        // rows read blank because they print nothing, and rows whose printed values were
        // left out (by leaf)
        let mut blank_row = vec![false; leaves.len()];
        let mut values_left = vec![false; leaves.len()];
        for (i, &k) in ks.iter().enumerate() {
            let Some(h) = hits[k] else { continue };
            let leaf = &leaves[k];
            let toks: Vec<&Tok> = row_vals[k].iter().map(|&t| &s.toks[t]).collect();
            let line_no = lines[s.toks[tok_of(h.start)].line].no;
            values_left[k] = has_value(&toks);
            let at = order.iter().position(|&(q, _)| q == k);
            // (values no row took between the row before and its label: a PDF's line may
            // print a wrapped row's values above its label)
            let loose_before = at.is_some_and(|i| {
                let from = i
                    .checked_sub(1)
                    .and_then(|p| order.get(p))
                    .map_or(0, |&(_, ph)| tok_of(ph.start));
                (from..tok_of(h.start))
                    .any(|t| s.toks[t].kind == Kind::Value && !taken.contains(&t))
            });
            // (a neighbour with values on a line outside its own label's lines may hold this
            // row's values: a PDF draws a row's values level with the wrapped label of the
            // row before)
            let beside_split = at.is_some_and(|i| {
                [i.checked_sub(1), Some(i + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| order.get(j))
                    .any(|&(q, _)| split[q] || spills(q))
            });
            // a row printing nothing is blank, unless values stand away from their rows (in
            // drawing order they may stand anywhere on the page, also after the region)
            let values_in_place = !loose_before && at.is_some() && !crowded && !beside_split;
            let assigned = if (split[k] || s.drawn && has_value(&toks) || shifted[k])
                && toks.iter().all(|t| !t.celled)
            {
                None
            } else if toks.is_empty() && row_lines && values_in_place && !s.drawn {
                blank_row[k] = true;
                Some(vec![empty(); n])
            } else {
                // a short row is placed by position only where no row holds values
                // that may be its (the blanks it leaves must be blanks)
                let centers = centers.as_ref().filter(|_| values_in_place);
                assign(
                    &toks,
                    n,
                    centers.map(|(d, c)| (d.as_slice(), c.as_slice())),
                    s.spatial,
                    s.paged,
                )
            };
            let assigned = assigned
                .or_else(|| {
                    by_header
                        .as_ref()
                        .filter(|_| values_in_place)
                        .and_then(|(grid, ways)| under_header(&toks, grid, ways))
                })
                .or_else(|| {
                    by_places
                        .as_ref()
                        .filter(|_| values_in_place)
                        .and_then(|p| Places::row(p, &toks, n))
                })
                .or_else(|| {
                    if !values_in_place {
                        return None;
                    }
                    let grid = by_cells.get_or_init(cell_grid).as_ref()?;
                    grid.row(s, Some(tok_of(h.end - 1)), &row_vals[k], n)
                })
                .or_else(|| by_gaps[i].take());
            let (cells, unplaced) = match assigned {
                Some(cells) => (cells, Vec::new()),
                None if toks.iter().all(|t| t.kind != Kind::Value) => {
                    warnings.push(Warning {
                        line: Some(line_no),
                        code: "unplaced-row".into(),
                        message: format!(
                            "row {:?} prints no value, and in this text a row's empty cells may stand elsewhere; its cells are left out",
                            leaf.row.label
                        ),
                    });
                    continue;
                }
                // values that may stand a row off
                None if shifted[k] && has_value(&toks) => {
                    warnings.push(row_left_out(
                        line_no,
                        &leaf.row.label,
                        &toks,
                        "may belong to the row above or below: between a row printing none and one printing more than its columns, every row's values may stand a row off",
                    ));
                    continue;
                }
                // values in a PDF's drawing order: which column each is in is not printed
                None if s.drawn && toks.iter().all(|t| !t.celled) && has_value(&toks) => {
                    warnings.push(row_left_out(
                        line_no,
                        &leaf.row.label,
                        &toks,
                        "are printed in the order the PDF draws them, which need not be the order of its rows and columns (pdftotext -layout keeps them in place)",
                    ));
                    continue;
                }
                // values of aligned text on several lines whose columns cannot be told:
                // their printed order is not their column order either, so the sums
                // cannot place them
                None if split[k]
                    || (s.spatial
                        && toks.iter().all(|t| !t.celled)
                        && side_by_side(&toks)
                        && toks.windows(2).any(|w| w[0].line != w[1].line)) =>
                {
                    warnings.push(row_left_out(
                        line_no,
                        &leaf.row.label,
                        &toks,
                        "print over several lines whose columns cannot be told apart",
                    ));
                    continue;
                }
                None => {
                    let printed: Vec<String> = toks
                        .iter()
                        .filter(|t| t.kind == Kind::Value)
                        .map(|t| t.text.clone())
                        .collect();
                    if !printed.is_empty() {
                        warnings.push(Warning {
                            line: Some(line_no),
                            code: "unplaced-value".into(),
                            message: format!(
                                "row {:?} prints {} values for {} columns; the text does not say which columns they belong to",
                                leaf.row.label,
                                printed.len(),
                                n
                            ),
                        });
                    }
                    (missing(n), printed)
                }
            };
            let mut path: Vec<String> = Vec::new();
            if let Some(b) = &part.band {
                path.push(printed(b));
            }
            for u in &leaf.up {
                path.push(printed(&u.label));
            }
            path.push(completed_label(s, h, &leaf.row.m_label.folded));
            values_left[k] &= !unplaced.is_empty();
            rows.push(Row {
                path,
                line: line_no,
                cells,
                key: Some(leaf.row.key.clone()),
                unplaced,
                attributes: Vec::new(),
            });
        }
        // In a PDF's text a row's values are drawn at its cell's vertical middle, which
        // may be the line of the next or the last row's label: a row printing nothing
        // beside a row whose values could not be placed may be the row those values
        // belong to, so it is not read as blank.
        if s.paged {
            for (i, &(k, h)) in order.iter().enumerate() {
                let beside_left = [i.checked_sub(1), Some(i + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| order.get(j))
                    .any(|&(q, _)| values_left[q]);
                if !blank_row[k] || !beside_left {
                    continue;
                }
                let key = &leaves[k].row.key;
                rows.retain(|r| r.key.as_ref() != Some(key));
                warnings.push(Warning {
                    line: Some(lines[s.toks[tok_of(h.start)].line].no),
                    code: "unplaced-row".into(),
                    message: format!(
                        "row {:?} prints no value, but a row beside it prints values that could not be placed, which in a PDF's text may be this row's; its cells are left out",
                        leaves[k].row.label
                    ),
                });
            }
        }
        for (_, lt, vals) in orphans.iter().filter(|(p, _, _)| *p == pi) {
            let toks: Vec<&Tok> = vals.iter().map(|&v| &s.toks[v]).collect();
            let label = crate::normalize::compact(&strip_marks(&s.toks[*lt].text));
            let line_no = lines[s.toks[*lt].line].no;
            // a piece of a wrapped row-group label heads no values of its own: the values
            // beside it are a row's printed out of place
            let folded: Vec<char> = s.toks[*lt].folded.chars().collect();
            let group_piece = folded.len() >= 2
                && groups
                    .iter()
                    .any(|g| g.starts_with(&folded) || g.ends_with(&folded));
            let cells = if group_piece || s.drawn {
                None
            } else {
                assign(&toks, n, None, false, false)
            };
            let Some(cells) = cells else {
                let printed: Vec<&str> = toks
                    .iter()
                    .filter(|t| t.kind == Kind::Value)
                    .map(|t| t.text.as_str())
                    .collect();
                warnings.push(Warning {
                    line: Some(line_no),
                    code: "unplaced-value".into(),
                    message: format!(
                        "values {} printed after {label:?}, which names no row of template {} table {:?}, are left out: the text does not say which row and columns they belong to",
                        printed.join(" "),
                        tpl.id,
                        tt.title
                    ),
                });
                continue;
            };
            warnings.push(Warning {
                line: Some(line_no),
                code: "unkeyed-label".into(),
                message: format!(
                    "row label {label:?} names no row of template {} table {:?}; the row is kept without a key",
                    tpl.id, tt.title
                ),
            });
            let mut path: Vec<String> = part.band.iter().map(|b| printed_or(full, b)).collect();
            path.push(label);
            rows.push(Row {
                path,
                line: line_no,
                cells,
                key: None,
                unplaced: Vec::new(),
                attributes: Vec::new(),
            });
        }
        rows.sort_by_key(|r| r.line);
        if rows.is_empty() {
            continue;
        }
        // the header of this part: the text between the previous part's rows and its own
        let first_tok = ks
            .iter()
            .filter_map(|&k| hits[k].map(|h| tok_of(h.start)))
            .min()
            .unwrap_or(0);
        let col_labels = folded_labels(part);
        let columns = part
            .columns
            .iter()
            .map(|c| Column {
                path: c
                    .path
                    .iter()
                    .map(|l| printed_column(s, l, first_tok, &col_labels))
                    .collect(),
                key: Some(c.key.clone()),
            })
            .collect();
        let first = rows[0].line;
        let last = rows.iter().map(|r| r.line).max().unwrap_or(first);
        let head_from = (0..leaves.len())
            .filter(|&k| leaves[k].part < pi)
            .filter_map(|k| row_vals[k].last().copied())
            .max()
            .map_or(0, |t| t + 1);
        let (note, stub) = header_text(s, head_from, first_tok, part);
        tables.push(Table {
            id: String::new(),
            lines: [first, last],
            style: style_of(s, lines),
            title: Some(printed_title(&lines[title_line].text)),
            band: part.band.as_ref().map(|b| printed_or(full, b)),
            section: Vec::new(),
            note,
            stub,
            columns,
            rows,
        });
    }
    let missing_rows = leaves.len() - found;
    if missing_rows > 0 {
        warnings.push(Warning {
            line: Some(lines[title_line].no),
            code: "rows-not-found".into(),
            message: format!(
                "{missing_rows} of the {} value rows of template {} table {:?} are not printed recognisably; their cells are absent",
                leaves.len(),
                tpl.id,
                tt.title
            ),
        });
    }
    let start = first_content_line(lines, title_line + 1);
    (
        found + col_found,
        Some(Read {
            start,
            end: last_line + 1,
            heading: title_line,
            tables,
            warnings,
        }),
    )
}

/// Gives a line of values that no row took to the row whose label follows it, when that
/// row took no values and the line holds all its values and nothing else: a label wrapped
/// over more lines than its values, whose values were drawn level with a group label
/// printed before it, or a first row's label set lower than its values. The row before
/// the line having all its own values (for the first row: the header before it, the next
/// row holding its own), the text places the line.
fn adopt_lines_before_labels(
    s: &Stream,
    order: &[(usize, Hit)],
    columns_of: impl Fn(usize) -> usize,
    row_vals: &mut [Vec<usize>],
) {
    let taken: std::collections::HashSet<usize> = row_vals.iter().flatten().copied().collect();
    let labels: std::collections::HashSet<usize> = s.owner.iter().copied().collect();
    for (n, &(k, h)) in order.iter().enumerate() {
        if !row_vals[k].is_empty() {
            continue;
        }
        let from = s.owner[h.start];
        // the first row: after the header, where the next row holds values of its own
        // and the line is no row of column numbers (`1 2 3 …`, a form's code row)
        let prev_last = if n == 0 {
            let next_has = order.get(1).is_some_and(|&(q, _)| !row_vals[q].is_empty());
            let Some(last_label) = (0..from).rev().find(|&t| s.toks[t].kind == Kind::Label) else {
                continue;
            };
            let numbering = (last_label + 1..from)
                .filter(|&t| s.toks[t].kind == Kind::Value)
                .map(|t| s.toks[t].text.as_str())
                .eq((1..=columns_of(k))
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str));
            if !next_has || numbering {
                continue;
            }
            last_label
        } else {
            let (pk, _) = order[n - 1];
            let Some(&prev_last) = row_vals[pk].iter().max() else {
                continue;
            };
            if row_vals[pk].len() < columns_of(pk) {
                continue;
            }
            prev_last
        };
        // the untaken tokens between the previous row's values and this label
        let between: Vec<usize> = (prev_last + 1..from)
            .filter(|t| !taken.contains(t))
            .collect();
        let values: Vec<usize> = between
            .iter()
            .copied()
            .filter(|&t| s.toks[t].kind == Kind::Value)
            .collect();
        let Some(&first) = values.first() else {
            continue;
        };
        let line = s.toks[first].line;
        let one_line = values.iter().all(|&t| s.toks[t].line == line);
        // beside the values, at most the label of a group (not read as a row label)
        let only_values = (0..s.toks.len())
            .filter(|&t| s.toks[t].line == line)
            .all(|t| {
                values.contains(&t) || (s.toks[t].kind == Kind::Label && !labels.contains(&t))
            });
        if one_line && only_values && values.len() == columns_of(k) {
            row_vals[k] = values;
        }
    }
}

/// Gives the lines of values of a run of consecutive rows, where some row of the run took
/// none and another the lines of several, one line to each row of the run in order: when
/// every row of the run took none or whole lines of exactly its columns' count, the lines
/// number the rows of the run, and every other row of the table took one such line. A
/// PDF draws each row's values within the row and the rows one under another, so the
/// lines of the run's rows are theirs in that order (a label drawn above its row's
/// values puts the line after the next row's label). Aligned text only; where a row
/// outside the run also took none or several, the values may stand a row off anywhere
/// between, and nothing is moved.
///
/// In a PDF's text a row's values may also print over lines, its first columns on its
/// label's line and the rest on the next row's (`pdftotext -layout` sets values drawn at
/// one height on separate lines where a wrapped label between them moves the baseline):
/// there the run's lines are given to its rows in order, whole lines, as many as make up
/// each row's columns, where each line of a row stands right of the line before it in
/// characters (the columns continue); any other split leaves the run as it was.
fn share_value_lines(
    s: &Stream,
    order: &[(usize, Hit)],
    columns_of: impl Fn(usize) -> usize,
    row_vals: &mut [Vec<usize>],
) {
    // per row in printed order: the lines of its values, where it has values only
    let lines_of = |k: usize| -> Option<Vec<Vec<usize>>> {
        let vals = &row_vals[k];
        if vals
            .iter()
            .any(|&t| s.toks[t].kind != Kind::Value || s.toks[t].celled)
        {
            return None;
        }
        let mut lines: Vec<Vec<usize>> = Vec::new();
        for &t in vals {
            match lines.last_mut() {
                Some(l) if s.toks[l[0]].line == s.toks[t].line => l.push(t),
                _ => lines.push(vec![t]),
            }
        }
        Some(lines)
    };
    if !s.spatial || order.is_empty() {
        return;
    }
    let read: Vec<Option<Vec<Vec<usize>>>> = order.iter().map(|&(k, _)| lines_of(k)).collect();
    let regular = |i: usize| {
        read[i]
            .as_ref()
            .is_some_and(|l| l.len() == 1 && l[0].len() == columns_of(order[i].0))
    };
    let irregular: Vec<usize> = (0..order.len()).filter(|&i| !regular(i)).collect();
    let (Some(&first), Some(&last)) = (irregular.first(), irregular.last()) else {
        return;
    };
    let run = first..=last;
    let k0 = order[first].0;
    let shared = run
        .clone()
        .all(|i| read[i].is_some() && columns_of(order[i].0) == columns_of(k0));
    if !shared {
        return;
    }
    let n = columns_of(k0);
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut row: Vec<usize> = Vec::new();
    for line in run
        .clone()
        .flat_map(|i| read[i].clone().unwrap_or_default())
    {
        if line.len() > n - row.len() {
            return;
        }
        // (a row continued on a later line: in a PDF's text only, its columns going on)
        if let Some(&last) = row.last()
            && !(s.paged && s.toks[last].chars.1 < s.toks[line[0]].chars.0)
        {
            return;
        }
        row.extend(line);
        if row.len() == n {
            rows.push(std::mem::take(&mut row));
        }
    }
    if !row.is_empty() || rows.len() != run.clone().count() {
        return;
    }
    for (i, values) in run.zip(rows) {
        row_vals[order[i].0] = values;
    }
}

/// Gives the values of a run of consecutive rows that a PDF's text prints in blocks of
/// columns: beside wrapped labels `pdftotext -layout` may set the run's cells as one block
/// of columns after another, each block a line per row of the run (`0 1 0 0` / `0 0 0 0`
/// under the labels, then `0 0 1` / `0 0 0` further right). Where the `k` rows of a run
/// (rows that took no values, or other than one line of their columns' count) took
/// between them lines of values that fall into blocks of `k` lines, every line of a block
/// holding the same count, each block standing right of the block before in characters
/// and the blocks' counts adding up to the rows' columns, the `j`-th row of the run takes
/// the `j`-th line of every block. Any other shape (a block short of a line: a row blank
/// there; lines of unequal counts: blank cells) is left as it was.
fn share_value_blocks(
    s: &Stream,
    order: &[(usize, Hit)],
    columns_of: impl Fn(usize) -> usize,
    row_vals: &mut [Vec<usize>],
) {
    if !s.paged {
        return;
    }
    // per row in printed order: may it belong to a run? (values of aligned text only,
    // and not one line of its columns' count)
    let in_run: Vec<bool> = order
        .iter()
        .map(|&(k, _)| {
            let v = &row_vals[k];
            let plain = v
                .iter()
                .all(|&t| s.toks[t].kind == Kind::Value && !s.toks[t].celled);
            let one_line =
                v.len() == columns_of(k) && v.iter().all(|&t| s.toks[t].line == s.toks[v[0]].line);
            plain && !one_line
        })
        .collect();
    let mut i = 0;
    while i < order.len() {
        let n = columns_of(order[i].0);
        let j = (i..order.len())
            .find(|&j| !in_run[j] || columns_of(order[j].0) != n)
            .unwrap_or(order.len());
        if j - i >= 2 {
            split_blocks(s, &order[i..j], n, row_vals);
        }
        i = j.max(i + 1);
    }
}

/// [`share_value_blocks`] for one run of rows of `n` columns.
fn split_blocks(s: &Stream, run: &[(usize, Hit)], n: usize, row_vals: &mut [Vec<usize>]) {
    let k = run.len();
    let mut vals: Vec<usize> = run.iter().flat_map(|&(q, _)| row_vals[q].clone()).collect();
    vals.sort_unstable();
    let mut lines: Vec<Vec<usize>> = Vec::new();
    for t in vals {
        match lines.last_mut() {
            Some(l) if s.toks[l[0]].line == s.toks[t].line => l.push(t),
            _ => lines.push(vec![t]),
        }
    }
    // every value of each line is the run's
    let whole = lines.iter().all(|l| {
        let line = s.toks[l[0]].line;
        s.toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.line == line && t.kind == Kind::Value)
            .all(|(t, _)| l.contains(&t))
    });
    if !whole || lines.len() < 2 * k || !lines.len().is_multiple_of(k) {
        return;
    }
    let blocks: Vec<&[Vec<usize>]> = lines.chunks(k).collect();
    let uniform = blocks
        .iter()
        .all(|b| b.iter().all(|l| l.len() == b[0].len()));
    let counts: usize = blocks.iter().map(|b| b[0].len()).sum();
    let apart = blocks.windows(2).all(|w| {
        let end = w[0].iter().flatten().map(|&t| s.toks[t].chars.1).max();
        let start = w[1].iter().flatten().map(|&t| s.toks[t].chars.0).min();
        end < start
    });
    if !uniform || counts != n || !apart {
        return;
    }
    for (j, &(q, _)) in run.iter().enumerate() {
        row_vals[q] = blocks.iter().flat_map(|b| b[j].clone()).collect();
    }
}

/// The corner note (`（本列数据的勾稽关系为：…）`, a bracketed sentence, brackets removed)
/// and the stub (`信息内容`: header text over the row labels that names no column) among
/// the header tokens `[from, to)` of a part.
fn header_text(
    s: &Stream,
    from: usize,
    to: usize,
    part: &super::data::Part,
) -> (Option<String>, Vec<String>) {
    let toks: Vec<&Tok> = s.toks[from.min(to)..to]
        .iter()
        .filter(|t| t.kind == Kind::Label)
        .collect();
    let mut note: Option<String> = None;
    let mut stub = String::new();
    let mut k = 0;
    let opens = |t: &str| t.starts_with(['（', '(']);
    let closes = |t: &str| t.ends_with(['）', ')']);
    while k < toks.len() {
        let t = crate::normalize::compact(&strip_marks(&toks[k].text));
        if note.is_none() && opens(&t) && t.chars().count() > 8 {
            let mut text = t.clone();
            while !closes(&text) && k + 1 < toks.len() {
                k += 1;
                text.push_str(&crate::normalize::compact(&strip_marks(&toks[k].text)));
            }
            let inner = text
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')']);
            note = Some(inner.to_string());
        } else {
            let f = mfold(&t);
            let names_column = part.columns.iter().any(|c| {
                c.m_path.iter().any(|m| {
                    !f.is_empty()
                        && (m.folded.contains(&f)
                            || f.contains(&m.folded)
                            || label_sim(&f, &m.folded) >= 0.75)
                })
            });
            let band = part.band.as_ref().is_some_and(|b| mfold(b) == f);
            if !names_column && !band && !f.is_empty() && f.chars().count() <= 8 {
                stub.push_str(&t);
            }
        }
        k += 1;
    }
    let stub = if stub.is_empty() {
        Vec::new()
    } else {
        vec![stub]
    };
    (note, stub)
}

/// A table without row labels (one row of values under a header): the values are the
/// first run of values after the header.
fn read_unlabelled(
    lines: &[Line],
    s: &Stream,
    tpl: &Template,
    tt: &TTable,
    title_line: usize,
    col_found: usize,
    calib: &mut Calibration,
) -> Option<(usize, Read)> {
    let part = tt.parts.first()?;
    let n = part.columns.len();
    // the header: label tokens each word of which is made of the column labels'
    // characters; the row ends at the first label after it (the next heading)
    let labels: Vec<&str> = part
        .columns
        .iter()
        .flat_map(|c| &c.m_path)
        .map(|m| m.folded.as_str())
        .collect();
    let rule = |w: &str| w.chars().all(|c| "-=_+:─━═┄┈".contains(c));
    // (pieces of labels of narrow columns run together: `结果纠未经复议直接起诉`; a piece
    // is any run of the labels' characters)
    let label_chars: rustc_hash::FxHashSet<char> = labels.iter().flat_map(|l| l.chars()).collect();
    let in_header = |t: &Tok| {
        t.kind != Kind::Label
            || t.text
                // (a cell's bar on a line not read as a row of cells, `行政复议| 行政诉讼`,
                // parts words as a space does)
                .split([' ', '|', '│'])
                .filter(|w| !w.is_empty())
                .all(|w| {
                    // (a rule drawn across the table is part of it)
                    rule(w) || mfold(w).chars().all(|c| label_chars.contains(&c))
                })
    };
    let header_end = s.toks.iter().position(|t| !in_header(t));
    // header labels printed a character or two per line (narrow columns of a PDF)
    // interleave: each column's label is then at least in the header in order
    let header: String = s.toks[..header_end.unwrap_or(s.toks.len())]
        .iter()
        .filter(|t| t.kind == Kind::Label && !rule(&t.text))
        .map(|t| t.folded.as_str())
        .collect();
    let spelled = labels.iter().all(|l| {
        let mut rest = header.chars();
        l.chars().all(|c| rest.any(|h| h == c))
    });
    let no_values = s.toks.iter().all(|t| t.kind != Kind::Value);
    // the header's labels found whole, or spelled out in order where the row that
    // follows prints one value for every column on one line, or none anywhere
    let full_row = || {
        let first = s.toks.iter().position(|t| t.kind == Kind::Value);
        first.is_some_and(|f| {
            let line: Vec<&Tok> = s.toks[f..]
                .iter()
                .take_while(|t| t.line == s.toks[f].line)
                .collect();
            line.len() == n && line.iter().all(|t| t.kind == Kind::Value && !t.celled)
        })
    };
    if col_found * 2 < n.min(6) && !(spelled && !s.drawn && (no_values || full_row())) {
        return None;
    }
    // a table whose region prints no value anywhere is blank throughout (a form left
    // blank), unless the text is in drawing order (its values may stand anywhere)
    let Some(first_value) = s.toks.iter().position(|t| t.kind == Kind::Value) else {
        return match header_end {
            Some(h) if h > 0 && !s.drawn => {
                Some(blank_unlabelled(lines, s, tt, title_line, col_found, h))
            }
            _ => None,
        };
    };
    let line = s.toks[first_value].line;
    let first = (0..first_value)
        .rev()
        .take_while(|&t| s.toks[t].line == line && s.toks[t].kind == Kind::Blank)
        .last()
        .unwrap_or(first_value);
    let mut end = first;
    while end < s.toks.len() && s.toks[end].kind != Kind::Label {
        end += 1;
    }
    let toks: Vec<&Tok> = s.toks[first..end].iter().collect();
    let line_no = lines[toks[0].line].no;
    let last_line = toks.iter().map(|t| t.line).max().unwrap_or(title_line);
    let mut warnings = Vec::new();
    let drawn = s.drawn && toks.iter().all(|t| !t.celled) && has_value(&toks);
    let assigned = if drawn {
        None
    } else {
        assign(&toks, n, None, s.spatial, s.paged)
            .or_else(|| under_own_header(s, part, first, &toks, calib))
            .or_else(|| {
                // (a header printed a cell per line with blank lines between, too)
                let header_so = s.toks[..first]
                    .windows(2)
                    .all(|w| w[1].line >= w[0].line + 2);
                let vals: Vec<usize> = (first..end).collect();
                match gap_cells(s, lines, first.checked_sub(1), &vals, n) {
                    Gaps::Cells(cells) if header_so => Some(cells),
                    _ => None,
                }
            })
            .or_else(|| {
                // (a header and row set cell after cell on one grid, see [`CellGrid`])
                let vals: Vec<usize> = (first..end).collect();
                CellGrid::of(s, lines, (0, end), &[(None, &vals)], n)
                    .and_then(|g| g.row(s, None, &vals, n))
            })
            .or_else(|| tail_by_gaps(s, part, first, &toks))
    };
    let (cells, unplaced) = match assigned {
        Some(c) => (c, Vec::new()),
        None => {
            let printed: Vec<String> = toks
                .iter()
                .filter(|t| t.kind == Kind::Value)
                .map(|t| t.text.clone())
                .collect();
            let why = if drawn {
                format!(
                    "they ({}) are printed in the order the PDF draws them, which need not be the order of the rows and columns (pdftotext -layout keeps them in place)",
                    printed.join(" ")
                )
            } else {
                "the text does not say which columns they belong to".to_string()
            };
            warnings.push(Warning {
                line: Some(line_no),
                code: "unplaced-value".into(),
                message: format!(
                    "the row prints {} values for {} columns of template {} table {:?}; {why}",
                    printed.len(),
                    n,
                    tpl.id,
                    tt.title
                ),
            });
            (missing(n), printed)
        }
    };
    // a row in drawing order is left out: the sums would place its values in an order
    // that is not theirs (the warning names them)
    let rows = if drawn {
        Vec::new()
    } else {
        vec![Row {
            path: Vec::new(),
            line: line_no,
            cells,
            key: part.rows.first().map(|r| r.key.clone()),
            unplaced,
            attributes: Vec::new(),
        }]
    };
    Some(unlabelled_read(
        lines, s, tt, title_line, col_found, first, last_line, rows, warnings,
    ))
}

/// The one row of an unlabelled template table whose text prints no value (a blank
/// form): every cell empty, the row on the header's last line.
fn blank_unlabelled(
    lines: &[Line],
    s: &Stream,
    tt: &TTable,
    title_line: usize,
    col_found: usize,
    header_end: usize,
) -> (usize, Read) {
    let part = &tt.parts[0];
    let last_line = s.toks[header_end - 1].line;
    let rows = vec![Row {
        path: Vec::new(),
        line: lines[last_line].no,
        cells: vec![empty(); part.columns.len()],
        key: part.rows.first().map(|r| r.key.clone()),
        unplaced: Vec::new(),
        attributes: Vec::new(),
    }];
    unlabelled_read(
        lines,
        s,
        tt,
        title_line,
        col_found,
        header_end,
        last_line,
        rows,
        Vec::new(),
    )
}

/// The reading of an unlabelled template table: its columns as printed in the header
/// before token `header_to`, its lines from the title to `last_line`, and `rows`.
#[allow(clippy::too_many_arguments)]
fn unlabelled_read(
    lines: &[Line],
    s: &Stream,
    tt: &TTable,
    title_line: usize,
    col_found: usize,
    header_to: usize,
    last_line: usize,
    rows: Vec<Row>,
    warnings: Vec<Warning>,
) -> (usize, Read) {
    let col_labels = folded_labels(&tt.parts[0]);
    let columns = tt.parts[0]
        .columns
        .iter()
        .map(|c| Column {
            path: c
                .path
                .iter()
                .map(|l| printed_column(s, l, header_to, &col_labels))
                .collect(),
            key: Some(c.key.clone()),
        })
        .collect();
    let start = first_content_line(lines, title_line + 1);
    let table = Table {
        id: String::new(),
        lines: [lines[start].no, lines[last_line].no],
        style: style_of(s, lines),
        title: Some(printed_title(&lines[title_line].text)),
        band: None,
        section: Vec::new(),
        note: None,
        stub: Vec::new(),
        columns,
        rows,
    };
    // (a header whose labels are only spelled out, a character or two a line, is evidence
    // of the template too: it got the reading this far)
    (
        col_found.max(1),
        Read {
            start,
            end: last_line + 1,
            heading: title_line,
            tables: vec![table],
            warnings,
        },
    )
}

/// The first non-blank line at or after `i`.
fn first_content_line(lines: &[Line], i: usize) -> usize {
    (i..lines.len())
        .find(|&k| !lines[k].is_blank())
        .unwrap_or(i)
}

/// The style name of a region: how most of its tokens were printed.
fn style_of(s: &Stream, lines: &[Line]) -> String {
    let celled = s.toks.iter().filter(|t| t.celled).count();
    let mut ls: Vec<usize> = s.toks.iter().map(|t| t.line).collect();
    ls.dedup();
    let text = |pred: &dyn Fn(&str) -> bool| ls.iter().any(|&l| pred(&lines[l].text));
    if celled * 2 > s.toks.len() {
        let span = ls.first().copied().unwrap_or(0)..=ls.last().copied().unwrap_or(0);
        let rule = span
            .clone()
            .any(|l| crate::line_kind::is_rule(trim(&lines[l].text)));
        if rule || text(&|t| t.contains(['│', '┃', '║'])) {
            "grid".into()
        } else if text(&|t| t.contains('\t') && !t.contains('|')) {
            "tsv".into()
        } else if (ls.first().copied().unwrap_or(0)..=ls.last().copied().unwrap_or(0))
            .any(|l| crate::line_kind::is_separator(trim(&lines[l].text)))
        {
            "markdown".into()
        } else {
            "pipe".into()
        }
    } else if ls.len() * 10 >= s.toks.len() * 9 {
        "cellline".into()
    } else {
        "aligned".into()
    }
}

/// The printed form of a template label found in the region's text, else the template's:
/// a token that prints the label alone (as printed, spaces kept), else the label's
/// characters wherever the text holds them.
fn printed_or(s: &Stream, label: &str) -> String {
    let f = mfold(label);
    if let Some(t) = s
        .toks
        .iter()
        .find(|t| t.kind == Kind::Label && t.folded == f)
    {
        return trim(&strip_marks(&t.text)).to_string();
    }
    let needle: Vec<char> = f.chars().collect();
    match s.find_all(&needle).first() {
        Some(&p) => printed_span(
            s,
            Hit {
                start: p,
                end: p + needle.len(),
            },
            false,
            false,
        ),
        None => label.to_string(),
    }
}

/// The printed form of a column label: as [`printed_or`], else the one header cell
/// (before `to`) closest to it when it is close (`采购金额` printed for `采购总金额`), or
/// the one that starts as it does and no other of the part's column labels (`labels`,
/// folded) does (`商业机构` printed for `商业企业`). A header cell is a label token, or one
/// with the pieces of its text the tool wrapped onto the next lines ([`continuation`]).
fn printed_column(s: &Stream, label: &str, to: usize, labels: &[String]) -> String {
    let f = mfold(label);
    let needle: Vec<char> = f.chars().collect();
    let to = to.min(s.toks.len());
    // the label with a note in brackets after it (`现行有效件数（历史累计）`): the column
    // as the page names it
    let noted = s.toks[..to].iter().find(|t| {
        t.kind == Kind::Label
            && t.folded
                .strip_prefix(f.as_str())
                .is_some_and(|rest| rest.starts_with(['(', '（']) && rest.ends_with([')', '）']))
    });
    if let Some(t) = noted {
        return trim(&strip_marks(&t.text)).to_string();
    }
    let exact = s.toks[..to]
        .iter()
        .any(|t| t.kind == Kind::Label && t.folded == f)
        || !s.find_all(&needle).is_empty();
    if exact {
        return printed_or(s, label);
    }
    // the closest candidate: (closeness, folded, printed); a tie between two different
    // candidates names none
    let mut best: Option<(f64, String, String)> = None;
    let mut tie = false;
    // (a piece and the piece with the text wrapped under it are one candidate: the one
    // nearer the label's length, `商业机构` of `商业机` / `构`, not of `商业机构` / `科`)
    let label_len = needle.len();
    let nearer = |a: &str, b: &str| {
        let off = |t: &str| t.chars().count().abs_diff(label_len);
        off(a) < off(b) || off(a) == off(b) && a.len() > b.len()
    };
    let mut consider = |sim: f64, folded: String, printed: String| match &best {
        Some((b, bf, _))
            if (sim - b).abs() < 1e-9
                && (folded.starts_with(bf.as_str()) || bf.starts_with(folded.as_str())) =>
        {
            if nearer(&folded, bf) {
                best = Some((sim, folded, printed));
            }
        }
        Some((b, bf, _)) if (sim - b).abs() < 1e-9 && *bf != folded => tie = true,
        Some((b, _, _)) if sim <= *b => {}
        _ => {
            best = Some((sim, folded, printed));
            tie = false;
        }
    };
    for k in (0..to).filter(|&k| s.toks[k].kind == Kind::Label) {
        let mut chain = vec![k];
        // (fragments one space apart may be two cells': none is joined over lines)
        let spaced = |j: usize| s.toks[j].text.contains(' ');
        while chain.len() < needle.len().max(3)
            && !spaced(k)
            && let Some(next) = continuation(s, chain[chain.len() - 1], to)
            && !spaced(next)
        {
            chain.push(next);
        }
        // a word of a token whose words stand one space apart (two cells' labels may)
        // is a cell where it is close to the label, or joined with the word that starts
        // at the same place one or two lines down (nothing under it between: w3m centres
        // a cell's lines) where that names the column as its variant only
        if spaced(k) {
            let ta = &s.toks[k];
            let words = spaced_words(ta);
            for (i, &(w, x, c)) in words.iter().enumerate() {
                // (a word the next one continues as the label is a piece of it, cut by a
                // stray space: `社会公 益`)
                if words
                    .get(i + 1)
                    .is_some_and(|n| f.contains(&format!("{}{}", mfold(w), mfold(n.0))))
                {
                    continue;
                }
                let below = (k + 1..to)
                    .map(|j| &s.toks[j])
                    .take_while(|t| t.line <= ta.line + 2)
                    .filter(|t| t.kind == Kind::Label && !t.celled && t.line > ta.line)
                    .flat_map(|t| spaced_words(t).into_iter().map(move |wd| (t.line, wd)))
                    .collect::<Vec<_>>();
                // (a word under it at one place in display columns or in characters that
                // joins with it into the label or a known variant of it names the column:
                // the tools pad by one measure or the other, and Chinese text before a word
                // parts the two)
                if let Some(&(_, (w2, _, _))) = below.iter().find(|&&(l, (w2, bx, bc))| {
                    l == ta.line + 1
                        && (bx == x || bc == c)
                        && w.chars().count() >= 2
                        && w2.chars().count() >= 2
                        && mfold(&format!("{w}{w2}")) == f
                }) {
                    return format!("{w}{w2}");
                }
                // (in the measure the region pads by, where its values say; else, and in a
                // PDF's text, whose header lines of wide characters pdftotext sets closer
                // than its values, in both)
                let under = |&(_, (_, bx, bc)): &(usize, (&str, u32, u32))| match s.pad {
                    Some(0) if !s.paged => bx == x,
                    Some(1) if !s.paged => bc == c,
                    _ => bx == x && bc == c,
                };
                let Some(&(line, (w2, _, _))) = below.iter().find(|b| under(b)) else {
                    continue;
                };
                let clear = line == ta.line + 1
                    || !s.toks[k + 1..to]
                        .iter()
                        .any(|t| t.line == ta.line + 1 && t.x0 <= x + 1 && x < t.x1 + 1);
                // (as long as the label: a piece of it joined to the next column's word
                // is longer, `科研机` + `组织`)
                let joined = format!("{}{}", mfold(w), mfold(w2));
                // (and each word two characters or more: a lone character under a piece
                // of the label is its rest, `结果纠` / `果`)
                // (or the label short of one character inside it, its first two kept:
                // `采购` / `金额` for `采购总金额`)
                let (n, m) = (joined.chars().count(), f.chars().count());
                let words_ok = clear
                    && w.chars().count() >= 2
                    && w2.chars().count() >= 2
                    && !labels.contains(&joined);
                if words_ok
                    && (n == m && is_variant(&joined, &f, labels) || one_dropped(&joined, &f))
                {
                    consider(0.6, joined, format!("{w}{w2}"));
                }
            }
            for &(w, _, _) in &words {
                let folded = mfold(w);
                // (a word inside the label is a piece of it, cut by a stray space)
                if f.contains(folded.as_str()) || labels.contains(&folded) {
                    continue;
                }
                let sim = label_sim(&folded, &f);
                if sim >= 0.75 {
                    consider(sim, folded, w.to_string());
                }
            }
        }
        // a label wrapped as running text wraps (lynx flows a header's cells like words,
        // one space apart, a line a token: `… 商业` / `机构 科研机构 …`): the last word of
        // a line joined with the first word of the next, where that names the column as a
        // known variant of it (not in aligned text, where the next line's first word is
        // another column's)
        let alone = |j: usize| {
            let line = s.toks[j].line;
            (j == 0 || s.toks[j - 1].line != line)
                && s.toks.get(j + 1).is_none_or(|t| t.line != line)
        };
        if let Some(next) = s.toks.get(k + 1).filter(|t| {
            k + 1 < to
                && t.kind == Kind::Label
                && !t.celled
                && !s.toks[k].celled
                && t.line == s.toks[k].line + 1
                && alone(k)
                && alone(k + 1)
        }) && let (Some(&(w, x, _)), Some(&(w2, x2, _))) =
            (spaced_words(&s.toks[k]).last(), spaced_words(next).first())
        {
            let joined = format!("{}{}", mfold(w), mfold(w2));
            // (the rest starts the line, not right of the piece; neither word is a label
            // of its own, nor the start of another: w3m centres `其他` right of
            // `法律服务`; a PDF's line of words sets narrow columns' pieces one space
            // apart, `商业企 科研机 益`)
            let starts_other = labels
                .iter()
                .any(|l| *l != f && l.starts_with(mfold(w2).as_str()));
            if x2 <= x
                && !s.paged
                && !starts_other
                && w.chars().count() >= 2
                && w2.chars().count() >= 2
                && ![&joined, &mfold(w), &mfold(w2)]
                    .iter()
                    .any(|l| labels.contains(l))
                && is_variant(&joined, &f, labels)
            {
                consider(0.6, joined, format!("{w}{w2}"));
            }
        }
        // a label set one character per line down a narrow column (`商` / `业` / `机` /
        // `构`, each a word of its line): the characters at one place (in characters in a
        // PDF's text, else in display columns) on lines in a row, three or more, joined
        // top-down, where they name the column or a known variant of it (a name merely
        // close is no evidence: where lines drift, another column's character may stand
        // in the stack, `尚` / `未` / `持` / `结`)
        for &(w, x, c) in &spaced_words(&s.toks[k]) {
            if w.chars().count() != 1 {
                continue;
            }
            let mut stack = w.to_string();
            let mut line = s.toks[k].line;
            while let Some((below, _, _)) = (k + 1..to)
                .map(|j| &s.toks[j])
                .skip_while(|t| t.line <= line)
                .take_while(|t| t.line == line + 1)
                .filter(|t| t.kind == Kind::Label && !t.celled)
                .flat_map(spaced_words)
                .find(|&(_, bx, bc)| if s.paged { bc == c } else { bx == x })
                .filter(|(b, _, _)| b.chars().count() == 1)
            {
                stack.push_str(below);
                line += 1;
            }
            if stack.chars().count() < 3 {
                continue;
            }
            if mfold(&stack) == f {
                return stack;
            }
        }
        for n in 1..=chain.len() {
            let folded: String = chain[..n]
                .iter()
                .map(|&j| s.toks[j].folded.as_str())
                .collect();
            let printed = || -> String {
                chain[..n]
                    .iter()
                    .map(|&j| trim(&strip_marks(&s.toks[j].text)).to_string())
                    .collect()
            };
            if n > 1 && folded == f {
                return printed();
            }
            // (the label short of its last character, nothing after it on the next line to
            // complete it: the page printed it cut, `现行有效件` for `现行有效件数`)
            let cut = n == 1
                && chain.len() == 1
                && !spaced(k)
                && f.starts_with(folded.as_str())
                && folded.chars().count() >= 4
                && folded.chars().count() + 1 == f.chars().count();
            if cut {
                consider(0.9, folded.clone(), printed());
                continue;
            }
            // a piece of the label (`商业企` of a label wrapped over lines) is not a variant,
            // nor is another column's label, nor (joined over lines) the label and more
            if f.starts_with(folded.as_str())
                || f.ends_with(folded.as_str())
                || labels.contains(&folded)
                || n > 1 && (folded.starts_with(f.as_str()) || folded.ends_with(f.as_str()))
            {
                continue;
            }
            // (in a PDF's text a token of words one space apart may join two cells'
            // labels, `科研机 益`: its words were weighed above, the token is no variant
            // as a whole; elsewhere one space keeps a cell's words together, `采购 金额`)
            if n == 1 && spaced(k) && s.paged {
                continue;
            }
            // (pieces joined over lines are compared character by character: the
            // looser comparisons of labels would take a note printed between them)
            let sim = if n == 1 {
                label_sim(&folded, &f)
            } else {
                strsim::normalized_levenshtein(&folded, &f)
            };
            let sim = match sim {
                sim if sim >= 0.75 => sim,
                _ if !chain[..n].iter().any(|&j| spaced(j)) && is_variant(&folded, &f, labels) => {
                    0.6
                }
                _ => continue,
            };
            consider(sim, folded, printed());
        }
    }
    match best {
        Some((_, _, printed)) if !tie => printed,
        _ => label.to_string(),
    }
}

/// The words of a label token with the display and character columns where each starts.
fn spaced_words(t: &Tok) -> Vec<(&str, u32, u32)> {
    let (mut x, mut c) = (t.x0, t.chars.0);
    let mut out = Vec::new();
    for w in t.text.split(' ') {
        if !w.is_empty() {
            out.push((w, x, c));
        }
        x += w
            .chars()
            .map(|ch| ch.width().unwrap_or(0) as u32)
            .sum::<u32>()
            + 1;
        c += w.chars().count() as u32 + 1;
    }
    out
}

/// A span in display columns (`[0]`) and in characters (`[1]`).
type Spans = [(u32, u32); 2];

/// Most label tokens of a header looked at for labels set a word per line (a header has a
/// few dozen).
const MAX_HEADER_TOKENS: usize = 400;

/// The header's words with the words set under them in a narrow column (`总` over `计`,
/// `法律` over `服务` over `机构`), joined top to bottom while the joined text begins one
/// of the column labels `leaves` (a group label over its first column, set flush left
/// above it, is not joined to it), each with its span in display columns and characters.
/// A word continues the nearest word above it whose display span it overlaps when both
/// are short (four CJK characters at most) and the two start at one column or stand
/// centred on one another (within a column). Every word is in one piece.
fn stacked_words(labels: &[&Tok], leaves: &[&str]) -> Vec<(String, Spans)> {
    // (folded word, spans, line)
    let words: Vec<(String, Spans, usize)> = labels
        .iter()
        .flat_map(|t| {
            spaced_words(t).into_iter().map(|(w, x, c)| {
                let wx = w
                    .chars()
                    .map(|ch| ch.width().unwrap_or(0) as u32)
                    .sum::<u32>();
                (
                    mfold(w),
                    [(x, x + wx), (c, c + w.chars().count() as u32)],
                    t.line,
                )
            })
        })
        .collect();
    let short = |k: usize| words[k].1[0].1 - words[k].1[0].0 <= 8;
    let under = |a: usize| -> Option<usize> {
        let (_, [sa, _], la) = words[a];
        let b = (0..words.len())
            .filter(|&b| {
                let (_, [sb, _], lb) = words[b];
                lb > la && sb.0 < sa.1 && sa.0 < sb.1
            })
            .min_by_key(|&b| words[b].2)?;
        let sb = words[b].1[0];
        let centred = (middle(sa) - middle(sb)).abs() <= 1.0;
        (short(a) && short(b) && (sa.0 == sb.0 || centred)).then_some(b)
    };
    let mut taken = vec![false; words.len()];
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by_key(|&k| (words[k].2, words[k].1[0].0));
    let mut out = Vec::with_capacity(words.len());
    for a in order {
        if taken[a] {
            continue;
        }
        taken[a] = true;
        let (mut text, mut span) = (words[a].0.clone(), words[a].1);
        let mut k = a;
        while let Some(b) = under(k).filter(|&b| !taken[b]) {
            let joined = format!("{text}{}", words[b].0);
            if !leaves.iter().any(|l| l.starts_with(joined.as_str())) {
                break;
            }
            taken[b] = true;
            text = joined;
            for (m, w) in span.iter_mut().zip(words[b].1) {
                *m = (m.0.min(w.0), m.1.max(w.1));
            }
            k = b;
        }
        out.push((text, span));
    }
    out
}

/// Every label of a part's column paths, folded.
fn folded_labels(part: &Part) -> Vec<String> {
    part.columns
        .iter()
        .flat_map(|c| &c.m_path)
        .map(|m| m.folded.clone())
        .collect()
}

/// The header token (before `to`) that continues label token `a` on a later line: the
/// same cell of a grid printed further down (every line between prints cells of the
/// row), the first cell of the next line after the last cell of `a`'s line (a bare pipe
/// table wraps a cell's text onto the next line), or in aligned text a label under it on
/// one of the next three lines with nothing under it on the lines between.
fn continuation(s: &Stream, a: usize, to: usize) -> Option<usize> {
    let toks = &s.toks[..to];
    let ta = &toks[a];
    let last_of_line = toks.get(a + 1).is_none_or(|t| t.line != ta.line);
    // (a PDF's narrow column stacks its label a character or two per line, the lines of
    // the columns beside it between)
    for b in a + 1..toks.len() {
        let tb = &toks[b];
        if tb.line > ta.line + 3 {
            break;
        }
        // (the first line of a bare pipe table's first cell holds no bar)
        let barless = !ta.celled && s.bare_lines.contains(&ta.line);
        if tb.line == ta.line || tb.kind != Kind::Label || tb.celled != (ta.celled || barless) {
            continue;
        }
        let next_line = tb.line == ta.line + 1;
        let hit = if ta.celled || barless {
            let same_cell = ta.celled
                && tb.x0 == ta.x0
                && (ta.line + 1..tb.line).all(|l| s.per_line.contains_key(&l));
            let wrapped = next_line
                && s.bare_lines.contains(&ta.line)
                && s.bare_lines.contains(&tb.line)
                && last_of_line
                && toks[b - 1].line != tb.line
                && tb.x0 == 0
                && (ta.x0 > 0 || barless);
            same_cell || wrapped
        } else {
            // (under it by display and by character columns: tools pad by one or the
            // other, and where the two disagree the text does not say which; on the next
            // line, or the one after where nothing stands under it between: w3m centres
            // a cell's lines on the header row's middle line)
            let by_display = |t: &Tok| t.x0 < ta.x1 && ta.x0 < t.x1;
            let by_chars = |t: &Tok| t.chars.0 < ta.chars.1 && ta.chars.0 < t.chars.1;
            let clear_between = || {
                toks[a + 1..b]
                    .iter()
                    .all(|t| t.line == ta.line || !(by_display(t) || by_chars(t)))
            };
            // (where the region's values line up in one measure, that one says)
            let under = match s.pad {
                Some(0) => by_display(tb),
                Some(_) => by_chars(tb),
                None => by_display(tb) && by_chars(tb),
            };
            under && (next_line || clear_between())
        };
        if hit {
            return Some(b);
        }
    }
    None
}

/// The measure in which a region's values line up (0 display columns, 1 characters),
/// see [`crate::line_kind::pads_by_chars`].
fn padding(toks: &[Tok]) -> Option<usize> {
    let values: Vec<crate::line_kind::Placed> = toks
        .iter()
        .filter(|t| t.kind == Kind::Value && !t.celled)
        .map(|t| crate::line_kind::Placed {
            line: t.line as u32,
            display: (t.x0, t.x1),
            chars: t.chars,
        })
        .collect();
    crate::line_kind::pads_by_chars(&values).map(usize::from)
}

/// True when `short` is `label` with one character inside it left out, its first two and
/// its last kept (`采购金额` of `采购总金额`).
fn one_dropped(short: &str, label: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (short.chars().collect(), label.chars().collect());
    a.len() + 1 == b.len()
        && b.len() >= 4
        && (2..b.len() - 1).any(|k| a[..k] == b[..k] && a[k..] == b[k + 1..])
}

/// The printed text of a row label's hit, completed where the hit is the label cut short
/// and its rest is printed as a label piece on one of the next two lines (a PDF wraps a
/// long label in its cell: `1.属于国家秘` above `密`).
fn completed_label(s: &Stream, h: Hit, folded: &str) -> String {
    // (a hit that is the label exactly holds no other column's text)
    let exact = s.folded[h.start..h.end].iter().copied().eq(folded.chars());
    let mut printed = printed_span(s, h, !exact, false);
    // a label read with a group label's words among its lines: without them, where it
    // then reads as the template's
    if !exact {
        let without = printed_span(s, h, true, true);
        if without != printed && folded.starts_with(mfold(&without).as_str()) {
            printed = without;
        }
    }
    let Some(rest) = folded
        .strip_prefix(mfold(&printed).as_str())
        .filter(|r| !r.is_empty())
    else {
        return printed;
    };
    let last = s.owner[h.end - 1];
    let tl = &s.toks[last];
    let line = tl.line;
    // (or after a page's repeated header, before any value: the rest at the place where
    // the label's last line starts, `1.本机关不` / `掌握相关政` / header lines / `府信息`)
    let near = s.toks[last + 1..]
        .iter()
        .take_while(|t| t.line <= line + 2)
        .find(|t| t.kind == Kind::Label && t.line > line && t.folded == rest);
    let over_header = || {
        s.toks[last + 1..]
            .iter()
            .take_while(|t| t.kind != Kind::Value)
            .find(|t| {
                t.kind == Kind::Label
                    && t.line > line
                    && t.folded == rest
                    && (t.x0 == tl.x0 || t.chars.0 == tl.chars.0)
            })
    };
    if let Some(t) = near.or_else(over_header) {
        printed.push_str(trim(&strip_marks(&t.text)));
    }
    printed
}

/// The printed text of a folded range: the folded characters are those of the labels,
/// so the printed form is rebuilt from the tokens' text where the range covers a whole
/// token, and from the folded characters otherwise.
fn printed_span(s: &Stream, h: Hit, row_label: bool, drop_beside: bool) -> String {
    // Folding keeps one character per printed character except white space (dropped),
    // so the folded range, mapped to the printed characters of its tokens, is exact.
    let mut out = String::new();
    let mut c = h.start;
    let start_x = char_x(s, h.start);
    let first_tok = s.owner[h.start];
    // where the label's later lines begin: one may begin left of its first line (wrapped
    // in the cell under a group label that overflowed), and a piece beginning where
    // another later line of the label begins is the label's
    // (in display columns or characters: a PDF's text counts characters)
    let margins: Vec<(u32, u32)> = s.owner[h.start..h.end]
        .iter()
        .map(|&o| &s.toks[o])
        .filter(|t| t.x1 > start_x && t.line != s.toks[first_tok].line)
        .map(|t| (t.x0, t.chars.0))
        .collect();
    // with `drop_beside`, a later line's first word set in the column of the text before
    // the label on its first line, one space before more text, is that text's (a group
    // label wrapped beside the label: `（六）其 1.申请人…` over `他处理 机关不再…`), and
    // the text after it the label's
    let f = &s.toks[first_tok];
    let beside = |t: &Tok| {
        (drop_beside && s.spatial && !t.celled && t.line != f.line && f.x0 < start_x)
            .then(|| group_word(t))
            .flatten()
            .filter(|&(x1, _)| x1 > f.x0 && x1 <= start_x)
    };
    while c < h.end {
        let tok = s.owner[c];
        // text of another column printed among the label's lines (a row-group label
        // wrapped beside it) is not part of it
        let t = &s.toks[tok];
        // (in a bare pipe table, a line's first cell continues the last cell of the
        // line before)
        let wrapped = t.x0 == 0 && s.bare_lines.contains(&t.line) && s.bare_lines.contains(&f.line);
        let left = if t.celled {
            f.celled && t.line != f.line && t.x0 < f.x0 && !wrapped
        } else {
            s.spatial
                && t.x1 <= start_x
                && !margins.iter().any(|&(x, c)| x == t.x0 || c == t.chars.0)
                && beside(t).is_none()
        };
        if row_label && tok != first_tok && left {
            c += s.owner[c..].iter().take_while(|&&o| o == tok).count();
            continue;
        }
        // the hit's characters of this token, each printed at its index in the token
        let run_end = c + s.owner[c..h.end].iter().take_while(|&&o| o == tok).count();
        let printed: Vec<char> = strip_marks(&s.toks[tok].text)
            .chars()
            .filter(|ch| !ch.is_whitespace())
            .collect();
        let skip = beside(t).map_or(0, |(_, chars)| chars);
        if printed.len() == s.toks[tok].folded.chars().count() {
            out.extend(
                (c..run_end)
                    .filter(|&i| s.offset[i] as usize >= skip)
                    .map(|i| printed[s.offset[i] as usize]),
            );
        } else {
            out.extend(&s.folded[c..run_end]);
        }
        c = run_end;
    }
    out
}

/// The first word of a label token holding more than one: where it ends (display
/// column) and how many printed characters it has.
fn group_word(t: &Tok) -> Option<(u32, usize)> {
    let text = strip_marks(&t.text);
    let (word, rest) = text.trim_start().split_once(char::is_whitespace)?;
    if rest.trim().is_empty() {
        return None;
    }
    let width: u32 = word.chars().map(|c| c.width().unwrap_or(0) as u32).sum();
    Some((t.x0 + width, word.chars().count()))
}

/// Finds each leaf's label: all exact occurrences, then the longest chain in template
/// order (ties: the earliest), then a lone missing label between two found ones matched
/// fuzzily to the text between them.
fn align(s: &Stream, leaves: &[Leaf]) -> Vec<Option<Hit>> {
    // candidates per leaf: (start, end)
    let cands: Vec<Vec<Hit>> = leaves
        .iter()
        .map(|l| {
            for n in &l.needles {
                let v: Vec<Hit> = s
                    .find_all(n)
                    .into_iter()
                    .map(|p| Hit {
                        start: p,
                        end: p + n.len(),
                    })
                    .collect();
                if !v.is_empty() {
                    return v;
                }
            }
            Vec::new()
        })
        .collect();
    // longest increasing chain over (leaf order, start): DP over all candidates
    let mut nodes: Vec<(usize, Hit)> = Vec::new();
    for (k, cs) in cands.iter().enumerate() {
        for h in cs {
            nodes.push((k, *h));
        }
    }
    let mut best: Vec<(usize, Option<usize>)> = vec![(1, None); nodes.len()];
    for j in 0..nodes.len() {
        for i in 0..j {
            let (ki, hi) = nodes[i];
            let (kj, hj) = nodes[j];
            if ki < kj && hi.end <= hj.start && best[i].0 + 1 > best[j].0 {
                best[j] = (best[i].0 + 1, Some(i));
            }
        }
    }
    let mut out: Vec<Option<Hit>> = vec![None; leaves.len()];
    if let Some(mut j) = (0..nodes.len()).max_by_key(|&j| (best[j].0, usize::MAX - j)) {
        loop {
            out[nodes[j].0] = Some(nodes[j].1);
            match best[j].1 {
                Some(i) => j = i,
                None => break,
            }
        }
    }
    // runs of missing labels between two found ones (or after the last): each matched,
    // in order, to the closest piece of the text between them
    let mut k = 0;
    while k < leaves.len() {
        if out[k].is_some() {
            k += 1;
            continue;
        }
        let run_end = (k..leaves.len())
            .find(|&p| out[p].is_some())
            .unwrap_or(leaves.len());
        let to = out
            .get(run_end)
            .copied()
            .flatten()
            .map_or(s.folded.len(), |h| h.start);
        // before the first label found, the text holds the header: one missing label is
        // looked for only in the text right before the next label (twice its length)
        let mut from = match (0..k).rev().find_map(|p| out[p]) {
            Some(prev) => prev.end,
            None if run_end == k + 1 && run_end < leaves.len() => {
                to.saturating_sub(2 * leaves[k].needles[0].len())
            }
            None => {
                k = run_end;
                continue;
            }
        };
        // one missing label whose whole gap is a piece of it (the number and the start
        // of the label went elsewhere): that piece is the label
        let next_found = out.get(run_end).copied().flatten().is_some();
        if run_end == k + 1 && next_found && to > from && to - from >= 4 {
            let gap = &s.folded[from..to];
            let target = &leaves[k].needles[0];
            if target.windows(gap.len()).any(|w| w == gap) {
                out[k] = Some(Hit {
                    start: from,
                    end: to,
                });
                k = run_end;
                continue;
            }
        }
        for leaf in k..run_end {
            let target = &leaves[leaf].needles[0];
            if from >= to {
                break;
            }
            if let Some((a, b, d)) = closest_piece(target, &s.folded[from..to])
                && d * 4 <= target.len()
                && b > a
            {
                out[leaf] = Some(Hit {
                    start: from + a,
                    end: from + b,
                });
                from += b;
            }
        }
        k = run_end;
    }
    out
}

/// The piece of `text` closest to `target` by edit distance (approximate substring
/// search, Sellers' algorithm): its start, end and distance. The piece must start at the
/// start of `text` or after characters no closer piece needs (free start).
fn closest_piece(target: &[char], text: &[char]) -> Option<(usize, usize, usize)> {
    let (m, n) = (target.len(), text.len());
    if m == 0 || n == 0 || m * n > 400_000 {
        return None;
    }
    // d[i][j]: distance of target[..i] to the best piece of text ending at j
    let w = n + 1;
    let mut d = vec![0usize; (m + 1) * w];
    for i in 1..=m {
        d[i * w] = i;
        for j in 1..=n {
            let sub = d[(i - 1) * w + j - 1] + usize::from(target[i - 1] != text[j - 1]);
            let del = d[(i - 1) * w + j] + 1;
            let ins = d[i * w + j - 1] + 1;
            d[i * w + j] = sub.min(del).min(ins);
        }
    }
    let (end, dist) = (1..=n)
        .map(|j| (j, d[m * w + j]))
        .min_by_key(|&(j, v)| (v, j))?;
    // trace back to the start
    let (mut i, mut j) = (m, end);
    while i > 0 {
        let here = d[i * w + j];
        if j > 0 && here == d[(i - 1) * w + j - 1] + usize::from(target[i - 1] != text[j - 1]) {
            i -= 1;
            j -= 1;
        } else if here == d[(i - 1) * w + j] + 1 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    Some((j, end, dist))
}

/// Column centres of a part's values in aligned text, from its rows that print exactly
/// one value per column: the median centre of each column. None in a PDF's text:
/// `pdftotext -layout` spaces the words of each line from that line's own glyph widths,
/// so a line that prints few values drifts by whole columns from the lines around it.
fn centers(
    s: &Stream,
    ks: &[usize],
    row_vals: &[Vec<usize>],
    n: usize,
    span: fn(&Tok) -> (u32, u32),
) -> Option<Vec<ValueColumn>> {
    if !s.spatial || s.paged {
        return None;
    }
    let mut per: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    for &k in ks {
        let toks: Vec<&Tok> = row_vals[k]
            .iter()
            .map(|&t| &s.toks[t])
            .filter(|t| t.kind == Kind::Value)
            .collect();
        if toks.len() != n || toks.iter().any(|t| t.celled) || !side_by_side(&toks) {
            continue;
        }
        // a value one space after the token before it may stand where squeezing put it
        // (lynx squeezes a row's cells): such a row says nothing of the columns
        let squeezed = row_vals[k].iter().any(|&t| {
            t.checked_sub(1).is_some_and(|p| {
                let (a, b) = (&s.toks[p], &s.toks[t]);
                a.line == b.line && span(b).0 <= span(a).1 + 1
            })
        });
        if squeezed {
            continue;
        }
        let mut xs: Vec<(u32, u32)> = toks.iter().map(|t| span(t)).collect();
        xs.sort_unstable();
        for (c, x) in xs.into_iter().enumerate() {
            per[c].push(x);
        }
    }
    if per.iter().any(Vec::is_empty) {
        return None;
    }
    Some(
        per.into_iter()
            .map(|v| {
                let mut mids: Vec<f64> = v.iter().map(|&x| middle(x)).collect();
                mids.sort_by(f64::total_cmp);
                ValueColumn {
                    mid: mids[mids.len() / 2],
                    only: (v.len() == 1).then(|| v[0]),
                }
            })
            .collect(),
    )
}

/// A value column of a part, from its rows that fill their columns: the median centre of
/// their values, and the one value's span where a single row fills them.
#[derive(Debug, Clone, Copy)]
struct ValueColumn {
    mid: f64,
    only: Option<(u32, u32)>,
}

/// The `unplaced-row` warning of a row left out: its printed values and why.
fn row_left_out(line: u32, label: &str, toks: &[&Tok], why: &str) -> Warning {
    let printed: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == Kind::Value)
        .map(|t| t.text.as_str())
        .collect();
    Warning {
        line: Some(line),
        code: "unplaced-row".into(),
        message: format!(
            "row {label:?} is left out: its values {} {why}",
            printed.join(" ")
        ),
    }
}

/// True when a row's tokens hold a value (not only blanks).
fn has_value(toks: &[&Tok]) -> bool {
    toks.iter().any(|t| t.kind == Kind::Value)
}

/// The cells of a row from its value tokens, or none when the text does not force them.
fn assign(
    toks: &[&Tok],
    n: usize,
    centers: Option<(&[ValueColumn], &[ValueColumn])>,
    spatial: bool,
    paged: bool,
) -> Option<Vec<Cell>> {
    let mut toks: Vec<&Tok> = toks.to_vec();
    // explicit blanks beyond the count are span padding: leading first, then trailing
    while toks.len() > n && toks.first().is_some_and(|t| t.kind == Kind::Blank) {
        toks.remove(0);
    }
    while toks.len() > n && toks.last().is_some_and(|t| t.kind == Kind::Blank) {
        toks.pop();
    }
    // values of aligned text split over the lines of a wrapped label are in column order
    // by position (a cell per line keeps its reading order)
    if spatial && toks.iter().all(|t| !t.celled) && side_by_side(&toks) {
        toks.sort_by_key(|t| (t.x0, t.line));
    }
    // a row whose values print on several lines of aligned text: the lines may stand
    // apart by some columns, so their printed columns do not say which is whose; but
    // a PDF's text sets every character at the column its place on the page gives (one
    // column per character, what the label before it), so a row whose values fill its
    // columns exactly, none overlapping another in characters, is in column order
    let several_lines = toks.windows(2).any(|w| w[0].line != w[1].line);
    if spatial && several_lines && toks.iter().all(|t| !t.celled) && side_by_side(&toks) {
        toks.sort_by_key(|t| (t.chars, t.line));
        let apart = toks.windows(2).all(|w| w[0].chars.1 < w[1].chars.0);
        let values = toks.iter().all(|t| t.kind == Kind::Value);
        if !(paged && toks.len() == n && apart && values) {
            return None;
        }
    }
    if toks.len() == n {
        return Some(toks.iter().map(|t| cell(t)).collect());
    }
    if toks.is_empty() {
        return None;
    }
    // fewer values in aligned text: by position under the complete rows' columns in
    // display columns, unless counting characters puts them under other columns (tools
    // pad by one or the other: a short label's row then stands a column off)
    let (by_width, by_chars) = centers?;
    if toks.len() > n || toks.iter().any(|t| t.celled) || toks.iter().any(|t| t.kind == Kind::Blank)
    {
        return None;
    }
    let columns = columns_under(&toks, by_width, |t| (t.x0, t.x1))?;
    if columns_under(&toks, by_chars, |t| t.chars).is_some_and(|c| c != columns) {
        return None;
    }
    let mut cells = vec![empty(); n];
    for (t, c) in toks.iter().zip(columns) {
        cells[c] = cell(t);
    }
    Some(cells)
}

/// Where the header between tokens `from` and `to` sets each column's own label, in
/// display columns and in characters: the span of the one label token that begins the
/// column's last header label (`上一年` of `上一年项目数量` wrapped) and begins no
/// other's, widened over the header's other pieces that start between it and the next
/// column's (the label's wrapped lines). None unless every column has one.
fn header_grid(s: &Stream, columns: &[TCol], from: usize, to: usize) -> Option<Grid> {
    // a piece of header text, folded, with its span in both measures
    type Piece = (String, [(u32, u32); 2]);
    let leaves: Vec<&str> = columns
        .iter()
        .map(|c| c.m_path.last().map_or("", |m| m.folded.as_str()))
        .collect();
    let labels: Vec<&Tok> = s.toks[from.min(to)..to]
        .iter()
        .filter(|t| t.kind == Kind::Label && !t.celled)
        .collect();
    // each column's label as one label fragment, else as one word of a fragment (the
    // labels of narrow columns print one space apart: `商业 科研 社会公益`)
    let fragments: Vec<Piece> = labels
        .iter()
        .map(|t| (t.folded.clone(), [(t.x0, t.x1), t.chars]))
        .collect();
    let words: Vec<Piece> = labels
        .iter()
        .flat_map(|t| spaced_words(t))
        .map(|(w, x, c)| {
            let wx = w
                .chars()
                .map(|ch| ch.width().unwrap_or(0) as u32)
                .sum::<u32>();
            (mfold(w), [(x, x + wx), (c, c + w.chars().count() as u32)])
        })
        .collect();
    // (read only where fragments and words do not name the columns)
    let stacks = std::cell::OnceCell::new();
    let stacks = || stacks.get_or_init(|| stacked_words(&labels, &leaves));
    let begins = |w: &str, leaf: &str| w.chars().count() >= 2 && leaf.starts_with(w);
    let grid = |pieces: &[Piece]| -> Option<Vec<[(u32, u32); 2]>> {
        let mut out = Vec::with_capacity(leaves.len());
        for leaf in &leaves {
            let mut found = pieces.iter().filter(|(w, _)| begins(w, leaf));
            let (w, at) = found.next()?;
            if found.next().is_some() || leaves.iter().filter(|l| begins(w, l)).count() != 1 {
                return None;
            }
            out.push(*at);
        }
        // the pieces of a column's label beyond its first: those of some column's label
        // starting between its start and the next column's (a group label over several
        // columns, a band, a note are no column's)
        let own = |w: &str| leaves.iter().any(|l| l.contains(w));
        for m in 0..2 {
            let starts: Vec<u32> = out.iter().map(|a| a[m].0).collect();
            for (_, at) in pieces.iter().filter(|(w, _)| own(w)) {
                let k = starts.iter().rposition(|&x| x <= at[m].0);
                if let Some(k) = k.filter(|&k| starts.get(k + 1).is_none_or(|&n| at[m].0 < n)) {
                    out[k][m].1 = out[k][m].1.max(at[m].1);
                }
            }
        }
        Some(out)
    };
    // where some column's label begins others' too (a group's leaves repeated under
    // each group: `结果维持` under 行政复议 and twice under 行政诉讼), the header pieces
    // that begin some column's label, by the display column where they start: one start
    // per column, in order, each with a piece beginning that column's label
    let ordered = |pieces: &[Piece]| -> Option<Vec<[(u32, u32); 2]>> {
        let mut starts: std::collections::BTreeMap<u32, Vec<&Piece>> =
            std::collections::BTreeMap::new();
        for p in pieces
            .iter()
            .filter(|(w, _)| leaves.iter().any(|l| begins(w, l)))
        {
            starts.entry(p.1[0].0).or_default().push(p);
        }
        if starts.len() != leaves.len() {
            return None;
        }
        leaves
            .iter()
            .zip(starts.values())
            .map(|(leaf, at)| at.iter().find(|(w, _)| begins(w, leaf)).map(|p| p.1))
            .collect()
    };
    let by_labels = grid(&fragments)
        .or_else(|| grid(&words))
        .or_else(|| grid(stacks()))
        .map(|cols| (cols, [true, true]))
        .or_else(|| {
            // (the starts are display columns: pieces on different lines starting at
            // one display column may not start at one character)
            ordered(&fragments)
                .or_else(|| ordered(&words))
                .or_else(|| ordered(stacks()))
                .map(|cols| (cols, [true, false]))
        });
    // a rule of dash segments in the header (pandoc's tables, many plain-text tables)
    // draws each column's extent, from the widths of all its cells: its last segments
    // are the value columns, wherever the header's labels stand (pandoc sets a header
    // with spans over the wrong columns); the segments are in display columns
    // (the rule must be this part's: a rule with only blank lines between it and the next
    // rule is the one under the table before, and this part's starts after it; blank
    // lines between header rows are pandoc's multiline tables')
    let n = leaves.len();
    let mut rule: Vec<(u32, u32)> = Vec::new();
    // the last line read, and whether it was a rule
    let mut prev: Option<(usize, bool)> = None;
    for line in labels
        .iter()
        .map(|t| t.line)
        .collect::<std::collections::BTreeSet<_>>()
    {
        let mut segments = Vec::new();
        for t in labels.iter().filter(|t| t.line == line) {
            if !t.text.chars().all(|c| c == '-' || c == ' ') {
                segments.clear();
                break;
            }
            let mut x = t.x0;
            for w in t.text.split(' ') {
                let w_len = w.len() as u32;
                if w_len >= 2 {
                    segments.push((x, x + w_len));
                }
                x += w_len + 1;
            }
        }
        let is_rule = !segments.is_empty();
        if is_rule && prev.is_some_and(|(p, was_rule)| was_rule && line > p + 1) {
            rule.clear();
        }
        prev = Some((line, is_rule));
        if segments.len() > rule.len() {
            rule = segments;
        }
    }
    if rule.len() >= n && n > 1 {
        let cols: Vec<[(u32, u32); 2]> = rule[rule.len() - n..]
            .iter()
            .map(|&span| [span, (0, 0)])
            .collect();
        return Some(Grid {
            cols,
            measures: [true, false],
            drawn: true,
            margin: 0,
            page: None,
        });
    }
    by_labels.map(|(cols, measures)| Grid {
        cols,
        measures,
        drawn: false,
        margin: 0,
        page: None,
    })
}

/// Where a part's header sets each column's own label: its span in display columns
/// (`[0]`) and in characters (`[1]`), and whether each measure is usable.
#[derive(Clone, Debug)]
struct Grid {
    cols: Vec<[(u32, u32); 2]>,
    measures: [bool; 2],
    /// The spans are those of a rule drawn under the columns, not of their labels: a
    /// value within one is that column's, with no other rows to confirm it.
    drawn: bool,
    /// Columns more than the one space that separates cells a value lying between two
    /// labels must keep clear of each (a PDF's text drifts right after wide characters).
    margin: u32,
    /// The page of the labels (a PDF's text): `pdftotext -layout` sets each page on a
    /// grid of its own, so the header places no value printed on another page.
    page: Option<u32>,
}

/// How a value's position names its column in a header grid: it starts where the
/// column's label starts (cells and headers set flush left, as w3m and pandoc print
/// them), or it lies where only that column can be: clear of the labels of the columns
/// on either side by the space that separates cells (cells and headers centred or set
/// apart, each column as wide as its widest content).
#[derive(Clone, Copy, PartialEq)]
enum Rule {
    Starts,
    Within,
}

/// A way to read a part's columns from its header: a measure (0 display columns,
/// 1 characters) and a rule, used only where it names a column for every value of the
/// part.
#[derive(Clone, Copy, PartialEq)]
struct Reading {
    measure: usize,
    rule: Rule,
}

/// Per reading (see [`READINGS`]): full rows it names right, and those it does not.
type Counts = [[u32; 2]; 4];

/// Which readings of header positions the flattening bears out: per reading, the rows
/// filling their columns on one line whose values it puts under their columns, and those
/// it does not. A reading by [`Rule::Within`] is used only where no such row of the
/// document contradicts it (lynx, for one, sets header labels apart from its cells, and
/// its full rows show it); in a document without full rows (blank zeros) nothing
/// contradicts it, and the measures must still agree on every value's column.
#[derive(Default)]
struct Calibration {
    counts: Counts,
    /// The same counts per header grid (its columns' spans): a part whose header sets
    /// its labels exactly where a part with full rows sets them is read as those rows
    /// show, whatever other tables of the document show.
    by_grid: std::collections::HashMap<Vec<[(u32, u32); 2]>, Counts>,
    /// The readings used in this pass (empty in the first).
    trusted: Vec<Reading>,
    /// Some part would be placed by a reading not yet trusted.
    wants: bool,
    /// This pass reads every table's header grid and counts its full rows.
    counting: bool,
}

impl Calibration {
    /// A reading by [`Rule::Within`] that full rows under this very grid bear out, none
    /// contradicting.
    fn grid_confirms(&self, grid: &Grid, how: Reading) -> bool {
        let r = READINGS.iter().position(|&w| w == how);
        r.zip(self.by_grid.get(&grid.cols))
            .is_some_and(|(r, c)| how.rule == Rule::Within && c[r][0] > 0 && c[r][1] == 0)
    }

    fn confirmed(&self) -> Vec<Reading> {
        READINGS
            .into_iter()
            .zip(self.counts)
            .filter(|&(how, [_, no])| how.rule == Rule::Within && no == 0)
            .map(|(how, _)| how)
            .collect()
    }
}

/// Every reading: both measures, both rules.
const READINGS: [Reading; 4] = [
    Reading {
        measure: 0,
        rule: Rule::Starts,
    },
    Reading {
        measure: 1,
        rule: Rule::Starts,
    },
    Reading {
        measure: 0,
        rule: Rule::Within,
    },
    Reading {
        measure: 1,
        rule: Rule::Within,
    },
];

/// The column a value stands in under `grid`, read one way.
fn column_in(t: &Tok, grid: &Grid, how: Reading) -> Option<usize> {
    let m = how.measure;
    let (a, b) = t.span(m);
    if !grid.measures[m] {
        return None;
    }
    if grid.page.is_some_and(|p| p != t.page) {
        return None;
    }
    let margin = grid.margin;
    let grid = &grid.cols;
    match how.rule {
        Rule::Starts => grid.iter().position(|g| g[m].0 == a),
        Rule::Within => {
            // the grid's labels must stand apart, in order
            if grid.windows(2).any(|w| w[0][m].1 >= w[1][m].0) {
                return None;
            }
            let fits = |k: usize| {
                (k == 0 || a > grid[k - 1][m].1 + margin)
                    && grid.get(k + 1).is_none_or(|n| b + margin < n[m].0)
            };
            let mut found = (0..grid.len()).filter(|&k| fits(k));
            let k = found.next()?;
            found.next().is_none().then_some(k)
        }
    }
}

/// A row short of values placed under the columns its values stand in by the header
/// grid, by every reading that explains the part (see [`Rule`]); the readings must not
/// name different columns, and the columns must follow the printed order.
fn under_header(toks: &[&Tok], grid: &Grid, ways: &[Reading]) -> Option<Vec<Cell>> {
    if toks.is_empty() || toks.len() >= grid.cols.len() {
        return None;
    }
    placed_under(toks, grid, ways)
}

/// [`under_header`] for any number of values, none too: each in the column every reading
/// names, in order.
fn placed_under(toks: &[&Tok], grid: &Grid, ways: &[Reading]) -> Option<Vec<Cell>> {
    if ways.is_empty() || toks.iter().any(|t| t.kind != Kind::Value || t.celled) {
        return None;
    }
    let mut cells = vec![empty(); grid.cols.len()];
    let mut last: Option<usize> = None;
    for t in toks {
        let mut named = ways.iter().map(|&w| column_in(t, grid, w));
        let c = named.next()??;
        if named.any(|o| o != Some(c)) || last.is_some_and(|l| c <= l) {
            return None;
        }
        last = Some(c);
        cells[c] = cell(t);
    }
    Some(cells)
}

/// The one row of a table whose header prints the labels of its first columns only
/// (inscriptis leaves out the leaves of a last group, `复议后起诉`'s five): the values
/// under the printed labels are placed by them; the values right of the last printed
/// label fill the columns left, in order, the cells set a fixed gap apart and each blank
/// cell printing as one gap more (no label widens those columns: the row's own cells
/// are their width). Only where the values and the blanks the gaps show are exactly the
/// columns left: a blank before the first or after the last would not show.
fn tail_by_gaps(s: &Stream, part: &Part, first: usize, toks: &[&Tok]) -> Option<Vec<Cell>> {
    let n = part.columns.len();
    let one_line = toks.windows(2).all(|w| w[0].line == w[1].line);
    if !s.spatial || s.paged || n < 2 || !one_line {
        return None;
    }
    if toks.iter().any(|t| t.kind != Kind::Value || t.celled) {
        return None;
    }
    // the most leading columns whose labels the header sets, at least half of them: the
    // gaps are a guess the count of cells confirms, the weaker the more columns they fill
    // (a header flowed over lines, lynx's, may set one leaf's label at the margin, where
    // a row's first value also stands)
    let (m, grid) = (n.div_ceil(2)..n).rev().find_map(|m| {
        header_grid(s, &part.columns[..m], 0, first)
            .filter(|g| !g.drawn)
            .map(|g| (m, g))
    })?;
    // the gap that parts cells: the narrowest between two of the row's values
    let gap = toks
        .windows(2)
        .map(|w| w[1].chars.0.saturating_sub(w[0].chars.1))
        .min()?;
    if gap < 2 {
        return None;
    }
    // in either measure (tools pad by display columns or by characters): the values up
    // to the last label's end each within one column, the rest by their gaps; a reading
    // only where one measure gives one, or both the same
    let all = Grid {
        measures: [true, true],
        ..grid
    };
    let read = |measure: usize| -> Option<Vec<Cell>> {
        let span = |t: &Tok| t.span(measure);
        let edge = all.cols[m - 1][measure].1;
        let split = toks.iter().position(|t| span(t).0 > edge)?;
        let (head, tail) = toks.split_at(split);
        let within = Reading {
            measure,
            rule: Rule::Within,
        };
        let mut cells = placed_under(head, &all, &[within])?;
        cells.push(cell(tail[0]));
        for w in tail.windows(2) {
            let g = span(w[1]).0.checked_sub(span(w[0]).1)?;
            if g % gap != 0 {
                return None;
            }
            cells.extend(std::iter::repeat_n(empty(), (g / gap - 1) as usize));
            cells.push(cell(w[1]));
        }
        (cells.len() == n).then_some(cells)
    };
    match (read(0), read(1)) {
        (Some(a), Some(b)) => (a == b).then_some(a),
        (a, b) => a.or(b),
    }
}

/// Where a column's values stand in text aligned on one grid: tools that set a cell's
/// text flush left (or right) in its column, whatever its header does (w3m centres a
/// header cell over values it sets flush left), print all the values of a column
/// starting (or ending) at one place in the measure they pad by. Where the values of a
/// region's parts of `n` columns start at exactly `n` places, fewer than they end at,
/// the k-th place is the k-th column (or by their ends, where those are fewer and
/// exactly `n`): a row short of values is placed by them, with no full row needed. Only
/// where each part's header lets every place's values be that column's (no value lies
/// clear of its column's label on the side of another, see [`Rule::Within`]); a tool
/// that sets rows apart by other means (lynx's padding follows blank cells) prints more
/// places than columns, and a column whose values print nowhere leaves fewer.
#[derive(Debug)]
struct Places {
    /// `(measure, starts, places)` for each measure that reads so: 0 display columns,
    /// 1 characters; `starts` whether the places are where values start.
    by: Vec<(usize, bool, Vec<u32>)>,
}

impl Places {
    /// The places of `vals` (the values of the parts of `n` columns) in the measure
    /// `pad` the region pads by, or in both measures where it does not tell (a value
    /// after wide characters stands at other places in each), read under each of
    /// `headers` (the header grids of those parts).
    fn of(pad: Option<usize>, vals: &[&Tok], headers: &[&Grid], n: usize) -> Self {
        let vals: Vec<&Tok> = vals
            .iter()
            .copied()
            .filter(|t| t.kind == Kind::Value)
            .collect();
        let mut by = Vec::new();
        if n < 2 || vals.iter().any(|t| t.celled) {
            return Places { by };
        }
        let measures = pad.map_or(vec![0, 1], |m| vec![m]);
        for m in measures {
            let places = |edge: fn((u32, u32)) -> u32| {
                let mut p: Vec<u32> = vals.iter().map(|t| edge(t.span(m))).collect();
                p.sort_unstable();
                p.dedup();
                p
            };
            let (starts, ends) = (places(|s| s.0), places(|s| s.1));
            let (at, by_start) = if starts.len() == n && starts.len() <= ends.len() {
                (starts, true)
            } else if ends.len() == n && ends.len() < starts.len() {
                (ends, false)
            } else {
                continue;
            };
            // every value of a place lies where its column may be under each header
            let fits = |g: &Grid, k: usize, (a, b): (u32, u32)| {
                (k == 0 || a > g.cols[k - 1][m].1) && g.cols.get(k + 1).is_none_or(|c| b < c[m].0)
            };
            let agrees = headers.iter().all(|g| {
                g.cols.len() == n
                    && g.measures[m]
                    && vals.iter().all(|t| {
                        let (a, b) = t.span(m);
                        let edge = if by_start { a } else { b };
                        at.iter()
                            .position(|&p| p == edge)
                            .is_some_and(|k| fits(g, k, (a, b)))
                    })
            });
            if agrees && !headers.is_empty() {
                by.push((m, by_start, at));
            }
        }
        // (where the region does not say which measure it pads by, both must read so)
        if pad.is_none() && by.len() < 2 {
            by.clear();
        }
        Places { by }
    }

    /// True when no measure reads so.
    fn is_empty(&self) -> bool {
        self.by.is_empty()
    }

    /// A row's cells: each value in the column of its place, in order; every measure
    /// that reads so must agree.
    fn row(&self, toks: &[&Tok], n: usize) -> Option<Vec<Cell>> {
        if toks.is_empty() || toks.iter().any(|t| t.kind != Kind::Value || t.celled) {
            return None;
        }
        let mut read: Option<Vec<Cell>> = None;
        for (m, by_start, at) in &self.by {
            let mut cells = vec![empty(); n];
            let mut last: Option<usize> = None;
            for t in toks {
                let (a, b) = t.span(*m);
                let edge = if *by_start { a } else { b };
                let c = at.iter().position(|&p| p == edge)?;
                if last.is_some_and(|l| c <= l) {
                    return None;
                }
                last = Some(c);
                cells[c] = cell(t);
            }
            if read.as_ref().is_some_and(|r| *r != cells) {
                return None;
            }
            read = Some(cells);
        }
        read
    }
}

/// The columns of text that sets every row's cells one after another on one grid,
/// whatever spans the page gives them, each column as wide as its widest cell and a
/// fixed gap after the one before (inscriptis): in characters, a column blank throughout
/// printing as one more gap. A row's values then stand in the columns after its label's,
/// one column per cell, so a row whose group label is printed only in the group's first
/// row, or whose label spans two columns, has its values a column further left than the
/// others: no header position names their columns, but their places after their labels do.
#[derive(Debug, PartialEq)]
struct CellGrid {
    /// Each column's span in the grid's measure (empty for a column blank throughout).
    cols: Vec<(u32, u32)>,
    /// The measure the tool pads by (0 display columns, 1 characters): characters, or
    /// display columns where the region's values say so ([`padding`]: w3m's and
    /// pandoc's cells are as wide as their widest text in display columns).
    measure: usize,
}

impl CellGrid {
    /// The grid of the tokens `[from, to)` of aligned text: their spans in characters,
    /// joined where one space or none parts them, are the columns; the gaps between are
    /// all the width of the narrowest, or a multiple of it (the gaps of blank columns).
    /// The rows (`(label's last token, value tokens)`, `n` columns of values) must each
    /// have their values in the columns after their label's, in order, and the grid must
    /// hold exactly the widest row's label columns and the `n` value columns: a grid that
    /// some row contradicts, or that is short of or beyond the row's columns, is none. So is one where a line of values does not end
    /// where a column ends: such a tool pads every cell to its column's width, the last
    /// too (text aligned otherwise, or with its trailing spaces trimmed, shows no grid).
    fn of(
        s: &Stream,
        lines: &[Line],
        (from, to): (usize, usize),
        rows: &[(Option<usize>, &[usize])],
        n: usize,
    ) -> Option<Self> {
        let toks = s.toks.get(from..to)?;
        if !s.spatial || s.paged || n < 2 || toks.iter().any(|t| t.celled) {
            return None;
        }
        let measure = if s.pad == Some(0) { 0 } else { 1 };
        let mut spans: Vec<(u32, u32)> = toks.iter().map(|t| t.span(measure)).collect();
        spans.sort_unstable();
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for (a, b) in spans {
            match runs.last_mut() {
                Some(r) if a <= r.1 + 1 => r.1 = r.1.max(b),
                _ => runs.push((a, b)),
            }
        }
        let gap = runs.windows(2).map(|w| w[1].0 - w[0].1).min()?;
        let mut cols = vec![runs[0]];
        for w in runs.windows(2) {
            let g = w[1].0 - w[0].1;
            if g % gap != 0 {
                return None;
            }
            for k in 1..g / gap {
                let x = w[0].1 + k * gap;
                cols.push((x, x));
            }
            cols.push(w[1]);
        }
        // the lines of values end where a column does (blank columns at the end of a
        // row print their gaps too), and some line of the table ends in spaces
        let ends: Vec<u32> = toks
            .iter()
            .filter(|t| t.kind == Kind::Value)
            .map(|t| {
                let text = &lines[t.line].text;
                let n = if measure == 0 {
                    text.width()
                } else {
                    text.chars().count()
                };
                n as u32
            })
            .collect();
        // (a line of spaces alone among them or right after them counts: inscriptis
        // prints a row's second line, and the line after a table, as padding)
        let (first, last) = (toks.first()?.line, toks.last()?.line);
        let spaced = lines[first..(last + 2).min(lines.len())]
            .iter()
            .any(|l| l.text.ends_with(char::is_whitespace));
        let last = cols.last()?.1;
        let widest = ends.iter().copied().max()?;
        if widest > last {
            if (widest - last) % gap != 0 {
                return None;
            }
            cols.extend((1..=(widest - last) / gap).map(|k| (last + k * gap, last + k * gap)));
        }
        let padded = spaced && ends.iter().all(|&e| cols.iter().any(|c| c.1 == e));
        if !padded {
            return None;
        }
        let grid = CellGrid { cols, measure };
        let mut label_cols = 0;
        for &(label, vals) in rows {
            grid.row(s, label, vals, n)?;
            label_cols = label_cols.max(grid.first_value_column(s, label)?);
        }
        (grid.cols.len() == label_cols + n).then_some(grid)
    }

    /// The column a span lies in.
    fn column(&self, (a, b): (u32, u32)) -> Option<usize> {
        self.cols
            .iter()
            .position(|&(c0, c1)| c0 < c1 && c0 <= a && b <= c1)
    }

    /// The column of a row's first value: the one after its label's last token (the
    /// first, for a row without a label).
    fn first_value_column(&self, s: &Stream, label: Option<usize>) -> Option<usize> {
        label.map_or(Some(0), |l| {
            self.column(s.toks[l].span(self.measure)).map(|c| c + 1)
        })
    }

    /// A row's cells: each value in the column as many after its label's as its place
    /// among the row's cells; none unless every value is a value in a column of its own,
    /// in order, within the row's `n`.
    fn row(&self, s: &Stream, label: Option<usize>, vals: &[usize], n: usize) -> Option<Vec<Cell>> {
        let first = self.first_value_column(s, label)?;
        let mut cells = vec![empty(); n];
        let mut last = None;
        for &v in vals {
            let t = &s.toks[v];
            if t.kind != Kind::Value || t.celled {
                return None;
            }
            let c = self.column(t.span(self.measure))?.checked_sub(first)?;
            if c >= n || last.is_some_and(|p| c <= p) {
                return None;
            }
            last = Some(c);
            cells[c] = cell(t);
        }
        Some(cells)
    }
}

/// A row read from the blank lines around its cells (see [`gap_cells`]).
enum Gaps {
    /// The row is not printed a cell per line with blank lines between.
    NotSo,
    /// Its cells, as many as its columns.
    Cells(Vec<Cell>),
    /// Its blank lines give it more or fewer cells than its columns.
    Contradicts,
}

/// A row printed a cell per line with blank lines between (lynx): after its label's last
/// token (`label_end`), its values (`vals`, the tokens that follow it) and the token after
/// them (or the title that ends the region), every line between two of them is blank and
/// each blank line beyond the first is an empty cell.
fn gap_cells(
    s: &Stream,
    lines: &[Line],
    label_end: Option<usize>,
    vals: &[usize],
    n: usize,
) -> Gaps {
    // (a PDF's text in drawing order need not print a row's cells in order)
    let Some(e) = label_end.filter(|_| !s.drawn) else {
        return Gaps::NotSo;
    };
    let next = e + 1 + vals.len();
    let in_order = vals.iter().enumerate().all(|(i, &t)| t == e + 1 + i);
    let boundary = match s.toks.get(next) {
        Some(t) => t.line,
        None if s.end < lines.len() => s.end,
        None => return Gaps::NotSo,
    };
    if !in_order
        || vals
            .iter()
            .any(|&t| s.toks[t].kind != Kind::Value || s.toks[t].celled)
    {
        return Gaps::NotSo;
    }
    let mut cells = Vec::with_capacity(n);
    let at: Vec<(usize, Option<&Tok>)> = std::iter::once(e)
        .chain(vals.iter().copied())
        .map(|t| (s.toks[t].line, Some(&s.toks[t])))
        .chain(std::iter::once((boundary, None)))
        .collect();
    for w in at.windows(2) {
        let ((a, _), (b, tok)) = (w[0], w[1]);
        if b < a + 2 || !(a + 1..b).all(|l| lines[l].text.trim().is_empty()) {
            return Gaps::NotSo;
        }
        cells.extend(std::iter::repeat_n(empty(), b - a - 2));
        cells.extend(tok.map(cell));
    }
    if cells.len() == n {
        Gaps::Cells(cells)
    } else {
        Gaps::Contradicts
    }
}

/// A short row of aligned text (not a PDF's) placed under its part's header grid
/// (the header being the tokens before `first`): each value starts at one column's label,
/// or lies within one under a rule drawn over the columns or where the document's full
/// rows confirm that reading ([`Calibration`]); none squeezed one space after the token
/// before it (squeezing, not a column, may have put it there).
fn under_own_header(
    s: &Stream,
    part: &Part,
    first: usize,
    toks: &[&Tok],
    calib: &mut Calibration,
) -> Option<Vec<Cell>> {
    // (a row without a label may begin at the margin, where its first column does: its
    // values set apart by padding show the columns kept, w3m's)
    let padded = toks
        .windows(2)
        .any(|w| w[0].line == w[1].line && w[1].x0 >= w[0].x1 + 2);
    if !(s.spatial || padded) || s.paged {
        return None;
    }
    let squeezed = toks
        .windows(2)
        .any(|w| w[0].line == w[1].line && w[1].x0 <= w[0].x1 + 1);
    if squeezed {
        return None;
    }
    let grid = header_grid(s, &part.columns, 0, first)?;
    let explains = |how: Reading| toks.iter().all(|t| column_in(t, &grid, how).is_some());
    let ways = usable_readings(&grid, s.pad, calib, explains, true);
    under_header(toks, &grid, &ways)
}

/// The readings of a grid that name a column for every value (`explains`): *starts*
/// always, *within* under a drawn rule or where the document's full rows confirm it;
/// where only an unconfirmed *within* would, the calibration pass is asked for.
fn usable_readings(
    grid: &Grid,
    pad: Option<usize>,
    calib: &mut Calibration,
    explains: impl Fn(Reading) -> bool,
    may_want: bool,
) -> Vec<Reading> {
    // (in the measure the region pads by, where its values say: in the other, labels
    // and values stand apart by the wide characters before them)
    let candidates = READINGS
        .into_iter()
        .filter(|how| pad.is_none_or(|m| how.measure == m));
    let ways: Vec<Reading> = candidates
        .clone()
        .filter(|how| {
            how.rule == Rule::Starts
                || grid.drawn
                || calib.trusted.contains(how)
                || calib.grid_confirms(grid, *how)
        })
        .filter(|&how| explains(how))
        .collect();
    calib.wants |= may_want
        && ways.is_empty()
        && candidates
            .into_iter()
            .any(|how| how.rule == Rule::Within && explains(how));
    ways
}

/// The middle of a span.
fn middle((a, b): (u32, u32)) -> f64 {
    f64::from(a + b) / 2.0
}

/// The column of each value by its position under the column centres, in order; none
/// where a value is not within a quarter of the narrowest column distance of a centre
/// (values are centred or right-aligned under their column, while lines of a PDF's text
/// that stand apart by whole columns are not read into the wrong one).
fn columns_under(
    toks: &[&Tok],
    centers: &[ValueColumn],
    span: fn(&Tok) -> (u32, u32),
) -> Option<Vec<usize>> {
    let gap = centers
        .windows(2)
        .map(|w| w[1].mid - w[0].mid)
        .fold(f64::INFINITY, f64::min);
    let tol = if gap.is_finite() { gap / 4.0 } else { 2.0 };
    let mut out: Vec<usize> = Vec::with_capacity(toks.len());
    for t in toks {
        let (a, b) = span(t);
        let x = middle((a, b));
        let (c, d) = centers
            .iter()
            .enumerate()
            .map(|(c, col)| (c, (col.mid - x).abs()))
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        if d >= tol || out.last().is_some_and(|&l| c <= l) {
            return None;
        }
        out.push(c);
    }
    // One full row shows where its own cells stand, not that the tool keeps columns:
    // lynx sets each row's cells a fixed gap apart, so after a blank cell a value prints
    // near the blank's column. Under one row's cells, a row's values must keep that row's
    // spacing (starts or ends as far apart as its cells'; a row shifted whole, as w3m
    // shifts a row whose label is a column wider, keeps it).
    for (w, cols) in toks.windows(2).zip(out.windows(2)) {
        let (Some((p0, q0)), Some((p1, q1))) = (centers[cols[0]].only, centers[cols[1]].only)
        else {
            continue;
        };
        let ((a0, b0), (a1, b1)) = (span(w[0]), span(w[1]));
        let apart = |x: u32, y: u32| i64::from(y) - i64::from(x);
        if apart(a0, a1) != apart(p0, p1) && apart(b0, b1) != apart(q0, q1) {
            return None;
        }
    }
    Some(out)
}

/// The display column where folded character `c` is printed: its token's column plus the
/// width of the token's characters before it (folding keeps one character per printed
/// non-space character but for dropped marks, so this is exact or close).
fn char_x(s: &Stream, c: usize) -> u32 {
    let tok = s.owner[c];
    let before = s.offset[c] as usize;
    let mut x = s.toks[tok].x0;
    let mut seen = 0;
    for ch in s.toks[tok].text.chars() {
        if seen == before && !ch.is_whitespace() {
            break;
        }
        if !ch.is_whitespace() && !matches!(ch, '#' | '*' | '|' | '_') {
            seen += 1;
        }
        x += ch.width().unwrap_or(0) as u32;
    }
    x
}

/// How many tokens line `line` holds.
fn line_cells(s: &Stream, line: usize) -> usize {
    s.per_line.get(&line).map_or(0, |e| e.0)
}

/// True when line `line` is a row of two or more explicit blanks and nothing else (one
/// blank alone on its line is an empty cell of a cell-per-line table).
fn blank_line(s: &Stream, line: usize) -> bool {
    s.per_line
        .get(&line)
        .is_some_and(|&(n, blank)| n >= 2 && blank)
}

/// True when some line holds two or more of the values: text aligned in columns, whose
/// positions mean something (a cell per line puts each value on a line of its own).
/// (In any order: values sorted by position alternate between the lines of a row.)
fn side_by_side(toks: &[&Tok]) -> bool {
    toks.iter()
        .enumerate()
        .any(|(i, a)| toks[i + 1..].iter().any(|b| b.line == a.line))
        || toks.len() == 1 && !toks[0].celled
}

fn cell(t: &Tok) -> Cell {
    match t.kind {
        Kind::Blank => empty(),
        _ => parse_cell(&t.text),
    }
}

fn empty() -> Cell {
    parse_cell("")
}

fn missing(n: usize) -> Vec<Cell> {
    (0..n).map(|_| Cell::missing()).collect()
}

#[cfg(test)]
mod tests {
    use super::read;
    use crate::lines::split_lines;
    use crate::model::CellKind;

    /// The cells of the first table whose rows include `label`, as printed.
    fn row_cells(text: &str, label: &str) -> Option<Vec<String>> {
        let lines = split_lines(text);
        let (_, reads) = read(
            &lines,
            crate::line_kind::in_drawing_order(&lines),
            crate::classify::pdf_chars(&lines),
        )?;
        reads
            .iter()
            .flat_map(|r| &r.tables)
            .flat_map(|t| &t.rows)
            .find(|r| r.path.last().is_some_and(|l| l == label))
            .map(|r| r.cells.iter().map(|c| c.raw.clone()).collect())
    }

    /// Asserts that no row of `labels` is given a printed cell.
    fn assert_unread(text: &str, labels: &[&str]) {
        for label in labels {
            let read = row_cells(text, label);
            assert!(
                read.as_ref().is_none_or(|c| c.iter().all(String::is_empty)),
                "{label}: {read:?}"
            );
        }
    }

    const HEAD: &str = "二、主动公开政府信息情况\n";

    /// pandoc sets each part of the table apart, a rule of dashes over and under it: a
    /// sparse row is placed by the rule of its own part, not by the rule under the part
    /// before it (other widths), which once put `73` under 本年增/减.
    #[test]
    fn a_sparse_row_is_placed_by_its_own_parts_rule() {
        let text = [
            "二、主动公开政府信息情况",
            "",
            "  -------------------- ---------------- ---------------- ----------------",
            "  第二十条第（一）项",
            "  信息内容             本年新制作数量   本年新公开数量   对外公开总数量",
            "  规章                 1                1                1",
            "  规范性文件           3                3                4",
            "  -------------------- ---------------- ---------------- ----------------",
            "",
            "  ---------------------- ---------------- ----------- --------------",
            "  第二十条第（五）项",
            "  信息内容               上一年项目数量   本年增/减   处理决定数量",
            "  行政许可               14",
            "  其他对外管理服务事项                                73",
            "  ---------------------- ---------------- ----------- --------------",
            "",
            "  -------------------- ---------------- ----------- --------------",
            "  第二十条第（六）项",
            "  信息内容             上一年项目数量   本年增/减   处理决定数量",
            "  行政处罚             12               5           34",
            "  行政强制             8                            147",
            "  -------------------- ---------------- ----------- --------------",
            "",
            "  -------------------- ---------------- ----------- --",
            "  第二十条第（八）项",
            "  信息内容             上一年项目数量   本年增/减",
            "  行政事业性收费",
            "  -------------------- ---------------- ----------- --",
            "",
            "  -------------------- -------------- ------------ --",
            "  第二十条第（九）项",
            "  信息内容             采购项目数量   采购总金额",
            "  政府集中采购         4              262.16",
            "  -------------------- -------------- ------------ --",
            "",
            "三、收到和处理政府信息公开申请情况",
        ]
        .join("\n");
        assert_eq!(row_cells(&text, "行政许可").unwrap(), ["14", "", ""]);
        assert_eq!(
            row_cells(&text, "其他对外管理服务事项").unwrap(),
            ["", "", "73"]
        );
    }

    /// A rule of dash segments over and under a table (pandoc's simple tables) is no row:
    /// the `--` of a narrow column is part of the rule, not a not-applicable mark outside
    /// every row (which would leave the whole table to the layout readers).
    #[test]
    fn a_narrow_columns_dashes_in_a_rule_are_no_value() {
        // pandoc sets each part of the table apart, a rule of dashes over and under it,
        // a segment per column however narrow
        let part = |label: &str, head: &str, rows: &[(&str, &str)], rule: &str| {
            let mut t = format!("  {rule}\n   {label}\n   信息内容     {head}\n");
            for (l, v) in rows {
                t.push_str(&format!("   {l}      {v}\n"));
            }
            t + &format!("  {rule}\n\n")
        };
        let text = [
            HEAD.to_string(),
            part(
                "第二十条第（一）项",
                "本年制发件数  本年废止件数  现行有效件数",
                &[
                    ("规章", "3      1      9"),
                    ("行政规范性文件", "7      2      40"),
                ],
                "------------- ------------ ------------ ------------",
            ),
            part(
                "第二十条第（五）项",
                "本年处理决定数量",
                &[("行政许可", "12")],
                "------------- ------------ --",
            ),
            part(
                "第二十条第（六）项",
                "本年处理决定数量",
                &[("行政处罚", "5"), ("行政强制", "2")],
                "------------- ------------ --",
            ),
            part(
                "第二十条第（八）项",
                "本年收费金额（单位：万元）",
                &[("行政事业性收费", "1.5")],
                "------------- ------------ --",
            ),
        ]
        .concat();
        assert_eq!(row_cells(&text, "规章").unwrap(), ["3", "1", "9"]);
        assert_eq!(row_cells(&text, "行政许可").unwrap(), ["12"]);
        assert_eq!(row_cells(&text, "行政事业性收费").unwrap(), ["1.5"]);
    }

    /// A cell per line (BeautifulSoup) where the markup split an outline number from its
    /// label (`一` / `、本年新收…`): the number is the label's, not a value (alone, `一` is
    /// a not-applicable mark), and the row keeps its seven values.
    #[test]
    fn an_outline_number_split_from_its_label_is_no_value() {
        let header = [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ];
        let text = cell_per_line_2021(&header, |i, leaf| {
            let mut cells: Vec<String> = match leaf.strip_prefix("一") {
                Some(rest) => vec!["一".into(), rest.into()],
                None => vec![leaf.into()],
            };
            let v = if i == 0 { "2" } else { "0" };
            cells.extend([v, "0", "0", "0", "0", "0", v].map(String::from));
            cells
        });
        assert_eq!(
            row_cells(&text, "一、本年新收政府信息公开申请数量").unwrap(),
            ["2", "0", "0", "0", "0", "0", "2"]
        );
    }

    /// The 2021 application table a cell per line (BeautifulSoup): its title, the header
    /// cells down to `总计`, then `header` (the cells of the header's last row), each row's
    /// cells as `row` gives them (index and label), and the next table's title.
    fn cell_per_line_2021(header: &[&str], row: impl Fn(usize, &str) -> Vec<String>) -> String {
        let mut cells: Vec<String> = ["三、收到和处理政府信息公开申请情况", "申请人情况"]
            .into_iter()
            .chain(["自然人", "法人或其他组织", "总计"])
            .chain(header.iter().copied())
            .map(String::from)
            .collect();
        for (i, leaf) in LEAVES_2021.iter().enumerate() {
            cells.extend(row(i, leaf));
        }
        cells.push("四、政府信息公开行政复议、行政诉讼情况".into());
        cells.join("\n")
    }

    /// A PDF's narrow column stacks its label a character per line, the lines of the
    /// columns beside it between (`商` / … / `业` / … / … / `机` / … / `构`): the
    /// characters under one another with nothing between in their column are one label,
    /// here the variant `商业机构` of `商业企业`.
    #[test]
    fn a_label_stacked_in_a_narrow_pdf_column_is_one_label() {
        // (each line's first piece stands where the page sets it: no wider text before it)
        let head = [
            "三、收到和处理政府信息公开申请情况".to_string(),
            at(&[(51, "自然"), (84, "总计")]),
            at(&[(52, "人")]),
            at(&[(57, "商"), (61, "科")]),
            at(&[(73, "法律服")]),
            at(&[(57, "业"), (61, "研")]),
            at(&[(64, "社会公益"), (75, "务"), (80, "其")]),
            at(&[(66, "组织"), (80, "他")]),
            at(&[(57, "机"), (61, "机")]),
            at(&[(74, "机构")]),
            at(&[(57, "构"), (61, "构")]),
        ];
        let text = applications(&head, |leaf| {
            format!("{leaf:<23} 1   0   0   0   0   0   1")
        });
        let names = column_names(&text);
        assert_eq!(names[1], "商业机构", "{names:?}");
    }

    /// The same in `pdftotext -layout` text, where the narrow columns' characters stand one
    /// space apart on each line (`商 科 社会公 法律服`): the characters at one place on
    /// lines in a row are one label, the variant `商业机构`.
    #[test]
    fn a_label_set_a_character_per_line_among_other_columns_is_one_label() {
        let head = [
            "三、收到和处理政府信息公开申请情况".to_string(),
            at(&[(37, "自然"), (52, "法人或"), (70, "总")]),
            at(&[(37, "人"), (50, "其他组织"), (70, "计")]),
            at(&[(42, "商 科 社会公 法律服")]),
            at(&[(42, "业 研 益    务 其")]),
            at(&[(42, "机 组 组织 机构 他")]),
            at(&[(42, "构 构")]),
        ];
        let text = applications(&head, |leaf| {
            format!("{leaf:<23} 1   0   0   0   0   0   1")
        });
        let names = names_of(&text, true);
        // a stack close to a label but not it (`科` / `研` / `组` / `构`, a character of
        // the next column's drifted into it) names nothing: the template's name stays
        assert_eq!(names[1], "商业机构", "{names:?}");
        assert_eq!(names[2], "科研机构", "{names:?}");
    }

    /// Words one space apart whose second line stands under the first at one display
    /// column but not at one character (Chinese text before the first: `人 商业` over
    /// `机构`, pdftotext -layout): joined, they spell a known variant of the label, which
    /// names the column.
    #[test]
    fn a_variant_split_over_two_lines_of_spaced_words_names_its_column() {
        let head = [
            "三、收到和处理政府信息公开申请情况",
            "                      申请人",
            "                      情况",
            "                                   法人或",
            "                     自然 其他组织 社会     法律    总计",
            "                     人 商业 科研 公益     服务 其他",
            "                        机构 机构 组织    机构",
        ];
        let text = applications(&head, |leaf| {
            format!("{leaf:<23} 1   0   0   0   0   0   1")
        });
        let names = names_of(&text, true);
        assert_eq!(names[1], "商业机构", "{names:?}");
    }

    /// The 2021 applications table: `head` (its title and header lines), a row per leaf
    /// printed by `row`, and the next section's title.
    fn applications<S: AsRef<str>>(head: &[S], row: impl Fn(&str) -> String) -> String {
        let mut lines: Vec<String> = head.iter().map(|l| l.as_ref().to_string()).collect();
        lines.extend(LEAVES_2021.iter().map(|leaf| row(leaf)));
        lines.push("四、政府信息公开行政复议、行政诉讼情况".into());
        lines.join("\n")
    }

    /// A header whose cells flow like words, each wrapped cell's rest starting the next
    /// line (lynx: `… 商业` / `机构 科研机构 …`): the last word of a line and the first of
    /// the next spell the variant `商业机构`, which names the column as printed.
    #[test]
    fn a_variant_wrapped_from_a_line_end_to_the_next_line_start_names_its_column() {
        let head = [
            "三、收到和处理政府信息公开申请情况",
            "   申请人情况",
            "     自然人 法人或",
            "   其他组织 总计",
            "       商业",
            "   机构 科研机构 社会公益组织 法律服务",
            "   机构 其他",
        ];
        let text = applications(&head, |leaf| format!("   {leaf} 1  0   0 0   0  0  1"));
        let names = column_names(&text);
        assert_eq!(names[1], "商业机构", "{names:?}");
        assert_eq!(names[4], "法律服务机构", "{names:?}");
    }

    /// In a PDF's text a line's words one space apart are narrow columns' pieces (`商业企
    /// 科研机 益 …`): the last word of the line above (`社会公`) is not joined with the
    /// first of them into a variant of its label.
    #[test]
    fn a_pdf_line_of_pieces_does_not_continue_the_line_above() {
        let head = [
            "  三、收到和处理政府信息公开申请情况",
            "                                              申请人情况",
            "",
            "                             自然                 法人或             总",
            "                              人                其他组织             计",
            "                                            社会公",
            "                                     商业企 科研机 益 法律服务 其",
            "                                      业 构       机构 他",
            "                                             组织",
        ];
        let row = |leaf: &str| format!("{leaf:<23}   1    0    0    0    0    0    1");
        let names = names_of(&applications(&head, row), true);
        assert_eq!(names[3], "社会公益组织", "{names:?}");
    }

    /// The column paths, joined, of the 政府集中采购 part of the 主动公开 table.
    fn purchase_columns(text: &str) -> Vec<String> {
        let lines = split_lines(text);
        let (_, reads) = read(&lines, false, false).unwrap();
        let t = reads
            .iter()
            .flat_map(|r| &r.tables)
            .find(|t| {
                t.rows
                    .iter()
                    .any(|r| r.path.concat().contains("政府集中采购"))
            })
            .unwrap();
        t.columns.iter().map(|c| c.path.concat()).collect()
    }

    /// The printed names of the first template table's columns (the last of each path).
    fn column_names(text: &str) -> Vec<String> {
        names_of(text, false)
    }

    /// [`column_names`] of a text, `paged` as a PDF's.
    fn names_of(text: &str, paged: bool) -> Vec<String> {
        let lines = split_lines(text);
        let (_, reads) = read(&lines, false, paged).unwrap();
        let table = reads.iter().flat_map(|r| &r.tables).next().unwrap();
        table
            .columns
            .iter()
            .map(|c| c.path.last().unwrap().clone())
            .collect()
    }

    /// A column label printed as a variant of the template's and wrapped onto the next
    /// line (BeautifulSoup: `商业机` / `构` for `商业企业`): the piece and the piece with
    /// its rest are one candidate, so the column is named as printed, `商业机构`; also
    /// wrapped after its first character (`商` / `业机构`) with the next column's label
    /// wrapped alike under it (`科` / `研机构`): that column's first piece, wrapped on, is
    /// not part of it.
    #[test]
    fn a_wrapped_variant_of_a_column_label_is_named_as_printed() {
        for pieces in [
            ["商业机", "构", "科研机", "构"],
            ["商", "业机构", "科", "研机构"],
        ] {
            let mut header = pieces.to_vec();
            header.extend(["社会公益组织", "法律服务机构", "其他"]);
            let text = cell_per_line_2021(&header, |_, leaf| {
                [leaf, "1", "0", "0", "0", "0", "0", "1"]
                    .map(String::from)
                    .to_vec()
            });
            let names = column_names(&text);
            assert_eq!(names[1], "商业机构", "{pieces:?}: {names:?}");
            assert_eq!(names[2], "科研机构", "{pieces:?}: {names:?}");
        }
    }

    /// A column label printed as a variant and wrapped in its cell (`采购` / `金额` for
    /// `采购总金额`), its pieces at one place in the measure the text pads its columns by
    /// but not in the other: the two pieces are one label. w3m pads by display columns
    /// (the values after labels of two and of ten characters start together there);
    /// inscriptis by characters.
    #[test]
    fn a_wrapped_variant_stacked_in_the_measure_the_text_pads_by_is_one_label() {
        let text = "二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容              本年新制作数量 本年新    对外公开总数量\n                                     公开数量\n规章                  2              1         7\n规范性文件            4              0         31\n第二十条第（六）项\n信息                  上一年         本年增/减 处理决定\n内容                  项目数量                 数量\n行政处罚              5              1         12\n行政强制              3              0         40\n第二十条第（九）项\n信息                  采购项目       采购\n内容                  数量           金额\n政府集中采购          2              13.50\n\n三、收到和处理政府信息公开申请情况\n";
        let names = purchase_columns;
        assert_eq!(names(text), ["采购项目数量", "采购金额"]);
        // the same lines padded by characters: every cell of a line starts at a multiple
        // of 15 characters
        let by_chars = text
            .lines()
            .map(|l| {
                if l.starts_with(' ') {
                    return format!("{:<30}{}", "", l.trim());
                }
                let cells: Vec<&str> = l.split("  ").filter(|c| !c.trim().is_empty()).collect();
                if cells.len() < 2 {
                    return l.to_string();
                }
                cells.iter().map(|c| format!("{:<15}", c.trim())).collect()
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(names(&by_chars), ["采购项目数量", "采购金额"], "{by_chars}");
    }

    /// A part of one row printing no value (`行政事业性收费` under its own header, its
    /// zeros left blank) in aligned text whose other parts print each row's values on its
    /// label's line: the rows of the whole table say that a row printing nothing is
    /// blank, as they do for a blank row of a part with other rows. In a cell-per-line
    /// text, where values stand apart from their labels, it stays unread.
    #[test]
    fn a_blank_row_alone_in_its_part_is_blank_where_the_table_prints_rows_on_lines() {
        let text = "二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容              本年新制作数量 本年新公开数量 对外公开总数量\n规章                  2              1              7\n规范性文件            4              0              31\n第二十条第（五）项\n信息内容              上一年项目数量 本年增/减      处理决定数量\n行政许可              6              1              12\n第二十条第（八）项\n信息内容              上一年项目数量 本年增/减\n行政事业性收费\n第二十条第（九）项\n信息内容              采购项目数量   采购总金额\n政府集中采购          2              13.50\n\n三、收到和处理政府信息公开申请情况\n";
        let fee = |text: &str| -> Option<Vec<String>> {
            let lines = split_lines(text);
            let (_, reads) = read(&lines, false, false).unwrap();
            reads
                .iter()
                .flat_map(|r| &r.tables)
                .flat_map(|t| &t.rows)
                .find(|r| r.path.concat().contains("行政事业性收费"))
                .map(|r| r.cells.iter().map(|c| c.raw.clone()).collect())
        };
        assert_eq!(fee(text).unwrap(), ["", ""]);
        // each cell on a line of its own, a blank line after it: nothing says where
        // the row's values are
        let per_line: String = text
            .lines()
            .flat_map(|l| l.split("  ").filter(|c| !c.trim().is_empty()))
            .map(|c| format!("{}\n\n", c.trim()))
            .collect();
        assert_eq!(fee(&per_line), None, "{per_line}");
    }

    /// One cell per line with a blank line after every cell (lynx, BeautifulSoup): the
    /// template's labels mark the rows, its column count takes the values in order.
    #[test]
    fn cell_per_line_rows_are_cut_at_the_template_labels() {
        let cells = [
            "第二十条第（一）项",
            "信息内容",
            "本年制发件数",
            "本年废止件数",
            "现行有效件数",
            "规章",
            "1",
            "2",
            "3",
            "行政规范性文件",
            "4",
            "5",
            "6",
            "第二十条第（五）项",
            "信息内容",
            "本年处理决定数量",
            "行政许可",
            "7",
            "第二十条第（六）项",
            "信息内容",
            "本年处理决定数量",
            "行政处罚",
            "8",
            "行政强制",
            "9",
            "第二十条第（八）项",
            "信息内容",
            "本年收费金额（单位：万元）",
            "行政事业性收费",
            "10.5",
        ];
        let text = format!(
            "{HEAD}{}\n三、收到和处理政府信息公开申请情况\n",
            cells.join("\n\n")
        );
        assert_eq!(row_cells(&text, "行政规范性文件").unwrap(), ["4", "5", "6"]);
        assert_eq!(row_cells(&text, "行政事业性收费").unwrap(), ["10.5"]);
        // each cell followed by a line of a lone bar (its end), no blank lines: the bars
        // are no empty cells
        let text = format!(
            "{HEAD}{}\n|\n三、收到和处理政府信息公开申请情况\n",
            cells.join("\n|\n")
        );
        assert_eq!(row_cells(&text, "行政规范性文件").unwrap(), ["4", "5", "6"]);
        assert_eq!(row_cells(&text, "行政许可").unwrap(), ["7"]);
    }

    /// One cell per line with a blank line after every cell, an empty cell printing the
    /// blank line alone (lynx): the blank lines beyond the first between two cells are
    /// empty cells, where that count gives every row of the part its columns.
    #[test]
    fn blank_lines_between_cells_are_empty_cells() {
        let lynx = |cells: &[&str]| -> String {
            let body: String = cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        "\n".to_string()
                    } else {
                        format!("{c}\n\n")
                    }
                })
                .collect();
            format!("{HEAD}{body}三、收到和处理政府信息公开申请情况\n")
        };
        let cells = [
            "第二十条第（一）项",
            "信息内容",
            "本年制发件数",
            "本年废止件数",
            "现行有效件数",
            "规章",
            "",
            "",
            "3",
            "行政规范性文件",
            "4",
            "",
            "6",
            "第二十条第（五）项",
            "信息内容",
            "本年处理决定数量",
            "行政许可",
            "",
            "第二十条第（六）项",
            "信息内容",
            "本年处理决定数量",
            "行政处罚",
            "8",
            "行政强制",
            "",
            "第二十条第（八）项",
            "信息内容",
            "本年收费金额（单位：万元）",
            "行政事业性收费",
            "10.5",
        ];
        let text = lynx(&cells);
        assert_eq!(row_cells(&text, "规章").unwrap(), ["", "", "3"]);
        assert_eq!(row_cells(&text, "行政规范性文件").unwrap(), ["4", "", "6"]);
        assert_eq!(row_cells(&text, "行政许可").unwrap(), [""]);
        assert_eq!(row_cells(&text, "行政强制").unwrap(), [""]);
        // the last row before the next table's title, printing nothing
        let mut last_blank = cells.to_vec();
        *last_blank.last_mut().unwrap() = "";
        assert_eq!(
            row_cells(&lynx(&last_blank), "行政事业性收费").unwrap(),
            [""]
        );
        // a row of the part given one cell too many: the count is not the part's reading
        let mut extra = cells.to_vec();
        extra.insert(7, "");
        let text = lynx(&extra);
        assert_unread(&text, &["规章", "行政规范性文件"]);
    }

    /// The same cells in a PDF's text without layout (page breaks, one cell per line):
    /// values print in drawing order, which need not be their row's or column's order,
    /// so none is placed.
    #[test]
    fn values_in_a_pdfs_drawing_order_are_not_placed() {
        let text = format!(
            "{HEAD}第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n\
             规章\n3\n3\n3\n行政规范性文件\n1\n3\n3\n第二十条第（五）项\n信息内容\n\
             本年处理决定数量\n行政许可\n7\n\x0c第二十条第（六）项\n信息内容\n本年处理决定数量\n\
             行政处罚\n8\n行政强制\n9\n第二十条第（八）项\n信息内容\n\
             本年收费金额（单位：万元）\n行政事业性收费\n10.5\n三、收到和处理政府信息公开申请情况\n"
        );
        for label in ["规章", "行政规范性文件", "行政许可"] {
            assert_unread(&text, &[label]);
        }
        // without the page break the same text is read in order
        let unpaged = text.replace('\x0c', "");
        assert_eq!(
            row_cells(&unpaged, "行政规范性文件").unwrap(),
            ["1", "3", "3"]
        );
        assert_eq!(row_cells(&unpaged, "行政许可").unwrap(), ["7"]);
    }

    /// Text that joins a row's cells with single spaces (lynx) is not laid out in
    /// columns: a row printing fewer values than columns is not placed by position.
    #[test]
    fn single_spaced_cells_are_not_placed_by_position() {
        let text = format!(
            "{HEAD}   第二十条第（一）项\n   信息内容 本年制发件数 本年废止件数 现行有效件数\n\
             \x20  规章 25\n   行政规范性文件 103 97 483\n   第二十条第（五）项\n\
             \x20  信息内容 本年处理决定数量\n   行政许可 133\n   第二十条第（六）项\n\
             \x20  信息内容 本年处理决定数量\n   行政处罚 29\n   行政强制 653\n\
             \x20  第二十条第（八）项\n   信息内容 本年收费金额（单位：万元）\n\
             \x20  行政事业性收费 236\n三、收到和处理政府信息公开申请情况\n"
        );
        assert_eq!(
            row_cells(&text, "行政规范性文件").unwrap(),
            ["103", "97", "483"]
        );
        // its cells are missing (the value stays in `unplaced`), not blanks around 25
        assert_unread(&text, &["规章"]);
    }

    /// A row whose cells are squeezed one space apart (lynx) gives no column centres: a
    /// short row under it is not placed by the centres it would give.
    #[test]
    fn squeezed_full_rows_give_no_columns() {
        let text = format!(
            "{HEAD}   第二十条第（一）项\n   信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n\
             \x20  规章 1 2 3\n   规范性文件 4 5 6\n   第二十条第（五）项\n\
             \x20  信息内容 上一年项目数量 本年增/减 处理决定\n   数量\n   行政许可 7 8 9\n\
             \x20  其他对外管理服务事项 1 2 3\n   第二十条第（六）项\n   信息内容 上一年\n\
             \x20  项目数量 本年增/减 处理决定\n   数量\n   行政处罚 —    —    —\n   行政强制     74\n\
             三、收到和处理政府信息公开申请情况\n"
        );
        assert_eq!(row_cells(&text, "行政处罚").unwrap(), ["—", "—", "—"]);
        assert_unread(&text, &["行政强制"]);
    }

    /// A table that prints no value anywhere (an agency that leaves its zeros blank and
    /// had nothing to report) is blank throughout, whichever tool dropped its cells.
    #[test]
    fn a_table_without_any_value_is_blank() {
        let text = format!(
            "{HEAD}第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n\
             规章\n行政规范性文件\n第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n\
             第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n行政强制\n\
             第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n\
             三、收到和处理政府信息公开申请情况\n"
        );
        assert_eq!(row_cells(&text, "规章").unwrap(), ["", "", ""]);
        assert_eq!(row_cells(&text, "行政强制").unwrap(), [""]);
        // one value anywhere in the table, and a row printing its label alone tells nothing
        let one = text.replace("行政处罚\n", "行政处罚\n5\n");
        assert_unread(&one, &["规章"]);
        assert_ne!(row_cells(&one, "行政处罚"), Some(vec![String::new()]));
    }

    /// Text padded by characters, not display width (inscriptis): a row with a short label
    /// and fewer values stands, in display columns, a whole column left of where it stands
    /// in characters. A value is not placed by position where the two measures disagree.
    #[test]
    fn a_value_is_not_placed_where_display_and_character_columns_disagree() {
        // label padded to 24 characters, then values in 6-character columns
        let row = |label: &str, vals: [&str; 3]| {
            let mut l = format!("    {label}");
            while l.chars().count() < 24 {
                l.push(' ');
            }
            for v in vals {
                l.push_str(&format!("{v:<6}"));
            }
            l.trim_end().to_string()
        };
        let head =
            |h: &str| format!("    {h}\n       信息内容  上一年项目数量  本年增/减  处理决定数量");
        let text = [
            "二、主动公开政府信息情况".to_string(),
            "    第二十条第（一）项".to_string(),
            "       信息内容  本年新制作数量  本年新公开数量  对外公开总数量".to_string(),
            row("规章", ["1", "2", "3"]),
            row("规范性文件", ["4", "5", "6"]),
            head("第二十条第（五）项"),
            row("行政许可", ["", "", "1098"]),
            row("其他对外管理服务事项", ["829", "17", "322"]),
            head("第二十条第（六）项"),
            row("行政处罚", ["7", "8", "9"]),
            row("行政强制", ["1", "2", "3"]),
            "三、收到和处理政府信息公开申请情况".to_string(),
        ]
        .join("\n");
        assert_eq!(
            row_cells(&text, "其他对外管理服务事项").unwrap(),
            ["829", "17", "322"]
        );
        // by display columns 1098 would stand under 本年增/减; by characters under
        // 处理决定数量: not placed
        assert_unread(&text, &["行政许可"]);
    }

    /// A document none of whose rows fills its columns (blank zeros): each value is
    /// placed under the one column label it lies within, clear of the labels on either
    /// side (w3m centres cells and header labels), where no full row says otherwise.
    #[test]
    fn values_within_their_column_labels_are_placed_without_full_rows() {
        // the labels of the 2021 application table's columns, each over a column 14 wide
        let mut head = " ".repeat(80);
        for l in COLUMNS_2021 {
            head.push_str(l);
            head.push_str(&" ".repeat(14 - l.chars().count() * 2));
        }
        // values centred in their columns: 自然人 and 总计, and 科研机构 in one row
        let row = |label: &str, k: usize| {
            let mut l = format!("{label}{}", " ".repeat(80 - label.chars().count() * 2));
            let cells: Vec<String> = (0..7)
                .map(|c| match c {
                    0 | 6 => k.to_string(),
                    2 if k == 3 => "7".into(),
                    _ => String::new(),
                })
                .collect();
            for c in &cells {
                l.push_str(&format!("{c:^14}"));
            }
            l.trim_end().to_string()
        };
        let mut text = vec!["三、收到和处理政府信息公开申请情况".to_string(), head];
        for (k, leaf) in LEAVES_2021.iter().enumerate() {
            text.push(row(leaf, k + 1));
        }
        text.push("四、政府信息公开行政复议、行政诉讼情况".into());
        let text = text.join("\n");
        assert_eq!(
            row_cells(&text, "（一）予以公开").unwrap(),
            ["3", "", "7", "", "", "", "3"]
        );
        assert_eq!(
            row_cells(&text, "2.重复申请").unwrap(),
            ["17", "", "", "", "", "", "17"]
        );
    }

    /// A Markdown row whose label spans columns is followed by padding cells: blanks
    /// beyond the column count are padding, the blank value cells keep their places.
    #[test]
    fn span_padding_is_not_a_value_and_blanks_keep_their_places() {
        let text = format!(
            "{HEAD}| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n\
             | 规章 | | | 2 |\n| 行政规范性文件 | | 11 | |\n| 第二十条第（五）项 | | | |\n\
             | 行政许可 | | 5 | |\n| 第二十条第（六）项 | | | |\n| 行政处罚 | 1 | | |\n\
             | 行政强制 | 0 | | |\n| 第二十条第（八）项 | | | |\n| 行政事业性收费 | 0 | | |\n"
        );
        assert_eq!(row_cells(&text, "规章").unwrap(), ["", "", "2"]);
        assert_eq!(row_cells(&text, "行政规范性文件").unwrap(), ["", "11", ""]);
        // one column: the blanks around its one value are padding
        assert_eq!(row_cells(&text, "行政许可").unwrap(), ["5"]);
        assert_eq!(row_cells(&text, "行政处罚").unwrap(), ["1"]);
    }

    /// Aligned text: a row printing only its label is a row of blanks, and a row printing
    /// fewer values than columns takes the columns its values stand under.
    #[test]
    fn aligned_rows_keep_their_columns() {
        let text = format!(
            "{HEAD}第二十条第（一）项\n信息内容       本年制发件数   本年废止件数   现行有效件数\n\
             规章                1              2              3\n\
             行政规范性文件                     5\n\
             第二十条第（五）项\n行政许可       7\n第二十条第（六）项\n行政处罚       8\n行政强制\n\
             第二十条第（八）项\n行政事业性收费     9\n\n三、收到和处理政府信息公开申请情况\n"
        );
        assert_eq!(row_cells(&text, "规章").unwrap(), ["1", "2", "3"]);
        assert_eq!(row_cells(&text, "行政规范性文件").unwrap(), ["", "5", ""]);
        assert_eq!(row_cells(&text, "行政强制").unwrap(), [""]);
    }

    /// A wrapped row label with a row-group label printed between its two lines (the
    /// group's column) still names its row.
    #[test]
    fn a_group_label_inside_a_wrapped_label_is_skipped() {
        let s = super::Stream::of(
            &split_lines(
                "1.申请人无正当理由逾期不补正、   0\n（六）其他处理 行政机关不再处理其政府信息公开申请\n",
            ),
            0,
            2,
            false,
            false,
        );
        let groups = vec!["(六)其他处理".chars().collect::<Vec<char>>()];
        let folded: String = s.without(&groups).folded.iter().collect();
        assert_eq!(
            folded,
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        );
    }

    /// The value-column labels of the 2021 template's application table, in order.
    const COLUMNS_2021: [&str; 7] = [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ];

    /// The value-row labels of the 2021 template's application table as reports print
    /// them (the remark of `（二）部分公开` left out).
    const LEAVES_2021: [&str; 25] = [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "（一）予以公开",
        "（二）部分公开",
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ];

    /// The application table of template 2021 as a PDF's text (a page break after it):
    /// each row label at the left and its seven values `1 0 0 0 0 0 1` in columns, but
    /// for the rows named in `printed`, which print the given lines instead.
    fn apply_2021(printed: &[(&str, &[&str])]) -> String {
        let mut text = vec![
            "三、收到和处理政府信息公开申请情况".to_string(),
            "                        自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
                .into(),
        ];
        for l in &LEAVES_2021 {
            match printed.iter().find(|(p, _)| p == l) {
                Some((_, lines)) => text.extend(lines.iter().map(|x| x.to_string())),
                // (a label longer than the padding still stands apart from its values)
                None => text.push(format!("{l:<23} 1   0   0   0   0   0   1")),
            }
        }
        text.push("\u{c}四、政府信息公开行政复议、行政诉讼情况".into());
        text.join("\n")
    }

    /// The 2021 application table as html2text prints it: a pipe table without outer
    /// bars whose cells wrap onto the next line.
    fn bare_2021() -> String {
        // the rows of the template table, after its title and header lines
        let text = apply_2021(&[]);
        let body = text.splitn(3, '\n').nth(2).unwrap();
        format!(
            "三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：第一项加第二项之和等于第三项加第四项之和）| 申请人  \n情况  \n---|---  \n自然人| 法人或  \n其他组织| 总计  \n| 商业  \n机构| 科研机构| 社会公益  \n组织| 法律服务机构| 其他|   \n{}",
            body.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join("| "))
                .collect::<Vec<_>>()
                .join("\n")
        )
    }

    /// pdftotext -layout: a row label cut by a page's repeated header goes on after it, at
    /// its place, before any value (`掌握相关政` / header / `府信息`); a group label wrapped
    /// in its own column whose last piece stands level with a row label's last line
    /// (`（四）无法提` / `供` beside `行制作`) is no part of that row's label.
    #[test]
    fn group_label_pieces_and_page_headers_stay_out_of_row_labels() {
        let not_held: &[&str] = &[
            "             1.本机关不 9 0 0 0 0 0 9",
            "             掌握相关政",
            "                    申请人",
            "                    情况",
            "                        自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
            "             府信息",
        ];
        let creation: &[&str] = &[
            "      （四）无法提 2.没有现成",
            "             信息需要另 3 0 0 0 0 0 3",
            "      供      行制作",
        ];
        let text = apply_2021(&[
            ("1.本机关不掌握相关政府信息", not_held),
            ("2.没有现成信息需要另行制作", creation),
        ]);
        assert_eq!(
            row_cells(&text, "1.本机关不掌握相关政府信息").unwrap(),
            ["9", "0", "0", "0", "0", "0", "9"],
            "{text}"
        );
        assert_eq!(
            row_cells(&text, "2.没有现成信息需要另行制作").unwrap(),
            ["3", "0", "0", "0", "0", "0", "3"],
            "{text}"
        );
        // (the page of tests/regress/s51220261-g00021-pdf-layout holds the group label's
        // piece beside a row label's last line where the rows around it wrap too)
    }

    /// In a bare pipe table a row label wrapped after its group's cell goes on as the
    /// first cell of the next line: one label, whose row keeps its values.
    #[test]
    fn a_bare_row_label_wrapped_after_its_group_cell_is_one_label() {
        let label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
        let text = bare_2021().replace(
            &format!("{label}| 1| 0| 0| 0| 0| 0| 1"),
            "（六）其他处理| 1.申请人无正当理由逾期不补正、  \n行政机关不再处理其政府信息公开申请| 3| | | 0| 1| 0| 4",
        );
        assert!(text.contains("（六）其他处理| 1.申请人"));
        assert_eq!(
            row_cells(&text, label).unwrap(),
            ["3", "", "", "0", "1", "0", "4"]
        );
    }

    /// Text as a tool prints a table that sets every row's cells one after another on
    /// one grid, whatever their spans (inscriptis): each column as wide as its widest
    /// cell, two spaces between, every cell padded to its column's width.
    fn one_grid(rows: &[Vec<String>]) -> String {
        let n = rows.iter().map(Vec::len).max().unwrap();
        let width: Vec<usize> = (0..n)
            .map(|c| {
                let widths = rows.iter().filter_map(|r| r.get(c));
                widths.map(|t| t.chars().count()).max().unwrap()
            })
            .collect();
        let line = |r: &Vec<String>| -> String {
            let cells: Vec<String> = r
                .iter()
                .zip(&width)
                .map(|(t, &w)| format!("{t:<w$}"))
                .collect();
            format!("    {}", cells.join("  "))
        };
        rows.iter().map(line).collect::<Vec<_>>().join("\n")
    }

    /// The 2021 application table as a tool printing one grid prints it: a spanned
    /// label only in its group's first row, so the rows after it print their values a
    /// column further left. Every row's 自然人 and 总计 are its number in the table, its
    /// other cells blank, but for `2.其他法律行政法规禁止公开`, which has 2 under 科研机构.
    fn grid_2021() -> String {
        let groups = [
            ("三、本年度办理结果", "（一）予以公开"),
            ("（三）不予公开", "1.属于国家秘密"),
            ("（四）无法提供", "1.本机关不掌握相关政府信息"),
            ("（五）不予处理", "1.信访举报投诉类申请"),
            (
                "（六）其他处理",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ),
        ];
        let mut rows: Vec<Vec<String>> = vec![
            vec![
                "（本列数据的勾稽关系为：第一项加第二项之和等于第三项加第四项之和）".into(),
                "申请人情况".into(),
            ],
            ["自然人", "法人或其他组织", "总计"]
                .map(String::from)
                .to_vec(),
            COLUMNS_2021[1..6].iter().map(|c| c.to_string()).collect(),
        ];
        for (i, leaf) in LEAVES_2021.iter().enumerate() {
            let mut row: Vec<String> = groups
                .iter()
                .filter(|(_, first)| first == leaf)
                .map(|(group, _)| group.to_string())
                .collect();
            row.push(leaf.to_string());
            let k = (i + 1).to_string();
            let values = if *leaf == "2.其他法律行政法规禁止公开" {
                [&k, "", "2", "", "", "", "8"]
            } else {
                [&k, "", "", "", "", "", &k]
            };
            row.extend(values.map(String::from));
            rows.push(row);
        }
        format!(
            "三、收到和处理政府信息公开申请情况\n\n{}\n\n四、政府信息公开行政复议、行政诉讼情况\n",
            one_grid(&rows)
        )
    }

    /// Where every row's cells stand on one grid, a row's values stand in the columns
    /// after its label's, whether its group label is printed in it or not; where the
    /// lines do not end where the grid's columns do (trailing spaces trimmed), the text
    /// shows no grid and the rows short of values are not placed.
    #[test]
    fn cells_set_after_their_labels_on_one_grid_keep_their_columns() {
        let text = grid_2021();
        // (the rows without their group's label print their values a column left)
        let at = |label: &str| {
            let line = text.lines().find(|l| l.contains(label)).unwrap();
            line.chars().position(|c| c.is_ascii_digit()).unwrap()
        };
        assert!(at("2.重复申请") < at("1.信访举报投诉类申请"));
        let row = |label: &str| row_cells(&text, label).unwrap();
        assert_eq!(
            row("1.信访举报投诉类申请"),
            ["16", "", "", "", "", "", "16"]
        );
        assert_eq!(row("2.重复申请"), ["17", "", "", "", "", "", "17"]);
        assert_eq!(
            row("2.其他法律行政法规禁止公开"),
            ["6", "", "2", "", "", "", "8"]
        );
        assert_eq!(
            row("一、本年新收政府信息公开申请数量"),
            ["1", "", "", "", "", "", "1"]
        );
        assert_eq!(row("（七）总计"), ["24", "", "", "", "", "", "24"]);
        let trimmed: String = text
            .lines()
            .map(|l| format!("{}\n", l.trim_end()))
            .collect();
        assert_unread(&trimmed, &["2.重复申请", "2.其他法律行政法规禁止公开"]);
    }

    /// Between two readings of a template table, more sums holding confirm one only
    /// where it places as many values, or the other fails a sum.
    #[test]
    fn more_sums_over_fewer_values_do_not_confirm_a_reading() {
        let q = |placed, failed, passed| super::Quality {
            placed,
            failed,
            passed,
            complete: false,
            confirmed: false,
        };
        // (the layout readers left most rows out, so fewer sums were skipped)
        assert!(!q(20, 0, 12).confirms_more_than(&q(120, 0, 3)));
        assert!(q(120, 0, 12).confirms_more_than(&q(120, 0, 3)));
        assert!(q(20, 0, 12).confirms_more_than(&q(120, 1, 3)));
        assert!(!q(120, 1, 12).confirms_more_than(&q(20, 0, 3)));
    }

    /// Issue 13: a column label the page printed short of its last character, nothing on
    /// the next line to complete it (`现行有效件`, one cell a line with a blank line
    /// between): the column is named as printed; a label wrapped over lines (`现行有效` /
    /// `件数`) is named whole; a label with a note in brackets after it
    /// (`现行有效件数（历史累计）`) is named as printed too.
    #[test]
    fn a_label_printed_cut_short_is_named_as_printed() {
        let table = |head: &str| {
            let cells = [
                "第二十条第（一）项",
                "信息内容",
                "本年制发件数",
                "本年废止件数",
                head,
                "规章",
                "0",
                "0",
                "3",
                "行政规范性文件",
                "6",
                "0",
                "49",
                "第二十条第（五）项",
                "信息内容",
                "本年处理决定数量",
                "行政许可",
                "12",
                "第二十条第（六）项",
                "信息内容",
                "本年处理决定数量",
                "行政处罚",
                "3",
                "行政强制",
                "0",
                "第二十条第（八）项",
                "信息内容",
                "本年收费金额（单位：万元）",
                "行政事业性收费",
                "0",
            ];
            format!(
                "二、主动公开政府信息情况\n\n{}\n\n三、收到和处理政府信息公开申请情况\n",
                cells.join("\n\n")
            )
        };
        let last = |text: &str| column_paths(text).last().cloned().unwrap_or_default();
        assert_eq!(last(&table("现行有效件")), ["现行有效件"]);
        assert_eq!(last(&table("现行有效件数")), ["现行有效件数"]);
        assert_eq!(
            last(&table("现行有效件数（历史累计）")),
            ["现行有效件数（历史累计）"]
        );
    }

    /// The column paths of the first table read from `text`.
    fn column_paths(text: &str) -> Vec<Vec<String>> {
        let lines = split_lines(text);
        let (_, reads) = read(
            &lines,
            crate::line_kind::in_drawing_order(&lines),
            crate::classify::pdf_chars(&lines),
        )
        .unwrap();
        let t = reads.iter().flat_map(|r| &r.tables).next().unwrap();
        t.columns.iter().map(|c| c.path.clone()).collect()
    }

    /// A header label printed in other words than the template's (`商业机构` for
    /// `商业企业`) names its column where it starts as that label and no other, also
    /// where the tool wrapped it over lines: in a bare pipe table (html2text), in a grid
    /// (w3m), in aligned text (pandoc). A word one space from the next column's label is
    /// joined only with a word of two characters or more starting at the same place below,
    /// as long as the label.
    #[test]
    fn a_column_label_printed_in_other_words_names_its_column() {
        let text = apply_2021(&[]);
        let body = text.splitn(3, '\n').nth(2).unwrap();
        let bare = bare_2021();
        // (a row's first cell wrapped: its first line holds no bar)
        let bare_first = bare.replace("| 商业  \n机构| 科研机构|", "商业  \n机构| 科研  \n机构|");
        let spatial =
            |header: &str| format!("三、收到和处理政府信息公开申请情况\n{header}\n{body}");
        let aligned = spatial(
            "                        自然人\n                                商业  科研机构  社会公益组织  法律服务机构  其他  总计\n                                机构",
        );
        let spaced = spatial(
            "                        自然人\n                                商业 科研机构  社会公益组织  法律服务机构  其他  总计\n                                机构",
        );
        // (a lone character under a word is no word of a label printed in other words)
        let spaced_one = spatial(
            "                        自然人\n                                商业 科研机构  社会公益组织  法律服务机构  其他  总计\n                                机",
        );
        // (w3m centres a cell's lines on the header row's middle line)
        let centred = spatial(
            "                                商业\n                        自然人          科研机构  社会公益组织  法律服务机构  其他  总计\n                                机构",
        );
        for (name, text, printed) in [
            ("bare", bare.as_str(), "商业机构"),
            ("bare, first cell", bare_first.as_str(), "商业机构"),
            ("centred", centred.as_str(), "商业机构"),
            ("aligned", aligned.as_str(), "商业机构"),
            ("spaced", spaced.as_str(), "商业机构"),
            (
                "spaced, one character under",
                spaced_one.as_str(),
                "商业企业",
            ),
        ] {
            let paths = column_paths(text);
            let second = paths.get(1).and_then(|p| p.last()).map(String::as_str);
            assert_eq!(second, Some(printed), "{name}: {paths:?}");
            let third = paths.get(2).and_then(|p| p.last()).map(String::as_str);
            assert_eq!(third, Some("科研机构"), "{name}: {paths:?}");
        }
    }

    /// Two rows whose labels print one under the other and whose values print after both,
    /// a line each (a PDF draws the values lower in their rows than the labels): the
    /// lines are the rows' in order, where every other row prints its own line; where
    /// another row prints none, nothing says which row each line is, and none is placed.
    #[test]
    fn value_lines_after_a_run_of_labels_are_the_runs_rows_in_order() {
        let (first, second) = ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作");
        let run: (&str, &[&str]) = (first, &[first]);
        let lines: &[&str] = &[
            second,
            "                        5   0   0   0   0   0   5",
            "                        4   0   0   0   0   0   4",
        ];
        let text = apply_2021(&[run, (second, lines)]);
        assert_eq!(
            row_cells(&text, first).unwrap(),
            ["5", "0", "0", "0", "0", "0", "5"]
        );
        assert_eq!(
            row_cells(&text, second).unwrap(),
            ["4", "0", "0", "0", "0", "0", "4"]
        );
        let also_empty: (&str, &[&str]) = ("2.重复申请", &["2.重复申请"]);
        let with_empty = [run, (second, lines), also_empty];
        let text = apply_2021(&with_empty);
        assert_unread(&text, &[first, second]);
    }

    /// A row-group label wrapped in its column prints its first line before a row label
    /// (`（五）不予处 开出版物`, one space apart): that line is the group's, and the row
    /// label around it is whole; a group label printed whole before a row label whose
    /// cell wraps a character under it (`（三）不予公开 1.属于国家秘` / `密`) leaves the
    /// row its whole label.
    #[test]
    fn a_group_labels_lines_among_a_wrapped_row_label_are_the_groups() {
        let text = apply_2021(&[
            (
                "3.要求提供公开出版物",
                &[
                    "              3.要求提供公 3        0   1    0   0   0   4",
                    "       （五）不予处 开出版物",
                ],
            ),
            (
                "1.属于国家秘密",
                &[
                    "        （三）不予公开 1.属于国家秘   2   0   0   0   0   0   2",
                    "                密",
                ],
            ),
        ]);
        assert_eq!(
            row_cells(&text, "3.要求提供公开出版物").unwrap(),
            ["3", "0", "1", "0", "0", "0", "4"]
        );
        assert_eq!(
            row_cells(&text, "1.属于国家秘密").unwrap(),
            ["2", "0", "0", "0", "0", "0", "2"]
        );
    }

    /// The first row's label printed with a slip (`政务` for `政府`) and wrapped around
    /// its values (a grid cell) is still its row: looked for right before the next row's
    /// label, not in the header above it.
    #[test]
    fn a_first_row_label_printed_with_a_slip_is_found() {
        let text = apply_2021(&[(
            "一、本年新收政府信息公开申请数量",
            &[
                "一、本年新收政务",
                "                        7   2   0   0   0   0   9",
                "信息公开申请数量",
            ],
        )]);
        assert_eq!(
            row_cells(&text, "一、本年新收政务信息公开申请数量").unwrap(),
            ["7", "2", "0", "0", "0", "0", "9"]
        );
    }

    /// A row label wrapped over more lines than its values, with its values drawn level
    /// with the group label printed before it (a PDF's text): the line of values that no
    /// row took is the row's that follows it and took none.
    #[test]
    fn a_line_of_values_before_a_wrapped_label_is_its_rows() {
        let first = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
        let text = apply_2021(&[
            (
                "5.要求行政机关确认或重新出具已获取信息",
                &[
                    "5.要求行政机关确认或重新出具已获取信息   1   0   0   0   0   0   1",
                    "（六）其他处理          2   0   0   0   0   0   2",
                ],
            ),
            (
                first,
                &[
                    "     1.申请人无正当",
                    "     理由逾期不补正、",
                    "     行政机关不再处理",
                    "     其政府信息公开申请",
                ],
            ),
        ]);
        assert_eq!(
            row_cells(&text, first).unwrap(),
            ["2", "0", "0", "0", "0", "0", "2"]
        );
        assert_eq!(
            row_cells(&text, "3.其他").unwrap(),
            ["1", "0", "0", "0", "0", "0", "1"]
        );
    }

    /// A row label cut short where its cell wraps, its last characters printed on the
    /// next line with the row's values after them (a PDF's text), beside a piece of the
    /// group label: the row keeps its values and its whole label.
    #[test]
    fn a_label_wrapped_before_its_values_keeps_them() {
        let label = "2.没有现成信息需要另行制作";
        let text = apply_2021(&[(
            label,
            &[
                "  （四）无法  2.没有现成信息需要另行制",
                "    提供              作    5    0 0      0      0   0 5",
            ],
        )]);
        assert_eq!(
            row_cells(&text, label).unwrap(),
            ["5", "0", "0", "0", "0", "0", "5"]
        );
        let lines = split_lines(&text);
        let (_, reads) = read(&lines, false, crate::classify::pdf_chars(&lines)).unwrap();
        let row = reads
            .iter()
            .flat_map(|r| &r.tables)
            .flat_map(|t| &t.rows)
            .find(|r| r.cells.first().is_some_and(|c| c.raw == "5"))
            .unwrap();
        assert_eq!(row.path.last().unwrap(), label);
    }

    /// A PDF's text prints a row's values on two lines (their baselines differ): every
    /// character stands at the column its place gives, so values filling the row's
    /// columns without overlapping are in column order, whatever the labels before them.
    #[test]
    fn a_pdf_rows_values_over_two_lines_are_merged_by_character_columns() {
        let text = apply_2021(&[(
            "（二）部分公开",
            &[
                "（二）部分公开（区分处理的，     0                 0",
                "只计这一情形，不计其他情形）  2       0                  0    0    2",
            ],
        )]);
        assert_eq!(
            row_cells(
                &text,
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
            )
            .unwrap(),
            ["2", "0", "0", "0", "0", "0", "2"]
        );
    }

    /// A table's value agreeing with a number of the prose vouches for that value only:
    /// it is not a sum that holds, so it does not make one reading of the tables confirm
    /// more than another (a layout reading that misplaced a sparse table's values was kept
    /// over the grammar's, which left them out, for its `收到申请…件` agreeing).
    #[test]
    fn a_number_of_the_prose_is_no_evidence_of_a_reading() {
        let text = std::fs::read("corpus/template-2021-aligned.txt").unwrap();
        let mut doc =
            crate::parse_bytes(&text, "template-2021-aligned.txt", &Default::default()).unwrap();
        let check = |rule: &str| crate::model::Check {
            rule: rule.into(),
            table: "t4".into(),
            column: None,
            row: None,
            status: "pass".into(),
            expected: Some(1.0),
            found: Some(1.0),
            lines: [1, 1],
            message: String::new(),
        };
        doc.checks = vec![check("gidr-2021/text-applications")];
        assert_eq!(super::quality(&doc, None).passed, 0);
        doc.checks.push(check("gidr-2021/t3-balance"));
        assert_eq!(super::quality(&doc, None).passed, 1);
    }

    /// In a PDF's text a row printing nothing beside a row whose values cannot be placed is
    /// not read as blank: `pdftotext -layout` may print a row's values on the line of the
    /// next row's label. A row printing nothing between rows read whole still is.
    #[test]
    fn a_pdf_row_printing_nothing_beside_unplaced_values_is_not_blank() {
        let text = apply_2021(&[
            (
                "1.本机关不掌握相关政府信息",
                &["1.本机关不掌握相关政府信息"],
            ),
            (
                "2.没有现成信息需要另行制作",
                &["2.没有现成信息需要另行制作 1                           1"],
            ),
            ("8.属于行政查询事项", &["8.属于行政查询事项"]),
        ]);
        let two = row_cells(&text, "2.没有现成信息需要另行制作");
        assert!(two.is_none_or(|c| c.iter().all(String::is_empty)));
        assert!(row_cells(&text, "1.本机关不掌握相关政府信息").is_none());
        assert_eq!(row_cells(&text, "8.属于行政查询事项").unwrap(), [""; 7]);
    }

    /// Under the one row of a part that fills its columns, a short row is placed by
    /// position only where its values keep that row's spacing: lynx sets each row's cells
    /// a fixed gap apart, so after a blank cell the next value prints near the blank's
    /// column. A row shifted whole (w3m, a label a column wider) keeps the spacing.
    #[test]
    fn a_short_row_under_one_full_row_keeps_its_spacing_or_is_not_placed() {
        let text = |short: &str| {
            format!(
                "{HEAD}第二十条第（五）项\n行政许可       7\n第二十条第（六）项\n\
                 信息内容 上一年项目数量 本年增/减 处理决定数量\n\
                 行政处罚  {short}\n\
                 行政强制  482   -482   16828\n\
                 第二十条第（八）项\n行政事业性收费     9\n\n三、收到和处理政府信息公开申请情况\n"
            )
        };
        // (packed: `10155` a fixed gap after `5669`, not under its column)
        let packed = row_cells(&text("5669   10155"), "行政处罚");
        assert!(packed.is_none_or(|c| c.iter().all(String::is_empty)));
        // (the full row's spacing, the whole row a column to the right)
        assert_eq!(
            row_cells(&text(" 482          16828"), "行政处罚").unwrap(),
            ["482", "", "16828"]
        );
    }

    /// A short row whose values do not keep the one full row's spacing (pandoc centres
    /// `6` under `-12` but ends `250` where `31` ends) is still placed where each value lies
    /// under its own column's header label, clear of the labels beside it, by a reading of
    /// the header the document's full rows bear out.
    #[test]
    fn a_short_row_off_the_full_rows_spacing_takes_its_header_columns() {
        // (pandoc plain's text of a 2021 report's table, its numbers changed)
        let text = format!(
            "{HEAD}\
             \x20   第二十条第（一）项\n\
             \x20        信息内容         本年新制作数量   本年新公开数量   对外公开总数量\n\
             \x20          规章                                                  38\n\
             \x20       规范性文件\n\
             \x20   第二十条第（五）项\n\
             \x20        信息内容         上一年项目数量     本年增/减       处理决定数量\n\
             \x20        行政许可              180                              2015\n\
             \x20  其他对外管理服务事项       600                               132\n\
             \x20   第二十条第（六）项\n\
             \x20        信息内容         上一年项目数量     本年增/减       处理决定数量\n\
             \x20        行政处罚               31              -12             1774\n\
             \x20        行政强制              250               6\n\
             \x20   第二十条第（八）项\n\
             \x20        信息内容         上一年项目数量     本年增/减\n\
             \x20     行政事业性收费\n\
             \x20   第二十条第（九）项\n\
             \n三、收到和处理政府信息公开申请情况\n"
        );
        assert_eq!(row_cells(&text, "行政处罚").unwrap(), ["31", "-12", "1774"]);
        assert_eq!(row_cells(&text, "行政强制").unwrap(), ["250", "6", ""]);
    }

    /// Rows printed one to a line (lynx): a row printing its label alone is blank, also
    /// where a wrapped label's values print on a line of their own right after it.
    #[test]
    fn values_after_a_wrapped_label_keep_rows_one_to_a_line() {
        let mut text = vec![
            "三、收到和处理政府信息公开申请情况".to_string(),
            "   自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计".into(),
        ];
        for l in &LEAVES_2021 {
            match *l {
                "一、本年新收政府信息公开申请数量" | "（一）予以公开" | "（七）总计" => {
                    text.push(format!("   {l}   2     2"))
                }
                "（二）部分公开" => text.extend([
                    format!("   {l}"),
                    String::new(),
                    "   （区分处理的，只计这一情形，不计其他情形）".into(),
                    "     1      1".into(),
                ]),
                _ => text.push(format!("   {l}")),
            }
        }
        text.push("四、政府信息公开行政复议、行政诉讼情况".into());
        let text = text.join("\n");
        assert_eq!(row_cells(&text, "2.重复申请").unwrap(), [""; 7]);
        assert_eq!(row_cells(&text, "四、结转下年度继续办理").unwrap(), [""; 7]);
    }

    /// A group label wrapped beside a row label, its second line one space before the row
    /// label's (`（六）其` over `他处理`): the group's word is no part of the row's label.
    #[test]
    fn a_group_labels_word_beside_a_wrapped_row_label_is_the_groups() {
        let label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
        let text = apply_2021(&[(
            label,
            &[
                "  （六）其 2.申请人逾期未按收费通知要求缴纳费用、行政",
                "  他处理 机关不再处理其政府信息公开申请  2   0   0   0   0   0   2",
            ],
        )]);
        assert_eq!(
            row_cells(&text, label).unwrap(),
            ["2", "0", "0", "0", "0", "0", "2"]
        );
    }

    /// `pdftotext -layout` may set the cells of rows beside wrapped labels as blocks of
    /// columns, a line per row in each block: each row takes its line of every block. A
    /// block short of a line (a row blank there) says nothing of whose its lines are.
    #[test]
    fn a_pdfs_blocks_of_columns_give_each_row_its_line_of_every_block() {
        let blocks = |second: &[&'static str]| {
            let mut printed = vec![
                "2.没有现成信息需要另行制作",
                "                        0   1   0   0",
                "                        2   0   0   0",
            ];
            printed.extend(second);
            apply_2021(&[
                (
                    "1.本机关不掌握相关政府信息",
                    &["1.本机关不掌握相关政府信息"],
                ),
                ("2.没有现成信息需要另行制作", &printed),
            ])
        };
        let text = blocks(&[
            "                                        0   0   1",
            "                                        0   0   2",
        ]);
        assert_eq!(
            row_cells(&text, "1.本机关不掌握相关政府信息").unwrap(),
            ["0", "1", "0", "0", "0", "0", "1"]
        );
        assert_eq!(
            row_cells(&text, "2.没有现成信息需要另行制作").unwrap(),
            ["2", "0", "0", "0", "0", "0", "2"]
        );
        let short = blocks(&["                                        0   0   1"]);
        assert!(row_cells(&short, "1.本机关不掌握相关政府信息").is_none());
        assert!(row_cells(&short, "2.没有现成信息需要另行制作").is_none());
    }

    /// `pdftotext -layout` may print a row's first columns on its label's line and the
    /// rest on the next row's, every later row's values then a line down: the run's lines
    /// go to its rows in order, as many whole lines as make up each row's columns, where
    /// a row's later line stands right of its line before (its columns going on).
    #[test]
    fn a_pdf_rows_values_split_over_lines_go_to_the_rows_in_order() {
        let run = |second: &'static str| {
            apply_2021(&[
                (
                    "1.本机关不掌握相关政府信息",
                    &["1.本机关不掌握相关政府信息 0   0   2   0"],
                ),
                ("2.没有现成信息需要另行制作", &[second]),
                (
                    "3.补正后申请内容仍不明确",
                    &[
                        "3.补正后申请内容仍不明确      1   0   0   0   0   0   1",
                        "                        0   0   0   0   0   0   0",
                    ],
                ),
            ])
        };
        let text = run("2.没有现成信息需要另行制作                    0   0   2");
        assert_eq!(
            row_cells(&text, "1.本机关不掌握相关政府信息").unwrap(),
            ["0", "0", "2", "0", "0", "0", "2"]
        );
        assert_eq!(
            row_cells(&text, "2.没有现成信息需要另行制作").unwrap(),
            ["1", "0", "0", "0", "0", "0", "1"]
        );
        assert_eq!(
            row_cells(&text, "3.补正后申请内容仍不明确").unwrap(),
            ["0", "0", "0", "0", "0", "0", "0"]
        );
        // the second line under the first one's columns: not one row's columns going on
        let under = run("2.没有现成信息需要另行制作 0   0   2");
        for label in ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作"]
        {
            let cells = row_cells(&under, label);
            assert!(
                cells
                    .as_ref()
                    .is_none_or(|c| c.iter().all(|c| c.is_empty())),
                "{cells:?}"
            );
        }
    }

    /// The 2021 application table in a PDF's text with a row printing nothing
    /// (`1.本机关…`), another elsewhere (`（一）予以公开`), and a row printing its values
    /// twice (`3.补正…`); the row between the first and the crowded one, `2.没有现成…`,
    /// prints `between` (every other row `1 0 0 0 0 0 1`).
    fn empty_and_crowded(between: &str) -> String {
        let row = format!("2.没有现成信息需要另行制作     {between}");
        apply_2021(&[
            (
                "1.本机关不掌握相关政府信息",
                &["1.本机关不掌握相关政府信息"],
            ),
            ("2.没有现成信息需要另行制作", &[row.as_str()]),
            ("（一）予以公开", &["（一）予以公开"]),
            (
                "3.补正后申请内容仍不明确",
                &[
                    "3.补正后申请内容仍不明确      1   0   0   0   0   0   1",
                    "                        1   0   0   0   0   0   1",
                ],
            ),
        ])
    }

    /// Between a row printing nothing and a row printing more values than it has columns,
    /// every row's values may stand a row off (a PDF's text): where a row elsewhere prints
    /// none too (so the lines do not number the rows between), those rows are left out,
    /// and the row printing its label alone is not read as blank (some values stand away
    /// from their rows).
    #[test]
    fn rows_between_an_empty_and_a_crowded_row_are_left_out() {
        let text = empty_and_crowded("2   0   0   0   0   0   2");
        assert!(row_cells(&text, "1.本机关不掌握相关政府信息").is_none());
        assert_eq!(
            row_cells(&text, "2.重复申请").unwrap(),
            ["1", "0", "0", "0", "0", "0", "1"]
        );
        assert!(row_cells(&text, "2.没有现成信息需要另行制作").is_none());
        assert!(row_cells(&text, "3.补正后申请内容仍不明确").is_none());
        assert_eq!(
            row_cells(&text, "8.属于行政查询事项").unwrap(),
            ["1", "0", "0", "0", "0", "0", "1"]
        );
    }

    /// The same where every row between prints the same values and the crowded row
    /// prints them twice (a table of zeros): a shift by a row gives each row between
    /// what it prints, so those rows read; the two ends still do not.
    #[test]
    fn rows_between_printing_the_same_values_read_whatever_the_shift() {
        let text = empty_and_crowded("1   0   0   0   0   0   1");
        assert_eq!(
            row_cells(&text, "2.没有现成信息需要另行制作").unwrap(),
            ["1", "0", "0", "0", "0", "0", "1"]
        );
        assert!(row_cells(&text, "1.本机关不掌握相关政府信息").is_none());
        assert!(row_cells(&text, "3.补正后申请内容仍不明确").is_none());
    }

    /// A PDF draws a row's values level with the last line of a group label wrapped
    /// beside the row before (`办理结果` under `三、本年度`): the row before then holds
    /// them, and the row printing none is not blank (its values were drawn elsewhere).
    #[test]
    fn a_row_beside_one_holding_values_off_its_label_is_not_blank() {
        let first = at(&[
            (0, "三、本年度 （一）予以公开"),
            (40, "1"),
            (47, "19"),
            (56, "3"),
            (65, "1"),
            (96, "24"),
        ]);
        let off = at(&[(0, "办理结果"), (47, "5"), (96, "5")]);
        let text = apply_2021(&[
            ("（一）予以公开", &[first.as_str(), off.as_str()]),
            (
                "（二）部分公开",
                &["    （二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
            ),
        ]);
        // neither row reads a value or a blank: their cells are left out or missing
        for label in [
            "（一）予以公开",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ] {
            let lines = split_lines(&text);
            let (_, reads) = read(&lines, false, crate::classify::pdf_chars(&lines)).unwrap();
            let row = reads
                .iter()
                .flat_map(|r| &r.tables)
                .flat_map(|t| &t.rows)
                .find(|r| r.path.last().is_some_and(|l| l == label));
            assert!(
                row.is_none_or(|r| r.cells.iter().all(|c| c.kind == CellKind::Missing)),
                "{label}: {row:?}"
            );
        }
        assert_eq!(
            row_cells(&text, "1.属于国家秘密").unwrap(),
            ["1", "0", "0", "0", "0", "0", "1"]
        );
    }

    /// A PDF row whose values print on the two lines of its wrapped label, in character
    /// columns that interleave (`2 0 21` above `19 0 0 0`): merged in character order.
    #[test]
    fn a_row_over_two_lines_merges_in_character_order() {
        let text = apply_2021(&[(
            "（二）部分公开",
            &[
                "        （二）部分公开                                  2        0 21",
                "        （区分处理的，只计这一情形，不计其他情形） 19        0   0         0",
            ],
        )]);
        assert_eq!(
            row_cells(
                &text,
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
            )
            .unwrap(),
            ["19", "0", "0", "2", "0", "0", "21"]
        );
    }

    /// The one row of the 复议/诉讼 table, as printed (its row has no label), in a text
    /// that also prints the application table (the evidence for the template).
    /// The 15 cells of the 复议/诉讼 row with `values` at their columns, the rest empty.
    fn review_cells(values: &[(usize, &str)]) -> Vec<String> {
        let mut cells = vec![String::new(); 15];
        for &(k, v) in values {
            cells[k] = v.into();
        }
        cells
    }

    fn review_row(text: &str) -> Option<Vec<String>> {
        let text = apply_2021(&[]).replace("\u{c}四、政府信息公开行政复议、行政诉讼情况", text);
        let lines = split_lines(&text);
        let (_, reads) = read(
            &lines,
            crate::line_kind::in_drawing_order(&lines),
            crate::classify::pdf_chars(&lines),
        )?;
        reads
            .iter()
            .flat_map(|r| &r.tables)
            .find(|t| t.title.as_deref().is_some_and(|x| x.contains("行政复议")))
            .and_then(|t| t.rows.first())
            .map(|r| r.cells.iter().map(|c| c.raw.clone()).collect())
    }

    /// A form left blank (a table printing no value anywhere) is blank throughout, also
    /// where it has no row labels.
    #[test]
    fn an_unlabelled_table_printing_no_value_is_blank() {
        let rule = format!("  {}", "-".repeat(60));
        let text = [
            "四、政府信息公开行政复议、行政诉讼情况",
            &rule,
            "    行政复议                    行政诉讼",
            "      结果 结果 其他结果 尚未 总计 未经复议直接起诉     复议后起诉",
            "      维持 纠正          审结",
            "          结果 结果 其他结果 尚未审结 总计 结果 结果纠正 其他 尚未 总计",
            "          维持 纠正                         维持          结果 审结",
            "        \u{a0}            \u{a0}",
            &rule,
            "",
            "五、存在的主要问题及改进情况",
            "",
            "无。",
        ]
        .join("\n");
        assert_eq!(review_row(&text).unwrap(), vec![String::new(); 15]);
        // the header split over lines as a PDF prints narrow columns, nothing printed
        let split = "四、政府信息公开行政复议、行政诉讼情况\n 行政复议            行政诉讼\n 结 结 其 尚\n 果 果 他 未 总 未经复议                  复议后\n 维 纠正 结果 审 计 直接起诉                起诉\n 持        结\n                结   结   其   尚   结 结        其   尚\n                果   果   他   未 总 果 果        他   未 总\n                维   纠   结   审 计 维 纠        结   审 计\n                                               结\n                持   正   果   结   持 正        果\n五、存在的主要问题及改进情况\n";
        assert_eq!(review_row(split).unwrap(), vec![String::new(); 15]);
        // prose under the heading and no header: no table
        let prose = "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n五、存在的主要问题及改进情况\n";
        assert_eq!(review_row(prose), None);
    }

    /// Issue 13: a page holding the 复议/诉讼 table alone, under the heading of the regime
    /// before 2019 (its words with others between them), its header labels broken over
    /// lines a few characters each (`结果` above `维持`): the labels spelled in order over
    /// a row of one value per column are the template's table, and its one row is read.
    #[test]
    fn a_lone_review_table_under_the_older_heading_is_read() {
        let text = "四、因政府信息公开工作被申请行政复议提起行政诉讼情况\n\
                    行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结果 结果 其他 尚未 总\n\
                    维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总\n\
                    维持 纠正 结果 审结 计 维持 纠正 结果 审结 计\n\
                    1 0 0 2 3 0 0 0 0 0 0 0 0 1 1\n\
                    五、政府信息公开工作存在的主要问题及改进情况\n";
        let lines = split_lines(text);
        let (_, reads) = read(&lines, false, false).expect("the table is the template's");
        let row: Vec<&str> = reads[0].tables[0].rows[0]
            .cells
            .iter()
            .map(|c| c.raw.as_str())
            .collect();
        assert_eq!(
            row,
            [
                "1", "0", "0", "2", "3", "0", "0", "0", "0", "0", "0", "0", "0", "1", "1"
            ]
        );
        // the same lines under a heading of other words: no template table
        let other = text.replace(
            "因政府信息公开工作被申请行政复议提起行政诉讼情况",
            "其他事项",
        );
        assert!(read(&split_lines(&other), false, false).is_none());
    }

    /// A Markdown table without outer bars (html2text): a bar at the start of a row
    /// follows an empty first cell, one at its end precedes an empty last cell, so
    /// every value keeps its column.
    #[test]
    fn bars_at_the_ends_of_a_bare_row_keep_empty_cells() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议| 行政诉讼  \n---|---  \n结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉  \n| | | | | 结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计  \n| 7| 4|  | 11| 1| 3| | | 4|  | | 8|  | \n\n五、存在的主要问题及改进情况\n";
        let expected = [
            "", "7", "4", "", "11", "1", "3", "", "", "4", "", "", "8", "", "",
        ];
        assert_eq!(review_row(text).unwrap(), expected);
        // the same row with outer bars has one cell fewer at each end
        let barred = text
            .replace("---|---", "|---|---|")
            .replace("| 7| 4|  | 11|", "| | 7| 4|  | 11|")
            .replace("| 8|  | \n", "| 8|  |  |\n");
        assert_eq!(review_row(&barred).unwrap(), expected);
    }

    /// A Markdown table without outer bars (html2text) whose one row is blank throughout:
    /// its first header line holds one bar inside (`行政复议 | 行政诉讼`, not read as a
    /// row of cells), and the row prints fifteen empty cells.
    #[test]
    fn a_blank_row_under_a_header_line_of_one_bar_is_blank() {
        let row = "|  |   |  |  |  |  |   |   |   |   |   |   |  |    ";
        for first in ["行政复议 | 行政诉讼  ", "行政复议| 行政诉讼  "] {
            let text = format!(
                "四、政府信息公开行政复议、行政诉讼情况\n\n{first}\n---|---  \n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉  \n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计  \n{row}\n  \n五、存在的主要问题及改进情况\n\n无。\n"
            );
            assert_eq!(
                review_row(&text).unwrap(),
                vec![String::new(); 15],
                "{first}"
            );
        }
    }

    /// A row of the unlabelled 复议/诉讼 table printing some of its 15 values under a
    /// header whose column labels repeat under each group (w3m, no rule): each value that
    /// starts where one column's label starts is that column's; one that starts nowhere
    /// leaves the row unplaced.
    #[test]
    fn a_short_unlabelled_row_takes_the_columns_its_values_start_at() {
        let header = [
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            "行政复议                     行政诉讼",
            "结果          其他 尚未      未经复议直接起诉             复议后起诉",
            "维持 结果纠正 结果 审结 总计 结果 结果 其他结果 尚未 总计 结果维持 结果纠正 其他结果 尚未审结 总计",
            "                             维持 纠正          审结",
        ];
        let row = "                             3         4             7    18                         1        19";
        let text = [&header[..], &[row, "", "五、存在的主要问题及改进情况"]]
            .concat()
            .join("\n");
        let mut expected = review_cells(&[
            (5, "3"),
            (7, "4"),
            (9, "7"),
            (10, "18"),
            (13, "1"),
            (14, "19"),
        ]);
        assert_eq!(review_row(&text).unwrap(), expected);
        // the row beginning at the margin, where its first column does
        let margin = text.replace(row, &format!("2{}2{}", " ".repeat(23), &row[25..]));
        expected[0] = "2".into();
        expected[4] = "2".into();
        assert_eq!(review_row(&margin).unwrap(), expected);
        // a value one column right of where any label starts
        let off = text.replace("3         4", " 3        4");
        assert!(review_row(&off).is_none_or(|c| c.iter().all(String::is_empty)));
    }

    /// The unlabelled 复议/诉讼 row printed a cell per line with blank lines between,
    /// as its header is (lynx): the blank lines beyond the first are its empty cells.
    #[test]
    fn an_unlabelled_row_a_cell_per_line_takes_its_blank_lines_as_cells() {
        let leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let header = [
            &["行政复议", "行政诉讼"][..],
            &leaves,
            &["未经复议直接起诉", "复议后起诉"],
            &leaves,
            &leaves,
        ]
        .concat();
        let mut row = vec![""; 15];
        row[3] = "12";
        row[4] = "12";
        row[5] = "1";
        row[8] = "1";
        let body: String = header
            .iter()
            .chain(&row)
            .map(|c| {
                if c.is_empty() {
                    "\n".to_string()
                } else {
                    format!("   {c}\n\n")
                }
            })
            .collect();
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n\n{body}五、存在的主要问题及改进情况\n"
        );
        assert_eq!(review_row(&text).unwrap(), row);
        // one blank line fewer after the values: the count is not 15
        let short = text.replace("\n\n\n五、", "\n\n五、");
        assert!(review_row(&short).is_none_or(|c| c.iter().all(String::is_empty)));
    }

    /// The unlabelled 复议/诉讼 table with the leaves of its last group left out of the
    /// header (inscriptis): the values under the printed leaves take their columns (by
    /// characters: the tool pads so), the rest fill the last group in order, a blank cell
    /// printing as one gap more; where the gaps leave a blank unplaced (before the first
    /// or after the last), the row is not read.
    #[test]
    fn values_right_of_the_last_printed_label_fill_the_last_columns_by_their_gaps() {
        let text = |row: &str| {
            [
                "四、政府信息公开行政复议、行政诉讼情况",
                "",
                "    行政复议  行政诉讼",
                "    结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉  复议后起诉",
                "    结果维持  结果纠正  其他结果  尚未审结  总计  结果维持      结果纠正   其他结果  尚未审结  总计",
                row,
                "    ",
                "",
                "五、存在的主要问题及改进情况",
            ]
            .join("\n")
        };
        let row =
            "    17                11    28                         22    22  7  552    495  1,054";
        let got = review_row(&text(row)).unwrap();
        let expected = review_cells(&[
            (0, "17"),
            (3, "11"),
            (4, "28"),
            (8, "22"),
            (9, "22"),
            (10, "7"),
            (11, "552"),
            (13, "495"),
            (14, "1,054"),
        ]);
        assert_eq!(got, expected);
        // two values for the last five columns, one blank between: where are the others?
        let short = "    17                11    28                         22    22  552    1,054";
        assert!(review_row(&text(short)).is_none_or(|c| c.iter().all(String::is_empty)));
    }

    /// lynx flows a header wider than its screen over lines from the margin: the label
    /// standing over a row's first value names one column of fifteen, and the gaps of the
    /// row's eight values fit many readings, so they are left unplaced.
    #[test]
    fn a_flowed_header_naming_one_column_does_not_place_a_row_by_its_gaps() {
        let text = [
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            "   行政复议 行政诉讼",
            "   结果",
            "   维持 结果纠正 其他",
            "   结果 尚未",
            "   审结 总计 未经复议",
            "   直接起诉 复议后起诉",
            "   结果",
            "   维持 结果纠正 其他",
            "   结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未",
            "   审结 总计",
            "     1    1      9      9    8  15    3    26",
            "",
            "五、存在的主要问题及改进情况",
        ]
        .join("\n");
        assert!(review_row(&text).is_none_or(|c| c.iter().all(String::is_empty)));
    }

    /// A row of the unlabelled 复议/诉讼 table printing some of its 15 values (pandoc's
    /// plain text drops the blanks): each is placed in the column of the dash rule it lies
    /// within; without the rule, values that do not start at their columns' labels are
    /// left unplaced.
    #[test]
    fn a_short_unlabelled_row_takes_the_columns_of_the_rule() {
        let rule = "  ---------- ---------- ---------- ---------- ------ ------------------ ---------- ---------- ---------- ------ ------------ ---------- ---------- ---------- ------";
        let text = [
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            rule,
            "  行政复议                                           行政诉讼",
            "  结果维持   结果纠正   其他结果   尚未审结   总计   未经复议直接起诉                                           复议后起诉",
            "                                                     结果维持           结果纠正   其他结果   尚未审结   总计   结果维持     结果纠正   其他结果   尚未审结   总计",
            "                                   12         12                                                  5",
            rule,
            "",
            "五、存在的主要问题及改进情况",
        ]
        .join("\n");
        let expected = review_cells(&[(3, "12"), (4, "12"), (8, "5")]);
        assert_eq!(review_row(&text).unwrap(), expected);
        let bare = text.replace(rule, "");
        assert!(review_row(&bare).is_none_or(|c| c.iter().all(String::is_empty)));
    }

    /// Header labels a character or two per line (narrow columns of a PDF) interleave:
    /// where each label is spelled out in order and the next line prints one value for
    /// every column, that line is the row.
    #[test]
    fn a_header_spelled_out_over_lines_takes_a_full_row() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n       行政复议                      行政诉讼\n                        未经复议           复议后起诉\n             尚          直接起诉\n结果维 结果纠 其他结 未 总 结 结          尚            其\n 持 正 果 审 计 果 果 其他结 未 总 结果维 结果纠 他 尚未审 总\n             结      维 纠 果 审 计 持 正 结 结 计\n                    持 正      结            果\n  9   0 26 0 35 43 0 36 8 87 94 0 0 7 101\n五、存在主要问题及改进情况\n";
        assert_eq!(
            review_row(text).unwrap(),
            [
                "9", "0", "26", "0", "35", "43", "0", "36", "8", "87", "94", "0", "0", "7", "101"
            ]
        );
        // pieces of two columns' labels run together (`结果纠未经复议直接起诉`)
        let joined = "  四、政府信息公开行政复议、行政诉讼情况\n       行政复议                        行政诉讼\n结果维 结果纠 其他结 尚未审 总 结果维 结果纠未经复议直接起诉          复议后起诉\n 持 正 果 结 计 持 正 其他结             尚未审 总 结果维 结果纠 其他结 尚未审 总\n                             果 结 计 持 正 果 结 计\n 0 0 1 0 1 0 0 0 0 0 0 0 0 0 0\n  五、存在主要问题及改进情况\n";
        assert_eq!(
            review_row(joined).unwrap(),
            [
                "0", "0", "1", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"
            ]
        );
        // a row short of the columns is not read by count under such a header
        let short = text.replace("  9   0 26 0 35", "  9   0 26 0");
        assert!(review_row(&short).is_none_or(|c| c.iter().all(String::is_empty)));
    }

    /// A PDF wraps a long row label in its cell: the path gives the whole label, also
    /// where its last piece stands on a line of its own after the values, and where its
    /// later lines begin left of its first (beside a group label that overflowed).
    #[test]
    fn a_label_wrapped_in_a_pdf_cell_is_read_whole() {
        let text = apply_2021(&[
            (
                "1.属于国家秘密",
                &[
                    "       （三）不予公 1.属于国家秘 1   0   0   0   0   0   1",
                    "       开       密",
                ],
            ),
            (
                "2.没有现成信息需要另行制作",
                &[
                    "（四）无法提 2.没有现成信",
                    "供      息需要另行制 1   0   0   0   0   0   1",
                    "       作",
                ],
            ),
        ]);
        for label in ["1.属于国家秘密", "2.没有现成信息需要另行制作"] {
            assert_eq!(
                row_cells(&text, label).unwrap(),
                ["1", "0", "0", "0", "0", "0", "1"],
                "{label}"
            );
        }
    }

    /// A rule of dash segments in a header (pandoc's plain tables) draws the columns'
    /// extents: a short row's values are the columns whose segments hold them, also
    /// where nothing else in the document confirms the header's positions.
    #[test]
    fn a_dashed_rule_gives_the_columns_of_short_rows() {
        // value columns at 60-71, 72-83, ... (seven segments after two label columns)
        let segs: Vec<(usize, String)> = [(2, 20), (23, 35)]
            .into_iter()
            .chain((0..7).map(|k| (60 + 12 * k, 11)))
            .map(|(x, w)| (x, "-".repeat(w)))
            .collect();
        let segs: Vec<(usize, &str)> = segs.iter().map(|(x, w)| (*x, w.as_str())).collect();
        let mut text = vec![
            "三、收到和处理政府信息公开申请情况".to_string(),
            at(&segs),
            at(&[
                (61, "自然人"),
                (73, "商业企业"),
                (85, "科研机构"),
                (97, "社会公益组织"),
            ]),
            at(&[(109, "法律服务机构"), (121, "其他"), (133, "总计")]),
        ];
        // (labels wider than the label columns left out: they would run into the values)
        let labels = LEAVES_2021.iter().filter(|l| l.chars().count() <= 30);
        for l in labels {
            // right-aligned in their segments: 自然人 ends at 70, 总计 at 142
            text.push(at(&[(2, l), (68, "12"), (140, "12")]));
        }
        text.push("四、政府信息公开行政复议、行政诉讼情况".into());
        let text = text.join("\n");
        assert_eq!(
            row_cells(&text, "（一）予以公开").unwrap(),
            ["12", "", "", "", "", "", "12"]
        );
        // without the rule nothing confirms where the header's columns are
        let bare = text.replacen(&at(&segs), "", 1);
        assert_unread(&bare, &["（一）予以公开"]);
    }

    /// Aligned text whose cells and headers are set flush left (w3m, pandoc plain): where
    /// no row fills the columns, a value starting exactly where one column's label starts
    /// is that column's, when every value of the part so starts; a value lying clear of
    /// the labels of the columns beside one is that one's, where the rows that fill their
    /// columns show the header set over the cells.
    #[test]
    fn short_rows_take_the_columns_whose_labels_start_where_their_values_do() {
        let text = [
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "                      本年新制作数量 本年新公开数量 对外公开总数量",
            "规章                  2              2              10",
            "规范性文件            20             16             235",
            "第二十条第（五）项",
            "                      上一年              处理决定",
            "信息内容                       本年增/减",
            "                      项目数量            数量",
            "",
            "行政许可              224                 1162",
            "其他对外管理服务事项           63         483",
            "第二十条第（六）项",
            "                      上一年              处理决定",
            "信息内容                       本年增/减",
            "                      项目数量            数量",
            "",
            "行政处罚              1021                  5332",
            "行政强制              675",
            "三、收到和处理政府信息公开申请情况",
        ]
        .join("\n");
        assert_eq!(row_cells(&text, "行政许可").unwrap(), ["224", "", "1162"]);
        assert_eq!(
            row_cells(&text, "其他对外管理服务事项").unwrap(),
            ["", "63", "483"]
        );
        // in the next part 5332 starts two columns right of 处理决定, clear of 本年增/减:
        // where rows filling their columns lie under their labels (规章, 规范性文件), the
        // header's columns are the cells' and 5332 can only be 处理决定's
        assert_eq!(row_cells(&text, "行政处罚").unwrap(), ["1021", "", "5332"]);
        assert_eq!(row_cells(&text, "行政强制").unwrap(), ["675", "", ""]);
        // where a row filling its columns does not lie under the labels (lynx sets a
        // header apart from its cells), a value not starting at a label is not placed
        let text = text.replace(
            "规范性文件            20             16             235",
            "规范性文件            20      16     235",
        );
        assert_eq!(row_cells(&text, "行政许可").unwrap(), ["224", "", "1162"]);
        for label in ["行政处罚", "行政强制"] {
            assert_unread(&text, &[label]);
        }
    }

    /// A line of text with each piece at its display column (CJK two wide), one space
    /// at least between pieces.
    fn at(parts: &[(usize, &str)]) -> String {
        let mut l = String::new();
        let mut w = 0;
        for &(x, t) in parts {
            l.push_str(&" ".repeat(x.saturating_sub(w).max(usize::from(w > 0))));
            w = w.max(x);
            l.push_str(t);
            w += t
                .chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum::<usize>();
        }
        l
    }

    /// The value rows of the 2019 申请 table, but one whose label holds quotation marks
    /// (of ambiguous display width): the 2021 table's up to its 不予处理 rows, then the
    /// 2019 table's last three.
    fn apply_2019_rows() -> impl Iterator<Item = &'static str> {
        LEAVES_2021[..20]
            .iter()
            .copied()
            .filter(|l| !l.contains('“'))
            .chain(["（六）其他处理", "（七）总计", "四、结转下年度继续办理"])
    }

    /// The first row's values printed on the line above its label (a PDF sets a label's
    /// box lower than the values beside it) are that row's, when the next row holds its
    /// own; a line of column numbers there (`1 2 3`, a form's code row) is not.
    #[test]
    fn a_first_rows_values_above_its_label_are_its() {
        let text = |first: &str| {
            [
                HEAD,
                "第二十条第（一）项\n",
                "信息内容        本年制发件数  本年废止件数  现行有效件数\n",
                &format!("                {first}\n"),
                "规章\n",
                "行政规范性文件  7             2             40\n",
                "第二十条第（五）项\n",
                "信息内容        本年处理决定数量\n",
                "行政许可        12\n",
                "第二十条第（六）项\n",
                "信息内容        本年处理决定数量\n",
                "行政处罚        5\n",
                "行政强制        2\n",
                "第二十条第（八）项\n",
                "信息内容        本年收费金额（单位：万元）\n",
                "行政事业性收费  1.5\n",
            ]
            .concat()
        };
        let read = text("3             1             9");
        assert_eq!(row_cells(&read, "规章").unwrap(), ["3", "1", "9"]);
        assert_eq!(
            row_cells(&read, "行政规范性文件").unwrap(),
            ["7", "2", "40"]
        );
        assert_unread(&text("1             2             3"), &["规章"]);
    }

    /// Header labels of narrow columns set a character or a word per line, one under
    /// another (`其` over `他`, `总` over `计`, as a PDF's cells wrap them), are read whole:
    /// a short row's values stand under the columns those labels start.
    #[test]
    fn header_labels_set_a_word_per_line_start_their_columns() {
        let mut text = vec![
            "三、收到和处理政府信息公开申请情况".to_string(),
            at(&[(51, "法人或")]),
            at(&[(44, "自然人"), (88, "总")]),
            at(&[(51, "其他组织"), (88, "计")]),
            at(&[(51, "商业 科研 社会公益")]),
            at(&[(70, "法律服务机构"), (83, "其")]),
            at(&[(51, "企业 机构 组织"), (83, "他")]),
        ];
        for l in apply_2019_rows() {
            text.push(at(&[(0, l), (44, "19"), (83, "8"), (88, "27")]));
        }
        text.push("四、政府信息公开行政复议、行政诉讼情况".into());
        let text = text.join("\n");
        assert_eq!(
            row_cells(&text, "一、本年新收政府信息公开申请数量").unwrap(),
            ["19", "", "", "", "", "8", "27"]
        );
    }

    /// The same where narrow columns print their labels one space apart on one line
    /// (`商业 科研 社会公益`): each word starts its column.
    #[test]
    fn header_words_one_space_apart_start_their_columns() {
        // text at display columns: the label column is 44 wide (the row whose label holds
        // quotation marks, of ambiguous width, is left out)
        let mut text = vec![
            "三、收到和处理政府信息公开申请情况".to_string(),
            at(&[(51, "法人或")]),
            at(&[(44, "自然人"), (88, "总计")]),
            at(&[(51, "其他组织")]),
            // 商业 at 51, 科研 at 56, 社会公益 at 61; 法律服务机构 at 70, 其他 at 83
            at(&[(51, "商业 科研 社会公益")]),
            at(&[(70, "法律服务机构 其他")]),
            at(&[(51, "企业 机构 组织")]),
        ];
        for l in apply_2019_rows() {
            text.push(at(&[(0, l), (44, "19"), (61, "8"), (88, "27")]));
        }
        text.push("四、政府信息公开行政复议、行政诉讼情况".into());
        let text = text.join("\n");
        assert_eq!(
            row_cells(&text, "一、本年新收政府信息公开申请数量").unwrap(),
            ["19", "", "", "8", "", "", "27"]
        );
    }

    /// Cells squeezed onto single spaces (lynx) set a value one space after its label,
    /// which may fall where a column's header label starts by chance: that is no column
    /// position, and the value is not placed by it.
    #[test]
    fn a_value_one_space_after_its_label_is_not_placed_by_the_header() {
        let rest = "   行政规范性文件\n   第二十条第(五)项\n   信息\n   内容 本年处理决定数量\n   行政许可  77\n   第二十条第(六)项\n   信息内容 本年处理\n   决定数量\n   行政处罚  17\n   行政强制  4\n   第二十条第(八)项\n   信息\n   内容 本年收费金额(单位：万元)\n   行政事业性收费   1.02\n\n三、收到和处理政府信息公开申请情况\n";
        // `18` starts where `本年废止件数` starts, one space after `规章`
        let text = format!(
            "{HEAD}   第二十条第(一)项\n   信息内容 本年制发\n   件数 本年废止件数 现行有效件数\n   规章 18\n{rest}"
        );
        assert_unread(&text, &["规章"]);
        assert_eq!(row_cells(&text, "行政许可").unwrap(), ["77"]);
        // set apart by a gap it is where its column is
        let text = format!(
            "{HEAD}   第二十条第(一)项\n   信息内容         本年制发件数 本年废止件数 现行有效件数\n   规章                          18\n{rest}"
        );
        assert_eq!(row_cells(&text, "规章").unwrap(), ["", "18", ""]);
    }

    /// w3m sets a cell's text flush left in its column and centres the header cells over
    /// them: `6` starts where the second column's values start elsewhere in the table
    /// (`3` and `14` start the first, `27`, `118` the third), though it lies nearer the
    /// first column's label, and in characters (the measure w3m does not pad by) clear
    /// of the second's.
    #[test]
    fn values_flush_left_take_the_column_whose_values_start_where_they_do() {
        let text = [
            "二、主动公开政府信息情况",
            "",
            "第二十条第（一）项",
            "      信息内容           本年新      本年新公开数量   对外公开",
            "                         制作数量                       总数量",
            "规章                                                2",
            "规范性文件            5                             5",
            "第二十条第（五）项",
            "        信息          上一年项目数量   本年增/减      处理决定",
            "        内容                                            数量",
            "行政许可",
            "其他对外管理服务事项                 6              118",
            "第二十条第（六）项",
            "        信息          上一年项目数量   本年增/减    处理决定数量",
            "        内容",
            "行政处罚              3                             27",
            "行政强制              14",
        ]
        .join("\n");
        assert_eq!(
            row_cells(&text, "其他对外管理服务事项").unwrap(),
            ["", "6", "118"]
        );
        assert_eq!(row_cells(&text, "行政强制").unwrap(), ["14", "", ""]);
        assert_eq!(row_cells(&text, "规章").unwrap(), ["", "", "2"]);
    }

    /// Where too few values stand after wide characters to say which measure the text
    /// pads by, the places of values in one measure alone place nothing: inscriptis pads
    /// by characters, where the two `7` start at one place (the third column's); in
    /// display columns they start at two, so there the values start at three places, and
    /// would put the first `7` under the second column.
    #[test]
    fn value_places_of_one_measure_alone_place_nothing() {
        let text = [
            "  二、主动公开政府信息情况",
            "",
            "    第二十条 第（一）项",
            "        信息          本年制 发               现行 有效",
            "                                本年废止件数",
            "        内容            件数                  件数",
            "",
            "    规章                1                   7",
            "     行 政规范性文件                             7",
            "    第二十条第（五） 项",
            "        信息",
            "                   本年处理决定数量",
            "        内容",
            "",
            "    行政许可",
            "    第二十条第（六）项",
            "        信息",
            "                   本年处理决定数量",
            "        内容",
            "",
            "    行政处罚",
            "    行政强制",
            "    第二十条 第（八）项",
            "        信息",
            "                本年收费金 额（单位：万元）",
            "        内容",
            "",
            "    行政事业性收费",
            "",
        ]
        .join("\n");
        let read = row_cells(&text, "规章");
        assert!(read.as_ref().is_none_or(|c| c[1].is_empty()), "{read:?}");
    }

    /// inscriptis sets every row's cells one after another on one grid, each column as
    /// wide as its widest cell, a blank cell one gap wide: header labels printed with
    /// stray spaces (`结果 纠正`, `其 他结果`) still lie within their columns, and the
    /// table's padding shows only on the line of spaces after it, so the row's seven
    /// values take their columns from the grid (right of the header's last label too).
    #[test]
    fn an_unlabelled_row_on_a_cell_grid_with_stray_spaces_in_its_header() {
        let text = [
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            "    行 政复议  行政 诉讼",
            "     结果维持  结果 纠正  其他结 果  尚未审结  总计  未经复议直接起诉  复议后起诉",
            "     结果维持  结果 纠正  其 他结果  尚未审结  总计    结果维持     结果纠正  其他结果  尚未审结  总计",
            "             4                 4               5                5       1  16  17",
            "    ",
            "",
            "五、存在的主要问题及改进情况",
        ]
        .join("\n");
        let expected = review_cells(&[
            (1, "4"),
            (4, "4"),
            (6, "5"),
            (9, "5"),
            (12, "1"),
            (13, "16"),
            (14, "17"),
        ]);
        assert_eq!(review_row(&text).unwrap(), expected);
    }

    /// w3m sets each part of the table as a table of its own, each on its own grid, so the
    /// region's values start at as many places in display columns as in characters; rows
    /// next to each other show the measure (values under labels of two and of five
    /// characters start together on screen only). In it `采购` / `金额` stand at one place,
    /// and name the column as printed, `采购总金额` short of `总`.
    #[test]
    fn a_column_label_short_of_a_character_stacked_in_the_padding_measure() {
        let text = [
            "",
            "二、主动公开政府信息情况",
            "",
            "第二十条第（一）项",
            "信息内容   本年新制作数量  本年新   对外公开总数量",
            "                           公开数量",
            "规章       0               0        0",
            "规范性文件 0               0        1",
            "",
            "第二十条第（五）项",
            "信息                  上一年   本年增/减  处理决定",
            "内容                  项目数量            数量",
            "行政许可              0        0          312",
            "其他对外管理服务事项  5        0          12",
            "",
            "第二十条第（六）项",
            "信息内容 上一年   本年增/减  处理决定",
            "         项目数量            数量",
            "行政处罚 0        2          7",
            "行政强制 0        0          48",
            "",
            "第二十条第（八）项",
            "信息内容        上一年项目数量  本年增/减",
            "行政事业性收费  3               0",
            "",
            "第二十条第（九）项",
            "信息          采购项目 采购",
            "内容          数量     金额",
            "政府集中采购  1        96.40",
        ]
        .join("\n");
        assert_eq!(purchase_columns(&text), ["采购项目数量", "采购金额"]);
    }

    /// BeautifulSoup's text prints the page's cells one to a line and drops a blank cell,
    /// so a row printing no value between its label and the next row's is a row of blank
    /// cells (the values of the others stand right after their labels); read so, not
    /// left out as a row whose cells may stand elsewhere.
    #[test]
    fn a_row_printing_nothing_among_cells_one_to_a_line_is_blank() {
        let header = [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ];
        let text = cell_per_line_2021(&header, |i, leaf| {
            let mut cells = vec![leaf.to_string()];
            if i % 3 == 0 {
                cells.extend(["2", "1", "3"].map(String::from));
            }
            cells
        });
        let lines = split_lines(&text);
        let (_, reads) = read(&lines, false, false).unwrap();
        let row = reads
            .iter()
            .flat_map(|r| &r.tables)
            .flat_map(|t| &t.rows)
            .find(|r| {
                r.path
                    .last()
                    .is_some_and(|l| l == "二、上年结转政府信息公开申请数量")
            })
            .expect("the row is read");
        assert_eq!(row.cells.len(), 7);
        assert!(
            row.cells.iter().all(|c| c.kind == CellKind::Empty),
            "{:?}",
            row.cells
        );
        // (a row printing three values for seven columns stays unplaced)
        let first = row_cells(&text, "一、本年新收政府信息公开申请数量");
        assert!(
            first
                .as_ref()
                .is_none_or(|c| c.iter().all(String::is_empty)),
            "{first:?}"
        );
    }
}
