//! Inputs of a batch run: text files, directories of them, JSON Lines files of
//! `{"id": ..., "text": ...}` documents, or `-` for standard input.
//!
//! Enumeration is cheap and sequential (paths, file sizes); text files are read later, in
//! the worker that processes them. A JSON Lines file is read when it is reached and yields
//! one document per non-blank line.

use std::io::Read;
use std::path::{Path, PathBuf};

/// How an input path is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines for `.jsonl` / `.ndjson` files and for standard input that starts with
    /// `{`; plain text otherwise.
    Auto,
    /// Every input is one plain text document.
    Text,
    /// Every input is JSON Lines.
    Jsonl,
}

/// One input after enumeration.
#[derive(Clone, Debug)]
pub enum Source {
    /// A text file: one document, read by the worker.
    Text { path: PathBuf, size: u64 },
    /// A JSON Lines file: many documents.
    Jsonl { path: PathBuf, size: u64 },
    /// Standard input.
    Stdin,
}

impl Source {
    pub fn size(&self) -> u64 {
        match self {
            Source::Text { size, .. } | Source::Jsonl { size, .. } => *size,
            Source::Stdin => 0,
        }
    }
}

/// Where the text of a document comes from.
#[derive(Debug)]
pub enum Body {
    /// Still on disk.
    File(PathBuf),
    /// Already read (JSON Lines, standard input).
    Text(String),
    /// Could not be read: the reason.
    Failed(String),
}

/// One document of the run.
#[derive(Debug)]
pub struct Doc {
    /// Document id: the path as given, the `id` of a JSON Lines record, or `-`.
    pub id: String,
    /// Where it came from, for error messages: a path, `path:line` or `standard input`.
    pub origin: String,
    pub body: Body,
    /// Expected size in bytes (for progress), exact once read.
    pub size: u64,
}

impl Doc {
    /// Reads the document (if still on disk) and checks it is UTF-8.
    pub fn load(&mut self) -> Result<String, String> {
        match std::mem::replace(&mut self.body, Body::Failed(String::new())) {
            Body::Text(text) => Ok(text),
            Body::Failed(reason) => Err(reason),
            Body::File(path) => {
                let bytes = std::fs::read(&path).map_err(|e| io_reason(&e))?;
                into_text(bytes)
            }
        }
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The bytes as text, or why they are not. Checked with SIMD (`simdutf8`): the standard
/// check was 4 % of a batch run's CPU on French text, whose accents leave its ASCII fast
/// path every few bytes. The standard check runs again only on a failure, for the offset of
/// the first bad byte.
pub fn into_text(bytes: Vec<u8>) -> Result<String, String> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: just checked to be UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|e| utf8_reason(e.utf8_error()))
}

pub fn utf8_reason(e: std::str::Utf8Error) -> String {
    format!("not valid UTF-8 (first bad byte at offset {})", e.valid_up_to())
}

/// Expands the command-line paths into sources, in order. Directories are walked
/// recursively, entries sorted by name, hidden entries (`.name`) skipped. A path that
/// cannot be examined becomes a text source whose reading will fail with the reason.
pub fn enumerate(paths: &[PathBuf], format: Format) -> Vec<Source> {
    let mut out = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            out.push(Source::Stdin);
        } else if path.is_dir() {
            walk(path, format, &mut out);
        } else {
            out.push(file_source(path.clone(), format));
        }
    }
    out
}

fn walk(dir: &Path, format: Format, out: &mut Vec<Source>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(_) => {
            // Reported when the "file" is read.
            out.push(Source::Text { path: dir.to_path_buf(), size: 0 });
            return;
        }
    };
    entries.sort();
    for path in entries {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, format, out);
        } else {
            out.push(file_source(path, format));
        }
    }
}

fn file_source(path: PathBuf, format: Format) -> Source {
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let jsonl = match format {
        Format::Text => false,
        Format::Jsonl => true,
        Format::Auto => {
            matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson" | "JSONL" | "NDJSON"))
        }
    };
    if jsonl {
        Source::Jsonl { path, size }
    } else {
        Source::Text { path, size }
    }
}

/// The documents of a source. Text files stay on disk; JSON Lines and standard input
/// are read now (an unreadable one gives a single failed document).
pub fn documents(source: &Source, format: Format) -> Vec<Doc> {
    match source {
        Source::Text { path, size } => vec![Doc {
            id: path.display().to_string(),
            origin: path.display().to_string(),
            body: Body::File(path.clone()),
            size: *size,
        }],
        Source::Jsonl { path, .. } => match std::fs::read(path) {
            Ok(bytes) => parse_jsonl(&bytes, &path.display().to_string()),
            Err(e) => vec![failed(path.display().to_string(), io_reason(&e))],
        },
        Source::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                return vec![failed("-".into(), format!("cannot read standard input: {e}"))];
            }
            let looks_jsonl = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
            if format == Format::Jsonl || (format == Format::Auto && looks_jsonl) {
                return parse_jsonl(&bytes, "-");
            }
            let size = bytes.len() as u64;
            let body = match into_text(bytes) {
                Ok(text) => Body::Text(text),
                Err(reason) => Body::Failed(reason),
            };
            vec![Doc { id: "-".into(), origin: "standard input".into(), body, size }]
        }
    }
}

fn failed(origin: String, reason: String) -> Doc {
    Doc { id: origin.clone(), origin, body: Body::Failed(reason), size: 0 }
}

#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

/// One document per non-blank line; a bad line is a failed document `path:line`.
fn parse_jsonl(bytes: &[u8], path: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = format!("{path}:{}", i + 1);
        let doc = match std::str::from_utf8(line) {
            Err(e) => failed(origin, utf8_reason(e)),
            Ok(line) => match serde_json::from_str::<Record>(line) {
                Err(e) => failed(origin, format!("not a JSON object with a \"text\" string: {e}")),
                Ok(record) => {
                    let id = match record.id {
                        Some(serde_json::Value::String(s)) => s,
                        Some(serde_json::Value::Null) | None => origin.clone(),
                        Some(other) => other.to_string(),
                    };
                    let size = record.text.len() as u64;
                    Doc { id, origin, body: Body::Text(record.text), size }
                }
            },
        };
        docs.push(doc);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_checks_agree_with_the_standard_one() {
        assert_eq!(into_text("Bélarus – Ouzbékistan".as_bytes().to_vec()).unwrap(), "Bélarus – Ouzbékistan");
        let mut bad = "Minsk é".as_bytes().to_vec();
        bad.insert(7, 0xC3);
        assert_eq!(into_text(bad).unwrap_err(), "not valid UTF-8 (first bad byte at offset 6)");
        // Random byte strings, mostly valid UTF-8 with a stray byte now and then.
        let pieces: [&[u8]; 8] =
            [b"a", b" ", "é".as_bytes(), "’".as_bytes(), "😀".as_bytes(), &[0xC3], &[0x80], &[0xF0, 0x9F]];
        let mut next = crate::batch::xorshift(0x9E37_79B9_7F4A_7C15);
        let (mut valid, mut invalid) = (0, 0);
        for _ in 0..20_000 {
            let len = next() % 80;
            let bytes: Vec<u8> = (0..len)
                .flat_map(|_| pieces[next() % 8 % if next().is_multiple_of(16) { 8 } else { 5 }])
                .copied()
                .collect();
            let expected = String::from_utf8(bytes.clone()).map_err(|e| utf8_reason(e.utf8_error()));
            let got = into_text(bytes);
            assert_eq!(got, expected);
            if got.is_ok() {
                valid += 1
            } else {
                invalid += 1
            }
        }
        assert!(valid > 1000 && invalid > 1000, "{valid} valid, {invalid} invalid");
    }

    #[test]
    fn jsonl_lines_and_failures() {
        let input =
            b"{\"id\": \"a\", \"text\": \"Minsk\"}\n\n{\"id\": 7, \"text\": \"x\"}\n{\"text\": \"no id\"}\nnot json\n";
        let docs = parse_jsonl(input, "f.jsonl");
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "7", "f.jsonl:4", "f.jsonl:5"]);
        assert!(matches!(&docs[3].body, Body::Failed(r) if r.contains("JSON")));
        let docs = parse_jsonl(b"{\"id\": \"a\", \"text\": \"\xff\"}", "g.jsonl");
        assert!(matches!(&docs[0].body, Body::Failed(r) if r.contains("UTF-8")));
    }
}
