//! `gazet extract FILE|-`: one JSON object per mention (JSON Lines) on standard output.

use std::path::PathBuf;
use std::process::ExitCode;

use gazet_core::{CoUnit, ExtractOptions, Kind};

use super::{load_engine, read_text, GazetteerArgs};

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Text file to read, or `-` for standard input (UTF-8).
    #[arg(value_name = "FILE|-")]
    pub input: PathBuf,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// Keep only these kinds (comma-separated: STATE,REGION,FIRM,INSTITUTION).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Vec<Kind>,
    /// Report every valid match of the gazetteers, overlapping ones included (the context
    /// rules, such as unlisted firms, apply only without this flag).
    #[arg(long)]
    pub overlapping: bool,
    /// Leave out the alternative readings of ambiguous surfaces.
    #[arg(long)]
    pub no_alternatives: bool,
    /// Add UTF-16 offsets (utf16_start, utf16_end).
    #[arg(long)]
    pub utf16: bool,
    /// After the mentions, print one line per co-occurring pair with this unit:
    /// sentence, document or window:N.
    #[arg(long, value_name = "UNIT", value_parser = CoUnit::parse)]
    pub pairs: Option<CoUnit>,
}

pub fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| format!("unknown kind {s:?}: use STATE, REGION, FIRM or INSTITUTION"))
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let text = read_text(&args.input)?;
    let engine = load_engine(args.gazetteer.gazetteers.as_deref())?;
    let options = ExtractOptions {
        kinds: args.kinds,
        overlapping: args.overlapping,
        alternatives: !args.no_alternatives,
        utf16: args.utf16,
        unit: args.pairs.unwrap_or_default(),
        min_pair_count: 1,
    };
    let extraction = engine.extract(&text, &options);
    super::write_stdout(|out| {
        for m in &extraction.mentions {
            serde_json::to_writer(&mut *out, &engine.record(&text, m))?;
            out.write_all(b"\n")?;
        }
        if args.pairs.is_some() {
            let g = engine.gazetteer();
            for p in &extraction.pairs {
                let line = serde_json::json!({
                    "pair": [g.entity(p.a).id, g.entity(p.b).id],
                    "names": [g.entity(p.a).name, g.entity(p.b).name],
                    "count": p.count,
                });
                serde_json::to_writer(&mut *out, &line)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
