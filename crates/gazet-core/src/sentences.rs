//! French sentence boundaries, for co-occurrence by sentence.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (closing quotes and brackets may follow) when
//! whitespace and then a capital, a digit or an opening quote come next. It does not end
//! after an abbreviation or an initial ("M. Tank", "A. Lukashenka", "p. 15", "etc.",
//! "С. 62") nor inside a number ("10.6"), since the full stop there is not followed by
//! whitespace.

/// Abbreviations after which a full stop does not end a sentence (compared lowercased).
/// A `match` rather than a list: the compiler dispatches on the length first, and the
/// book has a full stop every 140 bytes.
fn is_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "m" | "mm"
            | "mme"
            | "mmes"
            | "mlle"
            | "mlles"
            | "dr"
            | "pr"
            | "me"
            | "st"
            | "ste"
            | "p"
            | "pp"
            | "etc"
            | "cf"
            | "vol"
            | "no"
            | "n°"
            | "art"
            | "av"
            | "apr"
            | "env"
            | "éd"
            | "ed"
            | "t"
            | "ch"
            | "chap"
            | "fig"
            | "coll"
            | "hab"
            | "km"
            | "mln"
            | "mlrd"
            | "md"
            | "mds"
            | "bd"
            | "ibid"
            | "op"
            | "cit"
            | "réf"
            | "ref"
            | "tel"
            | "tél"
            | "vs"
            | "ex"
            | "min"
            | "max"
            | "gén"
            | "col"
            | "lt"
            | "cap"
            | "sr"
            | "jr"
            | "s"
            | "с"
            | "стр"
            | "т"
            | "г"
            | "гг"
            | "им"
    )
}

/// Byte offsets where sentences start, the first being 0. Empty text has no sentence.
pub fn starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if text.is_empty() {
        return out;
    }
    out.push(0);
    let bytes = text.as_bytes();
    let mut resume = 0;
    // The terminators in order: `.`, `!`, `?`, and `…` (E2 80 A6) at its lead byte.
    for at in crate::normalize::byte_positions(bytes, [b'.', b'!', b'?', 0xE2]) {
        if at < resume || (bytes[at] == 0xE2 && bytes.get(at + 1..at + 3) != Some(&[0x80, 0xA6])) {
            continue;
        }
        let (end, starts_sentence) = after_terminator(text, at);
        // What follows decides first: the abbreviation test reads the word before, and
        // most terminators that end no sentence ("10.6", "M. tank") need not ask. Either
        // way no terminator before `end` starts a sentence: they share this one's end.
        if !starts_sentence {
            resume = end;
            continue;
        }
        if bytes[at] == b'.' && follows_abbreviation(text, at) {
            continue;
        }
        resume = end;
        out.push(end);
    }
    out
}

/// Where the text after the terminator at `at` resumes (past closing marks and
/// whitespace), and whether a sentence starts there.
fn after_terminator(text: &str, at: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let term_len = if bytes[at] == 0xE2 { 3 } else { 1 };
    let mut i = at + term_len;
    // Runs of terminators ("?!", "...") and closing quotes or brackets.
    while i < bytes.len() && matches!(bytes[i], b'.' | b'!' | b'?' | b'"' | b')' | b']' | b'\'') {
        i += 1;
    }
    // Closing quotes that are not ASCII ("»", "”", "’"): only past a byte of another char.
    while i < bytes.len() && bytes[i] >= 0x80 {
        let rest = &text[i..];
        if rest.starts_with('»') || rest.starts_with('”') || rest.starts_with('’') {
            i += rest.chars().next().map_or(1, char::len_utf8);
        } else {
            break;
        }
    }
    // Whitespace: ASCII byte by byte, other chars decoded.
    let ws_start = i;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => i += 1,
            b if b < 0x80 => break,
            _ => match text[i..].chars().next().filter(|c| c.is_whitespace()) {
                Some(c) => i += c.len_utf8(),
                None => break,
            },
        }
    }
    if i == ws_start || i >= bytes.len() {
        return (i, false);
    }
    let starts = match bytes[i] {
        b if b < 0x80 => b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'"' | b'(' | b'[' | b'-'),
        _ => {
            let next = text[i..].chars().next().unwrap_or(' ');
            next.is_uppercase() || matches!(next, '«' | '“' | '–' | '—')
        }
    };
    (i, starts)
}

/// The word right before the full stop at `at` is an abbreviation or a single-letter
/// initial. An ASCII word is read byte by byte; one with other chars goes to
/// [`follows_abbreviation_chars`].
fn follows_abbreviation(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let mut from = at;
    while from > 0 && at - from < 8 && bytes[from - 1].is_ascii_alphabetic() {
        from -= 1;
    }
    if from > 0 && at - from < 8 && bytes[from - 1] >= 0x80 {
        return follows_abbreviation_chars(&text[..at]);
    }
    match at - from {
        0 => false,
        1 => true,
        n if n > 6 => false,
        n => {
            let mut lower = [0u8; 6];
            lower[..n].copy_from_slice(&bytes[from..at]);
            lower.make_ascii_lowercase();
            std::str::from_utf8(&lower[..n]).is_ok_and(is_abbreviation)
        }
    }
}

/// The word right before a full stop (at the end of `before`) is an abbreviation or a
/// single-letter initial, read char by char.
fn follows_abbreviation_chars(before: &str) -> bool {
    let len: usize =
        before.chars().rev().take_while(|c| c.is_alphabetic() || *c == '°').take(8).map(char::len_utf8).sum();
    let word = &before[before.len() - len..];
    match word.chars().count() {
        0 => false,
        1 => true,
        // Longer words never are abbreviations; short ones are compared lowercased.
        n if n > 6 => false,
        n if word.is_ascii() => {
            let mut lower = [0u8; 6];
            lower[..n].copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(&lower[..n]).is_ok_and(is_abbreviation)
        }
        _ => is_abbreviation(&word.to_lowercase()),
    }
}

/// The sentence index of each byte offset in `offsets` (sorted ascending).
pub fn index_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).saturating_sub(1)
}

#[cfg(test)]
mod tests {

    /// The former `starts`: every terminator found by `memchr`, sorted, and the
    /// abbreviation asked before what follows.
    fn reference_starts(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if text.is_empty() {
            return out;
        }
        out.push(0);
        let bytes = text.as_bytes();
        let mut terminators: Vec<usize> = Vec::with_capacity(bytes.len() / 40);
        terminators.extend(memchr::memchr3_iter(b'.', b'!', b'?', bytes));
        terminators.extend(memchr::memmem::find_iter(bytes, "…".as_bytes()));
        terminators.sort_unstable();
        let mut resume = 0;
        for at in terminators {
            if at < resume {
                continue;
            }
            let term_len = if bytes[at] == 0xE2 { 3 } else { 1 };
            if bytes[at] == b'.' && follows_abbreviation_chars(&text[..at]) {
                continue;
            }
            let mut i = at + term_len;
            // Runs of terminators ("?!", "...") and closing quotes or brackets.
            while i < bytes.len() && matches!(bytes[i], b'.' | b'!' | b'?' | b'"' | b')' | b']' | b'\'') {
                i += 1;
            }
            while text[i..].starts_with('»') || text[i..].starts_with('”') || text[i..].starts_with('’') {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
            let ws_start = i;
            while let Some(c) = text[i..].chars().next().filter(|c| c.is_whitespace()) {
                i += c.len_utf8();
            }
            resume = i;
            if i == ws_start || i >= bytes.len() {
                continue;
            }
            let next = text[i..].chars().next().unwrap_or(' ');
            if next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '«' | '“' | '(' | '[' | '-' | '–' | '—')
            {
                out.push(i);
            }
        }
        out
    }

    #[test]
    fn starts_agree_with_the_former_search() {
        let book = include_str!("../../../tests/fixtures/book-dev.txt");
        let mut texts: Vec<String> = vec![book.to_string()];
        texts.extend(book.split("\n\n").map(String::from));
        let pieces = [
            "M", "etc", "A", "10", "6", "Le", "le", "«", "»", "’", "…", "...", "?!", ".", "!", "?", " ", "\n",
            "\u{a0}", ")", "\"", "é", "С", "n°", "(", "x",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}.{b} {c}"));
                    texts.push(format!("{a}{b}{c}. Fin"));
                }
            }
        }
        for text in &texts {
            assert_eq!(starts(text), reference_starts(text), "{text:?}");
        }
    }

    #[test]
    fn bytewise_starts_follow_the_char_by_char_rules() {
        let book = include_str!("../../../tests/fixtures/book-dev.txt");
        assert_eq!(starts(book), reference_starts(book));
        for text in [
            "Fin. Début",
            "Fin.\u{a0}Début. Été. ÉTÉ arrive… Puis « Oui ». Bien.\u{2009}Non",
            "M. Tank. Mme. Dupont. N°. 5. С. 62. Ibid. Éd. Réf. Tél. 12",
            "un été. Ensuite; le café.\nÀ Minsk. «Non»! “Oui”? — Peut-être.) [Note]. ’Rien.",
            "ab.Cd. ef.  \t\n G. x.",
            "°. A. é. Ø. ÿ.",
            "…",
            ".",
            "a.",
        ] {
            assert_eq!(starts(text), reference_starts(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn bytewise_starts_agree_on_any_text(text in "([a-zA-Z]{0,9}|[ .!?\"»”’«\u{a0}\n]|é|É|°|…|Ж|—){0,40}") {
            proptest::prop_assert_eq!(starts(&text), reference_starts(&text));
        }
    }

    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let s = starts(text);
        s.iter().enumerate().map(|(i, &a)| text[a..s.get(i + 1).copied().unwrap_or(text.len())].trim_end()).collect()
    }

    #[test]
    fn splits_on_terminators_before_a_capital() {
        assert_eq!(
            split("La CEI existe. Le Belarus aussi ! Et alors ? Oui."),
            ["La CEI existe.", "Le Belarus aussi !", "Et alors ?", "Oui."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(split("Selon M. Tank et A. Lukashenka, voir p. 15 etc. Fin.").len(), 1);
        assert_eq!(split("С. 62 de la revue. Nouvelle phrase.").len(), 2);
    }

    #[test]
    fn numbers_do_not_end_sentences() {
        assert_eq!(split("Une hausse de 10,6 % et de 10.6 points le 1er mars. Puis.").len(), 2);
    }

    #[test]
    fn quotes_and_line_breaks() {
        assert_eq!(split("il a dit \"oui\". \n\nLe Kazakhstan.").len(), 2);
        assert_eq!(split("en 2019.\n2Cela contribuera").len(), 2);
        assert_eq!(split("minuscule. suite").len(), 1);
    }

    #[test]
    fn empty_text_has_no_sentence() {
        assert!(starts("").is_empty());
        assert_eq!(index_of(&[0, 10, 20], 15), 1);
        assert_eq!(index_of(&[0, 10, 20], 20), 2);
    }
}
