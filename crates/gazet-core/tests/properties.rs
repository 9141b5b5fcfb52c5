//! Properties that hold for any text: no panic, offsets on char boundaries, `text` equal
//! to the original slice, no overlaps by default, and the same mentions whatever the
//! chunking of whitespace.

use std::sync::OnceLock;

use gazet_core::{ExtractOptions, Extractor};
use proptest::prelude::*;

fn engine() -> &'static Extractor {
    static ENGINE: OnceLock<Extractor> = OnceLock::new();
    ENGINE.get_or_init(|| Extractor::embedded().expect("embedded gazetteers load"))
}

fn check_invariants(text: &str, overlapping: bool) {
    let options = ExtractOptions { overlapping, utf16: true, ..Default::default() };
    let x = engine().extract(text, &options);
    let mut last_end = 0;
    let mut last_start = 0;
    for m in &x.mentions {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        let slice = &text[m.start..m.end];
        assert_eq!(engine().record(text, m).text, slice);
        assert_eq!(text[..m.start].chars().count(), m.char_start);
        assert_eq!(m.char_end - m.char_start, slice.chars().count());
        let (u16s, u16e) = m.utf16.unwrap();
        assert_eq!(text[..m.start].encode_utf16().count(), u16s);
        assert_eq!(u16e - u16s, slice.encode_utf16().count());
        assert!(m.start >= last_start, "mentions are sorted");
        if !overlapping {
            assert!(m.start >= last_end, "overlap in default mode at {}", m.start);
        }
        last_start = m.start;
        last_end = m.end;
    }
    for p in &x.pairs {
        assert!(p.a < p.b && p.count >= 1);
    }
}

/// Fragments of the book and of its artefacts, glued with random separators.
const FRAGMENTS: &[&str] = &[
    "la République du Bélarus",
    "de la Fédération de Russie",
    "région de Gomel",
    "les régions de Gomel et de Navoï",
    "biélorusse-ouzbèke",
    "russo-kirghize",
    "Biélorussie-Kazakhstan",
    "Saint-Pétersbourg",
    "l'Académie nationale des sciences de Biélorussie",
    "la CEI",
    "l'UEE",
    "12L'Arménie",
    "post-soviétique",
    "https://www.belta.by/",
    "M. Tank",
    "10,6 %",
    "Asie centrale",
    "les Biélorusses",
    "du Kazakhstan",
    "Ouzbékistan",
    "Douchanbé",
    "et",
    "le",
    "économique",
    "les postes frontières de Dostyk et d'Altynkol",
    "le couloir Brest - Terespol",
    "de Telavi, de Sighnaghi et de Lagodekhi",
    "l'usine de potasse de Dehkanabad",
];

fn sentence() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0..FRAGMENTS.len(), 1..12)
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(" "),
        Just("  "),
        Just("\n"),
        Just("\n\n"),
        Just(" \n \n"),
        Just("\t"),
        Just("\u{a0}"),
        Just("\r\n")
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_text_keeps_the_invariants(text in "\\PC{0,200}") {
        check_invariants(&text, false);
        check_invariants(&text, true);
    }

    #[test]
    fn text_with_marks_controls_and_emoji(text in "[a-zA-Zéèœ’'\\- \n\u{0}\u{301}\u{202e}😀ЁжБ.,0-9]{0,120}") {
        check_invariants(&text, false);
    }

    #[test]
    fn book_like_text_keeps_the_invariants(parts in sentence(), seps in proptest::collection::vec(separator(), 12)) {
        let mut text = String::new();
        for (i, p) in parts.iter().enumerate() {
            text.push_str(FRAGMENTS[*p]);
            text.push_str(seps[i % seps.len()]);
        }
        check_invariants(&text, false);
        check_invariants(&text, true);
    }

    #[test]
    fn whitespace_chunking_does_not_change_mentions(parts in sentence(), seps in proptest::collection::vec(separator(), 12)) {
        let plain = parts.iter().map(|&p| FRAGMENTS[p]).collect::<Vec<_>>().join(" ");
        let mut chunked = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                chunked.push_str(seps[i % seps.len()]);
            }
            chunked.push_str(FRAGMENTS[*p]);
        }
        // Replace the inner spaces of fragments too.
        let chunked = chunked.replace(' ', seps[0]);
        let summary = |t: &str| {
            engine()
                .extract(t, &ExtractOptions::default())
                .mentions
                .iter()
                .map(|m| (m.entity, m.form, t[m.start..m.end].split_whitespace().collect::<Vec<_>>().join(" ")))
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(summary(&plain), summary(&chunked));
    }
}

#[test]
fn a_ten_megabyte_single_line() {
    let unit = "la République du Bélarus et la région de Gomel, ";
    let mut text = String::with_capacity(10 << 20);
    while text.len() < 10 << 20 {
        text.push_str(unit);
    }
    let x = engine().extract(&text, &ExtractOptions::default());
    assert_eq!(x.mentions.len(), 2 * text.matches(unit).count());
}

#[test]
fn nul_bytes_rtl_marks_and_lone_combining_marks() {
    for text in
        ["\u{0}Russie\u{0}", "\u{202e}la Russie\u{202c}", "\u{301}Russie", "Russie\u{301}", "ﻻ Russie 😀Russie😀"]
    {
        check_invariants(text, false);
    }
    let x = engine().extract("\u{0}Russie\u{0}", &ExtractOptions::default());
    assert_eq!(x.mentions.len(), 1);
}

#[test]
fn a_megabyte_of_names_without_a_space() {
    // Every look-back and look-ahead of the context rules is bounded: this stays linear.
    let text = "Russie-Minsk-JSC-".repeat(1 << 16);
    let x = engine().extract(&text, &ExtractOptions::default());
    assert_eq!(x.mentions.len(), 2 << 16);
}

#[test]
fn head_nouns_and_places_glued_without_spaces() {
    // Each rule that reads the word at a head noun, the words before a match or the
    // parenthesis after a name reads a bounded window: a text of head nouns and places
    // glued by punctuation, with no space, stays linear (it was quadratic: 32 KB of
    // 'Commission"Minsk"' took half a second, a megabyte would have taken minutes).
    let heads = ["Commission", "usine", "kraï", "IKEA", "villes", "vol", "postes", "Chemins", "Conseil", "l'Agence"];
    for head in heads {
        for glue in ["\"", ",", "(", "'", "-", "_"] {
            let unit = format!("{head}{glue}Minsk{glue}");
            let text = unit.repeat((1 << 16) / unit.len());
            // (Not `check_invariants`, whose char counts from the start are quadratic.)
            let x = engine().extract(&text, &ExtractOptions::default());
            assert!(x.mentions.windows(2).all(|w| w[0].end <= w[1].start), "{unit}: overlap");
            for m in &x.mentions {
                assert_eq!(engine().record(&text, m).text, &text[m.start..m.end]);
            }
        }
    }
}
