//! Case policies, checked on the original text of a match.
//!
//! A match of the automaton has several variants (a city and a region, a name and an
//! acronym, ...), and each has a case policy that the original text must fit. The text of
//! the match is read once into a [`Shape`]; each variant's surface was read into one at
//! load time; a policy is then a few comparisons of bits, whatever the number of variants.

use crate::compile::CasePolicy;
use crate::normalize::{gather_high_bits, HI};

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
        if text.len() <= 64 {
            Shape::of_short(text)
        } else {
            Shape::of_chars(text)
        }
    }

    /// A text of at most 64 bytes (a match, nearly always) as bit masks over its bytes,
    /// ASCII eight bytes at a time (SWAR) and other chars one by one: a shape is then a few
    /// counts and compressions of masks, where visiting char by char cost some 30
    /// instructions a char.
    fn of_short(text: &str) -> Shape {
        let bytes = text.as_bytes();
        debug_assert!(bytes.len() <= 64);
        let (mut upper, mut lower, mut alphanumeric, mut leads) = (0u64, 0u64, 0u64, 0u64);
        let mut shift = 0;
        while shift < bytes.len() {
            // The last chunk byte by byte: a padded copy would cost a call to `memcpy`.
            let x = match bytes.get(shift..shift + 8) {
                Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
                None => bytes[shift..].iter().rev().fold(0u64, |x, &b| (x << 8) | u64::from(b)),
            };
            let (u, l, d) = ascii_classes8(x);
            upper |= gather_high_bits(u) << shift;
            lower |= gather_high_bits(l) << shift;
            alphanumeric |= gather_high_bits(u | l | d) << shift;
            // Lead bytes of non-ASCII chars: 11xxxxxx.
            leads |= gather_high_bits(x & (x << 1) & HI) << shift;
            shift += 8;
        }
        Shape::of_masks(text, Masks { upper, lower, alphanumeric, leads })
    }

    /// The shape of `text[start..end]`. A span of at most 16 bytes with 16 bytes of `text`
    /// from its start is read with one SSE2 load (the bytes past `end` masked off): the
    /// matches of a check nearly all are.
    #[inline]
    pub(crate) fn of_span(text: &str, start: usize, end: usize) -> Shape {
        #[cfg(target_arch = "x86_64")]
        if let (Some(window), true) = (text.as_bytes().get(start..start + 16), end.saturating_sub(start) <= 16) {
            let window: &[u8; 16] = window.try_into().expect("sixteen bytes");
            // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
            let masks = unsafe { masks_sse2(window) };
            return Shape::of_masks(&text[start..end], masks.first(end - start));
        }
        Shape::of_long_span(text, start, end)
    }

    /// [`Shape::of_span`] for the other spans (a sixth of the matches on the book): up to 64
    /// bytes whose 16-byte windows lie inside `text` are read with SSE2 too, instead of
    /// eight bytes at a time. Kept out of line: inlined, it slowed the checks' loop more
    /// than it saved.
    #[inline(never)]
    fn of_long_span(text: &str, start: usize, end: usize) -> Shape {
        #[cfg(target_arch = "x86_64")]
        {
            let len = end.saturating_sub(start);
            let windows_end = start + len.div_ceil(16) * 16;
            if len <= 64 && windows_end <= text.len() {
                let mut masks = Masks { upper: 0, lower: 0, alphanumeric: 0, leads: 0 };
                for (k, at) in (start..windows_end).step_by(16).enumerate() {
                    let window: &[u8; 16] = text.as_bytes()[at..at + 16].try_into().expect("sixteen bytes");
                    // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
                    let m = unsafe { masks_sse2(window) };
                    masks.upper |= m.upper << (16 * k);
                    masks.lower |= m.lower << (16 * k);
                    masks.alphanumeric |= m.alphanumeric << (16 * k);
                    masks.leads |= m.leads << (16 * k);
                }
                return Shape::of_masks(&text[start..end], masks.first(len));
            }
        }
        Shape::of(&text[start..end])
    }

    /// A shape from the ASCII masks of a text of at most 64 bytes, with its other chars
    /// (at `leads`) looked up one by one.
    #[inline(always)]
    fn of_masks(text: &str, masks: Masks) -> Shape {
        let Masks { mut upper, mut lower, mut alphanumeric, mut leads } = masks;
        let mut alphabetic = upper | lower;
        if leads != 0 {
            let table = latin_classes();
            while leads != 0 {
                let i = leads.trailing_zeros() as usize;
                leads &= leads - 1;
                let c = text[i..].chars().next().unwrap_or(' ');
                let code = c as u32;
                let class = if code < TABLE_END { table[code as usize] } else { slow_class(c) };
                let bit = 1u64 << i;
                alphabetic |= u64::from(class & ALPHABETIC != 0) * bit;
                upper |= u64::from(class & UPPER != 0) * bit;
                lower |= u64::from(class & LOWER != 0) * bit;
                let len = c.len_utf8();
                alphanumeric |= u64::from(class & ALPHANUMERIC != 0) * (((2u64 << (len - 1)) - 1) << i);
            }
        }
        let first = alphabetic & alphabetic.wrapping_neg();
        let rest = alphabetic & !first;
        let word_starts = alphanumeric & !(alphanumeric << 1);
        Shape {
            letters: alphabetic.count_ones(),
            first_upper: upper & first != 0,
            first_lower: lower & first != 0,
            rest_upper: upper & rest != 0,
            rest_lower: lower & rest != 0,
            all_upper: alphabetic & !upper == 0,
            upper_letters: compress(upper, alphabetic),
            words: word_starts.count_ones(),
            upper_initials: compress(upper, word_starts),
        }
    }

    /// Any text, char by char.
    fn of_chars(text: &str) -> Shape {
        let table = latin_classes();
        let class_of = |c: char| {
            let code = c as u32;
            if code < TABLE_END {
                table[code as usize]
            } else {
                slow_class(c)
            }
        };
        let (mut letters, mut words, mut upper_letters, mut upper_initials) = (0u32, 0u32, 0u64, 0u64);
        // Classes of the first letter, of the other letters (or-ed), of all letters (and-ed).
        let (mut first, mut rest, mut all) = (0u8, 0u8, u8::MAX);
        let mut in_word = false;
        for c in text.chars() {
            let class = class_of(c);
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

/// Bit `i` set where byte `i` of a text is an ASCII capital, small letter, letter or digit,
/// the lead byte of a non-ASCII char.
#[derive(Clone, Copy)]
struct Masks {
    upper: u64,
    lower: u64,
    alphanumeric: u64,
    leads: u64,
}

impl Masks {
    /// The bits of the first `len` bytes (at most 64) only.
    #[cfg(target_arch = "x86_64")]
    fn first(self, len: usize) -> Masks {
        let keep = if len >= 64 { u64::MAX } else { (1u64 << len) - 1 };
        Masks {
            upper: self.upper & keep,
            lower: self.lower & keep,
            alphanumeric: self.alphanumeric & keep,
            leads: self.leads & keep,
        }
    }
}

/// [`Masks`] of sixteen bytes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn masks_sse2(window: &[u8; 16]) -> Masks {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    // SAFETY: the window is 16 bytes long; the load takes any alignment.
    let v = unsafe { _mm_loadu_si128(window.as_ptr().cast()) };
    // Signed compares: bytes from 0x80 are negative, below every ASCII bound.
    let within = |from: u8, to: u8| {
        _mm_movemask_epi8(_mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8(from as i8 - 1)),
            _mm_cmplt_epi8(v, _mm_set1_epi8(to as i8 + 1)),
        )) as u32 as u64
    };
    let (upper, lower, digits) = (within(b'A', b'Z'), within(b'a', b'z'), within(b'0', b'9'));
    // Lead bytes 0xC0..=0xFF are, signed, -64..=-1: above -65.
    let leads = _mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65))) as u32 as u64;
    let non_ascii = _mm_movemask_epi8(v) as u32 as u64;
    Masks { upper, lower, alphanumeric: upper | lower | digits, leads: leads & non_ascii }
}

/// Per byte of `x`: the high bit set where the byte is an ASCII capital, small letter,
/// digit. Bytes under 0x80 are compared by adding a constant that carries into the high bit
/// exactly when the byte is at least (or more than) a bound; no addition overflows a byte.
#[inline(always)]
fn ascii_classes8(x: u64) -> (u64, u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = x & !HI;
    let ascii = !x & HI;
    let at_least = |c: u8| low + ONES * (0x80 - u64::from(c));
    let more_than = |c: u8| low + ONES * (0x7F - u64::from(c));
    let within = |from: u8, to: u8| at_least(from) & !more_than(to) & ascii;
    (within(b'A', b'Z'), within(b'a', b'z'), within(b'0', b'9'))
}

/// The bits of `x` at the set bits of `mask`, packed towards bit 0 in order (what the BMI2
/// `pext` instruction does, which the baseline x86_64 target lacks): one step per run of
/// set bits in `mask`, and a match has few words.
#[inline]
fn compress(x: u64, mut mask: u64) -> u64 {
    let (mut out, mut taken) = (0u64, 0u32);
    while mask != 0 {
        let low = mask.trailing_zeros();
        let run = (!(mask >> low)).trailing_zeros();
        let ones = u64::MAX >> (64 - run);
        out |= ((x >> low) & ones) << taken;
        taken += run;
        mask &= !(ones << low);
    }
    out
}

/// The Unicode properties a shape needs, as bits, for the chars below [`TABLE_END`].
/// `char::is_alphabetic` and friends search Unicode tables for every char outside ASCII;
/// the Latin ones are looked up once here. (The `char` methods are not `const`, hence the
/// lazy table; callers fetch it once per text, not per char.)
fn latin_classes() -> &'static [u8; TABLE_END as usize] {
    static TABLE: std::sync::OnceLock<[u8; TABLE_END as usize]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|code| slow_class(char::from_u32(code as u32).unwrap_or(' '))))
}

/// The class bits of any char.
#[inline]
pub(crate) fn class_of(c: char) -> u8 {
    let code = c as u32;
    if code < TABLE_END {
        return latin_classes()[code as usize];
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

/// Whether the first letter of `text` is a capital, as [`Shape`] reads letters (its
/// `first_upper`): the scan asks it of a word's original text before walking from a word
/// whose patterns all need a capital initial. An ASCII letter first (nearly always) is
/// read without decoding.
pub(crate) fn first_letter_is_upper(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() => b.is_ascii_uppercase(),
        _ => text.chars().map(class_of).find(|class| class & ALPHABETIC != 0).is_some_and(|class| class & UPPER != 0),
    }
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
        // The scan's look at a word's first letter reads it as the shape does.
        for original in texts {
            assert_eq!(first_letter_is_upper(original), Shape::of(original).first_upper, "{original:?}");
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
    fn short_shapes_agree_with_the_char_by_char_shape() {
        let mut texts: Vec<String> = Vec::new();
        // Every char of the table and a few past it, at every position of a 64-byte text,
        // between letters, spaces and digits.
        let chars =
            (0..0x2A0u32).chain([0x391, 0x3B1, 0x416, 0x436, 0x1C4, 0x1C5, 0x6F22, 0x1F600]).filter_map(char::from_u32);
        for c in chars {
            for at in 0..64 {
                for fill in ["aB c1", "Minsk ", "É-U ", "xx"] {
                    let mut t: String = fill.chars().cycle().take(at).collect();
                    t.push(c);
                    while t.len() + fill.len() <= 64 {
                        t.push_str(fill);
                    }
                    if t.len() <= 64 {
                        texts.push(t);
                    }
                }
            }
        }
        texts.extend(
            ["", " ", "1", "A", "a", &"A".repeat(64), &"a ".repeat(32), &"é".repeat(32), &"😀a".repeat(12)]
                .map(String::from),
        );
        for text in &texts {
            assert!(text.len() <= 64);
            assert_eq!(Shape::of_short(text), Shape::of_chars(text), "{text:?}");
        }
        // Longer texts take the char by char path; letters and words past the 64th count.
        let long = "Université Technique d'État de Tachkent ".repeat(4);
        assert_eq!(Shape::of(&long), Shape::of_chars(&long));
    }

    #[test]
    fn span_shapes_agree_with_the_shapes_of_the_spans() {
        let mut texts: Vec<String> = [
            "Minsk Tractor Works",
            "l'Ouzbékistan et la RÉPUBLIQUE 12L'Arménie",
            "Ǆemal ǅemal ǆ Москва 漢字 😀 BelAZ",
            "Université TECHNIQUE d'État de Tachkent portant le nom d'Islam Karimov, à Tachkent (Ouzbékistan) 2024",
        ]
        .map(String::from)
        .to_vec();
        // Every table char (and a few others) in a text of some 30 bytes, and spans over
        // several windows.
        for c in (0x20..0x2A0u32).chain([0x416, 0x436, 0x1C5, 0x6F22, 0x1F600]).filter_map(char::from_u32) {
            texts.push(format!("Ab {c}x{c}Q 1a{c}"));
        }
        for text in &texts {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&e| e >= start) {
                    assert_eq!(
                        Shape::of_span(text, start, end),
                        Shape::of(&text[start..end]),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn compress_packs_the_masked_bits() {
        let reference = |x: u64, mask: u64| {
            let mut out = 0u64;
            let mut k = 0;
            for i in 0..64 {
                if mask >> i & 1 == 1 {
                    out |= (x >> i & 1) << k;
                    k += 1;
                }
            }
            out
        };
        let values = [
            0,
            1,
            u64::MAX,
            0x8000_0000_0000_0000,
            0xF0F0_0FF0_1234_5678,
            0x5555_AAAA_0F0F_F00F,
            0x7FFF_FFFF_FFFF_FFFE,
        ];
        for x in values {
            for mask in values {
                assert_eq!(compress(x, mask), reference(x, mask), "{x:x} {mask:x}");
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
