//! Byte offsets moved onto char boundaries, for the windows the context rules read: a rule
//! reads a bounded number of bytes around a match, so that a text without spaces stays
//! linear, and the window's edge must not fall inside a char. (`str::floor_char_boundary`
//! and `ceil_char_boundary` need Rust 1.91; the crate builds on 1.88.)

/// `at` (at most the text's length), or the nearest char boundary before it.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `at` (at most the text's length), or the nearest char boundary after it.
pub(crate) fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The last `max` bytes of `text`, or fewer: from the first char boundary in them.
pub(crate) fn tail(text: &str, max: usize) -> &str {
    &text[ceil_char_boundary(text, text.len().saturating_sub(max))..]
}

/// The first `max` bytes of `text`, or fewer: up to the last char boundary in them.
pub(crate) fn head(text: &str, max: usize) -> &str {
    &text[..floor_char_boundary(text, max)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_never_cut_a_char() {
        let text = "aé€𝄞b";
        for max in 0..=text.len() + 1 {
            let (t, h) = (tail(text, max), head(text, max));
            assert!(t.len() <= max && h.len() <= max);
            assert!(text.ends_with(t) && text.starts_with(h));
            // Only a char cut by the edge is left out.
            assert!(max.min(text.len()) - t.len() < 4 && max.min(text.len()) - h.len() < 4);
        }
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 3);
        assert_eq!(floor_char_boundary(text, 99), text.len());
    }
}
