//! Stage 3: lines -> blocks. Each line is classified (blank, table row, page furniture,
//! text); runs of table rows become table regions handed to [`crate::table`]; text lines
//! become the title, headings (by their outline number) and paragraphs.
//!
//! Guarantee: every non-blank line ends up inside the `lines` range of some block.

use crate::line_kind::{
    LineKind, classify_line, is_band_text, is_numbered_caption, is_page_number,
};
use crate::lines::Line;
use crate::model::{Block, Furniture, Heading, Paragraph, Table, Title, Warning};
use crate::normalize::{is_cjk, trim};
use crate::outline::{Scheme, scan_outline};
use crate::table::{self, Context, Piece, RawRow, aligned, pipe, tsv};

/// Heading text longer than this is a numbered paragraph, not a heading.
const MAX_HEADING_CHARS: usize = 40;

/// Builds the blocks of a document from its lines.
pub fn blocks(lines: &[Line], warnings: &mut Vec<Warning>) -> Vec<Block> {
    blocks_with(lines, &[], pdf_chars(lines), warnings)
}

/// True when the text holds page breaks: a PDF's text as `pdftotext -layout` sets it, one
/// column per character whatever the glyph's width (the text this crate lays out from a
/// PDF's word boxes is not: its caller knows, [`crate::pdf`]).
pub fn pdf_chars(lines: &[Line]) -> bool {
    lines.iter().any(|l| l.text.contains('\u{c}'))
}

/// [`blocks`], with template tables already read by the template's grammar
/// ([`crate::template::grammar`]): their line ranges become those tables, the lines
/// between them are classified as usual. `pdf_chars`: see [`pdf_chars`].
pub fn blocks_with(
    lines: &[Line],
    read: &[crate::template::grammar::Read],
    pdf_chars: bool,
    warnings: &mut Vec<Warning>,
) -> Vec<Block> {
    blocks_and_fields(lines, read, pdf_chars, warnings).0
}

/// [`blocks_with`], and the fields of the page's metadata tables (`meta.fields`: a table
/// of `label：` cells and their values is no table of values, its lines stay text).
pub fn blocks_and_fields(
    lines: &[Line],
    read: &[crate::template::grammar::Read],
    pdf_chars: bool,
    warnings: &mut Vec<Warning>,
) -> (Vec<Block>, Vec<crate::model::MetaField>) {
    let mut kinds: Vec<LineKind> = lines.iter().map(|l| classify_line(&l.text)).collect();
    mark_one_bar_rows(lines, &mut kinds);
    mark_page_furniture(lines, &mut kinds);
    let mut b = Builder {
        lines,
        kinds: &kinds,
        out: Vec::new(),
        para: Vec::new(),
        section: Vec::new(),
        tables: 0,
        limit: lines.len(),
        series: Vec::new(),
        form_line: None,
        paged: pdf_chars,
        drawn: crate::line_kind::in_drawing_order(lines),
        unspaced: !kinds.contains(&LineKind::Blank),
        fields: Vec::new(),
    };
    b.title();
    let mut i = b.out.last().map_or(0, |blk| blk.lines()[1] as usize);
    for r in read {
        if r.start < i {
            continue;
        }
        b.segment(i, r.start, warnings);
        b.flush();
        for t in &r.tables {
            let mut t = t.clone();
            b.tables += 1;
            t.id = format!("t{}", b.tables);
            t.section = b.section.iter().map(|s| s.1.clone()).collect();
            b.out.push(Block::Table(Box::new(t)));
        }
        warnings.extend(r.warnings.iter().cloned());
        // the tables of a region cover it whole: each from the end of the one before
        // (its band and header lines), the last to the region's end
        let first = b.out.len() - r.tables.len();
        let mut from = lines[r.start].no;
        let n = b.out.len();
        for k in first..n {
            if let Some(Block::Table(t)) = b.out.get_mut(k) {
                t.lines[0] = t.lines[0].min(from);
                if k + 1 == n {
                    t.lines[1] = t.lines[1].max(lines[r.end - 1].no);
                }
                from = t.lines[1] + 1;
            }
        }
        i = r.end;
    }
    b.segment(i, lines.len(), warnings);
    b.flush();
    long_outline_items(&mut b.out);
    continued_titles(&mut b.out);
    note_items(&mut b.out, lines);
    relevel_western(&mut b.out);
    (b.out, b.fields)
}

/// A table printed again under its own header right after a titled table, nothing but
/// page furniture (a rule) between, is that table's next part (`2 0 0 3` over the months
/// after the `2 0 0 4` part): it takes its title. Only where the part has none of its own
/// and both print the same stub and the same column labels under their top levels.
fn continued_titles(blocks: &mut [Block]) {
    let leaves = |t: &crate::model::Table| -> Vec<Option<String>> {
        t.columns.iter().map(|c| c.path.last().cloned()).collect()
    };
    let mut last: Option<usize> = None;
    for k in 0..blocks.len() {
        match &blocks[k] {
            Block::Furniture(_) => continue,
            Block::Table(t) => {
                let title = last.and_then(|p| match &blocks[p] {
                    Block::Table(before)
                        if t.title.is_none()
                            && before.title.is_some()
                            && !t.columns.is_empty()
                            && before.stub == t.stub
                            && leaves(before) == leaves(t)
                            && before.columns.iter().all(|c| c.path.len() >= 2) =>
                    {
                        before.title.clone()
                    }
                    _ => None,
                });
                if let (Some(title), Block::Table(t)) = (title, &mut blocks[k]) {
                    t.title = Some(title);
                }
            }
            _ => {}
        }
        last = Some(k);
    }
}

/// A paragraph opening a note to a table: `注：`, `注释：`, `Note:`.
fn opens_note(text: &str) -> bool {
    let t = text.trim_start();
    ["注：", "注:", "注释：", "注释:", "Note:", "Notes:", "NOTE:"]
        .iter()
        .any(|o| t.starts_with(o))
}

/// The numbered items of a note (`注：…` then `(1)因公出国(境)费，指…。`, `(2)…`) are the
/// note's text, no headings: the numbered lines right after a paragraph opening a note,
/// in one scheme from number 1 on, are paragraphs, each its whole line.
fn note_items(blocks: &mut Vec<Block>, lines: &[Line]) {
    let text_of = |no: u32| {
        lines
            .binary_search_by_key(&no, |l| l.no)
            .ok()
            .map(|i| trim(&lines[i].text).to_string())
    };
    let mut k = 0;
    while k < blocks.len() {
        let opens = matches!(&blocks[k], Block::Paragraph(p) if opens_note(&p.text));
        k += 1;
        if !opens {
            continue;
        }
        let mut scheme: Option<Scheme> = None;
        let mut next = 1;
        while k < blocks.len() {
            let no = match &blocks[k] {
                Block::Heading(h) if h.lines[0] == h.lines[1] => h.lines[0],
                Block::Paragraph(p) if p.lines[0] == p.lines[1] => p.lines[0],
                _ => break,
            };
            let Some(text) = text_of(no) else { break };
            let Some(o) = scan_outline(&text) else { break };
            if scheme.is_some_and(|s| s != o.scheme)
                || aligned::number_value(&o.number) != Some(next)
            {
                break;
            }
            scheme = Some(o.scheme);
            next += 1;
            if matches!(blocks[k], Block::Heading(_)) {
                // (the rest of the line after the heading's sentence is its paragraph)
                if matches!(blocks.get(k + 1), Some(Block::Paragraph(p)) if p.lines == [no, no]) {
                    blocks.remove(k + 1);
                }
                blocks[k] = Block::Paragraph(Paragraph {
                    lines: [no, no],
                    text,
                });
            }
            k += 1;
        }
    }
}

impl Builder<'_> {
    /// A page's metadata table (`| 索引号： | … | 发布机构： | … |`): its fields go to
    /// `meta.fields` and its lines stay text, one paragraph; true when `seg` is one.
    fn meta_table(&mut self, rows: &[RawRow], lines: [u32; 2]) -> bool {
        let Some(fields) =
            crate::meta::fields_of(rows.iter().map(|r| (r.line, r.cells.as_slice())))
        else {
            return false;
        };
        let mut text = String::new();
        for c in rows.iter().flat_map(|r| &r.cells) {
            if !c.trim().is_empty() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(c.trim());
            }
        }
        self.out.push(Block::Paragraph(Paragraph { lines, text }));
        self.fields.extend(fields);
        true
    }

    /// Classifies lines `[from, to)` into blocks.
    fn segment(&mut self, from: usize, to: usize, warnings: &mut Vec<Warning>) {
        if from >= to {
            return;
        }
        let (lines, kinds) = (self.lines, self.kinds);
        self.limit = to;
        let regions: Vec<Region> = find_regions(&lines[from..to], &kinds[from..to])
            .into_iter()
            .map(|r| Region {
                start: r.start + from,
                end: r.end + from,
                ..r
            })
            .collect();
        let b = self;
        let mut i = from;
        let mut next_region = regions.iter().peekable();
        while i < to {
            while next_region.peek().is_some_and(|r| r.end <= i) {
                next_region.next();
            }
            if let Some(r) = next_region.peek().filter(|r| r.start <= i) {
                // (a region that started before i lost its first lines to the title)
                let r = Region { start: i, ..**r };
                b.flush();
                b.region(r, None, warnings);
                i = r.end;
                next_region.next();
                continue;
            }
            match kinds[i] {
                LineKind::Blank => {
                    b.flush();
                    i += 1;
                }
                LineKind::Furniture => {
                    b.flush();
                    b.furniture(i);
                    i += 1;
                }
                LineKind::Pipe | LineKind::Separator => {
                    b.flush();
                    let before = b.out.len();
                    let start = i;
                    i = b.table_region(i, None, warnings);
                    b.cover(before, start, i);
                }
                _ => {
                    let target = b.caption_target(i);
                    // (or under the table's unit line, `7-4 …分类情况` / `单位:万元` / header)
                    let region = target.and_then(|j| {
                        next_region.peek().filter(|r| {
                            r.start == j
                                || (r.start == j + 1
                                    && crate::table::is_unit_line(strip_md(&lines[j].text)))
                        })
                    });
                    if let Some(r) = region {
                        let r = **r;
                        b.flush();
                        b.region(r, Some(i), warnings);
                        i = r.end;
                        next_region.next();
                    } else if let Some(j) =
                        target.filter(|&j| matches!(kinds[j], LineKind::Pipe | LineKind::Separator))
                    {
                        b.flush();
                        let before = b.out.len();
                        let start = i;
                        i = b.table_region(j, Some(i), warnings);
                        b.cover(before, start, i);
                    } else if kinds[i] == LineKind::Squeezed
                        && heading_of(strip_md(&lines[i].text), 0).is_some()
                    {
                        // a numbered label with its numbers is a table row, not a heading
                        b.flush();
                        b.out.push(Block::Paragraph(Paragraph {
                            lines: [lines[i].no; 2],
                            text: strip_md(&lines[i].text).to_string(),
                        }));
                        i += 1;
                    } else {
                        b.text_line(i);
                        i += 1;
                    }
                }
            }
        }
    }
}

/// Page furniture that only its place shows, in one pass: a bare page number (`12`)
/// just before a form feed, and running heads or feet (a line repeated at two or more
/// page breaks, such as the report title printed on top of every page). Page breaks are
/// form feeds and page-number lines.
/// Rows of two cells printed without outer bars hold one bar (`项目| 收入预算`, html2text's
/// Markdown), which alone reads as text: the line right over a delimiter row, and the
/// lines after it up to the first line holding no bar, are rows of the table; so is a
/// short line holding no bar right over a row (a row of one cell, `增长%`).
fn mark_one_bar_rows(lines: &[Line], kinds: &mut [LineKind]) {
    // (a row ending in a figure one space after its bar reads as a label and a number,
    // `工资福利支出| 95.36`; one set in columns as spaced text)
    let row = |k: usize, kinds: &[LineKind]| {
        matches!(
            kinds[k],
            LineKind::Text | LineKind::Squeezed | LineKind::Spaced
        ) && lines[k].text.contains('|')
            && pipe::split_cells(&lines[k].text).len() >= 2
    };
    for k in 0..kinds.len() {
        if kinds[k] != LineKind::Separator {
            continue;
        }
        if k > 0 && row(k - 1, kinds) {
            kinds[k - 1] = LineKind::Pipe;
        }
        let bare = !pipe::has_leading_bar(lines[k].text.trim_start());
        let mut j = k + 1;
        while j < kinds.len() {
            // (a row of one cell prints no bar at all where rows print no outer bars,
            // `增长%`: a short line between rows)
            let one_cell = bare
                && kinds[j] == LineKind::Text
                && !lines[j].text.trim_start().starts_with('#')
                && lines[j].text.trim().chars().count() <= 20
                && j + 1 < kinds.len()
                && (kinds[j + 1] == LineKind::Pipe || row(j + 1, kinds));
            if row(j, kinds) || one_cell {
                kinds[j] = LineKind::Pipe;
            } else if !matches!(kinds[j], LineKind::Pipe) {
                break;
            }
            j += 1;
        }
    }
}

fn mark_page_furniture(lines: &[Line], kinds: &mut [LineKind]) {
    // (a Markdown heading's underline `=====` is furniture too, but breaks no page)
    let breaks: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            lines[i].text.contains('\u{c}')
                || kinds[i] == LineKind::Furniture
                    && !crate::line_kind::is_setext_underline(trim(&lines[i].text))
        })
        .collect();
    if breaks.is_empty() {
        return;
    }
    // a lone small number right before a form feed is the page's number
    for &b in &breaks {
        if !lines[b].text.contains('\u{c}') {
            continue;
        }
        let mut k = b;
        while k > 0 && kinds[k - 1] == LineKind::Blank {
            k -= 1;
        }
        if k > 0 && kinds[k - 1] == LineKind::Value {
            let t = trim(&lines[k - 1].text);
            if t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit()) && !t.starts_with('0') {
                kinds[k - 1] = LineKind::Furniture;
            }
        }
    }
    // the first line of each page and the last line before each page break
    let content = |k: usize| !matches!(kinds[k], LineKind::Blank | LineKind::Furniture);
    let mut spots: Vec<usize> = Vec::new();
    for &b in &breaks {
        let mut k = b;
        while k < lines.len() && !content(k) {
            k += 1;
        }
        if k < lines.len() {
            spots.push(k);
        }
        let mut k = b;
        while k > 0 && !content(k - 1) {
            k -= 1;
        }
        if k > 0 {
            spots.push(k - 1);
        }
    }
    spots.sort_unstable();
    spots.dedup();
    let key = |k: usize| crate::normalize::fold(&lines[k].text);
    // a table row printing two amounts or more at its end is no running head or foot,
    // though the same row may end two pages (one budget line in several tables)
    let row = |k: usize| {
        let c = crate::line_kind::cells(&lines[k].text);
        c.len() >= 3
            && c[c.len() - 2..]
                .iter()
                .all(|f| crate::line_kind::is_value(&f.text))
    };
    let mut texts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &k in &spots {
        // (a total alone ends a blank form on each page it prints: `合计`)
        if !matches!(kinds[k], LineKind::Text | LineKind::Spaced)
            || row(k)
            || crate::table::header::is_total(&lines[k].text)
        {
            continue;
        }
        let t = key(k);
        if (2..=50).contains(&t.chars().count()) {
            *texts.entry(t).or_default() += 1;
        }
    }
    let heads: Vec<usize> = spots
        .into_iter()
        .filter(|&k| {
            matches!(kinds[k], LineKind::Text | LineKind::Spaced)
                && texts.get(&key(k)).is_some_and(|&n| n >= 2)
        })
        .collect();
    for k in heads {
        kinds[k] = LineKind::Furniture;
    }
}

/// How a region of lines prints its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Tsv,
    Grid,
    Aligned,
    Cellline,
    Columns,
    Joined,
    Ruled,
}

impl Style {
    fn name(self) -> &'static str {
        match self {
            Style::Tsv => "tsv",
            Style::Grid => "grid",
            Style::Aligned => "aligned",
            Style::Cellline => "cellline",
            Style::Columns => "columns",
            Style::Joined => "joined",
            Style::Ruled => "ruled",
        }
    }
}

/// A run of lines `[start, end)` holding tables of one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Region {
    start: usize,
    end: usize,
    style: Style,
}

/// True for a line of Latin text numbered as a list is (`1.  Employment status of …`):
/// an English release numbers its table captions so, and over a table it captions it.
fn is_latin_numbered(t: &str) -> bool {
    scan_outline(t).is_some()
        && t.starts_with(|c: char| c.is_ascii_digit())
        && !t.chars().any(is_cjk)
        && !t.ends_with([':', '.'])
}

/// Most header lines an aligned table may have above its first data row.
const MAX_HEADER_LINES: usize = 16;

/// Finds the table regions of every style except pipe and Markdown (which the block
/// loop reads as it meets them), in one pass over the classified lines.
fn find_regions(lines: &[Line], kinds: &[LineKind]) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let mut floor = 0;
    let mut i = 0;
    while i < lines.len() {
        // a table printed column by column: its labels, then its columns of values
        if let Some((start, end)) = table::columns::region(lines, kinds, i) {
            out.push(Region {
                start,
                end,
                style: Style::Columns,
            });
            floor = end;
            i = end;
            continue;
        }
        let found = match kinds[i] {
            LineKind::Rule | LineKind::Boxed => grid_region(kinds, i).ok_or(i + 1),
            LineKind::Tab => Ok(tsv_region(lines, kinds, i, floor)),
            LineKind::Spaced | LineKind::Squeezed
                if crate::line_kind::is_data_line(&lines[i].text) =>
            {
                // (a row the joined reading declined, its values standing in columns, is
                // no header line over rows joined below it)
                match joined_region(lines, kinds, i, floor)
                    .or_else(|| {
                        let declined = table::joined::scan_row(&lines[i].text).is_some();
                        (!declined).then(|| joined_below(lines, kinds, i, floor))?
                    })
                    .ok_or(())
                    .or_else(|()| aligned_region(lines, kinds, i, floor))
                {
                    Ok(r) => Ok(r),
                    // rows squeezed onto single spaces, without columns: read as cells
                    // (other seeds of the run may still start an aligned table)
                    Err(_) if kinds[i] == LineKind::Squeezed => {
                        cellline_region(lines, kinds, i, floor).map_err(|_| i + 1)
                    }
                    Err(end) => Err(end),
                }
            }
            // rows joined by single spaces whose labels start with a code (`201 05 专项 1 1`),
            // or that a year labels (a series over the years: `1978 123.30 457.70`)
            LineKind::Text
                if table::joined::is_coded_row(&lines[i].text)
                    || table::joined::is_year_row(&lines[i].text) =>
            {
                joined_region(lines, kinds, i, floor).ok_or(i + 1)
            }
            LineKind::Pipe if pipe::is_bar_first_cell(&lines[i].text) => {
                bar_first_region(lines, i, floor)
            }
            LineKind::Pipe
                if pipe::is_barred_cell(&lines[i].text)
                    || pipe::padded_cell(&lines[i].text).is_some() =>
            {
                barred_region(lines, kinds, i).or_else(|e| {
                    if pipe::is_barred_cell(&lines[i].text) || lines[i].text.starts_with('|') {
                        Err(e)
                    } else {
                        ruled_region(lines, i)
                    }
                })
            }
            LineKind::Pipe if !lines[i].text.starts_with('|') => ruled_region(lines, i),
            // a line of years over rows joined by single spaces is their header
            LineKind::Value if is_years_line(&lines[i].text) => {
                joined_below(lines, kinds, i, floor)
                    .ok_or(())
                    .or_else(|()| {
                        cellline_region(lines, kinds, i, floor)
                            .or_else(|e| barred_region(lines, kinds, i).map_err(|f| e.max(f)))
                    })
            }
            LineKind::Value | LineKind::Bar => cellline_region(lines, kinds, i, floor)
                .or_else(|e| barred_region(lines, kinds, i).map_err(|f| e.max(f))),
            LineKind::Text if aligned::is_form_title(strip_md(&lines[i].text)) => {
                blank_form_region(lines, kinds, i)
            }
            _ => Err(i + 1),
        };
        let found = match found {
            Ok(r) => Some(r),
            Err(end) => {
                // no seed later in the same run makes a table either
                i = end.max(i + 1);
                continue;
            }
        };
        match found {
            Some(r) => {
                floor = r.end;
                i = r.end;
                out.push(r);
            }
            None => i += 1,
        }
    }
    out
}

/// A grid: rule lines and the rows between them.
fn grid_region(kinds: &[LineKind], i: usize) -> Option<Region> {
    let mut end = i;
    let mut rules = 0;
    while end < kinds.len()
        && matches!(
            kinds[end],
            LineKind::Rule | LineKind::Boxed | LineKind::Pipe | LineKind::Separator
        )
    {
        rules += usize::from(kinds[end] == LineKind::Rule);
        end += 1;
    }
    (rules > 0 && end > i + 1).then_some(Region {
        start: i,
        end,
        style: Style::Grid,
    })
}

/// Tab rows, with a band line above or between them.
fn tsv_region(lines: &[Line], kinds: &[LineKind], i: usize, floor: usize) -> Region {
    let band = |k: usize| kinds[k] == LineKind::Text && is_band_text(strip_md(&lines[k].text));
    let start = if i > floor && band(i - 1) { i - 1 } else { i };
    let mut end = i;
    while end < lines.len() {
        if kinds[end] == LineKind::Tab || (band(end) && kinds.get(end + 1) == Some(&LineKind::Tab))
        {
            end += 1;
        } else {
            break;
        }
    }
    Region {
        start,
        end,
        style: Style::Tsv,
    }
}

/// An aligned table around the data line `i`: header lines above it, rows (with the
/// lines of wrapped labels and page furniture between them) below it. When the lines
/// do not make a table, the end of the run looked at.
fn aligned_region(
    lines: &[Line],
    kinds: &[LineKind],
    i: usize,
    floor: usize,
) -> Result<Region, usize> {
    let data = |k: usize| {
        matches!(kinds[k], LineKind::Spaced | LineKind::Squeezed)
            && crate::line_kind::is_data_line(&lines[k].text)
    };
    let blank = |k: usize| kinds.get(k).is_none_or(|&c| c == LineKind::Blank);
    // forward
    let mut last_data = i;
    let mut blanks = 0;
    let mut j = i + 1;
    // the row labels of the run: their texts and outline numbers, so that a numbered line
    // of the form (`十、节能环保支出` after `九、…`, `一、…` printed again) is no heading
    let mut form = FormLabels::default();
    form.note(&lines[i].text);
    // (a row right under the run ending in a remark, text right of every value of the
    // row above it: `教育  88.0  80.1  含专项` under a 备注 column)
    let remark_row = |j: usize, above: usize| {
        let f = crate::line_kind::cells(&lines[j].text);
        let end = crate::line_kind::cells(&lines[above].text)
            .last()
            .map_or(usize::MAX, |l| l.x1);
        kinds[j] == LineKind::Spaced
            && aligned::remarked_row(&f).is_some()
            && f[f.len() - 1].x0 > end
    };
    while j < lines.len() {
        // a table's numbered caption standing alone between blank lines opens the next
        // table (`Table 5. Selected indicators by region, 2017`)
        if blank(j.wrapping_sub(1)) && blank(j + 1) && is_numbered_caption(strip_md(&lines[j].text))
        {
            break;
        }
        match kinds[j] {
            LineKind::Spaced | LineKind::Squeezed | LineKind::Value => {
                if data(j)
                    || (kinds[j] == LineKind::Value && j == last_data + 1)
                    || j == last_data + 1 && remark_row(j, last_data)
                {
                    last_data = j;
                }
                form.note(&lines[j].text);
                blanks = 0;
            }
            LineKind::Text => {
                let t = &lines[j].text;
                // (a label line padded with spaces to the rows' width is a row printing
                // no value, however long: pandoc and inscriptis pad every row of a table
                // to its width, `Gross Fixed Capital Formation at Current Prices   …`)
                // (worked out only for a line that would end the table)
                let padded_row = || {
                    let wide = t.chars().map(crate::line_kind::width).sum::<usize>();
                    let values_at = crate::line_kind::cells(&lines[last_data].text)
                        .iter()
                        .find(|f| crate::line_kind::is_value(&f.text))
                        .map_or(usize::MAX, |f| f.x0);
                    t.ends_with("   ")
                        && wide > values_at
                        && strip_md(t).chars().count() <= 2 * 45
                        && !t.trim_end().ends_with(['.', '。'])
                };
                // (and a group's long name between rows, as indented as a label line
                // of the run before it, right over a row, no sentence: `   Gross Fixed
                // Capital Formation at Current Prices` over `       2023   149410.2 …`)
                let group_row = || {
                    let lead = crate::line_kind::leading_width;
                    let s = strip_md(t).trim();
                    j + 1 < lines.len()
                        && data(j + 1)
                        && s.chars().count() <= 90
                        && !s.ends_with(['.', '。', ':', '：', ';', '；'])
                        && !s.contains(['。', '，', '；'])
                        && !s.contains(". ")
                        && (i..j)
                            .any(|k| kinds[k] == LineKind::Text && lead(&lines[k].text) == lead(t))
                };
                if text_breaks_table(t, blank(j.wrapping_sub(1)) && blank(j + 1))
                    && !form.continues(t)
                    && !padded_row()
                    && !group_row()
                {
                    break;
                }
                form.note(t);
                blanks = 0;
            }
            LineKind::Furniture => {}
            LineKind::Blank => {
                blanks += 1;
                if blanks > 2 {
                    // a total row under the empty rows of a form (pdftotext sets them as
                    // blank lines) closes the table above it
                    match after_empty_rows(kinds, j) {
                        Some(k) if data(k) && first_is_total(&lines[k].text) => {
                            j = k;
                            continue;
                        }
                        _ => break,
                    }
                }
            }
            // a simple table's rule under a header line read as data (`May 2015  April
            // 2016`)
            _ if crate::table::simple::rule_columns(&lines[j].text).is_some() => blanks = 0,
            _ => break,
        }
        j += 1;
    }
    // wrapped label lines right after the last row
    let mut end = last_data + 1;
    while end < j && end <= last_data + 2 && kinds[end] == LineKind::Text {
        let t = strip_md(&lines[end].text);
        if heading_of(t, 0).is_some() || t.chars().count() > 30 {
            break;
        }
        end += 1;
    }
    // header lines above
    let line_end = |k: usize| {
        crate::line_kind::cells(&lines[k].text)
            .last()
            .map_or(0, |f| f.x1)
    };
    let mut rows_end = (i..end).map(line_end).max().unwrap_or(usize::MAX);
    // (the header runs down to the first row where the seed is a header line of years:
    // its lines under the seed name the corner)
    let first_row = if crate::line_kind::numbers_all_years(&lines[i].text) {
        (i..end)
            .find(|&k| data(k) && !crate::line_kind::numbers_all_years(&lines[k].text))
            .unwrap_or(i)
    } else {
        i
    };
    // the header lines whose first word may name the rows: the top one so far, or all
    // down to the first row under a seed of years
    let corner_lines = |start: usize| {
        if first_row > i {
            start..first_row
        } else {
            start..start + 1
        }
    };
    let mut start = i;
    let mut k = i;
    let mut blanks = 0;
    while k > floor && i - k < MAX_HEADER_LINES {
        let p = k - 1;
        let t = strip_md(&lines[p].text);
        // a rule of dash segments right over the rows (pandoc's simple tables draw one
        // under the header): the header lines are above it
        // (a rule of two runs or more is a simple table's wherever it stands in the
        // header: pandoc prints the header's lower rows under it)
        let dashes = t.trim().len() >= 3 && t.trim().chars().all(|c| c == '-' || c == ' ');
        let simple_rule = crate::table::simple::rule_columns(&lines[p].text).is_some();
        if dashes && (k == i || simple_rule) {
            // (the line over a simple table's rule is its header, figures or not: `May
            // 2015   April 2016`)
            if simple_rule && p > floor && kinds[p - 1] != LineKind::Blank {
                start = p - 1;
                k = p - 1;
                continue;
            }
            k = p;
            continue;
        }
        // (a line starting right of where the table's lines end heads none of their
        // columns: a page's title centred on a wide page, `Statistical release 2014`)
        if crate::line_kind::leading_width(&lines[p].text) >= rows_end && !t.trim().is_empty() {
            break;
        }
        match kinds[p] {
            // (a year alone on its line right over the first row heads the rows under it:
            // `1980`)
            LineKind::Spaced | LineKind::Squeezed | LineKind::Text | LineKind::Value
                if kinds[p] != LineKind::Value
                    || p + 1 == i && crate::line_kind::year_of(t).is_some() =>
            {
                // (a line of periods, `Aug. 2007 July 2008 …`, is header however long)
                let periods = crate::line_kind::numbers_all_years(t);
                // (a line right under a simple table's rule is its first row, a group
                // label printing no value: `一、人口、劳动力及土地面积`)
                // (or right under header text of three pieces or more, over the columns:
                // `项目   福州市   厦门市 …`, then the group, then the rows)
                // (or under a header line naming as many columns as the row prints
                // values, its labels one space apart: `项目   福州市 fuzhou 厦门市 xiamen …`)
                let under_rule = p > floor
                    && (crate::table::simple::rule_columns(&lines[p - 1].text).is_some()
                        || kinds[p - 1] == LineKind::Spaced
                            && !data(p - 1)
                            && (crate::line_kind::fragments(&lines[p - 1].text).len() >= 3
                                || names_values(&lines[p - 1].text, &lines[i].text)));
                if kinds[p] == LineKind::Text
                    && (heading_of(t, 0).is_some() || is_prose(t))
                    && !periods
                    && !under_rule
                    && !words_over_values(&lines[p].text, &lines[i].text)
                {
                    break;
                }
                // (a caption numbered as a list is, `3.  Households by tenure`, and so is the
                // end of a numbered caption the PDF wrapped)
                if is_latin_numbered(t.trim()) || p > floor && ends_wrapped_caption(lines, kinds, p)
                {
                    break;
                }
                // (and so is one text standing over the corner of a header line that
                // starts by naming the rows: `市区居民消费价格指数` over `项目  2010年
                // 2009年`; a label spanning value columns stands over them)
                // (or, a blank line under it, one text starting over the corner word: a
                // name over the header, `Consumer Prices Index (CPI), March 2012` over
                // `  Item Index (2005 = 100) …`; labels spanning columns stand over them)
                if p + 1 == start && over_corner(&lines[p].text, &lines[start].text)
                    || blanks > 0
                        && corner_lines(start)
                            .any(|h| name_over_corner(&lines[p].text, &lines[h].text))
                        && !aligned::is_form_title(t)
                {
                    break;
                }
                if data(p) && !periods {
                    break;
                }
                start = p;
                rows_end = rows_end.max(line_end(p));
                blanks = 0;
                let joined: String = t.split_whitespace().collect();
                if is_band_text(&joined) {
                    break;
                }
            }
            LineKind::Blank => {
                blanks += 1;
                // as many as between rows (a PDF's tall header row leaves two)
                if blanks > 2 {
                    break;
                }
            }
            LineKind::Furniture => {}
            _ => break,
        }
        k = p;
    }
    let rows = (start..end).filter(|&k| data(k)).count();
    let spaced = (start..end)
        .filter(|&k| kinds[k] == LineKind::Spaced)
        .count();
    let spaced_data = (start..end).any(|k| kinds[k] == LineKind::Spaced && data(k));
    if spaced_data && (rows >= 2 || spaced >= 2) {
        Ok(Region {
            start,
            end,
            style: Style::Aligned,
        })
    } else {
        Err(j)
    }
}

/// True when `text` is one piece ending before the second piece of `header`, a line whose
/// first piece names the rows (`项目`, `Item`): it stands over the header's corner.
/// (In display columns or in characters: `pdftotext -layout` sets one character a column.)
fn over_corner(text: &str, header: &str) -> bool {
    use crate::line_kind::{cells, cells_in_chars};
    [cells, cells_in_chars]
        .iter()
        .any(|measure| match (&measure(text)[..], &measure(header)[..]) {
            ([one], [stub, next, ..]) => {
                table::names_rows(&stub.text) && !table::names_rows(&one.text) && one.x1 <= next.x0
            }
            _ => false,
        })
}

/// True when `text` is one piece starting at or left of the end of the first word of
/// `header`, which names the rows (`Item`, `项目`). (A form's title, `…预算表`, is read
/// with the region: the aligned reader takes it as the caption of the form under it.)
fn name_over_corner(text: &str, header: &str) -> bool {
    let lead = crate::line_kind::leading_width;
    crate::line_kind::fragments(text).len() == 1
        && header.split_whitespace().next().is_some_and(|word| {
            table::names_rows(word) && lead(text) <= lead(header) + word.chars().count()
        })
}

/// True when the last piece of a header line holds CJK-led labels one space apart
/// ([`aligned::cjk_led_labels`]), three or more, as many as the row `data` prints values.
fn names_values(text: &str, data: &str) -> bool {
    use crate::line_kind::{fragments, is_value};
    let Some(last) = fragments(text).pop() else {
        return false;
    };
    let values = fragments(data)
        .iter()
        .rev()
        .take_while(|f| is_value(&f.text))
        .count();
    aligned::cjk_led_labels(last.text.split(' ').filter(|w| !w.is_empty()))
        .is_some_and(|l| l.len() >= 3 && l.len() == values)
}

/// True when the words of a line one space apart start where the values of the row
/// `data` start: header labels set at their columns (lynx pads each cell to its column,
/// `男性Male 女性Female 农业人口Agriculture` over `234.18 223.52 394.28`), however long the
/// line. Two values or more under the line, three in four of them under a word's start,
/// in display columns or in characters; two in three where the line starts with the word
/// naming the rows (`Item Index (2005 = 100) % change over 1 month`: pdftotext squeezes a
/// header row's cells onto single spaces, the first label shifted by the corner's).
fn words_over_values(text: &str, data: &str) -> bool {
    let corner = text
        .split_whitespace()
        .next()
        .is_some_and(table::names_rows);
    use crate::line_kind::{cells, cells_in_chars, is_value, width};
    /// How a line is cut into cells, and how wide a character is, in one measure.
    type Measure = (fn(&str) -> Vec<crate::line_kind::Frag>, fn(char) -> usize);
    let measures: [Measure; 2] = [(cells, width), (cells_in_chars, |_| 1)];
    measures.iter().any(|(frags, w)| {
        let mut starts = Vec::new();
        let (mut x, mut prev_space) = (0usize, true);
        for c in text.chars() {
            if c == ' ' {
                prev_space = true;
                x += 1;
                continue;
            }
            if prev_space {
                starts.push(x);
            }
            prev_space = false;
            x += w(c);
        }
        let (Some(&first), end) = (starts.first(), x) else {
            return false;
        };
        let under: Vec<usize> = frags(data)
            .iter()
            .filter(|f| is_value(&f.text) && f.x0 >= first && f.x0 < end)
            .map(|f| f.x0)
            .collect();
        let matched = under.iter().filter(|x| starts.contains(x)).count();
        under.len() >= 2 && matched * 4 >= under.len() * 3
            || corner && matched >= 2 && matched * 3 >= under.len() * 2
    })
}

/// Most lines above the first row of joined rows that may be their header.
const MAX_JOINED_HEADER_LINES: usize = 8;

/// Rows joined by single spaces ([`table::joined`]) from the line `i`: the rows and the
/// lines printing a label only (groups) below it up to a blank line, and above it the
/// header from the topmost line of at least as many words as the rows have cells (lines
/// under a caption; the caption and its second-language line stay out). `None` unless
/// three rows of one width show the joining.
fn joined_region(lines: &[Line], kinds: &[LineKind], i: usize, floor: usize) -> Option<Region> {
    use crate::table::joined::{continues_codes, scan_row, split_code, width_of};
    let first = scan_row(&lines[i].text)?;
    let texty = |k: usize| {
        matches!(
            kinds[k],
            LineKind::Text | LineKind::Spaced | LineKind::Squeezed
        )
    };
    let mut code = split_code(&first.label).map(|c| c.0);
    let mut rows = vec![first];
    let mut row_lines = vec![i];
    let start = joined_header_start(lines, kinds, i, floor, 1);
    let mut last_row = i;
    let mut end = i + 1;
    // a line of white space alone between rows is an empty row, no end (a page store
    // prints one between a table's row groups)
    let passed = |k: usize| {
        texty(k)
            || (kinds[k] == LineKind::Blank
                && !lines[k].text.is_empty()
                && k + 1 < lines.len()
                && texty(k + 1)
                && crate::line_kind::is_data_line(&lines[k + 1].text))
    };
    loop {
        while end < lines.len() && passed(end) {
            if let Some(r) = scan_row(&lines[end].text) {
                if let Some(c) = &code
                    && !continues_codes(c, &r)
                {
                    break;
                }
                if code.is_some()
                    && let Some((c, _)) = split_code(&r.label)
                {
                    code = Some(c);
                }
                rows.push(r);
                row_lines.push(end);
                last_row = end;
            } else if is_prose(strip_md(&lines[end].text))
                && !crate::line_kind::is_data_line(&lines[end].text)
            {
                break;
            }
            end += 1;
        }
        // coded rows go on over a page's end: the lines up to the next row (page marks,
        // empty lines) repeat a header line of the first page, and the row continues the
        // codes
        let Some(c) = &code else { break };
        let header: Vec<String> = (start..i).map(|k| squeeze(&lines[k].text)).collect();
        let mut k = end;
        let mut repeated = false;
        while k < lines.len()
            && k - end < MAX_JOINED_PAGE_GAP
            && scan_row(&lines[k].text).is_none()
            && (texty(k) || matches!(kinds[k], LineKind::Blank | LineKind::Furniture))
            && !is_prose(strip_md(&lines[k].text))
        {
            let t = squeeze(&lines[k].text);
            repeated |= !t.is_empty() && header.contains(&t);
            k += 1;
        }
        match lines.get(k).and_then(|l| scan_row(&l.text)) {
            Some(r) if repeated && texty(k) && continues_codes(c, &r) => end = k,
            _ => break,
        }
    }
    let n = width_of(&rows.iter().collect::<Vec<_>>())?;
    let texts: Vec<(&str, &table::joined::JoinedRow)> = row_lines
        .iter()
        .map(|&k| lines[k].text.as_str())
        .zip(&rows)
        .collect();
    let start = joined_header_start(lines, kinds, i, floor, n);
    // rows padded to columns under a header line whose words start where their values
    // do (`Item 1997 2001 2002` over `Under 25   451  408  396`) are aligned text (the
    // first row may be that line, years read as values)
    // (or a row's values start at those places but under other columns than the gaps
    // of a joined row give them: `Food   703.9   2467.4` under `Total  59147 2844.81
    // 1540.8`, read as 703.9, an empty cell, 2467.4; the header centred)
    let years_first = rows[0].cells.iter().all(|c| table::joined::is_year_word(c));
    let misplaced = |text: &str, r: &table::joined::JoinedRow, cols: &[usize]| {
        let spans = table::joined::word_spans(text);
        let values: Vec<usize> = (0..r.cells.len())
            .filter(|&k| !r.cells[k].is_empty())
            .collect();
        if r.cells.len() != cols.len() || spans.len() <= values.len() {
            return false;
        }
        let at = &spans[spans.len() - values.len()..];
        at.iter().all(|s| cols.contains(&s.0))
            && values
                .iter()
                .zip(at)
                .any(|(&k, s)| cols.iter().position(|&x| x == s.0) != Some(k))
    };
    if let Some(cols) = table::joined::value_columns(&texts)
        && ((start..i + usize::from(years_first)).any(|k| {
            let words: Vec<usize> = table::joined::word_spans(&lines[k].text)
                .iter()
                .map(|s| s.0)
                .collect();
            cols.iter().all(|x| words.contains(x))
        }) || texts.iter().any(|(t, r)| misplaced(t, r, &cols)))
    {
        return None;
    }
    Some(Region {
        start,
        end: last_row + 1,
        style: Style::Joined,
    })
}

/// Rows joined by single spaces starting a few lines under the line `i`, whose header
/// takes that line in (a header line ending in a year, `4 quarter 2000 2 quarter 2002`,
/// looks like a row of aligned text).
fn joined_below(lines: &[Line], kinds: &[LineKind], i: usize, floor: usize) -> Option<Region> {
    (i + 1..lines.len().min(i + 1 + MAX_JOINED_HEADER_LINES))
        .find(|&j| table::joined::scan_row(&lines[j].text).is_some())
        .and_then(|j| joined_region(lines, kinds, j, floor))
        .filter(|r| r.start <= i)
}

/// True when line `j` (not the first) ends the numbered caption on the line over it, as a
/// PDF wraps a long one: it goes on in lower case, a blank line (or the end) under it
/// (`Table A-6. … not seasonally` / `adjusted`).
fn ends_wrapped_caption(lines: &[Line], kinds: &[LineKind], j: usize) -> bool {
    j > 0
        && j < lines.len()
        && strip_md(&lines[j].text).starts_with(|c: char| c.is_ascii_lowercase())
        && kinds.get(j + 1).is_none_or(|&k| k == LineKind::Blank)
        && is_numbered_caption(strip_md(&lines[j - 1].text))
}

/// A line of two or more years and nothing else (`1861. 1870. 1881.`, `2020 2021`): a
/// header line.
fn is_years_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2 && words.iter().all(|w| table::joined::is_year_word(w))
}

/// Most lines between two pages' rows of a coded joined table (the page's foot, its
/// mark, the next page's repeated header).
const MAX_JOINED_PAGE_GAP: usize = 16;

/// A line's words, white space dropped.
fn squeeze(t: &str) -> String {
    t.split_whitespace().collect()
}

/// The first header line above the joined row `i` of rows `n` cells wide.
fn joined_header_start(
    lines: &[Line],
    kinds: &[LineKind],
    i: usize,
    floor: usize,
    n: usize,
) -> usize {
    let texty = |k: usize| {
        matches!(
            kinds[k],
            LineKind::Text | LineKind::Spaced | LineKind::Squeezed
        )
    };
    // header lines above: up to a caption (and the line in a second language under it), a
    // unit line, an empty line, or a numbered line above a line as wide as the rows (a
    // heading over the header; a numbered line right above the rows is a group of them);
    // lines of white space alone (an empty row) are passed
    let mut start = i;
    let mut k = i;
    let (mut seen, mut header) = (0, false);
    while k > floor && seen < MAX_JOINED_HEADER_LINES {
        let p = k - 1;
        let t = strip_md(&lines[p].text);
        if kinds[p] == LineKind::Blank && !lines[p].text.is_empty() {
            k = p;
            continue;
        }
        let under_caption = p > 0 && is_numbered_caption(strip_md(&lines[p - 1].text));
        // (a unit line stands over the header, not in it: `金额单位:万元`)
        if !(texty(p) || is_years_line(t))
            || t.chars().count() > 200
            || is_numbered_caption(t)
            || under_caption
            || crate::table::is_unit_line(t)
            || (header && heading_of(t, 0).is_some())
        {
            break;
        }
        header |= t.split_whitespace().count() >= n;
        start = p;
        seen += 1;
        k = p;
    }
    start
}

/// A blank form from its title at `i` (`…决算表`, [`aligned::is_form_title`]): the field
/// and header lines under it, text set in columns on two lines at least, up to a note
/// (`注：`, `说明：`), prose, the next title or more than two blank lines, with no data line
/// among them nor right after (a table whose header stands apart from its rows). Read by
/// the aligned reader as a table whose every value cell is empty.
fn blank_form_region(lines: &[Line], kinds: &[LineKind], i: usize) -> Result<Region, usize> {
    let fail = Err(i + 1);
    let (mut j, mut blanks, mut spaced, mut last) = (i + 1, 0, 0, i);
    let mut ruled = false;
    // (a header line led by a cell naming the rows, `项目  本期实际  本年累计`, and the
    // lines of row labels under it: a form's one header line over its rows)
    let (mut cornered, mut labels_after) = (false, 0);
    while j < lines.len() {
        let t = trim(strip_md(&lines[j].text));
        match kinds[j] {
            LineKind::Blank => {
                blanks += 1;
                if blanks > 2 {
                    break;
                }
            }
            LineKind::Furniture => {}
            LineKind::Spaced | LineKind::Text | LineKind::Squeezed => {
                if crate::line_kind::is_data_line(&lines[j].text) {
                    return fail;
                }
                // (a simple table's rule under the header, pandoc's, shows columns too;
                // under it a blank form prints its row labels alone: a line of several
                // texts is the header's lower rows, which pandoc packs left of their
                // columns, so such a header is not read)
                let rule = crate::table::simple::rule_columns(&lines[j].text).is_some();
                if ruled && kinds[j] == LineKind::Spaced {
                    return fail;
                }
                ruled |= rule;
                let prose = kinds[j] == LineKind::Text && !rule && is_prose(t);
                if t.starts_with(['注', '说']) || prose || aligned::is_form_title(t) {
                    break;
                }
                spaced += usize::from(kinds[j] == LineKind::Spaced || rule);
                if cornered {
                    labels_after += usize::from(kinds[j] == LineKind::Text);
                } else if kinds[j] != LineKind::Text {
                    cornered = crate::line_kind::cells(&lines[j].text)
                        .first()
                        .is_some_and(|c| crate::table::names_rows(&c.text));
                }
                last = j;
                blanks = 0;
            }
            _ => return fail,
        }
        j += 1;
    }
    if after_empty_rows(kinds, j).is_some_and(|k| crate::line_kind::is_data_line(&lines[k].text))
        || spaced < 2 && !(spaced == 1 && cornered && labels_after >= 2)
    {
        return fail;
    }
    Ok(Region {
        start: i,
        end: last + 1,
        style: Style::Aligned,
    })
}

/// Most blank lines between a form's last row and its total row (its empty rows).
const MAX_EMPTY_ROW_LINES: usize = 12;

/// The first line from `j` that is not blank, within a form's empty rows.
fn after_empty_rows(kinds: &[LineKind], j: usize) -> Option<usize> {
    (j..kinds.len().min(j + MAX_EMPTY_ROW_LINES)).find(|&k| kinds[k] != LineKind::Blank)
}

/// True when a line's first cell names a total (`总计`, `支出总计`).
fn first_is_total(text: &str) -> bool {
    crate::line_kind::cells(text)
        .first()
        .is_some_and(|f| crate::table::header::is_total(&f.text))
}

/// A fixed-width table ruled with bars from the line `i` ([`table::ruled`]): the lines
/// holding a bar, their bars at the same columns, the header's end shown by a rule or a
/// line numbering the columns.
/// Without one, the end of the run of such lines (no later line of it starts one).
fn ruled_region(lines: &[Line], i: usize) -> Result<Region, usize> {
    let end = i + lines[i..]
        .iter()
        .take_while(|l| l.text.contains('|') && !pipe::is_barred_cell(&l.text))
        .count();
    let texts: Vec<&str> = lines[i..end].iter().map(|l| l.text.as_str()).collect();
    let ruled = table::ruled::columns(&texts)
        .is_some_and(|bounds| table::ruled::header_end(&texts, &bounds).is_some());
    if !ruled {
        return Err(end.max(i + 1));
    }
    Ok(Region {
        start: i,
        end,
        style: Style::Ruled,
    })
}

/// Row labels met in the run of an aligned table.
#[derive(Default)]
struct FormLabels {
    texts: std::collections::HashSet<String>,
    /// The last outline number met of each scheme rank.
    last: std::collections::HashMap<u8, u32>,
}

impl FormLabels {
    fn note(&mut self, text: &str) {
        for f in crate::line_kind::cells(text) {
            if crate::line_kind::is_value(&f.text) {
                continue;
            }
            if let Some(o) = scan_outline(&f.text)
                && let Some(v) = aligned::outline_value(&f.text)
            {
                self.last.insert(o.scheme.rank(), v);
            }
            self.texts.insert(f.text.split_whitespace().collect());
        }
    }

    /// A numbered line that prints a row label of the run again or numbers the row
    /// after the run's last numbered row of its scheme: a row of the form.
    fn continues(&self, text: &str) -> bool {
        let t: String = text.split_whitespace().collect();
        let Some(o) = scan_outline(&t) else {
            return false;
        };
        // the number right after the last one of its scheme (a section heading numbered
        // like the rows, `四、…` after a row `四、…`, repeats a number and ends the table)
        let next = aligned::outline_value(&t)
            .is_some_and(|v| v > 1 && self.last.get(&o.scheme.rank()) == Some(&(v - 1)));
        next || self.texts.contains(&t)
    }
}

/// Longest text line that may be a cell of a one-cell-per-line table.
const MAX_CELL_CHARS: usize = 50;

/// A run of one-cell-per-line lines around the value line `i`: short text lines, lone
/// values, `|` separators, single blank lines and page furniture, holding at least three
/// values; or rows squeezed onto single spaces (`行政处罚 3985758`, a PDF text dump) among
/// such lines, at least two of them. Without a table, the end of the run: every other
/// seed in it finds the same run.
fn cellline_region(
    lines: &[Line],
    kinds: &[LineKind],
    i: usize,
    floor: usize,
) -> Result<Region, usize> {
    // (a longer line between two lone values is a row's label all the same: the values
    // of the row above end on the line before it, its own start on the line after, `0.9`
    // / `Finance, insurance, real estate, rental and leasing` / `7.1`)
    let short = |k: usize| {
        let n = strip_md(&lines[k].text).chars().count();
        let between_values =
            k > 0 && kinds[k - 1] == LineKind::Value && kinds.get(k + 1) == Some(&LineKind::Value);
        n <= MAX_CELL_CHARS || between_values && n <= 2 * MAX_CELL_CHARS
    };
    let cell = |k: usize| match kinds[k] {
        LineKind::Value | LineKind::Bar | LineKind::Furniture | LineKind::Blank => true,
        LineKind::Text | LineKind::Squeezed => short(k),
        _ => false,
    };
    let double_blank =
        |k: usize| kinds[k] == LineKind::Blank && k > 0 && kinds[k - 1] == LineKind::Blank;
    let mut start = i;
    while start > floor && cell(start - 1) && !double_blank(start - 1) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < lines.len() && cell(end) && !double_blank(end) {
        end += 1;
    }
    let run_end = end;
    // a squeezed line heading rows joined by single spaces that go on past the run is the
    // first row of that table, not a cell (the run above it is that table's header, its
    // cells broken over lines): the run ends before it, and the table is read from it
    // (a joined region ending inside the run is passed whole: its later rows end there too)
    let mut k = start.max(i);
    while k < end {
        match (kinds[k] == LineKind::Squeezed)
            .then(|| joined_region(lines, kinds, k, floor))
            .flatten()
        {
            Some(r) if r.end > run_end => return Err(k),
            Some(r) => k = r.end.max(k + 1),
            None => k += 1,
        }
    }
    while start < end && kinds[start] == LineKind::Blank {
        start += 1;
    }
    // text after the last value is not part of any table
    while end > start
        && !matches!(
            kinds[end - 1],
            LineKind::Value | LineKind::Bar | LineKind::Squeezed
        )
    {
        end -= 1;
    }
    let values = (start..end)
        .filter(|&k| kinds[k] == LineKind::Value)
        .count();
    let squeezed = (start..end)
        .filter(|&k| kinds[k] == LineKind::Squeezed)
        .count();
    // (cells each closed by a `|` line print an empty cell as a bar line right after
    // another: such cells count with the values, a small form's `0.36` and its blanks)
    let empties = (start + 1..end)
        .filter(|&k| kinds[k] == LineKind::Bar && kinds[k - 1] == LineKind::Bar)
        .count();
    // (a label ending in a number, `Under 1`, reads as one such row: the lone values
    // around it still count)
    let enough = squeezed >= 2 || values >= 3 || values >= 1 && values + empties >= 3;
    if !enough {
        return Err(run_end);
    }
    Ok(Region {
        start,
        end,
        style: Style::Cellline,
    })
}

/// One cell per line, each printed `text |`, lone bars (`|`, `||`) among them: a page
/// store's conversion of an HTML table cell by cell. A run of such lines from `i` holding
/// at least three values and three other cells is read as cells, row by row; where its
/// rows are padded to one width ([`pipe::padded_rows`]) empty cells count as values (a
/// form left mostly blank). When the run makes no table, the end of the run (no later
/// line of it starts one).
fn barred_region(lines: &[Line], kinds: &[LineKind], i: usize) -> Result<Region, usize> {
    let barred = |k: usize| {
        matches!(kinds[k], LineKind::Pipe | LineKind::Bar) && pipe::is_barred_cell(&lines[k].text)
    };
    let padded_rows = |end: usize| {
        let texts: Vec<(u32, &str)> = lines[i..end]
            .iter()
            .map(|l| (l.no, l.text.as_str()))
            .collect();
        pipe::padded_rows(&texts).is_some()
    };
    let mut end = i;
    while end < lines.len() && barred(end) {
        end += 1;
    }
    // (cells whose row's padding follows on their line, `申请人情况 | ||||`, belong to the
    // run where its rows are padded to one width)
    let mut ext = end;
    while ext < lines.len()
        && (barred(ext)
            || kinds[ext] == LineKind::Pipe && pipe::padded_cell(&lines[ext].text).is_some())
    {
        ext += 1;
    }
    let padded_run = ext > end && padded_rows(ext);
    if padded_run {
        end = ext;
    }
    let (mut values, mut labels, mut empty) = (0, 0, 0);
    for l in &lines[i..end] {
        let t = pipe::padded_cell(&l.text).map_or_else(|| pipe::barred_text(&l.text), |(c, _)| c);
        if crate::line_kind::is_value(t) {
            values += 1;
        } else if !t.is_empty() {
            labels += 1;
        } else if l.text.trim() == "|" {
            empty += 1;
        }
    }
    let padded = || padded_run || padded_rows(end);
    if labels >= 3 && (values >= 3 || values + empty >= 3 && padded()) {
        Ok(Region {
            start: i,
            end,
            style: Style::Cellline,
        })
    } else {
        Err(end)
    }
}

/// A table printed `a | b | c |` with a line break before each bar, seeded at a line
/// `| text` (its second cell): the row starts on the line before it, and the region runs
/// over lines `| text`, lines of bars alone and lines without a bar right before a bar
/// line (a row's first cell, a wrapped cell), up to the last line of bars. It is a table
/// when [`pipe::bar_first_rows`] reads rows of one width from it.
fn bar_first_region(lines: &[Line], i: usize, floor: usize) -> Result<Region, usize> {
    let barred = |k: usize| lines.get(k).is_some_and(|l| l.text.starts_with('|'));
    let plain = |k: usize| !lines[k].text.contains('|') && !lines[k].text.trim().is_empty();
    if i == 0 || i - 1 < floor || !plain(i - 1) {
        return Err(i + 1);
    }
    let start = i - 1;
    let mut end = i;
    while end < lines.len() && (barred(end) || (plain(end) && barred(end + 1))) {
        end += 1;
    }
    while end > i && !lines[end - 1].text.trim().chars().all(|c| c == '|') {
        end -= 1;
    }
    let texts: Vec<(u32, &str)> = lines[start..end]
        .iter()
        .map(|l| (l.no, l.text.as_str()))
        .collect();
    match pipe::bar_first_rows(&texts) {
        Some(_) => Ok(Region {
            start,
            end,
            style: Style::Cellline,
        }),
        // other seeds in the run may still start a table of another style
        None => Err(i + 1),
    }
}

/// A blank field of a form's head: labels ending in a colon, each followed by nothing
/// or by blanks to fill in (`□□□□-□`, `年 月 日`), after an optional field number
/// (`01 单位名称:`, `02 地区及部门编号: □□□□□□ 单位盖章:`), or a date's blanks alone
/// (`年`, `月`). A field filled in (`单位名称:某某局`, a digit) is not blank.
fn is_form_field(t: &str) -> bool {
    let t = trim(t);
    let t = trim(t.trim_start_matches(|c: char| c.is_ascii_digit()));
    let blank = |s: &str| s.chars().all(|c| "□-—年月日 \u{3000}".contains(c));
    if t.is_empty() || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if blank(t) {
        return true;
    }
    // each piece between colons: the blanks of a field, then the next field's label
    let pieces: Vec<&str> = t.split([':', '：']).collect();
    pieces.len() >= 2
        && pieces.iter().all(|p| {
            let label = p.trim_start_matches(|c: char| "□-—年月日 \u{3000}".contains(c));
            label.chars().count() <= 12 && !label.contains(['，', '。', ',', '；'])
        })
        && pieces.last().is_some_and(|p| blank(p))
}

/// A text line that ends an aligned table: a heading standing alone between blank
/// lines, a sentence of running text, a caption.
fn text_breaks_table(text: &str, alone: bool) -> bool {
    let t = strip_md(text);
    (alone && heading_of(t, 0).is_some()) || is_prose(t) || text.trim_start().starts_with('#')
}

/// A line of running text: a sentence end, or longer than any table label.
fn is_prose(t: &str) -> bool {
    let chars = t.chars().count();
    chars > 45 || (chars >= 20 && t.ends_with(['。', '！', '？', '；']))
}

struct Builder<'a> {
    lines: &'a [Line],
    kinds: &'a [LineKind],
    out: Vec<Block>,
    /// Line indexes of the paragraph being gathered.
    para: Vec<usize>,
    /// Open headings: (level, printed text, title).
    section: Vec<(u8, String, String)>,
    tables: usize,
    /// One past the last line index the current segment may read.
    limit: usize,
    /// Per outline rank, the number of the last numbered row label of a form (a table
    /// row, a line of a form not read as a table): the next number of that series is a
    /// row of the same form, not a heading.
    series: Vec<(u8, u32)>,
    /// The last line taken for a row of a form by [`Builder::is_form_row`].
    form_line: Option<usize>,
    /// The text is a PDF's (it holds page breaks): `pdftotext -layout` sets it one
    /// character per column.
    paged: bool,
    /// The text is a PDF's in drawing order ([`crate::line_kind::in_drawing_order`]).
    drawn: bool,
    /// The text prints no blank line (a page's DOM text, one element a line): a line
    /// stands apart from the one before it as a blank line sets it apart elsewhere.
    unspaced: bool,
    /// Fields of the page's metadata tables (`| 索引号： | … | 发布机构： | … |`), which are
    /// no tables of values: their lines stay text.
    fields: Vec<crate::model::MetaField>,
}

impl Builder<'_> {
    /// The title: the first text lines naming a report, before any heading or table.
    fn title(&mut self) {
        // a line Markdown underlines as the level-1 heading (`===`) among the first lines,
        // naming a report, is the title (the lines before it: a page's own title line,
        // breadcrumbs)
        let window = self.lines.len().min(12);
        let underlined = (0..window.saturating_sub(1)).find(|&i| {
            self.kinds[i] == LineKind::Text
                && crate::line_kind::is_setext_underline(trim(&self.lines[i + 1].text))
                && names_report(strip_md(&self.lines[i].text))
        });
        if let Some(i) = underlined {
            for p in (0..i).filter(|&p| self.kinds[p] != LineKind::Blank) {
                let text =
                    crate::normalize::unescape_md(strip_md(&self.lines[p].text)).into_owned();
                self.out.push(Block::Paragraph(Paragraph {
                    lines: [self.lines[p].no; 2],
                    text,
                }));
            }
            self.out.push(Block::Title(Title {
                lines: [self.lines[i].no; 2],
                text: crate::normalize::unescape_md(strip_md(&self.lines[i].text)).into_owned(),
            }));
            return;
        }
        let mut seen = Vec::new();
        for (i, l) in self.lines.iter().enumerate().take(12) {
            match self.kinds[i] {
                LineKind::Blank => continue,
                LineKind::Text => {}
                _ => break,
            }
            let t = strip_md(&l.text);
            if scan_outline(t).is_some() {
                break;
            }
            let chars = t.chars().count();
            let ends = t.ends_with(['。', '：', ':', '，', ',', '；']);
            if names_report(t) && chars <= 60 && !ends {
                let mut first = i;
                let prev_direct = seen.last().copied().filter(|&p: &usize| p + 1 == i);
                if let Some(p) = prev_direct {
                    let pt = strip_md(&self.lines[p].text);
                    let agency_line = pt.chars().count() <= 20 && ends_with_agency(pt);
                    if (!has_year(t) && has_year(pt) && pt.chars().count() <= 40) || agency_line {
                        first = p;
                    }
                }
                // lines before the title are paragraphs of their own
                for &p in seen.iter().filter(|&&p| p < first) {
                    let text = strip_md(&self.lines[p].text).to_string();
                    self.out.push(Block::Paragraph(Paragraph {
                        lines: [self.lines[p].no; 2],
                        text,
                    }));
                }
                let text = (first..=i)
                    .map(|k| crate::normalize::unescape_md(strip_md(&self.lines[k].text)))
                    .collect::<Vec<_>>();
                let text = text.iter().skip(1).fold(text[0].to_string(), |a, b| {
                    crate::normalize::join_label(&a, b)
                });
                self.out.push(Block::Title(Title {
                    lines: [self.lines[first].no, l.no],
                    text,
                }));
                return;
            }
            seen.push(i);
            if seen.len() > 3 {
                break;
            }
        }
    }

    fn flush(&mut self) {
        if self.para.is_empty() {
            return;
        }
        let idx = std::mem::take(&mut self.para);
        let mut text = String::new();
        for &k in &idx {
            crate::normalize::push_label(
                &mut text,
                &crate::normalize::unescape_md(strip_md(&self.lines[k].text)),
            );
        }
        let lines = [self.lines[idx[0]].no, self.lines[idx[idx.len() - 1]].no];
        self.out.push(Block::Paragraph(Paragraph { lines, text }));
    }

    fn text_line(&mut self, i: usize) {
        let line = &self.lines[i];
        let t = strip_md(&line.text);
        let form_row = self.is_form_row(i);
        // `一，` (a comma where `一、` is the mark) starting the line after a long line
        // that ends mid-sentence: an enumeration wrapped onto this line (`…二是政策解读形式
        // 较为单` / `一，图解、视频等…`), not a heading
        let wrapped_enumeration = || {
            let number_then_comma = scan_outline(t).is_some_and(|o| {
                o.scheme == Scheme::CnComma && t[..o.len].trim_end().ends_with('，')
            });
            number_then_comma
                && i > 0
                && self.kinds[i - 1] == LineKind::Text
                && ends_mid_sentence(strip_md(&self.lines[i - 1].text))
        };
        if let Some((heading, rest)) =
            heading_of(t, line.no).filter(|_| !form_row && !wrapped_enumeration())
        {
            self.series.clear();
            self.flush();
            self.push_heading(t, line.no, heading, rest);
            return;
        }
        // join wrapped lines of one paragraph
        if let Some(&last) = self.para.last() {
            let prev = strip_md(&self.lines[last].text);
            let wrapped = last + 1 == i && ends_mid_sentence(prev) && !line.text.starts_with('#');
            if !wrapped {
                self.flush();
            }
        }
        self.para.push(i);
    }

    /// A numbered line that is a row of a form, not a heading: it continues a numbered
    /// series of row labels (`二、事业收入` after a table whose rows end at `一、财政拨款收入`;
    /// `2.传真申请数` after `其中:1.当面申请数`), or it prints, after a gap, a value or
    /// another numbered label (`一、一般公共预算财政拨款   9746.50   一、一般公共服务支出`).
    /// Such lines and `其中：1.` lines extend the series.
    fn is_form_row(&mut self, i: usize) -> bool {
        let t = strip_md(&self.lines[i].text);
        let inner = t
            .strip_prefix("其中")
            .map(|r| r.trim_start_matches([':', '：', ' ']))
            .filter(|r| scan_outline(r).is_some());
        let label = inner.unwrap_or(t);
        let Some(o) = scan_outline(label) else {
            return false;
        };
        let frags = crate::line_kind::cells(&self.lines[i].text);
        let gap_row = frags.len() >= 2
            && frags[1..]
                .iter()
                .any(|f| crate::line_kind::is_value(&f.text) || scan_outline(&f.text).is_some());
        let (rank, value) = (o.scheme.rank(), aligned::outline_value(label));
        // right under the form's last line: after a blank line a converter may have
        // pulled a row label out of its table as a heading (the template stage puts it back)
        // (or under a line that was itself such a row, blank lines apart)
        let prev = (0..i).rev().find(|&k| self.kinds[k] != LineKind::Blank);
        let adjacent = (i > 0 && self.kinds[i - 1] != LineKind::Blank)
            || prev.is_some_and(|p| self.form_line == Some(p));
        let continues = adjacent
            && value.is_some_and(|v| {
                self.series
                    .iter()
                    .any(|&(r, last)| r == rank && last + 1 == v)
            });
        let form = gap_row || continues || inner.is_some();
        if form && let Some(v) = value {
            self.note_number(rank, v);
        }
        if form {
            self.form_line = Some(i);
        }
        form
    }

    fn note_number(&mut self, rank: u8, value: u32) {
        self.series.retain(|&(r, _)| r != rank);
        self.series.push((rank, value));
    }

    /// Notes the top-level numbered row labels (`一、`) of a table just read. Deeper
    /// ones (`5.`) are not: a converter prints a template table's row label pulled out of
    /// its cell as a line of its own, which the template stage puts back from headings.
    ///
    /// A numbering that starts again (`一、` after `四、`) is a second series beside the
    /// first (the two halves of a 收入 | 支出 table read side by side): the last number of
    /// each series is noted, so `二、` under the table continues the left half's `一、`.
    fn note_rows(&mut self, t: &Table) {
        let mut ends: Vec<u32> = Vec::new();
        let mut last: Option<(u32, &str)> = None;
        for r in &t.rows {
            for l in &r.path {
                if let (Some(o), Some(v)) = (scan_outline(l), aligned::outline_value(l))
                    && o.scheme.rank() == 1
                {
                    // the same label again is a parent repeated on the row's path
                    if let Some((p, _)) = last.filter(|&(p, pl)| v < p || (v == p && pl != l)) {
                        ends.push(p);
                    }
                    last = Some((v, l));
                }
            }
        }
        let last = last.map(|(v, _)| v);
        if let Some(p) = last {
            self.series.retain(|&(r, _)| r != 1);
            ends.push(p);
            ends.sort_unstable();
            ends.dedup();
            self.series.extend(ends.into_iter().map(|v| (1, v)));
        }
    }

    fn furniture(&mut self, i: usize) {
        let text = trim(&self.lines[i].text.replace('\u{c}', "")).to_string();
        self.out.push(Block::Furniture(Furniture {
            lines: [self.lines[i].no; 2],
            text,
        }));
    }

    /// Reads a region found by [`find_regions`] with its style's reader. Lines the
    /// reader left out (it found no table in them) become paragraphs, so every
    /// non-blank line stays covered.
    fn region(&mut self, r: Region, caption: Option<usize>, warnings: &mut Vec<Warning>) {
        let before = self.out.len();
        self.read_region(r, caption, warnings);
        // (a caption no table took stays text)
        self.cover(before, caption.unwrap_or(r.start), r.end);
    }

    /// Lines `[start, end)` that the blocks added since `before` leave uncovered become
    /// paragraphs (a reader that found no table in them).
    fn cover(&mut self, before: usize, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let first = self.lines[start].no;
        let last = self.lines[end - 1].no;
        let mut covered = vec![false; end - start];
        for b in &self.out[before..] {
            let [a, z] = b.lines();
            for no in a.max(first)..=z.min(last) {
                covered[(no - first) as usize] = true;
            }
        }
        let mut added = Vec::new();
        let mut k = 0;
        while k < covered.len() {
            let i = start + k;
            if covered[k] || self.kinds[i] == LineKind::Blank {
                k += 1;
                continue;
            }
            let mut e = k;
            while e + 1 < covered.len()
                && !covered[e + 1]
                && self.kinds[start + e + 1] != LineKind::Blank
            {
                e += 1;
            }
            let text = (k..=e)
                .map(|m| strip_md(&self.lines[start + m].text))
                .collect::<Vec<_>>()
                .join(" ");
            added.push(Block::Paragraph(Paragraph {
                lines: [self.lines[i].no, self.lines[start + e].no],
                text,
            }));
            k = e + 1;
        }
        if !added.is_empty() {
            let mut tail = self.out.split_off(before);
            tail.extend(added);
            tail.sort_by_key(|b| b.lines()[0]);
            self.out.extend(tail);
        }
    }

    fn read_region(&mut self, r: Region, caption: Option<usize>, warnings: &mut Vec<Warning>) {
        let lines = &self.lines[r.start..r.end];
        let furniture: Vec<bool> = self.kinds[r.start..r.end]
            .iter()
            .map(|&k| k == LineKind::Furniture)
            .collect();
        let mut pieces = match r.style {
            Style::Aligned => table::simple::read(lines)
                .unwrap_or_else(|| aligned::read(lines, &furniture, self.paged, warnings)),
            Style::Tsv => {
                let rows: Vec<RawRow> = lines
                    .iter()
                    .map(|l| RawRow {
                        line: l.no,
                        cells: tsv::split_fields(&l.text),
                        unplaced: Vec::new(),
                        indent: 0,
                    })
                    .collect();
                let span = [lines[0].no, lines[lines.len() - 1].no];
                table::segments(rows, span, false)
                    .into_iter()
                    .map(|seg| Piece::Table { seg, grid: false })
                    .collect()
            }
            Style::Grid => table::grid::read(lines, warnings),
            Style::Cellline => {
                table::cellline::read(lines, &self.kinds[r.start..r.end], self.drawn, warnings)
            }
            Style::Columns => table::columns::read(lines),
            Style::Joined => table::joined::read(lines, warnings),
            Style::Ruled => table::ruled::read(lines, warnings)
                .unwrap_or_else(|| vec![Piece::Unread([lines[0].no, lines[lines.len() - 1].no])]),
        };
        let mut title = self.section.last().map(|s| s.2.clone());
        // a table printing its own caption over its header keeps it: the line over the
        // region stays text
        let own = matches!(pieces.first(), Some(Piece::Table { seg, .. } | Piece::Beside { left: seg, .. })
            if table::caption_and_unit(&seg.above).0.is_some());
        let caption = match caption {
            Some(c) if own && !is_band_text(&self.caption_text(c)) => {
                self.caption_paragraph(c);
                None
            }
            c => c,
        };
        if let Some(c) = caption {
            let t = self.caption_text(c);
            if is_band_text(&t) {
                // the band heads the first table of the region
                if let Some(Piece::Table { seg, .. }) = pieces.first_mut() {
                    if seg.band.is_none() {
                        seg.band = Some(t);
                    }
                    seg.lines[0] = self.lines[c].no;
                }
            } else {
                title = Some(t);
                if let Some(Piece::Table { seg, .. } | Piece::Beside { left: seg, .. }) =
                    pieces.first_mut()
                {
                    seg.lines[0] = self.lines[c].no;
                    // a unit line between the caption and the table is its note
                    for k in c + 1..r.start {
                        let t = strip_md(&self.lines[k].text);
                        if table::is_unit_line(t) && !seg.above.iter().any(|a| a == t) {
                            seg.above.push(t.to_string());
                        }
                    }
                }
            }
        }
        for p in pieces {
            match p {
                Piece::Table { seg, .. } if self.meta_table(&seg.rows, seg.lines) => {}
                Piece::Table { seg, grid } => {
                    let ctx = Context {
                        title: title.clone(),
                        section: self.section.iter().map(|s| s.1.clone()).collect(),
                        style: r.style.name().to_string(),
                        grid,
                        present: seg.present,
                    };
                    let mut t: Table = table::build(&seg, &ctx, warnings);
                    self.tables += 1;
                    t.id = format!("t{}", self.tables);
                    self.note_rows(&t);
                    self.out.push(Block::Table(Box::new(t)));
                }
                Piece::Beside { left, right } => {
                    let ctx = Context {
                        title: title.clone(),
                        section: self.section.iter().map(|s| s.1.clone()).collect(),
                        style: r.style.name().to_string(),
                        grid: true,
                        present: false,
                    };
                    let l = table::build(&left, &ctx, warnings);
                    let rt = table::build(&right, &ctx, warnings);
                    let halves = table::beside(l, rt);
                    // the halves' rows are one form: their numbering is noted together
                    let mut all = halves[0].clone();
                    for h in &halves[1..] {
                        all.rows.extend(h.rows.iter().cloned());
                    }
                    self.note_rows(&all);
                    for mut t in halves {
                        self.tables += 1;
                        t.id = format!("t{}", self.tables);
                        self.out.push(Block::Table(Box::new(t)));
                    }
                }
                Piece::Furniture(no) => {
                    self.flush();
                    self.furniture(no as usize - 1);
                }
                Piece::Unread([first, last]) => {
                    self.flush();
                    let text = (first..=last)
                        .map(|no| strip_md(&self.lines[no as usize - 1].text))
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !text.is_empty() {
                        self.out.push(Block::Paragraph(Paragraph {
                            lines: [first, last],
                            text,
                        }));
                    }
                }
                Piece::Text(no) => {
                    let i = no as usize - 1;
                    if self.kinds[i] == LineKind::Blank {
                        self.flush();
                    } else {
                        self.text_line(i);
                        if heading_of(strip_md(&self.lines[i].text), 0).is_some() {
                            title = self.section.last().map(|s| s.2.clone());
                        }
                    }
                }
            }
        }
        self.flush();
    }

    /// A caption line directly over a table (a Markdown `#` line or `表二：…` that is not
    /// an outline heading): returns the index of the table's first row.
    fn caption_target(&self, i: usize) -> Option<usize> {
        let raw = &self.lines[i].text;
        let t = strip_md(raw);
        let marked = raw.trim_start().starts_with('#')
            || t.starts_with('表')
            || is_band_text(t)
            || is_numbered_caption(t);
        let mut j = i + 1;
        // a period line under the caption (`城乡居民收入支出指标` / `2015年上半年`) goes with it
        let period = j < self.limit
            && self.kinds[j] == LineKind::Text
            && crate::table::is_period(strip_md(&self.lines[j].text));
        // a form's title (`…统计报表`) over the blank fields of its head (`单位名称:`,
        // `报出日期: 年 月 日`) captions the form's table under them
        let fields = (j..self.limit)
            .take_while(|&k| is_form_field(strip_md(&self.lines[k].text)))
            .count();
        let form = fields > 0 && t.ends_with('表');
        let latin_numbered = is_latin_numbered(t);
        // a short line of text, no sentence, right over a table of bars whose first row is
        // its unit line (a page store's caption: `2013年7月社会消费品零售总额` /
        // `金额单位:万元 | ||||||`)
        let over_bars = j < self.limit
            && self.kinds[j] == LineKind::Pipe
            && self.kinds[i] == LineKind::Text
            && pipe::split_cells(&self.lines[j].text)
                .first()
                .is_some_and(|c| crate::table::is_unit_line(c))
            && t.chars().count() <= 40
            && !t.contains(['。', '，', '；', '：', ',', ';', ':', '|'])
            && heading_of(t, 0).is_none();
        // a line naming the table right over a page store's cells printed `text |` one a
        // line (`Seasonally adjusted GDP; constant prices` / `2013 |`): no sentence, no
        // heading
        // (or over cells each on a line followed by a line of one bar: `Indices` / `|`)
        let cell_then_bar = j + 1 < self.limit
            && self.kinds[j] == LineKind::Text
            && self.lines[j + 1].text.trim() == "|";
        let over_cells = j < self.limit
            && self.kinds[i] == LineKind::Text
            && (pipe::is_barred_cell(&self.lines[j].text) || cell_then_bar)
            && !self.lines[j].text.trim().starts_with('|')
            && !t.contains('。')
            && !t.ends_with(['.', '：', ':', '；', ';', '，', ','])
            && heading_of(t, 0).is_none();
        // a short line naming something, no sentence, standing alone right over a table
        // (a blank line before it, one at most after): the table's name (`城乡居民收入支出指标`
        // over its grid; a line run on from the one before is header text or a fragment)
        // (a name of words may state its unit and join its parts by `;`: `All India
        // Inflation rates (%) based on CPI`)
        let words = t
            .split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
            .count()
            >= 4
            && !t.contains(['，', '、']);
        let named = self.kinds[i] == LineKind::Text
            && (i == 0
                || self.kinds[i - 1] == LineKind::Blank
                || self.unspaced && !is_form_field(t))
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !t.starts_with('<')
            && !t.contains(['。', '|'])
            && (words || !t.contains(['；', ';']))
            && !t.ends_with(['.', '：', ':', '，', ','])
            && heading_of(t, 0).is_none()
            && (words || crate::units::stated_unit(t).is_none())
            && !crate::table::is_unit_line(t)
            && !crate::table::is_period(t)
            && !is_page_number(t);
        // a numbered caption may be long (`Table A-6. Employment status of the civilian …`),
        // and so may a name of words (`Consumer Price Index, major components and special
        // aggregates, Canada – Not seasonally adjusted`, a yearbook's name in Chinese and
        // English); a line of Chinese longer than a name is a paragraph
        let most = if is_numbered_caption(t) || latin_numbered || named && words {
            200
        } else if over_cells {
            80
        } else {
            40
        };
        // a table's name (`…“三公”经费预算支出表`) over its unit line
        let named_over_unit = t.ends_with('表')
            && j + 1 < self.limit
            && crate::table::is_unit_line(strip_md(&self.lines[j].text));
        if !(marked
            || named
            || form
            || latin_numbered
            || over_bars
            || over_cells
            || named_over_unit)
            || scan_outline(t).is_some() && !latin_numbered
            || t.chars().count() > most
            || t.ends_with('。')
        {
            return None;
        }
        if period {
            j += 1;
        } else if form {
            j += fields;
        } else if let Some(k) = self.caption_number_under(i) {
            j = k + 1;
        } else if let Some(k) = self.caption_name_line(i) {
            j = k + 1;
        }
        // (a blank line at most under it; two in a PDF's text, where the page's spacing
        // sets blank lines)
        let most_blank = if self.paged { 2 } else { 1 };
        for _ in 0..most_blank {
            if j < self.limit && self.kinds[j] == LineKind::Blank {
                j += 1;
            }
        }
        // a rule drawn over a fixed-width table (`________`)
        let rule = |t: &str| {
            let t = t.trim();
            t.len() >= 3 && t.chars().all(|c| matches!(c, '_' | '=' | '-'))
        };
        if j + 1 < self.limit && rule(&self.lines[j].text) {
            j += 1;
        }
        // the caller takes the table only where a region starts at `j` (its header may be
        // a text line: `指标 Item 2018 2019` over rows joined by single spaces)
        (j < self.limit
            && matches!(
                self.kinds[j],
                LineKind::Pipe
                    | LineKind::Separator
                    | LineKind::Tab
                    | LineKind::Spaced
                    | LineKind::Squeezed
                    | LineKind::Text
                    | LineKind::Rule
                    | LineKind::Boxed
            ))
        .then_some(j)
    }

    /// True when lines `start..sep` are one Markdown row broken over lines, as wide as the
    /// delimiter row at `sep`.
    fn one_row(&self, start: usize, sep: usize) -> bool {
        let printed: Vec<(u32, &str)> = (start..=sep)
            .map(|k| (self.lines[k].no, self.lines[k].text.as_str()))
            .collect();
        pipe::join_rows(&printed).0.len() == 1
    }

    /// The line right under a caption of a number alone (`Table 6`) that names the table
    /// (`Employment by province and industry, seasonally adjusted`): a short text line, no
    /// heading, no sentence.
    fn caption_name_line(&self, c: usize) -> Option<usize> {
        let t = strip_md(&self.lines[c].text);
        let j = c + 1;
        let number_only = is_numbered_caption(t)
            && t.strip_prefix("Table ")
                .unwrap_or(t)
                .split_whitespace()
                .count()
                == 1;
        if j >= self.limit || self.kinds[j] != LineKind::Text {
            return None;
        }
        let u = strip_md(&self.lines[j].text);
        // a numbered caption broken off after a comma goes on in the line under it
        // (`Table 1. … by Commodity Group,` / `December 2003 - December 2004`)
        // (or one the PDF wrapped onto the line under it)
        let unfinished = is_numbered_caption(t) && t.ends_with([',', '，'])
            || ends_wrapped_caption(self.lines, self.kinds, j);
        if !number_only && !unfinished {
            // a caption in Chinese with its English title under it (bilingual yearbooks;
            // numbered, or a table's `表…`)
            let latin =
                |s: &str| s.chars().any(|c| c.is_ascii_alphabetic()) && !s.chars().any(is_cjk);
            return ((is_numbered_caption(t) || t.starts_with('表'))
                && t.chars().any(is_cjk)
                && latin(u)
                && u.chars().count() <= 120
                && !u.ends_with(['。', '.', ':', '：', ';', '；']))
            .then_some(j);
        }
        (heading_of(u, 0).is_none()
            && u.chars().count() <= 120
            && !u.ends_with(['。', '.', ':', '：', ';', '；']))
        .then_some(j)
    }

    /// The caption's number a PDF's text set on the line under its name (`　年区本级…支出表`
    /// / `2021`, `　城市居民消费价格分类指数` / `7-2`): pdftotext puts a run whose baseline
    /// sits a little lower (digits in another font) on a line of its own, at its place,
    /// which is the gap left of the name. A number alone, ending where the name starts
    /// (to two columns).
    fn caption_number_under(&self, c: usize) -> Option<usize> {
        let j = c + 1;
        if j >= self.limit {
            return None;
        }
        let lead = crate::line_kind::leading_width;
        let (name, frag) = (&self.lines[c].text, &self.lines[j].text);
        let f = frag.trim();
        let number = (1..=8).contains(&f.chars().count())
            && f.starts_with(|c: char| c.is_ascii_digit())
            && f.ends_with(|c: char| c.is_ascii_digit())
            && f.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.'));
        let (at, end) = (lead(frag), lead(frag) + f.chars().count());
        (number
            && lead(name) >= 1
            && !name.trim_start().starts_with(|c: char| c.is_ascii_digit())
            && at <= lead(name)
            && end + 2 >= lead(name))
        .then_some(j)
    }

    /// The caption of line `c` kept as a paragraph (its table prints a caption of its own).
    fn caption_paragraph(&mut self, c: usize) {
        let last = self
            .caption_number_under(c)
            .or_else(|| self.caption_name_line(c))
            .unwrap_or(c);
        self.out.push(Block::Paragraph(Paragraph {
            lines: [self.lines[c].no, self.lines[last].no],
            text: self.caption_text(c),
        }));
    }

    /// The caption of line `c` as the table's title: with the line naming the table under a
    /// caption of a number alone.
    fn caption_text(&self, c: usize) -> String {
        let line = |k: usize| crate::normalize::unescape_md(strip_md(&self.lines[k].text));
        let mut t = line(c).into_owned();
        if let Some(j) = self.caption_number_under(c) {
            // a count or a year reads into the words after it (`50个城市`, `2021年`), a
            // table's number stands apart (`7-2 城市居民…`)
            let n = line(j);
            let joined = n.chars().all(|c| c.is_ascii_digit()) && t.starts_with(is_cjk);
            t = format!("{n}{}{t}", if joined { "" } else { " " });
        } else if let Some(j) = self.caption_name_line(c) {
            t.push(' ');
            t.push_str(&line(j));
        }
        t
    }

    /// Reads the table region starting at line index `start`; returns the index after it.
    fn table_region(
        &mut self,
        start: usize,
        caption: Option<usize>,
        warnings: &mut Vec<Warning>,
    ) -> usize {
        let mut end = start;
        let mut furniture = Vec::new();
        // a Markdown table (rows start with a bar) broken over lines may hold lone `|`
        // lines (an empty cell) between its rows
        let md_start = pipe::has_leading_bar(self.lines[start].text.trim_start());
        let bar_inside = |k: usize| {
            md_start
                && self.kinds[k] == LineKind::Bar
                && k + 1 < self.limit
                && matches!(self.kinds[k + 1], LineKind::Pipe | LineKind::Separator)
        };
        while end < self.limit {
            if matches!(self.kinds[end], LineKind::Pipe | LineKind::Separator) || bar_inside(end) {
                // A Markdown delimiter row below a later row starts a new table at that row
                // (the lines above it holding one row broken over lines are one row).
                if end >= start + 2
                    && self.kinds[end] == LineKind::Separator
                    && !(md_start && self.one_row(start, end))
                {
                    end -= 1;
                    break;
                }
                end += 1;
            } else if let Some(next) = self.page_break(end) {
                // the table goes on after a page break
                furniture.extend((end..next).filter(|&k| self.kinds[k] == LineKind::Furniture));
                end = next;
            } else {
                break;
            }
        }
        // one-cell rows of running text after the last row holding a value (an
        // explanation with its numbered headings `一、统计范围:`) are text the page printed
        // in its table, not rows; a label over blank cells stays a row
        let full_end = end;
        let text_cell = |l: &Line| {
            let cells = pipe::split_cells(&l.text);
            table::lead_text_cells(&cells)
                .filter(|_| !crate::line_kind::is_separator(&l.text))
                .map(|t| {
                    (
                        is_prose(t),
                        heading_of(t, 0).is_some() && t.ends_with([':', '：']),
                    )
                })
        };
        let mut cut = end;
        let mut prose = false;
        while cut > start && self.kinds[cut - 1] == LineKind::Pipe {
            match text_cell(&self.lines[cut - 1]) {
                Some((p, h)) if p || h => prose |= p,
                _ => break,
            }
            cut -= 1;
        }
        if !prose {
            cut = end;
        }
        let valued = (start..cut).any(|k| {
            self.kinds[k] == LineKind::Pipe
                && pipe::split_cells(&self.lines[k].text)
                    .iter()
                    .any(|c| crate::table::value::kind_of(c) == crate::model::CellKind::Number)
        });
        if valued && cut < end {
            end = cut;
        }
        let region = &self.lines[start..end];
        let printed: Vec<(u32, &str)> = region
            .iter()
            .zip(&self.kinds[start..end])
            .filter(|(_, k)| matches!(**k, LineKind::Pipe | LineKind::Bar | LineKind::Separator))
            .map(|(l, _)| (l.no, l.text.as_str()))
            .collect();
        let (joined_rows, joined) = pipe::join_rows(&printed);
        let markdown = joined
            || region
                .iter()
                .any(|l| crate::line_kind::is_separator(&l.text))
            || region
                .iter()
                .filter(|l| !l.is_blank())
                .all(|l| pipe::has_leading_bar(&l.text) || is_page_number(trim(&l.text)));
        // (a Markdown table prints every row alike, so its rows' indentations compare,
        // unless its first column is centred or set right; elsewhere a leading bar is an
        // empty cell)
        let indented = markdown
            && region
                .iter()
                .find(|l| crate::line_kind::is_separator(&l.text))
                .is_none_or(|l| pipe::first_column_left(&l.text));
        let mut rows: Vec<RawRow> = joined_rows
            .into_iter()
            .map(|(line, cells)| {
                let text = line
                    .checked_sub(region[0].no)
                    .and_then(|k| region.get(k as usize))
                    .filter(|l| l.no == line)
                    .map(|l| l.text.as_str());
                RawRow {
                    indent: text.filter(|_| indented).map_or(0, pipe::first_cell_indent),
                    ..RawRow::printed(line, cells)
                }
            })
            .collect();
        let mut title = self.section.last().map(|s| s.2.clone());
        let first_line = caption.map_or(region[0].no, |c| self.lines[c].no);
        if let Some(c) = caption {
            let t = self.caption_text(c);
            if is_band_text(&t) {
                rows.insert(
                    0,
                    RawRow {
                        line: self.lines[c].no,
                        cells: vec![t],
                        unplaced: Vec::new(),
                        indent: 0,
                    },
                );
            } else {
                title = Some(t);
            }
        }
        // rows padded at their end by bars alone (`项目 | 本 年 | 增长(%) | |||`): a page
        // store printing the cells present in each row, then bars up to the widest row
        let padded = printed.iter().any(|(_, t)| t.trim_end().ends_with("||"));
        let ctx = Context {
            title,
            section: self.section.iter().map(|s| s.1.clone()).collect(),
            style: if markdown { "markdown" } else { "pipe" }.to_string(),
            grid: markdown,
            present: joined || padded,
        };
        let last_line = region[region.len() - 1].no;
        if self.meta_table(&rows, [first_line, last_line]) {
            return end;
        }
        table::join_broken_header_row(&mut rows);
        let mut segments = table::segments(rows, [first_line, last_line], markdown);
        // a table printing its own caption over its header keeps it: the line over the
        // region stays text
        if let (Some(c), Some(seg)) = (caption, segments.first_mut())
            && table::caption_and_unit(&seg.above).0.is_some()
            && !is_band_text(&self.caption_text(c))
        {
            self.caption_paragraph(c);
            seg.lines[0] = region[0].no;
        }
        if segments.is_empty() {
            // Delimiter rows alone (`|---|---|`) are no table; their lines stay in the
            // document as a paragraph, as doubtful lines do.
            let mut text = String::new();
            let caption_line = caption.map(|c| &self.lines[c]);
            for l in caption_line.into_iter().chain(region) {
                crate::normalize::push_label(&mut text, strip_md(&l.text));
            }
            self.out.push(Block::Paragraph(Paragraph {
                lines: [first_line, last_line],
                text,
            }));
            return end;
        }
        for seg in segments {
            let mut t: Table = table::build(&seg, &ctx, warnings);
            self.tables += 1;
            t.id = format!("t{}", self.tables);
            self.note_rows(&t);
            self.out.push(Block::Table(Box::new(t)));
        }
        for k in furniture {
            self.furniture(k);
        }
        for k in end..full_end {
            let cells = pipe::split_cells(&self.lines[k].text);
            if let Some(t) = table::lead_text_cells(&cells) {
                let t = t.to_string();
                self.cell_text(k, &t);
            }
        }
        full_end
    }

    /// A heading of line `no` (printed `t`): it opens its section, and text run in after
    /// its title is a paragraph of its own.
    fn push_heading(&mut self, t: &str, no: u32, heading: Heading, rest: Option<String>) {
        self.section.retain(|(lv, _, _)| *lv < heading.level);
        self.section.push((
            heading.level,
            format!("{}{}", number_prefix(t), heading.title),
            heading.title.clone(),
        ));
        self.out.push(Block::Heading(heading));
        if let Some(rest) = rest {
            self.out.push(Block::Paragraph(Paragraph {
                lines: [no; 2],
                text: rest,
            }));
        }
    }

    /// A line of text printed as a table row of one cell: a heading or a paragraph of its own.
    fn cell_text(&mut self, i: usize, t: &str) {
        let no = self.lines[i].no;
        self.flush();
        if let Some((heading, rest)) = heading_of(t, no) {
            self.push_heading(t, no, heading, rest);
        } else {
            self.out.push(Block::Paragraph(Paragraph {
                lines: [no; 2],
                text: t.to_string(),
            }));
        }
    }

    /// At a run of blank lines and page furniture (holding a page number or form feed)
    /// followed by a table row: the index of that row.
    fn page_break(&self, at: usize) -> Option<usize> {
        let mut k = at;
        let mut page = false;
        while k < self.limit && k < at + 4 {
            match self.kinds[k] {
                LineKind::Furniture => page = true,
                LineKind::Blank => {}
                LineKind::Pipe | LineKind::Separator if page => return Some(k),
                _ => return None,
            }
            k += 1;
        }
        None
    }
}

/// A line that names a report: `…年度报告`, `Annual Report on …`, `… Statistical Bulletin`.
fn names_report(t: &str) -> bool {
    let lower = t.to_lowercase();
    t.contains("报告")
        || t.contains("公报")
        || lower.contains("report")
        || lower.contains("bulletin")
}

/// A line naming a government body (`淮安市人民政府`) printed over the title.
fn ends_with_agency(t: &str) -> bool {
    const SUFFIXES: [&str; 12] = [
        "政府",
        "办公厅",
        "办公室",
        "委员会",
        "局",
        "委",
        "厅",
        "院",
        "中心",
        "街道",
        "办事处",
        "署",
    ];
    !t.contains(['。', '，', ',', '：', ':']) && SUFFIXES.iter().any(|s| t.ends_with(s))
}

fn has_year(t: &str) -> bool {
    let b = t.as_bytes();
    b.windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
}

/// The text without Markdown heading marks, form feeds and surrounding white space.
fn strip_md(text: &str) -> &str {
    let t = trim(text.trim_start_matches('\u{c}'));
    let t = trim(t.trim_start_matches('#'));
    // a line set in bold or italics as a whole (`**一、总体情况**`, `__…__`)
    for mark in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|x| x.strip_suffix(mark))
            && !inner.is_empty()
            && !inner.contains(mark)
        {
            return trim(inner);
        }
    }
    t
}

/// A line of running text long enough to have been wrapped (20 characters or more) and
/// ending mid-sentence: the next line continues it.
fn ends_mid_sentence(t: &str) -> bool {
    t.chars().count() >= 20
        && !t.ends_with([
            '。', '！', '？', '!', '?', '；', ';', '：', ':', '”', '"', '）', ')', '」',
        ])
}

/// The printed outline number of `t` (`（一）`), for section paths.
fn number_prefix(t: &str) -> &str {
    scan_outline(t).map_or("", |o| t[..o.len].trim_end())
}

/// A heading, and the paragraph it runs on into, if `t` is one.
fn heading_of(t: &str, no: u32) -> Option<(Heading, Option<String>)> {
    heading_of_limit(t, no, MAX_HEADING_CHARS)
}

/// [`heading_of`] with a heading of at most `max` characters.
fn heading_of_limit(t: &str, no: u32, max: usize) -> Option<(Heading, Option<String>)> {
    // a run-in heading set in bold, the paragraph after it not (`**（一）配合做好…。**抓好…`:
    // Markdown converters print a `<strong>` lead so): the bold text is the heading's
    for mark in ["**", "__"] {
        if let Some(body) = t.strip_prefix(mark)
            && let Some(end) = body.find(mark)
            && end > 0
        {
            let after = trim(&body[end + mark.len()..]);
            if after.is_empty() {
                break;
            }
            let (heading, rest) = heading_of_limit(&body[..end], no, max)?;
            return Some((heading, Some(rest.unwrap_or_default() + after)));
        }
    }
    let o = scan_outline(t)?;
    let rest = trim(&t[o.len..]);
    let stop = rest
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '：' | ':' | '！' | '？'));
    let (head, tail) = match stop {
        Some((p, c)) => (trim(&rest[..p]), trim(&rest[p + c.len_utf8()..])),
        None => (rest, ""),
    };
    if head.is_empty()
        || head.chars().count() > max
        || !head.chars().any(|c| is_cjk(c) || c.is_alphabetic())
    {
        return None;
    }
    // Western numbered sentences are headings only when short and unpunctuated.
    if matches!(o.scheme, Scheme::Letter) && head.chars().count() > 30 {
        return None;
    }
    let heading = Heading {
        lines: [no, no],
        level: o.scheme.rank(),
        number: o.number,
        title: head.to_string(),
    };
    let tail = (!tail.is_empty()).then(|| tail.to_string());
    Some((heading, tail))
}

/// Most characters of the first sentence of a numbered line read as a heading because
/// a sibling heading shows it is an outline item ([`long_outline_items`]).
const MAX_ITEM_HEADING_CHARS: usize = 160;

/// A numbered line whose first sentence is too long for a heading by itself
/// ([`MAX_HEADING_CHARS`]) is still an item of the outline where a heading of its rank
/// under the same parent carries the number just before or just after its own
/// (`(一)本套决算主表决算数据主要依据…填列。` before the heading `(二)本套决算附表…`):
/// it becomes a heading, the text after its first sentence a paragraph.
fn long_outline_items(blocks: &mut Vec<Block>) {
    // the first heading of rank `rank` or above among `blocks`: is it of that rank,
    // numbered `want`?
    fn sibling<'a>(
        mut blocks: impl Iterator<Item = &'a Block>,
        rank: u8,
        want: Option<u32>,
    ) -> bool {
        blocks
            .find_map(|b| match b {
                Block::Heading(h) if h.level <= rank => Some(h),
                _ => None,
            })
            .is_some_and(|h| {
                h.level == rank && want.is_some() && aligned::number_value(&h.number) == want
            })
    }
    let mut k = 0;
    while k < blocks.len() {
        let Block::Paragraph(p) = &blocks[k] else {
            k += 1;
            continue;
        };
        let item = (p.lines[0] == p.lines[1])
            .then(|| scan_outline(&p.text))
            .flatten()
            .and_then(|o| {
                let value = aligned::number_value(&o.number)?;
                // (a short numbered paragraph was kept from the headings on purpose: a
                // form's row label)
                if heading_of(&p.text, p.lines[0]).is_some() {
                    return None;
                }
                let (heading, rest) =
                    heading_of_limit(&p.text, p.lines[0], MAX_ITEM_HEADING_CHARS)?;
                Some((o.scheme.rank(), value, heading, rest))
            });
        let Some((rank, value, heading, rest)) = item else {
            k += 1;
            continue;
        };
        // the nearest heading of its rank or above, either way, is a sibling numbered
        // next to it
        let before = sibling(blocks[..k].iter().rev(), rank, value.checked_sub(1));
        let after = sibling(blocks[k + 1..].iter(), rank, Some(value + 1));
        if !(before || after) {
            k += 1;
            continue;
        }
        let no = heading.lines[0];
        blocks[k] = Block::Heading(heading);
        if let Some(rest) = rest {
            blocks.insert(
                k + 1,
                Block::Paragraph(Paragraph {
                    lines: [no; 2],
                    text: rest,
                }),
            );
        }
        k += 1;
    }
}

/// In a report without Chinese outline numbers, decimal numbers give the levels:
/// `1` 1, `1.2` 2; a Roman outline sits above them.
fn relevel_western(blocks: &mut [Block]) {
    let heads = || {
        blocks.iter().filter_map(|b| {
            if let Block::Heading(h) = b {
                Some(h)
            } else {
                None
            }
        })
    };
    if heads().any(|h| h.number.chars().any(is_cjk)) {
        return;
    }
    let roman = heads().any(|h| h.number.chars().all(|c| "IVXL".contains(c)));
    let offset = u8::from(roman);
    let mut deepest = 1;
    for b in blocks.iter_mut() {
        if let Block::Heading(h) = b {
            if h.number.chars().all(|c| "IVXL".contains(c)) {
                h.level = 1;
            } else if h.number.chars().all(|c| c.is_ascii_digit() || c == '.') {
                h.level = h.number.split('.').count() as u8 + offset;
                deepest = deepest.max(h.level);
            } else if h.number.chars().all(|c| c.is_ascii_lowercase()) {
                h.level = deepest + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn run(text: &str) -> (Vec<Block>, Vec<Warning>) {
        let mut w = Vec::new();
        let b = blocks(&split_lines(text), &mut w);
        (b, w)
    }

    /// `(kind, first line, last line)` of each block.
    fn shape(b: &[Block]) -> Vec<(&'static str, u32, u32)> {
        b.iter()
            .map(|b| {
                let kind = match b {
                    Block::Title(_) => "title",
                    Block::Heading(_) => "heading",
                    Block::Paragraph(_) => "paragraph",
                    Block::Table(_) => "table",
                    Block::Furniture(_) => "furniture",
                };
                (kind, b.lines()[0], b.lines()[1])
            })
            .collect()
    }

    #[test]
    fn line_kinds() {
        assert_eq!(classify_line(""), LineKind::Blank);
        assert_eq!(classify_line(" \u{3000}\t"), LineKind::Blank);
        assert_eq!(classify_line("\u{c}"), LineKind::Furniture);
        assert_eq!(classify_line("规章 | 0 | 0 | 0 |"), LineKind::Pipe);
        assert_eq!(classify_line("第二十条第（一）项 |"), LineKind::Pipe);
        assert_eq!(classify_line("|---|:---:|"), LineKind::Separator);
        for page in [
            "- 3 -",
            "— 12 —",
            "第3页 共8页",
            "3/8",
            "P. 9",
            "Page 3 of 8",
        ] {
            assert_eq!(classify_line(page), LineKind::Furniture, "{page}");
        }
        for text in [
            "一、总体情况",
            "2020年，本机关共收到申请12件，办结10件。",
            "A|B 两项指标",
            "3/8以上的申请已办结。",
        ] {
            assert_eq!(classify_line(text), LineKind::Text, "{text}");
        }
    }

    #[test]
    fn standalone_heading_is_heading_only() {
        let (b, _) = run("一、总体情况\n");
        let Some(Block::Heading(h)) = b.first() else {
            panic!("{b:?}")
        };
        assert_eq!(
            (h.level, h.number.as_str(), h.title.as_str()),
            (1, "一", "总体情况")
        );
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn run_in_heading_splits_at_first_stop() {
        let (b, _) = run("（二）依申请公开。本年度收到申请12件：全部办结。\n");
        assert_eq!(shape(&b), [("heading", 1, 1), ("paragraph", 1, 1)]);
        let (Block::Heading(h), Block::Paragraph(p)) = (&b[0], &b[1]) else {
            panic!("{b:?}")
        };
        assert_eq!(
            (h.level, h.number.as_str(), h.title.as_str()),
            (2, "二", "依申请公开")
        );
        assert_eq!(p.text, "本年度收到申请12件：全部办结。");
        // a colon ends the title too; under Chinese outline numbers `1.` is level 3
        let (b, _) = run("一、总体情况\n1.公开形式：以网站为主。\n");
        assert_eq!(
            shape(&b),
            [("heading", 1, 1), ("heading", 2, 2), ("paragraph", 2, 2)]
        );
        let Block::Heading(h) = &b[1] else {
            panic!("{b:?}")
        };
        assert_eq!(
            (h.level, h.number.as_str(), h.title.as_str()),
            (3, "1", "公开形式")
        );
    }

    #[test]
    fn bold_run_in_heading_is_the_bold_text() {
        // markdownify and html2text print a `<strong>` lead of a paragraph as `**…**`
        let (b, _) = run(
            "**（一）主动公开。**全年公开信息229条。\n\n**（二）依申请公开**本年度收到申请12件。\n",
        );
        let got: Vec<String> = b
            .iter()
            .map(|b| match b {
                Block::Heading(h) => format!("h{} {} {}", h.level, h.number, h.title),
                Block::Paragraph(p) => format!("p {}", p.text),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                "h2 一 主动公开",
                "p 全年公开信息229条。",
                "h2 二 依申请公开",
                "p 本年度收到申请12件。"
            ]
        );
    }

    #[test]
    fn numbered_sentence_too_long_for_a_heading_is_a_paragraph() {
        let line = "（一）本机关坚持以习近平新时代中国特色社会主义思想为指导全面贯彻落实党中央国务院关于政务公开工作的决策部署持续推进";
        let (b, _) = run(&format!("{line}\n"));
        assert_eq!(shape(&b), [("paragraph", 1, 1)]);
    }

    #[test]
    fn long_numbered_item_beside_a_sibling_heading_is_a_heading() {
        // issue 13: an explanatory note's items: the first is one long sentence, the
        // second a run-in heading; numbered next to each other, both are items
        let first = "(一)本套决算主表数据主要依据本单位会计账簿总账及明细账数据填列,预算数据依据本单位预算批复文件及预算调整文件填列。";
        let text = format!(
            "一、决算信息来源说明\n{first}\n(二)附表数据依据本单位资产台账填列。其中资产情况表依据资产账簿填列。\n"
        );
        let (b, _) = run(&text);
        assert_eq!(
            shape(&b),
            [
                ("heading", 1, 1),
                ("heading", 2, 2),
                ("heading", 3, 3),
                ("paragraph", 3, 3)
            ]
        );
        let Block::Heading(h) = &b[1] else {
            panic!("{b:?}")
        };
        assert_eq!((h.level, h.number.as_str()), (2, "一"));
        assert!(h.title.starts_with("本套决算主表") && h.title.ends_with("调整文件填列"));
        // numbered apart from its sibling (no (二) after it), it stays a paragraph
        let (b, _) = run(&format!(
            "一、决算信息来源说明\n{first}\n(三)附表数据依据台账填列。\n"
        ));
        assert!(
            matches!(&b[1], Block::Paragraph(p) if p.text == first),
            "{b:?}"
        );
    }

    #[test]
    fn enumerations_in_prose_are_paragraphs() {
        let (b, _) = run("一是加强组织领导。二是完善制度。\n");
        assert_eq!(shape(&b), [("paragraph", 1, 1)]);
    }

    #[test]
    fn prose_with_numbers_is_not_a_table() {
        let text = "2020年，本机关共收到政府信息公开申请12件，办结10件，结转2件。\n\
                    其中予以公开5件、部分公开3件、不予公开2件，无法提供2件。\n";
        let (b, _) = run(text);
        assert!(b.iter().all(|b| !matches!(b, Block::Table(_))), "{b:?}");
        assert_eq!(shape(&b), [("paragraph", 1, 1), ("paragraph", 2, 2)]);
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let text = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进\n政府信息公开工作提质增效。\n";
        let (b, _) = run(text);
        assert_eq!(shape(&b), [("paragraph", 1, 2)]);
        let Block::Paragraph(p) = &b[0] else { panic!() };
        assert_eq!(
            p.text,
            "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政府信息公开工作提质增效。"
        );
    }

    #[test]
    fn table_rows_between_headings_form_a_table() {
        let text = "二、主动公开政府信息情况\n信息内容 | 本年新制作数量 |\n规章 | 3 |\n三、收到和处理政府信息公开申请情况\n";
        let (b, w) = run(text);
        assert_eq!(
            shape(&b),
            [("heading", 1, 1), ("table", 2, 3), ("heading", 4, 4)]
        );
        let Block::Table(t) = &b[1] else { panic!() };
        assert_eq!(t.id, "t1");
        assert_eq!(t.title.as_deref(), Some("主动公开政府信息情况"));
        assert_eq!(t.section, ["二、主动公开政府信息情况"]);
        assert!(w.is_empty(), "{w:?}");
    }

    /// Table-row labels that look like outline numbers stay rows of the table.
    #[test]
    fn numbered_table_labels_are_not_headings() {
        let text = "三、收到和处理政府信息公开申请情况\n\
                    信息内容 | 数量 |\n\
                    一、本年新收政府信息公开申请数量 | 3 |\n\
                    四、结转下年度继续办理 | 0 |\n";
        let (b, _) = run(text);
        assert_eq!(shape(&b), [("heading", 1, 1), ("table", 2, 4)]);
    }

    /// Issue 13: a numbered caption, or a table's name ending in 表, over the table's unit
    /// line: the caption names the table, the unit line is its note, and both are the
    /// table's lines.
    #[test]
    fn a_caption_over_a_unit_line_names_the_table_under_it() {
        let joined = "7-4  主要年份零售总额分类情况\n单位:万元\n  1995年 2000年 2006年\n\
                      零售总额 860135 1491751 2737983\n    比上年增长(%) 34.6 10.3 15.2\n\
                      一、按销售地区分:\n    市的零售额 458283 761705 1404990\n\
                      \x20   县的零售额 176371 305616 598239\n";
        // a table's name ending in 表, unnumbered, over its unit line and cells one a line
        let cells = "2021年区本级经费预算支出表\n单位:万元\n项目 |\n预算数 |\n合计 |\n4432 |\n\
                     1.因公出国(境)费用 |\n39 |\n2.公务接待费 |\n323 |\n3.公务用车费 |\n4070 |\n";
        for (text, last, title) in [
            (joined, 8, "7-4  主要年份零售总额分类情况"),
            (cells, 12, "2021年区本级经费预算支出表"),
        ] {
            let (b, _) = run(text);
            assert_eq!(shape(&b), [("table", 1, last)]);
            let Block::Table(t) = &b[0] else {
                unreachable!()
            };
            assert_eq!(t.title.as_deref(), Some(title));
            assert_eq!(t.note.as_deref(), Some("单位:万元"));
        }
    }

    /// A short line naming the table, standing alone over it (w3m prints an HTML caption
    /// so), titles it; a line run on from the one before it (a label broken over lines, a
    /// header's first line) does not, and stays text.
    #[test]
    fn a_name_standing_alone_over_a_table_titles_it() {
        let grid = "城乡居民收入支出指标

┌────┬────┐
│项目│增长│
├────┼────┤
│收入│8.5 │
├────┼────┤
│支出│7.3 │
└────┴────┘
";
        let (b, _) = run(grid);
        assert_eq!(shape(&b), [("table", 1, 9)]);
        let Block::Table(t) = &b[0] else {
            unreachable!()
        };
        assert_eq!(t.title.as_deref(), Some("城乡居民收入支出指标"));
        let (b, _) = run(&format!(
            "说明如下
{grid}"
        ));
        assert_eq!(shape(&b)[1], ("paragraph", 2, 2), "{b:?}");
        let Some(Block::Table(t)) = b.get(2) else {
            panic!("{b:?}")
        };
        assert_eq!(t.title, None);
    }

    /// pdftotext wraps a long numbered caption: the line under it going on in lower case,
    /// with a blank line under it, ends the caption, and the whole caption titles the table
    /// (it is no header line of the table).
    #[test]
    fn a_numbered_caption_wrapped_onto_a_line_in_lower_case_titles_the_table() {
        let (b, _) = run(concat!(
            "Table A-6. Employment status of the civilian population by sex, not seasonally\n",
            "adjusted\n",
            "\n",
            "                      Item              Nov. 2017      Nov. 2018\n",
            "              Civilian labor force          6222           6397\n",
            "              Participation rate            20.8           21.1\n",
        ));
        assert_eq!(shape(&b), [("table", 1, 6)], "{b:?}");
        let Block::Table(t) = &b[0] else {
            unreachable!()
        };
        assert_eq!(
            t.title.as_deref(),
            Some(
                "Table A-6. Employment status of the civilian population by sex, not seasonally adjusted"
            )
        );
        assert_eq!(t.stub, ["Item"]);
    }

    /// pdftotext squeezes a header row's cells onto single spaces when the page sets
    /// them close (`Item Index (UK, 2005 = 100) % change over 1 month …`); its words start
    /// where the values' columns do, all but the first, which the corner pushes right. The
    /// line is the header, cut there, and the name over it, a blank line between, names
    /// the table.
    #[test]
    fn a_header_squeezed_onto_single_spaces_by_pdftotext_is_cut_at_the_columns() {
        let text = concat!(
            "Consumer Prices Index (CPI), March 2012\n",
            "\n",
            "  Item Index (UK, 2005 = 100) % change over 1 month % change over 12 months\n",
            "     Jan 121.1                -0.5                  3.6\n",
            "     Feb 121.8                0.6                   3.4\n",
            "     Mar 122.2                0.3                   3.5\n",
        );
        let (b, _) = run(text);
        let Some(Block::Table(t)) = b.first() else {
            panic!("{b:?}")
        };
        assert_eq!(
            t.title.as_deref(),
            Some("Consumer Prices Index (CPI), March 2012")
        );
        let paths: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
        assert_eq!(
            paths,
            [
                ["Index (UK, 2005 = 100)"],
                ["% change over 1 month"],
                ["% change over 12 months"]
            ]
        );
        assert_eq!(t.rows[1].path, ["Feb"]);
        assert_eq!(t.rows[1].cells[1].raw, "0.6");
    }

    /// pdftotext sets the caption's number, in another font on a lower baseline, on the
    /// line under the name, in the gap left of it: the number and the name are one title
    /// (text of Chromium's PDF of a yearbook page, `pdftotext -layout`).
    #[test]
    fn a_caption_number_set_under_its_name_in_pdf_text_joins_it() {
        let text = concat!(
            " 城市居民消费价格分类指数(上年=100)\n",
            "7-2\n",
            "\n",
            "                    项目                        2020 2021\n",
            "居民消费价格总指数                              102.6 101.1\n",
            "  消费品价格指数                                104.4 101.0\n",
            "  服务价格指数                                  99.8 101.3\n",
        );
        let (b, _) = run(text);
        let Some(Block::Table(t)) = b.first() else {
            panic!("{b:?}")
        };
        assert_eq!(
            t.title.as_deref(),
            Some("7-2 城市居民消费价格分类指数(上年=100)")
        );
        assert_eq!(t.lines[0], 1);
        // a year reads into the name after it; a number standing right of the name's
        // start is no part of it
        let (b, _) = run(&text
            .replace(" 城市居民", "   年城市居民")
            .replace("7-2", "2021"));
        let Some(Block::Table(t)) = b.first() else {
            panic!("{b:?}")
        };
        assert_eq!(
            t.title.as_deref(),
            Some("2021年城市居民消费价格分类指数(上年=100)")
        );
        let (b, _) = run(&text.replace("7-2", "          7-2"));
        assert!(
            !matches!(b.first(), Some(Block::Table(t)) if t.title.as_deref().is_some_and(|t| t.contains("7-2"))),
            "{b:?}"
        );
    }

    /// pdftotext sets the page's spacing as blank lines: a table's name two blank lines
    /// over its header still names it (in a PDF's text, with its page breaks).
    #[test]
    fn a_name_two_blank_lines_over_a_pdf_table_titles_it() {
        let text = concat!(
            "2025年预算单位收入预算总表\n",
            "\n",
            "\n",
            "            项目                          收入预算\n",
            "                                    合计 财政拨款收入\n",
            "一般公共服务支出                         127886849 127886849\n",
            "    财政事务                         127886849 127886849\n",
            "社会保障和就业支出                        17560320 17560320\n",
            "\u{c}",
        );
        let (b, _) = run(text);
        let Some(Block::Table(t)) = b.first() else {
            panic!("{b:?}")
        };
        assert_eq!(t.title.as_deref(), Some("2025年预算单位收入预算总表"));
        assert_eq!(t.lines[0], 1);
    }

    /// markdownify underlines a page's title (`=====`) and prints the table's caption, the
    /// same words, as a line of its own: the underline is markup, not a page break, so the
    /// two lines are no running head printed on two pages; the caption titles the table.
    #[test]
    fn a_title_underlined_and_repeated_as_caption_is_no_running_head() {
        let text = "城乡居民收入支出指标\n==========\n\n城乡居民收入支出指标\n\n\
| 项目 | 绝对值(元) |\n| --- | --- |\n| 居民人均可支配收入 | 18917 |\n";
        let (b, _) = run(text);
        assert!(
            !b.iter()
                .any(|b| matches!(b, Block::Furniture(f) if f.lines[0] != 2)),
            "{b:?}"
        );
        let Some(Block::Table(t)) = b.last() else {
            panic!("{b:?}")
        };
        assert_eq!(t.title.as_deref(), Some("城乡居民收入支出指标"));
    }

    /// A table's name in words may be longer than a Chinese name (html2text and
    /// markdownify print an HTML caption as a line of its own): it titles the table; a
    /// sentence standing alone there does not, nor does a long line of Chinese.
    #[test]
    fn a_long_name_in_words_over_a_table_titles_it() {
        let table = "| Item | May 2016 |\n|---|---|\n| All-items | 128.8 |\n";
        for name in [
            "Consumer Price Index, major components and special aggregates, Canada",
            // (a unit stated in it, parts joined by `;`)
            "All India Inflation rates (%) based on CPI (General) and CFPI",
            "Seasonally adjusted GDP; constant prices, reference year 2010",
            // (numbered in Roman numerals, ending in a full stop)
            "TABLE IX.—Proportions of Males and Females at each Age-period.",
        ] {
            let (b, _) = run(&format!("{name}\n\n{table}"));
            let Some(Block::Table(t)) = b.first() else {
                panic!("{b:?}")
            };
            assert_eq!(t.title.as_deref(), Some(name));
        }
        for text in [
            "The index rose by 1.5 per cent in the twelve months to May 2016.",
            "根据《中华人民共和国政府信息公开条例》规定现将本机关二〇二三年度政府信息公开工作情况报告如下",
        ] {
            let (b, _) = run(&format!("{text}\n\n{table}"));
            assert_eq!(shape(&b)[1], ("table", 3, 5), "{b:?}");
            let Block::Table(t) = &b[1] else {
                unreachable!()
            };
            assert_eq!(t.title, None);
        }
    }

    /// Issue 13: the numbered items of a note under a table (`注：` then `（1）…`, `（2）…`)
    /// are the note's paragraphs, not headings, however short their first sentence.
    #[test]
    fn numbered_items_of_a_note_are_no_headings() {
        let text = "项目 2016年 2015年\n会议费 7.59 8.10\n培训费 15.86 16.20\n接待费 14.83 15.00\n\
注：“三公”经费包括下列各项。\n（1）公务接待费，指各类公务接待支出。\n（2）公务用车费，指车辆支出。\n";
        let (b, _) = run(text);
        assert!(b.iter().all(|b| !matches!(b, Block::Heading(_))), "{b:?}");
        let Some(Block::Paragraph(p)) = b.last() else {
            panic!("{b:?}")
        };
        assert_eq!(p.text, "（2）公务用车费，指车辆支出。");
        // without the note the same lines are headings
        let (b, _) = run(&text.replace("注：“三公”经费包括下列各项。\n", ""));
        assert!(b.iter().any(|b| matches!(b, Block::Heading(_))), "{b:?}");
    }

    /// Issue 13: a caption `表…` with its English name under it and a unit line under that,
    /// over rows joined by single spaces: the unit line ends the header above the rows, the
    /// caption titles the table and the unit line is its note.
    #[test]
    fn a_unit_line_under_a_bilingual_caption_ends_the_header() {
        let text = "表2-1 历年总户数\nHouseholds Over The Years\n单位:万户\n年份 总户数 农业\n\
1978 123.30 394.28\n1979 124.48 394.31\n1980 128.57 393.13\n";
        let (b, _) = run(text);
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(
            t.title.as_deref(),
            Some("表2-1 历年总户数 Households Over The Years")
        );
        assert_eq!(t.note.as_deref(), Some("单位:万户"));
        assert_eq!(t.rows[0].path, ["1978"]);
    }

    /// Issue 13: a line naming the table, no sentence and no heading, right over a page
    /// store's cells printed `text |` one a line, captions it; a sentence there does not.
    #[test]
    fn a_line_over_cells_printed_one_a_line_names_the_table() {
        let cells = "项目 |\n本月 |\n累计 |\n出口 |\n12 |\n30 |\n进口 |\n8 |\n21 |\n";
        for (above, title) in [
            (
                "Seasonally adjusted GDP; constant prices, reference year 2010",
                true,
            ),
            ("本月进出口情况如下.", false),
        ] {
            let (b, _) = run(&format!("{above}\n{cells}"));
            let t = b
                .iter()
                .find_map(|b| match b {
                    Block::Table(t) => Some(t),
                    _ => None,
                })
                .expect("a table");
            assert_eq!(t.title.as_deref(), title.then_some(above), "{b:?}");
        }
    }

    /// Issue 13: header cells broken over lines (`May<br>2015`: a year alone on a line)
    /// over rows joined by single spaces. The years are no cells of a table of their own:
    /// every joined row, the first too, is a row of one table with all of them.
    #[test]
    fn broken_header_cells_do_not_take_the_first_joined_rows() {
        let text = "Index May\n2015\nApril\n2016\nweight index index\n\
                    All-items 100.00 126.9 128.3\nFood 16.41 140.8 143.8\n\
                    Shelter 26.80 133.2 134.9\n\
                    Household operations, furnishings and equipment 13.14 119.7 121.6\n\
                    Clothing and footwear 6.08 95.0 96.0\n";
        let (b, _) = run(text);
        let tables: Vec<&Table> = b
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 1, "{:?}", shape(&b));
        let labels: Vec<&str> = tables[0]
            .rows
            .iter()
            .filter_map(|r| r.path.last().map(String::as_str))
            .collect();
        assert_eq!(
            labels,
            [
                "All-items",
                "Food",
                "Shelter",
                "Household operations, furnishings and equipment",
                "Clothing and footwear"
            ]
        );
    }

    /// Issue 13: a page's metadata table as a Markdown flattening prints it (`| 索引号： |
    /// … | 主题分类： | … |`) is no table of values: its fields go to `meta.fields` with
    /// their lines, the lines stay one paragraph; a table whose `label：` cells hold
    /// figures stays a table.
    #[test]
    fn a_metadata_table_printed_as_text_gives_fields() {
        let text = "某局2021年政府信息公开工作年度报告\n\n|  |  |  |  |\n| --- | --- | --- | --- |\n\
                    | 索引号： | 49265934/2022-00484 | 主题分类： | 政务公开 |\n\
                    | 发布机构： | 某局 | 发文日期： | 2022-01-14 |\n\
                    | 名称： | 某局2021年政府信息公开工作年度报告 | | |\n\n一、总体情况\n";
        let doc = crate::parse_bytes(text.as_bytes(), "t.md", &crate::Options::default()).unwrap();
        assert_eq!(doc.tables().count(), 0, "{:?}", doc.blocks);
        let fields: Vec<(&str, &str, u32)> = doc
            .meta
            .fields
            .iter()
            .map(|f| (f.label.as_str(), f.value.as_str(), f.line))
            .collect();
        assert_eq!(
            fields,
            [
                ("索引号", "49265934/2022-00484", 5),
                ("主题分类", "政务公开", 5),
                ("发布机构", "某局", 6),
                ("发文日期", "2022-01-14", 6),
                ("名称", "某局2021年政府信息公开工作年度报告", 7)
            ]
        );
        assert!(
            doc.blocks
                .iter()
                .any(|b| matches!(b, Block::Paragraph(p) if p.lines == [3, 7]))
        );
        let figures =
            "| 收入合计： | 100 | 支出合计： | 90 |\n| 年初结转： | 5 | 年末结转： | 15 |\n";
        let doc =
            crate::parse_bytes(figures.as_bytes(), "t.md", &crate::Options::default()).unwrap();
        assert!(doc.meta.fields.is_empty());
    }

    #[test]
    fn title_and_page_number() {
        let text = "某某市人民政府2023年政府信息公开工作年度报告\n\n- 1 -\n一、总体情况\n";
        let (b, _) = run(text);
        assert_eq!(
            shape(&b),
            [("title", 1, 1), ("furniture", 3, 3), ("heading", 4, 4)]
        );
    }

    /// Markdown flattenings (markdownify, html2text) print the page's `<title>` first, its
    /// `<h1>` underlined by `=`, and escape `_` as `\_`: the underlined line is the title,
    /// the underline is no text, and no backslash stays.
    #[test]
    fn markdown_underlined_title_and_escapes() {
        let text = "某某市教育局2023年政府信息公开工作年度报告\\_某某市人民政府\n\n\
                    某某市教育局2023年政府信息公开工作年度报告\n=========\n\n一、总体情况\n";
        let (b, _) = run(text);
        assert_eq!(
            shape(&b),
            [
                ("paragraph", 1, 1),
                ("title", 3, 3),
                ("furniture", 4, 4),
                ("heading", 6, 6)
            ]
        );
        let (Block::Paragraph(p), Block::Title(t)) = (&b[0], &b[1]) else {
            panic!("{b:?}")
        };
        assert_eq!(
            p.text,
            "某某市教育局2023年政府信息公开工作年度报告_某某市人民政府"
        );
        assert_eq!(t.text, "某某市教育局2023年政府信息公开工作年度报告");
    }

    /// Issue 13: pandoc escapes a number's point at a line's start (`1\. Employment…`): a
    /// table's caption keeps no backslash.
    #[test]
    fn a_markdown_caption_keeps_no_escape() {
        let text = "1\\. Employment status, 1940 to date\n\n| Item | Total |\n|---|---|\n| Men | 5 |\n| Women | 6 |\n";
        let d = crate::table::testutil::doc(text);
        let t = d.tables().next().expect("a table");
        assert_eq!(
            t.title.as_deref(),
            Some("1. Employment status, 1940 to date")
        );
    }

    /// Issue 13: a yearbook names a table in Chinese and English on one line, longer than
    /// a name of Chinese alone may be: standing alone right over the table, it names it.
    #[test]
    fn a_long_bilingual_name_over_a_table_names_it() {
        let name = "15 国民经济和社会发展总量与速度指标 Principal Aggregate Indicators of National Economic and Social Development and Their Related Indices and Growth Rates";
        let text = format!(
            "{name}\n\n| 项目 | 2006 | 2007 |\n|---|---|---|\n| 人口 | 2808.0 | 2816.0 |\n| 就业 | 1605.4 | 1620.8 |\n"
        );
        let d = crate::table::testutil::doc(&text);
        let t = d.tables().next().expect("a table");
        assert_eq!(t.title.as_deref(), Some(name));
    }

    /// A title printed as the agency on one line and `<year>年…报告` on the next is one title
    /// (`huaian-2024-layout.txt` prints 淮安市人民政府 / 2024年政府信息公开工作年度报告; its
    /// truth title is both lines joined).
    #[test]
    fn title_over_two_lines_agency_first() {
        let text = "某某市人民政府\n2023年政府信息公开工作年度报告\n\n- 1 -\n一、总体情况\n";
        let (b, _) = run(text);
        assert_eq!(
            shape(&b),
            [("title", 1, 2), ("furniture", 4, 4), ("heading", 5, 5)]
        );
        let Block::Title(t) = &b[0] else { panic!() };
        assert_eq!(t.text, "某某市人民政府2023年政府信息公开工作年度报告");
    }

    /// Found by the property test `report_like_text_is_covered` (issue 6): a Markdown
    /// delimiter row alone made no block, so its line was in none.
    #[test]
    fn issue_6_lone_delimiter_row_is_kept() {
        for text in ["|---|---|\n\n | ", "表一\n|---|\n", "a\n|:-:|\n|---|\n"] {
            let lines = crate::lines::split_lines(text);
            let blocks = blocks(&lines, &mut Vec::new());
            for l in lines.iter().filter(|l| !l.is_blank()) {
                assert!(
                    blocks
                        .iter()
                        .any(|b| b.lines()[0] <= l.no && l.no <= b.lines()[1]),
                    "{text:?}: line {} in no block: {blocks:?}",
                    l.no
                );
            }
        }
    }

    /// Issue 13: the rows of a form not read as a table are no headings: a numbered line
    /// continuing the numbers of the table's row labels right above it, a `其中：1.` line
    /// and the lines numbered after it, a numbered line printing a value after a gap.
    /// w3m prints each table under its caption, a blank line around it: a numbered
    /// caption standing alone opens the next table (it had been read as a row of the
    /// table above, ending in the value `2017`, and the two tables' columns mixed).
    #[test]
    fn a_numbered_caption_alone_opens_the_next_aligned_table() {
        let (b, _) = run(concat!(
            "Table 18. Population by age group, 2017\n",
            "\n",
            "      Item        Total   Rate\n",
            "Food              95737   4.6\n",
            "Education         32296   2.0\n",
            "Transport         98131   1.9\n",
            "\n",
            "Table 5. Selected indicators by region, 2017\n",
            "\n",
            "         Item           June 2023   2023\n",
            "Total                   6144       1509.75\n",
            "Northeast               34423      9147.9\n",
        ));
        let tables = tables(&b);
        assert_eq!(tables.len(), 2, "{:?}", shape(&b));
        assert_eq!(tables[0].rows.len(), 3);
        assert_eq!(
            tables[1].title.as_deref(),
            Some("Table 5. Selected indicators by region, 2017")
        );
        assert_eq!(tables[1].columns.len(), 2);
    }

    /// lynx centres a page's title on its width, far right of a narrow table under it:
    /// a line starting right of where the rows end heads none of their columns (its year
    /// had been read as a column of values).
    #[test]
    fn a_title_right_of_the_rows_is_no_header_line() {
        let (b, _) = run(concat!(
            "                                                  Statistical release 2014\n",
            "\n",
            "        Item         Men   Women\n",
            "   United States   8695.05 5.0\n",
            "   Northeast       3840.0  25.1\n",
            "   Midwest         6116.46 -20.9\n",
        ));
        let t = tables(&b)[0];
        let paths: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(paths, ["Men", "Women"]);
        assert_eq!(t.rows[0].path, ["United States"]);
        assert_eq!(t.rows[0].cells[1].raw, "5.0");
    }

    /// w3m sets a table's columns one space apart where the widest value fills them, its
    /// header cells centred: rows read as joined by single spaces would take a padded gap
    /// for an empty cell (`Food   703.9   2467.4`: 703.9 under `Total`). Values that all
    /// start where the full rows' values start stand in columns: aligned text.
    #[test]
    fn values_standing_in_columns_are_no_rows_joined_by_single_spaces() {
        let (b, _) = run(concat!(
            "           Item             Total  Rate   Standard error\n",
            "Total                       59147 2844.81 1540.8\n",
            "Women                             1805.02 4955.63\n",
            "    Food                          703.9   2467.4\n",
            "    Communication           5131  4247.2  1342.82\n",
            "Unemployed                  65565 9304.7\n",
            "    Clothing and footwear   86164 6119.37 2548.4\n",
            "    Health                  66371         5965.0\n",
            "Seasonally adjusted         17666 4359.13 1391.1\n",
        ));
        let t = tables(&b)[0];
        assert_eq!(t.style, "aligned");
        let food = t
            .rows
            .iter()
            .find(|r| r.path == ["Women", "Food"])
            .expect("Food under Women");
        let raws: Vec<&str> = food.cells.iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(raws, ["", "703.9", "2467.4"]);
    }

    fn tables(b: &[Block]) -> Vec<&crate::model::Table> {
        b.iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(&**t),
                _ => None,
            })
            .collect()
    }

    /// `(row path, column path, raw)` of a table's cells.
    fn path_cells(t: &crate::model::Table) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for r in &t.rows {
            for (c, cell) in t.columns.iter().zip(&r.cells) {
                out.push((r.path.join(">"), c.path.join(">"), cell.raw.clone()));
            }
        }
        out
    }

    /// pandoc's pipe table of a three-row header, the lower rows packed left under the
    /// corner: its first row names a fiscal year (`2022-23`) and a year, periods both, no
    /// values (it had been read as a row of data, its values `2022-23` and `2023`).
    #[test]
    fn a_header_row_of_a_fiscal_year_and_a_year_heads_the_columns() {
        let (b, _) = run(concat!(
            "| Item      | 2022-23 |          |          |          | 2023    |          |          |          |\n",
            "|-----------|---------|----------|----------|----------|---------|----------|----------|----------|\n",
            "| Full-time |         | Original |          | Full-time |        | Original |          |          |\n",
            "| Index     | % change | Index   | % change | Index    | % change | Index   | % change |          |\n",
            "| Food      | 9970.2  | 28994    | 4285.8   | 5750.8   | 47280   | 4463.94  | 7091.7   | -19.6    |\n",
            "| Housing   | 5006.53 |          | 3287.6   | 3074.6   | 75825   | 6854.6   | 1457.87  | -5.4     |\n",
        ));
        let t = tables(&b);
        assert_eq!(t.len(), 1, "{:?}", shape(&b));
        let c = path_cells(t[0]);
        let has = |r: &str, k: &str, v: &str| c.iter().any(|x| x.0 == r && x.1 == k && x.2 == v);
        assert!(has("Food", "2022-23>Full-time>Index", "9970.2"), "{c:?}");
        assert!(has("Housing", "2022-23>Full-time>% change", ""), "{c:?}");
        assert!(has("Food", "2023>Original>% change", "-19.6"), "{c:?}");
    }

    /// w3m draws a bordered table as a box: its first row opens with the word naming the
    /// rows, then labels and periods (`Total`, `2019`, `Q2 2023`): the header, not a row.
    #[test]
    fn a_first_row_opening_with_the_rows_name_is_the_header() {
        let (b, _) = run(concat!(
            "┌───────────┬─────┬─────┬───────┬─────┐\n",
            "│   Item    │Total│2019 │Q2 2023│2022 │\n",
            "├───────────┼─────┼─────┼───────┼─────┤\n",
            "│Total      │12.6 │30356│9902.37│     │\n",
            "├───────────┼─────┼─────┼───────┼─────┤\n",
            "│Full-time  │15.7 │81028│8424.7 │49624│\n",
            "└───────────┴─────┴─────┴───────┴─────┘\n",
        ));
        let t = tables(&b);
        let paths: Vec<String> = t[0].columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(paths, ["Total", "2019", "Q2 2023", "2022"]);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(t[0].rows[0].path, ["Total"]);
        assert_eq!(t[0].rows[0].cells[0].raw, "12.6");
    }

    /// Two tables printed one under the other, a blank line between, the second with no
    /// caption: its header line, opening with the word naming the rows, starts a table
    /// of its own (the two had been read as one, their columns mixed).
    #[test]
    fn a_header_line_naming_the_rows_after_a_blank_line_opens_a_table() {
        let (b, _) = run(concat!(
            "      Item              Men   Women\n",
            "Wholesale trade        61163 6920.3\n",
            "Mining                 1733  1070.2\n",
            "\n",
            "      Item              2022-23      2021     2019\n",
            "Leisure and hospitality  -7.2        12.7     91257\n",
            "Agriculture              10.9        -2.3     62238\n",
        ));
        let t = tables(&b);
        assert_eq!(t.len(), 2, "{:?}", shape(&b));
        assert_eq!(t[0].columns.len(), 2);
        assert_eq!(t[1].columns.len(), 3);
        let c = path_cells(t[1]);
        assert!(
            c.contains(&("Agriculture".into(), "2021".into(), "-2.3".into())),
            "{c:?}"
        );
    }

    /// A page's title at the left margin, a blank line under it, over a header whose
    /// first line prints only the years and whose second opens with `Item`: the title
    /// is no header line (its year had been read as a value).
    #[test]
    fn a_title_over_the_corner_of_a_header_opening_with_its_years_is_no_header() {
        let (b, _) = run(concat!(
            "Statistical release 2011\n",
            "\n",
            "                            2023               2022\n",
            "           Item     Total  Men    Women      Men    Women\n",
            "Total               27.4   596.63 50907      9165.08 34442\n",
            "Part-time           21.0   1651.3 37213      7695.5  53743\n",
        ));
        let t = tables(&b);
        assert_eq!(t.len(), 1, "{:?}", shape(&b));
        let c = path_cells(t[0]);
        assert!(
            c.contains(&("Total".into(), "2023>Men".into(), "596.63".into())),
            "{c:?}"
        );
        assert!(
            c.contains(&("Part-time".into(), "2022>Women".into(), "53743".into())),
            "{c:?}"
        );
        assert!(!c.iter().any(|x| x.2 == "2011"), "{c:?}");
    }

    #[test]
    fn issue_13_rows_of_a_form_are_not_headings() {
        let text = "\
一、总体情况
项目 | 金额 |
一、财政拨款收入 | 10 |
二、事业收入
三、其他收入

其中:1.当面申请数
2.传真申请数
3.网上申请数

四、一般公共预算财政拨款          9746.50   一、一般公共服务支出
五、其他
";
        let (blocks, _) = run(text);
        let headings: Vec<(u32, String)> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some((h.lines[0], h.title.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(headings, [(1, "总体情况".to_string())]);
    }
}
