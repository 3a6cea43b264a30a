//! PDF files: turned into text by poppler's `pdftotext` in two ways, each read as text.
//!
//! This is the one stage that runs a program: a PDF has no text stream a parser could
//! read without a PDF engine, and poppler's is the one users have.
//!
//! - **Laid out from the word boxes** (`pdftotext -bbox`): here a word starts at the
//!   display column its left edge gives, on one scale for the whole document (a CJK
//!   character two columns wide), so a value stands under its column's label as on the
//!   page. `pdftotext -layout` does not keep that: it sets each word at a column derived
//!   from the text blocks to its left, one column per character whatever the glyph's
//!   width, so a value's column drifts with the CJK text before it and a row printing few
//!   values cannot be told which columns they stand in.
//! - **`pdftotext -layout`**: the text most users have, which the aligned readers know
//!   well (its budget tables, its pages).
//!
//! [`crate::parse_bytes`] reads the first, and the second where the first is not
//! confirmed by the template's sums, and keeps one (see `lib.rs`).

use crate::error::ErrorKind;
use quick_xml::events::{BytesStart, Event};
use std::io::Write;
use std::process::{Command, Stdio};
use unicode_width::UnicodeWidthStr;

/// `source.converted_by` of the text laid out from the word boxes.
pub const CONVERTER: &str = "pdftotext -bbox -enc UTF-8 (words laid out by govreport)";

/// `source.converted_by` of `pdftotext -layout`'s text.
pub const LAYOUT: &str = "pdftotext -layout -enc UTF-8";

/// A text made of a PDF.
#[derive(Debug, Clone)]
pub struct PdfText {
    /// The text.
    pub text: String,
    /// How it was made ([`CONVERTER`] or [`LAYOUT`]).
    pub by: &'static str,
    /// True when it sets a column per character whatever the glyph's width
    /// (`pdftotext -layout`); false when its columns are display columns.
    pub chars: bool,
}

/// The text of a PDF laid out from its word boxes ([`lay_out`]).
/// [`ErrorKind::NoPdfToText`] when `pdftotext` is not on the PATH.
pub fn laid_out(bytes: &[u8]) -> Result<PdfText, ErrorKind> {
    let boxes = run(bytes, "-bbox")?;
    let pages = words(&boxes).map_err(ErrorKind::PdfToText)?;
    Ok(PdfText {
        text: lay_out(&pages),
        by: CONVERTER,
        chars: false,
    })
}

/// The text of a PDF as `pdftotext -layout` sets it.
pub fn layout(bytes: &[u8]) -> Result<PdfText, ErrorKind> {
    Ok(PdfText {
        text: String::from_utf8_lossy(&run(bytes, "-layout")?).into_owned(),
        by: LAYOUT,
        chars: true,
    })
}

/// The error of a PDF none of whose texts holds a word.
pub fn no_text() -> ErrorKind {
    ErrorKind::PdfToText("no text in the PDF (a scan needs OCR first)".into())
}

/// `pdftotext MODE -enc UTF-8 - -` on `bytes`: its standard output;
/// [`ErrorKind::NoPdfToText`] when `pdftotext` is not on the PATH.
fn run(bytes: &[u8], mode: &str) -> Result<Vec<u8>, ErrorKind> {
    if !on_path("pdftotext") {
        return Err(ErrorKind::NoPdfToText);
    }
    let mut child = Command::new("pdftotext")
        .args([mode, "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ErrorKind::PdfToText(e.to_string()))?;
    // feed stdin from a thread so a large output cannot block the write
    let input = bytes.to_vec();
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            let _ = s.write_all(&input);
        }
    });
    let out = child
        .wait_with_output()
        .map_err(|e| ErrorKind::PdfToText(e.to_string()))?;
    let _ = writer.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().next().unwrap_or("").trim();
        return Err(ErrorKind::PdfToText(format!("{} ({first})", out.status)));
    }
    Ok(out.stdout)
}

/// True when an executable named `name` is in a directory of `PATH`.
pub fn on_path(name: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| {
        std::env::split_paths(&p).any(|d| {
            let f = d.join(name);
            f.is_file()
        })
    })
}

/// A word on a page: its box in points (y grows down the page) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// The word's characters.
    pub text: String,
}

impl Word {
    fn middle(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }
}

/// The words of each page of `pdftotext -bbox`'s XHTML (`<page>` holding `<word xMin=…
/// yMin=… xMax=… yMax=…>text</word>`).
pub fn words(xhtml: &[u8]) -> Result<Vec<Vec<Word>>, String> {
    let mut r = quick_xml::Reader::from_reader(xhtml);
    let mut buf = Vec::new();
    let mut pages: Vec<Vec<Word>> = Vec::new();
    let mut word: Option<Word> = None;
    while let Some(ev) = crate::docx::next_event(&mut r, &mut buf, "its word boxes")? {
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "page" => pages.push(Vec::new()),
                "word" => word = boxed(&e),
                _ => {}
            },
            Event::Text(t) => {
                if let Some(w) = word.as_mut() {
                    w.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) => {
                if let Some(w) = word.as_mut() {
                    crate::docx::push_reference(&g, &mut w.text);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "word" => {
                if let (Some(w), Some(page)) = (word.take(), pages.last_mut())
                    && !w.text.trim().is_empty()
                {
                    page.push(w);
                }
            }
            _ => {}
        }
    }
    Ok(pages)
}

/// A `<word>` element's box, with empty text.
fn boxed(e: &BytesStart<'_>) -> Option<Word> {
    let mut at = [None; 4];
    for a in e.attributes().flatten() {
        let k = match a.key.local_name().as_ref() {
            "xMin" => 0,
            "yMin" => 1,
            "xMax" => 2,
            "yMax" => 3,
            _ => continue,
        };
        at[k] = a.value.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    Some(Word {
        x0: at[0]?,
        y0: at[1]?,
        x1: at[2]?,
        y1: at[3]?,
        text: String::new(),
    })
}

/// The pages as text: each line the words whose middles stand level (within a third of
/// a CJK character's height), each word at the display column its left edge gives, one
/// column per half a CJK character (so a CJK text takes the columns it covers on the
/// page), measured from the leftmost word of the document; a blank line where the page
/// leaves more than one and a half lines' space; a form feed before each page but the
/// first, as `pdftotext` writes.
pub fn lay_out(pages: &[Vec<Word>]) -> String {
    let unit = column_width(pages);
    let left = pages
        .iter()
        .flatten()
        .map(|w| w.x0)
        .fold(f64::INFINITY, f64::min);
    let mut out = String::new();
    for (p, page) in pages.iter().enumerate() {
        if p > 0 {
            out.push('\u{c}');
        }
        let lines = lines_of(page, unit);
        let pitch = median(
            lines
                .windows(2)
                .map(|w| w[1].0 - w[0].0)
                .filter(|&d| d > 0.0)
                .collect(),
        )
        .unwrap_or(f64::INFINITY);
        for (i, (mid, words)) in lines.iter().enumerate() {
            if i > 0 && mid - lines[i - 1].0 > 1.5 * pitch {
                out.push('\n');
            }
            let mut end = 0usize;
            let mut prev: Option<&Word> = None;
            for w in words {
                let at = ((w.x0 - left) / unit).round().max(0.0) as usize;
                // a word touching the one before it (punctuation set tight) joins it
                let col = match prev {
                    None => at,
                    Some(q) if w.x0 - q.x1 < unit / 2.0 => end,
                    Some(_) => at.max(end + 1),
                };
                for _ in end..col {
                    out.push(' ');
                }
                out.push_str(&w.text);
                end = col + w.text.width();
                prev = Some(w);
            }
            out.push('\n');
        }
    }
    out
}

/// One display column in points: half the median width of a CJK character where the
/// document has words of them, else the median width of a word's display column.
fn column_width(pages: &[Vec<Word>]) -> f64 {
    let per = |wide: bool| -> Vec<f64> {
        pages
            .iter()
            .flatten()
            .filter(|w| {
                let n = w.text.chars().count();
                let cols = w.text.width();
                n > 0 && cols > 0 && (!wide || cols == 2 * n)
            })
            .map(|w| (w.x1 - w.x0) / w.text.width() as f64)
            .filter(|&u| u > 0.0)
            .collect()
    };
    median(per(true))
        .or_else(|| median(per(false)))
        .filter(|&u| u > 0.0)
        .unwrap_or(3.0)
}

/// The page's lines, top to bottom: (middle, words left to right). A word joins the line
/// above when its middle lies within `0.6 × unit` (a third of a CJK character) of the
/// line's first word's: text in one row set in fonts of different heights stays one line.
fn lines_of(page: &[Word], unit: f64) -> Vec<(f64, Vec<&Word>)> {
    let mut sorted: Vec<&Word> = page.iter().collect();
    sorted.sort_by(|a, b| {
        a.middle()
            .total_cmp(&b.middle())
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut lines: Vec<(f64, Vec<&Word>)> = Vec::new();
    for w in sorted {
        match lines.last_mut() {
            Some((mid, ws)) if (w.middle() - *mid).abs() < 0.6 * unit => ws.push(w),
            _ => lines.push((w.middle(), vec![w])),
        }
    }
    for (_, ws) in &mut lines {
        ws.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(x0: f64, y0: f64, x1: f64, y1: f64, text: &str) -> Word {
        Word {
            x0,
            y0,
            x1,
            y1,
            text: text.into(),
        }
    }

    #[test]
    fn word_boxes_are_read_with_their_text() {
        let xhtml = r#"<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><doc>
  <page width="595.9" height="841.9">
    <word xMin="33.7" yMin="25.1" xMax="117.7" yMax="56.3">当前位置</word>
    <word xMin="120.4" yMin="25.1" xMax="127.1" yMax="56.3">&gt;</word>
  </page>
  <page width="595.9" height="841.9">
    <word xMin="10" yMin="20" xMax="30" yMax="40">A&amp;B</word>
  </page>
</doc></body></html>"#;
        let pages = words(xhtml.as_bytes()).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0][1], word(120.4, 25.1, 127.1, 56.3, ">"));
        assert_eq!(pages[1][0].text, "A&B");
    }

    /// A value set at its column's left edge stands under the column's label whatever
    /// the text before it on its line: long CJK labels do not push it (as
    /// `pdftotext -layout` does, counting a character per column).
    #[test]
    fn values_stand_under_their_labels_whatever_precedes_them() {
        // CJK characters 12 points wide: a display column is 6 points
        let page = vec![
            word(30.0, 100.0, 78.0, 130.0, "信息内容"),
            word(150.0, 100.0, 198.0, 130.0, "本年制发"),
            word(270.0, 100.0, 318.0, 130.0, "现行有效"),
            word(30.0, 130.0, 138.0, 160.0, "一个很长的行政规范"),
            word(270.0, 136.0, 283.0, 148.0, "12"),
            word(30.0, 160.0, 54.0, 190.0, "规章"),
            word(150.0, 166.0, 156.0, 178.0, "3"),
        ];
        let text = lay_out(&[page]);
        let lines: Vec<&str> = text.lines().collect();
        let col = |l: &str, w: &str| l[..l.find(w).unwrap()].width();
        assert_eq!(col(lines[0], "现行有效"), col(lines[1], "12"));
        assert_eq!(col(lines[0], "本年制发"), col(lines[2], "3"));
        assert_eq!(col(lines[0], "信息内容"), 0);
    }

    /// Words of one row in fonts of different heights (a digit in a Latin font beside
    /// one in a CJK font) are one line; the lines of a label wrapped above and below them
    /// are others.
    #[test]
    fn a_row_in_mixed_fonts_is_one_line() {
        let page = vec![
            word(30.0, 217.0, 126.0, 244.3, "一、本年新收政府"),
            word(30.0, 235.0, 126.0, 262.3, "信息公开申请数量"),
            word(290.0, 226.0, 295.8, 253.3, "2"),
            word(331.0, 236.6, 336.2, 248.3, "0"),
            word(536.0, 236.6, 546.6, 248.3, "13"),
        ];
        let text = lay_out(&[page]);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert_eq!(lines[0], "一、本年新收政府");
        assert!(
            lines[1].starts_with('2') && lines[1].ends_with("13"),
            "{text}"
        );
        assert_eq!(lines[2], "信息公开申请数量");
    }

    /// Pages are separated by form feeds; punctuation set tight against a word joins it.
    #[test]
    fn pages_break_and_tight_words_join() {
        let p1 = vec![
            word(30.0, 100.0, 126.0, 130.0, "条例》"),
            word(124.0, 100.0, 148.0, 130.0, "（以"),
        ];
        let p2 = vec![word(30.0, 100.0, 54.0, 130.0, "规章")];
        let text = lay_out(&[p1, p2]);
        assert_eq!(text, "条例》（以\n\u{c}规章\n");
    }
}
