//! Cell values: `1,234` → 1234, `12.5%` → 12.5 `%`, `160.5964万元` → 1605964 `元`,
//! `400余` → 400 `余`, `+12` / `-3` / `减4` signed, `/` `-` `—` `无` not applicable,
//! empty kept apart from zero, anything else text.
//!
//! Scaling by 万/亿 is done on the decimal digits, not in floating point, so
//! `160.5964万` is exactly 1605964.

use crate::model::{Cell, CellKind};
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Parses one cell as printed.
///
/// ```
/// use govreport::table::value::parse_cell;
/// use govreport::model::CellKind;
/// let c = parse_cell("160.5964万元");
/// assert_eq!((c.value, c.unit.as_deref()), (Some(1605964.0), Some("元")));
/// assert_eq!(parse_cell("—").kind, CellKind::Na);
/// assert_eq!(parse_cell("").kind, CellKind::Empty);
/// ```
pub fn parse_cell(raw: &str) -> Cell {
    let raw = crate::normalize::trim(raw);
    let mut cell = Cell {
        raw: raw.to_string(),
        value: None,
        kind: CellKind::Text,
        unit: None,
        qualifier: None,
        derived: None,
    };
    if raw.is_empty() {
        cell.kind = CellKind::Empty;
        return cell;
    }
    if let Some(v) = plain_digits(raw) {
        cell.kind = CellKind::Number;
        cell.value = Some(v);
        return cell;
    }
    if too_long(raw) || starts_as_text(raw) {
        return cell;
    }
    let s = squeeze(raw);
    if is_na(&s) {
        cell.kind = CellKind::Na;
        return cell;
    }
    if let Some(n) = scan_number(&s) {
        cell.kind = CellKind::Number;
        cell.value = Some(n.value);
        cell.unit = n.unit;
        cell.qualifier = n.qualifier;
    }
    cell
}

/// The kind [`parse_cell`] gives `raw`, without building the cell (table shape
/// detection asks this of every cell several times).
pub fn kind_of(raw: &str) -> CellKind {
    let raw = crate::normalize::trim(raw);
    if raw.is_empty() {
        return CellKind::Empty;
    }
    if is_plain_digits(raw) {
        return CellKind::Number;
    }
    if too_long(raw) || starts_as_text(raw) {
        return CellKind::Text;
    }
    read_kind(raw)
}

/// The kind of a trimmed cell by the full reading: NFKC and squeezed, then a
/// not-applicable mark, a number, or text.
fn read_kind(raw: &str) -> CellKind {
    let s = squeeze(raw);
    if is_na(&s) {
        CellKind::Na
    } else if scan_number(&s).is_some() {
        CellKind::Number
    } else {
        CellKind::Text
    }
}

/// Most printed characters a number or a not-applicable mark can have
/// (`约1,234,567,890.12万人次` has 20): anything longer is text, found without normalising
/// it (a line of running text is asked whether it is a value).
const MAX_VALUE_CHARS: usize = 48;

/// True when the start rules out a number and a not-applicable mark, without normalising:
/// - a CJK ideograph (NFKC keeps it) that starts no value (`约` `近` `超` `增` `减` start
///   numbers; `一` and `无` alone are not-applicable marks, so only followed by more);
/// - an opening bracket;
/// - an outline number before an ideograph (`8.属于行政查询事项`: a number needs a digit
///   after its point).
///
/// Most labels are known as text here.
fn starts_as_text(raw: &str) -> bool {
    let mut chars = raw.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    let ideograph = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    if ideograph(c) {
        return match c {
            '约' | '近' | '超' | '增' | '减' => false,
            '一' | '无' => chars.any(|c| !c.is_whitespace()),
            _ => true,
        };
    }
    if matches!(c, '（' | '(' | '【' | '[' | '〔' | '《') {
        return true;
    }
    let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && raw[digits..]
            .strip_prefix('.')
            .and_then(|r| r.chars().next())
            .is_some_and(ideograph)
}

fn too_long(raw: &str) -> bool {
    raw.len() > MAX_VALUE_CHARS
        && raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(MAX_VALUE_CHARS)
            .is_some()
}

/// The fast path of the commonest cell, ASCII digits only (`0`, `12`): the value
/// [`scan_number`] would give, without normalising.
fn plain_digits(raw: &str) -> Option<f64> {
    if !is_plain_digits(raw) {
        return None;
    }
    raw.parse::<f64>().ok()
}

/// ASCII digits only: always a number (a run too long for `f64` reads as infinity).
fn is_plain_digits(raw: &str) -> bool {
    !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit())
}

/// NFKC form of `raw` with whitespace removed, except between two digits (`12 34` stays
/// two numbers and so is not a number at all).
fn squeeze(raw: &str) -> Cow<'_, str> {
    let nfkc = crate::normalize::is_nfkc(raw);
    if nfkc && !raw.chars().any(char::is_whitespace) {
        return Cow::Borrowed(raw);
    }
    let chars: Vec<char> = if nfkc {
        raw.chars().collect()
    } else {
        raw.nfkc().collect()
    };
    // digit_next[i]: the first non-whitespace character after position i is a digit
    // (one pass from the end, so a long run of spaces costs linear time, not quadratic)
    let mut digit_next = vec![false; chars.len()];
    let mut next_is_digit = false;
    for (i, &c) in chars.iter().enumerate().rev() {
        digit_next[i] = next_is_digit;
        if !c.is_whitespace() {
            next_is_digit = c.is_ascii_digit();
        }
    }
    let mut out = String::with_capacity(raw.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let prev = out
                .chars()
                .next_back()
                .is_some_and(|p: char| p.is_ascii_digit());
            if !(prev && digit_next[i]) {
                continue;
            }
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// True for the marks of a not-applicable cell.
pub fn is_na(s: &str) -> bool {
    matches!(
        s,
        "/" | "-"
            | "--"
            | "—"
            | "——"
            | "–"
            | "－"
            | "一"
            | "无"
            | "N/A"
            | "n/a"
            | "NA"
            | "×"
            | "\\"
            | "…"
            | "..."
    )
}

/// A parsed number with its unit and qualifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The value after scaling.
    pub value: f64,
    /// The unit after scaling (`元` for `万元`), `%` for percentages.
    pub unit: Option<String>,
    /// `余`, `多`, `约`, `近`, `超`; a figure's mark `r` (revised), `p` (provisional), `e`
    /// (estimated), `*`.
    pub qualifier: Option<String>,
}

const UNITS: &[&str] = &[
    "元",
    "件",
    "条",
    "个",
    "次",
    "人",
    "篇",
    "项",
    "家",
    "场",
    "期",
    "份",
    "人次",
    "万人次",
];

/// Currency signs a figure may open with, longest first (NFKC folds `￥` to `¥`).
const CURRENCIES: [&str; 10] = ["US$", "HK$", "NZ$", "S$", "A$", "C$", "$", "€", "£", "¥"];

/// Scale words after a figure in a currency (`m` million, `bn` billion), with the power of
/// ten each multiplies by.
const SCALES: [(&str, i32); 6] = [
    ("k", 3),
    ("m", 6),
    ("mn", 6),
    ("M", 6),
    ("bn", 9),
    ("tn", 12),
];

/// Scans a whole NFKC-folded cell text (whitespace removed) as a number.
pub fn scan_number(s: &str) -> Option<Number> {
    let mut rest = s;
    let mut qualifier = None;
    for q in ["约", "近", "超过", "超"] {
        if let Some(r) = rest.strip_prefix(q) {
            qualifier = Some(q.to_string());
            rest = r;
            break;
        }
    }
    let mut negative = false;
    if let Some(r) = rest.strip_prefix('+').or_else(|| rest.strip_prefix("增")) {
        rest = r;
    } else if let Some(r) = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('−'))
        .or_else(|| rest.strip_prefix("减"))
    {
        negative = true;
        rest = r;
    }
    // a currency's sign before the figure (`€262,037m`, `$1,234`, `-£5.2bn`): the
    // currency is the unit, and a scale word after the figure multiplies it
    let currency = CURRENCIES.iter().find(|c| rest.starts_with(**c)).copied();
    if let Some(c) = currency {
        rest = &rest[c.len()..];
        if !negative && let Some(r) = rest.strip_prefix('-') {
            negative = true;
            rest = r;
        }
    }
    // digits with optional thousands separators and one decimal point
    let mut int = String::new();
    let mut frac = String::new();
    let mut in_frac = false;
    let mut used = 0;
    let mut last_comma = None;
    for (i, c) in rest.char_indices() {
        match c {
            '0'..='9' => {
                if in_frac {
                    frac.push(c)
                } else {
                    int.push(c)
                }
            }
            ',' if !in_frac && !int.is_empty() => last_comma = Some(int.len()),
            '.' if !in_frac && !int.is_empty() => in_frac = true,
            _ => break,
        }
        used = i + c.len_utf8();
    }
    if int.is_empty() || (in_frac && frac.is_empty()) {
        return None;
    }
    // a thousands separator must be followed by exactly three digits
    if let Some(pos) = last_comma
        && int.len() - pos != 3
    {
        return None;
    }
    let mut tail = &rest[used..];
    let mut shift = 0i32;
    if currency.is_some() {
        let by = match tail {
            "" => 0,
            _ => SCALES.iter().find(|(w, _)| tail == *w)?.1,
        };
        let value = shifted(&int, &frac, by)?;
        return Some(Number {
            value: if negative { -value } else { value },
            unit: currency.map(str::to_string),
            qualifier,
        });
    }
    if let Some(r) = tail.strip_prefix('万') {
        shift = 4;
        tail = r;
    } else if let Some(r) = tail.strip_prefix('亿') {
        shift = 8;
        tail = r;
    }
    let mut unit = None;
    for q in ["余", "多"] {
        if let Some(r) = tail.strip_prefix(q) {
            qualifier = Some(q.to_string());
            tail = r;
        }
    }
    if tail == "%" || tail == "‰" {
        unit = Some(tail.to_string());
        tail = "";
    } else if !tail.is_empty()
        && let Some(u) = UNITS.iter().find(|u| tail == **u)
    {
        unit = Some((*u).to_string());
        tail = "";
    }
    for q in ["余", "多"] {
        if let Some(r) = tail.strip_prefix(q) {
            qualifier = Some(q.to_string());
            tail = r;
        }
    }
    // a statistics office's mark on a figure, printed right after it: revised (`175.0r`),
    // provisional or preliminary (`p`), estimated (`e`), or a note's star (`0.7*`)
    if qualifier.is_none() && matches!(tail, "r" | "p" | "e" | "*") {
        qualifier = Some(tail.to_string());
        tail = "";
    }
    // the figure's standard error in brackets after it, as survey tables print it
    // (`49.7 (0.2)`)
    let bracketed = tail.strip_prefix('(').and_then(|t| t.strip_suffix(')'));
    if qualifier.is_none()
        && bracketed.is_some_and(|b| {
            let (i, f) = b.split_once('.').unwrap_or((b, "0"));
            !i.is_empty() && !f.is_empty() && i.bytes().chain(f.bytes()).all(|c| c.is_ascii_digit())
        })
    {
        qualifier = Some(tail.to_string());
        tail = "";
    }
    if !tail.is_empty() {
        return None;
    }
    if shift > 0 && unit.is_none() {
        // `3万` keeps its scale word as a unit-free count
        unit = None;
    }
    let value = shifted(&int, &frac, shift)?;
    Some(Number {
        value: if negative { -value } else { value },
        unit,
        qualifier,
    })
}

/// `int.frac × 10^shift`, computed on the digit string.
fn shifted(int: &str, frac: &str, shift: i32) -> Option<f64> {
    let mut digits = format!("{int}{frac}");
    let mut point = int.len() as i32 + shift;
    while (digits.len() as i32) < point {
        digits.push('0');
    }
    if point < 0 {
        point = 0;
    }
    let (a, b) = digits.split_at(point as usize);
    let text = if b.is_empty() {
        a.to_string()
    } else {
        format!("{a}.{b}")
    };
    text.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> (CellKind, Option<f64>, Option<String>, Option<String>) {
        let c = parse_cell(s);
        (c.kind, c.value, c.unit, c.qualifier)
    }

    #[test]
    fn numbers() {
        assert_eq!(v("0"), (CellKind::Number, Some(0.0), None, None));
        assert_eq!(v("1,234"), (CellKind::Number, Some(1234.0), None, None));
        assert_eq!(v("96171.6"), (CellKind::Number, Some(96171.6), None, None));
        assert_eq!(
            v("４０６８.２０８"),
            (CellKind::Number, Some(4068.208), None, None)
        );
        assert_eq!(
            v("12.5%"),
            (CellKind::Number, Some(12.5), Some("%".into()), None)
        );
        assert_eq!(
            v("160.5964万元"),
            (CellKind::Number, Some(1605964.0), Some("元".into()), None)
        );
        assert_eq!(v("3亿"), (CellKind::Number, Some(300000000.0), None, None));
        assert_eq!(
            v("400余"),
            (CellKind::Number, Some(400.0), None, Some("余".into()))
        );
        assert_eq!(
            v("20余条"),
            (
                CellKind::Number,
                Some(20.0),
                Some("条".into()),
                Some("余".into())
            )
        );
        assert_eq!(v("+12"), (CellKind::Number, Some(12.0), None, None));
        assert_eq!(v("-3"), (CellKind::Number, Some(-3.0), None, None));
        assert_eq!(v("减4"), (CellKind::Number, Some(-4.0), None, None));
    }

    /// Issue 13: `…` (and `...`) is the statistical mark for "not available", as the
    /// releases of national offices print it (`3 639.7 | … | 345.9`).
    #[test]
    fn an_ellipsis_is_not_available() {
        assert_eq!(v("…").0, CellKind::Na);
        assert_eq!(v("...").0, CellKind::Na);
        assert_eq!(kind_of("…"), CellKind::Na);
        assert_eq!(v("…abc").0, CellKind::Text);
    }

    /// Issue 13: a statistics office's mark printed on a figure (`175.0r` revised, `p`
    /// provisional, `e` estimated, `0.7*`) leaves it a number, the mark its qualifier;
    /// other letters after digits stay text.
    #[test]
    fn a_figure_marked_revised_or_provisional_is_a_number() {
        let q = |s: &str| Some(s.to_string());
        assert_eq!(v("175.0r"), (CellKind::Number, Some(175.0), None, q("r")));
        assert_eq!(v("-1.2p"), (CellKind::Number, Some(-1.2), None, q("p")));
        assert_eq!(v("12e"), (CellKind::Number, Some(12.0), None, q("e")));
        assert_eq!(v("+0.7*"), (CellKind::Number, Some(0.7), None, q("*")));
        assert_eq!(kind_of("175.0r"), CellKind::Number);
        for text in ["12x", "3rd", "5re", "r12", "1e5"] {
            assert_eq!(v(text).0, CellKind::Text, "{text}");
        }
    }

    /// Issue 13: a survey's figure with its standard error in brackets after it
    /// (`49.7 (0.2)`) is the figure, the bracket its qualifier; a bracket alone or one
    /// holding text stays what it was.
    #[test]
    fn a_figure_with_its_standard_error_is_a_number() {
        let q = |s: &str| Some(s.to_string());
        assert_eq!(
            v("49.7 (0.2)"),
            (CellKind::Number, Some(49.7), None, q("(0.2)"))
        );
        assert_eq!(v("12(3)"), (CellKind::Number, Some(12.0), None, q("(3)")));
        assert_eq!(kind_of("49.7 (0.2)"), CellKind::Number);
        for text in ["(0.2)", "12 (a)", "12 ()", "12 (1.)", "12 (1.2.3)"] {
            assert_ne!(v(text).3, q(&text[text.find('(').unwrap_or(0)..]), "{text}");
            assert_ne!(v(text).0, CellKind::Number, "{text}");
        }
    }

    #[test]
    fn kind_of_agrees_with_parse_cell() {
        for s in [
            "",
            " ",
            "0",
            "007",
            "12",
            " 12 ",
            "1,234",
            "12 34",
            "１２",
            "12.5%",
            "/",
            "—",
            "无",
            "规章",
            "400余",
            "-3",
            "99999999999999999999999999",
            "2025年",
            "1.",
        ] {
            assert_eq!(kind_of(s), parse_cell(s).kind, "{s:?}");
        }
        assert_eq!(parse_cell("007").value, Some(7.0));
    }

    /// The shortcut calls text only what the full reading (NFKC, squeeze, not-applicable
    /// marks, number scan) calls text.
    #[test]
    fn starts_as_text_only_for_text() {
        let slow = |raw: &str| read_kind(crate::normalize::trim(raw));
        let cases = [
            ("8.属于行政查询事项", true),
            ("1.属于国家秘密", true),
            ("一、总体情况", true),
            ("无。", true),
            ("规章", true),
            ("（一）", true),
            ("一", false),
            ("无", false),
            ("约12", false),
            ("近3", false),
            ("超过5", false),
            ("增4", false),
            ("减4", false),
            ("8.5万", false),
            ("8.", false),
            ("12.3", false),
            ("３．属于", false),
            ("8.①", false),
            ("12", false),
        ];
        for (raw, text) in cases {
            assert_eq!(starts_as_text(raw), text, "{raw:?}");
            if text {
                assert_eq!(slow(raw), CellKind::Text, "{raw:?}");
            }
        }
        assert_eq!(slow("一"), CellKind::Na);
        assert_eq!(slow("约12"), CellKind::Number);
    }

    #[test]
    fn not_numbers() {
        assert_eq!(v("").0, CellKind::Empty);
        for na in ["/", "-", "—", "无"] {
            assert_eq!(v(na).0, CellKind::Na, "{na}");
        }
        for t in [
            "22（其中修订 16 件）",
            "1,23",
            "2025年",
            "规章",
            "1.",
            "12 34",
        ] {
            assert_eq!(v(t).0, CellKind::Text, "{t}");
        }
    }

    /// English releases print money with its currency's sign and a scale word (`€262,037m`,
    /// `£5.2bn`): a number in that currency, scaled; a scale word without a currency (`1.2m`,
    /// metres as much as millions) is not read.
    #[test]
    fn money_with_its_currency_sign() {
        let n = |s: &str| {
            let c = parse_cell(s);
            (c.kind, c.value, c.unit)
        };
        assert_eq!(
            n("€262,037m"),
            (CellKind::Number, Some(262_037e6), Some("€".into()))
        );
        assert_eq!(
            n("$1,234"),
            (CellKind::Number, Some(1234.0), Some("$".into()))
        );
        assert_eq!(
            n("-£5.2bn"),
            (CellKind::Number, Some(-5.2e9), Some("£".into()))
        );
        assert_eq!(
            n("US$-3k"),
            (CellKind::Number, Some(-3000.0), Some("US$".into()))
        );
        assert_eq!(
            n("￥100"),
            (CellKind::Number, Some(100.0), Some("¥".into()))
        );
        assert_eq!(n("1.2m").0, CellKind::Text);
        assert_eq!(n("€12 months").0, CellKind::Text);
    }
}
