//! The matching rules, each on real sentences from the book, over a small inline gazetteer
//! so that a rule's test does not move when the default gazetteers grow.

use gazet_core::{CoUnit, EngineConfig, ExtractOptions, Extractor, Form, Gazetteer, Kind};

const HEADER: &str =
    "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tacronyms\tadjectives\tprefixes\tdesignators\tarticle\n";

fn engine() -> Extractor {
    let states = format!(
        "{HEADER}\
iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus|Belarus|République de Biélorussie|République du Bélarus|République du Belarus\tRB\tbiélorusse|bélarussien\tbiélorusso\t\tla\n\
iso3166-1:RU\tSTATE\tcountry\tRussie\t\t\t0.9\tFédération de Russie\tRF\trusse\trusso\t\tla\n\
iso3166-1:KZ\tSTATE\tcountry\tKazakhstan\t\t\t0.9\tRépublique du Kazakhstan\t\tkazakhstanais|kazakh\t\t\tle\n\
iso3166-1:UZ\tSTATE\tcountry\tOuzbékistan\t\t\t0.9\t\t\touzbek|ouzbèke\t\t\tl'\n\
iso3166-1:KG\tSTATE\tcountry\tKirghizistan\t\t\t0.9\tKirghizstan\t\tkirghize|kirghiz\t\t\tle\n\
iso3166-1:AM\tSTATE\tcountry\tArménie\t\t\t0.9\t\t\tarménien\t\t\tl'\n\
iso3166-1:CL\tSTATE\tcountry\tChili\t\t\t0.9\t\t\tchilien\t\t\tle\n\
iso3166-1:RE\tSTATE\tterritory\tRéunion\t\t\t0.8\tÎle de la Réunion\t\tréunionnais\t\t\tla\n\
iso3166-1:SU\tSTATE\thistorical-state\tURSS\t\t\t0.9\tUnion soviétique\tURSS\tsoviétique\t\t\tl'\n"
    );
    let regions = format!(
        "{HEADER}\
iso3166-2:BY-HO\tREGION\toblast\tGomel\tiso3166-1:BY\t\t0.5\tHomel\t\t\t\trégion|oblast\n\
iso3166-2:UZ-NW\tREGION\tregion\tNavoï\tiso3166-1:UZ\t\t0.5\tNavoi\t\t\t\trégion\n\
iso3166-2:UZ-AN\tREGION\tregion\tAndijan\tiso3166-1:UZ\t\t0.5\tAndijon\t\t\t\trégion\n\
iso3166-2:RU-AMU\tREGION\toblast\tAmour\tiso3166-1:RU\t\t0.5\t\t\t\t\toblast|région\tl'\n\
iso3166-2:BY-HM\tREGION\tcity\tMinsk\tiso3166-1:BY\t\t0.5\n\
iso3166-2:BY-MI\tREGION\toblast\tMinsk\tiso3166-1:BY\t\t0.5\t\t\t\t\trégion|oblast\n\
iso3166-2:BY-VI\tREGION\toblast\tVitebsk\tiso3166-1:BY\t\t0.5\t\t\t\t\trégion|oblast\n\
iso3166-2:RU-DA\tREGION\trepublic\tDaghestan\tiso3166-1:RU\t\t0.5\tDagestan\t\t\t\trépublique\tle\n\
geonames:620127\tREGION\tcity\tVitebsk\tiso3166-2:BY-VI\t\t0.7\n\
geonames:627907\tREGION\tcity\tGomel\tiso3166-2:BY-HO\t\t0.7\tHomel\n\
geonames:601294\tREGION\tcity\tNavoï\tiso3166-2:UZ-NW\t\t0.6\tNavoi\n\
geonames:498817\tREGION\tcity\tSaint-Pétersbourg\tiso3166-1:RU\t\t0.9\n\
geonames:625144\tREGION\tcapital\tMinsk\tiso3166-1:BY\t\t0.9\n\
geonames:473247\tREGION\tcity\tVladimir\tiso3166-1:RU\t\t0.5\tUladzimir\n\
gazet:region/asie-centrale\tREGION\tmacro-region\tAsie centrale\n\
gazet:region/asie-pacifique\tREGION\tmacro-region\tAsie-Pacifique\n"
    );
    let orgs = format!(
        "{HEADER}\
gazet:inst/cis\tINSTITUTION\tinternational-organisation\tCommunauté des États indépendants\t\t\t\t^Commonwealth|^Communauté\tCEI\n\
gazet:inst/eu\tINSTITUTION\tinternational-organisation\tUnion européenne\t\t\t\t\tUE\n\
gazet:inst/cis-executive-committee\tINSTITUTION\tcommittee\tComité exécutif de la CEI\tgazet:inst/cis\t\t\t^Comité exécutif\n\
gazet:inst/cis-council-of-heads-of-state\tINSTITUTION\tcouncil\tConseil des chefs d'État de la CEI\tgazet:inst/cis\t\t\tConseil des chefs d'État de la Communauté des États indépendants\n\
gazet:firm/gomselmash\tFIRM\tcompany\tGomselmash\tiso3166-1:BY\n\
gazet:firm/belaz\tFIRM\tcompany\tBelAZ\tiso3166-1:BY\t\t\t\tBelAZ|BELAZ\n\
gazet:inst/bspu\tINSTITUTION\tuniversity\tUniversité pédagogique d'État biélorusse\tiso3166-1:BY\t\t\tuniversité pédagogique d'État biélorusse\n\
gazet:firm/maz\tFIRM\tplant\tusine automobile de Minsk\tiso3166-1:BY\t\t\tMinsk Automobile Plant\tMAZ\n\
gazet:inst/ras\tINSTITUTION\tacademy\tAcadémie des sciences de Russie\tiso3166-1:RU\t\t\t\tRAS\n\
gazet:inst/sb-ras\tINSTITUTION\tacademy\tBranche sibérienne de l'Académie des sciences de Russie\tgazet:inst/ras\t\t\t\tSB RAS\n\
gazet:inst/iao\tINSTITUTION\tinstitute\tInstitut d'optique atmosphérique\tiso3166-1:RU\n"
    );
    let templates = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
gazet:inst/academy-of-sciences-{key}\tINSTITUTION\tacademy\tAcadémie nationale des sciences {de}\t{slot}\t\t\tAcadémie nationale des sciences {de}\tiso3166-1:BY,iso3166-1:KZ\n";
    engine_of(&[
        ("states.tsv", states.as_str()),
        ("regions.tsv", regions.as_str()),
        ("curated/orgs.tsv", orgs.as_str()),
        ("curated/templates.tsv", templates),
    ])
}

/// The engine over gazetteer files given as (path, content).
fn engine_of(files: &[(&str, &str)]) -> Extractor {
    Extractor::new(Gazetteer::from_sources(files).unwrap(), EngineConfig::default()).unwrap()
}

/// A mention as `found` gives it: its text and id, of form name.
fn named(text: &str, id: &str) -> (String, String, Form) {
    (text.to_string(), id.to_string(), Form::Name)
}

/// (text, id, form) of every mention, in order.
fn found(engine: &Extractor, text: &str) -> Vec<(String, String, Form)> {
    found_with(engine, text, &ExtractOptions::default())
}

fn found_with(engine: &Extractor, text: &str, options: &ExtractOptions) -> Vec<(String, String, Form)> {
    let x = engine.extract(text, options);
    x.mentions
        .iter()
        .map(|m| {
            assert_eq!(m.char_end - m.char_start, text[m.start..m.end].chars().count());
            (text[m.start..m.end].to_string(), engine.gazetteer().entity(m.entity).id.clone(), m.form)
        })
        .collect()
}

fn spans(engine: &Extractor, text: &str) -> Vec<String> {
    found(engine, text).into_iter().map(|(t, _, _)| t).collect()
}

fn ids_of(engine: &Extractor, text: &str) -> Vec<String> {
    found(engine, text).into_iter().map(|(_, id, _)| id).collect()
}

#[test]
fn a_legal_form_before_a_quoted_name_is_not_an_acronym() {
    let e = engine();
    // UE, the unitary enterprise, not the European Union, before the firm it names.
    assert_eq!(
        spans(&e, "l'UE \"Minskvodokanal\" et l'UE « Vodokanal » de Gomel"),
        ["Minskvodokanal", "Vodokanal", "Gomel"]
    );
    assert_eq!(spans(&e, "l'UE \"Minskvodokanal\" et la CEI"), ["Minskvodokanal", "CEI"]);
    assert_eq!(spans(&e, "l'UE et la CEI"), ["UE", "CEI"]);
    assert_eq!(spans(&e, "avec l'UE. \"Nous\" avons"), ["UE"]);
}

#[test]
fn articles_and_prepositions_stay_outside() {
    let e = engine();
    assert_eq!(
        spans(&e, "la Russie, d'Arménie, du Kazakhstan, l’Ouzbékistan"),
        ["Russie", "Arménie", "Kazakhstan", "Ouzbékistan"]
    );
}

#[test]
fn designators_belong_to_the_name() {
    let e = engine();
    let got = found(&e, "Le comité exécutif de la région de Gomel a signé avec la ville de Minsk.");
    assert_eq!(got[0], ("région de Gomel".into(), "iso3166-2:BY-HO".into(), Form::Name));
    assert_eq!(got[1], ("Minsk".into(), "geonames:625144".into(), Form::Name));
    assert_eq!(
        spans(&e, "La République du Bélarus et la Fédération de Russie"),
        ["République du Bélarus", "Fédération de Russie"]
    );
    // Borrowed designators follow the name: "oblast", and "region" in English titles.
    assert_eq!(
        found(&e, "Minsk oblast ; Gomel region and Vitebsk"),
        [
            named("Minsk oblast", "iso3166-2:BY-MI"),
            named("Gomel region", "iso3166-2:BY-HO"),
            named("Vitebsk", "geonames:620127")
        ]
    );
}

#[test]
fn designators_with_elision_and_contraction() {
    let e = engine();
    assert_eq!(found(&e, "la région d'Andijan")[0].1, "iso3166-2:UZ-AN");
    assert_eq!(
        found(&e, "dans l'oblast de l'Amour")[0],
        ("oblast de l'Amour".into(), "iso3166-2:RU-AMU".into(), Form::Name)
    );
}

#[test]
fn a_bare_city_name_is_the_city_unless_coordinated_after_a_plural_designator() {
    let e = engine();
    assert_eq!(found(&e, "à Gomel")[0].1, "geonames:627907");
    // The plural designator governs both names and belongs to neither span (ANNOTATION.md:
    // "a context that makes it the region").
    let got = found(&e, "les régions de Gomel et de Navoï ont signé");
    assert_eq!(got.len(), 2);
    assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("Gomel", "iso3166-2:BY-HO"));
    assert_eq!((got[1].0.as_str(), got[1].1.as_str()), ("Navoï", "iso3166-2:UZ-NW"));
    let got = found(&e, "les oblasts \n\nde l'Amour et de Gomel");
    assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("Amour", "iso3166-2:RU-AMU"));
    assert_eq!((got[1].0.as_str(), got[1].1.as_str()), ("Gomel", "iso3166-2:BY-HO"));
    // Another name of a place in parentheses keeps the list going.
    let got = found(&e, "les régions de Gomel (Homel) et de Navoï (Navoi)");
    let got: Vec<(&str, &str)> = got.iter().map(|(s, id, _)| (s.as_str(), id.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Gomel", "iso3166-2:BY-HO"),
            ("Homel", "iso3166-2:BY-HO"),
            ("Navoï", "iso3166-2:UZ-NW"),
            ("Navoi", "iso3166-2:UZ-NW")
        ]
    );
    // After a singular designator too, and after a bare town, the name in parentheses is
    // the place just named.
    assert_eq!(found(&e, "la région de Gomel (Homel) a signé")[1].1, "iso3166-2:BY-HO");
    assert_eq!(found(&e, "à Gomel (Homel) et à Navoï")[1].1, "geonames:627907");
    let got = found(&e, "les régions d'Andijan et de Navoï");
    assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("Andijan", "iso3166-2:UZ-AN"));
    // A town of the list that names no subdivision stays the town and keeps the list going.
    let got = found(&e, "les régions de Gomel, de Vladimir, de Vitebsk et de Navoï");
    let got: Vec<&str> = got.iter().map(|(_, id, _)| id.as_str()).collect();
    assert_eq!(got, ["iso3166-2:BY-HO", "geonames:473247", "iso3166-2:BY-VI", "iso3166-2:UZ-NW"]);
    // A singular designator belongs to its name.
    assert_eq!(found(&e, "la région de Gomel")[0].0, "région de Gomel");
    // "la partie de Gomel", a side of an agreement between regions, is the region; "une
    // partie de Gomel" part of the city.
    assert_eq!(found(&e, "que la partie de Gomel a soumis")[0].1, "iso3166-2:BY-HO");
    assert_eq!(found(&e, "La partie d'Andijan prévoit")[0].1, "iso3166-2:UZ-AN");
    assert_eq!(found(&e, "dans une partie de Gomel")[0].1, "geonames:627907");
    // Bodies of several regions: "les comités exécutifs régionaux de Gomel et de Minsk".
    let ids: Vec<String> = found(&e, "avec les comités exécutifs régionaux de Gomel et de Minsk")
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    assert_eq!(ids, ["iso3166-2:BY-HO", "iso3166-2:BY-MI"]);
}

#[test]
fn a_list_of_bare_names_one_of_which_is_a_region_alone_names_regions() {
    let e = engine();
    // "Krasnodar, Rostov, Stavropol et le Daghestan : céréales, ports": Daghestan is a
    // region and nothing else, so its list names regions.
    assert_eq!(
        ids_of(&e, "Gomel, Navoï et le Daghestan : céréales et machines"),
        ["iso3166-2:BY-HO", "iso3166-2:UZ-NW", "iso3166-2:RU-DA"]
    );
    assert_eq!(ids_of(&e, "le Daghestan et Vitebsk ont signé un accord"), ["iso3166-2:RU-DA", "iso3166-2:BY-VI"]);
    // Without a region alone, towns stay towns.
    assert_eq!(
        ids_of(&e, "Gomel, Navoï et Vitebsk : céréales"),
        ["geonames:627907", "geonames:601294", "geonames:620127"]
    );
    // A national capital leaves its list alone: writers keep its name for the city.
    assert_eq!(
        ids_of(&e, "Minsk, Gomel et le Daghestan : céréales"),
        ["geonames:625144", "geonames:627907", "iso3166-2:RU-DA"]
    );
    // Names joined otherwise than by a list's commas and "et" are no list.
    assert_eq!(ids_of(&e, "à Gomel, dans le Daghestan"), ["geonames:627907", "iso3166-2:RU-DA"]);
}

#[test]
fn a_plural_designator_heads_the_list_after_its_dash_or_colon() {
    let e = engine();
    assert_eq!(
        ids_of(&e, "les régions orientales de la République du Bélarus - Vitebsk, Minsk \n\net Gomel - concentrent"),
        ["iso3166-1:BY", "iso3166-2:BY-VI", "iso3166-2:BY-MI", "iso3166-2:BY-HO"]
    );
    assert_eq!(ids_of(&e, "les régions du Centre : Gomel et Vitebsk"), ["iso3166-2:BY-HO", "iso3166-2:BY-VI"]);
    assert_eq!(ids_of(&e, "les régions du Nord (Vitebsk, Gomel)"), ["iso3166-2:BY-VI", "iso3166-2:BY-HO"]);
    // The list is of the towns that head it last, and a title's colon heads no list.
    assert_eq!(
        ids_of(&e, "six districts et deux villes d'importance régionale : Vitebsk et Gomel"),
        ["geonames:620127", "geonames:627907"]
    );
    assert_eq!(ids_of(&e, " Les régions de Biélorussie :  \nGomel et ses usines"), ["iso3166-1:BY", "geonames:627907"]);
    // A singular designator so far back is no head of the list.
    assert_eq!(ids_of(&e, "la région du Centre : Gomel"), ["geonames:627907"]);
}

#[test]
fn longest_match_wins_and_embedded_names_are_not_marked_again() {
    let e = engine();
    assert_eq!(
        found(&e, "l'Académie nationale des sciences de Biélorussie et du Bélarus"),
        [
            (
                "Académie nationale des sciences de Biélorussie".into(),
                "gazet:inst/academy-of-sciences-by".into(),
                Form::Name
            ),
            ("Bélarus".into(), "iso3166-1:BY".into(), Form::Name),
        ]
    );
    assert_eq!(
        spans(&e, "une réunion du Conseil des chefs d'État de la\n\nCommunauté des États indépendants à Douchanbé"),
        ["Conseil des chefs d'État de la\n\nCommunauté des États indépendants"]
    );
}

#[test]
fn a_longest_candidate_failing_its_case_check_does_not_hide_a_shorter_one() {
    let e = engine();
    // "usine automobile de minsk" fails nothing (lowercase name), but "Minsk Automobile
    // plant" in lowercase would fail; the shorter "Minsk" stays.
    assert_eq!(found(&e, "Minsk automobile plant")[0].0, "Minsk");
}

#[test]
fn case_policies() {
    let e = engine();
    assert!(found(&e, "du chili con carne et une union").is_empty());
    assert_eq!(spans(&e, "le Chili"), ["Chili"]);
    assert_eq!(spans(&e, "la CEI et l'UE"), ["CEI", "UE"]);
    assert!(found(&e, "une cei, Cei et ue").is_empty());
    assert_eq!(spans(&e, "BelAZ et BELAZ mais pas Belaz"), ["BelAZ", "BELAZ"]);
    assert_eq!(found(&e, "biélorusse Biélorusse BIÉLORUSSE").len(), 3);
    assert!(found(&e, "bIélorusse").is_empty());
}

#[test]
fn adjectives_demonyms_and_inflection() {
    let e = engine();
    let got = found(&e, "les exportations biélorusses, les entreprises bélarussiennes, une délégation ouzbèke, des Ouzbeks et les Biélorusses");
    let forms: Vec<(&str, &str, Form)> = got.iter().map(|(t, i, f)| (t.as_str(), i.as_str(), *f)).collect();
    assert_eq!(
        forms,
        [
            ("biélorusses", "iso3166-1:BY", Form::Adjective),
            ("bélarussiennes", "iso3166-1:BY", Form::Adjective),
            ("ouzbèke", "iso3166-1:UZ", Form::Adjective),
            ("Ouzbeks", "iso3166-1:UZ", Form::Demonym),
            ("Biélorusses", "iso3166-1:BY", Form::Demonym),
        ]
    );
    assert_eq!(found(&e, "la partie kazakhe")[0].1, "iso3166-1:KZ");
}

#[test]
fn compounds_split_into_parts() {
    let e = engine();
    let got = found(&e, "la commission intergouvernementale biélorusse-ouzbèke et le forum russo-kirghize");
    let parts: Vec<(&str, Form)> = got.iter().map(|(t, _, f)| (t.as_str(), *f)).collect();
    assert_eq!(
        parts,
        [
            ("biélorusse", Form::Adjective),
            ("ouzbèke", Form::Adjective),
            ("russo", Form::Prefix),
            ("kirghize", Form::Adjective)
        ]
    );
    assert_eq!(spans(&e, "Biélorussie-Kazakhstan"), ["Biélorussie", "Kazakhstan"]);
    assert_eq!(spans(&e, "à Saint-Pétersbourg et en Asie-Pacifique"), ["Saint-Pétersbourg", "Asie-Pacifique"]);
    // A prefix only counts inside a compound.
    assert!(found(&e, "russo est un mot").is_empty());
}

#[test]
fn post_sovietique_is_not_the_ussr() {
    let e = engine();
    assert!(found(&e, "l'espace post-soviétique").is_empty());
    assert!(found(&e, "l'espace post-\n\nsoviétique").is_empty());
    assert_eq!(spans(&e, "l'Union soviétique et l'économie soviétique"), ["Union soviétique", "soviétique"]);
    // A compass point joined before an adjective names a larger area: "un pays sud-américain
    // comme le Chili" names Chile only.
    assert_eq!(spans(&e, "un pays sud-américain comme le Chili, un État nord-chilien"), ["Chili"]);
}

#[test]
fn spans_cross_line_breaks_and_hyphenated_line_ends() {
    let e = engine();
    assert_eq!(spans(&e, "à Saint-\n\nPétersbourg"), ["Saint-\n\nPétersbourg"]);
    assert_eq!(spans(&e, "la République\ndu Bélarus"), ["République\ndu Bélarus"]);
    // A name cut in two at a line end by a syllable hyphen.
    assert_eq!(
        found(&e, "avec l'Ar-\n\nménie et la République du Kazakh-\nstan"),
        [named("Ar-\n\nménie", "iso3166-1:AM"), named("République du Kazakh-\nstan", "iso3166-1:KZ")]
    );
    // A combining prefix keeps its hyphen: two mentions.
    assert_eq!(spans(&e, "Russo-\nbiélorusse"), ["Russo", "biélorusse"]);
}

#[test]
fn footnote_digits_glued_to_words_are_boundaries() {
    let e = engine();
    assert_eq!(spans(&e, "12L'Arménie et la Russie3 ont"), ["Arménie", "Russie"]);
}

#[test]
fn urls_and_emails_are_never_matched() {
    let e = engine();
    assert!(found(&e, "URL : https://www.belta.by/Minsk/Russie et contact@Russie.by").is_empty());
    assert_eq!(spans(&e, "http://http://www.e-cis.mfo/news.php?id=21302.e-\n\ncis.mfo/Gomel Minsk"), ["Minsk"]);
}

#[test]
fn accent_and_typography_insensitive() {
    let e = engine();
    assert_eq!(found(&e, "la Republique du Belarus")[0].1, "iso3166-1:BY");
    assert_eq!(found(&e, "d’Armenie")[0].1, "iso3166-1:AM");
}

#[test]
fn overlapping_mode_returns_all() {
    let e = engine();
    let options = ExtractOptions { overlapping: true, ..Default::default() };
    let got = found_with(&e, "l'Académie nationale des sciences de Biélorussie", &options);
    let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(texts, ["Académie nationale des sciences de Biélorussie", "Biélorussie"]);
}

#[test]
fn ambiguity_returns_the_best_candidate_and_alternatives() {
    let e = engine();
    let x = e.extract("Gomel", &ExtractOptions::default());
    assert_eq!(x.mentions.len(), 1);
    let alts: Vec<&str> = x.mentions[0].alternatives.iter().map(|&a| e.gazetteer().entity(a).id.as_str()).collect();
    assert_eq!(alts, ["iso3166-2:BY-HO"]);
    let x = e.extract("Gomel", &ExtractOptions { alternatives: false, ..Default::default() });
    assert!(x.mentions[0].alternatives.is_empty());
}

/// A name two places share is read by the states named near it before those of the whole
/// document: the book names Georgia more often than Armenia, yet "des villes arméniennes
/// telles que Kapan, Goris" is the Armenian town, not Gori (whose GeoNames names include
/// "Goris").
#[test]
fn an_ambiguous_name_follows_the_states_named_near_it() {
    let rows = format!(
        "{HEADER}\
iso3166-1:GE\tSTATE\tcountry\tGéorgie\t\t\t0.9\t\t\tgéorgien\n\
iso3166-1:AM\tSTATE\tcountry\tArménie\t\t\t0.9\t\t\tarménien\n\
geonames:614455\tREGION\tcity\tGori\tiso3166-1:GE\t\t0.22\tGoris\n\
geonames:174895\tREGION\tcity\tGoris\tiso3166-1:AM\t\t0.12\n"
    );
    let e = engine_of(&[("s.tsv", &rows)]);
    let filler = "Un long passage sans aucun nom de lieu, qui parle d'autre chose. ".repeat(8);
    let text = format!(
        "La Géorgie, la Géorgie et encore la Géorgie. {filler}Des villes arméniennes telles que \
         Goris. {filler}La ville de Goris."
    );
    let goris: Vec<String> =
        found(&e, &text).into_iter().filter(|(t, _, _)| t == "Goris").map(|(_, id, _)| id).collect();
    // Near "arméniennes": Armenian; far from any state, the document's most named state wins.
    assert_eq!(goris, ["geonames:174895", "geonames:614455"]);
}

/// ANNOTATION.md: a named institution takes its full name with the state embedded in it.
/// A ministry whose name goes on in coordinated complements before the state's name is
/// that state's ministry, though the document names another state more.
#[test]
fn a_ministry_name_runs_over_coordinated_complements_to_its_state() {
    let states = format!(
        "{HEADER}\
iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus\n\
iso3166-1:KG\tSTATE\tcountry\tKirghizstan\t\t\t0.9\tRépublique kirghize\n"
    );
    let templates = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
gazet:inst/ministry-agriculture-{key}\tINSTITUTION\tministry\tMinistère de l'Agriculture {de}\t{slot}\t\t\t\
ministère de l'Agriculture {de}|ministère de l'Agriculture\tSTATE\n";
    let e = engine_of(&[("states.tsv", states.as_str()), ("curated/templates.tsv", templates)]);
    let context = "Le Bélarus, le Bélarus et encore le Bélarus. ";
    let found_after = |sentence: &str| found(&e, &format!("{context}{sentence}"))[3..].to_vec();
    let kg = "gazet:inst/ministry-agriculture-kg";
    let by = "gazet:inst/ministry-agriculture-by";
    assert_eq!(
        found_after(
            "Le ministère de l'Agriculture, de l'Industrie alimentaire et de la \n\nRécupération de la République \
             kirghize a manifesté son intérêt."
        ),
        [(
            "ministère de l'Agriculture, de l'Industrie alimentaire et de la \n\nRécupération de la République kirghize"
                .to_string(),
            kg.to_string(),
            Form::Name
        )]
    );
    assert_eq!(
        found_after("le ministère de l'agriculture et de la mise en valeur des terres du Kirghizstan, et"),
        [(
            "ministère de l'agriculture et de la mise en valeur des terres du Kirghizstan".to_string(),
            kg.to_string(),
            Form::Name
        )]
    );
    // Not a coordinated complement: a list of other things, a figure, no "et".
    for sentence in [
        "le ministère de l'Agriculture et les représentants du Kirghizstan",
        "le ministère de l'Agriculture, des représentants du Kirghizstan",
        "le ministère de l'Agriculture et de 12 fermes du Kirghizstan",
        // A person serving a body: "et du ministre de ..." names no domain.
        "le ministère de l'Agriculture et du ministre de l'Industrie du Kirghizstan",
    ] {
        let got = found_after(sentence);
        assert_eq!(got[0].1, by, "{sentence}");
        assert_eq!(got[1].1, "iso3166-1:KG", "{sentence}");
    }
}

/// A templated body followed by "de" and a state its template does not take is that
/// state's body, which no gazetteer lists: one unlisted institution over the whole name.
/// A listed body followed by "de" and its own state is one name with it. Anything else
/// between them, or another state after a body no template made, keeps the two apart.
#[test]
fn a_templated_body_of_a_state_its_template_does_not_take_is_unlisted() {
    let states = format!(
        "{HEADER}\
iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus\n\
iso3166-1:CN\tSTATE\tcountry\tChine\t\t\t0.9\tRépublique populaire de Chine\t\t\t\t\tla\n\
gazet:inst/wb\tINSTITUTION\tbank\tBanque mondiale\n\
gazet:inst/chamber\tINSTITUTION\tchamber\tChambre des représentants\tiso3166-1:BY\n"
    );
    let templates = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
gazet:inst/ministry-trade-{key}\tINSTITUTION\tministry\tMinistère du Commerce {de}\t{slot}\t\t\t\
ministère du Commerce {de}|ministère du Commerce\tiso3166-1:BY\n";
    let e = engine_of(&[("states.tsv", states.as_str()), ("curated/templates.tsv", templates)]);
    let ids = |text: &str| found(&e, text).into_iter().map(|(s, id, _)| (s, id)).collect::<Vec<_>>();
    // (text, the one mention's span, its id)
    for (text, span, id) in [
        (
            "le ministère du Commerce de la République populaire de Chine a signé",
            "ministère du Commerce de la République populaire de Chine",
            "gazet:inst/unlisted",
        ),
        ("le ministère du Commerce de \n\nChine", "ministère du Commerce de \n\nChine", "gazet:inst/unlisted"),
        ("le ministère du Commerce du Bélarus", "ministère du Commerce du Bélarus", "gazet:inst/ministry-trade-by"),
        // A listed body of the state that follows it takes its name in.
        (
            "la Chambre des représentants du Bélarus a voté",
            "Chambre des représentants du Bélarus",
            "gazet:inst/chamber",
        ),
        // And another state's: the name of a body no gazetteer lists.
        ("la Chambre des représentants de Chine a voté", "Chambre des représentants de Chine", "gazet:inst/unlisted"),
    ] {
        assert_eq!(ids(text), [(span.to_string(), id.to_string())], "{text}");
    }
    for text in [
        "le ministère du Commerce et la Chine",
        "la Banque mondiale de Chine",
        "le ministère du Commerce, de Chine",
        "la Chambre des représentants et la Chine",
    ] {
        assert_eq!(ids(text).len(), 2, "{text}: {:?}", ids(text));
    }
}

/// A short name that refers back ("le Commonwealth", "la Communauté" for the CIS, as
/// translations from Russian write it) is a mention only where the text names the CIS
/// otherwise, and not when a complement or an adjective makes it another name.
#[test]
fn short_names_refer_back_to_an_entity_the_text_names() {
    let e = engine();
    let cis = |text: &str| -> Vec<String> {
        found(&e, text).into_iter().filter(|(_, id, _)| id == "gazet:inst/cis").map(|(t, _, _)| t).collect()
    };
    assert_eq!(
        cis("La CEI a trente ans. Les pays du Commonwealth, la Communauté."),
        ["CEI", "Commonwealth", "Communauté"]
    );
    // Before the full name, too: the whole text counts.
    assert_eq!(
        cis("Le Commonwealth a changé. La Communauté des États indépendants"),
        ["Commonwealth", "Communauté des États indépendants"]
    );
    // Named by one of its bodies.
    assert_eq!(cis("Le Conseil des chefs d'État de la CEI. La Communauté a décidé."), ["Communauté"]);
    // Not named at all, or qualified: another Commonwealth, another Communauté.
    assert!(cis("Le Commonwealth a changé. La Communauté a décidé.").is_empty());
    assert_eq!(
        cis("La CEI et le Commonwealth britannique, la Communauté économique, la Communauté de l'énergie."),
        ["CEI"]
    );
}

#[test]
fn kinds_filter_and_cooccurrence() {
    let e = engine();
    let text = "La Biélorussie et la Russie. Le Kazakhstan et la CEI. La Russie et la CEI.";
    let x = e.extract(text, &ExtractOptions::default());
    assert_eq!(x.units, 3);
    let id = |i| e.gazetteer().entity(i).id.as_str();
    let pairs: Vec<(&str, &str, u32)> = x
        .pairs
        .iter()
        .map(|p| if id(p.a) < id(p.b) { (id(p.a), id(p.b), p.count) } else { (id(p.b), id(p.a), p.count) })
        .collect();
    assert_eq!(pairs.len(), 3);
    assert!(pairs.contains(&("iso3166-1:BY", "iso3166-1:RU", 1)));
    assert!(pairs.contains(&("gazet:inst/cis", "iso3166-1:RU", 1)));
    let doc = e.extract(text, &ExtractOptions { unit: CoUnit::Document, ..Default::default() });
    assert_eq!(doc.pairs.len(), 6);
    let states = e.extract(text, &ExtractOptions { kinds: vec![Kind::State], ..Default::default() });
    assert!(states.mentions.iter().all(|m| e.gazetteer().entity(m.entity).kind == Kind::State));
    assert_eq!(states.mentions.len(), 4);
}

#[test]
fn utf16_offsets_on_request() {
    let e = engine();
    let text = "😀 la Russie";
    let x = e.extract(text, &ExtractOptions { utf16: true, ..Default::default() });
    let m = &x.mentions[0];
    assert_eq!((m.char_start, m.char_end), (5, 11));
    assert_eq!(m.utf16, Some((6, 12)));
}

#[test]
fn empty_text_gives_nothing() {
    let e = engine();
    let x = e.extract("", &ExtractOptions::default());
    assert!(x.mentions.is_empty() && x.pairs.is_empty() && x.entities.is_empty());
}

#[test]
fn context_rules_persons_languages_and_brands() {
    let e = engine();
    // An initial before a name makes it a person.
    assert!(found(&e, "interviewé par : K. Minsk et B. Zalessky").is_empty());
    assert!(found(&e, "Zalessky. Gomel, B. Zalessky").is_empty());
    // After an article, a place, whatever initials follow: "les présidents du Belarus et du
    // Kazakhstan, A. Lukashenka et ...".
    assert_eq!(spans(&e, "les présidents du Bélarus et du Kazakhstan, A. Loukachenko"), ["Bélarus", "Kazakhstan"]);
    // A place that is also a given name, before a capitalised word, is a person.
    assert!(found(&e, "la visite de Vladimir Dvornik en").is_empty());
    assert_eq!(spans(&e, "à Vladimir et à Vladimir. Puis"), ["Vladimir", "Vladimir"]);
    assert!(found(&e, "250 Uladzimir Dvornik a participé à une réunion").is_empty());
    assert_eq!(spans(&e, "à Uladzimir. Puis"), ["Uladzimir"]);
    // After "nom de", a person: "qui porte le nom d'Alisher Navoi".
    assert!(found(&e, "l'université qui porte le nom d'Alisher Navoi, et").is_empty());
    assert!(found(&e, "qui porte le nom de Navoi").is_empty());
    // Not a dedication: a place known by another name, or its former name.
    assert_eq!(spans(&e, "la ville, connue aussi sous le nom de Navoi, et"), ["Navoi"]);
    assert_eq!(spans(&e, "la capitale a porté entre 2019 et 2022 le nom de Navoi, et"), ["Navoi"]);
    // A name that is also a common noun needs its article: the island, not the meeting.
    assert_eq!(
        spans(&e, "16 Réunion du Conseil des chefs d'État de la CEI. Il vit à la Réunion."),
        ["Conseil des chefs d'État de la CEI", "Réunion"]
    );
    // "l'océan Indien" is the ocean, "les Chiliens" the demonym.
    assert!(found(&e, "l'océan Chilien").is_empty());
    assert_eq!(spans(&e, "à Gomel, Minsk et Navoi"), ["Gomel", "Minsk", "Navoi"]);
    assert_eq!(spans(&e, "à Minsk. Gomel aussi"), ["Minsk", "Gomel"]);
    // "en russe", "de langue russe" are the language.
    assert!(found(&e, "la formation sera dispensée en russe dans").is_empty());
    // At a sentence's start, after a verb of speaking, after "translittération".
    assert!(found(&e, "En russe, l'organisation est désignée par un sigle").is_empty());
    assert!(found(&e, "la plupart des habitants parlent russe, et").is_empty());
    assert_eq!(spans(&e, "(en translittération russe \"Elektricheskie Stantsii\")"), Vec::<String>::new());
    assert_eq!(spans(&e, "des enseignants de langue \n\nrusse formés en Russie"), ["Russie"]);
    assert_eq!(spans(&e, "en Russie et en partenariat russe"), ["Russie", "russe"]);
    // So is an adjective alone after a masculine article; before a name it is the name's.
    assert!(found(&e, "les migrants apprennent le russe et les bases du droit").is_empty());
    assert!(found(&e, "l'enseignement du russe comme langue étrangère").is_empty());
    assert_eq!(spans(&e, "construite par le russe Gomselmash et"), ["russe", "Gomselmash"]);
    // Before a name after a line break, in capitals or in quotes too.
    assert_eq!(
        spans(&e, "par le russe \n\nGomselmash, le russe \"Power Machines\" et le russe IKEA"),
        ["russe", "Gomselmash", "russe", "russe"]
    );
    assert_eq!(spans(&e, "le gaz russe et le pétrole"), ["russe"]);
    // A state name shouted in running text is a brand; in a heading it is the state.
    assert!(found(&e, "des tracteurs BELARUS et des machines de marque BELARUS").is_empty());
    // A firm's name shouted after goods is their maker's.
    assert_eq!(spans(&e, "des moissonneuses GOMSELMASH"), ["GOMSELMASH"]);
    assert_eq!(spans(&e, "COOPÉRATION BELARUS - KAZAKHSTAN"), ["BELARUS", "KAZAKHSTAN"]);
}

/// A firm shouted after goods is their maker even where a town bears the same name, which
/// so written would be a product ("réfrigérateurs ATLANT", Atlant being also Atlanta's).
#[test]
fn a_shouted_firm_is_the_maker_though_a_town_bears_its_name() {
    let rows = format!(
        "{HEADER}\
geonames:4180439\tREGION\tcity\tAtlanta\t\t\t0.52\tAtlant\t\t\t\t\t\n\
gazet:firm/atlant\tFIRM\tcompany\tAtlant\t\t\t\t\t\t\t\t\t\n"
    );
    let e = engine_of(&[("s.tsv", &rows)]);
    assert_eq!(found(&e, "des réfrigérateurs ATLANT et des moissonneuses"), [named("ATLANT", "gazet:firm/atlant")]);
}

#[test]
fn a_dedication_belongs_to_the_institution_name() {
    let e = engine();
    assert_eq!(
        spans(&e, "l'université pédagogique d'État biélorusse portant le nom de M. Tank, et Minsk"),
        ["université pédagogique d'État biélorusse portant le nom de M. Tank", "Minsk"]
    );
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom d'Islam Karimov."),
        ["Université pédagogique d'État biélorusse portant le nom d'Islam Karimov"]
    );
    // A title before the name (book: "portant le nom de l'académicien M.S. Osimi").
    assert_eq!(
        spans(&e, "l'université pédagogique d'État biélorusse portant le nom de l'académicien \n\nM.S. Osimi et"),
        ["université pédagogique d'État biélorusse portant le nom de l'académicien \n\nM.S. Osimi"]
    );
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom du poète Yakub Kolas."),
        ["Université pédagogique d'État biélorusse portant le nom du poète Yakub Kolas"]
    );
    // A particle inside the name, a title after it; not the town the body is in.
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom d'Abou Ali ibn Sina et"),
        ["Université pédagogique d'État biélorusse portant le nom d'Abou Ali ibn Sina"]
    );
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom de Jangir khan forme"),
        ["Université pédagogique d'État biélorusse portant le nom de Jangir khan"]
    );
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom d'I. Jansougourov de Minsk a"),
        ["Université pédagogique d'État biélorusse portant le nom d'I. Jansougourov", "Minsk"]
    );
    // A person known by one name keeps the epithet after it; a surname's "de" names the
    // body's town (above).
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom d'Euphrosyne de Polotsk, installée"),
        ["Université pédagogique d'État biélorusse portant le nom d'Euphrosyne de Polotsk"]
    );
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom de Iaroslav le Sage forme"),
        ["Université pédagogique d'État biélorusse portant le nom de Iaroslav le Sage"]
    );
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom de Iaroslav le 12 mai"),
        ["Université pédagogique d'État biélorusse portant le nom de Iaroslav"]
    );
    // The name's own qualifier in parentheses comes before the dedication.
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse (Arctique) portant le nom de M. V. Lomonossov a"),
        ["Université pédagogique d'État biélorusse (Arctique) portant le nom de M. V. Lomonossov"]
    );
    // A footnote call glued to the name's last word, after its full stop or not, ends the
    // name: the next sentence is not part of it.
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom de M. Tank.435 Plus de 300 étudiants"),
        ["Université pédagogique d'État biélorusse portant le nom de M. Tank"]
    );
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom de V. I. Kozlov514. Les Biélorusses"),
        ["Université pédagogique d'État biélorusse portant le nom de V. I. Kozlov", "Biélorusses"]
    );
    // Without a name after it, the phrase stays outside.
    for text in [
        "l'Université pédagogique d'État biélorusse portant le nom de son fondateur",
        "l'Université pédagogique d'État biélorusse portant le nom de l'ancien recteur",
        "l'Université pédagogique d'État biélorusse portant le nom du fondateur",
    ] {
        assert_eq!(spans(&e, text), ["Université pédagogique d'État biélorusse"], "{text}");
    }
    // A title of several words, with a state's name in it: all one name.
    assert_eq!(
        spans(&e, "L'Université pédagogique d'État biélorusse portant le nom du premier président de la Russie B. N. Eltsine et Minsk"),
        ["Université pédagogique d'État biélorusse portant le nom du premier président de la Russie B. N. Eltsine", "Minsk"]
    );
    // The dedication of a body no list has, found by its place ("de Gomel") or by its head
    // alone, and of a plant.
    assert_eq!(
        found(&e, "L'Université d'État de Gomel portant le nom d'A. Baïtoursynov et l'Université agrotechnique kazakhe portant le nom de S. \n\nSeifoulline"),
        [
            named("Université d'État de Gomel portant le nom d'A. Baïtoursynov", "gazet:inst/unlisted"),
            named("Université agrotechnique kazakhe portant le nom de S. \n\nSeifoulline", "gazet:inst/unlisted"),
        ]
    );
    assert_eq!(
        found(&e, "l'usine électrotechnique de Minsk portant le nom de V.I. Kozlov"),
        [(
            "usine électrotechnique de Minsk portant le nom de V.I. Kozlov".to_string(),
            "gazet:firm/unlisted".to_string(),
            Form::Name
        )]
    );
    // A title only after "de", "du" or "des": after "d'Abaï" the name has begun.
    assert_eq!(
        spans(&e, "l'Université pédagogique d'État biélorusse portant le nom d'Abaï et qui accueille Minsk"),
        ["Université pédagogique d'État biélorusse portant le nom d'Abaï", "Minsk"]
    );
    // No head before the phrase: nothing.
    assert_eq!(spans(&e, "un prix kazakh portant le nom de S. Seifoulline"), ["kazakh"]);
}

/// A templated body named with a first-level subdivision instead of a state its template
/// takes is one unlisted institution.
#[test]
fn a_templated_body_of_a_subdivision() {
    let states = format!(
        "{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus\t\t\t\t\tla\n\
         iso3166-1:RU\tSTATE\tcountry\tRussie\t\t\t0.9\t\t\t\t\t\tla\n"
    );
    let regions = format!(
        "{HEADER}iso3166-2:RU-TA\tREGION\trepublic\tTatarstan\tiso3166-1:RU\t\t0.5\tTatarstan\t\t\t\trépublique\tle\n"
    );
    let templates = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
gazet:inst/ministry-industry-{key}\tINSTITUTION\tministry\tministère de l'Industrie {de}\t{slot}\t\t\tministère de l'Industrie {de}|ministère de l'Industrie\tiso3166-1:BY,iso3166-1:RU\n";
    let e = engine_of(&[
        ("states.tsv", states.as_str()),
        ("regions.tsv", regions.as_str()),
        ("curated/templates.tsv", templates),
    ]);
    assert_eq!(
        found(
            &e,
            "le ministère de l'Industrie de la république du Tatarstan et le ministère de l'Industrie de la Russie"
        ),
        [
            (
                "ministère de l'Industrie de la république du Tatarstan".to_string(),
                "gazet:inst/unlisted".to_string(),
                Form::Name
            ),
            (
                "ministère de l'Industrie de la Russie".to_string(),
                "gazet:inst/ministry-industry-ru".to_string(),
                Form::Name
            ),
        ]
    );
}

/// The name of a sea: no territory.
#[test]
fn a_name_after_mer_is_a_sea() {
    let regions = format!(
        "{HEADER}gazet:region/pays-baltes\tREGION\tmacro-region\tpays baltes\t\t\t\tBaltique\n\
         gazet:region/aral\tREGION\tcity\tAral\t\t\t\tAral\n"
    );
    let e = engine_of(&[("regions.tsv", regions.as_str())]);
    assert_eq!(spans(&e, "la Baltique et la voie reliant la mer Baltique à la Mer Baltique"), ["Baltique"]);
    // A lake too.
    assert_eq!(spans(&e, "sur la rive du lac Baltique, dans la Baltique"), ["Baltique"]);
    // With "de" between the noun and the name, elided or not.
    assert_eq!(spans(&e, "la mer d'Aral, le lac de Baltique, la ville d'Aral"), ["Aral"]);
    assert_eq!(spans(&e, "la mer d’Aral et la mer de  Baltique"), Vec::<String>::new());
    // A shore, maybe with its side.
    assert_eq!(spans(&e, "sur la rive sud de l'Aral, les rives du Baltique, la route de Baltique"), ["Baltique"]);
    // A town's shore takes no article: the part of the town across its river.
    assert_eq!(spans(&e, "l'aménagement de la rive gauche d'Aral, sur les rives de Baltique"), ["Aral", "Baltique"]);
}

/// A quoted name of seven words after a legal form.
#[test]
fn a_long_quoted_name_after_a_legal_form() {
    let e = engine();
    let firms: Vec<String> =
        found(&e, "tandis que CJSC \"Port international de commerce maritime \n\nde Gomel\" offre")
            .into_iter()
            .filter(|g| g.1 == "gazet:firm/unlisted")
            .map(|g| g.0)
            .collect();
    assert_eq!(firms, ["Port international de commerce maritime \n\nde Gomel"]);
}

/// Russian names put the kind of state company beside the legal form ("JSC NC", "PJSC
/// ANK", "RUE PA"): neither is a name, nor a list item.
#[test]
fn stacked_legal_forms_are_no_names() {
    let e = engine();
    let firms = |text: &str| -> Vec<String> {
        found(&e, text).into_iter().filter(|g| g.1.starts_with("gazet:firm/")).map(|g| g.0).collect()
    };
    assert_eq!(firms("La compagnie nationale JSC NC \"Temir Joly\" a acquis"), ["Temir Joly"]);
    assert_eq!(
        firms("En 2020, PJSC ANK \"Bashneft\" et RUE PA \"Belorusneft\" ont convenu"),
        ["Bashneft", "Belorusneft"]
    );
    assert_eq!(firms("Gomselmash, Naftan et JSC \"Belshina\" de Minsk"), ["Gomselmash", "Naftan", "Belshina"]);
    // A state company is no firm named "État".
    assert_eq!(firms("L'entreprise d'État OJSC \"Barqi Tojik\" s'intéresse"), ["Barqi Tojik"]);
    assert_eq!(firms("avec une entreprise d'État \"Barqi Tojik\""), ["Barqi Tojik"]);
    // Nor is the state a firm's name after a business noun and its complement.
    assert!(firms("le principal opérateur céréalier de l'État, a proposé").is_empty());
    assert!(firms("par une société de crédit-bail d'État, avec des financements").is_empty());
    // An article at a sentence start is no name before a legal form.
    assert_eq!(firms("à Minsk. Le JSC \"Vitebsk Carpets\" livre"), ["Vitebsk Carpets"]);
    // The list goes on past the quoted name.
    assert_eq!(firms("Gomselmash, JSC \"Belshina\" et Zorka livrent"), ["Gomselmash", "Belshina", "Zorka"]);
}

#[test]
fn unlisted_firms_by_legal_form_business_noun_and_reference() {
    let e = engine();
    let text = "des tissus de Mogotex OJSC et de Gomselmash OJSC, la société ouzbèke Evroplastiks Invest et une coentreprise Zdravushka Minsk. - Minsk : Biznesofset, 2017.";
    let got = found(&e, text);
    let firms: Vec<(&str, &str)> =
        got.iter().filter(|g| g.1.starts_with("gazet:firm/")).map(|g| (g.0.as_str(), g.1.as_str())).collect();
    assert_eq!(
        firms,
        [
            ("Mogotex", "gazet:firm/unlisted"),
            ("Gomselmash", "gazet:firm/gomselmash"),
            ("Evroplastiks Invest", "gazet:firm/unlisted"),
            ("Zdravushka Minsk", "gazet:firm/unlisted"),
            ("Biznesofset", "gazet:firm/unlisted"),
        ]
    );
    // A plant's noun names its firm right after it; after "de", the plant's town.
    assert_eq!(
        spans(&e, "en 2020, l'usine Zvezdotchka et le combinat minier Severonickel, puis l'usine de Koungrad"),
        ["Zvezdotchka", "Severonickel"]
    );
    // An exchange is a firm (ANNOTATION.md: commodity exchanges): "la bourse kazakhe ETS";
    // "bourse d'études" names nothing.
    assert_eq!(
        found(&e, "la bourse kazakhe ETS et une bourse d'études Erasmus")
            .iter()
            .map(|g| (g.0.as_str(), g.1.as_str()))
            .collect::<Vec<_>>(),
        [("kazakhe", "iso3166-1:KZ"), ("ETS", "gazet:firm/unlisted")]
    );
    // Heads capitalised only ("Port", "Régie") are no cues: "la Régie Autonome" names no firm.
    assert!(spans(&e, "en 2020, la Régie Autonome des transports a acheté").is_empty());
    // After an elided article, the noun still names ("l'entreprise unitaire d'État").
    assert_eq!(
        spans(&e, "depuis 2015, l'entreprise unitaire d'État \n\nMosgortrans a acquis et L'entreprise de transport Passazhiravtotrans"),
        ["Mosgortrans", "Passazhiravtotrans"]
    );
    // A quoted name of several words, a place at its head included; quotes stay outside.
    let text = "le site de Trading House \"Minsk Engine Plant\" LLC à Noginsk, dont TUE \"Gomel Traditions of \n\nTaste\", IPUE et";
    assert_eq!(spans(&e, text), ["Minsk Engine Plant", "Gomel Traditions of \n\nTaste"]);
    // French guillemets, set apart by spaces, close a name as straight quotes do; a state
    // inside quotes is part of the firm's name, a quoted state alone stays the state.
    let text = "la coentreprise « Asia-Belarus Machinery » et la société « Agro Uz », puis la société \
                \"Belarus\" à Minsk.";
    assert_eq!(
        found(&e, text).iter().map(|g| (g.0.as_str(), g.1.as_str())).collect::<Vec<_>>(),
        [
            ("Asia-Belarus Machinery", "gazet:firm/unlisted"),
            ("Agro Uz", "gazet:firm/unlisted"),
            ("Belarus", "iso3166-1:BY"),
            ("Minsk", "geonames:625144"),
        ]
    );
    // Unlisted firms have no identity: they take no part in co-occurrence.
    let x = e.extract("Mogotex OJSC et Kamvol OJSC à Minsk.", &ExtractOptions::default());
    assert_eq!(x.mentions.len(), 3);
    assert!(x.pairs.is_empty());
    let unlisted = x.entities.iter().find(|c| e.gazetteer().entity(c.entity).id == "gazet:firm/unlisted").unwrap();
    assert_eq!((unlisted.mentions, unlisted.units), (2, 1));
    // A name found with its cue is the firm where the text repeats it without one (before
    // or after), written alike and capitalised, outside URLs and other mentions.
    let text = "Motovelozavod va créer une usine. La société Motovelozavod LLC, motovelozavod, \
                Motovelozavodski, www.motovelozavod.by et Motovelozavod.";
    assert_eq!(
        found(&e, text).iter().map(|g| (g.0.as_str(), g.1.as_str())).collect::<Vec<_>>(),
        [
            ("Motovelozavod", "gazet:firm/unlisted"),
            ("Motovelozavod", "gazet:firm/unlisted"),
            ("Motovelozavod", "gazet:firm/unlisted")
        ]
    );
    // A business noun in apposition describes the name before it (book: "UzShoes, une
    // entreprise de fabrication de chaussures"); a place stays a place, and a word that
    // opens a sentence is no name.
    assert_eq!(spans(&e, "en Ouzbékistan\" . UzShoes, \n\nune entreprise de chaussures"), ["Ouzbékistan", "UzShoes"]);
    assert_eq!(spans(&e, "Vitalur, le plus grand fabricant de carreaux"), ["Vitalur"]);
    assert_eq!(found(&e, "Gomel, une entreprise de Minsk")[0].1, "geonames:627907");
    for text in ["Ensuite, une société de Minsk", "Parallèlement, une entreprise a", "Aujourd'hui, une entreprise a"]
    {
        assert_eq!(spans(&e, text).len(), usize::from(text.contains("Minsk")), "{text}");
    }
    // Found by the fuzzer: the noun's article or adjectives at the very start of the text.
    for text in ["le plus grand fabricant de carreaux", "une entreprise de chaussures", "plus grand fabricant"] {
        assert!(spans(&e, text).is_empty(), "{text}");
    }
}

#[test]
fn accent_sensitivity_per_surface_and_per_form() {
    let rows = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tacronyms\tadjectives\n\
iso3166-1:NE\tSTATE\tcountry\tNiger\t\t\t0.9\t=Niger\t\tnigérien\n\
iso3166-1:PE\tSTATE\tcountry\tPérou\t\t\t0.9\t\t\tpéruvien\n";
    let g = Gazetteer::from_sources(&[("s.tsv", rows)]).unwrap();
    // `=Niger` is accent-sensitive; "Pérou" (the canonical name) is not.
    let e = Extractor::new(g.clone(), EngineConfig::default()).unwrap();
    assert_eq!(spans(&e, "le Niger et le Nigér, le Pérou et le Perou"), ["Niger", "Pérou", "Perou"]);
    // Accent-sensitive adjectives by configuration.
    let strict = EngineConfig { accent_sensitive: vec![Form::Adjective], ..Default::default() };
    let e = Extractor::new(g, strict).unwrap();
    assert_eq!(spans(&e, "péruvien et peruvien, nigérien et nigerien"), ["péruvien", "nigérien"]);
}

/// Book, ch2 and elsewhere: "quatre régions biélorusses - Minsk, Gomel, Vitebsk et
/// Mogilev", "la région russe d'Irkoutsk": a designator kept from the name by an adjective
/// still makes the name the region, and a plural one the names listed after it.
#[test]
fn a_designator_before_an_adjective_makes_the_names_after_it_regions() {
    let e = engine();
    let ids = |text: &str| -> Vec<(String, String)> {
        found(&e, text).into_iter().filter(|m| m.2 == Form::Name).map(|m| (m.0, m.1)).collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter().map(|&(a, b)| (a.to_string(), b.to_string())).collect()
    };
    // The oblast, not the city, nor the capital's own subdivision.
    assert_eq!(
        ids("des accords avec quatre régions biélorusses - Minsk, Gomel et Navoï - ont été signés"),
        pairs(&[("Minsk", "iso3166-2:BY-MI"), ("Gomel", "iso3166-2:BY-HO"), ("Navoï", "iso3166-2:UZ-NW")])
    );
    assert_eq!(
        ids("avec trois régions biélorusses : Gomel, Minsk et Navoï."),
        pairs(&[("Gomel", "iso3166-2:BY-HO"), ("Minsk", "iso3166-2:BY-MI"), ("Navoï", "iso3166-2:UZ-NW")])
    );
    assert_eq!(
        ids("les régions frontalières russes de Gomel, Minsk et Navoï"),
        pairs(&[("Gomel", "iso3166-2:BY-HO"), ("Minsk", "iso3166-2:BY-MI"), ("Navoï", "iso3166-2:UZ-NW")])
    );
    assert_eq!(
        ids("la région biélorusse de Gomel et la ville de Minsk"),
        pairs(&[("Gomel", "iso3166-2:BY-HO"), ("Minsk", "geonames:625144")])
    );
    // A plural designator joined to its first name lists the others with commas too.
    assert_eq!(
        ids("Les régions de Gomel, Minsk et Navoï coopèrent"),
        pairs(&[("Gomel", "iso3166-2:BY-HO"), ("Minsk", "iso3166-2:BY-MI"), ("Navoï", "iso3166-2:UZ-NW")])
    );
    // A singular designator makes only its own name a region; no designator, no region.
    assert_eq!(
        ids("la région de Gomel, Minsk et Navoï"),
        pairs(&[("région de Gomel", "iso3166-2:BY-HO"), ("Minsk", "geonames:625144"), ("Navoï", "geonames:601294")])
    );
    assert_eq!(
        ids("les entreprises biélorusses - Gomel, Minsk"),
        pairs(&[("Gomel", "geonames:627907"), ("Minsk", "geonames:625144")])
    );
    assert_eq!(
        ids("les régions de la Russie : Gomel"),
        pairs(&[("Russie", "iso3166-1:RU"), ("Gomel", "geonames:627907")])
    );
}

/// Book: "l'usine de transformation de la viande de Slutsk", "l'usine électrotechnique de
/// Brest": a plant named after what it makes and where is a firm, whole; where a plant is
/// built is not its name.
#[test]
fn a_plant_named_after_what_it_makes_and_its_place_is_a_firm() {
    let e = engine();
    let got =
        found(&e, "notamment l'usine de \n\ntransformation de la viande de Gomel, l'usine électrotechnique de Minsk.");
    let got: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
    assert_eq!(
        got,
        [
            ("usine de \n\ntransformation de la viande de Gomel", "gazet:firm/unlisted"),
            ("usine électrotechnique de Minsk", "gazet:firm/unlisted"),
        ]
    );
    assert_eq!(spans(&e, "créer une usine sur le territoire du pays d'Asie centrale"), ["Asie centrale"]);
    assert_eq!(spans(&e, "une usine d'assemblage dans la capitale de l'Ouzbékistan"), ["Ouzbékistan"]);
    // Who built or runs it is no part of its name either.
    assert_eq!(spans(&e, "une usine de pièces créée avec des investisseurs de Gomel"), ["Gomel"]);
    assert_eq!(spans(&e, "une usine de tracteurs construite par la région de Minsk"), ["région de Minsk"]);
    // A listed plant stays itself, and "l'usine de Minsk" is a plant in Minsk.
    assert_eq!(found(&e, "l'usine automobile de Minsk")[0].1, "gazet:firm/maz");
    assert_eq!(found(&e, "l'usine de Minsk")[0].1, "geonames:625144");
    // In lowercase, "fabrique" without a determiner is the verb.
    assert_eq!(spans(&e, "qui fabrique des ascenseurs pour les nouveaux quartiers de Minsk"), ["Minsk"]);
    assert_eq!(spans(&e, "l'entreprise fabrique des pneus de Gomel"), ["Gomel"]);
    assert_eq!(spans(&e, "la fabrique de meubles de Pinsk livre"), ["fabrique de meubles de Pinsk"]);
}

/// Book: "Kazakhstan Petrochemical Industries", "l'Astana Universal \n\nCommodity Exchange",
/// "Borisov Plant of Automobile and Tractor Electrical Equipment": the English name of a
/// firm or body that begins with a place is the firm or body, whole.
#[test]
fn an_english_firm_or_body_name_that_begins_with_a_place_is_the_firm_or_body() {
    let e = engine();
    assert_eq!(
        found(&e, "Kazakhstan Petrochemical Industries construit un complexe")[0],
        ("Kazakhstan Petrochemical Industries".into(), "gazet:firm/unlisted".into(), Form::Name)
    );
    assert_eq!(
        spans(&e, "avec le Minsk Universal \n\nCommodity Exchange, ce qui"),
        ["Minsk Universal \n\nCommodity Exchange"]
    );
    assert_eq!(
        spans(&e, "Amkodor, Gomel Plant of Automobile and Tractor Electrical Equipment ; TPC"),
        ["Gomel Plant of Automobile and Tractor Electrical Equipment"]
    );
    assert_eq!(spans(&e, "un accord avec Gomel \n\nTechnopark. En outre"), ["Gomel \n\nTechnopark"]);
    // "and" may join what the firm makes before its head; not two places.
    assert_eq!(
        found(&e, "Annual report / Gomel Mining and Metallurgical Company. - Gomel, 2023.")[0],
        ("Gomel Mining and Metallurgical Company".into(), "gazet:firm/unlisted".into(), Form::Name)
    );
    assert_eq!(spans(&e, "entre Minsk and Gomel Plant"), ["Minsk", "Gomel Plant"]);
    // In quotes, the name keeps all its words, the place and "and" too.
    assert_eq!(spans(&e, "la société LLC \"Minsk and Partners\" a"), ["Minsk and Partners"]);
    // What a body does, after "of", keeps it a body; another body's name after "and" is
    // its own.
    assert_eq!(
        found(&e, "804 Gomel Institute of Technology and National Academy of Sciences of Belarus open"),
        [
            named("Gomel Institute of Technology", "gazet:inst/unlisted"),
            named("National Academy of Sciences of Belarus", "gazet:inst/unlisted")
        ]
    );
    // A power plant by its acronym and number after the place.
    assert_eq!(
        found(&e, "la centrale Gomel \n\nGRES-1, et Minsk TETs-5 et Minsk HPP."),
        [
            named("Gomel \n\nGRES-1", "gazet:firm/unlisted"),
            named("Minsk TETs-5", "gazet:firm/unlisted"),
            named("Minsk HPP", "gazet:firm/unlisted")
        ]
    );
    // A body's English name that begins with a place is the body.
    assert_eq!(
        found(&e, "516 Gomel State Technical University. International relations")[0],
        ("Gomel State Technical University".into(), "gazet:inst/unlisted".into(), Form::Name)
    );
    assert_eq!(
        found(&e, "Accord // Minsk Regional State Administration. - 2019.")[0],
        ("Minsk Regional State Administration".into(), "gazet:inst/unlisted".into(), Form::Name)
    );
    // Public bodies' boards, agencies and councils too ("Sri Lanka Tea Board", "Vietnam
    // News Agency").
    assert_eq!(
        found(&e, "Accord // Gomel News Agency. - 2019. Le Minsk Tea Board a ouvert")[..2],
        [named("Gomel News Agency", "gazet:inst/unlisted"), named("Minsk Tea Board", "gazet:inst/unlisted")]
    );
    // Capitalised words with no head noun leave the place as it is.
    assert_eq!(found(&e, "à Gomel Nord et à Minsk")[0].1, "geonames:627907");
    assert_eq!(spans(&e, "la Russie Unie"), ["Russie"]);
}

/// Book: "Niva Holding (Soligorsk) a enregistré", "de MAZ et d'Autocomponents Holding",
/// "En particulier, Belstroytsentr Holding": an English head noun after capitalised words
/// ends a firm's name, and belongs to it, but for "Holding", an organisational form left
/// outside the name as "Gomselmash Holding" is `Gomselmash` (gold README).
#[test]
fn an_english_head_after_a_name_makes_it_a_firm() {
    let e = engine();
    let got = found(&e, "Parallèlement, Niva Holding (Soligorsk) a enregistré avec MAZ et d'Autocomponents Holding.");
    let got: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
    assert_eq!(
        got,
        [("Niva", "gazet:firm/unlisted"), ("MAZ", "gazet:firm/maz"), ("Autocomponents", "gazet:firm/unlisted")]
    );
    // A sentence's first word is not part of the name; a head inside a longer name is not
    // its end; "of" names what the plant makes.
    assert_eq!(spans(&e, "En particulier, Belstroytsentr Holding construit"), ["Belstroytsentr"]);
    assert_eq!(spans(&e, "Le Belstroytsentr Holding construit"), ["Belstroytsentr"]);
    // Quoted, after a legal form, the same: a listed firm keeps its own span.
    assert_eq!(spans(&e, "avec OJSC \"Gomselmash Holding\" et"), ["Gomselmash"]);
    assert_eq!(spans(&e, "avec OJSC \"Brestkhleboprodukt Holding\" et"), ["Brestkhleboprodukt"]);
    assert_eq!(
        spans(&e, "SE Brest Concern Holding Management Company, Smorgon"),
        ["Brest Concern Holding Management Company"]
    );
    assert_eq!(
        spans(&e, "Amkodor, Soligorsk Plant of Automobile and Tractor Equipment ; TPC"),
        ["Soligorsk Plant of Automobile and Tractor Equipment"]
    );
    // A publisher in a reference, whatever the case of its words.
    assert_eq!(
        spans(&e, "/ B. Zalessky. - LAP LAMBERT Academic Publishing, 2021. - C. 97."),
        ["LAP LAMBERT Academic Publishing"]
    );
    // A publisher after the city, on the next line.
    assert_eq!(
        found(&e, "/ B. Zaleski. - Minsk : \nBiznesofset, 2019. - С. 212."),
        [named("Minsk", "geonames:625144"), named("Biznesofset", "gazet:firm/unlisted")]
    );
    // A lowercase word before the head: no name.
    assert!(spans(&e, "un nouveau Holding sera créé").is_empty());
    // Found by the fuzzer: a territory ending inside the words before a head keeps its
    // span, and no mention overlaps another.
    let text = "la région d'Irstries,Bisov Plant of Automobile, Pinsk";
    let x = e.extract(text, &ExtractOptions::default());
    assert!(x.mentions.windows(2).all(|w| w[0].end <= w[1].start), "{:?}", spans(&e, text));
    assert_eq!(spans(&e, text)[0], "région d'Irstries");
}

/// Book: "producteurs tels que Kommunarka, Krinitsa, Minsk Kristall, Spartak,
/// Zdravushka-Milk, Pinsk et Oshmyansk": names listed after a firm are firms; a place in
/// the list stays a place.
#[test]
fn names_listed_after_a_firm_are_firms() {
    let e = engine();
    let got =
        found(&e, "des producteurs tels que Gomselmash, Krinitsa, Zdravushka-Milk, Minsk et \n\nOshmyansk ont signé");
    let got: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Gomselmash", "gazet:firm/gomselmash"),
            ("Krinitsa", "gazet:firm/unlisted"),
            ("Zdravushka-Milk", "gazet:firm/unlisted"),
            ("Minsk", "geonames:625144"),
            ("Oshmyansk", "gazet:firm/unlisted"),
        ]
    );
    // Quoted items: each closing quote comes before its separator.
    assert_eq!(
        found(&e, "les combinats \"Gomselmash\", \"Krinitsa\" et \"Spartak\" ont")
            .iter()
            .map(|g| g.1.as_str())
            .collect::<Vec<_>>(),
        ["gazet:firm/gomselmash", "gazet:firm/unlisted", "gazet:firm/unlisted"]
    );
    // No list: a comma then a sentence's subject, a state, lowercase words.
    assert_eq!(spans(&e, "selon MAZ, Alexandre Loukachenko a déclaré"), ["MAZ"]);
    assert_eq!(spans(&e, "MAZ et la Russie, Minsk Kristall et Spartak"), ["MAZ", "Russie", "Minsk"]);
    assert_eq!(spans(&e, "BelAZ et des entreprises"), ["BelAZ"]);
}

/// A quoted name after a short legal form (which French also writes in lowercase: "sa") or
/// after a noun of plants, singular or plural, elided or not, is a firm's.
#[test]
fn a_quoted_name_after_a_short_legal_form_or_a_noun_of_plants_is_a_firm() {
    let e = engine();
    let unlisted = |name: &str| named(name, "gazet:firm/unlisted");
    assert_eq!(
        found(&e, "la SA \"Floarea Soarelui\" de Navoï"),
        [unlisted("Floarea Soarelui"), named("Navoï", "geonames:601294")]
    );
    assert_eq!(found(&e, "à l'usine \"Gomel-Vit\" du raion"), [unlisted("Gomel-Vit")]);
    assert_eq!(found(&e, "les laiteries « Lapte » et"), [unlisted("Lapte")]);
    // Not after another word, nor a lowercase possessive; the word before the quote may
    // follow a space of several bytes.
    assert!(found(&e, "sa \"Maison\" et le livre \"Lapte\"").is_empty());
    assert_eq!(spans(&e, "la\u{2009}SA \"Lapte\" et"), ["Lapte"]);
}

/// Book, references: "Shcherbitsky, A. Glubokoe va coopérer avec la ville géorgienne de
/// Telavi / A. Shcherbitsky //", "Rafieva, S. Sogd et Vitebsk ont signé": after an
/// author's "Surname, I.", a name followed by a lowercase word begins the title; the
/// initial does not make it a person's.
#[test]
fn a_reference_title_may_begin_with_a_place() {
    let e = engine();
    assert_eq!(spans(&e, "330 Shcherbitsky, A. Gomel va coopérer avec Navoï / A. Shcherbitsky //"), ["Gomel", "Navoï"]);
    assert_eq!(spans(&e, "303 Rafieva, S. Gomel et\n\nNavoï ont signé"), ["Gomel", "Navoï"]);
    // So does a name followed by a dash or a colon ("Zalesskii, B. Belarus - Chine : ...").
    assert_eq!(spans(&e, "313 Zalesskii, B. Belarus - Russie : une coopération"), ["Belarus", "Russie"]);
    assert_eq!(spans(&e, "313 Zalesskii, B. Gomel : vingt ans"), ["Gomel"]);
    // An author list, or an initial without "Surname," before it: a person.
    assert!(spans(&e, "comp. : Zaleski, M. Gomel, A. Mostovoy. - Minsk").iter().all(|s| s != "Gomel"));
    assert!(spans(&e, "selon K. Gomel et B. Zalessky").iter().all(|s| s != "Gomel"));
    assert!(spans(&e, "Gusev, B. Gomel. - 2018").iter().all(|s| s != "Gomel"));
}

/// Book: "assemblées en Géorgie : Belarus 322.1, Belarus 321 et Belarus 622 tracteurs": a
/// state's name with a model number is a product (ANNOTATION.md: not marked); with a year
/// it is the state.
#[test]
fn a_state_name_with_a_model_number_is_a_product() {
    let e = engine();
    assert_eq!(spans(&e, "en Russie : Belarus 322.1, Belarus 321 et Belarus 622 tracteurs"), ["Russie"]);
    assert_eq!(spans(&e, "le programme Belarus 2030 et le Belarus, 12 fois"), ["Belarus", "Belarus"]);
    // Figures of a table, and a lone whole number, are not model numbers.
    assert_eq!(spans(&e, "Kazakhstan 10,6 % Russie 12 % Belarus 321 tracteurs"), ["Kazakhstan", "Russie", "Belarus"]);
    assert_eq!(spans(&e, "Belarus\n\n322.1"), Vec::<String>::new());
    // A model number joined by a hyphen, a brand quoted after a noun of goods; a year
    // after the hyphen names something else (a forum), whose names are marked.
    assert_eq!(
        spans(&e, "des tracteurs \"BELARUS\" et \"Belarus-1523\", BELARUS-892 ; le forum Belarus-2020"),
        ["Belarus"]
    );
    assert_eq!(spans(&e, "Les tracteurs « Belarus » sont assemblés en Russie"), ["Russie"]);
}

#[test]
fn unlisted_public_bodies_take_in_the_place_that_ends_their_name() {
    let e = engine();
    let text = "Selon les données du Comité des relations extérieures de la région de Gomel, \
        le ministère du développement innovant de l'Ouzbékistan et l'Académie nationale de \n\nBiélorussie, \
        au centre de la Russie, le Centre de la Russie et le Comité, de Minsk.";
    let got = found(&e, text);
    let got: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Comité des relations extérieures de la région de Gomel", "gazet:inst/unlisted"),
            ("ministère du développement innovant de l'Ouzbékistan", "gazet:inst/unlisted"),
            ("Académie nationale de \n\nBiélorussie", "gazet:inst/unlisted"),
            // A head right before the preposition names a location, not a body; punctuation
            // ends a name, and "le Comité" alone refers back to the committee named before.
            ("Russie", "iso3166-1:RU"),
            ("Russie", "iso3166-1:RU"),
            ("Comité", "gazet:inst/unlisted"),
            ("Minsk", "geonames:625144"),
        ]
    );
    // A templated body named with a first-level subdivision, not with a state its
    // template takes; the cabinet of a republic; a town's akimat.
    assert_eq!(
        found(&e, "l'Académie nationale des sciences de la région de Gomel, le Cabinet des ministres de l'oblast de l'Amour et l'akimat de la ville de Navoï"),
        [
            named("Académie nationale des sciences de la région de Gomel", "gazet:inst/unlisted"),
            named("Cabinet des ministres de l'oblast de l'Amour", "gazet:inst/unlisted"),
            named("akimat de la ville de Navoï", "gazet:inst/unlisted"),
        ]
    );
    assert_eq!(spans(&e, "l'akimat de la région d'Andijan"), ["akimat de la région d'Andijan"]);
    // A secretariat names a body right before its preposition, as a council does.
    assert_eq!(spans(&e, "le Secrétariat de la CEI et le Centre de la Russie"), ["Secrétariat de la CEI", "Russie"]);
    // The complement's first noun capitalised right after the head's preposition, and a
    // person's name with initials, stay in the name; a capitalised word elsewhere ends it.
    assert_eq!(
        found(&e, "le ministère des Relations internationales et économiques extérieures de la région de Gomel et l'Institut de physique B.I. Stepanov de l'Académie nationale des sciences de Biélorussie"),
        [
            named("ministère des Relations internationales et économiques extérieures de la région de Gomel", "gazet:inst/unlisted"),
            named("Institut de physique B.I. Stepanov de l'Académie nationale des sciences de Biélorussie", "gazet:inst/unlisted"),
        ]
    );
    assert_eq!(spans(&e, "Le Centre a reçu Loukachenko de la région de Gomel"), ["région de Gomel"]);
    // "des États membres de la CEI" is the usual complement of the CIS's bodies; a
    // university in lowercase is named by the words after its head.
    assert_eq!(
        found(&e, "le Conseil de coopération humanitaire des États membres de la CEI, l'université d'État de Gomel et l'université de Gomel"),
        [
            named("Conseil de coopération humanitaire des États membres de la CEI", "gazet:inst/unlisted"),
            named("université d'État de Gomel", "gazet:inst/unlisted"),
            named("Gomel", "geonames:627907"),
        ]
    );
    assert_eq!(spans(&e, "Centre de recherche a reçu des Relations de la région de Gomel"), ["région de Gomel"]);
    assert_eq!(
        spans(&e, "le ministère de la Santé de la région de Gomel"),
        ["ministère de la Santé de la région de Gomel"]
    );
    assert_eq!(
        spans(&e, "le Comité d'État pour la science et la technologie de la République du Bélarus"),
        ["Comité d'État pour la science et la technologie de la République du Bélarus"]
    );
    // At a sentence start the article is capitalised and elided: it stays outside the name;
    // a capitalised article before anything but a head opens no name.
    assert_eq!(
        spans(&e, "L'Institut de recherche des machines agricoles de Gomel a signé."),
        ["Institut de recherche des machines agricoles de Gomel"]
    );
    assert_eq!(spans(&e, "Ce lundi. L'Ordre des avocats de Gomel a signé."), ["Gomel"]);
    // A Tajik local executive and a parliament by their local names.
    assert_eq!(
        spans(&e, "le hukumat de la région de Gomel et le Medjlis suprême de Russie"),
        ["hukumat de la région de Gomel", "Medjlis suprême de Russie"]
    );
    // A bank is no public body, but for a central bank.
    assert_eq!(
        found(&e, "la Banque centrale de la Russie et la Banque agricole de Russie"),
        [named("Banque centrale de la Russie", "gazet:inst/unlisted"), named("Russie", "iso3166-1:RU"),]
    );
    // So are a national bank named with its state alone and a reserve bank; with more
    // words, a national bank is a commercial one.
    assert_eq!(
        spans(&e, "la Banque nationale du Kazakhstan, la Banque de réserve de l'Arménie et la Banque nationale de l'activité économique extérieure de la République du Kazakhstan"),
        ["Banque nationale du Kazakhstan", "Banque de réserve de l'Arménie", "République du Kazakhstan"]
    );
    assert_eq!(spans(&e, "la Banque de développement de l'Arménie"), ["Arménie"]);
    // A council's head names a body even right before the preposition (book: "la Rada de
    // l'Oblast de Mogilev", "le Collegium de la Commission économique eurasienne").
    assert_eq!(
        found(&e, "En particulier, la Rada de l'Oblast de Gomel a signé des accords"),
        [named("Rada de l'Oblast de Gomel", "gazet:inst/unlisted")]
    );
    // A body's name may end with another body's, listed or not: the whole is one name, and
    // what is embedded in it is not marked again.
    for text in [
        "avec l'Institut de phytopathologie et de biodiversité de l'Université d'État de Gomel et",
        "avec le Centre de recherche de l'Académie des sciences de Russie et",
        // Faculties and laboratories are bodies of their university or academy.
        "avec la Faculté de biologie de l'Université d'État de Gomel et",
        "au Laboratoire de physique des plasmas de l'Académie des sciences de Russie et",
    ] {
        let got = found(&e, text);
        let name = &text[text.find(['I', 'C', 'F', 'L']).unwrap()..text.len() - 3];
        assert_eq!(got, [(name.to_string(), "gazet:inst/unlisted".to_string(), Form::Name)], "{text}");
    }
    // A listed institution is not taken for an unlisted one, and unlisted bodies take no
    // part in co-occurrence pairs.
    assert_eq!(
        spans(&e, "l'Académie nationale des sciences de Biélorussie"),
        ["Académie nationale des sciences de Biélorussie"]
    );
    let x = e.extract(
        "Le Comité du tourisme de la Russie et le Comité des sports du Kazakhstan.",
        &ExtractOptions::default(),
    );
    assert_eq!(x.mentions.len(), 2);
    assert!(x.pairs.is_empty());
}

/// A capitalised word joined by a hyphen to a place's name makes another place's name,
/// kept whole: "Oust-Louga" is not Louga.
#[test]
fn a_capitalised_word_hyphened_to_a_place_names_another_place() {
    let e = engine();
    let unlisted = |name: &str| named(name, "gazet:region/unlisted");
    assert_eq!(found(&e, "vers Oust-Gomel, puis"), [unlisted("Oust-Gomel")]);
    assert_eq!(found(&e, "vers Oust-\n\nGomel, puis"), [unlisted("Oust-\n\nGomel")]);
    // Two names joined are two mentions; a lowercase word or an acronym joins nothing.
    assert_eq!(spans(&e, "la ligne Minsk-Gomel et"), ["Minsk", "Gomel"]);
    assert_eq!(spans(&e, "l'axe Asie centrale-Gomel et"), ["Asie centrale", "Gomel"]);
    assert_eq!(spans(&e, "l'axe trans-Gomel et le CEI-Gomel"), ["Gomel", "CEI", "Gomel"]);
    // The word before the hyphen may follow a char of several bytes (fuzz: "…-Gomel").
    assert_eq!(spans(&e, "vers \u{fffd}Oust-Gomel et ’Verkh-Gomel"), ["Oust-Gomel", "Verkh-Gomel"]);
}

/// A body named after another body is one name, whether the first is listed or not; the
/// second is not marked again. A coordination or punctuation between them keeps two.
#[test]
fn a_body_of_another_body_is_one_name() {
    let e = engine();
    // A head right before the preposition names a body when another body follows
    // (written chapters: "l'Académie du ministère de l'Intérieur de la République du
    // Bélarus"), a location when a place follows.
    assert_eq!(
        found(&e, "les diplômés de l'Académie de la Communauté des États indépendants et"),
        [named("Académie de la Communauté des États indépendants", "gazet:inst/unlisted")]
    );
    assert_eq!(found(&e, "au Centre de la Russie et"), [named("Russie", "iso3166-1:RU")]);
    // A listed body, words saying which, "de" and another body or a state ("la Chambre des
    // représentants du Majlisi Oli", "le Conseil des ministres de l'Intérieur des États
    // membres de la CEI").
    // Named with its own state or a body of it, a listed body is still itself; with
    // another's, a body no gazetteer lists.
    for (text, id) in [
        ("avec l'Institut d'optique atmosphérique de l'Académie des sciences de Russie et", "gazet:inst/iao"),
        ("avec l'Institut d'optique atmosphérique des États membres de la CEI et", "gazet:inst/unlisted"),
        ("avec l'Institut d'optique atmosphérique du Kazakhstan et", "gazet:inst/unlisted"),
    ] {
        let name = &text[text.find('I').unwrap()..text.len() - 3];
        assert_eq!(found(&e, text), [named(name, id)], "{text}");
    }
    // What an unlisted body is for, after "pour", ends its name, with a place after "en".
    assert_eq!(
        spans(
            &e,
            "le Centre de recherche de Gomel pour la culture de la pomme de terre et des fruits et \n\nlégumes, et"
        ),
        ["Centre de recherche de Gomel pour la culture de la pomme de terre et des fruits et \n\nlégumes"]
    );
    assert_eq!(
        spans(&e, "le Centre de recherche de Gomel pour la diplomatie préventive en Asie centrale a"),
        ["Centre de recherche de Gomel pour la diplomatie préventive en Asie centrale"]
    );
    assert_eq!(spans(&e, "l'Institut d'optique atmosphérique pour la période"), ["Institut d'optique atmosphérique"]);
    // "de" alone between a body and the body it belongs to, whatever the first's name holds.
    assert_eq!(
        found(&e, "avec le Centre de recherche de Gomel de l'Académie des sciences de Russie et"),
        [named("Centre de recherche de Gomel de l'Académie des sciences de Russie", "gazet:inst/unlisted")]
    );
    for text in [
        "avec l'Institut d'optique atmosphérique et l'Académie des sciences de Russie",
        "avec l'Institut d'optique atmosphérique, l'Académie des sciences de Russie",
        "l'Institut d'optique atmosphérique accueille des enseignants de l'Académie des sciences de Russie",
    ] {
        assert_eq!(spans(&e, text), ["Institut d'optique atmosphérique", "Académie des sciences de Russie"], "{text}");
    }
}

/// A compass point after the place that ends a body's name belongs to the name (the South
/// Urals), and a school may be named after the part of the country it serves, with no
/// place at all; the compass point of something else ("du Nord du pays") names no school.
#[test]
fn a_compass_point_names_a_school() {
    let regions = format!(
        "{HEADER}\
gazet:region/oural\tREGION\tmacro-region\tOural\n\
geonames:1790630\tREGION\tcity\tXi'an\t\t\t0.6\n\
geonames:2037013\tREGION\tcity\tHarbin\t\t\t0.6\n\
iso3166-1:KZ\tSTATE\tcountry\tKazakhstan\t\t\t0.9\n"
    );
    let e = engine_of(&[("regions.tsv", regions.as_str())]);
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "L'Université d'État de l'Oural du Sud de Tcheliabinsk accueille un centre"),
        [unlisted("Université d'État de l'Oural du Sud")]
    );
    assert_eq!(
        found(&e, "l'Université d'État de l'Oural\n\ndu Sud-Est, et"),
        [unlisted("Université d'État de l'Oural\n\ndu Sud-Est")]
    );
    // A footnote call glued to the sentence's first word is no part of the name.
    assert_eq!(
        found(&e, "de Gomel. 723L'Université d'État de l'Oural du Sud et"),
        [unlisted("Université d'État de l'Oural du Sud")]
    );
    // Without the compass point, the place ends the name.
    assert_eq!(found(&e, "l'Université d'État de l'Oural a signé"), [unlisted("Université d'État de l'Oural")]);
    assert_eq!(
        found(&e, "l'Université polytechnique du Nord-Ouest et l'Académie technique d'État du Nord coopèrent"),
        [unlisted("Université polytechnique du Nord-Ouest"), unlisted("Académie technique d'État du Nord")]
    );
    // A town after the compass point is where the school is, not part of its name.
    assert_eq!(
        found(&e, "l'Université polytechnique du Nord-Ouest de Xi'an et l'Université agricole du Nord-Est d'Harbin"),
        [
            unlisted("Université polytechnique du Nord-Ouest"),
            named("Xi'an", "geonames:1790630"),
            unlisted("Université agricole du Nord-Est"),
            named("Harbin", "geonames:2037013")
        ]
    );
    for text in [
        "l'Université technique du Nord du pays",
        "l'Institut agraire du Sud Kazakhstan",
        "les universités du Nord-Ouest",
        "Université polytechnique du Nord-Ouest",
        "l'Université du Nord",
        "l'Université technique du Centre",
    ] {
        let schools: Vec<_> = found(&e, text).into_iter().filter(|m| m.1 == "gazet:inst/unlisted").collect();
        assert!(schools.is_empty(), "{text}: {schools:?}");
    }
}

/// A capitalised body's head and the state adjective that names it are one name, with the
/// complement that says what the body does; the adjectives of a descriptive body, or of the
/// bodies every pair of states sets up, stay adjectives (ANNOTATION.md).
#[test]
fn a_body_named_by_a_state_adjective_is_one_name() {
    let e = engine();
    let unlisted = |name: &str| named(name, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "l'Institut agricole kazakh, établi à Minsk"),
        [unlisted("Institut agricole kazakh"), named("Minsk", "geonames:625144")]
    );
    assert_eq!(
        found(&e, "avec la Chambre de commerce et d'industrie biélorusse a signé"),
        [unlisted("Chambre de commerce et d'industrie biélorusse")]
    );
    // The complement runs to punctuation, a capitalised word or a word no name holds.
    assert_eq!(
        found(&e, "la Fondation républicaine biélorusse pour la recherche fondamentale. Parmi"),
        [unlisted("Fondation républicaine biélorusse pour la recherche fondamentale")]
    );
    assert_eq!(
        found(&e, "l'Institut biélorusse de normalisation et de certification a publié"),
        [unlisted("Institut biélorusse de normalisation et de certification")]
    );
    // Domains listed with commas, up to the last one after "et"; a comma that no such list
    // follows ends the name.
    assert_eq!(
        found(&e, "l'Agence ouzbèke de normalisation, de métrologie et de certification a publié"),
        [unlisted("Agence ouzbèke de normalisation, de métrologie et de certification")]
    );
    assert_eq!(
        found(&e, "l'Agence ouzbèke de normalisation, de son côté, a publié"),
        [unlisted("Agence ouzbèke de normalisation")]
    );
    assert_eq!(
        found(&e, "l'Agence ouzbèke de normalisation, des fabricants et les importateurs"),
        [unlisted("Agence ouzbèke de normalisation")]
    );
    // A compound (book ch3, gold: one institution).
    assert_eq!(
        found(&e, "les fondateurs de l'Institut intersectoriel biélorusse-ouzbek de qualifications techniques appliquées, dont"),
        [unlisted("Institut intersectoriel biélorusse-ouzbek de qualifications techniques appliquées")]
    );
    // A dedication after it belongs to the name.
    assert_eq!(
        found(&e, "l'Université agrotechnique kazakhe portant le nom de S. Seifoulline coopère"),
        [unlisted("Université agrotechnique kazakhe portant le nom de S. Seifoulline")]
    );
    // Not names: a lowercase head, a head right before the adjective with nothing after,
    // a verb between, the bodies of two states.
    for text in [
        "avec l'université biélorusse et",
        "le Comité biélorusse a décidé",
        "le Comité a approuvé le projet biélorusse",
        "la Commission intergouvernementale biélorusse-ouzbèke pour la coopération économique",
        "le Conseil d'affaires biélorusse-ouzbek",
    ] {
        assert!(
            found(&e, text).iter().all(|(_, id, form)| id.starts_with("iso3166-1:") && *form == Form::Adjective),
            "{text}"
        );
    }
}

/// The person a body is named after, written with initials right after its name, is part
/// of the name; a person who serves the body is not.
#[test]
fn a_person_written_with_initials_after_a_body_names_it() {
    let e = engine();
    let iao = |name: &str| named(name, "gazet:inst/iao");
    assert_eq!(
        found(&e, "avec l'Institut d'optique atmosphérique V.E. Zuev et"),
        [iao("Institut d'optique atmosphérique V.E. Zuev")]
    );
    // A footnote call glued after the full stop is no part of the name.
    assert_eq!(
        found(&e, "avec l'Institut d'optique atmosphérique V.E. Zuev.365 En retour"),
        [iao("Institut d'optique atmosphérique V.E. Zuev")]
    );
    assert_eq!(
        found(&e, "avec l'Institut d'optique atmosphérique V. E. \n\nZuev, et"),
        [iao("Institut d'optique atmosphérique V. E. \n\nZuev")]
    );
    // A body named by its state's adjective, then its eponym (a theatre, written apart).
    assert_eq!(
        found(&e, "au Théâtre dramatique académique kazakh M. Aouezov et"),
        [named("Théâtre dramatique académique kazakh M. Aouezov", "gazet:inst/unlisted")]
    );
    // A museum reserve, named with its place.
    assert_eq!(
        found(&e, "le Musée-réserve national historique et culturel de \n\nGomel gère le château"),
        [named("Musée-réserve national historique et culturel de \n\nGomel", "gazet:inst/unlisted")]
    );
    // A person's name of two capitalised parts joined by a hyphen, after the place.
    assert_eq!(
        found(&e, "l'Université nationale de Gomel Lessia-Oukraïnka et"),
        [named("Université nationale de Gomel Lessia-Oukraïnka", "gazet:inst/unlisted")]
    );
    // A dedication says a place ends a body's name, even right after the head.
    assert_eq!(
        found(&e, "l'Université de Gomel portant le nom de F. Skorina et la ville de Minsk"),
        [
            named("Université de Gomel portant le nom de F. Skorina", "gazet:inst/unlisted"),
            named("Minsk", "geonames:625144")
        ]
    );
    // The acronym in parentheses after the dedication is the body's.
    assert_eq!(
        found(&e, "l'Université de Gomel portant le nom de F. Skorina (GGU) et le GGU"),
        [
            named("Université de Gomel portant le nom de F. Skorina", "gazet:inst/unlisted"),
            (String::from("GGU"), String::from("gazet:inst/unlisted"), Form::Acronym),
            (String::from("GGU"), String::from("gazet:inst/unlisted"), Form::Acronym),
        ]
    );
    // The look back for a noun of service counts bytes: it may start inside a char.
    for pad in ["", "x"] {
        let text = format!("{pad}{} l'Institut d'optique atmosphérique V.E. Zuev et", "é".repeat(40));
        assert_eq!(found(&e, &text), [iao("Institut d'optique atmosphérique V.E. Zuev")], "{text}");
    }
    for text in [
        "le directeur de l'Institut d'optique atmosphérique V. Zuev a dit",
        "avec l'Institut d'optique atmosphérique. V. Zuev a dit",
        "avec l'Institut d'optique atmosphérique Zuev Tomsk Omsk Irkoutsk et",
    ] {
        assert_eq!(found(&e, text), [iao("Institut d'optique atmosphérique")], "{text}");
    }
    // Without initials: the person's name in full after a school, an institute, a theatre,
    // up to three words that no capitalised word follows (four above are not a name).
    assert_eq!(
        found(&e, "avec l'Institut d'optique atmosphérique Vladimir Zuev et"),
        [iao("Institut d'optique atmosphérique Vladimir Zuev")]
    );
    assert_eq!(
        found(&e, "l'Université d'État de Gomel Francisk \n\nSkorina, la"),
        [named("Université d'État de Gomel Francisk \n\nSkorina", "gazet:inst/unlisted")]
    );
    // Not after a council's name, nor after a name of the person's service.
    assert_eq!(
        spans(&e, "le Comité exécutif de la région de Gomel Ivan Krupko"),
        ["Comité exécutif de la région de Gomel"]
    );
    assert_eq!(
        found(&e, "le directeur de l'Institut d'optique atmosphérique Vladimir Zuev a dit"),
        [iao("Institut d'optique atmosphérique")]
    );
    // Before the place, right after the head or "d'État".
    assert_eq!(
        found(&e, "l'Université d'État Akaki Tsereteli de Gomel et l'Université \"Alecu Russo\" de Navoï"),
        [
            named("Université d'État Akaki Tsereteli de Gomel", "gazet:inst/unlisted"),
            named("Université \"Alecu Russo\" de Navoï", "gazet:inst/unlisted")
        ]
    );
    // A plant's quoted name is the firm's own; a place inside quotes ends no body's name.
    assert_eq!(spans(&e, "l'usine \"Gomselmash\" de Gomel"), ["Gomselmash", "Gomel"]);
    assert_eq!(spans(&e, "l'Université nationale \"Collège de Gomel\" et"), ["Gomel"]);
    // Capitalised words after lowercase ones of the name, through none a clause holds.
    assert_eq!(
        spans(&e, "l'Institut commun de recherches énergétiques et nucléaires Sosny de l'Académie nationale des sciences de Biélorussie"),
        ["Institut commun de recherches énergétiques et nucléaires Sosny de l'Académie nationale des sciences de Biélorussie"]
    );
}

/// An acronym in parentheses after the name of a firm or a body is that entity's, there
/// and wherever the text repeats it; it also confirms a name no other rule read.
#[test]
fn an_acronym_in_parentheses_names_the_body_before_it() {
    let e = engine();
    let acronym = |text: &str, id: &str| (text.to_string(), id.to_string(), Form::Acronym);
    assert_eq!(
        found(&e, "l'Institut d'optique atmosphérique (IOA) a signé. L'IOA, avec Minsk"),
        [
            named("Institut d'optique atmosphérique", "gazet:inst/iao"),
            acronym("IOA", "gazet:inst/iao"),
            acronym("IOA", "gazet:inst/iao"),
            named("Minsk", "geonames:625144"),
        ]
    );
    assert_eq!(
        found(&e, "le Conseil des commandants des troupes frontalières (CCTF) et"),
        [
            named("Conseil des commandants des troupes frontalières", "gazet:inst/unlisted"),
            acronym("CCTF", "gazet:inst/unlisted")
        ]
    );
    assert_eq!(
        found(&e, "la Compagnie unifiée de transport et de logistique - Alliance ferroviaire eurasienne (OTLK ERA) et"),
        [
            named(
                "Compagnie unifiée de transport et de logistique - Alliance ferroviaire eurasienne",
                "gazet:firm/unlisted"
            ),
            acronym("OTLK ERA", "gazet:firm/unlisted"),
        ]
    );
    // First in the parenthesis, before words on it; not first of a list of acronyms.
    assert_eq!(
        found(&e, "l'Institut d'optique atmosphérique (IOA, connu en anglais sous un autre sigle) et l'IOA"),
        [
            named("Institut d'optique atmosphérique", "gazet:inst/iao"),
            acronym("IOA", "gazet:inst/iao"),
            acronym("IOA", "gazet:inst/iao"),
        ]
    );
    assert_eq!(
        spans(&e, "l'Institut d'optique atmosphérique (IOA, CEI) et"),
        ["Institut d'optique atmosphérique", "CEI"]
    );
    // A parenthesis inside a mention (fuzz) names nothing new.
    assert!(found(&e, "la société LLP:\"Agrotekhmas(\", qui").iter().all(|(_, _, form)| *form != Form::Acronym));
    // Not acronyms, or no name before them: nothing.
    for text in [
        "l'Institut d'optique atmosphérique (Gomel) et",
        "le Conseil a décidé (II) et",
        "dans la ville (URSS) et",
        "Le projet (CCTF) et",
    ] {
        assert!(found(&e, text).iter().all(|(_, _, form)| *form != Form::Acronym || text.contains("URSS")), "{text}");
        assert!(!found(&e, text).iter().any(|(_, id, _)| id.ends_with("/unlisted")), "{text}");
    }
}

/// A short name in parentheses (one capitalised word, then lowercase) after a body's name
/// is that body's, as an acronym is, there and where the text repeats it; a body named
/// with "dans le domaine de" is confirmed by its acronym; and a body of the body an
/// acronym names ("le Comité exécutif de la RCC") is one name with it.
#[test]
fn short_names_and_acronyms_in_parentheses_name_bodies() {
    let e = engine();
    let acronym = |text: &str| (text.to_string(), "gazet:inst/unlisted".to_string(), Form::Acronym);
    assert_eq!(
        found(&e, "l'Institut d'optique atmosphérique (Optika) a signé. Selon Optika, 12"),
        [
            named("Institut d'optique atmosphérique", "gazet:inst/iao"),
            named("Optika", "gazet:inst/iao"),
            named("Optika", "gazet:inst/iao"),
        ]
    );
    assert_eq!(
        found(
            &e,
            "la Communauté régionale dans le domaine des communications (RCC), dont l'organe, le Comité \
             exécutif de la RCC, siège à Minsk. La RCC prépare"
        ),
        [
            named("Communauté régionale dans le domaine des communications", "gazet:inst/unlisted"),
            acronym("RCC"),
            named(
                "Comité \
             exécutif de la RCC",
                "gazet:inst/unlisted"
            ),
            named("Minsk", "geonames:625144"),
            acronym("RCC"),
        ]
    );
    // An acronym's capitals may lie beyond ASCII (Turkish "İ").
    assert_eq!(
        found(&e, "le Conseil des relations économiques extérieures (DEİK) a reçu ; le DEİK a signé"),
        [
            named("Conseil des relations économiques extérieures", "gazet:inst/unlisted"),
            acronym("DEİK"),
            acronym("DEİK"),
        ]
    );
    // A name its acronym confirms may end with a place after "de": the place is inside it.
    assert_eq!(
        found(&e, "la Régie du transport électrique de Minsk (RTEM) a reçu. La RTEM"),
        [
            named("Régie du transport électrique de Minsk", "gazet:firm/unlisted"),
            (String::from("RTEM"), String::from("gazet:firm/unlisted"), Form::Acronym),
            (String::from("RTEM"), String::from("gazet:firm/unlisted"), Form::Acronym),
        ]
    );
    assert_eq!(
        found(&e, "la Compagnie minière de la Russie (CMR) livre"),
        [
            named("Compagnie minière de la Russie", "gazet:firm/unlisted"),
            (String::from("CMR"), String::from("gazet:firm/unlisted"), Form::Acronym),
        ]
    );
    // A place with no such name before it stays the place.
    assert_eq!(spans(&e, "les usines à Minsk (RB) et"), ["Minsk", "RB"]);
    // The legal name in parentheses after its legal form is the firm's too, and the words
    // before the parenthesis are no part of it.
    assert_eq!(
        found(
            &e,
            "le Gomselmash (OJSC \"Gomelski zavod\"), grand, et le Combinat de lin (JSC \"Orchanski lnokombinat\")"
        ),
        [
            named("Gomselmash", "gazet:firm/gomselmash"),
            named("Gomelski zavod", "gazet:firm/gomselmash"),
            named("Orchanski lnokombinat", "gazet:firm/unlisted"),
        ]
    );
    // Words, or a place the gazetteers know, in parentheses: no short name.
    assert_eq!(
        spans(&e, "l'Institut d'optique atmosphérique (voir plus bas) et"),
        ["Institut d'optique atmosphérique"]
    );
    assert_eq!(
        spans(&e, "l'Institut d'optique atmosphérique (Minsk) et"),
        ["Institut d'optique atmosphérique", "Minsk"]
    );
}

/// "Institut d'optique atmosphérique SB RAS" (ch2 of the book): the acronym of the academy a
/// research body belongs to, right after its name, ends that name.
#[test]
fn an_academy_acronym_after_a_research_body_ends_its_name() {
    let e = engine();
    assert_eq!(
        found(&e, "avec l'Institut d'optique atmosphérique SB RAS à Tomsk"),
        [named("Institut d'optique atmosphérique SB RAS", "gazet:inst/iao")]
    );
    assert_eq!(spans(&e, "l'Institut d'optique atmosphérique\nRAS"), ["Institut d'optique atmosphérique\nRAS"]);
    // Not across punctuation, not after a place, and an academy's own acronym stays apart.
    assert_eq!(spans(&e, "l'Institut d'optique atmosphérique (RAS)"), ["Institut d'optique atmosphérique", "RAS"]);
    assert_eq!(spans(&e, "à Minsk RAS"), ["Minsk", "RAS"]);
    assert_eq!(spans(&e, "l'Académie des sciences de Russie RAS"), ["Académie des sciences de Russie", "RAS"]);
}

/// "Établissement rural de Shcheglovo et district d'Ostrovets" (ch2 of the book): a
/// territory designator followed by a capitalised name is a territory even when no gazetteer
/// lists the name; the designator belongs to the span (ANNOTATION.md).
#[test]
fn unlisted_territories_are_found_by_their_designator() {
    let e = engine();
    assert_eq!(
        found(&e, "16. Établissement rural de Shcheglovo et district d'Ostrovets (2012)"),
        [
            named("Établissement rural de Shcheglovo", "gazet:region/unlisted"),
            named("district d'Ostrovets", "gazet:region/unlisted"),
        ]
    );
    assert_eq!(spans(&e, "Le district \n\nurbain de Sosnovy Bor, puis"), ["district \n\nurbain de Sosnovy Bor"]);
    // A valley is a territory of its own, whatever listed place names it.
    assert_eq!(
        found(&e, "les fermes de la vallée de Gomel et la région de Gomel"),
        [named("vallée de Gomel", "gazet:region/unlisted"), named("région de Gomel", "iso3166-2:BY-HO")]
    );
    assert_eq!(found(&e, "la vallée d'Andijan"), [named("vallée d'Andijan", "gazet:region/unlisted")]);
    // So is a peninsula ("la péninsule d'Apchéron", a district's name too).
    assert_eq!(found(&e, "la péninsule \n\nde Gomel"), [named("péninsule \n\nde Gomel", "gazet:region/unlisted")]);
    // Named after its river too, with "du"; not the other designators.
    assert_eq!(spans(&e, "les coopératives de la vallée du Vakhch et du \n\nsud"), ["vallée du Vakhch"]);
    assert!(spans(&e, "les villes du district du Vakhch").is_empty());
    // A subtitle's last name, then the text's first word on the next line.
    assert_eq!(
        spans(&e, "Sughd et la vallée de Zeravchan\n\nParmi les régions, la vallée de Vakhch Nord"),
        ["vallée de Zeravchan", "vallée de Vakhch Nord"]
    );
    // "village" stays outside the span, as "ville" does; "village urbain", an administrative
    // kind of place, belongs to it; a listed town after "village de" is itself.
    assert_eq!(
        spans(&e, "dans le village de \n\nKichketan, le village urbain de Strelitsa et le village de Gomel"),
        ["Kichketan", "village urbain de Strelitsa", "Gomel"]
    );
    assert_eq!(found(&e, "le village de Gomel")[0].1, "geonames:627907");
    // So is a municipality: with its designator when no list has it, a listed town alone.
    assert_eq!(
        found(&e, "dans la municipalité de \n\nKhelvatchaouri et la municipalité de Gomel"),
        [named("municipalité de \n\nKhelvatchaouri", "gazet:region/unlisted"), named("Gomel", "geonames:627907")]
    );
    assert_eq!(spans(&e, "la région de Poltava12 et le raïon de l'Ilitch"), ["région de Poltava", "raïon de l'Ilitch"]);
    // A listed territory is found as itself; a place that ends a hyphenated name is not.
    assert_eq!(found(&e, "l'oblast de l'Amour"), [named("oblast de l'Amour", "iso3166-2:RU-AMU")]);
    assert_eq!(spans(&e, "le district de Djety-Amour a"), ["district de Djety-Amour"]);
    // No name, a lowercase word, a compass point or a known place: nothing new.
    for text in ["dans le district, à la région du Nord", "la région de l'Est", "le district de la ville"] {
        assert!(spans(&e, text).is_empty(), "{text}: {:?}", spans(&e, text));
    }
    // "ville" is no designator: the town's name alone, listed or not (`places`).
    assert_eq!(spans(&e, "la ville de Minsk"), ["Minsk"]);
    assert_eq!(found(&e, "la ville de Poltava"), [named("Poltava", "gazet:region/unlisted")]);
    // Book: "du district municipal d'Agryz au Tatarstan": a listed town named by a
    // designator that no pattern holds is the territory, designator included.
    assert_eq!(
        found(&e, "le village du district municipal de Gomel au Tatarstan"),
        [named("district municipal de Gomel", "gazet:region/unlisted")]
    );
    // Places joined by hyphens after a designator, or a listed region after a designator
    // of two words ("région économique"), are one territory with the designator.
    assert_eq!(
        found(&e, "la région économique de Gomel-Navoï et la région économique de \n\nGomel, puis"),
        [
            named("région économique de Gomel-Navoï", "gazet:region/unlisted"),
            named("région économique de \n\nGomel", "gazet:region/unlisted"),
        ]
    );
    assert_eq!(spans(&e, "la région économique de Gomel-\n\nNavoï, puis"), ["région économique de Gomel-\n\nNavoï"]);
    assert_eq!(spans(&e, "la région de Gomel-Navoï"), ["région de Gomel", "Navoï"]);
    // An unlisted territory has no identity of its own: it is never paired.
    let x = e.extract("Le district de Zelva et la Russie.", &ExtractOptions::default());
    assert_eq!(x.mentions.len(), 2);
    assert!(x.pairs.is_empty());
}

/// "Amkodor-Agrotechmash", "MAZ-Tashkent" (the book): a firm joined by a hyphen to a
/// capitalised word is the hyphenated name of another firm, kept whole.
#[test]
fn a_firm_joined_by_a_hyphen_to_a_name_is_another_firm() {
    let e = engine();
    assert_eq!(
        found(&e, "la coentreprise MAZ-Tashkent et Gomselmash-Ukraine-2"),
        [named("MAZ-Tashkent", "gazet:firm/unlisted"), named("Gomselmash-Ukraine-2", "gazet:firm/unlisted"),]
    );
    // Not across spaces, not before a lowercase word, not after a place.
    assert_eq!(
        spans(&e, "MAZ - Minsk, Gomselmash-export, Minsk-Gomel"),
        ["MAZ", "Minsk", "Gomselmash", "Minsk", "Gomel"]
    );
    // A hyphen that ends a line joins the word on the next one (ANNOTATION.md).
    assert_eq!(
        found(&e, "la raffinerie Gomselmash-\n\nPermnefteorgsintez de Minsk"),
        [named("Gomselmash-\n\nPermnefteorgsintez", "gazet:firm/unlisted"), named("Minsk", "geonames:625144")]
    );
    assert_eq!(spans(&e, "Gomselmash- Minsk"), ["Gomselmash", "Minsk"]);
}

/// Footnotes cite English publishers: a public body's English name that ends with a state
/// or place after "of" is one unlisted institution, whole; an embassy's takes in its host.
#[test]
fn an_english_body_named_with_its_state_is_one_name() {
    let e = engine();
    let body = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "// Ministry of Mining and Heavy Industry of \n\nthe Arménie. - 2022."),
        [body("Ministry of Mining and Heavy Industry of \n\nthe Arménie")]
    );
    assert_eq!(
        found(&e, "// Embassy of the Republic of Belarus in Russie. - URL"),
        [body("Embassy of the Republic of Belarus in Russie")]
    );
    assert_eq!(found(&e, "// State Customs Committee of Arménie."), [body("State Customs Committee of Arménie")]);
    assert_eq!(found(&e, "the Central Bank of Arménie"), [body("Central Bank of Arménie")]);
    // A commercial bank, a word no name holds, an English sentence's "The": no body.
    assert_eq!(spans(&e, "the Bank of Arménie"), ["Arménie"]);
    assert_eq!(spans(&e, "the Ministry said that exports of Arménie"), ["Arménie"]);
    assert_eq!(spans(&e, "The Agency of Arménie"), ["Agency of Arménie"]);
    assert_eq!(spans(&e, "the ministry of Arménie"), ["Arménie"]);
}

/// "Sibur Tobolsk", "MAZ Asia", "Lactalis Moldova": a listed firm followed by capitalised
/// words names another firm, which takes them in; an organisational or legal form after
/// it stays outside (gold README: "Gomselmash Holding" -> `Gomselmash`), and so does a
/// paper's name ("Gomselmash News", the firm's).
#[test]
fn a_listed_firm_followed_by_capitalised_words_is_another_firm() {
    let e = engine();
    assert_eq!(
        found(&e, "la société Gomselmash Minsk, filiale du groupe, et MAZ Asia \n\nTrading Vietnam Export."),
        [
            named("Gomselmash Minsk", "gazet:firm/unlisted"),
            named("MAZ Asia \n\nTrading Vietnam", "gazet:firm/unlisted")
        ]
    );
    assert_eq!(
        found(&e, "Gomselmash Holding et BelAZ JSC et MAZ, Minsk et BelAZ à Minsk et Gomselmash News."),
        [
            named("Gomselmash", "gazet:firm/gomselmash"),
            (String::from("BelAZ"), String::from("gazet:firm/belaz"), Form::Acronym),
            (String::from("MAZ"), String::from("gazet:firm/maz"), Form::Acronym),
            named("Minsk", "geonames:625144"),
            (String::from("BelAZ"), String::from("gazet:firm/belaz"), Form::Acronym),
            named("Minsk", "geonames:625144"),
            named("Gomselmash", "gazet:firm/gomselmash"),
        ]
    );
    // Lowercase words in its quotes finish the listed firm's own name; outside quotes, or
    // many of them, they do not.
    assert_eq!(
        found(
            &e,
            "dont \"Gomselmash zavod\".534 Et Gomselmash zavod, et \"Gomselmash a livré des moissonneuses à Gomel\""
        ),
        [
            named("Gomselmash zavod", "gazet:firm/gomselmash"),
            named("Gomselmash", "gazet:firm/gomselmash"),
            named("Gomselmash", "gazet:firm/gomselmash"),
            named("Gomel", "geonames:627907"),
        ]
    );
}

/// Districts named by the Russian adjective of their town ("Volkhovsky" for Volkhov) are
/// regions in district context only: near a district designator, or in a list of them;
/// elsewhere the same words are surnames, and after "de" a name the designator takes.
#[test]
fn district_adjectives_need_district_context() {
    let towns = format!(
        "{HEADER}\
iso3166-1:BY\tSTATE\tcountry\tBiélorussie\n\
iso3166-1:RU\tSTATE\tcountry\tRussie\n\
geonames:625972\tREGION\tcity\tLogoysk\tiso3166-1:BY\t\t0.1\tLahoysk\n\
geonames:472722\tREGION\tcity\tVolkhov\tiso3166-1:RU\t\t0.3\n\
geonames:561887\tREGION\tcity\tGatchina\tiso3166-1:RU\t\t0.3\n\
geonames:622034\tREGION\tcity\tShklov\tiso3166-1:BY\t\t0.1\n"
    );
    let templates = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
gazet:region/district-{key}\tREGION\tdistrict\tdistrict {de}\t{slot}\t\t\tdistrict {de}|{raion-adj}\tREGION:city@BY,RU\n";
    let engine = engine_of(&[("regions.tsv", towns.as_str()), ("curated/templates.tsv", templates)]);
    let list = "jumelage entre les districts \
suivants 1. Volkhovsky et Logoisky (2010) ; 2. Gatchinsky et Nesvizh (2010) ; 3. Kingisepp et \n\n\
Svetlogorsk (2010) ; 4. Shklovsky et Tikhvin.";
    assert_eq!(
        found(&engine, list),
        [
            ("Volkhovsky", "gazet:region/district-472722"),
            ("Logoisky", "gazet:region/district-625972"),
            ("Gatchinsky", "gazet:region/district-561887"),
            ("Shklovsky", "gazet:region/district-622034"),
        ]
        .map(|(t, id)| (t.to_string(), id.to_string(), Form::Name))
    );
    assert_eq!(spans(&engine, "Le Volkhovsky district est agricole."), ["Volkhovsky"]);
    assert_eq!(spans(&engine, "le raïon Gatchinsky de la région"), ["Gatchinsky"]);
    // No designator near: the critic Viktor Shklovsky.
    assert!(spans(&engine, "Le critique Viktor Shklovsky a écrit sur la prose.").is_empty());
    // A list too far from its designator is no list.
    let far =
        format!("Les districts ont signé. {} Gatchinsky et Shklovsky.", "Une longue phrase sans lien. ".repeat(8));
    assert!(spans(&engine, &far).is_empty(), "{:?}", spans(&engine, &far));
    // Designators inside a long list (windows that overlap and end before the list does):
    // each adjective once, in order (a fuzzer found them twice and out of order).
    let items = [
        "Volkhovsky et Logoisky (2010)",
        "Gatchinsky et le district voisin (2011)",
        "Shklovsky et Logoisky (2012)",
        "Volkhovsky et Gatchinsky (2013)",
        "Shklovsky et Volkhovsky (2014)",
        "Logoisky et Gatchinsky (2015)",
        "Shklovsky et Gatchinsky (2016)",
        "Volkhovsky et Logoisky (2017)",
        "Gatchinsky et Shklovsky (2018)",
        "Shklovsky et le raïon voisin (2019)",
        "Logoisky et Volkhovsky (2020)",
        "Gatchinsky et Logoisky (2021)",
        "Volkhovsky et Shklovsky (2022)",
    ];
    let list: Vec<String> = items.iter().enumerate().map(|(i, item)| format!("{}. {item}", i + 1)).collect();
    let nested = format!("Les districts suivants : {}.", list.join(" ; "));
    let expected: Vec<&str> = items.iter().flat_map(|item| item.split(' ').filter(|w| w.ends_with("sky"))).collect();
    assert!(nested.len() > 450 && expected.len() == 24, "{} {}", nested.len(), expected.len());
    assert_eq!(spans(&engine, &nested), expected);
    // After "de": a name of the district, not its adjective.
    assert_eq!(spans(&engine, "le district de Gatchina"), ["district de Gatchina"]);
    assert_eq!(spans(&engine, "le district urbain de Gatchinsky"), ["district urbain de Gatchinsky"]);
}

/// Russia's federal districts as the default gazetteers hold them: named by their
/// designator, their bare names (`@`) needing it; and the Ural mountains' region.
fn federal_districts() -> Extractor {
    let regions = format!(
        "{HEADER}\
iso3166-1:RU\tSTATE\tcountry\tRussie\t\t\t0.9\t\t\trusse\t\t\tla\n\
gazet:region/oural\tREGION\tmacro-region\tOural\t\t\t0.6\n\
gazet:region/fd-central\tREGION\tfederal-district\tdistrict fédéral central\tiso3166-1:RU\t\t0.6\t@Centre\t\t\t\tdistrict fédéral\tle\n\
gazet:region/fd-ural\tREGION\tfederal-district\tdistrict fédéral de l'Oural\tiso3166-1:RU\t\t0.6\t@Oural\t\t\t\tdistrict fédéral\tl'\n\
gazet:region/fd-volga\tREGION\tfederal-district\tdistrict fédéral de la Volga\tiso3166-1:RU\t\t0.6\t@Volga\t\t\t\tdistrict fédéral\tla\n\
gazet:region/fd-north-west\tREGION\tfederal-district\tdistrict fédéral du Nord-Ouest\tiso3166-1:RU\t\t0.6\t@Nord-Ouest\t\t\t\tdistrict fédéral\tle\n\
gazet:region/fd-north-caucasus\tREGION\tfederal-district\tdistrict fédéral du Caucase du Nord\tiso3166-1:RU\t\t0.6\t@Caucase du Nord\t\t\t\tdistrict fédéral\tle\n\
geonames:472757\tREGION\tcity\tVolgograd\tiso3166-1:RU\t\t0.6\n\
iso3166-2:RU-VGG\tREGION\toblast\tVolgograd\tiso3166-1:RU\t\t0.5\t\t\t\t\trégion|oblast\n"
    );
    engine_of(&[("regions.tsv", regions.as_str())])
}

#[test]
fn names_that_need_a_designator_are_found_with_it_and_in_the_list_of_its_plural() {
    let e = federal_districts();
    // With the designator, singular: the designator belongs to the span.
    assert_eq!(
        found(&e, "situé dans le district fédéral de l'Oural,"),
        [named("district fédéral de l'Oural", "gazet:region/fd-ural")]
    );
    // Alone, never: "Centre" is a common noun, "Oural" the mountains' region.
    assert!(found(&e, "Le Centre de recherche de la Volga").iter().all(|(_, id, _)| !id.starts_with("gazet:region/")));
    assert_eq!(found(&e, "les monts Oural")[0].1, "gazet:region/oural");
    // The plural designator governs the whole list and belongs to no name of it (the book,
    // line 4280); "Oural" is the district there, not the mountains.
    let text = "les districts fédéraux du Centre, de l'Oural, de la Volga \n\net du Nord-Ouest occupent";
    let got: Vec<(String, String)> = found(&e, text).into_iter().map(|(t, id, _)| (t, id)).collect();
    let want = [
        ("Centre", "gazet:region/fd-central"),
        ("Oural", "gazet:region/fd-ural"),
        ("Volga", "gazet:region/fd-volga"),
        ("Nord-Ouest", "gazet:region/fd-north-west"),
    ];
    assert_eq!(got, want.map(|(t, id)| (t.to_string(), id.to_string())));
    // The longest name of the list's subtype, a name of several words included.
    let got = found(&e, "les districts fédéraux de l'Oural et du Caucase du Nord.");
    assert_eq!((got[1].0.as_str(), got[1].1.as_str()), ("Caucase du Nord", "gazet:region/fd-north-caucasus"));
    // Only names of the list's own subtype: after "régions", "Volga" is nothing, and a list
    // ends at the first word that is no such name.
    let got = found(&e, "les régions de Volgograd et de la Volga");
    assert_eq!(got.len(), 1, "{got:?}");
    let got = found(&e, "les districts fédéraux de l'Oural et de Moscou, et du Centre");
    assert_eq!(got.len(), 1, "{got:?}");
    // A lowercase word is no name, nor is a name the start of a longer word.
    assert_eq!(found(&e, "les districts fédéraux de l'Oural et du centre").len(), 1);
    assert_eq!(found(&e, "les districts fédéraux du Centre et de l'Ouralsk").len(), 1);
    // The list may end the text.
    assert_eq!(found(&e, "les districts fédéraux du Centre et de la Volga").len(), 2);
}

#[test]
fn the_designator_marker_is_for_names_only() {
    let rows = format!("{HEADER}gazet:region/x\tREGION\tfederal-district\tX\t\t\t\t\t@XY\n");
    let err = Gazetteer::from_sources(&[("regions.tsv", rows.as_str())]).unwrap_err();
    assert_eq!((err.column.as_deref(), err.value.as_deref()), (Some("acronyms"), Some("@XY")), "{err}");
    assert!(err.message.contains("names only"), "{err}");
}

/// One-word firm names made of a stem and a trade need no cue (the book's "Rien qu'avec
/// Bryanskselmash, plus d'un millier de moissonneuses", "Piteravto prévoit de faire un
/// achat"); a surname with a trade inside it, an event's name in capitals, a name after
/// "exposition", a French word and a lowercase word are no firms.
#[test]
fn compound_firm_names_need_no_cue() {
    let e = engine();
    let firms = |text: &str| -> Vec<String> {
        found(&e, text).into_iter().filter(|(_, id, _)| id == "gazet:firm/unlisted").map(|(t, _, _)| t).collect()
    };
    assert_eq!(firms("Rien qu'avec Bryanskselmash, plus d'un millier"), ["Bryanskselmash"]);
    assert_eq!(firms("Piteravto prévoit de faire un achat"), ["Piteravto"]);
    assert_eq!(firms("\"UzBelAgroMash produit la gamme\""), ["UzBelAgroMash"]);
    assert_eq!(
        firms("les entreprises Mogilevdrev, Uzbekneftegaz et Turkmengaz"),
        ["Mogilevdrev", "Uzbekneftegaz", "Turkmengaz"]
    );
    assert!(firms("Semashko a visité le Tatarstan").is_empty());
    assert!(firms("l'exposition internationale INNOPROM en avril").is_empty());
    assert!(firms("l'exposition Belagroprom à Minsk, le salon Agroprom").is_empty());
    assert!(firms("Biogaz et Gaz naturel. Les autres gaz.").is_empty());
    assert!(firms("la lidselmash et la gomselmash").is_empty());
    // A listed name stays what it is.
    assert_eq!(found(&e, "Gomselmash a livré")[0].1, "gazet:firm/gomselmash");
}

/// A first word that begins hundreds of names ("La" in a gazetteer of every GeoNames place)
/// still finds each of them, and its one-word names and the other words beside it are
/// found as before.
#[test]
fn a_first_word_of_hundreds_of_names_finds_each() {
    // "La Vab", "La Vac" ...: 300 second words.
    let second = |i: u32| format!("V{}{}", char::from(b'a' + (i / 26) as u8), char::from(b'a' + (i % 26) as u8));
    let mut rows = String::from(HEADER);
    for i in 0..300 {
        rows.push_str(&format!("gazet:region/la-{i}\tREGION\tcity\tLa {}\n", second(i)));
    }
    rows.push_str("gazet:region/la-paz\tREGION\tcity\tLa Paz\ngazet:region/la\tREGION\tcity\tLa\n");
    rows.push_str("gazet:region/lara\tREGION\tcity\tLara\ngazet:region/saint\tREGION\tcity\tSaint-Ville7\n");
    let e = engine_of(&[("regions.tsv", rows.as_str())]);
    let text = format!("La Paz, La {}, La {} et Lara. La coopération, La. Saint-Ville7", second(17), second(299));
    let ids: Vec<String> = found(&e, &text).into_iter().map(|(_, id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "gazet:region/la-paz",
            "gazet:region/la-17",
            "gazet:region/la-299",
            "gazet:region/lara",
            "gazet:region/la",
            "gazet:region/la",
            "gazet:region/saint"
        ]
    );
    // A town's article stays outside its span.
    assert_eq!(spans(&e, &text), ["Paz", "Var", "Vln", "Lara", "La", "La", "Saint-Ville7"]);
}

/// A span in capitals that an acronym is written as is the acronym's in running text, not
/// a name matched only because it is shouted; in a heading in capitals, the name stays a
/// reading.
#[test]
fn an_acronym_as_written_beats_a_shouted_name_in_running_text() {
    let rows = format!(
        "{HEADER}\
iso3166-1:GU\tREGION\tterritory\tGuam\t\t\t0.9\n\
gazet:inst/guam\tINSTITUTION\tinternational-organisation\tOrganisation pour la démocratie et le développement économique\t\t\t\t\tGUAM\n"
    );
    let e = engine_of(&[("orgs.tsv", rows.as_str())]);
    let ids = |text: &str| found(&e, text).into_iter().map(|(_, id, _)| id).collect::<Vec<_>>();
    assert_eq!(ids("Le GUAM regroupe quatre États. L'île de Guam."), ["gazet:inst/guam", "iso3166-1:GU"]);
    assert_eq!(ids("LE GUAM ET SES MEMBRES"), ["iso3166-1:GU"]);
}

/// A state's name right after a noun of goods is a brand ("des tracteurs Belarus", the
/// tractors of MTZ); with an article or a preposition between, it is the state.
#[test]
fn a_state_name_right_after_a_noun_of_goods_is_a_brand() {
    let e = engine();
    assert_eq!(
        spans(&e, "Les Mongols importent des tracteurs Belarus, la marque Belarus et des camions\nBelarus."),
        Vec::<String>::new()
    );
    assert_eq!(spans(&e, "des tracteurs du Belarus, les bus au Belarus"), ["Belarus", "Belarus"]);
    // A town quoted after a noun of goods is a brand; unquoted, the town.
    assert_eq!(spans(&e, "le brandy \"Gomel\" et le brandy de Gomel"), ["Gomel"]);
}

#[test]
fn a_body_named_by_what_it_does_is_a_name() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(
            &e,
            "L'organe suprême en est le Conseil de sécurité \n\ncollective ; il s'appuie sur le Conseil des \
             ministres des Affaires étrangères et le Comité des secrétaires des conseils de sécurité, tandis que"
        ),
        [
            unlisted("Conseil de sécurité \n\ncollective"),
            unlisted("Conseil des ministres des Affaires étrangères"),
            unlisted("Comité des secrétaires des conseils de sécurité"),
        ]
    );
    // From the book.
    assert_eq!(
        found(
            &e,
            "Les scientifiques du Centre des systèmes d'identification et des opérations \n\ncommerciales \
             électroniques ont proposé"
        ),
        [unlisted("Centre des systèmes d'identification et des opérations \n\ncommerciales électroniques")]
    );
    assert_eq!(
        found(&e, "dans le cadre du Conseil de coopération dans le domaine de l'éducation."),
        [unlisted("Conseil de coopération dans le domaine de l'éducation")]
    );
    // "dans le domaine" goes on with a name only before its complement: an adjective after
    // it says what the body does ("du Conseil des ministres dans le domaine économique").
    assert_eq!(
        found(&e, "les décisions du Conseil des commandants des gardes dans le domaine économique."),
        [unlisted("Conseil des commandants des gardes")]
    );
    // A verb of what bodies do ends the name before its object, whatever follows.
    assert_eq!(
        found(&e, "Le Conseil des commandants suit de son côté la situation."),
        [unlisted("Conseil des commandants")]
    );
    assert!(found(&e, "la Commission mène des projets sur la facilitation des échanges.").is_empty());
    // Adjectives before the complement; a clause after it ends it, its verb left out.
    assert_eq!(
        found(&e, "l'Agence nationale du tourisme présente chaque année les régions"),
        [unlisted("Agence nationale du tourisme")]
    );
    // A footnote call glued to its last word ends the complement there, whole.
    assert_eq!(
        found(&e, "l'Agence nationale des sciences et des technologies18. En 1997"),
        [unlisted("Agence nationale des sciences et des technologies")]
    );
    assert_eq!(
        found(&e, "La Commission permanente des questions juridiques coordonne \n\nl'élaboration des codes"),
        [unlisted("Commission permanente des questions juridiques")]
    );
    assert_eq!(
        found(&e, "le Centre pour la recherche et le développement a"),
        [unlisted("Centre pour la recherche et le développement")]
    );
    // The place, state or body its complement leads to is part of its name.
    assert_eq!(
        found(&e, "confiée au Département des relations économiques extérieures de la ville de Minsk, qui"),
        [unlisted("Département des relations économiques extérieures de la ville de Minsk")]
    );
    assert_eq!(
        found(&e, "selon l'Agence pour la statistique auprès du Président de la République du Kazakhstan, le"),
        [unlisted("Agence pour la statistique auprès du Président de la République du Kazakhstan")]
    );
}

#[test]
fn a_head_noun_without_such_a_complement_names_no_body() {
    let e = engine();
    // A place, a bilateral body (descriptive, ANNOTATION.md), a sentence's first word.
    assert_eq!(spans(&e, "les régions du Centre de la Russie"), ["Russie"]);
    assert_eq!(spans(&e, "la réunion du Conseil d'affaires biélorusse-ouzbek à"), ["biélorusse", "ouzbek"]);
    assert!(found(&e, "Service de presse.").is_empty());
    assert!(found(&e, "le Conseil a approuvé le plan").is_empty());
    // A capitalised word after the complement goes on with a name this rule does not read
    // (but for a compass point: `a_purpose_after_sur_and_a_compass_point_after_the_purpose`).
    assert!(found(&e, "l'Agence de développement régional Bessarabie a").is_empty());
    // A verb ends the words before a body's complement: no body headed before it.
    assert_eq!(
        spans(&e, "la Cour a rendu des avis consultatifs à la demande du Comité exécutif de la CEI."),
        ["Comité exécutif de la CEI"]
    );
}

#[test]
fn a_states_mission_abroad_is_named_with_its_host() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "Selon l'Ambassade de la République du \n\nBélarus en République du Kazakhstan, la"),
        [unlisted("Ambassade de la République du \n\nBélarus en République du Kazakhstan")]
    );
    assert_eq!(
        found(&e, "le Consulat général de la République du Bélarus à Saint-Pétersbourg et"),
        [unlisted("Consulat général de la République du Bélarus à Saint-Pétersbourg")]
    );
    // In lowercase, a description: the states only.
    assert_eq!(spans(&e, "l'ambassade du Bélarus au Kazakhstan"), ["Bélarus", "Kazakhstan"]);
    // A mission's branch is named with the mission and its own town.
    assert_eq!(
        found(
            &e,
            "la Branche de l'Ambassade de la République du Bélarus en Fédération de Russie à \n\nGomel, compétente"
        ),
        [unlisted("Branche de l'Ambassade de la République du Bélarus en Fédération de Russie à \n\nGomel")]
    );
    // Line breaks between the branch noun and its mission too.
    assert_eq!(
        found(&e, "La Branche de \n\nl'Ambassade de la République du Bélarus en Fédération de Russie à Gomel"),
        [unlisted("Branche de \n\nl'Ambassade de la République du Bélarus en Fédération de Russie à Gomel")]
    );
    // Not a town after "à" without the branch noun, nor a branch of something else.
    assert_eq!(
        spans(&e, "l'Ambassade de la République du Bélarus en Fédération de Russie à Gomel"),
        ["Ambassade de la République du Bélarus en Fédération de Russie", "Gomel"]
    );
}

/// States, a town and international organisations, for the rules on their offices.
fn engine_with_organisations() -> Extractor {
    let states = format!(
        "{HEADER}\
iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus|République du Bélarus\t\tbiélorusse\t\t\tla\n\
iso3166-1:MD\tSTATE\tcountry\tMoldavie\t\t\t0.9\tMoldova\t\tmoldave\t\t\tla\n"
    );
    let cities = format!("{HEADER}geonames:625144\tREGION\tcapital\tMinsk\tiso3166-1:BY\t\t0.9\n");
    let orgs = format!(
        "{HEADER}\
gazet:inst/eu\tINSTITUTION\tinternational-organisation\tUnion européenne\t\t\t\t\tUE\n\
gazet:inst/osce\tINSTITUTION\tinternational-organisation\tOrganisation pour la sécurité et la coopération en Europe\t\t\t\t\tOSCE\n\
gazet:inst/un\tINSTITUTION\tinternational-organisation\tOrganisation des Nations unies\t\t\t\t\tONU\n\
gazet:inst/unesco\tINSTITUTION\tinternational-organisation\tOrganisation des Nations unies pour l'éducation, la science et la culture\t\t\t\t\tUNESCO\n\
gazet:inst/undp\tINSTITUTION\tinternational-organisation\tProgramme des Nations unies pour le développement\t\t\t\t\tPNUD\n"
    );
    engine_of(&[("states.tsv", states.as_str()), ("cities.tsv", cities.as_str()), ("curated/orgs.tsv", orgs.as_str())])
}

/// The offices of international bodies are named with their host, as a state's missions
/// are (written README, round 12: "Bureau de l'OSCE à Minsk", with its town).
#[test]
fn an_international_bodys_office_is_named_with_its_host() {
    let e = engine_with_organisations();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "après la fermeture, en 2011, du Bureau \n\nde l'OSCE à Minsk. Le"),
        [unlisted("Bureau \n\nde l'OSCE à Minsk")]
    );
    assert_eq!(
        found(&e, "La Délégation de l'Union européenne en République du Bélarus a soutenu"),
        [unlisted("Délégation de l'Union européenne en République du Bélarus")]
    );
    assert_eq!(
        found(&e, "la Représentation de l'ONU au Bélarus et la Mission de l'OSCE en Moldavie"),
        [unlisted("Représentation de l'ONU au Bélarus"), unlisted("Mission de l'OSCE en Moldavie")]
    );
    // Without its host, the office alone; in lowercase, a description.
    assert_eq!(found(&e, "le Bureau du PNUD a"), [unlisted("Bureau du PNUD")]);
    assert_eq!(spans(&e, "la délégation de l'Union européenne à Minsk"), ["Union européenne", "Minsk"]);
}

/// Newspapers are firms, in footnote sources too (written README, round 11): a source's
/// name that says it is a newspaper is one, whole, with the place in it.
#[test]
fn a_newspaper_given_as_a_source_is_a_firm() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(
        found(&e, "701 Gomselmash en Russie // Gomelskaïa \n\nPravda. - 2022. - № 87. - С. 3."),
        [named("Gomselmash", "gazet:firm/gomselmash"), named("Russie", "iso3166-1:RU"), firm("Gomelskaïa \n\nPravda")]
    );
    assert_eq!(
        found(&e, "Gomselmash à Minsk // Minsk News. - 2019."),
        [named("Gomselmash", "gazet:firm/gomselmash"), named("Minsk", "geonames:625144"), firm("Minsk News")]
    );
    // A Russian adjective and the place the paper serves, taken in.
    assert_eq!(found(&e, "bilan // Vecherny Gomel. - 2022. - 21 janv."), [firm("Vecherny Gomel")]);
    // Any title of capitalised words, but a journal's.
    assert_eq!(found(&e, "bilan // Vecherni Gomel. - 2022."), [firm("Vecherni Gomel")]);
    assert_eq!(spans(&e, "bilan // Vestnik Gomel. - 2022."), ["Gomel"]);
    // An English paper by its article, or a news site by its last word.
    assert_eq!(found(&e, "contract // The East African. - 2023."), [firm("The East African")]);
    assert_eq!(found(&e, "trucks // Ahram Online. - 2021."), [firm("Ahram Online")]);
    assert_eq!(spans(&e, "trucks // The Journal of Gomel Studies. - 2021."), ["Gomel"]);
    // A listed paper or body stays itself; in running text, a source is not read.
    assert_eq!(found(&e, "accord // Gomselmash News. - 2021."), [named("Gomselmash", "gazet:firm/gomselmash")]);
    assert_eq!(spans(&e, "selon la Gomelskaïa Pravda, la Russie"), ["Russie"]);
}

/// A ministry named with two domains ("... de l'Industrie minière et de la Géologie de la
/// République d'Ouzbékistan") is one name up to its state, though the first domain alone
/// names a listed ministry.
#[test]
fn a_ministry_with_coordinated_domains_is_one_name() {
    let templates = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
gazet:inst/ministry-industry-{key}\tINSTITUTION\tministry\tministère de l'Industrie {de}\t{slot}\t\t\tministère de l'Industrie {de}|^ministère de l'Industrie\tiso3166-1:BY,iso3166-1:RU\n";
    let states = format!(
        "{HEADER}\
iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus|République du Bélarus\t\tbiélorusse\t\t\tla\n\
iso3166-1:RU\tSTATE\tcountry\tRussie\t\t\t0.9\tFédération de Russie\t\trusse\t\t\tla\n\
iso3166-1:UZ\tSTATE\tcountry\tOuzbékistan\t\t\t0.9\tRépublique d'Ouzbékistan\t\touzbek\t\t\tl'\n"
    );
    let regions = format!("{HEADER}gazet:region/arctique\tREGION\tmacro-region\tArctique\n");
    let e = engine_of(&[
        ("states.tsv", states.as_str()),
        ("regions.tsv", regions.as_str()),
        ("curated/templates.tsv", templates),
    ]);
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(
            &e,
            "relève du ministère de l'Industrie minière et \n\nde la Géologie de la République d'Ouzbékistan, créé"
        ),
        [unlisted("ministère de l'Industrie minière et \n\nde la Géologie de la République d'Ouzbékistan")]
    );
    assert_eq!(
        found(&e, "le ministère de l'Industrie et de l'Arctique de la Fédération de Russie a"),
        [unlisted("ministère de l'Industrie et de l'Arctique de la Fédération de Russie")]
    );
    // Two ministries: each its own name.
    assert_eq!(
        spans(&e, "le ministère de l'Industrie de la Fédération de Russie et le ministère de l'Industrie du Bélarus"),
        ["ministère de l'Industrie de la Fédération de Russie", "ministère de l'Industrie du Bélarus"]
    );
}

/// A research body named after a person, with initials, is one name with the body it
/// belongs to, after "de" or as an acronym right after it.
#[test]
fn a_research_body_named_after_a_person_is_one_name_with_its_parent() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "qui associe l'Institut de catalyse \nG. K. Boreskov SB RAS et la RAS"),
        [
            unlisted("Institut de catalyse \nG. K. Boreskov SB RAS"),
            ("RAS".into(), "gazet:inst/ras".into(), Form::Acronym)
        ]
    );
    assert_eq!(
        found(&e, "les chercheurs de l'Institut de chimie V. I. Nikitine de l'Académie nationale des sciences du Kazakhstan étudient"),
        [unlisted("Institut de chimie V. I. Nikitine de l'Académie nationale des sciences du Kazakhstan")]
    );
    assert_eq!(
        found(&e, "l'Institut physico-technique S. Oumarov y a"),
        [unlisted("Institut physico-technique S. Oumarov")]
    );
    // A person after a clause is no part of a name.
    assert!(found(&e, "l'Institut de chimie a invité A. Ivanov").is_empty());
}

/// An office named for the part of the world it serves is one name: "son Bureau régional
/// pour l'Europe", after an organisation's name too; the town of its seat stays outside.
#[test]
fn an_office_for_a_world_region_is_one_name() {
    let regions = format!(
        "{HEADER}\
gazet:region/europe\tREGION\tcontinent\tEurope\n\
gazet:region/europe-centrale\tREGION\tmacro-region\tEurope centrale\n\
geonames:2618425\tREGION\tcapital\tCopenhague\t\t\t0.9\n"
    );
    let orgs = format!("{HEADER}gazet:inst/who\tINSTITUTION\tinternational-organisation\tOrganisation mondiale de la santé\t\t\t\t\tOMS\n");
    let e = engine_of(&[("regions.tsv", regions.as_str()), ("curated/orgs.tsv", orgs.as_str())]);
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "par son Bureau régional pour l'Europe à Copenhague, soutient"),
        [unlisted("Bureau régional pour l'Europe"), named("Copenhague", "geonames:2618425")]
    );
    assert_eq!(
        found(&e, "son Bureau sous-régional pour \nl'Europe centrale et orientale, installé"),
        [unlisted("Bureau sous-régional pour \nl'Europe centrale et orientale")]
    );
    assert_eq!(
        found(&e, "avec le Bureau régional de l'Organisation mondiale de la santé pour l'Europe."),
        [unlisted("Bureau régional de l'Organisation mondiale de la santé pour l'Europe")]
    );
    // A clause before "pour": the region alone.
    assert_eq!(spans(&e, "Le Comité a voté pour l'Europe."), ["Europe"]);
    assert_eq!(spans(&e, "Le Conseil a adopté un plan pour l'Europe."), ["Europe"]);
}

/// A region named after a people, in the plural, takes "des" before each of its names.
#[test]
fn a_region_named_after_a_people_takes_des_before_each_name() {
    let regions = format!(
        "{HEADER}\
iso3166-2:RU-KHM\tREGION\tautonomous-okrug\tKhantys-Mansis\t\t\t0.5\tKhanty-Mansi - Iougra|Iougra\t\t\t\tdistrict autonome\n\
iso3166-2:RU-TA\tREGION\trepublic\tTatarstan\t\t\t0.5\t\t\t\t\trépublique\n"
    );
    let e = engine_of(&[("regions.tsv", regions.as_str())]);
    let khm = |text: &str| named(text, "iso3166-2:RU-KHM");
    assert_eq!(
        found(&e, "le district autonome des Khanty-Mansi - \nIougra et le district autonome des Khantys-Mansis"),
        [khm("district autonome des Khanty-Mansi - \nIougra"), khm("district autonome des Khantys-Mansis")]
    );
    // Not a region named otherwise.
    assert_eq!(spans(&e, "la république des Tatarstan"), ["Tatarstan"]);
}

/// A body several states set up ("interétatique" before its name) is an institution, whatever
/// its head noun: "la Compagnie interétatique de télévision et de radio \"Mir\"".
#[test]
fn an_interstate_company_is_an_institution() {
    let e = engine();
    assert_eq!(
        found(&e, "la compagnie interétatique de télévision et de radio \"Mir\", fondée en 1992"),
        [named("Mir", "gazet:inst/unlisted")]
    );
    assert_eq!(
        found(&e, "avec la société interétatique \"Mir\", créée dans le"),
        [named("Mir", "gazet:inst/unlisted")]
    );
    // Quoted again later, the name is that body's again.
    assert_eq!(
        found(&e, "la société interétatique \"Mir\", créée en 1992. En 2021, « Mir » a relayé la paix de Mir"),
        [named("Mir", "gazet:inst/unlisted"), named("Mir", "gazet:inst/unlisted")]
    );
    // By its Russian initials (MTRK), which stay outside the name.
    assert_eq!(
        found(&e, "de radio MTRK \"Mir\", fondée en 1992 ; Rapport de la MTRK \"Mir\" en 2022"),
        [named("Mir", "gazet:inst/unlisted"), named("Mir", "gazet:inst/unlisted")]
    );
    // A firm's name elsewhere in the sentence, after a comma, is a firm's.
    assert_eq!(
        found(&e, "le transport interétatique, et la société \"Belkomtrans\" a"),
        [named("Belkomtrans", "gazet:firm/unlisted")]
    );
}

/// A body attached to a state's president or government is named with them and the state,
/// and keeps its id; attached to a ministry, it is a body beside another.
#[test]
fn a_body_attached_to_a_head_of_state_is_named_with_the_state() {
    let states = format!(
        "{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus|République du Bélarus\t\tbiélorusse\t\t\tla\n"
    );
    let orgs = format!(
        "{HEADER}gazet:inst/academy-public-administration-by\tINSTITUTION\tacademy\tAcadémie de l'administration publique\tiso3166-1:BY\n"
    );
    let e = engine_of(&[("states.tsv", states.as_str()), ("curated/orgs.tsv", orgs.as_str())]);
    let academy = |text: &str| named(text, "gazet:inst/academy-public-administration-by");
    assert_eq!(
        found(&e, "l'Académie de l'administration \npublique auprès du Président de la République du Bélarus forme"),
        [academy("Académie de l'administration \npublique auprès du Président de la République du Bélarus")]
    );
    assert_eq!(
        found(&e, "l'Académie de l'administration publique auprès du ministère de la République du Bélarus"),
        [academy("Académie de l'administration publique"), named("République du Bélarus", "iso3166-1:BY")]
    );
}

/// What a body serves may be another body ("pour l'UNESCO"): one name.
#[test]
fn a_body_serving_another_is_named_with_it() {
    let e = engine_with_organisations();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "La Commission nationale de la République du Bélarus pour l'UNESCO coordonne"),
        [unlisted("Commission nationale de la République du Bélarus pour l'UNESCO")]
    );
    assert_eq!(
        found(&e, "la Commission nationale de \nla République du Bélarus pour l'UNESCO. - 2021."),
        [unlisted("Commission nationale de \nla République du Bélarus pour l'UNESCO")]
    );
    // Not across other words, nor in a description.
    assert_eq!(
        spans(&e, "la Commission nationale de la République du Bélarus a écrit pour l'UNESCO"),
        ["Commission nationale de la République du Bélarus", "UNESCO"]
    );
}

#[test]
fn hospitals_orchestras_town_halls_customs_and_governments_head_names() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "l'Hôpital clinique régional de \n\nGomel et la Mairie de Navoï"),
        [unlisted("Hôpital clinique régional de \n\nGomel"), unlisted("Mairie de Navoï")]
    );
    assert_eq!(
        found(&e, "l'Orchestre symphonique présidentiel de la République du Bélarus"),
        [unlisted("Orchestre symphonique présidentiel de la République du Bélarus")]
    );
    assert_eq!(found(&e, "le Gouvernement de la région de Gomel"), [unlisted("Gouvernement de la région de Gomel")]);
    // A regional customs house, capitalised; in lowercase, the customs of a town.
    assert_eq!(found(&e, "s'appuie sur la Douane de Gomel et"), [unlisted("Douane de Gomel")]);
    assert_eq!(spans(&e, "s'appuie sur la douane de Gomel et"), ["Gomel"]);
    assert_eq!(
        found(&e, "le Pouvoir exécutif de la ville de Gomel a"),
        [unlisted("Pouvoir exécutif de la ville de Gomel")]
    );
    // In lowercase, the place only.
    assert_eq!(spans(&e, "la mairie de Navoï"), ["Navoï"]);
}

#[test]
fn a_bodys_short_name_refers_back_where_its_organisation_is_named() {
    let e = engine();
    let committee = |text: &str| named(text, "gazet:inst/cis-executive-committee");
    assert_eq!(
        found(&e, "les États de la CEI ; le Comité exécutif a préparé"),
        [("CEI".into(), "gazet:inst/cis".into(), Form::Acronym), committee("Comité exécutif")]
    );
    // Not in a text that does not name the CIS, nor with a complement or an adjective.
    assert!(found(&e, "le Comité exécutif a préparé").is_empty());
    assert_eq!(spans(&e, "la CEI ; le Comité exécutif régional a préparé"), ["CEI"]);
}

#[test]
fn a_capitalised_plant_or_port_heads_a_firms_name() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(
        found(&e, "la Sucrerie de Gomel, le Port maritime de commerce de Saint-Pétersbourg et l'Usine métallurgique biélorusse"),
        [
            firm("Sucrerie de Gomel"),
            firm("Port maritime de commerce de Saint-Pétersbourg"),
            firm("Usine métallurgique biélorusse")
        ]
    );
    // In lowercase, or a port named alone, the place; but a town has one refinery, and a
    // commercial sea port is a company in lowercase too.
    assert_eq!(spans(&e, "l'usine de Gomel et le Port de Saint-Pétersbourg"), ["Gomel", "Saint-Pétersbourg"]);
    assert_eq!(found(&e, "la raffinerie de Gomel"), [firm("raffinerie de Gomel")]);
    assert_eq!(
        found(&e, "les quais du port maritime de commerce de Saint-Pétersbourg et le port de Gomel"),
        [firm("port maritime de commerce de Saint-Pétersbourg"), named("Gomel", "geonames:627907")]
    );
    // Quoted from its head, the whole name.
    assert_eq!(
        found(&e, "et le \"Port maritime de commerce de Saint-Pétersbourg\", par lequel"),
        [firm("Port maritime de commerce de Saint-Pétersbourg")]
    );
    // Smelters, cement works and distilleries head names as plants do (in lowercase with
    // the town alone, the town).
    assert_eq!(
        found(&e, "la fonderie de cuivre \n\nde Gomel et la Cimenterie de Navoï, puis la distillerie de Minsk"),
        [firm("fonderie de cuivre \n\nde Gomel"), firm("Cimenterie de Navoï"), named("Minsk", "geonames:625144")]
    );
    // A town's public utility, capitalised.
    assert_eq!(
        found(&e, "la Régie du transport électrique \n\nde Minsk et la régie de Gomel"),
        [firm("Régie du transport électrique \n\nde Minsk"), named("Gomel", "geonames:627907")]
    );
}

#[test]
fn a_power_plant_heads_a_firms_name() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(
        found(&e, "la centrale hydroélectrique de Gomel et la Centrale thermique de Minsk"),
        [firm("centrale hydroélectrique de Gomel"), firm("Centrale thermique de Minsk")]
    );
    // "centrale" is a noun only before the kind of plant.
    assert_eq!(spans(&e, "l'Asie centrale de Navoï à Gomel"), ["Asie centrale", "Navoï", "Gomel"]);
    assert_eq!(spans(&e, "la région centrale de Gomel"), ["Gomel"]);
}

#[test]
fn a_body_of_the_member_states_of_an_organisation_names_it() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "le Conseil pour les affaires de la jeunesse des États membres de la CEI a siégé"),
        [unlisted("Conseil pour les affaires de la jeunesse des États membres de la CEI")]
    );
    assert_eq!(
        found(&e, "le Conseil interétatique pour la culture physique et le sport des pays participants de la CEI"),
        [unlisted("Conseil interétatique pour la culture physique et le sport des pays participants de la CEI")]
    );
}

#[test]
fn purposes_listed_after_the_first_go_on_with_the_name_that_goes_on() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(
            &e,
            "l'Agence d'État pour la jeunesse, la culture physique et les sports auprès du gouvernement de la \
             République du Kazakhstan"
        ),
        [unlisted(
            "Agence d'État pour la jeunesse, la culture physique et les sports auprès du gouvernement de la \
             République du Kazakhstan"
        )]
    );
    assert_eq!(
        found(&e, "le Comité d'État pour l'industrie, l'énergie et l'utilisation du sous-sol de la Russie"),
        [unlisted("Comité d'État pour l'industrie, l'énergie et l'utilisation du sous-sol de la Russie")]
    );
    // The sentence's own list: the name ends at the comma.
    assert_eq!(
        found(&e, "le Comité d'État pour la science, les universités et les entreprises ont signé"),
        [unlisted("Comité d'État pour la science")]
    );
}

/// "Le Comité consultatif sur l'électroénergie": "sur" opens a body's purpose too; a compass
/// point after the purpose says which of several bodies it is ("l'Agence de développement
/// régional Sud") and ends the name.
#[test]
fn a_purpose_after_sur_and_a_compass_point_after_the_purpose() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "Le Comité consultatif sur l'électroénergie, qui réunit"),
        [unlisted("Comité consultatif sur l'électroénergie")]
    );
    assert_eq!(
        found(&e, "par l'Agence de développement régional Sud, qui coordonne"),
        [unlisted("Agence de développement régional Sud")]
    );
    // A verb after the subject opens no purpose.
    assert!(found(&e, "Pour le prix, la Commission mise sur le commerce boursier.").is_empty());
    // The head and its adjective, alone before a clause, refer back to the body so named.
    let got = found(&e, "Le Comité consultatif sur l'électroénergie siège. Le Comité \n\nconsultatif a adopté");
    assert_eq!(got[1], unlisted("Comité \n\nconsultatif"));
    assert!(found(&e, "Le Comité consultatif a adopté").is_empty());
    // Another capitalised word: no name read here.
    assert!(found(&e, "par l'Agence de développement régional Sud Ouest, qui").is_empty());
    assert!(found(&e, "par l'Agence de développement régional Bessarabie, qui").is_empty());
}

/// A reference's publisher may be a body named by what it does, after its town's colon
/// ("Bakou : Comité d'État des statistiques, 2023"); a sentence's first noun after a colon
/// is not one.
#[test]
fn a_publisher_named_by_its_purpose_is_a_body() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "Annuaire 2022. - Moscou : Comité d'État des \n\nstatistiques, 2023. - С. 54."),
        [unlisted("Comité d'État des \n\nstatistiques")]
    );
    assert!(found(&e, "Une seule raison : Comité des ministres et autres.").is_empty());
    assert!(found(&e, "Le résultat est clair : Comité des ministres et autres.").is_empty());
}

/// A railway capitalised and named after its town is a firm ("le Chemin de fer de Lviv",
/// across a line break too); in lowercase it is a line, and the town alone a mention.
#[test]
fn a_railway_named_after_its_town_is_a_firm() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(found(&e, "exploité par le Chemin de fer de Gomel, filiale"), [firm("Chemin de fer de Gomel")]);
    assert_eq!(found(&e, "et les Chemins de \n\nfer de Minsk ont"), [firm("Chemins de \n\nfer de Minsk")]);
    assert_eq!(spans(&e, "le chemin de fer de Gomel à Minsk"), ["Gomel", "Minsk"]);
    assert_eq!(spans(&e, "le Chemin des Dames de Gomel"), ["Gomel"]);
    assert_eq!(spans(&e, "le Chemin de croix de Gomel"), ["Gomel"]);
}

/// A branch named after its town and its parent is a body of the parent's kind, whole
/// ("la Branche de Gomel de la Chambre de commerce et d'industrie biélorusse", "la Direction
/// de Brest du Chemin de fer biélorusse").
#[test]
fn a_branch_named_after_its_town_and_its_parent_is_one_body() {
    let e = engine();
    let chamber = "Chambre de commerce et d'industrie biélorusse";
    assert_eq!(
        found(&e, &format!("la Branche de Gomel de la {chamber} a conduit")),
        [named(&format!("Branche de Gomel de la {chamber}"), "gazet:inst/unlisted")]
    );
    assert_eq!(
        found(&e, &format!("la Filiale d'Homel de la \n\n{chamber} a conduit")),
        [named(&format!("Filiale d'Homel de la \n\n{chamber}"), "gazet:inst/unlisted")]
    );
    // Not a branch noun capitalised, or not the parent right after the town.
    assert_eq!(spans(&e, &format!("la branche de Gomel de la {chamber}")), ["Gomel", chamber]);
    assert_eq!(spans(&e, &format!("la Branche de Gomel et la {chamber}")), ["Gomel", chamber]);
    assert_eq!(spans(&e, &format!("la Direction à Gomel de la {chamber}")), ["Gomel", chamber]);
}

#[test]
fn a_towns_university_capitalised_is_a_name() {
    let e = engine();
    assert_eq!(found(&e, "l'Université de Gomel a"), [named("Université de Gomel", "gazet:inst/unlisted")]);
    // In lowercase, any of the town's.
    assert_eq!(spans(&e, "une université de Gomel a"), ["Gomel"]);
}

#[test]
fn a_legal_form_after_an_elided_article_opens_the_name_after_it() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(
        found(&e, "les fabricants de Gomel, l'OJSC \"Belvest\" et l'OJSC \"Marko\", achètent"),
        [named("Gomel", "geonames:627907"), firm("Belvest"), firm("Marko")]
    );
}

#[test]
fn a_quoted_name_after_what_a_firm_makes_is_the_firm() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(
        found(
            &e,
            "la fabrique de tapis \"Vitebskie kovry\", l'usine d'accumulateurs \"Energia\", le combinat minier et \
             de traitement \"Anzob\", la coopérative laitière \"Mlekovita\" et RUPE \"Granit\""
        ),
        [firm("Vitebskie kovry"), firm("Energia"), firm("Anzob"), firm("Mlekovita"), firm("Granit")]
    );
    // A clause between the noun and the quotes: no name of the firm.
    assert!(found(&e, "la société a choisi le \"Nord\" comme").is_empty());
}

/// A list after a body's purpose cut at its byte bound inside a letter of two bytes.
#[test]
fn a_long_list_after_a_purpose_cut_inside_a_letter_does_not_panic() {
    let e = engine();
    for pad in 0..4 {
        let text = format!(
            "le Comité d'État pour la science, les {}é{} et les éléments de la Russie",
            "a".repeat(140 + pad),
            "é".repeat(20)
        );
        assert!(!found(&e, &text).is_empty());
    }
}

#[test]
fn a_ministry_names_its_coordinated_domains_before_its_state() {
    let e = engine();
    let unlisted = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "le ministère de l'Antimonopole et du Commerce de la République du Bélarus a"),
        [unlisted("ministère de l'Antimonopole et du Commerce de la République du Bélarus")]
    );
    assert_eq!(
        found(&e, "le ministère du Numérique et des Transports de la Fédération de Russie a"),
        [unlisted("ministère du Numérique et des Transports de la Fédération de Russie")]
    );
    // Domains listed with commas before the last one's "et".
    assert_eq!(
        found(
            &e,
            "une délégation du ministère de l'Alimentation, de l'Agriculture et de l'Industrie légère d'Arménie a"
        ),
        [unlisted("ministère de l'Alimentation, de l'Agriculture et de l'Industrie légère d'Arménie")]
    );
    assert_eq!(
        found(&e, "le ministère de l'Investissement, de l'Industrie et du Commerce du Kirghizistan a"),
        [unlisted("ministère de l'Investissement, de l'Industrie et du Commerce du Kirghizistan")]
    );
    // Other bodies name one domain close to their head, and list none.
    assert_eq!(spans(&e, "le Comité de la Jeunesse et des Sports de Gomel a"), ["Gomel"]);
    assert_eq!(spans(&e, "le Comité de la Jeunesse, des Sports et du Tourisme de Gomel a"), ["Gomel"]);
    // A comma before anything but a domain's preposition ends the name.
    assert_eq!(spans(&e, "le ministère de l'Énergie, et des Transports de la Russie"), ["Russie"]);
    // No domain after the head: a clause.
    assert_eq!(
        spans(&e, "le ministère a signé avec les entreprises et les régions un accord de la Russie"),
        ["Russie"]
    );
}

/// A quoted name right after an agency, association or foundation noun is a public body's
/// (state agencies and associations are institutions); after "association de production"
/// (a production company) or a business noun it is a firm's.
#[test]
fn a_quoted_name_after_an_agency_or_association_is_an_institution() {
    let e = engine();
    let unlisted = |text: &str| -> Vec<(String, String)> {
        found(&e, text).into_iter().filter(|g| g.1.ends_with("/unlisted")).map(|g| (g.0, g.1)).collect()
    };
    let institution = |name: &str| vec![(name.to_string(), "gazet:inst/unlisted".to_string())];
    assert_eq!(unlisted("la normalisation et l'agence \"Uzstandart\" ont signé"), institution("Uzstandart"));
    assert_eq!(unlisted("L'association \"Uzeltekhsanoat\", qui réunit"), institution("Uzeltekhsanoat"));
    assert_eq!(unlisted("et l'agence « Türkmenawtoulaglary » a reçu"), institution("Türkmenawtoulaglary"));
    assert_eq!(unlisted("la Fondation \"Eurasia\" et"), institution("Eurasia"));
    assert_eq!(unlisted("la société \"Santo\" et"), vec![("Santo".to_string(), "gazet:firm/unlisted".to_string())]);
    // No quote right after the noun: no name.
    assert_eq!(unlisted("l'agence de presse Uzstandart a écrit"), vec![]);
    assert_eq!(
        unlisted("l'association de production \"Azersilah\", placée"),
        vec![("Azersilah".to_string(), "gazet:firm/unlisted".to_string())]
    );
}

/// Words that say what kind of company a name is ("Production Association", "TNC"), and a
/// quoted name nested in the quotes of its kind ("Production Association "X""), leave
/// the name alone: a listed firm keeps its own span, an unlisted one starts after them.
/// A capitalised "Association" after a capitalised word is English and names a company.
#[test]
fn kind_words_and_nested_quotes_leave_the_firm_name() {
    let e = engine();
    let firm = |name: &str, id: &str| vec![(name.to_string(), id.to_string())];
    let firms = |text: &str| -> Vec<(String, String)> {
        found(&e, text)
            .into_iter()
            .filter(|g| g.1.contains(":firm/") || g.1.contains(":inst/"))
            .map(|g| (g.0, g.1))
            .collect()
    };
    assert_eq!(
        firms("le siège de RUE \"Production Association \"Gomselmash\"\", qui exploite"),
        firm("Gomselmash", "gazet:firm/gomselmash")
    );
    assert_eq!(firms("le RUE \"Production Association Gomselmash\" en"), firm("Gomselmash", "gazet:firm/gomselmash"));
    assert_eq!(firms("le JSC \"TNC Kazzinc\", qui"), firm("Kazzinc", "gazet:firm/unlisted"));
    assert_eq!(
        firms("le RUE \"Production Association \"Vitebskkhleboprodukt\"\", qui"),
        firm("Vitebskkhleboprodukt", "gazet:firm/unlisted")
    );
    assert_eq!(
        firms("la Production Association \"Vitebskkhleboprodukt\" a"),
        firm("Vitebskkhleboprodukt", "gazet:firm/unlisted")
    );
    assert_eq!(
        firms("tels que JSC Firm \"Agrocomplex portant le nom de N. I. Tkatchev\" de"),
        firm("Agrocomplex portant le nom de N. I. Tkatchev", "gazet:firm/unlisted")
    );
    // A place's name quoted after a legal form is the firm's; a footnote call glued to
    // the closing quote does not open the name.
    assert_eq!(firms("le combinat JSC \"Gomel\", filiale"), firm("Gomel", "gazet:firm/unlisted"));
    assert_eq!(
        firms("ou OJSC \"Gomel Fruit and Vegetable Plant\"422. Les"),
        firm("Gomel Fruit and Vegetable Plant", "gazet:firm/unlisted")
    );
    // The French noun still heads a body, after a full stop too.
    assert_eq!(firms("à Minsk. L'Association \"Uztextilprom\" a"), firm("Uztextilprom", "gazet:inst/unlisted"));
}

/// "centre scientifique" names a research centre in lowercase running text, as
/// "université" or "institut" do: the head of an unlisted body that runs to its place or
/// to the body it belongs to. A centre of any other kind does not.
#[test]
fn a_research_centre_in_lowercase_is_a_body() {
    let e = engine();
    assert_eq!(
        spans(&e, "avec le centre scientifique et pratique de l'Académie nationale des sciences du Bélarus, et"),
        ["centre scientifique et pratique de l'Académie nationale des sciences du Bélarus"]
    );
    assert_eq!(
        spans(&e, "le centre scientifique et pratique républicain d'hygiène de Minsk a présenté"),
        ["centre scientifique et pratique républicain d'hygiène de Minsk"]
    );
    assert_eq!(spans(&e, "le centre logistique de Minsk a présenté"), ["Minsk"]);
}

/// An acronym in parentheses after a quoted name ('OJSC "X" (ACR)') is that name's, as it
/// is after an unquoted one; written again, it is the firm again, but not where it opens
/// another name ("sa filiale GSM Trade").
#[test]
fn an_acronym_after_a_quoted_name_is_its_acronym() {
    let e = engine();
    let got: Vec<(String, String, Form)> = found(
        &e,
        "OJSC \"Gomselmash\" (GSM) livre des moissonneuses. En 2020, GSM a ouvert sa filiale GSM Trade à Minsk.",
    );
    let firms: Vec<(&str, &str, Form)> =
        got.iter().filter(|g| g.1 == "gazet:firm/gomselmash").map(|g| (g.0.as_str(), g.1.as_str(), g.2)).collect();
    assert_eq!(
        firms,
        [
            ("Gomselmash", "gazet:firm/gomselmash", Form::Name),
            ("GSM", "gazet:firm/gomselmash", Form::Acronym),
            ("GSM", "gazet:firm/gomselmash", Form::Acronym),
        ]
    );
}

/// A name after an exhibition's or a fair's noun is the event's, quoted or not, with
/// adjectives between or not: events are not marked, even named like firms.
#[test]
fn an_event_named_like_a_firm_is_no_firm() {
    let e = engine();
    assert_eq!(spans(&e, "lors de l'exposition \"Innoprom. Asie centrale\", tenue"), ["Asie centrale"]);
    assert_eq!(spans(&e, "l'exposition industrielle internationale \"Innoprom\" de Minsk"), ["Minsk"]);
    assert_eq!(spans(&e, "le salon Belagromash a ouvert"), Vec::<String>::new());
    // An exhibition company is a firm.
    assert_eq!(spans(&e, "la société d'exposition Belagromash a ouvert"), ["Belagromash"]);
}

/// Found by the fuzzer (a debug build's overflow): a capitalised complement read before a
/// "Président" restarts the count of a body's words; the name is then no body's, as the
/// release build already read it.
#[test]
fn a_complement_before_a_president_does_not_overflow_the_count() {
    let e = engine();
    let text = "l'Académie Président de Républiqravail économique de Communauté des États indépendants";
    assert_eq!(spans(&e, text), ["Communauté des États indépendants"]);
}

/// A quoted firm's name after its legal form survives the artefacts of the book's lines: the
/// legal form ending the line above, and a footnote call glued to the punctuation after the
/// closing quote.
#[test]
fn a_quoted_name_after_a_legal_form_across_a_line_end_or_before_a_footnote_call() {
    let e = engine();
    assert_eq!(spans(&e, "et le RUE \n\n\"Belenergosetproekt\" a réalisé l'étude"), ["Belenergosetproekt"]);
    assert_eq!(spans(&e, "la SA\n\"Floarea Soarelui\" exporte"), ["Floarea Soarelui"]);
    assert_eq!(spans(&e, "sera la JSC \"Kyrgyzkommerts\".403 Cette structure"), ["Kyrgyzkommerts"]);
    assert_eq!(spans(&e, "sera la JSC \"Kyrgyzkommerts\"403, puis"), ["Kyrgyzkommerts"]);
}

/// A council or an executive named with its territory is one body, the territory listed
/// or not ("le Conseil de la région de Gomel", "l'akimat du district de Jylyoï", "le
/// Pouvoir exécutif du district de Gakh"): what is embedded in its name is not marked again.
#[test]
fn a_council_or_an_executive_of_a_territory_is_one_body() {
    let e = engine();
    assert_eq!(spans(&e, "Le Conseil de la région de Gomel a accueilli"), ["Conseil de la région de Gomel"]);
    assert_eq!(spans(&e, "selon l'akimat du district de Jylyoï, plus de"), ["akimat du district de Jylyoï"]);
    assert_eq!(
        spans(&e, "et le Pouvoir exécutif du district de Gakh prépare"),
        ["Pouvoir exécutif du district de Gakh"]
    );
}

/// The Baltic companies' legal forms (UAB, AB, SIA) and Kazakhstan's social-entrepreneurial
/// corporations (SEC) stand outside the quoted name they introduce, as OJSC does.
#[test]
fn baltic_and_kazakh_legal_forms_stand_outside_the_name() {
    let e = engine();
    assert_eq!(spans(&e, "la société AB \"Utenos trikotažas\" d'Utena"), ["Utenos trikotažas"]);
    assert_eq!(spans(&e, "la UAB \"Vilniaus prekyba\" a"), ["Vilniaus prekyba"]);
    assert_eq!(spans(&e, "et SIA \"LatRosTrans\" exploite"), ["LatRosTrans"]);
    assert_eq!(spans(&e, "par la JSC SEC \"Zhetysu\" pour"), ["Zhetysu"]);
}

/// The legal forms of Belarus's joint and foreign companies and production enterprises,
/// Russia's state unitary enterprises, Kazakhstan's national companies, Moldova's limited
/// companies and the Emirates' free-zone companies introduce a quoted name, and stay outside
/// it.
#[test]
fn post_soviet_state_enterprise_and_joint_company_forms_introduce_a_name() {
    let e = engine();
    let firms = |text: &str| found(&e, text).into_iter().map(|(t, id, _)| (t, id)).collect::<Vec<_>>();
    let unlisted = |text: &str| (text.to_string(), "gazet:firm/unlisted".to_string());
    assert_eq!(
        firms("dans le district, JLLC \"Slavkali\", détenue par des capitaux, et RUPP \"Granit\" exploite"),
        [unlisted("Slavkali"), unlisted("Granit")]
    );
    assert_eq!(
        firms("exploitée par FSUE \"Rosmorport\", NJSC \"Samruk-Energy\" et SRL \n\"Kazayak-Vin\""),
        [unlisted("Rosmorport"), unlisted("Samruk-Energy"), unlisted("Kazayak-Vin")]
    );
    assert_eq!(firms("La société FZE \"Maison de commerce\", à"), [unlisted("Maison de commerce")]);
}

/// A town whose French name has its article ("La Havane", "Le Caire") is named without it,
/// the article capitalised or not: articles stay outside a span, as in "la Russie".
#[test]
fn the_article_of_a_towns_name_stays_outside() {
    let cities = format!(
        "{HEADER}\
geonames:3553478\tREGION\tcapital\tLa Havane\t\t\t0.9\tHavane|Havana\n\
geonames:360630\tREGION\tcapital\tLe Caire\t\t\t0.9\tCaire|Cairo\n\
geonames:2747373\tREGION\tcity\tLa Haye\t\t\t0.5\tDen Haag\n"
    );
    let e = engine_of(&[("cities.tsv", cities.as_str())]);
    assert_eq!(
        found(&e, "de La Havane au Caire, puis à La Haye.\nLe Caire, et La\n\nHavane ou Le\u{a0}Caire"),
        [
            named("Havane", "geonames:3553478"),
            named("Caire", "geonames:360630"),
            named("Haye", "geonames:2747373"),
            named("Caire", "geonames:360630"),
            // A line break or a no-break space after the article leaves it out too.
            named("Havane", "geonames:3553478"),
            named("Caire", "geonames:360630"),
        ]
    );
    // In overlapping mode, the name alone is found once.
    let overlapping = ExtractOptions { overlapping: true, ..Default::default() };
    assert_eq!(
        found_with(&e, "à La Havane et au Caire", &overlapping),
        [named("Havane", "geonames:3553478"), named("Caire", "geonames:360630")]
    );
    // Only before a name: "La" alone, or before a lowercase word, is no part of one.
    assert_eq!(spans(&e, "La havane est une couleur."), Vec::<String>::new());
}

/// A university's acronym in a reference's publisher slot is the university (its own
/// proceedings): "Gandja : GDU, 2020", "Och : OshSU, 2022"; another acronym or a name there
/// stays a publishing firm, and an acronym ending in U outside the slot is no body.
#[test]
fn a_universitys_acronym_in_the_publisher_slot_is_a_body() {
    let e = engine();
    let body = |text: &str| named(text, "gazet:inst/unlisted");
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(found(&e, "matériaux du forum. - Gandja : GDU, 2020. - С. 37-41."), [body("GDU")]);
    assert_eq!(found(&e, "recueil. - Och : OshSU, 2022. - С. 12."), [body("OshSU")]);
    assert_eq!(found(&e, "recueil. - Khabarovsk : RIOTIP, 2022. - С. 12."), [firm("RIOTIP")]);
    assert_eq!(found(&e, "recueil. - Novossibirsk : Nauka, 2020. - С. 12."), [firm("Nauka")]);
    assert!(found(&e, "Le sigle GDU, 2020 et la suite.").is_empty());
}

/// A quoted name after "maison d'édition" is a publishing house, a firm; after a bare
/// "édition" it is an event's edition, not marked.
#[test]
fn a_publishing_house_quoted_after_maison_d_edition_is_a_firm() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(
        found(&e, "la maison d'édition \"Belaruskaya Navuka\" et la maison d'édition \"Mektep\" ont publié"),
        [firm("Belaruskaya Navuka"), firm("Mektep")]
    );
    assert!(found(&e, "la cinquième édition \"Eurasia Days\" a réuni").is_empty());
}

/// A quoted name that opens at its head ends at its closing quote: what follows the quote
/// is the body it belongs to, a name of its own ('le RUE "Institut de la pisciculture" de
/// l'Académie ...'). After a legal form, a quoted name with a research body's head is an
/// institution, not a company.
#[test]
fn a_quoted_body_ends_at_its_closing_quote() {
    let e = engine();
    let body = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(
            &e,
            "et la RUE   \"Institut de la pisciculture\" de l'Académie nationale des sciences du   Bélarus travaillent"
        ),
        [
            body("Institut de la pisciculture"),
            named("Académie nationale des sciences du   Bélarus", "gazet:inst/academy-of-sciences-by")
        ]
    );
    // Unquoted, the institute of the academy is one name.
    assert_eq!(
        found(&e, "et l'Institut de la pisciculture de l'Académie nationale des sciences du Bélarus travaille"),
        [body("Institut de la pisciculture de l'Académie nationale des sciences du Bélarus")]
    );
    // A plant's quoted name after a legal form stays a company's.
    assert_eq!(
        found(&e, "la JSC \"Usine de tracteurs\" de Minsk"),
        [named("Usine de tracteurs", "gazet:firm/unlisted"), named("Minsk", "geonames:625144")]
    );
}

/// A footnote call glued to a sentence's full stop ends the firm's name there, as the
/// stop alone would: "le groupe allemand Cronimet.472 Plus au sud" is Cronimet.
#[test]
fn a_footnote_call_after_a_full_stop_ends_a_firms_name() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(
        found(&e, "contrôlé par le groupe arménien Cronimet.472   Plus au sud, la mine."),
        [("arménien".into(), "iso3166-1:AM".into(), Form::Adjective), firm("Cronimet")]
    );
}

/// People who serve a body, right before "du ministère ...", end the words a body's name
/// may hold: the committee before them is not named with the ministry. So does "et": a
/// body after it is a second body, not a complement of the first.
#[test]
fn people_serving_or_a_coordination_end_a_bodys_name() {
    let e = engine();
    let body = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(
            &e,
            "Au Comité consultatif pour   le complexe agro-industriel siègent les vice-ministres du ministère \
             de   l'Agriculture de la République du Kazakhstan."
        ),
        [body("ministère de   l'Agriculture de la République du Kazakhstan")]
    );
    // Ministers as a complement of the head name a body ("le Cabinet des ministres").
    assert_eq!(
        found(&e, "le Cabinet des ministres de la République du Kazakhstan a décidé"),
        [body("Cabinet des ministres de la République du Kazakhstan")]
    );
    assert_eq!(
        found(
            &e,
            "du Centre de normalisation de la République du Kazakhstan et de l'Institut national de \
             normalisation de la République du Bélarus."
        ),
        [
            body("Centre de normalisation de la République du Kazakhstan"),
            body("Institut national de normalisation de la République du Bélarus")
        ]
    );
}

/// In a reference, a name followed by two initials is its author ("Vitebsk I. P. Les
/// holdings"), unless "de" makes it a place and the person who heads it; and after an
/// author's initial a compound of places begins the title ("Karimova, M.
/// Biélorussie-Ouzbékistan : ...").
#[test]
fn authors_initials_around_a_name_in_a_reference() {
    let e = engine();
    assert_eq!(spans(&e, "519 Vitebsk I. P. Les holdings dans l'industrie du Bélarus : bilan."), ["Bélarus"]);
    assert_eq!(spans(&e, "le président du comité exécutif de Vitebsk I. P. Ivanov"), ["Vitebsk"]);
    assert_eq!(
        spans(&e, "518 Karimova, M. Biélorussie-Ouzbékistan : les régions au cœur de la coopération."),
        ["Biélorussie", "Ouzbékistan"]
    );
    // A person's double-barrelled name after an initial stays a person's.
    assert!(spans(&e, "selon M. Minsk-Vladimirov, le plan").is_empty());
}

/// An English body's name takes the capitalised words before its head, up to a French
/// article elided before them: "l'Aviation Administration of Kazakhstan".
#[test]
fn an_english_bodys_name_starts_after_an_elided_article() {
    let e = engine();
    assert_eq!(
        found(&e, "telle l'Aviation Administration of Kazakhstan, fondée en 2019."),
        [named("Aviation Administration of Kazakhstan", "gazet:inst/unlisted")]
    );
}

/// A place's adjective in Russian and a power plant's kind by its acronym name a plant,
/// transliterated and left untranslated: "Riazanskaïa GRES", "Moldavskaïa GRES".
#[test]
fn a_transliterated_power_plant_is_a_firm() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(found(&e, "la centrale (Riazanskaïa GRES) de la ville"), [firm("Riazanskaïa GRES")]);
    assert_eq!(found(&e, "la Moldavskaïa GRES, à Dnestrovsc,"), [firm("Moldavskaïa GRES")]);
    assert!(found(&e, "la Riazanskaïa GRESILLE").is_empty());
}

/// A Khoural (a parliament of Buryatia, Kalmykia or Mongolia), a Congrès and an Organisme,
/// capitalised, head bodies' names as a Comité does.
#[test]
fn khoural_congres_and_organisme_head_bodies_names() {
    let e = engine();
    let body = |text: &str| named(text, "gazet:inst/unlisted");
    assert_eq!(
        found(&e, "soutenu par le Khoural populaire de la République du Kazakhstan, le projet"),
        [body("Khoural populaire de la République du Kazakhstan")]
    );
    assert_eq!(
        found(&e, "le Congrès des autorités locales de Biélorussie (CALM) a signé"),
        [
            body("Congrès des autorités locales de Biélorussie"),
            ("CALM".into(), "gazet:inst/unlisted".into(), Form::Acronym)
        ]
    );
    assert_eq!(
        found(&e, "et l'Organisme d'inspection de la sécurité alimentaire   de la République du Kazakhstan."),
        [body("Organisme d'inspection de la sécurité alimentaire   de la République du Kazakhstan")]
    );
    // In lowercase, an "organisme" is any body.
    assert_eq!(spans(&e, "un organisme d'inspection de la République du Kazakhstan"), ["République du Kazakhstan"]);
}

/// A hyphen at a line's end joins an unlisted place's name to the next line's word, in a
/// list after a plural designator: "les districts de Ratne et de Kamin-\n\nKachyrskyï".
#[test]
fn a_listed_places_name_goes_on_past_a_hyphen_at_a_line_end() {
    let e = engine();
    let place = |text: &str| named(text, "gazet:region/unlisted");
    assert_eq!(
        found(&e, "venus des districts de Ratne et de Kamin-\n\nKachyrskyï, tandis que"),
        [place("Ratne"), place("Kamin-\n\nKachyrskyï")]
    );
    assert_eq!(
        found(&e, "venus des districts de Ratne et de Kamin-Kachyrskyï, tandis que"),
        [place("Ratne"), place("Kamin-Kachyrskyï")]
    );
}

/// A listed firm's name that does not fill its quotes is part of another firm's: a word in
/// capitals after it ('"Gomselmash USA"', a dealer) or transliterated Russian adjectives
/// before it ('"Krasny Gomselmash"'); not an English organisational form before it.
#[test]
fn a_listed_firm_inside_a_longer_quoted_name() {
    let e = engine();
    let firm = |text: &str| named(text, "gazet:firm/unlisted");
    assert_eq!(found(&e, "les sociétés \"Gomselmash USA\", ainsi que"), [firm("Gomselmash USA")]);
    assert_eq!(found(&e, "le chantier \"Krasny Gomselmash\", dans le"), [firm("Krasny Gomselmash")]);
    assert_eq!(
        found(&e, "RUE \"Production Association Gomselmash\" et"),
        [named("Gomselmash", "gazet:firm/gomselmash")]
    );
    // Unquoted, a word in capitals after the name is a name of its own.
    assert_eq!(found(&e, "Gomselmash USA et"), [named("Gomselmash", "gazet:firm/gomselmash")]);
}

/// Georgia's "Administration du représentant de l'État dans la région de X" is one body,
/// named with its region after "dans la"; "représentant", a noun, is no participle ending
/// the body's name.
#[test]
fn the_administration_of_a_states_representative_in_a_region() {
    let e = engine();
    assert_eq!(
        found(&e, "et de l'Administration du représentant de l'État dans la région de   Gomel.521 Les discussions"),
        [named("Administration du représentant de l'État dans la région de   Gomel", "gazet:inst/unlisted")]
    );
    assert_eq!(
        found(&e, "et l'Administration du représentant de l'État a signé."),
        [named("Administration du représentant de l'État", "gazet:inst/unlisted")]
    );
    // Another body only located in the region is not named with it.
    assert_eq!(
        found(&e, "et l'Agence du tourisme dans la région de Gomel a signé."),
        [named("Agence du tourisme", "gazet:inst/unlisted"), named("région de Gomel", "iso3166-2:BY-HO")]
    );
}

/// "la Maison de commerce biélorusse d'Erevan", capitalised, is a firm named by its state's
/// adjective, whole; in lowercase it describes one, and only the adjective is a mention.
/// The words before the adjective may hold any letters, accented ones too.
#[test]
fn a_capitalised_trade_house_named_by_its_state_is_a_firm() {
    let e = engine();
    assert_eq!(
        found(&e, "livrés par la Maison de commerce biélorusse d'Arménie. La maison de commerce biélorusse à Minsk"),
        [
            named("Maison de commerce biélorusse", "gazet:firm/unlisted"),
            named("Arménie", "iso3166-1:AM"),
            ("biélorusse".into(), "iso3166-1:BY".into(), Form::Adjective),
            named("Minsk", "geonames:625144"),
        ]
    );
    assert_eq!(
        found(&e, "Les fenêtres élevées de la Maison de commerce   biélorusse, ouverte"),
        [named("Maison de commerce   biélorusse", "gazet:firm/unlisted")]
    );
    assert_eq!(found(&e, "éééééééééééééééééééééééé biélorusse").len(), 1);
}
