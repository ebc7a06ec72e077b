//! `scripts/cu-trace.sh` support (cargo feature `trace`): Mollusk's register tracing
//! (`SBF_TRACE_DIR`, `SBF_TRACE_DISASSEMBLE`) writes one trace per program invocation, named by
//! a hash; [`after_exec`] files them per instruction run and [`file_traces`] names the run of
//! each benchmark record, so that a trace can be found by instruction.

use std::{path::PathBuf, sync::Mutex};

/// An SBPF v3 `.so` from `scripts/build-sbf.sh` has no section headers, and the loader with
/// symbol labels (which tracing turns on) requires a section-name table. This appends an empty
/// one: the strict v3 parser that runs the program ignores section headers, so the program and
/// its compute units are unchanged.
pub fn with_section_headers(mut elf: Vec<u8>) -> Vec<u8> {
    const NAMES: &[u8] = b"\0.shstrtab\0";
    if elf.len() < 64 || u16::from_le_bytes([elf[0x3c], elf[0x3d]]) != 0 {
        return elf;
    }
    elf.resize(elf.len().next_multiple_of(8), 0);
    let names_at = elf.len() as u64;
    elf.extend_from_slice(NAMES);
    elf.resize(elf.len().next_multiple_of(8), 0);
    let headers_at = elf.len() as u64;
    elf.extend_from_slice(&[0; 64]); // SHN_UNDEF
    elf.extend_from_slice(&1u32.to_le_bytes()); // sh_name: ".shstrtab"
    elf.extend_from_slice(&3u32.to_le_bytes()); // SHT_STRTAB
    elf.extend_from_slice(&0u64.to_le_bytes()); // sh_flags
    elf.extend_from_slice(&0u64.to_le_bytes()); // sh_addr
    elf.extend_from_slice(&names_at.to_le_bytes());
    elf.extend_from_slice(&(NAMES.len() as u64).to_le_bytes());
    elf.extend_from_slice(&[0; 8]); // sh_link, sh_info
    elf.extend_from_slice(&1u64.to_le_bytes()); // sh_addralign
    elf.extend_from_slice(&0u64.to_le_bytes()); // sh_entsize
    elf[0x28..0x30].copy_from_slice(&headers_at.to_le_bytes());
    elf[0x3a..0x3c].copy_from_slice(&64u16.to_le_bytes());
    elf[0x3c..0x3e].copy_from_slice(&2u16.to_le_bytes());
    elf[0x3e..0x40].copy_from_slice(&1u16.to_le_bytes());
    elf
}

/// The trace folders of the instructions run so far, with their compute units.
static RUNS: Mutex<Vec<(u64, PathBuf)>> = Mutex::new(Vec::new());

fn trace_dir() -> Option<PathBuf> {
    std::env::var_os("SBF_TRACE_DIR").map(PathBuf::from)
}

/// After each instruction the harness runs: moves the trace files it wrote (the top level of
/// `$SBF_TRACE_DIR`: its invocation and its CPIs') into `$SBF_TRACE_DIR/runs/<n>/`.
pub fn after_exec(compute_units: u64) {
    let Some(dir) = trace_dir() else { return };
    let mut runs = RUNS.lock().unwrap_or_else(|e| e.into_inner());
    let run = dir.join("runs").join(runs.len().to_string());
    std::fs::create_dir_all(&run).expect("create a trace folder");
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if entry.path().is_file() {
            std::fs::rename(entry.path(), run.join(entry.file_name())).expect("file a trace");
        }
    }
    runs.push((compute_units, run));
}

/// For a benchmark record: links `$SBF_TRACE_DIR/<program>/<instruction>` (a variant's `/`
/// becomes `-`) to the latest run with the record's compute units (the benchmark records a result
/// after running it, not always right after; two runs with equal CU took the same path).
pub fn file_traces(program: &str, instruction: &str, compute_units: u64) {
    let Some(dir) = trace_dir() else { return };
    let runs = RUNS.lock().unwrap_or_else(|e| e.into_inner());
    let Some((_, run)) = runs.iter().rev().find(|(cu, _)| *cu == compute_units) else {
        return;
    };
    let folder = dir.join(program);
    std::fs::create_dir_all(&folder).expect("create a trace folder");
    let link = folder.join(instruction.replace('/', "-"));
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(run, &link).expect("link a trace folder");
}
