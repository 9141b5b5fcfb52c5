//! `gazet batch` through the real binary.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BOOK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/book-dev.txt");
const OUTPUTS: [&str; 5] = ["mentions.jsonl", "entities.csv", "cooccurrence.csv", "report.html", "summary.json"];

fn gazet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazet")).arg("batch").args(args).output().expect("gazet runs")
}

fn ok(out: &Output) {
    assert!(out.status.success(), "gazet batch failed: {}", String::from_utf8_lossy(&out.stderr));
}

fn run_book(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![BOOK, "--out", dir.to_str().unwrap(), "--quiet"];
    args.extend_from_slice(extra);
    let out = gazet(&args);
    ok(&out);
    out
}

fn lines(dir: &Path) -> Vec<Value> {
    std::fs::read_to_string(dir.join("mentions.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn summary(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap()).unwrap()
}

/// Simple CSV reader for our own files (quoted fields with "" escapes).
fn csv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn book_splits_into_its_thirteen_chapters() {
    let dir = tempfile::tempdir().unwrap();
    run_book(dir.path(), &["--split", "chapter"]);
    assert_eq!(summary(dir.path())["units"], 13);
    let mut units: BTreeMap<u64, (String, u64)> = BTreeMap::new();
    for l in lines(dir.path()) {
        let unit = l["unit"].as_u64().unwrap();
        let e = units.entry(unit).or_insert((l["unit_label"].as_str().unwrap().to_string(), u64::MAX));
        e.1 = e.1.min(l["char_start"].as_u64().unwrap());
    }
    let labels: Vec<&str> = units.values().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Communauté des États indépendants : évolution de la coopération régionale",
            "Communauté des États indépendants : Plan de promotion de l'information",
            "Communauté des États indépendants : la clé du succès réside dans une coopération innovante",
            "Union économique eurasienne : coopération régionale et médiatique",
            "Union économique eurasienne : la coopération internationale en point de mire",
            "Biélorussie - Russie : les régions élargissent leurs partenariats",
            "Biélorussie - Russie : Orientation vers une coopération mutuellement bénéfique",
            "Belarus-Caucase du Nord : Questions actuelles d'interaction",
            "Belarus-Kazakhstan : priorité au partenariat - agriculture",
            "Biélorussie-Ouzbékistan : objectif d'un milliard de dollars",
            "Biélorussie-Ouzbékistan : la Commission définit les priorités de la coopération",
            "Biélorussie-Tadjikistan : vers un partenariat stratégique",
            "Bélarus-Géorgie : la complémentarité porte ses fruits",
        ]
    );
    // Chapter starts (chars) found independently for the gold annotations
    // (tests/fixtures/gold/README.md): each unit's mentions lie inside its chapter.
    let starts = [0, 25278, 52432, 59856, 83147, 104228, 136519, 179402, 202313, 210511, 231303, 255088, 279547];
    for l in lines(dir.path()) {
        let unit = l["unit"].as_u64().unwrap() as usize;
        let at = l["char_start"].as_u64().unwrap();
        assert!(at >= starts[unit - 1] && starts.get(unit).is_none_or(|&next| at < next), "{l}");
    }
}

#[test]
fn outputs_are_present_and_consistent() {
    let dir = tempfile::tempdir().unwrap();
    run_book(dir.path(), &["--split", "chapter"]);
    for name in OUTPUTS {
        assert!(dir.path().join(name).metadata().unwrap().len() > 0, "{name}");
    }
    let book = std::fs::read_to_string(BOOK).unwrap();
    let mentions = lines(dir.path());
    let chars: Vec<usize> = book.char_indices().map(|(i, _)| i).collect();
    for m in &mentions {
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(m["text"].as_str().unwrap(), &book[s..e]);
        assert_eq!(chars[m["char_start"].as_u64().unwrap() as usize], s);
        assert_eq!(chars.get(m["char_end"].as_u64().unwrap() as usize).copied().unwrap_or(book.len()), e);
        assert_eq!(m["doc"], BOOK);
    }
    let entities = csv(&dir.path().join("entities.csv"));
    assert_eq!(entities[0], ["id", "kind", "name", "parent", "mentions", "documents", "units"]);
    let total: u64 = entities[1..].iter().map(|r| r[4].parse::<u64>().unwrap()).sum();
    assert_eq!(total as usize, mentions.len());
    let per_id: BTreeMap<&str, u64> = mentions.iter().fold(BTreeMap::new(), |mut acc, m| {
        *acc.entry(m["id"].as_str().unwrap()).or_default() += 1;
        acc
    });
    assert_eq!(per_id.len(), entities.len() - 1);
    for r in &entities[1..] {
        assert_eq!(per_id[r[0].as_str()], r[4].parse::<u64>().unwrap(), "{r:?}");
        assert_eq!(r[5], "1");
        assert!((1..=13).contains(&r[6].parse::<u64>().unwrap()));
    }
    let pairs = csv(&dir.path().join("cooccurrence.csv"));
    assert_eq!(pairs[0], ["id_a", "name_a", "id_b", "name_b", "count"]);
    assert!(pairs.len() > 10);
    for p in &pairs[1..] {
        assert!(per_id.contains_key(p[0].as_str()) && per_id.contains_key(p[2].as_str()) && p[0] != p[2]);
    }
    let counts: Vec<u64> = pairs[1..].iter().map(|p| p[4].parse().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "pairs sorted by count");
    let s = summary(dir.path());
    assert_eq!(s["mentions"], mentions.len());
    assert_eq!(s["entities"], entities.len() - 1);
    assert_eq!(s["pairs"], pairs.len() - 1);
    assert_eq!(s["documents"]["ok"], 1);
    assert_eq!(s["gazet_version"], env!("CARGO_PKG_VERSION"));
    assert!(s["gazetteer_hash"].as_str().unwrap().starts_with("sha256:"));
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert_eq!(html.matches("<mark ").count(), mentions.len());
    assert!(!html.contains("http://") || !html.contains("<script src"), "self-contained");
    assert!(!html.contains("<link"), "no external resources");
    assert_eq!(html.matches("<svg").count(), 2);
}

fn same_outputs(a: &Path, b: &Path) {
    for name in &OUTPUTS[..4] {
        let (x, y) = (std::fs::read(a.join(name)).unwrap(), std::fs::read(b.join(name)).unwrap());
        assert!(x == y, "{name} differs between runs");
    }
    let strip = |mut v: Value| {
        let o = v.as_object_mut().unwrap();
        o.remove("timings_ms");
        o.remove("throughput_mb_s");
        v
    };
    assert_eq!(strip(summary(a)), strip(summary(b)));
}

#[test]
fn rerun_gives_byte_identical_outputs() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // One thread and two threads, and a second run over the same folder.
    run_book(a.path(), &["--split", "page", "--jobs", "1"]);
    run_book(b.path(), &["--split", "page", "--jobs", "2"]);
    same_outputs(a.path(), b.path());
    run_book(b.path(), &["--split", "page"]);
    same_outputs(a.path(), b.path());
    let left: Vec<_> = std::fs::read_dir(b.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), OUTPUTS.len(), "no temporary files left: {left:?}");
}

#[test]
fn unreadable_documents_are_reported_and_the_run_goes_on() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("a.txt"), "La Biélorussie et le Kazakhstan.").unwrap();
    std::fs::write(input.path().join("b.txt"), b"Minsk \xff\xfe et Moscou").unwrap();
    std::fs::write(input.path().join("c.txt"), "Le Tadjikistan et l'Ouzbékistan.").unwrap();
    let missing = input.path().join("missing.txt");
    let out = tempfile::tempdir().unwrap();
    let o = gazet(&[
        input.path().to_str().unwrap(),
        missing.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains(&format!("{}: no such file or directory", missing.display())), "{stderr}");
    let bad = input.path().join("b.txt");
    assert!(stderr.contains(&format!("{}: not valid UTF-8 (first bad byte at offset 6)", bad.display())), "{stderr}");
    assert!(stderr.contains("2 documents failed"), "{stderr}");
    let s = summary(out.path());
    assert_eq!(s["documents"]["ok"], 2);
    assert_eq!(s["documents"]["failed"], 2);
    let failed: Vec<&str> = s["failures"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(failed, [bad.to_str().unwrap(), missing.to_str().unwrap()]);
    let ids: BTreeSet<String> = lines(out.path()).iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["iso3166-1:BY", "iso3166-1:KZ", "iso3166-1:TJ", "iso3166-1:UZ"].map(String::from).into());
}

#[test]
fn failed_or_interrupted_runs_leave_no_half_file() {
    // The output folder cannot be created: nothing is written, exit 2.
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let o = gazet(&[BOOK, "--out", file.join("out").to_str().unwrap(), "--quiet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot create the output folder"));

    // A run killed half-way leaves the previous outputs as they were and no new file.
    let out = tmp.path().join("out");
    run_book(&out, &[]);
    let before: Vec<Vec<u8>> = OUTPUTS.iter().map(|n| std::fs::read(out.join(n)).unwrap()).collect();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..30 {
        std::fs::copy(BOOK, corpus.join(format!("book-{i:02}.txt"))).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazet"))
        .args(["batch", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--jobs", "1"])
        .env("GAZET_PROGRESS_EVERY_MS", "0")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until some documents are done, then kill.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(line.contains("documents,"), "{line}");
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed before the end");
    for (name, old) in OUTPUTS.iter().zip(&before) {
        assert!(&std::fs::read(out.join(name)).unwrap() == old, "{name} changed");
    }
}

#[test]
fn jsonl_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("docs.jsonl");
    let mut f = std::fs::File::create(&input).unwrap();
    writeln!(f, r#"{{"id": "un", "text": "La Biélorussie et la Russie."}}"#).unwrap();
    writeln!(f, r#"{{"id": 2, "text": "Le Kazakhstan."}}"#).unwrap();
    writeln!(f, "not json").unwrap();
    writeln!(f, r#"{{"id": "trois", "text": "Minsk <b>&</b> Tachkent"}}"#).unwrap();
    drop(f);
    let out = tmp.path().join("out");
    let o = gazet(&[input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains(&format!("{}:3: not a JSON object", input.display())));
    let docs: Vec<String> = lines(&out).iter().map(|l| l["doc"].as_str().unwrap().to_string()).collect();
    assert_eq!(docs, ["un", "un", "2", "trois", "trois"]);
    assert_eq!(summary(&out)["documents"]["ok"], 3);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"), "text is escaped");
}

#[test]
fn standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazet"))
        .args(["batch", "-", "--out", a.to_str().unwrap(), "--quiet", "--split", "chapter"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read(BOOK).unwrap()).unwrap();
    assert!(child.wait().unwrap().success());
    run_book(&b, &["--split", "chapter"]);
    let strip = |dir: &PathBuf| -> Vec<Value> {
        lines(dir)
            .into_iter()
            .map(|mut l| {
                l.as_object_mut().unwrap().remove("doc");
                l
            })
            .collect()
    };
    assert_eq!(lines(&a)[0]["doc"], "-");
    assert_eq!(strip(&a), strip(&b));
    assert_eq!(std::fs::read(a.join("entities.csv")).unwrap(), std::fs::read(b.join("entities.csv")).unwrap());
}

#[test]
fn footnotes_and_body_zones() {
    let tmp = tempfile::tempdir().unwrap();
    let spans = |zones: &str| -> Vec<(u64, u64, String, String)> {
        let dir = tmp.path().join(zones);
        run_book(&dir, &["--zones", zones]);
        lines(&dir)
            .iter()
            .map(|l| {
                (
                    l["start"].as_u64().unwrap(),
                    l["end"].as_u64().unwrap(),
                    l["zone"].as_str().unwrap().to_string(),
                    l["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let (all, body, notes) = (spans("all"), spans("body"), spans("footnotes"));
    assert!(body.iter().all(|s| s.2 == "body") && notes.iter().all(|s| s.2 == "footnote"));
    assert!(notes.len() > 200 && body.len() > 1500, "{} {}", notes.len(), body.len());
    // Body and footnotes make up the whole text: the same mentions but for a few whose
    // reading depends on the context (the engine weighs the states of the whole part).
    let both: BTreeSet<(u64, u64)> = body.iter().chain(&notes).map(|s| (s.0, s.1)).collect();
    let all_spans: BTreeSet<(u64, u64)> = all.iter().map(|s| (s.0, s.1)).collect();
    let differ = both.symmetric_difference(&all_spans).count();
    assert!(differ * 100 < all.len(), "{differ} of {} mentions differ", all.len());
    // No mention runs across a zone edge (over a footnote separator line).
    for s in body.iter().chain(&notes) {
        assert!(!s.3.contains("                    "), "{s:?}");
    }
    // Footnote 1 cites a meeting "s'est tenue à Moscou [Ressource électronique]"; the body
    // text on the same page has "Douchanbé".
    let book = std::fs::read_to_string(BOOK).unwrap();
    let note = book.find("Moscou [Ressource").unwrap() as u64;
    assert!(notes.iter().any(|s| s.0 == note) && !body.iter().any(|s| s.0 == note));
    let body_word = book.find("Douchanbé").unwrap() as u64;
    assert!(body.iter().any(|s| s.0 == body_word) && !notes.iter().any(|s| s.0 == body_word));
}

/// A `gazet serve` process on a free port, killed on drop.
struct Server {
    child: std::process::Child,
    url: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let addr = format!("127.0.0.1:{port}");
        let child = Command::new(env!("CARGO_BIN_EXE_gazet"))
            .args(["serve", "--addr", &addr, "--log", "warn"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server { child, url: format!("http://{addr}") };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(std::time::Instant::now() < deadline, "gazet serve did not start");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn endpoints_give_the_same_outputs_as_the_embedded_engine() {
    let (a, b) = (Server::start(&[]), Server::start(&[]));
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(BOOK, corpus.join("book.txt")).unwrap();
    std::fs::write(corpus.join("short.txt"), "La Biélorussie et le Kazakhstan, à Minsk.").unwrap();
    std::fs::write(corpus.join("bad.txt"), b"\xff").unwrap();
    let (embedded, remote) = (tmp.path().join("embedded"), tmp.path().join("remote"));
    let common = [corpus.to_str().unwrap(), "--split", "chapter", "--quiet", "--out"];
    let o = gazet(&[&common[..], &[embedded.to_str().unwrap()]].concat());
    assert_eq!(o.status.code(), Some(1));
    let o = gazet(&[&common[..], &[remote.to_str().unwrap(), "--endpoint", &a.url, "--endpoint", &b.url]].concat());
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let strip = |dir: &Path| {
        let mut v = summary(dir);
        v.as_object_mut().unwrap().remove("engine");
        v
    };
    assert_eq!(summary(&remote)["engine"], format!("endpoints {}, {}", a.url, b.url));
    std::fs::write(embedded.join("summary.json"), strip(&embedded).to_string()).unwrap();
    std::fs::write(remote.join("summary.json"), strip(&remote).to_string()).unwrap();
    same_outputs(&embedded, &remote);
}

#[test]
fn endpoint_errors_are_reported_per_document() {
    let server = Server::start(&["--max-text-bytes", "100000"]);
    let tmp = tempfile::tempdir().unwrap();
    let short = tmp.path().join("short.txt");
    std::fs::write(&short, "Le Tadjikistan.").unwrap();
    let out = tmp.path().join("out");
    let o = gazet(&[BOOK, short.to_str().unwrap(), "--endpoint", &server.url, "--out", out.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains(&format!("{BOOK}: gRPC error from {}: InvalidArgument", server.url)), "{stderr}");
    assert!(stderr.contains("over the per-document limit"), "{stderr}");
    assert_eq!(lines(&out).len(), 1, "the short document went through");
    // No server at all: the run cannot start.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");
    let o = gazet(&[BOOK, "--endpoint", &url, "--out", out.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot connect to the gazet server"));
}
