//! HTML pages: bytes -> [`Item`]s (text lines, tables with their spans, page furniture)
//! for [`crate::markup`], which reads them into the same blocks as text.
//!
//! The page is parsed by html5ever (through `scraper`), a full HTML5 parser: implied end
//! tags, `<tbody>`, misnested markup and entities are read as a browser reads them. The
//! parser's sink is wrapped to record the source line of every element, so each block,
//! table row and warning names a line a user can find in the file.
//!
//! Reading rules (none names a report or a site):
//! - Block elements (`p`, `div`, `h1`–`h6`, `li`, …) end a block; `<br>` ends a line of
//!   the block. Inline runs (`span`, `font`, `strong`, …) join as printed.
//! - A cell's text is its parts (split by `<br>`, `<p>`, `<div>`) joined as a wrapped
//!   label is joined in text: without a separator between CJK characters.
//! - Page furniture: `nav`, `header`, `footer`, `aside`, elements whose class or id names
//!   navigation (`nav`, `breadcrumb`, `position`, `footer`, `menu`, `share`, `print`, …),
//!   short lines that only site chrome prints (`当前位置`, `浏览次数`, `打印本页`, `ICP备`),
//!   and metadata tables of `label：value` cells (`索引号：`), whose fields go to `meta`.

use crate::markup::{GridCell, GridRow, GridTable, Item};
use crate::model::MetaField;
use crate::normalize::{compact, join_label};
use ego_tree::{NodeId, NodeRef};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use rustc_hash::FxHashMap as HashMap;
use scraper::{Html, HtmlTreeSink, Node};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// True when `text` starts as an HTML document or fragment (after a BOM, white space and
/// comments): `<!DOCTYPE html`, `<html`, `<head`, `<body`, `<meta`, `<title`, `<table`.
/// Markdown often starts with a raw `<div>` or `<p>`, so those do not count.
///
/// ```
/// assert!(govreport::html::looks_like_html("\u{feff}<!DOCTYPE html><html>"));
/// assert!(govreport::html::looks_like_html("  <table><tr><td>1</td></tr></table>"));
/// assert!(!govreport::html::looks_like_html("一、总体情况\n<p>"));
/// assert!(!govreport::html::looks_like_html("<div class=\"position\">\n\n当前位置"));
/// ```
pub fn looks_like_html(text: &str) -> bool {
    let mut t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    // skip leading comments and an XML declaration
    loop {
        if let Some(rest) = t.strip_prefix("<!--") {
            match rest.find("-->") {
                Some(e) => t = rest[e + 3..].trim_start(),
                None => return false,
            }
        } else if t.starts_with("<?xml") {
            match t.find("?>") {
                Some(e) => t = t[e + 2..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    let head: String = t.chars().take(16).collect::<String>().to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<table",
        "<title",
    ]
    .iter()
    .any(|p| head.starts_with(p))
}

/// The encoding a page declares in its first 2 KiB (`<meta charset="gbk">`,
/// `content="text/html; charset=gb2312"`), as an [`EncodingChoice`](crate::decode::EncodingChoice).
pub fn declared_charset(bytes: &[u8]) -> Option<crate::decode::EncodingChoice> {
    use crate::decode::EncodingChoice as E;
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = memchr::memmem::find(&lower, b"charset=")?;
    let rest = &lower[pos + 8..];
    let rest = rest
        .iter()
        .position(|&b| b != b'"' && b != b'\'' && b != b' ')
        .map_or(&rest[rest.len()..], |k| &rest[k..]);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    match &rest[..end] {
        b"gb2312" | b"gbk" | b"gb18030" | b"x-gbk" | b"cp936" => Some(E::Gb18030),
        b"big5" | b"big5-hkscs" => Some(E::Big5),
        b"utf-8" | b"utf8" => Some(E::Utf8),
        _ => None,
    }
}

/// Reads a decoded HTML page (or fragment) into items in document order.
pub fn items(text: &str) -> Vec<Item> {
    let (html, lines) = parse_with_lines(text);
    let mut w = Walker {
        lines: &lines,
        items: Vec::new(),
        buf: String::new(),
        buf_line: 1,
        joined: false,
        furniture: 0,
    };
    let root = html.tree.root();
    // the body's content, or the whole tree for a fragment
    let body = root
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "body"));
    w.walk(body.unwrap_or(root), 1);
    w.flush(false);
    w.items
}

/// The items of a text or Markdown file that holds raw HTML tables (pandoc `-t gfm`
/// writes tables whose cells hold line breaks so; PDF-to-Markdown converters often do):
/// each region from a line with `<table` to the line closing it is read as HTML, every
/// other line is kept as it is. `None` when the text holds no `<table`.
pub fn text_items(text: &str) -> Option<Vec<Item>> {
    let b = text.as_bytes();
    let marked = ["<table", "<TABLE", "<span", "<SPAN", "<font", "<FONT"]
        .iter()
        .any(|m| memchr::memmem::find(b, m.as_bytes()).is_some());
    if !marked {
        return None;
    }
    let lines = crate::lines::split_lines(text);
    let mut out = Vec::new();
    let mut i = 0;
    // an inline tag opened on the line before and closed on this one
    let mut open_tag = false;
    while i < lines.len() {
        let lower = lines[i].text.to_ascii_lowercase();
        if !lower.contains("<table") {
            let (text, open) = split_tag_lines(&lines[i].text, open_tag);
            open_tag = open;
            out.push(Item::Raw {
                line: lines[i].no,
                text: strip_inline_tags(text),
            });
            i += 1;
            continue;
        }
        open_tag = false;
        // the region: to the line where every opened table is closed
        let mut depth = 0i64;
        let mut j = i;
        while j < lines.len() {
            let l = lines[j].text.to_ascii_lowercase();
            depth += l.matches("<table").count() as i64;
            depth -= l.matches("</table").count() as i64;
            j += 1;
            if depth <= 0 {
                break;
            }
        }
        let region = lines[i..j]
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let offset = lines[i].no - 1;
        for item in items(&region) {
            out.push(shift(item, offset));
        }
        i = j;
    }
    Some(out)
}

/// The inline HTML tags Markdown converters leave in running text and cells (their text
/// stays, the tags go), as a regex alternation.
const INLINE_TAGS: &str = "span|font|strong|b|em|i|u|sup|sub|a|small|big|o:p";

/// The part of a line that is not an inline tag wrapped over lines (pandoc `-t gfm` wraps a
/// long `<span style="…">` after the tag's name: `<span` / `style="…">text`), and whether
/// the line leaves such a tag open: a line continuing an open tag loses the text up to its
/// `>` (all of it where none), a line ending in an inline tag's start loses that start.
///
/// ```
/// use govreport::html::split_tag_lines;
/// assert_eq!(split_tag_lines("    <span", false), ("    ", true));
/// assert_eq!(split_tag_lines("style=\"font-size:16pt;\">（一）主动公开。", true), ("（一）主动公开。", false));
/// assert_eq!(split_tag_lines("a < b", false), ("a < b", false));
/// ```
pub fn split_tag_lines(line: &str, open: bool) -> (&str, bool) {
    static START: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let mut t = line;
    if open {
        match t.find('>') {
            Some(p) => t = &t[p + 1..],
            None => return ("", !t.contains('<')),
        }
    }
    let start = START.get_or_init(|| {
        regex::Regex::new(&format!(r"(?i)<(?:{INLINE_TAGS})(?:\s[^<>]*)?$")).expect("valid regex")
    });
    match start.find(t) {
        Some(m) => (&t[..m.start()], true),
        None => (t, false),
    }
}

/// A text line without inline HTML markup: `<span …>`, `</font>`, `<strong>` and the
/// like are removed (their text stays), and a line that is nothing but one tag
/// (`<div class="x">`, `</div>`) becomes blank; `**` pairs (Markdown strong emphasis)
/// are removed. Markdown converters leave such markup
/// around runs of Word-exported pages, inside pipe-table cells too.
///
/// ```
/// use govreport::html::strip_inline_tags;
/// assert_eq!(strip_inline_tags("| <span style=\"x\">规</span><span>章</span> | 3 |"), "| 规章 | 3 |");
/// assert_eq!(strip_inline_tags("<div class=\"info\">"), "");
/// assert_eq!(strip_inline_tags("a < b > c"), "a < b > c");
/// assert_eq!(strip_inline_tags("　　**二、主动公开**"), "　　二、主动公开");
/// ```
pub fn strip_inline_tags(line: &str) -> String {
    static INLINE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static ALONE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let alone = ALONE.get_or_init(|| {
        regex::Regex::new(r"^\s*</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>\s*$").expect("valid regex")
    });
    // Markdown strong emphasis around a run (`**二、…**`) is markup too
    let owned;
    let stars = line.matches("**").count();
    let line = if stars >= 2 && stars.is_multiple_of(2) {
        owned = line.replace("**", "");
        owned.as_str()
    } else {
        line
    };
    if !line.contains('<') {
        return line.to_string();
    }
    if alone.is_match(line) {
        return String::new();
    }
    let inline = INLINE.get_or_init(|| {
        regex::Regex::new(&format!(r"(?i)</?(?:{INLINE_TAGS})(?:\s[^<>]*)?>")).expect("valid regex")
    });
    inline.replace_all(line, "").into_owned()
}

/// An item with its lines moved down by `offset`.
fn shift(item: Item, offset: u32) -> Item {
    match item {
        Item::Text { line, text, joined } => Item::Text {
            line: line + offset,
            text,
            joined,
        },
        Item::Raw { line, text } => Item::Raw {
            line: line + offset,
            text,
        },
        Item::Furniture { line, text } => Item::Furniture {
            line: line + offset,
            text,
        },
        Item::Field(mut f) => {
            f.line += offset;
            Item::Field(f)
        }
        Item::Table(mut t) => {
            t.line += offset;
            for r in t.rows.iter_mut() {
                r.line += offset;
            }
            Item::Table(t)
        }
    }
}

/// Parses `text`, recording the source line of every element.
fn parse_with_lines(text: &str) -> (Html, HashMap<NodeId, u32>) {
    let sink = LineSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        line: Cell::new(1),
        lines: RefCell::new(HashMap::default()),
    };
    let lines_out = std::rc::Rc::new(RefCell::new(HashMap::default()));
    let sink = LineSinkOut {
        sink,
        out: lines_out.clone(),
    };
    let html = html5ever::driver::parse_document(sink, Default::default()).one(text);
    let lines = std::mem::take(&mut *lines_out.borrow_mut());
    (html, lines)
}

/// Deepest element nesting walked recursively; deeper content is read as one run of text
/// (a hostile page of 100,000 nested elements must not exhaust the stack).
const MAX_DEPTH: usize = 200;

/// The HTML block elements: each ends the line of text before it and after it.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "main"
            | "center"
            | "address"
            | "figure"
            | "figcaption"
            | "hr"
            | "form"
            | "fieldset"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "tr"
            | "caption"
    )
}

/// Elements whose content is never text of the page.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "svg"
            | "math"
            | "title"
    )
}

/// An element that holds page furniture by its tag, class or id.
fn is_furniture_element(e: &scraper::node::Element) -> bool {
    if matches!(e.name(), "nav" | "header" | "footer" | "aside") {
        return true;
    }
    const WORDS: [&str; 16] = [
        "nav",
        "navbar",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "position",
        "location",
        "footer",
        "menu",
        "share",
        "print",
        "copyright",
        "toolbar",
        "sidebar",
        "topbar",
    ];
    let named = |v: Option<&str>| {
        v.is_some_and(|v| {
            v.to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| WORDS.contains(&w))
        })
    };
    named(e.attr("class")) || named(e.attr("id"))
}

/// A short line only site chrome prints: location, counters, print and close buttons,
/// registration numbers.
pub fn is_furniture_text(t: &str) -> bool {
    if t.chars().count() > 160 {
        return false;
    }
    let starts = [
        "当前位置",
        "您的位置",
        "您当前的位置",
        "您现在的位置",
        "当前的位置",
        "主办：",
        "主办单位",
        "【打印",
        "[打印",
    ];
    let contains = [
        "浏览次数",
        "访问次数",
        "阅读次数",
        "打印本页",
        "关闭窗口",
        "【字体",
        "网站标识码",
        "ICP备",
        "公网安备",
        "版权所有",
    ];
    starts.iter().any(|s| t.starts_with(s))
        || contains.iter().any(|s| t.contains(s))
        || (t.starts_with("发布时间") && (t.contains("来源") || t.contains("浏览")))
}

struct Walker<'a> {
    lines: &'a HashMap<NodeId, u32>,
    items: Vec<Item>,
    buf: String,
    buf_line: u32,
    /// The next line continues the block (after a `<br>`).
    joined: bool,
    /// Depth of furniture elements around the walk.
    furniture: usize,
}

impl Walker<'_> {
    fn line(&self, id: NodeId, fallback: u32) -> u32 {
        self.lines.get(&id).copied().unwrap_or(fallback)
    }

    fn walk(&mut self, node: NodeRef<'_, Node>, line: u32) {
        self.walk_at(node, line, 0);
    }

    fn walk_at(&mut self, node: NodeRef<'_, Node>, line: u32, depth: usize) {
        if depth > MAX_DEPTH {
            // nesting no page needs: the text below, as one run, without recursion
            if self.buf.is_empty() {
                self.buf_line = line;
            }
            for n in node.descendants() {
                if let Node::Text(t) = n.value() {
                    push_collapsed(&mut self.buf, t);
                }
            }
            return;
        }
        for child in node.children() {
            match child.value() {
                Node::Text(t) => {
                    if self.buf.is_empty() {
                        self.buf_line = line;
                    }
                    push_collapsed(&mut self.buf, t);
                }
                Node::Element(e) => {
                    let name = e.name();
                    let here = self.line(child.id(), line);
                    if is_skipped(name) {
                        continue;
                    }
                    if name == "br" {
                        self.flush(true);
                        continue;
                    }
                    let furniture = is_furniture_element(e);
                    if name == "table" && !is_layout_table(child) {
                        self.flush(false);
                        self.furniture += usize::from(furniture);
                        self.table(child, here);
                        self.furniture -= usize::from(furniture);
                        continue;
                    }
                    // (cells reach the walk only inside a layout table: each is a block)
                    let block = is_block(name) || matches!(name, "table" | "td" | "th");
                    if block || furniture {
                        self.flush(false);
                    }
                    self.furniture += usize::from(furniture);
                    self.walk_at(child, here, depth + 1);
                    if block || furniture {
                        self.flush(false);
                    }
                    self.furniture -= usize::from(furniture);
                }
                _ => {}
            }
        }
    }

    /// Ends the current line; `br` says the next line continues the block.
    fn flush(&mut self, br: bool) {
        let t = compact(&self.buf);
        self.buf.clear();
        if !t.is_empty() {
            if self.furniture > 0 || is_furniture_text(&t) {
                self.items.push(Item::Furniture {
                    line: self.buf_line,
                    text: t,
                });
            } else {
                self.items.push(Item::Text {
                    line: self.buf_line,
                    text: t,
                    joined: self.joined,
                });
            }
            self.joined = br;
        } else if !br {
            self.joined = false;
        }
    }

    fn table(&mut self, node: NodeRef<'_, Node>, line: u32) {
        let mut t = GridTable {
            line,
            caption: None,
            rows: Vec::new(),
        };
        self.rows(node, line, &mut t);
        if self.furniture > 0 {
            let text = table_text(&t);
            if !text.is_empty() {
                self.items.push(Item::Furniture { line, text });
            }
            return;
        }
        if let Some(fields) = meta_fields(&t) {
            for f in fields {
                self.items.push(Item::Field(f));
            }
            let text = table_text(&t);
            self.items.push(Item::Furniture { line, text });
            return;
        }
        if t.rows.is_empty() {
            return;
        }
        self.items.push(Item::Table(t));
    }

    /// The rows of a table: `tr` children of the table and of its row groups.
    fn rows(&self, node: NodeRef<'_, Node>, line: u32, t: &mut GridTable) {
        for child in node.children() {
            let Node::Element(e) = child.value() else {
                continue;
            };
            let here = self.line(child.id(), line);
            match e.name() {
                "thead" => {
                    let from = t.rows.len();
                    self.rows(child, here, t);
                    for r in &mut t.rows[from..] {
                        r.head = true;
                    }
                }
                "tbody" | "tfoot" => self.rows(child, here, t),
                "caption" => {
                    let c = cell_text(child);
                    if !c.is_empty() {
                        t.caption = Some(c);
                    }
                }
                "tr" => {
                    let mut row = GridRow {
                        line: here,
                        cells: Vec::new(),
                        head: false,
                    };
                    let mut all_th = true;
                    for cell in child.children() {
                        let Node::Element(ce) = cell.value() else {
                            continue;
                        };
                        if !matches!(ce.name(), "td" | "th") {
                            continue;
                        }
                        all_th &= ce.name() == "th";
                        row.cells.push(GridCell {
                            text: cell_text(cell),
                            colspan: span(ce.attr("colspan"), 1).max(1),
                            rowspan: span(ce.attr("rowspan"), 1),
                            continues: false,
                        });
                    }
                    row.head = all_th && !row.cells.is_empty();
                    t.rows.push(row);
                }
                _ => {}
            }
        }
    }
}

/// A table used to lay out the page rather than to hold data: one of its cells holds
/// another table or a heading element, or one holds more than 300 characters of text (a
/// whole article) and no cell holds a number. Its cells are read as blocks, so the
/// tables inside are found.
fn is_layout_table(table: NodeRef<'_, Node>) -> bool {
    let mut cell_chars = 0usize;
    let mut long = false;
    for n in table.descendants().skip(1) {
        match n.value() {
            Node::Element(e) => match e.name() {
                "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => return true,
                "td" | "th" => cell_chars = 0,
                _ => {}
            },
            Node::Text(t) => {
                cell_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                long |= cell_chars > 300;
            }
            _ => {}
        }
    }
    long && !table.descendants().any(|n| {
        matches!(n.value(), Node::Element(e) if matches!(e.name(), "td" | "th"))
            && crate::table::value::kind_of(crate::normalize::trim(&cell_text(n)))
                == crate::model::CellKind::Number
    })
}

/// A span attribute: leading digits, as browsers read it; `default` when absent or bad.
fn span(v: Option<&str>, default: usize) -> usize {
    let Some(v) = v else { return default };
    let d: String = v
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .take(6)
        .collect();
    d.parse().unwrap_or(default)
}

/// Appends text with white space runs collapsed to one space.
fn push_collapsed(buf: &mut String, t: &str) {
    for c in t.chars() {
        if c.is_whitespace() {
            if !buf.ends_with(' ') && !buf.is_empty() {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

/// The text of a cell: parts split by line breaks and blocks, joined as printed.
fn cell_text(node: NodeRef<'_, Node>) -> String {
    let mut parts: Vec<String> = vec![String::new()];
    gather(node, &mut parts, 0);
    parts
        .iter()
        .map(|p| compact(p))
        .fold(String::new(), |a, b| join_label(&a, &b))
}

fn gather(node: NodeRef<'_, Node>, parts: &mut Vec<String>, depth: usize) {
    if depth > MAX_DEPTH {
        for n in node.descendants() {
            if let (Node::Text(t), Some(p)) = (n.value(), parts.last_mut()) {
                push_collapsed(p, t);
            }
        }
        return;
    }
    for child in node.children() {
        match child.value() {
            Node::Text(t) => {
                if let Some(p) = parts.last_mut() {
                    push_collapsed(p, t);
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if is_skipped(name) {
                    continue;
                }
                if name == "br" {
                    parts.push(String::new());
                    continue;
                }
                let block = is_block(name) || name == "table" || name == "td" || name == "th";
                if block {
                    parts.push(String::new());
                }
                gather(child, parts, depth + 1);
                if block {
                    parts.push(String::new());
                }
            }
            _ => {}
        }
    }
}

/// All cell texts of a table, rows on one line each.
fn table_text(t: &GridTable) -> String {
    t.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.text.as_str())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A metadata table: [`crate::meta::fields_of`] its rows' cell texts.
fn meta_fields(t: &GridTable) -> Option<Vec<MetaField>> {
    let rows: Vec<(u32, Vec<String>)> = t
        .rows
        .iter()
        .map(|r| (r.line, r.cells.iter().map(|c| c.text.clone()).collect()))
        .collect();
    crate::meta::fields_of(rows.iter().map(|(l, c)| (*l, c.as_slice())))
}

/// html5ever's sink for scraper, wrapped to note the line each element starts on.
struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    lines: RefCell<HashMap<NodeId, u32>>,
}

/// [`LineSink`] and where its lines go when parsing finishes.
struct LineSinkOut {
    sink: LineSink,
    out: std::rc::Rc<RefCell<HashMap<NodeId, u32>>>,
}

impl TreeSink for LineSinkOut {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        *self.out.borrow_mut() = self.sink.lines.into_inner();
        self.sink.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.sink.inner.parse_error(msg)
    }
    fn set_current_line(&self, line: u64) {
        self.sink.line.set(line);
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.sink.inner.set_quirks_mode(mode)
    }
    fn get_document(&self) -> NodeId {
        self.sink.inner.get_document()
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.sink.inner.same_node(x, y)
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.sink.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.sink.inner.create_element(name, attrs, flags);
        let line = u32::try_from(self.sink.line.get()).unwrap_or(u32::MAX);
        self.sink.lines.borrow_mut().insert(id, line);
        id
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.sink.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.sink.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.sink.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.sink
            .inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.sink
            .inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.sink.inner.append_before_sibling(sibling, new_node)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.sink.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.sink.inner.reparent_children(node, new_parent)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.sink.inner.add_attrs_if_missing(target, attrs)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.sink.inner.get_template_contents(target)
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.sink.inner.mark_script_already_started(node)
    }
}
