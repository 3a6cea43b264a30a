//! Outline numbers at the start of a line: `一、` `（一）` `(一)` `1.` `1、` `（1）` `①`,
//! and the decimal/Western schemes `1` `1.2` `(a)` `a)` `I.`.
//!
//! Grammar (accepted → rejected):
//! - `一、总体情况` → CnComma `一`; `一是加强` is not a number (no `、`).
//! - `（一）予以公开`, `(一)予以公开` → CnParen `一`.
//! - `1.属于国家秘密`, `1、公开形式`, `1．x` → Arabic `1`; `2025年` and `1.5万` are not.
//! - `（1）x`, `(1)x` → ArabicParen `1`; `①x` → Circled `1`.
//! - `1.2 Scope` → Decimal `1.2`; `I. Overview` → Roman `I`; `(a) x`, `a) x` → Letter `a`.

/// The numbering scheme of an outline number; its rank orders the schemes from outermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `一、`
    CnComma,
    /// `（一）` / `(一)`
    CnParen,
    /// `1.` / `1、` / `1．`
    Arabic,
    /// `（1）` / `(1)`
    ArabicParen,
    /// `①`
    Circled,
    /// `1.2`, `1.2.3` (two or more components)
    Decimal,
    /// `I.` `II.`
    Roman,
    /// `(a)` / `a)`
    Letter,
}

impl Scheme {
    /// Outline depth of the scheme in a Chinese report (`一、` 1 … `①` 5).
    pub fn rank(self) -> u8 {
        match self {
            Scheme::CnComma | Scheme::Roman => 1,
            Scheme::CnParen => 2,
            Scheme::Arabic | Scheme::Decimal => 3,
            Scheme::ArabicParen | Scheme::Letter => 4,
            Scheme::Circled => 5,
        }
    }
}

/// An outline number found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// The scheme.
    pub scheme: Scheme,
    /// The number without brackets and punctuation (`一`, `1`, `1.2`, `I`, `a`).
    pub number: String,
    /// Byte length of the number with its punctuation and any following spaces.
    pub len: usize,
}

const CN_DIGITS: &str = "一二三四五六七八九十百零〇两";

/// Scans an outline number at the start of `s` (leading whitespace allowed).
///
/// ```
/// use govreport::outline::{scan_outline, Scheme};
/// let o = scan_outline("（三）不予公开").unwrap();
/// assert_eq!((o.scheme, o.number.as_str()), (Scheme::CnParen, "三"));
/// assert!(scan_outline("一是加强领导").is_none());
/// assert!(scan_outline("2025年，我县").is_none());
/// ```
pub fn scan_outline(s: &str) -> Option<Outline> {
    let lead = s.len() - s.trim_start().len();
    let t = &s[lead..];
    // Most lines open on an ideograph that numbers nothing: no scheme starts so.
    let first = t.chars().next()?;
    if ('\u{4E00}'..='\u{9FFF}').contains(&first) && !CN_DIGITS.contains(first) {
        return None;
    }
    let (scheme, number, used) = scan_cn_comma(t)
        .or_else(|| scan_paren(t))
        .or_else(|| scan_circled(t))
        .or_else(|| scan_arabic(t))
        .or_else(|| scan_roman(t))
        .or_else(|| scan_letter(t))?;
    let rest = &t[used..];
    let spaces = rest.len() - rest.trim_start().len();
    // A number must be followed by some text to be an outline number.
    if rest.trim().is_empty() {
        return None;
    }
    Some(Outline {
        scheme,
        number,
        len: lead + used + spaces,
    })
}

fn take_while(s: &str, f: impl Fn(char) -> bool) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

fn scan_cn_comma(t: &str) -> Option<(Scheme, String, usize)> {
    let num = take_while(t, |c| CN_DIGITS.contains(c));
    if num.is_empty() || num.chars().count() > 4 {
        return None;
    }
    let rest = &t[num.len()..];
    let p = rest.chars().next()?;
    matches!(p, '、' | '，' | '．' | '.')
        .then(|| (Scheme::CnComma, num.to_string(), num.len() + p.len_utf8()))
}

fn scan_paren(t: &str) -> Option<(Scheme, String, usize)> {
    let open = t.chars().next()?;
    if open != '(' && open != '（' {
        return None;
    }
    let inner_all = &t[open.len_utf8()..];
    let inner_lead = inner_all.len() - inner_all.trim_start().len();
    let inner = &inner_all[inner_lead..];
    let (scheme, num) = {
        let cn = take_while(inner, |c| CN_DIGITS.contains(c));
        if !cn.is_empty() {
            (Scheme::CnParen, cn)
        } else {
            let ar = take_while(inner, |c| c.is_ascii_digit() || ('０'..='９').contains(&c));
            if !ar.is_empty() {
                (Scheme::ArabicParen, ar)
            } else {
                let le = take_while(inner, |c| c.is_ascii_lowercase());
                if le.chars().count() == 1 {
                    (Scheme::Letter, le)
                } else {
                    return None;
                }
            }
        }
    };
    if num.chars().count() > 4 {
        return None;
    }
    let after = &inner[num.len()..];
    let after_lead = after.len() - after.trim_start().len();
    let close = after[after_lead..].chars().next()?;
    if close != ')' && close != '）' {
        return None;
    }
    let mut used = open.len_utf8() + inner_lead + num.len() + after_lead + close.len_utf8();
    // `（一）、` occasionally carries a trailing comma.
    if t[used..].starts_with('、') {
        used += '、'.len_utf8();
    }
    Some((scheme, fold_digits(num), used))
}

fn scan_circled(t: &str) -> Option<(Scheme, String, usize)> {
    let c = t.chars().next()?;
    let n = c as u32;
    (0x2460..=0x2473)
        .contains(&n)
        .then(|| (Scheme::Circled, (n - 0x2460 + 1).to_string(), c.len_utf8()))
}

fn scan_arabic(t: &str) -> Option<(Scheme, String, usize)> {
    let num = take_while(t, |c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if num.is_empty() || num.chars().count() > 3 {
        return None;
    }
    let mut used = num.len();
    let mut parts = vec![fold_digits(num)];
    // Decimal components: 1.2, 1.2.3
    loop {
        let rest = &t[used..];
        let Some(p) = rest.chars().next() else { break };
        if p != '.' {
            break;
        }
        let next = take_while(&rest[1..], |c| c.is_ascii_digit());
        if next.is_empty() || next.len() > 3 {
            break;
        }
        parts.push(next.to_string());
        used += 1 + next.len();
    }
    let rest = &t[used..];
    if parts.len() > 1 {
        // `1.2 Title` or `1.2. Title`; `1.5万` is a number, not an outline.
        let rest2 = rest.strip_prefix('.').unwrap_or(rest);
        if !rest2.starts_with(char::is_whitespace) {
            return None;
        }
        return Some((
            Scheme::Decimal,
            parts.join("."),
            used + (rest.len() - rest2.len()),
        ));
    }
    let p = rest.chars().next()?;
    match p {
        '.' | '、' | '．' => {
            let after = &rest[p.len_utf8()..];
            // `1.5` is a number; `1. 5` is not an outline either when only digits follow.
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            Some((Scheme::Arabic, parts.remove(0), used + p.len_utf8()))
        }
        // `1 Introduction` (decimal outline, one component), not `2025 年`, nor a date
        // (`12 OCT 2020`, `1 March`)
        ' ' if t[used..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase())
            && !starts_with_month(t[used..].trim_start()) =>
        {
            Some((Scheme::Decimal, parts.remove(0), used))
        }
        _ => None,
    }
}

/// The months' names in English, lower case.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True when the text's first word names a month (`OCT`, `March`, `Sept.`).
fn starts_with_month(t: &str) -> bool {
    let w: String = t.chars().take_while(char::is_ascii_alphabetic).collect();
    is_month_word(&w.to_ascii_lowercase())
}

/// True when a lower-case word is a month's name or its abbreviation (`march`, `sept`).
pub(crate) fn is_month_word(w: &str) -> bool {
    w.len() >= 3
        && MONTH_NAMES
            .iter()
            .any(|m| *m == w || m.starts_with(w) && w.len() <= 4)
}

/// Where a period stands in its year, for labels that count the periods of a series: a
/// month (`Jan`, `February`, `3月`) 1 to 12, a quarter (`Q2`, `2Q`) 1 to 4; its first word
/// tells. `None` for any other label.
pub(crate) fn period_rank(t: &str) -> Option<u32> {
    let w = t.split_whitespace().next()?.trim_end_matches(['.', ',']);
    let lower = w.to_ascii_lowercase();
    if is_month_word(&lower) {
        return MONTH_NAMES
            .iter()
            .position(|m| m.starts_with(lower.as_str()))
            .map(|i| i as u32 + 1);
    }
    let quarter = lower
        .strip_prefix('q')
        .or_else(|| lower.strip_suffix('q'))
        .and_then(|d| d.parse::<u32>().ok())
        .filter(|q| (1..=4).contains(q));
    quarter.or_else(|| {
        w.strip_suffix('月')
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|m| (1..=12).contains(m))
    })
}

fn scan_roman(t: &str) -> Option<(Scheme, String, usize)> {
    let num = take_while(t, |c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    if num.is_empty() || num.len() > 5 {
        return None;
    }
    let rest = &t[num.len()..];
    (rest.starts_with(". ") || rest.starts_with("、")).then(|| {
        let p = rest.chars().next().map_or(0, char::len_utf8);
        (Scheme::Roman, num.to_string(), num.len() + p)
    })
}

fn scan_letter(t: &str) -> Option<(Scheme, String, usize)> {
    let mut it = t.chars();
    let c = it.next()?;
    if !c.is_ascii_lowercase() {
        return None;
    }
    (it.next() == Some(')') && it.next() == Some(' ')).then(|| (Scheme::Letter, c.to_string(), 2))
}

fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            if ('０'..='９').contains(&c) {
                char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<(Scheme, String)> {
        scan_outline(s).map(|o| (o.scheme, o.number))
    }

    #[test]
    fn chinese_schemes() {
        assert_eq!(num("一、总体情况"), Some((Scheme::CnComma, "一".into())));
        assert_eq!(num("十二、其他"), Some((Scheme::CnComma, "十二".into())));
        assert_eq!(num("(一)做好"), Some((Scheme::CnParen, "一".into())));
        assert_eq!(
            num("（二） 依申请公开"),
            Some((Scheme::CnParen, "二".into()))
        );
        assert_eq!(num("1.属于国家秘密"), Some((Scheme::Arabic, "1".into())));
        assert_eq!(num("2、公众参与"), Some((Scheme::Arabic, "2".into())));
        assert_eq!(num("（3）其他"), Some((Scheme::ArabicParen, "3".into())));
        assert_eq!(num("②第二"), Some((Scheme::Circled, "2".into())));
    }

    #[test]
    fn western_schemes() {
        assert_eq!(
            num("1.2 Scope of the report"),
            Some((Scheme::Decimal, "1.2".into()))
        );
        assert_eq!(num("1 Introduction"), Some((Scheme::Decimal, "1".into())));
        assert_eq!(num("II. Findings"), Some((Scheme::Roman, "II".into())));
        assert_eq!(num("(a) first"), Some((Scheme::Letter, "a".into())));
        assert_eq!(num("b) second"), Some((Scheme::Letter, "b".into())));
    }

    #[test]
    fn rejections() {
        for s in [
            "一是加强",
            "2025年，我县",
            "1.5万元",
            "12",
            "（一）",
            "三、",
            "Ihe",
            "2025 年",
            "100 people",
            "12 OCT 2020 5:30PM by PIB Delhi",
            "1 March 2021",
        ] {
            assert_eq!(num(s), None, "{s}");
        }
    }
}
