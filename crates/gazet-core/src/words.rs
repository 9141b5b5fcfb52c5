//! Words of folded text, and their hashes.
//!
//! A word is a run of folded bytes of one class: letters (`a`-`z` and the bytes of letters
//! of other scripts, kept as they are) or digits; everything else separates words, and so
//! does a change of class ("12l'armenie" is "12", "l", "armenie"). [`normalize::word_class`]
//! states the same rule byte by byte; this module finds words 64 bytes at a time, which is
//! what the scan needs: a French text has a word start every seven bytes or so, and
//! reading it byte by byte costs a branch misprediction at nearly every word end.
//!
//! Gazetteer patterns are cut into words by the same iterator and hashed by the same
//! function, so a word of the text and a word of a pattern hash alike exactly when their
//! bytes are equal.
//!
//! [`normalize::word_class`]: crate::normalize::word_class

use crate::normalize::block_at;
#[cfg(any(test, not(target_arch = "x86_64")))]
use crate::normalize::{gather_high_bits, HI};

#[cfg(any(test, not(target_arch = "x86_64")))]
const ONES: u64 = 0x0101_0101_0101_0101;
#[cfg(any(test, not(target_arch = "x86_64")))]
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// Letter and digit bits of the 64 bytes of block `block` (bytes past the end are neither).
#[inline]
fn block_masks(text: &[u8], block: usize) -> (u64, u64) {
    let mut padded = [0u8; 64];
    let bytes = block_at(text, block * 64, &mut padded);
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
        unsafe { classes_sse2(bytes) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        classes_swar(bytes)
    }
}

/// Letter and digit bits of a block, sixteen bytes at a time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn classes_sse2(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    // Signed compares: bytes from 0x80 are negative, below every bound.
    let within = |v, from: u8, to: u8| {
        _mm_movemask_epi8(_mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8(from as i8 - 1)),
            _mm_cmplt_epi8(v, _mm_set1_epi8(to as i8 + 1)),
        )) as u32
    };
    let (mut letters, mut digits) = (0u64, 0u64);
    for k in 0..4 {
        // SAFETY: bytes 16k..16k+16 lie inside the 64-byte block; the load takes any alignment.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().add(16 * k).cast()) };
        let non_ascii = _mm_movemask_epi8(v) as u32;
        letters |= u64::from(within(v, b'a', b'z') | non_ascii) << (16 * k);
        digits |= u64::from(within(v, b'0', b'9')) << (16 * k);
    }
    (letters, digits)
}

/// Per byte of `x`: the high bit set where the byte is a letter, and where it is a digit.
/// Bytes under 0x80 are compared by adding a constant that carries into the high bit
/// exactly when the byte is at least (or more than) a bound; no addition overflows a byte.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline(always)]
fn classes8(x: u64) -> (u64, u64) {
    let low = x & LOW7;
    let ascii = !x & HI;
    let at_least = |c: u8| low + ONES * (0x80 - u64::from(c));
    let more_than = |c: u8| low + ONES * (0x7F - u64::from(c));
    let letters = (at_least(b'a') & !more_than(b'z') & ascii) | (x & HI);
    let digits = at_least(b'0') & !more_than(b'9') & ascii;
    (letters & HI, digits & HI)
}

/// Letter and digit bits of a block, eight bytes at a time (SWAR): on other targets, and
/// the reference of the SSE2 version in tests.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn classes_swar(block: &[u8; 64]) -> (u64, u64) {
    let (mut letters, mut digits) = (0u64, 0u64);
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let (l, d) = classes8(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        letters |= gather_high_bits(l) << (8 * k);
        digits |= gather_high_bits(d) << (8 * k);
    }
    (letters, digits)
}

/// The words of `text` as (start, end) byte ranges, in order.
///
/// Each block's word starts and ends are bit masks: a start is a letter (digit) not after
/// a letter (digit), an end a byte that is no letter (digit) after one, with the last
/// byte of the previous block carried in. Starts and ends alternate, an end and the next
/// start possibly at one byte ("12l"), so a word is the lowest start, then the lowest end,
/// each taken off its mask. Reading word by word cost some 40 instructions a word.
pub(crate) struct Words<'a> {
    text: &'a [u8],
    /// The block whose masks are loaded.
    block: usize,
    /// Starts and ends in the block not yet taken.
    starts: u64,
    ends: u64,
    /// The last byte of the loaded block is a letter, a digit (bit 0).
    carry_letter: u64,
    carry_digit: u64,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a [u8]) -> Self {
        let mut words = Words { text, block: 0, starts: 0, ends: 0, carry_letter: 0, carry_digit: 0 };
        words.load(0);
        words
    }

    #[inline(always)]
    fn load(&mut self, block: usize) {
        let (letters, digits) = block_masks(self.text, block);
        let letters_before = (letters << 1) | self.carry_letter;
        let digits_before = (digits << 1) | self.carry_digit;
        self.starts = (letters & !letters_before) | (digits & !digits_before);
        self.ends = (letters_before & !letters) | (digits_before & !digits);
        self.carry_letter = letters >> 63;
        self.carry_digit = digits >> 63;
        self.block = block;
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    // Always inlined: the scan calls it once per word of the text, and when a second
    // caller appeared the compiler stopped inlining it there (+8 % instructions).
    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let start = loop {
            if self.starts != 0 {
                let start = self.block * 64 + self.starts.trailing_zeros() as usize;
                self.starts &= self.starts - 1;
                break start;
            }
            // Bytes past the end are no word bytes: no start lies beyond their block.
            if (self.block + 1) * 64 >= self.text.len() {
                return None;
            }
            self.load(self.block + 1);
        };
        // A word runs on into the next blocks while their masks hold no end; past the end
        // of the text every byte ends a word.
        while self.ends == 0 {
            self.load(self.block + 1);
        }
        let end = self.block * 64 + self.ends.trailing_zeros() as usize;
        self.ends &= self.ends - 1;
        Some((start, end))
    }
}

const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// A folded multiply: the high and low halves of the 128-bit product, xored. Every input
/// bit reaches every output bit.
#[inline(always)]
fn mix(h: u64, k: u64) -> u64 {
    let product = u128::from(h) * u128::from(k);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Hash of the word `text[start..end]`. Reads eight bytes at a time, past `end` when the
/// text allows it (the extra bytes are masked off).
///
/// A word of up to 16 bytes (nearly every word) is two masked loads mixed in one multiply
/// of the two (wyhash's step), with no branch on its length: a loop over its eight-byte
/// chunks mispredicted at about a third of the words, whose lengths are unpredictable.
#[inline]
pub(crate) fn word_hash_at(text: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    if len <= 16 {
        let (low, high) = short_word_at(text, start, end);
        return mix(mix(low ^ HASH_SEED ^ len as u64, high ^ 0x9E37_79B9_7F4A_7C15), 0xD6E8_FEB8_6659_FD93);
    }
    let mut h = HASH_SEED ^ len as u64;
    let mut i = start;
    while i + 8 <= end {
        h = mix(h ^ load8(text, i), 0x9E37_79B9_7F4A_7C15);
        i += 8;
    }
    if i < end {
        h = mix(h ^ (load8(text, i) & byte_mask(end - i)), 0x9E37_79B9_7F4A_7C15);
    }
    mix(h, 0xD6E8_FEB8_6659_FD93)
}

/// The bytes of a word of at most 16 bytes, `text[start..end]`, as two integers, zero past
/// its end. No word byte is zero, so two words are equal exactly when these are.
#[inline(always)]
pub(crate) fn short_word_at(text: &[u8], start: usize, end: usize) -> (u64, u64) {
    let len = end - start;
    (load8(text, start) & byte_mask(len.min(8)), load8(text, start + 8) & byte_mask(len.saturating_sub(8)))
}

/// The low `n` bytes of a word set (`n` at most 8), without a branch: a table load.
#[inline(always)]
fn byte_mask(n: usize) -> u64 {
    static MASKS: [u64; 16] = {
        let mut masks = [u64::MAX; 16];
        let mut n = 0;
        while n < 8 {
            masks[n] = (1 << (8 * n)) - 1;
            n += 1;
        }
        masks
    };
    MASKS[n & 15]
}

/// Hash of a whole word.
pub(crate) fn word_hash(word: &[u8]) -> u64 {
    word_hash_at(word, 0, word.len())
}

/// Eight bytes from `at`, zero-padded past the end of `text` (zero from past the end).
#[inline(always)]
fn load8(text: &[u8], at: usize) -> u64 {
    match text.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        None => {
            let mut buf = [0u8; 8];
            let rest = text.get(at..).unwrap_or_default();
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::word_class;

    /// Words by the byte-by-byte definition.
    fn reference(text: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if word_class(text[i]) == 0 {
                i += 1;
                continue;
            }
            let (start, class) = (i, word_class(text[i]));
            while i < text.len() && word_class(text[i]) == class {
                i += 1;
            }
            out.push((start, i));
        }
        out
    }

    #[test]
    fn words_match_the_byte_by_byte_definition() {
        let mut texts: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b" ".to_vec(),
            b"a".to_vec(),
            b"12l'armenie, la bielorussie3 et 2024".to_vec(),
            "moscou \u{1}\u{1}\u{1} \u{2} москва 漢字".as_bytes().to_vec(),
            [b"x".repeat(63), b" ".to_vec(), b"y".repeat(130), b"9".repeat(64)].concat(),
            b"a".repeat(64),
            b" ".repeat(64),
            [b" ".repeat(63), b"ab".to_vec()].concat(),
            [b"z".repeat(64), b"0".to_vec()].concat(),
            // Words ending, starting and changing class at block edges and text ends.
            b"a".repeat(128),
            [b"a".repeat(63), b"1".repeat(65), b"b".to_vec()].concat(),
            [b"a".repeat(64), b" ".repeat(64), b"b".repeat(200)].concat(),
            [b" ".repeat(127), b"a".to_vec()].concat(),
            [b"x".repeat(127), b" ".to_vec()].concat(),
        ];
        for len in 0..200 {
            texts.push(b"ab 1c2 \xc3\xa9d ".iter().copied().cycle().take(len).collect());
        }
        // Every byte value at every position of a block.
        for b in 0..=255u8 {
            let mut t = b"word ".repeat(14);
            t[(b as usize) % 70] = b;
            t.push(b);
            texts.push(t);
        }
        for text in &texts {
            assert_eq!(Words::new(text).collect::<Vec<_>>(), reference(text), "{text:?}");
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sse2_classes_agree_with_swar_on_every_byte_at_every_position() {
        for block in crate::normalize::tests::probe_blocks() {
            // SAFETY: SSE2 is part of the x86_64 baseline.
            let simd = unsafe { classes_sse2(&block) };
            assert_eq!(simd, classes_swar(&block), "{block:?}");
            let bytes: Vec<u8> = block.to_vec();
            let by_byte = |class: u8| (0..64).filter(|&k| word_class(bytes[k]) == class).fold(0u64, |m, k| m | 1 << k);
            assert_eq!(simd, (by_byte(1), by_byte(2)), "{block:?}");
        }
    }

    #[test]
    fn hashes_depend_on_the_word_bytes_only() {
        let text = b"minsk minsk, minskaya 12345678901 bielorussie";
        assert_eq!(word_hash_at(text, 0, 5), word_hash(b"minsk"));
        assert_eq!(word_hash_at(text, 6, 11), word_hash(b"minsk"));
        assert_eq!(word_hash_at(text, 22, 33), word_hash(b"12345678901"));
        assert_eq!(word_hash_at(text, 34, 45), word_hash(b"bielorussie"));
        assert_ne!(word_hash(b"minsk"), word_hash(b"minska"));
        assert_ne!(word_hash(b"a"), word_hash(b"a\0"));
    }

    /// Every length on both sides of the 8- and 16-byte paths, at every offset up to the
    /// text's end (where the loads run past it): a word hashes by its bytes alone, and no
    /// two of these words collide.
    #[test]
    fn hashes_agree_at_every_length_and_offset() {
        let text: Vec<u8> = (0..64u8).map(|i| b'a' + i % 26).collect();
        let mut seen = std::collections::HashMap::new();
        for len in 0..40 {
            for start in 0..=text.len() - len {
                let word = &text[start..start + len];
                let h = word_hash_at(&text, start, start + len);
                assert_eq!(h, word_hash(word), "{len} at {start}");
                assert_eq!(*seen.entry(word.to_vec()).or_insert(h), h);
            }
        }
        let distinct: std::collections::HashSet<u64> = seen.values().copied().collect();
        assert_eq!(distinct.len(), seen.len());
    }
}
