//! `gazet gazetteer check|stats|forms`.

use std::path::PathBuf;
use std::process::ExitCode;

use gazet_core::Gazetteer;

use super::{load_engine, GazetteerArgs};

#[derive(clap::Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Load and compile a gazetteer folder; report the first bad row (file, line, column, value).
    Check {
        /// The folder to check (its *.tsv files and subfolders).
        dir: PathBuf,
    },
    /// Counts per kind, compiled forms, automaton size, build time and content hash (JSON).
    Stats(GazetteerArgs),
    /// Every compiled surface form with its entity id and form (TSV), to compare matchers on
    /// exactly the same forms.
    Forms(GazetteerArgs),
}

pub fn run(command: GazetteerCommand) -> anyhow::Result<ExitCode> {
    match command {
        GazetteerCommand::Check { dir } => {
            let engine = super::engine_for(Gazetteer::load_dir(&dir)?)?;
            let stats = engine.stats();
            let line = format!(
                "ok: {} entities, {} surface forms, {} patterns in {}",
                stats.entities,
                stats.surface_forms,
                stats.patterns,
                dir.display()
            );
            super::write_stdout(|out| writeln!(out, "{line}"))?;
            Ok(ExitCode::SUCCESS)
        }
        GazetteerCommand::Stats(args) => {
            let engine = load_engine(args.gazetteers.as_deref())?;
            let g = engine.gazetteer();
            let kinds: serde_json::Map<String, serde_json::Value> =
                g.counts_by_kind().iter().map(|(k, n)| (k.as_str().to_string(), (*n).into())).collect();
            let report = serde_json::json!({
                "content_hash": g.content_hash(),
                "files": g.files(),
                "entities_by_kind": kinds,
                "compiled": engine.stats(),
            });
            let json = serde_json::to_string_pretty(&report)?;
            super::write_stdout(|out| writeln!(out, "{json}"))?;
            Ok(ExitCode::SUCCESS)
        }
        GazetteerCommand::Forms(args) => {
            let engine = load_engine(args.gazetteers.as_deref())?;
            super::write_stdout(|out| {
                writeln!(out, "surface\tfolded\tid\tform")?;
                for (folded, v) in engine.compiled().forms() {
                    let id = &engine.gazetteer().entity(v.entity).id;
                    let folded = String::from_utf8_lossy(folded);
                    writeln!(out, "{}\t{}\t{}\t{}", v.surface, folded, id, v.form.as_str())?;
                }
                Ok(())
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
