//! The `govreport` binary through assert_cmd: bad input (exit 1, `govreport: PATH: reason`
//! on standard error, never a panic), bad usage (exit 2), and each output format.
//!
//! Most cases use the small report [`SMALL`] below rather than the seed, whose tables take
//! seconds to parse in a debug build.

use crate::util::{self, bin};
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A short report in the seed's style: a title, a run-in heading, a band table whose rows
/// include a label that a spreadsheet would run as a formula and a signed number.
const SMALL: &str = "昭通市政务服务管理局2020年政府信息公开工作年度报告
一、总体情况
(一)做好主动公开。一是主动公开业务信息。
二、主动公开政府信息情况
第二十条第(一)项 |
信息内容 | 本年新制作数量 | 本年增/减 |
=TODAY() | 5 | -3 |
规范性文件 | 0 | 12 |
";

/// A temporary directory holding `small.txt` (and whatever a test adds).
fn temp_with_small() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("small.txt");
    std::fs::write(&p, SMALL).unwrap();
    (dir, p)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout_json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("standard output is JSON")
}

// ---------- bad input: exit 1, a message naming the file, no panic ----------

fn fails_with_message(path: &str, reason: &str) {
    bin()
        .args(["parse", path])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(format!("govreport: {path}")))
        .stderr(predicate::str::contains(reason))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("no-such-report.txt");
    bin()
        .args(["parse", s(&p)])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(format!(
            "govreport: {}: ",
            s(&p)
        )));
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    fails_with_message(s(dir.path()), "directory");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.txt");
    std::fs::write(&p, b"").unwrap();
    fails_with_message(s(&p), "empty");
}

#[test]
fn binary_files() {
    let dir = tempfile::tempdir().unwrap();
    // a PNG header, every byte value, and a short text that is one NUL in ten characters
    // (a stray NUL in a report is replaced instead: issue14::item7_stray_nul_is_replaced)
    let mut every: Vec<u8> = (0..=255u8).collect();
    every.extend((0..=255u8).rev());
    let cases: [(&str, Vec<u8>); 3] = [
        ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec()),
        ("bytes", every),
        ("text-with-nul", b"a | 1 |\n\0\n".to_vec()),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        fails_with_message(s(&p), "binary");
    }
}

/// A ~50 MB report made by repeating the seed must parse: exit 0 and every copy's 198
/// values in the tidy output.
///
/// Release builds only: the parse takes about 0.25-0.5 s per copy of the seed in a release
/// build on the shared 2-core machine (the column-span search of the review/litigation
/// header dominates): 5.2 MB took 267 s, and this test took 1320 s (22 min, ~460 MB
/// resident) in release; a debug build is about ten times slower. Run it with
/// `cargo test --release fifty_megabytes`.
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "release only: 22 min in release for 50 MB; run with cargo test --release"
)]
fn fifty_megabytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut copy = std::fs::read(util::seed_path()).unwrap();
    copy.push(b'\n'); // the seed has no final newline
    let copies = (50 * 1024 * 1024) / copy.len() + 1;
    let big = dir.path().join("big.txt");
    std::fs::write(&big, copy.repeat(copies)).unwrap();
    let out = dir.path().join("big.csv");
    bin()
        .args(["parse", "--format", "csv", "-o", s(&out), s(&big)])
        .assert()
        .code(0)
        .stderr("");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().count(), 1 + 198 * copies);
}

// ---------- ragged rows ----------

/// A row with fewer value cells than the table has columns: the cells it lacks come out as
/// `missing`, and a `ragged-row` warning names its line.
#[test]
fn ragged_row_gets_missing_cells_and_a_warning() {
    let text = "二、主动公开政府信息情况
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政许可 | 1 | 2 | 3 |
行政处罚 | 4 |
行政强制 | 7 | 8 | 9 |
";
    let out = bin()
        .args(["parse", "-"])
        .write_stdin(text)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let doc = stdout_json(&out);
    let t = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "table")
        .expect("a table");
    assert_eq!(t["columns"].as_array().unwrap().len(), 3);
    let row = &t["rows"][1];
    assert_eq!(row["line"], 4);
    assert_eq!(row["path"], serde_json::json!(["行政处罚"]));
    let cells = row["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 3);
    assert_eq!(cells[0]["value"], 4);
    for c in &cells[1..] {
        assert_eq!(
            c,
            &serde_json::json!({"raw": "", "value": null, "kind": "missing"})
        );
    }
    let warnings = doc["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["line"] == 4 && w["code"] == "ragged-row"),
        "{warnings:?}"
    );
    // the complete rows are untouched
    assert_eq!(t["rows"][2]["cells"][2]["value"], 9);
}

/// A pipe row short of one value cell must not move its label into a value column.
#[test]
fn ragged_row_one_cell_short_keeps_its_label() {
    let text = "二、主动公开政府信息情况
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政许可 | 1 | 2 | 3 |
行政处罚 | 4 | 5 |
行政强制 | 7 | 8 | 9 |
";
    let (row, warned) = short_row(text, "ragged.txt");
    assert_eq!(row.path, ["行政处罚"]);
    assert_eq!(row.cells[0].value, Some(4.0));
    assert_eq!(row.cells[1].value, Some(5.0));
    assert_eq!(row.cells[2].kind, govreport::model::CellKind::Missing);
    assert!(warned);
}

/// The second row of the first table of `text`, and whether its line (4) has a
/// `ragged-row` warning.
fn short_row(text: &str, name: &str) -> (govreport::model::Row, bool) {
    let doc = util::parse(text.as_bytes(), name);
    let t = doc.tables().next().expect("a table");
    let warned = doc
        .warnings
        .iter()
        .any(|w| w.line == Some(4) && w.code == "ragged-row");
    (t.rows[1].clone(), warned)
}

/// A Markdown row with fewer cells than the header: the absent cells are `missing` (with a
/// warning), not `empty` — the contract keeps an empty printed cell and an absent one apart.
#[test]
fn ragged_markdown_row_gets_missing_cells() {
    let text = "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
|---|---|---|---|
| 行政许可 | 1 | 2 | 3 |
| 行政处罚 | 4 | 5 |
| 行政强制 | 7 | 8 | 9 |
";
    let (row, warned) = short_row(text, "ragged.md");
    assert_eq!(row.path, ["行政处罚"]);
    assert_eq!(row.cells[2].kind, govreport::model::CellKind::Missing);
    assert!(warned);
}

// ---------- several files, standard input, -o ----------

#[test]
fn several_files_one_failing() {
    let (dir, small) = temp_with_small();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, SMALL.replace("2020", "2021")).unwrap();
    let missing = dir.path().join("missing.txt");
    let out = bin()
        .args(["parse", s(&small), s(&missing), s(&other)])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "govreport: {}: ",
            s(&missing)
        )))
        .get_output()
        .stdout
        .clone();
    let docs = stdout_json(&out);
    let docs = docs.as_array().expect("an array for several files");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["source"]["path"], s(&small));
    assert_eq!(docs[1]["source"]["path"], s(&other));
    assert_eq!(docs[1]["meta"]["year"], 2021);

    // the same with -o: the file is still written
    let file = dir.path().join("out.json");
    bin()
        .args(["parse", "-o", s(&file), s(&missing), s(&small)])
        .assert()
        .code(1)
        .stdout("");
    // several inputs give an array, however many were parsed (issue 14 item 10)
    let written: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(written.as_array().map(Vec::len), Some(1));
    assert_eq!(written[0]["source"]["path"], s(&small));
}

#[test]
fn standard_input() {
    let (_dir, small) = temp_with_small();
    let from_stdin = bin()
        .args(["parse", "-"])
        .write_stdin(SMALL)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let from_file = bin()
        .args(["parse", s(&small)])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let mut a = stdout_json(&from_stdin);
    let mut b = stdout_json(&from_file);
    assert_eq!(a["source"]["path"], "-");
    a["source"]["path"] = Value::Null;
    b["source"]["path"] = Value::Null;
    assert_eq!(a, b);
}

#[test]
fn output_file() {
    let (dir, small) = temp_with_small();
    let file = dir.path().join("out.json");
    bin()
        .args(["parse", s(&small), "-o", s(&file)])
        .assert()
        .code(0)
        .stdout("");
    let to_stdout = bin()
        .args(["parse", s(&small)])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(std::fs::read(&file).unwrap(), to_stdout);
}

/// The binary's JSON is the library's document, serialised.
#[test]
fn cli_json_is_the_library_document() {
    let out = bin()
        .args(["parse", "corpus/zhaotong-2020.txt"])
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let doc: govreport::Document = serde_json::from_slice(&out).unwrap();
    assert_eq!(&doc, util::seed_doc());
}

// ---------- bad usage: exit 2 ----------

#[test]
fn bad_usage_exits_2() {
    let (_dir, small) = temp_with_small();
    let cases: [&[&str]; 6] = [
        &[],
        &["parse"],
        &["frobnicate"],
        &["parse", "--format", "xml", s(&small)],
        &["parse", "--no-such-flag", s(&small)],
        &["parse", "--encoding", "ebcdic", s(&small)],
    ];
    for args in cases {
        bin()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_empty().not());
    }
}

// ---------- formats ----------

#[test]
fn json_object_for_one_array_for_several() {
    let (_dir, small) = temp_with_small();
    let one = bin()
        .args(["parse", "--format", "json", s(&small)])
        .assert()
        .code(0);
    let one = stdout_json(&one.get_output().stdout);
    assert!(one.is_object());
    assert_eq!(one["schema"], "govreport/1");
    let two = bin().args(["parse", s(&small), s(&small)]).assert().code(0);
    let two = stdout_json(&two.get_output().stdout);
    assert_eq!(two.as_array().map(Vec::len), Some(2));
    assert_eq!(two[0], one);
}

#[test]
fn jsonl_one_line_per_document() {
    let (_dir, small) = temp_with_small();
    let out = bin()
        .args(["parse", "--format", "jsonl", s(&small), "-", s(&small)])
        .write_stdin(SMALL)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    let paths: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"]["path"].clone())
        .collect();
    assert_eq!(paths, [s(&small), "-", s(&small)]);
}

fn csv_records(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    r.records().map(|x| x.unwrap()).collect()
}

const CSV_HEADER: &str = "doc,table,band,section,row,column,value,raw,kind,unit,line,row_key,column_key,table_title,template,agency,year";

#[test]
fn csv_tidy_values() {
    let (_dir, small) = temp_with_small();
    let out = bin()
        .args(["parse", "--format", "csv", s(&small)])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(
        !out.starts_with("\u{feff}".as_bytes()),
        "no BOM without --excel"
    );
    let text = String::from_utf8(out.clone()).unwrap();
    assert_eq!(text.lines().next(), Some(CSV_HEADER));
    let recs = csv_records(&out);
    // header + 2 rows x 2 columns
    assert_eq!(recs.len(), 5);
    let by_row_col = |row: &str, col: &str| {
        recs.iter()
            .find(|r| &r[4] == row && &r[5] == col)
            .unwrap_or_else(|| panic!("no value at {row} / {col}"))
            .clone()
    };
    let r = by_row_col("第二十条第(一)项 > 规范性文件", "本年增/减");
    assert_eq!(&r[0], s(&small));
    assert_eq!(&r[2], "第二十条第(一)项");
    assert_eq!(&r[3], "二、主动公开政府信息情况");
    assert_eq!((&r[6], &r[7], &r[8], &r[10]), ("12", "12", "number", "8"));
}

/// Under `--excel`, text that a spreadsheet would run (`=TODAY()` as a row label) is
/// prefixed with `'`; a number such as `-3` is not.
#[test]
fn csv_neutralises_formulas_but_not_numbers() {
    let (_dir, small) = temp_with_small();
    let out = bin()
        .args(["parse", "--format", "csv", "--excel", s(&small)])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let recs = csv_records(&out);
    let minus = recs
        .iter()
        .find(|r| &r[7] == "-3")
        .expect("the -3 cell, unprefixed");
    assert_eq!((&minus[6], &minus[8]), ("-3", "number"));
    for r in &recs {
        for field in r.iter() {
            assert!(
                !field.starts_with(['=', '+', '-', '@']) || field.parse::<f64>().is_ok(),
                "formula-like field {field:?}"
            );
        }
    }
}

/// In [`SMALL`] the band comes first in the row path, so the path is harmless there; here a
/// table without a band puts `=TODAY()` and `@SUM(A1)` at the start of the `row` field.
#[test]
fn csv_prefixes_a_formula_label() {
    let text = "二、主动公开政府信息情况
信息内容 | 本年增/减 |
=TODAY() | -3 |
@SUM(A1) | 4 |
";
    let out = bin()
        .args(["parse", "--format", "csv", "--excel", "-"])
        .write_stdin(text)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = out.strip_prefix("\u{feff}".as_bytes()).unwrap().to_vec();
    let recs = csv_records(&out);
    let rows: Vec<&str> = recs.iter().skip(1).map(|r| &r[4]).collect();
    assert_eq!(rows, ["'=TODAY()", "'@SUM(A1)"]);
    assert_eq!(&recs[1][7], "-3");
    assert_eq!(&recs[1][6], "-3");
}

#[test]
fn csv_excel_starts_with_a_bom() {
    let (_dir, small) = temp_with_small();
    let out = bin()
        .args(["parse", "--format", "csv", "--excel", s(&small)])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let body = out
        .strip_prefix("\u{feff}".as_bytes())
        .expect("UTF-8 BOM first");
    assert!(!body.starts_with("\u{feff}".as_bytes()));
    assert_eq!(
        String::from_utf8(body.to_vec()).unwrap().lines().next(),
        Some(CSV_HEADER)
    );
}

#[test]
fn markdown_rendering() {
    let (_dir, small) = temp_with_small();
    let out = bin()
        .args(["parse", "--format", "md", s(&small)])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with('#') && l.contains("总体情况"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with('#') && l.contains("做好主动公开"))
    );
    // the table: a header row with the rebuilt columns, a delimiter row, the rows
    let header = lines
        .iter()
        .position(|l| l.starts_with('|') && l.contains("本年新制作数量") && l.contains("本年增/减"))
        .expect("a table header row");
    assert!(lines[header + 1].starts_with("|---"));
    assert!(lines[header + 2].contains("=TODAY()") && lines[header + 2].contains("-3"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with('|') && l.contains("规范性文件") && l.contains("12"))
    );
}

#[test]
fn schema_is_json_schema_of_the_document() {
    let out = bin()
        .arg("schema")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let schema = stdout_json(&out);
    assert!(
        schema["$schema"]
            .as_str()
            .unwrap()
            .contains("json-schema.org")
    );
    let props = schema["properties"].as_object().expect("properties");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["schema", "source", "meta", "blocks", "checks", "warnings"] {
        assert!(props.contains_key(field), "schema lacks {field}");
        assert!(required.contains(&field), "{field} not required");
    }
}

/// The directory error points to `govreport convert`, and that subcommand exists.
#[test]
fn directory_error_names_an_existing_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .args(["parse", s(dir.path())])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("convert"));
    bin().args(["convert", "--help"]).assert().success();
}

/// Every command that reads reports takes the same input flags: `--from html` makes
/// `tables` and `check` read a saved page whose name does not say it is HTML.
#[test]
fn every_reading_command_takes_from() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::copy(crate::util::root().join("tests/html/g00000.html"), &page).unwrap();
    let out = bin()
        .args(["tables", "--from", "html"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.lines().count() >= 4,
        "a header and the page's tables: {listed}"
    );
    let out = bin()
        .args(["check", "--from", "html", "--format", "json"])
        .arg(&page)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v[0]["pass"].as_u64().unwrap() > 0, "{v}");
}
