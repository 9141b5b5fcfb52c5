//! Compiles `proto/gazet/v1/gazet.proto` into the tonic client and server of
//! `gazet::proto`, with `protox` (pure Rust): no system `protoc` is needed.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let proto = "proto/gazet/v1/gazet.proto";
    println!("cargo:rerun-if-changed={proto}");
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    let fds = protox::compile([proto], ["proto"])?;
    // The descriptor set is embedded for server reflection.
    std::fs::write(out.join("gazet_descriptor.bin"), prost::Message::encode_to_vec(&fds))?;
    tonic_prost_build::configure().build_client(true).build_server(true).compile_fds(fds)?;
    Ok(())
}
