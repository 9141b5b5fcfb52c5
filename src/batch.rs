//! `gazet batch`: runs over many documents. (Being built: see issue 5.)

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct BatchArgs {}

pub fn run(_args: BatchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("gazet batch is not built yet")
}
