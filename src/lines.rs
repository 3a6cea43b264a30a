//! Stage 2: text -> numbered lines. Splits on LF, CRLF and lone CR; keeps each line's
//! printed text (terminator removed) and its byte offset in the decoded text.

/// One physical line of the decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub no: u32,
    /// Byte offset of the line's first character in the decoded text.
    pub start: usize,
    /// The line without its terminator.
    pub text: String,
}

impl Line {
    /// True when the line holds nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        crate::normalize::trim(&self.text).is_empty()
    }
}

/// Splits `text` into lines. A final terminator does not start an empty line.
///
/// ```
/// let lines = govreport::lines::split_lines("a\r\nb\rc\n");
/// let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
/// assert_eq!(texts, ["a", "b", "c"]);
/// ```
pub fn split_lines(text: &str) -> Vec<Line> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0usize, 0usize);
    while let Some(off) = memchr::memchr2(b'\r', b'\n', &b[i..]) {
        let j = i + off;
        out.push(Line {
            no: out.len() as u32 + 1,
            start,
            text: text[start..j].to_string(),
        });
        i = if b[j] == b'\r' && b.get(j + 1) == Some(&b'\n') {
            j + 2
        } else {
            j + 1
        };
        start = i;
    }
    if start < b.len() {
        out.push(Line {
            no: out.len() as u32 + 1,
            start,
            text: text[start..].to_string(),
        });
    }
    out
}
