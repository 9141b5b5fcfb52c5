//! `--endpoint URL`: extraction on running gazet servers (gazet.v1 `Extract`), with
//! client-side load balancing.
//!
//! Each endpoint gets one HTTP/2 channel. A request goes to the endpoint with the fewest
//! requests in flight (ties broken round-robin); a request refused as UNAVAILABLE is tried
//! once on each other endpoint. The gazetteer is loaded locally only to name entities: the
//! servers must use the same one (checked with `Info` at start, by content hash), so that
//! both paths give identical outputs.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;
use gazet_core::cooccur::{EntityCount, PairCount};
use gazet_core::{CoUnit, EntityIdx, ExtractOptions, Extraction, Form, Gazetteer, Kind, Mention};
use tonic::transport::{Channel, Endpoint};

use super::run::Backend;
use crate::proto::v1 as pb;
use crate::proto::v1::gazet_client::GazetClient;

/// Messages up to this size both ways (the server has its own limits).
const MAX_MESSAGE: usize = 256 << 20;

struct Server {
    url: String,
    client: GazetClient<Channel>,
    in_flight: AtomicUsize,
}

pub struct Remote {
    servers: Vec<Server>,
    next: AtomicUsize,
    gazetteer: Gazetteer,
    runtime: tokio::runtime::Runtime,
    token: Option<String>,
}

fn pb_kind(kind: Kind) -> pb::Kind {
    match kind {
        Kind::State => pb::Kind::State,
        Kind::Region => pb::Kind::Region,
        Kind::Firm => pb::Kind::Firm,
        Kind::Institution => pb::Kind::Institution,
    }
}

fn form(value: i32) -> Result<Form, String> {
    Ok(match pb::Form::try_from(value) {
        Ok(pb::Form::Name) => Form::Name,
        Ok(pb::Form::Acronym) => Form::Acronym,
        Ok(pb::Form::Adjective) => Form::Adjective,
        Ok(pb::Form::Demonym) => Form::Demonym,
        Ok(pb::Form::Prefix) => Form::Prefix,
        _ => return Err(format!("the server sent an unknown form {value}")),
    })
}

impl Remote {
    /// Connects to every endpoint and checks that they use `gazetteer`.
    pub fn connect(urls: &[String], gazetteer: Gazetteer, token: Option<String>) -> anyhow::Result<Remote> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .context("cannot start the gRPC client runtime")?;
        let mut servers = Vec::with_capacity(urls.len());
        for url in urls {
            let url = if url.contains("://") { url.clone() } else { format!("http://{url}") };
            let endpoint = Endpoint::from_shared(url.clone())
                .with_context(|| format!("bad --endpoint {url}"))?
                .connect_timeout(Duration::from_secs(10))
                .tcp_nodelay(true)
                .http2_adaptive_window(true);
            let channel = runtime
                .block_on(endpoint.connect())
                .with_context(|| format!("cannot connect to the gazet server at {url}"))?;
            let mut client =
                GazetClient::new(channel).max_decoding_message_size(MAX_MESSAGE).max_encoding_message_size(MAX_MESSAGE);
            let info = runtime
                .block_on(client.info(with_token(pb::InfoRequest {}, token.as_deref())))
                .map_err(|s| anyhow::anyhow!("{url}: Info failed: {}: {}", s.code(), s.message()))?
                .into_inner();
            anyhow::ensure!(
                info.content_hash == gazetteer.content_hash(),
                "the server at {url} uses gazetteers {} but the local ones are {}: pass the same --gazetteers \
                 to gazet batch as to gazet serve",
                info.content_hash,
                gazetteer.content_hash()
            );
            servers.push(Server { url, client, in_flight: AtomicUsize::new(0) });
        }
        anyhow::ensure!(!servers.is_empty(), "no --endpoint given");
        Ok(Remote { servers, next: AtomicUsize::new(0), gazetteer, runtime, token })
    }

    pub fn urls(&self) -> Vec<String> {
        self.servers.iter().map(|s| s.url.clone()).collect()
    }

    /// The least loaded server, ties broken round-robin.
    fn pick(&self) -> usize {
        let n = self.servers.len();
        let first = self.next.fetch_add(1, Ordering::Relaxed) % n;
        (0..n)
            .map(|k| (first + k) % n)
            .min_by_key(|&i| self.servers[i].in_flight.load(Ordering::Relaxed))
            .unwrap_or(first)
    }

    fn call(&self, server: usize, request: pb::ExtractRequest) -> Result<pb::ExtractResponse, tonic::Status> {
        let s = &self.servers[server];
        s.in_flight.fetch_add(1, Ordering::Relaxed);
        let mut client = s.client.clone();
        let result = self.runtime.block_on(client.extract(with_token(request, self.token.as_deref())));
        s.in_flight.fetch_sub(1, Ordering::Relaxed);
        result.map(|r| r.into_inner())
    }

    fn convert(&self, response: pb::ExtractResponse) -> Result<Extraction, String> {
        let g = &self.gazetteer;
        let idx = |id: &str| g.lookup(id).ok_or_else(|| format!("the server named an unknown entity {id:?}"));
        let mut mentions = Vec::with_capacity(response.mentions.len());
        for m in response.mentions {
            mentions.push(Mention {
                start: m.start as usize,
                end: m.end as usize,
                char_start: m.char_start as usize,
                char_end: m.char_end as usize,
                utf16: None,
                entity: idx(&m.entity_id)?,
                form: form(m.form)?,
                alternatives: m.alternatives.iter().map(|a| idx(a)).collect::<Result<Vec<EntityIdx>, String>>()?,
                word: 0,
            });
        }
        let mut entities = Vec::with_capacity(response.entities.len());
        for e in response.entities {
            entities.push(EntityCount { entity: idx(&e.entity_id)?, mentions: e.mentions, units: e.units });
        }
        let mut pairs = Vec::with_capacity(response.pairs.len());
        for p in response.pairs {
            let (a, b) = (idx(&p.a)?, idx(&p.b)?);
            pairs.push(PairCount { a: a.min(b), b: a.max(b), count: p.count });
        }
        Ok(Extraction { mentions, entities, pairs, units: response.units })
    }
}

fn with_token<T>(message: T, token: Option<&str>) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    if let Some(value) = token.and_then(|t| format!("Bearer {t}").parse().ok()) {
        request.metadata_mut().insert("authorization", value);
    }
    request
}

fn options(o: &ExtractOptions) -> pb::ExtractOptions {
    let (unit, window_words) = match o.unit {
        CoUnit::Sentence => (pb::CoUnit::Sentence, 0),
        CoUnit::Document => (pb::CoUnit::Document, 0),
        CoUnit::Window(n) => (pb::CoUnit::Window, n),
    };
    pb::ExtractOptions {
        kinds: o.kinds.iter().map(|&k| pb_kind(k) as i32).collect(),
        unit: unit as i32,
        window_words,
        min_pair_count: o.min_pair_count,
        overlap: if o.overlapping { pb::OverlapMode::All } else { pb::OverlapMode::Longest } as i32,
        alternatives: Some(o.alternatives),
        utf16_offsets: o.utf16,
    }
}

impl Backend for Remote {
    fn extract(&self, text: &str, o: &ExtractOptions) -> Result<Extraction, String> {
        let request = pb::ExtractRequest { text: text.to_owned(), options: Some(options(o)) };
        let first = self.pick();
        let n = self.servers.len();
        let mut last = None;
        for k in 0..n {
            let server = (first + k) % n;
            match self.call(server, request.clone()) {
                Ok(response) => return self.convert(response),
                Err(status) => {
                    let retry = status.code() == tonic::Code::Unavailable;
                    last = Some(format!(
                        "gRPC error from {}: {:?}: {}",
                        self.servers[server].url,
                        status.code(),
                        status.message()
                    ));
                    if !retry {
                        break;
                    }
                }
            }
        }
        Err(last.unwrap_or_else(|| "no server".into()))
    }

    fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}
