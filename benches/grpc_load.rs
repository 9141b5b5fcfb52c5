//! Load generator of the gazet.v1 service: calls/s and p50/p99 latency of Extract on ~1 KB
//! paragraphs of the dev book at 1, 16 and 64 concurrent calls, side by side with Info
//! (the cost of gRPC itself) on the same server; the whole dev book in one Extract; the
//! resident memory of the server process.
//!
//! `cargo bench --bench grpc_load` (release build of `gazet serve`, started as a child
//! process with the embedded gazetteers). `GAZET_LOAD_SECONDS` sets the time per
//! measurement (default 3); `GAZET_LOAD_SERVER_LOG=FILE` keeps the server's log. Prints a
//! Markdown table.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gazet::proto::v1 as pb;
use gazet::proto::v1::gazet_client::GazetClient;
use tonic::transport::{Channel, Endpoint};

const BOOK: &str = include_str!("../tests/fixtures/book-dev.txt");
/// Connections the callers share (HTTP/2 multiplexes calls on each).
const CONNECTIONS: usize = 4;

/// The book cut at line ends into pieces of at least `size` bytes.
fn pieces(size: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in BOOK.match_indices('\n') {
        if i + 1 - start >= size {
            out.push(BOOK[start..i + 1].to_owned());
            start = i + 1;
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Method {
    Extract,
    Info,
}

struct Figures {
    calls_per_s: f64,
    p50_us: u64,
    p99_us: u64,
}

async fn load(
    clients: &[GazetClient<Channel>],
    paragraphs: Arc<Vec<String>>,
    method: Method,
    concurrency: usize,
    seconds: f64,
) -> Figures {
    let warmup = Duration::from_millis(500);
    let measure = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let (from, until) = (start + warmup, start + warmup + measure);
    let mut tasks = Vec::new();
    for c in 0..concurrency {
        let mut client = clients[c % clients.len()].clone();
        let paragraphs = paragraphs.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut i = c * 7919;
            loop {
                let t = Instant::now();
                if t >= until {
                    break;
                }
                match method {
                    Method::Extract => {
                        let text = paragraphs[i % paragraphs.len()].clone();
                        i += 1;
                        let r = client.extract(pb::ExtractRequest { text, options: None }).await.unwrap();
                        std::hint::black_box(r);
                    }
                    Method::Info => {
                        std::hint::black_box(client.info(pb::InfoRequest {}).await.unwrap());
                    }
                }
                if t >= from {
                    latencies.push(t.elapsed().as_micros() as u64);
                }
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all.sort_unstable();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    Figures { calls_per_s: all.len() as f64 / seconds, p50_us: pct(0.50), p99_us: pct(0.99) }
}

fn rss_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().strip_suffix("kB"))
        .map(|v| v.trim().parse().unwrap())
        .unwrap()
}

fn main() {
    let seconds: f64 = std::env::var("GAZET_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    // The engine alone, in this process, for reference.
    {
        let engine = gazet_core::Extractor::embedded().unwrap();
        let paragraphs = pieces(1000);
        let options = gazet_core::ExtractOptions::default();
        let t = Instant::now();
        let rounds = 20;
        for _ in 0..rounds {
            for p in &paragraphs {
                std::hint::black_box(engine.extract(p, &options));
            }
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / (rounds * paragraphs.len()) as f64;
        let t = Instant::now();
        for _ in 0..5 {
            std::hint::black_box(engine.extract(BOOK, &options));
        }
        let book = t.elapsed().as_secs_f64() * 1000.0 / 5.0;
        println!("Engine alone, one thread: {per:.1} µs per ~1 KB paragraph, {book:.2} ms for the whole dev book");
    }
    let mut server = Command::new(env!("CARGO_BIN_EXE_gazet"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(match std::env::var_os("GAZET_LOAD_SERVER_LOG") {
            Some(path) => Stdio::from(std::fs::File::create(path).unwrap()),
            None => Stdio::null(),
        })
        .spawn()
        .expect("gazet serve");
    let pid = server.id();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().strip_prefix("gazet: listening on ").expect("listening line").to_owned();
    let rss_idle = rss_kib(pid, "VmRSS:");

    // The client: one thread, so that the server keeps most of the two cores.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let mut clients = Vec::new();
        for _ in 0..CONNECTIONS {
            let channel = Endpoint::from_shared(format!("http://{addr}")).unwrap().connect().await.unwrap();
            clients.push(GazetClient::new(channel).max_decoding_message_size(64 << 20));
        }
        let paragraphs = Arc::new(pieces(1000));
        let mean = paragraphs.iter().map(String::len).sum::<usize>() / paragraphs.len();
        println!("{} paragraphs of {mean} bytes on average; {seconds} s per measurement\n", paragraphs.len());
        println!("| concurrent calls | Extract calls/s | Extract p50 | Extract p99 | Info calls/s | Info p50 | Info p99 | Extract/Info |");
        println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for concurrency in [1, 16, 64] {
            let e = load(&clients, paragraphs.clone(), Method::Extract, concurrency, seconds).await;
            let i = load(&clients, paragraphs.clone(), Method::Info, concurrency, seconds).await;
            let ms = |us: u64| format!("{:.2} ms", us as f64 / 1000.0);
            println!(
                "| {concurrency} | {:.0} | {} | {} | {:.0} | {} | {} | {:.0}% |",
                e.calls_per_s,
                ms(e.p50_us),
                ms(e.p99_us),
                i.calls_per_s,
                ms(i.p50_us),
                ms(i.p99_us),
                100.0 * e.calls_per_s / i.calls_per_s
            );
        }

        // The whole dev book in one call, round trip.
        let mut client = clients[0].clone();
        let mut times = Vec::new();
        let mut mentions = 0;
        for _ in 0..20 {
            let t = Instant::now();
            let r = client.extract(pb::ExtractRequest { text: BOOK.to_owned(), options: None }).await.unwrap();
            times.push(t.elapsed());
            mentions = r.into_inner().mentions.len();
        }
        times.sort();
        println!(
            "\nWhole dev book ({} bytes, {mentions} mentions) in one Extract, 20 round trips: min {:.2} ms, median {:.2} ms, max {:.2} ms",
            BOOK.len(),
            times[0].as_secs_f64() * 1000.0,
            times[10].as_secs_f64() * 1000.0,
            times[19].as_secs_f64() * 1000.0
        );
    });
    println!(
        "\nServer resident memory: {:.1} MB after start, {:.1} MB after the load (peak {:.1} MB)",
        rss_idle as f64 / 1024.0,
        rss_kib(pid, "VmRSS:") as f64 / 1024.0,
        rss_kib(pid, "VmHWM:") as f64 / 1024.0
    );
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let _ = server.wait();
}
