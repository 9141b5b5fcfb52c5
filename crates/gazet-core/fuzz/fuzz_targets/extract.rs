//! Arbitrary bytes (as lossy UTF-8) through the whole extractor: no panic, offsets on char
//! boundaries, `text` equal to the original slice, no overlaps in the default mode.
//!
//! Run: `cd crates/gazet-core/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run extract -- -max_total_time=300`

#![no_main]

use std::sync::OnceLock;

use gazet_core::{CoUnit, ExtractOptions, Extractor};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Extractor {
    static ENGINE: OnceLock<Extractor> = OnceLock::new();
    ENGINE.get_or_init(|| Extractor::embedded().expect("embedded gazetteers load"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let unit = match data.first().map(|b| b % 3) {
        Some(0) => CoUnit::Sentence,
        Some(1) => CoUnit::Document,
        _ => CoUnit::Window(5),
    };
    for overlapping in [false, true] {
        let options = ExtractOptions { overlapping, utf16: true, unit, ..Default::default() };
        let x = engine().extract(&text, &options);
        let mut last_end = 0;
        for m in &x.mentions {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert_eq!(engine().record(&text, m).text, &text[m.start..m.end]);
            assert_eq!(text[..m.start].chars().count(), m.char_start);
            if !overlapping {
                assert!(m.start >= last_end);
            }
            last_end = m.end;
        }
        for p in &x.pairs {
            assert!(p.a < p.b);
        }
    }
});
