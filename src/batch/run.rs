//! Processing documents: read, zone, split, extract each part, and turn the result into
//! output rows. Documents are processed in parallel (rayon) in batches; results are handed
//! to the writer in input order, so outputs do not depend on thread timing.

use std::io::Write;
use std::ops::Range;

use gazet_core::{EntityIdx, ExtractOptions, Extraction, Form, Gazetteer, Kind};
use rayon::prelude::*;

use super::inputs::Doc;
use super::split::{self, Split, Zones};

/// Where extraction happens: the embedded engine or remote servers.
pub trait Backend: Sync {
    /// Extracts from one part. Offsets in the result are relative to `text`.
    fn extract(&self, text: &str, options: &ExtractOptions) -> Result<Extraction, String>;
    /// The gazetteer used to name entities (the same one the extraction used).
    fn gazetteer(&self) -> &Gazetteer;
}

impl Backend for gazet_core::Extractor {
    fn extract(&self, text: &str, options: &ExtractOptions) -> Result<Extraction, String> {
        crate::guarded(|| gazet_core::Extractor::extract(self, text, options))
    }
    fn gazetteer(&self) -> &Gazetteer {
        gazet_core::Extractor::gazetteer(self)
    }
}

/// What the workers need to know.
pub struct Settings {
    pub split: Split,
    pub zones: Zones,
    pub options: ExtractOptions,
}

/// A mention as the report needs it.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub entity: EntityIdx,
}

/// The text and spans of a document shown in the report.
#[derive(Debug)]
pub struct Shown {
    pub text: String,
    pub spans: Vec<Span>,
    pub footnotes: Vec<Range<usize>>,
    pub parts: Vec<split::Part>,
}

/// One part's counts.
#[derive(Debug, Default)]
pub struct PartCounts {
    pub label: String,
    /// Entity -> mentions in this part.
    pub entities: Vec<(EntityIdx, u32)>,
}

/// Everything a processed document contributes to the outputs.
#[derive(Debug, Default)]
pub struct DocOut {
    /// Its lines of mentions.jsonl.
    pub jsonl: Vec<u8>,
    pub mentions: u64,
    pub mentions_by_kind: [u64; 4],
    pub parts: Vec<PartCounts>,
    /// Co-occurrence pairs (a < b) summed over parts.
    pub pairs: Vec<(EntityIdx, EntityIdx, u64)>,
    /// Co-occurrence units (sentences, windows...) over parts.
    pub cooccurrence_units: u64,
    /// Its article in the report, if the report shows its text.
    pub shown: Option<ShownHtml>,
}

/// A document's article in the report, rendered by its worker.
#[derive(Debug, Default)]
pub struct ShownHtml {
    pub html: String,
    pub mentions: usize,
}

/// A document after processing.
#[derive(Debug)]
pub struct DocResult {
    pub id: String,
    pub origin: String,
    pub bytes: u64,
    pub outcome: Result<DocOut, String>,
}

/// A mentions.jsonl line, field by field: what [`LineWriter`] writes by hand.
#[cfg(test)]
#[derive(serde::Serialize)]
struct Line<'a> {
    doc: &'a str,
    unit: usize,
    unit_label: &'a str,
    zone: &'static str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    id: &'a str,
    kind: Kind,
    form: Form,
    canonical: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<&'a str>,
}

/// What is particular to one mention in its mentions.jsonl line.
struct LineFields<'a> {
    zone: &'static str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    form: Form,
    text: &'a str,
}

/// Writes mentions.jsonl lines: the same bytes serde_json writes for [`Line`], but the
/// parts that repeat (the document and unit, an entity's id, kind and canonical name) are
/// escaped once and copied, so only a mention's own text is escaped per line. A corpus
/// of 1,000 books has 2.2 million lines.
struct LineWriter<'g> {
    gazetteer: &'g Gazetteer,
    /// Per entity: `"id":..,"kind":..,` and `,"canonical":..,"text":`.
    entities: rustc_hash::FxHashMap<EntityIdx, (Vec<u8>, Vec<u8>)>,
}

impl<'g> LineWriter<'g> {
    fn new(gazetteer: &'g Gazetteer) -> Self {
        LineWriter { gazetteer, entities: Default::default() }
    }

    /// One line; `prefix` is `{"doc":..,"unit":..,"unit_label":..,"zone":`.
    fn write(
        &mut self,
        out: &mut Vec<u8>,
        prefix: &[u8],
        fields: &LineFields,
        entity: EntityIdx,
        alternatives: &[EntityIdx],
    ) {
        let gazetteer = self.gazetteer;
        let (head, tail) = self.entities.entry(entity).or_insert_with(|| {
            let e = gazetteer.entity(entity);
            let mut head = b"\"id\":".to_vec();
            json_str(&mut head, &e.id);
            head.extend_from_slice(b",\"kind\":");
            serde_json::to_writer(&mut head, &e.kind).expect("writing to a Vec");
            head.extend_from_slice(b",\"form\":");
            let mut tail = b",\"canonical\":".to_vec();
            json_str(&mut tail, &e.name);
            tail.extend_from_slice(b",\"text\":");
            (head, tail)
        });
        out.extend_from_slice(prefix);
        out.push(b'"');
        out.extend_from_slice(fields.zone.as_bytes());
        out.extend_from_slice(b"\",\"start\":");
        let mut number = itoa::Buffer::new();
        out.extend_from_slice(number.format(fields.start).as_bytes());
        out.extend_from_slice(b",\"end\":");
        out.extend_from_slice(number.format(fields.end).as_bytes());
        out.extend_from_slice(b",\"char_start\":");
        out.extend_from_slice(number.format(fields.char_start).as_bytes());
        out.extend_from_slice(b",\"char_end\":");
        out.extend_from_slice(number.format(fields.char_end).as_bytes());
        out.push(b',');
        out.extend_from_slice(head);
        out.push(b'"');
        out.extend_from_slice(fields.form.as_str().as_bytes());
        out.push(b'"');
        out.extend_from_slice(tail);
        json_str(out, fields.text);
        if !alternatives.is_empty() {
            out.extend_from_slice(b",\"alternatives\":[");
            for (i, &a) in alternatives.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_str(out, &self.gazetteer.entity(a).id);
            }
            out.push(b']');
        }
        out.extend_from_slice(b"}\n");
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it. Most strings (a mention's text,
/// an id) need no escape at all: they are copied between quotes.
fn json_str(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        serde_json::to_writer(out, s).expect("writing to a Vec");
    }
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// Counts chars in `text[from..to]`.
fn chars_between(text: &[u8], from: usize, to: usize) -> usize {
    text[from..to].iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Processes a batch of documents in parallel; results come back in input order.
/// `docs` come with their ordinal among the documents the report shows, if it shows them.
pub fn process_batch(
    docs: &mut [(Doc, Option<usize>)],
    backend: &dyn Backend,
    settings: &Settings,
    on_done: &(dyn Fn(u64) + Sync),
) -> Vec<DocResult> {
    docs.par_iter_mut()
        .map(|(doc, show)| {
            let result = process(doc, *show, backend, settings);
            on_done(result.bytes);
            result
        })
        .collect()
}

fn process(doc: &mut Doc, show: Option<usize>, backend: &dyn Backend, settings: &Settings) -> DocResult {
    let (id, origin) = (doc.id.clone(), doc.origin.clone());
    let text = match doc.load() {
        Ok(text) => text,
        Err(reason) => return DocResult { id, origin, bytes: doc.size, outcome: Err(reason) },
    };
    let bytes = text.len() as u64;
    let outcome = process_text(&id, text, show, backend, settings);
    DocResult { id, origin, bytes, outcome }
}

fn process_text(
    id: &str,
    text: String,
    show: Option<usize>,
    backend: &dyn Backend,
    settings: &Settings,
) -> Result<DocOut, String> {
    let layout = split::layout(&text);
    let masked = match settings.zones {
        Zones::All => None,
        zones => Some(split::mask(&text, &split::zone_ranges(&text, &layout, zones))),
    };
    let source = masked.as_deref().unwrap_or(&text);
    let parts = split::split(&text, &settings.split, &layout);
    // Chars before each part, for char offsets.
    let mut part_chars = Vec::with_capacity(parts.len());
    let mut at = (0usize, 0usize);
    for p in &parts {
        at = (p.start, at.1 + chars_between(text.as_bytes(), at.0, p.start));
        part_chars.push(at.1);
    }
    let results: Vec<Result<Extraction, String>> =
        parts.par_iter().map(|p| backend.extract(&source[p.start..p.end], &settings.options)).collect();
    let gazetteer = backend.gazetteer();
    let mut lines = LineWriter::new(gazetteer);
    let mut out = DocOut { jsonl: Vec::with_capacity((text.len() * 2).min(64 << 20)), ..DocOut::default() };
    let mut pairs: rustc_hash::FxHashMap<(EntityIdx, EntityIdx), u64> = Default::default();
    let mut spans = Vec::new();
    let mut note = 0;
    for (index, (part, result)) in parts.iter().zip(results).enumerate() {
        let extraction = result.map_err(|e| match part.label.as_str() {
            "" => e,
            label => format!("unit {} ({label}): {e}", index + 1),
        })?;
        out.cooccurrence_units += u64::from(extraction.units);
        for p in &extraction.pairs {
            *pairs.entry((p.a, p.b)).or_default() += u64::from(p.count);
        }
        let mut counts: Vec<(EntityIdx, u32)> = extraction.entities.iter().map(|e| (e.entity, e.mentions)).collect();
        counts.sort_unstable();
        out.parts.push(PartCounts { label: part.label.clone(), entities: counts });
        let (mut byte_at, mut char_at) = (part.start, part_chars[index]);
        let mut prefix = Vec::new();
        prefix.extend_from_slice(b"{\"doc\":");
        json_str(&mut prefix, id);
        write!(prefix, ",\"unit\":{},\"unit_label\":", index + 1).expect("writing to a Vec");
        json_str(&mut prefix, &part.label);
        prefix.extend_from_slice(b",\"zone\":");
        for m in &extraction.mentions {
            let (start, end) = (part.start + m.start, part.start + m.end);
            let (char_start, char_end) = if masked.is_none() {
                // The engine counted chars on this very text.
                (part_chars[index] + m.char_start, part_chars[index] + m.char_end)
            } else {
                // Masking may replace chars of other lengths: count on the original.
                char_at += chars_between(text.as_bytes(), byte_at, start);
                let char_start = char_at;
                char_at += chars_between(text.as_bytes(), start, end);
                byte_at = end;
                (char_start, char_at)
            };
            let entity = gazetteer.entity(m.entity);
            // Mentions come in order: the footnote zones they pass are left behind.
            while layout.footnotes.get(note).is_some_and(|f| f.end <= start) {
                note += 1;
            }
            let in_footnote = layout.footnotes.get(note).is_some_and(|f| f.start <= start);
            let fields = LineFields {
                zone: if in_footnote { "footnote" } else { "body" },
                start,
                end,
                char_start,
                char_end,
                form: m.form,
                text: &text[start..end],
            };
            lines.write(&mut out.jsonl, &prefix, &fields, m.entity, &m.alternatives);
            out.mentions += 1;
            out.mentions_by_kind[kind_index(entity.kind)] += 1;
            if show.is_some() {
                spans.push(Span { start, end, entity: m.entity });
            }
        }
    }
    let mut pairs: Vec<(EntityIdx, EntityIdx, u64)> = pairs.into_iter().map(|((a, b), c)| (a, b, c)).collect();
    pairs.sort_unstable();
    out.pairs = pairs;
    if let Some(ordinal) = show {
        let shown = Shown { text, spans, footnotes: layout.footnotes, parts };
        let html = super::report::article(ordinal, id, &shown, gazetteer);
        out.shown = Some(ShownHtml { html, mentions: shown.spans.len() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy without escapes writes what serde_json writes, for every ASCII char alone
    /// and inside text, and for text of other scripts.
    #[test]
    fn json_strings_are_the_bytes_serde_writes() {
        let mut texts: Vec<String> = (0u8..0x80).map(|b| (b as char).to_string()).collect();
        texts.extend((0u8..0x80).map(|b| format!("Minsk{}Biélorussie", b as char)));
        texts.extend(["", "Saint-Pétersbourg", "Москва 😀", "«CEI»"].map(String::from));
        for text in &texts {
            let mut ours = Vec::new();
            json_str(&mut ours, text);
            assert_eq!(ours, serde_json::to_vec(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn hand_written_lines_are_the_bytes_serde_writes() {
        let engine = gazet_core::Extractor::embedded().unwrap();
        let g = engine.gazetteer();
        let by = g.lookup("iso3166-1:BY").unwrap();
        let ru = g.lookup("iso3166-1:RU").unwrap();
        let mut writer = LineWriter::new(g);
        for (doc, label, text, alternatives) in [
            ("book.txt", "", "Biélorussie", vec![]),
            ("dir/\"q\"\\.txt", "Chapitre 2 :\tla \u{1}CEI", "Saint-\n\nPétersbourg \u{7f}😀", vec![ru, by]),
        ] {
            let mut prefix = b"{\"doc\":".to_vec();
            json_str(&mut prefix, doc);
            write!(prefix, ",\"unit\":{},\"unit_label\":", 3).unwrap();
            json_str(&mut prefix, label);
            prefix.extend_from_slice(b",\"zone\":");
            let fields = LineFields {
                zone: "footnote",
                start: 10,
                end: 10 + text.len(),
                char_start: 9,
                char_end: 9 + text.chars().count(),
                form: Form::Adjective,
                text,
            };
            let mut ours = Vec::new();
            writer.write(&mut ours, &prefix, &fields, by, &alternatives);
            writer.write(&mut ours, &prefix, &fields, by, &alternatives);
            let entity = g.entity(by);
            let line = Line {
                doc,
                unit: 3,
                unit_label: label,
                zone: fields.zone,
                start: fields.start,
                end: fields.end,
                char_start: fields.char_start,
                char_end: fields.char_end,
                id: &entity.id,
                kind: entity.kind,
                form: fields.form,
                canonical: &entity.name,
                text,
                alternatives: alternatives.iter().map(|&a| g.entity(a).id.as_str()).collect(),
            };
            let mut theirs = serde_json::to_vec(&line).unwrap();
            theirs.push(b'\n');
            let twice = [theirs.clone(), theirs].concat();
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(twice).unwrap());
        }
    }
}
