//! Co-occurrence: which entities occur together, and how often.
//!
//! A unit is a sentence (default), the whole document, or a window of N words. A pair's
//! count is the number of units in which both entities occur (unordered pair, an entity
//! never pairs with itself). In window mode every mention opens a unit made of itself and
//! the mentions that start fewer than N words after it.

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use crate::extract::Mention;
use crate::gazetteer::EntityIdx;
use crate::sentences;

/// The unit of co-occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CoUnit {
    #[default]
    Sentence,
    Document,
    /// A window of this many words (at least 1).
    Window(u32),
}

impl CoUnit {
    /// Parses `sentence`, `document` or `window:N`.
    pub fn parse(s: &str) -> Result<CoUnit, String> {
        match s.trim() {
            "sentence" => Ok(CoUnit::Sentence),
            "document" => Ok(CoUnit::Document),
            other => match other.strip_prefix("window:").map(str::parse::<u32>) {
                Some(Ok(n)) if n >= 1 => Ok(CoUnit::Window(n)),
                _ => {
                    Err(format!("unknown co-occurrence unit {other:?}: use sentence, document or window:N with N >= 1"))
                }
            },
        }
    }
}

/// Mentions of one entity and the number of units it occurs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    pub entity: EntityIdx,
    pub mentions: u32,
    pub units: u32,
}

/// Two entities and the number of units in which both occur; `a < b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PairCount {
    pub a: EntityIdx,
    pub b: EntityIdx,
    pub count: u32,
}

/// Counts entities and pairs over the mentions of one text (sorted by start). `skip`
/// (entities without identity, such as unlisted firms) are counted but never paired.
pub fn count(
    text: &str,
    mentions: &[Mention],
    unit: CoUnit,
    min_pair_count: u32,
    skip: &[EntityIdx],
) -> (Vec<EntityCount>, Vec<PairCount>, u32) {
    let mut counter = Counter { skip, ..Counter::default() };
    let units = match unit {
        CoUnit::Document => {
            counter.unit(mentions.iter().map(|m| m.entity));
            u32::from(!text.is_empty())
        }
        CoUnit::Sentence => {
            let starts = sentences::starts(text);
            let mut i = 0;
            while i < mentions.len() {
                // The sentence of mention i ends where the next one starts; mentions come
                // in order, so the rest of the sentence is a run of them.
                let sentence = sentences::index_of(&starts, mentions[i].start);
                let end = starts.get(sentence + 1).copied().unwrap_or(usize::MAX);
                let j = i + mentions[i..].iter().take_while(|m| m.start < end).count();
                counter.unit(mentions[i..j].iter().map(|m| m.entity));
                i = j;
            }
            starts.len() as u32
        }
        CoUnit::Window(n) => {
            for (i, m) in mentions.iter().enumerate() {
                let window = mentions[i..].iter().take_while(|o| o.word < m.word.saturating_add(n));
                counter.unit(window.map(|o| o.entity));
            }
            mentions.len() as u32
        }
    };
    for m in mentions {
        counter.entities.entry(m.entity).or_insert((0, 0)).0 += 1;
    }
    let (entities, pairs) = counter.finish(min_pair_count);
    (entities, pairs, units)
}

#[derive(Default)]
struct Counter<'a> {
    skip: &'a [EntityIdx],
    scratch: Vec<EntityIdx>,
    /// entity -> (mentions, units)
    entities: HashMap<EntityIdx, (u32, u32)>,
    pairs: HashMap<(EntityIdx, EntityIdx), u32>,
}

impl Counter<'_> {
    fn unit(&mut self, entities: impl Iterator<Item = EntityIdx>) {
        // One buffer for every unit: a text has a unit per sentence.
        let mut distinct = std::mem::take(&mut self.scratch);
        distinct.clear();
        distinct.extend(entities);
        distinct.sort_unstable();
        distinct.dedup();
        for (i, &a) in distinct.iter().enumerate() {
            self.entities.entry(a).or_insert((0, 0)).1 += 1;
            if self.skip.contains(&a) {
                continue;
            }
            for &b in distinct[i + 1..].iter().filter(|b| !self.skip.contains(b)) {
                *self.pairs.entry((a, b)).or_default() += 1;
            }
        }
        self.scratch = distinct;
    }

    fn finish(self, min_pair_count: u32) -> (Vec<EntityCount>, Vec<PairCount>) {
        // Each row packed into one integer whose order is the output order (most mentions,
        // or highest count, first; then ids): sorting plain integers needs no key function
        // and no chain of comparisons.
        let mut entities: Vec<u128> = self
            .entities
            .into_iter()
            .map(|(e, (mentions, units))| (u128::from(!mentions) << 96) | (u128::from(e.0) << 64) | u128::from(units))
            .collect();
        entities.sort_unstable();
        let entities = entities
            .into_iter()
            .map(|k| EntityCount {
                entity: EntityIdx((k >> 64) as u32),
                mentions: !((k >> 96) as u32),
                units: k as u32,
            })
            .collect();
        let mut pairs: Vec<u128> = self
            .pairs
            .into_iter()
            .filter(|&(_, count)| count >= min_pair_count)
            .map(|((a, b), count)| (u128::from(!count) << 64) | (u128::from(a.0) << 32) | u128::from(b.0))
            .collect();
        pairs.sort_unstable();
        let pairs = pairs
            .into_iter()
            .map(|k| PairCount { a: EntityIdx((k >> 32) as u32), b: EntityIdx(k as u32), count: !((k >> 64) as u32) })
            .collect();
        (entities, pairs)
    }
}

/// Corpus totals over many documents: mentions, units and documents per entity, and pairs.
#[derive(Clone, Debug, Default)]
pub struct Aggregate {
    pub documents: u32,
    pub units: u64,
    pub mentions: u64,
    /// entity -> (mentions, units, documents)
    entities: HashMap<EntityIdx, (u64, u64, u32)>,
    pairs: HashMap<(EntityIdx, EntityIdx), u64>,
}

/// One entity's corpus totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EntityTotal {
    pub entity: EntityIdx,
    pub mentions: u64,
    pub units: u64,
    pub documents: u32,
}

/// One pair's corpus total; `a < b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PairTotal {
    pub a: EntityIdx,
    pub b: EntityIdx,
    pub count: u64,
}

impl Aggregate {
    /// Adds one document's extraction (computed with `min_pair_count` 1, so that no pair
    /// is lost before the corpus threshold).
    pub fn add(&mut self, extraction: &crate::extract::Extraction) {
        self.documents += 1;
        self.units += u64::from(extraction.units);
        self.mentions += extraction.mentions.len() as u64;
        for e in &extraction.entities {
            let t = self.entities.entry(e.entity).or_default();
            t.0 += u64::from(e.mentions);
            t.1 += u64::from(e.units);
            t.2 += 1;
        }
        for p in &extraction.pairs {
            *self.pairs.entry((p.a, p.b)).or_default() += u64::from(p.count);
        }
    }

    /// Merges another aggregate (from another thread or server).
    pub fn merge(&mut self, other: Aggregate) {
        self.documents += other.documents;
        self.units += other.units;
        self.mentions += other.mentions;
        for (k, v) in other.entities {
            let t = self.entities.entry(k).or_default();
            t.0 += v.0;
            t.1 += v.1;
            t.2 += v.2;
        }
        for (k, v) in other.pairs {
            *self.pairs.entry(k).or_default() += v;
        }
    }

    /// Entities by mentions (then gazetteer order).
    pub fn entities(&self) -> Vec<EntityTotal> {
        let mut out: Vec<EntityTotal> = self
            .entities
            .iter()
            .map(|(&entity, &(mentions, units, documents))| EntityTotal { entity, mentions, units, documents })
            .collect();
        out.sort_by(|x, y| y.mentions.cmp(&x.mentions).then(x.entity.cmp(&y.entity)));
        out
    }

    /// Pairs seen at least `min_count` times, by count (then ids).
    pub fn pairs(&self, min_count: u64) -> Vec<PairTotal> {
        let mut out: Vec<PairTotal> = self
            .pairs
            .iter()
            .filter(|&(_, &c)| c >= min_count)
            .map(|(&(a, b), &count)| PairTotal { a, b, count })
            .collect();
        out.sort_by(|x, y| y.count.cmp(&x.count).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::Form;

    fn mention(start: usize, word: u32, entity: u32) -> Mention {
        Mention {
            start,
            end: start + 1,
            char_start: start,
            char_end: start + 1,
            utf16: None,
            entity: EntityIdx(entity),
            form: Form::Name,
            alternatives: Vec::new(),
            word,
        }
    }

    #[test]
    fn pairs_count_units_not_mentions() {
        // Sentence 1: A A B. Sentence 2: A B C.
        let text = "aa aa bb. Bb aa cc.";
        let ms = [
            mention(0, 0, 1),
            mention(3, 1, 1),
            mention(6, 2, 2),
            mention(10, 3, 2),
            mention(13, 4, 1),
            mention(16, 5, 3),
        ];
        let (entities, pairs, units) = count(text, &ms, CoUnit::Sentence, 1, &[]);
        assert_eq!(units, 2);
        let e1 = entities.iter().find(|e| e.entity == EntityIdx(1)).unwrap();
        assert_eq!((e1.mentions, e1.units), (3, 2));
        let ab = pairs.iter().find(|p| (p.a, p.b) == (EntityIdx(1), EntityIdx(2))).unwrap();
        assert_eq!(ab.count, 2);
        assert!(pairs.iter().all(|p| p.a < p.b), "self pairs or unordered pairs: {pairs:?}");
        let (_, pairs, _) = count(text, &ms, CoUnit::Sentence, 2, &[]);
        assert_eq!(pairs.len(), 1);
    }

    #[test]
    fn document_and_window_units() {
        let text = "a b c d e f g h";
        let ms = [mention(0, 0, 1), mention(2, 1, 2), mention(14, 7, 3)];
        let (_, pairs, units) = count(text, &ms, CoUnit::Document, 1, &[]);
        assert_eq!((units, pairs.len()), (1, 3));
        let (_, pairs, _) = count(text, &ms, CoUnit::Window(3), 1, &[EntityIdx(9)]);
        assert_eq!(pairs, [PairCount { a: EntityIdx(1), b: EntityIdx(2), count: 1 }]);
    }

    #[test]
    fn unit_parsing() {
        assert_eq!(CoUnit::parse("window:5"), Ok(CoUnit::Window(5)));
        assert!(CoUnit::parse("window:0").is_err());
        assert!(CoUnit::parse("paragraph").unwrap_err().contains("paragraph"));
    }

    /// Rows come out by count (most first), then ids, for small and large ids and counts.
    #[test]
    fn rows_are_ordered_by_count_then_ids_with_small_and_large_ids() {
        let mut next = 0x9E37_79B9_7F4A_7C15u64;
        let mut random = move |bound: u64| {
            next ^= next << 13;
            next ^= next >> 7;
            next ^= next << 17;
            next % bound
        };
        for (id_bound, count_bound) in
            [(50, 5), (1 << 20, 1 << 24), (1 << 21, 3), (40, 1 << 25), (u64::from(u32::MAX), 1 << 30)]
        {
            let mut counter = Counter::default();
            for _ in 0..300 {
                let (a, b) = (random(id_bound) as u32, random(id_bound) as u32);
                let (a, b) = (a.min(b), a.max(b).max(a.min(b) + 1));
                let count = 1 + random(count_bound) as u32;
                counter.pairs.insert((EntityIdx(a), EntityIdx(b)), count);
                counter.entities.insert(EntityIdx(a), (count, 1));
            }
            let mut expected: Vec<PairCount> =
                counter.pairs.iter().map(|(&(a, b), &count)| PairCount { a, b, count }).collect();
            expected.sort_by_key(|p| (std::cmp::Reverse(p.count), p.a, p.b));
            let mut expected_entities: Vec<EntityCount> = counter
                .entities
                .iter()
                .map(|(&entity, &(mentions, units))| EntityCount { entity, mentions, units })
                .collect();
            expected_entities.sort_by_key(|e| (std::cmp::Reverse(e.mentions), e.entity));
            let (entities, pairs) = counter.finish(1);
            assert_eq!(pairs, expected, "ids under {id_bound}, counts under {count_bound}");
            assert_eq!(entities, expected_entities);
        }
    }
}
