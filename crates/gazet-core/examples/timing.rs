//! Quick timing while developing (criterion is the reference: `cargo bench`):
//! `cargo run --release -p gazet-core --example timing -- GAZETTEER_DIR TEXT_FILE`.

use std::time::Instant;

use gazet_core::normalize::normalize;
use gazet_core::{EngineConfig, ExtractOptions, Extractor, Gazetteer};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, file) = (&args[1], &args[2]);
    let started = Instant::now();
    let g = Gazetteer::load_dir(std::path::Path::new(dir)).unwrap_or_else(|e| panic!("{e}"));
    let engine = Extractor::new(g, EngineConfig::default()).unwrap();
    println!("load+build {:?} {:?}", started.elapsed(), engine.stats());
    let text = std::fs::read_to_string(file).unwrap();
    let mb = text.len() as f64 / 1e6;
    // GAZET_PHASE=name runs one phase only (for instruction counts under callgrind).
    let phase = std::env::var("GAZET_PHASE").ok();
    let rounds: usize = std::env::var("GAZET_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(50);
    let time = |label: &str, f: &dyn Fn() -> usize| {
        if phase.as_deref().is_some_and(|p| !label.starts_with(p)) {
            return;
        }
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            n = f();
        }
        let secs = t.elapsed().as_secs_f64() / rounds as f64;
        println!("{label:<24} {:>8.1} MB/s  ({n})", mb / secs);
    };
    let baseline = engine.baseline_automaton();
    time("baseline lowercase+AC", &|| baseline.find_iter(text.to_lowercase().as_bytes()).count());
    time("urls", &|| gazet_core::urls::find(&text).len());
    time("normalize", &|| normalize(&text).text.len());
    time("sentences", &|| gazet_core::sentences::starts(&text).len());
    let opts = ExtractOptions { alternatives: false, ..Default::default() };
    time("mentions", &|| engine.mentions(&text, &opts).len());
    time("extract full", &|| engine.extract(&text, &ExtractOptions::default()).pairs.len());
    // The same text as ~1 KB paragraphs, one call each (the gRPC service's typical request).
    let mut paragraphs = Vec::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let mut cut = rest.len().min(1024);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let cut = rest[cut..].find("\n\n").map_or(rest.len(), |p| cut + p + 2);
        paragraphs.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    time("paragraphs full", &|| {
        paragraphs.iter().map(|p| engine.extract(p, &ExtractOptions::default()).mentions.len()).sum()
    });
}
