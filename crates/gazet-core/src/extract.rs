//! From text to mentions: normalise, match, resolve.
//!
//! 1. [`normalize`] folds the text and keeps a map back to the original.
//! 2. The scan visits every word start of the folded text. A two-byte prefilter skips the
//!    word starts no pattern can begin with; at the others the automaton is walked
//!    anchored, which yields every pattern that starts there, shortest first.
//! 3. Each match is kept only if it ends on a word boundary and one of its variants passes
//!    its case policy in the original text. So a longest match that fails its checks never
//!    hides a shorter one that passes.
//! 4. Resolution picks, left to right, the longest valid match at each start and skips the
//!    starts it covers (leftmost-longest), or keeps them all (overlapping mode); then ranks
//!    the readings of ambiguous surfaces by document context.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::Anchored;
use serde::Serialize;

use crate::boundaries::{ceil_char_boundary, floor_char_boundary, head, tail};
use crate::case::{self, Shape};
use crate::compile::{
    CasePolicy, Compiled, EngineConfig, Form, Part, StartFilter, Variant, CUE_BODY, CUE_DISTRICT, CUE_FIRM, CUE_PLACE,
    CUE_TERRITORY,
};
use crate::cooccur::{self, CoUnit, EntityCount, PairCount};
use crate::gazetteer::{Entity, EntityIdx, Gazetteer, GazetteerError, Kind};
use crate::normalize::{fold_case_only, is_boundary, is_word_byte, normalize, word_class, Normalized};
use crate::unlisted::{de_only, serves_next};
use crate::words::{word_hash_at, Words};

/// What a caller can choose per request.
#[derive(Clone, Debug)]
pub struct ExtractOptions {
    /// Kinds to keep (all when empty). Filtering happens after resolution, so a kept
    /// mention never changes with the filter.
    pub kinds: Vec<Kind>,
    /// Return every valid match, overlapping ones included.
    pub overlapping: bool,
    /// Fill in the other readings of ambiguous surfaces.
    pub alternatives: bool,
    /// Also compute UTF-16 offsets.
    pub utf16: bool,
    /// Unit of co-occurrence.
    pub unit: CoUnit,
    /// Drop co-occurrence pairs seen fewer times than this.
    pub min_pair_count: u32,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            kinds: Vec::new(),
            overlapping: false,
            alternatives: true,
            utf16: false,
            unit: CoUnit::Sentence,
            min_pair_count: 1,
        }
    }
}

/// One mention: where it is in the original text and what it refers to.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    /// Unicode scalar offsets into the original text.
    pub char_start: usize,
    pub char_end: usize,
    /// UTF-16 code unit offsets, when asked for.
    pub utf16: Option<(usize, usize)>,
    pub entity: EntityIdx,
    pub form: Form,
    /// Other entities the surface may refer to, best first.
    pub alternatives: Vec<EntityIdx>,
    /// Ordinal of the word the mention starts at, for window co-occurrence.
    pub word: u32,
}

impl Mention {
    /// A name a context rule found (`byte_span` in the original text), in the form `name`;
    /// its char offsets are filled in with every mention's at the end.
    fn found_by_rule(
        byte_span: std::ops::Range<usize>,
        entity: EntityIdx,
        alternatives: Vec<EntityIdx>,
        word: u32,
    ) -> Self {
        Mention {
            start: byte_span.start,
            end: byte_span.end,
            char_start: 0,
            char_end: 0,
            utf16: None,
            entity,
            form: Form::Name,
            alternatives,
            word,
        }
    }
}

/// Everything extracted from one text.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    /// Per entity: mentions and units it occurs in, sorted by mentions then id order.
    pub entities: Vec<EntityCount>,
    /// Co-occurrence pairs, sorted by count then ids.
    pub pairs: Vec<PairCount>,
    /// Number of co-occurrence units in the text.
    pub units: u32,
}

/// A mention with everything spelled out, for JSON output.
#[derive(Clone, Debug, Serialize)]
pub struct MentionRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utf16_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utf16_end: Option<usize>,
    pub text: &'a str,
    pub id: &'a str,
    pub kind: Kind,
    pub form: Form,
    pub canonical: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<&'a str>,
}

/// The engine: a gazetteer compiled into one automaton. Immutable and `Sync`: share one
/// behind an `Arc` between threads.
pub struct Extractor {
    gazetteer: Gazetteer,
    compiled: Compiled,
    config: EngineConfig,
    /// The built-in entities of firms and institutions found by context (`unlisted`).
    unlisted_firm: EntityIdx,
    unlisted_institution: EntityIdx,
    unlisted_region: EntityIdx,
    /// The names that need a designator (`Surface::needs_designator`), folded, with their
    /// entities: read in the list a plural designator opens.
    designated: DesignatedNames,
    /// The euroregions by their folded names without the designator ("dniepr"), for the
    /// names quoted after it.
    euroregions: rustc_hash::FxHashMap<Vec<u8>, EntityIdx>,
    /// The bodies of a body named by a head and their parent's name ("Conseil de la
    /// Commission économique eurasienne"), by their parent and that head.
    sub_bodies: rustc_hash::FxHashMap<(EntityIdx, &'static str), EntityIdx>,
}

/// Longest text processed in one piece (offsets inside the engine are 32-bit).
const CHUNK_LIMIT: usize = 1 << 31;

/// Where the chunk starting at `base` ends: the last paragraph break before `base + limit`,
/// else the last line break, else the last whitespace, else a char boundary.
fn chunk_end(text: &str, base: usize, limit: usize) -> usize {
    let hard = base + limit;
    if hard >= text.len() {
        return text.len();
    }
    let hard_boundary = floor_char_boundary(text, hard);
    let soft = ceil_char_boundary(text, base + limit / 2);
    let window = &text[soft.min(hard_boundary)..hard_boundary];
    let cut = window
        .rfind("\n\n")
        .map(|p| p + 2)
        .or_else(|| window.rfind('\n').map(|p| p + 1))
        .or_else(|| window.rfind(' ').map(|p| p + 1));
    match cut {
        Some(p) => soft + p,
        None if hard_boundary > base => hard_boundary,
        // A limit shorter than one char: take the char whole.
        None => base + text[base..].chars().next().map_or(1, char::len_utf8),
    }
}

/// Words the scan spots for the rules that read context (folded offsets, in order): cues
/// of unlisted firms, first words of territory designators, district designators, head
/// nouns of public bodies.
#[derive(Default)]
struct Spotted {
    firm_cues: Vec<usize>,
    territories: Vec<usize>,
    districts: Vec<usize>,
    body_heads: Vec<usize>,
    place_heads: Vec<usize>,
}

impl Spotted {
    fn add(&mut self, kinds: u8, at: usize) {
        if kinds & CUE_FIRM != 0 {
            self.firm_cues.push(at);
        }
        if kinds & CUE_TERRITORY != 0 {
            self.territories.push(at);
        }
        if kinds & CUE_DISTRICT != 0 {
            self.districts.push(at);
        }
        if kinds & CUE_BODY != 0 {
            self.body_heads.push(at);
        }
        if kinds & CUE_PLACE != 0 {
            self.place_heads.push(at);
        }
    }
}

/// A match of the scan: folded span and pattern.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: u32,
    end: u32,
    pattern: u32,
    word: u32,
}

/// A match whose variants passed their checks.
#[derive(Clone, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    folded_start: u32,
    folded_end: u32,
    word: u32,
    /// Index into `Compiled::variants` of the pattern's first variant.
    first: u32,
    /// Bit `k` set: variant `first + k` passed its checks (variants are in static rank
    /// order; a pattern's variants beyond the 64th are never read).
    passed: u64,
}

impl Candidate {
    fn readings(&self) -> impl Iterator<Item = u32> + '_ {
        let (first, mut bits) = (self.first, self.passed);
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let k = bits.trailing_zeros();
                bits &= bits - 1;
                first + k
            })
        })
    }

    fn best(&self) -> u32 {
        self.first + self.passed.trailing_zeros()
    }
}

impl Extractor {
    pub fn new(gazetteer: Gazetteer, config: EngineConfig) -> Result<Extractor, GazetteerError> {
        let compiled = Compiled::build(&gazetteer, &config).map_err(|message| GazetteerError {
            file: gazetteer.files().join(","),
            line: 0,
            column: None,
            value: None,
            message,
        })?;
        Ok(Extractor::from_parts(gazetteer, compiled, config))
    }

    /// The engine over the gazetteer `load` returns, compiled from `image`, the image of
    /// that gazetteer made at build time by [`Compiled::to_image`]
    /// (`compile::image`): only the automaton is built, while `load` runs. If the image
    /// does not fit (another gazetteer, other settings, another version), the gazetteer
    /// is compiled as by [`Extractor::new`], and the second value says why.
    pub fn load_with_image<E: From<GazetteerError>>(
        image: &[u8],
        config: EngineConfig,
        load: impl FnOnce() -> Result<Gazetteer, E>,
    ) -> Result<(Extractor, Option<String>), E> {
        let (gazetteer, compiled) = Compiled::load_with_image(image, &config, load)?;
        match compiled {
            Ok(compiled) => Ok((Extractor::from_parts(gazetteer, compiled, config), None)),
            Err(refused) => Ok((Extractor::new(gazetteer, config)?, Some(refused))),
        }
    }

    fn from_parts(gazetteer: Gazetteer, compiled: Compiled, config: EngineConfig) -> Extractor {
        let built_in = |id| gazetteer.lookup(id).expect("built into every gazetteer");
        let unlisted_firm = built_in(crate::unlisted::UNLISTED_FIRM);
        let unlisted_institution = built_in(crate::unlisted::UNLISTED_INSTITUTION);
        let unlisted_region = built_in(crate::unlisted::UNLISTED_REGION);
        let designated = DesignatedNames::of(&gazetteer);
        let euroregions = euroregions_by_name(&gazetteer);
        let sub_bodies = sub_bodies_by_parent(&gazetteer);
        Extractor {
            gazetteer,
            compiled,
            config,
            unlisted_firm,
            unlisted_institution,
            unlisted_region,
            designated,
            euroregions,
            sub_bodies,
        }
    }

    /// The engine over the embedded default gazetteers.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> Result<Extractor, GazetteerError> {
        Extractor::new(Gazetteer::embedded()?, EngineConfig::default())
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    pub fn compiled(&self) -> &Compiled {
        &self.compiled
    }

    /// The compiled gazetteer as an image for [`Extractor::load_with_image`].
    pub fn image(&self) -> Vec<u8> {
        self.compiled.to_image(&self.gazetteer, &self.config)
    }

    pub fn stats(&self) -> crate::compile::CompileStats {
        self.compiled.stats(&self.gazetteer)
    }

    /// Extracts mentions and co-occurrence from `text`.
    pub fn extract(&self, text: &str, options: &ExtractOptions) -> Extraction {
        let mut mentions = self.mentions(text, options);
        if !options.kinds.is_empty() {
            mentions.retain(|m| options.kinds.contains(&self.gazetteer.entity(m.entity).kind));
        }
        // Unlisted firms and institutions share one entity each but not one identity: they
        // take no part in co-occurrence pairs.
        let skip = [self.unlisted_firm, self.unlisted_institution, self.unlisted_region];
        let (entities, pairs, units) = cooccur::count(text, &mentions, options.unit, options.min_pair_count, &skip);
        Extraction { mentions, entities, pairs, units }
    }

    /// Mentions only, before any kind filter.
    pub fn mentions(&self, text: &str, options: &ExtractOptions) -> Vec<Mention> {
        self.mentions_in_chunks(text, options, CHUNK_LIMIT)
    }

    /// Offsets inside the engine are 32-bit: a text longer than `limit` is cut at paragraph
    /// breaks (or line breaks, or spaces) into chunks processed one after the other. A name
    /// split by such a cut would be lost, which a paragraph break makes unlikely.
    fn mentions_in_chunks(&self, text: &str, options: &ExtractOptions, limit: usize) -> Vec<Mention> {
        if text.len() <= limit {
            let mut mentions = self.chunk_mentions(text, options);
            fill_char_offsets(text, &mut mentions, options.utf16);
            return mentions;
        }
        let mut all = Vec::new();
        let (mut base, mut words) = (0, 0);
        while base < text.len() {
            let end = chunk_end(text, base, limit);
            let mut mentions = self.chunk_mentions(&text[base..end], options);
            for m in &mut mentions {
                m.start += base;
                m.end += base;
                // Word ordinals restart in each chunk; carry them on (approximately: the
                // words after the last mention of a chunk are not counted).
                m.word += words;
            }
            words = mentions.last().map_or(words, |m| m.word + 1);
            all.extend(mentions);
            base = end;
        }
        fill_char_offsets(text, &mut all, options.utf16);
        all
    }

    /// Mentions of one chunk, char offsets not yet filled.
    fn chunk_mentions(&self, text: &str, options: &ExtractOptions) -> Vec<Mention> {
        if text.is_empty() {
            return Vec::new();
        }
        let folded = normalize(text);
        let (mut hits, spotted) = self.scan(text, &folded);
        self.add_filled(&folded.text, &mut hits);
        let chosen = if options.overlapping {
            hits.iter().filter_map(|h| self.check(text, &folded, h)).collect()
        } else {
            self.leftmost_longest(text, &folded, &hits)
        };
        let mut lists = Vec::new();
        let mut mentions = self.resolve(text, &folded, chosen, options.alternatives, &mut lists);
        if !options.overlapping {
            self.read_designated_lists(text, &folded, &lists, &mut mentions);
            self.extend_over_coordinated_complements(text, &mut mentions);
            let original = |folded_offsets: &[usize]| -> Vec<usize> {
                folded_offsets.iter().map(|&c| folded.map.start(c)).collect()
            };
            let body_heads = original(&spotted.body_heads);
            // Before the bodies, which may be named with an unlisted territory ("l'akimat du
            // district de Jylyoï").
            self.add_unlisted_territories(text, &original(&spotted.territories), &mut mentions);
            self.add_places_of_plants(text, &body_heads, &mut mentions);
            self.add_bodies_named_after_persons(text, &body_heads, &mut mentions);
            self.add_named_bodies(text, &body_heads, &mut mentions);
            self.extend_bodies_over_their_purpose(text, &mut mentions);
            self.extend_missions_to_their_hosts(text, &mut mentions);
            // After the missions: the town after an office for a world region is its seat,
            // not part of its name ("Bureau régional pour l'Europe à Copenhague").
            self.add_offices_for_world_regions(text, &mut mentions);
            self.extend_ministries_over_coordinated_domains(text, &mut mentions);
            self.extend_bodies_attached_to_the_head_of_a_state(text, &mut mentions);
            self.attach_academy_acronyms(text, &mut mentions);
            self.add_places_after_heads(text, &original(&spotted.place_heads), &mut mentions);
            self.add_places_joined_to_towns(text, &mut mentions);
            self.add_former_names_of_towns(text, &mut mentions);
            self.add_quoted_euroregions(text, &mut mentions);
            self.add_district_adjectives(text, &folded, &spotted.districts, &mut mentions);
            self.add_unlisted_firms(text, &original(&spotted.firm_cues), &mut mentions);
            let capitals = crate::unlisted::capital_word_starts(text);
            self.add_compound_firm_names(text, &capitals, &mut mentions);
            self.add_transliterated_plant_names(text, &capitals, &mut mentions);
            self.add_numbered_plants(text, &mut mentions);
            self.join_hyphenated_firm_names(text, &mut mentions);
            self.extend_listed_firms_over_capitalised_words(text, &mut mentions);
            self.add_english_bodies_named_with_places(text, &mut mentions);
            self.join_places_to_their_first_word(text, &mut mentions);
            self.read_names_after_places(text, &mut mentions);
            self.add_firm_list_items(text, &mut mentions);
            self.repeat_unlisted_firms(text, &capitals, &mut mentions);
            self.repeat_quoted_unlisted_bodies(text, &mut mentions);
            self.add_bodies_named_by_adjectives(text, &mut mentions);
            self.name_trade_houses_by_their_state(text, &mut mentions);
            self.name_business_councils_by_their_states(text, &mut mentions);
            self.add_bodies_named_by_their_purpose(text, &body_heads, &mut mentions);
            self.join_branches_to_their_parents(text, &mut mentions);
            self.extend_over_eponyms(text, &mut mentions);
            // After the dedication, which the acronym follows ("... portant le nom d'A. N.
            // Tupolev (KAI)").
            self.extend_named_after(text, &mut mentions);
            self.add_acronyms_in_parentheses(text, &capitals, &mut mentions);
            self.add_heads_referring_back(text, &folded, &spotted.body_heads, &mut mentions);
            self.add_newspapers_in_sources(text, &mut mentions);
        }
        self.leave_articles_out(text, &mut mentions);
        self.leave_holdings_out(text, &mut mentions);
        mentions
    }

    /// "Holding" after a firm's name is its organisational form, outside the name as a legal
    /// form is ("Koç Holding" is `Koç`), listed with it or not (`unlisted::before_holding`).
    fn leave_holdings_out(&self, text: &str, mentions: &mut [Mention]) {
        for m in mentions.iter_mut().filter(|m| m.form == Form::Name) {
            let Some(name) = crate::unlisted::before_holding(&text[m.start..m.end]) else { continue };
            if self.gazetteer.entity(m.entity).kind == Kind::Firm {
                m.end = m.start + name.len();
            }
        }
    }

    /// A place's name written with its French article ("La Havane", "Le Caire", the
    /// canonical names of GeoNames' exonyms) is a mention of the name alone: the article
    /// stays outside, as in "la Russie" (ANNOTATION.md), capitalised or not.
    ///
    /// In overlapping mode the name alone is often a mention too: the trimmed one is then
    /// dropped, and the mentions stay in order of start and end.
    fn leave_articles_out(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut trimmed = Vec::new();
        for (i, m) in mentions.iter_mut().enumerate().filter(|(_, m)| m.form == Form::Name) {
            let span = &text[m.start..m.end];
            // The PDF's line breaks put any run of white space between the article and
            // the name ("La\n\nHavane").
            let after_article = ["La", "Le", "Les"].iter().find_map(|article| {
                span.strip_prefix(article).filter(|rest| rest.starts_with(char::is_whitespace)).map(str::trim_start)
            });
            let Some(name) = after_article else { continue };
            if name.starts_with(|c: char| c.is_uppercase()) && self.gazetteer.entity(m.entity).kind == Kind::Region {
                m.start = m.end - name.len();
                m.word += 1;
                trimmed.push(i);
            }
        }
        if trimmed.is_empty() {
            return;
        }
        let same = |a: &Mention, b: &Mention| (a.start, a.end, a.entity, a.form) == (b.start, b.end, b.entity, b.form);
        let repeated: Vec<usize> = trimmed
            .iter()
            .copied()
            .filter(|&t| {
                mentions.iter().enumerate().any(|(i, m)| i != t && !trimmed.contains(&i) && same(m, &mentions[t]))
            })
            .collect();
        let mut i = 0;
        mentions.retain(|_| {
            i += 1;
            !repeated.contains(&(i - 1))
        });
        mentions.sort_by_key(|m| (m.start, m.end));
    }

    /// The raw scan: every pattern occurrence that starts at a word start and ends on a
    /// word boundary, in order of start then end, but for those that start at a word
    /// written in lowercase in `original` and that no pattern starting with that word
    /// would accept (the case checks of `check` would turn them all away: "un" for the
    /// acronym UN, "ont" for ONT, a tenth of the walks on the book).
    /// Also returns the words spotted for the rules that read context.
    fn scan(&self, original: &str, folded: &Normalized) -> (Vec<Hit>, Spotted) {
        let text = &folded.text;
        let may_walk = |line: &[u64; 8], hash: u64, start: usize| {
            !StartFilter::needs_capital(line, hash)
                || crate::case::first_letter_is_upper(&original[folded.map.start(start)..])
        };
        let n = text.len();
        let mut hits = Vec::with_capacity(n / 64);
        let mut spotted = Spotted::default();
        // The previous word (start, ordinal, hash, its start filter line): whether a pattern
        // may start there is known once the word after it is read.
        let starts = &self.compiled.starts;
        let mut pending: Option<(usize, usize, u32, u64, &[u64; 8])> = None;
        for (word, (start, end)) in Words::new(text).enumerate() {
            let hash = word_hash_at(text, start, end);
            if let Some((p_start, p_end, p_word, p_hash, line)) = pending {
                let test = StartFilter::test(line, p_hash, Some(hash));
                if test.walk && may_walk(line, p_hash, p_start) {
                    self.walk(text, p_start, p_end, p_hash, p_word, starts.pair_listed(test.pair_hash), &mut hits);
                }
                if test.cue {
                    if let Some(&kinds) = self.compiled.cues.get(&p_hash) {
                        spotted.add(kinds, p_start);
                    }
                }
            }
            pending = Some((start, end, word as u32, hash, starts.line_of(hash)));
        }
        // The last word, with none after it. (The same steps as in the loop, written out:
        // a shared closure costs 4 % more instructions on the book.)
        if let Some((p_start, p_end, p_word, p_hash, line)) = pending {
            let test = StartFilter::test(line, p_hash, None);
            if test.walk && may_walk(line, p_hash, p_start) {
                self.walk(text, p_start, p_end, p_hash, p_word, starts.pair_listed(test.pair_hash), &mut hits);
            }
            if test.cue {
                if let Some(&kinds) = self.compiled.cues.get(&p_hash) {
                    spotted.add(kinds, p_start);
                }
            }
        }
        (hits, spotted)
    }

    /// Template surfaces filled by their slot (`compile::Slots`): after each hit of a stem
    /// ("ministere des finances"), the folded text that follows, up to each word end within
    /// the longest continuation ("de bielorussie"), is looked up. Hits stay in order of
    /// start, then end.
    fn add_filled(&self, text: &[u8], hits: &mut Vec<Hit>) {
        let slots = &self.compiled.slots;
        let mut filled = Vec::new();
        for hit in hits.iter().filter(|h| slots.is_stem(h.pattern)) {
            let from = hit.end as usize + 1;
            if text.get(hit.end as usize) != Some(&b' ') || from >= text.len() {
                continue;
            }
            let Some(lengths) = slots.lengths(hit.pattern) else { continue };
            let limit = (from + slots.longest()).min(text.len());
            let stem_len = (hit.end - hit.start) as usize;
            // Every word end up to the limit (stems are rare: a byte loop, which also keeps
            // the scan's word iterator inlined in its one hot loop).
            for end in from + 1..=limit {
                let len = end - from;
                if lengths[len / 64] & (1 << (len % 64)) == 0
                    || !is_word_byte(text[end - 1])
                    || (end < text.len() && !is_boundary(text[end - 1], text[end]))
                {
                    continue;
                }
                let continuation = &text[from..end];
                let Some(p) = slots.filled(hit.pattern, continuation) else { continue };
                let pattern = &self.compiled.patterns[p as usize];
                if pattern.len() == stem_len + 1 + continuation.len() && pattern.ends_with(continuation) {
                    filled.push(Hit { start: hit.start, end: end as u32, pattern: p, word: hit.word });
                }
            }
        }
        if !filled.is_empty() {
            // Both lists are in order (the filled ones after sorting their few): merged,
            // hits first on a tie, as a stable sort of the two would put them. Sorting all
            // the hits again was 2 % of the extraction's instructions.
            filled.sort_by_key(|h| (h.start, h.end));
            let scanned = std::mem::take(hits);
            hits.reserve_exact(scanned.len() + filled.len());
            let mut filled = filled.into_iter().peekable();
            for hit in scanned {
                while let Some(f) = filled.next_if(|f| (f.start, f.end) < (hit.start, hit.end)) {
                    hits.push(f);
                }
                hits.push(hit);
            }
            hits.extend(filled);
        }
    }

    /// Every pattern that starts at `start` (the word `start..word_end` of hash `hash`) and
    /// ends on a word boundary, shortest first. The walk resumes after the first word when
    /// the state there is known (`compile::FirstWords`); it stops there when no pattern of
    /// several words may start with this word and the next (`longer`, the start filter's
    /// pair bit). That is exact: a pattern that runs past its first word ends with a letter
    /// or digit, so it holds the text's next word whole, as its own second word. With a
    /// large gazetteer most walks are of single words ("Institut", "Centre"), and every
    /// step of a walk in its automaton of 80 MB is a cache miss.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        text: &[u8],
        start: usize,
        word_end: usize,
        hash: u64,
        word: u32,
        longer: bool,
        hits: &mut Vec<Hit>,
    ) {
        let part = self.compiled.automata.part_at(text[start]);
        let nfa = &part.nfa;
        let (mut sid, from) = match self.compiled.first_words.state_after(text, start, word_end, hash) {
            Some(sid) => {
                if nfa.is_match(sid) {
                    push_matches(part, text, start, word_end, sid, word, hits);
                }
                if !longer {
                    return;
                }
                (sid, word_end)
            }
            None => match nfa.start_state(Anchored::Yes) {
                Ok(sid) => (sid, start),
                Err(_) => return,
            },
        };
        for (j, &byte) in text.iter().enumerate().skip(from) {
            sid = nfa.next_state(Anchored::Yes, sid, byte);
            if !nfa.is_special(sid) {
                continue;
            }
            if nfa.is_dead(sid) {
                break;
            }
            if nfa.is_match(sid) {
                push_matches(part, text, start, j + 1, sid, word, hits);
            }
        }
    }

    /// Keeps a hit if one of its variants fits the original text.
    fn check(&self, text: &str, folded: &Normalized, hit: &Hit) -> Option<Candidate> {
        let (start, end) = folded.map.span(hit.start as usize, hit.end as usize);
        let original = text.get(start..end)?;
        let before = &folded.text[..hit.start as usize];
        let after = &folded.text[hit.end as usize..];
        if self.blocked_by_prefix(before) {
            return None;
        }
        let mut context = Context::of(tail(&text[..start], LOOK_BEHIND_WINDOW));
        context.before_initial = followed_by_initial(&text[end..])
            || followed_by_two_initials(&text[end..])
            || followed_by_initial_then_name(&text[end..]) && ends_like_a_surname(original);
        context.before_capitalised = followed_by_capitalised_word(&text[end..]);
        context.before_surname = context.before_capitalised && followed_by_surname(&text[end..]);
        context.before_quoted_name = followed_by_quoted_name(&text[end..]);
        context.before_name = followed_by_name(&text[end..]);
        context.before_compound = context.after_initial && followed_by_compound(&text[end..]);
        context.before_lowercase = context.after_author_initial
            && (followed_by_lowercase_word(&text[end..])
                || followed_by_title_punctuation(&text[end..])
                || context.before_compound);
        let (first, last) = self.compiled.pattern_ranges[hit.pattern as usize];
        let seen = Shape::of_span(text, start, end);
        let variants = &self.compiled.variants[first as usize..last as usize];
        let mut passed = 0u64;
        for (k, variant) in variants.iter().take(64).enumerate() {
            let fits = if k > 0 && variant.same_checks_as_previous {
                passed >> (k - 1) & 1 == 1
            } else {
                let written = self.compiled.shape(first as usize + k);
                case::fits(variant.policy, &seen, written)
                    && context.allows(variant, &seen, written, original, &self.gazetteer)
                    && (variant.form != Form::Prefix || is_compound_joint(after))
                    && (!variant.accent_sensitive || fold_case_only(original) == fold_case_only(&variant.surface))
            };
            passed |= u64::from(fits) << k;
        }
        if passed == 0 {
            return None;
        }
        if seen.is_shouted() && passed & (passed - 1) != 0 {
            passed = self.prefer_acronyms_as_written(text, start, end, first as usize, variants, passed);
        }
        Some(Candidate { start, end, folded_start: hit.start, folded_end: hit.end, word: hit.word, first, passed })
    }

    /// A span in capitals that reads as an acronym written so ("Le GUAM regroupe", the
    /// organisation) is not also a name that fits only because it is shouted (Guam, the
    /// island), in running text: a line with a lowercase letter. In a heading in capitals
    /// both readings stay.
    fn prefer_acronyms_as_written(
        &self,
        text: &str,
        start: usize,
        end: usize,
        first: usize,
        variants: &[Variant],
        passed: u64,
    ) -> u64 {
        let acronym = (0..variants.len().min(64)).any(|k| passed >> k & 1 == 1 && variants[k].form == Form::Acronym);
        if !acronym {
            return passed;
        }
        // The line around the span, or the window of it a look-behind reads each way: a
        // heading is short, and a text without line breaks must not be read whole at each
        // span in capitals.
        let before = tail(&text[..start], LOOK_BEHIND_WINDOW);
        let before = before.rfind('\n').map_or(before, |p| &before[p + 1..]);
        let after = head(&text[end..], LOOK_BEHIND_WINDOW);
        let after = after.find('\n').map_or(after, |p| &after[..p]);
        let running = before.chars().chain(text[start..end].chars()).chain(after.chars()).any(char::is_lowercase);
        if !running {
            return passed;
        }
        let mut kept = passed;
        for (k, variant) in variants.iter().enumerate().take(64) {
            if variant.form == Form::Name && !self.compiled.shape(first + k).is_shouted() {
                kept &= !(1 << k);
            }
        }
        kept
    }

    /// Leftmost-longest without overlaps: at each start the longest hit that passes its
    /// checks, and no hit that starts inside an accepted one. Hits come in order of start,
    /// then end, so each start's hits are checked longest first until one passes, and the
    /// hits inside an accepted one are not checked at all.
    fn leftmost_longest(&self, text: &str, folded: &Normalized, hits: &[Hit]) -> Vec<Candidate> {
        let mut chosen = Vec::with_capacity(hits.len());
        let mut covered = 0;
        for group in hits.chunk_by(|a, b| a.start == b.start) {
            if group[0].start < covered {
                continue;
            }
            if let Some(c) = group.iter().rev().find_map(|h| self.check(text, folded, h)) {
                covered = c.folded_end;
                chosen.push(c);
            }
        }
        chosen
    }

    /// "post-soviétique": a blocking word joined by a hyphen right before the match.
    fn blocked_by_prefix(&self, before: &[u8]) -> bool {
        let Some(stem) = before.strip_suffix(b"-") else { return false };
        self.config.blocking_prefixes.iter().any(|p| {
            stem.ends_with(p.as_bytes()) && {
                let at = stem.len() - p.len();
                at == 0 || !is_word_byte(stem[at - 1])
            }
        })
    }

    /// Chooses the reading of each candidate and turns it into a mention.
    /// Also returns in `lists` where each plural designator ends, with its entity.
    fn resolve(
        &self,
        text: &str,
        folded: &Normalized,
        chosen: Vec<Candidate>,
        alternatives: bool,
        lists: &mut Vec<(usize, EntityIdx)>,
    ) -> Vec<Mention> {
        // Context: the states of the unambiguous mentions, in the whole document and near
        // each ambiguous one ("des villes arméniennes telles que Kapan, Goris": Goris the
        // Armenian town, though the book names Georgia more often than Armenia). A document
        // names few states, so a short list beats a map.
        let mut dominance: Vec<(EntityIdx, u32)> = Vec::new();
        let mut located: Vec<(u32, EntityIdx)> = Vec::new();
        // The subdivisions the unambiguous mentions name or lie in: a town of one of them is
        // that town rather than its namesake elsewhere ("les fabriques d'Ivanovo" in a text
        // on the Ivanovo region, not the Belarusian Ivanovo of a text on Belarus).
        let mut subdivisions: rustc_hash::FxHashMap<EntityIdx, u32> = rustc_hash::FxHashMap::default();
        let is_ambiguous = |c: &Candidate| {
            let entity = self.variant(c.best()).entity;
            c.readings().any(|r| self.variant(r).entity != entity)
        };
        let subdivision_of = |e: EntityIdx| -> Option<EntityIdx> {
            let of = |e: EntityIdx| self.gazetteer.entity(e).is_subdivision();
            if of(e) {
                Some(e)
            } else {
                self.gazetteer.parent_of(e).filter(|&p| of(p))
            }
        };
        for c in &chosen {
            if !is_ambiguous(c) {
                let entity = self.variant(c.best()).entity;
                if let Some(subdivision) = subdivision_of(entity) {
                    *subdivisions.entry(subdivision).or_default() += 1;
                }
                if let Some(state) = self.gazetteer.state_of(entity) {
                    located.push((c.folded_start, state));
                    match dominance.iter_mut().find(|(s, _)| *s == state) {
                        Some((_, n)) => *n += 1,
                        None => dominance.push((state, 1)),
                    }
                }
            }
        }
        // The states named near `at`, each counting the more the closer it is, in `near`.
        let states_near = |at: u32, near: &mut Vec<(EntityIdx, u32)>| {
            near.clear();
            let from = located.partition_point(|&(p, _)| p + NEAR_CONTEXT < at);
            for &(p, state) in located[from..].iter().take_while(|&&(p, _)| p <= at + NEAR_CONTEXT) {
                let closeness = NEAR_CONTEXT + 1 - p.abs_diff(at);
                match near.iter_mut().find(|(s, _)| *s == state) {
                    Some((_, n)) => *n += closeness,
                    None => near.push((state, closeness)),
                }
            }
        };
        // For a town, its subdivision named in the document first; then near states, then
        // the whole document's.
        let weight = |e: EntityIdx, near: &[(EntityIdx, u32)]| -> u128 {
            let Some(state) = self.gazetteer.state_of(e) else { return 0 };
            let weight_in = |states: &[(EntityIdx, u32)], of: EntityIdx| {
                states.iter().find(|(s, _)| *s == of).map_or(0, |(_, n)| *n)
            };
            let entity = self.gazetteer.entity(e);
            let in_subdivision = match self.gazetteer.parent_of(e) {
                Some(parent) if entity.is_town() => subdivisions.get(&parent).copied().unwrap_or(0),
                _ => 0,
            };
            u128::from(in_subdivision) << 64
                | u128::from(weight_in(near, state)) << 32
                | u128::from(weight_in(&dominance, state))
        };
        let mut near: Vec<(EntityIdx, u32)> = Vec::new();
        // Short names that refer back ("le Commonwealth" for the CIS) need their entity named
        // otherwise in the text, by a name, an acronym or one of its bodies.
        let named: Vec<EntityIdx> = if chosen.iter().any(|c| c.readings().any(|r| self.variant(r).anaphoric)) {
            self.named_otherwise(&chosen)
        } else {
            Vec::new()
        };
        let in_list_of_regions = self.lists_of_regions(folded, &chosen);
        let mut mentions: Vec<Mention> = Vec::with_capacity(chosen.len());
        let mut plural_context: Option<usize> = None;
        // The folded end and entity of the last mention.
        let mut previous: Option<(u32, EntityIdx)> = None;
        let mut readings: Vec<&Variant> = Vec::new();
        for (i, c) in chosen.iter().enumerate() {
            readings.clear();
            readings.extend(c.readings().map(|r| self.variant(r)));
            if readings.iter().any(|v| v.anaphoric) {
                // "la Communauté économique": a qualifier makes it another name.
                let refers_back = !qualified_after(&text[c.end..]);
                readings.retain(|v| !v.anaphoric || (refers_back && named.contains(&v.entity)));
                if readings.is_empty() {
                    continue;
                }
            }
            if (after_masculine_article(&text[..c.start])
                || after_elided_article(&text[..c.start]) && !followed_by_place_complement(&text[c.end..]))
                && !before_capitalised_word(&text[c.end..])
            {
                // A town's name takes no article in French: after "le", "du", "au" or "l'" it
                // names the region ("au Nakhitchevan", "dans l'Armavir") or something else of
                // that name, most often the river ("sur le Naryn"), unless the town's own name
                // has one ("du Caire").
                readings.retain(|v| {
                    let entity = self.gazetteer.entity(v.entity);
                    v.form != Form::Name
                        || !entity.is_town()
                        || entity.name_texts().any(|n| n.starts_with("Le ") || n.starts_with("La "))
                });
                if readings.is_empty() {
                    continue;
                }
            }
            if after_river_words(tail(&text[..c.start], LOOK_BEHIND_WINDOW))
                && text[c.start..].starts_with(char::is_uppercase)
            {
                // "sur le Naryn", "la cascade du Naryn", "les rives du Don": the river, not
                // the subdivision or the town named after it ("sur le territoire de
                // Stavropol" names the region with its designator). Macro-regions and
                // states stay ("l'accent sur le Caucase").
                readings.retain(|v| {
                    let entity = self.gazetteer.entity(v.entity);
                    v.form != Form::Name || !(entity.is_town() || entity.is_subdivision())
                });
                if readings.is_empty() {
                    continue;
                }
            }
            let state = |v: &&Variant| self.gazetteer.entity(v.entity).kind == Kind::State;
            // The second state of a hyphenated pair ("Belarus-China Cooperation") is a state
            // whatever follows it.
            let joined_to_state = i > 0
                && text[..c.start].ends_with('-')
                && chosen[i - 1].end + 1 == c.start
                && chosen[i - 1].readings().any(|r| self.gazetteer.entity(self.variant(r).entity).kind == Kind::State);
            if readings.iter().any(state)
                && !joined_to_state
                && (followed_by_capitalised_word(&text[c.end..])
                    && chosen.get(i + 1).is_none_or(|next| next.start != c.end + 1)
                    || after_capitalised_word(&text[..c.start]))
                && readings.iter().any(|v| self.is_english_state_surface(v))
            {
                // An English state name or adjective next to another capitalised word on its
                // line is a word of an English name ("Coal India", "Team Telecom Armenia",
                // "Georgian Post"), which is a firm's or a body's, not the state's; not
                // before a place ("Tajik Khujand").
                readings.retain(|v| !self.is_english_state_surface(v));
                if readings.is_empty() {
                    continue;
                }
            }
            if is_ambiguous(c) {
                // Readings come in static rank order (a pattern's variants are sorted by it
                // at build time), so a stable sort by document weight alone ranks them by
                // weight, then static rank. Each weight is computed once, and an insertion
                // sort costs one pass when, as usual, the order barely changes (a surface of
                // a million-form gazetteer may have dozens of readings).
                states_near(c.folded_start, &mut near);
                let mut weights = [0u128; 64];
                for (w, v) in weights.iter_mut().zip(&readings) {
                    *w = weight(v.entity, &near);
                }
                for i in 1..readings.len() {
                    let mut j = i;
                    while j > 0 && weights[j - 1] < weights[j] {
                        weights.swap(j - 1, j);
                        readings.swap(j - 1, j);
                        j -= 1;
                    }
                }
            }
            // "les régions de Gomel et de Navoï": after a plural designator, a coordinated
            // bare name is read as the subdivision. So is a bare name right after a
            // designator that an adjective keeps from being one pattern with it ("la région
            // russe d'Irkoutsk", "quatre régions biélorusses - Minsk, Gomel").
            let coordinated = in_list_of_regions[i]
                || plural_context.is_some_and(|prev_end| {
                    folded.text.get(prev_end..c.folded_start as usize).is_some_and(continues_list)
                });
            // Only a name with a subdivision's reading is looked at.
            let designated = if coordinated || !readings.iter().any(|v| v.bare_subdivision) {
                None
            } else {
                let before = &folded.text[..c.folded_start as usize];
                designator_before(before)
                    .or_else(|| {
                        // "les régions de la Russie : Gomel" names no region of Russia.
                        // (In overlapping mode the state may overlap the name.)
                        let of_another_state = i.checked_sub(1).map(|k| &chosen[k]).is_some_and(|previous| {
                            let state = self.variant(previous.best()).entity;
                            self.gazetteer.entity(state).kind == Kind::State
                                && c.folded_start.checked_sub(previous.folded_end).is_some_and(|gap| gap <= 3)
                                && !readings
                                    .iter()
                                    .any(|v| v.bare_subdivision && self.gazetteer.state_of(v.entity) == Some(state))
                        });
                        (plural_designator_heads_list(before)
                            && !of_another_state
                            && !after_title_colon(&text[..c.start]))
                        .then_some(true)
                    })
                    .or_else(|| side_before(before).then_some(false))
                    .or_else(|| {
                        // "les districts viticoles de Chamakhi et d'Ismayilli": where the
                        // subdivisions are districts (Azerbaijan's), a district's designator
                        // with its adjectives names one.
                        let district = readings
                            .iter()
                            .any(|v| v.bare_subdivision && self.gazetteer.entity(v.entity).subtype == "district");
                        district.then(|| designator_of_before(before, &[b"district", b"districts"])).flatten()
                    })
            };
            if coordinated || designated.is_some() {
                // A region, rather than a city that is a subdivision too ("Minsk" the
                // oblast, not the capital city's own subdivision).
                let city = |v: &Variant| is_city(self.gazetteer.entity(v.entity));
                let subdivision = readings
                    .iter()
                    .position(|v| v.bare_subdivision && !city(v))
                    .or_else(|| readings.iter().position(|v| v.bare_subdivision));
                if let Some(pos) = subdivision {
                    let v = readings.remove(pos);
                    readings.insert(0, v);
                }
            }
            // Another name in parentheses names the place just named ("la région de Gomel
            // (Homiel)", "Bokhtar (Kourgan-Tioubé)"), when it may.
            let aside =
                |&(end, _): &(u32, EntityIdx)| folded.text.get(end as usize..c.folded_start as usize) == Some(b" (");
            if let Some((_, entity)) = previous.filter(aside) {
                if let Some(pos) = readings.iter().position(|v| v.entity == entity) {
                    let v = readings.remove(pos);
                    readings.insert(0, v);
                }
            }
            let best = readings[0];
            // "les marz de Chirak et de Lorri": a designator written the same in the plural
            // is plural after a plural determiner.
            let plural_designator =
                best.plural_designator || (best.plural_as_singular && after_plural_determiner(&text[..c.start]));
            // "le forum Eurorégion Neman-2018": a euroregion's name with a year is a forum's.
            if text[c.end..].strip_prefix('-').is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit()))
                && self.gazetteer.entity(best.entity).subtype == "euroregion"
            {
                continue;
            }
            // A capitalised adjective is the demonym noun ("les Biélorusses"); lowercase
            // text never kept the demonym reading.
            let form = match best.form {
                Form::Adjective if readings.iter().any(|v| v.entity == best.entity && v.form == Form::Demonym) => {
                    Form::Demonym
                }
                form => form,
            };
            let listed = coordinated || designated == Some(true);
            // A town of the list that no subdivision is named after keeps it going ("les
            // districts de Lankaran, de Masally, de Lerik": Lerik is the district).
            let goes_on = best.bare_subdivision || coordinated && is_city(self.gazetteer.entity(best.entity));
            plural_context = if plural_designator || (listed && goes_on) { Some(c.folded_end as usize) } else { None };
            let mut alts: Vec<EntityIdx> = Vec::new();
            if alternatives && readings[1..].iter().any(|v| v.entity != best.entity) {
                // One allocation, not one per doubling: a surface of a large gazetteer may
                // have dozens of readings.
                alts.reserve_exact(readings.len() - 1);
                alts.extend(readings[1..].iter().map(|v| v.entity).filter(|&e| e != best.entity));
                dedup_in_order(&mut alts);
            }
            // "les régions de Gomel et de Navoï": a plural designator governs every name of
            // the list and belongs to none (ANNOTATION.md: the context makes them regions),
            // so the first name's span starts after it, as the others' do.
            let (start, word) = if plural_designator {
                lists.push((c.folded_end as usize, best.entity));
                let (skipped, words) = plural_designator_len(&text[c.start..c.end]);
                (c.start + skipped, c.word + words)
            } else {
                (c.start, c.word)
            };
            previous = Some((c.folded_end, best.entity));
            mentions.push(Mention {
                start,
                end: c.end,
                char_start: 0,
                char_end: 0,
                utf16: None,
                entity: best.entity,
                form,
                alternatives: alts,
                word,
            });
        }
        mentions
    }

    /// Which candidates a list of bare names reads as regions (one flag each): "Krasnodar,
    /// Rostov, Stavropol et le Daghestan", "Issyk-Koul, Naryn et Talas". One name of the
    /// list names a region and nothing else, so the others, each a region or a town, name
    /// regions too. A name that is neither, or that is also a national capital ("Minsk,
    /// Gomel et la Bouriatie"), leaves its list alone: writers keep the capital's name for
    /// the city.
    fn lists_of_regions(&self, folded: &Normalized, chosen: &[Candidate]) -> Vec<bool> {
        #[derive(Clone, Copy, PartialEq)]
        enum Reads {
            RegionOnly,
            RegionOrTown,
            Other,
        }
        let reads = |c: &Candidate| {
            let (mut region, mut town, mut other) = (false, false, false);
            for v in c.readings().map(|r| self.variant(r)) {
                let entity = self.gazetteer.entity(v.entity);
                if v.form != Form::Name {
                    other = true;
                } else if v.bare_subdivision && !is_city(entity) {
                    region = true;
                } else if entity.is_town() && entity.subtype != "capital" {
                    town = true;
                } else {
                    other = true;
                }
            }
            match (region, town, other) {
                (true, false, false) => Reads::RegionOnly,
                (true, true, false) => Reads::RegionOrTown,
                _ => Reads::Other,
            }
        };
        let mut listed = vec![false; chosen.len()];
        let mut run: Vec<(usize, Reads)> = Vec::new();
        let mut close = |run: &mut Vec<(usize, Reads)>| {
            if run.iter().any(|&(_, r)| r == Reads::RegionOnly) && run.iter().all(|&(_, r)| r != Reads::Other) {
                for &(i, _) in run.iter().filter(|&&(_, r)| r == Reads::RegionOrTown) {
                    listed[i] = true;
                }
            }
            run.clear();
        };
        for (i, c) in chosen.iter().enumerate() {
            let joined = i > 0
                && folded
                    .text
                    .get(chosen[i - 1].folded_end as usize..c.folded_start as usize)
                    .is_some_and(joins_bare_names);
            if !joined {
                close(&mut run);
            }
            run.push((i, reads(c)));
        }
        close(&mut run);
        listed
    }

    /// The entities that short names of the candidates refer back to and that other
    /// candidates name, themselves, by one of their bodies (the Executive Committee of the
    /// CIS names the CIS) or, for a body, by its organisation.
    fn named_otherwise(&self, chosen: &[Candidate]) -> Vec<EntityIdx> {
        let variants = || chosen.iter().flat_map(|c| c.readings().map(|r| self.variant(r)));
        let mut referred: Vec<EntityIdx> = variants().filter(|v| v.anaphoric).map(|v| v.entity).collect();
        referred.sort_unstable();
        referred.dedup();
        let mut named: Vec<EntityIdx> = variants()
            .filter(|v| !v.anaphoric)
            .flat_map(|v| [Some(v.entity), self.gazetteer.parent_of(v.entity)])
            .flatten()
            .collect();
        named.sort_unstable();
        named.dedup();
        // A body's short name refers back to it where its organisation is named too ("le
        // Comité exécutif" in a text on the CIS).
        let is_named = |e: EntityIdx| named.binary_search(&e).is_ok();
        referred.retain(|&e| is_named(e) || self.gazetteer.parent_of(e).is_some_and(is_named));
        referred
    }

    /// "Université technique d'État de Tachkent portant le nom d'Islam Karimov", "usine
    /// électrotechnique de Minsk portant le nom de V.I. Kozlov": the dedication belongs to
    /// the name of the institution or plant before it, so the span takes it in. Where no
    /// such mention ends right before a dedication, a head and a few lowercase words there
    /// ("l'Université agrotechnique kazakhe portant le nom de S. Seifoulline") make an
    /// unlisted one. Runs after the rules that find unlisted bodies, whose names the
    /// dedication may follow as well.
    fn extend_named_after(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut found = Vec::new();
        for at in memchr::memmem::find_iter(text.as_bytes(), b"portant") {
            if !text[..at].ends_with(char::is_whitespace) {
                continue;
            }
            let Some(end) = named_after_end(text, at) else { continue };
            let before = text[..at].trim_end();
            // A name's own qualifier in parentheses may come between ("l'Université fédérale
            // du Nord (Arctique) portant le nom de M. V. Lomonossov").
            let named_end = without_parenthesised_qualifier(before).len();
            // The mentions that end before the dedication, and the last of them (before the
            // qualifier's own, "Arctique", which the name then takes in).
            let next = mentions.partition_point(|m| m.start < at);
            let inside_qualifier = mentions[..next].iter().rev().take_while(|m| m.start > named_end).count();
            // Or its domains ("l'Université d'Atyraou du pétrole et du gaz portant le nom de
            // S. Outebaïev").
            let domains_start = domain_complement_start(before);
            let named = next.checked_sub(1 + inside_qualifier).filter(|&i| {
                let m = &mentions[i];
                (m.end == before.len() || m.end == named_end || Some(m.end) == domains_start)
                    && matches!(self.gazetteer.entity(m.entity).kind, Kind::Institution | Kind::Firm)
                    && matches!(m.form, Form::Name | Form::Acronym)
            });
            if let Some(i) = named {
                mentions[i].end = end;
                continue;
            }
            // A place ending a body's name that the dedication follows: the dedication says
            // it is a body, even with its head right before the preposition ("l'Université
            // du Kazakhstan-Nord portant le nom de M. Kozybaïev").
            let place = next.checked_sub(1).filter(|&i| {
                let m = &mentions[i];
                m.end == before.len()
                    && matches!(self.gazetteer.entity(m.entity).kind, Kind::Region | Kind::State)
                    && m.form == Form::Name
            });
            if let Some(i) = place {
                let floor = i.checked_sub(1).map_or(0, |p| mentions[p].end);
                if let Some((start, body)) = crate::unlisted::body_start(text, mentions[i].start, floor, true) {
                    let entity = self.unlisted_body(body);
                    found.push((start..end, entity));
                    continue;
                }
            }
            // A state adjective may describe the body ("kazakhe"); other mentions end the
            // words that may.
            let floor = mentions[..next].iter().filter(|m| m.form != Form::Adjective).map(|m| m.end).max();
            if let Some((start, body)) = crate::unlisted::dedicated_body_start(text, before.len(), floor.unwrap_or(0)) {
                let entity = self.unlisted_body(body);
                found.push((start..end, entity));
            }
        }
        // Mentions inside a dedication ("du premier président de la Russie B. N. Eltsine")
        // are part of the name.
        let mut kept = 0;
        let mut covered = 0;
        for i in 0..mentions.len() {
            if mentions[i].start < covered {
                continue;
            }
            covered = mentions[i].end;
            mentions.swap(kept, i);
            kept += 1;
        }
        mentions.truncate(kept);
        if !found.is_empty() {
            // A new name takes in what lies inside it: a state adjective ("kazakhe").
            mentions.retain(|o| !found.iter().any(|(span, _)| span.start <= o.start && o.end <= span.end));
            let found = found
                .into_iter()
                .map(|(span, entity)| {
                    let slot = mentions.partition_point(|o| o.start < span.start);
                    (slot, Mention::found_by_rule(span, entity, Vec::new(), ordinal_before(mentions, slot)))
                })
                .collect();
            insert_found(mentions, found);
        }
    }

    /// "la Maison de commerce biélorusse d'Erevan": a trade house capitalised and named by
    /// its state's adjective is a firm, whole (the written chapters mark it so each time);
    /// in lowercase, "la maison de commerce biélorusse" describes one, and only the
    /// adjective is a mention.
    fn name_trade_houses_by_their_state(&self, text: &str, mentions: &mut [Mention]) {
        const HEAD: [&str; 3] = ["Maison", "de", "commerce"];
        for m in mentions.iter_mut().filter(|m| m.form == Form::Adjective) {
            let Some(head) = head_words_before(text, m.start, &HEAD, 48) else { continue };
            if self.gazetteer.entity(m.entity).kind != Kind::State {
                continue;
            }
            m.start = head;
            m.entity = self.unlisted_firm;
            m.form = Form::Name;
            m.alternatives.clear();
        }
    }

    /// "le Conseil d'affaires Géorgie-Biélorussie": a business council capitalised and named
    /// by the pair of states it joins is an institution, whole (the written chapters mark it
    /// so each time); "le Conseil d'affaires biélorusso-géorgien" is descriptive, its
    /// adjectives the mentions (ANNOTATION.md).
    fn name_business_councils_by_their_states(&self, text: &str, mentions: &mut Vec<Mention>) {
        const HEAD: [&str; 2] = ["Conseil", "d'affaires"];
        let is_state_name = |m: &Mention| m.form == Form::Name && self.gazetteer.entity(m.entity).kind == Kind::State;
        let mut i = 0;
        while i + 1 < mentions.len() {
            let (first, second) = (&mentions[i], &mentions[i + 1]);
            let joined = is_state_name(first)
                && is_state_name(second)
                && text[first.end..second.start].trim_matches(char::is_whitespace) == "-";
            if let Some(head) = joined.then(|| head_words_before(text, first.start, &HEAD, 40)).flatten() {
                let end = second.end;
                join_run(mentions, i, 2, head..end, self.unlisted_institution);
                mentions[i].form = Form::Name;
            }
            i += 1;
        }
    }

    /// "l'Institut agricole turkmène", "la Chambre de commerce et d'industrie biélorusse":
    /// a capitalised body's head and the state adjective that names it make an unlisted
    /// institution over the whole name (`unlisted::adjective_body`); the adjectives inside,
    /// a compound's too ("l'Université slave kirghizo-russe"), are not marked again.
    fn add_bodies_named_by_adjectives(&self, text: &str, mentions: &mut Vec<Mention>) {
        let describes = |m: &Mention| {
            matches!(m.form, Form::Adjective | Form::Prefix) && self.gazetteer.entity(m.entity).kind == Kind::State
        };
        let mut i = 0;
        while i < mentions.len() {
            if !describes(&mentions[i]) {
                i += 1;
                continue;
            }
            // The parts of a compound ("biélorusse-ouzbek"), joined by hyphens.
            let mut last = i;
            while mentions.get(last + 1).is_some_and(|next| {
                describes(next) && text[mentions[last].end..next.start].trim_matches(char::is_whitespace) == "-"
            }) {
                last += 1;
            }
            let floor = i.checked_sub(1).map_or(0, |p| mentions[p].end);
            let ceiling = mentions.get(last + 1).map_or(text.len(), |n| n.start);
            let adjective = mentions[i].start..mentions[last].end;
            let body = (mentions[last].form == Form::Adjective)
                .then(|| crate::unlisted::adjective_body(text, adjective, floor, ceiling))
                .flatten();
            if let Some((span, body)) = body {
                let word = mentions[i].word;
                mentions[i] = Mention::found_by_rule(span, self.unlisted_body(body), Vec::new(), word);
                mentions.drain(i + 1..=last);
                i += 1;
            } else {
                i = last + 1;
            }
        }
    }

    /// "le Conseil de sécurité collective": a body named by what it does, with no state,
    /// place or organisation in its name (`unlisted::purpose_body`), at a head noun the
    /// scan saw (`body_heads`) that no mention holds. When its complement leads to one
    /// after "de" ("le Département des relations économiques extérieures et
    /// internationales de la ville de Moscou"), the name holds it and it is not marked again.
    /// A school named after the part of the country it serves ("l'Université polytechnique
    /// du Nord-Ouest", `unlisted::compass_body`) is read here too.
    fn add_bodies_named_by_their_purpose(&self, text: &str, body_heads: &[usize], mentions: &mut Vec<Mention>) {
        let mut found = Vec::new();
        let mut floor = 0;
        for &head in body_heads {
            let next = mentions.partition_point(|m| m.start <= head);
            if head < floor || next > 0 && mentions[next - 1].end > head {
                continue;
            }
            let ceiling = mentions.get(next).map_or(text.len(), |m| m.start);
            if let Some(span) = crate::unlisted::compass_railway(text, head, ceiling) {
                floor = span.end;
                let word = ordinal_before(mentions, next);
                found.push((next, false, Mention::found_by_rule(span, self.unlisted_firm, Vec::new(), word)));
                continue;
            }
            // A school named after its part of the country holds no place after it: that
            // is its town ("du Nord-Ouest de Xi'an").
            let (span, may_hold_next) = match crate::unlisted::purpose_body(text, head, ceiling) {
                Some(span) => (Some(span), true),
                None => (crate::unlisted::compass_body(text, head, ceiling), false),
            };
            let Some(mut span) = span else { continue };
            let holds_next = may_hold_next
                && mentions.get(next).is_some_and(|m| {
                    let kind = self.gazetteer.entity(m.entity).kind;
                    let gap = &text[span.end..m.start];
                    // "l'Administration du représentant de l'État dans la région de
                    // Kakhétie": a representation is named with its region, after "dans".
                    let in_region = kind == Kind::Region
                        && m.form == Form::Name
                        && matches!(
                            gap.split_whitespace().collect::<Vec<_>>().as_slice(),
                            ["dans", "la" | "l'" | "l’"]
                        )
                        && text[m.start..].starts_with("région")
                        && crate::unlisted::names_a_regional_representation(&text[span.clone()]);
                    kind != Kind::Firm
                        && matches!(m.form, Form::Name | Form::Acronym)
                        && (de_only(gap) || kind == Kind::Institution && of_member_states(gap) || in_region)
                });
            let word = ordinal_before(mentions, next);
            if holds_next {
                span.end = mentions[next].end;
            }
            floor = span.end;
            found.push((next, holds_next, Mention::found_by_rule(span, self.unlisted_institution, Vec::new(), word)));
        }
        replace_or_insert_found(mentions, found);
    }

    /// "l'Université nationale eurasienne L.N. Goumilev": the person a body is named after,
    /// written with initials right after its name, is part of the name
    /// (`unlisted::eponym_end`); a place in it ("Kant") is not marked again.
    fn extend_over_eponyms(&self, text: &str, mentions: &mut Vec<Mention>) {
        extend_ends(mentions, |mentions, i| {
            let m = &mentions[i];
            let body = self.gazetteer.entity(m.entity).kind == Kind::Institution && m.form == Form::Name;
            let eponym = body.then(|| crate::unlisted::eponym_end(text, m.start, m.end)).flatten();
            eponym.filter(|_| crate::unlisted::begins_with_body_head(&text[m.start..m.end]))
        });
    }

    /// "l'Union des entreprises de technologies avancées (UATE)": an acronym in
    /// parentheses right after the name of a firm or a body is that entity's acronym, and
    /// so is the same acronym written elsewhere in the text (`unlisted::acronym_after`).
    fn add_acronyms_in_parentheses(&self, text: &str, capitals: &[usize], mentions: &mut Vec<Mention>) {
        // Names no other rule read, found from their acronym (in order).
        let mut named = Vec::new();
        for at in memchr::memchr_iter(b'(', text.as_bytes()) {
            let next = mentions.partition_point(|m| m.start < at);
            let floor = next.checked_sub(1).map_or(0, |p| mentions[p].end);
            // A parenthesis inside a mention, or right after one (read below), names nothing.
            if floor > at {
                continue;
            }
            if text[floor..at].trim_end().is_empty() && next > 0 {
                self.name_ending_with_place_before_acronym(text, at, next - 1, mentions);
                continue;
            }
            let Some(span) = crate::unlisted::acronym_after(text, at) else { continue };
            if mentions.get(next).is_some_and(|m| m.start < span.end) {
                continue;
            }
            let Some((start, body)) = crate::unlisted::name_before_acronym(text, at, floor) else { continue };
            let entity = self.unlisted_body(body);
            let end = text[..at].trim_end().len();
            named.push((next, Mention::found_by_rule(start..end, entity, Vec::new(), ordinal_before(mentions, next))));
        }
        insert_found(mentions, named);
        let mut acronyms: Vec<(&str, EntityIdx, Form)> = Vec::new();
        // Short names that the firm-name rule read as firms of their own ("le ministère de
        // l'Industrie et du Commerce de la Fédération de Russie (Minpromtorg)"): in
        // parentheses right after a name, they are that name's.
        let mut renamed: Vec<(usize, EntityIdx, Form)> = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let kind = self.gazetteer.entity(m.entity).kind;
            if !matches!(kind, Kind::Firm | Kind::Institution) || m.form != Form::Name {
                continue;
            }
            if let Some(next) = mentions.get(i + 1) {
                let parenthesised = parenthesised_alone(&text[m.end..next.start], &text[next.end..]);
                if let Some(form) =
                    parenthesised.filter(|_| next.entity == self.unlisted_firm && m.entity != self.unlisted_firm)
                {
                    renamed.push((i + 1, m.entity, form));
                    continue;
                }
                // An acronym the gazetteers give another entity, in parentheses right after a
                // name whose initials it spells, is that name's: the text defines it so
                // ("Raiffeisen Bank International (RBI)", not the Reserve Bank of India).
                if parenthesised == Some(Form::Acronym)
                    && next.form == Form::Acronym
                    && next.entity != m.entity
                    && spells_initials(&text[next.start..next.end], &text[m.start..m.end])
                {
                    renamed.push((i + 1, m.entity, Form::Acronym));
                    continue;
                }
            }
            let name_end = past_closing_quote(text, m.start, m.end);
            let Some((span, form)) = crate::unlisted::acronym_after(text, name_end)
                .map(|span| (span, Form::Acronym))
                .or_else(|| crate::unlisted::short_name_after(text, name_end).map(|span| (span, Form::Name)))
            else {
                continue;
            };
            // The gazetteers know it, or another rule read it.
            if mentions.get(i + 1).is_some_and(|next| next.start < span.end) {
                continue;
            }
            if !acronyms.iter().any(|&(a, _, _)| a == &text[span.clone()]) {
                acronyms.push((&text[span], m.entity, form));
            }
        }
        for (i, entity, form) in renamed {
            mentions[i].entity = entity;
            mentions[i].form = form;
        }
        if acronyms.is_empty() {
            return;
        }
        let words: Vec<&str> = acronyms.iter().map(|&(a, _, _)| a).collect();
        let mut found = Vec::new();
        for span in crate::unlisted::repeated_acronyms(text, &words, capitals) {
            let Some(slot) = free_slot(mentions, &span) else { continue };
            let Some(&(_, entity, form)) = acronyms.iter().find(|&&(a, _, _)| a == &text[span.clone()]) else {
                continue;
            };
            // A body of the body the acronym names ("le Comité exécutif de la RCC") is named
            // with it, as `add_named_bodies` joins the bodies the gazetteers know.
            let floor = slot.checked_sub(1).map_or(0, |p| mentions[p].end);
            let body_of_it = crate::unlisted::body_start(text, span.start, floor, true)
                .filter(|&(_, body)| body == crate::unlisted::BodyKind::Institution && entity != self.unlisted_firm);
            let mention = match body_of_it {
                Some((start, _)) => Mention::found_by_rule(
                    start..span.end,
                    self.unlisted_institution,
                    Vec::new(),
                    ordinal_before(mentions, slot),
                ),
                None => {
                    let mut mention = Mention::found_by_rule(span, entity, Vec::new(), ordinal_before(mentions, slot));
                    mention.form = form;
                    mention
                }
            };
            found.push((slot, mention));
        }
        insert_found(mentions, found);
    }

    /// "la Compagnie maritime caspienne d'Azerbaïdjan (ASCO)", "la Régie du transport
    /// électrique de Chisinau (RTEC)": a name that its acronym confirms
    /// (`unlisted::name_before_acronym`) may end with a place, after "de"; the place
    /// mention `place`, right before the parenthesis at `open`, becomes that name, whose
    /// acronym the caller then reads.
    fn name_ending_with_place_before_acronym(&self, text: &str, open: usize, place: usize, mentions: &mut [Mention]) {
        let m = &mentions[place];
        let kind = self.gazetteer.entity(m.entity).kind;
        if m.form != Form::Name || !matches!(kind, Kind::Region | Kind::State) {
            return;
        }
        let Some(span) = crate::unlisted::acronym_after(text, open) else { return };
        // An acronym the gazetteers list names the entity ("(ASCO)").
        let mut listed = None;
        if let Some(next) = mentions.get(place + 1).filter(|next| next.start < span.end) {
            let next_kind = self.gazetteer.entity(next.entity).kind;
            if next.start != span.start || next.end != span.end || !matches!(next_kind, Kind::Firm | Kind::Institution)
            {
                return;
            }
            listed = Some((next.entity, next_kind));
        }
        let before = text[..m.start].trim_end();
        let words: Vec<&str> = before.rsplit(char::is_whitespace).filter(|w| !w.is_empty()).take(2).collect();
        let after_de = match words.as_slice() {
            [last, ..] if matches!(*last, "d'" | "d’" | "de" | "du") => true,
            [last, previous] => matches!(*last, "la" | "l'" | "l’") && *previous == "de",
            _ => false,
        };
        if !after_de {
            return;
        }
        let floor = place.checked_sub(1).map_or(0, |p| mentions[p].end);
        let Some((start, body)) = crate::unlisted::name_before_acronym(text, m.start, floor) else { return };
        let entity = match listed {
            Some((entity, kind)) if (kind == Kind::Firm) == (body == crate::unlisted::BodyKind::Firm) => entity,
            Some(_) => return,
            None => self.unlisted_body(body),
        };
        let m = &mut mentions[place];
        m.start = start;
        m.entity = entity;
        m.alternatives.clear();
    }

    /// One-word firm names made of a stem and a trade ("Bryanskselmash", "Piteravto"),
    /// where no other mention lies (`unlisted::compound_firm_names`).
    fn add_compound_firm_names(&self, text: &str, capitals: &[usize], mentions: &mut Vec<Mention>) {
        self.add_unlisted_firm_spans(crate::unlisted::compound_firm_names(text, capitals), mentions);
    }

    /// "l'Orchanski miasokonservny kombinat", "Pskovsky gormolzavod": plants named the
    /// Russian way, untranslated, are unlisted firms (`unlisted::transliterated_plant_names`).
    /// The place's adjective that opens such a name is no mention of its own: a mention
    /// inside the name (a district's adjective, "Pskovsky") gives way to it, one across its
    /// edge keeps its place.
    fn add_transliterated_plant_names(&self, text: &str, capitals: &[usize], mentions: &mut Vec<Mention>) {
        let spans = crate::unlisted::transliterated_plant_names(text, capitals);
        if spans.is_empty() {
            return;
        }
        mentions.retain(|m| !spans.iter().any(|span| span.start <= m.start && m.end <= span.end));
        self.add_unlisted_firm_spans(spans, mentions);
    }

    /// "l'Usine de réparation aéronautique n° 558": plants known by their number are
    /// unlisted firms where no other mention lies (`unlisted::numbered_plant_names`).
    fn add_numbered_plants(&self, text: &str, mentions: &mut Vec<Mention>) {
        self.add_unlisted_firm_spans(crate::unlisted::numbered_plant_names(text), mentions);
    }

    /// Unlisted firm mentions for `spans` (in order, not overlapping one another), where no
    /// other mention lies.
    fn add_unlisted_firm_spans(&self, spans: Vec<std::ops::Range<usize>>, mentions: &mut Vec<Mention>) {
        let mut found: Vec<(usize, Mention)> = Vec::new();
        for span in spans {
            if let Some(next) = free_slot(mentions, &span) {
                let word = ordinal_before(mentions, next);
                found.push((next, Mention::found_by_rule(span, self.unlisted_firm, Vec::new(), word)));
            }
        }
        insert_found(mentions, found);
    }

    /// A name that a rule found as a firm's ("Motovelozavod LLC", "l'entreprise X") names
    /// that firm where the text repeats it without the cue ("Motovelozavod va créer"):
    /// written alike, on word boundaries, outside other mentions and URLs.
    fn repeat_unlisted_firms(&self, text: &str, capitals: &[usize], mentions: &mut Vec<Mention>) {
        let mut names: Vec<&str> =
            mentions.iter().filter(|m| m.entity == self.unlisted_firm).map(|m| &text[m.start..m.end]).collect();
        if names.is_empty() {
            return;
        }
        names.sort_unstable();
        names.dedup();
        let spans = crate::unlisted::repeated_names(text, &names, capitals);
        // A name made of places ("LLC \"Tajik-Belarus\"") is the firm's again where the
        // text repeats it, over the places read in it; a single place is left as it is.
        let mut joins = Vec::new();
        for span in &spans {
            let first = mentions.partition_point(|m| m.end <= span.start);
            let last = mentions.partition_point(|m| m.start < span.end);
            let inside = &mentions[first..last];
            if inside.len() >= 2
                && inside[0].start >= span.start
                && inside[inside.len() - 1].end <= span.end
                && inside.iter().all(|m| matches!(self.gazetteer.entity(m.entity).kind, Kind::State | Kind::Region))
            {
                joins.push((first, inside.len(), span.clone()));
            }
        }
        for (first, count, span) in joins.into_iter().rev() {
            join_run(mentions, first, count, span, self.unlisted_firm);
            mentions[first].form = Form::Name;
        }
        self.add_unlisted_firm_spans(spans, mentions);
    }

    /// "la compagnie interétatique \"Mir\" ... \"Mir\" a relayé la campagne": a name that a
    /// rule found in quotes as an unlisted body's names that body where the text quotes it
    /// again after it, outside other mentions.
    fn repeat_quoted_unlisted_bodies(&self, text: &str, mentions: &mut Vec<Mention>) {
        // French guillemets take a space inside ("« Mir »").
        let inner_space = [' ', '\u{a0}', '\u{202f}'];
        let opens = |at: usize| {
            text[..at].ends_with(['"', '«', '“']) || text[..at].trim_end_matches(inner_space).ends_with('«')
        };
        let closes = |end: usize| {
            text[end..].starts_with(['"', '»', '”']) || text[end..].trim_start_matches(inner_space).starts_with('»')
        };
        // Each name from where it is first found: the text quotes it again after that.
        let mut names: Vec<(&str, usize)> = mentions
            .iter()
            .filter(|m| m.entity == self.unlisted_institution && opens(m.start) && closes(m.end))
            .map(|m| (&text[m.start..m.end], m.end))
            .collect();
        if names.is_empty() {
            return;
        }
        names.sort_unstable();
        names.dedup_by_key(|(name, _)| *name);
        let mut spans: Vec<std::ops::Range<usize>> = names
            .iter()
            .flat_map(|&(name, from)| {
                memchr::memmem::find_iter(&text.as_bytes()[from..], name.as_bytes())
                    .map(move |at| from + at..from + at + name.len())
            })
            .filter(|span| opens(span.start) && closes(span.end))
            .collect();
        spans.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
        let mut found: Vec<(usize, Mention)> = Vec::new();
        for span in spans {
            let Some(slot) = free_slot(mentions, &span) else { continue };
            if found.last().is_some_and(|(_, m)| m.end > span.start) {
                continue;
            }
            let word = ordinal_before(mentions, slot);
            found.push((slot, Mention::found_by_rule(span, self.unlisted_institution, Vec::new(), word)));
        }
        insert_found(mentions, found);
    }

    /// "le ministère de l'Agriculture, de l'Industrie alimentaire et de la Récupération de
    /// la République kirghize": a body made by a template ("ministère de l'Agriculture
    /// {de}") whose name goes on in coordinated complements and ends in a state's name is
    /// that state's body, and its span runs to the end of the state's name (which, embedded
    /// in it, is not marked again).
    ///
    /// A body made by a template and followed by "de" and a state that the template does
    /// not take ("le ministère du Commerce de la République populaire de Chine", where the
    /// ministries of trade are those of the CIS states) is that state's body all the same,
    /// one that no gazetteer lists: an unlisted institution over the whole name. A listed
    /// body followed by "de" and its own state is named with it ("la Douma d'État de la
    /// Fédération de Russie").
    fn extend_over_coordinated_complements(&self, text: &str, mentions: &mut Vec<Mention>) {
        // One pass that keeps mentions in place (a removal each would move the rest).
        let mut kept = 0;
        for i in 0..mentions.len() {
            let sibling =
                (kept > 0).then(|| self.body_named_with_state(text, &mentions[kept - 1], &mentions[i])).flatten();
            if let Some(entity) = sibling {
                let end = mentions[i].end;
                let body = &mut mentions[kept - 1];
                body.end = end;
                body.entity = entity;
                body.alternatives.clear();
            } else {
                mentions.swap(kept, i);
                kept += 1;
            }
        }
        mentions.truncate(kept);
    }

    /// The entity of `body` and `state` read as one name, if they are one: an institution
    /// and a state's name with coordinated complements or a bare "de" between them (see
    /// [`Extractor::extend_over_coordinated_complements`]); or a templated body, "de" and a
    /// first-level subdivision ("ministère de l'Industrie et du Commerce de la République du
    /// Tatarstan"), an unlisted institution.
    fn body_named_with_state(&self, text: &str, body: &Mention, state: &Mention) -> Option<EntityIdx> {
        if self.gazetteer.entity(body.entity).kind != Kind::Institution || state.form != Form::Name {
            return None;
        }
        let place = self.gazetteer.entity(state.entity);
        let gap = text.get(body.end..state.start)?;
        if place.kind == Kind::Region {
            let subdivision = place.is_subdivision();
            return (subdivision
                && (de_only(gap) || coordinated_complements(gap))
                && self.gazetteer.made_by_template(body.entity))
            .then_some(self.unlisted_institution);
        }
        if place.kind != Kind::State {
            return None;
        }
        let de = de_only(gap);
        if !de && !coordinated_complements(gap) {
            return None;
        }
        self.gazetteer
            .same_template_with_slot(body.entity, state.entity)
            .or_else(|| self.gazetteer.made_by_template(body.entity).then_some(self.unlisted_institution))
            // A listed body of that very state, named with it right after "de" ("la Douma
            // d'État de la Fédération de Russie"): one name.
            .or_else(|| (de && self.gazetteer.state_of(body.entity) == Some(state.entity)).then_some(body.entity))
    }

    /// "l'Institut de chimie V. I. Nikitine", "l'Institut de catalyse G. K. Boreskov SB
    /// RAS": a research or teaching body named after a person, with initials, right after
    /// what it does (`unlisted::eponym_body_end`), is an unlisted institution, and takes in
    /// the acronym of the body it belongs to written right after it. (After "de", its
    /// parent body joins it as any body's does: `add_named_bodies`.)
    fn add_bodies_named_after_persons(&self, text: &str, body_heads: &[usize], mentions: &mut Vec<Mention>) {
        let mut found = Vec::new();
        for &head in body_heads {
            let next = mentions.partition_point(|m| m.start < head);
            if next > 0 && mentions[next - 1].end > head {
                continue;
            }
            let Some((mut end, in_full)) = crate::unlisted::eponym_body(text, head) else { continue };
            if mentions.get(next).is_some_and(|m| m.start < end) {
                continue;
            }
            // "l'Université Shakarim de Semeï": a name in full that a place ends is read
            // with its place, as other bodies' names are (`add_named_bodies`).
            if in_full
                && mentions.get(next).is_some_and(|m| {
                    matches!(self.gazetteer.entity(m.entity).kind, Kind::Region | Kind::State)
                        && crate::unlisted::de_only(&text[end..m.start])
                })
            {
                continue;
            }
            let parent_acronym = mentions.get(next).filter(|m| {
                m.form == Form::Acronym
                    && self.gazetteer.entity(m.entity).kind == Kind::Institution
                    && m.start > end
                    && text[end..m.start].chars().all(char::is_whitespace)
            });
            let replaces = parent_acronym.is_some();
            if let Some(acronym) = parent_acronym {
                end = acronym.end;
            }
            let body = Mention::found_by_rule(
                head..end,
                self.unlisted_institution,
                Vec::new(),
                ordinal_before(mentions, next),
            );
            // A body that takes in its parent's acronym takes its place.
            found.push((next, replaces, body));
        }
        replace_or_insert_found(mentions, found);
    }

    /// A place that ends the name of a public body ("Comité du tourisme du Daghestan")
    /// becomes that body, an unlisted institution whose span takes the place in.
    /// `body_heads`: where the scan saw a body's head noun (original offsets, in order);
    /// a place with none in the window before it is not looked at.
    ///
    /// A listed body followed by "de" and another body or a state, with words saying which
    /// between them, is one name too ("la Chambre des représentants du Majlisi Oli", "le
    /// Conseil des ministres de l'Intérieur des États membres de la CEI"): what is embedded
    /// in a name is not marked again.
    fn add_named_bodies(&self, text: &str, body_heads: &[usize], mentions: &mut Vec<Mention>) {
        use crate::unlisted::BodyKind;
        let mut floor = 0;
        // One pass that keeps mentions in place (a removal each would move the rest).
        let mut kept = 0;
        for i in 0..mentions.len() {
            let next_start = mentions.get(i + 1).map_or(text.len(), |n| n.start);
            let m = &mut mentions[i];
            // A body's name may end with another body's ("l'Institut de phytopathologie et
            // de biodiversité de l'Université d'État de Batoumi"): the walk back goes on
            // from each body found, which is an institution, never a plant.
            for _ in 0..MAX_NESTED_BODIES {
                let kind = self.gazetteer.entity(m.entity).kind;
                let from = m.start.saturating_sub(crate::unlisted::BODY_WINDOW).max(floor);
                let head_before =
                    body_heads.get(body_heads.partition_point(|&h| h < from)).is_some_and(|&h| h < m.start);
                if !head_before
                    || !matches!(kind, Kind::State | Kind::Region | Kind::Institution)
                    || !matches!(m.form, Form::Name | Form::Acronym)
                {
                    break;
                }
                let found = crate::unlisted::body_start(text, m.start, floor, kind == Kind::Institution)
                    .filter(|&(_, body)| kind != Kind::Institution || body == BodyKind::Institution);
                let Some((start, body)) = found else { break };
                if kind != Kind::Institution {
                    let point_end = crate::unlisted::compass_point_after(text, m.end);
                    m.end = point_end.filter(|&end| end <= next_start).unwrap_or(m.end);
                }
                m.start = start;
                m.entity = self.unlisted_body(body);
                m.form = Form::Name;
                m.alternatives.clear();
            }
            floor = m.end;
            if kept > 0 && self.names_with_previous_body(text, &mentions[kept - 1], &mentions[i]) {
                // A listed body named with its own state or a body of that state is still
                // itself ("le Centre ... de neurologie du ministère de la Santé du Belarus");
                // with another's, it is a body no gazetteer lists ("la Chambre des
                // représentants du Majlisi Oli").
                let state = self.gazetteer.state_of(mentions[kept - 1].entity);
                let itself = state.is_some() && state == self.gazetteer.state_of(mentions[i].entity);
                let end = mentions[i].end;
                let body = &mut mentions[kept - 1];
                body.end = end;
                if !itself {
                    body.entity = self.unlisted_institution;
                }
                body.alternatives.clear();
            } else {
                mentions.swap(kept, i);
                kept += 1;
            }
        }
        mentions.truncate(kept);
    }

    /// Whether `body`, a listed body's name, and `next`, a body or a state right after it,
    /// read as one name: the body's head noun, words saying which, "de" and `next`, and no
    /// coordination or punctuation between the two ([`Extractor::add_named_bodies`]).
    fn names_with_previous_body(&self, text: &str, body: &Mention, next: &Mention) -> bool {
        if self.gazetteer.entity(body.entity).kind != Kind::Institution
            || body.form != Form::Name
            || body.end >= next.start
        {
            return false;
        }
        let next_kind = self.gazetteer.entity(next.entity).kind;
        let gap = &text[body.end..next.start];
        // "le ministère de l'Éducation et l'Académie nationale des sciences": two bodies;
        // "l'Université de Hanoï accueille des enseignants de l'Université ...": a clause,
        // not a name, which goes on with a preposition.
        !gap.split_whitespace().any(|w| matches!(w, "et" | "ou" | "," | "puis"))
            && clause_free(gap)
            && !gap.contains([',', ';', ':', '(', ')', '"', '«', '»'])
            && matches!(next_kind, Kind::State | Kind::Institution)
            && matches!(next.form, Form::Name | Form::Acronym)
            && (crate::unlisted::body_start(text, next.start, body.start, next_kind == Kind::Institution)
                .is_some_and(|(start, kind)| start == body.start && kind == crate::unlisted::BodyKind::Institution)
                // A body of a body, right after "de", whatever its name holds ("le Centre
                // de recherche de Carélie de l'Académie russe des sciences").
                || next_kind == Kind::Institution
                    && de_only(gap)
                    && crate::unlisted::begins_with_body_head(&text[body.start..body.end]))
    }

    /// "le Centre scientifique et pratique de l'Académie nationale des sciences du Bélarus
    /// pour l'élevage": what an unlisted body is for, after "pour", ends its name
    /// (`unlisted::complement_end`).
    ///
    /// A place right after the complement, after "en" or "de", ends it ("pour la diplomatie
    /// préventive en Asie centrale") and is not marked again.
    fn extend_bodies_over_their_purpose(&self, text: &str, mentions: &mut Vec<Mention>) {
        extend_ends(mentions, |mentions, i| {
            if mentions[i].entity != self.unlisted_institution {
                return None;
            }
            // A university or a town hall is named for no purpose: "pour" after its name says
            // what was done for it ("remis à la Mairie de Gyumri pour le transport urbain").
            let head = text[mentions[i].start..].split_whitespace().next().unwrap_or("");
            if matches!(head, "Université" | "Mairie" | "Ambassade") {
                return None;
            }
            let old_end = mentions[i].end;
            let next = mentions.get(i + 1);
            let ceiling = next.map_or(text.len(), |n| n.start);
            let end = crate::unlisted::complement_end(text, old_end, ceiling, &["pour"]);
            // "la Commission nationale de la République du Bélarus pour l'UNESCO": what a
            // body serves may be another body, named right after "pour".
            let served = next.filter(|n| {
                end == old_end
                    && self.gazetteer.entity(n.entity).kind == Kind::Institution
                    && matches!(n.form, Form::Name | Form::Acronym)
                    && serves_next(&text[old_end..n.start])
            });
            if let Some(served) = served {
                return Some(served.end);
            }
            let place = next.filter(|n| {
                end > old_end
                    && n.form == Form::Name
                    && matches!(self.gazetteer.entity(n.entity).kind, Kind::Region | Kind::State)
                    && (text[end..n.start].trim() == "en" || de_only(&text[end..n.start]))
            });
            Some(place.map_or(end, |p| p.end))
        });
    }

    /// "son Bureau régional pour l'Europe", "le Bureau régional de l'Organisation mondiale
    /// de la santé pour l'Europe": an office named for the part of the world it serves
    /// (after "pour", a continent or a macro-region) is one name, an unlisted institution,
    /// with a coordinated adjective of the region ("pour l'Europe centrale et orientale").
    fn add_offices_for_world_regions(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut found = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let world_region = m.form == Form::Name && {
                let entity = self.gazetteer.entity(m.entity);
                entity.kind == Kind::Region && matches!(entity.subtype.as_str(), "continent" | "macro-region")
            };
            if !world_region {
                continue;
            }
            // After an unlisted body's name ("Bureau régional de l'OMS pour l'"), or after
            // an office's head and adjectives.
            let previous = i.checked_sub(1).map(|p| &mentions[p]);
            let body_before = previous
                .filter(|p| p.entity == self.unlisted_institution && serves_next(&text[p.end..m.start]))
                .map(|p| p.start);
            let floor = previous.map_or(0, |p| p.end);
            let Some(start) = body_before.or_else(|| crate::unlisted::office_head_before(text, floor, m.start)) else {
                continue;
            };
            let end = crate::unlisted::coordinated_region_adjective_end(text, m.end);
            found.push(Mention::found_by_rule(start..end, self.unlisted_institution, Vec::new(), 0));
        }
        // The office takes the place of the body and the region it covers.
        put_over(mentions, found);
    }

    /// "l'Ambassade de la République du Bélarus en République de Moldova": a state's
    /// mission abroad (`unlisted::names_a_mission`) is named with the state or town that
    /// hosts it, after "en", "au", "aux" or "à", which is not marked again.
    ///
    /// So is a government's plenipotentiary representation in one of its regions, after
    /// "dans la" or "dans l'" and the region with its designator
    /// (`unlisted::names_a_regional_representation`).
    fn extend_missions_to_their_hosts(&self, text: &str, mentions: &mut Vec<Mention>) {
        extend_ends(mentions, |mentions, i| {
            let m = &mentions[i];
            if m.entity != self.unlisted_institution {
                return None;
            }
            let name = &text[m.start..m.end];
            let mission = crate::unlisted::names_a_mission(name);
            let representation = crate::unlisted::names_a_regional_representation(name);
            if !mission && !representation {
                return None;
            }
            let next = mentions.get(i + 1).filter(|n| n.form == Form::Name)?;
            let kind = self.gazetteer.entity(next.entity).kind;
            let gap = &text[m.end..next.start];
            let words: Vec<&str> = gap.split_whitespace().collect();
            let hosted = mission
                && matches!(kind, Kind::Region | Kind::State)
                && matches!(words.as_slice(), ["en" | "au" | "aux" | "à"])
                && gap.ends_with(char::is_whitespace);
            let regional = representation
                && kind == Kind::Region
                && matches!(words.as_slice(), ["dans", "la" | "l'" | "l’"])
                && text[next.start..next.end].starts_with(['r', 'o']);
            (hosted || regional).then_some(next.end)
        });
        // "la Branche de l'Ambassade ... en Fédération de Russie à Kazan": a mission's branch
        // is named with the mission and its own town, after "à".
        for i in 0..mentions.len() {
            let m = &mentions[i];
            if m.entity != self.unlisted_institution || !crate::unlisted::names_a_mission(&text[m.start..m.end]) {
                continue;
            }
            let Some(start) = crate::unlisted::branch_head_before_body(text, m.start) else { continue };
            if i > 0 && mentions[i - 1].end > start {
                continue;
            }
            mentions[i].start = start;
            mentions[i].word = mentions[i].word.saturating_sub(2);
        }
        extend_ends(mentions, |mentions, i| {
            let m = &mentions[i];
            if m.entity != self.unlisted_institution {
                return None;
            }
            let branch_of_mission = crate::unlisted::names_a_missions_branch(&text[m.start..m.end]);
            let next = mentions.get(i + 1).filter(|n| n.form == Form::Name)?;
            let words: Vec<&str> = text[m.end..next.start].split_whitespace().collect();
            (branch_of_mission && self.gazetteer.entity(next.entity).kind == Kind::Region && words == ["à"])
                .then_some(next.end)
        });
    }

    /// "l'Académie de l'administration publique auprès du Président de la République du
    /// Bélarus": a body attached to a state's president or government is named with them
    /// and the state (`unlisted::attaches_to_the_head_of`), which is not marked again; the
    /// body keeps its id.
    fn extend_bodies_attached_to_the_head_of_a_state(&self, text: &str, mentions: &mut Vec<Mention>) {
        extend_ends(mentions, |mentions, i| {
            let m = &mentions[i];
            if self.gazetteer.entity(m.entity).kind != Kind::Institution || m.form != Form::Name {
                return None;
            }
            let state = mentions
                .get(i + 1)
                .filter(|n| n.form == Form::Name && self.gazetteer.entity(n.entity).kind == Kind::State)?;
            let gap = text.get(m.end..state.start)?;
            crate::unlisted::attaches_to_the_head_of(gap).then_some(state.end)
        });
    }

    /// "le ministère du Développement de l'Extrême-Orient et de l'Arctique de la Fédération
    /// de Russie": a ministry whose name goes on with another domain after "et de" is one
    /// name up to its state, an unlisted institution; what was found inside (the first
    /// domain's ministry, "l'Arctique") is not marked again.
    fn extend_ministries_over_coordinated_domains(&self, text: &str, mentions: &mut Vec<Mention>) {
        extend_ends(mentions, |mentions, i| {
            let m = &mentions[i];
            let name = &text[m.start..m.end];
            if !(name.starts_with("ministère") || name.starts_with("Ministère"))
                || self.gazetteer.entity(m.entity).kind != Kind::Institution
            {
                return None;
            }
            let state = mentions[i + 1..]
                .iter()
                .take_while(|n| n.start.saturating_sub(m.end) <= crate::unlisted::MAX_COORDINATED_DOMAINS_GAP)
                .find(|n| n.form == Form::Name && self.gazetteer.entity(n.entity).kind == Kind::State)?;
            let (end, state_start) = (state.end, state.start);
            let gap = text.get(m.end..state_start)?;
            crate::unlisted::coordinates_domains(gap).then(|| {
                mentions[i].entity = self.unlisted_institution;
                mentions[i].alternatives.clear();
                end
            })
        });
    }

    /// "la Direction de Brest du Chemin de fer biélorusse", "la Branche de Gomel de la
    /// Chambre de commerce et d'industrie biélorusse": a branch named after its town and
    /// its parent is a body of its own, of its parent's kind, whole (ANNOTATION.md: the
    /// full name); the town and the parent are not marked again.
    fn join_branches_to_their_parents(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut kept = 0;
        let mut i = 0;
        while i < mentions.len() {
            let joined = mentions.get(i + 1).and_then(|parent| {
                let town = &mentions[i];
                let kind = self.gazetteer.entity(parent.entity).kind;
                let parent_is_body = parent.form == Form::Name && matches!(kind, Kind::Firm | Kind::Institution);
                let town_is_place = town.form == Form::Name && self.gazetteer.entity(town.entity).kind == Kind::Region;
                if !(parent_is_body
                    && town_is_place
                    && crate::unlisted::joins_a_branch_to_its_parent(&text[town.end..parent.start]))
                {
                    return None;
                }
                let start = crate::unlisted::branch_head_before(text, town.start)?;
                let entity = if kind == Kind::Firm { self.unlisted_firm } else { self.unlisted_institution };
                // The branch noun and its preposition are the two words before the town.
                Some(Mention::found_by_rule(start..parent.end, entity, Vec::new(), town.word.saturating_sub(2)))
            });
            match joined {
                Some(branch) => {
                    mentions[kept] = branch;
                    i += 2;
                }
                None => {
                    mentions.swap(kept, i);
                    i += 1;
                }
            }
            kept += 1;
        }
        mentions.truncate(kept);
    }

    /// "Institut d'optique atmosphérique SB RAS", "Centre de recherche de Carélie RAS": the
    /// acronym of the academy a research body belongs to, written right after the body's
    /// name (Russian and Belarusian usage), is the end of that name, not a mention of the
    /// academy of its own.
    fn attach_academy_acronyms(&self, text: &str, mentions: &mut Vec<Mention>) {
        // One pass that keeps mentions in place (a removal each would move the rest).
        let mut kept = 0;
        for i in 0..mentions.len() {
            let joins = kept > 0 && {
                let (body, next) = (&mentions[kept - 1], &mentions[i]);
                next.form == Form::Acronym
                    && next.entity != body.entity
                    && next.start > body.end
                    && self.gazetteer.entity(body.entity).kind == Kind::Institution
                    && self.gazetteer.entity(next.entity).subtype == "academy"
                    && text.as_bytes()[body.end..next.start].iter().all(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            };
            if joins {
                mentions[kept - 1].end = mentions[i].end;
            } else {
                mentions.swap(kept, i);
                kept += 1;
            }
        }
        mentions.truncate(kept);
    }

    /// "la Commission a rappelé", "le Collège forme": the head noun of a body named before
    /// in the text ("la Commission économique eurasienne"), capitalised and alone, refers
    /// back to it (written README: short forms of a body named in full before are that
    /// body). Alone means a determiner before it and a clause or punctuation after it
    /// (`clause_follows`). So do the head with its adjectives ("le Conseil consultatif a
    /// préparé") and the body of a body through its parent ("le Conseil de la Commission").
    fn add_heads_referring_back(&self, text: &str, folded: &Normalized, heads: &[usize], mentions: &mut Vec<Mention>) {
        let mut found: Vec<(usize, Mention)> = Vec::new();
        for &folded_at in heads {
            // Most heads are followed by what names the body ("Comité exécutif"): turned
            // away on the folded text, before their offsets are mapped back.
            let folded_end = folded.text[folded_at..].iter().position(|b| !b.is_ascii_alphabetic());
            let Some(folded_end) = folded_end.map(|n| folded_at + n) else { continue };
            let referred = if clause_follows(&folded.text[folded_end..]) {
                self.head_referring_back(text, folded.map.start(folded_at), mentions)
            } else {
                adjectives_before_clause(&folded.text, folded_end).and_then(|short_end| {
                    let span = folded.map.start(folded_at)..folded.map.end(short_end);
                    self.short_form_referring_back(text, span, mentions)
                })
            };
            let Some((slot, span, entity)) = referred else { continue };
            let word = ordinal_before(mentions, slot);
            found.push((slot, Mention::found_by_rule(span, entity, Vec::new(), word)));
        }
        insert_found(mentions, found);
    }

    /// The body that the capitalised head at `at`, alone, refers back to, with the slot and
    /// span of its mention: a body named before with that head, the body of that head of an
    /// organisation named before ("le Collège" after "la Commission économique
    /// eurasienne"), or, after the head of a body of a body and "de", that body of the body
    /// named before ("le Conseil de la Commission").
    fn head_referring_back(
        &self,
        text: &str,
        at: usize,
        mentions: &[Mention],
    ) -> Option<(usize, std::ops::Range<usize>, EntityIdx)> {
        // The word as written must be the capitalised head.
        let head = *REFERRING_HEADS.iter().find(|h| text[at..].starts_with(**h))?;
        let span = at..at + head.len();
        let body_of_body = match alone_after_determiner(text, span.clone()) {
            true => None,
            false => Some(sub_body_head_before(text, span.start)?),
        };
        let span = body_of_body.map_or(span.clone(), |(start, _)| start..span.end);
        let slot = free_slot(mentions, &span)?;
        let earlier = &mentions[..slot];
        let named_before = || earlier.iter().rev().find_map(|m| self.named_with_head(text, m, head));
        let entity = match body_of_body {
            Some((_, sub)) => named_before().and_then(|body| self.sub_bodies.get(&(body, sub)).copied()),
            None => named_before()
                .or_else(|| earlier.iter().rev().find_map(|m| self.sub_bodies.get(&(m.entity, head)).copied())),
        }?;
        Some((slot, span, entity))
    }

    /// The body that a capitalised head and its adjectives at `span` ("le Conseil
    /// consultatif a préparé"), after a determiner, refer back to, with the slot of its
    /// mention: the last institution named before whose name begins with those words and
    /// goes on ("le Conseil consultatif pour les questions de ...").
    fn short_form_referring_back(
        &self,
        text: &str,
        span: std::ops::Range<usize>,
        mentions: &[Mention],
    ) -> Option<(usize, std::ops::Range<usize>, EntityIdx)> {
        if !REFERRING_HEADS.iter().any(|h| text[span.start..].starts_with(*h))
            || !alone_after_determiner(text, span.start..span.start + 1)
        {
            return None;
        }
        let slot = free_slot(mentions, &span)?;
        let short = &text[span.clone()];
        let named = |m: &Mention| {
            let written = &text[m.start..m.end];
            (self.gazetteer.entity(m.entity).kind == Kind::Institution
                && m.form == Form::Name
                && written.split_whitespace().count() > short.split_whitespace().count()
                && written.split_whitespace().zip(short.split_whitespace()).all(|(a, b)| a == b))
            .then_some(m.entity)
        };
        let entity = mentions[..slot].iter().rev().find_map(named)?;
        Some((slot, span, entity))
    }

    /// The institution `m` names, if its name opens with `head` and goes on ("la
    /// Commission économique eurasienne"), as written or, for an acronym ("la CEE"), as its
    /// canonical name does.
    fn named_with_head(&self, text: &str, m: &Mention, head: &str) -> Option<EntityIdx> {
        let entity = self.gazetteer.entity(m.entity);
        if entity.kind != Kind::Institution {
            return None;
        }
        let name = match m.form {
            Form::Name => &text[m.start..m.end],
            Form::Acronym => &entity.name,
            _ => return None,
        };
        let rest = name.strip_prefix(head)?;
        rest.starts_with(char::is_whitespace).then_some(m.entity)
    }

    /// "producteurs tels que Kommunarka, Krinitsa, Spartak, Zdravushka-Milk et Oshmyansk":
    /// the capitalised names listed after a firm are firms too (`unlisted::firm_list_item`).
    /// A place in the list is left as it is and the list goes on; any other mention ends it.
    fn add_firm_list_items(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut found: Vec<(usize, Mention)> = Vec::new();
        let mut i = 0;
        while i < mentions.len() {
            if self.gazetteer.entity(mentions[i].entity).kind != Kind::Firm {
                i += 1;
                continue;
            }
            let mut at = mentions[i].end;
            let mut next = i + 1;
            loop {
                let item = crate::unlisted::firm_list_item(text, at);
                // An item that is a mention is that mention.
                let item = match item {
                    Ok(Some((span, _))) if mentions.get(next).is_some_and(|m| m.start == span.start) => Err(span.start),
                    item => item,
                };
                match item {
                    Ok(Some((span, last))) => {
                        if mentions.get(next).is_some_and(|m| m.start < span.end) {
                            break; // the name holds a mention: not a plain list item
                        }
                        let word = ordinal_before(mentions, next);
                        found.push((next, Mention::found_by_rule(span.clone(), self.unlisted_firm, Vec::new(), word)));
                        at = span.end;
                        if last {
                            break;
                        }
                    }
                    Err(start) => {
                        // A listed firm or a place goes on with the list.
                        let Some(m) = mentions.get(next).filter(|m| m.start == start) else { break };
                        if !matches!(self.gazetteer.entity(m.entity).kind, Kind::Firm | Kind::Region) {
                            break;
                        }
                        at = m.end;
                        next += 1;
                    }
                    Ok(None) => break,
                }
            }
            i = next.max(i + 1);
        }
        insert_found(mentions, found);
    }

    /// "l'eurorégion \"Dniepr\"": the name quoted after the euroregion designator is the
    /// euroregion (`places::quoted_euroregion_name`), the listed one of that name or an
    /// unlisted territory, and takes in what was found inside it ("Belovejskaïa
    /// Pouchtcha", the forest).
    fn add_quoted_euroregions(&self, text: &str, mentions: &mut Vec<Mention>) {
        let tail = crate::places::EUROREGION_DESIGNATOR_TAIL.as_bytes();
        let mut found: Vec<Mention> = Vec::new();
        for at in memchr::memmem::find_iter(text.as_bytes(), tail) {
            let Some(span) = crate::places::quoted_euroregion_name(text, at) else { continue };
            let folded = crate::normalize::fold_surface(&text[span.clone()]);
            let entity = self.euroregions.get(&folded).copied().unwrap_or(self.unlisted_region);
            found.push(Mention::found_by_rule(span, entity, Vec::new(), 0));
        }
        put_over(mentions, found);
    }

    /// "... // Gomelskaïa Pravda. - 2022.": a newspaper that a footnote gives as its source
    /// (`unlisted::newspaper_in_source`) is an unlisted firm, unless a body is found in its
    /// name: the paper itself, listed ("RIA Novosti"), or its publisher ("NSU News"). A
    /// place inside its name ("Vietnam News") is not marked.
    fn add_newspapers_in_sources(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut found: Vec<Mention> = Vec::new();
        for at in memchr::memmem::find_iter(text.as_bytes(), b"//") {
            let Some(span) = crate::unlisted::newspaper_in_source(text, at) else { continue };
            let first_after = mentions.partition_point(|m| m.end <= span.start);
            let body_inside = mentions[first_after..]
                .iter()
                .take_while(|m| m.start < span.end)
                .any(|m| matches!(self.gazetteer.entity(m.entity).kind, Kind::Firm | Kind::Institution));
            if !body_inside {
                let body = crate::unlisted::source_is_a_body(&text[span.clone()]);
                let entity = if body { self.unlisted_institution } else { self.unlisted_firm };
                found.push(Mention::found_by_rule(span, entity, Vec::new(), 0));
            }
        }
        put_over(mentions, found);
    }

    /// What follows a place's name may make it something else: the English name of a
    /// firm or body that begins with it ("Zhlobin Meat-Packing Plant", "Bryansk State
    /// Technical University", `unlisted::english_name_after_place`: the firm or body, whole,
    /// and what it takes in is not marked again), or a model number after
    /// a state's name ("Belarus 322.1", a tractor: no mention). A whole number is a model's
    /// only in a list of them: the same name with a number right before or after it
    /// ("Belarus 321, Belarus 311"). A noun of goods right before a state's name makes it a
    /// brand too ("des tracteurs Belarus").
    fn read_names_after_places(&self, text: &str, mentions: &mut Vec<Mention>) {
        let models: Vec<Option<bool>> = mentions
            .iter()
            .map(|m| {
                let kind = self.gazetteer.entity(m.entity).kind;
                let state_name = m.form == Form::Name && kind == Kind::State;
                // A place quoted after a noun of goods is a brand too ("le brandy \"Ararat\""),
                // and one right after a mineral water, quoted or not ("l'eau minérale Borjomi").
                let before = &text[..m.start];
                let quoted_place = m.form == Form::Name
                    && kind == Kind::Region
                    && (before.trim_end_matches([' ', '\u{a0}']).ends_with(['"', '«', '“'])
                        || before.trim_end().ends_with("minérale")
                        || before.trim_end().ends_with("minérales"));
                let listed_drink = m.form == Form::Name && kind == Kind::Region && in_list_of_drinks(before);
                if listed_drink || (state_name || quoted_place) && after_product_noun(text, m.start) {
                    Some(true)
                } else if state_name {
                    crate::unlisted::model_number_after(text, m.end)
                } else {
                    None
                }
            })
            .collect();
        let listed_with = |i: usize, j: usize| {
            models[j].is_some() && {
                let (a, b) = (&mentions[i.min(j)], &mentions[i.max(j)]);
                b.start - a.end <= MODEL_LIST_GAP && text[a.start..a.end] == text[b.start..b.end]
            }
        };
        let is_model: Vec<bool> = (0..mentions.len())
            .map(|i| match models[i] {
                Some(true) => true,
                Some(false) => (i > 0 && listed_with(i, i - 1)) || (i + 1 < mentions.len() && listed_with(i, i + 1)),
                None => false,
            })
            .collect();
        // Where the next listed firm's or any body's name starts, after each mention: an
        // English name read after a place stops there. (The unlisted firms found so far
        // are often the end of that name: "Bobruisk Plant of Tractor Parts and Units".)
        let mut next_body = vec![text.len(); mentions.len()];
        for i in (0..mentions.len().saturating_sub(1)).rev() {
            let next = &mentions[i + 1];
            let body = matches!(self.gazetteer.entity(next.entity).kind, Kind::Firm | Kind::Institution)
                && next.entity != self.unlisted_firm;
            next_body[i] = if body { next.start } else { next_body[i + 1] };
        }
        let mut kept = 0;
        let mut covered = 0;
        for i in 0..mentions.len() {
            if mentions[i].start < covered || is_model[i] {
                continue;
            }
            let m = &mentions[i];
            let kind = self.gazetteer.entity(m.entity).kind;
            if m.form == Form::Name && matches!(kind, Kind::State | Kind::Region) {
                if let Some((end, body)) = crate::unlisted::english_name_after_place(text, m.end, next_body[i]) {
                    let m = &mut mentions[i];
                    m.end = end;
                    m.entity = self.unlisted_body(body);
                    m.alternatives.clear();
                    covered = end;
                }
            }
            mentions.swap(kept, i);
            kept += 1;
        }
        mentions.truncate(kept);
    }

    /// "Amkodor-Agrotechmash", "MAZ-Tashkent": a firm's name joined by a hyphen to a
    /// capitalised word names another firm (a subsidiary, a joint venture), and a hyphenated
    /// name stays whole (ANNOTATION.md); what it takes in ("Tashkent") is not marked again.
    /// No list has such a firm, or the automaton would have matched its whole name: it is
    /// an unlisted firm.
    fn join_hyphenated_firm_names(&self, text: &str, mentions: &mut Vec<Mention>) {
        extend_ends(mentions, |mentions, i| {
            let m = &mut mentions[i];
            let joined = self.gazetteer.entity(m.entity).kind == Kind::Firm
                && word_after_hyphen(text, m.end).is_some_and(|at| text[at..].starts_with(char::is_uppercase));
            if !joined {
                return None;
            }
            // Words of letters and digits, joined by single hyphens.
            let mut end = m.end;
            while let Some(at) = word_after_hyphen(text, end) {
                let word = text[at..].find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len() - at);
                if word == 0 {
                    break;
                }
                end = at + word;
            }
            m.entity = self.unlisted_firm;
            m.form = Form::Name;
            m.alternatives.clear();
            Some(end)
        });
    }

    /// "Sibur Tobolsk", "Lactalis Moldova", "MAZ Asia", "FAW Group": a listed firm's name
    /// followed by capitalised words names another firm (a subsidiary, a plant, the group),
    /// no list's, which takes them in (`unlisted::words_naming_a_firm_after`): what it
    /// takes in ("Tobolsk") is not marked again.
    fn extend_listed_firms_over_capitalised_words(&self, text: &str, mentions: &mut Vec<Mention>) {
        extend_ends(mentions, |mentions, i| {
            let m = &mut mentions[i];
            let listed_firm = self.gazetteer.entity(m.entity).kind == Kind::Firm
                && m.entity != self.unlisted_firm
                && matches!(m.form, Form::Name | Form::Acronym);
            if !listed_firm {
                return None;
            }
            // '"Krasnye Barrikady"': capitalised words between the opening quote and a
            // listed firm's name that closes the quotes name another firm, whole.
            let previous_end = i.checked_sub(1).map_or(0, |p| mentions[p].end);
            let m = &mut mentions[i];
            if let Some(start) = capitalised_words_from_opening_quote(text, previous_end, m.start, m.end) {
                m.start = start;
                m.entity = self.unlisted_firm;
                m.form = Form::Name;
                m.alternatives.clear();
                return None;
            }
            // '"Belneftekhim USA"': a word in capitals closing its quotes names another firm
            // too (a dealer in a country), as a capitalised word does.
            let after = crate::unlisted::words_naming_a_firm_after(text, m.end)
                .or_else(|| capitals_to_closing_quote(text, m.start, m.end));
            let Some(end) = after else {
                // '"Lidskoe pivo"': lowercase words in its quotes finish the firm's own name.
                return lowercase_words_to_closing_quote(text, m.start, m.end);
            };
            m.entity = self.unlisted_firm;
            m.form = Form::Name;
            m.alternatives.clear();
            Some(end)
        });
    }

    /// "Ministry of Economy and Sustainable Development of Georgia", "Embassy of the
    /// Republic of Belarus in Turkmenistan": the English name of a public body that ends
    /// with a place after "of" (`unlisted::english_body_start`), as footnotes cite their
    /// publishers, is an unlisted institution, whole; an embassy's or consulate's takes in
    /// its host after "in". What it takes in is not marked again.
    fn add_english_bodies_named_with_places(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut found: Vec<Mention> = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let kind = self.gazetteer.entity(m.entity).kind;
            if !matches!(kind, Kind::State | Kind::Region)
                || m.form != Form::Name
                || !text[..m.start].ends_with(char::is_whitespace)
            {
                continue;
            }
            let previous_end = i.checked_sub(1).map_or(0, |p| mentions[p].end);
            let start_floor = previous_end.max(found.last().map_or(0, |f| f.end));
            let Some(start) = crate::unlisted::english_body_start(text, m.start, start_floor) else { continue };
            let mut end = m.end;
            let mission = text[start..].starts_with("Embassy") || text[start..].starts_with("Consulate");
            if let Some(host) = mentions.get(i + 1).filter(|_| mission) {
                let host_kind = self.gazetteer.entity(host.entity).kind;
                let between = &text[m.end..host.start];
                // "... in the Republic of Kazakhstan": the state's long name takes "the".
                if matches!(host_kind, Kind::State | Kind::Region)
                    && (between.split_whitespace().eq(["in"]) || between.split_whitespace().eq(["in", "the"]))
                {
                    end = host.end;
                }
            }
            found.push(Mention::found_by_rule(start..end, self.unlisted_institution, Vec::new(), 0));
        }
        put_over(mentions, found);
    }

    /// "Oust-Louga", "Verkhni-Lars": a capitalised word joined by a hyphen to the name of a
    /// place makes the name of another place, which a hyphenated name keeps whole
    /// (ANNOTATION.md); no list has it, or the automaton would have matched it all. It is
    /// an unlisted territory, and "Louga" is not marked in it.
    fn join_places_to_their_first_word(&self, text: &str, mentions: &mut [Mention]) {
        let mut floor = 0;
        for m in mentions.iter_mut() {
            let place = self.gazetteer.entity(m.entity).kind == Kind::Region && m.form == Form::Name;
            let joined = text[floor..m.start].trim_end_matches(char::is_whitespace).strip_suffix('-');
            if let Some(before) = joined.filter(|_| place) {
                let word_start =
                    before.char_indices().rev().find(|&(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
                let word = &before[word_start..];
                let capitalised = word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().skip(1).any(char::is_lowercase)
                    && word.chars().count() >= 2;
                if capitalised {
                    m.start = floor + word_start;
                    m.entity = self.unlisted_region;
                    m.alternatives.clear();
                }
            }
            floor = m.end;
        }
    }

    /// Whether every one of `run` is a place or a state by its name (not an adjective or an
    /// acronym): the parts of a hyphenated territory's name ("Gazakh-Tovouz").
    fn are_place_names(&self, run: &[Mention]) -> bool {
        run.iter()
            .all(|m| m.form == Form::Name && matches!(self.gazetteer.entity(m.entity).kind, Kind::Region | Kind::State))
    }

    /// "les districts fédéraux du Centre, de l'Oural, de la Volga et du Nord-Ouest": the
    /// names coordinated after a plural designator (`lists`: where each ends, folded, and
    /// the entity of its first name) are territories of the same subtype when one of those
    /// is named so with a designator only (`@Oural`), a name that no bare pattern holds.
    /// Each becomes a mention, or takes the place of the mention of its span ("Oural" the
    /// mountains' region).
    fn read_designated_lists(
        &self,
        text: &str,
        folded: &Normalized,
        lists: &[(usize, EntityIdx)],
        mentions: &mut Vec<Mention>,
    ) {
        if self.designated.is_empty() {
            return;
        }
        let mut found: Vec<(usize, Mention)> = Vec::new();
        for &(list_end, first) in lists {
            let subtype = &self.gazetteer.entity(first).subtype;
            let mut at = list_end;
            while let Some((name, entity)) = self.designated.coordinated_at(&folded.text, at, |e| {
                let e = self.gazetteer.entity(e);
                e.subtype == *subtype && e.kind == Kind::Region
            }) {
                at = name.end;
                let (start, end) = folded.map.span(name.start, name.end);
                if !starts_upper(&text[start..end]) {
                    break;
                }
                let same_span = mentions.partition_point(|m| m.start < start);
                match mentions.get_mut(same_span) {
                    Some(m) if m.start == start && m.end == end => {
                        m.entity = entity;
                        m.form = Form::Name;
                        m.alternatives.clear();
                        continue;
                    }
                    _ => {}
                }
                // "et de Gazakh-Tovouz": a hyphenated name read as its places ("Gazakh",
                // "Tovouz") is the one territory, if no other mention reaches into it.
                let inside = mentions[same_span..].iter().take_while(|m| m.end <= end).count();
                let places_inside = inside >= 2
                    && mentions.get(same_span + inside).is_none_or(|m| m.start >= end)
                    && self.are_place_names(&mentions[same_span..same_span + inside]);
                if places_inside && found.last().is_none_or(|(_, f)| f.end <= start) {
                    join_run(mentions, same_span, inside, start..end, entity);
                    continue;
                }
                let pending = found.last().is_some_and(|(_, f)| f.end > start);
                let Some(next) = free_slot(mentions, &(start..end)).filter(|_| !pending) else { break };
                let word = ordinal_before(mentions, next);
                found.push((next, Mention::found_by_rule(start..end, entity, Vec::new(), word)));
            }
        }
        insert_found(mentions, found);
    }

    /// Territories no gazetteer lists, found by their designator ("établissement rural de
    /// Shcheglovo"; `unlisted::territory_at`).
    fn add_unlisted_territories(&self, text: &str, designators: &[usize], mentions: &mut Vec<Mention>) {
        // (position among the mentions, new mention), in order.
        let mut found: Vec<(usize, Mention)> = Vec::new();
        for &at in designators {
            // Mentions are in order and do not overlap. A designator inside one ("région de
            // Gomel") adds nothing; a new span must end before the next one starts.
            let next = mentions.partition_point(|m| m.start <= at);
            if next > 0 && mentions[next - 1].end > at || found.last().is_some_and(|(_, f)| f.end > at) {
                continue;
            }
            let Some((span, designator_inside)) = crate::unlisted::territory_at(text, at) else { continue };
            // "la région économique de Gandja-Gazakh": places joined by hyphens, or a place
            // after a designator of two words, name one territory with the designator, which
            // takes them in.
            let inside = mentions[next..].iter().take_while(|m| m.start < span.end).count();
            let two_words = crate::unlisted::opens_with_two_word_designator(&text[span.clone()]);
            let joined_places = (inside > 1 || inside == 1 && two_words)
                && designator_inside
                && mentions[next..next + inside].iter().all(|m| m.end <= span.end)
                && self.are_place_names(&mentions[next..next + inside]);
            if joined_places {
                join_run(mentions, next, inside, span, self.unlisted_region);
                continue;
            }
            if let Some(m) = mentions.get_mut(next).filter(|m| m.start < span.end) {
                // "le village de Myadel", "la municipalité de Saratov": the listed town, as it is.
                if !designator_inside || crate::unlisted::is_municipality(&text[span.clone()]) {
                    continue;
                }
                // "district municipal d'Agryz", "district urbain de Sosnovy Bor": a listed
                // town named by a designator that no pattern holds is the territory, and the
                // designator belongs to its span (ANNOTATION.md). So is a place that ends a
                // hyphenated name ("district de Djety-Oguz", not Oguz).
                let town = m.end == span.end
                    && m.form == Form::Name
                    && (self.gazetteer.entity(m.entity).is_town()
                        || text[..m.start].ends_with('-')
                        || crate::unlisted::is_landform(&text[span.clone()]));
                if town {
                    m.start = span.start;
                    m.entity = self.unlisted_region;
                    m.alternatives.clear();
                }
                continue;
            }
            let word = ordinal_before(mentions, next);
            found.push((next, Mention::found_by_rule(span, self.unlisted_region, Vec::new(), word)));
        }
        insert_found(mentions, found);
    }

    /// Places no gazetteer lists, named after a noun that says places follow ("les postes
    /// frontières de Dostyk et d'Altynkol"; `places::places_at`). A listed place of such a
    /// list is found as itself and keeps its mention.
    fn add_places_after_heads(&self, text: &str, heads: &[usize], mentions: &mut Vec<Mention>) {
        let mut found: Vec<(usize, Mention)> = Vec::new();
        for &at in heads {
            let next = mentions.partition_point(|m| m.start <= at);
            if next > 0 && mentions[next - 1].end > at {
                continue; // a head inside a name ("Port maritime international de Bakou")
            }
            for span in crate::places::places_at(text, at) {
                let pending = found.last().is_some_and(|(_, f)| f.end > span.start);
                let Some(slot) = free_slot(mentions, &span).filter(|_| !pending) else { continue };
                let word = ordinal_before(mentions, slot);
                found.push((slot, Mention::found_by_rule(span, self.unlisted_region, Vec::new(), word)));
            }
        }
        insert_found(mentions, found);
    }

    /// Places no gazetteer lists joined to a town: by a spaced dash, along a route or at a
    /// border crossing ("le couloir Brest - Terespol", "Tianjin - Erenhot - Oulan-Bator";
    /// `places::dashed_after`, `places::dashed_before`), or in a list that repeats the
    /// town's preposition ("de Telavi, de Sighnaghi et de Lagodekhi"; `places::listed_after`,
    /// `places::listed_before`).
    fn add_places_joined_to_towns(&self, text: &str, mentions: &mut Vec<Mention>) {
        // Towns, or places found by a rule: a route or a crossing joins towns ("la région
        // de Mogilev - Coimdods" is a title and its publisher).
        let is_place = |m: &Mention| {
            m.form == Form::Name && (m.entity == self.unlisted_region || self.gazetteer.entity(m.entity).is_town())
        };
        let listed_place = |mentions: &[Mention], span: &std::ops::Range<usize>| {
            let k = mentions.partition_point(|m| m.start < span.start);
            mentions.get(k).is_some_and(|m| m.start == span.start && m.end == span.end && is_place(m))
        };
        let mut found: Vec<(usize, Mention)> = Vec::new();
        let add = |span: std::ops::Range<usize>, mentions: &[Mention], found: &mut Vec<(usize, Mention)>| {
            let pending = found.iter().any(|(_, f)| f.start < span.end && span.start < f.end);
            let slot = free_slot(mentions, &span).filter(|_| !pending)?;
            let word = ordinal_before(mentions, slot);
            found.push((slot, Mention::found_by_rule(span.clone(), self.unlisted_region, Vec::new(), word)));
            Some(span)
        };
        for i in 0..mentions.len() {
            if !is_place(&mentions[i]) {
                continue;
            }
            let mut end = mentions[i].end;
            while let Some(span) = crate::places::dashed_after(text, end) {
                match add(span, mentions, &mut found) {
                    Some(span) => end = span.end,
                    None => break,
                }
            }
            let mut start = mentions[i].start;
            while let Some(span) = crate::places::dashed_before(text, start) {
                match add(span, mentions, &mut found) {
                    Some(span) => start = span.start,
                    None => break,
                }
            }
            // A list that repeats the town's preposition names places ("de Telavi, de
            // Sighnaghi et de Lagodekhi"), on both sides of the town.
            let town = self.gazetteer.entity(mentions[i].entity).is_town();
            let Some(preposition) = crate::places::list_preposition_before(text, mentions[i].start).filter(|_| town)
            else {
                continue;
            };
            let mut end = mentions[i].end;
            while let Some(span) = crate::places::listed_after(text, end, preposition) {
                end = span.end;
                let listed = listed_place(mentions, &span);
                if !listed && add(span, mentions, &mut found).is_none() {
                    break;
                }
            }
            let mut start = mentions[i].start;
            while let Some(span) = crate::places::listed_before(text, start, preposition) {
                start = span.start;
                let listed = listed_place(mentions, &span);
                if !listed && add(span, mentions, &mut found).is_none() {
                    break;
                }
            }
        }
        found.sort_by_key(|(slot, m)| (*slot, m.start));
        insert_found(mentions, found);
    }

    /// A town's former name in an apposition ("Bokhtar, l'ancienne Kourgan-Tioubé";
    /// `places::former_name_after`) is the town, whatever else that name could be.
    fn add_former_names_of_towns(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut found: Vec<(usize, Mention)> = Vec::new();
        for i in 0..mentions.len() {
            let town = &mentions[i];
            if town.form != Form::Name || !self.gazetteer.entity(town.entity).is_town() {
                continue;
            }
            let Some(span) = crate::places::former_name_after(text, town.end) else { continue };
            let entity = town.entity;
            match mentions.get(i + 1) {
                Some(next) if next.start == span.start && next.end == span.end => {
                    if self.gazetteer.entity(next.entity).kind == Kind::Region && next.entity != entity {
                        let next = &mut mentions[i + 1];
                        next.entity = entity;
                        next.alternatives.clear();
                    }
                }
                Some(next) if next.start < span.end => {}
                _ => {
                    let word = ordinal_before(mentions, i + 1);
                    found.push((i + 1, Mention::found_by_rule(span, entity, Vec::new(), word)));
                }
            }
        }
        insert_found(mentions, found);
    }

    /// Places no gazetteer lists at the end of a plant's name ("l'usine de potasse de
    /// Dehkanabad"; `places::place_after_plant_at`), for `add_named_bodies` to read the
    /// plant's name back from, as from a listed town.
    fn add_places_of_plants(&self, text: &str, heads: &[usize], mentions: &mut Vec<Mention>) {
        let mut found: Vec<(usize, Mention)> = Vec::new();
        for &at in heads {
            let Some(span) = crate::places::place_after_plant_at(text, at) else { continue };
            let pending = found.last().is_some_and(|(_, f)| f.end > at);
            // Nothing found between the head and the place: a mention there (a listed
            // place, a firm) is the name's own business.
            let next = mentions.partition_point(|m| m.end <= at);
            if pending || mentions.get(next).is_some_and(|m| m.start < span.end) {
                continue;
            }
            let word = ordinal_before(mentions, next);
            found.push((next, Mention::found_by_rule(span, self.unlisted_region, Vec::new(), word)));
        }
        insert_found(mentions, found);
    }

    /// Districts named by the Russian adjective of their town ("Volkhovsky" for Volkhov,
    /// `inflect::raion_adjectives`), found near the district designators the scan spotted
    /// (`districts`, folded offsets in order): in the few bytes before one ("Volkhovsky
    /// district") or the [`DISTRICT_AFTER`] after it, and on through a list while each
    /// adjective follows the previous one within [`DISTRICT_LIST_GAP`] ("les districts
    /// suivants 1. Volosovsky et Logoisky (2010) ; 2. Volkhovsky et Mozyr (2006) ; ..."). The
    /// same words are surnames elsewhere ("Shklovsky"), and after "de" a name that the
    /// designator takes with it ("district urbain de Sosnovoborski").
    fn add_district_adjectives(
        &self,
        text: &str,
        folded: &Normalized,
        districts: &[usize],
        mentions: &mut Vec<Mention>,
    ) {
        let adjectives = &self.compiled.district_adjectives;
        if adjectives.is_empty() || districts.is_empty() {
            return;
        }
        let f = &folded.text[..];
        let mut found: Vec<(usize, Mention)> = Vec::new();
        let mut scanned_to = 0;
        for &designator in districts {
            // Each word is read once: windows start where the last one ended, at a word
            // start (not inside the word the window cuts).
            let mut from = designator.saturating_sub(DISTRICT_BEFORE).max(scanned_to);
            while from > 0 && from < f.len() && is_word_byte(f[from - 1]) {
                from += 1;
            }
            let mut end = (designator + DISTRICT_AFTER).min(f.len());
            // Word by word, a byte loop: windows are short, and a second use of the scan's
            // word iterator kept the compiler from inlining it in the scan's hot loop.
            let mut e = from;
            loop {
                let mut s = e;
                while s < end && !is_word_byte(f[s]) {
                    s += 1;
                }
                if s >= end {
                    break;
                }
                e = s + 1;
                while e < f.len() && word_class(f[e]) == word_class(f[s]) {
                    e += 1;
                }
                let word = &f[s..e];
                let adjective_like = [&b"sky"[..], b"ski", b"skiy", b"skii"].iter().any(|x| word.ends_with(x));
                let Some(entities) = adjective_like.then(|| adjectives.get(word)).flatten() else { continue };
                if f[..s].ends_with(b" de ") || f[..s].ends_with(b" d'") {
                    continue;
                }
                let (start, stop) = folded.map.span(s, e);
                if !text.as_bytes()[start].is_ascii_uppercase() {
                    continue;
                }
                let Some(next) = free_slot(mentions, &(start..stop)) else { continue };
                end = (e + DISTRICT_LIST_GAP).min(f.len()).max(end);
                let word_ordinal = ordinal_before(mentions, next);
                let mention = Mention::found_by_rule(start..stop, entities[0], entities[1..].to_vec(), word_ordinal);
                found.push((next, mention));
            }
            scanned_to = scanned_to.max(end);
        }
        insert_found(mentions, found);
    }

    /// Firms no gazetteer lists, found by legal forms, business nouns and references
    /// (`unlisted`). A place inside such a name ("Zdravushka Tashkent") is absorbed.
    fn add_unlisted_firms(&self, text: &str, cues: &[usize], mentions: &mut Vec<Mention>) {
        let taken: Vec<std::ops::Range<usize>> = mentions.iter().map(|m| m.start..m.end).collect();
        // An English state adjective that opens a capitalised name ("Indian Potash Limited",
        // "Kyrgyz Potash LLC", "Nigerian National Petroleum Corporation", which the
        // gazetteer has as a demonym) is the name's first word, not a mention of its own.
        let opens_english_name = |m: &Mention| {
            let written = &text[m.start..m.end];
            // The next word may be on the next line.
            let mut next = text[m.end..].trim_start().chars();
            matches!(m.form, Form::Adjective | Form::Demonym)
                && written.is_ascii()
                && written.starts_with(|c: char| c.is_ascii_uppercase())
                && text[m.end..].starts_with(char::is_whitespace)
                && next.next().is_some_and(char::is_uppercase)
                && next.next().is_some_and(char::is_lowercase)
        };
        let is_named = |start: usize| {
            let at = mentions.partition_point(|m| m.start < start);
            mentions.get(at).filter(|m| m.start == start).is_some_and(|m| {
                matches!(self.gazetteer.entity(m.entity).kind, Kind::Firm | Kind::Institution | Kind::State)
                    && !opens_english_name(m)
            })
        };
        let mut found = crate::unlisted::find(text, cues, &taken, &is_named);
        found.retain(|span| !crate::unlisted::after_event_noun(text, span.start));
        if found.is_empty() {
            return;
        }
        // Merge the two sorted lists; a mention inside a new firm name is absorbed.
        // A quoted name right after an agency or association noun is a public body's.
        let unlisted = |span: std::ops::Range<usize>, word: u32| {
            let entity = if crate::unlisted::quoted_after_body_noun(text, span.start)
                || crate::unlisted::after_interstate_noun(text, span.start)
                || crate::unlisted::university_in_publisher_slot(text, &span)
                || crate::unlisted::quoted_body_name(text, &span)
            {
                self.unlisted_institution
            } else {
                self.unlisted_firm
            };
            Mention::found_by_rule(span, entity, Vec::new(), word)
        };
        let old = std::mem::take(mentions);
        mentions.reserve(old.len() + found.len());
        let mut spans = found.into_iter().peekable();
        let mut last_span: Option<std::ops::Range<usize>> = None;
        for m in old {
            while let Some(span) = spans.next_if(|s| s.start <= m.start) {
                mentions.push(unlisted(span.clone(), m.word));
                last_span = Some(span);
            }
            if !last_span.as_ref().is_some_and(|s| s.start <= m.start && m.end <= s.end) {
                mentions.push(m);
            }
        }
        let word = mentions.last().map_or(0, |m| m.word);
        mentions.extend(spans.map(|span| unlisted(span, word)));
    }

    /// The unlisted entity a body's head makes its name: a public body's or a plant's.
    fn unlisted_body(&self, body: crate::unlisted::BodyKind) -> EntityIdx {
        match body {
            crate::unlisted::BodyKind::Institution => self.unlisted_institution,
            crate::unlisted::BodyKind::Firm => self.unlisted_firm,
        }
    }

    fn variant(&self, v: u32) -> &Variant {
        &self.compiled.variants[v as usize]
    }

    /// A state's name or adjective in English (`~` in the gazetteer: "India", "Georgian",
    /// "Belarusians").
    fn is_english_state_surface(&self, v: &Variant) -> bool {
        let entity = self.gazetteer.entity(v.entity);
        // A demonym is its adjective with an -s ("Belarusians").
        let surface = v.surface.strip_suffix('s').filter(|_| v.form == Form::Demonym).unwrap_or(&v.surface);
        entity.kind == Kind::State
            && entity.names.iter().chain(&entity.adjectives).any(|s| s.foreign && surface.eq_ignore_ascii_case(&s.text))
    }

    /// A mention with its id, kind, canonical name and text spelled out.
    pub fn record<'a>(&'a self, text: &'a str, m: &Mention) -> MentionRecord<'a> {
        let entity = self.gazetteer.entity(m.entity);
        MentionRecord {
            start: m.start,
            end: m.end,
            char_start: m.char_start,
            char_end: m.char_end,
            utf16_start: m.utf16.map(|u| u.0),
            utf16_end: m.utf16.map(|u| u.1),
            text: &text[m.start..m.end],
            id: &entity.id,
            kind: entity.kind,
            form: m.form,
            canonical: &entity.name,
            alternatives: m.alternatives.iter().map(|&a| self.gazetteer.entity(a).id.as_str()).collect(),
        }
    }

    /// The raw matching baseline of the benchmarks: one unanchored leftmost-longest
    /// Aho-Corasick scan over the lowercased text with the same patterns. Returns the
    /// number of matches.
    pub fn baseline_automaton(&self) -> aho_corasick::AhoCorasick {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(self.compiled.forms_patterns())
            .expect("patterns already compiled once")
    }
}

/// What the text right before a match says about it. The parts that read the last word
/// or look for a dedication are found when a variant first needs them: most variants
/// are names, which need neither unless the match is in capitals or names the Réunion.
struct Context<'a> {
    /// The text before the match, trailing whitespace trimmed.
    trimmed: &'a str,
    /// Whitespace separates the match from `trimmed`.
    spaced: bool,
    /// "K. Gusev": an initial before a name makes it a person's.
    after_initial: bool,
    /// "Shcherbitsky, A. Glubokoe va coopérer ...": the initial ends a reference's author
    /// ("Surname, I."), and if a lowercase word, a dash or a colon follows the name, the
    /// name begins the title: it is no person's.
    after_author_initial: bool,
    /// "Zhang L. Belarus-China": a capitalised word and an initial, an author without the
    /// comma.
    after_surname_initial: bool,
    /// After an author's initial, a lowercase word, a dash or a colon right after the match.
    before_lowercase: bool,
    /// "-China": a hyphen and a capitalised word glued to the match ([`followed_by_compound`]).
    before_compound: bool,
    /// "Gusev, B. Zalessky": a comma and an initial after a name make it a person's.
    before_initial: bool,
    /// "Vladimir Dvornik": a capitalised word right after the match.
    before_capitalised: bool,
    /// "Serdar Berdimuhamedov": a capitalised word that ends like a surname right after it.
    before_surname: bool,
    /// Whitespace, line breaks too, then a capital or a quoted name: "IKEA", "\n\nDaewoo".
    before_name: bool,
    /// 'UE "Minskvodokanal"': a quoted name right after the match.
    before_quoted_name: bool,
    /// The run of letters that ends `trimmed`.
    last_word: std::cell::OnceCell<&'a str>,
    /// "qui porte le nom d'Alisher Navoi": a person's name follows "nom de".
    in_dedication: std::cell::OnceCell<Dedication>,
}

impl<'a> Context<'a> {
    /// Reads the text before a match from its end, byte by byte where it is ASCII (a check
    /// runs for every match, and char by char this cost several hundred instructions).
    fn of(before: &'a str) -> Context<'a> {
        let trimmed = trim_end(before);
        let spaced = trimmed.len() < before.len();
        let after_initial = spaced && trimmed.ends_with('.') && {
            let mut rev = trimmed[..trimmed.len() - 1].chars().rev();
            rev.next().is_some_and(char::is_uppercase) && rev.next().is_none_or(|c| !c.is_alphanumeric())
        };
        // The text before the initials: "Surname, I." or "Surname, I. O." (Russian authors'
        // two initials), or "Surname I." with no comma.
        let before_initials = if after_initial {
            let mut before_initial = trimmed;
            for _ in 0..2 {
                let Some(without_dot) = before_initial.strip_suffix('.') else { break };
                let Some((initial, letter)) = without_dot.char_indices().next_back() else { break };
                let before = &without_dot[..initial];
                if !letter.is_uppercase() || before.chars().next_back().is_some_and(char::is_alphanumeric) {
                    break;
                }
                before_initial = before.trim_end();
            }
            before_initial
        } else {
            ""
        };
        let ends_with_surname = |author: &str| {
            let word = &author[last_word_start(author)..];
            word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() >= 2
        };
        // A comma and a capitalised word before the initials.
        let after_author_initial = before_initials.strip_suffix(',').is_some_and(ends_with_surname);
        // "Zhang L.": a capitalised word right before them ("selon M." is no author).
        let after_surname_initial = after_initial && ends_with_surname(before_initials);
        Context {
            trimmed,
            spaced,
            after_initial,
            after_author_initial,
            after_surname_initial,
            before_lowercase: false,
            before_compound: false,
            before_initial: false,
            before_capitalised: false,
            before_surname: false,
            before_name: false,
            before_quoted_name: false,
            last_word: std::cell::OnceCell::new(),
            in_dedication: std::cell::OnceCell::new(),
        }
    }

    fn last_word(&self) -> &'a str {
        self.last_word.get_or_init(|| &self.trimmed[last_word_start(self.trimmed)..])
    }

    fn in_dedication(&self) -> Dedication {
        *self.in_dedication.get_or_init(|| in_dedication(self.trimmed))
    }

    /// "traduit en russe", "En russe, l'organisation ...", "parlent russe", "en
    /// translittération russe": the language, not the state.
    fn after_en(&self) -> bool {
        let before_language =
            |word: &str| matches!(word, "en" | "En" | "parle" | "parlent" | "parler" | "parlant" | "translittération");
        if !self.spaced {
            return false;
        }
        let word = self.last_word();
        // "la population parle majoritairement russe": an adverb between the verb and the
        // language.
        before_language(word)
            || word.len() > 5 && word.ends_with("ment") && {
                let (rest, _) = last_token(self.trimmed);
                let rest = trim_end(rest);
                before_language(&rest[last_word_start(rest)..])
            }
    }

    /// The words before name a sea, a lake or a shore ("l'océan Indien", "la mer Baltique",
    /// "le lac Issyk-Koul", "la mer d'Aral", "le lac de Sevan", "sur la rive sud de
    /// l'Issyk-Koul", "les rives du Dniepr", "le golfe de Finlande"): what follows is the
    /// water's name, not a state or a territory.
    fn after_sea(&self) -> bool {
        let word = self.last_word();
        if matches!(word, "mer" | "Mer" | "lac") || word.eq_ignore_ascii_case("océan") {
            return true;
        }
        // Backwards: maybe an article, a preposition, maybe a side, the water's noun; a
        // word at a time, and only after a preposition or an article (a check runs for
        // every variant of every match).
        let elided = !self.spaced && self.trimmed.ends_with(['\'', '’']);
        if !elided && !matches!(word, "de" | "du" | "des" | "la") {
            return false;
        }
        let (mut rest, mut token) = last_token(self.trimmed);
        let mut article = false;
        if matches!(token, "la" | "l'" | "l’") {
            (rest, token) = last_token(rest);
            article = true;
        }
        if !matches!(token, "de" | "du" | "des" | "d'" | "d’") {
            return false;
        }
        article |= matches!(token, "du" | "des");
        (rest, token) = last_token(rest);
        if matches!(token, "sud" | "nord" | "est" | "ouest" | "gauche" | "droite") {
            (_, token) = last_token(rest);
        }
        // A river or a lake takes its article after a shore ("la rive gauche de l'Oural");
        // a town does not ("la rive gauche d'Atyraou" is the town's part across its river).
        let shore = matches!(token, "rive" | "rives");
        matches!(token, "mer" | "Mer" | "lac" | "golfe" | "Golfe" | "détroit") || shore && article
    }

    /// "en langue russe", "les langues russe et biélorusse": the language. So after a noun
    /// of teaching and "de" ("des cours de polonais et de lituanien", "des enseignants
    /// d'ukrainien").
    fn after_language(&self) -> bool {
        if self.spaced && matches!(self.last_word(), "langue" | "langues") {
            return true;
        }
        const TEACHING: &[&str] = &["cours", "enseignants", "professeurs", "enseignement", "classes", "manuels"];
        let (mut rest, token) = last_token(self.trimmed);
        if !matches!(token, "de" | "d'" | "d’") {
            return false;
        }
        // Back over the languages coordinated before: "de polonais et".
        for _ in 0..3 {
            let (before, token) = last_token(rest);
            if TEACHING.contains(&token) {
                return true;
            }
            if token != "et" {
                return false;
            }
            let (before, language) = last_token(before);
            let (before, de) = last_token(before);
            if !language.chars().all(char::is_lowercase) || !matches!(de, "de" | "d'" | "d’") {
                return false;
            }
            rest = before;
        }
        false
    }

    /// The previous word is written in lowercase (running text, not a heading).
    fn after_lowercase_word(&self) -> bool {
        self.last_word().chars().next().is_some_and(char::is_lowercase)
    }

    /// An article or a contraction before the name ("du Tadjikistan, A. Lukashenka"): a
    /// place's, never a person's, whatever initials come after it.
    fn after_article(&self) -> bool {
        (self.spaced
            && matches!(self.last_word(), "du" | "le" | "la" | "les" | "au" | "aux" | "des" | "Le" | "La" | "Les"))
            || self.trimmed.ends_with("l'")
            || self.trimmed.ends_with("l’")
    }

    /// The preposition "de" before the name ("la bachkan de Gagaouzie, I. Vlah"): a place
    /// and the person who heads it, not an author and the initial of a reference.
    fn after_de(&self) -> bool {
        (self.spaced && matches!(self.last_word(), "de" | "De"))
            || self.trimmed.ends_with(" d'")
            || self.trimmed.ends_with(" d’")
    }

    /// The previous word is the article "la": "à la Réunion".
    fn after_la(&self) -> bool {
        let word = self.last_word();
        word == "la" || word == "La"
    }

    fn allows(&self, variant: &Variant, seen: &Shape, written: &Shape, original: &str, gazetteer: &Gazetteer) -> bool {
        match variant.form {
            Form::Name => {
                // "Zhang L. Belarus-China Cooperation": a compound of places after an
                // author's initial begins a reference's title, with or without the comma.
                let title = self.after_author_initial && self.before_lowercase
                    || self.after_surname_initial && self.before_compound;
                let person = (((self.after_initial && !title) || self.before_initial && !self.after_de())
                    && !self.after_article())
                    || match self.in_dedication() {
                        Dedication::None => false,
                        Dedication::Present => true,
                        // "Vanadzor, qui portait le nom de Kirovakan": a town's former name,
                        // unless it ends like a person's ("l'usine qui portait le nom de
                        // Kirov").
                        Dedication::Past => ends_like_a_surname(original),
                    }
                    || (self.before_capitalised
                        && GIVEN_NAMES.iter().any(|g| g.eq_ignore_ascii_case(&variant.surface)))
                    // A name before a surname is a given name ("Serdar Berdimuhamedov").
                    || self.before_surname;
                // "tracteurs BELARUS": a product named after a place in capitals. A firm
                // so written is its maker ("réfrigérateurs ATLANT").
                let brand = variant.policy == CasePolicy::Capitalised
                    && seen.is_shouted()
                    && !written.is_shouted()
                    && self.after_lowercase_word()
                    && gazetteer.entity(variant.entity).kind != Kind::Firm;
                let common_noun = variant.needs_article && !self.after_la();
                !person && !brand && !common_noun && !self.after_sea()
            }
            Form::Adjective => {
                // "apprennent le russe", "l'enseignement du russe": an adjective alone after
                // a masculine article is the language; before a name it is the name's ("le
                // japonais Mitsubishi Corporation").
                let language = (self.after_en()
                    || self.after_language()
                    || self.spaced && matches!(self.last_word(), "le" | "du" | "au") && !self.before_name)
                    && original.chars().all(|c| !c.is_uppercase());
                !language && !self.after_sea()
            }
            Form::Demonym => !self.after_sea(),
            // The unitary enterprise (UE), not the European Union, before a firm's quoted
            // name: 'l'UE "Minskvodokanal"'.
            Form::Acronym => !(self.before_quoted_name && crate::unlisted::is_legal_form(original)),
            _ => true,
        }
    }
}

/// Whether the words between two bodies' names may continue the first name: they open
/// with a preposition ("de l'Intérieur des États membres de la"), or are one word that
/// describes and the "de" before the second ("textile du"); not a clause ("accueille des
/// enseignants de l'").
fn clause_free(gap: &str) -> bool {
    let trimmed = gap.trim_start();
    let first_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
    let first = &trimmed[..first_len];
    let preposition =
        matches!(first, "de" | "du" | "des" | "pour") || first.starts_with("d'") || first.starts_with("d’");
    preposition || de_only(&trimmed[first_len..])
}

/// Most bodies nested in one name ("Institut ... de l'Université ... de Batoumi").
const MAX_NESTED_BODIES: usize = 3;

/// How far (folded bytes, either side) the unambiguous mentions of a state count as the
/// near context of an ambiguous name: a few sentences.
const NEAR_CONTEXT: u32 = 400;

/// The form of a name that stands alone in parentheses, given the text `before` it from
/// the end of the previous name and the text `after` it: a short name ("(Minpromtorg)"),
/// or the legal name after its legal form ('(OJSC "Orchanski lnokombinat")').
fn parenthesised_alone(before: &str, after: &str) -> Option<Form> {
    let inner = before.trim_start_matches(' ').strip_prefix('(')?;
    if inner.is_empty() {
        return after.starts_with(')').then_some(Form::Acronym);
    }
    let forms = inner.trim_end_matches(['"', '«', '“', ' ']);
    let quoted = forms.len() < inner.len();
    let closed = if quoted { after.trim_start_matches(['"', '»', '”', ' ']) } else { after };
    (closed.starts_with(')') && forms.split_whitespace().all(crate::unlisted::is_legal_form)).then_some(Form::Name)
}

/// Whether `acronym` spells the initials of `name`'s words, but for its lowercase
/// function words ("Raiffeisen Bank International" -> "RBI", "Banque de développement de la
/// République du Bélarus" -> "BDRB"), case aside.
fn spells_initials(acronym: &str, name: &str) -> bool {
    let initials = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(crate::unlisted::strip_elision)
        .filter(|w| {
            !w.is_empty()
                && !matches!(*w, "de" | "des" | "du" | "la" | "le" | "les" | "et" | "and" | "of" | "the" | "&")
        })
        .filter_map(|w| w.chars().next());
    let letters = acronym.chars().filter(|c| c.is_alphabetic());
    letters.flat_map(char::to_lowercase).eq(initials.flat_map(char::to_lowercase))
}

/// Most lowercase words after a name inside its quotes ('"Lidskoe pivo"').
const MAX_QUOTED_LOWERCASE_WORDS: usize = 3;

/// Where a quoted name starts that runs from its opening quote over one or two capitalised
/// words, transliterated Russian adjectives, to the name from `start` to `end`, which its
/// closing quote follows, if none of it lies before `floor`: '"Krasnye Barrikady"' (not the
/// organisational form of '"Production Association Belorusneft"').
fn capitalised_words_from_opening_quote(text: &str, floor: usize, start: usize, end: usize) -> Option<usize> {
    if !text[end..].starts_with(['"', '»', '”']) {
        return None;
    }
    let mut at = start;
    for _ in 0..2 {
        let before = text[floor.min(at)..at].strip_suffix(' ')?;
        let word_start = before.rfind(|c: char| !(c.is_alphabetic() || c == '-')).map_or(0, |i| i + 1);
        let word = &before[word_start..];
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase);
        if !capitalised || !crate::unlisted::ends_like_transliterated_adjective(word) {
            return None;
        }
        at = floor.min(at) + word_start;
        if text[..at].ends_with(['"', '«', '“']) {
            return Some(at);
        }
    }
    None
}

/// Where one word in capitals right after a quoted firm's name (from `start` to `end`)
/// ends, if its closing quote follows it: '"Belneftekhim USA"'.
fn capitals_to_closing_quote(text: &str, start: usize, end: usize) -> Option<usize> {
    if !text[..start].ends_with(['"', '«', '“']) {
        return None;
    }
    let rest = &text[end..];
    let word = rest.strip_prefix(' ')?;
    let len = word.find(|c: char| !c.is_ascii_uppercase()).unwrap_or(word.len());
    (len >= 2 && word[len..].starts_with(['"', '»', '”'])).then_some(end + 1 + len)
}

/// Where the lowercase words end that follow the name at `start..end` up to the closing
/// quote, when an opening quote stands right before it: '"Lidskoe pivo"' ends after "pivo".
fn lowercase_words_to_closing_quote(text: &str, start: usize, end: usize) -> Option<usize> {
    if !text[..start].ends_with(['"', '«', '“']) && !text[..start].trim_end_matches(' ').ends_with(['«', '“']) {
        return None;
    }
    let rest = &text[end..];
    let close = rest.find(['"', '»', '”'])?;
    let words = &rest[..close];
    let count = words.split_whitespace().count();
    let lowercase = words.split_whitespace().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    (words.starts_with(char::is_whitespace) && (1..=MAX_QUOTED_LOWERCASE_WORDS).contains(&count) && lowercase)
        .then(|| end + words.trim_end().len())
}

/// Where a name that ends at `end` ends with its quotes: past the closing quote if quotes
/// open right before `start` and close right after `end` ('CJSC "Armenian Copper
/// Programme" (ACP)'), else `end`.
fn past_closing_quote(text: &str, start: usize, end: usize) -> usize {
    let opened = text[..start].trim_end_matches(' ').ends_with(['"', '«', '“']);
    let rest = text[end..].trim_start_matches(' ');
    match rest.chars().next() {
        Some(quote @ ('"' | '»' | '”')) if opened => text.len() - rest.len() + quote.len_utf8(),
        _ => end,
    }
}

/// Moves the ends of mentions (in order, not overlapping) where `new_end` says, given the
/// mentions and the index of one, which it may also change; the mentions a longer one now
/// covers are dropped. One pass that keeps mentions in place (a removal each would move
/// the rest); `new_end` sees the mentions after the one at hand as they were.
fn extend_ends(mentions: &mut Vec<Mention>, mut new_end: impl FnMut(&mut [Mention], usize) -> Option<usize>) {
    let mut kept = 0;
    let mut covered = 0;
    for i in 0..mentions.len() {
        if mentions[i].start < covered {
            continue; // taken in by the longer mention before it
        }
        if let Some(end) = new_end(mentions, i) {
            mentions[i].end = end;
            covered = end;
        }
        mentions.swap(kept, i);
        kept += 1;
    }
    mentions.truncate(kept);
}

/// The `count` mentions from `first` on become one, the first, spanning `span` as
/// `entity`; the others are dropped.
fn join_run(mentions: &mut Vec<Mention>, first: usize, count: usize, span: std::ops::Range<usize>, entity: EntityIdx) {
    let m = &mut mentions[first];
    m.start = span.start;
    m.end = span.end;
    m.entity = entity;
    m.alternatives.clear();
    mentions.drain(first + 1..first + count);
}

/// Where the words `head` start when they are the last words before `at`, white space
/// between them and `at`, all within `window` bytes before it ("Maison de commerce" before
/// "biélorusse"); a curly apostrophe reads as a straight one ("Conseil d’affaires").
fn head_words_before(text: &str, at: usize, head: &[&str], window: usize) -> Option<usize> {
    let before = tail(&text[..at], window);
    if !before.ends_with(char::is_whitespace) {
        return None;
    }
    let same = |read: &str, word: &str| read.chars().map(|c| if c == '’' { '\'' } else { c }).eq(word.chars());
    let mut words = before.split_whitespace().rev();
    let mut first = None;
    for word in head.iter().rev() {
        let read = words.next().filter(|read| same(read, word))?;
        first = Some(read);
    }
    // The first head word is a slice of `text`: its start, as an offset.
    first.map(|read| read.as_ptr() as usize - text.as_ptr() as usize)
}

/// Where a new mention of byte span `span` goes among `mentions` (in order, not
/// overlapping), if it overlaps none of them.
fn free_slot(mentions: &[Mention], span: &std::ops::Range<usize>) -> Option<usize> {
    let next = mentions.partition_point(|m| m.start < span.end);
    (next == 0 || mentions[next - 1].end <= span.start).then_some(next)
}

/// The word ordinal of a new mention that goes before `mentions[next]`: that mention's (or
/// one past the last mention's).
fn ordinal_before(mentions: &[Mention], next: usize) -> u32 {
    mentions.get(next).map_or_else(|| mentions.last().map_or(0, |m| m.word + 1), |m| m.word)
}

/// The patterns of match state `sid` of `part` that span `start..end`, if `end` is a word
/// boundary, by their ids in the whole set.
#[inline(always)]
fn push_matches(part: &Part, text: &[u8], start: usize, end: usize, sid: StateID, word: u32, hits: &mut Vec<Hit>) {
    let nfa = &part.nfa;
    if end == text.len() || is_boundary(text[end - 1], text[end]) {
        for k in 0..nfa.match_len(sid) {
            let pid = nfa.match_pattern(sid, k);
            if nfa.pattern_len(pid) == end - start {
                hits.push(Hit { start: start as u32, end: end as u32, pattern: part.ids[pid.as_usize()], word });
            }
        }
    }
}

/// Where the word after a hyphen at byte `at` of `text` starts: right after it, or on
/// the next line when the hyphen ends one ("Lukoil-\n\nPermnefteorgsintez": a word
/// hyphenated at a line end is one word, ANNOTATION.md).
fn word_after_hyphen(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?.strip_prefix('-')?;
    let word = rest.trim_start();
    let gap = &rest[..rest.len() - word.len()];
    (gap.is_empty() || gap.contains('\n')).then_some(text.len() - word.len())
}

/// Puts `found` (in order, none overlapping another) among `mentions`: the mentions that a
/// found one covers, even in part, give way, and each found one takes the ordinal of the
/// first mention it replaces or comes before.
fn put_over(mentions: &mut Vec<Mention>, found: Vec<Mention>) {
    if found.is_empty() {
        return;
    }
    let mut merged = Vec::with_capacity(mentions.len() + found.len());
    let mut old = std::mem::take(mentions).into_iter().peekable();
    for mut new in found {
        while old.peek().is_some_and(|m| m.end <= new.start) {
            merged.extend(old.next());
        }
        new.word = old.peek().map_or_else(|| merged.last().map_or(0, |m: &Mention| m.word + 1), |m| m.word);
        while old.peek().is_some_and(|m| m.start < new.end) {
            old.next();
        }
        merged.push(new);
    }
    merged.extend(old);
    *mentions = merged;
}

/// Puts new mentions among `mentions`, each with the position of the mention it replaces
/// (`true`) or goes before (`false`), in order: replacing first keeps the positions of the
/// insertions.
fn replace_or_insert_found(mentions: &mut Vec<Mention>, found: Vec<(usize, bool, Mention)>) {
    let mut inserts = Vec::with_capacity(found.len());
    for (at, replaces, mention) in found {
        if replaces {
            mentions[at] = mention;
        } else {
            inserts.push((at, mention));
        }
    }
    insert_found(mentions, inserts);
}

/// Inserts new mentions, each with the position among `mentions` it goes before (in
/// order), in one pass (an insertion each would move the rest).
fn insert_found(mentions: &mut Vec<Mention>, found: Vec<(usize, Mention)>) {
    if found.is_empty() {
        return;
    }
    let mut old = std::mem::take(mentions).into_iter();
    mentions.reserve(old.len() + found.len());
    // The runs between insertions are moved as blocks, not mention by mention.
    let mut moved = 0;
    for (at, new) in found {
        mentions.extend(old.by_ref().take(at.saturating_sub(moved)));
        moved = moved.max(at);
        mentions.push(new);
    }
    mentions.extend(old);
}

/// Head nouns of bodies that, alone, refer back to the body named before
/// ([`Extractor::add_heads_referring_back`]).
const REFERRING_HEADS: &[&str] = &[
    "Commission",
    "Conseil",
    "Comité",
    "Assemblée",
    "Collège",
    "Fonds",
    "Agence",
    "Cour",
    "Parlement",
    "Bureau",
    "Centre",
];

/// Whether the head noun at `span`, which punctuation or a clause follows
/// ([`clause_follows`]), stands alone: a determiner right before it ("la", "le", "l'",
/// "du", "au", "cette", "ce"), not itself after another body's head and "de" ("le Conseil
/// de la Commission").
fn alone_after_determiner(text: &str, span: std::ops::Range<usize>) -> bool {
    let before = tail(&text[..span.start], LOOK_BEHIND_WINDOW);
    let (rest, determiner) = if let Some(rest) = before.strip_suffix("l'").or_else(|| before.strip_suffix("l’")) {
        (rest, "l'")
    } else if let Some(rest) = before.strip_suffix("L'").or_else(|| before.strip_suffix("L’")) {
        (rest, "l'")
    } else {
        let trimmed = before.trim_end();
        if trimmed.len() == before.len() {
            return false;
        }
        let word_start = last_word_start(trimmed);
        (&trimmed[..word_start], &trimmed[word_start..])
    };
    if !matches!(determiner, "la" | "La" | "le" | "Le" | "l'" | "du" | "au" | "cette" | "Cette" | "ce" | "Ce") {
        return false;
    }
    // A footnote call may be glued before a sentence's first word ("416La Commission").
    let rest = if determiner.starts_with(char::is_uppercase) || determiner == "l'" {
        rest.trim_end_matches(|c: char| c.is_ascii_digit())
    } else {
        rest
    };
    if !rest.is_empty() && !rest.ends_with(char::is_whitespace) && !rest.ends_with(['(', '"', '«', '.']) {
        return false;
    }
    // "le Conseil de la Commission": the words before are "Conseil de" (or "Conseil de la").
    let mut words = rest.split_whitespace().rev();
    let mut previous = words.next().unwrap_or("");
    if previous == "de" || previous == "la" && words.clone().next() == Some("de") {
        if previous == "la" {
            words.next();
        }
        previous = words.next().unwrap_or("");
        if BODY_HEAD_BEFORE_DE.contains(&previous) {
            return false;
        }
    }
    true
}

/// Where one or two adjectives after a head noun end (folded, from `head_end`), when a
/// clause follows them (`clause_follows`): "conseil consultatif| a prepare".
fn adjectives_before_clause(folded: &[u8], head_end: usize) -> Option<usize> {
    let mut end = head_end;
    for _ in 0..2 {
        let rest = folded[end..].strip_prefix(b" ")?;
        let len = rest.iter().position(|b| !(b.is_ascii_lowercase() || *b == b'-')).unwrap_or(rest.len());
        let word = &rest[..len];
        if len < 4 || NOT_ADJECTIVES.iter().any(|w| w.as_bytes() == word) || is_folded_clause_word(word) {
            return None;
        }
        end += 1 + len;
        if clause_follows(&folded[end..]) {
            // "le centre republicain scientifique et pratique d'oncologie": "et" joins
            // another adjective of the same name, not a clause.
            if let Some(next) = folded[end..].strip_prefix(b" et ") {
                let len = next.iter().position(|b| !(b.is_ascii_lowercase() || *b == b'-')).unwrap_or(next.len());
                let word = &next[..len];
                if len >= 4 && !NOT_ADJECTIVES.iter().any(|w| w.as_bytes() == word) && !is_folded_clause_word(word) {
                    return None;
                }
            }
            return Some(end);
        }
    }
    None
}

/// Folded lowercase words of four letters or more that follow a head noun without being
/// its adjective.
const NOT_ADJECTIVES: &[&str] = &["pour", "dans", "avec", "sous", "entre", "aupres", "selon", "contre", "vers", "chez"];

/// The head of the body of a body right before `start`, where a referring head begins ("le
/// Conseil de la Commission", "le Bureau du Comité", "l'Assemblée de l'Agence"): where it
/// starts and which head it is, after a determiner or an elided article.
fn sub_body_head_before(text: &str, start: usize) -> Option<(usize, &'static str)> {
    let before = tail(&text[..start], LOOK_BEHIND_WINDOW);
    let mut tokens = before.split_whitespace().rev();
    let preposition_ok = if let Some(rest) = before.strip_suffix("l'").or_else(|| before.strip_suffix("l’")) {
        rest.ends_with(char::is_whitespace) && tokens.next().is_some_and(|t| t.ends_with("l'") || t.ends_with("l’"))
    } else {
        before.ends_with(char::is_whitespace)
    };
    if !preposition_ok {
        return None;
    }
    let mut token = tokens.next()?;
    if token == "la" {
        token = tokens.next()?;
        if token != "de" {
            return None;
        }
    } else if !matches!(token, "de" | "du") {
        return None;
    }
    let sub_token = tokens.next()?;
    let sub_at = sub_token.as_ptr() as usize - text.as_ptr() as usize;
    let elided = ["l'", "L'", "l’", "L’"].iter().find(|e| sub_token.starts_with(**e)).map_or(0, |e| e.len());
    let sub = BODY_HEAD_BEFORE_DE.iter().chain(REFERRING_HEADS).find(|h| **h == &sub_token[elided..])?;
    let determined =
        elided > 0 || tokens.next().is_some_and(|t| matches!(t, "le" | "Le" | "la" | "La" | "du" | "au" | "Au"));
    determined.then_some((sub_at + elided, *sub))
}

/// Capitalised heads of the bodies of a body ("le Conseil de l'Assemblée", "le Président de
/// la Commission").
const BODY_HEAD_BEFORE_DE: &[&str] =
    &["Conseil", "Comité", "Collège", "Bureau", "Secrétariat", "Président", "Présidium", "Département", "Commission"];

/// Whether what follows a head noun makes it stand alone: punctuation, or a verb, a
/// relative pronoun or a conjunction that opens a clause ("la Commission a rappelé", "le
/// Collège, qui", "la Commission et le Conseil"). Not "de", a capitalised word or an
/// adjective, which qualify it into another name.
fn clause_follows(folded_after: &[u8]) -> bool {
    match folded_after.first() {
        Some(b',' | b'.' | b';' | b':' | b')' | b'"') => true,
        // "le membre du Collège (ministre) chargé": an aside, not an acronym.
        Some(b' ') if folded_after[1..].starts_with(b"(") => {
            let inside = &folded_after[2..];
            inside.first().is_some_and(u8::is_ascii_lowercase)
        }
        Some(b' ') => {
            let rest = &folded_after[1..];
            let word = &rest[..rest.iter().position(|&b| !(b.is_ascii_lowercase() || b == b'-')).unwrap_or(rest.len())];
            if is_folded_clause_word(word) {
                return true;
            }
            // "ont chargé la Commission de préparer un accord", "d'établir": an infinitive
            // after "de" is what the body is asked to do, not a complement of its name.
            let infinitive = |word: &[u8]| {
                word.len() >= 5
                    && word.iter().all(u8::is_ascii_lowercase)
                    && (word.ends_with(b"er") || word.ends_with(b"ir"))
            };
            let next = match word {
                b"de" => rest.strip_prefix(b"de "),
                b"d" => rest.strip_prefix(b"d'"),
                _ => None,
            };
            next.is_some_and(|next| {
                infinitive(&next[..next.iter().position(|b| !b.is_ascii_lowercase()).unwrap_or(next.len())])
            })
        }
        _ => false,
    }
}

/// Whether folded `word` is one of [`CLAUSE_WORDS`].
pub(crate) fn is_folded_clause_word(word: &[u8]) -> bool {
    CLAUSE_WORDS.iter().any(|w| w.as_bytes() == word)
}

/// Words that open a clause after a subject or object ([`clause_follows`]), folded.
const CLAUSE_WORDS: &[&str] = &[
    "a",
    "est",
    "sont",
    "ont",
    "avait",
    "etait",
    "sera",
    "qui",
    "que",
    "se",
    "et",
    "ne",
    "n",
    "y",
    "doit",
    "peut",
    "reste",
    "demeure",
    "mise",
    "prevoit",
    "prepare",
    "examine",
    "coordonne",
    "compte",
    "dispose",
    "assure",
    "publie",
    "organise",
    "joue",
    "veille",
    "fixe",
    "adopte",
    "reunit",
    "siege",
    "travaille",
    "propose",
    "forme",
    "accueille",
    "finance",
    "soutient",
    "ou",
    "en",
    "tient",
    "un",
    "une",
    "ainsi",
    "dans",
    "avec",
    "lors",
    "depuis",
    "charge",
    "chargee",
    "relative",
    "relatif",
    "mene",
    "conduit",
    "accredite",
];

/// The institutions named by a head and their parent's name ("Collège de la Commission
/// économique eurasienne", "Commission de l'Union douanière"), by their parent and that head:
/// what "le Collège" or "le Conseil de la Commission" names once the parent is named.
fn sub_bodies_by_parent(gazetteer: &Gazetteer) -> rustc_hash::FxHashMap<(EntityIdx, &'static str), EntityIdx> {
    let mut sub_bodies = rustc_hash::FxHashMap::default();
    for (i, entity) in gazetteer.entities().iter().enumerate() {
        let idx = EntityIdx(i as u32);
        if entity.kind != Kind::Institution {
            continue;
        }
        let Some(parent) = gazetteer.parent_of(idx) else { continue };
        // The head, a space, then the parent's name after "de" as templates write it
        // (`inflect::de_forms`: "de la Commission ...", "du Kazakhstan").
        let Some((head, complement)) = BODY_HEAD_BEFORE_DE
            .iter()
            .chain(REFERRING_HEADS)
            .find_map(|h| Some((*h, entity.name.strip_prefix(*h)?.strip_prefix(' ')?)))
        else {
            continue;
        };
        let parent_entity = gazetteer.entity(parent);
        // Most complements neither open with the preposition ("Comité exécutif régional de
        // Gomel") nor end with the parent's name: the forms are made only for those that may.
        let of_parent = complement.starts_with('d')
            && complement.ends_with(parent_entity.name.as_str())
            && crate::inflect::de_forms(&parent_entity.name, None)
                .into_iter()
                .chain(crate::inflect::de_forms(&parent_entity.name, parent_entity.article.as_deref()))
                .any(|de| de == complement);
        if of_parent {
            sub_bodies.insert((parent, head), idx);
        }
    }
    sub_bodies
}

/// The euroregions of a gazetteer (subtype `euroregion`) by the folded names they are
/// listed with after their designator ("eurorégion Dniepr" gives "dniepr").
fn euroregions_by_name(gazetteer: &Gazetteer) -> rustc_hash::FxHashMap<Vec<u8>, EntityIdx> {
    let mut names = rustc_hash::FxHashMap::default();
    for (i, entity) in gazetteer.entities().iter().enumerate().filter(|(_, e)| e.subtype == "euroregion") {
        for name in &entity.names {
            let folded = crate::normalize::fold_surface(&name.text);
            for designator in [&b"euroregion "[..], &b"euro-region "[..]] {
                if let Some(bare) = folded.strip_prefix(designator) {
                    names.entry(bare.to_vec()).or_insert(EntityIdx(i as u32));
                }
            }
        }
    }
    names
}

/// Most bytes between two model numbers of one list ("Belarus 322.1, Belarus 321").
const MODEL_LIST_GAP: usize = 24;

/// How far around a district designator its district adjectives may be, and how close the
/// adjectives of one list follow each other, in folded bytes.
const DISTRICT_BEFORE: usize = 24;
const DISTRICT_AFTER: usize = 200;
const DISTRICT_LIST_GAP: usize = 160;

/// `text.trim_end()`, with ASCII whitespace popped byte by byte.
fn trim_end(text: &str) -> &str {
    let mut end = text.len();
    loop {
        match text.as_bytes()[..end].last() {
            Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => end -= 1,
            Some(&b) if b >= 0x80 => match text[..end].chars().next_back() {
                Some(c) if c.is_whitespace() => end -= c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    &text[..end]
}

/// Nouns of goods that a brand named after a state follows at once, with no article or
/// preposition between: "des tracteurs Belarus", "la marque Belarus" (the tractors of
/// MTZ), not the state ("des tracteurs du Belarus" is).
const PRODUCT_NOUNS: &[&str] = &[
    "tracteur",
    "tracteurs",
    "camion",
    "camions",
    "autobus",
    "bus",
    "moissonneuse",
    "moissonneuses",
    "marque",
    "marques",
    "modèle",
    "modèles",
    "voiture",
    "voitures",
    "véhicule",
    "véhicules",
    "engin",
    "engins",
    "pneu",
    "pneus",
    "réfrigérateur",
    "réfrigérateurs",
    "téléviseur",
    "téléviseurs",
    "brandy",
    "cognac",
    "vodka",
    "bière",
    "vin",
    "vins",
    // "l'eau minérale Borjomi", "les eaux minérales \"Badamli\"".
    "minérale",
    "minérales",
];

/// Whether the word right before `start` (one space or line break between, and perhaps an
/// opening quote: des tracteurs "BELARUS") is a noun of goods ([`PRODUCT_NOUNS`]), so that
/// a state's name at `start` is a brand.
fn after_product_noun(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let before = before.trim_end_matches([' ', '\u{a0}', '\u{202f}']).strip_suffix(['"', '«', '“']).unwrap_or(before);
    let word = before.trim_end_matches([' ', '\n']);
    if word.len() == before.len() || before.len() - word.len() > 3 {
        return false;
    }
    PRODUCT_NOUNS.contains(&&word[last_word_start(word)..])
}

/// Nouns of drinks whose brands are named after places ("les vins Saperavi, Mukuzani et
/// Tsinandali", "le cognac Ararat", "les eaux minérales Nabeghlavi et Borjomi").
const DRINK_NOUNS: &[&str] =
    &["vin", "vins", "cognac", "cognacs", "brandy", "vodka", "vodkas", "bière", "bières", "minérale", "minérales"];

/// Most words a list of drinks' brands spans back from one of its names to its noun.
const MAX_DRINK_LIST_WORDS: usize = 8;

/// The most bytes [`in_list_of_drinks`] reads back.
const DRINK_LIST_WINDOW: usize = 400;

/// The most bytes the checks of a match read back ([`Context`]): its look-behinds read a
/// few words, and a text with no space must not be read back whole at each match.
const LOOK_BEHIND_WINDOW: usize = 400;

/// Whether `before`, the text before a place's name, ends with a noun of drinks
/// ([`DRINK_NOUNS`]), perhaps with "d'appellation", and a list of capitalised names after
/// it: the place names a brand ("les vins d'appellation Moukouzani, Tsinandali et ...").
fn in_list_of_drinks(before: &str) -> bool {
    // A list of a few names reads back a few hundred bytes at most: a text with no space
    // must not be read back whole at each place ("Russie-Minsk-JSC-" repeated).
    let before = tail(before, DRINK_LIST_WINDOW);
    // The list's last word, before the spaces and the opening quote of the place's name.
    let mut rest = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '«' | '“'));
    // The word after the one read: the noun must be followed by a name, not by "et", and on
    // its line (a heading may end with the noun: "... et les vins \n\nKoutaïssi, centre").
    let mut after_is_name = true;
    let mut line_break_after = before[rest.len()..].contains('\n');
    for _ in 0..MAX_DRINK_LIST_WORDS {
        let (head, token) = last_token(rest);
        if token.is_empty() {
            return false;
        }
        let word = token
            .trim_end_matches([',', '"', '»', '”'])
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['"', '«', '“']);
        if DRINK_NOUNS.contains(&word) {
            return after_is_name && !line_break_after;
        }
        let name =
            word.chars().next().is_some_and(char::is_uppercase) && word.chars().all(|c| c.is_alphabetic() || c == '-');
        let appellation = matches!(word, "d'appellation" | "d’appellation");
        if !(name || appellation || word == "et") || token.ends_with(['.', ';', ':', ')']) {
            return false;
        }
        after_is_name = name || appellation;
        line_break_after = head[head.trim_end().len()..].contains('\n');
        rest = head.trim_end();
    }
    false
}

/// The last run of non-space characters of `text` and what comes before it, its trailing
/// spaces off: ("la mer", "d'") for "la mer d'".
fn last_token(text: &str) -> (&str, &str) {
    let text = text.trim_end();
    let start = text.bytes().rposition(|b| b.is_ascii_whitespace()).map_or(0, |p| p + 1);
    (&text[..start], &text[start..])
}

/// Start of the run of (at most 24) alphabetic chars that ends `text`.
fn last_word_start(text: &str) -> usize {
    let mut start = text.len();
    for _ in 0..24 {
        match text.as_bytes()[..start].last() {
            Some(b) if b.is_ascii_alphabetic() => start -= 1,
            Some(&b) if b >= 0x80 => match text[..start].chars().next_back() {
                Some(c) if case::is_alphabetic(c) => start -= c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    start
}

/// Whether a name follows "le nom de" after a form of "porter" ([`in_dedication`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dedication {
    None,
    /// "portant", "porte", "portent", "porté": a body named after a person.
    Present,
    /// "portait", "portaient", "porta": a former name as often, a town's.
    Past,
}

/// Whether a name ends as Russian, Ukrainian and Polish surnames do ("Kirov", "Lénine",
/// "Gorki", "Chevtchenko"), not as towns named after them ("Kirovakan", "Léninabad").
fn ends_like_a_surname(name: &str) -> bool {
    const ENDINGS: &[&str] = &["ov", "ev", "ëv", "in", "ine", "yne", "ski", "sky", "skiy", "ko"];
    let lower = name.to_lowercase();
    ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// The text before a match ends in "portant le nom de" (or "porte", "portait"... and "nom
/// d'", "nom du"), possibly followed by a given name or initials ("porte le nom d'Alisher",
/// "portant le nom de M."), and which tense the verb is in. Not after "sous le nom de" or
/// "a porté de 1999 à 2017 le nom de": a place known by another name, or its former name
/// ("Nur-Sultan").
fn in_dedication(before: &str) -> Dedication {
    // Only the last few words matter: look at most 80 bytes back.
    let mut rest = tail(before, 80);
    for _ in 0..3 {
        let lower = trim_end(rest);
        if let Some(head) = ["nom de", "nom du", "nom d'", "nom d’"].iter().find_map(|p| lower.strip_suffix(p)) {
            let head = trim_end(head);
            let Some(verb) = head.strip_suffix("le").map(trim_end).filter(|v| v.len() < head.len() - 2) else {
                return Dedication::None;
            };
            let verb = &verb[last_word_start(verb)..];
            return if !verb.starts_with("port") {
                Dedication::None
            } else if matches!(verb, "portait" | "portaient" | "porta") {
                Dedication::Past
            } else {
                Dedication::Present
            };
        }
        // Step back over one capitalised word or initial, attached to "d'" or not.
        let word_start = word_start_after_space_or_apostrophe(lower);
        let word = &lower[word_start..];
        if !word.chars().next().is_some_and(char::is_uppercase) || word_start == 0 {
            return Dedication::None;
        }
        // "... portant le nom de Heydar Aliyev. Soumgaït, ...": a full stop after a word
        // longer than an initial ("V.", "Iou.") ends the sentence, and the name with it; so
        // does a comma ("le nom de Lénine, Minsk").
        let sentence_end = word.strip_suffix('.').is_some_and(|w| w.chars().count() > 3);
        if sentence_end || word.ends_with([',', ';', ':', '!', '?']) {
            return Dedication::None;
        }
        rest = &lower[..word_start];
    }
    Dedication::None
}

/// Where the last word of `text` starts: just past the last whitespace or apostrophe (0
/// without one). ASCII bytes are read as they are, other chars decoded.
fn word_start_after_space_or_apostrophe(text: &str) -> usize {
    let mut at = text.len();
    loop {
        match text.as_bytes()[..at].last() {
            None => return 0,
            Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'\'') => return at,
            Some(&b) if b >= 0x80 => match text[..at].chars().next_back() {
                Some(c) if c.is_whitespace() || c == '’' => return at,
                Some(c) => at -= c.len_utf8(),
                None => return 0,
            },
            Some(_) => at -= 1,
        }
    }
}

/// Place names that are also common given names in the region's texts: followed by a
/// capitalised word ("Vladimir Poutine", "Lida Kovalenko") they name a person. Vladimir
/// is also written the Belarusian, Ukrainian, German and Polish ways.
const GIVEN_NAMES: &[&str] = &[
    "Vladimir",
    "Uladzimir",
    "Volodymyr",
    "Wladimir",
    "Sofia",
    "Sofiya",
    "Victoria",
    "Florence",
    "Lida",
    "Alexandria",
    "Nadejda",
];

/// Drops repeated entities, keeping the first of each. Readings of distinct entities are
/// the rule, and a surface of a large gazetteer may have dozens: a sorted copy tells in
/// `k log k` whether there is anything to drop, where checking each against the kept
/// ones costs `k²`.
fn dedup_in_order(entities: &mut Vec<EntityIdx>) {
    if entities.len() < 2 {
        return;
    }
    let distinct = if entities.len() <= 8 {
        entities.iter().enumerate().all(|(i, e)| !entities[..i].contains(e))
    } else {
        let mut sorted = entities.clone();
        sorted.sort_unstable();
        sorted.windows(2).all(|w| w[0] != w[1])
    };
    if !distinct {
        let mut kept = Vec::with_capacity(entities.len());
        entities.retain(|e| {
            !kept.contains(e) && {
                kept.push(*e);
                true
            }
        });
    }
}

/// Whitespace of any kind, then a capitalised word: the name goes on ("du St Petersburg
/// Mercantile Exchange").
fn before_capitalised_word(after: &str) -> bool {
    let word = after.trim_start();
    let mut chars = word.chars();
    word.len() < after.len()
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
}

/// The text before a name ends with a capitalised word and a space: "Coal India".
fn after_capitalised_word(before: &str) -> bool {
    let Some(trimmed) = before.strip_suffix(' ') else { return false };
    // Back over the word's lowercase letters to its capital, and the space before it: most
    // words before a name are lowercase or end with punctuation, and stop at once.
    let mut chars = trimmed.chars().rev();
    let mut lowercase = 0;
    while let Some(c) = chars.next() {
        if c.is_lowercase() {
            lowercase += 1;
        } else {
            return c.is_uppercase() && lowercase > 0 && chars.next().is_none_or(char::is_whitespace);
        }
    }
    false
}

/// The text before a name ends with a masculine article or contraction: "le", "du", "au".
fn after_masculine_article(before: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && ["le", "du", "au"]
            .iter()
            .any(|a| trimmed.strip_suffix(a).is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace)))
}

/// Whether `before` ends with the elided article "l'" as a word of its own ("dans l'", "de
/// l'"; not the end of "jusqu'" or "qu'").
fn after_elided_article(before: &str) -> bool {
    ["l'", "l\u{2019}", "L'", "L\u{2019}"]
        .iter()
        .any(|a| before.strip_suffix(a).is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace)))
}

/// Whether `after` opens with "de" and a capitalised name: "l'Akademgorodok de Novossibirsk",
/// a place that an article and its complement qualify.
fn followed_by_place_complement(after: &str) -> bool {
    [" de ", " d'", " d\u{2019}"]
        .iter()
        .any(|de| after.strip_prefix(de).is_some_and(|rest| rest.starts_with(char::is_uppercase)))
}

/// Words that name a river right before its name: "sur le", "sur l'", and a stretch of a
/// river with its complement ("la cascade du", "les rives du", "le bassin de l'", "le cours
/// inférieur du", "le régime du", "l'eau du", "la cascade de centrales du"); the river's or
/// the mountains' own noun ("le fleuve", "les monts"); a range's chains or passes ("les
/// chaînes du", "les cols du").
fn after_river_words(before: &str) -> bool {
    const STRETCHES: [&str; 20] = [
        "eau",
        "eaux",
        "centrales",
        "chaîne",
        "chaînes",
        "cols",
        "cascade",
        "bassin",
        "bassins",
        "rive",
        "rives",
        "long",
        "delta",
        "embouchure",
        "aval",
        "amont",
        "cours",
        "régime",
        "crue",
        "crues",
    ];
    // Which stretch: "la cascade inférieure du Naryn", "le cours supérieur de l'Amou-Daria".
    const REACHES: [&str; 8] =
        ["inférieur", "inférieure", "supérieur", "supérieure", "moyen", "moyenne", "haut", "bas"];
    // Most names follow none of these: turn them away on the last bytes.
    let trimmed = before.trim_end();
    // "du fleuve Amour", "au pied des monts Karataou": the noun of the river or mountains
    // right before the name.
    if trimmed.len() < before.len()
        && ["fleuve", "rivière", "monts", "massif"]
            .iter()
            .any(|noun| trimmed.strip_suffix(noun).is_some_and(|rest| rest.ends_with(char::is_whitespace)))
    {
        return true;
    }
    if !(trimmed.len() < before.len() && (trimmed.ends_with("le") || trimmed.ends_with("du"))
        || before.ends_with("l'")
        || before.ends_with("l’"))
    {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let stretch = |words: &mut std::iter::Rev<std::str::SplitWhitespace<'_>>| {
        let word = words.next().filter(|w| !REACHES.contains(w)).or_else(|| words.next());
        // "l'eau du": the stretch after its elided article.
        let word = word.map(|w| w.strip_prefix("l'").or_else(|| w.strip_prefix("l’")).unwrap_or(w));
        word.is_some_and(|w| STRETCHES.contains(&w))
    };
    match words.next() {
        Some("le") => words.next() == Some("sur"),
        Some("du") => stretch(&mut words),
        Some("l'" | "l’") => match words.next() {
            Some("sur") => true,
            Some("de") => stretch(&mut words),
            _ => false,
        },
        _ => false,
    }
}

/// " Dvornik": one space, then a capitalised word.
/// A space and a word of letters that ends like a Slavic or Central Asian surname:
/// " Berdimuhamedov", " Ivanova", " Kravtchenko" (`ends_like_a_surname`, less "-in").
fn followed_by_surname(after: &str) -> bool {
    let word = after[1..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let rest = &after[1 + word.len()..];
    // Not "-in(e)", which English words end with too ("Minsk Engine Plant").
    const ENDINGS: &[&str] = &["ov", "ev", "ëv", "ova", "eva", "ski", "sky", "skiy", "skaïa", "skaya", "enko"];
    let lower = word.to_lowercase();
    word.chars().count() > 4 && !rest.starts_with(['-', '\'']) && ENDINGS.iter().any(|e| lower.ends_with(e))
}

fn followed_by_capitalised_word(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next() == Some(' ')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
}

/// Whitespace, then a capital, or an opening quote and a capital: " IKEA", " \n\nDaewoo",
/// ' "Power Machines"'.
fn followed_by_name(after: &str) -> bool {
    let word = after.trim_start();
    if word.len() == after.len() {
        return false;
    }
    let word = word.strip_prefix(['"', '«', '“', '„']).map_or(word, str::trim_start);
    word.starts_with(char::is_uppercase)
}

/// A space, an opening quote and a capital: ' "Minskvodokanal"', ' « Vodokanal »'.
fn followed_by_quoted_name(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next() == Some(' ')
        && chars.next().is_some_and(|c| matches!(c, '"' | '«' | '“' | '„'))
        && chars.find(|c| !c.is_whitespace()).is_some_and(char::is_uppercase)
}

/// Whitespace, then a lowercase word: "Glubokoe va coopérer", "Sogd et Vitebsk".
fn followed_by_lowercase_word(after: &str) -> bool {
    let rest = after.trim_start();
    rest.len() < after.len() && rest.chars().next().is_some_and(char::is_lowercase)
}

/// " - Chine", " : une coopération": a dash or a colon goes on with a title ("Zalesskii, B.
/// Belarus - Chine : ..."), never with a person's name.
fn followed_by_title_punctuation(after: &str) -> bool {
    let rest = after.trim_start();
    rest.len() < after.len() && rest.starts_with(['-', '–', '—', ':'])
}

/// "-Ouzbékistan": a hyphen and a capitalised word glued to the match, a compound of
/// places ("Karimova, M. Biélorussie-Ouzbékistan : les régions ..."), which no person's
/// name after an initial is.
fn followed_by_compound(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next() == Some('-') && chars.next().is_some_and(char::is_uppercase)
}

/// " I. P.": two initials after the name, as Russian references write their authors
/// ("Kalinine I. P. Les holdings dans l'industrie").
fn followed_by_two_initials(after: &str) -> bool {
    let mut chars = after.chars();
    let initial = |chars: &mut std::str::Chars| {
        chars.next().is_some_and(char::is_whitespace)
            && chars.next().is_some_and(char::is_uppercase)
            && chars.next() == Some('.')
    };
    initial(&mut chars) && initial(&mut chars)
}

/// " S. Les marchés": an initial and a capitalised word, as after an author's surname in a
/// reference with no comma ("Ivanov S. Les marchés communs ...").
fn followed_by_initial_then_name(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next() == Some(' ')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next() == Some('.')
        && chars.next() == Some(' ')
        && chars.next().is_some_and(char::is_uppercase)
}

/// ", B. Zalessky" or ", A.": a comma, then a capital and a full stop.
fn followed_by_initial(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next() == Some(',')
        && chars.next().is_some_and(char::is_whitespace)
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next() == Some('.')
}

/// A complement or an adjective right after a short name makes it part of another name
/// ("Communauté des États indépendants", "Communauté économique", "Commonwealth
/// britannique"): "de", "du", "des", "d'", or a lowercase word with an adjective's ending.
fn qualified_after(after: &str) -> bool {
    let rest = after.trim_start();
    if rest.len() == after.len() {
        return false;
    }
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let apostrophe = rest[word.len()..].starts_with(['\'', '’']);
    if matches!(word.as_str(), "de" | "du" | "des") || (word == "d" && apostrophe) {
        return true;
    }
    const ADJECTIVE_ENDINGS: [&str; 11] =
        ["ique", "enne", "aire", "al", "ale", "aux", "ain", "aine", "ais", "aise", "ien"];
    word.chars().next().is_some_and(char::is_lowercase) && ADJECTIVE_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// The text before a match ends with a plural determiner, maybe with a plural adjective
/// after it: "les ", "aux ", "des actuels ".
fn after_plural_determiner(before: &str) -> bool {
    const DETERMINERS: &[&str] = &[
        "les",
        "Les",
        "des",
        "Des",
        "aux",
        "Aux",
        "ces",
        "Ces",
        "leurs",
        "nos",
        "plusieurs",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
    ];
    let mut rest = trim_end(before);
    for _ in 0..2 {
        let word = &rest[last_word_start(rest)..];
        if word.is_empty() {
            return false;
        }
        if DETERMINERS.contains(&word) {
            return true;
        }
        // A plural adjective between them ("des actuels marz").
        if !(word.ends_with('s') || word.ends_with('x')) || word.starts_with(char::is_uppercase) {
            return false;
        }
        rest = trim_end(&rest[..rest.len() - word.len()]);
    }
    false
}

/// Bytes and words of the plural designator and its "de" that open `span` ("régions de ",
/// "républiques du ", "oblasts \n\nde l'", "districts fédéraux du "), up to the name.
fn plural_designator_len(span: &str) -> (usize, u32) {
    let after_space = |at: usize| at + span[at..].len() - span[at..].trim_start().len();
    let word_end = |at: usize| span[at..].find(|c: char| !c.is_alphabetic()).map_or(span.len(), |k| at + k);
    let elided =
        |at: usize| ["d'", "d’", "l'", "l’"].iter().find(|e| span[at..].starts_with(**e)).map(|e| at + e.len());
    let mut at = after_space(word_end(0));
    // Words of the designator so far: a designator may have several ("districts fédéraux").
    let mut words = 1;
    loop {
        let end = word_end(at);
        return match &span[at..end] {
            "d" => elided(at).map_or((at, words), |name| (name, words + 1)),
            "du" | "des" => (after_space(end), words + 1),
            "de" => {
                let next = after_space(end);
                let next_end = word_end(next);
                if span[next..].starts_with(['l', 'L']) && next_end == next + 1 {
                    elided(next).map_or((next, words + 1), |name| (name, words + 2))
                } else if &span[next..next_end] == "la" {
                    (after_space(next_end), words + 2)
                } else {
                    (next, words + 1)
                }
            }
            // A name is capitalised; the words of a designator are not.
            word if word.starts_with(char::is_lowercase) && words < MAX_DESIGNATOR_WORDS => {
                words += 1;
                at = after_space(end);
                continue;
            }
            _ => (at, words),
        };
    }
}

/// Most words of a designator ("districts fédéraux", "districts autonomes").
const MAX_DESIGNATOR_WORDS: u32 = 3;

/// "des États membres de la", "des pays participants du": between a body of an
/// organisation and the organisation ("le Conseil pour les affaires de la jeunesse des États
/// membres de la CEI"), the gap names the body's members, and the name goes on.
fn of_member_states(gap: &str) -> bool {
    if gap.len() > 48 || !gap.starts_with(char::is_whitespace) {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    let Some(["des", "États" | "pays", "membres" | "participants", rest @ ..]) = words.get(..) else {
        return false;
    };
    match rest {
        ["de", "la"] | ["du"] => gap.ends_with(char::is_whitespace),
        ["de", "l'" | "l’"] | ["d'" | "d’"] => !gap.ends_with(char::is_whitespace),
        _ => false,
    }
}

/// The words between a body's name and a state's name that continue the body's name:
/// coordinated complements, the last after "et" (", de l'Industrie alimentaire et de la
/// Récupération"), then the "de" (du, d', de la, de l') that introduces the state. Letters
/// only, at most 24 words: anything else (a figure, a full stop, quotes) is no name.
fn coordinated_complements(gap: &str) -> bool {
    // 24 words are some 200 bytes: a longer gap is no name, and is not read; nor is one
    // that does not open with a comma or "et".
    let opening = gap.trim_start();
    if gap.len() > 240 || !(opening.starts_with(',') || opening.starts_with("et ") || opening.starts_with("et\n")) {
        return false;
    }
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let end_word = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for c in gap.chars() {
        match c {
            c if c.is_whitespace() => end_word(&mut word, &mut words),
            ',' => {
                end_word(&mut word, &mut words);
                words.push(",".into());
            }
            '\'' | '’' => {
                word.push('\'');
                end_word(&mut word, &mut words);
            }
            c if c.is_alphabetic() || c == '-' => word.extend(c.to_lowercase()),
            _ => return false,
        }
        if words.len() > 24 {
            return false;
        }
    }
    end_word(&mut word, &mut words);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // The "de" before the state.
    let rest = match words.as_slice() {
        [rest @ .., "de", "la" | "l'"] => rest,
        [rest @ .., "de" | "du" | "d'" | "des"] => rest,
        _ => return false,
    };
    // Complements, each after a comma or "et" (the last after "et"): "de" (du, des, d',
    // de la, de l'), then one to six words. An article alone ("et les représentants du
    // Kirghizstan") begins something else.
    let separators: Vec<usize> =
        rest.iter().enumerate().filter(|(_, w)| matches!(**w, "," | "et")).map(|(k, _)| k).collect();
    if separators.first() != Some(&0) || separators.last().map(|&k| rest[k]) != Some("et") {
        return false;
    }
    let complements = separators.iter().enumerate().all(|(n, &from)| {
        let to = separators.get(n + 1).copied().unwrap_or(rest.len());
        let complement = &rest[from + 1..to];
        let article = match complement {
            ["de", "la" | "l'", ..] => 2,
            ["de" | "du" | "d'" | "des", ..] => 1,
            _ => return false,
        };
        // "du Cabinet des ministres du Turkménistan et du ministre de l'Industrie de la
        // République du Bélarus": a person who serves a body, not one of its domains.
        let person = complement.get(article).is_some_and(|noun| crate::unlisted::is_role_noun(noun));
        (1..=6).contains(&(complement.len() - article)) && !person
    });
    // "... de la République kirghize et de l'Institut national de normalisation de la
    // République d'Arménie": a body's head starts a second body, not a complement; but a
    // government is one ("l'Administration du Chef et du Gouvernement de la République
    // tchétchène").
    let second_body = |word: &str| {
        let word = crate::unlisted::strip_elision(word);
        crate::unlisted::is_body_head(word) && !matches!(word, "Gouvernement" | "Cabinet")
    };
    complements && !gap.split_whitespace().any(second_body)
}

/// Where the lowercase complement that ends `before` starts, a body's domains ("l'Université
/// d'Atyraou| du pétrole et du gaz"): at most eight lowercase words, "et" between them, the
/// first after "de", "du", "des" or "d'".
fn domain_complement_start(before: &str) -> Option<usize> {
    let mut start = None;
    let mut end = before.len();
    for _ in 0..8 {
        let head = before[..end].trim_end();
        // After the last whitespace char, which may be wider than a byte (a no-break space).
        let word_start =
            head.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &head[word_start..];
        let elided = word.strip_prefix("d'").or_else(|| word.strip_prefix("d’"));
        let lowercase = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
        if matches!(word, "de" | "du" | "des") || elided.is_some_and(lowercase) {
            start = Some(before[..word_start].trim_end().len());
        } else if word != "et" && !lowercase(word) {
            break;
        }
        if word_start == 0 {
            break;
        }
        end = word_start;
    }
    start
}

/// Most lowercase words of a title before the name in a dedication.
const MAX_TITLE_WORDS: usize = 6;

/// `text` without the parenthesised capitalised word or two that end it ("Université
/// fédérale du Nord (Arctique)"), and the spaces before them; `text` if none do.
fn without_parenthesised_qualifier(text: &str) -> &str {
    let Some(inside) = text.strip_suffix(')') else { return text };
    let Some(open) = inside.rfind('(') else { return text };
    let words = &inside[open + 1..];
    let qualifies = (1..=2).contains(&words.split(' ').count())
        && words.split(' ').all(|w| starts_upper(w) && w.chars().all(|c| c.is_alphabetic() || c == '-'));
    if qualifies {
        text[..open].trim_end()
    } else {
        text
    }
}

/// Punctuation that closes a person's name in a dedication.
const CLOSING: [char; 7] = [',', ';', ':', '.', ')', '"', '»'];

/// End of a dedication "portant le nom de M. Tank" right after `at`, if there is one: the
/// phrase, then capitalised words and initials.
fn named_after_end(text: &str, at: usize) -> Option<usize> {
    // A dedication is a few words: look at most 200 bytes ahead.
    let rest = head(&text[at..], 200);
    if !rest.trim_start().starts_with("portant") {
        return None;
    }
    let words: Vec<(usize, &str)> =
        rest.split_whitespace().take(16).map(|w| (w.as_ptr() as usize - rest.as_ptr() as usize, w)).collect();
    let phrase = ["portant", "le", "nom"];
    if words.len() < 5 || !words.iter().zip(phrase).all(|((_, w), p)| *w == p) {
        return None;
    }
    // "de M. Tank", "d'Islam Karimov", "d’Islam Karimov"; a title may come first: "de
    // l'académicien M.S. Osimi", "du poète Yakub Kolas", "du premier président de la
    // Russie B. N. Eltsine".
    let (offset, first) = words[3];
    let (mut end, mut name_words) = match first.strip_prefix("d'").or_else(|| first.strip_prefix("d’")) {
        Some(name) if starts_upper(name) => (offset + first.len(), 1),
        Some(_) => return None,
        None if matches!(first, "de" | "du" | "des") => (offset + first.len(), 0),
        None => return None,
    };
    let is_title = |word: &str| {
        let word = word.strip_prefix("l'").or_else(|| word.strip_prefix("l’")).unwrap_or(word);
        !word.is_empty() && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
    };
    // A title comes only after "de", "du" or "des": after "d'Abaï" the name has begun.
    let title_words = if name_words == 0 {
        words[4..].iter().take(MAX_TITLE_WORDS).take_while(|&&(_, w)| is_title(w)).count()
    } else {
        0
    };
    if name_words == 0 && first != "de" && title_words == 0 {
        return None;
    }
    // Lowercase words inside a person's name: a particle before a capitalised word ("Abou
    // Ali ibn Sina"), or a title after the name ("Jangir khan"). Not "de", which names the
    // body's town after the person ("portant le nom d'I. Jansougourov de Taldykorgan").
    const PARTICLES: [&str; 6] = ["ibn", "ben", "bin", "al", "van", "von"];
    // The Arabic article glued to the name ("Muhammad al-Khwarizmi", "ad-Din").
    const GLUED_PARTICLES: [&str; 9] = ["al-", "el-", "ad-", "ar-", "as-", "an-", "az-", "ash-", "ibn-"];
    const TITLES_AFTER: [&str; 3] = ["khan", "bek", "bey"];
    let mut initials = 0;
    for (k, &(offset, word)) in words.iter().enumerate().skip(4 + title_words) {
        // A person known by one name keeps the epithet after it ("d'Euphrosyne de Polotsk",
        // "de Iaroslav le Sage"), where a surname's "de" names the body's town instead.
        if name_words == 1 && initials == 0 && !starts_upper(word) {
            if let Some(epithet_end) = epithet_end(&words[k..]) {
                end = epithet_end;
                break;
            }
        }
        if name_words > 0 {
            // The capitalised word after a particle is read as any other name word.
            if PARTICLES.contains(&word) && words.get(k + 1).is_some_and(|&(_, w)| starts_upper(w)) {
                continue;
            }
            let core = word.trim_end_matches(CLOSING);
            if TITLES_AFTER.contains(&core) {
                name_words += 1;
                end = offset + core.len();
                if core.len() < word.len() {
                    break;
                }
                continue;
            }
        }
        // A footnote call glued to the name's last word, after its full stop or not
        // ("V. I. Kozlov.514 Les", "Kozlov514."), ends the name before it.
        let uncalled = crate::unlisted::without_footnote_call(word.trim_end_matches(CLOSING), |w| {
            w.trim_end_matches('.').ends_with(char::is_alphabetic)
        });
        let called = uncalled.is_some();
        let word = uncalled.unwrap_or(word);
        let word_core = word.trim_end_matches(CLOSING);
        let is_initial = word_core.len() <= 4 && word.ends_with('.') && starts_upper(word) && !called;
        let glued_particle =
            name_words > 0 && GLUED_PARTICLES.iter().any(|p| word_core.strip_prefix(p).is_some_and(starts_upper));
        if !(starts_upper(word_core) || is_initial || glued_particle) {
            break;
        }
        initials += usize::from(is_initial);
        name_words += 1;
        let keep = if is_initial { word.len() } else { word_core.len() };
        end = offset + keep;
        if (word_core.len() < word.len() && !is_initial) || called {
            break;
        }
    }
    (name_words > 0).then_some(at + end)
}

/// The end (an offset in the words' text) of the epithet that opens `words`: "de Polotsk",
/// "d'Aquitaine", "le Sage", "la Grande"; one capitalised word after the particle.
fn epithet_end(words: &[(usize, &str)]) -> Option<usize> {
    let (offset, first) = *words.first()?;
    let (offset, name) = match first.strip_prefix("d'").or_else(|| first.strip_prefix("d’")) {
        Some(name) => (offset + first.len() - name.len(), name),
        None if matches!(first, "de" | "le" | "la") => *words.get(1)?,
        None => return None,
    };
    let core = name.trim_end_matches(CLOSING);
    let core = crate::unlisted::without_footnote_call(core, |w| w.ends_with(char::is_alphabetic)).unwrap_or(core);
    (starts_upper(core) && core.chars().skip(1).all(|c| c.is_lowercase() || c == '-') && core.chars().count() > 2)
        .then_some(offset + core.len())
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The names that need a designator (`@`), folded, with their entities.
#[derive(Default)]
struct DesignatedNames {
    entities: rustc_hash::FxHashMap<Box<[u8]>, Vec<EntityIdx>>,
    /// Length of the longest folded name.
    longest: usize,
}

impl DesignatedNames {
    fn of(gazetteer: &Gazetteer) -> Self {
        let mut names = DesignatedNames::default();
        for (i, entity) in gazetteer.entities().iter().enumerate() {
            for name in entity.names.iter().filter(|n| n.needs_designator) {
                let folded: Box<[u8]> = crate::normalize::fold_surface(&name.text).into();
                names.longest = names.longest.max(folded.len());
                let list = names.entities.entry(folded).or_default();
                if !list.contains(&EntityIdx(i as u32)) {
                    list.push(EntityIdx(i as u32));
                }
            }
        }
        names
    }

    fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The coordinated name at folded offset `at` (", de l'Oural" at the comma): the
    /// longest one that ends on a word boundary and has an entity that `fits`, with its
    /// folded span.
    fn coordinated_at(
        &self,
        text: &[u8],
        at: usize,
        fits: impl Fn(EntityIdx) -> bool,
    ) -> Option<(std::ops::Range<usize>, EntityIdx)> {
        let rest = text.get(at..)?;
        // Longest joint first: " et de la " before " et de " before " et ".
        let joint = COORDINATION_JOINTS.iter().filter(|j| rest.starts_with(j)).map(|j| j.len()).max()?;
        let from = at + joint;
        let limit = (from + self.longest).min(text.len());
        (from + 1..=limit)
            .rev()
            .filter(|&end| is_word_byte(text[end - 1]) && text.get(end).is_none_or(|&b| !is_word_byte(b)))
            .find_map(|end| {
                let entities = self.entities.get(&text[from..end])?;
                let entity = entities.iter().copied().find(|&e| fits(e))?;
                Some((from..end, entity))
            })
    }
}

/// What may stand between two coordinated names.
const COORDINATION_JOINTS: [&[u8]; 13] = [
    b" et de ",
    b" et d'",
    b" et du ",
    b", de ",
    b", d'",
    b", du ",
    b" et de la ",
    b", de la ",
    b" et de l'",
    b", de l'",
    b", ",
    b" et ",
    b", et ",
];

/// What may stand between two coordinated names: ", de ", " et de ", " et d'", ...
fn is_coordination(between: &[u8]) -> bool {
    COORDINATION_JOINTS.contains(&between)
}

/// A city's or a village's entity: of a subdivision, one that is a city ("Minsk" the
/// capital's own subdivision, not the oblast).
fn is_city(entity: &Entity) -> bool {
    matches!(entity.subtype.as_str(), "city" | "village")
}

/// What may stand between two bare names of a list: "Krasnodar, Rostov et le Daghestan".
fn joins_bare_names(between: &[u8]) -> bool {
    const JOINTS: [&[u8]; 12] = [
        b", ", b" et ", b", et ", b" ou ", b", la ", b", le ", b", l'", b" et la ", b" et le ", b" et l'", b" ou la ",
        b" ou le ",
    ];
    JOINTS.contains(&between)
}

/// What may stand between two names of a list: a coordination, or the parentheses of
/// another name of the same place ("les régions de Djamboul (Jambyl) et de Turkestan").
fn continues_list(between: &[u8]) -> bool {
    is_coordination(between) || between == b" (" || between.strip_prefix(b")").is_some_and(is_coordination)
}

/// Folded designators of first-level subdivisions that French writes before the name.
const DESIGNATORS: &[&[u8]] = &[
    b"region",
    b"regions",
    b"oblast",
    b"oblasts",
    b"province",
    b"provinces",
    b"territoire",
    b"territoires",
    b"krai",
    b"krais",
    b"voblast",
    b"voblasts",
    // Designators of one state each, after an adjective only in the plural ("les comtés
    // lituaniens d'Alytus", "les marzes arméniens de Lorri").
    b"comtes",
    b"marz",
    b"marzes",
    b"raions",
    b"velayats",
    b"voivodies",
];

/// "la partie de Tomsk", "la partie d'Irkoutsk": the side of an agreement between regions,
/// which a bare name with a subdivision's reading then names. ("une partie de Moscou" is
/// part of the city.)
fn side_before(before: &[u8]) -> bool {
    [b"la partie de ".as_slice(), b"la partie d'"].iter().any(|side| {
        before.ends_with(side) && before.len().checked_sub(side.len() + 1).is_none_or(|k| !is_word_byte(before[k]))
    })
}

/// Whether folded text `before` ends with a designator, one or two adjectives and what
/// leads to the name ("region russe d'", "regions bielorusses - ", "regions frontalieres
/// russes de "): Some(true) for a plural designator. With no adjective the designator and
/// the name are one pattern of the gazetteer ("région de Gomel") and never come here.
fn designator_before(before: &[u8]) -> Option<bool> {
    designator_of_before(before, DESIGNATORS)
}

/// [`designator_before`] for the designators of `designators`.
fn designator_of_before(before: &[u8], designators: &[&[u8]]) -> Option<bool> {
    const LEADS: [&[u8]; 8] = [b" de la ", b" de l'", b" de ", b" d'", b" du ", b" - ", b" : ", b": "];
    const NOT_ADJECTIVES: &[&[u8]] = &[
        b"de", b"du", b"des", b"la", b"le", b"les", b"et", b"ou", b"en", b"au", b"aux", b"dans", b"sur", b"pour",
        b"par", b"avec", b"que", b"qui", b"entre", b"cette", b"ces", b"son", b"ses", b"leur", b"leurs",
    ];
    let rest = LEADS.iter().find_map(|lead| before.strip_suffix(*lead))?;
    let mut words = rest.rsplit(|&b| b == b' ');
    for adjectives in 0..3 {
        let word = words.next()?;
        if designators.contains(&word) {
            return (adjectives > 0).then(|| word.ends_with(b"s"));
        }
        // "les comités exécutifs régionaux de Brest et de Gomel": bodies of several regions.
        // (The singular, "le centre régional de Gomel", may be a body in the city.)
        if adjectives == 0 && matches!(word, b"regionaux" | b"regionales") {
            return Some(true);
        }
        if word.len() < 4
            || NOT_ADJECTIVES.contains(&word)
            || !word.iter().all(|&b| is_word_byte(b) && !b.is_ascii_digit())
        {
            return None;
        }
    }
    None
}

/// Whether folded text `before` ends with a plural designator, what qualifies it and a dash,
/// colon or parenthesis that opens the list of its names: "regions orientales de la
/// republique du belarus - ", "raions du nord - ", "regions du centre : ", "terres noires
/// (". The designator may stand a few words back, but in the same clause.
fn plural_designator_heads_list(before: &[u8]) -> bool {
    const LEADS: [&[u8]; 4] = [b" - ", b" : ", b": ", b" ("];
    // "six districts et quatre villes d'importance regionale : ": the list is of the towns.
    const OTHER_HEADS: &[&[u8]] = &[b"et", b"ou", b"villes", b"centres", b"capitales", b"chefs-lieux", b"dont"];
    let Some(rest) = LEADS.iter().find_map(|lead| before.strip_suffix(*lead)) else { return false };
    rest.rsplit(|&b| b == b' ')
        .take(8)
        .take_while(|word| {
            !word.is_empty() && !OTHER_HEADS.contains(word) && word.iter().all(|&b| is_word_byte(b) || b == b'\'')
        })
        .any(is_plural_designator)
}

/// One of [`DESIGNATORS`] in the plural ("marz" is invariable), or a plural that heads only
/// a list after a dash or a colon ("districts", "gouvernorats").
fn is_plural_designator(word: &[u8]) -> bool {
    DESIGNATORS.contains(&word) && (word.ends_with(b"s") || word == b"marz")
        || matches!(word, b"districts" | b"gouvernorats")
}

/// Whether `before` (original text) ends with a colon that closes a title line: " Les
/// régions de Biélorussie :  \n" heads a chapter, not a list.
fn after_title_colon(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\n', '\r']);
    trimmed.ends_with(':') && before[trimmed.len()..].contains('\n')
}

/// The next folded bytes are a hyphen and a word: "russo|-kirghize".
fn is_compound_joint(after: &[u8]) -> bool {
    after.first() == Some(&b'-') && after.get(1).is_some_and(|&b| is_word_byte(b))
}

/// Chars and UTF-16 code units in `bytes[from..to]`, a valid UTF-8 slice: every byte
/// that is not a continuation byte starts a char, and four-byte sequences take two UTF-16
/// units. The bytes of `bytes` past `to` may be read (and are not counted).
#[inline]
fn count_chars(bytes: &[u8], from: usize, to: usize) -> (usize, usize) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
        unsafe { count_chars_sse2(bytes, from, to) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        count_chars_swar(&bytes[from..to])
    }
}

/// [`count_chars`] sixteen bytes at a time: flags are added up per byte lane, up to 255
/// chunks at a time, then summed with `_mm_sad_epu8` (the SWAR version took some four
/// instructions a byte, a twentieth of the extraction). The last chunk, when the text
/// holds sixteen bytes from it, is read whole with the bytes past `to` masked off: the
/// stretches between mentions are short, and their last bytes one by one cost more than
/// the rest.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn count_chars_sse2(bytes: &[u8], from: usize, to: usize) -> (usize, usize) {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_cvtsi128_si64, _mm_loadu_si128, _mm_max_epu8,
        _mm_sad_epu8, _mm_set1_epi8, _mm_setzero_si128, _mm_sub_epi8, _mm_unpackhi_epi64,
    };
    /// Read from `16 - n`: `n` bytes 0xFF (counted), then zeros.
    static KEEP: [u8; 32] = {
        let mut t = [0u8; 32];
        let mut k = 0;
        while k < 16 {
            t[k] = 0xFF;
            k += 1;
        }
        t
    };
    let lane_sum = |lanes: __m128i| {
        let sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        (_mm_cvtsi128_si64(sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums))) as usize
    };
    // Continuation bytes 0x80..=0xBF are, signed, below 0xC0 (-64); astral leads
    // 0xF0..=0xFF are their unsigned max with 0xF0. A true compare is -1: subtracting
    // counts it.
    let flags = |v: __m128i| {
        let continuation = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
        let astral = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0xF0_u8 as i8)), v);
        (continuation, astral)
    };
    let (mut continuations, mut astral) = (0usize, 0usize);
    let mut at = from;
    loop {
        let (mut lanes_continuation, mut lanes_astral) = (_mm_setzero_si128(), _mm_setzero_si128());
        // At most 254 whole chunks, so that the last chunk's flags still fit in a lane.
        let group_end = at + 16 * 254;
        while at + 16 <= to.min(group_end) {
            let chunk: &[u8; 16] = bytes[at..at + 16].try_into().expect("sixteen bytes");
            // SAFETY: the chunk is 16 bytes long; the load takes any alignment.
            let (c, a) = flags(unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) });
            lanes_continuation = _mm_sub_epi8(lanes_continuation, c);
            lanes_astral = _mm_sub_epi8(lanes_astral, a);
            at += 16;
        }
        if at + 16 <= to {
            continuations += lane_sum(lanes_continuation);
            astral += lane_sum(lanes_astral);
            continue;
        }
        if at < to {
            if let Some(window) = bytes.get(at..at + 16) {
                let window: &[u8; 16] = window.try_into().expect("sixteen bytes");
                let keep: &[u8; 16] = KEEP[16 - (to - at)..32 - (to - at)].try_into().expect("sixteen bytes");
                // SAFETY: both are 16 bytes long; the loads take any alignment.
                let (v, keep) =
                    unsafe { (_mm_loadu_si128(window.as_ptr().cast()), _mm_loadu_si128(keep.as_ptr().cast())) };
                let (c, a) = flags(v);
                lanes_continuation = _mm_sub_epi8(lanes_continuation, _mm_and_si128(c, keep));
                lanes_astral = _mm_sub_epi8(lanes_astral, _mm_and_si128(a, keep));
                at = to;
            }
        }
        continuations += lane_sum(lanes_continuation);
        astral += lane_sum(lanes_astral);
        break;
    }
    for &b in &bytes[at..to] {
        continuations += usize::from(b & 0xC0 == 0x80);
        astral += usize::from(b >= 0xF0);
    }
    let chars = (to - from) - continuations;
    (chars, chars + astral)
}

/// [`count_chars`] eight bytes at a time (SWAR): flags are added up per byte lane, up to
/// 255 chunks at a time, then the lanes are summed. On other targets, and the reference
/// of the SSE2 version in tests.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn count_chars_swar(bytes: &[u8]) -> (usize, usize) {
    use crate::normalize::HI;
    fn lane_sum(lanes: u64) -> usize {
        const PAIRS: u64 = 0x00FF_00FF_00FF_00FF;
        let pairs = (lanes & PAIRS) + ((lanes >> 8) & PAIRS);
        (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    }
    let mut continuations = 0usize;
    let mut astral = 0usize;
    let mut chunks = bytes.chunks_exact(8);
    loop {
        let (mut lanes_continuation, mut lanes_astral, mut taken) = (0u64, 0u64, 0);
        for chunk in chunks.by_ref().take(255) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            // Continuation: 10xxxxxx. Astral lead: 11110xxx (top four bits set).
            lanes_continuation += (x & !(x << 1) & HI) >> 7;
            lanes_astral += (x & (x << 1) & (x << 2) & (x << 3) & HI) >> 7;
            taken += 1;
        }
        continuations += lane_sum(lanes_continuation);
        astral += lane_sum(lanes_astral);
        if taken < 255 {
            break;
        }
    }
    for &b in chunks.remainder() {
        continuations += usize::from(b & 0xC0 == 0x80);
        astral += usize::from(b >= 0xF0);
    }
    let chars = bytes.len() - continuations;
    (chars, chars + astral)
}

/// Fills char (and UTF-16) offsets with one forward pass over the text.
fn fill_char_offsets(text: &str, mentions: &mut [Mention], utf16: bool) {
    let bytes = text.as_bytes();
    let monotonic = mentions.windows(2).all(|w| w[0].end <= w[1].start);
    if monotonic {
        // Leftmost-longest mentions do not overlap: count on from one offset to the next.
        let (mut pos, mut chars, mut units) = (0usize, 0usize, 0usize);
        for m in mentions.iter_mut() {
            for (offset, is_start) in [(m.start, true), (m.end, false)] {
                let (c, u) = count_chars(bytes, pos, offset);
                chars += c;
                units += u;
                pos = offset;
                if is_start {
                    m.char_start = chars;
                    m.utf16 = utf16.then_some((units, 0));
                } else {
                    m.char_end = chars;
                    m.utf16 = m.utf16.map(|(s, _)| (s, units));
                }
            }
        }
        return;
    }
    let mut marks: Vec<usize> = mentions.iter().flat_map(|m| [m.start, m.end]).collect();
    marks.sort_unstable();
    marks.dedup();
    let mut chars_at: Vec<(usize, usize)> = Vec::with_capacity(marks.len());
    let (mut pos, mut chars, mut units) = (0usize, 0usize, 0usize);
    for &mark in &marks {
        let (c, u) = count_chars(bytes, pos, mark);
        chars += c;
        units += u;
        pos = mark;
        chars_at.push((chars, units));
    }
    let lookup = |at: usize| chars_at[marks.binary_search(&at).unwrap_or(0)];
    for m in mentions.iter_mut() {
        let (cs, us) = lookup(m.start);
        let (ce, ue) = lookup(m.end);
        m.char_start = cs;
        m.char_end = ce;
        m.utf16 = utf16.then_some((us, ue));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_de_alone_introduces_the_state() {
        for gap in [" de ", " du ", " des ", " de la ", " d'", " d’", " de l'", " de \n\nl'", " de\n\nla "] {
            assert!(de_only(gap), "{gap:?}");
        }
        for gap in ["de ", " de", " et de ", " de la région de ", " l'", " d' ", " de d'", ", de "] {
            assert!(!de_only(gap), "{gap:?}");
        }
    }

    #[test]
    fn pour_and_an_article_introduce_the_body_served() {
        for gap in [" pour l'", " pour l’", " pour la ", " pour le ", " pour\n\nles ", " pour \nl'"] {
            assert!(serves_next(gap), "{gap:?}");
        }
        for gap in
            ["pour l'", " pour ", " pour l' ", " pour la", " et pour la ", " par l'", " pour la mise en œuvre de l'"]
        {
            assert!(!serves_next(gap), "{gap:?}");
        }
    }

    #[test]
    fn a_plural_designator_and_its_de_are_skipped_whatever_the_whitespace() {
        for space in [" ", "\n\n", "\r\n", "\u{a0}", "\u{2009}", " \n "] {
            for (span, name, words) in [
                ("régions de Gomel", "Gomel", 2),
                ("républiques du Tatarstan", "Tatarstan", 2),
                ("régions d'Andijan", "Andijan", 2),
                ("régions d’Andijan", "Andijan", 2),
                ("oblasts de l'Amour", "Amour", 3),
                ("régions de la Volga", "Volga", 3),
                ("régions des Pays-Bas", "Pays-Bas", 2),
                ("régions de La Rioja", "La Rioja", 2),
                ("régions Gomel", "Gomel", 1),
                ("districts fédéraux du Centre", "Centre", 3),
                ("districts fédéraux de l'Oural", "Oural", 4),
                ("districts autonomes des Nenets", "Nenets", 3),
            ] {
                let span = span.replace(' ', space);
                let (skipped, counted) = plural_designator_len(&span);
                assert_eq!((&span[skipped..], counted), (name.replace(' ', space).as_str(), words), "{span:?}");
            }
        }
    }

    #[test]
    fn long_texts_are_processed_in_chunks_cut_at_paragraphs() {
        let engine = Extractor::embedded().unwrap();
        let paragraph = "La République du Bélarus et la Fédération de Russie à Minsk.\n\n";
        let text = paragraph.repeat(20);
        let options = ExtractOptions { utf16: true, ..Default::default() };
        let whole = engine.mentions_in_chunks(&text, &options, usize::MAX);
        let chunked = engine.mentions_in_chunks(&text, &options, 150);
        assert_eq!(whole.len(), 60);
        let spans =
            |ms: &[Mention]| ms.iter().map(|m| (m.start, m.end, m.char_start, m.entity, m.utf16)).collect::<Vec<_>>();
        assert_eq!(spans(&whole), spans(&chunked));
        // No paragraph break: cut at a space, never inside a char.
        let text = "é Minsk ".repeat(40);
        let chunked = engine.mentions_in_chunks(&text, &options, 33);
        assert_eq!(chunked.len(), 40);
    }

    /// A filled template surface ("Ministère des Affaires étrangères de Biélorussie") is not
    /// in the automaton but found from its stem: every tenth of them, in running text, is
    /// found whole, as one of its pattern's entities, exactly as a surface of the automaton
    /// would be. Case policies hold as for any surface.
    #[test]
    fn filled_template_surfaces_are_found_whole() {
        let engine = Extractor::embedded().unwrap();
        let compiled = engine.compiled();
        let first_filled = compiled.automata.patterns_len();
        let mut text = String::new();
        let mut expected = Vec::new();
        for p in (first_filled..compiled.patterns.len()).step_by(10) {
            let variants = compiled.variants_of(p as u32);
            let surface = &variants[0].surface;
            text.push_str("Selon le ");
            let start = text.len();
            text.push_str(surface);
            expected.push((start, text.len(), variants.iter().map(|v| v.entity).collect::<Vec<_>>()));
            text.push_str(", rien.\n");
        }
        assert!(expected.len() > 5_000, "{}", expected.len());
        let mentions = engine.mentions(&text, &ExtractOptions::default());
        assert_eq!(mentions.len(), expected.len());
        for (m, (start, end, entities)) in mentions.iter().zip(&expected) {
            assert_eq!((m.start, m.end), (*start, *end), "{}", &text[*start..*end]);
            assert!(entities.contains(&m.entity), "{}", &text[*start..*end]);
        }
        // Case policies: a lowercase-initial surface of the gazetteer takes any initial; a
        // capitalised one needs its capitals ("Ministry of foreign affairs" is not a name).
        let found = |t: &str| {
            let mentions = engine.mentions(t, &ExtractOptions::default());
            mentions.iter().map(|m| t[m.start..m.end].to_string()).collect::<Vec<_>>()
        };
        assert_eq!(
            found("le Ministère des Affaires étrangères du Bélarus."),
            ["Ministère des Affaires étrangères du Bélarus"]
        );
        assert_eq!(found("the Ministry of Foreign Affairs of Belarus"), ["Ministry of Foreign Affairs of Belarus"]);
        assert_eq!(found("the Ministry of foreign affairs of Belarus"), ["Belarus"]);
        // A continuation cut short is not a fill: "de Biélorussies" is no name, and the
        // ministry is named without its state.
        assert_eq!(
            found("au ministère des Affaires étrangères de Biélorussies"),
            ["ministère des Affaires étrangères"]
        );
    }

    #[test]
    fn byte_level_context_helpers_agree_with_the_char_definitions() {
        let pieces = [
            "",
            " ",
            "a",
            "A",
            "é",
            "É",
            "œ",
            "漢",
            "1",
            ".",
            "'",
            "’",
            "\u{a0}",
            "\u{202f}",
            "\u{85}",
            "\n",
            "\t",
            "\r",
            "\u{b}",
            "\u{c}",
            "\u{1}",
            "-",
            "K",
            "nom",
            "d",
            "de",
            "Москва",
        ];
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("x {a}{b} {c}"));
                }
            }
        }
        texts.push("abcdefghijklmnopqrstuvwxyzéabcdefghijklmnopqrstuvwxyz".to_string());
        for text in &texts {
            let text = text.as_str();
            assert_eq!(trim_end(text), text.trim_end(), "{text:?}");
            let word_len: usize =
                text.chars().rev().take_while(|&c| case::is_alphabetic(c)).take(24).map(char::len_utf8).sum();
            assert_eq!(last_word_start(text), text.len() - word_len, "{text:?}");
            let word_start = text
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace() || c == '\'' || c == '’')
                .map_or(0, |(p, c)| p + c.len_utf8());
            assert_eq!(word_start_after_space_or_apostrophe(text), word_start, "{text:?}");
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sse2_char_counts_agree_with_swar_on_any_bytes() {
        // Every byte value at every position of a few chunks, and long runs past 255 chunks.
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for b in 0..=255u8 {
            for at in 0..40 {
                let mut t = "aé😀".as_bytes().iter().copied().cycle().take(40).collect::<Vec<u8>>();
                t[at] = b;
                for len in [at + 1, 16, 33, 40] {
                    texts.push(t[..len.max(at + 1)].to_vec());
                }
            }
        }
        for len in [0, 1, 15, 16, 17, 4079, 4080, 4081, 10_000] {
            texts.push((0..len).map(|i| (i * 37 % 256) as u8).collect());
            texts.push(vec![0xF0; len]);
            texts.push(vec![0x80; len]);
        }
        for t in &texts {
            // SAFETY: SSE2 is part of the x86_64 baseline.
            let simd = unsafe { count_chars_sse2(t, 0, t.len()) };
            assert_eq!(simd, count_chars_swar(t), "{t:?}");
        }
        // Every stretch of a text, with the bytes after it readable or not.
        let text: Vec<u8> = "aé😀Жb\u{301}".repeat(12).into_bytes();
        for from in 0..text.len() {
            for to in from..=text.len() {
                // SAFETY: SSE2 is part of the x86_64 baseline.
                let simd = unsafe { count_chars_sse2(&text, from, to) };
                assert_eq!(simd, count_chars_swar(&text[from..to]), "{from}..{to}");
            }
        }
    }

    #[test]
    fn entities_deduplicated_in_order() {
        let ids = |v: &[u32]| v.iter().map(|&i| EntityIdx(i)).collect::<Vec<_>>();
        for (input, expected) in [
            (vec![], vec![]),
            (vec![3, 1, 3, 2, 1], vec![3, 1, 2]),
            (vec![5, 4, 3], vec![5, 4, 3]),
            ((0..20).collect(), (0..20).collect()),
            ((0..20).chain([7, 19, 0]).collect(), (0..20).collect()),
            ([9, 9].into_iter().chain(0..12).collect(), [9].into_iter().chain(0..9).chain(10..12).collect()),
        ] {
            let mut got = ids(&input);
            dedup_in_order(&mut got);
            assert_eq!(got, ids(&expected), "{input:?}");
        }
    }

    #[test]
    fn char_and_utf16_counts() {
        let long = ["é", "😀", "a", "Ж"].iter().cycle().take(5000).copied().collect::<String>();
        for text in [
            "",
            "abc",
            "République du Bélarus",
            "😀 la Russie 😀😀",
            "ЁжБ œ 漢字 \u{301}",
            "aaaaaaaé😀aaaaaaaaaa",
            &"😀".repeat(2100),
            &long,
        ] {
            let expected = (text.chars().count(), text.encode_utf16().count());
            assert_eq!(count_chars(text.as_bytes(), 0, text.len()), expected, "{text}");
        }
    }
}
