//! The official report templates as data: `templates/*.json` in the repository, compiled
//! into the binary. A template names each table, its parts (band sub-tables), their
//! columns and rows with stable ASCII keys, and the arithmetic rules (勾稽关系).

use super::matching::{MLabel, mfold};
use serde::Deserialize;
use std::sync::OnceLock;

/// One official template.
#[derive(Debug, Clone, Deserialize)]
pub struct Template {
    /// Stable id, e.g. `gidr-2021`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// The document that fixed it.
    pub source: String,
    /// First reporting year it applies to.
    #[serde(default)]
    pub from_year: Option<i32>,
    /// Last reporting year it applies to.
    #[serde(default)]
    pub to_year: Option<i32>,
    /// Its tables.
    pub tables: Vec<TTable>,
    /// Arithmetic rules.
    #[serde(default)]
    pub checks: Vec<Rule>,
}

/// A table of a template.
#[derive(Debug, Clone, Deserialize)]
pub struct TTable {
    /// Stable key (`active`, `apply`, `review`).
    pub key: String,
    /// Official title.
    pub title: String,
    /// Band sub-tables, or one part for a table without bands.
    pub parts: Vec<Part>,
    /// The title in matching form.
    #[serde(skip)]
    pub m_title: String,
}

/// A band sub-table (or a whole table).
#[derive(Debug, Clone, Deserialize)]
pub struct Part {
    /// The band label as the template prints it.
    pub band: Option<String>,
    /// Value columns.
    pub columns: Vec<TCol>,
    /// Row tree.
    pub rows: Vec<TRow>,
    /// The band prepared for matching.
    #[serde(skip)]
    pub m_band: Option<MLabel>,
}

/// A template column.
#[derive(Debug, Clone, Deserialize)]
pub struct TCol {
    /// Stable key.
    pub key: String,
    /// Header path as the template prints it.
    pub path: Vec<String>,
    /// Other printed forms of the last label.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `path` prepared for matching.
    #[serde(skip)]
    pub m_path: Vec<MLabel>,
    /// `aliases` prepared for matching.
    #[serde(skip)]
    pub m_aliases: Vec<MLabel>,
    /// The header path prefixes (all but the whole path) as a caption would spell them:
    /// matching form, brackets dropped, joined.
    #[serde(skip)]
    pub m_prefixes: Vec<String>,
}

/// A template row (a node of the row tree).
#[derive(Debug, Clone, Deserialize)]
pub struct TRow {
    /// Stable key.
    pub key: String,
    /// Label as the template prints it (empty for a table without row labels).
    pub label: String,
    /// Other printed forms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Rows under this one.
    #[serde(default)]
    pub rows: Vec<TRow>,
    /// `label` prepared for matching.
    #[serde(skip)]
    pub m_label: MLabel,
    /// `aliases` prepared for matching.
    #[serde(skip)]
    pub m_aliases: Vec<MLabel>,
}

/// An arithmetic rule: for each column (`along: column`) the named rows, or for each row
/// (`along: row`) the named columns, of `sum` add up to those of `equals`. A key ending in
/// `.*` stands for every leaf below it. `along: text` compares numbers the text states
/// (`pattern`'s first group) with the one cell `equals` names as `row/column`.
#[derive(Debug, Clone, Deserialize)]
pub struct Rule {
    /// Rule id, unique within the template.
    pub id: String,
    /// Template table key.
    pub table: String,
    /// `column`, `row` or `text`.
    pub along: String,
    /// Keys summed.
    pub sum: Vec<String>,
    /// Keys the sum must equal.
    pub equals: Vec<String>,
    /// What the rule says, in the report's words.
    pub message: String,
    /// For `text` rules: a regex whose first group is the number.
    #[serde(default)]
    pub pattern: Option<String>,
    /// `pattern` compiled, at load.
    #[serde(skip)]
    pub regex: Option<regex::Regex>,
    /// The keys the rule runs along (each column of its table for `column`, each leaf
    /// row for `row`), worked out at load.
    #[serde(skip)]
    pub along_keys: Vec<String>,
    /// `sum` with every `prefix.*` expanded, worked out at load.
    #[serde(skip)]
    pub sum_keys: Vec<String>,
    /// One equation per along-key (`column` and `row` rules), worked out at load.
    #[serde(skip)]
    pub equations: Vec<super::keyed::Equation>,
}

/// `apply.result.*` → every key below `apply.result.` except those in `equals`.
pub fn expand(pattern: &[String], keys: &[String], equals: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for p in pattern {
        match p.strip_suffix('*') {
            Some(prefix) => out.extend(
                keys.iter()
                    .filter(|k| k.starts_with(prefix) && !equals.contains(k))
                    .cloned(),
            ),
            None => out.push(p.clone()),
        }
    }
    out
}

/// Printed variants applied before matching labels.
#[derive(Debug, Clone, Deserialize)]
pub struct Variants {
    /// Word variants: printed -> template wording.
    pub words: Vec<(String, String)>,
    /// Traditional/simplified character pairs, concatenated.
    pub chars: String,
}

const SOURCES: [&str; 3] = [
    include_str!("../../templates/gidr-pre2019.json"),
    include_str!("../../templates/gidr-2019.json"),
    include_str!("../../templates/gidr-2021.json"),
];

/// The templates shipped with govreport, oldest first.
pub fn builtin() -> &'static [Template] {
    static T: OnceLock<Vec<Template>> = OnceLock::new();
    T.get_or_init(|| {
        SOURCES
            .iter()
            .map(|s| {
                let mut t: Template = serde_json::from_str(s).expect("templates/*.json are valid");
                t.prepare();
                t
            })
            .collect()
    })
}

/// The shipped label variants.
pub fn variants() -> &'static Variants {
    static V: OnceLock<Variants> = OnceLock::new();
    V.get_or_init(|| {
        serde_json::from_str(include_str!("../../templates/variants.json"))
            .expect("variants.json is valid")
    })
}

/// `s` without round or square brackets.
pub fn unbracket(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '(' | ')' | '[' | ']'))
        .collect()
}

fn prepare_all(labels: &[String]) -> Vec<MLabel> {
    labels.iter().map(|l| MLabel::new(l)).collect()
}

impl Template {
    /// Brings every label to its matching form once, at load.
    fn prepare(&mut self) {
        fn prepare_rows(rows: &mut [TRow]) {
            for r in rows {
                r.m_label = MLabel::new(&r.label);
                r.m_aliases = prepare_all(&r.aliases);
                prepare_rows(&mut r.rows);
            }
        }
        for r in &mut self.checks {
            r.regex = r.pattern.as_deref().map(|p| {
                regex::Regex::new(p).unwrap_or_else(|e| panic!("rule {}: bad pattern: {e}", r.id))
            });
            let Some(t) = self.tables.iter().find(|t| t.key == r.table) else {
                continue;
            };
            let (rows, cols) = t.keys();
            let (along, summed) = match r.along.as_str() {
                "column" => (cols, rows),
                "row" => (rows, cols),
                _ => continue,
            };
            r.sum_keys = expand(&r.sum, &summed, &r.equals);
            r.along_keys = along;
            r.equations = super::keyed::equations(r);
        }
        for t in &mut self.tables {
            t.m_title = mfold(&t.title);
            for p in &mut t.parts {
                p.m_band = p.band.as_deref().map(MLabel::new);
                for c in &mut p.columns {
                    c.m_path = prepare_all(&c.path);
                    c.m_prefixes = (1..c.m_path.len())
                        .map(|k| c.m_path[..k].iter().map(|l| unbracket(&l.folded)).collect())
                        .collect();
                    c.m_aliases = prepare_all(&c.aliases);
                }
                prepare_rows(&mut p.rows);
            }
        }
    }
}

impl TTable {
    /// The keys of its leaf rows and of its columns, in template order, once each.
    pub fn keys(&self) -> (Vec<String>, Vec<String>) {
        let (mut rows, mut cols): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for p in &self.parts {
            for (_, r) in p.flat_rows() {
                if r.rows.is_empty() && !rows.contains(&r.key) {
                    rows.push(r.key.clone());
                }
            }
            for c in &p.columns {
                if !cols.contains(&c.key) {
                    cols.push(c.key.clone());
                }
            }
        }
        (rows, cols)
    }
}

impl Part {
    /// The rows that hold values (no rows under them, a label), in order, each with its
    /// label chain from the top of the tree.
    pub fn value_rows(&self) -> Vec<(&TRow, Vec<String>)> {
        fn walk<'a>(
            rows: &'a [TRow],
            up: &mut Vec<String>,
            out: &mut Vec<(&'a TRow, Vec<String>)>,
        ) {
            for r in rows {
                up.push(r.label.clone());
                if r.rows.is_empty() {
                    if !r.label.is_empty() {
                        out.push((r, up.clone()));
                    }
                } else {
                    walk(&r.rows, up, out);
                }
                up.pop();
            }
        }
        let mut out = Vec::new();
        walk(&self.rows, &mut Vec::new(), &mut out);
        out
    }

    /// Every row of the tree with the labels of its ancestors, depth first.
    pub fn flat_rows(&self) -> Vec<(Vec<&TRow>, &TRow)> {
        fn walk<'a>(
            rows: &'a [TRow],
            up: &mut Vec<&'a TRow>,
            out: &mut Vec<(Vec<&'a TRow>, &'a TRow)>,
        ) {
            for r in rows {
                out.push((up.clone(), r));
                up.push(r);
                walk(&r.rows, up, out);
                up.pop();
            }
        }
        let mut out = Vec::new();
        walk(&self.rows, &mut Vec::new(), &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_load_and_keys_are_unique_ascii() {
        for t in builtin() {
            let mut seen = std::collections::HashSet::new();
            for tab in &t.tables {
                for p in &tab.parts {
                    for (_, r) in p.flat_rows() {
                        assert!(r.key.is_ascii(), "{}", r.key);
                        assert!(
                            seen.insert(format!("row {}", r.key)),
                            "duplicate row key {} in {}",
                            r.key,
                            t.id
                        );
                    }
                    for c in &p.columns {
                        assert!(c.key.is_ascii(), "{}", c.key);
                    }
                }
            }
        }
        assert_eq!(builtin().len(), 3);
        assert_eq!(variants().chars.chars().count() % 2, 0);
    }
}
