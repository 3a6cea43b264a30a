//! Integration tests of batch conversion (issue 6), one module per area:
//!
//! - [`convert`]: `govreport convert` through the binary — outputs, order, determinism
//!   across thread counts, and one test per kind of bad input;
//! - [`hostile`]: inputs built to make the parser slow or panic finish, and quickly;
//! - [`props`]: property tests of the library (no panic, line coverage, round trip);
//! - [`stream`]: `govreport parse - --format jsonl` as a streaming map step.
//!
//! These modules are meant to move under the single `tests/main.rs` binary (STYLE.md);
//! they live in `tests/batch/` so that cargo does not also build each as its own binary.

#[path = "batch/convert.rs"]
mod convert;
#[path = "batch/hostile.rs"]
mod hostile;
#[path = "batch/props.rs"]
mod props;
#[path = "batch/stream.rs"]
mod stream;
