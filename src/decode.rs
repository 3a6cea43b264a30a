//! Stage 1: bytes -> text. Detects the encoding (BOM, then strict UTF-8, then a
//! statistical guess between GB18030 and Big5) and the line-ending convention.
//!
//! Guarantees: never fails. Bytes that are invalid in the chosen encoding are replaced by
//! U+FFFD and every line that received a replacement is reported.

use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// A caller's choice of encoding (`--encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// Detect from the bytes.
    #[default]
    Auto,
    /// UTF-8.
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// Big5.
    Big5,
    /// UTF-16; the byte order is taken from a BOM, else from the bytes (the order whose
    /// decoding has fewer invalid units, then more CJK and ASCII text).
    Utf16,
    /// UTF-16, little-endian (a BOM of that order is removed).
    Utf16Le,
    /// UTF-16, big-endian (a BOM of that order is removed).
    Utf16Be,
}

impl std::str::FromStr for EncodingChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" => Ok(Self::Auto),
            "utf-8" | "utf8" => Ok(Self::Utf8),
            "gb18030" | "gbk" | "gb2312" => Ok(Self::Gb18030),
            "big5" => Ok(Self::Big5),
            "utf-16" | "utf16" => Ok(Self::Utf16),
            "utf-16le" | "utf16le" => Ok(Self::Utf16Le),
            "utf-16be" | "utf16be" => Ok(Self::Utf16Be),
            other => Err(format!(
                "unknown encoding '{other}' (expected auto, utf-8, gb18030, big5, utf-16, utf-16le or utf-16be)"
            )),
        }
    }
}

/// The decoded text and how it was obtained.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, BOM removed, line endings untouched.
    pub text: String,
    /// `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`.
    pub encoding: &'static str,
    /// `bom`, `valid`, `guessed` or `forced`.
    pub confidence: &'static str,
    /// 1-based numbers of lines that contained undecodable bytes.
    pub replaced_lines: Vec<u32>,
}

/// Decodes `bytes` as `choice` says.
///
/// ```
/// use govreport::decode::{decode, EncodingChoice};
/// let gb = encoding_rs::GB18030.encode("一、总体情况").0;
/// let d = decode(&gb, EncodingChoice::Auto);
/// assert_eq!(d.text, "一、总体情况");
/// assert_eq!(d.encoding, "gb18030");
/// ```
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Decoded {
    let bom = Encoding::for_bom(bytes);
    let (enc, confidence, body): (&'static Encoding, &'static str, &[u8]) = match choice {
        EncodingChoice::Auto => match bom {
            Some((enc, len)) => (enc, "bom", &bytes[len..]),
            None if std::str::from_utf8(bytes).is_ok() => (UTF_8, "valid", bytes),
            None if mostly_utf8(bytes) => (UTF_8, "guessed", bytes),
            None => (guess(bytes), "guessed", bytes),
        },
        EncodingChoice::Utf8 => (UTF_8, "forced", strip_bom(bytes, bom, UTF_8)),
        EncodingChoice::Gb18030 => (GB18030, "forced", bytes),
        EncodingChoice::Big5 => (BIG5, "forced", bytes),
        EncodingChoice::Utf16 => match bom {
            Some((enc, len)) if enc == UTF_16BE || enc == UTF_16LE => {
                (enc, "forced", &bytes[len..])
            }
            _ => (utf16_order(bytes), "forced", bytes),
        },
        EncodingChoice::Utf16Le => (UTF_16LE, "forced", strip_bom(bytes, bom, UTF_16LE)),
        EncodingChoice::Utf16Be => (UTF_16BE, "forced", strip_bom(bytes, bom, UTF_16BE)),
    };
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    let text = text.into_owned();
    let replaced_lines = if had_errors {
        lines_with_replacement(&text)
    } else {
        Vec::new()
    };
    Decoded {
        text,
        encoding: name(enc),
        confidence,
        replaced_lines,
    }
}

/// Which line-ending convention the text uses: `lf`, `crlf`, `cr`, `mixed` or `none`.
pub fn line_ending(text: &str) -> &'static str {
    let b = text.as_bytes();
    let (mut lf, mut crlf, mut cr) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr2(b'\r', b'\n', &b[i..]) {
        let j = i + off;
        if b[j] == b'\r' {
            if b.get(j + 1) == Some(&b'\n') {
                crlf += 1;
                i = j + 2;
                continue;
            }
            cr += 1;
        } else {
            lf += 1;
        }
        i = j + 1;
    }
    match (lf > 0, crlf > 0, cr > 0) {
        (false, false, false) => "none",
        (true, false, false) => "lf",
        (false, true, false) => "crlf",
        (false, false, true) => "cr",
        _ => "mixed",
    }
}

fn strip_bom<'a>(
    bytes: &'a [u8],
    bom: Option<(&'static Encoding, usize)>,
    want: &'static Encoding,
) -> &'a [u8] {
    match bom {
        Some((enc, len)) if enc == want => &bytes[len..],
        _ => bytes,
    }
}

/// The byte order of UTF-16 without a BOM: the one whose decoding has fewer invalid
/// units, then more characters of text (ASCII letters, digits and punctuation, CJK).
/// Reading Chinese UTF-16 in the wrong order gives code points all over the planes, few
/// of them CJK.
fn utf16_order(bytes: &[u8]) -> &'static Encoding {
    let score = |enc: &'static Encoding| {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let (mut bad, mut good) = (0usize, 0usize);
        for c in text.chars() {
            match c {
                '\u{FFFD}' => bad += 1,
                '\t'
                | '\n'
                | '\r'
                | ' '..='~'
                | '\u{3000}'..='\u{303F}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{FF00}'..='\u{FFEF}' => good += 1,
                _ => {}
            }
        }
        (std::cmp::Reverse(bad), good)
    };
    if score(UTF_16BE) > score(UTF_16LE) {
        UTF_16BE
    } else {
        UTF_16LE
    }
}

/// UTF-8 text with a few bad bytes (a file cut in the middle of a character, a stray
/// byte): far more valid multi-byte characters than invalid sequences. Legacy Chinese
/// encodings read as UTF-8 give about as many invalid sequences as characters, so a
/// ratio of 20 keeps them apart; without this, one cut character made the whole
/// file decode as GB18030 mojibake.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut wide, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| c.len_utf8() >= 3).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    wide > 0 && wide >= 20 * bad
}

/// Chooses between the legacy Chinese encodings. chardetng is trained on web content and
/// tells GBK from Big5 well; anything else it proposes is mapped to GB18030, the most
/// common legacy encoding of these reports.
fn guess(bytes: &[u8]) -> &'static Encoding {
    // GBK text almost always has trail bytes Big5 does not allow (0x80-0xA0): when it is
    // valid GB18030 and not valid Big5 there is nothing to weigh. chardetng reads ~10 MB/s,
    // a strict decode some hundreds.
    if BIG5
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_none()
        && GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    {
        return GB18030;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    if enc == BIG5 { BIG5 } else { GB18030 }
}

fn name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "utf-8"
    } else if enc == UTF_16LE {
        "utf-16le"
    } else if enc == UTF_16BE {
        "utf-16be"
    } else if enc == BIG5 {
        "big5"
    } else {
        "gb18030"
    }
}

fn lines_with_replacement(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if line.contains('\u{FFFD}') {
            out.push(i as u32 + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "一、总体情况\n（一）主动公开。本年度新收申请12件。\n";

    #[test]
    fn utf8_without_bom_is_valid() {
        let d = decode(SAMPLE.as_bytes(), EncodingChoice::Auto);
        assert_eq!((d.encoding, d.confidence), ("utf-8", "valid"));
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn utf8_bom_is_removed() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&b, EncodingChoice::Auto);
        assert_eq!((d.encoding, d.confidence), ("utf-8", "bom"));
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn utf16_both_orders() {
        for (bom, be) in [([0xFF, 0xFE], false), ([0xFE, 0xFF], true)] {
            let mut b = bom.to_vec();
            for u in SAMPLE.encode_utf16() {
                let x = if be { u.to_be_bytes() } else { u.to_le_bytes() };
                b.extend_from_slice(&x);
            }
            let d = decode(&b, EncodingChoice::Auto);
            assert_eq!(d.text, SAMPLE);
            assert_eq!(d.encoding, if be { "utf-16be" } else { "utf-16le" });
        }
    }

    #[test]
    fn gb18030_and_big5_are_guessed() {
        let gb = GB18030.encode(SAMPLE).0;
        let d = decode(&gb, EncodingChoice::Auto);
        assert_eq!((d.encoding, d.confidence), ("gb18030", "guessed"));
        assert_eq!(d.text, SAMPLE);
        let trad =
            "一、總體情況\n（一）主動公開政府資訊。本年度新收申請十二件，已經全部辦理完畢。\n";
        let b5 = BIG5.encode(trad).0;
        let d = decode(&b5, EncodingChoice::Auto);
        assert_eq!(d.encoding, "big5");
        assert_eq!(d.text, trad);
    }

    #[test]
    fn bad_bytes_are_replaced_and_reported() {
        let mut b = "第一行\n".as_bytes().to_vec();
        b.extend_from_slice(&[0x81, 0xFF, b'\n']);
        let d = decode(&b, EncodingChoice::Utf8);
        assert_eq!(d.replaced_lines, vec![2]);
    }

    #[test]
    fn cut_utf8_stays_utf8() {
        let text = SAMPLE.repeat(3);
        let cut = &text.as_bytes()[..text.len() - 2];
        let d = decode(cut, EncodingChoice::Auto);
        assert_eq!((d.encoding, d.confidence), ("utf-8", "guessed"));
        assert_eq!(d.replaced_lines, vec![6]);
        let mut stray = text.as_bytes().to_vec();
        stray.insert(4 * 3, 0xFF);
        let d = decode(&stray, EncodingChoice::Auto);
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.starts_with("一、总体\u{FFFD}情况"));
        // GB18030 is not mistaken for damaged UTF-8
        let gb = GB18030.encode(&text).0;
        assert_eq!(decode(&gb, EncodingChoice::Auto).encoding, "gb18030");
    }

    #[test]
    fn line_endings() {
        assert_eq!(line_ending("a\nb\n"), "lf");
        assert_eq!(line_ending("a\r\nb\r\n"), "crlf");
        assert_eq!(line_ending("a\rb"), "cr");
        assert_eq!(line_ending("a\r\nb\n"), "mixed");
        assert_eq!(line_ending("a"), "none");
    }
}
