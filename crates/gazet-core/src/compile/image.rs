//! A compiled gazetteer as bytes, made once when the binary is built.
//!
//! Compiling the default gazetteers is most of a one-shot command's run: the surfaces of
//! 7,500 entities inflected, folded and grouped, a hundred thousand patterns ranked, the
//! start filter filled (about three quarters of the start-up's CPU), and the automaton
//! built beside it. None of it depends on anything but the gazetteer files and the engine
//! settings, so `gazet`'s build script compiles the embedded gazetteers and writes the
//! result here; at run time the image is read back and only the automaton is built, from
//! the image's patterns, in parts on their own threads while the gazetteer is loaded (for
//! the embedded one, read back from its snapshot: `gazetteer::snapshot`).
//!
//! The automaton itself is not in the image: the `aho-corasick` crate builds it but offers
//! no way to save it. It is the smaller part of the work, and runs while the gazetteer is
//! read.
//!
//! An image names the content hash of the gazetteer and the settings it was compiled from,
//! and the format version; [`Compiled::from_image`] refuses one that does not match, and
//! a truncated or malformed image is an error, never a panic.

use std::time::Instant;

use rustc_hash::FxHashMap;

use super::{Automata, CasePolicy, Compiled, EngineConfig, FirstWords, Form, Slots, StartFilter, Tables, Variant};
use crate::bytes::{Reader, Writer};
use crate::gazetteer::{EntityIdx, Gazetteer};

const MAGIC: &[u8; 8] = b"GAZETIMG";
/// What errors call it.
const IMAGE: &str = "compiled image";
/// Bumped whenever the layout below changes, or what its tables mean (4: the start
/// filter's lines hold a bit for first words of patterns that may start in lowercase).
const FORMAT: u32 = 4;

/// The header of an image: what it was compiled from.
pub struct ImageHeader<'a> {
    /// Content hash of the gazetteer (`Gazetteer::content_hash`).
    pub content_hash: &'a str,
    /// The engine settings, as `{:?}` writes them.
    pub config: &'a str,
    /// gazet-core's version.
    pub version: &'a str,
}

/// Reads an image's header alone: what it was compiled from.
pub fn header(image: &[u8]) -> Result<ImageHeader<'_>, String> {
    Reader::new(image, IMAGE).header()
}

impl Compiled {
    /// This compiled gazetteer as an image (see the module documentation): `gazetteer`
    /// and `config` must be the ones it was compiled from.
    pub fn to_image(&self, gazetteer: &Gazetteer, config: &EngineConfig) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(8 << 20));
        w.0.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.bytes(env!("CARGO_PKG_VERSION").as_bytes());
        w.bytes(gazetteer.content_hash().as_bytes());
        w.bytes(format!("{config:?}").as_bytes());

        w.len(self.automata.patterns_len());
        w.len(self.patterns.len());
        for p in &self.patterns {
            w.bytes(p);
        }
        for &(a, b) in &self.pattern_ranges {
            w.u32(a);
            w.u32(b);
        }
        w.len(self.variants.len());
        for v in &self.variants {
            w.u32(v.entity.0);
            w.u8(form_code(v.form));
            w.u8(policy_code(v.policy));
            let flags = [
                v.accent_sensitive,
                v.plural_designator,
                v.bare_subdivision,
                v.needs_article,
                v.needs_district_context,
                v.same_checks_as_previous,
                v.anaphoric,
                v.plural_as_singular,
            ];
            w.flags(&flags);
            w.bytes(v.surface.as_bytes());
        }

        w.u32(self.starts.line_bits);
        w.u32(self.starts.first_bits);
        w.len(self.starts.lines.len());
        for line in self.starts.lines.iter() {
            line.iter().for_each(|&x| w.u64(x));
        }
        w.words(&self.starts.firsts);
        w.u32(self.starts.pair_bits);
        w.words(&self.starts.pairs);

        let mut cues: Vec<(u64, u8)> = self.cues.iter().map(|(&k, &v)| (k, v)).collect();
        cues.sort_unstable();
        w.len(cues.len());
        for (word, kind) in cues {
            w.u64(word);
            w.u8(kind);
        }

        let mut districts: Vec<(&Box<[u8]>, &Vec<EntityIdx>)> = self.district_adjectives.iter().collect();
        districts.sort_unstable_by(|a, b| a.0.cmp(b.0));
        w.len(districts.len());
        for (adjective, entities) in districts {
            w.bytes(adjective);
            w.len(entities.len());
            entities.iter().for_each(|e| w.u32(e.0));
        }

        let slots = &self.slots;
        w.words(&slots.stems);
        let mut filled: Vec<((u32, u64), u32)> = slots.filled.iter().map(|(&k, &v)| (k, v)).collect();
        filled.sort_unstable();
        w.len(filled.len());
        for ((stem, hash), pattern) in filled {
            w.u32(stem);
            w.u64(hash);
            w.u32(pattern);
        }
        let mut lengths: Vec<(&u32, &Box<[u64]>)> = slots.lengths.iter().collect();
        lengths.sort_unstable_by_key(|(&stem, _)| stem);
        w.len(lengths.len());
        for (&stem, bits) in lengths {
            w.u32(stem);
            w.words(bits);
        }
        w.u64(slots.longest as u64);
        w.0
    }

    /// Loads a gazetteer with `load` and compiles it from `image`, made by
    /// [`Compiled::to_image`] from that gazetteer with `config`: the automaton is built from
    /// the image's patterns, in parts on their own threads, while `load` runs and the rest
    /// of the image is read. The inner result is the compiled gazetteer, or why the image was refused:
    /// made from another gazetteer, with other settings, in another format or by another
    /// version of this crate, or malformed (the caller then compiles the gazetteer itself).
    pub fn load_with_image<E>(
        image: &[u8],
        config: &EngineConfig,
        load: impl FnOnce() -> Result<Gazetteer, E>,
    ) -> Result<(Gazetteer, Result<Compiled, String>), E> {
        let started = Instant::now();
        let mut r = Reader::new(image, IMAGE);
        let patterns = match r.header().and_then(|header| {
            check_header(&header, config)?;
            let content_hash = header.content_hash;
            let automaton_patterns = r.len()?;
            let count = r.len()?;
            if automaton_patterns > count {
                return Err(r.malformed("more automaton patterns than patterns"));
            }
            let mut slices = Vec::with_capacity(count);
            for _ in 0..count {
                slices.push(r.bytes()?);
            }
            Ok((content_hash, automaton_patterns, slices))
        }) {
            Ok(patterns) => patterns,
            Err(refused) => return Ok((load()?, Err(refused))),
        };
        let (content_hash, automaton_patterns, slices) = patterns;
        let automaton_slices = &slices[..automaton_patterns];
        std::thread::scope(|scope| {
            let automaton = std::thread::Builder::new()
                .name("gazet-automaton".into())
                .spawn_scoped(scope, || automaton_and_first_words(automaton_slices))
                .ok();
            let gazetteer = load()?;
            let rest = if content_hash == gazetteer.content_hash() {
                read_rest(&mut r, &slices, gazetteer.len())
            } else {
                Err(format!(
                    "compiled image of gazetteer {content_hash}, not of this one ({})",
                    gazetteer.content_hash()
                ))
            };
            let tables = match rest {
                Ok(tables) => tables,
                Err(e) => return Ok((gazetteer, Err(e))),
            };
            let built = match automaton {
                Some(thread) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                None => automaton_and_first_words(automaton_slices),
            };
            let (automata, first_words) = match built {
                Ok(built) => built,
                Err(e) => return Ok((gazetteer, Err(e))),
            };
            let compiled = Compiled::assemble(automata, first_words, tables, started, true);
            Ok((gazetteer, Ok(compiled)))
        })
    }
}

/// The automata of `patterns` and their states after the patterns' first words.
fn automaton_and_first_words(patterns: &[&[u8]]) -> Result<(Automata, FirstWords), String> {
    let automata = Automata::build(patterns)?;
    let first_words = FirstWords::new(&automata, patterns);
    Ok((automata, first_words))
}

/// Refuses an image made by another version of this crate or with other settings.
fn check_header(header: &ImageHeader<'_>, config: &EngineConfig) -> Result<(), String> {
    if header.version != env!("CARGO_PKG_VERSION") {
        return Err(format!("compiled image of gazet-core {}, this is {}", header.version, env!("CARGO_PKG_VERSION")));
    }
    if header.config != format!("{config:?}") {
        return Err(format!("compiled image made with other engine settings: {}", header.config));
    }
    Ok(())
}

/// Everything after the patterns, checked against the `patterns` and `entities` counts,
/// with the patterns.
fn read_rest(r: &mut Reader<'_>, patterns: &[&[u8]], entities: usize) -> Result<Tables, String> {
    let mut pattern_ranges = Vec::with_capacity(patterns.len());
    for _ in 0..patterns.len() {
        pattern_ranges.push((r.u32()?, r.u32()?));
    }
    let count = r.len()?;
    let entity = |r: &mut Reader<'_>| {
        let e = r.u32()?;
        if e as usize >= entities {
            return Err(r.malformed("entity index out of range"));
        }
        Ok(EntityIdx(e))
    };
    let mut variants = Vec::with_capacity(count.min(r.remaining()));
    for _ in 0..count {
        let entity = entity(r)?;
        let form = form_of(r.u8()?).ok_or_else(|| r.malformed("unknown form"))?;
        let policy = policy_of(r.u8()?).ok_or_else(|| r.malformed("unknown case policy"))?;
        let [accent_sensitive, plural_designator, bare_subdivision, needs_article, needs_district_context, same_checks_as_previous, anaphoric, plural_as_singular] =
            r.flags()?;
        let surface = std::str::from_utf8(r.bytes()?).map_err(|_| r.malformed("surface not UTF-8"))?;
        variants.push(Variant {
            entity,
            form,
            policy,
            surface: surface.into(),
            accent_sensitive,
            plural_designator,
            bare_subdivision,
            needs_article,
            needs_district_context,
            same_checks_as_previous,
            anaphoric,
            plural_as_singular,
        });
    }
    if pattern_ranges.iter().any(|&(a, b)| a > b || b as usize > variants.len()) {
        return Err(r.malformed("variant range out of bounds"));
    }

    let line_bits = r.u32()?;
    let first_bits = r.u32()?;
    let lines_len = r.len()?;
    if line_bits > 40 || lines_len != (1usize << line_bits) + 1 {
        return Err(r.malformed("start filter size"));
    }
    let mut lines = Vec::with_capacity(lines_len);
    for _ in 0..lines_len {
        let mut line = [0u64; 8];
        for x in &mut line {
            *x = r.u64()?;
        }
        lines.push(line);
    }
    let firsts = r.words()?;
    if !(6..=40).contains(&first_bits) || firsts.len() != (1usize << first_bits) / 64 {
        return Err(r.malformed("start filter size"));
    }
    let pair_bits = r.u32()?;
    let pairs = r.words()?;
    if !(6..=40).contains(&pair_bits) || pairs.len() != (1usize << pair_bits) / 64 {
        return Err(r.malformed("start filter size"));
    }
    let starts = StartFilter { lines: lines.into_boxed_slice(), line_bits, firsts, first_bits, pairs, pair_bits };

    let count = r.len()?;
    let mut cues = FxHashMap::default();
    for _ in 0..count {
        cues.insert(r.u64()?, r.u8()?);
    }

    let count = r.len()?;
    let mut district_adjectives = FxHashMap::default();
    for _ in 0..count {
        let adjective: Box<[u8]> = r.bytes()?.into();
        let n = r.len()?;
        let mut list = Vec::with_capacity(n.min(r.remaining()));
        for _ in 0..n {
            list.push(entity(r)?);
        }
        district_adjectives.insert(adjective, list);
    }

    let stems = r.words()?.into_vec();
    let count = r.len()?;
    let mut filled = FxHashMap::default();
    filled.reserve(count.min(r.remaining()));
    for _ in 0..count {
        let key = (r.u32()?, r.u64()?);
        let pattern = r.u32()?;
        if pattern as usize >= patterns.len() {
            return Err(r.malformed("filled pattern out of range"));
        }
        filled.insert(key, pattern);
    }
    let count = r.len()?;
    let mut lengths = FxHashMap::default();
    for _ in 0..count {
        lengths.insert(r.u32()?, r.words()?);
    }
    let longest = usize::try_from(r.u64()?).map_err(|_| r.malformed("longest continuation"))?;
    if !r.rest().is_empty() {
        return Err(r.malformed("bytes after the end"));
    }
    let slots = Slots { stems, filled, lengths, longest };
    let patterns = patterns.iter().map(|&p| p.into()).collect();
    Ok(Tables { patterns, pattern_ranges, variants, starts, cues, slots, district_adjectives })
}

fn form_code(form: Form) -> u8 {
    Form::ALL.iter().position(|&f| f == form).expect("every form is in Form::ALL") as u8
}

fn form_of(code: u8) -> Option<Form> {
    Form::ALL.get(code as usize).copied()
}

const POLICIES: [CasePolicy; 5] =
    [CasePolicy::Capitalised, CasePolicy::AnyInitial, CasePolicy::Exact, CasePolicy::Adjective, CasePolicy::Demonym];

fn policy_code(policy: CasePolicy) -> u8 {
    POLICIES.iter().position(|&p| p == policy).expect("every policy is in POLICIES") as u8
}

fn policy_of(code: u8) -> Option<CasePolicy> {
    POLICIES.get(code as usize).copied()
}

impl<'a> Reader<'a> {
    fn header(&mut self) -> Result<ImageHeader<'a>, String> {
        if self.take(MAGIC.len()).ok() != Some(&MAGIC[..]) {
            return Err("not a gazet compiled image".into());
        }
        let format = self.u32()?;
        if format != FORMAT {
            return Err(format!("compiled image format {format}, this build reads format {FORMAT}"));
        }
        let text = |r: &mut Self| -> Result<&'a str, String> {
            std::str::from_utf8(r.bytes()?).map_err(|_| r.malformed("header not UTF-8"))
        };
        Ok(ImageHeader { version: text(self)?, content_hash: text(self)?, config: text(self)? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ExtractOptions, Extractor};

    fn embedded() -> Extractor {
        Extractor::embedded().unwrap()
    }

    fn from_image(image: &[u8], config: EngineConfig) -> Result<Compiled, String> {
        let (_, compiled) =
            Compiled::load_with_image(image, &config, Gazetteer::embedded).expect("the embedded gazetteer loads");
        compiled
    }

    /// Everything the extraction reads, as text: two compiled gazetteers are the same
    /// exactly when these are.
    fn contents(c: &Compiled) -> Vec<String> {
        let mut cues: Vec<_> = c.cues.iter().collect();
        cues.sort();
        let mut districts: Vec<_> = c.district_adjectives.iter().collect();
        districts.sort();
        let mut filled: Vec<_> = c.slots.filled.iter().collect();
        filled.sort();
        let mut lengths: Vec<_> = c.slots.lengths.iter().collect();
        lengths.sort();
        vec![
            format!("{:?}", c.patterns),
            format!("{:?}", c.pattern_ranges),
            format!("{:?}", c.variants),
            format!(
                "{:?} {:?} {} {} {:?} {}",
                c.starts.lines,
                c.starts.firsts,
                c.starts.line_bits,
                c.starts.first_bits,
                c.starts.pairs,
                c.starts.pair_bits
            ),
            format!("{cues:?}"),
            format!("{districts:?}"),
            format!("{:?} {filled:?} {lengths:?} {}", c.slots.stems, c.slots.longest),
            format!("{} {} {}", c.forms_patterns, c.automata.patterns_len(), c.first_words.states.len()),
            format!("{:?}", c.automata.parts.iter().map(|p| &p.ids).collect::<Vec<_>>()),
        ]
    }

    #[test]
    fn an_image_reads_back_as_the_compiled_gazetteer() {
        let built = embedded();
        let image = built.image();
        let read = from_image(&image, EngineConfig::default()).unwrap();
        assert!(read.from_image && !built.compiled().from_image);
        let (a, b) = (contents(built.compiled()), contents(&read));
        for (a, b) in a.iter().zip(&b) {
            assert!(a == b, "differs: {} ...", &a[..a.len().min(200)]);
        }
        // And it extracts the same mentions from the book, alternatives included.
        let (engine, refused) =
            Extractor::load_with_image(&image, EngineConfig::default(), Gazetteer::embedded).unwrap();
        assert_eq!(refused, None);
        let book = include_str!("../../../../tests/fixtures/book-dev.txt");
        let options = ExtractOptions::default();
        let (x, y) = (built.extract(book, &options), engine.extract(book, &options));
        assert!(x.mentions.len() > 2000);
        assert_eq!(format!("{:?}", x.mentions), format!("{:?}", y.mentions));
        assert_eq!(format!("{:?}", x.pairs), format!("{:?}", y.pairs));
        // Written twice, an image is the same bytes.
        assert!(engine.image() == image);
    }

    #[test]
    fn an_image_of_another_gazetteer_or_other_settings_is_refused() {
        let image = embedded().image();
        let other = || {
            Gazetteer::from_sources(&[(
                "states.tsv",
                "id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\tacronyms\tadjectives\tprefixes\tdesignators\tarticle\n",
            )])
        };
        let (_, compiled) = Compiled::load_with_image(&image, &EngineConfig::default(), other).unwrap_or_else(|e| {
            panic!("{e}");
        });
        let refused = compiled.err().expect("refused");
        assert!(refused.contains("not of this one"), "{refused}");
        let config = EngineConfig { blocking_prefixes: vec!["post".into()], ..EngineConfig::default() };
        let refused = from_image(&image, config).err().expect("refused");
        assert!(refused.contains("other engine settings"), "{refused}");
        // The engine is then compiled at start-up, and says why.
        let config = EngineConfig { blocking_prefixes: vec![], ..EngineConfig::default() };
        let (engine, refused) = Extractor::load_with_image(&image, config, Gazetteer::embedded).unwrap();
        assert!(refused.is_some() && !engine.stats().from_image);
        assert_eq!(engine.extract("Le Bélarus.", &ExtractOptions::default()).mentions.len(), 1);
    }

    /// An entity index past the gazetteer's end refuses the image, and says where.
    #[test]
    fn an_entity_index_past_the_gazetteer_is_refused() {
        let mut image = embedded().image();
        let mut r = Reader::new(&image, IMAGE);
        r.header().unwrap();
        r.len().unwrap();
        let patterns = r.len().unwrap();
        for _ in 0..patterns {
            r.bytes().unwrap();
        }
        // Each pattern's range of variants: two u32.
        r.take(8 * patterns).unwrap();
        r.len().unwrap();
        // The first variant's entity.
        let at = r.at;
        image[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let refused = from_image(&image, EngineConfig::default()).err().expect("refused");
        assert_eq!(refused, format!("malformed compiled image at byte {}: entity index out of range", at + 4));
    }

    #[test]
    fn a_damaged_image_is_an_error_not_a_panic() {
        let image = embedded().image();
        assert_eq!(from_image(b"not an image", EngineConfig::default()).err().unwrap(), "not a gazet compiled image");
        let mut other_format = image.clone();
        other_format[8] ^= 1;
        assert!(from_image(&other_format, EngineConfig::default()).err().unwrap().contains("format"));
        // Cut anywhere: refused.
        for cut in [0, 9, 20, 100, 5_000, image.len() / 3, image.len() / 2, image.len() - 9, image.len() - 1] {
            assert!(from_image(&image[..cut], EngineConfig::default()).is_err(), "cut at {cut}");
        }
        // Bytes changed anywhere: no panic (refused, or read as some other valid image).
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..40 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut damaged = image.clone();
            let at = state as usize % damaged.len();
            damaged[at] = damaged[at].wrapping_add(1 + (state >> 60) as u8);
            let _ = from_image(&damaged, EngineConfig::default());
        }
    }
}
