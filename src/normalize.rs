//! Text normalisation for matching only; the output always keeps the printed text.
//!
//! [`fold`] gives the form used to compare labels: NFKC (full-width forms, Kangxi
//! radicals from PDF text layers, U+3000, NBSP), unified brackets and colons, and all
//! whitespace removed (so `商 业 企 业` matches `商业企业`).

use unicode_normalization::UnicodeNormalization;

/// The matching form of `s`.
///
/// ```
/// use govreport::normalize::fold;
/// assert_eq!(fold("（一）予以公开"), fold("(一) 予以公开"));
/// assert_eq!(fold("商 业 企 业"), "商业企业");
/// assert_eq!(fold("１２３"), "123");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfkc() {
        if c.is_whitespace() {
            continue;
        }
        out.push(unify(c));
    }
    out
}

/// Maps bracket and colon variants that NFKC leaves apart to one form.
fn unify(c: char) -> char {
    match c {
        '【' | '〔' | '［' | '〖' => '[',
        '】' | '〕' | '］' | '〗' => ']',
        '“' | '”' | '„' | '«' | '»' => '"',
        '‘' | '’' => '\'',
        '：' => ':',
        '，' => ',',
        '。' | '．' => '.',
        _ => c,
    }
}

/// `s` trimmed of ASCII and ideographic whitespace (U+3000, NBSP).
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// True for characters of the CJK scripts (used for display width and joining rules).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

/// White space next to a CJK character removed, other runs of white space collapsed to
/// one space (`2024 年上海市 科委` → `2024年上海市科委`, `Annual  Report` → `Annual Report`).
///
/// ```
/// assert_eq!(govreport::normalize::compact("2024 年 上海市\u{3000}科委"), "2024年上海市科委");
/// assert_eq!(govreport::normalize::compact(" Annual   Report "), "Annual Report");
/// ```
pub fn compact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in trim(s).chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !is_cjk(c) && out.chars().next_back().is_some_and(|p| !is_cjk(p)) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Joins pieces of a label split by wrapping or extraction: no space between two CJK
/// characters, one space otherwise.
pub fn join_label(a: &str, b: &str) -> String {
    let (a, b) = (trim(a), trim(b));
    if a.is_empty() {
        return b.to_string();
    }
    if b.is_empty() {
        return a.to_string();
    }
    let last = a.chars().next_back().unwrap_or(' ');
    let first = b.chars().next().unwrap_or(' ');
    if is_cjk(last) || is_cjk(first) {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// [`join_label`] in place: appends `b` to `a` (linear over many pieces).
///
/// ```
/// let mut s = String::from("商业");
/// govreport::normalize::push_label(&mut s, "企业");
/// govreport::normalize::push_label(&mut s, "Ltd");
/// assert_eq!(s, "商业企业Ltd");
/// ```
pub fn push_label(a: &mut String, b: &str) {
    let b = trim(b);
    if b.is_empty() {
        return;
    }
    if trim(a).len() != a.len() {
        *a = trim(a).to_string();
    }
    if a.is_empty() {
        a.push_str(b);
        return;
    }
    let last = a.chars().next_back().unwrap_or(' ');
    let first = b.chars().next().unwrap_or(' ');
    if !(is_cjk(last) || is_cjk(first)) {
        a.push(' ');
    }
    a.push_str(b);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_unifies_variants() {
        assert_eq!(fold("（本列数据：第一项）"), "(本列数据:第一项)");
        assert_eq!(fold("\u{3000}规章\u{a0}"), "规章");
        // Kangxi radical ⼀ (U+2F00) as PDF text layers print it
        assert_eq!(fold("\u{2F00}、总体情况"), "一、总体情况");
    }

    #[test]
    fn join_label_rules() {
        assert_eq!(join_label("商业", "企业"), "商业企业");
        assert_eq!(join_label("annual", "report"), "annual report");
        assert_eq!(join_label("", "x"), "x");
    }
}
