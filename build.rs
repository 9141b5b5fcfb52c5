//! Compiles `proto/gazet/v1/gazet.proto` into the tonic client and server of
//! `gazet::proto`, with `protox` (pure Rust): no system `protoc` is needed.
//!
//! And compiles the embedded default gazetteers into the image the binary starts from
//! (`gazet::embedded_engine`): the surfaces inflected, folded, grouped and ranked here once
//! rather than at every start, and the files parsed into a snapshot of the gazetteer. The
//! script is rebuilt, and so rerun, whenever gazet-core or the gazetteers change.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let proto = "proto/gazet/v1/gazet.proto";
    println!("cargo:rerun-if-changed={proto}");
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    let fds = protox::compile([proto], ["proto"])?;
    // The descriptor set is embedded for server reflection.
    std::fs::write(out.join("gazet_descriptor.bin"), prost::Message::encode_to_vec(&fds))?;
    tonic_prost_build::configure().build_client(true).build_server(true).compile_fds(fds)?;

    let engine = gazet_core::Extractor::embedded().map_err(|e| format!("the embedded gazetteers are invalid: {e}"))?;
    std::fs::write(out.join("compiled_gazetteers.image"), engine.image())?;
    std::fs::write(out.join("gazetteer.snapshot"), engine.gazetteer().to_snapshot())?;
    Ok(())
}
