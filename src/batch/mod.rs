//! `gazet batch PATH... --out DIR`: runs over many documents and writes tables, a summary
//! and a report (issue 5).
//!
//! - `inputs`: text files, directories, JSON Lines, standard input.
//! - `split`: parts (`--split`) and footnotes vs body (`--zones`).
//! - `run`: parallel processing in input order (rayon), embedded engine or servers
//!   (`remote`, gRPC).
//! - `outputs`: mentions.jsonl, entities.csv, cooccurrence.csv, summary.json, written to
//!   temporary files and renamed at the end.
//! - `report`: report.html.
//! - `progress`: progress on stderr.

pub mod inputs;
pub mod outputs;
pub mod progress;
pub mod remote;
pub mod report;
pub mod run;
pub mod split;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use gazet_core::{CoUnit, ExtractOptions, Kind};

use crate::cli::extract::parse_kind;
use crate::cli::{load_engine, GazetteerArgs};
use inputs::{Doc, Format};
use outputs::Outputs;
use progress::Progress;
use run::{Backend, Settings};
use split::{Split, Zones};

#[derive(clap::Args, Debug)]
pub struct BatchArgs {
    /// Text files, directories of them, JSON Lines files of {"id": ..., "text": ...}
    /// documents (.jsonl, .ndjson), or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder (created if needed).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// How inputs are read: auto (JSON Lines by extension, or standard input starting
    /// with `{`), text or jsonl.
    #[arg(long, value_enum, default_value = "auto")]
    pub format: Format,
    /// Cut each document into units: none, page, chapter, blank-lines or regex:PATTERN
    /// (a unit starts at each match).
    #[arg(long, default_value = "none", value_parser = Split::parse)]
    pub split: Split,
    /// Text to keep: body text, footnotes, or all.
    #[arg(long, value_enum, default_value = "all")]
    pub zones: Zones,
    /// Co-occurrence unit inside each part: sentence, document (the whole part) or
    /// window:N.
    #[arg(long, default_value = "sentence", value_parser = CoUnit::parse)]
    pub cooccur: CoUnit,
    /// Keep only these kinds (comma-separated: STATE,REGION,FIRM,INSTITUTION).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Vec<Kind>,
    /// Leave out of cooccurrence.csv the pairs seen fewer times than this.
    #[arg(long, default_value_t = 1)]
    pub min_pair_count: u64,
    /// Gazet servers to send the documents to, instead of the embedded engine
    /// (repeatable; load-balanced).
    #[arg(long = "endpoint", value_name = "URL")]
    pub endpoints: Vec<String>,
    /// Bearer token for the servers, read from this file (as `gazet serve
    /// --auth-token-file`).
    #[arg(long, value_name = "FILE", requires = "endpoints")]
    pub auth_token_file: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Text budget of the report in bytes: documents are shown in full, in input order,
    /// while they fit.
    #[arg(long, default_value_t = 4_000_000, value_name = "BYTES")]
    pub report_text: u64,
    /// No progress on stderr (failures are still reported).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Documents are processed in batches of about this many bytes (or `MAX_BATCH_DOCS`), in
/// parallel within a batch, so memory stays bounded and outputs keep input order.
const BATCH_BYTES: u64 = 16 << 20;
const MAX_BATCH_DOCS: usize = 2048;

fn unit_name(unit: CoUnit) -> String {
    match unit {
        CoUnit::Sentence => "sentence".into(),
        CoUnit::Document => "document".into(),
        CoUnit::Window(n) => format!("window:{n}"),
    }
}

pub fn run(args: BatchArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if args.endpoints.is_empty() {
        let engine = load_engine(args.gazetteer.gazetteers.as_deref())?;
        let jobs = args.jobs.unwrap_or(0);
        return run_with(&args, engine, "embedded".into(), jobs, started);
    }
    let gazetteer = match args.gazetteer.gazetteers.as_deref() {
        Some(dir) => gazet_core::Gazetteer::load_dir(dir)
            .with_context(|| format!("cannot load gazetteers from {}", dir.display()))?,
        None => gazet_core::Gazetteer::embedded().context("the embedded gazetteers are invalid")?,
    };
    let token = match &args.auth_token_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?
                .trim()
                .to_string(),
        ),
        None => None,
    };
    let remote = remote::Remote::connect(&args.endpoints, gazetteer, token)?;
    // Workers mostly wait on the network: several requests in flight per server.
    let jobs = args.jobs.unwrap_or(8 * args.endpoints.len()).max(1);
    let name = format!("endpoints {}", remote.urls().join(", "));
    run_with(&args, &remote, name, jobs, started)
}

fn run_with(
    args: &BatchArgs,
    backend: &dyn Backend,
    engine_name: String,
    jobs: usize,
    started: Instant,
) -> anyhow::Result<ExitCode> {
    let gazetteer = backend.gazetteer();
    let split_none = matches!(args.split, Split::None);
    let mut outputs = Outputs::create(&args.out, split_none)?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("cannot start worker threads")?;
    let sources = inputs::enumerate(&args.inputs, args.format);
    let progress = Progress::new(args.quiet, sources.iter().map(|s| s.size()).sum());
    let settings = Settings {
        split: args.split.clone(),
        zones: args.zones,
        options: ExtractOptions {
            kinds: args.kinds.clone(),
            overlapping: false,
            alternatives: true,
            utf16: false,
            unit: args.cooccur,
            min_pair_count: 1,
        },
    };
    let mut budget = args.report_text;
    let mut shown = 0;
    let mut batch: Vec<(Doc, Option<usize>)> = Vec::new();
    let mut batch_bytes = 0u64;
    let mut process_ms = 0.0;
    // Results of the previous batch are written while the next batch is processed.
    let mut pending: Vec<run::DocResult> = Vec::new();
    let write = |results: Vec<run::DocResult>, outputs: &mut Outputs| -> anyhow::Result<()> {
        if results.is_empty() {
            return Ok(());
        }
        for result in results {
            if let Err(reason) = &result.outcome {
                progress.report(&format!("gazet batch: {}: {reason}", result.origin));
            }
            outputs.add(result)?;
        }
        outputs.sync_mentions()
    };
    let mut flush = |batch: &mut Vec<(Doc, Option<usize>)>, outputs: &mut Outputs| -> anyhow::Result<()> {
        let t = Instant::now();
        let previous = std::mem::take(&mut pending);
        let (results, written) = std::thread::scope(|scope| {
            let writer = scope.spawn(|| write(previous, outputs));
            let results = pool.install(|| run::process_batch(batch, backend, &settings, &|bytes| progress.done(bytes)));
            (results, writer.join())
        });
        written.map_err(|_| anyhow::anyhow!("the output writer panicked"))??;
        pending = results;
        process_ms += t.elapsed().as_secs_f64() * 1e3;
        batch.clear();
        Ok(())
    };
    for source in &sources {
        let docs = inputs::documents(source, args.format);
        if matches!(source, inputs::Source::Stdin) {
            progress.grow(docs.iter().map(|d| d.size).sum());
        }
        for doc in docs {
            let show = doc.size <= budget && matches!(doc.body, inputs::Body::File(_) | inputs::Body::Text(_));
            let ordinal = show.then(|| {
                budget -= doc.size;
                shown += 1;
                shown
            });
            batch_bytes += doc.size;
            batch.push((doc, ordinal));
            if batch_bytes >= BATCH_BYTES || batch.len() >= MAX_BATCH_DOCS {
                flush(&mut batch, &mut outputs)?;
                batch_bytes = 0;
            }
        }
    }
    flush(&mut batch, &mut outputs)?;
    flush(&mut batch, &mut outputs)?;
    progress.finish();

    let t = Instant::now();
    let mut staged = outputs.stage_tables(gazetteer, args.min_pair_count)?;
    let tables_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let input_names: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
    let options = format!(
        "split {}, zones {}, co-occurrence {}{}",
        args.split.name(),
        zones_name(args.zones),
        unit_name(args.cooccur),
        if args.kinds.is_empty() {
            String::new()
        } else {
            format!(", kinds {}", args.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(","))
        }
    );
    let html = report::render(
        &outputs.totals,
        gazetteer,
        &report::Meta {
            inputs: &input_names,
            options,
            gazetteer_hash: gazetteer.content_hash(),
            unit_name: &unit_name(args.cooccur),
            min_pair_count: args.min_pair_count,
        },
    );
    staged.push((outputs.stage_bytes(html.as_bytes())?, outputs::REPORT));
    let report_ms = t.elapsed().as_secs_f64() * 1e3;

    let totals = &outputs.totals;
    let total_ms = started.elapsed().as_secs_f64() * 1e3;
    let pairs_written = totals.sorted_pairs(gazetteer, args.min_pair_count).len();
    let summary = serde_json::json!({
        "gazet_version": env!("CARGO_PKG_VERSION"),
        "gazetteer_hash": gazetteer.content_hash(),
        "engine": engine_name,
        "inputs": input_names,
        "options": {
            "split": args.split.name(),
            "zones": args.zones,
            "cooccurrence_unit": unit_name(args.cooccur),
            "kinds": args.kinds,
            "min_pair_count": args.min_pair_count,
        },
        "documents": {
            "total": totals.documents_ok + totals.failures.len() as u64,
            "ok": totals.documents_ok,
            "failed": totals.failures.len(),
        },
        "bytes": totals.bytes,
        "units": totals.units,
        "cooccurrence_units": totals.cooccurrence_units,
        "mentions": totals.mentions,
        "mentions_by_kind": totals.kind_counts().into_iter().map(|(k, n)| (k.as_str().to_string(), n)).collect::<std::collections::BTreeMap<_, _>>(),
        "entities": totals.entities.len(),
        "pairs": pairs_written,
        "failures": totals.failures,
        "timings_ms": {
            "process": round(process_ms),
            "tables": round(tables_ms),
            "report": round(report_ms),
            "total": round(total_ms),
        },
        "throughput_mb_s": round(totals.bytes as f64 / 1e6 / (process_ms / 1e3).max(1e-9)),
    });
    let mut text = serde_json::to_string_pretty(&summary)?;
    text.push('\n');
    staged.push((outputs.stage_bytes(text.as_bytes())?, outputs::SUMMARY));
    let (ok, failures, bytes, mentions, entities) =
        (totals.documents_ok, totals.failures.clone(), totals.bytes, totals.mentions, totals.entities.len());
    outputs.commit(staged)?;

    if !args.quiet || !failures.is_empty() {
        eprintln!(
            "gazet batch: {ok} documents ({:.1} MB) in {:.2} s, {mentions} mentions of {entities} entities, \
             {pairs_written} pairs; outputs in {}",
            bytes as f64 / 1e6,
            started.elapsed().as_secs_f64(),
            args.out.display()
        );
    }
    if failures.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("gazet batch: {} documents failed:", failures.len());
    for f in &failures {
        eprintln!("  {}: {}", f.path, f.reason);
    }
    Ok(ExitCode::from(1))
}

fn zones_name(z: Zones) -> &'static str {
    match z {
        Zones::Body => "body",
        Zones::Footnotes => "footnotes",
        Zones::All => "all",
    }
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A small deterministic generator (xorshift64) for the randomised tests of the batch
/// modules: the same inputs on every run.
#[cfg(test)]
fn xorshift(mut state: u64) -> impl FnMut() -> usize {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as usize
    }
}
