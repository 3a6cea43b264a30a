//! Label matching against template labels, despite typos and variants.
//!
//! Both sides are brought to one form ([`mfold`]: NFKC, no white space, unified
//! brackets, traditional characters simplified, known word variants replaced), the outline
//! number is split off (two different numbers never match), then: equal → 1.0; one a
//! prefix of the other, or equal once a parenthetical remark is dropped → 0.9; otherwise
//! the normalised Levenshtein similarity.

use super::data::variants;
use crate::normalize::fold;
use crate::outline::scan_outline;

/// Least similarity for two labels to be taken as the same.
pub const THRESHOLD: f64 = 0.75;

/// The matching form of a label.
///
/// ```
/// use govreport::template::matching::mfold;
/// assert_eq!(mfold("（二）不分公开"), mfold("(二)部分公开"));
/// assert_eq!(mfold("政府資訊"), "政府资讯");
/// ```
pub fn mfold(s: &str) -> String {
    let v = variants();
    let pairs: Vec<char> = v.chars.chars().collect();
    let mut out: String = fold(s)
        .chars()
        .map(|c| pairs.chunks(2).find(|p| p[0] == c).map_or(c, |p| p[1]))
        .collect();
    for (from, to) in &v.words {
        if out.contains(from.as_str()) && !out.contains(to.as_str()) {
            out = out.replace(from.as_str(), to);
        }
    }
    out
}

/// Splits the outline number off a matching-form label.
fn split_number(f: &str) -> (Option<String>, &str) {
    match scan_outline(f) {
        Some(o) => (Some(o.number), &f[o.len..]),
        None => (None, f),
    }
}

/// Drops parenthetical remarks: `部分公开(区分处理的,…)` → `部分公开`.
fn drop_remarks(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// True when `printed` is the start of `full` cut off by the extraction: the same outline
/// number and one character of a longer label (`（三）不`).
pub fn is_cut_label(printed: &str, full: &str) -> bool {
    let (fp, ff) = (mfold(printed), mfold(full));
    let (np, rp) = split_number(&fp);
    let (nf, rf) = split_number(&ff);
    let (lp, lf) = (rp.chars().count(), rf.chars().count());
    np.is_some() && np == nf && lp == 1 && lf >= 2 && rf.starts_with(rp)
}

/// Similarity of two printed labels, 0.0 to 1.0.
///
/// ```
/// use govreport::template::matching::label_sim;
/// assert_eq!(label_sim("1.属于国家秘密", "1. 属于国家秘密"), 1.0);
/// assert!(label_sim("（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）") >= 0.9);
/// assert_eq!(label_sim("（三）不予公开", "（四）不予公开"), 0.0);
/// ```
pub fn label_sim(a: &str, b: &str) -> f64 {
    let (fa, fb) = (mfold(a), mfold(b));
    let (na, ra) = split_number(&fa);
    let (nb, rb) = split_number(&fb);
    if let (Some(x), Some(y)) = (&na, &nb)
        && x != y
    {
        return 0.0;
    }
    if ra == rb {
        return 1.0;
    }
    if ra.is_empty() || rb.is_empty() {
        return 0.0;
    }
    let short = ra.chars().count().min(rb.chars().count());
    if short >= 2 && (ra.starts_with(rb) || rb.starts_with(ra)) {
        return 0.9;
    }
    // a label cut off by the extraction: `（三）不` of `（三）不予公开`
    if na.is_some() && na == nb && (ra.starts_with(rb) || rb.starts_with(ra)) {
        return 0.8;
    }
    let (da, db) = (drop_remarks(ra), drop_remarks(rb));
    if !da.is_empty() && da == db {
        return 0.9;
    }
    strsim::normalized_levenshtein(&da, &db)
}

/// Similarity of a printed path and a template path, aligned from the end.
pub fn path_sim(doc: &[String], tmpl: &[&str]) -> f64 {
    if doc.is_empty() || tmpl.is_empty() {
        return if doc.is_empty() && tmpl.iter().all(|t| t.is_empty()) {
            1.0
        } else {
            0.0
        };
    }
    let k = doc.len().min(tmpl.len());
    let mut total = 0.0;
    for i in 0..k {
        let s = label_sim(&doc[doc.len() - 1 - i], tmpl[tmpl.len() - 1 - i]);
        if s < THRESHOLD {
            return 0.0;
        }
        total += s;
    }
    total / k as f64 - 0.02 * doc.len().abs_diff(tmpl.len()) as f64
}
