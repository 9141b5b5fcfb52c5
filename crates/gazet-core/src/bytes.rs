//! Little-endian writing and reading of what the build script makes for the binary (the
//! compiled image, the gazetteer snapshot). Reading bytes that are truncated or malformed is
//! an error that names the byte, never a panic.

/// Little-endian integers; byte strings and word arrays after their length.
pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn u8(&mut self, x: u8) {
        self.0.push(x);
    }

    pub(crate) fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }

    pub(crate) fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }

    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }

    pub(crate) fn words(&mut self, words: &[u64]) {
        self.len(words.len());
        words.iter().for_each(|&x| self.u64(x));
    }

    /// Up to eight flags in one byte, the first in the lowest bit.
    pub(crate) fn flags(&mut self, flags: &[bool]) {
        assert!(flags.len() <= 8, "eight flags to a byte");
        self.u8(flags.iter().enumerate().fold(0, |acc, (i, &f)| acc | (u8::from(f) << i)));
    }
}

/// Reads what [`Writer`] wrote; `what` names the artefact in errors ("compiled image").
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pub(crate) at: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Reader { bytes, at: 0, what }
    }

    pub(crate) fn malformed(&self, what: &str) -> String {
        format!("malformed {} at byte {}: {what}", self.what, self.at)
    }

    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    pub(crate) fn rest(&self) -> &'a [u8] {
        &self.bytes[self.at..]
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if n > self.remaining() {
            return Err(self.malformed("truncated"));
        }
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    pub(crate) fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("eight bytes")))
    }

    /// A count or size: at most the bytes left, since every counted item takes a byte or
    /// more (so a corrupt count cannot ask for a huge allocation).
    pub(crate) fn len(&mut self) -> Result<usize, String> {
        let n = self.u64()?;
        if n > self.remaining() as u64 + 64 {
            return Err(self.malformed(&format!("count larger than the {}", self.what)));
        }
        Ok(n as usize)
    }

    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = self.len()?;
        self.take(n)
    }

    /// The eight flags of a byte [`Writer::flags`] wrote, the first from the lowest bit.
    pub(crate) fn flags(&mut self) -> Result<[bool; 8], String> {
        let byte = self.u8()?;
        Ok(std::array::from_fn(|i| byte & (1 << i) != 0))
    }

    pub(crate) fn words(&mut self) -> Result<Box<[u64]>, String> {
        let n = self.len()?;
        let bytes = self
            .take(n.checked_mul(8).ok_or_else(|| self.malformed(&format!("count larger than the {}", self.what)))?)?;
        Ok(bytes.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes"))).collect())
    }
}
