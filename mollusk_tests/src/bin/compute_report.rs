//! Writes and checks the compute report.
//!
//! Input: the `CU <program> <instruction> <n>` lines that the Mollusk tests record
//! (`JITO_CU_OUT`), the built `.so` files, the committed budgets and the
//! original's figures. Output: `compute_reports/compute_units.json` and one
//! Markdown table per program.
//!
//! Modes:
//! * `write --measured F [--compare F2]`: rewrite the report from F; with `--compare`,
//!   add the CU another build produced (e.g. the original binaries) and the ratio.
//! * `check --measured F`: fail when an instruction exceeds its budget, lacks a
//!   measurement or budget, or the committed report differs from F (stale).
//! * `budgets --measured F`: set every budget to the measured CU plus headroom (capped at
//!   the row's target, see [`target`]).

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    process::ExitCode,
};

use serde_json::{json, Map, Value};

const PROGRAMS: [&str; 3] = ["restaking", "vault", "ncn"];
const FEATURE_SET: &str = "SVMFeatureSet::all_enabled() (Mollusk 0.16.4 default)";
/// Budget headroom over the measured CU: 2% and at least 20 CU, but never above the row's
/// [`target`] once the measurement meets it (the gate then holds the target).
fn budget_for(program: &str, instruction: &str, cu: u64) -> u64 {
    let budget = cu + (cu / 50).max(20);
    match target(program, instruction) {
        Some(target) if cu <= target => budget.min(target),
        _ => budget,
    }
}

/// The warm-up / cool-down instructions (`program/Instruction`): one clock read each, one
/// note, one target.
const TOGGLES: [&str; 14] = [
    "restaking/WarmupNcnVaultTicket",
    "restaking/CooldownNcnVaultTicket",
    "restaking/WarmupOperatorVaultTicket",
    "restaking/CooldownOperatorVaultTicket",
    "restaking/WarmupNcnVaultSlasherTicket",
    "restaking/CooldownNcnVaultSlasherTicket",
    "restaking/NcnWarmupOperator",
    "restaking/NcnCooldownOperator",
    "restaking/OperatorWarmupNcn",
    "restaking/OperatorCooldownNcn",
    "vault/WarmupVaultNcnTicket",
    "vault/CooldownVaultNcnTicket",
    "vault/WarmupVaultNcnSlasherTicket",
    "vault/CooldownVaultNcnSlasherTicket",
];

/// `instruction` (without a variant) is a warm-up / cool-down of `program`.
fn is_toggle(program: &str, instruction: &str) -> bool {
    TOGGLES
        .iter()
        .any(|key| key.split_once('/') == Some((program, instruction)))
}

/// The CU targets the issues set for single rows: warm-ups / cool-downs <= 450 and admin setters
/// <= 200 (issue 13), an NCN epoch of 16 operators x 2 vaults <= 150,000 and a vote <= 2,000
/// (issue 16).
fn target(program: &str, instruction: &str) -> Option<u64> {
    const SETTERS: [&str; 15] = [
        "restaking/NcnSetAdmin",
        "restaking/NcnSetSecondaryAdmin",
        "restaking/OperatorSetAdmin",
        "restaking/OperatorSetSecondaryAdmin",
        "restaking/OperatorSetFee",
        "restaking/SetConfigAdmin",
        "vault/SetAdmin",
        "vault/SetSecondaryAdmin",
        "vault/SetFees",
        "vault/SetConfigAdmin",
        "vault/SetConfigSecondaryAdmin",
        "vault/SetDepositCapacity",
        "vault/SetIsPaused",
        "vault/SetProgramFee",
        "vault/SetProgramFeeWallet",
    ];
    let key = format!("{program}/{instruction}");
    if is_toggle(program, instruction) {
        Some(450)
    } else if SETTERS.contains(&key.as_str()) {
        Some(200)
    } else if key == "ncn/Epoch/16-operators-2-vaults" {
        Some(150_000)
    } else if key.starts_with("ncn/CastVote") {
        Some(2_000)
    } else {
        None
    }
}

struct Args {
    mode: String,
    measured: PathBuf,
    compare: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mode = args
        .next()
        .ok_or("usage: compute_report write|check|budgets --measured FILE [--compare FILE]")?;
    let (mut measured, mut compare) = (None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--measured" => measured = args.next().map(PathBuf::from),
            "--compare" => compare = args.next().map(PathBuf::from),
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    Ok(Args {
        mode,
        measured: measured.ok_or("--measured FILE is required")?,
        compare,
    })
}

type Measured = BTreeMap<(String, String), u64>;

// ---------------------------------------------------------------------------
// The floor: what any compatible implementation must spend.
// ---------------------------------------------------------------------------

/// A syscall an instruction's semantics require of any compatible implementation.
#[derive(Clone, Copy)]
enum Need {
    /// The clock (the instruction reads the slot or epoch).
    Clock,
    /// The rent (the instruction creates an account, rent-exempt).
    Rent,
    /// The canonical search of a new account (or an associated token account)
    /// with seeds of these lengths: at least one `sol_sha256` of the seeds, the
    /// bump, the program id and the PDA marker (the bump 255 case; each bump
    /// tried more adds a hash and a curve check). The match needs no curve
    /// check: the create CPI's signature, or the account's existence, proves it
    /// off the curve (`jito_core::pda`).
    Search(&'static [usize]),
    /// As `Search`, and the match is curve-checked too (an address nothing else
    /// vouches for: the burn vault, the Metaplex metadata account).
    FullSearch(&'static [usize]),
}

use Need::*;

/// An associated token account: seeds `[owner, token program, mint]`.
const ATA: Need = Search(&[32, 32, 32]);

/// The NCN program's account payer, `["account_payer", ncn, ncn]`.
const NCN_PAYER: Need = Search(&[13, 32, 32]);
/// The NCN program's epoch marker, `["epoch_marker", ncn, epoch, ncn]`.
const NCN_MARKER: Need = FullSearch(&[12, 32, 8, 32]);

/// What each instruction must do beyond its CPIs (from the original's
/// semantics: which accounts it creates at a PDA, which token accounts it
/// requires to be associated token accounts, which sysvars it reads). Configs
/// sit at one constant address per program id: no search. Instructions not
/// listed need nothing beyond their CPIs.
fn needs(program: &str, instruction: &str) -> &'static [Need] {
    let base = instruction.split('/').next().unwrap_or(instruction);
    match (program, base) {
        ("restaking", "InitializeConfig") | ("vault", "InitializeConfig") => &[Rent],
        ("restaking", "InitializeNcn") => &[Rent, Search(&[3, 32])],
        ("restaking", "InitializeOperator") => &[Rent, Search(&[8, 32])],
        ("restaking", "InitializeNcnVaultSlasherTicket") => {
            &[Rent, Clock, Search(&[18, 32, 32, 32])]
        }
        ("restaking", "InitializeNcnVaultTicket") => &[Rent, Clock, Search(&[16, 32, 32])],
        ("restaking", "InitializeOperatorVaultTicket") => &[Rent, Clock, Search(&[21, 32, 32])],
        ("restaking", "InitializeNcnOperatorState") => &[Rent, Clock, Search(&[18, 32, 32])],
        _ if is_toggle(program, base) => &[Clock],
        ("vault", "InitializeVault") => &[Rent, Clock, Search(&[5, 32]), FullSearch(&[10, 32])],
        ("vault", "InitializeVaultNcnTicket") => &[Rent, Clock, Search(&[16, 32, 32])],
        ("vault", "InitializeVaultOperatorDelegation") => &[Rent, Clock, Search(&[25, 32, 32])],
        ("vault", "InitializeVaultNcnSlasherTicket") => &[Rent, Clock, Search(&[20, 32, 32, 32])],
        ("vault", "InitializeVaultNcnSlasherOperatorTicket") => {
            &[Rent, Clock, Search(&[26, 32, 32, 32, 32, 8])]
        }
        ("vault", "InitializeVaultUpdateStateTracker") => &[Rent, Clock, Search(&[26, 32, 8])],
        ("vault", "MintTo") => &[Clock, ATA, ATA, ATA, ATA],
        ("vault", "EnqueueWithdrawal") => &[Rent, Clock, Search(&[30, 32, 32]), ATA, ATA],
        ("vault", "BurnWithdrawalTicket") => &[Clock, ATA, ATA, ATA, ATA, ATA],
        ("vault", "UpdateVaultBalance") => &[Clock, ATA, ATA],
        ("vault", "CreateTokenMetadata" | "UpdateTokenMetadata") => &[FullSearch(&[8, 32, 32])],
        (
            "vault",
            "AddDelegation"
            | "CooldownDelegation"
            | "CrankVaultUpdateStateTracker"
            | "BatchCrankVaultUpdateStateTracker"
            | "CloseVaultUpdateStateTracker"
            | "SetFees",
        ) => &[Clock],
        // NCN: the account payer signs each create or realloc CPI (that proves its match off
        // the curve); the epoch marker must be the canonical PDA with no CPI to vouch for it;
        // a reward receiver that pays signs a CPI, one only read does not.
        ("ncn", "InitializeConfig") => &[Rent, Clock, NCN_PAYER, Search(&[6, 32])],
        ("ncn", "InitializeVaultRegistry") => &[Rent, NCN_PAYER, Search(&[14, 32])],
        ("ncn", "ReallocVaultRegistry") => &[Rent, NCN_PAYER, Search(&[14, 32])],
        ("ncn", "InitializeEpochState") => {
            &[Rent, Clock, NCN_PAYER, NCN_MARKER, Search(&[11, 32, 8])]
        }
        ("ncn", "InitializeWeightTable") => &[Rent, NCN_PAYER, NCN_MARKER, Search(&[12, 32, 8])],
        ("ncn", "ReallocWeightTable") => &[Rent, Clock, NCN_PAYER, Search(&[12, 32, 8])],
        ("ncn", "InitializeEpochSnapshot") => {
            &[Rent, Clock, NCN_PAYER, NCN_MARKER, Search(&[14, 32, 8])]
        }
        ("ncn", "InitializeOperatorSnapshot") => {
            &[Rent, Clock, NCN_PAYER, NCN_MARKER, Search(&[17, 32, 32, 8])]
        }
        ("ncn", "InitializeBallotBox") => &[
            Rent,
            NCN_PAYER,
            NCN_MARKER,
            Search(&[10, 32, 8]),
            Search(&[16, 32, 8]),
        ],
        ("ncn", "ReallocBallotBox") => &[Rent, Clock, NCN_PAYER, Search(&[10, 32, 8])],
        ("ncn", "InitializeNCNRewardRouter") => &[
            Rent,
            NCN_PAYER,
            NCN_MARKER,
            Search(&[17, 32, 8]),
            FullSearch(&[19, 32, 8]),
        ],
        ("ncn", "ReallocNCNRewardRouter") => &[Rent, Clock, NCN_PAYER, Search(&[17, 32, 8])],
        ("ncn", "InitializeOperatorVaultRewardRouter") => &[
            Rent,
            Clock,
            NCN_PAYER,
            NCN_MARKER,
            Search(&[27, 32, 32, 8]),
            FullSearch(&[30, 32, 32, 8]),
        ],
        ("ncn", "RouteNCNRewards") => &[Clock, FullSearch(&[19, 32, 8])],
        ("ncn", "RouteOperatorVaultRewards") => &[FullSearch(&[30, 32, 32, 8])],
        ("ncn", "DistributeProtocolRewards" | "DistributeNCNRewards") => &[Search(&[19, 32, 8])],
        ("ncn", "DistributeOperatorVaultRewardRoute") => {
            &[Search(&[19, 32, 8]), FullSearch(&[30, 32, 32, 8])]
        }
        ("ncn", "DistributeOperatorRewards" | "DistributeVaultRewards") => {
            &[Search(&[30, 32, 32, 8])]
        }
        ("ncn", "CloseEpochAccount") => &[Clock, NCN_PAYER],
        (
            "ncn",
            "RegisterVault"
            | "AdminSetWeight"
            | "AdminSetTieBreaker"
            | "SetEpochWeights"
            | "SnapshotVaultOperatorDelegation"
            | "CastVote",
        ) => &[Clock],
        _ => &[],
    }
}

// ---------------------------------------------------------------------------
// What an instruction spends above 1.25x its floor (the note under each table).
// One entry per instruction name (variants share it), kept apart from `needs`.
// ---------------------------------------------------------------------------

/// Rows whose CU is above this multiple of their floor get a note.
const NOTE_ABOVE_FLOOR: f64 = 1.25;

/// What the rest of an instruction's CU is, above its floor: brief, from the
/// processor's code. `None`: no note written yet (the table says so).
fn rest_note(program: &str, instruction: &str) -> Option<&'static str> {
    const TOGGLE: &str = "entrypoint parsing of 5-7 accounts; owner / size / discriminator \
        checks of config, NCN / operator / vault and ticket(s); stored-field comparison of the \
        ticket; admin key compare; slot-toggle epoch arithmetic (two divisions)";
    const SETTER: &str = "account checks (config or NCN / operator / vault, signers), the \
        admin key compare and the write; nothing else is required, so the floor is 0";
    const SET_ADMIN: &str = "as a setter, plus the compare-and-replace of every secondary \
        admin role the old admin holds (each a 32-byte compare and copy): in the benchmark the \
        roles are the old admin (8 of the vault's 10, the NCN's / operator's 3-4), so each is \
        four word loads, compares and stores; for the vault (cu-trace: ~55 entrypoint and \
        dispatch, ~40 config, ~35 vault, signers and admin compare, ~115 the roles) that is \
        ~115 CU over a setter's ~155 (SetIsPaused), a floor near 250 for this work";
    const TICKET: &str = "account checks of 7-9 accounts (stored-field proofs of the existing \
        ones), the create CPI's data and signer seeds, the ticket's initialisation and the \
        counter update; where Own is far above a sibling's, the benchmark's PDA has a bump \
        below 255 (each extra bump: one `sol_sha256` and one curve check)";
    const DELEGATE: &str = "token-program choice, account checks, the Approve / Revoke CPI's \
        data building";
    const DELEGATION: &str = "checked u64 arithmetic of the vault's and the operator \
        delegation's staking state; account checks of 4-5 accounts";
    let base = instruction.split('/').next().unwrap_or(instruction);
    Some(match (program, base) {
        _ if is_toggle(program, base) => TOGGLE,
        (
            "restaking",
            "NcnSetSecondaryAdmin"
            | "OperatorSetSecondaryAdmin"
            | "OperatorSetFee"
            | "SetConfigAdmin",
        )
        | (
            "vault",
            "SetConfigAdmin"
            | "SetConfigSecondaryAdmin"
            | "SetDepositCapacity"
            | "SetIsPaused"
            | "SetProgramFee"
            | "SetProgramFeeWallet"
            | "SetSecondaryAdmin"
            | "ChangeWithdrawalTicketOwner",
        ) => SETTER,
        ("restaking", "NcnSetAdmin" | "OperatorSetAdmin") | ("vault", "SetAdmin") => SET_ADMIN,
        (
            "restaking",
            "InitializeNcnVaultTicket"
            | "InitializeOperatorVaultTicket"
            | "InitializeNcnVaultSlasherTicket"
            | "InitializeNcnOperatorState",
        )
        | (
            "vault",
            "InitializeVaultNcnTicket"
            | "InitializeVaultNcnSlasherTicket"
            | "InitializeVaultNcnSlasherOperatorTicket"
            | "InitializeVaultOperatorDelegation"
            | "InitializeVaultUpdateStateTracker",
        ) => TICKET,
        ("restaking", "InitializeNcn" | "InitializeOperator") => {
            "account checks of 5 accounts, the create CPI's data and signer seeds, the state's \
             initialisation and the config counter update"
        }
        ("restaking" | "vault", "InitializeConfig") => {
            "account checks, the create CPI's data and signer seeds, the config's initialisation"
        }
        ("restaking", "NcnDelegateTokenAccount" | "OperatorDelegateTokenAccount")
        | ("vault", "DelegateTokenAccount" | "RevokeDelegateTokenAccount") => DELEGATE,
        ("vault", "AddDelegation" | "CooldownDelegation") => DELEGATION,
        ("vault", "CrankVaultUpdateStateTracker" | "BatchCrankVaultUpdateStateTracker") => {
            "per operator: the delegation's crank (checked arithmetic), the tracker's update and \
             the checks of the delegation account; the batch grows linearly with operators"
        }
        ("vault", "CloseVaultUpdateStateTracker") => {
            "account checks, the vault's end-of-update arithmetic, closing the tracker (lamports \
             moved, data cleared)"
        }
        ("vault", "MintTo") => {
            "fee and supply arithmetic (checked), account checks of 9 accounts, the data of the \
             transfer and mint CPIs"
        }
        ("vault", "EnqueueWithdrawal") => {
            "account checks of 10 accounts, the fee and cooldown arithmetic, the ticket's create \
             CPI data and initialisation, the transfer CPI's data"
        }
        ("vault", "BurnWithdrawalTicket") => {
            "account checks of 14 accounts, the withdrawal and fee arithmetic (checked), the data \
             of the burn, transfer and close CPIs, closing the ticket"
        }
        ("vault", "UpdateVaultBalance") => {
            "reward-fee arithmetic, account checks, the mint CPI's data"
        }
        ("vault", "CreateTokenMetadata" | "UpdateTokenMetadata") => {
            "the Metaplex instruction's data (name, symbol, uri strings) and the account checks"
        }
        ("vault", "SetFees") => {
            "the clock (110, the fee-change rules need the epoch) and, by cu-trace: ~55 \
             entrypoint and dispatch, ~30 the three `Option<u16>` arguments, ~40 the config, \
             ~30 the vault, signer and fee-admin compare, ~20 the epoch arithmetic, ~45 the \
             three fees' rules (cap, bump and rate of change, checked once for both fees) and \
             writes: a floor near 300 for this work"
        }
        ("vault", "InitializeVault") => {
            "account checks of 11 accounts, the data of the create, mint-initialise and transfer \
             CPIs, the vault's initialisation"
        }
        ("vault", "GetNumbering") => "the return-data write",
        ("vault", "InitializeVaultWithMint") => "the dispatch of a refused instruction",
        _ => return None,
    })
}

/// The notes under a program's table: the rows above [`NOTE_ABOVE_FLOOR`] x
/// their floor (or with a floor of 0 and some CU), grouped by note. None for a
/// program without notes yet (the NCN program).
fn rest_notes(report: &Value, program: &str) -> String {
    // Note -> instructions, in table order.
    let mut groups: Vec<(&'static str, Vec<String>)> = Vec::new();
    let mut any_note = false;
    for r in report["instructions"].as_array().into_iter().flatten() {
        if r["program"] != program {
            continue;
        }
        let name = r["instruction"].as_str().unwrap_or_default();
        let base = name.split('/').next().unwrap_or(name);
        let cu = r["cu"].as_u64().unwrap_or(0);
        let floor =
            r["cpi_cu"].as_u64().unwrap_or(0) + r["floor_syscalls_cu"].as_u64().unwrap_or(0);
        if cu == 0 || (floor > 0 && cu as f64 <= NOTE_ABOVE_FLOOR * floor as f64) {
            continue;
        }
        let note = rest_note(program, base);
        any_note |= note.is_some();
        let note = note.unwrap_or("not described yet");
        let at = match groups.iter().position(|(n, _)| *n == note) {
            Some(at) => at,
            None => {
                groups.push((note, Vec::new()));
                groups.len() - 1
            }
        };
        if !groups[at].1.iter().any(|b| b == base) {
            groups[at].1.push(base.to_string());
        }
    }
    if !any_note {
        return String::new();
    }
    let lines: Vec<String> = groups
        .iter()
        .map(|(note, names)| format!("| {} | {note} |", names.join(", ")))
        .collect();
    format!(
        "\nAbove {NOTE_ABOVE_FLOOR}x the floor (`CU / Floor`, or a floor of 0): what the rest is \
         (`rest_note` in `compute_report.rs`; variants share their instruction's line).\n\n\
         | Instructions | The rest |\n|---|---|\n{}\n",
        lines.join("\n")
    )
}

/// The CU of `needs` under the compute budget Mollusk runs with
/// (`ComputeBudget::new_with_defaults(true)`, as `Mollusk::default`), by the
/// runtime's own cost formulas: a sysvar read (`sol_get_sysvar`) costs
/// `sysvar_base_cost` plus its bytes per `cpi_bytes_per_unit`, at least `mem_op_base_cost`; `sol_sha256` costs `sha256_base_cost` plus, per slice,
/// the larger of `sha256_byte_cost` per two bytes and `mem_op_base_cost`; a
/// curve check `curve25519_edwards_validate_point_cost`.
fn floor_syscalls_cu(needs: &[Need]) -> u64 {
    let b = solana_compute_budget::compute_budget::ComputeBudget::new_with_defaults(true);
    let slice = |len: usize| (b.sha256_byte_cost * (len as u64 / 2)).max(b.mem_op_base_cost);
    // Seeds, then the bump, the program id and "ProgramDerivedAddress".
    let hash = |seeds: &[usize]| {
        b.sha256_base_cost
            + seeds.iter().map(|l| slice(*l)).sum::<u64>()
            + slice(1)
            + slice(32)
            + slice(21)
    };
    let sysvar = |len: u64| {
        b.sysvar_base_cost
            + 32 / b.cpi_bytes_per_unit
            + (len / b.cpi_bytes_per_unit).max(b.mem_op_base_cost)
    };
    needs
        .iter()
        .map(|n| match n {
            // Through `sol_get_sysvar` (as `Sysvar::get` of pinocchio): the base
            // cost, the id's and the buffer's bytes per `cpi_bytes_per_unit`, at
            // least `mem_op_base_cost` (size_of::<Clock>() = 40, size_of::<Rent>() = 24;
            // reading fewer bytes costs the same).
            Clock => sysvar(40),
            Rent => sysvar(24),
            Search(seeds) => hash(seeds),
            FullSearch(seeds) => hash(seeds) + b.curve25519_edwards_validate_point_cost,
        })
        .sum()
}

/// The `Syscalls` floor of an NCN epoch total `Epoch/<n>-operator[s]-<v>-vaults`
/// (`ncn_bench.rs`): the epoch state, the weight table (one realloc), the weights, the
/// epoch snapshot, `n` operator snapshots, `n × v` delegation snapshots, the ballot box (two
/// reallocs, the clock read by the one that completes it) and `n` votes. 0 for another name.
fn epoch_floor_syscalls_cu(instruction: &str) -> u64 {
    let parse = || -> Option<(u64, u64)> {
        let rest = instruction.strip_prefix("Epoch/")?;
        let (n, rest) = rest.split_once('-')?;
        let v = rest.split('-').nth(1)?;
        Some((n.parse().ok()?, v.parse().ok()?))
    };
    let Some((n, v)) = parse() else {
        return 0;
    };
    let of = |name: &str| floor_syscalls_cu(needs("ncn", name));
    let realloc_box = floor_syscalls_cu(&[Rent, NCN_PAYER, Search(&[10, 32, 8])]);
    of("InitializeEpochState")
        + of("InitializeWeightTable")
        + of("ReallocWeightTable")
        + of("SetEpochWeights")
        + of("InitializeEpochSnapshot")
        + n * of("InitializeOperatorSnapshot")
        + n * v * of("SnapshotVaultOperatorDelegation")
        + of("InitializeBallotBox")
        + realloc_box
        + of("ReallocBallotBox")
        + n * of("CastVote")
}

/// Highest total CU per `program/instruction[/variant]` key, and the CPI part of that run.
fn read_measured(path: &Path) -> Result<(Measured, Measured), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if let ["CU", program, instruction, cu, cpi] = parts[..] {
            let bad = || format!("bad line: {line}");
            let cu: u64 = cu.parse().map_err(|_| bad())?;
            let cpi: u64 = cpi.parse().map_err(|_| bad())?;
            let slot = out
                .entry((program.to_string(), instruction.to_string()))
                .or_insert((0, 0));
            if (cu, cpi) > *slot {
                *slot = (cu, cpi);
            }
        }
    }
    let totals = out.iter().map(|(k, v)| (k.clone(), v.0)).collect();
    let cpis = out.into_iter().map(|(k, v)| (k, v.1)).collect();
    Ok((totals, cpis))
}

fn read_json(path: &Path) -> Value {
    fs::read_to_string(path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

struct Paths {
    json: PathBuf,
    budgets: PathBuf,
    original: PathBuf,
    deploy: PathBuf,
    dir: PathBuf,
}

fn paths() -> Paths {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = root.join("compute_reports");
    Paths {
        json: dir.join("compute_units.json"),
        budgets: dir.join("budgets.json"),
        original: dir.join("original_cu.json"),
        deploy: std::env::var_os("JITO_SBF_OUT_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target/deploy")),
        dir,
    }
}

fn so_size(deploy: &Path, program: &str) -> Result<u64, String> {
    let path = deploy.join(format!("jito_{program}_program.so"));
    fs::metadata(&path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The report as JSON, from measurements and the committed previous report.
fn build_report(
    p: &Paths,
    measured: &Measured,
    cpis: &Measured,
    compare: Option<&Measured>,
    previous: &Value,
    budgets: &Value,
) -> Result<Value, String> {
    let original = read_json(&p.original);
    let mut originals = BTreeMap::new();
    for o in original["instructions"].as_array().into_iter().flatten() {
        originals.insert(
            (
                o["program"].as_str().unwrap_or_default().to_string(),
                o["instruction"].as_str().unwrap_or_default().to_string(),
            ),
            (o["total_cu"].as_u64(), o["own_cu"].as_u64()),
        );
    }
    let mut prev = BTreeMap::new();
    for r in previous["instructions"].as_array().into_iter().flatten() {
        let key = (
            r["program"].as_str().unwrap_or_default().to_string(),
            r["instruction"].as_str().unwrap_or_default().to_string(),
        );
        prev.insert(key, (r["cu"].as_u64(), r["previous_cu"].as_u64()));
    }
    let mut rows = Vec::new();
    for ((program, instruction), cu) in measured {
        let base = instruction.split('/').next().unwrap_or(instruction);
        // Unchanged figures keep their previous delta, so rewriting is idempotent.
        let previous_cu = match prev.get(&(program.clone(), instruction.clone())) {
            Some((Some(old), old_prev)) if old == cu => *old_prev,
            Some((Some(old), _)) => Some(*old),
            _ => None,
        };
        let mut row = Map::new();
        row.insert("program".into(), json!(program));
        row.insert("instruction".into(), json!(instruction));
        row.insert("cu".into(), json!(cu));
        row.insert(
            "cpi_cu".into(),
            json!(cpis
                .get(&(program.clone(), instruction.clone()))
                .copied()
                .unwrap_or(0)),
        );
        row.insert(
            "floor_syscalls_cu".into(),
            json!(if base == "Epoch" {
                epoch_floor_syscalls_cu(instruction)
            } else {
                floor_syscalls_cu(needs(program, instruction))
            }),
        );
        row.insert("previous_cu".into(), json!(previous_cu));
        row.insert(
            "budget".into(),
            budgets[program.as_str()][instruction.as_str()].clone(),
        );
        let (orig, orig_own) = if base == instruction {
            originals
                .get(&(program.clone(), base.to_string()))
                .copied()
                .unwrap_or((None, None))
        } else {
            (None, None)
        };
        row.insert("original_cu".into(), json!(orig));
        row.insert("original_own_cu".into(), json!(orig_own));
        if let Some(c) = compare {
            row.insert(
                "compare_cu".into(),
                json!(c.get(&(program.clone(), instruction.clone()))),
            );
        }
        rows.push(Value::Object(row));
    }
    let mut programs = Map::new();
    for program in PROGRAMS {
        programs.insert(
            program.into(),
            json!({
                "so_bytes": so_size(&p.deploy, program)?,
                "original_elf_bytes": original["original_elf_bytes"][program],
            }),
        );
    }
    Ok(json!({
        "feature_set": FEATURE_SET,
        "programs": programs,
        "instructions": rows,
    }))
}

fn ratio(a: u64, b: u64) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.1}×", a as f64 / b as f64)
    }
}

/// Own CU (outside CPIs) of the benchmark's instructions, summed over the
/// instructions that have an original figure (each once, variants excluded), and
/// the original's own CU of the same instructions: one program's, or both
/// programs' for `None`; the third figure is those instructions' floor
/// syscalls (the `Syscalls` column).
fn own_totals(report: &Value, program: Option<&str>) -> (u64, u64, u64) {
    let mut ours = 0;
    let mut original = 0;
    let mut syscalls = 0;
    for r in report["instructions"].as_array().into_iter().flatten() {
        if program.is_some_and(|p| r["program"] != p) {
            continue;
        }
        if let Some(o) = r["original_own_cu"].as_u64() {
            let cu = r["cu"].as_u64().unwrap_or(0);
            ours += cu.saturating_sub(r["cpi_cu"].as_u64().unwrap_or(0));
            original += o;
            syscalls += r["floor_syscalls_cu"].as_u64().unwrap_or(0);
        }
    }
    (ours, original, syscalls)
}

/// The sentence on the benchmark's own CU against the original's.
fn own_ratio_line(report: &Value, program: &str) -> String {
    let percent = |(a, b): (u64, u64)| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{:.1}%", 100.0 * a as f64 / b as f64)
        }
    };
    let this = own_totals(report, Some(program));
    let both = own_totals(report, None);
    format!(
        "Own CU of the benchmark's instructions (each once, with the original's figure) against the\n\
         original's own CU of the same instructions: {program} {} / {} = **{}**; both programs\n\
         {} / {} = **{}**. Their floor syscalls (the `Syscalls` column of the same instructions)\n\
         are {} CU, {} of the original's own CU: the part of that ratio no compatible\n\
         implementation avoids; the rest ({} CU) is entrypoint parsing, account checks, state\n\
         updates and CPI set-up.",
        this.0,
        this.1,
        percent((this.0, this.1)),
        both.0,
        both.1,
        percent((both.0, both.1)),
        both.2,
        percent((both.2, both.1)),
        both.0.saturating_sub(both.2)
    )
}

fn markdown(report: &Value, program: &str) -> String {
    let info = &report["programs"][program];
    let so = info["so_bytes"].as_u64().unwrap_or(0);
    let orig = info["original_elf_bytes"].as_u64().unwrap_or(0);
    let has_compare = report["instructions"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|r| r.get("compare_cu").is_some());
    // The NCN program (ncn_bench.rs) has no original figures: the template cannot be built here.
    let (bench, so_line, original_line) = if program == "ncn" {
        (
            "ncn_bench.rs",
            format!("`.so`: {so} bytes"),
            "Original: none (ncn-template at 32209a1 needs Solana platform-tools: not runnable here;\n\
             `programs/ncn/README.md` compares its code paths). `Epoch/...`: the total of an epoch.",
        )
    } else {
        (
            "compute_bench.rs",
            format!(
                "`.so`: {so} bytes ({:.1}% of the original's ~{} KB ELF)",
                if orig > 0 { 100.0 * so as f64 / orig as f64 } else { 0.0 },
                orig / 1000
            ),
            "Original: the original mainnet binaries' total CU (`compute_reports/original_cu.json`).",
        )
    };
    let mut s = format!(
        "# Compute units: {program} program\n\n\
         Generated by `scripts/compute-report.sh` from the Mollusk compute benchmark\n\
         (`mollusk_tests/tests/{bench}`, fixed keys and states); do not edit.\n\
         Feature set: {}. {so_line}.\n\
         {original_line}\n\
         Instructions with a `/variant` are costly cases reported separately.\n{}\n\
         `CPI` is the CU spent inside the CPIs the instruction must make (callee work and invoke\n\
         overhead); `Own` is the rest (checks, hashing, state). `Floor` is what any compatible\n\
         implementation must spend: the CPIs plus `Syscalls`, the syscalls its semantics require\n\
         (clock / rent reads, and one `sol_sha256` for the canonical search of each new account and\n\
         each associated token account, plus a curve check where nothing else proves the match off\n\
         the curve), priced by the runtime's cost formulas under Mollusk's compute budget\n\
         (`compute_report.rs`, `floor_syscalls_cu`). It is a lower bound: a search whose canonical\n\
         bump is below 255 costs one hash and one curve check more per bump tried, which no\n\
         implementation avoids either. `Own / Syscalls` is how far the own work is above that part\n\
         of the floor (the rest is account checks and state updates).\n\n\
         {}\n\n\
         | Instruction | CU | CPI | Own | Syscalls | Floor | CU / Floor | Own / Syscalls | Budget | Δ vs last report | Original CU | Original / ours |{}\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|{}\n",
        report["feature_set"].as_str().unwrap_or_default(),
        if program == "vault" {
            "Create/UpdateTokenMetadata CPI into a small stand-in at the Metaplex id (the Metaplex\n\
             binary is not available here): compare their `Own` column with the original's own CU.\n"
        } else {
            ""
        },
        own_ratio_line(report, program),
        if has_compare { " Compared build CU | Compared / ours |" } else { "" },
        if has_compare { "---:|---:|" } else { "" },
    );
    for r in report["instructions"].as_array().into_iter().flatten() {
        if r["program"] != program {
            continue;
        }
        let cu = r["cu"].as_u64().unwrap_or(0);
        let delta = match r["previous_cu"].as_u64() {
            Some(p) if p != cu => format!("{:+}", cu as i64 - p as i64),
            _ => "0".into(),
        };
        let budget = r["budget"]
            .as_u64()
            .map(|b| b.to_string())
            .unwrap_or_else(|| "none".into());
        let (orig, orig_ratio) = match r["original_cu"].as_u64() {
            Some(o) => (o.to_string(), ratio(o, cu)),
            None => ("-".into(), "-".into()),
        };
        let cpi = r["cpi_cu"].as_u64().unwrap_or(0);
        let own = cu.saturating_sub(cpi);
        let syscalls = r["floor_syscalls_cu"].as_u64().unwrap_or(0);
        let floor = cpi + syscalls;
        let floor_ratio = if floor > 0 {
            format!("{:.2}", cu as f64 / floor as f64)
        } else {
            "-".into()
        };
        let own_ratio = if syscalls > 0 {
            format!("{:.2}", own as f64 / syscalls as f64)
        } else {
            "-".into()
        };
        s += &format!(
            "| {} | {cu} | {cpi} | {own} | {syscalls} | {floor} | {floor_ratio} | {own_ratio} | {budget} | {delta} | {orig} | {orig_ratio} |",
            r["instruction"].as_str().unwrap_or_default()
        );
        if has_compare {
            match r.get("compare_cu").and_then(Value::as_u64) {
                Some(c) => s += &format!(" {c} | {} |", ratio(c, cu)),
                None => s += " - | - |",
            }
        }
        s += "\n";
    }
    s += &rest_notes(report, program);
    s
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let p = paths();
    let (measured, cpis) = read_measured(&args.measured)?;
    if measured.is_empty() {
        return Err(format!("no CU lines in {}", args.measured.display()));
    }
    let previous = read_json(&p.json);
    let mut budgets = read_json(&p.budgets);
    match args.mode.as_str() {
        "budgets" => {
            let mut out = Map::new();
            for program in PROGRAMS {
                let mut m = Map::new();
                for ((prog, ix), cu) in &measured {
                    if prog == program {
                        m.insert(ix.clone(), json!(budget_for(program, ix, *cu)));
                    }
                }
                out.insert(program.into(), Value::Object(m));
            }
            budgets = Value::Object(out);
            write(
                &p.budgets,
                &(serde_json::to_string_pretty(&budgets).unwrap() + "\n"),
            )?;
            write_report(&p, &measured, &cpis, None, &previous, &budgets)
        }
        "write" => {
            let compare = args
                .compare
                .as_deref()
                .map(read_measured)
                .transpose()?
                .map(|(c, _)| c);
            write_report(&p, &measured, &cpis, compare.as_ref(), &previous, &budgets)
        }
        "check" => check(&p, &measured, &cpis, &previous, &budgets),
        m => Err(format!("unknown mode {m}")),
    }
}

fn write_report(
    p: &Paths,
    measured: &Measured,
    cpis: &Measured,
    compare: Option<&Measured>,
    previous: &Value,
    budgets: &Value,
) -> Result<(), String> {
    let report = build_report(p, measured, cpis, compare, previous, budgets)?;
    write(
        &p.json,
        &(serde_json::to_string_pretty(&report).unwrap() + "\n"),
    )?;
    for program in PROGRAMS {
        write(
            &p.dir.join(format!("{program}.md")),
            &markdown(&report, program),
        )?;
    }
    println!("wrote {} and the Markdown tables", p.json.display());
    Ok(())
}

fn check(
    p: &Paths,
    measured: &Measured,
    cpis: &Measured,
    previous: &Value,
    budgets: &Value,
) -> Result<(), String> {
    let mut failures = Vec::new();
    for ((program, instruction), cu) in measured {
        match budgets[program.as_str()][instruction.as_str()].as_u64() {
            Some(b) if *cu > b => failures.push(format!(
                "{program} {instruction}: {cu} CU exceeds its budget of {b}"
            )),
            Some(_) => {}
            None => failures.push(format!("{program} {instruction}: {cu} CU has no budget")),
        }
    }
    for program in PROGRAMS {
        for (instruction, _) in budgets[program].as_object().into_iter().flatten() {
            if !measured.contains_key(&(program.to_string(), instruction.clone())) {
                failures.push(format!(
                    "{program} {instruction}: has a budget but was not measured"
                ));
            }
        }
    }
    // Every instruction of both programs is measured (variants come on top).
    let original = read_json(&p.original);
    for o in original["instructions"].as_array().into_iter().flatten() {
        let (program, instruction) = (
            o["program"].as_str().unwrap_or_default(),
            o["instruction"].as_str().unwrap_or_default(),
        );
        if !measured.contains_key(&(program.to_string(), instruction.to_string())) {
            failures.push(format!(
                "{program} {instruction}: not measured by the compute benchmark"
            ));
        }
    }
    let fresh = build_report(p, measured, cpis, None, previous, budgets)?;
    let strip = |v: &Value| -> Value {
        let mut v = v.clone();
        for r in v["instructions"].as_array_mut().into_iter().flatten() {
            if let Some(o) = r.as_object_mut() {
                o.remove("compare_cu");
            }
        }
        v
    };
    if strip(&fresh) != strip(previous) {
        failures.push(
            "compute_reports/ is stale: run scripts/compute-report.sh --write and commit".into(),
        );
    } else {
        for program in PROGRAMS {
            let committed =
                fs::read_to_string(p.dir.join(format!("{program}.md"))).unwrap_or_default();
            if committed != markdown(previous, program) {
                failures.push(format!(
                    "compute_reports/{program}.md is stale: run scripts/compute-report.sh --write"
                ));
            }
        }
    }
    if failures.is_empty() {
        println!(
            "compute budgets: {} measurements within budget; report up to date",
            measured.len()
        );
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("compute report: {e}");
            ExitCode::FAILURE
        }
    }
}
