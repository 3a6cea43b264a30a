//! The `govreport` command line: flags, files, output. The library does the parsing;
//! each subcommand lives in its own module under `src/cli/`.

mod cli;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "govreport",
    version,
    about = "Turn government reports delivered as text into checked, analysable data",
    after_help = cli::EXIT_STATUS_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse reports into the govreport/1 document model.
    #[command(after_help = cli::EXIT_STATUS_HELP)]
    Parse(cli::parse::Args),
    /// Check the arithmetic the report's template requires (勾稽关系); exit 1 on a failure.
    #[command(after_help = cli::EXIT_STATUS_HELP)]
    Check(cli::check::Args),
    /// One row per report, one column per stable template key, as CSV.
    #[command(after_help = cli::EXIT_STATUS_HELP)]
    Panel(cli::panel::Args),
    /// Convert whole folders of reports into one output folder (JSON Lines, CSV, manifest).
    #[command(after_help = cli::EXIT_STATUS_HELP)]
    Convert(cli::convert::Args),
    /// The codebook: every panel key with its template, printed Chinese labels and unit.
    Keys(cli::KeysArgs),
    /// Print the JSON Schema of the document model.
    Schema,
}

/// Parsing allocates many small strings (labels, cells, paths) and frees them per
/// document; mimalloc serves that pattern faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Parse(args) => cli::parse::run(args),
        Command::Check(args) => cli::check::run(args),
        Command::Panel(args) => cli::panel::run(args),
        Command::Convert(args) => cli::convert::run(args),
        Command::Keys(args) => cli::keys(args),
        Command::Schema => cli::schema(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let (code, quiet) = cli::exit_status(&e);
            if !quiet {
                eprintln!("govreport: {e:#}");
            }
            ExitCode::from(code)
        }
    }
}
