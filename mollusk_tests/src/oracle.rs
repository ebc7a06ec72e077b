//! The original programs as the test oracle.
//!
//! **Recording.** Every instruction the shared harness runs goes through
//! [`process`]. With `JITO_ORACLE_RECORD=<dir>` set, each instruction of the
//! restaking or vault program is also run on the *original* binaries
//! (`../shared/original-programs/`, or `$JITO_ORIGINAL_PROGRAMS`) in a Mollusk
//! with the same programs and sysvars, and the case (instruction, input
//! accounts, clock, the original's result, return data and written accounts)
//! is appended to `<dir>/<test binary>-<pid>.raw`. The `oracle_pack` binary
//! merges those files into the committed corpus, `mollusk_tests/corpus/*.bin.zst`
//! (zstd; account data stored once and referenced by index).
//! `scripts/record-corpus.sh` does both.
//!
//! **Replay.** `tests/oracle_replay.rs` runs every corpus case on the
//! project's `.so` files ([`replay_mollusk`]) and compares.

use std::{
    cell::RefCell,
    collections::HashMap,
    io::Write,
    path::PathBuf,
    sync::{Mutex, OnceLock},
};

use mollusk_svm::result::ProgramResult as RunResult;

pub use crate::pda::METAPLEX_ID;
use crate::{
    Account, AccountMeta, Instruction, InstructionResult, Mollusk, ProgramError, Pubkey,
    RESTAKING_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// Runs `ix` (built, as every test builds it, in master numbering) on `mollusk`,
/// through [`crate::for_vault_build`] for the vault build under test; when
/// recording, also on the original programs (master numbering).
pub fn process(
    mollusk: &Mollusk,
    ix: &Instruction,
    accounts: &[(Pubkey, Account)],
) -> InstructionResult {
    let result = mollusk.process_instruction(&crate::for_vault_build(ix), accounts);
    #[cfg(feature = "trace")]
    crate::trace::after_exec(result.compute_units_consumed);
    if let Some(recorder) = recorder() {
        if ix.program_id == RESTAKING_PROGRAM_ID || ix.program_id == VAULT_PROGRAM_ID {
            recorder.record(mollusk, ix, accounts);
        }
    }
    result
}

/// Where the original binaries are (`$JITO_ORIGINAL_PROGRAMS` or `../shared/original-programs`).
pub fn original_programs_dir() -> PathBuf {
    std::env::var_os("JITO_ORIGINAL_PROGRAMS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/original-programs")
        })
}

fn read_elf(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {} ({e})", path.display()))
}

/// The Metaplex stand-in (`mollusk_tests/metaplex_recorder`, built by `scripts/build-sbf.sh`).
pub fn metaplex_stand_in_elf() -> Vec<u8> {
    read_elf(crate::sbf_out_dir().join("metaplex_recorder.so"))
}

fn with_programs(restaking: &[u8], vault: &[u8]) -> Mollusk {
    let mut mollusk = Mollusk::default();
    let loader = mollusk_svm::program::loader_keys::LOADER_V3;
    mollusk.add_program_with_loader_and_elf(&RESTAKING_PROGRAM_ID, &loader, restaking);
    mollusk.add_program_with_loader_and_elf(&VAULT_PROGRAM_ID, &loader, vault);
    mollusk_svm_programs_token::token::add_program(&mut mollusk);
    mollusk_svm_programs_token::token2022::add_program(&mut mollusk);
    mollusk_svm_programs_token::associated_token::add_program(&mut mollusk);
    mollusk_svm_programs_memo::memo::add_program(&mut mollusk);
    mollusk.add_program_with_loader_and_elf(&METAPLEX_ID, &loader, &metaplex_stand_in_elf());
    mollusk
}

/// The original programs with the token programs and the Metaplex stand-in.
pub fn original_mollusk() -> Mollusk {
    let dir = original_programs_dir();
    with_programs(
        &read_elf(dir.join("jito_restaking_program.so")),
        &read_elf(dir.join("jito_vault_program.so")),
    )
}

/// The project's programs, set up as [`original_mollusk`].
pub fn replay_mollusk() -> Mollusk {
    with_programs(
        crate::read_program("jito_restaking_program"),
        crate::read_program("jito_vault_program"),
    )
}

// ---------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------

/// An input account; its data is a blob index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputAccount {
    pub key: Pubkey,
    pub lamports: u64,
    pub owner: Pubkey,
    pub executable: bool,
    pub rent_epoch: u64,
    pub data: u32,
}

/// An account the instruction wrote (index into the inputs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub index: u16,
    pub lamports: u64,
    pub owner: Pubkey,
    pub data: u32,
}

/// The outcome of an instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// A program error (`u64::from(ProgramError)`).
    Error(u64),
    /// Any other instruction error (a panic, an exceeded budget, ...), as text.
    Other(String),
}

impl Outcome {
    pub fn of(result: &RunResult) -> Self {
        match result {
            RunResult::Success => Outcome::Success,
            RunResult::Failure(e) => Outcome::Error(u64::from(e.clone())),
            RunResult::UnknownError(e) => Outcome::Other(format!("{e:?}")),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Outcome::Success => "Success".into(),
            Outcome::Error(code) => format!("{:?}", ProgramError::from(*code)),
            Outcome::Other(s) => s.clone(),
        }
    }
}

/// One recorded case.
#[derive(Clone, Debug)]
pub struct Case {
    /// The test binary that generated it.
    pub source: String,
    pub instruction: Instruction,
    /// `slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp`.
    pub clock: [u64; 5],
    pub inputs: Vec<InputAccount>,
    pub outcome: Outcome,
    pub return_data: Vec<u8>,
    pub written: Vec<Written>,
}

fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_bytes(out: &mut Vec<u8>, v: &[u8]) {
    put_u32(out, v.len() as u32);
    out.extend_from_slice(v);
}

/// A little-endian reader over a byte slice; every read is bounds-checked.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }
    pub fn done(&self) -> bool {
        self.pos >= self.data.len()
    }
    pub fn take(&mut self, n: usize) -> &'a [u8] {
        let out = &self.data[self.pos..self.pos + n];
        self.pos += n;
        out
    }
    pub fn u8(&mut self) -> u8 {
        self.take(1)[0]
    }
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.take(2).try_into().unwrap())
    }
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take(4).try_into().unwrap())
    }
    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take(8).try_into().unwrap())
    }
    pub fn key(&mut self) -> Pubkey {
        Pubkey::new_from_array(self.take(32).try_into().unwrap())
    }
    pub fn bytes(&mut self) -> &'a [u8] {
        let n = self.u32() as usize;
        self.take(n)
    }
}

impl Case {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.push(self.source.len() as u8);
        out.extend_from_slice(self.source.as_bytes());
        out.extend_from_slice(self.instruction.program_id.as_ref());
        put_u16(&mut out, self.instruction.accounts.len() as u16);
        for meta in &self.instruction.accounts {
            out.extend_from_slice(meta.pubkey.as_ref());
            out.push(meta.is_signer as u8 | (meta.is_writable as u8) << 1);
        }
        put_bytes(&mut out, &self.instruction.data);
        for v in self.clock {
            put_u64(&mut out, v);
        }
        put_u16(&mut out, self.inputs.len() as u16);
        for a in &self.inputs {
            out.extend_from_slice(a.key.as_ref());
            put_u64(&mut out, a.lamports);
            out.extend_from_slice(a.owner.as_ref());
            out.push(a.executable as u8);
            put_u64(&mut out, a.rent_epoch);
            put_u32(&mut out, a.data);
        }
        match &self.outcome {
            Outcome::Success => out.push(0),
            Outcome::Error(code) => {
                out.push(1);
                put_u64(&mut out, *code);
            }
            Outcome::Other(s) => {
                out.push(2);
                put_bytes(&mut out, s.as_bytes());
            }
        }
        put_bytes(&mut out, &self.return_data);
        put_u16(&mut out, self.written.len() as u16);
        for w in &self.written {
            put_u16(&mut out, w.index);
            put_u64(&mut out, w.lamports);
            out.extend_from_slice(w.owner.as_ref());
            put_u32(&mut out, w.data);
        }
        out
    }

    pub fn decode(r: &mut Reader) -> Self {
        let n = r.u8() as usize;
        let source = String::from_utf8(r.take(n).to_vec()).unwrap();
        let program_id = r.key();
        let metas = (0..r.u16())
            .map(|_| {
                let pubkey = r.key();
                let flags = r.u8();
                AccountMeta {
                    pubkey,
                    is_signer: flags & 1 != 0,
                    is_writable: flags & 2 != 0,
                }
            })
            .collect();
        let data = r.bytes().to_vec();
        let mut clock = [0u64; 5];
        for v in &mut clock {
            *v = r.u64();
        }
        let inputs = (0..r.u16())
            .map(|_| InputAccount {
                key: r.key(),
                lamports: r.u64(),
                owner: r.key(),
                executable: r.u8() != 0,
                rent_epoch: r.u64(),
                data: r.u32(),
            })
            .collect();
        let outcome = match r.u8() {
            0 => Outcome::Success,
            1 => Outcome::Error(r.u64()),
            _ => Outcome::Other(String::from_utf8(r.bytes().to_vec()).unwrap()),
        };
        let return_data = r.bytes().to_vec();
        let written = (0..r.u16())
            .map(|_| Written {
                index: r.u16(),
                lamports: r.u64(),
                owner: r.key(),
                data: r.u32(),
            })
            .collect();
        Case {
            source,
            instruction: Instruction {
                program_id,
                accounts: metas,
                data,
            },
            clock,
            inputs,
            outcome,
            return_data,
            written,
        }
    }

    /// Renumbers the blob references with `map`.
    pub fn remap(&mut self, map: impl Fn(u32) -> u32) {
        for a in &mut self.inputs {
            a.data = map(a.data);
        }
        for w in &mut self.written {
            w.data = map(w.data);
        }
    }

    /// The Mollusk clock of the case.
    pub fn apply_clock(&self, mollusk: &mut Mollusk) {
        let clock = &mut mollusk.sysvars.clock;
        clock.slot = self.clock[0];
        clock.epoch_start_timestamp = self.clock[1] as i64;
        clock.epoch = self.clock[2];
        clock.leader_schedule_epoch = self.clock[3];
        clock.unix_timestamp = self.clock[4] as i64;
    }

    /// The input accounts, with their data from `blobs`.
    pub fn accounts(&self, blobs: &[Vec<u8>]) -> Vec<(Pubkey, Account)> {
        self.inputs
            .iter()
            .map(|a| {
                (
                    a.key,
                    Account {
                        lamports: a.lamports,
                        data: blobs[a.data as usize].clone(),
                        owner: a.owner,
                        executable: a.executable,
                        rent_epoch: a.rent_epoch,
                    },
                )
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Recording
// ---------------------------------------------------------------------------

struct Recorder {
    source: String,
    state: Mutex<RecorderState>,
}

struct RecorderState {
    file: std::fs::File,
    blobs: HashMap<Vec<u8>, u32>,
}

thread_local! {
    static ORIGINAL: RefCell<Option<Mollusk>> = const { RefCell::new(None) };
}

fn recorder() -> Option<&'static Recorder> {
    static RECORDER: OnceLock<Option<Recorder>> = OnceLock::new();
    RECORDER
        .get_or_init(|| {
            let dir = PathBuf::from(std::env::var_os("JITO_ORACLE_RECORD")?);
            std::fs::create_dir_all(&dir).expect("create the recording directory");
            let exe = std::env::current_exe().expect("current exe");
            let stem = exe.file_stem().unwrap().to_string_lossy().to_string();
            // Test binaries are named `<target>-<hash>`.
            let source = stem
                .rsplit_once('-')
                .map_or(stem.clone(), |(s, _)| s.to_string());
            let path = dir.join(format!("{source}-{}.raw", std::process::id()));
            let file = std::fs::File::create(&path).expect("create the raw recording");
            Some(Recorder {
                source,
                state: Mutex::new(RecorderState {
                    file,
                    blobs: HashMap::new(),
                }),
            })
        })
        .as_ref()
}

impl Recorder {
    fn record(&self, mollusk: &Mollusk, ix: &Instruction, accounts: &[(Pubkey, Account)]) {
        let result = ORIGINAL.with(|cell| {
            let mut cell = cell.borrow_mut();
            let original = cell.get_or_insert_with(original_mollusk);
            copy_sysvars(mollusk, original);
            original.process_instruction(ix, accounts)
        });
        let clock = &mollusk.sysvars.clock;
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = Vec::new();
        let blob = |state: &mut RecorderState, out: &mut Vec<u8>, data: &[u8]| -> u32 {
            if let Some(id) = state.blobs.get(data) {
                return *id;
            }
            let id = state.blobs.len() as u32;
            state.blobs.insert(data.to_vec(), id);
            out.push(b'B');
            put_u32(out, id);
            put_bytes(out, data);
            id
        };
        let inputs: Vec<InputAccount> = accounts
            .iter()
            .map(|(key, a)| InputAccount {
                key: *key,
                lamports: a.lamports,
                owner: a.owner,
                executable: a.executable,
                rent_epoch: a.rent_epoch,
                data: blob(&mut state, &mut out, &a.data),
            })
            .collect();
        let mut written = Vec::new();
        for (index, ((key, before), (key_after, after))) in
            accounts.iter().zip(&result.resulting_accounts).enumerate()
        {
            assert_eq!(key, key_after, "Mollusk returns the accounts in order");
            if before.lamports != after.lamports
                || before.owner != after.owner
                || before.data != after.data
            {
                written.push(Written {
                    index: index as u16,
                    lamports: after.lamports,
                    owner: after.owner,
                    data: blob(&mut state, &mut out, &after.data),
                });
            }
        }
        let case = Case {
            source: self.source.clone(),
            instruction: ix.clone(),
            clock: [
                clock.slot,
                clock.epoch_start_timestamp as u64,
                clock.epoch,
                clock.leader_schedule_epoch,
                clock.unix_timestamp as u64,
            ],
            inputs,
            outcome: Outcome::of(&result.program_result),
            return_data: result.return_data.clone(),
            written,
        };
        out.push(b'C');
        put_bytes(&mut out, &case.encode());
        state.file.write_all(&out).expect("write the raw recording");
    }
}

/// The sysvars the programs read (Mollusk's `Sysvars` is not `Clone`).
fn copy_sysvars(from: &Mollusk, to: &mut Mollusk) {
    to.sysvars.clock = from.sysvars.clock.clone();
    to.sysvars.epoch_schedule = from.sysvars.epoch_schedule.clone();
    to.sysvars.rent = from.sysvars.rent.clone();
    to.sysvars.epoch_rewards = from.sysvars.epoch_rewards.clone();
    to.sysvars.last_restart_slot = from.sysvars.last_restart_slot.clone();
}

/// Reads a raw recording: its blobs (by local id) and cases.
pub fn read_raw(data: &[u8]) -> (Vec<Vec<u8>>, Vec<Case>) {
    let mut r = Reader::new(data);
    let mut blobs = Vec::new();
    let mut cases = Vec::new();
    while !r.done() {
        match r.u8() {
            b'B' => {
                let id = r.u32() as usize;
                assert_eq!(id, blobs.len(), "blob ids are sequential");
                blobs.push(r.bytes().to_vec());
            }
            b'C' => {
                let body = r.bytes();
                cases.push(Case::decode(&mut Reader::new(body)));
            }
            other => panic!("corrupt raw recording (tag {other})"),
        }
    }
    (blobs, cases)
}

// ---------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------

const MAGIC: &[u8; 8] = b"JITOORC1";

/// The committed corpus directory.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Encodes and compresses a corpus file: with the `zstd` command at level 19
/// when it is installed (about half the size), else with ruzstd's fastest level.
pub fn write_corpus(blobs: &[Vec<u8>], cases: &[Case]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_u32(&mut out, blobs.len() as u32);
    for b in blobs {
        put_bytes(&mut out, b);
    }
    put_u32(&mut out, cases.len() as u32);
    for c in cases {
        put_bytes(&mut out, &c.encode());
    }
    if let Some(compressed) = zstd_command(&out) {
        return compressed;
    }
    ruzstd::encoding::compress_to_vec(&out[..], ruzstd::encoding::CompressionLevel::Fastest)
}

fn zstd_command(data: &[u8]) -> Option<Vec<u8>> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("zstd")
        .args(["-19", "-q", "-c", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    output.status.success().then_some(output.stdout)
}

/// Decompresses and decodes a corpus file.
pub fn read_corpus(compressed: &[u8]) -> (Vec<Vec<u8>>, Vec<Case>) {
    use std::io::Read;
    let mut decoder =
        ruzstd::decoding::StreamingDecoder::new(compressed).expect("a zstd corpus file");
    let mut data = Vec::new();
    decoder
        .read_to_end(&mut data)
        .expect("decompress the corpus");
    let mut r = Reader::new(&data);
    assert_eq!(r.take(8), MAGIC, "corpus format");
    let blobs = (0..r.u32()).map(|_| r.bytes().to_vec()).collect();
    let cases = (0..r.u32())
        .map(|_| Case::decode(&mut Reader::new(r.bytes())))
        .collect();
    (blobs, cases)
}

/// Whether a raw instruction error text names a program panic or abort.
pub fn is_abort(outcome: &Outcome) -> bool {
    matches!(outcome, Outcome::Other(_))
}
