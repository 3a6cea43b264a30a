//! The `govreport` command line: flags, files, output. The library does the parsing;
//! each subcommand lives in its own module under `src/cli/`.

mod cli;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// `--version`: the program's version and the schema of its output.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (schema govreport/1)");

#[derive(Parser)]
#[command(
    name = "govreport",
    version = VERSION,
    about = "Turn government reports delivered as text into checked, analysable data",
    after_help = cli::EXIT_STATUS_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print nothing on standard error but errors that stop the run: no message per failed
    /// input, no progress, no summary (the exit status still tells).
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
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
    /// List the tables of each report: id, template table key, lines, size, style, title.
    Tables(cli::tables::Args),
    /// The codebook: every panel key with its template, printed Chinese labels and unit.
    Keys(cli::KeysArgs),
    /// Print the JSON Schema of the document model.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `govreport man > govreport.1`.
    Man,
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
    cli::set_quiet(cli.quiet);
    let result = match cli.command {
        Command::Parse(args) => cli::parse::run(args),
        Command::Check(args) => cli::check::run(args),
        Command::Panel(args) => cli::panel::run(args),
        Command::Convert(args) => cli::convert::run(args),
        Command::Keys(args) => cli::keys(args),
        Command::Tables(args) => cli::tables::run(args),
        Command::Schema => cli::schema(),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "govreport", &mut out);
            cli::print(&out)
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => cli::print(&out),
                Err(e) => Err(e.into()),
            }
        }
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
