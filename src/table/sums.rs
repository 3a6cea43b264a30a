//! Row hierarchy from the table's own sums. A page indents the rows of a classification
//! (`一般公共服务支出`, then `　　财政事务`, then `　　　　行政运行`), and most flattenings
//! (html2text, markdownify, inscriptis, BeautifulSoup's text) drop that indentation: the
//! rows come out as one flat list. Where the table prints a total (`合计`) first, or totals
//! closing their runs of rows, and the rows read as a tree in only one way such that every
//! row with rows under it equals their sum in every column, and the top rows sum to the
//! total, that tree is the row hierarchy. Where no such tree exists (a `其中` row is part of its parent, not
//! a term of a sum; a column of rates) or several do, the rows stay flat. Rows printing
//! only zeros could stand under any row: the tree is read without them, and each then
//! takes the place its neighbours leave it, or stays at the top with a warning.

use crate::model::{CellKind, Column, Row, Warning};
use crate::table::header::{is_share, is_total};
use std::collections::HashMap;

/// Most rows searched; a longer table stays as read (the search is memoised, but a
/// hostile table of zeros must not make it slow).
const MAX_ROWS: usize = 400;

/// How far a row may stand from the sum of the rows under it, in the last printed digit,
/// where no tree fits the sums exactly: a total or subtotal rounded on its own.
const ROUNDING: i128 = 1;

/// Parses found before the search stops: two already mean the sums do not decide.
const ENOUGH: u8 = 2;

/// Most partial sums the search remembers; past it the rows stay as read (rows of ones
/// under a large total could otherwise take seconds).
const MAX_STATES: usize = 5_000;

/// Nests the rows of a flat table (every row path one label, after a shared prefix such
/// as a band) under the rows they sum to. Returns true when it did. The sums are read
/// in the columns that can hold them: a column of shares, rates or changes (`增长率(%)`,
/// `构成(%)`; [`header::is_share`] on the path of `columns[j]`) sums nothing. A table
/// printing no total row is read by [`nest_under_heads`].
///
/// The totals (`合计`) give the runs of rows searched: a total first sums every row after
/// it; totals closing their runs (`人员经费合计` after the personnel items, `公用经费合计`
/// last) each sum the rows since the one before. Each run nests on its own.
pub fn nest_by_sums(rows: &mut [Row], columns: &[Column], warnings: &mut Vec<Warning>) -> bool {
    let n = rows.len();
    if !(3..=MAX_ROWS).contains(&n) {
        return false;
    }
    let additive: Vec<bool> = (0..rows[0].cells.len())
        .map(|j| {
            columns
                .get(j)
                .is_none_or(|c| !c.path.iter().any(|l| is_share(l)))
        })
        .collect();
    if !additive.contains(&true) {
        return false;
    }
    let depth = rows[0].path.len();
    if depth == 0
        || rows
            .iter()
            .any(|r| r.path.len() != depth || r.path[..depth - 1] != rows[0].path[..depth - 1])
    {
        return false;
    }
    let totals: Vec<usize> = (0..n)
        .filter(|&i| is_total(&rows[i].path[depth - 1]))
        .collect();
    if totals.is_empty() {
        return nest_under_heads(rows, &additive, depth);
    }
    // (run of terms, its total)
    let runs: Vec<(std::ops::Range<usize>, usize)> = if totals == [0] {
        vec![(1..n, 0)]
    } else if totals.last() == Some(&(n - 1)) {
        let mut start = 0;
        let mut runs = Vec::new();
        for &t in &totals {
            runs.push((start..t, t));
            start = t + 1;
        }
        runs
    } else {
        return false;
    };
    let Some(values) = scaled(rows, &additive, &[]) else {
        return false;
    };
    let mut nested = false;
    for (run, total) in runs {
        // (a total of zeros decides nothing)
        if values[total].iter().all(|&v| v == 0) {
            continue;
        }
        // rows of zeros could stand under any row, or none: the sums place the others
        let placed: Vec<usize> = run
            .clone()
            .filter(|&i| values[i].iter().any(|&v| v != 0))
            .collect();
        if placed.len() < 2 {
            continue;
        }
        let terms: Vec<Vec<i128>> = placed.iter().map(|&i| values[i].clone()).collect();
        let Some(parent) = parse(&terms, &values[total]) else {
            continue;
        };
        // a row of zeros alone between two rows takes the place they leave it: under the
        // row before when the row after is that row's first child, beside them when they
        // are siblings, at the top first or after a last row at the top; a run of zeros
        // could also nest among itself, and stays unplaced
        let mut up: Vec<Option<usize>> = vec![None; run.len()];
        let at = |i: usize| placed.binary_search(&i);
        for (k, &i) in placed.iter().enumerate() {
            up[i - run.start] = parent[k].map(|q| placed[q]);
        }
        let mut unplaced = Vec::new();
        let mut i = run.start;
        while i < run.end {
            if at(i).is_ok() {
                i += 1;
                continue;
            }
            let zeros_end = (i..run.end).find(|&j| at(j).is_ok()).unwrap_or(run.end);
            let before = i.checked_sub(1).filter(|&a| a >= run.start);
            let after = (zeros_end < run.end).then_some(zeros_end);
            let place = match (zeros_end - i, before, after) {
                (1, None, _) => Some(None),
                (1, Some(a), Some(b)) if up[b - run.start] == Some(a) => Some(Some(a)),
                (1, Some(a), Some(b)) if up[b - run.start] == up[a - run.start] => {
                    Some(up[a - run.start])
                }
                (1, Some(a), None) if up[a - run.start].is_none() => Some(None),
                _ => None,
            };
            match place {
                Some(p) => up[i - run.start] = p,
                None => unplaced.extend((i..zeros_end).map(|j| rows[j].line)),
            }
            i = zeros_end;
        }
        let labels: Vec<String> = run
            .clone()
            .map(|i| rows[i].path[depth - 1].clone())
            .collect();
        for i in run.clone() {
            let mut chain = vec![labels[i - run.start].clone()];
            let mut p = up[i - run.start];
            while let Some(q) = p {
                chain.push(labels[q - run.start].clone());
                p = up[q - run.start];
            }
            chain.reverse();
            rows[i].path.truncate(depth - 1);
            rows[i].path.extend(chain);
        }
        if let Some(&line) = unplaced.first() {
            warnings.push(Warning {
                line: Some(line),
                code: "row-path-unplaced".into(),
                message: format!(
                    "rows nested under the rows they sum to; {} row(s) printing only zeros (lines {}) could stand under several of them and keep their own label alone",
                    unplaced.len(),
                    unplaced.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
                ),
            });
        }
        nested = true;
    }
    nested
}

/// Rows heading the rows under them where the table prints no total (`Civilian
/// noninstitutional population` over `Civilian labor force` and `Not in labor force`,
/// `可支配收入` over its four sources): from the top, a row whose figures are the sum of
/// the rows after it read as a tree (each row with rows under it their sum, to the last
/// printed digit where none fits exactly) in one way only, two of them at least at its
/// top, heads them, and the reading goes on after them. A row of shares or rates
/// (`Participation rate`, [`header::is_share`]) is no term: it stands under the row over
/// it. So that a chance sum (`5` over `2` and `3`) heads nothing, a head's columns
/// printing figures times the rows at its top must be four or more; a row that also sums
/// the rows right over it, or whose run a row equal to it follows, heads nothing (the
/// run may be closed by its total instead), and rows printing only zeros inside a run
/// leave it unread. Returns true when a row was nested.
fn nest_under_heads(rows: &mut [Row], additive: &[bool], depth: usize) -> bool {
    let n = rows.len();
    // (a share's label over no figure heads a group of shares: no share row)
    let share: Vec<bool> = rows
        .iter()
        .map(|r| is_share(&r.path[depth - 1]) && r.cells.iter().any(|c| c.kind == CellKind::Number))
        .collect();
    // (the sums are read to the decimals of the rows summed, not of the shares)
    let terms_only: Vec<bool> = share.iter().map(|s| !s).collect();
    let Some(values) = scaled(rows, additive, &terms_only) else {
        return false;
    };
    let zero = |i: usize| values[i].iter().all(|&v| v == 0);
    let placed: Vec<usize> = (0..n).filter(|&i| !share[i] && !zero(i)).collect();
    let m = placed.len();
    if m < 3 {
        return false;
    }
    let terms: Vec<Vec<i128>> = placed.iter().map(|&i| values[i].clone()).collect();
    let mut up: Vec<Option<usize>> = vec![None; n];
    let mut nested = false;
    let mut p = 0;
    // (one search a rounding for all the rows: a row's subtree is the same whichever row
    // is asked about, and the states remembered bound the whole reading)
    let mut searches = [0, ROUNDING].map(|tol| Search::new(&terms, &[], tol));
    'rows: while p < m {
        let mut found = None;
        for search in &mut searches {
            let ends: Vec<(usize, u8)> = search
                .subtree(p)
                .into_iter()
                .filter(|&(e, _)| e > p + 1)
                .collect();
            if search.exhausted {
                break 'rows;
            }
            match ends[..] {
                [] => continue,
                [(e, 1)] => {
                    let mut parent = vec![None; m];
                    let own = terms[p].clone();
                    let zeros = vec![0; own.len()];
                    search.rebuild(p + 1, e, &own, &zeros, Some(p), &mut parent);
                    found = Some((e, parent));
                }
                _ => {}
            }
            break;
        }
        // a row that is also the sum of the rows right over it closes their run (`Overall`
        // after the age groups, over `Male` and `Female`): which it does, the figures do not
        // tell
        let closes = {
            let mut sum = vec![0; terms[p].len()];
            (0..p).rev().any(|q| {
                sum.iter_mut().zip(&terms[q]).for_each(|(a, b)| *a += b);
                q + 2 <= p && near(&sum, &terms[p], ROUNDING)
            })
        };
        // (or a row equal to it right after the run closes it: `Overall` again)
        let closed_after = |e: usize| e < m && near(&terms[e], &terms[p], 0);
        let Some((e, parent)) = found.filter(|(e, _)| !closes && !closed_after(*e)) else {
            p += 1;
            continue;
        };
        let tops = (p + 1..e).filter(|&k| parent[k] == Some(p)).count();
        let shown = terms[p].iter().filter(|&&v| v != 0).count();
        let zeros_inside = (placed[p]..placed[e - 1]).any(|i| !share[i] && zero(i));
        if tops < 2 || shown * tops < 4 || zeros_inside {
            p += 1;
            continue;
        }
        for k in p + 1..e {
            up[placed[k]] = parent[k].map(|q| placed[q]);
        }
        nested = true;
        p = e;
    }
    if !nested {
        return false;
    }
    // a share stands under the row over it (its base)
    for i in 0..n {
        if share[i]
            && let Some(b) = (0..i).rev().find(|&b| !share[b])
        {
            up[i] = Some(b);
        }
    }
    let labels: Vec<String> = rows.iter().map(|r| r.path[depth - 1].clone()).collect();
    for (i, row) in rows.iter_mut().enumerate() {
        let mut chain = vec![labels[i].clone()];
        let mut q = up[i];
        while let Some(a) = q {
            chain.push(labels[a].clone());
            q = up[a];
        }
        chain.reverse();
        row.path.truncate(depth - 1);
        row.path.extend(chain);
    }
    true
}

/// The one tree over `terms` (each row's parent, `None` at the top) in which every row
/// with rows under it is their sum and the top rows sum to `total`; `None` where there is
/// no such tree, several, or only the flat one.
fn parse(terms: &[Vec<i128>], total: &[i128]) -> Option<Vec<Option<usize>>> {
    let m = terms.len();
    let zero = vec![0; total.len()];
    // the sums as printed; where no tree fits them, sums rounded apart from their terms
    // (off by the last printed digit: `10.23` over terms summing to `10.22`)
    for tol in [0, ROUNDING] {
        let mut search = Search::new(terms, total, tol);
        search.bound_top();
        let parses = search.sequences(0, total, &zero).get(&m).copied();
        if search.exhausted {
            return None;
        }
        match parses {
            None => continue,
            Some(1) => {
                let mut parent = vec![None; m];
                search.rebuild(0, m, total, &zero, None, &mut parent);
                return parent.iter().any(Option::is_some).then_some(parent);
            }
            Some(_) => return None,
        }
    }
    None
}

/// The rows' values in the columns marked `additive` as integers in their smallest
/// printed unit among the rows marked in `counted` (all where it is empty: `12.5` and
/// `3.25` become 1250 and 325); an empty or not-applicable cell is 0. `None` when a cell
/// prints a number the integers cannot hold, or no row prints a number there.
fn scaled(rows: &[Row], additive: &[bool], counted: &[bool]) -> Option<Vec<Vec<i128>>> {
    let kept = |j: usize| additive.get(j).copied().unwrap_or(true);
    let decimals = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| counted.get(*i).copied().unwrap_or(true))
        .flat_map(|(_, r)| r.cells.iter().enumerate().filter(|(j, _)| kept(*j)))
        .map(|(_, c)| c)
        .filter(|c| c.kind == CellKind::Number)
        .map(|c| {
            let digits: String = c
                .raw
                .chars()
                .filter(|ch| !ch.is_whitespace() && *ch != ',')
                .collect();
            digits.split_once('.').map_or(0, |(_, f)| {
                f.chars().take_while(char::is_ascii_digit).count()
            })
        })
        .max()?;
    if decimals > 6 {
        return None;
    }
    let scale = 10f64.powi(decimals as i32);
    rows.iter()
        .map(|r| {
            r.cells
                .iter()
                .enumerate()
                .filter(|(j, _)| kept(*j))
                .map(|(_, c)| match (c.kind, c.value) {
                    (CellKind::Number, Some(v)) if v.abs() < 1e15 => {
                        Some((v * scale).round() as i128)
                    }
                    (CellKind::Number, _) => None,
                    _ => Some(0),
                })
                .collect()
        })
        .collect()
}

/// Where a search can end (the row after its last row) and by how many parses (capped
/// at [`ENOUGH`]).
type Ends = HashMap<usize, u8>;

/// The memoised search over the rows that sum to the total.
struct Search<'a> {
    /// Each row's values.
    v: &'a [Vec<i128>],
    /// True when no value is negative: a running sum past its target can be cut short.
    nonneg: bool,
    /// For row `k`: where the rows under it can end (the row after its last descendant),
    /// with how many parses reach there (capped at [`ENOUGH`]).
    sub: HashMap<usize, Ends>,
    /// For siblings starting at a row, under a target, from a running sum: where they
    /// can end with their sum on target, and how many parses.
    seq: HashMap<(usize, Vec<i128>, Vec<i128>), Ends>,
    /// True once [`MAX_STATES`] were remembered: the search gave up.
    exhausted: bool,
    /// How far a row may stand from the sum of the rows under it, the total from the top
    /// rows' ([`ROUNDING`] or 0).
    tol: i128,
    /// Where no value is negative, for each row: the least the top rows from it to the
    /// last can add up to in each column (the rows under each other as far as their sums
    /// allow). The top rows of a parse must reach the last row, so a run whose rest
    /// cannot come down to what is left of the total (a row heading its sum taken as
    /// one more top row) is cut short; without it the ways a row may or may not head
    /// the row equal to it under it double at each such pair.
    least: Vec<Vec<i128>>,
    /// The total the top rows sum to (a run under a row equal to it reaches the last row
    /// too: the rows after it print only zeros, which the search leaves out).
    total: &'a [i128],
}

/// True when `sum` is `target` give or take `tol` in each column, and `tol` is a
/// thousandth of the target at most (rounding in the last digit of a small count, `5`
/// for `4`, would be another number).
fn near(sum: &[i128], target: &[i128], tol: i128) -> bool {
    sum.iter()
        .zip(target)
        .all(|(s, t)| s == t || (s - t).abs() <= tol && t.abs() >= 1000 * tol)
}

fn add(a: &mut u8, b: u8) {
    *a = a.saturating_add(b).min(ENOUGH);
}

impl<'a> Search<'a> {
    /// A search over the rows `v` whose top rows sum to `total` (none: `&[]`), their
    /// sums read give or take `tol`.
    fn new(v: &'a [Vec<i128>], total: &'a [i128], tol: i128) -> Self {
        Search {
            v,
            nonneg: v.iter().flatten().chain(total).all(|&x| x >= 0),
            sub: HashMap::new(),
            seq: HashMap::new(),
            exhausted: false,
            tol,
            least: Vec::new(),
            total,
        }
    }

    /// Ends of the subtree rooted at row `k`: `k + 1` (no rows under it) or the end of a run
    /// of rows after it summing to its values.
    fn subtree(&mut self, k: usize) -> Ends {
        if let Some(s) = self.sub.get(&k) {
            return s.clone();
        }
        let mut ends = HashMap::from([(k + 1, 1)]);
        // (a row of zeros heads nothing: zeros under it would sum to it in any number)
        if self.v[k].iter().any(|&x| x != 0) {
            let target = self.v[k].clone();
            let zero = vec![0; target.len()];
            for (e, c) in self.sequences(k + 1, &target, &zero) {
                add(ends.entry(e).or_insert(0), c);
            }
        }
        self.sub.insert(k, ends.clone());
        ends
    }

    /// Fills [`Search::least`] (where no value is negative); the subtrees are searched
    /// from the last row up.
    fn bound_top(&mut self) {
        let m = self.v.len();
        if !self.nonneg || m == 0 {
            return;
        }
        let cols = self.v[0].len();
        let mut least = vec![vec![0i128; cols]; m + 1];
        for k in (0..m).rev() {
            let ends = self.subtree(k);
            if self.exhausted {
                return;
            }
            least[k] = (0..cols)
                .map(|c| {
                    ends.keys()
                        .map(|&e| self.v[k][c] + least[e][c])
                        .min()
                        .unwrap_or(self.v[k][c])
                })
                .collect();
        }
        self.least = least;
    }

    /// Ends of runs of sibling subtrees starting at `pos` whose tops, added to `acc`, sum
    /// to `target`, give or take the search's rounding in each column.
    fn sequences(&mut self, pos: usize, target: &[i128], acc: &[i128]) -> Ends {
        let key = (pos, target.to_vec(), acc.to_vec());
        let tol = self.tol;
        if let Some(s) = self.seq.get(&key) {
            return s.clone();
        }
        // the top rows (from the first row, under the total) must reach the last row:
        // what is left of the total cannot be less than the rest adds up to at least
        if pos > 0
            && let Some(least) = self.least.get(pos)
            && target == self.total
            && target
                .iter()
                .zip(acc)
                .zip(least)
                .any(|((t, a), l)| t - a + tol < *l)
        {
            return Ends::new();
        }
        if self.seq.len() >= MAX_STATES {
            self.exhausted = true;
            return Ends::new();
        }
        let mut out = Ends::new();
        if pos < self.v.len() {
            let sum: Vec<i128> = acc.iter().zip(&self.v[pos]).map(|(a, b)| a + b).collect();
            let past = self.nonneg && sum.iter().zip(target).any(|(s, t)| *s > t + tol);
            if !past {
                let done = near(&sum, target, tol);
                for (e, c) in self.subtree(pos) {
                    if done {
                        add(out.entry(e).or_insert(0), c);
                    }
                    for (e2, c2) in self.sequences(e, target, &sum) {
                        add(out.entry(e2).or_insert(0), c.saturating_mul(c2).min(ENOUGH));
                    }
                }
            }
        }
        self.seq.insert(key, out.clone());
        out
    }

    /// Writes the one parse of the siblings from `pos` to `end` summing to `target` into
    /// `parent` (their parent is `up`).
    fn rebuild(
        &mut self,
        pos: usize,
        end: usize,
        target: &[i128],
        acc: &[i128],
        up: Option<usize>,
        parent: &mut [Option<usize>],
    ) {
        if pos >= end {
            return;
        }
        let tol = self.tol;
        parent[pos] = up;
        let sum: Vec<i128> = acc.iter().zip(&self.v[pos]).map(|(a, b)| a + b).collect();
        let done = near(&sum, target, tol);
        for (e, _) in self.subtree(pos) {
            let rest_ok = if e == end {
                done
            } else {
                self.sequences(e, target, &sum).contains_key(&end)
            };
            if !rest_ok {
                continue;
            }
            if e > pos + 1 {
                let own = self.v[pos].clone();
                let zero = vec![0; own.len()];
                self.rebuild(pos + 1, e, &own, &zero, Some(pos), parent);
            }
            if e < end {
                self.rebuild(e, end, target, &sum, up, parent);
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::value::parse_cell;

    fn rows(spec: &[(&str, &[&str])]) -> Vec<Row> {
        spec.iter()
            .enumerate()
            .map(|(i, (label, cells))| Row {
                path: vec![label.to_string()],
                line: i as u32 + 1,
                cells: cells.iter().map(|c| parse_cell(c)).collect(),
                key: None,
                unplaced: Vec::new(),
                attributes: Vec::new(),
            })
            .collect()
    }

    fn paths(rows: &[Row]) -> Vec<String> {
        rows.iter().map(|r| r.path.join("/")).collect()
    }

    /// A long classification of single chains (`教育支出` / `其他教育支出` / `其他教育支出`,
    /// each row equal to the one under it): each row may or may not head the next, and
    /// the top rows' running sums double at each pair. The top rows must reach the last
    /// row, so a run that leaves less of the total than the rest adds up to at least is cut
    /// short, and the one tree is found within the search's bound.
    #[test]
    fn a_long_classification_of_single_chains_nests() {
        let labels: Vec<(String, Vec<String>)> = (0..30)
            .flat_map(|k| {
                let v = (1000 + 7 * k).to_string();
                ["类", "款", "项"].map(|level| (format!("{level}{k}"), vec![v.clone(), v.clone()]))
            })
            .collect();
        let total: u32 = (0..30).map(|k| 1000 + 7 * k).sum();
        let total = total.to_string();
        let mut spec: Vec<(&str, Vec<&str>)> = vec![("合计", vec![total.as_str(), total.as_str()])];
        spec.extend(
            labels
                .iter()
                .map(|(l, c)| (l.as_str(), c.iter().map(String::as_str).collect())),
        );
        let spec: Vec<(&str, &[&str])> = spec.iter().map(|(l, c)| (*l, c.as_slice())).collect();
        let mut r = rows(&spec);
        assert!(nest_by_sums(&mut r, &[], &mut Vec::new()));
        let p = paths(&r);
        assert_eq!(p[1..4], ["类0", "类0/款0", "类0/款0/项0"]);
        assert_eq!(p[88..91], ["类29", "类29/款29", "类29/款29/项29"]);
    }

    /// A budget table's classification, its indentation lost: every row with rows under
    /// it is their sum in both columns, and the top rows sum to the total.
    #[test]
    fn a_flat_classification_nests_under_its_sums() {
        let mut r = rows(&[
            ("合计", &["3719", "3719"]),
            ("一般公共服务支出", &["3296", "3296"]),
            ("统计信息事务", &["438", "438"]),
            ("专项普查活动", &["438", "438"]),
            ("组织事务", &["2858", "2858"]),
            ("一般行政管理事务", &["2000", "2000"]),
            ("其他组织事务", &["858", "858"]),
            ("教育支出", &["423", "423"]),
            ("其他教育支出", &["423", "423"]),
        ]);
        assert!(nest_by_sums(&mut r, &[], &mut Vec::new()));
        assert_eq!(
            paths(&r),
            [
                "合计",
                "一般公共服务支出",
                "一般公共服务支出/统计信息事务",
                "一般公共服务支出/统计信息事务/专项普查活动",
                "一般公共服务支出/组织事务",
                "一般公共服务支出/组织事务/一般行政管理事务",
                "一般公共服务支出/组织事务/其他组织事务",
                "教育支出",
                "教育支出/其他教育支出",
            ]
        );
    }

    /// A total rounded on its own stands a last digit off the sum of the rows under it
    /// (`2946.25` over `2112.86 + 833.40`), and so may a subtotal: where no tree fits the
    /// sums exactly, one fitting them give or take that digit is read. Two digits off is no
    /// total of them.
    #[test]
    fn a_total_rounded_apart_from_its_terms() {
        let spec: &[(&str, &[&str])] = &[
            ("合计", &["2946.25", "2940.05"]),
            ("一般公共服务支出", &["2112.86", "2106.66"]),
            ("财政事务", &["2112.86", "2106.66"]),
            ("行政运行", &["1511.90", "1511.89"]),
            ("财政委托业务支出", &["600.96", "594.77"]),
            ("社会保障和就业支出", &["833.40", "833.40"]),
            ("行政单位离退休", &["833.40", "833.40"]),
        ];
        let mut r = rows(spec);
        assert!(nest_by_sums(&mut r, &[], &mut Vec::new()));
        assert_eq!(
            paths(&r),
            [
                "合计",
                "一般公共服务支出",
                "一般公共服务支出/财政事务",
                "一般公共服务支出/财政事务/行政运行",
                "一般公共服务支出/财政事务/财政委托业务支出",
                "社会保障和就业支出",
                "社会保障和就业支出/行政单位离退休",
            ]
        );
        let mut off: Vec<(&str, &[&str])> = spec.to_vec();
        off[0] = ("合计", &["2946.24", "2940.05"]);
        let mut r = rows(&off);
        assert!(!nest_by_sums(&mut r, &[], &mut Vec::new()));
        let mut r = rows(&[
            ("商品和服务支出", &["10.23"]),
            ("办公费", &["3.78"]),
            ("差旅费", &["6.44"]),
            ("资本性支出", &["2.50"]),
            ("办公设备购置", &["2.50"]),
            ("公用经费合计", &["12.73"]),
        ]);
        assert!(nest_by_sums(&mut r, &[], &mut Vec::new()));
        assert_eq!(
            paths(&r),
            [
                "商品和服务支出",
                "商品和服务支出/办公费",
                "商品和服务支出/差旅费",
                "资本性支出",
                "资本性支出/办公设备购置",
                "公用经费合计",
            ]
        );
    }

    /// Totals closing their runs (`人员经费合计` after the personnel items) each sum the rows
    /// since the one before. A row of zeros alone between two children takes their parent;
    /// two rows of zeros together could nest among themselves, and stay at the top with a
    /// warning naming their lines.
    #[test]
    fn subtotals_close_their_runs_and_zeros_alone_take_their_place() {
        let mut r = rows(&[
            ("工资福利支出", &["95.36"]),
            ("基本工资", &["14.12"]),
            ("奖金", &["0.0"]),
            ("津贴补贴", &["81.24"]),
            ("对个人和家庭的补助", &["0"]),
            ("离休费", &["0"]),
            ("人员经费合计", &["95.36"]),
            ("商品和服务支出", &["10.23"]),
            ("办公费", &["3.78"]),
            ("差旅费", &["6.45"]),
            ("公用经费合计", &["10.23"]),
        ]);
        let mut warnings = Vec::new();
        assert!(nest_by_sums(&mut r, &[], &mut warnings));
        assert_eq!(
            paths(&r),
            [
                "工资福利支出",
                "工资福利支出/基本工资",
                "工资福利支出/奖金",
                "工资福利支出/津贴补贴",
                "对个人和家庭的补助",
                "离休费",
                "人员经费合计",
                "商品和服务支出",
                "商品和服务支出/办公费",
                "商品和服务支出/差旅费",
                "公用经费合计",
            ]
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, Some(5));
        assert!(warnings[0].message.contains("lines 5, 6"), "{warnings:?}");
    }

    /// Where the sums allow two trees (a row equal to the one after it, at the top, with
    /// room in the total), or none (a `其中` row is part of its parent, not a term), or the
    /// table prints no total, the rows stay flat.
    #[test]
    fn rows_stay_flat_where_the_sums_do_not_decide() {
        // no total
        let mut r = rows(&[
            ("A", &["10"]),
            ("a1", &["4"]),
            ("a2", &["6"]),
            ("B", &["5"]),
        ]);
        assert!(!nest_by_sums(&mut r, &[], &mut Vec::new()));
        // a breakdown: the total is not the sum of the rows under it
        let mut r = rows(&[
            ("合计", &["15"]),
            ("A", &["10"]),
            ("其中:a1", &["4"]),
            ("B", &["5"]),
        ]);
        assert!(!nest_by_sums(&mut r, &[], &mut Vec::new()));
        assert_eq!(paths(&r), ["合计", "A", "其中:a1", "B"]);
        // zeros: any zero row could sit under any other
        let mut r = rows(&[
            ("合计", &["0"]),
            ("A", &["0"]),
            ("a1", &["0"]),
            ("B", &["0"]),
        ]);
        assert!(!nest_by_sums(&mut r, &[], &mut Vec::new()));
        // two readings: `a` and `b` under `A`, `B` and `c` at the top; or `b` under `a`,
        // `c` under `B`, `A` alone
        let mut r = rows(&[
            ("总计", &["20"]),
            ("A", &["10"]),
            ("a", &["5"]),
            ("b", &["5"]),
            ("B", &["5"]),
            ("c", &["5"]),
        ]);
        assert!(
            !nest_by_sums(&mut r, &[], &mut Vec::new()),
            "{:?}",
            paths(&r)
        );
    }

    /// Issue 13: a table printing no total row, its indentation lost (markdownify's text
    /// of a yearbook's income table): `可支配收入` is the sum of the four sources after
    /// it, `经营净收入` of the three under it, `消费支出` of the eight after it. Each heads
    /// its rows; the column of growth rates sums nothing.
    #[test]
    fn rows_head_the_rows_they_sum_where_no_total_is_printed() {
        let mut r = rows(&[
            ("可支配收入", &["26757", "9.0"]),
            ("工资性收入", &["18741", "10.9"]),
            ("经营净收入", &["2008", "13.7"]),
            ("第一产业经营净收入", &["110", "48.1"]),
            ("第二产业经营净收入", &["240", "-13.9"]),
            ("第三产业经营净收入", &["1658", "17.4"]),
            ("财产净收入", &["1451", "9.0"]),
            ("转移净收入", &["4558", "0.2"]),
            ("消费支出", &["20853", "8.6"]),
            ("食品烟酒", &["5976", "8.6"]),
            ("衣着", &["1964", "3.2"]),
            ("居住", &["3809", "14.1"]),
            ("生活用品及服务", &["1322", "12.0"]),
            ("交通通信", &["3064", "-8.7"]),
            ("教育文化娱乐", &["2353", "16.3"]),
            ("医疗保健", &["1750", "20.0"]),
            ("其他用品和服务", &["615", "40.1"]),
        ]);
        let columns = ["绝对数(元)", "增长率(%)"].map(|l| Column {
            path: vec![l.to_string()],
            key: None,
        });
        assert!(nest_by_sums(&mut r, &columns, &mut Vec::new()));
        let p = paths(&r);
        assert_eq!(p[0], "可支配收入");
        assert_eq!(p[3], "可支配收入/经营净收入/第一产业经营净收入");
        assert_eq!(p[6], "可支配收入/财产净收入");
        assert_eq!(p[8], "消费支出");
        assert_eq!(p[16], "消费支出/其他用品和服务");
    }

    /// Counts summing without a total's name, with a rate under each count it is a rate
    /// of (an employment release whose flattening dropped the indentation): the rates are
    /// no terms and stand under the row over them.
    #[test]
    fn rates_stand_under_their_count_where_the_counts_nest_by_sums() {
        let mut r = rows(&[
            (
                "Civilian noninstitutional population",
                &["232211", "233864"],
            ),
            ("Civilian labor force", &["153493", "156300"]),
            ("Participation rate", &["66.1", "66.8"]),
            ("Employed", &["146406", "146867"]),
            ("Employment-population ratio", &["63.0", "62.8"]),
            ("Unemployed", &["7088", "9433"]),
            ("Unemployment rate", &["4.6", "6.0"]),
            ("Not in labor force", &["78717", "77564"]),
        ]);
        assert!(nest_by_sums(&mut r, &[], &mut Vec::new()));
        let p = paths(&r);
        let cnp = "Civilian noninstitutional population";
        assert_eq!(
            p[2],
            format!("{cnp}/Civilian labor force/Participation rate")
        );
        assert_eq!(
            p[4],
            format!("{cnp}/Civilian labor force/Employed/Employment-population ratio")
        );
        assert_eq!(
            p[6],
            format!("{cnp}/Civilian labor force/Unemployed/Unemployment rate")
        );
        assert_eq!(p[7], format!("{cnp}/Not in labor force"));
    }

    /// Where no total is printed, a chance sum in one column (`5` over `2` and `3`) heads
    /// nothing, and neither does a row that also sums the rows over it (`Overall` after
    /// the age groups, over `Male` and `Female`, which `Overall` closes again).
    #[test]
    fn chance_sums_and_closing_totals_head_nothing() {
        let mut r = rows(&[("a", &["5"]), ("b", &["2"]), ("c", &["3"]), ("d", &["9"])]);
        assert!(
            !nest_by_sums(&mut r, &[], &mut Vec::new()),
            "{:?}",
            paths(&r)
        );
        let mut r = rows(&[
            ("Under 25", &["451", "408"]),
            ("25-44", &["1968", "2047"]),
            ("45-64", &["773", "929"]),
            ("65 and over", &["43", "43"]),
            ("Overall", &["3235", "3427"]),
            ("Male", &["1955", "1965"]),
            ("Female", &["1280", "1462"]),
            ("Overall", &["3235", "3427"]),
        ]);
        assert!(
            !nest_by_sums(&mut r, &[], &mut Vec::new()),
            "{:?}",
            paths(&r)
        );
    }
}
