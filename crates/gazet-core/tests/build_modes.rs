//! The automaton's parts built one at a time (as a server builds them, to keep its peak of
//! memory low) make the same engine as parts built side by side. In a process of its own:
//! the setting holds for the whole process.

use gazet_core::{build_one_part_at_a_time, EngineConfig, ExtractOptions, Extractor, Gazetteer};

const HEADER: &str =
    "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tacronyms\tadjectives\tprefixes\tdesignators\tarticle\n";

/// Names that start on both sides of the parts' split (folded first byte before and after
/// 'n'), with designators, acronyms and adjectives.
fn engine() -> Extractor {
    let states = format!(
        "{HEADER}\
iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBélarus|République du Bélarus\tRB\tbiélorusse\tbiélorusso\t\tla\n\
iso3166-1:RU\tSTATE\tcountry\tRussie\t\t\t0.9\tFédération de Russie\tRF\trusse\trusso\t\tla\n\
iso3166-1:UZ\tSTATE\tcountry\tOuzbékistan\t\t\t0.9\t\t\touzbek|ouzbèke\t\t\tl'\n"
    );
    let regions = format!(
        "{HEADER}\
iso3166-2:BY-HO\tREGION\toblast\tGomel\tiso3166-1:BY\t\t0.9\tHomiel\t\t\t\trégion|oblast\t\n\
iso3166-2:UZ-NW\tREGION\tregion\tNavoï\tiso3166-1:UZ\t\t0.9\tNavoi\t\t\t\trégion\t\n"
    );
    let firms = format!(
        "{HEADER}\
gazet:firm/maz\tFIRM\tcompany\tUsine automobile de Minsk\tiso3166-1:BY\t\t\tMinsk Automobile Plant\tMAZ\t\t\t\t\n\
gazet:firm/navoiazot\tFIRM\tcompany\tNavoiazot\tiso3166-1:UZ\t\t\t\t\t\t\t\t\n"
    );
    let files = [("states.tsv", states.as_str()), ("regions.tsv", regions.as_str()), ("firms.tsv", firms.as_str())];
    Extractor::new(Gazetteer::from_sources(&files).unwrap(), EngineConfig::default()).unwrap()
}

#[test]
fn parts_built_one_at_a_time_make_the_same_engine() {
    let text = "La Biélorussie et la région de Gomel livrent des camions MAZ à Navoiazot, dans la \
                région de Navoï ; la coopération russo-ouzbèke et les Ouzbeks.";
    let options = ExtractOptions::default();
    let side_by_side = engine();
    build_one_part_at_a_time(true);
    let one_at_a_time = engine();
    build_one_part_at_a_time(false);
    let stats = |e: &Extractor| {
        let s = e.stats();
        (s.entities, s.surface_forms, s.patterns, s.automaton_patterns, s.automaton_bytes)
    };
    assert_eq!(stats(&side_by_side), stats(&one_at_a_time));
    let found = side_by_side.extract(text, &options);
    assert_eq!(found.mentions.len(), 8, "{:?}", found.mentions);
    assert_eq!(found.mentions, one_at_a_time.extract(text, &options).mentions);
}
