//! The gazet.v1 service, end to end: a real server on an ephemeral port, called with the
//! generated tonic client.

mod grpc_common;

use std::time::Duration;

use gazet::proto::v1 as pb;
use gazet::serve::auth::Auth;
use gazet::serve::engine::Source;
use gazet::serve::Config;
use gazet_core::{Aggregate, CoUnit, ExtractOptions, Kind};
use grpc_common::*;
use tonic::codec::CompressionEncoding;
use tonic::{Code, Request};

/// A real sentence of the book (its line breaks joined).
const BELARUS: &str = "La République du Bélarus a toujours plaidé en faveur du renforcement du potentiel \
économique de cette association de pays post-soviétiques et de l'élargissement de leurs liens commerciaux et \
productifs afin de consolider la dynamique positive observée dans la CEI.";

fn extract(text: &str, options: Option<pb::ExtractOptions>) -> pb::ExtractRequest {
    pb::ExtractRequest { text: text.into(), options }
}

/// What the library itself answers, in the API's terms.
fn expected(text: &str, options: &ExtractOptions) -> pb::ExtractResponse {
    let engine = engine();
    let e = engine.extractor.extract(text, options);
    gazet::serve::convert::extraction(&engine.extractor, text, &e)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn extract_real_sentences() {
    let server = start(Config::default(), None).await;
    let mut client = client(server.addr).await;

    let got = client.extract(extract(BELARUS, None)).await.unwrap().into_inner();
    let found: Vec<(&str, &str, i32)> =
        got.mentions.iter().map(|m| (m.text.as_str(), m.entity_id.as_str(), m.form)).collect();
    assert_eq!(
        found,
        [
            ("République du Bélarus", "iso3166-1:BY", pb::Form::Name as i32),
            ("CEI", "gazet:inst/cis", pb::Form::Acronym as i32)
        ],
        "post-soviétiques is not the USSR"
    );
    let by = &got.mentions[0];
    assert_eq!((by.start, by.end, by.char_start, by.char_end), (3, 26, 3, 24));
    assert_eq!((by.kind, by.canonical.as_str()), (pb::Kind::State as i32, "Biélorussie"));
    assert_eq!(by.utf16_start, None, "UTF-16 offsets only when asked");
    assert_eq!(got, expected(BELARUS, &ExtractOptions::default()));
    assert_eq!(got.pairs.len(), 1);
    assert_eq!((got.pairs[0].count, got.units), (1, 1));

    // Options: kinds, UTF-16 offsets, windows, no alternatives, overlapping, all equal to
    // the library's answer with the same options.
    let text = "Les Biélorusses et les Kazakhs 🙂 coopèrent avec la Fédération de Russie à Minsk. \
                Le Kazakhstan aussi.";
    let options = pb::ExtractOptions {
        kinds: vec![pb::Kind::State as i32],
        unit: pb::CoUnit::Window as i32,
        window_words: 4,
        utf16_offsets: true,
        ..Default::default()
    };
    let got = client.extract(extract(text, Some(options))).await.unwrap().into_inner();
    let mine = ExtractOptions { kinds: vec![Kind::State], unit: CoUnit::Window(4), utf16: true, ..Default::default() };
    assert_eq!(got, expected(text, &mine));
    assert!(got.mentions.iter().all(|m| m.kind == pb::Kind::State as i32));
    let ru = got.mentions.iter().find(|m| m.entity_id == "iso3166-1:RU").unwrap();
    assert_eq!(ru.utf16_end.unwrap() - ru.utf16_start.unwrap(), 20);
    assert_eq!(ru.char_start + 1, ru.utf16_start.unwrap(), "the emoji is two UTF-16 units");

    let options = pb::ExtractOptions {
        unit: pb::CoUnit::Document as i32,
        overlap: pb::OverlapMode::All as i32,
        alternatives: Some(false),
        min_pair_count: 1,
        ..Default::default()
    };
    let got = client.extract(extract(text, Some(options))).await.unwrap().into_inner();
    let mine = ExtractOptions { unit: CoUnit::Document, overlapping: true, alternatives: false, ..Default::default() };
    assert_eq!(got, expected(text, &mine));
    assert!(got.mentions.iter().all(|m| m.alternatives.is_empty()));
    assert_eq!(got.units, 1);

    // Empty text is valid and returns nothing.
    let got = client.extract(extract("", None)).await.unwrap().into_inner();
    assert_eq!(got, pb::ExtractResponse::default());

    // gzip both ways.
    let mut gz = client.clone().send_compressed(CompressionEncoding::Gzip).accept_compressed(CompressionEncoding::Gzip);
    let response = gz.extract(extract(BELARUS, None)).await.unwrap();
    assert_eq!(response.metadata().get("grpc-encoding").map(|v| v.to_str().unwrap()), Some("gzip"));
    assert_eq!(response.into_inner(), expected(BELARUS, &ExtractOptions::default()));
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn extract_stream_keeps_every_document_in_order() {
    let config = Config { max_text_bytes: 4000, ..Config::default() };
    let server = start(config, None).await;
    let mut client = client(server.addr).await;
    let paragraphs = paragraphs();
    let long = "Kazakhstan ".repeat(400);
    const N: usize = 10_000;
    const BAD_OPTIONS: usize = 4_321;
    const TOO_LONG: usize = 7_654;
    let requests: Vec<pb::ExtractStreamRequest> = (0..N)
        .map(|i| pb::ExtractStreamRequest {
            doc_id: format!("doc-{i}"),
            text: match i {
                TOO_LONG => long.clone(),
                _ => paragraphs[i % paragraphs.len()].to_owned(),
            },
            options: match i {
                0 => Some(pb::ExtractOptions { unit: pb::CoUnit::Document as i32, ..Default::default() }),
                BAD_OPTIONS => Some(pb::ExtractOptions { unit: 99, ..Default::default() }),
                _ => None,
            },
        })
        .collect();
    let mut responses = client.extract_stream(tokio_stream::iter(requests)).await.unwrap().into_inner();
    let mut got = Vec::with_capacity(N);
    while let Some(r) = responses.message().await.unwrap() {
        got.push(r);
    }
    assert_eq!(got.len(), N, "no document lost");
    let document = ExtractOptions { unit: CoUnit::Document, ..Default::default() };
    for (i, r) in got.iter().enumerate() {
        assert_eq!(r.doc_id, format!("doc-{i}"), "order kept");
        match (i, r.outcome.as_ref().unwrap()) {
            (BAD_OPTIONS, pb::extract_stream_response::Outcome::Error(e)) => {
                assert_eq!(e.code, Code::InvalidArgument as i32);
                assert!(e.message.contains("options.unit") && e.message.contains("99"), "{}", e.message);
            }
            (TOO_LONG, pb::extract_stream_response::Outcome::Error(e)) => {
                assert_eq!(e.code, Code::InvalidArgument as i32);
                assert!(e.message.contains("4400 bytes") && e.message.contains("4000"), "{}", e.message);
            }
            (_, pb::extract_stream_response::Outcome::Result(result)) => {
                assert!(i != BAD_OPTIONS && i != TOO_LONG);
                // The options of document 0 stay in force (a bad one does not replace them).
                if i % 97 == 0 || i == BAD_OPTIONS + 1 {
                    assert_eq!(*result, expected(paragraphs[i % paragraphs.len()], &document), "document {i}");
                }
            }
            (_, other) => panic!("document {i}: {other:?}"),
        }
    }
    server.shutdown().await.unwrap();
}

/// The promise: a stream of 100,000 documents loses none. Short documents keep the
/// test quick in debug builds; every answer is checked for its id, place and mentions.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn extract_stream_of_100_000_documents_loses_none() {
    let server = start(Config::default(), None).await;
    let mut client = client(server.addr).await;
    const N: usize = 100_000;
    let requests = (0..N).map(|i| pb::ExtractStreamRequest {
        doc_id: i.to_string(),
        text: format!("Le Kazakhstan et le Bélarus, note {i}."),
        options: None,
    });
    let mut responses = client.extract_stream(tokio_stream::iter(requests)).await.unwrap().into_inner();
    let mut count = 0;
    while let Some(r) = responses.message().await.unwrap() {
        assert_eq!(r.doc_id, count.to_string(), "order kept");
        let Some(pb::extract_stream_response::Outcome::Result(result)) = r.outcome else {
            panic!("document {count}: {:?}", r.outcome)
        };
        let ids: Vec<&str> = result.mentions.iter().map(|m| m.entity_id.as_str()).collect();
        assert_eq!(ids, ["iso3166-1:KZ", "iso3166-1:BY"], "document {count}");
        count += 1;
    }
    assert_eq!(count, N, "no document lost");
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aggregate_over_the_book_equals_the_library() {
    let server = start(Config::default(), None).await;
    let mut client = client(server.addr).await;
    let chapters = pieces(20_000);
    assert!(chapters.len() > 10);
    let options = pb::ExtractOptions { min_pair_count: 2, ..Default::default() };
    let requests: Vec<pb::AggregateRequest> = chapters
        .iter()
        .enumerate()
        .map(|(i, text)| pb::AggregateRequest {
            doc_id: format!("chapter-{i}"),
            text: text.to_string(),
            options: (i == 0).then(|| options.clone()),
        })
        .collect();
    let got = client.aggregate(tokio_stream::iter(requests)).await.unwrap().into_inner();

    let engine = engine();
    let mut library = Aggregate::default();
    for text in &chapters {
        library.add(&engine.extractor.extract(text, &ExtractOptions::default()));
    }
    assert_eq!(got, gazet::serve::convert::aggregate(&engine.extractor, &library, 2));
    assert_eq!(got.documents as usize, chapters.len());
    assert!(got.mentions > 500 && got.pairs.iter().all(|p| p.count >= 2), "{} mentions", got.mentions);
    let by = got.entities.iter().find(|e| e.entity_id == "iso3166-1:BY").unwrap();
    assert!(by.documents > 5 && by.mentions > 50, "{by:?}");

    // Only the first request may carry options.
    let requests = vec![
        pb::AggregateRequest { doc_id: "a".into(), text: BELARUS.into(), options: Some(options.clone()) },
        pb::AggregateRequest { doc_id: "b".into(), text: BELARUS.into(), options: Some(options) },
    ];
    let e = client.aggregate(tokio_stream::iter(requests)).await.unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert!(e.message().contains("documents[1]") && e.message().contains(".options"), "{}", e.message());
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entities_by_id_and_by_search() {
    let server = start(Config::default(), None).await;
    let mut client = client(server.addr).await;

    let by = client.get_entity(pb::GetEntityRequest { id: "iso3166-1:BY".into() }).await.unwrap().into_inner();
    let by = by.entity.unwrap();
    assert_eq!((by.name.as_str(), by.kind), ("Biélorussie", pb::Kind::State as i32));
    assert!(by.names.iter().any(|n| n == "Bélarus"), "{:?}", by.names);
    let e = client.get_entity(pb::GetEntityRequest { id: "iso3166-1:XX".into() }).await.unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    assert!(e.message().contains("iso3166-1:XX"), "{}", e.message());

    let search = |query: &str, mode: pb::SearchMode, kinds: Vec<i32>, page_size: u32, page_token: String| {
        pb::SearchEntitiesRequest { query: query.into(), mode: mode as i32, kinds, page_size, page_token }
    };
    // Prefix, case- and accent-insensitive.
    let r = client
        .search_entities(search("bielo", pb::SearchMode::NamePrefix, vec![], 0, String::new()))
        .await
        .unwrap()
        .into_inner();
    assert!(r.hits.iter().any(|h| h.entity.as_ref().unwrap().id == "iso3166-1:BY"), "{r:?}");
    // Surface: an inflected demonym.
    let r = client
        .search_entities(search("Biélorusses", pb::SearchMode::Surface, vec![], 0, String::new()))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(r.hits.len(), 1, "{r:?}");
    assert_eq!(r.hits[0].entity.as_ref().unwrap().id, "iso3166-1:BY");
    assert!(r.hits[0].form == pb::Form::Demonym as i32 || r.hits[0].form == pb::Form::Adjective as i32);

    // Pages: all of them, each entity once, in the filter's kind.
    let kinds = vec![pb::Kind::Region as i32];
    let mut seen = Vec::new();
    let mut token = String::new();
    let total = loop {
        let r = client
            .search_entities(search("go", pb::SearchMode::NamePrefix, kinds.clone(), 3, token.clone()))
            .await
            .unwrap()
            .into_inner();
        assert!(r.hits.len() <= 3);
        for h in &r.hits {
            let e = h.entity.as_ref().unwrap();
            assert_eq!(e.kind, pb::Kind::Region as i32);
            seen.push(e.id.clone());
        }
        if r.next_page_token.is_empty() {
            break r.total_size;
        }
        token = r.next_page_token;
    };
    assert!(seen.len() > 3, "{seen:?}");
    assert_eq!(seen.len(), total as usize);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len());

    // A token does not carry over to another query.
    let first = client
        .search_entities(search("go", pb::SearchMode::NamePrefix, kinds.clone(), 3, String::new()))
        .await
        .unwrap()
        .into_inner();
    let e = client
        .search_entities(search("ka", pb::SearchMode::NamePrefix, kinds, 3, first.next_page_token))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert!(e.message().starts_with("page_token"), "{}", e.message());
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn info_describes_the_gazetteer() {
    let server = start(Config::default(), None).await;
    let mut client = client(server.addr).await;
    let info = client.info(pb::InfoRequest {}).await.unwrap().into_inner();
    let engine = engine();
    let g = engine.extractor.gazetteer();
    assert_eq!(info.content_hash, g.content_hash());
    assert_eq!(info.entities as usize, g.len());
    assert_eq!(info.counts_by_kind.iter().map(|c| c.count).sum::<u64>(), info.entities);
    let states = info.counts_by_kind.iter().find(|c| c.kind == pb::Kind::State as i32).unwrap();
    assert!(states.count > 200);
    assert_eq!(info.surface_forms as usize, engine.extractor.stats().surface_forms);
    assert!(info.patterns > 0 && info.automaton_bytes > 0 && info.build_millis > 0.0);
    assert_eq!(info.server_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(info.source, "embedded");
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_error_code() {
    let config = Config { max_message_bytes: 100_000, max_text_bytes: 50_000, ..Config::default() };
    let server = start(config, None).await;
    let mut client = client(server.addr).await;
    let fails = |r: Result<tonic::Response<pb::ExtractResponse>, tonic::Status>| r.unwrap_err();

    // Bad options name their field.
    let cases: [(pb::ExtractOptions, &str); 6] = [
        (pb::ExtractOptions { unit: 7, ..Default::default() }, "options.unit"),
        (pb::ExtractOptions { kinds: vec![1, 42], ..Default::default() }, "options.kinds[1]"),
        (pb::ExtractOptions { kinds: vec![0], ..Default::default() }, "options.kinds[0]"),
        (pb::ExtractOptions { overlap: 5, ..Default::default() }, "options.overlap"),
        (pb::ExtractOptions { unit: pb::CoUnit::Window as i32, ..Default::default() }, "options.window_words"),
        (pb::ExtractOptions { window_words: 3, ..Default::default() }, "options.window_words"),
    ];
    for (options, field) in cases {
        let e = fails(client.extract(extract(BELARUS, Some(options))).await);
        assert_eq!(e.code(), Code::InvalidArgument, "{field}: {e:?}");
        assert!(e.message().starts_with(field), "{field}: {}", e.message());
    }
    let e = client
        .search_entities(pb::SearchEntitiesRequest { query: "x".into(), mode: 3, ..Default::default() })
        .await
        .unwrap_err();
    assert_eq!((e.code(), e.message().starts_with("mode")), (Code::InvalidArgument, true), "{e:?}");
    let e = client.search_entities(pb::SearchEntitiesRequest::default()).await.unwrap_err();
    assert_eq!((e.code(), e.message().starts_with("query")), (Code::InvalidArgument, true), "{e:?}");

    // Text over the per-document limit: INVALID_ARGUMENT naming the limit and the size.
    let e = fails(client.extract(extract(&"a".repeat(60_000), None)).await);
    assert_eq!(e.code(), Code::InvalidArgument);
    assert!(e.message().contains("60000 bytes") && e.message().contains("50000 bytes"), "{}", e.message());
    // Message over the size limit: RESOURCE_EXHAUSTED naming the limit and the size.
    let e = fails(client.extract(extract(&"a".repeat(200_000), None)).await);
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    assert!(e.message().contains("200004 bytes") && e.message().contains("100000 bytes"), "{}", e.message());
    // The same inside a stream.
    let requests = vec![pb::AggregateRequest { text: "a".repeat(200_000), ..Default::default() }];
    let e = client.aggregate(tokio_stream::iter(requests)).await.unwrap_err();
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    // The server still serves.
    client.extract(extract(BELARUS, None)).await.unwrap();

    // NOT_FOUND.
    let e = client.get_entity(pb::GetEntityRequest { id: "gazet:firm/none".into() }).await.unwrap_err();
    assert_eq!(e.code(), Code::NotFound);

    server.shutdown().await.unwrap();

    // Deadlines: the whole book cannot be extracted in a millisecond. (tonic's client
    // enforces the deadline itself too and reports its own CANCELLED when it fires first.)
    let config = Config { request_timeout: Duration::from_millis(1), ..Config::default() };
    let server = start(config, None).await;
    let mut client = grpc_common::client(server.addr).await;
    let mut request = Request::new(extract(book(), None));
    request.set_timeout(Duration::from_micros(500));
    let e = client.extract(request).await.unwrap_err();
    assert!(matches!(e.code(), Code::DeadlineExceeded | Code::Cancelled), "{e:?}");
    // The server's own request timeout.
    let e = client.extract(extract(book(), None)).await.unwrap_err();
    assert_eq!(e.code(), Code::DeadlineExceeded, "{e:?}");
    assert!(e.message().contains("request timeout"), "{}", e.message());
    server.shutdown().await.unwrap();
}

/// An answer over the maximum message size is refused with RESOURCE_EXHAUSTED naming the
/// limit and the size, in a unary call and per document in a stream.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_over_the_message_size_limit() {
    let config = Config { max_message_bytes: 4000, ..Config::default() };
    let server = start(config, None).await;
    let mut client = client(server.addr).await;
    // 2,200 bytes in, 200 mentions out: well over 4,000 bytes.
    let many = "Kazakhstan ".repeat(200);
    let e = client.extract(extract(&many, None)).await.unwrap_err();
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    assert!(e.message().contains("response message") && e.message().contains("4000 bytes"), "{}", e.message());
    let size: usize = e.message().split("would be ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!(size > 4000, "{}", e.message());
    // The same text with fewer kinds asked for is answered.
    let options = pb::ExtractOptions { kinds: vec![pb::Kind::Firm as i32], ..Default::default() };
    assert!(client.extract(extract(&many, Some(options))).await.unwrap().into_inner().mentions.is_empty());

    // In a stream, the document gets the error and the stream goes on.
    let doc =
        |i: usize, text: &str| pb::ExtractStreamRequest { doc_id: i.to_string(), text: text.into(), options: None };
    let requests = vec![doc(0, BELARUS), doc(1, &many), doc(2, BELARUS)];
    let mut responses = client.extract_stream(tokio_stream::iter(requests)).await.unwrap().into_inner();
    let mut outcomes = Vec::new();
    while let Some(r) = responses.message().await.unwrap() {
        outcomes.push((r.doc_id, r.outcome.unwrap()));
    }
    assert_eq!(outcomes.len(), 3);
    match &outcomes[1] {
        (id, pb::extract_stream_response::Outcome::Error(e)) if id == "1" => {
            assert_eq!(e.code, Code::ResourceExhausted as i32);
            assert!(e.message.contains("4000 bytes"), "{}", e.message);
        }
        other => panic!("{other:?}"),
    }
    for (id, outcome) in [&outcomes[0], &outcomes[2]] {
        assert!(matches!(outcome, pb::extract_stream_response::Outcome::Result(_)), "{id}: {outcome:?}");
    }
    server.shutdown().await.unwrap();
}

/// Kubernetes probes answer under load: health checks do not wait for the concurrency
/// limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_answers_when_every_slot_is_taken() {
    use tonic_health::pb::health_check_response::ServingStatus;
    use tonic_health::pb::health_client::HealthClient;
    use tonic_health::pb::HealthCheckRequest;

    let config = Config { concurrency_limit: 1, ..Config::default() };
    let server = start(config, None).await;
    let mut client = client(server.addr).await;
    // The one slot: an Aggregate call holds it until its last document is in.
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let mut aggregating = client.clone();
    let aggregate =
        tokio::spawn(async move { aggregating.aggregate(tokio_stream::wrappers::ReceiverStream::new(rx)).await });
    tx.send(pb::AggregateRequest { doc_id: "a".into(), text: BELARUS.into(), options: None }).await.unwrap();
    // Once the slot is taken, other calls wait for it (here until their deadline).
    let mut held = false;
    for _ in 0..100 {
        let mut request = Request::new(pb::InfoRequest {});
        request.set_timeout(Duration::from_millis(100));
        match client.info(request).await {
            Ok(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            Err(e) => {
                assert!(matches!(e.code(), Code::DeadlineExceeded | Code::Cancelled), "{e:?}");
                held = true;
                break;
            }
        }
    }
    assert!(held, "the Aggregate call never took the slot");
    // Health checks do not wait.
    let mut health = HealthClient::new(channel(server.addr).await);
    let mut probe = Request::new(HealthCheckRequest { service: String::new() });
    probe.set_timeout(Duration::from_secs(10));
    let r = health.check(probe).await.expect("the probe is answered at once").into_inner();
    assert_eq!(r.status, ServingStatus::Serving as i32);
    // The slot comes back when the Aggregate call ends.
    drop(tx);
    let totals = aggregate.await.unwrap().unwrap().into_inner();
    assert_eq!(totals.documents, 1);
    client.info(pb::InfoRequest {}).await.unwrap();
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_reflection_answer() {
    use tonic_health::pb::health_check_response::ServingStatus;
    use tonic_health::pb::health_client::HealthClient;
    use tonic_health::pb::HealthCheckRequest;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    use tonic_reflection::pb::v1::ServerReflectionRequest;

    let server = start(Config::default(), None).await;
    let channel = channel(server.addr).await;
    let mut health = HealthClient::new(channel.clone());
    for service in ["", "gazet.v1.Gazet"] {
        let r = health.check(HealthCheckRequest { service: service.into() }).await.unwrap().into_inner();
        assert_eq!(r.status, ServingStatus::Serving as i32, "{service:?}");
    }
    let e = health.check(HealthCheckRequest { service: "nope".into() }).await.unwrap_err();
    assert_eq!(e.code(), Code::NotFound);

    let mut reflection = ServerReflectionClient::new(channel);
    let ask = |m: MessageRequest| ServerReflectionRequest { host: String::new(), message_request: Some(m) };
    let requests = vec![
        ask(MessageRequest::ListServices(String::new())),
        ask(MessageRequest::FileContainingSymbol("gazet.v1.Gazet".into())),
    ];
    let mut answers = reflection.server_reflection_info(tokio_stream::iter(requests)).await.unwrap().into_inner();
    let Some(MessageResponse::ListServicesResponse(list)) = answers.message().await.unwrap().unwrap().message_response
    else {
        panic!("no service list")
    };
    let names: Vec<&str> = list.service.iter().map(|s| s.name.as_str()).collect();
    for name in
        ["gazet.v1.Gazet", "gazet.v1.GazetAdmin", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"]
    {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    let Some(MessageResponse::FileDescriptorResponse(files)) =
        answers.message().await.unwrap().unwrap().message_response
    else {
        panic!("no file descriptor")
    };
    let file =
        <prost_types::FileDescriptorProto as prost::Message>::decode(&files.file_descriptor_proto[0][..]).unwrap();
    assert_eq!(file.name(), "gazet/v1/gazet.proto");
    assert!(file.message_type.iter().any(|m| m.name() == "ExtractRequest"));
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_refuses_calls_without_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, "# rotating\nold-secret\nnew-secret\n").unwrap();
    let config = Config { auth: Auth::from_file(&tokens).unwrap(), ..Config::default() };
    let server = start(config, None).await;
    let mut client = client(server.addr).await;
    let with = |token: Option<&str>| {
        let mut r = Request::new(extract(BELARUS, None));
        if let Some(t) = token {
            r.metadata_mut().insert("authorization", format!("Bearer {t}").parse().unwrap());
        }
        r
    };
    for token in [None, Some("wrong"), Some("new-secre"), Some("new-secretx")] {
        let e = client.extract(with(token)).await.unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated, "{token:?}");
        assert_eq!(e.message(), "missing or invalid bearer token");
    }
    assert!(client.extract(with(Some("new-secret"))).await.is_ok());
    assert!(client.extract(with(Some("old-secret"))).await.is_ok());
    let e = client.info(pb::InfoRequest {}).await.unwrap_err();
    assert_eq!(e.code(), Code::Unauthenticated);
    let e = admin(server.addr).await.reload(pb::ReloadRequest {}).await.unwrap_err();
    assert_eq!(e.code(), Code::Unauthenticated);
    let mut reflection =
        tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient::new(channel(server.addr).await);
    let e = reflection.server_reflection_info(tokio_stream::iter(vec![])).await.unwrap_err();
    assert_eq!(e.code(), Code::Unauthenticated);
    // Health stays open for probes.
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel(server.addr).await);
    health.check(tonic_health::pb::HealthCheckRequest { service: String::new() }).await.unwrap();
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_with_a_bad_gazetteer_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    write_gazetteer(dir.path(), "");
    let config = Config { source: Source::Dir(dir.path().into()), ..Config::default() };
    let server = start(config, None).await;
    let mut client = client(server.addr).await;
    let mut admin = admin(server.addr).await;
    let ids = |r: pb::ExtractResponse| r.mentions.into_iter().map(|m| m.entity_id).collect::<Vec<_>>();
    let text = "Le Bélarus, le Kazakhstan et l'Arménie.";
    let before = client.info(pb::InfoRequest {}).await.unwrap().into_inner();
    assert_eq!(ids(client.extract(extract(text, None)).await.unwrap().into_inner()), ["iso3166-1:BY", "iso3166-1:KZ"]);

    // An invalid set: a row with an unknown kind.
    write_gazetteer(dir.path(), "iso3166-1:AM\tPLANET\tcountry\tArménie\n");
    let e = admin.reload(pb::ReloadRequest {}).await.unwrap_err();
    assert_eq!(e.code(), Code::FailedPrecondition);
    assert!(e.message().contains("states.tsv") && e.message().contains("PLANET"), "{}", e.message());
    let after = client.info(pb::InfoRequest {}).await.unwrap().into_inner();
    assert_eq!(after.content_hash, before.content_hash, "the old set keeps serving");
    assert_eq!(ids(client.extract(extract(text, None)).await.unwrap().into_inner()), ["iso3166-1:BY", "iso3166-1:KZ"]);

    // A valid one is swapped in.
    write_gazetteer(dir.path(), "iso3166-1:AM\tSTATE\tcountry\tArménie\n");
    let r = admin.reload(pb::ReloadRequest {}).await.unwrap().into_inner();
    assert!(r.changed);
    assert_eq!(r.previous_content_hash, before.content_hash);
    assert_eq!(r.info.unwrap().entities, before.entities + 1, "Armenia added");
    assert_eq!(
        ids(client.extract(extract(text, None)).await.unwrap().into_inner()),
        ["iso3166-1:BY", "iso3166-1:KZ", "iso3166-1:AM"]
    );
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_round_trip() {
    use tonic::transport::{Certificate, ClientTlsConfig, Endpoint};
    let tls = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tls");
    let read = |name: &str| std::fs::read(format!("{tls}/{name}")).unwrap();
    let config = Config { tls: Some((read("server.pem"), read("server.key"))), ..Config::default() };
    let server = start(config, None).await;
    let tls_config =
        ClientTlsConfig::new().ca_certificate(Certificate::from_pem(read("ca.pem"))).domain_name("localhost");
    let channel = Endpoint::from_shared(format!("https://{}", server.addr))
        .unwrap()
        .tls_config(tls_config)
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client = pb::gazet_client::GazetClient::new(channel);
    let got = client.extract(extract(BELARUS, None)).await.unwrap().into_inner();
    assert_eq!(got.mentions[0].entity_id, "iso3166-1:BY");
    // Plain text is not served.
    let plain = Endpoint::from_shared(format!("http://{}", server.addr)).unwrap().connect().await;
    if let Ok(channel) = plain {
        let e = pb::gazet_client::GazetClient::new(channel).info(pb::InfoRequest {}).await.unwrap_err();
        assert_ne!(e.code(), Code::Ok);
    }
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_completes_the_stream_in_flight() {
    let server = start(Config::default(), None).await;
    let mut client = client(server.addr).await;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let mut responses =
        client.extract_stream(tokio_stream::wrappers::ReceiverStream::new(rx)).await.unwrap().into_inner();
    let doc = |i: usize| pb::ExtractStreamRequest { doc_id: i.to_string(), text: BELARUS.into(), options: None };
    tx.send(doc(0)).await.unwrap();
    assert_eq!(responses.message().await.unwrap().unwrap().doc_id, "0");
    let addr = server.addr;
    let shutdown = tokio::spawn(server.shutdown());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!shutdown.is_finished(), "the server waits for the stream");
    for i in 1..5 {
        tx.send(doc(i)).await.unwrap();
    }
    drop(tx);
    let mut ids = Vec::new();
    while let Some(r) = responses.message().await.unwrap() {
        ids.push(r.doc_id);
    }
    assert_eq!(ids, ["1", "2", "3", "4"]);
    tokio::time::timeout(Duration::from_secs(10), shutdown).await.unwrap().unwrap().unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "no longer listening");
}
