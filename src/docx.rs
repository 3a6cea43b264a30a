//! Word `.docx` files: the zip's `word/document.xml` -> [`Item`]s for [`crate::markup`].
//!
//! Paragraphs (`w:p`) become text lines (`w:br` starts a new line of the paragraph);
//! automatic numbering (`w:numPr`, from `word/numbering.xml`) is printed before the text
//! as Word shows it (`一、`, `（一）`, `1.`), so headings are recognised as in text.
//! Tables (`w:tbl`) keep their spans: `w:gridSpan` is a colspan, `w:vMerge` without
//! `restart` continues the cell above, `w:gridBefore` skips leading grid columns.
//!
//! A docx has no lines: `lines` are block numbers (paragraphs and table rows counted
//! from 1 in document order).

use crate::markup::{GridCell, GridRow, GridTable, Item};
use crate::normalize::{compact, join_label};
use quick_xml::events::{BytesStart, Event};
use rustc_hash::FxHashMap as HashMap;
use std::io::Read;

/// Largest part read from the zip (a guard against zip bombs).
const MAX_PART: u64 = 256 * 1024 * 1024;

/// Reads the items of a `.docx`; the error says what is wrong with the file.
pub fn items(bytes: &[u8]) -> Result<Vec<Item>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a zip archive ({e})"))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| "no word/document.xml in the archive".to_string())?;
    let numbering = part(&mut zip, "word/numbering.xml")?
        .map(|x| Numbering::read(&x))
        .unwrap_or_default();
    read_document(&document, numbering)
}

fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, String> {
    let Ok(f) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    f.take(MAX_PART + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot unpack {name} ({e})"))?;
    if out.len() as u64 > MAX_PART {
        return Err(format!("{name} is larger than {MAX_PART} bytes unpacked"));
    }
    Ok(Some(out))
}

/// The value of a `w:val` (or any `*:val`) attribute.
fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == "val").then(|| a.value.to_string()))
}

/// Automatic numbering: per abstract numbering and level, the format and level text.
#[derive(Default)]
struct Numbering {
    /// numId -> abstractNumId
    nums: HashMap<String, String>,
    /// (abstractNumId, ilvl) -> (numFmt, lvlText, start)
    levels: HashMap<(String, u32), (String, String, u32)>,
    /// Counters per (abstractNumId, ilvl).
    counters: HashMap<(String, u32), u32>,
}

impl Numbering {
    fn read(xml: &[u8]) -> Numbering {
        let mut n = Numbering::default();
        let mut r = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        let (mut abs, mut lvl, mut num): (Option<String>, Option<u32>, Option<String>) =
            (None, None, None);
        let (mut fmt, mut text, mut start) = (String::new(), String::new(), 1u32);
        loop {
            let ev = match r.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => {
                        abs = e.attributes().flatten().find_map(|a| {
                            (a.key.local_name().as_ref() == "abstractNumId")
                                .then(|| a.value.to_string())
                        })
                    }
                    "lvl" => {
                        lvl = e.attributes().flatten().find_map(|a| {
                            (a.key.local_name().as_ref() == "ilvl")
                                .then(|| a.value.parse().ok())
                                .flatten()
                        });
                        (fmt, text, start) = (String::new(), String::new(), 1);
                    }
                    "numFmt" => fmt = val(&e).unwrap_or_default(),
                    "lvlText" => text = val(&e).unwrap_or_default(),
                    "start" => start = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1),
                    "num" => {
                        num = e.attributes().flatten().find_map(|a| {
                            (a.key.local_name().as_ref() == "numId").then(|| a.value.to_string())
                        })
                    }
                    "abstractNumId" => {
                        if let (Some(id), Some(v)) = (&num, val(&e)) {
                            n.nums.insert(id.clone(), v);
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "lvl" => {
                    if let (Some(a), Some(l)) = (&abs, lvl) {
                        n.levels
                            .insert((a.clone(), l), (fmt.clone(), text.clone(), start));
                    }
                }
                _ => {}
            }
            buf.clear();
        }
        n
    }

    /// The printed number of the next paragraph of `num_id` at level `ilvl`.
    fn next(&mut self, num_id: &str, ilvl: u32) -> Option<String> {
        let abs = self.nums.get(num_id)?.clone();
        let (fmt, text, start) = self.levels.get(&(abs.clone(), ilvl))?.clone();
        let c = self
            .counters
            .entry((abs.clone(), ilvl))
            .and_modify(|c| *c += 1)
            .or_insert(start);
        let c = *c;
        // deeper levels start again
        self.counters.retain(|(a, l), _| !(a == &abs && *l > ilvl));
        let mut out = text;
        for k in (0..=ilvl.min(8)).rev() {
            let pat = format!("%{}", k + 1);
            if out.contains(&pat) {
                let v = if k == ilvl {
                    c
                } else {
                    self.counters.get(&(abs.clone(), k)).copied().unwrap_or(1)
                };
                let f = if k == ilvl {
                    fmt.clone()
                } else {
                    self.levels
                        .get(&(abs.clone(), k))
                        .map(|l| l.0.clone())
                        .unwrap_or_default()
                };
                out = out.replace(&pat, &format_number(v, &f));
            }
        }
        (fmt != "bullet" && fmt != "none").then_some(out)
    }
}

/// A counter in a Word number format.
fn format_number(n: u32, fmt: &str) -> String {
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "chineseLegalSimplified"
        | "taiwaneseCountingThousand" => chinese(n),
        "lowerLetter" => letter(n).to_ascii_lowercase(),
        "upperLetter" => letter(n),
        "lowerRoman" => roman(n).to_ascii_lowercase(),
        "upperRoman" => roman(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), |c| c.to_string())
        }
        _ => n.to_string(),
    }
}

fn chinese(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n - 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

fn letter(n: u32) -> String {
    let k = ((n.max(1) - 1) % 26) as u8;
    ((b'A' + k) as char).to_string()
}

fn roman(mut n: u32) -> String {
    const R: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v && s.len() < 20 {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// One open table while reading.
#[derive(Default)]
struct OpenTable {
    table: GridTable,
    row: Option<GridRow>,
    cell: Option<OpenCell>,
}

#[derive(Default)]
struct OpenCell {
    parts: Vec<String>,
    colspan: usize,
    continues: bool,
}

/// Most tables open inside each other.
const MAX_DEPTH: usize = 32;

/// The next event of an XML part, none at its end; an error naming the part (`what`) and
/// the byte where it is not well-formed.
pub(crate) fn next_event<'b>(
    r: &mut quick_xml::Reader<&[u8]>,
    buf: &'b mut Vec<u8>,
    what: &str,
) -> Result<Option<Event<'b>>, String> {
    buf.clear();
    match r.read_event_into(buf) {
        Ok(Event::Eof) => Ok(None),
        Ok(ev) => Ok(Some(ev)),
        Err(e) => Err(format!(
            "{what} is not well-formed XML at byte {} ({e})",
            r.buffer_position()
        )),
    }
}

/// Appends the character an XML reference (`&amp;`, `&#20013;`) stands for; an entity
/// XML does not predefine adds nothing.
pub(crate) fn push_reference(g: &quick_xml::events::BytesRef<'_>, out: &mut String) {
    if let Ok(Some(c)) = g.resolve_char_ref() {
        out.push(c);
        return;
    }
    match g.xml10_content().as_ref() {
        "amp" => out.push('&'),
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        _ => {}
    }
}

fn read_document(xml: &[u8], mut numbering: Numbering) -> Result<Vec<Item>, String> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut items = Vec::new();
    let mut tables: Vec<OpenTable> = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut block = 0u32;
    let mut num: (Option<String>, u32) = (None, 0);
    while let Some(ev) = next_event(&mut r, &mut buf, "word/document.xml")? {
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => {
                    para.clear();
                    num = (None, 0);
                    block += 1;
                }
                "t" => in_text = true,
                "tbl" => {
                    if tables.len() < MAX_DEPTH {
                        tables.push(OpenTable::default());
                        if let Some(t) = tables.last_mut() {
                            t.table.line = block + 1;
                        }
                    }
                }
                "tr" => {
                    block += 1;
                    if let Some(t) = tables.last_mut() {
                        t.row = Some(GridRow {
                            line: block,
                            cells: Vec::new(),
                            head: false,
                        });
                    }
                }
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        t.cell = Some(OpenCell {
                            colspan: 1,
                            ..OpenCell::default()
                        });
                    }
                }
                name => cell_property(name, &e, &mut tables, &mut num),
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "br" | "cr" => para.push('\n'),
                "tab" => para.push(' '),
                "p" => block += 1,
                name => cell_property(name, &e, &mut tables, &mut num),
            },
            Event::Text(t) if in_text => para.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_text => push_reference(&g, &mut para),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let prefix = match &num.0 {
                        Some(id) => numbering.next(id, num.1).unwrap_or_default(),
                        None => String::new(),
                    };
                    let text = format!("{prefix}{para}");
                    para.clear();
                    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        cell.parts.extend(text.split('\n').map(compact));
                    } else {
                        let mut joined = false;
                        for l in text.split('\n') {
                            let l = compact(l);
                            if l.is_empty() {
                                continue;
                            }
                            items.push(Item::Text {
                                line: block,
                                text: l,
                                joined,
                            });
                            joined = true;
                        }
                    }
                }
                "tc" => {
                    if let Some(t) = tables.last_mut()
                        && let Some(c) = t.cell.take()
                    {
                        let text = c.parts.iter().fold(String::new(), |a, b| join_label(&a, b));
                        if let Some(row) = t.row.as_mut() {
                            row.cells.push(GridCell {
                                text,
                                colspan: c.colspan.max(1),
                                rowspan: 1,
                                continues: c.continues,
                            });
                        }
                    }
                }
                "tr" => {
                    if let Some(t) = tables.last_mut()
                        && let Some(row) = t.row.take()
                    {
                        t.table.rows.push(row);
                    }
                }
                "tbl" => {
                    if let Some(done) = tables.pop() {
                        match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            // a table inside a cell: its text is part of the cell
                            Some(cell) => cell.parts.extend(
                                done.table
                                    .rows
                                    .iter()
                                    .flat_map(|r| r.cells.iter().map(|c| c.text.clone())),
                            ),
                            None => items.push(Item::Table(done.table)),
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(items)
}

/// Cell and paragraph properties that shape the grid or number a paragraph.
fn cell_property(
    name: &str,
    e: &BytesStart<'_>,
    tables: &mut [OpenTable],
    num: &mut (Option<String>, u32),
) {
    match name {
        "gridSpan" => {
            if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                c.colspan = val(e)
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
            }
        }
        "vMerge" => {
            if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                c.continues = val(e).is_none_or(|v| v != "restart");
            }
        }
        "gridBefore" => {
            if let Some(t) = tables.last_mut()
                && let Some(row) = t.row.as_mut()
            {
                let n = val(e)
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0)
                    .min(1000);
                if n > 0 {
                    row.cells.push(GridCell {
                        text: String::new(),
                        colspan: n,
                        rowspan: 1,
                        continues: false,
                    });
                }
            }
        }
        "tblHeader" => {
            if let Some(row) = tables.last_mut().and_then(|t| t.row.as_mut()) {
                row.head = val(e).is_none_or(|v| v != "0" && v != "false");
            }
        }
        "numId" => num.0 = val(e).filter(|v| v != "0"),
        "ilvl" => num.1 = val(e).and_then(|v| v.parse().ok()).unwrap_or(0).min(8),
        _ => {}
    }
}
