//! The output folder: mentions.jsonl is streamed as documents come in; the tables, the
//! report and the summary are written at the end. Every file is first written to a hidden
//! temporary file in the folder and renamed into place only once all of them are complete,
//! so an interrupted or failed run never leaves a half-written output behind (the previous
//! outputs, if any, stay as they were).
//!
//! Nothing but `summary.json`'s `timings_ms` depends on the clock or on thread timing.

use rustc_hash::FxHashMap as HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use gazet_core::{EntityIdx, Gazetteer, Kind};
use serde::Serialize;
use tempfile::NamedTempFile;

use super::run::DocResult;

pub const MENTIONS: &str = "mentions.jsonl";
pub const ENTITIES: &str = "entities.csv";
pub const COOCCURRENCE: &str = "cooccurrence.csv";
pub const REPORT: &str = "report.html";
pub const SUMMARY: &str = "summary.json";

/// A document that could not be processed.
#[derive(Clone, Debug, Serialize)]
pub struct Failure {
    pub doc: String,
    pub path: String,
    pub reason: String,
}

/// One entity's totals.
#[derive(Clone, Copy, Debug, Default)]
pub struct EntityTotal {
    pub mentions: u64,
    pub documents: u64,
    pub units: u64,
}

/// Columns of the heatmap at most.
pub const MAX_COLUMNS: usize = 60;

/// Corpus totals, built in input order.
#[derive(Default)]
pub struct Totals {
    pub documents_ok: u64,
    pub failures: Vec<Failure>,
    pub bytes: u64,
    pub units: u64,
    pub cooccurrence_units: u64,
    pub mentions: u64,
    pub mentions_by_kind: [u64; 4],
    pub entities: HashMap<EntityIdx, EntityTotal>,
    pub pairs: HashMap<(EntityIdx, EntityIdx), u64>,
    /// Heatmap columns (units, merged by position and label across documents, or
    /// documents when the text is not split), their labels and cells.
    pub columns: Vec<String>,
    column_of: HashMap<String, usize>,
    pub columns_left_out: u64,
    pub heat: HashMap<(EntityIdx, usize), u64>,
    /// The report's articles of the documents whose text it shows, in input order, and
    /// their mentions.
    pub shown_html: String,
    pub shown_mentions: usize,
    pub shown_left_out: u64,
}

impl Totals {
    fn column(&mut self, key: String, label: &str) -> Option<usize> {
        if let Some(&c) = self.column_of.get(&key) {
            return Some(c);
        }
        if self.columns.len() >= MAX_COLUMNS {
            self.columns_left_out += 1;
            return None;
        }
        self.columns.push(label.to_string());
        self.column_of.insert(key, self.columns.len() - 1);
        Some(self.columns.len() - 1)
    }

    /// Adds one document (in input order); returns its mentions.jsonl lines.
    fn add(&mut self, result: DocResult, split_none: bool) -> Option<Vec<u8>> {
        let out = match result.outcome {
            Ok(out) => out,
            Err(reason) => {
                self.failures.push(Failure { doc: result.id, path: result.origin, reason });
                return None;
            }
        };
        self.documents_ok += 1;
        self.bytes += result.bytes;
        self.units += out.parts.len() as u64;
        self.cooccurrence_units += out.cooccurrence_units;
        self.mentions += out.mentions;
        for (t, n) in self.mentions_by_kind.iter_mut().zip(out.mentions_by_kind) {
            *t += n;
        }
        let mut in_doc: HashMap<EntityIdx, ()> = HashMap::default();
        for (index, part) in out.parts.iter().enumerate() {
            let column = if split_none {
                self.column(format!("doc\u{1f}{}", result.id), &result.id)
            } else {
                self.column(format!("{index}\u{1f}{}", part.label), &part.label)
            };
            for &(entity, mentions) in &part.entities {
                let t = self.entities.entry(entity).or_default();
                t.mentions += u64::from(mentions);
                t.units += 1;
                if in_doc.insert(entity, ()).is_none() {
                    t.documents += 1;
                }
                if let Some(c) = column {
                    *self.heat.entry((entity, c)).or_default() += u64::from(mentions);
                }
            }
        }
        for (a, b, count) in out.pairs {
            *self.pairs.entry((a, b)).or_default() += count;
        }
        match out.shown {
            Some(shown) => {
                self.shown_html.push_str(&shown.html);
                self.shown_mentions += shown.mentions;
            }
            None => self.shown_left_out += 1,
        }
        Some(out.jsonl)
    }

    /// Entities by mentions, then id.
    pub fn sorted_entities<'g>(&self, g: &'g Gazetteer) -> Vec<(EntityIdx, &'g gazet_core::Entity, EntityTotal)> {
        let mut v: Vec<_> = self.entities.iter().map(|(&idx, &t)| (idx, g.entity(idx), t)).collect();
        v.sort_by(|x, y| y.2.mentions.cmp(&x.2.mentions).then_with(|| x.1.id.cmp(&y.1.id)));
        v
    }

    /// Pairs by count, then ids.
    pub fn sorted_pairs(&self, g: &Gazetteer, min_count: u64) -> Vec<(EntityIdx, EntityIdx, u64)> {
        let mut v: Vec<_> = self.pairs.iter().filter(|(_, &c)| c >= min_count).map(|(&(a, b), &c)| (a, b, c)).collect();
        v.sort_by(|x, y| {
            y.2.cmp(&x.2)
                .then_with(|| g.entity(x.0).id.cmp(&g.entity(y.0).id))
                .then_with(|| g.entity(x.1).id.cmp(&g.entity(y.1).id))
        });
        v
    }

    pub fn kind_counts(&self) -> Vec<(Kind, u64)> {
        Kind::ALL.iter().copied().zip(self.mentions_by_kind).collect()
    }
}

/// A document's mentions.jsonl lines of at least this size bypass the write buffer.
const DIRECT_WRITE_BYTES: usize = 64 << 10;

/// The output folder while the run goes on.
pub struct Outputs {
    dir: PathBuf,
    mentions: BufWriter<NamedTempFile>,
    split_none: bool,
    pub totals: Totals,
}

fn temp_in(dir: &Path) -> anyhow::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".gazet-batch-").suffix(".tmp");
    // Outputs are ordinary files, readable like any other (temp files default to 0600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    builder.tempfile_in(dir).with_context(|| format!("cannot write in the output folder {}", dir.display()))
}

/// A CSV field, quoted when needed (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Outputs {
    /// Creates the folder (if needed) and the temporary mentions file.
    pub fn create(dir: &Path, split_none: bool) -> anyhow::Result<Outputs> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create the output folder {}", dir.display()))?;
        let mentions = BufWriter::with_capacity(1 << 20, temp_in(dir)?);
        Ok(Outputs { dir: dir.to_path_buf(), mentions, split_none, totals: Totals::default() })
    }

    /// Adds a processed document, in input order.
    pub fn add(&mut self, result: DocResult) -> anyhow::Result<()> {
        if let Some(lines) = self.totals.add(result, self.split_none) {
            // A book's lines (600 KB) go straight to the file: through the buffer, every
            // byte of mentions.jsonl was copied once more. Small documents' lines are
            // gathered there, a write each would cost a system call.
            if lines.len() >= DIRECT_WRITE_BYTES {
                self.mentions.flush().context("cannot write mentions.jsonl")?;
                self.mentions.get_mut().write_all(&lines).context("cannot write mentions.jsonl")?;
            } else {
                self.mentions.write_all(&lines).context("cannot write mentions.jsonl")?;
            }
        }
        Ok(())
    }

    /// Flushes what mentions.jsonl holds so far to the disk. Called by the writer after each
    /// batch, while the workers process the next one: the flush before the final rename
    /// then has only the last batch left (for 1,000 books, 580 MB flushed at the end cost
    /// a tenth of the run).
    pub fn sync_mentions(&mut self) -> anyhow::Result<()> {
        self.mentions.flush().context("cannot write mentions.jsonl")?;
        self.mentions.get_ref().as_file().sync_data().context("cannot flush mentions.jsonl")
    }

    /// Writes the tables; returns the staged files (not yet in place).
    pub fn stage_tables(
        &mut self,
        g: &Gazetteer,
        min_pair_count: u64,
    ) -> anyhow::Result<Vec<(NamedTempFile, &'static str)>> {
        let mut staged = Vec::new();
        let mut entities = BufWriter::new(temp_in(&self.dir)?);
        writeln!(entities, "id,kind,name,parent,mentions,documents,units")?;
        for (_, e, t) in self.totals.sorted_entities(g) {
            writeln!(
                entities,
                "{},{},{},{},{},{},{}",
                csv_field(&e.id),
                e.kind,
                csv_field(&e.name),
                csv_field(e.parent.as_deref().unwrap_or("")),
                t.mentions,
                t.documents,
                t.units
            )?;
        }
        staged.push((entities.into_inner().map_err(|e| e.into_error())?, ENTITIES));
        let mut pairs = BufWriter::new(temp_in(&self.dir)?);
        writeln!(pairs, "id_a,name_a,id_b,name_b,count")?;
        for (a, b, count) in self.totals.sorted_pairs(g, min_pair_count) {
            let (a, b) = (g.entity(a), g.entity(b));
            writeln!(
                pairs,
                "{},{},{},{},{count}",
                csv_field(&a.id),
                csv_field(&a.name),
                csv_field(&b.id),
                csv_field(&b.name)
            )?;
        }
        staged.push((pairs.into_inner().map_err(|e| e.into_error())?, COOCCURRENCE));
        Ok(staged)
    }

    /// Stages a whole file given as bytes.
    pub fn stage_bytes(&self, bytes: &[u8]) -> anyhow::Result<NamedTempFile> {
        let mut f = temp_in(&self.dir)?;
        f.write_all(bytes).context("cannot write in the output folder")?;
        Ok(f)
    }

    /// Flushes everything and renames the staged files into place.
    pub fn commit(self, staged: Vec<(NamedTempFile, &'static str)>) -> anyhow::Result<()> {
        let mentions = self.mentions.into_inner().map_err(|e| e.into_error()).context("cannot write mentions.jsonl")?;
        let mut all = vec![(mentions, MENTIONS)];
        all.extend(staged);
        for (file, _) in &all {
            file.as_file().sync_all().context("cannot flush an output file")?;
        }
        for (file, name) in all {
            let target = self.dir.join(name);
            file.persist(&target).with_context(|| format!("cannot move {} into place", target.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("Minsk"), "Minsk");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }
}
