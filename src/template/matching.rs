//! Label matching against template labels, despite typos and variants.
//!
//! Both sides are brought to one form ([`mfold`]: NFKC, no white space, unified
//! brackets, traditional characters simplified, known word variants replaced), the outline
//! number is split off (two different numbers never match), then: equal → 1.0; one a
//! prefix of the other, or equal once a parenthetical remark is dropped → 0.9; otherwise
//! the normalised Levenshtein similarity.

use super::data::variants;
use crate::memo::{Memo, remembered};
use crate::normalize::fold;
use crate::outline::scan_outline;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Borrow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

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
    let chars = char_variants();
    let mut out: String = fold(s)
        .chars()
        .map(|c| chars.get(&c).copied().unwrap_or(c))
        .collect();
    for (from, to) in &v.words {
        if out.contains(from.as_str()) && !out.contains(to.as_str()) {
            out = out.replace(from.as_str(), to);
        }
    }
    out
}

/// The variant character pairs as a map (traditional → simplified).
fn char_variants() -> &'static HashMap<char, char> {
    static M: OnceLock<HashMap<char, char>> = OnceLock::new();
    M.get_or_init(|| {
        let pairs: Vec<char> = variants().chars.chars().collect();
        pairs.chunks(2).map(|p| (p[0], p[1])).collect()
    })
}

/// A label in matching form, split and measured once: template labels are prepared when
/// the templates load, document labels once per table, so comparing two is cheap.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MLabel {
    /// The whole matching form ([`mfold`]).
    pub folded: String,
    /// The outline number, if the label starts with one.
    number: Option<String>,
    /// The matching form after the number.
    rest: String,
    /// `rest` without parenthetical remarks.
    plain: String,
    rest_chars: usize,
    plain_chars: usize,
}

impl MLabel {
    /// Prepares a printed label.
    pub fn new(label: &str) -> MLabel {
        let f = mfold(label);
        let (number, rest) = split_number(&f);
        let plain = drop_remarks(rest);
        MLabel {
            rest_chars: rest.chars().count(),
            plain_chars: plain.chars().count(),
            rest: rest.to_string(),
            folded: f.clone(),
            number,
            plain,
        }
    }

    /// The prepared form of `label`, remembered per thread: an archive prints the same
    /// few hundred labels over and over.
    pub fn cached(label: &str) -> Rc<MLabel> {
        thread_local! {
            static CACHE: RefCell<Memo<String, Rc<MLabel>>> = RefCell::new(Memo::new(8192));
        }
        remembered(&CACHE, label, str::to_string, |l| Rc::new(MLabel::new(l)))
    }

    /// The outline number, if the label starts with one.
    pub fn number(&self) -> Option<&str> {
        self.number.as_deref()
    }

    /// The matching form after the outline number.
    pub fn rest(&self) -> &str {
        &self.rest
    }

    /// True for an empty label (a table without row labels).
    pub fn is_empty(&self) -> bool {
        self.number.is_none() && self.rest.is_empty()
    }
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
    let (p, f) = (MLabel::cached(printed), MLabel::cached(full));
    p.number.is_some()
        && p.number == f.number
        && p.rest_chars == 1
        && f.rest_chars >= 2
        && f.rest.starts_with(p.rest.as_str())
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
    sim(&MLabel::cached(a), &MLabel::cached(b))
}

/// Whether `printed` names the column label `label` in other words (`商业机构` for
/// `商业企业`; both folded): it starts as `label` does, by two characters and half of
/// `label` at least, and as no other of the part's column labels (`labels`, folded) does
/// so far, and is as long give or take one character.
///
/// ```
/// use govreport::template::matching::is_variant;
/// let labels = ["自然人", "商业企业", "科研机构"].map(String::from);
/// assert!(is_variant("商业机构", "商业企业", &labels));
/// assert!(!is_variant("科研机构", "商业企业", &labels));
/// assert!(!is_variant("自然商", "自然人", &labels));
/// ```
pub fn is_variant(printed: &str, label: &str, labels: &[String]) -> bool {
    let prefix = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let len = label.chars().count();
    let p = prefix(printed, label);
    p >= 2
        && len >= 4
        && 2 * p >= len
        && printed != label
        && printed.chars().count().abs_diff(len) <= 1
        && labels.iter().all(|l| l == label || prefix(printed, l) < p)
}

/// Whether `label_sim(a, b) >= min`, sparing the edit distance of pairs whose lengths
/// alone put them below `min`.
///
/// ```
/// use govreport::template::matching::label_sim_at_least;
/// assert!(label_sim_at_least("（二）部分公开", "（二）部分公开（区分处理的，只计这一情形）", 0.9));
/// assert!(!label_sim_at_least("政府信息公开行政复议", "政府信息公开行政诉讼情况", 0.9));
/// ```
pub fn label_sim_at_least(a: &str, b: &str, min: f64) -> bool {
    sim_at_least(&MLabel::cached(a), &MLabel::cached(b), min)
}

/// [`label_sim_at_least`] of prepared labels.
pub fn sim_at_least(a: &MLabel, b: &MLabel, min: f64) -> bool {
    sim_above(a, b, min.max(THRESHOLD)) >= min
}

/// Similarity of two prepared labels (see [`label_sim`]). Below [`THRESHOLD`] the figure
/// only says "not the same": pairs whose lengths alone rule out a match are 0.0.
pub fn sim(a: &MLabel, b: &MLabel) -> f64 {
    sim_above(a, b, THRESHOLD)
}

/// [`sim`], exact from `floor` up; below it, 0.0 where the lengths alone rule it out.
fn sim_above(a: &MLabel, b: &MLabel, floor: f64) -> f64 {
    if let (Some(x), Some(y)) = (&a.number, &b.number)
        && x != y
    {
        return 0.0;
    }
    let (ra, rb) = (&a.rest, &b.rest);
    if ra == rb {
        return 1.0;
    }
    if ra.is_empty() || rb.is_empty() {
        return 0.0;
    }
    let prefix = ra.starts_with(rb.as_str()) || rb.starts_with(ra.as_str());
    if prefix && a.rest_chars.min(b.rest_chars) >= 2 {
        return 0.9;
    }
    // a label cut off by the extraction: `（三）不` of `（三）不予公开`
    if prefix && a.number.is_some() && a.number == b.number {
        return 0.8;
    }
    let (da, db) = (&a.plain, &b.plain);
    if !da.is_empty() && da == db {
        return 0.9;
    }
    // the edit distance is at least the difference in length
    let (la, lb) = (a.plain_chars, b.plain_chars);
    let longest = la.max(lb);
    if longest > 0 && 1.0 - (la.abs_diff(lb) as f64 / longest as f64) < floor {
        return 0.0;
    }
    strsim::normalized_levenshtein(da, db)
}

/// Similarity of a printed path and a template path, aligned from the end.
pub fn path_sim(doc: &[String], tmpl: &[&str]) -> f64 {
    let doc: Vec<Rc<MLabel>> = doc.iter().map(|l| MLabel::cached(l)).collect();
    let tmpl: Vec<Rc<MLabel>> = tmpl.iter().map(|l| MLabel::cached(l)).collect();
    path_sim_m(&doc, &tmpl)
}

/// [`path_sim`] of prepared labels.
pub fn path_sim_m<A: Borrow<MLabel>, B: Borrow<MLabel>>(doc: &[A], tmpl: &[B]) -> f64 {
    if doc.is_empty() || tmpl.is_empty() {
        return if doc.is_empty() && tmpl.iter().all(|t| t.borrow().is_empty()) {
            1.0
        } else {
            0.0
        };
    }
    let k = doc.len().min(tmpl.len());
    let mut total = 0.0;
    for i in 0..k {
        let s = sim(
            doc[doc.len() - 1 - i].borrow(),
            tmpl[tmpl.len() - 1 - i].borrow(),
        );
        if s < THRESHOLD {
            return 0.0;
        }
        total += s;
    }
    total / k as f64 - 0.02 * doc.len().abs_diff(tmpl.len()) as f64
}
