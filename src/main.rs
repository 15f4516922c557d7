//! The `argmap` binary: the command line ([`cli`]) over the argmap library.

mod cli;

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::args::Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version: clap's own text, nothing from the user in it.
        Err(e) if !e.use_stderr() => e.exit(),
        // A usage error quotes what was typed (a rule, a focus id, a file name): shown
        // with its control characters made visible, like everything argmap prints.
        Err(e) => {
            let text = e.render().to_string();
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(argmap::present::escape::visible(&text).as_bytes());
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let code = cli::run_on(
        cli,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
        cli::Terminals::of_process(),
    );
    ExitCode::from(code)
}
