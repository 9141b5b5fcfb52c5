//! The extractor over ordinary French finds (almost) nothing: every word of a French
//! dictionary (hunspell-fr, see tests/fixtures/noise/README.md), once in lowercase in
//! running text and once capitalised at a sentence start.

use std::sync::OnceLock;

use gazet_core::{ExtractOptions, Extractor};

fn engine() -> &'static Extractor {
    static ENGINE: OnceLock<Extractor> = OnceLock::new();
    ENGINE.get_or_init(|| Extractor::embedded().expect("embedded gazetteers load"))
}

fn is_state(id: &str) -> bool {
    ["iso3166-1:", "iso3166-3:", "gazet:state/"].iter().any(|p| id.starts_with(p))
}

fn words() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/noise/fr-words.txt");
    std::fs::read_to_string(path).expect("fr-words.txt").lines().map(str::to_string).filter(|w| !w.is_empty()).collect()
}

/// Hits over `text`, as (surface, id) for the failure message.
fn hits(text: &str) -> Vec<(String, String)> {
    let options = ExtractOptions { alternatives: false, ..Default::default() };
    engine()
        .mentions(text, &options)
        .iter()
        .map(|m| (text[m.start..m.end].to_string(), engine().gazetteer().entity(m.entity).id.clone()))
        .collect()
}

#[test]
fn lowercase_dictionary_words_in_running_text() {
    let words = words();
    // "il y a du <word> et" puts each word inside a sentence, after a lowercase word.
    let text: String = words.iter().map(|w| format!("il y a du {w} et\n")).collect();
    // State adjectives are dictionary words ("russe", "français", "ottoman") and real
    // mentions; what must not match is anything else.
    assert_bounded("lowercase", &hits(&text), words.len(), words.len() / 10_000);
    // 0.01 %
}

/// Non-state matches are at most `bound`; the matches are printed either way.
fn assert_bounded(label: &str, found: &[(String, String)], words: usize, bound: usize) {
    let noise: Vec<&(String, String)> = found.iter().filter(|(_, id)| !is_state(id)).collect();
    let shown = &noise[..noise.len().min(80)];
    eprintln!("{label}: {} of {words} words matched (bound {bound}): {shown:?}", noise.len());
    assert!(noise.len() <= bound, "{label}: {} of {words} words matched (bound {bound}): {shown:?}", noise.len());
}

#[test]
fn capitalised_dictionary_words_at_a_sentence_start() {
    let words = words();
    let text: String = words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            let first: String = c.next().map(|f| f.to_uppercase().collect()).unwrap_or_default();
            format!("Fin. {first}{} est là.\n", c.as_str())
        })
        .collect();
    // Capitalised, a few words are also capitals and regions ("Paris", "Vienne", "Lima"):
    // real ambiguity of French, bounded here.
    assert_bounded("capitalised", &hits(&text), words.len(), words.len() / 2000);
    // 0.05 %
}
