//! Embeds every `*.tsv` file of the repository's `gazetteers/` folder, so the binary needs
//! nothing at run time.

use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../gazetteers");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut code = String::from("/// `(path under gazetteers/, content)` of every default gazetteer file.\npub static FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
        let abs = path.canonicalize().unwrap();
        code.push_str(&format!("    ({name:?}, include_str!({:?})),\n", abs.display().to_string()));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_gazetteers.rs");
    std::fs::write(out, code).unwrap();
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "tsv") {
            out.push(path);
        }
    }
}
