//! Column paths from flattened header rows.
//!
//! Two flattenings reach us:
//! - *grid* rows carry one cell per column (Markdown, aligned text, explicit empty cells):
//!   a spanning label stands in its first column and the covered positions are empty;
//!   a label extends to the right over empty cells under the same parent.
//! - *partial* rows carry only the cells that start in that row (HTML flattened to
//!   `a | b |`): a cell spanning columns is printed once, a cell spanning rows only in its
//!   first row. The spans are rebuilt bottom-up: every cell of a row is either a leaf
//!   (it spans down to the data) or the parent of a run of the units below it, and the
//!   leaves must add up to the number of value columns. When several readings fit, the
//!   one the labels support is taken (a total such as `总计` is a leaf; a parent shares
//!   words with its children; sibling parents with the same children are likely) and a
//!   tie is reported as ambiguous.

use crate::normalize::fold;
use std::collections::HashMap;
use std::rc::Rc;

/// One header row: its value-column cells (corner cells already removed).
#[derive(Debug, Clone)]
pub struct HeaderRow {
    /// The cells as printed (trimmed).
    pub cells: Vec<String>,
    /// True when the row has one cell per value column (empty cells in place).
    pub grid: bool,
}

/// Rebuilt column paths.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// One path per value column.
    pub paths: Vec<Vec<String>>,
    /// True when more than one reading of the spans fitted equally well.
    pub ambiguous: bool,
}

/// Search budget: nodes visited before giving up on a header.
const BUDGET: usize = 200_000;

/// Rebuilds the paths of `n` value columns from header rows given top-down.
/// Returns `None` when no reading fits.
///
/// Reports printed from one official template share their header rows word for word,
/// and the span search below can take milliseconds, so each thread remembers the last
/// [`MEMO_ENTRIES`] headers it rebuilt (headers up to [`MEMO_KEY_BYTES`] of text). The
/// result is a pure function of `rows` and `n`: remembering changes no output.
pub fn rebuild(rows: &[HeaderRow], n: usize) -> Option<Columns> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static MEMO: RefCell<HashMap<String, Option<Columns>>> = RefCell::new(HashMap::new());
    }
    let mut key = n.to_string();
    for r in rows {
        key.push(if r.grid { '\u{1e}' } else { '\u{1d}' });
        for c in &r.cells {
            key.push_str(c);
            key.push('\u{1f}');
        }
        if key.len() > MEMO_KEY_BYTES {
            return rebuild_uncached(rows, n);
        }
    }
    if let Some(hit) = MEMO.with(|m| m.borrow().get(&key).cloned()) {
        return hit;
    }
    let result = rebuild_uncached(rows, n);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_ENTRIES {
            m.clear();
        }
        m.insert(key, result.clone());
    });
    result
}

/// Headers remembered per thread by [`rebuild`].
pub const MEMO_ENTRIES: usize = 64;
/// Longest header text (all cells) that [`rebuild`] remembers.
pub const MEMO_KEY_BYTES: usize = 4096;

/// [`rebuild`] without the per-thread memory: always searches.
pub fn rebuild_uncached(rows: &[HeaderRow], n: usize) -> Option<Columns> {
    let rows: Vec<&HeaderRow> = rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
        .collect();
    if rows.is_empty() {
        return Some(Columns {
            paths: vec![Vec::new(); n],
            ambiguous: false,
        });
    }
    if rows.iter().all(|r| r.grid) {
        return Some(Columns {
            paths: grid_paths(&rows, n),
            ambiguous: false,
        });
    }
    // Grid rows at the bottom anchor the positions; partial rows above are searched.
    let mut labels = Labels::default();
    let bottom = rows.len() - 1;
    let (start, anchored): (Vec<Slot>, bool) = if rows[bottom].grid {
        let slots = rows[bottom]
            .cells
            .iter()
            .map(|c| {
                if c.is_empty() {
                    Slot::Hole
                } else {
                    Slot::Unit(Rc::new(Node::leaf(&labels.get(c))))
                }
            })
            .collect();
        (slots, true)
    } else {
        (Vec::new(), false)
    };
    let upper: Vec<Vec<Rc<Label>>> = rows[..if anchored { bottom } else { rows.len() }]
        .iter()
        .rev()
        .map(|r| {
            r.cells
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| labels.get(c))
                .collect()
        })
        .collect();
    let mut above = vec![Above::default(); upper.len()];
    for r in (0..upper.len().saturating_sub(1)).rev() {
        let (c, u) = (upper[r + 1].len(), upper[r].len());
        above[r] = Above {
            cells: above[r + 1].cells + c,
            min_leaves: above[r + 1].min_leaves + c.saturating_sub(u),
            max_leaves: above[r + 1].max_leaves + c.saturating_sub(1),
        };
    }
    let mut search = Search {
        rows: &upper,
        above: &above,
        n,
        anchored,
        best: None,
        visited: 0,
    };
    search.level(0, start, 0.0);
    let best = search.best?;
    let mut paths = Vec::with_capacity(n);
    for slot in &best.slots {
        if let Slot::Unit(node) = slot {
            node.paths(&mut Vec::new(), &mut paths);
        }
    }
    if paths.len() != n {
        return None;
    }
    Some(Columns {
        paths,
        ambiguous: best.ties > 1 || search.visited >= BUDGET,
    })
}

/// Grid rows: a label extends right over empty cells that share its parent.
fn grid_paths(rows: &[&HeaderRow], n: usize) -> Vec<Vec<String>> {
    let mut paths = vec![Vec::new(); n];
    let mut owner = vec![0usize; n];
    let mut next_group = 1;
    for row in rows {
        let mut new_owner = vec![0usize; n];
        let mut c = 0;
        while c < n {
            let label = row.cells.get(c).map(String::as_str).unwrap_or("");
            let group = next_group;
            next_group += 1;
            if label.is_empty() {
                new_owner[c] = group;
                c += 1;
                continue;
            }
            let mut j = c + 1;
            while j < n && row.cells.get(j).is_none_or(|s| s.is_empty()) && owner[j] == owner[c] {
                j += 1;
            }
            for k in c..j {
                paths[k].push(label.to_string());
                new_owner[k] = group;
            }
            c = j;
        }
        owner = new_owner;
    }
    paths
}

#[derive(Debug, Clone)]
struct Node {
    label: Rc<Label>,
    children: Vec<Rc<Node>>,
    width: usize,
}

impl Node {
    fn leaf(label: &Rc<Label>) -> Node {
        Node {
            label: label.clone(),
            children: Vec::new(),
            width: 1,
        }
    }

    fn paths(&self, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        prefix.push(self.label.text.clone());
        if self.children.is_empty() {
            out.push(prefix.clone());
        } else {
            for c in &self.children {
                c.paths(prefix, out);
            }
        }
        prefix.pop();
    }
}

#[derive(Debug, Clone)]
enum Slot {
    Unit(Rc<Node>),
    Hole,
}

impl Slot {
    fn width(&self) -> usize {
        match self {
            Slot::Unit(n) => n.width,
            Slot::Hole => 1,
        }
    }
}

struct Best {
    score: f64,
    slots: Vec<Slot>,
    ties: usize,
    shape: Vec<Vec<String>>,
}

/// A header label with what the scores ask of it, computed once per distinct label
/// rather than once per node of the search.
#[derive(Debug)]
struct Label {
    text: String,
    fold: String,
    total: bool,
    bigrams: Vec<(char, char)>,
}

/// Interns the labels of one search.
#[derive(Default)]
struct Labels(HashMap<String, Rc<Label>>);

impl Labels {
    fn get(&mut self, text: &str) -> Rc<Label> {
        if let Some(l) = self.0.get(text) {
            return l.clone();
        }
        let f = fold(text);
        let l = Rc::new(Label {
            text: text.to_string(),
            total: is_total(text),
            bigrams: f.chars().zip(f.chars().skip(1)).collect(),
            fold: f,
        });
        self.0.insert(text.to_string(), l.clone());
        l
    }
}

/// Sums over the rows above row `r` (bottom-up), so that no node of the search adds
/// them up again.
#[derive(Debug, Clone, Copy, Default)]
struct Above {
    /// Their cells.
    cells: usize,
    /// The fewest leaves they can add (see [`Search::width_reachable`]).
    min_leaves: usize,
    /// The most leaves they can add without leaving units unconsumed.
    max_leaves: usize,
}

struct Search<'a> {
    /// Partial rows, bottom-up.
    rows: &'a [Vec<Rc<Label>>],
    /// Per row, sums over the rows above it.
    above: &'a [Above],
    n: usize,
    anchored: bool,
    best: Option<Best>,
    visited: usize,
}

impl Search<'_> {
    /// Processes row `r` (bottom-up) over the units `below`.
    fn level(&mut self, r: usize, below: Vec<Slot>, score: f64) {
        if r == self.rows.len() {
            self.finish(below, score);
            return;
        }
        let mut out = Vec::new();
        self.cell(r, 0, &below, 0, &mut out, score);
    }

    fn cell(
        &mut self,
        r: usize,
        ci: usize,
        below: &[Slot],
        si: usize,
        out: &mut Vec<Slot>,
        score: f64,
    ) {
        self.visited += 1;
        if self.visited >= BUDGET {
            return;
        }
        let cells = &self.rows[r];
        let width: usize = out.iter().map(Slot::width).sum::<usize>()
            + below[si..].iter().map(Slot::width).sum::<usize>();
        let later_cells: usize = cells.len() - ci + self.above[r].cells;
        if width > self.n || (!self.anchored && width + later_cells < self.n) {
            return;
        }
        if !self.anchored && !self.width_reachable(r, ci, below.len() - si, width) {
            return;
        }
        if ci == cells.len() {
            // Unconsumed holes pass up; unconsumed units may not.
            if below[si..].iter().any(|s| matches!(s, Slot::Unit(_))) {
                return;
            }
            let mut next = out.clone();
            next.extend(below[si..].iter().cloned());
            let bonus = sibling_bonus(&next, out.len());
            self.level(r + 1, next, score + bonus);
            return;
        }
        let label = &cells[ci];
        match below.get(si) {
            Some(Slot::Hole) => {
                // fill the hole with a leaf, or pass it up
                out.push(Slot::Unit(Rc::new(Node::leaf(label))));
                self.cell(r, ci + 1, below, si + 1, out, score);
                out.pop();
                out.push(Slot::Hole);
                self.cell(r, ci, below, si + 1, out, score);
                out.pop();
                return;
            }
            _ if !self.anchored => {
                out.push(Slot::Unit(Rc::new(Node::leaf(label))));
                self.cell(r, ci + 1, below, si, out, score);
                out.pop();
            }
            _ => {}
        }
        // a parent over a run of units
        let mut run = 0;
        let mut children: Vec<Rc<Node>> = Vec::new();
        let mut width = 0;
        while let Some(Slot::Unit(child)) = below.get(si + run) {
            run += 1;
            children.push(child.clone());
            width += child.width;
            let s = parent_score(label, &children);
            out.push(Slot::Unit(Rc::new(Node {
                label: label.clone(),
                children: children.clone(),
                width,
            })));
            self.cell(r, ci + 1, below, si + run, out, score + s);
            out.pop();
        }
    }

    /// Without a grid row every slot is a unit and every row above the current one must
    /// consume all the units below it, so it makes at least one parent and, having
    /// `c` cells over `u` units, between `max(0, c - u)` and `c - 1` leaves; a leaf adds one
    /// column, a parent none. False when the final width cannot be `n` whatever the
    /// remaining cells do: no reading lies below this node.
    fn width_reachable(&self, r: usize, ci: usize, units_left: usize, width: usize) -> bool {
        let cells_left = self.rows[r].len() - ci;
        let (mut lo, mut hi) = (
            cells_left.saturating_sub(units_left),
            cells_left - usize::from(units_left > 0 && cells_left > 0),
        );
        lo += self.above[r].min_leaves;
        hi += self.above[r].max_leaves;
        width + lo <= self.n && self.n <= width + hi
    }

    fn finish(&mut self, slots: Vec<Slot>, score: f64) {
        if slots.iter().any(|s| matches!(s, Slot::Hole))
            || slots.iter().map(Slot::width).sum::<usize>() != self.n
        {
            return;
        }
        if self
            .best
            .as_ref()
            .is_some_and(|b| (score - b.score).abs() >= 1e-9 && score < b.score)
        {
            // worse than the best: its shape does not matter
            return;
        }
        let mut shape = Vec::new();
        for s in &slots {
            if let Slot::Unit(node) = s {
                node.paths(&mut Vec::new(), &mut shape);
            }
        }
        match &mut self.best {
            Some(b) if (score - b.score).abs() < 1e-9 => {
                if b.shape != shape {
                    b.ties += 1;
                }
            }
            Some(b) if score < b.score => {}
            _ => {
                self.best = Some(Best {
                    score,
                    slots,
                    ties: 1,
                    shape,
                })
            }
        }
    }
}

/// True for labels that name a total; a total spans down, it does not head a group.
pub fn is_total(label: &str) -> bool {
    let f = fold(label);
    let f = f.trim_start_matches(|c: char| !c.is_alphanumeric() || "()".contains(c));
    ["总计", "合计", "小计", "总数", "共计", "Total", "total"]
        .iter()
        .any(|t| f.contains(t))
        && f.chars().count() <= 8
}

fn parent_score(parent: &Label, children: &[Rc<Node>]) -> f64 {
    let mut s = 0.0;
    if children.len() == 1 {
        s -= 1.0;
    }
    if parent.total {
        s -= 5.0;
    }
    let mut overlap = 0.0;
    for c in children {
        let child = &c.label;
        if child.fold == parent.fold {
            s -= 2.0;
        }
        if child.bigrams.iter().any(|b| parent.bigrams.contains(b)) {
            overlap += 0.5;
        }
    }
    // A total closes its group: it is the last of its siblings.
    if children
        .iter()
        .rev()
        .skip(1)
        .any(|c| c.children.is_empty() && c.label.total)
    {
        s -= 2.0;
    }
    s + f64::min(overlap, 1.5)
}

/// Sibling parents made in one row with the same children labels: a strong sign of a
/// repeated sub-header (`结果维持 … 总计` under both kinds of 行政诉讼).
fn sibling_bonus(slots: &[Slot], made: usize) -> f64 {
    let mut seqs: Vec<Vec<&str>> = Vec::new();
    for s in &slots[..made.min(slots.len())] {
        if let Slot::Unit(n) = s
            && n.children.len() >= 2
        {
            seqs.push(n.children.iter().map(|c| c.label.fold.as_str()).collect());
        }
    }
    let mut bonus = 0.0;
    for i in 1..seqs.len() {
        if seqs[..i].contains(&seqs[i]) {
            bonus += 3.0;
        }
    }
    bonus
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partial(cells: &[&str]) -> HeaderRow {
        HeaderRow {
            cells: cells.iter().map(|s| s.to_string()).collect(),
            grid: false,
        }
    }

    fn joined(c: &Columns) -> Vec<String> {
        c.paths.iter().map(|p| p.join(">")).collect()
    }

    #[test]
    fn applicant_header_from_partial_rows() {
        let rows = [
            partial(&["申请人情况"]),
            partial(&["自然人", "法人或其他组织", "总计"]),
            partial(&[
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
            ]),
        ];
        let c = rebuild(&rows, 7).unwrap();
        assert!(!c.ambiguous);
        assert_eq!(joined(&c)[0], "申请人情况>自然人");
        assert_eq!(joined(&c)[1], "申请人情况>法人或其他组织>商业企业");
        assert_eq!(joined(&c)[6], "申请人情况>总计");
    }

    #[test]
    fn review_header_from_partial_rows() {
        let rows = [
            partial(&["行政复议", "行政诉讼"]),
            partial(&[
                "结果维持",
                "结果纠正",
                "其他结果",
                "尚未审结",
                "总计",
                "未经复议直接起诉",
                "复议后起诉",
            ]),
            partial(&[
                "结果维持",
                "结果纠正",
                "其他结果",
                "尚未审结",
                "总计",
                "结果维持",
                "结果纠正",
                "其他结果",
                "尚未审结",
                "总计",
            ]),
        ];
        let c = rebuild(&rows, 15).unwrap();
        let j = joined(&c);
        assert_eq!(j[4], "行政复议>总计");
        assert_eq!(j[5], "行政诉讼>未经复议直接起诉>结果维持");
        assert_eq!(j[14], "行政诉讼>复议后起诉>总计");
        assert!(!c.ambiguous);
    }

    #[test]
    fn grid_bottom_row_anchors_positions() {
        let mut bottom = partial(&[
            "",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "",
        ]);
        bottom.grid = true;
        let rows = [
            partial(&["申请人情况"]),
            partial(&["自然人", "法人或其他组织", "总计"]),
            bottom,
        ];
        let c = rebuild(&rows, 7).unwrap();
        assert_eq!(joined(&c)[0], "申请人情况>自然人");
        assert_eq!(joined(&c)[5], "申请人情况>法人或其他组织>其他");
        assert_eq!(joined(&c)[6], "申请人情况>总计");
    }

    #[test]
    fn grid_rows_extend_right_within_parent() {
        let g = |cells: &[&str]| HeaderRow {
            cells: cells.iter().map(|s| s.to_string()).collect(),
            grid: true,
        };
        let rows = [
            g(&["申请人情况", "", "", ""]),
            g(&["自然人", "法人", "", "总计"]),
            g(&["", "企业", "其他", ""]),
        ];
        let c = rebuild(&rows, 4).unwrap();
        assert_eq!(
            joined(&c),
            [
                "申请人情况>自然人",
                "申请人情况>法人>企业",
                "申请人情况>法人>其他",
                "申请人情况>总计"
            ]
        );
    }

    #[test]
    fn symmetric_reading_is_reported_ambiguous() {
        let rows = [partial(&["甲", "乙"]), partial(&["子", "丑", "寅"])];
        let c = rebuild(&rows, 3).unwrap();
        assert!(c.ambiguous);
    }

    #[test]
    fn impossible_header_gives_none() {
        let rows = [partial(&["甲", "乙", "丙", "丁"])];
        assert_eq!(rebuild(&rows, 2), None);
    }
}
