//! Firms and institutions that no gazetteer lists, recognised by how French text writes
//! them.
//!
//! A region's economy has far more companies than any list: "Kamvol OJSC", "JSC
//! "Mogilevliftmash"", "la société ouzbèke Evroplastiks Invest", "Minsk : Biznesofset,
//! 2017". Three cues mark a capitalised name as a firm:
//!
//! - a legal form right after or right before it (OJSC, JSC, LLC, Ltd ...), which stays
//!   outside the span;
//! - a business noun before it ("société", "coentreprise", "holding", "fabricant" ...),
//!   optionally followed by adjectives ("la société ouzbèke X");
//! - the publisher slot of a bibliographic reference ("Minsk : Biznesofset, 2017");
//!
//! and a name needs no cue when it is one word made the way the region names its firms,
//! a stem and a trade ([`compound_firm_names`]: "Bryanskselmash", "Piteravto",
//! "UzBelAgroMash").
//!
//! Such mentions refer to the built-in entity [`UNLISTED_FIRM`]; their text names them.
//!
//! A public body is named after what it does and where: "Comité des relations extérieures
//! de la région de Leningrad", "ministère du développement innovant de l'Ouzbékistan".
//! Such a name takes in the place it ends with ([`body_start`]) and refers to the built-in
//! entity [`UNLISTED_INSTITUTION`].
//!
//! A territory is named by its designator and its name: "district de Glubokoe",
//! "établissement rural de Shcheglovo", "oblast de l'Amour". Where no gazetteer lists the
//! name, the designator still says it is a territory ([`territory_at`]): such mentions
//! refer to the built-in entity [`UNLISTED_REGION`].

use std::ops::Range;

use crate::boundaries::{ceil_char_boundary, floor_char_boundary, head, tail};

/// Id of the entity every unlisted firm refers to.
pub const UNLISTED_FIRM: &str = "gazet:firm/unlisted";

/// Id of the entity every unlisted named body refers to.
pub const UNLISTED_INSTITUTION: &str = "gazet:inst/unlisted";

/// Id of the entity every unlisted territory refers to.
pub const UNLISTED_REGION: &str = "gazet:region/unlisted";

/// Designators that open the name of a territory and belong to its span (ANNOTATION.md:
/// "district de Glubokoe", "oblast de Minsk"), two-word ones first. Not "ville": "ville de
/// Minsk" is `Minsk`.
const TERRITORY_DESIGNATORS: &[&[&str]] = &[
    &["district", "urbain"],
    &["district", "rural"],
    &["district", "municipal"],
    &["établissement", "rural"],
    &["établissement", "urbain"],
    &["village", "urbain"],
    &["village", "rural"],
    &["région", "économique"],
    &["district"],
    &["village"],
    &["raïon"],
    &["raion"],
    &["oblast"],
    &["région"],
    &["province"],
    &["kraï"],
    &["krai"],
    &["okroug"],
    // A Georgian or Moldovan municipality ("la municipalité de Khelvatchaouri"); one named
    // after a listed town is the town.
    &["municipalité"],
    // A valley is a territory of its own, named after the region or the town it holds
    // ("la vallée de Tchouï", "la vallée de Talas"); so is a peninsula ("la péninsule
    // d'Apchéron", "la péninsule de Kola").
    &["vallée"],
    &["péninsule"],
];

/// Whether a territory's name opens with "municipalité": a town's, when the town is listed.
pub fn is_municipality(name: &str) -> bool {
    name.starts_with("municipalité") || name.starts_with("Municipalité")
}

/// Whether a territory's name opens with "vallée" or "péninsule": the valley or the
/// peninsula, whatever place names it.
pub fn is_landform(name: &str) -> bool {
    ["vallée", "Vallée", "péninsule", "Péninsule"].iter().any(|noun| name.starts_with(noun))
}

/// Designators that stay outside the span, as "ville" does ("ville de Minsk" is `Minsk`):
/// "dans le village de Kichketan" is `Kichketan`. ("village urbain", an administrative
/// kind of place like "établissement rural", belongs to its name.)
const NAME_ONLY_DESIGNATORS: &[&str] = &["village"];

/// Names after a designator that say where, not which: "la région du Nord".
pub(crate) const COMPASS_NAMES: &[&str] =
    &["Nord", "Sud", "Est", "Ouest", "Centre", "Nord-Ouest", "Nord-Est", "Sud-Ouest", "Sud-Est"];

/// The end of "du Sud", "du Nord-Ouest" ... (a compass point, `COMPASS_NAMES` but "Centre")
/// right after `at`, whatever white space the line breaks put between the words. A
/// body's name that ends with a place goes on with it, for the place's part is named so
/// ("l'Université d'État de l'Oural du Sud", the South Urals).
pub fn compass_point_after(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        return None;
    }
    let point = after_space.strip_prefix("du")?;
    let name = point.trim_start();
    if name.len() == point.len() {
        return None;
    }
    let word_len = name.find(|c: char| !(c.is_alphabetic() || c == '-')).unwrap_or(name.len());
    let word = &name[..word_len];
    (word != "Centre" && COMPASS_NAMES.contains(&word)).then(|| text.len() - name.len() + word_len)
}

/// Most words of an unlisted territory's name ("Sosnovy Bor").
const MAX_TERRITORY_WORDS: usize = 3;

/// Nouns that head the name of a public body, capitalised as a name's first word is.
const BODY_HEADS: &[&str] = &[
    "Académie",
    "Administration",
    "Agence",
    "Ambassade",
    "Assemblée",
    "Association",
    // "l'Autorité du port franc de Riga", "l'Autorité de régulation ...".
    "Autorité",
    "Bibliothèque",
    "Bureau",
    "Cabinet",
    "Centre",
    "Chambre",
    "Collegium",
    // "le Collège d'État des mines et de la chimie de Soligorsk", "le Collège de la
    // Commission économique eurasienne".
    "Collège",
    "Comité",
    // "le Congrès des autorités locales de Moldova".
    "Congrès",
    "Commission",
    "Conseil",
    "Conservatoire",
    "Consulat",
    "Cour",
    // "la Délégation de l'Union européenne en République du Bélarus".
    "Délégation",
    "Département",
    "Direction",
    // "la Douane de Brest", a regional customs house.
    "Douane",
    "Douma",
    "École",
    "Faculté",
    "Fondation",
    "Fonds",
    "Gouvernement",
    "Hôpital",
    "Inspection",
    "Institut",
    "Laboratoire",
    // "le Khoural populaire de la République de Kalmoukie", "le Grand Khoural d'État".
    "Khoural",
    "Lycée",
    "Mairie",
    // "le Medjlis suprême de la République autonome du Nakhitchevan", a parliament.
    "Majlis",
    "Medjlis",
    "Mejlis",
    "Ministère",
    "Mission",
    "Musée",
    // Museum reserves and houses ("le Musée-réserve national historique et culturel de
    // Nesvij", "la Réserve-musée ... de Polotsk", "le Musée-maison de Marc Chagall") and
    // state reserves ("la Réserve radioécologique d'État de Polésie").
    "Musée-réserve",
    "Musée-maison",
    "Réserve-musée",
    "Réserve",
    "Observatoire",
    "Office",
    // "l'Organisme d'inspection de la sécurité alimentaire de la République d'Arménie".
    "Organisme",
    "Orchestre",
    "Parlement",
    "Parquet",
    // The executive of an Azerbaijani town or district ("le Pouvoir exécutif de la ville de
    // Gandja").
    "Pouvoir",
    "Présidium",
    "Rada",
    // "la Représentation plénipotentiaire du Président de la République kirghize dans la
    // région d'Issyk-Koul".
    "Représentation",
    "Secrétariat",
    "Service",
    "Théâtre",
    "Tribunal",
    "Université",
];

/// Heads that name a body even right before the preposition, which others do only after
/// words saying what the body does ("Centre de la Russie" is a place): the council or
/// board of a region or of another body ("la Rada de l'Oblast de Mogilev", "le Conseil du
/// raion de Soroca", "le Collegium de la Commission économique eurasienne"), its government
/// or town hall ("le Gouvernement de la République autonome d'Adjarie", "la Mairie de
/// Tbilissi"), a town's university, capitalised ("l'Université de Daugavpils"; in
/// lowercase, "l'université de Smolensk" is any of the town's).
const COUNCIL_HEADS: &[&str] = &[
    "Conseil",
    "Rada",
    "Collegium",
    "Présidium",
    "Douma",
    "Douane",
    "Secrétariat",
    "Ambassade",
    "Consulat",
    "Gouvernement",
    "Mairie",
    "Université",
];

/// Heads of a state's missions abroad, named with the state that sends them and the state
/// or town that hosts them ("l'Ambassade de la République du Bélarus en République de
/// Moldova", "le Consulat général de la République du Bélarus à Kazan"). In lowercase,
/// French describes one ("l'ambassade du Bélarus au Caire").
/// So are the offices of international bodies ("le Bureau de l'OSCE à Minsk", "la
/// Délégation de l'Union européenne en République du Bélarus").
const MISSION_HEADS: &[&str] = &["Ambassade", "Consulat", "Bureau", "Délégation", "Mission", "Représentation"];

/// Heads of a government's representation in one of its own regions ("Représentation
/// plénipotentiaire du gouvernement de la République kirghize dans la région de Tchouï"):
/// named with the region, after "dans".
const REPRESENTATION_HEADS: &[&str] = &["Représentation plénipotentiaire", "représentation plénipotentiaire"];

/// Whether the name `name` is a government's representation in one of its regions
/// ([`REPRESENTATION_HEADS`]), or the administration of its representative there
/// ("l'Administration du représentant de l'État dans la région de Kakhétie", Georgia's).
pub fn names_a_regional_representation(name: &str) -> bool {
    opens_with_head(name, REPRESENTATION_HEADS)
        || name.strip_prefix("Administration").is_some_and(|rest| {
            let mut words = rest.split_whitespace();
            words.next() == Some("du") && words.next() == Some("représentant")
        })
}

/// Whether the name `name` is a state's mission abroad ([`MISSION_HEADS`]).
pub fn names_a_mission(name: &str) -> bool {
    opens_with_head(name, MISSION_HEADS)
}

/// Whether the name `name` is a branch of a state's mission abroad ("Branche de
/// l'Ambassade ...", [`branch_head_before_body`]).
pub fn names_a_missions_branch(name: &str) -> bool {
    head_opening(name, BRANCH_HEADS).is_some_and(|head| {
        let rest = name[head.len()..].trim_start();
        let rest = rest.strip_prefix("de").map(str::trim_start);
        rest.and_then(|r| r.strip_prefix("l'").or_else(|| r.strip_prefix("l’"))).is_some_and(names_a_mission)
    })
}

/// `name` opens with one of `heads`, a whole word.
fn opens_with_head(name: &str, heads: &[&str]) -> bool {
    head_opening(name, heads).is_some()
}

/// The one of `heads` that opens `name`, a whole word.
fn head_opening<'a>(name: &str, heads: &[&'a str]) -> Option<&'a str> {
    heads.iter().copied().find(|head| head_rest(name, head).is_some_and(|rest| rest.starts_with(char::is_whitespace)))
}

/// `name` after `head`, whose words may be apart by any whitespace in `name` (a line break
/// in "Représentation \n\nplénipotentiaire").
fn head_rest<'a>(name: &'a str, head: &str) -> Option<&'a str> {
    let mut rest = name;
    for (k, word) in head.split(' ').enumerate() {
        if k > 0 {
            let spaced = rest.trim_start();
            if spaced.len() == rest.len() {
                return None;
            }
            rest = spaced;
        }
        rest = rest.strip_prefix(word)?;
    }
    Some(rest)
}

/// Heads that French also writes in lowercase in running text ("le ministère de ...").
/// The others name a body only with words after them ("l'université d'État de Smolensk",
/// not "l'université de Smolensk").
const LOWERCASE_BODY_HEADS: &[&str] = &["ministère", "université", "académie", "institut"];

/// The executives of regions and towns in Central Asia, which name a body right before the
/// preposition ("l'akimat de la ville de Turkestan", "le hyakimlik du velayat de Mary"), in
/// lowercase or capitalised.
const LOCAL_EXECUTIVE_HEADS: &[&str] = &[
    "akimat",
    "Akimat",
    "khokimiyat",
    "Khokimiyat",
    "hokimiyat",
    "Hokimiyat",
    "hyakimlik",
    "Hyakimlik",
    "hukumat",
    "Hukumat",
];

/// Nouns of plants and factories, which head the name of a firm the same way ("usine de
/// transformation de la viande de Slutsk", "usine électrotechnique de Brest"), in
/// lowercase or capitalised.
const FACTORY_HEADS: &[&str] = &[
    "usine",
    "Usine",
    "fabrique",
    "Fabrique",
    "combinat",
    "Combinat",
    "raffinerie",
    "Raffinerie",
    "laiterie",
    "Laiterie",
    "brasserie",
    "Brasserie",
    "filature",
    "Filature",
    "verrerie",
    "Verrerie",
    "sucrerie",
    "Sucrerie",
    "conserverie",
    "Conserverie",
    "minoterie",
    "Minoterie",
    "fonderie",
    "Fonderie",
    "aciérie",
    "Aciérie",
    "cimenterie",
    "Cimenterie",
    "distillerie",
    "Distillerie",
    "papeterie",
    "Papeterie",
    "cartonnerie",
    "Cartonnerie",
    "tannerie",
    "Tannerie",
    "fromagerie",
    "Fromagerie",
    "chocolaterie",
    "Chocolaterie",
    "biscuiterie",
    "Biscuiterie",
    "manufacture",
    "Manufacture",
    // A shipyard capitalised is a firm ("le Chantier naval de Kherson", "le Chantier de
    // construction et de réparation navales de Retchitsa"); in lowercase, "les chantiers
    // navals de Severodvinsk" are the town's.
    "Chantier",
    // A port run as a company ("Port maritime de commerce de Mourmansk"); in lowercase,
    // "le port de Poti" is where ships call.
    "Port",
    // A town's public utility, capitalised ("la Régie du transport électrique de
    // Chișinău"); in lowercase, "la régie" is any management.
    "Régie",
];

/// A power plant heads a firm's name as a factory does ("la centrale hydroélectrique de
/// Toktogoul", "la centrale thermique de Hrazdan"), but "centrale" is far more often an
/// adjective ("Asie centrale", "Banque centrale de ..."): it is the noun only before the
/// kind of plant.
const POWER_PLANT_HEADS: &[&str] = &["centrale", "Centrale"];

/// The kinds of power plant that make "centrale" a noun ([`POWER_PLANT_HEADS`]).
const POWER_PLANT_KINDS: &[&str] = &[
    "hydroélectrique",
    "thermique",
    "thermoélectrique",
    "nucléaire",
    "atomique",
    "électrique",
    "solaire",
    "éolienne",
    "géothermique",
    "hydraulique",
];

/// Whether `word`, followed by `next`, heads a plant's name: a factory noun, or "centrale"
/// before a kind of power plant.
pub(crate) fn is_plant_head(word: &str, next: &str) -> bool {
    is_factory_head(word) && word != "Port" || POWER_PLANT_HEADS.contains(&word) && POWER_PLANT_KINDS.contains(&next)
}

/// The head nouns of public bodies and of plants, for the scan to spot as it reads
/// words: a place is looked at as the end of a body's name only when one lies in the
/// [`BODY_WINDOW`] bytes before it.
pub fn body_head_words() -> impl Iterator<Item = &'static str> {
    BODY_HEADS
        .iter()
        .chain(LOWERCASE_BODY_HEADS)
        .chain(LOCAL_EXECUTIVE_HEADS)
        .chain(FACTORY_HEADS)
        .chain(POWER_PLANT_HEADS)
        .chain(&[BANK_HEAD])
        .chain(RAILWAY_HEADS)
        .copied()
}

/// A bank is a firm, but for a state's central bank ("Banque centrale du Venezuela").
const BANK_HEAD: &str = "Banque";

/// Prepositions that say where a plant is ("dans la capitale de"), or who built or runs it
/// ("créée avec des investisseurs de Briansk", "avec la participation de la région de
/// Minsk", "construite par"), not what it makes.
const LOCATING_PREPOSITIONS: &[&str] =
    &["sur", "dans", "en", "à", "au", "aux", "près", "entre", "vers", "chez", "sous", "avec", "par"];

/// What a body's head noun makes of its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// A public body ("Comité du tourisme du Daghestan").
    Institution,
    /// A plant ("usine de transformation de la viande de Slutsk").
    Firm,
}

/// How far before the place a body's name may start, in bytes.
pub const BODY_WINDOW: usize = 200;

/// Most words between a body's head and the place that ends its name.
const MAX_BODY_WORDS: usize = 8;

/// Most words between a ministry and the state that ends its name: a ministry names its
/// domains, coordinated ("le ministère de l'Antimonopole et du Commerce de la République du
/// Bélarus", "le ministère de la Santé et de la Protection sociale de la population de la
/// République du Tadjikistan").
const MAX_MINISTRY_WORDS: usize = 14;

/// A ministry's head noun, which [`MAX_MINISTRY_WORDS`] and coordinated capitalised
/// domains may follow.
fn is_ministry(word: &str) -> bool {
    matches!(word, "ministère" | "Ministère")
}

/// Capitalised nouns of a body's or firm's branch named after its town ("la Direction de
/// Brest du Chemin de fer biélorusse", "la Branche de Gomel de la Chambre de commerce").
const BRANCH_HEADS: &[&str] = &["Direction", "Branche", "Filiale", "Succursale", "Antenne", "Division"];

/// Where the branch's name starts whose town's name starts at `town`: a branch noun
/// ([`BRANCH_HEADS`]) and "de" or "d'" right before the town.
pub fn branch_head_before(text: &str, town: usize) -> Option<usize> {
    let before = &text[..town];
    let before = match before.strip_suffix(['\'', '’']) {
        Some(elided) => elided.strip_suffix('d')?,
        None => {
            let spaced = before.trim_end();
            if spaced.len() == before.len() {
                return None;
            }
            spaced.strip_suffix("de")?
        }
    };
    branch_head_ending(before)
}

/// Where the branch noun ([`BRANCH_HEADS`]) starts that ends `before` after whitespace (the
/// preposition after it is a word of its own).
fn branch_head_ending(before: &str) -> Option<usize> {
    if !before.ends_with(char::is_whitespace) {
        return None;
    }
    let before = before.trim_end();
    BRANCH_HEADS.iter().find_map(|head| {
        let start = before.strip_suffix(head).map(str::len)?;
        let word_start = before[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        word_start.then_some(start)
    })
}

/// Where the name of a branch starts that is named by its parent body starting at `body`
/// and its town after "à" ("la Branche de l'Ambassade de la République du Bélarus en
/// Fédération de Russie à Kazan"): a branch noun ([`BRANCH_HEADS`]) and "de l'" right before
/// the body.
pub fn branch_head_before_body(text: &str, body: usize) -> Option<usize> {
    // Line breaks may stand between the words ("la Branche de \n\nl'Ambassade").
    let before = text[..body].strip_suffix(['\'', '’'])?.strip_suffix('l')?.trim_end();
    branch_head_ending(before.strip_suffix("de")?)
}

/// Whether the words between a branch's town and its parent join them: "de", "du", "de
/// la", "de l'" (spaces and line breaks in between).
pub fn joins_a_branch_to_its_parent(between: &str) -> bool {
    // Most mentions are farther apart: turned away on the length, before reading words.
    const LONGEST: usize = " de l’ ".len() + 8;
    if between.len() > LONGEST || !between.starts_with(char::is_whitespace) {
        return false;
    }
    let mut words = between.split_whitespace();
    match [words.next(), words.next(), words.next()] {
        // The elided article is glued to the parent's name, or not.
        [Some("de"), Some("l'" | "l’"), None] => true,
        [Some("de" | "du"), None, None] | [Some("de"), Some("la"), None] => between.ends_with(char::is_whitespace),
        _ => false,
    }
}

/// "le Chemin de fer du Sud-Ouest", "les Chemins de fer du Nord": a railway named after
/// its part of the country, capitalised, is a firm whose name ends with the compass point
/// (not before `ceiling`), unless a complement goes on ("du Nord de la France" is the
/// caller's to read as a place).
pub fn compass_railway(text: &str, head: usize, ceiling: usize) -> Option<Range<usize>> {
    let rest = &text[head..];
    let after_head = ["Chemin de fer", "Chemins de fer"].iter().find_map(|h| rest.strip_prefix(h))?;
    let end = compass_point_after(text, text.len() - after_head.len()).filter(|&end| end <= ceiling)?;
    let next = text[end..].trim_start();
    let continues = ["de ", "du ", "des ", "d'", "d’"].iter().any(|p| next.starts_with(p));
    (!continues).then_some(head..end)
}

/// The first word of a railway's name ("Chemin de fer de Lviv"), capitalised: in
/// lowercase, "le chemin de fer de Brest" is a line.
const RAILWAY_HEADS: &[&str] = &["Chemin", "Chemins"];

fn is_railway_head(word: &str) -> bool {
    RAILWAY_HEADS.contains(&word)
}

/// Where the name of a public body or a plant ending with the place mention at `place`
/// starts, and which it is, if the text before the place reads: a head noun
/// ([`BODY_HEADS`], [`FACTORY_HEADS`]), one to
/// [`MAX_BODY_WORDS`] lowercase words saying what the body does, and "de", "du", "de la",
/// "de l'" or "d'" right before the place ("Comité du tourisme du Daghestan"). Nothing of
/// the name may lie before `floor` (the end of the previous mention). A head followed
/// directly by the preposition ("Centre de la Russie") is a location, not a name, unless
/// what follows is another body (`of_body`): a body of a body is named so ("l'Académie du
/// ministère de l'Intérieur", "la Cour de l'UEE").
pub fn body_start(text: &str, place: usize, floor: usize, of_body: bool) -> Option<(usize, BodyKind)> {
    let from = ceil_char_boundary(text, place.saturating_sub(BODY_WINDOW).max(floor));
    let before = &text[from..place];
    let mut tokens = tokens_backwards(text, from, place);
    // The preposition: glued to the place ("d'", "l'") or a word of its own.
    let glued = !before.ends_with(char::is_whitespace);
    // Three places in four follow no preposition: turn them away on the last bytes, before
    // splitting the text into tokens from its end (a few hundred instructions).
    let may_be_preposition = if glued {
        before.ends_with('\'') || before.ends_with('’')
    } else {
        let trimmed = before.trim_end();
        ["de", "du", "des", "la"].iter().any(|p| trimmed.ends_with(p))
    };
    if !may_be_preposition {
        return None;
    }
    let (_, last) = tokens.next()?;
    let preposition = match (glued, last) {
        (true, "d'" | "d’") | (false, "de" | "du" | "des") => true,
        (true, "l'" | "l’") | (false, "la") => tokens.next().is_some_and(|(_, t)| t == "de"),
        _ => false,
    };
    if !preposition {
        return None;
    }
    // "... de la République kirghize et de l'Institut national ...": a second body,
    // coordinated with the first, not a complement of it; but a government is named with
    // its head ("l'Administration du Chef et du Gouvernement de la République tchétchène").
    let mut tokens = tokens.peekable();
    let coordinated = tokens.peek().is_some_and(|(_, word)| matches!(*word, "et" | "ou"));
    if coordinated && !["Gouvernement", "Cabinet"].iter().any(|head| text[place..].starts_with(head)) {
        return None;
    }
    let head = head_of_name(tokens)?;
    if is_railway_head(head.word) && text[head.start..].split_whitespace().nth(2) != Some("fer") {
        return None;
    }
    if COMPASS_BODY_HEADS.contains(&head.word) && ends_with_compass_point(&text[head.start..place]) {
        return None;
    }
    // A head right before the preposition names a location ("Centre de la Russie"), but
    // for a council's or a local executive's, or before another body.
    let named_alone = of_body || COUNCIL_HEADS.contains(&head.word) || LOCAL_EXECUTIVE_HEADS.contains(&head.word);
    // A plant's head capitalised names it ("la Sucrerie de Slutsk"); in lowercase, "l'usine
    // de Borissov" is a plant of that town.
    // So does a refinery's, in lowercase too: a town has one ("la raffinerie d'Atyraou",
    // as the listed "raffinerie de Mozyr").
    let capitalised_plant = head.body == BodyKind::Firm
        && (head.word.starts_with(char::is_uppercase) && head.word != "Port" || head.word == "raffinerie");
    (head.words > 0 || head.body == BodyKind::Institution && named_alone || capitalised_plant)
        .then_some((head.start, head.body))
}

/// Nouns of the people who head or serve a body: a person's name right after the body's
/// is theirs ("le recteur de l'Université d'État de Biélorussie A. Korol").
const ROLE_NOUNS: &[&str] = &[
    "recteur",
    "rectrice",
    "vice-recteur",
    "directeur",
    "directrice",
    "président",
    "présidente",
    "vice-président",
    "chef",
    "doyen",
    "ministre",
    "professeur",
    "représentant",
    "représentante",
    "secrétaire",
    "délégué",
    "ambassadeur",
    "gouverneur",
    "employé",
    "chercheur",
    "diplômé",
    "étudiant",
];

/// Whether `word`, in lowercase, names a person who heads or serves a body ([`ROLE_NOUNS`]).
pub(crate) fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains(&word)
}

/// Determiners before the people who serve a body ("les vice-ministres du ministère").
const DETERMINERS_OF_PEOPLE: &[&str] = &["le", "la", "les", "l'", "l’", "leurs", "leur", "ses", "son", "sa", "ces"];

/// Whether `word` names people who head or serve a body, one or several, deputies too
/// ("vice-ministres", "représentants", "experts").
fn names_people_serving(word: &str) -> bool {
    let word = word.strip_prefix("vice-").unwrap_or(word);
    let singular = word.strip_suffix('s').unwrap_or(word);
    is_role_noun(word) || is_role_noun(singular) || matches!(singular, "expert" | "fonctionnaire" | "agent")
}

/// The end of the name of the person a body is named after, written with initials right
/// after the body's name, which ends at `end` and starts at `start` ("l'Université
/// nationale eurasienne L.N. Goumilev", "l'Université technique d'État kirghize I.
/// Razzakov"), unless a noun before the body says the person serves it.
pub fn eponym_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let mut at = end + (rest.len() - rest.trim_start().len());
    if at == end {
        return None;
    }
    let mut initials = 0;
    loop {
        let token_end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
        let token = &text[at..token_end];
        if is_initials(token) && initials < 3 {
            initials += 1;
            at = token_end + (text[token_end..].len() - text[token_end..].trim_start().len());
            continue;
        }
        // A footnote call glued after the full stop ("M. Aouezov.365") is no part of it.
        let surname = token.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end_matches(TRAILING);
        if !is_proper_word(surname, 2) {
            return None;
        }
        let end = if initials > 0 { at + surname.len() } else { full_name_end(text, start, at)? };
        let served = tokens_backwards(text, start.saturating_sub(60), start)
            .take(3)
            .any(|(_, token)| ROLE_NOUNS.contains(&strip_elision(token).to_lowercase().as_str()));
        return (!served).then_some(end);
    }
}

/// Heads of the research and teaching bodies that Russian usage names after a person, the
/// initials and surname right after what the body does ("l'Institut de chimie V. I.
/// Nikitine", "l'Institut physico-technique S. Oumarov").
const EPONYM_BODY_HEADS: &[&str] = &["Institut", "Université", "Académie", "Centre", "Laboratoire", "École"];

/// Words that end the description of a body named after a person ([`eponym_body_end`]):
/// verbs and auxiliaries, prepositions other than "de", articles and determiners that open
/// a clause or a complement, not a name.
const NOT_IN_DESCRIPTIONS: &[&str] = &[
    "a", "ont", "avait", "avaient", "aura", "est", "sont", "était", "étaient", "sera", "été", "va", "vont", "fait",
    "font", "qui", "que", "dont", "où", "et", "ou", "avec", "par", "pour", "en", "à", "au", "aux", "sur", "sous",
    "dans", "selon", "chez", "entre", "vers", "le", "les", "un", "une", "ce", "cet", "cette", "ces", "son", "sa",
    "ses", "leur", "leurs", "y", "ne", "se", "lui", "il", "elle", "ils", "elles",
];

/// Most words saying what a body named after a person does ([`eponym_body_end`]).
const MAX_EPONYM_DESCRIPTION_WORDS: usize = 8;

/// The end of a body's name that runs from its head at byte `head` of `text`
/// ([`EPONYM_BODY_HEADS`]) over lowercase words saying what it does ("de chimie",
/// "physico-technique", "d'État") to the initials and surname of the person it is named
/// after ([`eponym_end`]): "l'Institut de catalyse G. K. Boreskov".
pub fn eponym_body_end(text: &str, head: usize) -> Option<usize> {
    eponym_body(text, head).map(|(end, _)| end)
}

/// [`eponym_body_end`], and whether the person's name is written in full, with no initials
/// ("l'Université Hanyang", "l'Institut physico-technique Ioffe").
pub fn eponym_body(text: &str, head: usize) -> Option<(usize, bool)> {
    let head_len = head_word_at(text, head, char::is_whitespace).filter(|w| w.len() < text.len() - head)?.len();
    if !EPONYM_BODY_HEADS.contains(&&text[head..head + head_len]) {
        return None;
    }
    let mut at = head + head_len;
    for words in 0..=MAX_EPONYM_DESCRIPTION_WORDS {
        let start = text.len() - text[at..].trim_start().len();
        if start == at {
            return None;
        }
        let token_end = text[start..].find(char::is_whitespace).map_or(text.len(), |i| start + i);
        let token = &text[start..token_end];
        if is_initials(token) {
            return if words > 0 { eponym_end(text, head, at).map(|end| (end, false)) } else { None };
        }
        let word = strip_elision(token);
        // "l'Université Hanyang", "l'Institut physico-technique Ioffe": the person's or
        // founder's name in full, with no initials.
        // (Not after "de", which names a place: "l'Institut de chimie de Minsk"; no compass
        // point: "l'Université polytechnique du Nord-Ouest".)
        if word == token
            && is_proper_word(word, 3)
            && !ends_like_an_adjective(word)
            && !text[..start].trim_end().ends_with(" de")
            && !word.split('-').all(|part| COMPASS_NAMES.contains(&part))
        {
            // A name that goes on with a complement or an adjective ("l'Université Jiaotong
            // du Sud-Ouest", "l'Institut Confucius républicain") is longer than this rule
            // reads, unless a place ends it (the caller's).
            return full_name_end(text, head, at).filter(|&end| !name_goes_on(&text[end..])).map(|end| (end, true));
        }
        let lowercase = word.starts_with(char::is_lowercase) && word.chars().all(|c| c.is_alphabetic() || c == '-');
        // "l'Institut de chimie a invité A. Ivanov": a clause, not a name, goes on with a
        // verb or another preposition; "et" joins two domains only ("de génétique et de
        // cytologie").
        let joins_domains = word == "et" && {
            let next = text[token_end..].trim_start();
            ["de ", "d'", "d’", "des ", "du "].iter().any(|p| next.starts_with(p))
        };
        let describes = word == "État" || joins_domains || lowercase && !NOT_IN_DESCRIPTIONS.contains(&word);
        if !describes || words == MAX_EPONYM_DESCRIPTION_WORDS {
            return None;
        }
        at = token_end;
    }
    None
}

/// Whether the words after a name in full go on with it: a complement ("de", "du", "des",
/// "d'", "pour") or a lowercase adjective.
fn name_goes_on(after: &str) -> bool {
    let Some(next) = after.split_whitespace().next() else { return false };
    next == "pour"
        || opens_with_de(next)
        || next.starts_with(char::is_lowercase) && ends_like_an_adjective(next.trim_end_matches(TRAILING))
}

/// Whether a capitalised word ends as French adjectives do ("Nationale", "Polytechnique",
/// "Supérieure"), which a body's name may capitalise, and no person's name does.
fn ends_like_an_adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ique", "ale", "al", "aux", "aire", "ien", "ienne", "ais", "aise", "ain", "aine", "eur", "eure", "if", "ive",
        "el", "elle", "é", "ée",
    ];
    let lower = word.to_lowercase();
    ENDINGS.iter().any(|e| lower.ends_with(e) || lower.strip_suffix('s').is_some_and(|l| l.ends_with(e)))
}

/// A word of a proper name: a capital, then lowercase letters or hyphens, `min_chars` chars
/// at least ("Zuev", "Djavakhichvili"); a part after a hyphen may open with a capital too
/// ("Taras-Chevtchenko", "Lessia-Oukraïnka").
fn is_proper_word(word: &str, min_chars: usize) -> bool {
    let mut chars = word.chars();
    let mut after_hyphen = false;
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| {
            let fits = c.is_lowercase() || c == '-' || (after_hyphen && c.is_uppercase());
            after_hyphen = c == '-';
            fits
        })
        && !word.ends_with('-')
        && word.chars().count() >= min_chars
}

/// Heads of the bodies that French names after a person ([`eponym_end`]): schools,
/// academies, theatres and the like, not councils or agencies.
const EPONYM_HEADS: &[&str] = &[
    "Université",
    "Institut",
    "Académie",
    "Conservatoire",
    "Théâtre",
    "École",
    "Lycée",
    "Musée",
    "Bibliothèque",
    "Orchestre",
];

/// Most words of a person's name written in full, after a body's name or before the place
/// that ends it.
const MAX_EPONYM_WORDS: usize = 3;

/// The end of a person's name written in full, without initials, from `at` right after
/// the name of a body starting at `start` whose head names bodies after people
/// ([`EPONYM_HEADS`]): one to [`MAX_EPONYM_WORDS`] capitalised words ("l'Université
/// d'État de Tbilissi Ivane Djavakhichvili", "le Conservatoire national kazakh
/// Kourmangazy"), and no capitalised word after them, which would open another name.
fn full_name_end(text: &str, start: usize, at: usize) -> Option<usize> {
    let head = text[start..].split_whitespace().next()?;
    if !EPONYM_HEADS.contains(&strip_elision(head)) {
        return None;
    }
    let mut end = at;
    let mut words = 0;
    for (token_start, token) in tokens_forwards(text, at, text.len()) {
        let word = token.trim_end_matches(TRAILING);
        if !is_proper_word(word, 3) {
            // Not even a capital: the name ended; a capital of another kind opens another.
            return (words > 0 && !token.starts_with(char::is_uppercase)).then_some(end);
        }
        if words == MAX_EPONYM_WORDS {
            return None;
        }
        words += 1;
        end = token_start + word.len();
        if word.len() < token.len() {
            break;
        }
    }
    (words > 0).then_some(end)
}

/// Whether `word` is the capitalised head noun of a public body ("Institut", "Agence").
pub(crate) fn is_body_head(word: &str) -> bool {
    BODY_HEADS.contains(&word)
}

/// Whether a name begins with the head noun of a public body ("Centre de recherche de
/// Carélie", "ministère de l'Intérieur").
pub fn begins_with_body_head(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    BODY_HEADS.contains(&first) || LOWERCASE_BODY_HEADS.contains(&first)
}

/// The head of a body's or plant's name ([`head_of_name`]).
struct NameHead<'a> {
    /// Where the name starts (an elided article left out).
    start: usize,
    body: BodyKind,
    /// The words between the head and the end of the name.
    words: usize,
    /// The head noun as written ("Comité", "akimat").
    word: &'a str,
}

/// The head of the name of a body or plant that runs on to the tokens read back from its
/// end (`tokens`, last first): a head noun ([`BODY_HEADS`], [`LOWERCASE_BODY_HEADS`],
/// [`LOCAL_EXECUTIVE_HEADS`], [`FACTORY_HEADS`], a central bank) and at most
/// [`MAX_BODY_WORDS`] words saying what it does ([`MAX_MINISTRY_WORDS`] for a ministry).
fn head_of_name<'a>(tokens: impl Iterator<Item = (usize, &'a str)>) -> Option<NameHead<'a>> {
    let mut words = 0;
    let mut located = false;
    // The word after the token at hand (tokens come from the end).
    let mut following = "";
    // And the word after that one.
    let mut after_following = "";
    // A capitalised word read last, which the token before it must allow: a preposition
    // (then it is the first noun of the complement, "ministère des Relations extérieures",
    // "Comité de la Jeunesse", and must follow the head closely) or initials (a person's
    // name, "Institut de physique B.I. Stepanov"). Its index among the words.
    let mut capital: Option<usize> = None;
    let mut complement_capital: Option<usize> = None;
    // How many of the words read first, right before the preposition, are capitalised: a
    // person's name ("l'Université d'État Akaki Tsereteli de Koutaïssi", "l'Université
    // d'État \"Alecu Russo\" de Bălți").
    let mut eponym = 0;
    let mut open_quotes = 0i32;
    // Whether the word right before the preposition closes a quote: a quoted name ends
    // there, and one that opens at its head is whole ("le RUE \"Centre d'expertises ...
    // publique\" du ministère de la Santé": the centre and the ministry are two bodies).
    let mut quote_closes_first = false;
    // Whether "commerce" or "commercial" was read among the words (a commercial port's).
    let mut commerce_read = false;
    let mut after_parenthesis = false;
    // Whether a comma was read between words: only a ministry's domains are listed so
    // ("ministère de l'Alimentation, de l'Agriculture et de l'Industrie légère de
    // Mongolie").
    let mut listed_domains = false;
    let mut tokens = tokens.peekable();
    while let Some((start, token)) = tokens.next() {
        // A parenthesis opens the name ("JSC \"Tbilaviamsheni\" (l'usine aéronautique de
        // Tbilissi)"): its head is the token it opens, or there is no name.
        if after_parenthesis {
            return None;
        }
        let (start, token) = match token.strip_prefix('(') {
            Some(rest) if !rest.is_empty() => {
                after_parenthesis = true;
                (start + 1, rest)
            }
            _ => (start, token),
        };
        // A footnote call glued to a sentence's first word ("723L'Université d'État de
        // l'Oural") is no part of it.
        let call = token.len() - token.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (start, token) = match &token[call..] {
            word if call > 0 && word.starts_with(char::is_uppercase) => (start + call, word),
            _ => (start, token),
        };
        // "l'Agence", "d'Agence", "L'Institut" at a sentence start: the elided article is
        // not part of the name.
        // A person's name in quotes ("l'Université d'État \"Alecu Russo\" de Bălți") is read
        // without them.
        let unquoted = token.trim_start_matches(QUOTES);
        let word = strip_elision(unquoted);
        let elided = word.len() < unquoted.len();
        let skip = token.len() - word.len();
        let opens = unquoted.len() < token.len();
        let closes = word.ends_with(QUOTES);
        let word = word.trim_end_matches(QUOTES);
        // A comma before the next domain's preposition ("de l'Alimentation, de ...").
        let word = match word.strip_suffix(',') {
            Some(listed) if !listed.is_empty() && matches!(following, "de" | "du" | "des") => {
                listed_domains = true;
                listed
            }
            _ => word,
        };
        // Read backwards, a closing quote comes first: an opening one left open means the
        // place is inside a quoted name ("Université nationale \"Collège de Tchernihiv\"").
        open_quotes += i32::from(opens) - i32::from(closes);
        quote_closes_first |= closes && following.is_empty();
        if opens
            && open_quotes == 0
            && quote_closes_first
            && words > 0
            && (is_factory_head(word) || BODY_HEADS.contains(&word) || LOWERCASE_BODY_HEADS.contains(&word))
        {
            return None;
        }
        // But a quote that opens at the head quotes the whole name ("le \"Port maritime de
        // commerce de Taganrog\"").
        let quoted_head = opens && open_quotes == 1 && (is_factory_head(word) || BODY_HEADS.contains(&word));
        if open_quotes > 0 && !quoted_head {
            return None;
        }
        if let Some(index) = capital.take() {
            if is_initials(word) {
                // A person with initials ("P.M. Masherov"), whatever the head.
                eponym = 0;
                words += 1;
                (after_following, following) = (following, word);
                continue;
            }
            if matches!(word, "de" | "des" | "du" | "la") {
                // The complement's noun ("ministère de la Santé"), not a person; the first
                // read of several (a ministry's domains, "du Numérique et des Transports").
                complement_capital.get_or_insert(index);
                eponym = 0;
            } else if eponym < words {
                return None;
            }
            // Else the capitalised words read so far, right before the place's preposition,
            // name the person the body is named after: read on, through words a name holds
            // ("Le Centre a reçu Loukachenko de la région": no name).
        }
        if eponym > 0 && not_in_names(word) {
            return None;
        }
        // "la Cour a rendu des avis à la demande du Comité": a verb ends the words a name
        // may hold.
        if matches!(word, "a" | "ont" | "est" | "sont" | "était" | "étaient" | "sera" | "seront" | "avait" | "avaient")
        {
            return None;
        }
        // "C'est avec le Cabinet des ministres qu'une délégation du comité ...": a relative
        // or conjunction opens a clause, which no name holds.
        if matches!(word, "que" | "qui" | "dont" | "où") || unquoted.starts_with("qu'") || unquoted.starts_with("qu’")
        {
            return None;
        }
        // "siègent les vice-ministres du ministère de ...": the people who serve the body
        // after it, right before the preposition, end the words a name may hold.
        // A complement of the head's, after "des", is not ("le Cabinet des ministres de ...").
        if following.is_empty()
            && tokens.peek().is_some_and(|(_, before)| DETERMINERS_OF_PEOPLE.contains(before))
            && names_people_serving(word)
        {
            return None;
        }
        // A capitalised word ends the search: it is the head or the name is not one; after
        // an elision it may also describe ("Comité d'État pour la science").
        let power_plant = POWER_PLANT_HEADS.contains(&word) && POWER_PLANT_KINDS.contains(&following);
        // "le Chemin de fer de Lviv": a railway named after its town (`body_start` checks
        // the "fer").
        let railway = is_railway_head(word) && following == "de" && words == 2;
        // "le port maritime de commerce de Makhatchkala": a commercial sea port is a company,
        // in lowercase too (`FACTORY_HEADS` has "Port"; "le port de Poti" is where ships call).
        commerce_read |= matches!(word, "commerce" | "commercial");
        let commercial_port = word == "port" && commerce_read;
        if is_factory_head(word) || power_plant || railway || commercial_port {
            // "qui fabrique des ascenseurs pour les quartiers de Tcheliabinsk": in
            // lowercase, "fabrique" without a determiner is the verb.
            if word == "fabrique"
                && !tokens.peek().is_some_and(|(_, before)| opens_feminine_noun_phrase(strip_elision(before)))
            {
                return None;
            }
            // A plant's capitalised words are its own name, not a person's ("l'usine
            // \"ZIKSTO\" de Petropavlovsk").
            let head = NameHead { start: start + skip, body: BodyKind::Firm, words, word };
            return (!located
                && !listed_domains
                && complement_capital.is_none()
                && eponym == 0
                && words <= MAX_BODY_WORDS)
                .then_some(head);
        }
        // "une usine sur le territoire du pays d'Asie centrale": where a plant is, not
        // its name.
        // "en" before a lowercase noun says what the goods are made of ("l'usine de
        // produits en caoutchouc de Kritchev"), not where the plant is ("en Ouzbékistan").
        let material = word == "en" && following.starts_with(char::is_lowercase);
        located |= LOCATING_PREPOSITIONS.contains(&word) && !material;
        if word.chars().next().is_some_and(char::is_uppercase) {
            if BODY_HEADS.contains(&word) || LOCAL_EXECUTIVE_HEADS.contains(&word) {
                let close =
                    complement_close_to_head(word, words, complement_capital) && (!listed_domains || is_ministry(word));
                return close.then_some(NameHead { start: start + skip, body: BodyKind::Institution, words, word });
            }
            // "centrale" was read as a word of the name, or "nationale" as its only one ("la
            // Banque nationale de Serbie"; with more, "la Banque nationale de l'activité
            // économique extérieure de ..." is a commercial bank); so were "de réserve" ("la
            // Banque de réserve du Zimbabwe"), a central bank's name in the Commonwealth.
            let central = following == "centrale"
                || following == "nationale" && words == 1
                || (following, after_following) == ("de", "réserve");
            if word == BANK_HEAD && central && words <= MAX_BODY_WORDS && !listed_domains {
                return Some(NameHead { start: start + skip, body: BodyKind::Institution, words, word });
            }
            // A capitalised article opens a sentence: what follows it is the head or no name.
            if token.starts_with(char::is_uppercase) && elided {
                return None;
            }
            // "des États membres de la CEI", "des États participants": the usual complement
            // of the CIS's bodies describes, capitalised as it is.
            let member_states = word == "États" && matches!(following, "membres" | "participants");
            // "la Direction des affaires du Président de la République kirghize", "l'Agence
            // pour la statistique auprès du Président de la République du Tadjikistan": the
            // head of state a body reports to, capitalised as the office is, not a person.
            // It takes none of the words a name may have before it: the name is the
            // body's and the President's.
            if word == "Président" && matches!(following, "" | "de") {
                words = 0;
                (after_following, following) = (following, word);
                continue;
            }
            if !elided && !member_states {
                if is_initials(word) || word.chars().any(|c| !c.is_alphabetic() && c != '-') {
                    return None;
                }
                if eponym == words && eponym < MAX_EPONYM_WORDS {
                    eponym += 1;
                }
                capital = Some(words);
                (after_following, following) = (following, word);
                words += 1;
                continue;
            }
        }
        // "le centre scientifique et pratique de l'Académie ...": a research centre, the
        // kind of body the head names only with "scientifique" after it.
        let research_centre = word == "centre" && following == "scientifique";
        if LOWERCASE_BODY_HEADS.contains(&word) || LOCAL_EXECUTIVE_HEADS.contains(&word) || research_centre {
            // So are a lowercase head's ("l'institut \"Selecția\" de Bălți").
            let close = complement_close_to_head(word, words, complement_capital)
                && eponym == 0
                && (!listed_domains || is_ministry(word));
            return close.then_some(NameHead { start: start + skip, body: BodyKind::Institution, words, word });
        }
        let describes = word.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'));
        (after_following, following) = (following, word);
        words += 1;
        // Past the words of any other body, only a ministry's head may come.
        if !describes || words > MAX_MINISTRY_WORDS {
            return None;
        }
    }
    None
}

/// Whether `word` opens a feminine noun phrase, a determiner or an adjective before the noun
/// ("la fabrique", "l'ancienne fabrique").
fn opens_feminine_noun_phrase(word: &str) -> bool {
    let word = word.trim_start_matches(QUOTES).trim_start_matches('(');
    matches!(
        word.to_lowercase().as_str(),
        "la" | "une"
            | "cette"
            | "sa"
            | "leur"
            | "notre"
            | "ancienne"
            | "nouvelle"
            | "petite"
            | "grande"
            | "première"
            | "seule"
            | "chaque"
            | "toute"
    )
}

/// Whether a body's head `head`, `words` words before the place, is close enough to the
/// complement's capitalised noun (its index among the words, if any): that noun comes right
/// after the head's preposition, within [`MAX_BODY_WORDS`]; a ministry's domains may be
/// several ("le ministère de l'Antimonopole et du Commerce de ..."), up to
/// [`MAX_MINISTRY_WORDS`].
///
/// A complement read before the words were counted again from a "Président" (its index
/// past `words`) lies beyond that office, farther than any count: not within three words,
/// past two.
fn complement_close_to_head(head: &str, words: usize, complement_capital: Option<usize>) -> bool {
    let distance = |index: usize| words.checked_sub(index);
    complement_capital.is_none_or(|index| distance(index).is_some_and(|d| matches!(d, 2 | 3)))
        && words <= MAX_BODY_WORDS
        || is_ministry(head) && complement_capital.is_some_and(|index| distance(index).is_none_or(|d| d >= 2))
}

/// Quotes around a name, straight or French.
const QUOTES: &[char] = &['"', '«', '»', '“', '”'];

/// "B.I.", "S.", "M.S.": a person's initials.
fn is_initials(word: &str) -> bool {
    let mut chars = word.chars();
    let mut any = false;
    loop {
        match (chars.next(), chars.next()) {
            (None, _) => return any,
            (Some(c), Some('.')) if c.is_uppercase() => any = true,
            _ => return false,
        }
    }
}

/// Where the name of a body or plant starts whose dedication ("portant le nom de ...")
/// begins at `at`: a head and a few lowercase words right before it ("l'Université
/// agrotechnique kazakhe portant le nom de S. Seifoulline"), after `floor`.
pub fn dedicated_body_start(text: &str, at: usize, floor: usize) -> Option<(usize, BodyKind)> {
    let from = at.saturating_sub(BODY_WINDOW).max(floor);
    head_of_name(tokens_backwards(text, from, at)).map(|head| (head.start, head.body))
}

/// Most lowercase words between a body's head and the state adjective that names it
/// ("Chambre de commerce et d'industrie biélorusse").
const MAX_ADJECTIVE_BODY_WORDS: usize = 4;

/// Most words of the complement after such an adjective ("pour la recherche fondamentale").
const MAX_COMPLEMENT_WORDS: usize = 16;

/// Whether a body's name does not hold this word: verbs, relatives, pronouns and the prepositions
/// that say where or with whom ("le Comité a approuvé le projet biélorusse"). The verbs are
/// those French writes of what a body does, in the present ("la Commission mène des
/// projets"), and only forms that are no nouns ("contrôle", "produit", "veille" are).
fn not_in_names(word: &str) -> bool {
    // A match, which tests lengths before bytes: this runs for the words before every state
    // adjective of a text.
    matches!(
        word,
        "a" | "ont"
            | "est"
            | "sont"
            | "été"
            | "était"
            | "sera"
            | "seront"
            | "avait"
            | "avaient"
            | "va"
            | "vont"
            | "fait"
            | "mène"
            | "mènent"
            | "suit"
            | "suivent"
            | "gère"
            | "gèrent"
            | "coordonne"
            | "coordonnent"
            | "examine"
            | "examinent"
            | "prépare"
            | "préparent"
            | "organise"
            | "organisent"
            | "assure"
            | "assurent"
            | "réunit"
            | "réunissent"
            | "regroupe"
            | "regroupent"
            | "dispose"
            | "disposent"
            | "prévoit"
            | "prévoient"
            | "accueille"
            | "accueillent"
            | "élabore"
            | "élaborent"
            | "soutient"
            | "soutiennent"
            | "travaille"
            | "travaillent"
            | "représente"
            | "représentent"
            | "délivre"
            | "délivrent"
            | "publie"
            | "publient"
            | "propose"
            | "proposent"
            | "approuve"
            | "approuvent"
            | "adopte"
            | "adoptent"
            | "rassemble"
            | "rassemblent"
            | "participe"
            | "participent"
            | "coopère"
            | "coopèrent"
            | "entretient"
            | "entretiennent"
            | "exerce"
            | "exercent"
            | "poursuit"
            | "poursuivent"
            | "étudie"
            | "étudient"
            | "développe"
            | "développent"
            | "négocie"
            | "négocient"
            | "joue"
            | "jouent"
            | "doit"
            | "doivent"
            | "peut"
            | "peuvent"
            | "tient"
            | "tiennent"
            | "prend"
            | "prennent"
            | "vient"
            | "viennent"
            | "reçoit"
            | "reçoivent"
            | "fournit"
            | "fournissent"
            | "achète"
            | "achètent"
            | "vend"
            | "vendent"
            | "qui"
            | "que"
            | "qu'"
            | "dont"
            | "où"
            | "avec"
            | "dans"
            | "sur"
            | "par"
            | "à"
            | "au"
            | "aux"
            | "entre"
            | "chez"
            | "vers"
            | "se"
            | "s'"
            | "ne"
            | "n'"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "on"
            | "un"
            | "une"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "plus"
            | "très"
            | "aussi"
            | "ainsi"
            | "comme"
            | "mais"
            | "ou"
    )
}

/// Words of the bodies that every pair of states sets up, which French describes with the
/// two states' adjectives however it writes them: ANNOTATION.md's example of a descriptive
/// body ("commission intergouvernementale biélorusse-ouzbèke", "Conseil d'affaires
/// biélorusse-ouzbek").
const BILATERAL_WORDS: &[&str] = &[
    "intergouvernementale",
    "intergouvernemental",
    "mixte",
    "conjoint",
    "conjointe",
    "affaires",
    "bilatéral",
    "bilatérale",
];

/// A word of [`BILATERAL_WORDS`]; "affaires" only elided, as business ("Conseil
/// d'affaires"), not the affairs a body deals with ("le Conseil pour les affaires de la
/// jeunesse").
fn is_bilateral_word(token: &str) -> bool {
    let word = strip_elision(token);
    BILATERAL_WORDS.contains(&word) && (word != "affaires" || word.len() < token.len())
}

/// The span of a body named by a state adjective (`adjective`, the adjective's span, or
/// a compound's: "biélorusse-ouzbek"): a capitalised head ([`BODY_HEADS`]) with at most
/// [`MAX_ADJECTIVE_BODY_WORDS`] lowercase words before the adjective, and after it the
/// complement that says what the body does, if one follows ("l'Institut biélorusse de
/// normalisation et de certification", "la Fondation républicaine biélorusse pour la
/// recherche fondamentale"). A head right before the adjective names a body only with such
/// a complement ("le Comité biélorusse" is any committee). Nothing of the name lies before
/// `floor` or from `ceiling` on (the mentions around it). French writes a descriptive body
/// in lowercase ("la commission intergouvernementale biélorusse-ouzbèke": the adjectives
/// only, ANNOTATION.md), a name capitalised.
pub fn adjective_body(
    text: &str,
    adjective: Range<usize>,
    floor: usize,
    ceiling: usize,
) -> Option<(Range<usize>, BodyKind)> {
    let from = adjective.start.saturating_sub(BODY_WINDOW).max(floor);
    let mut words = 0;
    let mut start = None;
    let mut body = BodyKind::Institution;
    for (at, token) in tokens_backwards(text, from, adjective.start) {
        let word = strip_elision(token);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // "les Chemins de fer indiens": a state's railway company.
        let railway = is_railway_head(word) && words == 2 && text[at..].split_whitespace().nth(2) == Some("fer");
        if capitalised && (BODY_HEADS.contains(&word) || is_factory_head(word) || railway) {
            start = Some(at + token.len() - word.len());
            if is_factory_head(word) || railway {
                body = BodyKind::Firm;
            }
            break;
        }
        // "d'État": the one capitalised word a body's description holds. An article ends
        // the search: a body's description has none ("la partie biélorusse").
        let of_state = token.len() > word.len() && word == "État";
        let describes = !capitalised && word.chars().all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-'));
        if !(describes || of_state)
            || words == MAX_ADJECTIVE_BODY_WORDS
            || matches!(token, "la" | "le" | "les")
            || not_in_names(token)
        {
            return None;
        }
        words += 1;
    }
    let start = start?;
    if tokens_backwards(text, start, adjective.start).any(|(_, token)| is_bilateral_word(token)) {
        return None;
    }
    let end = complement_end(text, adjective.end, ceiling, &["de", "du", "des", "pour", "d'", "d’"]);
    (words > 0 || end > adjective.end).then_some((start..end.max(adjective.end), body))
}

/// Capitalised domains of a minister or a ministry that go on a council's complement
/// ("le Conseil des ministres des Affaires étrangères", "de la Défense").
const MINISTRY_DOMAINS: &[&str] = &[
    "Affaires",
    "Agriculture",
    "Culture",
    "Défense",
    "Économie",
    "Éducation",
    "Énergie",
    "Finances",
    "Industrie",
    "Intérieur",
    "Justice",
    "Santé",
    "Sport",
    "Transports",
    "Travail",
];

/// The span of a body named by what it does, with no state or organisation in its name
/// ("le Conseil de sécurité collective", "du Département de la politique agro-industrielle",
/// "le Conseil des ministres de la Défense"): a capitalised head ([`PURPOSE_HEADS`]) at
/// `head`, after an article or a lowercase word (a capitalised noun that opens a sentence
/// is any noun), up to [`MAX_PURPOSE_ADJECTIVES`] adjectives ("l'Agence
/// nationale du vin"), and a complement in lowercase (`complement_end`) or
/// naming a ministry's domain ([`MINISTRY_DOMAINS`]), up to `ceiling`. A bilateral body
/// ("le Conseil d'affaires") is descriptive (ANNOTATION.md), and "Centre de la Russie", with
/// no lowercase complement, a place.
pub fn purpose_body(text: &str, head: usize, ceiling: usize) -> Option<Range<usize>> {
    let word = head_word_at(text, head, |c| c.is_whitespace() || matches!(c, ',' | ';' | '.'))?;
    if !PURPOSE_HEADS.contains(&word) {
        return None;
    }
    if !after_article_or_lowercase_word(text, head) {
        return None;
    }
    let mut head_end = head + word.len();
    let mut end = complement_end(text, head_end, ceiling, COMPLEMENT_PREPOSITIONS);
    // Adjectives between the head and its complement ("l'Agence nationale du vin", "la
    // Commission interministérielle du commerce international").
    // Two adjectives joined by "et" take one place ("le Centre républicain scientifique et
    // pratique d'oncologie", the Russian "scientifique-pratique").
    let mut joined = false;
    for _ in 0..MAX_PURPOSE_ADJECTIVES {
        if end > head_end {
            break;
        }
        let rest = &text[head_end..ceiling.max(head_end)];
        let adjective = rest.trim_start().split(char::is_whitespace).next().unwrap_or("");
        if !says_which_body(adjective) || rest.len() == rest.trim_start().len() {
            return None;
        }
        head_end = ceiling.max(head_end) - rest.trim_start().len() + adjective.len();
        let after = &text[head_end..ceiling.max(head_end)];
        let mut next = after.split_whitespace();
        if !joined && next.next() == Some("et") {
            if let Some(second) = next.next().filter(|word| says_which_body(word)) {
                joined = true;
                // The second adjective is a slice of `after`: its end, as an offset.
                head_end += second.as_ptr() as usize - after.as_ptr() as usize + second.len();
            }
        }
        end = complement_end(text, head_end, ceiling, COMPLEMENT_PREPOSITIONS);
    }
    if end == head_end {
        return None;
    }
    while let Some(domain_end) = ministry_domain_end(text, end, ceiling).or_else(|| field_end(text, end, ceiling)) {
        end = complement_end(text, domain_end, ceiling, COMPLEMENT_PREPOSITIONS).max(domain_end);
    }
    end = listed_purposes_end(text, end, ceiling).unwrap_or(end);
    end = attachment_end(text, end, ceiling).unwrap_or(end);
    // A compass point right after names which of several such bodies ("l'Agence de
    // développement régional Nord (ADR Nord)") and ends the name; another capitalised word
    // goes on with the name: another rule reads it, or none.
    // The person the body is named after, with initials ("... de radiologie médicale N. N.
    // Alexandrov"), ends the name.
    let named_after = text[end..ceiling.max(end)]
        .split_whitespace()
        .next()
        .is_some_and(is_initials)
        .then(|| eponym_end(text, head, end))
        .flatten()
        .filter(|&e| e <= ceiling);
    if let Some(eponym_end) = named_after {
        end = eponym_end;
    } else if text[end..].starts_with(char::is_whitespace) && text[end..].trim_start().starts_with(char::is_uppercase) {
        let next_at = text.len() - text[end..].trim_start().len();
        let next = text[next_at..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let after = text[next_at + next.len()..].trim_start();
        let compass = COMPASS_NAMES.contains(&next)
            && next_at + next.len() <= ceiling
            && !text[next_at + next.len()..].starts_with(['-', '\''])
            && !after.starts_with(char::is_uppercase);
        if !compass {
            return None;
        }
        end = next_at + next.len();
    }
    if tokens_backwards(text, head_end, end).any(|(_, token)| is_bilateral_word(token)) {
        return None;
    }
    Some(head..end)
}

/// Whether the word at `head` follows an elided article, a lowercase word, a capitalised
/// article or a reference's colon after its town (the publisher, "Bakou : Comité d'État des
/// statistiques, 2023"): not a sentence's first word, which any noun may be.
fn after_article_or_lowercase_word(text: &str, head: usize) -> bool {
    match text[..head].chars().next_back() {
        Some('\'' | '’') => true,
        Some(c) if c.is_whitespace() => {
            let mut before = tokens_backwards(text, head.saturating_sub(48), head).map(|(_, token)| token);
            before.next().is_some_and(|token| {
                token.chars().all(char::is_lowercase)
                    || matches!(token, "Le" | "La" | "Les")
                    || token == ":" && before.next().is_some_and(is_capitalised)
            })
        }
        _ => false,
    }
}

/// The prepositions that open what a body does ("l'Agence nationale du vin", "le Fonds
/// pour ...", "le Comité consultatif sur l'électroénergie").
const COMPLEMENT_PREPOSITIONS: &[&str] = &["de", "du", "des", "pour", "sur", "d'", "d’"];

/// Whether `word`, between a body's head and its complement, says which body it is: a
/// lowercase adjective ("nationale", "polytechnique"), not a preposition, an article or a
/// conjunction.
fn says_which_body(word: &str) -> bool {
    word.len() > 2
        && word.chars().all(|c| c.is_lowercase() || c == '-')
        && !not_in_names(word)
        && !COMPLEMENT_PREPOSITIONS.contains(&word)
        && !matches!(word, "et" | "ou" | "le" | "la" | "les")
        // "la Commission mise sur le commerce": a verb after the subject.
        && !is_clause_word(word)
}

/// Whether `word` folds to one of the words that open a clause
/// (`extract::is_folded_clause_word`: "mène" is "mene").
fn is_clause_word(word: &str) -> bool {
    crate::extract::is_folded_clause_word(&crate::normalize::fold_surface(word))
}

/// Whether a school's name read back from a place (`before`: its head to the preposition
/// before the place) ends with "du", a compass point and "de" or "d'" with no article: the
/// school is named after the part of the country it serves, and the town after it is where
/// it is, not part of its name ("l'Université polytechnique du Nord-Ouest de Xi'an",
/// [`compass_body`]); with an article, the point is the place's ("du Nord-Ouest de la
/// Russie").
fn ends_with_compass_point(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    if !words.next().is_some_and(|word| matches!(word, "de" | "d'" | "d’")) {
        return false;
    }
    let point = words.next().unwrap_or("");
    !point.is_empty() && point.split('-').all(|part| COMPASS_NAMES.contains(&part)) && words.next() == Some("du")
}

/// Heads of the schools named after the part of the country they serve.
const COMPASS_BODY_HEADS: &[&str] = &["Université", "Institut", "Académie", "École"];

/// Most words between a school's head and "du" before its compass point.
const MAX_COMPASS_BODY_WORDS: usize = 3;

/// "l'Université polytechnique du Nord-Ouest", "l'Université fédérale du Nord-Est": a
/// school named after the part of the country it serves, which no place mention ends
/// ([`body_start`] reads those). A capitalised head ([`COMPASS_BODY_HEADS`]) at `head`,
/// after an article or a lowercase word, one to [`MAX_COMPASS_BODY_WORDS`] lowercase words
/// saying which ("technique d'État"), then "du" and a compass point
/// ([`compass_point_after`]), with no place or name after it, all before `ceiling`.
pub fn compass_body(text: &str, head: usize, ceiling: usize) -> Option<Range<usize>> {
    let word = head_word_at(text, head, |c| c.is_whitespace() || matches!(c, ',' | ';' | '.'))?;
    if !COMPASS_BODY_HEADS.contains(&word) || !after_article_or_lowercase_word(text, head) {
        return None;
    }
    let mut word_end = head + word.len();
    for (k, (start, token)) in tokens_forwards(text, word_end, ceiling).enumerate() {
        if token == "du" && k > 0 {
            let end = compass_point_after(text, word_end).filter(|&end| end <= ceiling)?;
            // "du Nord du pays", "du Nord de la Russie", "du Sud Oural": the point of
            // something else. A town after "de" is where the school is, not part of its
            // name ("l'Université polytechnique du Nord-Ouest de Xi'an").
            let next = text[end..].trim_start();
            let town_after = ["de ", "d'", "d’"]
                .iter()
                .any(|p| next.strip_prefix(p).is_some_and(|town| town.trim_start().starts_with(char::is_uppercase)));
            let continues = next.starts_with(char::is_uppercase)
                || ["de ", "du ", "des ", "d'", "d’"].iter().any(|p| next.starts_with(p)) && !town_after;
            return (!continues).then_some(head..end);
        }
        let says_which = says_which_body(token) || is_of_the_state(token);
        if k == MAX_COMPASS_BODY_WORDS || !says_which {
            return None;
        }
        word_end = start + token.len();
    }
    None
}

/// Heads of the bodies that a state or an organisation sets up and names by what they do
/// alone ("le Conseil de sécurité collective"). Schools, academies, institutes, theatres
/// and the like are named with a place or a person after their complement, which other
/// rules read.
const PURPOSE_HEADS: &[&str] = &[
    "Administration",
    "Agence",
    "Assemblée",
    "Association",
    "Bureau",
    "Centre",
    "Chambre",
    "Comité",
    "Commission",
    "Conseil",
    "Cour",
    "Département",
    "Direction",
    "Fondation",
    "Fonds",
    "Inspection",
    "Office",
    "Secrétariat",
    "Service",
];

/// Most adjectives between a body's head and the complement that says what it does.
const MAX_PURPOSE_ADJECTIVES: usize = 2;

/// Most bytes of the purposes listed after a body's first one.
const MAX_LISTED_PURPOSES_BYTES: usize = 160;

/// The end of the purposes listed after a body's first one, at `at`: ", la culture physique
/// et les sports", ", l'énergie et l'utilisation du sous-sol", each with its article, the
/// last after "et". A comma list is as often the sentence's own, so it is read as the
/// name's only when the name goes on after it: attached to a president or government
/// ("auprès du gouvernement") or with the state or body that sets it up, the next mention
/// at `ceiling` ("de la République kirghize").
fn listed_purposes_end(text: &str, at: usize, ceiling: usize) -> Option<usize> {
    let rest = text[at..ceiling.max(at)].strip_prefix(',')?;
    let limit = floor_char_boundary(rest, MAX_LISTED_PURPOSES_BYTES);
    let mut tokens = tokens_forwards(text, at + 1, at + 1 + limit);
    // Each item opens with its article, after a comma; the last with "et".
    let mut expect_article = true;
    let last_start = loop {
        let (start, token) = tokens.next()?;
        let word = token.trim_end_matches(',');
        let article = matches!(word, "la" | "le" | "les")
            || word.strip_prefix("l'").or_else(|| word.strip_prefix("l’")).is_some_and(|w| !w.is_empty());
        if word == "et" && !expect_article {
            break start;
        }
        if expect_article && !article || !word.chars().all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’')) {
            return None;
        }
        let comma_after = word.len() < token.len();
        expect_article = comma_after;
    };
    let end = complement_end(text, last_start, ceiling, &["et"]);
    if end == last_start {
        return None;
    }
    if let Some(attached) = attachment_end(text, end, ceiling) {
        return Some(attached);
    }
    (ceiling < text.len() && de_only(&text[end..ceiling.max(end)])).then_some(end)
}

/// Heads of the offices that international bodies name for the part of the world they
/// serve ("Bureau régional pour l'Europe", "Comité régional pour l'Afrique").
const OFFICE_HEADS: &[&str] = &["Bureau", "Office", "Centre", "Comité", "Commission", "Conseil"];

/// Where the office that serves the region named at `region` starts: its head
/// ([`OFFICE_HEADS`]), at most two lowercase adjectives ("Bureau sous-régional"), "pour"
/// and an article right before the region; not before `floor`.
pub fn office_head_before(text: &str, floor: usize, region: usize) -> Option<usize> {
    let mut tokens = tokens_backwards(text, floor, region);
    let (article_at, article) = tokens.next()?;
    let elided = matches!(article, "l'" | "l’");
    if !(elided && article_at + article.len() == region || matches!(article, "la" | "le" | "les")) {
        return None;
    }
    if tokens.next()?.1 != "pour" {
        return None;
    }
    for (k, (at, word)) in tokens.take(3).enumerate() {
        if OFFICE_HEADS.contains(&word) {
            return (k > 0).then_some(at);
        }
        let adjective = word.starts_with(char::is_lowercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_IN_DESCRIPTIONS.contains(&word);
        if !adjective {
            return None;
        }
    }
    None
}

/// The end of a region's name at `end` with a coordinated adjective after it ("Europe
/// centrale et orientale"), or `end`.
pub fn coordinated_region_adjective_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let Some(after_and) = rest.strip_prefix(" et ") else { return end };
    let word_len = after_and.find(|c: char| !c.is_alphabetic()).unwrap_or(after_and.len());
    let word = &after_and[..word_len];
    let compass =
        ["orientale", "occidentale", "centrale", "méridionale", "septentrionale", "oriental", "occidental", "central"];
    if compass.contains(&word) {
        end + " et ".len() + word_len
    } else {
        end
    }
}

/// Whether `gap`, between a body's name and a state's, attaches the body to the state's
/// president or government: "auprès du Président de la", "auprès du gouvernement de la",
/// "auprès du Conseil des ministres de la" (capitalised or not), then "de" as before a
/// state (`de_only`). Not "auprès du ministère": a ministry is a body of its own.
pub(crate) fn attaches_to_the_head_of(gap: &str) -> bool {
    if gap.len() > 64 {
        return false;
    }
    let Some(rest) = gap.trim_start().strip_prefix("auprès du ") else { return false };
    let rest = rest.trim_start();
    let heads =
        ["Président", "président", "Gouvernement", "gouvernement", "Conseil des ministres", "Cabinet des ministres"];
    let Some(after_head) = heads.iter().find_map(|head| rest.strip_prefix(head)) else { return false };
    de_only(after_head)
}

/// The longest gap that [`coordinates_domains`] reads.
pub(crate) const MAX_COORDINATED_DOMAINS_GAP: usize = 96;

/// Whether `gap`, between a ministry's name and a state's, goes on with another domain of
/// the ministry and leads to its state: lowercase words that qualify the first domain
/// ("minière"), "et", a preposition and article, the other domain capitalised, and "de" or
/// "du" right before the state ("... de l'Industrie minière et de la Géologie de la
/// République d'Ouzbékistan"). No punctuation: a comma or a parenthesis ends the name.
pub(crate) fn coordinates_domains(gap: &str) -> bool {
    if gap.len() > MAX_COORDINATED_DOMAINS_GAP || gap.contains([',', ';', ':', '.', '(', ')', '"', '«', '»']) {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    let Some(and) = words.iter().position(|&w| w == "et") else { return false };
    if !words[..and].iter().all(|w| w.starts_with(char::is_lowercase)) {
        return false;
    }
    // After "et": a preposition, maybe an article, then the other domain, capitalised.
    let mut rest = words[and + 1..].iter().copied();
    let domain = match rest.next() {
        Some("de") => match rest.next() {
            Some("la") => rest.next(),
            word => word,
        },
        Some("du" | "des") => rest.next(),
        word => word.filter(|w| w.starts_with("d'") || w.starts_with("d’")),
    };
    let domain_capitalised = domain.is_some_and(|w| strip_elision(w).starts_with(char::is_uppercase));
    // "... et de l'Arctique auprès de la ...": a preposition other than "de" starts a
    // complement of the whole ministry, not its state.
    let other_preposition = words[and + 1..].iter().any(|w| {
        matches!(*w, "auprès" | "pour" | "sur" | "avec" | "en" | "dans" | "par" | "chez" | "à" | "au" | "aux" | "entre")
    });
    // "de", "du", "de la" before the state; "de l'" and "d'" glued to it.
    let leads_to_state = match words.as_slice() {
        [.., "de" | "du"] | [.., "de", "la"] => gap.ends_with(char::is_whitespace),
        [.., "de", "l'" | "l’"] | [.., "d'" | "d’"] => !gap.ends_with(char::is_whitespace),
        _ => false,
    };
    domain_capitalised && !other_preposition && leads_to_state
}

/// Whether `gap`, between a body's name and the next name, is "pour" and an article: the
/// next name is what the body serves ("... pour l'UNESCO").
pub(crate) fn serves_next(gap: &str) -> bool {
    if gap.len() > 16 || !gap.starts_with(char::is_whitespace) {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    match words.as_slice() {
        ["pour", "la" | "le" | "les"] => gap.ends_with(char::is_whitespace),
        ["pour", "l'" | "l’"] => !gap.ends_with(char::is_whitespace),
        _ => false,
    }
}

/// The gap between a body's name and a state's is only the "de" that introduces the state
/// (" de la ", " du ", " d'", " de \n\nl'").
pub(crate) fn de_only(gap: &str) -> bool {
    // A gap is read for every body that a state's name follows, however far: a longer
    // one than a "de la" across a page's line breaks is turned away unread.
    if gap.len() > 32 || !gap.starts_with(char::is_whitespace) {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    match words.as_slice() {
        ["de" | "du" | "des"] | ["de", "la"] => gap.ends_with(char::is_whitespace),
        // Elided: the state's name follows the apostrophe.
        ["d'" | "d’"] | ["de", "l'" | "l’"] => !gap.ends_with(char::is_whitespace),
        _ => false,
    }
}

/// The words at `at` (up to `ceiling`) that go on with the words before: "dans le domaine
/// de", "dans le domaine des", before the field itself ("le Conseil de coopération dans le
/// domaine de l'éducation"); where they end.
fn field_end(text: &str, at: usize, ceiling: usize) -> Option<usize> {
    let rest = &text[at..ceiling.max(at)];
    let mut words = rest.split_whitespace();
    if words.next()? != "dans" || words.next()? != "le" || words.next()? != "domaine" {
        return None;
    }
    // The field follows as a complement; an adjective ("dans le domaine économique")
    // describes what the body does, and the name ended before.
    if !opens_with_de(words.next()?) {
        return None;
    }
    let domaine = rest.find("domaine")? + "domaine".len();
    Some(at + domaine)
}

/// The body a body is attached to, at `at` (up to `ceiling`): "auprès du Président",
/// "auprès du gouvernement" (the state that follows, after "de", ends the name);
/// where it ends.
fn attachment_end(text: &str, at: usize, ceiling: usize) -> Option<usize> {
    let mut words = tokens_forwards(text, at, ceiling);
    if words.next()?.1 != "auprès" {
        return None;
    }
    let (noun_start, noun) = match words.next()?.1 {
        "du" => words.next()?,
        "de" if words.next()?.1 == "la" => words.next()?,
        _ => return None,
    };
    const ATTACHED_TO: &[&str] = &["Président", "président", "gouvernement", "Gouvernement", "Cabinet"];
    ATTACHED_TO.contains(&noun).then_some(noun_start + noun.len())
}

/// The end of "des Affaires étrangères", "de la Défense" right at `at`: a ministry's domain
/// ([`MINISTRY_DOMAINS`]) after its preposition, with the lowercase adjective after it.
fn ministry_domain_end(text: &str, at: usize, ceiling: usize) -> Option<usize> {
    let rest = &text[at..ceiling.max(at)];
    let trimmed = rest.trim_start();
    let after = ["de la ", "de l'", "de l’", "des ", "du ", "d'", "d’"]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))?
        .trim_start();
    let domain = MINISTRY_DOMAINS
        .iter()
        .find(|d| after.strip_prefix(**d).is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric())))?;
    let mut end = ceiling.max(at) - after.len() + domain.len();
    // "Affaires étrangères", "Affaires intérieures": the adjective is the domain's.
    let next = text[end..ceiling.max(end)].trim_start();
    if let Some(adjective) = next.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ')')).next() {
        if adjective.ends_with("ères") || adjective.ends_with("ieures") {
            end = ceiling.max(end) - next.len() + adjective.len();
        }
    }
    Some(end)
}

/// The end of the complement of a body's name that begins at `at` ("de normalisation et
/// de certification"): one of `prepositions` (an elided one is its article, "d'"), then
/// lowercase words up to punctuation, a capitalised word, a digit, a word no name holds,
/// an article after a word that is no preposition (a clause's verb, left out too) or
/// `ceiling`, less the function words at its end; `at` if there is none.
pub fn complement_end(text: &str, at: usize, ceiling: usize, prepositions: &[&str]) -> usize {
    const TRAILING: &[&str] =
        &["de", "du", "des", "pour", "et", "en", "auprès", "d'", "d’", "l'", "l’", "la", "le", "les"];
    // Words after which an article or a determiner goes on with the complement ("pour la
    // recherche et le développement"); after any other, it opens a clause whose verb is the
    // word before it ("l'Agence nationale du tourisme présente chaque année").
    const LEAD_IN: &[&str] = &[
        "de", "du", "des", "pour", "et", "ou", "en", "à", "sur", "dans", "contre", "par", "avec", "entre", "sous",
        "vers", "auprès", "d'", "d’",
    ];
    // Where the complement ends so far: `at` until a word of content is read.
    let mut end = at;
    let mut i = 0;
    // The word read last, and where the complement ended before it.
    let mut previous = "";
    let mut end_before_previous = at;
    for (token_start, word) in tokens_forwards(text, at, ceiling) {
        i += 1;
        let stripped = word.trim_end_matches([',', ';', ':', '.', ')', '(', '"', '»']);
        // A footnote call glued to the last word ("des technologies18.") closes it.
        let called = without_footnote_call(stripped, |w| w.ends_with(char::is_lowercase)).unwrap_or(stripped);
        // A comma goes on with a list of domains that "et" closes ("de normalisation, de
        // métrologie et de certification").
        let listed = word.len() == called.len() + 1
            && word.ends_with(',')
            && domains_listed_after(&text[token_start + word.len()..ceiling.max(token_start + word.len())]);
        let closes = called.len() < word.len() && !listed;
        let stripped = called;
        let (article, bare) = match stripped.find(['\'', '’']) {
            Some(q) => stripped.split_at(q + stripped[q..].chars().next().map_or(1, char::len_utf8)),
            None => ("", stripped),
        };
        let determiner = matches!(
            stripped,
            "le" | "la"
                | "les"
                | "un"
                | "une"
                | "chaque"
                | "ce"
                | "cet"
                | "cette"
                | "ces"
                | "son"
                | "sa"
                | "ses"
                | "leur"
                | "leurs"
        ) || matches!(article, "l'" | "l’") && !bare.is_empty();
        if i == 1 {
            if !(prepositions.contains(&stripped) || prepositions.contains(&article)) {
                return at;
            }
        } else if article.is_empty() && bare.len() > 6 && bare.ends_with("ant") && !is_role_noun(bare) {
            // A present participle: the words after the name say what was done with it ("des
            // autobus achetés par l'Agence des transports de Bakou pour les lignes reliant
            // Bakou à Soumgaït"), a name holds none.
            return at;
        } else if determiner && !LEAD_IN.contains(&previous) {
            end = end_before_previous;
            break;
        } else if i > MAX_COMPLEMENT_WORDS
            || not_in_names(stripped)
            // A reflexive or negated verb or a relative opens a clause ("s'est réuni").
            || matches!(article, "s'" | "s’" | "n'" | "n’" | "qu'" | "qu’")
            // "le Bureau de coordination de la lutte contre le crime organisé siège à
            // Moscou": the noun "siège" before a place's preposition is the verb.
            || matches!(stripped, "siège" | "siègent")
                && ["à ", "au ", "aux ", "en "].iter().any(|p| text[token_start + word.len()..].trim_start().starts_with(p))
            // "l'État", capitalised as a common noun ("la gestion des biens de l'État").
            || !(bare.chars().all(|c| c.is_lowercase() || c == '-') || bare == "État" && !article.is_empty())
            || bare.is_empty() && article.is_empty()
        {
            break;
        }
        end_before_previous = end;
        previous = stripped;
        if !TRAILING.contains(&stripped) && !bare.is_empty() && (i > 1 || !article.is_empty()) {
            end = token_start + stripped.len();
        }
        if closes {
            break;
        }
    }
    end
}

/// Whether a word is "de", "du", "des" or opens with "d'": what introduces a complement.
fn opens_with_de(word: &str) -> bool {
    matches!(word, "de" | "du" | "des") || word.starts_with("d'") || word.starts_with("d’")
}

/// Whether `rest`, after a comma in a body's complement, lists its next domains up to
/// the last one after "et" ("de métrologie et de certification", "des ressources
/// naturelles et de l'écologie"), before any other punctuation: each domain opens with
/// "de", "du", "des" or "d'" and holds lowercase words only.
fn domains_listed_after(rest: &str) -> bool {
    let span = &rest[..rest.find(['.', ';', ':', '(', ')', '"', '»']).unwrap_or(rest.len())];
    let mut words = span.split_whitespace().take(MAX_COMPLEMENT_WORDS);
    if !words.next().is_some_and(opens_with_de) {
        return false;
    }
    let mut after_et = false;
    for word in words {
        let word = word.trim_end_matches(',');
        if after_et {
            return opens_with_de(word);
        }
        if word == "et" {
            after_et = true;
        } else if !word.chars().all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-')) {
            return false;
        }
    }
    false
}

/// Head nouns of the English names of firms that make one only after a place ("Astana
/// Universal Commodity Exchange", "Kazakhstan Petrochemical Industries" with every
/// [`POSTPOSED_HEADS`] one too): after any name, "Bank" or "Exchange" also ends
/// institutions' names.
const PLACE_LED_HEADS: &[&str] = &[
    "Exchange",
    "Mill",
    "Refinery",
    "Combine",
    "Airlines",
    "Airways",
    "Bank",
    "Technopark",
    "Railway",
    "Railways",
    "Cargo",
    "Logistics",
    "Terminal",
    "Port",
    "Airport",
    "Shipping",
    "Media",
    "Winery",
    "Cellar",
    "Cellars",
    "Brewery",
    "Distillery",
];

/// Acronyms of power plants written after the place that names them, Russian
/// transliterated or English ("Ekibastouz GRES-1", "Toktogul HPP", "Minsk TETs-5").
const POWER_PLANT_ACRONYMS: &[&str] = &["GRES", "TETs", "TETS", "GES", "HPP", "TPP", "CHP", "NPP"];

/// Head nouns of the English names of public bodies that begin with a place ("Bryansk
/// State Technical University", "Chernihiv Regional State Administration"), as references
/// cite their publishers.
const PLACE_LED_BODY_HEADS: &[&str] = &[
    "University",
    "Institute",
    "Academy",
    "Administration",
    "Conservatory",
    "Agency",
    "Board",
    "Authority",
    "Council",
    "Committee",
    "Commission",
    "Chamber",
];

/// Most capitalised words of an English firm name after the place it begins with.
const MAX_ENGLISH_NAME_WORDS: usize = 7;

/// The most bytes [`english_name_after_place`] reads after the place.
const ENGLISH_NAME_WINDOW: usize = 400;

/// Where the English name of a firm or body that begins with the place mention ending at
/// `place_end` ends, and which it is: capitalised words follow the place, one of them a
/// head noun ([`POSTPOSED_HEADS`], [`PLACE_LED_HEADS`], [`PLACE_LED_BODY_HEADS`]), and the
/// name ends with the last head, or after "of" with the capitalised words, joined by "and",
/// that say what the firm makes ("Borisov Plant of Automobile and Tractor Electrical
/// Equipment"); before the first head, "and" may join what it makes ("Navoi Mining and
/// Metallurgical Company"). The last head says whether it is a body or a firm. Texts
/// translated from Russian quote such names in English; the place alone is not the
/// mention (ANNOTATION.md: the full name). Nothing from `limit` on is read (where another
/// body's name starts: "Harbin Institute of Technology and National Academy of ...").
pub fn english_name_after_place(text: &str, place_end: usize, limit: usize) -> Option<(usize, BodyKind)> {
    let mut at = place_end;
    let mut end = None;
    let mut after_of = false;
    // A name of a few words is read within a few hundred bytes: a text with no space must not
    // be read to its end at each place ("Russie-Minsk-JSC-" repeated).
    let window_end = floor_char_boundary(text, place_end + ENGLISH_NAME_WINDOW);
    for _ in 0..MAX_ENGLISH_NAME_WORDS + 3 {
        let rest = &text[at..window_end.max(at)];
        let spaces = rest.len() - rest.trim_start().len();
        let word_len = rest[spaces..].find(|c: char| !(c.is_alphabetic() || c == '-')).unwrap_or(rest.len() - spaces);
        let word = &rest[spaces..spaces + word_len];
        if spaces == 0 || spaces > 8 || word.is_empty() || at + spaces >= limit {
            break;
        }
        // "Ekibastouz GRES-1", "Kambarata HPP": a power plant by its acronym and number.
        let numbered = rest[spaces..].find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(rest.len() - spaces);
        let acronym = rest[spaces..spaces + numbered].trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
        if end.is_none() && POWER_PLANT_ACRONYMS.contains(&acronym) {
            return Some((at + spaces + numbered, BodyKind::Firm));
        }
        if end.is_some() && (word == "of" || (after_of && word == "and"))
            || end.is_none() && word == "and" && at > place_end
        {
            after_of |= end.is_some();
            at += spaces + word_len;
            continue;
        }
        // "Mozyr refinery": an English title's plant in lowercase, a word French never
        // writes.
        if end.is_none() && matches!(word, "refinery" | "factory") {
            return Some((at + spaces + word_len, BodyKind::Firm));
        }
        // A French article capitalised opens a sentence, not a word of an English name
        // ("vers la Russie Le Port international ...").
        if !word.chars().next().is_some_and(char::is_uppercase) || !word.is_ascii() || is_capitalised_article(word) {
            break;
        }
        at += spaces + word_len;
        // "Centre" ends a name that already has a head ("Termez Cargo Centre"); alone it
        // is as often French.
        let centre = end.is_some() && matches!(word, "Centre" | "Center");
        if after_of {
            // What the firm or body does, after its head: the head's kind holds ("Harbin
            // Institute of Technology").
            end = end.map(|(_, body)| (at, body));
        } else if centre || POSTPOSED_HEADS.contains(&word) || PLACE_LED_HEADS.contains(&word) {
            end = Some((at, BodyKind::Firm));
        } else if PLACE_LED_BODY_HEADS.contains(&word) {
            end = Some((at, BodyKind::Institution));
        }
    }
    end
}

/// Whether `word` is a French article or determiner written with its capital ("Le", "Les",
/// "Cette"): it opens a sentence.
fn is_capitalised_article(word: &str) -> bool {
    matches!(word, "Le" | "La" | "Les" | "Un" | "Une" | "Des" | "Du" | "Au" | "Aux" | "Ce" | "Cette" | "Ces")
}

/// The next item of a list of firms after byte `at` (the end of the previous item): a
/// comma or "et" (", et", "ou"), then one to three capitalised words; and whether it was
/// the last one (after "et" or "ou"). An item after a comma must itself be followed by a
/// comma or a conjunction, so that "MAZ, Alexandre Loukachenko a déclaré" is no list.
/// `Err(start)`: the next item starts at `start` but is not a capitalised name (the
/// caller looks there for a mention); `Ok(None)`: the list ends.
pub fn firm_list_item(text: &str, at: usize) -> Result<Option<(Range<usize>, bool)>, usize> {
    // The previous item may have been quoted.
    let rest = text[at..].strip_prefix(['"', '»', '”']).unwrap_or(&text[at..]);
    let (after_sep, last) = if let Some(r) = rest.strip_prefix(',') {
        let r = r.trim_start();
        match r.strip_prefix("et ").or_else(|| r.strip_prefix("ou ")) {
            Some(r) => (r.trim_start(), true),
            None => (r, false),
        }
    } else {
        let r = rest.trim_start();
        if r.len() == rest.len() {
            return Ok(None);
        }
        match r.strip_prefix("et ").or_else(|| r.strip_prefix("ou ")) {
            Some(r) => (r.trim_start(), true),
            None => return Ok(None),
        }
    };
    let mut elided = ["d'", "d’"].iter().find_map(|e| after_sep.strip_prefix(e)).unwrap_or(after_sep);
    // Legal forms and quotes before the name are no part of it (", et JSC "Belshina"").
    // (A legal form is a short word: the space after it is looked for among the first bytes
    // only, or a text without spaces would be read whole at each item.)
    while let Some(space) = elided.bytes().take(HEAD_WORD_MAX).position(|b| b == b' ') {
        if !is_legal_form(&elided[..space]) {
            break;
        }
        elided = elided[space + 1..].trim_start();
    }
    let elided = elided.strip_prefix(['"', '«', '“']).map_or(elided, str::trim_start);
    let start = text.len() - elided.len();
    let mut end = start;
    let mut words = 0;
    loop {
        let word_len = text[end..].find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(text.len() - end);
        let word = &text[end..end + word_len];
        if !is_capitalised(word) || FUNCTION_WORDS.contains(&word) {
            break;
        }
        end += word_len;
        words += 1;
        let next = text[end..].trim_start();
        let spaces = text.len() - end - next.len();
        if words == MAX_LIST_ITEM_WORDS || spaces == 0 || spaces > 8 || !next.starts_with(char::is_uppercase) {
            break;
        }
        let next_len = next.find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(next.len());
        if !is_capitalised(&next[..next_len]) || FUNCTION_WORDS.contains(&&next[..next_len]) {
            break;
        }
        end += spaces;
    }
    if words == 0 {
        return Err(start);
    }
    // A quoted item's closing quote comes before the separator.
    let after = text[end..].strip_prefix(['"', '»', '”']).unwrap_or(&text[end..]);
    let continues =
        after.starts_with(',') || after.trim_start().starts_with("et ") || after.trim_start().starts_with("ou ");
    if !last && !continues {
        return Ok(None);
    }
    Ok(Some((start..end, last)))
}

/// Most words of one item of a list of firms.
const MAX_LIST_ITEM_WORDS: usize = 3;

/// "Belarus 322.1": the model number that may follow a state's name at `end`, if one
/// does: Some(true) for a dotted number ("322.1", a model's) or a number joined by a hyphen
/// ("Belarus-1523"), Some(false) for a whole number ("321", a model's only in a list of
/// them, see the caller). Not a number with a decimal comma or a percent sign ("10,6 %", a
/// figure of a table), nor a year ("Belarus-2020" may name a forum, whose names are marked).
pub fn model_number_after(text: &str, end: usize) -> Option<bool> {
    let rest = &text[end..];
    let hyphenated = rest.strip_prefix('-').filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    let number = hyphenated.unwrap_or_else(|| rest.trim_start());
    let spaces = rest.len() - number.len();
    if hyphenated.is_none() && (spaces == 0 || spaces > 8) {
        return None;
    }
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let decimals = number[digits..].strip_prefix('.').map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
    let len = if decimals > 0 { digits + 1 + decimals } else { digits };
    let after = &number[len..];
    let mut next = after.chars();
    let continues = match next.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || c == '%' => true,
        // "10,6", "1.5": one figure; "321, 311" or "(2019)" end here.
        Some(',' | '.') => next.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) if c.is_whitespace() => after.trim_start().starts_with('%'),
        _ => false,
    };
    let year = decimals == 0 && digits == 4 && (1900..=2099).contains(&number[..4].parse::<u32>().unwrap_or(0));
    (!continues && !year).then_some(decimals > 0 || hyphenated.is_some())
}

/// The whitespace-separated tokens of `text[from..to]` with their offsets, in order: the
/// forward twin of [`tokens_backwards`], for the few words read after a name. `from` and
/// `to` are char boundaries.
fn tokens_forwards(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = from;
    text[from..to.max(from)].split_inclusive(char::is_whitespace).filter_map(move |token| {
        let start = offset;
        offset += token.len();
        let word = token.trim_end();
        (!word.is_empty()).then_some((start, word))
    })
}

/// The whitespace-separated tokens of `text[from..to]` with their offsets, last first:
/// `split_whitespace().rev()`, reading ASCII byte by byte (the generic version decodes every
/// char, and a body's name is looked for before every place mention after "de"). A `from`
/// inside a char (a window counted in bytes back from a name) starts at the char after it.
fn tokens_backwards(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, &str)> {
    let from = ceil_char_boundary(text, from.min(to));
    let bytes = text.as_bytes();
    // `char::is_whitespace` on ASCII: tab to carriage return, and space.
    let ascii_space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    // Whether the char ending at `end` is whitespace, and its length.
    let space_before = move |end: usize| -> (bool, usize) {
        let b = bytes[end - 1];
        if b < 0x80 {
            return (ascii_space(b), 1);
        }
        let c = text[from..end].chars().next_back().unwrap_or(' ');
        (c.is_whitespace(), c.len_utf8())
    };
    let mut end = to;
    std::iter::from_fn(move || {
        while end > from {
            let (space, len) = space_before(end);
            if !space {
                break;
            }
            end -= len;
        }
        if end <= from {
            return None;
        }
        let token_end = end;
        while end > from {
            let (space, len) = space_before(end);
            if space {
                break;
            }
            end -= len;
        }
        Some((end, &text[end..token_end]))
    })
}

/// Legal forms of companies, as written around their names.
const LEGAL_FORMS: &[&str] = &[
    "OJSC", "JSC", "CJSC", "PJSC", "OAO", "ZAO", "PAO", "OOO", "LLC", "LLP", "ALC", "IPUE", "Ltd", "Ltd.", "GmbH",
    "SARL", "Inc", "Inc.", "PLC", "TOO",
    // Belarus's joint and foreign limited companies and its republican production
    // enterprises; Russia's federal and other state unitary enterprises; Kazakhstan's
    // national and state joint-stock companies; joint-stock banks; Moldova's and
    // Romania's limited companies; the free-zone companies of the Emirates.
    "JLLC", "FLLC", "SOOO", "ODO", "RUPP", "FSUE", "FGUP", "SUE", "GUP", "NJSC", "SJSC", "JSCB", "OJSCB", "CJSCB",
    "SRL", "FZE", "FZCO",
];

/// Business nouns that introduce a firm's name (lowercase, as written in running text).
const BUSINESS_NOUNS: &[&str] = &[
    "société",
    "sociétés",
    "entreprise",
    "coentreprise",
    "corporation",
    "holding",
    "agroholding",
    "agro-holding",
    "fabricant",
    "compagnie",
    "groupe",
    "concern",
    "confiserie",
    "firme",
    "start-up",
    "distributeur",
    "constructeur",
    "producteur",
    "opérateur",
    "tour-opérateur",
    "coopérative",
    "banque",
    "bourse",
];

/// Nouns of firms that name one only with a quoted name right after them: a chain of shops
/// or a channel ('la chaîne "Nomin"'), a market ('le marché "Dordoï"'), a winery ('la cave
/// "Khareba"'), a paper ('le
/// journal "Severny Kazakhstan"', newspapers are firms). Unquoted, they
/// are followed by places and bodies ("le marché de l'Union", "la chaîne du Tian Shan").
const QUOTING_FIRM_NOUNS: &[&str] = &[
    "chaîne",
    "marché",
    "journal",
    "quotidien",
    "hebdomadaire",
    "magazine",
    "cave",
    "entreprises",
    "opérateurs",
    "terminal",
    "voyagiste",
];

/// Nouns of public bodies whose name follows in quotes: an agency, an association of an
/// industry, a foundation ("l'agence "Uzstandart"", "l'association "Uztextilprom""). The
/// name is an institution's (ANNOTATION.md: state agencies, associations); "association
/// de production" is a company, and a noun read with describing words before the quote
/// is not one of these.
const QUOTING_BODY_NOUNS: &[&str] = &["agence", "association", "fondation"];

/// Whether the words before an elided "d'édition" end with "maison": 'la maison
/// d'édition "Mektep"' is a publishing house, a company (a bare "édition" before a quote
/// is an event's: 'la 5e édition "Made in Belarus"').
fn names_a_publishing_house(before: &str) -> bool {
    let before = before.trim_end();
    let noun = &before[last_word_start(before)..];
    matches!(noun, "maison" | "maisons" | "Maison" | "Maisons")
}

/// One of [`QUOTING_BODY_NOUNS`], maybe capitalised ("L'Association").
fn is_quoting_body_noun(word: &str) -> bool {
    let bytes = word.as_bytes();
    QUOTING_BODY_NOUNS.iter().any(|noun| {
        let noun = noun.as_bytes();
        bytes.len() == noun.len() && bytes[0].to_ascii_lowercase() == noun[0] && bytes[1..] == noun[1..]
    })
}

/// Whether the quoted name opening at `name_start` follows a noun of a public body right
/// before its quote ([`QUOTING_BODY_NOUNS`]).
///
/// A capitalised noun after a capitalised word is English ("RUE "Production Association
/// "Vitebskkhleboprodukt""): a production association, a company.
pub(crate) fn quoted_after_body_noun(text: &str, name_start: usize) -> bool {
    let Some(quote) = quote_before(text, name_start) else { return false };
    let before = &text[..quote];
    let noun_start = last_word_start(before);
    let written = &before[noun_start..];
    let noun = strip_elision(written);
    let word_before = before[..noun_start].trim_end();
    let word_before = word_before[last_word_start(word_before)..].trim_start_matches(['"', '“', '«']);
    let english = noun == written
        && starts_upper(noun)
        && starts_upper(word_before)
        && word_before.ends_with(char::is_alphabetic);
    is_quoting_body_noun(noun) && !english
}

/// Head nouns that make a quoted name a public body's whatever comes before the quote:
/// a legal form before it is a state institution's ('RUE "Institut de la pisciculture"',
/// 'FSBI "Centre scientifique d'expertise des produits médicaux"'). Not "Association",
/// "Bureau" or "Chambre": production associations and design bureaus are companies.
const QUOTED_BODY_HEADS: &[&str] = &[
    "Académie",
    "Agence",
    "Bibliothèque",
    "Centre",
    "Collège",
    "Conservatoire",
    "École",
    "Faculté",
    "Hôpital",
    "Inspection",
    "Institut",
    "Laboratoire",
    "Lycée",
    "Université",
];

/// Whether the name spanning `span` is quoted and opens with one of [`QUOTED_BODY_HEADS`].
pub(crate) fn quoted_body_name(text: &str, span: &Range<usize>) -> bool {
    quote_before(text, span.start).is_some()
        && text[span.clone()].split_whitespace().next().is_some_and(|first| QUOTED_BODY_HEADS.contains(&first))
}

/// Whether the name at `name_start` is that of a body several states set up: "interétatique"
/// in the noun phrase right before it ("la Compagnie interétatique de télévision et de
/// radio \"Mir\"", "la société interétatique Mir", "la MTRK \"Mir\""), which names an
/// institution whatever its head noun (ANNOTATION.md: bodies of the CIS are institutions).
pub(crate) fn after_interstate_noun(text: &str, name_start: usize) -> bool {
    let before = tail(&text[..name_start], INTERSTATE_WINDOW);
    // The noun phrase only: not across a sentence or a clause.
    let phrase = &before[before.rfind(['.', ';', ':', ',', '(', ')']).map_or(0, |p| p + 1)..];
    // "la MTRK \"Mir\"": the Russian initials of an interstate television and radio company.
    phrase.split_whitespace().any(|w| matches!(w.trim_matches(['"', '«', '“']), "interétatique" | "MTRK"))
}

/// Whether the name at `span` is a university's acronym in a reference's publisher slot
/// ("Vitebsk : VGU, 2021", "Gandja : GDU, 2020", "Och : OshSU"): universities print their
/// own proceedings, and their Russian and English acronyms end in the U of "universitet",
/// "university" (ANNOTATION.md: universities are institutions).
pub(crate) fn university_in_publisher_slot(text: &str, span: &Range<usize>) -> bool {
    let name = &text[span.clone()];
    let letters = name.chars().filter(|c| c.is_ascii_uppercase()).count();
    name.len() >= 3
        && name.chars().all(|c| c.is_ascii_alphabetic())
        && name.ends_with('U')
        && letters * 2 > name.len()
        && text[..span.start].trim_end().ends_with(':')
}

/// How far back [`after_interstate_noun`] reads: a body's noun and its complement.
const INTERSTATE_WINDOW: usize = 72;

/// Nouns of events and brands, whose name after them is the event's or the brand's, even
/// named like a firm ("l'exposition Belagroprom", "l'exposition \"Innoprom\"", "le salon
/// international \"Interagromash\"", "de marque Palese"): events are not marked
/// (ANNOTATION.md).
const EVENT_NOUNS: &[&str] = &[
    "exposition",
    "expositions",
    "exhibition",
    "salon",
    "salons",
    "foire",
    "foires",
    "forum",
    "forums",
    "festival",
    "festivals",
    "concours",
    "conférence",
    "congrès",
    "exercices",
    "marque",
];

/// Whether the name that starts at `name_start` follows an event's noun ([`EVENT_NOUNS`]),
/// maybe with its quote and up to two lowercase adjectives between ("l'exposition
/// industrielle internationale \"Innoprom\"").
pub(crate) fn after_event_noun(text: &str, name_start: usize) -> bool {
    let before = before_opening_quote(text, name_start);
    // "la société d'exposition BI Expo": a firm whose trade the noun names.
    let complement = |token: &str| token.starts_with("d'") || token.starts_with("d’");
    tokens_backwards(text, before.len().saturating_sub(80), before.len())
        .take(3)
        .take_while(|&(_, token)| !complement(token))
        .map(|(_, token)| strip_elision(token))
        .take_while(|word| !word.is_empty() && word.chars().all(|c| c.is_lowercase() || c == '-'))
        .any(|word| EVENT_NOUNS.iter().any(|noun| noun.eq_ignore_ascii_case(word)))
}

/// The text before a name that starts at `name_start`, without the spaces and opening
/// quotes right before it.
fn before_opening_quote(text: &str, name_start: usize) -> &str {
    text[..name_start].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '«'))
}

/// Where the last word of `text` starts: after its last whitespace, or at 0.
fn last_word_start(text: &str) -> usize {
    text.char_indices().rev().find(|&(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8())
}

/// Where the quote opens right before a quoted name that starts at `name_start`.
fn quote_before(text: &str, name_start: usize) -> Option<usize> {
    let before = before_opening_quote(text, name_start);
    text[before.len()..name_start].contains(['"', '“', '«']).then_some(before.len())
}

/// Legal forms too short to be cues ("JV", "SE") are still never part of a name.
/// Among them the republican unitary enterprise (RUE) and the kinds of state companies
/// Russian names put beside the legal form: national company (NC, NK, NAK), oil company
/// (ANK), production association (PA), group (GK), Kazakhstan's social-entrepreneurial
/// corporations (SEC) and republican state enterprises (RSE), national atomic company (NAC),
/// holding companies (HC; OJSHC and OSHC in Tajikistan), rocket and space centres (RSC), the
/// interstate television and radio company (MTRK, [`after_interstate_noun`]); and
/// the Baltic companies' forms (UAB, AB in Lithuania, SIA in Latvia).
const SHORT_LEGAL_FORMS: &[&str] = &[
    "JV", "SE", "AO", "SP", "UE", "IP", "PE", "SA", "AG", "UP", "RUP", "IOOO", "ChUP", "RUE", "RUPE", "NC", "NK",
    "NAK", "ANK", "PA", "GK", "TNC", "SEC", "RSE", "NAC", "HC", "OJSHC", "OSHC", "RSC", "MTRK", "UAB", "AB", "SIA",
    "Firm", "AFK",
];

/// Legal forms written only after the name: "Millat Tractors Limited". (Before a name the
/// word is English: "Limited Edition".)
const POSTPOSED_LEGAL_FORMS: &[&str] = &["Limited"];

/// The longest legal form ("Limited").
const LONGEST_LEGAL_FORM: usize = 7;

pub(crate) fn is_legal_form(word: &str) -> bool {
    // Every legal form is a short word opening with an ASCII capital: most words of a text
    // are turned away before the lists are searched (this runs on most tokens the unlisted
    // names' reader reads).
    if word.len() > LONGEST_LEGAL_FORM || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    LEGAL_FORMS.contains(&word) || SHORT_LEGAL_FORMS.contains(&word) || POSTPOSED_LEGAL_FORMS.contains(&word)
}

fn is_business_noun(word: &str) -> bool {
    BUSINESS_NOUNS.contains(&word)
}

/// Whether `word` is a business noun (`Some(false)`) or a noun of plants (`Some(true)`).
fn business_or_plant_noun(word: &str) -> Option<bool> {
    if is_business_noun(word) {
        Some(false)
    } else {
        is_factory_noun(word).then_some(true)
    }
}

/// A noun of plants, singular or plural ("usine", "combinats", "Laiteries").
fn is_factory_noun(word: &str) -> bool {
    is_factory_head(word.strip_suffix('s').unwrap_or(word))
}

/// The lengths in bytes of [`FACTORY_HEADS`] ("Port" to "chocolaterie").
const FACTORY_HEAD_LENGTHS: std::ops::RangeInclusive<usize> = 4..=12;

/// Whether `word` is one of [`FACTORY_HEADS`]. The readers ask it of many words: most are
/// turned away by their length before the list is searched.
fn is_factory_head(word: &str) -> bool {
    FACTORY_HEAD_LENGTHS.contains(&word.len()) && FACTORY_HEADS.contains(&word)
}

/// The words right before an opening quote that say a firm's name is quoted: the short
/// legal forms, which the scan does not spot ("SA" is also "sa"), and the nouns of plants
/// ("la SA "Floarea Soarelui"", "l'usine "Orhei-Vit"", "les laiteries "Lapte"").
/// Their offsets, as candidates for [`find`]; quotes are few.
fn quoted_after_firm_words(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'"', 0xAB, 0x9C, bytes).filter_map(move |q| {
        // '"', and the last bytes of '«' (C2 AB) and '“' (E2 80 9C).
        let open = match bytes[q] {
            b'"' => q,
            0xAB if q > 0 && bytes[q - 1] == 0xC2 => q - 1,
            0x9C if q > 1 && bytes[q - 2] == 0xE2 && bytes[q - 1] == 0x80 => q - 2,
            _ => return None,
        };
        // The legal form may end the line above ("le RUE\n\n"Belenergosetproekt"").
        let before = text[..open].trim_end_matches(char::is_whitespace);
        if before.len() == open {
            return None; // a closing quote, glued to the name
        }
        let start = last_word_start(before);
        let word = strip_elision(&before[start..]);
        if SHORT_LEGAL_FORMS.contains(&word)
            || is_factory_noun(word)
            || is_business_noun(word)
            || is_quoting_body_noun(word)
            || QUOTING_FIRM_NOUNS.contains(&word)
            || (word == "édition" && names_a_publishing_house(&before[..start]))
        {
            return Some(start);
        }
        // 'le journal régional "Ak Jaïyk"': one adjective after a noun that quotes names.
        if is_lower_word(word) {
            let head = before[..start].trim_end();
            let noun_start = last_word_start(head);
            if QUOTING_FIRM_NOUNS.contains(&strip_elision(&head[noun_start..])) {
                return Some(noun_start);
            }
        }
        // "l'association de production "Azersilah"": a production company.
        if word == "production" {
            let head = before[..start].trim_end().strip_suffix("de").map(str::trim_end)?;
            let noun_start = last_word_start(head);
            let noun = strip_elision(&head[noun_start..]);
            return matches!(noun, "association" | "Association").then_some(noun_start);
        }
        described_noun_before(text, start)
    })
}

/// The start of a plant or business noun that lowercase words describing what it makes
/// separate from `at` ("la fabrique de tapis" before "\"Vitebskie kovry\""), at most
/// [`MAX_DESCRIBING_WORDS`] back.
fn described_noun_before(text: &str, at: usize) -> Option<usize> {
    let mut words = tokens_backwards(text, at.saturating_sub(120), at);
    for _ in 0..=MAX_DESCRIBING_WORDS {
        let (start, token) = words.next()?;
        let word = strip_elision(token);
        if is_factory_noun(word) || is_business_noun(word) || QUOTING_FIRM_NOUNS.contains(&word) {
            return Some(start);
        }
        // 'les entreprises d'État "Volyntorf" et "Rivnetorf"'.
        if !says_what_it_makes(token) && !is_of_the_state(token) {
            return None;
        }
    }
    None
}

/// A word of what a firm makes or is, between its noun and its quoted name: "de", "du",
/// "des", "et", "d'accumulateurs", or a lowercase word that is no article, verb or
/// function word ("a choisi le \"X\"" is a clause).
fn says_what_it_makes(token: &str) -> bool {
    if matches!(token, "de" | "des" | "du" | "et") {
        return true;
    }
    let elided_de = token.starts_with("d'") || token.starts_with("d’");
    let word = strip_elision(token);
    (elided_de || word.len() == token.len())
        && is_lower_word(word)
        && !not_in_names(word)
        && !matches!(word, "le" | "la" | "les" | "un" | "une")
}

/// Connectors allowed between the capitalised words of a name ("Lida Dairy and Canning Plant").
const CONNECTORS: &[&str] = &["and", "&", "of"];

/// Words that may stand between a business noun and the name ("la société ouzbèke X",
/// "la coentreprise biélorusse-ouzbèke X"): lowercase adjectives, at most two.
const MAX_ADJECTIVES: usize = 2;

/// A whitespace-separated token of the original text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token<'a> {
    pub(crate) start: usize,
    pub(crate) text: &'a str,
}

impl<'a> Token<'a> {
    /// The rest of the token after the first of `prefixes` it starts with, if any.
    pub(crate) fn strip_prefix(&self, prefixes: &[&str]) -> Option<Token<'a>> {
        let rest = prefixes.iter().find_map(|p| self.text.strip_prefix(p))?;
        Some(Token { start: self.start + (self.text.len() - rest.len()), text: rest })
    }
}

/// The cue words of unlisted firms (legal forms, business nouns and nouns of plants: "la
/// société X", "l'usine X"), for the scan to spot as it reads words. Not the heads that are
/// nouns only capitalised ("Port", "Régie"): "à Port Klang", "la Régie Autonome".
pub fn cue_words() -> impl Iterator<Item = &'static str> {
    let plants = FACTORY_HEADS.iter().filter(|head| head.starts_with(char::is_lowercase));
    LEGAL_FORMS.iter().chain(POSTPOSED_LEGAL_FORMS).chain(BUSINESS_NOUNS).chain(POSTPOSED_HEADS).chain(plants).copied()
}

/// English head nouns written after a firm's name, and part of it: "Minsk Tractor Works",
/// "Palmarium Academic Publishing" (a publisher, in the references); but "Holding", the
/// organisational form, is left outside the name it cues ("Belstroytsentr Holding" is
/// `Belstroytsentr`, [`without_forms`]).
const POSTPOSED_HEADS: &[&str] = &[
    "Holding",
    "Group",
    "Plant",
    "Works",
    "Factory",
    "Industries",
    "Company",
    "Corporation",
    "Mills",
    "Motors",
    "Publishing",
    "Publishers",
    // "Turkish Airlines", "Uzbekistan Airways", "Khan Bank", "Golomt Bank".
    "Airlines",
    "Airways",
    "Bank",
];

/// Capitalised French words that open a sentence, never a firm's name.
const FUNCTION_WORDS: &[&str] = &[
    "Le",
    "La",
    "Les",
    "Un",
    "Une",
    "Des",
    "Du",
    "De",
    "Ce",
    "Cet",
    "Cette",
    "Ces",
    "En",
    "Dans",
    "Avec",
    "Par",
    "Pour",
    "Selon",
    "Et",
    "Mais",
    "Au",
    "Aux",
    "Sur",
    "Son",
    "Sa",
    "Ses",
    "Leur",
    "Leurs",
    "Notre",
    "Nos",
    "Chez",
    "Depuis",
    "Après",
    "Avant",
    "Ainsi",
    "Donc",
    "Puis",
    "Entre",
    "Parmi",
    "Lors",
    "Outre",
    "Malgré",
    "Grâce",
    "Dès",
    "Il",
    "Elle",
    "Ils",
    "Elles",
    "On",
    "Nous",
    "Cependant",
    "Toutefois",
    "Enfin",
];

/// The name a postposed head (`tokens[i]`) ends: one to [`MAX_HEADED_WORDS`] capitalised
/// words right before it ("Niva Holding", "Brestmyasomolprom Concern Holding Management
/// Company"), and after "of" the capitalised words, joined by "and", that say what the
/// firm makes ("Gomel Plant of Automobile and Tractor Electrical Equipment"). A head
/// followed by another capitalised word is inside the name, not its end.
fn name_with_head(tokens: &[Token], i: usize) -> Option<Range<usize>> {
    let core = |t: &Token| t.text.trim_end_matches([',', ';', ':', '.', ')', '"']).len();
    let ends_phrase = |t: &Token| core(t) < t.text.len();
    let head = tokens[i];
    if !ends_phrase(&head) && tokens.get(i + 1).is_some_and(|t| is_capitalised(t.text)) {
        return None;
    }
    let stops = |k: usize| {
        let t = &tokens[k];
        let word = strip_elision(t.text);
        ends_phrase(t)
            || word.contains([',', ';', ':', '(', ')', '"'])
            || !is_capitalised(word)
            || is_legal_form(word)
            || FUNCTION_WORDS.contains(&word)
    };
    // "and" joins what the firm does ("Metals and Engineering Corporation"), between
    // capitalised words.
    let joins = |k: usize| matches!(tokens[k].text, "and" | "&") && k > 0 && !stops(k - 1);
    let mut first = i;
    while first > 0 && i - first < MAX_HEADED_WORDS {
        let k = first - 1;
        if stops(k) && !joins(k) {
            break;
        }
        first -= 1;
        if strip_elision(tokens[k].text).len() < tokens[k].text.len() {
            break;
        }
    }
    if matches!(tokens[first].text, "and" | "&") {
        first += 1;
    }
    if first == i {
        return None;
    }
    let start_token = tokens[first];
    let start = start_token.start + (start_token.text.len() - strip_elision(start_token.text).len());
    let mut end = head.start + core(&head);
    if !ends_phrase(&head) && tokens.get(i + 1).is_some_and(|t| t.text == "of") {
        for t in &tokens[i + 2..tokens.len().min(i + 2 + MAX_HEADED_WORDS)] {
            if t.text == "and" {
                continue;
            }
            if !is_capitalised(t.text) {
                break;
            }
            end = t.start + core(t);
            if ends_phrase(t) {
                break;
            }
        }
    }
    Some(start..end)
}

/// Most capitalised words before a postposed head, or after its "of".
const MAX_HEADED_WORDS: usize = 5;

/// The first words of territory designators, for the scan to spot as it reads words.
pub fn designator_words() -> impl Iterator<Item = &'static str> {
    TERRITORY_DESIGNATORS.iter().map(|d| d[0])
}

/// `word` is `designator`, whatever its case ("Établissement rural de ...").
fn same_word(word: &str, designator: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).eq(designator.chars())
}

/// Whether a territory's name opens with a designator of two words ("région économique de
/// Lankaran", "district urbain de Sosnovy Bor"), which no listed name holds.
pub fn opens_with_two_word_designator(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    TERRITORY_DESIGNATORS.iter().any(|d| d.len() == 2 && same_word(first, d[0]) && second == d[1])
}

/// The span of an unlisted territory whose designator starts at byte `at` of `text`:
/// the designator, "de" or "d'" (or "de l'" before the name), and a name of one to
/// [`MAX_TERRITORY_WORDS`] capitalised words ("district \n\nurbain de Sosnovoborski",
/// "oblast de l'Amour"), and whether the designator is inside the span (not for
/// [`NAME_ONLY_DESIGNATORS`]: "village de Kichketan" is `Kichketan`). The name must not be
/// a compass point. (That the span overlaps no mention, a listed territory being found as
/// itself, is the caller's to check.)
pub fn territory_at(text: &str, at: usize) -> Option<(Range<usize>, bool)> {
    // ASCII whitespace only: a designator is nearly always followed by an adjective or an
    // article, and Unicode-aware splitting cost some 3,000 instructions a call.
    // The designator's first word, looked up before the words after it are read.
    head_word_at(text, at, |c| c.is_ascii_whitespace())?;
    let mut tokens = text[at..]
        .split_ascii_whitespace()
        .map(|t| Token { start: t.as_ptr() as usize - text.as_ptr() as usize, text: t })
        .take(MAX_TERRITORY_WORDS + 4)
        .peekable();
    let first = tokens.next()?;
    // Lengths first: a capital takes as many bytes as its small letter in these words.
    let designator = TERRITORY_DESIGNATORS.iter().find(|d| {
        d[0].len() == first.text.len()
            && same_word(first.text, d[0])
            && d.get(1).is_none_or(|second| tokens.peek().is_some_and(|t| t.text == *second))
    })?;
    let inside = designator.len() == 2 || !NAME_ONLY_DESIGNATORS.contains(&designator[0]);
    if designator.len() == 2 {
        tokens.next();
    }
    // The preposition, and where the name starts.
    let preposition = tokens.next()?;
    let name_start = if let Some(name) = preposition.strip_prefix(&["d'", "d’"]) {
        name
    } else if preposition.text == "de" {
        let next = tokens.next()?;
        next.strip_prefix(&["l'", "l’"]).unwrap_or(next)
    } else if preposition.text == "du" && designator[0] == "vallée" {
        // A valley named after its river ("la vallée du Vakhch").
        tokens.next()?
    } else {
        return None;
    };
    let mut end = None;
    let from = if inside { at } else { name_start.start };
    for (k, token) in std::iter::once(name_start).chain(tokens).enumerate() {
        // A word of the name: letters, hyphens and apostrophes, up to the first other char.
        let word = crate::places::word_of(token.text);
        // A capitalised word that opens a sentence ends the name (a subtitle's last name,
        // then the text: "la vallée de Zeravchan\n\nParmi les régions").
        if k == MAX_TERRITORY_WORDS
            || !is_capitalised(word)
            || (k == 0 && COMPASS_NAMES.contains(&word))
            || (k > 0 && FUNCTION_WORDS.contains(&word))
        {
            break;
        }
        end = Some(token.start + word.len());
        // Punctuation or a digit ends the name; a hyphen at a line's end joins the word to
        // the next line's ("Gandja-\n\nGazakh").
        if word.len() < token.text.len() && !token.text[word.len()..].eq("-") {
            break;
        }
    }
    Some((from..end?, inside))
}

/// Byte spans of unlisted firm names in `text`.
///
/// `cues` are the byte offsets of the words that may be cue words (the scan spots them by
/// their folded hash, so the list may hold a few false ones: each is checked here).
/// `taken` are the spans of the mentions already found (sorted, not overlapping): a name may
/// contain a place mention ("Zdravushka Tashkent", "Minsk City Technopark") but not overlap
/// a firm, institution or state, which `is_named` reports.
pub fn find(text: &str, cues: &[usize], taken: &[Range<usize>], is_named: &dyn Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let colons = memchr::memchr_iter(b':', text.as_bytes()).filter(|&c| is_publisher_colon(text, c));
    let quoted = quoted_after_firm_words(text);
    let mut candidates: Vec<usize> = cues.iter().copied().chain(colons).chain(quoted).collect();
    candidates.sort_unstable();
    candidates.dedup();
    for at in candidates {
        // A cue after an elided article ("l'entreprise") starts its token with the article.
        let before = &text[..at];
        let elided = ["l'", "l’", "L'", "L’", "d'", "d’"].iter().find(|e| {
            let article_at = before.len().saturating_sub(e.len());
            before.ends_with(*e) && (article_at == 0 || before[..article_at].ends_with(char::is_whitespace))
        });
        let at = elided.map_or(at, |e| at - e.len());
        // "(OJSC "Orchanski lnokombinat")": a legal form may open a parenthesis, whose
        // token then starts with it.
        let at = if before.ends_with('(') && at == before.len() { at - 1 } else { at };
        // Tokens are made only in a window around each candidate.
        if at > 0 && !text[..at].ends_with(char::is_whitespace) {
            continue;
        }
        // A cue inside a mention ("Plant" of "Minsk Automobile Plant") names nothing new.
        let inside = taken.partition_point(|t| t.start <= at);
        if inside > 0 && at < taken[inside - 1].end {
            continue;
        }
        let Some((window_start, tokens, i)) = tokens_around(text, at) else { continue };
        let Some(local) = span_at(&tokens, i) else { continue };
        let span = without_forms(text, window_start + local.start..window_start + local.end);
        let quoted_round = |span: &Range<usize>| {
            text[..span.start].trim_end().ends_with(['"', '“', '«'])
                && text[span.end..].trim_start().starts_with(['"', '”', '»'])
        };
        // Quotes close a name round all its words ('LLC "Minsk and Partners"').
        let span = if quoted_round(&span) { span } else { without_place_joined_by_and(text, span, taken) };
        // A footnote call glued to the name's last word ("la société biélorusse Gurtam324.").
        let span = match without_footnote_call(&text[span.clone()], |name| name.ends_with(char::is_lowercase)) {
            Some(uncalled) => span.start..span.start + uncalled.len(),
            None => span,
        };
        // A place inside or at the head of the name is absorbed ("Minsk City Technopark
        // LLC"); a firm, institution or state is not, unless quotes close the name round
        // it ("la coentreprise « Asia-Belarus Machinery »": the state is part of the name).
        let quoted = quoted_round(&span);
        let clashes = overlapping(taken, &span).any(|t| {
            is_named(t.start) && !(quoted && span.start <= t.start && t.end <= span.end && t.len() < span.len())
        });
        // A place's name alone in quotes after a legal form or a firm's noun is the firm's
        // ('JSC "Apatit"', 'la société "Minsk"'); a named mention round it stays.
        let inside_taken = overlapping(taken, &span)
            .any(|t| t.start <= span.start && span.end <= t.end && !(quoted && *t == span && !is_named(t.start)));
        // A mention is absorbed whole or not at all: one that sticks out of the name (a
        // territory "région d'X" ending inside it) keeps its place.
        let straddled = overlapping(taken, &span).any(|t| t.start < span.start || span.end < t.end);
        if !clashes && !inside_taken && !straddled && !found.iter().any(|f| f.start < span.end && span.start < f.end) {
            found.push(span);
        }
    }
    found.sort_by_key(|r| r.start);
    found
}

/// Most words between a plant's head noun and its number ("Usine de réparation
/// aéronautique n° 558").
const MAX_NUMBERED_PLANT_WORDS: usize = 5;

/// The names of plants known by their number, as Soviet plants are: a plant's head noun
/// ([`FACTORY_HEADS`]), up to [`MAX_NUMBERED_PLANT_WORDS`] lowercase words saying what it
/// does, then "n°" and the number ("l'Usine de réparation aéronautique n° 558", "l'usine
/// de réparation n° 140"). The town after it is not part of the name.
pub fn numbered_plant_names(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    // memchr's searcher: the standard library's reads the whole text several times slower.
    for at in memchr::memmem::find_iter(text.as_bytes(), "n°".as_bytes()) {
        if at > 0 && !text[..at].ends_with(char::is_whitespace) {
            continue;
        }
        let number = text[at + "n°".len()..].trim_start_matches(' ');
        let digits = number.len() - number.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            continue;
        }
        let end = text.len() - number.len() + digits;
        let mut rest = text[..at].trim_end();
        for _ in 0..=MAX_NUMBERED_PLANT_WORDS {
            let word_start = last_word_start(rest);
            let word = &rest[word_start..];
            let bare = strip_elision(word);
            if is_factory_head(bare) {
                found.push(word_start + (word.len() - bare.len())..end);
                break;
            }
            if word.is_empty() || !word.chars().all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-')) {
                break;
            }
            rest = rest[..word_start].trim_end();
        }
    }
    found
}

/// Words that say what kind of company follows, written in a name's quotes as Russian
/// names put them beside the legal form: "Production Association" (PA), a transnational
/// company (TNC). The name is what follows them ("RUE "Production Association
/// Belorusneft"", "JSC "TNC Kazchrome"").
const KIND_WORDS_IN_NAMES: &[&str] = &["Production Association", "TNC"];

/// `span` without the organisational forms round the name: the leading
/// [`KIND_WORDS_IN_NAMES`] or legal form, when a capitalised word follows them, and a
/// trailing "Holding".
fn without_forms(text: &str, span: Range<usize>) -> Range<usize> {
    let name = &text[span.clone()];
    let words = head_opening(name, KIND_WORDS_IN_NAMES)
        .and_then(|head| head_rest(name, head))
        .map(|rest| name.len() - rest.len())
        .or_else(|| {
            let first = name.split(char::is_whitespace).next()?;
            is_legal_form(first).then_some(first.len())
        });
    let span = match words {
        Some(words) => {
            let skipped = name.len() - name[words..].trim_start().len();
            if skipped < name.len() && starts_upper(&name[skipped..]) {
                span.start + skipped..span.end
            } else {
                span
            }
        }
        None => span,
    };
    match before_holding(&text[span.clone()]) {
        Some(rest) => span.start..span.start + rest.len(),
        None => span,
    }
}

/// The name before a trailing "Holding" or "Holding Group", the organisational form, outside
/// the name as a legal form is ("Gomselmash Holding" is `Gomselmash`, "Zhejiang Geely Holding
/// Group" `Zhejiang Geely`): for unlisted names here, for listed ones at the end of the
/// extraction.
pub(crate) fn before_holding(name: &str) -> Option<&str> {
    ["Holding Group", "Holding"]
        .iter()
        .find_map(|form| name.strip_suffix(form).filter(|rest| rest.ends_with(char::is_whitespace)).map(str::trim_end))
        .filter(|rest| starts_upper(rest))
}

/// A colon that may introduce a publisher: " : Name, 2017", the name maybe on the next
/// line (" : \nName, 2019").
fn is_publisher_colon(text: &str, colon: usize) -> bool {
    let bytes = text.as_bytes();
    if colon == 0 || bytes[colon - 1] != b' ' || !bytes.get(colon + 1).is_some_and(u8::is_ascii_whitespace) {
        return false;
    }
    // Most colons open no name: turned away on their next letter, before reading words.
    let rest = &text[colon + 1..];
    if !rest.trim_start().starts_with(char::is_uppercase) {
        return false;
    }
    publisher_words(rest.split_whitespace()).is_some()
}

/// Most words of a publisher's name ("Belaruskaya navuka", "Logos Press").
const MAX_PUBLISHER_WORDS: usize = 3;

/// How many of `words`, the words after a reference's colon, name its publisher: a
/// capitalised word, up to [`MAX_PUBLISHER_WORDS`] words of letters in all, the last
/// before a comma, then the year ("Minsk : Biznesofset, 2017", "Minsk : Belaruskaya
/// navuka, 2021").
fn publisher_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<usize> {
    // Read into an array: most colons are read here, and a vector would be allocated for each.
    let mut read = [""; MAX_PUBLISHER_WORDS + 1];
    let count = read.iter_mut().zip(words).map(|(slot, word)| *slot = word).count();
    let words = &read[..count];
    let is_year = |word: &str| {
        let year = word.trim_end_matches(['.', ',', ';']);
        year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())
    };
    if !is_capitalised(words.first()?.trim_end_matches(',')) {
        return None;
    }
    for (k, word) in words.iter().enumerate().take(MAX_PUBLISHER_WORDS) {
        if let Some(last) = word.strip_suffix(',') {
            let letters = last.chars().all(|c| c.is_alphabetic() || c == '-');
            return (letters && words.get(k + 1).is_some_and(|w| is_year(w))).then_some(k + 1);
        }
        if !word.chars().all(|c| c.is_alphabetic() || c == '-') {
            return None;
        }
    }
    None
}

/// How far around a cue the name and its context may reach, in bytes.
const WINDOW_BEFORE: usize = 160;
const WINDOW_AFTER: usize = 240;

/// The tokens of a window around the cue at `at`: where the window starts, its tokens and
/// the cue's index among them. A small window is read first, and the whole one only when
/// the small one holds fewer tokens on either side than [`span_at`] may read (it reads at
/// most nine before the cue and thirteen after): a cue's tokens were most of the time of
/// unlisted firms, and most of them were never read.
fn tokens_around(text: &str, at: usize) -> Option<(usize, Vec<Token<'_>>, usize)> {
    const SMALL_BEFORE: usize = 96;
    const SMALL_AFTER: usize = 160;
    const TOKENS_BEFORE: usize = 10;
    const TOKENS_AFTER: usize = 14;
    let (start, end, tokens, i) = window_tokens(text, at, SMALL_BEFORE, SMALL_AFTER)?;
    let enough_before = start == 0 || i >= TOKENS_BEFORE;
    let enough_after = end == text.len() || tokens.len() - i > TOKENS_AFTER;
    if enough_before && enough_after {
        return Some((start, tokens, i));
    }
    let (start, _, tokens, i) = window_tokens(text, at, WINDOW_BEFORE, WINDOW_AFTER)?;
    Some((start, tokens, i))
}

/// The tokens of the window of whole tokens from about `before` bytes before `at` to about
/// `after` bytes after it: where it starts and ends, its tokens, and the index of the one
/// that starts at `at`.
fn window_tokens(text: &str, at: usize, before: usize, after: usize) -> Option<(usize, usize, Vec<Token<'_>>, usize)> {
    let start = window_edge(text, at.saturating_sub(before), true);
    let end = window_edge(text, (at + after).min(text.len()), false);
    if start > at || end <= at {
        return None;
    }
    let tokens = tokenize(&text[start..end]);
    let i = tokens.iter().position(|t| start + t.start == at)?;
    Some((start, end, tokens, i))
}

/// "d'État" after a body's or a company's noun: the one capitalised word that describes it
/// ("l'Université technique d'État", "les entreprises d'État "Volyntorf"").
fn is_of_the_state(token: &str) -> bool {
    matches!(token, "d'État" | "d’État")
}

/// Longer than any head noun a rule looks up in its list.
pub(crate) const HEAD_WORD_MAX: usize = 64;

/// The word at `at`, up to the first char that `ends` (or the text's end), if it is at most
/// [`HEAD_WORD_MAX`] bytes long: a longer one is in no list of head nouns. Reading a word to
/// its end whatever its length made a text without spaces quadratic, each head noun in it
/// reading the rest of the text.
pub(crate) fn head_word_at(text: &str, at: usize, ends: impl Fn(char) -> bool) -> Option<&str> {
    let window = head(&text[at..], HEAD_WORD_MAX + 1);
    match window.find(ends) {
        Some(p) => Some(&window[..p]),
        None if at + window.len() == text.len() => Some(window),
        None => None,
    }
}

/// A window edge moved onto whitespace, so that the window holds whole tokens.
fn window_edge(text: &str, mut at: usize, forward: bool) -> usize {
    if at == 0 || at >= text.len() {
        return at.min(text.len());
    }
    at = floor_char_boundary(text, at);
    if forward {
        text[at..].find(char::is_whitespace).map_or(text.len(), |p| at + p)
    } else {
        text[..at].rfind(char::is_whitespace).unwrap_or(0)
    }
}

/// `span`, a firm's name read before its head noun, without a mention of `taken` and the
/// "and" after it: "Minsk and Gomel Plant" is `Gomel Plant`, for "and" joins what a firm
/// does ("Metals and Engineering Corporation"), not a place to its name.
fn without_place_joined_by_and(text: &str, span: Range<usize>, taken: &[Range<usize>]) -> Range<usize> {
    let Some(and) = text[span.clone()].find(" and").map(|k| span.start + k) else { return span };
    let after = &text[and + 4..];
    if !after.starts_with(char::is_whitespace) || overlapping(taken, &(span.start..and)).next().is_none() {
        return span;
    }
    and + 4 + (after.len() - after.trim_start().len())..span.end
}

/// The firm name that the cue token `tokens[i]` points at, if any.
fn span_at(tokens: &[Token], i: usize) -> Option<Range<usize>> {
    let token = tokens[i];
    let word = token.text.trim_end_matches([',', ';', ':', ')', '.', '"']);
    // "l'OJSC "Belvest"": after an elided article the legal form opens the name's phrase.
    let bare = strip_elision(word);
    let elided = bare.len() < word.len();
    // A legal form that opens a parenthesis opens the name after it: the words before the
    // parenthesis are another name's ("le Combinat de lin d'Orcha (OJSC "Orchanski
    // lnokombinat")").
    if let Some(form) = token.text.strip_prefix('(').filter(|form| is_legal_form(form)) {
        let after = past_legal_forms(tokens, i);
        return (!POSTPOSED_LEGAL_FORMS.contains(&form)).then(|| name_after(tokens, after)).flatten();
    }
    if is_legal_form(bare) || is_legal_form(token.text) {
        let after = past_legal_forms(tokens, i);
        if elided {
            return name_after(tokens, after);
        }
        if POSTPOSED_LEGAL_FORMS.contains(&word) {
            return name_before(tokens, i);
        }
        name_before(tokens, i).or_else(|| name_after(tokens, after))
    } else if let Some(plant) = business_or_plant_noun(strip_elision(token.text)) {
        // "l'usine de Kungrad" is the plant of a town: a plant's name follows its noun and
        // adjectives with no preposition ("l'usine Zvezdotchka").
        let mut j = i + 1;
        // The adjectives, and a state company's "d'État" among them ("l'entreprise d'État
        // OJSC "Barqi Tojik"", not a firm named "État"; "l'entreprise d'État cubaine
        // TRANSIMPORT").
        let mut adjectives = 0;
        while let Some(token) = tokens.get(j) {
            if is_of_the_state(token.text) {
                j += 1;
            } else if adjectives < MAX_ADJECTIVES && is_lower_word(token.text) {
                if plant && (matches!(token.text, "de" | "du" | "des") || strip_elision(token.text) != token.text) {
                    return quoted_name_after_what_it_makes(tokens, i);
                }
                j += 1;
                adjectives += 1;
            } else {
                break;
            }
        }
        if plant && tokens.get(j).is_some_and(|t| strip_elision(t.text).len() < t.text.len()) {
            return quoted_name_after_what_it_makes(tokens, i);
        }
        // "la société biélorusse UP "Polimerkonstruktsiya"": a legal form may come first.
        if tokens.get(j).is_some_and(|t| is_legal_form(t.text)) {
            j += 1;
        }
        // "le groupe contrôle l'Association de ...": after an article, another noun phrase.
        let after_article =
            tokens.get(j).is_some_and(|t| ["l'", "l’", "L'", "L’"].iter().any(|a| t.text.starts_with(a)));
        (!after_article)
            .then(|| name_after(tokens, j))
            .flatten()
            .or_else(|| appositive_name(tokens, i))
            .or_else(|| quoted_name_after_what_it_makes(tokens, i))
    } else if QUOTING_FIRM_NOUNS.contains(&bare)
        || (bare == "édition" && elided && i.checked_sub(1).is_some_and(|k| names_a_publishing_house(tokens[k].text)))
    {
        // 'la chaîne "Nomin"', 'le marché "Dordoï"': only a quoted name, maybe after one
        // adjective ('le journal régional "Ak Jaïyk"', 'la chaîne publique "Khabar"').
        let quoted = |t: &Token| opens_quote(t.text) || quoted_span(t).is_some();
        let adjective = QUOTING_FIRM_NOUNS.contains(&bare)
            && tokens.get(i + 1).is_some_and(|t| {
                is_lower_word(t.text)
                    && strip_elision(t.text) == t.text
                    && !matches!(t.text, "de" | "du" | "des" | "et")
            })
            && tokens.get(i + 2).is_some_and(quoted);
        let mut at = if adjective { i + 2 } else { i + 1 };
        // 'les entreprises d'État "Volyntorf" et "Rivnetorf"'.
        if !adjective && tokens.get(at).is_some_and(|t| is_of_the_state(t.text)) {
            at += 1;
        }
        let next = tokens.get(at)?;
        quoted(next).then(|| name_after(tokens, at)).flatten()
    } else if is_quoting_body_noun(bare) {
        // "l'association de production "Azersilah"" (a company: the caller reads the
        // noun right before the quote).
        let production = tokens.get(i + 1).is_some_and(|t| t.text == "de")
            && tokens.get(i + 2).is_some_and(|t| t.text == "production");
        let i = if production { i + 2 } else { i };
        let next = tokens.get(i + 1)?;
        if let Some(quoted) = quoted_span(next) {
            return Some(quoted);
        }
        let last = (i + 2..tokens.len().min(i + 1 + MAX_QUOTED_WORDS)).find(|&k| closes_quote(tokens[k].text))?;
        opens_quote(next.text).then(|| quoted_between(tokens, i + 1, last)).flatten()
    } else if POSTPOSED_HEADS.contains(&word) {
        name_with_head(tokens, i)
    } else if token.text == ":" && i >= 1 && i + 2 < tokens.len() {
        // "Minsk : Biznesofset, 2017": city, colon, publisher, year.
        let words =
            publisher_words(tokens[i + 1..].iter().map(|t| t.text)).filter(|_| starts_upper(tokens[i - 1].text))?;
        let last = tokens[i + words];
        Some(tokens[i + 1].start..last.start + last.text.len() - 1)
    } else {
        None
    }
}

/// The index of the first token after the legal form at `i` and the one or two that may
/// follow it ("JSC NC "KazMunayGas"", "RUE PA").
fn past_legal_forms(tokens: &[Token], i: usize) -> usize {
    (i + 1..tokens.len().min(i + 3)).find(|&j| !is_legal_form(tokens[j].text)).unwrap_or(i + 3)
}

/// Most words between a business or plant noun and a quoted name: what the firm makes or
/// is ("la fabrique de tapis "Vitebskie kovry"", "le combinat minier et de traitement
/// "Anzob"", "l'usine d'accumulateurs "Energia"").
const MAX_DESCRIBING_WORDS: usize = 6;

/// The quoted name after the words saying what the firm of the noun at `noun` makes: up to
/// [`MAX_DESCRIBING_WORDS`] lowercase words (elided ones too, "d'accumulateurs"), then a
/// token that opens a quote.
fn quoted_name_after_what_it_makes(tokens: &[Token], noun: usize) -> Option<Range<usize>> {
    let mut j = noun + 1;
    while j < tokens.len() && j - noun <= MAX_DESCRIBING_WORDS && says_what_it_makes(tokens[j].text) {
        j += 1;
    }
    let first = tokens.get(j)?;
    (j > noun + 1 && (opens_quote(first.text) || quoted_span(first).is_some())).then(|| name_after(tokens, j))?
}

/// The name a business noun describes in apposition, when no name follows the noun:
/// "UzShoes, une entreprise de fabrication de chaussures", "Keramin, le plus grand
/// fabricant de carreaux". One capitalised word and a comma, then "un", "une", or "le"/"la"
/// "plus" and an adjective, then the noun. Words that open a sentence ("Ainsi,",
/// "Parallèlement,", "Aujourd'hui,", "Ensuite,") are no names.
fn appositive_name(tokens: &[Token], noun: usize) -> Option<Range<usize>> {
    let before = |k: usize| noun.checked_sub(k).and_then(|at| tokens.get(at)).map(|t| t.text);
    let name_at = match (before(1)?, before(2), before(3)) {
        ("un" | "une", _, _) => noun.checked_sub(2)?,
        (adjective, Some("plus"), Some("le" | "la")) if is_lower_word(adjective) => noun.checked_sub(4)?,
        _ => return None,
    };
    let name = tokens.get(name_at)?;
    let core = name.text.strip_suffix(',')?;
    let adverb = core.ends_with("ment") || core.contains(['\'', '’']);
    let word = core.chars().all(|c| c.is_alphanumeric() || c == '-');
    let opens_sentence = FUNCTION_WORDS.contains(&core) || SENTENCE_ADVERBS.contains(&core);
    (is_capitalised(core) && word && !adverb && core.len() >= 4 && !opens_sentence)
        .then(|| name.start..name.start + core.len())
}

/// Adverbs and connectors that open a sentence with a comma ("Ensuite, une société"), other
/// than those in -ment and [`FUNCTION_WORDS`].
const SENTENCE_ADVERBS: &[&str] = &[
    "Ensuite",
    "Enfin",
    "Aussi",
    "Alors",
    "Certes",
    "Toutefois",
    "Cependant",
    "Pourtant",
    "Désormais",
    "Bref",
    "Outre",
    "Surtout",
    "Sinon",
    "Hier",
    "Demain",
    "Ici",
    "Parfois",
    "Souvent",
    "Encore",
    "Également",
    "Comme",
    "Parmi",
    "Malgré",
    "Sans",
    "Lors",
    "Dès",
    "Déjà",
    "Bien",
    "Plus",
    "Moins",
    "Tout",
    "Toute",
    "Tous",
    "Chaque",
];

/// Whitespace-separated tokens. Works on bytes: ASCII whitespace, and the no-break and
/// thin spaces (U+00A0, U+2000..U+200A, U+202F) that PDF text carries.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    #[cfg(target_arch = "x86_64")]
    {
        tokenize_by_blocks(text)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        tokenize_bytes(text)
    }
}

/// Length of the whitespace that starts at byte `i` (0: none).
#[inline(always)]
fn space_at(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        0xC2 if bytes.get(i + 1) == Some(&0xA0) => 2,
        0xE2 if bytes.get(i + 1) == Some(&0x80)
            && bytes.get(i + 2).is_some_and(|&b| (0x80..=0x8A).contains(&b) || b == 0xAF) =>
        {
            3
        }
        _ => 0,
    }
}

/// [`tokenize`] byte by byte: on other targets, and the reference in tests.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn tokenize_bytes(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 6);
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let space = space_at(bytes, i);
        if space > 0 {
            if let Some(s) = start.take() {
                tokens.push(Token { start: s, text: &text[s..i] });
            }
            i += space;
        } else {
            start.get_or_insert(i);
            i += 1;
        }
    }
    if let Some(s) = start {
        tokens.push(Token { start: s, text: &text[s..] });
    }
    tokens
}

/// [`tokenize`] over the bytes that may begin whitespace (ASCII whitespace and the lead
/// bytes 0xC2 and 0xE2), found sixteen at a time with SSE2: a window around a cue is some
/// 400 bytes, and byte by byte it cost some 3,500 instructions.
#[cfg(target_arch = "x86_64")]
fn tokenize_by_blocks(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 6);
    // Where the token under way starts (the end of the last whitespace).
    let mut token_start = 0;
    let mut base = 0;
    while base < bytes.len() {
        let mut block = [0u8; 16];
        let window: &[u8; 16] = match bytes.get(base..base + 16) {
            Some(full) => full.try_into().expect("sixteen bytes"),
            None => {
                block[..bytes.len() - base].copy_from_slice(&bytes[base..]);
                &block
            }
        };
        // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
        let mut candidates = unsafe { space_candidates_sse2(window) };
        while candidates != 0 {
            let i = base + candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if i < token_start {
                continue;
            }
            let space = space_at(bytes, i);
            if space > 0 {
                if i > token_start {
                    tokens.push(Token { start: token_start, text: &text[token_start..i] });
                }
                token_start = i + space;
            }
        }
        base += 16;
    }
    if token_start < bytes.len() {
        tokens.push(Token { start: token_start, text: &text[token_start..] });
    }
    tokens
}

/// Bit `k` set where byte `k` of the window is ASCII whitespace, 0xC2 or 0xE2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn space_candidates_sse2(window: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    // SAFETY: the window is 16 bytes long; the load takes any alignment.
    let v = unsafe { _mm_loadu_si128(window.as_ptr().cast()) };
    let controls = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x08)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x0E)));
    let others = _mm_or_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0xC2_u8 as i8)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0xE2_u8 as i8))),
    );
    _mm_movemask_epi8(_mm_or_si128(controls, others)) as u32
}

/// The spans of `sorted` (by start) that overlap `span`.
fn overlapping<'a>(sorted: &'a [Range<usize>], span: &'a Range<usize>) -> impl Iterator<Item = &'a Range<usize>> + 'a {
    // Mentions do not overlap each other, so ends are sorted too.
    let first = sorted.partition_point(|t| t.end <= span.start);
    sorted[first..].iter().take_while(move |t| t.start < span.end)
}

/// The name ending right before token `at` (a legal form): capitalised words, or one
/// quoted string.
fn name_before(tokens: &[Token], at: usize) -> Option<Range<usize>> {
    let last = tokens.get(at.checked_sub(1)?)?;
    if let Some(quoted) = quoted_span(last) {
        return Some(quoted);
    }
    // "Trading House "Minsk Engine Plant" LLC": a quoted name of several words.
    if closes_quote(last.text) {
        let first = (at.saturating_sub(MAX_QUOTED_WORDS)..at - 1).rev().find(|&k| opens_quote(tokens[k].text))?;
        return quoted_between(tokens, first, at - 1);
    }
    // "Plant, JSC Pinskiy": after a comma the legal form opens the next name, and so after
    // a sentence's end with a footnote call ("fabriqués à Tcheboksary.516 LLC "ChETRA"").
    let ends_clause =
        |word: &str| word.trim_end_matches(|c: char| c.is_ascii_digit()).ends_with([',', ';', ':', '.', ')']);
    if ends_clause(last.text) {
        return None;
    }
    // "l'entreprise d'État OJSC": a state company, not one named "État"; "Le JSC "X"" at a
    // sentence start: the article.
    let start = capitalised_run_before(tokens, at, 5, |_, core| {
        core.ends_with([',', ';', ':', '.', ')'])
            || !is_capitalised(core)
            || is_legal_form(core)
            || core == "État"
            || FUNCTION_WORDS.contains(&core)
    })?;
    let end = last.start + last.text.trim_end_matches([',', ';', ':']).len();
    (end > start).then_some(start..end)
}

/// Where the run of words right before `tokens[at]` starts (an elided article left out),
/// at most `max` words: each token read backwards joins it unless `stops(token, word)`
/// (the word without its elided article), and a word after an elided article is the
/// run's first ("d'Uzagrotekhsanoatholding"). None if no word joins.
fn capitalised_run_before(
    tokens: &[Token],
    at: usize,
    max: usize,
    stops: impl Fn(&Token, &str) -> bool,
) -> Option<usize> {
    let mut first = at;
    while first > 0 && at - first < max {
        let t = &tokens[first - 1];
        let word = strip_elision(t.text);
        if stops(t, word) {
            break;
        }
        first -= 1;
        if word.len() < t.text.len() {
            break;
        }
    }
    if first == at {
        return None;
    }
    let start_token = tokens[first];
    Some(start_token.start + (start_token.text.len() - strip_elision(start_token.text).len()))
}

/// The name starting at token `at`: a quoted string, or capitalised words joined by
/// connectors.
fn name_after(tokens: &[Token], at: usize) -> Option<Range<usize>> {
    let first = tokens.get(at)?;
    if let Some(quoted) = quoted_span(first) {
        return Some(quoted);
    }
    if opens_quote(first.text) {
        let last = (at + 1..tokens.len().min(at + MAX_QUOTED_WORDS)).find(|&k| closes_quote(tokens[k].text))?;
        return quoted_between(tokens, at, last);
    }
    let first_core = strip_elision(first.text);
    if !is_capitalised(first_core) || is_legal_form(first_core.trim_end_matches([',', '.'])) {
        return None;
    }
    // "l'opérateur céréalier de l'État, ...", "une société de crédit-bail d'État": the
    // state, capitalised as a common noun, names no firm alone.
    if first_core.trim_end_matches(TRAILING) == "État"
        && tokens.get(at + 1).is_none_or(|next| !is_capitalised(next.text.trim_end_matches(TRAILING)))
    {
        return None;
    }
    let start = first.start + (first.text.len() - first_core.len());
    let mut end = first.start + without_call_after_punctuation(first.text).trim_end_matches(TRAILING).len();
    let mut j = at;
    while !first_stops(without_call_after_punctuation(tokens[j].text)) && j + 1 < tokens.len() && j - at < 4 {
        let next = tokens[j + 1];
        let next_text = without_call_after_punctuation(next.text);
        if is_capitalised(next_text.trim_end_matches(TRAILING)) && !is_legal_form(next_text.trim_end_matches(TRAILING))
        {
            j += 1;
        } else if CONNECTORS.contains(&next.text)
            && tokens.get(j + 2).is_some_and(|t| is_capitalised(t.text.trim_end_matches(TRAILING)))
        {
            j += 2;
        } else {
            break;
        }
        end = tokens[j].start + without_call_after_punctuation(tokens[j].text).trim_end_matches(TRAILING).len();
    }
    (end > start).then_some(start..end)
}

/// A token without the footnote call glued to its closing punctuation ("Cronimet.472",
/// "Kazakhstan,12"): the punctuation ends the name as it would without the call.
fn without_call_after_punctuation(token: &str) -> &str {
    without_footnote_call(token, |word| word.ends_with(TRAILING)).unwrap_or(token)
}

const TRAILING: [char; 7] = [',', ';', ':', '.', ')', '"', '»'];

/// The token ends a clause: the name cannot go on past it.
fn first_stops(token: &str) -> bool {
    token.ends_with(TRAILING)
}

/// The span inside quotes when the token is a whole quoted name (`"Mogilevliftmash"`).
/// The quotes closing a nested name close the outer name too ("Production Association
/// "Belorusneft""): the name inside is the one-word token's, without them.
fn quoted_span(token: &Token) -> Option<Range<usize>> {
    let text = without_after_quote(token.text);
    let inner = text.strip_prefix('"')?.strip_suffix('"')?.trim_end_matches('"');
    (!inner.is_empty() && starts_upper(inner) && !inner.contains('"'))
        .then(|| token.start + 1..token.start + 1 + inner.len())
}

/// Most words of a quoted name.
const MAX_QUOTED_WORDS: usize = 8;

const OPENING_QUOTES: [&str; 3] = ["\"", "“", "«"];
const CLOSING_QUOTES: [&str; 3] = ["\"", "”", "»"];
/// Punctuation that may follow a closing quote.
const AFTER_QUOTE: [char; 4] = [',', ';', '.', ')'];

/// `token` without the punctuation after its closing quote, and a footnote call glued to
/// the quote or to that punctuation ("Plant"422.", ""Kyrgyzkommerts".403").
fn without_after_quote(token: &str) -> &str {
    let closed = |w: &str| CLOSING_QUOTES.iter().any(|q| w.trim_end_matches(AFTER_QUOTE).ends_with(q));
    let token = token.trim_end_matches(AFTER_QUOTE);
    without_footnote_call(token, closed).unwrap_or(token).trim_end_matches(AFTER_QUOTE)
}

/// `word` without the footnote call glued to its end ("technologies18", "Kozlov.514",
/// "Plant"422"), if it has one and `called_after` accepts what the digits follow: a
/// lowercase word in a complement, a name in a dedication, a closing quote.
pub(crate) fn without_footnote_call(word: &str, called_after: impl Fn(&str) -> bool) -> Option<&str> {
    let uncalled = word.trim_end_matches(|c: char| c.is_ascii_digit());
    (uncalled.len() < word.len() && called_after(uncalled)).then_some(uncalled)
}

fn opens_quote(token: &str) -> bool {
    OPENING_QUOTES.iter().any(|q| token.starts_with(q)) && !closes_quote(token)
}

/// A token that ends with a closing quote. French typography sets guillemets apart with a
/// space ("« Uz-Bel Agro »"): a lone » or ” closes, a lone " may as well open.
fn closes_quote(token: &str) -> bool {
    let token = without_after_quote(token);
    CLOSING_QUOTES.iter().any(|q| token.ends_with(q)) && (token.chars().count() > 1 || token != "\"")
}

/// The span inside the quotes that open token `first` and close token `last`, when it
/// starts with a capital and holds no other quote. A quote may be a token of its own.
fn quoted_between(tokens: &[Token], first: usize, last: usize) -> Option<Range<usize>> {
    let open = OPENING_QUOTES.iter().find(|q| tokens[first].text.starts_with(*q))?.len();
    let closing = without_after_quote(tokens[last].text);
    let close = CLOSING_QUOTES.iter().find(|q| closing.ends_with(*q))?.len();
    let inner_words = tokens[first + 1..last].iter().map(|t| t.text);
    let clean = inner_words
        .chain([&tokens[first].text[open..], &closing[..closing.len() - close]])
        .all(|w| !w.contains(['"', '“', '”', '«', '»']));
    let (start, first_word) = if tokens[first].text.len() == open {
        let next = tokens.get(first + 1).filter(|_| first + 1 < last)?;
        (next.start, next.text)
    } else {
        (tokens[first].start + open, &tokens[first].text[open..])
    };
    let end = if closing.len() == close {
        let before = &tokens[last - 1];
        before.start + before.text.len()
    } else {
        tokens[last].start + closing.len() - close
    };
    (end > start && clean && starts_upper(first_word)).then_some(start..end)
}

pub(crate) fn strip_elision(token: &str) -> &str {
    for prefix in ["d'", "d’", "l'", "l’", "D'", "D’", "L'", "L’"] {
        if let Some(rest) = token.strip_prefix(prefix) {
            return rest;
        }
    }
    token
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word of a name: starts with a capital letter, no digits-only, at least
/// two letters.
fn is_capitalised(word: &str) -> bool {
    starts_upper(word) && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

fn is_lower_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && word.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Where the text repeats one of `names` (firm names a rule found, each starting with an
/// ASCII capital): every occurrence written alike, on word boundaries, not inside a URL, an
/// e-mail address or a hyphenated compound, in order and without overlaps (the longest
/// name wins at one start).
///
/// A book has dozens of such names: a search per name, or an automaton built for them,
/// cost a fifth of the extraction. The capitals of the text are found sixteen bytes at a
/// time instead ([`ascii_capitals`]), and only those whose first four bytes begin
/// a name are compared. Names under four bytes, or not starting with an ASCII capital, are
/// not looked for.
/// `capitals` are the text's [`capital_word_starts`].
pub fn repeated_names(text: &str, names: &[&str], capitals: &[usize]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Names by their first four bytes (names are at least that long), and a bitset of
    // those, which turns away nearly every capital of the text with one load.
    let prefix = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes(b.try_into().expect("four bytes")));
    let bit = |key: u32| (key.wrapping_mul(0x9E37_79B1) >> 20) as usize;
    let mut by_prefix: Vec<(u32, &str)> = names
        .iter()
        .filter(|n| n.len() >= 4 && n.as_bytes()[0].is_ascii_uppercase())
        .map(|n| (u32::from_le_bytes(n.as_bytes()[..4].try_into().expect("four bytes")), *n))
        .collect();
    by_prefix.sort_unstable();
    let mut prefixes = vec![0u64; (1 << 12) / 64];
    for &(key, _) in &by_prefix {
        prefixes[bit(key) >> 6] |= 1 << (bit(key) & 63);
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    for &at in capitals {
        let Some(key) = prefix(at) else { continue };
        if prefixes[bit(key) >> 6] & (1 << (bit(key) & 63)) == 0 || found.last().is_some_and(|r| r.end > at) {
            continue;
        }
        let from = by_prefix.partition_point(|&(k, _)| k < key);
        let longest = by_prefix[from..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .filter(|(_, n)| bytes[at..].starts_with(n.as_bytes()))
            .map(|(_, n)| at + n.len())
            .filter(|&end| !word_goes_on(text, end))
            .max();
        let Some(end) = longest else { continue };
        if !domain_at(text, end) {
            found.push(at..end);
        }
    }
    found
}

/// The acronym in parentheses right after a name that ends at `end` ("l'Agence nationale
/// pour la sécurité alimentaire (ANSA)", "Alliance ferroviaire eurasienne (OTLK ERA)",
/// "(ICRN, connu sous ...)").
pub fn acronym_after(text: &str, end: usize) -> Option<Range<usize>> {
    let (start, inner) = parenthesis_after(text, end)?;
    // Or first, before words on it ("(ICRN, connu sous le sigle anglais JINR)"), not
    // before another acronym ("(ONU, OSCE)": a list).
    let inner = match inner.split_once(',') {
        Some((first, words)) if words.trim_start().starts_with(char::is_lowercase) => first,
        Some(_) => return None,
        None => inner,
    };
    is_acronym(inner).then_some(start..start + inner.len())
}

/// The most bytes [`parenthesis_after`] reads for the closing parenthesis: an acronym or a
/// short name, perhaps with a few words after it, and a text with an opening parenthesis
/// at each name and no closing one must not be read whole at each.
const PARENTHESIS_WINDOW: usize = 300;

/// Where the text inside the parenthesis right after `end` (spaces between) starts, and
/// that text, up to the closing parenthesis.
fn parenthesis_after(text: &str, end: usize) -> Option<(usize, &str)> {
    let rest = &text[end..];
    let opened = rest.trim_start().strip_prefix('(')?;
    let close = opened.bytes().take(PARENTHESIS_WINDOW).position(|b| b == b')')?;
    Some((end + (rest.len() - opened.len()), &opened[..close]))
}

/// The short name in parentheses right after the name that ends at `end` ("l'Office
/// national des statistiques de Géorgie (Geostat)", "(Rosstandart)"): one word of five
/// letters or more, capitalised and then in lowercase, as agencies shorten their names.
/// An acronym is read by [`acronym_after`].
pub fn short_name_after(text: &str, end: usize) -> Option<Range<usize>> {
    let (start, inner) = parenthesis_after(text, end)?;
    let mut chars = inner.chars();
    let short_name =
        chars.next().is_some_and(|c| c.is_uppercase()) && chars.all(char::is_lowercase) && inner.chars().count() >= 5;
    short_name.then_some(start..start + inner.len())
}

/// Heads that, besides [`BODY_HEADS`] and [`FACTORY_HEADS`], begin a name that its
/// acronym confirms ([`name_before_acronym`]): alone they would name too much ("l'Union",
/// "la Compagnie").
const ACRONYM_NAME_HEADS: &[(&str, BodyKind)] = &[
    ("Union", BodyKind::Institution),
    ("Communauté", BodyKind::Institution),
    ("Organisation", BodyKind::Institution),
    ("Structure", BodyKind::Institution),
    ("Compagnie", BodyKind::Firm),
    ("Société", BodyKind::Firm),
    ("Régie", BodyKind::Firm),
    ("Entreprise", BodyKind::Firm),
];

/// Most words of a name found before its acronym.
const MAX_ACRONYM_NAME_WORDS: usize = 10;

/// Where the name starts that the acronym in parentheses at `open` (the parenthesis)
/// follows, and what it names, if no mention ends there: the nearest capitalised head
/// noun before it ([`BODY_HEADS`], [`FACTORY_HEADS`], [`ACRONYM_NAME_HEADS`]) with only
/// the words of a name between ("le Conseil des commandants des troupes frontalières
/// (CCTF)", "la Fondation Incubateur d'entreprises (EIF)"), after `floor`.
pub fn name_before_acronym(text: &str, open: usize, floor: usize) -> Option<(usize, BodyKind)> {
    let from = open.saturating_sub(BODY_WINDOW).max(floor);
    // The two words after the one read ("dans" is in a name before "le domaine": "la
    // Communauté régionale dans le domaine des communications (RCC)").
    let mut after: [&str; 2] = ["", ""];
    for (words, (at, token)) in tokens_backwards(text, from, open).enumerate() {
        let in_the_field = token == "dans" && after == ["le", "domaine"];
        after = [token, after[0]];
        let word = strip_elision(token);
        let start = at + token.len() - word.len();
        if BODY_HEADS.contains(&word) && words > 0 {
            return Some((start, BodyKind::Institution));
        }
        if let Some(&(_, body)) = ACRONYM_NAME_HEADS.iter().find(|(head, _)| *head == word) {
            return (words > 0).then_some((start, body));
        }
        if starts_upper(word) && is_factory_head(word) {
            return (words > 0).then_some((start, BodyKind::Firm));
        }
        let name_like = word.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            && (!not_in_names(token) || in_the_field)
            && !FUNCTION_WORDS.contains(&token);
        if !name_like || words == MAX_ACRONYM_NAME_WORDS {
            return None;
        }
    }
    None
}

/// Two to twelve ASCII letters in at most two words, each capitalised, with more capitals
/// than lowercase letters and at least two of them ("EIF", "BelGISS", "YaMZ", "OTLK ERA");
/// not a Roman numeral ("II").
fn is_acronym(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    // Capitals beyond ASCII too: Turkish and Central European acronyms ("DEİK", "TÜSİAD").
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    let lower = s.chars().filter(|c| c.is_lowercase()).count();
    (2..=12).contains(&s.chars().count())
        && words.len() <= 2
        && words.iter().all(|w| w.chars().all(char::is_alphabetic) && w.starts_with(char::is_uppercase))
        && upper >= 2
        && lower < upper
        && !s.bytes().all(|b| b"IVXLC".contains(&b))
}

/// Where the text writes one of `acronyms` (acronyms a rule found) as a word of its own,
/// not inside an address: every occurrence at one of the `capitals` ([`capital_word_starts`]),
/// in order and without overlaps.
pub fn repeated_acronyms(text: &str, acronyms: &[&str], capitals: &[usize]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found: Vec<Range<usize>> = Vec::new();
    for &at in capitals {
        if found.last().is_some_and(|r| r.end > at) {
            continue;
        }
        let end = acronyms
            .iter()
            .filter(|a| bytes[at..].starts_with(a.as_bytes()))
            .map(|a| at + a.len())
            .filter(|&end| !word_goes_on(text, end) && !domain_at(text, end) && !names_on(text, end))
            .max();
        found.extend(end.map(|end| at..end));
    }
    found
}

/// A word of `text` that reaches `end` goes on there: into a letter or a digit, or the
/// marks that join the parts of an address or a compound.
fn word_goes_on(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_some_and(|c| c.is_alphanumeric() || "@_-".contains(c))
}

/// A capitalised word follows at `end`: the acronym opens another name ("sa filiale LTG
/// Cargo", a subsidiary's).
fn names_on(text: &str, end: usize) -> bool {
    let mut chars = text[end..].chars();
    chars.next() == Some(' ')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
}

/// A domain name goes on at `end` ("Motovelozavod.by"): the name before it is no firm's.
fn domain_at(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
}

/// The ASCII capitals of `text` that start a word: not after a letter or a digit, nor
/// after the marks that join the parts of an address or a compound (`./@_-`). Found once
/// for the rules that read capitalised words ([`repeated_names`],
/// [`compound_firm_names`]).
pub fn capital_word_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    ascii_capitals(bytes)
        .filter(|&at| {
            at == 0 || {
                let before = bytes[at - 1];
                if before < 0x80 {
                    !before.is_ascii_alphanumeric() && !b"./@_-".contains(&before)
                } else {
                    text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                }
            }
        })
        .collect()
}

/// The offsets of the ASCII capital letters of `bytes`, in order, found a 64-byte block at
/// a time ([`crate::normalize::block_positions`]).
fn ascii_capitals(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    crate::normalize::block_positions(bytes, |block| {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
            unsafe { capitals_sse2(block) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            capitals_swar(block)
        }
    })
}

/// Bit `k` set where byte `k` of the block is an ASCII capital, sixteen bytes at a time.
/// Signed compares: bytes from 0x80 are negative, below 'A'.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn capitals_sse2(block: &[u8; 64]) -> u64 {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let mut mask = 0u64;
    for k in 0..4 {
        // SAFETY: bytes 16k..16k+16 lie inside the 64-byte block; the load takes any alignment.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().add(16 * k).cast()) };
        let at_least_a = _mm_cmpgt_epi8(v, _mm_set1_epi8(b'A' as i8 - 1));
        let at_most_z = _mm_cmplt_epi8(v, _mm_set1_epi8(b'Z' as i8 + 1));
        mask |= u64::from(_mm_movemask_epi8(_mm_and_si128(at_least_a, at_most_z)) as u32) << (16 * k);
    }
    mask
}

/// [`capitals_sse2`] eight bytes at a time (SWAR): on other targets, and its reference in
/// tests. A capital is a byte under 0x80 at least 'A' and at most 'Z' (the additions carry
/// into a byte's high bit exactly then, and never out of the byte).
#[cfg(any(test, not(target_arch = "x86_64")))]
fn capitals_swar(block: &[u8; 64]) -> u64 {
    use crate::normalize::{gather_high_bits, HI};
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut mask = 0u64;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = x & !HI;
        let at_least_a = low + ONES * u64::from(0x80 - b'A');
        let above_z = low + ONES * u64::from(0x80 - b'Z' - 1);
        mask |= gather_high_bits(at_least_a & !above_z & !x & HI) << (8 * k);
    }
    mask
}

/// The trades that end a firm's one-word name (any case): the Russian abbreviations Soviet and
/// post-Soviet enterprises are named with (-mash machine building as in "Gomselmash",
/// -avto, -prom industry, -neft oil, -khim chemistry, -stroy building, -energo, -torg
/// trade, -snab supply, -drev wood, -flot, -zavod plant, -kombinat, -kabel, -mebel
/// furniture, -metall, -pribor instruments, -steklo glass, -obuv shoes, -khleb bread,
/// -moloko milk) and the international ones they took up (-bank, -telecom, -motors,
/// -impex, -leasing; not -invest, which ends the free economic zone "Grodnoinvest"; not
/// -trans, which ends "trantrans"). None ends a word of the French dictionary
/// with three letters or more before it (hunspell-fr, `tests/fixtures/noise/`); -gaz ends
/// "biogaz", so it needs four.
const COMPOUND_FIRM_TRADES: [&str; 30] = [
    "mash", "avto", "auto", "prom", "neft", "khim", "stroy", "stroi", "energo", "torg", "snab", "drev", "flot",
    "zavod", "kombinat", "azot", "bank", "telecom", "motors", "gaz", "kabel", "mebel", "metall", "pribor", "steklo",
    "obuv", "khleb", "moloko", "impex", "leasing",
];

/// The last four bytes of a trade as a little-endian integer (a three-byte trade, "gaz",
/// as its three bytes: compared with the last four bytes of a word shifted by one).
const fn trade_tail(trade: &str) -> u32 {
    let b = trade.as_bytes();
    let n = b.len();
    if n == 3 {
        u32::from_le_bytes([b[0], b[1], b[2], 0])
    } else {
        u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]])
    }
}

/// The trades by [`trade_tail`], in an open-addressing table of 64 slots (0 marks an empty
/// one): a capitalised word's tail is looked up in a probe or two, where comparing it with
/// every trade cost most of this rule's instructions.
const TRADE_SLOTS: [(u32, u8); 64] = {
    let mut slots = [(0u32, 0u8); 64];
    let mut k = 0;
    while k < COMPOUND_FIRM_TRADES.len() {
        let tail = trade_tail(COMPOUND_FIRM_TRADES[k]);
        let mut at = trade_slot(tail);
        while slots[at].0 != 0 {
            at = (at + 1) % 64;
        }
        slots[at] = (tail, k as u8);
        k += 1;
    }
    slots
};

const fn trade_slot(tail: u32) -> usize {
    (tail.wrapping_mul(0x9E37_79B1) >> 26) as usize
}

/// The trade whose [`trade_tail`] a word's last four bytes, lowercased, end with.
fn trade_of(tail: u32) -> Option<&'static str> {
    let probe = |key: u32| {
        let mut at = trade_slot(key);
        loop {
            match TRADE_SLOTS[at] {
                (0, _) => return None,
                (t, k) if t == key => return Some(COMPOUND_FIRM_TRADES[k as usize]),
                _ => at = (at + 1) % 64,
            }
        }
    };
    // A three-byte trade ("gaz") is the tail without its first byte.
    probe(tail).or_else(|| probe(tail >> 8))
}

/// Letters a compound name has before its trade, at least: "Lidselmash" has "lidsel".
const COMPOUND_STEM_LETTERS: usize = 3;

/// Byte spans of the one-word firm names of `text` made of a stem and a trade
/// ("Bryanskselmash", "Piteravto", "UzBelAgroMash"): ASCII letters, capitalised, not all
/// in capitals (an event's name: "INNOPROM"), a word of its own (not in an address:
/// "www.Avtomash.kg", nor the head of a hyphenated name), not after a word that makes it
/// an event or a brand. Only capitalised words are read: they are found sixteen bytes at a
/// time, a tenth of the words.
/// `capitals` are the text's [`capital_word_starts`].
pub fn compound_firm_names(text: &str, capitals: &[usize]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for &start in capitals {
        let end = start + bytes[start..].iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(bytes.len() - start);
        let word = &bytes[start..end];
        // The trade is found by the word's last four letters, lowercased, as one integer:
        // most capitalised words end in none, and are done with in a few instructions.
        if word.len() < COMPOUND_STEM_LETTERS + 3 {
            continue;
        }
        let tail = u32::from_le_bytes(word[word.len() - 4..].try_into().expect("four bytes")) | 0x2020_2020;
        let Some(trade) = trade_of(tail) else { continue };
        let min_stem = if trade == "gaz" { COMPOUND_STEM_LETTERS + 1 } else { COMPOUND_STEM_LETTERS };
        // The four letters may end a longer trade than the word ("Abinat", "kombinat").
        let Some(stem_len) = word.len().checked_sub(trade.len()) else { continue };
        let ends_with_trade = word[stem_len..].eq_ignore_ascii_case(trade.as_bytes());
        if !ends_with_trade || stem_len < min_stem || word.iter().all(u8::is_ascii_uppercase) {
            continue;
        }
        let before = text[..start].chars().next_back();
        let opens = before.is_none_or(|c| c.is_whitespace() || "\"'(«“‘’[".contains(c));
        if !opens || word_goes_on(text, end) || domain_at(text, end) {
            continue;
        }
        if after_event_noun(text, start) || TRADE_FAIRS.contains(&&text[start..end]) {
            continue;
        }
        found.push(start..end);
    }
    found
}

/// Russian adjective endings of a place's name, transliterated, that open a firm's name
/// ("Orchanski", "Pskovsky", "Bobruiskaya": of Orcha, Pskov, Bobrouïsk).
const PLACE_ADJECTIVE_ENDINGS: &[&str] =
    &["ski", "sky", "skiy", "skii", "skoï", "skoy", "skoi", "skaya", "skaïa", "skaia", "skoe", "skoïe", "skoye"];

/// Transliterated Russian nouns of plants, the last letters of such a name's last word
/// ("zavod", "gormolzavod", "myasokombinat", "fabrika").
const TRANSLITERATED_PLANT_NOUNS: &[&str] = &["zavod", "kombinat", "fabrika"];

/// Endings of the transliterated adjectives between the two ("mashinostroitelny",
/// "miasokonservny", "zhirovoy", "obuvnaya").
const TRANSLITERATED_ADJECTIVE_ENDINGS: &[&str] =
    &["y", "i", "ï", "oy", "oï", "aya", "aïa", "aia", "oe", "oye", "oïe", "ya"];

/// Whether `word` ends as a transliterated Russian adjective does ("Krasnye", "Zolotoy",
/// "Belaya"), or a place's ("Pskovsky").
pub(crate) fn ends_like_transliterated_adjective(word: &str) -> bool {
    TRANSLITERATED_ADJECTIVE_ENDINGS.iter().chain(["ye", "ie", "ïe"].iter()).any(|ending| word.ends_with(ending))
}

/// Most transliterated adjectives between a place's adjective and the plant's noun.
const MAX_TRANSLITERATED_ADJECTIVES: usize = 2;

/// Byte spans of the firm names of `text` that the Russian way of naming plants makes,
/// transliterated and left untranslated: a place's adjective, capitalised, up to two
/// lowercase adjectives and a noun of plants ("Orchanski miasokonservny kombinat",
/// "Volkovyssky mashinostroitelny zavod", "Pskovsky gormolzavod"). No French word ends so:
/// the three together name a plant, whatever a gazetteer says of the first
/// ([`compound_firm_names`] reads the names made of one word).
/// `capitals` are the text's [`capital_word_starts`].
pub fn transliterated_plant_names(text: &str, capitals: &[usize]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Bytes at a time while the word is ASCII (nearly always), chars past a non-ASCII one.
    let word_end = |from: usize| {
        let ascii = from + bytes[from..].iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(bytes.len() - from);
        if bytes.get(ascii).is_some_and(|b| !b.is_ascii()) {
            ascii + text[ascii..].find(|c: char| !c.is_alphabetic()).unwrap_or(text.len() - ascii)
        } else {
            ascii
        }
    };
    let mut found: Vec<Range<usize>> = Vec::new();
    for &start in capitals {
        if found.last().is_some_and(|last| start < last.end) {
            continue;
        }
        let end = word_end(start);
        let first = &text[start..end];
        // Every ending has "sk" in the word's last six bytes: most words are turned away by
        // that one search.
        let tail = &first.as_bytes()[first.len().saturating_sub(6)..];
        if !tail.windows(2).any(|pair| pair == b"sk")
            || !PLACE_ADJECTIVE_ENDINGS.iter().any(|ending| first.len() >= ending.len() + 3 && first.ends_with(ending))
        {
            continue;
        }
        let mut at = end;
        for _ in 0..=MAX_TRANSLITERATED_ADJECTIVES {
            let next = at + (text[at..].len() - text[at..].trim_start().len());
            if next == at {
                break;
            }
            let next_end = word_end(next);
            let word = &text[next..next_end];
            // "Riazanskaïa GRES": a power plant, named with its kind's acronym.
            if at == end && POWER_PLANT_ACRONYMS.contains(&word) {
                if !word_goes_on(text, next_end) {
                    found.push(start..next_end);
                }
                break;
            }
            if word.is_empty() || !word.chars().all(char::is_lowercase) {
                break;
            }
            if TRANSLITERATED_PLANT_NOUNS.iter().any(|noun| word.ends_with(noun)) {
                if !word_goes_on(text, next_end) {
                    found.push(start..next_end);
                }
                break;
            }
            if !TRANSLITERATED_ADJECTIVE_ENDINGS.iter().any(|ending| word.ends_with(ending)) {
                break;
            }
            at = next_end;
        }
    }
    found
}

/// Trade fairs named like a firm, which texts name without their event's noun too ("une
/// feuille de route signée à Innoprom"): events, not firms (ANNOTATION.md).
const TRADE_FAIRS: &[&str] = &["Innoprom", "Neftegaz"];

/// What a firm is, written after its name and, as a legal form, left out of it
/// ("Gomselmash Holding" -> `Gomselmash`, "Bellegprom Concern": gold README).
const ORGANISATIONAL_FORMS: &[&str] = &["Holding", "Concern"];

/// Most capitalised words that a listed firm's name takes in after it.
const MAX_WORDS_AFTER_FIRM: usize = 3;

/// Where the name of a firm ends that a listed firm's name, ending at `end`, begins: one
/// to [`MAX_WORDS_AFTER_FIRM`] capitalised words of letters right after it ("Sibur
/// Tobolsk", "Daewoo Textile Fergana"), with nothing but spaces and line breaks between
/// them. A legal form ("Indian Potash Limited", "KAZ Minerals PLC") is not part of a name
/// and ends it; so does a word in capitals, an acronym of its own.
pub fn words_naming_a_firm_after(text: &str, end: usize) -> Option<usize> {
    let mut name_end = None;
    let mut at = end;
    for _ in 0..MAX_WORDS_AFTER_FIRM {
        let rest = &text[at..];
        let word_start = rest.len() - rest.trim_start().len();
        if word_start == 0 {
            break;
        }
        let word_len =
            rest[word_start..].find(|c: char| !(c.is_alphabetic() || c == '-')).unwrap_or(rest.len() - word_start);
        let word = &rest[word_start..word_start + word_len];
        let capitalised = word.starts_with(char::is_uppercase) && word.chars().nth(1).is_some_and(char::is_lowercase);
        // "Gomselmash News": the firm's paper, which a source names as the firm.
        let paper = MEDIA_LAST_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w));
        if !capitalised || word.ends_with('-') || is_legal_form(word) || ORGANISATIONAL_FORMS.contains(&word) || paper {
            break;
        }
        at += word_start + word_len;
        name_end = Some(at);
    }
    name_end
}

/// Head nouns of the English names of public bodies that end with a state or place after
/// "of" ("Ministry of Mining and Heavy Industry of Mongolia", "Embassy of the Republic of
/// Belarus", "University of Zimbabwe"), as footnotes cite their publishers.
const ENGLISH_BODY_HEADS: &[&str] = &[
    "Ministry",
    "Embassy",
    "Consulate",
    "Committee",
    "Agency",
    "Office",
    "Service",
    "Council",
    "Chamber",
    "Government",
    "Administration",
    "Academy",
    "University",
    "Institute",
    "Commission",
    "Authority",
    "Department",
    "Parliament",
    "Bank",
];

/// What makes "Bank" a public body's head: a central or a state's development bank
/// ("Central Bank of Armenia", "Reserve Bank of India", "Development Bank of Kazakhstan");
/// "Bank of Georgia" is a commercial bank.
const PUBLIC_BANK_WORDS: &[&str] = &["Central", "National", "Reserve", "Development", "State"];

/// Small words an English body's name holds between its capitalised ones.
const ENGLISH_NAME_LINKS: &[&str] = &["of", "and", "for", "on", "the", "&"];

/// Most words of an English body's name before the place that ends it.
const MAX_ENGLISH_BODY_WORDS: usize = 12;

/// Where the English name of a public body starts that ends with the place mention
/// starting at `place`: a head noun ([`ENGLISH_BODY_HEADS`]), the capitalised words it
/// takes (joined by [`ENGLISH_NAME_LINKS`]), then "of" or "of the" right before the place
/// ("Ministry of Economy and Sustainable Development of Georgia"). Capitalised words right
/// before the head are the name's too ("State Customs Committee of ..."); an English
/// sentence's "The" is not. Nothing of the name may lie before `floor`.
pub fn english_body_start(text: &str, place: usize, floor: usize) -> Option<usize> {
    let from = ceil_char_boundary(text, floor.max(place.saturating_sub(BODY_WINDOW)));
    let before = text.get(from..place)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() || !(trimmed.ends_with("of") || trimmed.ends_with("the")) {
        return None;
    }
    let base = place - before.len();
    let mut words = before.split_whitespace().rev().map(|w| (w.as_ptr() as usize - before.as_ptr() as usize + base, w));
    let (_, mut last) = words.next()?;
    if last == "the" {
        last = words.next()?.1;
    }
    if last != "of" {
        return None;
    }
    let mut read = 0;
    // The head's start, then that of the capitalised words before it.
    let mut start = None;
    let mut head = "";
    for (at, word) in words {
        let capitalised = word.starts_with(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
            && word != "The";
        if start.is_some() {
            // "l'Aviation Administration of Kazakhstan": the French article elided before
            // the English name is not part of it, and nothing before it is.
            let unelided = strip_elision(word);
            let elided = unelided.len() < word.len()
                && unelided.starts_with(char::is_uppercase)
                && unelided.chars().all(char::is_alphabetic);
            if elided && read < MAX_ENGLISH_BODY_WORDS {
                start = Some(at + word.len() - unelided.len());
                break;
            }
            if !capitalised || read >= MAX_ENGLISH_BODY_WORDS {
                break;
            }
            start = Some(at);
            read += 1;
            continue;
        }
        read += 1;
        if read > MAX_ENGLISH_BODY_WORDS {
            return None;
        }
        if capitalised && ENGLISH_BODY_HEADS.contains(&word) {
            start = Some(at);
            head = word;
        } else if !capitalised && !ENGLISH_NAME_LINKS.contains(&word) {
            return None;
        }
    }
    let start = start?;
    let public = head != "Bank" || PUBLIC_BANK_WORDS.iter().any(|w| text[start..].starts_with(w));
    public.then_some(start)
}

/// Words that end the name of a newspaper or a news site ("Gomelskaïa Pravda", "Kubanskie
/// novosti", "Vietnam News"), folded to lowercase.
const MEDIA_LAST_WORDS: &[&str] = &[
    "pravda",
    "gazeta",
    "zvezda",
    "zviazda",
    "novosti",
    "vesti",
    "izvestia",
    "izvestiya",
    "news",
    "post",
    "times",
    "herald",
    "tribune",
    "kourier",
    "courier",
    "media",
    "online",
];

/// Endings of Russian adjectives transliterated in French or English ("Vecherny",
/// "Industrialnaïa", "Kazakhstanskaya"), which name a paper before the place it serves.
const RUSSIAN_ADJECTIVE_ENDINGS: &[&str] = &["y", "yi", "ï", "iï", "aïa", "aya", "aia", "oe", "ye"];

/// Newspapers named by one word, or by "Pravda" and the region it serves ("Pravda Severa").
const MEDIA_FIRST_WORDS: &[&str] = &["pravda", "zaria", "zarya", "zviazda"];

/// Whether a source that a footnote names ([`newspaper_in_source`]) is a public body: a
/// news agency ("Maghreb Arabe Presse", "Prensa Latina", "RIA Dagestan", an acronym alone;
/// not the paper "Die Presse") or a body by its English head noun ("Krasnoyarsk Territory
/// Government").
pub fn source_is_a_body(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let article = words.iter().any(|w| matches!(*w, "Die" | "Der" | "Das" | "La" | "Le" | "The" | "El"));
    let agency = !article && words.iter().any(|w| matches!(*w, "Presse" | "Prensa" | "RIA"));
    // An acronym alone is most often a news agency's ("ENA", "QNA", "PAP").
    let acronym = matches!(words.as_slice(), [word] if word.chars().all(|c| c.is_ascii_uppercase()));
    agency || acronym || words.iter().any(|w| ENGLISH_BODY_HEADS.contains(w))
}

/// Whether the rest of a footnote's reference, right after its source's name, cites a
/// range of pages ("- 2019. - № 2. - С. 45-57."), as articles of journals do; a newspaper's
/// is one page ("С. 2").
fn cites_pages(reference: &str) -> bool {
    let end = reference.char_indices().nth(REFERENCE_TAIL_CHARS).map_or(reference.len(), |(i, _)| i);
    let tail = &reference[..end];
    ["С. ", "C. ", "P. ", "S. ", "pp. "].iter().any(|page| {
        tail.match_indices(page).any(|(at, _)| {
            let digits = &tail[at + page.len()..];
            let first = digits.len() - digits.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            first > 0 && digits[first..].starts_with(['-', '–'])
        })
    })
}

/// Most characters of a reference read after its source's name for the pages it cites.
const REFERENCE_TAIL_CHARS: usize = 60;

/// First words of the titles of journals, bulletins and collections, which a footnote's
/// source names and which are not firms ("Vestnik BGU", "Izvestia KGTU", "Revue d'études
/// stratégiques", "Portail juridique de l'UEE").
const JOURNAL_FIRST_WORDS: &[&str] = &[
    "vestnik",
    "izvestia",
    "izvestiya",
    "izvestiia",
    "problemy",
    "voprosy",
    "sbornik",
    "materialy",
    "trudy",
    "revue",
    "revista",
    "journal",
    "bulletin",
    "portail",
    "problèmes",
    "questions",
    "économie",
    "ekonomika",
    "annales",
    "cahiers",
    "actes",
    "recueil",
];

/// The name of a newspaper that a footnote gives as its source, after the "//" at byte
/// `slashes` of `text` ("... // Gomelskaïa Pravda. - 2022. - № 87."): newspapers are firms,
/// in footnote sources too (written README, round 11). The name runs to the period, one to
/// four words opening with a capital, and says it is a newspaper by its last word
/// ([`MEDIA_LAST_WORDS`]) or its first ([`MEDIA_FIRST_WORDS`], "Zaria" alone), or is made
/// of capitalised words only ("Handelsblatt", "Deutsche Welle"). Journals are not read: by
/// their first word ([`JOURNAL_FIRST_WORDS`], "Vestnik BGU"), a lowercase word ("Bankovski
/// vestnik"), or the range of pages their articles take ([`cites_pages`]); nor are titles
/// going on after the period, nor sites' addresses ("Sakhalin.info"). The caller tells the
/// news agencies and bodies among them ([`source_is_a_body`]).
pub fn newspaper_in_source(text: &str, slashes: usize) -> Option<Range<usize>> {
    // "https://": an address, not a source.
    if text[..slashes].ends_with(':') || text[slashes + 2..].starts_with('/') {
        return None;
    }
    let after = &text[slashes + 2..];
    let name_start = text.len() - after.trim_start().len();
    if name_start == slashes + 2 {
        return None;
    }
    let rest = &text[name_start..];
    let name_len = rest.find(|c: char| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '\'' | '’')))?;
    if !rest[name_len..].starts_with('.') || name_len > 60 {
        return None;
    }
    let name = rest[..name_len].trim_end();
    // "// Sakhalin.info.", "// Gazeta.uz": a site's address; "// SB. Belarus segodnya.",
    // "// Soyouz. Biélorussie-Russie.": a title that goes on after its period.
    let after_period = &rest[name_len + 1..];
    if after_period.starts_with(char::is_alphabetic) || after_period.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let first_is_capital = name.chars().next().is_some_and(char::is_uppercase);
    if !(1..=4).contains(&words.len()) || !first_is_capital || name.len() != name_len {
        return None;
    }
    let is = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    let last = words[words.len() - 1];
    // A media group named with its country after it: "Business Media Georgia".
    let media_then_country =
        words.len() >= 3 && words[1..words.len() - 1].iter().any(|w| w.eq_ignore_ascii_case("media"));
    // An English paper's article: "The Hindu", "The East African" ("The Journal of ..."
    // is no paper: its name runs past the period's words, with "of").
    let english_paper =
        words.len() >= 2 && words[0] == "The" && words[1..].iter().all(|w| w.starts_with(char::is_uppercase));
    // A Russian adjective and the place a paper serves: "Vecherny Brest", "Severny
    // Kazakhstan", "Industrialnaïa Karaganda".
    let adjective_then_place = words.len() == 2
        && words[0].chars().count() >= 5
        && RUSSIAN_ADJECTIVE_ENDINGS.iter().any(|e| words[0].ends_with(e))
        && words[1].starts_with(char::is_uppercase);
    // Any other title of capitalised words but a journal's ("Verslo Žinios", "Handelsblatt",
    // "Deutsche Welle"; not "Vestnik BGU").
    let capitalised_title = words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !is(words[0], JOURNAL_FIRST_WORDS)
        && !cites_pages(&rest[name_len..])
        && (words.len() == 1 || !words.iter().any(|w| w.chars().all(|c| c.is_uppercase() || c == '-')));
    let newspaper = capitalised_title
        || (words.len() > 1 && is(last, MEDIA_LAST_WORDS))
        || (words.len() <= 2 && is(words[0], MEDIA_FIRST_WORDS))
        || media_then_country
        || english_paper
        || adjective_then_place;
    newspaper.then(|| name_start..name_start + name.len())
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_factory_head_has_a_length_in_range() {
        for head in super::FACTORY_HEADS {
            assert!(super::FACTORY_HEAD_LENGTHS.contains(&head.len()), "{head}");
            assert!(super::is_factory_head(head));
        }
    }

    /// `is_legal_form` turns away long and lowercase words before searching the lists: every
    /// listed form must pass that test.
    #[test]
    fn every_legal_form_is_short_and_capitalised() {
        for form in super::LEGAL_FORMS.iter().chain(super::SHORT_LEGAL_FORMS).chain(super::POSTPOSED_LEGAL_FORMS) {
            assert!(super::is_legal_form(form), "{form}");
        }
        assert!(!super::is_legal_form("ojsc") && !super::is_legal_form("Limitedness"));
    }

    #[test]
    fn a_body_attached_to_a_head_of_state_is_named_with_the_state() {
        for gap in [
            " auprès du Président de la ",
            " auprès du gouvernement de la ",
            " auprès du Conseil des ministres de l'",
            " auprès du \nPrésident du ",
        ] {
            assert!(super::attaches_to_the_head_of(gap), "{gap:?}");
        }
        for gap in
            [" auprès du ministère de la ", " auprès de la ", " du Président de la ", " auprès du Président et de la "]
        {
            assert!(!super::attaches_to_the_head_of(gap), "{gap:?}");
        }
    }

    #[test]
    fn a_ministrys_name_goes_on_with_another_domain_to_its_state() {
        for gap in [
            " et de l'Arctique de la ",
            " minière et \n\nde la Géologie de la ",
            " et du Commerce de la ",
            " et des Infrastructures de l'",
            " et de l'Alimentation du ",
            " et d'Agriculture d'",
        ] {
            assert!(super::coordinates_domains(gap), "{gap:?}");
        }
        for gap in [
            // Another body, a description, punctuation, no state after it.
            " et le ministère de l'Agriculture de la ",
            " et de la coopération de la ",
            ", du Commerce et de l'Agriculture de la ",
            " et de l'Arctique",
            " et de l'Arctique auprès de la ",
            " Minière et de la Géologie de la ",
        ] {
            assert!(!super::coordinates_domains(gap), "{gap:?}");
        }
    }

    #[test]
    fn an_office_for_a_world_region_opens_with_its_head() {
        fn head(text: &str) -> Option<&str> {
            let region = text.find("Europe").unwrap();
            super::office_head_before(text, 0, region).map(|at| &text[at..region])
        }
        assert_eq!(head("son Bureau régional pour l'Europe"), Some("Bureau régional pour l'"));
        assert_eq!(head("le Comité régional pour la Europe"), Some("Comité régional pour la "));
        assert_eq!(head("son Bureau sous-régional pour \nl'Europe"), Some("Bureau sous-régional pour \nl'"));
        for text in [
            "le Bureau pour l'Europe",
            "le Comité a voté pour l'Europe",
            "une aide pour l'Europe",
            "le Bureau régional de l'Europe",
        ] {
            assert_eq!(head(text), None, "{text:?}");
        }
        assert_eq!(super::coordinated_region_adjective_end("Europe centrale et orientale, à", 15), 28);
        assert_eq!(super::coordinated_region_adjective_end("Europe centrale et la Russie", 15), 15);
    }

    #[test]
    fn a_body_named_after_a_person_runs_to_the_surname() {
        fn body(text: &str) -> Option<&str> {
            super::eponym_body_end(text, 0).map(|end| &text[..end])
        }
        for (text, name) in [
            ("Institut de catalyse G. K. Boreskov SB RAS", "Institut de catalyse G. K. Boreskov"),
            ("Institut physico-technique S. Oumarov y a", "Institut physico-technique S. Oumarov"),
            (
                "Institut de médecine vétérinaire \n\nexpérimentale S.N. Vyshelessky a",
                "Institut de médecine vétérinaire \n\nexpérimentale S.N. Vyshelessky",
            ),
            (
                "Institut de génétique et de cytologie N. I. Vavilov.",
                "Institut de génétique et de cytologie N. I. Vavilov",
            ),
            ("Université technique d'État I. Razzakov", "Université technique d'État I. Razzakov"),
            // A name in full, with no initials.
            ("Université Hanyang dans le domaine", "Université Hanyang"),
            ("Université Sun Yat-sen à Canton", "Université Sun Yat-sen"),
            ("Institut physico-technique Ioffe et", "Institut physico-technique Ioffe"),
            ("Université maritime d'État amiral Makarov forme", "Université maritime d'État amiral Makarov"),
            ("Université technique d'État du Don et", "Université technique d'État du Don"),
        ] {
            assert_eq!(body(text), Some(name), "{text:?}");
        }
        for text in [
            // A clause, another head, no initials, no description.
            "Institut de chimie a invité A. Ivanov",
            "Institut de chimie et A. Ivanov",
            "Ministère de la Santé V. Karanik",
            "Institut de chimie de Minsk",
            "Institut A. Ivanov",
            // A name in full that goes on, a capitalised adjective, another capital after.
            "Université Jiaotong du Sud-Ouest",
            "Institut Confucius républicain",
            "Institut Confucius pour la science",
            "Université Nationale de Kiev",
            "Université Hanyang Séoul Busan Daegu",
            "Institut de chimie de \n\nMinsk",
        ] {
            assert_eq!(body(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_newspaper_is_read_from_a_footnotes_source() {
        fn newspaper(text: &str) -> Option<&str> {
            let at = text.find("//").unwrap();
            super::newspaper_in_source(text, at).map(|span| &text[span])
        }
        for (source, name) in [
            ("signé // Gomelskaïa Pravda. - 2022. - № 87.", "Gomelskaïa Pravda"),
            ("coopération // \nKubanskie novosti. - 2022.", "Kubanskie novosti"),
            ("contract // The Jakarta Post. - 2020.", "The Jakarta Post"),
            ("région // Vostotchno-Sibirskaïa Pravda. - 2022.", "Vostotchno-Sibirskaïa Pravda"),
            ("Arkhangelsk // Pravda Severa. - 2021.", "Pravda Severa"),
            ("l'Union européenne // Zaria. - 2020.", "Zaria"),
            ("resource] // \nBusiness Media Georgia. - 2019.", "Business Media Georgia"),
            // Any title of capitalised words but a journal's.
            ("Drehscheibe // Handelsblatt. - 2020. - 14. Juli. - С. 14.", "Handelsblatt"),
            ("Bergbau // Deutsche Welle. - 2019. - URL", "Deutsche Welle"),
            ("Hung Yen // Vietnam News Agency. - 2019.", "Vietnam News Agency"),
        ] {
            assert_eq!(newspaper(source), Some(name), "{source:?}");
        }
        for source in [
            // An address, a journal, an agency, a body, no period after the name.
            "URL : https://www.belta.by/economics/",
            "N. Kvaratskhelia // Bankovski vestnik. - 2019.",
            "accord // Ministère de l'Économie. - 2021.",
            "accord // Vestnik BGU. - 2021. - № 3.",
            // An article's range of pages: a journal.
            "Kovalev // Prirodopolzovanie. - 2019. - № 2. - С. 45-57.",
            // A site's address; a title going on after its period.
            "Minsk // Sakhalin.info. - 2019.",
            "Grodno // SB. Belarus segodnia. - 2022.",
            "accord // Gomelskaïa Pravda - 2022.",
            "accord // gomelskaïa pravda. - 2022.",
            "accord //Gomelskaïa Pravda. - 2022.",
        ] {
            assert_eq!(newspaper(source), None, "{source:?}");
        }
        // News agencies and bodies are public bodies; papers are firms.
        for name in ["Maghreb Arabe Presse", "Prensa Latina", "RIA Dagestan", "QNA", "Krasnoyarsk Territory Government"]
        {
            assert!(super::source_is_a_body(name), "{name}");
        }
        for name in ["Die Presse", "Handelsblatt", "Delfi", "Vecherny Minsk"] {
            assert!(!super::source_is_a_body(name), "{name}");
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn block_tokens_agree_with_the_byte_loop() {
        let pieces = [
            "",
            " ",
            "a",
            "é",
            "\u{a0}",
            "\u{202f}",
            "\u{2009}",
            "\u{200b}",
            "\u{2028}",
            "\u{85}",
            "€",
            "\n",
            "\t\r",
            "\u{b}\u{c}",
            "漢",
            "  ",
        ];
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}x{c}"));
                    // Across the sixteen-byte blocks.
                    texts.push(format!("{}{a}{b}{c}{}", "w".repeat(13), "z ".repeat(9)));
                }
            }
        }
        for text in &texts {
            let fast: Vec<(usize, &str)> = tokenize_by_blocks(text).iter().map(|t| (t.start, t.text)).collect();
            let slow: Vec<(usize, &str)> = tokenize_bytes(text).iter().map(|t| (t.start, t.text)).collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    use super::*;

    /// The small window gives every cue the name the whole window gives it: near the
    /// text's ends, after and before long tokens, in long quoted and headed names.
    #[test]
    fn the_small_window_reads_what_the_whole_one_would() {
        let long = "x".repeat(150);
        let text = format!(
            "la société Evroplastiks Invest et Mogotex OJSC, {long} JSC \"Minsk Engine Plant Trading House Ltd\" \
             et la coentreprise biélorusse-ouzbèke UP \"Uz Bel Agro Mash Service\" {long} : Biznesofset, 2017. \
             Brestmyasomolprom Concern Holding Management Company et Gomel Plant of Automobile and Tractor \
             Electrical Equipment, UzShoes, une entreprise de chaussures, société {long} et \
             Aaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbb Cccccccccccccccccccccc Ddddddddddddddd OJSC \
             puis, il y a un an, de la part de JSC \"Eeeeeeeeeeeeeeeeeeeeee Fffffffffffffffffffffff Gggggggggggggggggggggg Hhhhhhhhhhhhhhhhhhhhhh \
             Iiiiiiiiiiiiiiiiiiiiiii Jjjjjjjjjjjjjjjjjjjjjjj\" et {long}"
        );
        let whole = |at: usize| {
            let (start, _, tokens, i) = window_tokens(&text, at, WINDOW_BEFORE, WINDOW_AFTER)?;
            span_at(&tokens, i).map(|r| start + r.start..start + r.end)
        };
        let mut names = 0;
        for at in (0..text.len()).filter(|&at| at == 0 || (text.is_char_boundary(at) && text[..at].ends_with(" "))) {
            let small = tokens_around(&text, at)
                .and_then(|(start, tokens, i)| span_at(&tokens, i).map(|r| start + r.start..start + r.end));
            assert_eq!(small, whole(at), "at {at}");
            names += usize::from(small.is_some());
        }
        assert!(names >= 8, "{names}");
    }

    #[test]
    fn ascii_capitals_are_found_at_every_position_and_for_every_byte() {
        for b in 0..=255u8 {
            for len in [1usize, 7, 8, 9, 15, 16, 17, 25, 33, 63, 64, 65, 127, 129] {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let expected: Vec<usize> = (0..len).filter(|&k| bytes[k].is_ascii_uppercase()).collect();
                    let seen: Vec<usize> = ascii_capitals(&bytes).collect();
                    assert_eq!(seen, expected, "byte {b} at {at} of {len}");
                    let seen: Vec<usize> = crate::normalize::block_positions(&bytes, capitals_swar).collect();
                    assert_eq!(seen, expected, "SWAR: byte {b} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn compound_firm_names_are_words_of_their_own() {
        fn names(text: &str) -> Vec<&str> {
            compound_firm_names(text, &capital_word_starts(text)).into_iter().map(|r| &text[r]).collect()
        }
        assert_eq!(
            names("«Piteravto», (Lidselmash) \"Mogilevdrev\" l'Uzavtoprom et d’Uzbekneftegaz."),
            ["Piteravto", "Lidselmash", "Mogilevdrev", "Uzavtoprom", "Uzbekneftegaz"]
        );
        // An address, the head of a hyphenated name, a word going on in another script, a
        // capital inside a word, a trade without its stem.
        assert!(names("www.Piteravto.ru info@Piteravto.ru Piteravto.kg").is_empty());
        assert!(names("Avtomash-Radiant Piteravtoé xPiteravto Mash Neft Biogaz").is_empty());
        assert!(names("").is_empty());
        // Words shorter than the trade their last four letters end (kombinat, telecom): found
        // by the fuzzer, they made the stem's length negative.
        assert!(names("Abinat Sabinat Xtecom Ytelecom").is_empty());
        assert_eq!(names("Gomelkombinat"), ["Gomelkombinat"]);
        assert_eq!(names("Gomelkabel, Uzagroleasing et Grodnoinvest"), ["Gomelkabel", "Uzagroleasing"]);
        // A trade fair named like a firm is an event, with or without its noun.
        assert_eq!(names("signée à Innoprom et à Neftegaz par Belneftegaz"), ["Belneftegaz"]);
    }

    /// No trade ends a word of the French dictionary with its stem's letters before it
    /// ("gaz" with one more): a capitalised French word at a sentence start is no firm.
    #[test]
    fn no_trade_ends_a_french_word() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/noise/fr-words.txt");
        let words = std::fs::read_to_string(path).expect("the French word list");
        for word in words.lines() {
            let mut letters = word.chars();
            let capitalised: String = letters.next().into_iter().flat_map(char::to_uppercase).chain(letters).collect();
            let found = compound_firm_names(&capitalised, &capital_word_starts(&capitalised));
            assert!(found.is_empty(), "{word}");
        }
    }

    #[test]
    fn capital_word_starts_are_capitals_after_no_word_or_address_mark() {
        let text = "Minsk, l'Arménie, É-Gomel x.Brest a@Pinsk _Lida éVitebsk «Orcha» 12Grodno MAZ";
        let expected: Vec<usize> = (0..text.len())
            .filter(|&i| text.as_bytes()[i].is_ascii_uppercase())
            .filter(|&i| text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && !"./@_-".contains(c)))
            .collect();
        assert_eq!(capital_word_starts(text), expected);
        let starts: Vec<&str> = expected.iter().map(|&i| &text[i..i + 2]).collect();
        assert_eq!(starts, ["Mi", "Ar", "Or", "MA"]);
    }

    #[test]
    fn repeated_names_are_whole_words_written_alike() {
        let text = "Avtomash-Radiant LLC. D'Avtomash-Radiant, l’Avtomash et Avtomash. AVTOMASH, avtomash, \
                    Avtomashx, xAvtomash, www.Avtomash.kg, a@Avtomash, Avtomash-Agro, Sécurité Avtomash";
        let names = ["Avtomash-Radiant", "Avtomash"];
        let found: Vec<&str> =
            repeated_names(text, &names, &capital_word_starts(text)).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Avtomash-Radiant", "Avtomash-Radiant", "Avtomash", "Avtomash", "Avtomash"]);
        assert!(repeated_names(text, &[], &capital_word_starts(text)).is_empty());
        assert!(repeated_names("", &names, &capital_word_starts("")).is_empty());
        assert_eq!(repeated_names("Avto", &["Avto"], &capital_word_starts("Avto")), vec![0..4]);
        // Names under four bytes are not looked for.
        assert!(repeated_names("Av Av", &["Av"], &capital_word_starts("Av Av")).is_empty());
    }

    /// Cue offsets as the scan would give them: every word start (false cues included).
    fn word_starts(text: &str) -> Vec<usize> {
        tokenize(text).iter().map(|t| t.start).collect()
    }

    fn names(text: &str) -> Vec<&str> {
        find(text, &word_starts(text), &[], &|_| false).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn legal_forms_after_and_before_a_name() {
        assert_eq!(
            names("des tissus de Mogotex OJSC, Kamvol OJSC, des tissus de Belfa OJSC."),
            ["Mogotex", "Kamvol", "Belfa"]
        );
        assert_eq!(
            names("la direction d'Uzagrotekhsanoatholding JSC, Technolog JSC, a visité"),
            ["Uzagrotekhsanoatholding", "Technolog"]
        );
        assert_eq!(names("de JSC \"Mogilevliftmash\" en Russie"), ["Mogilevliftmash"]);
        assert_eq!(
            names("une succursale de JSC Lida Dairy and Canning Plant, JSC Pinskiy"),
            ["Lida Dairy and Canning Plant", "Pinskiy"]
        );
        assert_eq!(names("En outre, Motovelozavod LLC, qui a signé"), ["Motovelozavod"]);
        assert_eq!(names("les concessionnaires de SN INVEST LLC\" ."), ["SN INVEST"]);
        // A sentence's end with a footnote call ends the name before the legal form.
        assert_eq!(names("fabriqués à Tcheboksary.516 LLC \"ChETRA\", qui"), ["ChETRA"]);
        // A legal form opening a parenthesis opens the name after it.
        assert_eq!(names("le Combinat de lin (OJSC \"Orchanski lnokombinat\"), plus grand"), ["Orchanski lnokombinat"]);
    }

    #[test]
    fn short_legal_forms_are_not_names() {
        assert_eq!(
            names("le plus important dans ce pays. JV \n\nJSC Spartak, SE Brestmyasomolprom"),
            ["Spartak", "Brestmyasomolprom"]
        );
    }

    #[test]
    fn plants_known_by_their_number() {
        let names = |text: &'static str| -> Vec<&'static str> {
            super::numbered_plant_names(text).into_iter().map(|r| &text[r]).collect()
        };
        assert_eq!(
            names("avec l'Usine de réparation aéronautique n° 558 de Baranovitchi et l'usine de \n\nréparation n°140."),
            ["Usine de réparation aéronautique n° 558", "usine de \n\nréparation n°140"]
        );
        // No plant noun, a capitalised word between, or no number: no name.
        assert!(names("le lycée n° 5, l'usine Minsk n° 2, l'usine n° deux, la loi n°").is_empty());
    }

    #[test]
    fn business_nouns_before_a_name() {
        assert_eq!(names("par la société ouzbèke Evroplastiks Invest, qui réside"), ["Evroplastiks Invest"]);
        assert_eq!(names("la holding biélorusse Marko, opère"), ["Marko"]);
        assert_eq!(names("l'agroholding \"Kouban\" a acheté"), ["Kouban"]);
        assert_eq!(names("La société biélorusse UP \"Polimerkonstruktsiya\" a"), ["Polimerkonstruktsiya"]);
        assert!(names("la société civile et la holding publique").is_empty());
        // A verb, then an article: another noun phrase, no name of the firm's.
        assert!(names("le groupe contrôle l'Association de production").is_empty());
        // A footnote call glued to the name is left out; a model number is not one.
        assert_eq!(names("par la société biélorusse Gurtam324. Le sud"), ["Gurtam"]);
        assert_eq!(names("par la société biélorusse Gurtam-324. Le sud"), ["Gurtam-324"]);
        // A chain or a market names a firm only in quotes.
        assert_eq!(names("dans la chaîne \"Nomin\" et au marché \"Dordoï\" de"), ["Nomin", "Dordoï"]);
        assert_eq!(names("Selon le journal \"Severny Kazakhstan\", le"), ["Severny Kazakhstan"]);
        assert!(names("le marché de l'Union et la chaîne Belarus 24").is_empty());
        // The kinds of state company beside a legal form stay outside the name.
        assert_eq!(names("la JSC RSC \"Progress\", qui"), ["Progress"]);
        assert_eq!(names("la société d'État OJSHC \"Barqi Tojik\" exploite"), ["Barqi Tojik"]);
        // A state company's adjectives after "d'État"; a winery's quoted name.
        assert_eq!(names("l'entreprise d'État cubaine TRANSIMPORT achète"), ["TRANSIMPORT"]);
        assert_eq!(names("la cave \"Khareba\", dont les chais"), ["Khareba"]);
        // A plant's name follows its noun with no preposition: "l'usine de X" is X's plant.
        assert_eq!(names("l'usine Zvezdotchka, puis l'usine de Koungrad et la sucrerie d'Ouzda"), ["Zvezdotchka"]);
        assert_eq!(names("l'usine de tapis \"Vitebskie kovry\" exporte"), ["Vitebskie kovry"]);
    }

    #[test]
    fn the_words_that_join_a_branch_to_its_parent() {
        for between in [" du ", " de ", " de la ", " de \n\nla ", " de l'", " de l’"] {
            assert!(joins_a_branch_to_its_parent(between), "{between:?}");
        }
        for between in ["du ", " du", " et du ", " de la l'", " des ", " de la région de la "] {
            assert!(!joins_a_branch_to_its_parent(between), "{between:?}");
        }
    }

    #[test]
    fn publishers_of_references() {
        assert_eq!(names("A. Greshnikov. - Minsk : Biznesofset, 2017. - С. 20"), ["Biznesofset"]);
        assert!(names("Minsk : Biznesofset et autres").is_empty());
        assert_eq!(names("S. N. Lebedev. - Minsk : Belaruskaya navuka, 2022. - С. 141"), ["Belaruskaya navuka"]);
        assert_eq!(names("V. G. Gusakov. - Minsk :\n\nBelaruskaya Navuka, 2020."), ["Belaruskaya Navuka"]);
        // Four words are no publisher's name, nor words with digits or without a year.
        assert!(names("Minsk : Presses de la ville capitale, 2019.").is_empty());
        assert!(names("Minsk : Tome 2, 2019.").is_empty());
        assert!(names("Minsk : Belaruskaya navuka, sans date.").is_empty());
    }

    #[test]
    fn names_already_taken_are_left_alone() {
        let text = "la société biélorusse Gomselmash OJSC";
        let at = text.find("Gomselmash").unwrap();
        let taken = std::slice::from_ref(&(at..at + 10)).to_vec();
        assert!(find(text, &word_starts(text), &taken, &|_| true).is_empty());
        // A place inside an unlisted name is absorbed: "Zdravushka Tashkent".
        let text = "une coentreprise Zdravushka Tashkent a été créée";
        let at = text.find("Tashkent").unwrap();
        let taken = std::slice::from_ref(&(at..at + 8)).to_vec();
        let found = find(text, &word_starts(text), &taken, &|_| false);
        assert_eq!(found.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["Zdravushka Tashkent"]);
        let text = "entre Minsk City Technopark LLC et";
        let at = text.find("Minsk").unwrap();
        let taken = std::slice::from_ref(&(at..at + 5)).to_vec();
        let found = find(text, &word_starts(text), &taken, &|_| false);
        assert_eq!(found.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["Minsk City Technopark"]);
    }

    /// The backward tokens are `split_whitespace().rev()`, offsets included, on every kind
    /// of whitespace and on the book.
    #[test]
    fn backward_tokens_are_split_whitespace_reversed() {
        let book = include_str!("../../../tests/fixtures/book-dev.txt");
        let mut texts: Vec<String> = vec![
            String::new(),
            " ".into(),
            "a".into(),
            "  Comité\u{a0}du tourisme\u{2009}du\u{202f}Daghestan \u{b}x\u{c}y\u{85}z\u{3000} ".into(),
            "d’Agence\n\nl'État – «Belshina»".into(),
        ];
        texts.extend(book.split("\n\n").take(400).map(str::to_string));
        for text in &texts {
            let reference: Vec<(usize, &str)> =
                text.split_whitespace().rev().map(|t| (t.as_ptr() as usize - text.as_ptr() as usize, t)).collect();
            assert_eq!(tokens_backwards(text, 0, text.len()).collect::<Vec<_>>(), reference, "{text:?}");
        }
        // A window inside a text: offsets stay those of the whole text.
        let text = "le Comité du tourisme du Daghestan";
        let inner: Vec<(usize, &str)> = tokens_backwards(text, 3, 22).collect();
        assert_eq!(inner, [(14, "tourisme"), (11, "du"), (3, "Comité")]);
        // A window that starts inside a char ("é" is two bytes) starts after it.
        let text = "été Comité";
        assert_eq!(tokens_backwards(text, 1, text.len()).collect::<Vec<_>>(), [(6, "Comité"), (2, "té")]);
        // Its forward twin, across a line break and a run of spaces, up to `to`.
        let text = "le Comité  du\n\ntourisme du Daghestan";
        let forward: Vec<(usize, &str)> = tokens_forwards(text, 3, 25).collect();
        assert_eq!(forward, [(3, "Comité"), (12, "du"), (16, "tourisme")]);
    }
}
