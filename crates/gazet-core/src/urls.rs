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
pub fn find(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Cheap exit: every rule below needs one of these bytes.
    if memchr::memchr3(b'/', b'@', b'.', bytes).is_none() {
        return Vec::new();
    }
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut carry_on = false;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let token = &bytes[start..i];
        let continues = carry_on && token[0].is_ascii_lowercase() | token[0].is_ascii_digit();
        let (lead, trail) = trimmed(token);
        let core = &token[lead..token.len() - trail];
        if core.is_empty() {
            carry_on = false;
            continue;
        }
        if continues || is_url_like(core) {
            let range = start + lead..start + token.len() - trail;
            carry_on = matches!(core.last(), Some(b'-' | b'/' | b'_' | b'=' | b'.'));
            ranges.push(range);
        } else {
            carry_on = false;
        }
    }
    ranges
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
    fn words_glued_after_a_full_stop_are_not_urls() {
        assert!(found("la Russie.De plus, Minsk.La Biélorussie. M. Tank").is_empty());
        assert!(found("10.6 % et 1.5").is_empty());
    }
}
