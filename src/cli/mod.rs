//! Subcommands of the binary. Files, threads and progress live here, never in the library.

pub mod check;
pub mod input;
pub mod panel;
pub mod parse;

use govreport::Document;
use std::process::ExitCode;

/// `govreport schema`: the JSON Schema of the document model.
pub fn schema() -> anyhow::Result<ExitCode> {
    let schema = schemars::schema_for!(Document);
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(ExitCode::SUCCESS)
}

/// Opens `-o FILE` or standard output, buffered.
pub fn output(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn std::io::Write>> {
    use anyhow::Context as _;
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}
