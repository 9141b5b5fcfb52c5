//! French inflection rules, applied at load time to the base forms of the gazetteer: the
//! gazetteer holds "biélorusse", the engine knows "biélorusses"; it holds "Gomel" and the
//! designator "région", the engine knows "région de Gomel", "régions de Gomel".

/// Every gender and number of a demonym adjective given in its masculine singular.
///
/// Over-generation is harmless here (a form that French never writes never matches), while
/// a missing form loses mentions, so the rules produce every plausible agreement.
pub fn adjective_forms(base: &str) -> Vec<String> {
    let base = base.trim();
    let mut forms = vec![base.to_string()];
    let mut add = |s: String| {
        if !forms.contains(&s) {
            forms.push(s);
        }
    };
    let stem = |suffix: &str| base[..base.len() - suffix.len()].to_string();
    if let Some(&(_, feminine)) = IRREGULAR.iter().find(|(m, _)| *m == base) {
        add(feminine.to_string());
        add(format!("{feminine}s"));
        add(format!("{base}s"));
    } else if base.ends_with('e') {
        add(format!("{base}s"));
    } else if ["ien", "éen", "een", "yen", "ïen"].iter().any(|e| base.ends_with(e)) {
        // "nicaraguayen", "uruguayen": -yenne as -ienne.
        add(format!("{base}ne"));
        add(format!("{base}nes"));
        add(format!("{base}s"));
    } else if base.ends_with("on") {
        // letton/lettone/lettonne: both spellings are in use.
        add(format!("{base}ne"));
        add(format!("{base}nes"));
        add(format!("{base}e"));
        add(format!("{base}es"));
        add(format!("{base}s"));
    } else if base.ends_with("al") {
        add(format!("{}aux", stem("al")));
        add(format!("{base}e"));
        add(format!("{base}es"));
        add(format!("{base}s"));
    } else if base.ends_with("ec") {
        add(format!("{base}que"));
        add(format!("{base}ques"));
        add(format!("{base}s"));
    } else if base.ends_with('c') {
        add(format!("{}que", stem("c")));
        add(format!("{}ques", stem("c")));
        add(format!("{base}s"));
    } else if base.ends_with('s') || base.ends_with('x') {
        // -ais, -ois, -s: the masculine plural is the singular.
        add(format!("{base}e"));
        add(format!("{base}es"));
    } else {
        // -ain, -and, -an, -ek, -kh, -ik, -ol ...: feminine in -e, plurals in -s.
        add(format!("{base}e"));
        add(format!("{base}es"));
        add(format!("{base}s"));
    }
    forms
}

/// Feminines that the suffix rules above do not produce.
const IRREGULAR: &[(&str, &str)] = &[
    ("grec", "grecque"),
    ("turc", "turque"),
    ("franc", "franque"),
    ("malgache", "malgache"),
    ("andorran", "andorrane"),
];

/// The ways French introduces a name after "de": "de Gomel", "d'Akmola", "du Bélarus",
/// "de la Russie", "de l'Amour", "des États-Unis". `article` narrows the list when the
/// gazetteer knows the name's article; otherwise every form that fits the initial sound
/// is produced.
///
/// Without an article, a name in h gets both kinds of forms, for an h may be mute ("d'Haïti")
/// or aspirated ("du Haut-Badakhchan"), and a name in s may be a plural ("district autonome
/// des Khantys-Mansis").
///
/// Forms are joined with `concat`, not `format!`: every start-up makes them for thousands of
/// names, and the formatting machinery was some 8 % of a one-shot command's instructions.
pub fn de_forms(name: &str, article: Option<&str>) -> Vec<String> {
    let folded = crate::normalize::fold_surface(name);
    let vowel = vowel_sound(&folded);
    let mut forms = match article.map(str::trim) {
        Some("les") => return vec![["des ", name].concat()],
        Some("le") => return vec![["du ", name].concat(), ["de ", name].concat()],
        Some("la") => return vec![["de la ", name].concat(), ["de ", name].concat()],
        Some("l'") | Some("l’") => return vec![["de l'", name].concat(), ["d'", name].concat()],
        _ if vowel => vec![["d'", name].concat(), ["de l'", name].concat(), ["de ", name].concat()],
        _ => match head_noun_gender(&folded) {
            Some(Gender::Feminine) => return vec![["de la ", name].concat(), ["de ", name].concat()],
            Some(Gender::Masculine) => return vec![["du ", name].concat(), ["de ", name].concat()],
            None => vec![["de ", name].concat(), ["du ", name].concat(), ["de la ", name].concat()],
        },
    };
    if folded.first() == Some(&b'h') {
        forms.extend([["du ", name].concat(), ["de la ", name].concat()]);
    }
    if folded.last() == Some(&b's') {
        forms.push(["des ", name].concat());
    }
    forms
}

enum Gender {
    Feminine,
    Masculine,
}

/// The gender of a name's first word when it is a common noun of the designators that
/// begin official names ("République de Biélorussie", "Royaume-Uni", "Fédération de
/// Russie"): the article is then known ("de la République", "du Royaume"), and "du
/// République" or "de la Royaume", which no French text writes, are not produced (they
/// were one form in twenty of the default gazetteers). A head in a vowel is elided, and
/// has no such choice.
fn head_noun_gender(folded: &[u8]) -> Option<Gender> {
    const FEMININE: &[&[u8]] =
        &[b"republique", b"federation", b"principaute", b"confederation", b"region", b"province", b"communaute"];
    const MASCULINE: &[&[u8]] =
        &[b"royaume", b"sultanat", b"commonwealth", b"territoire", b"district", b"krai", b"okrug"];
    let head = folded.split(|&b| b == b' ' || b == b'-').next()?;
    if FEMININE.contains(&head) {
        Some(Gender::Feminine)
    } else if MASCULINE.contains(&head) || (head == b"grand" && folded.starts_with(b"grand-duche")) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

/// "de X" for a town or city: town names take no article in French ("district de
/// Vileïka", "district d'Ostrovets"), so only the bare preposition and its elision.
pub fn de_forms_for_town(name: &str) -> Vec<String> {
    if vowel_sound(&crate::normalize::fold_surface(name)) {
        vec![["d'", name].concat(), ["de ", name].concat()]
    } else {
        vec![["de ", name].concat()]
    }
}

/// The canonical "de X" for a display name: the article's contraction when it is known.
pub fn canonical_de(name: &str, article: Option<&str>) -> String {
    de_forms(name, article).into_iter().next().unwrap_or_default()
}

/// Whether a folded name begins with a vowel sound (or an h, mute or not).
fn vowel_sound(folded: &[u8]) -> bool {
    matches!(folded.first(), Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h'))
}

/// Plurals of a designator: the French plural first, then the plural of the language a
/// designator is borrowed from where French texts use it ("les marzer de Shirak et de
/// Lori", Armenian, beside the invariable "les marz"), and other French ones ("marzes").
pub fn plurals(designator: &str) -> Vec<String> {
    let french = plural(designator);
    let borrowed = BORROWED_PLURALS.iter().filter(|(singular, _)| *singular == designator).map(|(_, p)| p.to_string());
    std::iter::once(french).chain(borrowed).collect()
}

/// Designators borrowed with their own plural, and the French plurals some writers give
/// them ("les marzes d'Ararat et d'Armavir").
const BORROWED_PLURALS: &[(&str, &str)] = &[("marz", "marzer"), ("marz", "marzes")];

/// Plural of a designator: every word that is not a preposition takes the plural
/// ("district autonome" -> "districts autonomes", "région" -> "régions").
pub fn plural(designator: &str) -> String {
    designator
        .split(' ')
        .map(|word| match word {
            "de" | "du" | "des" | "la" | "le" | "d'" => word.to_string(),
            w if w.ends_with('s') || w.ends_with('x') || w.ends_with('z') => w.to_string(),
            w if w.ends_with("al") => format!("{}aux", &w[..w.len() - 2]),
            w if w.ends_with("eau") => format!("{w}x"),
            w => format!("{w}s"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Capitalises the first letter: the demonym noun of an adjective ("biélorusses" ->
/// "Biélorusses").
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The Russian adjectives that name the district (raion) of a town after it, as French
/// texts transliterate them: "Volosovsky" for Volosovo, "Kirovsky" for Kirovsk,
/// "Gatchinsky" for Gatchina, "Baranovichsky" for Baranovichi, each also in -ski (the
/// French transliteration) and -skiy, and with й written "i" where the town's name has "y"
/// or "j" before a consonant ("Logoisky" for Logoysk). Only for one-word Latin names of at
/// least four letters. Russian changes some stems before the suffix, and those forms are
/// made too: the g of -ga becomes zh ("Luzhsky" for Luga, "Volzhsky" for Volga), a final n after a
/// consonant takes an e ("Tosnensky" for Tosno), ts takes the suffix without its s
/// ("Rechitsky" for Rechitsa), and a plural town name in -tsy takes -ev-
/// ("Slantsevsky" for Slantsy).
pub fn raion_adjectives(town: &str) -> Vec<String> {
    let mut forms = Vec::new();
    let ascii_word = town.len() >= 4
        && town.starts_with(|c: char| c.is_ascii_uppercase())
        && town.bytes().all(|b| b.is_ascii_alphabetic());
    if !ascii_word {
        return forms;
    }
    let stem = ["iye", "ye", "ie", "ya", "ia"]
        .iter()
        .find_map(|ending| town.strip_suffix(ending))
        .or_else(|| town.strip_suffix(['a', 'o', 'e', 'i', 'y', 'u']))
        .unwrap_or(town);
    let vowel_dropped = stem.len() < town.len();
    // A short stem makes too common a word, but for the one that changes ("Luzhsky").
    let short = stem.len() < 4;
    if short && !(stem.len() == 3 && town.ends_with("ga")) {
        return forms;
    }
    let is_consonant = |b: u8| !matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let bytes = stem.as_bytes();
    let i_spelling: String = (0..bytes.len())
        .map(|k| match bytes[k] {
            b'y' | b'j' if k > 0 && bytes.get(k + 1).is_some_and(|&next| is_consonant(next)) => 'i',
            b => b as char,
        })
        .collect();
    let mut bases = Vec::new();
    for stem in [stem.to_string(), i_spelling] {
        let b = stem.as_bytes();
        if !short {
            bases.push(if stem.ends_with("sk") { stem.clone() } else { [stem.as_str(), "sk"].concat() });
        }
        if town.ends_with("ga") {
            bases.push([&stem[..stem.len() - 1], "zhsk"].concat());
        }
        if vowel_dropped && stem.ends_with('n') && is_consonant(b[b.len() - 2]) {
            bases.push([stem.as_str(), "ensk"].concat());
        }
        if stem.ends_with("ts") {
            bases.push([stem.as_str(), "k"].concat());
            if town.ends_with("tsy") {
                bases.push([stem.as_str(), "evsk"].concat());
            }
        }
    }
    for base in bases {
        for ending in ["y", "i", "iy"] {
            let form = [base.as_str(), ending].concat();
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[String], expected: &[&str]) {
        for e in expected {
            assert!(forms.iter().any(|f| f == e), "missing {e} in {forms:?}");
        }
    }

    #[test]
    fn adjectives_in_e_take_only_a_plural() {
        assert_eq!(adjective_forms("biélorusse"), ["biélorusse", "biélorusses"]);
        assert_eq!(adjective_forms("kirghize"), ["kirghize", "kirghizes"]);
    }

    #[test]
    fn suffix_rules() {
        has(&adjective_forms("bélarussien"), &["bélarussienne", "bélarussiennes", "bélarussiens"]);
        has(&adjective_forms("kazakhstanais"), &["kazakhstanaise", "kazakhstanaises"]);
        has(&adjective_forms("chinois"), &["chinoise", "chinoises"]);
        has(&adjective_forms("américain"), &["américaine", "américaines", "américains"]);
        has(&adjective_forms("allemand"), &["allemande", "allemandes", "allemands"]);
        has(&adjective_forms("ouzbek"), &["ouzbeke", "ouzbeks", "ouzbekes"]);
        has(&adjective_forms("kazakh"), &["kazakhe", "kazakhes", "kazakhs"]);
        has(&adjective_forms("tadjik"), &["tadjike", "tadjikes", "tadjiks"]);
        has(&adjective_forms("turc"), &["turque", "turques", "turcs"]);
        has(&adjective_forms("grec"), &["grecque", "grecques", "grecs"]);
        has(&adjective_forms("européen"), &["européenne", "européens"]);
        has(&adjective_forms("nicaraguayen"), &["nicaraguayenne", "nicaraguayennes", "nicaraguayens"]);
        has(&adjective_forms("letton"), &["lettonne", "lettone", "lettons"]);
        has(&adjective_forms("national"), &["nationaux", "nationale", "nationales"]);
    }

    #[test]
    fn de_forms_follow_the_initial_sound_and_article() {
        assert_eq!(de_forms("Gomel", None), ["de Gomel", "du Gomel", "de la Gomel"]);
        has(&de_forms("Arménie", None), &["d'Arménie", "de l'Arménie"]);
        assert_eq!(de_forms("États-Unis", Some("les")), ["des États-Unis"]);
        // An h mute or aspirated, a name that may be a plural.
        has(&de_forms("Haut-Badakhchan", None), &["du Haut-Badakhchan", "de la Haut-Badakhchan", "d'Haut-Badakhchan"]);
        has(&de_forms("Khantys-Mansis", None), &["des Khantys-Mansis", "du Khantys-Mansis"]);
        assert!(!de_forms("Tatarstan", None).iter().any(|f| f.starts_with("des")));
        assert_eq!(de_forms_for_town("Vileïka"), ["de Vileïka"]);
        assert_eq!(de_forms_for_town("Ostrovets"), ["d'Ostrovets", "de Ostrovets"]);
        assert_eq!(canonical_de("Bélarus", Some("le")), "du Bélarus");
        // A name headed by a designator noun takes that noun's article.
        assert_eq!(
            de_forms("République de Biélorussie", None),
            ["de la République de Biélorussie", "de République de Biélorussie"]
        );
        assert_eq!(de_forms("Royaume-Uni", None), ["du Royaume-Uni", "de Royaume-Uni"]);
        assert_eq!(de_forms("République des Komis", None), ["de la République des Komis", "de République des Komis"]);
        assert_eq!(canonical_de("Russie", Some("la")), "de la Russie");
    }

    #[test]
    fn designator_plurals() {
        assert_eq!(plural("région"), "régions");
        assert_eq!(plural("oblast"), "oblasts");
        assert_eq!(plural("district autonome"), "districts autonomes");
        assert_eq!(plural("territoire"), "territoires");
        assert_eq!(plurals("région"), ["régions"]);
        assert_eq!(plurals("marz"), ["marz", "marzer", "marzes"]);
    }

    #[test]
    fn raion_adjectives_of_town_names() {
        let first = |town: &str| raion_adjectives(town).first().cloned();
        for (town, adjective) in [
            ("Volosovo", "Volosovsky"),
            ("Kirovsk", "Kirovsky"),
            ("Gatchina", "Gatchinsky"),
            ("Baranovichi", "Baranovichsky"),
            ("Miory", "Miorsky"),
            ("Podporozhye", "Podporozhsky"),
            ("Volkhov", "Volkhovsky"),
            ("Myadel", "Myadelsky"),
            ("Rogachev", "Rogachevsky"),
            ("Gorodok", "Gorodoksky"),
        ] {
            assert_eq!(first(town).as_deref(), Some(adjective), "{town}");
        }
        for (town, adjective) in [
            ("Luga", "Luzhsky"),
            ("Volga", "Volzhsky"),
            ("Tosno", "Tosnensky"),
            ("Rechitsa", "Rechitsky"),
            ("Slantsy", "Slantsevsky"),
            ("Slantsy", "Slantsevski"),
        ] {
            let forms = raion_adjectives(town);
            assert!(forms.iter().any(|f| f == adjective), "{adjective} in {forms:?}");
        }
        // The stem changes only where Russian makes them: a g or an n the name ends with
        // keeps its adjective ("Taganrogsky", "Tikhvinsky"); a vowel before n takes no e.
        for (town, not) in [("Taganrog", "Taganrozhsky"), ("Tikhvin", "Tikhvinensky"), ("Kolpino", "Kolpinensky")] {
            assert!(!raion_adjectives(town).iter().any(|f| f == not), "{town}: {:?}", raion_adjectives(town));
        }
        let logoysk = raion_adjectives("Logoysk");
        for form in ["Logoysky", "Logoyskiy", "Logoyski", "Logoisky", "Logoiski"] {
            assert!(logoysk.contains(&form.to_string()), "{form} in {logoysk:?}");
        }
        // Names of other scripts or of several words, and too short stems, make none.
        for town in ["Minsk-Mazowiecki", "Nijni Novgorod", "Орша", "Ufa", "Oka", "Pskov ", "Lugo"] {
            assert!(raion_adjectives(town).is_empty(), "{town}: {:?}", raion_adjectives(town));
        }
    }
}
