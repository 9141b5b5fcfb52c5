//! The gazetteer model and its loader.
//!
//! A gazetteer is a set of plain-text TSV files (format in `gazetteers/README.md`). Loading
//! is all or nothing: every row is checked (columns, id syntax, kind, prior, surfaces,
//! unique ids, parents that exist, templates that expand) and the first bad row is returned
//! as an error naming file, line, column and value. No partially loaded gazetteer exists.

use rustc_hash::FxHashMap;
use std::fmt;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::inflect;
use crate::normalize::{fold_surface, is_word_byte};

mod snapshot;

/// What an entity is, as in ANNOTATION.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Kind {
    State,
    Region,
    Firm,
    Institution,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::State, Kind::Region, Kind::Firm, Kind::Institution];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::State => "STATE",
            Kind::Region => "REGION",
            Kind::Firm => "FIRM",
            Kind::Institution => "INSTITUTION",
        }
    }

    /// Parses `STATE`, `REGION`, `FIRM`, `INSTITUTION` (any case).
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Index of an entity in its [`Gazetteer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntityIdx(pub u32);

/// A surface as written in the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Surface {
    pub text: String,
    /// Matched only with the same accents (value written with a leading `=`).
    pub accent_sensitive: bool,
    /// A template surface that ends in its slot ("Ministère des Finances {de}" made
    /// "Ministère des Finances de Biélorussie"): `text[..stem_len]` is the template's own
    /// part, followed by one space and what the slot entity filled in. The engine matches
    /// the stem once for every slot entity instead of compiling each filled surface.
    pub stem_len: Option<usize>,
    /// Made from `{raion-adj}` ("Volosovsky"): a mention only near a district designator
    /// ("les districts suivants : Volosovsky et Logoisky"), since such adjectives are also
    /// surnames ("Shklovsky").
    pub needs_district_context: bool,
    /// A name in another language (value written with a leading `~`, "~Tajikistan"):
    /// matched as it is, but no template is filled with it ("Ministère des Finances de
    /// Tajikistan" is no French name).
    pub foreign: bool,
    /// A short name that refers back to an entity the text names otherwise (value written
    /// with a leading `^`): "le Commonwealth", "la Communauté" for the CIS, in a text that
    /// names the CIS. Anywhere else it is no mention.
    pub anaphoric: bool,
    /// A name that is a mention only with a designator (value written with a leading `@`):
    /// "Centre" in "district fédéral du Centre" and in "les districts fédéraux du Centre,
    /// de l'Oural", "Volosovo" in "district de Volosovo". No bare pattern is compiled for
    /// it; designators and templates take it as any other name.
    pub needs_designator: bool,
}

/// One row of the gazetteer, templates expanded.
#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    pub kind: Kind,
    pub subtype: String,
    pub name: String,
    pub parent: Option<String>,
    pub xrefs: Vec<String>,
    pub prior: f32,
    pub names: Vec<Surface>,
    pub acronyms: Vec<Surface>,
    pub adjectives: Vec<Surface>,
    pub prefixes: Vec<Surface>,
    pub designators: Vec<String>,
    pub article: Option<String>,
    /// `file:line` of the row, for messages.
    pub origin: String,
}

impl Entity {
    /// Adds the surfaces of `other` (a template's expansion of this entity's id) that this
    /// entity does not list.
    fn take_surfaces_of(&mut self, other: Entity) {
        let columns = [
            (&mut self.names, other.names),
            (&mut self.acronyms, other.acronyms),
            (&mut self.adjectives, other.adjectives),
            (&mut self.prefixes, other.prefixes),
        ];
        for (own, theirs) in columns {
            for surface in theirs {
                if !own.iter().any(|s| s.text == surface.text) {
                    own.push(surface);
                }
            }
        }
    }

    /// Whether the entity is an ISO 3166-2 subdivision (its id names that authority).
    pub fn is_subdivision(&self) -> bool {
        self.id.starts_with("iso3166-2:")
    }

    /// A city, capital, town or village: a place named bare ("Minsk"), not a subdivision.
    pub fn is_town(&self) -> bool {
        self.kind == Kind::Region && matches!(self.subtype.as_str(), "city" | "capital" | "town" | "village")
    }

    /// The canonical name, then the texts of the `names` column.
    pub fn name_texts(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(self.names.iter().map(|n| &n.text))
    }
}

/// A loading error: which file, line, column and value, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError {
    pub file: String,
    pub line: usize,
    pub column: Option<String>,
    pub value: Option<String>,
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(column) = &self.column {
            write!(f, "column `{column}`: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(value) = &self.value {
            write!(f, " (value {value:?})")?;
        }
        Ok(())
    }
}

impl std::error::Error for GazetteerError {}

/// The columns of a row, in their required order.
pub const COLUMNS: [&str; 13] = [
    "id",
    "kind",
    "subtype",
    "name",
    "parent",
    "xrefs",
    "prior",
    "names",
    "acronyms",
    "adjectives",
    "prefixes",
    "designators",
    "article",
];
const REQUIRED_COLUMNS: usize = 4;
const SLOT_COLUMN: &str = "slot";

/// A loaded, validated gazetteer.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// The state of each entity (see [`Gazetteer::state_of`]), computed once at load.
    states: Vec<Option<EntityIdx>>,
    /// The parent of each entity, looked up once at load.
    parents: Vec<Option<EntityIdx>>,
    index: FxHashMap<String, EntityIdx>,
    /// Entity made by a template -> the template's number.
    fills: FxHashMap<EntityIdx, u32>,
    /// The reverse: (template number, slot entity) -> the entity made.
    filled: FxHashMap<(u32, EntityIdx), EntityIdx>,
    content_hash: String,
    files: Vec<String>,
}

impl Gazetteer {
    /// Loads a gazetteer from `(file name, content)` pairs. Files whose name ends in
    /// `templates.tsv` hold templates, expanded once every other row is known.
    pub fn from_sources<N: AsRef<str>, C: AsRef<str>>(sources: &[(N, C)]) -> Result<Gazetteer, GazetteerError> {
        let mut sorted: Vec<(&str, &str)> = sources.iter().map(|(n, c)| (n.as_ref(), c.as_ref())).collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        // The content hash is computed on a second thread while the files are loaded.
        std::thread::scope(|scope| {
            let hash = std::thread::Builder::new().spawn_scoped(scope, || content_hash(&sorted)).ok();
            let mut gazetteer = Gazetteer::load_sorted(&sorted)?;
            gazetteer.content_hash = match hash {
                Some(hash) => hash.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                None => content_hash(&sorted),
            };
            Ok(gazetteer)
        })
    }

    /// Loads files sorted by name; the content hash is left empty.
    fn load_sorted(sorted: &[(&str, &str)]) -> Result<Gazetteer, GazetteerError> {
        let mut rows = Vec::new();
        let mut templates = Vec::new();
        for (name, content) in sorted {
            let is_template = name.ends_with("templates.tsv");
            let parsed = parse_file(name, content, is_template)?;
            if is_template {
                templates.extend(parsed);
            } else {
                rows.extend(parsed);
            }
        }
        let mut gazetteer = Gazetteer {
            entities: Vec::new(),
            states: Vec::new(),
            parents: Vec::new(),
            index: FxHashMap::default(),
            fills: FxHashMap::default(),
            filled: FxHashMap::default(),
            content_hash: String::new(),
            files: sorted.iter().map(|(n, _)| n.to_string()).collect(),
        };
        gazetteer.insert(unlisted_firm(), LineRef { file: "(built in)".into(), line: 0 })?;
        gazetteer.insert(unlisted_institution(), LineRef { file: "(built in)".into(), line: 0 })?;
        gazetteer.insert(unlisted_region(), LineRef { file: "(built in)".into(), line: 0 })?;
        for row in rows {
            gazetteer.insert(row.entity, row.line_ref)?;
        }
        let mut fills = FxHashMap::default();
        for (number, template) in templates.iter().enumerate() {
            for (slot, entity) in expand_template(&gazetteer, template, &mut fills)? {
                // A curated row of the expansion's id and kind completes that body by hand:
                // its name, parent and other columns are the body's, and its surfaces join
                // the expansion's ("Belstat" for the statistics committee of Belarus,
                // "Mingorispolkom" for the town committee of Minsk). Two expansions of one id
                // are still an error.
                let curated = gazetteer.index.get(&entity.id).copied().filter(|&i| {
                    !gazetteer.fills.contains_key(&i) && gazetteer.entities[i.0 as usize].kind == entity.kind
                });
                if let Some(curated) = curated {
                    gazetteer.entities[curated.0 as usize].take_surfaces_of(entity);
                    gazetteer.fills.insert(curated, number as u32);
                    gazetteer.filled.insert((number as u32, slot), curated);
                    continue;
                }
                let filled = EntityIdx(gazetteer.entities.len() as u32);
                gazetteer.insert(entity, template.line_ref.clone())?;
                gazetteer.fills.insert(filled, number as u32);
                gazetteer.filled.insert((number as u32, slot), filled);
            }
        }
        gazetteer.add_names_with_every_state_name();
        gazetteer.check_parents()?;
        gazetteer.link();
        Ok(gazetteer)
    }

    /// Looks up each entity's parent and state once.
    fn link(&mut self) {
        self.states = (0..self.entities.len()).map(|i| self.find_state(EntityIdx(i as u32))).collect();
        self.parents = self.entities.iter().map(|e| e.parent.as_deref().and_then(|p| self.lookup(p))).collect();
    }

    /// A curated body whose name ends in a state's name ("Banque nationale de la République
    /// du Bélarus", "Bourse de marchandises d'Ouzbékistan") is also named with every other
    /// name of that state, as a template with a state slot names its bodies: "Banque
    /// nationale du Belarus", "... de Biélorussie", "Bourse de marchandises de la
    /// République d'Ouzbékistan". A text names a body with whichever name of its state it
    /// uses elsewhere, and no curator lists them all. A form that a curated body already
    /// has is not added (a listed form keeps its entity); bodies made by a template have
    /// all theirs already, and are left as they are. (Only the curated bodies' surfaces that
    /// end as a state's name are folded for that check: all bodies' cost some 13 ms of
    /// every start-up, and no templated body's name is a curated body's.)
    fn add_names_with_every_state_name(&mut self) {
        let is_body = |e: &Entity| matches!(e.kind, Kind::Institution | Kind::Firm);
        // "de la République du Bélarus" -> Belarus; a "de X" of two states names neither.
        let mut states: FxHashMap<String, Option<EntityIdx>> = FxHashMap::default();
        let mut fills: FxHashMap<EntityIdx, Vec<String>> = FxHashMap::default();
        for (i, e) in self.entities.iter().enumerate().filter(|(_, e)| e.kind == Kind::State) {
            let idx = EntityIdx(i as u32);
            let de = SlotFills::de_forms(e);
            for form in &de {
                states.entry(form.clone()).and_modify(|s| *s = s.filter(|&s| s == idx)).or_insert(Some(idx));
            }
            fills.insert(idx, de);
        }
        // Only a surface that ends as a state's name may be one of those made here.
        fn last_word(text: &str) -> &str {
            text.rsplit([' ', '\'', '’']).next().unwrap_or_default()
        }
        let endings: rustc_hash::FxHashSet<&str> = states.keys().map(|s| last_word(s)).collect();
        let mut taken: rustc_hash::FxHashSet<Vec<u8>> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(i, e)| is_body(e) && !self.fills.contains_key(&EntityIdx(*i as u32)))
            .flat_map(|(_, e)| e.name_texts())
            .filter(|text| endings.contains(last_word(text)))
            .map(|text| fold_surface(text))
            .collect();
        // The folded "de X" of each state, once.
        let mut folded: FxHashMap<EntityIdx, Vec<Vec<u8>>> = FxHashMap::default();
        for (i, entity) in self.entities.iter_mut().enumerate() {
            if !is_body(entity) || self.fills.contains_key(&EntityIdx(i as u32)) {
                continue;
            }
            let mut added = Vec::new();
            for surface in &entity.names {
                if surface.foreign || surface.anaphoric || surface.needs_designator || surface.stem_len.is_some() {
                    continue;
                }
                let text = &surface.text;
                // The longest ending that is "de" and a name of a state.
                let split = text.match_indices(' ').map(|(at, _)| at).find_map(|at| {
                    let rest = &text[at + 1..];
                    if !["de ", "du ", "des ", "d'", "d’"].iter().any(|p| rest.starts_with(p)) {
                        return None;
                    }
                    let state = states.get(rest).copied().flatten()?;
                    text[..at].ends_with(|c: char| c.is_alphanumeric()).then_some((at, state))
                });
                let Some((at, state)) = split else { continue };
                let folded_fills =
                    folded.entry(state).or_insert_with(|| fills[&state].iter().map(|de| fold_surface(de)).collect());
                let stem = fold_surface(&text[..at]);
                for (de, folded_de) in fills[&state].iter().zip(folded_fills.iter()) {
                    let mut key = Vec::with_capacity(stem.len() + 1 + folded_de.len());
                    key.extend_from_slice(&stem);
                    key.push(b' ');
                    key.extend_from_slice(folded_de);
                    if taken.insert(key) {
                        added.push(Surface {
                            text: format!("{} {de}", &text[..at]),
                            accent_sensitive: surface.accent_sensitive,
                            stem_len: Some(at),
                            needs_district_context: false,
                            foreign: false,
                            anaphoric: false,
                            needs_designator: false,
                        });
                    }
                }
            }
            entity.names.extend(added);
        }
    }

    /// Loads every `*.tsv` file of `dir` and of its subfolders.
    pub fn load_dir(dir: &Path) -> Result<Gazetteer, GazetteerError> {
        let mut files = Vec::new();
        collect_tsv(dir, dir, &mut files).map_err(|e| GazetteerError {
            file: dir.display().to_string(),
            line: 0,
            column: None,
            value: None,
            message: format!("cannot read gazetteer folder: {e}"),
        })?;
        if files.is_empty() {
            return Err(GazetteerError {
                file: dir.display().to_string(),
                line: 0,
                column: None,
                value: None,
                message: "no .tsv file in this folder".into(),
            });
        }
        Gazetteer::from_sources(&files)
    }

    /// The default gazetteers embedded in the binary.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_sources(Gazetteer::embedded_files())
    }

    /// `(path under gazetteers/, content)` of each embedded default gazetteer file.
    #[cfg(feature = "embedded")]
    pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
        crate::embedded::FILES
    }

    fn insert(&mut self, entity: Entity, line_ref: LineRef) -> Result<(), GazetteerError> {
        if let Some(&existing) = self.index.get(&entity.id) {
            return Err(line_ref.error(
                "id",
                &entity.id,
                format!("duplicate id, first defined at {}", self.entities[existing.0 as usize].origin),
            ));
        }
        let idx = EntityIdx(self.entities.len() as u32);
        self.index.insert(entity.id.clone(), idx);
        self.entities.push(entity);
        Ok(())
    }

    fn check_parents(&self) -> Result<(), GazetteerError> {
        for entity in &self.entities {
            if let Some(parent) = &entity.parent {
                if !self.index.contains_key(parent) {
                    let (file, line) = split_origin(&entity.origin);
                    return Err(GazetteerError {
                        file,
                        line,
                        column: Some("parent".into()),
                        value: Some(parent.clone()),
                        message: "parent id is not defined in any gazetteer file".into(),
                    });
                }
            }
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        &self.entities[idx.0 as usize]
    }

    pub fn lookup(&self, id: &str) -> Option<EntityIdx> {
        self.index.get(id).copied()
    }

    /// `sha256:<hex>` over every file name and content: two servers with the same hash
    /// serve the same gazetteer.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// The entity made by the same template as `entity` with `slot` in its slot: the
    /// Kyrgyz ministry of agriculture for the Belarusian one and Kyrgyzstan. `None` when
    /// `entity` was not made by a template, or its template does not take `slot`.
    pub fn same_template_with_slot(&self, entity: EntityIdx, slot: EntityIdx) -> Option<EntityIdx> {
        let &template = self.fills.get(&entity)?;
        self.filled.get(&(template, slot)).copied()
    }

    /// Whether a template made the entity (or a curated row stands for what it would make).
    pub fn made_by_template(&self, entity: EntityIdx) -> bool {
        self.fills.contains_key(&entity)
    }

    /// The parent of an entity, if it has one.
    pub fn parent_of(&self, idx: EntityIdx) -> Option<EntityIdx> {
        self.parents[idx.0 as usize]
    }

    /// The state an entity belongs to: itself for a state, else the first state up its
    /// parent chain.
    pub fn state_of(&self, idx: EntityIdx) -> Option<EntityIdx> {
        self.states[idx.0 as usize]
    }

    fn find_state(&self, idx: EntityIdx) -> Option<EntityIdx> {
        let mut current = idx;
        for _ in 0..8 {
            let entity = self.entity(current);
            if entity.kind == Kind::State {
                return Some(current);
            }
            current = self.lookup(entity.parent.as_deref()?)?;
        }
        None
    }

    /// Number of entities per kind.
    pub fn counts_by_kind(&self) -> [(Kind, usize); 4] {
        Kind::ALL.map(|k| (k, self.entities.iter().filter(|e| e.kind == k).count()))
    }
}

/// `sha256:<hex>` over every file name and content, in name order.
fn content_hash(sorted: &[(&str, &str)]) -> String {
    let mut hasher = Sha256::new();
    for (name, content) in sorted {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(content.as_bytes());
        hasher.update([0]);
    }
    format!("sha256:{:x}", hasher.finalize())
}

/// The entity every firm found by context but listed nowhere refers to (see `unlisted`).
fn unlisted_firm() -> Entity {
    built_in(crate::unlisted::UNLISTED_FIRM, Kind::Firm, "firme non répertoriée")
}

/// The entity every named body found by its shape but listed nowhere refers to.
fn unlisted_institution() -> Entity {
    built_in(crate::unlisted::UNLISTED_INSTITUTION, Kind::Institution, "institution non répertoriée")
}

/// The entity every territory found by its designator but listed nowhere refers to.
fn unlisted_region() -> Entity {
    built_in(crate::unlisted::UNLISTED_REGION, Kind::Region, "territoire non répertorié")
}

fn built_in(id: &str, kind: Kind, name: &str) -> Entity {
    Entity {
        id: id.to_string(),
        kind,
        subtype: "unlisted".into(),
        name: name.into(),
        parent: None,
        xrefs: Vec::new(),
        prior: 0.0,
        names: Vec::new(),
        acronyms: Vec::new(),
        adjectives: Vec::new(),
        prefixes: Vec::new(),
        designators: Vec::new(),
        article: None,
        origin: "(built in)".into(),
    }
}

fn collect_tsv(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_tsv(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "tsv") {
            let bytes = std::fs::read(&path)?;
            let content = String::from_utf8(bytes).map_err(|e| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{}: not UTF-8: {e}", path.display()))
            })?;
            let name = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            out.push((name, content));
        }
    }
    Ok(())
}

fn split_origin(origin: &str) -> (String, usize) {
    match origin.rsplit_once(':') {
        Some((file, line)) => (file.to_string(), line.parse().unwrap_or(0)),
        None => (origin.to_string(), 0),
    }
}

#[derive(Clone, Debug)]
struct LineRef {
    file: String,
    line: usize,
}

impl LineRef {
    fn error(&self, column: &str, value: &str, message: impl Into<String>) -> GazetteerError {
        GazetteerError {
            file: self.file.clone(),
            line: self.line,
            column: Some(column.to_string()),
            value: Some(value.to_string()),
            message: message.into(),
        }
    }
}

struct Row {
    entity: Entity,
    line_ref: LineRef,
    /// Template rows only: the `slot` column.
    slot: Option<String>,
}

fn parse_file(file: &str, content: &str, is_template: bool) -> Result<Vec<Row>, GazetteerError> {
    let mut header: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    for (i, raw_line) in content.lines().enumerate() {
        let line = i + 1;
        let text = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        let line_ref = LineRef { file: file.to_string(), line };
        let fields: Vec<&str> = text.split('\t').collect();
        let Some(columns) = &header else {
            check_header(&fields, is_template, &line_ref)?;
            header = Some(fields);
            continue;
        };
        if fields.len() > columns.len() {
            return Err(GazetteerError {
                file: file.to_string(),
                line,
                column: None,
                value: Some(fields[columns.len()..].join("\t")),
                message: format!("row has {} fields but the header names {} columns", fields.len(), columns.len()),
            });
        }
        let row = Fields { columns, fields };
        rows.push(parse_row(&row, &line_ref, is_template)?);
    }
    if header.is_none() {
        return Err(GazetteerError {
            file: file.to_string(),
            line: 0,
            column: None,
            value: None,
            message: "file has no header line".into(),
        });
    }
    Ok(rows)
}

fn check_header(fields: &[&str], is_template: bool, line_ref: &LineRef) -> Result<(), GazetteerError> {
    let (plain, slot) = match fields.last() {
        Some(&SLOT_COLUMN) => (&fields[..fields.len() - 1], true),
        _ => (fields, false),
    };
    let error = |message: String| GazetteerError {
        file: line_ref.file.clone(),
        line: line_ref.line,
        column: None,
        value: Some(fields.join("\t")),
        message,
    };
    if slot != is_template {
        return Err(error(if is_template {
            "a templates file needs a last column `slot`".into()
        } else {
            "only files named *templates.tsv may have a `slot` column".into()
        }));
    }
    if plain.len() < REQUIRED_COLUMNS || plain.len() > COLUMNS.len() || plain.iter().zip(COLUMNS).any(|(a, b)| *a != b)
    {
        return Err(error(format!("header must be the first columns of: {}", COLUMNS.join(" "))));
    }
    Ok(())
}

/// One row's fields, looked up by column name.
struct Fields<'a> {
    columns: &'a [&'a str],
    fields: Vec<&'a str>,
}

impl<'a> Fields<'a> {
    fn get(&self, name: &str) -> &'a str {
        self.columns.iter().position(|c| *c == name).and_then(|i| self.fields.get(i)).map(|s| s.trim()).unwrap_or("")
    }
}

fn parse_row(row: &Fields<'_>, line_ref: &LineRef, is_template: bool) -> Result<Row, GazetteerError> {
    let get = |name: &str| row.get(name);
    let id = get("id");
    if !is_template {
        check_id(id).map_err(|m| line_ref.error("id", id, m))?;
    } else if id.is_empty() {
        return Err(line_ref.error("id", id, "empty id"));
    }
    let kind_text = get("kind");
    let kind = Kind::parse(kind_text)
        .ok_or_else(|| line_ref.error("kind", kind_text, "kind must be STATE, REGION, FIRM or INSTITUTION"))?;
    let subtype = get("subtype");
    if subtype.is_empty() || !subtype.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(line_ref.error("subtype", subtype, "subtype must be a non-empty lowercase word (a-z, 0-9, -)"));
    }
    let name = get("name");
    if name.is_empty() {
        return Err(line_ref.error("name", name, "canonical name is empty"));
    }
    let parent = Some(get("parent")).filter(|p| !p.is_empty()).map(str::to_string);
    if let (Some(p), false) = (&parent, is_template) {
        check_id(p).map_err(|m| line_ref.error("parent", p, m))?;
    }
    let prior_text = get("prior");
    let prior = if prior_text.is_empty() {
        0.5
    } else {
        match prior_text.parse::<f32>() {
            Ok(p) if (0.0..=1.0).contains(&p) => p,
            _ => return Err(line_ref.error("prior", prior_text, "prior must be a number between 0 and 1")),
        }
    };
    let surfaces = |column: &str| -> Result<Vec<Surface>, GazetteerError> {
        split_list(get(column))
            .map(|value| {
                let (text, anaphoric) = match value.strip_prefix('^') {
                    Some(rest) => (rest, true),
                    None => (value, false),
                };
                let (text, needs_designator) = match text.strip_prefix('@') {
                    Some(rest) => (rest, true),
                    None => (text, false),
                };
                let (text, foreign) = match text.strip_prefix('~') {
                    Some(rest) => (rest, true),
                    None => (text, false),
                };
                let (text, accent_sensitive) = match text.strip_prefix('=') {
                    Some(rest) => (rest, true),
                    None => (text, false),
                };
                if !is_template || !text.contains('{') {
                    check_surface(text).map_err(|m| line_ref.error(column, value, m))?;
                }
                if needs_designator && column != "names" {
                    return Err(line_ref.error(column, value, "the @ marker (needs a designator) is for names only"));
                }
                Ok(Surface {
                    text: text.to_string(),
                    accent_sensitive,
                    stem_len: None,
                    needs_district_context: false,
                    foreign,
                    anaphoric,
                    needs_designator,
                })
            })
            .collect()
    };
    let article = Some(get("article")).filter(|a| !a.is_empty()).map(str::to_string);
    if let Some(a) = &article {
        if !matches!(a.as_str(), "le" | "la" | "l'" | "les") {
            return Err(line_ref.error("article", a, "article must be le, la, l' or les"));
        }
    }
    let designators: Vec<String> = split_list(get("designators")).map(str::to_string).collect();
    for d in &designators {
        check_surface(d).map_err(|m| line_ref.error("designators", d, m))?;
    }
    let entity = Entity {
        id: id.to_string(),
        kind,
        subtype: subtype.to_string(),
        name: name.to_string(),
        parent,
        xrefs: get("xrefs").split_whitespace().map(str::to_string).collect(),
        prior,
        names: surfaces("names")?,
        acronyms: surfaces("acronyms")?,
        adjectives: surfaces("adjectives")?,
        prefixes: surfaces("prefixes")?,
        designators,
        article,
        origin: format!("{}:{}", line_ref.file, line_ref.line),
    };
    let slot = is_template.then(|| get(SLOT_COLUMN).to_string());
    if let Some(s) = &slot {
        if s.is_empty() {
            return Err(line_ref.error(SLOT_COLUMN, s, "a template needs a slot: STATE or a list of ids"));
        }
    }
    Ok(Row { entity, line_ref: line_ref.clone(), slot })
}

fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value.split('|').map(str::trim).filter(|v| !v.is_empty())
}

/// Checks an id: it must name its authority.
pub fn check_id(id: &str) -> Result<(), String> {
    let ok = if let Some(code) = id.strip_prefix("iso3166-1:") {
        code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
    } else if let Some(code) = id.strip_prefix("iso3166-2:") {
        code.split_once('-').is_some_and(|(cc, sub)| {
            cc.len() == 2
                && cc.bytes().all(|b| b.is_ascii_uppercase())
                && (1..=3).contains(&sub.len())
                && sub.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
    } else if let Some(code) = id.strip_prefix("iso3166-3:") {
        code.len() == 4 && code.bytes().all(|b| b.is_ascii_uppercase())
    } else if let Some(num) = id.strip_prefix("geonames:") {
        !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit())
    } else if let Some(rest) = id.strip_prefix("gazet:") {
        rest.split_once('/').is_some_and(|(space, slug)| {
            matches!(space, "region" | "firm" | "inst" | "state")
                && !slug.is_empty()
                && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
    } else {
        false
    };
    if ok {
        Ok(())
    } else {
        Err("id must be iso3166-1:XX, iso3166-2:XX-YYY, iso3166-3:XXXX, geonames:<number> or gazet:<region|firm|inst|state>/<slug>".into())
    }
}

/// A surface must fold to something that starts and ends on a word, or it could never be
/// found on word boundaries.
fn check_surface(text: &str) -> Result<(), String> {
    if text.contains('\t') {
        return Err("surface contains a tab".into());
    }
    // An ASCII letter or digit folds to itself in lowercase, a word byte: a surface that
    // starts and ends with one passes without being folded (most of them do).
    if let (Some(first), Some(last)) = (text.bytes().next(), text.bytes().next_back()) {
        if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() {
            return Ok(());
        }
    }
    check_folded(text)
}

/// The check itself: fold, then look at both ends.
fn check_folded(text: &str) -> Result<(), String> {
    let folded = fold_surface(text);
    match (folded.first(), folded.last()) {
        (Some(&first), Some(&last)) if is_word_byte(first) && is_word_byte(last) => Ok(()),
        (None, _) => Err("surface is empty once folded".into()),
        _ => Err("surface must start and end with a letter or digit".into()),
    }
}

/// Expands one template row over its slot entities. `cache` keeps the fillers computed
/// for a slot entity, which many templates share (every ministry of every state).
fn expand_template(
    gazetteer: &Gazetteer,
    template: &Row,
    cache: &mut FxHashMap<EntityIdx, SlotFills>,
) -> Result<Vec<(EntityIdx, Entity)>, GazetteerError> {
    let slot_spec = template.slot.as_deref().unwrap_or_default();
    let slots: Vec<EntityIdx> = if let Some(selector) = SlotSelector::parse(slot_spec) {
        let selector = selector.map_err(|m| template.line_ref.error(SLOT_COLUMN, slot_spec, m))?;
        (0..gazetteer.entities.len() as u32).map(EntityIdx).filter(|&i| selector.accepts(gazetteer, i)).collect()
    } else {
        slot_spec
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|id| {
                gazetteer.lookup(id).ok_or_else(|| {
                    template.line_ref.error(SLOT_COLUMN, id, "slot id is not defined in any gazetteer file")
                })
            })
            .collect::<Result<_, _>>()?
    };
    let t = &template.entity;
    for (column, value) in [("id", t.id.as_str()), ("name", t.name.as_str())] {
        check_placeholders(value).map_err(|m| template.line_ref.error(column, value, m))?;
    }
    let columns =
        [("names", &t.names), ("acronyms", &t.acronyms), ("adjectives", &t.adjectives), ("prefixes", &t.prefixes)];
    // The placeholders of a surface do not depend on the slot: checked once, reported at
    // the same point as before (the first slot that reaches that surface).
    let placeholders: Vec<Vec<Result<(), String>>> =
        columns.iter().map(|(_, src)| src.iter().map(|s| check_placeholders(&s.text)).collect()).collect();
    let mut out = Vec::with_capacity(slots.len());
    for slot in slots {
        let s = gazetteer.entity(slot);
        let fill = Filler::new(s);
        let id = fill.single(&t.id);
        check_id(&id).map_err(|m| template.line_ref.error("id", &id, m))?;
        let Some(name) = fill.canonical(&t.name) else { continue };
        let fills = cache.entry(slot).or_insert_with(|| SlotFills::new(s));
        let mut lists: [Vec<Surface>; 4] = Default::default();
        for (((column, src), checked), dst) in columns.iter().zip(&placeholders).zip(&mut lists) {
            for (surface, checked) in src.iter().zip(checked) {
                checked.clone().map_err(|m| template.line_ref.error(column, &surface.text, m))?;
                let value = fill.single(&surface.text);
                let stem_len = slot_stem_len(&value);
                let needs_district_context = value.contains("{raion-adj}");
                for text in Filler::all(value, fills) {
                    check_surface(&text).map_err(|m| template.line_ref.error(column, &text, m))?;
                    dst.push(Surface {
                        text,
                        accent_sensitive: surface.accent_sensitive,
                        stem_len,
                        needs_district_context,
                        foreign: false,
                        // "^Rada": a short name of every body the template makes refers back.
                        anaphoric: surface.anaphoric,
                        needs_designator: false,
                    });
                }
            }
        }
        let [names, acronyms, adjectives, prefixes] = lists;
        let entity = Entity {
            id,
            kind: t.kind,
            subtype: t.subtype.clone(),
            name,
            parent: t.parent.as_ref().map(|p| fill.single(p)),
            xrefs: t.xrefs.clone(),
            prior: t.prior,
            names,
            acronyms,
            adjectives,
            prefixes,
            designators: t.designators.clone(),
            article: t.article.clone(),
            origin: format!("{} (slot {})", t.origin, s.id),
        };
        if let Some(p) = &entity.parent {
            check_id(p).map_err(|m| template.line_ref.error("parent", p, m))?;
        }
        out.push((slot, entity));
    }
    Ok(out)
}

/// Length of the stem of a templated value that ends in its slot and has no other
/// placeholder: "Ministère des Finances {de}" -> 22; "{name} Oblast" -> none.
fn slot_stem_len(value: &str) -> Option<usize> {
    let stem = value.strip_suffix(" {de}").or_else(|| value.strip_suffix(" {name}"))?;
    (!stem.contains('{') && !stem.is_empty()).then_some(stem.len())
}

/// A slot written as a selector instead of a list of ids: `STATE` (every ISO 3166-1
/// state), or `KIND:subtype` (or several, `city/capital`) optionally narrowed to states,
/// `REGION:city@BY,RU`.
struct SlotSelector {
    kind: Kind,
    /// Any of these subtypes; empty for any subtype.
    subtypes: Vec<String>,
    states: Vec<String>,
}

impl SlotSelector {
    /// `None` when the slot is a plain list of ids.
    fn parse(spec: &str) -> Option<Result<SlotSelector, String>> {
        if spec == "STATE" {
            return Some(Ok(SlotSelector { kind: Kind::State, subtypes: Vec::new(), states: Vec::new() }));
        }
        let (kind, rest) = spec.split_once(':')?;
        let kind = Kind::parse(kind).filter(|_| kind.bytes().all(|b| b.is_ascii_uppercase()))?;
        let (subtype, states) = match rest.split_once('@') {
            Some((sub, states)) => (sub, states.split(',').map(|s| format!("iso3166-1:{}", s.trim())).collect()),
            None => (rest, Vec::new()),
        };
        if subtype.split('/').any(str::is_empty) {
            return Some(Err("selector needs a subtype: KIND:subtype[/subtype][@CC,CC]".into()));
        }
        Some(Ok(SlotSelector { kind, subtypes: subtype.split('/').map(str::to_string).collect(), states }))
    }

    fn accepts(&self, gazetteer: &Gazetteer, idx: EntityIdx) -> bool {
        let e = gazetteer.entity(idx);
        e.kind == self.kind
            && (self.kind != Kind::State || !self.subtypes.is_empty() || e.id.starts_with("iso3166-1:"))
            && (self.subtypes.is_empty() || self.subtypes.contains(&e.subtype))
            && (self.states.is_empty()
                || gazetteer.find_state(idx).is_some_and(|s| self.states.contains(&gazetteer.entity(s).id)))
    }
}

const PLACEHOLDERS: [&str; 6] = ["{de}", "{name}", "{adj}", "{raion-adj}", "{slot}", "{key}"];

fn check_placeholders(value: &str) -> Result<(), String> {
    let mut rest = value;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').ok_or("unclosed `{` in template")? + open;
        let placeholder = &rest[open..=close];
        if !PLACEHOLDERS.contains(&placeholder) {
            return Err(format!("unknown placeholder {placeholder}; known: {}", PLACEHOLDERS.join(" ")));
        }
        rest = &rest[close + 1..];
    }
    Ok(())
}

/// Fills template placeholders from one slot entity.
struct Filler<'a> {
    slot: &'a Entity,
    key: String,
}

impl<'a> Filler<'a> {
    fn new(slot: &'a Entity) -> Self {
        let code = slot.id.rsplit([':', '/']).next().unwrap_or_default();
        Filler { slot, key: code.to_ascii_lowercase() }
    }

    /// Placeholders with one value: `{slot}`, `{key}`.
    fn single(&self, value: &str) -> String {
        if !value.contains("{slot}") && !value.contains("{key}") {
            return value.to_string();
        }
        replace_all(&replace_all(value, "{slot}", &self.slot.id), "{key}", &self.key)
    }

    /// The canonical name: the slot's canonical name with its own article.
    fn canonical(&self, value: &str) -> Option<String> {
        let mut out = self.single(value);
        if out.contains("{de}") {
            out = out.replace("{de}", &inflect::canonical_de(&self.slot.name, self.slot.article.as_deref()));
        }
        if out.contains("{name}") {
            out = out.replace("{name}", &self.slot.name);
        }
        if out.contains("{adj}") {
            let adj = self.slot.adjectives.first()?;
            out = out.replace("{adj}", &adj.text);
        }
        Some(out)
    }

    /// Every surface a templated value stands for, once its single-valued placeholders are
    /// filled ([`Filler::single`]): `{de}`, then `{name}`, then `{adj}` (the first
    /// occurrence of each) take every value of `fills` in turn.
    fn all(value: String, fills: &SlotFills) -> Vec<String> {
        let mut values = vec![value];
        if !values[0].contains('{') {
            return values;
        }
        let expand = |values: Vec<String>, placeholder: &str, fillers: &[String]| -> Vec<String> {
            let mut out = Vec::with_capacity(values.len() * fillers.len().max(1));
            for v in values {
                match find_placeholder(&v, placeholder, 0) {
                    // `v.replacen(placeholder, f, 1)` for every filler, the search done once.
                    Some(at) => out.extend(fillers.iter().map(|f| {
                        let mut s = String::with_capacity(v.len() - placeholder.len() + f.len());
                        s.push_str(&v[..at]);
                        s.push_str(f);
                        s.push_str(&v[at + placeholder.len()..]);
                        s
                    })),
                    None => out.push(v),
                }
            }
            out
        };
        let mut expanded = 0;
        let placeholders =
            [("{de}", &fills.de), ("{name}", &fills.bare), ("{adj}", &fills.adj), ("{raion-adj}", &fills.raion_adj)];
        for (placeholder, fillers) in placeholders {
            if values.first().is_some_and(|v| find_placeholder(v, placeholder, 0).is_some()) {
                values = expand(values, placeholder, fillers);
                expanded += 1;
            }
        }
        // The fillers of one placeholder are distinct: so are the values they make alone.
        if expanded > 1 {
            dedup(&mut values);
        }
        values
    }
}

/// Where `placeholder` (which starts with `{`) first occurs in `value` at or after `from`.
fn find_placeholder(value: &str, placeholder: &str, from: usize) -> Option<usize> {
    let bytes = value.as_bytes();
    let mut at = from;
    while let Some(i) = memchr::memchr(b'{', &bytes[at..]) {
        if bytes[at + i..].starts_with(placeholder.as_bytes()) {
            return Some(at + i);
        }
        at += i + 1;
    }
    None
}

/// `value.replace(placeholder, with)`, without building a string searcher per call.
fn replace_all(value: &str, placeholder: &str, with: &str) -> String {
    let mut out = String::with_capacity(value.len() + with.len());
    let mut rest = 0;
    while let Some(at) = find_placeholder(value, placeholder, rest) {
        out.push_str(&value[rest..at]);
        out.push_str(with);
        rest = at + placeholder.len();
    }
    out.push_str(&value[rest..]);
    out
}

/// What the multi-valued placeholders of templates stand for, for one slot entity.
struct SlotFills {
    /// `{de}`: "de X" for every name X.
    de: Vec<String>,
    /// `{name}`: every name.
    bare: Vec<String>,
    /// `{adj}`: every inflected form of every adjective.
    adj: Vec<String>,
    /// `{raion-adj}`: the Russian district adjectives of a town's names
    /// ([`inflect::raion_adjectives`]); none for other slots.
    raion_adj: Vec<String>,
}

impl SlotFills {
    /// `{de}` alone: "de X" for every name X of a state (or any slot but a town).
    fn de_forms(slot: &Entity) -> Vec<String> {
        let names = Self::names(slot);
        let mut de: Vec<String> = names
            .iter()
            .flat_map(|n| inflect::de_forms(n, None))
            .chain(names.iter().flat_map(|n| inflect::de_forms(n, slot.article.as_deref())))
            .collect();
        dedup(&mut de);
        de
    }

    fn names(slot: &Entity) -> Vec<&str> {
        std::iter::once(slot.name.as_str())
            .chain(slot.names.iter().filter(|s| !s.foreign && !s.anaphoric).map(|s| s.text.as_str()))
            .collect()
    }

    fn new(slot: &Entity) -> Self {
        let names = Self::names(slot);
        let is_town = slot.is_town();
        let de = if is_town {
            let mut de: Vec<String> = names.iter().flat_map(|n| inflect::de_forms_for_town(n)).collect();
            dedup(&mut de);
            de
        } else {
            Self::de_forms(slot)
        };
        let mut bare: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        dedup(&mut bare);
        let mut adj: Vec<String> =
            slot.adjectives.iter().filter(|a| !a.foreign).flat_map(|a| inflect::adjective_forms(&a.text)).collect();
        dedup(&mut adj);
        // Districts are named by the adjective of their town where Russian names them
        // (raions of Russia, Belarus, Ukraine, Kazakhstan, Kyrgyzstan).
        let state = slot.parent.as_deref().and_then(|p| p.split_once(':')).map(|(_, code)| code.get(..2));
        let russian_raions = matches!(state, Some(Some("RU" | "BY" | "UA" | "KZ" | "KG")));
        let mut raion_adj: Vec<String> = if is_town && russian_raions {
            names.iter().flat_map(|n| inflect::raion_adjectives(n)).collect()
        } else {
            Vec::new()
        };
        dedup(&mut raion_adj);
        SlotFills { de, bare, adj, raion_adj }
    }
}

/// Drops repeated values, keeping the first of each.
fn dedup(values: &mut Vec<String>) {
    if values.len() < 2 {
        return;
    }
    let keep: Vec<bool> = {
        let mut seen = rustc_hash::FxHashSet::with_capacity_and_hasher(values.len(), Default::default());
        values.iter().map(|v| seen.insert(v.as_str())).collect()
    };
    let mut keep = keep.into_iter();
    values.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tacronyms\tadjectives\tprefixes\tdesignators\tarticle\n";

    fn load(files: &[(&str, &str)]) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_sources(files)
    }

    #[test]
    fn loads_rows_and_expands_templates() {
        let states = format!(
            "{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBiélorussie|Bélarus\tRB\tbiélorusse\tbiélorusso\t\tla\n"
        );
        let templates = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
            gazet:inst/academy-of-sciences-{key}\tINSTITUTION\tacademy\tAcadémie nationale des sciences {de}\t{slot}\t\t\tAcadémie nationale des sciences {de}\tiso3166-1:BY\n";
        let g = load(&[("states.tsv", &states), ("curated/templates.tsv", templates)]).unwrap();
        assert_eq!(g.len(), 5, "two rows and the built-in unlisted firm, institution and territory");
        let academy = g.entity(g.lookup("gazet:inst/academy-of-sciences-by").unwrap());
        assert_eq!(academy.name, "Académie nationale des sciences de la Biélorussie");
        assert_eq!(academy.parent.as_deref(), Some("iso3166-1:BY"));
        let names: Vec<&str> = academy.names.iter().map(|s| s.text.as_str()).collect();
        for expected in [
            "Académie nationale des sciences de Biélorussie",
            "Académie nationale des sciences du Bélarus",
            "Académie nationale des sciences de la Biélorussie",
        ] {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
        // Each filled surface knows its stem, which the engine matches once for all slots.
        let stem = "Académie nationale des sciences";
        assert!(academy.names.iter().all(|s| s.stem_len == Some(stem.len()) && s.text.starts_with(stem)));
        assert_eq!(slot_stem_len("{name} Oblast"), None);
        assert_eq!(slot_stem_len("Ministère de l'{name}"), None);
        assert_eq!(slot_stem_len("Ministry of Finance of {name}"), Some("Ministry of Finance of".len()));
        assert!(g.content_hash().starts_with("sha256:"));
    }

    /// Markers before a name: `~` foreign, `=` accent-sensitive, `^` a short name that
    /// refers back. Foreign and short names (and foreign adjectives) are matched but fill
    /// no template.
    #[test]
    fn marked_names_are_matched_but_fill_no_template() {
        let states = format!(
            "{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t0.9\tBiélorussie|~Belarusland|~=Bélarusland|^Bélo|^~=Bélland\t\tbiélorusse|~belarusian\t\t\tla\n"
        );
        let templates = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
            gazet:inst/academy-of-sciences-{key}\tINSTITUTION\tacademy\tAcadémie des sciences {de}\t{slot}\t\t\tAcadémie des sciences {de}|Académie {name}|Académie {adj}\tiso3166-1:BY\n";
        let g = load(&[("states.tsv", &states), ("curated/templates.tsv", templates)]).unwrap();
        let state = g.entity(g.lookup("iso3166-1:BY").unwrap());
        let marked: Vec<(&str, bool, bool, bool)> =
            state.names.iter().map(|n| (n.text.as_str(), n.foreign, n.accent_sensitive, n.anaphoric)).collect();
        assert_eq!(
            marked,
            [
                ("Biélorussie", false, false, false),
                ("Belarusland", true, false, false),
                ("Bélarusland", true, true, false),
                ("Bélo", false, false, true),
                ("Bélland", true, true, true),
            ]
        );
        let academy = g.entity(g.lookup("gazet:inst/academy-of-sciences-by").unwrap());
        let names: Vec<&str> = academy.names.iter().map(|n| n.text.as_str()).collect();
        assert!(names.contains(&"Académie Biélorussie") && names.contains(&"Académie biélorusse"), "{names:?}");
        assert!(names.iter().all(|n| n.contains("Biélorussie") || n.contains("biélorusse")), "{names:?}");
        let engine = crate::Extractor::new(g, crate::EngineConfig::default()).unwrap();
        let found = engine.extract("Belarusland et Académie des sciences de Biélorussie", &Default::default());
        assert_eq!(found.mentions.len(), 2);
    }

    #[test]
    fn bad_rows_name_file_line_column_and_value() {
        let bad_kind = format!("{HEADER}iso3166-1:BY\tCOUNTRY\tcountry\tBiélorussie\n");
        let e = load(&[("states.tsv", &bad_kind)]).unwrap_err();
        assert_eq!(
            (e.file.as_str(), e.line, e.column.as_deref(), e.value.as_deref()),
            ("states.tsv", 2, Some("kind"), Some("COUNTRY"))
        );
        assert!(e.to_string().contains("states.tsv:2: column `kind`"), "{e}");

        let bad_id = format!("{HEADER}\n# comment\nBY\tSTATE\tcountry\tBiélorussie\n");
        let e = load(&[("s.tsv", &bad_id)]).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (4, Some("id")));

        let bad_prior = format!("{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t1.5\n");
        assert_eq!(load(&[("s.tsv", &bad_prior)]).unwrap_err().column.as_deref(), Some("prior"));

        let bad_surface = format!("{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t\tBiélorussie|« »\n");
        let e = load(&[("s.tsv", &bad_surface)]).unwrap_err();
        assert_eq!((e.column.as_deref(), e.value.as_deref()), (Some("names"), Some("« »")));

        let too_many = format!("{HEADER}iso3166-1:BY\tSTATE\tcountry\tB\t\t\t\t\t\t\t\t\t\textra\n");
        assert!(load(&[("s.tsv", &too_many)]).unwrap_err().message.contains("fields"));
    }

    #[test]
    fn duplicates_and_missing_parents_are_rejected() {
        let a = format!("{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\n");
        let b = format!("{HEADER}iso3166-1:BY\tSTATE\tcountry\tBélarus\n");
        let e = load(&[("a.tsv", &a), ("b.tsv", &b)]).unwrap_err();
        assert!(e.message.contains("duplicate id, first defined at a.tsv:2"), "{e}");

        let orphan = format!("{HEADER}iso3166-2:BY-HO\tREGION\toblast\tGomel\tiso3166-1:BY\n");
        let e = load(&[("r.tsv", &orphan)]).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (2, Some("parent")));
    }

    #[test]
    fn a_curated_row_of_an_expansions_id_completes_it() {
        let states = format!(
            "{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\niso3166-1:KZ\tSTATE\tcountry\tKazakhstan\n\
             gazet:inst/x-by\tINSTITUTION\tministry\tMinistère X du Bélarus\tiso3166-1:BY\t\t\tMinX\n"
        );
        let t = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
            gazet:inst/x-{key}\tINSTITUTION\tministry\tMinistère X {de}\t{slot}\t\t\tMinistère X {de}\tiso3166-1:BY,iso3166-1:KZ\n";
        let g = load(&[("states.tsv", &states), ("templates.tsv", t)]).unwrap();
        let by = g.lookup("gazet:inst/x-by").unwrap();
        let curated = g.entity(by);
        // Its own name and surfaces, then the expansion's.
        let names: Vec<&str> = curated.names.iter().map(|n| n.text.as_str()).collect();
        assert_eq!((curated.name.as_str(), names[0]), ("Ministère X du Bélarus", "MinX"));
        assert!(names[1..].contains(&"Ministère X de Biélorussie"), "{names:?}");
        assert!(g.lookup("gazet:inst/x-kz").is_some());
        // The curated row is the template's body for its slot, as an expansion would be.
        let kz = g.lookup("gazet:inst/x-kz").unwrap();
        assert_eq!(g.same_template_with_slot(kz, g.lookup("iso3166-1:BY").unwrap()), Some(by));
        // Two expansions of one id are still an error.
        let twice = format!("{t}gazet:inst/x-{{key}}\tINSTITUTION\tministry\tAutre {{de}}\t\t\t\t\tiso3166-1:KZ\n");
        let e = load(&[("states.tsv", &states), ("templates.tsv", &twice)]).unwrap_err();
        assert!(e.message.contains("duplicate id"), "{e}");
    }

    #[test]
    fn bodies_named_after_a_state_take_every_name_of_it() {
        let states = format!(
            "{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\t\t\t\tBélarus|République du Bélarus\t\t\t\t\tla\n\
             gazet:inst/nb\tINSTITUTION\tbank\tBanque nationale de la République du Bélarus\tiso3166-1:BY\t\t\t\
             Banque nationale de la République du Bélarus|Banque nationale de Biélorussie|Banque du Bélarus|Banque centrale Bélarus\n\
             gazet:inst/other\tINSTITUTION\tbank\tBanque nationale du Bélarus\n"
        );
        let g = load(&[("a.tsv", &states)]).unwrap();
        let names = |id: &str| -> Vec<String> {
            g.entity(g.lookup(id).unwrap()).names.iter().map(|n| n.text.clone()).collect()
        };
        let nb = names("gazet:inst/nb");
        for added in
            ["Banque nationale de la Biélorussie", "Banque de Biélorussie", "Banque de la République du Bélarus"]
        {
            assert!(nb.contains(&added.to_string()), "{added}: {nb:?}");
        }
        // A form another body has keeps its entity; a state name not after "de" is no slot.
        assert!(!nb.contains(&"Banque nationale du Bélarus".to_string()), "{nb:?}");
        assert!(!nb.iter().any(|n| n.starts_with("Banque centrale") && n != "Banque centrale Bélarus"), "{nb:?}");
        // The stem is compiled once and the state's names looked up after it.
        let stems: Vec<Option<usize>> =
            g.entity(g.lookup("gazet:inst/nb").unwrap()).names.iter().map(|n| n.stem_len).collect();
        assert_eq!(&stems[..4], [None, None, None, None]);
        assert!(stems[4..].iter().all(Option::is_some));
    }

    #[test]
    fn headers_are_checked() {
        let e = load(&[("a.tsv", "id\tname\tkind\n")]).unwrap_err();
        assert!(e.message.contains("header"));
        let e = load(&[("a.tsv", "# only a comment\n")]).unwrap_err();
        assert!(e.message.contains("no header"));
        let t = "id\tkind\tsubtype\tname\tnames\tslot\n";
        assert!(load(&[("x-templates.tsv", t)]).is_err());
    }

    #[test]
    fn unknown_template_placeholders_are_rejected() {
        let states = format!("{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\n");
        let t = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
            gazet:inst/x-{key}\tINSTITUTION\tministry\tMinistère {pays}\t\t\t\tMinistère {de}\tSTATE\n";
        let e = load(&[("states.tsv", &states), ("templates.tsv", t)]).unwrap_err();
        assert!(e.message.contains("unknown placeholder {pays}"), "{e}");
    }

    #[test]
    fn slot_selectors_pick_entities_by_kind_subtype_and_state() {
        let rows = format!(
            "{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\n\
             iso3166-1:FR\tSTATE\tcountry\tFrance\n\
             geonames:620181\tREGION\tcity\tVileïka\tiso3166-1:BY\n\
             geonames:2988507\tREGION\tcity\tParis\tiso3166-1:FR\n"
        );
        let t = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
            gazet:region/district-{key}\tREGION\tdistrict\tdistrict {de}\t{slot}\t\t\tdistrict {de}\tREGION:city@BY\n";
        let g = load(&[("a.tsv", &rows), ("templates.tsv", t)]).unwrap();
        let district = g.entity(g.lookup("gazet:region/district-620181").unwrap());
        assert_eq!(district.name, "district de Vileïka");
        assert!(g.lookup("gazet:region/district-2988507").is_none());
        let bad = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
            gazet:region/x-{key}\tREGION\tdistrict\tx {de}\t\t\t\tx {de}\tREGION:\n";
        assert_eq!(load(&[("a.tsv", &rows), ("templates.tsv", bad)]).unwrap_err().column.as_deref(), Some("slot"));
        // Several subtypes, one row: the capital too.
        let rows = format!("{rows}geonames:625144\tREGION\tcapital\tMinsk\tiso3166-1:BY\n");
        let t = "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tslot\n\
            gazet:region/district-{key}\tREGION\tdistrict\tdistrict {de}\t{slot}\t\t\tdistrict {de}\tREGION:city/capital@BY\n";
        let g = load(&[("a.tsv", &rows), ("templates.tsv", t)]).unwrap();
        assert!(g.lookup("gazet:region/district-620181").is_some());
        assert!(g.lookup("gazet:region/district-625144").is_some());
        assert!(g.lookup("gazet:region/district-2988507").is_none());
        let bad = bad.replace("REGION:", "REGION:city/");
        assert_eq!(load(&[("a.tsv", &rows), ("templates.tsv", &bad)]).unwrap_err().column.as_deref(), Some("slot"));
    }

    #[test]
    fn surface_check_shortcut_agrees_with_folding() {
        let g = Gazetteer::embedded().unwrap();
        let mut checked = 0;
        for e in g.entities() {
            let surfaces = e.names.iter().chain(&e.acronyms).chain(&e.adjectives).chain(&e.prefixes);
            for text in surfaces.map(|s| s.text.as_str()).chain(e.designators.iter().map(String::as_str)) {
                assert_eq!(check_surface(text), check_folded(text), "{text}");
                checked += 1;
            }
        }
        assert!(checked > 10_000);
        for text in ["a", "Z9", "9 a", "A.B", "ab-cd", "x  y", "É1", "1É", "a'b", "0", "(a)", "a -", "- a"] {
            assert_eq!(check_surface(text), check_folded(text), "{text}");
        }
    }

    #[test]
    fn placeholder_replacement_is_str_replace() {
        for (value, p) in [
            ("Ministère {de}", "{de}"),
            ("{de} et {de}", "{de}"),
            ("{{de}}", "{de}"),
            ("x{name", "{name}"),
            ("{slot}/{slot}", "{slot}"),
            ("", "{key}"),
            ("{ke{key}", "{key}"),
        ] {
            assert_eq!(replace_all(value, p, "Bélarus"), value.replace(p, "Bélarus"), "{value}");
            assert_eq!(find_placeholder(value, p, 0), value.find(p), "{value}");
        }
    }

    #[test]
    fn state_of_walks_up_parents() {
        let rows = format!(
            "{HEADER}iso3166-1:BY\tSTATE\tcountry\tBiélorussie\n\
             iso3166-2:BY-HO\tREGION\toblast\tGomel\tiso3166-1:BY\n\
             geonames:627907\tREGION\tcity\tGomel\tiso3166-2:BY-HO\n"
        );
        let g = load(&[("a.tsv", &rows)]).unwrap();
        let city = g.lookup("geonames:627907").unwrap();
        assert_eq!(g.state_of(city), g.lookup("iso3166-1:BY"));
    }
}
