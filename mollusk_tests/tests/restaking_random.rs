//! Randomized sequences of restaking instructions against a model kept in the test.
//!
//! Params: the config (written directly with a per-sequence epoch length of
//! 1, 2, 3, 7, 32, 100 or 432,000 slots and a start slot of 0, 1, 100 or
//! 431,999), 2 NCNs and 3
//! operators (created by the sequences themselves), 2 vaults written directly
//! as vault-program accounts built with `jito_vault_interface`, 2 slashers.
//! Each sequence is a random list of steps: every restaking instruction on
//! random NCN/operator/vault/slasher indices (creation, warm-up and cool-down of
//! every ticket/state, admin and secondary-admin changes, fees, a repeated
//! `InitializeConfig`), interleaved with slot warps across epochs; a fifth of
//! the instruction steps are corrupted (a wrong signer, a missing signature, or
//! an account swapped for another account of the world).
//!
//! After every step:
//! - the program never aborts: every failure is a clean program error
//!   (`ProgramResult::Failure`, never a runtime/abort error);
//! - a failed step changes nothing;
//! - an uncorrupted step has exactly the model's outcome (success, or the exact
//!   error the original returns: missing account, already exists, admin, fee
//!   cap, or warm-up/cool-down refused);
//! - a corrupted step fails;
//! - every restaking account equals, byte for byte, the account rebuilt from the
//!   model (so every counter — config ncn/operator counts, NCN operator/vault/
//!   slasher counts, operator NCN/vault counts, ticket indices — and every
//!   `SlotToggle`), is rent-exempt and restaking-owned; accounts the model does
//!   not have are absent; the vaults are untouched;
//! - each toggle's state at the current slot, a pure function of
//!   `(slot_added, slot_removed, epoch_length)` in the model, agrees with what
//!   the program allowed: a warm-up succeeded only from `Inactive` (not at the
//!   creation slot) and leaves `WarmUp`, a cool-down only from `Active` and
//!   leaves `Cooldown`.
//!
//! Seeded and bounded: by default 256 sequences of 1 to 160 steps (uniform)
//! with a fixed seed (about 10 s on 2 cores); a failure is shrunk to a short
//! sequence (bounded to 60 s of shrinking). Environment variables for longer or different runs:
//! - `JITO_PROPTEST_CASES` (number of sequences, default 256),
//! - `JITO_PROPTEST_STEPS` (maximum steps per sequence, default 160),
//! - `JITO_PROPTEST_SEED` (u64 seed, default fixed; `random` for a random one),
//! - `JITO_PROPTEST_VERBOSE` (set: print the outcome counts per instruction).
//!
//! e.g. `JITO_PROPTEST_CASES=5000 JITO_PROPTEST_STEPS=120 cargo test -p mollusk-tests --test restaking_random -- --nocapture`

use std::{
    cell::RefCell,
    collections::{BTreeMap, HashMap},
    sync::atomic::{AtomicU64, Ordering},
};

use mollusk_svm::result::ProgramResult as RunResult;
use mollusk_tests::{
    mollusk, rent_exempt,
    scenarios::restaking_roles::{self as aw, err, tag, NcnKeys, OperatorKeys, Toggle, VaultStub},
    world::World,
    Account, Instruction, ProgramError, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};
use proptest::{
    collection::vec,
    prelude::*,
    test_runner::{Config, RngSeed, TestCaseError, TestRunner},
};

/// Typical warp, in slots (the epoch length and the start slot vary per sequence, see [`Params`]).
const WARP_UNIT: u64 = 32;
const NCNS: u8 = 2;
const OPERATORS: u8 = 3;
const VAULTS: u8 = 2;
const SLASHERS: u8 = 2;
const MAX_FEE_BPS: u16 = 10_000;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------
// Params keys.
// ---------------------------------------------------------------------------

struct Keys {
    config: Pubkey,
    config_admins: [Pubkey; 2],
    ncns: Vec<NcnKeys>,
    operators: Vec<OperatorKeys>,
    vaults: Vec<VaultStub>,
    slashers: Vec<Pubkey>,
    payer: Pubkey,
    nvt: BTreeMap<(u8, u8), Pubkey>,
    ovt: BTreeMap<(u8, u8), Pubkey>,
    nos: BTreeMap<(u8, u8), Pubkey>,
    nvst: BTreeMap<(u8, u8, u8), Pubkey>,
    /// Every key an account may be swapped for.
    pool: Vec<Pubkey>,
    /// Funded wallets.
    wallets: Vec<Pubkey>,
}

/// Alternative holder of NCN `n`'s role `r` (r = 9: the primary admin).
fn ncn_alt(n: u8, r: u8) -> Pubkey {
    aw::key(0x30 + n, r)
}

/// Alternative holder of operator `o`'s role `r` (r = 9: the primary admin).
fn operator_alt(o: u8, r: u8) -> Pubkey {
    aw::key(0x50 + o, r)
}

impl Keys {
    fn new() -> Self {
        let ncns: Vec<NcnKeys> = (0..NCNS).map(NcnKeys::new).collect();
        let operators: Vec<OperatorKeys> = (0..OPERATORS).map(OperatorKeys::new).collect();
        let vaults: Vec<VaultStub> = (0..VAULTS).map(VaultStub::new).collect();
        let slashers: Vec<Pubkey> = (0..SLASHERS).map(|s| aw::key(0x70, s)).collect();
        let mut nvt = BTreeMap::new();
        let mut ovt = BTreeMap::new();
        let mut nos = BTreeMap::new();
        let mut nvst = BTreeMap::new();
        for n in 0..NCNS {
            for v in 0..VAULTS {
                let (ncn, vault) = (&ncns[n as usize].address, &vaults[v as usize].address);
                nvt.insert((n, v), aw::ncn_vault_ticket_pda(ncn, vault).0);
                for s in 0..SLASHERS {
                    nvst.insert(
                        (n, v, s),
                        aw::ncn_vault_slasher_ticket_pda(ncn, vault, &slashers[s as usize]).0,
                    );
                }
            }
            for o in 0..OPERATORS {
                nos.insert(
                    (n, o),
                    aw::ncn_operator_state_pda(
                        &ncns[n as usize].address,
                        &operators[o as usize].address,
                    )
                    .0,
                );
            }
        }
        for o in 0..OPERATORS {
            for v in 0..VAULTS {
                ovt.insert(
                    (o, v),
                    aw::operator_vault_ticket_pda(
                        &operators[o as usize].address,
                        &vaults[v as usize].address,
                    )
                    .0,
                );
            }
        }
        let config = aw::config_pda().0;
        let config_admins = [aw::key(0x10, 1), aw::key(0x10, 2)];
        let payer = aw::key(0x71, 0);
        let mut wallets = vec![payer, config_admins[0], config_admins[1]];
        for n in 0..NCNS {
            wallets.push(ncns[n as usize].admin);
            for r in 0..10 {
                wallets.push(ncn_alt(n, r));
            }
        }
        for o in 0..OPERATORS {
            wallets.push(operators[o as usize].admin);
            for r in 0..10 {
                wallets.push(operator_alt(o, r));
            }
        }
        let mut pool = vec![config, SYSTEM_PROGRAM_ID, payer, slashers[0]];
        pool.extend(ncns.iter().map(|k| k.address));
        pool.extend(operators.iter().map(|k| k.address));
        pool.extend(vaults.iter().map(|k| k.address));
        pool.extend(nvt.values().copied());
        pool.extend(ovt.values().copied());
        pool.extend(nos.values().copied());
        pool.extend(nvst.values().copied());
        pool.push(ncns[0].admin);
        pool.push(operators[0].admin);
        Self {
            config,
            config_admins,
            ncns,
            operators,
            vaults,
            slashers,
            payer,
            nvt,
            ovt,
            nos,
            nvst,
            pool,
            wallets,
        }
    }
}

// ---------------------------------------------------------------------------
// The model.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ToggleState {
    Inactive,
    WarmUp,
    Active,
    Cooldown,
}

/// The original `SlotToggle::state`: a pure function of the toggle, the slot and the epoch length.
fn toggle_state(t: Toggle, slot: u64, epoch_length: u64) -> ToggleState {
    let (added, removed) = t;
    let epoch = slot / epoch_length;
    if added == removed {
        ToggleState::Inactive
    } else if added < removed {
        if epoch > removed / epoch_length + 1 {
            ToggleState::Inactive
        } else {
            ToggleState::Cooldown
        }
    } else if epoch > added / epoch_length + 1 {
        ToggleState::Active
    } else {
        ToggleState::WarmUp
    }
}

/// `Some(new toggle)` when a warm-up is allowed at `slot`.
fn activate(t: Toggle, slot: u64, epoch_length: u64) -> Option<Toggle> {
    (toggle_state(t, slot, epoch_length) == ToggleState::Inactive && t.0 != slot)
        .then_some((slot, t.1))
}

/// `Some(new toggle)` when a cool-down is allowed at `slot`.
fn deactivate(t: Toggle, slot: u64, epoch_length: u64) -> Option<Toggle> {
    (toggle_state(t, slot, epoch_length) == ToggleState::Active).then_some((t.0, slot))
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct NcnM {
    index: u64,
    operator_count: u64,
    vault_count: u64,
    slasher_count: u64,
    admin: Pubkey,
    /// operator, vault, slasher, delegate, metadata, weight table, ncn program (role byte order).
    roles: [Pubkey; 7],
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct OperatorM {
    index: u64,
    ncn_count: u64,
    vault_count: u64,
    fee: u16,
    admin: Pubkey,
    /// ncn, vault, voter, delegate, metadata (role byte order).
    roles: [Pubkey; 5],
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct TicketM {
    index: u64,
    toggle: Toggle,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct NosM {
    index: u64,
    ncn_toggle: Toggle,
    operator_toggle: Toggle,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct SlasherM {
    index: u64,
    max: u64,
    toggle: Toggle,
}

#[derive(Clone, Debug)]
struct Model {
    slot: u64,
    epoch_length: u64,
    config_admin: Pubkey,
    ncn_count: u64,
    operator_count: u64,
    ncns: [Option<NcnM>; NCNS as usize],
    operators: [Option<OperatorM>; OPERATORS as usize],
    nvt: BTreeMap<(u8, u8), TicketM>,
    ovt: BTreeMap<(u8, u8), TicketM>,
    nos: BTreeMap<(u8, u8), NosM>,
    nvst: BTreeMap<(u8, u8, u8), SlasherM>,
}

// ---------------------------------------------------------------------------
// Steps.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
enum Action {
    InitConfig,
    InitNcn { n: u8 },
    InitOperator { o: u8, fee: u16 },
    InitNcnVaultTicket { n: u8, v: u8 },
    InitOperatorVaultTicket { o: u8, v: u8 },
    InitNcnOperatorState { n: u8, o: u8 },
    InitSlasherTicket { n: u8, v: u8, s: u8, max: u64 },
    WarmupNcnVault { n: u8, v: u8 },
    CooldownNcnVault { n: u8, v: u8 },
    NcnWarmupOperator { n: u8, o: u8 },
    NcnCooldownOperator { n: u8, o: u8 },
    OperatorWarmupNcn { n: u8, o: u8 },
    OperatorCooldownNcn { n: u8, o: u8 },
    WarmupSlasher { n: u8, v: u8, s: u8 },
    CooldownSlasher { n: u8, v: u8, s: u8 },
    WarmupOperatorVault { o: u8, v: u8 },
    CooldownOperatorVault { o: u8, v: u8 },
    NcnSetAdmin { n: u8, alt: bool },
    NcnSetRole { n: u8, role: u8, alt: bool },
    OperatorSetAdmin { o: u8, alt: bool },
    OperatorSetRole { o: u8, role: u8, alt: bool },
    OperatorSetFee { o: u8, fee: u16 },
    SetConfigAdmin { alt: bool },
    Warp { slots: u64 },
}

#[derive(Clone, Debug)]
enum Corruption {
    /// The admin signer replaced by another key of the world.
    WrongSigner(u8),
    /// The admin's signature dropped.
    DropSignature,
    /// A checked account replaced by another key of the world.
    Swap { position: u8, key: u8 },
}

#[derive(Clone, Debug)]
struct Step {
    action: Action,
    /// Retarget the action's indices to entities that exist (or, for a
    /// creation, whose prerequisites exist), so that deep states are reached.
    retarget: bool,
    corruption: Option<Corruption>,
}

fn fee() -> impl Strategy<Value = u16> {
    prop_oneof![4 => 0..=MAX_FEE_BPS, 1 => (MAX_FEE_BPS + 1)..=u16::MAX]
}

fn action() -> impl Strategy<Value = Action> {
    let n = 0..NCNS;
    let o = 0..OPERATORS;
    let v = 0..VAULTS;
    let s = 0..SLASHERS;
    prop_oneof![
        1 => Just(Action::InitConfig),
        6 => n.clone().prop_map(|n| Action::InitNcn { n }),
        7 => (o.clone(), fee()).prop_map(|(o, fee)| Action::InitOperator { o, fee }),
        6 => (n.clone(), v.clone()).prop_map(|(n, v)| Action::InitNcnVaultTicket { n, v }),
        6 => (o.clone(), v.clone()).prop_map(|(o, v)| Action::InitOperatorVaultTicket { o, v }),
        6 => (n.clone(), o.clone()).prop_map(|(n, o)| Action::InitNcnOperatorState { n, o }),
        3 => (n.clone(), v.clone(), s.clone(), any::<u64>())
            .prop_map(|(n, v, s, max)| Action::InitSlasherTicket { n, v, s, max }),
        4 => (n.clone(), v.clone()).prop_map(|(n, v)| Action::WarmupNcnVault { n, v }),
        5 => (n.clone(), v.clone()).prop_map(|(n, v)| Action::CooldownNcnVault { n, v }),
        4 => (n.clone(), o.clone()).prop_map(|(n, o)| Action::NcnWarmupOperator { n, o }),
        5 => (n.clone(), o.clone()).prop_map(|(n, o)| Action::NcnCooldownOperator { n, o }),
        4 => (n.clone(), o.clone()).prop_map(|(n, o)| Action::OperatorWarmupNcn { n, o }),
        5 => (n.clone(), o.clone()).prop_map(|(n, o)| Action::OperatorCooldownNcn { n, o }),
        3 => (n.clone(), v.clone(), s.clone()).prop_map(|(n, v, s)| Action::WarmupSlasher { n, v, s }),
        4 => (n.clone(), v.clone(), s.clone()).prop_map(|(n, v, s)| Action::CooldownSlasher { n, v, s }),
        4 => (o.clone(), v.clone()).prop_map(|(o, v)| Action::WarmupOperatorVault { o, v }),
        5 => (o.clone(), v.clone()).prop_map(|(o, v)| Action::CooldownOperatorVault { o, v }),
        1 => (n.clone(), any::<bool>()).prop_map(|(n, alt)| Action::NcnSetAdmin { n, alt }),
        2 => (n.clone(), 0..7u8, any::<bool>()).prop_map(|(n, role, alt)| Action::NcnSetRole { n, role, alt }),
        1 => (o.clone(), any::<bool>()).prop_map(|(o, alt)| Action::OperatorSetAdmin { o, alt }),
        2 => (o.clone(), 0..5u8, any::<bool>()).prop_map(|(o, role, alt)| Action::OperatorSetRole { o, role, alt }),
        2 => (o.clone(), fee()).prop_map(|(o, fee)| Action::OperatorSetFee { o, fee }),
        1 => any::<bool>().prop_map(|alt| Action::SetConfigAdmin { alt }),
        20 => prop_oneof![2 => 0..WARP_UNIT, 3 => WARP_UNIT..(3 * WARP_UNIT), 1 => Just(1u64)]
            .prop_map(|slots| Action::Warp { slots }),
    ]
}

fn corruption() -> impl Strategy<Value = Option<Corruption>> {
    prop_oneof![
        16 => Just(None),
        2 => any::<u8>().prop_map(|k| Some(Corruption::WrongSigner(k))),
        1 => Just(Some(Corruption::DropSignature)),
        2 => (any::<u8>(), any::<u8>()).prop_map(|(position, key)| Some(Corruption::Swap { position, key })),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    (action(), prop::bool::weighted(0.8), corruption()).prop_map(
        |(action, retarget, corruption)| Step {
            action,
            retarget,
            corruption,
        },
    )
}

// ---------------------------------------------------------------------------
// Building instructions and predicting their outcome.
// ---------------------------------------------------------------------------

/// An instruction with what corruption needs: the position of the checked
/// admin signer (if the original checks who signs) and the checked positions.
struct Built {
    ix: Instruction,
    admin: Option<usize>,
    /// Positions whose account the original checks (owner/type/PDA/id), so that
    /// another key there must fail.
    checked: Vec<usize>,
}

type Outcome = Result<(), ProgramError>;

fn iao() -> ProgramError {
    ProgramError::InvalidAccountOwner
}

fn custom(code: u32) -> ProgramError {
    ProgramError::Custom(code)
}

fn ncn_role(m: &NcnM, role: usize) -> Pubkey {
    m.roles[role]
}

const NCN_OPERATOR_ROLE: usize = 0;
const NCN_VAULT_ROLE: usize = 1;
const NCN_SLASHER_ROLE: usize = 2;
const OPERATOR_NCN_ROLE: usize = 0;
const OPERATOR_VAULT_ROLE: usize = 1;

struct Sim<'a> {
    k: &'a Keys,
}

/// `candidates[seed % len]`, or `None` when there are none.
fn pick<T: Copy>(candidates: &[T], seed: usize) -> Option<T> {
    (!candidates.is_empty()).then(|| candidates[seed % candidates.len()])
}

impl Sim<'_> {
    /// `action` with its indices moved to existing entities (see [`Step::retarget`]).
    fn retarget(&self, m: &Model, action: Action) -> Action {
        let ncns: Vec<u8> = (0..NCNS)
            .filter(|n| m.ncns[*n as usize].is_some())
            .collect();
        let ops: Vec<u8> = (0..OPERATORS)
            .filter(|o| m.operators[*o as usize].is_some())
            .collect();
        let pairs = |a: &[u8], b: u8| -> Vec<(u8, u8)> {
            a.iter()
                .flat_map(|x| (0..b).map(move |y| (*x, y)))
                .collect()
        };
        let nv = pairs(&ncns, VAULTS);
        let ov = pairs(&ops, VAULTS);
        let no: Vec<(u8, u8)> = ncns
            .iter()
            .flat_map(|n| ops.iter().map(move |o| (*n, *o)))
            .collect();
        let nvt: Vec<(u8, u8)> = m.nvt.keys().copied().collect();
        let ovt: Vec<(u8, u8)> = m.ovt.keys().copied().collect();
        let nos: Vec<(u8, u8)> = m.nos.keys().copied().collect();
        let nvst: Vec<(u8, u8, u8)> = m.nvst.keys().copied().collect();
        // Toggles in the state the action needs (warm-up: Inactive, cool-down:
        // Active), falling back to every existing one.
        let ready = |t: Toggle, warmup: bool| {
            let state = toggle_state(t, m.slot, m.epoch_length);
            if warmup {
                state == ToggleState::Inactive
            } else {
                state == ToggleState::Active
            }
        };
        fn prefer<K: Copy>(all: &[K], ok: impl Fn(&K) -> bool) -> Vec<K> {
            let some: Vec<K> = all.iter().copied().filter(|k| ok(k)).collect();
            if some.is_empty() {
                all.to_vec()
            } else {
                some
            }
        }
        let nvt_w = prefer(&nvt, |k| ready(m.nvt[k].toggle, true));
        let nvt_c = prefer(&nvt, |k| ready(m.nvt[k].toggle, false));
        let ovt_w = prefer(&ovt, |k| ready(m.ovt[k].toggle, true));
        let ovt_c = prefer(&ovt, |k| ready(m.ovt[k].toggle, false));
        let nos_nw = prefer(&nos, |k| ready(m.nos[k].ncn_toggle, true));
        let nos_nc = prefer(&nos, |k| ready(m.nos[k].ncn_toggle, false));
        let nos_ow = prefer(&nos, |k| ready(m.nos[k].operator_toggle, true));
        let nos_oc = prefer(&nos, |k| ready(m.nos[k].operator_toggle, false));
        let nvst_w = prefer(&nvst, |k| ready(m.nvst[k].toggle, true));
        let nvst_c = prefer(&nvst, |k| ready(m.nvst[k].toggle, false));
        let missing = |present: &dyn Fn(u8) -> bool, count: u8| -> Vec<u8> {
            (0..count).filter(|x| !present(*x)).collect()
        };
        use Action::*;
        let r = match action {
            InitNcn { n } => pick(
                &missing(&|x| m.ncns[x as usize].is_some(), NCNS),
                n as usize,
            )
            .map(|n| InitNcn { n }),
            InitOperator { o, fee } => pick(
                &missing(&|x| m.operators[x as usize].is_some(), OPERATORS),
                o as usize,
            )
            .map(|o| InitOperator { o, fee }),
            InitNcnVaultTicket { n, v } => {
                let c: Vec<_> = nv
                    .iter()
                    .copied()
                    .filter(|k| !m.nvt.contains_key(k))
                    .collect();
                pick(&c, (n + v) as usize).map(|(n, v)| InitNcnVaultTicket { n, v })
            }
            InitOperatorVaultTicket { o, v } => {
                let c: Vec<_> = ov
                    .iter()
                    .copied()
                    .filter(|k| !m.ovt.contains_key(k))
                    .collect();
                pick(&c, (o + v) as usize).map(|(o, v)| InitOperatorVaultTicket { o, v })
            }
            InitNcnOperatorState { n, o } => {
                let c: Vec<_> = no
                    .iter()
                    .copied()
                    .filter(|k| !m.nos.contains_key(k))
                    .collect();
                pick(&c, (n + o) as usize).map(|(n, o)| InitNcnOperatorState { n, o })
            }
            InitSlasherTicket { n, v, s, max } => {
                let c: Vec<(u8, u8, u8)> = nvt
                    .iter()
                    .flat_map(|(n, v)| (0..SLASHERS).map(move |s| (*n, *v, s)))
                    .filter(|k| !m.nvst.contains_key(k))
                    .collect();
                pick(&c, (n + v + s) as usize).map(|(n, v, s)| InitSlasherTicket { n, v, s, max })
            }
            WarmupNcnVault { n, v } => {
                pick(&nvt_w, (n + v) as usize).map(|(n, v)| WarmupNcnVault { n, v })
            }
            CooldownNcnVault { n, v } => {
                pick(&nvt_c, (n + v) as usize).map(|(n, v)| CooldownNcnVault { n, v })
            }
            NcnWarmupOperator { n, o } => {
                pick(&nos_nw, (n + o) as usize).map(|(n, o)| NcnWarmupOperator { n, o })
            }
            NcnCooldownOperator { n, o } => {
                pick(&nos_nc, (n + o) as usize).map(|(n, o)| NcnCooldownOperator { n, o })
            }
            OperatorWarmupNcn { n, o } => {
                pick(&nos_ow, (n + o) as usize).map(|(n, o)| OperatorWarmupNcn { n, o })
            }
            OperatorCooldownNcn { n, o } => {
                pick(&nos_oc, (n + o) as usize).map(|(n, o)| OperatorCooldownNcn { n, o })
            }
            WarmupSlasher { n, v, s } => {
                pick(&nvst_w, (n + v + s) as usize).map(|(n, v, s)| WarmupSlasher { n, v, s })
            }
            CooldownSlasher { n, v, s } => {
                pick(&nvst_c, (n + v + s) as usize).map(|(n, v, s)| CooldownSlasher { n, v, s })
            }
            WarmupOperatorVault { o, v } => {
                pick(&ovt_w, (o + v) as usize).map(|(o, v)| WarmupOperatorVault { o, v })
            }
            CooldownOperatorVault { o, v } => {
                pick(&ovt_c, (o + v) as usize).map(|(o, v)| CooldownOperatorVault { o, v })
            }
            NcnSetAdmin { n, alt } => pick(&ncns, n as usize).map(|n| NcnSetAdmin { n, alt }),
            NcnSetRole { n, role, alt } => {
                pick(&ncns, n as usize).map(|n| NcnSetRole { n, role, alt })
            }
            OperatorSetAdmin { o, alt } => {
                pick(&ops, o as usize).map(|o| OperatorSetAdmin { o, alt })
            }
            OperatorSetRole { o, role, alt } => {
                pick(&ops, o as usize).map(|o| OperatorSetRole { o, role, alt })
            }
            OperatorSetFee { o, fee } => pick(&ops, o as usize).map(|o| OperatorSetFee { o, fee }),
            InitConfig | SetConfigAdmin { .. } | Warp { .. } => None,
        };
        r.unwrap_or(action)
    }

    /// The instruction for `action` as an honest caller would send it in state `m`.
    fn build(&self, m: &Model, action: &Action) -> Built {
        let k = self.k;
        let config = &k.config;
        let ncn = |n: u8| &k.ncns[n as usize];
        let op = |o: u8| &k.operators[o as usize];
        let vault = |v: u8| &k.vaults[v as usize].address;
        // The current holder of an NCN role, or the role key the NCN would get if it existed.
        let ncn_holder = |n: u8, role: usize| {
            m.ncns[n as usize]
                .as_ref()
                .map(|x| ncn_role(x, role))
                .unwrap_or(ncn(n).admin)
        };
        let op_holder = |o: u8, role: usize| {
            m.operators[o as usize]
                .as_ref()
                .map(|x| x.roles[role])
                .unwrap_or(op(o).admin)
        };
        let ncn_admin = |n: u8| {
            m.ncns[n as usize]
                .as_ref()
                .map(|x| x.admin)
                .unwrap_or(ncn(n).admin)
        };
        let op_admin = |o: u8| {
            m.operators[o as usize]
                .as_ref()
                .map(|x| x.admin)
                .unwrap_or(op(o).admin)
        };
        let payer = &k.payer;
        match *action {
            Action::InitConfig => Built {
                ix: aw::initialize_config_ix(config, &k.config_admins[1], &VAULT_PROGRAM_ID),
                admin: None,
                checked: vec![0, 3],
            },
            Action::InitNcn { n } => Built {
                ix: aw::initialize_ncn_ix(config, &ncn(n).address, &ncn(n).admin, &ncn(n).base),
                admin: None,
                checked: vec![0, 1, 3, 4],
            },
            Action::InitOperator { o, fee } => Built {
                ix: aw::initialize_operator_ix(
                    config,
                    &op(o).address,
                    &op(o).admin,
                    &op(o).base,
                    fee,
                ),
                admin: None,
                checked: vec![0, 1, 3, 4],
            },
            Action::InitNcnVaultTicket { n, v } => Built {
                ix: aw::initialize_pair_ix(
                    tag::INITIALIZE_NCN_VAULT_TICKET,
                    config,
                    &ncn(n).address,
                    vault(v),
                    &k.nvt[&(n, v)],
                    &ncn_holder(n, NCN_VAULT_ROLE),
                    payer,
                ),
                admin: Some(4),
                checked: vec![0, 1, 2, 3, 6],
            },
            Action::InitOperatorVaultTicket { o, v } => Built {
                ix: aw::initialize_pair_ix(
                    tag::INITIALIZE_OPERATOR_VAULT_TICKET,
                    config,
                    &op(o).address,
                    vault(v),
                    &k.ovt[&(o, v)],
                    &op_holder(o, OPERATOR_VAULT_ROLE),
                    payer,
                ),
                admin: Some(4),
                checked: vec![0, 1, 2, 3, 6],
            },
            Action::InitNcnOperatorState { n, o } => Built {
                ix: aw::initialize_pair_ix(
                    tag::INITIALIZE_NCN_OPERATOR_STATE,
                    config,
                    &ncn(n).address,
                    &op(o).address,
                    &k.nos[&(n, o)],
                    &ncn_holder(n, NCN_OPERATOR_ROLE),
                    payer,
                ),
                admin: Some(4),
                checked: vec![0, 1, 2, 3, 6],
            },
            Action::InitSlasherTicket { n, v, s, max } => Built {
                ix: aw::initialize_ncn_vault_slasher_ticket_ix(
                    config,
                    &ncn(n).address,
                    vault(v),
                    &k.slashers[s as usize],
                    &k.nvt[&(n, v)],
                    &k.nvst[&(n, v, s)],
                    &ncn_holder(n, NCN_SLASHER_ROLE),
                    payer,
                    max,
                ),
                admin: Some(6),
                checked: vec![0, 1, 2, 3, 4, 5, 8],
            },
            Action::WarmupNcnVault { n, v } | Action::CooldownNcnVault { n, v } => {
                let t = if matches!(action, Action::WarmupNcnVault { .. }) {
                    tag::WARMUP_NCN_VAULT_TICKET
                } else {
                    tag::COOLDOWN_NCN_VAULT_TICKET
                };
                Built {
                    ix: aw::toggle_ix(
                        t,
                        config,
                        &ncn(n).address,
                        vault(v),
                        &k.nvt[&(n, v)],
                        &ncn_holder(n, NCN_VAULT_ROLE),
                    ),
                    admin: Some(4),
                    checked: vec![0, 1, 2, 3],
                }
            }
            Action::NcnWarmupOperator { n, o }
            | Action::NcnCooldownOperator { n, o }
            | Action::OperatorWarmupNcn { n, o }
            | Action::OperatorCooldownNcn { n, o } => {
                let (t, admin) = match action {
                    Action::NcnWarmupOperator { .. } => {
                        (tag::NCN_WARMUP_OPERATOR, ncn_holder(n, NCN_OPERATOR_ROLE))
                    }
                    Action::NcnCooldownOperator { .. } => {
                        (tag::NCN_COOLDOWN_OPERATOR, ncn_holder(n, NCN_OPERATOR_ROLE))
                    }
                    Action::OperatorWarmupNcn { .. } => {
                        (tag::OPERATOR_WARMUP_NCN, op_holder(o, OPERATOR_NCN_ROLE))
                    }
                    _ => (tag::OPERATOR_COOLDOWN_NCN, op_holder(o, OPERATOR_NCN_ROLE)),
                };
                Built {
                    ix: aw::toggle_ix(
                        t,
                        config,
                        &ncn(n).address,
                        &op(o).address,
                        &k.nos[&(n, o)],
                        &admin,
                    ),
                    admin: Some(4),
                    checked: vec![0, 1, 2, 3],
                }
            }
            Action::WarmupSlasher { n, v, s } => Built {
                ix: aw::warmup_ncn_vault_slasher_ticket_ix(
                    config,
                    &ncn(n).address,
                    vault(v),
                    &k.slashers[s as usize],
                    &k.nvt[&(n, v)],
                    &k.nvst[&(n, v, s)],
                    &ncn_holder(n, NCN_SLASHER_ROLE),
                ),
                admin: Some(6),
                checked: vec![0, 1, 2, 3, 4, 5],
            },
            Action::CooldownSlasher { n, v, s } => Built {
                ix: aw::cooldown_ncn_vault_slasher_ticket_ix(
                    config,
                    &ncn(n).address,
                    vault(v),
                    &k.slashers[s as usize],
                    &k.nvst[&(n, v, s)],
                    &ncn_holder(n, NCN_SLASHER_ROLE),
                ),
                admin: Some(5),
                checked: vec![0, 1, 2, 3, 4],
            },
            Action::WarmupOperatorVault { o, v } | Action::CooldownOperatorVault { o, v } => {
                let t = if matches!(action, Action::WarmupOperatorVault { .. }) {
                    tag::WARMUP_OPERATOR_VAULT_TICKET
                } else {
                    tag::COOLDOWN_OPERATOR_VAULT_TICKET
                };
                Built {
                    ix: aw::toggle_ix(
                        t,
                        config,
                        &op(o).address,
                        vault(v),
                        &k.ovt[&(o, v)],
                        &op_holder(o, OPERATOR_VAULT_ROLE),
                    ),
                    admin: Some(4),
                    checked: vec![0, 1, 2, 3],
                }
            }
            Action::NcnSetAdmin { n, alt } => {
                let new = if alt { ncn_alt(n, 9) } else { ncn(n).admin };
                Built {
                    ix: aw::set_admin_ix(tag::NCN_SET_ADMIN, &ncn(n).address, &ncn_admin(n), &new),
                    admin: Some(1),
                    checked: vec![0],
                }
            }
            Action::NcnSetRole { n, role, alt } => {
                let new = if alt { ncn_alt(n, role) } else { ncn(n).admin };
                Built {
                    ix: aw::set_secondary_admin_ix(
                        tag::NCN_SET_SECONDARY_ADMIN,
                        role,
                        &ncn(n).address,
                        &ncn_admin(n),
                        &new,
                    ),
                    admin: Some(1),
                    checked: vec![0],
                }
            }
            Action::OperatorSetAdmin { o, alt } => {
                let new = if alt { operator_alt(o, 9) } else { op(o).admin };
                Built {
                    ix: aw::set_admin_ix(
                        tag::OPERATOR_SET_ADMIN,
                        &op(o).address,
                        &op_admin(o),
                        &new,
                    ),
                    admin: Some(1),
                    checked: vec![0],
                }
            }
            Action::OperatorSetRole { o, role, alt } => {
                let new = if alt {
                    operator_alt(o, role)
                } else {
                    op(o).admin
                };
                Built {
                    ix: aw::set_secondary_admin_ix(
                        tag::OPERATOR_SET_SECONDARY_ADMIN,
                        role,
                        &op(o).address,
                        &op_admin(o),
                        &new,
                    ),
                    admin: Some(1),
                    checked: vec![0],
                }
            }
            Action::OperatorSetFee { o, fee } => Built {
                ix: aw::operator_set_fee_ix(config, &op(o).address, &op_admin(o), fee),
                admin: Some(2),
                checked: vec![1],
            },
            Action::SetConfigAdmin { alt } => {
                let new = k.config_admins[alt as usize];
                Built {
                    ix: aw::set_config_admin_ix(config, &m.config_admin, &new),
                    admin: Some(1),
                    checked: vec![0],
                }
            }
            Action::Warp { .. } => unreachable!("warps are not instructions"),
        }
    }

    /// The outcome the original gives for the honest instruction, and the model after it.
    fn predict(&self, m: &Model, action: &Action) -> (Outcome, Model) {
        let mut next = m.clone();
        let outcome = self.apply(&mut next, action);
        if outcome.is_err() {
            next = m.clone();
        }
        (outcome, next)
    }

    fn apply(&self, m: &mut Model, action: &Action) -> Outcome {
        let slot = m.slot;
        let k = self.k;
        let ncn_exists = |m: &Model, n: u8| m.ncns[n as usize].is_some();
        let op_exists = |m: &Model, o: u8| m.operators[o as usize].is_some();
        let need = |ok: bool| if ok { Ok(()) } else { Err(iao()) };
        match *action {
            // The config exists: `load_system_account` refuses it (owned by the program).
            Action::InitConfig => Err(iao()),
            Action::InitNcn { n } => {
                need(!ncn_exists(m, n))?;
                let admin = k.ncns[n as usize].admin;
                m.ncns[n as usize] = Some(NcnM {
                    index: m.ncn_count,
                    operator_count: 0,
                    vault_count: 0,
                    slasher_count: 0,
                    admin,
                    roles: [admin; 7],
                });
                m.ncn_count += 1;
                Ok(())
            }
            Action::InitOperator { o, fee } => {
                need(!op_exists(m, o))?;
                if fee > MAX_FEE_BPS {
                    return Err(custom(err::OPERATOR_FEE_CAP_EXCEEDED));
                }
                let admin = k.operators[o as usize].admin;
                m.operators[o as usize] = Some(OperatorM {
                    index: m.operator_count,
                    ncn_count: 0,
                    vault_count: 0,
                    fee,
                    admin,
                    roles: [admin; 5],
                });
                m.operator_count += 1;
                Ok(())
            }
            Action::InitNcnVaultTicket { n, v } => {
                need(ncn_exists(m, n))?;
                need(!m.nvt.contains_key(&(n, v)))?;
                let ncn = m.ncns[n as usize].as_mut().unwrap();
                m.nvt.insert(
                    (n, v),
                    TicketM {
                        index: ncn.vault_count,
                        toggle: (slot, slot),
                    },
                );
                ncn.vault_count += 1;
                Ok(())
            }
            Action::InitOperatorVaultTicket { o, v } => {
                need(op_exists(m, o))?;
                need(!m.ovt.contains_key(&(o, v)))?;
                let op = m.operators[o as usize].as_mut().unwrap();
                m.ovt.insert(
                    (o, v),
                    TicketM {
                        index: op.vault_count,
                        toggle: (slot, slot),
                    },
                );
                op.vault_count += 1;
                Ok(())
            }
            Action::InitNcnOperatorState { n, o } => {
                need(ncn_exists(m, n))?;
                need(op_exists(m, o))?;
                need(!m.nos.contains_key(&(n, o)))?;
                let ncn = m.ncns[n as usize].as_mut().unwrap();
                m.nos.insert(
                    (n, o),
                    NosM {
                        index: ncn.operator_count,
                        ncn_toggle: (slot, slot),
                        operator_toggle: (slot, slot),
                    },
                );
                ncn.operator_count += 1;
                m.operators[o as usize].as_mut().unwrap().ncn_count += 1;
                Ok(())
            }
            Action::InitSlasherTicket { n, v, s, max } => {
                need(ncn_exists(m, n))?;
                need(m.nvt.contains_key(&(n, v)))?;
                need(!m.nvst.contains_key(&(n, v, s)))?;
                let ncn = m.ncns[n as usize].as_mut().unwrap();
                m.nvst.insert(
                    (n, v, s),
                    SlasherM {
                        index: ncn.slasher_count,
                        max,
                        toggle: (slot, slot),
                    },
                );
                ncn.slasher_count += 1;
                Ok(())
            }
            Action::WarmupNcnVault { n, v } | Action::CooldownNcnVault { n, v } => {
                need(ncn_exists(m, n))?;
                let t = m.nvt.get_mut(&(n, v)).ok_or_else(iao)?;
                if matches!(action, Action::WarmupNcnVault { .. }) {
                    t.toggle = activate(t.toggle, slot, m.epoch_length)
                        .ok_or(custom(err::NCN_VAULT_TICKET_FAILED_WARMUP))?;
                } else {
                    t.toggle = deactivate(t.toggle, slot, m.epoch_length)
                        .ok_or(custom(err::NCN_VAULT_TICKET_FAILED_COOLDOWN))?;
                }
                Ok(())
            }
            Action::NcnWarmupOperator { n, o }
            | Action::NcnCooldownOperator { n, o }
            | Action::OperatorWarmupNcn { n, o }
            | Action::OperatorCooldownNcn { n, o } => {
                // Either side loads both (in its own order): any missing one is `InvalidAccountOwner`.
                need(ncn_exists(m, n) && op_exists(m, o))?;
                let st = m.nos.get_mut(&(n, o)).ok_or_else(iao)?;
                match action {
                    Action::NcnWarmupOperator { .. } => {
                        st.ncn_toggle = activate(st.ncn_toggle, slot, m.epoch_length)
                            .ok_or(custom(err::NCN_WARMUP_OPERATOR_FAILED))?
                    }
                    Action::NcnCooldownOperator { .. } => {
                        st.ncn_toggle = deactivate(st.ncn_toggle, slot, m.epoch_length)
                            .ok_or(custom(err::NCN_COOLDOWN_OPERATOR_FAILED))?
                    }
                    Action::OperatorWarmupNcn { .. } => {
                        st.operator_toggle = activate(st.operator_toggle, slot, m.epoch_length)
                            .ok_or(custom(err::OPERATOR_WARMUP_NCN_FAILED))?
                    }
                    _ => {
                        st.operator_toggle = deactivate(st.operator_toggle, slot, m.epoch_length)
                            .ok_or(custom(err::OPERATOR_COOLDOWN_NCN_FAILED))?
                    }
                }
                Ok(())
            }
            Action::WarmupSlasher { n, v, s } => {
                need(ncn_exists(m, n))?;
                need(m.nvt.contains_key(&(n, v)))?;
                let t = m.nvst.get_mut(&(n, v, s)).ok_or_else(iao)?;
                t.toggle = activate(t.toggle, slot, m.epoch_length)
                    .ok_or(custom(err::NCN_VAULT_SLASHER_TICKET_FAILED_WARMUP))?;
                Ok(())
            }
            Action::CooldownSlasher { n, v, s } => {
                need(ncn_exists(m, n))?;
                let t = m.nvst.get_mut(&(n, v, s)).ok_or_else(iao)?;
                t.toggle = deactivate(t.toggle, slot, m.epoch_length)
                    .ok_or(custom(err::NCN_VAULT_SLASHER_TICKET_FAILED_COOLDOWN))?;
                Ok(())
            }
            Action::WarmupOperatorVault { o, v } | Action::CooldownOperatorVault { o, v } => {
                need(op_exists(m, o))?;
                let t = m.ovt.get_mut(&(o, v)).ok_or_else(iao)?;
                if matches!(action, Action::WarmupOperatorVault { .. }) {
                    t.toggle = activate(t.toggle, slot, m.epoch_length)
                        .ok_or(custom(err::OPERATOR_VAULT_TICKET_FAILED_WARMUP))?;
                } else {
                    t.toggle = deactivate(t.toggle, slot, m.epoch_length)
                        .ok_or(custom(err::OPERATOR_VAULT_TICKET_FAILED_COOLDOWN))?;
                }
                Ok(())
            }
            Action::NcnSetAdmin { n, alt } => {
                let ncn = m.ncns[n as usize].as_mut().ok_or_else(iao)?;
                let new = if alt {
                    ncn_alt(n, 9)
                } else {
                    k.ncns[n as usize].admin
                };
                let old = ncn.admin;
                ncn.admin = new;
                for r in ncn.roles.iter_mut() {
                    if *r == old {
                        *r = new;
                    }
                }
                Ok(())
            }
            Action::NcnSetRole { n, role, alt } => {
                let ncn = m.ncns[n as usize].as_mut().ok_or_else(iao)?;
                ncn.roles[role as usize] = if alt {
                    ncn_alt(n, role)
                } else {
                    k.ncns[n as usize].admin
                };
                Ok(())
            }
            Action::OperatorSetAdmin { o, alt } => {
                let op = m.operators[o as usize].as_mut().ok_or_else(iao)?;
                let new = if alt {
                    operator_alt(o, 9)
                } else {
                    k.operators[o as usize].admin
                };
                let old = op.admin;
                op.admin = new;
                for r in op.roles.iter_mut() {
                    if *r == old {
                        *r = new;
                    }
                }
                Ok(())
            }
            Action::OperatorSetRole { o, role, alt } => {
                let op = m.operators[o as usize].as_mut().ok_or_else(iao)?;
                op.roles[role as usize] = if alt {
                    operator_alt(o, role)
                } else {
                    k.operators[o as usize].admin
                };
                Ok(())
            }
            Action::OperatorSetFee { o, fee } => {
                let op = m.operators[o as usize].as_mut().ok_or_else(iao)?;
                if fee > MAX_FEE_BPS {
                    return Err(custom(err::OPERATOR_FEE_CAP_EXCEEDED));
                }
                op.fee = fee;
                Ok(())
            }
            Action::SetConfigAdmin { alt } => {
                m.config_admin = k.config_admins[alt as usize];
                Ok(())
            }
            Action::Warp { slots } => {
                m.slot += slots;
                Ok(())
            }
        }
    }

    /// Applies a corruption; `None` when it does not apply to this instruction.
    fn corrupt(&self, built: &Built, c: &Corruption) -> Option<Instruction> {
        let mut ix = built.ix.clone();
        match *c {
            Corruption::WrongSigner(pick) => {
                let pos = built.admin?;
                let current = ix.accounts[pos].pubkey;
                let candidates: Vec<Pubkey> = self
                    .k
                    .wallets
                    .iter()
                    .copied()
                    .filter(|w| *w != current)
                    .collect();
                ix.accounts[pos].pubkey = candidates[pick as usize % candidates.len()];
            }
            Corruption::DropSignature => {
                // Every meta of that key: the runtime merges the flags of one key.
                let pos = built
                    .admin
                    .or_else(|| ix.accounts.iter().position(|a| a.is_signer))?;
                let key = ix.accounts[pos].pubkey;
                for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == key) {
                    meta.is_signer = false;
                }
            }
            Corruption::Swap { position, key } => {
                if built.checked.is_empty() {
                    return None;
                }
                let pos = built.checked[position as usize % built.checked.len()];
                let current = ix.accounts[pos].pubkey;
                let candidates: Vec<Pubkey> = self
                    .k
                    .pool
                    .iter()
                    .copied()
                    .filter(|p| *p != current)
                    .collect();
                ix.accounts[pos].pubkey = candidates[key as usize % candidates.len()];
            }
        }
        Some(ix)
    }
}

// ---------------------------------------------------------------------------
// Expected account bytes from the model.
// ---------------------------------------------------------------------------

fn expected_accounts(k: &Keys, m: &Model) -> Vec<(Pubkey, Option<Vec<u8>>)> {
    let mut out = vec![(
        k.config,
        Some(aw::config_bytes(
            &m.config_admin,
            &VAULT_PROGRAM_ID,
            m.ncn_count,
            m.operator_count,
            m.epoch_length,
        )),
    )];
    for (n, keys) in k.ncns.iter().enumerate() {
        let bytes = m.ncns[n].as_ref().map(|x| {
            let mut view = keys.clone();
            view.admin = x.admin;
            view.operator_admin = x.roles[0];
            view.vault_admin = x.roles[1];
            view.slasher_admin = x.roles[2];
            view.delegate_admin = x.roles[3];
            view.metadata_admin = x.roles[4];
            view.weight_table_admin = x.roles[5];
            view.ncn_program_admin = x.roles[6];
            view.bytes(x.index, x.operator_count, x.vault_count, x.slasher_count)
        });
        out.push((keys.address, bytes));
    }
    for (o, keys) in k.operators.iter().enumerate() {
        let bytes = m.operators[o].as_ref().map(|x| {
            let mut view = keys.clone();
            view.admin = x.admin;
            view.ncn_admin = x.roles[0];
            view.vault_admin = x.roles[1];
            view.voter = x.roles[2];
            view.delegate_admin = x.roles[3];
            view.metadata_admin = x.roles[4];
            view.bytes(x.index, x.ncn_count, x.vault_count, x.fee)
        });
        out.push((keys.address, bytes));
    }
    let ncn = |n: u8| &k.ncns[n as usize].address;
    let op = |o: u8| &k.operators[o as usize].address;
    let vault = |v: u8| &k.vaults[v as usize].address;
    for (&(n, v), &key) in &k.nvt {
        let bytes = m
            .nvt
            .get(&(n, v))
            .map(|t| aw::ncn_vault_ticket_bytes(ncn(n), vault(v), t.index, t.toggle));
        out.push((key, bytes));
    }
    for (&(o, v), &key) in &k.ovt {
        let bytes = m
            .ovt
            .get(&(o, v))
            .map(|t| aw::operator_vault_ticket_bytes(op(o), vault(v), t.index, t.toggle));
        out.push((key, bytes));
    }
    for (&(n, o), &key) in &k.nos {
        let bytes = m.nos.get(&(n, o)).map(|s| {
            aw::ncn_operator_state_bytes(ncn(n), op(o), s.index, s.ncn_toggle, s.operator_toggle)
        });
        out.push((key, bytes));
    }
    for (&(n, v, s), &key) in &k.nvst {
        let bytes = m.nvst.get(&(n, v, s)).map(|t| {
            aw::ncn_vault_slasher_ticket_bytes(
                ncn(n),
                vault(v),
                &k.slashers[s as usize],
                t.max,
                t.index,
                t.toggle,
            )
        });
        out.push((key, bytes));
    }
    out
}

/// Every toggle of the model with the state the program must have allowed.
fn toggles(m: &Model) -> Vec<(String, Toggle)> {
    let mut out = Vec::new();
    for (key, t) in &m.nvt {
        out.push((format!("nvt{key:?}"), t.toggle));
    }
    for (key, t) in &m.ovt {
        out.push((format!("ovt{key:?}"), t.toggle));
    }
    for (key, s) in &m.nos {
        out.push((format!("nos{key:?}.ncn"), s.ncn_toggle));
        out.push((format!("nos{key:?}.operator"), s.operator_toggle));
    }
    for (key, t) in &m.nvst {
        out.push((format!("nvst{key:?}"), t.toggle));
    }
    out
}

// ---------------------------------------------------------------------------
// Running a sequence.
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Stats {
    sequences: AtomicU64,
    steps: AtomicU64,
    warps: AtomicU64,
    successes: AtomicU64,
    expected_failures: AtomicU64,
    corrupted: AtomicU64,
    /// Warm-ups of a toggle that had completed a cool-down before (a second cycle).
    rewarmups: AtomicU64,
    /// Outcomes of uncorrupted steps by action name and result.
    outcomes: std::sync::Mutex<BTreeMap<String, u64>>,
}

/// The model at the start of a sequence, and `store` (one harness `World` per runner: building
/// one costs a JIT build of every program) reset to the matching accounts.
fn initial(k: &Keys, world: &Params, store: &mut World) -> Model {
    store.clear_state();
    store.set(
        k.config,
        aw::restaking_account(aw::config_bytes(
            &k.config_admins[0],
            &VAULT_PROGRAM_ID,
            0,
            0,
            world.epoch_length,
        )),
    );
    for (i, v) in k.vaults.iter().enumerate() {
        store.set(v.address, v.account(i as u64, 0));
    }
    for w in &k.wallets {
        store.set(*w, aw::wallet());
    }
    Model {
        slot: world.start_slot,
        epoch_length: world.epoch_length,
        config_admin: k.config_admins[0],
        ncn_count: 0,
        operator_count: 0,
        ncns: Default::default(),
        operators: Default::default(),
        nvt: BTreeMap::new(),
        ovt: BTreeMap::new(),
        nos: BTreeMap::new(),
        nvst: BTreeMap::new(),
    }
}

fn check_world(
    k: &Keys,
    m: &Model,
    store: &World,
    vaults: &[(Pubkey, Account)],
) -> Result<(), String> {
    for (key, expected) in expected_accounts(k, m) {
        let actual = store.account(&key);
        match expected {
            Some(bytes) => {
                if actual.owner != RESTAKING_PROGRAM_ID {
                    return Err(format!(
                        "{key}: owner {} instead of the restaking program",
                        actual.owner
                    ));
                }
                if actual.lamports != rent_exempt(bytes.len()) {
                    return Err(format!(
                        "{key}: {} lamports, not rent-exempt for {} bytes",
                        actual.lamports,
                        bytes.len()
                    ));
                }
                if actual.data != bytes {
                    let first = actual.data.iter().zip(&bytes).position(|(a, b)| a != b);
                    return Err(format!(
                        "{key}: bytes differ from the model (len {} vs {}, first difference at {first:?})",
                        actual.data.len(),
                        bytes.len()
                    ));
                }
            }
            None => {
                if actual.owner != SYSTEM_PROGRAM_ID || !actual.data.is_empty() {
                    return Err(format!("{key}: exists but the model has no such account"));
                }
            }
        }
    }
    for (key, before) in vaults {
        if store.account(key) != *before {
            return Err(format!("vault {key} changed"));
        }
    }
    // Toggles are well-formed: removal never follows an addition by less than
    // zero slots in the future, and nothing is dated after the clock.
    for (name, (added, removed)) in toggles(m) {
        if added > m.slot || removed > m.slot {
            return Err(format!(
                "{name}: toggle ({added}, {removed}) dated after slot {}",
                m.slot
            ));
        }
    }
    Ok(())
}

/// Per-sequence world parameters.
#[derive(Clone, Debug)]
struct Params {
    epoch_length: u64,
    start_slot: u64,
}

fn world() -> impl Strategy<Value = Params> {
    let epoch_length = prop_oneof![
        1 => Just(1u64),
        1 => Just(2u64),
        1 => Just(3u64),
        1 => Just(7u64),
        5 => Just(32u64),
        1 => Just(100u64),
        1 => Just(432_000u64),
    ];
    let start_slot =
        prop_oneof![1 => Just(0u64), 1 => Just(1u64), 6 => Just(100u64), 1 => Just(431_999u64)];
    (epoch_length, start_slot).prop_map(|(epoch_length, start_slot)| Params {
        epoch_length,
        start_slot,
    })
}

fn run_sequence(
    k: &Keys,
    store: &mut World,
    world: &Params,
    steps: &[Step],
    stats: &Stats,
) -> Result<(), String> {
    let sim = Sim { k };
    let mut model = initial(k, world, store);
    let vaults: Vec<(Pubkey, Account)> = k
        .vaults
        .iter()
        .map(|v| (v.address, store.account(&v.address)))
        .collect();
    store.warp(model.slot);
    check_world(k, &model, store, &vaults).map_err(|e| format!("initial world: {e}"))?;

    for (i, step) in steps.iter().enumerate() {
        stats.steps.fetch_add(1, Ordering::Relaxed);
        let slot_before = model.slot;
        let at = |e: String| {
            format!("step {i} {step:?} (slot {slot_before} before it; retargeted or not, see the action in the message): {e}")
        };
        if let Action::Warp { slots } = step.action {
            stats.warps.fetch_add(1, Ordering::Relaxed);
            let before: Vec<(String, ToggleState)> = toggles(&model)
                .into_iter()
                .map(|(n, t)| (n, toggle_state(t, model.slot, model.epoch_length)))
                .collect();
            model.slot += slots;
            store.warp(model.slot);
            // Time alone only moves toggles forward along
            // WarmUp → Active and Cooldown → Inactive.
            for ((name, old), (_, t)) in before.iter().zip(toggles(&model)) {
                let new = toggle_state(t, model.slot, model.epoch_length);
                let ok = old == &new
                    || matches!(
                        (old, new),
                        (ToggleState::WarmUp, ToggleState::Active)
                            | (ToggleState::Cooldown, ToggleState::Inactive)
                    );
                if !ok {
                    return Err(at(format!("{name}: {old:?} became {new:?} by a warp")));
                }
            }
            continue;
        }

        let action = if step.retarget {
            sim.retarget(&model, step.action)
        } else {
            step.action
        };
        let built = sim.build(&model, &action);
        let corrupted = step
            .corruption
            .as_ref()
            .and_then(|c| sim.corrupt(&built, c));
        let ix = corrupted.clone().unwrap_or_else(|| built.ix.clone());
        let inputs = store.accounts_for(&ix);
        let result = store.run_with(&ix, &inputs);

        // Never an abort: a failure is always an error the program returned.
        if let RunResult::UnknownError(e) = &result.program_result {
            return Err(at(format!("not a clean program error: {e:?}")));
        }
        if result.program_result.is_ok() {
            if corrupted.is_some() {
                return Err(at(format!("the corrupted instruction succeeded: {ix:?}")));
            }
            store.commit(&result);
        } else {
            // A failed step changes nothing.
            for ((key, before), (key_after, after)) in inputs.iter().zip(&result.resulting_accounts)
            {
                if key != key_after || before != after {
                    return Err(at(format!("account {key} changed by a failed step")));
                }
            }
        }

        if corrupted.is_some() {
            stats.corrupted.fetch_add(1, Ordering::Relaxed);
        } else {
            let (expected, next) = sim.predict(&model, &action);
            let actual: Outcome = match &result.program_result {
                RunResult::Success => Ok(()),
                RunResult::Failure(e) => Err(e.clone()),
                RunResult::UnknownError(_) => unreachable!(),
            };
            if actual != expected {
                return Err(at(format!("expected {expected:?}, got {actual:?}")));
            }
            let name = format!("{action:?}");
            let name = name.split([' ', '{']).next().unwrap_or("?").to_string();
            let label = match &actual {
                Ok(()) => format!("{name} ok"),
                Err(e) => format!("{name} {e:?}"),
            };
            *stats.outcomes.lock().unwrap().entry(label).or_default() += 1;
            // A successful warm-up leaves WarmUp, a cool-down Cooldown.
            if actual.is_ok() {
                let after: HashMap<String, Toggle> = toggles(&next).into_iter().collect();
                for (name, t) in toggles(&model) {
                    if after[&name] != t {
                        let state = toggle_state(after[&name], next.slot, next.epoch_length);
                        let was = toggle_state(t, model.slot, model.epoch_length);
                        let ok = matches!(
                            (was, state),
                            (ToggleState::Inactive, ToggleState::WarmUp)
                                | (ToggleState::Active, ToggleState::Cooldown)
                        );
                        if !ok {
                            return Err(at(format!(
                                "{name}: {was:?} -> {state:?} by an instruction"
                            )));
                        }
                        if was == ToggleState::Inactive && t.0 < t.1 {
                            stats.rewarmups.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
                stats.successes.fetch_add(1, Ordering::Relaxed);
            } else {
                stats.expected_failures.fetch_add(1, Ordering::Relaxed);
            }
            model = next;
        }
        check_world(k, &model, store, &vaults).map_err(at)?;
    }
    stats.sequences.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

#[test]
fn random_sequences() {
    let cases = env_u64("JITO_PROPTEST_CASES", 256) as u32;
    let max_steps = env_u64("JITO_PROPTEST_STEPS", 160) as usize;
    let seed = match std::env::var("JITO_PROPTEST_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(s) => RngSeed::Fixed(s.parse().expect("JITO_PROPTEST_SEED: a u64 or `random`")),
        None => RngSeed::Fixed(0x6A69_746F_7265_7374),
    };
    let config = Config {
        cases,
        rng_seed: seed,
        failure_persistence: None,
        max_shrink_iters: 4_096,
        max_shrink_time: 60_000,
        ..Config::default()
    };
    let keys = Keys::new();
    let store = RefCell::new(World::with_mollusk(mollusk()));
    let stats = Stats::default();
    let mut runner = TestRunner::new(config);
    let started = std::time::Instant::now();
    let result = runner.run(&(world(), vec(step(), 1..=max_steps)), |(world, steps)| {
        run_sequence(&keys, &mut store.borrow_mut(), &world, &steps, &stats)
            .map_err(|e| TestCaseError::fail(format!("{world:?}: {e}")))
    });
    let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
    println!(
        "RANDOM restaking: {} sequences passed ({} configured, up to {max_steps} steps, seed {:?}), {} steps run: {} warps, {} successes, {} expected failures, {} corrupted (all failed cleanly), {} second-cycle warm-ups, in {:.1}s",
        load(&stats.sequences),
        cases,
        seed,
        load(&stats.steps),
        load(&stats.warps),
        load(&stats.successes),
        load(&stats.expected_failures),
        load(&stats.corrupted),
        load(&stats.rewarmups),
        started.elapsed().as_secs_f64()
    );
    if std::env::var_os("JITO_PROPTEST_VERBOSE").is_some() {
        for (label, n) in stats.outcomes.lock().unwrap().iter() {
            println!("  {label}: {n}");
        }
    }
    if let Err(e) = result {
        panic!("{e}");
    }
}
