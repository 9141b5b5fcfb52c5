//! Quick timing while developing (criterion is the reference: `cargo bench`):
//! `cargo run --release -p gazet-core --example timing -- GAZETTEER_DIR TEXT_FILE`.

use std::time::Instant;

use gazet_core::normalize::normalize;
use gazet_core::{EngineConfig, ExtractOptions, Extractor, Gazetteer};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, file) = (&args[1], &args[2]);
    let started = Instant::now();
    // "embedded" instead of a folder: the gazetteers embedded in the library.
    let g = if dir == "embedded" { Gazetteer::embedded() } else { Gazetteer::load_dir(std::path::Path::new(dir)) }
        .unwrap_or_else(|e| panic!("{e}"));
    let loaded = started.elapsed();
    let engine = Extractor::new(g, EngineConfig::default()).unwrap();
    println!("load {loaded:?}, load+build {:?} {:?}", started.elapsed(), engine.stats());
    if dir == "embedded" {
        // The start-up of the `gazet` binary: the gazetteer loaded while the automaton is
        // built from the compiled image.
        let image = engine.image();
        let started = Instant::now();
        let (engine, refused) = Extractor::load_with_image(&image, EngineConfig::default(), Gazetteer::embedded)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(refused, None);
        println!("load from image {:?} ({} bytes)", started.elapsed(), image.len());
        Box::leak(Box::new(engine));
    }
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
    // Built only when its phase runs: it takes longer to build than the engine.
    let baseline = std::sync::OnceLock::new();
    time("baseline lowercase+AC", &|| {
        baseline.get_or_init(|| engine.baseline_automaton()).find_iter(text.to_lowercase().as_bytes()).count()
    });
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
