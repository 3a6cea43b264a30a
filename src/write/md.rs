//! A readable Markdown rendering: title, headings, paragraphs, and each table with its
//! rebuilt column paths as header (` / `-joined) and row paths as the first column.
//!
//! Each document opens with a level-1 heading (its title, else its path); several
//! documents are separated by a thematic break (`---`). An outline heading of level L is
//! a Markdown heading of level L + 1 (at most 6) and keeps the punctuation of its level,
//! so `一、`, `（一）`, `1.` and `（1）` read apart even where levels past 5 share `######`.

use crate::model::{Block, Document};
use std::io::{self, Write};

/// Renders one document.
pub fn write_md(d: &Document, out: &mut dyn Write) -> io::Result<()> {
    if !d.blocks.iter().any(|b| matches!(b, Block::Title(_))) {
        writeln!(out, "# {}\n", d.source.path)?;
    }
    for b in &d.blocks {
        match b {
            Block::Title(t) => writeln!(out, "# {}\n", t.text)?,
            Block::Heading(h) => {
                let marks = "#".repeat((h.level as usize + 1).min(6));
                writeln!(
                    out,
                    "{marks} {}{}\n",
                    outline_number(&h.number, h.level),
                    h.title
                )?
            }
            Block::Paragraph(p) => writeln!(out, "{}\n", p.text)?,
            Block::Furniture(_) => {}
            Block::Table(t) => {
                if let Some(title) = &t.title {
                    write!(out, "**{}**", esc(title))?;
                    if let Some(b) = &t.band {
                        write!(out, " — {}", esc(b))?;
                    }
                    writeln!(out, " ({}, lines {}–{})\n", t.id, t.lines[0], t.lines[1])?;
                }
                write!(out, "| {} |", esc(&t.stub.join(" / ")))?;
                for c in &t.columns {
                    write!(out, " {} |", esc(&c.path.join(" / ")))?;
                }
                write!(out, "\n|---|")?;
                for _ in &t.columns {
                    write!(out, "---:|")?;
                }
                writeln!(out)?;
                for r in &t.rows {
                    write!(out, "| {} |", esc(&r.path.join(" / ")))?;
                    for c in &r.cells {
                        write!(out, " {} |", esc(&c.raw))?;
                    }
                    writeln!(out)?;
                }
                if let Some(n) = &t.note {
                    writeln!(out, "\n> {}", esc(n))?;
                }
                writeln!(out)?;
            }
        }
    }
    if !d.warnings.is_empty() {
        writeln!(out, "---\nWarnings:\n")?;
        for w in &d.warnings {
            match w.line {
                Some(l) => writeln!(out, "- line {l}: {} ({})", w.message, w.code)?,
                None => writeln!(out, "- {} ({})", w.message, w.code)?,
            }
        }
    }
    Ok(())
}

/// The outline number as its level prints it: `一、` (1) and `（一）` (2) for Chinese
/// numerals, `1.` (3) and `（1）` (4) for digits, `1.2` and `①` as they are.
fn outline_number(number: &str, level: u8) -> String {
    if number.is_empty() {
        return String::new();
    }
    let chinese = number
        .chars()
        .all(|c| "一二三四五六七八九十百零〇两".contains(c));
    let digits = number.chars().all(|c| c.is_ascii_digit());
    let latin = number.chars().all(|c| c.is_ascii_alphabetic());
    match (chinese, digits, latin, level) {
        (true, _, _, 1) => format!("{number}、"),
        (true, _, _, _) => format!("（{number}）"),
        (_, true, _, 4) => format!("（{number}）"),
        (_, true, _, _) | (_, _, true, _) => format!("{number}. "),
        _ => format!("{number} "),
    }
}

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}
