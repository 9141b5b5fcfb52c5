//! Cutting a document into parts (`--split`) and telling footnotes from body text
//! (`--zones`).
//!
//! The rules are written for text extracted from PDF books such as the dev book:
//!
//! - **Chapters.** A chapter opens with a title line: optional leading blanks, an optional
//!   stray `\N`, a capitalised title of at most 60 characters (letters, spaces, hyphens,
//!   apostrophes, at least one lower-case letter), a colon, and at most 20 more characters
//!   ("Bélarus-Géorgie : la"); the next line, the subtitle, is not blank. The part starts
//!   at the first byte of the title line and its label is the title and the subtitle.
//! - **Footnotes.** PDF extraction puts a page's footnotes after a separator line made of
//!   20 or more spaces. The footnote zone runs from the separator to the line where the body
//!   text resumes: a chapter title, a line after a page number, or a line that starts with
//!   a blank (body lines carried over from the previous page do, footnote entries do not)
//!   and does not look like a footnote (`12 Author...`, `[Ressource électronique]`, a URL).
//! - **Pages.** Form feeds when the text has them; otherwise a page ends where a footnote
//!   zone ends or after a page-number line (a line of digits after two blank lines), which
//!   is as much as the text tells (pages without footnotes or number run on).

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// How to cut a document into parts.
#[derive(Clone, Debug)]
pub enum Split {
    None,
    Page,
    Chapter,
    BlankLines,
    Regex(Regex),
}

impl Split {
    pub fn parse(s: &str) -> Result<Split, String> {
        match s {
            "none" => Ok(Split::None),
            "page" => Ok(Split::Page),
            "chapter" => Ok(Split::Chapter),
            "blank-lines" => Ok(Split::BlankLines),
            other => match other.strip_prefix("regex:") {
                Some(pattern) if !pattern.is_empty() => Regex::new(&format!("(?m){pattern}"))
                    .map(Split::Regex)
                    .map_err(|e| format!("bad --split regex: {e}")),
                _ => Err(format!("unknown split {other:?}: use none, page, chapter, blank-lines or regex:PATTERN")),
            },
        }
    }

    pub fn name(&self) -> String {
        match self {
            Split::None => "none".into(),
            Split::Page => "page".into(),
            Split::Chapter => "chapter".into(),
            Split::BlankLines => "blank-lines".into(),
            Split::Regex(r) => format!("regex:{}", r.as_str().trim_start_matches("(?m)")),
        }
    }
}

/// Which text is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Zones {
    Body,
    Footnotes,
    All,
}

/// One part of a document: a byte range and a label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// Lines as byte ranges without their line break.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 48);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
        out.push(start..end);
        start = i + 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The char classes of the chapter-title rule, as the regex crate defines them: `\p{Lu}`
/// for the first char, `[\w'’ -]` for the others. Parsed, not compiled: a compiled regex
/// with these Unicode classes under a bounded repetition took some 20 ms of start-up.
struct TitleClasses {
    upper: Vec<(char, char)>,
    title: Vec<(char, char)>,
}

fn title_classes() -> &'static TitleClasses {
    static CLASSES: OnceLock<TitleClasses> = OnceLock::new();
    CLASSES.get_or_init(|| TitleClasses { upper: unicode_class(r"\p{Lu}"), title: unicode_class(r"[\w'’ -]") })
}

fn unicode_class(pattern: &str) -> Vec<(char, char)> {
    let hir = regex_syntax::Parser::new().parse(pattern).expect("valid class");
    match hir.kind() {
        regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => {
            class.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        other => unreachable!("{pattern} parses to a Unicode class, not {other:?}"),
    }
}

fn in_class(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The title and the rest of a chapter title line ("Bélarus-Géorgie : la"), exactly the
/// captures of `^[ \t]*(?:\\N)?(\p{Lu}[\w'’ -]{2,60}?)[ \t]*:[ \t]*([^:]{0,20})$` on
/// the line (the test `title_lines_are_read_as_the_regex_reads_them` holds them to it):
/// blanks and a stray `\N` skipped, a title of 3 to 61 chars ending before the blanks that
/// precede the first colon (longer by trailing spaces only if it would otherwise be too
/// short), and after the colon and its blanks at most 20 chars and no other colon.
fn heading_parts(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start_matches([' ', '\t']);
    let line = line.strip_prefix("\\N").unwrap_or(line);
    let colon = line.find(':')?;
    let (before, after) = (&line[..colon], &line[colon + 1..]);
    let rest = after.trim_start_matches([' ', '\t']);
    if rest.contains(':') || rest.chars().nth(20).is_some() {
        return None;
    }
    let classes = title_classes();
    let mut chars = before.char_indices();
    let (_, first) = chars.next()?;
    if !in_class(&classes.upper, first) {
        return None;
    }
    let trimmed = before.trim_end_matches([' ', '\t']).len();
    let (mut end, mut count) = (first.len_utf8(), 1);
    for (i, c) in chars {
        if i >= trimmed && count >= 3 {
            break;
        }
        if count == 61 || !in_class(&classes.title, c) {
            return None;
        }
        end = i + c.len_utf8();
        count += 1;
    }
    (count >= 3).then(|| (&before[..end], rest))
}

/// The chapter title of line `i`, if it is one: "Title : subtitle".
fn heading(text: &str, lines: &[Range<usize>], i: usize) -> Option<String> {
    let line = &text[lines[i].clone()];
    let (title, rest) = heading_parts(line)?;
    if !title.chars().any(char::is_lowercase) {
        return None;
    }
    let next = lines.get(i + 1).map(|r| &text[r.clone()])?;
    if blank(next) {
        return None;
    }
    let rest = collapse(rest);
    let mut label = format!("{} :", collapse(title));
    for piece in [rest.as_str(), next.trim()] {
        if !piece.is_empty() {
            label.push(' ');
            label.push_str(&collapse(piece));
        }
    }
    Some(label)
}

fn is_separator(line: &str) -> bool {
    line.len() >= 20 && line.bytes().all(|b| b == b' ')
}

/// A line of 1 to 4 digits after two blank lines: a page number.
fn is_page_number(text: &str, lines: &[Range<usize>], i: usize) -> bool {
    let line = &text[lines[i].clone()];
    // Nearly every line starts (after ASCII blanks) with something else than a digit: told
    // at its first byte. A byte from 0x80 may begin other whitespace, which `trim` drops.
    match line.bytes().find(|b| !matches!(b, b'\t'..=b'\r' | b' ')) {
        Some(b) if b.is_ascii_digit() || b >= 0x80 => {}
        _ => return false,
    }
    let t = line.trim();
    (1..=4).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_digit())
        && i >= 2
        && blank(&text[lines[i - 1].clone()])
        && blank(&text[lines[i - 2].clone()])
}

/// Inside a footnote zone: does this line resume the body text?
fn resumes_body(line: &str) -> bool {
    if !line.starts_with([' ', '\t']) || blank(line) || is_separator(line) {
        return false;
    }
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && t[digits..].chars().next().is_none_or(|c| c == ' ' || c == '.') {
        return false; // "12 Author, title" or "12." : a footnote entry
    }
    if t.starts_with(['[', ':', '.', '-', '/', '(']) {
        return false;
    }
    const MARKERS: [&str; 6] = ["URL", "http", "www.", "[Ressource", "[Electronic", "[electronic"];
    !MARKERS.iter().any(|m| t.contains(m)) && !t.split_whitespace().any(is_url_piece)
}

/// A piece of a transliterated URL cut over lines: "uchastija-belorusskih-stroitelej-v".
fn is_url_piece(word: &str) -> bool {
    word.len() >= 15
        && word.bytes().filter(|&b| b == b'-').count() >= 2
        && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_./".contains(&b))
}

/// Footnote zones and the page breaks the text shows, in one pass.
pub struct Layout {
    /// Byte ranges of footnote zones, sorted, disjoint, on line starts.
    pub footnotes: Vec<Range<usize>>,
    /// Byte offsets where a new page starts (without form feeds).
    pub page_starts: Vec<usize>,
}

pub fn layout(text: &str) -> Layout {
    let lines = lines(text);
    let mut footnotes = Vec::new();
    let mut page_starts = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..lines.len() {
        let r = lines[i].clone();
        let line = &text[r.clone()];
        let next_start = lines.get(i + 1).map_or(text.len(), |n| n.start);
        if is_separator(line) {
            open.get_or_insert(r.start);
            continue;
        }
        if is_page_number(text, &lines, i) {
            if let Some(start) = open.take() {
                footnotes.push(start..next_start);
            }
            page_starts.push(next_start);
            continue;
        }
        if let Some(start) = open {
            if heading(text, &lines, i).is_some() || resumes_body(line) {
                footnotes.push(start..r.start);
                page_starts.push(r.start);
                open = None;
            }
        }
    }
    if let Some(start) = open {
        footnotes.push(start..text.len());
    }
    page_starts.retain(|&p| p > 0 && p < text.len());
    page_starts.dedup();
    Layout { footnotes, page_starts }
}

/// The byte ranges of the zone kept, sorted and disjoint.
pub fn zone_ranges(text: &str, layout: &Layout, zones: Zones) -> Vec<Range<usize>> {
    match zones {
        Zones::All => std::iter::once(0..text.len()).collect(),
        Zones::Footnotes => layout.footnotes.clone(),
        Zones::Body => {
            let mut out = Vec::new();
            let mut at = 0;
            for f in &layout.footnotes {
                if f.start > at {
                    out.push(at..f.start);
                }
                at = f.end;
            }
            if at < text.len() {
                out.push(at..text.len());
            }
            out
        }
    }
}

/// The text with everything outside `keep` replaced by spaces (line breaks kept), so that
/// byte offsets stay those of the original. The first byte of each hidden stretch becomes a
/// `.`, a hard break: otherwise a name cut by a footnote ("Université technique [note 255]
/// nationale de Biélorussie") would match across the blanked note.
pub fn mask(text: &str, keep: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut at = 0;
    let mut blank_out = |from: usize, to: usize| {
        let mut first = true;
        for b in &mut bytes[from..to] {
            if *b != b'\n' {
                *b = if first { b'.' } else { b' ' };
                first = false;
            }
        }
    };
    for k in keep {
        blank_out(at, k.start);
        at = k.end;
    }
    blank_out(at, text.len());
    // Ranges are on line starts, so whole characters were replaced by ASCII spaces.
    String::from_utf8(bytes).expect("masking whole lines keeps UTF-8")
}

/// Cuts `text` into parts. Parts tile the text except that blank parts are dropped.
pub fn split(text: &str, how: &Split, layout: &Layout) -> Vec<Part> {
    let mut starts: Vec<(usize, String)> = Vec::new();
    match how {
        Split::None => starts.push((0, String::new())),
        Split::Chapter => {
            let lines = lines(text);
            starts.push((0, "(before the first chapter)".into()));
            for i in 0..lines.len() {
                if let Some(label) = heading(text, &lines, i) {
                    starts.push((lines[i].start, label));
                }
            }
        }
        Split::Page => {
            let breaks: Vec<usize> = if text.contains('\u{c}') {
                text.match_indices('\u{c}').map(|(i, _)| i + 1).filter(|&i| i < text.len()).collect()
            } else {
                layout.page_starts.clone()
            };
            starts.push((0, String::new()));
            starts.extend(breaks.into_iter().map(|b| (b, String::new())));
        }
        Split::BlankLines => {
            starts.push((0, String::new()));
            let lines = lines(text);
            let mut after_blank = false;
            for r in &lines {
                let is_blank = blank(&text[r.clone()]);
                if !is_blank && after_blank {
                    starts.push((r.start, String::new()));
                }
                after_blank = is_blank;
            }
        }
        Split::Regex(re) => {
            starts.push((0, "(before the first match)".into()));
            for m in re.find_iter(text) {
                if m.start() > 0 {
                    starts.push((m.start(), collapse(m.as_str())));
                } else {
                    starts[0].1 = collapse(m.as_str());
                }
            }
        }
    }
    // Two starts at the same offset: the later (more specific) label wins.
    starts.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            std::mem::swap(&mut earlier.1, &mut later.1);
        }
        same
    });
    let mut parts = Vec::with_capacity(starts.len());
    for (i, (start, label)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |n| n.0);
        if blank(&text[*start..end]) {
            continue;
        }
        parts.push(Part { start: *start, end, label: label.clone() });
    }
    // Unnamed parts are numbered in order.
    let prefix = match how {
        Split::Page => "page",
        _ => "part",
    };
    for (i, p) in parts.iter_mut().enumerate() {
        if p.label.is_empty() {
            p.label = if matches!(how, Split::None) { String::new() } else { format!("{prefix} {}", i + 1) };
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first-byte shortcut of `is_page_number` agrees with the plain rule (trimmed, 1
    /// to 4 ASCII digits) for every kind of leading whitespace.
    #[test]
    fn page_numbers_whatever_their_leading_whitespace() {
        let candidates = [
            "12",
            "  12",
            "\t7 ",
            "\x0b12",
            "\x0c3",
            "\u{a0}12",
            "\u{2003}45\u{a0}",
            "\u{85}9",
            "12a",
            "a12",
            "12345",
            "",
            "   ",
            "·12",
            "١٢",
        ];
        for line in candidates {
            let text = format!("x\n\n \n{line}\ny");
            let lines = lines(&text);
            let t = line.trim();
            let expected = (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
            assert_eq!(is_page_number(&text, &lines, 3), expected, "{line:?}");
        }
    }

    /// The regex the chapter-title rule was first written as: the reference.
    fn heading_regex() -> Regex {
        Regex::new(r"^[ \t]*(?:\\N)?(\p{Lu}[\w'’ -]{2,60}?)[ \t]*:[ \t]*([^:]{0,20})$").unwrap()
    }

    fn regex_parts<'a>(re: &Regex, line: &'a str) -> Option<(&'a str, &'a str)> {
        re.captures(line).map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()))
    }

    #[test]
    fn title_lines_are_read_as_the_regex_reads_them() {
        let re = heading_regex();
        let book = include_str!("../../tests/fixtures/book-dev.txt");
        let extra = [
            "Titre : a",
            "Titre :",
            "Titre :\t\t  12345678901234567890",
            "Titre : 123456789012345678901",
            "A: b: c",
            "\\NTitre : x",
            " \t\\NÉté des Ouzbeks : 2019",
            "Titre_un d'été – deux : x",
            "Ab :",
            "Ab\t:",
            "Ab \t:",
            "Ab  :",
            "A  \t:",
            "A   :",
            "Ωmega-3 : x",
            "l'Union : x",
            "Titre, suite : x",
            "12 Auteur : titre",
            "ÀÉÎ : ü",
            "Ⅻ chapitre : x",
            "Ab\u{301}cd : x",
            "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghi : x",
            "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghij : x",
            "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghi   : x",
            "Titre : a\r",
        ];
        let mut matches = 0;
        for line in book.lines().chain(extra) {
            let expected = regex_parts(&re, line);
            assert_eq!(heading_parts(line), expected, "{line:?}");
            matches += usize::from(expected.is_some());
        }
        assert!(matches > 10, "{matches}");
        // Random lines over the chars that matter to the rule.
        let alphabet: Vec<char> = " \t:\\NAaÉé'’-_,1Ⅻ\u{301}\r".chars().collect();
        let mut next = crate::batch::xorshift(0x2545_f491_4f6c_dd1d);
        let mut random_matches = 0;
        for _ in 0..200_000 {
            let len = next() % 72;
            let line: String = (0..len).map(|_| alphabet[next() % alphabet.len()]).collect();
            let expected = regex_parts(&re, &line);
            assert_eq!(heading_parts(&line), expected, "{line:?}");
            random_matches += usize::from(expected.is_some());
        }
        assert!(random_matches > 300, "{random_matches}");
    }

    const TEXT: &str = " Union : \nla suite \n\nUn texte sur Minsk. \n\n                              \n\
        1 Note [Ressource électronique]. URL : http://x \n\
        2 Autre note \n continue le texte. \nBélarus-Géorgie : la  \ncomplémentarité \n\nFin.\n";

    #[test]
    fn chapters_by_title_lines() {
        let parts = split(TEXT, &Split::Chapter, &layout(TEXT));
        let labels: Vec<&str> = parts.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["Union : la suite", "Bélarus-Géorgie : la complémentarité"]);
        assert_eq!(parts[0].start, 0);
        assert!(TEXT[parts[1].start..].starts_with("Bélarus"));
    }

    #[test]
    fn footnote_zone_ends_where_the_body_resumes() {
        let l = layout(TEXT);
        assert_eq!(l.footnotes.len(), 1);
        let zone = &TEXT[l.footnotes[0].clone()];
        assert!(zone.contains("1 Note") && zone.contains("2 Autre note"), "{zone:?}");
        assert!(!zone.contains("continue"), "{zone:?}");
        let body = mask(TEXT, &zone_ranges(TEXT, &l, Zones::Body));
        assert_eq!(body.len(), TEXT.len());
        assert!(body.contains("continue le texte") && !body.contains("Autre"));
        let pages = split(TEXT, &Split::Page, &l);
        assert_eq!(pages.len(), 2);
        assert!(TEXT[pages[1].start..].starts_with(" continue"));
    }

    #[test]
    fn regex_and_blank_lines() {
        let parts = split("a\n## B\nb\n## C\nc", &Split::parse("regex:^## .*").unwrap(), &layout(""));
        let labels: Vec<&str> = parts.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["(before the first match)", "## B", "## C"]);
        let parts = split("a\nb\n\n\nc\n \nd", &Split::BlankLines, &layout(""));
        assert_eq!(parts.len(), 3);
    }
}
