//! The one integration test binary (STYLE.md, "One integration binary"): one module per
//! area, so `cargo test` links a single executable and the corpus is parsed once per run.
//!
//! - [`cli`]: the `govreport` binary through assert_cmd (bad input, formats, exit statuses);
//! - [`contract`]: the JSON output of every corpus file against serde types mirroring
//!   `docs/contract.md`, with `deny_unknown_fields`;
//! - [`coverage`]: every non-blank input line lies inside some block;
//! - [`encoding`]: the seed re-encoded gives the same document;
//! - [`seed`]: the structure of `corpus/zhaotong-2020.txt`, asserted field by field;
//! - [`score`]: a port of `../shared/tools/score` over every truth file, with per-file floors;
//! - [`convert`]: `govreport convert` through the binary: outputs, order, determinism across
//!   thread counts, one test per kind of bad input;
//! - [`hostile`]: inputs built to make the parser slow or panic finish, and quickly;
//! - [`props`]: property tests of the library (no panic, line coverage, round trip);
//! - [`sources`]: HTML pages, their Word, Markdown and PDF copies against the generator's
//!   truth (issue 12);
//! - [`stream`]: `govreport parse - --format jsonl` as a streaming map step.
//! - [`issue14`]: one test or more per item of issue 14, through the binary;
//! - [`parquet`]: `--format parquet` and `convert --parquet`, refused with how to build them
//!   when the cargo feature `parquet` is off (issue 15);
//! - [`styles`]: one table in every flattening style gives the same tidy values (issue 4).

mod cli;
mod contract;
mod convert;
mod coverage;
mod encoding;
mod flat;
mod hostile;
mod issue14;
mod parquet;
mod props;
mod score;
mod seed;
mod sources;
mod stream;
mod styles;
mod util;
