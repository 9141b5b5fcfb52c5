//! Memory the engine no longer needs once it is built, given back to the system.
//!
//! A server builds its engine once and holds it for hours, so what its build leaves
//! behind counts in its resident memory as much as the engine does: the pages of the
//! embedded image and snapshot (41 MB of the binary, read once into the engine's own
//! tables) and the heap's free scratch (the automaton's first form, the tables' inputs).
//! Both stay resident unless told otherwise: read-only file pages until the system runs
//! short, free heap because gazet's glibc tunables keep 256 MiB of it for a batch's next
//! document (`src/main.rs`).

/// Drops the resident pages of `blob`, a static of the binary that has been read and will
/// not be read again soon. Only whole pages inside the blob are dropped, and only from
/// memory: they are the binary's read-only file pages, so a later read (a reload of the
/// embedded gazetteers) faults them back in from the file, unchanged.
pub fn release_embedded_pages(blob: &'static [u8]) {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        let Ok(page) = usize::try_from(page) else { return };
        if page == 0 || !page.is_power_of_two() {
            return;
        }
        let start = (blob.as_ptr() as usize).next_multiple_of(page);
        let end = (blob.as_ptr() as usize + blob.len()) & !(page - 1);
        if end <= start {
            return;
        }
        // SAFETY: [start, end) is page-aligned and lies inside `blob`, a `static` of the
        // binary: a private, read-only file mapping that nothing ever writes. MADV_DONTNEED
        // on such pages only drops them; their next read maps the file's same bytes again,
        // so every reference into `blob` stays valid and sees the same contents.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = blob;
}

/// Gives the heap's free pages back to the system after a build.
pub fn release_free_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu", not(feature = "mimalloc")))]
    // SAFETY: malloc_trim only returns free memory of glibc's own heaps to the system; it
    // takes the arenas' locks and may be called from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::{release_embedded_pages, release_free_heap};

    /// Some pages of the binary's read-only data, not page-aligned at either end.
    static BLOB: [u8; 5 * 4096 + 123] = {
        let mut blob = [0u8; 5 * 4096 + 123];
        let mut i = 0;
        while i < blob.len() {
            blob[i] = (i * 31 % 251) as u8;
            i += 1;
        }
        blob
    };

    fn checksum(bytes: &[u8]) -> u64 {
        bytes.iter().enumerate().map(|(i, &b)| (i as u64 + 1) * b as u64).sum()
    }

    #[test]
    fn released_pages_read_back_the_same_bytes() {
        let blob: &'static [u8] = &BLOB[7..];
        let before = checksum(std::hint::black_box(blob));
        release_embedded_pages(blob);
        assert_eq!(checksum(std::hint::black_box(blob)), before);
        // Twice, and a blob shorter than a page (nothing to drop).
        release_embedded_pages(blob);
        release_embedded_pages(&BLOB[10..20]);
        assert_eq!(checksum(std::hint::black_box(blob)), before);
        assert_eq!(BLOB[4096 * 3 + 5], ((4096 * 3 + 5) * 31 % 251) as u8);
    }

    #[test]
    fn the_heap_still_serves_after_a_trim() {
        let scratch: Vec<Vec<u8>> = (0..64).map(|i| vec![i as u8; 64 << 10]).collect();
        drop(scratch);
        release_free_heap();
        let again = vec![7u8; 1 << 20];
        assert!(again.iter().all(|&b| b == 7));
    }
}
