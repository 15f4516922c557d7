//! The `argmap` binary: parses the command line and hands it to the library.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = argmap::app::args::Cli::parse();
    let code = argmap::app::run(
        cli,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
