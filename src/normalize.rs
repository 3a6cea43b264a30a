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
    let mut push = |c: char| {
        if !c.is_whitespace() {
            out.push(unify(c));
        }
    };
    if is_nfkc(s) {
        s.chars().for_each(&mut push);
    } else {
        s.nfkc().for_each(&mut push);
    }
    out
}

/// True when `s` is proven to be in NFKC already by the quick check (a table lookup per
/// character), so `s.nfkc()` would give `s` back: most report text (CJK ideographs, ASCII)
/// then skips the decomposition and recomposition. `Maybe` counts as no.
pub fn is_nfkc(s: &str) -> bool {
    s.chars().all(is_plain)
        || unicode_normalization::is_nfkc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// ASCII and the CJK Unified Ideographs (U+4E00–U+9FFF): characters that NFKC keeps as
/// they are and that compose with nothing before or after them (quick check Yes, combining
/// class 0; a unit test checks every one against the Unicode tables). A string of them
/// is in NFKC, and [`fold`] keeps each that is not white space as one character.
pub fn is_plain(c: char) -> bool {
    c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c)
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
/// characters, one space otherwise; a word broken at a line end with a hyphen is joined
/// whole (`noninsti-` and `tutional`: see [`broken_word`]).
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
    if broken_word(a, b) {
        format!("{}{b}", &a[..a.len() - 1])
    } else if is_cjk(last) || is_cjk(first) {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// True when `a` ends in a word broken with a hyphen that `b` goes on with: two letters
/// or more then `-`, and `b` starting with a small letter (`Nonagri-` / `cultural`).
fn broken_word(a: &str, b: &str) -> bool {
    let Some(stem) = a.strip_suffix('-') else {
        return false;
    };
    let tail = stem
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    tail >= 2 && b.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Appends `b` to `acc` as [`join_label`] joins them, in place: for gathering the
/// lines of a long paragraph in linear time; `push_label(&mut a, b)` leaves
/// `a == join_label(a, b)`.
///
/// ```
/// use govreport::normalize::{join_label, push_label};
/// let mut a = String::from("商业");
/// push_label(&mut a, " 企业 ");
/// assert_eq!(a, join_label("商业", "企业"));
/// ```
pub fn push_label(acc: &mut String, b: &str) {
    let b = trim(b);
    if b.is_empty() {
        return;
    }
    if trim(acc).len() != acc.len() {
        *acc = trim(acc).to_string();
    }
    let last = acc.chars().next_back();
    let first = b.chars().next().unwrap_or(' ');
    if broken_word(acc, b) {
        acc.pop();
    } else if let Some(last) = last
        && !is_cjk(last)
        && !is_cjk(first)
    {
        acc.push(' ');
    }
    acc.push_str(b);
}

/// Text without Markdown's backslash escapes: a backslash before ASCII punctuation
/// (`\_`, `\>`, `\*`) stands for that character (markdownify and html2text escape them in
/// titles and breadcrumbs, `\--` in table cells).
///
/// ```text
/// 年度报告\_某某市人民政府 → 年度报告_某某市人民政府
/// ```
pub fn unescape_md(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains('\\') {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
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
    fn fold_fast_path_equals_nfkc() {
        for s in [
            "规章 12",
            "（一）",
            "１２３",
            "\u{2F00}、",
            "e\u{301}",
            "ﬁ",
            "普通文字abc",
        ] {
            let slow: String = s.nfkc().filter(|c| !c.is_whitespace()).map(unify).collect();
            assert_eq!(fold(s), slow, "{s:?}");
        }
        assert!(is_nfkc("规章 12 abc"));
        assert!(!is_nfkc("（一）"));
    }

    #[test]
    fn plain_characters_are_nfkc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfkc_quick};
        let plain = (0u32..0x80)
            .chain(0x4E00..=0x9FFF)
            .filter_map(char::from_u32);
        for c in plain {
            assert!(is_plain(c));
            assert_eq!(
                is_nfkc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "{c:?}"
            );
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(c.to_string().nfkc().collect::<String>(), c.to_string());
        }
    }

    #[test]
    fn join_label_rules() {
        assert_eq!(join_label("商业", "企业"), "商业企业");
        assert_eq!(join_label("annual", "report"), "annual report");
        assert_eq!(join_label("", "x"), "x");
        assert_eq!(join_label("Nonagri-", "cultural"), "Nonagricultural");
        assert_eq!(join_label("CPI-", "A"), "CPI- A");
    }

    #[test]
    fn push_label_is_join_label() {
        let parts = [
            "", "商业", " 企业 ", "annual", "report", "", "\u{3000}", "2024", "年", "non-", "farm",
            "x-", "ray",
        ];
        let mut acc = String::new();
        let mut joined = String::new();
        for p in parts {
            push_label(&mut acc, p);
            joined = join_label(&joined, p);
            assert_eq!(acc, joined, "after {p:?}");
        }
    }
}
