//! A readable Markdown rendering: title, headings, paragraphs, and each table with its
//! rebuilt column paths as header (` / `-joined) and row paths as the first column.

use crate::model::{Block, Document};
use std::io::{self, Write};

/// Renders one document.
pub fn write_md(d: &Document, out: &mut dyn Write) -> io::Result<()> {
    for b in &d.blocks {
        match b {
            Block::Title(t) => writeln!(out, "# {}\n", t.text)?,
            Block::Heading(h) => {
                let marks = "#".repeat((h.level as usize + 1).min(6));
                writeln!(out, "{marks} {} {}\n", h.number, h.title)?
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

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}
