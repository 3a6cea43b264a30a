//! Integration tests of the flattening styles (issue 4). When `tests/main.rs` lands,
//! `mod styles;` moves there and this file goes.

mod styles;
