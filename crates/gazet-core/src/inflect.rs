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
    } else if base.ends_with("ien") || base.ends_with("éen") || base.ends_with("een") {
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
pub fn de_forms(name: &str, article: Option<&str>) -> Vec<String> {
    let vowel = starts_with_vowel_sound(name);
    match article.map(str::trim) {
        Some("les") => vec![format!("des {name}")],
        Some("le") => vec![format!("du {name}"), format!("de {name}")],
        Some("la") => vec![format!("de la {name}"), format!("de {name}")],
        Some("l'") | Some("l’") => vec![format!("de l'{name}"), format!("d'{name}")],
        _ if vowel => vec![format!("d'{name}"), format!("de l'{name}"), format!("de {name}")],
        _ => vec![format!("de {name}"), format!("du {name}"), format!("de la {name}")],
    }
}

/// "de X" for a town or city: town names take no article in French ("district de
/// Vileïka", "district d'Ostrovets"), so only the bare preposition and its elision.
pub fn de_forms_for_town(name: &str) -> Vec<String> {
    if starts_with_vowel_sound(name) {
        vec![format!("d'{name}"), format!("de {name}")]
    } else {
        vec![format!("de {name}")]
    }
}

/// The canonical "de X" for a display name: the article's contraction when it is known.
pub fn canonical_de(name: &str, article: Option<&str>) -> String {
    de_forms(name, article).into_iter().next().unwrap_or_default()
}

fn starts_with_vowel_sound(name: &str) -> bool {
    let folded = crate::normalize::fold_surface(name);
    matches!(folded.first(), Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h'))
}

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
        has(&adjective_forms("letton"), &["lettonne", "lettone", "lettons"]);
        has(&adjective_forms("national"), &["nationaux", "nationale", "nationales"]);
    }

    #[test]
    fn de_forms_follow_the_initial_sound_and_article() {
        assert_eq!(de_forms("Gomel", None), ["de Gomel", "du Gomel", "de la Gomel"]);
        has(&de_forms("Arménie", None), &["d'Arménie", "de l'Arménie"]);
        assert_eq!(de_forms("États-Unis", Some("les")), ["des États-Unis"]);
        assert_eq!(de_forms_for_town("Vileïka"), ["de Vileïka"]);
        assert_eq!(de_forms_for_town("Ostrovets"), ["d'Ostrovets", "de Ostrovets"]);
        assert_eq!(canonical_de("Bélarus", Some("le")), "du Bélarus");
        assert_eq!(canonical_de("Russie", Some("la")), "de la Russie");
    }

    #[test]
    fn designator_plurals() {
        assert_eq!(plural("région"), "régions");
        assert_eq!(plural("oblast"), "oblasts");
        assert_eq!(plural("district autonome"), "districts autonomes");
        assert_eq!(plural("territoire"), "territoires");
    }
}
