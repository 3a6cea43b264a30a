//! Pipe and Markdown rows: `a | b | c |` (HTML flattened, a cell per `<td>` present),
//! `| a | b |` with a `|---|---|` line (Markdown).
//!
//! Grammar of a row: cells separated by `|`; one leading `|` at the very start of the
//! line and one trailing `|` are delimiters, not empty cells. A line that starts with
//! white space before its first `|` has an empty first cell (the HTML flattening writes
//! each cell as `text |`, so an empty first cell leaves ` |`).

/// True when the row is written Markdown-style, with a leading bar.
pub fn has_leading_bar(text: &str) -> bool {
    text.starts_with('|')
}

/// Splits a pipe row into trimmed cells.
///
/// ```
/// use govreport::table::pipe::split_cells;
/// assert_eq!(split_cells("a | b |"), ["a", "b"]);
/// assert_eq!(split_cells("| a | b |"), ["a", "b"]);
/// assert_eq!(split_cells(" | b |  |"), ["", "b", ""]);
/// ```
pub fn split_cells(text: &str) -> Vec<String> {
    let t = text.trim_end();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|')
        .map(|c| crate::normalize::trim(c).to_string())
        .collect()
}
