//! `gazet eval --gold DIR --text DIR`: precision, recall and F1 against gold annotations.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use gazet_core::eval::{parse_gold, Annotation, Counts, Report};
use gazet_core::ExtractOptions;

use super::{load_engine, GazetteerArgs};

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Folder of gold files NAME.jsonl.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Folder of texts NAME.txt, one per gold file.
    #[arg(long, value_name = "DIR")]
    pub text: PathBuf,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// Print the whole report as JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// How many false positives and negatives to list (all with --json).
    #[arg(long, default_value_t = 40)]
    pub show: usize,
}

/// Scores every NAME.jsonl of `gold` against the extraction of `text/NAME.txt`.
pub fn evaluate(args: &EvalArgs) -> anyhow::Result<Report> {
    let engine = load_engine(args.gazetteer.gazetteers.as_deref())?;
    let mut names: Vec<PathBuf> = std::fs::read_dir(&args.gold)
        .with_context(|| format!("cannot read gold folder {}", args.gold.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    names.sort();
    anyhow::ensure!(!names.is_empty(), "no .jsonl gold file in {}", args.gold.display());
    let mut report = Report::default();
    for gold_path in names {
        let stem = gold_path.file_stem().unwrap_or_default().to_string_lossy().to_string();
        let text_path = args.text.join(format!("{stem}.txt"));
        let text =
            std::fs::read_to_string(&text_path).with_context(|| format!("cannot read text {}", text_path.display()))?;
        let gold_text =
            std::fs::read_to_string(&gold_path).with_context(|| format!("cannot read {}", gold_path.display()))?;
        let gold = parse_gold(&gold_text).map_err(|e| anyhow::anyhow!("{}: {e}", gold_path.display()))?;
        let x = engine.extract(&text, &ExtractOptions::default());
        let system: Vec<Annotation> = x
            .mentions
            .iter()
            .map(|m| {
                let e = engine.gazetteer().entity(m.entity);
                Annotation {
                    start: m.char_start,
                    end: m.char_end,
                    kind: e.kind,
                    id: e.id.clone(),
                    form: Some(m.form),
                    optional: false,
                    text: None,
                }
            })
            .collect();
        report.add_document(&stem, &text, &gold, &system);
    }
    Ok(report)
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let report = evaluate(&args)?;
    if args.json {
        let json = serde_json::to_string_pretty(&report)?;
        super::write_stdout(|out| writeln!(out, "{json}"))?;
        return Ok(ExitCode::SUCCESS);
    }
    super::write_stdout(|out| write_tables(out, &report, args.show))?;
    Ok(ExitCode::SUCCESS)
}

fn write_tables(out: &mut dyn Write, report: &Report, show: usize) -> std::io::Result<()> {
    let row = |out: &mut dyn Write, name: &str, c: &Counts| {
        writeln!(
            out,
            "{name:<14} {:>6.3} {:>6.3} {:>6.3}   tp {:>4}  fp {:>4}  fn {:>4}",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        )
    };
    writeln!(out, "{:<14} {:>6} {:>6} {:>6}", "", "P", "R", "F1")?;
    row(out, "strict", &report.strict)?;
    row(out, "lenient", &report.lenient)?;
    for (kind, c) in &report.per_kind {
        row(out, &format!("  {kind}"), c)?;
    }
    for (form, c) in &report.per_form {
        row(out, &format!("  {}", form.as_str()), c)?;
    }
    writeln!(out, "id accuracy    {:.3} ({} / {})", report.id_accuracy(), report.id_correct, report.id_total)?;
    writeln!(out, "\nfalse positives ({}):", report.false_positives.len())?;
    for m in report.false_positives.iter().take(show) {
        writeln!(out, "  {} {}..{} {:?} {} {}", m.doc, m.start, m.end, m.text, m.kind, m.id)?;
    }
    writeln!(out, "\nfalse negatives ({}):", report.false_negatives.len())?;
    for m in report.false_negatives.iter().take(show) {
        writeln!(out, "  {} {}..{} {:?} {} {}", m.doc, m.start, m.end, m.text, m.kind, m.id)?;
    }
    writeln!(out, "\nwrong ids ({}):", report.wrong_ids.len())?;
    for (doc, g, s) in report.wrong_ids.iter().take(show) {
        writeln!(out, "  {doc} {}..{} gold {} system {}", g.start, g.end, g.id, s.id)?;
    }
    Ok(())
}
