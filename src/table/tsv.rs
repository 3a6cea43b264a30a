//! Tab-separated rows, as Word and spreadsheets copy a table: one field per table cell
//! present in the row (`<w:tc>`), separated by tabs.
//!
//! Grammar of a row: fields separated by `\t`, each trimmed. Empty fields stay in place:
//! a cell continued from the row above (a vertical merge) is an empty field, and so is an
//! empty value cell. A row of a single cell has no tab at all (a band such as
//! `第二十条第（一）项`); the region reader takes such lines in when they sit between
//! tab rows or head them.
//!
//! Accepted: `规章\t0\t0\t0`, `\t（二）部分公开\t0\t0`, `第二十条第（一）项\t\t`.
//! Rejected: `\t一、总体情况` (a tab used only as indentation), `a b c` (no tab).

/// Splits a tab-separated row into trimmed fields, empty ones kept.
///
/// ```
/// use govreport::table::tsv::split_fields;
/// assert_eq!(split_fields("\t自然人\t总计"), ["", "自然人", "总计"]);
/// assert_eq!(split_fields("其他\t"), ["其他", ""]);
/// assert_eq!(split_fields("第二十条第（一）项"), ["第二十条第（一）项"]);
/// ```
pub fn split_fields(text: &str) -> Vec<String> {
    let t = text.trim_end_matches(['\r', '\n']);
    let t = t.trim_start_matches('\u{c}');
    t.split('\t')
        .map(|c| crate::normalize::trim(c).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::Block;

    #[test]
    fn vertical_merges_are_empty_fields() {
        let text = "三、收到和处理政府信息公开申请情况\n\
（本列数据的勾稽关系）\t申请人情况\n\
\t自然人\t法人或其他组织\t总计\n\
\t\t商业企业\t其他\t\n\
一、本年新收\t1\t2\t3\t6\n\
三、本年度办理结果\t（一）予以公开\t4\t5\t6\t15\n\
\t（三）不予公开\t1.属于国家秘密\t7\t8\t9\t24\n\
\t\t2.其他\t10\t11\t12\t33\n";
        let d = crate::table::testutil::doc(text);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let t = d.tables().next().unwrap();
        assert_eq!(t.style, "tsv");
        assert_eq!(t.note.as_deref(), Some("本列数据的勾稽关系"));
        let cols: Vec<String> = t.columns.iter().map(|c| c.path.join(">")).collect();
        assert_eq!(
            cols,
            [
                "申请人情况>自然人",
                "申请人情况>法人或其他组织>商业企业",
                "申请人情况>法人或其他组织>其他",
                "申请人情况>总计"
            ]
        );
        let last = t.rows.last().unwrap();
        assert_eq!(
            last.path,
            ["三、本年度办理结果", "（三）不予公开", "2.其他"]
        );
        assert_eq!(last.cells[3].value, Some(33.0));
        assert!(d.blocks.iter().all(|b| !matches!(b, Block::Paragraph(_))));
    }

    #[test]
    fn band_rows_have_no_tab() {
        let text = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\n规章\t1\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t7\n";
        let d = crate::table::testutil::doc(text);
        let t: Vec<_> = d.tables().collect();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].rows[0].path, ["第二十条第（一）项", "规章"]);
        assert_eq!(t[1].rows[0].path, ["第二十条第（五）项", "行政许可"]);
        assert_eq!(t[1].columns[0].path, ["本年处理决定数量"]);
    }
}
