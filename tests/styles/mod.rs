//! Style equivalence (issue 4): one table written in every flattening gives the same
//! tidy values (table title, row path, column path, value).
//!
//! - `corpus/template-2021-{pipe,markdown,cellline,aligned,tsv}.txt`: the official 2021
//!   template rendered five ways; all must equal each other and the shared truth file.
//! - `tests/styles/fixtures/zhaotong-*.{style}.txt`: the seed's tables rendered in eleven
//!   ways by `tests/styles/render.py` (pipe, Markdown, tab-separated, one cell per line
//!   with and without separators, left- and right-aligned text, box-drawing, ASCII and
//!   wrapped grids), with the seed's values (`zero`, checked against the seed's truth
//!   file) and with distinct values (`numbered`, checked against the values the
//!   generator wrote by construction, so a value in the wrong column shows).

use govreport::Options;
use govreport::model::{Block, CellKind, Document};
use govreport::normalize::fold;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

type Tidy = BTreeSet<(String, String, String, String)>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn parse(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    govreport::parse_bytes(&bytes, &path.to_string_lossy(), &Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A value as compared: numbers by value, other cells by their folded text.
fn value_key(kind: CellKind, value: Option<f64>, raw: &str) -> String {
    match (kind, value) {
        (CellKind::Number, Some(v)) => format!("{v}"),
        _ => fold(raw),
    }
}

fn join(path: &[String]) -> String {
    path.iter().map(|p| fold(p)).collect::<Vec<_>>().join(">")
}

fn tidy(doc: &Document) -> Tidy {
    let mut out = Tidy::new();
    for b in &doc.blocks {
        if let Block::Table(t) = b {
            for r in &t.rows {
                for (c, cell) in t.columns.iter().zip(&r.cells) {
                    out.insert((
                        fold(t.title.as_deref().unwrap_or("")),
                        join(&r.path),
                        join(&c.path),
                        value_key(cell.kind, cell.value, &cell.raw),
                    ));
                }
            }
        }
    }
    out
}

fn styles(doc: &Document) -> BTreeSet<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.style.clone()),
            _ => None,
        })
        .collect()
}

/// The cells of a truth file in the same form.
fn truth(path: &Path) -> Tidy {
    let text = std::fs::read_to_string(path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let strs = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let value = match &c["value"] {
                serde_json::Value::Number(n) => format!("{}", n.as_f64().unwrap()),
                serde_json::Value::String(s) => fold(s),
                other => panic!("odd truth value {other}"),
            };
            (
                fold(c["table"].as_str().unwrap()),
                join(&strs(&c["row"])),
                join(&strs(&c["col"])),
                value,
            )
        })
        .collect()
}

fn diff(name: &str, got: &Tidy, want: &Tidy) -> Option<String> {
    let missing: Vec<_> = want.difference(got).take(5).collect();
    let extra: Vec<_> = got.difference(want).take(5).collect();
    (!missing.is_empty() || !extra.is_empty()).then(|| {
        format!(
            "{name}: {} missing, {} extra\n  missing e.g. {missing:?}\n  extra e.g. {extra:?}",
            want.difference(got).count(),
            got.difference(want).count()
        )
    })
}

#[test]
fn template_2021_renderings_agree() {
    let want = truth(&root().join("corpus/template-2021-pipe.truth.json"));
    assert_eq!(want.len(), 200);
    let mut failures = Vec::new();
    for style in ["pipe", "markdown", "cellline", "aligned", "tsv"] {
        let doc = parse(&root().join(format!("corpus/template-2021-{style}.txt")));
        assert_eq!(styles(&doc), BTreeSet::from([style.to_string()]), "{style}");
        failures.extend(diff(style, &tidy(&doc), &want));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The style family a fixture's name announces, as the `style` field says it.
fn style_of(fixture: &str) -> &'static str {
    let s = fixture.rsplit('.').nth(1).unwrap_or("");
    match s {
        "pipe" => "pipe",
        "markdown" => "markdown",
        "tsv" => "tsv",
        _ if s.starts_with("cellline") => "cellline",
        _ if s.starts_with("aligned") => "aligned",
        _ if s.starts_with("grid") => "grid",
        _ => panic!("unknown style in {fixture}"),
    }
}

fn fixtures(set: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/styles/fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&format!("zhaotong-{set}.")) && n.ends_with(".txt")
        })
        .collect();
    v.sort();
    v
}

fn check_set(set: &str, want: &Tidy) {
    let files = fixtures(set);
    assert!(files.len() >= 11, "{set}: {} fixtures", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let doc = parse(f);
        let st = styles(&doc);
        if st != BTreeSet::from([style_of(&name).to_string()]) {
            failures.push(format!("{name}: styles {st:?}"));
        }
        failures.extend(diff(&name, &tidy(&doc), want));
        let odd: Vec<_> = doc.warnings.iter().map(|w| &w.code).collect();
        if !odd.is_empty() {
            failures.push(format!("{name}: warnings {odd:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_tables_agree_in_every_style() {
    let want = truth(&root().join("corpus/zhaotong-2020.truth.json"));
    assert_eq!(want.len(), 198);
    check_set("zero", &want);
}

#[test]
fn numbered_seed_tables_agree_in_every_style() {
    let path = root().join("tests/styles/fixtures/zhaotong-numbered.expected.tsv");
    let want: Tidy = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let path = |s: &str| {
                s.split(" > ")
                    .filter(|x| !x.is_empty())
                    .map(fold)
                    .collect::<Vec<_>>()
                    .join(">")
            };
            (
                fold(f[0]),
                path(f[1]),
                path(f[2]),
                format!("{}", f[3].parse::<f64>().unwrap()),
            )
        })
        .collect();
    assert_eq!(want.len(), 198);
    check_set("numbered", &want);
}

/// Running text of the corpus (prose with numbers, dates, lists, page numbers and form
/// feeds) never becomes a table, and every non-blank line stays covered by a block.
#[test]
fn prose_of_the_corpus_is_not_a_table() {
    let stretches: [(&str, usize, usize); 8] = [
        ("huaian-2024-layout.txt", 1, 62),
        ("huaian-2024-layout.txt", 185, 203),
        ("huaian-2024-boxes.txt", 1, 59),
        ("huaian-2024-boxes.txt", 376, 392),
        ("shanghai-office-2025.txt", 1, 76),
        ("shanghai-office-2025.txt", 183, 215),
        ("shanghai-kewei-2024.txt", 1, 72),
        ("zhaotong-2020.txt", 1, 9),
    ];
    for (file, from, to) in stretches {
        let text = std::fs::read_to_string(root().join("corpus").join(file)).unwrap();
        let part: Vec<&str> = text
            .split('\n')
            .skip(from - 1)
            .take(to - from + 1)
            .collect();
        let part = part.join("\n");
        let doc = govreport::parse_bytes(part.as_bytes(), file, &Options::default()).unwrap();
        let tables = doc.tables().count();
        assert_eq!(tables, 0, "{file} {from}-{to}: {tables} tables");
        check_covered(&doc, &part, file);
    }
}

/// Every non-blank line belongs to some block.
fn check_covered(doc: &Document, text: &str, name: &str) {
    let mut covered = vec![false; text.split('\n').count() + 1];
    for b in &doc.blocks {
        let [a, z] = b.lines();
        for k in a..=z {
            if let Some(c) = covered.get_mut(k as usize) {
                *c = true;
            }
        }
    }
    for (i, line) in text.split('\n').enumerate() {
        let blank = line
            .chars()
            .all(|c| c.is_whitespace() || c == '\u{c}' || c == '\u{feff}');
        assert!(
            blank || covered[i + 1],
            "{name}: line {} not covered: {line:?}",
            i + 1
        );
    }
}

#[test]
fn every_line_of_every_rendering_is_covered() {
    for set in ["zero", "numbered"] {
        for f in fixtures(set) {
            let text = std::fs::read_to_string(&f).unwrap();
            check_covered(&parse(&f), &text, &f.to_string_lossy());
        }
    }
    for f in std::fs::read_dir(root().join("corpus")).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&f).unwrap();
            check_covered(&parse(&f), &text, &f.to_string_lossy());
        }
    }
}

/// Page numbers, form feeds and a running head between the rows of a table: furniture
/// blocks, never rows, and the table stays one.
#[test]
fn furniture_inside_tables() {
    let text = "二、主动公开政府信息情况\n\
信息内容 | 本年制发件数 |\n\
规章 | 1 |\n\
\n\
第3页 共8页\n\
\u{c}\n\
信息内容 | 本年制发件数 |\n\
行政规范性文件 | 2 |\n";
    let doc = govreport::parse_bytes(text.as_bytes(), "t.txt", &Options::default()).unwrap();
    assert_eq!(doc.tables().count(), 1);
    let t = doc.tables().next().unwrap();
    assert_eq!(t.rows.len(), 2);
    let furniture: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Furniture(f) => Some(f.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(furniture.contains(&"第3页 共8页"), "{furniture:?}");
    check_covered(&doc, text, "furniture");
}

/// Arbitrary mixtures of every style's marks never panic, and keep every line covered.
#[test]
fn mixed_marks_never_panic() {
    let pieces = [
        "规章",
        "12",
        "|",
        "\t",
        "  ",
        "┌──┬──┐",
        "│",
        "+---+",
        "-",
        "\u{c}",
        "（一）",
        "一、",
        "第二十条第（一）项",
        "申请人情况",
        "\n",
        "\n",
        "\n",
        "0",
        "总计",
        "═",
        "- 3 -",
        "├",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..120 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        if let Ok(doc) = govreport::parse_bytes(text.as_bytes(), "fuzz", &Options::default()) {
            check_covered(&doc, &text, "fuzz");
        }
    }
}
