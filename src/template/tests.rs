//! Template tests on corpus reports and on reports made by editing them: a typo in a
//! label, a broken sum, a split digit, a number in the text.

use crate::model::{Document, Table};
use crate::{Options, parse_bytes};

/// A corpus report's text.
pub(super) fn corpus(name: &str) -> String {
    let path = format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// An edited report parsed.
pub(super) fn parse(text: &str) -> Document {
    parse_bytes(text.as_bytes(), "edited.txt", &Options::default()).expect("parses")
}

/// Every table row's last label and cells as printed, compared with `want`.
fn assert_rows(d: &Document, want: &[(&str, [&str; 3])]) {
    let got: Vec<(String, Vec<String>)> = d
        .tables()
        .flat_map(|t| &t.rows)
        .map(|r| {
            (
                r.path.last().cloned().unwrap_or_default(),
                r.cells.iter().map(|c| c.raw.clone()).collect(),
            )
        })
        .collect();
    let want: Vec<(String, Vec<String>)> = want
        .iter()
        .map(|(l, v)| (l.to_string(), v.iter().map(|s| s.to_string()).collect()))
        .collect();
    assert_eq!(got, want);
}

/// The messages of the document's warnings of one code.
fn messages<'a>(d: &'a Document, code: &str) -> Vec<&'a str> {
    d.warnings
        .iter()
        .filter(|w| w.code == code)
        .map(|w| w.message.as_str())
        .collect()
}

fn keys(d: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in d.tables() {
        for r in &t.rows {
            out.push((
                format!("{:?}", r.key),
                t.columns
                    .iter()
                    .map(|c| format!("{:?}", c.key))
                    .collect::<Vec<_>>()
                    .join(","),
            ));
        }
    }
    out
}

fn statuses(d: &Document, status: &str) -> Vec<String> {
    d.checks
        .iter()
        .filter(|c| c.status == status)
        .map(|c| {
            let at = c
                .column
                .as_ref()
                .or(c.row.as_ref())
                .map(|p| p.join(">"))
                .unwrap_or_default();
            format!("{} [{at}]", c.rule)
        })
        .collect()
}

fn unkeyed(t: &Table) -> Vec<String> {
    let mut out: Vec<String> = t
        .rows
        .iter()
        .filter(|r| r.key.is_none())
        .map(|r| format!("row {}", r.path.join(">")))
        .collect();
    out.extend(
        t.columns
            .iter()
            .filter(|c| c.key.is_none())
            .map(|c| format!("column {}", c.path.join(">"))),
    );
    out
}

/// Reports whose tables the parser rebuilds completely: every template row and column
/// there must carry its key.
const COMPLETE: [(&str, &str); 9] = [
    ("zhaotong-2020.txt", "gidr-2019"),
    ("fixture-hangzhou-style-2025.txt", "gidr-2021"),
    ("fixture-fengxian-style-2025.txt", "gidr-2021"),
    ("template-2021-pipe.txt", "gidr-2021"),
    ("template-2021-markdown.txt", "gidr-2021"),
    ("template-2021-blank.txt", "gidr-2021"),
    ("shuyang-2025.txt", "gidr-2021"),
    ("suqian-2025-excerpt.txt", "gidr-2021"),
    ("dapuqiao-2025-excerpt.txt", "gidr-2021"),
];

#[test]
fn every_template_row_and_column_has_its_key() {
    let mut missing = Vec::new();
    for (name, template) in COMPLETE {
        let d = parse(&corpus(name));
        assert_eq!(d.meta.template.as_deref(), Some(template), "{name}");
        for t in d.tables() {
            // split-off header blocks of a converter (values all `-`) are not template rows
            if t.rows
                .iter()
                .all(|r| r.cells.iter().all(|c| c.kind == crate::model::CellKind::Na))
            {
                continue;
            }
            for u in unkeyed(t) {
                missing.push(format!("{name} {} {u}", t.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "labels without a key:\n{}",
        missing.join("\n")
    );
}

#[test]
fn consistent_corpus_reports_fail_no_check() {
    let dir = format!("{}/corpus", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let d = parse(&std::fs::read_to_string(&path).unwrap());
            assert_eq!(
                statuses(&d, "fail"),
                Vec::<String>::new(),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn keys_of_the_seed() {
    let d = parse(&corpus("zhaotong-2020.txt"));
    let t = d
        .tables()
        .find(|t| t.rows.iter().any(|r| r.line == 37))
        .unwrap();
    let r = t.rows.iter().find(|r| r.line == 37).unwrap();
    assert_eq!(r.key.as_deref(), Some("apply.result.refused.state_secret"));
    assert_eq!(
        t.columns[1].key.as_deref(),
        Some("applicant.legal.commercial")
    );
    // the seed prints 政务信息 and 不分公开: variants, same keys
    assert_eq!(
        t.rows.iter().find(|r| r.line == 33).unwrap().key.as_deref(),
        Some("apply.new")
    );
    assert_eq!(
        t.rows.iter().find(|r| r.line == 36).unwrap().key.as_deref(),
        Some("apply.result.partial")
    );
    let (pass, fail) = (statuses(&d, "pass").len(), statuses(&d, "fail").len());
    assert_eq!((pass, fail), (40, 0));
}

#[test]
fn typos_and_variants_keep_their_keys() {
    let original = corpus("fixture-hangzhou-style-2025.txt");
    let edited = original
        .replace("（二）部分公开", "（二）不分公开")
        .replace("商业企业", "商业机构")
        .replace(
            "要求行政机关确认或重新出具已获取信息",
            "要求行政机关确认或重新出具以获取信息",
        )
        .replace("（三）不予公开", "（三）不予公開")
        .replace(
            "一、本年新收政府信息公开申请数量",
            "一、本年新收政务信息公开申请数量",
        );
    assert_ne!(original, edited);
    let (a, b) = (parse(&original), parse(&edited));
    assert_eq!(keys(&a), keys(&b));
    assert_eq!(statuses(&b, "fail"), Vec::<String>::new());
    assert!(
        b.warnings.iter().all(|w| w.code != "unkeyed-label"),
        "{:?}",
        b.warnings
    );
}

#[test]
fn a_label_of_no_template_row_is_kept_and_reported() {
    let edited =
        corpus("fixture-hangzhou-style-2025.txt").replace("2.重复申请", "2.其他未列明事项");
    let d = parse(&edited);
    let row = d
        .tables()
        .flat_map(|t| &t.rows)
        .find(|r| r.path.iter().any(|p| p == "2.其他未列明事项"))
        .unwrap();
    assert_eq!(row.key, None);
    assert!(
        d.warnings
            .iter()
            .any(|w| w.code == "unkeyed-label" && w.line == Some(row.line))
    );
}

#[test]
fn a_broken_sum_fails_exactly_its_checks() {
    let original = corpus("fixture-hangzhou-style-2025.txt");
    let edited = original.replacen(
        "一、本年新收政府信息公开申请数量 | 13612 |",
        "一、本年新收政府信息公开申请数量 | 13613 |",
        1,
    );
    assert_ne!(original, edited);
    let d = parse(&edited);
    assert_eq!(
        statuses(&d, "fail"),
        vec![
            "gidr-2021/t3-balance [申请人情况>自然人]".to_string(),
            "gidr-2021/t3-row-total [一、本年新收政府信息公开申请数量]".to_string(),
        ]
    );
    let c = d.checks.iter().find(|c| c.status == "fail").unwrap();
    assert_eq!(
        (c.expected, c.found),
        (Some(13613.0 + 535.0), Some(13364.0 + 783.0))
    );
}

#[test]
fn a_split_digit_is_joined_where_the_sums_say() {
    let original = corpus("fixture-hangzhou-style-2025.txt");
    let edited = original.replacen("| 13612 | 252 |", "| 1 | 3612 | 252 |", 1);
    assert_ne!(original, edited);
    let d = parse(&edited);
    let w: Vec<_> = d
        .warnings
        .iter()
        .filter(|w| w.code == "split-digits")
        .collect();
    assert_eq!(w.len(), 1, "{:?}", d.warnings);
    let row = d
        .tables()
        .flat_map(|t| &t.rows)
        .find(|r| r.line == w[0].line.unwrap())
        .unwrap();
    assert_eq!(row.key.as_deref(), Some("apply.new"));
    assert_eq!(row.cells[0].value, Some(13612.0));
    assert_eq!(row.path, ["一、本年新收政府信息公开申请数量"]);
    assert_eq!(statuses(&d, "fail"), Vec::<String>::new());
}

#[test]
fn a_split_digit_that_no_sum_confirms_is_left_alone() {
    // 0 | 0 could be 00 or 0 + 0: no sum tells, so nothing is joined
    let edited = corpus("fixture-hangzhou-style-2025.txt").replacen(
        "3.要求提供公开出版物 | 0 |",
        "3.要求提供公开出版物 | 0 | 0 |",
        1,
    );
    let d = parse(&edited);
    assert!(d.warnings.iter().all(|w| w.code != "split-digits"));
}

#[test]
fn numbers_in_the_text_are_checked_against_the_table() {
    let original = corpus("fixture-hangzhou-style-2025.txt");
    let agree = original.replacen(
        "主动公开方面成效明显。",
        "全年收到政府信息公开申请14069件。",
        1,
    );
    let d = parse(&agree);
    assert_eq!(
        statuses(&d, "pass")
            .iter()
            .filter(|s| s.contains("text-applications"))
            .count(),
        1
    );
    let disagree = original.replacen(
        "主动公开方面成效明显。",
        "全年收到政府信息公开申请14070件。",
        1,
    );
    let d = parse(&disagree);
    assert_eq!(
        statuses(&d, "fail"),
        vec!["gidr-2021/text-applications []".to_string()]
    );
}

#[test]
fn a_missing_row_is_skipped_not_passed() {
    let d = parse(&corpus("fixture-fengxian-style-2025.txt"));
    let skipped: Vec<_> = d
        .checks
        .iter()
        .filter(|c| c.rule.ends_with("t3-results-total"))
        .collect();
    assert!(!skipped.is_empty());
    assert!(
        skipped
            .iter()
            .all(|c| c.status == "skipped" && c.message.contains("cannot be made"))
    );
}

#[test]
fn headerless_tables_take_the_template_columns() {
    let d = parse(&corpus("suqian-2025-excerpt.txt"));
    let review = d.tables().find(|t| t.columns.len() == 15).unwrap();
    assert_eq!(
        review.columns[5].path,
        ["行政诉讼", "未经复议直接起诉", "结果维持"]
    );
    assert_eq!(
        review.columns[5].key.as_deref(),
        Some("litigation.direct.upheld")
    );
    assert!(
        d.warnings
            .iter()
            .any(|w| w.code == "columns-from-template" && w.line == Some(review.lines[0]))
    );
    let active = d
        .tables()
        .find(|t| {
            t.rows
                .iter()
                .any(|r| r.key.as_deref() == Some("active.rules"))
        })
        .unwrap();
    assert_eq!(active.band.as_deref(), Some("第二十条第（一）项"));
    assert!(d.warnings.iter().any(|w| w.code == "band-from-template"));
}

#[test]
fn a_blank_total_two_sums_agree_on_is_derived() {
    let original = corpus("fixture-hangzhou-style-2025.txt");
    let edited = original.replacen(
        "四、结转下年度继续办理 | 783 | 6 | 0 | 2 | 25 | 3 | 819 |",
        "四、结转下年度继续办理 | 783 | 6 | 0 | 2 | 25 | 3 |  |",
        1,
    );
    assert_ne!(original, edited);
    let d = parse(&edited);
    let row = d
        .tables()
        .flat_map(|t| &t.rows)
        .find(|r| r.key.as_deref() == Some("apply.carried_over"))
        .unwrap();
    let total = &row.cells[6];
    assert_eq!(
        (total.kind, total.value, total.raw.as_str()),
        (crate::model::CellKind::Number, Some(819.0), "")
    );
    assert_eq!(total.derived.as_deref(), Some("sums"));
    assert!(
        d.warnings
            .iter()
            .any(|w| w.code == "derived-from-sums" && w.line == Some(row.line))
    );
}

#[test]
fn a_blank_cell_one_sum_determines_stays_blank() {
    // 二、上年结转's 总计 is in the row sum and in the column balance, but with 自然人
    // blanked too each rule has two unknowns: nothing is derived
    let original = corpus("fixture-hangzhou-style-2025.txt");
    let edited = original.replacen(
        "二、上年结转政府信息公开申请数量 | 535 | 6 | 0 | 1 | 18 | 0 | 560 |",
        "二、上年结转政府信息公开申请数量 |  | 6 | 0 | 1 | 18 | 0 |  |",
        1,
    );
    assert_ne!(original, edited);
    let d = parse(&edited);
    assert!(
        d.warnings.iter().all(|w| w.code != "derived-from-sums"),
        "{:?}",
        d.warnings
    );
    // the review table has only a row sum per group: a blank 总计 there stays blank
    let edited = original.replacen(
        "376 | 97 | 196 | 121 | 790 |",
        "376 | 97 | 196 | 121 |  |",
        1,
    );
    let d = parse(&edited);
    assert!(d.warnings.iter().all(|w| w.code != "derived-from-sums"));
}

/// The seed's application table flattened one cell per line, rows between blank lines.
fn cellline_blank() -> String {
    let path = format!(
        "{}/tests/styles/fixtures/zhaotong-zero.cellline-blank.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Replaces the seven values printed under `label` (one per line) with `values`.
fn set_row(text: &str, label: &str, values: &[&str]) -> String {
    let old = format!("{label}\n{}", "0\n".repeat(7));
    assert!(text.contains(&old), "{label} not found with seven zeros");
    let new = format!(
        "{label}\n{}",
        values.iter().map(|v| format!("{v}\n")).collect::<String>()
    );
    text.replacen(&old, &new, 1)
}

fn row<'a>(d: &'a Document, key_end: &str) -> &'a crate::model::Row {
    d.tables()
        .flat_map(|t| &t.rows)
        .find(|r| r.key.as_deref().is_some_and(|k| k.ends_with(key_end)))
        .unwrap_or_else(|| panic!("no row keyed *{key_end}"))
}

/// A row whose empty cells were dropped prints 5, 2, 7 for seven columns. The
/// column sums of the template (总计 of the results = the sum of the results) hold for
/// one placement only: 自然人 5, 商业机构 2, 总计 7; the other cells are empty.
#[test]
fn ragged_row_is_placed_when_only_one_placement_adds_up() {
    let full = ["5", "2", "0", "0", "0", "0", "7"];
    let mut text = set_row(&cellline_blank(), "一、本年新收政务信息公开申请数量", &full);
    text = set_row(&text, "(七)总计", &full);
    text = set_row(&text, "(一)予以公开", &["5", "2", "7"]);
    let d = parse(&text);
    let r = row(&d, ".granted");
    let cells: Vec<(String, &str)> = r
        .cells
        .iter()
        .map(|c| (format!("{:?}", c.kind), c.raw.as_str()))
        .collect();
    let want = [
        ("Number", "5"),
        ("Number", "2"),
        ("Empty", ""),
        ("Empty", ""),
        ("Empty", ""),
        ("Empty", ""),
        ("Number", "7"),
    ];
    assert_eq!(
        cells,
        want.map(|(k, v)| (k.to_string(), v)).to_vec(),
        "{:?}",
        d.warnings
    );
    assert!(r.unplaced.is_empty());
    let placed = d
        .warnings
        .iter()
        .filter(|w| w.code == "placed-by-sums")
        .count();
    assert_eq!(placed, 3);
    assert!(!d.warnings.iter().any(|w| w.code == "unplaced-value"));
    assert!(
        statuses(&d, "fail").is_empty(),
        "{:?}",
        statuses(&d, "fail")
    );
}

/// Zeros fit every placement: nothing is moved; the row, whose values no column can be
/// given, is left out of the table and its values are reported as printed.
#[test]
fn ragged_row_stays_unplaced_when_several_placements_add_up() {
    let text = set_row(&cellline_blank(), "(一)予以公开", &["0", "0"]);
    let d = parse(&text);
    assert!(
        !d.tables()
            .flat_map(|t| &t.rows)
            .any(|r| r.key.as_deref().is_some_and(|k| k.ends_with(".granted"))),
        "the row has no cell to show"
    );
    let unplaced = d
        .warnings
        .iter()
        .filter(|w| w.code == "unplaced-value")
        .count();
    assert_eq!(unplaced, 1);
    let lost = messages(&d, "unplaced-row");
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert!(lost[0].contains("values 0 0"), "{}", lost[0]);
    assert!(!d.warnings.iter().any(|w| w.code == "placed-by-sums"));
}

/// A flattening that moved a group label down (`(三)不予公开` printed with its fourth row
/// instead of its first): the template's grammar reads rows by their own labels, so rows
/// 1-3 take their keys and their group's path; the values stay where they were printed.
#[test]
fn rows_under_a_moved_group_label_are_keyed_by_their_own_label() {
    let seed = corpus("zhaotong-2020.txt");
    let edited = seed
        .replace(
            "(三)不予公开 | 1.属于国家秘密 | 0 |",
            "1.属于国家秘密 | 4 |",
        )
        .replace(
            "4.保护第三方合法权益 | 0 |",
            "(三)不予公开 | 4.保护第三方合法权益 | 0 |",
        );
    assert_ne!(edited, seed);
    let d = parse(&edited);
    let r = d
        .tables()
        .flat_map(|t| &t.rows)
        .find(|r| r.path.last().is_some_and(|l| l == "1.属于国家秘密"))
        .unwrap();
    assert_eq!(r.key.as_deref(), Some("apply.result.refused.state_secret"));
    // the group label as the report prints it
    assert_eq!(
        r.path,
        ["三、本年度办理结果", "(三)不予公开", "1.属于国家秘密"]
    );
    assert_eq!(r.cells[0].value, Some(4.0));
    // and the row under the moved label keeps its own place
    let r4 = row(&d, ".third_party");
    assert_eq!(r4.path[1], "(三)不予公开");
}

/// A row label wrapped over two lines above its row of bare values (a PDF dump): the
/// second line ends the label; the row takes the whole label and its key.
#[test]
fn a_row_label_wrapped_onto_a_loose_line_is_joined() {
    let seed = corpus("zhaotong-2020.txt");
    let edited = seed.replace(
        "(二)不分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
        "(二)部分公开(区分处理的,只计这一情\n形,不计其他情形)\n| 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n",
    );
    assert_ne!(edited, seed);
    let d = parse(&edited);
    let r = row(&d, ".partial");
    assert_eq!(
        r.path.last().map(String::as_str),
        Some("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    );
    assert_eq!(r.cells[0].value, Some(5.0));
    // the label read across its lines is the row's label; no recovery is needed
    assert!(
        !d.warnings.iter().any(|w| w.code == "unplaced-value"),
        "{:?}",
        d.warnings
    );
}

/// A fragment that starts mid-page, with a table before any heading: the table takes the
/// title of the template table whose rows and columns it has, with a warning.
#[test]
fn a_table_before_any_heading_takes_the_template_title() {
    let seed = corpus("zhaotong-2020.txt");
    let start = seed.find("第二十条第(六)项").expect("band line");
    let d = parse(&seed[start..]);
    let t = d.tables().next().expect("a table");
    assert!(t.section.is_empty());
    assert_eq!(t.title.as_deref(), Some("主动公开政府信息情况"));
    assert!(d.warnings.iter().any(|w| w.code == "title-from-template"));
}

/// A report whose tables are too broken to match still names the template's tables in its
/// headings; with its year that picks the template, and a bare row of the review table's
/// fifteen values takes its columns.
#[test]
fn headings_and_year_pick_the_template_when_no_table_matches() {
    let text = "某市人民政府2024年政府信息公开工作年度报告\n\
一、总体情况\n2024年，本市推进政务公开。\n\
二、主动公开政府信息情况\n见下。\n\
三、收到和处理政府信息公开申请情况\n见下。\n\
四、政府信息公开行政复议、行政诉讼情况\n\
| 72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20 |\n\
五、存在的主要问题及改进情况\n无。\n";
    let d = parse(text);
    assert_eq!(d.meta.template.as_deref(), Some("gidr-2021"));
    let t = d.tables().next().expect("the review table");
    assert_eq!(t.columns[4].key.as_deref(), Some("review.total"));
    assert_eq!(t.rows[0].cells[4].value, Some(351.0));
    assert!(statuses(&d, "fail").is_empty());
    assert!(!statuses(&d, "pass").is_empty());
    // without a year the same text picks nothing
    let d = parse(&text.replacen("2024年", "", 2));
    assert_eq!(d.meta.template, None);
}

/// A table whose header the tool set apart from its columns (pandoc drops the corner
/// cell's row span and pads the rows below it) takes the template's columns, and a leaf
/// label its header prints in other words (`商业机构` for `商业企业`) keeps its words.
#[test]
fn template_columns_keep_a_label_the_header_prints_in_other_words() {
    // the leaf row labels of the template's table, as a page prints them
    let tpl = super::data::builtin()
        .iter()
        .find(|t| t.id == "gidr-2021")
        .unwrap();
    let table = tpl
        .tables
        .iter()
        .find(|t| t.title.starts_with("收到和处理"))
        .unwrap();
    fn leaves<'a>(rows: &'a [super::data::TRow], out: &mut Vec<&'a str>) {
        for r in rows {
            if r.rows.is_empty() {
                out.push(&r.label);
            }
            leaves(&r.rows, out);
        }
    }
    let mut labels = Vec::new();
    leaves(&table.parts[0].rows, &mut labels);
    let mut html = String::from(
        "<p>三、收到和处理政府信息公开申请情况</p>\n<table>\n\
         <tr><th colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和等于第三项加第四项之和）</th><th colspan=\"7\">申请人情况</th></tr>\n\
         <tr><th rowspan=\"2\">自然人</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">总计</th><th></th><th></th><th></th></tr>\n\
         <tr><th>商业机构</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th><th></th><th></th><th></th></tr>\n",
    );
    for l in labels {
        html.push_str(&format!(
            "<tr><td colspan=\"3\">{l}</td><td>2</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>\n"
        ));
    }
    html.push_str("</table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>\n");
    let d = parse(&html);
    let t = d
        .tables()
        .find(|t| {
            t.rows
                .iter()
                .any(|r| r.path.last().is_some_and(|l| l == "2.重复申请"))
        })
        .unwrap();
    let leaves: Vec<&str> = t
        .columns
        .iter()
        .filter_map(|c| c.path.last().map(String::as_str))
        .collect();
    assert_eq!(
        leaves,
        [
            "自然人",
            "商业机构",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计"
        ]
    );
    assert_eq!(
        t.columns[1].key.as_deref(),
        Some("applicant.legal.commercial")
    );
}

/// The first table of the 2021 pipe rendering, its id, and the document with its columns
/// edited by `edit` and then put through [`super::unread_clashing_headers`].
fn with_header(edit: impl Fn(&mut [crate::model::Column])) -> (Document, String, Vec<String>) {
    let mut d = parse(&corpus("template-2021-pipe.txt"));
    let t = d.tables().next().expect("a table");
    let id = t.id.clone();
    let printed: Vec<String> = t.rows[0].cells.iter().map(|c| c.raw.clone()).collect();
    for b in d.blocks.iter_mut() {
        if let crate::model::Block::Table(t) = b
            && t.id == id
        {
            edit(&mut t.columns);
        }
    }
    super::unread_clashing_headers(&mut d, gidr_2021());
    (d, id, printed)
}

/// Asserts that table `id` was read as misread: no column keeps a key, no cell a value.
fn assert_misread(d: &Document, id: &str) {
    let t = d.tables().find(|t| t.id == id).unwrap();
    assert!(t.columns.iter().all(|c| c.key.is_none()));
    assert!(t.rows.iter().all(|r| {
        r.cells
            .iter()
            .all(|c| c.kind == crate::model::CellKind::Missing)
    }));
    assert!(d.warnings.iter().any(|w| w.code == "header-misread"));
}

fn gidr_2021() -> &'static super::Template {
    super::builtin()
        .iter()
        .find(|t| t.id == "gidr-2021")
        .expect("gidr-2021")
}

/// A table whose header was read so that two of its columns take one template key is
/// misread somewhere, and which column is right cannot be told: its values are left
/// unplaced, none kept under a key it may not have.
#[test]
fn a_header_giving_two_columns_one_key_leaves_its_values_unplaced() {
    let (d, id, printed) = with_header(|cols| {
        assert!(cols[0].key.is_some());
        cols[1].key = cols[0].key.clone();
    });
    assert_misread(&d, &id);
    let kept: Vec<String> = printed.into_iter().filter(|v| !v.is_empty()).collect();
    let t = d.tables().find(|t| t.id == id).unwrap();
    assert_eq!(t.rows[0].unplaced, kept);
}

/// A table whose header was read so that its columns take template keys in another order
/// than the template's (`总计` before `结果纠正` under one group) was misread: its values
/// are left unplaced. A table keeping the template's order is left as it is.
#[test]
fn a_header_read_into_another_order_than_the_templates_leaves_its_values_unplaced() {
    let (kept, _, _) = with_header(|_| {});
    assert_eq!(kept, parse(&corpus("template-2021-pipe.txt")));
    let (d, id, _) = with_header(|cols| {
        assert!(cols[0].key.is_some() && cols[1].key.is_some() && cols[0].key != cols[1].key);
        cols.swap(0, 1);
    });
    assert_misread(&d, &id);
}

/// Issue 13: tables of another report whose only row a template names is `总计` (a total
/// row in each table of a budget) do not make the report one of the template's: no row
/// takes a template path.
#[test]
fn total_rows_alone_choose_no_template() {
    let d = parse(
        "                    部门收入决算表
                                   单位：万元
          项目              金额
一、拨款收入                  90.00
二、事业收入                  15.00
总计                        105.00
                    部门支出决算表
                                   单位：万元
          项目              金额
一、拨款收入                  90.00
二、事业收入                  15.00
总计                        105.00
                    部门结余决算表
                                   单位：万元
          项目              金额
一、拨款收入                  90.00
二、事业收入                  15.00
总计                        105.00
",
    );
    let paths: Vec<String> = d
        .tables()
        .flat_map(|t| t.rows.iter().map(|r| r.path.join(">")))
        .filter(|p| p.contains("总计"))
        .collect();
    assert_eq!(paths, ["总计", "总计", "总计"]);
    assert!(d.tables().all(|t| t.rows.iter().all(|r| r.key.is_none())));
}

#[test]
fn generic_labels_in_separate_tables_choose_no_template() {
    // `总计` keys a template row and `其他收入` fuzzily a template column: two words any
    // budget prints name no template, however many of its tables print them.
    let d = parse(
        "                    收入支出决算总表
                                   单位：万元
          项目              决算数
一、拨款收入                  90.00
二、事业收入                  15.00
总计                        105.00
                    收入决算表
                                   单位：万元
          项目        本年收入合计     财政拨款收入     其他收入
一般公共服务支出          105.00         90.00          15.00
总计                      105.00         90.00          15.00
",
    );
    assert_eq!(d.meta.template, None);
    assert!(
        d.warnings.iter().all(|w| !w.message.contains("gidr")),
        "{:?}",
        d.warnings
    );
    let t = d.tables().nth(1).expect("second table");
    let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
    assert_eq!(cols, ["本年收入合计", "财政拨款收入", "其他收入"]);
    assert!(t.columns.iter().all(|c| c.key.is_none()));
}

/// A cell-per-line table (BeautifulSoup's text) drops a row's empty cells, so a row
/// printing fewer values than the table has columns cannot say which it fills. In a
/// report of any kind, template or not, such a row is left out of its table with an
/// `unplaced-row` warning holding its values, rather than shown with cells that claim
/// the report prints nothing there; the rows under it keep their full paths.
#[test]
fn a_row_whose_values_fit_no_column_is_left_out_of_any_table() {
    let text = "项目\n3月\n1-3月累计\n增长(%)\n\
                一、零售总额\n387581\n1173850\n2.0\n\
                二、企业数\n-\n332\n\
                1、批发企业\n-\n278\n";
    let d = parse_bytes(text.as_bytes(), "t.txt", &Options::default()).expect("parses");
    assert_eq!(d.meta.template, None);
    let t = d.tables().next().expect("a table");
    let paths: Vec<String> = t.rows.iter().map(|r| r.path.join(">")).collect();
    assert_eq!(paths, ["一、零售总额"]);
    assert_eq!(t.rows[0].cells[1].raw, "1173850");
    let lost = messages(&d, "unplaced-row");
    assert_eq!(lost.len(), 2, "{lost:?}");
    assert!(
        lost[0].contains("- 332") && lost[1].contains("- 278"),
        "{lost:?}"
    );
}

/// w3m sets cells and header labels flush at their columns' starts, padding the label
/// column to its longest label and one space, so the values of the row with the longest
/// label stand one space after it, as lynx's squeezed rows do. Where every value of a
/// part starts exactly where a column's label starts, the header places the values of
/// the rows printing fewer than the columns.
#[test]
fn values_at_the_labels_starts_are_placed_under_them() {
    let text = "二、主动公开政府信息情况\n\n\
                第二十条第(一)项\n\
                信息       本年新   本年新公开数量  对外公开总数量\n\
                内容       制作数量\n\
                规章                                15\n\
                规范性文件 5        5               17\n\n\
                第二十条第(六)项\n\
                信息     上一年   本年增/减  处理决定\n\
                内容     项目数量            数量\n\
                行政处罚 98                  314\n\
                行政强制 37\n\n\
                三、收到和处理政府信息公开申请情况\n";
    let d = parse(text);
    let want = [
        ("规章", ["", "", "15"]),
        ("规范性文件", ["5", "5", "17"]),
        ("行政处罚", ["98", "", "314"]),
        ("行政强制", ["37", "", ""]),
    ];
    assert_rows(&d, &want);
}

/// A PDF's text (`pdftotext -layout`) of the first table of the 2019 template: short rows
/// under headers whose labels stand apart, on one page.
const PDF_SHORT_ROWS: &str = concat!(
    "\u{c}",
    " 二、主动公开政府信息情况\n",
    "                            第二十条第（一）项\n",
    "        信息                 本年新               本年新             对外公开\n",
    "        内容                制作数量              公开数量              总数量\n",
    "规章                                                               28\n",
    "规范性文件                                                            24\n",
    "                            第二十条第（五）项\n",
    "            信息内容                 上一年项目数量           本年增/减         处理决定\n",
    "                                                                  数量\n",
    "行政许可                                2                                 180\n",
    "其他对外管理服务事项                          39                                57\n",
    "                            第二十条第（六）项\n",
    "       信息            上一年             本年增/减             处理决定数量\n",
    "       内容           项目数量\n",
    "行政处罚                 28                                     90\n",
    "行政强制                 49                                     9\n",
    "三、收到和处理政府信息公开申请情况\n",
);

/// `pdftotext -layout` sets a PDF's page one character a column, whatever a glyph's width,
/// and centres nothing: a short row's values stand under their column's label counted in
/// characters, drifting right after a long Chinese label. Where a value lies between two
/// labels clear of each by more than a space, the header places it (`规章 … 28` under
/// `对外公开总数量`); one that drifted into the gap right after a label stays unplaced.
#[test]
fn a_pdf_short_row_is_placed_by_the_header_counted_in_characters() {
    let text = PDF_SHORT_ROWS;
    let d = parse(text);
    let want = [
        ("规章", ["", "", "28"]),
        ("规范性文件", ["", "", "24"]),
        ("行政许可", ["2", "", "180"]),
        ("其他对外管理服务事项", ["39", "", "57"]),
        ("行政处罚", ["28", "", "90"]),
        ("行政强制", ["49", "", "9"]),
    ];
    assert_rows(&d, &want);
    // a value one space past a label's end, before the next label: not placed
    let drifted = concat!(
        "\u{c}二、主动公开政府信息情况\n",
        "                   第二十条第（一）项\n",
        "   信息内容        本年新       本年新         对外公开总数量\n",
        "               制作数量     公开数量\n",
        "    规章          5         4             19\n",
        "   规范性文件                                63\n",
        "                   第二十条第（五）项\n",
        "       信息          上一年项目数量   本年增/减       处理决定数量\n",
        "       内容\n",
        "     行政许可                 70\n",
        "  其他对外管理服务事项             202                         401\n",
        "                      第二十条第（六）项\n",
        "  信息内容          上一年项目数量           本年增/减          处理决定\n",
        "                                                  数量\n",
        "  行政处罚             56\n",
        "  行政强制             13              14                269\n",
        "                      第二十条第（八）项\n",
        "        信息                   上一年               本年增/减\n",
        "        内容                   项目数量\n",
        "      行政事业性收费\n",
        "                     第二十条第（九）项\n",
        "           信息                 采购项目                   采购\n",
        "           内容                  数量                    金额\n",
        "         政府集中采购\n",
        "三、收到和处理政府信息公开申请情况\n",
    );
    let d = parse(drifted);
    let placed: Vec<(String, String)> = d
        .tables()
        .flat_map(|t| {
            t.rows.iter().flat_map(move |r| {
                t.columns
                    .iter()
                    .zip(&r.cells)
                    .filter(|(_, c)| c.raw == "70")
                    .map(move |(col, _)| (r.path.join(">"), col.path.join(">")))
            })
        })
        .collect();
    // (70 stands a space past 上一年项目数量's end and before 本年增/减: no column is certain)
    assert!(placed.is_empty(), "{placed:?}");
}

/// `pdftotext -layout` sets each page on a grid of its own: a short row printed on the
/// page after its header's may stand columns away from where the header's page would set
/// it (b93 g00020: every row of a page printed 6 characters left of the page before).
/// The header places no value of another page; those rows are left out, with a warning,
/// and the rows on the header's page are placed as before.
#[test]
fn a_pdf_header_places_no_value_printed_on_the_next_page() {
    let text = PDF_SHORT_ROWS
        .replace(
            "行政许可                                2                                 180\n",
            "\u{c}行政许可                                                 2            180\n",
        )
        .replace(
            "其他对外管理服务事项                          39                                57\n",
            "其他对外管理服务事项                                           39           57\n",
        );
    assert_ne!(text, PDF_SHORT_ROWS);
    let d = parse(&text);
    let want = [
        ("规章", ["", "", "28"]),
        ("规范性文件", ["", "", "24"]),
        ("行政处罚", ["28", "", "90"]),
        ("行政强制", ["49", "", "9"]),
    ];
    assert_rows(&d, &want);
    let left_out = messages(&d, "unplaced-row");
    assert!(
        left_out
            .iter()
            .any(|m| m.contains("行政许可") && m.contains("2 180")),
        "{left_out:?}"
    );
}
