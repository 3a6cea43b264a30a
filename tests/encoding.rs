//! The seed report re-encoded (GB18030, UTF-16 with BOM, UTF-8 with BOM) or with other line
//! ends must give the same document as the UTF-8 original: identical blocks, meta, checks and
//! warnings; only `source` differs, and it says what was detected.

use crate::util;
use govreport::Document;

fn seed_text() -> String {
    std::fs::read_to_string(util::seed_path()).expect("seed is UTF-8")
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// Parses `bytes` and asserts everything but `source` equals the UTF-8 seed's document,
/// and the source fields as given.
fn same_as_seed(bytes: &[u8], encoding: &str, confidence: &str, line_ending: &str) -> Document {
    let original = util::seed_doc();
    let doc = util::parse(bytes, "corpus/zhaotong-2020.txt");
    assert_eq!(
        (
            doc.source.encoding.as_str(),
            doc.source.encoding_confidence.as_str(),
            doc.source.line_ending.as_str()
        ),
        (encoding, confidence, line_ending)
    );
    assert_eq!(doc.source.bytes, bytes.len() as u64);
    assert_eq!(doc.meta, original.meta);
    assert_eq!(doc.warnings, original.warnings);
    assert_eq!(doc.checks, original.checks);
    assert_eq!(doc.blocks.len(), original.blocks.len());
    for (a, b) in doc.blocks.iter().zip(&original.blocks) {
        assert_eq!(a, b);
    }
    doc
}

#[test]
fn original_is_utf8_valid_lf() {
    let s = &util::seed_doc().source;
    assert_eq!(
        (
            s.encoding.as_str(),
            s.encoding_confidence.as_str(),
            s.line_ending.as_str()
        ),
        ("utf-8", "valid", "lf")
    );
}

#[test]
fn gb18030_is_detected() {
    let text = seed_text();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gb).is_err(),
        "the test input is not UTF-8"
    );
    let doc = same_as_seed(&gb, "gb18030", "guessed", "lf");
    assert_ne!(doc.source.sha256, util::seed_doc().source.sha256);
}

#[test]
fn utf16le_with_bom() {
    same_as_seed(&utf16(&seed_text(), false), "utf-16le", "bom", "lf");
}

#[test]
fn utf16be_with_bom() {
    same_as_seed(&utf16(&seed_text(), true), "utf-16be", "bom", "lf");
}

#[test]
fn utf8_with_bom() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(seed_text().as_bytes());
    same_as_seed(&b, "utf-8", "bom", "lf");
}

#[test]
fn crlf_line_ends() {
    let text = seed_text().replace('\n', "\r\n");
    same_as_seed(text.as_bytes(), "utf-8", "valid", "crlf");
}

#[test]
fn cr_line_ends() {
    let text = seed_text().replace('\n', "\r");
    same_as_seed(text.as_bytes(), "utf-8", "valid", "cr");
}

#[test]
fn gb18030_with_crlf() {
    let text = seed_text().replace('\n', "\r\n");
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    same_as_seed(&gb, "gb18030", "guessed", "crlf");
}
