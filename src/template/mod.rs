//! Official report templates: recognise which one a report follows, attach stable keys to
//! its table rows and columns, recover structure the flattening lost, and check the
//! arithmetic the template requires (勾稽关系, in [`check`]).
//!
//! Templates are data (`templates/*.json`, see [`data`]); nothing here names a template
//! label. A label that matches no template row is kept and reported, never forced onto a
//! key; every recovery is listed in `warnings` with its line.

pub mod boxes;
pub mod check;
pub mod data;
pub mod derive;
pub mod grammar;
pub mod groups;
pub mod keyed;
pub mod matching;
pub mod order;
pub mod place;

use crate::lines::Line;
use crate::memo::{HashMemo, Memo, remembered_by_hash};
use crate::model::{Block, Column, Document, Quoted, Table, Warning};
use data::{Part, TTable, Template, builtin};
use matching::{MLabel, THRESHOLD, is_variant, mfold, path_sim_m, sim_at_least};
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// Which template table and part a document table follows, with its keys.
#[derive(Debug, Clone)]
struct TableMatch {
    table: usize,
    part: usize,
    cols: Vec<Option<String>>,
    rows: Vec<Option<String>>,
    /// Labels matched (rows + columns) — the evidence for the template.
    score: usize,
}

/// Recognises the template of `doc`, attaches keys, recovers lost structure and runs the
/// checks. Documents that follow no known template are left as they are.
pub fn apply(doc: &mut Document, lines: &[Line]) {
    let Some((tpl, _)) = choose(doc) else {
        drop_unplaced_rows(doc);
        return;
    };
    let mut warnings = groups::regroup(&mut doc.blocks, lines, tpl);
    warnings.extend(groups::column_groups(&mut doc.blocks, tpl));
    warnings.extend(groups::demote_table_labels(&mut doc.blocks, lines, tpl));
    warnings.extend(boxes::read_boxes(doc, lines, tpl));
    let matches: Vec<Option<TableMatch>> = doc.tables().map(|t| matched(t, tpl)).collect();
    doc.meta.template = Some(tpl.id.clone());
    let printed = printed_labels(doc, &matches);
    let mut ti = 0;
    for b in doc.blocks.iter_mut() {
        let Block::Table(t) = b else { continue };
        if let Some(m) = &matches[ti] {
            attach(t, tpl, m, &printed, lines, &mut warnings);
        }
        ti += 1;
    }
    doc.warnings.extend(warnings);
    unread_clashing_headers(doc, tpl);
    let ordered = order::fill_from_order(doc, tpl, lines);
    doc.warnings.extend(ordered);
    let placed = place::place_unplaced(doc, tpl);
    doc.warnings.extend(placed);
    let derived = derive::derive_blanks(doc, tpl);
    doc.warnings.extend(derived);
    drop_unplaced_rows(doc);
    doc.checks = check::run(doc, tpl);
}

/// A template table whose header reading gives two columns one key was misread (a
/// template's columns all have keys of their own): which of its columns stand where the
/// header says cannot be told, so none is trusted. Its values go to their rows'
/// `unplaced` lists (the rows are then left out, [`drop_unplaced_rows`]) and its columns
/// lose their keys, with a `header-misread` warning.
fn unread_clashing_headers(doc: &mut Document, tpl: &Template) {
    // each template part's column keys, in order
    let parts: Vec<Vec<&str>> = tpl
        .tables
        .iter()
        .flat_map(|tt| &tt.parts)
        .map(|p| p.columns.iter().map(|c| c.key.as_str()).collect())
        .collect();
    let mut warnings = Vec::new();
    for b in doc.blocks.iter_mut() {
        let Block::Table(t) = b else { continue };
        let mut seen = std::collections::HashSet::new();
        let keys: Vec<&str> = t.columns.iter().filter_map(|c| c.key.as_deref()).collect();
        let clash = keys
            .iter()
            .find(|k| !seen.insert(**k))
            .map(|k| format!("two columns of table {} read as template column {k}", t.id));
        // (the template's columns print in its order: a header read into another order
        // was misread, `总计` before `结果纠正` under one group)
        // (of a part holding every key: one that holds them in order clears the table)
        let at = |part: &[&str], k: &str| part.iter().position(|p| *p == k);
        let holding: Vec<&Vec<&str>> = parts
            .iter()
            .filter(|p| keys.iter().all(|k| at(p, k).is_some()))
            .collect();
        let in_order = |p: &[&str]| keys.windows(2).all(|w| at(p, w[0]) < at(p, w[1]));
        let disorder = holding
            .first()
            .filter(|_| !holding.iter().any(|p| in_order(p)))
            .and_then(|p| keys.windows(2).find(|w| at(p, w[0]) >= at(p, w[1])))
            .map(|w| {
                format!(
                    "columns of table {} read as template columns {} and {}, in the other order than the template's",
                    t.id, w[0], w[1]
                )
            });
        let Some(why) = clash.or(disorder) else {
            continue;
        };
        for c in &mut t.columns {
            c.key = None;
        }
        for r in &mut t.rows {
            for c in &mut r.cells {
                if c.kind != crate::model::CellKind::Missing && !c.raw.is_empty() {
                    r.unplaced.push(c.raw.clone());
                }
                *c = crate::model::Cell::missing();
            }
        }
        warnings.push(Warning {
            line: Some(t.lines[0]),
            code: "header-misread".into(),
            message: format!(
                "{why}: its header was not read right, so its values are left unplaced"
            ),
        });
    }
    doc.warnings.extend(warnings);
}

/// A row none of whose printed values could be given a column, even by the sums, has no
/// cell to show: it is left out of its table rather than shown with cells that hold
/// nothing at the row's path, and an `unplaced-row` warning keeps its values as printed.
fn drop_unplaced_rows(doc: &mut Document) {
    let mut warnings = Vec::new();
    for b in doc.blocks.iter_mut() {
        let Block::Table(t) = b else { continue };
        t.rows.retain(|r| {
            let lost = !r.unplaced.is_empty()
                && r.cells
                    .iter()
                    .all(|c| c.kind == crate::model::CellKind::Missing);
            if lost {
                warnings.push(Warning {
                    line: Some(r.line),
                    code: "unplaced-row".into(),
                    message: format!(
                        "row {} of table {} is left out: its values {} could not be given columns",
                        Quoted(&r.path.join(" > ")),
                        t.id,
                        r.unplaced.join(" ")
                    ),
                });
            }
            !lost
        });
    }
    doc.warnings.extend(warnings);
}

/// The best-supported template and each table's match under it.
fn choose(doc: &Document) -> Option<(&'static Template, Vec<Option<TableMatch>>)> {
    let mut best: Option<(usize, i32, &'static Template, Vec<Option<TableMatch>>)> = None;
    for tpl in builtin() {
        let matches: Vec<Option<TableMatch>> = doc.tables().map(|t| matched(t, tpl)).collect();
        let score: usize = matches.iter().flatten().map(|m| m.score).sum();
        let year_fit = doc.meta.year.map_or(0, |y| {
            i32::from(tpl.from_year.is_none_or(|f| y >= f) && tpl.to_year.is_none_or(|t| y <= t))
        });
        let better = match &best {
            None => true,
            Some((s, yf, _, _)) => score > *s || (score == *s && year_fit > *yf),
        };
        if better {
            best = Some((score, year_fit, tpl, matches));
        }
    }
    let (score, _, tpl, matches) = best?;
    // Words every statistical table prints (`总计`, `其他`: a budget's `总计` row, its
    // `其他收入` column) key a template label without showing the template; two keys
    // of the template's own labels do.
    let keys: std::collections::HashSet<&String> = matches
        .iter()
        .flatten()
        .flat_map(|m| m.cols.iter().chain(&m.rows).flatten())
        .collect();
    if score >= 3 && keys.iter().filter(|k| !generic_key(tpl, k)).take(2).count() >= 2 {
        return Some((tpl, matches));
    }
    // Tables too broken to match (PDF text boxes): the section headings name the
    // template's tables, and the reporting year tells which template applies.
    let by_headings = by_headings(doc)?;
    let matches = doc.tables().map(|t| matched(t, by_headings)).collect();
    Some((by_headings, matches))
}

/// True when the template's label for `key` (a row or column) is a word any statistical
/// table prints for a total ([`crate::table::header::is_total`]) or a remainder (`其他`),
/// its outline number aside.
fn generic_key(tpl: &Template, key: &str) -> bool {
    fn row_label<'a>(rows: &'a [data::TRow], key: &str) -> Option<&'a str> {
        rows.iter().find_map(|r| {
            (r.key == key)
                .then_some(r.label.as_str())
                .or_else(|| row_label(&r.rows, key))
        })
    }
    let parts = || tpl.tables.iter().flat_map(|t| &t.parts);
    let label = parts()
        .flat_map(|p| &p.columns)
        .find(|c| c.key == key)
        .and_then(|c| c.path.last().map(String::as_str))
        .or_else(|| parts().find_map(|p| row_label(&p.rows, key)));
    label.is_some_and(|l| {
        let own = crate::outline::scan_outline(l).map_or(l, |o| &l[o.len..]);
        crate::table::header::is_total(own) || crate::normalize::fold(own) == "其他"
    })
}

/// The one template whose years include the report's and whose table titles at least two
/// headings of the report print.
fn by_headings(doc: &Document) -> Option<&'static Template> {
    let year = doc.meta.year?;
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h.title.as_str()),
            _ => None,
        })
        .collect();
    let mut fits = builtin().iter().filter(|tpl| {
        tpl.from_year.is_none_or(|f| year >= f)
            && tpl.to_year.is_none_or(|t| year <= t)
            && tpl
                .tables
                .iter()
                .filter(|tt| {
                    headings
                        .iter()
                        .any(|h| matching::label_sim_at_least(h, &tt.title, 0.9))
                })
                .count()
                >= 2
    });
    let tpl = fits.next()?;
    fits.next().is_none().then_some(tpl)
}

/// A document table's labels in matching form, prepared once for every template.
#[derive(Default)]
struct Prepared {
    title: String,
    band: Option<Rc<MLabel>>,
    /// Column paths.
    cols: Vec<Vec<Rc<MLabel>>>,
    /// Row paths, without the band label.
    rows: Vec<Vec<Rc<MLabel>>>,
    headerless: bool,
}

impl Prepared {
    fn of(t: &Table) -> Prepared {
        Prepared {
            title: t.title.as_deref().map(mfold).unwrap_or_default(),
            band: t.band.as_deref().map(MLabel::cached),
            cols: t.columns.iter().map(|c| prepare_path(&c.path)).collect(),
            rows: t.rows.iter().map(|r| Self::row_path(t, &r.path)).collect(),
            headerless: t.columns.iter().all(|c| c.path.is_empty()),
        }
    }

    /// A row path of `t` without its band label.
    fn row_path(t: &Table, path: &[String]) -> Vec<Rc<MLabel>> {
        match &t.band {
            Some(_) if !path.is_empty() => prepare_path(&path[1..]),
            _ => prepare_path(path),
        }
    }
}

fn prepare_path(path: &[String]) -> Vec<Rc<MLabel>> {
    path.iter().map(|l| MLabel::cached(l)).collect()
}

/// What a table's match depends on: the template and the table's labels.
type MatchKey = (
    &'static str,
    Option<String>,
    Option<String>,
    Vec<Vec<String>>,
    Vec<Vec<String>>,
);

/// [`match_table`], remembered per thread: an archive prints the labels of one template
/// thousands of times with other values, and a match reads the labels alone.
fn matched(t: &Table, tpl: &'static Template) -> Option<TableMatch> {
    thread_local! {
        static MEMO: RefCell<HashMemo<MatchKey, Option<TableMatch>>> =
            RefCell::new(Memo::new(1024));
    }
    let mut h = rustc_hash::FxHasher::default();
    (tpl.id.as_str(), &t.title, &t.band).hash(&mut h);
    t.columns.len().hash(&mut h);
    t.columns.iter().for_each(|c| c.path.hash(&mut h));
    t.rows.len().hash(&mut h);
    t.rows.iter().for_each(|r| r.path.hash(&mut h));
    let same = |k: &MatchKey| {
        k.0 == tpl.id
            && k.1 == t.title
            && k.2 == t.band
            && k.3.len() == t.columns.len()
            && k.3.iter().zip(&t.columns).all(|(p, c)| *p == c.path)
            && k.4.len() == t.rows.len()
            && k.4.iter().zip(&t.rows).all(|(p, r)| *p == r.path)
    };
    let own = || {
        (
            tpl.id.as_str(),
            t.title.clone(),
            t.band.clone(),
            t.columns.iter().map(|c| c.path.clone()).collect(),
            t.rows.iter().map(|r| r.path.clone()).collect(),
        )
    };
    remembered_by_hash(&MEMO, h.finish(), same, own, || {
        match_table(&Prepared::of(t), tpl)
    })
}

/// Matches one document table against every table and part of `tpl`.
fn match_table(t: &Prepared, tpl: &Template) -> Option<TableMatch> {
    let mut best: Option<TableMatch> = None;
    for (ti, tt) in tpl.tables.iter().enumerate() {
        let titled =
            !t.title.is_empty() && (t.title.contains(&tt.m_title) || tt.m_title.contains(&t.title));
        for (pi, part) in tt.parts.iter().enumerate() {
            if let (Some(b), Some(pb)) = (&t.band, &part.m_band)
                && !sim_at_least(b, pb, 0.9)
            {
                continue;
            }
            let cols = key_columns(t, part);
            let rows = key_rows(t, part);
            let mut score = cols.iter().flatten().count() + rows.iter().flatten().count();
            if score == 0 && !(titled && t.headerless && t.cols.len() == part.columns.len()) {
                continue;
            }
            if titled {
                score += 1;
            }
            let better = best.as_ref().is_none_or(|b| score > b.score);
            if better {
                best = Some(TableMatch {
                    table: ti,
                    part: pi,
                    cols,
                    rows,
                    score,
                });
            }
        }
    }
    best
}

/// Column keys: the template column whose path fits best, when it fits one clearly.
fn key_columns(t: &Prepared, part: &Part) -> Vec<Option<String>> {
    t.cols
        .iter()
        .map(|path| {
            unique_best(part.columns.iter().map(|tc| {
                let mut names: Vec<&MLabel> = tc.m_path.iter().collect();
                let mut s = path_sim_m(path, &names);
                if !path.is_empty() {
                    for a in &tc.m_aliases {
                        if let Some(l) = names.last_mut() {
                            *l = a;
                        }
                        s = s.max(path_sim_m(path, &names));
                    }
                }
                (s, &tc.key)
            }))
        })
        .collect()
}

/// Row keys: the template row whose label path fits best.
fn key_rows(t: &Prepared, part: &Part) -> Vec<Option<String>> {
    let flat = part.flat_rows();
    t.rows
        .iter()
        .map(|path| {
            unique_best(flat.iter().map(|(up, row)| {
                let mut names: Vec<&MLabel> = up.iter().map(|u| &u.m_label).collect();
                names.push(&row.m_label);
                let mut s = path_sim_m(path, &names);
                for a in &row.m_aliases {
                    if let Some(l) = names.last_mut() {
                        *l = a;
                    }
                    s = s.max(path_sim_m(path, &names));
                }
                (s, &row.key)
            }))
        })
        .collect()
}

/// The key of the best candidate when it reaches the threshold and no other ties it.
fn unique_best<'a>(cands: impl Iterator<Item = (f64, &'a String)>) -> Option<String> {
    // the first two in order of score, the earlier first among equals
    let mut first: Option<(f64, &String)> = None;
    let mut second: Option<(f64, &String)> = None;
    for c in cands.filter(|(s, _)| *s >= THRESHOLD) {
        if first.is_none_or(|f| c.0 > f.0) {
            second = first;
            first = Some(c);
        } else if second.is_none_or(|s| c.0 > s.0) {
            second = Some(c);
        }
    }
    match (first, second) {
        (None, _) => None,
        (Some((_, k)), None) => Some(k.clone()),
        (Some((s1, k)), Some((s2, k2))) => (s1 - s2 > 1e-6 || k == k2).then(|| k.clone()),
    }
}

/// The last header label each column key is printed with somewhere in the document (a
/// header split off into a table of its own), so recovered headers keep the report's words.
/// Only a header whose every column matches a template column lends its words; one
/// that came apart in the extraction (`等于第三项加第四项之和） | 自然人 | 商业 | 科研 |
/// 总计`: a note and words cut over lines) lends none.
fn printed_labels(doc: &Document, matches: &[Option<TableMatch>]) -> HashMap<String, String> {
    let mut out = HashMap::default();
    for (t, m) in doc.tables().zip(matches) {
        let Some(m) = m else { continue };
        if m.cols.iter().any(Option::is_none) {
            continue;
        }
        for (c, k) in t.columns.iter().zip(&m.cols) {
            if let (Some(k), Some(last)) = (k, c.path.last()) {
                out.entry(k.clone()).or_insert_with(|| last.clone());
            }
        }
    }
    out
}

/// Attaches keys to a table, recovering lost columns and bands from the template.
fn attach(
    t: &mut Table,
    tpl: &Template,
    m: &TableMatch,
    printed: &HashMap<String, String>,
    lines: &[Line],
    warnings: &mut Vec<Warning>,
) {
    let tt: &TTable = &tpl.tables[m.table];
    let part = &tt.parts[m.part];
    let first_line = Some(t.lines[0]);
    let header_matches = m.cols.iter().flatten().count();
    let rows_match = m.rows.iter().flatten().count() * 2 >= t.rows.len().max(1);
    // a band is given only to a table all of whose rows belong to that band's part
    let all_rows_match = !t.rows.is_empty() && m.rows.iter().all(Option::is_some);
    // a table before any heading (a fragment that starts mid-page) is titled by the
    // template table whose rows and columns it has
    if t.title.is_none()
        && t.section.is_empty()
        && all_rows_match
        && m.cols.iter().all(Option::is_some)
    {
        warnings.push(Warning {
            line: first_line,
            code: "title-from-template".into(),
            message: format!(
                "table {} stands under no heading; its rows and columns are those of {:?} in template {}",
                t.id, tt.title, tpl.id
            ),
        });
        t.title = Some(tt.title.clone());
    }
    let headerless = t.columns.iter().all(|c| c.path.is_empty());
    if t.columns.len() == part.columns.len()
        && header_matches * 2 < t.columns.len()
        && (headerless || rows_match)
    {
        let what = if headerless {
            "has no header"
        } else {
            "has a header that fits no template column"
        };
        warnings.push(Warning {
            line: first_line,
            code: "columns-from-template".into(),
            message: format!(
                "table {} {what}; its {} columns take the header of template {} ({})",
                t.id,
                part.columns.len(),
                tpl.id,
                tt.title
            ),
        });
        // a leaf label this table prints in other words (`商业机构` for `商业企业`) anywhere
        // in its header keeps the report's words
        let header: Vec<&String> = t
            .columns
            .iter()
            .flat_map(|c| &c.path)
            .chain(&t.stub)
            .collect();
        let labels: Vec<String> = part
            .columns
            .iter()
            .filter_map(|c| c.path.last())
            .map(|l| mfold(l))
            .collect();
        let own_words = |label: &str| -> Option<String> {
            let f = mfold(label);
            // (a known variant folds to the label itself)
            if let Some(h) = header.iter().find(|h| mfold(h) == f) {
                return Some(h.to_string());
            }
            let mut found = header.iter().filter(|h| is_variant(&mfold(h), &f, &labels));
            let first = found.next()?;
            found
                .all(|h| mfold(h) == mfold(first))
                .then(|| first.to_string())
        };
        let new_columns: Vec<Column> = part
            .columns
            .iter()
            .map(|c| {
                let mut path = c.path.clone();
                if let (Some(last), Some(p)) = (path.last_mut(), printed.get(&c.key)) {
                    last.clone_from(p);
                } else if let Some(last) = path.last_mut()
                    && let Some(w) = own_words(last)
                {
                    *last = w;
                }
                Column {
                    path,
                    key: Some(c.key.clone()),
                }
            })
            .collect();
        t.columns = new_columns;
    } else {
        for (c, k) in t.columns.iter_mut().zip(&m.cols) {
            c.key = k.clone();
        }
    }
    if t.band.is_none()
        && let Some(band) = &part.band
        && all_rows_match
        && (header_matches > 0 || headerless)
    {
        warnings.push(Warning {
                    line: first_line,
                    code: "band-from-template".into(),
                    message: format!(
                        "table {} has no band label; its rows and columns are those of {band} in template {}",
                        t.id, tpl.id
                    ),
                });
        t.band = Some(band.clone());
        for r in t.rows.iter_mut() {
            r.path.insert(0, band.clone());
        }
    }
    let mut row_keys = m.rows.clone();
    for (i, k) in row_keys.iter_mut().enumerate() {
        if k.is_none()
            && let Some(fixed) = split_digits(t, i, tpl, &tt.key, part)
        {
            warnings.push(Warning {
                    line: Some(t.rows[i].line),
                    code: "split-digits".into(),
                    message: format!(
                        "row {:?} has one value cell too many; joining {:?} and {:?} into {:?} is the only reading whose row sums agree with template {}",
                        fixed.path.join(" > "),
                        fixed.joined.0,
                        fixed.joined.1,
                        format!("{}{}", fixed.joined.0, fixed.joined.1),
                        tpl.id
                    ),
                });
            *k = fixed.key;
            t.rows[i].path = fixed.path;
            t.rows[i].cells = fixed.cells;
        }
    }
    let band = usize::from(t.band.is_some());
    let flat = part.flat_rows();
    // a row whose printed parents are not its template parents (a flattening that moved a
    // group label): keyed by its own label when that names exactly one template row. The
    // label must be printed on the row's own line: a row of bare values under loose label
    // lines cannot say which of them is its own.
    for (i, k) in row_keys.iter_mut().enumerate() {
        let r = &mut t.rows[i];
        if k.is_some() || r.path.len() < band + 2 || !label_on_line(r, lines) {
            continue;
        }
        let Some((key, chain)) = key_by_own_label(&r.path[band..], &flat) else {
            continue;
        };
        warnings.push(Warning {
            line: Some(r.line),
            code: "row-path-from-template".into(),
            message: format!(
                "row {}: the labels printed above {} are not its parents in template {}; its own label names one row, {}",
                Quoted(&r.path[band..].join(" > ")),
                Quoted(r.path.last().map_or("", String::as_str)),
                tpl.id,
                Quoted(&chain.join(" > "))
            ),
        });
        r.path.truncate(band);
        r.path.extend(chain);
        *k = Some(key);
    }
    for (r, k) in t.rows.iter_mut().zip(&row_keys) {
        r.key = k.clone();
        if let Some((up, row)) = k
            .as_ref()
            .and_then(|k| flat.iter().find(|(_, row)| &row.key == k))
        {
            let chain: Vec<&str> = up
                .iter()
                .map(|u| u.label.as_str())
                .chain([row.label.as_str()])
                .collect();
            if let Some(done) = complete_path(&r.path[band..], &chain) {
                warnings.push(Warning {
                    line: Some(r.line),
                    code: "row-path-from-template".into(),
                    message: format!(
                        "row {} is {} of template {}: labels cut or lost in the text are taken from it",
                        Quoted(&r.path[band..].join(" > ")),
                        Quoted(&done.join(" > ")),
                        tpl.id
                    ),
                });
                r.path.truncate(band);
                r.path.extend(done);
            }
        }
        if k.is_none() {
            warnings.push(Warning {
                line: Some(r.line),
                code: "unkeyed-label".into(),
                message: format!(
                    "row {} matches no row of template {} ({}); kept without a key",
                    Quoted(&r.path.join(" > ")),
                    tpl.id,
                    tt.title
                ),
            });
        }
    }
    for c in t
        .columns
        .iter()
        .filter(|c| c.key.is_none() && !c.path.is_empty())
    {
        warnings.push(Warning {
            line: first_line,
            code: "unkeyed-label".into(),
            message: format!(
                "column {} matches no column of template {} ({}); kept without a key",
                Quoted(&c.path.join(" > ")),
                tpl.id,
                tt.title
            ),
        });
    }
}

/// A row repaired by joining two value cells.
struct SplitFix {
    path: Vec<String>,
    cells: Vec<crate::model::Cell>,
    key: Option<String>,
    joined: (String, String),
}

/// Rows whose digits were split across cells (`1 | 3612` for `13612`): the row then has
/// one value too many, the first of which was read as a label. When exactly one way of
/// joining two neighbouring numbers makes the template's row sums agree, that is the
/// reading; otherwise the row is left as printed.
fn split_digits(
    t: &Table,
    i: usize,
    tpl: &Template,
    table_key: &str,
    part: &Part,
) -> Option<SplitFix> {
    use crate::model::CellKind;
    use crate::table::value::parse_cell;
    let row = &t.rows[i];
    let skip = usize::from(t.band.is_some());
    let labels: Vec<&String> = row.path.iter().skip(skip).collect();
    let numeric = labels
        .iter()
        .rev()
        .take_while(|l| parse_cell(l).kind == CellKind::Number)
        .count();
    if numeric != 1 || labels.len() < 2 {
        return None;
    }
    let mut raw: Vec<String> = labels[labels.len() - numeric..]
        .iter()
        .map(|s| s.to_string())
        .collect();
    raw.extend(row.cells.iter().map(|c| c.raw.clone()));
    let n = t.columns.len();
    if raw.len() != n + 1 || raw.iter().any(|r| parse_cell(r).kind != CellKind::Number) {
        return None;
    }
    let rules: Vec<&data::Rule> = tpl
        .checks
        .iter()
        .filter(|r| r.table == table_key && r.along == "row")
        .collect();
    let col_keys: Vec<Option<&String>> = t.columns.iter().map(|c| c.key.as_ref()).collect();
    let mut found = None;
    for j in 0..n {
        let mut cand: Vec<String> = raw[..j].to_vec();
        cand.push(format!("{}{}", raw[j], raw[j + 1]));
        cand.extend(raw[j + 2..].iter().cloned());
        let cells: Vec<crate::model::Cell> = cand.iter().map(|c| parse_cell(c)).collect();
        if rows_agree(&rules, &col_keys, &cells) {
            if found.is_some() {
                return None;
            }
            found = Some((cells, (raw[j].clone(), raw[j + 1].clone())));
        }
    }
    let (cells, joined) = found?;
    let mut path: Vec<String> = row.path[..row.path.len() - numeric].to_vec();
    let probe = Prepared {
        rows: vec![Prepared::row_path(t, &path)],
        ..Prepared::default()
    };
    let key = key_rows(&probe, part).pop().flatten();
    key.as_ref()?;
    path.shrink_to_fit();
    Some(SplitFix {
        path,
        cells,
        key,
        joined,
    })
}

/// True when every row rule of the template that can be evaluated on `cells` holds, and
/// at least one can.
fn rows_agree(
    rules: &[&data::Rule],
    col_keys: &[Option<&String>],
    cells: &[crate::model::Cell],
) -> bool {
    let value = |key: &str| -> Option<f64> {
        col_keys
            .iter()
            .position(|k| k.is_some_and(|k| k == key))
            .and_then(|i| cells.get(i))
            .and_then(|c| c.value)
    };
    let mut any = false;
    for r in rules {
        let mut sum = 0.0;
        for k in &r.sum {
            match k.strip_suffix('*') {
                Some(prefix) => {
                    for ck in col_keys
                        .iter()
                        .flatten()
                        .filter(|c| c.starts_with(prefix) && !r.equals.contains(c))
                    {
                        sum += value(ck).unwrap_or(f64::NAN);
                    }
                }
                None => sum += value(k).unwrap_or(f64::NAN),
            }
        }
        let total: f64 = r.equals.iter().map(|k| value(k).unwrap_or(f64::NAN)).sum();
        if sum.is_nan() || total.is_nan() {
            continue;
        }
        any = true;
        if (sum - total).abs() > 1e-6 {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests;

/// True when the row's last label is printed on the row's own line.
pub(super) fn label_on_line(r: &crate::model::Row, lines: &[Line]) -> bool {
    let Some(label) = r.path.last() else {
        return false;
    };
    let line = lines
        .get((r.line as usize).wrapping_sub(1))
        .filter(|l| l.no == r.line)
        .or_else(|| lines.iter().find(|l| l.no == r.line));
    line.is_some_and(|l| l.text.contains(label.as_str()))
}

/// The key and template path of the one template row whose own label (or alias) matches
/// the printed row's last label closely (0.9), the printed parents aside; the path keeps
/// the printed last label.
fn key_by_own_label(
    path: &[String],
    flat: &[(Vec<&data::TRow>, &data::TRow)],
) -> Option<(String, Vec<String>)> {
    let own = MLabel::cached(path.last()?);
    let mut hits = flat.iter().filter(|(_, row)| {
        !row.label.is_empty()
            && std::iter::once(&row.m_label)
                .chain(&row.m_aliases)
                .any(|l| sim_at_least(&own, l, 0.9))
    });
    let (up, row) = hits.next()?;
    if hits.next().is_some() {
        return None;
    }
    let mut chain: Vec<String> = up.iter().map(|u| u.label.clone()).collect();
    chain.push(path.last()?.clone());
    Some((row.key.clone(), chain))
}

/// The printed row path completed from the template chain it was matched to: ancestors
/// the text lost are prepended, and a printed label that is a cut-off start of the
/// template's (`（三）不` for `（三）不予公开`) is completed. `None` when nothing changes.
fn complete_path(printed: &[String], chain: &[&str]) -> Option<Vec<String>> {
    if printed.is_empty() || printed.len() > chain.len() {
        return None;
    }
    let skip = chain.len() - printed.len();
    let mut out: Vec<String> = chain[..skip].iter().map(|s| s.to_string()).collect();
    for (p, c) in printed.iter().zip(&chain[skip..]) {
        out.push(if matching::is_cut_label(p, c) {
            c.to_string()
        } else {
            p.clone()
        });
    }
    (out.as_slice() != printed).then_some(out)
}
