//! Scoring extraction against gold annotations.
//!
//! Gold files are JSON Lines, one mention per line: `start` and `end` in Unicode scalar
//! offsets (end exclusive), `kind`, `id`, optional `form`, optional `optional: true` for a
//! debatable mention (neither rewarded when found nor counted missing when not).
//!
//! - strict: same span and same kind;
//! - lenient: overlapping spans and same kind, matched one to one;
//! - per kind and per form: strict, each side filtered to that kind or form;
//! - ID accuracy: among strict matches, the share with the same id.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::compile::Form;
use crate::gazetteer::Kind;

/// One annotated or extracted mention, offsets in chars.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Annotation {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Deserialize)]
struct RawAnnotation {
    start: usize,
    end: usize,
    kind: String,
    id: String,
    #[serde(default)]
    form: Option<String>,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    text: Option<String>,
}

/// Parses a gold file; an error names the line and what is wrong.
pub fn parse_gold(jsonl: &str) -> Result<Vec<Annotation>, String> {
    let mut out = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawAnnotation = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let kind = Kind::parse(&raw.kind).ok_or_else(|| format!("line {}: unknown kind {:?}", i + 1, raw.kind))?;
        let form = match raw.form.as_deref() {
            None | Some("") => None,
            Some(f) => Some(Form::parse(f).ok_or_else(|| format!("line {}: unknown form {f:?}", i + 1))?),
        };
        if raw.end <= raw.start {
            return Err(format!("line {}: end {} is not after start {}", i + 1, raw.end, raw.start));
        }
        out.push(Annotation {
            start: raw.start,
            end: raw.end,
            kind,
            id: raw.id,
            form,
            optional: raw.optional,
            text: raw.text,
        });
    }
    Ok(out)
}

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    #[serde(rename = "fn")]
    pub fn_: u32,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// An error of the system, for the lists of false positives and negatives.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    pub id: String,
}

/// The full score over a set of documents.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub strict: Counts,
    pub lenient: Counts,
    pub per_kind: BTreeMap<Kind, Counts>,
    pub per_form: BTreeMap<Form, Counts>,
    /// Strict matches with the same id / strict matches.
    pub id_correct: u32,
    pub id_total: u32,
    pub false_positives: Vec<Miss>,
    pub false_negatives: Vec<Miss>,
    /// Strict matches whose id differs: (doc, gold, system).
    pub wrong_ids: Vec<(String, Annotation, Annotation)>,
}

impl Report {
    pub fn id_accuracy(&self) -> f64 {
        ratio(self.id_correct, self.id_total)
    }

    /// Scores one document and adds it to the report.
    pub fn add_document(&mut self, doc: &str, text: &str, gold: &[Annotation], system: &[Annotation]) {
        let chars: Vec<char> = text.chars().collect();
        let slice =
            |a: &Annotation| chars.get(a.start..a.end.min(chars.len())).map(|c| c.iter().collect()).unwrap_or_default();
        let miss = |a: &Annotation| Miss {
            doc: doc.to_string(),
            start: a.start,
            end: a.end,
            text: slice(a),
            kind: a.kind,
            id: a.id.clone(),
        };

        let strict = strict_match(gold, system);
        self.strict.add(strict.counts);
        for &(g, s) in &strict.pairs {
            self.id_total += 1;
            if gold[g].id == system[s].id {
                self.id_correct += 1;
            } else {
                self.wrong_ids.push((doc.to_string(), gold[g].clone(), system[s].clone()));
            }
        }
        self.false_positives.extend(strict.unmatched_system.iter().map(|&s| miss(&system[s])));
        self.false_negatives.extend(strict.unmatched_gold.iter().map(|&g| miss(&gold[g])));
        self.lenient.add(lenient_match(gold, system));
        for kind in Kind::ALL {
            let g: Vec<Annotation> = gold.iter().filter(|a| a.kind == kind).cloned().collect();
            let s: Vec<Annotation> = system.iter().filter(|a| a.kind == kind).cloned().collect();
            self.per_kind.entry(kind).or_default().add(strict_match(&g, &s).counts);
        }
        for form in Form::ALL {
            let g: Vec<Annotation> = gold.iter().filter(|a| a.form == Some(form)).cloned().collect();
            let s: Vec<Annotation> = system.iter().filter(|a| a.form == Some(form)).cloned().collect();
            self.per_form.entry(form).or_default().add(strict_match(&g, &s).counts);
        }
    }
}

struct StrictMatch {
    counts: Counts,
    pairs: Vec<(usize, usize)>,
    unmatched_gold: Vec<usize>,
    unmatched_system: Vec<usize>,
}

fn strict_match(gold: &[Annotation], system: &[Annotation]) -> StrictMatch {
    let by_span: HashMap<(usize, usize, Kind), usize> =
        gold.iter().enumerate().map(|(i, g)| ((g.start, g.end, g.kind), i)).collect();
    let mut matched_gold = vec![false; gold.len()];
    let mut out = StrictMatch {
        counts: Counts::default(),
        pairs: Vec::new(),
        unmatched_gold: Vec::new(),
        unmatched_system: Vec::new(),
    };
    for (s, sys) in system.iter().enumerate() {
        match by_span.get(&(sys.start, sys.end, sys.kind)) {
            Some(&g) if !matched_gold[g] => {
                matched_gold[g] = true;
                if !gold[g].optional {
                    out.counts.tp += 1;
                    out.pairs.push((g, s));
                }
            }
            _ => {
                // A system mention inside an optional gold span is not held against it.
                let inside_optional = gold.iter().any(|g| g.optional && g.start < sys.end && sys.start < g.end);
                if !inside_optional {
                    out.counts.fp += 1;
                    out.unmatched_system.push(s);
                }
            }
        }
    }
    for (g, m) in matched_gold.iter().enumerate() {
        if !m && !gold[g].optional {
            out.counts.fn_ += 1;
            out.unmatched_gold.push(g);
        }
    }
    out
}

fn lenient_match(gold: &[Annotation], system: &[Annotation]) -> Counts {
    let mut used = vec![false; gold.len()];
    let mut counts = Counts::default();
    for sys in system {
        let hit = gold
            .iter()
            .enumerate()
            .find(|(i, g)| !used[*i] && g.kind == sys.kind && g.start < sys.end && sys.start < g.end);
        match hit {
            Some((i, g)) => {
                used[i] = true;
                if !g.optional {
                    counts.tp += 1;
                }
            }
            None => {
                if !gold.iter().any(|g| g.optional && g.start < sys.end && sys.start < g.end) {
                    counts.fp += 1;
                }
            }
        }
    }
    counts.fn_ = gold.iter().zip(&used).filter(|(g, u)| !**u && !g.optional).count() as u32;
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(start: usize, end: usize, kind: Kind, id: &str) -> Annotation {
        Annotation { start, end, kind, id: id.into(), form: Some(Form::Name), optional: false, text: None }
    }

    #[test]
    fn strict_lenient_and_ids() {
        let text = "la Russie et la région de Gomel et Minsk";
        let gold = [a(3, 9, Kind::State, "RU"), a(16, 31, Kind::Region, "BY-HO"), a(35, 40, Kind::Region, "MINSK")];
        let system = [
            a(3, 9, Kind::State, "RU"),
            a(26, 31, Kind::Region, "GOMEL"),
            a(35, 40, Kind::Region, "X"),
            a(0, 2, Kind::Firm, "F"),
        ];
        let mut r = Report::default();
        r.add_document("d", text, &gold, &system);
        assert_eq!(r.strict, Counts { tp: 2, fp: 2, fn_: 1 });
        assert_eq!(r.lenient, Counts { tp: 3, fp: 1, fn_: 0 });
        assert_eq!((r.id_correct, r.id_total), (1, 2));
        assert_eq!(r.false_negatives[0].text, "région de Gomel");
        assert_eq!(r.per_kind[&Kind::Region], Counts { tp: 1, fp: 1, fn_: 1 });
        assert!((r.strict.precision() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn optional_gold_is_neither_reward_nor_miss() {
        let mut g = a(0, 5, Kind::State, "X");
        g.optional = true;
        let mut r = Report::default();
        r.add_document("d", "abcdef", &[g.clone()], &[]);
        r.add_document("d", "abcdef", &[g], &[a(0, 5, Kind::State, "X")]);
        assert_eq!(r.strict, Counts::default());
    }

    #[test]
    fn gold_parsing_names_the_line() {
        assert!(parse_gold("{\"start\":0,\"end\":2,\"kind\":\"STATE\",\"id\":\"x\"}\n").is_ok());
        let e = parse_gold("\n{\"start\":0,\"end\":2,\"kind\":\"PERSON\",\"id\":\"x\"}").unwrap_err();
        assert!(e.starts_with("line 2") && e.contains("PERSON"), "{e}");
    }
}
