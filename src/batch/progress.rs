//! Progress on stderr: an indicatif bar when stderr is a terminal, plain lines every few
//! seconds otherwise, nothing with `--quiet`. Failures are always reported.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

enum Mode {
    Quiet,
    Bar(ProgressBar),
    Plain { last: Mutex<Instant>, every: Duration },
}

pub struct Progress {
    mode: Mode,
    started: Instant,
    total_bytes: AtomicU64,
    done_bytes: AtomicU64,
    done_docs: AtomicU64,
}

impl Progress {
    pub fn new(quiet: bool, total_bytes: u64) -> Progress {
        let mode = if quiet {
            Mode::Quiet
        } else if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("valid template")
            .progress_chars("=> ");
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(120));
            Mode::Bar(bar)
        } else {
            let every = std::env::var("GAZET_PROGRESS_EVERY_MS")
                .ok()
                .and_then(|v| v.parse().ok())
                .map_or(Duration::from_secs(2), Duration::from_millis);
            Mode::Plain { last: Mutex::new(Instant::now()), every }
        };
        Progress {
            mode,
            started: Instant::now(),
            total_bytes: AtomicU64::new(total_bytes),
            done_bytes: AtomicU64::new(0),
            done_docs: AtomicU64::new(0),
        }
    }

    /// More bytes to do than first known (standard input, JSON Lines).
    pub fn grow(&self, extra: u64) {
        let total = self.total_bytes.fetch_add(extra, Ordering::Relaxed) + extra;
        if let Mode::Bar(bar) = &self.mode {
            bar.set_length(total);
        }
    }

    /// One document done.
    pub fn done(&self, bytes: u64) {
        let docs = self.done_docs.fetch_add(1, Ordering::Relaxed) + 1;
        let done = self.done_bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        match &self.mode {
            Mode::Quiet => {}
            Mode::Bar(bar) => {
                bar.set_position(done);
                bar.set_message(format!("{docs} documents"));
            }
            Mode::Plain { last, every } => {
                let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
                if last.elapsed() >= *every {
                    *last = Instant::now();
                    eprintln!("gazet batch: {}", self.line(docs, done));
                }
            }
        }
    }

    fn line(&self, docs: u64, done: u64) -> String {
        let total = self.total_bytes.load(Ordering::Relaxed).max(done);
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let rate = done as f64 / secs;
        let eta = if rate > 0.0 { (total - done) as f64 / rate } else { 0.0 };
        format!(
            "{docs} documents, {:.1}/{:.1} MB ({:.0}%), {:.1} MB/s, ETA {:.0}s",
            done as f64 / 1e6,
            total as f64 / 1e6,
            if total > 0 { 100.0 * done as f64 / total as f64 } else { 100.0 },
            rate / 1e6,
            eta
        )
    }

    /// A message that must be seen (a failure), without breaking the bar.
    pub fn report(&self, message: &str) {
        match &self.mode {
            Mode::Bar(bar) => bar.println(message),
            _ => eprintln!("{message}"),
        }
    }

    pub fn finish(&self) {
        if let Mode::Bar(bar) = &self.mode {
            bar.finish_and_clear();
        }
    }
}
