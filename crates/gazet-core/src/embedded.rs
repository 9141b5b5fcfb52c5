//! The default gazetteers, embedded at build time (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded_gazetteers.rs"));
