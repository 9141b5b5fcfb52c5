//! The gazet.v1 API, generated at build time from `proto/gazet/v1/gazet.proto`: messages,
//! the tonic clients (`v1::gazet_client::GazetClient`, `v1::gazet_admin_client::GazetAdminClient`)
//! and servers.

/// Package `gazet.v1`.
#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod v1 {
    tonic::include_proto!("gazet.v1");
}

/// The encoded `FileDescriptorSet` of `gazet.proto`, served by server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazet_descriptor.bin"));
