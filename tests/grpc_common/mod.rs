//! Shared by the gRPC tests: the book, its paragraphs and chapters, a small gazetteer,
//! in-process servers and clients.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use gazet::proto::v1::gazet_admin_client::GazetAdminClient;
use gazet::proto::v1::gazet_client::GazetClient;
use gazet::serve::engine::{Engine, Source};
use gazet::serve::{Config, Running};
use tonic::transport::{Channel, Endpoint};

pub const BOOK_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/book-dev.txt");

pub fn book() -> &'static str {
    static BOOK: OnceLock<String> = OnceLock::new();
    BOOK.get_or_init(|| std::fs::read_to_string(BOOK_PATH).expect("tests/fixtures/book-dev.txt"))
}

/// The book cut at line ends into pieces of at least `size` bytes.
pub fn pieces(size: usize) -> Vec<&'static str> {
    let text = book();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        if i + 1 - start >= size {
            out.push(&text[start..i + 1]);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// ~1 KB paragraphs of the book.
pub fn paragraphs() -> Vec<&'static str> {
    pieces(1000)
}

/// The embedded default engine, loaded once per test binary.
pub fn engine() -> Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    ENGINE.get_or_init(|| Arc::new(Engine::load(&Source::Embedded).expect("embedded gazetteers"))).clone()
}

pub const HEADER: &str = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tacronyms\tadjectives\n";

/// A small gazetteer folder: Belarus and Kazakhstan, plus `extra` rows.
pub fn write_gazetteer(dir: &Path, extra: &str) {
    let rows = format!(
        "{HEADER}\
iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus|Belarus|République du Bélarus\tRB\tbiélorusse\n\
iso3166-1:KZ\tSTATE\tcountry\tKazakhstan\t\t\t0.9\tRépublique du Kazakhstan\t\tkazakhstanais\n\
{extra}"
    );
    std::fs::write(dir.join("states.tsv"), rows).unwrap();
}

/// Starts an in-process server on an ephemeral port.
pub async fn start(config: Config, engine: Option<Arc<Engine>>) -> Running {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let engine = match (&config.source, engine) {
        (Source::Embedded, None) => Some(self::engine()),
        (_, engine) => engine,
    };
    gazet::serve::start(config, listener, engine).await.expect("server starts")
}

pub async fn channel(addr: SocketAddr) -> Channel {
    Endpoint::from_shared(format!("http://{addr}")).unwrap().connect().await.expect("connect")
}

pub async fn client(addr: SocketAddr) -> GazetClient<Channel> {
    GazetClient::new(channel(addr).await).max_decoding_message_size(256 << 20).max_encoding_message_size(256 << 20)
}

pub async fn admin(addr: SocketAddr) -> GazetAdminClient<Channel> {
    GazetAdminClient::new(channel(addr).await)
}
