//! `gazet serve`: the gazet.v1 gRPC service.
//!
//! - [`service`] holds the handlers of `gazet.v1.Gazet` and `gazet.v1.GazetAdmin`;
//! - [`convert`] every conversion and validation between the messages and the engine;
//! - [`engine`] the engine served and its hot reload;
//! - [`auth`] the optional bearer-token auth;
//! - [`layers`] deadlines, the request timeout, the concurrency limit and message-size
//!   errors.
//!
//! Alongside: `grpc.health.v1` (always open, never held back by the concurrency limit),
//! server reflection v1, gzip both ways, a global concurrency limit, optional TLS, graceful
//! shutdown on SIGINT/SIGTERM and reload on SIGHUP.

pub mod auth;
pub mod convert;
pub mod engine;
pub mod layers;
pub mod service;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tonic::codec::CompressionEncoding;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Identity, Server, ServerTlsConfig};
use tonic_health::ServingStatus;

use crate::cli::GazetteerArgs;
use crate::proto::v1::gazet_admin_server::GazetAdminServer;
use crate::proto::v1::gazet_server::GazetServer;
use auth::Auth;
use engine::{Engine, Hot, Source};
use service::{AdminService, GazetService, Limits, State};

const MIB: usize = 1024 * 1024;

/// `gazet serve` flags. Every flag can also be set by its environment variable.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to listen on (port 0: any free port, printed at start).
    #[arg(long, default_value = "127.0.0.1:50051", env = "GAZET_ADDR")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub gazetteers: GazetteerArgs,

    /// Maximum size of one gRPC message, in bytes, both ways: larger requests, and calls
    /// whose answer would be larger, get RESOURCE_EXHAUSTED.
    #[arg(long, value_name = "BYTES", default_value_t = 32 * MIB, env = "GAZET_MAX_MESSAGE_BYTES")]
    pub max_message_bytes: usize,

    /// Maximum text of one document, in bytes; longer texts get INVALID_ARGUMENT.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * MIB, env = "GAZET_MAX_TEXT_BYTES")]
    pub max_text_bytes: usize,

    /// Maximum number of calls served at once; further calls wait for a slot (within
    /// their deadline). Health checks never wait.
    #[arg(long, value_name = "N", default_value_t = 256, env = "GAZET_CONCURRENCY_LIMIT")]
    pub concurrency_limit: usize,

    /// Longest time a call may take until its answer starts, whatever its deadline.
    #[arg(long, value_name = "MS", default_value_t = 60_000, env = "GAZET_REQUEST_TIMEOUT_MS")]
    pub request_timeout_ms: u64,

    /// On SIGINT/SIGTERM, how long in-flight calls and streams may still run.
    #[arg(long, value_name = "MS", default_value_t = 30_000, env = "GAZET_SHUTDOWN_GRACE_MS")]
    pub shutdown_grace_ms: u64,

    /// Texts up to this size are extracted on the I/O worker, longer ones on the blocking
    /// pool.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024, env = "GAZET_INLINE_BYTES", hide = true)]
    pub inline_bytes: usize,

    /// TLS certificate chain (PEM); with --tls-key, serves over TLS.
    #[arg(long, value_name = "PEM", env = "GAZET_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// TLS private key (PEM).
    #[arg(long, value_name = "PEM", env = "GAZET_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// File of accepted bearer tokens, one per line: every call but health checks must
    /// carry `authorization: Bearer <token>`.
    #[arg(long, value_name = "FILE", env = "GAZET_AUTH_TOKEN_FILE")]
    pub auth_token_file: Option<PathBuf>,

    /// Log format on standard error.
    #[arg(long, value_enum, default_value = "text", env = "GAZET_LOG_FORMAT")]
    pub log_format: LogFormat,

    /// Log filter, in tracing's env-filter syntax (`info`, `gazet=debug`, ...).
    #[arg(long, value_name = "FILTER", default_value = "info", env = "GAZET_LOG")]
    pub log: String,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Everything a server needs besides its listener.
#[derive(Clone)]
pub struct Config {
    pub source: Source,
    pub max_message_bytes: usize,
    pub max_text_bytes: usize,
    pub inline_bytes: usize,
    pub concurrency_limit: usize,
    pub request_timeout: Duration,
    pub shutdown_grace: Duration,
    /// PEM certificate chain and key.
    pub tls: Option<(Vec<u8>, Vec<u8>)>,
    pub auth: Auth,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            source: Source::Embedded,
            max_message_bytes: 32 * MIB,
            max_text_bytes: 16 * MIB,
            inline_bytes: 64 * 1024,
            concurrency_limit: 256,
            request_timeout: Duration::from_secs(60),
            shutdown_grace: Duration::from_secs(30),
            tls: None,
            auth: Auth::default(),
        }
    }
}

impl Config {
    pub fn from_args(args: &ServeArgs) -> anyhow::Result<Config> {
        anyhow::ensure!(args.concurrency_limit > 0, "--concurrency-limit must be at least 1");
        anyhow::ensure!(args.max_message_bytes > 0, "--max-message-bytes must be at least 1");
        let tls = match (&args.tls_cert, &args.tls_key) {
            (Some(cert), Some(key)) => Some((
                std::fs::read(cert).with_context(|| format!("cannot read TLS certificate {}", cert.display()))?,
                std::fs::read(key).with_context(|| format!("cannot read TLS key {}", key.display()))?,
            )),
            _ => None,
        };
        Ok(Config {
            source: args.gazetteers.gazetteers.clone().map_or(Source::Embedded, Source::Dir),
            max_message_bytes: args.max_message_bytes,
            max_text_bytes: args.max_text_bytes,
            inline_bytes: args.inline_bytes,
            concurrency_limit: args.concurrency_limit,
            request_timeout: Duration::from_millis(args.request_timeout_ms),
            shutdown_grace: Duration::from_millis(args.shutdown_grace_ms),
            tls,
            auth: args.auth_token_file.as_deref().map(Auth::from_file).transpose()?.unwrap_or_default(),
        })
    }
}

/// A server running on the current tokio runtime.
pub struct Running {
    pub addr: SocketAddr,
    pub state: Arc<State>,
    shutdown: watch::Sender<bool>,
    task: JoinHandle<anyhow::Result<()>>,
}

impl Running {
    /// Graceful shutdown: stop accepting, let in-flight calls and streams finish (within
    /// the grace period), then return.
    pub async fn shutdown(self) -> anyhow::Result<()> {
        let _ = self.shutdown.send(true);
        self.task.await.context("the server task failed")?
    }
}

/// Starts serving on `listener`. With `engine`, serves it (tests share one); otherwise
/// loads `config.source` first.
pub async fn start(config: Config, listener: TcpListener, engine: Option<Arc<Engine>>) -> anyhow::Result<Running> {
    let engine = match engine {
        Some(engine) => engine,
        None => {
            let source = config.source.clone();
            let loaded = tokio::task::spawn_blocking(move || Engine::load(&source)).await?;
            Arc::new(loaded.with_context(|| format!("cannot load the gazetteers ({})", config.source))?)
        }
    };
    let addr = listener.local_addr()?;
    let state = Arc::new(State {
        engines: Hot::new(engine.clone()),
        limits: Limits {
            max_text_bytes: config.max_text_bytes,
            max_message_bytes: config.max_message_bytes,
            inline_bytes: config.inline_bytes,
        },
    });

    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_service_status("", ServingStatus::Serving).await;
    health.set_service_status("gazet.v1.Gazet", ServingStatus::Serving).await;
    health.set_service_status("gazet.v1.GazetAdmin", ServingStatus::Serving).await;

    let gazet = GazetServer::new(GazetService { state: state.clone() })
        .accept_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Gzip)
        .max_decoding_message_size(config.max_message_bytes)
        .max_encoding_message_size(config.max_message_bytes);
    let admin = GazetAdminServer::new(AdminService { state: state.clone() })
        .accept_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Gzip)
        .max_decoding_message_size(config.max_message_bytes)
        .max_encoding_message_size(config.max_message_bytes);
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(crate::proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()
        .context("cannot build the reflection service")?;

    let mut builder = Server::builder();
    if let Some((cert, key)) = &config.tls {
        builder = builder
            .tls_config(ServerTlsConfig::new().identity(Identity::from_pem(cert, key)))
            .context("invalid TLS certificate or key")?;
    }
    let router = builder
        .layer(layers::CallLayer::new(config.request_timeout, config.concurrency_limit))
        .add_service(health_service)
        .add_service(InterceptedService::new(gazet, config.auth.clone()))
        .add_service(InterceptedService::new(admin, config.auth.clone()))
        .add_service(InterceptedService::new(reflection, config.auth.clone()));

    let (shutdown, mut signalled) = watch::channel(false);
    let mut grace_signal = shutdown.subscribe();
    let incoming = TcpIncoming::from(listener).with_nodelay(Some(true));
    let grace = config.shutdown_grace;
    let serve = router.serve_with_incoming_shutdown(incoming, async move {
        let _ = signalled.wait_for(|&s| s).await;
        health.set_service_status("", ServingStatus::NotServing).await;
        health.set_service_status("gazet.v1.Gazet", ServingStatus::NotServing).await;
        tracing::info!("shutting down: no new connections, waiting for the calls in flight");
    });
    let task = tokio::spawn(async move {
        tokio::select! {
            result = serve => result.context("the server failed"),
            _ = async {
                let _ = grace_signal.wait_for(|&s| s).await;
                tokio::time::sleep(grace).await;
            } => {
                tracing::warn!(grace_ms = grace.as_millis() as u64, "shutdown grace period over, dropping the calls still in flight");
                Ok(())
            }
        }
    });
    let g = engine.extractor.gazetteer();
    tracing::info!(
        %addr,
        source = %engine.source,
        content_hash = g.content_hash(),
        entities = g.len(),
        tls = config.tls.is_some(),
        auth = config.auth.is_on(),
        "gazet serving"
    );
    Ok(Running { addr, state, shutdown, task })
}

/// `gazet serve`.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    init_logging(args.log_format, &args.log)?;
    let config = Config::from_args(&args)?;
    // A server is judged by its resident memory once started, not by its start-up.
    gazet_core::build_one_part_at_a_time(true);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let mut terminate = signal(SignalKind::terminate())?;
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut hangup = signal(SignalKind::hangup())?;
        let listener = TcpListener::bind(args.addr).await.with_context(|| format!("cannot listen on {}", args.addr))?;
        let running = start(config, listener, None).await?;
        // The one line on standard output: where to connect (useful with port 0).
        println!("gazet: listening on {}", running.addr);
        let state = running.state.clone();
        loop {
            tokio::select! {
                _ = terminate.recv() => break,
                _ = interrupt.recv() => break,
                _ = hangup.recv() => {
                    tracing::info!("SIGHUP: reloading the gazetteers");
                    let _ = state.engines.reload().await;
                }
            }
        }
        // A second signal stops at once.
        tokio::select! {
            result = running.shutdown() => result?,
            _ = terminate.recv() => tracing::warn!("second signal: stopping now"),
            _ = interrupt.recv() => tracing::warn!("second signal: stopping now"),
        }
        tracing::info!("gazet stopped");
        Ok(ExitCode::SUCCESS)
    })
}

fn init_logging(format: LogFormat, filter: &str) -> anyhow::Result<()> {
    let filter =
        tracing_subscriber::EnvFilter::try_new(filter).with_context(|| format!("bad --log filter {filter:?}"))?;
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi);
    let result = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().with_current_span(true).with_span_list(false).try_init(),
    };
    result.map_err(|e| anyhow::anyhow!("cannot set up logging: {e}"))
}
