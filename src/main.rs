//! The `argmap` binary: the command line ([`cli`]) over the argmap library. `main` only
//! calls [`cli::run`].

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
