//! Report pages flattened by the ten tools users run (`tests/flat/`, remade by
//! `tests/flat/regen.sh`): 40 generated pages, both templates, each as w3m, lynx, pandoc
//! plain and gfm, Python html2text, markdownify, inscriptis, BeautifulSoup, and
//! `pdftotext` with and without `-layout` print it. One truth per page, from the generator.
//!
//! Every tool's texts must give no wrong value (a value at a truth cell's row and column path
//! that differs from it), and keep at least the strict rate it reaches today (floors below;
//! the issue of reading real flattenings asks more of some, and names them).

use crate::score::{Score, score};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Per tool: the strict floor (%), and why it is not higher where it is not near 100.
#[rustfmt::skip]
const FLOORS: &[(&str, f64, &str)] = &[
    ("w3m",          100.0, ""),
    ("lynx",         98.6, "issue 11: rows whose blank cells the tool dropped, where no sum places their values"),
    ("pandoc-plain", 100.0, ""),
    ("pandoc-gfm",   100.0, ""),
    ("html2text-py", 99.9, ""),
    ("markdownify",  100.0, ""),
    ("inscriptis",   100.0, ""),
    ("bs4",          96.5, "issue 11: blank cells vanish in get_text; rows with fewer values than columns are placed only by the sums"),
    ("pdf-layout",   94.4, "issue 11: values drawn away from their rows (page breaks, narrow columns the text does not keep; rows printing nothing beside values that cannot be placed are not called blank), labels cut by wrapping"),
    ("pdf-raw",       0.0, "issue 11: plain pdftotext prints values in the order the page draws them, not by row and column, and a table region printing none may have its values after it: no cell is read (0 wrong is still asserted)"),
];

fn dir() -> PathBuf {
    crate::util::root().join("tests/flat")
}

#[test]
fn flattened_pages_give_no_wrong_value_and_hold_their_floors() {
    let mut per: BTreeMap<String, Score> = BTreeMap::new();
    let mut failures = Vec::new();
    let texts = texts_in(&dir());
    assert_eq!(texts.len(), 400, "40 pages x 10 tools");
    for p in &texts {
        let name = crate::util::stem(p);
        let (page, tool) = name.split_once('-').expect("NAME-TOOL.txt");
        let (s, wrong) = score_text(p, &dir().join(format!("{page}.truth.json")));
        for w in wrong {
            failures.push(format!("{name}: wrong value: {w}"));
        }
        let t = per.entry(tool.to_string()).or_default();
        t.cells += s.cells;
        t.strict += s.strict;
        t.wrong += s.wrong;
    }
    for (tool, floor, _why) in FLOORS {
        let s = per
            .get(*tool)
            .unwrap_or_else(|| panic!("no texts of {tool}"));
        println!(
            "{tool:14} {:>6} {:>6.1}% {:>4} wrong (floor {floor:.1}%)",
            s.cells,
            s.strict_pct(),
            s.wrong
        );
        if s.strict_pct() < *floor - 1e-9 {
            failures.push(format!(
                "{tool}: strict {:.1}% is below its floor {floor:.1}%",
                s.strict_pct()
            ));
        }
    }
    assert_eq!(per.len(), FLOORS.len(), "a floor for every tool");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Pages of fresh batches on which a reading once bound wrong values (`tests/regress/`, each
/// named by its seed, page and tool): none may again.
#[test]
fn pages_that_once_read_wrong_values_read_none() {
    let dir = crate::util::root().join("tests/regress");
    let texts = texts_in(&dir);
    assert!(texts.len() >= 3, "{} texts", texts.len());
    let mut failures = Vec::new();
    for p in &texts {
        let name = crate::util::stem(p);
        let (s, wrong) = score_text(p, &dir.join(format!("{name}.truth.json")));
        assert!(s.cells > 100, "{name}: {} truth cells", s.cells);
        failures.extend(
            wrong
                .into_iter()
                .map(|w| format!("{name}: wrong value: {w}")),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Pages of `tests/regress/` on which a change once lost values it had read, with the strict
/// rate each must keep (the scoring rule's port).
const KEPT: &[(&str, f64)] = &[
    // a pandoc multiline table with blank lines between its header rows: 99.0 %, 71.0 % when
    // a blank line ended the run of header lines and lost the part's rule of dashes
    ("s17052026-g00039-pandoc-plain", 98.0),
    // a group label wrapped in its column, its last piece level with a row label's last
    // line (`（四）无法提` / `供` beside `行制作`): 92.9 % while the piece was read into the
    // row's label, 100 % since
    ("s51220261-g00021-pdf-layout", 99.0),
    // a row label cut by the page's repeated header (`掌握相关政` / header / `府信息`):
    // 97.0 %, 93.5 % when the row was read with its label cut there
    ("s5122040-g00014-pdf-layout", 96.5),
    // w3m: a part whose rows each leave a column blank, under a header set exactly as the
    // part's before it, whose full row is placed by the labels' positions; another part's
    // value standing between two labels once kept that reading from the whole document
    // (33.3 %, 36.4 % since; the 收到和处理 table has no full row at all)
    ("s6122026-g00113-w3m", 36.0),
];

#[test]
fn pages_that_once_lost_values_keep_them() {
    let dir = crate::util::root().join("tests/regress");
    for (name, floor) in KEPT {
        let (s, _) = score_text(
            &dir.join(format!("{name}.txt")),
            &dir.join(format!("{name}.truth.json")),
        );
        assert!(
            s.strict_pct() >= *floor,
            "{name}: strict {:.1}% is below {floor:.1}%",
            s.strict_pct()
        );
    }
}

/// The `.txt` files of `dir`, sorted.
fn texts_in(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    texts
}

/// The text at `text` parsed and scored against the truth at `truth` (the scoring rule's
/// port), with the wrong values it binds.
fn score_text(text: &std::path::Path, truth: &std::path::Path) -> (Score, Vec<String>) {
    let name = crate::util::stem(text);
    let truth: Value = serde_json::from_str(&std::fs::read_to_string(truth).unwrap()).unwrap();
    let doc = govreport::parse_bytes(
        &std::fs::read(text).unwrap(),
        &name,
        &govreport::Options::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out = Vec::new();
    govreport::write::json::write_json(std::slice::from_ref(&doc), &mut out).unwrap();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let mut wrong = Vec::new();
    let s = score(&json, &truth, &mut wrong);
    (s, wrong)
}

/// The values a document binds: (row path, column path, value as printed), normalised as the
/// scoring rule normalises them, for every number and not-applicable mark.
fn bound_values(doc: &govreport::Document) -> std::collections::BTreeSet<(String, String, String)> {
    use crate::score::norm;
    let mut out = std::collections::BTreeSet::new();
    for t in doc.tables() {
        for r in &t.rows {
            for (c, col) in r.cells.iter().zip(&t.columns) {
                if matches!(
                    c.kind,
                    govreport::model::CellKind::Number | govreport::model::CellKind::Na
                ) {
                    out.insert((
                        r.path.iter().map(|p| norm(p)).collect::<Vec<_>>().join(">"),
                        col.path
                            .iter()
                            .map(|p| norm(p))
                            .collect::<Vec<_>>()
                            .join(">"),
                        norm(&c.raw),
                    ));
                }
            }
        }
    }
    out
}

/// Values each tool's texts bind at a (row path, column path) the page itself does not
/// give that value at, today, over the 40 pages: the values are right but a path differs —
/// a label that kept a piece of a wrapped group label (pdftotext), a header level lost in
/// a raw HTML table of pandoc's Markdown, a printed variant of a column label (`采购金额`,
/// printed wrapped in a w3m box) the template's form replaced. Issue 11 is to bring every
/// count to 0; none may grow.
#[rustfmt::skip]
const OFF_PATH: &[(&str, usize)] = &[
    ("w3m", 0), ("lynx", 1), ("pandoc-plain", 0), ("pandoc-gfm", 0), ("html2text-py", 2),
    ("markdownify", 0), ("inscriptis", 0), ("bs4", 0), ("pdf-layout", 45), ("pdf-raw", 0),
];

/// No flattening binds a value its page does not: for every page, the values read from each
/// tool's text (row path, column path, value) are among those read from the page itself —
/// but for the counts of [`OFF_PATH`], which may only shrink.
#[test]
fn every_flattening_binds_a_subset_of_its_page() {
    let mut off: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for page in 0..40 {
        let name = format!("g{page:05}");
        let html = std::fs::read(dir().join(format!("{name}.html"))).unwrap();
        let doc = govreport::parse_bytes(
            &html,
            &format!("{name}.html"),
            &govreport::Options::default(),
        )
        .unwrap_or_else(|e| panic!("{name}.html: {e}"));
        let page_values = bound_values(&doc);
        // (pages that leave zeros blank bind few values: 18 on the sparsest)
        assert!(
            page_values.len() >= 10,
            "{name}.html: {} values",
            page_values.len()
        );
        for (tool, _, _) in FLOORS {
            let p = dir().join(format!("{name}-{tool}.txt"));
            let bytes = std::fs::read(&p).unwrap();
            let flat = govreport::parse_bytes(
                &bytes,
                &format!("{name}-{tool}.txt"),
                &govreport::Options::default(),
            )
            .unwrap();
            for v in bound_values(&flat).difference(&page_values) {
                off.entry(tool)
                    .or_default()
                    .push(format!("{name}-{tool}: {v:?} is not read from the page"));
            }
        }
    }
    let mut failures = Vec::new();
    for (tool, most) in OFF_PATH {
        let found = off.get(tool).map_or(&[][..], Vec::as_slice);
        println!(
            "{tool:14} {:>4} values off the page's paths (at most {most})",
            found.len()
        );
        if found.len() > *most {
            failures.push(format!(
                "{tool}: {} values off the page's paths, more than {most}:\n{}",
                found.len(),
                found.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The values a document binds under template keys: (row key, column key) to the values
/// printed there (a key bound twice in a row holds two).
fn keyed_values(
    doc: &govreport::Document,
) -> BTreeMap<(String, String), std::collections::BTreeSet<String>> {
    let mut out: BTreeMap<(String, String), std::collections::BTreeSet<String>> = BTreeMap::new();
    for t in doc.tables() {
        for r in &t.rows {
            let Some(rk) = &r.key else { continue };
            for (c, col) in r.cells.iter().zip(&t.columns) {
                let Some(ck) = &col.key else { continue };
                if matches!(
                    c.kind,
                    govreport::model::CellKind::Number
                        | govreport::model::CellKind::Na
                        | govreport::model::CellKind::Text
                ) {
                    out.entry((rk.clone(), ck.clone()))
                        .or_default()
                        .insert(crate::score::norm(&c.raw));
                }
            }
        }
    }
    out
}

/// What a panel or values.csv user sees: every value a flattening binds under a template
/// key (row key, column key) is the value the page itself gives that key, exactly. A
/// misread header can put a right number under a wrong key while its printed path matches
/// no truth cell (the scorer then counts it missing, not wrong); this counts it.
#[test]
fn every_keyed_value_of_a_flattening_is_the_pages() {
    let mut bad = Vec::new();
    let mut checked = 0;
    for page in 0..40 {
        let name = format!("g{page:05}");
        let html = std::fs::read(dir().join(format!("{name}.html"))).unwrap();
        let page_doc = govreport::parse_bytes(
            &html,
            &format!("{name}.html"),
            &govreport::Options::default(),
        )
        .unwrap();
        let want = keyed_values(&page_doc);
        for (tool, _, _) in FLOORS {
            let p = dir().join(format!("{name}-{tool}.txt"));
            let text = std::fs::read(&p).unwrap();
            let doc =
                govreport::parse_bytes(&text, &p.to_string_lossy(), &govreport::Options::default())
                    .unwrap();
            for (k, v) in keyed_values(&doc) {
                checked += 1;
                if want.get(&k) != Some(&v) {
                    bad.push(format!(
                        "{name}-{tool}: {k:?} = {v:?}, the page gives {:?}",
                        want.get(&k)
                    ));
                }
            }
        }
    }
    assert!(checked > 50_000, "{checked} keyed values");
    assert!(
        bad.is_empty(),
        "{} keyed values differ from the page's:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Text in a PDF's drawing order (plain `pdftotext`: page breaks, words one space apart,
/// no padded line): a table the layout readers would find there is kept as text, and one
/// warning says to run `pdftotext -layout`; a `-layout` text of the same page keeps it.
#[test]
fn a_table_in_drawing_order_is_kept_as_text() {
    let raw = "统计表\n项目\n金额\n数量\n甲类\n12\n3\n乙类\n7\n\u{c}\n丙类\n5\n1\n合计\n24\n4\n";
    let doc =
        govreport::parse_bytes(raw.as_bytes(), "t.txt", &govreport::Options::default()).unwrap();
    assert!(
        doc.tables().all(|t| t
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .all(|c| c.kind != govreport::model::CellKind::Number)),
        "no value read from drawing order: {:?}",
        doc.blocks
    );
    assert!(
        doc.warnings.iter().any(|w| w.code == "drawing-order"),
        "{:?}",
        doc.warnings
    );
    // rows whose values the page draws elsewhere are not blank rows
    let apart = "二、主动公开政府信息情况\n第二十条第（一）项\n信息\n本年制发\n本年废止\n现行有效件数\n内容\n件数\n件数\n\n\u{c}规章\n行政规范性文件\n\n行政许可\n\n行政处罚\n行政强制\n";
    let doc =
        govreport::parse_bytes(apart.as_bytes(), "t.txt", &govreport::Options::default()).unwrap();
    assert!(
        doc.tables()
            .all(|t| t.rows.iter().all(|r| r.cells.is_empty())),
        "no cell read from drawing order: {:?}",
        doc.blocks
    );
    let layout = "统计表\n项目      金额    数量\n甲类        12       3\n乙类         7\n\u{c}\n丙类         5       1\n合计        24       4\n";
    let doc =
        govreport::parse_bytes(layout.as_bytes(), "t.txt", &govreport::Options::default()).unwrap();
    assert!(doc.warnings.iter().all(|w| w.code != "drawing-order"));
}
