//! Property tests of the library (proptest):
//! - any bytes, and any text made of the pieces reports are made of, parse without a
//!   panic, with every non-blank line inside some block;
//! - a table rendered as pipe text parses to its values, and a parsed document rendered
//!   back to pipe text parses to the same values.
//!
//! Case counts are kept small for a debug `cargo test` on 2 cores; raise them with
//! `PROPTEST_CASES=5000 cargo test --release --test batch_main props`.

use super::hostile::check;
use govreport::Options;
use govreport::model::{CellKind, Document};
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of report text: outline numbers, cell separators, numbers, labels, line ends.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" | ".to_string()),
        Just("|".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("|---|---|\n".to_string()),
        Just("一、".to_string()),
        Just("（一）".to_string()),
        Just("(二)".to_string()),
        Just("1.".to_string()),
        Just("（1）".to_string()),
        Just("①".to_string()),
        Just("第二十条第（一）项".to_string()),
        Just("信息内容".to_string()),
        Just("总计".to_string()),
        Just("申请人情况".to_string()),
        Just("自然人".to_string()),
        Just("报告".to_string()),
        Just("2024年".to_string()),
        Just("/".to_string()),
        Just("—".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{c}".to_string()),
        Just("。".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "[0-9,.%万元余]{1,6}",
        "[\\p{Han}]{1,8}",
        "[ -~]{1,8}",
    ]
}

fn parse(bytes: &[u8]) -> Option<Document> {
    govreport::parse_bytes(bytes, "prop.txt", &Options::default()).ok()
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_bytes_parse_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        if let Some(doc) = parse(&bytes) {
            check(&doc, &bytes);
        }
    }

    #[test]
    fn report_like_text_is_covered(pieces in prop::collection::vec(piece(), 0..300)) {
        let text = pieces.concat();
        if let Some(doc) = parse(text.as_bytes()) {
            check(&doc, text.as_bytes());
        }
    }
}

/// A value as printed and what it must parse to.
fn value() -> impl Strategy<Value = (String, CellKind, Option<f64>)> {
    prop_oneof![
        (0u32..1_000_000).prop_map(|n| (n.to_string(), CellKind::Number, Some(f64::from(n)))),
        (1u32..1000, 0u32..1000).prop_map(|(a, b)| {
            let s = format!("{a},{b:03}");
            (s, CellKind::Number, Some(f64::from(a * 1000 + b)))
        }),
        (0u32..1000, 1u32..10).prop_map(|(a, b)| {
            (
                format!("{a}.{b}"),
                CellKind::Number,
                Some(f64::from(a) + f64::from(b) / 10.0),
            )
        }),
        Just(("/".to_string(), CellKind::Na, None)),
        Just(("—".to_string(), CellKind::Na, None)),
    ]
}

const ROW_LABELS: [&str; 8] = [
    "规章",
    "规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
    "其他对外管理服务事项",
];
const COLUMN_LABELS: [&str; 6] = [
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "处理决定数量",
    "采购金额",
    "上一年项目数量",
];

/// Pipe text of a table: a header row with the corner cell, then one row per label.
fn pipe_text(columns: &[&str], rows: &[(String, Vec<String>)]) -> String {
    let mut t = String::from("二、主动公开政府信息情况\n信息内容 | ");
    t.push_str(&columns.join(" | "));
    t.push_str(" |\n");
    for (label, cells) in rows {
        t.push_str(label);
        for c in cells {
            t.push_str(" | ");
            t.push_str(c);
        }
        t.push_str(" |\n");
    }
    t
}

/// Every cell of every table as (row path, column path, raw, kind, value). The row path
/// leaves out the band: a band the template recovers (a table whose rows and columns are
/// all those of one 第二十条 part) is context added to the text, not a value moved.
type Flat = Vec<(Vec<String>, Vec<String>, String, CellKind, Option<f64>)>;

fn flat(doc: &Document) -> Flat {
    let mut out = Vec::new();
    for t in doc.tables() {
        for r in &t.rows {
            let path: Vec<String> = r
                .path
                .iter()
                .skip(usize::from(t.band.is_some()))
                .cloned()
                .collect();
            for (c, cell) in t.columns.iter().zip(&r.cells) {
                out.push((
                    path.clone(),
                    c.path.clone(),
                    cell.raw.clone(),
                    cell.kind,
                    cell.value,
                ));
            }
        }
    }
    out
}

/// A parsed document rendered back as pipe text: each table as its single-row header
/// (last element of each column path) and its rows (last element of each row path).
fn render(doc: &Document) -> String {
    let mut text = String::new();
    for t in doc.tables() {
        let columns: Vec<&str> = t
            .columns
            .iter()
            .map(|c| c.path.last().map_or("", String::as_str))
            .collect();
        let rows: Vec<(String, Vec<String>)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.path.last().cloned().unwrap_or_default(),
                    r.cells.iter().map(|c| c.raw.clone()).collect(),
                )
            })
            .collect();
        text.push_str(&pipe_text(&columns, &rows));
    }
    text
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn table_round_trips(
        ncols in 1usize..=6,
        mut values in prop::collection::vec(prop::collection::vec(value(), 6), 1..=8),
    ) {
        // the first data row must hold a number to be read as data
        if !values[0][..ncols].iter().any(|v| v.1 == CellKind::Number) {
            values[0][0] = ("1".to_string(), CellKind::Number, Some(1.0));
        }
        let columns = &COLUMN_LABELS[..ncols];
        let rows: Vec<(String, Vec<String>)> = values
            .iter()
            .enumerate()
            .map(|(i, vs)| (ROW_LABELS[i].to_string(), vs[..ncols].iter().map(|v| v.0.clone()).collect()))
            .collect();
        let text = pipe_text(columns, &rows);
        let doc = parse(text.as_bytes()).expect("parses");
        let got = flat(&doc);
        let want: Flat = values
            .iter()
            .enumerate()
            .flat_map(|(i, vs)| {
                vs[..ncols].iter().enumerate().map(move |(j, v)| {
                    (vec![ROW_LABELS[i].to_string()], vec![COLUMN_LABELS[j].to_string()],
                     v.0.clone(), v.1, v.2)
                })
            })
            .collect();
        prop_assert_eq!(&got, &want, "text:\n{}", text);
        // rendered back to pipe text, the document parses to the same values
        let again = parse(render(&doc).as_bytes()).expect("parses");
        prop_assert_eq!(flat(&again), got);
    }
}
