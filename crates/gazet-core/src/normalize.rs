//! Normalisation for matching, with a map back to the original text.
//!
//! Matching runs over a folded copy of the text: lowercase, accents removed, typographic
//! apostrophes and dashes unified, every whitespace run collapsed to one space, hyphens at a
//! line end joined to the next word, URLs and e-mail addresses masked. Gazetteer surfaces go
//! through the same function, so a surface and its occurrences fold to the same bytes.
//!
//! The fold changes lengths (`é` is two bytes, `e` one; `\n\n` becomes one space), so the
//! result carries an [`OffsetMap`] that takes a folded offset back to the original. Most
//! bytes of French text map one to one, so the map stores only the pieces that do not, and
//! a lookup is a binary search over those pieces.

use crate::urls;

/// The byte written for each byte of a URL or e-mail address: it is neither a word byte nor
/// a space, and no surface contains it, so nothing can match inside or across a URL.
pub const MASK: u8 = 0x01;
/// The byte written for a non-ASCII symbol or punctuation mark (guillemets, bullets, emoji):
/// a non-word byte that no surface contains.
pub const SYMBOL: u8 = 0x02;

/// A stretch of folded text whose length differs from, or whose bytes were not copied from,
/// the original stretch it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    folded: u32,
    folded_len: u32,
    original: u32,
    original_len: u32,
}

/// Maps offsets of the folded text back to offsets of the original text.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    /// Entry `k`: the number of pieces that start before folded offset `k * INDEX_BLOCK`,
    /// for every block of the folded text and one past it. A lookup then searches the few
    /// pieces of one block, not all of them (a check looks up every match's span, and a
    /// search over the ten thousand pieces of a book took some 110 instructions).
    index: Vec<u32>,
}

const INDEX_BLOCK: usize = 64;

impl OffsetMap {
    fn new(pieces: Vec<Piece>, folded_len: usize) -> OffsetMap {
        // index[k]: the pieces that start before block k. Counted per block, then summed:
        // no loop whose length depends on the text (stepping through the pieces block by
        // block mispredicted a branch at about every fourth block).
        let blocks = folded_len / INDEX_BLOCK + 2;
        let mut index = vec![0u32; blocks];
        for p in &pieces {
            index[(p.folded as usize / INDEX_BLOCK + 1).min(blocks - 1)] += 1;
        }
        let mut count = 0;
        for slot in &mut index {
            count += *slot;
            *slot = count;
        }
        OffsetMap { pieces, index }
    }

    /// The number of pieces that start at or before folded offset `at`.
    #[inline]
    fn pieces_upto(&self, at: u32) -> usize {
        let block = at as usize / INDEX_BLOCK;
        let (low, high) = match (self.index.get(block), self.index.get(block + 1)) {
            (Some(&low), Some(&high)) => (low as usize, high as usize),
            _ => (0, self.pieces.len()),
        };
        if high - low > 8 {
            // Text of other scripts: a piece per char.
            return low + self.pieces[low..high].partition_point(|p| p.folded <= at);
        }
        // A block of French text holds a few pieces: a linear scan beats a binary
        // search's setup.
        let mut count = low;
        while count < high && self.pieces[count].folded <= at {
            count += 1;
        }
        count
    }

    /// The piece that contains or last precedes folded offset `at`.
    fn piece_before(&self, at: u32) -> Option<&Piece> {
        let idx = self.pieces_upto(at);
        idx.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// Original offset where the character that produced folded byte `at` starts.
    pub fn start(&self, at: usize) -> usize {
        let at = at as u32;
        match self.piece_before(at) {
            None => at as usize,
            Some(p) if at < p.folded + p.folded_len => p.original as usize,
            Some(p) => (p.original + p.original_len + (at - p.folded - p.folded_len)) as usize,
        }
    }

    /// `(self.start(start), self.end(end))`, with one binary search: the piece of `end - 1`
    /// is found by stepping on from the piece of `start`, as a span covers few pieces.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            return (self.start(start), self.end(end));
        }
        let (at, last) = (start as u32, (end - 1) as u32);
        let first = self.pieces_upto(at);
        let mut after = first;
        while self.pieces.get(after).is_some_and(|p| p.folded <= last) {
            after += 1;
        }
        let original_start = match first.checked_sub(1).map(|i| &self.pieces[i]) {
            None => start,
            Some(p) if at < p.folded + p.folded_len => p.original as usize,
            Some(p) => (p.original + p.original_len + (at - p.folded - p.folded_len)) as usize,
        };
        let original_end = match after.checked_sub(1).map(|i| &self.pieces[i]) {
            None => end,
            Some(p) if last < p.folded + p.folded_len => (p.original + p.original_len) as usize,
            Some(p) => (p.original + p.original_len + (last - p.folded - p.folded_len) + 1) as usize,
        };
        (original_start, original_end)
    }

    /// Original offset just past the character that produced folded byte `end - 1`.
    pub fn end(&self, end: usize) -> usize {
        if end == 0 {
            return 0;
        }
        let last = (end - 1) as u32;
        match self.piece_before(last) {
            None => end,
            Some(p) if last < p.folded + p.folded_len => (p.original + p.original_len) as usize,
            Some(p) => (p.original + p.original_len + (last - p.folded - p.folded_len) + 1) as usize,
        }
    }
}

/// Folded text and the way back to the original.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// Folded bytes. Valid UTF-8: ASCII, [`MASK`], [`SYMBOL`] and lowercase letters of
    /// scripts without a Latin fold (Cyrillic, Greek, ...).
    pub text: Vec<u8>,
    pub map: OffsetMap,
}

impl Normalized {
    pub fn as_str(&self) -> &str {
        // Every byte pushed is ASCII or a whole UTF-8 encoded char.
        std::str::from_utf8(&self.text).unwrap_or("")
    }
}

/// Byte classes of the ASCII fast path.
const COPY: u8 = 0;
const UPPER: u8 = 1;
const SPACE: u8 = 2;
const HYPHEN: u8 = 3;
const BACKTICK: u8 = 4;

static ASCII_CLASS: [u8; 128] = {
    let mut t = [COPY; 128];
    let mut b = b'A';
    while b <= b'Z' {
        t[b as usize] = UPPER;
        b += 1;
    }
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0x0b] = SPACE;
    t[0x0c] = SPACE;
    t[b'-' as usize] = HYPHEN;
    t[b'`' as usize] = BACKTICK;
    t
};

/// Class of a folded byte: 0 not in a word, 1 letter (ASCII, or a byte of a non-ASCII
/// letter kept as it is), 2 digit. A word is a run of bytes of one non-zero class; the scan
/// reads words this way and gazetteer patterns are cut into words the same way.
#[inline(always)]
pub fn word_class(b: u8) -> u8 {
    WORD_CLASS[b as usize]
}

static WORD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        t[b] = if b >= b'0' as usize && b <= b'9' as usize {
            2
        } else if (b >= b'a' as usize && b <= b'z' as usize) || b >= 0x80 {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// True for the bytes that make up words in folded text.
#[inline(always)]
pub fn is_word_byte(b: u8) -> bool {
    word_class(b) != 0
}

/// A word boundary lies between `prev` and `next` (folded bytes): one of them is not a word
/// byte, or a digit meets a letter. The second rule splits footnote calls glued to words in
/// PDF text ("12L'Arménie", "Biélorussie3").
#[inline(always)]
pub fn is_boundary(prev: u8, next: u8) -> bool {
    let (a, b) = (word_class(prev), word_class(next));
    a == 0 || b == 0 || a != b
}

/// Folds `text` for matching. See the module documentation for the rules.
pub fn normalize(text: &str) -> Normalized {
    let mut folded = fold(text, true);
    unglue_escaped_line_breaks(text, &mut folded);
    folded
}

/// "\NBelarus-Caucase du Nord": PDF extraction left a line break escaped as the two
/// characters `\N` before a chapter title, glued to its first word. The `N` after a
/// backslash and before a capital is folded to a space, so that the word is read on its
/// own (one byte for one: the map is unchanged). "C:\Nouveau" keeps its `N`.
fn unglue_escaped_line_breaks(text: &str, folded: &mut Normalized) {
    let original = text.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'\\', &folded.text[from..]) {
        let at = from + found + 1;
        from = at;
        if folded.text.get(at) != Some(&b'n') || folded.text.get(at + 1).is_none_or(|&b| !is_word_byte(b)) {
            continue;
        }
        let n = folded.map.start(at);
        let glued = original.get(n) == Some(&b'N')
            && text.get(n + 1..).and_then(|rest| rest.chars().next()).is_some_and(char::is_uppercase);
        if glued {
            folded.text[at] = b' ';
        }
    }
}

/// Folds `text`. A text to match in (`is_text`) has its URLs masked and gets its offset map;
/// a gazetteer surface needs neither, and the build folds some 150,000 of them.
///
/// Plain runs (the bytes that fold to themselves lowercased) are found 64 bytes at a time:
/// most of a French text is such runs; they end at line breaks, hyphens, non-ASCII chars
/// and double spaces.
fn fold(text: &str, is_text: bool) -> Normalized {
    let bytes = text.as_bytes();
    // Bytes that need attention in the block at `attention_from` (bit k: byte
    // `attention_from + k`).
    let (mut attention_from, mut attention) = (0, attention_at(bytes, 0));
    fold_with(text, is_text, |start, limit| {
        let mut i = start;
        loop {
            if i >= attention_from + 64 {
                // Blocks aligned on 64 bytes: each is read once.
                attention_from = i & !63;
                attention = attention_at(bytes, attention_from);
            }
            let ahead = attention >> (i - attention_from);
            if ahead != 0 {
                return (i + ahead.trailing_zeros() as usize).min(limit);
            }
            i = attention_from + 64;
            if i >= limit {
                return limit;
            }
        }
    })
}

/// The loop of a fold. `plain_run_end(i, limit)` tells where the plain run at `i` ends
/// (at `limit` at the latest); the run is copied lowercased, URLs and e-mail addresses are
/// masked, and every other byte or char is folded on its own.
#[inline(always)]
fn fold_with(text: &str, is_text: bool, mut plain_run_end: impl FnMut(usize, usize) -> usize) -> Normalized {
    let bytes = text.as_bytes();
    let masked = if is_text { urls::find(text) } else { Vec::new() };
    let mut folding = Folding::new(bytes.len(), is_text);
    let mut masks = masked.into_iter().peekable();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let next_mask = masks.peek().map_or(n, |r| r.start);
        // A space right after a space already written (a no-break space folded to one) is
        // not plain.
        if !(bytes[i] == b' ' && folding.out.last() == Some(&b' ')) {
            let run_end = plain_run_end(i, next_mask);
            if run_end > i {
                copy_lowercased(&mut folding.out, bytes, i, run_end);
                i = run_end;
                // A run that stops short of its limit stops at a byte that needs folding
                // on its own: fold it now rather than find the run at it empty.
                if i < next_mask {
                    i = folding.one(text, i);
                }
                continue;
            }
        }
        if i == next_mask {
            if let Some(range) = masks.next() {
                i = folding.mask(range);
                continue;
            }
        }
        i = folding.one(text, i);
    }
    folding.finish()
}

/// Appends `bytes[start..end]` to `out` with its ASCII capitals lowercased.
#[inline(always)]
fn copy_lowercased(out: &mut Vec<u8>, bytes: &[u8], start: usize, end: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        // Sixteen bytes at a time while the text holds them (past `end` too: the extra
        // bytes are cut off after), each a copy of a fixed length: a plain run is a dozen
        // bytes on average, and a call to `memcpy` and a pass over the copy cost more.
        let len = out.len() + (end - start);
        let mut at = start;
        // Two windows whatever the run's length (most runs fit in them): whether a run
        // needs a second window was a branch mispredicted at about every fifth run.
        if let Some(windows) = bytes.get(at..at + 32) {
            // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
            out.extend_from_slice(&unsafe { lowercase16_sse2(windows[..16].try_into().expect("sixteen bytes")) });
            // SAFETY: as above.
            out.extend_from_slice(&unsafe { lowercase16_sse2(windows[16..].try_into().expect("sixteen bytes")) });
            at += 32;
        }
        while at < end {
            let Some(window) = bytes.get(at..at + 16) else { break };
            // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
            out.extend_from_slice(&unsafe { lowercase16_sse2(window.try_into().expect("sixteen bytes")) });
            at += 16;
        }
        if at < end {
            let from = out.len();
            out.extend_from_slice(&bytes[at..end]);
            lowercase_bytes(&mut out[from..]);
        }
        out.truncate(len);
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let from = out.len();
        out.extend_from_slice(&bytes[start..end]);
        lowercase_bytes(&mut out[from..]);
    }
}

/// Sixteen bytes with their ASCII capitals lowercased.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn lowercase16_sse2(window: &[u8; 16]) -> [u8; 16] {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_or_si128, _mm_set1_epi8, _mm_storeu_si128,
    };
    // SAFETY: the window is 16 bytes long; the load takes any alignment.
    let v = unsafe { _mm_loadu_si128(window.as_ptr().cast()) };
    let capital = _mm_and_si128(
        _mm_cmpgt_epi8(v, _mm_set1_epi8(b'A' as i8 - 1)),
        _mm_cmplt_epi8(v, _mm_set1_epi8(b'Z' as i8 + 1)),
    );
    let mut lowered = [0u8; 16];
    // SAFETY: `lowered` is 16 bytes long; the store takes any alignment.
    unsafe {
        _mm_storeu_si128(lowered.as_mut_ptr().cast(), _mm_or_si128(v, _mm_and_si128(capital, _mm_set1_epi8(0x20))))
    };
    lowered
}

/// The byte loop of [`copy_lowercased`]: text ends, other targets, and the reference.
#[inline(always)]
fn lowercase_bytes(bytes: &mut [u8]) {
    for b in bytes {
        *b |= u8::from(b.wrapping_sub(b'A') < 26) << 5;
    }
}

/// A fold under way: the folded bytes and the map back.
struct Folding {
    out: Vec<u8>,
    pieces: Vec<Piece>,
    /// Record the map (texts) or not (surfaces).
    keep_map: bool,
}

impl Folding {
    fn new(len: usize, keep_map: bool) -> Self {
        // French text has a non-identity piece (accent, line break) every twenty-odd bytes.
        let pieces = Vec::with_capacity(if keep_map { len / 16 } else { 0 });
        Folding { out: Vec::with_capacity(len + 40), pieces, keep_map }
    }

    fn piece(&mut self, folded: usize, folded_len: usize, original: usize, original_len: usize) {
        if self.keep_map {
            self.pieces.push(Piece {
                folded: folded as u32,
                folded_len: folded_len as u32,
                original: original as u32,
                original_len: original_len as u32,
            });
        }
    }

    /// Masks a URL or e-mail address; returns where it ends.
    fn mask(&mut self, range: std::ops::Range<usize>) -> usize {
        // One MASK byte per original byte keeps the map the identity here.
        self.out.resize(self.out.len() + range.len(), MASK);
        range.end
    }

    /// Folds the byte or char at `i` (one that needs attention, or any other); returns where
    /// the next one starts.
    #[inline(always)]
    fn one(&mut self, text: &str, i: usize) -> usize {
        // Two-byte chars of the Latin table (é, è, à, ç: most non-ASCII chars of French
        // text) without a call: the same steps as `fold_char` and the piece below.
        let bytes = text.as_bytes();
        if bytes[i] & 0xE0 == 0xC0 {
            if let Some(&next) = bytes.get(i + 1) {
                let code = (usize::from(bytes[i] & 0x1F) << 6) | usize::from(next & 0x3F);
                if (0x80..LATIN_END).contains(&code) {
                    let entry = &latin_table()[code - 0x80];
                    if entry.0 != SPACE_MARK {
                        let start = self.out.len();
                        let len = start + (entry.0 as usize & 0x7);
                        self.out.extend_from_slice(&entry.1);
                        self.out.truncate(len);
                        self.piece(start, len - start, i, 2);
                        return i + 2;
                    }
                }
            }
        }
        self.one_general(text, i)
    }

    fn one_general(&mut self, text: &str, i: usize) -> usize {
        let bytes = text.as_bytes();
        let after_space = self.out.last() == Some(&b' ');
        let b = bytes[i];
        if b < 0x80 {
            match ASCII_CLASS[b as usize] {
                BACKTICK => self.out.push(b'\''),
                SPACE => {
                    let run_end = whitespace_run_end(bytes, i);
                    if after_space {
                        // Already one space (from a no-break space): this run folds away.
                        self.piece(self.out.len(), 0, i, run_end - i);
                        return run_end;
                    }
                    if run_end - i != 1 || b != b' ' {
                        self.piece(self.out.len(), 1, i, run_end - i);
                    }
                    self.out.push(b' ');
                    return run_end;
                }
                HYPHEN => {
                    let run_end = whitespace_run_end(bytes, i + 1);
                    let joins = run_end > i + 1
                        && bytes[i + 1..run_end].contains(&b'\n')
                        && self.out.last().is_some_and(|&p| is_word_byte(p))
                        && run_end < bytes.len()
                        && starts_word(&text[run_end..]);
                    if joins {
                        if splits_a_name(text, i, run_end) {
                            self.piece(self.out.len(), 0, i, run_end - i);
                        } else {
                            self.piece(self.out.len(), 1, i, run_end - i);
                            self.out.push(b'-');
                        }
                        return run_end;
                    }
                    self.out.push(b'-');
                }
                _ => self.out.push(b.to_ascii_lowercase()),
            }
            return i + 1;
        }
        // Non-ASCII: decode one char (text is valid UTF-8, so `i` is a char boundary).
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        let len = c.len_utf8();
        let start = self.out.len();
        fold_char(c, &mut self.out);
        self.piece(start, self.out.len() - start, i, len);
        i + len
    }

    fn finish(self) -> Normalized {
        let folded_len = self.out.len();
        Normalized {
            text: self.out,
            map: if self.keep_map { OffsetMap::new(self.pieces, folded_len) } else { OffsetMap::default() },
        }
    }
}

/// Bit `k` set where byte `at + k` is not plain: non-ASCII, a control char or whitespace
/// other than a single space (a space followed by whitespace), a hyphen or a backtick.
/// Bytes past the end count as control chars. Exact per byte.
#[inline]
fn attention_at(bytes: &[u8], at: usize) -> u64 {
    let mut padded = [0u8; 64];
    let block = block_at(bytes, at, &mut padded);
    let (special, spaces, controls) = attention_masks(block);
    let next_is_blank = bytes.get(at + 64).is_none_or(|&b| b <= b' ');
    let blank_next = ((spaces | controls) >> 1) | (u64::from(next_is_blank) << 63);
    special | (spaces & blank_next)
}

/// Over the 64 bytes of `block`: the bytes that are not plain whatever follows them
/// (non-ASCII, controls, hyphens, backticks), the spaces, the ASCII controls.
#[inline(always)]
fn attention_masks(block: &[u8; 64]) -> (u64, u64, u64) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
        unsafe { attention_masks_sse2(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        attention_masks_swar(block)
    }
}

/// [`attention_masks`] sixteen bytes at a time: the SWAR version took some 375
/// instructions a block, a sixth of the fold.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn attention_masks_sse2(block: &[u8; 64]) -> (u64, u64, u64) {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let (mut special, mut spaces, mut controls) = (0u64, 0u64, 0u64);
    for k in 0..4 {
        // SAFETY: bytes 16k..16k+16 lie inside the 64-byte block; the load takes any alignment.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().add(16 * k).cast()) };
        // Signed: below 0x20 are the ASCII controls and every byte from 0x80 (negative).
        let below_space = _mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20))) as u32;
        let non_ascii = _mm_movemask_epi8(v) as u32;
        let hyphen_or_backtick = _mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b'-' as i8)),
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b'`' as i8)),
        )) as u32;
        let space = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8))) as u32;
        special |= u64::from(below_space | hyphen_or_backtick) << (16 * k);
        spaces |= u64::from(space) << (16 * k);
        controls |= u64::from(below_space & !non_ascii) << (16 * k);
    }
    (special, spaces, controls)
}

/// [`attention_masks`] eight bytes at a time (SWAR): on other targets, and the reference
/// of the SSE2 version in tests.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn attention_masks_swar(block: &[u8; 64]) -> (u64, u64, u64) {
    let (mut special, mut spaces, mut controls) = (0u64, 0u64, 0u64);
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // An ASCII byte is below 0x20 when adding 0x60 leaves its high bit clear.
        let control = !((x & !HI) + 0x6060_6060_6060_6060) & !x & HI;
        let hyphen = zero_bytes(x ^ (LO * u64::from(b'-')));
        let backtick = zero_bytes(x ^ (LO * u64::from(b'`')));
        let space = zero_bytes(x ^ (LO * u64::from(b' ')));
        special |= gather_high_bits((x & HI) | control | hyphen | backtick) << (8 * k);
        spaces |= gather_high_bits(space) << (8 * k);
        controls |= gather_high_bits(control) << (8 * k);
    }
    (special, spaces, controls)
}

/// The offsets of the bytes of `bytes` that are one of `set`, in order: with SSE2, 64
/// bytes at a time (see [`block_positions`]).
pub(crate) fn byte_positions<const N: usize>(bytes: &[u8], set: [u8; N]) -> impl Iterator<Item = usize> + '_ {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
        block_positions(bytes, move |block| unsafe { byte_set_mask_sse2(block, &set) })
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        bytes.iter().enumerate().filter_map(move |(i, b)| set.contains(b).then_some(i))
    }
}

/// The offsets where `mask_of` sets bits, in order: each 64-byte block (zero-padded past
/// the end; padding bits are dropped) gets one mask, whose positions are taken lowest
/// first. A search that restarts after every match (`memchr3_iter`) pays its start-up
/// again for each, and French text has a full stop every hundred bytes or so.
pub(crate) fn block_positions<'a>(
    bytes: &'a [u8],
    mask_of: impl Fn(&[u8; 64]) -> u64 + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let (mut base, mut mask) = (0usize, 0u64);
    let mut loaded = false;
    std::iter::from_fn(move || loop {
        if mask != 0 {
            let at = base + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            return Some(at);
        }
        if loaded {
            base += 64;
        }
        if base >= bytes.len() {
            return None;
        }
        let mut padded = [0u8; 64];
        let block = block_at(bytes, base, &mut padded);
        let valid = if bytes.len() - base >= 64 { u64::MAX } else { (1u64 << (bytes.len() - base)) - 1 };
        mask = mask_of(block) & valid;
        loaded = true;
    })
}

/// Bit `k` set where byte `k` of the block is one of `set`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn byte_set_mask_sse2<const N: usize>(block: &[u8; 64], set: &[u8; N]) -> u64 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128,
    };
    let mut mask = 0u64;
    for k in 0..4 {
        // SAFETY: bytes 16k..16k+16 lie inside the 64-byte block; the load takes any alignment.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().add(16 * k).cast()) };
        let mut found = _mm_setzero_si128();
        for &b in set {
            found = _mm_or_si128(found, _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)));
        }
        mask |= u64::from(_mm_movemask_epi8(found) as u32) << (16 * k);
    }
    mask
}

/// The 64 bytes from `at`, zero-padded past the end of `bytes` (in `padded`).
#[inline(always)]
pub(crate) fn block_at<'a>(bytes: &'a [u8], at: usize, padded: &'a mut [u8; 64]) -> &'a [u8; 64] {
    match bytes.get(at..at + 64) {
        Some(full) => full.try_into().expect("64 bytes"),
        None => {
            let rest = &bytes[at.min(bytes.len())..];
            padded[..rest.len()].copy_from_slice(rest);
            padded
        }
    }
}

/// The high bits of the eight bytes of `m`, as eight bits (byte 0 in bit 0).
#[inline(always)]
pub(crate) fn gather_high_bits(m: u64) -> u64 {
    ((m & HI) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// End of the run of bytes from `i` (before `limit`) that fold to themselves lowercased:
/// ASCII other than whitespace, hyphen and backtick, and single spaces between them.
#[cfg(test)]
#[inline]
fn plain_run_end(bytes: &[u8], mut i: usize, limit: usize) -> usize {
    while i < limit {
        let b = bytes[i];
        if b >= 0x80 {
            break;
        }
        match ASCII_CLASS[b as usize] {
            COPY | UPPER => i += 1,
            SPACE
                if b == b' ' && i + 1 < limit && bytes[i + 1] < 0x80 && ASCII_CLASS[bytes[i + 1] as usize] != SPACE =>
            {
                i += 1
            }
            _ => break,
        }
    }
    i
}

fn whitespace_run_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        i += 1;
    }
    i
}

fn starts_word(rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// The hyphen at `hyphen`, at a line end, cuts one capitalised name in two ("Ar-\n\nménie",
/// "Azer-\n\nbaïdjan"): the piece before it starts a word with a capital and the line after
/// goes on in lowercase. A compound of two names keeps its second capital
/// ("Saint-\n\nPétersbourg"), and a combining prefix ends in "o" ("Russo-\nbiélorusse"):
/// both keep their hyphen.
fn splits_a_name(text: &str, hyphen: usize, next_line: usize) -> bool {
    let next = &text[next_line..];
    if !next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    // A lowercase word that goes on with a hyphen or an apostrophe is a compound's
    // particle ("Rostov-\n\nsur-le-Don", "Komsomolsk-\nsur-l'Amour"), not a name's end.
    let particle = next.trim_start_matches(char::is_alphabetic);
    if particle.starts_with(['-', '\'', '’']) {
        return false;
    }
    let piece: Vec<char> = text[..hyphen].chars().rev().take_while(|c| c.is_alphabetic()).collect();
    let (Some(first), Some(last)) = (piece.last(), piece.first()) else {
        return false;
    };
    piece.len() >= 2 && first.is_uppercase() && !matches!(last, 'o' | 'O')
}

/// Folds one non-ASCII char into `out`. Latin letters (the bulk of non-ASCII in French
/// text) come from a table computed once; other chars take the general path.
#[inline]
fn fold_char(c: char, out: &mut Vec<u8>) {
    let code = c as usize;
    if (0x80..LATIN_END).contains(&code) {
        let entry = &latin_table()[code - 0x80];
        if entry.0 != SPACE_MARK || out.last() != Some(&b' ') {
            // All four bytes, then cut: a copy of a fixed length is a few moves, one of a
            // variable length a call to `memcpy`.
            let len = out.len() + (entry.0 as usize & 0x7);
            out.extend_from_slice(&entry.1);
            out.truncate(len);
        }
        return;
    }
    fold_char_general(c, out);
}

const LATIN_END: usize = 0x250;
/// Length tag of a table entry that folds to a space (merged with a preceding space).
const SPACE_MARK: u8 = 0x80 | 1;

fn latin_table() -> &'static [(u8, [u8; 4])] {
    static TABLE: std::sync::OnceLock<Vec<(u8, [u8; 4])>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..LATIN_END as u32)
            .map(|code| {
                let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                let mut buf = Vec::new();
                fold_char_general(c, &mut buf);
                let mut entry = [0u8; 4];
                let len = buf.len().min(4);
                entry[..len].copy_from_slice(&buf[..len]);
                let tag = if buf == b" " { SPACE_MARK } else { len as u8 };
                (tag, entry)
            })
            .collect()
    })
}

fn fold_char_general(c: char, out: &mut Vec<u8>) {
    match c {
        // Apostrophes and primes used as apostrophes.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02B9}' | '\u{2032}' | '\u{00B4}' => out.push(b'\''),
        // Hyphens and dashes.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE63}'
        | '\u{FF0D}' => out.push(b'-'),
        // Soft hyphen and zero-width characters vanish.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        'œ' | 'Œ' => out.extend_from_slice(b"oe"),
        'æ' | 'Æ' => out.extend_from_slice(b"ae"),
        'ß' | 'ẞ' => out.extend_from_slice(b"ss"),
        'ø' | 'Ø' => out.push(b'o'),
        'ł' | 'Ł' => out.push(b'l'),
        'đ' | 'Đ' => out.push(b'd'),
        'ı' => out.push(b'i'),
        'þ' | 'Þ' => out.extend_from_slice(b"th"),
        'ð' | 'Ð' => out.push(b'd'),
        // One space for a whitespace run, whatever mix of spaces it is made of.
        _ if c.is_whitespace() => {
            if out.last() != Some(&b' ') {
                out.push(b' ');
            }
        }
        _ if unicode_normalization::char::is_combining_mark(c) => {}
        _ if c.is_alphanumeric() => {
            for lower in c.to_lowercase() {
                let mut kept_base = false;
                unicode_normalization::char::decompose_canonical(lower, |d| {
                    if !unicode_normalization::char::is_combining_mark(d) {
                        kept_base = true;
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(d.encode_utf8(&mut buf).as_bytes());
                    }
                });
                if !kept_base {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        _ => out.push(SYMBOL),
    }
}

#[cfg(any(test, not(target_arch = "x86_64")))]
const LO: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte of a `u64`, for SWAR byte tests.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// 0x80 in each byte of `y` that is zero, 0 elsewhere (exact, no carries across bytes).
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline(always)]
fn zero_bytes(y: u64) -> u64 {
    !(((y & !HI) + !HI) | y) & HI
}

/// 0x80 in each byte of `chunk` (little-endian) that is not plain: non-ASCII, a control or
/// whitespace other than a single space, a hyphen or a backtick. `next` is the byte after
/// the chunk, for a space at its end. Exact per byte.
#[cfg(test)]
#[inline(always)]
fn chunk_attention(chunk: u64, next: u8) -> u64 {
    let non_ascii = chunk & HI;
    // An ASCII byte is below 0x20 when adding 0x60 leaves its high bit clear.
    let control = !((chunk & !HI) + 0x6060_6060_6060_6060) & !chunk & HI;
    let hyphen = zero_bytes(chunk ^ (LO * u64::from(b'-')));
    let backtick = zero_bytes(chunk ^ (LO * u64::from(b'`')));
    let space = zero_bytes(chunk ^ (LO * u64::from(b' ')));
    let space_then_blank = space & ((space | control) >> 8);
    let last_space_then_blank = u64::from(chunk >> 56 == u64::from(b' ') && next <= b' ') << 63;
    non_ascii | control | hyphen | backtick | space_then_blank | last_space_then_blank
}

/// Folds a gazetteer surface: the same rules as [`normalize`], without URL masking and
/// with surrounding spaces trimmed.
pub fn fold_surface(surface: &str) -> Vec<u8> {
    let mut folded = fold(surface, false).text;
    while folded.last() == Some(&b' ') {
        folded.pop();
    }
    let lead = folded.iter().take_while(|&&b| b == b' ').count();
    folded.drain(..lead);
    folded
}

/// Lowercases and unifies apostrophes, dashes and spaces, but keeps accents: what an
/// accent-sensitive surface is compared on.
pub fn fold_case_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if last_space {
                continue;
            }
            last_space = true;
        } else {
            last_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out.trim().to_string()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The byte-at-a-time fold that [`fold`] must agree with: the same loop, with plain
    /// runs found by a byte loop over eight-byte SWAR chunks.
    fn reference_fold(text: &str, mask_urls: bool) -> Normalized {
        let bytes = text.as_bytes();
        fold_with(text, mask_urls, |start, limit| {
            let mut i = start;
            while i + 9 <= limit {
                let chunk = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
                let attention = chunk_attention(chunk, bytes[i + 8]);
                if attention != 0 {
                    return i + (attention.trailing_zeros() / 8) as usize;
                }
                i += 8;
            }
            plain_run_end(bytes, i, limit)
        })
    }

    fn folded(s: &str) -> String {
        normalize(s).as_str().to_string()
    }

    /// "\NBelarus" (an escaped line break left by PDF extraction before a chapter title):
    /// the N is no letter of the word; elsewhere a backslash and an N stay as they are.
    #[test]
    fn an_escaped_line_break_glued_to_a_capital_is_a_space() {
        assert_eq!(folded(" \\NBelarus-Caucase du Nord :"), " \\ belarus-caucase du nord :");
        assert_eq!(folded("\\NÉtats-Unis"), "\\ etats-unis");
        for kept in ["C:\\Nouveau", "\\Nbelarus", "fin \\N", "\\N12"] {
            assert_eq!(folded(kept), kept.to_lowercase(), "{kept:?}");
        }
        let text = "x \\NÉtats-Unis";
        let n = normalize(text);
        let word = n.as_str().find("etats").unwrap();
        assert_eq!(n.map.start(word), text.find('É').unwrap());
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(folded("République du Bélarus"), "republique du belarus");
        assert_eq!(folded("ŒUVRE Cœur Æsir"), "oeuvre coeur aesir");
        assert_eq!(folded("Chișinău Navoï Viêt Nam"), "chisinau navoi viet nam");
    }

    #[test]
    fn decomposed_accents_fold_like_precomposed() {
        assert_eq!(folded("Bie\u{301}lorussie"), folded("Biélorussie"));
    }

    #[test]
    fn unifies_apostrophes_dashes_and_spaces() {
        assert_eq!(folded("l’Arménie"), "l'armenie");
        assert_eq!(folded("Asie–Pacifique"), "asie-pacifique");
        assert_eq!(folded("Fédération\u{a0}de\u{202f}Russie"), "federation de russie");
        assert_eq!(folded("région  de\n\n  Gomel"), "region de gomel");
        assert_eq!(folded("a \u{a0}\u{a0} b\u{a0}\nc \u{2009}d"), "a b c d");
    }

    #[test]
    fn joins_a_hyphen_at_a_line_end() {
        assert_eq!(folded("Saint-\n\nPétersbourg"), "saint-petersbourg");
        assert_eq!(folded("post-\nsoviétique"), "post-sovietique");
        // A capitalised name cut at a line end is one word again; a compound keeps its hyphen.
        assert_eq!(folded("l'Ar-\n\nménie"), "l'armenie");
        assert_eq!(folded("Azer-\nbaïdjan"), "azerbaidjan");
        assert_eq!(folded("Russo-\nbiélorusse"), "russo-bielorusse");
        assert_eq!(folded("Kara-\nBalta"), "kara-balta");
        assert_eq!(folded("A-\nb"), "a-b");
        // A particle that goes on with a hyphen or an apostrophe is a compound's.
        assert_eq!(folded("Rostov-\n\nsur-le-Don"), "rostov-sur-le-don");
        assert_eq!(folded("Komsomolsk-\nsur-l'Amour"), "komsomolsk-sur-l'amour");
        // A dash between spaces is punctuation, not a broken word.
        assert_eq!(folded("eurasienne - \nLe"), "eurasienne - le");
    }

    #[test]
    fn masks_urls_and_emails() {
        let n = folded("voir https://www.belta.by/minsk et info@mfa.gov.by ou Minsk");
        assert!(n.starts_with("voir \u{1}"));
        assert!(n.ends_with(" ou minsk"));
        assert!(!n.contains("belta"));
        assert!(!n.contains("mfa"));
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let text = "La  République\n\ndu Bélarus, Saint-\nPétersbourg";
        let n = normalize(text);
        let s = n.as_str();
        for needle in ["republique du belarus", "saint-petersbourg", "la"] {
            let at = s.find(needle).unwrap();
            let (a, b) = (n.map.start(at), n.map.end(at + needle.len()));
            assert_eq!(fold_surface(&text[a..b]), needle.as_bytes(), "{needle}");
        }
        let at = s.find("republique").unwrap();
        assert_eq!(&text[n.map.start(at)..n.map.end(at + "republique".len())], "République");
    }

    #[test]
    fn spans_map_like_their_start_and_end() {
        let text = "La  République\n\ndu Bélarus, Saint-\nPétersbourg, Ar-\n\nménie œ漢 \u{a0}x https://a.by/b y";
        let n = normalize(text);
        let len = n.text.len();
        for start in 0..len {
            for end in start + 1..=len {
                assert_eq!(n.map.span(start, end), (n.map.start(start), n.map.end(end)), "{start}..{end}");
            }
        }
    }

    #[test]
    fn the_block_index_finds_the_pieces_a_full_search_finds() {
        let book = include_str!("../../../tests/fixtures/book-dev.txt");
        for text in [book, "", "é", "a\n\nb", &"é".repeat(100), &"a".repeat(200), &"Москва é ".repeat(40)] {
            let n = normalize(text);
            for at in 0..n.text.len() as u32 + 130 {
                let full = n.map.pieces.partition_point(|p| p.folded <= at);
                assert_eq!(n.map.pieces_upto(at), full, "{at}");
            }
        }
        // A map without an index (as folded surfaces have) searches all its pieces.
        let map = OffsetMap { pieces: normalize("é é é").map.pieces, index: Vec::new() };
        assert_eq!(map.start(2), 3);
    }

    /// 64-byte blocks with every byte value at every position, over several backgrounds,
    /// and with a second byte (a space or a control) right after it.
    pub(crate) fn probe_blocks() -> Vec<[u8; 64]> {
        let mut blocks = Vec::new();
        for background in [b'a', b' ', b'\n', b'-', b'0', 0xC3, 0x00, 0x7F, 0x80, b'Z'] {
            for at in 0..64 {
                for b in 0..=255u8 {
                    let mut block = [background; 64];
                    block[at] = b;
                    blocks.push(block);
                    if at + 1 < 64 {
                        block[at + 1] = if b % 2 == 0 { b' ' } else { b'\t' };
                        blocks.push(block);
                    }
                }
            }
        }
        blocks
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sse2_attention_agrees_with_swar_on_every_byte_at_every_position() {
        for block in probe_blocks() {
            // SAFETY: SSE2 is part of the x86_64 baseline.
            let simd = unsafe { attention_masks_sse2(&block) };
            assert_eq!(simd, attention_masks_swar(&block), "{block:?}");
        }
    }

    #[test]
    fn attention_agrees_with_the_chunk_reference_at_text_ends() {
        // Texts ending at every offset of a block: bytes past the end count as controls,
        // and a space before the end (or before a blank next block) needs attention.
        for len in 0..140 {
            for fill in [b"ab cd-e`f\ng \x01".as_slice(), b"  x", b"abcdefgh", "é a".as_bytes()] {
                let text: Vec<u8> = fill.iter().copied().cycle().take(len).collect();
                for at in (0..len.max(1)).step_by(64) {
                    let mut expected = 0u64;
                    let padded: Vec<u8> = text.iter().copied().chain(std::iter::repeat(0)).take(at + 72).collect();
                    for k in 0..8 {
                        let chunk = u64::from_le_bytes(padded[at + 8 * k..at + 8 * k + 8].try_into().unwrap());
                        let next = padded[at + 8 * k + 8];
                        expected |= gather_high_bits(chunk_attention(chunk, next)) << (8 * k);
                    }
                    assert_eq!(attention_at(&text, at), expected, "{len} {at} {text:?}");
                }
            }
        }
    }

    #[test]
    fn lowercased_copies_agree_with_the_byte_loop() {
        // Every byte value at every position, for every stretch of texts of lengths around
        // the sixteen-byte windows, appended after some bytes already folded.
        for len in 0..50 {
            for b in 0..=255u8 {
                let at = (b as usize * 7) % len.max(1);
                let mut text: Vec<u8> = b"AbZ@[`az{ \x80\xc3Q".iter().copied().cycle().take(len).collect();
                if len > 0 {
                    text[at] = b;
                }
                for start in 0..=len {
                    for end in start..=len {
                        let mut fast = b"x".to_vec();
                        copy_lowercased(&mut fast, &text, start, end);
                        let mut slow = b"x".to_vec();
                        slow.extend_from_slice(&text[start..end]);
                        lowercase_bytes(&mut slow[1..]);
                        assert_eq!(fast, slow, "{len} {start}..{end} {b}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_two_byte_fast_path_folds_like_the_general_one() {
        // Every two-byte char, after a letter and after a space.
        for c in (0x80..0x800u32).filter_map(char::from_u32) {
            for before in ["a", "a ", ""] {
                let text = format!("{before}{c}x");
                let i = before.len();
                let (mut fast, mut general) = (Folding::new(text.len(), true), Folding::new(text.len(), true));
                for f in [&mut fast, &mut general] {
                    f.out.extend_from_slice(before.as_bytes());
                }
                let (end_fast, end_general) = (fast.one(&text, i), general.one_general(&text, i));
                assert_eq!(end_fast, end_general, "{c:?}");
                assert_eq!(fast.out, general.out, "{c:?}");
                assert_eq!(fast.pieces, general.pieces, "{c:?}");
            }
        }
    }

    #[test]
    fn byte_positions_are_the_bytes_of_the_set() {
        for len in 0..140 {
            for b in 0..=255u8 {
                let text: Vec<u8> = (0..len).map(|i| if i % 7 == 3 { b } else { b"a.!\xe2 ?x\x00"[i % 8] }).collect();
                let set = [b'.', b'!', 0xE2, 0];
                let expected: Vec<usize> = (0..len).filter(|&i| set.contains(&text[i])).collect();
                assert_eq!(byte_positions(&text, set).collect::<Vec<_>>(), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn boundaries_split_digits_from_letters() {
        assert!(is_boundary(b'2', b'l'));
        assert!(is_boundary(b'e', b'3'));
        assert!(!is_boundary(b'e', b'l'));
        assert!(is_boundary(b' ', b'l'));
        assert!(is_boundary(b'\'', b'a'));
    }

    #[test]
    fn eight_byte_chunks_agree_with_the_byte_loop() {
        // Every special byte at every position of a chunk, and spaces at its edges.
        let specials: [&[u8]; 8] = [b"-", b"`", b"\n", b"\t", b"  ", b" \n", "é".as_bytes(), b"\x01"];
        for special in specials {
            for at in 0..10 {
                let mut text = b"abcdefghijklmnopq".to_vec();
                text.splice(at..at, special.iter().copied());
                let text = String::from_utf8(text).unwrap();
                let fast = normalize(&text);
                let slow: String = {
                    let mut t = text.to_lowercase().replace("é", "e").replace('`', "'");
                    while t.contains("  ") || t.contains(" \n") || t.contains('\t') || t.contains('\n') {
                        t = t.replace(['\t', '\n'], " ").replace("  ", " ");
                    }
                    t
                };
                assert_eq!(fast.as_str(), slow, "{text:?}");
            }
        }
    }

    fn assert_same_as_reference(text: &str) {
        let (fast, slow) = (fold(text, true), reference_fold(text, true));
        assert_eq!(fast.as_str(), slow.as_str(), "{text:?}");
        assert_eq!(fast.map.pieces, slow.map.pieces, "{text:?}");
    }

    #[test]
    fn block_fold_agrees_with_the_byte_loop_on_the_book() {
        let book = include_str!("../../../tests/fixtures/book-dev.txt");
        assert_same_as_reference(book);
        for cut in [1, 63, 64, 65, 1000] {
            let mut cut = cut;
            while !book.is_char_boundary(cut) {
                cut += 1;
            }
            assert_same_as_reference(&book[cut..cut + 5000]);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn block_fold_agrees_with_the_byte_loop(text in "([a-zA-Z]{0,70}|[ \n\t\r\u{a0}\u{202f}]{1,3}|[-`'’é漢\u{1}]|https://x.by/a|a@b.by)*") {
            assert_same_as_reference(&text);
        }
    }

    #[test]
    fn case_only_fold_keeps_accents() {
        assert_eq!(fold_case_only("Nigér"), "nigér");
        assert_eq!(fold_case_only("l’Union  européenne"), "l'union européenne");
    }
}
