//! Looks for rules whose cost grows faster than the text: for each word of a list (one per
//! line; the string literals of the crate's sources make a good one), texts of that word and
//! a place glued by punctuation with no space are extracted at two sizes, and the pairs
//! slower than 0.5 µs a byte are printed with the ratio of their times (4 is linear, 16
//! quadratic).
//!
//! `cargo run --release -p gazet-core --example adversarial -- WORDS_FILE [SMALL_BYTES]`

use std::time::Instant;

use gazet_core::{EngineConfig, ExtractOptions, Extractor, Gazetteer};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let words = std::fs::read_to_string(&args[1]).unwrap_or_else(|e| panic!("{}: {e}", args[1]));
    let small: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(8000);
    let engine = Extractor::new(Gazetteer::embedded().unwrap(), EngineConfig::default()).unwrap();
    let options = ExtractOptions::default();
    let seconds = |text: &str| {
        let started = Instant::now();
        std::hint::black_box(engine.extract(text, &options));
        started.elapsed().as_secs_f64()
    };
    for word in words.lines() {
        for glue in [",", "-", "\"", "(", "'", "_"] {
            let unit = format!("{word}{glue}Minsk{glue}");
            let text = |bytes: usize| unit.repeat(bytes / unit.len() + 1);
            let a = seconds(&text(small));
            if a * 1e6 / small as f64 > 0.5 {
                let b = seconds(&text(small * 4));
                println!("{word:?} {glue:?} {:.1} ms {:.1} ms ratio {:.1}", a * 1e3, b * 1e3, b / a);
            }
        }
    }
}
