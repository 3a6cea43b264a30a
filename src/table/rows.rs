//! Row-label paths. A label that spans several rows is printed once, on the first of
//! them; it heads every row below it until a label of the same or a higher outline rank
//! replaces it.
//!
//! - Grid rows (one cell per label column, covered cells empty) carry each column's last
//!   label down; a new label in a column clears the columns to its right.
//! - Partial rows (only the labels that start in that row) are placed by their outline
//!   numbering: `三、` > `（三）` > `1.`; an unnumbered label replaces the previous
//!   unnumbered one at its depth; a total (`合计`) closes every open group; a breakdown
//!   (`其中:…`) goes under the row above it, its number (if any) ranking the rows after it.
//! - Where the flattening keeps the page's indentation of the labels (`| 　　统计信息事务 |`),
//!   the indentation ranks before the numbering: a row heads the rows below it indented
//!   further, up to the next row indented as far or less.

use crate::outline::scan_outline;
use crate::table::header::is_total;

/// Builds row paths row by row.
#[derive(Debug, Default)]
pub struct RowPaths {
    stack: Vec<(Rank, String)>,
    carry: Vec<String>,
}

/// Deepest row path kept; outer labels beyond it are dropped.
const MAX_DEPTH: usize = 16;

/// Rank of an unnumbered label: deeper than every outline scheme.
const UNNUMBERED: u8 = 99;

/// Rank of an unnumbered breakdown (`其中:…`): under the unnumbered label it breaks down.
const BREAKDOWN: u8 = 100;

/// Where a label stands: its indentation, then its outline rank.
type Rank = (usize, u8);

fn rank(label: &str, indent: usize) -> Rank {
    let outline = match breakdown(label) {
        Some(rest) => scan_outline(rest).map_or(BREAKDOWN, |o| o.scheme.rank()),
        None => scan_outline(label).map_or(UNNUMBERED, |o| o.scheme.rank()),
    };
    (indent, outline)
}

/// The text after a breakdown mark `其中:` / `其中：` (`其中:1.当面申请数` → `1.当面申请数`).
fn breakdown(label: &str) -> Option<&str> {
    let rest = label.strip_prefix("其中")?;
    Some(crate::normalize::trim(rest.trim_start_matches([':', '：'])))
}

impl RowPaths {
    /// Path of a partial row carrying `labels` (non-empty ones are used).
    ///
    /// ```
    /// use govreport::table::rows::RowPaths;
    /// let mut p = RowPaths::default();
    /// let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// p.partial(&s(&["三、本年度办理结果", "（一）予以公开"]));
    /// p.partial(&s(&["（三）不予公开", "1.属于国家秘密"]));
    /// assert_eq!(p.partial(&s(&["2.其他"])), s(&["三、本年度办理结果", "（三）不予公开", "2.其他"]));
    /// assert_eq!(p.partial(&s(&["四、结转下年度继续办理"])), s(&["四、结转下年度继续办理"]));
    /// // unnumbered labels on one row are its last levels (a label spanning rows, printed
    /// // on its first only)
    /// let mut p = RowPaths::default();
    /// p.partial(&s(&["2006", "Mar Qtr"]));
    /// assert_eq!(p.partial(&s(&["Jun Qtr"])), s(&["2006", "Jun Qtr"]));
    /// assert_eq!(p.partial(&s(&["2007", "January"])), s(&["2007", "January"]));
    /// ```
    pub fn partial(&mut self, labels: &[String]) -> Vec<String> {
        self.partial_at(labels, 0)
    }

    /// Path of a partial row carrying `labels`, its first label indented `indent` columns
    /// past the table's least indented label.
    pub fn partial_at(&mut self, labels: &[String], indent: usize) -> Vec<String> {
        let labels: Vec<&String> = labels.iter().filter(|l| !l.is_empty()).collect();
        let Some(first) = labels.first() else {
            return Vec::new();
        };
        let r = rank(first, indent);
        let cut = if r.1 == UNNUMBERED && is_total(first) {
            // (a total closes the groups indented as far as it or further)
            self.stack
                .iter()
                .position(|(k, _)| k.0 >= r.0)
                .unwrap_or(self.stack.len())
        } else if breakdown(first).is_some() {
            // `其中` breaks down the row above: under it, whatever its number (a second
            // breakdown right after one replaces it); the rows numbered after it
            // (`2.传真申请数` after `其中:1.当面申请数`) replace it
            match self.stack.last() {
                Some((k, l)) if *k == r && breakdown(l).is_some() => self.stack.len() - 1,
                _ => self.stack.len(),
            }
        } else if let Some(i) = self.stack.iter().rposition(|(k, _)| *k == r) {
            // several unnumbered labels on one row each stand a level below the one
            // before: they are the row's last levels, and the first replaces the label as
            // many levels up from the deepest (`2007` / `January` after `2006` / `Dec Qtr`)
            let k = labels.len();
            if k > 1 && r.1 == UNNUMBERED && labels.iter().all(|l| rank(l, indent) == r) {
                i.min(self.stack.len().saturating_sub(k))
            } else {
                i
            }
        } else {
            self.stack
                .iter()
                .position(|(k, _)| *k > r)
                .unwrap_or(self.stack.len())
        };
        self.stack.truncate(cut);
        for l in labels {
            self.stack.push((rank(l, indent), l.to_string()));
        }
        // no real table nests labels this deep; a hostile row must not make every later
        // path as long as itself
        if self.stack.len() > MAX_DEPTH {
            let excess = self.stack.len() - MAX_DEPTH;
            self.stack.drain(..excess);
        }
        self.stack.iter().map(|(_, l)| l.clone()).collect()
    }

    /// Path of a partial row of one unnumbered label printing no value in a table that
    /// prints values (`在总额中:` after `1、批发额`, `2、零售额`): a group head at the level of
    /// the numbered label before it, which it closes; the unnumbered rows below go under it.
    ///
    /// ```
    /// use govreport::table::rows::RowPaths;
    /// let mut p = RowPaths::default();
    /// let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// p.partial(&s(&["三、销售总额"]));
    /// p.partial(&s(&["2、零售额"]));
    /// assert_eq!(p.group("在总额中:"), s(&["三、销售总额", "在总额中:"]));
    /// assert_eq!(p.partial(&s(&["汽车类"])), s(&["三、销售总额", "在总额中:", "汽车类"]));
    /// assert_eq!(p.partial(&s(&["四、营业收入"])), s(&["四、营业收入"]));
    /// ```
    pub fn group(&mut self, label: &str) -> Vec<String> {
        self.group_at(label, 0)
    }

    /// Path of a group row (as [`RowPaths::group`]), its label indented `indent` columns.
    pub fn group_at(&mut self, label: &str, indent: usize) -> Vec<String> {
        let r = rank(label, indent);
        match self.stack.last() {
            Some(&(k, _))
                if r.1 == UNNUMBERED && k.1 < UNNUMBERED && k.0 == r.0 && !is_total(label) =>
            {
                self.stack.pop();
                self.stack.push((k, label.to_string()));
                self.stack.iter().map(|(_, l)| l.clone()).collect()
            }
            _ => self.partial_at(&[label.to_string()], indent),
        }
    }

    /// Path of a grid row whose label columns are `labels` (covered cells empty).
    pub fn grid(&mut self, labels: &[String]) -> Vec<String> {
        if self.carry.len() < labels.len() {
            self.carry.resize(labels.len(), String::new());
        }
        for (i, l) in labels.iter().enumerate() {
            if !l.is_empty() {
                self.carry[i] = l.clone();
                for c in &mut self.carry[i + 1..] {
                    c.clear();
                }
            }
        }
        self.carry
            .iter()
            .take(labels.len())
            .filter(|l| !l.is_empty())
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::RowPaths;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    /// Issue 13: a breakdown `其中:` goes under the row above; the rows numbered after it
    /// are its siblings, and the next unnumbered row is at the top again.
    #[test]
    fn breakdowns_go_under_the_row_above() {
        let mut p = RowPaths::default();
        let rows = [
            "来信数",
            "其中:网上来信数",
            "来访数",
            "其中:1.个人来访数",
            "2.集体来访数",
            "其中:(1)首次来访数",
            "(2)重复来访数",
            "办结数",
        ];
        let got: Vec<Vec<String>> = rows.iter().map(|r| p.partial(&s(&[r]))).collect();
        assert_eq!(
            got,
            [
                s(&["来信数"]),
                s(&["来信数", "其中:网上来信数"]),
                s(&["来访数"]),
                s(&["来访数", "其中:1.个人来访数"]),
                s(&["来访数", "2.集体来访数"]),
                s(&["来访数", "2.集体来访数", "其中:(1)首次来访数"]),
                s(&["来访数", "2.集体来访数", "(2)重复来访数"]),
                s(&["办结数"]),
            ]
        );
    }
}
