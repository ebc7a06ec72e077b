//! Merges the raw recordings of `JITO_ORACLE_RECORD=<dir>` test runs into the
//! committed corpus: one `mollusk_tests/corpus/<test target>.bin.zst` per test
//! target, account data stored once per file, identical cases once.
//! Run by `scripts/record-corpus.sh`: `oracle_pack <dir>`.

use std::collections::{BTreeMap, HashMap, HashSet};

use mollusk_tests::oracle::{corpus_dir, read_raw, write_corpus, Case};

#[derive(Default)]
struct Corpus {
    blobs: Vec<Vec<u8>>,
    index: HashMap<Vec<u8>, u32>,
    cases: Vec<Case>,
    seen: HashSet<Vec<u8>>,
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: oracle_pack <recording dir>");
    let mut raw_files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read the recording directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "raw"))
        .collect();
    raw_files.sort();
    let mut corpora: BTreeMap<String, Corpus> = BTreeMap::new();
    for path in &raw_files {
        let (blobs, cases) = read_raw(&std::fs::read(path).expect("read a raw recording"));
        for mut case in cases {
            let corpus = corpora.entry(case.source.clone()).or_default();
            let mut map = |local: u32| -> u32 {
                let data = &blobs[local as usize];
                if let Some(id) = corpus.index.get(data) {
                    return *id;
                }
                let id = corpus.blobs.len() as u32;
                corpus.blobs.push(data.clone());
                corpus.index.insert(data.clone(), id);
                id
            };
            for a in &mut case.inputs {
                a.data = map(a.data);
            }
            for w in &mut case.written {
                w.data = map(w.data);
            }
            if corpus.seen.insert(case.encode()) {
                corpus.cases.push(case);
            }
        }
    }
    let out = corpus_dir();
    std::fs::create_dir_all(&out).expect("create the corpus directory");
    for old in std::fs::read_dir(&out).unwrap() {
        let old = old.unwrap().path();
        if old.to_string_lossy().ends_with(".bin.zst") {
            std::fs::remove_file(old).unwrap();
        }
    }
    let (mut total_cases, mut total_bytes) = (0, 0);
    for (source, corpus) in &corpora {
        let bytes = write_corpus(&corpus.blobs, &corpus.cases);
        let path = out.join(format!("{source}.bin.zst"));
        std::fs::write(&path, &bytes).expect("write the corpus");
        println!(
            "{source}: {} cases, {} account blobs, {} bytes",
            corpus.cases.len(),
            corpus.blobs.len(),
            bytes.len()
        );
        total_cases += corpus.cases.len();
        total_bytes += bytes.len();
    }
    println!(
        "corpus: {total_cases} cases, {total_bytes} bytes in {}",
        out.display()
    );
}
