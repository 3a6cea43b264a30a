//! Subcommands of the binary. Files, threads and progress live here, never in the library.

pub mod check;
pub mod convert;
pub mod input;
pub mod panel;
pub mod parse;

use govreport::Document;
use std::path::Path;
use std::process::ExitCode;

/// Bad usage found after the flags were read (a bad pattern, an output that is an
/// input): exit status 2, as clap's own usage errors.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Refuses, as bad usage, an output file that is one of the inputs: writing it would
/// empty it before it is read. "The same" means the same file (device and inode, or the
/// platform's equivalent), so another name for it (`./x.txt`, a hard link, a symlink) is
/// caught too; `-` is compared with the file standard input reads. An output that does
/// not exist yet cannot be an input.
pub fn refuse_output_among_inputs<'a>(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a str>,
) -> anyhow::Result<()> {
    let Some(out) = output.filter(|o| o.as_os_str() != "-") else {
        return Ok(());
    };
    let Ok(out_handle) = same_file::Handle::from_path(out) else {
        return Ok(());
    };
    for input in inputs {
        let handle = if input == "-" {
            same_file::Handle::stdin()
        } else {
            same_file::Handle::from_path(input)
        };
        if handle.is_ok_and(|h| h == out_handle) {
            let input = if input == "-" {
                "standard input"
            } else {
                input
            };
            return Err(Usage(format!(
                "{}: the output is also an input ({input}); writing it would destroy the input",
                out.display()
            ))
            .into());
        }
    }
    Ok(())
}

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
