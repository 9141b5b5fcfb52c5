//! Places that no gazetteer lists, found where French says that a place is named next.
//!
//! GeoNames lists towns of 15,000 people and more; the text also names villages, border
//! crossings, dry ports and spas: "le poste-frontière de Verkhni Lars", "les districts de
//! Charour, de Babek et d'Ordoubad", "le point de passage Mokrany - Domanove", "la station
//! thermale de Djermouk". A head noun says that the capitalised names after it are places,
//! and stays outside their spans, as "ville" does in "ville de Minsk" (ANNOTATION.md).
//! Unlike a designator that belongs to the name ("district de Glubokoe",
//! `unlisted::territory_at`), these heads are plural or name a kind of site, not the
//! territory itself.

use std::ops::Range;

use crate::unlisted::Token;

/// An elided "de" before a name ("d'Ordoubad").
const ELIDED_DE: &[&str] = &["d'", "d’"];

/// A head noun and what may follow it.
struct Head {
    /// Whitespace-separated words, the first compared whatever the case of its first
    /// letter (a head may open a sentence), the others as written.
    words: &'static [&'static str],
    /// A border crossing joins its two sides by a hyphen ("Brest-Terespol", "Mokrany -
    /// Domanove": two places) and may name them with no "de" ("le point de passage
    /// Goryn - Oudrytsk").
    crossing: bool,
    /// Whether the head may be written with a capital: not "Port" or "Station", which open
    /// the names of bodies and firms ("Port maritime international de Bakou").
    may_capitalise: bool,
}

const fn head(words: &'static [&'static str], crossing: bool, may_capitalise: bool) -> Head {
    Head { words, crossing, may_capitalise }
}

/// Longest first where one head starts another ("poste frontière" before "poste").
const HEADS: &[Head] = &[
    head(&["poste-frontière"], true, true),
    head(&["postes-frontières"], true, true),
    head(&["poste", "frontière"], true, true),
    head(&["postes", "frontières"], true, true),
    head(&["poste", "frontalier"], true, true),
    head(&["postes", "frontaliers"], true, true),
    head(&["poste"], true, true),
    head(&["postes"], true, true),
    head(&["point", "de", "passage"], true, true),
    head(&["points", "de", "passage"], true, true),
    head(&["point", "frontalier"], true, true),
    head(&["points", "frontaliers"], true, true),
    head(&["passage", "frontalier"], true, true),
    head(&["passage"], true, false),
    head(&["port", "sec"], false, false),
    head(&["ports", "secs"], false, false),
    head(&["port"], false, false),
    head(&["ports"], false, false),
    head(&["station", "thermale"], false, false),
    head(&["stations", "thermales"], false, false),
    head(&["station", "balnéaire"], false, false),
    head(&["stations", "balnéaires"], false, false),
    head(&["districts"], false, true),
    head(&["raïons"], false, true),
    head(&["villages"], false, true),
    head(&["localité"], false, true),
    head(&["localités"], false, true),
    head(&["bourg"], false, true),
    head(&["ville"], false, false),
    head(&["villes"], false, true),
    head(&["gisement"], false, true),
    head(&["gisements"], false, true),
];

/// Most words of one place's name ("Wysokie Mazowieckie", "Novaïa Gouta").
const MAX_NAME_WORDS: usize = 3;

/// Most adjectives between a head and its "de" ("les districts russes de", "les villes
/// frontalières lituaniennes de").
const MAX_ADJECTIVES: usize = 2;

/// Words after "poste de" that name an office, not a place ("le poste de Premier
/// ministre").
const OFFICES: &[&str] = &[
    "Premier",
    "Président",
    "Directeur",
    "Ministre",
    "Secrétaire",
    "Chef",
    "Ambassadeur",
    "Gouverneur",
    "Consul",
    "Conseiller",
    "Représentant",
    "Maire",
    "Procureur",
    "Commissaire",
    "Délégué",
    "Chancelier",
    "Recteur",
    "Doyen",
    "Adjoint",
    "Haut",
    "Hyakim",
    "Akim",
    "Khokim",
];

/// Words that are not adjectives of a head, and two that make it another kind of thing:
/// "la ville natale de Tamerlan" names a person, and federal districts are listed by their
/// names ("les districts fédéraux de l'Oural et de Moscou": Moscow is no federal district).
const NOT_ADJECTIVES: &[&str] = &[
    "de",
    "du",
    "des",
    "d'",
    "la",
    "le",
    "les",
    "et",
    "ou",
    "en",
    "à",
    "au",
    "aux",
    "dans",
    "sur",
    "pour",
    "par",
    "avec",
    "que",
    "qui",
    "entre",
    "vers",
    "est",
    "sont",
    "a",
    "ont",
    "natale",
    "natal",
    "fédéraux",
    "fédéral",
];

/// Names after a head that say where, not which ("les districts agricoles de l'Ouest",
/// `unlisted::COMPASS_NAMES`), or whose: "État" ("l'Autorité du port maritime d'État de
/// Klaipėda").
fn says_where_or_whose(word: &str) -> bool {
    crate::unlisted::COMPASS_NAMES.contains(&word) || matches!(word, "État" | "États")
}

fn opens_a_sentence(word: &str) -> bool {
    SENTENCE_OPENERS.contains(&word)
}

/// Capitalised words that open a sentence, not a name's next word ("de l'Ouest \n\nLes
/// districts").
const SENTENCE_OPENERS: &[&str] = &[
    "Le", "La", "Les", "L", "De", "Du", "Des", "Et", "En", "Dans", "Au", "Aux", "Un", "Une", "Ce", "Cette", "Ces",
    "Il", "Elle", "Ils", "Elles", "On", "Sur", "Pour", "Par", "Selon", "Depuis", "Avec",
];

/// The first words of the heads, for the scan to spot as it reads words.
pub fn head_words() -> impl Iterator<Item = &'static str> {
    HEADS.iter().map(|h| h.words[0].split('-').next().unwrap_or(h.words[0]))
}

/// The whitespace-separated tokens of `text` from byte `from`, with their offsets.
fn tokens_from(text: &str, from: usize) -> impl Iterator<Item = Token<'_>> {
    text[from..].split_whitespace().map(|t| Token { start: t.as_ptr() as usize - text.as_ptr() as usize, text: t })
}

/// The name of one to [`MAX_NAME_WORDS`] capitalised words that starts at byte `from`,
/// unless its first word is `refused`.
fn name_from(text: &str, from: usize, refused: fn(&str) -> bool) -> Option<Range<usize>> {
    let mut tokens = tokens_from(text, from).take(MAX_NAME_WORDS + 1);
    let first = tokens.next()?;
    let more: Vec<Token> = tokens.collect();
    if refused(word_of(first.text)) {
        return None;
    }
    name_at(first, &more).map(|(name, _)| name.span)
}

/// The byte spans of the places named after the head noun that starts at byte `at` of
/// `text`, in order. Names that other mentions cover are the caller's to drop.
pub fn places_at(text: &str, at: usize) -> Vec<Range<usize>> {
    if crate::unlisted::head_word_at(text, at, char::is_whitespace).is_none() {
        return Vec::new();
    }
    let mut tokens = tokens_from(text, at).take(24);
    let Some(first) = tokens.next() else { return Vec::new() };
    // Most spotted words head nothing here ("point de vue", "la ville"): turned away before
    // the tokens after them are read.
    if !HEADS.iter().any(|h| is_head_word(first.text, h.words[0], h.may_capitalise)) {
        return Vec::new();
    }
    let mut rest: Vec<Token> = Vec::with_capacity(8);
    rest.extend(tokens);
    let Some(head) = HEADS.iter().find(|h| {
        is_head_word(first.text, h.words[0], h.may_capitalise)
            && h.words[1..].iter().zip(&rest).filter(|(w, t)| **w == t.text).count() == h.words.len() - 1
    }) else {
        return Vec::new();
    };
    let mut i = head.words.len() - 1;
    // Adjectives, then "de", "d'" or "de l'" before the first name (none before the sides
    // of a crossing).
    for _ in 0..=MAX_ADJECTIVES {
        match rest.get(i) {
            Some(t) if is_adjective(t.text) => i += 1,
            _ => break,
        }
    }
    let Some(&after_head) = rest.get(i) else { return Vec::new() };
    let first_name = if after_head.text == "de" {
        match rest.get(i + 1) {
            Some(t) => {
                i += 1;
                t.strip_prefix(&["l'", "l’"]).unwrap_or(*t)
            }
            None => return Vec::new(),
        }
    } else if let Some(name) = after_head.strip_prefix(ELIDED_DE) {
        name
    } else if head.crossing && i == head.words.len() - 1 {
        after_head
    } else {
        return Vec::new();
    };
    let mut places = Vec::new();
    let mut name_first = first_name;
    let mut next = i + 1;
    loop {
        if matches!(head.words[0], "poste" | "postes") {
            let word = word_of(name_first.text);
            if OFFICES.contains(&word) || word.starts_with("Vice") {
                break;
            }
        }
        let Some((name, ends)) = name_at(name_first, &rest[next..]) else { break };
        next += name.words - 1;
        if head.crossing {
            places.extend(crossing_sides(text, name.span));
        } else {
            places.push(name.span);
        }
        // What joins this name to the next one.
        let joined = match ends {
            NameEnd::Comma => match rest.get(next) {
                Some(t) if t.text == "et" => joined_after_et(&rest, next + 1),
                Some(_) => joined_after_et(&rest, next),
                None => None,
            },
            NameEnd::Open => match rest.get(next) {
                Some(t) if t.text == "et" => joined_after_et(&rest, next + 1),
                Some(t) if head.crossing && matches!(t.text, "-" | "–") => rest.get(next + 1).map(|t| (*t, next + 2)),
                _ => None,
            },
            NameEnd::Closed => None,
        };
        let Some((following, after)) = joined else { break };
        name_first = following;
        next = after;
    }
    places
}

/// The name joined by a spaced dash after byte `end` ("Brest - Terespol", "Erenhot -
/// Oulan-Bator"): a route or a border crossing names a place on each side. Spaced only:
/// a hyphen joins the words of one name as often ("Novohrad-Volynskyï").
pub fn dashed_after(text: &str, end: usize) -> Option<Range<usize>> {
    let rest = &text[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        return None;
    }
    let after_dash = after_space.strip_prefix(['-', '–'])?;
    let name = after_dash.trim_start();
    if name.len() == after_dash.len() {
        return None;
    }
    name_from(text, text.len() - name.len(), opens_a_sentence)
}

/// The former name set after a town's name at byte `end`, as an apposition: "Bokhtar,
/// l'ancienne Kourgan-Tioubé", "Bouston (ancien Tchkalovsk)". French writes a renamed town
/// so, and the old name is the same place.
pub fn former_name_after(text: &str, end: usize) -> Option<Range<usize>> {
    // Not after a closing quote: the town ended a quoted name, whose former name follows
    // ("Gazprom transgaz Saint-Pétersbourg", l'ancienne Lentransgaz).
    let after_mark = text[end..].trim_start().strip_prefix([',', '('])?.trim_start();
    let name = FORMER_NAME_WORDS.iter().find_map(|w| after_mark.strip_prefix(w))?;
    let name_start = name.trim_start();
    if name_start.len() == name.len() {
        return None;
    }
    name_from(text, text.len() - name_start.len(), opens_a_sentence)
}

/// The words that introduce a place's former name in an apposition.
const FORMER_NAME_WORDS: &[&str] = &["l'ancienne", "l’ancienne", "l'ancien", "l’ancien", "ancienne", "ancien"];

/// The name joined by a spaced dash before byte `start` ("Kozlovitchi - Koroszczyn" read
/// from the second): one to [`MAX_NAME_WORDS`] capitalised words right before " - ".
pub fn dashed_before(text: &str, start: usize) -> Option<Range<usize>> {
    let before = &text[..start];
    let before_space = before.trim_end();
    if before_space.len() == before.len() {
        return None;
    }
    let before_dash = before_space.strip_suffix(['-', '–'])?;
    let name = before_dash.trim_end();
    if name.len() == before_dash.len() {
        return None;
    }
    let end = name.len();
    let mut first = None;
    for (k, token) in name.rsplit(char::is_whitespace).filter(|t| !t.is_empty()).enumerate() {
        let token_start = token.as_ptr() as usize - text.as_ptr() as usize;
        let whole = word_of(token).len() == token.len();
        let name_word = whole && is_name_word(token) && !SENTENCE_OPENERS.contains(&token);
        if k == MAX_NAME_WORDS || !name_word {
            // A word ends the name only if it is not a longer name's ("Ivan Petrov Kuźnica").
            if k == MAX_NAME_WORDS && name_word {
                return None;
            }
            break;
        }
        first = Some(token_start);
    }
    let start = first?;
    let previous = text[..start].split_whitespace().next_back().unwrap_or("");
    (!says_where_or_whose(&text[start..end]) && !DETERMINERS.contains(&previous)).then_some(start..end)
}

/// The preposition a place is named after, in a list of places that repeats it ("les
/// exploitations de Telavi, de Sighnaghi et de Lagodekhi", "à Ivatsevitchi, à Louninets et
/// à Bereza"): "de" for "de" and "d'", or "à".
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ListPreposition {
    De,
    A,
}

/// The preposition right before byte `start`, if it is one a list repeats.
pub fn list_preposition_before(text: &str, start: usize) -> Option<ListPreposition> {
    let before = &text[..start];
    // The letters at the end of `s`, back to its last other char.
    let last_word = |s: &'_ str| -> usize {
        s.char_indices().rev().find(|&(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8())
    };
    let word = if let Some(rest) = before.strip_suffix(['\'', '’']) {
        &rest[last_word(rest)..]
    } else {
        let rest = before.trim_end();
        if rest.len() == before.len() {
            return None;
        }
        &rest[last_word(rest)..]
    };
    match word {
        "de" | "d" => Some(ListPreposition::De),
        "à" => Some(ListPreposition::A),
        _ => None,
    }
}

/// The text after the word `word` that `text` starts with, and the whitespace after it.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(word)?;
    let after = rest.trim_start();
    (after.len() < rest.len()).then_some(after)
}

/// The next name of a list after byte `end`, joined by ", " or " et " and the list's
/// preposition (", de Sighnaghi", " et d'Ordoubad", ", à Bereza").
pub fn listed_after(text: &str, end: usize, preposition: ListPreposition) -> Option<Range<usize>> {
    let rest = &text[end..];
    let joined =
        rest.strip_prefix(',').map(|r| r.trim_start()).map(|r| strip_word(r, "et").unwrap_or(r)).or_else(|| {
            let r = rest.trim_start();
            strip_word((r.len() < rest.len()).then_some(r)?, "et")
        })?;
    let name = match preposition {
        ListPreposition::De => {
            strip_word(joined, "de").or_else(|| joined.strip_prefix("d'")).or_else(|| joined.strip_prefix("d’"))?
        }
        ListPreposition::A => strip_word(joined, "à")?,
    };
    name_from(text, text.len() - name.len(), says_where_or_whose)
}

/// The previous name of a list before byte `start`, where a name of the list starts after
/// its preposition: "de Telavi, " before "de Sighnaghi".
pub fn listed_before(text: &str, start: usize, preposition: ListPreposition) -> Option<Range<usize>> {
    // The preposition of the name at `start`, then the joint.
    let before = &text[..start];
    let before = match preposition {
        ListPreposition::De => before
            .strip_suffix("d'")
            .or_else(|| before.strip_suffix("d’"))
            .or_else(|| before.trim_end().strip_suffix("de"))?,
        ListPreposition::A => before.trim_end().strip_suffix("à")?,
    };
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let trimmed = trimmed.strip_suffix("et").filter(|r| r.ends_with(char::is_whitespace)).unwrap_or(trimmed);
    let trimmed = trimmed.trim_end();
    let name_end_text = trimmed.strip_suffix(',').unwrap_or(trimmed);
    if name_end_text.len() == trimmed.len() && trimmed.len() == before.trim_end().len() {
        return None; // neither a comma nor "et"
    }
    let end = name_end_text.len();
    // The name's words back to the previous name's preposition.
    let mut first = None;
    for (k, token) in name_end_text.rsplit(char::is_whitespace).filter(|t| !t.is_empty()).enumerate() {
        let token_start = token.as_ptr() as usize - text.as_ptr() as usize;
        let elided = token.strip_prefix("d'").or_else(|| token.strip_prefix("d’"));
        let word = elided.unwrap_or(token);
        let name_word = word_of(word).len() == word.len() && is_name_word(word);
        if name_word && k < MAX_NAME_WORDS {
            first = Some(token_start + (token.len() - word.len()));
            if elided.is_some() {
                return (preposition == ListPreposition::De).then(|| first.unwrap()..end);
            }
            continue;
        }
        let opens = match preposition {
            ListPreposition::De => token == "de",
            ListPreposition::A => token == "à",
        };
        return first.filter(|_| opens).map(|start| start..end);
    }
    None
}

/// Most words between a plant's head and the "de" before its place ("usine de traitement
/// du gaz de Moubarek").
const MAX_PLANT_WORDS: usize = 6;

/// Words that may describe a plant between its head and its place: lowercase words, and
/// the prepositions and articles between them.
fn describes_plant(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_lowercase)
        && token.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !matches!(
            token,
            "qui" | "que" | "dont" | "est" | "sont" | "a" | "ont" | "sur" | "dans" | "près" | "avec" | "pour" | "par"
        )
}

/// The place that ends the name of a plant whose head starts at byte `at` ("l'usine de
/// potasse de Dehkanabad", "la centrale hydroélectrique de Kambarata-2"): one to
/// [`MAX_NAME_WORDS`] capitalised words after the last "de", with a unit's number
/// ("-2"). At least one word must say what the plant does: "l'usine de Baranovichi" is
/// the town's (ANNOTATION.md's gold reads the town alone), and is found as a town or not at
/// all. Once found, the place is read as the end of the plant's name like a listed town
/// (`unlisted::body_start`).
pub fn place_after_plant_at(text: &str, at: usize) -> Option<Range<usize>> {
    crate::unlisted::head_word_at(text, at, char::is_whitespace)?;
    let mut tokens = tokens_from(text, at).take(MAX_PLANT_WORDS + MAX_NAME_WORDS + 2);
    let head = tokens.next()?;
    let head_word = head.text.strip_prefix('(').unwrap_or(head.text);
    let head_word =
        ["l'", "l’", "L'", "L’", "d'", "d’"].iter().find_map(|e| head_word.strip_prefix(e)).unwrap_or(head_word);
    // Most body heads are not plants' ("Comité", "Institut"): turned away before the
    // tokens after them are read.
    let second = tokens.next()?;
    if !crate::unlisted::is_plant_head(head_word, second.text) {
        return None;
    }
    let rest: Vec<Token> = std::iter::once(second).chain(tokens).collect();
    let mut described = false;
    for (k, token) in rest.iter().enumerate().take(MAX_PLANT_WORDS + 1) {
        let name = if token.text == "de" {
            match rest.get(k + 1) {
                Some(t) if is_name_word(word_of(t.text)) => Some((*t, k + 2)),
                _ => None,
            }
        } else {
            token.strip_prefix(ELIDED_DE).filter(|t| is_name_word(word_of(t.text))).map(|t| (t, k + 1))
        };
        if let Some((first, next)) = name {
            if !described {
                return None;
            }
            let (name, _) = name_at(first, &rest[next..])?;
            // A unit's number after a hyphen belongs to the name ("Kambarata-2").
            let after = &text[name.span.end..];
            let number = after.strip_prefix('-').map_or(0, |n| n.bytes().take_while(u8::is_ascii_digit).count());
            let end = if number > 0 { name.span.end + 1 + number } else { name.span.end };
            return Some(name.span.start..end);
        }
        if !describes_plant(token.text) {
            return None;
        }
        described |= !matches!(token.text, "de" | "du" | "des" | "la" | "le" | "les" | "et" | "à" | "au" | "aux")
            && !token.text.starts_with("d'")
            && !token.text.starts_with("l'");
    }
    None
}

/// The name after a joint's "et" at `rest[k]`: "de X", "d'X", "de l'X" or a bare "X",
/// with the index of the token after its first word.
fn joined_after_et<'a>(rest: &[Token<'a>], k: usize) -> Option<(Token<'a>, usize)> {
    let t = rest.get(k)?;
    if t.text == "de" {
        let name = rest.get(k + 1)?;
        Some((name.strip_prefix(&["l'"]).unwrap_or(*name), k + 2))
    } else if let Some(name) = t.strip_prefix(ELIDED_DE) {
        Some((name, k + 1))
    } else {
        Some((*t, k + 1))
    }
}

fn is_head_word(token: &str, word: &str, may_capitalise: bool) -> bool {
    if token == word {
        return true;
    }
    // The same word with a capital ("Le poste de Krasnoïe", "Les districts de ..."); every
    // head starts with an ASCII letter.
    may_capitalise
        && token.len() == word.len()
        && token.as_bytes()[0].to_ascii_lowercase() == word.as_bytes()[0]
        && token.as_bytes()[1..] == word.as_bytes()[1..]
}

fn is_adjective(token: &str) -> bool {
    token.len() >= 4
        && !NOT_ADJECTIVES.contains(&token)
        && token.chars().next().is_some_and(char::is_lowercase)
        && token.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// How a name ends: before a comma (a list may go on), before a space (", et", "et de",
/// " - " may follow), or before other punctuation (the list ends).
#[derive(Clone, Copy, PartialEq)]
enum NameEnd {
    Comma,
    Open,
    Closed,
}

struct Name {
    span: Range<usize>,
    /// Tokens the name takes.
    words: usize,
}

/// The leading word of a token: letters, hyphens and apostrophes, without a hyphen or
/// apostrophe at its end.
pub(crate) fn word_of(token: &str) -> &str {
    let len = token
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
        .map_or(token.len(), |(i, _)| i);
    token[..len].trim_end_matches(['-', '\'', '’'])
}

/// A capitalised word of a place's name: a capital, then small letters in each part of a
/// hyphenated word ("Kamenny", "Zamyn-Üüd"), not an acronym or a firm's "AgroSupport".
fn is_name_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.split('-').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase) && !chars.any(char::is_uppercase)
        })
}

/// Words before a capitalised word that make it a common noun ("les capitales des deux
/// États - Minsk et Tbilissi").
const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "des", "du", "un", "une", "deux", "trois", "quatre", "ces", "ses", "leurs", "nos", "vos",
];

/// The name of one to [`MAX_NAME_WORDS`] capitalised words that starts with `first`
/// (`more` are the tokens after it), and how it ends.
fn name_at(first: Token, more: &[Token]) -> Option<(Name, NameEnd)> {
    let mut end = None;
    let mut words = 0;
    let mut how = NameEnd::Open;
    for (k, token) in std::iter::once(&first).chain(more).take(MAX_NAME_WORDS).enumerate() {
        let word = word_of(token.text);
        let opens = if k == 0 { says_where_or_whose(word) } else { opens_a_sentence(word) };
        if !is_name_word(word) || opens {
            break;
        }
        words += 1;
        end = Some(token.start + word.len());
        let after = &token.text[word.len()..];
        // A hyphen at a line's end joins the word to the next line's ("Kamin-\n\nKachyrskyï").
        if after == "-" {
            continue;
        }
        if !after.is_empty() {
            // A footnote call glued to the name ("Meghri359") ends it as a space would.
            let after = after.trim_start_matches(|c: char| c.is_ascii_digit());
            how = match after.chars().next() {
                None => NameEnd::Open,
                Some(',') if after.len() == 1 => NameEnd::Comma,
                Some(_) => NameEnd::Closed,
            };
            break;
        }
    }
    // A capitalised word after the longest name: a longer name than this rule reads.
    if words == MAX_NAME_WORDS
        && how == NameEnd::Open
        && more.get(words - 1).is_some_and(|t| {
            let word = word_of(t.text);
            is_name_word(word) && !SENTENCE_OPENERS.contains(&word)
        })
    {
        return None;
    }
    Some((Name { span: first.start..end?, words }, how))
}

/// Fewest letters of each side of a crossing written as one hyphenated word: "Zamyn-Üüd" is
/// one town.
const MIN_SIDE_LETTERS: usize = 4;

/// The places of a crossing's name: "Bagratachen-Sadakhlo" is two.
fn crossing_sides(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let name = &text[span.clone()];
    let parts: Vec<&str> = name.split('-').collect();
    let side = |p: &&str| is_name_word(p) && !p.contains(char::is_whitespace) && p.chars().count() >= MIN_SIDE_LETTERS;
    if parts.len() == 2 && parts.iter().all(side) {
        let cut = span.start + parts[0].len();
        vec![span.start..cut, cut + 1..span.end]
    } else {
        vec![span]
    }
}

/// The designator of euroregions, without its first letter (capitalised or not), as
/// written in the text.
pub const EUROREGION_DESIGNATOR_TAIL: &str = "urorégion";

/// The quoted name after the euroregion designator whose tail ([`EUROREGION_DESIGNATOR_TAIL`])
/// starts at byte `tail` of `text` ("l'eurorégion \"Dniepr\"", "Eurorégion « Pays des
/// lacs »"): the span inside the quotes, one to four words opening with a capital. French
/// quotes the name, and the name alone is the mention, as it is after "ville de"
/// (written README); unquoted, the designator belongs to the name ("l'eurorégion Bug").
pub fn quoted_euroregion_name(text: &str, tail: usize) -> Option<Range<usize>> {
    let before = text[..tail].strip_suffix(['e', 'E'])?;
    if before.ends_with(char::is_alphanumeric) {
        return None;
    }
    let after = &text[tail + EUROREGION_DESIGNATOR_TAIL.len()..];
    let quoted = after.trim_start().strip_prefix(['"', '«', '“'])?.trim_start_matches([' ', '\u{a0}']);
    let close = quoted.find(['"', '»', '”'])?;
    let name = quoted[..close].trim_end_matches([' ', '\u{a0}']);
    let words = name.split_whitespace().count();
    let opens_with_capital = name.chars().next().is_some_and(char::is_uppercase);
    if !(1..=4).contains(&words) || !opens_with_capital || name.len() > 60 {
        return None;
    }
    let start = text.len() - quoted.len();
    Some(start..start + name.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        let at = text.find(|c: char| c.is_alphabetic()).unwrap();
        places_at(text, at).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_plural_head_names_each_place_of_its_list() {
        assert_eq!(places("districts de Charour, de Babek et d'Ordoubad. Le"), ["Charour", "Babek", "Ordoubad"]);
        assert_eq!(places("districts russes de Zlynka et de Klimovo et le district"), ["Zlynka", "Klimovo"]);
        assert_eq!(places("villages d'Amoudaria et de Khodjeyli accueillent"), ["Amoudaria", "Khodjeyli"]);
    }

    #[test]
    fn a_crossing_names_its_two_sides() {
        assert_eq!(places("poste-frontière de Bagratachen-Sadakhlo et la région"), ["Bagratachen", "Sadakhlo"]);
        assert_eq!(
            places("points de passage Novaïa Gouta - Novi Iarylovytchi, entre"),
            ["Novaïa Gouta", "Novi Iarylovytchi"]
        );
        assert_eq!(places("postes frontières de Dostyk et   d'Altynkol vers Brest"), ["Dostyk", "Altynkol"]);
        assert_eq!(places("poste frontière de Verkhni Lars, dont"), ["Verkhni Lars"]);
        assert_eq!(places("poste-frontière de Meghri359. Un"), ["Meghri"]);
        assert_eq!(places("poste-frontière de Zamyn-Üüd et"), ["Zamyn-Üüd"]);
        assert_eq!(places("poste de Kozlovitchi \n\nLes camions"), ["Kozlovitchi"]);
    }

    #[test]
    fn an_office_or_a_lowercase_word_is_no_place() {
        assert!(places("poste de Premier ministre").is_empty());
        assert!(places("poste de Vice-Premier ministre").is_empty());
        assert!(places("poste de directeur").is_empty());
        assert!(places("Port de Bakou").is_empty());
        assert!(places("port maritime d'État de Klaipėda").is_empty());
        assert!(places("passage de la frontière").is_empty());
        assert!(places("districts de la région").is_empty());
        assert!(places("districts agricoles de l'Ouest \n\nLes districts").is_empty());
        assert!(places("districts fédéraux de l'Oural et de Moscou").is_empty());
        assert!(places("ville natale de \n\nTamerlan située").is_empty());
    }

    #[test]
    fn the_place_of_a_plant_that_says_what_it_makes() {
        let place = |text: &'static str| place_after_plant_at(text, 0).map(|r| &text[r]);
        assert_eq!(place("usine de potasse de Dehkanabad, implantée"), Some("Dehkanabad"));
        assert_eq!(place("l'usine de traitement du gaz de Moubarek. Depuis"), Some("Moubarek"));
        assert_eq!(place("centrale   hydroélectrique de Kambarata-2 attend"), Some("Kambarata-2"));
        assert_eq!(place("centrale hydroélectrique de Kurpsaï]"), Some("Kurpsaï"));
        assert_eq!(place("usine de Baranovitchi produit"), None);
        assert_eq!(place("centrale de Minsk"), None);
        assert_eq!(place("usine qui exporte de Minsk"), None);
    }

    #[test]
    fn names_joined_by_a_spaced_dash() {
        let text = "le couloir Brest - Terespol et Medininkai -   Kamenny Log. Et Minsk-Vilnius - Le";
        let after = |word: &str| dashed_after(text, text.find(word).unwrap() + word.len()).map(|r| &text[r]);
        let before = |word: &str| dashed_before(text, text.find(word).unwrap()).map(|r| &text[r]);
        assert_eq!(after("Brest"), Some("Terespol"));
        assert_eq!(before("Terespol"), Some("Brest"));
        assert_eq!(after("Medininkai"), Some("Kamenny Log"));
        assert_eq!(before("Kamenny"), Some("Medininkai"));
        assert_eq!(after("Minsk"), None);
        assert_eq!(after("Vilnius"), None);
        assert_eq!(before("Vilnius"), None);
        let text = "des deux États - Minsk et Tbilissi, le kraï de Primorsky - AgroSupport LLC";
        assert_eq!(dashed_before(text, text.find("Minsk").unwrap()), None);
        assert_eq!(dashed_after(text, text.find(" - Agro").unwrap()), None);
    }

    #[test]
    fn names_of_a_list_that_repeats_its_preposition() {
        let text = "les exploitations de Telavi, de Sighnaghi et de Lagodekhi ; à Ivatsevitchi, à Louninets et à Bereza. Et d'Ivanovo, de Chouïa et de Kinechma";
        let at = |word: &str| text.find(word).unwrap();
        let after = |word: &str| {
            let p = list_preposition_before(text, at(word)).unwrap();
            listed_after(text, at(word) + word.len(), p).map(|r| &text[r])
        };
        let before = |word: &str| {
            let p = list_preposition_before(text, at(word)).unwrap();
            listed_before(text, at(word), p).map(|r| &text[r])
        };
        assert_eq!(after("Telavi"), Some("Sighnaghi"));
        assert_eq!(after("Sighnaghi"), Some("Lagodekhi"));
        assert_eq!(before("Sighnaghi"), Some("Telavi"));
        assert_eq!(before("Lagodekhi"), Some("Sighnaghi"));
        assert_eq!(after("Lagodekhi"), None);
        assert_eq!(before("Telavi"), None);
        assert_eq!(before("Louninets"), Some("Ivatsevitchi"));
        assert_eq!(after("Louninets"), Some("Bereza"));
        assert_eq!(after("Ivanovo"), Some("Chouïa"));
        assert_eq!(before("Chouïa"), Some("Ivanovo"));
        assert_eq!(before("Kinechma"), Some("Chouïa"));
        // Multi-byte chars before the preposition.
        let text = "ﬁ\u{a0}de\u{a0}Telavi, de Sighnaghi";
        let at = text.find("Telavi").unwrap();
        assert_eq!(list_preposition_before(text, at), Some(ListPreposition::De));
        assert_eq!(list_preposition_before("\u{a0}’Telavi", "\u{a0}’".len()), None);
    }

    #[test]
    fn a_name_longer_than_three_words_is_not_read() {
        assert!(places("ville de Nova Ves Pod Tatrami").is_empty());
    }
}
