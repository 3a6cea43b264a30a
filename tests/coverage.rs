//! The contract's coverage rule: every non-blank input line belongs to at least one block
//! (`lines: [first, last]`). Lines are split here independently of `src/lines.rs`: LF, CRLF
//! and a lone CR end a line, and a final terminator does not start an empty line. A line is
//! blank when it holds only white space (form feeds included).

use crate::util;
use govreport::Document;

/// The physical lines of `text`, terminators removed.
pub fn physical_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(['\n', '\r']) {
            Some(i) => {
                out.push(&rest[..i]);
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
            }
            None => {
                out.push(rest);
                rest = "";
            }
        }
    }
    out
}

/// Non-blank lines of `text` that no block of `doc` covers, as `(line number, text)`.
pub fn uncovered<'a>(text: &'a str, doc: &Document) -> Vec<(usize, &'a str)> {
    let lines = physical_lines(text);
    let mut covered = vec![false; lines.len() + 1];
    for b in &doc.blocks {
        let [first, last] = b.lines();
        let (first, last) = (first as usize, (last as usize).min(lines.len()));
        if first <= last {
            covered[first..=last].fill(true);
        }
    }
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i + 1, *l))
        .filter(|(no, l)| !l.trim().is_empty() && !covered[*no])
        .collect()
}

#[test]
fn physical_lines_split_like_the_contract() {
    assert_eq!(physical_lines("a\nb"), ["a", "b"]);
    assert_eq!(physical_lines("a\r\nb\r\n"), ["a", "b"]);
    assert_eq!(physical_lines("a\rb\n\nc"), ["a", "b", "", "c"]);
    assert_eq!(physical_lines(""), Vec::<&str>::new());
}

#[test]
fn every_non_blank_corpus_line_is_in_a_block() {
    let mut failures = Vec::new();
    for (path, bytes, doc) in util::corpus_docs() {
        let text = std::str::from_utf8(bytes).expect("corpus is UTF-8");
        for (no, line) in uncovered(text, doc) {
            failures.push(format!("{}:{no}: {line}", util::stem(path)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} uncovered lines:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// No text is given twice: no two text blocks of one kind span the same lines (a line of
/// bars alone, `|||||`, holding several empty cells of a table left unread once came out
/// as one paragraph per cell). Tables may: two halves printed side by side share lines.
#[test]
fn no_corpus_line_is_given_twice() {
    let mut failures = Vec::new();
    for (path, _, doc) in util::corpus_docs() {
        let mut seen: Vec<(std::mem::Discriminant<govreport::model::Block>, [u32; 2])> = Vec::new();
        for b in &doc.blocks {
            if matches!(b, govreport::model::Block::Table(_)) {
                continue;
            }
            let key = (std::mem::discriminant(b), b.lines());
            if seen.contains(&key) {
                failures.push(format!("{}: lines {:?}", util::stem(path), b.lines()));
            }
            seen.push(key);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A reader reads the blocks in order: each starts at or after the line the one before
/// it starts on (a caption kept as a paragraph over a table once came after the table).
#[test]
fn corpus_blocks_are_in_the_order_of_the_text() {
    let mut failures = Vec::new();
    for (path, _, doc) in util::corpus_docs() {
        for w in doc.blocks.windows(2) {
            if w[1].lines()[0] < w[0].lines()[0] {
                failures.push(format!(
                    "{}: lines {:?} after {:?}",
                    util::stem(path),
                    w[1].lines(),
                    w[0].lines()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The check must see a line that no block covers.
#[test]
fn coverage_check_sees_a_gap() {
    let mut doc = util::seed_doc().clone();
    let text = std::fs::read_to_string(util::seed_path()).unwrap();
    assert!(uncovered(&text, &doc).is_empty());
    // drop the block of line 2 (the heading 一、总体情况)
    doc.blocks.retain(|b| b.lines() != [2, 2]);
    assert_eq!(uncovered(&text, &doc), [(2, "一、总体情况")]);
}

/// A template table's row labels a converter printed as headings (`（三）不予公开`), with
/// no table read after them (its values unplaceable): they head no rows, and their lines
/// stay in the document as text, not dropped with the headings they were taken for.
#[test]
fn row_labels_printed_as_headings_with_no_table_after_them_stay() {
    let text = "\
某局2022年政府信息公开工作年度报告
一、总体情况
2022年，我局认真贯彻落实《条例》，做好政府信息公开工作。
三、收到和处理政府信息公开申请情况
（三）不予公开
1.属于国家秘密
2.其他法律行政法规禁止公开
四、政府信息公开行政复议、行政诉讼情况
本年度未发生政府信息公开行政复议、行政诉讼。
";
    let doc = util::parse(text.as_bytes(), "t.txt");
    assert!(
        uncovered(text, &doc).is_empty(),
        "{:?}",
        uncovered(text, &doc)
    );
    let kept: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            govreport::model::Block::Paragraph(p) => Some(p.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(kept.contains(&"（三）不予公开"), "{kept:?}");
}
