//! The `gazet` command: serve, extract, batch, gazetteer tools and evaluation.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "gazet",
    version,
    about = "Named-entity extraction for French text: states, regions, firms, institutions"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the gazet.v1 gRPC API.
    Serve(gazet::serve::ServeArgs),
    /// Print every mention of a text as JSON Lines.
    Extract(gazet::cli::extract::ExtractArgs),
    /// Run over many documents and write tables and a report.
    Batch(gazet::batch::BatchArgs),
    /// Check, describe or list a gazetteer.
    #[command(subcommand)]
    Gazetteer(gazet::cli::gazetteer::GazetteerCommand),
    /// Score extraction against gold annotations.
    Eval(gazet::cli::eval::EvalArgs),
}

fn main() -> ExitCode {
    #[cfg(all(target_os = "linux", target_env = "gnu", not(feature = "mimalloc")))]
    huge_pages::reexec_if_useful();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => gazet::serve::run(args),
        Command::Extract(args) => gazet::cli::extract::run(args),
        Command::Batch(args) => gazet::batch::run(args),
        Command::Gazetteer(command) => gazet::cli::gazetteer::run(command),
        Command::Eval(args) => gazet::cli::eval::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("gazet: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Start-up builds the engine in some 130 MB of freshly touched heap: a page fault per 4 KiB
/// page was a fifth of the time of `gazet batch` on the book. glibc's malloc backs its heap
/// with transparent huge pages only when its `glibc.malloc.hugetlb` tunable says so, and
/// tunables are read when a process starts: so, where the kernel grants huge pages on
/// request (THP mode `madvise`), gazet starts itself once more with the tunable set
/// (`GAZET_NO_HUGE_PAGES=1` turns this off; a `GLIBC_TUNABLES` of the caller is respected).
///
/// The same restart keeps freed memory in the heap for the next document: by default glibc
/// maps each allocation over its (moving) threshold afresh and returns the top of the heap
/// once 128 KiB of it is free, so every document of a batch had its buffers' pages faulted
/// in and zeroed again by the kernel (`clear_page_erms`, 4 % of a 1,000-book run). Memory
/// over 256 MiB free at the top of the heap is still returned.
#[cfg(all(target_os = "linux", target_env = "gnu", not(feature = "mimalloc")))]
mod huge_pages {
    use std::os::unix::process::CommandExt;

    const TUNABLES: &str = "GLIBC_TUNABLES";
    /// Huge pages on request; allocations up to 32 MiB (glibc's largest mmap threshold) from
    /// the heap; the heap trimmed past 256 MiB free.
    const HEAP_TUNABLES: &str =
        "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456";

    pub fn reexec_if_useful() {
        if std::env::var_os(TUNABLES).is_some() || std::env::var_os("GAZET_NO_HUGE_PAGES").is_some() {
            return;
        }
        let on_request = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled")
            .is_ok_and(|mode| mode.contains("[madvise]"));
        if !on_request {
            return;
        }
        let Ok(exe) = std::env::current_exe() else { return };
        let mut args = std::env::args_os();
        let arg0 = args.next().unwrap_or_else(|| exe.clone().into_os_string());
        // `exec` returns only if it failed: then this process goes on as it is.
        let _ = std::process::Command::new(&exe).arg0(arg0).args(args).env(TUNABLES, HEAP_TUNABLES).exec();
    }
}
