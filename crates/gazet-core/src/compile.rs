//! Compiles a gazetteer into surface forms and an Aho-Corasick automaton (in parts built
//! side by side, [`Automata`]).
//!
//! Every surface the engine can recognise is produced here, once, at load time: names,
//! acronyms, inflected adjectives and their demonym nouns, combining prefixes, designator
//! forms of regions ("région de Gomel", "régions de Gomel"). Surfaces are folded
//! (`normalize::fold_surface`); surfaces that fold to the same bytes share one pattern
//! and keep their differences (entity, form, case policy) as variants.
//!
//! Template surfaces filled by their slot ("Ministère des Finances de Biélorussie", three
//! quarters of all surface bytes) are patterns too, but outside the automaton: it holds
//! their stem ("ministere des finances") once, and [`Slots`] takes a stem and the folded
//! words after it to the filled pattern. The automaton is a third of the size it would be,
//! and builds in a third of the time.

use rustc_hash::FxHashMap;
use std::time::{Duration, Instant};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind};
use serde::Serialize;

use crate::case::Shape;
use crate::gazetteer::{EntityIdx, Gazetteer, Kind, Surface};
use crate::inflect;
use crate::normalize::{fold_surface, is_word_byte};
use crate::words::{short_word_at, word_hash, word_hash_at, Words};

mod image;
pub use image::{header as image_header, ImageHeader};

/// How a mention refers to its entity (ANNOTATION.md "Forms").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Name,
    Acronym,
    Adjective,
    Demonym,
    Prefix,
}

impl Form {
    pub const ALL: [Form; 5] = [Form::Name, Form::Acronym, Form::Adjective, Form::Demonym, Form::Prefix];

    pub fn as_str(self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Acronym => "acronym",
            Form::Adjective => "adjective",
            Form::Demonym => "demonym",
            Form::Prefix => "prefix",
        }
    }

    pub fn parse(s: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// What the original text must look like for a surface to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CasePolicy {
    /// A proper name written with a capital: the text must start with a capital, and every
    /// word the gazetteer capitalises must be capitalised in the text too ("Minsk Tractor
    /// Works" is not "Minsk tractor works").
    Capitalised,
    /// A name the gazetteer writes in lowercase ("comité exécutif régional de Gomel"): any
    /// initial case.
    AnyInitial,
    /// An acronym: every letter's case as written.
    Exact,
    /// An adjective: lowercase, capitalised or all capitals.
    Adjective,
    /// A demonym noun: capitalised or all capitals.
    Demonym,
}

/// One way a pattern can be read.
#[derive(Clone, Debug)]
pub struct Variant {
    pub entity: EntityIdx,
    pub form: Form,
    pub policy: CasePolicy,
    /// The surface as the gazetteer (or an inflection rule) wrote it.
    pub surface: Box<str>,
    pub accent_sensitive: bool,
    /// A plural designator ("régions de Gomel"): coordinated names that follow are regions.
    pub plural_designator: bool,
    /// A singular designator written as its plural ("marz de Chirak", "novads"): plural
    /// after a plural determiner ("les marz de Chirak et de Lorri"). The two surfaces make
    /// one variant.
    pub plural_as_singular: bool,
    /// The bare name of a first-level subdivision ("Gomel" for the oblast): ranked below a
    /// city of the same name, since a bare city name is the city.
    pub bare_subdivision: bool,
    /// One of [`NAMES_NEEDING_THEIR_ARTICLE`].
    pub needs_article: bool,
    /// A district adjective ([`Surface::needs_district_context`]).
    pub needs_district_context: bool,
    /// Alike the variant before it of the same pattern in everything the extraction checks
    /// read (policy, form, accent flag, surface): a homonym of another entity, shares its
    /// answer. Set once at build time: comparing the surfaces at each match read a string
    /// scattered in memory per variant, dozens for a surface of a large gazetteer.
    pub same_checks_as_previous: bool,
    /// A short name that refers back ([`Surface::anaphoric`]).
    pub anaphoric: bool,
}

/// Names that are also common French nouns, and name the place only after their article:
/// "à la Réunion" is the island, "Réunion du Conseil des chefs d'État" a meeting.
pub(crate) const NAMES_NEEDING_THEIR_ARTICLE: &[&str] = &["Réunion"];

/// Engine settings that change which surfaces match.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    /// Per form: match accents exactly (default: accent-insensitive for every form).
    pub accent_sensitive: Vec<Form>,
    /// Words that, joined by a hyphen before a mention, make it something else
    /// ("post-soviétique" is not the USSR, "sud-américain" is South American). Folded. A
    /// compound the gazetteer lists whole ("nord-coréen") is matched whole all the same.
    pub blocking_prefixes: Vec<String>,
}

impl Default for EngineConfig {
    fn default() -> Self {
        let blocking = ["post", "pre", "nord", "sud", "est", "ouest", "latino"];
        EngineConfig { accent_sensitive: Vec::new(), blocking_prefixes: blocking.map(String::from).to_vec() }
    }
}

/// The compiled gazetteer: patterns, their variants, the automaton and a prefilter.
pub struct Compiled {
    pub(crate) automata: Automata,
    /// Folded bytes of each pattern.
    pub(crate) patterns: Vec<Box<[u8]>>,
    /// `variants[pattern_ranges[p]]` are the readings of pattern `p`, best static rank first.
    pub(crate) pattern_ranges: Vec<(u32, u32)>,
    pub(crate) variants: Vec<Variant>,
    /// The case shape of each variant's surface, for its case policy.
    /// Made on first use: a text meets few of the variants, and making all of them at
    /// build time was a sixth of the start-up's instructions.
    shapes: Box<[std::sync::OnceLock<Shape>]>,
    /// Bloom filters over how patterns start: a word of the text that is neither a
    /// one-word pattern nor, with the word after it, the start of a longer one cannot begin
    /// a match, and the automaton is not entered. Most words of a French text ("de", "la",
    /// "région" before a lowercase noun) are turned away here.
    pub(crate) starts: StartFilter,
    /// Folded hash of each word the scan spots for the rules that read context -> what it
    /// may be: [`CUE_FIRM`] (a cue of unlisted firms, `unlisted::cue_words`),
    /// [`CUE_TERRITORY`] (the first word of a territory designator), [`CUE_DISTRICT`] (a
    /// district designator, [`DISTRICT_WORDS`]), [`CUE_BODY`] (the head noun of a public
    /// body, `unlisted::body_head_words`), [`CUE_PLACE`] (a noun that places follow,
    /// `places::head_words`), or several.
    pub(crate) cues: FxHashMap<u64, u8>,
    /// District adjectives (`{raion-adj}` surfaces, "volkhovsky"), folded, -> their districts,
    /// best static rank first. Found by context near district designators, not by the
    /// automaton: the same words are surnames elsewhere.
    pub(crate) district_adjectives: FxHashMap<Box<[u8]>, Vec<EntityIdx>>,
    /// Template surfaces filled by their slot, found from their stems.
    pub(crate) slots: Slots,
    /// The automaton's state after each first word of its patterns.
    pub(crate) first_words: FirstWords,
    pub(crate) build_time: Duration,
    /// Patterns with readings (see [`Compiled::forms_patterns`]), counted once.
    forms_patterns: usize,
    /// Read from a compiled image ([`Compiled::load_with_image`]) rather than compiled.
    from_image: bool,
}

/// Figures about a compiled gazetteer.
#[derive(Clone, Debug, Serialize)]
pub struct CompileStats {
    pub entities: usize,
    pub surface_forms: usize,
    /// Distinct folded surface forms.
    pub patterns: usize,
    /// Patterns of the automaton: the forms, less the filled template surfaces, plus their
    /// stems.
    pub automaton_patterns: usize,
    pub automaton_bytes: usize,
    /// Time to compile the gazetteer; from an image, time to load the gazetteer and build
    /// the automaton, which run side by side.
    pub build_millis: f64,
    /// Read from the image compiled when the binary was built, not compiled at start-up:
    /// only the automaton was built.
    pub from_image: bool,
}

impl Compiled {
    /// Compiles every surface of `gazetteer`. This thread produces the surfaces, folds them
    /// and groups them into patterns, and hands each new pattern on to the thread that
    /// builds its part of the automaton meanwhile ([`Automata`]: each part's trie is built
    /// as patterns arrive); the ranking of variants and the start filter are then made here
    /// while the parts get their failure transitions. Case shapes are made on first use.
    pub fn build(gazetteer: &Gazetteer, config: &EngineConfig) -> Result<Compiled, String> {
        let started = Instant::now();
        let threaded = build_side_by_side().then(|| {
            std::thread::scope(|scope| {
                // Unbounded: the producer never waits for the automata (about 200 chunks for
                // the default gazetteer, 1,500 for a million forms).
                let (senders, receivers): (Vec<_>, Vec<_>) = (0..PARTS).map(|_| std::sync::mpsc::channel()).unzip();
                let mut parts = Vec::with_capacity(PARTS);
                for receiver in receivers {
                    let part = std::thread::Builder::new()
                        .name("gazet-automaton".into())
                        .spawn_scoped(scope, move || build_part(receiver))
                        .ok()?;
                    parts.push(part);
                }
                let built = build_variants(gazetteer, config, senders);
                let parts: Vec<Result<Part, String>> = parts
                    .into_iter()
                    .map(|part| part.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                    .collect();
                Some((parts, built))
            })
        });
        let (parts, tables) = match threaded.flatten() {
            Some(done) => done,
            None => {
                // One core, or no thread to be had: the same steps one after the other.
                let (senders, receivers): (Vec<_>, Vec<_>) = (0..PARTS).map(|_| std::sync::mpsc::channel()).unzip();
                let built = build_variants(gazetteer, config, senders);
                (receivers.into_iter().map(build_part).collect(), built)
            }
        };
        let automata = Automata { parts: parts.into_iter().collect::<Result<_, _>>()? };
        let first_words = FirstWords::new(&automata, &tables.patterns[..automata.patterns_len()]);
        Ok(Compiled::assemble(automata, first_words, tables, started, false))
    }

    /// The compiled gazetteer of its parts, however they were made (compiled here, or read
    /// from an image); what can be derived from them is derived here.
    fn assemble(
        automata: Automata,
        first_words: FirstWords,
        tables: Tables,
        started: Instant,
        from_image: bool,
    ) -> Compiled {
        let Tables { patterns, pattern_ranges, variants, starts, cues, slots, district_adjectives } = tables;
        let forms_patterns = pattern_ranges.iter().filter(|(a, b)| a < b).count();
        let shapes = std::iter::repeat_with(std::sync::OnceLock::new).take(variants.len()).collect();
        Compiled {
            automata,
            first_words,
            patterns,
            pattern_ranges,
            variants,
            shapes,
            starts,
            cues,
            district_adjectives,
            slots,
            build_time: started.elapsed(),
            forms_patterns,
            from_image,
        }
    }

    /// The case shape of variant `v`'s surface, for its case policy.
    #[inline]
    pub(crate) fn shape(&self, v: usize) -> &Shape {
        self.shapes[v].get_or_init(|| Shape::of(&self.variants[v].surface))
    }

    pub fn variants_of(&self, pattern: u32) -> &[Variant] {
        let (a, b) = self.pattern_ranges[pattern as usize];
        &self.variants[a as usize..b as usize]
    }

    pub fn stats(&self, gazetteer: &Gazetteer) -> CompileStats {
        CompileStats {
            entities: gazetteer.len(),
            surface_forms: self.variants.len(),
            patterns: self.forms_patterns,
            automaton_patterns: self.automata.patterns_len(),
            automaton_bytes: self.automata.memory_usage(),
            build_millis: self.build_time.as_secs_f64() * 1000.0,
            from_image: self.from_image,
        }
    }

    /// The folded patterns that have readings (the stems of filled template surfaces
    /// alone have none): every surface form's bytes, once.
    pub fn forms_patterns(&self) -> impl Iterator<Item = &[u8]> {
        self.patterns.iter().zip(&self.pattern_ranges).filter(|(_, (a, b))| a < b).map(|(p, _)| &**p)
    }

    /// Every compiled surface form: (surface, folded pattern, variant).
    pub fn forms(&self) -> impl Iterator<Item = (&[u8], &Variant)> {
        self.pattern_ranges.iter().enumerate().flat_map(move |(p, &(a, b))| {
            self.variants[a as usize..b as usize].iter().map(move |v| (&*self.patterns[p], v))
        })
    }
}

/// How many automata the patterns are split into, by their first byte ([`Automata`]).
const PARTS: usize = 2;

/// Whether builds of this process put their parts one after the other
/// ([`build_one_part_at_a_time`]).
static ONE_PART_AT_A_TIME: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes every later build of this process build the automaton's parts one after the other
/// on one thread instead of side by side.
///
/// Side by side is the default: it halves the start-up on two cores, which a batch run or a
/// command pays at each start. But each part's build holds its scratch (the automaton's
/// first, noncontiguous form) until it is done, so two at once raise the peak of resident
/// memory by the larger one's: a server builds once (and again beside the serving engine on
/// each reload) and is then judged by its memory for hours, so it builds one at a time (the
/// default gazetteers: peak 198 -> 181 MB, for a start-up some 100 ms longer). The result
/// is the same either way.
pub fn build_one_part_at_a_time(yes: bool) {
    ONE_PART_AT_A_TIME.store(yes, std::sync::atomic::Ordering::Relaxed);
}

/// Whether to build side by side: more than one core to build on, and not told otherwise
/// ([`build_one_part_at_a_time`]). Otherwise the parts of the automaton are built one after
/// the other on this thread.
fn build_side_by_side() -> bool {
    !ONE_PART_AT_A_TIME.load(std::sync::atomic::Ordering::Relaxed)
        && std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2
}

/// The automaton, in parts that are built side by side.
///
/// Building the automaton is most of the start-up's work (the `aho-corasick` crate builds
/// it but cannot save it, so it is built at each start), and one automaton is built on one
/// thread. A walk always starts at a pattern's first byte, so the patterns are split by
/// that byte into parts of about the same size, each an automaton of its own built on its
/// own thread, and a walk goes into the part of the byte it starts at: the same matches as
/// one automaton, in about half the wall time on two cores.
pub(crate) struct Automata {
    parts: Vec<Part>,
}

/// One part of [`Automata`]: its automaton, and the id of each of its patterns in the
/// whole set (its patterns are numbered from 0 in the automaton).
pub(crate) struct Part {
    pub(crate) nfa: contiguous::NFA,
    pub(crate) ids: Vec<u32>,
}

impl Automata {
    /// The part that holds the patterns starting with `byte`: bytes before 'n' in the
    /// first (folded text is lowercase; "r" for "région", "république" starts a sixth of
    /// the patterns, "m" and "p" most of the rest), the others in the second: 48 % and 52 %
    /// of the default set's automaton patterns.
    #[inline]
    pub(crate) fn part_of(byte: u8) -> usize {
        usize::from(byte >= b'n') * (PARTS - 1)
    }

    #[inline]
    pub(crate) fn part_at(&self, byte: u8) -> &Part {
        &self.parts[Automata::part_of(byte)]
    }

    /// Builds the parts of `patterns` (their ids are their positions), one per thread when
    /// [`build_side_by_side`].
    fn build<P: AsRef<[u8]> + Sync>(patterns: &[P]) -> Result<Automata, String> {
        let mut split: Vec<Vec<u32>> = vec![Vec::new(); PARTS];
        for (id, pattern) in patterns.iter().enumerate() {
            let first = pattern.as_ref().first().copied().unwrap_or(0);
            split[Automata::part_of(first)].push(id as u32);
        }
        let part = |ids: Vec<u32>| {
            let nfa = build_automaton_from(ids.iter().map(|&id| patterns[id as usize].as_ref()))?;
            Ok(Part { nfa, ids })
        };
        let parts: Vec<Result<Part, String>> = if build_side_by_side() {
            std::thread::scope(|scope| {
                let mut split = split.into_iter();
                let first = split.next().unwrap_or_default();
                let others: Vec<_> = split
                    .map(|ids| {
                        std::thread::Builder::new().name("gazet-automaton".into()).spawn_scoped(scope, || part(ids))
                    })
                    .collect();
                let mut parts = vec![part(first)];
                for other in others {
                    parts.push(match other {
                        Ok(thread) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                        Err(e) => Err(format!("cannot start a thread to build the automaton: {e}")),
                    });
                }
                parts
            })
        } else {
            split.into_iter().map(part).collect()
        };
        Ok(Automata { parts: parts.into_iter().collect::<Result<_, _>>()? })
    }

    pub(crate) fn patterns_len(&self) -> usize {
        self.parts.iter().map(|p| p.nfa.patterns_len()).sum()
    }

    pub(crate) fn memory_usage(&self) -> usize {
        self.parts.iter().map(|p| p.nfa.memory_usage() + p.ids.len() * 4).sum()
    }
}

/// Where a walk of the automaton stands after the first word of a match, by that word.
///
/// A walk starts at a word start and reads the text byte by byte. Its first word costs the
/// most: near the root the states branch widely, and the transitions of a sparse state are
/// searched one by one, a branch each whose outcome cannot be predicted. Walks are started
/// by few distinct words ("republique", "minsk"), so the state after each first word of a
/// pattern is kept, and a walk resumes from it after one hash lookup. The key is the word's
/// bytes themselves (words of up to 16 bytes, nearly all), so a lookup is exact and reads
/// one entry; longer words walk from the root.
#[derive(Default)]
pub(crate) struct FirstWords {
    states: FxHashMap<ShortWord, StateID>,
}

/// A word of at most 16 bytes (`words::short_word_at`) with its hash, hashed as that.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortWord {
    hash: u64,
    bytes: (u64, u64),
}

impl std::hash::Hash for ShortWord {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl FirstWords {
    fn new<P: AsRef<[u8]>>(automata: &Automata, patterns: &[P]) -> FirstWords {
        let mut states = FxHashMap::default();
        for pattern in patterns {
            let pattern = pattern.as_ref();
            let Some((0, end)) = Words::new(pattern).next() else { continue };
            if end > 16 {
                continue;
            }
            let nfa = &automata.part_at(pattern[0]).nfa;
            let Ok(start) = nfa.start_state(Anchored::Yes) else { continue };
            let key = ShortWord { hash: word_hash_at(pattern, 0, end), bytes: short_word_at(pattern, 0, end) };
            states
                .entry(key)
                .or_insert_with(|| pattern[..end].iter().fold(start, |sid, &b| nfa.next_state(Anchored::Yes, sid, b)));
        }
        FirstWords { states }
    }

    /// The state after the word `text[start..end]` (of hash `hash`), if it is the first
    /// word of a pattern.
    #[inline]
    pub(crate) fn state_after(&self, text: &[u8], start: usize, end: usize, hash: u64) -> Option<StateID> {
        if end - start > 16 {
            return None;
        }
        self.states.get(&ShortWord { hash, bytes: short_word_at(text, start, end) }).copied()
    }
}

/// Patterns of one part, in the order they were found, sent to its automaton thread in
/// batches, with their ids.
#[derive(Default)]
struct PatternChunk {
    bytes: Vec<u8>,
    ends: Vec<u32>,
    ids: Vec<u32>,
}

impl PatternChunk {
    const PATTERNS: usize = 512;

    fn push(&mut self, pattern: &[u8], id: u32) {
        self.bytes.extend_from_slice(pattern);
        self.ends.push(self.bytes.len() as u32);
        self.ids.push(id);
    }
}

/// One pattern of a chunk, as the automaton builder reads it.
struct ChunkPattern(std::sync::Arc<PatternChunk>, usize);

impl AsRef<[u8]> for ChunkPattern {
    fn as_ref(&self) -> &[u8] {
        let start = if self.1 == 0 { 0 } else { self.0.ends[self.1 - 1] as usize };
        &self.0.bytes[start..self.0.ends[self.1] as usize]
    }
}

/// Builds a part of the automata ([`Automata`]) from its patterns as they arrive, in order,
/// with their ids.
///
/// The engine walks the automaton only anchored, from word starts (`Extractor::walk`), and
/// keeps the matches whose length is the walked length: unanchored search is never used,
/// so the automaton needs no prefilter.
fn build_part(receiver: std::sync::mpsc::Receiver<PatternChunk>) -> Result<Part, String> {
    let mut ids = Vec::new();
    let nfa = build_automaton_from(receiver.into_iter().flat_map(|chunk| {
        ids.extend_from_slice(&chunk.ids);
        let chunk = std::sync::Arc::new(chunk);
        (0..chunk.ends.len()).map(move |i| ChunkPattern(chunk.clone(), i))
    }))?;
    Ok(Part { nfa, ids })
}

/// The automaton of `patterns`, in order (see [`build_part`]).
fn build_automaton_from<P: AsRef<[u8]>>(patterns: impl IntoIterator<Item = P>) -> Result<contiguous::NFA, String> {
    contiguous::Builder::new()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(patterns)
        .map_err(|e| format!("cannot build the automaton: {e}"))
}

/// Everything of a compiled gazetteer but its automaton (see [`Compiled`]'s fields): what
/// [`build_variants`] makes and an image holds.
struct Tables {
    patterns: Vec<Box<[u8]>>,
    pattern_ranges: Vec<(u32, u32)>,
    variants: Vec<Variant>,
    starts: StartFilter,
    cues: FxHashMap<u64, u8>,
    slots: Slots,
    district_adjectives: FxHashMap<Box<[u8]>, Vec<EntityIdx>>,
}

pub(crate) const CUE_FIRM: u8 = 1;
pub(crate) const CUE_TERRITORY: u8 = 2;
pub(crate) const CUE_DISTRICT: u8 = 4;
pub(crate) const CUE_BODY: u8 = 8;
pub(crate) const CUE_PLACE: u8 = 16;

/// Folded words that say "district" before or after a district adjective.
pub(crate) const DISTRICT_WORDS: &[&str] = &["district", "districts", "raion", "raions", "rayon", "rayons"];

/// Patterns as they are found: each new one goes to the automaton thread in chunks.
struct Producer {
    by_key: FxHashMap<Box<[u8]>, u32>,
    patterns: Vec<Box<[u8]>>,
    grouped: Vec<Vec<Variant>>,
    /// One chunk and one sender per part of the automata.
    chunks: Vec<PatternChunk>,
    senders: Vec<std::sync::mpsc::Sender<PatternChunk>>,
}

impl Producer {
    /// The pattern of `key`, made (and sent on to its part) if it is new.
    fn pattern(&mut self, key: &[u8]) -> u32 {
        if let Some(&p) = self.by_key.get(key) {
            return p;
        }
        let p = self.patterns.len() as u32;
        let part = Automata::part_of(key.first().copied().unwrap_or(0));
        let chunk = &mut self.chunks[part];
        chunk.push(key, p);
        if chunk.ends.len() == PatternChunk::PATTERNS {
            // A closed receiver means the automaton thread failed: its error is reported
            // when it is joined.
            let _ = self.senders[part].send(std::mem::take(chunk));
        }
        let key: Box<[u8]> = key.into();
        self.patterns.push(key.clone());
        self.grouped.push(Vec::new());
        self.by_key.insert(key, p);
        p
    }

    fn add(&mut self, key: &[u8], variant: Variant) {
        let p = self.pattern(key);
        push_unique(&mut self.grouped[p as usize], variant);
    }

    /// Sends the last chunks and closes the streams: the automata are complete.
    fn finish(self) -> (Vec<Box<[u8]>>, Vec<Vec<Variant>>) {
        for (chunk, sender) in self.chunks.into_iter().zip(self.senders) {
            if !chunk.ends.is_empty() {
                let _ = sender.send(chunk);
            }
        }
        drop(self.by_key);
        (self.patterns, self.grouped)
    }
}

fn push_unique(list: &mut Vec<Variant>, variant: Variant) {
    let duplicate = list.iter().any(|v| {
        v.entity == variant.entity
            && v.form == variant.form
            && v.policy == variant.policy
            && v.surface == variant.surface
    });
    if !duplicate {
        list.push(variant);
    }
}

/// Template surfaces that end in their slot ("Ministère des Finances de Biélorussie", see
/// [`Surface::stem_len`]) are not patterns of the automaton: a dozen states times every
/// ministry would make three quarters of its states and of its build time. The stem
/// ("ministere des finances") is; when the scan meets it, the folded words after it are
/// looked up here. A filled surface is a pattern all the same, with an id past those of
/// the automaton, its variants and its case shape, so that it is checked, ranked and
/// listed (`gazet gazetteer forms`) like any other.
#[derive(Default)]
pub(crate) struct Slots {
    /// Bit `p`: pattern `p` of the automaton is the stem of some filled surface.
    stems: Vec<u64>,
    /// (stem pattern, hash of the folded continuation after its space) -> filled pattern.
    filled: FxHashMap<(u32, u64), u32>,
    /// Stem pattern -> bit `n` set if one of its continuations is `n` folded bytes long.
    /// The word ends after a stem are many and its continuations few: most are turned away
    /// here rather than by a lookup in `filled`, a cache miss each.
    lengths: FxHashMap<u32, Box<[u64]>>,
    /// Longest continuation, in folded bytes.
    longest: usize,
}

impl Slots {
    #[inline]
    pub(crate) fn is_stem(&self, pattern: u32) -> bool {
        self.stems.get(pattern as usize / 64).is_some_and(|w| w & (1 << (pattern % 64)) != 0)
    }

    pub(crate) fn filled(&self, stem: u32, continuation: &[u8]) -> Option<u32> {
        self.filled.get(&(stem, word_hash(continuation))).copied()
    }

    /// The continuation lengths of stem `stem` (bit `n`: `n` bytes long), if it is one.
    #[inline]
    pub(crate) fn lengths(&self, stem: u32) -> Option<&[u64]> {
        self.lengths.get(&stem).map(|l| &**l)
    }

    pub(crate) fn longest(&self) -> usize {
        self.longest
    }
}

/// A filled surface waiting for the end of the build: its stem pattern and folded fill.
struct Filled {
    stem: u32,
    fill: u32,
    variants: Vec<Variant>,
}

/// The fills of template slots ("de Biélorussie"), each folded once: a fill is shared by
/// every template of its slot entity.
#[derive(Default)]
struct Fills {
    /// Fill as written -> its folded fill, if it starts with a word byte.
    ids: FxHashMap<Box<str>, Option<u32>>,
    /// Folded fill -> id (fills written apart may fold alike: "Bélarus", "Belarus").
    by_folded: FxHashMap<Box<[u8]>, u32>,
    /// Folded bytes and their hash, by id.
    folded: Vec<(Box<[u8]>, u64)>,
}

impl Fills {
    fn id(&mut self, fill: &str) -> Option<u32> {
        if let Some(&id) = self.ids.get(fill) {
            return id;
        }
        let folded = fold_surface(fill);
        let id = folded.first().is_some_and(|&b| is_word_byte(b)).then(|| {
            *self.by_folded.entry(folded.as_slice().into()).or_insert_with(|| {
                let hash = word_hash(&folded);
                self.folded.push((folded.into_boxed_slice(), hash));
                (self.folded.len() - 1) as u32
            })
        });
        self.ids.insert(fill.into(), id);
        id
    }
}

/// Every variant of every entity, grouped by folded pattern; each new pattern goes to
/// `sender` as soon as it is found.
fn build_variants(
    gazetteer: &Gazetteer,
    config: &EngineConfig,
    senders: Vec<std::sync::mpsc::Sender<PatternChunk>>,
) -> Tables {
    let mut producer = Producer {
        by_key: FxHashMap::default(),
        patterns: Vec::new(),
        grouped: Vec::new(),
        chunks: senders.iter().map(|_| PatternChunk::default()).collect(),
        senders,
    };
    let mut filled: Vec<Filled> = Vec::new();
    let mut filled_at: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    // Stems are shared by every slot entity of a template: folded once each.
    let mut stems: FxHashMap<Box<str>, Option<u32>> = FxHashMap::default();
    let mut fills = Fills::default();
    let mut district_adjectives: FxHashMap<Box<[u8]>, Vec<EntityIdx>> = FxHashMap::default();
    for (i, entity) in gazetteer.entities().iter().enumerate() {
        let idx = EntityIdx(i as u32);
        for_each_variant(idx, entity, config, &mut |surface, variant, stem_len| {
            if variant.needs_district_context {
                let districts = district_adjectives.entry(fold_surface(surface).into()).or_default();
                if !districts.contains(&variant.entity) {
                    districts.push(variant.entity);
                }
                return;
            }
            let slotted = stem_len.and_then(|len| Some((surface.get(..len)?, surface.get(len + 1..)?)));
            if let Some((stem, fill)) = slotted {
                let stem = *stems.entry(stem.into()).or_insert_with(|| {
                    let folded = fold_surface(stem);
                    let ends_word = folded.last().is_some_and(|&b| is_word_byte(b));
                    ends_word.then(|| producer.pattern(&folded))
                });
                // Folding works char by char; a stem ends with a word byte and a fill
                // starts with one, so the filled surface folds to the folded stem, one
                // space and the folded fill (a test checks it).
                if let (Some(stem), Some(fill)) = (stem, fills.id(fill)) {
                    let at = *filled_at.entry((stem, fill)).or_insert_with(|| {
                        filled.push(Filled { stem, fill, variants: Vec::new() });
                        filled.len() - 1
                    });
                    push_unique(&mut filled[at].variants, variant);
                    return;
                }
            }
            let key = fold_surface(surface);
            if !key.is_empty() {
                producer.add(&key, variant);
            }
        });
    }
    drop(filled_at);
    drop(stems);
    // A filled surface that is also an ordinary pattern joins it; so does one whose
    // continuation hash would collide with another's.
    let mut slots = Slots::default();
    let mut waiting = Vec::with_capacity(filled.len());
    let mut seen: FxHashMap<(u32, u64), u32> = FxHashMap::default();
    let mut key = Vec::new();
    let filled_key = |key: &mut Vec<u8>, stem: &[u8], fill: &[u8]| {
        key.clear();
        key.extend_from_slice(stem);
        key.push(b' ');
        key.extend_from_slice(fill);
    };
    for f in filled {
        let (fill, hash) = &fills.folded[f.fill as usize];
        filled_key(&mut key, &producer.patterns[f.stem as usize], fill);
        let collides = seen.get(&(f.stem, *hash)).is_some_and(|&other| other != f.fill);
        if collides || producer.by_key.contains_key(key.as_slice()) {
            for v in f.variants {
                producer.add(&key, v);
            }
            continue;
        }
        slots.longest = slots.longest.max(fill.len());
        seen.insert((f.stem, *hash), f.fill);
        waiting.push(f);
    }
    let automaton_patterns = producer.patterns.len();
    let (mut patterns, mut grouped) = producer.finish();
    slots.stems = vec![0u64; automaton_patterns.div_ceil(64)];
    for f in waiting {
        let p = patterns.len() as u32;
        let (fill, hash) = &fills.folded[f.fill as usize];
        filled_key(&mut key, &patterns[f.stem as usize], fill);
        slots.stems[f.stem as usize / 64] |= 1 << (f.stem % 64);
        slots.filled.insert((f.stem, *hash), p);
        let words = slots.longest / 64 + 1;
        let lengths = slots.lengths.entry(f.stem).or_insert_with(|| vec![0; words].into());
        lengths[fill.len() / 64] |= 1 << (fill.len() % 64);
        patterns.push(key.as_slice().into());
        grouped.push(f.variants);
    }
    drop(fills);
    // Static rank: kind, then a bare subdivision name after a city, then prior, then
    // gazetteer order. Document context may reorder at extraction time.
    for list in &mut grouped {
        list.sort_by(|a, b| {
            static_rank(gazetteer, a).partial_cmp(&static_rank(gazetteer, b)).unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    let mut variants = Vec::new();
    let mut pattern_ranges = Vec::with_capacity(grouped.len());
    for list in grouped {
        let start = variants.len() as u32;
        variants.extend(list);
        pattern_ranges.push((start, variants.len() as u32));
    }
    for &(start, end) in &pattern_ranges {
        for v in start as usize + 1..end as usize {
            let (p, c) = (&variants[v - 1], &variants[v]);
            // The checks read the entity's kind too ("réfrigérateurs ATLANT": a firm in
            // capitals after a noun is its maker, a town so written a product).
            variants[v].same_checks_as_previous = p.policy == c.policy
                && p.form == c.form
                && gazetteer.entity(p.entity).kind == gazetteer.entity(c.entity).kind
                && p.accent_sensitive == c.accent_sensitive
                && p.needs_article == c.needs_article
                && p.needs_district_context == c.needs_district_context
                && p.surface == c.surface;
        }
    }
    // The first two words of each pattern of the automaton, cut once (only these start
    // walks; filled ones are found from their stems).
    let heads: Vec<(Option<u64>, Option<u64>)> = patterns[..automaton_patterns]
        .iter()
        .map(|p| {
            let mut words = words_of(p);
            (words.next().map(word_hash), words.next().map(word_hash))
        })
        .collect();
    let first_words: rustc_hash::FxHashSet<u64> = heads.iter().filter_map(|&(first, _)| first).collect();
    let hash = |w: &str| word_hash(&fold_surface(w));
    let mut cues: FxHashMap<u64, u8> = FxHashMap::default();
    let spotted = crate::unlisted::cue_words()
        .map(|w| (w, CUE_FIRM))
        .chain(crate::unlisted::designator_words().map(|w| (w, CUE_TERRITORY)))
        .chain(DISTRICT_WORDS.iter().map(|&w| (w, CUE_DISTRICT)))
        .chain(crate::unlisted::body_head_words().map(|w| (w, CUE_BODY)))
        .chain(crate::places::head_words().map(|w| (w, CUE_PLACE)));
    for (word, kind) in spotted {
        *cues.entry(hash(word)).or_default() |= kind;
    }
    // Sized by all patterns, the filled ones included, though they are never walked: the
    // filter is then as sparse as when they were in the automaton (with the automaton's
    // patterns alone, 25 % more walks for nothing on the book).
    let mut pairs_of: FxHashMap<u64, rustc_hash::FxHashSet<u64>> = FxHashMap::default();
    for &(first, second) in &heads {
        if let (Some(first), Some(second)) = (first, second) {
            pairs_of.entry(first).or_default().insert(second);
        }
    }
    let pair_keys = pairs_of.values().map(|seconds| seconds.len()).sum();
    let mut starts = StartFilter::new(patterns.len(), first_words.len() + cues.len(), pair_keys);
    for &head in &heads {
        match head {
            (Some(first), None) => starts.insert_single(first),
            (Some(first), Some(second)) => starts.insert_pair(first, second, pairs_of[&first].len() > CROWDED_PAIRS),
            _ => {}
        }
    }
    for &cue in cues.keys() {
        starts.insert_cue(cue);
    }
    // First words from which a walk may find a pattern written with a lowercase initial in
    // the text; from the others ("un" of "UN", "ont" of "ONT", "minsk" of "Minsk") a walk
    // in lowercase text finds nothing that passes its case check. A stem's filled
    // patterns are not looked at: a stem keeps its walks.
    for (p, &(first, _)) in heads.iter().enumerate() {
        let Some(first) = first else { continue };
        let (from, to) = pattern_ranges[p];
        let lowercase_fits = |v: &Variant| match v.policy {
            CasePolicy::Capitalised | CasePolicy::Demonym => false,
            CasePolicy::Exact => !crate::case::first_letter_is_upper(&v.surface),
            CasePolicy::AnyInitial | CasePolicy::Adjective => true,
        };
        let starts_with_letter = patterns[p].first().is_some_and(|&b| crate::normalize::word_class(b) == 1);
        if slots.is_stem(p as u32)
            || !starts_with_letter
            || from == to
            || variants[from as usize..to as usize].iter().any(lowercase_fits)
        {
            starts.insert_lowercase_start(first);
        }
    }
    for districts in district_adjectives.values_mut() {
        districts.sort_by(|&a, &b| {
            let rank = |e: EntityIdx| {
                let entity = gazetteer.entity(e);
                (kind_rank(entity.kind), -entity.prior, e.0)
            };
            rank(a).partial_cmp(&rank(b)).unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    Tables { patterns, pattern_ranges, variants, starts, cues, slots, district_adjectives }
}

/// The words of folded bytes as the scan sees them (`words::Words`).
pub(crate) fn words_of(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    Words::new(bytes).map(move |(start, end)| &bytes[start..end])
}

#[inline(always)]
pub(crate) fn pair_hash(first: u64, second: u64) -> u64 {
    first.rotate_left(23) ^ second.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// What [`StartFilter::test`] says of a word of the text.
pub(crate) struct StartTest {
    /// A pattern may start here: one of one word, or one of several words with this word
    /// and the next (as far as the line tells), or a crowded first word's.
    pub(crate) walk: bool,
    /// The word may be a cue word.
    pub(crate) cue: bool,
    /// Hash of the word and the next ([`pair_hash`]), if there is a next word.
    pub(crate) pair_hash: Option<u64>,
}

/// Pairs that a first word may begin before they leave its start filter line: with 24
/// keys a line, a 512-bit line is then at most a fifth set.
const CROWDED_PAIRS: usize = 64;

/// How patterns start: one-word patterns, the first two words of the others, and the cue
/// words of unlisted firms. A blocked Bloom filter: all the bits about a first word lie in
/// one 64-byte line chosen by that word, so testing a word of the text costs at most one
/// cache miss. With at most about 24 keys per 512-bit line, under a twentieth of each line
/// is set, so a false positive (a walk of the automaton that finds nothing, or a cue
/// checked for nothing) is rare.
///
/// In front of it, a plain bitset of first words, 16 bits per distinct first word (32 KiB
/// for the default gazetteer, so it stays in the first-level cache): most words of a text
/// begin no pattern, and they are turned away there without touching the larger filter,
/// whose lines would otherwise miss the cache for every rare word.
pub(crate) struct StartFilter {
    lines: Box<[[u64; 8]]>,
    /// log2 of the number of lines.
    line_bits: u32,
    firsts: Box<[u64]>,
    /// log2 of the number of bits of `firsts`.
    first_bits: u32,
    /// A bitset of the pair keys, by the pair's own hash, 16 bits per key, read before a
    /// walk. A first word that begins hundreds of patterns ("la" of "La Paz", "La Rochelle"
    /// ... in a gazetteer of every GeoNames place) would set every bit of its line, and
    /// then every word of the text that shares its line would walk the automaton: such a
    /// crowded word sets its one-word bit in its line instead of its pair bits, and its
    /// pairs are known from this bitset alone.
    pairs: Box<[u64]>,
    /// log2 of the number of bits of `pairs`.
    pair_bits: u32,
}

impl StartFilter {
    /// Sized for `keys` keys: at least 2^11 lines (128 KiB), and no more than about 24 keys
    /// per 512-bit line, so that an enlarged gazetteer keeps the false positive rate low.
    /// `first_words` distinct first words (cue words included) get 16 bits each, and so do
    /// the `pair_keys` pairs of first two words.
    fn new(keys: usize, first_words: usize, pair_keys: usize) -> Self {
        let line_bits = (keys / 24).max(1).next_power_of_two().trailing_zeros().max(11);
        let first_bits = (first_words * 16).max(1 << 12).next_power_of_two().trailing_zeros();
        let pair_bits = (pair_keys * 16).max(1 << 12).next_power_of_two().trailing_zeros();
        StartFilter {
            // One more line, always empty: the line of every word no pattern starts with.
            lines: vec![[0u64; 8]; (1 << line_bits) + 1].into_boxed_slice(),
            line_bits,
            firsts: vec![0u64; (1usize << first_bits) / 64].into_boxed_slice(),
            first_bits,
            pairs: vec![0u64; (1usize << pair_bits) / 64].into_boxed_slice(),
            pair_bits,
        }
    }

    // Word hashes are mixed to the last bit (`words::word_hash_at`), so the bit of the
    // first-word bitset, the line and the bits of a word's keys in its line are read from
    // distinct bit ranges of the hash itself: no multiply per word for them.

    #[inline(always)]
    fn first_bit(&self, first: u64) -> usize {
        (first >> (64 - self.first_bits)) as usize
    }

    #[inline(always)]
    fn line(&self, first: u64) -> usize {
        (first & ((1 << self.line_bits) - 1)) as usize
    }

    /// Bit of a one-word pattern's key within its line (9 bits).
    #[inline(always)]
    fn single_bit(first: u64) -> usize {
        ((first >> 20) & 511) as usize
    }

    /// Bit of a cue word's key within its line.
    #[inline(always)]
    fn cue_bit(word: u64) -> usize {
        ((word >> 29) & 511) as usize
    }

    /// Bit, within a first word's line, that says some pattern starting with the word may
    /// be written with a lowercase initial in the text.
    #[inline(always)]
    fn lowercase_start_bit(first: u64) -> usize {
        ((first >> 38) & 511) as usize
    }

    /// Bit of a pair of first words' key within the first word's line.
    #[inline(always)]
    fn pair_bit(pair: u64) -> usize {
        (pair >> 55) as usize
    }

    fn set(&mut self, first: u64, bit: usize) {
        let first_bit = self.first_bit(first);
        self.firsts[first_bit >> 6] |= 1 << (first_bit & 63);
        let line = self.line(first);
        self.lines[line][bit >> 6] |= 1 << (bit & 63);
    }

    #[inline(always)]
    fn get(line: &[u64; 8], bit: usize) -> bool {
        line[bit >> 6] & (1 << (bit & 63)) != 0
    }

    fn insert_single(&mut self, first: u64) {
        self.set(first, Self::single_bit(first));
    }

    /// `crowded`: the first word begins more than [`CROWDED_PAIRS`] pairs.
    fn insert_pair(&mut self, first: u64, second: u64, crowded: bool) {
        let pair = pair_hash(first, second);
        self.set(first, if crowded { Self::single_bit(first) } else { Self::pair_bit(pair) });
        let bit = self.pair_key_bit(pair);
        self.pairs[bit >> 6] |= 1 << (bit & 63);
    }

    /// Bit of a pair key in `pairs`: bits of the pair hash below those of `pair_bit`.
    #[inline(always)]
    fn pair_key_bit(&self, pair: u64) -> usize {
        ((pair >> 8) & ((1 << self.pair_bits) - 1)) as usize
    }

    fn insert_cue(&mut self, word: u64) {
        self.set(word, Self::cue_bit(word));
    }

    fn insert_lowercase_start(&mut self, first: u64) {
        self.set(first, Self::lowercase_start_bit(first));
    }

    /// The line about first word `first`: the empty line past the others if no pattern or
    /// cue word starts with it. Chosen by a mask, not a branch: which words of a text begin
    /// patterns is unpredictable, and a branch per word mispredicted about every other time
    /// (callgrind's branch simulation). The line is prefetched: the scan asks for it as soon
    /// as it has read a word, and tests it ([`StartFilter::test`]) only once it has read
    /// the word after, so that a line out of the cache (a large gazetteer's filter is
    /// megabytes) arrives meanwhile.
    #[inline(always)]
    pub(crate) fn line_of(&self, first: u64) -> &[u64; 8] {
        let first_bit = self.first_bit(first);
        let listed = ((self.firsts[first_bit >> 6] >> (first_bit & 63)) & 1) as usize;
        let empty = self.lines.len() - 1;
        let index = (self.line(first) & listed.wrapping_neg()) | (empty & (listed ^ 1).wrapping_neg());
        let line = &self.lines[index];
        #[cfg(target_arch = "x86_64")]
        // SAFETY: a prefetch is only a hint, and of memory this filter owns; SSE is part of
        // the x86_64 baseline.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch::<_MM_HINT_T0>(line.as_ptr().cast());
        }
        line
    }

    /// Whether a walk of the automaton may find a pattern at a word of hash `first` whose
    /// line is `line`: a pattern of one word may start there, or, as far as the line tells,
    /// one of several words with the next word, of hash `second`; and whether that word
    /// may be a cue word. Every bit is read (no short circuit): the empty line answers no
    /// to all, at no branch.
    #[inline(always)]
    pub(crate) fn test(line: &[u64; 8], first: u64, second: Option<u64>) -> StartTest {
        let pair_hash = second.map(|s| pair_hash(first, s));
        let pair = pair_hash.is_some_and(|p| Self::get(line, Self::pair_bit(p)));
        StartTest {
            walk: Self::get(line, Self::single_bit(first)) | pair,
            cue: Self::get(line, Self::cue_bit(first)),
            pair_hash,
        }
    }

    /// Whether a pattern of several words may start with a word and the next, whose pair
    /// hash is `pair` (`StartTest::pair_hash`): asked before a walk, which stops after the
    /// first word if not.
    #[inline(always)]
    pub(crate) fn pair_listed(&self, pair: Option<u64>) -> bool {
        pair.is_some_and(|pair| {
            let bit = self.pair_key_bit(pair);
            self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
        })
    }

    /// Whether the patterns that may start at a word of hash `first` all need a capital
    /// initial in the text (a false positive of the filter only says no more often).
    #[inline(always)]
    pub(crate) fn needs_capital(line: &[u64; 8], first: u64) -> bool {
        !Self::get(line, Self::lowercase_start_bit(first))
    }
}

fn kind_rank(kind: Kind) -> u8 {
    match kind {
        Kind::State => 0,
        Kind::Region => 1,
        Kind::Institution => 2,
        Kind::Firm => 3,
    }
}

pub(crate) fn static_rank(gazetteer: &Gazetteer, v: &Variant) -> (u8, bool, f32, u32) {
    let e = gazetteer.entity(v.entity);
    (kind_rank(e.kind), v.bare_subdivision, -e.prior, v.entity.0)
}

/// Calls `emit(surface, variant, stem_len)` for every surface of one entity (`stem_len`:
/// see [`Surface::stem_len`]).
fn for_each_variant(
    idx: EntityIdx,
    entity: &crate::gazetteer::Entity,
    config: &EngineConfig,
    emit: &mut dyn FnMut(&str, Variant, Option<usize>),
) {
    let sensitive = |form: Form, s: &Surface| s.accent_sensitive || config.accent_sensitive.contains(&form);
    let is_subdivision = entity.kind == Kind::Region && entity.is_subdivision();
    let variant = |form: Form, policy: CasePolicy, surface: &str, accent_sensitive: bool| Variant {
        entity: idx,
        form,
        policy,
        surface: surface.into(),
        accent_sensitive,
        plural_designator: false,
        plural_as_singular: false,
        bare_subdivision: false,
        needs_article: form == Form::Name && NAMES_NEEDING_THEIR_ARTICLE.contains(&surface),
        needs_district_context: false,
        same_checks_as_previous: false,
        anaphoric: false,
    };
    // The canonical name is a name too, unless it is one of the acronyms ("BelAZ"), whose
    // exact case policy it must not loosen.
    // ... and as accent-sensitive as the same surface in `names` (`=Niger`).
    let canonical_sensitive = entity.names.iter().any(|n| n.text == entity.name && n.accent_sensitive);
    // A templated canonical name ("Ministère des Finances de Biélorussie") has the stem of
    // the same surface in `names`.
    let stem_len = entity.names.iter().find(|n| n.text == entity.name).and_then(|n| n.stem_len);
    let canonical = Surface {
        text: entity.name.clone(),
        accent_sensitive: canonical_sensitive,
        stem_len,
        needs_district_context: false,
        foreign: false,
        anaphoric: false,
        // ... and needs a designator as the same surface in `names` does (`@Volosovo`).
        needs_designator: entity.names.iter().any(|n| n.text == entity.name && n.needs_designator),
    };
    let canonical_is_acronym = entity.acronyms.iter().any(|a| a.text == entity.name);
    if entity.id == crate::unlisted::UNLISTED_FIRM {
        // Found by context only: "firme non répertoriée" is a label, not a surface.
        return;
    }
    let names: Vec<&Surface> =
        std::iter::once(&canonical).filter(|_| !canonical_is_acronym).chain(entity.names.iter()).collect();
    for name in names.iter().filter(|n| !n.needs_designator) {
        let mut v = variant(Form::Name, name_policy(&name.text), &name.text, sensitive(Form::Name, name));
        v.bare_subdivision = is_subdivision;
        v.needs_district_context = name.needs_district_context;
        v.anaphoric = name.anaphoric;
        emit(&name.text, v, name.stem_len);
    }
    let names: Vec<&Surface> = names.into_iter().filter(|n| !n.anaphoric).collect();
    // A region named after a people, in the plural ("Khantys-Mansis"), takes "des" before
    // each of its names ("le district autonome des Khanty-Mansi - Iougra").
    let named_after_a_people = entity.article.is_none() && fold_surface(&entity.name).ends_with(b"s");
    for designator in &entity.designators {
        let plurals = inflect::plurals(designator);
        let plural_as_singular = plurals.contains(designator);
        for name in &names {
            let mut des = inflect::de_forms(&name.text, entity.article.as_deref());
            if named_after_a_people && !des.iter().any(|de| de.starts_with("des ")) {
                des.push(format!("des {}", name.text));
            }
            for de in des {
                let accent = sensitive(Form::Name, name);
                let singular = format!("{designator} {de}");
                let mut v = variant(Form::Name, name_policy(&singular), &singular, accent);
                v.plural_as_singular = plural_as_singular;
                emit(&singular, v, None);
                for plural in &plurals {
                    let plural = format!("{plural} {de}");
                    let mut v = variant(Form::Name, name_policy(&plural), &plural, accent);
                    v.plural_designator = true;
                    emit(&plural, v, None);
                }
            }
            // Texts translated from Russian or English put a borrowed designator after the
            // name: "Kemerovo Oblast", "Mary velayat", "Krasnodar Krai"; titles in Uzbek,
            // Tajik or Kazakh, the designator with its possessive ending: "Toshkent
            // viloyati", "Almaty oblysy".
            let postposed = if POSTPOSED_DESIGNATORS.contains(&designator.as_str()) {
                Some(designator.as_str())
            } else {
                ENGLISH_DESIGNATORS.iter().find(|(french, _)| french == designator).map(|&(_, english)| english)
            };
            let possessive = NATIVE_POSSESSIVE_DESIGNATORS.iter().find(|(bare, _)| bare == designator).map(|&(_, p)| p);
            for designator in postposed.into_iter().chain(possessive) {
                let postposed = format!("{} {designator}", name.text);
                emit(
                    &postposed,
                    variant(Form::Name, name_policy(&postposed), &postposed, sensitive(Form::Name, name)),
                    None,
                );
            }
        }
    }
    for acronym in &entity.acronyms {
        emit(
            &acronym.text,
            variant(Form::Acronym, CasePolicy::Exact, &acronym.text, sensitive(Form::Acronym, acronym)),
            acronym.stem_len,
        );
    }
    for adjective in &entity.adjectives {
        let base = adjective.text.to_lowercase();
        if adjective.foreign {
            // English: one form for both genders and numbers, capitalised as an adjective
            // too ("Tajik Khujand", "Belarusian regions"); the demonym noun takes an -s.
            emit(
                &base,
                variant(Form::Adjective, CasePolicy::Adjective, &base, sensitive(Form::Adjective, adjective)),
                None,
            );
            let noun = inflect::capitalise(&format!("{base}s"));
            emit(&noun, variant(Form::Demonym, CasePolicy::Demonym, &noun, sensitive(Form::Demonym, adjective)), None);
            continue;
        }
        for form in inflect::adjective_forms(&base) {
            emit(
                &form,
                variant(Form::Adjective, CasePolicy::Adjective, &form, sensitive(Form::Adjective, adjective)),
                None,
            );
            let noun = inflect::capitalise(&form);
            emit(&noun, variant(Form::Demonym, CasePolicy::Demonym, &noun, sensitive(Form::Demonym, adjective)), None);
        }
    }
    for prefix in &entity.prefixes {
        emit(
            &prefix.text,
            variant(Form::Prefix, CasePolicy::Adjective, &prefix.text, sensitive(Form::Prefix, prefix)),
            None,
        );
    }
}

/// Designators that, borrowed from Russian or the languages of the region, may follow the
/// name; French ones ("région", "province") never do.
/// French designators and the English words put after the name in the English titles
/// this book's references quote ("Gomel region", "Punjab province").
const ENGLISH_DESIGNATORS: &[(&str, &str)] =
    &[("région", "region"), ("province", "province"), ("district", "district"), ("territoire", "territory")];

/// Postposed designators of the region's languages with the possessive ending they take
/// after a name ("Toshkent viloyati", "Almaty oblysy").
const NATIVE_POSSESSIVE_DESIGNATORS: &[(&str, &str)] = &[("viloyat", "viloyati"), ("oblys", "oblysy")];

const POSTPOSED_DESIGNATORS: &[&str] = &[
    "oblast", "oblys", "krai", "kraï", "okrug", "velayat", "welayat", "viloyat", "marz", "aimag", "aïmag", "raion",
    "rayon",
];

fn name_policy(surface: &str) -> CasePolicy {
    match surface.chars().find(|c| c.is_alphabetic()) {
        Some(c) if c.is_lowercase() => CasePolicy::AnyInitial,
        _ => CasePolicy::Capitalised,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::automaton::Automaton;

    /// The start filter says which first words begin only patterns that need a capital
    /// initial in the text: acronyms that are also French words ("UN", "ONT") and names;
    /// not adjectives, lowercase template stems, or words that begin both kinds.
    #[test]
    fn first_words_whose_patterns_all_need_a_capital() {
        let g = Gazetteer::embedded().unwrap();
        let compiled = Compiled::build(&g, &EngineConfig::default()).unwrap();
        let needs_capital = |word: &str| {
            let hash = word_hash(&fold_surface(word));
            StartFilter::needs_capital(compiled.starts.line_of(hash), hash)
        };
        for word in ["UN", "ONT", "Minsk", "Biélorussie", "Ouzbékistan"] {
            assert!(needs_capital(word), "{word}");
        }
        // "biélorusse" (adjective), "ministère" (stem of "ministère des Finances de ..."),
        // "usine" ("usine automobile de Minsk", written in lowercase), "république"
        // ("République du Bélarus" and the lowercase "république bachkire").
        for word in ["biélorusse", "ministère", "usine", "république"] {
            assert!(!needs_capital(word), "{word}");
        }
    }

    /// A first word that begins many pairs ("la" of "La Paz", "La Rochelle" ...) leaves its
    /// line nearly empty, so that the other words of the line are not walked for it; every
    /// pair it begins is still said to start, and a pair it does not begin rarely is.
    #[test]
    fn a_crowded_first_word_keeps_its_line_sparse() {
        let la = word_hash(b"la");
        let seconds: Vec<u64> = (0..5_000u32).map(|i| word_hash(format!("place{i}").as_bytes())).collect();
        let mut filter = StartFilter::new(5_000, 1, 5_000);
        for &second in &seconds {
            filter.insert_pair(la, second, true);
        }
        let line = filter.line_of(la);
        let set: u32 = line.iter().map(|w| w.count_ones()).sum();
        assert_eq!(set, 1, "only the one-word bit");
        let walks = |second: &[u8]| StartFilter::test(line, la, Some(word_hash(second))).walk;
        assert!(walks(b"russie"));
        let starts = |second: u64| filter.pair_listed(StartFilter::test(line, la, Some(second)).pair_hash);
        assert!(seconds.iter().all(|&s| starts(s)));
        let strangers = (0..10_000u32).filter(|i| starts(word_hash(format!("other{i}").as_bytes()))).count();
        assert!(strangers < 1_000, "{strangers} of 10,000 pairs said to start");
        // Another word of the same line is not walked for "la".
        let other = (0..u64::MAX)
            .map(|i| word_hash(format!("w{i}").as_bytes()))
            .find(|&h| filter.line(h) == filter.line(la) && StartFilter::single_bit(h) != StartFilter::single_bit(la))
            .unwrap();
        assert!(!StartFilter::test(line, other, Some(word_hash(b"russie"))).walk);
        // Crowded or not, its pair bits would fill the line.
        let mut uncrowded = StartFilter::new(5_000, 1, 5_000);
        for &second in &seconds {
            uncrowded.insert_pair(la, second, false);
        }
        let set: u32 = uncrowded.line_of(la).iter().map(|w| w.count_ones()).sum();
        assert!(set > 500, "{set}");
    }

    /// The one-thread path (one core) compiles the same patterns, in the same order, as
    /// the two-thread one.
    #[test]
    fn one_thread_and_two_threads_agree() {
        let g = Gazetteer::embedded().unwrap();
        let config = EngineConfig::default();
        let compiled = Compiled::build(&g, &config).unwrap();
        let (senders, receivers): (Vec<_>, Vec<_>) = (0..PARTS).map(|_| std::sync::mpsc::channel()).unzip();
        let Tables { patterns, pattern_ranges: ranges, variants, cues, district_adjectives, .. } =
            build_variants(&g, &config, senders);
        let parts: Vec<Part> = receivers.into_iter().map(|r| build_part(r).unwrap()).collect();
        assert_eq!(patterns, compiled.patterns);
        assert_eq!(ranges, compiled.pattern_ranges);
        assert_eq!(cues, compiled.cues);
        assert_eq!(district_adjectives, compiled.district_adjectives);
        assert_eq!(parts.len(), compiled.automata.parts.len());
        for (part, built) in parts.iter().zip(&compiled.automata.parts) {
            assert_eq!(part.ids, built.ids);
            assert_eq!(part.nfa.memory_usage(), built.nfa.memory_usage());
        }
        let surfaces = |v: &[Variant]| v.iter().map(|v| (v.entity, v.form, v.surface.clone())).collect::<Vec<_>>();
        assert_eq!(surfaces(&variants), surfaces(&compiled.variants));
        let shapes: Vec<Shape> = variants.iter().map(|v| Shape::of(&v.surface)).collect();
        assert!(shapes.iter().enumerate().all(|(v, shape)| compiled.shape(v) == shape));
    }

    /// The automata's parts hold every pattern of the automaton once, in the part of its
    /// first byte, in order, and share the patterns about evenly (each part is built on a
    /// thread of its own); a part's automaton finds its patterns under their ids in the
    /// whole set.
    #[test]
    fn the_automatons_parts_split_its_patterns_by_first_byte() {
        let g = Gazetteer::embedded().unwrap();
        let compiled = Compiled::build(&g, &EngineConfig::default()).unwrap();
        let automata = &compiled.automata;
        let total = automata.patterns_len();
        let mut seen = vec![false; total];
        for (p, part) in automata.parts.iter().enumerate() {
            assert_eq!(part.ids.len(), part.nfa.patterns_len());
            assert!(part.ids.windows(2).all(|w| w[0] < w[1]));
            let share = part.ids.len() as f64 / total as f64;
            assert!((0.35..0.65).contains(&share), "part {p}: {share}");
            for (local, &id) in part.ids.iter().enumerate() {
                let pattern = &compiled.patterns[id as usize];
                assert_eq!(Automata::part_of(pattern[0]), p, "{pattern:?}");
                assert!(!std::mem::replace(&mut seen[id as usize], true));
                let nfa = &part.nfa;
                let end = pattern
                    .iter()
                    .fold(nfa.start_state(Anchored::Yes).unwrap(), |sid, &b| nfa.next_state(Anchored::Yes, sid, b));
                let found = (0..nfa.match_len(end)).map(|k| nfa.match_pattern(end, k).as_usize());
                assert!(found.into_iter().any(|m| m == local), "{pattern:?}");
            }
        }
        assert!(seen.iter().all(|&s| s));
    }

    /// The state kept for a first word is the one a walk from the root reaches over that
    /// word, for the first word of every pattern of the automaton; a word that starts no
    /// pattern, or other bytes under a kept word's hash, get none.
    #[test]
    fn first_words_resume_walks_where_the_root_walk_would_be() {
        let g = Gazetteer::embedded().unwrap();
        let compiled = Compiled::build(&g, &EngineConfig::default()).unwrap();
        let mut checked = 0;
        for pattern in &compiled.patterns[..compiled.automata.patterns_len()] {
            let Some((0, end)) = Words::new(pattern).next() else { continue };
            let word = &pattern[..end];
            let nfa = &compiled.automata.part_at(word[0]).nfa;
            let root = nfa.start_state(Anchored::Yes).unwrap();
            let walked = word.iter().fold(root, |sid, &b| nfa.next_state(Anchored::Yes, sid, b));
            let kept = compiled.first_words.state_after(word, 0, end, word_hash(word));
            assert_eq!(kept, (end <= 16).then_some(walked), "{word:?}");
            checked += 1;
        }
        assert!(checked > 30_000, "{checked}");
        let after = |text: &[u8], end: usize, hash: u64| compiled.first_words.state_after(text, 0, end, hash);
        assert_eq!(after(b"xqzw", 4, word_hash(b"xqzw")), None);
        assert_eq!(after(b"pinsk", 5, word_hash(b"minsk")), None);
        assert!(after(b"minsk", 5, word_hash(b"minsk")).is_some());
        // The bytes of the word only, not those after it.
        assert_eq!(after(b"minsk republic", 5, word_hash(b"minsk")), after(b"minsk", 5, word_hash(b"minsk")));
    }

    /// A filled template surface folds to its folded stem, one space and its folded fill:
    /// the build joins the two folds instead of folding every filled surface.
    #[test]
    fn filled_surfaces_fold_to_stem_space_fill() {
        let g = Gazetteer::embedded().unwrap();
        let mut checked = 0;
        for e in g.entities() {
            for s in e.names.iter().chain(&e.acronyms) {
                let Some(len) = s.stem_len else { continue };
                let (stem, fill) = (fold_surface(&s.text[..len]), fold_surface(&s.text[len + 1..]));
                if !stem.last().is_some_and(|&b| is_word_byte(b)) || !fill.first().is_some_and(|&b| is_word_byte(b)) {
                    continue;
                }
                assert_eq!(fold_surface(&s.text), [&stem[..], b" ", &fill[..]].concat(), "{}", s.text);
                checked += 1;
            }
        }
        assert!(checked > 50_000, "{checked}");
    }

    /// Filled template surfaces stay out of the automaton, which holds their stems, and
    /// are listed as forms all the same, each with its own pattern.
    #[test]
    fn filled_surfaces_are_patterns_outside_the_automaton() {
        let g = Gazetteer::embedded().unwrap();
        let compiled = Compiled::build(&g, &EngineConfig::default()).unwrap();
        let in_automaton = compiled.automata.patterns_len();
        let filled = compiled.patterns.len() - in_automaton;
        // Were the filled surfaces in the automaton, it would hold about twice as many
        // patterns (some 215,000).
        assert!(filled > 50_000 && in_automaton < 2 * filled, "{filled} filled, {in_automaton} in the automaton");
        let by = g.lookup("gazet:inst/ministry-foreign-affairs-by").unwrap();
        let pattern = compiled
            .patterns
            .iter()
            .position(|p| &**p == b"ministere des affaires etrangeres de bielorussie")
            .expect("a pattern") as u32;
        assert!(pattern as usize >= in_automaton);
        assert!(compiled.variants_of(pattern).iter().any(|v| v.entity == by && v.form == Form::Name));
        let stem = compiled.patterns.iter().position(|p| &**p == b"ministere des affaires etrangeres").unwrap() as u32;
        assert!(compiled.slots.is_stem(stem));
        assert_eq!(compiled.slots.filled(stem, b"de bielorussie"), Some(pattern));
        assert_eq!(compiled.slots.filled(stem, b"de bielorussi"), None);
        let lengths = compiled.slots.lengths(stem).expect("a stem has continuation lengths");
        assert!(lengths[0] & (1 << b"de bielorussie".len()) != 0);
        assert!(compiled.slots.lengths(pattern).is_none());
        // Every surface form is still listed once: the forms of the gazetteer are the same
        // whether or not a surface went through its stem.
        assert_eq!(compiled.forms().count(), compiled.variants.len());
    }

    /// The readings of every pattern are in static rank order: resolution relies on it
    /// when it ranks ambiguous readings by document weight with a stable sort.
    #[test]
    fn variants_of_each_pattern_are_in_static_rank_order() {
        let g = Gazetteer::embedded().unwrap();
        let compiled = Compiled::build(&g, &EngineConfig::default()).unwrap();
        for p in 0..compiled.patterns.len() as u32 {
            let ranks: Vec<_> = compiled.variants_of(p).iter().map(|v| static_rank(&g, v)).collect();
            assert!(
                ranks.windows(2).all(|w| w[0] <= w[1]),
                "{:?}",
                String::from_utf8_lossy(&compiled.patterns[p as usize])
            );
        }
    }
}
