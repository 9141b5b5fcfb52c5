//! Command-line commands that run the engine in-process.

pub mod eval;
pub mod extract;
pub mod gazetteer;

use std::path::{Path, PathBuf};

use anyhow::Context;
use gazet_core::{EngineConfig, Extractor, Gazetteer};

/// The engine over `--gazetteers DIR`, or over the embedded default gazetteers.
///
/// For commands that run once and exit, the engine is leaked, never freed: dropping it
/// freed its hundreds of thousands of allocations one by one at exit (a sixth of the CPU of
/// `gazet gazetteer stats`, seconds with a million-form gazetteer), where the end of the
/// process returns the memory at once.
pub fn load_engine(dir: Option<&Path>) -> anyhow::Result<&'static Extractor> {
    match dir {
        Some(dir) => engine_for(
            Gazetteer::load_dir(dir).with_context(|| format!("cannot load gazetteers from {}", dir.display()))?,
        ),
        None => Ok(Box::leak(Box::new(crate::embedded_engine().context("the embedded gazetteers are invalid")?))),
    }
}

/// The engine over `gazetteer`, leaked as [`load_engine`] says why.
pub fn engine_for(gazetteer: Gazetteer) -> anyhow::Result<&'static Extractor> {
    Ok(Box::leak(Box::new(Extractor::new(gazetteer, EngineConfig::default())?)))
}

/// Reads a text argument: a file path, or `-` for standard input. The text must be UTF-8.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not valid UTF-8 (first bad byte at offset {})",
            display(path),
            e.utf8_error().valid_up_to()
        )
    })
}

fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".into()
    } else {
        path.display().to_string()
    }
}

/// Writes to standard output through a buffer. A closed pipe (`gazet extract book.txt |
/// head`) is the reader's choice, not an error.
pub fn write_stdout(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|_| std::io::Write::flush(&mut out)) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// Shared `--gazetteers DIR` flag.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct GazetteerArgs {
    /// Gazetteer folder to use instead of the embedded default gazetteers.
    #[arg(long, value_name = "DIR", env = "GAZET_GAZETTEERS")]
    pub gazetteers: Option<PathBuf>,
}
