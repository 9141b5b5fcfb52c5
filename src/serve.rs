//! `gazet serve`: the gazet.v1 gRPC service. (Being built: see issue 4.)

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {}

pub fn run(_args: ServeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("gazet serve is not built yet")
}
