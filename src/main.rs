//! The `gazet` command: serve, extract, batch, gazetteer tools and evaluation.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "gazet",
    version,
    about = "Named-entity extraction for French text: states, regions, firms, institutions"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the gazet.v1 gRPC API.
    Serve(gazet::serve::ServeArgs),
    /// Print every mention of a text as JSON Lines.
    Extract(gazet::cli::extract::ExtractArgs),
    /// Run over many documents and write tables and a report.
    Batch(gazet::batch::BatchArgs),
    /// Check, describe or list a gazetteer.
    #[command(subcommand)]
    Gazetteer(gazet::cli::gazetteer::GazetteerCommand),
    /// Score extraction against gold annotations.
    Eval(gazet::cli::eval::EvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => gazet::serve::run(args),
        Command::Extract(args) => gazet::cli::extract::run(args),
        Command::Batch(args) => gazet::batch::run(args),
        Command::Gazetteer(command) => gazet::cli::gazetteer::run(command),
        Command::Eval(args) => gazet::cli::eval::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("gazet: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
