//! Row groups printed as headings. Some converters turn the spanning row labels of a
//! template table into headings (`### 三、本年度办理结果`, `### (一) 予以公开`) and cut the
//! table into one small table per group. Inside the section of a template table, a
//! heading whose text is a row label of that table is such a group label: it leaves the
//! outline and heads the rows of the tables below it, as it would have in the table.

use super::data::{TRow, TTable, Template};
use super::matching::{MLabel, THRESHOLD, label_sim_at_least};
use crate::lines::Line;
use crate::model::{Block, Paragraph, Warning};
use crate::table::rows::RowPaths;

/// Folds group headings into the tables below them. Returns the warnings to add.
pub fn regroup(blocks: &mut Vec<Block>, lines: &[Line], tpl: &Template) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut remove = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let Block::Heading(h) = &blocks[i] else {
            i += 1;
            continue;
        };
        let Some(tt) = tpl
            .tables
            .iter()
            .find(|t| label_sim_at_least(&h.title, &t.title, 0.9))
        else {
            i += 1;
            continue;
        };
        let section_level = h.level;
        let section_title = h.title.clone();
        let mut paths = RowPaths::default();
        let mut group: Vec<String> = Vec::new();
        let mut pending: Option<u32> = None;
        // the group headings since the last table: the block, its lines, its label
        let mut held: Vec<(usize, [u32; 2], String)> = Vec::new();
        // labels of value rows printed as headings since the last table
        let mut leaves: Vec<String> = Vec::new();
        let mut j = i + 1;
        while j < blocks.len() {
            // the block after this one when it is a paragraph of one line
            let next_line: Option<(u32, String)> = match (&blocks[j], blocks.get(j + 1)) {
                (Block::Heading(_), Some(Block::Paragraph(p))) if p.lines[0] == p.lines[1] => {
                    Some((p.lines[0], p.text.clone()))
                }
                _ => None,
            };
            match &mut blocks[j] {
                Block::Heading(g) => {
                    let mut printed = printed(lines, g.lines[0]);
                    let end = g.lines[1];
                    // a label wrapped onto the next line, which stands alone as a paragraph
                    if let Some((no, text)) = &next_line
                        && *no == end + 1
                        && is_row_label(tt, &printed)
                    {
                        let joined = format!("{printed}{}", crate::normalize::trim(text));
                        if is_exact_row_label(tt, &joined) && !is_exact_row_label(tt, &printed) {
                            warnings.push(Warning {
                                line: Some(*no),
                                code: "row-label-wrapped".into(),
                                message: format!(
                                    "{text:?} ends the row label {printed:?} of the line above: joined"
                                ),
                            });
                            printed = joined;
                            remove[j + 1] = true;
                        }
                    }
                    if !is_row_label(tt, &printed) {
                        if g.level <= section_level {
                            break;
                        }
                        j += 1;
                        continue;
                    }
                    if is_leaf_label(tt, &printed) {
                        leaves.push(printed.clone());
                    }
                    group = paths.partial(std::slice::from_ref(&printed));
                    pending.get_or_insert(g.lines[0]);
                    let last = if remove.get(j + 1) == Some(&true) {
                        end + 1
                    } else {
                        end
                    };
                    held.push((j, [g.lines[0], last], printed));
                }
                Block::Table(t) if !group.is_empty() => {
                    if let Some(first) = pending.take() {
                        t.lines[0] = t.lines[0].min(first);
                    }
                    for (k, lines, label) in held.drain(..) {
                        remove[k] = true;
                        warnings.push(Warning {
                            line: Some(lines[0]),
                            code: "row-group-heading".into(),
                            message: format!("{label:?} is a row label of {:?}, printed as a heading; it heads the rows below", tt.title),
                        });
                    }
                    // two value-row labels printed loose before rows without labels (a PDF
                    // that moved labels away from their numbers): which is whose is unknown
                    let ambiguous = leaves.len() >= 2;
                    let loose = std::mem::take(&mut leaves);
                    // the group headings were never sections
                    t.title = Some(section_title.clone());
                    if let Some(k) = t
                        .section
                        .iter()
                        .position(|s| s.ends_with(section_title.as_str()))
                    {
                        t.section.truncate(k + 1);
                    }
                    for r in t.rows.iter_mut() {
                        let own: Vec<String> = r
                            .path
                            .iter()
                            .skip(usize::from(t.band.is_some()))
                            .cloned()
                            .collect();
                        let repeats = own.len() == 1
                            && group
                                .last()
                                .is_some_and(|g| label_sim_at_least(g, &own[0], 0.9));
                        if own.is_empty() && ambiguous {
                            warnings.push(Warning {
                                line: Some(r.line),
                                code: "ambiguous-row-label".into(),
                                message: format!(
                                    "a row of values without a label follows several loose row labels ({}); which is its own is not known, so it has none",
                                    loose.join(", ")
                                ),
                            });
                            r.path = t.band.iter().cloned().collect();
                            continue;
                        }
                        let path = if repeats || own.is_empty() {
                            group.clone()
                        } else {
                            paths.partial(&own)
                        };
                        r.path = path;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        // a group heading with no table after it heads no rows: its line is text
        for (k, lines, text) in held {
            blocks[k] = Block::Paragraph(Paragraph { lines, text });
        }
        i = j;
    }
    let mut k = 0;
    blocks.retain(|_| {
        k += 1;
        !remove[k - 1]
    });
    warnings
}

/// The heading line as printed, without Markdown marks.
fn printed(lines: &[Line], no: u32) -> String {
    let text = lines.get(no as usize - 1).map_or("", |l| l.text.as_str());
    let t = crate::normalize::trim(text.trim_start_matches('\u{c}'));
    crate::normalize::trim(t.trim_start_matches('#')).to_string()
}

/// True when `label` (with its outline number) is a row label of the table.
fn is_row_label(tt: &TTable, label: &str) -> bool {
    row_label(tt, label, false)
}

/// True when `label` is, in matching form, exactly the label (or an alias) of a row of
/// the table.
fn is_exact_row_label(tt: &TTable, label: &str) -> bool {
    tt.parts.iter().any(|p| {
        p.flat_rows().iter().any(|(_, r)| {
            !r.label.is_empty()
                && std::iter::once(&r.label)
                    .chain(&r.aliases)
                    .any(|l| label_sim_at_least(label, l, 1.0))
        })
    })
}

/// True when `label` is the label of a row of the table with no rows under it: a row
/// that holds values, not a group.
fn is_leaf_label(tt: &TTable, label: &str) -> bool {
    row_label(tt, label, true)
}

fn row_label(tt: &TTable, label: &str, leaf: bool) -> bool {
    tt.parts.iter().any(|p| {
        p.flat_rows().iter().any(|(_, r)| {
            !r.label.is_empty()
                && (!leaf || r.rows.is_empty())
                && crate::outline::scan_outline(label).is_some()
                && std::iter::once(&r.label)
                    .chain(&r.aliases)
                    .any(|l| label_sim_at_least(label, l, THRESHOLD.max(0.85)))
        })
    })
}

/// Column groups printed as captions: a converter that cuts a table by its top header
/// cells (`### 行政诉讼（复议后起诉）` over `结果维持 | … | 总计`) leaves the spanning labels
/// in the caption. When a caption spells a header path prefix of a template table and the
/// table's columns are the template columns under it, the prefix goes back into the
/// column paths and the table takes the title of its section.
pub fn column_groups(blocks: &mut [Block], tpl: &Template) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for b in blocks.iter_mut() {
        let Block::Table(t) = b else { continue };
        let Some(caption) = t.title.clone() else {
            continue;
        };
        let cap = super::data::unbracket(&super::matching::mfold(&caption));
        for tt in &tpl.tables {
            for part in &tt.parts {
                let Some(prefix) = prefix_spelled(part, &cap) else {
                    continue;
                };
                let under: Vec<&Vec<String>> = part
                    .columns
                    .iter()
                    .map(|c| &c.path)
                    .filter(|p| p.starts_with(prefix))
                    .collect();
                let fits = under.len() == t.columns.len()
                    && under.iter().zip(&t.columns).all(|(p, c)| {
                        c.path
                            .last()
                            .zip(p.last())
                            .is_some_and(|(a, b)| label_sim_at_least(a, b, THRESHOLD))
                    });
                if !fits {
                    continue;
                }
                for c in t.columns.iter_mut() {
                    let mut path = prefix.to_vec();
                    path.extend(c.path.iter().cloned());
                    c.path = path;
                }
                warnings.push(Warning {
                    line: Some(t.lines[0]),
                    code: "column-group-caption".into(),
                    message: format!(
                        "caption {caption:?} names the header group {:?} of {:?}",
                        prefix.join(" > "),
                        tt.title
                    ),
                });
                t.title = t.section.last().map(|s| {
                    let s = s.as_str();
                    crate::outline::scan_outline(s)
                        .map_or(s, |o| &s[o.len..])
                        .trim()
                        .to_string()
                });
                break;
            }
            if t.title.as_deref() != Some(caption.as_str()) {
                break;
            }
        }
    }
    warnings
}

/// The shortest header path prefix of `part` whose labels, joined, spell `cap`.
fn prefix_spelled<'a>(part: &'a super::data::Part, cap: &str) -> Option<&'a [String]> {
    for c in &part.columns {
        if let Some(k) = c.m_prefixes.iter().position(|p| *p == cap) {
            return Some(&c.path[..=k]);
        }
    }
    None
}

/// The table sections of a template have no subsections: a heading inside one, above
/// one of its tables, is a table label the flattening pulled out of its cell (`（三）不`,
/// `5.要求行政机关确认或重新出具`), or a repeat of the section's own number (`三、本法提供`
/// under 三). Such a heading becomes a paragraph; the tables below it keep the section's
/// title. Headings after the section's last table are left alone (the next section's
/// heading may have been lost).
pub fn demote_table_labels(
    blocks: &mut Vec<Block>,
    lines: &[Line],
    tpl: &Template,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut drop = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let Block::Heading(h) = &blocks[i] else {
            i += 1;
            continue;
        };
        if !tpl
            .tables
            .iter()
            .any(|t| label_sim_at_least(&h.title, &t.title, 0.9))
        {
            i += 1;
            continue;
        }
        let (level, number, title) = (h.level, h.number.clone(), h.title.clone());
        // the section's template rows: a heading printing one of their labels is no
        // next section's (`四、结转下年度继续办理` is a row of the table under `三、`)
        let rows: Vec<&TRow> = tpl
            .tables
            .iter()
            .filter(|t| label_sim_at_least(&title, &t.title, 0.9))
            .flat_map(|t| t.parts.iter().flat_map(|p| all_rows(&p.rows)))
            .collect();
        let row_label = |g: &crate::model::Heading| {
            let text = printed(lines, g.lines[0]);
            rows.iter().any(|r| prints_row_label(&text, r))
        };
        let mut end = i + 1;
        while end < blocks.len() {
            if let Block::Heading(g) = &blocks[end]
                && g.level <= level
                && g.number != number
                && !row_label(g)
            {
                break;
            }
            end += 1;
        }
        let Some(last_table) = (i + 1..end)
            .rev()
            .find(|&k| matches!(blocks[k], Block::Table(_)))
        else {
            // no table read in the section (its values in an order no reader takes):
            // a heading printing one of its template rows' labels is that row's label
            for k in i + 1..end {
                let Block::Heading(g) = &blocks[k] else {
                    continue;
                };
                if row_label(g) {
                    let why = "whose table was not read, and prints one of its row labels";
                    demote(blocks, &mut drop, k, lines, &title, why, &mut warnings);
                }
            }
            i = end;
            continue;
        };
        let mut demoted: Vec<String> = Vec::new();
        for k in i + 1..=last_table {
            if let Block::Heading(g) = &blocks[k] {
                demoted.push(g.title.clone());
                let why = "above its tables";
                demote(blocks, &mut drop, k, lines, &title, why, &mut warnings);
            } else if let Block::Table(t) = &mut blocks[k] {
                if t.title.as_ref().is_some_and(|tt| demoted.contains(tt)) {
                    t.title = Some(title.clone());
                }
                if let Some(p) = t.section.iter().position(|s| s.ends_with(title.as_str())) {
                    t.section.truncate(p + 1);
                }
            }
        }
        i = end;
    }
    let mut k = 0;
    blocks.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    warnings
}

/// Makes the heading `blocks[k]`, standing in the table section `title`, the paragraph its
/// line prints (a run-in paragraph on the same line joins it: that block is dropped), with
/// a `table-label-not-heading` warning saying `why`.
fn demote(
    blocks: &mut [Block],
    drop: &mut [bool],
    k: usize,
    lines: &[Line],
    title: &str,
    why: &str,
    warnings: &mut Vec<Warning>,
) {
    let Block::Heading(g) = &blocks[k] else {
        return;
    };
    let no = g.lines[0];
    warnings.push(Warning {
        line: Some(no),
        code: "table-label-not-heading".into(),
        message: format!(
            "{:?} stands in the table section {title:?}, {why}: a table label, not a heading",
            g.title
        ),
    });
    if let Some(Block::Paragraph(p)) = blocks.get(k + 1)
        && p.lines == [no, no]
    {
        drop[k + 1] = true;
    }
    blocks[k] = Block::Paragraph(Paragraph {
        lines: [no, no],
        text: printed(lines, no),
    });
}

/// Every row of a template part, nested rows included.
fn all_rows(rows: &[TRow]) -> Vec<&TRow> {
    rows.iter()
        .flat_map(|r| std::iter::once(r).chain(all_rows(&r.rows)))
        .collect()
}

/// True when the line `text` prints the row label of `row`: the first four characters of
/// the label after its outline number, in matching form (`没有现成` of `2.没有现成信息需要另行
/// 制作` in `（四）无法 2.没有现成信息需要另行制作`; a shorter label whole: `规章`).
fn prints_row_label(text: &str, row: &TRow) -> bool {
    let label = crate::outline::scan_outline(&row.label)
        .map_or(row.label.as_str(), |o| &row.label[o.len..]);
    let key: String = MLabel::cached(label).folded.chars().take(4).collect();
    key.chars().count() >= 2 && MLabel::cached(text).folded.contains(&key)
}
