//! The gazet.v1 handlers. Thin: validate and convert with [`convert`], run the engine,
//! log one span per call.

use std::hash::{Hash, Hasher};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Instant;

use gazet_core::{Aggregate, ExtractOptions, Extraction};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::Stream;
use tonic::{Code, Request, Response, Status, Streaming};
use tracing::field::Empty;
use tracing::Instrument;

use super::convert;
use super::engine::{Engine, Hot};
use super::layers::too_large;
use crate::proto::v1 as pb;
use pb::gazet_admin_server::GazetAdmin;
use pb::gazet_server::Gazet;

/// Limits of the service.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Maximum text of one document, in bytes.
    pub max_text_bytes: usize,
    /// Maximum size of one message, in bytes: answers larger than this are refused.
    pub max_message_bytes: usize,
    /// Texts up to this size are extracted on the async worker itself; longer ones on the
    /// blocking pool, so that a book does not stall the calls that share its worker.
    pub inline_bytes: usize,
}

/// What every handler shares.
pub struct State {
    pub engines: Hot,
    pub limits: Limits,
}

/// The `gazet.v1.Gazet` service.
#[derive(Clone)]
pub struct GazetService {
    pub state: Arc<State>,
}

/// The `gazet.v1.GazetAdmin` service.
#[derive(Clone)]
pub struct AdminService {
    pub state: Arc<State>,
}

/// The span of one call, and its end-of-call record.
struct Call {
    span: tracing::Span,
    started: Instant,
}

impl Call {
    fn new(method: &'static str) -> Call {
        let span = tracing::info_span!(
            "rpc",
            method,
            doc_id = Empty,
            docs = Empty,
            bytes = Empty,
            mentions = Empty,
            duration_us = Empty,
            code = Empty
        );
        Call { span, started: Instant::now() }
    }

    fn record(&self, bytes: usize, mentions: usize) {
        self.span.record("bytes", bytes as u64);
        self.span.record("mentions", mentions as u64);
    }

    fn finish(&self, code: Code, error: Option<&str>) {
        self.span.record("duration_us", self.started.elapsed().as_micros() as u64);
        self.span.record("code", format!("{code:?}"));
        let _entered = self.span.enter();
        match error {
            None => tracing::info!("call done"),
            Some(message) => tracing::info!(error = message, "call failed"),
        }
    }

    fn done<T>(&self, result: Result<T, Status>) -> Result<T, Status> {
        match &result {
            Ok(_) => self.finish(Code::Ok, None),
            Err(status) => self.finish(status.code(), Some(status.message())),
        }
        result
    }
}

/// Runs the engine on one text, inline or on the blocking pool depending on its size.
async fn extract_with<T: Send + 'static>(
    engine: &Arc<Engine>,
    limits: &Limits,
    text: String,
    options: ExtractOptions,
    then: impl FnOnce(&Engine, &str, Extraction) -> T + Send + 'static,
) -> Result<T, Status> {
    let run = move |engine: &Engine, text: String| {
        let extraction = crate::guarded(|| engine.extractor.extract(&text, &options)).map_err(Status::internal)?;
        Ok(then(engine, &text, extraction))
    };
    if text.len() <= limits.inline_bytes {
        run(engine, text)
    } else {
        let engine = engine.clone();
        tokio::task::spawn_blocking(move || run(&engine, text))
            .await
            .map_err(|e| Status::internal(format!("extraction task failed: {e}")))?
    }
}

fn inbound_error(status: Status) -> Status {
    too_large(&status).unwrap_or(status)
}

/// Documents of one ExtractStream extracted at once.
const STREAM_WINDOW: usize = 8;

/// One document of an ExtractStream between the reader and the writer.
enum Pending {
    Doc {
        doc_id: String,
        bytes: usize,
        started: Instant,
        job: Job,
    },
    /// The inbound stream broke: the call ends with this status.
    Failed(Status),
}

enum Job {
    Done(Result<pb::ExtractResponse, Status>),
    Running(tokio::task::JoinHandle<Result<pb::ExtractResponse, Status>>),
}

type ExtractStreamStream = Pin<Box<dyn Stream<Item = Result<pb::ExtractStreamResponse, Status>> + Send>>;

#[tonic::async_trait]
impl Gazet for GazetService {
    async fn extract(&self, request: Request<pb::ExtractRequest>) -> Result<Response<pb::ExtractResponse>, Status> {
        let call = Call::new("Extract");
        let state = self.state.clone();
        let span = call.span.clone();
        async move {
            let request = request.into_inner();
            call.span.record("bytes", request.text.len() as u64);
            let result = async {
                convert::check_text(&request.text, state.limits.max_text_bytes, "text")?;
                let options = convert::options(request.options.as_ref(), "options")?;
                let engine = state.engines.current();
                let max = state.limits.max_message_bytes;
                extract_with(&engine, &state.limits, request.text, options, move |engine, text, extraction| {
                    convert::sized(convert::extraction(&engine.extractor, text, &extraction), max)
                })
                .await?
            }
            .await;
            if let Ok(response) = &result {
                call.span.record("mentions", response.mentions.len() as u64);
            }
            call.done(result.map(Response::new))
        }
        .instrument(span)
        .await
    }

    type ExtractStreamStream = ExtractStreamStream;

    async fn extract_stream(
        &self,
        request: Request<Streaming<pb::ExtractStreamRequest>>,
    ) -> Result<Response<Self::ExtractStreamStream>, Status> {
        let call = Call::new("ExtractStream");
        let state = self.state.clone();
        let engine = state.engines.current();
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel::<Result<pb::ExtractStreamResponse, Status>>(32);
        // Documents in flight, in request order: a few are extracted at once, and the
        // writer answers them in order.
        let (pending_tx, mut pending_rx) = mpsc::channel::<Pending>(STREAM_WINDOW);
        let span = call.span.clone();
        // Reader: validates each document in order and starts its extraction.
        tokio::spawn(
            async move {
                let mut sticky = ExtractOptions::default();
                loop {
                    let message = match inbound.message().await {
                        Ok(Some(message)) => message,
                        Ok(None) => break,
                        Err(status) => {
                            let _ = pending_tx.send(Pending::Failed(inbound_error(status))).await;
                            break;
                        }
                    };
                    let bytes = message.text.len();
                    let checked = match &message.options {
                        Some(options) => convert::options(Some(options), "options").map(|o| sticky = o),
                        None => Ok(()),
                    }
                    .and_then(|()| convert::check_text(&message.text, state.limits.max_text_bytes, "text"));
                    let job = match checked {
                        Err(status) => Job::Done(Err(status)),
                        Ok(()) => {
                            let (engine, state, options) = (engine.clone(), state.clone(), sticky.clone());
                            Job::Running(tokio::spawn(async move {
                                let max = state.limits.max_message_bytes;
                                extract_with(&engine, &state.limits, message.text, options, move |engine, text, e| {
                                    convert::sized(convert::extraction(&engine.extractor, text, &e), max)
                                })
                                .await?
                            }))
                        }
                    };
                    let doc = Pending::Doc { doc_id: message.doc_id, bytes, started: Instant::now(), job };
                    if pending_tx.send(doc).await.is_err() {
                        break;
                    }
                }
            }
            .instrument(span.clone()),
        );
        // Writer: answers in order.
        tokio::spawn(
            async move {
                let (mut docs, mut bytes, mut mentions) = (0usize, 0usize, 0usize);
                let end = loop {
                    let (doc_id, size, started, job) = match pending_rx.recv().await {
                        None => break Ok(()),
                        Some(Pending::Failed(status)) => {
                            let _ = tx.send(Err(status.clone())).await;
                            break Err(status);
                        }
                        Some(Pending::Doc { doc_id, bytes, started, job }) => (doc_id, bytes, started, job),
                    };
                    docs += 1;
                    bytes += size;
                    let result = match job {
                        Job::Done(result) => result,
                        Job::Running(handle) => handle
                            .await
                            .unwrap_or_else(|e| Err(Status::internal(format!("extraction task failed: {e}")))),
                    };
                    let outcome = match result {
                        Ok(result) => {
                            mentions += result.mentions.len();
                            tracing::debug!(
                                doc_id,
                                bytes = size,
                                mentions = result.mentions.len(),
                                duration_us = started.elapsed().as_micros() as u64,
                                "document done"
                            );
                            pb::extract_stream_response::Outcome::Result(result)
                        }
                        Err(status) => {
                            tracing::info!(doc_id, code = ?status.code(), error = status.message(), "document failed");
                            pb::extract_stream_response::Outcome::Error(pb::DocumentError {
                                code: status.code() as i32,
                                message: status.message().to_owned(),
                            })
                        }
                    };
                    let response = pb::ExtractStreamResponse { doc_id, outcome: Some(outcome) };
                    if tx.send(Ok(response)).await.is_err() {
                        break Err(Status::cancelled("the client went away"));
                    }
                };
                call.span.record("docs", docs as u64);
                call.record(bytes, mentions);
                let _ = call.done(end);
            }
            .instrument(span),
        );
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn aggregate(
        &self,
        request: Request<Streaming<pb::AggregateRequest>>,
    ) -> Result<Response<pb::AggregateResponse>, Status> {
        let call = Call::new("Aggregate");
        let state = self.state.clone();
        let span = call.span.clone();
        async move {
            let engine = state.engines.current();
            let mut inbound = request.into_inner();
            let mut total = Aggregate::default();
            let mut bytes = 0usize;
            let mut corpus_min = 1u32;
            let mut options: Option<ExtractOptions> = None;
            let result = async {
                while let Some(message) = inbound.message().await.map_err(inbound_error)? {
                    let i = total.documents;
                    let field = format!("documents[{i}] (doc_id {:?})", message.doc_id);
                    bytes += message.text.len();
                    convert::check_text(&message.text, state.limits.max_text_bytes, &format!("{field}.text"))?;
                    let this = match (&options, &message.options) {
                        (None, given) => {
                            let mut o = convert::options(given.as_ref(), &format!("{field}.options"))?;
                            corpus_min = o.min_pair_count;
                            // Every pair is kept per document; the threshold is the corpus's.
                            o.min_pair_count = 1;
                            options.insert(o).clone()
                        }
                        (Some(_), Some(_)) => {
                            return Err(convert::invalid(format!(
                                "{field}.options: only the first request of an Aggregate call may carry options"
                            )));
                        }
                        (Some(o), None) => o.clone(),
                    };
                    let extraction = extract_with(&engine, &state.limits, message.text, this, |_, _, e| e).await?;
                    total.add(&extraction);
                }
                convert::sized(
                    convert::aggregate(&engine.extractor, &total, corpus_min),
                    state.limits.max_message_bytes,
                )
            }
            .await;
            call.span.record("docs", total.documents as u64);
            call.record(bytes, total.mentions as usize);
            call.done(result.map(Response::new))
        }
        .instrument(span)
        .await
    }

    async fn get_entity(
        &self,
        request: Request<pb::GetEntityRequest>,
    ) -> Result<Response<pb::GetEntityResponse>, Status> {
        let call = Call::new("GetEntity");
        let engine = self.state.engines.current();
        let id = request.into_inner().id;
        let g = engine.extractor.gazetteer();
        let result = if id.is_empty() {
            Err(convert::invalid("id: must not be empty".into()))
        } else {
            g.lookup(&id)
                .map(|idx| Response::new(pb::GetEntityResponse { entity: Some(convert::entity(g.entity(idx))) }))
                .ok_or_else(|| Status::not_found(format!("no entity with id {id:?} in gazetteer {}", g.content_hash())))
        };
        call.done(result)
    }

    async fn search_entities(
        &self,
        request: Request<pb::SearchEntitiesRequest>,
    ) -> Result<Response<pb::SearchEntitiesResponse>, Status> {
        let call = Call::new("SearchEntities");
        let engine = self.state.engines.current();
        let result = search(&engine, request.into_inner()).map(Response::new);
        call.done(result)
    }

    async fn info(&self, _request: Request<pb::InfoRequest>) -> Result<Response<pb::InfoResponse>, Status> {
        let call = Call::new("Info");
        let engine = self.state.engines.current();
        call.done(Ok(Response::new(engine.info().clone())))
    }
}

/// Default and maximum page sizes of SearchEntities.
const PAGE_SIZE: usize = 50;
const MAX_PAGE_SIZE: usize = 1000;

fn search(engine: &Engine, r: pb::SearchEntitiesRequest) -> Result<pb::SearchEntitiesResponse, Status> {
    if gazet_core::normalize::fold_surface(&r.query).is_empty() {
        return Err(convert::invalid("query: must not be empty".into()));
    }
    let mode = pb::SearchMode::try_from(r.mode).map_err(|_| convert::unknown_enum("mode", "SearchMode", r.mode))?;
    let kinds = convert::kinds(&r.kinds, "kinds")?;
    let page_size = match r.page_size as usize {
        0 => PAGE_SIZE,
        n => n.min(MAX_PAGE_SIZE),
    };
    let g = engine.extractor.gazetteer();
    // A token is bound to its query and gazetteer.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (&r.query, r.mode, &r.kinds, g.content_hash()).hash(&mut hasher);
    let check = hasher.finish();
    let offset = if r.page_token.is_empty() {
        0
    } else {
        r.page_token
            .split_once('.')
            .and_then(|(o, c)| Some((o.parse::<usize>().ok()?, u64::from_str_radix(c, 16).ok()?)))
            .filter(|&(_, c)| c == check)
            .map(|(o, _)| o)
            .ok_or_else(|| {
                convert::invalid(
                    "page_token: not a token of this query (query, mode and kinds must not change between pages, \
                     and tokens do not survive a gazetteer reload)"
                        .into(),
                )
            })?
    };
    let keep = |idx| kinds.is_empty() || kinds.contains(&g.entity(idx).kind);
    let index = engine.search_index();
    let hits = match mode {
        pb::SearchMode::Unspecified | pb::SearchMode::NamePrefix => index.prefix(&r.query, keep),
        pb::SearchMode::Surface => index.surface(&r.query, keep),
    };
    let end = (offset + page_size).min(hits.len());
    let page = hits.get(offset..end).unwrap_or_default();
    Ok(pb::SearchEntitiesResponse {
        hits: page
            .iter()
            .map(|h| pb::SearchHit {
                entity: Some(convert::entity(g.entity(h.entity))),
                matched: h.matched.to_owned(),
                form: convert::form(h.form) as i32,
            })
            .collect(),
        next_page_token: if end < hits.len() { format!("{end}.{check:x}") } else { String::new() },
        total_size: hits.len() as u32,
    })
}

#[tonic::async_trait]
impl GazetAdmin for AdminService {
    async fn reload(&self, _request: Request<pb::ReloadRequest>) -> Result<Response<pb::ReloadResponse>, Status> {
        let call = Call::new("Reload");
        let result = match self.state.engines.reload().await {
            Ok(r) => {
                let previous = r.previous.extractor.gazetteer().content_hash().to_owned();
                let info = r.current.info().clone();
                Ok(Response::new(pb::ReloadResponse {
                    changed: info.content_hash != previous,
                    info: Some(info),
                    previous_content_hash: previous,
                }))
            }
            Err(error) => Err(Status::failed_precondition(format!(
                "the new gazetteers are invalid, the previous ones keep serving: {error}"
            ))),
        };
        call.done(result)
    }
}
