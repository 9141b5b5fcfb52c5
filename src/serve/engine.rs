//! The engine a server serves, and its hot reload.
//!
//! Every call takes one `Arc<Engine>` at its start and uses it to the end (a stream keeps
//! its engine for its whole life), so no call ever sees a half state: a reload builds a
//! complete new engine beside the old one, then swaps the pointer.

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{Instant, SystemTime};

use arc_swap::ArcSwap;
use gazet_core::normalize::fold_surface;
use gazet_core::{EngineConfig, EntityIdx, Extractor, Form, Gazetteer, GazetteerError};

/// Where the gazetteers come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Embedded,
    Dir(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Embedded => f.write_str("embedded"),
            Source::Dir(dir) => write!(f, "{}", dir.display()),
        }
    }
}

/// One loaded gazetteer, compiled, with its search indexes (built on first use).
pub struct Engine {
    pub extractor: Extractor,
    pub source: Source,
    pub loaded_at: SystemTime,
    search: OnceLock<SearchIndex>,
    info: OnceLock<crate::proto::v1::InfoResponse>,
}

impl Engine {
    /// Loads and compiles the gazetteers of `source`. CPU-bound: call it off the async
    /// runtime.
    pub fn load(source: &Source) -> Result<Engine, GazetteerError> {
        let extractor = match source {
            Source::Embedded => crate::embedded_engine()?,
            Source::Dir(dir) => Extractor::new(Gazetteer::load_dir(dir)?, EngineConfig::default())?,
        };
        crate::memory::release_free_heap();
        Ok(Engine::new(extractor, source.clone()))
    }

    pub fn new(extractor: Extractor, source: Source) -> Engine {
        Engine { extractor, source, loaded_at: SystemTime::now(), search: OnceLock::new(), info: OnceLock::new() }
    }

    /// The Info answer, computed once (an engine never changes).
    pub fn info(&self) -> &crate::proto::v1::InfoResponse {
        self.info.get_or_init(|| super::convert::info(self))
    }

    pub fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(&self.extractor))
    }
}

/// The engine now serving, swapped atomically on reload.
pub struct Hot {
    current: ArcSwap<Engine>,
    /// One reload at a time.
    reloading: tokio::sync::Mutex<()>,
}

/// A successful reload.
pub struct Reloaded {
    pub previous: Arc<Engine>,
    pub current: Arc<Engine>,
}

impl Hot {
    pub fn new(engine: Arc<Engine>) -> Hot {
        Hot { current: ArcSwap::new(engine), reloading: tokio::sync::Mutex::new(()) }
    }

    /// The engine to use for one whole call.
    pub fn current(&self) -> Arc<Engine> {
        self.current.load_full()
    }

    /// Builds a new engine from the current engine's source beside the old one, and swaps
    /// it in. On error the old engine keeps serving.
    pub async fn reload(&self) -> Result<Reloaded, GazetteerError> {
        let _guard = self.reloading.lock().await;
        let previous = self.current();
        let source = previous.source.clone();
        let started = Instant::now();
        let built = tokio::task::spawn_blocking(move || Engine::load(&source)).await.map_err(|e| GazetteerError {
            file: previous.source.to_string(),
            line: 0,
            column: None,
            value: None,
            message: format!("the reload task failed: {e}"),
        })?;
        match built {
            Ok(engine) => {
                let current = Arc::new(engine);
                self.current.store(current.clone());
                tracing::info!(
                    source = %current.source,
                    previous_hash = previous.extractor.gazetteer().content_hash(),
                    content_hash = current.extractor.gazetteer().content_hash(),
                    entities = current.extractor.gazetteer().len(),
                    millis = started.elapsed().as_millis() as u64,
                    "gazetteers reloaded"
                );
                Ok(Reloaded { previous, current })
            }
            Err(error) => {
                tracing::warn!(source = %previous.source, %error, "reload rejected, the previous gazetteers keep serving");
                Err(error)
            }
        }
    }
}

/// One searchable surface: folded bytes, entity, form and the surface as written.
struct Entry {
    folded: Box<[u8]>,
    entity: EntityIdx,
    form: Form,
    surface: Box<str>,
}

/// Sorted surfaces for SearchEntities: names (canonical names, names, acronyms) for prefix
/// search, and every compiled form for surface search.
pub struct SearchIndex {
    names: Vec<Entry>,
    forms: Vec<Entry>,
}

/// One search result.
pub struct Hit<'a> {
    pub entity: EntityIdx,
    pub matched: &'a str,
    pub form: Form,
}

impl SearchIndex {
    fn build(extractor: &Extractor) -> SearchIndex {
        let mut names = Vec::new();
        for (i, e) in extractor.gazetteer().entities().iter().enumerate() {
            let entity = EntityIdx(i as u32);
            let mut push = |text: &str, form: Form| {
                let folded = fold_surface(text).into_boxed_slice();
                if !folded.is_empty() {
                    names.push(Entry { folded, entity, form, surface: text.into() });
                }
            };
            push(&e.name, Form::Name);
            e.names.iter().for_each(|s| push(&s.text, Form::Name));
            e.acronyms.iter().for_each(|s| push(&s.text, Form::Acronym));
        }
        let mut forms: Vec<Entry> = extractor
            .compiled()
            .forms()
            .map(|(folded, v)| Entry {
                folded: folded.into(),
                entity: v.entity,
                form: v.form,
                surface: v.surface.clone(),
            })
            .collect();
        let order = |a: &Entry, b: &Entry| a.folded.cmp(&b.folded).then(a.entity.cmp(&b.entity));
        names.sort_by(order);
        forms.sort_by(order);
        SearchIndex { names, forms }
    }

    /// Entities one of whose names starts with `query` (folded), each once, in order of
    /// folded name then gazetteer order; `keep` filters entities.
    pub fn prefix(&self, query: &str, keep: impl Fn(EntityIdx) -> bool) -> Vec<Hit<'_>> {
        let q = fold_surface(query);
        let from = self.names.partition_point(|e| *e.folded < *q);
        let range = self.names[from..].iter().take_while(|e| e.folded.starts_with(&q));
        dedup(range, keep)
    }

    /// Entities one of whose compiled forms is `query` (folded).
    pub fn surface(&self, query: &str, keep: impl Fn(EntityIdx) -> bool) -> Vec<Hit<'_>> {
        let q = fold_surface(query);
        let from = self.forms.partition_point(|e| *e.folded < *q);
        let range = self.forms[from..].iter().take_while(|e| *e.folded == *q);
        dedup(range, keep)
    }
}

fn dedup<'a>(entries: impl Iterator<Item = &'a Entry>, keep: impl Fn(EntityIdx) -> bool) -> Vec<Hit<'a>> {
    let mut seen = std::collections::HashSet::new();
    entries
        .filter(|e| keep(e.entity) && seen.insert(e.entity))
        .map(|e| Hit { entity: e.entity, matched: &e.surface, form: e.form })
        .collect()
}
