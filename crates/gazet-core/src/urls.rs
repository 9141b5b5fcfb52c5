//! Finds URLs and e-mail addresses, which are never mentions ("anything inside a URL or an
//! e-mail address" is not marked).
//!
//! PDF-extracted references break URLs over lines and glue pieces together
//! ("http://http://www.e-cis.mfo/news.php?id=21302.e-\n\ncis.mfo/news.php"), so a URL token
//! that ends in a hyphen or slash carries on into the next token when that one starts in
//! lowercase.

use std::ops::Range;

/// Top-level domains accepted for a bare domain with no scheme and no path ("belta.by").
/// Kept short on purpose: a longer list starts to swallow words glued by a missing space
/// after a full stop.
const BARE_TLDS: &[&str] = &[
    "by", "ru", "com", "org", "net", "info", "kz", "uz", "kg", "tj", "az", "ge", "md", "ua", "eu", "int", "gov", "su",
    "io", "fr", "uk", "cn", "edu",
];

/// Byte ranges of `text` covered by URLs and e-mail addresses, sorted and disjoint.
///
/// Only tokens holding a `/`, `@` or an inner `.` can be URLs, so the search jumps from one
/// such byte to the next (memchr) and looks at the token around it, instead of splitting
/// the whole text into tokens.
pub fn find(text: &str) -> Vec<Range<usize>> {
    find_from(text, slashes_ats_and_dots(text.as_bytes()))
}

/// [`find`], looking at the tokens around `positions` (every `/` and `@`, and every `.`
/// but those that a space or a line break follows).
fn find_from(text: &str, positions: impl Iterator<Item = usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut scanned_to = 0;
    for at in positions {
        if at < scanned_to {
            continue;
        }
        // A full stop followed by a space or the end is punctuation: most of them.
        if bytes[at] == b'.' && bytes.get(at + 1).is_none_or(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let start =
            (scanned_to..at).rev().find(|&i| space_len(bytes, i) > 0).map_or(scanned_to, |p| p + space_len(bytes, p));
        let mut end = token_end(bytes, at);
        scanned_to = end;
        if !accept(bytes, start, end, false, &mut ranges) {
            continue;
        }
        // A URL broken at a hyphen or slash carries on into the next lowercase tokens.
        while matches!(ranges.last().and_then(|r| bytes[r.clone()].last()), Some(b'-' | b'/' | b'_' | b'=' | b'.')) {
            let mut next_start = end;
            while next_start < bytes.len() && space_len(bytes, next_start) > 0 {
                next_start += space_len(bytes, next_start);
            }
            if next_start >= bytes.len() {
                break;
            }
            let next_end = token_end(bytes, next_start);
            if !accept(bytes, next_start, next_end, true, &mut ranges) {
                break;
            }
            end = next_end;
            scanned_to = end;
        }
    }
    ranges
}

/// Where the token starting at `from` ends: at the next whitespace, ASCII or not (a
/// no-break space ends a URL too).
fn token_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        // Printable ASCII (the bulk of a token) is no whitespace: skip it without a call.
        if (b'!'..0x80).contains(&bytes[i]) || space_len(bytes, i) == 0 {
            i += 1;
        } else {
            return i;
        }
    }
    bytes.len()
}

/// The offsets of the bytes `/`, `@` and `.` in `bytes`, in order, less most full stops
/// that end a sentence.
fn slashes_ats_and_dots(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
        crate::normalize::block_positions(bytes, |block| unsafe { slash_at_dot_mask_sse2(block) })
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        memchr::memchr3_iter(b'/', b'@', b'.', bytes)
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn slash_at_dot_mask_sse2(block: &[u8; 64]) -> u64 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    let (mut mask, mut dots, mut spaces) = (0u64, 0u64, 0u64);
    for k in 0..4 {
        // SAFETY: bytes 16k..16k+16 lie inside the 64-byte block; the load takes any alignment.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().add(16 * k).cast()) };
        let is = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        let found = _mm_movemask_epi8(_mm_or_si128(is(b'/'), is(b'@'))) as u32;
        mask |= u64::from(found) << (16 * k);
        dots |= u64::from(_mm_movemask_epi8(is(b'.')) as u32) << (16 * k);
        spaces |= u64::from(_mm_movemask_epi8(_mm_or_si128(is(b' '), is(b'\n'))) as u32) << (16 * k);
    }
    // A full stop before a space or a line break is punctuation (most full stops): left
    // out here rather than turned away one by one. (One at the end of the block is left
    // in, and turned away by `find`.)
    mask | (dots & !(spaces >> 1))
}

/// Length of the whitespace char at `i`, or 0.
fn space_len(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b if b.is_ascii_whitespace() => 1,
        b if b < 0x80 => 0,
        _ => {
            let tail = &bytes[i..bytes.len().min(i + 4)];
            let c = match std::str::from_utf8(tail) {
                Ok(s) => s.chars().next(),
                Err(e) => std::str::from_utf8(&tail[..e.valid_up_to()]).ok().and_then(|s| s.chars().next()),
            };
            c.filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
        }
    }
}

/// Pushes the URL part of token `start..end` if it is one (or continues one).
fn accept(bytes: &[u8], start: usize, end: usize, continues: bool, ranges: &mut Vec<Range<usize>>) -> bool {
    let token = &bytes[start..end];
    let (lead, trail) = trimmed(token);
    if lead + trail >= token.len() {
        return false;
    }
    let core = &token[lead..token.len() - trail];
    let is_url = if continues { core[0].is_ascii_lowercase() || core[0].is_ascii_digit() } else { is_url_like(core) };
    if is_url {
        ranges.push(start + lead..end - trail);
    }
    is_url
}

/// Leading and trailing punctuation of a token that is not part of a URL.
fn trimmed(token: &[u8]) -> (usize, usize) {
    let lead = token.iter().take_while(|b| matches!(b, b'(' | b'[' | b'<' | b'"' | b'\'')).count();
    let trail = token[lead..]
        .iter()
        .rev()
        .take_while(|b| matches!(b, b')' | b']' | b'>' | b'"' | b'\'' | b',' | b';' | b':' | b'.'))
        .count();
    (lead, trail)
}

fn is_url_like(core: &[u8]) -> bool {
    if memchr::memmem::find(core, b"://").is_some() || starts_with_ignore_case(core, b"www.") {
        return true;
    }
    if let Some(at) = memchr::memchr(b'@', core) {
        let (user, host) = (&core[..at], &core[at + 1..]);
        if !user.is_empty()
            && host.contains(&b'.')
            && host.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        {
            return true;
        }
    }
    let host_end = memchr::memchr(b'/', core).unwrap_or(core.len());
    let host = &core[..host_end];
    let is_host = host.contains(&b'.')
        && host.first().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && host.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-'));
    if !is_host {
        return false;
    }
    if host_end < core.len() {
        return true;
    }
    let tld = host.rsplit(|&b| b == b'.').next().unwrap_or_default();
    BARE_TLDS.iter().any(|t| t.as_bytes() == tld) && host.len() > tld.len() + 1
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    /// The positions are those of memchr, less full stops before a space or line break in
    /// the same 64-byte block; and URLs found from them are those found from all of them.
    #[test]
    fn block_positions_agree_with_memchr() {
        for len in 0..140 {
            for b in 0..=255u8 {
                let text: Vec<u8> =
                    (0..len).map(|i| if i % 7 == 3 { b } else { b"a./@ x.\xc3. w.\n"[i % 12] }).collect();
                let fast: Vec<usize> = slashes_ats_and_dots(&text).collect();
                let expected: Vec<usize> = memchr::memchr3_iter(b'/', b'@', b'.', &text)
                    .filter(|&i| !(text[i] == b'.' && i % 64 != 63 && matches!(text.get(i + 1), Some(b' ' | b'\n'))))
                    .collect();
                assert_eq!(fast, expected, "{text:?}");
                if let Ok(text) = std::str::from_utf8(&text) {
                    let all = memchr::memchr3_iter(b'/', b'@', b'.', text.as_bytes());
                    assert_eq!(find(text), find_from(text, all), "{text:?}");
                }
            }
        }
        let book = include_str!("../../../tests/fixtures/book-dev.txt");
        let all = memchr::memchr3_iter(b'/', b'@', b'.', book.as_bytes());
        assert_eq!(find(book), find_from(book, all));
    }

    #[test]
    fn token_ends_are_the_next_whitespace() {
        let text = "ab\u{a0}c.d\u{2009}e\tf g\u{85}h€i\u{202f}";
        for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let expected = (from..text.len()).find(|&i| space_len(text.as_bytes(), i) > 0).unwrap_or(text.len());
            assert_eq!(token_end(text.as_bytes(), from), expected, "{from}");
        }
    }

    #[test]
    fn schemes_www_and_emails() {
        assert_eq!(found("URL : https://www.belta.by/politics. Fin"), ["https://www.belta.by/politics"]);
        assert_eq!(found("(www.mfa.gov.by)"), ["www.mfa.gov.by"]);
        assert_eq!(found("écrire à press@belta.by."), ["press@belta.by"]);
    }

    #[test]
    fn bare_domains_and_paths() {
        assert_eq!(found("le site belta.by publie"), ["belta.by"]);
        assert_eq!(found("cis.mfo/news.php?id=21302"), ["cis.mfo/news.php?id=21302"]);
    }

    #[test]
    fn broken_urls_carry_on_over_lines() {
        let text = "http://www.e-cis.mfo/news.php?id=21302.e-\n\ncis.mfo/news.php?id=21302 Minsk";
        assert_eq!(found(text), ["http://www.e-cis.mfo/news.php?id=21302.e-", "cis.mfo/news.php?id=21302"]);
        let text = "https://www.belta.by/view/moldova- predlagaet-\nprodumat-plan Le Belarus";
        assert_eq!(found(text).len(), 3);
    }

    #[test]
    fn unicode_spaces_end_urls() {
        assert_eq!(found("https://www.belta.by/\u{a0}Biélorussie"), ["https://www.belta.by/"]);
        assert_eq!(found("voir\u{202f}belta.by\u{a0}Minsk"), ["belta.by"]);
    }

    #[test]
    fn words_glued_after_a_full_stop_are_not_urls() {
        assert!(found("la Russie.De plus, Minsk.La Biélorussie. M. Tank").is_empty());
        assert!(found("10.6 % et 1.5").is_empty());
    }
}
