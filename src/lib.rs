//! The `gazet` application: CLI commands, the gRPC service and batch runs over the
//! `gazet-core` engine.

pub mod batch;
pub mod cli;
pub mod proto;
pub mod serve;

use gazet_core::{EngineConfig, Extractor, Gazetteer, GazetteerError};

/// The embedded default gazetteers compiled when this binary was built (`build.rs`).
static COMPILED_GAZETTEERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/compiled_gazetteers.image"));

/// The engine over the embedded default gazetteers, started from the image compiled when
/// the binary was built: only the automaton is built at start-up, while the gazetteer
/// files are parsed. An image that does not fit (it cannot, short of a build bug) is
/// reported on stderr and the gazetteers are compiled as for a folder.
pub fn embedded_engine() -> Result<Extractor, GazetteerError> {
    let (engine, refused) =
        Extractor::load_with_image(COMPILED_GAZETTEERS, EngineConfig::default(), Gazetteer::embedded)?;
    if let Some(reason) = refused {
        eprintln!("gazet: warning: compiled the embedded gazetteers at start-up: {reason}");
    }
    Ok(engine)
}
