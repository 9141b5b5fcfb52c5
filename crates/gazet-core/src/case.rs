//! Case policies, checked on the original text of a match.
//!
//! A match of the automaton has several variants (a city and a region, a name and an
//! acronym, ...), and each has a case policy that the original text must fit. The text of
//! the match is read once into a [`Shape`]; each variant's surface was read into one at
//! load time; a policy is then a few comparisons of bits, whatever the number of variants.

use crate::compile::CasePolicy;

/// The case of a piece of text, as the policies need it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Alphabetic chars.
    letters: u32,
    first_upper: bool,
    first_lower: bool,
    /// Some letter after the first is uppercase, lowercase.
    rest_upper: bool,
    rest_lower: bool,
    /// Every letter is uppercase (a letter without case is not).
    all_upper: bool,
    /// Bit `k`: letter `k` is uppercase (first 64 letters).
    upper_letters: u64,
    /// Words, cut at chars that are not alphanumeric.
    words: u32,
    /// Bit `k`: word `k` starts with an uppercase char (first 64 words).
    upper_initials: u64,
}

impl Shape {
    pub(crate) fn of(text: &str) -> Shape {
        let (mut letters, mut words, mut upper_letters, mut upper_initials) = (0u32, 0u32, 0u64, 0u64);
        // Classes of the first letter, of the other letters (or-ed), of all letters (and-ed).
        let (mut first, mut rest, mut all) = (0u8, 0u8, u8::MAX);
        let mut in_word = false;
        let mut visit = |class: u8| {
            let alphanumeric = class & ALPHANUMERIC != 0;
            let upper = class & UPPER != 0;
            if alphanumeric && !in_word {
                upper_initials |= u64::from(upper && words < 64) << (words & 63);
                words += 1;
            }
            in_word = alphanumeric;
            if class & ALPHABETIC != 0 {
                if letters == 0 {
                    first = class;
                } else {
                    rest |= class;
                }
                all &= class;
                upper_letters |= u64::from(upper && letters < 64) << (letters & 63);
                letters += 1;
            }
        };
        if text.is_ascii() {
            text.bytes().for_each(|b| visit(class_of(char::from(b))));
        } else {
            text.chars().for_each(|c| visit(class_of(c)));
        }
        Shape {
            letters,
            first_upper: first & UPPER != 0,
            first_lower: first & LOWER != 0,
            rest_upper: rest & UPPER != 0,
            rest_lower: rest & LOWER != 0,
            all_upper: all & UPPER != 0,
            upper_letters,
            words,
            upper_initials,
        }
    }

    /// All letters in capitals, at least two of them: "BELARUS".
    pub(crate) fn is_shouted(&self) -> bool {
        self.letters >= 2 && self.all_upper
    }
}

const ALPHABETIC: u8 = 1;
const ALPHANUMERIC: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;

/// Chars below this come from a table: the Latin letters of French and of transliterations.
const TABLE_END: u32 = 0x250;

/// The Unicode properties a shape needs, as bits. `char::is_alphabetic` and friends search
/// Unicode tables for every char outside ASCII; the Latin ones are looked up once here.
#[inline]
pub(crate) fn class_of(c: char) -> u8 {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let code = c as u32;
    if code < TABLE_END {
        let table =
            TABLE.get_or_init(|| (0..TABLE_END).map(|code| slow_class(char::from_u32(code).unwrap_or(' '))).collect());
        return table[code as usize];
    }
    slow_class(c)
}

fn slow_class(c: char) -> u8 {
    let mut class = 0;
    if c.is_alphabetic() {
        class |= ALPHABETIC;
    }
    if c.is_alphanumeric() {
        class |= ALPHANUMERIC;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    if c.is_lowercase() {
        class |= LOWER;
    }
    class
}

/// `c.is_alphabetic()`, with Latin chars from a table.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    class_of(c) & ALPHABETIC != 0
}

/// Whether text of shape `seen` fits `policy` for a surface of shape `written`.
pub(crate) fn fits(policy: CasePolicy, seen: &Shape, written: &Shape) -> bool {
    if seen.letters == 0 {
        return false;
    }
    match policy {
        CasePolicy::AnyInitial => true,
        // Every word the gazetteer capitalises is capitalised in the text too. Words are
        // compared in order; if folding changed the word count, only the initial counts.
        CasePolicy::Capitalised => {
            seen.first_upper
                && (seen.words != written.words
                    || written.upper_initials & !seen.upper_initials == 0
                    || seen.words > 64)
        }
        // An acronym: every letter's case as written.
        CasePolicy::Exact => {
            seen.letters == written.letters && seen.upper_letters == written.upper_letters && seen.letters <= 64
        }
        CasePolicy::Adjective | CasePolicy::Demonym => {
            let capitalised = seen.first_upper && !seen.rest_upper;
            let all_upper = seen.first_upper && !seen.rest_lower;
            let lowercase = seen.first_lower && !seen.rest_upper;
            capitalised || all_upper || (policy == CasePolicy::Adjective && lowercase)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The policies spelled out char by char: what `fits` must agree with.
    fn reference(policy: CasePolicy, original: &str, surface: &str) -> bool {
        let mut letters = original.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.clone().next() else { return false };
        let initials = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().next().unwrap_or(' '))
                .collect::<Vec<char>>()
        };
        match policy {
            CasePolicy::AnyInitial => true,
            CasePolicy::Capitalised => {
                let (seen, written) = (initials(original), initials(surface));
                first.is_uppercase()
                    && (seen.len() != written.len()
                        || seen.iter().zip(&written).all(|(s, w)| !w.is_uppercase() || s.is_uppercase()))
            }
            CasePolicy::Exact => {
                let written = surface.chars().filter(|c| c.is_alphabetic());
                let seen = original.chars().filter(|c| c.is_alphabetic());
                written.clone().count() == seen.clone().count()
                    && written.zip(seen).all(|(w, s)| w.is_uppercase() == s.is_uppercase())
            }
            CasePolicy::Adjective | CasePolicy::Demonym => {
                letters.next();
                let rest_lower = letters.clone().all(|c| !c.is_uppercase());
                let all_upper = first.is_uppercase() && letters.all(|c| !c.is_lowercase());
                let capitalised = first.is_uppercase() && rest_lower;
                match policy {
                    CasePolicy::Adjective => capitalised || all_upper || (first.is_lowercase() && rest_lower),
                    _ => capitalised || all_upper,
                }
            }
        }
    }

    const POLICIES: [CasePolicy; 5] = [
        CasePolicy::Capitalised,
        CasePolicy::AnyInitial,
        CasePolicy::Exact,
        CasePolicy::Adjective,
        CasePolicy::Demonym,
    ];

    #[test]
    fn fits_agrees_with_the_char_by_char_policies() {
        let texts = [
            "",
            "-",
            "12",
            "Minsk",
            "minsk",
            "MINSK",
            "mINSK",
            "Minsk Tractor Works",
            "Minsk tractor works",
            "MINSK TRACTOR WORKS",
            "Biélorusse",
            "biélorusses",
            "BIÉLORUSSES",
            "BiéLorusse",
            "BelAZ",
            "BELAZ",
            "Belaz",
            "CEI",
            "Cei",
            "l'Ouzbékistan",
            "Saint-Pétersbourg",
            "saint-Pétersbourg",
            "Saint-pétersbourg",
            "Москва",
            "москва",
            "漢字 Minsk",
            "Ǆemal",
            "ǅemal",
            "Université d'État de Tachkent",
            "université d'État",
            "12L'Arménie",
            "R.-U.",
        ];
        for policy in POLICIES {
            for original in texts {
                for surface in texts {
                    assert_eq!(
                        fits(policy, &Shape::of(original), &Shape::of(surface)),
                        reference(policy, original, surface),
                        "{policy:?} {original:?} for {surface:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fits_agrees_on_any_text(
            original in "[a-zA-Zéàœ ÉÀŒ'\\-1ǅǄǆ漢Жж]{0,12}",
            surface in "[a-zA-Zéàœ ÉÀŒ'\\-1ǅǄǆ漢Жж]{0,12}",
        ) {
            for policy in POLICIES {
                proptest::prop_assert_eq!(
                    fits(policy, &Shape::of(&original), &Shape::of(&surface)),
                    reference(policy, &original, &surface),
                    "{:?} {:?} for {:?}", policy, original, surface
                );
            }
        }
    }

    #[test]
    fn shouting_needs_two_capital_letters_and_no_other() {
        assert!(Shape::of("BELARUS").is_shouted());
        assert!(Shape::of("É-U").is_shouted());
        assert!(!Shape::of("A").is_shouted());
        assert!(!Shape::of("BelAZ").is_shouted());
        assert!(!Shape::of("MINSK 漢").is_shouted());
    }
}
