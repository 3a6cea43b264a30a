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

use crate::memo::{HashMemo, Memo, remembered, remembered_by_hash};
use crate::normalize::fold;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
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
    /// Every reading's paths with its score, where the labels do not choose between
    /// them and the data's sums may: header cells left blank read (scored alike), or all
    /// readings asked for ([`rebuild_readings`]). Empty otherwise.
    pub readings: Vec<Scored>,
}

/// A reading of a header: how well its labels support it, and its column paths.
pub type Scored = (f64, Vec<Vec<String>>);

/// Search budget: nodes visited before giving up on a header.
const BUDGET: usize = 200_000;

/// Most value columns plus header cells a searched header may have: the search recurses
/// once per cell and per column passed, and a hostile table of a thousand columns
/// overflowed the stack (real headers have a few dozen of each).
const MAX_SEARCHED: usize = 400;

/// Headers remembered per thread: an archive repeats the same few template headers
/// thousands of times, and the span search of a large one visits ~10^5 readings.
const MEMO_CAP: usize = 512;

type MemoKey = (Vec<(Vec<String>, bool)>, usize);

thread_local! {
    static MEMO: RefCell<Memo<MemoKey, Option<Columns>>> = RefCell::new(Memo::new(MEMO_CAP));
}

/// Rebuilds the paths of `n` value columns from header rows given top-down.
/// Returns `None` when no reading fits. The result depends on the rows alone, so it
/// is remembered: the same header met again costs one lookup.
pub fn rebuild(rows: &[HeaderRow], n: usize) -> Option<Columns> {
    // grid-only headers are read in one pass: not worth remembering
    if rows.iter().all(|r| r.grid) {
        return rebuild_uncached(rows, n);
    }
    let key: MemoKey = (rows.iter().map(|r| (r.cells.clone(), r.grid)).collect(), n);
    remembered(&MEMO, &key, Clone::clone, |_| rebuild_uncached(rows, n))
}

/// Rebuilds the paths of `n` value columns from header rows given top-down that print a
/// span as empty cells after its label (markdownify's colspan) and leave out the cells a
/// span from above covers: every row is read as its labels with those widths, the rows
/// below the first packed left. `None` when no reading fits those widths.
///
/// ```
/// use govreport::table::header::{HeaderRow, rebuild_filled};
/// let row = |c: &[&str]| HeaderRow { cells: c.iter().map(|s| s.to_string()).collect(), grid: false };
/// let rows = [row(&["人口", "劳动力", "", ""]), row(&["就业", "", "失业"]), row(&["城镇", "乡村"])];
/// let c = rebuild_filled(&rows, 4).unwrap();
/// assert!(!c.ambiguous);
/// assert_eq!(c.paths[0], ["人口"]);
/// assert_eq!(c.paths[2], ["劳动力", "就业", "乡村"]);
/// assert_eq!(c.paths[3], ["劳动力", "失业"]);
/// ```
pub fn rebuild_filled(rows: &[HeaderRow], n: usize) -> Option<Columns> {
    let rows: Vec<&HeaderRow> = rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
        .collect();
    let cells: usize = rows.iter().map(|r| r.cells.len()).sum();
    if rows.is_empty() || n + cells > MAX_SEARCHED {
        return None;
    }
    search_rows(&rows, n, Vec::new(), false, Read::Filled, false)
}

/// [`rebuild`] without the per-thread memory: always searches (for benchmarks and tests).
pub fn rebuild_uncached(rows: &[HeaderRow], n: usize) -> Option<Columns> {
    rebuild_searched(rows, n, false)
}

/// Every reading [`rebuild`] weighs for the header rows, scored, best first. Empty where
/// the search was cut short or found more than [`MAX_READINGS`] (the data's sums could
/// then not single one out), or where the rows print one cell a column (one reading).
pub fn rebuild_readings(rows: &[HeaderRow], n: usize) -> Vec<Scored> {
    rebuild_searched(rows, n, true).map_or_else(Vec::new, |c| c.readings)
}

/// [`rebuild_uncached`], every reading kept in `readings` where `all`.
fn rebuild_searched(rows: &[HeaderRow], n: usize, all: bool) -> Option<Columns> {
    let rows: Vec<&HeaderRow> = rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
        .collect();
    if rows.is_empty() {
        return Some(Columns {
            paths: vec![Vec::new(); n],
            ambiguous: false,
            readings: Vec::new(),
        });
    }
    if rows.iter().all(|r| r.grid) {
        return Some(Columns {
            paths: grid_paths(&rows, n),
            ambiguous: false,
            readings: Vec::new(),
        });
    }
    let cells: usize = rows.iter().map(|r| r.cells.len()).sum();
    if n + cells > MAX_SEARCHED {
        return None;
    }
    // Grid rows at the bottom anchor the positions; partial rows above are searched.
    let bottom = rows.len() - 1;
    let (start, anchored): (Vec<Slot>, bool) = if rows[bottom].grid {
        let slots = rows[bottom]
            .cells
            .iter()
            .map(|c| {
                if c.is_empty() {
                    Slot::Hole
                } else {
                    Slot::Unit(Rc::new(Node::leaf(&Key::of(c))))
                }
            })
            .collect();
        (slots, true)
    } else {
        (Vec::new(), false)
    };
    let upper = &rows[..if anchored { bottom } else { rows.len() }];
    search_rows(upper, n, start.clone(), anchored, Read::Labels, all).or_else(|| {
        // no reading of the labels alone: the empty cells a partial row prints between
        // them may be header cells left blank (html2text prints `| | Male| Female| |`
        // under `Population`): read so, each a column named by the cells above it only
        let blank_between = upper.iter().any(|r| {
            let end = r.cells.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
            r.cells[..end].iter().any(String::is_empty)
        });
        blank_between
            .then(|| search_rows(upper, n, start, anchored, Read::WithBlanks, all))
            .flatten()
    })
}

/// How a partial row's empty cells are read.
#[derive(Clone, Copy, PartialEq)]
enum Read {
    /// Not at all: the labels alone.
    Labels,
    /// As the columns of the label before them (markdownify prints a span so).
    Filled,
    /// As header cells left blank, each a leaf (the empty cells at the row's end aside).
    WithBlanks,
}

/// Searches the spans of the partial rows `upper` (top-down) over the bottom row's units
/// `start` (none when the bottom row is partial too). `read` says what the rows' empty
/// cells are: with [`Read::Filled`] the columns of the label before them, and a reading
/// gives it exactly those.
fn search_rows(
    upper: &[&HeaderRow],
    n: usize,
    start: Vec<Slot>,
    anchored: bool,
    read: Read,
    all: bool,
) -> Option<Columns> {
    let upper_rows = upper;
    let upper: Vec<Vec<String>> = upper_rows
        .iter()
        .rev()
        .map(|r| match read {
            Read::WithBlanks => {
                let end = r
                    .cells
                    .iter()
                    .rposition(|c| !c.is_empty())
                    .map_or(0, |i| i + 1);
                r.cells[..end].to_vec()
            }
            _ => r.cells.iter().filter(|c| !c.is_empty()).cloned().collect(),
        })
        .collect();
    let filled = read == Read::Filled;
    // each label's printed width: itself and the empty cells after it (0: not told)
    let widths: Vec<Vec<usize>> = upper_rows
        .iter()
        .rev()
        .map(|r| {
            let mut w: Vec<usize> = Vec::new();
            for c in &r.cells {
                match w.last_mut() {
                    _ if !c.is_empty() => w.push(1),
                    Some(last) => *last += 1,
                    None => {}
                }
            }
            if !filled {
                w.iter_mut().for_each(|x| *x = 0);
            }
            w
        })
        .zip(&upper)
        .map(|(w, cells)| {
            if read == Read::WithBlanks {
                vec![0; cells.len()]
            } else {
                w
            }
        })
        .collect();
    let keys: Vec<Vec<Rc<Key>>> = upper
        .iter()
        .map(|r| r.iter().map(|l| Key::of(l)).collect())
        .collect();
    let later = (0..upper.len())
        .map(|r| upper[r + 1..].iter().map(Vec::len).sum())
        .collect();
    let leaves = keys
        .iter()
        .map(|r| r.iter().map(|k| Rc::new(Node::leaf(k))).collect())
        .collect();
    let mut search = Search {
        rows: &upper,
        widths,
        keys,
        leaves,
        n,
        anchored,
        best: None,
        visited: 0,
        later,
        shapes: (read == Read::WithBlanks || all).then(Vec::new),
        seen: Default::default(),
        cap: if all { MAX_READINGS } else { MAX_SHAPES },
        overflow: false,
        blanks: read == Read::WithBlanks,
    };
    search.level(0, start, 0.0);
    if let Some(mut shapes) = search.shapes.take() {
        // blank cells: the labels' likeness decides nothing (`Female` in `Sex Ratio
        // (Female=100)` is no sign it heads `Male | Female`); the readings are all given,
        // one taken only where it is the one
        let complete = search.visited < BUDGET && !search.overflow;
        if all {
            shapes.sort_by(|a, b| b.0.total_cmp(&a.0));
        }
        return match (shapes.len(), complete) {
            (0, _) => None,
            (k, _) => Some(Columns {
                paths: shapes[0].1.clone(),
                ambiguous: k > 1 || !complete,
                readings: if complete && (k > 1 || all) {
                    shapes
                } else {
                    Vec::new()
                },
            }),
        };
    }
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
        readings: Vec::new(),
    })
}

/// The grid header rows (top-down, one cell per value column) that print `paths`: each
/// label in the first column it spans, the columns it spans after it and under a
/// shorter path empty. The inverse of reading a grid header ([`rebuild`] of grid rows).
///
/// ```
/// use govreport::table::header::grid_rows;
/// let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
/// let rows = grid_rows(&[s(&["本年", "本月"]), s(&["本年", "累计"]), s(&["增长"])]);
/// assert_eq!(rows, [s(&["本年", "", "增长"]), s(&["本月", "累计", ""])]);
/// ```
pub fn grid_rows(paths: &[Vec<String>]) -> Vec<Vec<String>> {
    let depth = paths.iter().map(Vec::len).max().unwrap_or(0);
    (0..depth)
        .map(|d| {
            paths
                .iter()
                .enumerate()
                .map(|(j, p)| {
                    let same = j > 0 && {
                        let q = &paths[j - 1];
                        p.len() > d && q.len() > d && p[..=d] == q[..=d]
                    };
                    if p.len() > d && !same {
                        p[d].clone()
                    } else {
                        String::new()
                    }
                })
                .collect()
        })
        .collect()
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

/// A header cell and the cells under it. Children are shared (`Rc`): the search
/// copies its partial readings at every step, and sharing makes that copy cheap.
#[derive(Debug, Clone)]
struct Node {
    label: Rc<Key>,
    children: Vec<Rc<Node>>,
    width: usize,
}

/// A label with what the scores need of it, worked out once per label.
#[derive(Debug)]
struct Key {
    text: String,
    folded: String,
    bigrams: Vec<u64>,
    total: bool,
    /// The label names a part of what the columns before it count (`其中`): it heads
    /// the parts, never a column of its own.
    part: bool,
    /// The period the label names (`Aug. 2007`, `2008年3月`), in time order.
    period: Option<u32>,
    /// What the label is a date of, where it is nothing but a date ([`DateKind`]).
    date: DateKind,
}

impl Key {
    fn of(label: &str) -> Rc<Key> {
        let folded = fold(label);
        Rc::new(Key {
            text: label.to_string(),
            bigrams: marks(label),
            part: names_part(&folded),
            period: period_key(label),
            date: date_kind(&folded),
            folded,
            total: is_total(label),
        })
    }
}

impl Node {
    fn leaf(label: &Rc<Key>) -> Node {
        Node {
            label: label.clone(),
            children: Vec::new(),
            width: 1,
        }
    }

    fn paths(&self, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        // (a header cell left blank names nothing: its column is named by the cells above)
        let named = !self.label.text.is_empty();
        if named {
            prefix.push(self.label.text.clone());
        }
        if self.children.is_empty() {
            out.push(prefix.clone());
        } else {
            for c in &self.children {
                c.paths(prefix, out);
            }
        }
        if named {
            prefix.pop();
        }
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

struct Search<'a> {
    /// Partial rows, bottom-up.
    rows: &'a [Vec<String>],
    /// The columns each cell of `rows` spans where the text prints it (0: not told).
    widths: Vec<Vec<usize>>,
    /// The labels of `rows` as keys.
    keys: Vec<Vec<Rc<Key>>>,
    n: usize,
    anchored: bool,
    best: Option<Best>,
    visited: usize,
    /// Cells in the rows above row `r`, for every `r`.
    later: Vec<usize>,
    /// Each cell as a leaf, made once (nodes are never changed, only shared).
    leaves: Vec<Vec<Rc<Node>>>,
    /// Every reading's paths with its score, where all are wanted (header cells left
    /// blank, scored alike: the labels decide nothing; all readings asked for).
    shapes: Option<Vec<Scored>>,
    /// Where each reading in `shapes` stands.
    seen: std::collections::HashMap<Vec<Vec<String>>, usize>,
    /// Most readings kept in `shapes`; `overflow` when more were found.
    cap: usize,
    overflow: bool,
    /// Header cells left blank are read.
    blanks: bool,
}

/// Most readings of a header with blank cells kept: more than a few means the text does
/// not say.
const MAX_SHAPES: usize = 16;

/// Most readings kept where all are asked for, for the data's sums to choose from:
/// more means the search would cost more than the choice is worth.
pub const MAX_READINGS: usize = 2048;

impl Search<'_> {
    /// Processes row `r` (bottom-up) over the units `below`.
    fn level(&mut self, r: usize, below: Vec<Slot>, score: f64) {
        if r == self.rows.len() {
            self.finish(below, score);
            return;
        }
        // widths of below[si..], for every si
        let mut suffix = vec![0; below.len() + 1];
        for (i, s) in below.iter().enumerate().rev() {
            suffix[i] = suffix[i + 1] + s.width();
        }
        let mut out = Vec::new();
        self.cell(r, 0, &below, &suffix, 0, &mut out, 0, score);
    }

    /// Places cell `ci` of row `r` over `below[si..]`; `out` holds the units made so far
    /// (`out_w` columns wide) and `suffix[i]` is the width of `below[i..]`.
    #[allow(clippy::too_many_arguments)]
    fn cell(
        &mut self,
        r: usize,
        ci: usize,
        below: &[Slot],
        suffix: &[usize],
        si: usize,
        out: &mut Vec<Slot>,
        out_w: usize,
        score: f64,
    ) {
        self.visited += 1;
        if self.visited >= BUDGET {
            return;
        }
        let cells = &self.rows[r];
        let width = out_w + suffix[si];
        let later_cells = cells.len() - ci + self.later[r];
        if width > self.n || (!self.anchored && width + later_cells < self.n) {
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
        let label = self.keys[r][ci].clone();
        let printed = self.widths[r][ci];
        let leaf_fits = !label.part && printed <= 1;
        match below.get(si) {
            Some(Slot::Hole) => {
                // fill the hole with a leaf, or pass it up
                if leaf_fits {
                    out.push(Slot::Unit(self.leaves[r][ci].clone()));
                    self.cell(r, ci + 1, below, suffix, si + 1, out, out_w + 1, score);
                    out.pop();
                }
                out.push(Slot::Hole);
                self.cell(r, ci, below, suffix, si + 1, out, out_w + 1, score);
                out.pop();
                return;
            }
            _ if !self.anchored && leaf_fits => {
                out.push(Slot::Unit(self.leaves[r][ci].clone()));
                self.cell(r, ci + 1, below, suffix, si, out, out_w + 1, score);
                out.pop();
            }
            _ => {}
        }
        // a parent over a run of units (a blank cell heads none)
        if label.text.is_empty() {
            return;
        }
        let mut run = 0;
        let mut parent = ParentScore::new(&label);
        let mut children: Vec<Rc<Node>> = Vec::new();
        let mut width = 0;
        while let Some(Slot::Unit(child)) = below.get(si + run) {
            // a blank cell opens its group (the group's own column, its parts after it)
            if run > 0 && child.label.text.is_empty() {
                break;
            }
            run += 1;
            let s = parent.add(child);
            children.push(child.clone());
            width += child.width;
            if printed > 0 && width != printed {
                if width > printed {
                    break;
                }
                continue;
            }
            // (a blank cell alone under a label is no group: the label is the leaf)
            if run == 1 && child.label.text.is_empty() {
                continue;
            }
            out.push(Slot::Unit(Rc::new(Node {
                label: label.clone(),
                children: children.clone(),
                width,
            })));
            self.cell(
                r,
                ci + 1,
                below,
                suffix,
                si + run,
                out,
                out_w + width,
                score + s,
            );
            out.pop();
        }
    }

    fn finish(&mut self, slots: Vec<Slot>, score: f64) {
        if slots.iter().any(|s| matches!(s, Slot::Hole))
            || slots.iter().map(Slot::width).sum::<usize>() != self.n
        {
            return;
        }
        if let Some(shapes) = &mut self.shapes {
            // a blank cell is a group's own column, under its label: never one of the top
            if slots
                .iter()
                .any(|s| matches!(s, Slot::Unit(u) if u.label.text.is_empty()))
            {
                return;
            }
            let mut shape = Vec::new();
            for s in &slots {
                if let Slot::Unit(node) = s {
                    node.paths(&mut Vec::new(), &mut shape);
                }
            }
            let score = if self.blanks { 0.0 } else { score };
            match self.seen.get(&shape) {
                Some(&i) => shapes[i].0 = shapes[i].0.max(score),
                None if shapes.len() < self.cap => {
                    self.seen.insert(shape.clone(), shapes.len());
                    shapes.push((score, shape));
                }
                None => {
                    // (no use searching on: the readings found are not all)
                    self.overflow = true;
                    self.visited = BUDGET;
                }
            }
            return;
        }
        // a worse reading needs no shape
        if self.best.as_ref().is_some_and(|b| score < b.score - 1e-9) {
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

/// What a parent label and its children share when they name the same thing: pairs of
/// characters next to each other where one is no ASCII character (`行政` in `行政复议`
/// and `行政诉讼`), and Latin words of four letters or more (`labor` in `Civilian labor
/// force` and `Labor force participation`). Pairs of Latin letters are no sign: any two
/// English labels share some (`ot` in `Not in labor force` and `Total`).
fn marks(label: &str) -> Vec<u64> {
    use std::hash::DefaultHasher;
    let hash = |x: &dyn Fn(&mut DefaultHasher)| {
        let mut h = DefaultHasher::new();
        x(&mut h);
        h.finish()
    };
    let folded = fold(label);
    let chars: Vec<char> = folded.chars().collect();
    let mut out: Vec<u64> = chars
        .windows(2)
        .filter(|w| !w[0].is_ascii() || !w[1].is_ascii())
        .map(|w| hash(&|h| (w[0], w[1]).hash(h)))
        .collect();
    let lower = label.to_lowercase();
    // (`Total` names an aggregate, not what it counts: `总户数Total Households` and
    // `总人口Total Population` share it as siblings)
    out.extend(
        lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 4 && *w != "total")
            .map(|w| hash(&|h| w.hash(h))),
    );
    out
}

/// The period a label names, as a number in time order: a year from 1800 to 2100 and the
/// month in it where the label names one (`Aug. 2007`, `July 2008`, `2008年3月`, `2007`).
///
/// ```
/// use govreport::table::header::period_key;
/// assert!(period_key("Aug. 2007") < period_key("July 2008"));
/// assert!(period_key("2008年3月") < period_key("2008年11月"));
/// assert_eq!(period_key("Total"), None);
/// ```
pub fn period_key(label: &str) -> Option<u32> {
    let f = fold(label).to_lowercase();
    let digits: Vec<(usize, &str)> = f
        .match_indices(|c: char| c.is_ascii_digit())
        .fold(Vec::new(), |mut runs: Vec<(usize, usize)>, (i, _)| {
            match runs.last_mut() {
                Some((_, e)) if *e == i => *e = i + 1,
                _ => runs.push((i, i + 1)),
            }
            runs
        })
        .into_iter()
        .map(|(a, b)| (a, &f[a..b]))
        .collect();
    let years: Vec<u32> = digits
        .iter()
        .filter(|(_, d)| d.len() == 4)
        .filter_map(|(_, d)| d.parse().ok())
        .filter(|y| (1800..=2100).contains(y))
        .collect();
    let [year] = years[..] else {
        return None;
    };
    // a word that is a month's name or its abbreviation (`Aug.`, `Sept`)
    let by_name = f
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
        .find_map(|w| {
            crate::outline::MONTH_NAMES
                .iter()
                .position(|m| m.starts_with(w))
        })
        .map(|k| k as u32 + 1);
    let by_number = digits.iter().find_map(|(i, d)| {
        let m: u32 = d.parse().ok()?;
        (f[i + d.len()..].starts_with('月') && (1..=12).contains(&m)).then_some(m)
    });
    Some(year * 13 + by_name.or(by_number).unwrap_or(0))
}

/// True for a header label that introduces the parts of a total (`其中`, `其中：`,
/// `Of which`, bilingual `其中of Which`): the columns under it are its parts, so it
/// heads a group and is never a column of its own. `其中：男性` names a column.
///
/// ```
/// use govreport::table::header::names_part;
/// assert!(names_part("其中of Which") && names_part("其中：") && names_part("of which"));
/// assert!(!names_part("其中：男性") && !names_part("合计"));
/// ```
pub fn names_part(label: &str) -> bool {
    let f = fold(label).to_lowercase();
    let rest = f.strip_prefix("其中").unwrap_or(&f);
    let rest: String = rest.chars().filter(|c| c.is_alphanumeric()).collect();
    matches!(rest.as_str(), "" | "ofwhich" | "amongwhich" | "including")
        && (f.starts_with("其中") || !rest.is_empty())
}

/// True for labels that name a total; a total spans down, it does not head a group.
pub fn is_total(label: &str) -> bool {
    // (a label of characters folding keeps as they are, holding none of the words'
    // characters, names no total: no need to fold it)
    if label.chars().all(crate::normalize::is_plain) && !label.contains(['计', '数', 't', 'T']) {
        return false;
    }
    let f = fold(label);
    let f = f.trim_start_matches(|c: char| !c.is_alphanumeric() || "()".contains(c));
    ["总计", "合计", "小计", "总数", "共计", "Total", "total"]
        .iter()
        .any(|t| f.contains(t))
        && f.chars().count() <= 8
}

/// True for labels of a column or row of shares, rates or changes (`Percent of
/// population`, `增长%`, `比重`, `同比增减`; English words whole: `Public administration`
/// is none): such a column or row is no term of a total.
///
/// ```
/// use govreport::table::header::is_share;
/// assert!(is_share("Participation rate") && is_share("增长率(%)") && is_share("构成(%)"));
/// assert!(!is_share("Public administration and defence") && !is_share("工资性收入"));
/// ```
pub fn is_share(label: &str) -> bool {
    const WORDS: [&str; 15] = [
        "percent",
        "percentage",
        "rate",
        "rates",
        "ratio",
        "ratios",
        "share",
        "shares",
        "index",
        "indices",
        "average",
        "change",
        "changes",
        "growth",
        "per",
    ];
    const CJK: [&str; 11] = [
        "率", "比重", "占", "比例", "百分", "指数", "平均", "增长", "增减", "增幅", "变动",
    ];
    label.contains(['%', '％'])
        || label.contains(['率', '比', '占', '百', '指', '平', '增', '变'])
            && CJK.iter().any(|w| label.contains(w))
        || label
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3 && WORDS.iter().any(|k| w.eq_ignore_ascii_case(k)))
}

/// A label that is nothing but a date: a year or a month of one (`2006`, `2008-03`,
/// `Aug. 2007`), or a span of years (`1996-2000`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateKind {
    No,
    Point,
    Span,
}

/// True for a label naming a part of a year: a month or a quarter
/// ([`crate::table::sub_period`]), or a run of months (`1-6月`, `1—9月`, `1至9月`).
fn in_year(label: &str) -> bool {
    let f = fold(label);
    let months = f.strip_suffix('月').and_then(|r| {
        let (a, b) = r.split_once(['-', '—', '–', '~', '～', '至'])?;
        Some(a.parse::<u32>().ok()? < b.parse::<u32>().ok()?)
    });
    crate::table::sub_period(label).is_some() || months == Some(true)
}

/// The [`DateKind`] of a folded label.
fn date_kind(folded: &str) -> DateKind {
    let years = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4 && d.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y)))
        .count();
    let words: String = folded
        .chars()
        .filter(|c| {
            !c.is_ascii_digit()
                && !c.is_whitespace()
                && !"-\u{2014}\u{2013}~\u{ff5e}/.,\u{5e74}\u{6708}\u{81f3}".contains(*c)
        })
        .collect::<String>()
        .to_ascii_lowercase();
    match years {
        1 if words.is_empty() || crate::outline::is_month_word(&words) => DateKind::Point,
        2 if words.is_empty() => DateKind::Span,
        _ => DateKind::No,
    }
}

/// The score of `label` as the parent of a run of units, kept as the run grows one child
/// at a time (the search tries every run length): a single child, a total heading a group,
/// a child repeating its parent, a total before the last child and periods out of time
/// order (`Aug. 2008` then `Aug. 2007`: the leaves of the next group start again), a
/// date heading dates (a year heads months, no other years) and children of different
/// kinds of date (years, then spans of years: `1995 … 2006` under one label, `1996-2000
/// …` under the next) count against; words shared with the children count for (at most
/// 1.5).
struct ParentScore<'a> {
    label: &'a Key,
    /// The last child's kind of date, and how often the kind changed along the children.
    date: Option<DateKind>,
    date_changes: usize,
    dated_children: usize,
    /// The last child's period, and the way the children's periods run (-1, 0, 1).
    period: Option<u32>,
    run: i8,
    out_of_order: bool,
    children: usize,
    same: usize,
    overlap: f64,
    /// A child before the newest is a total leaf: a total closes its group.
    total_before: bool,
    newest_total: bool,
}

impl<'a> ParentScore<'a> {
    fn new(label: &'a Key) -> Self {
        ParentScore {
            label,
            date: None,
            date_changes: 0,
            dated_children: 0,
            period: None,
            run: 0,
            out_of_order: false,
            children: 0,
            same: 0,
            overlap: 0.0,
            total_before: false,
            newest_total: false,
        }
    }

    /// Adds the next child; the score of the parent over the children so far.
    fn add(&mut self, child: &Node) -> f64 {
        self.total_before |= self.newest_total;
        self.newest_total = child.children.is_empty() && child.label.total;
        self.children += 1;
        let d = child.label.date;
        if self.date.is_some_and(|last| last != d) {
            self.date_changes += 1;
        }
        self.date = Some(d);
        if d != DateKind::No {
            self.dated_children += 1;
        }
        if let Some(p) = child.label.period {
            if let Some(q) = self.period {
                let way = (p as i64 - q as i64).signum() as i8;
                if way != 0 && self.run != 0 && way != self.run {
                    self.out_of_order = true;
                }
                if way != 0 {
                    self.run = way;
                }
            }
            self.period = Some(p);
        }
        if child.label.folded == self.label.folded {
            self.same += 1;
        }
        if child
            .label
            .bigrams
            .iter()
            .any(|b| self.label.bigrams.contains(b))
        {
            self.overlap += 0.5;
        }
        let mut s = 0.0;
        if self.children == 1 {
            s -= 1.0;
        }
        if self.label.total {
            s -= 5.0;
        }
        s -= 2.0 * self.same as f64;
        if self.total_before {
            s -= 2.0;
        }
        if self.out_of_order {
            s -= 3.0;
        }
        if self.label.date != DateKind::No {
            s -= 2.0 * self.dated_children as f64;
        }
        s -= 0.5 * self.date_changes as f64;
        s + f64::min(self.overlap, 1.5)
    }
}

/// Sibling parents made in one row with the same children labels: a strong sign of a
/// repeated sub-header (`结果维持 … 总计` under both kinds of 行政诉讼).
fn sibling_bonus(slots: &[Slot], made: usize) -> f64 {
    let parents: Vec<&Node> = slots[..made.min(slots.len())]
        .iter()
        .filter_map(|s| match s {
            Slot::Unit(n) if n.children.len() >= 2 => Some(&**n),
            _ => None,
        })
        .collect();
    // the same children labels, compared in place
    let same = |a: &Node, b: &Node| {
        a.children.len() == b.children.len()
            && a.children
                .iter()
                .zip(&b.children)
                .all(|(x, y)| x.label.folded == y.label.folded)
    };
    let mut bonus = 0.0;
    for i in 1..parents.len() {
        if parents[..i].iter().any(|p| same(p, parents[i])) {
            bonus += 3.0;
        }
    }
    bonus
}

/// The header of cells in reading order that are `k` labels, then `k` runs of the same
/// labels under them (`4 quarter 2000`, `2 quarter 2002`, then `Total Males Females`
/// twice): each of the first labels over one run, as reports print such a header, even
/// where another tree scores as well (`Total` a column of its own). None unless the
/// first `k` labels are distinct and not all among the runs' (a group `Total` over a run
/// led by its own `Total`, beside `Males` and `Females`, is one).
///
/// ```
/// use govreport::table::header::repeated_reading;
/// let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
/// let h = s(&["4 quarter 2000", "2 quarter 2002", "Total", "Males", "Females",
///     "Total", "Males", "Females"]);
/// let r = repeated_reading(&h, 6).unwrap();
/// assert_eq!(r.paths[0], s(&["4 quarter 2000", "Total"]));
/// assert_eq!(r.paths[5], s(&["2 quarter 2002", "Females"]));
/// assert!(repeated_reading(&s(&["A", "B", "x", "y", "x", "z"]), 4).is_none());
/// assert!(repeated_reading(&s(&["x", "y", "x", "y", "x", "y"]), 4).is_none());
/// let sexes = s(&["Total", "Males", "Total", "White", "Total", "White"]);
/// assert_eq!(repeated_reading(&sexes, 4).unwrap().paths[2], s(&["Males", "Total"]));
/// ```
pub fn repeated_reading(labels: &[String], n: usize) -> Option<LevelOrder> {
    let k = labels.len().checked_sub(n)?;
    if k < 2 || n < 2 * k || !n.is_multiple_of(k) {
        return None;
    }
    let (tops, leaves) = labels.split_at(k);
    let p = n / k;
    let f = |l: &String| fold(l);
    let run: Vec<String> = leaves[..p].iter().map(f).collect();
    let tops_f: Vec<String> = tops.iter().map(f).collect();
    let repeated = leaves
        .chunks(p)
        .all(|c| c.iter().map(f).collect::<Vec<_>>() == run);
    let distinct = (0..k).all(|i| !tops_f[..i].contains(&tops_f[i]))
        && !tops_f.iter().all(|t| run.contains(t));
    (repeated && distinct).then(|| LevelOrder {
        paths: (0..n)
            .map(|c| vec![tops[c / p].clone(), leaves[c].clone()])
            .collect(),
        score: 3.0 * k as f64 + 10.0,
        ambiguous: false,
        only: false,
    })
}

/// A header of two or three full rows, one cell over each column in every row (a units
/// row under the labels: `May 2023` `June 2023` over `thousands` `thousands`), read from
/// its cells in reading order: the cells are `k × n`, and no reading with spans fits
/// them, since a parent of a single child would be one cell (see [`level_order`]). Each
/// column takes the cell at its place in every row. None unless the cells are two or
/// three rows of `n` whose lowest row is units: each of its labels printed more than
/// once in it, or a unit, a measure or a base (`%`, `% change`, `(2002=100)`; cells a
/// flattening dropped also leave `k × n` cells, of no such row).
///
/// ```
/// use govreport::table::header::grid_reading;
/// let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
/// let h = s(&["May", "June", "Change", "Share", "tonnes", "tonnes", "%", "%"]);
/// let r = grid_reading(&h, 4).unwrap();
/// assert_eq!(r.paths[2], s(&["Change", "%"]));
/// assert!(grid_reading(&h[..6], 4).is_none());
/// assert!(grid_reading(&s(&["A", "B", "x", "y"]), 2).is_none());
/// let cpi = s(&["Weight", "May 2016", "Change", "%", "(2002=100)", "% change"]);
/// assert_eq!(grid_reading(&cpi, 3).unwrap().paths[1], s(&["May 2016", "(2002=100)"]));
/// ```
pub fn grid_reading(labels: &[String], n: usize) -> Option<LevelOrder> {
    let k = labels.len();
    if n < 2 || !k.is_multiple_of(n) || !(2..=3).contains(&(k / n)) {
        return None;
    }
    // (or a unit, a measure or an index's base, printed once: `%`, `% change`,
    // `(2002=100)`)
    let units = &labels[k - n..];
    let unit = |u: &String| {
        let t = u.trim();
        super::is_measure_text(t)
            || t.starts_with(['%', '％'])
            || t.starts_with(['(', '（']) && t.ends_with([')', '）'])
    };
    if !units
        .iter()
        .all(|u| unit(u) || units.iter().filter(|v| fold(v) == fold(u)).count() >= 2)
    {
        return None;
    }
    Some(LevelOrder {
        paths: (0..n)
            .map(|c| labels[c..].iter().step_by(n).cloned().collect())
            .collect(),
        // (every cell over one column in every row, the lowest row units: the labels
        // support no reading better, and a reading taking a unit for a row's label, to
        // make spans fit, yields to it)
        score: 1.0,
        ambiguous: false,
        only: false,
    })
}

/// A header read from its cells in reading order alone.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelOrder {
    /// One path per value column.
    pub paths: Vec<Vec<String>>,
    /// How well the labels support the reading (higher is better).
    pub score: f64,
    /// True when another reading scored as well.
    pub ambiguous: bool,
    /// True when the cells admit this reading alone (no other reading with `n` leaves).
    pub only: bool,
}

/// Rebuilds a header whose cells are known only in reading order, without the row
/// breaks (an HTML header flattened one cell per line). Row-major reading of such a
/// header visits each header row in turn, and a cell's sub-headers are in the next row:
/// the sequence is the level-order walk of the header tree. The reading with `n`
/// leaves that the labels support best is returned (see [`rebuild`] for the scores);
/// a parent has at least two children (a single child would be one cell).
///
/// ```
/// use govreport::table::header::level_order;
/// let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
/// let h = level_order(&s(&["申请人情况", "自然人", "法人或其他组织", "总计",
///     "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]), 7).unwrap();
/// assert_eq!(h.paths[0], s(&["申请人情况", "自然人"]));
/// assert_eq!(h.paths[5], s(&["申请人情况", "法人或其他组织", "其他"]));
/// assert_eq!(h.paths[6], s(&["申请人情况", "总计"]));
/// ```
pub fn level_order(labels: &[String], n: usize) -> Option<LevelOrder> {
    if labels.is_empty() || n == 0 || labels.len() < n {
        return None;
    }
    // the same cells in the same order read the same: remembered like `rebuild`
    type Key = (Vec<String>, usize);
    thread_local! {
        static LO_MEMO: RefCell<HashMemo<Key, Option<LevelOrder>>> =
            RefCell::new(Memo::new(MEMO_CAP));
    }
    let mut h = rustc_hash::FxHasher::default();
    (labels, n).hash(&mut h);
    remembered_by_hash(
        &LO_MEMO,
        h.finish(),
        |k: &Key| k.1 == n && k.0 == labels,
        || (labels.to_vec(), n),
        || level_order_uncached(labels, n),
    )
}

/// [`level_order`] without the per-thread memory.
fn level_order_uncached(labels: &[String], n: usize) -> Option<LevelOrder> {
    let k = labels.len();
    let mut lo = Lo::new(labels, n)?;
    lo.search();
    let best = lo.best.take()?;
    let roots = k - best.counts.iter().sum::<usize>().min(k);
    let paths = level_paths(labels, &best.counts);
    // one row of cells repeating a run of two or more side by side (`Male Female Male
    // Female`) is a lower header row under groups whose cells the flattening dropped (it
    // prints no empty cell): no reading of the cells present names the columns
    let folded: Vec<String> = labels.iter().map(|l| fold(l)).collect();
    let lost_groups = roots == k && repeats_a_run(&folded);
    let complete = lo.visited < BUDGET;
    Some(LevelOrder {
        paths,
        score: best.score,
        ambiguous: best.ties > 1 || !complete || lost_groups,
        only: lo.readings == 1 && complete,
    })
}

/// Every reading [`level_order`] weighs for the cells, scored, best first. Empty where
/// the search was cut short or found more than [`MAX_READINGS`].
pub fn level_order_readings(labels: &[String], n: usize) -> Vec<Scored> {
    if let Some(readings) = lost_group_readings(labels, n) {
        return readings;
    }
    let Some(mut lo) = Lo::new(labels, n) else {
        return Vec::new();
    };
    lo.all = Some(Vec::new());
    lo.search();
    match lo.all {
        Some(all) if lo.visited < BUDGET && all.len() <= MAX_READINGS => {
            let mut out: Vec<Scored> = all
                .into_iter()
                .map(|(score, counts)| (score, level_paths(labels, &counts)))
                .collect();
            out.sort_by(|a, b| b.0.total_cmp(&a.0));
            out
        }
        _ => Vec::new(),
    }
}

/// The readings of cells whose last ones repeat a run (`Population (person)`, `Percentage
/// (%)`, `Sex Ratio` over `Male Female Male Female`) where the flattening dropped each
/// group's own blank cell (BeautifulSoup's one cell a line prints no empty cell): `r`
/// runs of `p` labels under `r` of the `t` cells before them, each such group a column of
/// its own first (its total, `[top]`) then its parts, the other cells a column each; `t +
/// r × p` must be `n`. Every choice of the `r` groups is a reading, scored alike (the
/// labels do not choose; the sums may). None where the cells are no such run.
fn lost_group_readings(labels: &[String], n: usize) -> Option<Vec<Scored>> {
    let folded: Vec<String> = labels.iter().map(|l| fold(l)).collect();
    let k = labels.len();
    let (t, p) = (1..k).find_map(|t| {
        let rest = &folded[t..];
        (2..=rest.len() / 2).find_map(|p| {
            let r = rest.len() / p;
            (rest.len().is_multiple_of(p)
                && rest.chunks(p).all(|c| c == &rest[..p])
                && t + r * p == n
                && r <= t)
                .then_some((t, p))
        })
    })?;
    let r = (k - t) / p;
    let run = &labels[t..t + p];
    // every choice of r tops out of t, in order (a few at most in a real header)
    let mut readings = Vec::new();
    let mut chosen: Vec<usize> = (0..r).collect();
    loop {
        let mut paths = Vec::with_capacity(n);
        for (i, top) in labels[..t].iter().enumerate() {
            paths.push(vec![top.clone()]);
            if chosen.contains(&i) {
                paths.extend(run.iter().map(|l| vec![top.clone(), l.clone()]));
            }
        }
        readings.push((0.0, paths));
        if readings.len() > MAX_READINGS {
            return None;
        }
        // the next choice
        let Some(i) = (0..r).rev().find(|&i| chosen[i] < t - r + i) else {
            break;
        };
        chosen[i] += 1;
        for j in i + 1..r {
            chosen[j] = chosen[j - 1] + 1;
        }
    }
    Some(readings)
}

/// The column paths of `labels` read in level order, label `j` heading the next
/// `counts[j]` labels not yet placed (0: a leaf).
fn level_paths(labels: &[String], counts: &[usize]) -> Vec<Vec<String>> {
    let k = labels.len();
    let roots = k - counts.iter().sum::<usize>().min(k);
    let mut first = vec![0usize; k];
    let mut next = roots;
    for (j, f) in first.iter_mut().enumerate() {
        *f = next;
        next += counts[j];
    }
    fn walk(
        j: usize,
        labels: &[String],
        counts: &[usize],
        first: &[usize],
        prefix: &mut Vec<String>,
        out: &mut Vec<Vec<String>>,
    ) {
        prefix.push(labels[j].clone());
        if counts[j] == 0 {
            out.push(prefix.clone());
        }
        for c in first[j]..first[j] + counts[j] {
            walk(c, labels, counts, first, prefix, out);
        }
        prefix.pop();
    }
    let mut paths = Vec::new();
    for j in 0..roots {
        walk(j, labels, counts, &first, &mut Vec::new(), &mut paths);
    }
    paths
}

/// True when some run of two labels or more is printed twice in a row (`Male Female
/// Male Female`).
fn repeats_a_run(labels: &[String]) -> bool {
    let k = labels.len();
    (2..=k / 2).any(|p| (0..=k - 2 * p).any(|i| labels[i..i + p] == labels[i + p..i + 2 * p]))
}

struct LoBest {
    score: f64,
    counts: Vec<usize>,
    ties: usize,
}

struct Lo {
    n: usize,
    /// Children per label, for the rows assigned so far.
    counts: Vec<usize>,
    /// Label ids: equal texts (after folding) share one.
    id: Vec<usize>,
    bigrams: Vec<Vec<u64>>,
    total: Vec<bool>,
    /// Labels that may head other cells.
    may_parent: Vec<bool>,
    /// Labels that head a group, never a column of their own (`其中`, [`names_part`]).
    must_parent: Vec<bool>,
    /// Labels naming a part of a year (`一季度`, `Mar`, `1-6月`), which head no period, and
    /// labels naming a period of any length.
    in_year: Vec<bool>,
    dated: Vec<bool>,
    /// How many of the labels from `j` on may head other cells.
    parents_after: Vec<usize>,
    best: Option<LoBest>,
    visited: usize,
    /// Complete readings found.
    readings: usize,
    /// Every reading with its score, where all are asked for (more than
    /// [`MAX_READINGS`] stop the keeping).
    all: Option<Vec<(f64, Vec<usize>)>>,
}

impl Lo {
    /// The search over `labels` for `n` leaves; None where no reading can fit.
    fn new(labels: &[String], n: usize) -> Option<Lo> {
        let k = labels.len();
        if k == 0 || n == 0 || k < n {
            return None;
        }
        // label texts as ids, their bigrams, totals
        let folded: Vec<String> = labels.iter().map(|l| fold(l)).collect();
        let id: Vec<usize> = (0..k)
            .map(|j| folded.iter().position(|f| *f == folded[j]).unwrap_or(j))
            .collect();
        let bigrams: Vec<Vec<u64>> = labels.iter().map(|l| marks(l)).collect();
        let total: Vec<bool> = labels.iter().map(|l| is_total(l)).collect();
        // A total spans down: it heads no other cells. A text printed more than once
        // (结果维持 under each kind of review) heads the same run each time, or none (see
        // `Lo::finish`).
        let may_parent: Vec<bool> = (0..k).map(|j| !total[j]).collect();
        // labels from j on that may head others, for every j
        let mut parents_after = vec![0; k + 1];
        for j in (0..k).rev() {
            parents_after[j] = parents_after[j + 1] + usize::from(may_parent[j]);
        }
        // n leaves under parents of two or more children: at most n - 1 parents; and the k - n
        // parents must be labels that may head others
        if k > 2 * n - 1 || parents_after[0] < k - n {
            return None;
        }
        Some(Lo {
            n,
            counts: vec![0; k],
            id,
            bigrams,
            total,
            may_parent,
            must_parent: labels.iter().map(|l| names_part(l)).collect(),
            in_year: labels.iter().map(|l| in_year(l)).collect(),
            dated: labels
                .iter()
                .map(|l| {
                    in_year(l)
                        || crate::line_kind::period_year(l).is_some()
                        || date_kind(&fold(l)) != DateKind::No
                })
                .collect(),
            parents_after,
            best: None,
            visited: 0,
            readings: 0,
            all: None,
        })
    }

    /// Visits every reading, the first row being `labels[..r0]` for every `r0`.
    fn search(&mut self) {
        for r0 in 1..=self.counts.len() {
            self.row(0, r0, 0);
        }
    }

    /// Row `labels[s..e]`; `leaves` counted in the rows above.
    fn row(&mut self, s: usize, e: usize, leaves: usize) {
        let k = self.counts.len();
        if e == k {
            if leaves + (e - s) == self.n && !self.must_parent[s..e].contains(&true) {
                for c in &mut self.counts[s..e] {
                    *c = 0;
                }
                self.finish();
            }
            return;
        }
        self.assign(e, s, 0, leaves);
    }

    /// Chooses the children count of node `t` of the row ending at `e`.
    fn assign(&mut self, e: usize, t: usize, sum: usize, leaves: usize) {
        self.visited += 1;
        let k = self.counts.len();
        // every label is a leaf or a parent: no more than `k - n` parents
        let parents = t - leaves;
        if self.visited >= BUDGET || leaves > self.n || parents > k - self.n {
            return;
        }
        // the parents still to come must be among the labels left that may be parents
        if self.parents_after[t] < (k - self.n) - parents {
            return;
        }
        if t == e {
            // labels beyond the next row need parents in it
            let left = (k - self.n) - parents;
            let beyond = k - (e + sum).min(k);
            let ok = sum > 0 && e + sum <= k && (beyond == 0 || (left >= 1 && beyond >= 2));
            if ok {
                self.row(e, e + sum, leaves);
            }
            return;
        }
        self.counts[t] = 0;
        if !self.must_parent[t] {
            self.assign(e, t + 1, sum, leaves + 1);
        }
        if !self.may_parent[t] {
            return;
        }
        let mut c = 2;
        while e + sum + c <= k {
            self.counts[t] = c;
            self.assign(e, t + 1, sum + c, leaves);
            c += 1;
        }
        self.counts[t] = 0;
    }

    /// All labels placed: in level order, the roots come first and the children of
    /// node `j` follow those of the nodes before it. Scored as [`rebuild`] scores a
    /// parent ([`ParentScore`]), plus: fewer top-level cells break ties, and parents with
    /// the same run of sub-headers (结果维持 … 总计 under each kind of review) count by
    /// the run's length (the copies of a repeated text head the same run, or none).
    fn finish(&mut self) {
        let k = self.counts.len();
        // a text printed more than once heads the same run of texts each time, or none
        // (`Index Value` over `Sept.20  Aug.20` under each area)
        {
            let mut first = vec![0usize; k];
            let mut next = k - self.counts.iter().sum::<usize>().min(k);
            for (j, f) in first.iter_mut().enumerate() {
                *f = next;
                next += self.counts[j];
            }
            let kids = |j: usize| &self.id[first[j]..first[j] + self.counts[j]];
            for j in 0..k {
                let i = self.id[j];
                if i != j && (self.counts[i] != self.counts[j] || kids(i) != kids(j)) {
                    return;
                }
            }
        }
        self.readings += 1;
        let roots = k - self.counts.iter().sum::<usize>().min(k);
        let mut score = -0.01 * roots as f64;
        let mut next = roots;
        let mut runs: Vec<&[usize]> = Vec::new();
        let mut first = vec![0usize; k];
        for (j, f) in first.iter_mut().enumerate() {
            *f = next;
            next += self.counts[j];
        }
        // a part of a year heads no period (`一季度` over `二季度 1-9月`: the periods of one
        // header row, read as a tree)
        for (j, &fc) in first.iter().enumerate() {
            if self.in_year[j] && (fc..fc + self.counts[j]).any(|ch| self.dated[ch]) {
                return;
            }
        }
        for (j, &fc) in first.iter().enumerate() {
            let c = self.counts[j];
            if c == 0 {
                continue;
            }
            let kids = fc..fc + c;
            let mut overlap: f64 = 0.0;
            for ch in kids.clone() {
                if self.id[ch] == self.id[j] {
                    score -= 2.0;
                }
                if self.bigrams[ch].iter().any(|b| self.bigrams[j].contains(b)) {
                    overlap += 0.5;
                }
            }
            score += overlap.min(1.5);
            // a column of its own beside a group of its siblings that has a column of the
            // same name is unlikely: the two would not be told apart (`本年` beside
            // `第一产业` over `增长 本年 上年`, a run of leaves read as its parent's)
            let leaf_in_group = kids.clone().any(|ch| {
                self.counts[ch] == 0
                    && kids.clone().any(|g| {
                        self.counts[g] > 0
                            && self.id[first[g]..first[g] + self.counts[g]].contains(&self.id[ch])
                    })
            });
            if leaf_in_group {
                score -= 3.0;
            }
            // a total closes its group
            if kids
                .clone()
                .rev()
                .skip(1)
                .any(|ch| self.counts[ch] == 0 && self.total[ch])
            {
                score -= 2.0;
            }
            runs.push(&self.id[kids]);
        }
        for i in 1..runs.len() {
            if runs[..i].contains(&runs[i]) {
                score += runs[i].len() as f64;
            }
        }
        if let Some(all) = &mut self.all
            && all.len() <= MAX_READINGS
        {
            all.push((score, self.counts.clone()));
        }
        match &mut self.best {
            Some(b) if (score - b.score).abs() < 1e-9 => {
                if b.counts != self.counts {
                    b.ties += 1;
                }
            }
            Some(b) if score < b.score => {}
            _ => {
                self.best = Some(LoBest {
                    score,
                    counts: self.counts.clone(),
                    ties: 1,
                })
            }
        }
    }
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

    /// Issue 13: `其中` heads a group, never a column of its own; and `Total` in two
    /// sibling labels (`总户数Total Households`, `总人口Total Population`) is no sign
    /// that one heads the other. The level-order reading keeps both at the top.
    #[test]
    fn level_order_of_which_heads_a_group_and_total_is_no_shared_word() {
        let l: Vec<String> = [
            "总户数Total Households",
            "总人口Total Population",
            "其中of Which",
            "男性Male",
            "女性Female",
        ]
        .map(String::from)
        .to_vec();
        let lo = level_order(&l, 4).expect("a reading");
        let paths: Vec<String> = lo.paths.iter().map(|p| p.join(">")).collect();
        assert_eq!(
            paths,
            [
                "总户数Total Households",
                "总人口Total Population",
                "其中of Which>男性Male",
                "其中of Which>女性Female"
            ]
        );
    }

    /// A random table's header, one cell a line: `合计` alone, then three groups over runs
    /// of `本年 上年 增长(%)` (the last cut short). Reading `集体单位` over the other two
    /// groups and two leaves named like theirs fits the count as well; a column beside a
    /// group holding one of the same name would not be told apart, and loses. Which group
    /// is cut short the cells do not say: the reading is reported ambiguous.
    #[test]
    fn a_leaf_beside_a_group_holding_its_name_is_unlikely() {
        let l: Vec<String> = [
            "合计",
            "集体单位",
            "第一产业",
            "农村",
            "本年",
            "上年",
            "增长(%)",
            "本年",
            "上年",
            "增长(%)",
            "本年",
            "上年",
        ]
        .map(String::from)
        .to_vec();
        let lo = level_order(&l, 9).expect("a reading");
        assert!(
            lo.paths.iter().all(|p| p.len() == 1 || p.len() == 2),
            "{:?}",
            lo.paths
        );
        assert!(lo.ambiguous, "{:?}", lo.paths);
    }

    /// One header row of periods, one cell a line, over fewer columns than its cells
    /// (a flattening dropped a row's empty cell): no reading makes a quarter head other
    /// periods (`一季度` over `二季度 1-9月`).
    #[test]
    fn a_part_of_a_year_heads_no_period() {
        let l: Vec<String> = ["2020年", "1-6月", "一季度", "二季度", "1-9月"]
            .map(String::from)
            .to_vec();
        for (_, paths) in level_order_readings(&l, 4) {
            assert!(
                paths.iter().all(|p| p.len() < 2 || !in_year(&p[0])),
                "{paths:?}"
            );
        }
        assert!(in_year("1-6月") && in_year("一季度") && in_year("Mar"));
        assert!(!in_year("2020年") && !in_year("6-1月") && !in_year("合计"));
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
    fn periods_start_again_under_the_next_group() {
        // two groups over nine periods: the periods go back in time where the second
        // group starts
        let leaves = [
            "Aug. 2007",
            "July 2008",
            "Aug. 2008",
            "Aug. 2007",
            "Apr. 2008",
            "May 2008",
            "June 2008",
            "July 2008",
            "Aug. 2008",
        ];
        let rows = [
            partial(&["Not seasonally adjusted", "Seasonally adjusted"]),
            HeaderRow {
                cells: leaves.iter().map(|s| s.to_string()).collect(),
                grid: true,
            },
        ];
        let c = rebuild_uncached(&rows, 9).unwrap();
        assert!(!c.ambiguous);
        assert_eq!(joined(&c)[2], "Not seasonally adjusted>Aug. 2008");
        assert_eq!(joined(&c)[3], "Seasonally adjusted>Aug. 2007");
    }

    #[test]
    fn of_which_heads_the_parts_below_it() {
        // cells present, no spans: `其中` is the one cell that can head the rows below
        let rows = [
            partial(&["总户数", "总人口", "其中"]),
            partial(&["按性别分", "按农业和非农业分"]),
            partial(&["男性", "女性", "农业人口", "非农业人口"]),
        ];
        let c = rebuild_uncached(&rows, 6).unwrap();
        assert!(!c.ambiguous);
        assert_eq!(joined(&c)[0], "总户数");
        assert_eq!(joined(&c)[1], "总人口");
        assert_eq!(joined(&c)[2], "其中>按性别分>男性");
        assert_eq!(joined(&c)[5], "其中>按农业和非农业分>非农业人口");
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

    /// Issue 13: a sub-header printed under each group may head cells of its own, the
    /// same run each time (`Index` over `Index Sept` and `Index Aug` under both areas);
    /// where its copies would head different runs the reading is not taken.
    #[test]
    fn a_repeated_sub_header_heads_the_same_run_under_each_group() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let cells = s(&[
            "Rural",
            "Urban",
            "Index",
            "Change",
            "Index",
            "Change",
            "Index Sept",
            "Index Aug",
            "Index Sept",
            "Index Aug",
        ]);
        let lo = level_order(&cells, 6).expect("a reading");
        assert_eq!(lo.paths[1], s(&["Rural", "Index", "Index Aug"]));
        assert_eq!(lo.paths[2], s(&["Rural", "Change"]));
        assert_eq!(lo.paths[5], s(&["Urban", "Change"]));
        // the copies of `Index` cannot head different runs
        let cells = s(&[
            "Rural", "Urban", "Index", "Index", "Sept", "Aug", "Q1", "Q2",
        ]);
        assert!(level_order(&cells, 4).is_none());
    }

    #[test]
    fn impossible_header_gives_none() {
        let rows = [partial(&["甲", "乙", "丙", "丁"])];
        assert_eq!(rebuild(&rows, 2), None);
    }

    /// Issue 13: html2text prints a header cell left blank as an empty cell between
    /// bars (`| | Male| Female| | Male| Female` under `Population | Percentage | Sex
    /// Ratio`). The labels alone fit no reading; with the blanks each a group's own
    /// column, several fit (`Female` in `Sex Ratio (Female=100)` is no sign it heads the
    /// parts), so every reading is given and none is taken on the labels' likeness. A
    /// blank never stands inside a group or alone under a label.
    #[test]
    fn header_cells_left_blank_give_every_reading() {
        let rows = [
            partial(&["Population", "Percentage", "Sex Ratio (Female=100)"]),
            partial(&["", "Male", "Female", "", "Male", "Female"]),
        ];
        let c = rebuild_uncached(&rows, 7).unwrap();
        assert!(c.ambiguous);
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let right = vec![
            s(&["Population"]),
            s(&["Population", "Male"]),
            s(&["Population", "Female"]),
            s(&["Percentage"]),
            s(&["Percentage", "Male"]),
            s(&["Percentage", "Female"]),
            s(&["Sex Ratio (Female=100)"]),
        ];
        assert!(
            c.readings.iter().any(|(_, p)| *p == right),
            "{:?}",
            c.readings
        );
        for (_, r) in &c.readings {
            // a blank opens its group: its column's path is the group's, the parts after
            for (j, p) in r.iter().enumerate() {
                let next = r.get(j + 1);
                assert!(
                    p.len() != 1 || next.is_none_or(|q| q.len() == 1 || q.starts_with(p)),
                    "{r:?}"
                );
            }
        }
    }
}
