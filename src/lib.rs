//! The `gazet` application: CLI commands, the gRPC service and batch runs over the
//! `gazet-core` engine.

pub mod batch;
pub mod cli;
pub mod memory;
pub mod proto;
pub mod serve;

use gazet_core::{EngineConfig, Extractor, Gazetteer, GazetteerError};

/// The embedded default gazetteers compiled when this binary was built (`build.rs`).
static COMPILED_GAZETTEERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/compiled_gazetteers.image"));

/// The same gazetteers as loaded when this binary was built, their files parsed and their
/// templates expanded (`build.rs`).
static GAZETTEER_SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.snapshot"));

/// The engine over the embedded default gazetteers, started from the image compiled when
/// the binary was built and the gazetteer loaded then: only the automaton is built at
/// start-up, while the gazetteer is read back from its snapshot. A snapshot or an image
/// that does not fit (it cannot, short of a build bug) is reported on stderr, and the
/// gazetteer files are parsed or compiled as for a folder.
pub fn embedded_engine() -> Result<Extractor, GazetteerError> {
    let load = || {
        let read = Gazetteer::from_snapshot(GAZETTEER_SNAPSHOT);
        memory::release_embedded_pages(GAZETTEER_SNAPSHOT);
        read.or_else(|reason| {
            eprintln!("gazet: warning: parsed the embedded gazetteer files at start-up: {reason}");
            Gazetteer::embedded()
        })
    };
    let loaded = Extractor::load_with_image(COMPILED_GAZETTEERS, EngineConfig::default(), load);
    memory::release_embedded_pages(COMPILED_GAZETTEERS);
    let (engine, refused) = loaded?;
    if let Some(reason) = refused {
        eprintln!("gazet: warning: compiled the embedded gazetteers at start-up: {reason}");
    }
    Ok(engine)
}

/// Runs `work` (an extraction), turning a panic into an error that says so: a bug the
/// engine may still have on some text then fails that one call (INTERNAL) or that one
/// document of a batch, not the connection it came on or the whole run. The engine is
/// shared read-only, so nothing is left half-changed by the unwinding.
pub fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        format!("the engine failed on this text (a bug, please report it): {message}")
    })
}

#[cfg(test)]
mod tests {
    use super::{guarded, Gazetteer, GAZETTEER_SNAPSHOT};

    /// The snapshot built into the binary is the gazetteer its embedded files make: same
    /// files, same entities, same ids.
    #[test]
    fn the_built_in_snapshot_is_the_embedded_gazetteer() {
        let snapshot = Gazetteer::from_snapshot(GAZETTEER_SNAPSHOT).expect("the built-in snapshot reads");
        let parsed = Gazetteer::embedded().unwrap();
        assert_eq!(snapshot.content_hash(), parsed.content_hash());
        assert_eq!(snapshot.len(), parsed.len());
        let ids = |g: &Gazetteer| g.entities().iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&snapshot), ids(&parsed));
    }

    /// The embedded engine drops the pages of its image and snapshot once read: a reload
    /// of the embedded gazetteers reads them back whole.
    #[test]
    fn the_embedded_engine_loads_again_after_its_pages_are_dropped() {
        let first = super::embedded_engine().expect("the embedded engine builds");
        let again = super::embedded_engine().expect("and builds again");
        assert_eq!(first.gazetteer().content_hash(), again.gazetteer().content_hash());
        let snapshot = Gazetteer::from_snapshot(GAZETTEER_SNAPSHOT).expect("the snapshot reads again");
        assert_eq!(snapshot.content_hash(), first.gazetteer().content_hash());
        let text = "La Biélorussie et le Kazakhstan.";
        let options = gazet_core::ExtractOptions::default();
        assert_eq!(first.extract(text, &options).mentions, again.extract(text, &options).mentions);
        assert_eq!(again.extract(text, &options).mentions.len(), 2);
    }

    #[test]
    fn a_panic_becomes_an_error_that_names_it() {
        assert_eq!(guarded(|| 7), Ok(7));
        let error = guarded(|| -> u32 { panic!("index 9 out of range") }).unwrap_err();
        assert!(error.contains("the engine failed") && error.contains("index 9 out of range"), "{error}");
        let formatted = guarded(|| -> u32 { panic!("{} bytes", 12) }).unwrap_err();
        assert!(formatted.ends_with("12 bytes"), "{formatted}");
    }
}
