//! Compiles a gazetteer into surface forms and one Aho-Corasick automaton.
//!
//! Every surface the engine can recognise is produced here, once, at load time: names,
//! acronyms, inflected adjectives and their demonym nouns, combining prefixes, designator
//! forms of regions ("région de Gomel", "régions de Gomel"). Surfaces are folded
//! (`normalize::fold_surface`); surfaces that fold to the same bytes share one pattern
//! of the automaton and keep their differences (entity, form, case policy) as variants.

use rustc_hash::FxHashMap;
use std::time::{Duration, Instant};

use aho_corasick::nfa::contiguous;
use aho_corasick::MatchKind;
use serde::Serialize;

use crate::gazetteer::{EntityIdx, Gazetteer, Kind, Surface};
use crate::inflect;
use crate::normalize::{fold_surface, is_boundary};

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
    /// The bare name of a first-level subdivision ("Gomel" for the oblast): ranked below a
    /// city of the same name, since a bare city name is the city.
    pub bare_subdivision: bool,
}

/// Engine settings that change which surfaces match.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    /// Per form: match accents exactly (default: accent-insensitive for every form).
    pub accent_sensitive: Vec<Form>,
    /// Words that, joined by a hyphen before a mention, make it something else
    /// ("post-soviétique" is not the USSR). Folded.
    pub blocking_prefixes: Vec<String>,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig { accent_sensitive: Vec::new(), blocking_prefixes: vec!["post".into(), "pre".into()] }
    }
}

/// The compiled gazetteer: patterns, their variants, the automaton and a prefilter.
pub struct Compiled {
    pub(crate) nfa: contiguous::NFA,
    /// Folded bytes of each pattern.
    pub(crate) patterns: Vec<Box<[u8]>>,
    /// `variants[pattern_ranges[p]]` are the readings of pattern `p`, best static rank first.
    pub(crate) pattern_ranges: Vec<(u32, u32)>,
    pub(crate) variants: Vec<Variant>,
    /// Bloom filter over the first word of every pattern: a word of the text that is not
    /// in it cannot begin a match, and the automaton is not entered. Two thirds of the
    /// words of a French text are turned away here.
    pub(crate) first_words: FirstWords,
    pub(crate) build_time: Duration,
}

/// Figures about a compiled gazetteer.
#[derive(Clone, Debug, Serialize)]
pub struct CompileStats {
    pub entities: usize,
    pub surface_forms: usize,
    pub patterns: usize,
    pub automaton_bytes: usize,
    pub build_millis: f64,
}

impl Compiled {
    pub fn build(gazetteer: &Gazetteer, config: &EngineConfig) -> Result<Compiled, String> {
        let started = Instant::now();
        let mut by_key: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
        let mut patterns: Vec<Box<[u8]>> = Vec::new();
        let mut grouped: Vec<Vec<Variant>> = Vec::new();
        let mut add = |key: Vec<u8>, variant: Variant| {
            let p = match by_key.get(key.as_slice()) {
                Some(&p) => p,
                None => {
                    let key: Box<[u8]> = key.into_boxed_slice();
                    patterns.push(key.clone());
                    grouped.push(Vec::new());
                    let p = (patterns.len() - 1) as u32;
                    by_key.insert(key, p);
                    p
                }
            };
            let list = &mut grouped[p as usize];
            let duplicate = list.iter().any(|v| {
                v.entity == variant.entity
                    && v.form == variant.form
                    && v.policy == variant.policy
                    && v.surface == variant.surface
            });
            if !duplicate {
                list.push(variant);
            }
        };
        for (i, entity) in gazetteer.entities().iter().enumerate() {
            let idx = EntityIdx(i as u32);
            for_each_variant(idx, entity, config, &mut |surface, variant| {
                let key = fold_surface(surface);
                if !key.is_empty() {
                    add(key, variant);
                }
            });
        }
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
        let mut first_words = FirstWords::new();
        for p in &patterns {
            let end = (1..p.len()).find(|&i| is_boundary(p[i - 1], p[i])).unwrap_or(p.len());
            first_words.insert(&p[..end]);
        }
        let nfa = contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter())
            .map_err(|e| format!("cannot build the automaton: {e}"))?;
        Ok(Compiled { nfa, patterns, pattern_ranges, variants, first_words, build_time: started.elapsed() })
    }

    pub fn variants_of(&self, pattern: u32) -> &[Variant] {
        let (a, b) = self.pattern_ranges[pattern as usize];
        &self.variants[a as usize..b as usize]
    }

    pub fn stats(&self, gazetteer: &Gazetteer) -> CompileStats {
        use aho_corasick::automaton::Automaton;
        CompileStats {
            entities: gazetteer.len(),
            surface_forms: self.variants.len(),
            patterns: self.patterns.len(),
            automaton_bytes: self.nfa.memory_usage(),
            build_millis: self.build_time.as_secs_f64() * 1000.0,
        }
    }

    /// Every compiled surface form: (surface, folded pattern, variant).
    pub fn forms(&self) -> impl Iterator<Item = (&[u8], &Variant)> {
        self.pattern_ranges.iter().enumerate().flat_map(move |(p, &(a, b))| {
            self.variants[a as usize..b as usize].iter().map(move |v| (&*self.patterns[p], v))
        })
    }
}

/// A one-hash Bloom filter of words, keyed by the FNV-1a hash the scan computes as it
/// reads each word. 2^20 bits (128 KiB) stay in cache; with tens of thousands of first
/// words the false positive rate is a few percent, and a false positive only costs a walk
/// of the automaton that finds nothing.
pub(crate) struct FirstWords {
    bits: Box<[u64]>,
}

pub(crate) const WORD_HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;
const WORD_HASH_PRIME: u64 = 0x0100_0000_01b3;
const FIRST_WORD_BITS: u32 = 20;

#[inline(always)]
pub(crate) fn word_hash_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(WORD_HASH_PRIME)
}

impl FirstWords {
    fn new() -> Self {
        FirstWords { bits: vec![0u64; 1 << (FIRST_WORD_BITS - 6)].into_boxed_slice() }
    }

    fn insert(&mut self, word: &[u8]) {
        let bit = Self::bit(word.iter().fold(WORD_HASH_SEED, |h, &b| word_hash_step(h, b)));
        self.bits[bit >> 6] |= 1 << (bit & 63);
    }

    #[inline(always)]
    fn bit(hash: u64) -> usize {
        ((hash ^ (hash >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FIRST_WORD_BITS)) as usize
    }

    #[inline(always)]
    pub(crate) fn may_contain(&self, hash: u64) -> bool {
        let bit = Self::bit(hash);
        self.bits[bit >> 6] & (1 << (bit & 63)) != 0
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

/// Calls `emit(surface, variant)` for every surface of one entity.
fn for_each_variant(
    idx: EntityIdx,
    entity: &crate::gazetteer::Entity,
    config: &EngineConfig,
    emit: &mut dyn FnMut(&str, Variant),
) {
    let sensitive = |form: Form, s: &Surface| s.accent_sensitive || config.accent_sensitive.contains(&form);
    let is_subdivision = entity.kind == Kind::Region && entity.id.starts_with("iso3166-2:");
    let variant = |form: Form, policy: CasePolicy, surface: &str, accent_sensitive: bool| Variant {
        entity: idx,
        form,
        policy,
        surface: surface.into(),
        accent_sensitive,
        plural_designator: false,
        bare_subdivision: false,
    };
    // The canonical name is a name too, unless it is one of the acronyms ("BelAZ"), whose
    // exact case policy it must not loosen.
    // ... and as accent-sensitive as the same surface in `names` (`=Niger`).
    let canonical_sensitive = entity.names.iter().any(|n| n.text == entity.name && n.accent_sensitive);
    let canonical = Surface { text: entity.name.clone(), accent_sensitive: canonical_sensitive };
    let canonical_is_acronym = entity.acronyms.iter().any(|a| a.text == entity.name);
    if entity.id == crate::unlisted::UNLISTED_FIRM {
        // Found by context only: "firme non répertoriée" is a label, not a surface.
        return;
    }
    let names: Vec<&Surface> =
        std::iter::once(&canonical).filter(|_| !canonical_is_acronym).chain(entity.names.iter()).collect();
    for name in &names {
        let mut v = variant(Form::Name, name_policy(&name.text), &name.text, sensitive(Form::Name, name));
        v.bare_subdivision = is_subdivision;
        emit(&name.text, v);
    }
    for designator in &entity.designators {
        let plural = inflect::plural(designator);
        for name in &names {
            for de in inflect::de_forms(&name.text, entity.article.as_deref()) {
                let accent = sensitive(Form::Name, name);
                let singular = format!("{designator} {de}");
                emit(&singular, variant(Form::Name, name_policy(&singular), &singular, accent));
                let plural = format!("{plural} {de}");
                let mut v = variant(Form::Name, name_policy(&plural), &plural, accent);
                v.plural_designator = true;
                emit(&plural, v);
            }
        }
    }
    for acronym in &entity.acronyms {
        emit(
            &acronym.text,
            variant(Form::Acronym, CasePolicy::Exact, &acronym.text, sensitive(Form::Acronym, acronym)),
        );
    }
    for adjective in &entity.adjectives {
        for form in inflect::adjective_forms(&adjective.text.to_lowercase()) {
            emit(&form, variant(Form::Adjective, CasePolicy::Adjective, &form, sensitive(Form::Adjective, adjective)));
            let noun = inflect::capitalise(&form);
            emit(&noun, variant(Form::Demonym, CasePolicy::Demonym, &noun, sensitive(Form::Demonym, adjective)));
        }
    }
    for prefix in &entity.prefixes {
        emit(&prefix.text, variant(Form::Prefix, CasePolicy::Adjective, &prefix.text, sensitive(Form::Prefix, prefix)));
    }
}

fn name_policy(surface: &str) -> CasePolicy {
    match surface.chars().find(|c| c.is_alphabetic()) {
        Some(c) if c.is_lowercase() => CasePolicy::AnyInitial,
        _ => CasePolicy::Capitalised,
    }
}
