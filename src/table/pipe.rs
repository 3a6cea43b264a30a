//! Pipe and Markdown rows: `a | b | c |` (HTML flattened, a cell per `<td>` present),
//! `| a | b |` with a `|---|---|` line (Markdown).
//!
//! Grammar of a row: cells separated by `|`; one leading `|` at the very start of the
//! line and one trailing `|` are delimiters, not empty cells. A line that starts with
//! white space before its first `|` has an empty first cell (the HTML flattening writes
//! each cell as `text |`, so an empty first cell leaves ` |`).

/// True when `text` is a table row in pipe or Markdown form.
///
/// ```
/// use govreport::table::pipe::is_pipe_row;
/// assert!(is_pipe_row("规章 | 0 | 0 | 0 |"));
/// assert!(is_pipe_row("第二十条第（一）项 |"));
/// assert!(is_pipe_row("| a | b |"));
/// assert!(!is_pipe_row("a|b in prose"));
/// ```
pub fn is_pipe_row(text: &str) -> bool {
    let t = text.trim_end();
    let bars = t.matches('|').count();
    bars >= 2 || (bars == 1 && (t.ends_with('|') || t.trim_start().starts_with('|')))
}

/// True for a Markdown delimiter row such as `|---|:---:|`.
///
/// ```
/// use govreport::table::pipe::is_separator;
/// assert!(is_separator("|---|:---:|"));
/// assert!(!is_separator("| - | - |"));
/// ```
///
/// Each cell needs at least three dashes, so a row of not-applicable marks (`| - | - |`)
/// stays a row.
pub fn is_separator(text: &str) -> bool {
    let t = text.trim();
    t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        && split_cells(t).iter().all(|c| {
            c.trim_matches(':').len() >= 3 && c.trim_matches(':').chars().all(|x| x == '-')
        })
}

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
