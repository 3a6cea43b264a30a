//! The structure of the seed report `corpus/zhaotong-2020.txt`, asserted field by field
//! (issue 3, item 5). Every expected value here was read from the text of the seed, with
//! its line numbers, not copied from the program's output.

use crate::util;
use govreport::model::{Block, CellKind, Heading, Table};

fn tables() -> Vec<&'static Table> {
    util::seed_doc().tables().collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn table_under(number: &str) -> Vec<&'static Table> {
    let doc = util::seed_doc();
    let mut current = None;
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Heading(h) if h.level == 1 => current = Some(h.number.clone()),
            Block::Table(t) if current.as_deref() == Some(number) => out.push(t.as_ref()),
            _ => {}
        }
    }
    out
}

const APPLICANTS: [&str; 5] = [
    "商业机构",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
];
const RESULTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

#[test]
fn meta() {
    let m = &util::seed_doc().meta;
    assert_eq!(m.year, Some(2020));
    assert_eq!(m.agency.as_deref(), Some("昭通市政务服务管理局"));
    // the seed prints no title line (line 1 is the opening sentence)
    assert_eq!(m.title, None);
}

#[test]
fn seven_tables_in_three_sections() {
    assert_eq!(tables().len(), 7);
    assert_eq!(table_under("二").len(), 5);
    assert_eq!(table_under("三").len(), 1);
    assert_eq!(table_under("四").len(), 1);
    for t in tables() {
        assert_eq!(t.style, "pipe", "{}", t.id);
    }
}

#[test]
fn table_three_applications() {
    let t = table_under("三")[0];
    assert_eq!(t.lines, [30, 55]);
    assert_eq!(t.title.as_deref(), Some("收到和处理政府信息公开申请情况"));
    assert_eq!(t.section, ["三、收到和处理政府信息公开申请情况"]);
    assert_eq!(t.band, None);
    assert_eq!(
        t.note.as_deref(),
        Some("本列数据的勾稽关系为:第一项加第二项之和等于第三项加第四项之和")
    );
    let mut want = vec![strings(&["申请人情况", "自然人"])];
    for a in APPLICANTS {
        want.push(strings(&["申请人情况", "法人或其他组织", a]));
    }
    want.push(strings(&["申请人情况", "总计"]));
    let got: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
    assert_eq!(got, want);

    // lines 33-55, one row each, seven zeros each
    assert_eq!(t.rows.len(), 23);
    for (i, r) in t.rows.iter().enumerate() {
        assert_eq!(r.line, 33 + i as u32);
        assert_eq!(r.cells.len(), 7);
        for c in &r.cells {
            assert_eq!(
                (c.raw.as_str(), c.kind, c.value),
                ("0", CellKind::Number, Some(0.0))
            );
        }
    }
    let row = |line: u32| {
        t.rows
            .iter()
            .find(|r| r.line == line)
            .unwrap_or_else(|| panic!("no row on line {line}"))
            .path
            .clone()
    };
    assert_eq!(row(33), ["一、本年新收政务信息公开申请数量"]);
    assert_eq!(row(35), ["三、本年度办理结果", "(一)予以公开"]);
    assert_eq!(
        row(36),
        [
            "三、本年度办理结果",
            "(二)不分公开(区分处理的,只计这一情形,不计其他情形)"
        ]
    );
    assert_eq!(
        row(37),
        ["三、本年度办理结果", "(三)不予公开", "1.属于国家秘密"]
    );
    assert_eq!(
        row(38),
        [
            "三、本年度办理结果",
            "(三)不予公开",
            "2.其他法律行政法规禁止公开"
        ]
    );
    assert_eq!(
        row(45),
        [
            "三、本年度办理结果",
            "(四)无法提供",
            "1.本机关不掌握相关政府信息"
        ]
    );
    assert_eq!(
        row(52),
        [
            "三、本年度办理结果",
            "(五)不予处理",
            "5.要求行政机关确认或重新出具以获取信息"
        ]
    );
    assert_eq!(row(53), ["三、本年度办理结果", "(六)其他处理"]);
    assert_eq!(row(54), ["三、本年度办理结果", "(七)总计"]);
    assert_eq!(row(55), ["四、结转下年度继续办理"]);
}

#[test]
fn table_four_review_and_litigation() {
    let t = table_under("四")[0];
    assert_eq!(t.lines, [57, 60]);
    assert_eq!(
        t.title.as_deref(),
        Some("政府信息公开行政复议、行政诉讼情况")
    );
    let mut want = Vec::new();
    for r in RESULTS {
        want.push(strings(&["行政复议", r]));
    }
    for group in ["未经复议直接起诉", "复议后起诉"] {
        for r in RESULTS {
            want.push(strings(&["行政诉讼", group, r]));
        }
    }
    let got: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
    assert_eq!(got, want);
    assert_eq!(t.rows.len(), 1);
    let r = &t.rows[0];
    assert_eq!(r.line, 60);
    assert!(r.path.is_empty(), "{:?}", r.path);
    assert_eq!(r.cells.len(), 15);
    assert!(
        r.cells
            .iter()
            .all(|c| c.kind == CellKind::Number && c.value == Some(0.0))
    );
}

#[test]
fn tables_under_two_are_bands() {
    let ts = table_under("二");
    // (band, band line, last line, columns as printed on the header line, row labels)
    type Band = (
        &'static str,
        u32,
        u32,
        &'static [&'static str],
        &'static [&'static str],
    );
    let want: [Band; 5] = [
        (
            "第二十条第(一)项",
            11,
            14,
            &["本年新制作数量", "本年新 公开数量", "对外公开 总数量"],
            &["规章", "规范性文件"],
        ),
        (
            "第二十条第(五)项",
            15,
            18,
            &["上一年项目数量", "本年增/减", "处理决定数量"],
            &["行政许可", "其他对外管理服务事项"],
        ),
        (
            "第二十条第(六)项",
            19,
            22,
            &["上一年项目数量", "本年增/减", "处理决定数量"],
            &["行政处罚", "行政强制"],
        ),
        (
            "第二十条第(八)项",
            23,
            25,
            &["上一年项目数量", "本年增/减"],
            &["行政事业性收费"],
        ),
        (
            "第二十条第(九)项",
            26,
            28,
            &["采购项目数量", "采购金额"],
            &["政府集中采购"],
        ),
    ];
    assert_eq!(ts.len(), want.len());
    for (t, (band, first, last, cols, rows)) in ts.iter().zip(want) {
        assert_eq!(t.band.as_deref(), Some(band));
        assert_eq!(t.lines, [first, last], "{band}");
        assert_eq!(t.title.as_deref(), Some("主动公开政府信息情况"), "{band}");
        assert_eq!(t.section, ["二、主动公开政府信息情况"]);
        assert_eq!(t.stub, ["信息内容"], "{band}");
        let got: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
        let want_cols: Vec<Vec<String>> = cols.iter().map(|c| vec![c.to_string()]).collect();
        assert_eq!(got, want_cols, "{band}");
        let paths: Vec<Vec<String>> = t.rows.iter().map(|r| r.path.clone()).collect();
        let want_rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| vec![band.to_string(), r.to_string()])
            .collect();
        assert_eq!(paths, want_rows, "{band}");
        for r in &t.rows {
            assert_eq!(r.cells.len(), cols.len());
            assert!(r.cells.iter().all(|c| c.value == Some(0.0)));
        }
    }
    // the example of the issue
    assert_eq!(ts[0].rows[0].path, ["第二十条第(一)项", "规章"]);
    assert_eq!(ts[0].columns[0].path, ["本年新制作数量"]);
}

/// Every heading in order: 一…六 at level 1, the run-in (一)…(七) under 一 and (一)…(三)
/// under 五 at level 2; nothing inside the tables is a heading.
#[test]
fn headings() {
    let doc = util::seed_doc();
    let heads: Vec<&Heading> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h),
            _ => None,
        })
        .collect();
    let want: [(u32, u8, &str, &str); 16] = [
        (2, 1, "一", "总体情况"),
        (3, 2, "一", "做好职能职责主动公开"),
        (4, 2, "二", "配合做好试点领域政务公开事项"),
        (5, 2, "三", "抓实人大代表建议及政协委员提案办理公开"),
        (6, 2, "四", "推进重点领域信息公开"),
        (7, 2, "五", "服务事项权责清单公开"),
        (8, 2, "六", "抓好规章制度及规范性文件公开"),
        (9, 2, "七", "规范政务多媒体运行"),
        (10, 1, "二", "主动公开政府信息情况"),
        (29, 1, "三", "收到和处理政府信息公开申请情况"),
        (56, 1, "四", "政府信息公开行政复议、行政诉讼情况"),
        (61, 1, "五", "存在主要问题及改进情况"),
        (63, 2, "一", "进一步强化组织领导"),
        (64, 2, "二", "进一步健全完善制度"),
        (65, 2, "三", "进一步抓好培训指导"),
        (66, 1, "六", "其他需要报告的事项"),
    ];
    let got: Vec<(u32, u8, &str, &str)> = heads
        .iter()
        .map(|h| (h.lines[0], h.level, h.number.as_str(), h.title.as_str()))
        .collect();
    assert_eq!(got, want);
    for h in heads {
        assert_eq!(h.lines[0], h.lines[1]);
    }
}

/// Each run-in heading (一)…(七) on lines 3-9 and (一)…(三) on lines 63-65 is followed by
/// a paragraph on the same line holding the rest of the line after the first `。`.
#[test]
fn run_in_headings_split_into_heading_and_paragraph() {
    let doc = util::seed_doc();
    let text = std::fs::read_to_string(util::seed_path()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for no in (3..=9).chain(63..=65) {
        let i = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading(h) if h.lines == [no, no]))
            .unwrap_or_else(|| panic!("no heading on line {no}"));
        let Some(Block::Paragraph(p)) = doc.blocks.get(i + 1) else {
            panic!("line {no}: the heading is not followed by a paragraph");
        };
        assert_eq!(p.lines, [no, no]);
        let line = lines[no as usize - 1];
        let rest = &line[line.find('。').unwrap() + '。'.len_utf8()..];
        assert_eq!(p.text, rest, "line {no}");
    }
}

#[test]
fn no_heading_inside_tables() {
    for b in &util::seed_doc().blocks {
        if let Block::Heading(h) = b {
            let l = h.lines[0];
            assert!(
                !(11..=28).contains(&l) && !(30..=55).contains(&l) && !(57..=60).contains(&l),
                "heading inside a table on line {l}: {}",
                h.title
            );
        }
    }
}

#[test]
fn no_warnings() {
    assert_eq!(util::seed_doc().warnings, []);
}
