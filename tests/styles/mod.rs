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
