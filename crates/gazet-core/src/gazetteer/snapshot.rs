//! A loaded gazetteer as bytes, made once when the binary is built.
//!
//! Parsing the embedded gazetteer files and expanding their templates is the largest part of
//! a one-shot command's start-up once the compiled image spares the compilation (four tenths
//! of the instructions of `gazet batch` over the book, on the thread that waits for it). None
//! of it depends on anything but the files, so `gazet`'s build script writes the loaded
//! gazetteer here, and the embedded engine reads it back instead of parsing.
//!
//! A snapshot names its format and the content hash of the files it was loaded from; a
//! truncated or malformed snapshot is an error, never a panic, and the caller then parses the
//! files.

use rustc_hash::FxHashMap;

use super::{Entity, EntityIdx, Gazetteer, Kind, Surface};
use crate::bytes::{Reader, Writer};

const MAGIC: &[u8; 8] = b"GAZETSNP";
/// Bumped whenever the layout below changes (2: lengths in 64 bits, as the image's).
const FORMAT: u32 = 2;

impl Gazetteer {
    /// This gazetteer as a snapshot for [`Gazetteer::from_snapshot`].
    pub fn to_snapshot(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(16 << 20));
        w.0.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.str(&self.content_hash);
        w.len(self.files.len());
        self.files.iter().for_each(|f| w.str(f));
        w.len(self.entities.len());
        for e in &self.entities {
            w.str(&e.id);
            w.u8(Kind::ALL.iter().position(|&k| k == e.kind).expect("every kind is in Kind::ALL") as u8);
            w.str(&e.subtype);
            w.str(&e.name);
            w.opt_str(e.parent.as_deref());
            w.strs(&e.xrefs);
            w.u32(e.prior.to_bits());
            for surfaces in [&e.names, &e.acronyms, &e.adjectives, &e.prefixes] {
                w.len(surfaces.len());
                surfaces.iter().for_each(|s| w.surface(s));
            }
            w.strs(&e.designators);
            w.opt_str(e.article.as_deref());
            w.str(&e.origin);
        }
        let mut filled: Vec<(u32, u32, u32)> = self.filled.iter().map(|(&(t, slot), &e)| (t, slot.0, e.0)).collect();
        filled.sort_unstable();
        w.len(filled.len());
        for (template, slot, entity) in filled {
            w.u32(template);
            w.u32(slot);
            w.u32(entity);
        }
        w.0
    }

    /// The gazetteer a snapshot made by [`Gazetteer::to_snapshot`] holds, or why it cannot be
    /// read: another format, or truncated or malformed bytes.
    pub fn from_snapshot(bytes: &[u8]) -> Result<Gazetteer, String> {
        let mut r = Reader::new(bytes, "gazetteer snapshot");
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a gazet gazetteer snapshot".into());
        }
        let format = r.u32()?;
        if format != FORMAT {
            return Err(format!("gazetteer snapshot format {format}, this build reads format {FORMAT}"));
        }
        let content_hash = r.string()?;
        let count = r.len()?;
        let mut files = Vec::with_capacity(count);
        for _ in 0..count {
            files.push(r.string()?);
        }
        let count = r.len()?;
        let mut entities = Vec::with_capacity(count);
        for _ in 0..count {
            let id = r.string()?;
            let kind = *Kind::ALL.get(r.u8()? as usize).ok_or_else(|| r.malformed("unknown kind"))?;
            let subtype = r.string()?;
            let name = r.string()?;
            let parent = r.opt_string()?;
            let xrefs = r.strings()?;
            let prior = f32::from_bits(r.u32()?);
            let names = r.surfaces()?;
            let acronyms = r.surfaces()?;
            let adjectives = r.surfaces()?;
            let prefixes = r.surfaces()?;
            entities.push(Entity {
                id,
                kind,
                subtype,
                name,
                parent,
                xrefs,
                prior,
                names,
                acronyms,
                adjectives,
                prefixes,
                designators: r.strings()?,
                article: r.opt_string()?,
                origin: r.string()?,
            });
        }
        let count = r.len()?;
        let mut fills = FxHashMap::default();
        let mut filled = FxHashMap::default();
        for _ in 0..count {
            let (template, slot, entity) = (r.u32()?, r.u32()?, r.u32()?);
            if slot as usize >= entities.len() || entity as usize >= entities.len() {
                return Err(r.malformed("entity index out of range"));
            }
            fills.insert(EntityIdx(entity), template);
            filled.insert((template, EntityIdx(slot)), EntityIdx(entity));
        }
        if r.remaining() != 0 {
            return Err(r.malformed("bytes after the end"));
        }
        let mut index = FxHashMap::default();
        index.reserve(entities.len());
        for (i, e) in entities.iter().enumerate() {
            if index.insert(e.id.clone(), EntityIdx(i as u32)).is_some() {
                return Err(format!("malformed gazetteer snapshot: duplicate id {}", e.id));
            }
        }
        let mut gazetteer =
            Gazetteer { entities, states: Vec::new(), parents: Vec::new(), index, fills, filled, content_hash, files };
        gazetteer.link();
        Ok(gazetteer)
    }
}

/// Strings after their length, and a surface's flags in one byte.
impl Writer {
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        self.u8(u8::from(s.is_some()));
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn strs(&mut self, strings: &[String]) {
        self.len(strings.len());
        strings.iter().for_each(|s| self.str(s));
    }

    fn surface(&mut self, s: &Surface) {
        self.str(&s.text);
        let flags = [
            s.accent_sensitive,
            s.needs_district_context,
            s.foreign,
            s.anaphoric,
            s.needs_designator,
            s.stem_len.is_some(),
        ];
        self.flags(&flags);
        if let Some(stem) = s.stem_len {
            self.len(stem);
        }
    }
}

impl Reader<'_> {
    fn string(&mut self) -> Result<String, String> {
        let bytes = self.bytes()?;
        std::str::from_utf8(bytes).map(str::to_owned).map_err(|_| self.malformed("string not UTF-8"))
    }

    fn opt_string(&mut self) -> Result<Option<String>, String> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            _ => Err(self.malformed("optional string flag")),
        }
    }

    fn strings(&mut self) -> Result<Vec<String>, String> {
        let n = self.len()?;
        (0..n).map(|_| self.string()).collect()
    }

    fn surfaces(&mut self) -> Result<Vec<Surface>, String> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let text = self.string()?;
            let [accent_sensitive, needs_district_context, foreign, anaphoric, needs_designator, has_stem, ..] =
                self.flags()?;
            let stem_len = if has_stem { Some(self.u64()? as usize) } else { None };
            if stem_len.is_some_and(|stem| stem > text.len() || !text.is_char_boundary(stem)) {
                return Err(self.malformed("template stem past its surface"));
            }
            out.push(Surface {
                text,
                accent_sensitive,
                needs_district_context,
                foreign,
                anaphoric,
                needs_designator,
                stem_len,
            });
        }
        Ok(out)
    }
}

#[cfg(all(test, feature = "embedded"))]
mod tests {
    use super::*;

    /// Every field of every entity, in order, and the template maps: what a snapshot must
    /// give back.
    fn contents(g: &Gazetteer) -> String {
        let mut filled: Vec<_> = g.filled.iter().collect();
        filled.sort_unstable();
        let mut fills: Vec<_> = g.fills.iter().collect();
        fills.sort_unstable();
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{filled:?}\n{fills:?}\n{}\n{:?}",
            g.entities,
            g.states,
            g.parents,
            {
                let mut index: Vec<_> = g.index.iter().collect();
                index.sort_unstable();
                index
            },
            g.content_hash,
            g.files
        )
    }

    #[test]
    fn the_embedded_gazetteer_comes_back_whole() {
        let parsed = Gazetteer::embedded().unwrap();
        let read = Gazetteer::from_snapshot(&parsed.to_snapshot()).unwrap();
        assert_eq!(contents(&read), contents(&parsed));
        assert!(read.len() > 10_000);
    }

    #[test]
    fn a_truncated_or_altered_snapshot_is_refused_without_a_panic() {
        let snapshot = Gazetteer::embedded().unwrap().to_snapshot();
        let step = snapshot.len() / 997;
        for cut in (0..snapshot.len()).step_by(step.max(1)) {
            assert!(Gazetteer::from_snapshot(&snapshot[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = snapshot.clone();
        longer.push(0);
        assert!(Gazetteer::from_snapshot(&longer).unwrap_err().contains("bytes after the end"));
        let mut other_format = snapshot.clone();
        other_format[8] ^= 0xff;
        assert!(Gazetteer::from_snapshot(&other_format).unwrap_err().contains("format"));
        // Bytes flipped here and there: an error or a gazetteer, never a panic.
        for at in (12..snapshot.len()).step_by(step.max(1) * 7) {
            let mut altered = snapshot.clone();
            altered[at] ^= 0x5a;
            let _ = Gazetteer::from_snapshot(&altered);
        }
    }
}
