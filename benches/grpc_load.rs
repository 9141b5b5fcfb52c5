//! Load generator of the gazet.v1 service: calls/s and p50/p99 latency of Extract on ~1 KB
//! paragraphs of the dev book at 1, 16 and 64 concurrent calls, side by side with Info
//! (the cost of gRPC itself) on the same server; the whole dev book in one Extract; the
//! resident memory of the server process.
//!
//! `cargo bench --bench grpc_load` (release build of `gazet serve`, started as a child
//! process with the embedded gazetteers). `GAZET_LOAD_SECONDS` sets the time per
//! measurement (default 3); `GAZET_LOAD_SERVER_LOG=FILE` keeps the server's log;
//! `GAZET_LOAD_CONCURRENCY=1,16,64` picks the concurrency levels. Prints Markdown tables:
//! calls/s and latencies, then the CPU time per call of the server and of the load
//! generator (less sensitive than calls/s to other work on a shared machine).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gazet::proto::v1 as pb;
use gazet::proto::v1::gazet_client::GazetClient;
use tonic::transport::{Channel, Endpoint};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// CPU time per call over the measured window, in µs: server process, load generator.
    server_cpu_us: f64,
    client_cpu_us: f64,
}

/// CPU time (user + system) of a process so far, in clock ticks, from /proc.
fn cpu_ticks(pid: &str) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which may hold spaces): state is field 3, utime 14.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

/// Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux).
const TICKS_PER_S: f64 = 100.0;

async fn load(
    server: u32,
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
    let server = server.to_string();
    tokio::time::sleep_until(from.into()).await;
    let cpu_from = (cpu_ticks(&server), cpu_ticks("self"));
    tokio::time::sleep_until(until.into()).await;
    let cpu_until = (cpu_ticks(&server), cpu_ticks("self"));
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all.sort_unstable();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    let per_call = |ticks: u64| ticks as f64 / TICKS_PER_S * 1e6 / all.len() as f64;
    Figures {
        calls_per_s: all.len() as f64 / seconds,
        p50_us: pct(0.50),
        p99_us: pct(0.99),
        server_cpu_us: per_call(cpu_until.0 - cpu_from.0),
        client_cpu_us: per_call(cpu_until.1 - cpu_from.1),
    }
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
    // The engine alone, in this process, for reference, and what a call adds around it
    // outside the network: conversion to messages, encoding, decoding.
    {
        use prost::Message;
        let engine = gazet::serve::engine::Engine::load(&gazet::serve::engine::Source::Embedded).unwrap();
        let extractor = &engine.extractor;
        let paragraphs = pieces(1000);
        let options = gazet_core::ExtractOptions::default();
        let rounds = 20;
        let n = (rounds * paragraphs.len()) as f64;
        let time = |f: &mut dyn FnMut(&str)| {
            let t = Instant::now();
            for _ in 0..rounds {
                for p in &paragraphs {
                    f(p);
                }
            }
            t.elapsed().as_secs_f64() * 1e6 / n
        };
        let alone = time(&mut |p| {
            std::hint::black_box(extractor.extract(p, &options));
        });
        let extractions: Vec<_> = paragraphs.iter().map(|p| extractor.extract(p, &options)).collect();
        let mut k = 0;
        let convert = time(&mut |p| {
            let e = &extractions[k % extractions.len()];
            k += 1;
            std::hint::black_box(gazet::serve::convert::extraction(extractor, p, e));
        });
        let messages: Vec<pb::ExtractResponse> = paragraphs
            .iter()
            .zip(&extractions)
            .map(|(p, e)| gazet::serve::convert::extraction(extractor, p, e))
            .collect();
        let encoded: Vec<Vec<u8>> = messages.iter().map(Message::encode_to_vec).collect();
        let mut k = 0;
        let encode = time(&mut |_| {
            std::hint::black_box(messages[k % messages.len()].encode_to_vec());
            k += 1;
        });
        let mut k = 0;
        let decode = time(&mut |_| {
            std::hint::black_box(pb::ExtractResponse::decode(&encoded[k % encoded.len()][..]).unwrap());
            k += 1;
        });
        let bytes = encoded.iter().map(Vec::len).sum::<usize>() / encoded.len();
        let t = Instant::now();
        for _ in 0..5 {
            std::hint::black_box(extractor.extract(BOOK, &options));
        }
        let book = t.elapsed().as_secs_f64() * 1000.0 / 5.0;
        println!("Engine alone, one thread: {alone:.1} µs per ~1 KB paragraph, {book:.2} ms for the whole dev book");
        println!(
            "Per paragraph besides: conversion to messages {convert:.1} µs, encoding {encode:.1} µs, \
             decoding {decode:.1} µs ({bytes} bytes on average)"
        );
    }
    // GAZET_LOAD_SERVER: another build of the server to measure (A/B comparisons).
    let binary = std::env::var("GAZET_LOAD_SERVER").unwrap_or_else(|_| env!("CARGO_BIN_EXE_gazet").to_owned());
    let mut server = Command::new(binary)
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
        let levels: Vec<usize> = std::env::var("GAZET_LOAD_CONCURRENCY")
            .ok()
            .map(|s| s.split(',').map(|n| n.trim().parse().expect("GAZET_LOAD_CONCURRENCY: numbers")).collect())
            .unwrap_or_else(|| vec![1, 16, 64]);
        let mut cpu = Vec::new();
        for &concurrency in &levels {
            let e = load(pid, &clients, paragraphs.clone(), Method::Extract, concurrency, seconds).await;
            let i = load(pid, &clients, paragraphs.clone(), Method::Info, concurrency, seconds).await;
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
            cpu.push((concurrency, e, i));
        }
        println!("\nCPU time per call, µs (server process + load generator, measured window):\n");
        println!("| concurrent calls | Extract server | Extract client | Info server | Info client | Extract - Info |");
        println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (concurrency, e, i) in cpu {
            println!(
                "| {concurrency} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
                e.server_cpu_us,
                e.client_cpu_us,
                i.server_cpu_us,
                i.client_cpu_us,
                (e.server_cpu_us + e.client_cpu_us) - (i.server_cpu_us + i.client_cpu_us)
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
