//! `report.html`: one self-contained page (inline CSS, SVG and a few lines of script; no
//! network) with the top entities per kind, a co-occurrence network of the strongest pairs,
//! a heatmap of entities by unit and the text with its mentions highlighted by kind.
//!
//! Everything is computed here, deterministically: the network layout is a fixed number of
//! force-directed steps from a circle, with no randomness.

use rustc_hash::FxHashMap as HashMap;
use std::fmt::Write;
use std::ops::Range;

use gazet_core::{EntityIdx, Gazetteer, Kind};

use super::outputs::Totals;
use super::run::Shown;

/// What the report says about the run.
pub struct Meta<'a> {
    pub inputs: &'a [String],
    pub options: String,
    pub gazetteer_hash: &'a str,
    pub unit_name: &'a str,
    pub min_pair_count: u64,
}

const KIND_COLORS: [(&str, &str); 4] =
    [("#1f77b4", "#d6e6f5"), ("#2ca02c", "#d9f0d3"), ("#d9730d", "#fde3c8"), ("#8e44ad", "#eadcf2")];

fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    esc_into(&mut out, s);
    out
}

fn esc_into(out: &mut String, s: &str) {
    // Runs of bytes that need no escape are copied whole (the text shown in a report is
    // megabytes; char by char it cost more than extracting it).
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[run..i]);
        out.push_str(entity);
        run = i + 1;
    }
    out.push_str(&s[run..]);
}

const STYLE: &str = r#"
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#222;background:#fafafa}
header,section{max-width:1100px;margin:0 auto;padding:12px 24px}
header{border-bottom:1px solid #ddd;background:#fff;max-width:none}
header>div{max-width:1100px;margin:0 auto}
h1{font-size:24px;margin:6px 0}
h2{font-size:20px;margin:22px 0 8px;border-bottom:2px solid #eee;padding-bottom:4px}
h3{font-size:17px;margin:18px 0 6px}
h4{font-size:15px;margin:22px 0 6px;color:#444;background:#eef1f5;padding:4px 8px;border-radius:4px}
.meta{color:#555;font-size:13px;margin:2px 0}
nav a{margin-right:14px;font-size:14px}
.legend span.m{margin-right:4px}
.legend{margin:8px 0 4px;font-size:14px}
.legend>span{margin-right:18px;white-space:nowrap}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:14px}
table{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
th,td{padding:3px 6px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td small{color:#777;display:block;font-size:11px}
.bar{height:6px;border-radius:3px;margin-top:2px}
.card{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:8px}
.card h3{margin:2px 0 6px}
svg{background:#fff;border:1px solid #e3e3e3;border-radius:6px;max-width:100%;height:auto}
svg text{font-family:system-ui,"DejaVu Sans",sans-serif}
.text{white-space:pre-wrap;font:14px/1.6 Georgia,"DejaVu Serif",serif;background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:10px 14px}
.fn{display:inline;color:#666;font-size:12.5px;background:#f5f5f0}
mark{padding:0 1px;border-radius:3px;border-bottom:2px solid;cursor:pointer;color:inherit}
mark.k0{background:#d6e6f5;border-color:#1f77b4}
mark.k1{background:#d9f0d3;border-color:#2ca02c}
mark.k2{background:#fde3c8;border-color:#d9730d}
mark.k3{background:#eadcf2;border-color:#8e44ad}
mark:hover,mark.sel{outline:2px solid #333}
span.m{display:inline-block;width:12px;height:12px;border-radius:3px;vertical-align:-1px}
#info{position:fixed;right:16px;bottom:16px;max-width:360px;background:#fff;border:1px solid #999;border-radius:6px;padding:8px 12px;box-shadow:0 2px 10px rgba(0,0,0,.2);font-size:14px}
#info[hidden]{display:none}
ol.cols{columns:2;font-size:13px;color:#444}
.note{color:#777;font-size:13px}
"#;

const SCRIPT: &str = r#"
(function(){
  var info=document.getElementById('info'),sel=null;
  document.addEventListener('click',function(e){
    var m=e.target.closest('mark');
    if(sel){sel.classList.remove('sel');sel=null;}
    if(!m){info.hidden=true;return;}
    sel=m;m.classList.add('sel');
    info.textContent='';
    var b=document.createElement('b');b.textContent=m.dataset.name;info.appendChild(b);
    info.appendChild(document.createElement('br'));
    info.appendChild(document.createTextNode(m.dataset.id+' \u00b7 '+m.dataset.kind+' \u00b7 \u00ab'+m.textContent+'\u00bb'));
    info.hidden=false;
  });
})();
"#;

/// Renders the whole report.
pub fn render(totals: &Totals, g: &Gazetteer, meta: &Meta) -> String {
    let shown_mentions = totals.shown_mentions;
    let mut h = String::with_capacity(totals.shown_html.len() + (1 << 16));
    h.push_str("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>gazet batch report</title>\n<style>");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n");
    let _ = writeln!(
        h,
        "<body data-mentions=\"{}\" data-shown-mentions=\"{shown_mentions}\" data-documents=\"{}\">",
        totals.mentions, totals.documents_ok
    );
    header(&mut h, totals, meta);
    top_entities(&mut h, totals, g);
    network(&mut h, totals, g, meta);
    heatmap(&mut h, totals, g);
    text(&mut h, totals);
    h.push_str("<div id=\"info\" hidden></div>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

fn header(h: &mut String, totals: &Totals, meta: &Meta) {
    h.push_str("<header><div>\n<h1>gazet batch report</h1>\n");
    let inputs = meta.inputs.join(", ");
    let _ = writeln!(
        h,
        "<p class=\"meta\">{} documents ({:.1} MB), {} units, {} mentions of {} entities, {} co-occurring pairs \
         ({} failed documents)</p>",
        totals.documents_ok,
        totals.bytes as f64 / 1e6,
        totals.units,
        totals.mentions,
        totals.entities.len(),
        totals.pairs.len(),
        totals.failures.len()
    );
    let _ = writeln!(
        h,
        "<p class=\"meta\">Inputs: {} · options: {} · gazet {} · gazetteer {}</p>",
        esc(&inputs),
        esc(&meta.options),
        env!("CARGO_PKG_VERSION"),
        esc(meta.gazetteer_hash)
    );
    h.push_str("<div class=\"legend\">");
    for (kind, n) in totals.kind_counts() {
        let (fg, bg) = KIND_COLORS[kind_index(kind)];
        let _ = write!(
            h,
            "<span><span class=\"m\" style=\"background:{bg};border:2px solid {fg}\"></span>{} {n}</span>",
            kind.as_str()
        );
    }
    h.push_str("</div>\n<nav><a href=\"#top\">Top entities</a><a href=\"#network\">Network</a>");
    h.push_str("<a href=\"#heatmap\">Heatmap</a><a href=\"#text\">Text</a></nav>\n</div></header>\n");
}

fn top_entities(h: &mut String, totals: &Totals, g: &Gazetteer) {
    h.push_str("<section id=\"top\">\n<h2>Top entities per kind</h2>\n<div class=\"grid\">\n");
    let all = totals.sorted_entities(g);
    for kind in Kind::ALL {
        let (fg, _) = KIND_COLORS[kind_index(kind)];
        let rows: Vec<_> = all.iter().filter(|(_, e, _)| e.kind == kind).take(15).collect();
        let max = rows.first().map_or(1, |r| r.2.mentions.max(1));
        let _ = writeln!(h, "<div class=\"card\"><h3 style=\"color:{fg}\">{}</h3>", kind.as_str());
        if rows.is_empty() {
            h.push_str("<p class=\"note\">none found</p></div>\n");
            continue;
        }
        h.push_str("<table><tr><th>entity</th><th>mentions</th><th>docs</th><th>units</th></tr>\n");
        for (_, e, t) in rows {
            let width = 100.0 * t.mentions as f64 / max as f64;
            let _ = writeln!(
                h,
                "<tr><td>{}<small>{}</small><div class=\"bar\" style=\"width:{width:.1}%;background:{fg}\"></div></td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&e.name),
                esc(&e.id),
                t.mentions,
                t.documents,
                t.units
            );
        }
        h.push_str("</table></div>\n");
    }
    h.push_str("</div>\n</section>\n");
}

/// Node positions: a circle, then force-directed steps (Fruchterman-Reingold), fitted
/// into the box. Deterministic.
fn layout(n: usize, edges: &[(usize, usize, f64)], width: f64, height: f64) -> Vec<(f64, f64)> {
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = std::f64::consts::TAU * i as f64 / n.max(1) as f64;
            (a.cos() * width / 3.0, a.sin() * height / 3.0)
        })
        .collect();
    if n < 2 {
        return pos.into_iter().map(|_| (width / 2.0, height / 2.0)).collect();
    }
    let k = (width * height / n as f64).sqrt() * 0.6;
    let steps = 300;
    for step in 0..steps {
        let temperature = width / 8.0 * (1.0 - step as f64 / steps as f64) + 0.5;
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(0.01);
                let f = k * k / d;
                disp[i].0 += dx / d * f;
                disp[i].1 += dy / d * f;
                disp[j].0 -= dx / d * f;
                disp[j].1 -= dy / d * f;
            }
        }
        for &(a, b, w) in edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d * d / k * (0.5 + w);
            disp[a].0 -= dx / d * f;
            disp[a].1 -= dy / d * f;
            disp[b].0 += dx / d * f;
            disp[b].1 += dy / d * f;
        }
        for i in 0..n {
            // Gravity keeps loose components in view.
            disp[i].0 -= pos[i].0 * 0.05 * k / width * 10.0;
            disp[i].1 -= pos[i].1 * 0.05 * k / height * 10.0;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1).sqrt().max(1e-9);
            let step = len.min(temperature);
            pos[i].0 += disp[i].0 / len * step;
            pos[i].1 += disp[i].1 / len * step;
        }
    }
    let (min_x, max_x) = pos.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (min_y, max_y) = pos.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let (mx, my) = (110.0, 40.0);
    let sx = (width - 2.0 * mx) / (max_x - min_x).max(1e-9);
    let sy = (height - 2.0 * my) / (max_y - min_y).max(1e-9);
    pos.iter().map(|p| (mx + (p.0 - min_x) * sx, my + (p.1 - min_y) * sy)).collect()
}

fn network(h: &mut String, totals: &Totals, g: &Gazetteer, meta: &Meta) {
    const MAX_PAIRS: usize = 40;
    let pairs: Vec<_> = totals.sorted_pairs(g, meta.min_pair_count).into_iter().take(MAX_PAIRS).collect();
    let _ = writeln!(
        h,
        "<section id=\"network\">\n<h2>Co-occurrence network</h2>\n<p class=\"note\">The {} strongest pairs \
         (co-occurrence unit: {}). Node size: mentions; line width: co-occurrences. Hover for counts.</p>",
        pairs.len(),
        esc(meta.unit_name)
    );
    if pairs.is_empty() {
        h.push_str("<p class=\"note\">No co-occurring pairs.</p></section>\n");
        return;
    }
    let mut nodes: Vec<EntityIdx> = Vec::new();
    let mut index: HashMap<EntityIdx, usize> = HashMap::default();
    for &(a, b, _) in &pairs {
        for e in [a, b] {
            index.entry(e).or_insert_with(|| {
                nodes.push(e);
                nodes.len() - 1
            });
        }
    }
    let max_count = pairs[0].2.max(1) as f64;
    let edges: Vec<(usize, usize, f64)> =
        pairs.iter().map(|&(a, b, c)| (index[&a], index[&b], c as f64 / max_count)).collect();
    let (width, height) = (1000.0, 680.0);
    let pos = layout(nodes.len(), &edges, width, height);
    let mention = |e: EntityIdx| totals.entities.get(&e).map_or(0, |t| t.mentions);
    let max_mentions = nodes.iter().map(|&e| mention(e)).max().unwrap_or(1).max(1) as f64;
    let _ = writeln!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" \
         height=\"{height}\" role=\"img\" aria-label=\"co-occurrence network\">"
    );
    h.push_str("<g stroke=\"#6b7b8c\" stroke-linecap=\"round\">\n");
    for (&(a, b, c), &(i, j, w)) in pairs.iter().zip(&edges) {
        let _ = writeln!(
            h,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke-width=\"{:.1}\" stroke-opacity=\"{:.2}\">\
             <title>{} – {}: {c}</title></line>",
            pos[i].0,
            pos[i].1,
            pos[j].0,
            pos[j].1,
            1.0 + 7.0 * w,
            0.35 + 0.5 * w,
            esc(&g.entity(a).name),
            esc(&g.entity(b).name)
        );
    }
    h.push_str("</g>\n<g>\n");
    for (i, &e) in nodes.iter().enumerate() {
        let entity = g.entity(e);
        let (fg, bg) = KIND_COLORS[kind_index(entity.kind)];
        let m = mention(e);
        let r = 5.0 + 16.0 * (m as f64 / max_mentions).sqrt();
        let (x, y) = pos[i];
        let _ = writeln!(
            h,
            "<g><title>{} ({}) – {m} mentions</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{bg}\" \
             stroke=\"{fg}\" stroke-width=\"2\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" \
             fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text></g>",
            esc(&entity.name),
            esc(&entity.id),
            y + r + 13.0,
            esc(&short(&entity.name, 28))
        );
    }
    h.push_str("</g>\n</svg>\n</section>\n");
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn heat_color(v: f64) -> String {
    // From #f7fbff (v = 0) to #08306b (v = 1).
    let lerp = |a: f64, b: f64| (a + (b - a) * v).round() as u8;
    format!("#{:02x}{:02x}{:02x}", lerp(247.0, 8.0), lerp(251.0, 48.0), lerp(255.0, 107.0))
}

fn heatmap(h: &mut String, totals: &Totals, g: &Gazetteer) {
    const ROWS: usize = 30;
    let rows: Vec<_> = totals.sorted_entities(g).into_iter().take(ROWS).collect();
    let cols = totals.columns.len();
    h.push_str("<section id=\"heatmap\">\n<h2>Entities by unit</h2>\n");
    if rows.is_empty() || cols == 0 {
        h.push_str("<p class=\"note\">Nothing to show.</p></section>\n");
        return;
    }
    let _ = writeln!(
        h,
        "<p class=\"note\">Mentions of the {} most mentioned entities in each unit (numbered below){}. \
         Colour: log scale; hover for counts.</p>",
        rows.len(),
        if totals.columns_left_out > 0 {
            format!("; {} more units not shown", totals.columns_left_out)
        } else {
            String::new()
        }
    );
    let label_w = 250.0;
    let cell_w = (720.0 / cols as f64).clamp(12.0, 48.0);
    let cell_h = 20.0;
    let top = 28.0;
    let width = label_w + cell_w * cols as f64 + 10.0;
    let height = top + cell_h * rows.len() as f64 + 10.0;
    let max = rows
        .iter()
        .flat_map(|(e, _, _)| (0..cols).map(move |c| (*e, c)))
        .filter_map(|k| totals.heat.get(&k))
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let _ = writeln!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" \
         height=\"{height:.0}\" role=\"img\" aria-label=\"heatmap of entities by unit\">"
    );
    for c in 0..cols {
        let x = label_w + cell_w * (c as f64 + 0.5);
        let _ = writeln!(
            h,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\"><title>{}</title>{}</text>",
            top - 8.0,
            esc(&totals.columns[c]),
            c + 1
        );
    }
    for (r, (e, entity, _)) in rows.iter().enumerate() {
        let y = top + cell_h * r as f64;
        let (fg, _) = KIND_COLORS[kind_index(entity.kind)];
        let _ = writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"{fg}\"><title>{}</title>{}</text>",
            label_w - 8.0,
            y + cell_h * 0.7,
            esc(&entity.id),
            esc(&short(&entity.name, 34))
        );
        for c in 0..cols {
            let n = totals.heat.get(&(*e, c)).copied().unwrap_or(0);
            let v = (1.0 + n as f64).ln() / (1.0 + max).ln();
            let x = label_w + cell_w * c as f64;
            let _ = write!(
                h,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#fff\">\
                 <title>{} – {}: {n}</title></rect>",
                cell_w,
                cell_h,
                heat_color(v),
                esc(&entity.name),
                esc(&totals.columns[c])
            );
            if n > 0 && cell_w >= 22.0 {
                let _ = write!(
                    h,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{}\" \
                     pointer-events=\"none\">{n}</text>",
                    x + cell_w / 2.0,
                    y + cell_h * 0.68,
                    if v > 0.55 { "#fff" } else { "#123" }
                );
            }
            h.push('\n');
        }
    }
    h.push_str("</svg>\n<ol class=\"cols\">\n");
    for label in &totals.columns {
        let _ = writeln!(h, "<li>{}</li>", esc(if label.is_empty() { "(whole document)" } else { label }));
    }
    h.push_str("</ol>\n</section>\n");
}

/// Writes text with blank lines dropped (PDF text is double-spaced) and HTML escaped.
struct TextWriter {
    at_line_start: bool,
    pending: String,
}

impl TextWriter {
    fn push(&mut self, out: &mut String, mut s: &str) {
        while !s.is_empty() {
            if self.at_line_start {
                // Indentation is kept only if content follows on the line.
                let indent = s.bytes().take_while(|b| matches!(b, b' ' | b'\t' | b'\r')).count();
                self.pending.push_str(&s[..indent]);
                s = &s[indent..];
                match s.as_bytes().first() {
                    None => return,
                    Some(b'\n') => {
                        self.pending.clear();
                        s = &s[1..];
                        continue;
                    }
                    Some(_) => self.flush(out),
                }
            }
            // Content up to the line's end.
            let end = s.bytes().position(|b| b == b'\n').unwrap_or(s.len());
            esc_into(out, &s[..end]);
            if end < s.len() {
                out.push('\n');
                self.at_line_start = true;
                self.pending.clear();
                s = &s[end + 1..];
            } else {
                s = "";
            }
        }
    }

    /// Content follows on this line: keep its indentation.
    fn flush(&mut self, out: &mut String) {
        if self.at_line_start {
            out.push_str(&self.pending);
            self.pending.clear();
            self.at_line_start = false;
        }
    }
}

fn text(h: &mut String, totals: &Totals) {
    h.push_str(
        "<section id=\"text\">\n<h2>Text</h2>\n<p class=\"note\">Mentions are highlighted by kind; hover one \
                for its id and canonical name, click it to pin them. Footnotes are in grey.",
    );
    if totals.shown_left_out > 0 {
        let _ = write!(h, " The text of {} more documents is left out to keep this page small.", totals.shown_left_out);
    }
    h.push_str("</p>\n");
    h.push_str(&totals.shown_html);
    h.push_str("</section>\n");
}

/// The `<article>` of one shown document, its mentions highlighted: rendered by the worker
/// that processed the document, so that the report left to write at the end of a run is
/// only the tables and pictures (the text of a few books took 50 ms there).
pub fn article(ordinal: usize, id: &str, shown: &Shown, g: &Gazetteer) -> String {
    let mut html = String::with_capacity(shown.text.len() * 2);
    let h = &mut html;
    let _ = writeln!(h, "<article id=\"d{ordinal}\">\n<h3>{}</h3>", esc(id));
    let mut spans = shown.spans.iter().peekable();
    for (p, part) in shown.parts.iter().enumerate() {
        if !part.label.is_empty() {
            let _ = writeln!(h, "<h4 id=\"d{ordinal}u{}\">{}</h4>", p + 1, esc(&part.label));
        }
        h.push_str("<div class=\"text\">");
        let mut w = TextWriter { at_line_start: true, pending: String::new() };
        let notes = zones_within(&shown.footnotes, part.start..part.end);
        let mut at = part.start;
        let mut in_note = false;
        // Boundaries: footnote zone edges and mentions, in order.
        let mut edges: Vec<usize> = notes.iter().flat_map(|r| [r.start, r.end]).collect();
        edges.reverse();
        loop {
            let next_span = spans.peek().filter(|s| s.start < part.end).copied();
            let next_edge = edges.last().copied();
            match (next_span, next_edge) {
                (Some(s), e) if e.is_none_or(|e| s.start < e) => {
                    w.push(h, &shown.text[at..s.start]);
                    w.flush(h);
                    let entity = g.entity(s.entity);
                    let k = kind_index(entity.kind);
                    let _ = write!(
                        h,
                        "<mark class=\"k{k}\" data-id=\"{}\" data-name=\"{}\" data-kind=\"{}\" title=\"{} — {}\">",
                        esc(&entity.id),
                        esc(&entity.name),
                        entity.kind.as_str(),
                        esc(&entity.id),
                        esc(&entity.name)
                    );
                    w.push(h, &shown.text[s.start..s.end]);
                    h.push_str("</mark>");
                    at = s.end;
                    spans.next();
                }
                (_, Some(e)) => {
                    let e = e.max(at);
                    w.push(h, &shown.text[at..e]);
                    h.push_str(if in_note { "</span>" } else { "<span class=\"fn\">" });
                    in_note = !in_note;
                    at = e;
                    edges.pop();
                }
                (_, None) => break,
            }
        }
        w.push(h, &shown.text[at..part.end]);
        if in_note {
            h.push_str("</span>");
        }
        h.push_str("</div>\n");
    }
    h.push_str("</article>\n");
    html
}

/// Footnote zones clipped to a part.
fn zones_within(zones: &[Range<usize>], part: Range<usize>) -> Vec<Range<usize>> {
    zones
        .iter()
        .filter(|z| z.start < part.end && z.end > part.start)
        .map(|z| z.start.max(part.start)..z.end.min(part.end))
        .filter(|z| !z.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn blank_lines_dropped() {
        let mut out = String::new();
        let mut w = TextWriter { at_line_start: true, pending: String::new() };
        w.push(&mut out, "a <b>\n\n \n  c\n");
        assert_eq!(out, "a &lt;b&gt;\n  c\n");
    }

    /// Text is pushed in pieces cut at mentions and footnote edges: the output is the same
    /// wherever the cuts fall, indentation included (kept only before content).
    #[test]
    fn text_output_is_the_same_whatever_the_pieces() {
        let text = "x\n  \t\r\n \tindent <é> 'q' & \"r\"\r\n\n  fin  \n \n";
        let expected = "x\n \tindent &lt;é&gt; &#39;q&#39; &amp; &quot;r&quot;\r\n  fin  \n";
        let whole = |pieces: &[&str]| {
            let mut out = String::new();
            let mut w = TextWriter { at_line_start: true, pending: String::new() };
            for piece in pieces {
                w.push(&mut out, piece);
            }
            out
        };
        assert_eq!(whole(&[text]), expected);
        for (cut, _) in text.char_indices() {
            for (second, _) in text[cut..].char_indices() {
                let pieces = [&text[..cut], &text[cut..cut + second], &text[cut + second..]];
                assert_eq!(whole(&pieces), expected, "{pieces:?}");
            }
        }
    }

    #[test]
    fn layout_is_deterministic_and_inside() {
        let edges = [(0, 1, 1.0), (1, 2, 0.5), (2, 3, 0.2), (0, 3, 0.1)];
        let a = layout(5, &edges, 800.0, 600.0);
        assert_eq!(a, layout(5, &edges, 800.0, 600.0));
        assert!(a.iter().all(|&(x, y)| (0.0..=800.0).contains(&x) && (0.0..=600.0).contains(&y)));
    }
}
