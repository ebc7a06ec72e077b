//! Test harness: loads the built `.so` files of both programs next to the real
//! SPL Token, Token-2022 and Associated Token Account programs in Mollusk.
//!
//! The programs are read from `$JITO_SBF_OUT_DIR` or `<workspace>/target/deploy`,
//! where `scripts/build-sbf.sh` writes them.
//!
//! `JITO_VAULT_NUMBERING=legacy` runs the vault tests against the legacy-numbered
//! build (`jito_vault_program_legacy.so`, `scripts/build-sbf.sh --legacy-numbering`):
//! every test builds its instructions in master numbering as before, and
//! [`for_vault_build`], where they are processed, re-tags the vault ones through
//! the client's [`VaultNumbering`], as a user of that build does.

use std::{
    borrow::Cow,
    path::{Path, PathBuf},
    sync::OnceLock,
};

pub use jito_vault_client::numbering::VaultNumbering;

pub use mollusk_svm::{result::InstructionResult, Mollusk};
pub use solana_account::Account;
pub use solana_instruction::{AccountMeta, Instruction};
pub use solana_program_error::ProgramError;
pub use solana_pubkey::Pubkey;

pub mod client_decode;
pub mod codes;
pub mod layout_oracle;
pub mod negative;
pub mod oracle;
pub mod pda;
pub mod scenarios;
#[cfg(feature = "trace")]
pub mod trace;
pub mod world;

/// Restaking program id (the original's default).
pub const RESTAKING_PROGRAM_ID: Pubkey = jito_restaking_interface::ID;
/// Vault program id (the original's default).
pub const VAULT_PROGRAM_ID: Pubkey = jito_vault_interface::ID;
pub const SYSTEM_PROGRAM_ID: Pubkey = jito_core::loader::SYSTEM_PROGRAM_ID;
pub const TOKEN_PROGRAM_ID: Pubkey = jito_core::token::TOKEN_PROGRAM_ID;
pub const TOKEN_2022_PROGRAM_ID: Pubkey = jito_core::token::TOKEN_2022_PROGRAM_ID;
pub const ASSOCIATED_TOKEN_PROGRAM_ID: Pubkey = jito_core::token::ASSOCIATED_TOKEN_PROGRAM_ID;
/// SPL Memo (v3), which Token-2022 requires before transfers into accounts with MemoTransfer on.
pub const MEMO_PROGRAM_ID: Pubkey = jito_core::token::MEMO_PROGRAM_ID;

/// Where the built programs are.
pub fn sbf_out_dir() -> PathBuf {
    std::env::var_os("JITO_SBF_OUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/deploy"))
}

/// The numbering of the vault build under test: `JITO_VAULT_NUMBERING` = `master`
/// (the default) or `legacy`.
pub fn vault_numbering() -> VaultNumbering {
    static NUMBERING: OnceLock<VaultNumbering> = OnceLock::new();
    *NUMBERING.get_or_init(|| match std::env::var("JITO_VAULT_NUMBERING").as_deref() {
        Err(_) | Ok("") | Ok("master") => VaultNumbering::Master,
        Ok("legacy") => VaultNumbering::Legacy,
        Ok(other) => panic!("JITO_VAULT_NUMBERING={other}: expected master or legacy"),
    })
}

/// File name (without `.so`) of the vault build of `numbering`.
pub fn vault_program_file(numbering: VaultNumbering) -> &'static str {
    match numbering {
        VaultNumbering::Master => "jito_vault_program",
        VaultNumbering::Legacy => "jito_vault_program_legacy",
    }
}

/// Replaces the vault program of `mollusk` (at [`VAULT_PROGRAM_ID`]) with the build of
/// `numbering`, whatever `JITO_VAULT_NUMBERING` says: for tests that send instructions already
/// numbered for that build straight to `mollusk.process_instruction` (not through
/// [`for_vault_build`], which would re-tag them).
pub fn load_vault_build(mollusk: &mut Mollusk, numbering: VaultNumbering) {
    mollusk.add_program_with_loader_and_elf(
        &VAULT_PROGRAM_ID,
        &mollusk_svm::program::loader_keys::LOADER_V3,
        read_program(vault_program_file(numbering)),
    );
}

/// "Simulates" `ix` (without accounts) the way an RPC does for the client's
/// `NumberingCache`: the return data and the program that set it on success, `None` on
/// failure or without return data.
pub fn simulate_return_data(mollusk: &Mollusk, ix: &Instruction) -> Option<(Pubkey, Vec<u8>)> {
    let result = mollusk.process_instruction(ix, &[]);
    match result.program_result {
        mollusk_svm::result::ProgramResult::Success if !result.return_data.is_empty() => {
            Some((ix.program_id, result.return_data))
        }
        _ => None,
    }
}

/// `ix` as the vault build under test takes it: an instruction of the vault
/// program (built, as every test does, in master numbering) goes through the
/// client's [`VaultNumbering::apply`] for [`vault_numbering`]; others unchanged.
pub fn for_vault_build(ix: &Instruction) -> Cow<'_, Instruction> {
    match vault_numbering() {
        VaultNumbering::Legacy if ix.program_id == VAULT_PROGRAM_ID => {
            Cow::Owned(VaultNumbering::Legacy.apply(ix.clone()))
        }
        _ => Cow::Borrowed(ix),
    }
}

/// The bytes of a built program (`<name>.so` in [`sbf_out_dir`]), read once
/// ([`read_built_program`]: a stale build is refused).
pub fn read_program(name: &str) -> &'static [u8] {
    static RESTAKING: OnceLock<Vec<u8>> = OnceLock::new();
    static VAULT: OnceLock<Vec<u8>> = OnceLock::new();
    static VAULT_LEGACY: OnceLock<Vec<u8>> = OnceLock::new();
    let cell = match name {
        "jito_restaking_program" => &RESTAKING,
        "jito_vault_program" => &VAULT,
        "jito_vault_program_legacy" => &VAULT_LEGACY,
        _ => panic!("unknown program {name}"),
    };
    cell.get_or_init(|| read_built_program(&sbf_out_dir(), name))
}

/// The workspace root.
fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The sources a program build depends on, as `path -> sha256 hex`: the same list as
/// `jito_program_sources` in `scripts/env.sh` (every `.rs` and `Cargo.toml` under `programs/`,
/// the workspace `Cargo.toml` and `Cargo.lock`, `scripts/build-sbf.sh`), computed once.
fn program_sources() -> &'static std::collections::BTreeMap<String, String> {
    static SOURCES: OnceLock<std::collections::BTreeMap<String, String>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
            let entries =
                std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for entry in entries {
                let path = entry.expect("read_dir entry").path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if path.is_dir() {
                    if name != "target" {
                        walk(root, &path, out);
                    }
                } else if name.ends_with(".rs") || name == "Cargo.toml" {
                    let relative = path.strip_prefix(root).expect("under the root");
                    out.push(relative.to_string_lossy().into_owned());
                }
            }
        }
        let root = workspace_root();
        let mut files = Vec::new();
        walk(&root, &root.join("programs"), &mut files);
        files.extend(["Cargo.toml", "Cargo.lock", "scripts/build-sbf.sh"].map(String::from));
        files
            .into_iter()
            .map(|file| {
                let bytes = std::fs::read(root.join(&file))
                    .unwrap_or_else(|e| panic!("cannot read {file} ({e})"));
                let digest = <sha2::Sha256 as sha2::Digest>::digest(&bytes);
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                (file, hex)
            })
            .collect()
    })
}

/// Reads `<dir>/<name>.so`, refusing a stale build: `scripts/build-sbf.sh` writes the sources it
/// built from next to the `.so` files (`.sources`, `.sources_legacy` for `*_legacy.so`), and a
/// build whose sources changed since, or that has no such record in `target/deploy` (where only
/// that script writes), panics with the command that rebuilds it. A `.so` elsewhere without a
/// record (e.g. the original programs for `compute-report.sh --compare`) is read as it is.
pub fn read_built_program(dir: &Path, name: &str) -> Vec<u8> {
    let elf = read_current_program(dir, name);
    // `scripts/cu-trace.sh`: the trace loader wants section headers, which SBPF v3 builds lack.
    #[cfg(feature = "trace")]
    let elf = trace::with_section_headers(elf);
    elf
}

fn read_current_program(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(format!("{name}.so"));
    let root = workspace_root();
    let shown = path.strip_prefix(&root).unwrap_or(&path).display();
    let legacy = name.ends_with("_legacy");
    let logging = dir.file_name().is_some_and(|n| n == "logging");
    let command = format!(
        "scripts/build-sbf.sh{}{}",
        if legacy { " --legacy-numbering" } else { "" },
        if logging { " --logging" } else { "" }
    );
    let elf = std::fs::read(&path).unwrap_or_else(|e| {
        panic!("cannot read {shown} ({e}); build the programs first: {command}")
    });
    let stamp = dir.join(if legacy {
        ".sources_legacy"
    } else {
        ".sources"
    });
    let deploy = std::fs::canonicalize(root.join("target/deploy"));
    let ours = match (std::fs::canonicalize(dir), deploy) {
        (Ok(dir), Ok(deploy)) => dir.starts_with(deploy),
        _ => false,
    };
    let recorded = match std::fs::read_to_string(&stamp) {
        Ok(text) => text,
        Err(_) if !ours => return elf,
        Err(_) => panic!(
            "{shown} has no record of the sources it was built from ({} missing): \
             rebuild it with {command}",
            stamp.strip_prefix(&root).unwrap_or(&stamp).display()
        ),
    };
    let recorded: std::collections::BTreeMap<&str, &str> = recorded
        .lines()
        .filter_map(|line| line.split_once("  "))
        .map(|(hash, file)| (file, hash))
        .collect();
    let current = program_sources();
    let mut changed: Vec<&str> = current
        .iter()
        .filter(|(file, hash)| recorded.get(file.as_str()) != Some(&hash.as_str()))
        .map(|(file, _)| file.as_str())
        .collect();
    changed.extend(
        recorded
            .keys()
            .copied()
            .filter(|file| !current.contains_key(*file)),
    );
    if !changed.is_empty() {
        let listed = changed.len().min(8);
        let what = if changed.len() == 1 {
            "a source"
        } else {
            "sources"
        };
        let more = if changed.len() > listed { ", ..." } else { "" };
        panic!(
            "{shown} is stale: {what} changed since it was built ({}{more}); rebuild it with {command}",
            changed[..listed].join(", ")
        );
    }
    elf
}

/// A Mollusk with both programs (the vault build of [`vault_numbering`]) and the
/// token programs, default feature set (`SVMFeatureSet::all_enabled()`).
pub fn mollusk() -> Mollusk {
    mollusk_with_program_ids(&RESTAKING_PROGRAM_ID, &VAULT_PROGRAM_ID)
}

/// [`mollusk`] with the two programs deployed at `restaking` and `vault` (nothing at the
/// default ids unless given).
pub fn mollusk_with_program_ids(restaking: &Pubkey, vault: &Pubkey) -> Mollusk {
    mollusk_with_programs(restaking, vault, &sbf_out_dir())
}

/// [`mollusk_with_program_ids`] with the `.so` files of `dir` (e.g. the `logging` builds of
/// `scripts/build-sbf.sh --logging` in `target/deploy/logging`).
pub fn mollusk_with_programs(restaking: &Pubkey, vault: &Pubkey, dir: &Path) -> Mollusk {
    let mut mollusk = Mollusk::default();
    let loader = mollusk_svm::program::loader_keys::LOADER_V3;
    let elf = |name: &str| -> Cow<'static, [u8]> {
        if dir == sbf_out_dir().as_path() {
            Cow::Borrowed(read_program(name))
        } else {
            Cow::Owned(read_built_program(dir, name))
        }
    };
    mollusk.add_program_with_loader_and_elf(restaking, &loader, &elf("jito_restaking_program"));
    mollusk.add_program_with_loader_and_elf(
        vault,
        &loader,
        &elf(vault_program_file(vault_numbering())),
    );
    mollusk_svm_programs_token::token::add_program(&mut mollusk);
    mollusk_svm_programs_token::token2022::add_program(&mut mollusk);
    mollusk_svm_programs_token::associated_token::add_program(&mut mollusk);
    mollusk_svm_programs_memo::memo::add_program(&mut mollusk);
    mollusk
}

/// Rent-exempt minimum for `len` bytes under Mollusk's default rent.
pub fn rent_exempt(len: usize) -> u64 {
    solana_rent::Rent::default().minimum_balance(len)
}

/// A plain wallet.
pub fn system_account(lamports: u64) -> Account {
    Account::new(lamports, 0, &SYSTEM_PROGRAM_ID)
}

/// A rent-exempt account of `owner` holding `data`.
pub fn owned_account(owner: &Pubkey, data: Vec<u8>) -> Account {
    Account {
        lamports: rent_exempt(data.len()),
        data,
        owner: *owner,
        executable: false,
        rent_epoch: 0,
    }
}

/// The account Mollusk expects for a program id passed as an instruction account.
pub fn program_account(program_id: &Pubkey) -> (Pubkey, Account) {
    if *program_id == SYSTEM_PROGRAM_ID {
        return mollusk_svm::program::keyed_account_for_system_program();
    }
    if *program_id == TOKEN_PROGRAM_ID {
        return mollusk_svm_programs_token::token::keyed_account();
    }
    if *program_id == TOKEN_2022_PROGRAM_ID {
        return mollusk_svm_programs_token::token2022::keyed_account();
    }
    if *program_id == ASSOCIATED_TOKEN_PROGRAM_ID {
        return mollusk_svm_programs_token::associated_token::keyed_account();
    }
    if *program_id == MEMO_PROGRAM_ID {
        return mollusk_svm_programs_memo::memo::keyed_account();
    }
    let mut account = Account::new(1, 0, &mollusk_svm::program::loader_keys::LOADER_V3);
    account.executable = true;
    (*program_id, account)
}

/// Bytes of an initialised mint (82 bytes, the base layout of both token programs).
pub fn mint_data(mint_authority: Option<&Pubkey>, supply: u64, decimals: u8) -> Vec<u8> {
    let mut data = vec![0u8; 82];
    if let Some(authority) = mint_authority {
        data[0] = 1;
        data[4..36].copy_from_slice(authority.as_ref());
    }
    data[36..44].copy_from_slice(&supply.to_le_bytes());
    data[44] = decimals;
    data[45] = 1;
    data
}

/// Bytes of an initialised token account (165 bytes, the base layout of both token programs).
pub fn token_account_data(mint: &Pubkey, owner: &Pubkey, amount: u64) -> Vec<u8> {
    let mut data = vec![0u8; 165];
    data[0..32].copy_from_slice(mint.as_ref());
    data[32..64].copy_from_slice(owner.as_ref());
    data[64..72].copy_from_slice(&amount.to_le_bytes());
    data[108] = 1;
    data
}

/// Amount held by a token account.
pub fn token_amount(account: &Account) -> u64 {
    u64::from_le_bytes(account.data[64..72].try_into().unwrap())
}

/// Supply of a mint.
pub fn mint_supply(account: &Account) -> u64 {
    u64::from_le_bytes(account.data[36..44].try_into().unwrap())
}

/// Associated token address of `owner` for `mint` under `token_program`.
pub fn associated_token_address(owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(
        &[owner.as_ref(), token_program.as_ref(), mint.as_ref()],
        &ASSOCIATED_TOKEN_PROGRAM_ID,
    )
    .0
}

/// An instruction of `program_id` with the given data and accounts.
pub fn instruction(program_id: &Pubkey, data: Vec<u8>, accounts: Vec<AccountMeta>) -> Instruction {
    Instruction {
        program_id: *program_id,
        accounts,
        data,
    }
}

/// Panics unless the instruction failed with exactly `expected`, and checks
/// that it changed no account.
#[track_caller]
pub fn assert_error(
    result: &InstructionResult,
    accounts: &[(Pubkey, Account)],
    expected: ProgramError,
) {
    match &result.program_result {
        mollusk_svm::result::ProgramResult::Failure(err) => {
            assert_eq!(err, &expected, "wrong error")
        }
        other => panic!("expected {expected:?}, got {other:?}"),
    }
    assert_eq!(
        result.resulting_accounts.len(),
        accounts.len(),
        "a failed instruction returns every account"
    );
    for ((key, before), (key_after, after)) in accounts.iter().zip(&result.resulting_accounts) {
        assert_eq!(key, key_after);
        assert_eq!(before, after, "account {key} changed on failure");
    }
}

/// Panics unless the instruction failed with the custom error `code`, changing nothing.
#[track_caller]
pub fn assert_custom_error(result: &InstructionResult, accounts: &[(Pubkey, Account)], code: u32) {
    assert_error(result, accounts, ProgramError::Custom(code));
}

/// Panics unless the instruction succeeded; returns the resulting account of `key`.
#[track_caller]
pub fn assert_success(result: &InstructionResult) {
    assert!(
        result.program_result.is_ok(),
        "instruction failed: {:?}",
        result.program_result
    );
}

/// The resulting state of `key`.
#[track_caller]
pub fn account<'a>(result: &'a InstructionResult, key: &Pubkey) -> &'a Account {
    result
        .get_account(key)
        .unwrap_or_else(|| panic!("account {key} not in result"))
}

/// CU spent inside the CPIs the program made (callee work plus invoke overhead).
pub fn cpi_compute_units(result: &InstructionResult) -> u64 {
    result
        .cpi_compute_units
        .iter()
        .filter(|cpi| cpi.stack_height == 2)
        .map(|cpi| cpi.compute_units_consumed)
        .sum()
}

/// Prints the CU of a successful instruction (`CU <program> <instruction> <n> <cpi>`).
#[track_caller]
pub fn print_cu(program: &str, instruction: &str, result: &InstructionResult) {
    assert_success(result);
    println!(
        "CU {program} {instruction} {} {}",
        result.compute_units_consumed,
        cpi_compute_units(result)
    );
}

/// The compute benchmark's record (`tests/compute_bench.rs` only): prints like
/// [`print_cu`] and, when `JITO_CU_OUT` names a file, appends the line to it for
/// `scripts/compute-report.sh`. Only the benchmark records, because its keys and
/// states are fixed: a PDA's bump, and so its derivation cost, depends on the
/// keys, and the report must be reproducible to the unit.
///
/// `instruction` is the instruction name, optionally with a variant after a slash
/// (`CrankVaultUpdateStateTracker/64-operators`) for costly cases reported separately.
#[track_caller]
pub fn record_cu(program: &str, instruction: &str, result: &InstructionResult) {
    print_cu(program, instruction, result);
    #[cfg(feature = "trace")]
    trace::file_traces(program, instruction, result.compute_units_consumed);
    if let Some(path) = std::env::var_os("JITO_CU_OUT") {
        use std::io::Write;
        let line = format!(
            "CU {program} {instruction} {} {}\n",
            result.compute_units_consumed,
            cpi_compute_units(result)
        );
        // One short O_APPEND write per line: parallel tests do not interleave.
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .expect("open JITO_CU_OUT");
        file.write_all(line.as_bytes()).expect("write JITO_CU_OUT");
    }
}
