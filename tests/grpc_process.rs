//! `gazet serve` as a process: signals (SIGTERM with a stream in flight, SIGHUP reload)
//! and logs.

mod grpc_common;

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use gazet::proto::v1 as pb;
use grpc_common::*;

struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gazet"))
            .arg("serve")
            .args(["--addr", "127.0.0.1:0"])
            .args(args)
            .env_remove("GAZET_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let addr = line.trim().strip_prefix("gazet: listening on ").unwrap_or_else(|| panic!("{line:?}"));
        Server { addr: addr.parse().unwrap(), child }
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill").args([&format!("-{name}"), &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
    }

    /// Waits for the exit; returns its code and standard error.
    fn wait(mut self) -> (Option<i32>, String) {
        let mut stderr = String::new();
        self.child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let status = self.child.wait().unwrap();
        (status.code(), stderr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

const TEXT: &str = "La République du Bélarus a toujours plaidé en faveur du renforcement de la CEI.";

fn doc(i: usize) -> pb::ExtractStreamRequest {
    pb::ExtractStreamRequest { doc_id: i.to_string(), text: TEXT.into(), options: None }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_the_stream_in_flight_finish_then_exits_0() {
    let server = Server::start(&["--log-format", "json"]);
    let mut client = client(server.addr).await;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let mut responses =
        client.extract_stream(tokio_stream::wrappers::ReceiverStream::new(rx)).await.unwrap().into_inner();
    tx.send(doc(0)).await.unwrap();
    assert_eq!(responses.message().await.unwrap().unwrap().doc_id, "0");

    server.signal("TERM");
    tokio::time::sleep(Duration::from_millis(300)).await;
    for i in 1..=3 {
        tx.send(doc(i)).await.unwrap();
        let r = responses.message().await.unwrap().unwrap();
        assert_eq!(r.doc_id, i.to_string());
        assert!(matches!(r.outcome, Some(pb::extract_stream_response::Outcome::Result(_))));
    }
    drop(tx);
    assert!(responses.message().await.unwrap().is_none());

    let (code, stderr) = tokio::task::spawn_blocking(move || server.wait()).await.unwrap();
    assert_eq!(code, Some(0), "{stderr}");
    // JSON logs: one record per call with its method, sizes and duration, never the text.
    let call = stderr
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .find(|v| v["span"]["method"] == "ExtractStream" && v["fields"]["message"] == "call done")
        .unwrap_or_else(|| panic!("no ExtractStream record in {stderr}"));
    assert_eq!(call["span"]["docs"], 4, "{call}");
    assert_eq!(call["span"]["bytes"], 4 * TEXT.len(), "{call}");
    assert_eq!(call["span"]["mentions"], 8, "{call}");
    assert!(call["span"]["duration_us"].is_u64(), "{call}");
    assert!(!stderr.contains("Bélarus"), "the text leaked into the logs: {stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_and_a_bad_set_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    write_gazetteer(dir.path(), "");
    let server = Server::start(&["--gazetteers", dir.path().to_str().unwrap()]);
    let mut client = client(server.addr).await;
    let hash = |c: &mut pb::gazet_client::GazetClient<_>| {
        let mut c = c.clone();
        async move { c.info(pb::InfoRequest {}).await.unwrap().into_inner().content_hash }
    };
    let first = hash(&mut client).await;

    write_gazetteer(dir.path(), "not\ta\tvalid\trow\n");
    server.signal("HUP");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(hash(&mut client).await, first, "the bad set was rejected");

    write_gazetteer(dir.path(), "iso3166-1:AM\tSTATE\tcountry\tArménie\n");
    server.signal("HUP");
    let mut changed = false;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if hash(&mut client).await != first {
            changed = true;
            break;
        }
    }
    assert!(changed, "SIGHUP reloaded the new set");
    let r = client.extract(pb::ExtractRequest { text: "L'Arménie.".into(), options: None }).await.unwrap().into_inner();
    assert_eq!(r.mentions[0].entity_id, "iso3166-1:AM");

    server.signal("INT");
    let (code, stderr) = tokio::task::spawn_blocking(move || server.wait()).await.unwrap();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("reload rejected"), "{stderr}");
    assert!(stderr.contains("gazetteers reloaded"), "{stderr}");
}
