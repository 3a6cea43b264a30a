//! Hostile input: texts built to make a parser slow (super-linear work) or make it panic.
//! Each must return (a document or an error, never a panic) and keep the invariants: every
//! non-blank line inside some block, every row as wide as its columns.
//!
//! Times are printed (`cargo test -- --nocapture`), not asserted: they depend on the
//! machine and the build. The figures for a release build are in `docs/benchmarks.md`.

use govreport::Options;
use std::time::Instant;

/// Parses `text`, prints the time, checks the invariants; returns the document, if any.
fn parse(name: &str, text: &[u8]) -> Option<govreport::Document> {
    let t = Instant::now();
    let r = govreport::parse_bytes(text, name, &Options::default());
    eprintln!(
        "hostile {name}: {} bytes in {:?} ({})",
        text.len(),
        t.elapsed(),
        if r.is_ok() { "parsed" } else { "refused" }
    );
    let doc = r.ok()?;
    check(&doc, text);
    Some(doc)
}

/// Every non-blank line is covered; every row has one cell per column.
pub fn check(doc: &govreport::Document, text: &[u8]) {
    let decoded = govreport::decode::decode(text, govreport::decode::EncodingChoice::Auto);
    let lines = govreport::lines::split_lines(&decoded.text);
    // how many blocks cover each line, by a difference array (linear in lines + blocks)
    let mut diff = vec![0i64; lines.len() + 2];
    for b in &doc.blocks {
        let [a, z] = b.lines();
        assert!(a >= 1 && a <= z, "block lines {a}..{z}");
        diff[(a as usize).min(lines.len() + 1)] += 1;
        diff[(z as usize + 1).min(lines.len() + 1)] -= 1;
    }
    let mut depth = 0;
    for l in &lines {
        depth += diff[l.no as usize];
        assert!(
            l.is_blank() || depth > 0,
            "line {} ({:?}) is in no block",
            l.no,
            l.text
        );
    }
    for t in doc.tables() {
        for r in &t.rows {
            assert_eq!(r.cells.len(), t.columns.len(), "row {} of {}", r.line, t.id);
        }
    }
    for w in doc.blocks.windows(2) {
        assert!(
            w[0].lines()[0] <= w[1].lines()[0],
            "block at {:?} after {:?}",
            w[1].lines(),
            w[0].lines()
        );
    }
}

#[test]
fn single_line_of_10_mb() {
    let text = "很长的一行没有换行".repeat(10_000_000 / 27 + 1);
    let doc = parse("single-line", text.as_bytes()).expect("parsed");
    assert_eq!(doc.blocks.len(), 1);
}

#[test]
fn row_of_100_000_cells() {
    let mut text = String::from("信息内容 | 数量 |\n规章");
    for i in 0..100_000 {
        text.push_str(&format!(" | {}", i % 10));
    }
    text.push_str(" |\n");
    parse("wide-row", text.as_bytes()).expect("parsed");
}

#[test]
fn million_lines_of_bars() {
    let text = "|\n".repeat(1_000_000);
    parse("bars", text.as_bytes()).expect("parsed");
}

#[test]
fn ten_thousand_nested_outline_numbers() {
    // one number nested 10,000 deep, in both the decimal and the bracketed form
    let mut text = format!("1{} Title\n", ".1".repeat(10_000));
    text.push_str(&format!(
        "{}一{}标题\n",
        "（".repeat(10_000),
        "）".repeat(10_000)
    ));
    // 10,000 headings and 10,000 row labels going one outline level deeper each time
    let marks = ["一、", "（一）", "1.", "（1）", "①"];
    let mut table = String::from("项目 | 数量 |\n");
    for i in 0..10_000 {
        let m = marks[i % marks.len()];
        text.push_str(&format!("{m}第{i}节\n"));
        table.push_str(&format!("{m}第{i}项 | {i} |\n"));
    }
    text.push_str(&table);
    let doc = parse("nested-outline", text.as_bytes()).expect("parsed");
    assert!(doc.tables().next().is_some_and(|t| t.rows.len() == 10_000));
}

#[test]
fn deeply_repeated_header_rows() {
    // 10,000 header rows over one data row (a partial header the span search must give up on)
    let header = "申请人情况 |\n自然人 | 法人或其他组织 | 总计 |\n";
    let mut text = header.repeat(5_000);
    text.push_str("规章 | 1 | 2 | 3 |\n");
    parse("repeated-headers", text.as_bytes()).expect("parsed");
    // header, data, header, data…: the repeated header is a header (one continued table
    // or many), never a data row
    let block = "信息内容 | 本年新制作数量 | 本年新公开数量 |\n规章 | 1 | 2 |\n";
    let doc = parse("alternating-headers", block.repeat(10_000).as_bytes()).expect("parsed");
    let rows: Vec<_> = doc.tables().flat_map(|t| &t.rows).collect();
    assert_eq!(rows.len(), 10_000);
    assert!(
        rows.iter()
            .all(|r| r.path.last().is_some_and(|l| l == "规章"))
    );
    // 2,000 partial header rows of growing width over 15 value columns
    let mut text = String::new();
    for i in 0..2_000 {
        let row: Vec<String> = (0..(i % 7 + 1)).map(|k| format!("列{k}")).collect();
        text.push_str(&row.join(" | "));
        text.push_str(" |\n");
    }
    text.push_str(&format!("合计 |{}\n", " 1 |".repeat(15)));
    parse("growing-headers", text.as_bytes()).expect("parsed");
}

#[test]
fn only_zero_bar() {
    parse("zero-bar-once", b"0 |").expect("parsed");
    let text = "0 |\n".repeat(200_000);
    let doc = parse("zero-bar", text.as_bytes()).expect("parsed");
    assert!(doc.tables().count() >= 1);
}

// Found while writing these: each was super-linear before its `perf:` commit.

#[test]
fn cell_with_a_million_spaces() {
    let text = format!("规章 | 1{}2 | 3 |\n", " ".repeat(1_000_000));
    parse("spaces-cell", text.as_bytes()).expect("parsed");
}

#[test]
fn paragraph_of_50_000_wrapped_lines() {
    let text = "这是一个很长的段落文字没有任何标点符号一直写下去直到结束\n".repeat(50_000);
    let doc = parse("wrapped-paragraph", text.as_bytes()).expect("parsed");
    assert_eq!(doc.blocks.len(), 1);
}

#[test]
fn markdown_row_wider_than_the_rest() {
    let text = format!(
        "| 规章 |{}\n{}",
        " 1 |".repeat(20_000),
        "| b | 1 |\n".repeat(20_000)
    );
    let doc = parse("wide-markdown", text.as_bytes()).expect("parsed");
    // rows of different widths are no grid: read as ragged rows, the wide one warned about
    assert!(doc.warnings.iter().any(|w| w.code == "inconsistent-grid"));
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.code == "ragged-row" && w.line == Some(1))
    );
}

#[test]
fn control_bytes_and_lone_surrogates_are_refused_or_parsed() {
    // NUL: refused as binary
    assert!(parse("nul", b"a | 1 |\n\0\n").is_none());
    // UTF-16 without BOM, odd length, lone surrogates
    parse("odd-utf16", &[0xFF, 0xFE, 0x00, 0xD8, 0x41]);
    // a BOM and nothing else
    parse("bom-only", "\u{feff}".as_bytes());
    // form feeds, CR only, mixed endings
    parse("furniture", b"\x0c\r\x0c\n- 3 -\r\n| a |\r1 | 2 |\n");
}

#[test]
fn more_lines_than_a_report_can_have_is_an_error_not_an_exhausted_memory() {
    // one-character lines cost ~200 bytes of memory each: past the limit, a clear error
    let text = "x\n".repeat(govreport::MAX_LINES + 1);
    let err = govreport::parse_bytes(text.as_bytes(), "many.txt", &govreport::Options::default())
        .expect_err("refused");
    assert_eq!(err.line(), Some(govreport::MAX_LINES as u32 + 1));
    let msg = err.to_string();
    assert!(
        msg.starts_with("many.txt:") && msg.contains("too many lines"),
        "{msg}"
    );
    // a report of ordinary length is read
    let text = "x\n".repeat(1000);
    assert!(
        govreport::parse_bytes(text.as_bytes(), "some.txt", &govreport::Options::default()).is_ok()
    );
}

/// Rows joined by single spaces where a space may also set thousands apart: a row of
/// thousands of three-digit words has astronomically many groupings into the table's
/// width; they are counted (a row read only where exactly one exists), never searched one
/// by one. Here none gives six, so the row is left out and the table keeps its rows.
#[test]
fn row_of_three_digit_words_in_a_spaced_thousands_table() {
    let mut text = String::from("Table 1   Survey results\n  A B C D E F\n");
    for k in ["a", "b", "c"] {
        text.push_str(&format!("Group {k} 1 2 3 4 5 6\n"));
    }
    text.push_str("Long row ");
    text.push_str(&vec!["123"; 3000].join(" "));
    text.push_str(" 1.5 1.5 1.5 1.5 1.5 1.5 1.5\n");
    text.push_str("Last group 1 2 3 4 5 6\n");
    let doc = parse("three-digit words", text.as_bytes()).expect("parsed");
    let t = doc.tables().next().expect("a table");
    let rows: Vec<String> = t.rows.iter().map(|r| r.path.join("/")).collect();
    assert_eq!(rows, ["Group a", "Group b", "Group c", "Last group"]);
}

/// A header of 500 cells over rows of a thousand cells, numbers and words in turn: the
/// span search recursed once per cell and column passed and overflowed the stack (an
/// abort, not even a panic); such a header is now left unread.
#[test]
fn header_of_five_hundred_cells_over_alternating_cells() {
    let cells: Vec<&str> = ["1", "x"].repeat(500);
    let mut text = format!("| a | {} |\n", vec!["h"; 500].join(" | "));
    for i in 0..50 {
        text.push_str(&format!("| r{i} | {} |\n", cells.join(" | ")));
    }
    parse("alternating-wide", text.as_bytes()).expect("parsed");
}
