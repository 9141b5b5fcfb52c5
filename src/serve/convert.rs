//! Conversions between the gazet.v1 messages and the engine's types, and the validation
//! of every request field. Handlers call these and nothing else touches both worlds.

use gazet_core::cooccur::{EntityTotal, PairTotal};
use gazet_core::{Aggregate, CoUnit, Entity, ExtractOptions, Extraction, Extractor, Form, Kind};
use tonic::Status;

use super::engine::Engine;
use crate::proto::v1 as pb;

/// Validates request options. `field` is the path of the options field in the request
/// ("options"), used in error messages.
pub fn options(o: Option<&pb::ExtractOptions>, field: &str) -> Result<ExtractOptions, Status> {
    let Some(o) = o else { return Ok(ExtractOptions::default()) };
    let kinds = kinds(&o.kinds, &format!("{field}.kinds"))?;
    let unit = match pb::CoUnit::try_from(o.unit) {
        Ok(pb::CoUnit::Unspecified | pb::CoUnit::Sentence) => CoUnit::Sentence,
        Ok(pb::CoUnit::Document) => CoUnit::Document,
        Ok(pb::CoUnit::Window) => {
            if o.window_words == 0 {
                return Err(invalid(format!("{field}.window_words: must be at least 1 with CO_UNIT_WINDOW")));
            }
            CoUnit::Window(o.window_words)
        }
        Err(_) => return Err(unknown_enum(&format!("{field}.unit"), "CoUnit", o.unit)),
    };
    if o.window_words != 0 && !matches!(unit, CoUnit::Window(_)) {
        return Err(invalid(format!(
            "{field}.window_words: is {} but only allowed with unit CO_UNIT_WINDOW",
            o.window_words
        )));
    }
    let overlapping = match pb::OverlapMode::try_from(o.overlap) {
        Ok(pb::OverlapMode::Unspecified | pb::OverlapMode::Longest) => false,
        Ok(pb::OverlapMode::All) => true,
        Err(_) => return Err(unknown_enum(&format!("{field}.overlap"), "OverlapMode", o.overlap)),
    };
    Ok(ExtractOptions {
        kinds,
        overlapping,
        alternatives: o.alternatives.unwrap_or(true),
        utf16: o.utf16_offsets,
        unit,
        min_pair_count: o.min_pair_count.max(1),
    })
}

/// Validates a kind filter.
pub fn kinds(values: &[i32], field: &str) -> Result<Vec<Kind>, Status> {
    let mut out = Vec::with_capacity(values.len());
    for (i, &value) in values.iter().enumerate() {
        let kind = match pb::Kind::try_from(value) {
            Ok(pb::Kind::State) => Kind::State,
            Ok(pb::Kind::Region) => Kind::Region,
            Ok(pb::Kind::Firm) => Kind::Firm,
            Ok(pb::Kind::Institution) => Kind::Institution,
            Ok(pb::Kind::Unspecified) => {
                return Err(invalid(format!("{field}[{i}]: KIND_UNSPECIFIED is not a kind")));
            }
            Err(_) => return Err(unknown_enum(&format!("{field}[{i}]"), "Kind", value)),
        };
        if !out.contains(&kind) {
            out.push(kind);
        }
    }
    Ok(out)
}

/// INVALID_ARGUMENT for an enum value the API does not define.
pub fn unknown_enum(field: &str, enum_name: &str, value: i32) -> Status {
    invalid(format!("{field}: unknown {enum_name} value {value}"))
}

pub fn invalid(message: String) -> Status {
    Status::invalid_argument(message)
}

/// Checks an answer against the maximum message size: over it, RESOURCE_EXHAUSTED naming
/// the limit and the size (tonic alone would fail the call with a bare OUT_OF_RANGE).
pub fn sized<M: prost::Message>(message: M, max_message_bytes: usize) -> Result<M, Status> {
    let size = message.encoded_len();
    if size > max_message_bytes {
        return Err(Status::resource_exhausted(format!(
            "response message would be {size} bytes, over the maximum message size of {max_message_bytes} bytes \
             (--max-message-bytes); send shorter texts or ask for fewer mentions"
        )));
    }
    Ok(message)
}

/// Checks a document's text against the per-document limit.
pub fn check_text(text: &str, max_text_bytes: usize, field: &str) -> Result<(), Status> {
    if text.len() > max_text_bytes {
        return Err(invalid(format!(
            "{field}: text is {} bytes, over the per-document limit of {max_text_bytes} bytes (--max-text-bytes)",
            text.len()
        )));
    }
    Ok(())
}

pub fn kind(kind: Kind) -> pb::Kind {
    match kind {
        Kind::State => pb::Kind::State,
        Kind::Region => pb::Kind::Region,
        Kind::Firm => pb::Kind::Firm,
        Kind::Institution => pb::Kind::Institution,
    }
}

pub fn form(form: Form) -> pb::Form {
    match form {
        Form::Name => pb::Form::Name,
        Form::Acronym => pb::Form::Acronym,
        Form::Adjective => pb::Form::Adjective,
        Form::Demonym => pb::Form::Demonym,
        Form::Prefix => pb::Form::Prefix,
    }
}

/// The answer to one text.
pub fn extraction(extractor: &Extractor, text: &str, e: &Extraction) -> pb::ExtractResponse {
    let g = extractor.gazetteer();
    let id = |idx| g.entity(idx).id.clone();
    pb::ExtractResponse {
        mentions: e
            .mentions
            .iter()
            .map(|m| {
                let entity = g.entity(m.entity);
                pb::Mention {
                    start: m.start as u64,
                    end: m.end as u64,
                    char_start: m.char_start as u64,
                    char_end: m.char_end as u64,
                    utf16_start: m.utf16.map(|u| u.0 as u64),
                    utf16_end: m.utf16.map(|u| u.1 as u64),
                    text: text[m.start..m.end].to_owned(),
                    entity_id: entity.id.clone(),
                    kind: kind(entity.kind) as i32,
                    form: form(m.form) as i32,
                    canonical: entity.name.clone(),
                    alternatives: m.alternatives.iter().map(|&a| id(a)).collect(),
                }
            })
            .collect(),
        entities: e
            .entities
            .iter()
            .map(|c| pb::EntityCount { entity_id: id(c.entity), mentions: c.mentions, units: c.units })
            .collect(),
        pairs: e.pairs.iter().map(|p| pb::PairCount { a: id(p.a), b: id(p.b), count: p.count }).collect(),
        units: e.units,
    }
}

/// Corpus totals.
pub fn aggregate(extractor: &Extractor, a: &Aggregate, min_pair_count: u32) -> pb::AggregateResponse {
    let g = extractor.gazetteer();
    let id = |idx| g.entity(idx).id.clone();
    pb::AggregateResponse {
        documents: a.documents,
        units: a.units,
        mentions: a.mentions,
        entities: a
            .entities()
            .into_iter()
            .map(|t: EntityTotal| pb::EntityTotal {
                entity_id: id(t.entity),
                mentions: t.mentions,
                units: t.units,
                documents: t.documents,
            })
            .collect(),
        pairs: a
            .pairs(u64::from(min_pair_count.max(1)))
            .into_iter()
            .map(|p: PairTotal| pb::PairTotal { a: id(p.a), b: id(p.b), count: p.count })
            .collect(),
        content_hash: g.content_hash().to_owned(),
    }
}

/// An entity, as written in its row.
pub fn entity(e: &Entity) -> pb::Entity {
    let texts = |v: &[gazet_core::gazetteer::Surface]| v.iter().map(|s| s.text.clone()).collect();
    pb::Entity {
        id: e.id.clone(),
        kind: kind(e.kind) as i32,
        subtype: e.subtype.clone(),
        name: e.name.clone(),
        parent: e.parent.clone().unwrap_or_default(),
        xrefs: e.xrefs.clone(),
        prior: e.prior,
        names: texts(&e.names),
        acronyms: texts(&e.acronyms),
        adjectives: texts(&e.adjectives),
        prefixes: texts(&e.prefixes),
        designators: e.designators.clone(),
        article: e.article.clone().unwrap_or_default(),
    }
}

/// What an engine serves.
pub fn info(engine: &Engine) -> pb::InfoResponse {
    let g = engine.extractor.gazetteer();
    let stats = engine.extractor.stats();
    pb::InfoResponse {
        content_hash: g.content_hash().to_owned(),
        entities: g.len() as u64,
        counts_by_kind: g
            .counts_by_kind()
            .into_iter()
            .map(|(k, n)| pb::KindCount { kind: kind(k) as i32, count: n as u64 })
            .collect(),
        surface_forms: stats.surface_forms as u64,
        patterns: stats.patterns as u64,
        automaton_bytes: stats.automaton_bytes as u64,
        build_millis: stats.build_millis,
        server_version: env!("CARGO_PKG_VERSION").to_owned(),
        source: engine.source.to_string(),
        files: g.files().to_vec(),
        loaded_at_unix_millis: engine
            .loaded_at
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::Code;

    #[test]
    fn options_name_the_bad_field() {
        let bad = |o: pb::ExtractOptions| options(Some(&o), "options").unwrap_err();
        let e = bad(pb::ExtractOptions { unit: 42, ..Default::default() });
        assert_eq!(e.code(), Code::InvalidArgument);
        assert!(e.message().contains("options.unit") && e.message().contains("42"), "{}", e.message());
        let e = bad(pb::ExtractOptions { kinds: vec![1, 9], ..Default::default() });
        assert!(e.message().starts_with("options.kinds[1]"), "{}", e.message());
        let e = bad(pb::ExtractOptions { kinds: vec![0], ..Default::default() });
        assert!(e.message().contains("KIND_UNSPECIFIED"), "{}", e.message());
        let e = bad(pb::ExtractOptions { unit: pb::CoUnit::Window as i32, ..Default::default() });
        assert!(e.message().starts_with("options.window_words"), "{}", e.message());
        let e = bad(pb::ExtractOptions { window_words: 3, ..Default::default() });
        assert!(e.message().starts_with("options.window_words"), "{}", e.message());
        let e = bad(pb::ExtractOptions { overlap: -1, ..Default::default() });
        assert!(e.message().starts_with("options.overlap"), "{}", e.message());
    }

    #[test]
    fn options_defaults_match_the_engine() {
        let o = options(Some(&pb::ExtractOptions::default()), "options").unwrap();
        let d = ExtractOptions::default();
        assert_eq!(
            (o.overlapping, o.alternatives, o.utf16, o.unit, o.min_pair_count),
            (d.overlapping, d.alternatives, d.utf16, d.unit, d.min_pair_count)
        );
        let o = options(
            Some(&pb::ExtractOptions {
                kinds: vec![pb::Kind::State as i32, pb::Kind::State as i32],
                unit: pb::CoUnit::Window as i32,
                window_words: 5,
                min_pair_count: 3,
                overlap: pb::OverlapMode::All as i32,
                alternatives: Some(false),
                utf16_offsets: true,
            }),
            "options",
        )
        .unwrap();
        assert_eq!(o.kinds, [Kind::State]);
        assert_eq!(
            (o.unit, o.min_pair_count, o.overlapping, o.alternatives, o.utf16),
            (CoUnit::Window(5), 3, true, false, true)
        );
    }
}
