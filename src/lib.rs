//! The `gazet` application: CLI commands, the gRPC service and batch runs over the
//! `gazet-core` engine.

pub mod batch;
pub mod cli;
pub mod proto;
pub mod serve;
