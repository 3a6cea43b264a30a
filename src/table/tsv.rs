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

/// True when `text` is a tab-separated row: it has a tab after some content, or two
/// tabs with content between them.
///
/// ```
/// use govreport::table::tsv::is_tsv_row;
/// assert!(is_tsv_row("规章\t0\t0"));
/// assert!(is_tsv_row("\t\t2.其他\t0"));
/// assert!(is_tsv_row("第二十条第（一）项\t"));
/// assert!(!is_tsv_row("\t一、总体情况"));
/// assert!(!is_tsv_row("\t\t"));
/// ```
pub fn is_tsv_row(text: &str) -> bool {
    let t = text.trim_start();
    t.contains('\t') && !crate::normalize::trim(t).is_empty()
}

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
