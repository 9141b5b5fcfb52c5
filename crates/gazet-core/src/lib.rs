//! gazet-core: the French gazetteer matching engine.
//!
//! Data flows one way: original text -> [`normalize`] (folded text and a map back) -> one
//! Aho-Corasick automaton over the compiled surface forms (template surfaces filled by
//! their slot are reached from their stem, see [`compile`]) -> resolution
//! (boundaries, case policy, overlaps, ambiguity) -> [`Mention`]s -> co-occurrence
//! ([`cooccur`]).
//!
//! The crate is synchronous and has no I/O beyond reading a gazetteer folder.
//!
//! ```
//! use gazet_core::{Extractor, ExtractOptions};
//! let engine = Extractor::embedded().unwrap();
//! let text = "La République du Bélarus et le Kazakhstan.";
//! let found = engine.extract(text, &ExtractOptions::default());
//! let ids: Vec<&str> = found.mentions.iter().map(|m| engine.gazetteer().entity(m.entity).id.as_str()).collect();
//! assert_eq!(ids, ["iso3166-1:BY", "iso3166-1:KZ"]);
//! ```

mod boundaries;
mod bytes;
mod case;
pub mod compile;
pub mod cooccur;
#[cfg(feature = "embedded")]
mod embedded;
pub mod eval;
pub mod extract;
pub mod gazetteer;
pub mod inflect;
pub mod normalize;
pub mod places;
pub mod sentences;
pub mod unlisted;
pub mod urls;
mod words;

pub use compile::{build_one_part_at_a_time, CompileStats, EngineConfig, Form};
pub use cooccur::{Aggregate, CoUnit};
pub use extract::{ExtractOptions, Extraction, Extractor, Mention, MentionRecord};
pub use gazetteer::{Entity, EntityIdx, Gazetteer, GazetteerError, Kind};
